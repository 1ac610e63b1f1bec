"""The Textual app: screens, widgets, dialogs, hang-up handling and the external editor."""

from mentee_tui.tui.app import MenteeApp, make_app

__all__ = ["MenteeApp", "make_app"]
