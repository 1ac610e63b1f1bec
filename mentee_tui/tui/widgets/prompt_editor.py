"""One reflection prompt: its title and save state, the answer's editor, guidance beside it."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static, TextArea

from mentee_tui.domain.reflection import Prompt
from mentee_tui.domain.text import clean_text

# The state reads without colour: a glyph and a word.
STATE_LABELS = {"saved": "✓ saved", "unsaved": "● unsaved", "saving": "… saving"}
# A save shows "saving" only once it has taken this long (a busy lock, a slow disk). A quick
# one goes from unsaved to saved: no frame drawn just for it, so a key typed meanwhile is
# echoed in the very next frame.
SAVING_SHOWN_AFTER = 0.3


class AnswerArea(TextArea):
    """A multi-line answer. Tab moves to the next prompt; pastes lose control characters."""

    def __init__(self, text: str, key: str) -> None:
        super().__init__(
            text,
            soft_wrap=True,
            tab_behavior="focus",
            id=f"answer-{key}",
            classes="answer",
            placeholder="Write here…",
        )
        self.prompt_key = key
        # A steady cursor: no redraw twice a second over a slow SSH link.
        self.cursor_blink = False

    async def _on_paste(self, event: events.Paste) -> None:
        # TextArea's own handler runs next (handlers run down the MRO) with the cleaned text.
        event.text = clean_text(event.text, multiline=True)


def _offset(text: str, location: tuple[int, int]) -> int:
    """The character offset of a (row, column) location in `text`."""
    row, column = location
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[:row]) + column


def _location(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset].split("\n")
    return len(before) - 1, len(before[-1])


class PromptEditor(Vertical):
    """Holds what the store last had (`saved_text`) so it knows when the answer is dirty.
    `selected`: the prompt the list's cursor is on (marked ▶, readable without colour)."""

    # No repaint of the whole editor: the title line alone shows it (`_show_state`).
    state: reactive[str] = reactive("saved", repaint=False)
    selected: reactive[bool] = reactive(False)

    def __init__(self, prompt: Prompt, number: int, total: int, text: str) -> None:
        super().__init__(id=f"prompt-{prompt.key}", classes="prompt")
        self.prompt = prompt
        self.number = number
        self.total = total
        self.saved_text = text
        # The user changed this answer since its last revision: leaving it keeps one.
        self.needs_revision = False
        self._area = AnswerArea(text, prompt.key)
        self._shown_state = "saved"  # the state the title shows (see SAVING_SHOWN_AFTER)
        self._saving_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._title(), classes="prompt-title")
        with Horizontal(classes="prompt-row"):
            yield self._area
            yield Static(Text(self.prompt.guidance), classes="guidance")

    def _title(self) -> Text:
        title = Text("▶ " if self.selected else "  ", style="bold")
        title.append(f"{self.number}/{self.total} ", style="dim")
        title.append(self.prompt.title, style="bold")
        state = self._shown_state
        label = STATE_LABELS[state]
        if state == "saved" and not self.saved_text.strip():
            label = "○ not answered yet"
        title.append(f"  {label}", style="dim" if state == "saved" else "bold")
        return title

    def watch_selected(self, selected: bool) -> None:
        self.set_class(selected, "-selected")
        self._show_state(self._shown_state)

    def watch_state(self) -> None:
        if self._saving_timer is not None:
            self._saving_timer.stop()
            self._saving_timer = None
        if self.state == "saving" and self._shown_state != "saving" and self.is_mounted:
            self._saving_timer = self.set_timer(SAVING_SHOWN_AFTER, self._show_saving)
            return
        self._show_state(self.state)

    def _show_saving(self) -> None:
        self._saving_timer = None
        if self.state == "saving":
            self._show_state("saving")

    def _show_state(self, state: str) -> None:
        self._shown_state = state
        if self.is_mounted:
            # One line of fixed height: repaint it, with no layout of the screen, so a save
            # finishing never holds up the next key.
            for title in self.query(".prompt-title").results(Static):  # gone while closing
                title.update(self._title(), layout=False)
                title.set_class(state != "saved", "-dirty")

    @property
    def key(self) -> str:
        return self.prompt.key

    @property
    def area(self) -> AnswerArea:
        return self._area

    @property
    def text(self) -> str:
        return self.area.text

    @property
    def dirty(self) -> bool:
        return self.area.text != self.saved_text

    def stored(self, text: str) -> None:
        """The store now holds `text`: show exactly that, keeping the cursor where it was."""
        self.saved_text = text
        area = self.area
        if area.text != text:
            self.show_text(text)
        self.state = "saved"

    def show_text(self, text: str) -> None:
        """Replace the editor's text, mapping the cursor to the same place as far as possible."""
        area = self.area
        old = area.text
        offset = _offset(old, area.cursor_location)
        # Characters removed before the cursor (control characters) shift it left.
        kept_before = len(clean_text(old[:offset], multiline=True))
        offset = min(kept_before if text == clean_text(old, multiline=True) else offset, len(text))
        area.load_text(text)
        area.cursor_location = _location(text, offset)


__all__ = ["STATE_LABELS", "AnswerArea", "PromptEditor"]
