"""Escape sequences inside a bracketed paste stay in the paste (tui/paste_guard.py)."""

from __future__ import annotations

import pytest
from textual import events
from textual._xterm_parser import XTermParser

from mentee_tui.domain.text import clean_text
from mentee_tui.tui.paste_guard import PasteGuard

HOSTILE = "a\x1b[31mred\x1b[0m \x1b]0;title\x07\x1bb \x1b\x1b[2J \x1b[201"
INPUT = f"x\x1b[200~{HOSTILE}\x1b[201~y"


def _events(chunks: list[str]) -> list:
    parser, guard = XTermParser(), PasteGuard()
    found = []
    for chunk in chunks:
        text = guard.feed(chunk)
        if text:  # as the driver does: feeding "" ends the parser
            found.extend(parser.feed(text))
    return found


def _textual_alone(chunks: list[str]) -> list:
    parser = XTermParser()
    return [event for chunk in chunks for event in parser.feed(chunk)]


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, len(INPUT)])
def test_a_paste_with_escapes_is_one_paste_event_whatever_the_chunks(size):
    chunks = [INPUT[i:i + size] for i in range(0, len(INPUT), size)]
    found = _events(chunks)
    keys = [e.character for e in found if isinstance(e, events.Key)]
    pastes = [e.text for e in found if isinstance(e, events.Paste)]
    assert keys == ["x", "y"]  # the keys around the paste, and no key from inside it
    assert len(pastes) == 1
    assert clean_text(pastes[0]) == clean_text(HOSTILE)
    assert "red" in pastes[0] and "\x1b" not in pastes[0]


def test_textual_alone_turns_escapes_inside_a_paste_into_keys():
    """Why the guard exists: without it the paste leaks keys (fails once Textual fixes it,
    and then the guard can go)."""
    leaked = [e for e in _textual_alone([INPUT]) if isinstance(e, events.Key)
              and e.character not in ("x", "y")]
    assert leaked


def test_outside_a_paste_every_key_and_the_escape_key_pass_unchanged():
    guard = PasteGuard()
    assert guard.feed("\x1b") == "\x1b"  # a lone escape key is not held back
    assert guard.feed("[A") == "[A"
    assert guard.feed("\x1b[20") == "\x1b[20"
    assert guard.feed("0~in\x1b[3") == "0~in\x9b3"  # a start split across reads
    assert guard.feed("1m\x1b[201~z") == "1m\x1b[201~z"
    assert not guard.in_paste
