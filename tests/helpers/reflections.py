"""A reflection answer with revisions a minute apart and a restore, before the fixed clock."""

from __future__ import annotations

import arrow

from mentee_tui.storage import Store


def saved_with_a_restore(db_path) -> None:
    """career_goals: kept at 09:58, changed at 09:59, restored at 09:59:30 (now is 10:00)."""
    times = iter(["2026-11-26T09:58:00+00:00", "2026-11-26T09:59:00+00:00",
                  "2026-11-26T09:59:30+00:00"])
    writer = Store(db_path, now=lambda: arrow.get(next(times)))
    writer.reflections.save("career_goals", "Lead a team", revision=True)
    writer.reflections.save("career_goals", "Lead a team\nof six", revision=True)
    writer.reflections.save("career_goals", "Lead a team", revision=True,
                            restored_from="2026-11-26T09:58:00+00:00")
