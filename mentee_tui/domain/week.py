"""Home's "this week": what to do now, from stored records (pure).

Follow-ups due, by name, oldest first; cards waiting for a first message; the next meeting
with its agenda and the action items still open from the ones before; and after a decline,
with no other conversation going, "keep reaching out" (with the referral, if one was given).
`mentee-tui today` prints the same items.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import arrow

from mentee_tui.domain.plan import humanize_meeting, next_meeting, open_actions
from mentee_tui.domain.stages import (
    FOLLOW_UP_STAGES,
    last_touch_at,
    parse_instant,
    quiet_for,
    stage_since_at,
)
from mentee_tui.domain.text import clean_text, plural
from mentee_tui.model import Candidate, Meeting, Mentorship, Settings

CONVERSATION_STAGES = frozenset({"contacted", "coffee", "asked", "agreed"})
MAX_AGENDA_LINES = 3
MAX_ACTIONS = 3


@dataclass(frozen=True, slots=True)
class WeekItem:
    """One thing to do. `kind`: follow_up | first_message | meeting | keep_reaching_out."""

    kind: str
    text: str
    candidate_id: int | None = None  # the card `f` and `m` act on
    meeting_id: int | None = None
    details: tuple[str, ...] = field(default_factory=tuple)  # lines under it (agenda, actions)

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "text": self.text, "candidate_id": self.candidate_id,
                "meeting_id": self.meeting_id, "details": list(self.details)}


def _name(candidate: Candidate) -> str:
    """"Ada Byron (Analytical)", with the card's ⚠ when the guidance warns against them."""
    name = clean_text(candidate.name).strip()
    org = clean_text(candidate.organization).strip()
    shown = f"{name} ({org})" if org else name
    return f"{shown} ⚠" if candidate.has_warning else shown


def _points(text: str, limit: int) -> list[str]:
    lines = [line.strip(" -*•·\t") for line in clean_text(text, multiline=True).splitlines()]
    return [line for line in lines if line][:limit]


def week_items(
    *,
    candidates: Sequence[Candidate],
    settings: Settings,
    now: arrow.Arrow,
    mentorships: Sequence[Mentorship] = (),
    meetings: Sequence[Meeting] = (),
) -> list[WeekItem]:
    items: list[WeekItem] = []
    # Each card's times are read once, as datetimes: Home builds this for 10,000 cards.
    moment, follow_up_days = now.datetime, settings.follow_up_days
    due = [(touched, c.id, c) for c in candidates if c.stage in FOLLOW_UP_STAGES
           and quiet_for(touched := last_touch_at(c), moment, follow_up_days)]
    for touched, _id, candidate in sorted(due, key=lambda t: t[:2]):
        items.append(WeekItem(
            "follow_up", f"Follow up: {_name(candidate)} · {candidate.stage} · quiet for "
            f"{plural((moment - touched).days, 'day')}", candidate.id))
    waiting = [(stage_since_at(c), c.id, c) for c in candidates if c.stage == "researched"]
    for since, _id, candidate in sorted(waiting, key=lambda t: t[:2]):
        items.append(WeekItem(
            "first_message", f"Write to {_name(candidate)} · coffee request · waiting "
            f"{plural(max(0, (moment - since).days), 'day')}", candidate.id))
    items.extend(_next_meetings(mentorships, meetings, now))
    declined = [c for c in candidates if c.stage == "declined"]
    if declined and not any(c.stage in CONVERSATION_STAGES for c in candidates):
        last = max(declined, key=lambda c: (stage_since_at(c), c.id))
        referral = next((c for c in reversed(candidates) if c.referred_by == last.id
                         and c.stage not in ("declined",)), None)
        if referral is not None:
            text = (f"Keep reaching out: {clean_text(last.name).strip()} suggested "
                    f"{_name(referral)}")
            items.append(WeekItem("keep_reaching_out", text, referral.id))
        else:
            text = (f"Keep reaching out: {clean_text(last.name).strip()} said no, which is "
                    "normal; add someone new on the tracker (3, then n)")
            items.append(WeekItem("keep_reaching_out", text, last.id))
    return items


def _next_meetings(mentorships: Sequence[Mentorship], meetings: Sequence[Meeting],
                   now: arrow.Arrow) -> list[WeekItem]:
    items: list[WeekItem] = []
    for mentorship in mentorships:
        if not mentorship.active:
            continue
        mine = [m for m in meetings if m.mentorship_id == mentorship.id]
        coming = next_meeting(mine, now)
        if coming is None:
            continue
        start = parse_instant(coming.start).to(mentorship.timezone)
        when = humanize_meeting(start, now, mentorship.timezone)
        text = (f"Meeting {coming.number} with {clean_text(mentorship.mentor).strip()} · "
                f"{start.format('ddd D MMM HH:mm')} ({when})")
        agenda = _points(coming.agenda, MAX_AGENDA_LINES)
        details = [f"agenda: {' · '.join(agenda)}"] if agenda else []
        actions = open_actions(mine, coming)
        details += [f"open: {clean_text(a).strip()}" for a in actions[:MAX_ACTIONS]]
        if len(actions) > MAX_ACTIONS:
            details.append(f"open: …and {len(actions) - MAX_ACTIONS} more")
        items.append(WeekItem("meeting", text, mentorship.candidate_id, coming.id,
                              tuple(details)))
    return items


def today_text(items: Sequence[WeekItem]) -> str:
    """The plain text `mentee-tui today` prints."""
    if not items:
        return "Nothing due this week. Run mentee-tui to reflect, research and reach out.\n"
    lines: list[str] = []
    for item in items:
        lines.append(f"- {item.text}")
        lines.extend(f"    {detail}" for detail in item.details)
    return "\n".join(lines) + "\n"


__all__ = ["CONVERSATION_STAGES", "WeekItem", "today_text", "week_items"]
