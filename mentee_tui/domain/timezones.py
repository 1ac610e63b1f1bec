"""Time zones: the system's default and validation of IANA names (no textual, no tinydb)."""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def system_timezone() -> str:
    """The system's IANA zone name, best effort; UTC when it cannot be told."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and _is_zone(tz):
        return tz
    try:
        link = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in link:
            name = link.split("zoneinfo/", 1)[1]
            if _is_zone(name):
                return name
    except OSError:
        pass
    local = datetime.now().astimezone().tzinfo
    name = getattr(local, "key", None) or str(local)
    return name if _is_zone(name) else "UTC"


def person_zone(settings) -> str:
    """The zone dates are shown in: the settings' (over SSH the server's zone is often not the
    user's), else the system's. `settings` may be None when they could not be read."""
    return (getattr(settings, "timezone", "") or "") or system_timezone()


def _is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def check_timezone(name: str) -> str:
    """'' means the system zone; anything else must be an IANA name such as Europe/Paris."""
    name = name.strip()
    if name and not _is_zone(name):
        raise ValueError(f"unknown time zone {name!r}; use an IANA name such as Europe/Paris")
    return name


def timezone_names() -> list[str]:
    return sorted(available_timezones())
