"""Fill a database with many believable candidates in one write (tests and the benchmark)."""

from __future__ import annotations

from tinydb.table import Document

from mentee_tui.domain.validate import candidate_fields
from mentee_tui.model import STAGES, Candidate, CandidateInput, HistoryEntry
from mentee_tui.storage import Store
from mentee_tui.storage.candidates import TABLE, to_doc

ORGS = ("Contoso", "Northwind", "Fabrikam", "Tailspin", "Woodgrove", "Litware")
ROLES = ("VP Engineering", "Director of Product", "Principal Engineer", "CTO", "Head of Design")


def fill_many(store: Store, count: int) -> None:
    """`count` candidates spread over every stage but agreed, inserted in one transaction
    (one by one, TinyDB rewrites its table on every insert: minutes for 10,000)."""
    stages = [s for s in STAGES if s != "agreed"]
    now = store.now_iso()
    with store.db.writing() as tx:
        first = max((doc.doc_id for doc in tx.table(TABLE).all()), default=0) + 1
        cards = []
        for i in range(count):
            values = candidate_fields(CandidateInput(
                name=f"Candidate {i:04d}", organization=ORGS[i % len(ORGS)],
                role=ROLES[i % len(ROLES)], notes=f"found on LinkedIn, batch {i // 100}",
                knows_well=i % 17 == 0,
            ))
            stage = stages[i % len(stages)]
            card = Candidate(id=first + i, **values, stage=stage, created_at=now, updated_at=now,
                             history=[HistoryEntry(at=now, event="stage", stage=stage)])
            cards.append(Document(to_doc(card), doc_id=card.id))
        tx.table(TABLE).insert_multiple(cards)
