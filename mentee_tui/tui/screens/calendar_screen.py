"""Calendar: one grid per mentorship, one cell per month of the term."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import arrow
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from mentee_tui.domain.plan import current_number, humanize_meeting, next_meeting, open_actions
from mentee_tui.domain.schedule import parse_rule
from mentee_tui.domain.stages import parse_instant
from mentee_tui.domain.text import plural
from mentee_tui.model import (
    HELD_STATUSES,
    Meeting,
    MeetingEdit,
    Mentorship,
    MentorshipSetup,
)
from mentee_tui.storage import StorageError
from mentee_tui.storage.files import default_ics_path, write_private_text
from mentee_tui.tui.dialogs.agreement_modal import AgreementModal
from mentee_tui.tui.results import Done
from mentee_tui.tui.dialogs.export_modal import ExportModal
from mentee_tui.tui.dialogs.meeting_modal import MeetingModal
from mentee_tui.tui.dialogs.mentorship_modal import (
    EndMentorshipModal,
    MentorshipSetupModal,
)
from mentee_tui.tui.screens.base import MenteeScreen
from mentee_tui.tui.widgets.hint_line import HintLine
from mentee_tui.tui.widgets.month_cell import MonthCell
from mentee_tui.tui.resources import sheet

EMPTY_TEXT = (
    "No mentorship yet.\n\n"
    "When a mentor says yes, move their card to agreed on the tracker (press 3, select the "
    "card, then ]): a short setup plans a year (or a shorter term) of monthly meetings, "
    "and they appear here."
)
NO_MENTORSHIP = "No mentorship yet: move a mentor's card to agreed on the tracker (3, then ])."
# What a key says when its action is off (hidden from the key bar) right now.
OFF_REASONS = {
    "change_plan": NO_MENTORSHIP, "end_early": NO_MENTORSHIP, "open_meeting": NO_MENTORSHIP,
    "this_month": NO_MENTORSHIP, "move": NO_MENTORSHIP,
    "export_ics": "Nothing to export yet: there is no mentorship, so no meeting.",
    "agreement": NO_MENTORSHIP, "undo_end": NO_MENTORSHIP,
}
# (minimum screen width, columns): a 4x3 grid where it fits, fewer columns when narrow.
COLUMNS_BY_WIDTH = ((72, 4), (54, 3), (36, 2), (0, 1))


class GridScroll(VerticalScroll, can_focus=False):
    """Scrolls the grid when the term does not fit; never takes the arrow keys from the screen."""


def columns_for(width: int) -> int:
    return next(columns for minimum, columns in COLUMNS_BY_WIDTH if width >= minimum)


class CalendarScreen(MenteeScreen):
    CSS_PATH = sheet("calendar")
    MODE = "calendar"
    BINDINGS = [
        Binding("enter", "open_meeting", "Open meeting", id="calendar.open"),
        Binding("left", "move(-1, 0)", "Previous month", show=False, id="calendar.left"),
        Binding("right", "move(1, 0)", "Next month", show=False, id="calendar.right"),
        Binding("up", "move(0, -1)", "Month above", show=False, id="calendar.up"),
        Binding("down", "move(0, 1)", "Month below", show=False, id="calendar.down"),
        Binding("h", "move(-1, 0)", "Previous month", show=False, id="calendar.h"),
        Binding("l", "move(1, 0)", "Next month", show=False, id="calendar.l"),
        Binding("k", "move(0, -1)", "Month above", show=False, id="calendar.k"),
        Binding("j", "move(0, 1)", "Month below", show=False, id="calendar.j"),
        Binding("t", "this_month", "This month", show=False, id="calendar.this_month"),
        Binding("m", "next_mentorship", "Next mentor", id="calendar.next_mentorship"),
        Binding("r", "change_plan", "Change plan", id="calendar.change_plan"),
        Binding("x", "end_early", "End early", id="calendar.end_early"),
        Binding("u", "undo_end", "Undo end", id="calendar.undo_end"),
        Binding("a", "agreement", "Agreement", id="calendar.agreement"),
        Binding("e", "export_ics", "Export .ics", show=False, id="calendar.export_ics"),
    ]

    # The selected month (an index into `meetings`); setting it moves the selection.
    cursor: reactive[int] = reactive(0, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.mentorships: list[Mentorship] = []
        self.meetings: list[Meeting] = []
        self.mentorship_id: int | None = None  # the mentorship shown (see `show_mentorship`)
        self._seen_ids: set[int] = set()

    def compose_body(self) -> ComposeResult:
        yield Static(id="calendar-title")
        with GridScroll(id="calendar-scroll"):
            yield Grid(id="calendar-grid")
        yield Static(id="calendar-detail")
        yield Static(Content(EMPTY_TEXT), id="calendar-empty")
        yield HintLine(id="calendar-hint")

    # -- data ----------------------------------------------------------------------
    @property
    def mentorship(self) -> Mentorship | None:
        return next((m for m in self.mentorships if m.id == self.mentorship_id), None)

    @property
    def meeting(self) -> Meeting | None:
        return self.meetings[self.cursor] if 0 <= self.cursor < len(self.meetings) else None

    def _now(self) -> arrow.Arrow:
        return self.store.now()

    def _start_cursor(self, mentorship: Mentorship) -> int:
        """This month's cell if the term covers it, else the next meeting, else the first."""
        number = current_number(mentorship, self._now())
        if number is None:
            coming = next_meeting(self.meetings, self._now())
            number = coming.number if coming else 1
        return next((i for i, m in enumerate(self.meetings) if m.number == number), 0)

    def load_from_store(self) -> None:
        """Reload; keeps the shown mentorship and the selected month."""
        self.mentorships = self.store.calendar.mentorships()
        ids = [m.id for m in self.mentorships]
        new_ids = [i for i in ids if i not in self._seen_ids]
        fresh = self.mentorship_id not in ids
        if self._seen_ids and new_ids:  # a mentor just agreed on the tracker: show theirs
            self.mentorship_id, fresh = new_ids[-1], True
        elif fresh:
            active = [m.id for m in self.mentorships if m.active]
            self.mentorship_id = (active or ids or [None])[0]
        self._seen_ids = set(ids) or {0}  # {0}: loaded once, so any later one counts as new
        self.meetings = self.store.calendar.meetings(self.mentorship_id) if self.mentorship_id else []
        mentorship = self.mentorship
        cursor = self._start_cursor(mentorship) if mentorship is not None and fresh else self.cursor
        self.set_reactive(CalendarScreen.cursor, max(0, min(cursor, len(self.meetings) - 1)))
        self._render_grid()
        self.refresh_bindings()

    def entered(self) -> None:
        meeting_id, self.arrive_at = self.arrive_at, None  # the meeting Home opened it on
        if meeting_id is not None:
            self.show_meeting(meeting_id)

    def show_mentorship(self, mentorship_id: int) -> None:
        """Show that mentorship's grid, at this month (or its next meeting)."""
        self.refresh_from_store()
        if mentorship_id not in [m.id for m in self.mentorships]:
            return
        self.mentorship_id = mentorship_id
        self.meetings = self.store.calendar.meetings(mentorship_id)
        self.set_reactive(CalendarScreen.cursor, self._start_cursor(self.mentorship))
        self._render_grid()
        self.refresh_bindings()

    def show_meeting(self, meeting_id: int) -> Meeting | None:
        """Show the grid of that meeting with its month selected; None if it is gone."""
        self.refresh_from_store()
        found = next((m for m in self.store.calendar.meetings() if m.id == meeting_id), None)
        if found is None:
            return None
        if found.mentorship_id != self.mentorship_id:
            self.show_mentorship(found.mentorship_id)
        self.cursor = next(i for i, m in enumerate(self.meetings) if m.id == meeting_id)
        return self.meeting

    # -- drawing ---------------------------------------------------------------------
    def _render_grid(self) -> None:
        mentorship = self.mentorship
        empty = mentorship is None
        self.set_class(empty, "-empty")
        grid = self.query_one("#calendar-grid", Grid)
        title = self.query_one("#calendar-title", Static)
        if mentorship is None:
            grid.remove_children()
            title.update("")
            self.query_one("#calendar-detail", Static).update("")
            return
        title.update(self._title(mentorship))
        cells = list(grid.query_children(MonthCell))
        if len(cells) != len(self.meetings):
            grid.remove_children()
            cells = [MonthCell(i) for i in range(len(self.meetings))]
            grid.mount_all(cells)
        current = current_number(mentorship, self._now())
        for cell, meeting in zip(cells, self.meetings):
            cell.show(meeting, mentorship, current=meeting.number == current,
                      selected=cell.index == self.cursor)
        self._apply_columns()
        self._show_detail()

    def _title(self, mentorship: Mentorship) -> Content:
        rule = parse_rule(mentorship.rule).describe()
        # What tells grids apart comes first: a narrow terminal cuts the end, with an ellipsis.
        position = ""
        if len(self.mentorships) > 1:
            index = [m.id for m in self.mentorships].index(mentorship.id) + 1
            position = f" [{index}/{len(self.mentorships)}, m: next]"
        state = ("ended", "bold reverse") if not mentorship.active else "active"
        return Content.assemble(
            (mentorship.mentor, "bold"), position, " · ", state,
            f" · {plural(mentorship.months, 'month')} · {rule} at {mentorship.time} "
            f"({mentorship.timezone})",
        )

    def _show_detail(self) -> None:
        detail = self.query_one("#calendar-detail", Static)
        meeting, mentorship = self.meeting, self.mentorship
        if meeting is None or mentorship is None:
            detail.update("")
            return
        start = parse_instant(meeting.start).to(mentorship.timezone)
        end = start.shift(minutes=meeting.duration_minutes)
        line = (f"Meeting {meeting.number}: {start.format('dddd D MMMM YYYY, HH:mm')}–"
                f"{end.format('HH:mm')} · {meeting.status}")
        if meeting.upcoming and start >= self._now():
            line += f" · {humanize_meeting(start, self._now(), mentorship.timezone)}"
        first_point = next((p.strip(" -·") for p in meeting.agenda.splitlines() if p.strip()), "")
        extra = f"\nAgenda: {first_point}" if first_point else ""
        if meeting.actions:
            count, still = len(meeting.actions), len(meeting.open_items())
            extra += f" · {still} of {plural(count, 'action item')} open"
        carried = open_actions(self.meetings, meeting)
        if carried and meeting.upcoming:
            extra += f" · {plural(len(carried), 'open item')} carried over"
        detail.update(Content(line + extra))

    def _apply_columns(self) -> None:
        grid = self.query_one("#calendar-grid", Grid)
        grid.styles.grid_size_columns = columns_for(self.size.width or self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._apply_columns()

    def watch_cursor(self, index: int) -> None:
        for cell in self.query(MonthCell):
            cell.set_class(cell.index == index, "-selected")
        cells = list(self.query(MonthCell))
        if 0 <= index < len(cells):
            self.query_one("#calendar-scroll", GridScroll).scroll_to_widget(
                cells[index], animate=False)
        self._show_detail()

    # -- actions -----------------------------------------------------------------------
    def refuse(self, reason: str) -> None:
        self.query_one("#calendar-hint", HintLine).say(reason)

    def refusal(self, action: str) -> str | None:
        if action == "undo_end" and self.mentorship is not None:
            return (f"Nothing to undo: the mentorship with {self.mentorship.mentor} is under "
                    "way (u undoes an early end).")
        if action == "next_mentorship":
            if not self.mentorships:
                return NO_MENTORSHIP
            return (f"Only one mentorship (with {self.mentorships[0].mentor}): m switches "
                    "between several.")
        return OFF_REASONS.get(action)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_mentorship":
            return len(self.mentorships) > 1
        mentorship = self.mentorship
        if action in ("change_plan", "end_early", "open_meeting", "this_month", "export_ics",
                      "agreement", "undo_end"):
            if mentorship is None:
                return False  # the empty state: nothing to act on, keep the footer clear
        if action == "undo_end":
            return not mentorship.active
        return True

    def action_move(self, dx: int, dy: int) -> None:
        if not self.meetings:
            self.refuse(NO_MENTORSHIP if self.mentorship is None else "This mentorship has no "
                        "meetings to move between.")
            return
        step = dx + dy * columns_for(self.size.width or self.app.size.width)
        target = self.cursor + step
        if target < 0:
            self.refuse("That is the first meeting of the term.")
        elif target >= len(self.meetings):
            self.refuse("That is the last meeting of the term.")
        else:
            self.cursor = target

    def action_this_month(self) -> None:
        if self.mentorship is not None:
            self.cursor = self._start_cursor(self.mentorship)

    def action_next_mentorship(self) -> None:
        if len(self.mentorships) < 2:
            self.refuse(self.refusal("next_mentorship") or NO_MENTORSHIP)
            return
        ids = [m.id for m in self.mentorships]
        self.show_mentorship(ids[(ids.index(self.mentorship_id) + 1) % len(ids)])

    def action_open_meeting(self) -> None:
        meeting, mentorship = self.meeting, self.mentorship
        if meeting is None or mentorship is None:
            self.refuse(NO_MENTORSHIP if mentorship is None else "No meeting is selected: "
                        "this mentorship has none.")
            return
        self.open_meeting(meeting, mentorship)

    def open_meeting(self, meeting: Meeting, mentorship: Mentorship,
                     restore: dict | None = None) -> None:
        def save(edit: MeetingEdit | None) -> None:
            if edit is not None:
                self.mentee_app.write_in_background(
                    self.store.calendar.update_meeting, meeting.id, edit,
                    then=lambda done: saved(edit, done))

        def saved(edit: MeetingEdit, done: Done[Meeting] | None) -> None:
            if done is None:
                return
            changed = done.value
            if changed.status == "cancelled" and edit.status != "cancelled":
                self.app.notify(
                    f"The mentorship with {changed.mentor} has ended: the notes are saved, the "
                    "meeting stays cancelled (done or skipped can still be set).",
                    severity="warning", markup=False,
                )
            self.refresh_from_store()

        self.app.push_screen(MeetingModal(
            meeting, mentorship, restore=restore, carried=open_actions(self.meetings, meeting),
            now=self.store.now()), save)

    def _still_active(self, why: str) -> Mentorship | None:
        """The shown mentorship if it can change; an ended one says `why` not, instead of
        doing nothing."""
        mentorship = self.mentorship
        if mentorship is None:
            self.refuse(NO_MENTORSHIP)
        elif not mentorship.active:
            self.refuse(f"The mentorship with {mentorship.mentor} has already ended{why}.")
            return None
        return mentorship

    def action_change_plan(self, restore: dict | None = None) -> None:
        mentorship = self._still_active(": its plan cannot change")
        if mentorship is None:
            return

        def save(setup: MentorshipSetup | None) -> None:
            if setup is not None:
                self.mentee_app.write_in_background(
                    self.store.calendar.reschedule, mentorship.id, setup, then=changed)

        def changed(done: Done[Any] | None) -> None:
            if done is not None:
                self.app.notify(
                    "Plan changed; meetings already held or moved by hand stay as they were.")
                self.refresh_from_store()

        held = tuple(m.number for m in self.meetings if m.status in HELD_STATUSES)
        moved = tuple(m.number for m in self.meetings if m.status == "moved")
        self.app.push_screen(MentorshipSetupModal(
            mentorship.mentor, mentorship.setup(), changing=True, held=held, moved=moved,
            mentorship_id=mentorship.id, restore=restore, now=self.store.now()), save)

    def action_end_early(self) -> None:
        mentorship = self._still_active("")
        if mentorship is None:
            return
        upcoming = sum(1 for m in self.meetings if m.upcoming)

        def end(answer: bool | None) -> None:
            if answer:
                self.mentee_app.write_in_background(self.store.calendar.end, mentorship.id,
                                                    then=ended)

        def ended(done: Done[Any] | None) -> None:
            if done is not None:
                self.app.notify(f"The mentorship with {mentorship.mentor} has ended "
                                "(u undoes it).", markup=False)
                self.refresh_from_store()

        self.app.push_screen(EndMentorshipModal(mentorship.mentor, upcoming), end)

    def action_undo_end(self) -> None:
        mentorship = self.mentorship
        if mentorship is None or mentorship.active:
            self.refuse(self.refusal("undo_end") or NO_MENTORSHIP)
            return

        def undone(done: Done[Any] | None) -> None:
            if done is not None:
                self.app.notify(f"The mentorship with {mentorship.mentor} is under way again; "
                                "the meetings the end cancelled are back.", markup=False)
                self.refresh_from_store()

        self.mentee_app.write_in_background(self.store.calendar.undo_end, mentorship.id,
                                            then=undone)

    def action_agreement(self) -> None:
        mentorship = self.mentorship
        if mentorship is None:
            self.refuse(NO_MENTORSHIP)
            return
        from mentee_tui.domain.agreement import agreement_of, default_agreement
        from mentee_tui.storage.exchange import answers

        reflection = answers(self.store)

        def save(sections: dict[str, str] | None) -> None:
            if sections is not None:
                self.mentee_app.write_in_background(
                    self.store.calendar.save_agreement, mentorship.id, sections, then=stored)

        def stored(done: Done[Any] | None) -> None:
            if done is not None:
                self.app.notify("Agreement saved: mentee-tui export agreement prints it as "
                                "markdown.", markup=False)
                self.refresh_from_store()

        self.app.push_screen(AgreementModal(
            mentorship.mentor, agreement_of(mentorship, reflection),
            default_agreement(mentorship, reflection)), save)

    def action_export_ics(self) -> None:
        """Every meeting of every mentorship, beside the database; a calendar app imports it.
        Asks first whether the private notes and action items go in too."""
        target = default_ics_path(Path(self.store.path))

        def export(with_notes: bool | None) -> None:
            if with_notes is not None:
                self.run_worker(lambda: self._export(target, with_notes), thread=True,
                                exclusive=True, group="export-ics")

        self.app.push_screen(ExportModal(str(target)), export)

    def _export(self, target: Path, with_notes: bool = False) -> None:
        try:
            # icalendar is imported only when exporting.
            from mentee_tui.storage.exchange import ics_export

            text = ics_export(self.store, with_notes=with_notes)
            write_private_text(target, text)
        except (OSError, StorageError) as exc:
            message = f"Could not write {target}: {getattr(exc, 'strerror', None) or exc}"
            self.app.call_from_thread(self.app.notify, message, severity="error", markup=False)
            return
        what = "with your notes and action items" if with_notes else "agendas only"
        message = f"Exported to {target}, {what} (importing it again updates the events)."
        if self.mentee_app.demo_folder is not None:
            message += " This is the demo's folder: copy the file before you quit."
        self.app.call_from_thread(self.app.notify, message, markup=False)


__all__ = ["CalendarScreen", "columns_for"]
