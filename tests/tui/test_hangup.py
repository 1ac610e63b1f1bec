"""A hang-up (SIGHUP, SIGTERM, the terminal's input closing) saves what was typed.

Every way of hanging up, against everything that can be half typed: a reflection answer (its
text must reach the database with a revision: the autosave alone keeps none, so the revision
proves the hang-up path wrote it), a new-candidate form and a decline dialog over the board
(kept in the recovery table, not saved, and offered on the next start). The real app runs in
a real pseudo-terminal at 80x24; after the hang-up it must exit at once (well within a
second), with nothing more written to the terminal and no CPU burnt on a closed input.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from dataclasses import dataclass, field

import pyte
import pytest

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store

TIMEOUT = 30.0
# Seconds from the hang-up to the exit. The app takes about 0.1 s; the bound is one
# second. The test allows five so a loaded CI machine cannot fail it, while a hang (the
# 30 s wait runs out) or a spinning input thread (the CPU check) still does.
EXIT_WITHIN = 5.0
TYPED = "pty words before the hang-up"


def _env() -> dict[str, str]:
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24", TZ="UTC")
    env.pop("MENTEE_TUI_DB", None)
    env.pop("TEXTUAL", None)
    return env


def _set_size(fd: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))


class Screen:
    """What the app shows, read from the pty's master side into a terminal emulator."""

    def __init__(self, master: int) -> None:
        self.master = master
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    def feed(self, chunk: bytes) -> None:
        self.stream.feed(chunk)

    def wait_for(self, needle: str, timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.text:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                pytest.fail(f"{needle!r} never appeared; the screen:\n{self.text}")
            ready, _, _ = select.select([self.master], [], [], min(remaining, 0.5))
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    pytest.fail(f"the app closed the terminal before {needle!r} appeared")
                self.feed(chunk)


def _cpu_seconds(pid: int) -> float:
    """utime + stime of `pid` (also readable while it is a zombie, before it is reaped)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Exit:
    code: int
    seconds: float  # from the hang-up to the exit
    cpu_after: float  # CPU seconds the process used after the hang-up
    output_after: bytes = field(default=b"")  # what it wrote to the terminal after it


def _wait_exit(pid: int, master: int | None, hung_up_at: float, cpu_at: float) -> Exit:
    """Reap `pid`, reading (and keeping) whatever it still writes to the terminal."""
    output = b""
    cpu = cpu_at
    deadline = hung_up_at + TIMEOUT
    while time.monotonic() < deadline:
        try:
            cpu = _cpu_seconds(pid)  # the last reading before it is reaped
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return Exit(os.waitstatus_to_exitcode(status), time.monotonic() - hung_up_at,
                        cpu - cpu_at, output)
        if master is not None:
            try:
                while select.select([master], [], [], 0)[0]:
                    chunk = os.read(master, 65536)
                    if not chunk:
                        break
                    output += chunk
            except OSError:
                pass
        select.select([], [], [], 0.01)  # poll the child; the condition is its exit
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    pytest.fail("the app did not exit after the hang-up")


class Running:
    """The app in a pty (the pty's own session, as under sshd), or with its input on a pipe
    and its output on a pty, for the input ending without any signal."""

    def __init__(self, db_path, stdin_pipe: bool = False) -> None:
        self.proc: subprocess.Popen | None = None
        if stdin_pipe:
            self.master, slave = os.openpty()
            _set_size(slave)
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "mentee_tui", "--db", str(db_path)],
                stdin=subprocess.PIPE, stdout=slave, stderr=slave, env=_env(),
                start_new_session=True)
            os.close(slave)
            self.pid = self.proc.pid
        else:
            self.pid, self.master = pty.fork()
            if self.pid == 0:  # the child: session leader with the pty as its terminal
                try:
                    _set_size(0)
                    os.execvpe(sys.executable,
                               [sys.executable, "-m", "mentee_tui", "--db", str(db_path)], _env())
                finally:
                    os._exit(127)
        self.screen = Screen(self.master)

    def write(self, data: bytes) -> None:
        if self.proc is not None:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        else:
            os.write(self.master, data)

    def settle(self, quiet: float = 0.4) -> None:
        """Read until the app has drawn nothing for `quiet` seconds (the cursor blinks
        every 0.5 s), so what comes after the hang-up is the hang-up's alone."""
        last = time.monotonic()
        while time.monotonic() - last < quiet:
            if select.select([self.master], [], [], 0.05)[0]:
                chunk = os.read(self.master, 65536)
                self.screen.feed(chunk)
                last = time.monotonic()

    def hang_up(self, how: str) -> Exit:
        self.settle()
        cpu = _cpu_seconds(self.pid)
        at = time.monotonic()
        try:
            if how in ("SIGHUP", "SIGTERM"):
                os.kill(self.pid, getattr(signal, how))
                return _wait_exit(self.pid, self.master, at, cpu)
            if how == "terminal-closed":  # sshd closing the pty: SIGHUP and EIO together
                os.close(self.master)
                self.master = -1
                return _wait_exit(self.pid, None, at, cpu)
            assert how == "input-ended" and self.proc is not None
            self.proc.stdin.close()  # no signal at all: the input just ends
            return _wait_exit(self.pid, self.master, at, cpu)
        finally:
            if self.master >= 0:
                os.close(self.master)


HOW = ["SIGHUP", "SIGTERM", "terminal-closed", "input-ended"]


def _start(db_path, how: str) -> Running:
    return Running(db_path, stdin_pipe=how == "input-ended")


def _assert_clean_exit(done: Exit) -> None:
    assert done.code == 0
    assert done.seconds < EXIT_WITHIN, f"the app took {done.seconds:.2f} s to leave"
    assert done.output_after == b"", "the app wrote to the terminal after it hung up"
    # The save itself takes a few hundredths of a second; an input thread spinning on
    # the closed input would burn a whole core until the exit.
    assert done.cpu_after < 1.0, f"{done.cpu_after:.2f} s of CPU after the hang-up"


def _type_into_reflection(app: Running) -> None:
    screen = app.screen
    screen.wait_for("Home")
    app.write(b"2")
    screen.wait_for("Career goals to achieve")
    # One write, as a slow link delivers it: enter opens the editor before the text arrives.
    app.write(b"\r" + TYPED.encode())
    screen.wait_for(TYPED)


@pytest.mark.parametrize("how", HOW)
def test_a_hang_up_saves_the_reflection_being_typed(db_path, how):
    app = _start(db_path, how)
    _type_into_reflection(app)
    _assert_clean_exit(app.hang_up(how))
    answer = Store(db_path).reflections.get("career_goals")
    assert answer.text == TYPED
    assert answer.revisions and answer.revisions[-1].text == TYPED


def _open_new_candidate_form(app: Running) -> None:
    app.screen.wait_for("Home")
    app.write(b"3")
    app.screen.wait_for("Grace Hopper")
    app.write(b"n")
    app.screen.wait_for("New candidate")
    app.write("Ada in a pty".encode())
    app.screen.wait_for("Ada in a pty")


def _open_decline_dialog(app: Running) -> None:
    app.screen.wait_for("Home")
    app.write(b"3")
    app.screen.wait_for("Grace Hopper")
    app.write(b"x")
    app.screen.wait_for("Referred me to")
    app.write(b"too many mentees this year")
    app.screen.wait_for("too many mentees this year")


FORMS = {
    "candidate-form": (_open_new_candidate_form, "candidate", "name", "Ada in a pty"),
    "decline-dialog": (_open_decline_dialog, "decline", "reason", "too many mentees this year"),
}


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("how", HOW)
def test_a_hang_up_keeps_the_open_form_and_the_next_start_offers_it(db_path, how, form):
    Store(db_path).candidates.add(CandidateInput(name="Grace Hopper"), stage="asked")
    before = Store(db_path).candidates.all()
    open_form, kind, key, typed = FORMS[form]
    app = _start(db_path, how)
    open_form(app)
    _assert_clean_exit(app.hang_up(how))
    [kept] = Store(db_path).recovery.all()
    assert kept.kind == kind and kept.payload[key] == typed
    assert Store(db_path).candidates.all() == before  # kept aside, nothing half-saved
    # The next start offers it back; `d` discards it.
    again = Running(db_path)
    try:
        again.screen.wait_for("Unsaved form")
        again.write(b"d")
        again.settle()
        again.write(b"q")
        assert _wait_exit(again.pid, again.master, time.monotonic(), 0.0).code == 0
    finally:
        os.close(again.master)
    assert Store(db_path).recovery.all() == []
