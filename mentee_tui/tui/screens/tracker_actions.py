"""The tracker's card actions: decline, undo, new, edit, details, follow-up, remove.

A mixin of `TrackerScreen`, which supplies the selection, `_say` and the reload.
Every write goes through `app.safely`, then reloads with the card selected.
"""

from __future__ import annotations

from textual.content import Content

from mentee_tui.domain.text import clean_line
from mentee_tui.domain.timezones import person_zone
from mentee_tui.model import CandidateInput
from mentee_tui.tui.dialogs import (
    CandidateModal,
    ConfirmModal,
    DeclineAnswer,
    DeclineModal,
    DetailsModal,
    details_content,
)
from mentee_tui.tui.widgets.stage_column import STAGE_TITLES

# Said after a mentor leaves agreed, so the message matches what the storage did.
ENDED_NOTE = "The mentorship has ended: planned meetings cancelled, held ones kept (u undoes it)."


class TrackerCardActions:
    """Needs from the screen: `selected()`, `_need_selection()`, `_say()`,
    `refresh_from_store()`, `store`, `mentee_app`, `app` and `_candidates`."""

    # -- moves that ask first ---------------------------------------------------------------
    def action_decline(self) -> None:
        candidate = self._need_selection()
        if candidate is not None:
            self.decline_candidate(candidate)

    def decline_candidate(self, candidate, restore: dict | None = None) -> None:
        """Ask for the reason and referral; `restore` refills a dialog kept by a hang-up."""
        if candidate.stage == "declined":
            self._say(f"{candidate.name} is already declined; [ brings them back.")
            return
        known = self.leaving_agreed_warning(candidate)
        if known is None:
            return  # could not tell what declining would cancel: the person was told
        warning = known.value or ""

        def done(answer: DeclineAnswer | None) -> None:
            if answer is None:
                return
            done = self.mentee_app.attempt(
                self.store.tracker.decline, candidate.id, answer.reason, answer.referred_to
            )
            if done is None:
                return
            declined, referral = done.value
            self.refresh_from_store(select_id=declined.id)
            message = f"{declined.name} declined. Keep reaching out."
            if warning:
                message += f" {ENDED_NOTE}"
            if referral is not None:
                message += f" Added {referral.name} to Researched."
            self._say(message)

        self.app.push_screen(
            DeclineModal(
                clean_line(candidate.name), candidate.id, restore=restore,
                warning=warning,
            ),
            done,
        )

    def action_undo(self) -> None:
        done = self.mentee_app.attempt(self.store.tracker.undo_last_move)
        if done is None:
            return
        outcome = done.value
        self.refresh_from_store(select_id=outcome.candidate.id)
        message = (f"Undone: {outcome.candidate.name} is back in "
                   f"{STAGE_TITLES[outcome.to_stage]}.")
        if outcome.removed_referral:
            message += f" Removed the referral card {outcome.removed_referral}."
        if outcome.kept_referral:
            message += f" Kept {outcome.kept_referral}, which was changed since."
        if outcome.mentorship == "removed":
            message += " Removed the mentorship and its meetings."
        elif outcome.mentorship == "ended":
            message += " Ended the mentorship; its held or edited meetings are kept."
        elif outcome.mentorship == "reopened":
            message += " The mentorship is back on, with the meetings the move cancelled."
        self._say(message)

    # -- cards ------------------------------------------------------------------------------
    def action_new(self, restore: dict | None = None) -> None:
        def done(data: CandidateInput | None) -> None:
            if data is None:
                return
            done = self.mentee_app.attempt(self.store.candidates.add, data)
            if done is not None:
                added = done.value
                self.refresh_from_store(select_id=added.id)
                self._say(f"Added {added.name} to Researched.")

        self.app.push_screen(CandidateModal(restore=restore), done)

    def action_edit(self) -> None:
        candidate = self._need_selection()
        if candidate is not None:
            self.edit_candidate(candidate)

    def edit_candidate(self, candidate, restore: dict | None = None) -> None:
        def done(data: CandidateInput | None) -> None:
            if data is None:
                return
            done = self.mentee_app.attempt(self.store.candidates.update, candidate.id, data)
            if done is not None:
                saved = done.value
                self.refresh_from_store(select_id=saved.id)
                self._say(f"Saved {saved.name}.")

        self.app.push_screen(CandidateModal(candidate, restore=restore), done)

    def action_details(self) -> None:
        candidate = self._need_selection()
        if candidate is None:
            return
        referrer = self._candidates.get(candidate.referred_by) if candidate.referred_by else None
        done = self.mentee_app.attempt(self.store.settings.get)
        if done is None:
            return
        settings = done.value
        body = details_content(
            candidate, now=self.store.now(), follow_up_days=settings.follow_up_days,
            referred_by=referrer, zone=person_zone(settings),
        )

        def done(result: str | None) -> None:
            if result == "edit":
                self.action_edit()

        self.app.push_screen(DetailsModal(candidate, body), done)

    def action_follow_up(self) -> None:
        candidate = self._need_selection()
        if candidate is None:
            return
        done = self.mentee_app.attempt(self.store.candidates.log_event, candidate.id, "follow_up")
        if done is not None:
            logged = done.value
            self.refresh_from_store(select_id=logged.id)
            self._say(f"Follow-up logged for {logged.name}.")

    def action_remove(self) -> None:
        candidate = self._need_selection()
        if candidate is None:
            return
        known = self.leaving_agreed_warning(candidate)
        if known is None:
            return
        warning = known.value
        message = Content.assemble(
            "Remove ", (clean_line(candidate.name), "bold"),
            " and their history? This cannot be undone.",
            *((" ", (warning, "bold")) if warning else ()),
        )

        def done(confirmed: bool | None) -> None:
            if not confirmed:
                return
            if self.mentee_app.attempt(self.store.tracker.remove, candidate.id) is not None:
                self.refresh_from_store()
                self._say(f"Removed {candidate.name}.")

        self.app.push_screen(ConfirmModal("Remove candidate", message, "Remove"), done)


__all__ = ["ENDED_NOTE", "TrackerCardActions"]
