"""A yes/no question; the message is `Content`, so user text in it stays literal."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from mentee_tui.tui.resources import sheet


class ConfirmModal(ModalScreen[bool]):
    """Dismisses with True on `y` or the confirm button, False on `n` or escape."""

    CSS_PATH = sheet("dialogs")
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, title: str, message: Content, confirm_label: str = "Yes") -> None:
        super().__init__(classes="mentee-dialog")
        self.title_text = title
        self.message = message
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="confirm-box"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(self.message, id="confirm-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.confirm_label} (y)", id="confirm", variant="error")
                yield Button("Cancel (n/esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")


__all__ = ["ConfirmModal"]
