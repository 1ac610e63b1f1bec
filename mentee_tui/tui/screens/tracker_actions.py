"""The tracker's actions that ask first or open a form: agree, leave agreed, decline, undo,
new, edit, details, follow-up, remove.

A mixin of `TrackerScreen`. These write on the writer thread (`app.write_in_background`),
after the moves still queued there (a `u` right after a `]` undoes that move), so a lock
held by another session never freezes the board; then `show_card`, which reloads the board
when the file changed. A read that must see those moves waits its turn the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.content import Content

from mentee_tui.domain.schedule import default_setup
from mentee_tui.domain.stages import STAGE_TITLES
from mentee_tui.domain.text import clean_line, plural
from mentee_tui.domain.timezones import person_zone
from mentee_tui.model import Candidate, CandidateInput, MentorshipSetup
from mentee_tui.tui import dialogs  # each dialog's module is imported when it first opens
from mentee_tui.tui.results import Done

if TYPE_CHECKING:
    from mentee_tui.tui.dialogs.decline_modal import DeclineAnswer
    from mentee_tui.tui.dialogs.follow_up_modal import FollowUp

T = TypeVar("T")
# Said after a mentor leaves agreed, so the message matches what the storage did.
ENDED_NOTE = "The mentorship has ended: planned meetings cancelled, held ones kept (u undoes it)."


class TrackerCardActions:
    """Needs from the screen: `selected()`, `candidate(id)`, `show_card(id)`,
    `move_card(candidate, stage, ends_mentorship=)`, `refresh_from_store()`, `refuse(why)`,
    `hint` (a HintLine),
    `store`, `mentee_app`, `app` and `notify`."""

    # -- helpers --------------------------------------------------------------------------
    def _say(self, message: str) -> None:
        """What a key just did, on the hint line under the board: a toast would cover
        the cards and the status line at 80x24 (errors still come as notifications)."""
        self.hint.say(message, done=True)

    def _need_selection(self) -> Candidate | None:
        candidate = self.selected()
        if candidate is None:
            self.refuse("No card selected: press n to add one.")
        return candidate

    def _write(self, func: Callable[..., T], *args: Any,
               then: Callable[[Done[T] | None], None], **kwargs: Any) -> None:
        """Write after the moves asked for before it; `then` gets the outcome (UI thread)."""
        self.mentee_app.write_in_background(func, *args, then=then, **kwargs)

    def _read(self, func: Callable[..., T], *args: Any,
              then: Callable[[Done[T] | None], None], **kwargs: Any) -> None:
        """A read that must see the moves asked for before it: at once when none is still
        queued (reads take no lock), else after them on the writer thread."""
        if self.mentee_app.writes.pending:
            self.mentee_app.write_in_background(func, *args, then=then, **kwargs)
        else:
            then(self.mentee_app.attempt(func, *args, **kwargs))

    # -- moves that ask first -------------------------------------------------------------
    def leaving_agreed_warning(self, candidate: Candidate,
                               then: Callable[[Done[str | None] | None], None]) -> None:
        """What leaving agreed does to the candidate's mentorship, to `then`: Done(None)
        when it has none under way; None when storage failed (the person was told; do not
        move)."""
        if candidate.stage != "agreed":
            then(Done(None))
            return

        def counted(done: Done[int | None] | None) -> None:
            if done is None or done.value is None:
                then(None if done is None else Done(None))
                return
            upcoming = done.value
            meetings = ("1 planned meeting is" if upcoming == 1
                        else f"{upcoming} planned meetings are")
            then(Done(f"This ends the mentorship: {meetings} cancelled; held ones stay."))

        self._read(self.store.calendar.cancelled_by_leaving, candidate.id, then=counted)

    def leave_agreed(self, candidate: Candidate, stage: str) -> None:
        """Moving a mentor back ends the mentorship: say what that cancels, then ask."""
        self.leaving_agreed_warning(
            candidate, lambda known: self._leave_agreed(candidate, stage, known))

    def _leave_agreed(self, candidate: Candidate, stage: str,
                      known: Done[str | None] | None) -> None:
        if known is None:
            return  # could not tell what it would cancel: nothing moves (the person was told)
        warning = known.value
        if warning is None:  # no active mentorship (ended already): an ordinary move
            self.move_card(candidate, stage, ends_mentorship=False)
            return
        message = Content.assemble(
            "Move ", (clean_line(candidate.name), "bold"), f" back to {STAGE_TITLES[stage]}? ",
            warning, " (u undoes it.)",
        )

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self.move_card(candidate, stage)
            else:
                self._say(f"Not moved: {candidate.name} stays in Agreed")

        self.app.push_screen(dialogs.ConfirmModal("Leave agreed", message, "Move back"), done)

    def start_agreement(self, candidate: Candidate, restore: dict | None = None) -> None:
        """Reaching agreed starts a mentorship: the setup opens; escape cancels the move.
        `restore` refills a setup kept by a hang-up."""
        self._read(self.store.candidates.get, candidate.id,
                   then=lambda fresh: self._start_agreement(candidate, restore, fresh))

    def _start_agreement(self, candidate: Candidate, restore: dict | None,
                         fresh_done: Done[Candidate] | None) -> None:
        settings_done = self.mentee_app.attempt(self.store.settings.get)
        if settings_done is None or fresh_done is None:
            self.show_card(candidate.id)
            return
        settings, fresh = settings_done.value, fresh_done.value
        if fresh.stage != candidate.stage:
            # Moved by another session since the board was drawn: no form to fill in vain.
            self.refuse(f"{fresh.name} was moved to {STAGE_TITLES[fresh.stage]} meanwhile "
                        "(another session?); the board now shows where they are.")
            self.show_card(fresh.id)
            return

        def agreed(setup: MentorshipSetup | None) -> None:
            if setup is None:
                self._say(f"Not moved: {candidate.name} stays in {STAGE_TITLES[candidate.stage]}")
                return

            def started(done: Done[Any] | None) -> None:
                self.show_card(candidate.id)  # refused: shows where it is now
                if done is not None:
                    planned = plural(setup.months, "monthly meeting")
                    self._say(f"{candidate.name} agreed: {planned} planned; "
                              "see the calendar (4)")

            self._write(self.store.tracker.agree, candidate.id, setup, undoable=True,
                        expected=candidate.stage, then=started)

        self.app.push_screen(dialogs.MentorshipSetupModal(
            candidate.name, default_setup(settings, self.store.now()), candidate_id=candidate.id,
            restore=restore, now=self.store.now()), agreed)

    def action_decline(self) -> None:
        candidate = self._need_selection()
        if candidate is not None:
            self.decline_candidate(candidate)

    def decline_candidate(self, candidate: Candidate, restore: dict | None = None) -> None:
        """Ask for the reason and referral; `restore` refills a dialog kept by a hang-up."""
        if candidate.stage == "declined":
            self.refuse(f"{clean_line(candidate.name)} is already declined; [ brings them back.")
            return
        self.leaving_agreed_warning(
            candidate, lambda known: self._decline_candidate(candidate, restore, known))

    def _decline_candidate(self, candidate: Candidate, restore: dict | None,
                           known: Done[str | None] | None) -> None:
        if known is None:
            return  # could not tell what declining would cancel: the person was told
        warning = known.value or ""

        def done(answer: DeclineAnswer | None) -> None:
            if answer is not None:
                self._write(self.store.tracker.decline, candidate.id, answer.reason,
                            answer.referred_to, then=declined)

        def declined(outcome: Done[Any] | None) -> None:
            if outcome is None:
                return
            candidate_now, referral = outcome.value
            self.show_card(candidate_now.id)
            message = f"{candidate_now.name} declined. Keep reaching out."
            if warning:
                message += f" {ENDED_NOTE}"
            if referral is not None:
                message += f" Added {referral.name} to Researched."
            self._say(message)

        self.app.push_screen(
            dialogs.DeclineModal(clean_line(candidate.name), candidate.id, restore=restore,
                         warning=warning),
            done,
        )

    def action_undo(self) -> None:
        self._write(self.store.tracker.undo_last_move, then=self._undone)

    def _undone(self, done: Done[Any] | None) -> None:
        if done is None:
            return
        outcome = done.value
        self.show_card(outcome.candidate.id)
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
    def action_new(self) -> None:
        self.open_new_candidate()

    def open_new_candidate(self, restore: dict | None = None) -> None:
        """The form for a new card; `restore` refills one kept by a hang-up."""
        def done(data: CandidateInput | None) -> None:
            if data is not None:
                self._write(self.store.candidates.add, data, then=added)

        def added(done: Done[Candidate] | None) -> None:
            if done is not None:
                self.show_card(done.value.id)
                self._say(f"Added {done.value.name} to Researched.")

        self.app.push_screen(
            dialogs.CandidateModal(restore=restore, existing=self.store.candidates.all()), done)

    def action_edit(self) -> None:
        candidate = self._need_selection()
        if candidate is not None:
            self.open_edit(candidate)

    def open_edit(self, candidate: Candidate, restore: dict | None = None) -> None:
        """The form for `candidate`; `restore` refills one kept by a hang-up."""
        def done(data: CandidateInput | None) -> None:
            if data is not None:
                self._write(self.store.candidates.update, candidate.id, data, then=saved)

        def saved(done: Done[Candidate] | None) -> None:
            if done is not None:
                self.show_card(done.value.id)
                self._say(f"Saved {done.value.name}.")

        self.app.push_screen(dialogs.CandidateModal(candidate, restore=restore), done)

    def action_details(self) -> None:
        candidate = self._need_selection()
        if candidate is None:
            return
        referrer = self.candidate(candidate.referred_by) if candidate.referred_by else None
        done = self.mentee_app.attempt(self.store.settings.get)
        if done is None:
            return
        settings = done.value
        body = dialogs.details_content(
            candidate, now=self.store.now(), follow_up_days=settings.follow_up_days,
            referred_by=referrer, zone=person_zone(settings),
        )

        def done(result: str | None) -> None:
            if result == "edit":
                self.action_edit()

        self.app.push_screen(dialogs.DetailsModal(candidate, body), done)

    def action_follow_up(self) -> None:
        candidate = self._need_selection()
        if candidate is None:
            return

        def done(follow_up: FollowUp | None) -> None:
            if follow_up is not None:
                self._write(self.store.candidates.log_event, candidate.id, "follow_up",
                            follow_up.note, on=follow_up.on, then=logged)

        def logged(done: Done[Candidate] | None) -> None:
            if done is not None:
                self.show_card(done.value.id)
                self._say(f"Follow-up logged for {done.value.name}.")

        modal = dialogs.FollowUpModal(clean_line(candidate.name), self.store.now().date())
        self.app.push_screen(modal, done)

    def action_draft(self) -> None:
        """`m`: the message for the card's step (coffee request, the ask, a follow-up…)."""
        candidate = self._need_selection()
        if candidate is None:
            return
        from mentee_tui.tui.draft_flow import open_draft

        def move(candidate_id: int, stage: str) -> None:
            self.refresh_from_store()
            current = self.candidate(candidate_id)
            if current is not None:
                self.move_card(current, stage)

        open_draft(self, candidate.id, move)

    def action_remove(self) -> None:
        candidate = self._need_selection()
        if candidate is None:
            return
        self.leaving_agreed_warning(candidate, lambda known: self._remove(candidate, known))

    def _remove(self, candidate: Candidate, known: Done[str | None] | None) -> None:
        if known is None:
            return
        warning = known.value
        message = Content.assemble(
            "Remove ", (clean_line(candidate.name), "bold"),
            " and their history? This cannot be undone.",
            *((" ", (warning, "bold")) if warning else ()),
        )

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self._write(self.store.tracker.remove, candidate.id, then=removed)

        def removed(done: Done[Any] | None) -> None:
            if done is not None:
                self.refresh_from_store()
                self._say(f"Removed {candidate.name}.")

        self.app.push_screen(dialogs.ConfirmModal("Remove candidate", message, "Remove"), done)


__all__ = ["ENDED_NOTE", "TrackerCardActions"]
