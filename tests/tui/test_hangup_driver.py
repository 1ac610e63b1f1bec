"""The hang-up driver (tui/hangup.py) against the Textual it was written for.

It copies Textual's private `LinuxDriver.run_input_thread` and adds the end of input; an
upgrade of Textual that changes that method must fail here, loudly, until someone has
compared the two again. The driver's input thread must end on the end of input, where
Textual's own keeps selecting a closed descriptor and burns a core.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import signal
import sys
import threading
import time
from importlib.metadata import version

import pytest
from textual.drivers.linux_driver import LinuxDriver

from mentee_tui.tui.app import make_app
from mentee_tui.tui.hangup import HangUpDriver

# The Textual release the driver was copied from, and the hash of the method it copies.
TEXTUAL = "8.2.8"
RUN_INPUT_THREAD_SHA256 = "d796af6d69db337d6fa6bd463984f7d17188d991dbb22f60efb92a8a9619507c"


def test_textual_still_has_the_input_loop_the_driver_copies():
    source = inspect.getsource(LinuxDriver.run_input_thread)
    assert version("textual") == TEXTUAL and (
        hashlib.sha256(source.encode()).hexdigest() == RUN_INPUT_THREAD_SHA256
    ), (
        "Textual changed LinuxDriver.run_input_thread: compare it with "
        "HangUpDriver.run_input_thread (mentee_tui/tui/hangup.py), port the change, then "
        "record the new version and hash here"
    )
    # The private names the driver relies on are all still there.
    from textual._loop import loop_last  # noqa: F401
    from textual._parser import ParseError  # noqa: F401
    from textual._xterm_parser import XTermParser  # noqa: F401

    assert issubclass(HangUpDriver, LinuxDriver)
    for name in ("fileno", "exit_event", "_app", "_debug"):
        assert name in inspect.getsource(LinuxDriver.__init__) + inspect.getsource(
            LinuxDriver.__mro__[1].__init__), name


def test_the_app_runs_on_the_hang_up_driver(monkeypatch, db_path):
    from textual import constants

    monkeypatch.setattr(constants, "DRIVER", None)
    assert make_app(db_path).get_driver_class() is HangUpDriver


class _App:
    """Just what a driver's input thread touches, and a record of the hang-up."""

    def __init__(self) -> None:
        self.later: list = []

    def hang_up(self) -> None:
        raise AssertionError("the driver must not hang up on its own thread")

    def call_later(self, callback) -> None:
        self.later.append(callback)


def _thread_cpu(thread: threading.Thread) -> float:
    with open(f"/proc/self/task/{thread.native_id}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _input_thread_after_end_of_input(driver_class, monkeypatch):
    """Start `driver_class`'s input thread on a pipe, close the pipe's writing end.
    (A driver is made inside the app's event loop: the tests calling this are async.)"""
    read_end, write_end = os.pipe()
    monkeypatch.setattr(sys, "__stdin__", os.fdopen(read_end, "rb", closefd=False))
    app = _App()
    driver = driver_class(app)  # it installs SIGTSTP/SIGCONT handlers: see the fixture
    assert driver.fileno == read_end
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    thread.start()
    os.close(write_end)
    return app, driver, thread, read_end


async def test_the_end_of_input_ends_the_input_thread_and_asks_the_app_to_hang_up(monkeypatch):
    app, driver, thread, read_end = _input_thread_after_end_of_input(HangUpDriver, monkeypatch)
    try:
        thread.join(timeout=10)
        assert not thread.is_alive(), "the input thread kept running on a closed input"
        assert app.later == [app.hang_up]  # on the app's own thread, through call_later
    finally:
        driver.exit_event.set()
        thread.join(timeout=10)
        os.close(read_end)


async def test_reads_split_inside_a_character_or_a_paste_lose_no_key(monkeypatch):
    """A read that ends inside a UTF-8 character decodes to "", which XTermParser takes as
    the end of input: the driver must not feed it, nor a read the paste guard holds back."""
    read_end, write_end = os.pipe()
    monkeypatch.setattr(sys, "__stdin__", os.fdopen(read_end, "rb", closefd=False))
    driver = HangUpDriver(_App())
    got: list = []
    monkeypatch.setattr(driver, "process_message", got.append)
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    thread.start()
    try:
        for piece in (b"\xc3", b"\xa9", b"\x1b[200~a\x1b", b"[31mb\x1b[201", b"~z"):
            os.write(write_end, piece)
            time.sleep(0.05)  # separate reads, as a slow link delivers them
        os.close(write_end)
        thread.join(timeout=10)
        assert not thread.is_alive()
    finally:
        driver.exit_event.set()
        thread.join(timeout=10)
        os.close(read_end)
    from textual import events

    keys = [e.character for e in got if isinstance(e, events.Key)]
    pastes = [e.text for e in got if isinstance(e, events.Paste)]
    assert keys == ["é", "z"] and pastes == ["a\x9b31mb"]


async def test_textuals_own_input_thread_spins_on_the_end_of_input(monkeypatch):
    """Why the driver exists: without it the thread lives on, selecting a closed input
    that is always ready, and its CPU time climbs (here for 0.3 s of wall time)."""
    app, driver, thread, read_end = _input_thread_after_end_of_input(LinuxDriver, monkeypatch)
    try:
        time.sleep(0.05)  # let it reach the loop
        cpu_before = _thread_cpu(thread)
        time.sleep(0.3)
        assert thread.is_alive() and app.later == []
        assert _thread_cpu(thread) - cpu_before > 0.05
    finally:
        driver.exit_event.set()
        thread.join(timeout=10)
        os.close(read_end)
    assert not thread.is_alive()


@pytest.fixture(autouse=True)
def _keep_stop_signals():
    """The drivers put their own SIGTSTP and SIGCONT handlers in place: put pytest's back."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTSTP, signal.SIGCONT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)
