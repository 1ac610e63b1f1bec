"""Two sessions at once (two SSH logins): two real app instances in their own pseudo-
terminals and the command line, all changing the same database at the same time. Nothing
is lost, nobody crashes, and each open app shows what the others did within a few seconds
(it polls the file every 2 s: tui/app.py `_poll_store`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading

from helpers.terminal import Terminal

from mentee_tui.storage import Store

CLI_ADDS = 6
# Seconds: the open app polls every 2 s, so a change shows within one or two polls; the
# margin is for a loaded CI machine (a change that is never shown still fails).
SHOWN_WITHIN = 20.0


def _env() -> dict[str, str]:
    env = dict(os.environ, TZ="UTC", LANG="C.UTF-8")
    for name in ("MENTEE_TUI_DB", "TEXTUAL", "NO_COLOR"):
        env.pop(name, None)
    return env


def _app(db_path) -> Terminal:
    return Terminal([sys.executable, "-m", "mentee_tui", "--db", str(db_path)], env=_env(),
                    columns=100, lines=30, term="xterm-256color")


def _researched(text: str) -> int:
    found = re.search(r"Researched\s+(\d+)", text)
    return int(found.group(1)) if found else -1


def _add_with_the_form(term: Terminal, name: str) -> None:
    term.send("n")
    term.wait_for(lambda t: "New candidate" in t, timeout=30, what="the form")
    term.settle()
    term.send(f"{name}\x13")  # ctrl+s
    term.wait_for(lambda t: "New candidate" not in t and name in t, timeout=30,
                  what=f"{name} on the board")


def _cli_adds(db_path, failures: list[str]) -> None:
    for i in range(CLI_ADDS):
        result = subprocess.run(
            [sys.executable, "-m", "mentee_tui", "--db", str(db_path), "add", f"Cli Person {i}"],
            capture_output=True, text=True, timeout=60, env=_env())
        if result.returncode != 0 or result.stderr:
            failures.append(result.stderr)


def test_two_apps_and_the_command_line_at_once_lose_nothing_and_see_each_other(db_path):
    Store(db_path).candidates.all()
    first, second = _app(db_path), _app(db_path)
    try:
        for term in (first, second):
            term.wait_for(lambda t: "1 Home" in t, timeout=60, what="Home")
            term.send("3")
            term.wait_for(lambda t: "Researched" in t, timeout=30, what="the tracker")
        failures: list[str] = []
        cli = threading.Thread(target=_cli_adds, args=(db_path, failures))
        cli.start()  # the command line writes while both apps do
        _add_with_the_form(first, "Alice Session")
        _add_with_the_form(second, "Bob Session")
        first.send("]")  # Alice, selected after saving, to contacted
        first.wait_for(lambda t: re.search(r"Contacted\s+1", t) is not None, timeout=30,
                       what="Alice in contacted")
        cli.join(timeout=120)
        assert not cli.is_alive() and failures == []
        # Each app shows every card the others wrote, within a few polls.
        first.wait_for(lambda t: "Bob Session" in t and _researched(t) == CLI_ADDS + 1,
                       timeout=SHOWN_WITHIN, what="Bob's card and the command line's")
        second.wait_for(lambda t: "Alice Session" in t and _researched(t) == CLI_ADDS + 1
                        and re.search(r"Contacted\s+1", t) is not None,
                        timeout=SHOWN_WITHIN, what="Alice's card in contacted")
        for term in (first, second):
            assert term.process.poll() is None, term.text
            term.quit("q")
            assert term.process.returncode == 0
            assert "Traceback" not in term.text
    finally:
        first.close()
        second.close()
    cards = {c.name: c for c in Store(db_path).candidates.all()}
    assert set(cards) == {"Alice Session", "Bob Session", *(f"Cli Person {i}" for i in range(CLI_ADDS))}
    assert cards["Alice Session"].stage == "contacted"
    assert sorted(c.id for c in cards.values()) == list(range(1, CLI_ADDS + 3))
