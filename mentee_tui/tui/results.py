"""What a storage action from the TUI gave back (see `MenteeApp.attempt`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Done(Generic[T]):
    """The action succeeded and returned `value`, which may itself be None ("no mentorship").
    A failed action gives None instead of a Done, after telling the person why."""

    value: T


__all__ = ["Done"]
