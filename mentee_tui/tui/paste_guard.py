"""Keep a bracketed paste one paste, whatever escape sequences it carries.

Textual's XTermParser (8.2) reads an escape sequence inside a bracketed paste as keys: text
copied from a terminal log, "\\x1b[31mred", arrives as the keys ^ [ 3 1 m r e d, typed at
once and ahead of the rest of the paste, so the field gets a scrambled mix, and an ESC
followed by a letter is an alt+key that could act on the screen. This filter, between the
terminal and the parser, turns each 7-bit escape inside a paste into its 8-bit C1
equivalent (ESC [ is CSI, U+009B; ESC ] is OSC …), which the parser leaves alone and
`clean_text` strips with the whole sequence, as for typed text. The paste's own start and
end markers pass unchanged; so does everything outside a paste.
"""

from __future__ import annotations

import re

ESC = "\x1b"
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
# ESC + a character from @ to _ (CSI, OSC, DCS, ST …); else a two-character escape such as
# ESC c or ESC ( B, or a lone ESC.
_SEVEN_BIT = re.compile(r"\x1b(?:([@-_])|[ -/]*[0-~]?)")


def _to_c1(text: str) -> str:
    """ESC + a character from @ to _ becomes that C1 control; any other escape goes whole,
    as `clean_text` would remove it."""
    return _SEVEN_BIT.sub(lambda m: chr(ord(m.group(1)) + 0x40) if m.group(1) else "", text)


class PasteGuard:
    """Feed it the decoded input in the chunks it arrives in; feed the parser its output."""

    def __init__(self) -> None:
        self.in_paste = False
        self._seen = ""  # the end of the text passed outside a paste: a start split in two
        self._held = ""  # inside a paste: a tail that may be the start of the end marker

    def feed(self, text: str) -> str:
        out: list[str] = []
        text, self._held = self._held + text, ""
        i = 0
        while i < len(text):
            if not self.in_paste:
                window = self._seen + text[i:]
                found = window.find(PASTE_START)
                if found == -1:
                    out.append(text[i:])
                    self._seen = window[-(len(PASTE_START) - 1):]
                    break
                after = found + len(PASTE_START) - len(self._seen)  # in text[i:]
                out.append(text[i:i + after])
                i += after
                self._seen, self.in_paste = "", True
                continue
            found = text.find(PASTE_END, i)
            if found == -1:
                body = text[i:]
                tail = body.rfind(ESC)
                if tail != -1 and PASTE_END.startswith(body[tail:]):
                    body, self._held = body[:tail], body[tail:]
                out.append(_to_c1(body))
                break
            out.append(_to_c1(text[i:found]) + PASTE_END)
            i = found + len(PASTE_END)
            self.in_paste = False
        return "".join(out)


__all__ = ["PasteGuard"]
