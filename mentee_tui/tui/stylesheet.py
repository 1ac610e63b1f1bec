"""A stylesheet that re-parses only when the theme's variables changed.

Textual refreshes the CSS whenever a screen is shown for the first time (twice per mode:
once as the mode's stack is made, once as it becomes current), and every refresh starts
a fresh parse of every stylesheet: about 35 ms here at start and again on the first `3`.
The parsed rules depend only on the sources and the CSS variables, so when the variables
are the ones the last parse used, a refresh keeps the rules and parses only sources added
since (new widget classes' DEFAULT_CSS), with the stylesheet's own per-source cache.
"""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet


class ThemedStylesheet(Stylesheet):
    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._parsed_with: dict[str, str] | None = None  # the variables of the last full parse
        self._current: dict[str, str] = dict(variables or {})

    def set_variables(self, variables: dict[str, str]) -> None:
        # Same variables: nothing to invalidate (Textual sets them on every refresh).
        if variables != self._current:
            self._current = dict(variables)
            super().set_variables(variables)

    def parse(self) -> None:
        super().parse()
        self._parsed_with = dict(self._current)

    def reparse(self) -> None:
        if self._parsed_with == self._current:
            self.parse()  # cached per source: only sources added since are parsed
            return
        super().reparse()
        self._parsed_with = dict(self._current)
