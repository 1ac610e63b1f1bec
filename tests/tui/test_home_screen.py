"""Home: the journey from real stored data, the first-time hint, and jumping to a step."""

from __future__ import annotations

from conftest import fixed_clock
from textual.widgets import OptionList

from mentee_tui.domain.journey import journey_steps
from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store
from mentee_tui.tui.screens import HomeScreen
from mentee_tui.tui.widgets.journey_line import journey_line

SIZE = (80, 24)


def _all_lines(app) -> list[str]:
    home = app.screen.query_one("#home-list", OptionList)
    return [str(home.get_option_at_index(i).prompt) for i in range(home.option_count)]


def _lines(app) -> list[str]:
    """The journey's five steps: the last lines of Home's list."""
    return _all_lines(app)[-5:]


def _select(app, index: int) -> None:
    app.screen.query_one("#home-list", OptionList).highlighted = index


def _expected_steps(app):
    store = app.store
    return journey_steps(candidates=store.candidates.all(), reflections=store.reflections.all(),
                         settings=store.settings.get(), now=store.now(),
                         mentorships=store.calendar.mentorships(),
                         meetings=store.calendar.meetings())


async def test_an_empty_database_tells_a_first_time_user_where_to_start(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        hint = str(screen.query_one("#home-hint").content)
        assert "Start with step 1" in hint
        assert "Welcome" in str(screen.query_one("#home-title").content)
        lines = _all_lines(app)
        assert len(lines) == 5  # nothing to do this week yet: only the journey
        assert "0 candidates found" in lines[1]
        assert isinstance(app.focused, OptionList)  # the keyboard is ready at once


async def test_home_with_demo_data_shows_the_stored_counts(demo_app, demo_store):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        steps = _expected_steps(demo_app)
        assert _lines(demo_app) == [journey_line(step).plain for step in steps]
        candidates = demo_store.candidates.all()
        assert f"{len(candidates)} candidates found" in _lines(demo_app)[1]
        coffee = sum(c.stage == "coffee" for c in candidates)
        assert f"{coffee} coffee" in _lines(demo_app)[2]
        assert "keep going" in _lines(demo_app)[3]  # the demo has a decline
        hint = str(demo_app.screen.query_one("#home-hint").content)
        assert "Start with step 1" not in hint
        assert "This week" in str(demo_app.screen.query_one("#home-title").content)


async def test_enter_on_each_line_jumps_to_its_screen(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        steps = _expected_steps(demo_app)
        first_step = len(_all_lines(demo_app)) - 5
        for index, step in enumerate(steps):
            await pilot.press("escape", "1")  # Reflection starts in an editor
            await pilot.pause()
            journey = demo_app.screen.query_one("#home-list", OptionList)
            journey.highlighted = first_step
            await pilot.press(*["down"] * index)
            assert journey.highlighted == first_step + index
            await pilot.press("enter")
            await pilot.pause()
            assert demo_app.current_mode == step.mode, step.title


async def test_j_and_k_move_along_the_journey(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        journey = demo_app.screen.query_one("#home-list", OptionList)
        assert journey.highlighted == 0
        await pilot.press("j", "j", "j")
        assert journey.highlighted == 3
        await pilot.press("k")
        assert journey.highlighted == 2
        await pilot.press("enter")
        await pilot.pause()
        assert demo_app.current_mode == "tracker"


async def test_a_refresh_keeps_the_highlighted_line(app, db_path):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        Store(db_path, now=fixed_clock).candidates.add(CandidateInput(name="Ada"), stage="contacted")
        app._poll_store()
        await pilot.pause()
        journey = app.screen.query_one("#home-list", OptionList)
        assert journey.highlighted == 2
        assert "1 contacted" in _lines(app)[2]
        assert "Start with step 1" not in str(app.screen.query_one("#home-hint").content)


async def test_names_show_literally_not_as_markup(store, app):
    store.candidates.add(CandidateInput(name="[bold]Mal[/]"), stage="researched")
    mentor = store.candidates.add(CandidateInput(name="[red]Ada"), stage="asked")
    store.tracker.move(mentor.id, "agreed")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        steps = _expected_steps(app)
        assert _lines(app) == [journey_line(step).plain for step in steps]
        if not store.calendar.mentorships():
            assert "[red]Ada agreed" in _lines(app)[4]


def test_home_snapshot_with_demo_data(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE)


async def test_no_color_keeps_the_home_selection_visible_with_reverse(monkeypatch, demo_store):
    from mentee_tui.tui.app import make_app

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(store=demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        journey = app.screen.query_one("#home-list")
        assert "Follow up" in journey.render_line(0).text
        assert any(seg.style and seg.style.reverse for seg in journey.render_line(0))
        assert not any(seg.style and seg.style.reverse for seg in journey.render_line(1))
        await pilot.press("j")
        assert any(seg.style and seg.style.reverse for seg in journey.render_line(1))


async def test_a_long_step_wraps_under_its_text_on_a_narrow_terminal(demo_app):
    async with demo_app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.pause()
        lines = _lines(demo_app)
        plan = lines[4].splitlines()
        assert len(plan) == 2 and "Plan" in plan[0]
        indent = plan[0].index("Priya")
        assert plan[1].startswith(" " * indent) and plan[1].strip()
        await pilot.resize_terminal(100, 24)
        await pilot.pause()
        await pilot.pause()
        assert all("\n" not in line for line in _lines(demo_app))


# -- this week --------------------------------------------------------------------------
async def test_this_week_names_the_due_follow_ups_oldest_first_and_the_open_actions(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = _all_lines(demo_app)
        follow_ups = [line for line in lines if "Follow up:" in line]
        assert [line.split(": ")[1].split(" (")[0] for line in follow_ups] == [
            "Mei Lin", "Kwame Mensah", "Jonas Becker"]
        meeting = next(line for line in lines if "Meeting 2 with Priya Raman" in line)
        assert "open: Draft a one-page strategy for the platform team" in meeting
        assert "Ask finance" not in meeting  # ticked off in meeting 1: not carried over
        assert any("Write to Olivia Brown (Northwind) ⚠" in line for line in lines)
        assert any("…and 1 more on the tracker" in line for line in lines)


async def test_enter_on_a_follow_up_opens_the_tracker_on_that_card(demo_app, demo_store):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "enter")  # the second line: Kwame Mensah
        await pilot.pause()
        assert demo_app.current_mode == "tracker"
        assert demo_app.screen.selected().name == "Kwame Mensah"


async def test_enter_on_the_meeting_opens_the_calendar_on_it(demo_app, demo_store):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        index = next(i for i, line in enumerate(_all_lines(demo_app)) if "Meeting 2" in line)
        _select(demo_app, index)
        await pilot.press("enter")
        await pilot.pause()
        assert demo_app.current_mode == "calendar"
        assert demo_app.screen.meeting.number == 2


async def test_f_logs_the_follow_up_and_the_line_goes(demo_app, demo_store):
    from mentee_tui.tui.dialogs.follow_up_modal import FollowUpModal

    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(demo_app.screen, FollowUpModal)
        await pilot.press(*"emailed", "ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)
        assert not any("Follow up: Mei Lin" in line for line in _all_lines(demo_app))
    mei = next(c for c in demo_store.candidates.all() if c.name == "Mei Lin")
    assert (mei.history[-1].event, mei.history[-1].note) == ("follow_up", "emailed")


async def test_m_opens_the_draft_and_keys_on_a_journey_line_say_why_not(demo_app):
    from mentee_tui.tui.dialogs.draft_modal import DraftModal

    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        index = next(i for i, line in enumerate(_all_lines(demo_app)) if "Write to Aiko" in line)
        _select(demo_app, index)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(demo_app.screen, DraftModal)
        assert "Dear Aiko," in demo_app.screen.query_one("#draft-text").text
        await pilot.press("t", "y")  # sent: Aiko moves to contacted
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)
        assert not any("Write to Aiko" in line for line in _all_lines(demo_app))
        _select(demo_app, len(_all_lines(demo_app)) - 1)  # the Plan step
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)
        assert any("step of the journey" in n.message for n in demo_app._notifications)


async def test_after_a_decline_with_nothing_going_home_says_keep_reaching_out(app, store):
    tomas = store.candidates.add(CandidateInput(name="[red]Tomás"), stage="asked")
    store.tracker.decline(tomas.id, "busy", "Mei Lin")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = next(line for line in _all_lines(app) if "Keep reaching out" in line)
        assert "[red]Tomás suggested Mei Lin" in line
        index = _all_lines(app).index(line)
        _select(app, index)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.selected().name == "Mei Lin"


def test_home_snapshot_of_a_first_time_user(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE)
