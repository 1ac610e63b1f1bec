"""Shared fixtures: a fixed clock, a private temp database, the app factory."""

from __future__ import annotations

import gc
from pathlib import Path

import arrow
import pytest
from textual.pilot import Pilot

from mentee_tui.cli.demo import fill_demo
from mentee_tui.storage import Store
from mentee_tui.tui.app import make_app

FIXED_NOW = arrow.get("2026-11-26T10:00:00+00:00")


def fixed_clock() -> arrow.Arrow:
    return FIXED_NOW


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path):
    """Never touch the real data dir; keep colours and sizes deterministic."""
    monkeypatch.setenv("MENTEE_TUI_DB", str(tmp_path / "env-db" / "mentee.json"))
    # Which warnings were given (storage.notices) goes to a fresh state folder per test.
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    # No config file unless a test writes one there (never the person's own).
    monkeypatch.setenv("MENTEE_TUI_CONFIG", str(tmp_path / "config" / "mentee-tui" / "config.toml"))
    # The person's own templates (storage.templates) never leak in from the real config.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("TZ", "UTC")


@pytest.fixture(autouse=True)
def _unfreeze_after_each_test():
    """The app keeps what its screens loaded out of the garbage collector's reach
    (`MenteeApp.keep_loaded`); after a test that app is garbage, so hand it back."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _pause_waits_for_background_writes(monkeypatch):
    """The app writes on a background thread (autosave, tracker moves); `pilot.pause()`
    also waits for those writes and their outcome on screen, so a test sees the state a
    person would see a moment later, without sleeping."""
    original = Pilot.pause

    async def pause(self, delay=None):
        writes = getattr(self.app, "writes", None)
        if writes is not None:
            await writes.settled()
        await original(self, delay)
        if writes is not None and writes.pending:
            await writes.settled()
            await original(self)

    monkeypatch.setattr(Pilot, "pause", pause)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "data" / "mentee.json"


@pytest.fixture
def store(db_path) -> Store:
    return Store(db_path, now=fixed_clock)


@pytest.fixture
def demo_store(db_path) -> Store:
    return fill_demo(db_path, now=fixed_clock)


@pytest.fixture
def app(store):
    return make_app(store=store)


@pytest.fixture
def demo_app(demo_store):
    return make_app(store=demo_store)
