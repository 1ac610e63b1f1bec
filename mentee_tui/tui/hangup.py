"""Notice the terminal's input closing (an SSH connection dropped) and hang up cleanly.

Textual's Linux driver ignores an end of input: a read of b"" breaks out of one pass and the
loop selects again at once, and a read error (EIO from a pty whose other end has gone) ends
in `App.panic`, which prints a traceback to the dead terminal and saves nothing. This
driver treats both as a hang-up: it asks the app to run `hang_up()` on its own thread.
Its input also passes through `PasteGuard`, so escape sequences inside a bracketed paste
stay part of the paste instead of turning into keys.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from typing import Protocol, runtime_checkable

from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

from mentee_tui.tui.paste_guard import PasteGuard


@runtime_checkable
class HangsUp(Protocol):
    """An app that saves what was typed and leaves when the terminal goes (`MenteeApp`)."""

    def hang_up(self) -> None: ...


class HangUpDriver(LinuxDriver):
    """LinuxDriver whose input thread ends in the app's `hang_up` when input closes."""

    def _input_closed(self) -> None:
        app = self._app
        if isinstance(app, HangsUp):
            app.call_later(app.hang_up)

    def run_input_thread(self) -> None:
        """Wait for input and dispatch events: textual 8.2's loop, plus the end of input
        and the paste guard."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        guard = PasteGuard()
        closed = False

        def process(selector_events: list, final: bool = False) -> None:
            nonlocal closed
            for last, (_key, mask) in loop_last(selector_events):
                if not mask & selectors.EVENT_READ:
                    continue
                try:
                    data = os.read(self.fileno, 1024 * 4)
                except OSError:
                    data = b""  # EIO: the terminal at the other end of the pty is gone
                if not data:
                    closed = True
                    break
                text = guard.feed(decode(data, final=final and last))
                if not text:
                    continue  # half a character, or held by the guard; "" would end the parser
                for event in parser.feed(text):
                    self.process_message(event)
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set() and not closed:
                process(selector.select(0.1))
            if not closed:
                selector.unregister(self.fileno)
                process(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass
        if closed and not self.exit_event.is_set():
            self._input_closed()


__all__ = ["HangUpDriver"]
