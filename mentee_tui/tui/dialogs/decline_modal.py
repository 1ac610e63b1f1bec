"""Declining: an optional reason and an optional "referred me to …" name."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from mentee_tui.domain.text import clean_line
from mentee_tui.tui.dialogs.form_dialog import FormDialog
from mentee_tui.tui.widgets.line_input import LineInput


@dataclass(slots=True)
class DeclineAnswer:
    reason: str = ""
    referred_to: str = ""


class DeclineModal(FormDialog[DeclineAnswer | None]):
    """Returns the answer on enter / ctrl+s, None on escape (nothing is declined)."""

    RECOVERY_KIND = "decline"
    RECOVERY_FIELDS = {"reason": "decline-reason", "referred_to": "decline-referral"}

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="decline.cancel"),
        Binding("ctrl+s", "save", "Decline", id="decline.save"),
    ]

    def __init__(
        self, name: str, candidate_id: int | None = None, *, restore: dict | None = None,
        warning: str = "",
    ) -> None:
        super().__init__(classes="mentee-dialog")
        self.warning = warning  # declining a mentor who agreed ends the mentorship
        self.candidate_name = name
        self.candidate_id = candidate_id
        self.restore = restore

    def recovery_context(self) -> dict:
        return {"candidate_id": self.candidate_id, "name": self.candidate_name}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="decline-box"):
            yield Static(
                Content.assemble(("Decline ", "bold"), (self.candidate_name, "bold"), "?"),
                classes="dialog-title",
            )
            yield Static(
                "A no is normal: keep reaching out. Both answers are optional.",
                classes="dialog-hint",
            )
            if self.warning:
                yield Static(Content("⚠ " + self.warning), id="decline-warning",
                             classes="dialog-warning")
            yield Label("Reason")
            yield LineInput(id="decline-reason", placeholder="e.g. too many mentees", compact=True)
            yield Label("Referred me to… (adds them as a new researched card)")
            yield LineInput(id="decline-referral", placeholder="a name", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Decline (ctrl+s)", id="save", variant="warning")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.start_recovery()
        self.query_one("#decline-reason", Input).focus()

    def line_submitted(self, line: Input) -> bool:
        """Enter in the reason goes on to the referral; enter there declines."""
        if line.id == "decline-referral":
            self.after_typed_keys(self.action_save)
            return True
        return False

    def action_save(self) -> None:
        self.dismiss(
            DeclineAnswer(
                reason=clean_line(self.query_one("#decline-reason", Input).value),
                referred_to=clean_line(self.query_one("#decline-referral", Input).value),
            )
        )


__all__ = ["DeclineAnswer", "DeclineModal"]
