"""A one-line Input that keeps every pasted line: lines are joined with spaces, and
whose editing keys stay with it in a burst (see `own_keys`).

Textual's Input keeps only the first line of a paste, so "Jane Doe\\nSenior Engineer"
would lose the title without a word; control and escape characters go too (`clean_text`).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from mentee_tui.domain.text import clean_text
from mentee_tui.tui.widgets.own_keys import run_own_binding


class LineInput(Input):
    """Also: its editing keys act on it even when a burst has moved the focus on."""

    async def on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # Input's own handler (first line only) must not run too
        # Newlines, tabs and blank lines become one space each, not runs of them.
        text = " ".join(clean_text(event.text).split())
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)


__all__ = ["LineInput"]
