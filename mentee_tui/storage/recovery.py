"""Forms left unsaved by a hang-up, kept to be offered again on the next start.

One record per kind of form (a newer one replaces it). A hang-up writes every open
form's record in ONE transaction with a short lock wait: if another process holds
the lock, the records are skipped rather than keeping a dead session alive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tinydb import Query

from mentee_tui.domain.text import clean_text
from mentee_tui.model import RECOVERY_KINDS, Recovery
from mentee_tui.storage.database import Database, NotFound, StorageError

TABLE = "recoveries"
HANG_UP_LOCK_SECONDS = 1.5


def _clean(values: Any) -> dict[str, Any]:
    """Strings lose control and escape characters; numbers, booleans and None stay."""
    cleaned: dict[str, Any] = {}
    for key, value in dict(values or {}).items():
        if value is None or isinstance(value, (bool, int, float)):
            cleaned[str(key)] = value
        elif isinstance(value, (list, tuple)):
            cleaned[str(key)] = [
                v if isinstance(v, (bool, int, float)) else clean_text(v, multiline=True)
                for v in value
            ]
        else:
            cleaned[str(key)] = clean_text(value, multiline=True)
    return cleaned


class RecoveryRepository:
    def __init__(self, db: Database, clock: Callable[[], str]) -> None:
        self.db = db
        self.now_iso = clock

    def keep(self, kind: str, payload: dict[str, Any], context: dict[str, Any]) -> bool:
        """Keep one unsaved form (replacing the previous one of its kind)."""
        return self.keep_many([(kind, payload, context)])

    def keep_many(
        self, forms: list[tuple[str, dict[str, Any], dict[str, Any]]],
        lock_timeout: float = HANG_UP_LOCK_SECONDS,
    ) -> bool:
        """Every open form in one atomic write; False (nothing written) if the lock is busy."""
        if not forms:
            return True
        try:
            with self.db.writing(lock_timeout=lock_timeout) as db:
                table = db.table(TABLE)
                now = self.now_iso()
                for kind, payload, context in forms:
                    table.remove(Query().kind == kind)
                    record = Recovery(id=Database.next_id(db, TABLE), kind=str(kind),
                                      payload=_clean(payload), context=_clean(context),
                                      saved_at=now)
                    table.insert(record.to_dict())
        except StorageError:
            return False
        return True

    def all(self) -> list[Recovery]:
        """The kept forms, oldest first; a record of an unknown kind is left out."""
        with self.db.reading() as db:
            found = [Recovery.from_dict(doc) for doc in db.table(TABLE).all()]
        return sorted((r for r in found if r.kind in RECOVERY_KINDS), key=lambda r: r.id)

    def discard(self, recovery_id: int) -> None:
        with self.db.writing() as db:
            table = db.table(TABLE)
            if not table.remove(Query().id == recovery_id):
                raise NotFound(f"no unsaved form {recovery_id}")


__all__ = ["HANG_UP_LOCK_SECONDS", "RecoveryRepository"]
