"""Turning stored JSON back into dataclasses, refusing records of the wrong shape.

A hand-edited or damaged record raises `DamagedRecord`, which storage turns into a clear
error naming the database file, instead of a traceback later on. Each class's fields and
their accepted types are worked out once (`field_checks`), not once per record: a database
of 10,000 candidates converts them all on every change of the file.
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class DamagedRecord(ValueError):
    """A stored record whose fields have the wrong types or are missing."""


def _accepts(annotation: str) -> frozenset[type] | None:
    """The JSON types an annotation such as `int | None` accepts, as exact types (JSON gives
    exactly str, int, bool, None or list, and an exact test keeps True out of an int
    field); None: a type not checked here."""
    accepted: list[type] = []
    for option in (part.strip() for part in str(annotation).split("|")):
        if option == "None":
            accepted.append(type(None))
        elif option in ("str", "bool", "int"):
            accepted.append({"str": str, "bool": bool, "int": int}[option])
        elif option.startswith(("list", "tuple")):
            accepted.append(list)
        else:
            return None
    return frozenset(accepted)


@cache
def field_checks(cls: type) -> tuple[tuple[str, frozenset[type] | None, str], ...]:
    """(name, accepted JSON types, annotation) for each field of `cls`, computed once."""
    return tuple((f.name, _accepts(f.type), str(f.type)) for f in fields(cls))


_MISSING = object()


@cache
def _field_reader(cls: type) -> Callable[[Any], dict[str, Any]]:
    """`known_fields` for one class as straight-line code, generated once: the same checks
    in the same order and the same messages, without the per-field loop (10,000 candidates
    and their history entries go through it on every read of the file)."""
    lines = ["def read(data):",
             "    if not isinstance(data, dict):",
             f"        raise DamagedRecord({f'a {cls.__name__} record is not a JSON object'!r})",
             "    found = {}",
             "    get = data.get"]
    env: dict[str, Any] = {"DamagedRecord": DamagedRecord, "_MISSING": _MISSING}
    for i, (name, accepted, annotation) in enumerate(field_checks(cls)):
        lines.append(f"    v = get({name!r}, _MISSING)")
        lines.append("    if v is not _MISSING:")
        if accepted is not None:
            env[f"_a{i}"] = accepted
            test = " and ".join("v is not None" if t is type(None) else f"type(v) is not {t.__name__}"
                                for t in sorted(accepted, key=lambda t: t.__name__))
            lines.append(f"        if {test}:")
            prefix = f"a {cls.__name__} record has {name}="
            lines.append(f"            raise DamagedRecord({prefix!r} + f'{{v!r:.40}}, expected ' + {annotation!r})")
        lines.append(f"        found[{name!r}] = v")
    lines.append("    return found")
    exec("\n".join(lines), env)  # noqa: S102 - code built from the dataclass's own fields
    return env["read"]


def known_fields(cls: type, data: Any) -> dict[str, Any]:
    """The fields of `cls` found in `data`, each checked against its annotation."""
    return _field_reader(cls)(data)


def records_of(cls: type[T], items: Any) -> list[T]:
    """A list of nested records (a card's history): checked and built in one pass."""
    if not isinstance(items, list):
        raise DamagedRecord(f"a list of {cls.__name__} records is not a JSON list")
    read = _field_reader(cls)
    try:
        return [cls(**read(item)) for item in items]
    except TypeError as exc:
        raise DamagedRecord(f"a {cls.__name__} record is incomplete ({exc})") from exc


def build(cls: type[T], values: dict[str, Any]) -> T:
    try:
        return cls(**values)
    except TypeError as exc:
        raise DamagedRecord(f"a {cls.__name__} record is incomplete ({exc})") from exc


def plain_dict(record: Any) -> dict[str, Any]:
    """A record's fields as a dict, one level deep (nested records: the caller converts them).

    `dataclasses.asdict` deep-copies every value; this is several times faster for the
    thousands of records an export or `list --json` converts.
    """
    return {name: getattr(record, name) for name, _accepted, _annotation in field_checks(type(record))}


def from_json(cls: type[T], data: Any) -> T:
    """A record of `cls` from its JSON object: checked, then built."""
    return build(cls, known_fields(cls, data))


__all__ = [
    "DamagedRecord", "build", "field_checks", "from_json", "known_fields", "plain_dict", "records_of",
]
