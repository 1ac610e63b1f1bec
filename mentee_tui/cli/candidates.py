"""The candidates' subcommands: add, list, show, edit, remove, move, follow-up, decline.

No Textual, and nothing heavy at import: every subcommand, and starting the TUI, builds
this parser, so the model, the domain and the store are imported by the commands.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from mentee_tui.cli.choices import SOURCES, STAGES
from mentee_tui.cli.support import EXIT_OK
from mentee_tui.cli.support import fail as _fail
from mentee_tui.cli.support import open_store as _open_store

if TYPE_CHECKING:
    from mentee_tui.model import Candidate, CandidateInput

ADDABLE_STAGES = tuple(s for s in STAGES if s != "agreed")
AddSub = Callable[[str, str, str], argparse.ArgumentParser]
# (option, CandidateInput field, help) of the text fields `add` and `edit` share.
TEXT_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("--email", "email", "their email (checked, stored normalised)"),
    ("--org", "organization", "their organization"),
    ("--role", "role", "their role or title"),
    ("--source", "source", f"where you found them: {', '.join(SOURCES)}"),
    ("--url", "url", "a profile URL"),
    ("--introduced-by", "introduced_by", "who put you in touch"),
    ("--why", "why", "why them"),
    ("--notes", "notes", "free notes"),
)
DUPLICATE_HINT = "--allow-duplicate {what} it anyway"


def _id(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _metavar(dest: str) -> str:
    return {"email": "EMAIL", "url": "URL", "source": "SOURCE"}.get(dest, "TEXT")


def add_candidate_commands(add_sub: AddSub) -> None:
    add = add_sub("add", "add a prospective mentor and print the new id",
                  "mentee-tui add 'Grace Hopper' --email grace@example.org --org Navy "
                  "--stage contacted --url https://example.org/grace")
    add.add_argument("name", metavar="NAME")
    for option, dest, help_text in TEXT_OPTIONS:
        add.add_argument(option, dest=dest, default="other" if dest == "source" else "",
                         metavar=_metavar(dest), help=help_text)
    add.add_argument("--stage", default="researched", metavar="STAGE",
                     help=f"one of: {', '.join(ADDABLE_STAGES)} (default researched)")
    add.add_argument("--knows-well", action="store_true", help="you know them well (⚠ on the card)")
    add.add_argument("--supervisor", action="store_true",
                     help="your direct or indirect supervisor (⚠ on the card)")
    add.add_argument("--allow-duplicate", action="store_true",
                     help="add even when the same email, or name and organization, is there")

    lst = add_sub("list", "list candidates", "mentee-tui list --stage coffee --json")
    lst.add_argument("--stage", metavar="STAGE", help=f"one of: {', '.join(STAGES)}")
    lst.add_argument("--json", action="store_true", help="print JSON with every field and the history")

    show = add_sub("show", "show every field of a candidate and the dated history",
                   "mentee-tui show 3 --json")
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true", help="print the candidate as JSON")

    edit = add_sub("edit", "change fields of a candidate (only those given)",
                   "mentee-tui edit 3 --email grace@navy.mil --role 'Rear Admiral' --no-supervisor")
    edit.add_argument("id", metavar="ID")
    edit.add_argument("--name", metavar="TEXT", help="their name")
    for option, dest, help_text in TEXT_OPTIONS:
        edit.add_argument(option, dest=dest, metavar=_metavar(dest),
                          help=help_text + " ('' clears it)")
    edit.add_argument("--knows-well", dest="knows_well", action=argparse.BooleanOptionalAction,
                      help="you know them well (⚠ on the card)")
    edit.add_argument("--supervisor", dest="is_supervisor", action=argparse.BooleanOptionalAction,
                      help="your direct or indirect supervisor (⚠ on the card)")
    edit.add_argument("--allow-duplicate", action="store_true",
                      help="save even when another card has the same email, or name and organization")

    remove = add_sub("remove", "remove a candidate and its history (asks first)",
                     "mentee-tui remove 3 --yes")
    remove.add_argument("id", metavar="ID")
    remove.add_argument("--yes", action="store_true", help="do not ask")

    move = add_sub("move", "move a candidate to another stage", "mentee-tui move 3 coffee")
    move.add_argument("id", metavar="ID")
    move.add_argument("stage", metavar="STAGE", help=f"one of: {', '.join(ADDABLE_STAGES)}")
    move.add_argument("--end-mentorship", action="store_true",
                      help="moving a mentor out of agreed ends the mentorship: say you mean it")

    follow = add_sub("follow-up", "log a follow-up (the follow-up reminder starts again)",
                     "mentee-tui follow-up 3 --note 'Sent the article we talked about'")
    follow.add_argument("id", metavar="ID")
    follow.add_argument("--note", default="", metavar="TEXT", help="what you did")
    follow.add_argument("--on", default="", metavar="DATE",
                        help="the day it happened, YYYY-MM-DD (default: now)")

    decline = add_sub("decline", "record a no, with a reason and whom they referred you to",
                      "mentee-tui decline 3 --reason 'No time this year' --referral 'Mei Lin'")
    decline.add_argument("id", metavar="ID")
    decline.add_argument("--reason", default="", metavar="TEXT", help="why, in a few words")
    decline.add_argument("--referral", default="", metavar="NAME",
                         help="someone they suggested: a new researched card linked to this one")
    decline.add_argument("--end-mentorship", action="store_true",
                         help="declining a mentor ends the mentorship: say you mean it")


def _input(args, name: str) -> CandidateInput:
    from mentee_tui.model import CandidateInput

    return CandidateInput(name=name, **{dest: getattr(args, dest) for _o, dest, _h in TEXT_OPTIONS},
                          knows_well=args.knows_well, is_supervisor=args.supervisor)


def cmd_add(args, db_path) -> int:
    from mentee_tui.domain.duplicates import DuplicateFound
    from mentee_tui.domain.validate import InvalidInput, candidate_fields, check_stage

    try:
        stage = check_stage(args.stage)
    except InvalidInput as exc:
        return _fail(str(exc).replace("agreed, ", ""))
    if stage == "agreed":
        return _fail("a new candidate cannot start at agreed; add it, then `mentee-tui agree`")
    data = _input(args, args.name)
    candidate_fields(data)  # bad input fails before the database (or its folder) is touched
    try:
        candidate = _open_store(db_path).candidates.add(
            data, stage=stage, refuse_duplicate=not args.allow_duplicate)
    except DuplicateFound as exc:
        return _fail(f"{exc}; not added ({DUPLICATE_HINT.format(what='adds')})")
    print(candidate.id)
    return EXIT_OK


def cmd_list(args, db_path) -> int:
    import json

    from mentee_tui.domain.validate import check_stage

    stage = None if args.stage is None else check_stage(args.stage)
    candidates = _open_store(db_path).candidates.all(stage=stage)
    if args.json:
        print(json.dumps([c.to_dict() for c in candidates], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not candidates:
        if stage is not None:
            print(f"No candidates in {stage}.")
        else:
            print("No candidates yet. Add one: mentee-tui add 'Full Name' --org Company")
        return EXIT_OK
    width = max(len(c.name) for c in candidates)
    for c in candidates:
        org = f"  {c.organization}" if c.organization else ""
        print(f"{c.id:>4}  {c.stage:<10}  {c.name:<{width}}{org}")
    return EXIT_OK


def _card(store, text: str) -> Candidate:
    from mentee_tui.domain.validate import InvalidInput

    candidate_id = _id(text)
    if candidate_id is None:
        raise InvalidInput(f"not a candidate id: {text!r}")
    return store.candidates.get(candidate_id)


def _details(candidate: Candidate, store) -> list[str]:
    from mentee_tui.domain.stages import days_in_stage, warning_text
    from mentee_tui.domain.text import plural

    c = candidate
    rows = [
        f"{c.id}  {c.name}",
        f"  stage: {c.stage} ({plural(days_in_stage(c, store.now()), 'day')})",
    ]
    for label, value in (("email", c.email), ("role", c.role), ("organization", c.organization),
                         ("source", c.source), ("url", c.url), ("introduced by", c.introduced_by)):
        if value:
            rows.append(f"  {label}: {value}")
    if c.referred_by is not None:
        rows.append(f"  referred by: #{c.referred_by}")
    warning = warning_text(c)
    if warning:
        rows.append(f"  ⚠ {warning}")
    for label, value in (("why them", c.why), ("notes", c.notes)):
        if value:
            rows.append(f"  {label}: " + value.replace("\n", "\n    "))
    rows.append("  history:")
    for entry in c.history:
        what = f"moved to {entry.stage}" if entry.event == "stage" else entry.event.replace("_", "-")
        note = f" — {entry.note}" if entry.note else ""
        rows.append(f"    {entry.at}  {what}{note}")
    return rows


def cmd_show(args, db_path) -> int:
    import json

    store = _open_store(db_path)
    candidate = _card(store, args.id)
    if args.json:
        print(json.dumps(candidate.to_dict(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(_details(candidate, store)))
    return EXIT_OK


def cmd_edit(args, db_path) -> int:
    from dataclasses import fields, replace

    from mentee_tui.domain.duplicates import DuplicateFound
    from mentee_tui.model import CandidateInput

    changes = {f.name: getattr(args, f.name) for f in fields(CandidateInput)
               if getattr(args, f.name, None) is not None}
    if not changes:
        return _fail("nothing to change: give at least one field, e.g. --email or --org")
    store = _open_store(db_path)
    candidate = _card(store, args.id)
    current = CandidateInput(**{f.name: getattr(candidate, f.name) for f in fields(CandidateInput)})
    try:
        saved = store.candidates.update(candidate.id, replace(current, **changes),
                                        refuse_duplicate=not args.allow_duplicate)
    except DuplicateFound as exc:
        return _fail(f"{exc}; nothing changed ({DUPLICATE_HINT.format(what='saves')})")
    changed = [name.replace("_", " ") for name in changes
               if getattr(saved, name) != getattr(candidate, name)]
    print(f"{saved.id} {saved.name}: " + (f"changed {', '.join(changed)}" if changed
                                          else "nothing changed"))
    return EXIT_OK


def _confirmed(question: str) -> bool | None:
    """The person's answer; None when nobody can answer (not a terminal)."""
    if not sys.stdin.isatty():
        return None
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def cmd_remove(args, db_path) -> int:
    from mentee_tui.domain.text import plural

    store = _open_store(db_path)
    candidate = _card(store, args.id)
    upcoming = store.calendar.cancelled_by_leaving(candidate.id)
    effect = "" if upcoming is None else (
        f"; the mentorship ends ({plural(upcoming, 'planned meeting')} cancelled, held ones kept)")
    if not args.yes:
        answer = _confirmed(f"Remove {candidate.id} {candidate.name} and its history{effect}?")
        if answer is None:
            return _fail(f"removing {candidate.id} {candidate.name} needs --yes "
                         "when there is no terminal to ask")
        if not answer:
            print("Nothing removed.")
            return EXIT_OK
    store.tracker.remove(candidate.id)
    print(f"removed {candidate.id} {candidate.name}{effect}")
    return EXIT_OK


