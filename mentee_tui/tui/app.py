"""The Textual app: four screens as modes, global keys, theme, refresh on outside change."""

from __future__ import annotations

import asyncio
import gc
import importlib
import os
import shutil
import signal
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import Notification, Notify
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Input

from mentee_tui.domain.text import sentence
from mentee_tui.model import Settings
from mentee_tui.storage import Clock, InvalidInput, NotFound, StorageError, Store
from mentee_tui.storage.config import (
    LoadedConfig,
    load_config,
    no_config,
    save_theme,
    settings_defaults,
)
from mentee_tui.storage.paths import resolve_db_path
from mentee_tui.tui.recovery import offer_recoveries, save_for_hangup
from mentee_tui.tui.resources import sheet
from mentee_tui.tui.results import Done
from mentee_tui.tui.screens.base import MenteeScreen
from mentee_tui.tui.screens.home_screen import HomeScreen
from mentee_tui.tui.stylesheet import ThemedStylesheet
from mentee_tui.tui.widgets.nav_bar import SCREENS
from mentee_tui.tui.writes import BackgroundWrites

T = TypeVar("T")
GLOBAL_ACTIONS = {"switch", "help", "quit"}
POLL_SECONDS = 2.0
# At the latest this long after the app mounts, the garbage collector paused for the
# start (`cli._run_tui`) runs again.
COLLECTOR_GRACE_SECONDS = 3.0
# A write waiting this long for another session's lock says so (a shorter wait goes unseen).
WAIT_SHOWN_AFTER = 0.3
WAITING_MESSAGE = "Waiting for the database (another session is writing)… escape gives up"


def _screen(module: str, name: str) -> Screen:
    """A new screen from `mentee_tui.tui.screens.<module>`, imported on first use."""
    return getattr(importlib.import_module(f"mentee_tui.tui.screens.{module}"), name)()


