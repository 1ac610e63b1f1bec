"""Storage: the only package that imports tinydb. Typed records in, typed records out."""

from __future__ import annotations

import os
from collections.abc import Callable

import arrow

from mentee_tui.storage.calendar import CalendarRepository
from mentee_tui.storage.candidates import CandidateRepository, normalize_email
from mentee_tui.storage.core import (
    SCHEMA_VERSION,
    Database,
    InvalidInput,
    NotFound,
    StorageError,
    atomic_write_json,
)
from mentee_tui.storage.recovery import Recovery, RecoveryRepository
from mentee_tui.storage.reflections import ReflectionRepository
from mentee_tui.storage.settings import SettingsRepository


# CalendarRepository comes before CandidateRepository: its `_on_left_agreed` must win.
class Store(
    CalendarRepository, CandidateRepository, ReflectionRepository, SettingsRepository,
    RecoveryRepository,
):
    """The app's and the command line's single way into the database."""

    def __init__(
        self, path: str | os.PathLike[str], now: Callable[[], arrow.Arrow] | None = None
    ) -> None:
        self.db = Database(path, now=now)

    @property
    def path(self):
        return self.db.path

    @property
    def warnings(self) -> list[str]:
        return self.db.warnings

    def signature(self):
        return self.db.signature()


__all__ = [
    "SCHEMA_VERSION",
    "Database",
    "InvalidInput",
    "NotFound",
    "Recovery",
    "Store",
    "StorageError",
    "atomic_write_json",
    "normalize_email",
]
