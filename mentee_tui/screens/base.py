"""What every main screen shares: the nav bar, the footer, refreshing from storage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from mentee_tui.storage import StorageError
from mentee_tui.widgets import NavBar

if TYPE_CHECKING:
    from mentee_tui.app import MenteeApp


class MenteeScreen(Screen):
    """A main screen reached with 1-4. Subclasses compose their body in `compose_body`."""

    MODE = ""

    @property
    def mentee_app(self) -> MenteeApp:
        return self.app  # type: ignore[return-value]

    @property
    def store(self):
        return self.mentee_app.store

    def compose(self) -> ComposeResult:
        yield NavBar(self.MODE, id="nav")
        yield from self.compose_body()
        yield Footer(compact=True)

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_screen_resume(self) -> None:
        try:
            self.refresh_from_store()
        except StorageError as exc:  # damaged by another process: say so, keep running
            self.notify(str(exc), title="Database", severity="error", markup=False, timeout=10)

    def refresh_from_store(self) -> None:
        """Reload what the screen shows; called on entry and when another process wrote."""
