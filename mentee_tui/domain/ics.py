"""Export meetings as iCalendar (.ics) with icalendar.

Each meeting keeps its UID for life and its SEQUENCE grows with every change, so
importing the file again into a calendar app updates the events instead of
duplicating them. Times carry a TZID whose VTIMEZONE is included; a mentorship kept
in UTC is written in the UTC form (`…T090000Z`), since RFC 5545 3.3.5 forbids a TZID on
UTC times.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import arrow
from icalendar import Calendar, Event

from mentee_tui import __version__
from mentee_tui.model import Meeting, Mentorship

PRODID = f"-//mentee-tui//mentee-tui {__version__}//EN"
# iCalendar STATUS of a VEVENT: TENTATIVE, CONFIRMED or CANCELLED.
ICS_STATUS = {
    "planned": "CONFIRMED",
    "moved": "CONFIRMED",
    "done": "CONFIRMED",
    "skipped": "CANCELLED",
    "cancelled": "CANCELLED",
}


def _description(meeting: Meeting) -> str:
    parts = []
    if meeting.agenda:
        parts.append("Agenda:\n" + meeting.agenda)
    if meeting.notes:
        parts.append("Notes:\n" + meeting.notes)
    if meeting.actions:
        parts.append("Action items:\n" + "\n".join(f"- {a}" for a in meeting.actions))
    parts.append(f"Status: {meeting.status}")
    return "\n\n".join(parts)


def meeting_event(meeting: Meeting, mentorship: Mentorship, months: int) -> Event:
    zone = ZoneInfo(mentorship.timezone)
    start = arrow.get(meeting.start).to(zone).datetime
    event = Event()
    event.add("uid", meeting.uid)
    # With no METHOD, DTSTAMP is when the event was last changed (RFC 5545 3.8.7.2).
    event.add("dtstamp", arrow.get(meeting.updated_at or meeting.start).to("UTC").datetime)
    event.add("sequence", meeting.sequence)
    event.add("summary", f"Mentoring with {meeting.mentor} ({meeting.number}/{months})")
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=meeting.duration_minutes))
    event.add("status", ICS_STATUS.get(meeting.status, "CONFIRMED"))
    event.add("description", _description(meeting))
    event.add("categories", ["Mentoring"])
    return event


def build_calendar(mentorships: Iterable[Mentorship], meetings: Iterable[Meeting]) -> Calendar:
    by_id = {m.id: m for m in mentorships}
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Mentoring")
    starts: list[date] = []
    for meeting in meetings:
        mentorship = by_id.get(meeting.mentorship_id)
        if mentorship is None:
            continue
        cal.add_component(meeting_event(meeting, mentorship, mentorship.months))
        starts.append(arrow.get(meeting.start).date())
    if starts:
        # Only the years the meetings span: the VTIMEZONE stays short and quick to build.
        cal.add_missing_timezones(
            first_date=date(min(starts).year - 1, 1, 1), last_date=date(max(starts).year + 2, 1, 1)
        )
    return cal


def export_ics(mentorships: Iterable[Mentorship], meetings: Iterable[Meeting]) -> str:
    return build_calendar(mentorships, meetings).to_ical().decode("utf-8")


__all__ = ["ICS_STATUS", "build_calendar", "export_ics", "meeting_event"]
