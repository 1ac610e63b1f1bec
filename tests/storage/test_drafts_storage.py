"""Drafts from the stored records: the person's templates first, saving them privately."""

from __future__ import annotations

import os
import stat

import pytest

from mentee_tui.domain.drafts import TemplateError
from mentee_tui.model import CandidateInput
from mentee_tui.storage import StorageError
from mentee_tui.storage.drafts import compose_draft, save_draft
from mentee_tui.storage.templates import BUILTIN_FOLDER, template_folder


def test_the_template_folder_is_in_the_config_folder(tmp_path):
    assert template_folder() == tmp_path / "config" / "mentee-tui" / "templates"


def test_the_config_file_can_name_another_template_folder(tmp_path, monkeypatch):
    config = tmp_path / "config" / "mentee-tui" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'templates = "{tmp_path / "mine"}"\n')
    assert template_folder() == tmp_path / "mine"
    monkeypatch.setenv("HOME", str(tmp_path))
    config.write_text('templates = "~/drafts"\n')
    assert template_folder() == tmp_path / "drafts"


def test_a_draft_is_filled_from_the_card_the_reflection_and_the_settings(store):
    card = store.candidates.add(CandidateInput(name="Ada Byron", organization="Analytical"))
    store.reflections.save("career_goals", "Lead a platform team", revision=True)
    store.settings.update(your_name="Sam Lee")
    draft = compose_draft(store, card.id)
    assert draft.kind.key == "coffee_request"
    assert "Dear Ada," in draft.text and "Lead a platform team." in draft.text
    assert draft.text.rstrip().endswith("Sam Lee")
    assert draft.template == str(BUILTIN_FOLDER / "coffee_request.txt")


def test_a_template_in_the_config_folder_replaces_ours(store):
    card = store.candidates.add(CandidateInput(name="Ada Byron"))
    folder = template_folder()
    folder.mkdir(parents=True)
    (folder / "coffee_request.txt").write_text("Hi {first_name}, coffee? {my_name}\n")
    draft = compose_draft(store, card.id)
    assert draft.text == "Hi Ada, coffee? [your name — see Settings, your name]\n"
    assert draft.template == str(folder / "coffee_request.txt")
    store.tracker.move(card.id, "contacted")
    store.tracker.move(card.id, "coffee")
    assert "Would you consider" in compose_draft(store, card.id).text  # the others stay ours


def test_a_template_with_an_unknown_placeholder_says_which_and_where(store):
    card = store.candidates.add(CandidateInput(name="Ada Byron"))
    folder = template_folder()
    folder.mkdir(parents=True)
    (folder / "coffee_request.txt").write_text("Hi {firstname}\n")
    with pytest.raises(TemplateError) as caught:
        compose_draft(store, card.id)
    assert "{firstname}" in str(caught.value)
    assert str(folder / "coffee_request.txt") in str(caught.value)


def test_an_unreadable_template_is_a_clear_storage_error(store):
    card = store.candidates.add(CandidateInput(name="Ada Byron"))
    folder = template_folder()
    folder.mkdir(parents=True)
    (folder / "coffee_request.txt").write_bytes(b"\xff\xfe bad")
    with pytest.raises(StorageError, match="coffee_request.txt"):
        compose_draft(store, card.id)


def test_a_saved_draft_is_private_beside_the_database(store, db_path):
    card = store.candidates.add(CandidateInput(name="Ada Byron"))
    draft = compose_draft(store, card.id)
    path = save_draft(db_path, draft, "edited text")
    assert path.parent == db_path.parent and path.name == f"draft-{card.id}-coffee_request.txt"
    assert path.read_text() == "edited text\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_the_first_meeting_invitation_reads_the_mentorship(store):
    from mentee_tui.model import MentorshipSetup

    card = store.candidates.add(CandidateInput(name="Priya Raman"), stage="asked")
    store.tracker.agree(card.id, MentorshipSetup(months=6, first="2026-12-10", timezone="UTC",
                                                 duration=30))
    text = compose_draft(store, card.id).text
    assert "for six months, 30 minutes a month" in text
    assert "Thursday 10 December 2026 at 09:00 (UTC)" in text
    assert "- Introductions" in text  # the stored first agenda
