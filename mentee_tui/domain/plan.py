"""Where a mentorship stands today: the month of the term and the next meeting (pure)."""

from __future__ import annotations

from collections.abc import Iterable

import arrow

from mentee_tui.domain.schedule import month_of
from mentee_tui.domain.stages import parse_instant
from mentee_tui.domain.text import plural
from mentee_tui.model import Meeting, Mentorship


def current_number(mentorship: Mentorship, now: arrow.Arrow) -> int | None:
    """The meeting number whose month is this month (in the mentorship's zone), if any."""
    local = now.to(mentorship.timezone)
    for number in range(1, mentorship.months + 1):
        month = month_of(mentorship.first, number)
        if (month.year, month.month) == (local.year, local.month):
            return number
    return None


def next_meeting(meetings: Iterable[Meeting], now: arrow.Arrow) -> Meeting | None:
    soonest: tuple[arrow.Arrow, Meeting] | None = None
    for meeting in meetings:
        if meeting.upcoming:
            start = parse_instant(meeting.start)  # once per meeting
            if start >= now and (soonest is None or start < soonest[0]):
                soonest = (start, meeting)
    return soonest[1] if soonest else None


def humanize_meeting(start: arrow.Arrow, now: arrow.Arrow, zone: str) -> str:
    """"today at 09:00", "tomorrow at 09:00", else arrow's "in 3 days" counted in calendar days."""
    start, now = start.to(zone), now.to(zone)
    days = (start.date() - now.date()).days
    if days == 0:
        return f"today at {start.format('HH:mm')}"
    if days == 1:
        return f"tomorrow at {start.format('HH:mm')}"
    if abs(days) <= 45:  # arrow alone would round 9 days to "in a week", 18 to "in a month"
        return start.floor("day").humanize(now.floor("day"), granularity="day")
    return start.floor("day").humanize(now.floor("day"))


def plan_summary(mentorships: list[Mentorship], meetings: list[Meeting],
                 now: arrow.Arrow) -> str | None:
    """Home's Plan line, e.g. "Priya Raman · month 2 of 12 · next meeting in 3 days"."""
    if not mentorships:
        return None
    active = [m for m in mentorships if m.active]
    if not active:
        last = mentorships[-1]
        return f"{last.mentor} · mentorship ended · move a new mentor to agreed to plan another"
    parts: list[str] = []
    # A mentorship ended early beside one under way: said too, after the ones under way.
    ended = [f"{m.mentor} · mentorship ended" for m in mentorships
             if not m.active and m.candidate_id not in {a.candidate_id for a in active}]
    for mentorship in active:
        mine = [m for m in meetings if m.mentorship_id == mentorship.id]
        number = current_number(mentorship, now)
        first = month_of(mentorship.first, 1)
        if number is not None:
            where = f"month {number} of {mentorship.months}"
        elif now.to(mentorship.timezone) < first:
            where = f"{mentorship.months}-month term starts {first.format('MMMM YYYY')}"
        else:
            where = f"all {plural(mentorship.months, 'month')} done"
        coming = next_meeting(mine, now)
        when = "no meeting planned"
        if coming is not None:
            start = parse_instant(coming.start)
            when = f"next meeting {humanize_meeting(start, now, mentorship.timezone)}"
        parts.append(f"{mentorship.mentor} · {where} · {when}")
    return " | ".join(parts + ended)


def open_actions(meetings: Iterable[Meeting], before: Meeting) -> list[str]:
    """The texts of the action items still open (not ticked done) from the meetings of
    `before`'s mentorship that come before it, oldest first (what the next meeting's agenda
    and Home list)."""
    earlier = [m for m in meetings
               if m.mentorship_id == before.mentorship_id and m.number < before.number]
    return [item.text for meeting in sorted(earlier, key=lambda m: m.number)
            for item in meeting.actions if not item.done]


__all__ = ["current_number", "humanize_meeting", "next_meeting", "open_actions", "plan_summary"]
