"""Storage: TinyDB and files, and nothing else. Typed records in, typed records out.

The only package that imports tinydb. `Store` composes the repositories; errors are
exceptions (`StorageError`: the file itself; `NotFound`; `InvalidInput` from
`domain.validate`: what the person typed), never a None that also means "nothing".
"""

from mentee_tui.domain.validate import InvalidInput
from mentee_tui.storage.database import (
    SCHEMA_VERSION,
    GaveUp,
    NotFound,
    StorageError,
    atomic_write_json,
)
from mentee_tui.storage.store import Clock, Store

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
