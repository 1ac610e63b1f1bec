"""Tracker moves and card actions from the keyboard: ] [ x u f n e (Pilot)."""

from __future__ import annotations

from conftest import fixed_clock
from test_tracker_screen import column_names, open_tracker, said, selected_name

from mentee_tui.storage import Store
from mentee_tui.tui.app import make_app
from mentee_tui.tui.dialogs import CandidateModal, DeclineModal
from mentee_tui.tui.dialogs.mentorship_modal import MentorshipSetupModal
from mentee_tui.tui.screens import TrackerScreen
from mentee_tui.tui.widgets import StageColumn


def stored(store: Store, name: str):
    return next(c for c in store.candidates.all() if c.name == name)


async def test_right_bracket_moves_along_and_saves_a_dated_entry(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        assert selected_name(screen) == "Aiko Tanaka"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        aiko = stored(demo_store, "Aiko Tanaka")
        assert aiko.stage == "contacted"
        assert (aiko.history[-1].event, aiko.history[-1].stage) == ("stage", "contacted")
        assert aiko.history[-1].at == "2026-11-26T10:00:00+00:00"
        assert selected_name(screen) == "Aiko Tanaka"  # the selection follows the card
        assert "Aiko Tanaka" in column_names(screen, "contacted")
        await pilot.press("right_square_bracket", "shift+right")  # the alias
        await pilot.pause()
        assert stored(demo_store, "Aiko Tanaka").stage == "asked"
        await pilot.press("left_square_bracket", "shift+left")
        await pilot.pause()
        assert stored(demo_store, "Aiko Tanaka").stage == "contacted"


async def test_right_bracket_at_agreed_does_nothing(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        demo_app.screen.board.select_id(stored(demo_store, "Priya Raman").id)
        before = len(stored(demo_store, "Priya Raman").history)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        priya = stored(demo_store, "Priya Raman")
        assert priya.stage == "agreed" and len(priya.history) == before
        assert selected_name(screen) == "Priya Raman"


async def test_reaching_agreed_opens_the_setup_and_confirm_plans_the_meetings(
    demo_app, demo_store
):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        screen.board.select_id(stored(demo_store, "Jonas Becker").id)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert isinstance(demo_app.screen, MentorshipSetupModal)
        assert stored(demo_store, "Jonas Becker").stage == "asked"  # nothing saved yet
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, TrackerScreen)
        assert selected_name(screen) == "Jonas Becker"
    jonas = stored(demo_store, "Jonas Becker")
    assert jonas.stage == "agreed"
    mentorship = next(m for m in demo_store.calendar.mentorships() if m.candidate_id == jonas.id)
    meetings = demo_store.calendar.meetings(mentorship.id)
    assert len(meetings) == 12
    # The first meeting defaults to the same day next month, at the settings' time.
    assert meetings[0].start.startswith("2026-12-26T09:00")


async def test_escape_in_the_setup_cancels_the_move(demo_app, demo_store):
    mentorships_before = len(demo_store.calendar.mentorships())
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        screen.board.select_id(stored(demo_store, "Jonas Becker").id)
        history_before = len(stored(demo_store, "Jonas Becker").history)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert isinstance(demo_app.screen, MentorshipSetupModal)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, TrackerScreen)
    jonas = stored(demo_store, "Jonas Becker")
    assert jonas.stage == "asked" and len(jonas.history) == history_before
    assert len(demo_store.calendar.mentorships()) == mentorships_before


async def test_undo_of_an_agreement_removes_the_untouched_mentorship(demo_app, demo_store):
    mentorships_before = len(demo_store.calendar.mentorships())
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        screen.board.select_id(stored(demo_store, "Jonas Becker").id)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(demo_store.calendar.mentorships()) == mentorships_before + 1
        await pilot.press("u")
        await pilot.pause()
    jonas = stored(demo_store, "Jonas Becker")
    assert jonas.stage == "asked"
    assert (jonas.history[-1].event, jonas.history[-1].stage) == ("stage", "asked")
    assert len(demo_store.calendar.mentorships()) == mentorships_before


