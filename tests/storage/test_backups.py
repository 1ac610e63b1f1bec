"""Rolling daily backups beside the database, and `mentee-tui restore`."""

from __future__ import annotations

import stat

import pytest

from mentee_tui.cli.main import main
from mentee_tui.model import CandidateInput
from mentee_tui.storage import StorageError, Store
from mentee_tui.storage.backups import KEEP, backups


def _on_day(store: Store, day: str) -> Store:
    store.db.today = lambda: day
    return store


def test_the_first_write_of_a_day_backs_up_the_version_it_replaces_and_no_other(db_path):
    store = _on_day(Store(db_path), "2026-11-26")
    store.candidates.add(CandidateInput(name="Ada"))
    assert backups(db_path) == []  # nothing to back up before the file existed
    store = _on_day(Store(db_path), "2026-11-27")
    before = db_path.read_bytes()
    store.candidates.add(CandidateInput(name="Grace"))
    store.candidates.add(CandidateInput(name="Linus"))
    _on_day(Store(db_path), "2026-11-27").candidates.add(CandidateInput(name="Barbara"))
    (backup,) = backups(db_path)
    assert backup.name == "mentee.json.backup-2026-11-27"
    assert backup.read_bytes() == before  # the bytes, not a re-serialised copy
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_at_most_seven_are_kept_newest_first(db_path):
    Store(db_path).candidates.add(CandidateInput(name="Ada"))
    for day in range(1, 11):
        _on_day(Store(db_path), f"2026-11-{day:02d}").candidates.add(CandidateInput(name=f"N{day}"))
    names = [b.name for b in backups(db_path)]
    assert len(names) == KEEP == 7
    assert names == [f"mentee.json.backup-2026-11-{d:02d}" for d in range(10, 3, -1)]


def _damage(db_path) -> bytes:
    db_path.write_bytes(b'{"candidates": oops')
    return db_path.read_bytes()


def test_the_damaged_file_message_names_the_newest_backup(db_path, capsys):
    Store(db_path).candidates.add(CandidateInput(name="Ada"))
    for day in ("2026-11-24", "2026-11-25"):
        _on_day(Store(db_path), day).candidates.add(CandidateInput(name=day))
    damaged = _damage(db_path)
    with pytest.raises(StorageError, match="mentee.json.backup-2026-11-25.*mentee-tui restore"):
        Store(db_path)
    assert main(["--db", str(db_path), "add", "Zed"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "mentee.json.backup-2026-11-25" in err
    assert db_path.read_bytes() == damaged


def test_restore_puts_the_newest_good_backup_back_and_keeps_the_damaged_file_aside(db_path, capsys):
    Store(db_path).candidates.add(CandidateInput(name="Ada"))
    _on_day(Store(db_path), "2026-11-25").candidates.add(CandidateInput(name="Grace"))
    good = backups(db_path)[0].read_bytes()
    damaged = _damage(db_path)
    assert main(["--db", str(db_path), "restore", "--list"]) == 0
    assert "mentee.json.backup-2026-11-25" in capsys.readouterr().out
    assert main(["--db", str(db_path), "restore"]) == 0
    assert "restored" in capsys.readouterr().out
    assert db_path.read_bytes() == good
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    (aside,) = db_path.parent.glob("mentee.json.before-restore-*")
    assert aside.read_bytes() == damaged and stat.S_IMODE(aside.stat().st_mode) == 0o600
    assert [c.name for c in Store(db_path).candidates.all()] == ["Ada"]


def test_restore_by_date_picks_that_day(db_path):
    Store(db_path).candidates.add(CandidateInput(name="Ada"))
    for day in ("2026-11-24", "2026-11-25"):
        _on_day(Store(db_path), day).candidates.add(CandidateInput(name=day))
    assert main(["--db", str(db_path), "restore", "2026-11-24"]) == 0
    assert [c.name for c in Store(db_path).candidates.all()] == ["Ada"]


@pytest.mark.parametrize("bad", [b"", b"[]", b'{"_meta": {"1": {"schema_version": 1}}, '
                                  b'"candidates": {"1": {"name": 5}}}'])
def test_a_damaged_backup_is_refused_and_nothing_is_replaced(db_path, capsys, bad):
    Store(db_path).candidates.add(CandidateInput(name="Ada"))
    _on_day(Store(db_path), "2026-11-25").candidates.add(CandidateInput(name="Grace"))
    backup = backups(db_path)[0]
    backup.write_bytes(bad)
    current = db_path.read_bytes()
    assert main(["--db", str(db_path), "restore"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(backup) in err and "Nothing was restored" in err
    assert db_path.read_bytes() == current and backup.read_bytes() == bad
    assert not list(db_path.parent.glob("mentee.json.before-restore-*"))


def test_restore_without_backups_says_so(db_path, capsys):
    Store(db_path).candidates.add(CandidateInput(name="Ada"))
    assert main(["--db", str(db_path), "restore"]) == 1
    assert "no backups" in capsys.readouterr().err
    assert main(["--db", str(db_path), "restore", "2026-01-01"]) == 1
    assert "no such backup" in capsys.readouterr().err


def test_a_symlinked_database_is_backed_up_and_restored_beside_its_real_file(tmp_path):
    real = tmp_path / "synced" / "mentee.json"
    Store(real).candidates.add(CandidateInput(name="Ada"))
    link = tmp_path / "mentee.json"
    link.symlink_to(real)
    _on_day(Store(link), "2026-11-25").candidates.add(CandidateInput(name="Grace"))
    assert [b.name for b in backups(real)] == ["mentee.json.backup-2026-11-25"]
    assert main(["--db", str(link), "restore"]) == 0
    assert link.is_symlink()
    assert [c.name for c in Store(link).candidates.all()] == ["Ada"]
