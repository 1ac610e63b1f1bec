"""Believable sample data for `--demo`, screenshots and tests: a LinkedIn connection
imported as LinkedIn's export writes it, a referral from a decline, a year of meetings."""

from __future__ import annotations

import os
from collections.abc import Callable

import arrow

from mentee_tui.model import CandidateInput
from mentee_tui.storage import Store

REFLECTIONS = {
    "career_goals": (
        "Lead a platform team of 6-10 engineers within two years.\n"
        "Get better at setting direction, not just delivering tickets."
    ),
    "skills": (
        "Giving hard feedback kindly.\nWriting a one-page strategy.\n"
        "Reading a budget and arguing for headcount."
    ),
    "org_knowledge": (
        "How the product roadmap is really decided.\nWhat the finance team looks for in a proposal."
    ),
    "partnerships": "Closer work with the data science group and with customer support leads.",
    "mentor_wanted": (
        "Someone who moved from senior engineer to director in the last ten years, "
        "ideally outside my reporting line."
    ),
}

# (name, org, role, source, email, final stage, days ago created, stages with days-ago, flags)
CANDIDATES: list[dict] = [
    dict(name="Priya Raman", organization="Northwind", role="Director of Engineering",
         source="linkedin", email="priya.raman@example.com",
         linkedin=("https://www.linkedin.com/in/priya-raman-example", "03 Feb 2022"),
         path=[("researched", 60), ("contacted", 52), ("coffee", 40), ("asked", 30), ("agreed", 24)],
         why="Went from SRE to director in eight years; runs the platform org I admire."),
    dict(name="Tomás Ortega", organization="Contoso", role="VP Product", source="network",
         path=[("researched", 45), ("contacted", 38), ("coffee", 30), ("asked", 21), ("declined", 14)],
         reason="too many mentees this year", notes="Said no for now. Suggested Mei Lin."),
    dict(name="Mei Lin", organization="Contoso", role="Head of Design Systems", source="referral",
         introduced_by="Tomás Ortega", referred_by="Tomás Ortega", path=[("researched", 14), ("contacted", 12)]),
    dict(name="Grace Adeyemi", organization="Fabrikam", role="Principal Engineer",
         source="event", email="grace@example.org",
         path=[("researched", 20), ("contacted", 15), ("coffee", 9)]),
    dict(name="Jonas Becker", organization="Tailspin", role="CTO", source="linkedin",
         path=[("researched", 30), ("contacted", 25), ("coffee", 18), ("asked", 10)]),
    dict(name="Aiko Tanaka", organization="Woodgrove", role="Engineering Manager",
         source="network", path=[("researched", 8)]),
    dict(name="Samir Haddad", organization="Litware", role="Staff Engineer", source="linkedin",
         path=[("researched", 5)]),
    dict(name="Olivia Brown", organization="Northwind", role="Senior Director", source="network",
         knows_well=False, is_supervisor=True, path=[("researched", 12)],
         notes="My skip-level manager; probably not the right choice."),
    dict(name="Kwame Mensah", organization="Adatum", role="Head of Data", source="event",
         path=[("researched", 16), ("contacted", 11)]),
    dict(name="Lena Fischer", organization="Proseware", role="Product Director",
         source="linkedin", knows_well=True, path=[("researched", 9), ("contacted", 6)],
         notes="Former teammate; we talk every week."),
    dict(name="Diego Alvarez", organization="Fourth Coffee", role="COO", source="other",
         path=[("researched", 26), ("contacted", 20), ("declined", 17)],
         reason="no reply after two messages"),
    dict(name="Hannah Kim", organization="Wide World Importers", role="VP Engineering",
         source="linkedin", path=[("researched", 3)]),
]


class _Clock:
    def __init__(self, base: arrow.Arrow) -> None:
        self.base = base
        self.current = base

    def __call__(self) -> arrow.Arrow:
        return self.current


