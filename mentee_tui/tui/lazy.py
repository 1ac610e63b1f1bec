"""Re-exports that import a module only when one of its names is first used.

The app starts on Home: importing every screen, dialog and widget up front (and the date,
calendar and email libraries behind them) would make every start wait for screens the
person may never open. A package's `__init__` maps each public name to its module.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, names: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: `names` maps a public name to its module."""

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__


__all__ = ["lazy_exports"]
