"""An OptionList whose highlighted line stays visible without colour.

Under NO_COLOR the theme's highlight colour is dropped and the selection would vanish;
CSS `text-style: reverse` does not reach OptionList options, so reverse video is applied
to the highlighted option's lines here.
"""

from __future__ import annotations

from rich.style import Style as RichStyle
from textual.strip import Strip
from textual.widgets import OptionList


class HighlightList(OptionList):
    reverse_highlight = False

    def on_mount(self) -> None:
        self.reverse_highlight = self.app.no_color

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        highlighted = self.highlighted
        if self.reverse_highlight and highlighted is not None:
            for segment in strip:
                style = segment.style
                if style is not None and style.meta.get("option") == highlighted:
                    return strip.apply_style(RichStyle(reverse=True))
                break
        return strip


__all__ = ["HighlightList"]
