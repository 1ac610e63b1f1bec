"""Mentorships and their monthly meetings (tables `mentorships` and `meetings`).

Mixed into `Store` before CandidateRepository, so `_on_left_agreed` here ends the
mentorship in the same transaction as the move that declined the mentor.
"""

from __future__ import annotations

import uuid
from typing import Any

import arrow
from tinydb import TinyDB
from tinydb.table import Document

from mentee_tui.domain.agenda import seed_agenda
from mentee_tui.domain.schedule import check_within_term, meeting_start, validate_setup
from mentee_tui.models import Candidate
from mentee_tui.models_calendar import (
    HELD_STATUSES,
    MEETING_STATUSES,
    UPCOMING_STATUSES,
    Meeting,
    MeetingEdit,
    Mentorship,
    MentorshipSetup,
)
from mentee_tui.storage import undo
from mentee_tui.storage.candidates import check_unmoved
from mentee_tui.storage.core import Database, InvalidInput, NotFound
from mentee_tui.text import clean_line, clean_text

# A new plan leaves these alone: what happened, and what the person moved by hand.
KEPT_ON_RESCHEDULE = (*HELD_STATUSES, "moved")
MENTORSHIPS = "mentorships"
MEETINGS = "meetings"


def _checked(setup: MentorshipSetup, *, starting: bool = True) -> MentorshipSetup:
    try:
        return validate_setup(setup, starting=starting)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc


def _doc(record: Mentorship | Meeting) -> dict[str, Any]:
    data = record.to_dict()
    data.pop("id")
    return data


