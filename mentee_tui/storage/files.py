"""Write the .ics export to a file: private (0600, it holds meeting notes) and atomic."""

from __future__ import annotations

from pathlib import Path

from mentee_tui.storage.atomic import atomic_write_bytes

ICS_FILENAME = "mentoring.ics"


def default_ics_path(db_path: Path) -> Path:
    """Beside the database, where the person already keeps their mentoring data."""
    return db_path.parent / ICS_FILENAME


def write_private_text(path: Path, text: str) -> None:
    """Private (it holds meeting notes) and atomic: a half-written export never shows."""
    atomic_write_bytes(path, text.encode("utf-8"))


__all__ = ["ICS_FILENAME", "default_ics_path", "write_private_text"]
