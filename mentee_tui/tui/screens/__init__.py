"""One module a screen, each imported when first used (see `tui.lazy`)."""

from mentee_tui.tui.lazy import lazy_exports

_MODULES = {
    "MenteeScreen": "base",
    "CalendarScreen": "calendar_screen",
    "HelpScreen": "help_screen",
    "HomeScreen": "home_screen",
    "ReflectionScreen": "reflection_screen",
    "TrackerScreen": "tracker_screen",
}
__getattr__ = lazy_exports(__name__, _MODULES)
__all__ = sorted(_MODULES)
