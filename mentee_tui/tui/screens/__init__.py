"""One module a screen."""

from mentee_tui.tui.screens.base import MenteeScreen
from mentee_tui.tui.screens.calendar_screen import CalendarScreen
from mentee_tui.tui.screens.help_screen import HelpScreen
from mentee_tui.tui.screens.home_screen import HomeScreen
from mentee_tui.tui.screens.reflection_screen import ReflectionScreen
from mentee_tui.tui.screens.tracker_screen import TrackerScreen

__all__ = [
    "CalendarScreen",
    "HelpScreen",
    "HomeScreen",
    "MenteeScreen",
    "ReflectionScreen",
    "TrackerScreen",
]
