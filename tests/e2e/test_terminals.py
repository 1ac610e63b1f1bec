"""The real `mentee-tui` in a real tmux: every size and every TERM, LANG=C and NO_COLOR.

Each case fills a database with the demo data (badges due, a mentor with the current
month), then adds a candidate and takes it through every column with the documented keys
(helpers/journey.py), resizing the window on the way, and checks the database after each
step. Four cases cover the three sizes, the four TERMs, LANG=C and NO_COLOR each at least
once (the full product would be 24 runs of the same journey). With NO_COLOR the selection,
the badges and the current month must still be visible: a glyph, bold or reverse.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from helpers.journey import NAME, add_candidate, agree, decline, move_right_to_asked, quit_app
from helpers.tmux import Tmux, styled

from mentee_tui.cli.demo import fill_demo
from mentee_tui.storage import Store

# (columns, lines, TERM, extra environment, the size it is resized to on the way)
CASES = [
    pytest.param(80, 24, "xterm", {"LANG": "C", "NO_COLOR": "1"}, (120, 40),
                 id="80x24-xterm-LANG=C-NO_COLOR"),
    pytest.param(120, 40, "screen", {"NO_COLOR": "1", "LANG": "C.UTF-8"}, (80, 24),
                 id="120x40-screen-NO_COLOR"),
    pytest.param(200, 60, "xterm-256color", {"LANG": "C"}, (80, 24),
                 id="200x60-xterm-256color-LANG=C"),
    pytest.param(80, 24, "tmux-256color", {"LANG": "C.UTF-8"}, (200, 60),
                 id="80x24-tmux-256color"),
]


def mentee_tui_command() -> str:
    """The installed console script beside this interpreter (what a person runs)."""
    script = Path(sys.executable).parent / "mentee-tui"
    assert script.exists(), f"{script} is missing: install the package (pip install -e .)"
    return str(script)


def app_env(term: str, extra: dict[str, str]) -> list[str]:
    """`env` arguments for the app in the window: its TERM and locale, nothing else of ours."""
    args = ["env", "-u", "NO_COLOR", "-u", "MENTEE_TUI_DB", "-u", "TEXTUAL",
            "-u", "LC_ALL", "-u", "LC_CTYPE", f"TERM={term}", "TZ=UTC"]
    return args + [f"{key}={value}" for key, value in extra.items()]


def _line_with(screen: str, needle: str) -> str:
    return next(line for line in screen.splitlines() if needle in line)


def _assert_visible_without_colour(term: Tmux) -> None:
    """On the board: the selected card stands out in reverse or bold, the badges are glyphs."""
    escaped = term.escaped()
    board = [line for line in escaped.splitlines()[1:-4]]  # the columns, not the status line
    selected = next(line for line in board if NAME[:8] in line)
    assert styled(selected, NAME[:8]) & {"reverse", "bold"}, selected
    other = next(line for line in board if "Samir" in line)
    assert not styled(other, "Samir") & {"reverse"}, other  # only the selection stands out
    plain = term.text()
    assert "↻" in plain and "⚠" in plain  # follow-up due and a warning, as glyphs


def _assert_current_month_marked(term: Tmux) -> None:
    term.send("4")
    screen = term.wait_text("▶")
    marked = _line_with(screen, "▶")
    assert styled(_line_with(term.escaped(), "▶"), "▶") & {"reverse", "bold"}, marked


@pytest.mark.parametrize(("columns", "lines", "term_name", "extra", "resize_to"), CASES)
def test_a_candidate_goes_through_every_column_in_a_real_terminal(
        tmp_path, db_path, columns, lines, term_name, extra, resize_to):
    fill_demo(db_path)  # the real clock: the app runs with it too
    before = {c.id for c in Store(db_path).candidates.all()}
    term = Tmux(tmp_path, [*app_env(term_name, extra), mentee_tui_command(), "--db", str(db_path)],
                columns, lines, env=dict(os.environ))
    try:
        card = add_candidate(term, db_path)
        assert card.id not in before
        term.resize(*resize_to)
        assert term.size() == resize_to
        term.wait_text(NAME)  # redrawn at the new size
        move_right_to_asked(term, db_path)
        if extra.get("NO_COLOR"):
            _assert_visible_without_colour(term)
        term.resize(columns, lines)
        term.wait_text(NAME)
        agree(term, db_path)
        decline(term, db_path)
        if extra.get("NO_COLOR"):
            _assert_current_month_marked(term)
        quit_app(term)
        assert "Traceback" not in term.text()
    finally:
        term.kill()
