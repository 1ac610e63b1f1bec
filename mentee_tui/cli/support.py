"""What every subcommand shares: exit statuses, the one-line error, opening the store.

No Textual here: the subcommands must start fast and work without a terminal.
"""

from __future__ import annotations

import sys

EXIT_OK, EXIT_DB, EXIT_USAGE = 0, 1, 2
# shtab's "complete a file name" for an argument (`action.complete = FILE_COMPLETION`),
# spelled out so building the parser does not import shtab.
FILE_COMPLETION = {"bash": "_shtab_compgen_files", "zsh": "_files", "tcsh": "f"}


def fail(message: str, status: int = EXIT_USAGE) -> int:
    """One clear line on stderr, never a traceback; returns the exit status."""
    print(f"mentee-tui: {message}", file=sys.stderr)
    return status


def open_store(db_path):
    """The store at `db_path`, its warnings on stderr (a folder others can read: once per
    folder, not on every command)."""
    from mentee_tui.storage import Store
    from mentee_tui.storage.config import load_config, settings_defaults

    loaded = load_config()
    if loaded.problem:  # the defaults are used; say why once
        print(f"mentee-tui: warning: {loaded.problem}", file=sys.stderr)
    store = Store(db_path, settings_defaults=settings_defaults(loaded.config))
    for warning in store.warnings_once():
        print(f"mentee-tui: warning: {warning}", file=sys.stderr)
    return store


__all__ = ["EXIT_DB", "EXIT_OK", "EXIT_USAGE", "FILE_COMPLETION", "fail", "open_store"]
