"""The last tracker move (doc 1 of the `undo` table), kept in the database so `u` still
works after a refresh or a restart, or from another session."""

from __future__ import annotations

from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from mentee_tui.model import EndedMentorship, LastMove
from mentee_tui.storage.database import Database

TABLE = "undo"


def snapshot(doc: dict[str, Any]) -> dict[str, Any]:
    """The parts of a card that show whether someone did something with it."""
    return {k: v for k, v in doc.items() if k != "updated_at"}


class UndoRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- inside a transaction ------------------------------------------------------
    @staticmethod
    def record(tx: TinyDB, move: LastMove) -> None:
        data = {
            "candidate_id": move.candidate_id,
            "name": move.name,
            "from_stage": move.from_stage,
            "to_stage": move.to_stage,
            "at": move.at,
            "created_id": move.created_id,
            "created_snapshot": move.created_snapshot,
            "ended": [e.to_dict() for e in move.ended] if move.ended else None,
        }
        table = tx.table(TABLE)
        if table.get(doc_id=1) is None:
            table.insert(Document(data, doc_id=1))
        else:
            table.update(data, doc_ids=[1])

    @staticmethod
    def load(tx: TinyDB) -> LastMove | None:
        doc = tx.table(TABLE).get(doc_id=1)
        if not doc or doc.get("candidate_id") is None:
            return None
        ended = doc.get("ended")
        try:
            return LastMove(
                candidate_id=int(doc["candidate_id"]),
                name=str(doc.get("name", "")),
                from_stage=str(doc["from_stage"]),
                to_stage=str(doc["to_stage"]),
                at=str(doc.get("at", "")),
                created_id=doc.get("created_id"),
                created_snapshot=doc.get("created_snapshot"),
                ended=[e for e in map(EndedMentorship.from_dict, ended) if e is not None]
                if isinstance(ended, list) else None,
            )
        except (KeyError, TypeError, ValueError):
            return None  # a damaged record only costs the undo

    @staticmethod
    def clear(tx: TinyDB) -> None:
        table = tx.table(TABLE)
        if table.get(doc_id=1) is not None:
            table.remove(doc_ids=[1])


__all__ = ["TABLE", "UndoRepository", "snapshot"]
