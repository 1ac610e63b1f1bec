"""The config file's contents: the theme, the settings' defaults, the templates folder and
the keymap (binding id -> keys). Read by storage/config.py, applied by the app."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Config:
    theme: str = ""  # empty: the theme saved with the settings
    settings: dict[str, Any] = field(default_factory=dict)  # defaults for a new database
    templates: str = ""  # a folder of draft templates; empty: the built-in ones
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> "key,key"


__all__ = ["Config"]
