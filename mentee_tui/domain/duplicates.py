"""The one rule for "this person is already on the tracker", used by `add`, the new-candidate
form and every import: the same email (case-insensitive, after normalising), or the same
name and organization (case- and accent-insensitive, spaces collapsed).

Callers pass values already cleaned by `validate.candidate_fields` (the email normalised).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from mentee_tui.domain.validate import InvalidInput
from mentee_tui.model import Candidate

SAME_EMAIL = "the same email"
SAME_NAME = "the same name and organization"


def fold(text: str) -> str:
    """`  Tomás   ORTEGA ` -> `tomas ortega`: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def email_key(email: str) -> str:
    return str(email).strip().casefold()


def name_key(name: str, organization: str) -> tuple[str, str]:
    return fold(name), fold(organization)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """The card a new one would duplicate, and why."""

    existing: Candidate
    reason: str  # SAME_EMAIL or SAME_NAME
    line: int | None = None  # an import: the earlier line of the same file

    def message(self) -> str:
        """`Grace Hopper (#3) is already on the tracker with the same email`."""
        who = self.existing
        if self.line is not None:
            return f"{who.name} is on line {self.line} of the same file, with {self.reason}"
        return f"{who.name} (#{who.id}) is already on the tracker with {self.reason}"


class DuplicateFound(InvalidInput):
    """`add` or `edit` refused a card that duplicates another (exit status 2)."""

    def __init__(self, duplicate: Duplicate) -> None:
        super().__init__(duplicate.message())
        self.duplicate = duplicate


class DuplicateIndex:
    """The cards seen so far, looked up by email and by name and organization.

    An import adds each row it keeps, so two rows of one file for the same person are
    caught as well as a row for someone already in the database.
    """

    def __init__(self, existing: Iterable[Candidate] = ()) -> None:
        self._by_email: dict[str, tuple[Candidate, int | None]] = {}
        self._by_name: dict[tuple[str, str], tuple[Candidate, int | None]] = {}
        for candidate in existing:
            self.add(candidate)

    def add(self, candidate: Candidate, line: int | None = None) -> None:
        """`line`: a row of the file being imported, not yet a card."""
        if candidate.email:
            self._by_email.setdefault(email_key(candidate.email), (candidate, line))
        self._by_name.setdefault(name_key(candidate.name, candidate.organization),
                                 (candidate, line))

    def find(self, name: str, email: str, organization: str) -> Duplicate | None:
        if email:
            found = self._by_email.get(email_key(email))
            if found is not None:
                return Duplicate(found[0], SAME_EMAIL, found[1])
        found = self._by_name.get(name_key(name, organization))
        return None if found is None else Duplicate(found[0], SAME_NAME, found[1])


def find_duplicate(name: str, email: str, organization: str, existing: Iterable[Candidate],
                   exclude_id: int | None = None) -> Duplicate | None:
    """The first card that `name`/`email`/`organization` would duplicate; `exclude_id`: the
    card being edited, which is not its own duplicate."""
    others = [c for c in existing if c.id != exclude_id]
    return DuplicateIndex(others).find(name, email, organization)


__all__ = [
    "SAME_EMAIL", "SAME_NAME", "Duplicate", "DuplicateFound", "DuplicateIndex", "email_key", "find_duplicate",
    "fold", "name_key",
]
