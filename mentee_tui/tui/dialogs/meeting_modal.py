"""One meeting: date and time (moved alone), duration, status, where, agenda, notes, and the
action items as a checklist (`space` ticks, `d` removes, the line under it adds one).

The open items of the earlier meetings show above the agenda (they carry over until ticked
in their own meeting). Marking a meeting still to come "done" asks first. Returns a
`MeetingEdit` on save, None on escape. Nothing is written here.
"""

from __future__ import annotations

import arrow
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from mentee_tui.domain.schedule import check_within_term, local_time, month_of
from mentee_tui.domain.stages import parse_instant
from mentee_tui.domain.text import clean_line, clean_text, sentence
from mentee_tui.domain.validate import check_duration, check_location, parse_date, parse_time
from mentee_tui.model import (
    MEETING_STATUSES,
    ActionItem,
    Meeting,
    MeetingEdit,
    Mentorship,
)
from mentee_tui.tui.dialogs.confirm_modal import ConfirmModal
from mentee_tui.tui.dialogs.form_dialog import UNSAVED
from mentee_tui.tui.dialogs.recoverable import RecoverableForm
from mentee_tui.tui.widgets.action_checklist import ActionChecklist
from mentee_tui.tui.widgets.line_input import LineInput
from mentee_tui.tui.widgets.text_box import CleanTextArea


