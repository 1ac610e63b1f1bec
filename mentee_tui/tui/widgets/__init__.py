"""Reusable widgets."""

from mentee_tui.tui.widgets.candidate_card import LEGEND, badges, card_prompt
from mentee_tui.tui.widgets.nav_bar import SCREENS, NavBar
from mentee_tui.tui.widgets.stage_column import (
    STAGE_TITLES,
    CardList,
    ColumnHeader,
    StageColumn,
)

__all__ = [
    "LEGEND",
    "SCREENS",
    "STAGE_TITLES",
    "CardList",
    "ColumnHeader",
    "NavBar",
    "StageColumn",
    "badges",
    "card_prompt",
]
