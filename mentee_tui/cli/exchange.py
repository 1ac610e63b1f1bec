"""`export {json,csv,md,ics}` and `import FILE`: the person's data in and out (no Textual).

Formats and the modules that read or write them are imported by the command that uses
them, so the other subcommands stay fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from mentee_tui.cli.support import EXIT_OK, EXIT_USAGE, FILE_COMPLETION
from mentee_tui.cli.support import fail as _fail
from mentee_tui.cli.support import open_store as _open_store

AddSub = Callable[[str, str, str], argparse.ArgumentParser]
MAX_LISTED_PROBLEMS = 10  # a wrong file can have thousands of bad rows: name the first ones


def _export_json(store) -> str:
    import json

    from mentee_tui.storage.exchange import backup

    return json.dumps(backup(store.db), ensure_ascii=False, indent=2) + "\n"


def _export_csv(store) -> str:
    from mentee_tui.domain.exports import candidates_csv

    return candidates_csv(store.candidates.all())


def _export_md(store) -> str:
    from mentee_tui.domain.exports import markdown_summary

    return markdown_summary(
        candidates=store.candidates.all(), reflections=store.reflections.all(),
        mentorships=store.calendar.mentorships(), meetings=store.calendar.meetings(),
        now=store.now())


def _export_ics(store, with_notes: bool = False) -> str:
    from mentee_tui.storage.exchange import ics_export

    return ics_export(store, with_notes=with_notes)


def _export_agreement(store) -> str:
    from mentee_tui.storage.exchange import agreement_export

    return agreement_export(store)


EXPORTERS: dict[str, Callable] = {
    "json": _export_json, "csv": _export_csv, "md": _export_md, "ics": _export_ics,
    "agreement": _export_agreement,
}
EXPORT_HELP = ("json: every table, to restore with `import`; csv: one row per candidate; "
               "md: a readable summary; ics: the meetings for a calendar (the agenda only, "
               "unless --with-notes); agreement: the mentoring agreement as markdown")


def add_exchange_commands(add_sub: AddSub) -> None:
    export = add_sub("export", "export your data to a file (or to the screen without -o)",
                     "mentee-tui export ics -o mentoring.ics\n"
                     "  mentee-tui export ics --with-notes -o private.ics\n"
                     "  mentee-tui export agreement -o agreement.md\n"
                     "  mentee-tui export json -o backup.json\n"
                     "  mentee-tui export md | less")
    export.add_argument("format", metavar="FORMAT", choices=sorted(EXPORTERS), help=EXPORT_HELP)
    output = export.add_argument("-o", "--output", metavar="FILE",
                                 help="write to FILE (private, 0600) instead of printing")
    output.complete = FILE_COMPLETION
    export.add_argument("--with-notes", action="store_true",
                        help="ics: also the meeting notes and action items (private: anyone "
                             "the calendar or an invite reaches reads them)")

    imp = add_sub(
        "import",
        "import candidates from a csv file (mentee-tui's own or LinkedIn's Connections.csv) "
        "or restore a json export into an empty database",
        "mentee-tui import Connections.csv --dry-run\n"
        "  mentee-tui --db new.json import backup.json")
    source = imp.add_argument("file", metavar="FILE", help="a .csv or a mentee-tui .json export")
    source.complete = FILE_COMPLETION
    imp.add_argument("--skip-invalid", action="store_true",
                     help="csv: import the valid rows and count the others (default: a bad "
                          "row stops the import and nothing is written)")
    imp.add_argument("--dry-run", action="store_true", help="check and report, write nothing")


def cmd_export(args, db_path) -> int:
    from mentee_tui.storage.files import write_private_text

    target = Path(args.output).expanduser() if args.output else None
    if target is not None and not target.parent.is_dir():
        return _fail(f"cannot write {target}: no folder {target.parent}")
    if args.with_notes and args.format != "ics":
        return _fail(f"--with-notes is for `export ics`, not {args.format}")
    store = _open_store(db_path)
    text = (_export_ics(store, with_notes=True) if args.with_notes
            else EXPORTERS[args.format](store))
    if target is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_private_text(target, text)
    except OSError as exc:
        return _fail(f"cannot write {target}: {exc.strerror}")
    print(f"wrote {target}", file=sys.stderr)
    return EXIT_OK


def _read(path: Path) -> str:
    """The file as text: UTF-8, with or without a byte-order mark."""
    from mentee_tui.domain.validate import InvalidInput

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{path.name}: not UTF-8 text (byte {exc.start}); save it as "
                           "UTF-8 and try again") from None


def cmd_import(args, db_path) -> int:
    path = Path(args.file).expanduser()
    text = _read(path)
    if text.lstrip().startswith(("{", "[")):
        return _import_json(args, db_path, path.name, text)
    return _import_csv(args, db_path, path.name, text)


def _import_json(args, db_path, name: str, text: str) -> int:
    import json

    from mentee_tui.domain.text import plural
    from mentee_tui.storage.exchange import has_data, read_backup, refusal, restore

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return _fail(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg}); nothing imported")
    try:
        records = read_backup(data)
    except ValueError as exc:
        return _fail(f"{name}: {exc}; nothing imported")
    store = _open_store(db_path)
    held = has_data(store.db)
    if held:
        return _fail(f"{refusal(held)}; nothing imported")
    if args.dry_run:
        counts = {table: len(items) for table, items in records.items()}
    else:
        counts = restore(store.db, records).counts
    added = counts.get("candidates", 0)
    restored = ", ".join(plural(counts.get(table, 0), word) for table, word in (
        ("mentorships", "mentorship"), ("meetings", "meeting"),
        ("reflections", "reflection answer")))
    prefix = "dry run, nothing written: would add" if args.dry_run else "added"
    print(f"{name}: {prefix} {plural(added, 'candidate')} (ids kept) and {restored}; "
          "0 skipped as duplicates, 0 invalid")
    return EXIT_OK


def _import_csv(args, db_path, name: str, text: str) -> int:
    from mentee_tui.domain.csv_import import parse_csv, plan_import
    from mentee_tui.domain.validate import InvalidInput
    from mentee_tui.storage.exchange import import_csv

    try:
        parsed = parse_csv(text)
    except InvalidInput as exc:
        return _fail(f"{name}: {exc}; nothing imported")
    store = _open_store(db_path)
    plan = plan_import(parsed, store.candidates.all())
    stopped = bool(plan.invalid) and not args.skip_invalid
    if stopped:
        return _refuse(name, plan.invalid)
    plan = import_csv(store.candidates, parsed, skip_invalid=args.skip_invalid,
                      dry_run=args.dry_run)
    for problem in plan.invalid:
        print(f"mentee-tui: {problem.message(name)}; skipped", file=sys.stderr)
    for line, label, duplicate in plan.duplicates:
        print(f"{name} line {line}: skipped {label}: {duplicate.message()}")
    counts = (f"{len(plan.added)} added, {len(plan.duplicates)} skipped as duplicates, "
              f"{len(plan.invalid)} invalid")
    if args.dry_run:
        counts = "dry run, nothing written: " + counts.replace(" added", " would be added", 1)
    print(f"{name} ({plan.kind}): {counts}")
    return EXIT_OK


def _refuse(name: str, problems) -> int:
    """All or nothing: name the bad rows, write nothing, exit 2."""
    from mentee_tui.domain.text import plural

    hint = "nothing imported (fix {what}, or use --skip-invalid to import the other rows)"
    if len(problems) == 1:
        return _fail(f"{problems[0].message(name)}; {hint.format(what='it')}")
    for problem in problems[:MAX_LISTED_PROBLEMS]:
        print(f"mentee-tui: {problem.message(name)}", file=sys.stderr)
    more = len(problems) - MAX_LISTED_PROBLEMS
    if more > 0:
        print(f"mentee-tui: … and {plural(more, 'more invalid row')}", file=sys.stderr)
    return _fail(f"{plural(len(problems), 'invalid row')}: {hint.format(what='them')}",
                 EXIT_USAGE)


EXCHANGE_COMMANDS = {"export": cmd_export, "import": cmd_import}

__all__ = ["EXCHANGE_COMMANDS", "EXPORTERS", "add_exchange_commands"]
