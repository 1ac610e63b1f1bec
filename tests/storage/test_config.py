"""The config file: read with the rules of the settings, a bad file named by key and line."""

from __future__ import annotations

import pytest

from mentee_tui.model import Config, Settings
from mentee_tui.storage.config import config_path, load_config, save_theme, settings_defaults

GOOD = """\
# my mentoring config
theme = "nord"   # the dark one

[settings]
follow_up_days = 10
meeting_time = "17:30"

[keymap]
"tracker.move_next" = "ctrl+right,]"
"""


def test_the_path_is_the_environment_variable_or_the_platform_config_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("MENTEE_TUI_CONFIG", str(tmp_path / "mine.toml"))
    assert config_path() == tmp_path / "mine.toml"
    monkeypatch.delenv("MENTEE_TUI_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == tmp_path / "xdg" / "mentee-tui" / "config.toml"


def test_a_missing_file_is_the_defaults(tmp_path):
    loaded = load_config(tmp_path / "none.toml")
    assert (loaded.exists, loaded.problem, loaded.config) == (False, "", Config())
    assert settings_defaults(loaded.config) == Settings()


def test_a_good_file_gives_theme_settings_and_keymap(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(GOOD)
    loaded = load_config(path)
    assert loaded.problem == "" and loaded.exists
    assert loaded.config.theme == "nord"
    assert loaded.config.keymap == {"tracker.move_next": "ctrl+right,]"}
    defaults = settings_defaults(loaded.config)
    assert (defaults.follow_up_days, defaults.meeting_time, defaults.theme) == (10, "17:30", "nord")
    assert defaults.meeting_duration == Settings().meeting_duration


@pytest.mark.parametrize("text, where, says", [
    ('theme = "nord"\n[settings]\nmeeting_time = "9:5"\n', "line 3", "must look like 09:30"),
    ('[settings]\nfollow_up_days = "abc"\n', "line 2", "whole number"),
    ('[settings]\ncolour = "red"\n', "line 2", "unknown setting 'colour'"),
    ('themes = "nord"\n', "line 1", "unknown key 'themes'"),
    ('theme = 3\n', "line 1", "'theme' must be text"),
    ('[keymap]\n"app.quit" = ""\n', "line 2", "keys as text"),
    ('theme = "nord\n', "line 1", "Illegal character"),  # tomllib: (at line 1, column 15)
])
def test_a_bad_file_names_the_key_and_line_and_gives_the_defaults(tmp_path, text, where, says):
    path = tmp_path / "config.toml"
    path.write_text(text)
    loaded = load_config(path)
    assert str(path) in loaded.problem and says in loaded.problem
    assert where in loaded.problem or where.replace("line", "at line") in loaded.problem
    assert loaded.config == Config()


def test_saving_the_theme_keeps_comments_and_the_rest(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(GOOD)
    save_theme(path, "gruvbox")
    text = path.read_text()
    assert 'theme = "gruvbox"   # the dark one' in text
    assert text.replace('"gruvbox"', '"nord"') == GOOD  # nothing else changed
    assert load_config(path).config.theme == "gruvbox"
    assert path.stat().st_mode & 0o077 == 0  # rewritten privately, atomically
