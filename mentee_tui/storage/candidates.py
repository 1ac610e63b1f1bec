"""Candidates: the prospective mentors on the tracker."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from email_validator import EmailNotValidError, validate_email
from tinydb import TinyDB
from tinydb.table import Document

from mentee_tui.domain.stages import UNDO_NOTE
from mentee_tui.models import SOURCES, STAGES, Candidate, CandidateInput, HistoryEntry
from mentee_tui.storage import undo
from mentee_tui.storage.core import Database, InvalidInput, NotFound
from mentee_tui.text import clean_line, clean_text

TABLE = "candidates"
MULTILINE_FIELDS = {"why", "notes"}


def normalize_email(value: str) -> str:
    """Validated without network (no deliverability check) and normalised; '' stays ''."""
    value = clean_line(value)
    if not value:
        return ""
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise InvalidInput(f"invalid email: {exc}") from exc


def check_stage(stage: str) -> str:
    if stage not in STAGES:
        raise InvalidInput(f"unknown stage {stage!r}; choose one of: {', '.join(STAGES)}")
    return stage


def check_unmoved(candidate: Candidate, expected: str | None) -> None:
    if expected is not None and candidate.stage != expected:
        raise InvalidInput(
            f"{candidate.name} was moved to {candidate.stage} meanwhile (another session?); "
            "nothing changed, the board now shows where they are"
        )


def clean_input(data: CandidateInput) -> dict[str, Any]:
    """Strip control characters, validate, and return the stored fields."""
    values: dict[str, Any] = {}
    for f in fields(CandidateInput):
        value = getattr(data, f.name)
        if isinstance(value, bool):
            values[f.name] = value
        elif f.name in MULTILINE_FIELDS:
            values[f.name] = clean_text(value, multiline=True).strip()
        else:
            values[f.name] = clean_line(value)
    if not values["name"]:
        raise InvalidInput("a name is required")
    values["email"] = normalize_email(values["email"])
    source = values["source"].lower() or "other"
    if source not in SOURCES:
        raise InvalidInput(f"unknown source {source!r}; choose one of: {', '.join(SOURCES)}")
    values["source"] = source
    return values


def _to_candidate(doc: Document) -> Candidate:
    return Candidate.from_dict({**doc, "id": doc.doc_id})


def _to_doc(candidate: Candidate) -> dict[str, Any]:
    data = candidate.to_dict()
    data.pop("id")
    return data


class CandidateRepository:
    """Mixed into `Store`; every method is one transaction."""

    db: Database

    def add_candidate(
        self,
        data: CandidateInput,
        *,
        stage: str = "researched",
        referred_by: int | None = None,
        note: str = "",
    ) -> Candidate:
        values = clean_input(data)
        check_stage(stage)
        with self.db.writing() as db:
            return self._insert_candidate(db, values, stage, referred_by, note)

    def _insert_candidate(
        self, db: TinyDB, values: dict[str, Any], stage: str, referred_by: int | None, note: str = ""
    ) -> Candidate:
        now = self.db.now_iso()
        new_id = Database.next_id(db, TABLE)
        candidate = Candidate(
            id=new_id,
            **values,
            stage=stage,
            referred_by=referred_by,
            created_at=now,
            updated_at=now,
            history=[HistoryEntry(at=now, event="stage", stage=stage, note=clean_text(note))],
        )
        db.table(TABLE).insert(Document(_to_doc(candidate), doc_id=new_id))
        return candidate

    def get_candidate(self, candidate_id: int) -> Candidate:
        with self.db.reading() as db:
            return self._get(db, candidate_id)

    @staticmethod
    def _get(db: TinyDB, candidate_id: int) -> Candidate:
        doc = db.table(TABLE).get(doc_id=candidate_id)
        if doc is None:
            raise NotFound(f"no candidate with id {candidate_id}")
        return _to_candidate(doc)

    def list_candidates(self, stage: str | None = None) -> list[Candidate]:
        if stage is not None:
            check_stage(stage)
        with self.db.reading() as db:
            found = [_to_candidate(doc) for doc in db.table(TABLE).all()]
        if stage is not None:
            found = [c for c in found if c.stage == stage]
        return sorted(found, key=lambda c: c.id)

    def update_candidate(self, candidate_id: int, data: CandidateInput) -> Candidate:
        values = clean_input(data)
        with self.db.writing() as db:
            candidate = self._get(db, candidate_id)
            for key, value in values.items():
                setattr(candidate, key, value)
            return self._save(db, candidate)

    def _save(self, db: TinyDB, candidate: Candidate) -> Candidate:
        candidate.updated_at = self.db.now_iso()
        db.table(TABLE).update(_to_doc(candidate), doc_ids=[candidate.id])
        return candidate

    def move_candidate(
        self, candidate_id: int, stage: str, note: str = "", *, undoable: bool = False,
        expected: str | None = None,
    ) -> Candidate:
        """Move and date it; `undoable` (the tracker's moves) remembers it for `u`.
        `expected`: the stage the move was decided from; another one means another session
        moved the card meanwhile, and nothing is written."""
        check_stage(stage)
        with self.db.writing() as db:
            candidate = self._get(db, candidate_id)
            from_stage = candidate.stage
            check_unmoved(candidate, expected)
            if from_stage == stage:
                return candidate  # already there: no history entry, nothing to undo
            ended: list[dict] = []
            moved = self._move(db, candidate, stage, note, ended)
            if undoable:
                undo.record(db, undo.LastMove(
                    moved.id, moved.name, from_stage, stage, moved.updated_at, ended=ended or None
                ))
            return moved

    def decline_candidate(
        self, candidate_id: int, reason: str = "", referred_to: str = ""
    ) -> tuple[Candidate, Candidate | None]:
        """Decline (from any stage) and, in the same transaction, add the person they referred."""
        referred_to = clean_line(referred_to)
        with self.db.writing() as db:
            candidate = self._get(db, candidate_id)
            from_stage = candidate.stage
            ended: list[dict] = []
            declined = self._move(db, candidate, "declined", clean_line(reason), ended)
            referral = None
            created_snapshot = None
            if referred_to:
                values = clean_input(
                    CandidateInput(name=referred_to, source="referral", introduced_by=declined.name)
                )
                referral = self._insert_candidate(
                    db, values, "researched", declined.id, f"referred by {declined.name}"
                )
                created_snapshot = undo.snapshot(_to_doc(referral))
            undo.record(db, undo.LastMove(
                declined.id, declined.name, from_stage, "declined", declined.updated_at,
                referral.id if referral else None, created_snapshot, ended or None,
            ))
            return declined, referral

    def last_move(self) -> undo.LastMove | None:
        with self.db.reading() as db:
            return undo.load(db)

    def undo_last_move(self) -> undo.UndoOutcome:
        """Move the card back with a reversing history entry; remove an untouched referral."""
        stale = ""
        with self.db.writing() as db:
            move = undo.load(db)
            if move is None:
                raise InvalidInput("nothing to undo")
            undo.clear(db)
            doc = db.table(TABLE).get(doc_id=move.candidate_id)
            if doc is None:
                stale = f"{move.name} was removed since the move; nothing to undo"
            elif doc.get("stage") != move.to_stage:
                stale = f"{move.name} has moved since; nothing to undo"
            else:
                candidate = self._move(
                    db, _to_candidate(doc), move.from_stage, f"{UNDO_NOTE} {move.to_stage}"
                )
                outcome = undo.UndoOutcome(candidate, move.to_stage, move.from_stage)
                if move.to_stage == "agreed":
                    outcome.mentorship = self._on_undo_agreed(db, candidate.id)
                elif move.from_stage == "agreed" and move.ended:
                    outcome.mentorship = self._on_undo_left_agreed(db, move.ended)
                created = (
                    db.table(TABLE).get(doc_id=move.created_id) if move.created_id else None
                )
                if created is not None:
                    if undo.snapshot(dict(created)) == move.created_snapshot:
                        db.table(TABLE).remove(doc_ids=[move.created_id])
                        outcome.removed_referral = created.get("name", "")
                    else:
                        outcome.kept_referral = created.get("name", "")
                return outcome
        raise InvalidInput(stale)

    def _move(
        self, db: TinyDB, candidate: Candidate, stage: str, note: str = "",
        ended: list[dict] | None = None,
    ) -> Candidate:
        """Move and date it; leaving agreed ends the mentorship, noted in `ended` for undo."""
        if candidate.stage == "agreed" and stage != "agreed":
            records = self._on_left_agreed(db, candidate)
            if ended is not None:
                ended.extend(records)
        candidate.stage = stage
        candidate.history.append(
            HistoryEntry(at=self.db.now_iso(), event="stage", stage=stage, note=clean_text(note))
        )
        return self._save(db, candidate)

    # Hooks the calendar's repository overrides; same transaction as the move.
    def _on_left_agreed(self, db: TinyDB, candidate: Candidate) -> list[dict]:
        """A mentor who agreed was declined or moved back: end their mentorship and return
        what undo needs to reopen it."""
        return []

    def _on_undo_left_agreed(self, db: TinyDB, ended: list[dict]) -> str:
        """Undo of a move out of agreed: reopen what it ended ("reopened" or "")."""
        return ""

    def _on_undo_agreed(self, db: TinyDB, candidate_id: int) -> str:
        """Undo of a move into agreed: remove the mentorship it created ("removed"), or only
        end it when a meeting was held or edited ("ended"); "none" without a calendar."""
        undo_agreement = getattr(self, "_undo_agreement", None)
        return undo_agreement(db, candidate_id) if undo_agreement is not None else "none"

    def log_event(self, candidate_id: int, event: str, note: str = "") -> Candidate:
        """A follow-up, a draft or a note in the candidate's dated history."""
        if event not in ("follow_up", "draft", "note"):
            raise InvalidInput(f"unknown history event {event!r}")
        with self.db.writing() as db:
            candidate = self._get(db, candidate_id)
            candidate.history.append(
                HistoryEntry(at=self.db.now_iso(), event=event, note=clean_text(note, multiline=True))
            )
            return self._save(db, candidate)

    def delete_candidate(self, candidate_id: int) -> None:
        """Remove the card and its history. A mentor's mentorship ends in the same write:
        planned meetings are cancelled; held ones and their notes stay on the calendar."""
        with self.db.writing() as db:
            candidate = self._get(db, candidate_id)
            self._on_left_agreed(db, candidate)
            db.table(TABLE).remove(doc_ids=[candidate_id])
            last = undo.load(db)
            if last is not None and last.candidate_id == candidate_id:
                undo.clear(db)


__all__ = ["CandidateRepository", "check_stage", "check_unmoved", "clean_input", "normalize_email"]
