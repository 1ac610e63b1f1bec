"""Storage: TinyDB and files, and nothing else. Typed records in, typed records out.

The only package that imports tinydb. `Store` composes the repositories; errors are
exceptions (`StorageError`: the file itself; `NotFound`; `InvalidInput` from
`domain.validate`: what the person typed), never a None that also means "nothing".

The names below are imported on first use, not with the package: `storage.paths` (which
the command line needs before it knows whether it starts the TUI) must not pay for TinyDB.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mentee_tui.domain.validate import InvalidInput
    from mentee_tui.storage.database import (
        SCHEMA_VERSION,
        GaveUp,
        NotFound,
        StorageError,
        atomic_write_json,
    )
    from mentee_tui.storage.store import Clock, Store

_HOMES = {
    "SCHEMA_VERSION": "mentee_tui.storage.database",
    "Clock": "mentee_tui.storage.store",
    "GaveUp": "mentee_tui.storage.database",
    "InvalidInput": "mentee_tui.domain.validate",
    "NotFound": "mentee_tui.storage.database",
    "Store": "mentee_tui.storage.store",
    "StorageError": "mentee_tui.storage.database",
    "atomic_write_json": "mentee_tui.storage.database",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # once: the next lookup is an ordinary global
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


__all__ = [
    "SCHEMA_VERSION",
    "Clock",
    "GaveUp",
    "InvalidInput",
    "NotFound",
    "Store",
    "StorageError",
    "atomic_write_json",
]
