"""Edit a text in the person's own editor ($VISUAL, $EDITOR, else nano, else vi).

No Textual here: the screen suspends the app around `edit_text`, tests call it directly.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping


class EditorFailed(Exception):
    """The editor could not start or exited with an error; the text is left as it was."""


def editor_command(environ: Mapping[str, str] | None = None) -> list[str]:
    """The editor to run, as argv (an $EDITOR like `code --wait` keeps its arguments)."""
    env = os.environ if environ is None else environ
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            return shlex.split(value)
    return ["nano"] if shutil.which("nano") else ["vi"]


def edit_text(text: str, command: list[str] | None = None, suffix: str = ".txt") -> str:
    """Write `text` to a private temp file, run the editor on it, return what it holds after.

    Raises EditorFailed when the editor is missing or exits non-zero (vi's `:cq` means
    "discard"), so a failed edit never replaces the answer.
    """
    argv = command or editor_command()
    fd, path = tempfile.mkstemp(prefix="mentee-tui-", suffix=suffix)  # created 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            # A text file ends with a newline: a line added by the editor (or a script)
            # starts on its own line. Taken off again on the way back.
            handle.write(text if not text or text.endswith("\n") else text + "\n")
        try:
            result = subprocess.run([*argv, path], check=False)
        except OSError as exc:
            raise EditorFailed(f"Could not start {argv[0]}: {exc.strerror or exc}") from exc
        if result.returncode != 0:
            raise EditorFailed(f"{argv[0]} exited with status {result.returncode}; nothing saved.")
        with open(path, encoding="utf-8", errors="replace") as handle:
            edited = handle.read()
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass
    # The final newline is the file's, not the answer's: do not let it grow on every edit.
    if edited.endswith("\n") and not text.endswith("\n"):
        edited = edited[:-1]
    return edited


__all__ = ["EditorFailed", "edit_text", "editor_command"]