class MenteeApp(App[int]):
    TITLE = "mentee-tui"
    CSS_PATH = sheet("app")  # shared; each screen and dialog brings its own (resources.sheet)
    # The app opens on Home; the other screens' modules load when first switched to.
    MODES = {
        "home": HomeScreen,
        "reflection": lambda: _screen("reflection_screen", "ReflectionScreen"),
        "tracker": lambda: _screen("tracker_screen", "TrackerScreen"),
        "calendar": lambda: _screen("calendar_screen", "CalendarScreen"),
    }
    # App level holds only quit, help and screen switching; screens own the rest.
    # 1-4 stay out of the footer: the nav bar at the top already shows them.
    BINDINGS = [
        Binding("1", "switch('home')", "Home", show=False, id="app.home"),
        Binding("2", "switch('reflection')", "Reflection", show=False, id="app.reflection"),
        Binding("3", "switch('tracker')", "Tracker", show=False, id="app.tracker"),
        Binding("4", "switch('calendar')", "Calendar", show=False, id="app.calendar"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("escape", "leave_editor", "Leave text box", show=False, id="app.leave_editor"),
        # Only while a write waits for the lock (see `check_action`), wherever the focus is.
        Binding("escape", "give_up", "Give up waiting for the database", show=False,
                priority=True, id="app.give_up"),
    ]

    def __init__(self, store: Store, demo_folder: Path | None = None,
                 config: LoadedConfig | None = None) -> None:
        super().__init__()
        self.stylesheet = ThemedStylesheet(variables=self.get_css_variables())
        # The config file (`storage.config`): a theme, a keymap; a bad file is the defaults
        # and one warning.
        self.config = config if config is not None else no_config()
        if self.config.config.keymap:
            self.set_keymap(self.config.config.keymap)
        self.store = store
        self._last_signature = store.signature()
        # `--demo`: a throwaway folder, removed when the app quits (the command line) or
        # hangs up (here, since `hang_up` ends in os._exit, which skips every `finally`).
        self.demo_folder = demo_folder
        self.writes = BackgroundWrites(self._outcome, self.call_after_refresh)
        self._wait_watch: Timer | None = None  # looks for a write waiting on the lock
        self._waiting: Notification | None = None  # the "Waiting for the database" note

    # -- lifecycle -------------------------------------------------------------
    def on_mount(self) -> None:
        theme = self.config.config.theme or self.store.settings.get().theme
        if theme in self.available_themes:
            self.theme = theme
        elif self.config.config.theme:
            self.notify(f"{self.config.where('theme')}: no theme {theme!r}; "
                        f"known: {', '.join(sorted(self.available_themes))}",
                        title="Config", severity="warning", markup=False, timeout=10)
        if self.config.problem:
            self.notify(self.config.problem, title="Config", severity="warning", markup=False,
                        timeout=10)
        if self.config.config.keymap:
            self.call_after_refresh(self._check_keymap)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.switch_mode("home")
        for warning in self.store.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=8)
        self.set_interval(POLL_SECONDS, self._poll_store)
        self._install_hangup_handlers()
        self.call_after_refresh(offer_recoveries, self)  # forms a hang-up left unsaved
        # Home normally turns the collector back on (keep_loaded); this, when it cannot
        # (the file could not be read).
        self.set_timer(COLLECTOR_GRACE_SECONDS, resume_collector)

    def keep_loaded(self) -> None:
        """A screen has just shown what it loaded (MenteeScreen, after the frame that shows
        it). That, like everything loaded at start (modules, 10,000 typed records), lives
        until the file changes: keep it out of the garbage collector's full passes, which
        would otherwise walk every one of those objects and stall a keystroke (~30 ms on
        the first move at 2,000 candidates, 60-80 ms every few moves at 10,000).
        The young generations are collected first (a few ms), so the build's own garbage
        is freed rather than kept.

        The first time, the collector is still off for the start (`cli._run_tui`): then
        everything is young and a collection would walk it all, so it is frozen as it
        is (the start leaves a few thousand objects of garbage) and the collector
        turned on."""
        if not gc.isenabled():
            resume_collector()
            return
        gc.collect(1)
        gc.freeze()

    def _remember_theme(self, theme: Any) -> None:
        name = getattr(theme, "name", str(theme))
        if self.store.settings.get().theme != name:
            self.write_in_background(self.store.settings.update, theme=name)
        loaded = self.config
        if loaded.exists and not loaded.problem and loaded.config.theme != name:
            try:
                save_theme(loaded.path, name)  # the file's theme wins at start: keep it right
            except (OSError, ValueError) as exc:
                self.notify(f"{loaded.path}: the theme could not be saved there ({exc})",
                            title="Config", severity="warning", markup=False)
            else:
                loaded.config.theme = name

    def _check_keymap(self) -> None:
        from mentee_tui.tui.keymap import unknown_ids

        for binding_id in unknown_ids(self.config.config.keymap):
            self.notify(f"{self.config.where('keymap.' + binding_id)}: no key binding has the "
                        f"id {binding_id!r} (? lists the keys; the README lists the ids)",
                        title="Config", severity="warning", markup=False, timeout=10)

    def on_notify(self, event: Notify) -> None:
        """One notification at a time: toasts never pile up over the board or help.

        A new notification replaces every one on screen except errors. An error stays
        until its own timeout, so it is never lost: later notices show beside it, not
        instead of it, and a new error replaces only the same error repeated. Runs on the
        UI thread, just before Textual adds the new one, whatever thread called `notify`.
        """
        new = event.notification
        for shown in list(self._notifications):
            repeated = new.severity == "error" and (shown.title, shown.message) == (
                new.title, new.message)
            if shown.severity != "error" or repeated:
                self._unnotify(shown, refresh=False)

    # -- storage ------------------------------------------------------------------
    def attempt(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> Done[T] | None:
        """Run one storage action now: `Done(result)`, or None when it failed, which the
        person has then been told about (a clear notification, never a crash). A result
        that is itself None ("no mentorship") comes back as Done(None), never as a failure."""
        future: Future[T] = Future()
        try:
            future.set_result(func(*args, **kwargs))
        except (InvalidInput, NotFound, StorageError) as exc:
            future.set_exception(exc)
        return self._outcome(future)

    def write_in_background(self, func: Callable[..., T], *args: Any,
                            then: Callable[[Done[T] | None], None] | None = None,
                            **kwargs: Any) -> None:
        """The same, on the writer thread (see `writes`): typing and the board never wait
        for the disk, nor for another session's lock (a wait is shown after a moment, and
        escape gives it up: nothing written). `then` gets the outcome on the UI thread.

        Every write a key asks for comes this way."""
        def finished(outcome: Done[T] | None) -> None:
            if not self.writes.pending:
                self._show_waiting(False)
                self.store.give_up_waiting(False)  # the next write waits again
            if then is not None:
                then(outcome)

        self.writes.submit(func, *args, then=finished, **kwargs)
        if self._wait_watch is None:
            self._wait_watch = self.set_interval(0.1, self._watch_lock_wait)

    def _watch_lock_wait(self) -> None:
        since = self.store.waiting_since()
        self._show_waiting(since is not None and time.monotonic() - since >= WAIT_SHOWN_AFTER)
        if not self.writes.pending and self._wait_watch is not None:
            self._wait_watch.stop()
            self._wait_watch = None

    def _show_waiting(self, waiting: bool) -> None:
        if waiting and self._waiting is None:
            self._waiting = Notification(WAITING_MESSAGE, title="Database", severity="warning",
                                         timeout=3600, markup=False)
            self.post_message(Notify(self._waiting))
        elif not waiting and self._waiting is not None:
            # After the note's own Notify in the app's queue: a wait that ends at once
            # must not leave the note behind for good.
            self.call_later(self._drop_note, self._waiting)
            self._waiting = None

    def _drop_note(self, note: Notification) -> None:
        if note in self._notifications:
            self._unnotify(note)

    @property
    def waiting_for_lock(self) -> bool:
        """Whether the "Waiting for the database" note is up (escape gives up)."""
        return self._waiting is not None

    def action_give_up(self) -> None:
        """Escape while a write waits for the lock: it ends in GaveUp, reported as an error."""
        self.store.give_up_waiting()

    def _outcome(self, future: Future[T]) -> Done[T] | None:
        """A finished storage action as Done, or None after telling the person why not."""
        try:
            result = future.result()
        except (InvalidInput, NotFound) as exc:
            self.notify(sentence(exc), severity="warning", markup=False)
            return None
        except StorageError as exc:
            self.notify(str(exc), title="Database", severity="error", markup=False, timeout=10)
            return None
        return Done(result)

    def _poll_store(self) -> None:
        """Another process (a second SSH login, the command line) wrote: show its changes."""
        signature = self.store.signature()
        if signature == self._last_signature:
            return
        # This session's own writes alone are no outside change; but one written after
        # another session's must not hide it (the screen would never show that change).
        outside = self.store.changed_elsewhere(self._last_signature)
        self._last_signature = signature
        if not outside:
            return
        if isinstance(self.screen, ModalScreen):
            return  # refresh when the modal closes
        if isinstance(self.screen, MenteeScreen):
            self.screen.refresh_from_store()  # a damaged file is reported there

    # -- hang-up --------------------------------------------------------------------
    def _install_hangup_handlers(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self.hang_up)
        except (NotImplementedError, RuntimeError, AttributeError):
            pass  # not on the main thread (tests) or not on POSIX

    def get_driver_class(self):
        """On POSIX, a driver that also treats the terminal's input closing as a hang-up."""
        from textual import constants

        if constants.DRIVER is None and os.name == "posix":
            from mentee_tui.tui.hangup import HangUpDriver

            return HangUpDriver
        return super().get_driver_class()

    def installed_screens(self) -> Iterable[Screen]:
        for stack in self._screen_stacks.values():
            yield from stack

    def hang_up(self) -> None:
        """The terminal is gone: save what was typed and leave at once, writing nothing to it."""
        try:
            if self.writes.pending:
                # A write waiting for another session's lock would hold the exit up to its
                # lock timeout: give it up (it was never reported done), then save as usual.
                self.store.give_up_waiting()
                self.writes.drain()
                self.store.give_up_waiting(False)
            save_for_hangup(self)  # each screen's text, and every open form for next time
        finally:
            if self.demo_folder is not None:
                shutil.rmtree(self.demo_folder, ignore_errors=True)
            os._exit(0)

    # -- global keys ------------------------------------------------------------------
    def _editor_focused(self) -> bool:
        # TextArea (and its document model) is imported by the first screen or dialog that
        # shows one, not at start: before that, no text box can have the focus.
        text_area = sys.modules.get("textual.widgets._text_area")
        editors = (Input, text_area.TextArea) if text_area is not None else (Input,)
        return isinstance(self.focused, editors)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in GLOBAL_ACTIONS:
            if isinstance(self.screen, ModalScreen) or self._editor_focused():
                return False
        if action == "leave_editor" and not self._editor_focused():
            return False
        if action == "give_up":
            return self.waiting_for_lock
        return True

    def action_switch(self, mode: str) -> None:
        if self.current_mode != mode:
            self.switch_mode(mode)

    def open_in(self, mode: str, record_id: int) -> None:
        """Switch to `mode` showing that record (a card on the tracker, a meeting on the
        calendar): what `enter` on a line of Home does."""
        self.action_switch(mode)
        screen = self.screen
        if isinstance(screen, MenteeScreen):
            screen.arrive_at = record_id

    def action_leave_editor(self) -> None:
        self.screen.set_focus(None)

    def own_bindings(self, node) -> list[Binding]:
        """The bindings a screen (or the app) declares itself, with ids and descriptions.

        Read from the binding map rather than `active_bindings`, so a screen key that a
        focused widget shadows (enter on a list) is still listed.
        """
        found: list[Binding] = []
        keymap = self.config.config.keymap
        for bindings in node._bindings.key_to_bindings.values():
            for binding in bindings:
                if not (binding.id and binding.description):
                    continue
                # A key the config's [keymap] moved: listed as the keys it has now.
                if binding.id in keymap:
                    shown_as = [replace(binding, key=key.strip(), key_display=None)
                                for key in keymap[binding.id].split(",")]
                else:
                    shown_as = [binding]
                for shown in shown_as:
                    if shown not in found:
                        found.append(shown)
        return found

    def action_help(self) -> None:
        screen = self.screen
        # One line per action: aliases (u and ctrl+z, d and delete) share it.
        rows: dict[tuple[int, str], tuple[list[str], str]] = {}
        for node in (screen, self):
            for binding in self.own_bindings(node):
                if node.check_action(binding.action.split("(")[0], ()) is False:
                    continue
                shown, _ = rows.setdefault((id(node), binding.action), ([], binding.description))
                display = self.get_key_display(binding)
                if display not in shown:
                    shown.append(display)
        keys = [(" / ".join(shown), description) for shown, description in rows.values()]
        keys.append(("^p", "Command palette: every action, searchable"))
        title = next((t for _, mode, t in SCREENS if mode == self.current_mode), "this screen")
        where = str(self.store.path) + (" (demo: removed when you quit)" if self.demo_folder else "")
        from mentee_tui.tui.screens.help_screen import HelpScreen

        self.push_screen(HelpScreen(title, keys, where), self._after_help)

    def _after_help(self, result: str | None) -> None:
        if result == "settings":
            self.action_settings()

    def action_settings(self) -> None:
        done = self.attempt(self.store.settings.get)
        if done is None:
            return
        settings = done.value
        from mentee_tui.tui.dialogs.settings_modal import SettingsModal

        self.push_screen(SettingsModal(settings, sorted(self.available_themes)), self._save_settings)

    def _save_settings(self, settings: Settings | None) -> None:
        if settings is None:
            return

        def saved(done: Done[Settings] | None) -> None:
            if done is None:
                return
            if done.value.theme in self.available_themes and done.value.theme != self.theme:
                self.theme = done.value.theme
            self.notify("Settings saved.")
            if isinstance(self.screen, MenteeScreen):
                self.screen.refresh_from_store()

        self.write_in_background(self.store.settings.update, then=saved, **settings.to_dict())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for key, mode, title in SCREENS:
            yield SystemCommand(f"Go to {title}", f"Switch to the {title} screen ({key})",
                                lambda mode=mode: self.action_switch(mode))
        yield SystemCommand("Help", "List every key of this screen (?)", self.action_help)
        yield SystemCommand(
            "Settings", "Follow-up days, meeting defaults, time zone, theme", self.action_settings
        )
        # Every action a screen binds is in the palette too, from the same binding data.
        if not isinstance(screen, ModalScreen):
            seen: set[str] = set()
            for binding in self.own_bindings(screen):
                if binding.action in seen:
                    continue
                seen.add(binding.action)
                yield SystemCommand(
                    binding.description,
                    f"{binding.description} ({self.get_key_display(binding)})",
                    lambda action=binding.action: self.run_action(action, screen),
                )
        yield from super().get_system_commands(screen)


def resume_collector() -> None:
    """Turn the garbage collector back on if the start paused it, keeping what the start
    loaded out of its passes (frozen)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def make_app(
    db_path: str | os.PathLike[str] | None = None,
    now: Clock | None = None,
    store: Store | None = None,
    demo_folder: str | os.PathLike[str] | None = None,
    config: LoadedConfig | None = None,
) -> MenteeApp:
    """The one factory used by the command line and every test.

    `config`: the config file as loaded (default: `load_config()`, the file at
    $MENTEE_TUI_CONFIG or in the platform config folder).

    `now` fixes the clock of the store it opens at `db_path`; a `store` given ready-made
    brings its own clock (one clock: giving both is a mistake).
    """
    loaded = config if config is not None else load_config()
    if store is None:
        store = Store(Path(resolve_db_path(db_path)), now=now,
                      settings_defaults=settings_defaults(loaded.config))
    elif now is not None:
        raise ValueError("make_app: give the clock to the store, not beside it")
    return MenteeApp(store, Path(demo_folder) if demo_folder is not None else None, loaded)
