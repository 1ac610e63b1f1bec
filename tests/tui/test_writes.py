"""The writer thread's outcomes come back in the UI's own context."""

from __future__ import annotations

import threading

from textual._context import active_app


async def test_then_runs_on_the_ui_thread_with_the_app_active(app):
    seen: dict[str, object] = {}

    def write() -> str:
        seen["writer"] = threading.current_thread().name
        return "written"

    def then(done) -> None:
        seen["thread"] = threading.current_thread()
        seen["app"] = active_app.get(None)
        seen["value"] = done.value

    async with app.run_test(size=(80, 24)) as pilot:
        app.write_in_background(write, then=then)
        await pilot.pause()
        assert str(seen["writer"]).startswith("mentee-write")  # written off the UI thread
        assert seen["thread"] is threading.main_thread()
        assert seen["app"] is app  # a `then` that opens a dialog can compose it
        assert seen["value"] == "written"


async def test_a_write_waits_for_the_frame_that_shows_it():
    from mentee_tui.tui.writes import BackgroundWrites

    frames: list = []
    ran = threading.Event()
    writes = BackgroundWrites(lambda future: None, lambda callback: frames.append(callback) or True)
    try:
        writes.submit(ran.set)
        assert len(frames) == 1  # asked to be called back after the next refresh
        assert not ran.wait(0.05)  # ... and has not started before it
        frames[0]()  # the frame is drawn
        assert ran.wait(5)
    finally:
        writes.close()


async def test_drain_does_not_wait_for_a_frame():
    from mentee_tui.tui.writes import BackgroundWrites

    ran = threading.Event()
    writes = BackgroundWrites(lambda future: None, lambda callback: True)  # never calls back
    try:
        writes.submit(ran.set)
        writes.drain()
        assert ran.is_set()  # a hang-up's drain writes at once
    finally:
        writes.close()


async def test_a_write_starts_at_once_when_no_frame_is_coming():
    from mentee_tui.tui.writes import BackgroundWrites

    ran = threading.Event()
    writes = BackgroundWrites(lambda future: None, lambda callback: False)  # app closing
    try:
        writes.submit(ran.set)
        assert ran.wait(5)
    finally:
        writes.close()
