"""mentee-tui: a terminal planner for people starting a mentoring relationship."""

__version__ = "0.1.0"
__all__ = ["__version__"]
