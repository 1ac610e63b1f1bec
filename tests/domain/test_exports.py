"""The CSV and markdown exports (pure)."""

from __future__ import annotations

import csv
import io

from mentee_tui.domain.exports import CSV_COLUMNS, candidates_csv, inline, markdown_summary
from tests.conftest import FIXED_NOW


def test_csv_is_one_row_per_candidate_with_a_header(demo_store):
    candidates = demo_store.candidates.all()
    rows = list(csv.DictReader(io.StringIO(candidates_csv(candidates))))
    assert len(rows) == len(candidates) and tuple(rows[0]) == CSV_COLUMNS
    assert [int(r["id"]) for r in rows] == [c.id for c in candidates]
    olivia = next(r for r in rows if r["name"] == "Olivia Brown")
    assert (olivia["is_supervisor"], olivia["knows_well"]) == ("true", "false")
    assert next(r for r in rows if r["name"] == "Mei Lin")["referred_by"] == "2"


def test_markdown_has_reflection_candidates_by_stage_and_the_plan(demo_store):
    text = markdown_summary(
        candidates=demo_store.candidates.all(), reflections=demo_store.reflections.all(),
        mentorships=demo_store.calendar.mentorships(), meetings=demo_store.calendar.meetings(),
        now=FIXED_NOW)
    assert text.startswith("# My mentoring plan\n")
    for heading in ("## Reflection", "### Career goals to achieve", "## Candidates",
                    "### Researched (", "### Agreed (1)", "### Declined (2)",
                    "## Meeting plan", "### With Priya Raman", "#### 12. "):
        assert f"\n{heading}" in text, heading
    assert "Lead a platform team" in text  # an answer
    assert "_Not answered yet._" in text  # the free notes prompt
    assert "- **Priya Raman** — Director of Engineering, Northwind" in text
    assert "12 monthly meetings, same day of the month" in text
    assert "#### 1. " in text and "— done" in text
    assert "- Introductions: who we are, why I asked you" in text  # the first meeting's agenda
    assert text.index("### Researched") < text.index("### Agreed") < text.index("### Declined")


def test_markdown_of_an_empty_database_says_so(store):
    text = markdown_summary(candidates=[], reflections={}, mentorships=[], meetings=[],
                            now=FIXED_NOW)
    assert "_No candidates yet._" in text and "_No mentor has agreed yet._" in text


def test_one_line_fields_read_literally_in_markdown():
    assert inline("[bold]*x*_y_ <b>") == r"\[bold\]\*x\*\_y\_ \<b\>"
