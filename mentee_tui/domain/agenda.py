"""A starting agenda for each meeting, seeded from the mentee's reflection answers.

Meeting 1 is a first-meeting outline (introductions, what I hope to achieve, how we will
work, goals for the term, next steps); the last one reviews the term; the ones between
take the reflection prompts in turn, so every goal gets a meeting of its own. The action
items still open from earlier meetings go on top of a meeting's agenda when it is shown or
exported (`agenda_with_carry_over`): they are computed, never copied, so ticking one off
takes it off every later agenda.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mentee_tui.domain.plan import open_actions
from mentee_tui.domain.reflection import prompt_by_key
from mentee_tui.model import Meeting

# The prompts a monthly meeting can focus on, in the order they come round.
FOCUS_KEYS: tuple[str, ...] = ("career_goals", "skills", "org_knowledge", "partnerships")
MAX_POINTS = 3
CARRY_OVER_TITLE = "Open action items from earlier meetings:"
# The line agendas seeded before items carried over said in their place.
OLD_PLACEHOLDER = "- Action items from last time"


def _points(text: str) -> list[str]:
    lines = [line.strip(" -*•\t") for line in text.splitlines()]
    return [line for line in lines if line][:MAX_POINTS]


def _first_meeting(answers: Mapping[str, str], months: int) -> list[str]:
    lines = ["- Introductions: who we are, why I asked you"]
    hopes = [*_points(answers.get("career_goals", "")), *_points(answers.get("skills", ""))]
    lines.append("- What I hope to achieve:" if hopes else
                 "- What I hope to achieve (write it on the Reflection screen)")
    lines.extend(f"  · {point}" for point in hopes[:MAX_POINTS])
    term = "a month" if months == 1 else f"{months} months"
    lines += [
        "- How we will work:",
        f"  · cadence: monthly, for {term}",
        "  · preparation: I send an agenda a few days before",
        "  · notes: I keep them and share the action items",
        "  · rescheduling: ask as early as we can, and pick a new date together",
        "  · confidentiality: what we say stays between us",
        "- Goals for the term: what success looks like at the end",
        "- Next steps: the mentoring agreement, and the date of meeting 2",
    ]
    return lines


def _review(answers: Mapping[str, str]) -> list[str]:
    goals = _points(answers.get("career_goals", ""))
    lines = ["- Review of the term:", "  · my goals then:"]
    lines += [f"    · {point}" for point in goals] or ["    · (the goals from the Reflection screen)"]
    lines += [
        "  · my goals now",
        "  · what helped most, and what did not",
        "  · what comes next",
        "- Thank you, and how we stay in touch",
    ]
    return lines


def seed_agenda(answers: Mapping[str, str], number: int, months: int) -> str:
    """Plain text, one point a line; `answers` maps prompt keys to the answer's text."""
    if number == 1:
        return "\n".join(_first_meeting(answers, months))
    if number == months:
        return "\n".join(_review(answers))
    lines: list[str] = []
    answered = [key for key in FOCUS_KEYS if answers.get(key, "").strip()]
    if answered:
        key = answered[(number - 2) % len(answered)]
        lines.append(f"- Focus: {prompt_by_key(key).title}")
        lines.extend(f"  · {point}" for point in _points(answers[key]))
    else:
        lines.append("- Focus: (write down your goals on the Reflection screen)")
    lines.append("- Next steps and action items")
    return "\n".join(lines)


def carry_over(meetings: Iterable[Meeting], meeting: Meeting) -> str:
    """The open items of the earlier meetings as an agenda block, or ""."""
    items = open_actions(meetings, meeting)
    if not items:
        return ""
    return "\n".join([CARRY_OVER_TITLE, *(f"- [ ] {item}" for item in items)])


def agenda_with_carry_over(meetings: Iterable[Meeting], meeting: Meeting) -> str:
    """The meeting's agenda with the open items of the earlier meetings on top (an older
    agenda's "Action items from last time" line gives way to them)."""
    block = carry_over(meetings, meeting)
    agenda = meeting.agenda
    lines = agenda.splitlines()
    if lines and lines[0].strip() == OLD_PLACEHOLDER:
        agenda = "\n".join(lines[1:]) if block else agenda
    return "\n".join(part for part in (block, agenda) if part)


__all__ = ["CARRY_OVER_TITLE", "FOCUS_KEYS", "agenda_with_carry_over", "carry_over",
           "seed_agenda"]
