"""What a person sees on the tracker, pinned as SVG snapshots (fixed clock, demo data)."""

from __future__ import annotations

from mentee_tui.model import CandidateInput


def test_board_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["3"])


def test_board_120x40(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(120, 40), press=["3", "l"])


def test_empty_board_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["3"])


def test_candidate_form_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["3", "n", *"Ada", "tab", *"ada@"])


def test_candidate_form_error_80x24(snap_compare, app):
    assert snap_compare(
        app, terminal_size=(80, 24), press=["3", "n", "tab", *"not-an-email", "ctrl+s"]
    )


def test_details_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["3", "j", "j", "enter"])


def test_decline_dialog_80x24(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["3", "l", "l", "x"])


def test_hostile_names_80x24(snap_compare, store, app):
    for name in ("[/]", "[bold]x", "[@click=app.quit]q[/]"):
        store.candidates.add(CandidateInput(name=name, organization="[red]org"))
    assert snap_compare(app, terminal_size=(80, 24), press=["3", "j", "d"])
