"""Forms left unsaved by a hang-up, kept to be offered again on the next start.

One record per kind of form (a newer one replaces it). A hang-up writes every open
form's record in ONE transaction with a short lock wait: if another process holds
the lock, the records are skipped rather than keeping a dead session alive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tinydb import Query

from mentee_tui.records import DamagedRecord
from mentee_tui.storage.core import Database, NotFound, StorageError
from mentee_tui.text import clean_text

TABLE = "recoveries"
HANG_UP_LOCK_SECONDS = 1.5
KINDS = ("candidate", "decline", "meeting", "mentorship_setup")


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


@dataclass(slots=True)
class Recovery:
    """An unsaved form: its kind, field values, what it was about, when it was kept."""

    id: int
    kind: str
    payload: dict[str, Any] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)
    saved_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "payload": self.payload,
                "context": self.context, "saved_at": self.saved_at}

    @classmethod
    def from_dict(cls, data: Any) -> Recovery:
        if not isinstance(data, dict):
            raise DamagedRecord("a Recovery record is not a JSON object")
        kind, payload = data.get("kind"), data.get("payload", {})
        context, saved_at = data.get("context", {}), data.get("saved_at", "")
        if not isinstance(kind, str) or not isinstance(payload, dict) \
                or not isinstance(context, dict) or not isinstance(saved_at, str):
            raise DamagedRecord(f"a Recovery record has the wrong shape (kind={kind!r:.40})")
        return cls(id=int(data.get("id", 0)), kind=kind, payload=payload, context=context,
                   saved_at=saved_at)


class RecoveryRepository:
    db: Database

    def keep_recovery(self, kind: str, payload: dict[str, Any], context: dict[str, Any]) -> bool:
        """Keep one unsaved form (replacing the previous one of its kind)."""
        return self.keep_recoveries([(kind, payload, context)])

    def keep_recoveries(
        self, forms: list[tuple[str, dict[str, Any], dict[str, Any]]],
        lock_timeout: float = HANG_UP_LOCK_SECONDS,
    ) -> bool:
        """Every open form in one atomic write; False (nothing written) if the lock is busy."""
        if not forms:
            return True
        try:
            with self.db.writing(lock_timeout=lock_timeout) as db:
                table = db.table(TABLE)
                now = self.db.now_iso()
                for kind, payload, context in forms:
                    table.remove(Query().kind == kind)
                    record = Recovery(id=Database.next_id(db, TABLE), kind=str(kind),
                                      payload=_clean(payload), context=_clean(context),
                                      saved_at=now)
                    table.insert(record.to_dict())
        except StorageError:
            return False
        return True

    def recoveries(self) -> list[Recovery]:
        """The kept forms, oldest first; a record of an unknown kind is left out."""
        with self.db.reading() as db:
            found = [Recovery.from_dict(doc) for doc in db.table(TABLE).all()]
        return sorted((r for r in found if r.kind in KINDS), key=lambda r: r.id)

    def discard_recovery(self, recovery_id: int) -> None:
        with self.db.writing() as db:
            table = db.table(TABLE)
            if not table.remove(Query().id == recovery_id):
                raise NotFound(f"no unsaved form {recovery_id}")


__all__ = ["KINDS", "Recovery", "RecoveryRepository"]
