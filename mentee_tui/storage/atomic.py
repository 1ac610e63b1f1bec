"""Private, atomic file writes: the database and the .ics export share one way to save.

The content goes to a temp file created 0600 in the same folder, is fsynced, then
`os.replace`d over the target, and the folder is fsynced so the rename survives a crash.
The target is untouched until the temp file holds everything: a reader sees the old file
or the new one, never a torn one, and content that fails half-way (an error while it is
produced, a full disk) leaves no temp file behind. OSError goes to the caller, which says
what went wrong in one line.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    atomic_write_chunks(path, (payload,))


def atomic_write_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """`atomic_write_bytes` for content produced piece by piece (the database: never one
    6 MB string in memory at 10,000 candidates)."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)  # mkstemp already uses 0600; be explicit under any umask
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = ["atomic_write_bytes", "atomic_write_chunks"]
