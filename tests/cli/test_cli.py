"""The command line: add, list, move, where, --version, --help, exit statuses."""

from __future__ import annotations

import argparse
import json
import os
import stat
from datetime import datetime

import platformdirs
import pytest

from mentee_tui import __version__
from mentee_tui.cli.main import build_parser, main
from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store

CANDIDATE_FIELDS = {
    "id", "name", "email", "role", "organization", "source", "url", "introduced_by", "why",
    "notes", "knows_well", "is_supervisor", "stage", "referred_by", "created_at", "updated_at",
    "history",
}
HISTORY_FIELDS = {"at", "event", "stage", "note"}


@pytest.fixture
def db(db_path) -> str:
    return str(db_path)


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(err: str, *needles: str) -> None:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("mentee-tui: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err


def _is_offset_iso(value: str) -> bool:
    return datetime.fromisoformat(value).utcoffset() is not None


# -- add ------------------------------------------------------------------------------


def test_add_prints_the_new_id_and_stores_every_option(capsys, db, db_path):
    status, out, err = run(
        capsys, "--db", db, "add", "Grace Hopper", "--email", "grace@example.org",
        "--org", "Navy", "--role", "Rear Admiral", "--source", "Event", "--stage", "contacted",
        "--notes", "Ask about COBOL",
    )
    assert (status, out, err) == (0, "1\n", "")
    status, out, _ = run(capsys, "--db", db, "add", "Ada Lovelace")
    assert (status, out) == (0, "2\n")
    grace = Store(db_path).candidates.get(1)
    assert (grace.name, grace.email, grace.organization, grace.role) == (
        "Grace Hopper", "grace@example.org", "Navy", "Rear Admiral")
    assert (grace.source, grace.stage, grace.notes) == ("event", "contacted", "Ask about COBOL")
    assert [(h.event, h.stage) for h in grace.history] == [("stage", "contacted")]
    ada = Store(db_path).candidates.get(2)
    assert (ada.stage, ada.source) == ("researched", "other")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["add", "Grace", "--email", "grace@"], "invalid email"),
        (["add", "Grace", "--email", "not an email"], "invalid email"),
        (["add", "Grace", "--stage", "lunch"], "unknown stage"),
        (["add", "Grace", "--stage", "agreed"], "mentee-tui agree"),
        (["add", "Grace", "--source", "carrier pigeon"], "unknown source"),
        (["add", "   "], "name is required"),
        (["list", "--stage", "lunch"], "unknown stage"),
        (["move", "1", "lunch"], "unknown stage"),
        (["move", "99", "coffee"], "no candidate with id 99"),
        (["move", "one", "coffee"], "not a candidate id"),
        (["move", "1", "agreed"], "use `mentee-tui agree`"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(capsys, db, db_path, args, needle):
    Store(db_path).candidates.add(CandidateInput(name="Ada"))
    before = db_path.read_bytes()
    status, out, err = run(capsys, "--db", db, *args)
    assert status == 2
    assert out == ""
    assert_one_line_error(err, needle)
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [["add", "Grace", "--email", "grace@"], ["add", "Grace", "--stage", "lunch"],
     ["move", "1", "coffee"], ["move", "x", "coffee"], ["move", "1", "agreed"]],
)
def test_bad_input_on_a_new_database_creates_no_file(capsys, tmp_path, args):
    path = tmp_path / "new" / "mentee.json"
    status, _, err = run(capsys, "--db", str(path), *args)
    assert status == 2
    assert_one_line_error(err)
    assert not path.exists()


def test_usage_errors_are_one_line_exit_2(capsys, db):
    for args in (["move", "1"], ["frobnicate"], ["add"], ["list", "--colour"]):
        with pytest.raises(SystemExit) as caught:
            main(["--db", db, *args])
        assert caught.value.code == 2
        out, err = capsys.readouterr()
        assert err.count("\n") == 1 and "--help" in err, err


# -- list ---------------------------------------------------------------------------


@pytest.fixture
def filled(db, capsys) -> str:
    assert run(capsys, "--db", db, "add", "Ada Lovelace", "--org", "Engines")[0] == 0
    assert run(capsys, "--db", db, "add", "Grace Hopper", "--stage", "coffee")[0] == 0
    assert run(capsys, "--db", db, "add", "[bold]Mei[/]", "--stage", "contacted")[0] == 0
    return db


def test_list_prints_one_line_per_candidate(capsys, filled):
    status, out, err = run(capsys, "--db", filled, "list")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].split() == ["1", "researched", "Ada", "Lovelace", "Engines"]
    assert lines[1].split()[:3] == ["2", "coffee", "Grace"]
    assert "[bold]Mei[/]" in lines[2]


def test_list_on_an_empty_database_says_how_to_start(capsys, db, db_path):
    status, out, _ = run(capsys, "--db", db, "list")
    assert status == 0 and "mentee-tui add" in out
    assert not db_path.exists()


def test_list_json_has_every_field_and_dated_history(capsys, filled):
    assert run(capsys, "--db", filled, "move", "1", "contacted")[0] == 0
    status, out, _ = run(capsys, "--db", filled, "list", "--json")
    assert status == 0
    data = json.loads(out)
    assert [c["id"] for c in data] == [1, 2, 3]
    for candidate in data:
        assert set(candidate) == CANDIDATE_FIELDS
        assert isinstance(candidate["id"], int) and candidate["referred_by"] is None
        assert _is_offset_iso(candidate["created_at"]) and _is_offset_iso(candidate["updated_at"])
        for entry in candidate["history"]:
            assert set(entry) == HISTORY_FIELDS
            assert _is_offset_iso(entry["at"])
    ada = data[0]
    assert ada["stage"] == "contacted"
    assert [(h["event"], h["stage"]) for h in ada["history"]] == [
        ("stage", "researched"), ("stage", "contacted")]
    assert data[2]["name"] == "[bold]Mei[/]"


