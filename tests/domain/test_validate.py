"""One set of input rules: the settings, the mentorship setup, the meeting form and the
command line accept and refuse the same values, with the same words."""

from __future__ import annotations

import pytest

from mentee_tui.domain.schedule import validate_setup
from mentee_tui.domain.validate import (
    InvalidInput,
    check_duration,
    check_follow_up_days,
    check_time,
    check_timezone,
    normalize_email,
)
from mentee_tui.model import MentorshipSetup


@pytest.mark.parametrize("text, stored", [("09:30", "09:30"), (" 7:05 ", "07:05"), ("23:59", "23:59")])
def test_times_are_stored_as_hh_mm(text, stored):
    assert check_time(text) == stored


@pytest.mark.parametrize("text", ["9:5", "930", "24:00", "12:60", "ab:cd", "", "123:00"])
def test_a_time_the_setup_would_refuse_is_refused_everywhere(text, store):
    with pytest.raises(InvalidInput):
        check_time(text)
    with pytest.raises(InvalidInput):
        store.settings.update(meeting_time=text)
    with pytest.raises(InvalidInput):
        validate_setup(MentorshipSetup(first="2027-01-15", time=text, timezone="UTC"))
    assert store.settings.get().meeting_time == "09:00"  # nothing half-saved


@pytest.mark.parametrize("minutes", [4, 601, "abc", True, -5])
def test_the_duration_rule_is_the_same_for_settings_setup_and_meetings(minutes, store):
    with pytest.raises(InvalidInput, match="duration"):
        check_duration(minutes)
    with pytest.raises(InvalidInput, match="duration"):
        store.settings.update(meeting_duration=minutes)
    with pytest.raises(InvalidInput, match="duration"):
        validate_setup(MentorshipSetup(first="2027-01-15", duration=minutes, timezone="UTC"))


def test_bounds_are_accepted():
    assert check_duration(5) == 5 and check_duration("600") == 600
    assert check_follow_up_days("1") == 1 and check_follow_up_days(365) == 365
    with pytest.raises(InvalidInput, match="1 to 365"):
        check_follow_up_days("abc")


def test_time_zones_and_emails():
    assert check_timezone("") == "" and check_timezone(" Europe/Paris ") == "Europe/Paris"
    with pytest.raises(InvalidInput, match="unknown time zone"):
        check_timezone("", allow_empty=False)
    with pytest.raises(InvalidInput, match="unknown time zone"):
        check_timezone("Mars/Olympus")
    assert normalize_email(" Grace@Example.ORG ") == "Grace@example.org"
    with pytest.raises(InvalidInput, match="invalid email"):
        normalize_email("nope")


@pytest.mark.parametrize("typed, zone", [
    ("europe/paris", "Europe/Paris"), ("AMERICA/NEW_YORK", "America/New_York"),
    ("utc", "UTC"), (" asia/kolkata ", "Asia/Kolkata"),
])
def test_a_time_zone_is_matched_whatever_its_case_and_kept_in_its_iana_spelling(typed, zone):
    assert check_timezone(typed) == zone


@pytest.mark.parametrize("typed", ["Mars/Olympus", "europe/pariss", "../etc/passwd", "Europe/"])
def test_an_unknown_time_zone_is_refused_with_its_name(typed):
    with pytest.raises(InvalidInput, match="unknown time zone"):
        check_timezone(typed)


def test_a_past_date_is_a_day_that_has_come():
    from datetime import date

    from mentee_tui.domain.validate import check_past_date

    today = date(2026, 11, 26)
    assert check_past_date("", today) is None and check_past_date("  ", today) is None
    assert check_past_date("2026-11-26", today) == today
    assert check_past_date(" 2026-01-02 ", today) == date(2026, 1, 2)
    with pytest.raises(InvalidInput, match="in the future"):
        check_past_date("2026-11-27", today)
    with pytest.raises(InvalidInput, match="real date"):
        check_past_date("monday", today)
