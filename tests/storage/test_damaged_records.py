"""A hand-edited record of the wrong shape gives a clear error, never a traceback."""

import json

import pytest

from mentee_tui.cli.main import main
from mentee_tui.model import CandidateInput
from mentee_tui.storage import StorageError, Store


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: doc.update(history="oops"),
        lambda doc: doc.pop("name"),
        lambda doc: doc.update(name=5),
        lambda doc: doc.update(history=[{"at": 3, "event": "stage"}]),
        lambda doc: doc.update(knows_well="yes"),
    ],
    ids=["history-not-a-list", "no-name", "name-not-text", "bad-history-entry", "flag-not-bool"],
)
def test_damaged_candidate_is_a_storage_error_naming_the_path(db_path, damage, capsys):
    store = Store(db_path)
    store.candidates.add(CandidateInput(name="Ada"))
    data = json.loads(db_path.read_text())
    damage(data["candidates"]["1"])
    db_path.write_text(json.dumps(data))
    before = db_path.read_bytes()
    with pytest.raises(StorageError, match=str(db_path)):
        Store(db_path).candidates.all()
    assert main(["--db", str(db_path), "list"]) == 1
    err = capsys.readouterr().err
    assert str(db_path) in err and "Traceback" not in err and err.count("\n") == 1
    assert main(["--db", str(db_path), "move", "1", "coffee"]) == 1
    assert db_path.read_bytes() == before


def test_damaged_reflection_is_a_storage_error(db_path):
    store = Store(db_path)
    store.reflections.save("skills", "listening")
    data = json.loads(db_path.read_text())
    data["reflections"]["1"]["revisions"] = "nope"
    db_path.write_text(json.dumps(data))
    with pytest.raises(StorageError, match="Reflection"):
        Store(db_path).reflections.all()
