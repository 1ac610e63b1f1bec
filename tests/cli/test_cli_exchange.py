"""`export json|csv|md|ics`, `import FILE` (LinkedIn, own CSV, json backup), `completion`,
and the readable-folder warning given once per folder."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys

import pytest

from mentee_tui.cli.demo import fill_demo
from mentee_tui.cli.main import main
from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store
from tests.conftest import fixed_clock

LINKEDIN = (
    "\ufeffNotes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing. You will only see email addresses for connections who have allowed it."\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    'Alan,Turing,https://www.linkedin.com/in/alan,,"Bletchley Park, Hut 8",Cryptanalyst,05 Jan 2024\r\n'
    "GRACE,hopper,https://www.linkedin.com/in/grace,,navy,Admiral,12 Mar 2021\r\n"
    'Katherine,Johnson,https://www.linkedin.com/in/kj,kj@nasa.gov,NASA,"Mathematician, Research",14 Feb 2023\r\n'
    "Dorothy,Vaughan,,KJ@NASA.GOV,NASA,Supervisor,01 Jan 2023\r\n"
)


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db(db_path) -> str:
    Store(db_path).candidates.add(CandidateInput(name="Grace Hopper", organization="Navy"))
    return str(db_path)


@pytest.fixture
def connections(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes(LINKEDIN.encode("utf-8"))
    return path


# -- LinkedIn -------------------------------------------------------------------------


def test_linkedin_import_with_bom_crlf_and_notes_skips_duplicates(capsys, db, db_path, connections):
    status, out, err = run(capsys, "--db", db, "import", str(connections))
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[-1] == ("Connections.csv (LinkedIn connections): 2 added, "
                         "2 skipped as duplicates, 0 invalid")
    assert "line 6: skipped GRACE hopper: Grace Hopper (#1) is already on the tracker" in out
    assert "line 8: skipped Dorothy Vaughan: Katherine Johnson is on line 7" in out
    store = Store(db_path)
    alan = store.candidates.get(2)
    assert (alan.name, alan.organization, alan.role, alan.source, alan.stage) == (
        "Alan Turing", "Bletchley Park, Hut 8", "Cryptanalyst", "linkedin", "researched")
    assert alan.url == "https://www.linkedin.com/in/alan" and alan.email == ""
    assert alan.history[0].at.startswith("2024-01-05") and "05 Jan 2024" in alan.history[0].note
    assert store.candidates.get(3).role == "Mathematician, Research"
    # Again: every row is a duplicate now, and nothing is written.
    before = db_path.read_bytes()
    status, out, _ = run(capsys, "--db", db, "import", str(connections))
    assert status == 0 and out.splitlines()[-1].endswith("0 added, 4 skipped as duplicates, 0 invalid")
    assert db_path.read_bytes() == before


def test_a_broken_row_changes_nothing_and_exits_2_naming_the_row(capsys, db, db_path, tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_bytes((LINKEDIN + "Eve,Bad,,not-an-email,Acme,,\r\n").encode())
    before = db_path.read_bytes()
    status, out, err = run(capsys, "--db", db, "import", str(broken))
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("mentee-tui: broken.csv line 9 (Eve Bad): invalid email")
    assert "nothing imported" in err and "--skip-invalid" in err
    assert db_path.read_bytes() == before


def test_several_broken_rows_are_each_named_then_counted(capsys, db, db_path, tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_text("name,stage\n" + "".join(f"P{n},lunch\n" for n in range(12)))
    status, _, err = run(capsys, "--db", db, "import", str(broken))
    assert status == 2
    lines = err.splitlines()
    assert lines[0] == "mentee-tui: broken.csv line 2 (P0): unknown stage 'lunch'; choose one of: " \
        "researched, contacted, coffee, asked, agreed, declined"
    assert "… and 2 more invalid rows" in lines[10]
    assert lines[-1].startswith("mentee-tui: 12 invalid rows: nothing imported")
    assert len(Store(db_path).candidates.all()) == 1


def test_skip_invalid_imports_the_valid_rows_and_counts_the_rest(capsys, db, db_path, tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_bytes((LINKEDIN + "Eve,Bad,,not-an-email,Acme,,\r\n").encode())
    status, out, err = run(capsys, "--db", db, "import", str(broken), "--skip-invalid")
    assert status == 0
    assert out.splitlines()[-1].endswith("2 added, 2 skipped as duplicates, 1 invalid")
    assert "line 9 (Eve Bad): invalid email" in err and "skipped" in err
    assert len(Store(db_path).candidates.all()) == 3


def test_dry_run_reports_and_writes_nothing(capsys, db, db_path, connections, tmp_path):
    before = db_path.read_bytes()
    status, out, _ = run(capsys, "--db", db, "import", str(connections), "--dry-run")
    assert status == 0
    assert out.splitlines()[-1].endswith(
        "dry run, nothing written: 2 would be added, 2 skipped as duplicates, 0 invalid")
    assert db_path.read_bytes() == before
    fresh = tmp_path / "fresh" / "mentee.json"
    assert run(capsys, "--db", str(fresh), "import", str(connections), "--dry-run")[0] == 0
    assert not fresh.parent.exists()


@pytest.mark.parametrize(
    ("content", "needle"),
    [(b"a,b\n1,2\n", "not a mentee-tui or LinkedIn CSV"), (b"\xff\xfename\n", "not UTF-8"),
     (b"{not json", "not valid JSON"), (b'{"app": "other"}', "not a mentee-tui json export")],
)
def test_unreadable_files_are_one_line_exit_2(capsys, db, db_path, tmp_path, content, needle):
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    before = db_path.read_bytes()
    status, out, err = run(capsys, "--db", db, "import", str(path))
    assert status == 2 and out == "" and err.count("\n") == 1 and needle in err
    assert db_path.read_bytes() == before
    status, _, err = run(capsys, "--db", db, "import", str(tmp_path / "missing.csv"))
    assert status == 2 and "cannot read" in err


# -- json -----------------------------------------------------------------------------


def test_json_export_import_export_is_identical(capsys, tmp_path):
    source = tmp_path / "source" / "mentee.json"
    fill_demo(source, now=fixed_clock)
    status, first, _ = run(capsys, "--db", str(source), "export", "json")
    assert status == 0
    data = json.loads(first)
    assert data["schema_version"] == 1 and len(data["candidates"]) == 12
    backup = tmp_path / "backup.json"
    backup.write_text(first)
    target = tmp_path / "target" / "mentee.json"
    status, out, err = run(capsys, "--db", str(target), "import", str(backup))
    assert status == 0 and err == ""
    assert out == ("backup.json: added 12 candidates (ids kept) and 1 mentorship, 12 meetings, "
                   "5 reflection answers; 0 skipped as duplicates, 0 invalid\n")
    assert run(capsys, "--db", str(target), "export", "json")[1] == first


def test_json_into_a_database_with_data_is_refused(capsys, db, db_path, tmp_path):
    backup = tmp_path / "backup.json"
    assert run(capsys, "--db", db, "export", "json", "-o", str(backup))[0] == 0
    before = db_path.read_bytes()
    status, out, err = run(capsys, "--db", db, "import", str(backup))
    assert status == 2 and out == "" and err.count("\n") == 1
    assert "only into an empty database" in err and "--db NEW.json" in err
    assert db_path.read_bytes() == before


def test_a_damaged_json_export_names_the_record_and_writes_nothing(capsys, db, tmp_path):
    assert run(capsys, "--db", db, "export", "json", "-o", str(tmp_path / "b.json"))[0] == 0
    data = json.loads((tmp_path / "b.json").read_text())
    data["candidates"][0]["stage"] = "lunch"
    (tmp_path / "b.json").write_text(json.dumps(data))
    target = tmp_path / "target" / "mentee.json"
    status, _, err = run(capsys, "--db", str(target), "import", str(tmp_path / "b.json"))
    assert status == 2 and "candidates record 1 (Grace Hopper): unknown stage 'lunch'" in err
    assert not target.exists()


# -- csv, md, files ---------------------------------------------------------------------


def test_csv_export_is_one_row_per_candidate_and_imports_back(capsys, tmp_path):
    source = tmp_path / "source" / "mentee.json"
    fill_demo(source, now=fixed_clock)
    status, text, _ = run(capsys, "--db", str(source), "export", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert status == 0 and len(rows) == 12 and rows[0]["name"] == "Priya Raman"
    (tmp_path / "cards.csv").write_text(text)
    target = str(tmp_path / "target" / "mentee.json")
    status, out, _ = run(capsys, "--db", target, "import", str(tmp_path / "cards.csv"))
    assert out.strip() == "cards.csv (mentee-tui CSV): 12 added, 0 skipped as duplicates, 0 invalid"
    imported = {c.name: c for c in Store(target).candidates.all()}
    assert imported["Olivia Brown"].is_supervisor and imported["Priya Raman"].stage == "agreed"
    assert run(capsys, "--db", str(source), "import", str(tmp_path / "cards.csv"))[1].strip() \
        .endswith("0 added, 12 skipped as duplicates, 0 invalid")


def test_md_export_is_readable(capsys, tmp_path):
    source = tmp_path / "source" / "mentee.json"
    fill_demo(source, now=fixed_clock)
    status, text, _ = run(capsys, "--db", str(source), "export", "md")
    assert status == 0 and text.startswith("# My mentoring plan")
    assert "## Reflection" in text and "## Candidates" in text and "## Meeting plan" in text


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "ics"])
def test_an_export_file_is_private_and_atomic(capsys, db, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    target.write_text("old")
    os.chmod(target, 0o644)
    status, out, err = run(capsys, "--db", db, "export", fmt, "-o", str(target))
    assert status == 0 and out == "" and f"wrote {target}" in err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text() != "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_exports_and_imports_do_not_import_textual(tmp_path, connections):
    db = str(tmp_path / "m.json")
    script = f"""
