"""The .ics export imported again and again into a real calendar client (khal, a test
dependency), as a person re-importing after every plan change would: the client must show
exactly the live meetings, no ghost of a removed one and never two events on one day."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from mentee_tui.model import CandidateInput, MentorshipSetup
from mentee_tui.storage.exchange import ics_export

KHAL = Path(sys.executable).with_name("khal")
CONFIG = """\
[calendars]
[[mentoring]]
path = {path}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
default_timezone = Europe/Paris
local_timezone = Europe/Paris
[default]
default_calendar = mentoring
"""


class Khal:
    """khal with its own config, vdir calendar and cache in a temporary folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        calendar = folder / "calendar"
        calendar.mkdir(parents=True)
        self.config = folder / "khal.conf"
        self.config.write_text(CONFIG.format(path=calendar))
        self.env = {**os.environ, "HOME": str(folder), "XDG_DATA_HOME": str(folder / "data"),
                    "XDG_CONFIG_HOME": str(folder / "config"), "TZ": "Europe/Paris"}
        self.imports = 0

    def run(self, *args: str) -> str:
        done = subprocess.run([str(KHAL), "-c", str(self.config), *args], env=self.env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def import_text(self, text: str) -> None:
        self.imports += 1
        path = self.folder / f"export-{self.imports}.ics"
        path.write_text(text)
        self.run("import", "--batch", str(path))

    def events(self) -> list[tuple[str, str, str]]:
        """(uid, status, day) of every event khal lists over the next years."""
        out = self.run("list", "-df", "", "-f", "{uid}|{status}|{start-date}",
                       "2027-01-01", "1500d")
        rows = [line.split("|") for line in out.splitlines() if line.strip()]
        return [(uid, status.strip(), day) for uid, status, day in rows]

    def live(self) -> list[tuple[str, str, str]]:
        return [e for e in self.events() if e[1] != "CANCELLED"]


@pytest.fixture
def khal(tmp_path) -> Khal:
    assert KHAL.exists(), "khal is a test dependency: pip install -e '.[test]'"
    return Khal(tmp_path / "khal")


@pytest.fixture
def mentorship(store):
    mentor = store.candidates.add(CandidateInput(name="Ada", email="ada@example.org"),
                                  stage="asked")
    return store.tracker.agree(mentor.id, MentorshipSetup(
        months=12, rule="same-day", first="2027-01-31", time="09:00", duration=60,
        timezone="Europe/Paris"))


def live_days(store) -> list[str]:
    return [m.start[:10] for m in store.calendar.meetings() if m.upcoming]


def assert_one_event_per_day(events) -> None:
    days = Counter(day for _uid, _status, day in events)
    assert max(days.values(), default=1) == 1, days


def test_shorten_then_extend_leaves_exactly_the_live_meetings(store, mentorship, khal):
    khal.import_text(ics_export(store))
    assert len(khal.live()) == 12

    store.calendar.reschedule(mentorship.id, replace(mentorship.setup(), months=4))
    khal.import_text(ics_export(store))
    live = khal.live()
    assert len(live) == 4, live  # the 8 removed ones were dropped, no ghost
    assert sorted(day for _u, _s, day in live) == live_days(store)

    # Extended again, with another rule: the same months come back on the new days.
    store.calendar.reschedule(mentorship.id, replace(
        mentorship.setup(), months=9, rule="2-tue"))
    khal.import_text(ics_export(store))
    live = khal.live()
    assert len(live) == 9, live
    assert sorted(day for _u, _s, day in live) == live_days(store)
    assert_one_event_per_day(live)
    assert_one_event_per_day(khal.events())  # not even a cancelled copy beside a live one
    uids = [uid for uid, _s, _d in khal.events()]
    assert len(uids) == len(set(uids)) == 12  # one event per meeting ever planned

    # Back to the original plan: the same day as the first export, still one event.
    store.calendar.reschedule(mentorship.id, replace(mentorship.setup(), months=12))
    khal.import_text(ics_export(store))
    assert len(khal.live()) == 12 and len(khal.events()) == 12
    assert_one_event_per_day(khal.events())


def test_an_early_end_cancels_in_the_client_and_undo_brings_them_back(store, mentorship, khal):
    khal.import_text(ics_export(store))
    store.calendar.end(mentorship.id)
    khal.import_text(ics_export(store))
    assert khal.live() == [] and len(khal.events()) == 12
    store.calendar.undo_end(mentorship.id)
    khal.import_text(ics_export(store))
    assert len(khal.live()) == 12
    assert_one_event_per_day(khal.events())


def test_the_default_export_imported_holds_no_notes(store, mentorship, khal):
    from mentee_tui.model import ActionItem, MeetingEdit

    first = store.calendar.meetings()[0]
    store.calendar.update_meeting(first.id, MeetingEdit(
        start=first.start, duration_minutes=60, status="planned", agenda="Goals",
        notes="private note", actions=[ActionItem("private item")]))
    khal.import_text(ics_export(store))
    out = khal.run("list", "-df", "", "-f", "{description}", "2027-01-01", "60d")
    assert "Goals" in out and "private" not in out
