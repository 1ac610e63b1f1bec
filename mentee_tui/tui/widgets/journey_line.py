"""How a step of the journey reads on Home: a tick or a dot, its number, title and summary."""

from __future__ import annotations

import textwrap

from rich.text import Text

from mentee_tui.domain.journey import JourneyStep


def journey_line(step: JourneyStep, width: int | None = None) -> Text:
    """User text (a mentor's name) goes in as plain Text, never markup.

    With `width`, a long summary wraps under itself, not under the step's number.
    """
    mark = "✓" if step.done else "·"
    head = f" {mark} {step.number}. {step.title:<11}"
    summary = step.summary
    room = (width or 0) - len(head)
    if width and room >= 12 and len(summary) > room:
        summary = ("\n" + " " * len(head)).join(
            textwrap.wrap(summary, room, break_on_hyphens=False))
    line = Text()
    line.append(head, style="bold")
    line.append(summary)
    return line


__all__ = ["journey_line"]
