"""Where the outreach templates come from: the person's own folder first, then ours.

`template_folder()` is the one place that decides the person's folder, so the config
file's `templates` option can set it later without any caller changing.
"""

from __future__ import annotations

from pathlib import Path

from mentee_tui.storage.database import StorageError

BUILTIN_FOLDER = Path(__file__).resolve().parents[1] / "templates"  # mentee_tui/templates


def template_folder() -> Path:
    """The person's templates: the config file's `templates = "…"`, else `templates/` beside
    the config file, e.g. ~/.config/mentee-tui/templates. A file there replaces ours of the
    same name."""
    from mentee_tui.storage.config import config_path, load_config

    chosen = load_config().config.templates
    if chosen:
        return Path(chosen).expanduser()
    return config_path().parent / "templates"


def builtin_template(filename: str) -> Path:
    return BUILTIN_FOLDER / filename


def template_path(filename: str) -> Path:
    """The person's copy if there is one, else the one shipped with the app."""
    own = template_folder() / filename
    return own if own.is_file() else builtin_template(filename)


def read_template(filename: str) -> tuple[str, Path]:
    """(its text, where it came from); StorageError naming the file when it cannot be read."""
    path = template_path(filename)
    try:
        return path.read_text(encoding="utf-8"), path
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise StorageError(f"cannot read the template {path}: {reason}") from exc


__all__ = ["BUILTIN_FOLDER", "builtin_template", "read_template", "template_folder",
           "template_path"]
