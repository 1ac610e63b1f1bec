"""An outreach draft in an editor: copy it, save it to a file, mark it sent.

The draft opens with the keys (not the editor) active: `c` copies it with the terminal's
clipboard escape (OSC 52), `s` saves it beside the database, `t` marks it sent, `enter`
edits it and `escape` comes back to the keys (then closes). The text stays on screen, so
where a terminal ignores OSC 52 it can still be selected by hand (shift-drag).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from mentee_tui.domain.drafts import Draft
from mentee_tui.tui.widgets.text_box import CleanTextArea
from mentee_tui.tui.resources import sheet

KEYS_HINT = "c copy · s save to a file · t mark sent · enter edit · escape close"
EDIT_HINT = "Editing: copy and save take the text as it is now · escape back to the keys"
SENT = "sent"


class DraftActions(Protocol):
    """What the draft's keys do outside the dialog (the opener writes to the store)."""

    def copy(self, text: str) -> str: ...  # what to tell the person

    def save(self, text: str) -> Path | None: ...  # None: failed, the person was told

    def mark_sent(self, then: Callable[[bool], None]) -> None: ...  # then(logged)


class DraftModal(ModalScreen[str | None]):
    """Dismisses with "sent" once marked sent, else None."""

    CSS_PATH = sheet("dialogs")
    AUTO_FOCUS = ""  # the keys act at once; enter starts editing

    BINDINGS = [
        Binding("c", "copy", "Copy", id="draft.copy"),
        Binding("s", "save", "Save to a file", id="draft.save"),
        Binding("ctrl+s", "save", "Save to a file", show=False, id="draft.save_ctrl_s"),
        Binding("t", "mark_sent", "Mark sent", id="draft.mark_sent"),
        Binding("enter", "edit", "Edit", id="draft.edit"),
        Binding("escape", "leave", "Close", id="draft.close"),
    ]

    def __init__(self, draft: Draft, actions: DraftActions) -> None:
        super().__init__(classes="mentee-dialog")
        self.draft = draft
        self.actions = actions

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="draft-box"):
            yield Static(Content.assemble((f"{self.draft.kind.title} to ", "bold"),
                                          (self.draft.candidate_name, "bold")),
                         classes="dialog-title", id="draft-title")
            yield CleanTextArea(self.draft.text, id="draft-text", soft_wrap=True,
                                show_line_numbers=False)
            yield Static(Content(KEYS_HINT), id="draft-status", classes="dialog-hint")

    @property
    def text(self) -> str:
        return self.query_one("#draft-text", TextArea).text

    def _editing(self) -> bool:
        return isinstance(self.focused, TextArea)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("copy", "save", "mark_sent", "edit") and self._editing():
            return action == "save"  # ctrl+s still saves from the editor; letters are text
        return True

    def _say(self, message: str) -> None:
        # On the dialog's own line, not in a toast over the text being copied.
        self.query_one("#draft-status", Static).update(Content(message))

    def action_copy(self) -> None:
        self._say(self.actions.copy(self.text))

    def action_save(self) -> None:
        path = self.actions.save(self.text)
        if path is not None:
            self._say(f"Saved to {path} (only you can read it).")

    def action_mark_sent(self) -> None:
        def logged(ok: bool) -> None:
            if ok and self.is_attached:
                self.dismiss(SENT)

        self.actions.mark_sent(logged)

    def action_edit(self) -> None:
        self.query_one("#draft-text", TextArea).focus()
        self.query_one("#draft-status", Static).update(Content(EDIT_HINT))

    def action_leave(self) -> None:
        if self._editing():
            self.set_focus(None)
            self.query_one("#draft-status", Static).update(Content(KEYS_HINT))
            return
        self.dismiss(None)


__all__ = ["SENT", "DraftActions", "DraftModal"]
