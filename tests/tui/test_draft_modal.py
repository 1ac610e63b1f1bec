"""`m` opens the card's draft: copy (OSC 52), save beside the database, mark sent and move."""

from __future__ import annotations

import os
import stat

import pytest

from mentee_tui.model import CandidateInput, MentorshipSetup
from mentee_tui.tui.dialogs.confirm_modal import ConfirmModal
from mentee_tui.tui.dialogs.draft_modal import DraftModal
from mentee_tui.tui.screens import TrackerScreen

SIZE = (80, 24)


async def _open(app, pilot):
    await pilot.press("3")
    await pilot.pause()
    assert isinstance(app.screen, TrackerScreen)
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(app.screen, DraftModal)
    return app.screen.query_one("#draft-text").text


async def test_m_on_a_researched_card_shows_a_coffee_request_with_the_goal(app, store):
    store.reflections.save("career_goals", "Lead a data team", revision=True)
    store.candidates.add(CandidateInput(name="Ada Byron", organization="Analytical"))
    async with app.run_test(size=SIZE) as pilot:
        text = await _open(app, pilot)
        assert "Coffee request to Ada Byron" in str(app.screen.query_one("#draft-title").render())
        assert "Dear Ada," in text and "Lead a data team." in text
        assert "[your name — see Settings, your name]" in text


@pytest.mark.parametrize(("stage", "expected"), [
    ("contacted", "A short coffee"), ("coffee", "for twelve months, one hour a month"),
    ("asked", "I am following up"), ("declined", "anyone else you would suggest"),
])
async def test_each_stage_opens_its_draft(app, store, stage, expected):
    store.candidates.add(CandidateInput(name="Ada Byron"), stage=stage)
    async with app.run_test(size=SIZE) as pilot:
        assert expected in await _open(app, pilot)


async def test_an_agreed_card_gets_the_first_meeting_invitation(app, store):
    card = store.candidates.add(CandidateInput(name="Ada Byron"), stage="asked")
    store.tracker.agree(card.id, MentorshipSetup(months=6, first="2026-12-15", timezone="UTC"))
    async with app.run_test(size=SIZE) as pilot:
        text = await _open(app, pilot)
        assert "for six months, one hour a month" in text
        assert "Tuesday 15 December 2026 at 09:00 (UTC)" in text


async def test_copy_save_and_mark_sent_are_logged_and_offer_the_move(app, store, db_path,
                                                                       monkeypatch):
    card = store.candidates.add(CandidateInput(name="[bold]Mal[/]"))
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        text = await _open(app, pilot)
        assert "Dear [bold]Mal[/]," in text  # literal, never markup
        await pilot.press("c")
        await pilot.pause()
        assert copied == [text]
        assert "Copied to the clipboard" in str(app.screen.query_one("#draft-status").render())
        await pilot.press("c", "s")
        await pilot.pause()
        saved = db_path.parent / f"draft-{card.id}-coffee_request.txt"
        assert saved.read_text() == text
        assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
        assert str(saved) in str(app.screen.query_one("#draft-status").render())
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
    stored = store.candidates.get(card.id)
    notes = [h.note for h in stored.history if h.event == "draft"]
    assert notes == ["Coffee request: copied", f"Coffee request: saved to {saved}",
                     "Coffee request: sent"]  # a second copy is not logged again
    assert stored.stage == "contacted"


async def test_editing_the_draft_then_saving_keeps_the_edit(app, store, db_path):
    card = store.candidates.add(CandidateInput(name="Ada"))
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await pilot.press("enter", "ctrl+home", *"Hi! ", "escape")
        await pilot.press("s")
        await pilot.pause()
        assert (db_path.parent / f"draft-{card.id}-coffee_request.txt").read_text().startswith(
            "Hi! Subject:")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
    assert store.candidates.get(card.id).stage == "researched"  # not marked sent: no move


async def test_a_bad_template_in_the_config_folder_is_named(app, store, tmp_path):
    store.candidates.add(CandidateInput(name="Ada"))
    folder = tmp_path / "config" / "mentee-tui" / "templates"
    folder.mkdir(parents=True)
    (folder / "coffee_request.txt").write_text("Hi {nmae}\n")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, TrackerScreen)
        messages = [n.message for n in app._notifications]
        assert any("{nmae}" in m and "coffee_request.txt" in m for m in messages)


def test_snapshot_of_the_coffee_request_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=SIZE, press=["3", "m"])