class MeetingModal(RecoverableForm[MeetingEdit | None]):
    """`restore` fills the form with values kept by a hang-up (see `RecoverableForm`)."""

    RECOVERY_KIND = "meeting"
    RECOVERY_FIELDS = {
        "date": "meeting-date", "time": "meeting-time", "duration": "meeting-duration",
        "status": "meeting-status", "agenda": "meeting-agenda", "notes": "meeting-notes",
        "actions": "meeting-actions", "location": "meeting-location",
    }
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="meeting.cancel"),
        Binding("ctrl+s", "save", "Save", id="meeting.save"),
    ]

    def __init__(
        self, meeting: Meeting, mentorship: Mentorship, *, restore: dict | None = None,
        carried: list[str] | None = None, now: arrow.Arrow | None = None,
    ) -> None:
        super().__init__(classes="mentee-dialog")
        self.meeting = meeting
        self.mentorship = mentorship
        self.carried = carried or []  # open items of the earlier meetings
        self.now = now or arrow.utcnow()  # the store's clock: "this meeting is still to come"
        self.restore = restore
        self._warned_unsaved = False

    def recovery_context(self) -> dict:
        return {"meeting_id": self.meeting.id, "mentorship_id": self.mentorship.id,
                "number": self.meeting.number, "mentor": self.meeting.mentor}

    def compose(self) -> ComposeResult:
        m = self.meeting
        start = parse_instant(m.start).to(self.mentorship.timezone)
        title = (f"Meeting {m.number} of {self.mentorship.months} with {m.mentor}"
                 f" · {self.mentorship.timezone}")
        with VerticalScroll(id="meeting-box", classes="dialog-box"):
            yield Static(Content(title), id="meeting-title", classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Label("Date", classes="form-label")
                yield LineInput(start.format("YYYY-MM-DD"), id="meeting-date", compact=True,
                            placeholder="YYYY-MM-DD")
            note = Static("", id="meeting-month-note", classes="form-preview")
            note.display = False
            yield note
            with Horizontal(classes="form-row"):
                yield Label("Time (HH:MM)", classes="form-label")
                yield LineInput(start.format("HH:mm"), id="meeting-time", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Duration (minutes)", classes="form-label")
                yield LineInput(str(m.duration_minutes), id="meeting-duration", type="integer",
                            compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Status", classes="form-label")
                yield Select([(s, s) for s in MEETING_STATUSES], value=m.status,
                             id="meeting-status", allow_blank=False, compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Where", classes="form-label")
                yield LineInput(m.location, id="meeting-location", compact=True,
                                placeholder=self.mentorship.location or "a place or a video link")
            if self.carried:
                yield Static(Content.assemble(
                    ("Still open from earlier meetings (top of the agenda):", "bold"),
                    *(f"\n [ ] {item}" for item in self.carried)),
                    id="meeting-carried", classes="form-preview")
            yield Label("Agenda", classes="form-area-label")
            yield CleanTextArea(m.agenda, id="meeting-agenda", compact=True, classes="form-area")
            yield Label("Notes", classes="form-area-label")
            yield CleanTextArea(m.notes, id="meeting-notes", compact=True, classes="form-area")
            yield Label("Action items (space ticks, d removes)", classes="form-area-label")
            yield ActionChecklist(m.actions, id="meeting-actions", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Add an action item", classes="form-label")
                yield LineInput("", id="meeting-new-action", compact=True,
                                placeholder="type it, then enter")
            yield Static("", id="meeting-error", classes="form-error docked")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="meeting-ok", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="meeting-cancel", compact=True)

    def on_mount(self) -> None:
        self.start_recovery()
        self.query_one("#meeting-date", Input).focus()
        self.query_one("#meeting-box").border_subtitle = "ctrl+s save · esc cancel"

    def read_edit(self) -> MeetingEdit:
        """The form as a `MeetingEdit`; ValueError with a clear message otherwise."""
        def value(widget_id: str) -> str:
            return clean_line(self.query_one(widget_id, Input).value)

        day = parse_date(value("#meeting-date"))
        hour, minute = parse_time(value("#meeting-time"))
        duration = check_duration(value("#meeting-duration"))
        original = parse_instant(self.meeting.start)
        start = local_time(day.year, day.month, day.day, hour, minute, self.mentorship.timezone)
        if start != original:
            check_within_term(self.mentorship.first, self.mentorship.months,
                              self.meeting.number, start)
        # Unchanged wall-clock time: keep the stored value exactly, so nothing looks "moved".
        start_iso = self.meeting.start if start == original else start.isoformat()

        def area(widget_id: str) -> str:
            return clean_text(self.query_one(widget_id, TextArea).text, multiline=True).strip()

        actions = self.query_one("#meeting-actions", ActionChecklist).items
        pending = value("#meeting-new-action")  # typed but not added yet: keep it
        if pending:
            actions.append(ActionItem(pending))
        return MeetingEdit(
            start=start_iso, duration_minutes=duration,
            status=str(self.query_one("#meeting-status", Select).value),
            agenda=area("#meeting-agenda"), notes=area("#meeting-notes"),
            actions=actions, location=check_location(value("#meeting-location")),
        )

    # -- live checks --------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        self._recheck()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._recheck()

    def on_select_changed(self, event: Select.Changed) -> None:
        self._recheck()

    def on_action_checklist_changed(self, event: ActionChecklist.Changed) -> None:
        self._recheck()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Leaving a field checks the form: what is wrong shows at once, not at the save."""
        if self.app.screen is self and event.input.id != "meeting-new-action":
            try:
                self.read_edit()
            except ValueError as exc:
                self._error(sentence(exc))

    def line_submitted(self, line: Input) -> bool:
        """Enter in "Add an action item" adds it to the checklist and stays for the next."""
        if line.id != "meeting-new-action":
            return False
        text = clean_line(line.value)
        if not text:
            return False
        self.query_one("#meeting-actions", ActionChecklist).add(text)
        line.value = ""
        return True

    def _recheck(self) -> None:
        """A message goes once its cause is fixed; a date in another month gets a note."""
        if not self.is_mounted:
            return
        note = self.query_one("#meeting-month-note", Static)
        try:
            edit = self.read_edit()
        except ValueError:
            note.display = False
            return
        error = self.query_one("#meeting-error", Static)
        if error.has_class("visible"):
            error.remove_class("visible")
            self._warned_unsaved = False
        cell = month_of(self.mentorship.first, self.meeting.number)
        moved_to = parse_instant(edit.start).to(self.mentorship.timezone)
        outside = (moved_to.year, moved_to.month) != (cell.year, cell.month)
        note.display = outside
        if outside:
            note.update(Content(
                f"⚠ {moved_to.format('MMM YYYY')} is outside this meeting's month "
                f"({cell.format('MMM YYYY')}); its cell stays."
            ))

    def _error(self, message: str) -> None:
        error = self.query_one("#meeting-error", Static)
        error.update(Content(message))
        error.add_class("visible")

    def _changed(self) -> bool:
        try:
            edit = self.read_edit()
        except ValueError:
            return True
        m = self.meeting
        return (edit.start, edit.duration_minutes, edit.status, edit.agenda, edit.notes,
                edit.actions, edit.location) != (m.start, m.duration_minutes, m.status,
                                                 m.agenda.strip(), m.notes.strip(), m.actions,
                                                 m.location)

    def action_save(self) -> None:
        try:
            edit = self.read_edit()
        except ValueError as exc:
            self._error(sentence(exc))
            return
        start = parse_instant(edit.start)
        if edit.status == "done" and self.meeting.status != "done" and start > self.now:
            self._confirm_done(edit, start)
            return
        self.dismiss(edit)

    def _confirm_done(self, edit: MeetingEdit, start: arrow.Arrow) -> None:
        """A meeting still to come marked done is most often a slip of the status: ask."""
        when = start.to(self.mentorship.timezone).format("dddd D MMMM YYYY, HH:mm")

        def answer(yes: bool | None) -> None:
            if yes:
                self.dismiss(edit)

        self.app.push_screen(ConfirmModal(
            "Mark a meeting still to come as done?",
            Content(f"Meeting {self.meeting.number} is on {when}, "
                    f"{start.humanize(self.now)}. Mark it done anyway?"),
            confirm_label="Mark done"), answer)

    def action_cancel(self) -> None:
        # Escape from a long note should not silently throw it away: ask once.
        if self._changed() and not self._warned_unsaved:
            self._warned_unsaved = True
            self._error(UNSAVED)
            return
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "meeting-ok":
            self.action_save()
        else:
            self.dismiss(None)


__all__ = ["MeetingModal"]
