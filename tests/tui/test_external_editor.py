"""ctrl+o: the answer in $VISUAL/$EDITOR, in a private temp file, saved on return."""

from __future__ import annotations

import contextlib
import stat
import sys

import pytest

from mentee_tui.tui.external_editor import EditorFailed, edit_text, editor_command
from mentee_tui.tui.screens import ReflectionScreen

SIZE = (80, 24)


@pytest.fixture
def appending_editor(tmp_path):
    """An 'editor' that appends a line and records the temp file's permissions."""
    script = tmp_path / "append-editor.py"
    mode_file = tmp_path / "mode"
    script.write_text(
        "import os, stat, sys\n"
        f"open({str(mode_file)!r}, 'w').write(oct(stat.S_IMODE(os.stat(sys.argv[1]).st_mode)))\n"
        "with open(sys.argv[1], 'a') as f:\n"
        "    f.write('and more from the editor\\n')\n"
    )
    return [sys.executable, str(script)], mode_file


def test_the_editor_is_visual_then_editor_then_nano_or_vi(monkeypatch):
    assert editor_command({"VISUAL": "vim -u NONE", "EDITOR": "nano"}) == ["vim", "-u", "NONE"]
    assert editor_command({"VISUAL": " ", "EDITOR": "emacs -nw"}) == ["emacs", "-nw"]
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert editor_command({}) == ["vi"]
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/" + name)
    assert editor_command({}) == ["nano"]


def test_edit_text_round_trips_through_a_private_temp_file(appending_editor):
    command, mode_file = appending_editor
    # The line the editor adds starts on its own line; the file's final newline goes.
    assert edit_text("Lead a team", command) == "Lead a team\nand more from the editor"
    assert edit_text("", command) == "and more from the editor"
    assert mode_file.read_text() == oct(stat.S_IRUSR | stat.S_IWUSR)


def test_a_failing_or_missing_editor_changes_nothing():
    with pytest.raises(EditorFailed, match="status 3"):
        edit_text("keep", [sys.executable, "-c", "import sys; sys.exit(3)"])
    with pytest.raises(EditorFailed, match="Could not start"):
        edit_text("keep", ["/nonexistent/editor"])


async def test_ctrl_o_suspends_edits_and_saves_with_a_revision(app, store, appending_editor, monkeypatch):
    command, _ = appending_editor
    monkeypatch.setenv("VISUAL", " ".join(command))
    suspended: list[bool] = []

    @contextlib.contextmanager
    def fake_suspend():  # headless Pilot cannot hand the terminal over
        suspended.append(True)
        yield

    monkeypatch.setattr(app, "suspend", fake_suspend)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectionScreen)
        await pilot.press("tab", "enter", *"Budgets", "ctrl+o")
        await pilot.pause()
        assert suspended == [True]
        assert screen.editor("skills").text == "Budgets\nand more from the editor"
        assert app.focused is screen.editor("skills").area
        revisions = [r.text for r in store.reflections.get("skills").revisions]
        assert revisions == ["Budgets", "Budgets\nand more from the editor"]


async def test_a_failing_editor_gives_the_terminal_back_and_changes_nothing(
    app, store, monkeypatch
):
    monkeypatch.setenv("VISUAL", f"{sys.executable} -c 'import sys; sys.exit(1)'")  # vi's :cq
    events: list[str] = []

    @contextlib.contextmanager
    def suspend_like_textual():  # like App.suspend: resumes only if the block ends normally
        events.append("suspended")
        yield
        events.append("resumed")

    monkeypatch.setattr(app, "suspend", suspend_like_textual)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "enter", *"Goals", "ctrl+o")
        await pilot.pause()
        assert events == ["suspended", "resumed"]
        assert app.screen.editor("career_goals").text == "Goals"
        assert any("exited with status 1; nothing saved" in n.message
                   for n in app._notifications)
        assert app.focused is app.screen.editor("career_goals").area
    assert store.reflections.get("career_goals").text == "Goals"


async def test_ctrl_o_where_suspending_is_impossible_says_so(app, store, monkeypatch):
    monkeypatch.setenv("VISUAL", "/nonexistent/editor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "enter", *"Goals", "ctrl+o")  # the headless driver cannot suspend
        await pilot.pause()
        assert app.screen.editor("career_goals").text == "Goals"
        assert any("cannot hand over" in n.message for n in app._notifications)