async def test_leaving_agreed_asks_first_and_undo_reopens_the_mentorship(demo_app, demo_store):
    from mentee_tui.tui.dialogs import ConfirmModal

    priya = stored(demo_store, "Priya Raman")
    mentorship = next(m for m in demo_store.calendar.mentorships() if m.candidate_id == priya.id)
    upcoming = demo_store.calendar.cancelled_by_leaving(priya.id)
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        screen.board.select_id(priya.id)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmModal)
        message = str(demo_app.screen.query_one("#confirm-message").render())
        assert f"{upcoming} planned meetings are cancelled" in message
        await pilot.press("n")
        await pilot.pause()
        assert stored(demo_store, "Priya Raman").stage == "agreed"
        assert demo_store.calendar.mentorship(mentorship.id).active

        await pilot.press("left_square_bracket")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert stored(demo_store, "Priya Raman").stage == "asked"
        assert not demo_store.calendar.mentorship(mentorship.id).active
        assert "The mentorship has ended" in said(screen)

        await pilot.press("u")
        await pilot.pause()
        assert stored(demo_store, "Priya Raman").stage == "agreed"
        assert demo_store.calendar.mentorship(mentorship.id).active
        assert demo_store.calendar.cancelled_by_leaving(priya.id) == upcoming
        assert "mentorship is back on" in said(screen)


async def test_removing_a_mentor_says_the_mentorship_ends(demo_app, demo_store):
    from mentee_tui.tui.dialogs import ConfirmModal

    priya = stored(demo_store, "Priya Raman")
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        screen.board.select_id(priya.id)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmModal)
        assert "This ends the mentorship" in str(demo_app.screen.query_one("#confirm-message").render())
        await pilot.press("y")
        await pilot.pause()
    assert not any(m.active for m in demo_store.calendar.mentorships())


async def test_leaving_agreed_after_the_mentorship_ended_is_an_ordinary_move(
    demo_app, demo_store
):
    priya = stored(demo_store, "Priya Raman")
    demo_store.calendar.end(demo_store.calendar.mentorships()[0].id)
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        screen.board.select_id(priya.id)
        await pilot.press("left_square_bracket")  # nothing left to end: no question
        await pilot.pause()
        assert stored(demo_store, "Priya Raman").stage == "asked"
        assert said(screen) == "Priya Raman: Agreed → Asked"  # nothing about an ending


async def test_declining_a_mentor_who_agreed_warns_in_the_dialog(demo_app, demo_store):
    priya = stored(demo_store, "Priya Raman")
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        screen.board.select_id(priya.id)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(demo_app.screen, DeclineModal)
        warning = str(demo_app.screen.query_one("#decline-warning").render())
        assert "ends the mentorship" in warning and "held ones stay" in warning
        await pilot.press("escape")
        await pilot.pause()
        screen.board.select_id(stored(demo_store, "Jonas Becker").id)
        await pilot.press("x")
        await pilot.pause()
        assert not demo_app.screen.query("#decline-warning")  # only for a mentor who agreed


async def test_a_move_from_a_stale_board_is_refused_and_the_board_catches_up(
    demo_app, demo_store
):
    aiko = stored(demo_store, "Aiko Tanaka")
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        assert selected_name(screen) == "Aiko Tanaka"
        Store(demo_store.path).tracker.move(aiko.id, "declined")  # the command line
        await pilot.press("right_square_bracket")  # before the app's refresh comes round
        await pilot.pause()
        assert any("moved to declined meanwhile" in n.message for n in demo_app._notifications)
        assert "Aiko Tanaka" in column_names(screen, "declined")
    assert stored(demo_store, "Aiko Tanaka").stage == "declined"
    assert [h.stage for h in stored(demo_store, "Aiko Tanaka").history][-1] == "declined"


async def test_the_setup_does_not_open_for_a_card_moved_elsewhere_meanwhile(
    demo_app, demo_store
):
    jonas = stored(demo_store, "Jonas Becker")  # asked: ] would open the setup
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        screen.board.select_id(jonas.id)
        Store(demo_store.path).tracker.move(jonas.id, "declined")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert isinstance(demo_app.screen, TrackerScreen)  # no form to fill in vain
        assert "moved to Declined meanwhile" in said(screen)
        assert "Jonas Becker" in column_names(screen, "declined")


