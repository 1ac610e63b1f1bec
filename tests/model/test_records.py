"""Records and their JSON shape: what storage writes comes back the same, and a damaged
record is refused with a message that names the field."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from mentee_tui.model import (
    ActionItem,
    Candidate,
    DamagedRecord,
    HistoryEntry,
    Meeting,
    Recovery,
    Reflection,
    Revision,
    Settings,
)


def _candidate() -> Candidate:
    at = "2026-11-26T10:00:00+00:00"
    return Candidate(id=7, name="[bold]Ada[/]", email="ada@example.org", knows_well=True,
                     referred_by=3, created_at=at, updated_at=at,
                     history=[HistoryEntry(at=at, event="stage", stage="researched"),
                              HistoryEntry(at=at, event="follow_up", note="wrote again")])


def test_every_record_round_trips_through_its_json_shape():
    candidate = _candidate()
    assert Candidate.from_dict(candidate.to_dict()) == candidate
    assert candidate.to_dict() == asdict(candidate)  # the shape `list --json` prints
    meeting = Meeting(id=1, mentorship_id=1, mentor="Priya", number=2,
                      start="2027-01-11T09:00:00+00:00", duration_minutes=60,
                      actions=[ActionItem("Draft a strategy"), ActionItem("Read", done=True)])
    assert Meeting.from_dict(meeting.to_dict()) == meeting
    assert meeting.to_dict()["actions"] == [{"text": "Draft a strategy", "done": False},
                                            {"text": "Read", "done": True}]
    answer = Reflection(key="skills", text="Feedback", revisions=[Revision(at="x", text="F")])
    assert Reflection.from_dict(answer.to_dict()) == answer
    assert Settings.from_dict(Settings(follow_up_days=3).to_dict()).follow_up_days == 3


def test_a_nested_list_is_a_copy_not_the_stored_one():
    data = Meeting(id=1, mentorship_id=1, mentor="P", number=1, start="s",
                   duration_minutes=60, actions=[ActionItem("a")]).to_dict()
    meeting = Meeting.from_dict(data)
    meeting.actions.append(ActionItem("b"))
    meeting.actions[0].done = True
    assert data["actions"] == [{"text": "a", "done": False}]


def test_plain_string_actions_of_an_older_database_load_as_open_items():
    meeting = Meeting.from_dict({"id": 1, "mentorship_id": 1, "mentor": "P", "number": 1,
                                 "start": "s", "duration_minutes": 60,
                                 "actions": ["old item", {"text": "new", "done": True}]})
    assert meeting.actions == [ActionItem("old item"), ActionItem("new", True)]
    assert meeting.open_items() == ["old item"]
    with pytest.raises(DamagedRecord):
        Meeting.from_dict({"id": 1, "mentorship_id": 1, "mentor": "P", "number": 1,
                           "start": "s", "duration_minutes": 60, "actions": [{"done": 3}]})


@pytest.mark.parametrize("field, value, expected", [
    ("knows_well", "yes", "knows_well='yes', expected bool"),
    ("referred_by", True, "referred_by=True, expected int | None"),  # a bool is not an id
    ("history", {"at": "x"}, "expected list"),
])
def test_a_value_of_the_wrong_type_is_refused_by_name(field, value, expected):
    data = _candidate().to_dict() | {field: value}
    with pytest.raises(DamagedRecord, match=expected.replace("|", r"\|")):
        Candidate.from_dict(data)


def test_missing_fields_and_non_objects_are_damaged_records():
    with pytest.raises(DamagedRecord, match="incomplete"):
        Candidate.from_dict({"name": "no id"})
    with pytest.raises(DamagedRecord, match="not a JSON object"):
        Candidate.from_dict(["not", "an", "object"])
    with pytest.raises(DamagedRecord, match="HistoryEntry record is incomplete"):
        Candidate.from_dict(_candidate().to_dict() | {"history": [{"event": "stage"}]})
    with pytest.raises(DamagedRecord, match="Recovery record"):
        Recovery.from_dict({"kind": 3})


def test_a_revision_records_the_restore_it_came_from_and_old_files_still_load():
    old = Reflection.from_dict({"key": "skills", "text": "F", "updated_at": "",
                                "revisions": [{"at": "2026-11-01T09:00:00+00:00", "text": "F"}]})
    assert old.revisions[0].restored_from == ""
    assert "restored_from" not in old.to_dict()["revisions"][0]  # the old shape, unchanged
    restored = Revision(at="2026-11-02T09:00:00+00:00", text="F",
                        restored_from="2026-11-01T09:00:00+00:00")
    assert Revision(**restored.to_dict()) == restored
