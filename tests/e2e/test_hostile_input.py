"""Hostile input through every way in: typed and pasted (bracketed paste) in a real pty,
the command line, and an import. Markup, escape and control sequences, a 10,000-character
note, emoji, right-to-left and wide CJK text, invalid emails: no crash, what is shown and
stored is what was typed minus the control characters, and a refused input saves nothing."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

from helpers.terminal import Terminal

from mentee_tui.domain.text import clean_line, clean_text
from mentee_tui.storage import Store

MARKUP = "[/] [bold]x [@click=app.quit]q[/] [$accent]"
ESCAPES = "\x1b[31mred\x1b[0m \x1b]0;title\x07\x1b[2J\x07\x08\x1b[?1049l"
WORLD = "שלום مرحبا 漢字テスト 👩🏽‍💻"
HOSTILE_NAME = f"{MARKUP} {ESCAPES} {WORLD}"
SHOWN_NAME = clean_line(HOSTILE_NAME)  # what the person sees: the text, not its controls
PASTED_NAME = " ".join(SHOWN_NAME.split())  # a paste into one line also joins space runs
LONG_NOTE = ("Notes in [bold]markup[/], 漢字 and 👩🏽‍💻 \x1b[7mreversed\x1b[0m.\n" * 250)[:10_000]
BAD_EMAILS = ["ada@@example.org", "no-at-sign", "ada@exa mple.org", "\x1b[31m@x.org"]


def test_the_cleaned_text_keeps_everything_but_the_controls():
    assert SHOWN_NAME == f"{MARKUP} red  {WORLD}"  # an OSC title goes whole, its text too
    assert "\x1b" not in clean_text(LONG_NOTE, multiline=True)
    assert clean_text(LONG_NOTE, multiline=True).count("漢字") == LONG_NOTE.count("漢字")


def _env() -> dict[str, str]:
    env = dict(os.environ, TZ="UTC", LANG="C.UTF-8")
    for name in ("MENTEE_TUI_DB", "TEXTUAL", "NO_COLOR"):
        env.pop(name, None)
    return env


def _cli(db_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mentee_tui", "--db", str(db_path), *args],
                          capture_output=True, text=True, timeout=60, env=_env())


def test_pasted_and_typed_hostile_text_in_a_real_pty(db_path):
    Store(db_path).candidates.all()
    term = Terminal([sys.executable, "-m", "mentee_tui", "--db", str(db_path)], env=_env(),
                    columns=120, lines=30, term="xterm-256color")
    try:
        term.wait_for(lambda t: "1 Home" in t, timeout=60, what="Home")
        term.send("3")
        term.wait_for(lambda t: "Researched" in t, timeout=30, what="the tracker")
        term.send("n")
        term.wait_for(lambda t: "New candidate" in t, timeout=30, what="the form")
        term.settle()
        term.send(f"\x1b[200~{HOSTILE_NAME}\x1b[201~")  # a bracketed paste
        term.wait_for(lambda t: "[@click=app.quit]q[/]" in t, timeout=30, what="the pasted name")
        term.send("\t")  # to the email
        for bad in BAD_EMAILS:  # typed, then refused: the form stays, nothing is saved
            term.send(f"\x15{bad}\x13")  # ctrl+u clears the field, ctrl+s saves
            term.wait_for(lambda t, bad=bad: clean_line(bad) in t and "@-sign" in t, timeout=30,
                          what="the email refused")
            term.settle()
            assert "New candidate" in term.text and term.process.poll() is None
            assert Store(db_path).candidates.all() == []
        term.send("\x15ada@example.org\x13")
        term.wait_for(lambda t: "New candidate" not in t, timeout=30, what="the form saved")
        term.settle()
        [card] = Store(db_path).candidates.all()
        assert card.name == PASTED_NAME and card.email == "ada@example.org"
        # Shown literally, the markup too; the app did not quit on [@click=app.quit].
        assert MARKUP in term.text and f"{MARKUP} red שלום" in term.text
        assert "\x1b" not in card.name and term.process.poll() is None
    finally:
        term.quit("\x11")


def test_hostile_text_on_the_command_line(db_path):
    for bad in BAD_EMAILS:
        refused = _cli(db_path, "add", HOSTILE_NAME, "--email", bad, "--notes", LONG_NOTE)
        assert refused.returncode == 2 and "invalid email" in refused.stderr
        assert "Traceback" not in refused.stderr and refused.stderr.count("\n") == 1
    assert not db_path.exists() or Store(db_path).candidates.all() == []
    added = _cli(db_path, "add", HOSTILE_NAME, "--org", WORLD, "--notes", LONG_NOTE)
    assert added.returncode == 0, added.stderr
    [shown] = json.loads(_cli(db_path, "list", "--json").stdout)
    assert shown["name"] == SHOWN_NAME and shown["organization"] == WORLD
    assert shown["notes"] == clean_text(LONG_NOTE, multiline=True).strip()
    assert len(LONG_NOTE) == 10_000 and len(shown["notes"]) > 8_000
    plain = _cli(db_path, "show", str(shown["id"]))
    assert plain.returncode == 0 and SHOWN_NAME in plain.stdout and "\x1b" not in plain.stdout


def test_hostile_rows_in_an_import(db_path, tmp_path):
    source = tmp_path / "hostile.csv"
    rows = [
        {"name": HOSTILE_NAME, "email": "", "organization": WORLD, "notes": LONG_NOTE},
        {"name": "Ada [bold]Lovelace[/]", "email": BAD_EMAILS[0], "organization": "", "notes": ""},
        {"name": "漢字 名前", "email": "kanji@example.org", "organization": MARKUP, "notes": ESCAPES},
    ]
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["name", "email", "organization", "notes"])
        writer.writeheader()
        writer.writerows(rows)
    _cli(db_path, "add", "Already here")
    before = db_path.read_bytes()
    refused = _cli(db_path, "import", str(source))  # all or nothing: the bad email refuses it
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert db_path.read_bytes() == before
    done = _cli(db_path, "import", str(source), "--skip-invalid")
    assert done.returncode == 0, done.stderr
    cards = {c.name: c for c in Store(db_path).candidates.all()}
    assert set(cards) == {"Already here", SHOWN_NAME, "漢字 名前"}
    assert cards[SHOWN_NAME].organization == WORLD
    assert cards[SHOWN_NAME].notes == clean_text(LONG_NOTE, multiline=True).strip()
    assert cards["漢字 名前"].organization == MARKUP
    assert cards["漢字 名前"].notes == clean_text(ESCAPES, multiline=True).strip()
