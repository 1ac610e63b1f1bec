"""Time zones: the system's default and validation of IANA names (no textual, no tinydb)."""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


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


__all__ = ["is_zone", "person_zone", "system_timezone"]
