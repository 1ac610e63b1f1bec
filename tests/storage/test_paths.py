"""The database path: --db, else $MENTEE_TUI_DB, else the platform data dir."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from mentee_tui.storage import paths
from mentee_tui.storage.paths import default_db_path, resolve_db_path


def test_cli_path_wins_over_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MENTEE_TUI_DB", str(tmp_path / "env.json"))
    assert resolve_db_path(tmp_path / "cli.json") == tmp_path / "cli.json"


def test_environment_wins_over_the_platform_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("MENTEE_TUI_DB", str(tmp_path / "env.json"))
    assert resolve_db_path(None) == tmp_path / "env.json"


def test_tilde_is_expanded(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_db_path("~/m.json") == tmp_path / "m.json"
    monkeypatch.setenv("MENTEE_TUI_DB", "~/env.json")
    assert resolve_db_path() == tmp_path / "env.json"


def test_platform_dir_is_used_when_nothing_else_is_set(monkeypatch, tmp_path):
    monkeypatch.delenv("MENTEE_TUI_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_db_path() == tmp_path / "xdg" / "mentee-tui" / "mentee.json"


def test_empty_environment_variable_falls_through(monkeypatch, tmp_path):
    monkeypatch.setenv("MENTEE_TUI_DB", "")
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "pd"))
    assert resolve_db_path() == tmp_path / "pd" / "mentee.json"


def test_path_is_computed_at_call_time_not_import_time(monkeypatch, tmp_path):
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "a"))
    first = default_db_path()
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "b"))
    assert default_db_path() != first
    assert default_db_path() == Path(tmp_path / "b" / "mentee.json")
