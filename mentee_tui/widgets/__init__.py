"""Reusable widgets."""

from mentee_tui.widgets.nav_bar import SCREENS, NavBar

__all__ = ["SCREENS", "NavBar"]