def _ending(store, candidate: Candidate, stage: str, flag_given: bool) -> tuple[int | None, str]:
    """Leaving agreed: (meetings it cancels, the refusal when the flag is missing)."""
    from mentee_tui.domain.text import plural

    upcoming = store.calendar.cancelled_by_leaving(candidate.id) if candidate.stage == "agreed" \
        else None
    if upcoming is None or flag_given:
        return upcoming, ""
    return upcoming, (
        f"{candidate.name} is your mentor: moving them to {stage} would end the mentorship "
        f"and cancel {plural(upcoming, 'planned meeting')} (held ones stay); nothing changed, "
        "add --end-mentorship to do it")


def _ended_line(name: str, upcoming: int | None) -> None:
    from mentee_tui.domain.text import plural

    if upcoming is not None:
        print(f"The mentorship with {name} has ended: "
              f"{plural(upcoming, 'planned meeting')} cancelled, held ones kept.")


def cmd_move(args, db_path) -> int:
    from mentee_tui.domain.validate import check_stage

    if _id(args.id) is None:
        return _fail(f"not a candidate id: {args.id!r}")
    stage = check_stage(args.stage)
    if stage == "agreed":
        return _fail("to move a candidate to agreed, use `mentee-tui agree`")
    store = _open_store(db_path)
    before = _card(store, args.id)
    if before.stage == stage:
        print(f"{before.id} {before.name} is already in {before.stage}; nothing changed")
        return EXIT_OK
    upcoming, refusal = _ending(store, before, stage, args.end_mentorship)
    if refusal:
        return _fail(refusal)
    candidate = store.tracker.move(before.id, stage, expected=before.stage)
    print(f"{candidate.id} {candidate.name}: {candidate.stage}")
    _ended_line(candidate.name, upcoming)
    return EXIT_OK


