"""A normal wheel carries the styles, and an installed copy finds and loads them."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

from mentee_tui import __version__

ROOT = Path(__file__).resolve().parents[2]


def _run(args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, text=True, timeout=300, **kwargs)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(out), str(ROOT)],
         cwd=ROOT)
    wheels = list(out.glob("mentee_tui-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_the_wheel_carries_every_style_file_and_the_entry_point(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    styles = [p.name for p in (ROOT / "styles").iterdir() if p.is_file()]
    assert "app.tcss" in styles
    for name in styles:
        assert f"mentee_tui/styles/{name}" in names, name
    templates = [p.name for p in (ROOT / "mentee_tui" / "templates").glob("*.txt")]
    assert "coffee_request.txt" in templates
    for name in templates:  # the outreach templates a person copies and changes
        assert f"mentee_tui/templates/{name}" in names, name
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "mentee-tui = mentee_tui.cli:main" in text


def _dependency_dirs() -> list[str]:
    """Where this test's own interpreter finds textual, tinydb & co."""
    dirs = [*site.getsitepackages(), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    return list(dict.fromkeys(d for d in dirs if Path(d).is_dir()))


def test_an_installed_wheel_finds_its_styles_outside_the_checkout(wheel, tmp_path):
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    purelib = Path(_run([str(python), "-I", "-c",
                         "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    # The fresh venv sees the dependencies already installed for the tests. A .pth line adds
    # the folder only; that folder's own .pth files (the editable install pointing at the
    # checkout) are not processed, and the venv's own site-packages comes first.
    (purelib / "_mentee_test_deps.pth").write_text("\n".join(_dependency_dirs()) + "\n")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
          "--no-index", "--no-warn-script-location", str(wheel)])

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["MENTEE_TUI_DB"] = str(tmp_path / "data" / "mentee.json")
    probe = textwrap.dedent("""
        import asyncio, mentee_tui
        from mentee_tui.tui.resources import styles_dir, stylesheet_paths
        from mentee_tui.tui.app import make_app
        print("PACKAGE", mentee_tui.__file__)
        print("STYLES", styles_dir())
        print("SHEETS", len(stylesheet_paths()))

        async def main():
            app = make_app()
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                print("SCREEN", type(app.screen).__name__)
                print("CSS", len(app.stylesheet.rules) > 0)

        asyncio.run(main())
    """)
    out = _run([str(python), "-I", "-c", probe], cwd=elsewhere, env=env).stdout
    lines = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
    assert Path(lines["PACKAGE"]).is_relative_to(purelib), "imported the checkout, not the wheel"
    styles = Path(lines["STYLES"])
    assert styles == purelib / "mentee_tui" / "styles"
    assert int(lines["SHEETS"]) == len(list((ROOT / "styles").glob("*.tcss")))
    assert lines["SCREEN"] == "HomeScreen"
    assert lines["CSS"] == "True"

    version = _run([str(venv / "bin" / "mentee-tui"), "--version"], cwd=elsewhere, env=env)
    assert version.stdout.strip() == f"mentee-tui {__version__}"
    where = _run([str(venv / "bin" / "mentee-tui"), "where"], cwd=elsewhere, env=env)
    assert where.stdout.strip() == env["MENTEE_TUI_DB"]


def test_ci_runs_the_readme_test_command_word_for_word():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0].strip() for b in readme.split("```sh\n")[1:]]
    test_command = next(b for b in blocks if "pytest" in b and "venv" in b)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == test_command
    install = next(b for b in blocks if ".venv/bin/pip install ." in b and "[test]" not in b)
    assert install.endswith(".venv/bin/mentee-tui")  # one command installs and starts the app
    assert "\n" not in install
    tool = blocks[0]  # the README leads with the one-line installs of a tool
    assert tool.startswith("uv tool install .") and "pipx install ." in tool
