"""Write the .ics export to a file: private (0600, it holds meeting notes) and atomic."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ICS_FILENAME = "mentoring.ics"


def default_ics_path(db_path: Path) -> Path:
    """Beside the database, where the person already keeps their mentoring data."""
    return db_path.parent / ICS_FILENAME


def write_private_text(path: Path, text: str) -> None:
    """A temp file created 0600 beside `path`, then replaced: a half-written export never shows.

    OSError goes to the caller, which says what went wrong in one line.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise


__all__ = ["ICS_FILENAME", "default_ics_path", "write_private_text"]
