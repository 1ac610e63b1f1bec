"""Reflection from the keyboard: the prompt list, editors, Tab, escape, autosave, revisions,
outside changes."""

from __future__ import annotations

import time

import arrow
import pytest
from conftest import fixed_clock
from textual import events
from textual.widgets import Static

from mentee_tui.domain.reflection import PROMPTS
from mentee_tui.storage import Store
from mentee_tui.tui.dialogs.revisions_modal import RevisionsModal
from mentee_tui.tui.screens import ReflectionScreen, TrackerScreen, reflection_screen
from mentee_tui.tui.widgets.prompt_editor import AnswerArea, PromptEditor

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def _quick_autosave(monkeypatch):
    monkeypatch.setattr(reflection_screen, "AUTOSAVE_SECONDS", 0.1)


async def wait_until(pilot, condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition never became true"
        await pilot.pause(0.05)


async def open_reflection(pilot, write: bool = False) -> ReflectionScreen:
    """Switch to Reflection (on its prompt list); `write`: then enter the first answer."""
    await pilot.pause()
    await pilot.press("2")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReflectionScreen)
    if write:
        await pilot.press("enter")
        assert pilot.app.focused is screen.editor(PROMPTS[0].key).area
    return screen


def area(screen: ReflectionScreen, key: str) -> AnswerArea:
    return screen.editor(key).area


async def test_entering_opens_the_prompt_list_with_every_prompt_and_its_guidance(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot)
        editors = screen.query(PromptEditor)
        assert [e.key for e in editors] == [p.key for p in PROMPTS]
        assert app.focused is None  # no editor has the keys: 1-4, ? and q act
        assert [e.selected for e in editors] == [True] + [False] * (len(PROMPTS) - 1)
        assert str(screen.editor(PROMPTS[0].key).query_one(".prompt-title", Static)
                   .content).startswith(f"▶ 1/{len(PROMPTS)}")
        assert "enter write the answer" in str(screen.hint.content)
        for prompt in PROMPTS:
            editor = screen.editor(prompt.key)
            assert str(editor.query_one(".guidance", Static).content) == prompt.guidance
            assert prompt.title in str(editor.query_one(".prompt-title", Static).content)
        # The first answer and its guidance fit side by side at 80x24.
        first = screen.editor(PROMPTS[0].key)
        guidance = first.query_one(".guidance").region
        assert first.area.region.right <= guidance.x and guidance.right <= 80
        assert first.area.region.bottom <= 23


async def test_tab_moves_between_answers_and_escape_frees_the_number_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot, write=True)
        await pilot.press("tab")
        assert app.focused is area(screen, PROMPTS[1].key)
        await pilot.press("tab")
        assert app.focused is area(screen, PROMPTS[2].key)
        await pilot.press("shift+tab")
        assert app.focused is area(screen, PROMPTS[1].key)
        await pilot.press("3")  # typed: the editor has the keys
        assert area(screen, PROMPTS[1].key).text == "3"
        assert app.current_mode == "reflection"
        await pilot.press("escape")
        assert app.focused is None
        assert screen.editor(PROMPTS[1].key).selected  # back on the list, where it was
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)


async def test_on_the_list_the_keys_pick_a_prompt_and_say_when_they_cannot(app, store):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot)
        await pilot.press("down", "j", "tab")
        assert app.focused is None
        assert screen.editor(PROMPTS[3].key).selected
        assert not screen.editor(PROMPTS[0].key).selected
        await pilot.press("up", "k", "shift+tab", "shift+tab")
        assert app.focused is None and screen.editor(PROMPTS[-1].key).selected  # tab goes round
        await pilot.press("down")
        assert screen.editor(PROMPTS[-1].key).selected
        assert str(screen.hint.content) == "That is the last prompt."
        await pilot.press("enter")
        assert app.focused is area(screen, PROMPTS[-1].key)
        assert area(screen, PROMPTS[-1].key).text == ""  # the enter opened it, typed nothing
        assert "escape back to the prompts" in str(screen.hint.content)
        await pilot.press("escape")
        await pilot.pause()
    assert store.reflections.get(PROMPTS[-1].key).revisions == []


