"""The tracker's status line: who the selected card is, in full, whatever the column width."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class TrackerStatus(Static):
    def show(self, summary: Content | None) -> None:
        """The selected card's summary (`card_summary`), or the first step on an empty board."""
        self.update(summary if summary is not None else Content(
            "No candidates yet: press n to add the first person worth asking."),
            layout=False)  # one line, cut to fit: the board keeps its layout


__all__ = ["TrackerStatus"]
