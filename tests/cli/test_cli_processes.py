"""The command line as a real process: exit statuses, pipes, bytes, imports, --demo."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from mentee_tui.cli.main import main
from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store


def test_a_corrupt_database_in_a_real_process(db_path):
    db_path.parent.mkdir(mode=0o700)
    db_path.write_bytes(b"{")
    result = subprocess.run(
        [sys.executable, "-m", "mentee_tui", "--db", str(db_path), "list"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and str(db_path) in result.stderr
    assert "Traceback" not in result.stderr
    assert db_path.read_bytes() == b"{"


def test_undecodable_argument_bytes_are_stored_cleanly(db_path):
    """Under LANG=C a name with invalid UTF-8 reaches Python as lone surrogates."""
    env = {**os.environ, "LANG": "C", "LC_ALL": "C"}
    result = subprocess.run(
        [sys.executable, "-m", "mentee_tui", "--db", str(db_path), "add", b"Ad\xffa"],
        capture_output=True, timeout=120, env=env,
    )
    assert result.returncode == 0, result.stderr
    assert Store(db_path).candidates.get(1).name == "Ada"


def test_subcommands_import_only_what_they_use(tmp_path):
    """No Textual in any subcommand; no dates (arrow), calendars or the platform folders
    lookup in `add`, `list` and `move` between ordinary stages given --db."""
    db = str(tmp_path / "mentee.json")
    script = f"""
import sys
from mentee_tui.cli.main import main
for args in (["add", "Ada", "--org", "Engines"], ["list"], ["list", "--json"],
             ["move", "1", "coffee"], ["where"], ["move", "9", "coffee"]):
    main(["--db", {db!r}, *args])
heavy = ("textual", "arrow", "dateutil", "icalendar", "platformdirs")
loaded = sorted(m for m in sys.modules if m.split(".")[0] in heavy)
print("LOADED", loaded)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout
    assert "1\n" in result.stdout  # the commands really ran
    assert Store(tmp_path / "mentee.json").candidates.get(1).stage == "coffee"


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["where"]])
def test_a_reader_that_leaves_early_is_not_an_error(db_path, command):
    """`mentee-tui list | head -1`: a closed pipe gives no traceback."""
    Store(db_path).candidates.add(CandidateInput(name="Ada"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "mentee_tui", "--db", str(db_path), *command],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # before the child has even started writing
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert err == ""


def test_the_tui_on_a_corrupt_database_exits_1_before_drawing(db_path):
    db_path.parent.mkdir(mode=0o700)
    db_path.write_bytes(b"[]")
    result = subprocess.run(
        [sys.executable, "-m", "mentee_tui", "--db", str(db_path)],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and str(db_path) in result.stderr
    assert db_path.read_bytes() == b"[]"


class _Exited(Exception):
    """Stands in for os._exit, which would skip every `finally`."""


def test_demo_removes_its_folder_even_when_the_terminal_hangs_up(monkeypatch):
    from mentee_tui.tui import app as app_module

    seen = {}

    def exit_now(status):
        # The real os._exit skips every `finally`: the folder must be gone by now.
        seen["existed_at_exit"] = seen["folder"].exists()
        raise _Exited

    def run(self):
        seen["folder"] = self.demo_folder
        seen["filled"] = bool(self.store.candidates.all())
        self.hang_up()

    monkeypatch.setattr(app_module.os, "_exit", exit_now)
    monkeypatch.setattr(app_module.MenteeApp, "run", run)
    with pytest.raises(_Exited):
        main(["--demo"])
    assert seen["filled"] is True
    assert seen["existed_at_exit"] is False
    assert seen["folder"].name.startswith("mentee-tui-demo-")


def test_demo_subcommands_use_a_throwaway_database(capsys, monkeypatch, tmp_path):
    import json
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    real = tmp_path / "real" / "mentee.json"
    monkeypatch.setenv("MENTEE_TUI_DB", str(real))
    assert main(["--demo", "add", "Zed"]) == 0
    new_id = int(capsys.readouterr().out)
    assert new_id > 1  # added after the sample candidates
    assert main(["--demo", "list", "--json"]) == 0
    names = [c["name"] for c in json.loads(capsys.readouterr().out)]
    assert "Priya Raman" in names and "Zed" not in names  # a fresh demo each time
    assert not real.exists() and not real.parent.exists()  # the real database is untouched
    assert not list(tmp_path.glob("mentee-tui-demo-*"))  # and no demo folder is left behind


def test_config_prints_the_path_and_the_values_in_use(tmp_path):
    config = tmp_path / "config.toml"
    env = {**os.environ, "MENTEE_TUI_CONFIG": str(config)}
    command = [sys.executable, "-m", "mentee_tui", "config"]
    missing = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert missing.returncode == 0
    assert f"# {config}  (not there: the defaults below are in use)" in missing.stdout
    assert "follow_up_days = 7" in missing.stdout
    config.write_text('theme = "nord"\n[settings]\nfollow_up_days = 10\n'
                      '[keymap]\n"tracker.new" = "a"\n')
    good = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert good.returncode == 0, good.stderr
    assert 'theme = "nord"' in good.stdout and "follow_up_days = 10" in good.stdout
    assert '"tracker.new" = "a"' in good.stdout
    config.write_text('[settings]\nmeeting_time = "25:00"\n')
    bad = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and f"{config}, line 2" in bad.stderr
    assert 'meeting_time = "09:00"' in bad.stdout  # the defaults, in use
