"""The person's settings: follow-up days, meeting defaults, time zone, theme."""

from __future__ import annotations

from typing import Any

from tinydb.table import Document

from mentee_tui.models import Settings
from mentee_tui.storage.core import Database, InvalidInput

TABLE = "settings"


def _validate(settings: Settings) -> Settings:
    if not isinstance(settings.follow_up_days, int) or not 1 <= settings.follow_up_days <= 365:
        raise InvalidInput("follow-up days must be a whole number from 1 to 365")
    if not isinstance(settings.meeting_duration, int) or not 5 <= settings.meeting_duration <= 600:
        raise InvalidInput("meeting duration must be from 5 to 600 minutes")
    hours, _, minutes = settings.meeting_time.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60):
        raise InvalidInput("meeting time must look like 09:30")
    return settings


class SettingsRepository:
    db: Database

    def settings(self) -> Settings:
        with self.db.reading() as db:
            doc = db.table(TABLE).get(doc_id=1)
        return Settings.from_dict(doc) if doc else Settings()

    def update_settings(self, **changes: Any) -> Settings:
        with self.db.writing() as db:
            table = db.table(TABLE)
            doc = table.get(doc_id=1)
            current = Settings.from_dict(doc) if doc else Settings()
            for key, value in changes.items():
                if not hasattr(current, key):
                    raise InvalidInput(f"unknown setting {key!r}")
                setattr(current, key, value)
            _validate(current)
            if doc is None:
                table.insert(Document(current.to_dict(), doc_id=1))
            else:
                table.update(current.to_dict(), doc_ids=[1])
            return current
