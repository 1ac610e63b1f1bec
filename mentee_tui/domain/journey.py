"""The five steps of the Home screen, computed from stored records."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

import arrow
from rich.text import Text

from mentee_tui.domain.reflection import PROMPT_KEYS, answered_count
from mentee_tui.domain.stages import follow_up_due
from mentee_tui.models import Candidate, Reflection, Settings
from mentee_tui.text import plural


@dataclass(frozen=True, slots=True)
class JourneyStep:
    number: int
    title: str
    summary: str
    mode: str  # the screen it jumps to
    empty: bool  # nothing done for this step yet
    done: bool = False

    def render(self, width: int | None = None) -> Text:
        """User text (a mentor's name) goes in as plain Text, never markup.

        With `width`, a long summary wraps under itself, not under the step's number.
        """
        mark = "✓" if self.done else "·"
        head = f" {mark} {self.number}. {self.title:<11}"
        summary = self.summary
        room = (width or 0) - len(head)
        if width and room >= 12 and len(summary) > room:
            summary = ("\n" + " " * len(head)).join(
                textwrap.wrap(summary, room, break_on_hyphens=False))
        line = Text()
        line.append(head, style="bold")
        line.append(summary)
        return line


def journey_steps(
    *,
    candidates: list[Candidate],
    reflections: Mapping[str, Reflection],
    settings: Settings,
    now: arrow.Arrow,
    extras: Mapping[str, str] | None = None,
) -> list[JourneyStep]:
    """`extras` lets later parts (the calendar) supply a step's summary, e.g. {"plan": ...}."""
    extras = extras or {}
    by_stage: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_stage.setdefault(candidate.stage, []).append(candidate)

    def count(stage: str) -> int:
        return len(by_stage.get(stage, []))

    answered = answered_count({k: r.text for k, r in reflections.items()})
    reflect = JourneyStep(
        1, "Reflect", f"{answered} of {len(PROMPT_KEYS)} prompts answered", "reflection",
        empty=answered == 0, done=answered == len(PROMPT_KEYS),
    )

    warned = sum(1 for c in candidates if c.has_warning)
    research_text = f"{plural(len(candidates), 'candidate')} found"
    if warned:
        research_text += f" · ⚠ {warned} flagged"
    research = JourneyStep(2, "Research", research_text, "tracker", empty=not candidates,
                           done=bool(candidates))

    due = sum(1 for c in candidates if follow_up_due(c, now, settings.follow_up_days))
    reach_text = f"{count('contacted')} contacted · {count('coffee')} coffee"
    reach_text += f" · {plural(due, 'follow-up')} due" if due else " · no follow-up due"
    reach = JourneyStep(3, "Reach out", reach_text, "tracker",
                        empty=not (count("contacted") or count("coffee")))

    ask_text = f"{count('asked')} asked · {count('declined')} declined"
    if count("declined"):
        ask_text += " · a no is normal, keep going"
    ask = JourneyStep(4, "Ask", ask_text, "tracker",
                      empty=not (count("asked") or count("declined")))

    agreed = by_stage.get("agreed", [])
    if "plan" in extras:
        plan_text = extras["plan"]
    elif agreed:
        names = ", ".join(c.name for c in agreed)
        plan_text = f"{names} agreed — plan your first meeting"
    else:
        plan_text = "no mentor has agreed yet"
    plan = JourneyStep(5, "Plan", plan_text, "calendar", empty=not agreed, done=bool(agreed))
    return [reflect, research, reach, ask, plan]
