"""`m` on a card (the tracker) or a line of Home: the draft for the card's step, and after
"mark sent" the natural next step (coffee request sent → contacted).

Copying, saving and marking sent each leave a "draft" entry in the card's history (copy
and save once per opening), so the tracker's details show what went out and when.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content

from mentee_tui.domain.drafts import Draft
from mentee_tui.domain.stages import PIPELINE, STAGE_TITLES
from mentee_tui.domain.text import clean_line
from mentee_tui.model import Candidate
from mentee_tui.tui.results import Done

if TYPE_CHECKING:
    from mentee_tui.tui.app import MenteeApp
    from mentee_tui.tui.screens.base import MenteeScreen

Move = Callable[[int, str], None]  # (candidate id, stage): the screen's own way to move a card
COPIED = ("Copied to the clipboard (OSC 52). If nothing pastes, your terminal ignores it: "
          "s saves a file, or select the text by hand (shift-drag).")


class DraftActions:
    """The draft dialog's keys, writing through the app (see `DraftModal`)."""

    def __init__(self, app: MenteeApp, draft: Draft) -> None:
        self.app = app
        self.draft = draft
        self._logged: set[str] = set()

    def _log(self, what: str, once: str = "",
             then: Callable[[bool], None] | None = None) -> None:
        """A "draft" history entry, on the writer thread; `once`: a key logged at most once
        per opening; `then(logged)` after it."""
        if once and once in self._logged:
            return
        self._logged.add(once)
        note = f"{self.draft.kind.title}: {what}"
        self.app.write_in_background(
            self.app.store.candidates.log_event, self.draft.candidate_id, "draft", note,
            then=None if then is None else lambda done: then(done is not None))

    def copy(self, text: str) -> str:
        self.app.copy_to_clipboard(text)
        self._log("copied", once="copy")
        return COPIED

    def save(self, text: str) -> Path | None:
        from mentee_tui.storage.drafts import save_draft

        done = self.app.attempt(save_draft, self.app.store.path, self.draft, text)
        if done is None:
            return None
        self._log(f"saved to {done.value}", once="save")
        return done.value

    def mark_sent(self, then: Callable[[bool], None]) -> None:
        self._log("sent", then=then)


def open_draft(screen: MenteeScreen, candidate_id: int, move: Move) -> None:
    """Compose the card's draft and show it; a template that cannot be used is told."""
    from mentee_tui.storage.drafts import compose_draft

    app = screen.mentee_app

    def composed(done: Done[Draft] | None) -> None:
        if done is not None:
            show_draft(screen, done.value, move)

    if app.writes.pending:  # a move just made decides which draft this is: after it
        app.write_in_background(compose_draft, app.store, candidate_id, then=composed)
    else:
        composed(app.attempt(compose_draft, app.store, candidate_id))


def show_draft(screen: MenteeScreen, draft: Draft, move: Move) -> None:
    from mentee_tui.tui.dialogs.draft_modal import SENT, DraftModal

    app = screen.mentee_app

    def closed(result: str | None) -> None:
        screen.refresh_from_store()  # the history entries it logged
        if result == SENT:
            offer_next_step(screen, draft, move)

    app.push_screen(DraftModal(draft, DraftActions(app, draft)), closed)


def offer_next_step(screen: MenteeScreen, draft: Draft, move: Move) -> None:
    """Coffee request sent → contacted; the ask sent → asked; a follow-up → log it."""
    from mentee_tui.tui.dialogs.confirm_modal import ConfirmModal

    app = screen.mentee_app
    done = app.attempt(app.store.candidates.get, draft.candidate_id)
    if done is None:
        return
    candidate = done.value
    name = clean_line(candidate.name)
    step = draft.kind.next_step
    if step == "follow_up":
        def log(yes: bool | None) -> None:
            if yes:
                app.write_in_background(app.store.candidates.log_event, candidate.id,
                                        "follow_up", draft.kind.title, then=logged)

        def logged(done: Done[Candidate] | None) -> None:
            if done is not None:
                screen.refresh_from_store()
                screen.notify(f"Follow-up logged for {name}.", markup=False)

        app.push_screen(ConfirmModal(
            "Draft sent", Content.assemble(f"{draft.kind.title} to ", (name, "bold"),
                                           " marked sent. Log it as a follow-up too? "
                                           "(the reminder starts again)"), "Log it"), log)
        return
    behind = (candidate.stage in PIPELINE and step in PIPELINE
              and PIPELINE.index(candidate.stage) < PIPELINE.index(step))
    if not behind or step is None:
        screen.notify(f"{draft.kind.title} to {name} marked sent.", markup=False)
        return

    def moved(yes: bool | None) -> None:
        if yes:
            move(candidate.id, step)

    app.push_screen(ConfirmModal(
        "Draft sent", Content.assemble(
            f"{draft.kind.title} to ", (name, "bold"), " marked sent. Move them to ",
            (STAGE_TITLES[step], "bold"), "?"), "Move"), moved)


__all__ = ["COPIED", "DraftActions", "Move", "offer_next_step", "open_draft"]
