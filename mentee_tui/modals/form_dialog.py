"""What every save/cancel form dialog does the same way.

Mixed in before `ModalScreen`: the save button (`#save`) runs `action_save` (ctrl+s), the
other button dismisses with None, escape (`action_cancel`) asks once before dropping typed
changes, and typed or pasted control and escape characters never reach an Input.
"""

from __future__ import annotations

from textual.widgets import Button, Input

from mentee_tui.text import clean_text

UNSAVED = "Unsaved changes: ctrl+s saves them, escape again discards them."


class FormDialog:
    SAVE_BUTTON_ID = "save"  # the button that does what ctrl+s does

    def action_save(self) -> None:  # each form reads and checks its own fields
        raise NotImplementedError

    _warned_unsaved = False

    def action_cancel(self) -> None:
        """Escape. A form with typed changes asks once (escape is also how one leaves a text
        box, so a half-filled form must not vanish on the first press)."""
        payload = getattr(self, "recovery_payload", None)
        changed = payload is not None and payload() is not None
        if changed and not self._warned_unsaved:
            self._warned_unsaved = True
            self.notify(UNSAVED, severity="warning", markup=False)  # type: ignore[attr-defined]
            return
        self.dismiss(None)  # type: ignore[attr-defined]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == self.SAVE_BUTTON_ID:
            self.action_save()
        else:
            self.dismiss(None)  # type: ignore[attr-defined]  # the Cancel button: a clear choice

    def on_input_changed(self, event: Input.Changed) -> None:
        cleaned = clean_text(event.value)
        if cleaned != event.value:  # a pasted escape sequence or control character
            event.input.value = cleaned


__all__ = ["UNSAVED", "FormDialog"]
