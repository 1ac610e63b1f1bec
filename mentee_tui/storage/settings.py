"""The person's settings: follow-up days, meeting defaults, time zone, theme."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tinydb.table import Document

from mentee_tui.domain.validate import (
    InvalidInput,
    check_duration,
    check_follow_up_days,
    check_reminder,
    check_time,
    check_timezone,
    normalize_email,
    check_your_name,
)
from mentee_tui.model import Settings
from mentee_tui.storage.database import Database

TABLE = "settings"


def checked_settings(settings: Settings) -> Settings:
    """The same rules as the settings form and the mentorship setup (`validate`)."""
    return replace(
        settings,
        follow_up_days=check_follow_up_days(settings.follow_up_days),
        meeting_time=check_time(settings.meeting_time),
        meeting_duration=check_duration(settings.meeting_duration),
        timezone=check_timezone(settings.timezone),
        theme=str(settings.theme),
        email=normalize_email(settings.email),
        reminder=check_reminder(settings.reminder),
        your_name=check_your_name(settings.your_name),
    )


class SettingsRepository:
    """`defaults`: what a database with no settings saved yet has (the config file's)."""

    def __init__(self, db: Database, defaults: Settings | None = None) -> None:
        self.db = db
        self.defaults = defaults or Settings()

    def _fresh_defaults(self) -> Settings:
        return replace(self.defaults)

    def get(self) -> Settings:
        """A fresh copy each time: the caller may change it."""
        with self.db.reading() as tx:
            doc = tx.table(TABLE).get(doc_id=1)
        return Settings.from_dict(doc) if doc else self._fresh_defaults()

    def update(self, **changes: Any) -> Settings:
        with self.db.writing() as tx:
            table = tx.table(TABLE)
            doc = table.get(doc_id=1)
            current = Settings.from_dict(doc) if doc else self._fresh_defaults()
            for key, value in changes.items():
                if not hasattr(current, key):
                    raise InvalidInput(f"unknown setting {key!r}")
                setattr(current, key, value)
            current = checked_settings(current)
            if doc is None:
                table.insert(Document(current.to_dict(), doc_id=1))
            else:
                table.update(current.to_dict(), doc_ids=[1])
            return current


__all__ = ["TABLE", "SettingsRepository", "checked_settings"]
