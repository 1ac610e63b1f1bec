"""The database is private under any umask: file 0600, created folders 0700, warnings."""

from __future__ import annotations

import os
import stat

import pytest
from conftest import fixed_clock

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(params=[0o022, 0o000, 0o002], ids=["umask-022", "umask-000", "umask-002"])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def test_created_folders_are_0700_and_the_file_0600_under_any_umask(tmp_path, umask):
    path = tmp_path / "one" / "two" / "three" / "mentee.json"
    store = Store(path, now=fixed_clock)
    store.candidates.add(CandidateInput(name="Ada"))
    assert _mode(path) == 0o600
    for folder in (tmp_path / "one", tmp_path / "one" / "two", tmp_path / "one" / "two" / "three"):
        assert _mode(folder) == 0o700, folder
    assert store.warnings == []
    assert not list(path.parent.glob("*.tmp")) and not list(path.parent.glob(".*.tmp"))


def test_an_existing_readable_folder_is_warned_about_not_changed(tmp_path, umask):
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o755)
    store = Store(folder / "mentee.json", now=fixed_clock)
    assert len(store.warnings) == 1
    assert str(folder) in store.warnings[0] and "chmod 700" in store.warnings[0]
    store.candidates.add(CandidateInput(name="Ada"))
    assert _mode(folder) == 0o755
    assert _mode(folder / "mentee.json") == 0o600


def test_a_private_existing_folder_gives_no_warning(tmp_path, umask):
    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    os.chmod(folder, 0o700)
    assert Store(folder / "mentee.json").warnings == []


def test_an_existing_0644_database_becomes_0600(store, db_path, umask):
    store.candidates.add(CandidateInput(name="Ada"))
    os.chmod(db_path, 0o644)
    again = Store(db_path, now=fixed_clock)
    assert _mode(db_path) == 0o600
    again.candidates.add(CandidateInput(name="Grace"))
    assert _mode(db_path) == 0o600


def test_a_symlinked_database_is_written_through_not_replaced(tmp_path):
    real = tmp_path / "synced" / "mentee.json"
    Store(real, now=fixed_clock).candidates.add(CandidateInput(name="Ada"))
    link_dir = tmp_path / "dotfiles"
    link_dir.mkdir(mode=0o700)
    link = link_dir / "mentee.json"
    link.symlink_to(real)
    Store(link, now=fixed_clock).candidates.add(CandidateInput(name="Grace"))
    assert link.is_symlink() and link.resolve() == real
    assert [c.name for c in Store(real).candidates.all()] == ["Ada", "Grace"]
    assert _mode(real) == 0o600


def test_the_lock_file_is_private_too(store, db_path, umask):
    store.candidates.add(CandidateInput(name="Ada"))
    lock = db_path.with_name("mentee.json.lock")
    assert lock.exists() and _mode(lock) & 0o077 == 0
