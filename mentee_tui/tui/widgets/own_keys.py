"""Text fields whose editing keys act on themselves, even after the focus has moved on.

Textual resolves a key's binding against the widget focused when the key is *handled*,
not the one it was *sent* to. In a burst (a paste, a laggy SSH link) the form has
already moved the focus on (a priority Tab) while the last field still has keys queued:
a queued backspace or ctrl+u would then delete from the next field. A field that runs
its own bindings for the keys it received keeps each edit where it was typed.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget


async def run_own_binding(widget: Widget, event: events.Key) -> None:
    """Run `widget`'s own binding for `event`, if it has one, on `widget` itself."""
    if event.is_printable:
        return  # typed text: the field inserts it itself
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if binding.priority or widget.check_action(binding.action, ()) is False:
            continue
        event.stop()
        event.prevent_default()
        await widget.run_action(binding.action)
        return


__all__ = ["run_own_binding"]
