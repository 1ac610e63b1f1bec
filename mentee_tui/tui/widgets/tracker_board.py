"""The six columns side by side, and the one selection that moves across them.

Only the focused column shows its highlight, so there is always exactly one selected
card. Left/right skip empty columns and keep the row where they can.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content

from mentee_tui.model import STAGES, Candidate
from mentee_tui.tui.widgets.stage_column import CardList, StageColumn


class TrackerBoard(Horizontal):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.column_index = 0
        # False while the person types a filter: reloads must not steal the focus.
        self.take_focus = True

    def compose(self) -> ComposeResult:
        for stage in STAGES:
            yield StageColumn(stage)

    @property
    def columns(self) -> list[StageColumn]:
        return list(self.query_children(StageColumn))

    @property
    def current(self) -> StageColumn:
        return self.columns[self.column_index]

    def load(
        self,
        candidates: Iterable[Candidate],
        prompt: Callable[[Candidate], Content],
        totals: dict[str, int] | None = None,
    ) -> None:
        """Show `candidates` (already filtered); `totals` adds "shown/total" to the headers."""
        by_stage: dict[str, list[Candidate]] = {stage: [] for stage in STAGES}
        for candidate in candidates:
            by_stage.setdefault(candidate.stage, []).append(candidate)
        for column in self.columns:
            cards = by_stage.get(column.stage, [])
            label = str(len(cards))
            if totals is not None and totals.get(column.stage, 0) != len(cards):
                label = f"{len(cards)}/{totals.get(column.stage, 0)}"
            column.show(((c.id, prompt(c)) for c in cards), label)

    # -- the selection --------------------------------------------------------------
    def selected_id(self) -> int | None:
        return self.current.selected_id()

    def position(self) -> tuple[int, int]:
        return self.column_index, self.current.cards.highlighted or 0

    def focus_column(self, index: int, row: int = 0) -> None:
        columns = self.columns
        index = max(0, min(index, len(columns) - 1))
        self.column_index = index
        for i, column in enumerate(columns):
            if i != index:
                column.cards.highlighted = None
        cards = columns[index].cards
        cards.highlighted = max(0, min(row, cards.option_count - 1)) if cards.option_count else None
        if self.take_focus:
            cards.focus()

    def select_id(self, candidate_id: int) -> bool:
        for index, column in enumerate(self.columns):
            row = column.index_of(candidate_id)
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
                self.focus_column(index, row)
                return
            index += delta

    def move_row(self, delta: int) -> None:
        cards = self.current.cards
        if not cards.option_count:
            return
        cards.focus()
        if delta > 0:
            cards.action_cursor_down()
        else:
            cards.action_cursor_up()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Tab or a click focused a column: it takes the selection."""
        widget = event.widget
        if not isinstance(widget, CardList):
            return
        for index, column in enumerate(self.columns):
            if column.cards is widget:
                if index != self.column_index:
                    row = self.current.cards.highlighted or 0
                    for other in self.columns:
                        if other.cards is not widget:
                            other.cards.highlighted = None
                    self.column_index = index
                    if widget.highlighted is None and widget.option_count:
                        widget.highlighted = min(row, widget.option_count - 1)
                elif widget.highlighted is None and widget.option_count:
                    widget.highlighted = 0
                return


__all__ = ["TrackerBoard"]
