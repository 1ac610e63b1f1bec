"""The config file's `[keymap]`: binding ids the app knows, and the ones it does not.

Every binding has an id (`tracker.move_next`, `app.quit`…); `?` and the key line show the
keys in use, remapped ones included. An id no screen, dialog or widget binds is named in
one message, so a typo in the file does not fail silently.
"""

from __future__ import annotations

import importlib
import pkgutil

from textual.dom import DOMNode

import mentee_tui.tui.dialogs
import mentee_tui.tui.screens
import mentee_tui.tui.widgets


def _subclasses(cls: type) -> list[type]:
    found: list[type] = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


def binding_ids() -> set[str]:
    """Every binding id of every screen, dialog and widget (importing them all: called
    only when the config has a keymap)."""
    for package in (mentee_tui.tui.screens, mentee_tui.tui.dialogs, mentee_tui.tui.widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    importlib.import_module("mentee_tui.tui.app")
    ids: set[str] = set()
    for cls in [DOMNode, *_subclasses(DOMNode)]:
        for binding in cls.__dict__.get("BINDINGS", ()):
            binding_id = getattr(binding, "id", None)
            if binding_id:
                ids.add(binding_id)
    return ids


def unknown_ids(keymap: dict[str, str]) -> list[str]:
    known = binding_ids()
    return sorted(binding_id for binding_id in keymap if binding_id not in known)


__all__ = ["binding_ids", "unknown_ids"]
