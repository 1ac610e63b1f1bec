"""Forms that survive a hang-up: their typed values are kept and can be filled in again.

A form lists its fields (payload key -> widget id) and calls `start_recovery()` from
`on_mount`: the values it was opened with become the baseline, then any restored
values are put in. `recovery_payload()` is None while nothing differs from the
baseline, so an untouched form leaves nothing behind.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, TextArea


def read_field(widget: Widget) -> Any:
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
    if isinstance(widget, Input) and isinstance(value, str):
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
    `model.RECOVERY_KINDS`) and RECOVERY_FIELDS; with no kind, nothing is kept."""

    RECOVERY_KIND: ClassVar[str] = ""
    RECOVERY_FIELDS: ClassVar[dict[str, str]] = {}

    restore: dict[str, Any] | None = None
    _baseline: dict[str, Any] | None = None

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
