"""A second process for the storage tests: writes to the database the way the app does.

    python writer.py DB add COUNT TAG      add COUNT candidates named "TAG-i"
    python writer.py DB log COUNT TAG ID   log COUNT follow-ups on candidate ID (read-modify-write)

`write_until_killed(db, report_fd)` is the crash test's writer (run in a forked child): it
writes for ever and reports each write on `report_fd` only once it is on disk.

It prints "ready" once imported and waits for a line on stdin before writing, so the
test can start several writers at the same moment; it prints "done" at the end.
"""

from __future__ import annotations

import os
import sys

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store


def write_until_killed(db: str, report_fd: int, tag: str, payload: str) -> None:
    """Write for ever, until SIGKILL: write number i adds a candidate "TAG-i", except every
    fifth (i % 5 == 2) logs a follow-up "TAG-i" on the newest card and every fifth
    (i % 5 == 4) removes the oldest card. Only once a write has returned (fsynced and
    renamed into place) is it reported on `report_fd`: one line "i ID"."""
    store = Store(db)
    i = 0
    while True:
        if i % 5 == 4:
            changed = store.candidates.all()[0].id
            store.tracker.remove(changed)
        elif i % 5 == 2:
            changed = store.candidates.all()[-1].id
            store.candidates.log_event(changed, "follow_up", note=f"{tag}-{i}")
        else:
            changed = store.candidates.add(CandidateInput(name=f"{tag}-{i}", notes=payload)).id
        os.write(report_fd, f"{i} {changed}\n".encode())
        i += 1


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
