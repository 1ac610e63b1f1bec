"""Meetings that build on each other, from the keyboard: the checklist (add, tick, remove),
carried-over items, the question before marking a future meeting done, `u` after an early
end, the agreement (`a`), the setup's weekend warning, and the settings rows."""

from __future__ import annotations

from textual.widgets import Checkbox

from mentee_tui.model import ActionItem
from mentee_tui.tui.dialogs.agreement_modal import AgreementModal
from mentee_tui.tui.dialogs.confirm_modal import ConfirmModal
from mentee_tui.tui.dialogs.meeting_modal import MeetingModal
from mentee_tui.tui.dialogs.mentorship_modal import MentorshipSetupModal
from mentee_tui.tui.screens import CalendarScreen
from mentee_tui.tui.widgets.action_checklist import ActionChecklist
from mentee_tui.tui.widgets.hint_line import HintLine


async def open_calendar(pilot) -> CalendarScreen:
    await pilot.press("4")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CalendarScreen)
    return pilot.app.screen


async def test_checklist_add_tick_remove_from_the_keyboard(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        screen.cursor = 0  # meeting 1: two items, one done
        await pilot.press("enter")
        await pilot.pause()
        modal = demo_app.screen
        assert isinstance(modal, MeetingModal)
        checklist = modal.query_one("#meeting-actions", ActionChecklist)
        assert "[x] Ask finance" in str(checklist.get_option_at_index(1).prompt)
        modal.query_one("#meeting-new-action").focus()
        await pilot.press(*"Book a room", "enter")
        await pilot.pause()
        assert modal.query_one("#meeting-new-action").value == ""
        assert [i.text for i in checklist.items][-1] == "Book a room"
        checklist.focus()
        checklist.highlighted = 0
        await pilot.press("space")  # tick the strategy draft
        checklist.highlighted = 1
        await pilot.press("d")  # remove the finance item
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, CalendarScreen)
    first = demo_store.calendar.meetings()[0]
    assert first.actions == [ActionItem("Draft a one-page strategy for the platform team", True),
                             ActionItem("Book a room")]


async def test_meeting_2_shows_meeting_1s_open_items_on_top(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        screen.cursor = 1
        await pilot.press("enter")
        await pilot.pause()
        carried = str(demo_app.screen.query_one("#meeting-carried").render())
        assert "[ ] Draft a one-page strategy for the platform team" in carried
        assert "budget template" not in carried  # ticked done in meeting 1


async def test_marking_a_future_meeting_done_asks_first(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        screen.cursor = 3  # months ahead
        await pilot.press("enter")
        await pilot.pause()
        demo_app.screen.query_one("#meeting-status").value = "done"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(demo_app.screen, MeetingModal)  # back in the form, nothing saved
        assert demo_store.calendar.meetings()[3].status == "planned"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(demo_app.screen, CalendarScreen)
    assert demo_store.calendar.meetings()[3].status == "done"


async def test_u_undoes_an_early_end(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo" in str(screen.query_one("#calendar-hint", HintLine).content)
        await pilot.press("x", "y")
        await pilot.pause()
        assert not demo_store.calendar.mentorships()[0].active
        await pilot.press("u")
        await pilot.pause()
        assert "· active" in str(screen.query_one("#calendar-title").render())
    assert demo_store.calendar.mentorships()[0].active
    statuses = [m.status for m in demo_store.calendar.meetings()]
    assert statuses == ["done"] + ["planned"] * 11


async def test_a_edits_the_agreement_prefilled_from_reflection_and_plan(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        await pilot.press("a")
        await pilot.pause()
        modal = demo_app.screen
        assert isinstance(modal, AgreementModal)
        assert "Lead a platform team" in modal.query_one("#agreement-goals").text
        assert "12 months" in modal.query_one("#agreement-term").text
        assert "meet.example.org" in modal.query_one("#agreement-meeting").text
        modal.query_one("#agreement-confidentiality").text = "Nothing leaves the room."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, CalendarScreen)
    # Only the section written is stored; the others follow the plan.
    assert demo_store.calendar.mentorships()[0].agreement == {
        "confidentiality": "Nothing leaves the room."}


async def test_setup_says_when_meetings_fall_on_a_weekend(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        await pilot.press("r")
        await pilot.pause()
        modal = demo_app.screen
        assert isinstance(modal, MentorshipSetupModal)
        warning = modal.query_one("#setup-weekend")
        assert str(warning.render()) == ""  # the demo plan is weekdays only
        modal.query_one("#setup-weekdays", Checkbox).value = False
        await pilot.pause()
        assert str(warning.render()).startswith("⚠ 3 meetings fall on a weekend: Sat 5 Dec")
        assert "tick weekdays only" in str(warning.render())


def test_snapshot_setup_weekend_warning_80x24(snap_compare, demo_app):
    async def untick(pilot):
        pilot.app.screen.query_one("#setup-weekdays", Checkbox).value = False
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=_open_setup_then(untick))


def _open_setup_then(after):
    async def run(pilot):
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await after(pilot)
    return run


async def test_settings_save_your_email_and_the_reminder(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        modal = app.screen
        modal.query_one("#your-email").value = "Me@Example.org"
        modal.query_one("#reminder").value = "2x"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Unknown reminder" in str(modal.query_one("#reminder-error").render())
        modal.query_one("#reminder").value = "2h"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = store.settings.get()
    assert (saved.email, saved.reminder) == ("Me@example.org", "2h")
