"""The tracker's stages and the rules that move a candidate between them."""

from __future__ import annotations

from datetime import datetime, timezone

import arrow

from mentee_tui.model import STAGES, Candidate

PIPELINE: tuple[str, ...] = ("researched", "contacted", "coffee", "asked", "agreed")
FOLLOW_UP_STAGES: frozenset[str] = frozenset({"contacted", "coffee", "asked"})
# Each stage as the screens name it (a column's header, "moved to Coffee").
STAGE_TITLES: dict[str, str] = {
    "researched": "Researched",
    "contacted": "Contacted",
    "coffee": "Coffee",
    "asked": "Asked",
    "agreed": "Agreed",
    "declined": "Declined",
}

__all__ = [
    "FOLLOW_UP_STAGES",
    "PIPELINE",
    "STAGES",
    "STAGE_TITLES",
    "days_in_stage",
    "follow_up_due",
    "instant_at",
    "last_touch_at",
    "matches_filter",
    "next_stage",
    "parse_instant",
    "previous_stage",
    "quiet_for",
    "stage_since",
    "stage_since_at",
    "warning_text",
]


def next_stage(stage: str) -> str | None:
    """One stage right along the pipeline; None at agreed (and from declined)."""
    if stage not in PIPELINE or stage == PIPELINE[-1]:
        return None
    return PIPELINE[PIPELINE.index(stage) + 1]


def previous_stage(candidate: Candidate) -> str | None:
    """One stage left; from declined, the stage the card left when it was declined."""
    if candidate.stage == "declined":
        stages = [h.stage for h in candidate.history if h.event == "stage" and h.stage]
        # The last stage entry is the decline itself; the one before is where it was.
        for stage in reversed(stages[:-1]):
            if stage != "declined":
                return stage
        return "researched"
    if candidate.stage not in PIPELINE or candidate.stage == PIPELINE[0]:
        return None
    return PIPELINE[PIPELINE.index(candidate.stage) - 1]


def parse_instant(value: str) -> arrow.Arrow:
    """A stored ISO 8601 time; the standard library's parser first (arrow's is 20x slower)."""
    try:
        return arrow.Arrow.fromdatetime(datetime.fromisoformat(value))
    except (TypeError, ValueError):
        return arrow.get(value)


def instant_at(value: str) -> datetime:
    """`parse_instant` as an aware datetime (a naive time is UTC, as arrow takes it): for
    sorting and comparing thousands of cards without building Arrow objects."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return arrow.get(value).datetime
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def stage_since_at(candidate: Candidate) -> datetime:
    """`stage_since` as an aware datetime."""
    for entry in _standing_history(candidate):
        if entry.event == "stage":
            return instant_at(entry.at)
    return instant_at(candidate.created_at)


def last_touch_at(candidate: Candidate) -> datetime:
    """The last stage change or logged follow-up, as an aware datetime."""
    for entry in _standing_history(candidate):
        if entry.event in ("stage", "follow_up"):
            return instant_at(entry.at)
    return instant_at(candidate.created_at)


# The note of the reversing entry `u` adds; the entry and the move it undoes cancel out.
UNDO_NOTE = "undo of the move to"


def _standing_history(candidate: Candidate):
    """The history newest first, without undone moves: a move and the undo of it leave the
    card as it was (days in the stage, follow-up due), though both stay in the history."""
    skip = 0
    for entry in reversed(candidate.history):
        if entry.event == "stage" and entry.note.startswith(UNDO_NOTE):
            skip += 1
            continue
        if entry.event == "stage" and skip:
            skip -= 1
            continue
        yield entry


def stage_since(candidate: Candidate) -> arrow.Arrow:
    """When the candidate entered its current stage."""
    return arrow.Arrow.fromdatetime(stage_since_at(candidate))


def days_in_stage(candidate: Candidate, now: arrow.Arrow) -> int:
    return max(0, (now.datetime - stage_since_at(candidate)).days)


def follow_up_due(candidate: Candidate, now: arrow.Arrow, days: int = 7) -> bool:
    """contacted / coffee / asked with no stage change or follow-up for `days` days."""
    if candidate.stage not in FOLLOW_UP_STAGES:
        return False
    return quiet_for(last_touch_at(candidate), now.datetime, days)


def quiet_for(touched: datetime, now: datetime, days: int) -> bool:
    """Whether `days` days have passed since `touched` (`follow_up_due` on datetimes)."""
    return (now - touched).total_seconds() >= days * 86400


def warning_text(candidate: Candidate) -> str:
    """One line on why the card carries a warning; '' when it does not."""
    reasons = []
    if candidate.knows_well:
        reasons.append("you know them well")
    if candidate.is_supervisor:
        reasons.append("they are your direct or indirect supervisor")
    if not reasons:
        return ""
    return (
        f"Warning: {' and '.join(reasons)}. The programme advises a mentor outside your "
        "close circle and your reporting line, who can offer a fresh view."
    )


def matches_filter(candidate: Candidate, text: str) -> bool:
    """Case-insensitive match of every word of `text` in name, organization, role or notes."""
    words = text.casefold().split()
    if not words:
        return True
    haystack = " ".join(
        (candidate.name, candidate.organization, candidate.role, candidate.notes)
    ).casefold()
    return all(word in haystack for word in words)
