"""Stage rules (pure) and the tracker's storage moves: decline with referral, undo."""

from __future__ import annotations

import arrow
import pytest
from conftest import FIXED_NOW, fixed_clock
from helpers.storage import last_move

from mentee_tui.domain.stages import (
    follow_up_due,
    matches_filter,
    next_stage,
    previous_stage,
    warning_text,
)
from mentee_tui.model import Candidate, CandidateInput, HistoryEntry
from mentee_tui.storage import InvalidInput, Store


def _card(stage: str, *stages: str, **fields) -> Candidate:
    history = [HistoryEntry(at="2026-11-01T10:00:00+00:00", event="stage", stage=s) for s in stages]
    return Candidate(id=1, name="Ada", stage=stage, history=history, **fields)


def test_next_stage_walks_the_pipeline_and_stops_at_agreed():
    assert [next_stage(s) for s in ("researched", "contacted", "coffee", "asked")] == [
        "contacted", "coffee", "asked", "agreed"]
    assert next_stage("agreed") is None
    assert next_stage("declined") is None


def test_previous_stage_from_declined_returns_where_the_card_left():
    card = _card("declined", "researched", "contacted", "coffee", "declined")
    assert previous_stage(card) == "coffee"
    assert previous_stage(_card("coffee", "researched", "coffee")) == "contacted"
    assert previous_stage(_card("researched", "researched")) is None


def test_follow_up_due_only_in_outreach_stages_after_the_setting():
    old = _card("contacted", "researched", "contacted")  # Nov 1, 25 days before FIXED_NOW
    assert follow_up_due(old, FIXED_NOW, days=7)
    assert not follow_up_due(old, FIXED_NOW, days=30)
    assert not follow_up_due(_card("researched", "researched"), FIXED_NOW, days=7)
    old.history.append(HistoryEntry(at=FIXED_NOW.shift(days=-1).isoformat(), event="follow_up"))
    assert not follow_up_due(old, FIXED_NOW, days=7)


def test_warning_text_explains_each_flag():
    assert warning_text(_card("researched")) == ""
    assert "know them well" in warning_text(_card("researched", knows_well=True))
    both = warning_text(_card("researched", knows_well=True, is_supervisor=True))
    assert "know them well" in both and "supervisor" in both


def test_filter_matches_name_org_role_notes_case_insensitively():
    card = _card("researched", organization="Contoso", role="VP Product", notes="Met at PyCon")
    for text in ("ada", "CONTOSO", "vp prod", "pycon", "", "ada contoso"):
        assert matches_filter(card, text), text
    assert not matches_filter(card, "fabrikam")
    assert not matches_filter(card, "ada fabrikam")


@pytest.fixture
def ada(store: Store) -> Candidate:
    return store.candidates.add(CandidateInput(name="Ada", organization="Analytical"), stage="asked")


def test_decline_with_referral_is_one_transaction_with_a_linked_card(store, ada, monkeypatch):
    writes = []
    original = store.db.writing

    def counting_writing():
        writes.append(1)
        return original()

    monkeypatch.setattr(store.db, "writing", counting_writing)
    declined, referral = store.tracker.decline(ada.id, "too busy", "Grace Hopper")
    assert len(writes) == 1
    assert declined.stage == "declined" and declined.history[-1].note == "too busy"
    assert referral is not None
    stored = store.candidates.get(referral.id)
    assert (stored.name, stored.stage, stored.referred_by) == ("Grace Hopper", "researched", ada.id)
    assert stored.source == "referral" and stored.introduced_by == "Ada"


def test_undo_of_a_decline_removes_an_untouched_referral(store, ada):
    _, referral = store.tracker.decline(ada.id, "", "Grace")
    outcome = store.tracker.undo_last_move()
    assert outcome.candidate.stage == "asked"
    assert outcome.removed_referral == "Grace"
    assert [c.name for c in store.candidates.all()] == ["Ada"]
    back = store.candidates.get(ada.id)
    assert [h.stage for h in back.history] == ["asked", "declined", "asked"]
    assert "undo" in back.history[-1].note
    with pytest.raises(InvalidInput, match="nothing to undo"):
        store.tracker.undo_last_move()


