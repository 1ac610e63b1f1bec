"""The calendar's subcommands: `agree` and `meetings` (no Textual import; `export ics` is
with the other exports in `exchange`).

Dates, schedules and calendars are imported by the commands that use them: every
subcommand builds this parser, and most never need them.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from mentee_tui.cli.support import EXIT_OK
from mentee_tui.cli.support import fail as _fail
from mentee_tui.cli.support import open_store as _open_store
from mentee_tui.domain.text import plural
from mentee_tui.domain.validate import MAX_MONTHS, RULE_HELP, check_timezone

AddSub = Callable[[str, str, str], argparse.ArgumentParser]


def add_calendar_commands(add_sub: AddSub) -> None:
    agree = add_sub(
        "agree", "start a mentorship with a candidate and plan its monthly meetings",
        "mentee-tui agree 3 --months 6 --first 2027-01-12 --rule 2-tue --time 17:30 "
        "--tz Europe/Paris",
    )
    agree.add_argument("id", metavar="ID")
    agree.add_argument("--months", type=int, metavar="N",
                       help=f"the term, 1 to {MAX_MONTHS} months (default {MAX_MONTHS})")
    agree.add_argument("--first", metavar="YYYY-MM-DD",
                       help="the first meeting (default: the same day next month)")
    agree.add_argument("--rule", metavar="RULE", help=f"the meeting day: {RULE_HELP}")
    agree.add_argument("--time", metavar="HH:MM", help="the meeting time (default: the setting)")
    agree.add_argument("--duration", type=int, metavar="MINUTES",
                       help="the meeting length (default: the setting)")
    agree.add_argument("--tz", metavar="ZONE",
                       help="an IANA time zone such as Europe/Paris (default: the setting, "
                            "else the system's)")

    meetings = add_sub("meetings", "list the meetings of every mentorship",
                       "mentee-tui meetings --json")
    meetings.add_argument("--json", action="store_true", help="print JSON with every field")


def cmd_agree(args, db_path) -> int:
    import arrow

    from mentee_tui.domain.schedule import default_setup, validate_setup

    try:
        candidate_id = int(args.id)
    except ValueError:
        return _fail(f"not a candidate id: {args.id!r}")
    store = _open_store(db_path)
    settings = store.settings.get()
    if args.tz is not None:
        try:
            settings.timezone = check_timezone(args.tz) or settings.timezone
        except ValueError as exc:
            return _fail(str(exc))
    setup = default_setup(settings, store.now())  # "next month" as seen in that zone
    for name in ("months", "first", "rule", "time", "duration"):
        if getattr(args, name) is not None:
            setattr(setup, name, getattr(args, name))
    try:
        setup = validate_setup(setup)
    except ValueError as exc:
        return _fail(str(exc))
    mentorship = store.tracker.agree(candidate_id, setup)
    meetings = store.calendar.meetings(mentorship.id)
    first = arrow.get(meetings[0].start).format("ddd D MMM YYYY HH:mm")
    print(f"{mentorship.id} {mentorship.mentor}: {plural(mentorship.months, 'monthly meeting')} "
          f"({mentorship.rule}), the first on {first} {mentorship.timezone}")
    past = sum(1 for m in meetings if arrow.get(m.start) < store.now())
    if past:
        print(f"{plural(past, 'meeting')} already in the past: mark them done or skipped "
              "on the calendar (4).")
    return EXIT_OK


def cmd_meetings(args, db_path) -> int:
    import arrow

    store = _open_store(db_path)
    mentorships = {m.id: m for m in store.calendar.mentorships()}
    meetings = store.calendar.meetings()
    if args.json:
        print(json.dumps([m.to_dict() for m in meetings], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not meetings:
        print("No meetings yet. Start a mentorship: mentee-tui agree ID")
        return EXIT_OK
    width = max(len(m.mentor) for m in meetings)
    for m in meetings:
        months = mentorships[m.mentorship_id].months if m.mentorship_id in mentorships else "?"
        when = arrow.get(m.start).format("ddd YYYY-MM-DD HH:mm ZZ")
        print(f"{m.id:>4}  {m.mentor:<{width}}  {m.number:>2}/{months:<2}  {when}  {m.status}")
    return EXIT_OK


CALENDAR_COMMANDS = {"agree": cmd_agree, "meetings": cmd_meetings}

__all__ = ["CALENDAR_COMMANDS", "add_calendar_commands"]
