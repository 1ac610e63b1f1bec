"""Records and their JSON shape: dataclasses that cross every layer (no rules, no I/O)."""

from mentee_tui.model.calendar import (
    AGREEMENT_SECTIONS,
    HELD_STATUSES,
    MEETING_STATUSES,
    UPCOMING_STATUSES,
    ActionItem,
    Meeting,
    MeetingEdit,
    Mentorship,
    MentorshipSetup,
)
from mentee_tui.model.candidate import (
    LOGGED_EVENTS,
    SOURCES,
    STAGES,
    Candidate,
    CandidateInput,
    HistoryEntry,
)
from mentee_tui.model.config import Config
from mentee_tui.model.records import DamagedRecord
from mentee_tui.model.recovery import RECOVERY_KINDS, Recovery
from mentee_tui.model.reflection import Reflection, Revision
from mentee_tui.model.settings import Settings
from mentee_tui.model.undo import EndedMentorship, LastMove, UndoOutcome

__all__ = [
    "AGREEMENT_SECTIONS",
    "HELD_STATUSES",
    "LOGGED_EVENTS",
    "MEETING_STATUSES",
    "RECOVERY_KINDS",
    "SOURCES",
    "STAGES",
    "UPCOMING_STATUSES",
    "ActionItem",
    "Candidate",
    "CandidateInput",
    "Config",
    "DamagedRecord",
    "EndedMentorship",
    "HistoryEntry",
    "LastMove",
    "Meeting",
    "MeetingEdit",
    "Mentorship",
    "MentorshipSetup",
    "Recovery",
    "Reflection",
    "Revision",
    "Settings",
    "UndoOutcome",
]
