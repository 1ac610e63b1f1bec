"""What a person sees on Reflection at 80x24, pinned as SVG snapshots (fixed clock, demo data)."""

from __future__ import annotations

import pytest
from helpers.reflections import saved_with_a_restore

from mentee_tui.tui.screens import reflection_screen


@pytest.fixture
def slow_autosave(monkeypatch):
    """Keep typed text "unsaved" while the snapshot is taken, whatever the machine's speed."""
    monkeypatch.setattr(reflection_screen, "AUTOSAVE_SECONDS", 600)


def test_reflection_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["2"])


def test_first_time_reflection_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["2"])


def test_typing_shows_unsaved_and_markup_literally_80x24(snap_compare, app, slow_autosave):
    assert snap_compare(app, terminal_size=(80, 24), press=["2", "enter", *"[bold]not bold[/] yet"])


def test_last_prompt_scrolled_into_view_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["2", "tab", "tab", "tab", "tab", "tab", "tab"])


def test_revisions_with_their_diff_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["2", "tab", "ctrl+r"])


def test_revisions_with_seconds_and_the_restored_mark_80x24(snap_compare, app, db_path):
    saved_with_a_restore(db_path)
    assert snap_compare(app, terminal_size=(80, 24), press=["2", "ctrl+r"])
