"""Shared fixtures: a fixed clock, a private temp database, the app factory."""

from __future__ import annotations

from pathlib import Path

import arrow
import pytest

from mentee_tui.app import make_app
from mentee_tui.demo import fill_demo
from mentee_tui.storage import Store

FIXED_NOW = arrow.get("2026-11-26T10:00:00+00:00")


def fixed_clock() -> arrow.Arrow:
    return FIXED_NOW


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path):
    """Never touch the real data dir; keep colours and sizes deterministic."""
    monkeypatch.setenv("MENTEE_TUI_DB", str(tmp_path / "env-db" / "mentee.json"))
    monkeypatch.setenv("TZ", "UTC")


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
    return make_app(store=store, now=fixed_clock)


@pytest.fixture
def demo_app(demo_store):
    return make_app(store=demo_store, now=fixed_clock)
