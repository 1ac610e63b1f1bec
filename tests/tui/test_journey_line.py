"""Home's lines as drawn: plain text, never markup."""

from __future__ import annotations

from conftest import FIXED_NOW
from rich.text import Text

from mentee_tui.domain.journey import journey_steps
from mentee_tui.domain.reflection import PROMPT_KEYS
from mentee_tui.model import Candidate, HistoryEntry, Reflection, Settings
from mentee_tui.tui.widgets.journey_line import journey_line


def _steps(candidates=()):
    reflections = {key: Reflection(key=key) for key in PROMPT_KEYS}
    return journey_steps(candidates=list(candidates), reflections=reflections,
                         settings=Settings(), now=FIXED_NOW)


def test_a_line_is_plain_text_never_markup():
    at = FIXED_NOW.isoformat()
    mal = Candidate(id=1, name="[bold]Mal[/] [red]x", stage="agreed", created_at=at,
                    updated_at=at, history=[HistoryEntry(at=at, event="stage", stage="agreed")])
    line = journey_line(_steps([mal])[4])
    assert isinstance(line, Text)
    assert "[bold]Mal[/] [red]x agreed" in line.plain
    assert line.plain.startswith(" ✓ 5. Plan")
    assert journey_line(_steps()[0]).plain.startswith(" · 1. Reflect")


def test_a_long_summary_wraps_under_itself():
    steps = _steps([Candidate(id=i, name=f"Person {i}", stage="agreed", created_at=FIXED_NOW.isoformat())
                    for i in range(1, 8)])
    line = journey_line(steps[4], width=40).plain
    lines = line.split("\n")
    assert len(lines) > 1
    indent = len(" ✓ 5. Plan       ")
    assert all(row.startswith(" " * indent) for row in lines[1:])
