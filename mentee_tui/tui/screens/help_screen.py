"""`?`: every key of the current screen, and the database in use."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from mentee_tui.tui.resources import sheet


class HelpScreen(ModalScreen[str | None]):
    """Dismisses with "settings" when the person asks for the settings screen."""

    CSS_PATH = sheet("dialogs")
    BINDINGS = [
        Binding("s", "open_settings", "Settings", id="help.settings"),
        Binding("escape", "close", "Close", id="help.close"),
        Binding("q", "close", "Close", show=False, id="help.close_q"),
        Binding("question_mark", "close", "Close", show=False, id="help.close_help"),
    ]

    def __init__(self, screen_title: str, keys: list[tuple[str, str]], db_path: str) -> None:
        super().__init__(classes="mentee-dialog")
        self.screen_title = screen_title
        self.keys = keys
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, description in self.keys:
            table.add_row(key, description)
        # The database and the way out come first: at 80x24 the key list may need scrolling.
        with VerticalScroll(id="help-box", classes="dialog-box"):
            yield Static(Text(f"Keys on {self.screen_title}", style="bold"), id="help-title",
                         classes="dialog-title")
            yield Static(
                Text.assemble(("Database: ", "bold"), str(self.db_path)), id="help-db"
            )
            yield Static(table, id="help-keys")
            yield Static(
                "1-4, ? and q work when no text box has focus; escape leaves a text box. "
                "ctrl+p opens the command palette, where every action is listed.",
                id="help-note",
            )

    def on_mount(self) -> None:
        self.query_one("#help-box").border_subtitle = "s settings · escape close"

    def action_close(self) -> None:
        self.dismiss(None)

    def action_open_settings(self) -> None:
        self.dismiss("settings")
