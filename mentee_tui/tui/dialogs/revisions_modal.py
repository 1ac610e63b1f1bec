"""An answer's dated revisions, each with what changed since the one before."""

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
from mentee_tui.model import Revision

# Without colour the glyph at the start of a line says what happened to it.
DIFF_STYLES = {"+": "bold", "-": "strike dim", " ": ""}


def revision_label(at: str, zone: str = "UTC") -> str:
    """A revision's date in the person's time zone (the setting, else the system's)."""
    try:
        return arrow.get(at).to(zone).format("YYYY-MM-DD HH:mm")
    except (arrow.parser.ParserError, ValueError, TypeError):
        return at


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


class RevisionsModal(ModalScreen[str | None]):
    """Returns a revision's text to restore it (enter), or None (escape)."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="revisions.close"),
        Binding("enter", "restore", "Restore this revision", id="revisions.restore"),
    ]

    def __init__(self, prompt: Prompt, revisions: list[Revision], zone: str = "UTC") -> None:
        super().__init__(classes="mentee-dialog")
        self.prompt = prompt
        self.zone = zone
        self.revisions = list(reversed(revisions))  # newest first

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
                        *(Option(revision_label(r.at, self.zone), id=str(i)) for i, r in enumerate(self.revisions)),
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
        heading.append("\n")
        self.query_one("#revisions-diff", Static).update(heading + diff_text(previous, current.text))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index is not None:
            self._show(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.revisions[event.option_index].text)

    def action_restore(self) -> None:
        if not self.revisions:
            return
        index = self.query_one("#revisions-list", OptionList).highlighted
        if index is not None:
            self.dismiss(self.revisions[index].text)

    def action_close(self) -> None:
        self.dismiss(None)


__all__ = ["RevisionsModal", "diff_text", "revision_label"]
