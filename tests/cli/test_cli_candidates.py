"""`add` with every field and duplicates, `show`, `edit`, `remove`, `follow-up`, `decline`,
case-insensitive stages, and leaving agreed only with --end-mentorship."""

from __future__ import annotations

import json
import sys

import pytest

from mentee_tui.cli.main import main
from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store


@pytest.fixture
def db(db_path) -> str:
    return str(db_path)


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def one_line(err: str, *needles: str) -> None:
    assert err.startswith("mentee-tui: ") and err.count("\n") == 1, err
    for needle in needles:
        assert needle in err, err


def test_add_takes_every_field(capsys, db, db_path):
    status, out, err = run(
        capsys, "--db", db, "add", "Grace Hopper", "--email", "grace@navy.mil", "--org", "Navy",
        "--role", "Admiral", "--source", "event", "--url", "https://example.org/grace",
        "--why", "COBOL", "--introduced-by", "Ada", "--notes", "ask about ships",
        "--knows-well", "--supervisor", "--stage", "COFFEE")
    assert (status, out, err) == (0, "1\n", "")
    grace = Store(db_path).candidates.get(1)
    assert (grace.url, grace.why, grace.introduced_by, grace.notes) == (
        "https://example.org/grace", "COBOL", "Ada", "ask about ships")
    assert grace.knows_well and grace.is_supervisor and grace.stage == "coffee"


@pytest.mark.parametrize(
    ("args", "why"),
    [(["grace hopper", "--email", "GRACE@navy.mil"], "the same email"),
     (["GRÂCE  HOPPER", "--org", "NAVY"], "the same name and organization")],
)
def test_add_refuses_a_duplicate_with_a_clear_line(capsys, db, db_path, args, why):
    assert run(capsys, "--db", db, "add", "Grace Hopper", "--email", "grace@navy.mil",
               "--org", "Navy")[0] == 0
    before = db_path.read_bytes()
    status, out, err = run(capsys, "--db", db, "add", *args)
    assert status == 2 and out == ""
    one_line(err, "Grace Hopper (#1)", why, "not added", "--allow-duplicate")
    assert db_path.read_bytes() == before
    status, out, _ = run(capsys, "--db", db, "add", *args, "--allow-duplicate")
    assert (status, out) == (0, "2\n")


def test_show_prints_the_card_and_its_history(capsys, db):
    run(capsys, "--db", db, "add", "[bold]Mei[/]", "--org", "Contoso", "--knows-well")
    run(capsys, "--db", db, "move", "1", "contacted")
    status, out, err = run(capsys, "--db", db, "show", "1")
    assert status == 0 and err == ""
    assert out.startswith("1  [bold]Mei[/]\n") and "organization: Contoso" in out
    assert "⚠ Warning: you know them well" in out
    assert "moved to researched" in out and "moved to contacted" in out
    status, out, _ = run(capsys, "--db", db, "show", "1", "--json")
    data = json.loads(out)
    assert data["id"] == 1 and data["stage"] == "contacted" and len(data["history"]) == 2


def test_edit_changes_only_the_fields_given(capsys, db, db_path):
    run(capsys, "--db", db, "add", "Ada", "--org", "Engines", "--supervisor")
    status, out, err = run(capsys, "--db", db, "edit", "1", "--email", "Ada@Example.COM",
                           "--role", "Analyst", "--no-supervisor")
    assert status == 0 and err == ""
    assert out.startswith("1 Ada: changed ") and "email" in out and "is supervisor" in out
    ada = Store(db_path).candidates.get(1)
    assert (ada.email, ada.role, ada.organization, ada.is_supervisor) == (
        "Ada@example.com", "Analyst", "Engines", False)
    assert run(capsys, "--db", db, "edit", "1", "--org", "")[0] == 0
    assert Store(db_path).candidates.get(1).organization == ""


def test_edit_refuses_bad_values_duplicates_and_nothing_to_do(capsys, db, db_path):
    run(capsys, "--db", db, "add", "Ada", "--email", "ada@example.org")
    run(capsys, "--db", db, "add", "Grace")
    before = db_path.read_bytes()
    for args, needle in ((["edit", "2", "--email", "ADA@example.org"], "the same email"),
                         (["edit", "2", "--email", "nope"], "invalid email"),
                         (["edit", "2"], "nothing to change"),
                         (["edit", "9", "--role", "x"], "no candidate with id 9"),
                         (["edit", "x", "--role", "x"], "not a candidate id")):
        status, out, err = run(capsys, "--db", db, *args)
        assert status == 2 and out == ""
        one_line(err, needle)
    assert db_path.read_bytes() == before


