"""The json backup (every table, restored exactly) and CSV imports in one write."""

from __future__ import annotations

import copy

import pytest

from mentee_tui.domain.csv_import import parse_csv
from mentee_tui.model import CandidateInput
from mentee_tui.storage import InvalidInput, Store
from mentee_tui.storage.exchange import backup, has_data, import_csv, read_backup, restore
from tests.conftest import fixed_clock

LINKEDIN = ("\ufeffNotes:\r\n\"Some emails are missing.\"\r\n\r\n"
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
            "Alan,Turing,https://www.linkedin.com/in/alan,,\"Bletchley Park, Hut 8\",Cryptanalyst,05 Jan 2024\r\n")


def test_a_backup_restores_exactly_into_an_empty_database(demo_store, tmp_path):
    demo_store.candidates.log_event(3, "note", "a note")
    demo_store.tracker.remove(12)  # ids are never reused, even after a restore
    data = backup(demo_store.db)
    assert data["schema_version"] == 1 and data["app"] == "mentee-tui"
    assert {"candidates", "mentorships", "meetings", "reflections", "settings", "undo",
            "recoveries", "next_ids"} <= set(data)
    target = Store(tmp_path / "new" / "mentee.json", now=fixed_clock)
    restored = restore(target.db, read_backup(copy.deepcopy(data)))
    assert restored.counts["candidates"] == 11 and restored.counts["meetings"] == 12
    assert backup(target.db) == data
    assert target.candidates.add(CandidateInput(name="New")).id == 13


def test_a_backup_is_refused_by_a_database_with_data(demo_store, tmp_path):
    store = Store(tmp_path / "other" / "mentee.json", now=fixed_clock)
    store.candidates.add(CandidateInput(name="Ada"))
    before = store.path.read_bytes()
    assert has_data(store.db) == 1
    with pytest.raises(InvalidInput, match="only into an empty database"):
        restore(store.db, read_backup(backup(demo_store.db)))
    assert store.path.read_bytes() == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(app="other"), "not a mentee-tui json export"),
        (lambda d: d.update(schema_version=99), "newer mentee-tui"),
        (lambda d: d["candidates"][1].update(stage="lunch"),
         "candidates record 2 (Tomás Ortega): unknown stage 'lunch'"),
        (lambda d: d["candidates"][0].update(email="nope"), "candidates record 1 (Priya Raman): invalid email"),
        (lambda d: d["candidates"][2].update(id=1), "the id 1 is not a new positive number"),
        (lambda d: d["candidates"][0]["history"][0].update(at="yesterday"), "not an ISO 8601"),
        (lambda d: d["meetings"][0].update(mentorship_id=99), "no mentorship with id 99"),
        (lambda d: d["meetings"][0].update(status="maybe"), "unknown meeting status"),
        (lambda d: d["reflections"][0].update(key="nope"), "unknown reflection prompt"),
        (lambda d: d.update(candidates={}), "expected a list"),
    ],
)
def test_a_damaged_backup_names_the_record(demo_store, change, message):
    data = backup(demo_store.db)
    change(data)
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_backup(data)


def test_a_linkedin_import_keeps_the_connection_date(store):
    plan = import_csv(store.candidates, parse_csv(LINKEDIN))
    assert len(plan.added) == 1
    [alan] = store.candidates.all()
    assert (alan.source, alan.stage, alan.role) == ("linkedin", "researched", "Cryptanalyst")
    assert [(h.event, h.at[:10], h.note) for h in alan.history] == [
        ("note", "2024-01-05", "connected on LinkedIn on 05 Jan 2024"),
        ("stage", "2026-11-26", "imported from LinkedIn"),
    ]


def test_a_dry_run_a_bad_row_or_only_duplicates_write_nothing(store, db_path):
    assert import_csv(store.candidates, parse_csv(LINKEDIN), dry_run=True).added
    assert not db_path.exists()
    bad = LINKEDIN + "Eve,Bad,,not-an-email,,,\r\n"
    plan = import_csv(store.candidates, parse_csv(bad))
    assert len(plan.invalid) == 1 and not db_path.exists()
    plan = import_csv(store.candidates, parse_csv(bad), skip_invalid=True)
    assert len(plan.added) == 1 and len(store.candidates.all()) == 1
    before = db_path.read_bytes()
    plan = import_csv(store.candidates, parse_csv(LINKEDIN))
    assert (len(plan.added), len(plan.duplicates)) == (0, 1)
    assert db_path.read_bytes() == before