import sys
from mentee_tui.cli.main import main
for args in (["import", {str(connections)!r}], ["export", "json"], ["export", "csv"],
             ["export", "md"], ["show", "1"], ["edit", "1", "--role", "x"], ["follow-up", "1"],
             ["decline", "1"], ["remove", "1", "--yes"]):
    assert main(["--db", {db!r}, *args]) == 0, args
print("LOADED", sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "shtab")))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout


# -- completion ----------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_scripts_know_the_subcommands(capsys, shell):
    status, out, _ = run(capsys, "completion", shell)
    assert status == 0
    for word in ("import", "export", "follow-up", "decline", "--skip-invalid", "--end-mentorship"):
        assert word in out
    assert ("complete" in out) if shell == "bash" else out.startswith("#compdef mentee-tui")


def test_completion_refuses_other_shells(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["completion", "fish"])
    assert caught.value.code == 2


# -- the readable-folder warning --------------------------------------------------------


def test_the_readable_folder_warning_is_given_once_per_folder(capsys, tmp_path):
    from mentee_tui.storage.notices import state_path

    shared, other = tmp_path / "shared", tmp_path / "other"
    for folder in (shared, other):
        folder.mkdir()
        os.chmod(folder, 0o755)
    db = str(shared / "mentee.json")
    status, _, err = run(capsys, "--db", db, "add", "Ada")
    assert status == 0 and err.count("warning:") == 1 and str(shared) in err
    for args in (["add", "Bo"], ["list"], ["move", "1", "coffee"]):
        assert run(capsys, "--db", db, *args)[2] == ""
    _, _, err = run(capsys, "--db", str(other / "mentee.json"), "list")
    assert err.count("warning:") == 1 and str(other) in err
    state = state_path()
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    assert stat.S_IMODE(state.parent.stat().st_mode) == 0o700


def test_when_the_state_cannot_be_written_the_warning_is_given_again(capsys, tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the state folder would go")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    for _ in range(2):
        status, _, err = run(capsys, "--db", str(shared / "mentee.json"), "list")
        assert status == 0 and err.count("warning:") == 1
