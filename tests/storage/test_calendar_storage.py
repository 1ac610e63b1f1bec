"""Mentorships and meetings in storage: one transaction per action, held meetings kept."""

from __future__ import annotations

import json

import pytest

from mentee_tui.model import ActionItem, CandidateInput, MeetingEdit, MentorshipSetup
from mentee_tui.storage import InvalidInput, NotFound

SETUP = MentorshipSetup(months=12, rule="same-day", first="2027-01-31", time="09:00",
                        duration=60, timezone="Europe/Paris")

from helpers.storage import last_move, remove_agreement


def edit_of(meeting, **changes) -> MeetingEdit:
    values = dict(start=meeting.start, duration_minutes=meeting.duration_minutes,
                  status=meeting.status, agenda=meeting.agenda, notes=meeting.notes,
                  actions=list(meeting.actions))
    values.update(changes)
    return MeetingEdit(**values)


@pytest.fixture
def asked(store):
    candidate = store.candidates.add(CandidateInput(name="Ada Lovelace"), stage="asked")
    store.reflections.save("career_goals", "Lead a platform team")
    return candidate


def test_agree_moves_the_candidate_and_creates_every_meeting_in_one_write(store, asked):
    writes = []
    original = store.db.writing

    def counting():
        writes.append(1)
        return original()

    store.db.writing = counting
    mentorship = store.tracker.agree(asked.id, SETUP)
    assert len(writes) == 1
    candidate = store.candidates.get(asked.id)
    assert candidate.stage == "agreed" and candidate.history[-1].stage == "agreed"
    meetings = store.calendar.meetings(mentorship.id)
    assert [m.number for m in meetings] == list(range(1, 13))
    assert meetings[1].start == "2027-02-28T09:00:00+01:00"
    assert meetings[2].start == "2027-03-31T09:00:00+02:00"  # after the DST change
    assert all(m.status == "planned" and m.mentor == "Ada Lovelace" for m in meetings)
    assert len({m.uid for m in meetings}) == 12
    assert "Lead a platform team" in meetings[0].agenda


def test_meeting_json_has_the_design_shape(store, asked):
    store.tracker.agree(asked.id, SETUP)
    data = store.calendar.meetings()[0].to_dict()
    for key in ("id", "mentorship_id", "mentor", "number", "start", "duration_minutes",
                "status", "agenda", "notes", "actions", "uid"):
        assert key in data
    json.dumps(data)


def test_bad_setup_writes_nothing(store, asked):
    before = store.db.path.read_bytes()
    with pytest.raises(InvalidInput, match="1 to 12"):
        store.tracker.agree(asked.id, MentorshipSetup(months=13, first="2027-01-01",
                                                        timezone="UTC"))
    assert store.db.path.read_bytes() == before
    assert store.candidates.get(asked.id).stage == "asked"


def test_a_second_active_mentorship_with_the_same_mentor_is_refused(store, asked):
    store.tracker.agree(asked.id, SETUP)
    with pytest.raises(InvalidInput, match="already"):
        store.tracker.agree(asked.id, SETUP)
    assert len(store.calendar.mentorships()) == 1


def test_unknown_candidate(store):
    with pytest.raises(NotFound):
        store.tracker.agree(99, SETUP)


def test_update_meeting_moves_one_meeting_only_and_bumps_its_sequence(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)
    before = store.calendar.meetings(mentorship.id)
    third = before[2]
    moved = store.calendar.update_meeting(third.id, edit_of(third, start="2027-03-30T14:00:00+02:00"))
    assert moved.status == "moved" and moved.sequence == third.sequence + 1 and moved.edited
    after = store.calendar.meetings(mentorship.id)
    assert after[2].start == "2027-03-30T14:00:00+02:00"
    assert [m.start for i, m in enumerate(after) if i != 2] == [
        m.start for i, m in enumerate(before) if i != 2]


def test_update_meeting_without_change_keeps_the_sequence(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)
    first = store.calendar.meetings(mentorship.id)[0]
    assert store.calendar.update_meeting(first.id, edit_of(first)).sequence == first.sequence


