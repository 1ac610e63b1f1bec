"""Records of the calendar: a mentorship, its setup and its monthly meetings.

`Meeting.to_dict` gives the JSON shape `mentee-tui meetings --json` prints (with `sequence`,
`edited` and `updated_at`, which the .ics export and undo use).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mentee_tui.model.records import build, from_json, known_fields, plain_dict

MEETING_STATUSES: tuple[str, ...] = ("planned", "done", "skipped", "moved", "cancelled")
# Meetings that happened (or were deliberately let go): a new rule or an early end keeps them.
HELD_STATUSES: tuple[str, ...] = ("done", "skipped")
# Meetings still to come: what a new rule regenerates and what an early end cancels.
UPCOMING_STATUSES: tuple[str, ...] = ("planned", "moved")



@dataclass(slots=True)
class MentorshipSetup:
    """What the setup form (or `mentee-tui agree`) asks: term, rule, time, zone, first date."""

    months: int = 12
    rule: str = "same-day"
    first: str = ""  # YYYY-MM-DD, the anchor every meeting date is computed from
    time: str = "09:00"
    duration: int = 60
    timezone: str = "UTC"

    def to_dict(self) -> dict[str, Any]:
        return plain_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MentorshipSetup:
        return from_json(cls, data)


@dataclass(slots=True)
class Mentorship:
    id: int
    candidate_id: int
    mentor: str
    months: int
    rule: str
    first: str
    time: str
    duration_minutes: int
    timezone: str
    status: str = "active"  # active | ended
    created_at: str = ""
    updated_at: str = ""
    ended_at: str = ""

    @property
    def active(self) -> bool:
        return self.status == "active"

    def setup(self) -> MentorshipSetup:
        return MentorshipSetup(
            months=self.months, rule=self.rule, first=self.first, time=self.time,
            duration=self.duration_minutes, timezone=self.timezone,
        )

    def to_dict(self) -> dict[str, Any]:
        return plain_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mentorship:
        return from_json(cls, data)


@dataclass(slots=True)
class Meeting:
    id: int
    mentorship_id: int
    mentor: str
    number: int
    start: str  # ISO 8601 with offset, in the mentorship's time zone
    duration_minutes: int
    status: str = "planned"
    agenda: str = ""
    notes: str = ""
    actions: list[str] = field(default_factory=list)
    uid: str = ""
    sequence: int = 0  # iCalendar SEQUENCE: bumped whenever the meeting changes
    edited: bool = False  # the person changed it by hand (an undo then keeps it)
    updated_at: str = ""

    @property
    def upcoming(self) -> bool:
        return self.status in UPCOMING_STATUSES

    def to_dict(self) -> dict[str, Any]:
        data = plain_dict(self)
        data["actions"] = list(self.actions)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Meeting:
        known = known_fields(cls, data)
        known["actions"] = list(known.get("actions", []))
        return build(cls, known)


@dataclass(slots=True)
class MeetingEdit:
    """What the meeting form returns; storage applies it to one meeting only."""

    start: str  # ISO 8601 with offset
    duration_minutes: int
    status: str
    agenda: str
    notes: str
    actions: list[str]


__all__ = [
    "HELD_STATUSES",
    "MEETING_STATUSES",
    "UPCOMING_STATUSES",
    "Meeting",
    "MeetingEdit",
    "Mentorship",
    "MentorshipSetup",
]
