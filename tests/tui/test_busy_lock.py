"""A busy lock never freezes the screen: another process holds the database's lock while a
key writes; the screen keeps answering, says that it waits, and escape gives up (Pilot)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, Static

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store
from mentee_tui.tui.app import WAITING_MESSAGE
from mentee_tui.tui.dialogs import CandidateModal
from mentee_tui.tui.screens import ReflectionScreen, TrackerScreen

# Another session: takes the write lock, says so, and writes its own card when told to,
# still holding the lock (the nested write takes the same lock again), then lets go.
HOLDER = """
import sys
import time
from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store

store = Store(sys.argv[1])
with store.db.writing():
    print("held", flush=True)
    sys.stdin.readline()
    store.candidates.add(CandidateInput(name="Written by the other session"))
"""
PROJECT = Path(__file__).resolve().parents[2]


class Holder:
    def __init__(self, db_path: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(PROJECT)}
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(db_path)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, env=env)
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "held"

    def release(self) -> None:
        """Write the other session's card, then let go of the lock."""
        assert self.process.stdin is not None
        self.process.stdin.write("go\n")
        self.process.stdin.flush()
        assert self.process.wait(timeout=30) == 0

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


async def until(condition: Callable[[], bool], seconds: float = 20.0) -> None:
    """Let the app run (without `pilot.pause`, which waits for the writes) until
    `condition` holds; a generous bound, so a hang fails instead of blocking the suite."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    assert condition()


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_write_waits_for_the_lock_off_the_ui_thread_then_lands(app, store, db_path):
    store.candidates.add(CandidateInput(name="Ada"))
    holder = Holder(db_path)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("3")
            await pilot.pause()
            assert isinstance(app.screen, TrackerScreen)
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, CandidateModal)
            app.screen.query_one("#name", Input).value = "Grace Hopper"
            await pilot.press("ctrl+s")
            # The form closed; the write waits on the writer thread, and says so.
            await until(lambda: app.waiting_for_lock)
            assert isinstance(app.screen, TrackerScreen)
            # The note goes through the app's message queue: it shows a moment later.
            await until(lambda: WAITING_MESSAGE in messages(app))
            assert app.writes.pending == 1
            # The screen still answers keys meanwhile.
            await pilot.press("2")
            await until(lambda: app.current_mode == "reflection")
            assert app.writes.pending == 1
            holder.release()
            await pilot.pause()  # the write, now free to go, and its outcome
            assert app.writes.pending == 0
            assert not app.waiting_for_lock
            assert WAITING_MESSAGE not in messages(app)
    finally:
        holder.kill()
    names = {c.name for c in Store(db_path).candidates.all()}
    assert names == {"Ada", "Written by the other session", "Grace Hopper"}


async def test_a_save_held_up_by_the_lock_says_saving_until_it_lands(app, store, db_path):
    holder = Holder(db_path)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ReflectionScreen)
            await pilot.press("enter", *"Lead")
            editor = screen.editor("career_goals")
            title = editor.query_one(".prompt-title", Static)
            screen.autosave("career_goals")
            assert "unsaved" in str(title.content)
            await until(lambda: "… saving" in str(title.content))
            assert editor.state == "saving" and app.writes.pending == 1
            await pilot.press(*" a team")  # typing goes on meanwhile
            await until(lambda: editor.area.text == "Lead a team")
            holder.release()
            await until(lambda: app.writes.pending == 0)
            assert "… saving" not in str(title.content)
    finally:
        holder.kill()
    assert Store(db_path).reflections.get("career_goals").text.startswith("Lead")


async def test_escape_gives_up_waiting_and_nothing_is_written(demo_app, demo_store, db_path):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = demo_app.screen
        assert isinstance(screen, TrackerScreen)
        card = screen.selected()
        assert card is not None and card.stage != "agreed"
        holder = Holder(db_path)
        try:
            await pilot.press("right_square_bracket")  # `]`: move it on
            await until(lambda: demo_app.waiting_for_lock)
            assert screen.candidate(card.id).stage != card.stage  # shown moved meanwhile
            await pilot.press("escape")
            await until(lambda: demo_app.writes.pending == 0)
            # Its error goes through the app's message queue: it shows a moment later.
            await until(lambda: any("gave up waiting" in m for m in messages(demo_app)))
            given_up = [m for m in messages(demo_app) if "gave up waiting" in m]
            assert given_up and "nothing was written" in given_up[0]
            assert not demo_app.waiting_for_lock
            # The board shows the card where it is stored: not moved.
            assert screen.candidate(card.id).stage == card.stage
            holder.release()
        finally:
            holder.kill()
        await pilot.pause()
        after = Store(db_path)
        assert after.candidates.get(card.id).stage == card.stage
        assert "Written by the other session" in {c.name for c in after.candidates.all()}
        # The next write waits (or not) as usual: giving up was for that wait only.
        await pilot.press("right_square_bracket")
        await pilot.pause()
    assert Store(db_path).candidates.get(card.id).stage != card.stage


class _Exited(Exception):
    pass


async def test_a_hang_up_does_not_wait_for_a_busy_lock(demo_app, demo_store, db_path,
                                                       monkeypatch):
    def exit_now(code: int) -> None:
        raise _Exited(code)

    monkeypatch.setattr(os, "_exit", exit_now)
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")  # the reflection saves its text at a hang-up, after the queue
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        card = demo_app.screen.selected()
        assert card is not None and card.stage != "agreed"
        holder = Holder(db_path)
        try:
            await pilot.press("right_square_bracket")
            await until(lambda: demo_app.waiting_for_lock)
            started = time.monotonic()
            try:
                demo_app.hang_up()
            except _Exited:
                pass
            # Well before the 15 s lock timeout (a generous bound: about 2 s is usual).
            assert time.monotonic() - started < 10
            holder.release()
        finally:
            holder.kill()
        assert Store(db_path).candidates.get(card.id).stage == card.stage
        await until(lambda: demo_app.writes.pending == 0)
