"""The mentoring agreement of one mentorship: one text box a section (goals, term, cadence,
how and where to meet, confidentiality, mid-term check-in, ending), pre-filled from the
reflection and the plan until written. Returns the sections on save, None on escape.
Nothing is written here; `mentee-tui export agreement` prints it as markdown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Label, Static, TextArea

from mentee_tui.domain.text import clean_text
from mentee_tui.model import AGREEMENT_SECTIONS
from mentee_tui.tui.dialogs.form_dialog import FormDialog
from mentee_tui.tui.widgets.text_box import CleanTextArea


class AgreementModal(FormDialog[dict[str, str] | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="agreement.cancel"),
        Binding("ctrl+s", "save", "Save", id="agreement.save"),
    ]

    def __init__(self, mentor: str, sections: dict[str, str], defaults: dict[str, str]) -> None:
        super().__init__(classes="mentee-dialog")
        self.mentor = mentor
        self.sections = sections  # what shows now: written, else pre-filled
        self.defaults = defaults  # the pre-filled text: saved as "not written"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="agreement-box", classes="dialog-box"):
            yield Static(Content(f"Mentoring agreement with {self.mentor}"),
                         classes="dialog-title")
            yield Static("Pre-filled from your reflection and the plan; agree it together at "
                         "the first meeting. mentee-tui export agreement prints it.",
                         classes="dialog-hint")
            for key, title in AGREEMENT_SECTIONS:
                yield Label(title, classes="form-area-label")
                yield CleanTextArea(self.sections.get(key, ""), id=f"agreement-{key}",
                                    compact=True, classes="form-area")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.remember_opening_values()
        self.query_one("#agreement-goals", TextArea).focus()
        self.query_one("#agreement-box").border_subtitle = "ctrl+s save · esc cancel"

    def read_sections(self) -> dict[str, str]:
        """Each section's text; one left as pre-filled (or emptied) is saved empty, so it
        follows the plan if the plan changes."""
        found = {}
        for key, _title in AGREEMENT_SECTIONS:
            text = clean_text(self.query_one(f"#agreement-{key}", TextArea).text,
                              multiline=True).strip()
            found[key] = "" if text == self.defaults.get(key, "").strip() else text
        return found

    def action_save(self) -> None:
        self.dismiss(self.read_sections())


__all__ = ["AgreementModal"]
