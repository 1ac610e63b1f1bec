"""Mentorships and their monthly meetings (tables `mentorships` and `meetings`).

Reads are typed records kept until the file changes. A mentorship starts, ends and
reopens inside the tracker's transactions (`tracker.py`), through the methods that take
the transaction; planning, moving and ending from the calendar are one transaction each.

A meeting is never deleted while its mentorship lives, so its UID lives forever: a shorter
term cancels the meetings past its end (they keep their number, are left out of `meetings()`
and are exported CANCELLED with a higher SEQUENCE), and a term extended again over those
months brings the same meetings back, planned on the new plan's dates. So a calendar that
imported every export sees one event per month, never a ghost or a second event on a day.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import arrow
from tinydb import TinyDB
from tinydb.table import Document

from mentee_tui.domain.agenda import seed_agenda
from mentee_tui.domain.schedule import check_within_term, meeting_start, validate_setup
from mentee_tui.domain.text import clean_line, clean_text
from mentee_tui.domain.validate import InvalidInput, check_duration, check_location
from mentee_tui.model import (
    AGREEMENT_SECTIONS,
    HELD_STATUSES,
    MEETING_STATUSES,
    UPCOMING_STATUSES,
    ActionItem,
    Candidate,
    EndedMentorship,
    Meeting,
    MeetingEdit,
    Mentorship,
    MentorshipSetup,
)
from mentee_tui.storage.candidates import TABLE as CANDIDATES
from mentee_tui.storage.database import Database, NotFound
from mentee_tui.storage.reflections import TABLE as REFLECTIONS
from mentee_tui.storage.tables import to_meeting as _to_meeting
from mentee_tui.storage.tables import to_mentorship as _to_mentorship

# A new plan leaves these alone: what happened, and what the person moved by hand.
KEPT_ON_RESCHEDULE = (*HELD_STATUSES, "moved")
MENTORSHIPS = "mentorships"
MEETINGS = "meetings"


def _doc(record: Mentorship | Meeting) -> dict[str, Any]:
    data = record.to_dict()
    data.pop("id")
    return data


def _parse_start(value: str) -> arrow.Arrow:
    try:
        return arrow.get(value)
    except (arrow.parser.ParserError, ValueError, TypeError) as exc:
        raise InvalidInput(f"not a date and time: {value!r}") from exc


class CalendarRepository:
    def __init__(self, db: Database, clock: Callable[[], str]) -> None:
        self.db = db
        self.now_iso = clock

    # -- reading (cached per file version) -----------------------------------------
    def _mentor_names(self) -> dict[int, str]:
        """Mentorship id -> the mentor's name as the tracker has it now (a card can be
        renamed); a removed card keeps the name the mentorship was started with."""
        with self.db.reading() as tx:
            cards = tx.table(CANDIDATES)
            names = {}
            for mentorship in self.db.records(MENTORSHIPS, _to_mentorship):
                card = cards.get(doc_id=mentorship.candidate_id)
                names[mentorship.id] = (card or {}).get("name", "") or mentorship.mentor
            return names

    def mentorships(self) -> list[Mentorship]:
        names = self._mentor_names()
        return [m if m.mentor == names[m.id] else replace(m, mentor=names[m.id])
                for m in self.db.records(MENTORSHIPS, _to_mentorship)]

    def mentorship(self, mentorship_id: int) -> Mentorship:
        found = next((m for m in self.mentorships() if m.id == mentorship_id), None)
        if found is None:
            raise NotFound(f"no mentorship with id {mentorship_id}")
        return found

    def meetings(self, mentorship_id: int | None = None, *,
                 with_removed: bool = False) -> list[Meeting]:
        """In mentorship then meeting order; the mentor's name as the tracker has it now.
        `with_removed`: also the meetings a shorter term took away (the .ics export cancels
        them)."""
        names = self._mentor_names()
        terms = {m.id: m.months for m in self.db.records(MENTORSHIPS, _to_mentorship)}
        found = [m for m in self.db.records(MEETINGS, _to_meeting)
                 if (mentorship_id is None or m.mentorship_id == mentorship_id)
                 and (with_removed or m.number <= terms.get(m.mentorship_id, m.number))]
        found.sort(key=lambda m: (m.mentorship_id, m.number))
        return [m if m.mentor == names.get(m.mentorship_id, m.mentor)
                else replace(m, mentor=names[m.mentorship_id]) for m in found]

    def cancelled_by_leaving(self, candidate_id: int) -> int | None:
        """How many meetings leaving agreed would cancel; None when the candidate has no
        mentorship under way (leaving agreed is then an ordinary move)."""
        # Ids and statuses only: the mentor names `mentorships()` looks up are not needed.
        ids = {m.id for m in self.db.records(MENTORSHIPS, _to_mentorship)
               if m.candidate_id == candidate_id and m.active}
        if not ids:
            return None
        return sum(1 for m in self.db.records(MEETINGS, _to_meeting)
                   if m.mentorship_id in ids and m.upcoming)

    # -- one transaction each ------------------------------------------------------
    def reschedule(self, mentorship_id: int, setup: MentorshipSetup) -> Mentorship:
        """A new rule, time, zone or term: held meetings stay, and so do meetings moved by
        hand (the person chose that date); the other upcoming ones are regenerated."""
        setup = validate_setup(setup, starting=False)
        with self.db.writing() as tx:
            mentorship = self.load(tx, mentorship_id)
            if not mentorship.active:
                raise InvalidInput(f"the mentorship with {mentorship.mentor} has ended")
            meetings = {m.number: m for m in self._meetings_in(tx, mentorship_id)}
            held = [n for n, m in meetings.items() if m.status in HELD_STATUSES]
            if held and max(held) > setup.months:
                raise InvalidInput(
                    f"meeting {max(held)} was already held; the term cannot be shorter than that"
                )
            answers = self._answers(tx)
            for number in range(1, setup.months + 1):
                # A meeting a shorter term cancelled comes back here with its UID: one event.
                meeting = meetings.pop(number, None)
                if meeting is None:
                    self._new_meeting(tx, mentorship, setup, number, answers)
                elif meeting.status not in KEPT_ON_RESCHEDULE:
                    start = meeting_start(setup, number).isoformat()
                    if (start, setup.duration, "planned") != (
                        meeting.start, meeting.duration_minutes, meeting.status
                    ):
                        meeting.start, meeting.duration_minutes = start, setup.duration
                        meeting.status = "planned"
                        self._touch(meeting)
                        self._put(tx, MEETINGS, meeting)
            # A shorter term: the meetings past its end are cancelled, never deleted, so the
            # .ics export tells every calendar that imported them.
            for meeting in meetings.values():
                if meeting.status != "cancelled":
                    meeting.status = "cancelled"
                    self._touch(meeting)
                    self._put(tx, MEETINGS, meeting)
            mentorship.weekdays_only, mentorship.location = setup.weekdays_only, setup.location
            mentorship.months, mentorship.rule = setup.months, setup.rule
            mentorship.first, mentorship.time = setup.first, setup.time
            mentorship.timezone, mentorship.duration_minutes = setup.timezone, setup.duration
            mentorship.updated_at = self.now_iso()
            self._put(tx, MENTORSHIPS, mentorship)
            return mentorship

    def end(self, mentorship_id: int) -> Mentorship:
        """Ended early: upcoming meetings are cancelled, held ones stay."""
        with self.db.writing() as tx:
            mentorship = self.load(tx, mentorship_id)
            if not mentorship.active:
                raise InvalidInput(f"the mentorship with {mentorship.mentor} has already ended")
            mentorship.ended_meetings = [list(item) for item in self._end(tx, mentorship)]
            self._put(tx, MENTORSHIPS, mentorship)
            return mentorship

    def undo_end(self, mentorship_id: int) -> Mentorship:
        """Undo an early end (`end`): active again, and the meetings it cancelled back as
        they were, unless one was changed since (it then stays as it is)."""
        with self.db.writing() as tx:
            mentorship = self.load(tx, mentorship_id)
            if mentorship.active:
                raise InvalidInput(f"the mentorship with {mentorship.mentor} has not ended")
            card = tx.table(CANDIDATES).get(doc_id=mentorship.candidate_id)
            if card is None or card.get("stage") != "agreed":
                raise InvalidInput(f"the mentorship with {mentorship.mentor} ended when the "
                                   "card left agreed: undo that move on the tracker (3, u)")
            items = [(int(i), str(before), int(seq)) for i, before, seq in mentorship.ended_meetings]
            self.reopen(tx, [EndedMentorship(mentorship.id, items)])
            mentorship = self.load(tx, mentorship_id)
            mentorship.ended_meetings = []
            self._put(tx, MENTORSHIPS, mentorship)
            return mentorship

    def save_agreement(self, mentorship_id: int, sections: dict[str, str]) -> Mentorship:
        """The mentoring agreement as the mentee wrote it (a section left empty shows the
        pre-filled text again)."""
        keys = {key for key, _title in AGREEMENT_SECTIONS}
        unknown = set(sections) - keys
        if unknown:
            raise InvalidInput(f"unknown agreement section {sorted(unknown)[0]!r}")
        cleaned = {key: clean_text(text, multiline=True).strip() for key, text in sections.items()}
        with self.db.writing() as tx:
            mentorship = self.load(tx, mentorship_id)
            agreement = {**mentorship.agreement, **cleaned}
            agreement = {key: text for key, text in agreement.items() if text}
            if agreement != mentorship.agreement:
                mentorship.agreement = agreement
                mentorship.updated_at = self.now_iso()
                self._put(tx, MENTORSHIPS, mentorship)
            return mentorship

    def update_meeting(self, meeting_id: int, edit: MeetingEdit) -> Meeting:
        """Change one meeting only. A planned meeting whose date changes becomes "moved"."""
        if edit.status not in MEETING_STATUSES:
            choices = ", ".join(MEETING_STATUSES)
            raise InvalidInput(f"unknown status {edit.status!r}; one of: {choices}")
        start = _parse_start(edit.start)
        duration = check_duration(edit.duration_minutes)
        with self.db.writing() as tx:
            doc = tx.table(MEETINGS).get(doc_id=meeting_id)
            if doc is None:
                raise NotFound(f"no meeting with id {meeting_id}")
            meeting = _to_meeting(doc.doc_id, doc)
            mentorship = self.load(tx, meeting.mentorship_id)
            if meeting.number > mentorship.months:
                raise InvalidInput(f"meeting {meeting.number} is past the end of the "
                                   f"{mentorship.months}-month plan: change the plan first")
            moved = start != arrow.get(meeting.start)
            if moved:
                check_within_term(mentorship.first, mentorship.months, meeting.number,
                                  start.to(mentorship.timezone))
            status = edit.status
            if moved and status == "planned":
                status = "moved"
            if not mentorship.active and status in UPCOMING_STATUSES:
                # Ended (perhaps from another session while this form was open): what was
                # not held will not happen. Notes and actions are still saved.
                status = "cancelled"
            changed = dict(
                start=start.isoformat() if moved else meeting.start,
                duration_minutes=duration, status=status,
                agenda=clean_text(edit.agenda, multiline=True).strip(),
                notes=clean_text(edit.notes, multiline=True).strip(),
                actions=[ActionItem(text, bool(item.done)) for item in edit.actions
                         if (text := clean_line(item.text))],
                location=check_location(edit.location),
            )
            if all(getattr(meeting, key) == value for key, value in changed.items()):
                return meeting
            for key, value in changed.items():
                setattr(meeting, key, value)
            meeting.edited = True
            self._touch(meeting)
            self._put(tx, MEETINGS, meeting)
            return meeting

    # -- inside a transaction (the tracker's moves) ----------------------------------
    @staticmethod
    def load(tx: TinyDB, mentorship_id: int) -> Mentorship:
        doc = tx.table(MENTORSHIPS).get(doc_id=mentorship_id)
        if doc is None:
            raise NotFound(f"no mentorship with id {mentorship_id}")
        return _to_mentorship(doc.doc_id, doc)

    def start(self, tx: TinyDB, candidate: Candidate, setup: MentorshipSetup) -> Mentorship:
        """A new mentorship with `candidate` and every meeting of its term (`setup` checked
        by `validate_setup`)."""
        if any(m.candidate_id == candidate.id and m.active for m in self._mentorships_in(tx)):
            raise InvalidInput(f"{candidate.name} already has a mentorship under way")
        now = self.now_iso()
        mentorship = Mentorship(
            id=Database.next_id(tx, MENTORSHIPS), candidate_id=candidate.id,
            mentor=candidate.name, months=setup.months, rule=setup.rule, first=setup.first,
            time=setup.time, duration_minutes=setup.duration, timezone=setup.timezone,
            created_at=now, updated_at=now, weekdays_only=setup.weekdays_only,
            location=setup.location,
        )
        self._put(tx, MENTORSHIPS, mentorship)
        answers = self._answers(tx)
        for number in range(1, setup.months + 1):
            self._new_meeting(tx, mentorship, setup, number, answers)
        return mentorship

    def end_for(self, tx: TinyDB, candidate_id: int) -> list[EndedMentorship]:
        """The mentor left agreed (or was removed): end what is under way, and return what
        undo needs to reopen it."""
        return [
            EndedMentorship(mentorship.id, self._end(tx, mentorship))
            for mentorship in self._mentorships_in(tx)
            if mentorship.candidate_id == candidate_id and mentorship.active
        ]

    def reopen(self, tx: TinyDB, ended: list[EndedMentorship]) -> str:
        """Undo of a move out of agreed: the mentorship is active again and the meetings that
        move cancelled are back as they were, unless one was changed since. Returns
        "reopened", or "" when there was nothing to reopen."""
        outcome = ""
        for item in ended:
            doc = tx.table(MENTORSHIPS).get(doc_id=item.mentorship_id)
            if doc is None:
                continue
            mentorship = _to_mentorship(doc.doc_id, doc)
            if mentorship.active:
                continue
            mentorship.status, mentorship.ended_at = "active", ""
            mentorship.updated_at = self.now_iso()
            self._put(tx, MENTORSHIPS, mentorship)
            for meeting_id, before, sequence in item.meetings:
                found = tx.table(MEETINGS).get(doc_id=meeting_id)
                if found is None:
                    continue
                meeting = _to_meeting(found.doc_id, found)
                if meeting.status == "cancelled" and meeting.sequence == sequence:
                    meeting.status = before
                    self._touch(meeting)
                    self._put(tx, MEETINGS, meeting)
            outcome = "reopened"
        return outcome

    def remove_agreement(self, tx: TinyDB, candidate_id: int) -> str:
        """Undo of a move into agreed: remove the latest mentorship of the candidate and its
        meetings, unless one was held or edited by hand; then only end it.

        Leaves the candidate's stage alone. Returns "removed", "ended" or "none".
        """
        mine = [m for m in self._mentorships_in(tx) if m.candidate_id == candidate_id]
        if not mine:
            return "none"
        mentorship = max(mine, key=lambda m: m.id)
        meetings = self._meetings_in(tx, mentorship.id)
        if any(m.status in HELD_STATUSES or m.edited for m in meetings):
            if mentorship.active:
                self._end(tx, mentorship)
            return "ended"
        tx.table(MEETINGS).remove(doc_ids=[m.id for m in meetings])
        tx.table(MENTORSHIPS).remove(doc_ids=[mentorship.id])
        return "removed"

    # -- helpers -------------------------------------------------------------------
    @staticmethod
    def _mentorships_in(tx: TinyDB) -> list[Mentorship]:
        return [_to_mentorship(d.doc_id, d) for d in tx.table(MENTORSHIPS).all()]

    @staticmethod
    def _meetings_in(tx: TinyDB, mentorship_id: int) -> list[Meeting]:
        found = [_to_meeting(d.doc_id, d) for d in tx.table(MEETINGS).all()
                 if d.get("mentorship_id") == mentorship_id]
        return sorted(found, key=lambda m: m.number)

    @staticmethod
    def _put(tx: TinyDB, table: str, record: Mentorship | Meeting) -> None:
        if tx.table(table).contains(doc_id=record.id):
            tx.table(table).update(_doc(record), doc_ids=[record.id])
        else:
            tx.table(table).insert(Document(_doc(record), doc_id=record.id))

    @staticmethod
    def _answers(tx: TinyDB) -> dict[str, str]:
        return {doc.get("key", ""): doc.get("text", "") for doc in tx.table(REFLECTIONS).all()}

    def _new_meeting(self, tx: TinyDB, mentorship: Mentorship, setup: MentorshipSetup,
                     number: int, answers: dict[str, str]) -> Meeting:
        meeting = Meeting(
            id=Database.next_id(tx, MEETINGS), mentorship_id=mentorship.id,
            mentor=mentorship.mentor, number=number,
            start=meeting_start(setup, number).isoformat(), duration_minutes=setup.duration,
            agenda=seed_agenda(answers, number, setup.months),
            uid=f"{uuid.uuid4()}@mentee-tui", updated_at=self.now_iso(),
        )
        self._put(tx, MEETINGS, meeting)
        return meeting

    def _touch(self, meeting: Meeting) -> None:
        meeting.sequence += 1
        meeting.updated_at = self.now_iso()

    def _end(self, tx: TinyDB, mentorship: Mentorship) -> list[tuple[int, str, int]]:
        """End it: cancel the upcoming meetings. Returns (meeting id, status before,
        sequence after) for each cancelled one, so an undo can bring them back."""
        cancelled = []
        for meeting in self._meetings_in(tx, mentorship.id):
            if meeting.status in UPCOMING_STATUSES:
                before = meeting.status
                meeting.status = "cancelled"
                self._touch(meeting)
                self._put(tx, MEETINGS, meeting)
                cancelled.append((meeting.id, before, meeting.sequence))
        mentorship.status = "ended"
        mentorship.ended_at = mentorship.updated_at = self.now_iso()
        self._put(tx, MENTORSHIPS, mentorship)
        return cancelled


__all__ = ["MEETINGS", "MENTORSHIPS", "CalendarRepository"]
