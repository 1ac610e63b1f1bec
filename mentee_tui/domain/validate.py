"""Every rule about what a person may type, in one place: the command line, storage and
every form check input here, so they cannot disagree.

Each check returns the cleaned value or raises `InvalidInput` with one sentence that
names the field and what it accepts (the form shows it, the command line prints it).
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from mentee_tui.domain.text import clean_line, clean_text
from mentee_tui.domain.timezones import canonical_zone
from mentee_tui.model import LOGGED_EVENTS, SOURCES, STAGES, CandidateInput

MIN_MINUTES, MAX_MINUTES = 5, 600
MIN_FOLLOW_UP_DAYS, MAX_FOLLOW_UP_DAYS = 1, 365
MAX_MONTHS = 12
# The meeting-day rules `schedule.parse_rule` reads, in words for help texts and errors.
RULE_HELP = "same-day, N-DAY such as 2-tue (N from 1 to 4) or last-DAY such as last-fri"
# Candidate fields that keep their line breaks; the others are one line.
MULTILINE_FIELDS = frozenset({"why", "notes"})


class InvalidInput(ValueError):
    """Bad input from the person: an unknown stage, a malformed email (exit status 2)."""


def parse_time(text: str) -> tuple[int, int]:
    """`09:30` -> (9, 30). Two digits for the minutes, so `9:5` is refused, not guessed."""
    text = str(text).strip()
    hours, sep, minutes = text.partition(":")
    if not (sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2
            and len(hours) <= 2):
        raise InvalidInput(f"the time {text!r} must look like 09:30")
    h, m = int(hours), int(minutes)
    if h > 23 or m > 59:
        raise InvalidInput(f"the time {text!r} must be between 00:00 and 23:59")
    return h, m


def check_time(text: str) -> str:
    """A time of day in its stored form, `HH:MM`."""
    hours, minutes = parse_time(text)
    return f"{hours:02d}:{minutes:02d}"


def _whole_number(value: Any, what: str, low: int, high: int, unit: str = "") -> int:
    """`value` as an int from `low` to `high`; the message names the field and the range."""
    span = f"from {low} to {high}{unit}"
    text = str(value).strip()
    if isinstance(value, bool) or not (isinstance(value, int) or text.lstrip("-").isdigit()):
        raise InvalidInput(f"{what} must be a whole number {span}, not {text!r}")
    number = int(value) if isinstance(value, int) else int(text)
    if not low <= number <= high:
        raise InvalidInput(f"{what} must be {span}, not {number}")
    return number


def check_duration(value: Any) -> int:
    """A meeting's length in minutes."""
    return _whole_number(value, "the duration", MIN_MINUTES, MAX_MINUTES, " minutes")


def check_follow_up_days(value: Any) -> int:
    return _whole_number(value, "follow-up days", MIN_FOLLOW_UP_DAYS, MAX_FOLLOW_UP_DAYS)


def check_months(value: Any) -> int:
    """A mentorship's term."""
    return _whole_number(value, "the term", 1, MAX_MONTHS, " months")


def check_timezone(name: str, *, allow_empty: bool = True) -> str:
    """An IANA name such as Europe/Paris, in its own spelling whatever the case typed
    ("europe/paris" is Europe/Paris); '' (the system's zone) where `allow_empty`."""
    name = str(name or "").strip()
    if not name and allow_empty:
        return ""
    zone = canonical_zone(name)
    if zone is None:
        raise InvalidInput(f"unknown time zone {name!r}; use an IANA name such as Europe/Paris")
    return zone


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise InvalidInput(f"the date {str(text).strip()!r} must be a real date like 2027-01-15") from None


def check_past_date(text: str, today: date, what: str = "the date") -> date | None:
    """A day that has already come (a follow-up done on Monday): None when `text` is empty
    (meaning now); a day after `today` is refused."""
    if not str(text or "").strip():
        return None
    day = parse_date(text)
    if day > today:
        raise InvalidInput(f"{what} {day.isoformat()} is in the future; use today or a day before")
    return day


def check_stage(stage: str, allowed: tuple[str, ...] = STAGES) -> str:
    """A stage name in its stored form: `Coffee` and ` COFFEE ` are `coffee`."""
    name = clean_line(stage).lower()
    if name not in allowed:
        raise InvalidInput(f"unknown stage {clean_line(stage)!r}; choose one of: {', '.join(allowed)}")
    return name