class CalendarRepository:
    """Every public method is one transaction."""

    db: Database

    # -- reading -----------------------------------------------------------------
    @staticmethod
    def _mentorship(db: TinyDB, mentorship_id: int) -> Mentorship:
        doc = db.table(MENTORSHIPS).get(doc_id=mentorship_id)
        if doc is None:
            raise NotFound(f"no mentorship with id {mentorship_id}")
        return Mentorship.from_dict({**doc, "id": doc.doc_id})

    @staticmethod
    def _meetings_of(db: TinyDB, mentorship_id: int | None = None) -> list[Meeting]:
        docs = db.table(MEETINGS).all()
        found = [Meeting.from_dict({**doc, "id": doc.doc_id}) for doc in docs]
        if mentorship_id is not None:
            found = [m for m in found if m.mentorship_id == mentorship_id]
        return sorted(found, key=lambda m: (m.mentorship_id, m.number))

    @staticmethod
    def _mentor_names(db: TinyDB) -> dict[int, str]:
        """Mentorship id -> the mentor's name as the tracker has it now (a card can be renamed)."""
        names = {doc.doc_id: doc.get("name", "") for doc in db.table("candidates").all()}
        return {
            doc.doc_id: names.get(doc.get("candidate_id"), "") or doc.get("mentor", "")
            for doc in db.table(MENTORSHIPS).all()
        }

    def mentorships(self) -> list[Mentorship]:
        with self.db.reading() as db:
            found = sorted(self._all(db), key=lambda m: m.id)
            names = self._mentor_names(db)
        for mentorship in found:
            mentorship.mentor = names.get(mentorship.id, mentorship.mentor)
        return found

    def get_mentorship(self, mentorship_id: int) -> Mentorship:
        with self.db.reading() as db:
            mentorship = self._mentorship(db, mentorship_id)
            mentorship.mentor = self._mentor_names(db).get(mentorship_id, mentorship.mentor)
            return mentorship

    def meetings(self, mentorship_id: int | None = None) -> list[Meeting]:
        with self.db.reading() as db:
            found = self._meetings_of(db, mentorship_id)
            names = self._mentor_names(db)
        for meeting in found:
            meeting.mentor = names.get(meeting.mentorship_id, meeting.mentor)
        return found

    # -- writing -----------------------------------------------------------------
    def _put(self, db: TinyDB, table: str, record: Mentorship | Meeting) -> None:
        if db.table(table).contains(doc_id=record.id):
            db.table(table).update(_doc(record), doc_ids=[record.id])
        else:
            db.table(table).insert(Document(_doc(record), doc_id=record.id))

    def _answers(self, db: TinyDB) -> dict[str, str]:
        return {doc.get("key", ""): doc.get("text", "") for doc in db.table("reflections").all()}

    def _new_meeting(self, db: TinyDB, mentorship: Mentorship, setup: MentorshipSetup,
                     number: int, answers: dict[str, str]) -> Meeting:
        meeting = Meeting(
            id=Database.next_id(db, MEETINGS), mentorship_id=mentorship.id,
            mentor=mentorship.mentor, number=number,
            start=meeting_start(setup, number).isoformat(), duration_minutes=setup.duration,
            agenda=seed_agenda(answers, number, setup.months),
            uid=f"{uuid.uuid4()}@mentee-tui", updated_at=self.db.now_iso(),
        )
        self._put(db, MEETINGS, meeting)
        return meeting

    def agree_candidate(self, candidate_id: int, setup: MentorshipSetup, *,
                        undoable: bool = False, expected: str | None = None) -> Mentorship:
        """Move the candidate to agreed and create the mentorship and every meeting, at once.

        `undoable` and `expected` (the tracker's move) as in `move_candidate`.
        """
        setup = _checked(setup)
        with self.db.writing() as db:
            candidate: Candidate = self._get(db, candidate_id)  # type: ignore[attr-defined]
            check_unmoved(candidate, expected)
            if any(m.candidate_id == candidate_id and m.active for m in self._all(db)):
                raise InvalidInput(f"{candidate.name} already has a mentorship under way")
            from_stage = candidate.stage
            if candidate.stage != "agreed":
                candidate = self._move(db, candidate, "agreed")  # type: ignore[attr-defined]
                if undoable:
                    undo.record(db, undo.LastMove(
                        candidate.id, candidate.name, from_stage, "agreed", candidate.updated_at))
            now = self.db.now_iso()
            mentorship = Mentorship(
                id=Database.next_id(db, MENTORSHIPS), candidate_id=candidate.id,
                mentor=candidate.name, months=setup.months, rule=setup.rule, first=setup.first,
                time=setup.time, duration_minutes=setup.duration, timezone=setup.timezone,
                created_at=now, updated_at=now,
            )
            self._put(db, MENTORSHIPS, mentorship)
            answers = self._answers(db)
            for number in range(1, setup.months + 1):
                self._new_meeting(db, mentorship, setup, number, answers)
            return mentorship

    def _all(self, db: TinyDB) -> list[Mentorship]:
        return [Mentorship.from_dict({**d, "id": d.doc_id}) for d in db.table(MENTORSHIPS).all()]

    def reschedule_mentorship(self, mentorship_id: int, setup: MentorshipSetup) -> Mentorship:
        """A new rule, time, zone or term: held meetings stay, and so do meetings moved by
        hand (the person chose that date); the other upcoming ones are regenerated."""
        setup = _checked(setup, starting=False)
        with self.db.writing() as db:
            mentorship = self._mentorship(db, mentorship_id)
            if not mentorship.active:
                raise InvalidInput(f"the mentorship with {mentorship.mentor} has ended")
            meetings = {m.number: m for m in self._meetings_of(db, mentorship_id)}
            held = [n for n, m in meetings.items() if m.status in HELD_STATUSES]
            if held and max(held) > setup.months:
                raise InvalidInput(
                    f"meeting {max(held)} was already held; the term cannot be shorter than that"
                )
            answers = self._answers(db)
            for number in range(1, setup.months + 1):
                meeting = meetings.pop(number, None)
                if meeting is None:
                    self._new_meeting(db, mentorship, setup, number, answers)
                elif meeting.status not in KEPT_ON_RESCHEDULE:
                    start = meeting_start(setup, number).isoformat()
                    if (start, setup.duration, "planned") != (
                        meeting.start, meeting.duration_minutes, meeting.status
                    ):
                        meeting.start, meeting.duration_minutes = start, setup.duration
                        meeting.status = "planned"
                        self._touch(meeting)
                        self._put(db, MEETINGS, meeting)
            # A shorter term: the upcoming meetings past its end go away.
            db.table(MEETINGS).remove(doc_ids=[m.id for m in meetings.values()])
            mentorship.months, mentorship.rule = setup.months, setup.rule
            mentorship.first, mentorship.time = setup.first, setup.time
            mentorship.timezone, mentorship.duration_minutes = setup.timezone, setup.duration
            mentorship.updated_at = self.db.now_iso()
            self._put(db, MENTORSHIPS, mentorship)
            return mentorship

    def _touch(self, meeting: Meeting) -> None:
        meeting.sequence += 1
        meeting.updated_at = self.db.now_iso()

    def _end(self, db: TinyDB, mentorship: Mentorship) -> list[list]:
        """End it: cancel the upcoming meetings. Returns [meeting id, status before,
        sequence after] for each cancelled one, so an undo can bring them back."""
        cancelled = []
        for meeting in self._meetings_of(db, mentorship.id):
            if meeting.status in UPCOMING_STATUSES:
                before = meeting.status
                meeting.status = "cancelled"
                self._touch(meeting)
                self._put(db, MEETINGS, meeting)
                cancelled.append([meeting.id, before, meeting.sequence])
        mentorship.status = "ended"
        mentorship.ended_at = mentorship.updated_at = self.db.now_iso()
        self._put(db, MENTORSHIPS, mentorship)
        return cancelled

    def end_mentorship(self, mentorship_id: int) -> Mentorship:
        """Ended early: upcoming meetings are cancelled, held ones stay."""
        with self.db.writing() as db:
            mentorship = self._mentorship(db, mentorship_id)
            if not mentorship.active:
                raise InvalidInput(f"the mentorship with {mentorship.mentor} has already ended")
            self._end(db, mentorship)
            return mentorship

    def upcoming_meetings_of(self, candidate_id: int) -> int | None:
        """How many meetings leaving agreed would cancel; None without an active mentorship."""
        with self.db.reading() as db:
            active = [m for m in self._all(db) if m.candidate_id == candidate_id and m.active]
            if not active:
                return None
            return sum(
                1 for mentorship in active for meeting in self._meetings_of(db, mentorship.id)
                if meeting.status in UPCOMING_STATUSES
            )

    def _on_left_agreed(self, db: TinyDB, candidate: Candidate) -> list[dict]:
        """The mentor was declined or moved back: end their mentorship in the same write."""
        return [
            {"mentorship_id": mentorship.id, "meetings": self._end(db, mentorship)}
            for mentorship in self._all(db)
            if mentorship.candidate_id == candidate.id and mentorship.active
        ]

    def _on_undo_left_agreed(self, db: TinyDB, ended: list[dict]) -> str:
        """Undo of a move out of agreed: the mentorship is active again and the meetings that
        move cancelled are back as they were, unless one was changed since."""
        outcome = ""
        for item in ended:
            doc = db.table(MENTORSHIPS).get(doc_id=item.get("mentorship_id"))
            if doc is None:
                continue
            mentorship = Mentorship.from_dict({**doc, "id": doc.doc_id})
            if mentorship.active:
                continue
            mentorship.status, mentorship.ended_at = "active", ""
            mentorship.updated_at = self.db.now_iso()
            self._put(db, MENTORSHIPS, mentorship)
            for meeting_id, before, sequence in item.get("meetings", []):
                found = db.table(MEETINGS).get(doc_id=meeting_id)
                if found is None:
                    continue
                meeting = Meeting.from_dict({**found, "id": found.doc_id})
                if meeting.status == "cancelled" and meeting.sequence == sequence:
                    meeting.status = before
                    self._touch(meeting)
                    self._put(db, MEETINGS, meeting)
            outcome = "reopened"
        return outcome

    def undo_agreement(self, candidate_id: int) -> str:
        """Undo of a move into agreed: remove the latest mentorship of the candidate and its
        meetings, unless one was held or edited by hand; then only end it.

        Leaves the candidate's stage alone (the tracker's reversing move does that, before or
        after). Returns "removed", "ended" or "none".
        """
        with self.db.writing() as db:
            return self._undo_agreement(db, candidate_id)

    def _undo_agreement(self, db: TinyDB, candidate_id: int) -> str:
        """The same inside another transaction (the tracker's `undo_last_move`)."""
        mine = [m for m in self._all(db) if m.candidate_id == candidate_id]
        if not mine:
            return "none"
        mentorship = max(mine, key=lambda m: m.id)
        meetings = self._meetings_of(db, mentorship.id)
        if any(m.status in HELD_STATUSES or m.edited for m in meetings):
            if mentorship.active:
                self._end(db, mentorship)
            return "ended"
        db.table(MEETINGS).remove(doc_ids=[m.id for m in meetings])
        db.table(MENTORSHIPS).remove(doc_ids=[mentorship.id])
        return "removed"

    def update_meeting(self, meeting_id: int, edit: MeetingEdit) -> Meeting:
        """Change one meeting only. A planned meeting whose date changes becomes "moved"."""
        if edit.status not in MEETING_STATUSES:
            choices = ", ".join(MEETING_STATUSES)
            raise InvalidInput(f"unknown status {edit.status!r}; one of: {choices}")
        try:
            start = arrow.get(edit.start)
        except (arrow.parser.ParserError, ValueError, TypeError) as exc:
            raise InvalidInput(f"not a date and time: {edit.start!r}") from exc
        if not 5 <= int(edit.duration_minutes) <= 600:
            raise InvalidInput("the duration must be from 5 to 600 minutes")
        with self.db.writing() as db:
            doc = db.table(MEETINGS).get(doc_id=meeting_id)
            if doc is None:
                raise NotFound(f"no meeting with id {meeting_id}")
            meeting = Meeting.from_dict({**doc, "id": doc.doc_id})
            mentorship = self._mentorship(db, meeting.mentorship_id)
            if start != arrow.get(meeting.start):
                try:
                    check_within_term(mentorship.first, mentorship.months, meeting.number,
                                      start.to(mentorship.timezone))
                except ValueError as exc:
                    raise InvalidInput(str(exc)) from exc
            status = edit.status
            if start != arrow.get(meeting.start) and status == "planned":
                status = "moved"
            if not mentorship.active and status in UPCOMING_STATUSES:
                # Ended (perhaps from another session while this form was open): what was
                # not held will not happen. Notes and actions are still saved.
                status = "cancelled"
            changed = dict(
                start=start.isoformat() if start != arrow.get(meeting.start) else meeting.start,
                duration_minutes=int(edit.duration_minutes), status=status,
                agenda=clean_text(edit.agenda, multiline=True).strip(),
                notes=clean_text(edit.notes, multiline=True).strip(),
                actions=[a for a in (clean_line(x) for x in edit.actions) if a],
            )
            if all(getattr(meeting, key) == value for key, value in changed.items()):
                return meeting
            for key, value in changed.items():
                setattr(meeting, key, value)
            meeting.edited = True
            self._touch(meeting)
            self._put(db, MEETINGS, meeting)
            return meeting


__all__ = ["CalendarRepository"]
