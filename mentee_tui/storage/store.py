"""`Store`: the app's and the command line's single way into the database.

It owns the one clock and composes one repository per kind of record; the tracker's
moves, which change a card and its mentorship together, are `store.tracker`.
"""

from __future__ import annotations

import os
from datetime import datetime
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from mentee_tui.model import Settings
from mentee_tui.storage.candidates import CandidateRepository
from mentee_tui.storage.database import Database, Signature
from mentee_tui.storage.reflections import ReflectionRepository
from mentee_tui.storage.settings import SettingsRepository
from mentee_tui.storage.undo import UndoRepository

if TYPE_CHECKING:
    import arrow

    from mentee_tui.storage.calendar import CalendarRepository
    from mentee_tui.storage.recovery import RecoveryRepository
    from mentee_tui.storage.tracker import Tracker

Clock = Callable[[], "arrow.Arrow"]


def system_clock() -> arrow.Arrow:
    """The real time, in the system's zone. arrow is imported on the first call: `list` and
    `add` never ask the time of a calendar, and a command line should start fast."""
    import arrow

    return arrow.now()


class Store:
    def __init__(self, path: str | os.PathLike[str], now: Clock | None = None,
                 settings_defaults: Settings | None = None) -> None:
        # The one clock: dates written, "days in stage", "in 3 days" all read it here,
        # so a test or a screenshot that fixes it fixes every date the app shows.
        self.now: Clock = now or system_clock
        self.db = Database(path)
        self.candidates = CandidateRepository(self.db, self.now_iso)
        self.reflections = ReflectionRepository(self.db, self.now_iso)
        self.settings = SettingsRepository(self.db, settings_defaults)
        self.undo = UndoRepository(self.db)

    # The calendar (dates, schedules) and what depends on it are built when first used.
    @cached_property
    def calendar(self) -> CalendarRepository:
        from mentee_tui.storage.calendar import CalendarRepository

        return CalendarRepository(self.db, self.now_iso)

    @cached_property
    def tracker(self) -> Tracker:
        from mentee_tui.storage.tracker import Tracker

        return Tracker(self.db, self.now_iso, self.candidates, lambda: self.calendar, self.undo)

    @cached_property
    def recovery(self) -> RecoveryRepository:
        from mentee_tui.storage.recovery import RecoveryRepository

        return RecoveryRepository(self.db, self.now_iso)

    def now_iso(self) -> str:
        if self.now is system_clock:
            # The same instant and text as arrow.now().isoformat(), without importing
            # arrow: `add` and `move` only stamp the time.
            return datetime.now().astimezone().isoformat()
        return self.now().isoformat()

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def warnings(self) -> list[str]:
        return self.db.warnings

    def warnings_once(self) -> list[str]:
        """The warnings, less the readable-folder one when it was given for this folder
        before (see `notices`): a script of many commands hears it once."""
        folder = self.db.readable_folder
        if folder is None:
            return list(self.warnings)
        from mentee_tui.storage.notices import first_time, folder_key

        if first_time(folder_key(folder)):
            return list(self.warnings)
        return [w for w in self.warnings if w != self.db.folder_warning]

    def signature(self) -> Signature | None:
        """Changes whenever the file is replaced (by this process or another)."""
        return self.db.signature()

    def waiting_since(self) -> float | None:
        """When (time.monotonic) a write began waiting for another process's lock; None
        when no write is waiting."""
        return self.db.lock_wait_started

    def give_up_waiting(self, giving_up: bool = True) -> None:
        """Make every write waiting for the lock, now or later, give up (GaveUp: nothing
        written), until called again with False."""
        if giving_up:
            self.db.give_up.set()
        else:
            self.db.give_up.clear()

    def changed_elsewhere(self, since: Signature | None) -> bool:
        """Whether another process replaced the file since it had signature `since` (this
        Store's own writes do not count, even when another process wrote between them)."""
        return self.db.changed_elsewhere(since)


__all__ = ["Clock", "Store"]
