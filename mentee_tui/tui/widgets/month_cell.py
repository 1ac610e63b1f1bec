"""One month of a mentorship's term on the calendar grid: date, time and status.

The current month and the selection stay visible without colour: the current
month's title carries a "▶" and is reversed, the selection has a double border
and bold text.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from mentee_tui.domain.schedule import month_of
from mentee_tui.domain.stages import parse_instant
from mentee_tui.model import Meeting, Mentorship

STATUS_GLYPHS = {
    "planned": "○",
    "done": "✓",
    "skipped": "–",
    "moved": "↷",
    "cancelled": "✗",
}


def cell_title(mentorship: Mentorship, number: int, current: bool) -> str:
    month = month_of(mentorship.first, number).format("MMM YYYY")
    return f"▶ {number} · {month}" if current else f"{number} · {month}"


def cell_body(meeting: Meeting, mentorship: Mentorship) -> Content:
    start = parse_instant(meeting.start).to(mentorship.timezone)
    glyph = STATUS_GLYPHS.get(meeting.status, "?")
    month = month_of(mentorship.first, meeting.number)
    # Moved into another year, the date says so: the cell's title names the planned month.
    day = "ddd D MMM" if start.year == month.year else "ddd D MMM YYYY"
    lines = [
        start.format(day),
        f"{start.format('HH:mm')} · {meeting.duration_minutes} min",
        f"{glyph} {meeting.status}",
    ]
    return Content("\n".join(lines))


class MonthCell(Static):
    """Not focusable: the calendar screen owns the cursor and moves it with the arrows."""

    def __init__(self, index: int) -> None:
        super().__init__(classes="month-cell")
        self.index = index

    def show(self, meeting: Meeting, mentorship: Mentorship, *, current: bool,
             selected: bool) -> None:
        self.border_title = cell_title(mentorship, meeting.number, current)
        self.update(cell_body(meeting, mentorship))
        self.set_class(current, "-current")
        self.set_class(selected, "-selected")
        for status in STATUS_GLYPHS:
            self.set_class(meeting.status == status, f"-{status}")


__all__ = ["STATUS_GLYPHS", "MonthCell", "cell_body", "cell_title"]
