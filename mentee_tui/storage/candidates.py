"""Candidates: the prospective mentors on the tracker (table `candidates`).

Reads are typed records kept until the file changes. Writes that touch only a card are
one transaction each; the tracker's moves, which may also end or reopen a mentorship,
are in `tracker.py` and use the transaction-level methods here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from mentee_tui.domain.duplicates import DuplicateFound, find_duplicate
from mentee_tui.domain.text import clean_text
from mentee_tui.domain.validate import (
    candidate_fields,
    check_event,
    check_past_date,
    check_stage,
)
from mentee_tui.model import Candidate, CandidateInput, HistoryEntry
from mentee_tui.storage.database import Database, NotFound
from mentee_tui.storage.tables import to_candidate as _to_candidate

TABLE = "candidates"


def to_doc(candidate: Candidate) -> dict[str, Any]:
    """The stored form of a card: every field but the id, which is the document's."""
    data = candidate.to_dict()
    data.pop("id")
    return data


def _chronological_index(history: list[HistoryEntry], at: str) -> int:
    """Where an entry dated `at` goes: after every entry not later than it."""
    import arrow

    moment = arrow.get(at)
    index = len(history)
    while index > 0:
        try:
            earlier = arrow.get(history[index - 1].at) <= moment
        except (arrow.parser.ParserError, ValueError, TypeError):
            earlier = True  # an unreadable date: keep the new entry after it
        if earlier:
            break
        index -= 1
    return index


class CandidateRepository:
    def __init__(self, db: Database, clock: Callable[[], str]) -> None:
        self.db = db
        self.now_iso = clock

    # -- reading (cached per file version) -----------------------------------------
    def all(self, stage: str | None = None) -> list[Candidate]:
        """Every card in id order, or those of one stage."""
        if stage is not None:
            stage = check_stage(stage)
        found = self.db.records(TABLE, _to_candidate)
        return found if stage is None else [c for c in found if c.stage == stage]

    def get(self, candidate_id: int) -> Candidate:
        with self.db.reading() as tx:
            return self.load(tx, candidate_id)

    # -- one transaction each ------------------------------------------------------
    def add(self, data: CandidateInput, *, stage: str = "researched",
            referred_by: int | None = None, note: str = "",
            refuse_duplicate: bool = False) -> Candidate:
        """`refuse_duplicate`: raise DuplicateFound for a card like one already there (the
        command line); the form warns first and then saves what the person confirmed."""
        values = candidate_fields(data)
        stage = check_stage(stage)
        with self.db.writing() as tx:
            if refuse_duplicate:
                self.refuse_duplicate(values)
            return self.insert(tx, values, stage, referred_by, note)

    def update(self, candidate_id: int, data: CandidateInput, *,
               refuse_duplicate: bool = False) -> Candidate:
        values = candidate_fields(data)
        with self.db.writing() as tx:
            if refuse_duplicate:
                self.refuse_duplicate(values, candidate_id)
            candidate = self.load(tx, candidate_id)
            for key, value in values.items():
                setattr(candidate, key, value)
            return self.save(tx, candidate)

    def log_event(self, candidate_id: int, event: str, note: str = "",
                  on: date | None = None) -> Candidate:
        """A follow-up, a draft or a note in the candidate's dated history; `on`, a day
        that has come (the follow-up was on Monday), dates it then at this time of day,
        in its place in the history."""
        check_event(event)
        at = self._instant_on(on) if on is not None else self.now_iso()
        entry = HistoryEntry(at=at, event=event, note=clean_text(note, multiline=True))
        with self.db.writing() as tx:
            candidate = self.load(tx, candidate_id)
            if on is None:
                candidate.history.append(entry)
            else:
                candidate.history.insert(_chronological_index(candidate.history, at), entry)
            return self.save(tx, candidate)

    def _instant_on(self, day: date) -> str:
        import arrow  # dates: only for a backdated entry

        now = arrow.get(self.now_iso())
        check_past_date(day.isoformat(), now.date())
        if day == now.date():
            return now.isoformat()
        return now.replace(year=day.year, month=day.month, day=day.day).isoformat()

    # -- inside a transaction ------------------------------------------------------
    def refuse_duplicate(self, values: dict[str, Any], exclude_id: int | None = None) -> None:
        """Inside a write: the cards read are the file as locked (see `Database.writing`)."""
        duplicate = find_duplicate(values["name"], values["email"], values["organization"],
                                   self.db.records(TABLE, _to_candidate), exclude_id)
        if duplicate is not None:
            raise DuplicateFound(duplicate)

    @staticmethod
    def load(tx: TinyDB, candidate_id: int) -> Candidate:
        doc = tx.table(TABLE).get(doc_id=candidate_id)
        if doc is None:
            raise NotFound(f"no candidate with id {candidate_id}")
        return _to_candidate(doc.doc_id, doc)

    @staticmethod
    def stored(tx: TinyDB, candidate_id: int) -> dict[str, Any] | None:
        """The card as stored (None when it is gone), to compare with a snapshot of it."""
        doc = tx.table(TABLE).get(doc_id=candidate_id)
        return None if doc is None else dict(doc)

    def insert(self, tx: TinyDB, values: dict[str, Any], stage: str,
               referred_by: int | None, note: str = "",
               earlier: Sequence[HistoryEntry] = ()) -> Candidate:
        """A new card from checked `values` (see `validate.candidate_fields`); `earlier`:
        history from before it was added (an imported LinkedIn connection date)."""
        now = self.now_iso()
        new_id = Database.next_id(tx, TABLE)
        candidate = Candidate(
            id=new_id, **values, stage=stage, referred_by=referred_by,
            created_at=now, updated_at=now,
            history=[*earlier,
                     HistoryEntry(at=now, event="stage", stage=stage, note=clean_text(note))],
        )
        tx.table(TABLE).insert(Document(to_doc(candidate), doc_id=new_id))
        return candidate

    def save(self, tx: TinyDB, candidate: Candidate) -> Candidate:
        candidate.updated_at = self.now_iso()
        tx.table(TABLE).update(to_doc(candidate), doc_ids=[candidate.id])
        return candidate

    def set_stage(self, tx: TinyDB, candidate: Candidate, stage: str, note: str = "") -> Candidate:
        """Put the card in `stage`, dated in its history (nothing else: see `tracker`)."""
        candidate.stage = stage
        candidate.history.append(
            HistoryEntry(at=self.now_iso(), event="stage", stage=stage, note=clean_text(note)))
        return self.save(tx, candidate)

    @staticmethod
    def delete(tx: TinyDB, candidate_id: int) -> None:
        tx.table(TABLE).remove(doc_ids=[candidate_id])


__all__ = ["TABLE", "CandidateRepository", "to_doc"]
