"""A meeting's action items as a checklist: `space` (or `enter`) ticks the highlighted item,
`d` or `delete` removes it. Each line shows its box as a glyph (`[x]` / `[ ]`), so the
state reads without colour. Items are user text: shown as Content, never markup."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList

from mentee_tui.model import ActionItem

EMPTY = "No action items yet: type one below, then enter."


class ActionChecklist(OptionList):
    BINDINGS = [
        Binding("space", "toggle", "Tick", id="checklist.toggle"),
        Binding("d,delete", "remove", "Remove item", id="checklist.remove"),
    ]

    class Changed(Message):
        """An item was added, ticked or removed."""

        def __init__(self, checklist: ActionChecklist) -> None:
            super().__init__()
            self.checklist = checklist

        @property
        def control(self) -> ActionChecklist:
            return self.checklist

    def __init__(self, items: list[ActionItem], **kwargs) -> None:
        super().__init__(**kwargs)
        self._items = [ActionItem(i.text, i.done) for i in items]

    def on_mount(self) -> None:
        self._redraw()

    @property
    def items(self) -> list[ActionItem]:
        return [ActionItem(i.text, i.done) for i in self._items]

    def set_items(self, items: list[ActionItem]) -> None:
        self._items = [ActionItem(i.text, i.done) for i in items]
        self._redraw()
        self.post_message(self.Changed(self))

    def add(self, text: str) -> None:
        self._items.append(ActionItem(text))
        self._redraw(len(self._items) - 1)
        self.post_message(self.Changed(self))

    def _redraw(self, highlight: int | None = None) -> None:
        keep = self.highlighted if highlight is None else highlight
        self.clear_options()
        if not self._items:
            self.add_option(Content(EMPTY))
            self.disable_option_at_index(0)
            return
        self.add_options(
            Content.assemble(("[x] " if item.done else "[ ] "),
                             (item.text, "strike dim" if item.done else ""))
            for item in self._items)
        if keep is not None:
            self.highlighted = max(0, min(keep, len(self._items) - 1))

    def action_toggle(self) -> None:
        index = self.highlighted
        if index is None or not self._items:
            return
        self._items[index].done = not self._items[index].done
        self._redraw(index)
        self.post_message(self.Changed(self))

    def action_remove(self) -> None:
        index = self.highlighted
        if index is None or not self._items:
            return
        del self._items[index]
        self._redraw(index)
        self.post_message(self.Changed(self))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_toggle()


__all__ = ["ActionChecklist"]
