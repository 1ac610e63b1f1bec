"""Logging a follow-up: what was done (optional) and the day (optional, today if empty)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from mentee_tui.domain.text import clean_line, sentence
from mentee_tui.domain.validate import check_past_date
from mentee_tui.tui.dialogs.form_dialog import FormDialog
from mentee_tui.tui.widgets.line_input import LineInput


@dataclass(slots=True)
class FollowUp:
    note: str = ""
    on: date | None = None  # None: now


class FollowUpModal(FormDialog[FollowUp | None]):
    """Returns the follow-up on enter / ctrl+s, None on escape (nothing is logged)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="follow_up.cancel"),
        Binding("ctrl+s", "save", "Log it", id="follow_up.save"),
    ]

    def __init__(self, name: str, today: date) -> None:
        super().__init__(classes="mentee-dialog")
        self.candidate_name = name
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="follow-up-box"):
            yield Static(Content.assemble(("Follow-up with ", "bold"),
                                          (self.candidate_name, "bold")), classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Label("What you did", classes="form-label")
                yield LineInput(id="follow-up-note", placeholder="e.g. emailed on Monday",
                                compact=True)
            with Horizontal(classes="form-row"):
                yield Label("On (YYYY-MM-DD)", classes="form-label")
                yield LineInput(id="follow-up-on", compact=True,
                                placeholder=f"empty: today, {self.today.isoformat()}")
            yield Static("", id="follow-up-on-error", classes="form-error")
            yield Static("Both are optional; the follow-up reminder starts again from that day.",
                         classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Log it (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.remember_opening_values()
        self.query_one("#follow-up-note", Input).focus()

    def line_submitted(self, line: Input) -> bool:
        """Enter in the note goes on to the day; enter there logs it."""
        if line.id == "follow-up-on":
            self.after_typed_keys(self.action_save)
            return True
        return False

    def _day(self) -> date | None:
        """The day typed, checked; ValueError says what is wrong with it."""
        return check_past_date(self.query_one("#follow-up-on", Input).value, self.today,
                               "the follow-up date")

    def _show_error(self, message: str) -> None:
        error = self.query_one("#follow-up-on-error", Static)
        error.update(Content(message))
        error.set_class(bool(message), "visible")

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if event.input.id == "follow-up-on" and self.app.screen is self:
            try:
                self._day()
            except ValueError as exc:
                self._show_error(sentence(exc))
            else:
                self._show_error("")

    def action_save(self) -> None:
        try:
            day = self._day()
        except ValueError as exc:
            self._show_error(sentence(exc))
            self.query_one("#follow-up-on", Input).focus()
            return
        note = clean_line(self.query_one("#follow-up-note", Input).value)
        self.dismiss(FollowUp(note=note, on=day))


__all__ = ["FollowUp", "FollowUpModal"]
