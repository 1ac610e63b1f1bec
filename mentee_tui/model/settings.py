"""The person's settings: their name (the drafts' sign-off), follow-up days, meeting
defaults, time zone, theme, their email, the reminder."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mentee_tui.model.records import from_json, plain_dict


@dataclass(slots=True)
class Settings:
    follow_up_days: int = 7
    meeting_time: str = "09:00"
    meeting_duration: int = 60
    timezone: str = ""  # empty: the system's zone
    theme: str = "textual-dark"
    email: str = ""  # the ORGANIZER of the exported meetings
    reminder: str = "1d"  # the alarm before each exported meeting: 30m, 2h, 1d, 1w or none
    your_name: str = ""  # the sign-off of the outreach drafts; empty: a visible placeholder

    def to_dict(self) -> dict[str, Any]:
        return plain_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        return from_json(cls, data)
