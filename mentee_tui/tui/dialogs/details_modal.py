"""Everything about one candidate: every field, the warning explained, the dated history."""

from __future__ import annotations

import arrow
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from mentee_tui.domain.stages import (
    STAGE_TITLES,
    days_in_stage,
    follow_up_due,
    parse_instant,
    warning_text,
)
from mentee_tui.domain.text import clean_text
from mentee_tui.model import Candidate
from mentee_tui.tui.widgets.candidate_card import (
    FOLLOW_UP_GLYPH,
    WARNING_GLYPH,
    stage_age,
)
from mentee_tui.tui.resources import sheet

EVENT_LABELS = {"stage": "moved to", "follow_up": "follow-up", "draft": "draft", "note": "note"}


def _when(iso: str, zone: str) -> str:
    try:
        return parse_instant(iso).to(zone).format("YYYY-MM-DD HH:mm")
    except (arrow.parser.ParserError, ValueError, TypeError):
        return clean_text(iso)


def details_content(
    candidate: Candidate,
    *,
    now: arrow.Arrow,
    follow_up_days: int,
    referred_by: Candidate | None = None,
    zone: str = "UTC",
) -> Content:
    """The details as one `Content`: labels bold, user text literal, times in `zone`."""
    parts: list[str | tuple[str, str] | Content] = []

    def line(label: str, value: str) -> None:
        parts.extend([(f"{label}: ", "bold"), clean_text(value, multiline=True) or "—", "\n"])

    c = candidate
    stage = STAGE_TITLES.get(c.stage, c.stage)
    line("Stage", f"{stage}, {stage_age(days_in_stage(c, now))}")
    warning = warning_text(c)
    if warning:
        parts.extend([(f"{WARNING_GLYPH} {warning}", "bold"), "\n"])
    if follow_up_due(c, now, follow_up_days):
        parts.extend([
            (f"{FOLLOW_UP_GLYPH} Follow-up due: no stage change or follow-up for "
             f"{follow_up_days} days or more (f logs one).", "bold"),
            "\n",
        ])
    line("Email", c.email)
    line("Role", c.role)
    line("Organization", c.organization)
    line("Source", c.source)
    line("Profile URL", c.url)
    line("Introduced by", c.introduced_by)
    if c.referred_by is not None:
        who = referred_by.name if referred_by is not None else "a removed card"
        line("Referred by", f"{who} (#{c.referred_by})")
    line("I know them well", "yes" if c.knows_well else "no")
    line("My direct or indirect supervisor", "yes" if c.is_supervisor else "no")
    line("Why them", c.why)
    line("Notes", c.notes)
    line("Added", _when(c.created_at, zone))
    line("Last changed", _when(c.updated_at, zone))
    parts.extend(["\n", ("History", "bold underline"), f" (times in {zone})\n"])
    for entry in c.history:
        what = EVENT_LABELS.get(entry.event, entry.event)
        if entry.event == "stage" and entry.stage:
            what = f"{what} {STAGE_TITLES.get(entry.stage, entry.stage)}"
        parts.extend([(_when(entry.at, zone), "bold"), f"  {what}"])
        if entry.note:
            parts.append(" — " + clean_text(entry.note))
        parts.append("\n")
    return Content.assemble(*parts).rstrip()


class DetailsModal(ModalScreen[str | None]):
    """Closes with escape, enter or q; `e` closes asking the tracker to open the form."""

    CSS_PATH = sheet("dialogs")
    BINDINGS = [
        Binding("escape,enter,q", "close", "Close", id="details.close"),
        Binding("e", "edit", "Edit", id="details.edit"),
    ]

    def __init__(self, candidate: Candidate, body: Content) -> None:
        super().__init__(classes="mentee-dialog")
        self.candidate = candidate
        self.body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box", id="details-box"):
            yield Static(Content(clean_text(self.candidate.name)), classes="dialog-title")
            yield Static(self.body, id="details-body")
            yield Static("e edit · escape close", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#details-box").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_edit(self) -> None:
        self.dismiss("edit")


__all__ = ["DetailsModal", "details_content"]
