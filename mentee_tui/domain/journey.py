"""The five steps of the Home screen, computed from stored records.

Once a mentor agreed (a card in agreed, or a mentorship, even one that has ended), every
step before Plan is ticked: the mentee has been through them all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import arrow

from mentee_tui.domain.plan import plan_summary
from mentee_tui.domain.reflection import PROMPT_KEYS, answered_count
from mentee_tui.domain.stages import follow_up_due
from mentee_tui.domain.text import plural
from mentee_tui.model import Candidate, Meeting, Mentorship, Reflection, Settings


@dataclass(frozen=True, slots=True)
class JourneyStep:
    """One line of Home (the screen draws it: `tui.widgets.journey_line`)."""

    number: int
    title: str
    summary: str
    mode: str  # the screen it jumps to
    empty: bool  # nothing done for this step yet
    done: bool = False


def journey_steps(
    *,
    candidates: list[Candidate],
    reflections: Mapping[str, Reflection],
    settings: Settings,
    now: arrow.Arrow,
    mentorships: Sequence[Mentorship] = (),
    meetings: Sequence[Meeting] = (),
) -> list[JourneyStep]:
    """Each step's line, from every record the journey depends on."""
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
    passed = bool(agreed or mentorships)  # a mentor said yes: steps 1-4 are behind
    reflect, research, reach, ask = (replace(step, done=step.done or passed)
                                     for step in (reflect, research, reach, ask))
    plan_line = plan_summary(list(mentorships), list(meetings), now)
    if plan_line:
        plan_text = plan_line
    elif agreed:
        names = ", ".join(c.name for c in agreed)
        plan_text = f"{names} agreed — plan your first meeting"
    else:
        plan_text = "no mentor has agreed yet"
    plan = JourneyStep(5, "Plan", plan_text, "calendar", empty=not passed, done=passed)
    return [reflect, research, reach, ask, plan]
