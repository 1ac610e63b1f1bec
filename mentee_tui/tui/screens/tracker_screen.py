"""Tracker: the kanban of prospective mentors, driven from the keyboard.

Every write goes through `app.safely` (one storage transaction, errors become
notifications) and is followed by a reload that keeps the selection on the card.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.widgets import Input, OptionList, Static, TextArea

from mentee_tui.domain.schedule import default_setup
from mentee_tui.domain.stages import matches_filter, next_stage, previous_stage
from mentee_tui.domain.text import clean_line, clean_text, plural
from mentee_tui.model import STAGES, Candidate, MentorshipSetup
from mentee_tui.storage import StorageError
from mentee_tui.tui.dialogs.confirm_modal import ConfirmModal
from mentee_tui.tui.dialogs.mentorship_modal import MentorshipSetupModal
from mentee_tui.tui.results import Done
from mentee_tui.tui.screens.base import MenteeScreen
from mentee_tui.tui.screens.tracker_actions import ENDED_NOTE, TrackerCardActions
from mentee_tui.tui.widgets.candidate_card import LEGEND, card_prompt
from mentee_tui.tui.widgets.line_input import LineInput
from mentee_tui.tui.widgets.stage_column import STAGE_TITLES
from mentee_tui.tui.widgets.tracker_board import TrackerBoard

WIDE_FROM = 100  # columns: wider terminals show organization and days in stage
BOARD_ACTIONS = {
    "select_column", "select_row", "move_next", "move_previous", "decline", "new", "details",
    "edit", "follow_up", "filter", "remove", "undo",
}


class TrackerScreen(TrackerCardActions, MenteeScreen):
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

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._candidates: dict[int, Candidate] = {}
        self._prompts: dict[int, Content] = {}
        self._filter = ""
        self._kept_selection: int | None = None  # the person's choice, kept through a filter
        self._shown_selection: int | None = None  # what the last reload selected by itself
        self._wide = False
        self._loaded = False
        self._left_mode = False
        self._mounted = False
        self._signature: object = None
        self._follow_up_days = 7

    def compose_body(self) -> ComposeResult:
        yield TrackerBoard(id="board")
        yield LineInput(id="tracker-filter", placeholder="filter: name, organization, role, notes",
                    compact=True)
        yield Static(id="tracker-status")

    @property
    def board(self) -> TrackerBoard:
        return self.query_one(TrackerBoard)

    # -- loading ----------------------------------------------------------------------
    def on_mount(self) -> None:
        self._wide = self.size.width >= WIDE_FROM
        self.set_class(self._wide, "-wide")
        self._mounted = True

    def entered(self) -> None:
        # Entering the tracker (not closing a dialog over it) selects the first card.
        self.board.select_first()

    def on_resize(self) -> None:
        wide = self.size.width >= WIDE_FROM
        if wide != self._wide and self._loaded:
            self._wide = wide
            self.set_class(wide, "-wide")
            self._prompts.clear()
            self._show(self.board.selected_id())

    def refresh_from_store(self, select_id: int | None = None, *, force: bool = False) -> None:
        """Reload from storage, keeping the selected card (or its place when it is gone).

        Skipped when the file has not changed since the last load (closing a dialog,
        coming back to the screen), unless `force`d.
        """
        if not self._mounted:
            return
        store = self.store
        signature = store.signature()
        if self._loaded and not force and signature == self._signature:
            if select_id is not None:
                self.board.select_id(select_id)
            return
        try:
            candidates = store.candidates.all()
            follow_up_days = store.settings.get().follow_up_days
        except StorageError as exc:  # damaged by another process: keep showing what we had
            self.notify(str(exc), title="Database", severity="error", markup=False, timeout=10)
            return
        self._signature = signature
        self._candidates = {c.id: c for c in candidates}
        self._follow_up_days = follow_up_days
        self._prompts.clear()
        keep = select_id if select_id is not None else (
            self.board.selected_id() if self._loaded else None
        )
        self._show(keep)
        self._loaded = True

    def _show(self, keep: int | None) -> None:
        board = self.board
        position = board.position()
        if not self._prompts and self._candidates:  # after a reload or a resize
            now = self.store.now()
            days, wide = self._follow_up_days, self._wide
            self._prompts = {
                c.id: card_prompt(c, now=now, follow_up_days=days, wide=wide)
                for c in self._candidates.values()
            }
        shown = [c for c in self._candidates.values() if matches_filter(c, self._filter)]
        totals = None
        if self._filter:
            totals = {stage: 0 for stage in STAGES}
            for c in self._candidates.values():
                totals[c.stage] = totals.get(c.stage, 0) + 1
        board.load(shown, lambda c: self._prompts[c.id], totals)
        board.take_focus = not isinstance(self.focused, Input)  # typing a filter: keep typing
        try:
            if keep is None or not board.select_id(keep):
                board.restore(position)
        finally:
            board.take_focus = True
        self._shown_selection = board.selected_id()  # selected by this reload, not by a person
        self._update_status(len(shown))

    def _update_status(self, shown: int) -> None:
        status = self.query_one("#tracker-status", Static)
        if self._filter:
            status.update(Content.assemble(
                ("Filter: ", "bold"), self._filter,
                f" · {shown} of {len(self._candidates)} shown · escape clears",
            ))
        elif not self._candidates:
            status.update("No candidates yet: press n to add the first person worth asking.")
        else:
            status.update(f"{LEGEND} · ] [ move · x decline · ? all keys")

    # -- helpers ------------------------------------------------------------------------
    def selected(self) -> Candidate | None:
        candidate_id = self.board.selected_id()
        return self._candidates.get(candidate_id) if candidate_id is not None else None

    def _say(self, message: str, severity: SeverityLevel = "information") -> None:
        self.notify(message, severity=severity, markup=False)

    def _need_selection(self) -> Candidate | None:
        candidate = self.selected()
        if candidate is None:
            self._say("No card selected: press n to add one.", "warning")
        return candidate

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in BOARD_ACTIONS and isinstance(self.focused, (Input, TextArea)):
            return False  # typing in the filter: keys are text
        if action == "clear_filter":
            return bool(self._filter) or isinstance(self.focused, Input)
        return True

    # -- selection ------------------------------------------------------------------------
    def action_select_column(self, delta: int) -> None:
        self.board.move_column(delta)

    def action_select_row(self, delta: int) -> None:
        self.board.move_row(delta)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # enter on a card
        self.action_details()

    # -- moves ----------------------------------------------------------------------------
    def action_move_next(self) -> None:
        candidate = self._need_selection()
        if candidate is None:
            return
        target = next_stage(candidate.stage)
        if target is not None:  # at agreed (or declined) `]` does nothing
            self._request_move(candidate, target)

    def action_move_previous(self) -> None:
        candidate = self._need_selection()
        if candidate is None:
            return
        target = previous_stage(candidate)
        if target is not None:
            self._request_move(candidate, target)

    def _request_move(self, candidate: Candidate, stage: str) -> None:
        if stage == "agreed":
            self._move_to_agreed(candidate)
        elif candidate.stage == "agreed":
            self._leave_agreed(candidate, stage)
        else:
            self._apply_move(candidate, stage)

    def _leave_agreed(self, candidate: Candidate, stage: str) -> None:
        """Moving a mentor back ends the mentorship: say what that cancels, then ask."""
        done = self.leaving_agreed_warning(candidate)
        if done is None:
            return  # could not tell what it would cancel: nothing moves (the person was told)
        warning = done.value
        if warning is None:  # no active mentorship (ended already): an ordinary move
            self._apply_move(candidate, stage, ends_mentorship=False)
            return
        message = Content.assemble(
            "Move ", (clean_line(candidate.name), "bold"), f" back to {STAGE_TITLES[stage]}? ",
            warning, " (u undoes it.)",
        )

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self._apply_move(candidate, stage)
            else:
                self._say(f"Not moved: {candidate.name} stays in Agreed")

        self.app.push_screen(ConfirmModal("Leave agreed", message, "Move back"), done)

    def leaving_agreed_warning(self, candidate: Candidate) -> Done[str | None] | None:
        """What leaving agreed does to the candidate's mentorship: Done(None) when it has
        none under way; None when storage failed (the person was told; do not move)."""
        if candidate.stage != "agreed":
            return Done(None)
        done = self.mentee_app.attempt(self.store.calendar.cancelled_by_leaving, candidate.id)
        if done is None or done.value is None:
            return done
        upcoming = done.value
        meetings = "1 planned meeting is" if upcoming == 1 else f"{upcoming} planned meetings are"
        return Done(f"This ends the mentorship: {meetings} cancelled; held ones stay.")

    def _move_to_agreed(self, candidate: Candidate, restore: dict | None = None) -> None:
        """Reaching agreed starts a mentorship: the setup opens; escape cancels the move."""
        settings_done = self.mentee_app.attempt(self.store.settings.get)
        fresh_done = self.mentee_app.attempt(self.store.candidates.get, candidate.id)
        if settings_done is None or fresh_done is None:
            self.refresh_from_store()
            return
        settings, fresh = settings_done.value, fresh_done.value
        if fresh.stage != candidate.stage:
            # Moved by another session since the board was drawn: no form to fill in vain.
            self._say(f"{fresh.name} was moved to {STAGE_TITLES[fresh.stage]} meanwhile "
                      "(another session?); the board now shows where they are.", "warning")
            self.refresh_from_store(select_id=fresh.id)
            return
        defaults = default_setup(settings, self.store.now())

        def agreed(setup: MentorshipSetup | None) -> None:
            if setup is None:
                self._say(f"Not moved: {candidate.name} stays in {STAGE_TITLES[candidate.stage]}")
                return
            started = self.mentee_app.attempt(
                self.store.tracker.agree, candidate.id, setup, undoable=True,
                expected=candidate.stage,
            )
            self.refresh_from_store(select_id=candidate.id)  # refused: shows where it is now
            if started is not None:
                planned = plural(setup.months, "monthly meeting")
                self._say(f"{candidate.name} agreed: {planned} planned; see the calendar (4)")

        self.app.push_screen(MentorshipSetupModal(
            candidate.name, defaults, candidate_id=candidate.id, restore=restore,
            now=self.store.now()), agreed)

    def _apply_move(self, candidate: Candidate, stage: str, note: str = "", *,
                    ends_mentorship: bool = True) -> Candidate | None:
        done = self.mentee_app.attempt(
            self.store.tracker.move, candidate.id, stage, note, undoable=True,
            expected=candidate.stage,
        )
        self.refresh_from_store(select_id=candidate.id)  # refused: shows where it is now
        moved = done.value if done is not None else None
        if moved is not None:
            message = f"{moved.name}: {STAGE_TITLES[candidate.stage]} → {STAGE_TITLES[stage]}"
            ended = ends_mentorship and candidate.stage == "agreed"
            self._say(f"{message}. {ENDED_NOTE}" if ended else message)
        return moved

    # -- filter -----------------------------------------------------------------------------
    def action_filter(self) -> None:
        field = self.query_one("#tracker-filter", Input)
        self.add_class("-filtering")
        self._kept_selection = self.board.selected_id() or self._kept_selection
        field.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The card the person chose is the one a filter keeps. While they type in the
        filter, what gets selected is the filter's doing (`z` matched someone on the way to
        `zzz`) and does not count."""
        if isinstance(self.focused, Input):
            return
        selected = self.board.selected_id()
        if selected is not None and selected != self._shown_selection:
            self._kept_selection = selected
            self._shown_selection = None  # moved by the person: any card counts from now

    def action_clear_filter(self) -> None:
        field = self.query_one("#tracker-filter", Input)
        keep = self._kept_selection
        self._filter = ""
        field.value = ""
        self.remove_class("-filtering")
        self._show(keep)
        # Focus after the selection is back: focusing first would let the column that held
        # the filter's last pick take the selection when its focus event arrives.
        self.board.current.cards.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "tracker-filter":
            return
        event.stop()
        cleaned = clean_text(event.value)
        if cleaned != event.value:  # a pasted escape sequence: show and use clean text
            event.input.value = cleaned
            return
        text = clean_line(cleaned)
        if text != self._filter:
            self._filter = text
            self._show(self._kept_selection)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "tracker-filter":
            event.stop()
            if not self._filter:
                self.remove_class("-filtering")
            self.board.current.cards.focus()


__all__ = ["TrackerScreen"]
