"""User text is data: control and escape sequences are stripped on the way in."""

from __future__ import annotations

import pytest

from mentee_tui.domain.text import clean_line, clean_text
from mentee_tui.model import CandidateInput


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b[31mRed\x1b[0m Ada", "Red Ada"),
        ("\x1b[1;38;5;196mbold\x1b[m", "bold"),
        ("\x1b]0;pwned title\x07Ada", "Ada"),
        ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("\x1bPqsixel data\x1b\\after", "after"),
        ("\x1bcReset", "Reset"),
        ("a\x00b\x07c\x08d\x7fe", "abcde"),
        ("\x9b31mred", "red"),
        ("\x9d0;title\x9cAda", "Ada"),
        ("\u202eevil\u202c", "evil"),  # bidi override
        ("zero\u200bwidth", "zerowidth"),
        ("bad \udcff bytes", "bad  bytes"),
        ("[bold]not markup[/]", "[bold]not markup[/]"),
        ("Tomás Ortega 👩‍💻", "Tomás Ortega 👩‍💻"),  # accents and a ZWJ emoji survive
    ],
)
def test_control_and_escape_sequences_are_stripped(raw, expected):
    assert clean_text(raw) == expected


def test_single_line_fields_turn_line_breaks_into_spaces():
    assert clean_text("one\ntwo\r\nthree\rfour\tfive\u2028six") == "one two three four five six"
    assert clean_line("  \n Ada Lovelace \t ") == "Ada Lovelace"


def test_multi_line_fields_keep_newlines_and_tabs():
    raw = "first\r\nsecond\rthird\n\tindented\u2029fourth\x1b[2J"
    assert clean_text(raw, multiline=True) == "first\nsecond\nthird\n\tindented\nfourth"


def test_none_and_non_strings():
    assert clean_text(None) == ""
    assert clean_text(42) == "42"


def test_stored_candidates_are_cleaned_per_field(store):
    added = store.candidates.add(
        CandidateInput(
            name="\x1b[31mAda\x1b[0m\nLovelace",
            organization="Engines\x07",
            notes="line one\n\x1b]0;x\x07line two",
            why="because\r\nreasons",
        )
    )
    got = store.candidates.get(added.id)
    assert got.name == "Ada Lovelace"
    assert got.organization == "Engines"
    assert got.notes == "line one\nline two"
    assert got.why == "because\nreasons"


def test_surrogates_from_undecodable_input_can_be_saved(store, db_path):
    added = store.candidates.add(CandidateInput(name="Ad\udcffa", notes="x\udc80y"))
    assert store.candidates.get(added.id).name == "Ada"
    assert db_path.read_bytes().decode("utf-8")  # valid UTF-8 on disk


@pytest.mark.parametrize("raw", ["\x1b7save\x1b8", "\x1b(Bsave", "\x1b#8save", "\x1b=save\x1b>"])
def test_other_escape_sequences_leave_nothing_behind(raw):
    assert clean_text(raw) == "save"


@pytest.mark.parametrize("message, expected", [
    ("nothing to undo", "Nothing to undo."),
    ("Saved.", "Saved."),
    ("is it?", "Is it?"),
    ("", ""),
])
def test_sentence(message, expected):
    from mentee_tui.domain.text import sentence

    assert sentence(message) == expected


def test_clean_text_removes_every_control_and_format_character_and_keeps_printable_text():
    """The printable fast path and the full path agree: across the first planes' characters,
    a control, format or surrogate character never survives (ZWJ aside), and text that is
    printable comes back unchanged."""
    import unicodedata

    for code in list(range(0, 0x3100)) + [0xFEFF, 0xFFF9, 0xD800, 0xE0001, 0x1F600]:
        char = chr(code)
        for multiline in (False, True):
            cleaned = clean_text(f"a{char}b", multiline=multiline)
            kept = {c for c in cleaned if unicodedata.category(c) in ("Cc", "Cf", "Cs")}
            assert kept <= ({"\u200d"} | ({"\n", "\t"} if multiline else set())), hex(code)
            if f"a{char}b".isprintable():
                assert cleaned == f"a{char}b", hex(code)
