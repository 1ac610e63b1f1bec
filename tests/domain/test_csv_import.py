"""Reading LinkedIn's Connections.csv and mentee-tui's own CSV into an import plan."""

from __future__ import annotations

from datetime import date

import pytest

from mentee_tui.domain.csv_import import LINKEDIN, OWN_CSV, parse_csv, plan_import
from mentee_tui.domain.exports import candidates_csv
from mentee_tui.domain.validate import InvalidInput
from mentee_tui.model import Candidate

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing, see https://www.linkedin.com/psettings/privacy/email."\r\n'
    "\r\n"
)


def linkedin(*rows: str) -> str:
    return "\ufeff" + PREAMBLE + HEADER + "\r\n" + "".join(r + "\r\n" for r in rows)


def test_linkedin_with_bom_crlf_preamble_and_quoted_commas():
    parsed = parse_csv(linkedin(
        'Alan,Turing,https://www.linkedin.com/in/alan,,"Bletchley Park, Hut 8",Cryptanalyst,05 Jan 2024',
        "Katherine,Johnson,https://www.linkedin.com/in/kj,KJ@NASA.gov,NASA,Mathematician,14 Feb 2023",
    ))
    assert parsed.kind == LINKEDIN
    assert [row.line for row in parsed.rows] == [5, 6]
    plan = plan_import(parsed, [])
    alan, kj = plan.added
    assert alan.values["name"] == "Alan Turing"
    assert alan.values["organization"] == "Bletchley Park, Hut 8"
    assert (alan.values["role"], alan.values["source"], alan.values["email"]) == (
        "Cryptanalyst", "linkedin", "")
    assert alan.values["url"] == "https://www.linkedin.com/in/alan"
    assert alan.stage == "researched" and alan.connected_on == date(2024, 1, 5)
    assert kj.values["email"] == "KJ@nasa.gov"  # normalised like typing it


def test_a_connection_date_in_another_language_is_kept_as_text():
    [card] = plan_import(parse_csv(linkedin("Ada,Lovelace,,,,,14 févr. 2023")), []).added
    assert card.connected_on is None and card.connected_text == "14 févr. 2023"


def test_duplicates_of_cards_and_of_earlier_rows_are_skipped():
    existing = [Candidate(id=1, name="Grace Hopper", organization="Navy")]
    plan = plan_import(parse_csv(linkedin(
        "GRACE,hopper,,,navy,Admiral,",
        "Ada,Lovelace,,ada@example.org,,,",
        "Augusta Ada,King,,ADA@example.org,,,",
    )), existing)
    assert [c.values["name"] for c in plan.added] == ["Ada Lovelace"]
    assert [(line, dup.existing.name, dup.line) for line, _label, dup in plan.duplicates] == [
        (4 + 1, "Grace Hopper", None), (7, "Ada Lovelace", 6)]


def test_bad_rows_are_named_by_line_and_person():
    plan = plan_import(parse_csv(linkedin(
        "Bad,Email,,not-an-email,,,", ",,,x@example.org,Acme,,", ",,,,,,", "Too,Many,,,,,,extra",
        "Ok,Person,,,,,",
    )), [])
    assert [c.values["name"] for c in plan.added] == ["Ok Person"]
    messages = [p.message("in.csv") for p in plan.invalid]
    assert messages[0].startswith("in.csv line 5 (Bad Email): invalid email")
    assert messages[1] == "in.csv line 6: a name is required"
    assert messages[2].startswith("in.csv line 8 (Too Many): 8 fields")  # line 7: blank, skipped


def test_control_and_escape_characters_are_stripped_on_import():
    [card] = plan_import(parse_csv(linkedin("\x1b[31mEve\x1b[0m,Evil\x07,,,Acme\u202e,,")), []).added
    assert card.values["name"] == "Eve Evil" and card.values["organization"] == "Acme"


def test_own_csv_round_trips_every_field_and_checks_stages():
    cards = [
        Candidate(id=7, name="Grace Hopper", email="grace@navy.mil", role="Admiral",
                  organization="Navy, US", source="event", url="https://x.org", why="COBOL",
                  notes="line one\nline two", knows_well=True, stage="coffee"),
    ]
    parsed = parse_csv(candidates_csv(cards))
    assert parsed.kind == OWN_CSV
    [card] = plan_import(parsed, []).added
    assert card.stage == "coffee" and card.values["notes"] == "line one\nline two"
    assert card.values["knows_well"] is True and card.values["organization"] == "Navy, US"
    text = "name,stage,knows_well\nAda,Coffee,yes\nBob,lunch,\nCy,,maybe\n"
    plan = plan_import(parse_csv(text), [])
    assert [(c.values["name"], c.stage) for c in plan.added] == [("Ada", "coffee")]
    assert [p.line for p in plan.invalid] == [3, 4]
    assert "unknown stage 'lunch'" in plan.invalid[0].problem
    assert "knows_well must be true or false" in plan.invalid[1].problem


@pytest.mark.parametrize("text", ["", "a,b,c\n1,2,3\n", "Notes:\n" * 30 + HEADER + "\n"])
def test_a_file_without_a_known_header_is_refused(text):
    with pytest.raises(InvalidInput, match="not a mentee-tui or LinkedIn CSV"):
        parse_csv(text)
