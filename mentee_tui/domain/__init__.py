"""Pure logic: no tinydb, no textual. Tested without an app."""

from mentee_tui.domain.stages import (
    PIPELINE,
    STAGES,
    days_in_stage,
    follow_up_due,
    next_stage,
    previous_stage,
    stage_since,
)

__all__ = [
    "PIPELINE",
    "STAGES",
    "days_in_stage",
    "follow_up_due",
    "next_stage",
    "previous_stage",
    "stage_since",
]
