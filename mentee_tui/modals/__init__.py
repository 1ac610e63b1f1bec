"""Modal dialogs."""

__all__: list[str] = []
