"""The bare Textual app the benchmark compares mentee-tui with: Header, one Static, Footer."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BareApp(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("bare app ready")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
