"""Home, "this week": what to do now, each line acting with a key, then the journey.

One list holds both: the week's items (follow-ups due, cards waiting for a first message,
the next meeting with its agenda and open action items, "keep reaching out") and, under a
rule, the five steps of the journey, compact. `enter` opens a line where it lives, `f` logs
the follow-up of its card, `m` opens its card's draft.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from mentee_tui.domain.journey import JourneyStep, journey_steps
from mentee_tui.domain.stages import STAGE_TITLES
from mentee_tui.domain.text import clean_line
from mentee_tui.domain.week import WeekItem, week_items
from mentee_tui.model import Candidate
from mentee_tui.tui.results import Done
from mentee_tui.tui.screens.base import MenteeScreen
from mentee_tui.tui.widgets.highlight_list import HighlightList
from mentee_tui.tui.widgets.journey_line import journey_line
from mentee_tui.tui.resources import sheet

MAX_PER_KIND = 3  # lines of one kind before "…and N more" (the list must fit 80x24)
LISTED_KINDS = ("follow_up", "first_message")  # the kinds that can run to thousands
CARD_KINDS = ("follow_up", "first_message", "keep_reaching_out")
MARKS = {"follow_up": "⏰", "first_message": "✉", "meeting": "◆", "keep_reaching_out": "↻"}


def week_line(item: WeekItem, width: int | None = None) -> Text:
    """An item and its details, each one line cut to `width` (…); user text stays literal."""
    head = Text.assemble((f" {MARKS.get(item.kind, '·')} ", "bold"), item.text)
    lines = [head] + [Text("     " + detail, style="" if detail.startswith("open") else "dim")
                      for detail in item.details]
    if width:
        for line in lines:
            line.truncate(width, overflow="ellipsis")
    return Text("\n").join(lines)


class HomeScreen(MenteeScreen):
    CSS_PATH = sheet("home")
    MODE = "home"
    BINDINGS = [
        Binding("enter", "open_line", "Open", id="home.open"),
        Binding("f", "follow_up", "Log follow-up", id="home.follow_up"),
        Binding("m", "draft", "Draft", id="home.draft"),
        Binding("j", "cursor_down", "Down", show=False, id="home.down"),
        Binding("k", "cursor_up", "Up", show=False, id="home.up"),
    ]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="home-body"):
            yield Static(id="home-title")
            yield HighlightList(id="home-list")
            yield Static(id="home-hint")

    def __init__(self) -> None:
        super().__init__()
        self._steps: list[JourneyStep] = []
        self._items: list[WeekItem] = []  # the week's lines shown (see load_from_store)
        self._more: dict[str, int] = {}  # kind -> how many more of it are not shown
        self._lines: list[WeekItem | JourneyStep | str] = []  # str: a "…and N more" mode

    def on_mount(self) -> None:
        self.query_one("#home-list", OptionList).focus()

    def load_from_store(self) -> None:
        store = self.store
        candidates, settings = store.candidates.all(), store.settings.get()
        mentorships, meetings = store.calendar.mentorships(), store.calendar.meetings()
        now = store.now()
        self._steps = journey_steps(
            candidates=candidates, reflections=store.reflections.all(), settings=settings,
            now=now, mentorships=mentorships, meetings=meetings,
        )
        items = week_items(candidates=candidates, settings=settings, now=now,
                           mentorships=mentorships, meetings=meetings)
        # Only the lines shown are kept, and how many more there are of each listed kind:
        # at 10,000 candidates the full list is 9,000 lines (2 MB) for the six shown.
        self._items, self._more = [], {}
        seen: dict[str, int] = {}
        for item in items:
            if item.kind in LISTED_KINDS:
                seen[item.kind] = count = seen.get(item.kind, 0) + 1
                if count > MAX_PER_KIND:
                    self._more[item.kind] = count - MAX_PER_KIND
                    continue
            self._items.append(item)
        self._fill()
        title = self.query_one("#home-title", Static)
        hint = self.query_one("#home-hint", Static)
        if all(step.empty for step in self._steps):
            title.update("Welcome. Finding a mentor starts with knowing what you want.")
            hint.update(
                "Start with step 1: press enter (or 2) to write down your goals, then add "
                "people worth asking on the tracker (3, then n)."
            )
        elif self._items:
            title.update(f"This week · {now.format('dddd D MMMM')}")
            hint.update("enter open · f log follow-up · m draft · 1-4 screens · ? every key")
        else:
            title.update("This week: nothing due. Your mentoring journey:")
            hint.update("Enter opens a step · 1-4 switch screens · ? lists every key")

    def _fill(self) -> None:
        """The week's lines (a few of each kind), a rule, then the steps, wrapped to the
        list's width so a long step hangs under its text."""
        home = self.query_one("#home-list", OptionList)
        width = home.scrollable_content_region.width - 2  # the options' padding
        highlighted = home.highlighted
        lines: list[WeekItem | JourneyStep | str] = []
        options: list[Option | None] = []
        shown: dict[str, int] = {}
        for item in self._items:
            count = shown[item.kind] = shown.get(item.kind, 0) + 1
            lines.append(item)
            options.append(Option(week_line(item, width if width > 0 else None)))
            if count == MAX_PER_KIND and item.kind in LISTED_KINDS:
                more = self._more.get(item.kind, 0)
                if more > 0:
                    lines.append("tracker")
                    options.append(Option(Text(f"   …and {more} more on the tracker (3)",
                                               style="dim")))
        if options:
            options.append(None)  # a rule between the week and the journey
        for step in self._steps:
            lines.append(step)
            options.append(Option(journey_line(step, width if width > 0 else None)))
        self._lines = lines
        home.clear_options()
        home.add_options(options)
        count = len(lines)
        home.highlighted = min(highlighted, count - 1) if highlighted is not None else 0

    def on_resize(self, event: events.Resize) -> None:
        if self._steps:
            self.call_after_refresh(self._fill)

    # -- the line under the cursor --------------------------------------------------------
    def current(self) -> WeekItem | JourneyStep | str | None:
        index = self.query_one("#home-list", OptionList).highlighted
        return self._lines[index] if index is not None and index < len(self._lines) else None

    def _open(self, line: WeekItem | JourneyStep | str | None) -> None:
        app = self.mentee_app
        if isinstance(line, str):
            app.action_switch(line)
        elif isinstance(line, JourneyStep):
            app.action_switch(line.mode)
        elif isinstance(line, WeekItem):
            if line.kind == "meeting" and line.meeting_id is not None:
                app.open_in("calendar", line.meeting_id)
            elif line.candidate_id is not None:
                app.open_in("tracker", line.candidate_id)

    def action_open_line(self) -> None:
        self._open(self.current())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(self._lines[event.option_index])

    def _card_of(self, key: str) -> WeekItem | None:
        line = self.current()
        if isinstance(line, WeekItem) and line.candidate_id is not None:
            if key == "f" and line.kind == "meeting":
                self.refuse("f logs a follow-up with a card; enter opens this meeting.")
                return None
            return line
        self.refuse(f"{key} acts on a line of this week (a person to write to or follow up "
                    "with); this line is a step of the journey.")
        return None

    def action_follow_up(self) -> None:
        item = self._card_of("f")
        if item is None or item.candidate_id is None:
            return
        done = self.mentee_app.attempt(self.store.candidates.get, item.candidate_id)
        if done is None:
            return
        candidate = done.value
        from mentee_tui.tui.dialogs.follow_up_modal import FollowUp, FollowUpModal

        def logged(follow_up: FollowUp | None) -> None:
            if follow_up is None:
                return
            self.mentee_app.write_in_background(
                self.store.candidates.log_event, candidate.id, "follow_up", follow_up.note,
                on=follow_up.on, then=written)

        def written(done: Done[Candidate] | None) -> None:
            if done is not None:
                self.refresh_from_store()
                self.notify(f"Follow-up logged for {candidate.name}.", markup=False)

        self.app.push_screen(FollowUpModal(clean_line(candidate.name), self.store.now().date()),
                             logged)

    def action_draft(self) -> None:
        item = self._card_of("m")
        if item is None or item.candidate_id is None:
            return
        from mentee_tui.tui.draft_flow import open_draft

        open_draft(self, item.candidate_id, self._move)

    def _move(self, candidate_id: int, stage: str) -> None:
        """The natural move after a draft went out (coffee request sent → contacted)."""
        done = self.mentee_app.attempt(self.store.candidates.get, candidate_id)
        if done is None:
            return
        name = done.value.name

        def moved(outcome: Done[Any] | None) -> None:
            if outcome is not None:
                self.refresh_from_store()
                self.notify(f"{name} moved to {STAGE_TITLES[stage]} (u on the tracker "
                            "undoes it).", markup=False)

        self.mentee_app.write_in_background(self.store.tracker.move, candidate_id, stage,
                                            undoable=True, expected=done.value.stage,
                                            then=moved)

    def action_cursor_down(self) -> None:
        self.query_one("#home-list", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#home-list", OptionList).action_cursor_up()


__all__ = ["HomeScreen", "JourneyStep", "week_line"]
