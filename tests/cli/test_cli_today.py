"""`mentee-tui today`: Home's "this week" as plain text and JSON, without Textual."""

from __future__ import annotations

import json
import subprocess
import sys

from mentee_tui.cli.demo import fill_demo
from mentee_tui.cli.main import main
from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store


def test_today_prints_the_week_oldest_follow_up_first(db_path, capsys):
    fill_demo(db_path)  # dated from the real clock, as the command reads it
    assert main(["--db", str(db_path), "today"]) == 0
    lines = capsys.readouterr().out.splitlines()
    follow_ups = [line for line in lines if line.startswith("- Follow up: ")]
    assert [line.split(": ")[1].split(" (")[0] for line in follow_ups] == [
        "Mei Lin", "Kwame Mensah", "Jonas Becker"]
    assert any(line.startswith("- Write to Hannah Kim") for line in lines)
    meeting = lines.index(next(line for line in lines if line.startswith("- Meeting 2 with Priya")))
    assert lines[meeting + 2] == "    open: Draft a one-page strategy for the platform team"


def test_today_json_lists_the_items_with_their_ids(db_path, capsys):
    store = fill_demo(db_path)
    assert main(["--db", str(db_path), "today", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    kinds = [item["kind"] for item in items]
    assert kinds.index("follow_up") < kinds.index("first_message") < kinds.index("meeting")
    meeting = next(item for item in items if item["kind"] == "meeting")
    assert meeting["meeting_id"] in {m.id for m in store.calendar.meetings()}
    assert "open: Draft a one-page strategy for the platform team" in meeting["details"]
    assert not any("Ask finance" in line for line in meeting["details"])  # ticked off: done


def test_today_after_a_decline_says_keep_reaching_out_with_the_referral(db_path, capsys):
    store = Store(db_path)
    tomas = store.candidates.add(CandidateInput(name="[bold]Tomás[/]"), stage="asked")
    store.tracker.decline(tomas.id, "too busy", "Mei Lin")
    assert main(["--db", str(db_path), "today"]) == 0
    out = capsys.readouterr().out
    assert "- Keep reaching out: [bold]Tomás[/] suggested Mei Lin" in out


def test_today_on_an_empty_database_says_where_to_start(db_path, capsys):
    assert main(["--db", str(db_path), "today"]) == 0
    assert "Nothing due this week" in capsys.readouterr().out
    assert not db_path.parent.exists()  # reading creates nothing


def test_today_does_not_import_textual(db_path):
    fill_demo(db_path)
    script = (f"import sys\nfrom mentee_tui.cli.main import main\n"
              f"main(['--db', {str(db_path)!r}, 'today'])\n"
              "print('TEXTUAL', 'textual' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "TEXTUAL False" in result.stdout and "Follow up: Mei Lin" in result.stdout