async def test_navigation_never_saves_stray_text(app, store):
    """The reported path, on a fresh database: ? escape enter enter (Home's enter opens
    Reflection, the second one the first answer), then out again."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("question_mark", "escape", "enter", "enter", "escape", "1"):
            await pilot.press(key)
            await pilot.pause()
        assert app.current_mode == "home"
    answer = store.reflections.get("career_goals")
    assert answer.text == "" and answer.revisions == []


async def test_a_burst_after_enter_lands_in_the_answer_and_after_escape_on_the_list(app, store):
    """Keys that arrive together (a slow link) are posted before any is handled: enter and
    escape must move the focus before the next one is delivered."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot)
        for key in ("enter", "H", "i", "escape", "3"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        assert area(screen, "career_goals").text == "Hi"
        assert isinstance(app.screen, TrackerScreen)
    assert store.reflections.get("career_goals").revisions[-1].text == "Hi"


async def test_typing_is_autosaved_after_a_pause_without_a_revision(app, store):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot, write=True)
        editor = screen.editor("career_goals")
        await pilot.press(*"Lead a team")
        assert editor.state == "unsaved"
        assert "unsaved" in str(editor.query_one(".prompt-title", Static).content)
        await wait_until(pilot, lambda: editor.state == "saved")
        assert "✓ saved" in str(editor.query_one(".prompt-title", Static).content)
        answer = store.reflections.get("career_goals")
        assert answer.text == "Lead a team" and answer.revisions == []


async def test_saving_shows_its_state_until_the_write(app, store):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot, write=True)
        editor = screen.editor("career_goals")
        editor.area.insert("Goals")
        await pilot.pause()
        screen.autosave("career_goals")
        assert editor.state == "saving"
        # The write is on its way at once; the title says "saving" only if it takes a while
        # (see test_busy_lock): a quick save draws no frame of its own.
        assert app.writes.pending == 1
        title = str(editor.query_one(".prompt-title", Static).content)
        assert "unsaved" in title and "saving" not in title
        await wait_until(pilot, lambda: editor.state == "saved")
        assert "✓ saved" in str(editor.query_one(".prompt-title", Static).content)
        assert store.reflections.get("career_goals").text == "Goals"


async def test_leaving_an_answer_keeps_a_revision(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await open_reflection(pilot, write=True)
        await pilot.press(*"Lead a team", "tab")
        await pilot.pause()
        revisions = store.reflections.get("career_goals").revisions
        assert [r.text for r in revisions] == ["Lead a team"]
        await pilot.press("shift+tab", "tab")  # in and out again without typing
        await pilot.pause()
        assert len(store.reflections.get("career_goals").revisions) == 1


async def test_leaving_the_screen_saves_and_returning_finds_the_text(app, store):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot)
        await pilot.press("tab", "enter", *"Budgets")
        await pilot.press("escape", "3")
        await pilot.pause()
        answer = store.reflections.get("skills")
        assert answer.text == "Budgets" and [r.text for r in answer.revisions] == ["Budgets"]
        await pilot.press("2")
        await pilot.pause()
        assert app.screen is screen
        assert area(screen, "skills").text == "Budgets"
        assert app.focused is None and screen.editor("skills").selected  # on the list, there


async def test_revisions_show_what_changed_literally_and_enter_restores_one(app, db_path):
    times = iter(["2026-11-01T09:00:00+00:00", "2026-11-02T09:00:00+00:00"])
    writer = Store(db_path, now=lambda: arrow.get(next(times)))
    writer.reflections.save("skills", "[bold]Listening[/]", revision=True)
    writer.reflections.save("skills", "[bold]Listening[/]\nWriting", revision=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot)
        await pilot.press("tab", "ctrl+r")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, RevisionsModal)
        assert [r.at[:10] for r in modal.revisions] == ["2026-11-02", "2026-11-01"]
        diff = str(modal.query_one("#revisions-diff", Static).content)
        assert "  [bold]Listening[/]" in diff and "+ Writing" in diff
        await pilot.press("down")
        diff = str(modal.query_one("#revisions-diff", Static).content)
        assert "+ [bold]Listening[/]" in diff and "Writing" not in diff
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert app.focused is None  # back on the list, where ctrl+r was pressed
        assert area(screen, "skills").text == "[bold]Listening[/]"
        last = app.store.reflections.get("skills").revisions[-1]
        assert last.text == "[bold]Listening[/]"
        assert last.restored_from == "2026-11-01T09:00:00+00:00"
        assert "Revision restored" in str(screen.hint.content)


async def test_r_opens_revisions_on_the_list_and_escape_goes_back_to_the_editor(app, store):
    store.reflections.save("career_goals", "Lead a team", revision=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot, write=True)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, RevisionsModal)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and app.focused is area(screen, "career_goals")
        await pilot.press("escape", "r")
        await pilot.pause()
        assert isinstance(app.screen, RevisionsModal)


async def test_revisions_of_an_answer_never_saved_say_why_instead_of_opening(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot)
        await pilot.press("down", "r")
        await pilot.pause()
        assert app.screen is screen
        assert str(screen.hint.content).startswith("No revisions of “Skills to develop” yet")
        assert not app._notifications  # said on the screen's line, not over it
        await pilot.press("enter", "ctrl+r")
        await pilot.pause()
        assert app.screen is screen and app.focused is area(screen, "skills")
        assert "No revisions" in str(screen.hint.content)


