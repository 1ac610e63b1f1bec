"""A form left unsaved by a hang-up, kept to be offered again on the next start."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mentee_tui.model.records import DamagedRecord

# The forms that can be kept; a record of another kind (a newer version's) is left out.
RECOVERY_KINDS: tuple[str, ...] = ("candidate", "decline", "meeting", "mentorship_setup")


@dataclass(slots=True)
class Recovery:
    """An unsaved form: its kind, field values, what it was about, when it was kept."""

    id: int
    kind: str
    payload: dict[str, Any] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)
    saved_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "payload": self.payload,
                "context": self.context, "saved_at": self.saved_at}

    @classmethod
    def from_dict(cls, data: Any) -> Recovery:
        if not isinstance(data, dict):
            raise DamagedRecord("a Recovery record is not a JSON object")
        kind, payload = data.get("kind"), data.get("payload", {})
        context, saved_at = data.get("context", {}), data.get("saved_at", "")
        if not isinstance(kind, str) or not isinstance(payload, dict) \
                or not isinstance(context, dict) or not isinstance(saved_at, str):
            raise DamagedRecord(f"a Recovery record has the wrong shape (kind={kind!r:.40})")
        return cls(id=int(data.get("id", 0)), kind=kind, payload=dict(payload),
                   context=dict(context), saved_at=saved_at)


__all__ = ["RECOVERY_KINDS", "Recovery"]
