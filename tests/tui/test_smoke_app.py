"""The app opens Home and the number keys reach every screen."""

from mentee_tui.tui.screens import (
    CalendarScreen,
    HomeScreen,
    ReflectionScreen,
    TrackerScreen,
)


async def test_number_keys_reach_every_screen(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        for key, screen_type in (("2", ReflectionScreen), ("3", TrackerScreen),
                                 ("4", CalendarScreen), ("1", HomeScreen)):
            await pilot.press(key)  # Reflection opens on its list: the keys act at once
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
