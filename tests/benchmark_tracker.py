"""How long the tracker takes to appear, empty and with 2,000 candidates (not a test).

    .venv/bin/python tests/benchmark_tracker.py [COUNT]

Speed is measured here, never asserted in the test run (machines differ).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers.many import fill_many  # noqa: E402

from mentee_tui.app import make_app  # noqa: E402
from mentee_tui.storage import Store  # noqa: E402


async def time_tracker(store: Store) -> float:
    app = make_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("3")
        await pilot.pause()
        assert app.current_mode == "tracker"
        return time.perf_counter() - started


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        empty = Store(Path(folder) / "empty.json")
        full = Store(Path(folder) / "full.json")
        fill_many(full, count)
        for label, store in (("empty", empty), (f"{count} candidates", full)):
            seconds = asyncio.run(time_tracker(store))
            print(f"tracker, {label}: {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
