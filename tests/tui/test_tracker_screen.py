"""The tracker board: columns, selection, keys, filter, details, hostile names (Pilot)."""

from __future__ import annotations

import arrow
from textual.widgets import Input

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store
from mentee_tui.tui.dialogs import ConfirmModal, DetailsModal
from mentee_tui.tui.screens import TrackerScreen
from mentee_tui.tui.widgets import ColumnHeader, StageColumn

HOSTILE = ["[/]", "[bold]x", "[@click=app.quit]q[/]"]


async def open_tracker(app, pilot) -> TrackerScreen:
    await pilot.press("3")
    await pilot.pause()
    assert isinstance(app.screen, TrackerScreen)
    return app.screen


def column_names(screen: TrackerScreen, stage: str) -> list[str]:
    column = screen.query_one(f"#column-{stage}", StageColumn)
    return [screen.candidate(i).name for i in column.ids]


def said(screen: TrackerScreen) -> str:
    """What the hint line under the board says now (what a key did, or why it could not)."""
    return screen.hint.message


def selected_name(screen: TrackerScreen) -> str | None:
    candidate = screen.selected()
    return candidate.name if candidate else None


async def test_six_columns_with_counts_all_visible_at_80x24(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        headers = [h.render().plain for h in screen.query(ColumnHeader)]
        assert [h.split()[0] for h in headers] == [
            "Researched", "Contacted", "Coffee", "Asked", "Agreed", "Declined"]
        assert [h.split()[-1] for h in headers] == ["4", "3", "1", "1", "1", "2"]
        for column in screen.query(StageColumn):
            region = column.region
            assert region.width >= 10 and region.right <= 80, column.stage


async def test_the_column_holding_the_selection_is_the_wide_one(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)

        def widths() -> dict[str, int]:
            return {c.stage: c.region.width for c in screen.query(StageColumn)}

        before = widths()
        assert before["researched"] > max(w for s, w in before.items() if s != "researched")
        await pilot.press("l")
        await pilot.pause()
        after = widths()
        assert after["contacted"] > max(w for s, w in after.items() if s != "contacted")
        assert after["researched"] < before["researched"]
        headers = {h.parent.stage: h.rich_style for h in screen.query(ColumnHeader)}
        assert headers["contacted"].underline and not headers["researched"].underline
        await pilot.press("slash")  # typing in the filter: the selection's column still shows
        await pilot.pause()
        assert isinstance(demo_app.focused, Input)
        assert widths()["contacted"] == after["contacted"]


async def test_entering_selects_the_first_card_of_the_first_non_empty_column(store, app):
    for name, stage in (("Ada", "coffee"), ("Bea", "asked")):
        store.candidates.add(CandidateInput(name=name), stage=stage)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(app, pilot)
        assert selected_name(screen) == "Ada"
        await pilot.press("l")
        assert selected_name(screen) == "Bea"
        await pilot.press("1", "3")  # leave and come back: entering again
        await pilot.pause()
        assert selected_name(screen) == "Ada"


async def test_arrows_and_hjkl_move_the_selection(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        assert selected_name(screen) == "Aiko Tanaka"
        await pilot.press("j")
        assert selected_name(screen) == "Samir Haddad"
        await pilot.press("down", "down")
        assert selected_name(screen) == "Hannah Kim"
        await pilot.press("k")
        assert selected_name(screen) == "Olivia Brown"
        await pilot.press("up")
        assert selected_name(screen) == "Samir Haddad"
        await pilot.press("l")  # keeps the row where it can
        assert selected_name(screen) == "Kwame Mensah"
        await pilot.press("right")
        assert selected_name(screen) == "Grace Adeyemi"
        await pilot.press("h", "left")
        assert selected_name(screen) == "Aiko Tanaka"
        await pilot.press("h")  # at the edge: stays
        assert selected_name(screen) == "Aiko Tanaka"


async def test_left_and_right_skip_empty_columns(store, app):
    store.candidates.add(CandidateInput(name="Ada"), stage="researched")
    store.candidates.add(CandidateInput(name="Bea"), stage="declined")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(app, pilot)
        await pilot.press("l")
        assert selected_name(screen) == "Bea"
        await pilot.press("h")
        assert selected_name(screen) == "Ada"


async def test_a_click_selects_without_opening(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.click("#cards-coffee", offset=(2, 0))
        await pilot.pause()
        assert selected_name(screen) == "Grace Adeyemi"
        assert isinstance(demo_app.screen, TrackerScreen)
        # Only one card is highlighted on the whole board.
        highlighted = [c.cards.highlighted for c in screen.query(StageColumn)]
        assert sum(h is not None for h in highlighted) == 1


async def test_filter_matches_text_and_escape_clears_it(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("slash")
        assert isinstance(demo_app.focused, Input)
        await pilot.press(*"contoso")
        await pilot.pause()
        shown = [name for stage in ("researched", "contacted", "declined")
                 for name in column_names(screen, stage)]
        assert shown == ["Mei Lin", "Tomás Ortega"]
        assert "Filter: contoso" in str(screen.query_one("#tracker-hint").render())
        await pilot.press("u")  # a letter in the filter is text, not undo
        assert demo_app.focused.value == "contosou"
        await pilot.press("backspace", "enter")  # enter keeps the filter, back to the board
        assert not isinstance(demo_app.focused, Input)
        assert column_names(screen, "contacted") == ["Mei Lin"]
        await pilot.press("escape")
        await pilot.pause()
        assert column_names(screen, "contacted") == ["Mei Lin", "Kwame Mensah", "Lena Fischer"]
        assert not screen.query_one("#tracker-filter").display


async def test_a_filter_that_matches_nothing_keeps_the_selection_for_later(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("l", "j")
        assert selected_name(screen) == "Kwame Mensah"
        await pilot.press("slash", *"kwzz")
        await pilot.pause()
        assert screen.board.selected_id() is None  # nothing matches
        await pilot.press("backspace", "backspace")  # "kw" matches again
        await pilot.pause()
        assert selected_name(screen) == "Kwame Mensah"
        await pilot.press(*"zz", "enter", "escape")  # no match, then clear the filter
        await pilot.pause()
        assert selected_name(screen) == "Kwame Mensah"
        # "z" alone matches Diego Alvarez on the way to "zzz": the filter's pick, not mine.
        await pilot.press("slash", *"zzz", "escape")
        await pilot.pause()
        assert selected_name(screen) == "Kwame Mensah"
        # A reload while filtered (another session added someone) is not a choice either.
        await pilot.press("slash", *"contoso", "enter")
        await pilot.pause()
        Store(screen.store.path).candidates.add(CandidateInput(name="Zoe Other"), stage="coffee")
        screen.refresh_from_store()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert selected_name(screen) == "Kwame Mensah"
        # A card chosen inside the filtered board is the one kept.
        await pilot.press("slash", *"contoso", "enter", "l", "l", "l", "l")
        await pilot.pause()
        assert selected_name(screen) == "Tomás Ortega"
        await pilot.press("escape")
        await pilot.pause()
        assert selected_name(screen) == "Tomás Ortega"


async def test_pasted_escape_sequences_never_reach_the_filter_or_the_decline_dialog(
    demo_app, demo_store
):
    from textual import events

    from mentee_tui.tui.dialogs import DeclineModal

    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("slash")
        demo_app.post_message(events.Paste("con\x1b[31mtoso\x07"))
        await pilot.pause()
        assert demo_app.focused.value == "contoso"
        assert column_names(screen, "contacted") == ["Mei Lin"]
        await pilot.press("enter", "escape")
        await pilot.pause()
        mei = next(c for c in demo_store.candidates.all() if c.name == "Mei Lin")
        screen.board.select_id(mei.id)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(demo_app.screen, DeclineModal)
        demo_app.post_message(events.Paste("too\x1b]0;title\x07 busy\x00"))
        await pilot.pause()
        await pilot.press("tab")
        demo_app.post_message(events.Paste("Grace\x1b[2J Hopper"))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    mei = demo_store.candidates.get(mei.id)
    assert mei.stage == "declined" and mei.history[-1].note == "too busy"
    assert any(c.name == "Grace Hopper" for c in demo_store.candidates.all())


async def test_filter_searches_role_and_notes(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("slash", *"skip-level")
        await pilot.pause()
        assert column_names(screen, "researched") == ["Olivia Brown"]
        await pilot.press("escape")
        await pilot.press("slash", *"cto")
        await pilot.pause()
        assert column_names(screen, "asked") == ["Jonas Becker"]


async def test_details_show_fields_history_and_warning(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("j", "j")
        assert selected_name(screen) == "Olivia Brown"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(demo_app.screen, DetailsModal)
        body = demo_app.screen.query_one("#details-body").render().plain
        for expected in ("Organization: Northwind", "Role: Senior Director", "Source: network",
                         "supervisor", "advises", "History", "moved to Researched",
                         "skip-level", "2026-11-14"):
            assert expected in body, expected
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, TrackerScreen)
        assert selected_name(screen) == "Olivia Brown"


async def test_details_show_every_field(app, store):
    store.candidates.add(CandidateInput(
        name="Ada Lovelace", email="Ada@Example.org", role="Analyst", organization="Engines",
        source="event", url="https://example.org/ada", introduced_by="Charles",
        why="Her path from maths to engines", notes="Met at the [bold]meetup[/]",
        knows_well=True,
    ), stage="contacted")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tracker(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        body = app.screen.query_one("#details-body").render().plain
        for expected in ("Stage: Contacted", "Email: Ada@example.org", "Role: Analyst",
                         "Organization: Engines", "Source: event",
                         "Profile URL: https://example.org/ada", "Introduced by: Charles",
                         "Why them: Her path from maths to engines",
                         "Notes: Met at the [bold]meetup[/]", "I know them well: yes",
                         "My direct or indirect supervisor: no", "Added: ", "moved to Contacted"):
            assert expected in body, expected


async def test_details_show_times_in_the_settings_zone(demo_app, demo_store):
    demo_store.settings.update(timezone="Asia/Tokyo")
    aiko = next(c for c in demo_store.candidates.all() if c.name == "Aiko Tanaka")
    first = arrow.get(aiko.history[0].at).to("Asia/Tokyo").format("YYYY-MM-DD HH:mm")
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        screen.board.select_id(aiko.id)
        await pilot.press("enter")
        await pilot.pause()
        body = demo_app.screen.query_one("#details-body").render().plain
        assert "History (times in Asia/Tokyo)" in body and first in body


async def test_remove_asks_first(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert "Aiko Tanaka" in [c.name for c in demo_store.candidates.all()]
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert "Aiko Tanaka" not in [c.name for c in demo_store.candidates.all()]
        assert selected_name(screen) == "Samir Haddad"


async def test_refresh_from_store_keeps_the_selected_card(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("j", "j", "j")
        assert selected_name(screen) == "Hannah Kim"
        demo_store.candidates.add(CandidateInput(name="Aaron First"))  # another process, say
        screen.refresh_from_store()
        await pilot.pause()
        assert column_names(screen, "researched")[-1] == "Aaron First"
        assert selected_name(screen) == "Hannah Kim"


async def test_hostile_names_show_literally_everywhere(store, app):
    for name in HOSTILE:
        store.candidates.add(CandidateInput(name=name, notes="[red]n[/red]"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(app, pilot)
        column = screen.query_one("#column-researched", StageColumn)
        lines = [column.cards.render_line(i).text for i in range(3)]
        assert [line.strip() for line in lines[:2]] == HOSTILE[:2]
        shown = lines[2].strip()  # whole in the wide focused column, else cut with an ellipsis
        assert shown == HOSTILE[2] or (shown.endswith("…") and HOSTILE[2].startswith(shown[:-1]))
        screen.selected_id = column.ids[2]
        await pilot.pause()
        status = str(screen.query_one("#tracker-status").render())
        assert status.startswith(HOSTILE[2])  # the status line: the whole name, literally
        for row, name in enumerate(HOSTILE):
            column.cards.highlighted = row
            await pilot.press("enter")
            await pilot.pause()
            assert demo_title(app) == name
            assert "[red]n[/red]" in app.screen.query_one("#details-body").render().plain
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("d")
            await pilot.pause()
            assert name in app.screen.query_one("#confirm-message").render().plain
            await pilot.press("n")
            await pilot.pause()
            await pilot.press("f")
            await pilot.pause()
            assert demo_title(app) == f"Follow-up with {name}"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert name in said(screen)
        assert app.is_running and isinstance(app.screen, TrackerScreen)


def demo_title(app) -> str:
    return app.screen.query_one(".dialog-title").render().plain


async def test_every_binding_has_an_id_and_description_and_m_drafts(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        own = TrackerScreen.BINDINGS
        assert all(b.id and b.description for b in own)
        keys = {key for b in own for key in b.key.split(",")}
        assert {"right_square_bracket", "left_square_bracket", "x", "n", "enter", "e", "f",
                "slash", "d", "delete", "u", "ctrl+z", "h", "j", "k", "l"} <= keys
        assert "m" in keys  # the outreach draft
        titles = [c.title for c in demo_app.get_system_commands(screen)]
        for title in ("Decline", "Undo last move", "Log follow-up", "Filter", "Remove", "Draft"):
            assert title in titles
        await pilot.press("question_mark")
        await pilot.pause()
        by_key = {key: description for keys, description in demo_app.screen.keys
                  for key in keys.split(" / ")}
        assert by_key["]"] == "Move right" and by_key["x"] == "Decline"
        assert by_key["u"] == by_key["^z"] == "Undo last move"


async def test_no_color_keeps_the_selection_visible_with_reverse(monkeypatch, demo_store):

    from mentee_tui.tui.app import make_app

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(store=demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(app, pilot)
        cards = screen.query_one("#column-researched", StageColumn).cards
        assert cards.render_line(0).text.startswith("Aiko")
        assert all(seg.style.reverse and seg.style.bold for seg in cards.render_line(0))
        assert not any(seg.style.reverse for seg in cards.render_line(1))  # not selected


async def test_wider_terminals_show_organization_and_days_in_stage(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        cards = screen.query_one("#column-researched", StageColumn).cards
        assert cards.render_line(1).text.startswith("Samir")  # compact: one line a card
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        lines = [cards.render_line(i).text.strip() for i in range(3)]
        assert lines == ["Aiko Tanaka", "Woodgrove", "8 days in stage"]
        assert selected_name(screen) == "Aiko Tanaka"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert cards.render_line(1).text.startswith("Samir")


async def test_tab_moves_the_selection_to_the_next_column(demo_app):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("tab")
        await pilot.pause()
        assert selected_name(screen) == "Mei Lin"
        highlighted = [c.cards.highlighted for c in screen.query(StageColumn)]
        assert highlighted == [None, 0, None, None, None, None]


async def test_a_database_damaged_meanwhile_keeps_the_board_and_says_so(demo_app, demo_store):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        screen = await open_tracker(demo_app, pilot)
        demo_store.path.write_text("{ not json")
        screen.refresh_from_store()
        await pilot.pause()
        assert any("damaged" in n.message for n in demo_app._notifications)
        assert column_names(screen, "coffee") == ["Grace Adeyemi"]
        await pilot.press("right_square_bracket")  # a move fails with a message, no crash
        await pilot.pause()
        assert demo_app.screen is screen and selected_name(screen) == "Aiko Tanaka"
        assert demo_store.path.read_text() == "{ not json"  # never overwritten


async def test_ten_thousand_candidates_take_no_widget_per_card(demo_app, tmp_path, monkeypatch):
    """A column draws only the cards in view: 10,000 cards cost no more widgets than 12,
    and only the cards on screen get their text built."""
    from conftest import fixed_clock
    from helpers.many import fill_many

    from mentee_tui.storage import Store
    from mentee_tui.tui.app import make_app
    from mentee_tui.tui.widgets import candidate_card

    built: list[int] = []
    card_prompt = candidate_card.card_prompt

    def counted(candidate, **kwargs):
        built.append(candidate.id)
        return card_prompt(candidate, **kwargs)

    monkeypatch.setattr(candidate_card, "card_prompt", counted)

    async def widgets_and_cards(app) -> tuple[int, int]:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_tracker(app, pilot)
            cards = sum(column.cards.card_count for column in screen.query(StageColumn))
            return len(list(screen.query("*"))), cards

    demo_widgets, demo_cards = await widgets_and_cards(demo_app)
    store = Store(tmp_path / "many.json", now=fixed_clock)
    fill_many(store, 10_000)
    built.clear()
    many_widgets, many_cards = await widgets_and_cards(make_app(store=store))
    assert (demo_cards, many_cards) == (12, 10_000)
    assert many_widgets <= demo_widgets + 2  # as many widgets for 10,000 cards as for 12
    assert len(set(built)) <= 6 * 24  # at most a screenful of cards per column
