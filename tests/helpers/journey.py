"""One candidate's whole journey through the tracker, typed as a person would in tmux.

`n`, the fields, ctrl+s; `]` through contacted, coffee and asked; `]` to agreed opens the
mentorship setup, `enter` accepts it; `x` declines (ending the mentorship). After each
step the database is checked, and the screen must show the card where it went.
Used by the terminal matrix (tests/e2e/test_terminals.py) and over SSH (test_ssh.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from helpers.tmux import Tmux

from mentee_tui.model import Candidate
from mentee_tui.storage import Store

NAME, EMAIL, ORG = "Ada Lovelace", "ada@example.org", "Analytical Engines"


def card_on_disk(db_path: Path, condition: Callable[[Candidate], bool], what: str,
                 timeout: float = 20.0) -> Candidate:
    """The new card once the database holds what the screen showed (writes run on the
    app's writer thread, a moment after the screen changes)."""
    deadline = time.monotonic() + timeout
    while True:
        cards = [c for c in Store(db_path).candidates.all() if c.name == NAME]
        if cards and condition(cards[0]):
            return cards[0]
        assert time.monotonic() < deadline, f"the database never held {what}: {cards}"
        time.sleep(0.05)  # poll the file; the condition is its content


def status_line_shows(stage: str) -> Callable[[str], bool]:
    """The status line at the bottom names the selected card and its stage."""
    return lambda screen: any(
        line.strip().startswith(NAME) and stage in line for line in screen.splitlines())


def add_candidate(term: Tmux, db_path: Path) -> Candidate:
    term.wait_text("1 Home")
    term.send("3")
    term.wait_text("Researched")
    term.send("n")
    term.wait_text("New candidate")
    term.type(NAME)
    term.send("Tab")
    term.type(EMAIL)
    term.send("Tab", "Tab")  # past the role, to the organization
    term.type(ORG)
    term.send("C-s")
    term.wait_for(lambda s: "New candidate" not in s and status_line_shows("Researched")(s),
                  "the new card selected on the board")
    card = card_on_disk(db_path, lambda c: c.stage == "researched", "the new card")
    assert (card.email, card.organization) == (EMAIL, ORG)
    return card


def move_right_to_asked(term: Tmux, db_path: Path) -> None:
    for stage in ("contacted", "coffee", "asked"):
        term.send("]")
        term.wait_for(status_line_shows(stage.capitalize()), f"the card in {stage}")
        card_on_disk(db_path, lambda c, stage=stage: c.stage == stage, f"the card in {stage}")


def agree(term: Tmux, db_path: Path) -> None:
    term.send("]")
    term.wait_text(f"Mentorship with {NAME}")
    term.send("Enter")
    term.wait_for(lambda s: "Mentorship with" not in s and status_line_shows("Agreed")(s),
                  "the card in agreed")
    card = card_on_disk(db_path, lambda c: c.stage == "agreed", "the card in agreed")
    [mentorship] = [m for m in Store(db_path).calendar.mentorships() if m.candidate_id == card.id]
    meetings = Store(db_path).calendar.meetings(mentorship.id)
    assert mentorship.active and len(meetings) == mentorship.months == 12
    assert {m.status for m in meetings} == {"planned"}


def decline(term: Tmux, db_path: Path) -> None:
    term.send("x")
    term.wait_text(f"Decline {NAME}?")
    term.type("moving abroad")
    term.send("C-s")
    term.wait_for(lambda s: f"Decline {NAME}?" not in s and status_line_shows("Declined")(s),
                  "the card in declined")
    card = card_on_disk(db_path, lambda c: c.stage == "declined", "the card in declined")
    assert card.history[-1].note.startswith("moving abroad")
    [mentorship] = [m for m in Store(db_path).calendar.mentorships() if m.candidate_id == card.id]
    assert not mentorship.active
    assert {m.status for m in Store(db_path).calendar.meetings(mentorship.id)} == {"cancelled"}


def quit_app(term: Tmux) -> None:
    term.send("q")
    term.wait_for(lambda _s: term.dead(), "the app to quit", timeout=15)


__all__ = ["NAME", "add_candidate", "agree", "card_on_disk", "decline", "move_right_to_asked",
           "quit_app", "status_line_shows"]
