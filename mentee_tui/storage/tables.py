"""What a version of the file read from disk must look like: JSON, its tables and ids, and
each table's records.

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
from typing import TYPE_CHECKING, Any

import orjson

from mentee_tui.domain.validate import InvalidInput
from mentee_tui.model import (
    MEETING_STATUSES,
    SOURCES,
    STAGES,
    Candidate,
    DamagedRecord,
    Meeting,
    Mentorship,
    Recovery,
    Reflection,
    Settings,
)
from mentee_tui.storage import database
from mentee_tui.storage.database import META_TABLE, StorageError

if TYPE_CHECKING:
    from pathlib import Path

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


Hint = Callable[[], str]
MAX_ID_DIGITS = 18  # ids stay well inside the 64 bits orjson writes


def _validate_shape(path: Path, data: Any, hint: Hint) -> dict[str, Any]:
    """The tables, the ids and `_meta` (schema version, next ids): what every transaction
    relies on before a record is read."""
    if not isinstance(data, dict):
        raise StorageError(f"{path}: not a mentee-tui database (expected a JSON object). {hint()}")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise StorageError(f"{path}: table {name!r} has the wrong shape. {hint()}")
        if not all(key.isascii() and key.isdigit() and len(key) <= MAX_ID_DIGITS for key in table):
            raise StorageError(f"{path}: table {name!r} has a record without a numeric id. {hint()}")
    meta = data.get(META_TABLE, {}).get("1")
    version = None if meta is None else meta.get("schema_version")
    # bool is an int subclass; versions start at 1.
    if data and (type(version) is not int or version < 1):
        raise StorageError(f"{path}: no schema version, so not a mentee-tui database. {hint()}")
    if version is not None and version > database.SCHEMA_VERSION:
        raise StorageError(
            f"{path}: made by a newer mentee-tui (schema {version}, this one reads "
            f"up to {database.SCHEMA_VERSION}). Upgrade mentee-tui to open it."
        )
    next_ids = {} if meta is None else meta.get("next_ids", {})
    if not isinstance(next_ids, dict) or not all(
            type(n) is int and 1 <= n < 10 ** MAX_ID_DIGITS for n in next_ids.values()):
        raise StorageError(f"{path}: the record {META_TABLE}/1 is damaged: its next_ids are "
                           f"not whole numbers from 1. {hint()}")
    return data


def check_records(path: Path, data: dict[str, Any], hint: Hint) -> dict[str, dict[str, tuple[Any, Any]]]:
    """Every typed record of a version read from disk, checked (see `tables`): for each
    table, key -> (stored document, typed record). A damaged one is a StorageError naming
    the file and the record."""
    converted: dict[str, dict[str, tuple[Any, Any]]] = {}
    for table, convert in CONVERTERS.items():
        stored = data.get(table)
        if not stored:
            continue
        by_doc: dict[str, tuple[Any, Any]] = {}
        for key, doc in stored.items():
            try:
                by_doc[key] = (doc, convert(int(key), doc))
            except DamagedRecord as exc:
                raise StorageError(f"{path}: the record {table}/{key} is damaged: {exc}. {hint()}") from None
        converted[table] = by_doc
    try:
        check_links({table: [r for _doc, r in found.values()] for table, found in converted.items()})
    except DamagedRecord as exc:
        raise StorageError(f"{path}: the record {exc}. {hint()}") from None
    return converted


def check_bytes(path: Path, raw: bytes, hint: Hint) -> tuple[dict[str, Any], dict[str, Any]]:
    """The parsed file and its typed records, or a StorageError in one line naming `path`
    and ending with `hint()` (worked out only then: it looks for backups)."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        what = "it is empty" if not raw.strip() else f"it is not valid JSON ({exc})"
        raise StorageError(f"{path}: the database is damaged: {what}. {hint()}") from None
    except RecursionError:
        raise StorageError(f"{path}: the database is damaged: it is nested too deeply. {hint()}") from None
    data = _validate_shape(path, data, hint)
    if not data or data[META_TABLE]["1"]["schema_version"] != database.SCHEMA_VERSION:
        return data, {}  # an older version is checked once migrated
    return data, check_records(path, data, hint)


__all__ = ["CONVERTERS", "Hint", "check_bytes", "check_links", "check_records"]
