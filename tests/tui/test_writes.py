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
