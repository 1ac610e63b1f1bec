"""The last tracker move, kept so `u` still works after a refresh or a restart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mentee_tui.model.candidate import Candidate


@dataclass(slots=True)
class EndedMentorship:
    """What leaving agreed ended, so undo can reopen it: the mentorship, and for each meeting
    the move cancelled, its status before and its sequence after (a later change keeps it)."""

    mentorship_id: int
    meetings: list[tuple[int, str, int]]

    def to_dict(self) -> dict[str, Any]:
        return {"mentorship_id": self.mentorship_id,
                "meetings": [list(item) for item in self.meetings]}

    @classmethod
    def from_dict(cls, data: Any) -> EndedMentorship | None:
        try:
            return cls(int(data["mentorship_id"]),
                       [(int(i), str(before), int(seq)) for i, before, seq in data["meetings"]])
        except (KeyError, TypeError, ValueError):
            return None  # a damaged record only costs the undo


@dataclass(slots=True)
class LastMove:
    candidate_id: int
    name: str
    from_stage: str
    to_stage: str
    at: str
    created_id: int | None = None  # the referral card a decline created
    created_snapshot: dict[str, Any] | None = None  # that card as created (see `snapshot`)
    ended: list[EndedMentorship] | None = None  # leaving agreed ended these mentorships


@dataclass(slots=True)
class UndoOutcome:
    """What undoing the last move did, for the message the screen shows."""

    candidate: Candidate
    from_stage: str  # where the card was before undo
    to_stage: str  # where undo put it back
    removed_referral: str = ""  # the name of the referral card removed
    kept_referral: str = ""  # the name of a referral card kept because it was changed
    mentorship: str = ""  # undoing an agreement: "removed", "ended" or "none";
    # undoing a move out of agreed: "reopened"


__all__ = ["EndedMentorship", "LastMove", "UndoOutcome"]
