"""The `mentee-tui` command line. Subcommands never import Textual."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from mentee_tui import __version__
from mentee_tui.cli.backups import BACKUP_COMMANDS, add_backup_commands
from mentee_tui.cli.calendar import CALENDAR_COMMANDS, add_calendar_commands
from mentee_tui.cli.candidates import CANDIDATE_COMMANDS, add_candidate_commands
from mentee_tui.cli.exchange import EXCHANGE_COMMANDS, add_exchange_commands
from mentee_tui.cli.setup import SETUP_COMMANDS, add_setup_commands
from mentee_tui.cli.today import TODAY_COMMANDS, add_today_commands
from mentee_tui.cli.support import EXIT_DB, EXIT_OK, EXIT_USAGE, FILE_COMPLETION
from mentee_tui.cli.support import fail as _fail
from mentee_tui.storage.paths import ENV_VAR, resolve_db_path

COMPLETION_SHELLS = ("bash", "zsh")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one clear line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; `commands=False`: only the options that start the app."""
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
    db = parser.add_argument("--db", metavar="PATH", help="the database file to use")
    db.complete = FILE_COMPLETION
    parser.add_argument(
        "--demo", action="store_true", help="open a temporary database filled with sample data"
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add_sub(name: str, help_text: str, example: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=f"Example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    add_candidate_commands(add_sub)
    add_calendar_commands(add_sub)
    add_exchange_commands(add_sub)
    add_setup_commands(add_sub)
    add_today_commands(add_sub)
    add_backup_commands(add_sub)
    completion = add_sub("completion", "print the shell completion script for bash or zsh",
                         "mentee-tui completion bash > ~/.local/share/bash-completion/"
                         "completions/mentee-tui")
    completion.add_argument("shell", metavar="SHELL", choices=COMPLETION_SHELLS,
                            help=f"one of: {', '.join(COMPLETION_SHELLS)}")
    add_sub("where", "print the database path in use", "mentee-tui --db ~/mentee.json where")
    return parser


def _cmd_completion(args, _db_path) -> int:
    import shtab

    sys.stdout.write(shtab.complete(build_parser(), shell=args.shell))
    return EXIT_OK


COMMANDS = {**CANDIDATE_COMMANDS, **CALENDAR_COMMANDS, **EXCHANGE_COMMANDS, **SETUP_COMMANDS,
            **TODAY_COMMANDS, **BACKUP_COMMANDS}


@contextmanager
def _demo_database() -> Iterator[tuple[str, str]]:
    """A throwaway database filled with sample data: (its folder, its path)."""
    import shutil
    import tempfile

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
    # No garbage collection while Textual and the app import and Home loads: those passes
    # walk every new object again and again (180 ms of a 10,000-candidate start) and find
    # a few thousand objects of garbage. The app turns the collector back on once Home
    # shows what it loaded (`MenteeApp.keep_loaded`).
    collecting = gc.isenabled()
    gc.disable()
    try:
        from mentee_tui.tui.app import make_app

        app = make_app(db_path=db_path, demo_folder=demo_folder)
        try:
            app.run()
        finally:
            if app.writes.pending:  # the screen is gone: say why the prompt is not back yet
                print("mentee-tui: finishing the last changes (waiting for the database)…",
                      file=sys.stderr)
            app.writes.close()  # every write asked for is on disk before the process ends
    finally:
        if collecting:
            gc.enable()
    return app.return_code or EXIT_OK


def _starts_the_app(argv: Sequence[str]) -> bool:
    """Whether `argv` holds only the options that start the app (`--db PATH`, `--demo`):
    then the twenty-odd subcommand parsers, a few milliseconds of every start, are not
    built. Anything else (a command, --help, a mistake) gets the whole parser."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--db":
            if next(tokens, None) is None:
                return False
        elif token != "--demo" and not token.startswith("--db="):
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(commands=not _starts_the_app(argv)).parse_args(argv)
    db_path = resolve_db_path(args.db)
    try:
        if args.command == "where":
            print(db_path)
            return EXIT_OK
        if args.command == "completion":
            return _cmd_completion(args, db_path)
        if args.command in COMMANDS and args.demo:
            # Never let `--demo add` write into the person's real database.
            with _demo_database() as (_folder, demo_path):
                return COMMANDS[args.command](args, Path(demo_path))
        if args.command in COMMANDS:
            return COMMANDS[args.command](args, db_path)
        return _run_app(db_path, args.demo)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `mentee-tui list | head`: the reader left early; that is not an error, and
        # the final flush at exit must not print a traceback either.
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:
        # Storage (and through it TinyDB and domain.validate) only once something failed:
        # starting the TUI imports none of it before handing over to the app.
        from mentee_tui.storage import InvalidInput, NotFound, StorageError

        if isinstance(exc, StorageError):
            return _fail(str(exc), EXIT_DB)
        if isinstance(exc, (InvalidInput, NotFound)):
            return _fail(str(exc).strip("'\""), EXIT_USAGE)
        raise


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is not a real file (tests capture it)
