"""The layout the README promises: cli -> tui -> storage -> domain -> model, checked by
import-linter with the contracts in pyproject.toml; only styles/ styles."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mentee_tui"
SOURCES = sorted(PACKAGE.rglob("*.py"))
UI = sorted((PACKAGE / "tui").rglob("*.py"))


def _short(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_import_linter_keeps_every_contract():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache", "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


def test_each_layer_is_a_package():
    for layer in ("cli", "tui", "storage", "domain", "model"):
        assert (PACKAGE / layer / "__init__.py").is_file()
    top_level = {p.name for p in PACKAGE.glob("*.py")}
    assert top_level == {"__init__.py", "__main__.py"}


@pytest.mark.parametrize("path", UI, ids=_short)
def test_widgets_and_screens_keep_their_css_in_styles(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            assigned = {t.id for stmt in node.body if isinstance(stmt, ast.Assign)
                        for t in stmt.targets if isinstance(t, ast.Name)}
            assert not assigned & {"DEFAULT_CSS", "CSS"}, f"{node.name} styles itself"


@pytest.mark.parametrize("path", SOURCES, ids=_short)
def test_no_probing_and_no_silenced_type_errors(path):
    text = path.read_text(encoding="utf-8")
    assert "getattr(self" not in text
    assert not re.search(r"#\s*type:\s*ignore", text)
