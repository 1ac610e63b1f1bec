"""The app shell: global keys, help, editors and modals, palette, theme, outside changes."""

from __future__ import annotations

from conftest import fixed_clock
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, OptionList, TextArea

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store
from mentee_tui.tui.app import make_app
from mentee_tui.tui.screens import (
    CalendarScreen,
    HelpScreen,
    HomeScreen,
    ReflectionScreen,
    TrackerScreen,
)

SIZE = (80, 24)
SCREENS = {
    "1": ("home", HomeScreen),
    "2": ("reflection", ReflectionScreen),
    "3": ("tracker", TrackerScreen),
    "4": ("calendar", CalendarScreen),
}


def _journey_text(app) -> str:
    journey = app.screen.query_one("#home-list", OptionList)
    return "\n".join(str(journey.get_option_at_index(i).prompt) for i in range(journey.option_count))


async def test_number_keys_reach_every_screen_in_any_order(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert demo_app.current_mode == "home" and isinstance(demo_app.screen, HomeScreen)
        for key in "2341324121":
            # Reflection starts in an editor: escape leaves it so the number keys act.
            await pilot.press("escape", key)
            await pilot.pause()
            mode, screen_type = SCREENS[key]
            assert demo_app.current_mode == mode
            assert isinstance(demo_app.screen, screen_type)


async def test_help_lists_the_screen_keys_and_the_database(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        descriptions = {description for _, description in help_screen.keys}
        assert {"Open", "Home", "Reflection", "Tracker", "Calendar", "Help", "Quit"} <= descriptions
        assert ("1", "Home") in help_screen.keys and ("?", "Help") in help_screen.keys
        assert help_screen.db_path == str(store.path)
        assert str(store.path) in str(help_screen.query_one("#help-db").content)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("3", "question_mark")  # the tracker's long list at 80x24
        await pilot.pause()
        box = app.screen.query_one("#help-box")
        assert 0 < app.screen.query_one("#help-db").region.bottom <= box.region.bottom <= 24
        assert box.border_subtitle == "s settings · escape close"
        await pilot.press("escape", "1")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_help_on_every_screen_lists_that_screen_and_the_global_keys(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        for key, (mode, _) in SCREENS.items():
            await pilot.press(key)
            await pilot.pause()
            screen = demo_app.screen
            await pilot.press("escape", "question_mark")  # leave Reflection's editor first
            await pilot.pause()
            assert isinstance(demo_app.screen, HelpScreen), mode
            assert demo_app.screen.screen_title.lower() == mode
            listed = {description for _, description in demo_app.screen.keys}
            assert {"Home", "Reflection", "Tracker", "Calendar", "Quit"} <= listed
            listed_keys = " / ".join(keys for keys, _ in demo_app.screen.keys).split(" / ")
            # Every key the screen binds is listed (aliases share their action's line).
            own = {demo_app.get_key_display(b) for b in demo_app.own_bindings(screen)
                   if screen.check_action(b.action.split("(")[0], ()) is not False}
            assert own <= set(listed_keys), f"{mode}: help misses {own - set(listed_keys)}"
            assert len(listed_keys) == len(set(listed_keys)), f"{mode}: a key listed twice"
            await pilot.press("escape")
            await pilot.pause()
            assert demo_app.screen is screen


async def test_global_keys_are_off_while_a_modal_is_open(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        for key in ("2", "3", "4"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert app.current_mode == "home"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionScreen)


async def test_typing_digits_and_q_in_an_input_types_them(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        probe = Input(id="probe")
        await app.screen.mount(probe)
        probe.focus()
        await pilot.pause()
        await pilot.press("3", "q", "2", "question_mark", "1", "4")
        await pilot.pause()
        assert probe.value == "3q2?14"
        assert isinstance(app.screen, HomeScreen) and app.return_code is None
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is not probe
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
        assert probe.value == "3q2?14"


async def test_typing_in_a_text_area_then_escape_then_3_reaches_the_tracker(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor = TextArea(id="probe-editor")
        await app.screen.mount(editor)
        editor.focus()
        await pilot.pause()
        await pilot.press("1", "2", "q")
        await pilot.pause()
        assert editor.text == "12q"
        assert isinstance(app.screen, HomeScreen) and app.return_code is None
        await pilot.press("escape", "3")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)


async def test_q_quits(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.return_code is None
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_the_command_palette_lists_and_runs_screen_switches(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for expected in ("Go to Home", "Go to Reflection", "Go to Tracker", "Go to Calendar",
                         "Help", "Settings"):
            assert expected in titles
        # The home screen's own actions are in the palette too.
        assert "Open" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"go to calendar")
        palette = app.screen
        hits = palette.query_one(CommandList)
        for _ in range(400):  # the search runs in a worker: wait for its first hit
            if hits.option_count and "Calendar" in str(hits.get_option_at_index(0).prompt):
                break
            await pilot.pause(0.025)
        assert "Go to Calendar" in str(hits.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "calendar"
        assert isinstance(app.screen, CalendarScreen)


async def test_the_theme_is_remembered_by_the_next_app(app, store, db_path):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        app.theme = "nord"
        await pilot.pause()
    assert store.settings.get().theme == "nord"
    again = make_app(db_path=db_path, now=fixed_clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_an_unknown_saved_theme_falls_back_quietly(store, db_path):
    store.settings.update(theme="no-such-theme")
    app = make_app(db_path=db_path, now=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme in app.available_themes
        assert isinstance(app.screen, HomeScreen)


async def test_an_outside_write_shows_on_home_after_the_poll(app, db_path):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "0 candidates found" in _journey_text(app)
        Store(db_path, now=fixed_clock).candidates.add(CandidateInput(name="Ada"), stage="contacted")
        assert "0 candidates found" in _journey_text(app)  # not before the poll
        app._poll_store()
        await pilot.pause()
        text = _journey_text(app)
        assert "1 candidate found" in text and "1 contacted" in text


async def test_an_outside_write_during_a_modal_shows_when_it_closes(app, db_path):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        Store(db_path, now=fixed_clock).candidates.add(CandidateInput(name="Ada"))
        app._poll_store()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert "1 candidate found" in _journey_text(app)


async def test_the_apps_own_writes_do_not_count_as_outside_changes(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        calls = []
        app.screen.refresh_from_store = lambda: calls.append(1)
        assert app.attempt(store.candidates.add, CandidateInput(name="Ada")) is not None
        app._poll_store()
        assert calls == []


async def test_an_outside_change_just_before_an_own_write_is_still_shown(app, store, db_path):
    """Another session writes, then this one does before the next poll: the poll must not
    take the file after its own write as the one on screen (the other's card would never
    show)."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        calls = []
        app.screen.refresh_from_store = lambda: calls.append(1)
        Store(db_path).candidates.add(CandidateInput(name="Grace, from another session"))
        assert app.attempt(store.candidates.add, CandidateInput(name="Ada")) is not None
        app._poll_store()
        assert calls == [1]
        app._poll_store()  # nothing new since
        assert calls == [1]


async def test_storage_errors_become_notifications_not_crashes(app, store, db_path):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.attempt(store.candidates.add, CandidateInput(name="Ada", email="nope")) is None
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("Invalid email" in m for m in messages)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        db_path.write_bytes(b"{")  # another program broke the file
        app._poll_store()
        await pilot.pause()
        assert any(str(db_path) in n.message for n in app._notifications)
        assert app.attempt(store.candidates.add, CandidateInput(name="Grace")) is None
        assert db_path.read_bytes() == b"{"
        assert isinstance(app.screen, HomeScreen) and app.return_code is None


async def test_a_readable_folder_is_warned_about_in_the_app(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o755)
    app = make_app(db_path=folder / "mentee.json", now=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("chmod 700" in n.message for n in app._notifications)
        assert isinstance(app.screen, HomeScreen)


async def test_a_new_notification_replaces_the_last_but_an_error_stays(app):
    from textual.widgets._toast import Toast

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        for number in (1, 2, 3):  # three quick moves on the board
            app.notify(f"Moved {number}")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Moved 3"]
        await pilot.pause()
        assert len(app.screen.query(Toast)) == 1  # one toast drawn, not three stacked
        app.notify("Disk full", severity="error", timeout=30)
        app.notify("Moved 4")
        app.notify("Moved 5")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Disk full", "Moved 5"]
        app.notify("Disk full", severity="error", timeout=30)  # the same error again
        app.notify("Cannot read the file", severity="error", timeout=30)
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Disk full", "Cannot read the file"]
        assert len(app.screen.query(Toast)) == 2


async def test_a_notification_from_the_writer_thread_also_replaces_the_last(app):
    import threading

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.notify("First")
        worker = threading.Thread(target=app.notify, args=("From a thread",))
        worker.start()
        worker.join()
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["From a thread"]
