"""Tracker: the kanban of prospective mentors, driven from the keyboard.

The screen's state is two reactives: `filter_text` (what the filter line holds, cleaned)
and `selected_id` (the card the person chose, kept while a filter hides it). The board
shows them; its card lists report the person's moves back as messages.

`]` and `[` show the move at once and write it on the app's writer thread; a second move
is decided from the moved card and, the writer being first in first out, written after
the first. A failed write has been reported; the board then puts the card back where the
file has it. Moves that ask first and the other actions write at once (`tracker_actions`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import var
from textual.widgets import Input

from mentee_tui.domain.stages import STAGE_TITLES, next_stage, previous_stage
from mentee_tui.domain.text import clean_line, clean_text
from mentee_tui.model import Candidate, HistoryEntry
from mentee_tui.tui.results import Done
from mentee_tui.tui.screens.base import MenteeScreen, Version
from mentee_tui.tui.screens.tracker_actions import ENDED_NOTE, TrackerCardActions
from mentee_tui.tui.widgets.candidate_card import LEGEND, CardPrompts, card_height, card_summary
from mentee_tui.tui.widgets.card_list import CardList
from mentee_tui.tui.widgets.hint_line import HintLine
from mentee_tui.tui.widgets.line_input import LineInput
from mentee_tui.tui.widgets.tracker_board import TrackerBoard
from mentee_tui.tui.widgets.tracker_status import TrackerStatus
from mentee_tui.tui.resources import sheet

if TYPE_CHECKING:
    from mentee_tui.storage import Store

T = TypeVar("T")
WIDE_FROM = 100  # columns: wider terminals show organization and days in stage
BOARD_ACTIONS = {
    "select_column", "select_row", "move_next", "move_previous", "decline", "new", "details",
    "edit", "follow_up", "filter", "remove", "undo", "draft",
}


@dataclass(frozen=True, slots=True)
class SignedWrite(Generic[T]):
    """A write's result with the file's signature just before and just after it."""

    result: T
    before: object
    after: object


def signed_write(store: Store, write: Callable[..., T], *args: Any,
                 **kwargs: Any) -> SignedWrite[T]:
    """Run `write` (on the writer thread) between two looks at the file's signature."""
    before = store.signature()
    result = write(*args, **kwargs)
    return SignedWrite(result, before, store.signature())


@dataclass(slots=True)
class PendingMoves:
    """A card's moves not written yet: the record before the first, the latest shown."""

    before: Candidate
    shown: Candidate


