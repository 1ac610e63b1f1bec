"""The bottom line: the keys the current screen offers, as one line of text.

Textual's Footer builds one widget per key and rebuilds them all whenever the bindings
change (every focus move, every screen switch), restyling each: 60 ms on the first `3`.
This draws the same keys, from the same binding data, as a single line, and redraws only
when that line changes. Keys the screen disables right now are dimmed; hidden ones left out.
"""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}

    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self._shown: tuple[tuple[str, str, bool], ...] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self._bindings_changed, self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def keys(self) -> tuple[tuple[str, str, bool], ...]:
        """(key as shown, description, enabled) per action, in binding order."""
        seen: dict[str, tuple[str, str, bool]] = {}
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen[binding.action] = (self.app.get_key_display(binding), binding.description,
                                        enabled)
        return tuple(seen.values())

    def _bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        keys = self.keys()
        if keys == self._shown:
            return
        self._shown = keys
        key_style = self.get_component_rich_style("key-bar--key")
        text_style = self.get_component_rich_style("key-bar--description")
        disabled = self.get_component_rich_style("key-bar--disabled")
        line = Text(no_wrap=True, overflow="ellipsis")
        for key, description, enabled in keys:
            line.append(f" {key} ", disabled if not enabled else key_style)
            line.append(f"{description} ", disabled if not enabled else text_style)
        self.update(line)
