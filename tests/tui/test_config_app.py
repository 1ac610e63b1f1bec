"""The config file in the app: its theme and keymap, one warning for a bad file, the theme
written back with the file's comments kept."""

from __future__ import annotations

from mentee_tui.storage.config import load_config
from mentee_tui.tui.app import make_app
from mentee_tui.tui.screens import HelpScreen, TrackerScreen

SIZE = (80, 24)


def _config(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path, load_config(path)


def _warnings(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_the_theme_and_a_moved_key_come_from_the_file(db_path, tmp_path, demo_store):
    _path, loaded = _config(tmp_path, 'theme = "nord"\n[keymap]\n"tracker.move_next" = "ctrl+right"\n')
    app = make_app(store=demo_store, config=loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrackerScreen)
        before = screen.selected()
        await pilot.press("ctrl+right")  # the moved key moves the card
        await pilot.pause()
        assert demo_store.candidates.get(before.id).stage == "contacted"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = [key for key, _ in app.screen.keys]
        assert any("ctrl+right" in key or "^→" in key for key in keys), keys
        assert not any(key == "]" for key in keys)  # the old key is not listed any more
        assert not any("Config" in n.title for n in app._notifications if n.title)


async def test_a_bad_file_warns_once_and_the_app_opens_with_the_defaults(db_path, tmp_path):
    path, loaded = _config(tmp_path, '[settings]\nfollow_up_days = "abc"\n')
    app = make_app(db_path=db_path, config=loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (warning,) = _warnings(app)
        assert f"{path}, line 2" in warning and "follow-up days" in warning
        assert app.store.settings.get().follow_up_days == 7
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)  # the app works


async def test_an_unknown_binding_id_is_named_with_its_line(db_path, tmp_path):
    path, loaded = _config(tmp_path, '[keymap]\n"app.quit" = "ctrl+q"\n"tracker.fly" = "f9"\n')
    app = make_app(db_path=db_path, config=loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        (warning,) = _warnings(app)
        assert f"{path}, line 3" in warning and "'tracker.fly'" in warning


async def test_the_settings_defaults_of_a_new_database_come_from_the_file(db_path, tmp_path):
    _path, loaded = _config(tmp_path, '[settings]\nfollow_up_days = 12\nmeeting_time = "17:30"\n')
    app = make_app(db_path=db_path, config=loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        settings = app.store.settings.get()
        assert (settings.follow_up_days, settings.meeting_time) == (12, "17:30")


async def test_changing_the_theme_in_the_app_rewrites_only_the_theme(db_path, tmp_path):
    text = '# mine\ntheme = "nord"  # dark\n\n[settings]\nfollow_up_days = 9  # a week and a bit\n'
    path, loaded = _config(tmp_path, text)
    app = make_app(db_path=db_path, config=loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "gruvbox"
        await pilot.pause()
    assert path.read_text() == text.replace('"nord"', '"gruvbox"')
    again = make_app(db_path=db_path, config=load_config(path))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "gruvbox"
