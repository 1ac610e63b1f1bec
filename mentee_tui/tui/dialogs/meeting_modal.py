"""One meeting: date and time (moved alone), duration, status, agenda, notes, action items.

Returns a `MeetingEdit` on save, None on escape. Nothing is written here.
"""

from __future__ import annotations

import arrow
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from mentee_tui.domain.schedule import check_within_term, local_time, month_of
from mentee_tui.domain.text import clean_line, clean_text, sentence
from mentee_tui.domain.validate import check_duration, parse_date, parse_time
from mentee_tui.model import (
    MEETING_STATUSES,
    Meeting,
    MeetingEdit,
    Mentorship,
)
from mentee_tui.tui.dialogs.form_dialog import UNSAVED
from mentee_tui.tui.dialogs.recoverable import RecoverableForm
from mentee_tui.tui.widgets.line_input import LineInput
from mentee_tui.tui.widgets.text_box import CleanTextArea


class MeetingModal(RecoverableForm[MeetingEdit | None]):
    """`restore` fills the form with values kept by a hang-up (see `RecoverableForm`)."""

    RECOVERY_KIND = "meeting"
    RECOVERY_FIELDS = {
        "date": "meeting-date", "time": "meeting-time", "duration": "meeting-duration",
        "status": "meeting-status", "agenda": "meeting-agenda", "notes": "meeting-notes",
        "actions": "meeting-actions",
    }
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="meeting.cancel"),
        Binding("ctrl+s", "save", "Save", id="meeting.save"),
    ]

    def __init__(
        self, meeting: Meeting, mentorship: Mentorship, *, restore: dict | None = None
    ) -> None:
        super().__init__(classes="mentee-dialog")
        self.meeting = meeting
        self.mentorship = mentorship
        self.restore = restore
        self._warned_unsaved = False

    def recovery_context(self) -> dict:
        return {"meeting_id": self.meeting.id, "mentorship_id": self.mentorship.id,
                "number": self.meeting.number, "mentor": self.meeting.mentor}

    def compose(self) -> ComposeResult:
        m = self.meeting
        start = arrow.get(m.start).to(self.mentorship.timezone)
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
            yield Label("Agenda", classes="form-area-label")
            yield CleanTextArea(m.agenda, id="meeting-agenda", compact=True, classes="form-area")
            yield Label("Notes", classes="form-area-label")
            yield CleanTextArea(m.notes, id="meeting-notes", compact=True, classes="form-area")
            yield Label("Action items (one a line)", classes="form-area-label")
            yield CleanTextArea("\n".join(m.actions), id="meeting-actions", compact=True,
                           classes="form-area")
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
        original = arrow.get(self.meeting.start)
        start = local_time(day.year, day.month, day.day, hour, minute, self.mentorship.timezone)
        if start != original:
            check_within_term(self.mentorship.first, self.mentorship.months,
                              self.meeting.number, start)
        # Unchanged wall-clock time: keep the stored value exactly, so nothing looks "moved".
        start_iso = self.meeting.start if start == original else start.isoformat()

        def area(widget_id: str) -> str:
            return clean_text(self.query_one(widget_id, TextArea).text, multiline=True).strip()

        return MeetingEdit(
            start=start_iso, duration_minutes=duration,
            status=str(self.query_one("#meeting-status", Select).value),
            agenda=area("#meeting-agenda"), notes=area("#meeting-notes"),
            actions=[line.strip() for line in area("#meeting-actions").splitlines()
                     if line.strip()],
        )

    # -- live checks --------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        self._recheck()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._recheck()

    def on_select_changed(self, event: Select.Changed) -> None:
        self._recheck()

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
        moved_to = arrow.get(edit.start).to(self.mentorship.timezone)
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
                edit.actions) != (m.start, m.duration_minutes, m.status, m.agenda.strip(),
                                  m.notes.strip(), m.actions)

    def action_save(self) -> None:
        try:
            edit = self.read_edit()
        except ValueError as exc:
            self._error(sentence(exc))
            return
        self.dismiss(edit)

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
