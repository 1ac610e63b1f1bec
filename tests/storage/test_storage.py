"""The database file: ids, permissions, corrupt files, schema versions, failed writes."""

from __future__ import annotations

import errno
import json
import os
import stat

import pytest
from conftest import FIXED_NOW, fixed_clock

from mentee_tui.model import CandidateInput
from mentee_tui.storage import (
    SCHEMA_VERSION,
    InvalidInput,
    NotFound,
    StorageError,
    Store,
)
from mentee_tui.storage import database as core


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# -- records and ids ---------------------------------------------------------------


def test_a_candidate_round_trips_every_field(store):
    data = CandidateInput(
        name="Ada Lovelace", email="Ada@Example.COM", role="Analyst", organization="Engines",
        source="referral", url="https://example.org/ada", introduced_by="Charles",
        why="She wrote the first program.\nTwice.", notes="Line one\nline two",
        knows_well=True, is_supervisor=False,
    )
    added = store.candidates.add(data, stage="contacted", note="met at a talk")
    got = store.candidates.get(added.id)
    assert got == added
    assert got.email == "Ada@example.com"  # the domain part is normalised
    assert got.why == "She wrote the first program.\nTwice."
    assert got.stage == "contacted"
    assert got.created_at == got.updated_at == FIXED_NOW.isoformat()
    assert [(h.event, h.stage, h.note) for h in got.history] == [("stage", "contacted", "met at a talk")]


def test_ids_are_never_reused_after_deleting_the_highest(store):
    ids = [store.candidates.add(CandidateInput(name=f"c{i}")).id for i in range(3)]
    assert ids == [1, 2, 3]
    store.tracker.remove(3)
    assert store.candidates.add(CandidateInput(name="c4")).id == 4
    store.tracker.remove(4)
    store.tracker.remove(2)
    assert store.candidates.add(CandidateInput(name="c5")).id == 5
    assert [c.id for c in store.candidates.all()] == [1, 5]


def test_another_store_on_the_same_file_never_gets_stale(store, db_path):
    other = Store(db_path, now=fixed_clock)
    store.candidates.add(CandidateInput(name="Ada"))
    assert [c.name for c in other.candidates.all()] == ["Ada"]  # reads the file afresh
    assert other.candidates.add(CandidateInput(name="Grace")).id == 2
    other.tracker.remove(2)
    # `store` never saw id 2 in its own transactions; it must still not reuse it.
    assert store.candidates.add(CandidateInput(name="Mei")).id == 3
    assert [c.name for c in other.candidates.all()] == ["Ada", "Mei"]


def test_unknown_ids_and_bad_input_raise_typed_errors_and_write_nothing(store, db_path):
    store.candidates.add(CandidateInput(name="Ada"))
    before = db_path.read_bytes()
    with pytest.raises(NotFound):
        store.candidates.get(99)
    with pytest.raises(NotFound):
        store.tracker.move(99, "coffee")
    with pytest.raises(InvalidInput):
        store.tracker.move(1, "nowhere")
    with pytest.raises(InvalidInput):
        store.candidates.add(CandidateInput(name="Bad", email="not an email"))
    with pytest.raises(InvalidInput):
        store.candidates.add(CandidateInput(name="  "))
    assert db_path.read_bytes() == before


def test_one_file_write_per_transaction_and_none_on_failure(store, db_path, monkeypatch):
    writes = []
    real_write = core.atomic_write_json
    monkeypatch.setattr(core, "atomic_write_json", lambda p, d: (writes.append(p), real_write(p, d)))
    with store.db.writing() as db:
        for name in ("a", "b", "c"):
            db.table("notes").insert({"name": name})
    assert len(writes) == 1
    before = db_path.read_bytes()
    with pytest.raises(RuntimeError):
        with store.db.writing() as db:
            db.table("notes").insert({"name": "d"})
            raise RuntimeError("the action failed half way")
    assert len(writes) == 1 and db_path.read_bytes() == before


