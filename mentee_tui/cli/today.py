"""`mentee-tui today`: Home's "this week" as plain text (a login message, a cron mail).

No Textual; the domain and the calendar are imported inside the command.
"""

from __future__ import annotations

from mentee_tui.cli.support import EXIT_OK
from mentee_tui.cli.support import open_store as _open_store


def add_today_commands(add_sub) -> None:
    today = add_sub("today", "print what to do this week: follow-ups due, first messages, "
                    "the next meeting and its open action items",
                    "mentee-tui today   # e.g. in ~/.profile or a weekly cron job")
    today.add_argument("--json", action="store_true", help="print the items as JSON")


def cmd_today(args, db_path) -> int:
    import json

    from mentee_tui.domain.week import today_text, week_items

    store = _open_store(db_path)
    items = week_items(candidates=store.candidates.all(), settings=store.settings.get(),
                       now=store.now(), mentorships=store.calendar.mentorships(),
                       meetings=store.calendar.meetings())
    if args.json:
        print(json.dumps([item.to_dict() for item in items], ensure_ascii=False, indent=2))
    else:
        print(today_text(items), end="")
    return EXIT_OK


TODAY_COMMANDS = {"today": cmd_today}

__all__ = ["TODAY_COMMANDS", "add_today_commands"]
