"""`mentee-tui plan`, `end`, `meeting`, `export ics --with-notes` and `export agreement`:
what they change, and every bad input refused with one line, exit 2 and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from mentee_tui.cli.main import main
from mentee_tui.model import CandidateInput, MentorshipSetup
from mentee_tui.storage import Store


@pytest.fixture
def db(db_path) -> str:
    store = Store(db_path)
    ada = store.candidates.add(CandidateInput(name="Ada Lovelace", email="ada@example.org"),
                               stage="asked")
    store.candidates.add(CandidateInput(name="Bob"), stage="asked")  # id 2, no mentorship
    store.tracker.agree(ada.id, MentorshipSetup(
        months=12, rule="same-day", first="2027-01-31", time="09:00", duration=60,
        timezone="Europe/Paris"))
    return str(db_path)


def run(db: str, *args: str) -> int:
    """The exit status, whether main returns it or argparse exits with it."""
    try:
        return main(["--db", db, *args])
    except SystemExit as exit_:
        return int(exit_.code or 0)


def test_plan_shortens_and_extends_keeping_the_uids(db, capsys):
    uids = [m.uid for m in Store(db).calendar.meetings()]
    assert run(db, "plan", "1", "--months", "4") == 0
    out = capsys.readouterr().out
    assert "Ada Lovelace: 4 monthly meetings" in out and "8 meetings past the new term" in out
    assert "on a weekend: Sun 31 Jan" in out  # and it says how to avoid it
    assert len(Store(db).calendar.meetings()) == 4
    assert run(db, "plan", "1", "--months", "12", "--rule", "2-tue", "--time", "08:30",
               "--weekdays-only") == 0
    meetings = Store(db).calendar.meetings()
    assert [m.uid for m in meetings] == uids
    assert meetings[0].start == "2027-01-12T08:30:00+01:00"
    assert Store(db).calendar.mentorships()[0].weekdays_only


def test_plan_weekdays_only_moves_weekend_meetings_within_the_month(db, capsys):
    assert run(db, "plan", "1", "--weekdays-only") == 0
    starts = [m.start[:10] for m in Store(db).calendar.meetings()]
    # Sun 31 Jan → Fri 29; Sun 28 Feb → Fri 26 (Monday would be March)
    assert starts[:3] == ["2027-01-29", "2027-02-26", "2027-03-31"]
    assert "weekend" not in capsys.readouterr().out
    assert run(db, "plan", "1", "--any-day") == 0
    assert Store(db).calendar.meetings()[0].start[:10] == "2027-01-31"


def test_end_cancels_the_planned_meetings(db, capsys):
    assert run(db, "end", "1") == 0
    assert "12 planned meetings cancelled" in capsys.readouterr().out
    assert {m.status for m in Store(db).calendar.meetings()} == {"cancelled"}


def test_meeting_sets_status_note_actions_and_ticks(db, capsys):
    assert run(db, "meeting", "1", "--status", "done", "--note", "Talked budgets",
               "--action", "Draft the strategy", "--action", "Call Sam") == 0
    assert run(db, "meeting", "1", "--note", "Second thought", "--done", "2") == 0
    meeting = Store(db).calendar.meetings()[0]
    assert meeting.status == "done"
    assert meeting.notes == "Talked budgets\n\nSecond thought"
    assert [(a.text, a.done) for a in meeting.actions] == [
        ("Draft the strategy", False), ("Call Sam", True)]
    assert run(db, "meetings") == 0
    out = capsys.readouterr().out
    assert "1. [ ] Draft the strategy" in out and "2. [x] Call Sam" in out
    # Meeting 2's agenda in the export carries the open item (with --with-notes only).
    assert run(db, "export", "ics", "--with-notes") == 0
    events = Calendar.from_ical(capsys.readouterr().out).walk("VEVENT")
    assert "- [ ] Draft the strategy" in str(events[1]["DESCRIPTION"])
    assert "Call Sam" not in str(events[1]["DESCRIPTION"])


def test_export_ics_default_has_no_notes_and_with_notes_has_them(db, capsys):
    run(db, "meeting", "1", "--note", "She suggested shadowing", "--action", "Read the book")
    Store(db).settings.update(email="me@example.org", reminder="2h")
    capsys.readouterr()
    assert run(db, "export", "ics") == 0
    plain = capsys.readouterr().out
    assert "shadowing" not in plain and "Read the book" not in plain
    event = Calendar.from_ical(plain).walk("VEVENT")[0]
    assert str(event["ORGANIZER"]) == "mailto:me@example.org"
    assert str(event["ATTENDEE"]) == "mailto:ada@example.org"
    assert "-PT2H" in event.walk("VALARM")[0].to_ical().decode()
    assert run(db, "export", "ics", "--with-notes") == 0
    full = capsys.readouterr().out
    assert "shadowing" in full and "Read the book" in full


def test_export_agreement_is_markdown_prefilled_from_the_plan(db, capsys, tmp_path):
    target = tmp_path / "agreement.md"
    assert run(db, "export", "agreement", "-o", str(target)) == 0
    text = target.read_text()
    assert text.startswith("# Mentoring agreement with Ada Lovelace\n")
    for heading in ("## Goals", "## Term", "## How often we meet", "## How and where we meet",
                    "## Confidentiality", "## Mid-term check-in", "## Ending the mentorship"):
        assert f"\n{heading}\n" in text, heading
    assert "12 months, from January 2027 to December 2027." in text
    assert "In June 2027, halfway through" in text
    assert oct(target.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "1"], "nothing to change"),
        (["plan", "x", "--months", "3"], "not a candidate id: 'x'"),
        (["plan", "9", "--months", "3"], "no candidate with id 9"),
        (["plan", "2", "--months", "3"], "candidate 2 has no mentorship"),
        (["plan", "1", "--months", "13"], "1 to 12"),
        (["plan", "1", "--rule", "5-tue"], "2-tue"),
        (["plan", "1", "--time", "25:00"], "23:59"),
        (["plan", "1", "--duration", "1"], "5 to 600"),
        (["plan", "1", "--tz", "Mars/Olympus"], "IANA"),
        (["plan", "1", "--rule", "2-sat", "--weekdays-only"], "cannot be weekdays only"),
        (["plan", "1", "--months", "abc"], "invalid int value"),
        (["end", "x"], "not a candidate id"),
        (["end", "9"], "no candidate with id 9"),
        (["end", "2"], "candidate 2 has no mentorship"),
        (["meeting", "1"], "nothing to change"),
        (["meeting", "x", "--status", "done"], "not a meeting id"),
        (["meeting", "99", "--status", "done"], "no meeting with id 99"),
        (["meeting", "1", "--status", "maybe"], "unknown status 'maybe'"),
        (["meeting", "1", "--note", "  "], "--note needs some text"),
        (["meeting", "1", "--action", ""], "--action needs some text"),
        (["meeting", "1", "--done", "1"], "--done 1: meeting 1 has 0 action items"),
        (["meeting", "1", "--action", "a", "--done", "2"], "--done 2"),
        (["meeting", "1", "--done", "x"], "invalid int value"),
        (["export", "md", "--with-notes"], "--with-notes is for `export ics`"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(db, capsys, args, message):
    before = Path(db).read_bytes()
    assert run(db, *args) == 2
    err = capsys.readouterr().err
    assert message in err, err
    assert len(err.strip().splitlines()) == 1, err
    assert Path(db).read_bytes() == before


def test_an_ended_mentorship_cannot_be_replanned_or_ended_again(db, capsys):
    run(db, "end", "1")
    before = Path(db).read_bytes()
    capsys.readouterr()
    for args in (["plan", "1", "--months", "3"], ["end", "1"]):
        assert run(db, *args) == 2
        assert "the mentorship with Ada Lovelace has ended" in capsys.readouterr().err
    assert Path(db).read_bytes() == before


@pytest.mark.parametrize("command", ["plan", "end", "meeting", "export"])
def test_each_help_has_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert f"Example:\n  mentee-tui {command} " in out
