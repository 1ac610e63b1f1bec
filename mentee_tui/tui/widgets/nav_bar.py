"""The top line: where you are, and the keys that reach the other screens."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

SCREENS: tuple[tuple[str, str, str], ...] = (
    ("1", "home", "Home"),
    ("2", "reflection", "Reflection"),
    ("3", "tracker", "Tracker"),
    ("4", "calendar", "Calendar"),
)


class NavBar(Static):
    """Shows the current screen in reverse video so it reads without colour too."""

    def __init__(self, current: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.current = current

    def on_mount(self) -> None:
        text = Text(" mentee-tui ", style="bold")
        for key, mode, title in SCREENS:
            label = f" {key} {title} "
            text.append(" ")
            text.append(label, style="reverse bold" if mode == self.current else "")
        text.append("   ? help")
        self.update(text)
