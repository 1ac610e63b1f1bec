"""A prospective mentor: the card on the tracker, its input form and its dated history.

`Candidate.to_dict` gives the JSON shape `mentee-tui list --json` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mentee_tui.model.records import (
    build,
    from_json,
    known_fields,
    plain_dict,
    records_of,
)

STAGES: tuple[str, ...] = ("researched", "contacted", "coffee", "asked", "agreed", "declined")
SOURCES: tuple[str, ...] = ("linkedin", "network", "referral", "event", "other")
# History events besides "stage" (which moves write): what a person logs by hand.
LOGGED_EVENTS: tuple[str, ...] = ("follow_up", "draft", "note")



@dataclass(slots=True)
class HistoryEntry:
    at: str
    event: str
    stage: str | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return plain_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HistoryEntry:
        return from_json(cls, data)


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
        data = plain_dict(self)
        data["history"] = [h.to_dict() for h in self.history]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Candidate:
        known = known_fields(cls, data)
        known["history"] = records_of(HistoryEntry, known.get("history", []))
        return build(cls, known)

    @property
    def has_warning(self) -> bool:
        """The programme advises against a mentor you know well or who supervises you."""
        return self.knows_well or self.is_supervisor
