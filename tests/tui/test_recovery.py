"""Forms a hang-up left unsaved: kept in the recovery table, offered on the next start.

The hang-up's saving half (`save_for_hangup`) runs here without `os._exit`; a second app
on the same database then offers the form. The real-pty case is in test_hangup.py.
"""

from __future__ import annotations

from textual.widgets import Input, Select, TextArea

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store
from mentee_tui.tui.app import make_app
from mentee_tui.tui.dialogs import CandidateModal, DeclineModal
from mentee_tui.tui.dialogs.meeting_modal import MeetingModal
from mentee_tui.tui.dialogs.mentorship_modal import MentorshipSetupModal
from mentee_tui.tui.dialogs.restore_modal import RestoreModal
from mentee_tui.tui.recovery import save_for_hangup
from mentee_tui.tui.screens import CalendarScreen, HomeScreen, TrackerScreen
from tests.conftest import fixed_clock


def _new_app(db_path):
    return make_app(store=Store(db_path, now=fixed_clock))


# -- storage ----------------------------------------------------------------------------------
def test_one_record_per_kind_replaced_and_cleaned(store):
    assert store.recovery.keep("candidate", {"name": "\x1b[31mAda\x07", "knows_well": True},
                               {"candidate_id": None, "name": ""})
    store.recovery.keep("meeting", {"notes": "line one\nline two"}, {"meeting_id": 3})
    store.recovery.keep("candidate", {"name": "Grace"}, {"candidate_id": 4, "name": "Grace"})
    kept = store.recovery.all()
    assert [r.kind for r in kept] == ["meeting", "candidate"]
    candidate = kept[1]
    assert candidate.payload == {"name": "Grace"} and candidate.context["candidate_id"] == 4
    assert candidate.saved_at == fixed_clock().isoformat()
    assert kept[0].payload["notes"] == "line one\nline two"  # newlines of a text area stay
    store.recovery.keep("candidate", {"name": "\x1b[31mAda\x07"}, {})
    assert store.recovery.all()[-1].payload["name"] == "Ada"  # escape and bell stripped


def test_discard_removes_only_that_record(store):
    store.recovery.keep_many([("decline", {"reason": "busy"}, {"candidate_id": 1}),
                           ("meeting", {"notes": "n"}, {"meeting_id": 2})])
    first, second = store.recovery.all()
    store.recovery.discard(first.id)
    assert [r.id for r in store.recovery.all()] == [second.id]


def test_a_busy_lock_skips_rather_than_hangs(store):
    store.recovery.keep("meeting", {"notes": "old"}, {})
    other = Store(store.path, now=fixed_clock)  # another process holding the lock
    with other.db.writing():
        kept = store.recovery.keep_many([("candidate", {"name": "Ada"}, {})], lock_timeout=0.1)
    assert kept is False
    assert [r.kind for r in store.recovery.all()] == ["meeting"]


# -- forms ------------------------------------------------------------------------------------
async def test_an_untouched_form_leaves_nothing(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        assert isinstance(app.screen, CandidateModal)
        assert app.screen.recovery_payload() is None
        save_for_hangup(app)
    assert store.recovery.all() == []


async def test_a_new_candidate_form_is_kept_then_restored_and_saved(app, store, db_path):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        await pilot.press(*"Ada")
        form = app.screen
        form.query_one("#why", TextArea).text = "Engines [bold]and[/] poetry"
        form.query_one("#source", Select).value = "event"
        save_for_hangup(app)
    [kept] = store.recovery.all()
    assert kept.kind == "candidate" and kept.context["candidate_id"] is None
    assert kept.payload["name"] == "Ada" and kept.payload["source"] == "event"

    second = _new_app(db_path)
    async with second.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        offer = second.screen
        assert isinstance(offer, RestoreModal)
        assert "unsaved new candidate form (Ada) when" in offer.message.plain
        assert "2026-11-26 10:00" in offer.message.plain
        await pilot.press("r")
        await pilot.pause()
        form = second.screen
        assert isinstance(form, CandidateModal) and second.current_mode == "tracker"
        assert form.query_one("#name", Input).value == "Ada"
        assert form.query_one("#why", TextArea).text == "Engines [bold]and[/] poetry"
        assert form.query_one("#source", Select).value == "event"
        await pilot.press("ctrl+s")  # the normal path: the tracker adds the card
        await pilot.pause()
        assert isinstance(second.screen, TrackerScreen)
    [ada] = store.candidates.all()
    assert (ada.name, ada.source, ada.why) == ("Ada", "event", "Engines [bold]and[/] poetry")
    assert store.recovery.all() == []


async def test_discard_removes_it_and_escape_keeps_it_for_later(store, db_path):
    store.recovery.keep("candidate", {"name": "Ada"}, {"candidate_id": None, "name": ""})
    first = _new_app(db_path)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(first.screen, RestoreModal)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(first.screen, HomeScreen)
    assert len(store.recovery.all()) == 1
    second = _new_app(db_path)
    async with second.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(second.screen, RestoreModal)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(second.screen, HomeScreen)
    assert store.recovery.all() == []


async def test_the_edit_of_a_deleted_candidate_is_discarded_with_a_message(store, db_path):
    grace = store.candidates.add(CandidateInput(name="[b]Grace[/b]"))
    store.recovery.keep("candidate", {"name": "Grace H."},
                        {"candidate_id": grace.id, "name": grace.name})
    store.tracker.remove(grace.id)
    app = _new_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        offer = app.screen
        assert isinstance(offer, RestoreModal)
        assert "edit of [b]Grace[/b]" in offer.message.plain  # the name stays literal
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, CandidateModal)
        messages = [n.message for n in app._notifications]
        assert any("no longer exists" in str(m) for m in messages)
    assert store.recovery.all() == []


