"""One tracker column: a header with the stage and its count over the column's cards."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from mentee_tui.domain.stages import STAGE_TITLES
from mentee_tui.tui.widgets.card_list import CardList



class ColumnHeader(Widget):
    """`Researched 12`, the title cut with an ellipsis before the count ever is."""

    title: reactive[str] = reactive("")
    count: reactive[str] = reactive("0")

    def render(self) -> Content:
        width = max(1, self.size.width)
        count = self.count
        room = width - len(count) - 1
        title = self.title
        if room < 2:
            return Content.assemble((count, "bold"))
        if len(title) > room:
            title = title[: room - 1] + "…"
        return Content.assemble((title, "bold"), " " * (width - len(title) - len(count)), count)


class StageColumn(Vertical):
    """Header and card list for one stage."""

    def __init__(self, stage: str, prompt_for: Callable[[int], Content], **kwargs) -> None:
        super().__init__(id=f"column-{stage}", classes="stage-column", **kwargs)
        self.stage = stage
        self.header = ColumnHeader(classes="column-header")
        self.header.title = STAGE_TITLES.get(stage, stage)
        self.cards = CardList(prompt_for, id=f"cards-{stage}", classes="card-list")

    def compose(self) -> ComposeResult:
        yield self.header
        yield self.cards

    @property
    def ids(self) -> list[int]:
        return self.cards.ids

    def index_of(self, candidate_id: int) -> int | None:
        return self.cards.index_of(candidate_id)

    def selected_id(self) -> int | None:
        return self.cards.highlighted_id


__all__ = ["ColumnHeader", "StageColumn"]
