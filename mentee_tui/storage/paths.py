"""Where the database lives. Computed in functions, never at import time."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "MENTEE_TUI_DB"
APP_NAME = "mentee-tui"
DB_FILENAME = "mentee.json"


def default_db_path() -> Path:
    """The platform data dir, e.g. ~/.local/share/mentee-tui/mentee.json."""
    import platformdirs  # only when neither --db nor $MENTEE_TUI_DB names the file

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def state_dir() -> Path:
    """Where small private state lives (which warnings were given), e.g.
    ~/.local/state/mentee-tui; `$XDG_STATE_HOME` moves it on Linux. Asked only when a
    warning might be repeated, so platformdirs is imported here, not by every command."""
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def resolve_db_path(cli_path: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH`, else `$MENTEE_TUI_DB`, else the platform data dir."""
    if cli_path:
        return Path(cli_path).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_db_path()
