"""Storage writes on one background thread, in the order they were asked for.

Serialising and saving a large database takes tens of milliseconds; on the UI thread
that would freeze typing (an autosave) or the board (a move). Here the write runs on a
single worker thread, first in first out, so a second move decided after a first one is
also written after it; its outcome comes back on the UI thread as `Done(result)`, or None
after the person was told what went wrong (see `MenteeApp.attempt`, the synchronous kind).

A write waits for the frame that shows it: the key's change is drawn first, and only then
does the writer thread start serialising (both need the interpreter; on a busy machine a
write that ran alongside the frame would hold up the very repaint it follows). It waits at
most `FRAME_WAIT` seconds, and not at all once something waits for the writes to finish.
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from mentee_tui.tui.results import Done

T = TypeVar("T")

FRAME_WAIT = 0.25


class BackgroundWrites:
    def __init__(self, deliver: Callable[[Future[Any]], Done[Any] | None],
                 after_refresh: Callable[[Callable[[], None]], bool] | None = None) -> None:
        """`deliver` turns a finished future into Done or None on the UI thread (the app's
        error handling); `after_refresh(callback)` calls back once the screen has been
        drawn (False: it will not be), None: writes start at once. The thread starts with
        the first write."""
        self._deliver = deliver
        self._after_refresh = after_refresh
        self._executor: ThreadPoolExecutor | None = None
        self._pending = 0
        self._gates: set[threading.Event] = set()  # writes waiting for their frame

    @property
    def pending(self) -> int:
        return self._pending

    def submit(self, func: Callable[..., T], *args: Any,
               then: Callable[[Done[T] | None], None] | None = None, **kwargs: Any) -> None:
        """Run `func(*args, **kwargs)` after every write submitted before it; then call
        `then` with its outcome on the UI thread. Call from the UI thread."""
        loop = asyncio.get_running_loop()
        # `then` runs in the UI's own context (Textual's active app, message pump…), not the
        # writer thread's: a `then` that opens a dialog composes it with the app at hand.
        context = contextvars.copy_context()
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mentee-write")
        self._pending += 1
        gate = threading.Event()
        self._gates.add(gate)

        def after_the_frame() -> T:  # on the writer thread
            gate.wait(FRAME_WAIT)
            self._gates.discard(gate)
            return func(*args, **kwargs)

        future = self._executor.submit(after_the_frame)
        if self._after_refresh is None or not self._after_refresh(gate.set):
            gate.set()

        def finished(done_future: Future[Any]) -> None:  # on the writer thread
            try:
                loop.call_soon_threadsafe(self._finish, done_future, then, context=context)
            except RuntimeError:
                pass  # the app has closed its loop: the write itself is on disk

        future.add_done_callback(finished)

    def _finish(self, future: Future[Any], then: Callable[[Any], None] | None) -> None:
        self._pending -= 1
        outcome = self._deliver(future)
        if then is not None:
            then(outcome)

    def drain(self) -> None:
        """Block until every write asked for so far is on disk (a hang-up, before its own
        last write). Their outcomes are delivered later, if the app is still there."""
        self._open_gates()
        if self._executor is not None:
            self._executor.submit(lambda: None).result()

    async def settled(self) -> None:
        """Wait until every write submitted so far is done and its outcome delivered."""
        while self._pending:
            await asyncio.sleep(0.005)

    def close(self) -> None:
        """Finish the writes already asked for (nothing is lost on quit), then stop."""
        self._open_gates()
        if self._executor is not None:
            self._executor.shutdown(wait=True)

    def _open_gates(self) -> None:
        for gate in list(self._gates):
            gate.set()


__all__ = ["BackgroundWrites"]
