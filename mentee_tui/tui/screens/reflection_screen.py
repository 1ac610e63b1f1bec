"""Reflection: one editor per prompt with its guidance, autosaved, with dated revisions.

The screen opens on the prompt list: no editor has the keys, so 1-4, ? and q act at once,
and ↑↓ (or tab) pick a prompt. `enter` starts writing in the one picked and `escape`
comes back to the list. Both are priority bindings: they move the focus before the next
key is delivered, so a burst of keys after them (a slow link, a paste) lands where it was
meant, and the `enter` that opens an editor is never typed into it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import TextArea

from mentee_tui.domain.reflection import PROMPTS
from mentee_tui.domain.timezones import person_zone
from mentee_tui.model import Reflection, Revision
from mentee_tui.storage.recovery import HANG_UP_LOCK_SECONDS
from mentee_tui.tui.dialogs.revisions_modal import RevisionsModal
from mentee_tui.tui.external_editor import EditorFailed, edit_text
from mentee_tui.tui.results import Done
from mentee_tui.tui.screens.base import MenteeScreen
from mentee_tui.tui.widgets.hint_line import HintLine
from mentee_tui.tui.widgets.prompt_editor import AnswerArea, PromptEditor
from mentee_tui.tui.resources import sheet

AUTOSAVE_SECONDS = 1.5
LIST_HINT = "↑↓ or tab pick a prompt · enter write the answer · 1-4 other screens"


class PromptList(VerticalScroll, can_focus=False):
    """Scrolls the prompts; never takes the arrow keys from the screen's list cursor."""


