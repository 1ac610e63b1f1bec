"""Reading candidates from a CSV file: mentee-tui's own export, or LinkedIn's Connections.csv.

Pure: the text comes in (already decoded, a byte-order mark removed), a plan goes out:
the cards to add, the rows that duplicate a card (`duplicates`, the one rule), and the
rows that are invalid, each named by its line in the file. Storage carries the plan out
in one write; the command line reports it.

LinkedIn's export starts with a few "Notes:" lines before its header
`First Name,Last Name,URL,Email Address,Company,Position,Connected On`, so the header is
looked for in the first lines; columns are read by name, not position.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from mentee_tui.domain.duplicates import Duplicate, DuplicateIndex
from mentee_tui.domain.text import clean_line
from mentee_tui.domain.validate import InvalidInput, candidate_fields, check_flag, check_stage
from mentee_tui.model import Candidate, CandidateInput

LINKEDIN = "LinkedIn connections"
OWN_CSV = "mentee-tui CSV"
HEADER_SEARCH_LINES = 20  # LinkedIn's notes take three or four
LINKEDIN_COLUMNS = {
    "first name": "first_name", "last name": "last_name", "url": "url",
    "email address": "email", "company": "organization", "position": "role",
    "connected on": "connected_on",
}
# The text columns of mentee-tui's own CSV that an import reads (ids and dates are the
# database's own: imported rows become new cards).
TEXT_COLUMNS = ("name", "email", "role", "organization", "source", "url", "introduced_by",
                "why", "notes")
FLAG_COLUMNS = ("knows_well", "is_supervisor")
CONNECTED_FORMATS = ("%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%b %d, %Y", "%B %d, %Y")


@dataclass(slots=True)
class CsvRow:
    line: int  # where the row starts in the file, counting from 1
    cells: dict[str, str]  # by field name (see LINKEDIN_COLUMNS, TEXT_COLUMNS)

    @property
    def label(self) -> str:
        """The person the row is about, to name it in a message."""
        name = self.cells.get("name") or " ".join(
            part for part in (self.cells.get("first_name", ""), self.cells.get("last_name", ""))
            if part.strip())
        return clean_line(name)[:60]


@dataclass(slots=True)
class RowProblem:
    line: int
    label: str
    problem: str

    def message(self, source: str) -> str:
        who = f" ({self.label})" if self.label else ""
        return f"{source} line {self.line}{who}: {self.problem}"


@dataclass(slots=True)
class NewCard:
    """A valid row: the checked fields of the card, its stage and history note."""

    line: int
    values: dict[str, Any]
    stage: str = "researched"
    note: str = ""  # the note of its first history entry
    connected_on: date | None = None  # LinkedIn: when they became a connection
    connected_text: str = ""  # as LinkedIn wrote it, kept when it is not a date


@dataclass(slots=True)
class ParsedCsv:
    kind: str  # LINKEDIN or OWN_CSV
    rows: list[CsvRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


@dataclass(slots=True)
class ImportPlan:
    kind: str
    added: list[NewCard] = field(default_factory=list)
    duplicates: list[tuple[int, str, Duplicate]] = field(default_factory=list)  # line, label
    invalid: list[RowProblem] = field(default_factory=list)


def _header_kind(cells: list[str]) -> tuple[str, list[str]] | None:
    names = [clean_line(c).lower() for c in cells]
    if names[:2] == ["first name", "last name"]:
        return LINKEDIN, [LINKEDIN_COLUMNS.get(n, "") for n in names]
    if "name" in names:
        return OWN_CSV, [n if n in (*TEXT_COLUMNS, *FLAG_COLUMNS, "stage") else "" for n in names]
    return None


def parse_csv(text: str) -> ParsedCsv:
    """The rows of a CSV file, by column name. InvalidInput when no header is found."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    start = 1
    header: tuple[str, list[str]] | None = None
    records: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            if header is None:
                if reader.line_num > HEADER_SEARCH_LINES:
                    break
                header = _header_kind(cells) if cells else None
            elif any(c.strip() for c in cells):
                records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InvalidInput(f"line {start}: not readable as CSV ({exc})") from exc
    if header is None:
        raise InvalidInput(
            "not a mentee-tui or LinkedIn CSV: no header with a name column, nor "
            "`First Name,Last Name,…` in the first lines")
    kind, columns = header
    parsed = ParsedCsv(kind)
    for line, cells in records:
        if len(cells) > len(columns):
            row = CsvRow(line, dict(zip(columns, cells, strict=False)))
            parsed.problems.append(RowProblem(
                line, row.label, f"{len(cells)} fields where the header has {len(columns)}"))
            continue
        parsed.rows.append(CsvRow(line, {
            name: value for name, value in zip(columns, cells, strict=False) if name}))
    return parsed


def _connected(text: str) -> date | None:
    for pattern in CONNECTED_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _linkedin_card(row: CsvRow) -> NewCard:
    cells = row.cells
    data = CandidateInput(
        name=f"{clean_line(cells.get('first_name', ''))} {clean_line(cells.get('last_name', ''))}",
        email=cells.get("email", ""), organization=cells.get("organization", ""),
        role=cells.get("role", ""), url=cells.get("url", ""), source="linkedin",
    )
    connected = clean_line(cells.get("connected_on", ""))
    return NewCard(row.line, candidate_fields(data), note="imported from LinkedIn",
                   connected_on=_connected(connected) if connected else None,
                   connected_text=connected)


def _own_card(row: CsvRow) -> NewCard:
    cells = row.cells
    data = CandidateInput(
        **{name: cells.get(name, "") for name in TEXT_COLUMNS},
        knows_well=check_flag(cells.get("knows_well", ""), "knows_well"),
        is_supervisor=check_flag(cells.get("is_supervisor", ""), "is_supervisor"),
    )
    stage = check_stage(cells.get("stage", "") or "researched")
    return NewCard(row.line, candidate_fields(data), stage=stage, note="imported from CSV")


def plan_import(parsed: ParsedCsv, existing: Iterable[Candidate]) -> ImportPlan:
    """Check every row and sort it: a new card, a duplicate (of a card or of an earlier row
    of the same file), or invalid."""
    plan = ImportPlan(parsed.kind, invalid=list(parsed.problems))
    index = DuplicateIndex(existing)
    make = _linkedin_card if parsed.kind == LINKEDIN else _own_card
    for row in parsed.rows:
        try:
            card = make(row)
        except InvalidInput as exc:
            plan.invalid.append(RowProblem(row.line, row.label, str(exc)))
            continue
        values = card.values
        duplicate = index.find(values["name"], values["email"], values["organization"])
        if duplicate is not None:
            plan.duplicates.append((row.line, values["name"], duplicate))
            continue
        index.add(Candidate(id=0, name=values["name"], email=values["email"],
                            organization=values["organization"]), line=row.line)
        plan.added.append(card)
    plan.invalid.sort(key=lambda p: p.line)
    return plan


__all__ = [
    "LINKEDIN", "OWN_CSV", "CsvRow", "ImportPlan", "NewCard", "ParsedCsv", "RowProblem",
    "parse_csv", "plan_import",
]
