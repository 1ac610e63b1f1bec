"""An answer's dated revisions, each with what changed since the one before.

Each one shows its time to the second and how long ago that was (from the store's clock,
so a fixed clock gives fixed words), and marks, with a glyph and a word, the one that is
the answer's text now and the ones a restore brought back.
"""

from __future__ import annotations

import arrow
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from mentee_tui.domain.reflection import Prompt, revision_diff
from mentee_tui.domain.stages import parse_instant
from mentee_tui.model import Revision
from mentee_tui.tui.resources import sheet

# Without colour the glyph at the start of a line says what happened to it.
DIFF_STYLES = {"+": "bold", "-": "strike dim", " ": ""}
CURRENT_MARK = "● current"
RESTORED_MARK = "↺ restored"


def revision_label(at: str, zone: str = "UTC") -> str:
    """A revision's date and time, to the second, in the person's time zone (the setting,
    else the system's): two revisions a minute apart never read the same."""
    try:
        return parse_instant(at).to(zone).format("YYYY-MM-DD HH:mm:ss")
    except (arrow.parser.ParserError, ValueError, TypeError):
        return at


def relative_label(at: str, now: arrow.Arrow) -> str:
    """How long before `now` (the store's clock) a revision was kept: "3 minutes ago"."""
    try:
        return parse_instant(at).humanize(now)
    except (arrow.parser.ParserError, ValueError, TypeError):
        return ""


def current_index(revisions: list[Revision], current_text: str) -> int | None:
    """The newest revision (of a newest-first list) holding the answer's text now."""
    return next((i for i, r in enumerate(revisions) if r.text == current_text), None)


def option_text(revision: Revision, zone: str, now: arrow.Arrow, current: bool) -> Text:
    """The date and time; how long ago; and a line of marks if it has any."""
    text = Text(revision_label(revision.at, zone))
    text.append(f"\n{relative_label(revision.at, now)}", style="dim")
    marks = [(CURRENT_MARK, "bold")] if current else []
    if revision.restored_from:
        marks.append((RESTORED_MARK, "italic"))
    for number, (mark, style) in enumerate(marks):
        text.append("\n" if number == 0 else " ")
        text.append(mark, style=style)
    return text


def diff_text(before: str, after: str) -> Text:
    """The change as Text (user text stays literal, never markup)."""
    text = Text()
    changes = revision_diff(before, after)
    if not changes:
        return Text("(empty)", style="dim")
    for tag, line in changes:
        text.append(f"{tag} {line}\n", style=DIFF_STYLES[tag])
    text.rstrip()
    return text


class RevisionsModal(ModalScreen[Revision | None]):
    """Returns the revision to restore (enter), or None (escape)."""

    CSS_PATH = sheet("dialogs")
    BINDINGS = [
        Binding("escape", "close", "Close", id="revisions.close"),
        Binding("enter", "restore", "Restore this revision", id="revisions.restore"),
    ]

    def __init__(self, prompt: Prompt, revisions: list[Revision], zone: str = "UTC", *,
                 now: arrow.Arrow, current_text: str = "") -> None:
        super().__init__(classes="mentee-dialog")
        self.prompt = prompt
        self.zone = zone
        self.now = now
        self.revisions = list(reversed(revisions))  # newest first
        self.current = current_index(self.revisions, current_text)

    def compose(self) -> ComposeResult:
        with Vertical(id="revisions-box", classes="dialog-box"):
            yield Static(Text(f"Revisions: {self.prompt.title}"), classes="dialog-title")
            if not self.revisions:
                yield Static(
                    "No revisions yet. One is kept each time you leave an answer you changed.",
                    id="revisions-empty",
                )
            else:
                with Horizontal(id="revisions-row"):
                    yield OptionList(
                        *(Option(option_text(r, self.zone, self.now, i == self.current), id=str(i))
                          for i, r in enumerate(self.revisions)),
                        id="revisions-list",
                    )
                    with VerticalScroll(id="revisions-diff-scroll"):
                        yield Static(id="revisions-diff")
            yield Static(
                "↑↓ pick a revision · + added, - removed · enter restore · escape close",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        if self.revisions:
            listing = self.query_one("#revisions-list", OptionList)
            listing.highlighted = 0
            listing.focus()
            self._show(0)

    def _show(self, index: int) -> None:
        current = self.revisions[index]
        previous = self.revisions[index + 1].text if index + 1 < len(self.revisions) else ""
        heading = Text(f"{revision_label(current.at, self.zone)}, against ", style="dim")
        heading.append("the one before" if index + 1 < len(self.revisions) else "an empty answer")
        if index == self.current:
            heading.append(f"\n{CURRENT_MARK}: the answer's text now", style="bold")
        if current.restored_from:
            heading.append(f"\n{RESTORED_MARK} from "
                           f"{revision_label(current.restored_from, self.zone)}", style="italic")
        heading.append("\n")
        self.query_one("#revisions-diff", Static).update(heading + diff_text(previous, current.text))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index is not None:
            self._show(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.revisions[event.option_index])

    def action_restore(self) -> None:
        if not self.revisions:
            return
        index = self.query_one("#revisions-list", OptionList).highlighted
        if index is not None:
            self.dismiss(self.revisions[index])

    def action_close(self) -> None:
        self.dismiss(None)


__all__ = [
    "CURRENT_MARK", "RESTORED_MARK", "RevisionsModal", "current_index", "diff_text",
    "option_text", "relative_label", "revision_label",
]
