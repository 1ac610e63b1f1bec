"""One tracker column: a header with the stage and its count over a virtual list of cards.

The list is an OptionList, which renders only the visible lines, so thousands of cards
open as fast as a handful.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets.option_list import Option

from mentee_tui.tui.widgets.highlight_list import HighlightList

STAGE_TITLES = {
    "researched": "Researched",
    "contacted": "Contacted",
    "coffee": "Coffee",
    "asked": "Asked",
    "agreed": "Agreed",
    "declined": "Declined",
}


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


class CardList(HighlightList):
    """A column's cards (reverse video for the selection without colour, see
    `HighlightList`). A click selects (and focuses) without opening anything."""

    async def _on_click(self, event: events.Click) -> None:
        event.prevent_default()  # OptionList would also "select" (open) the card
        clicked = event.style.meta.get("option")
        if clicked is not None:
            self.focus()
            self.highlighted = clicked


class StageColumn(Vertical):
    """Header and card list for one stage."""

    def __init__(self, stage: str, **kwargs) -> None:
        super().__init__(id=f"column-{stage}", classes="stage-column", **kwargs)
        self.stage = stage
        self._ids: list[int] = []

    def compose(self) -> ComposeResult:
        header = ColumnHeader(classes="column-header")
        header.title = STAGE_TITLES.get(self.stage, self.stage)
        yield header
        yield CardList(id=f"cards-{self.stage}", classes="card-list")

    @property
    def cards(self) -> CardList:
        return self.query_one(CardList)

    @property
    def ids(self) -> list[int]:
        return self._ids

    def show(self, cards: Iterable[tuple[int, Content]], count_label: str) -> None:
        """Replace the cards (id, prompt); the caller restores the highlight."""
        cards = list(cards)
        self._ids = [card_id for card_id, _ in cards]
        card_list = self.cards
        card_list.clear_options()
        card_list.add_options([Option(prompt, id=str(card_id)) for card_id, prompt in cards])
        self.query_one(ColumnHeader).count = count_label

    def index_of(self, candidate_id: int) -> int | None:
        try:
            return self._ids.index(candidate_id)
        except ValueError:
            return None

    def selected_id(self) -> int | None:
        index = self.cards.highlighted
        if index is None or index >= len(self._ids):
            return None
        return self._ids[index]


__all__ = ["STAGE_TITLES", "CardList", "ColumnHeader", "StageColumn"]
