"""The layering the README promises: only storage talks to TinyDB, only styles/ styles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mentee_tui"
UI = [p for folder in ("screens", "widgets", "modals") for p in (PACKAGE / folder).glob("*.py")]
OUTSIDE_STORAGE = [p for p in PACKAGE.rglob("*.py") if "storage" not in p.relative_to(PACKAGE).parts]
NO_TEXTUAL = [PACKAGE / "domain", PACKAGE / "storage"]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _short(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


@pytest.mark.parametrize("path", OUTSIDE_STORAGE, ids=_short)
def test_only_storage_imports_tinydb(path):
    assert "tinydb" not in _imports(path)


@pytest.mark.parametrize("path", [p for d in NO_TEXTUAL for p in d.glob("*.py")], ids=_short)
def test_domain_and_storage_do_not_import_textual(path):
    assert "textual" not in _imports(path)


@pytest.mark.parametrize("path", UI, ids=_short)
def test_widgets_and_screens_keep_their_css_in_styles(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            assigned = {t.id for stmt in node.body if isinstance(stmt, ast.Assign)
                        for t in stmt.targets if isinstance(t, ast.Name)}
            assert not assigned & {"DEFAULT_CSS", "CSS"}, f"{node.name} styles itself"


def test_the_layers_exist():
    assert len(UI) >= 10 and len(OUTSIDE_STORAGE) > len(UI)
