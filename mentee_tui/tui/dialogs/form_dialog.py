"""What every save/cancel form dialog does the same way.

The base of the save/cancel dialogs: the save button (`#save`) runs `action_save` (ctrl+s), the
other button dismisses with None, escape (`action_cancel`) asks once before dropping typed
changes, and typed or pasted control and escape characters never reach an Input.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Button, Checkbox, Input, Select, TextArea

from mentee_tui.domain.text import clean_text
from mentee_tui.tui.dialogs.recoverable import RecoverableForm, ResultT, read_field

UNSAVED = "Unsaved changes: ctrl+s saves them, escape again discards them."


class FormDialog(RecoverableForm[ResultT]):
    SAVE_BUTTON_ID = "save"  # the button that does what ctrl+s does

    def action_save(self) -> None:  # each form reads and checks its own fields
        raise NotImplementedError

    _warned_unsaved = False
    _opening: dict[str, Any] | None = None

    def _field_values(self) -> dict[str, Any]:
        fields = self.query("Input, TextArea, Select, Checkbox")
        return {widget.id: read_field(widget) for widget in fields}

    def remember_opening_values(self) -> None:
        """From on_mount, for a form that is not a RecoverableForm (which has its own)."""
        self._opening = self._field_values()

    def has_changes(self) -> bool:
        if self.RECOVERY_KIND:
            return self.recovery_payload() is not None
        return self._opening is not None and self._field_values() != self._opening

    def action_cancel(self) -> None:
        """Escape. A form with typed changes asks once (escape is also how one leaves a text
        box, so a half-filled form must not vanish on the first press)."""
        if self.has_changes() and not self._warned_unsaved:
            self._warned_unsaved = True
            self.notify(UNSAVED, severity="warning", markup=False)
            return
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == self.SAVE_BUTTON_ID:
            self.action_save()
        else:
            self.dismiss(None)  # the Cancel button: a clear choice

    def on_input_changed(self, event: Input.Changed) -> None:
        self._warned_unsaved = False  # typing after the warning: the next escape asks again
        cleaned = clean_text(event.value)
        if cleaned != event.value:  # a pasted escape sequence or control character
            event.input.value = cleaned

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._warned_unsaved = False

    def on_select_changed(self, event: Select.Changed) -> None:
        self._warned_unsaved = False

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._warned_unsaved = False


__all__ = ["UNSAVED", "FormDialog"]
