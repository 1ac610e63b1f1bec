"""The tracker's status line: what the filter shows, the first step, or the legend."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from mentee_tui.tui.widgets.candidate_card import LEGEND


class TrackerStatus(Static):
    def show(self, filter_text: str, shown: int, total: int) -> None:
        if filter_text:
            self.update(Content.assemble(
                ("Filter: ", "bold"), filter_text,
                f" · {shown} of {total} shown · escape clears",
            ))
        elif not total:
            self.update("No candidates yet: press n to add the first person worth asking.")
        else:
            self.update(f"{LEGEND} · ] [ move · x decline · ? all keys")


__all__ = ["TrackerStatus"]
