"""Tracker screen (placeholder until its issue builds it)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from mentee_tui.screens.base import MenteeScreen


class TrackerScreen(MenteeScreen):
    MODE = "tracker"

    def compose_body(self) -> ComposeResult:
        yield Static("Tracker", id="tracker-body")
