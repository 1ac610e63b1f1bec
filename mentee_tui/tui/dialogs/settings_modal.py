"""Settings: your name (the drafts' sign-off), follow-up days, default meeting time and
duration, time zone, theme, your email (the organizer of exported meetings) and the reminder
before each meeting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from mentee_tui.domain.text import clean_line, sentence
from mentee_tui.domain.timezones import system_timezone, zone_names
from mentee_tui.domain.validate import (
    check_duration,
    check_follow_up_days,
    check_reminder,
    check_time,
    check_timezone,
    normalize_email,
    check_your_name,
)
from mentee_tui.model import Settings
from mentee_tui.tui.dialogs.form_dialog import FormDialog
from mentee_tui.tui.widgets.line_input import LineInput


class SettingsModal(FormDialog[Settings | None]):
    """Returns the new settings on save, None on escape. Nothing is written here."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="settings.cancel"),
        Binding("ctrl+s", "save", "Save", id="settings.save"),
    ]

    def __init__(self, settings: Settings, themes: list[str]) -> None:
        super().__init__(classes="mentee-dialog")
        self.settings = settings
        self.themes = themes

    def compose(self) -> ComposeResult:
        s = self.settings
        with VerticalScroll(id="settings-box", classes="dialog-box"):
            yield Static("Settings", id="settings-title", classes="dialog-title")
            yield from self._row("your-name", "Your name (sign-off)", s.your_name,
                                 "as the drafts sign it, e.g. Sam Lee")
            yield from self._row("follow-up-days", "Follow-up due after (days)",
                                 str(s.follow_up_days), "e.g. 7")
            yield from self._row("meeting-time", "Default meeting time", s.meeting_time,
                                 "HH:MM, e.g. 09:00")
            yield from self._row("meeting-duration", "Meeting length (minutes)",
                                 str(s.meeting_duration), "e.g. 60")
            zone = system_timezone()
            yield from self._row(
                "timezone", "Time zone", s.timezone, f"empty: this system's ({zone})",
                suggester=SuggestFromList(zone_names(), case_sensitive=False),
            )
            yield Static("IANA name such as Europe/Paris; → completes it.",
                         classes="dialog-hint", id="timezone-hint")
            # The exported meetings: who organizes them, and when their alarm rings.
            yield from self._row("your-email", "Your email", s.email,
                                 "you@example.org (the organizer)")
            yield from self._row("reminder", "Reminder before meetings", s.reminder,
                                 "30m, 2h, 1d, 1w or none")
            with Horizontal(classes="form-row"):
                yield Label("Theme", classes="form-label")
                yield Select(
                    [(name, name) for name in self.themes],
                    value=s.theme if s.theme in self.themes else Select.NULL,
                    id="theme",
                    allow_blank=False,
                    compact=True,
                )
            with Horizontal(id="settings-buttons", classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def _row(self, field: str, label: str, value: str, placeholder: str,
             suggester: SuggestFromList | None = None) -> ComposeResult:
        """A label beside its field, and the field's message right under it."""
        with Horizontal(classes="form-row"):
            yield Label(label, classes="form-label")
            yield LineInput(value, id=field, placeholder=placeholder, compact=True,
                        suggester=suggester)
        yield Static("", id=f"{field}-error", classes="form-error")

    def on_mount(self) -> None:
        self.remember_opening_values()
        self.query_one("#your-name", Input).focus()

    def _value(self, field: str) -> str:
        return clean_line(self.query_one(f"#{field}", Input).value)

    def _check(self, field: str) -> bool:
        """Check one field and show or clear the message beside it; True when it is right."""
        try:
            CHECKS[field](self._value(field))
        except ValueError as exc:
            message = sentence(exc)
            right = False
        else:
            message, right = "", True
        error = self.query_one(f"#{field}-error", Static)
        error.update(message)  # our own sentence; a typed value in it is quoted, not markup
        error.set_class(not right, "visible")
        return right

    def read_settings(self) -> Settings | None:
        """The form as Settings, or None with a message beside every wrong field."""
        right = {field: self._check(field) for field in CHECKS}
        bad = next((field for field, ok in right.items() if not ok), None)
        if bad is not None:
            self.query_one(f"#{bad}", Input).focus()
            return None
        theme = self.query_one("#theme", Select).value
        return replace(
            self.settings,
            follow_up_days=check_follow_up_days(self._value("follow-up-days")),
            meeting_time=check_time(self._value("meeting-time")),
            meeting_duration=check_duration(self._value("meeting-duration")),
            timezone=check_timezone(self._value("timezone")),
            theme=str(theme) if theme != Select.NULL else self.settings.theme,
            email=normalize_email(self._value("your-email")),
            reminder=check_reminder(self._value("reminder")),
            your_name=check_your_name(self._value("your-name")),
        )

    def action_save(self) -> None:
        settings = self.read_settings()
        if settings is not None:
            self.dismiss(settings)

    def on_input_changed(self, event: Input.Changed) -> None:
        """A shown message goes as soon as its field is right (cleaning: FormDialog)."""
        field = event.input.id
        if field in CHECKS and self.query_one(f"#{field}-error").has_class("visible"):
            self._check(field)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Leaving a field checks it ("abc" in the days gets its message at once)."""
        if event.input.id in CHECKS and self.app.screen is self:
            self._check(event.input.id)


CHECKS: dict[str, Callable[[str], object]] = {
    "your-name": check_your_name,
    "follow-up-days": check_follow_up_days,
    "meeting-time": check_time,
    "meeting-duration": check_duration,
    "timezone": check_timezone,
    "your-email": normalize_email,
    "reminder": check_reminder,
}
