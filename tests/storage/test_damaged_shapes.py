"""Hand-edited or damaged files, shaped as a careful attacker would: every shape is one line
naming the file (and the record, where there is one), exit status 1, and the bytes on disk
unchanged, for every subcommand and the app alike."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from mentee_tui.cli.demo import fill_demo
from mentee_tui.cli.main import main
from mentee_tui.model import CandidateInput
from mentee_tui.storage import StorageError, Store
from mentee_tui.tui.app import make_app
from tests.conftest import fixed_clock


def _good(tmp_path) -> dict:
    store = fill_demo(tmp_path / "good" / "mentee.json", now=fixed_clock)
    store.settings.update(follow_up_days=7)
    return json.loads((tmp_path / "good" / "mentee.json").read_bytes())


def _changed(change):
    def make(good: dict) -> bytes:
        data = json.loads(json.dumps(good))
        change(data)
        return json.dumps(data).encode()
    return make


def _card(**fields):
    return _changed(lambda d: d["candidates"]["1"].update(fields))


def _raw(content: bytes):
    return lambda _good: content


# name -> (how to make the bytes, the record the message names, or None)
SHAPES = {
    "not-json": (_raw(b"{not json"), None),
    "empty": (_raw(b""), None),
    "a-list": (_raw(b"[1, 2]"), None),
    "a-string": (_raw(b'"mentee"'), None),
    "null": (_raw(b"null"), None),
    "deep-lists": (_raw(b"[" * 100_000 + b"]" * 100_000), None),
    "deep-objects": (_raw(b'{"a":' * 100_000 + b"1" + b"}" * 100_000), None),
    "huge-next-id": (lambda g: _changed(lambda d: None)(g).replace(
        b'"candidates": 13', b'"candidates": ' + b"9" * 40), "_meta/1"),
    "huge-document-id": (_changed(lambda d: d["candidates"].update({"9" * 40: d["candidates"]["1"]})),
                         None),
    "meta-missing": (_changed(lambda d: d.pop("_meta")), None),
    "version-a-string": (_changed(lambda d: d["_meta"]["1"].update(schema_version="1")), None),
    "version-from-the-future": (_changed(lambda d: d["_meta"]["1"].update(schema_version=99)), None),
    "next-id-not-a-number": (_changed(lambda d: d["_meta"]["1"]["next_ids"].update(candidates="abc")),
                             "_meta/1"),
    "next-id-negative": (_changed(lambda d: d["_meta"]["1"]["next_ids"].update(candidates=-5)),
                         "_meta/1"),
    "table-a-list": (_changed(lambda d: d.update(candidates=[1, 2])), None),
    "id-not-a-number": (_changed(lambda d: d["candidates"].update(abc=d["candidates"]["1"])), None),
    "name-a-number": (_card(name=5), "candidates/1"),
    "name-null": (_card(name=None), "candidates/1"),
    "name-a-list": (_card(name=["Ada"]), "candidates/1"),
    "unknown-stage": (_card(stage="limbo"), "candidates/1"),
    "unknown-source": (_card(source="carrier pigeon"), "candidates/1"),
    "history-not-a-list": (_card(history="moved"), "candidates/1"),
    "history-entry-wrong-type": (_card(history=[{"at": 3, "event": "stage"}]), "candidates/1"),
    "settings-days-text": (_changed(lambda d: d["settings"]["1"].update(follow_up_days="abc")),
                           "settings/1"),
    "settings-days-out-of-range": (_changed(lambda d: d["settings"]["1"].update(follow_up_days=0)),
                                   "settings/1"),
    "settings-theme-a-number": (_changed(lambda d: d["settings"]["1"].update(theme=3)), "settings/1"),
    "meeting-start-not-a-date": (_changed(lambda d: d["meetings"]["1"].update(start="someday")),
                                 "meetings/1"),
    "mentorship-without-candidate": (
        _changed(lambda d: d["mentorships"]["1"].update(candidate_id=999)), "mentorships/1"),
}
COMMANDS = [["list"], ["add", "Zed"], ["move", "2", "coffee"], ["export", "json", "-o", "OUT"],
            ["today"], ["meetings"], ["import", "ROWS"], ["show", "1"]]


@pytest.fixture(params=list(SHAPES), ids=list(SHAPES))
def damaged(request, tmp_path, db_path):
    make, record = SHAPES[request.param]
    content = make(_good(tmp_path))
    db_path.parent.mkdir(mode=0o700, exist_ok=True)
    db_path.write_bytes(content)
    return content, record


def _one_line_naming(err: str, db_path, record: str | None) -> None:
    assert err.count("\n") == 1, err
    assert str(db_path) in err and "Traceback" not in err, err
    if record is not None:
        assert record in err, err


def test_every_subcommand_refuses_it_in_one_line(damaged, db_path, tmp_path, capsys):
    content, record = damaged
    out = tmp_path / "export.json"
    rows = tmp_path / "rows.csv"
    rows.write_text("name,email\nGrace Hopper,grace@example.org\n")
    for command in COMMANDS:
        args = [{"OUT": str(out), "ROWS": str(rows)}.get(a, a) for a in command]
        assert main(["--db", str(db_path), *args]) == 1, command
        _one_line_naming(capsys.readouterr().err, db_path, record)
        assert db_path.read_bytes() == content, command
    assert not out.exists()
    assert sorted(p.name for p in db_path.parent.iterdir()) in (["mentee.json"],
                                                                ["mentee.json", "mentee.json.lock"])


def test_the_app_in_a_real_process_exits_1_before_drawing(damaged, db_path):
    content, record = damaged
    env = {k: v for k, v in os.environ.items() if k != "MENTEE_TUI_DB"}
    result = subprocess.run([sys.executable, "-m", "mentee_tui", "--db", str(db_path)],
                            capture_output=True, text=True, timeout=120,
                            stdin=subprocess.DEVNULL, env=env)
    assert result.returncode == 1 and result.stdout == ""
    _one_line_naming(result.stderr, db_path, record)
    assert db_path.read_bytes() == content


def test_the_app_refuses_it_before_drawing_and_writes_nothing(damaged, db_path):
    content, record = damaged
    with pytest.raises(StorageError) as caught:
        make_app(db_path=db_path)
    _one_line_naming(f"{caught.value}\n", db_path, record)
    with pytest.raises(StorageError):
        Store(db_path)
    assert db_path.read_bytes() == content


async def test_a_file_damaged_while_the_app_runs_is_one_message_and_nothing_written(
        damaged, db_path, tmp_path):
    content, record = damaged
    good = tmp_path / "good" / "mentee.json"
    db_path.write_bytes(good.read_bytes())
    app = make_app(db_path=db_path, now=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        db_path.write_bytes(content)
        for key in ("3", "4", "1", "2", "3"):
            await pilot.press(key)
            await pilot.pause()
        assert app.attempt(app.store.candidates.add, CandidateInput(name="Zed")) is None
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(str(db_path) in m and (record is None or record in m) for m in messages), messages
        assert app.return_code is None  # still running, nothing crashed
    assert db_path.read_bytes() == content
