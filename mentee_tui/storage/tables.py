"""What each table's records must look like when a version of the file is read from disk.

Every table with typed records has one converter here; `Database` runs them all once per
version read (the typed records then fill its cache, so a screen or `list` does not
convert them again) and refuses the whole file, naming the record, when one fails. The
checks are the model's types plus the domain's rules on the values a screen relies on:
a stage, a source, a meeting's start, the settings. A file that passes can be shown and
written back without a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from mentee_tui.domain.validate import InvalidInput
from mentee_tui.model import (
    SOURCES,
    STAGES,
    Candidate,
    DamagedRecord,
    MEETING_STATUSES,
    Meeting,
    Mentorship,
    Recovery,
    Reflection,
    Settings,
)


CANDIDATES, MENTORSHIPS, MEETINGS = "candidates", "mentorships", "meetings"
REFLECTIONS, SETTINGS, RECOVERIES = "reflections", "settings", "recoveries"
MENTORSHIP_STATUSES = ("active", "ended")


def _one_of(record: str, what: str, value: Any, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise DamagedRecord(f"a {record} record has {what}={value!r:.40}, "
                            f"expected one of: {', '.join(allowed)}")


def _a_date(record: str, what: str, value: str) -> None:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise DamagedRecord(f"a {record} record has {what}={value!r:.40}, expected a date") from None


def to_candidate(doc_id: int, doc: dict[str, Any]) -> Candidate:
    candidate = Candidate.from_dict({**doc, "id": doc_id})
    _one_of("Candidate", "stage", candidate.stage, STAGES)
    _one_of("Candidate", "source", candidate.source, SOURCES)
    return candidate


def to_mentorship(doc_id: int, doc: dict[str, Any]) -> Mentorship:
    mentorship = Mentorship.from_dict({**doc, "id": doc_id})
    _one_of("Mentorship", "status", mentorship.status, MENTORSHIP_STATUSES)
    _a_date("Mentorship", "first", mentorship.first)
    return mentorship


def to_meeting(doc_id: int, doc: dict[str, Any]) -> Meeting:
    meeting = Meeting.from_dict({**doc, "id": doc_id})
    _one_of("Meeting", "status", meeting.status, MEETING_STATUSES)
    _a_date("Meeting", "start", meeting.start)
    return meeting


def to_reflection(_doc_id: int, doc: dict[str, Any]) -> Reflection:
    return Reflection.from_dict(doc)


def to_settings(_doc_id: int, doc: dict[str, Any]) -> Settings:
    from mentee_tui.storage.settings import checked_settings

    try:
        return checked_settings(Settings.from_dict(doc))
    except InvalidInput as exc:
        raise DamagedRecord(f"a Settings record is out of range: {exc}") from None


def to_recovery(_doc_id: int, doc: dict[str, Any]) -> Recovery:
    return Recovery.from_dict(doc)


CONVERTERS: dict[str, Callable[[int, dict[str, Any]], Any]] = {
    CANDIDATES: to_candidate, MENTORSHIPS: to_mentorship, MEETINGS: to_meeting,
    REFLECTIONS: to_reflection, SETTINGS: to_settings, RECOVERIES: to_recovery,
}


def check_links(records: dict[str, list[Any]]) -> None:
    """A mentorship whose candidate is gone (the calendar and Home would fail on it)."""
    candidates = {c.id for c in records.get(CANDIDATES, [])}
    for mentorship in records.get(MENTORSHIPS, []):
        if mentorship.candidate_id not in candidates:
            raise DamagedRecord(f"{MENTORSHIPS}/{mentorship.id}: a Mentorship record has "
                                f"candidate_id={mentorship.candidate_id}, and there is no such candidate")


__all__ = ["CONVERTERS", "check_links"]
