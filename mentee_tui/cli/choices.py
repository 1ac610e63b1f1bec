"""The words the help texts list (stages, sources, meeting statuses, plan limits), as
plain data: building the parser, which even starting the TUI does, must not import the
model or `domain.validate` (and through it arrow and email_validator) for them.

Copies: tests/cli/test_cli_imports.py checks each against the module that owns it.
"""

from __future__ import annotations

STAGES: tuple[str, ...] = ("researched", "contacted", "coffee", "asked", "agreed", "declined")
SOURCES: tuple[str, ...] = ("linkedin", "network", "referral", "event", "other")
MEETING_STATUSES: tuple[str, ...] = ("planned", "done", "skipped", "moved", "cancelled")
MAX_MONTHS = 12
RULE_HELP = "same-day, N-DAY such as 2-tue (N from 1 to 4) or last-DAY such as last-fri"

__all__ = ["MAX_MONTHS", "MEETING_STATUSES", "RULE_HELP", "SOURCES", "STAGES"]
