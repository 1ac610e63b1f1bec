"""Warnings given once: which ones were already shown, kept in a private state file.

The warning about a database folder others can read is said once per folder, not on
every command (a setup script of 14 commands printed it 14 times). The state file is
0600 in a 0700 folder, written atomically; if it cannot be read or written, the warning
is simply given again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mentee_tui.storage.atomic import atomic_write_bytes
from mentee_tui.storage.paths import state_dir

STATE_FILE = "warned.json"


def state_path() -> Path:
    return state_dir() / STATE_FILE


def _given(path: Path) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [str(key) for key in data] if isinstance(data, list) else []


def first_time(key: str) -> bool:
    """True the first time `key` is asked about (and remembers it), False afterwards."""
    path = state_path()
    given = _given(path)
    if key in given:
        return False
    try:
        if not path.parent.is_dir():
            path.parent.parent.mkdir(parents=True, exist_ok=True)
            path.parent.mkdir(mode=0o700, exist_ok=True)
            os.chmod(path.parent, 0o700)  # private whatever the umask
        atomic_write_bytes(path, json.dumps([*given, key], ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # cannot remember it: warn every time rather than never
    return True


def folder_key(folder: Path) -> str:
    return f"readable-folder:{os.path.abspath(folder)}"


__all__ = ["STATE_FILE", "first_time", "folder_key", "state_path"]
