"""The calendar's export question: the agenda only (the default, safe to share), or the
notes and action items too. Dismisses with True (with notes), False (agenda only) or None."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from mentee_tui.tui.resources import sheet


class ExportModal(ModalScreen[bool | None]):
    CSS_PATH = sheet("dialogs")
    BINDINGS = [
        Binding("a,n", "answer(False)", "Agenda only", id="export.agenda_only"),
        Binding("w,y", "answer(True)", "With notes", id="export.with_notes"),
        Binding("escape", "answer(None)", "Cancel", id="export.cancel"),
    ]

    def __init__(self, target: str) -> None:
        super().__init__(classes="mentee-dialog")
        self.target = target

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="export-box"):
            yield Static("Export the meetings to a calendar file", classes="dialog-title")
            yield Static(Content(
                f"To {self.target}. Each event holds the meeting's agenda. Add your notes and "
                "action items too? They are private: anyone who sees the calendar, or an "
                "invite forwarded from it, reads them."))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Agenda only (a)", id="export-agenda", variant="primary",
                             compact=True)
                yield Button("With notes (w)", id="export-notes", compact=True)
                yield Button("Cancel (esc)", id="export-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-agenda", Button).focus()

    def action_answer(self, answer: bool | None) -> None:
        self.dismiss(answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss({"export-agenda": False, "export-notes": True}.get(event.button.id or ""))


__all__ = ["ExportModal"]
