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

from helpers.writer import write_until_killed

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store
from mentee_tui.storage import database as core

WRITER = Path(__file__).parents[1] / "helpers" / "writer.py"
PAYLOAD = ("Met at the platform meetup; talks about moving from SRE to management. " * 150).strip()
FORK = multiprocessing.get_context("fork")


def _temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".mentee.json.*.tmp"))


KILLS = 200
SHORT_PAYLOAD = "Met at the platform meetup; talks about moving from SRE to management. " * 6


def _on_disk(path: Path) -> dict[int, list[str]]:
    """Each card on disk with its follow-up notes, after checking the file is whole."""
    candidates = Store(path).candidates.all()  # loads, or the test fails here
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    ids = [c.id for c in candidates]
    assert len(set(ids)) == len(ids)
    assert raw["_meta"]["1"]["next_ids"]["candidates"] > max(ids, default=0)
    assert all(c.notes == SHORT_PAYLOAD.strip() for c in candidates), "a record was cut short"
    return {c.id: [h.note for h in c.history if h.event == "follow_up"] for c in candidates}


def _apply(model: dict[int, list[str]], tag: str, i: int, changed: int) -> None:
    """Write number i of `write_until_killed`, done on the model."""
    if i % 5 == 4:
        del model[changed]
    elif i % 5 == 2:
        model[changed].append(f"{tag}-{i}")
    else:
        model[changed] = []


def _kill_one_writer(path: Path, tag: str, rng: random.Random) -> list[tuple[int, int]]:
    """Fork a writer, kill it at a random moment, return the writes it reported done."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write until killed
        status = 1
        try:
            os.close(read_end)
            write_until_killed(str(path), write_end, tag, SHORT_PAYLOAD)
        finally:
            os._exit(status)
    os.close(write_end)
    reports = b""
    try:
        # The first report: the writer is running. Then a random delay (not a condition:
        # any moment will do) lands the kill at a random point of some later write.
        while b"\n" not in reports:
            chunk = os.read(read_end, 4096)
            assert chunk, "the writer died before its first write"
            reports += chunk
        time.sleep(rng.uniform(0.0, 0.06))
    finally:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == -signal.SIGKILL
    while chunk := os.read(read_end, 65536):
        reports += chunk
    os.close(read_end)
    return [tuple(map(int, line.split())) for line in reports.decode().splitlines()]


def test_killing_a_writer_at_random_moments_never_loses_a_write_reported_done(db_path):
    """200 SIGKILLs at random moments of adds, read-modify-writes and removals: the file
    always loads, and holds exactly the writes reported done, plus at most the one write
    that was on disk when the kill came before its report."""
    rng = random.Random(20261126)
    Store(db_path).candidates.add(CandidateInput(name="first", notes=SHORT_PAYLOAD))
    model = _on_disk(db_path)
    reported = 0
    for round_ in range(KILLS):
        tag = f"r{round_}"
        done = _kill_one_writer(db_path, tag, rng)
        assert [i for i, _ in done] == list(range(len(done)))
        for i, changed in done:
            _apply(model, tag, i, changed)
        reported += len(done)
        disk = _on_disk(db_path)
        if disk != model:  # the write after the last report reached the disk: only that one
            nxt = len(done)
            if nxt % 5 == 4:
                changed = min(model)
            elif nxt % 5 == 2:
                changed = max(model)
            else:
                changed = max(disk)
            _apply(model, tag, nxt, changed)
            assert disk == model, f"round {round_}: the file lost or invented a write"
    assert reported >= 2 * KILLS
    # Temp files a killed writer leaves behind are private and never break loading.
    for leftover in _temp_files(db_path.parent):
        assert stat.S_IMODE(leftover.stat().st_mode) == 0o600
    added = Store(db_path).candidates.add(CandidateInput(name="after the crashes"))
    assert added.id > max(model)


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
