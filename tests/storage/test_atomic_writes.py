"""The database is written in pieces (`serialize_chunks`), atomically (`atomic`)."""

from __future__ import annotations

import os

import orjson
import pytest

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store
from mentee_tui.storage import database
from mentee_tui.storage.atomic import atomic_write_chunks


@pytest.mark.parametrize("data", [
    {},
    {"_meta": {"1": {"schema_version": 3}}, "empty": {}},
    {"candidates": {str(i): {"name": f"Person {i} ✓", "history": [{"at": "x"}] * (i % 3)}
                    for i in range(1, 1203)},
     "meetings": {"7": {"notes": "line\nbreak \"quoted\""}}},
], ids=["nothing", "empty-table", "tables-over-several-pieces"])
def test_the_pieces_are_exactly_the_whole_file(data, monkeypatch):
    monkeypatch.setattr(database, "CHUNK_DOCS", 500)
    pieces = list(database.serialize_chunks(data))
    assert b"".join(pieces) == orjson.dumps(data)
    assert orjson.loads(b"".join(pieces)) == data
    if len(data.get("candidates", {})) > 1000:  # 1,202 documents: three pieces of them
        assert len(pieces) >= 2 + 3


def test_a_store_file_written_in_pieces_reads_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "CHUNK_DOCS", 2)  # every few cards a new piece
    path = tmp_path / "mentee.json"
    store = Store(path)
    names = [f"Person {i}" for i in range(7)]
    for name in names:
        store.candidates.add(CandidateInput(name=name, organization=f"Org {name}"))
    again = Store(path)
    assert [c.name for c in again.candidates.all()] == names
    assert orjson.loads(path.read_bytes())["candidates"]["7"]["name"] == "Person 6"


def test_content_failing_half_way_leaves_the_old_file_and_no_temp_file(tmp_path):
    path = tmp_path / "mentee.json"
    path.write_bytes(b'{"old": {}}')

    def pieces():
        yield b'{"new": {'
        raise TypeError("Type is not JSON serializable: object")

    with pytest.raises(TypeError):
        atomic_write_chunks(path, pieces())
    assert path.read_bytes() == b'{"old": {}}'
    assert os.listdir(tmp_path) == ["mentee.json"]


def test_a_file_written_in_pieces_is_private(tmp_path):
    path = tmp_path / "out.json"
    atomic_write_chunks(path, [b"{", b"}"])
    assert path.read_bytes() == b"{}"
    assert path.stat().st_mode & 0o777 == 0o600
