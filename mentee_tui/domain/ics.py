"""Export meetings as iCalendar (.ics) with icalendar.

Each meeting keeps its UID for life and its SEQUENCE grows with every change, so
importing the file again into a calendar app updates the events instead of
duplicating them. Times carry a TZID whose VTIMEZONE is included; a mentorship kept
in UTC is written in the UTC form (`…T090000Z`), since RFC 5545 3.3.5 forbids a TZID on
UTC times.

A meeting that a shorter plan or an early end took away is still exported, CANCELLED with
a higher SEQUENCE, so a calendar that imported an earlier file drops it on the next import
instead of keeping a ghost. A plan extended again revives the same meetings (the same
UIDs; see `storage.calendar`), so a day never gets a second live event.

Privacy: DESCRIPTION holds the agenda only. The notes, the action items and the ones carried
over from earlier meetings go in only with `with_notes` (`export ics --with-notes`): a file
imported into a work calendar, or an invite forwarded, shares what DESCRIPTION holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vCalAddress, vText

from mentee_tui import __version__
from mentee_tui.domain.agenda import carry_over
from mentee_tui.domain.stages import parse_instant
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


@dataclass(frozen=True, slots=True)
class IcsOptions:
    """What goes into the file besides the meetings themselves."""

    with_notes: bool = False  # notes and action items in DESCRIPTION
    reminder_minutes: int | None = 24 * 60  # the VALARM's lead time; None: no alarm
    organizer: str = ""  # the mentee's email (settings)
    mentor_emails: Mapping[int, str] = field(default_factory=dict)  # mentorship id → email
    mentee_name: str = ""


def _description(meeting: Meeting, carried: str, with_notes: bool) -> str:
    parts = []
    if meeting.agenda:
        parts.append("Agenda:\n" + meeting.agenda)
    if with_notes:
        if carried:
            parts.append(carried)
        if meeting.notes:
            parts.append("Notes:\n" + meeting.notes)
        if meeting.actions:
            parts.append("Action items:\n" + "\n".join(
                f"- [{'x' if item.done else ' '}] {item.text}" for item in meeting.actions))
    parts.append(f"Status: {meeting.status}")
    return "\n\n".join(parts)


def _address(email: str, name: str = "") -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    return address


def meeting_event(meeting: Meeting, mentorship: Mentorship, months: int,
                  options: IcsOptions | None = None, carried: str = "") -> Event:
    options = options or IcsOptions()
    zone = ZoneInfo(mentorship.timezone)
    start = parse_instant(meeting.start).to(zone).datetime
    event = Event()
    event.add("uid", meeting.uid)
    # With no METHOD, DTSTAMP is when the event was last changed (RFC 5545 3.8.7.2).
    event.add("dtstamp", parse_instant(meeting.updated_at or meeting.start).to("UTC").datetime)
    event.add("sequence", meeting.sequence)
    count = f"{meeting.number}/{months}" if meeting.number <= months else "no longer planned"
    event.add("summary", f"Mentoring with {meeting.mentor} ({count})")
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=meeting.duration_minutes))
    status = ICS_STATUS.get(meeting.status, "CONFIRMED")
    if meeting.number > mentorship.months:
        status = "CANCELLED"  # taken away by a shorter plan
    event.add("status", status)
    event.add("description", _description(meeting, carried, options.with_notes))
    event.add("categories", ["Mentoring"])
    where = meeting.location or mentorship.location
    if where:
        event.add("location", where)
        if where.startswith(("https://", "http://")):
            event.add("url", where)
    if options.organizer:
        event.add("organizer", _address(options.organizer, options.mentee_name))
    mentor_email = options.mentor_emails.get(mentorship.id, "")
    if mentor_email:
        attendee = _address(mentor_email, meeting.mentor)
        attendee.params["ROLE"] = vText("REQ-PARTICIPANT")
        event.add("attendee", attendee)
    if options.reminder_minutes is not None and status != "CANCELLED":
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Mentoring with {meeting.mentor}")
        alarm.add("trigger", timedelta(minutes=-options.reminder_minutes))
        event.add_component(alarm)
    return event


def build_calendar(mentorships: Iterable[Mentorship], meetings: Iterable[Meeting],
                   options: IcsOptions | None = None) -> Calendar:
    """`meetings` should include those a shorter plan took away (numbers past the term):
    they are exported cancelled."""
    options = options or IcsOptions()
    by_id = {m.id: m for m in mentorships}
    meetings = list(meetings)
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
        carried = carry_over(meetings, meeting) if options.with_notes else ""
        cal.add_component(meeting_event(meeting, mentorship, mentorship.months, options,
                                        carried))
        starts.append(parse_instant(meeting.start).date())
    if starts:
        # Only the years the meetings span: the VTIMEZONE stays short and quick to build.
        cal.add_missing_timezones(
            first_date=date(min(starts).year - 1, 1, 1), last_date=date(max(starts).year + 2, 1, 1)
        )
    return cal


def export_ics(mentorships: Iterable[Mentorship], meetings: Iterable[Meeting],
               options: IcsOptions | None = None) -> str:
    return build_calendar(mentorships, meetings, options).to_ical().decode("utf-8")


__all__ = ["ICS_STATUS", "IcsOptions", "build_calendar", "export_ics", "meeting_event"]
