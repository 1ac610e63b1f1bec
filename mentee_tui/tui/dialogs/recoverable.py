"""Forms that survive a hang-up: their typed values are kept and can be filled in again.

A form lists its fields (payload key -> widget id) and calls `start_recovery()` from
`on_mount`: the values it was opened with become the baseline, then any restored
values are put in. `recovery_payload()` is None while nothing differs from the
baseline, so an untouched form leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, TextArea

from mentee_tui.model import ActionItem
from mentee_tui.tui.widgets.action_checklist import ActionChecklist
from mentee_tui.tui.resources import sheet


def read_field(widget: Widget) -> Any:
    if isinstance(widget, ActionChecklist):
        return [[item.text, item.done] for item in widget.items]
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Checkbox):
        return widget.value
    if isinstance(widget, Select):
        value = widget.value
        return value if isinstance(value, (str, int)) else None
    return None


def write_field(widget: Widget, value: Any) -> None:
    """Put a kept value back; a value the widget cannot take (hand-edited, stale) is skipped."""
    if isinstance(widget, ActionChecklist) and isinstance(value, list):
        widget.set_items([ActionItem(str(v[0]), bool(v[1])) for v in value
                          if isinstance(v, list) and len(v) == 2])
    elif isinstance(widget, Input) and isinstance(value, str):
        widget.value = value
    elif isinstance(widget, TextArea) and isinstance(value, str):
        widget.text = value
    elif isinstance(widget, Checkbox) and isinstance(value, bool):
        widget.value = value
    elif isinstance(widget, Select) and isinstance(value, (str, int)) and value is not None:
        try:
            widget.value = value
        except Exception:  # noqa: BLE001 - not one of its options: keep the default
            pass


ResultT = TypeVar("ResultT")


class RecoverableForm(ModalScreen[ResultT]):
    """A form dialog. Subclasses that a hang-up should keep set RECOVERY_KIND (one of
    `model.RECOVERY_KINDS`) and RECOVERY_FIELDS; with no kind, nothing is kept.

    Moving between fields is a priority binding: Textual queues each key for the focused
    widget before it handles the one before, so in a burst (a paste, a laggy SSH link)
    the keys after a Tab, or after enter in a line, would still reach the old field.
    Priority bindings run as the key arrives, so the focus has moved before the next key
    is delivered.
    """

    CSS_PATH = sheet("dialogs")
    BINDINGS = [
        Binding("tab", "next_field", "Next field", show=False, priority=True,
                id="form.next_field"),
        Binding("shift+tab", "previous_field", "Previous field", show=False, priority=True,
                id="form.previous_field"),
        Binding("enter", "submit_line", "Next field", show=False, priority=True,
                id="form.submit_line"),
    ]

    RECOVERY_KIND: ClassVar[str] = ""
    RECOVERY_FIELDS: ClassVar[dict[str, str]] = {}

    restore: dict[str, Any] | None = None
    _baseline: dict[str, Any] | None = None

    # -- moving between fields ------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit_line":
            # enter moves on only from a one-line field; a button, a list, a text box or an
            # open drop-down get their own enter.
            return isinstance(self.focused, Input) and not self._select_open()
        if action in ("next_field", "previous_field"):
            return not self._select_open()
        return super().check_action(action, parameters)

    def _select_open(self) -> bool:
        return any(select.expanded for select in self.query(Select))

    def action_next_field(self) -> None:
        self.focus_next()

    def action_previous_field(self) -> None:
        self.focus_previous()

    def action_submit_line(self) -> None:
        focused = self.focused
        if isinstance(focused, Input) and not self.line_submitted(focused):
            self.focus_next()

    def line_submitted(self, line: Input) -> bool:
        """Enter in a one-line field: True when the form acted on it (the last field
        saves, say); otherwise the focus moves to the next field."""
        return False

    def after_typed_keys(self, callback: Callable[[], object]) -> None:
        """Run `callback` once every field has handled the keys already sent to it.

        A priority key (enter) runs before the keys queued ahead of it reach their fields;
        a save it starts must wait for them, or it would read the fields half typed. Each
        field's queue is passed through in turn: its pending keys come first.
        """
        fields = [*self.query(Input), *self.query(TextArea)]

        def step(index: int) -> None:
            if index == len(fields) or not self.is_attached:
                if self.is_attached:
                    callback()
                return
            fields[index].call_later(step, index + 1)

        step(0)

    def form_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, widget_id in self.RECOVERY_FIELDS.items():
            widgets = self.query(f"#{widget_id}")
            if widgets:
                values[key] = read_field(widgets.first())
        return values

    def start_recovery(self) -> None:
        """Call from on_mount: remember the opening values, then fill in restored ones."""
        self._baseline = self.form_values()
        restore = self.restore or {}
        for key, widget_id in self.RECOVERY_FIELDS.items():  # form order, not stored order
            if key not in restore:
                continue
            value = restore[key]
            widgets = self.query(f"#{widget_id}")
            if widgets:
                write_field(widgets.first(), value)

    def recovery_payload(self) -> dict[str, Any] | None:
        """The current field values, or None when nothing was changed from the opening ones."""
        if self._baseline is None:
            return None  # not mounted yet: nothing was typed
        values = self.form_values()
        return values if values != self._baseline else None

    def recovery_context(self) -> dict[str, Any]:
        """What the form was about (ids, a name to show), to open it again on the right record."""
        return {}


__all__ = ["RecoverableForm", "ResultT", "read_field", "write_field"]
