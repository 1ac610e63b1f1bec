"""Rolling daily backups beside the database, and putting one back.

Before the first write of a day, the version about to be replaced (already read and
checked, so a good one) is copied byte for byte to `mentee.json.backup-YYYY-MM-DD`,
privately and atomically; the last `KEEP` are kept. `restore` checks a backup loads with
the same checks as the database before it replaces anything, and keeps the file it
replaces (even a damaged one) as `mentee.json.before-restore-…`: nothing is destroyed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mentee_tui.storage.atomic import atomic_write_bytes

KEEP = 7
INFIX = ".backup-"


def _pattern(path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(path.name + INFIX) + r"\d{4}-\d{2}-\d{2}")


def backups(path: Path) -> list[Path]:
    """The backups of the database at `path`, newest first."""
    pattern = _pattern(path)
    try:
        names = [e.name for e in os.scandir(path.parent) if pattern.fullmatch(e.name)]
    except OSError:
        return []
    return [path.with_name(name) for name in sorted(names, reverse=True)]


def newest_backup(path: Path) -> Path | None:
    found = backups(path)
    return found[0] if found else None


def backup_path(path: Path, day: str) -> Path:
    return path.with_name(f"{path.name}{INFIX}{day}")


def keep_daily_backup(path: Path, raw: bytes, day: str) -> bool:
    """The day's backup of the version `raw` (the file as last read and checked), unless
    it is already there; older ones beyond the last KEEP are removed. Whether one was made."""
    target = backup_path(path, day)
    if target.exists():
        return False
    atomic_write_bytes(target, raw)
    for old in backups(path)[KEEP:]:
        try:
            old.unlink()
        except FileNotFoundError:
            pass
    return True


@dataclass(frozen=True, slots=True)
class Restored:
    backup: Path
    kept_aside: Path | None  # the file it replaced, or None when there was none


def find_backup(path: Path, given: str | None) -> Path:
    """The backup to restore: `given` as a path, or a name or date beside the database;
    the newest when not given."""
    from mentee_tui.storage.database import StorageError

    if not given:
        newest = newest_backup(path)
        if newest is None:
            raise StorageError(f"{path}: no backups beside it to restore "
                               f"(they are named {path.name}{INFIX}YYYY-MM-DD).")
        return newest
    for candidate in (Path(given).expanduser(), path.with_name(given), backup_path(path, given)):
        if candidate.is_file():
            return candidate.absolute()
    raise StorageError(f"{given}: no such backup (see `mentee-tui restore --list`).")


def restore(path: Path, given: str | None = None,
            now: Callable[[], datetime] = datetime.now) -> Restored:
    """Put a checked backup in place of the database, atomically, under the database lock."""
    from filelock import FileLock, Timeout

    from mentee_tui.storage.database import LOCK_TIMEOUT_SECONDS, StorageError
    from mentee_tui.storage.tables import check_bytes

    backup = find_backup(path, given)
    try:
        raw = backup.read_bytes()
    except OSError as exc:
        raise StorageError(f"{backup}: cannot read the backup: {exc.strerror}.") from exc
    check_bytes(backup, raw, lambda: f"Nothing was restored; {path} is as it was.")
    lock = FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
    try:
        with lock:
            aside = None
            if path.exists():
                aside = path.with_name(f"{path.name}.before-restore-{now():%Y-%m-%dT%H-%M-%S}")
                atomic_write_bytes(aside, path.read_bytes())
            atomic_write_bytes(path, raw)
    except Timeout as exc:
        raise StorageError(f"{path}: the database stayed locked by another mentee-tui; "
                           "try again.") from exc
    except OSError as exc:
        raise StorageError(f"{path}: cannot restore the backup: {exc.strerror or exc}. "
                           "Nothing was replaced.") from exc
    return Restored(backup, aside)


__all__ = ["KEEP", "Restored", "backup_path", "backups", "find_backup", "keep_daily_backup",
           "newest_backup", "restore"]
