"""The six columns side by side, and the one selection that moves across them.

Only one column holds a highlight, so there is always at most one selected card.
Left/right skip empty columns and keep the row where they can. The board moves the
focus along with the selection unless the person is typing somewhere else (the filter).
The column holding the selection is marked `-current` (its header stands out, also while
the filter has the focus) and is twice as wide; the board sets that width as it moves the
selection, so a move and its new widths are laid out once, in one frame (a width in a CSS
rule would only apply a frame later, and lay the whole board out a second time).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content

from mentee_tui.domain.stages import matches_filter
from mentee_tui.model import STAGES, Candidate
from mentee_tui.tui.widgets.card_list import CardList
from mentee_tui.tui.widgets.stage_column import StageColumn

WIDE, NARROW = "2fr", "1fr"  # the selection's column, the others


class TrackerBoard(Horizontal):
    def __init__(self, prompt_for: Callable[[int], Content], **kwargs) -> None:
        """`prompt_for(card_id)`: a card's text, asked for only when it comes into view."""
        super().__init__(**kwargs)
        self.columns = [StageColumn(stage, prompt_for) for stage in STAGES]
        self.column_index = 0
        self._widen(0)
        self._totals: dict[str, int] | None = None  # every card per stage, while filtered

    def compose(self) -> ComposeResult:
        yield from self.columns

    @property
    def current(self) -> StageColumn:
        return self.columns[self.column_index]

    def column_of(self, stage: str) -> StageColumn:
        return self.columns[STAGES.index(stage)]

    # -- what it shows ------------------------------------------------------------------
    def show_cards(self, candidates: Iterable[Candidate], filter_text: str = "") -> int:
        """Show the cards (in id order) that match the filter, with "shown/total" counts
        while it hides some; how many are shown. The caller restores the selection."""
        by_stage: dict[str, list[int]] = {stage: [] for stage in STAGES}
        totals = dict.fromkeys(STAGES, 0) if filter_text else None
        for candidate in candidates:
            if totals is not None:
                totals[candidate.stage] = totals.get(candidate.stage, 0) + 1
            if not filter_text or matches_filter(candidate, filter_text):
                by_stage.setdefault(candidate.stage, []).append(candidate.id)
        self._totals = totals
        for column in self.columns:
            column.cards.show(by_stage[column.stage])
            self._count(column)
        return sum(len(ids) for ids in by_stage.values())

    def _count(self, column: StageColumn) -> None:
        shown = column.cards.card_count
        total = shown if self._totals is None else self._totals.get(column.stage, 0)
        column.header.count = str(shown) if total == shown else f"{shown}/{total}"

    def move_card(self, card_id: int, from_stage: str, to_stage: str) -> None:
        """One card changed stage: only its two columns change; a selection follows it."""
        followed = self.selected_id() == card_id
        source, target = self.column_of(from_stage), self.column_of(to_stage)
        if source.cards.remove(card_id):  # not shown (filtered out): only the totals change
            target.cards.insert(card_id)
        if self._totals is not None:
            self._totals[from_stage] = self._totals.get(from_stage, 0) - 1
            self._totals[to_stage] = self._totals.get(to_stage, 0) + 1
        self._count(source)
        self._count(target)
        if followed:
            self.select_id(card_id)

    def refresh_card(self, card_id: int, stage: str) -> None:
        self.column_of(stage).cards.refresh_card(card_id)

    def set_card_height(self, lines: int) -> None:
        for column in self.columns:
            column.cards.card_height = lines

    # -- the selection ------------------------------------------------------------------
    def selected_id(self) -> int | None:
        return self.current.selected_id()

    def position(self) -> tuple[int, int]:
        return self.column_index, self.current.cards.highlighted or 0

    def _may_take_focus(self) -> bool:
        """Nothing is focused, or the board is: the person is not typing elsewhere."""
        return self.is_mounted and (self.screen.focused is None or self.has_focus_within)

    def focus_column(self, index: int, row: int = 0, *, chosen: bool = False) -> None:
        """Select `row` of column `index`; `chosen`: the person's doing (says so)."""
        index = max(0, min(index, len(self.columns) - 1))
        self.column_index = index
        self._widen(index)
        for i, column in enumerate(self.columns):
            if i != index:
                column.cards.highlighted = None
        cards = self.columns[index].cards
        if chosen:
            cards.choose(row)
        else:
            cards.highlighted = row if cards.card_count else None
        if self._may_take_focus():
            self._focus(cards)

    def _widen(self, index: int) -> None:
        for i, column in enumerate(self.columns):
            column.styles.width = WIDE if i == index else NARROW  # unchanged: no new layout
            column.set_class(i == index, "-current")

    def focus_current(self) -> None:
        self._focus(self.current.cards)

    def _focus(self, cards: CardList) -> None:
        # At once (`focus()` waits a turn), so a focus event always finds the focus it names.
        self.screen.set_focus(cards)

    def select_id(self, card_id: int) -> bool:
        """Select the card if it is shown; False if it is not."""
        if self.selected_id() == card_id:
            return True
        for index, column in enumerate(self.columns):
            row = column.index_of(card_id)
            if row is not None:
                self.focus_column(index, row)
                return True
        return False

    def select_first(self) -> None:
        """The first card of the first non-empty column (the first column when all are empty)."""
        for index, column in enumerate(self.columns):
            if column.ids:
                self.focus_column(index, 0)
                return
        self.focus_column(0)

    def restore(self, position: tuple[int, int]) -> None:
        """Back to a column and row after a reload; an emptied column hands over to a neighbour."""
        index, row = position
        if self.columns[index].ids:
            self.focus_column(index, row)
            return
        for delta in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5):
            other = index + delta
            if 0 <= other < len(self.columns) and self.columns[other].ids:
                self.focus_column(other, 0)
                return
        self.focus_column(index)

    def move_column(self, delta: int) -> None:
        """Left/right to the nearest column with cards; stays put at the edge."""
        row = self.current.cards.highlighted or 0
        index = self.column_index + delta
        while 0 <= index < len(self.columns):
            if self.columns[index].ids:
                self.focus_column(index, row, chosen=True)
                return
            index += delta

    def move_row(self, delta: int) -> None:
        cards = self.current.cards
        if not cards.card_count:
            return
        self._focus(cards)
        if delta > 0:
            cards.action_cursor_down()
        else:
            cards.action_cursor_up()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Tab or a click focused another column: it takes the selection, keeping the row."""
        widget = event.widget
        if not isinstance(widget, CardList) or widget is not self.screen.focused:
            return  # overtaken by a later focus
        index = next(i for i, column in enumerate(self.columns) if column.cards is widget)
        if index != self.column_index:
            self.focus_column(index, self.current.cards.highlighted or 0, chosen=True)
        elif widget.highlighted is None and widget.card_count:
            widget.choose(0)


__all__ = ["TrackerBoard"]
