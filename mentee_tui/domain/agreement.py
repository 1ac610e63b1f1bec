"""The mentoring agreement: what mentor and mentee agree on at the first meeting.

Its sections (`AGREEMENT_SECTIONS`): goals, term, cadence, how and where to meet,
confidentiality, a check-in at the middle of the term, and how either side ends it.
Until the mentee edits it, each section is pre-filled from the reflection and the plan.
"""

from __future__ import annotations

from collections.abc import Mapping

import arrow

from mentee_tui.domain.schedule import month_of, parse_rule
from mentee_tui.domain.text import plural
from mentee_tui.model import AGREEMENT_SECTIONS, Mentorship

SECTION_KEYS: tuple[str, ...] = tuple(key for key, _title in AGREEMENT_SECTIONS)


def _goals(answers: Mapping[str, str]) -> str:
    lines = []
    for key, title in (("career_goals", "Career goals"), ("skills", "Skills to develop"),
                       ("org_knowledge", "Organizational knowledge"),
                       ("partnerships", "Partnerships")):
        points = [p.strip(" -*•\t") for p in answers.get(key, "").splitlines() if p.strip()]
        if points:
            lines.append(f"{title}: " + "; ".join(points))
    return "\n".join(lines) or "(write your goals on the Reflection screen)"


def default_agreement(mentorship: Mentorship, answers: Mapping[str, str]) -> dict[str, str]:
    """Every section, pre-filled from the reflection answers and the plan."""
    first = month_of(mentorship.first, 1)
    last = month_of(mentorship.first, mentorship.months)
    middle = month_of(mentorship.first, max(1, (mentorship.months + 1) // 2))
    rule = parse_rule(mentorship.rule).describe()
    weekdays = ", on a weekday" if mentorship.weekdays_only else ""
    where = mentorship.location or "(a place or a video link)"
    return {
        "goals": _goals(answers),
        "term": (f"{plural(mentorship.months, 'month')}, from {first.format('MMMM YYYY')} "
                 f"to {last.format('MMMM YYYY')}."),
        "cadence": (f"Once a month, {rule}{weekdays}, at {mentorship.time} "
                    f"({mentorship.timezone}), for {mentorship.duration_minutes} minutes. "
                    "Whoever cannot make it says so as early as possible and proposes "
                    "another date the same month."),
        "meeting": f"Where: {where}. I send the agenda a few days before and share the action items after.",
        "confidentiality": ("What we discuss stays between us, unless we both agree to share it."),
        "check_in": (f"In {middle.format('MMMM YYYY')}, halfway through: is this working for "
                     "both of us, and what should change?"),
        "ending": ("Either of us can end the mentorship at any time, with a short note and no "
                   "hard feelings; otherwise it ends after the last meeting, with a review."),
    }


def agreement_of(mentorship: Mentorship, answers: Mapping[str, str]) -> dict[str, str]:
    """What the mentee wrote, and the pre-filled text for any section left unwritten."""
    defaults = default_agreement(mentorship, answers)
    return {key: mentorship.agreement.get(key, "").strip() or defaults[key]
            for key in SECTION_KEYS}


def agreement_markdown(mentorships: list[Mentorship], answers: Mapping[str, str],
                       now: arrow.Arrow, mentee: str = "") -> str:
    """Every mentorship's agreement as markdown, ready to share with the mentor."""
    if not mentorships:
        return "# Mentoring agreement\n\nNo mentorship yet: move a mentor's card to agreed.\n"
    parts = []
    for mentorship in mentorships:
        sections = agreement_of(mentorship, answers)
        state = "" if mentorship.active else " (ended)"
        between = f"between {mentee} and {mentorship.mentor}" if mentee else \
            f"with {mentorship.mentor}"
        lines = [f"# Mentoring agreement {between}{state}", "",
                 f"_Written {now.format('D MMMM YYYY')}._", ""]
        for key, title in AGREEMENT_SECTIONS:
            lines += [f"## {title}", "", sections[key].replace("\n", "  \n"), ""]
        parts.append("\n".join(lines))
    return "\n".join(parts)


__all__ = ["SECTION_KEYS", "agreement_markdown", "agreement_of", "default_agreement"]
