"""The .ics export read back through icalendar's own parser."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from mentee_tui.domain.ics import IcsOptions, export_ics
from mentee_tui.model import ActionItem, CandidateInput, MeetingEdit, MentorshipSetup

SETUP = MentorshipSetup(months=12, rule="last-fri", first="2027-01-04", time="17:30",
                        duration=45, timezone="America/New_York")


@pytest.fixture
def agreed(store):
    candidate = store.candidates.add(CandidateInput(name="Grace [bold]Hopper[/]"), stage="asked")
    return store.tracker.agree(candidate.id, SETUP)


def parse(store) -> Calendar:
    return Calendar.from_ical(export_ics(store.calendar.mentorships(), store.calendar.meetings()))


def test_round_trip_has_one_event_per_meeting_with_tzid_and_vtimezone(store, agreed):
    cal = parse(store)
    events = cal.walk("VEVENT")
    assert len(events) == 12
    assert [tz.tz_name for tz in cal.timezones] == ["America/New_York"]
    assert cal.get_missing_tzids() == set()
    first = events[0]
    assert first["DTSTART"].params["TZID"] == "America/New_York"
    start = first.decoded("DTSTART")
    assert start == datetime(2027, 1, 29, 17, 30, tzinfo=ZoneInfo("America/New_York"))
    assert first.decoded("DTEND") - start == timedelta(minutes=45)
    assert str(first["SUMMARY"]) == "Mentoring with Grace [bold]Hopper[/] (1/12)"
    assert first.decoded("DTSTAMP").tzinfo is not None
    assert int(first["SEQUENCE"]) == 0
    # After the March DST change the wall-clock time stays 17:30.
    assert events[3].decoded("DTSTART").strftime("%Y-%m-%d %H:%M %z") == "2027-04-30 17:30 -0400"


def test_uids_are_stable_and_unique_across_exports(store, agreed):
    first = [str(e["UID"]) for e in parse(store).walk("VEVENT")]
    second = [str(e["UID"]) for e in parse(store).walk("VEVENT")]
    assert first == second and len(set(first)) == 12
    assert export_ics(store.calendar.mentorships(), store.calendar.meetings()) == export_ics(
        store.calendar.mentorships(), store.calendar.meetings())


def test_sequence_bumps_after_a_change_and_the_uid_stays(store, agreed):
    meeting = store.calendar.meetings()[2]
    store.calendar.update_meeting(meeting.id, MeetingEdit(
        start="2027-03-24T12:00:00-04:00", duration_minutes=60, status="planned",
        agenda=meeting.agenda, notes="", actions=[ActionItem("send the slides")]))
    events = parse(store).walk("VEVENT")
    changed = events[2]
    assert str(changed["UID"]) == meeting.uid
    assert int(changed["SEQUENCE"]) == 1
    new_york = ZoneInfo("America/New_York")
    assert changed.decoded("DTSTART") == datetime(2027, 3, 24, 12, tzinfo=new_york)
    assert "send the slides" not in str(changed["DESCRIPTION"])  # private by default
    assert [int(e["SEQUENCE"]) for i, e in enumerate(events) if i != 2] == [0] * 11


def test_an_ended_mentorship_exports_cancelled_events(store, agreed):
    store.calendar.end(agreed.id)
    statuses = {str(e["STATUS"]) for e in parse(store).walk("VEVENT")}
    assert statuses == {"CANCELLED"}
    assert all(int(e["SEQUENCE"]) == 1 for e in parse(store).walk("VEVENT"))


def test_no_meetings_is_still_a_valid_calendar(store):
    cal = parse(store)
    assert cal.walk("VEVENT") == [] and str(cal["VERSION"]) == "2.0"


def test_a_utc_mentorship_uses_the_utc_form_that_rfc_5545_asks_for(store):
    candidate = store.candidates.add(CandidateInput(name="Ada"), stage="asked")
    store.tracker.agree(candidate.id, MentorshipSetup(
        months=2, rule="same-day", first="2027-01-05", time="09:00", duration=60,
        timezone="UTC"))
    text = export_ics(store.calendar.mentorships(), store.calendar.meetings())
    assert "DTSTART:20270105T090000Z" in text and "TZID" not in text
    cal = Calendar.from_ical(text)
    assert cal.get_missing_tzids() == set()
    starts = [e.decoded("DTSTART") for e in cal.walk("VEVENT")]
    assert [s.isoformat() for s in starts] == ["2027-01-05T09:00:00+00:00",
                                               "2027-02-05T09:00:00+00:00"]


def test_description_is_the_agenda_only_unless_with_notes(store, agreed):
    first, second = store.calendar.meetings()[:2]
    store.calendar.update_meeting(first.id, MeetingEdit(
        start=first.start, duration_minutes=60, status="done", agenda="Talk about goals",
        notes="She suggested shadowing a budget review",
        actions=[ActionItem("read the book"), ActionItem("call Sam", done=True)]))
    meetings = store.calendar.meetings()
    plain = export_ics(store.calendar.mentorships(), meetings)
    assert "Talk about goals" in plain
    for private in ("shadowing", "read the book", "call Sam"):
        assert private not in plain
    full = Calendar.from_ical(export_ics(store.calendar.mentorships(), meetings,
                                         IcsOptions(with_notes=True)))
    one, two = (str(e["DESCRIPTION"]) for e in full.walk("VEVENT")[:2])
    assert "shadowing a budget review" in one and "- [x] call Sam" in one
    assert "- [ ] read the book" in one
    # Meeting 2 carries meeting 1's open item on top of its agenda, not the ticked one.
    assert "Open action items from earlier meetings:\n- [ ] read the book" in two
    assert "call Sam" not in two


def test_alarm_organizer_attendee_and_location(store, agreed):
    mentorship = store.calendar.mentorships()[0]
    store.calendar.reschedule(mentorship.id, replace(
        mentorship.setup(), location="https://meet.example.org/grace"))
    third = store.calendar.meetings()[2]
    store.calendar.update_meeting(third.id, MeetingEdit(
        start=third.start, duration_minutes=45, status="planned", agenda=third.agenda,
        notes="", actions=[], location="Room 4, Main Street"))
    options = IcsOptions(reminder_minutes=24 * 60, organizer="me@example.org",
                         mentor_emails={mentorship.id: "grace@example.org"})
    events = Calendar.from_ical(export_ics(store.calendar.mentorships(),
                                           store.calendar.meetings(), options)).walk("VEVENT")
    first = events[0]
    [alarm] = first.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER") == -timedelta(days=1)
    assert str(first["ORGANIZER"]) == "mailto:me@example.org"
    assert str(first["ATTENDEE"]) == "mailto:grace@example.org"
    assert first["ATTENDEE"].params["CN"] == "Grace [bold]Hopper[/]"
    assert str(first["LOCATION"]) == "https://meet.example.org/grace"
    assert str(first["URL"]) == "https://meet.example.org/grace"
    assert str(events[2]["LOCATION"]) == "Room 4, Main Street"  # the meeting's own
    none = Calendar.from_ical(export_ics(store.calendar.mentorships(), store.calendar.meetings(),
                                         IcsOptions(reminder_minutes=None)))
    assert none.walk("VALARM") == [] and "ORGANIZER" not in none.walk("VEVENT")[0]
    assert "ATTENDEE" not in none.walk("VEVENT")[0]


def test_a_shorter_plan_exports_the_removed_meetings_cancelled_with_a_higher_sequence(
        store, agreed):
    mentorship = store.calendar.mentorships()[0]
    before = {str(e["UID"]): e for e in parse(store).walk("VEVENT")}
    store.calendar.reschedule(mentorship.id, replace(mentorship.setup(), months=6))
    assert len(store.calendar.meetings()) == 6  # the grid, Home and the other exports
    removed = store.calendar.meetings(with_removed=True)[6:]
    assert [m.number for m in removed] == list(range(7, 13))
    text = export_ics(store.calendar.mentorships(), store.calendar.meetings(with_removed=True))
    after = {str(e["UID"]): e for e in Calendar.from_ical(text).walk("VEVENT")}
    assert set(after) == set(before)  # nothing dropped
    for meeting in removed:
        event = after[meeting.uid]
        assert str(event["STATUS"]) == "CANCELLED"
        assert int(event["SEQUENCE"]) > int(before[meeting.uid]["SEQUENCE"])
        assert event.walk("VALARM") == []
    # Extended again: the same UIDs come back, confirmed, once each.
    store.calendar.reschedule(mentorship.id, replace(mentorship.setup(), months=12))
    again = store.calendar.meetings(with_removed=True)
    assert [m.uid for m in again] == [m.uid for m in store.calendar.meetings()]
    assert {m.uid for m in again} == set(before)
    assert {m.status for m in again} == {"planned"}