TRUE_WORDS = frozenset({"true", "yes", "y", "1", "x"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", ""})


def check_flag(value: object, what: str) -> bool:
    """A yes/no column of a spreadsheet: true/false, yes/no, 1/0, x or empty."""
    if isinstance(value, bool):
        return value
    word = clean_line(value).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise InvalidInput(f"{what} must be true or false, not {clean_line(value)!r}")


def check_event(event: str) -> str:
    """A history event a person logs by hand (a follow-up, a draft, a note)."""
    if event not in LOGGED_EVENTS:
        raise InvalidInput(f"unknown history event {event!r}; one of: {', '.join(LOGGED_EVENTS)}")
    return event


def normalize_email(value: str) -> str:
    """Validated without network (no deliverability check) and normalised; '' stays ''."""
    value = clean_line(value)
    if not value:
        return ""
    # Imported here: most subcommands never check an email, and the import costs time.
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise InvalidInput(f"invalid email: {exc}") from exc


REMINDER_HELP = "a lead time such as 30m, 2h, 1d or 1w, or none"
_REMINDER_UNITS = {"m": 1, "h": 60, "d": 24 * 60, "w": 7 * 24 * 60}
MAX_REMINDER_MINUTES = 4 * 7 * 24 * 60  # four weeks


def reminder_minutes(value: str) -> int | None:
    """How long before a meeting its alarm rings: "1d" → 1440, "none" → None.
    InvalidInput for anything else (the settings form and the command line show it)."""
    text = clean_line(str(value)).lower().replace(" ", "")
    if text in ("none", "off", "no", ""):
        return None
    number, unit = text[:-1], text[-1:]
    if unit not in _REMINDER_UNITS or not number.isdigit() or int(number) < 1:
        raise InvalidInput(f"unknown reminder {clean_line(str(value))!r}; use {REMINDER_HELP}")
    minutes = int(number) * _REMINDER_UNITS[unit]
    if minutes > MAX_REMINDER_MINUTES:
        raise InvalidInput("a reminder is at most four weeks (4w) before the meeting")
    return minutes


def check_reminder(value: str) -> str:
    """The reminder setting, normalised: "1d", "90m", or "none"."""
    minutes = reminder_minutes(value)
    return "none" if minutes is None else clean_line(str(value)).lower().replace(" ", "")


def check_location(value: str) -> str:
    """A place or a video link, one line of at most 300 characters."""
    text = clean_line(value)
    if len(text) > 300:
        raise InvalidInput("a location is at most 300 characters")
    return text
MAX_NAME_LENGTH = 100


def check_your_name(value: object) -> str:
    """The person's own name, the drafts' sign-off: one line, may be empty."""
    name = clean_line(value)
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(f"your name must be at most {MAX_NAME_LENGTH} characters")
    return name


def check_source(value: str) -> str:
    source = clean_line(value).lower() or "other"
    if source not in SOURCES:
        raise InvalidInput(f"unknown source {source!r}; choose one of: {', '.join(SOURCES)}")
    return source


def candidate_fields(data: CandidateInput) -> dict[str, Any]:
    """What a form or `add` typed, as the fields to store: control characters stripped,
    a name required, the email normalised, the source one of SOURCES."""
    values: dict[str, Any] = {}
    for f in fields(CandidateInput):
        value = getattr(data, f.name)
        if isinstance(value, bool):
            values[f.name] = value
        elif f.name in MULTILINE_FIELDS:
            values[f.name] = clean_text(value, multiline=True).strip()
        else:
            values[f.name] = clean_line(value)
    if not values["name"]:
        raise InvalidInput("a name is required")
    values["email"] = normalize_email(values["email"])
    values["source"] = check_source(values["source"])
    return values


__all__ = [
    "MAX_MINUTES",
    "MAX_MONTHS",
    "MIN_MINUTES",
    "MULTILINE_FIELDS",
    "REMINDER_HELP",
    "RULE_HELP",
    "InvalidInput",
    "candidate_fields",
    "check_duration",
    "check_event",
    "check_flag",
    "check_follow_up_days",
    "check_location",
    "check_months",
    "check_source",
    "check_stage",
    "check_time",
    "check_past_date",
    "check_reminder",
    "check_timezone",
    "check_your_name",
    "normalize_email",
    "parse_date",
    "parse_time",
    "reminder_minutes",
]