def test_update_meeting_cleans_text_and_rejects_bad_values(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)
    first = store.calendar.meetings(mentorship.id)[0]
    done = store.calendar.update_meeting(first.id, edit_of(
        first, status="done", notes="Good talk\x1b[31m",
        actions=[ActionItem(" read the book "), ActionItem(""), ActionItem("[b]x", True)]))
    assert done.notes == "Good talk"
    assert done.actions == [ActionItem("read the book"), ActionItem("[b]x", True)]
    with pytest.raises(InvalidInput, match="status"):
        store.calendar.update_meeting(first.id, edit_of(first, status="maybe"))
    with pytest.raises(InvalidInput, match="date"):
        store.calendar.update_meeting(first.id, edit_of(first, start="soon"))
    with pytest.raises(NotFound):
        store.calendar.update_meeting(999, edit_of(first))


def test_reschedule_keeps_held_meetings_and_regenerates_the_rest(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)
    meetings = store.calendar.meetings(mentorship.id)
    store.calendar.update_meeting(meetings[0].id, edit_of(meetings[0], status="done", notes="Met"))
    store.calendar.update_meeting(meetings[1].id, edit_of(meetings[1], status="skipped"))
    new = MentorshipSetup(months=6, rule="2-tue", first="2027-01-31", time="18:00",
                          duration=45, timezone="Europe/Paris")
    store.calendar.reschedule(mentorship.id, new)
    after = store.calendar.meetings(mentorship.id)
    assert len(after) == 6
    assert after[0].start == meetings[0].start and after[0].status == "done"
    assert after[0].notes == "Met" and after[1].status == "skipped"
    assert after[2].start == "2027-03-09T18:00:00+01:00" and after[2].duration_minutes == 45
    assert after[2].uid == meetings[2].uid  # a calendar app updates instead of duplicating
    assert after[2].sequence == meetings[2].sequence + 1
    assert store.calendar.mentorship(mentorship.id).rule == "2-tue"


def test_reschedule_keeps_a_meeting_moved_by_hand_unless_the_term_drops_it(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)
    meetings = store.calendar.meetings(mentorship.id)
    store.calendar.update_meeting(meetings[2].id, edit_of(meetings[2], start="2027-03-15T10:00:00+01:00"))
    store.calendar.update_meeting(meetings[8].id, edit_of(meetings[8], start="2027-09-02T10:00:00+02:00"))
    store.calendar.reschedule(mentorship.id, MentorshipSetup(
        months=6, rule="same-day", first="2027-01-31", time="18:00", duration=45,
        timezone="Europe/Paris"))
    after = store.calendar.meetings(mentorship.id)
    assert (after[2].start, after[2].status) == ("2027-03-15T10:00:00+01:00", "moved")
    assert after[3].start == "2027-04-30T18:00:00+02:00"  # the rule placed the others
    assert len(after) == 6  # the moved ninth went with the shorter term


def test_reschedule_can_lengthen_the_term(store, asked):
    mentorship = store.tracker.agree(asked.id, MentorshipSetup(
        months=3, first="2027-01-10", timezone="UTC"))
    store.calendar.reschedule(mentorship.id, MentorshipSetup(
        months=5, first="2027-01-10", timezone="UTC"))
    assert [m.number for m in store.calendar.meetings(mentorship.id)] == [1, 2, 3, 4, 5]


def test_reschedule_cannot_drop_a_held_meeting(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)
    fifth = store.calendar.meetings(mentorship.id)[4]
    store.calendar.update_meeting(fifth.id, edit_of(fifth, status="done"))
    with pytest.raises(InvalidInput, match="already held"):
        store.calendar.reschedule(mentorship.id, MentorshipSetup(
            months=3, first="2027-01-31", timezone="UTC"))
    assert len(store.calendar.meetings(mentorship.id)) == 12


def test_end_early_cancels_upcoming_and_keeps_held(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)
    first = store.calendar.meetings(mentorship.id)[0]
    store.calendar.update_meeting(first.id, edit_of(first, status="done"))
    ended = store.calendar.end(mentorship.id)
    assert ended.status == "ended" and ended.ended_at
    statuses = [m.status for m in store.calendar.meetings(mentorship.id)]
    assert statuses == ["done"] + ["cancelled"] * 11
    with pytest.raises(InvalidInput, match="ended"):
        store.calendar.end(mentorship.id)
    with pytest.raises(InvalidInput, match="ended"):
        store.calendar.reschedule(mentorship.id, SETUP)


