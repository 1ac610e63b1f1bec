"""A multi-line field for forms: pastes lose control and escape characters (tabs and
newlines stay), and its editing keys stay with it in a burst (see `own_keys`)."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from mentee_tui.domain.text import clean_text
from mentee_tui.tui.widgets.own_keys import run_own_binding


class CleanTextArea(TextArea):
    async def on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)

    async def _on_paste(self, event: events.Paste) -> None:
        # TextArea's own handler runs next (handlers run down the MRO) with the cleaned text.
        event.text = clean_text(event.text, multiline=True)


__all__ = ["CleanTextArea"]
