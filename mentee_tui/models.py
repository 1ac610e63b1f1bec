"""Typed records that cross the storage boundary (dataclasses in, dataclasses out).

The JSON shapes match DESIGN §Data shapes; `to_dict` gives exactly that shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from mentee_tui.records import build, known_fields

STAGES: tuple[str, ...] = ("researched", "contacted", "coffee", "asked", "agreed", "declined")
SOURCES: tuple[str, ...] = ("linkedin", "network", "referral", "event", "other")
EVENTS: tuple[str, ...] = ("stage", "follow_up", "draft", "note")


_known = known_fields


@dataclass(slots=True)
class HistoryEntry:
    at: str
    event: str
    stage: str | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HistoryEntry:
        return build(cls, _known(cls, data))


@dataclass(slots=True)
class CandidateInput:
    """What a person types into the candidate form or the `add` command."""

    name: str
    email: str = ""
    role: str = ""
    organization: str = ""
    source: str = "other"
    url: str = ""
    introduced_by: str = ""
    why: str = ""
    notes: str = ""
    knows_well: bool = False
    is_supervisor: bool = False


@dataclass(slots=True)
class Candidate:
    id: int
    name: str
    email: str = ""
    role: str = ""
    organization: str = ""
    source: str = "other"
    url: str = ""
    introduced_by: str = ""
    why: str = ""
    notes: str = ""
    knows_well: bool = False
    is_supervisor: bool = False
    stage: str = "researched"
    referred_by: int | None = None
    created_at: str = ""
    updated_at: str = ""
    history: list[HistoryEntry] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["history"] = [h.to_dict() for h in self.history]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Candidate:
        known = _known(cls, data)
        known["history"] = [HistoryEntry.from_dict(h) for h in known.get("history", [])]
        return build(cls, known)

    @property
    def has_warning(self) -> bool:
        """The programme advises against a mentor you know well or who supervises you."""
        return self.knows_well or self.is_supervisor


@dataclass(slots=True)
class Revision:
    at: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Reflection:
    """One prompt's answer: the autosaved working copy and its dated revisions."""

    key: str
    text: str = ""
    updated_at: str = ""
    revisions: list[Revision] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["revisions"] = [r.to_dict() for r in self.revisions]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reflection:
        known = _known(cls, data)
        known["revisions"] = [build(Revision, _known(Revision, r)) for r in known.get("revisions", [])]
        return build(cls, known)


@dataclass(slots=True)
class Settings:
    follow_up_days: int = 7
    meeting_time: str = "09:00"
    meeting_duration: int = 60
    timezone: str = ""  # empty: the system's zone
    theme: str = "textual-dark"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        return build(cls, _known(cls, data))
