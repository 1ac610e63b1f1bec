"""A starting agenda for each meeting, seeded from the mentee's reflection answers.

The first meeting sets expectations, the last one looks back; the ones between
take the reflection prompts in turn, so every goal gets a meeting of its own.
"""

from __future__ import annotations

from collections.abc import Mapping

from mentee_tui.domain.reflection import prompt_by_key

# The prompts a monthly meeting can focus on, in the order they come round.
FOCUS_KEYS: tuple[str, ...] = ("career_goals", "skills", "org_knowledge", "partnerships")
MAX_POINTS = 3


def _points(text: str) -> list[str]:
    lines = [line.strip(" -*•\t") for line in text.splitlines()]
    return [line for line in lines if line][:MAX_POINTS]


def seed_agenda(answers: Mapping[str, str], number: int, months: int) -> str:
    """Plain text, one point a line; `answers` maps prompt keys to the answer's text."""
    lines: list[str] = []
    if number == 1:
        lines.append("- Introductions: why I asked you, what I hope to learn")
        lines.append("- Agree how we work: monthly, confidential, what to prepare")
        goals = _points(answers.get("career_goals", ""))
        if goals:
            lines.append("- My goals:")
            lines.extend(f"  · {point}" for point in goals)
        return "\n".join(lines)
    lines.append("- Action items from last time")
    if number == months:
        lines.append("- Look back over the year: what changed, what comes next")
        lines.append("- Thank you, and how we stay in touch")
        return "\n".join(lines)
    answered = [key for key in FOCUS_KEYS if answers.get(key, "").strip()]
    if answered:
        key = answered[(number - 2) % len(answered)]
        lines.append(f"- Focus: {prompt_by_key(key).title}")
        lines.extend(f"  · {point}" for point in _points(answers[key]))
    else:
        lines.append("- Focus: (write down your goals on the Reflection screen)")
    lines.append("- Next steps and action items")
    return "\n".join(lines)


__all__ = ["FOCUS_KEYS", "seed_agenda"]