async def test_an_outside_change_shows_but_never_replaces_what_the_user_types(app, db_path):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot, write=True)
        await pilot.press(*"mine")  # career_goals: typed, not yet saved
        other = Store(db_path, now=fixed_clock)
        other.reflections.save_many({"career_goals": "theirs", "skills": "from the CLI"})
        screen.refresh_from_store()
        await pilot.pause()
        assert area(screen, "career_goals").text == "mine"
        assert area(screen, "skills").text == "from the CLI"
        assert screen.editor("skills").state == "saved"
        await wait_until(pilot, lambda: screen.editor("career_goals").state == "saved")
        other.reflections.save("career_goals", "theirs again")
        screen.refresh_from_store()  # saved, but the user is still in this answer
        assert area(screen, "career_goals").text == "mine"


async def test_pasted_control_characters_are_dropped(app, store):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot, write=True)
        answer = area(screen, "career_goals")
        # A terminal paste reaches the app, which forwards it to the focused editor.
        app.post_message(events.Paste("red\x1b[31m text\x07\nnext"))
        await pilot.pause()
        assert answer.text == "red text\nnext"


async def test_the_editor_shows_what_was_stored_and_keeps_the_cursor_in_place(app, store):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot)
        answer = area(screen, "career_goals")
        answer.insert("ab\x00cd")  # a control character that got past the paste filter
        answer.cursor_location = (0, 3)  # after "ab\x00"
        screen.save("career_goals")
        await pilot.pause()  # the write runs on the writer thread
        assert answer.text == "abcd" and store.reflections.get("career_goals").text == "abcd"
        assert answer.cursor_location == (0, 2)
        answer.insert("X")
        screen.save("career_goals")
        await pilot.pause()  # the write runs on the writer thread
        assert answer.text == "abXcd" and answer.cursor_location == (0, 3)


async def test_save_for_hangup_writes_every_changed_answer_with_a_revision(app, store):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot, write=True)
        await pilot.press(*"typed just now")
        area(screen, "notes").insert("and here")
        screen.save_for_hangup()
        found = store.reflections.all()
        assert found["career_goals"].revisions[-1].text == "typed just now"
        assert found["notes"].revisions[-1].text == "and here"
        assert found["skills"].revisions == []


async def test_a_hang_up_waits_only_briefly_for_another_session(app, store):
    from mentee_tui.storage import StorageError
    from mentee_tui.storage.recovery import HANG_UP_LOCK_SECONDS

    waits = []
    original = store.db.writing

    def writing(**kwargs):
        waits.append(kwargs.get("lock_timeout"))
        return original(**kwargs)

    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot, write=True)
        await pilot.press(*"typed")
        store.db.writing = writing
        screen.save_for_hangup()
        assert waits == [HANG_UP_LOCK_SECONDS]
        area(screen, "notes").insert("busy")
        with Store(store.path).db.writing():  # another session holds the lock
            with pytest.raises(StorageError):
                screen.save_for_hangup()  # gives up; the process can end
        store.db.writing = original


async def test_a_save_over_another_sessions_words_keeps_them_as_a_revision(app, store):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot, write=True)
        await pilot.press(*"Mine")
        screen.save("career_goals")
        await pilot.pause()  # the write runs on the writer thread
        await pilot.press(*" and more")  # typing: the outside change is not shown over it
        Store(store.path).reflections.save("career_goals", "Theirs", base="Mine")
        screen.save("career_goals")
        await pilot.pause()  # the write runs on the writer thread
        await pilot.pause()
        assert any("Another session had changed" in n.message for n in app._notifications)
    answer = store.reflections.get("career_goals")
    assert answer.text == "Mine and more"
    assert "Theirs" in [r.text for r in answer.revisions]


async def test_leaving_an_unchanged_answer_shows_the_newer_text_of_another_session(
    app, store
):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reflection(pilot, write=True)
        await pilot.press(*"Beta")
        screen.save("career_goals")  # autosaved; still in the answer
        await pilot.pause()  # the write runs on the writer thread
        Store(store.path).reflections.save("career_goals", "Alpha", base="")
        screen.refresh_from_store()
        assert area(screen, "career_goals").text == "Beta"  # not replaced under the cursor
        await pilot.press("tab")  # leaving: nothing new here, so nothing is written over it
        await pilot.pause()
        assert area(screen, "career_goals").text == "Alpha"
        assert any("its text is shown now" in n.message for n in app._notifications)
    answer = store.reflections.get("career_goals")
    assert answer.text == "Alpha" and "Beta" in [r.text for r in answer.revisions]


async def test_quitting_from_inside_an_editor_keeps_the_last_words(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await open_reflection(pilot, write=True)
        await pilot.press(*"quitting now", "ctrl+q")
        await pilot.pause()
    answer = store.reflections.get("career_goals")
    assert answer.text == "quitting now" and answer.revisions[-1].text == "quitting now"
