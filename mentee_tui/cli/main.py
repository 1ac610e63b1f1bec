"""The `mentee-tui` command line. Subcommands never import Textual."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from mentee_tui import __version__
from mentee_tui.cli.calendar import CALENDAR_COMMANDS, add_calendar_commands
from mentee_tui.cli.support import EXIT_DB, EXIT_OK, EXIT_USAGE
from mentee_tui.cli.support import fail as _fail
from mentee_tui.cli.support import open_store as _open_store
from mentee_tui.domain.text import plural
from mentee_tui.model import SOURCES, STAGES, CandidateInput
from mentee_tui.storage.paths import ENV_VAR, resolve_db_path

ADDABLE_STAGES = tuple(s for s in STAGES if s != "agreed")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one clear line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mentee-tui",
        description="A terminal planner for finding a mentor and running the mentorship.",
        epilog=(
            f"The database is --db PATH, else ${ENV_VAR}, else the platform data folder.\n"
            "Examples:\n  mentee-tui\n  mentee-tui --demo\n  mentee-tui add 'Ada Lovelace' --org Analytical"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"mentee-tui {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the database file to use")
    parser.add_argument(
        "--demo", action="store_true", help="open a temporary database filled with sample data"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add_sub(name: str, help_text: str, example: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=f"Example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    add = add_sub("add", "add a prospective mentor and print the new id",
                  "mentee-tui add 'Grace Hopper' --email grace@example.org --org Navy --stage contacted")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--email", default="", metavar="E")
    add.add_argument("--org", default="", metavar="O")
    add.add_argument("--role", default="", metavar="R")
    add.add_argument("--source", default="other", metavar="S", help=f"one of: {', '.join(SOURCES)}")
    add.add_argument("--stage", default="researched", metavar="STAGE",
                     help=f"one of: {', '.join(ADDABLE_STAGES)}")
    add.add_argument("--notes", default="", metavar="N")

    lst = add_sub("list", "list candidates", "mentee-tui list --stage coffee --json")
    lst.add_argument("--stage", metavar="STAGE", help=f"one of: {', '.join(STAGES)}")
    lst.add_argument("--json", action="store_true", help="print JSON with every field and the history")

    move = add_sub("move", "move a candidate to another stage", "mentee-tui move 3 coffee")
    move.add_argument("id", metavar="ID")
    move.add_argument("stage", metavar="STAGE", help=f"one of: {', '.join(ADDABLE_STAGES)}")

    add_sub("where", "print the database path in use", "mentee-tui --db ~/mentee.json where")
    add_calendar_commands(add_sub)
    return parser


def _cmd_add(args, db_path) -> int:
    if args.stage not in ADDABLE_STAGES:
        if args.stage == "agreed":
            return _fail("a new candidate cannot start at agreed; add it, then `mentee-tui agree`")
        return _fail(f"unknown stage {args.stage!r}; choose one of: {', '.join(ADDABLE_STAGES)}")
    data = CandidateInput(name=args.name, email=args.email, organization=args.org,
                          role=args.role, source=args.source, notes=args.notes)
    from mentee_tui.domain.validate import candidate_fields

    candidate_fields(data)  # bad input fails before the database (or its folder) is touched
    candidate = _open_store(db_path).candidates.add(data, stage=args.stage)
    print(candidate.id)
    return EXIT_OK


def _cmd_list(args, db_path) -> int:
    if args.stage is not None and args.stage not in STAGES:
        return _fail(f"unknown stage {args.stage!r}; choose one of: {', '.join(STAGES)}")
    candidates = _open_store(db_path).candidates.all(stage=args.stage)
    if args.json:
        print(json.dumps([c.to_dict() for c in candidates], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not candidates:
        if args.stage is not None:
            print(f"No candidates in {args.stage}.")
        else:
            print("No candidates yet. Add one: mentee-tui add 'Full Name' --org Company")
        return EXIT_OK
    width = max(len(c.name) for c in candidates)
    for c in candidates:
        org = f"  {c.organization}" if c.organization else ""
        print(f"{c.id:>4}  {c.stage:<10}  {c.name:<{width}}{org}")
    return EXIT_OK


def _cmd_move(args, db_path) -> int:
    try:
        candidate_id = int(args.id)
    except ValueError:
        return _fail(f"not a candidate id: {args.id!r}")
    if args.stage == "agreed":
        return _fail("to move a candidate to agreed, use `mentee-tui agree`")
    if args.stage not in STAGES:
        return _fail(f"unknown stage {args.stage!r}; choose one of: {', '.join(ADDABLE_STAGES)}")
    store = _open_store(db_path)
    before = store.candidates.get(candidate_id)
    if before.stage == args.stage:
        print(f"{before.id} {before.name} is already in {before.stage}; nothing changed")
        return EXIT_OK
    upcoming = store.calendar.cancelled_by_leaving(candidate_id) if before.stage == "agreed" else None
    candidate = store.tracker.move(candidate_id, args.stage)
    print(f"{candidate.id} {candidate.name}: {candidate.stage}")
    if upcoming is not None:
        print(f"The mentorship with {candidate.name} has ended: "
              f"{plural(upcoming, 'planned meeting')} cancelled, held ones kept.")
    return EXIT_OK


COMMANDS = {"add": _cmd_add, "list": _cmd_list, "move": _cmd_move}
COMMANDS.update(CALENDAR_COMMANDS)  # agree, meetings, export


@contextmanager
def _demo_database() -> Iterator[tuple[str, str]]:
    """A throwaway database filled with sample data: (its folder, its path)."""
    from mentee_tui.cli.demo import fill_demo

    folder = tempfile.mkdtemp(prefix="mentee-tui-demo-")
    try:
        path = os.path.join(folder, "mentee.json")
        fill_demo(path)
        yield folder, path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run_app(db_path, demo: bool) -> int:
    if demo:
        with _demo_database() as (folder, path):
            return _run_tui(path, folder)
    return _run_tui(db_path, None)


def _run_tui(db_path, demo_folder: str | None) -> int:
    from mentee_tui.tui.app import make_app

    app = make_app(db_path=db_path, demo_folder=demo_folder)
    try:
        app.run()
    finally:
        app.writes.close()  # every write asked for is on disk before the process ends
    return app.return_code or EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    from mentee_tui.storage import InvalidInput, NotFound, StorageError

    args = build_parser().parse_args(argv)
    db_path = resolve_db_path(args.db)
    try:
        if args.command == "where":
            print(db_path)
            return EXIT_OK
        if args.command in COMMANDS and args.demo:
            # Never let `--demo add` write into the person's real database.
            with _demo_database() as (_folder, demo_path):
                return COMMANDS[args.command](args, Path(demo_path))
        if args.command in COMMANDS:
            return COMMANDS[args.command](args, db_path)
        return _run_app(db_path, args.demo)
    except StorageError as exc:
        return _fail(str(exc), EXIT_DB)
    except (InvalidInput, NotFound) as exc:
        return _fail(str(exc).strip("'\""), EXIT_USAGE)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `mentee-tui list | head`: the reader left early; that is not an error, and
        # the final flush at exit must not print a traceback either.
        _silence_stdout()
        return EXIT_OK


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is not a real file (tests capture it)
