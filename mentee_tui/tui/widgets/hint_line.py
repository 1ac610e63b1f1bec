"""One line under a screen's body: what the keys do here, or why the last key could not act.

A key that cannot act (no mentorship to change, no revision to show) says why here instead
of doing nothing, and without a toast over the content. The message stays a few seconds,
then the hint comes back.
"""

from __future__ import annotations

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

MESSAGE_SECONDS = 6.0


class HintLine(Static):
    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self.hint = ""
        self.message = ""
        self._timer: Timer | None = None
        self.add_class("-blank")

    def show_hint(self, hint: str) -> None:
        """The line shown when there is no message (empty: the line shows nothing)."""
        self.hint = hint
        if not self.message:
            self._draw()

    def say(self, message: str, *, done: bool = False) -> None:
        """Show `message` (user text stays literal) in place of the hint for a few seconds;
        `done`: what a key just did (plain bold), else why it could not act (a warning)."""
        self.set_class(done, "-done")
        self.message = message
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(MESSAGE_SECONDS, self.clear_message)
        self._draw()

    def clear_message(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.message:
            self.message = ""
            self._draw()

    def _draw(self) -> None:
        self.set_class(bool(self.message), "-message")
        self.set_class(not (self.message or self.hint), "-blank")
        # One line, whatever it says: no new layout of the screen (a move's note would
        # otherwise lay out the whole board again).
        self.update(Text(self.message or self.hint, no_wrap=True, overflow="ellipsis"),
                    layout=False)


__all__ = ["MESSAGE_SECONDS", "HintLine"]