class TrackerScreen(TrackerCardActions, MenteeScreen):
    CSS_PATH = sheet("tracker")
    MODE = "tracker"
    BINDINGS = [
        Binding("right_square_bracket", "move_next", "Move right", key_display="]",
                id="tracker.move_next"),
        Binding("left_square_bracket", "move_previous", "Move left", key_display="[",
                id="tracker.move_previous"),
        Binding("x", "decline", "Decline", id="tracker.decline"),
        Binding("n", "new", "New", id="tracker.new"),
        Binding("enter", "details", "Details", id="tracker.details"),
        Binding("e", "edit", "Edit", show=False, id="tracker.edit"),
        Binding("f", "follow_up", "Log follow-up", show=False, id="tracker.follow_up"),
        Binding("m", "draft", "Draft", id="tracker.draft"),
        Binding("slash", "filter", "Filter", key_display="/", id="tracker.filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="tracker.clear_filter"),
        Binding("d,delete", "remove", "Remove", show=False, id="tracker.remove"),
        Binding("u", "undo", "Undo last move", show=False, id="tracker.undo"),
        Binding("ctrl+z", "undo", "Undo last move", show=False, id="tracker.undo_ctrl_z"),
        Binding("left,h", "select_column(-1)", "Column left", show=False, id="tracker.left"),
        Binding("right,l", "select_column(1)", "Column right", show=False, id="tracker.right"),
        Binding("up,k", "select_row(-1)", "Card up", show=False, id="tracker.up"),
        Binding("down,j", "select_row(1)", "Card down", show=False, id="tracker.down"),
        Binding("shift+right", "move_next", "Move right (alias of ])", show=False,
                id="tracker.move_next_alias"),
        Binding("shift+left", "move_previous", "Move left (alias of [)", show=False,
                id="tracker.move_previous_alias"),
    ]

    filter_text: var[str] = var("", init=False)
    """The filter, cleaned; "" shows every card."""
    selected_id: var[int | None] = var(None, init=False, always_update=True)
    """The card the person chose (keys, a click, a move): what a filter keeps and gives back."""

    def __init__(self) -> None:
        super().__init__()
        self._candidates: dict[int, Candidate] = {}
        self._prompts = CardPrompts()
        self._pending: dict[int, PendingMoves] = {}
        self._loaded_signature: object = None  # the file `load_from_store` read
        self._own_signature: object = None  # the file after this screen's own moves on it
        self.board = TrackerBoard(self._prompt_for, id="board")
        self.status = TrackerStatus(id="tracker-status")
        self.hint = HintLine(id="tracker-hint")

    def compose_body(self) -> ComposeResult:
        self._fit_width(self.app.size.width)  # before the cards mount: nothing to restyle
        yield self.board
        yield LineInput(id="tracker-filter", placeholder="filter: name, organization, role, notes",
                        compact=True)
        yield self.status
        yield self.hint

    # -- loading ------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self._fit_width(event.size.width)

    def _fit_width(self, width: int) -> None:
        """Wide cards (organization, days in stage) from `WIDE_FROM` columns on."""
        wide = width >= WIDE_FROM
        self.set_class(wide, "-wide")
        self._prompts.set_wide(wide)
        self.board.set_card_height(card_height(wide))

    def store_version(self) -> Version:
        """The base's, but the file this screen's own moves made counts as the one loaded:
        the board shows those moves already, so seeing that file reloads nothing."""
        signature, day = super().store_version()
        if signature is not None and signature == self._own_signature:
            signature = self._loaded_signature
        return signature, day

    def load_from_store(self) -> None:
        store = self.store
        signature = store.signature()
        candidates = store.candidates.all()
        follow_up_days = store.settings.get().follow_up_days
        self._loaded_signature, self._own_signature = signature, None
        self._candidates = {c.id: c for c in candidates}
        self._prompts.for_day(store.now(), follow_up_days)
        self._show_board()

    def _prompt_for(self, card_id: int) -> Content:
        return self._prompts.prompt(self._candidates[card_id])

    def _show_board(self) -> None:
        """The loaded cards through the filter, the person's card selected if shown."""
        board, text = self.board, self.filter_text
        position = board.position()
        shown = board.show_cards(self._candidates.values(), text)
        chosen = self.selected_id
        if chosen is None or not board.select_id(chosen):
            board.restore(position)
        if not text:  # nothing hidden: what the board shows is the choice
            self.selected_id = board.selected_id()
        self._show_selected()
        total = len(self._candidates)
        if text:
            self.hint.clear_message()  # what the filter shows matters now, not the last move
            self.hint.show_hint(f"Filter: {text} · {shown} of {total} shown · escape clears")
        else:
            self.hint.show_hint(f"{LEGEND} · ] [ move · x decline · ? all keys" if total else "")

    def _show_selected(self) -> None:
        candidate = self.selected()
        self.status.show(None if candidate is None else card_summary(
            candidate, now=self.store.now(), follow_up_days=self._prompts.follow_up_days))

    def refuse(self, reason: str) -> None:
        """A key that cannot act says why on the hint line, not in a toast over the board."""
        self.hint.say(reason)

    # -- the selection ------------------------------------------------------------------
    def entered(self) -> None:
        # Entering the tracker (not closing a dialog over it) selects the first card, or
        # the card Home opened it on.
        card_id, self.arrive_at = self.arrive_at, None
        if card_id is not None and card_id in self._candidates:
            self.selected_id = card_id
            self.board.focus_current()
            return
        self.board.select_first()
        self.selected_id = self.board.selected_id()

    def selected(self) -> Candidate | None:
        """The card highlighted on the board (what the keys act on)."""
        card_id = self.board.selected_id()
        return self._candidates.get(card_id) if card_id is not None else None

    def candidate(self, card_id: int) -> Candidate | None:
        """The card as the board shows it."""
        return self._candidates.get(card_id)

    def show_card(self, candidate_id: int) -> None:
        """Select the card, after reloading if the file changed since the board was drawn."""
        self.refresh_from_store()
        self.selected_id = candidate_id

    def watch_selected_id(self, card_id: int | None) -> None:
        if card_id is not None:
            self.board.select_id(card_id)  # not shown (filtered out): the board keeps its own
        self._show_selected()

    def on_card_list_highlighted(self, event: CardList.Highlighted) -> None:
        event.stop()
        if event.card_id == self.board.selected_id():  # not overtaken by a later move
            self.selected_id = event.card_id

    def on_card_list_opened(self, event: CardList.Opened) -> None:
        event.stop()
        self.action_details()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in BOARD_ACTIONS and isinstance(self.focused, Input):
            return False  # typing in the filter (the screen's one text field): keys are text
        if action == "clear_filter":
            return bool(self.filter_text) or isinstance(self.focused, Input)
        return True

    def action_select_column(self, delta: int) -> None:
        self.board.move_column(delta)

    def action_select_row(self, delta: int) -> None:
        self.board.move_row(delta)

    # -- moves ----------------------------------------------------------------------------
    def action_move_next(self) -> None:
        self._request_move(lambda candidate: next_stage(candidate.stage))

    def action_move_previous(self) -> None:
        self._request_move(previous_stage)

    def _request_move(self, target_of: Callable[[Candidate], str | None]) -> None:
        candidate = self._need_selection()
        stage = target_of(candidate) if candidate is not None else None
        if candidate is None:
            return  # told by `_need_selection`
        if stage is None:
            where = STAGE_TITLES.get(candidate.stage, candidate.stage)
            side = "after" if target_of is not previous_stage else "before"
            self.refuse(f"{clean_line(candidate.name)} is in {where}: no column {side} it"
                        + (" (x declines, [ moves back)." if candidate.stage == "agreed" else "."))
            return
        if stage == "agreed":
            self.start_agreement(candidate)
        elif candidate.stage == "agreed":
            self.leave_agreed(candidate, stage)
        else:
            self.move_card(candidate, stage)

    def move_card(self, candidate: Candidate, stage: str, *, ends_mentorship: bool = True) -> None:
        """Show the card in `stage` now, as storage will date it; write it in the background."""
        entry = HistoryEntry(at=self.store.now_iso(), event="stage", stage=stage)
        moved = replace(candidate, stage=stage, history=[*candidate.history, entry])
        pending = self._pending.get(candidate.id)
        chained = pending is not None and self._candidates.get(candidate.id) is pending.shown
        self._pending[candidate.id] = PendingMoves(pending.before if chained else candidate, moved)
        self._place(moved)
        self.selected_id = moved.id
        ended = ends_mentorship and candidate.stage == "agreed"

        def written(outcome: Done[SignedWrite[Candidate]] | None) -> None:
            self._move_written(moved, outcome)
            if outcome is not None:
                message = f"{moved.name}: {STAGE_TITLES[candidate.stage]} → {STAGE_TITLES[stage]}"
                self._say(f"{message}. {ENDED_NOTE}" if ended else message)

        self.mentee_app.write_in_background(
            signed_write, self.store, self.store.tracker.move, candidate.id, stage,
            undoable=True, expected=candidate.stage, then=written,
        )

    def _move_written(self, moved: Candidate, outcome: Done[SignedWrite[Candidate]] | None) -> None:
        """The writer's answer for the move to `moved`: the board stays, or is put right."""
        pending = self._pending.get(moved.id)
        if outcome is None:  # refused or failed (the person was told)
            self._pending.pop(moved.id, None)
            if pending is not None and self._candidates.get(moved.id) is pending.shown:
                self._place(pending.before)  # as it was before the moves not written
            self._own_signature = None  # earlier moves written meanwhile: the file decides
            self.refresh_from_store()
            return
        written = outcome.value
        if written.before is not None and written.before in (self._loaded_signature,
                                                             self._own_signature):
            self._own_signature = written.after  # only this write happened since the load
        if pending is not None and pending.shown is not moved:
            return  # a later move of this card is on its way
        self._pending.pop(moved.id, None)
        if pending is not None and self._candidates.get(moved.id) is moved:
            self._place(written.result)  # storage's record: the same card, as stored
        else:
            self.refresh_from_store()  # the board was reloaded meanwhile: show the file

    def _place(self, candidate: Candidate) -> None:
        """Put this record of a card on the board: its column and its prompt."""
        shown = self._candidates.get(candidate.id)
        if shown is None:
            return  # gone from the board meanwhile (another session removed it)
        self._candidates[candidate.id] = candidate
        if shown.stage != candidate.stage:
            self.board.move_card(candidate.id, shown.stage, candidate.stage)
        else:
            self.board.refresh_card(candidate.id, candidate.stage)
        if candidate.id == self.selected_id:
            self._show_selected()

    # -- filter -----------------------------------------------------------------------------
    def action_filter(self) -> None:
        self.add_class("-filtering")
        self.query_one("#tracker-filter", Input).focus()

    def watch_filter_text(self) -> None:
        self._show_board()

    def action_clear_filter(self) -> None:
        self.query_one("#tracker-filter", Input).value = ""
        self.filter_text = ""
        self.remove_class("-filtering")
        # Focus once the selection is back, so the column that holds it takes the focus.
        self.board.focus_current()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "tracker-filter":
            return
        event.stop()
        cleaned = clean_text(event.value)
        if cleaned != event.value:  # a pasted escape sequence: show and use clean text
            event.input.value = cleaned
            return
        self.filter_text = clean_line(cleaned)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "tracker-filter":
            event.stop()
            if not self.filter_text:
                self.remove_class("-filtering")
            self.board.focus_current()


__all__ = ["TrackerScreen"]
