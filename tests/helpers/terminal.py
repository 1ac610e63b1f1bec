"""A program in a real pseudo-terminal, its screen read back through the pyte emulator.

Used by the end-to-end tests (keys written to the pty as a person or a slow SSH link
would send them) and by the benchmark (tests/benchmarks)."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Sequence

import pyte

COLUMNS, LINES = 100, 30
POLL = 0.003  # seconds select() waits for output before the screen is checked again


def _take_terminal() -> None:
    """In the child, after setsid: make the pty its controlling terminal, as a shell would."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class StepFailed(Exception):
    """The screen never reached the state a step waited for."""


class Terminal:
    """One process on an xterm-256color pty (100x30 unless told); `text` is what its
    screen shows now."""

    def __init__(self, argv: Sequence[str], env: dict[str, str] | None = None,
                 columns: int = COLUMNS, lines: int = LINES,
                 term: str = "xterm-256color") -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        environment = dict(env or os.environ)
        environment.update(TERM=term, COLUMNS=str(columns), LINES=str(lines))
        if env is None:
            environment.pop("NO_COLOR", None)
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.fd = master
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv), stdin=slave, stdout=slave, stderr=slave, env=environment,
            start_new_session=True, close_fds=True, preexec_fn=_take_terminal)
        os.close(slave)
        os.set_blocking(master, False)
        self.last_output = self.started

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    def pump(self, timeout: float = POLL) -> bool:
        """Read whatever output arrives within `timeout` into the emulator."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        # Everything that has arrived is read first and fed to the emulator after: the time
        # of the output is when the program's bytes were there, not when pyte (much slower
        # than a real terminal) had parsed them.
        chunks: list[bytes] = []
        arrived = 0.0
        while True:
            try:
                data = os.read(self.fd, 65536)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:  # EIO: the program closed the terminal
                break
            if not data:
                break
            chunks.append(data)
            arrived = time.perf_counter()
        for data in chunks:
            self.stream.feed(data)
        if chunks:
            self.last_output = arrived
        return bool(chunks)

    def send(self, keys: str) -> float:
        """Type `keys`; returns the moment they were written."""
        os.write(self.fd, keys.encode())
        return time.perf_counter()

    def wait_for(self, condition: Callable[[str], bool], timeout: float = 60.0,
                 what: str = "the screen") -> float:
        """Poll until `condition(screen text)` holds; returns when that output was read."""
        deadline = time.perf_counter() + timeout
        if condition(self.text):
            return self.last_output
        while True:
            if self.pump() and condition(self.text):
                return self.last_output
            if self.process.poll() is not None:
                raise StepFailed(f"the program ended before {what}:\n{self.text}")
            if time.perf_counter() > deadline:
                raise StepFailed(f"no {what} within {timeout:.0f} s; the screen:\n{self.text}")

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Wait until the program has drawn nothing for `quiet` seconds (a blinking cursor
        redraws every 0.5 s, so keep `quiet` below that); give up quietly at `timeout`."""
        start = time.perf_counter()
        while time.perf_counter() - max(start, self.last_output) < quiet:
            if time.perf_counter() - start > timeout:
                return
            self.pump(0.02)

    def peak_rss_kib(self) -> int:
        """VmHWM: the most resident memory the process has used so far, in KiB."""
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmHWM in /proc status")

    def quit(self, key: str = "q", timeout: float = 10.0) -> None:
        """Press `key` and wait for the exit; kill the process group if it lingers."""
        try:
            if self.process.poll() is None:
                self.send(key)
                deadline = time.perf_counter() + timeout
                while self.process.poll() is None and time.perf_counter() < deadline:
                    self.pump(0.02)
        finally:
            self.close()

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
        try:
            os.close(self.fd)
        except OSError:
            pass

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
