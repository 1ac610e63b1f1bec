"""The calendar's subcommands: `agree`, `plan`, `end`, `meetings` and `meeting` (no Textual
import; `export ics` and `export agreement` are with the other exports in `exchange`).

A bad argument is one line on stderr and exit status 2, and nothing is written: every
value is checked before the one write.

Dates, schedules, calendars, the model and `domain.validate` are imported by the commands
that use them: every subcommand, and starting the TUI, builds this parser, and most never
need them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from mentee_tui.cli.choices import MAX_MONTHS, MEETING_STATUSES, RULE_HELP
from mentee_tui.cli.support import EXIT_OK
from mentee_tui.cli.support import fail as _fail
from mentee_tui.cli.support import open_store as _open_store

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
    _plan_options(agree)

    plan = add_sub(
        "plan", "change the plan of a mentor's mentorship (held and hand-moved meetings stay; "
        "meetings past a shorter term are cancelled, and come back if it grows again)",
        "mentee-tui plan 3 --months 6 --rule last-fri --time 08:30 --weekdays-only")
    plan.add_argument("id", metavar="MENTOR_ID", help="the mentor's candidate id (as `list` prints)")
    plan.add_argument("--months", type=int, metavar="N", help=f"the term, 1 to {MAX_MONTHS} months")
    plan.add_argument("--rule", metavar="RULE", help=f"the meeting day: {RULE_HELP}")
    plan.add_argument("--time", metavar="HH:MM", help="the meeting time")
    plan.add_argument("--duration", type=int, metavar="MINUTES", help="the meeting length")
    plan.add_argument("--tz", metavar="ZONE", help="an IANA time zone such as Europe/Paris")
    _plan_options(plan)
    plan.add_argument("--any-day", dest="weekdays_only", action="store_false", default=None,
                      help="allow Saturday and Sunday meetings again")

    end = add_sub("end", "end a mentor's mentorship early: planned meetings are cancelled, "
                  "held ones stay (u on the calendar undoes it)", "mentee-tui end 3")
    end.add_argument("id", metavar="MENTOR_ID", help="the mentor's candidate id")

    meeting = add_sub(
        "meeting", "change one meeting: its status, a note, action items (ids as "
        "`meetings --json` prints them)",
        "mentee-tui meeting 14 --status done --note 'Talked budgets' "
        "--action 'Draft the strategy' --done 1")
    meeting.add_argument("id", metavar="ID", help="the meeting id")
    meeting.add_argument("--status", metavar="STATUS",
                         help=f"one of: {', '.join(MEETING_STATUSES)}")
    meeting.add_argument("--note", metavar="TEXT", help="add a paragraph to the notes")
    meeting.add_argument("--action", metavar="TEXT", action="append", default=[],
                         help="add an open action item (repeat for more)")
    meeting.add_argument("--done", metavar="N", type=int, action="append", default=[],
                         help="tick action item N (1 is the first, as `meetings` lists "
                              "them; repeat for more)")
    meeting.add_argument("--location", metavar="WHERE",
                         help="a place or video link for this meeting only ('' for the "
                              "mentorship's)")

    meetings = add_sub("meetings", "list the meetings of every mentorship",
                       "mentee-tui meetings --json")
    meetings.add_argument("--json", action="store_true", help="print JSON with every field")


def _plan_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--weekdays-only", dest="weekdays_only", action="store_true",
                        default=None,
                        help="move a Saturday meeting to the Friday before and a Sunday one "
                             "to the Monday after (staying in the same month)")
    parser.add_argument("--location", metavar="WHERE",
                        help="where you meet: a place or a video link")


def cmd_agree(args, db_path) -> int:
    import arrow

    from mentee_tui.domain.schedule import default_setup, validate_setup
    from mentee_tui.domain.text import plural
    from mentee_tui.domain.validate import check_timezone

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
    for name in ("months", "first", "rule", "time", "duration", "weekdays_only", "location"):
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


def _mentorship_of(store, mentor_id: str):
    """The active mentorship of the mentor with candidate id `mentor_id`; InvalidInput with
    what to do otherwise."""
    from mentee_tui.domain.validate import InvalidInput

    try:
        candidate_id = int(mentor_id)
    except ValueError:
        raise InvalidInput(f"not a candidate id: {mentor_id!r} (see `mentee-tui list`)") from None
    mine = [m for m in store.calendar.mentorships() if m.candidate_id == candidate_id]
    active = [m for m in mine if m.active]
    if active:
        return active[-1]
    if mine:
        raise InvalidInput(f"the mentorship with {mine[-1].mentor} has ended")
    store.candidates.get(candidate_id)  # NotFound: "no candidate with id N"
    raise InvalidInput(f"candidate {candidate_id} has no mentorship: start one with "
                       f"`mentee-tui agree {candidate_id}`")


def cmd_plan(args, db_path) -> int:
    from dataclasses import replace

    from mentee_tui.domain.schedule import describe_weekends, validate_setup
    from mentee_tui.domain.text import plural
    from mentee_tui.domain.validate import check_timezone

    names = ("months", "rule", "time", "duration", "tz", "weekdays_only", "location")
    if all(getattr(args, name) is None for name in names):
        return _fail("nothing to change: give --months, --rule, --time, --duration, --tz, "
                     "--weekdays-only, --any-day or --location")
    store = _open_store(db_path)
    mentorship = _mentorship_of(store, args.id)
    setup = mentorship.setup()
    changes = {name: getattr(args, name) for name in names if getattr(args, name) is not None}
    if "tz" in changes:
        changes["timezone"] = check_timezone(changes.pop("tz"), allow_empty=False)
    setup = validate_setup(replace(setup, **changes), starting=False)
    before = {m.number for m in store.calendar.meetings(mentorship.id)}
    mentorship = store.calendar.reschedule(mentorship.id, setup)
    print(f"{mentorship.mentor}: {plural(mentorship.months, 'monthly meeting')} "
          f"({mentorship.rule}{', weekdays only' if mentorship.weekdays_only else ''}) "
          f"at {mentorship.time} {mentorship.timezone}")
    gone = sorted(n for n in before if n > mentorship.months)
    if gone:
        print(f"{plural(len(gone), 'meeting')} past the new term cancelled "
              f"({', '.join(map(str, gone))}); the .ics export tells your calendar.")
    weekends = describe_weekends(setup) if not setup.weekdays_only else ""
    if weekends:
        print(f"{weekends} (--weekdays-only moves them)")
    return EXIT_OK


def cmd_end(args, db_path) -> int:
    from mentee_tui.domain.text import plural

    store = _open_store(db_path)
    mentorship = _mentorship_of(store, args.id)
    upcoming = sum(1 for m in store.calendar.meetings(mentorship.id) if m.upcoming)
    store.calendar.end(mentorship.id)
    print(f"ended the mentorship with {mentorship.mentor}: "
          f"{plural(upcoming, 'planned meeting')} cancelled, held ones kept")
    return EXIT_OK


def cmd_meeting(args, db_path) -> int:
    from mentee_tui.domain.text import clean_line, clean_text, plural
    from mentee_tui.domain.validate import InvalidInput, check_location
    from mentee_tui.model import MEETING_STATUSES, ActionItem, MeetingEdit

    try:
        meeting_id = int(args.id)
    except ValueError:
        return _fail(f"not a meeting id: {args.id!r} (see `mentee-tui meetings --json`)")
    if args.status is None and args.note is None and not args.action and not args.done \
            and args.location is None:
        return _fail("nothing to change: give --status, --note, --action, --done or --location")
    if args.status is not None and args.status.strip().lower() not in MEETING_STATUSES:
        return _fail(f"unknown status {args.status!r}; one of: {', '.join(MEETING_STATUSES)}")
    note = clean_text(args.note or "", multiline=True).strip()
    if args.note is not None and not note:
        return _fail("--note needs some text")
    added = [clean_line(text) for text in args.action]
    if any(not text for text in added):
        return _fail("--action needs some text")
    location = check_location(args.location) if args.location is not None else None
    store = _open_store(db_path)
    meeting = next((m for m in store.calendar.meetings() if m.id == meeting_id), None)
    if meeting is None:
        return _fail(f"no meeting with id {meeting_id} (see `mentee-tui meetings --json`)")
    actions = [ActionItem(a.text, a.done) for a in meeting.actions] + [ActionItem(t) for t in added]
    for number in args.done:
        if not 1 <= number <= len(actions):
            raise InvalidInput(f"--done {number}: meeting {meeting.number} has "
                               f"{plural(len(actions), 'action item')}")
        actions[number - 1].done = True
    notes = "\n\n".join(part for part in (meeting.notes, note) if part)
    saved = store.calendar.update_meeting(meeting.id, MeetingEdit(
        start=meeting.start, duration_minutes=meeting.duration_minutes,
        status=(args.status or meeting.status).strip().lower(), agenda=meeting.agenda,
        notes=notes, actions=actions,
        location=meeting.location if location is None else location))
    open_count = sum(1 for a in saved.actions if not a.done)
    print(f"meeting {saved.number} with {saved.mentor}: {saved.status}, "
          f"{plural(len(saved.actions), 'action item')} ({open_count} open)")
    return EXIT_OK


def cmd_meetings(args, db_path) -> int:
    import json

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
        for number, item in enumerate(m.actions, start=1):
            print(f"{'':>6}{number}. [{'x' if item.done else ' '}] {item.text}")
    return EXIT_OK


CALENDAR_COMMANDS = {"agree": cmd_agree, "plan": cmd_plan, "end": cmd_end,
                     "meetings": cmd_meetings, "meeting": cmd_meeting}

__all__ = ["CALENDAR_COMMANDS", "add_calendar_commands"]
