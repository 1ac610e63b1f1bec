"""Meeting-day rules: month ends, leap years, DST, parsing and the setup's defaults."""

from __future__ import annotations

import arrow
import pytest

from mentee_tui.domain.agenda import seed_agenda
from mentee_tui.domain.schedule import (
    default_setup,
    format_rule,
    meeting_start,
    parse_rule,
    schedule_meetings,
    validate_setup,
)
from mentee_tui.model import MentorshipSetup, Settings


def dates(setup: MentorshipSetup) -> list[str]:
    return [a.format("YYYY-MM-DD") for a in schedule_meetings(setup)]


def test_same_day_is_computed_from_the_anchor_not_the_previous_month():
    setup = MentorshipSetup(months=4, first="2027-01-31", timezone="UTC")
    assert dates(setup) == ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]


def test_same_day_in_a_leap_year_reaches_the_29th():
    setup = MentorshipSetup(months=3, first="2028-01-30", timezone="UTC")
    assert dates(setup) == ["2028-01-30", "2028-02-29", "2028-03-30"]


def test_a_term_crossing_the_year_end_keeps_the_day():
    setup = MentorshipSetup(months=12, first="2026-12-29", timezone="UTC")
    result = dates(setup)
    assert result[1] == "2027-01-29" and result[2] == "2027-02-28" and result[3] == "2027-03-29"
    assert result[-1] == "2027-11-29"


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("2-tue", ["2026-12-08", "2027-01-12", "2027-02-09"]),
        ("1-mon", ["2026-12-07", "2027-01-04", "2027-02-01"]),
        ("4-sun", ["2026-12-27", "2027-01-24", "2027-02-28"]),
        ("last-fri", ["2026-12-25", "2027-01-29", "2027-02-26"]),
        ("last-thu", ["2026-12-31", "2027-01-28", "2027-02-25"]),
    ],
)
def test_weekday_rules(rule, expected):
    setup = MentorshipSetup(months=3, rule=rule, first="2026-12-15", timezone="UTC")
    assert dates(setup) == expected


def test_last_weekday_in_a_leap_february():
    setup = MentorshipSetup(months=1, rule="last-thu", first="2024-02-01", timezone="UTC")
    assert dates(setup) == ["2024-02-29"]


def test_dst_keeps_the_wall_clock_time_and_changes_the_offset():
    setup = MentorshipSetup(months=12, first="2026-01-15", time="09:00", timezone="Europe/Paris")
    starts = schedule_meetings(setup)
    assert all(a.format("HH:mm") == "09:00" for a in starts)
    assert starts[0].isoformat() == "2026-01-15T09:00:00+01:00"
    assert starts[5].isoformat() == "2026-06-15T09:00:00+02:00"


def test_a_time_skipped_by_the_spring_change_moves_forward():
    setup = MentorshipSetup(months=1, rule="last-sun", first="2026-03-01", time="02:30",
                            timezone="Europe/Paris")
    assert meeting_start(setup, 1).isoformat() == "2026-03-29T03:30:00+02:00"


def test_a_repeated_autumn_time_takes_its_first_pass():
    setup = MentorshipSetup(months=1, rule="last-sun", first="2026-10-01", time="02:30",
                            timezone="Europe/Paris")
    assert meeting_start(setup, 1).isoformat() == "2026-10-25T02:30:00+02:00"


def test_us_zone_has_its_own_dst_dates():
    setup = MentorshipSetup(months=2, rule="2-sun", first="2027-02-01", time="10:00",
                            timezone="America/New_York")
    assert [a.isoformat() for a in schedule_meetings(setup)] == [
        "2027-02-14T10:00:00-05:00",
        "2027-03-14T10:00:00-04:00",
    ]


@pytest.mark.parametrize("text", ["same-day", "2-tue", "last-fri", "4-sun", "1-mon"])
def test_rules_round_trip(text):
    assert format_rule(parse_rule(text)) == text


def test_rules_are_case_insensitive_and_described_in_words():
    assert format_rule(parse_rule(" 2-TUE ")) == "2-tue"
    assert parse_rule("2-tue").describe() == "2nd Tuesday"
    assert parse_rule("last-fri").describe() == "last Friday"


