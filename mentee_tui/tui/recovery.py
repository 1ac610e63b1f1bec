"""Unsaved forms across a hang-up: kept when the terminal goes, offered on the next start.

`save_for_hangup(app)` is the saving half of `MenteeApp.hang_up` (which then exits at
once): each screen saves its own text, and every open form on a screen stack is kept
in the recovery table in one write. `offer_recoveries(app)` runs after Home shows and
asks, form by form, whether to restore it (reopened pre-filled on its own screen, where
saving takes the normal path), discard it, or decide later (escape: it is kept).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual.content import Content

from mentee_tui.domain.text import clean_line
from mentee_tui.domain.timezones import person_zone
from mentee_tui.model import Recovery
from mentee_tui.storage import NotFound, StorageError
from mentee_tui.tui.results import Done
from mentee_tui.tui.screens.base import MenteeScreen

ScreenT = TypeVar("ScreenT")

if TYPE_CHECKING:
    from mentee_tui.tui.app import MenteeApp


def open_forms(app: MenteeApp) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(kind, values, context) of every form on a screen stack with something typed in it."""
    from mentee_tui.tui.dialogs.recoverable import RecoverableForm  # not needed at start

    forms = []
    for screen in list(app.installed_screens()):
        if not isinstance(screen, RecoverableForm) or not screen.RECOVERY_KIND:
            continue
        try:
            values = screen.recovery_payload()
            if values:
                forms.append((screen.RECOVERY_KIND, values, screen.recovery_context()))
        except Exception:  # noqa: BLE001 - the terminal is gone: keep the others
            continue
    return forms


def save_for_hangup(app: MenteeApp) -> None:
    """Save what was typed: open forms first (one write, short lock wait), then each screen."""
    try:
        app.store.recovery.keep_many(open_forms(app))
    except Exception:  # noqa: BLE001 - nowhere left to report it
        pass
    for screen in list(app.installed_screens()):
        if isinstance(screen, MenteeScreen):
            try:
                screen.save_for_hangup()
            except Exception:  # noqa: BLE001 - keep saving the others
                pass


# -- the next start ---------------------------------------------------------------------
def _name(context: dict[str, Any], key: str = "name") -> str:
    return clean_line(context.get(key)) or "someone"


def describe(recovery: Recovery) -> Content:
    """What the form was, with names as plain text (never markup)."""
    ctx = recovery.context
    if recovery.kind == "candidate":
        if ctx.get("candidate_id") is None:
            typed = clean_line(recovery.payload.get("name"))
            return Content.assemble("new candidate form", *((" (", (typed, "bold"), ")")
                                                               if typed else ()))
        return Content.assemble("edit of ", (_name(ctx), "bold"))
    if recovery.kind == "decline":
        return Content.assemble("decline of ", (_name(ctx), "bold"))
    if recovery.kind == "meeting":
        return Content.assemble(f"meeting {ctx.get('number', '?')} with ",
                                (_name(ctx, "mentor"), "bold"))
    what = "plan change with " if ctx.get("changing") else "mentorship setup with "
    return Content.assemble(what, (_name(ctx), "bold"))


def offer_message(recovery: Recovery, zone: str) -> Content:
    from mentee_tui.tui.dialogs.revisions_modal import revision_label

    when = revision_label(recovery.saved_at, zone) if recovery.saved_at else "earlier"
    return Content.assemble(
        "You had an unsaved ", describe(recovery),
        f" when the connection dropped ({when}). Restore it?",
    )


def offer_recoveries(app: MenteeApp) -> None:
    """Offer each kept form in turn; restoring one ends the round (the rest wait)."""
    found = app.attempt(app.store.recovery.all)
    settings = app.attempt(app.store.settings.get)
    if found is None or not found.value or settings is None:
        return
    zone = person_zone(settings.value)
    queue = list(found.value)

    def offer_next() -> None:
        if not queue:
            return
        recovery = queue.pop(0)

        def discarded(done: Done[None] | None) -> None:
            if done is not None:
                app.notify("Unsaved form discarded.")

        async def decided(answer: str | None) -> None:
            # On the writer thread, like every write a key asks for (a busy lock waits there).
            if answer == "discard":
                app.write_in_background(app.store.recovery.discard, recovery.id,
                                        then=discarded)
            elif answer == "restore":
                app.write_in_background(app.store.recovery.discard, recovery.id)
                await restore(app, recovery)
                return
            offer_next()

        from mentee_tui.tui.dialogs.restore_modal import RestoreModal

        app.push_screen(RestoreModal(offer_message(recovery, zone)), decided)

    offer_next()


def _gone(app: MenteeApp, recovery: Recovery, why: str) -> None:
    message = Content.assemble("Cannot restore the ", describe(recovery), f": {why}. Discarded.")
    app.notify(message.plain, severity="warning", markup=False, timeout=8)


async def _screen(app: MenteeApp, mode: str, kind: type[ScreenT]) -> ScreenT:
    """Switch to `mode` and return its screen."""
    if app.current_mode != mode:
        await app.switch_mode(mode)
    screen = app.screen
    if not isinstance(screen, kind):
        raise TypeError(f"the {mode} screen is not a {kind.__name__}")
    return screen


async def restore(app: MenteeApp, recovery: Recovery) -> None:
    """Reopen the form pre-filled on its own screen; say so if what it was about is gone."""
    from mentee_tui.tui.screens.calendar_screen import CalendarScreen
    from mentee_tui.tui.screens.tracker_screen import TrackerScreen

    ctx, values, store = recovery.context, recovery.payload, app.store
    try:
        if recovery.kind in ("candidate", "decline") or (
                recovery.kind == "mentorship_setup" and not ctx.get("changing")):
            candidate_id = ctx.get("candidate_id")
            if candidate_id is None and recovery.kind != "candidate":
                raise NotFound("no candidate")
            candidate = None if candidate_id is None else store.candidates.get(int(candidate_id))
            tracker = await _screen(app, "tracker", TrackerScreen)
            if candidate is None:
                tracker.open_new_candidate(restore=values)
                return
            if recovery.kind == "decline" and candidate.stage == "declined":
                return _gone(app, recovery, f"{candidate.name} is already declined")
            if recovery.kind == "mentorship_setup" and candidate.stage in ("agreed", "declined"):
                return _gone(app, recovery, f"{candidate.name} is {candidate.stage} now")
            tracker.show_card(candidate.id)
            if recovery.kind == "candidate":
                tracker.open_edit(candidate, restore=values)
            elif recovery.kind == "decline":
                tracker.decline_candidate(candidate, restore=values)
            else:
                tracker.start_agreement(candidate, restore=values)
            return
        mentorship = store.calendar.mentorship(int(ctx.get("mentorship_id")))
        if recovery.kind == "mentorship_setup" and not mentorship.active:
            return _gone(app, recovery, "that mentorship has ended")
        calendar = await _screen(app, "calendar", CalendarScreen)
        if recovery.kind == "meeting":
            meeting = calendar.show_meeting(int(ctx.get("meeting_id")))
            if meeting is None:
                return _gone(app, recovery, "that meeting no longer exists")
            calendar.open_meeting(meeting, mentorship, restore=values)
        else:
            calendar.show_mentorship(mentorship.id)
            calendar.action_change_plan(restore=values)
    except (NotFound, TypeError, ValueError):
        _gone(app, recovery, "it no longer exists")
    except StorageError as exc:
        app.notify(str(exc), title="Database", severity="error", markup=False, timeout=10)


__all__ = ["describe", "offer_recoveries", "open_forms", "restore", "save_for_hangup"]
