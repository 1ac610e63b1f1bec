"""Meeting-day rules and the monthly schedule (pure: no tinydb, no textual).

Every meeting's date is computed from the anchor (the first meeting) with arrow,
never from the previous meeting: stepping month after month from Jan 31 would
drift to Feb 28 → Mar 28, while from the anchor it is Feb 28 → Mar 31.

"Weekdays only": a meeting the rule puts on a Saturday moves to the Friday before and one on
a Sunday to the Monday after, so it stays as close as it can; when that would leave the
month (Saturday the 1st, Sunday the 30th or 31st that ends it) it goes the other way
(Monday the 3rd, the Friday before), so a meeting always stays in its month.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from zoneinfo import ZoneInfo

import arrow

from mentee_tui.domain.timezones import person_zone
from mentee_tui.domain.validate import (
    MAX_MONTHS,
    RULE_HELP,
    InvalidInput,
    check_duration,
    check_location,
    check_months,
    check_time,
    check_timezone,
    parse_date,
    parse_time,
)
from mentee_tui.model import MentorshipSetup, Settings

DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES: tuple[str, ...] = tuple(calendar.day_name)
ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}
_RULE = re.compile(r"^(?:(?P<same>same-day)|(?P<n>[1-4]|last)-(?P<day>[a-z]{3}))$")


@dataclass(frozen=True, slots=True)
class Rule:
    """`same-day`; `nth` 1-4 and a weekday (0 = Monday); or `nth` None for the last weekday."""

    kind: str  # "same-day" | "nth" | "last"
    nth: int | None = None
    weekday: int | None = None

    def __str__(self) -> str:
        return format_rule(self)

    def describe(self) -> str:
        """Plain words for the form and the grid: "2nd Tuesday", "last Friday"."""
        if self.kind == "same-day":
            return "same day of the month"
        assert self.weekday is not None
        day = DAY_NAMES[self.weekday]
        return f"last {day}" if self.kind == "last" else f"{ORDINALS[self.nth or 1]} {day}"


def parse_rule(text: str) -> Rule:
    """`same-day`, `2-tue`, `last-fri` (case-insensitive); InvalidInput with the accepted forms."""
    match = _RULE.match(text.strip().lower())
    if not match or (match["day"] and match["day"] not in DAYS):
        raise InvalidInput(f"unknown meeting rule {text.strip()!r}; use {RULE_HELP}")
    if match["same"]:
        return Rule("same-day")
    weekday = DAYS.index(match["day"])
    if match["n"] == "last":
        return Rule("last", None, weekday)
    return Rule("nth", int(match["n"]), weekday)


def format_rule(rule: Rule) -> str:
    if rule.kind == "same-day":
        return "same-day"
    assert rule.weekday is not None
    prefix = "last" if rule.kind == "last" else str(rule.nth)
    return f"{prefix}-{DAYS[rule.weekday]}"


def day_in_month(rule: Rule, year: int, month: int, anchor_day: int) -> int:
    """The meeting's day of the month under `rule` (same-day is clamped to the month's end)."""
    last_day = calendar.monthrange(year, month)[1]
    if rule.kind == "same-day":
        return min(anchor_day, last_day)
    assert rule.weekday is not None
    if rule.kind == "last":
        last_weekday = date(year, month, last_day).weekday()
        return last_day - (last_weekday - rule.weekday) % 7
    first_weekday = date(year, month, 1).weekday()
    return 1 + (rule.weekday - first_weekday) % 7 + 7 * ((rule.nth or 1) - 1)


def weekday_in_month(year: int, month: int, day: int) -> int:
    """The day itself if it is Monday to Friday, else the nearest weekday of the same month:
    Saturday → the Friday before, Sunday → the Monday after, unless that leaves the month."""
    weekday = date(year, month, day).weekday()
    if weekday < 5:
        return day
    last_day = calendar.monthrange(year, month)[1]
    earlier, later = (day - 1, day + 2) if weekday == 5 else (day - 2, day + 1)
    preferred, other = (earlier, later) if weekday == 5 else (later, earlier)
    return preferred if 1 <= preferred <= last_day else other


def local_time(year: int, month: int, day: int, hour: int, minute: int, zone: str) -> arrow.Arrow:
    """A wall-clock time in an IANA zone. A time skipped by a DST change moves forward
    (02:30 on the spring-forward night becomes 03:30); a repeated one takes its first pass."""
    from dateutil import tz as dateutil_tz  # only when a date is planned or moved

    moment = arrow.Arrow(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))
    dt = moment.datetime
    if not dateutil_tz.datetime_exists(dt):
        dt = dateutil_tz.resolve_imaginary(dt)
    return arrow.Arrow.fromdatetime(dt, tzinfo=dt.tzinfo)


def meeting_start(setup: MentorshipSetup, number: int) -> arrow.Arrow:
    """Meeting `number` (1-based): month `number - 1` after the anchor, from the anchor itself."""
    anchor = parse_date(setup.first)
    rule = parse_rule(setup.rule)
    month = arrow.Arrow(anchor.year, anchor.month, 1).shift(months=number - 1)
    day = day_in_month(rule, month.year, month.month, anchor.day)
    if setup.weekdays_only:
        day = weekday_in_month(month.year, month.month, day)
    hour, minute = parse_time(setup.time)
    return local_time(month.year, month.month, day, hour, minute, setup.timezone)


def schedule_meetings(setup: MentorshipSetup) -> list[arrow.Arrow]:
    """Every meeting of the term, in order."""
    return [meeting_start(setup, n) for n in range(1, setup.months + 1)]


def weekend_meetings(setup: MentorshipSetup) -> list[tuple[int, arrow.Arrow]]:
    """(number, start) of each meeting the plan puts on a Saturday or a Sunday."""
    return [(n, start) for n, start in enumerate(schedule_meetings(setup), start=1)
            if start.weekday() >= 5]


def describe_weekends(setup: MentorshipSetup, limit: int = 3) -> str:
    """"3 meetings fall on a weekend: Sat 12 Jun, Sun 12 Sep, Sat 12 Mar", or ""."""
    found = weekend_meetings(setup)
    if not found:
        return ""
    days = ", ".join(start.format("ddd D MMM") for _n, start in found[:limit])
    more = f" and {len(found) - limit} more" if len(found) > limit else ""
    word = "meeting falls" if len(found) == 1 else "meetings fall"
    return f"{len(found)} {word} on a weekend: {days}{more}"


def month_of(setup_first: str, number: int) -> arrow.Arrow:
    """The calendar month a meeting belongs to (its cell on the grid), whatever its date."""
    anchor = parse_date(setup_first)
    return arrow.Arrow(anchor.year, anchor.month, 1).shift(months=number - 1)


def first_on_or_after(rule: Rule, requested: date) -> date:
    """The first day the rule gives on or after `requested`: the 2nd Tuesday asked for from
    Jan 20 is Feb 9, since Jan 12 has passed. `same-day` keeps the requested day."""
    if rule.kind == "same-day":
        return requested
    day = day_in_month(rule, requested.year, requested.month, requested.day)
    if day >= requested.day:
        return requested.replace(day=day)
    following = arrow.Arrow(requested.year, requested.month, 1).shift(months=1)
    return date(following.year, following.month,
                day_in_month(rule, following.year, following.month, 1))


def check_within_term(first: str, months: int, number: int, local: arrow.Arrow) -> None:
    """A meeting moves within its term, give or take a month (InvalidInput otherwise): a typo
    such as 2020 for 2027 is refused instead of hiding the meeting years away."""
    earliest = month_of(first, 1).shift(months=-1)
    latest = month_of(first, months).shift(months=2)
    if not earliest.date() <= local.date() < latest.date():
        raise InvalidInput(
            f"meeting {number} must stay within the term, give or take a month: between "
            f"{earliest.format('D MMM YYYY')} and {latest.shift(days=-1).format('D MMM YYYY')}"
        )


def validate_setup(setup: MentorshipSetup, *, starting: bool = True) -> MentorshipSetup:
    """A cleaned copy, or InvalidInput with one clear sentence for the form and the command line.

    `starting` (a new mentorship): a weekday rule's first meeting is the first such day on
    or after the date asked for, never before it. A changed plan keeps its anchor month."""
    months = check_months(setup.months)
    rule = format_rule(parse_rule(setup.rule))
    time = check_time(setup.time)
    duration = check_duration(setup.duration)
    zone = check_timezone(setup.timezone, allow_empty=False)
    first = parse_date(setup.first)
    if starting:
        first = first_on_or_after(parse_rule(rule), first)
    weekday = parse_rule(rule).weekday
    weekdays_only = bool(setup.weekdays_only)
    if weekdays_only and weekday is not None and weekday >= 5:
        raise InvalidInput(f"a {parse_rule(rule).describe()} plan cannot be weekdays only: "
                           "pick a weekday, or leave weekdays only off")
    return replace(setup, months=months, rule=rule, time=time, duration=duration,
                   timezone=zone, first=first.isoformat(), weekdays_only=weekdays_only,
                   location=check_location(setup.location))


def default_setup(settings: Settings, now: arrow.Arrow) -> MentorshipSetup:
    """Twelve months, same day of the month, first meeting the same day next month."""
    zone = person_zone(settings)
    first = now.to(zone).shift(months=1).date()
    return MentorshipSetup(
        months=MAX_MONTHS, rule="same-day", first=first.isoformat(),
        time=settings.meeting_time, duration=settings.meeting_duration, timezone=zone,
    )


__all__ = [
    "DAYS",
    "Rule",
    "day_in_month",
    "check_within_term",
    "default_setup",
    "describe_weekends",
    "first_on_or_after",
    "format_rule",
    "local_time",
    "meeting_start",
    "month_of",
    "parse_rule",
    "schedule_meetings",
    "validate_setup",
    "weekday_in_month",
    "weekend_meetings",
]