@pytest.mark.parametrize("text", ["5-tue", "0-mon", "2-xyz", "last", "first-mon", "", "same"])
def test_bad_rules_say_what_is_accepted(text):
    with pytest.raises(ValueError, match="2-tue"):
        parse_rule(text)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"months": 13}, "1 to 12"),
        ({"months": 0}, "1 to 12"),
        ({"time": "9am"}, "09:30"),
        ({"time": "24:00"}, "23:59"),
        ({"duration": 2}, "5 to 600"),
        ({"timezone": "Mars/Base"}, "IANA"),
        ({"first": "2027-02-30"}, "real date"),
        ({"rule": "every-day"}, "2-tue"),
    ],
)
def test_validation_messages(change, message):
    setup = MentorshipSetup(first="2027-01-15", timezone="UTC")
    for key, value in change.items():
        setattr(setup, key, value)
    with pytest.raises(ValueError, match=message):
        validate_setup(setup)


def test_validation_normalises():
    setup = validate_setup(MentorshipSetup(months="6", rule="LAST-FRI", first=" 2027-01-15 ",
                                           time="9:05", duration="45", timezone="Europe/Paris"))
    assert (setup.months, setup.rule, setup.first, setup.time, setup.duration) == (
        6, "last-fri", "2027-01-29", "09:05", 45)  # the first last Friday on or after


def test_default_setup_is_same_day_next_month_with_the_settings():
    settings = Settings(meeting_time="08:30", meeting_duration=45, timezone="Asia/Tokyo")
    setup = default_setup(settings, arrow.get("2027-01-31T20:00:00+00:00"))
    # 20:00 UTC on Jan 31 is already Feb 1 in Tokyo: next month is March 1.
    assert (setup.first, setup.time, setup.duration, setup.months, setup.rule) == (
        "2027-03-01", "08:30", 45, 12, "same-day")
    assert setup.timezone == "Asia/Tokyo"


def test_default_setup_uses_the_system_zone_when_the_setting_is_empty():
    setup = default_setup(Settings(), arrow.get("2026-11-26T10:00:00+00:00"))
    assert setup.timezone == "UTC"  # conftest sets TZ=UTC
    assert setup.first == "2026-12-26"


def test_agenda_is_seeded_from_the_reflection():
    answers = {"career_goals": "Lead a team\nWrite strategy", "skills": "Feedback"}
    first = seed_agenda(answers, 1, 12)
    assert "Lead a team" in first and "Introductions" in first
    for point in ("What I hope to achieve", "How we will work", "cadence: monthly, for 12 months",
                  "preparation", "notes:", "rescheduling", "confidentiality",
                  "Goals for the term", "Next steps"):
        assert point in first, point
    second = seed_agenda(answers, 2, 12)
    assert "Career goals to achieve" in second and "Lead a team" in second
    third = seed_agenda(answers, 3, 12)
    assert "Skills to develop" in third and "Feedback" in third
    review = seed_agenda(answers, 12, 12)
    for point in ("Review of the term", "my goals then", "Lead a team", "my goals now",
                  "what helped", "what comes next"):
        assert point in review, point
    assert "Review of the term" in seed_agenda(answers, 6, 6)
    assert "Reflection screen" in seed_agenda({}, 2, 12)


def _mentorship(**changes):
    from mentee_tui.model import Mentorship

    values = dict(id=1, candidate_id=1, mentor="Ada", months=12, rule="same-day",
                  first="2026-10-29", time="09:00", duration_minutes=60, timezone="UTC")
    values.update(changes)
    return Mentorship(**values)


def _meetings(mentorship):
    from mentee_tui.model import Meeting

    setup = MentorshipSetup(months=mentorship.months, rule=mentorship.rule,
                            first=mentorship.first, timezone=mentorship.timezone)
    return [Meeting(id=n, mentorship_id=mentorship.id, mentor=mentorship.mentor, number=n,
                    start=a.isoformat(), duration_minutes=60)
            for n, a in enumerate(schedule_meetings(setup), start=1)]


def test_plan_summary_counts_the_month_and_the_days():
    from mentee_tui.domain.plan import plan_summary

    mentorship = _mentorship()
    now = arrow.get("2026-11-26T10:00:00+00:00")
    assert plan_summary([mentorship], _meetings(mentorship), now) == (
        "Ada · month 2 of 12 · next meeting in 3 days")


