"""`mentee-tui restore [BACKUP]`: put a daily backup back in place of the database.

The backup is checked with the database's own checks before anything is replaced, and
the file it replaces (even a damaged one) is kept aside. No Textual.
"""

from __future__ import annotations

from mentee_tui.cli.support import EXIT_OK, FILE_COMPLETION


def add_backup_commands(add_sub) -> None:
    restore = add_sub(
        "restore",
        "put a backup back in place of the database (default: the newest); the current "
        "file is kept aside as DATABASE.before-restore-DATE",
        "mentee-tui restore --list\n  mentee-tui restore\n  mentee-tui restore 2026-11-24",
    )
    backup = restore.add_argument(
        "backup", metavar="BACKUP", nargs="?",
        help="a backup file, its name beside the database or its date (YYYY-MM-DD)")
    backup.complete = FILE_COMPLETION
    restore.add_argument("--list", action="store_true",
                         help="list the backups beside the database, newest first")


def cmd_restore(args, db_path) -> int:
    from mentee_tui.storage.backups import backups, restore
    from mentee_tui.storage.database import real_path

    path = real_path(db_path)
    if args.list:
        found = backups(path)
        if not found:
            print(f"no backups beside {path} yet (one is made each day before the first change)")
        for backup in found:
            print(f"{backup}  {backup.stat().st_size} bytes")
        return EXIT_OK
    restored = restore(path, args.backup)
    print(f"restored {restored.backup} to {path}")
    if restored.kept_aside is not None:
        print(f"the file it replaced is kept as {restored.kept_aside}")
    return EXIT_OK


BACKUP_COMMANDS = {"restore": cmd_restore}

__all__ = ["BACKUP_COMMANDS", "add_backup_commands"]
