"""Find the styles/ folder in a checkout, an editable install or a wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # mentee_tui/


def styles_dir() -> Path:
    """Wheels carry styles inside the package; a checkout keeps them at the top level."""
    for candidate in (_PACKAGE / "styles", _PACKAGE.parent / "styles"):
        if (candidate / "app.tcss").is_file():
            return candidate
    raise FileNotFoundError("mentee-tui styles not found; reinstall the package")


def sheet(name: str) -> list[Path]:
    """One stylesheet as a screen's CSS_PATH: `styles/<name>.tcss`, absolute.

    The app parses only the shared sheet at start; each screen (and every dialog) brings its
    own, which Textual parses the first time that screen is shown: a start that opens on
    Home does not pay for the tracker's, the calendar's or the dialogs' rules.
    """
    return [styles_dir() / f"{name}.tcss"]


def stylesheet_paths() -> list[Path]:
    """Every app stylesheet as an absolute path (Textual resolves relative ones per module)."""
    folder = styles_dir()
    shared = folder / "app.tcss"
    return [shared, *sorted(p for p in folder.glob("*.tcss") if p != shared)]
