"""Storage under real processes: killed mid-write, two writers at once, outside changes."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store
from mentee_tui.storage import database as core

WRITER = Path(__file__).parents[1] / "helpers" / "writer.py"
PAYLOAD = ("Met at the platform meetup; talks about moving from SRE to management. " * 150).strip()
FORK = multiprocessing.get_context("fork")


def _temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".mentee.json.*.tmp"))


def _write_forever(path: str, started) -> None:
    """Runs in a forked child until it is killed."""
    store = Store(path)
    i = 0
    while True:
        store.candidates.add(CandidateInput(name=f"candidate {i}", notes=PAYLOAD))
        started.set()
        i += 1


def _assert_intact(path: Path) -> list:
    candidates = Store(path).candidates.all()
    ids = [c.id for c in candidates]
    assert ids == list(range(1, len(ids) + 1)), "a write was torn or an id was lost"
    assert all(c.notes == PAYLOAD for c in candidates), "a record was cut short"
    raw = json.loads(path.read_text(encoding="utf-8"))
    next_id = raw["_meta"]["1"]["next_ids"].get("candidates", 1)
    assert next_id == len(ids) + 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    return candidates


def test_killing_a_writer_mid_write_never_leaves_a_broken_file(db_path):
    rng = random.Random(20261126)
    counts = []
    for _round in range(30):
        started = FORK.Event()
        child = FORK.Process(target=_write_forever, args=(str(db_path), started))
        child.start()
        try:
            assert started.wait(timeout=60), "the writer never wrote"
            # A random delay (not a condition: any moment will do) lands the kill
            # at a random point of a write.
            time.sleep(rng.uniform(0.0, 0.15))
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.join(timeout=30)
        assert child.exitcode == -signal.SIGKILL
        counts.append(len(_assert_intact(db_path)))
    assert counts == sorted(counts) and counts[0] >= 1
    # Temp files a killed writer leaves behind are private and never break loading.
    for leftover in _temp_files(db_path.parent):
        assert stat.S_IMODE(leftover.stat().st_mode) == 0o600
    store = Store(db_path)
    added = store.candidates.add(CandidateInput(name="after the crashes", notes=PAYLOAD))
    assert added.id == counts[-1] + 1


def _die_at(hook: str, path: str) -> None:
    """In a forked child: die by SIGKILL at a fixed point of the atomic write."""
    store = Store(path)

    def kill(*_args, **_kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    if hook == "write":  # die with half the JSON on disk
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, fd, mode):
                self.handle = real_fdopen(fd, mode)

            def __enter__(self):
                return self

            def __exit__(self, *_exc):
                self.handle.close()

            def write(self, data):
                self.handle.write(data[: len(data) // 2])
                self.handle.flush()
                kill()

        core.os.fdopen = HalfWriter
    else:
        setattr(core.os, hook, kill)
    store.candidates.add(CandidateInput(name="never saved", notes=PAYLOAD))


@pytest.mark.parametrize("hook", ["write", "fsync", "replace"])
def test_a_writer_killed_before_the_replace_leaves_the_old_file_untouched(db_path, hook):
    store = Store(db_path)
    store.candidates.add(CandidateInput(name="Ada", notes=PAYLOAD))
    before = db_path.read_bytes()
    child = FORK.Process(target=_die_at, args=(hook, str(db_path)))
    child.start()
    child.join(timeout=60)
    assert child.exitcode == -signal.SIGKILL
    assert db_path.read_bytes() == before
    leftovers = _temp_files(db_path.parent)
    assert len(leftovers) == 1, "the child should have died holding a half-done temp file"
    assert stat.S_IMODE(leftovers[0].stat().st_mode) == 0o600
    assert 0 < leftovers[0].stat().st_size, "the temp file got (some of) the new data"
    # The dead writer's lock is released with its process; the next write just works.
    assert store.candidates.add(CandidateInput(name="Grace")).id == 2
    assert [c.name for c in Store(db_path).candidates.all()] == ["Ada", "Grace"]


def _start_writers(db_path: Path, jobs: list[list[str]]) -> list[subprocess.Popen]:
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(db_path), *job],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for job in jobs
    ]
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    for proc in procs:  # both imported and waiting: release them together
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        assert out.strip() == "done"
        assert "Traceback" not in err
    return procs


def test_two_processes_adding_at_once_lose_nothing(db_path):
    _start_writers(db_path, [["add", "40", "p0"], ["add", "40", "p1"]])
    candidates = Store(db_path).candidates.all()
    assert len(candidates) == 80
    assert sorted(c.id for c in candidates) == list(range(1, 81))
    expected = {f"p{p}-{i}" for p in (0, 1) for i in range(40)}
    assert {c.name for c in candidates} == expected


def test_two_processes_updating_one_record_keep_every_history_entry(db_path, store):
    target = store.candidates.add(CandidateInput(name="Priya Raman"), stage="contacted")
    _start_writers(db_path, [["log", "40", "a", str(target.id)], ["log", "40", "b", str(target.id)]])
    history = store.candidates.get(target.id).history
    assert len(history) == 81
    notes = [h.note for h in history if h.event == "follow_up"]
    assert sorted(notes) == sorted(f"{tag}-{i}" for tag in "ab" for i in range(40))
    # Each writer's own entries stay in its order.
    assert [n for n in notes if n.startswith("a-")] == [f"a-{i}" for i in range(40)]


def test_one_store_sees_another_process_and_never_overwrites_it(db_path, store):
    assert store.candidates.add(CandidateInput(name="Ada")).id == 1
    assert [c.name for c in store.candidates.all()] == ["Ada"]
    result = subprocess.run(
        [sys.executable, "-m", "mentee_tui", "--db", str(db_path), "add", "Grace", "--org", "Navy"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"
    # The same Store instance reads the replaced file: no stale cache, no stale next id.
    assert [c.name for c in store.candidates.all()] == ["Ada", "Grace"]
    assert store.candidates.get(2).organization == "Navy"
    assert store.candidates.add(CandidateInput(name="Mei")).id == 3
    assert [c.name for c in Store(db_path).candidates.all()] == ["Ada", "Grace", "Mei"]
