"""Records of the calendar: a mentorship, its setup and its monthly meetings.

`Meeting.to_dict` gives the JSON shape `mentee-tui meetings --json` prints (with `sequence`,
`edited` and `updated_at`, which the .ics export and undo use). An action item is
`{"text": …, "done": false}`; a database written before items had a done state holds plain
strings, which load as open items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mentee_tui.model.records import DamagedRecord, build, from_json, known_fields, plain_dict

MEETING_STATUSES: tuple[str, ...] = ("planned", "done", "skipped", "moved", "cancelled")
# Meetings that happened (or were deliberately let go): a new rule or an early end keeps them.
HELD_STATUSES: tuple[str, ...] = ("done", "skipped")
# Meetings still to come: what a new rule regenerates and what an early end cancels.
UPCOMING_STATUSES: tuple[str, ...] = ("planned", "moved")
# The sections of a mentoring agreement, in the order the form and the markdown show them.
AGREEMENT_SECTIONS: tuple[tuple[str, str], ...] = (
    ("goals", "Goals"),
    ("term", "Term"),
    ("cadence", "How often we meet"),
    ("meeting", "How and where we meet"),
    ("confidentiality", "Confidentiality"),
    ("check_in", "Mid-term check-in"),
    ("ending", "Ending the mentorship"),
)


@dataclass(slots=True)
class ActionItem:
    """One line of a meeting's checklist."""

    text: str
    done: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "done": self.done}

    @classmethod
    def from_json(cls, value: Any) -> ActionItem:
        """A stored item; a plain string (an older database) is an open item."""
        if isinstance(value, str):
            return cls(value)
        return from_json(cls, value)


def action_items(values: Any) -> list[ActionItem]:
    if not isinstance(values, list):
        raise DamagedRecord("a meeting's actions are not a JSON list")
    return [ActionItem.from_json(v) for v in values]


@dataclass(slots=True)
class MentorshipSetup:
    """What the setup form (or `mentee-tui agree`) asks: term, rule, time, zone, first date."""

    months: int = 12
    rule: str = "same-day"
    first: str = ""  # YYYY-MM-DD, the anchor every meeting date is computed from
    time: str = "09:00"
    duration: int = 60
    timezone: str = "UTC"
    weekdays_only: bool = False  # a Saturday or Sunday meeting moves to a weekday
    location: str = ""  # a place or a video link, for every meeting

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
    weekdays_only: bool = False
    location: str = ""  # a place or a video link; a meeting can override it
    agreement: dict[str, str] = field(default_factory=dict)  # AGREEMENT_SECTIONS keys
    # What the last early end cancelled, [meeting id, status before, sequence after]: `u`.
    ended_meetings: list[list[Any]] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.status == "active"

    def setup(self) -> MentorshipSetup:
        return MentorshipSetup(
            months=self.months, rule=self.rule, first=self.first, time=self.time,
            duration=self.duration_minutes, timezone=self.timezone,
            weekdays_only=self.weekdays_only, location=self.location,
        )

    def to_dict(self) -> dict[str, Any]:
        data = plain_dict(self)
        data["agreement"] = dict(self.agreement)
        data["ended_meetings"] = [list(item) for item in self.ended_meetings]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mentorship:
        record = from_json(cls, data)
        if not isinstance(record.agreement, dict) or not all(
                isinstance(v, str) for v in record.agreement.values()):
            raise DamagedRecord("a Mentorship record's agreement is not an object of texts")
        if not all(isinstance(item, list) and len(item) == 3
                   for item in record.ended_meetings):
            raise DamagedRecord("a Mentorship record's ended_meetings are not triples")
        return record


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
    actions: list[ActionItem] = field(default_factory=list)
    location: str = ""  # empty: the mentorship's
    uid: str = ""
    sequence: int = 0  # iCalendar SEQUENCE: bumped whenever the meeting changes
    edited: bool = False  # the person changed it by hand (an undo then keeps it)
    updated_at: str = ""

    @property
    def upcoming(self) -> bool:
        return self.status in UPCOMING_STATUSES

    def to_dict(self) -> dict[str, Any]:
        data = plain_dict(self)
        data["actions"] = [item.to_dict() for item in self.actions]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Meeting:
        known = known_fields(cls, data)
        known["actions"] = action_items(known.get("actions", []))
        return build(cls, known)

    def open_items(self) -> list[str]:
        return [item.text for item in self.actions if not item.done]


@dataclass(slots=True)
class MeetingEdit:
    """What the meeting form returns; storage applies it to one meeting only."""

    start: str  # ISO 8601 with offset
    duration_minutes: int
    status: str
    agenda: str
    notes: str
    actions: list[ActionItem]
    location: str = ""


__all__ = [
    "AGREEMENT_SECTIONS",
    "HELD_STATUSES",
    "MEETING_STATUSES",
    "UPCOMING_STATUSES",
    "ActionItem",
    "Meeting",
    "MeetingEdit",
    "Mentorship",
    "MentorshipSetup",
    "action_items",
]
