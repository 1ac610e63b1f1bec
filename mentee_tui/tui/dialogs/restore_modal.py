"""Offer a form that a dropped connection left unsaved: restore it, discard it, or decide later."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from mentee_tui.tui.resources import sheet


class RestoreModal(ModalScreen[str | None]):
    """Dismisses with "restore" (r), "discard" (d), or None on escape (kept for later)."""

    CSS_PATH = sheet("dialogs")
    BINDINGS = [
        Binding("r", "answer('restore')", "Restore", id="restore.restore"),
        Binding("d", "answer('discard')", "Discard", id="restore.discard"),
        Binding("escape", "answer(None)", "Decide later", id="restore.later"),
    ]

    def __init__(self, message: Content) -> None:
        super().__init__(classes="mentee-dialog")
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="restore-box"):
            yield Static(Content("Unsaved form"), classes="dialog-title")
            yield Static(self.message, id="restore-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Restore (r)", id="restore", variant="primary")
                yield Button("Discard (d)", id="discard")
                yield Button("Later (esc)", id="later")

    def on_mount(self) -> None:
        self.query_one("#restore", Button).focus()

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None if event.button.id == "later" else event.button.id)


__all__ = ["RestoreModal"]
