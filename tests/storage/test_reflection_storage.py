"""Reflection answers in storage: working copy, dated revisions, cleaning; the revision diff."""

from __future__ import annotations

import arrow
import pytest

from mentee_tui.domain.reflection import PROMPT_KEYS, revision_diff
from mentee_tui.storage import InvalidInput, Store


def test_every_prompt_is_listed_even_unanswered(store):
    found = store.reflections.all()
    assert tuple(found) == PROMPT_KEYS
    assert all(r.text == "" and r.revisions == [] for r in found.values())


def test_autosave_keeps_the_working_copy_without_a_revision(store):
    store.reflections.save("skills", "Listening")
    answer = store.reflections.get("skills")
    assert answer.text == "Listening"
    assert answer.updated_at.startswith("2026-11-26T10:00:00")
    assert answer.revisions == []


def test_a_revision_is_kept_only_when_the_text_changed(db_path):
    times = iter(["2026-11-01T09:00:00+00:00", "2026-11-02T09:00:00+00:00",
                  "2026-11-03T09:00:00+00:00", "2026-11-04T09:00:00+00:00"])
    store = Store(db_path, now=lambda: arrow.get(next(times)))
    store.reflections.save("skills", "Listening", revision=True)
    store.reflections.save("skills", "Listening", revision=True)  # unchanged: no new revision
    store.reflections.save("skills", "Listening\nWriting", revision=True)
    revisions = store.reflections.get("skills").revisions
    assert [r.text for r in revisions] == ["Listening", "Listening\nWriting"]
    assert [r.at[:10] for r in revisions] == ["2026-11-01", "2026-11-03"]


def test_several_answers_are_saved_in_one_call(store):
    saved = store.reflections.save_many({"skills": "Budgets", "notes": "Ask about travel"}, revision=True)
    assert set(saved) == {"skills", "notes"}
    found = store.reflections.all()
    assert found["skills"].text == "Budgets" and found["notes"].revisions[0].text == "Ask about travel"


def test_an_unknown_prompt_is_refused_and_nothing_is_written(store):
    with pytest.raises(InvalidInput):
        store.reflections.save_many({"skills": "Budgets", "bogus": "x"})
    assert store.reflections.get("skills").text == ""
    with pytest.raises(InvalidInput):
        store.reflections.get("bogus")


def test_control_and_escape_characters_are_stripped_but_lines_stay(store):
    saved = store.reflections.save("notes", "one\x1b[31m red\x07\r\ntwo\tthree\x00", revision=True)
    assert saved.text == "one red\ntwo\tthree"
    assert store.reflections.get("notes").revisions[-1].text == "one red\ntwo\tthree"


def test_markup_like_text_is_kept_literally(store):
    store.reflections.save("notes", "[bold]not bold[/] [/]")
    assert store.reflections.get("notes").text == "[bold]not bold[/] [/]"


def test_the_diff_marks_added_removed_and_kept_lines():
    before = "Lead a team\nLearn budgets\nWrite more"
    after = "Lead a team of 8\nLearn budgets\nWrite more\nSpeak at an event"
    assert revision_diff(before, after) == [
        ("-", "Lead a team"),
        ("+", "Lead a team of 8"),
        (" ", "Learn budgets"),
        (" ", "Write more"),
        ("+", "Speak at an event"),
    ]


def test_the_first_revision_is_all_added_and_no_change_is_all_kept():
    assert revision_diff("", "a\nb") == [("+", "a"), ("+", "b")]
    assert revision_diff("a\nb", "a\nb") == [(" ", "a"), (" ", "b")]
    assert revision_diff("", "") == []


def test_a_hang_up_save_gives_up_on_a_busy_lock_and_writes_nothing(store):
    from mentee_tui.storage import StorageError

    store.reflections.save("career_goals", "Before")
    other = Store(store.path)  # another session in the middle of a write
    with other.db.writing():
        with pytest.raises(StorageError, match="locked"):
            store.reflections.save_many({"career_goals": "After"}, revision=True, lock_timeout=0.1)
    assert store.reflections.get("career_goals").text == "Before"


def test_two_sessions_on_one_answer_lose_nothing(db_path):
    session_a, session_b = Store(db_path), Store(db_path)
    session_a.reflections.save("career_goals", "Alpha")
    # B read "Alpha" and saves its addition: no conflict.
    clash: list[str] = []
    session_b.reflections.save("career_goals", "Alpha plus B", base="Alpha", overwritten=clash)
    assert clash == []
    # A still thinks the answer is "Alpha" and saves its own addition.
    session_a.reflections.save("career_goals", "Alpha and more A", base="Alpha",
                              overwritten=clash)
    assert clash == ["career_goals"]
    answer = session_a.reflections.get("career_goals")
    assert answer.text == "Alpha and more A"
    assert [r.text for r in answer.revisions] == ["Alpha plus B"]  # B's words are kept
    # Saving again from an up-to-date base is no conflict.
    session_a.reflections.save("career_goals", "Alpha and more A!", base="Alpha and more A",
                              overwritten=clash)
    assert clash == ["career_goals"]


def test_leaving_an_answer_saved_before_never_writes_it_over_a_newer_one(db_path):
    session_a, session_b = Store(db_path), Store(db_path)
    session_a.reflections.save("skills", "Beta", base="")
    session_b.reflections.save("skills", "Alpha", base="")  # B had not seen Beta
    clash: list[str] = []
    # A leaves the answer without typing: a revision of "Beta" is asked for, nothing new.
    kept = session_a.reflections.save("skills", "Beta", revision=True, base="Beta",
                                     overwritten=clash)
    assert clash == ["skills"] and kept.text == "Alpha"
    answer = session_a.reflections.get("skills")
    assert answer.text == "Alpha"
    assert [r.text for r in answer.revisions] == ["Beta"]  # kept once, not twice


def test_whitespace_a_navigation_key_added_makes_no_revision(store):
    store.reflections.save("career_goals", "\n", revision=True)  # a stray enter, nothing else
    assert store.reflections.get("career_goals").revisions == []
    store.reflections.save("career_goals", "Lead a team", revision=True)
    store.reflections.save("career_goals", "Lead a team\n\n ", revision=True)
    answer = store.reflections.get("career_goals")
    assert answer.text == "Lead a team\n\n "  # the working copy is what the editor holds
    assert [r.text for r in answer.revisions] == ["Lead a team"]


def test_a_restore_records_the_revision_it_brought_back(db_path):
    times = iter(["2026-11-01T09:00:00+00:00", "2026-11-02T09:00:00+00:00",
                  "2026-11-03T09:00:00+00:00"])
    store = Store(db_path, now=lambda: arrow.get(next(times)))
    store.reflections.save("skills", "Listening", revision=True)
    store.reflections.save("skills", "Writing", revision=True)
    store.reflections.save("skills", "Listening", revision=True,
                           restored_from="2026-11-01T09:00:00+00:00")
    revisions = store.reflections.get("skills").revisions
    assert [r.restored_from for r in revisions] == ["", "", "2026-11-01T09:00:00+00:00"]