class ReflectionScreen(MenteeScreen):
    CSS_PATH = sheet("reflection")
    MODE = "reflection"
    AUTO_FOCUS = ""  # arrive on the list, not in an editor
    BINDINGS = [
        Binding("enter", "edit", "Write the answer", priority=True, id="reflection.edit"),
        Binding("escape", "leave_answer", "Back to the prompts", priority=True,
                id="reflection.leave"),
        Binding("ctrl+o", "external_editor", "Open in $EDITOR", id="reflection.external_editor"),
        Binding("ctrl+r", "revisions", "Revisions", id="reflection.revisions"),
        Binding("o", "external_editor", "Open in $EDITOR", show=False, id="reflection.external_editor_o"),
        Binding("r", "revisions", "Revisions", show=False, id="reflection.revisions_r"),
        Binding("down", "pick(1)", "Next prompt", show=False, id="reflection.down"),
        Binding("up", "pick(-1)", "Previous prompt", show=False, id="reflection.up"),
        Binding("j", "pick(1)", "Next prompt", show=False, id="reflection.j"),
        Binding("k", "pick(-1)", "Previous prompt", show=False, id="reflection.k"),
        # Priority, like enter: in an answer, the next key already goes to the next one.
        Binding("tab", "next_prompt(1)", "Next prompt", show=False, priority=True,
                id="reflection.tab"),
        Binding("shift+tab", "next_prompt(-1)", "Previous prompt", show=False, priority=True,
                id="reflection.shift_tab"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._autosave_timers: dict[str, Timer] = {}
        self._current_key = PROMPTS[0].key  # the answer last edited: r, o and enter act on it
        self._saving: dict[str, int] = {}  # prompt key -> saves queued and not yet done

    def compose_body(self) -> ComposeResult:
        done = self.mentee_app.attempt(self.store.reflections.all)
        found = done.value if done is not None else {}
        # Kept as plain references too, so the answers can still be saved while the app
        # shuts down and the widgets are already leaving the DOM.
        self._editors = {
            prompt.key: PromptEditor(
                prompt, number, len(PROMPTS), found[prompt.key].text if prompt.key in found else ""
            )
            for number, prompt in enumerate(PROMPTS, start=1)
        }
        with PromptList(id="reflection-body"):
            yield from self._editors.values()
        yield HintLine(id="reflection-hint")

    def on_mount(self) -> None:
        self.editor(self._current_key).selected = True
        self._show_mode()

    def entered(self) -> None:
        # Every arrival is on the list, the answer last written in picked; closing a
        # dialog leaves the focus where the person had put it.
        self.set_focus(None)
        self.pick(self._current_key)

    # -- the list and the editor ----------------------------------------------------------
    @property
    def writing(self) -> bool:
        """An answer's editor has the keys (else the list does)."""
        return isinstance(self.focused, AnswerArea)

    @property
    def hint(self) -> HintLine:
        return self.query_one("#reflection-hint", HintLine)

    def pick(self, key: str) -> None:
        """Put the list's cursor on a prompt and bring it into view."""
        self.editor(self._current_key).selected = False
        self._current_key = key
        editor = self.editor(key)
        editor.selected = True
        editor.scroll_visible(animate=False)

    def _show_mode(self) -> None:
        self.set_class(not self.writing, "-browsing")
        if self.writing:
            title = self.editor(self._current_key).prompt.title
            self.hint.show_hint(f"Writing “{title}” · escape back to the prompts")
        else:
            self.hint.show_hint(LIST_HINT)

    def refuse(self, reason: str) -> None:
        self.hint.say(reason)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "pick"):
            return not self.writing  # in an answer, enter and the arrows belong to it
        if action == "leave_answer":
            return self.writing
        return True

    # -- the editors ------------------------------------------------------------------
    def editors(self) -> list[PromptEditor]:
        return list(self._editors.values())

    def editor(self, key: str) -> PromptEditor:
        return self._editors[key]

    def current_editor(self) -> PromptEditor:
        focused = self.focused
        if isinstance(focused, AnswerArea):
            self._current_key = focused.prompt_key
        return self.editor(self._current_key)

    @on(TextArea.Changed, ".answer")
    def _typed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        if not isinstance(area, AnswerArea):
            return
        editor = self.editor(area.prompt_key)
        if not editor.dirty:
            editor.state = "saved"
            return
        editor.state = "unsaved"
        editor.needs_revision = True
        # Debounce: save once typing has stopped for a moment.
        timer = self._autosave_timers.pop(editor.key, None)
        if timer is not None:
            timer.stop()
        self._autosave_timers[editor.key] = self.set_timer(
            AUTOSAVE_SECONDS, lambda key=editor.key: self.autosave(key)
        )

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, AnswerArea):
            self.pick(event.widget.prompt_key)
        self._show_mode()

    def on_descendant_blur(self, event) -> None:
        # Leaving an answer keeps a dated revision of it (if it changed).
        if isinstance(event.widget, AnswerArea):
            self.save(event.widget.prompt_key, revision=True)
        self._show_mode()

    def on_screen_suspend(self) -> None:
        # Leaving the screen (another mode, or a dialog on top) saves every answer.
        for editor in self.editors():
            self.save(editor.key, revision=True)

    # -- saving -------------------------------------------------------------------------
    def autosave(self, key: str) -> None:
        """Save the working copy now, on the writer thread (the title says "saving" only
        if that takes a while: see `PromptEditor`)."""
        editor = self.editor(key)
        if not editor.dirty:
            return
        editor.state = "saving"
        self.save(key, False)

    def save(self, key: str, revision: bool = False,
             then: Callable[[bool], None] | None = None, restored_from: str = "") -> None:
        """Write one answer if it changed (or needs its revision), on the writer thread:
        typing goes on meanwhile. `then(saved)` runs once it is stored (False: it failed).
        `restored_from`: the date of the revision this text restores (kept with it).

        Every save of the screen goes through the one queue, in order, and each one's
        `base` is what the one before it sends, so no save is mistaken for another
        session's change.
        """
        timer = self._autosave_timers.pop(key, None)
        if timer is not None:
            timer.stop()
        editor = self.editor(key)
        # Dirty counts too: in a burst of keys the editor can be left before its Changed
        # message has marked it (the storage keeps no revision of an unchanged text).
        wants_revision = revision and (editor.needs_revision or editor.dirty)
        if not editor.dirty and not wants_revision:
            if editor.state == "saving" and key not in self._saving:
                editor.state = "saved"
            if then is not None:
                then(True)
            return
        text, base = editor.text, editor.saved_text
        editor.saved_text = text  # what the store holds once this write is done
        if wants_revision:
            editor.needs_revision = False
        self._saving[key] = self._saving.get(key, 0) + 1
        overwritten: list[str] = []

        def stored(done: Done[Reflection] | None) -> None:
            self._saving[key] -= 1
            if not self._saving[key]:
                del self._saving[key]
            if done is None:
                editor.saved_text = base if editor.saved_text == text else editor.saved_text
                editor.needs_revision = editor.needs_revision or wants_revision
                editor.state = "unsaved"
            else:
                self._stored(editor, text, done.value, overwritten)
            if then is not None:
                then(done is not None)

        self.mentee_app.write_in_background(
            self.store.reflections.save, key, text, revision=wants_revision, base=base,
            overwritten=overwritten, then=stored, restored_from=restored_from,
        )

    def _stored(self, editor: PromptEditor, sent: str, saved: Reflection,
                overwritten: list[str]) -> None:
        """A save is done: say if another session had changed the answer, and show what
        the store holds unless the person typed on meanwhile (their words win)."""
        if overwritten and saved.text != sent:
            self.notify(
                f"Another session changed “{editor.prompt.title}” meanwhile: its text is shown "
                "now, yours is kept as a revision (ctrl+r).", severity="warning", markup=False,
            )
        elif overwritten:
            self.notify(
                f"Another session had changed “{editor.prompt.title}”: its text is kept as a "
                "revision (ctrl+r shows it).", severity="warning", markup=False,
            )
        if editor.key in self._saving or editor.text != sent:
            return  # typed on (or saved again) meanwhile: the next save carries on from here
        editor.stored(saved.text)

    def save_for_hangup(self, lock_timeout: float | None = HANG_UP_LOCK_SECONDS) -> None:
        """The terminal is gone: write every answer now, in one write, with a revision,
        waiting only briefly if another session holds the lock. Saves still queued are
        written first (their outcome no longer matters to the screen)."""
        self.mentee_app.writes.drain()
        editors = [e for e in self.editors() if e.dirty or e.needs_revision]
        if editors:
            self.store.reflections.save_many(
                {e.key: e.text for e in editors}, revision=True, lock_timeout=lock_timeout,
                bases={e.key: e.saved_text for e in editors},
            )

    def on_unmount(self) -> None:
        # Quitting (ctrl+q, or q after escape) must not lose the last words typed; the
        # terminal is still there, so it may wait for the lock as long as any save does.
        try:
            self.save_for_hangup(lock_timeout=None)
        except Exception:  # noqa: BLE001 - the app is closing; nowhere left to report it
            pass

    def load_from_store(self) -> None:
        """Show answers another process changed, but never replace what the user is typing."""
        found = self.store.reflections.all()
        focused = self.focused
        for editor in self.editors():
            stored = found[editor.key].text
            if stored == editor.saved_text:
                continue
            editing = editor.area is focused and editor.needs_revision
            if editor.dirty or editing or editor.key in self._saving:
                continue  # the user's own words win; they are saved when they leave
            editor.saved_text = stored
            editor.show_text(stored)
            editor.state = "saved"

    # -- actions --------------------------------------------------------------------------
    def action_edit(self) -> None:
        # set_focus, not focus(): the focus moves now, before the next key is delivered.
        self.hint.clear_message()
        self.set_focus(self.editor(self._current_key).area)

    def action_leave_answer(self) -> None:
        self.hint.clear_message()
        self.set_focus(None)

    def action_pick(self, step: int) -> None:
        keys = list(self._editors)
        index = keys.index(self._current_key) + step
        if not 0 <= index < len(keys):
            self.refuse("That is the first prompt." if index < 0 else "That is the last prompt.")
            return
        self.hint.clear_message()
        self.pick(keys[index])

    def action_next_prompt(self, step: int) -> None:
        """tab / shift+tab: the next prompt on the list, or the next answer's editor, round."""
        keys = list(self._editors)
        key = keys[(keys.index(self._current_key) + step) % len(keys)]
        if self.writing:
            self.set_focus(self.editor(key).area)
        else:
            self.pick(key)

    def action_revisions(self) -> None:
        editor = self.current_editor()
        self.save(editor.key, revision=True, then=lambda saved: self._show_revisions(editor))

    def _show_revisions(self, editor: PromptEditor) -> None:
        done = self.mentee_app.attempt(self.store.reflections.get, editor.key)
        if done is None:
            return
        reflection = done.value
        if not reflection.revisions:
            self.refuse(f"No revisions of “{editor.prompt.title}” yet: leaving a changed "
                        "answer keeps one.")
            return
        settings = self.mentee_app.attempt(self.store.settings.get)
        zone = person_zone(settings.value if settings is not None else None)
        self.app.push_screen(
            RevisionsModal(editor.prompt, reflection.revisions, zone, now=self.store.now(),
                           current_text=reflection.text),
            lambda revision, key=editor.key: self._restore(key, revision),
        )

    def _restore(self, key: str, revision: Revision | None) -> None:
        editor = self.editor(key)
        if revision is None:
            return
        if revision.text == editor.text:
            self.refuse("That revision is the answer's text already: nothing to restore.")
            return
        editor.show_text(revision.text)
        editor.needs_revision = True
        self.save(key, revision=True, restored_from=revision.at)
        self.hint.say("Revision restored; the answer before it is kept as a revision too.")

    def action_external_editor(self) -> None:
        editor = self.current_editor()
        self.save(editor.key, revision=True)
        edited: str | None = None
        failure: EditorFailed | None = None
        try:
            with self.app.suspend():
                # Nothing may escape this block: Textual resumes the app only when it ends
                # normally, and a failed editor would leave a blank, dead screen.
                try:
                    edited = edit_text(editor.text)
                except EditorFailed as exc:
                    failure = exc
        except SuspendNotSupported:
            self.notify(
                "This terminal cannot hand over to another editor.", severity="warning", markup=False
            )
            return
        if failure is not None or edited is None:
            self.notify(str(failure), severity="warning", markup=False)
            return
        self.apply_external_edit(editor.key, edited)

    def apply_external_edit(self, key: str, edited: str) -> None:
        """Put the text back from the outside editor and keep it as a revision."""
        editor = self.editor(key)
        if edited != editor.text:
            editor.show_text(edited)
            editor.needs_revision = True
        self.save(key, revision=True)
