"""The one duplicate rule: the same email, or the same name and organization."""

from __future__ import annotations

import pytest

from mentee_tui.domain.duplicates import (
    SAME_EMAIL,
    SAME_NAME,
    DuplicateFound,
    DuplicateIndex,
    find_duplicate,
    fold,
)
from mentee_tui.domain.validate import InvalidInput, normalize_email
from mentee_tui.model import Candidate

GRACE = Candidate(id=3, name="Grace Hopper", email="grace@navy.mil", organization="Navy")
TOMAS = Candidate(id=4, name="Tomás Ortega", organization="Contoso")


def test_fold_drops_case_accents_and_extra_spaces():
    assert fold("  Tomás   ORTEGA ") == "tomas ortega"
    assert fold("Ångström") == fold("angstrom")


@pytest.mark.parametrize(
    ("name", "email", "org", "reason"),
    [
        ("grace hopper", normalize_email("GRACE@navy.mil"), "", SAME_EMAIL),
        ("Someone Else", normalize_email("Grace@NAVY.MIL"), "Other", SAME_EMAIL),
        ("GRACE  HOPPER", "", "navy", SAME_NAME),
        ("Tomas Ortega", "", "CONTOSO", SAME_NAME),
    ],
)
def test_same_email_or_same_name_and_organization_is_a_duplicate(name, email, org, reason):
    found = find_duplicate(name, email, org, [GRACE, TOMAS])
    assert found is not None and found.reason == reason
    assert "is already on the tracker with" in found.message() and "(#" in found.message()


@pytest.mark.parametrize(
    ("name", "email", "org"),
    [("Grace Hopper", "", "Army"), ("Grace Hopper", "grace@army.mil", ""), ("Tomás", "", "Contoso")],
)
def test_other_people_are_not_duplicates(name, email, org):
    assert find_duplicate(name, email, org, [GRACE, TOMAS]) is None


def test_the_card_being_edited_is_not_its_own_duplicate():
    assert find_duplicate("Grace Hopper", "grace@navy.mil", "Navy", [GRACE], exclude_id=3) is None


def test_an_index_names_an_earlier_row_of_the_same_file():
    index = DuplicateIndex([GRACE])
    index.add(Candidate(id=0, name="Ada Lovelace", email="ada@example.org"), line=5)
    found = index.find("Ada L.", "ADA@example.org", "")
    assert found is not None and found.line == 5 and "line 5 of the same file" in found.message()


def test_a_refused_duplicate_is_bad_input():
    exc = DuplicateFound(find_duplicate("grace hopper", "", "navy", [GRACE]))
    assert isinstance(exc, InvalidInput) and "Grace Hopper (#3)" in str(exc)
