"""A second process for the storage tests: writes to the database the way the app does.

    python writer.py DB add COUNT TAG      add COUNT candidates named "TAG-i"
    python writer.py DB log COUNT TAG ID   log COUNT follow-ups on candidate ID (read-modify-write)

It prints "ready" once imported and waits for a line on stdin before writing, so the
test can start several writers at the same moment; it prints "done" at the end.
"""

from __future__ import annotations

import sys

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store


def main(argv: list[str]) -> int:
    db, action, count, tag = argv[0], argv[1], int(argv[2]), argv[3]
    store = Store(db)
    print("ready", flush=True)
    sys.stdin.readline()
    for i in range(count):
        if action == "add":
            store.candidates.add(CandidateInput(name=f"{tag}-{i}", notes=f"written by {tag}"))
        elif action == "log":
            store.candidates.log_event(int(argv[4]), "follow_up", note=f"{tag}-{i}")
        else:
            raise SystemExit(f"unknown action {action!r}")
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
