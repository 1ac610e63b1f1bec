"""How a candidate reads on the board: badges first, so a cut name never hides them.

Badges are glyphs, not colours, so NO_COLOR and monochrome terminals show them too.
User text goes into `Content` as data, so a name like `[bold]x` shows literally.
`CardPrompts` builds a card's text when it is first drawn and keeps it.
"""

from __future__ import annotations

import arrow
from textual.content import Content

from mentee_tui.domain.stages import days_in_stage, follow_up_due, parse_instant
from mentee_tui.domain.text import clean_line
from mentee_tui.model import Candidate

FOLLOW_UP_GLYPH = "↻"
WARNING_GLYPH = "⚠"
LEGEND = f"{FOLLOW_UP_GLYPH} follow-up due  {WARNING_GLYPH} warning"


def _plain(value: str) -> str:
    """Storage already cleans text; the check is cheap, the cleaning only when needed."""
    return value if value.isprintable() else clean_line(value)


def badges(candidate: Candidate, now: arrow.Arrow, follow_up_days: int) -> str:
    glyphs = ""
    if follow_up_due(candidate, now, follow_up_days):
        glyphs += FOLLOW_UP_GLYPH
    if candidate.has_warning:
        glyphs += WARNING_GLYPH
    return glyphs


def stage_age(days: int) -> str:
    """How long a card has been in its stage, in words."""
    if days == 0:
        return "since today"
    return "1 day in stage" if days == 1 else f"{days} days in stage"


def card_prompt(
    candidate: Candidate, *, now: arrow.Arrow, follow_up_days: int, wide: bool
) -> Content:
    """Compact: badges and name on one line. Wide: plus organization and days in stage."""
    glyphs = badges(candidate, now, follow_up_days)
    name = _plain(candidate.name) or "(no name)"
    head = Content.assemble((glyphs + " ", "bold"), name) if glyphs else Content(name)
    if not wide:
        return head
    detail = _plain(candidate.organization) or _plain(candidate.role) or "—"
    since = stage_age(days_in_stage(candidate, now))
    # The last, empty line keeps cards apart.
    return Content.assemble(head.stylize("bold"), "\n", detail, "\n", (since, "dim"), "\n ")


EVENT_WORDS = {"stage": "moved to", "follow_up": "follow-up", "draft": "draft sent",
               "note": "note"}


def _ago(iso: str, now: arrow.Arrow) -> str:
    try:
        return parse_instant(iso).humanize(now)
    except (arrow.parser.ParserError, ValueError, TypeError):
        return ""


def card_summary(candidate: Candidate, *, now: arrow.Arrow, follow_up_days: int) -> Content:
    """The selected card on one line: the whole name, role and organization, the stage and
    how long, what to mind (badges spelled out), the last event and a decline's reason."""
    c = candidate
    parts: list[str | tuple[str, str]] = [(_plain(c.name) or "(no name)", "bold")]
    where = ", ".join(v for v in (_plain(c.role), _plain(c.organization)) if v)
    if where:
        parts.append(f" · {where}")
    stage = c.stage.capitalize()
    parts.append(f" · {stage} {stage_age(days_in_stage(c, now)).replace(' in stage', '')}")
    if follow_up_due(c, now, follow_up_days):
        parts.append((f" · {FOLLOW_UP_GLYPH} follow-up due", "bold"))
    if c.has_warning:
        why = "knows you well" if c.knows_well else "your supervisor"
        if c.knows_well and c.is_supervisor:
            why = "knows you well, your supervisor"
        parts.append((f" · {WARNING_GLYPH} {why}", "bold"))
    if c.stage == "declined":
        reason = next((h.note for h in reversed(c.history)
                       if h.event == "stage" and h.stage == "declined"), "")
        parts.append(f" · declined: {_plain(reason) or 'no reason given'}")
    elif c.history and not (c.history[-1].event == "stage" and c.history[-1].stage == c.stage):
        last = c.history[-1]  # (its entry into the stage: said already)
        what = EVENT_WORDS.get(last.event, last.event)
        if last.event == "stage" and last.stage:
            what = f"{what} {last.stage}"
        note = f" ({_plain(last.note)})" if last.note else ""
        parts.append(f" · last: {what}{note} {_ago(last.at, now)}".rstrip())
    return Content.assemble(*parts)


def card_height(wide: bool) -> int:
    """The lines `card_prompt` gives a card: one compact, four wide (with the spacer)."""
    return 4 if wide else 1


class CardPrompts:
    """Each card's prompt, built the first time it is asked for and kept until its record
    changes (storage gives a changed card a new record object), or the day, the follow-up
    days or the width mode do."""

    def __init__(self) -> None:
        self._kept: dict[int, tuple[Candidate, Content]] = {}
        self._now = arrow.get(0)  # until the first `for_day`
        self.follow_up_days = 7
        self.wide = False

    def for_day(self, now: arrow.Arrow, follow_up_days: int) -> None:
        if (now.date(), follow_up_days) != (self._now.date(), self.follow_up_days):
            self._kept.clear()
        self._now, self.follow_up_days = now, follow_up_days

    def set_wide(self, wide: bool) -> None:
        if wide != self.wide:
            self._kept.clear()
        self.wide = wide

    def prompt(self, candidate: Candidate) -> Content:
        kept = self._kept.get(candidate.id)
        if kept is not None and kept[0] is candidate:
            return kept[1]
        prompt = card_prompt(candidate, now=self._now, follow_up_days=self.follow_up_days,
                             wide=self.wide)
        self._kept[candidate.id] = (candidate, prompt)
        return prompt


__all__ = [
    "FOLLOW_UP_GLYPH",
    "LEGEND",
    "WARNING_GLYPH",
    "CardPrompts",
    "badges",
    "card_height",
    "card_prompt",
    "card_summary",
    "stage_age",
]
