"""Data in and out of the database: the json backup (every table, restored exactly into an
empty database) and CSV imports (new cards, duplicates skipped, in one write).

A backup keeps ids, times and history as they are, so exporting the restored database
gives the same file. Into a database that already has data a backup is refused: ids
would clash, and a silent merge of two histories is not something a person can check.
The CSV exports are the way to add someone else's candidates to a database in use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.table import Document

from mentee_tui.domain.csv_import import ImportPlan, NewCard, ParsedCsv, plan_import
from mentee_tui.domain.reflection import PROMPT_KEYS
from mentee_tui.domain.text import clean_line, clean_text
from mentee_tui.domain.validate import (
    InvalidInput,
    candidate_fields,
    check_duration,
    check_location,
    check_months,
    check_stage,
    check_timezone,
)
from mentee_tui.model import (
    LOGGED_EVENTS,
    MEETING_STATUSES,
    RECOVERY_KINDS,
    Candidate,
    CandidateInput,
    DamagedRecord,
    HistoryEntry,
    Meeting,
    Mentorship,
    Recovery,
    Reflection,
    Settings,
)
from mentee_tui.storage import candidates as candidates_table
from mentee_tui.storage import recovery as recovery_table
from mentee_tui.storage import reflections as reflections_table
from mentee_tui.storage import settings as settings_table
from mentee_tui.storage import undo as undo_table
from mentee_tui.storage.calendar import MEETINGS, MENTORSHIPS
from mentee_tui.storage.candidates import CandidateRepository
from mentee_tui.storage.database import META_TABLE, SCHEMA_VERSION, Database

APP = "mentee-tui"
R = TypeVar("R")
# (name in the file and the table, record class): the tables whose records carry an id.
ID_TABLES: tuple[tuple[str, type], ...] = (
    (candidates_table.TABLE, Candidate),
    (MENTORSHIPS, Mentorship),
    (MEETINGS, Meeting),
    (recovery_table.TABLE, Recovery),
)
# Tables whose records hold a person's data: a database with any of them is not empty.
DATA_TABLES = (candidates_table.TABLE, MENTORSHIPS, MEETINGS, reflections_table.TABLE,
               recovery_table.TABLE)


@dataclass(slots=True)
class Restored:
    """How many records of each table a backup holds (and a restore wrote)."""

    counts: dict[str, int] = field(default_factory=dict)


def _sorted_docs(tx: TinyDB, table: str) -> list[Document]:
    return sorted(tx.table(table).all(), key=lambda d: d.doc_id)


# -- export ---------------------------------------------------------------------------


def backup(db: Database) -> dict[str, Any]:
    """Every table as JSON-ready data, in id order, with the schema version."""
    with db.reading() as tx:
        data: dict[str, Any] = {"app": APP, "schema_version": SCHEMA_VERSION}
        meta = tx.table(META_TABLE).get(doc_id=1) or {}
        data["next_ids"] = dict(sorted(dict(meta.get("next_ids", {})).items()))
        for name, cls in ID_TABLES:
            data[name] = [cls.from_dict({**doc, "id": doc.doc_id}).to_dict()
                          for doc in _sorted_docs(tx, name)]
        data[reflections_table.TABLE] = [
            Reflection.from_dict(doc).to_dict()
            for doc in _sorted_docs(tx, reflections_table.TABLE)]
        settings = tx.table(settings_table.TABLE).get(doc_id=1)
        data[settings_table.TABLE] = None if settings is None else Settings.from_dict(settings).to_dict()
        undo = tx.table(undo_table.TABLE).get(doc_id=1)
        data[undo_table.TABLE] = None if undo is None else dict(undo)
    return data


# -- checking a backup ------------------------------------------------------------------


def _instant(value: str, what: str) -> str:
    if value:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise InvalidInput(f"{what} {value!r} is not an ISO 8601 date and time") from None
        if parsed.utcoffset() is None:
            raise InvalidInput(f"{what} {value!r} has no UTC offset")
    return value


def _checked_candidate(c: Candidate) -> Candidate:
    values = candidate_fields(CandidateInput(
        name=c.name, email=c.email, role=c.role, organization=c.organization, source=c.source,
        url=c.url, introduced_by=c.introduced_by, why=c.why, notes=c.notes,
        knows_well=c.knows_well, is_supervisor=c.is_supervisor))
    for key, value in values.items():
        setattr(c, key, value)
    c.stage = check_stage(c.stage)
    _instant(c.created_at, "created_at")
    _instant(c.updated_at, "updated_at")
    for entry in c.history:
        if entry.event not in ("stage", *LOGGED_EVENTS):
            raise InvalidInput(f"unknown history event {entry.event!r}")
        if entry.event == "stage":
            entry.stage = check_stage(entry.stage or "")
        _instant(entry.at, "a history entry's time")
        entry.note = clean_text(entry.note, multiline=True)
    return c


def _checked_mentorship(m: Mentorship) -> Mentorship:
    check_months(m.months)
    check_duration(m.duration_minutes)
    check_timezone(m.timezone, allow_empty=False)
    if m.status not in ("active", "ended"):
        raise InvalidInput(f"unknown mentorship status {m.status!r}")
    m.mentor = clean_line(m.mentor)
    m.location = check_location(m.location)
    m.agreement = {key: clean_text(text, multiline=True) for key, text in m.agreement.items()}
    return m


def _checked_meeting(m: Meeting, mentorship_ids: set[int]) -> Meeting:
    if m.mentorship_id not in mentorship_ids:
        raise InvalidInput(f"no mentorship with id {m.mentorship_id} in the file")
    if m.status not in MEETING_STATUSES:
        raise InvalidInput(f"unknown meeting status {m.status!r}")
    _instant(m.start, "start")
    if not m.start:
        raise InvalidInput("a meeting needs a start")
    m.agenda, m.notes = clean_text(m.agenda, multiline=True), clean_text(m.notes, multiline=True)
    for item in m.actions:
        item.text = clean_line(item.text)
        if type(item.done) is not bool:
            raise InvalidInput(f"an action item's done is {item.done!r}, not true or false")
    m.location = check_location(m.location)
    return m


def _records(data: dict[str, Any], name: str, cls: type[R],
             check: Callable[[R], R]) -> list[R]:
    """The file's records of one table, each checked; the message names the record."""
    items = data.get(name, [])
    if not isinstance(items, list):
        raise InvalidInput(f"{name}: expected a list of records")
    found: list[R] = []
    seen: set[int] = set()
    for number, item in enumerate(items, start=1):
        label = (item.get("name") or item.get("mentor") or item.get("key")) \
            if isinstance(item, dict) else None
        where = f"{name} record {number}" + (f" ({clean_line(label)[:60]})" if label else "")
        try:
            record = check(cls.from_dict(item))
        except (DamagedRecord, InvalidInput) as exc:
            raise InvalidInput(f"{where}: {exc}") from None
        record_id = item.get("id")
        if record_id is not None:
            if type(record_id) is not int or record_id < 1 or record_id in seen:
                raise InvalidInput(f"{where}: the id {record_id!r} is not a new positive number")
            seen.add(record_id)
        found.append(record)
    return found


