"""Storage steps that only tests take on their own (the app takes them inside a move)."""

from __future__ import annotations

from mentee_tui.model import LastMove
from mentee_tui.storage import Store


def remove_agreement(store: Store, candidate_id: int) -> str:
    """What undoing an agreement does to the mentorship, in a transaction of its own."""
    with store.db.writing() as tx:
        return store.calendar.remove_agreement(tx, candidate_id)


def last_move(store: Store) -> LastMove | None:
    with store.db.reading() as tx:
        return store.undo.load(tx)
