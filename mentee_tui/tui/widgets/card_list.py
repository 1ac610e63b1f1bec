"""A column's cards, drawn one visible line at a time.

A `ScrollView` with `render_line`: only the cards in view are rendered, so a column of
10,000 cards (a LinkedIn import) lays out as fast as one of ten. Every card has the same
height (`card_height`), so a line's card is a division away. The selected card keeps its
look without colour: bold, and reverse video under NO_COLOR, where the theme's highlight
colour is dropped.

Data down, messages up: the board sets `highlighted` (silently); the person's own moves
(keys, a click, `choose`) post `Highlighted`, and enter posts `Opened`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import ClassVar

from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

SELECTED = "card-list--selected"


class CardList(ScrollView, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {SELECTED}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Card up", show=False),
        Binding("down", "cursor_down", "Card down", show=False),
        Binding("home", "first", "First card", show=False),
        Binding("end", "last", "Last card", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("enter", "open", "Open", show=False),
    ]

    class Highlighted(Message):
        """The person moved the selection to `card_id` (keys, a click, a column change)."""

        def __init__(self, card_list: CardList, card_id: int) -> None:
            super().__init__()
            self.card_list = card_list
            self.card_id = card_id

    class Opened(Message):
        """Enter on the card `card_id`."""

        def __init__(self, card_list: CardList, card_id: int) -> None:
            super().__init__()
            self.card_list = card_list
            self.card_id = card_id

    highlighted: var[int | None] = var(None)
    """The row of the selected card, or None (another column holds the selection)."""

    def __init__(self, prompt_for: Callable[[int], Content], **kwargs) -> None:
        """`prompt_for(card_id)` gives a card's text; it is asked only for cards in view."""
        super().__init__(**kwargs)
        self._prompt_for = prompt_for
        self._ids: list[int] = []
        self._card_height = 1
        # (card id, selected, width) -> (prompt, style, strips): a card's lines as last drawn
        # at that width. A column takes turns at two widths (wide while it holds the
        # selection), so a move back and forth draws from here.
        self._drawn: LRUCache[tuple[int, bool, int], tuple[Content, Style, list[Strip]]] = (
            LRUCache(512)
        )

    # -- the cards ----------------------------------------------------------------------
    @property
    def ids(self) -> list[int]:
        return self._ids

    @property
    def card_count(self) -> int:
        return len(self._ids)

    @property
    def highlighted_id(self) -> int | None:
        row = self.highlighted
        return self._ids[row] if row is not None and row < len(self._ids) else None

    def index_of(self, card_id: int) -> int | None:
        try:
            return self._ids.index(card_id)
        except ValueError:
            return None

    def show(self, ids: list[int]) -> None:
        """Replace the cards (in id order); the caller sets the highlight."""
        self._ids = ids
        self.highlighted = self.validate_highlighted(self.highlighted)
        self._cards_changed()

    def insert(self, card_id: int) -> None:
        """Add a card in its place by id; the highlighted card stays highlighted."""
        row = bisect.bisect_left(self._ids, card_id)
        self._ids.insert(row, card_id)
        if self.highlighted is not None and row <= self.highlighted:
            self.set_reactive(CardList.highlighted, self.highlighted + 1)
        self._cards_changed()

    def remove(self, card_id: int) -> bool:
        """Take a card out; False when it is not in this list."""
        row = self.index_of(card_id)
        if row is None:
            return False
        del self._ids[row]
        if self.highlighted is not None and row < self.highlighted:
            self.set_reactive(CardList.highlighted, self.highlighted - 1)
        self.highlighted = self.validate_highlighted(self.highlighted)
        self._cards_changed()
        return True

    def refresh_card(self, card_id: int) -> None:
        """Draw one card again (its record changed)."""
        row = self.index_of(card_id)
        if row is not None:
            self.refresh_lines(row * self._card_height, self._card_height)

    @property
    def card_height(self) -> int:
        return self._card_height

    @card_height.setter
    def card_height(self, lines: int) -> None:
        if lines != self._card_height:
            self._card_height = lines
            self._drawn.clear()
            self._cards_changed()

    def _cards_changed(self) -> None:
        """Cards came, went or grew: the scroll height, the lines in view, the highlight."""
        self.virtual_size = Size(0, len(self._ids) * self._card_height)
        self.refresh()
        self.scroll_to_highlight()

    # -- the selection ------------------------------------------------------------------
    def validate_highlighted(self, row: int | None) -> int | None:
        if row is None or not self._ids:
            return None
        return max(0, min(row, len(self._ids) - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for row in (old, new):
            if row is not None:
                self.refresh_lines(row * self._card_height, self._card_height)
        self.scroll_to_highlight()

    def scroll_to_highlight(self) -> None:
        row = self.highlighted
        if row is None or not self.is_mounted:
            return
        height = self._card_height
        self.scroll_to_region(
            Region(0, row * height, self.scrollable_content_region.width, height),
            animate=False, force=True, immediate=True,
        )

    def choose(self, row: int) -> None:
        """The person picked this row: highlight it and say so."""
        self.highlighted = self.validate_highlighted(row)
        card_id = self.highlighted_id
        if card_id is not None:
            self.post_message(self.Highlighted(self, card_id))

    def _step(self, delta: int) -> None:
        """One card up or down, round the ends as the other lists do."""
        if not self._ids:
            return
        row = self.highlighted
        if row is None:
            self.choose(0 if delta > 0 else len(self._ids) - 1)
        else:
            self.choose((row + delta) % len(self._ids))

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_first(self) -> None:
        self.choose(0)

    def action_last(self) -> None:
        self.choose(len(self._ids) - 1)

    def _page(self, direction: int) -> None:
        page = max(1, self.scrollable_content_region.height // self._card_height)
        self.choose((self.highlighted or 0) + direction * page)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_page_down(self) -> None:
        self._page(1)

    def action_open(self) -> None:
        card_id = self.highlighted_id
        if card_id is not None:
            self.post_message(self.Opened(self, card_id))

    def on_click(self, event: events.Click) -> None:
        """A click selects (the focus came with the mouse down); it opens nothing."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = (offset.y + self.scroll_offset.y) // self._card_height
        if row < len(self._ids):
            self.choose(row)

    # -- drawing ------------------------------------------------------------------------
    def on_resize(self) -> None:
        self.scroll_to_highlight()

    def on_show(self) -> None:
        self.scroll_to_highlight()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row, line = divmod(self.scroll_offset.y + y, self._card_height)
        if row < len(self._ids):
            strips = self._card_lines(row, width)
            if line < len(strips):
                return strips[line]
        return Strip.blank(width, self.get_visual_style().rich_style)

    def _card_lines(self, row: int, width: int) -> list[Strip]:
        card_id = self._ids[row]
        selected = row == self.highlighted
        style = self.get_visual_style(SELECTED) if selected else self.get_visual_style()
        prompt = self._prompt_for(card_id)
        key = (card_id, selected, width)
        drawn = self._drawn.get(key)
        if drawn is not None and drawn[0] is prompt and drawn[1] == style:
            return drawn[2]
        rich_style = style.rich_style
        strips = [strip.extend_cell_length(width, rich_style)
                  for strip in Visual.to_strips(self, prompt, width, None, style)]
        if selected and self.app.no_color:
            strips = [strip.apply_style(RichStyle(reverse=True)) for strip in strips]
        self._drawn[key] = (prompt, style, strips)
        return strips


__all__ = ["CardList"]