async def test_left_bracket_from_declined_returns_where_the_card_left(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        for name, back_to in (("Diego Alvarez", "contacted"), ("Tomás Ortega", "asked")):
            screen.board.select_id(stored(demo_store, name).id)
            await pilot.press("left_square_bracket")
            await pilot.pause()
            assert stored(demo_store, name).stage == back_to
            assert selected_name(screen) == name


async def test_decline_with_reason_and_referral_then_undo(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        screen.board.select_id(stored(demo_store, "Grace Adeyemi").id)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(demo_app.screen, DeclineModal)
        await pilot.press(*"on leave", "enter", *"Ada Byron", "enter")
        await pilot.pause()
        grace = stored(demo_store, "Grace Adeyemi")
        assert grace.stage == "declined" and grace.history[-1].note == "on leave"
        ada = stored(demo_store, "Ada Byron")
        assert (ada.stage, ada.referred_by, ada.introduced_by) == ("researched", grace.id,
                                                                   "Grace Adeyemi")
        assert selected_name(screen) == "Grace Adeyemi"
        assert "Ada Byron" in column_names(screen, "researched")
        screen.board.select_id(ada.id)
        await pilot.press("enter")
        await pilot.pause()
        details = demo_app.screen.query_one("#details-body").render().plain
        assert f"Referred by: Grace Adeyemi (#{grace.id})" in details
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        grace = stored(demo_store, "Grace Adeyemi")
        assert grace.stage == "coffee" and "undo" in grace.history[-1].note
        assert "Ada Byron" not in [c.name for c in demo_store.candidates.all()]
        assert selected_name(screen) == "Grace Adeyemi"


async def test_escape_in_the_decline_dialog_declines_nothing(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_tracker(demo_app, pilot)
        await pilot.press("x", *"busy", "escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, DeclineModal)  # a reason was typed: asks once
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, TrackerScreen)
        assert stored(demo_store, "Aiko Tanaka").stage == "researched"


async def test_ctrl_z_undoes_and_undo_survives_a_restart(demo_store, db_path):
    app = make_app(store=demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tracker(app, pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
    assert stored(demo_store, "Aiko Tanaka").stage == "contacted"
    again = make_app(store=Store(db_path, now=fixed_clock))
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(again, pilot)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored(demo_store, "Aiko Tanaka").stage == "researched"
        assert selected_name(screen) == "Aiko Tanaka"
        await pilot.press("u")  # nothing left to undo: a message, no change
        await pilot.pause()
        assert stored(demo_store, "Aiko Tanaka").stage == "researched"
        assert any(n.message == "Nothing to undo." for n in again._notifications)


async def test_follow_up_clears_the_badge(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        kwame = stored(demo_store, "Kwame Mensah")
        screen.board.select_id(kwame.id)
        column = screen.query_one("#column-contacted", StageColumn)
        row = column.index_of(kwame.id)
        assert column.cards.render_line(row).text.startswith("↻")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("ctrl+s")  # both fields are optional: logged now, with no note
        await pilot.pause()
        assert stored(demo_store, "Kwame Mensah").history[-1].event == "follow_up"
        assert not column.cards.render_line(row).text.startswith("↻")
        assert selected_name(screen) == "Kwame Mensah"


async def test_follow_up_days_come_from_the_settings(demo_store, db_path):
    demo_store.settings.update(follow_up_days=30)
    app = make_app(store=demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(app, pilot)
        column = screen.query_one("#column-contacted", StageColumn)
        lines = [column.cards.render_line(i).text for i in range(3)]
        assert not any(line.startswith("↻") for line in lines)


async def test_new_and_edit_through_the_form(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CandidateModal)
        await pilot.press(*"Ada Lovelace", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
        assert [c.name for c in store.candidates.all()] == ["Ada Lovelace"]
        assert selected_name(screen) == "Ada Lovelace"
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#name").value == "Ada Lovelace"
        await pilot.press("tab", "tab", "tab", *"Analytical", "ctrl+s")
        await pilot.pause()
        assert store.candidates.all()[0].organization == "Analytical"
        assert selected_name(screen) == "Ada Lovelace"


async def test_keys_with_no_card_do_not_crash(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(app, pilot)
        for key in ("right_square_bracket", "left_square_bracket", "x", "enter", "e", "f", "d",
                    "u", "j", "l"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen, key
        assert store.candidates.all() == []
        assert "press n" in str(screen.query_one("#tracker-status").render())