def test_plan_summary_before_the_term_after_it_and_ended():
    from mentee_tui.domain.plan import plan_summary

    later = _mentorship(first="2027-02-10", months=3)
    now = arrow.get("2026-11-26T10:00:00+00:00")
    assert plan_summary([later], _meetings(later), now) == (
        "Ada · 3-month term starts February 2027 · next meeting in 3 months")
    past = _mentorship(first="2026-01-10", months=3)
    assert plan_summary([past], _meetings(past), now) == (
        "Ada · all 3 months done · no meeting planned")
    past.status = "ended"
    assert "mentorship ended" in plan_summary([past], [], now)
    assert plan_summary([], [], now) is None


def test_humanize_meeting_counts_calendar_days_in_the_zone():
    from mentee_tui.domain.plan import humanize_meeting

    now = arrow.get("2026-11-26T22:30:00+00:00")  # already Nov 27 in Tokyo
    start = arrow.get("2026-11-27T09:00:00+09:00")
    assert humanize_meeting(start, now, "Asia/Tokyo") == "today at 09:00"
    assert humanize_meeting(start, now, "UTC") == "tomorrow at 00:00"
    assert humanize_meeting(arrow.get("2026-12-05T09:00:00+00:00"), now, "UTC") == "in 9 days"
    # Up to about six weeks, days (Home and the calendar say the same thing).
    assert humanize_meeting(arrow.get("2026-12-14T09:00:00+00:00"), now, "UTC") == "in 18 days"
    assert humanize_meeting(arrow.get("2027-02-26T09:00:00+00:00"), now, "UTC") == "in 3 months"


@pytest.mark.parametrize("rule, requested, first", [
    ("2-tue", "2027-01-20", "2027-02-09"),  # Jan 12 has passed: February's 2nd Tuesday
    ("2-tue", "2027-01-12", "2027-01-12"),  # the day itself
    ("2-tue", "2027-01-01", "2027-01-12"),
    ("last-fri", "2027-12-31", "2027-12-31"),
    ("last-mon", "2027-12-28", "2028-01-31"),  # across the year
    ("same-day", "2027-01-31", "2027-01-31"),
])
def test_a_new_plan_never_starts_before_the_date_asked_for(rule, requested, first):
    setup = MentorshipSetup(months=3, rule=rule, first=requested, time="09:00", duration=60,
                            timezone="UTC")
    checked = validate_setup(setup)
    assert checked.first == first
    assert meeting_start(checked, 1).date().isoformat() == first
    # A changed plan keeps its anchor month (held meetings keep their numbers).
    assert validate_setup(setup, starting=False).first == requested


def test_open_actions_are_those_of_the_earlier_meetings_of_the_same_mentorship():
    from mentee_tui.domain.plan import open_actions
    from mentee_tui.model import Meeting

    from mentee_tui.model import ActionItem

    def meeting(id_, mentorship, number, actions):
        return Meeting(id=id_, mentorship_id=mentorship, mentor="M", number=number,
                       start="2027-01-01T09:00:00+00:00", duration_minutes=60,
                       actions=[ActionItem(a.lstrip("✓"), a.startswith("✓")) for a in actions])

    meetings = [meeting(1, 1, 1, ["read the book", "✓call Sam"]),
                meeting(2, 1, 2, ["draft a plan"]),
                meeting(3, 1, 3, []), meeting(4, 2, 1, ["other mentor's item"])]
    assert open_actions(meetings, meetings[2]) == ["read the book", "draft a plan"]
    assert open_actions(meetings, meetings[1]) == ["read the book"]
    assert open_actions(meetings, meetings[0]) == []


def test_weekdays_only_moves_a_weekend_meeting_to_the_nearest_weekday_of_its_month():
    from mentee_tui.domain.schedule import weekday_in_month

    assert weekday_in_month(2026, 8, 3) == 3  # a Monday stays
    assert weekday_in_month(2026, 8, 29) == 28  # Saturday → the Friday before
    assert weekday_in_month(2026, 8, 30) == 31  # Sunday → the Monday after
    assert weekday_in_month(2026, 8, 1) == 3  # Saturday the 1st → Monday the 3rd
    assert weekday_in_month(2026, 5, 31) == 29  # Sunday ending the month → Friday the 29th
    setup = MentorshipSetup(months=12, rule="same-day", first="2026-08-01", time="09:00",
                            duration=60, timezone="Europe/Paris", weekdays_only=True)
    assert all(start.weekday() < 5 for start in schedule_meetings(setup))
    assert [s.month for s in schedule_meetings(setup)] == [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7]