def test_remove_asks_or_needs_yes(capsys, db, db_path, monkeypatch):
    run(capsys, "--db", db, "add", "Ada")
    before = db_path.read_bytes()
    status, _, err = run(capsys, "--db", db, "remove", "1")  # no terminal: nobody to ask
    assert status == 2
    one_line(err, "needs --yes")
    assert db_path.read_bytes() == before
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert run(capsys, "--db", db, "remove", "1")[1] == "Nothing removed.\n"
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert run(capsys, "--db", db, "remove", "1")[1] == "removed 1 Ada\n"
    assert Store(db_path).candidates.all() == []
    run(capsys, "--db", db, "add", "Grace")
    status, out, _ = run(capsys, "--db", db, "remove", "2", "--yes")
    assert (status, out) == (0, "removed 2 Grace\n")


def test_follow_up_is_logged_with_its_note(capsys, db, db_path):
    run(capsys, "--db", db, "add", "Ada", "--stage", "contacted")
    status, out, _ = run(capsys, "--db", db, "follow-up", "1", "--note", "sent \x1b[31mnotes")
    assert (status, out) == (0, "1 Ada: follow-up logged\n")
    entry = Store(db_path).candidates.get(1).history[-1]
    assert (entry.event, entry.note) == ("follow_up", "sent notes")


def test_follow_up_on_an_earlier_day_and_a_future_day_refused(capsys, db, db_path):
    run(capsys, "--db", db, "add", "Ada", "--stage", "contacted")
    status, _, _ = run(capsys, "--db", db, "follow-up", "1", "--on", "2020-01-02")
    assert status == 0
    dated = [h for h in Store(db_path).candidates.get(1).history if h.event == "follow_up"]
    assert [h.at[:10] for h in dated] == ["2020-01-02"]
    before = db_path.read_bytes()
    for day, message in (("2999-01-01", "in the future"), ("next week", "real date")):
        status, _, err = run(capsys, "--db", db, "follow-up", "1", "--on", day)
        assert status == 2 and message in err
    assert db_path.read_bytes() == before


def test_decline_with_reason_and_referral(capsys, db, db_path):
    run(capsys, "--db", db, "add", "Tomás", "--stage", "asked")
    status, out, _ = run(capsys, "--db", db, "decline", "1", "--reason", "busy",
                         "--referral", "Mei Lin")
    assert status == 0
    assert out == "1 Tomás: declined\n2 Mei Lin: added to researched, referred by Tomás\n"
    store = Store(db_path)
    assert store.candidates.get(1).history[-1].note == "busy"
    mei = store.candidates.get(2)
    assert (mei.referred_by, mei.source, mei.stage) == (1, "referral", "researched")
    status, out, _ = run(capsys, "--db", db, "decline", "1")
    assert "already in declined; nothing changed" in out
    run(capsys, "--db", db, "add", "Ada", "--stage", "asked")
    before = db_path.read_bytes()
    status, _, err = run(capsys, "--db", db, "decline", "3", "--referral", "MEI LIN")
    assert status == 2
    one_line(err, "Mei Lin (#2) is already on the tracker")
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("command", [["move", "1", "Coffee"], ["decline", "1"]])
def test_leaving_agreed_needs_end_mentorship(capsys, db, db_path, command):
    Store(db_path).candidates.add(CandidateInput(name="Priya"), stage="asked")
    assert run(capsys, "--db", db, "agree", "1", "--months", "2", "--first", "2027-01-05")[0] == 0
    before = db_path.read_bytes()
    status, out, err = run(capsys, "--db", db, *command)
    assert status == 2 and out == ""
    one_line(err, "Priya is your mentor", "would end the mentorship",
             "cancel 2 planned meetings", "--end-mentorship")
    assert db_path.read_bytes() == before
    status, out, _ = run(capsys, "--db", db, *command, "--end-mentorship")
    assert status == 0 and "The mentorship with Priya has ended" in out
    assert {m.status for m in Store(db_path).calendar.meetings()} == {"cancelled"}


def test_stage_names_are_case_insensitive(capsys, db):
    run(capsys, "--db", db, "add", "Ada", "--stage", "Contacted")
    assert run(capsys, "--db", db, "move", "1", "ASKED")[1] == "1 Ada: asked\n"
    status, out, _ = run(capsys, "--db", db, "list", "--stage", "Asked", "--json")
    assert [c["name"] for c in json.loads(out)] == ["Ada"]
    status, _, err = run(capsys, "--db", db, "add", "Bo", "--stage", "Agreed")
    assert status == 2 and "mentee-tui agree" in err
