"""Time zones: the system's default and validation of IANA names (no textual, no tinydb)."""

from __future__ import annotations

import os
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def system_timezone() -> str:
    """The system's IANA zone name, best effort; UTC when it cannot be told."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and is_zone(tz):
        return tz
    try:
        link = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in link:
            name = link.split("zoneinfo/", 1)[1]
            if is_zone(name):
                return name
    except OSError:
        pass
    local = datetime.now().astimezone().tzinfo
    name = getattr(local, "key", None) or str(local)
    return name if is_zone(name) else "UTC"


def person_zone(settings) -> str:
    """The zone dates are shown in: the settings' (over SSH the server's zone is often not the
    user's), else the system's. `settings` may be None when they could not be read."""
    return (getattr(settings, "timezone", "") or "") or system_timezone()


def is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name this system knows, sorted (for completion)."""
    return tuple(sorted(available_timezones()))


@cache
def _by_folded_name() -> dict[str, str]:
    return {name.casefold(): name for name in zone_names()}


def canonical_zone(name: str) -> str | None:
    """The IANA spelling of `name` matched case-insensitively ("europe/paris" →
    "Europe/Paris"), or None when no zone has that name."""
    name = name.strip()
    if not name:
        return None
    found = _by_folded_name().get(name.casefold())
    if found is not None:
        return found
    return name if is_zone(name) else None  # a name known to zoneinfo but not listed


__all__ = ["canonical_zone", "is_zone", "person_zone", "system_timezone", "zone_names"]
