"""Turning stored JSON back into dataclasses, refusing records of the wrong shape.

A hand-edited or damaged record raises `DamagedRecord`, which storage turns into
a clear error naming the database file, instead of a traceback later on.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


class DamagedRecord(ValueError):
    """A stored record whose fields have the wrong types or are missing."""


def _type_ok(annotation: str, value: Any) -> bool:
    options = [part.strip() for part in str(annotation).split("|")]
    for option in options:
        if option == "None" and value is None:
            return True
        if option == "str" and isinstance(value, str):
            return True
        if option == "bool" and isinstance(value, bool):
            return True
        if option == "int" and isinstance(value, int) and not isinstance(value, bool):
            return True
        if option.startswith(("list", "tuple")) and isinstance(value, list):
            return True
        if option not in ("None", "str", "bool", "int") and not option.startswith(("list", "tuple")):
            return True  # a type we do not check here
    return False


def known_fields(cls: type, data: Any) -> dict[str, Any]:
    """The fields of `cls` found in `data`, each checked against its annotation."""
    if not isinstance(data, dict):
        raise DamagedRecord(f"a {cls.__name__} record is not a JSON object")
    found: dict[str, Any] = {}
    for f in fields(cls):
        if f.name in data:
            value = data[f.name]
            if not _type_ok(f.type, value):
                raise DamagedRecord(
                    f"a {cls.__name__} record has {f.name}={value!r:.40}, expected {f.type}"
                )
            found[f.name] = value
    return found


def build(cls: type[T], values: dict[str, Any]) -> T:
    try:
        return cls(**values)
    except TypeError as exc:
        raise DamagedRecord(f"a {cls.__name__} record is incomplete ({exc})") from exc
