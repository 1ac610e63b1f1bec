"""The settings screen: reached from help and the palette, validated, saved."""

from mentee_tui.tui.dialogs.settings_modal import SettingsModal
from mentee_tui.tui.screens import HelpScreen, HomeScreen


async def _open_settings(app, pilot):
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(app.screen, SettingsModal)


async def test_settings_from_help_saves_valid_values(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_settings(app, pilot)
        app.screen.query_one("#follow-up-days").value = "3"
        app.screen.query_one("#meeting-time").value = "8:30"
        app.screen.query_one("#meeting-duration").value = "45"
        app.screen.query_one("#timezone").value = "Europe/Paris"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    saved = store.settings.get()
    assert (saved.follow_up_days, saved.meeting_time, saved.meeting_duration, saved.timezone) == (
        3, "08:30", 45, "Europe/Paris")


async def test_your_name_is_saved_for_the_sign_off_literally(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_settings(app, pilot)
        assert app.focused is app.screen.query_one("#your-name")
        await pilot.press(*"[bold]Sam[/]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.settings.get().your_name == "[bold]Sam[/]"


async def test_bad_values_show_a_message_and_save_nothing(app, store):
    before = store.settings.get()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_settings(app, pilot)
        for widget_id, bad, expected in (
            ("#timezone", "Mars/Olympus", "Unknown time zone"),
            ("#meeting-time", "25:00", "between 00:00 and 23:59"),
            ("#meeting-time", "9:5", "must look like 09:30"),
            ("#follow-up-days", "0", "1 to 365"),
        ):
            app.screen.query_one(widget_id).value = bad
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, SettingsModal)
            error = app.screen.query_one(f"{widget_id}-error")  # beside its own field
            assert expected in str(error.render()) and error.display
            assert app.focused is app.screen.query_one(widget_id)
            app.screen.query_one(widget_id).value = {
                "#timezone": "", "#meeting-time": "09:00", "#follow-up-days": "7"}[widget_id]
            await pilot.pause()
            assert not error.display  # fixed: gone
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.settings.get() == before


async def test_settings_in_the_command_palette(app):
    async with app.run_test(size=(80, 24)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Settings" in titles
        assert "Go to Tracker" in titles


async def test_theme_from_settings_is_applied_and_remembered(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_settings(app, pilot)
        app.screen.query_one("#theme").value = "nord"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.theme == "nord"
    assert store.settings.get().theme == "nord"


async def test_escape_warns_once_about_changed_settings_and_again_after_more_typing(app, store):
    before = store.settings.get()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_settings(app, pilot)
        await pilot.press("escape")  # nothing changed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await _open_settings(app, pilot)
        await pilot.press("tab", "backspace", "5", "escape")  # your name first, then the days
        await pilot.pause()
        assert isinstance(app.screen, SettingsModal)  # warned, kept open
        assert any("Unsaved changes" in n.message for n in app._notifications)
        await pilot.press("4", "escape")  # typed after the warning: it asks again
        await pilot.pause()
        assert isinstance(app.screen, SettingsModal)
        assert app.screen.query_one("#follow-up-days").value == "54"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.settings.get() == before


async def test_leaving_a_field_checks_it_and_says_why_beside_it(app, store):
    """'abc' in the follow-up days is not dropped silently: the message shows on leaving."""
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_settings(app, pilot)
        assert app.focused is app.screen.query_one("#your-name")  # the first row
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#follow-up-days")
        await pilot.press("ctrl+u", *"abc", "tab")
        await pilot.pause()
        error = app.screen.query_one("#follow-up-days-error")
        assert error.display and "whole number" in str(error.render())
        assert "'abc'" in str(error.render())
        assert not app.screen.query_one("#meeting-time-error").display  # untouched: no message
        await pilot.press("shift+tab", "ctrl+u", "3")
        await pilot.pause()
        assert not error.display


async def test_the_time_zone_is_matched_whatever_its_case_and_completes(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_settings(app, pilot)
        zone = app.screen.query_one("#timezone")
        zone.focus()
        await pilot.press(*"europe/pa")
        await pilot.pause()
        await pilot.press("right")  # takes the completion
        await pilot.pause()
        assert zone.value == "Europe/Paris"
        zone.value = "america/new_york"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.settings.get().timezone == "America/New_York"  # stored in its IANA spelling
