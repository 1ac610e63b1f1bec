"""Moves show at once and are written in the background, in order; long columns (Pilot)."""

from __future__ import annotations

import threading

from test_tracker_moves import stored
from test_tracker_screen import column_names, open_tracker, selected_name

from mentee_tui.model import CandidateInput
from mentee_tui.storage import StorageError, Store
from mentee_tui.tui.widgets import StageColumn


async def test_a_move_shows_at_once_and_the_next_one_is_written_after_it(demo_app, demo_store):
    kwame = stored(demo_store, "Kwame Mensah")  # contacted, follow-up due
    writer_busy = threading.Event()
    async with demo_app.run_test(size=(120, 36)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        screen.board.select_id(kwame.id)
        demo_app.write_in_background(writer_busy.wait, 10)  # nothing gets written meanwhile
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert "Kwame Mensah" in column_names(screen, "asked")
        assert selected_name(screen) == "Kwame Mensah"
        assert stored(demo_store, "Kwame Mensah").stage == "contacted"  # not written yet
        cards = screen.query_one("#column-asked", StageColumn).cards
        top = cards.index_of(kwame.id) * cards.card_height
        lines = [cards.render_line(top + i).text.strip() for i in range(3)]
        assert lines == ["Kwame Mensah", "Adatum", "since today"]  # a move is a touch: no ↻
        writer_busy.set()
        await pilot.pause()
        assert selected_name(screen) == "Kwame Mensah"
    kwame = stored(demo_store, "Kwame Mensah")
    assert kwame.stage == "asked"
    assert [h.stage for h in kwame.history[-2:]] == ["coffee", "asked"]


async def test_moves_that_cannot_be_saved_go_back_and_say_why(demo_app, demo_store, monkeypatch):
    def disk_full(*args, **kwargs):
        raise StorageError("cannot save the database: disk full")

    writer_busy = threading.Event()
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        monkeypatch.setattr(demo_store.tracker, "move", disk_full)
        demo_app.write_in_background(writer_busy.wait, 10)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert "Aiko Tanaka" in column_names(screen, "coffee")
        writer_busy.set()
        await pilot.pause()
        assert "Aiko Tanaka" in column_names(screen, "researched")
        assert "Aiko Tanaka" not in column_names(screen, "coffee")
        assert selected_name(screen) == "Aiko Tanaka"
        assert any("disk full" in n.message for n in demo_app._notifications)
    assert stored(demo_store, "Aiko Tanaka").stage == "researched"


async def test_own_moves_reload_nothing_and_another_sessions_write_still_shows(
    demo_app, demo_store, monkeypatch
):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        loads: list[None] = []
        load = screen.load_from_store
        monkeypatch.setattr(screen, "load_from_store", lambda: (loads.append(None), load()))
        await pilot.press("right_square_bracket")
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.refresh_from_store() is False  # what the poll and a resume call
        await pilot.press("1", "3")
        await pilot.pause()
        assert loads == []
        assert stored(demo_store, "Aiko Tanaka").stage == "coffee"
        Store(demo_store.path).candidates.add(CandidateInput(name="Zoe Other"))
        assert screen.refresh_from_store() is True
        assert column_names(screen, "researched")[-1] == "Zoe Other"
        assert column_names(screen, "coffee") == ["Grace Adeyemi", "Aiko Tanaka"]


async def test_a_long_column_keeps_the_selected_card_in_view(store, app):
    for number in range(60):
        store.candidates.add(CandidateInput(name=f"P{number:02d}"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(app, pilot)
        cards = screen.query_one("#column-researched", StageColumn).cards
        names = [screen.candidate(card_id).name for card_id in cards.ids]
        height = cards.scrollable_content_region.height
        assert len(names) == 60 and height < 60

        def in_view() -> list[str]:
            return [cards.render_line(y).text.strip() for y in range(height)]

        await pilot.press("end")
        assert selected_name(screen) == names[-1] and in_view()[-1] == names[-1]
        await pilot.press("pageup")
        assert selected_name(screen) == names[-1 - height] and names[-1 - height] in in_view()
        await pilot.press("home")
        assert selected_name(screen) == names[0] and in_view()[0] == names[0]
        await pilot.press("k")  # round the top, as before
        assert selected_name(screen) == names[-1] and names[-1] in in_view()
        await pilot.click("#cards-researched", offset=(2, 3))
        assert selected_name(screen) == in_view()[3]
