"""What every save/cancel form dialog does the same way.

Mixed in before `ModalScreen`: the save button (`#save`) and any other run `action_save` and
`action_cancel` (the same as ctrl+s and escape), cancel dismisses with None, and typed or
pasted control and escape characters never reach an Input.
"""

from __future__ import annotations

from textual.widgets import Button, Input

from mentee_tui.text import clean_text


class FormDialog:
    SAVE_BUTTON_ID = "save"  # the button that does what ctrl+s does

    def action_save(self) -> None:  # each form reads and checks its own fields
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)  # type: ignore[attr-defined]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == self.SAVE_BUTTON_ID:
            self.action_save()
        else:
            self.action_cancel()

    def on_input_changed(self, event: Input.Changed) -> None:
        cleaned = clean_text(event.value)
        if cleaned != event.value:  # a pasted escape sequence or control character
            event.input.value = cleaned


__all__ = ["FormDialog"]