def fill_demo(path: str | os.PathLike[str], now: Callable[[], arrow.Arrow] | None = None) -> Store:
    """Fill a new database at `path` with sample data, dated relative to `now`."""
    base = (now or arrow.now)()
    clock = _Clock(base)
    store = Store(path, now=clock)
    for key, text in REFLECTIONS.items():
        clock.current = base.shift(days=-70)
        store.reflections.save(key, text.split("\n")[0], revision=True)
        clock.current = base.shift(days=-62)
        store.reflections.save(key, text, revision=True)
    for spec in CANDIDATES:
        spec = dict(spec)
        path_ = spec.pop("path")
        first_stage, first_days = path_[0]
        clock.current = base.shift(days=-first_days, hours=-2)
        linkedin = spec.pop("linkedin", None)
        referrer = spec.pop("referred_by", None)
        reason = spec.pop("reason", "")
        if linkedin is not None:
            candidate = _import_from_linkedin(store, CandidateInput(**spec), *linkedin)
        else:
            referred_by = next((c.id for c in store.candidates.all() if c.name == referrer), None)
            candidate = store.candidates.add(CandidateInput(**spec), stage=first_stage,
                                             referred_by=referred_by)
        for stage, days in path_[1:]:
            clock.current = base.shift(days=-days, hours=-1)
            if stage == "declined":
                store.tracker.decline(candidate.id, reason)
            else:
                store.tracker.move(candidate.id, stage)
    clock.current = base.shift(days=-4)
    grace = next(c for c in store.candidates.all() if c.name == "Grace Adeyemi")
    store.candidates.log_event(grace.id, "follow_up", "Sent the notes from our coffee and a thank-you.")
    _demo_mentorship(store, clock, base)
    clock.current = base
    return Store(path, now=now)


def _import_from_linkedin(store: Store, data: CandidateInput, url: str, connected: str):
    """The card as `mentee-tui import Connections.csv` makes it, then the why filled in."""
    from dataclasses import replace

    from mentee_tui.domain.csv_import import parse_csv
    from mentee_tui.storage.exchange import import_csv

    first, _, last = data.name.partition(" ")
    export = ("\ufeffNotes:\r\n\"Some email addresses may be missing.\"\r\n\r\n"
              "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
              f"{first},{last},{url},{data.email},{data.organization},{data.role},{connected}\r\n")
    [card] = import_csv(store.candidates, parse_csv(export)).added
    imported = next(c for c in store.candidates.all() if c.email == card.values["email"])
    return store.candidates.update(imported.id, replace(data, url=url))


def _demo_mentorship(store: Store, clock: _Clock, base: arrow.Arrow) -> None:
    """Priya agreed: a 12-month plan, weekdays only (no meeting on a weekend, whatever the
    day the demo starts), whose first meeting, three weeks ago, went well."""
    from mentee_tui.model import ActionItem, MeetingEdit, MentorshipSetup

    priya = next(c for c in store.candidates.all() if c.name == "Priya Raman")
    clock.current = base.shift(days=-24)
    first = base.shift(days=-21).to("UTC").date().isoformat()
    mentorship = store.tracker.agree(
        priya.id, MentorshipSetup(months=12, rule="same-day", first=first, time="09:00",
                                  duration=60, timezone="UTC", weekdays_only=True,
                                  location="https://meet.example.org/priya-raman"))
    clock.current = base.shift(days=-21, hours=2)
    meeting = store.calendar.meetings(mentorship.id)[0]
    store.calendar.update_meeting(meeting.id, MeetingEdit(
        start=meeting.start, duration_minutes=meeting.duration_minutes, status="done",
        agenda=meeting.agenda,
        notes="Priya suggests writing a one-page team strategy before asking for headcount.\n"
              "She moved from SRE to director by owning one cross-team problem at a time.",
        actions=[ActionItem("Draft a one-page strategy for the platform team"),
                 ActionItem("Ask finance for last year's budget template", done=True)]))
