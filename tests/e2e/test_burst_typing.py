"""Keys that arrive in one burst (a paste, a laggy SSH link) land in the fields they were
typed for: the real app in a real pseudo-terminal, each burst written in one write."""

from __future__ import annotations

import os
import sys

import pytest
from helpers.terminal import Terminal

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store

TAB, ENTER, CTRL_S = "\t", "\r", "\x13"


def _env() -> dict[str, str]:
    env = dict(os.environ, TZ="UTC", LANG="C")
    for name in ("MENTEE_TUI_DB", "TEXTUAL", "NO_COLOR"):
        env.pop(name, None)
    return env


@pytest.fixture
def terminal(db_path):
    Store(db_path).candidates.all()  # an empty, private database
    term = Terminal([sys.executable, "-m", "mentee_tui", "--db", str(db_path)], env=_env(),
                    columns=80, lines=24, term="xterm")
    yield term
    term.quit("\x11")  # ctrl+q: whatever screen is up
    term.close()


def _wait(term: Terminal, needle: str) -> None:
    """Until `needle` is drawn and the app has gone quiet (the form has its focus)."""
    term.wait_for(lambda text: needle in text, timeout=30, what=repr(needle))
    term.settle()


def test_a_burst_across_the_candidate_form_fills_each_field(terminal, db_path):
    _wait(terminal, "1 Home")
    terminal.send("3")
    _wait(terminal, "Researched")
    terminal.send("n")
    _wait(terminal, "New candidate")
    terminal.send(f"Test Person{TAB}x@example.org{TAB}RoleX{TAB}Org Y{CTRL_S}")
    terminal.wait_for(lambda text: "New candidate" not in text and "Test Person" in text,
                      timeout=30, what="the new card on the board")
    terminal.settle()
    (card,) = Store(db_path).candidates.all()
    assert (card.name, card.email, card.role, card.organization) == (
        "Test Person", "x@example.org", "RoleX", "Org Y")


def test_a_burst_in_the_decline_dialog_keeps_reason_and_referral_apart(terminal, db_path):
    Store(db_path).candidates.add(CandidateInput(name="Grace Hopper"), stage="asked")
    _wait(terminal, "1 Home")
    terminal.send("3")
    _wait(terminal, "Grace Hopper")
    terminal.send("x")
    _wait(terminal, "Decline")
    terminal.send(f"too many mentees{ENTER}Ada Lovelace{ENTER}")
    terminal.wait_for(lambda text: "Decline Grace" not in text and "Ada Lovelace" in text,
                      timeout=30, what="the referral's card on the board")
    terminal.settle()
    cards = {c.name: c for c in Store(db_path).candidates.all()}
    assert set(cards) == {"Grace Hopper", "Ada Lovelace"}
    grace = cards["Grace Hopper"]
    assert grace.stage == "declined"
    assert grace.history[-1].note.startswith("too many mentees")
    assert "Ada" not in grace.history[-1].note.replace("referred Ada Lovelace", "")


def test_editing_keys_in_a_burst_edit_the_field_they_were_typed_in(terminal, db_path):
    """A backspace or ctrl+u still queued for a field when Tab has moved on must not delete
    from the next field (Textual resolves a key's binding against the focused widget)."""
    _wait(terminal, "1 Home")
    terminal.send("3")
    _wait(terminal, "Researched")
    terminal.send("n")
    _wait(terminal, "New candidate")
    backspace, ctrl_u = "\x7f", "\x15"
    terminal.send(f"Ada Lovex{backspace}{TAB}typo{ctrl_u}ada@example.org{TAB}Role{backspace}"
                  f"{backspace}le{TAB}Engines{CTRL_S}")
    terminal.wait_for(lambda text: "New candidate" not in text and "Ada Love" in text,
                      timeout=30, what="the new card on the board")
    terminal.settle()
    (card,) = Store(db_path).candidates.all()
    assert (card.name, card.email, card.role, card.organization) == (
        "Ada Love", "ada@example.org", "Role", "Engines")
