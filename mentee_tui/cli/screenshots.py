"""Regenerate the README's screenshots from the `--demo` data.

    python -m mentee_tui.cli.screenshots [FOLDER]

writes SVGs (default: ./screenshots) of each screen at 80x24 and the tracker and
calendar at 120x40. The clock is fixed so the pictures only change when the app does.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

import arrow

from mentee_tui.cli.demo import fill_demo

DEMO_NOW = arrow.get("2026-11-26T10:00:00+00:00")

# (file name, size, keys pressed after start)
SHOTS: list[tuple[str, tuple[int, int], list[str]]] = [
    ("home.svg", (80, 24), []),
    ("reflection.svg", (80, 24), ["2"]),
    ("tracker.svg", (80, 24), ["3"]),
    ("tracker-wide.svg", (120, 40), ["3"]),
    ("calendar.svg", (80, 24), ["4"]),
    ("calendar-wide.svg", (120, 40), ["4"]),
    ("help.svg", (80, 24), ["3", "question_mark"]),
]


async def _shoot(folder: Path, name: str, size: tuple[int, int], keys: list[str]) -> Path:
    from mentee_tui.storage.config import no_config
    from mentee_tui.tui.app import make_app

    # A fixed folder, so the database path that help shows is the same on every run.
    tmp = Path(tempfile.gettempdir()) / "mentee-tui-demo"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(mode=0o700)
    try:
        store = fill_demo(tmp / "mentee.json", now=lambda: DEMO_NOW)
        app = make_app(store=store, demo_folder=tmp, config=no_config())  # not yours
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            await pilot.pause(0.3)
            target = folder / name
            app.save_screenshot(filename=name, path=str(folder))
            return target
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for name, size, keys in SHOTS:
        print(asyncio.run(_shoot(folder, name, size, keys)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