def test_list_stage_filter(capsys, filled):
    status, out, _ = run(capsys, "--db", filled, "list", "--stage", "coffee", "--json")
    assert status == 0
    assert [c["name"] for c in json.loads(out)] == ["Grace Hopper"]
    status, out, _ = run(capsys, "--db", filled, "list", "--stage", "declined", "--json")
    assert json.loads(out) == []
    status, out, _ = run(capsys, "--db", filled, "list", "--stage", "contacted")
    assert out.split()[:2] == ["3", "contacted"] and len(out.splitlines()) == 1
    status, out, _ = run(capsys, "--db", filled, "list", "--stage", "declined")
    assert status == 0 and out.strip() == "No candidates in declined."


# -- move ------------------------------------------------------------------------


def test_move_changes_the_stage_and_adds_a_history_entry(capsys, filled, db_path):
    status, out, err = run(capsys, "--db", filled, "move", "2", "asked")
    assert status == 0 and err == ""
    assert "Grace Hopper" in out and "asked" in out
    grace = Store(db_path).candidates.get(2)
    assert grace.stage == "asked"
    assert [h.stage for h in grace.history] == ["coffee", "asked"]
    assert _is_offset_iso(grace.history[-1].at)
    assert run(capsys, "--db", filled, "move", "2", "declined")[0] == 0
    assert Store(db_path).candidates.get(2).stage == "declined"


def test_move_to_the_stage_it_is_in_changes_nothing(capsys, filled, db_path):
    before = Store(db_path).candidates.get(2)
    status, out, err = run(capsys, "--db", filled, "move", "2", before.stage)
    assert status == 0 and err == "" and "already in coffee; nothing changed" in out
    assert Store(db_path).candidates.get(2).history == before.history


# -- corrupt databases --------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b'{"candidates": []}', b"\xff\xfe"])
@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["add", "Ada"], ["move", "1", "coffee"]])
def test_a_corrupt_database_is_exit_1_with_the_path(capsys, db, db_path, content, command):
    db_path.parent.mkdir(mode=0o700)
    db_path.write_bytes(content)
    status, out, err = run(capsys, "--db", db, *command)
    assert status == 1
    assert out == ""
    assert_one_line_error(err, str(db_path))
    assert db_path.read_bytes() == content


def test_a_newer_database_is_exit_1(capsys, db, db_path):
    db_path.parent.mkdir(mode=0o700)
    db_path.write_text('{"_meta": {"1": {"schema_version": 999}}}')
    status, _, err = run(capsys, "--db", db, "list")
    assert status == 1
    assert_one_line_error(err, "newer mentee-tui", str(db_path))


# -- where, version, help -------------------------------------------------------------------


def test_where_prefers_db_then_environment_then_platform_dir(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("MENTEE_TUI_DB", str(tmp_path / "env.json"))
    assert run(capsys, "--db", str(tmp_path / "cli.json"), "where") == (0, f"{tmp_path / 'cli.json'}\n", "")
    assert run(capsys, "where") == (0, f"{tmp_path / 'env.json'}\n", "")
    monkeypatch.delenv("MENTEE_TUI_DB")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert run(capsys, "where")[1] == f"{tmp_path / 'xdg' / 'mentee-tui' / 'mentee.json'}\n"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "pd"))
    assert run(capsys, "where")[1] == f"{tmp_path / 'pd' / 'mentee.json'}\n"
    assert not (tmp_path / "pd").exists()  # `where` creates nothing


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"mentee-tui {__version__}"


def _subcommands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


def test_the_foundation_subcommands_exist():
    assert {"add", "list", "move", "where"} <= set(_subcommands())


@pytest.mark.parametrize("command", [[]] + [[name] for name in _subcommands()])
def test_help_shows_an_example(capsys, command):
    with pytest.raises(SystemExit) as caught:
        main([*command, "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert "usage: mentee-tui" in out
    assert "Example" in out
    assert "  mentee-tui " in out.split("Example", 1)[1]


def test_top_level_help_lists_the_subcommands_and_database_order(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for word in ("add", "list", "move", "where", "--db", "--demo", "--version", "MENTEE_TUI_DB"):
        assert word in out


def test_a_readable_folder_warning_goes_to_stderr_and_the_command_still_works(capsys, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o755)
    status, out, err = run(capsys, "--db", str(folder / "mentee.json"), "add", "Ada")
    assert (status, out) == (0, "1\n")
    assert err.startswith("mentee-tui: warning: ") and "chmod 700" in err


def test_reading_commands_create_no_folder(capsys, tmp_path):
    db = tmp_path / "not" / "yet" / "mentee.json"
    for command in (["list"], ["list", "--json"], ["meetings"], ["where"]):
        assert run(capsys, "--db", str(db), *command)[0] == 0
    assert not (tmp_path / "not").exists()
    assert run(capsys, "--db", str(db), "add", "Ada")[0] == 0  # the first write creates them
    assert stat.S_IMODE((tmp_path / "not").stat().st_mode) == 0o700


def test_demo_marks_the_app_as_a_demo_and_removes_its_folder(monkeypatch):
    from mentee_tui.tui.app import MenteeApp

    seen = {}

    def fake_run(self):
        seen["demo"], seen["path"] = self.demo_folder is not None, self.store.path
        assert len(self.store.candidates.all()) >= 12  # the sample data is there

    monkeypatch.setattr(MenteeApp, "run", fake_run)
    assert main(["--demo"]) == 0
    assert seen["demo"] is True and not seen["path"].parent.exists()
