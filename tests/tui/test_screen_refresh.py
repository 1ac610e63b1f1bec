"""A screen shown again does nothing when nothing changed: the file is parsed once per
version, and a screen reloads only when the file (or the day) changed."""

from __future__ import annotations

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store
from mentee_tui.tui.screens import HomeScreen

from conftest import fixed_clock

SIZE = (80, 24)


async def _visit(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def test_screens_shown_twice_without_a_change_read_the_file_at_most_once(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await _visit(pilot, "2", "3", "4", "1")  # every screen built once
        loads = demo_app.store.db.loads
        await _visit(pilot, "3", "1", "4", "2", "1", "3")
        assert demo_app.store.db.loads == loads  # nothing changed on disk: no new read


async def test_home_loads_once_at_start_and_again_only_after_a_change(demo_app, monkeypatch):
    calls = []
    original = HomeScreen.load_from_store

    def counting(self):
        calls.append(1)
        original(self)

    monkeypatch.setattr(HomeScreen, "load_from_store", counting)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(calls) == 1
        await _visit(pilot, "3", "1")
        assert len(calls) == 1  # back on Home, nothing changed
        Store(demo_app.store.path, now=fixed_clock).candidates.add(CandidateInput(name="Ada"))
        await _visit(pilot, "3", "1")
        assert len(calls) == 2  # another session wrote: one reload, with Ada counted
        journey = demo_app.screen.query_one("#home-list")
        assert "13 candidates found" in str(journey.get_option_at_index(journey.option_count - 4).prompt)


async def test_another_sessions_write_is_read_once_by_the_open_app(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await _visit(pilot, "3")
        loads = demo_app.store.db.loads
        Store(demo_app.store.path, now=fixed_clock).candidates.add(CandidateInput(name="Ada"))
        demo_app._poll_store()
        await pilot.pause()
        demo_app._poll_store()
        await _visit(pilot, "1", "3")
        assert demo_app.store.db.loads == loads + 1


async def test_what_a_screen_loaded_is_kept_out_of_full_collections_once_per_load(
        demo_app, monkeypatch):
    import gc

    frozen: list[str] = []
    original = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: (frozen.append(demo_app.current_mode), original()))
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert frozen == ["home"]  # Home's load at start, after the frame that shows it
        await _visit(pilot, "3")
        assert frozen == ["home", "tracker"]
        assert gc.get_freeze_count() > 0
        await _visit(pilot, "1", "3")  # shown again, nothing changed: nothing to keep
        assert frozen == ["home", "tracker"]


async def test_the_collector_paused_for_the_start_runs_again_once_home_is_shown(demo_app):
    import gc

    gc.disable()  # as `cli._run_tui` leaves it while the app starts
    try:
        async with demo_app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert gc.isenabled()  # Home's frame is up: collecting again
            assert gc.get_freeze_count() > 0  # what the start loaded is out of its passes
    finally:
        gc.enable()


async def test_the_collector_runs_again_even_when_home_cannot_load(tmp_path, monkeypatch):
    """Home could not load, so no keep_loaded: the grace timer turns it back on."""
    import gc

    from mentee_tui.tui import app as app_module

    from mentee_tui.storage import StorageError

    def damaged(self):
        raise StorageError("mentee.json: the database is damaged")

    db = tmp_path / "mentee.json"
    Store(db).candidates.add(CandidateInput(name="Grace Hopper"))
    monkeypatch.setattr(app_module, "COLLECTOR_GRACE_SECONDS", 0.05)
    monkeypatch.setattr(HomeScreen, "load_from_store", damaged)
    app = app_module.make_app(db_path=db)
    gc.disable()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "damaged" in " ".join(str(n.message) for n in app._notifications)
            await pilot.pause(0.2)
            assert gc.isenabled()
    finally:
        gc.enable()