def test_undo_keeps_a_referral_that_was_edited(store, ada):
    _, referral = store.tracker.decline(ada.id, "", "Grace")
    store.candidates.update(referral.id, CandidateInput(name="Grace", email="grace@example.org"))
    outcome = store.tracker.undo_last_move()
    assert outcome.kept_referral == "Grace" and not outcome.removed_referral
    assert store.candidates.get(referral.id).email == "grace@example.org"


def test_undo_persists_across_store_instances(store, ada, db_path):
    store.tracker.move(ada.id, "agreed", undoable=True)
    reopened = Store(db_path, now=fixed_clock)
    assert last_move(reopened).to_stage == "agreed"
    assert reopened.tracker.undo_last_move().candidate.stage == "asked"


def test_plain_moves_are_not_undoable_and_a_stale_undo_says_so(store, ada):
    store.tracker.move(ada.id, "coffee")
    assert last_move(store) is None
    store.tracker.move(ada.id, "asked", undoable=True)
    store.tracker.move(ada.id, "declined")  # from the command line, say
    with pytest.raises(InvalidInput, match="moved since"):
        store.tracker.undo_last_move()
    assert store.candidates.get(ada.id).stage == "declined"
    assert last_move(store) is None


def test_removing_the_moved_card_forgets_the_undo(store, ada):
    store.tracker.move(ada.id, "agreed", undoable=True)
    store.tracker.remove(ada.id)
    assert last_move(store) is None


def test_undo_of_an_agreement_removes_the_mentorship_it_created(store, ada):
    from mentee_tui.model import MentorshipSetup

    store.tracker.agree(ada.id, MentorshipSetup(months=3, first="2027-01-15"), undoable=True)
    assert len(store.calendar.meetings()) == 3
    outcome = store.tracker.undo_last_move()
    assert (outcome.candidate.stage, outcome.mentorship) == ("asked", "removed")
    assert store.calendar.mentorships() == [] and store.calendar.meetings() == []


def test_a_move_and_its_undo_leave_the_follow_up_and_days_in_stage_as_they_were(store):
    from mentee_tui.domain.stages import days_in_stage, follow_up_due

    now = arrow.get("2026-11-26T10:00:00+00:00")
    store.now = lambda: arrow.get("2026-11-10T10:00:00+00:00")
    ada = store.candidates.add(CandidateInput(name="Ada"), stage="contacted")
    store.now = lambda: now
    assert follow_up_due(ada, now) and days_in_stage(ada, now) == 16
    store.tracker.move(ada.id, "coffee", undoable=True)
    assert not follow_up_due(store.candidates.get(ada.id), now)
    store.tracker.undo_last_move()
    ada = store.candidates.get(ada.id)
    assert [h.stage for h in ada.history] == ["contacted", "coffee", "contacted"]  # all kept
    assert follow_up_due(ada, now) and days_in_stage(ada, now) == 16


def test_datetime_variants_agree_with_arrow_ones():
    from mentee_tui.domain.stages import (
        instant_at, last_touch_at, parse_instant, stage_since, stage_since_at)
    from mentee_tui.model import Candidate, HistoryEntry
    for value in ("2024-03-01T10:00:00+02:00", "2024-03-01T10:00:00", "2024-03-01"):
        assert instant_at(value) == parse_instant(value).datetime
    c = Candidate(id=1, name="A", stage="contacted", created_at="2024-01-01T00:00:00+00:00",
                  history=[HistoryEntry("2024-02-01T09:00:00+01:00", "stage", "contacted"),
                           HistoryEntry("2024-02-03T09:00:00", "follow_up")])
    assert stage_since_at(c) == stage_since(c).datetime
    assert last_touch_at(c) == instant_at("2024-02-03T09:00:00+00:00")  # the follow-up, UTC
