"""Files as they come: foreign or damaged, a folder that cannot be written, a full disk.
Each gets one clear line naming the file (exit status 1 on the command line, a notification
in the app), and the bytes on disk stay exactly as they were."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store
from mentee_tui.storage import atomic
from mentee_tui.tui.app import make_app

FOREIGN = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "json-list": b"[1, 2, 3]",
    "other-app": b'{"settings": {"1": {"volume": 11}}}',
    "truncated": b'{"_meta": {"1": {"schema_version": 1, "next_ids": {}}}, "candid',
    "utf16": '{"_meta": {}}'.encode("utf-16"),
    "empty": b"",
}


def _run(db_path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("MENTEE_TUI_DB", None)
    return subprocess.run([sys.executable, "-m", "mentee_tui", "--db", str(db_path), *args],
                          capture_output=True, text=True, timeout=60, env=env,
                          stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("content", list(FOREIGN.values()), ids=list(FOREIGN))
def test_a_foreign_or_damaged_file_is_refused_by_the_cli_and_the_app_untouched(
        db_path, tmp_path, content):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    rows = tmp_path / "rows.csv"
    rows.write_text("name,email\nGrace Hopper,grace@example.org\n")
    for args in ([], ["list"], ["add", "Ada"], ["import", str(rows)]):  # [] is the TUI
        result = _run(db_path, *args)
        assert result.returncode == 1, (args, result.stderr)
        assert str(db_path) in result.stderr and "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1, result.stderr
        assert db_path.read_bytes() == content


def _fail_with(monkeypatch, name: str, code: int) -> None:
    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    if name == "mkstemp":
        monkeypatch.setattr(atomic.tempfile, "mkstemp", fail)
    else:
        monkeypatch.setattr(atomic.os, name, fail)


# A read-only folder (EACCES creating the temp file; root ignores chmod, so it is simulated),
# a read-only file system, a disk that fills up while writing or at the fsync.
FAILURES = [("mkstemp", errno.EACCES), ("mkstemp", errno.EROFS), ("fsync", errno.ENOSPC),
            ("replace", errno.ENOSPC)]


@pytest.mark.parametrize(("name", "code"), FAILURES, ids=[f"{n}-{errno.errorcode[c]}" for n, c in FAILURES])
async def test_an_unwritable_folder_or_full_disk_in_the_app_loses_nothing(
        db_path, store, monkeypatch, name, code):
    store.candidates.add(CandidateInput(name="Ada", notes="kept"))
    before = db_path.read_bytes()
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        with monkeypatch.context() as failing:
            _fail_with(failing, name, code)
            assert app.attempt(store.candidates.add, CandidateInput(name="Grace")) is None
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert any(str(db_path) in m and os.strerror(code) in m and "Nothing was changed" in m
                       for m in messages), messages
            assert db_path.read_bytes() == before
            assert not list(db_path.parent.glob(".mentee.json.*.tmp"))  # no temp file left
        # Space again: the same action works, and nothing of the failed one was kept.
        assert app.attempt(store.candidates.add, CandidateInput(name="Grace")) is not None
        assert app.return_code is None
    assert [c.name for c in Store(db_path).candidates.all()] == ["Ada", "Grace"]


def test_a_full_disk_on_the_command_line_is_one_line_and_exit_1(db_path, store):
    store.candidates.add(CandidateInput(name="Ada"))
    before = db_path.read_bytes()
    code = """
import errno, os, sys
from mentee_tui.storage import atomic
def full(*a, **k):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
atomic.os.fsync = full
from mentee_tui.cli.main import main
sys.exit(main(sys.argv[1:]))
"""
    result = subprocess.run([sys.executable, "-c", code, "--db", str(db_path), "add", "Grace"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "No space left on device" in result.stderr and str(db_path) in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert db_path.read_bytes() == before