def _reflection(r: Reflection) -> Reflection:
    if r.key not in PROMPT_KEYS:
        raise InvalidInput(f"unknown reflection prompt {r.key!r}")
    r.text = clean_text(r.text, multiline=True)
    for revision in r.revisions:
        revision.text = clean_text(revision.text, multiline=True)
        _instant(revision.at, "a revision's time")
    return r


def _recovery(r: Recovery) -> Recovery:
    if r.kind not in RECOVERY_KINDS:
        raise InvalidInput(f"unknown kind of unsaved form {r.kind!r}")
    return r


def read_backup(data: Any) -> dict[str, list[Any]]:
    """The checked records of a backup, by table. InvalidInput names the first bad one."""
    if not isinstance(data, dict) or data.get("app") != APP:
        raise InvalidInput("not a mentee-tui json export (no \"app\": \"mentee-tui\")")
    version = data.get("schema_version")
    if type(version) is not int or version < 1:
        raise InvalidInput("the export has no schema_version")
    if version != SCHEMA_VERSION:
        newer = "a newer" if version > SCHEMA_VERSION else "an older"
        raise InvalidInput(f"the export was made by {newer} mentee-tui (schema {version}, "
                           f"this one reads {SCHEMA_VERSION})")
    records: dict[str, list[Any]] = {
        candidates_table.TABLE: _records(data, candidates_table.TABLE, Candidate,
                                         _checked_candidate),
        MENTORSHIPS: _records(data, MENTORSHIPS, Mentorship, _checked_mentorship),
    }
    ids = {m.id for m in records[MENTORSHIPS]}
    records[MEETINGS] = _records(data, MEETINGS, Meeting, lambda m: _checked_meeting(m, ids))
    records[reflections_table.TABLE] = _records(data, reflections_table.TABLE, Reflection,
                                                _reflection)
    if len({r.key for r in records[reflections_table.TABLE]}) != len(records[reflections_table.TABLE]):
        raise InvalidInput("reflections: a prompt is answered twice")
    records[recovery_table.TABLE] = _records(data, recovery_table.TABLE, Recovery, _recovery)
    settings = data.get(settings_table.TABLE)
    try:
        records[settings_table.TABLE] = [] if settings is None else [
            settings_table.checked_settings(Settings.from_dict(settings))]
    except (DamagedRecord, InvalidInput) as exc:
        raise InvalidInput(f"settings: {exc}") from None
    undo = data.get(undo_table.TABLE)
    if undo is not None and not isinstance(undo, dict):
        raise InvalidInput("undo: expected an object or null")
    records[undo_table.TABLE] = [] if undo is None else [undo]
    next_ids = data.get("next_ids", {})
    if not isinstance(next_ids, dict) or not all(
            type(v) is int and v >= 1 for v in next_ids.values()):
        raise InvalidInput("next_ids: expected table names and whole numbers")
    records[META_TABLE] = [next_ids]
    return records