def test_reading_a_missing_database_creates_nothing(db_path):
    store = Store(db_path, now=fixed_clock)
    assert store.candidates.all() == []
    assert store.settings.get().follow_up_days == 7
    assert not db_path.exists()


def test_a_new_file_carries_the_schema_version(store, db_path):
    store.candidates.add(CandidateInput(name="Ada"))
    raw = json.loads(db_path.read_text(encoding="utf-8"))
    assert raw["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert raw["candidates"]["1"]["name"] == "Ada"


# -- corrupt and foreign files ------------------------------------------------------------

CORRUPT = {
    "empty": b"",
    "whitespace": b"  \n",
    "brace": b"{",
    "list": b"[]",
    "string": b'"mentee"',
    "table is a list": b'{"_meta": {"1": {"schema_version": 1}}, "candidates": []}',
    "record is a list": b'{"_meta": {"1": {"schema_version": 1}}, "candidates": {"1": []}}',
    "non-numeric key": b'{"_meta": {"1": {"schema_version": 1}}, "candidates": {"abc": {}}}',
    "superscript key": '{"_meta": {"1": {"schema_version": 1}}, "c": {"\u00b2": {}}}'.encode(),
    "no schema version": b'{"candidates": {"1": {"name": "Ada"}}}',
    "schema version text": b'{"_meta": {"1": {"schema_version": "1"}}}',
    "schema version zero": b'{"_meta": {"1": {"schema_version": 0}}}',
    "schema version true": b'{"_meta": {"1": {"schema_version": true}}}',
    "invalid utf-8": b'{"_meta": {"1": {"schema_version": 1}}, "x": {"1": {"n": "\xff\xfe"}}}',
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_a_corrupt_file_is_a_clear_error_and_never_overwritten(db_path, content):
    db_path.parent.mkdir(mode=0o700)
    db_path.write_bytes(content)
    with pytest.raises(StorageError) as caught:
        Store(db_path, now=fixed_clock)
    message = str(caught.value)
    assert str(db_path) in message
    assert "\n" not in message
    assert db_path.read_bytes() == content


def test_a_file_damaged_while_open_stops_writes_and_stays_as_it_is(store, db_path):
    store.candidates.add(CandidateInput(name="Ada"))
    db_path.write_bytes(b'{"_meta": {"1": {"schema_')  # another program broke it
    for action in (
        lambda: store.candidates.add(CandidateInput(name="Grace")),
        lambda: store.tracker.move(1, "coffee"),
        lambda: store.settings.update(theme="nord"),
        store.candidates.all,
    ):
        with pytest.raises(StorageError, match="damaged"):
            action()
    assert db_path.read_bytes() == b'{"_meta": {"1": {"schema_'


def test_a_newer_schema_is_refused_with_a_clear_message(db_path):
    db_path.parent.mkdir(mode=0o700)
    content = json.dumps({"_meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}}).encode()
    db_path.write_bytes(content)
    with pytest.raises(StorageError, match="newer mentee-tui") as caught:
        Store(db_path)
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == content


def test_an_empty_json_object_is_an_empty_database(db_path):
    db_path.parent.mkdir(mode=0o700)
    db_path.write_bytes(b"{}")
    store = Store(db_path, now=fixed_clock)
    assert store.candidates.all() == []
    assert store.candidates.add(CandidateInput(name="Ada")).id == 1


def test_a_directory_in_place_of_the_file_is_a_storage_error(db_path):
    db_path.mkdir(parents=True)
    with pytest.raises(StorageError, match="cannot read"):
        Store(db_path)


@pytest.fixture
def umask():
    old = os.umask(0o022)
    yield 0o022
    os.umask(old)


# -- migrations --------------------------------------------------------------------------


def _add_source_note(data):
    for doc in data.get("candidates", {}).values():
        doc["notes"] = (doc.get("notes", "") + " [migrated]").strip()
    return data


def test_migration_backs_up_the_file_first_then_upgrades_it(store, db_path, monkeypatch, umask):
    store.candidates.add(CandidateInput(name="Ada", notes="old"))
    original = db_path.read_bytes()
    seen_backup = []

    def migrate(data):
        backup = db_path.with_name("mentee.json.v1.bak")
        seen_backup.append(backup.exists() and backup.read_bytes() == original)
        return _add_source_note(data)

    monkeypatch.setattr(core, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(core, "MIGRATIONS", {1: migrate})
    upgraded = Store(db_path, now=fixed_clock)
    assert seen_backup == [True], "the backup must exist before the migration runs"
    backup = db_path.with_name("mentee.json.v1.bak")
    assert backup.read_bytes() == original
    assert _mode(backup) == 0o600
    raw = json.loads(db_path.read_text(encoding="utf-8"))
    assert raw["_meta"]["1"]["schema_version"] == 2
    assert upgraded.candidates.get(1).notes == "old [migrated]"
    # Opening again migrates nothing more.
    Store(db_path, now=fixed_clock)
    assert Store(db_path).candidates.get(1).notes == "old [migrated]"


def test_a_version_without_a_migration_path_is_refused(store, db_path, monkeypatch):
    store.candidates.add(CandidateInput(name="Ada"))
    before = db_path.read_bytes()
    monkeypatch.setattr(core, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(core, "MIGRATIONS", {2: _add_source_note})
    with pytest.raises(StorageError, match="too old") as caught:
        Store(db_path)
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == before
    assert not db_path.with_name("mentee.json.v1.bak").exists()


# -- failed writes -----------------------------------------------------------------------


def test_a_full_disk_is_a_storage_error_and_keeps_the_old_file(store, db_path, monkeypatch):
    store.candidates.add(CandidateInput(name="Ada"))
    before = db_path.read_bytes()

    def no_space(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(core.os, "replace", no_space)
    with pytest.raises(StorageError, match="cannot save") as caught:
        store.candidates.add(CandidateInput(name="Grace"))
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob(".mentee.json.*.tmp")), "the temp file is cleaned up"


def test_a_lock_that_cannot_be_taken_is_a_storage_error(store, db_path, monkeypatch):
    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    from filelock import FileLock

    monkeypatch.setattr(FileLock, "acquire", denied)
    with pytest.raises(StorageError, match="cannot lock") as caught:
        store.candidates.add(CandidateInput(name="Grace"))
    assert str(db_path) in str(caught.value)
    assert not db_path.exists()


def test_the_system_clock_stamps_an_aware_instant_of_now(db_path):
    """Without a fixed clock the store stamps the real time, with its UTC offset, in the
    same form the fixed (arrow) clocks give, without importing arrow for it."""
    import arrow

    from mentee_tui.storage import Store

    stamp = Store(db_path).now_iso()
    moment = arrow.get(stamp)
    assert moment.tzinfo is not None and stamp.endswith(moment.format("ZZ"))
    assert abs((arrow.now() - moment).total_seconds()) < 60
    assert Store(db_path, now=lambda: arrow.get("2026-03-02T09:00:00+01:00")).now_iso() == (
        "2026-03-02T09:00:00+01:00"
    )


def test_a_follow_up_on_an_earlier_day_takes_its_place_in_the_history(db_path):
    import arrow
    from datetime import date

    from mentee_tui.domain.validate import InvalidInput
    from mentee_tui.model import CandidateInput
    from mentee_tui.storage import Store

    clock = {"now": arrow.get("2026-11-20T10:00:00+01:00")}
    store = Store(db_path, now=lambda: clock["now"])
    card = store.candidates.add(CandidateInput(name="Ada"), stage="researched")
    clock["now"] = arrow.get("2026-11-26T15:30:00+01:00")
    store.tracker.move(card.id, "contacted")
    logged = store.candidates.log_event(card.id, "follow_up", "emailed", on=date(2026, 11, 23))
    assert [(h.event, h.at) for h in logged.history] == [
        ("stage", "2026-11-20T10:00:00+01:00"),
        ("follow_up", "2026-11-23T15:30:00+01:00"),  # that day, at this time of day
        ("stage", "2026-11-26T15:30:00+01:00"),
    ]
    today = store.candidates.log_event(card.id, "follow_up", on=date(2026, 11, 26))
    assert today.history[-1].at == "2026-11-26T15:30:00+01:00"
    with pytest.raises(InvalidInput, match="in the future"):
        store.candidates.log_event(card.id, "follow_up", on=date(2026, 11, 27))
    assert len(store.candidates.get(card.id).history) == 4  # the refused one wrote nothing


def test_a_referral_already_on_the_board_refuses_the_decline_and_writes_nothing(db_path):
    from mentee_tui.domain.duplicates import DuplicateFound
    from mentee_tui.model import CandidateInput
    from mentee_tui.storage import Store

    store = Store(db_path)
    store.candidates.add(CandidateInput(name="Mei Lin"))  # the rule: same name, same (no) org
    tomas = store.candidates.add(CandidateInput(name="Tomás Ortega"), stage="asked")
    before = db_path.read_bytes()
    with pytest.raises(DuplicateFound, match="Mei Lin"):
        store.tracker.decline(tomas.id, "busy", "  MEI lin ")
    assert db_path.read_bytes() == before
    declined, referral = store.tracker.decline(tomas.id, "busy", "Ada Lovelace")
    assert declined.stage == "declined" and referral.name == "Ada Lovelace"
def _held_lock(db_path):
    """The lock another mentee-tui would hold while it writes (`<db>.lock`)."""
    from filelock import FileLock

    db_path.parent.mkdir(parents=True, exist_ok=True)
    other = FileLock(str(db_path) + ".lock", thread_local=False)
    other.acquire()
    return other


def test_a_write_waiting_for_the_lock_lands_once_it_is_free(store, db_path):
    import threading

    store.candidates.add(CandidateInput(name="Ada"))
    other = _held_lock(db_path)
    result: list[object] = []
    writer = threading.Thread(
        target=lambda: result.append(store.candidates.add(CandidateInput(name="Grace"))))
    writer.start()
    try:
        for _ in range(1000):  # at most 10 s: the write is waiting, not failed
            if store.waiting_since() is not None:
                break
            threading.Event().wait(0.01)
        assert store.waiting_since() is not None
        assert writer.is_alive()
    finally:
        other.release()
    writer.join(timeout=10)
    assert not writer.is_alive()
    assert store.waiting_since() is None
    assert [c.name for c in Store(db_path, now=fixed_clock).candidates.all()] == ["Ada", "Grace"]


def test_giving_up_on_a_busy_lock_writes_nothing_and_says_so(store, db_path):
    import threading

    from mentee_tui.storage import GaveUp

    store.candidates.add(CandidateInput(name="Ada"))
    before = db_path.read_bytes()
    other = _held_lock(db_path)
    errors: list[Exception] = []

    def write() -> None:
        try:
            store.candidates.add(CandidateInput(name="Grace"))
        except StorageError as exc:
            errors.append(exc)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        for _ in range(1000):
            if store.waiting_since() is not None:
                break
            threading.Event().wait(0.01)
        store.give_up_waiting()
        writer.join(timeout=10)
        assert not writer.is_alive()  # given up while the lock is still held
    finally:
        other.release()
        store.give_up_waiting(False)
    assert len(errors) == 1 and isinstance(errors[0], GaveUp)
    assert "nothing was written" in str(errors[0])
    assert db_path.read_bytes() == before
    assert store.candidates.add(CandidateInput(name="Lin")).id == 2  # the lock works again