def test_declining_an_agreed_mentor_ends_the_mentorship_in_the_same_write(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)
    first = store.calendar.meetings(mentorship.id)[0]
    store.calendar.update_meeting(first.id, edit_of(first, status="done"))
    store.tracker.move(asked.id, "declined", "moved abroad")
    assert store.calendar.mentorship(mentorship.id).status == "ended"
    statuses = [m.status for m in store.calendar.meetings(mentorship.id)]
    assert statuses[0] == "done" and set(statuses[1:]) == {"cancelled"}


def test_undo_removes_an_untouched_mentorship(store, asked):
    store.tracker.agree(asked.id, SETUP)
    assert remove_agreement(store, asked.id) == "removed"
    assert store.calendar.mentorships() == [] and store.calendar.meetings() == []


def test_undo_after_the_move_back_still_removes(store, asked):
    store.tracker.agree(asked.id, SETUP)
    store.tracker.move(asked.id, "asked")  # the tracker's reversing move ends it first
    assert remove_agreement(store, asked.id) == "removed"
    assert store.calendar.meetings() == []


def test_undo_keeps_a_mentorship_with_an_edited_meeting_but_ends_it(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)
    first = store.calendar.meetings(mentorship.id)[0]
    store.calendar.update_meeting(first.id, edit_of(first, agenda="My own agenda"))
    assert remove_agreement(store, asked.id) == "ended"
    assert store.calendar.mentorship(mentorship.id).status == "ended"
    assert store.calendar.meetings(mentorship.id)[0].agenda == "My own agenda"


def test_undo_without_a_mentorship(store, asked):
    assert remove_agreement(store, asked.id) == "none"


def test_ids_are_never_reused(store, asked):
    first = store.tracker.agree(asked.id, SETUP)
    last_meeting = store.calendar.meetings()[-1].id
    remove_agreement(store, asked.id)
    store.tracker.move(asked.id, "asked")
    second = store.tracker.agree(asked.id, SETUP)
    assert second.id > first.id and store.calendar.meetings()[0].id > last_meeting


def test_an_undoable_agreement_is_the_last_move_and_undo_ends_it(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP, undoable=True)
    move = last_move(store)
    assert (move.candidate_id, move.from_stage, move.to_stage) == (asked.id, "asked", "agreed")
    # Moves the card back and, in the same write, removes the untouched mentorship.
    assert store.tracker.undo_last_move().mentorship == "removed"
    assert store.candidates.get(asked.id).stage == "asked"
    assert store.calendar.mentorships() == [] and mentorship.id not in [m.id for m in store.calendar.mentorships()]
    assert remove_agreement(store, asked.id) == "none"


def test_agree_is_not_undoable_by_default(store, asked):
    store.tracker.agree(asked.id, SETUP)
    assert last_move(store) is None


def test_renaming_the_mentor_shows_everywhere(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)
    store.candidates.update(asked.id, CandidateInput(name="Ada King"))
    assert store.calendar.mentorship(mentorship.id).mentor == "Ada King"
    assert store.calendar.mentorships()[0].mentor == "Ada King"
    assert {m.mentor for m in store.calendar.meetings()} == {"Ada King"}


def test_undo_of_a_move_out_of_agreed_reopens_the_mentorship_and_its_meetings(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)
    meetings = store.calendar.meetings(mentorship.id)
    store.calendar.update_meeting(meetings[0].id, edit_of(meetings[0], status="done"))
    store.calendar.update_meeting(meetings[1].id, edit_of(meetings[1], start="2027-03-01T10:00:00+01:00"))
    assert store.calendar.cancelled_by_leaving(asked.id) == 11
    store.tracker.move(asked.id, "asked", undoable=True)
    assert store.calendar.mentorship(mentorship.id).status == "ended"
    assert store.calendar.cancelled_by_leaving(asked.id) is None
    sequences = [m.sequence for m in store.calendar.meetings(mentorship.id)]

    outcome = store.tracker.undo_last_move()
    assert outcome.mentorship == "reopened" and outcome.to_stage == "agreed"
    assert store.candidates.get(asked.id).stage == "agreed"
    reopened = store.calendar.mentorship(mentorship.id)
    assert reopened.status == "active" and reopened.ended_at == ""
    after = store.calendar.meetings(mentorship.id)
    assert [m.status for m in after] == ["done", "moved"] + ["planned"] * 10
    # Calendar apps see a change: every restored meeting's SEQUENCE went up again.
    assert all(a.sequence == s + 1 for a, s in zip(after[1:], sequences[1:]))
    assert after[0].sequence == sequences[0]


