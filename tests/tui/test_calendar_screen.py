"""The calendar screen, its dialogs and Home's plan line, driven with Pilot."""

from __future__ import annotations

from textual.widgets import Input, Select, TextArea

from mentee_tui.domain.schedule import default_setup
from mentee_tui.model import CandidateInput, MentorshipSetup
from mentee_tui.tui.dialogs.export_modal import ExportModal
from mentee_tui.tui.dialogs.meeting_modal import MeetingModal
from mentee_tui.tui.dialogs.mentorship_modal import (
    EndMentorshipModal,
    MentorshipSetupModal,
)
from mentee_tui.tui.screens import CalendarScreen
from mentee_tui.tui.widgets.hint_line import HintLine
from mentee_tui.tui.widgets.month_cell import MonthCell
from tests.conftest import FIXED_NOW


def cells(app) -> list[MonthCell]:
    return list(app.screen.query(MonthCell))


def selected(app) -> int:
    return next(c.index for c in cells(app) if c.has_class("-selected"))


async def open_calendar(pilot) -> CalendarScreen:
    await pilot.press("4")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CalendarScreen)
    return pilot.app.screen


async def test_empty_state_points_to_the_tracker(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        empty = screen.query_one("#calendar-empty")
        assert empty.display and "tracker" in str(empty.render())
        assert cells(app) == []
        hint = screen.query_one("#calendar-hint", HintLine)
        assert not hint.display  # silent until a key cannot act: no room taken
        # Nothing to act on: each key says why on the screen's own line, no dialog opens.
        for key in ("enter", "right", "x", "r", "m", "t"):
            hint.clear_message()
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen
            assert hint.display and str(hint.content).startswith("No mentorship yet"), key
        await pilot.press("e")
        assert str(hint.content).startswith("Nothing to export yet")
        assert not app._notifications  # on the screen's line, not in a toast


async def test_keys_that_cannot_act_on_a_plan_say_why(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        hint = screen.query_one("#calendar-hint", HintLine)
        await pilot.press("m")  # the demo has one mentorship
        assert str(hint.content) == ("Only one mentorship (with Priya Raman): m switches "
                                     "between several.")
        await pilot.press("left")
        assert selected(demo_app) == 0 and str(hint.content) == (
            "That is the first meeting of the term.")
        await pilot.press("up")
        assert str(hint.content) == "That is the first meeting of the term."
        for _ in range(11):
            await pilot.press("right")
        await pilot.press("right")
        assert selected(demo_app) == 11 and str(hint.content) == (
            "That is the last meeting of the term.")


async def test_grid_shows_the_term_and_marks_this_month(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        assert len(cells(demo_app)) == 12
        current = [c for c in cells(demo_app) if c.has_class("-current")]
        assert [c.index for c in current] == [0]  # November 2026, meeting 1
        assert "▶" in str(current[0].border_title)  # visible without colour
        assert selected(demo_app) == 0
        assert cells(demo_app)[0].has_class("-done")
        assert str(screen.query_one("#calendar-grid").styles.grid_size_columns) == "4"


async def test_arrows_and_hjkl_move_between_months(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        await pilot.press("right")
        assert selected(demo_app) == 1
        await pilot.press("down")
        assert selected(demo_app) == 5
        await pilot.press("l", "j")
        assert selected(demo_app) == 10
        await pilot.press("j")  # no row below: stays
        assert selected(demo_app) == 10
        await pilot.press("h", "k", "left", "up")
        assert selected(demo_app) == 4 - 4
        await pilot.press("left")
        assert selected(demo_app) == 0
        await pilot.press("right", "right", "t")
        assert selected(demo_app) == 0  # back to this month


async def test_narrow_screens_use_fewer_columns(demo_app):
    async with demo_app.run_test(size=(50, 24)) as pilot:
        screen = await open_calendar(pilot)
        assert str(screen.query_one("#calendar-grid").styles.grid_size_columns) == "2"
        await pilot.press("down")
        assert selected(demo_app) == 2
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert str(screen.query_one("#calendar-grid").styles.grid_size_columns) == "4"


async def test_enter_opens_the_meeting_and_moving_it_leaves_the_others(demo_app, demo_store):
    before = demo_store.calendar.meetings()
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        await pilot.press("right", "enter")
        await pilot.pause()
        modal = demo_app.screen
        assert isinstance(modal, MeetingModal) and modal.meeting.number == 2
        modal.query_one("#meeting-time", Input).value = "14:30"
        modal.query_one("#meeting-notes", TextArea).text = "Bring the draft strategy"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, CalendarScreen)
        assert "moved" in str(cells(demo_app)[1].render())
    after = demo_store.calendar.meetings()
    assert after[1].start == before[1].start.replace("T09:00", "T14:30")
    assert after[1].status == "moved" and after[1].notes == "Bring the draft strategy"
    assert after[1].sequence == before[1].sequence + 1
    assert [m.start for m in after[2:]] == [m.start for m in before[2:]]


async def test_meeting_form_errors_and_unsaved_escape(demo_app, demo_store):
    before = demo_store.calendar.meetings()
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        await pilot.press("right", "enter")
        await pilot.pause()
        modal = demo_app.screen
        modal.query_one("#meeting-date", Input).value = "2026-12-32"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = modal.query_one("#meeting-error")
        assert error.has_class("visible") and "real date" in str(error.render())
        assert demo_app.screen is modal
        await pilot.press("escape")
        await pilot.pause()
        assert demo_app.screen is modal and "Unsaved" in str(error.render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, CalendarScreen)
    assert demo_store.calendar.meetings() == before


async def test_a_meeting_of_an_ended_mentorship_stays_cancelled_and_the_app_says_so(
    demo_app, demo_store
):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        await pilot.press("right", "enter")
        await pilot.pause()
        modal = demo_app.screen
        demo_store.calendar.end(modal.mentorship.id)  # from another session, meanwhile
        modal.query_one("#meeting-notes", TextArea).text = "Ask about the budget"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, CalendarScreen)
        assert any("the notes are saved, the meeting stays cancelled" in n.message
                   for n in demo_app._notifications)
    second = demo_store.calendar.meetings()[1]
    assert (second.status, second.notes) == ("cancelled", "Ask about the budget")


async def test_switch_mentorship(demo_app, demo_store):
    mei = next(c for c in demo_store.candidates.all() if c.name == "Mei Lin")
    demo_store.tracker.agree(mei.id, MentorshipSetup(months=6, rule="last-fri",
                                                       first="2027-01-01", timezone="UTC"))
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        assert screen.mentorship.mentor == "Priya Raman"
        assert "m: next" in str(screen.query_one("#calendar-title").render())
        await pilot.press("m")
        await pilot.pause()
        assert screen.mentorship.mentor == "Mei Lin"
        assert len(cells(demo_app)) == 6
        assert selected(demo_app) == 0  # the term has not started: its first meeting
        await pilot.press("m")
        await pilot.pause()
        assert screen.mentorship.mentor == "Priya Raman" and len(cells(demo_app)) == 12


async def test_next_mentor_key_is_hidden_with_one_mentorship(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        assert screen.check_action("next_mentorship", ()) is False


async def test_end_early_asks_first(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(demo_app.screen, EndMentorshipModal)
        await pilot.press("n")
        await pilot.pause()
        assert demo_store.calendar.mentorships()[0].active
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(demo_app.screen, CalendarScreen)
        assert "· ended" in str(screen.query_one("#calendar-title").render())
        for key, said in (("x", "has already ended."),
                          ("r", "has already ended: its plan cannot change.")):
            await pilot.press(key)  # an ended plan cannot change: the screen says so
            await pilot.pause()
            assert isinstance(demo_app.screen, CalendarScreen)
            assert str(screen.query_one("#calendar-hint", HintLine).content).endswith(said)
    statuses = [m.status for m in demo_store.calendar.meetings()]
    assert statuses[0] == "done" and set(statuses[1:]) == {"cancelled"}


async def test_change_plan_keeps_the_held_meeting(demo_app, demo_store):
    first_before = demo_store.calendar.meetings()[0]
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        await pilot.press("r")
        await pilot.pause()
        modal = demo_app.screen
        assert isinstance(modal, MentorshipSetupModal)
        modal.query_one("#setup-which", Select).value = "2"
        modal.query_one("#setup-weekday", Select).value = 1
        await pilot.pause()
        assert "2nd Tuesday" in str(modal.query_one("#setup-preview").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, CalendarScreen)
    meetings = demo_store.calendar.meetings()
    assert demo_store.calendar.mentorships()[0].rule == "2-tue"
    assert meetings[0] == first_before
    assert meetings[1].start == "2026-12-08T09:00:00+00:00"


async def test_change_plan_keeps_moved_meetings_and_refuses_a_term_shorter_than_held(
    demo_app, demo_store
):
    from mentee_tui.model import MeetingEdit

    second, third = demo_store.calendar.meetings()[1:3]
    demo_store.calendar.update_meeting(third.id, MeetingEdit(
        start=third.start, duration_minutes=third.duration_minutes, status="done",
        agenda=third.agenda, notes=third.notes, actions=third.actions))
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        await pilot.press("right", "enter")
        await pilot.pause()
        demo_app.screen.query_one("#meeting-time", Input).value = "15:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        modal = demo_app.screen
        preview = str(modal.query_one("#setup-preview").render())
        assert "meetings 1, 3 already held; meeting 2 moved by hand: kept" in preview
        modal.query_one("#setup-months", Input).value = "2"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is modal  # still open, the message beside the form
        assert "Meeting 3 was already held" in str(modal.query_one("#setup-error").render())
        modal.query_one("#setup-time", Input).value = "11:00"
        modal.query_one("#setup-months", Input).value = "6"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, CalendarScreen)
    meetings = demo_store.calendar.meetings()
    assert len(meetings) == 6
    assert meetings[1].start == second.start.replace("T09:00", "T15:00")
    assert meetings[2].start == third.start and meetings[3].start.endswith("T11:00:00+00:00")


async def test_meeting_form_messages_stay_in_sight_and_go_once_fixed(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        await pilot.press("right", "enter")
        await pilot.pause()
        modal = demo_app.screen
        cell = modal.meeting.start[:7]  # the meeting's month on the grid
        date = modal.query_one("#meeting-date", Input)
        date.value = "not a date"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = modal.query_one("#meeting-error")
        # The form is taller than 24 lines; the message is still on screen, inside the box.
        box = modal.query_one("#meeting-box").region
        assert error.region.height >= 1 and error.region.bottom <= box.bottom <= 24
        note = modal.query_one("#meeting-month-note")
        date.value = f"{cell}-20"
        await pilot.pause()
        assert not error.has_class("visible") and not note.display
        date.value = "2027-02-15"  # another month of the term: a note, not an error
        await pilot.pause()
        assert note.display and "outside this meeting's month" in str(note.render())
        date.value = "2020-01-15"  # years away: refused in the form, nothing lost
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is modal
        assert "within the term" in str(error.render())


async def test_setup_modal_clears_a_fixed_error_and_starts_on_or_after_the_date(app, store):
    defaults = default_setup(store.settings.get(), FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MentorshipSetupModal("Ada", defaults))
        await pilot.pause()
        modal = app.screen
        modal.query_one("#setup-time", Input).value = "25:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = modal.query_one("#setup-error")
        assert error.has_class("visible") and "25:00" in str(error.render())
        modal.query_one("#setup-first", Input).value = "2027-01-0"  # now two things are wrong
        await pilot.pause()
        assert "25:00" in str(error.render())
        modal.query_one("#setup-time", Input).value = "10:00"  # one left: the message follows
        await pilot.pause()
        assert error.has_class("visible") and "2027-01-0" in str(error.render())
        modal.query_one("#setup-first", Input).value = "2026-12-26"
        await pilot.pause()
        assert not error.has_class("visible")
        modal.query_one("#setup-which", Select).value = "2"
        modal.query_one("#setup-weekday", Select).value = 1  # 2nd Tuesday
        modal.query_one("#setup-first", Input).value = "2027-01-20"
        await pilot.pause()
        preview = str(modal.query_one("#setup-preview").render())
        assert "Tue 9 Feb 2027" in preview  # Jan 12 was before the date asked for
        modal.query_one("#setup-first", Input).value = "2026-01-13"
        await pilot.pause()
        assert "in the past" in str(modal.query_one("#setup-preview").render())


async def test_setup_modal_validates_confirms_and_cancels(app, store):
    results = []
    defaults = default_setup(store.settings.get(), FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MentorshipSetupModal("[b]Ada[/b]", defaults), results.append)
        await pilot.pause()
        modal = app.screen
        assert "[b]Ada[/b]" in str(modal.query_one("#setup-title").render())
        assert modal.query_one("#setup-first", Input).value == "2026-12-26"
        assert modal.query_one("#setup-weekday", Select).disabled
        modal.query_one("#setup-months", Input).value = "13"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "1 to 12" in str(modal.query_one("#setup-error").render()) and not results
        modal.query_one("#setup-months", Input).value = "6"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert results[0].months == 6 and results[0].first == "2026-12-26"
        app.push_screen(MentorshipSetupModal("Ada", defaults), results.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert results[1] is None
        for button in ("#setup-ok", "#setup-cancel"):  # the buttons, from the keyboard
            app.push_screen(MentorshipSetupModal("Ada", defaults), results.append)
            await pilot.pause()
            app.screen.query_one(button).focus()
            await pilot.press("enter")
            await pilot.pause()
        assert results[2].months == 12 and results[3] is None


async def test_refresh_keeps_the_selection(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        await pilot.press("right", "right", "right")
        screen.refresh_from_store()
        await pilot.pause()
        assert selected(demo_app) == 3


async def test_every_binding_has_an_id_and_a_description():
    for binding in CalendarScreen.BINDINGS:
        assert binding.id and binding.description


async def test_home_shows_the_plan(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        journey = demo_app.screen.query_one("#home-list")
        # Meeting 2 would be Saturday 5 Dec: the demo plan is weekdays only, so Friday 4th.
        assert "Priya Raman · month 1 of 12 · next meeting in 8 days" in str(
            journey.get_option_at_index(journey.option_count - 1).prompt)


async def test_home_without_a_mentorship_keeps_its_own_text(app, store):
    store.candidates.add(CandidateInput(name="Ada"), stage="asked")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        journey = app.screen.query_one("#home-list")
        assert "no mentor has agreed yet" in str(journey.get_option_at_index(journey.option_count - 1).prompt)


def test_snapshot_calendar_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["4"])


def test_snapshot_calendar_120x36(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(120, 36), press=["4", "right"])


def test_snapshot_calendar_empty_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["4"])


def test_snapshot_meeting_modal_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["4", "enter"])


async def test_export_writes_a_private_ics_beside_the_database(demo_app, demo_store):
    from icalendar import Calendar

    target = demo_store.path.parent / "mentoring.ics"
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(demo_app.screen, ExportModal)  # agenda only, or with the notes?
        await pilot.press("escape")
        await pilot.pause()
        assert not target.exists()
        await pilot.press("e", "a")
        await demo_app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in demo_app._notifications]
        assert any(m.startswith(f"Exported to {target}, agendas only") for m in messages)
        assert not any("demo" in m for m in messages)
        text = target.read_text(encoding="utf-8")
        assert "Priya suggests" not in text and "budget template" not in text
        demo_app.demo_folder = demo_store.path.parent  # started with --demo: the folder goes on quit, and it says so
        await pilot.press("e", "w")
        await demo_app.workers.wait_for_complete()
        await pilot.pause()
        assert any("copy the file before you quit" in n.message for n in demo_app._notifications)
        await pilot.press("question_mark")
        await pilot.pause()
        assert "demo: removed when you quit" in str(demo_app.screen.query_one("#help-db").render())
    assert target.stat().st_mode & 0o777 == 0o600
    events = Calendar.from_ical(target.read_text(encoding="utf-8")).walk("VEVENT")
    assert len(events) == 12
    assert "Priya suggests writing" in str(events[0]["DESCRIPTION"])  # with notes, this time


async def test_a_new_mentorship_is_shown_when_it_appears(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(pilot)
        assert screen.mentorship.mentor == "Priya Raman"
        mei = next(c for c in demo_store.candidates.all() if c.name == "Mei Lin")
        demo_store.tracker.agree(mei.id, MentorshipSetup(months=3, first="2026-12-10",
                                                           timezone="UTC"))
        screen.refresh_from_store()
        await pilot.pause()
        assert screen.mentorship.mentor == "Mei Lin" and len(cells(demo_app)) == 3
        screen.refresh_from_store()  # and it stays there
        assert screen.mentorship.mentor == "Mei Lin"


async def test_a_long_title_keeps_the_mentor_first_and_ends_in_an_ellipsis(demo_app, demo_store):
    from mentee_tui.model import CandidateInput

    mentorship = demo_store.calendar.mentorships()[0]
    long_name = "Priya Raman-Venkataraghavan Subramaniam"
    demo_store.candidates.update(mentorship.candidate_id, CandidateInput(name=long_name))
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_calendar(pilot)
        # The title row as the terminal shows it.
        text = "\n".join(
            "".join(segment.text for segment in line)
            for line in demo_app.screen._compositor.render_strips()
        )
        title_line = text.splitlines()[1]
        assert title_line.strip().startswith(long_name + " · active")
        assert title_line.rstrip().endswith("…")


def test_a_meeting_moved_into_another_year_shows_the_year_in_its_cell(demo_store):
    from mentee_tui.tui.widgets.month_cell import cell_body

    mentorship = demo_store.calendar.mentorships()[0]
    first, second = demo_store.calendar.meetings(mentorship.id)[:2]  # Nov and Dec 2026
    assert "2026" not in cell_body(first, mentorship).plain
    second.start = "2027-01-04T09:00:00+00:00"
    assert cell_body(second, mentorship).plain.startswith("Mon 4 Jan 2027")


def test_snapshot_meeting_modal_with_checklist_120x40(snap_compare, demo_app):
    # Meeting 1: the checklist with one item ticked, one open.
    assert snap_compare(demo_app, terminal_size=(120, 40), press=["4", "left", "enter"])


async def test_leaving_a_wrong_field_of_the_setup_says_so_before_any_save(app, store):
    defaults = default_setup(store.settings.get(), FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MentorshipSetupModal("Ada", defaults))
        await pilot.pause()
        modal = app.screen
        error = modal.query_one("#setup-error")
        time = modal.query_one("#setup-time", Input)
        time.focus()
        await pilot.pause()  # the term field, left with a right value: no message
        assert not error.has_class("visible")
        await pilot.press("ctrl+u", *"25:00")
        await pilot.pause()
        assert not error.has_class("visible"), str(error.render())  # typing: no message yet
        await pilot.press("tab")  # left: checked
        await pilot.pause()
        assert error.has_class("visible") and "25:00" in str(error.render())
        assert app.screen is modal  # nothing saved, the form stays


async def test_leaving_a_wrong_field_of_a_meeting_says_so_before_any_save(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        modal = demo_app.screen
        assert isinstance(modal, MeetingModal)
        modal.query_one("#meeting-time", Input).focus()
        await pilot.press("ctrl+u", *"7pm", "tab")
        await pilot.pause()
        error = modal.query_one("#meeting-error")
        assert error.has_class("visible") and "7pm" in str(error.render())
        assert demo_app.screen is modal
