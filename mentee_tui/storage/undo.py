"""The last tracker move, kept in the database so `u` still works after a refresh or a restart.

One record (doc 1 of the `undo` table): which card moved, from where to where, and a
snapshot of any card the move created (the referral a decline named), so undo removes that
card only if nothing was done with it since.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from mentee_tui.models import Candidate

TABLE = "undo"


@dataclass(slots=True)
class LastMove:
    candidate_id: int
    name: str
    from_stage: str
    to_stage: str
    at: str
    created_id: int | None = None
    created_snapshot: dict[str, Any] | None = None
    # Leaving agreed ended a mentorship: what undo needs to reopen it (see `ended_record`).
    ended: list[dict[str, Any]] | None = None


@dataclass(slots=True)
class UndoOutcome:
    """What `undo_last_move` did, for the message the screen shows."""

    candidate: Candidate
    from_stage: str  # where the card was before undo
    to_stage: str  # where undo put it back
    removed_referral: str = ""  # the name of the referral card removed
    kept_referral: str = ""  # the name of a referral card kept because it was changed
    mentorship: str = ""  # undoing an agreement: "removed", "ended" or "none";
    # undoing a move out of agreed: "reopened"


def snapshot(doc: dict[str, Any]) -> dict[str, Any]:
    """The parts of a card that show whether someone did something with it."""
    return {k: v for k, v in doc.items() if k != "updated_at"}


def record(db: TinyDB, move: LastMove) -> None:
    table = db.table(TABLE)
    data = {
        "candidate_id": move.candidate_id,
        "name": move.name,
        "from_stage": move.from_stage,
        "to_stage": move.to_stage,
        "at": move.at,
        "created_id": move.created_id,
        "created_snapshot": move.created_snapshot,
        "ended": move.ended,
    }
    if table.get(doc_id=1) is None:
        table.insert(Document(data, doc_id=1))
    else:
        table.update(data, doc_ids=[1])


def load(db: TinyDB) -> LastMove | None:
    doc = db.table(TABLE).get(doc_id=1)
    if not doc or doc.get("candidate_id") is None:
        return None
    try:
        return LastMove(
            candidate_id=int(doc["candidate_id"]),
            name=str(doc.get("name", "")),
            from_stage=str(doc["from_stage"]),
            to_stage=str(doc["to_stage"]),
            at=str(doc.get("at", "")),
            created_id=doc.get("created_id"),
            created_snapshot=doc.get("created_snapshot"),
            ended=doc.get("ended") if isinstance(doc.get("ended"), list) else None,
        )
    except (KeyError, TypeError, ValueError):
        return None  # a damaged record only costs the undo


def clear(db: TinyDB) -> None:
    table = db.table(TABLE)
    if table.get(doc_id=1) is not None:
        table.remove(doc_ids=[1])


__all__ = ["LastMove", "UndoOutcome", "clear", "load", "record", "snapshot"]
