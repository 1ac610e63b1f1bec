"""What every main screen shares: the nav bar, the footer, and showing the store.

A screen reloads at most once per visit, and only when what it shows could differ: the
database file changed (this session's write, or another's) or the day did (days in
stage, "in 3 days"). `load_from_store` is the one place a screen reads the store;
`entered` runs when the person switches to the screen (1-4), not when a dialog closes.

A key that cannot act says why (`refuse`), never nothing: an action that finds nothing to
act on calls `refuse(reason)` itself; a key whose action the screen switches off for now
(hidden from the key bar by `check_action`) is answered from `refusal(action)`.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, cast

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen

from mentee_tui.storage import StorageError
from mentee_tui.tui.widgets import KeyBar, NavBar

if TYPE_CHECKING:
    from mentee_tui.storage import Store
    from mentee_tui.tui.app import MenteeApp

Version = tuple[object, datetime.date]


class MenteeScreen(Screen):
    """A main screen reached with 1-4. Subclasses compose their body in `compose_body`."""

    MODE = ""

    def __init__(self) -> None:
        super().__init__()
        self._shown_version: Version | None = None  # what `load_from_store` last showed
        self._away = True  # switched away (or never shown): the next resume is an entry
        self.arrive_at: int | None = None  # a record to show on the next entry (Home's enter)

    @property
    def mentee_app(self) -> MenteeApp:
        return cast("MenteeApp", self.app)

    @property
    def store(self) -> Store:
        return self.mentee_app.store

    def compose(self) -> ComposeResult:
        yield NavBar(self.MODE, id="nav")
        yield from self.compose_body()
        yield KeyBar(id="keys")

    def compose_body(self) -> ComposeResult:
        yield from ()

    # -- showing the store -------------------------------------------------------------
    def on_screen_suspend(self) -> None:
        # Posted before the mode switch is handled, so current_mode is already the new one.
        self._away = self.app.current_mode != self.MODE

    def on_screen_resume(self) -> None:
        entering, self._away = self._away, False
        self.refresh_from_store()
        if entering:
            self.entered()

    def store_version(self) -> Version:
        return (self.store.signature(), self.store.now().date())

    def refresh_from_store(self) -> bool:
        """Reload if the file or the day changed since the screen last loaded; True if it did.

        A damaged file (another process) is reported and the screen keeps what it shows.
        """
        version = self.store_version()
        if version == self._shown_version:
            return False
        try:
            self.load_from_store()
        except StorageError as exc:
            self.notify(str(exc), title="Database", severity="error", markup=False, timeout=10)
            return False
        self._shown_version = version
        self.call_after_refresh(self.mentee_app.keep_loaded)
        return True

    def load_from_store(self) -> None:
        """Read what the screen shows and show it (subclasses)."""

    def entered(self) -> None:
        """The person switched to this screen (subclasses: where the cursor starts)."""

    def save_for_hangup(self) -> None:
        """The terminal is gone: save what was typed (subclasses that hold typed text)."""

    # -- keys that cannot act ------------------------------------------------------------
    def refuse(self, reason: str) -> None:
        """Say why a key did nothing: on the screen's hint line if it has one (subclasses),
        else as one notification."""
        self.notify(reason, severity="warning", markup=False)

    def refusal(self, action: str) -> str | None:
        """Why `action`, switched off by `check_action` right now, cannot act (None: say
        nothing, e.g. a key the focused editor uses itself). Subclasses."""
        return None

    def on_key(self, event: events.Key) -> None:
        # Runs before the bindings (the key bubbles up from the focused widget first): only
        # a key bound here whose action is off right now is answered, the others act.
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            action = binding.action.split("(")[0]
            if self.check_action(action, ()):
                return
            reason = self.refusal(action)
            if reason is not None:
                self.refuse(reason)
                return


__all__ = ["MenteeScreen"]
