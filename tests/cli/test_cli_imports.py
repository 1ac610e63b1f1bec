"""The command line imports only what it uses: starting the TUI builds only the options
that start it and imports none of the subcommands' dependencies, and each subcommand
loads its own.

Fresh interpreters: this test process has Textual, arrow and the rest loaded by conftest.
Every assertion is about modules, never about time.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from mentee_tui.cli import choices
from mentee_tui.domain import validate
from mentee_tui.model import MEETING_STATUSES, SOURCES, STAGES, CandidateInput
from mentee_tui.storage import Store

# What the subcommands need (dates, emails, calendars, the database, the rules, the
# records) and what only the TUI needs: none of it before the TUI takes over.
NOT_FOR_THE_TUI_START = ("arrow", "email_validator", "icalendar", "tinydb", "orjson", "textual",
                         "rich", "dateutil", "mentee_tui.domain", "mentee_tui.model",
                         "mentee_tui.storage.store", "mentee_tui.storage.database",
                         "mentee_tui.cli.demo")


def _loaded(script: str, cwd) -> list[str]:
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, cwd=cwd)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("LOADED "))
    return ast.literal_eval(line.removeprefix("LOADED "))


def _among(loaded: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in loaded if any(m == n or m.startswith(n + ".") for n in names)]


@pytest.mark.parametrize("args", [[], ["--db", "mentee.json"], ["--demo"]],
                         ids=["bare", "db", "demo"])
def test_parsing_the_tui_start_imports_no_subcommand_dependency(tmp_path, args):
    script = f"""
import sys
from mentee_tui.cli.main import build_parser
args = build_parser().parse_args({args!r})
assert args.command is None
print("LOADED", sorted(sys.modules))
"""
    assert _among(_loaded(script, tmp_path), NOT_FOR_THE_TUI_START) == []


def test_main_hands_the_tui_over_with_nothing_else_loaded(tmp_path):
    """Up to `tui.app` itself: `main` with --db, the app replaced by a probe."""
    script = """
import sys
import mentee_tui.cli.main
cli_main = sys.modules["mentee_tui.cli.main"]  # the package's `main` is the function

def probe(db_path, demo_folder):
    print("LOADED", sorted(sys.modules))
    return 0

cli_main._run_tui = probe
raise SystemExit(cli_main.main(["--db", "mentee.json"]))
"""
    loaded = _loaded(script, tmp_path)
    assert "mentee_tui.storage.paths" in loaded  # the probe really ran after --db resolved
    assert _among(loaded, NOT_FOR_THE_TUI_START) == []


@pytest.mark.parametrize("args", [["add", "Ada Lovelace", "--org", "Engines"], ["list", "--json"],
                                  ["list"], ["move", "1", "coffee"]],
                         ids=["add", "list-json", "list", "move"])
def test_each_everyday_subcommand_imports_no_calendar_and_no_textual(tmp_path, args):
    db = str(tmp_path / "mentee.json")
    if args[0] != "add":  # a card to list and move, written by this process
        Store(db).candidates.add(CandidateInput(name="Grace Hopper"))
    script = f"""
import sys
from mentee_tui.cli.main import main
assert main(["--db", {db!r}, *{args!r}]) == 0
print("LOADED", sorted(sys.modules))
"""
    loaded = _loaded(script, tmp_path)
    assert "mentee_tui.storage.store" in loaded  # the command really opened the store
    assert _among(loaded, ("icalendar", "textual", "rich", "mentee_tui.cli.demo")) == []


def test_the_help_words_match_the_modules_that_own_them():
    """cli.choices copies them so that building the parser imports neither."""
    assert choices.STAGES == STAGES
    assert choices.SOURCES == SOURCES
    assert choices.MEETING_STATUSES == MEETING_STATUSES
    assert choices.MAX_MONTHS == validate.MAX_MONTHS
    assert choices.RULE_HELP == validate.RULE_HELP


@pytest.mark.parametrize(("argv", "starts"), [
    ([], True), (["--db", "mentee.json"], True), (["--db=mentee.json", "--demo"], True),
    (["--demo"], True), (["--db"], False), (["list"], False), (["--db", "x.json", "list"], False),
    (["--help"], False), (["--version"], False), (["--dem"], False),
])
def test_only_the_options_that_start_the_app_skip_the_subcommand_parsers(argv, starts):
    cli_main = sys.modules["mentee_tui.cli.main"]
    assert cli_main._starts_the_app(argv) is starts


def test_the_app_start_parser_reads_the_same_options(monkeypatch, tmp_path, capsys):
    cli_main = sys.modules["mentee_tui.cli.main"]
    started = []
    monkeypatch.setattr(cli_main, "_run_app", lambda db, demo: started.append((db, demo)) or 0)
    assert cli_main.main(["--db", str(tmp_path / "m.json")]) == 0
    assert cli_main.main(["--db=" + str(tmp_path / "n.json"), "--demo"]) == 0
    assert started == [(tmp_path / "m.json", False), (tmp_path / "n.json", True)]
    with pytest.raises(SystemExit) as exited:  # a mistake is still told by the whole parser
        cli_main.main(["--db"])
    assert exited.value.code == 2
    assert "expected one argument" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli_main.main(["--help"])
    assert "where" in capsys.readouterr().out  # the help still lists every command
