"""The mentorship setup: term, meeting day, time, duration, time zone, first meeting, where
to meet, and "weekdays only" (offered by a warning when the plan lands on a weekend; a
Saturday meeting then moves to the Friday before, a Sunday one to the Monday after, always
within the same month: see `domain.schedule`).

Opened when a card reaches agreed (escape cancels the move) and again from the
calendar to change the rule. Returns a validated `MentorshipSetup`, or None.
Nothing is written here.
"""

from __future__ import annotations

import arrow
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from mentee_tui.domain.schedule import (
    Rule,
    describe_weekends,
    format_rule,
    meeting_start,
    parse_rule,
    validate_setup,
)
from mentee_tui.domain.text import clean_line, sentence
from mentee_tui.domain.validate import MAX_MONTHS
from mentee_tui.model import MentorshipSetup
from mentee_tui.tui.dialogs.form_dialog import FormDialog
from mentee_tui.tui.widgets.flag_checkbox import FlagCheckbox
from mentee_tui.tui.widgets.line_input import LineInput
from mentee_tui.tui.resources import sheet

WHICH = [("same day of the month", "same"), ("1st", "1"), ("2nd", "2"), ("3rd", "3"),
         ("4th", "4"), ("last", "last")]
WEEKDAYS = [(name, index) for index, name in enumerate(
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))]