def test_undo_of_a_decline_of_an_agreed_mentor_reopens_but_keeps_a_meeting_changed_since(
    store, asked
):
    mentorship = store.tracker.agree(asked.id, SETUP)
    store.tracker.decline(asked.id, "moved abroad")
    cancelled = store.calendar.meetings(mentorship.id)[3]
    store.calendar.update_meeting(cancelled.id, edit_of(cancelled, notes="Kept as cancelled on purpose"))
    assert store.tracker.undo_last_move().mentorship == "reopened"
    statuses = [m.status for m in store.calendar.meetings(mentorship.id)]
    assert statuses[3] == "cancelled" and statuses.count("planned") == 11


def test_moving_to_the_same_stage_writes_nothing(store, asked):
    before = store.candidates.get(asked.id)
    again = store.tracker.move(asked.id, "asked", undoable=True)
    assert again.history == before.history and again.updated_at == before.updated_at
    assert last_move(store) is None


def test_a_meeting_cannot_move_years_away_from_its_term(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)  # Jan 2027 to Dec 2027
    second = store.calendar.meetings(mentorship.id)[1]
    with pytest.raises(InvalidInput, match="between 1 Dec 2026 and 31 Jan 2028"):
        store.calendar.update_meeting(second.id, edit_of(second, start="2020-02-28T09:00:00+01:00"))
    assert store.calendar.meetings(mentorship.id)[1] == second
    # A month either side is fine: a first meeting pulled into December, say.
    moved = store.calendar.update_meeting(second.id, edit_of(second, start="2026-12-20T09:00:00+01:00"))
    assert moved.status == "moved"


def test_removing_a_mentor_ends_the_mentorship_and_keeps_what_was_held(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)
    first = store.calendar.meetings(mentorship.id)[0]
    store.calendar.update_meeting(first.id, edit_of(first, status="done", notes="Great first talk"))
    store.tracker.remove(asked.id)
    assert store.calendar.mentorship(mentorship.id).status == "ended"
    meetings = store.calendar.meetings(mentorship.id)
    assert (meetings[0].status, meetings[0].notes) == ("done", "Great first talk")
    assert {m.status for m in meetings[1:]} == {"cancelled"}
    assert meetings[0].mentor == "Ada Lovelace"  # the name stays with the record


def test_a_form_saved_after_the_mentorship_ended_keeps_the_meeting_cancelled(store, asked):
    mentorship = store.tracker.agree(asked.id, SETUP)
    stale = store.calendar.meetings(mentorship.id)[0]  # a meeting dialog opened before the end
    store.calendar.end(mentorship.id)
    saved = store.calendar.update_meeting(stale.id, edit_of(stale, notes="Typed meanwhile"))
    assert (saved.status, saved.notes) == ("cancelled", "Typed meanwhile")
    done = store.calendar.update_meeting(stale.id, edit_of(saved, status="done"))
    assert done.status == "done"  # it did happen after all: that can still be said


def test_a_move_decided_from_a_stale_stage_is_refused(store, asked):
    store.tracker.move(asked.id, "declined")  # another session, meanwhile
    with pytest.raises(InvalidInput, match="moved to declined meanwhile"):
        store.tracker.move(asked.id, "coffee", expected="asked")
    with pytest.raises(InvalidInput, match="meanwhile"):
        store.tracker.agree(asked.id, SETUP, expected="asked")
    assert store.candidates.get(asked.id).stage == "declined" and store.calendar.mentorships() == []
