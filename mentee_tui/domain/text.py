"""User text is data: strip control and escape characters on input, paste and import."""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences (CSI, OSC, and two-character escapes) go first, whole,
# so no stray "[31m" is left behind when the ESC byte itself is removed.
_ANSI = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]          # CSI ... final byte
  | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)? # OSC ... BEL or ST
  | \x1b[PX^_][^\x1b]*(?:\x1b\\)?     # DCS / SOS / PM / APC ... ST
  | \x1b[ -/]*[0-~]                   # other escapes: ESC c, ESC 7, ESC ( B ...
  | \x9b[0-?]*[ -/]*[@-~]           # 8-bit CSI
  | \x9d[^\x07\x1b\x9c]*(?:\x07|\x9c)?  # 8-bit OSC
    """,
    re.VERBOSE,
)


def _keep(char: str, multiline: bool) -> bool:
    if multiline and char in "\n\t":
        return True
    category = unicodedata.category(char)
    # Cc: C0/C1 controls; Cf: format characters such as bidi overrides; Cs: lone
    # surrogates (undecodable bytes in argv or a file), which cannot be saved as UTF-8.
    return category not in ("Cc", "Cf", "Cs") or char == "\u200d"  # keep ZWJ for emoji


def clean_text(value: object, *, multiline: bool = False) -> str:
    """Return `value` as a string without control or escape characters.

    Single-line fields turn newlines and tabs into spaces; multi-line fields
    keep them (and normalise CRLF to LF).
    """
    if value is None:
        return ""
    text = str(value)
    # The usual case, at C speed: no control, format, separator or surrogate character
    # (so no escape, newline, tab or bidi override) means nothing to remove or replace.
    if text.isprintable():
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Unicode line and paragraph separators split lines like a newline does.
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _ANSI.sub("", text)
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    return "".join(ch for ch in text if _keep(ch, multiline))


def clean_line(value: object) -> str:
    """A single-line field, stripped of surrounding whitespace."""
    return clean_text(value).strip()


def sentence(message: object) -> str:
    """A storage or validation message ("the term must be …") as a sentence for the screen."""
    text = str(message).strip()
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def plural(count: int, word: str) -> str:
    """ "1 month", "12 months", "1 monthly meeting"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