class MentorshipSetupModal(FormDialog[MentorshipSetup | None]):
    """`candidate_name` is shown as plain text; `defaults` fills the form.

    `candidate_id` (agreeing on the tracker) or `mentorship_id` (changing the plan) say
    what a form kept by a hang-up was about; `restore` fills in its values.
    """

    RECOVERY_KIND = "mentorship_setup"
    SAVE_BUTTON_ID = "setup-ok"
    RECOVERY_FIELDS = {
        "months": "setup-months", "which": "setup-which", "weekday": "setup-weekday",
        "time": "setup-time", "duration": "setup-duration", "timezone": "setup-timezone",
        "first": "setup-first", "weekdays_only": "setup-weekdays", "location": "setup-location",
    }

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="setup.cancel"),
        Binding("ctrl+s", "save", "Confirm", id="setup.confirm"),
    ]

    def __init__(self, candidate_name: str, defaults: MentorshipSetup, *,
                 changing: bool = False, held: tuple[int, ...] = (),
                 moved: tuple[int, ...] = (),
                 candidate_id: int | None = None, mentorship_id: int | None = None,
                 restore: dict | None = None, now: arrow.Arrow | None = None) -> None:
        super().__init__(classes="mentee-dialog")
        self.candidate_name = candidate_name
        self.now = now or arrow.utcnow()  # the store's clock: "the first meeting is in the past"
        self.candidate_id = candidate_id
        self.mentorship_id = mentorship_id
        self.restore = restore
        self.defaults = defaults
        self.changing = changing
        self.held = held  # numbers of meetings already held, which a new rule keeps
        self.moved = moved  # numbers of meetings moved by hand, which a new rule keeps too

    def recovery_context(self) -> dict:
        return {"name": self.candidate_name, "changing": self.changing,
                "candidate_id": self.candidate_id, "mentorship_id": self.mentorship_id}

    def compose(self) -> ComposeResult:
        d = self.defaults
        rule = parse_rule(d.rule)
        which = {"same-day": "same", "last": "last"}.get(rule.kind, str(rule.nth))
        verb = "Change the plan with" if self.changing else "Mentorship with"
        with VerticalScroll(id="setup-box", classes="dialog-box"):
            yield Static(Content(f"{verb} {self.candidate_name}"), id="setup-title",
                         classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Label(f"Term (1-{MAX_MONTHS} months)", classes="form-label")
                yield LineInput(str(d.months), id="setup-months", type="integer", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Meeting day", classes="form-label")
                yield Select(WHICH, value=which, id="setup-which", allow_blank=False, compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Weekday", classes="form-label")
                yield Select(WEEKDAYS, value=rule.weekday if rule.weekday is not None else 1,
                             id="setup-weekday", allow_blank=False, compact=True,
                             disabled=which == "same")
            with Horizontal(classes="form-row"):
                yield Label("Time (HH:MM)", classes="form-label")
                yield LineInput(d.time, id="setup-time", placeholder="09:00", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Duration (minutes)", classes="form-label")
                yield LineInput(str(d.duration), id="setup-duration", type="integer", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Time zone (IANA)", classes="form-label")
                yield LineInput(d.timezone, id="setup-timezone", placeholder="Europe/Paris",
                            compact=True)
            with Horizontal(classes="form-row"):
                yield Label("First meeting", classes="form-label")
                yield LineInput(d.first, id="setup-first", placeholder="YYYY-MM-DD", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Where", classes="form-label")
                yield LineInput(d.location, id="setup-location", compact=True,
                                placeholder="a place or a video link")
            with Horizontal(classes="form-row"):
                yield Label("", classes="form-label")
                yield FlagCheckbox("Weekdays only (Sat → Fri, Sun → Mon)", d.weekdays_only,
                                   id="setup-weekdays", compact=True)
            yield Static("", id="setup-preview", classes="form-preview")
            yield Static("", id="setup-weekend", classes="form-warning")
            yield Static("", id="setup-error", classes="form-error docked")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Confirm (ctrl+s)", id="setup-ok", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="setup-cancel", compact=True)

    def on_mount(self) -> None:
        self.start_recovery()
        self.query_one("#setup-months", Input).focus()
        self.query_one("#setup-box").border_subtitle = "ctrl+s confirm · esc cancel"
        self._preview()

    # -- reading the form --------------------------------------------------------
    def _rule(self) -> str:
        which = self.query_one("#setup-which", Select).value
        weekday = self.query_one("#setup-weekday", Select).value
        if which == "same":
            return "same-day"
        kind = "last" if which == "last" else "nth"
        return format_rule(Rule(kind, None if kind == "last" else int(str(which)), int(weekday)))

    def read_setup(self) -> MentorshipSetup:
        """The form as a validated setup; ValueError with a clear message otherwise."""
        def value(widget_id: str) -> str:
            return clean_line(self.query_one(widget_id, Input).value)

        months, duration = value("#setup-months"), value("#setup-duration")
        if not months.isdigit():
            raise ValueError(f"the term must be a number of months from 1 to {MAX_MONTHS}")
        if not duration.isdigit():
            raise ValueError("the duration must be a whole number of minutes")
        setup = validate_setup(MentorshipSetup(
            months=int(months), rule=self._rule(), first=value("#setup-first"),
            time=value("#setup-time"), duration=int(duration), timezone=value("#setup-timezone"),
            weekdays_only=self.query_one("#setup-weekdays", Checkbox).value,
            location=value("#setup-location"),
        ), starting=not self.changing)
        if self.held and setup.months < max(self.held):
            raise ValueError(f"meeting {max(self.held)} was already held; "
                             f"the term cannot be shorter than {max(self.held)} months")
        return setup

    def _preview(self) -> None:
        preview = self.query_one("#setup-preview", Static)
        error = self.query_one("#setup-error", Static)
        weekend = self.query_one("#setup-weekend", Static)
        try:
            setup = self.read_setup()
        except ValueError as exc:
            preview.update("")
            weekend.update("")
            if error.has_class("visible"):  # shown already: keep it about what is wrong now
                error.update(Content(sentence(exc)))
            return
        error.remove_class("visible")  # fixed: no stale error
        found = "" if setup.weekdays_only else describe_weekends(setup)
        weekend.update(Content(f"⚠ {found}: tick weekdays only to move them." if found else ""))
        # Held and hand-moved meetings keep their date: preview only what the rule places.
        kept = set(self.held) | set(self.moved)
        numbers = [n for n in range(1, setup.months + 1) if n not in kept]
        if not numbers:
            preview.update(Content("Every meeting of this term is held or moved by hand."))
            return
        describe = parse_rule(setup.rule).describe()
        starts = [meeting_start(setup, n) for n in numbers]
        text = f"{describe[:1].upper()}{describe[1:]}: {starts[0].format('ddd D MMM YYYY HH:mm')}"
        if len(starts) > 1:
            text += f", {starts[1].format('ddd D MMM')}"
        if len(starts) > 2:
            text += f" … {starts[-1].format('ddd D MMM YYYY')}"
        notes = []
        moved = [n for n in self.moved if n <= setup.months]
        for numbers_kept, why in ((self.held, "already held"), (moved, "moved by hand")):
            if numbers_kept:
                word = "meeting" if len(numbers_kept) == 1 else "meetings"
                notes.append(f"{word} {', '.join(map(str, numbers_kept))} {why}")
        if notes:
            text += f" ({'; '.join(notes)}: kept)"
        elif not self.changing and starts[0] < self.now:
            text += " (the first meeting is in the past)"
        preview.update(Content(text))

    # -- events ----------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        self._preview()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        super().on_checkbox_changed(event)
        self._preview()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "setup-which":
            self.query_one("#setup-weekday", Select).disabled = event.value == "same"
        self._preview()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Leaving a field checks the form: what is wrong shows at once, not at the save."""
        if self.app.screen is not self:
            return
        try:
            self.read_setup()
        except ValueError as exc:
            error = self.query_one("#setup-error", Static)
            error.update(Content(sentence(exc)))
            error.add_class("visible")

    def line_submitted(self, line: Input) -> bool:
        self.after_typed_keys(self.action_save)  # enter in any field plans the year
        return True

    def action_save(self) -> None:
        error = self.query_one("#setup-error", Static)
        try:
            setup = self.read_setup()
        except ValueError as exc:
            error.update(Content(sentence(exc)))
            error.add_class("visible")
            return
        self.dismiss(setup)


class EndMentorshipModal(ModalScreen[bool]):
    """Asks before ending a mentorship early: y (or the button) ends it, n or escape does not."""

    CSS_PATH = sheet("dialogs")
    BINDINGS = [
        Binding("y", "answer(True)", "End it", id="end.yes"),
        Binding("n,escape", "answer(False)", "Keep it", id="end.no"),
    ]

    def __init__(self, mentor: str, upcoming: int) -> None:
        super().__init__(classes="mentee-dialog")
        self.mentor = mentor
        self.upcoming = upcoming

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="end-box", classes="dialog-box"):
            yield Static(Content(f"End the mentorship with {self.mentor} early?"),
                         classes="dialog-title")
            yield Static(Content(
                f"The {self.upcoming} meetings still to come will be cancelled; "
                "the ones already held stay, with their notes."
            ))
            with Horizontal(classes="dialog-buttons"):
                yield Button("End it (y)", id="end-yes", variant="error", compact=True)
                yield Button("Keep it (n/esc)", id="end-no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#end-no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "end-yes")


__all__ = ["EndMentorshipModal", "MentorshipSetupModal"]
