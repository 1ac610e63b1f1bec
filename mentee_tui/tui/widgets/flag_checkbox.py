"""A checkbox whose state reads without colour: an X only when ticked (NO_COLOR, mono)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Checkbox


class FlagCheckbox(Checkbox):
    """Textual's Checkbox draws the same X ticked or not, in another colour only."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.BUTTON_INNER = "X" if self.value else " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = "X" if self.value else " "
        super().watch_value()


__all__ = ["FlagCheckbox"]
