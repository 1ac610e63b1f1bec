"""Home's five steps, computed from stored records (pure domain, no app)."""

from __future__ import annotations

from conftest import FIXED_NOW

from mentee_tui.domain.journey import journey_steps
from mentee_tui.domain.reflection import PROMPT_KEYS
from mentee_tui.model import (
    Candidate,
    HistoryEntry,
    Meeting,
    Mentorship,
    Reflection,
    Settings,
)


def _candidate(cid: int, stage: str, days_ago: int = 1, **extra) -> Candidate:
    at = FIXED_NOW.shift(days=-days_ago).isoformat()
    return Candidate(id=cid, name=extra.pop("name", f"Person {cid}"), stage=stage,
                     created_at=at, updated_at=at,
                     history=[HistoryEntry(at=at, event="stage", stage=stage)], **extra)


def _steps(candidates=(), answers=None, settings=None, mentorships=(), meetings=()):
    reflections = {key: Reflection(key=key, text=(answers or {}).get(key, "")) for key in PROMPT_KEYS}
    return journey_steps(candidates=list(candidates), reflections=reflections,
                         settings=settings or Settings(), now=FIXED_NOW,
                         mentorships=mentorships, meetings=meetings)


def test_an_empty_database_gives_five_empty_steps():
    steps = _steps()
    assert [s.number for s in steps] == [1, 2, 3, 4, 5]
    assert [s.title for s in steps] == ["Reflect", "Research", "Reach out", "Ask", "Plan"]
    assert [s.mode for s in steps] == ["reflection", "tracker", "tracker", "tracker", "calendar"]
    assert all(s.empty for s in steps) and not any(s.done for s in steps)
    assert steps[0].summary == f"0 of {len(PROMPT_KEYS)} prompts answered"
    assert steps[1].summary == "0 candidates found"
    assert steps[2].summary == "0 contacted · 0 coffee · no follow-up due"
    assert steps[3].summary == "0 asked · 0 declined"
    assert steps[4].summary == "no mentor has agreed yet"


def test_reflection_counts_only_real_answers():
    steps = _steps(answers={PROMPT_KEYS[0]: "Lead a team", PROMPT_KEYS[1]: "  \n "})
    assert steps[0].summary == f"1 of {len(PROMPT_KEYS)} prompts answered"
    assert not steps[0].empty and not steps[0].done
    everything = _steps(answers={key: "yes" for key in PROMPT_KEYS})
    assert everything[0].done


def test_counts_per_stage_flags_and_follow_ups():
    candidates = [
        _candidate(1, "researched", knows_well=True),
        _candidate(2, "researched", is_supervisor=True),
        _candidate(3, "contacted", days_ago=10),  # due after 7 days
        _candidate(4, "contacted", days_ago=2),
        _candidate(5, "coffee", days_ago=8),  # due
        _candidate(6, "asked", days_ago=1),
        _candidate(7, "declined", days_ago=30),  # declined is never due
    ]
    steps = _steps(candidates)
    assert steps[1].summary == "7 candidates found · ⚠ 2 flagged"
    assert steps[2].summary == "2 contacted · 1 coffee · 2 follow-ups due"
    assert steps[3].summary == "1 asked · 1 declined · a no is normal, keep going"
    assert [s.empty for s in steps] == [True, False, False, False, True]
    # The follow-up window is the person's setting.
    assert "4 follow-ups due" in _steps(candidates, settings=Settings(follow_up_days=1))[2].summary


def test_a_logged_follow_up_resets_the_clock():
    candidate = _candidate(1, "contacted", days_ago=20)
    candidate.history.append(HistoryEntry(at=FIXED_NOW.shift(days=-1).isoformat(), event="follow_up"))
    assert _steps([candidate])[2].summary.endswith("no follow-up due")
    draft_only = _candidate(2, "contacted", days_ago=20)
    draft_only.history.append(HistoryEntry(at=FIXED_NOW.shift(days=-1).isoformat(), event="draft"))
    assert _steps([draft_only])[2].summary.endswith("1 follow-up due")


def test_an_agreed_mentor_is_named_until_the_plan_says_more():
    steps = _steps([_candidate(1, "agreed", name="Priya Raman")])
    assert steps[4].summary.startswith("Priya Raman agreed")
    assert steps[4].done and not steps[4].empty
    mentorship = Mentorship(id=1, candidate_id=1, mentor="Priya", months=12, rule="same-day",
                            first="2026-11-29", time="09:00", duration_minutes=60,
                            timezone="UTC")
    meeting = Meeting(id=1, mentorship_id=1, mentor="Priya", number=1,
                      start="2026-11-29T09:00:00+00:00", duration_minutes=60)
    planned = _steps([_candidate(1, "agreed")], mentorships=[mentorship], meetings=[meeting])
    assert planned[4].summary == "Priya · month 1 of 12 · next meeting in 3 days"


def test_once_a_mentor_agreed_every_earlier_step_is_ticked_and_an_end_is_said():
    # Nothing contacted or asked left on the board: the mentee still went through it all.
    steps = _steps([_candidate(1, "agreed", name="Priya Raman")])
    assert [s.done for s in steps] == [True] * 5
    ended = Mentorship(id=1, candidate_id=1, mentor="Priya", months=12, rule="same-day",
                       first="2026-11-29", time="09:00", duration_minutes=60, timezone="UTC",
                       status="ended")
    after = _steps([_candidate(1, "declined", name="Priya")], mentorships=[ended])
    assert [s.done for s in after] == [True] * 5
    assert "Priya · mentorship ended" in after[4].summary
    other = Mentorship(id=2, candidate_id=2, mentor="Ada", months=6, rule="same-day",
                       first="2026-11-29", time="09:00", duration_minutes=60, timezone="UTC")
    both = _steps([_candidate(2, "agreed", name="Ada")], mentorships=[ended, other])
    assert both[4].summary.startswith("Ada · month 1 of 6") and both[4].summary.endswith(
        "Priya · mentorship ended")
