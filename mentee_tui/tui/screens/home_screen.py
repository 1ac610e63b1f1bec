"""Home: the journey from reflection to the first meeting, from stored data."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from mentee_tui.domain.journey import JourneyStep, journey_steps
from mentee_tui.tui.screens.base import MenteeScreen
from mentee_tui.tui.widgets.highlight_list import HighlightList
from mentee_tui.tui.widgets.journey_line import journey_line


class HomeScreen(MenteeScreen):
    MODE = "home"
    BINDINGS = [
        Binding("enter", "open_step", "Open", id="home.open"),
        Binding("j", "cursor_down", "Down", show=False, id="home.down"),
        Binding("k", "cursor_up", "Up", show=False, id="home.up"),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="home-body"):
            yield Static(id="home-title")
            yield HighlightList(id="journey")
            yield Static(id="home-hint")

    def __init__(self) -> None:
        super().__init__()
        self._steps: list[JourneyStep] = []

    def on_mount(self) -> None:
        self.query_one("#journey", OptionList).focus()

    def load_from_store(self) -> None:
        store = self.store
        steps = journey_steps(
            candidates=store.candidates.all(),
            reflections=store.reflections.all(),
            settings=store.settings.get(),
            now=store.now(),
            mentorships=store.calendar.mentorships(),
            meetings=store.calendar.meetings(),
        )
        self._steps = steps
        self._fill_journey()
        empty = all(step.empty for step in steps)
        title = self.query_one("#home-title", Static)
        hint = self.query_one("#home-hint", Static)
        if empty:
            title.update("Welcome. Finding a mentor starts with knowing what you want.")
            hint.update(
                "Start with step 1: press enter (or 2) to write down your goals, then add "
                "people worth asking on the tracker (3, then n)."
            )
        else:
            title.update("Your mentoring journey")
            hint.update("Enter opens a step · 1-4 switch screens · ? lists every key")

    def _fill_journey(self) -> None:
        """The steps, wrapped to the list's width so a long line hangs under its text."""
        journey = self.query_one("#journey", OptionList)
        width = journey.scrollable_content_region.width - 2  # the options' padding
        highlighted = journey.highlighted
        journey.clear_options()
        journey.add_options(
            Option(journey_line(step, width if width > 0 else None), id=step.mode + str(i))
            for i, step in enumerate(self._steps)
        )
        journey.highlighted = highlighted if highlighted is not None else 0

    def on_resize(self, event: events.Resize) -> None:
        if self._steps:
            self.call_after_refresh(self._fill_journey)

    def action_open_step(self) -> None:
        journey = self.query_one("#journey", OptionList)
        if journey.highlighted is not None:
            self.mentee_app.switch_mode(self._steps[journey.highlighted].mode)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.mentee_app.switch_mode(self._steps[event.option_index].mode)

    def action_cursor_down(self) -> None:
        self.query_one("#journey", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#journey", OptionList).action_cursor_up()


__all__ = ["HomeScreen", "JourneyStep"]
