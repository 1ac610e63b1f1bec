"""The config file: `config.toml` in the platform config folder, or `$MENTEE_TUI_CONFIG`.

    theme = "nord"                 # wins over the theme saved with the settings
    templates = "~/mentoring/templates"

    [settings]                     # defaults for a database that has no settings saved yet
    follow_up_days = 10
    meeting_time = "17:30"

    [keymap]                       # binding id = keys (comma-separated); `?` shows them
    "tracker.move_next" = "ctrl+right,]"

A bad file never stops the app: `load_config` gives the defaults and one line naming the
key and its line. Changing the theme in the app rewrites only that value (tomlkit keeps
the comments and the layout).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from mentee_tui.domain.validate import InvalidInput
from mentee_tui.model import Config, Settings
from mentee_tui.storage.atomic import atomic_write_bytes
from mentee_tui.storage.paths import APP_NAME
from mentee_tui.storage.settings import checked_settings

ENV_VAR = "MENTEE_TUI_CONFIG"
FILENAME = "config.toml"
TOP_LEVEL = {"theme": str, "templates": str, "settings": dict, "keymap": dict}
SETTING_KEYS = tuple(f.name for f in fields(Settings) if f.name != "theme")


def config_path() -> Path:
    """`$MENTEE_TUI_CONFIG`, else e.g. ~/.config/mentee-tui/config.toml."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when the environment does not name the file

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / FILENAME


@dataclass(slots=True)
class LoadedConfig:
    path: Path
    config: Config
    exists: bool
    problem: str = ""  # one line; the config is then the defaults

    def where(self, key: str) -> str:
        """"PATH, line N" for a dotted key (`keymap.tracker.new`), for a message."""
        try:
            line = _line_of(self.path.read_text(encoding="utf-8"), key)
        except (OSError, UnicodeDecodeError):
            line = None
        return f"{self.path}, line {line}" if line else str(self.path)


class _Bad(Exception):
    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def _line_of(text: str, key: str) -> int | None:
    """The line a dotted key (`settings.meeting_time`) is set on, for the message."""
    table, _, name = key.partition(".") if "." in key else ("", "", key)
    current = ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.match(r"^\[\s*([^\]]+?)\s*\]$", stripped)
        if header:
            current = header.group(1).strip().strip('"')
            if current == key:
                return number
            continue
        match = re.match(r'^"?([^"=]+?)"?\s*=', stripped)
        if match and current == table and match.group(1).strip() == name:
            return number
    return None


def _checked(data: dict[str, Any]) -> Config:
    for key, value in data.items():
        kind = TOP_LEVEL.get(key)
        if kind is None:
            raise _Bad(key, f"unknown key {key!r} (known: {', '.join(TOP_LEVEL)})")
        if not isinstance(value, kind):
            raise _Bad(key, f"{key!r} must be {'a table' if kind is dict else 'text'}")
    settings = data.get("settings", {})
    for key, value in settings.items():
        if key not in SETTING_KEYS:
            raise _Bad(f"settings.{key}",
                       f"unknown setting {key!r} (known: {', '.join(SETTING_KEYS)})")
        try:
            checked_settings(Settings(**{key: value}))
        except (InvalidInput, TypeError, ValueError) as exc:
            raise _Bad(f"settings.{key}", f"settings.{key}: {exc}") from None
    keymap = data.get("keymap", {})
    for binding_id, keys in keymap.items():
        if not isinstance(keys, str) or not keys.strip():
            raise _Bad(f"keymap.{binding_id}",
                       f"keymap {binding_id!r} must be keys as text, e.g. \"ctrl+right\"")
    return Config(theme=data.get("theme", ""), settings=dict(settings),
                  templates=data.get("templates", ""),
                  keymap={str(k): v.strip() for k, v in keymap.items()})


def load_config(path: Path | None = None) -> LoadedConfig:
    """The config at `path` (default `config_path()`); a missing file is the defaults."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadedConfig(path, Config(), exists=False)
    except OSError as exc:
        return LoadedConfig(path, Config(), True, f"{path}: cannot read it ({exc.strerror})")
    import tomllib  # only when there is a file to read

    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        return LoadedConfig(path, Config(), True, f"{path}: not UTF-8 text")
    except tomllib.TOMLDecodeError as exc:
        return LoadedConfig(path, Config(), True, f"{path}: {exc}")
    try:
        return LoadedConfig(path, _checked(data), exists=True)
    except _Bad as bad:
        line = _line_of(text, bad.key)
        where = f"{path}, line {line}" if line else str(path)
        return LoadedConfig(path, Config(), True, f"{where}: {bad}; using the defaults")


def no_config() -> LoadedConfig:
    """No file at all: the built-in defaults (screenshots, and apps made without one)."""
    return LoadedConfig(Path(os.devnull), Config(), exists=False)


def settings_defaults(config: Config) -> Settings:
    """The settings a database starts with: the config's, else the built-in ones."""
    values = dict(config.settings)
    if config.theme:
        values["theme"] = config.theme
    return Settings(**values)


def save_theme(path: Path, theme: str) -> None:
    """Set `theme` in an existing config file, keeping its comments and layout."""
    import tomlkit  # only when the theme changes

    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    document["theme"] = theme
    atomic_write_bytes(path, tomlkit.dumps(document).encode("utf-8"))


__all__ = ["ENV_VAR", "LoadedConfig", "config_path", "load_config", "no_config", "save_theme",
           "settings_defaults"]
