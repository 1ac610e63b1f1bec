"""Settings: follow-up days, default meeting time and duration, time zone, theme."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from mentee_tui.domain.text import clean_line, sentence
from mentee_tui.domain.timezones import system_timezone
from mentee_tui.domain.validate import (
    check_duration,
    check_follow_up_days,
    check_time,
    check_timezone,
)
from mentee_tui.model import Settings
from mentee_tui.tui.dialogs.form_dialog import FormDialog


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
            yield Label("Follow-up due after (days)")
            yield Input(str(s.follow_up_days), id="follow-up-days", type="integer", compact=True)
            yield Label("Default meeting time (HH:MM)")
            yield Input(s.meeting_time, id="meeting-time", placeholder="09:00", compact=True)
            yield Label("Default meeting duration (minutes)")
            yield Input(str(s.meeting_duration), id="meeting-duration", type="integer", compact=True)
            yield Label(f"Time zone (IANA name; empty = this system's, {system_timezone()})")
            yield Input(s.timezone, id="timezone", placeholder=system_timezone(), compact=True)
            yield Label("Theme")
            yield Select(
                [(name, name) for name in self.themes],
                value=s.theme if s.theme in self.themes else Select.NULL,
                id="theme",
                allow_blank=False,
                compact=True,
            )
            yield Static("", id="settings-error", classes="form-error")
            with Horizontal(id="settings-buttons", classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.remember_opening_values()
        self.query_one("#follow-up-days", Input).focus()

    def _error(self, message: str) -> None:
        error = self.query_one("#settings-error", Static)
        error.update(message)  # our own messages, no user markup in them
        error.add_class("visible")

    def read_settings(self) -> Settings:
        """The form as Settings; ValueError with a sentence for the first wrong field."""
        def value(widget_id: str) -> str:
            return clean_line(self.query_one(widget_id, Input).value)

        follow_up_days = check_follow_up_days(value("#follow-up-days") or "0")
        meeting_time = check_time(value("#meeting-time"))
        duration = check_duration(value("#meeting-duration") or "0")
        timezone = check_timezone(value("#timezone"))
        theme = self.query_one("#theme", Select).value
        return Settings(
            follow_up_days=follow_up_days,
            meeting_time=meeting_time,
            meeting_duration=duration,
            timezone=timezone,
            theme=str(theme) if theme != Select.NULL else self.settings.theme,
        )

    def action_save(self) -> None:
        try:
            settings = self.read_settings()
        except ValueError as exc:
            self._error(sentence(exc))
            return
        self.dismiss(settings)

    def on_input_changed(self, event: Input.Changed) -> None:
        """The message goes as soon as the form is right again (cleaning: FormDialog)."""
        error = self.query_one("#settings-error", Static)
        if not error.has_class("visible"):
            return
        try:
            self.read_settings()
        except ValueError:
            return
        error.remove_class("visible")

