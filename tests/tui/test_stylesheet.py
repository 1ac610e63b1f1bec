"""CSS parsed once per theme: new screens reuse it, a theme change re-parses and restyles."""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet

from mentee_tui.tui.stylesheet import ThemedStylesheet

SIZE = (80, 24)


def _count_full_parses(monkeypatch) -> list[int]:
    calls: list[int] = []
    original = Stylesheet.reparse

    def counting(self) -> None:
        calls.append(1)
        original(self)

    monkeypatch.setattr(Stylesheet, "reparse", counting)
    return calls


async def test_showing_every_screen_parses_the_css_once(demo_app, monkeypatch):
    full = _count_full_parses(monkeypatch)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(demo_app.stylesheet, ThemedStylesheet)
        for key in "3421":
            await pilot.press("escape", key)
            await pilot.pause()
        assert len(full) == 0  # the start's parse is reused by every screen


async def test_a_theme_change_reparses_and_restyles(demo_app, monkeypatch):
    full = _count_full_parses(monkeypatch)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        before = demo_app.screen.styles.background
        demo_app.theme = "textual-light"
        await pilot.pause()
        assert len(full) >= 1
        assert demo_app.screen.styles.background != before
        await pilot.press("1")  # a screen made under the old theme gets the new one
        await pilot.pause()
        assert demo_app.screen.styles.background != before


def test_the_same_variables_do_not_invalidate_the_parse():
    sheet = ThemedStylesheet(variables={"accent": "red"})
    sheet.add_source("Screen { color: $accent; }", read_from=("t", ""))
    sheet.parse()
    rules = sheet.rules
    sheet.set_variables({"accent": "red"})
    sheet.reparse()
    assert sheet.rules == rules  # kept, not parsed again
    sheet.set_variables({"accent": "blue"})
    sheet.reparse()
    assert sheet.rules[0].styles.color != rules[0].styles.color
