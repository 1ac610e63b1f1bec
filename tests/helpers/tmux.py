"""A program in a real tmux window: keys sent with `send-keys`, the screen read back with
`capture-pane` (`styled` reads the SGR codes of `capture-pane -e`: bold, reverse).

Every test gets its own tmux server (a socket in its temp folder, no config file), so a
person's tmux and its settings are never involved."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER_ESCAPE = re.compile(r"\x1b(?:\[[0-9;:?]*[A-Za-ln-z]|[()][0-9A-Za-z]|[^\[])")


class TmuxFailed(Exception):
    """The screen never reached the state a step waited for."""


def tmux_binary() -> str:
    found = shutil.which("tmux")
    # CI installs it (.ci/run): a machine without it fails here, it never skips.
    assert found, "tmux is not installed: .ci/run installs it (apt-get install tmux)"
    return found


class Tmux:
    def __init__(self, folder: Path, argv: Sequence[str], columns: int, lines: int,
                 env: dict[str, str] | None = None) -> None:
        self.socket = folder / "tmux.sock"
        self.env = env
        self.run("-f", "/dev/null", "new-session", "-d", "-s", "app", "-x", str(columns),
                 "-y", str(lines), *argv)
        # Keep the window when the program ends, to tell "it exited" from "tmux failed".
        self.run("set-option", "-t", "app", "remain-on-exit", "on")
        self.run("set-option", "-s", "escape-time", "10")

    def run(self, *args: str) -> str:
        result = subprocess.run([tmux_binary(), "-S", str(self.socket), *args],
                                capture_output=True, text=True, env=self.env, timeout=30)
        if result.returncode != 0:
            raise TmuxFailed(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def send(self, *keys: str) -> None:
        """tmux key names: "Enter", "Tab", "C-s", "Escape", "]" …"""
        for key in keys:
            self.run("send-keys", "-t", "app", key)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", "app", "-l", text)

    def text(self) -> str:
        return self.run("capture-pane", "-t", "app", "-p")

    def escaped(self) -> str:
        return self.run("capture-pane", "-t", "app", "-p", "-e")

    def resize(self, columns: int, lines: int) -> None:
        self.run("resize-window", "-t", "app", "-x", str(columns), "-y", str(lines))

    def size(self) -> tuple[int, int]:
        out = self.run("display-message", "-t", "app", "-p", "#{pane_width} #{pane_height}")
        columns, lines = out.split()
        return int(columns), int(lines)

    def dead(self) -> bool:
        return self.run("display-message", "-t", "app", "-p", "#{pane_dead}").strip() == "1"

    def wait_for(self, condition: Callable[[str], bool], what: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.text()
            if condition(screen):
                return screen
            if self.dead():
                # It may have ended between the two looks: the last screen decides.
                screen = self.text()
                if condition(screen):
                    return screen
                raise TmuxFailed(f"the program ended before {what}:\n{screen}")
            if time.monotonic() > deadline:
                raise TmuxFailed(f"no {what} within {timeout:.0f} s; the screen:\n{screen}")
            time.sleep(0.05)  # poll the pane; the condition is what it shows

    def wait_text(self, needle: str, timeout: float = 30.0) -> str:
        return self.wait_for(lambda screen: needle in screen, repr(needle), timeout)

    def kill(self) -> None:
        try:
            self.run("kill-server")
        except (TmuxFailed, subprocess.TimeoutExpired):
            pass


def styled(escaped_line: str, needle: str) -> set[str]:
    """The attributes ("bold", "reverse") in force where `needle` starts on a line of
    `capture-pane -e` output; colours are ignored (NO_COLOR must not need them)."""
    line = OTHER_ESCAPE.sub("", escaped_line)
    state: set[str] = set()
    plain = ""
    pos = 0
    for match in SGR.finditer(line):
        plain_chunk = line[pos:match.start()]
        if needle in plain + plain_chunk and needle not in plain:
            return set(state)
        plain += plain_chunk
        pos = match.end()
        params = [p for p in re.split(r"[;:]", match.group(1))] or ["0"]
        skip = 0
        for index, param in enumerate(params):
            if skip:
                skip -= 1
                continue
            if param in ("", "0"):
                state.clear()
            elif param == "1":
                state.add("bold")
            elif param == "7":
                state.add("reverse")
            elif param == "22":
                state.discard("bold")
            elif param == "27":
                state.discard("reverse")
            elif param in ("38", "48", "58") and index + 1 < len(params):
                skip = 2 if params[index + 1] == "5" else 4  # 5;N or 2;R;G;B
    if needle in plain + line[pos:] and needle not in plain:
        return set(state)
    raise AssertionError(f"{needle!r} is not on the line {escaped_line!r}")


__all__ = ["Tmux", "TmuxFailed", "styled", "tmux_binary"]
