"""The candidate form: every field of a prospective mentor, validated before anything is saved."""

from __future__ import annotations

from collections.abc import Sequence
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from mentee_tui.domain.duplicates import find_duplicate
from mentee_tui.domain.text import clean_line, clean_text, sentence
from mentee_tui.domain.validate import InvalidInput, normalize_email
from mentee_tui.model import SOURCES, Candidate, CandidateInput
from mentee_tui.tui.dialogs.form_dialog import FormDialog
from mentee_tui.tui.widgets.flag_checkbox import FlagCheckbox
from mentee_tui.tui.widgets.line_input import LineInput
from mentee_tui.tui.widgets.text_box import CleanTextArea

# (field, label, placeholder) of the single-line inputs, in form order.
LINE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name", "required, e.g. Ada Lovelace"),
    ("email", "Email", "e.g. ada@example.org"),
    ("role", "Role", "e.g. Director of Engineering"),
    ("organization", "Organization", "e.g. Analytical Engines Ltd"),
)
MORE_LINE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("url", "Profile URL", "e.g. https://www.linkedin.com/in/…"),
    ("introduced_by", "Introduced by", "who put you in touch"),
)
TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("why", "Why them"),
    ("notes", "Notes"),
)
FLAG_FIELDS: tuple[tuple[str, str], ...] = (
    ("knows_well", "I know them well"),
    ("is_supervisor", "My direct or indirect supervisor"),
)


class CandidateModal(FormDialog[CandidateInput | None]):
    """Returns the cleaned input on save (ctrl+s or Save), None on escape. Writes nothing.

    `restore` fills the form with values kept by a hang-up (see `RecoverableForm`).
    """

    RECOVERY_KIND = "candidate"
    RECOVERY_FIELDS = {
        name: name for name in (
            "name", "email", "role", "organization", "source", "url", "introduced_by",
            "why", "notes", "knows_well", "is_supervisor",
        )
    }

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="candidate_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="candidate_form.save"),
    ]

    def __init__(
        self, candidate: Candidate | None = None, *, restore: dict | None = None,
        existing: Sequence[Candidate] = (),
    ) -> None:
        super().__init__(classes="mentee-dialog")
        self.candidate = candidate
        self.restore = restore
        self.existing = existing  # a new card like one of these is warned about first
        self._warned_duplicate: CandidateInput | None = None

    def recovery_context(self) -> dict:
        if self.candidate is None:
            return {"candidate_id": None, "name": ""}
        return {"candidate_id": self.candidate.id, "name": self.candidate.name}

    def _value(self, name: str) -> str | bool:
        if self.candidate is None:
            default = CandidateInput.__dataclass_fields__[name].default
            return default if isinstance(default, (str, bool)) else ""
        candidate = self.candidate
        return getattr(candidate, name)

    def compose(self) -> ComposeResult:
        """Label beside field, one line each, so the whole form and its buttons fit 80×24."""
        title = "New candidate" if self.candidate is None else "Edit candidate"
        with VerticalScroll(classes="dialog-box", id="candidate-box"):
            yield Static(Content(title), classes="dialog-title")
            for name, label, placeholder in LINE_FIELDS[:2]:
                yield from self._line_row(name, label, placeholder)
                yield Static("", id=f"{name}-error", classes="form-error")
            for name, label, placeholder in LINE_FIELDS[2:]:
                yield from self._line_row(name, label, placeholder)
            with Horizontal(classes="form-row"):
                yield Label("Source", classes="form-label")
                source = str(self._value("source"))
                yield Select(
                    [(s, s) for s in SOURCES],
                    value=source if source in SOURCES else "other",
                    allow_blank=False,
                    id="source",
                    compact=True,
                )
            for name, label, placeholder in MORE_LINE_FIELDS:
                yield from self._line_row(name, label, placeholder)
            for name, label in TEXT_FIELDS:
                with Horizontal(classes="form-row form-area-row"):
                    yield Label(label, classes="form-label")
                    yield CleanTextArea(
                        str(self._value(name)), id=name, compact=True, tab_behavior="focus"
                    )
            with Horizontal(classes="form-row", id="candidate-flags"):
                for name, label in FLAG_FIELDS:
                    yield FlagCheckbox(label, bool(self._value(name)), id=name, compact=True)
            yield Static(
                "The programme advises against both: the card will carry a ⚠ warning.",
                classes="dialog-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def _line_row(self, name: str, label: str, placeholder: str) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(label, classes="form-label")
            yield LineInput(str(self._value(name)), id=name, placeholder=placeholder,
                            compact=True)

    def on_mount(self) -> None:
        self.start_recovery()
        self.query_one("#name", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """A message beside a field goes as soon as the field is right (cleaning: FormDialog)."""
        name = event.input.id
        if name in ("name", "email") and self.query_one(f"#{name}-error").has_class("visible"):
            self._check(name)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Leaving a field checks it: the message shows beside it, before any save."""
        if event.input.id in ("name", "email") and self.app.screen is self:  # not closing
            self._check(event.input.id)

    def _check(self, name: str) -> bool:
        """Check one field now and show or clear its message; True when it is right."""
        value = clean_line(self.query_one(f"#{name}", Input).value)
        if name == "name":
            self._error("name", "" if value else "A name is required.")
            return bool(value)
        try:
            normalize_email(value)
        except InvalidInput as exc:
            self._error("email", str(exc).removeprefix("invalid email: "))
            return False
        self._error("email", "")
        return True

    def _error(self, name: str, message: str) -> None:
        error = self.query_one(f"#{name}-error", Static)
        error.update(Content(message))
        error.set_class(bool(message), "visible")

    def collect(self) -> CandidateInput | None:
        """The form as a CandidateInput, or None with the messages shown beside the fields."""
        values: dict[str, str | bool] = {}
        for name, _label, _placeholder in LINE_FIELDS + MORE_LINE_FIELDS:
            values[name] = clean_line(self.query_one(f"#{name}", Input).value)
        for name, _label in TEXT_FIELDS:
            values[name] = clean_text(self.query_one(f"#{name}", TextArea).text, multiline=True).strip()
        for name, _label in FLAG_FIELDS:
            values[name] = self.query_one(f"#{name}", Checkbox).value
        source = self.query_one("#source", Select).value
        values["source"] = source if isinstance(source, str) else "other"
        right = {name: self._check(name) for name in ("name", "email")}  # every message shows
        first_bad = next((name for name, ok in right.items() if not ok), None)
        if first_bad is None:
            values["email"] = normalize_email(str(values["email"]))
        if first_bad:
            self.query_one(f"#{first_bad}", Input).focus()
            return None
        return CandidateInput(**values)

    def _duplicate_warning(self, data: CandidateInput) -> str:
        """For a new card like one already there (`duplicates`, the one rule): the warning,
        once; saving the same values again adds it anyway."""
        if self.candidate is not None or data == self._warned_duplicate:
            return ""
        duplicate = find_duplicate(data.name, data.email, data.organization, self.existing)
        if duplicate is None:
            return ""
        self._warned_duplicate = data
        return f"{sentence(duplicate.message())} Save again to add them anyway."

    def action_save(self) -> None:
        data = self.collect()
        if data is None:
            return
        warning = self._duplicate_warning(data)
        if warning:
            self._error("name", warning)
            return
        self.dismiss(data)


__all__ = ["CandidateModal"]
