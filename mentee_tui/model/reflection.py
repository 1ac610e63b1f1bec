"""A reflection prompt's answer: the autosaved working copy and its dated revisions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mentee_tui.model.records import build, from_json, known_fields, plain_dict


@dataclass(slots=True)
class Revision:
    """A dated copy of an answer. `restored_from`: the `at` of the earlier revision this one
    brought back (a restore), else empty; older files have no such key."""

    at: str
    text: str
    restored_from: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = plain_dict(self)
        if not self.restored_from:
            del data["restored_from"]  # the shape files had before restores were recorded
        return data


@dataclass(slots=True)
class Reflection:
    """One prompt's answer: the autosaved working copy and its dated revisions."""

    key: str
    text: str = ""
    updated_at: str = ""
    revisions: list[Revision] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = plain_dict(self)
        data["revisions"] = [r.to_dict() for r in self.revisions]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reflection:
        known = known_fields(cls, data)
        known["revisions"] = [from_json(Revision, r) for r in known.get("revisions", [])]
        return build(cls, known)
