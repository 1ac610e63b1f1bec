"""The key line at the bottom: the screen's shown keys, one line, redrawn only on change."""

from __future__ import annotations

from mentee_tui.tui.widgets.key_bar import KeyBar

SIZE = (80, 24)


def _line(app) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_each_screen_lists_its_own_keys(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = _line(demo_app)
        assert "? Help" in home and "q Quit" in home
        assert "Move right" not in home
        await pilot.press("3")
        await pilot.pause()
        tracker = _line(demo_app)
        assert "] Move right" in tracker and "[ Move left" in tracker and "n New" in tracker
        assert len(demo_app.screen.query(KeyBar)) == 1  # one widget, not one per key


async def test_keys_follow_the_focus_and_hidden_ones_stay_out(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert "q Quit" in _line(demo_app)
        await pilot.press("slash")  # the filter box: quit and help go to the text
        await pilot.pause()
        typing = _line(demo_app)
        assert "q Quit" not in typing and "] Move right" not in typing


async def test_a_remapped_key_is_shown_as_remapped(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        demo_app.set_keymap({"app.quit": "ctrl+q"})
        demo_app.screen.refresh_bindings()
        await pilot.pause()
        assert "^q Quit" in _line(demo_app)
        assert "q Quit" not in _line(demo_app).replace("^q Quit", "")


async def test_an_unchanged_line_is_not_redrawn(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = demo_app.screen.query_one(KeyBar)
        drawn = bar.render()
        demo_app.screen.refresh_bindings()
        await pilot.pause()
        assert bar.render() is drawn
