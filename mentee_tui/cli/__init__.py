"""The `mentee-tui` command line: the TUI, and subcommands that never import Textual."""

from mentee_tui.cli.main import main

__all__ = ["main"]