async def test_an_edit_and_a_decline_reopen_on_their_candidate(demo_app, demo_store, db_path):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        tracker = demo_app.screen
        mei = demo_store.candidates.get(3)
        tracker.decline_candidate(mei)
        await pilot.pause()
        await pilot.press(*"no time")
        assert isinstance(demo_app.screen, DeclineModal)
        save_for_hangup(demo_app)
    [kept] = demo_store.recovery.all()
    assert kept.context == {"candidate_id": 3, "name": "Mei Lin"}
    app = _new_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "decline of Mei Lin" in app.screen.message.plain
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DeclineModal) and dialog.candidate_id == 3
        assert dialog.query_one("#decline-reason", Input).value == "no time"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert demo_store.candidates.get(3).stage == "declined"


async def test_a_meeting_reopens_on_the_calendar(demo_app, demo_store, db_path):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        calendar = demo_app.screen
        meeting = next(m for m in demo_store.calendar.meetings(1) if m.number == 3)
        calendar.open_meeting(meeting, demo_store.calendar.mentorship(1))
        await pilot.pause()
        assert isinstance(demo_app.screen, MeetingModal)
        demo_app.screen.query_one("#meeting-notes", TextArea).text = "talk about [red]budgets"
        save_for_hangup(demo_app)
    app = _new_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "meeting 3 with Priya Raman" in app.screen.message.plain
        await pilot.press("r")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, MeetingModal) and modal.meeting.number == 3
        assert app.current_mode == "calendar"
        assert modal.query_one("#meeting-notes", TextArea).text == "talk about [red]budgets"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
    saved = next(m for m in demo_store.calendar.meetings(1) if m.number == 3)
    assert saved.notes == "talk about [red]budgets"


async def test_a_mentorship_setup_reopens_for_its_candidate(demo_app, demo_store, db_path):
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        jonas = demo_store.candidates.get(5)  # asked: ] opens the setup
        demo_app.screen.start_agreement(jonas)
        await pilot.pause()
        setup = demo_app.screen
        assert isinstance(setup, MentorshipSetupModal)
        setup.query_one("#setup-months", Input).value = "6"
        setup.query_one("#setup-which", Select).value = "2"
        save_for_hangup(demo_app)
    [kept] = demo_store.recovery.all()
    assert kept.payload["months"] == "6" and kept.payload["which"] == "2"
    app = _new_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "mentorship setup with Jonas Becker" in app.screen.message.plain
        await pilot.press("r")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, MentorshipSetupModal) and setup.candidate_id == 5
        assert setup.query_one("#setup-months", Input).value == "6"
        assert setup.query_one("#setup-which", Select).value == "2"
        assert not setup.query_one("#setup-weekday", Select).disabled
        await pilot.press("escape")  # cancelling the restored setup moves nothing
        await pilot.pause()
    assert demo_store.candidates.get(5).stage == "asked"
    assert demo_store.recovery.all() == []


async def test_an_edit_reopens_on_its_card_and_saves_through_the_tracker(demo_store, db_path):
    demo_store.recovery.keep("candidate", {"name": "Mei Lin", "role": "VP [i]Data[/i]"},
                             {"candidate_id": 3, "name": "Mei Lin"})
    app = _new_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "edit of Mei Lin" in app.screen.message.plain
        await pilot.press("r")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CandidateModal) and form.candidate.id == 3
        assert form.query_one("#role", Input).value == "VP [i]Data[/i]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.board.selected_id() == 3  # the tracker's own save path
    assert demo_store.candidates.get(3).role == "VP [i]Data[/i]"


async def test_a_plan_change_reopens_on_the_calendar_unless_the_mentorship_ended(
        demo_store, db_path):
    context = {"name": "Priya Raman", "changing": True, "candidate_id": None, "mentorship_id": 1}
    demo_store.recovery.keep("mentorship_setup", {"time": "17:30"}, context)
    app = _new_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "plan change with Priya Raman" in app.screen.message.plain
        await pilot.press("r")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, MentorshipSetupModal) and setup.changing
        assert app.current_mode == "calendar"
        assert setup.query_one("#setup-time", Input).value == "17:30"
    demo_store.recovery.keep("mentorship_setup", {"time": "18:00"}, context)
    demo_store.calendar.end(1)
    app = _new_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, MentorshipSetupModal)
        assert any("has ended" in str(n.message) for n in app._notifications)
    assert demo_store.recovery.all() == []