def cmd_follow_up(args, db_path) -> int:
    store = _open_store(db_path)
    candidate = _card(store, args.id)
    from mentee_tui.domain.validate import parse_date

    day = parse_date(args.on) if args.on else None  # a future day: refused by the store
    store.candidates.log_event(candidate.id, "follow_up", args.note, on=day)
    print(f"{candidate.id} {candidate.name}: follow-up logged")
    return EXIT_OK


def cmd_decline(args, db_path) -> int:
    from mentee_tui.domain.duplicates import DuplicateFound
    from mentee_tui.domain.text import clean_line

    store = _open_store(db_path)
    candidate = _card(store, args.id)
    referral = clean_line(args.referral)
    if candidate.stage == "declined" and not referral:
        print(f"{candidate.id} {candidate.name} is already in declined; nothing changed")
        return EXIT_OK
    upcoming, refusal = _ending(store, candidate, "declined", args.end_mentorship)
    if refusal:
        return _fail(refusal)
    try:
        declined, created = store.tracker.decline(candidate.id, args.reason, referral)
    except DuplicateFound as exc:  # the referral is on the board already
        return _fail(f"{exc}; nothing changed (leave out --referral, or give the name "
                     "another way)")
    print(f"{declined.id} {declined.name}: declined")
    _ended_line(declined.name, upcoming)
    if created is not None:
        print(f"{created.id} {created.name}: added to researched, referred by {declined.name}")
    return EXIT_OK


CANDIDATE_COMMANDS = {
    "add": cmd_add, "list": cmd_list, "show": cmd_show, "edit": cmd_edit,
    "remove": cmd_remove, "move": cmd_move, "follow-up": cmd_follow_up, "decline": cmd_decline,
}

__all__ = ["ADDABLE_STAGES", "CANDIDATE_COMMANDS", "add_candidate_commands"]
