"""A hang-up (SIGHUP, SIGTERM, the terminal's input closing) saves what was typed.

Each test runs the real app in a real pseudo-terminal at 80x24, types into Reflection and
then cuts the terminal off, and finds the text in the database with a revision (the autosave
alone keeps no revision, so the revision proves the hang-up path wrote it).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time

import pytest

from mentee_tui.storage import Store

TIMEOUT = 30.0
TYPED = "pty words before the hang-up"
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b.")


def _env() -> dict[str, str]:
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24", TZ="UTC")
    env.pop("MENTEE_TUI_DB", None)
    env.pop("TEXTUAL", None)
    return env


def _set_size(fd: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))


class Screen:
    """What the app has drawn so far, read from the pty's master side."""

    def __init__(self, master: int) -> None:
        self.master = master
        self.raw = ""

    def wait_for(self, needle: str, timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while needle not in ANSI.sub("", self.raw):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                pytest.fail(f"{needle!r} never appeared; screen so far: {ANSI.sub('', self.raw)[-400:]!r}")
            ready, _, _ = select.select([self.master], [], [], min(remaining, 0.5))
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    pytest.fail(f"the app closed the terminal before {needle!r} appeared")
                self.raw += chunk.decode("utf-8", "replace")

    def drain(self) -> None:
        """Keep the pty from filling up while we wait for the process to end."""
        try:
            while select.select([self.master], [], [], 0)[0] and os.read(self.master, 65536):
                pass
        except OSError:
            pass


def _wait_exit(pid: int, screen: Screen | None = None, timeout: float = TIMEOUT) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if screen is not None:
            screen.drain()
        select.select([], [], [], 0.05)  # poll the child; the condition is its exit
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    pytest.fail("the app did not exit after the hang-up")


def _spawn_in_pty(db_path) -> tuple[int, int]:
    pid, master = pty.fork()
    if pid == 0:  # the child: session leader with the pty as its controlling terminal
        try:
            _set_size(0)
            os.execvpe(sys.executable, [sys.executable, "-m", "mentee_tui", "--db", str(db_path)], _env())
        finally:
            os._exit(127)
    return pid, master


def _type_into_reflection(write, screen: Screen) -> None:
    screen.wait_for("Home")
    write(b"2")
    screen.wait_for("Career goals to achieve")
    # One write, as a slow link delivers it: enter opens the editor before the text arrives.
    write(b"\r" + TYPED.encode())
    screen.wait_for(TYPED)


def _assert_saved(db_path) -> None:
    answer = Store(db_path).reflections.get("career_goals")
    assert answer.text == TYPED
    assert answer.revisions and answer.revisions[-1].text == TYPED


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_signal_saves_the_typed_reflection_and_exits(db_path, sig):
    pid, master = _spawn_in_pty(db_path)
    screen = Screen(master)
    try:
        _type_into_reflection(lambda data: os.write(master, data), screen)
        os.kill(pid, sig)
        assert _wait_exit(pid, screen) == 0
    finally:
        os.close(master)
    _assert_saved(db_path)


def test_the_terminal_going_away_saves_the_typed_reflection(db_path):
    """An SSH connection dropping closes the pty's master side."""
    pid, master = _spawn_in_pty(db_path)
    screen = Screen(master)
    _type_into_reflection(lambda data: os.write(master, data), screen)
    os.close(master)
    assert _wait_exit(pid) == 0
    _assert_saved(db_path)


def test_the_end_of_input_alone_saves_the_typed_reflection(db_path):
    """Input that ends without any signal (a pipe closing) is a hang-up too."""
    master, slave = os.openpty()
    _set_size(slave)
    proc = subprocess.Popen(
        [sys.executable, "-m", "mentee_tui", "--db", str(db_path)],
        stdin=subprocess.PIPE, stdout=slave, stderr=slave, env=_env(), start_new_session=True,
    )
    os.close(slave)
    screen = Screen(master)
    try:
        def write(data: bytes) -> None:
            proc.stdin.write(data)
            proc.stdin.flush()

        _type_into_reflection(write, screen)
        proc.stdin.close()
        assert _wait_exit(proc.pid, screen) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    _assert_saved(db_path)


def test_a_signal_keeps_the_unsaved_candidate_form_for_the_next_start(db_path):
    """An open form with typed text goes to the recovery table, offered on the next start."""
    pid, master = _spawn_in_pty(db_path)
    screen = Screen(master)
    try:
        screen.wait_for("Home")
        os.write(master, b"3")
        screen.wait_for("Researched")
        os.write(master, b"n")
        screen.wait_for("New candidate")
        os.write(master, b"Ada in a pty")
        screen.wait_for("Ada in a pty")
        os.kill(pid, signal.SIGHUP)
        assert _wait_exit(pid, screen) == 0
    finally:
        os.close(master)
    [kept] = Store(db_path).recovery.all()
    assert kept.kind == "candidate" and kept.context["candidate_id"] is None
    assert kept.payload["name"] == "Ada in a pty"
    assert Store(db_path).candidates.all() == []  # kept aside, not saved as a card
