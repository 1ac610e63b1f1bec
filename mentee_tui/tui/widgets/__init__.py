"""Reusable widgets, each imported when first used (see `tui.lazy`)."""

from mentee_tui.tui.lazy import lazy_exports

_MODULES = {
    "SCREENS": "nav_bar",
    "NavBar": "nav_bar",
    "KeyBar": "key_bar",
    "HintLine": "hint_line",
    "HighlightList": "highlight_list",
    "LineInput": "line_input",
    "MonthCell": "month_cell",
    "PromptEditor": "prompt_editor",
    "journey_line": "journey_line",
    "ColumnHeader": "stage_column",
    "StageColumn": "stage_column",
    "CardList": "card_list",
    "LEGEND": "candidate_card",
    "badges": "candidate_card",
    "card_prompt": "candidate_card",
}
__getattr__ = lazy_exports(__name__, _MODULES)
__all__ = sorted(_MODULES)
