"""The spreadsheet and the readable summary `mentee-tui export csv|md` print (pure).

CSV: one row per candidate, every field but the history, which a spreadsheet cannot hold
(`export json` keeps it). The same columns import back (`csv_import`). Markdown: what a
mentee could print or share: the reflection, the candidates by stage and the meeting plan
with its agendas; names and other one-line fields are escaped so they read literally.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence

import arrow

from mentee_tui.domain.reflection import PROMPTS
from mentee_tui.domain.schedule import parse_rule
from mentee_tui.domain.stages import days_in_stage, parse_instant
from mentee_tui.domain.text import plural
from mentee_tui.domain.validate import InvalidInput
from mentee_tui.model import STAGES, Candidate, Meeting, Mentorship, Reflection

CSV_COLUMNS: tuple[str, ...] = (
    "id", "name", "email", "role", "organization", "source", "url", "introduced_by", "why",
    "notes", "knows_well", "is_supervisor", "stage", "referred_by", "created_at", "updated_at",
)


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def candidates_csv(candidates: Sequence[Candidate]) -> str:
    """A header and one row per candidate; multi-line notes are quoted, as CSV allows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for candidate in candidates:
        data = candidate.to_dict()
        writer.writerow([_cell(data[name]) for name in CSV_COLUMNS])
    return out.getvalue()


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def inline(text: str) -> str:
    """A one-line field as literal markdown text: `[bold]` stays `[bold]`, not a link."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _block(text: str) -> list[str]:
    """A multi-line answer as its own paragraph lines."""
    return [line.rstrip() for line in text.strip().splitlines()]


def _rule_words(rule: str) -> str:
    try:
        return parse_rule(rule).describe()
    except InvalidInput:
        return rule


def _reflection(reflections: Mapping[str, Reflection]) -> list[str]:
    lines = ["## Reflection", ""]
    for prompt in PROMPTS:
        lines += [f"### {prompt.title}", ""]
        answer = reflections.get(prompt.key)
        text = answer.text if answer is not None else ""
        lines += _block(text) if text.strip() else ["_Not answered yet._"]
        lines.append("")
    return lines


def _candidate_line(candidate: Candidate, now: arrow.Arrow) -> list[str]:
    where = ", ".join(inline(part) for part in (candidate.role, candidate.organization) if part)
    parts = [f"- **{inline(candidate.name)}**" + (f" — {where}" if where else "")]
    details = [inline(part) for part in (candidate.email, candidate.url) if part]
    details.append(f"source: {candidate.source}")
    if candidate.introduced_by:
        details.append(f"introduced by {inline(candidate.introduced_by)}")
    details.append(f"{plural(days_in_stage(candidate, now), 'day')} in {candidate.stage}")
    if candidate.knows_well:
        details.append("⚠ I know them well")
    if candidate.is_supervisor:
        details.append("⚠ my (in)direct supervisor")
    parts.append("  - " + " · ".join(details))
    for label, text in (("Why them", candidate.why), ("Notes", candidate.notes)):
        if text.strip():
            parts.append(f"  - {label}: " + " / ".join(inline(line) for line in _block(text) if line))
    return parts


def _candidates(candidates: Sequence[Candidate], now: arrow.Arrow) -> list[str]:
    lines = ["## Candidates", ""]
    if not candidates:
        return [*lines, "_No candidates yet._", ""]
    for stage in STAGES:
        in_stage = [c for c in candidates if c.stage == stage]
        if not in_stage:
            continue
        lines += [f"### {stage.capitalize()} ({len(in_stage)})", ""]
        for candidate in in_stage:
            lines += _candidate_line(candidate, now)
        lines.append("")
    return lines


def _meeting_plan(mentorships: Sequence[Mentorship], meetings: Sequence[Meeting]) -> list[str]:
    lines = ["## Meeting plan", ""]
    if not mentorships:
        return [*lines, "_No mentor has agreed yet._", ""]
    for mentorship in mentorships:
        ended = "" if mentorship.active else " (ended)"
        lines += [
            f"### With {inline(mentorship.mentor)}{ended}", "",
            f"{plural(mentorship.months, 'monthly meeting')}, {_rule_words(mentorship.rule)}, "
            f"at {mentorship.time} {mentorship.timezone}, "
            f"{plural(mentorship.duration_minutes, 'minute')} each.", "",
        ]
        for meeting in (m for m in meetings if m.mentorship_id == mentorship.id):
            start = parse_instant(meeting.start).to(mentorship.timezone)
            lines += [f"#### {meeting.number}. {start.format('ddd D MMM YYYY, HH:mm')} — "
                      f"{meeting.status}", ""]
            lines += _block(meeting.agenda) if meeting.agenda.strip() else ["_No agenda yet._"]
            lines.append("")
    return lines


def markdown_summary(*, candidates: Sequence[Candidate], reflections: Mapping[str, Reflection],
                     mentorships: Sequence[Mentorship], meetings: Sequence[Meeting],
                     now: arrow.Arrow) -> str:
    lines = ["# My mentoring plan", "", f"Written on {now.format('D MMMM YYYY')} by mentee-tui.",
             ""]
    lines += _reflection(reflections)
    lines += _candidates(candidates, now)
    lines += _meeting_plan(mentorships, meetings)
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["CSV_COLUMNS", "candidates_csv", "inline", "markdown_summary"]
