"""The tracker's moves: a card's stage, its mentorship and the undo record, changed together.

Each public method is one transaction and reads top to bottom: load the card, check it is
where the board saw it, move it, end or start the mentorship that goes with the move, and
remember the move for `u`. Leaving agreed ends the mentorship in the same write; undoing
that reopens it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tinydb import TinyDB

from mentee_tui.domain.text import clean_line
from mentee_tui.domain.validate import InvalidInput, candidate_fields, check_stage
from mentee_tui.model import (
    Candidate,
    CandidateInput,
    EndedMentorship,
    LastMove,
    Mentorship,
    MentorshipSetup,
    UndoOutcome,
)
from mentee_tui.storage.candidates import CandidateRepository, to_doc
from mentee_tui.storage.database import Database
from mentee_tui.storage.undo import UndoRepository, snapshot

if TYPE_CHECKING:
    from mentee_tui.storage.calendar import CalendarRepository


def _check_unmoved(candidate: Candidate, expected: str | None) -> None:
    """`expected`: the stage the move was decided from; another one means another session
    moved the card meanwhile, and nothing is written."""
    if expected is not None and candidate.stage != expected:
        raise InvalidInput(
            f"{candidate.name} was moved to {candidate.stage} meanwhile (another session?); "
            "nothing changed, the board now shows where they are"
        )


class Tracker:
    def __init__(self, db: Database, clock: Callable[[], str], candidates: CandidateRepository,
                 calendar: Callable[[], CalendarRepository], undo: UndoRepository) -> None:
        self.db = db
        self.now_iso = clock
        self.candidates = candidates
        # The calendar (dates, schedules, arrow) loads only for moves that touch agreed:
        # `mentee-tui move 7 contacted` never needs it.
        self._calendar = calendar
        self.undo = undo

    @property
    def calendar(self) -> CalendarRepository:
        return self._calendar()

    def move(self, candidate_id: int, stage: str, note: str = "", *, undoable: bool = False,
             expected: str | None = None) -> Candidate:
        """Move and date it; `undoable` (the tracker's moves) remembers it for `u`.
        The tracker and the command line move to agreed with `agree`, which plans the
        mentorship too."""
        stage = check_stage(stage)
        with self.db.writing() as tx:
            candidate = self.candidates.load(tx, candidate_id)
            _check_unmoved(candidate, expected)
            from_stage = candidate.stage
            if from_stage == stage:
                return candidate  # already there: no history entry, nothing to undo
            ended = self._leave(tx, candidate, stage)
            moved = self.candidates.set_stage(tx, candidate, stage, note)
            if undoable:
                self.undo.record(tx, LastMove(moved.id, moved.name, from_stage, stage,
                                              moved.updated_at, ended=ended or None))
            return moved

    def agree(self, candidate_id: int, setup: MentorshipSetup, *, undoable: bool = False,
              expected: str | None = None) -> Mentorship:
        """Move the candidate to agreed and start the mentorship with every meeting, at once."""
        from mentee_tui.domain.schedule import validate_setup  # dates: only when agreeing

        setup = validate_setup(setup)
        with self.db.writing() as tx:
            candidate = self.candidates.load(tx, candidate_id)
            _check_unmoved(candidate, expected)
            from_stage = candidate.stage
            if from_stage != "agreed":
                candidate = self.candidates.set_stage(tx, candidate, "agreed")
                if undoable:
                    self.undo.record(tx, LastMove(candidate.id, candidate.name, from_stage,
                                                  "agreed", candidate.updated_at))
            return self.calendar.start(tx, candidate, setup)

    def decline(self, candidate_id: int, reason: str = "",
                referred_to: str = "") -> tuple[Candidate, Candidate | None]:
        """Decline (from any stage) and, in the same write, add the person they referred."""
        referred_to = clean_line(referred_to)
        with self.db.writing() as tx:
            candidate = self.candidates.load(tx, candidate_id)
            from_stage = candidate.stage
            ended = self._leave(tx, candidate, "declined")
            declined = self.candidates.set_stage(tx, candidate, "declined", clean_line(reason))
            referral = None
            if referred_to:
                values = candidate_fields(CandidateInput(
                    name=referred_to, source="referral", introduced_by=declined.name))
                # The one duplicate rule: a referral already on the board is not added twice
                # (the whole decline is refused, nothing written: say it without the name).
                self.candidates.refuse_duplicate(values)
                referral = self.candidates.insert(
                    tx, values, "researched", declined.id, f"referred by {declined.name}")
            self.undo.record(tx, LastMove(
                declined.id, declined.name, from_stage, "declined", declined.updated_at,
                referral.id if referral else None,
                snapshot(to_doc(referral)) if referral else None, ended or None,
            ))
            return declined, referral

    def remove(self, candidate_id: int) -> None:
        """Remove the card and its history. A mentor's mentorship ends in the same write:
        planned meetings are cancelled; held ones and their notes stay on the calendar."""
        with self.db.writing() as tx:
            self.candidates.load(tx, candidate_id)  # NotFound when it is gone already
            self.calendar.end_for(tx, candidate_id)
            self.candidates.delete(tx, candidate_id)
            last = self.undo.load(tx)
            if last is not None and last.candidate_id == candidate_id:
                self.undo.clear(tx)

    def undo_last_move(self) -> UndoOutcome:
        """Move the card back with a reversing history entry and undo what the move did to
        the mentorship; remove the referral card it made unless it was changed since."""
        with self.db.writing() as tx:
            move = self.undo.load(tx)
            if move is None:
                raise InvalidInput("nothing to undo")
            self.undo.clear(tx)
            stored = self.candidates.stored(tx, move.candidate_id)
            if stored is None or stored.get("stage") != move.to_stage:
                why = "was removed since the move" if stored is None else "has moved since"
                stale = f"{move.name} {why}; nothing to undo"
            else:
                return self._undo(tx, move)
        raise InvalidInput(stale)  # after the write: the stale record is gone

    # -- the parts of a move -------------------------------------------------------
    def _leave(self, tx: TinyDB, candidate: Candidate, stage: str) -> list[EndedMentorship]:
        """Leaving agreed ends the mentorship; what undo needs to reopen it comes back."""
        if candidate.stage == "agreed" and stage != "agreed":
            return self.calendar.end_for(tx, candidate.id)
        return []

    def _undo(self, tx: TinyDB, move: LastMove) -> UndoOutcome:
        from mentee_tui.domain.stages import UNDO_NOTE

        candidate = self.candidates.load(tx, move.candidate_id)
        candidate = self.candidates.set_stage(
            tx, candidate, move.from_stage, f"{UNDO_NOTE} {move.to_stage}")
        outcome = UndoOutcome(candidate, move.to_stage, move.from_stage)
        if move.to_stage == "agreed":
            outcome.mentorship = self.calendar.remove_agreement(tx, candidate.id)
        elif move.from_stage == "agreed" and move.ended:
            outcome.mentorship = self.calendar.reopen(tx, move.ended)
        created = self.candidates.stored(tx, move.created_id) if move.created_id else None
        if created is not None:
            if snapshot(created) == move.created_snapshot:
                self.candidates.delete(tx, move.created_id)
                outcome.removed_referral = created.get("name", "")
            else:
                outcome.kept_referral = created.get("name", "")
        return outcome


__all__ = ["Tracker"]
