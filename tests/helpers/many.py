"""Fill a database with many believable candidates in one write (tests and the benchmark)."""

from __future__ import annotations

from mentee_tui.domain.validate import candidate_fields
from mentee_tui.model import STAGES, CandidateInput
from mentee_tui.storage import Store

ORGS = ("Contoso", "Northwind", "Fabrikam", "Tailspin", "Woodgrove", "Litware")
ROLES = ("VP Engineering", "Director of Product", "Principal Engineer", "CTO", "Head of Design")


def fill_many(store: Store, count: int) -> None:
    """`count` candidates spread over every stage but agreed, in one transaction."""
    stages = [s for s in STAGES if s != "agreed"]
    with store.db.writing() as db:
        for i in range(count):
            values = candidate_fields(CandidateInput(
                name=f"Candidate {i:04d}", organization=ORGS[i % len(ORGS)],
                role=ROLES[i % len(ROLES)], notes=f"found on LinkedIn, batch {i // 100}",
                knows_well=i % 17 == 0,
            ))
            store.candidates.insert(db, values, stages[i % len(stages)], None)
