"""At 80x24: who the selected card is (status line), why a key could not act (hint line),
the column you are in wide enough to read, and follow-ups with a note and a day."""

from __future__ import annotations

from test_tracker_moves import stored
from test_tracker_screen import open_tracker, selected_name

from mentee_tui.model import CandidateInput
from mentee_tui.tui.dialogs import FollowUpModal
from mentee_tui.tui.widgets import StageColumn

SIZE = (80, 24)


def status(screen) -> str:
    return str(screen.query_one("#tracker-status").render())


def hint(screen) -> str:
    return str(screen.query_one("#tracker-hint").render())


async def test_the_status_line_names_the_selected_card_in_full(demo_app, demo_store):
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        assert status(screen).startswith(
            "Aiko Tanaka · Engineering Manager, Woodgrove · Researched 8 days")
        await pilot.press("j", "j")  # Olivia: her supervisor flag spelled out
        await pilot.pause()
        assert selected_name(screen) == "Olivia Brown"
        assert "⚠ your supervisor" in status(screen)
        await pilot.press("l")  # contacted: a follow-up is due for Mei Lin
        await pilot.pause()
        assert "⚠ knows you well" in status(screen)  # Lena, on the same row
        screen.selected_id = stored(demo_store, "Mei Lin").id
        await pilot.pause()
        assert "Mei Lin · Head of Design Systems, Contoso · Contacted 12 days" in status(screen)
        assert "↻ follow-up due" in status(screen)
        await pilot.press("l", "l", "l", "l")  # declined: the reason
        await pilot.pause()
        assert "Tomás Ortega" in status(screen)
        assert "declined: too many mentees this year" in status(screen)


async def test_the_status_line_shows_the_last_event_and_user_text_literally(store, app):
    card = store.candidates.add(CandidateInput(name="[b]Ada[/b]", organization="[red]x"),
                                stage="contacted")
    store.candidates.log_event(card.id, "follow_up", "[@click=app.quit]emailed[/]")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        line = status(screen)
        assert line.startswith("[b]Ada[/b] · [red]x · Contacted")
        assert "last: follow-up ([@click=app.quit]emailed[/])" in line


async def test_a_key_that_cannot_act_says_why_on_the_hint_line(demo_app, demo_store):
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("left_square_bracket")  # Aiko is in the first column
        await pilot.pause()
        assert "Aiko Tanaka is in Researched: no column before it." in hint(screen)
        for _ in range(4):
            await pilot.press("l")
        await pilot.pause()
        assert selected_name(screen) == "Priya Raman"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "Priya Raman is in Agreed: no column after it" in hint(screen)
        assert stored(demo_store, "Priya Raman").stage == "agreed"
        assert not demo_app._notifications  # said in place, no toast over the board
        await pilot.press("l", "x")  # Tomás is declined already
        await pilot.pause()
        assert "already declined" in hint(screen)


async def test_the_column_you_are_in_is_wider_than_the_others(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        widths = {c.stage: c.size.width for c in screen.query(StageColumn)}
        assert widths["researched"] > 1.5 * widths["contacted"]
        await pilot.press("l")
        await pilot.pause()
        widths = {c.stage: c.size.width for c in screen.query(StageColumn)}
        assert widths["contacted"] > 1.5 * widths["researched"]
        assert all(width >= 8 for width in widths.values())  # all six still in sight


async def test_a_follow_up_takes_a_note_and_a_day(demo_app, demo_store):
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        kwame = stored(demo_store, "Kwame Mensah")
        screen.board.select_id(kwame.id)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(demo_app.screen, FollowUpModal)
        await pilot.press(*"emailed on Monday", "enter", *"2099-01-01", "enter")
        await pilot.pause()
        modal = demo_app.screen
        assert isinstance(modal, FollowUpModal)  # a future day: refused beside the field
        assert "in the future" in str(modal.query_one("#follow-up-on-error").render())
        modal.query_one("#follow-up-on").value = "2026-11-23"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is screen
        entry = next(h for h in stored(demo_store, "Kwame Mensah").history
                     if h.event == "follow_up")
        assert entry.note == "emailed on Monday" and entry.at.startswith("2026-11-23")
        assert "last: follow-up (emailed on Monday) 3 days ago" in status(screen)


async def test_escape_logs_no_follow_up(demo_app, demo_store):
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        kwame = stored(demo_store, "Kwame Mensah")
        screen.board.select_id(kwame.id)
        await pilot.press("f", "escape")
        await pilot.pause()
        assert demo_app.screen is screen
        assert stored(demo_store, "Kwame Mensah").history == kwame.history


async def test_what_a_move_did_is_said_under_the_board_not_in_a_toast(demo_app, demo_store):
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert "Aiko Tanaka: Contacted → Coffee" in hint(screen)
        assert not demo_app._notifications  # nothing stacked over the cards
        line = screen.query_one("#tracker-hint")
        assert line.has_class("-done") and line.has_class("-message")


async def test_a_declines_referral_already_on_the_board_is_not_added_twice(demo_app, demo_store):
    demo_store.candidates.add(CandidateInput(name="Ada Lovelace"))
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        jonas = stored(demo_store, "Jonas Becker")
        screen.selected_id = jonas.id
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press(*"busy", "enter", *"ada LOVELACE", "enter")
        await pilot.pause()
        assert any("Ada Lovelace" in n.message for n in demo_app._notifications)
        assert stored(demo_store, "Jonas Becker").stage == "asked"  # nothing written
        assert [c.name for c in demo_store.candidates.all()].count("Ada Lovelace") == 1


async def test_typing_a_filter_right_after_a_move_shows_the_filter_line(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "→ Contacted" in hint(screen)
        await pilot.press("slash", "c")
        await pilot.pause()
        assert hint(screen).startswith("Filter: c · ")  # not hidden behind the move's message