# -- restoring ---------------------------------------------------------------------------


def has_data(db: Database) -> int:
    """How many records of a person's data the database holds (0: empty)."""
    with db.reading() as tx:
        return sum(len(tx.table(name)) for name in DATA_TABLES)


def _doc(record: Any) -> dict[str, Any]:
    data = record if isinstance(record, dict) else record.to_dict()
    return {k: v for k, v in data.items() if k != "id"}


def restore(db: Database, records: dict[str, list[Any]]) -> Restored:
    """Write a checked backup (`read_backup`) into an empty database, ids kept."""
    with db.writing() as tx:
        held = sum(len(tx.table(name)) for name in DATA_TABLES)
        if held:
            raise InvalidInput(refusal(held))
        for name, _cls in ID_TABLES:
            tx.table(name).insert_multiple(
                Document(_doc(r), doc_id=r.id) for r in records[name])
        for name in (reflections_table.TABLE, settings_table.TABLE, undo_table.TABLE):
            if name == settings_table.TABLE and not records[name]:
                continue  # a backup without settings keeps this database's
            table = tx.table(name)
            table.truncate()
            table.insert_multiple(
                Document(_doc(r), doc_id=n) for n, r in enumerate(records[name], start=1))
        meta = tx.table(META_TABLE)
        current = dict((meta.get(doc_id=1) or {}).get("next_ids", {}))
        wanted = records[META_TABLE][0]
        # Ids are never reused: the higher of the file's counter and this database's.
        merged = {k: max(int(current.get(k, 1)), int(wanted.get(k, 1)))
                  for k in sorted({*current, *wanted})}
        meta.update({"next_ids": merged}, doc_ids=[1])
    return Restored({name: len(items) for name, items in records.items() if name != META_TABLE})


def refusal(held: int) -> str:
    return (f"the database already holds data ({held} records); a json export is restored "
            "only into an empty database: use --db NEW.json, or import a csv export to add "
            "its candidates")


# -- calendar and agreement ----------------------------------------------------------------


def _answers(store: Any) -> dict[str, str]:
    return {key: r.text for key, r in store.reflections.all().items()}


def ics_export(store: Any, *, with_notes: bool = False) -> str:
    """The .ics of every meeting, those a shorter plan took away included (cancelled), with
    the reminder, ORGANIZER and ATTENDEE from the settings and the mentors' cards."""
    from mentee_tui.domain.ics import IcsOptions, export_ics
    from mentee_tui.domain.validate import reminder_minutes

    settings = store.settings.get()
    mentorships = store.calendar.mentorships()
    emails = {c.id: c.email for c in store.candidates.all()}
    options = IcsOptions(
        with_notes=with_notes, reminder_minutes=reminder_minutes(settings.reminder),
        organizer=settings.email,
        mentor_emails={m.id: emails.get(m.candidate_id, "") for m in mentorships},
    )
    return export_ics(mentorships, store.calendar.meetings(with_removed=True), options)


def agreement_export(store: Any) -> str:
    """Every mentorship's agreement as markdown (what is unwritten, pre-filled)."""
    from mentee_tui.domain.agreement import agreement_markdown

    return agreement_markdown(store.calendar.mentorships(), _answers(store), store.now())


def answers(store: Any) -> dict[str, str]:
    """The reflection answers by prompt key (agendas and the agreement are filled from them)."""
    return _answers(store)


# -- CSV --------------------------------------------------------------------------------


def _connection(card: NewCard, now_iso: str) -> list[HistoryEntry]:
    """LinkedIn's "Connected On", as a dated note before the card's first stage."""
    if not card.connected_text:
        return []
    at = now_iso
    if card.connected_on is not None:
        zone = datetime.fromisoformat(now_iso).tzinfo
        at = datetime.combine(card.connected_on, time(0), tzinfo=zone).isoformat()
    return [HistoryEntry(at=at, event="note",
                         note=f"connected on LinkedIn on {card.connected_text}")]


def import_csv(candidates: CandidateRepository, parsed: ParsedCsv, *,
               skip_invalid: bool = False, dry_run: bool = False) -> ImportPlan:
    """Add the valid, new rows in one write, or nothing: with an invalid row (unless
    `skip_invalid`), on a dry run, or when every row is a duplicate."""
    plan = plan_import(parsed, candidates.all())
    if dry_run or not plan.added or (plan.invalid and not skip_invalid):
        return plan
    db = candidates.db
    with db.writing() as tx:
        # Planned again under the lock: a card another session added meanwhile counts.
        plan = plan_import(parsed, candidates.all())
        for card in plan.added:
            candidates.insert(tx, card.values, card.stage, None, card.note,
                              earlier=_connection(card, candidates.now_iso()))
    return plan


__all__ = ["APP", "Restored", "agreement_export", "answers", "backup", "has_data",
           "ics_export", "import_csv", "read_backup", "refusal", "restore"]
