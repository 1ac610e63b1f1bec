"""`mentee-tui agree`, `meetings` and `export ics` through `cli.main`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from mentee_tui.cli.main import main
from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store


@pytest.fixture
def db(db_path) -> str:
    Store(db_path).candidates.add(CandidateInput(name="Ada Lovelace"), stage="asked")
    return str(db_path)


def run(db: str, *args: str) -> int:
    return main(["--db", db, *args])


def test_agree_plans_the_term(db, capsys):
    status = run(db, "agree", "1", "--months", "6", "--first", "2027-01-12", "--rule", "2-tue",
                 "--time", "17:30", "--duration", "45", "--tz", "Europe/Paris")
    out = capsys.readouterr().out
    assert status == 0
    assert "Ada Lovelace: 6 monthly meetings (2-tue)" in out and "Tue 12 Jan 2027 17:30" in out
    store = Store(db)
    assert store.candidates.get(1).stage == "agreed"
    meetings = store.calendar.meetings()
    assert [m.start for m in meetings[:2]] == [
        "2027-01-12T17:30:00+01:00", "2027-02-09T17:30:00+01:00"]
    assert {m.duration_minutes for m in meetings} == {45}


def test_agree_defaults_come_from_the_settings(db, capsys):
    Store(db).settings.update(meeting_time="08:15", meeting_duration=30, timezone="Asia/Tokyo")
    assert run(db, "agree", "1") == 0
    meetings = Store(db).calendar.meetings()
    assert len(meetings) == 12
    assert meetings[0].start.endswith("T08:15:00+09:00")
    assert meetings[0].duration_minutes == 30


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--months", "13"], "1 to 12"),
        (["--months", "0"], "1 to 12"),
        (["--rule", "5-tue"], "2-tue"),
        (["--time", "25:00"], "23:59"),
        (["--first", "2027-02-30"], "real date"),
        (["--tz", "Mars/Olympus"], "IANA"),
        (["--duration", "1"], "5 to 600"),
    ],
)
def test_agree_rejects_bad_values_without_writing(db, capsys, args, message):
    before = open(db, "rb").read()
    assert run(db, "agree", "1", *args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert open(db, "rb").read() == before


def test_agree_unknown_candidate_and_bad_id(db, capsys):
    assert run(db, "agree", "42") == 2
    assert "no candidate with id 42" in capsys.readouterr().err
    assert run(db, "agree", "abc") == 2
    assert "not a candidate id" in capsys.readouterr().err


def test_agree_twice_is_refused(db, capsys):
    assert run(db, "agree", "1", "--first", "2027-01-05") == 0
    assert run(db, "agree", "1", "--first", "2027-01-05") == 2
    assert "already" in capsys.readouterr().err
    assert len(Store(db).calendar.mentorships()) == 1


def test_move_to_agreed_still_points_to_agree(db, capsys):
    assert run(db, "move", "1", "agreed") == 2
    assert "use `mentee-tui agree`" in capsys.readouterr().err


def test_meetings_text_and_json(db, capsys):
    assert run(db, "meetings") == 0
    assert "No meetings yet" in capsys.readouterr().out
    run(db, "agree", "1", "--months", "3", "--first", "2027-01-31", "--tz", "UTC")
    capsys.readouterr()
    assert run(db, "meetings") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert "Ada Lovelace" in lines[1] and " 2/3 " in lines[1] and "2027-02-28 09:00" in lines[1]
    assert run(db, "meetings", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["number"] for m in data] == [1, 2, 3]
    assert data[2]["start"] == "2027-03-31T09:00:00+00:00"
    assert {"id", "mentorship_id", "mentor", "uid", "status", "agenda", "notes", "actions",
            "duration_minutes"} <= set(data[0])


def test_export_ics_to_stdout_and_to_a_file(db, capsys, tmp_path):
    run(db, "agree", "1", "--months", "2", "--first", "2027-01-31", "--tz", "Europe/Paris")
    capsys.readouterr()
    assert run(db, "export", "ics") == 0
    printed = capsys.readouterr().out
    cal = Calendar.from_ical(printed)
    assert len(cal.walk("VEVENT")) == 2 and cal.timezones[0].tz_name == "Europe/Paris"
    target = tmp_path / "out.ics"
    assert run(db, "export", "ics", "-o", str(target)) == 0
    assert target.read_text(encoding="utf-8").replace("\r\n", "\n") == printed.replace("\r\n", "\n")


def test_export_rejects_unknown_formats_and_missing_folders(db, capsys, tmp_path):
    with pytest.raises(SystemExit) as exc:
        run(db, "export", "pdf")
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    missing = tmp_path / "nope" / "out.ics"
    assert run(db, "export", "ics", "-o", str(missing)) == 2
    assert "no folder" in capsys.readouterr().err and not missing.exists()


@pytest.mark.parametrize(
    ("command", "example"),
    [("agree", "mentee-tui agree 3"), ("meetings", "mentee-tui meetings --json"),
     ("export", "mentee-tui export ics -o")],
)
def test_each_subcommand_help_has_an_example(capsys, command, example):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert example in capsys.readouterr().out


def test_calendar_commands_do_not_import_textual(db):
    # A fresh interpreter: this test's own process has Textual loaded by conftest.
    code = (
        "import sys\n"
        "from mentee_tui.cli.main import main\n"
        f"for args in (['agree', '1', '--first', '2027-01-05'], ['meetings'], ['export', 'ics']):\n"
        f"    assert main(['--db', {db!r}, *args]) == 0\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().endswith("False")


def test_exported_file_is_private(db, tmp_path):
    run(db, "agree", "1", "--first", "2027-01-05")
    target = tmp_path / "private.ics"
    assert run(db, "export", "ics", "-o", str(target)) == 0
    assert target.stat().st_mode & 0o777 == 0o600


def test_move_out_of_agreed_needs_end_mentorship_and_then_says_it_ended(db, capsys):
    assert run(db, "agree", "1", "--months", "3", "--first", "2027-01-12") == 0
    capsys.readouterr()
    before = Path(db).read_bytes()
    assert run(db, "move", "1", "asked") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--end-mentorship" in err
    assert "would end the mentorship and cancel 3 planned meetings" in err
    assert Path(db).read_bytes() == before  # nothing written
    assert run(db, "move", "1", "asked", "--end-mentorship") == 0
    out = capsys.readouterr().out
    assert "has ended: 3 planned meetings cancelled, held ones kept" in out
    assert {m.status for m in Store(db).calendar.meetings()} == {"cancelled"}


def test_a_one_month_term_reads_in_the_singular(db, capsys):
    assert run(db, "agree", "1", "--months", "1", "--first", "2027-01-12") == 0
    assert "1 monthly meeting (same-day)" in capsys.readouterr().out


def test_agree_from_a_past_date_says_how_many_meetings_are_behind(db, capsys):
    assert run(db, "agree", "1", "--months", "12", "--first", "2020-01-10") == 0
    assert "12 meetings already in the past" in capsys.readouterr().out
