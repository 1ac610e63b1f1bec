"""Realistic mentee-tui databases of any size, written straight to the TinyDB JSON file.

The shapes copy what the app itself writes (`mentee-tui add`, `agree`, the demo data):
candidates with a history of stage changes and follow-ups, reflection answers with dated
revisions, and `_meta` with schema_version and next_ids. The one agreed mentor and its
year of meetings are then made by the app's own command line, so they are exactly its own.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

FIRST = """Ada Aiko Amara Ana Anders Aroha Beatriz Bilal Bo Carmen Chen Chiara Chloe Dara
David Deepa Diego Dmitri Elena Emeka Emma Esther Farah Fatima Felix Freya Gabriel Grace
Hana Hannah Hassan Ines Ingrid Isaac Ivan Jamal James Jin Jonas Julia Kai Kamala Karim
Kenji Kwame Lars Layla Lena Leo Lina Luca Lucia Maya Mei Miguel Mila Nadia Naomi Nia
Nikhil Noor Olga Oliver Omar Oscar Paolo Priya Rafael Rania Ravi Rosa Ruth Sam Samir Sara
Sean Sofia Sunil Tariq Thea Tomas Uma Valentina Vikram Wei Yara Yusuf Zainab Zoe Ahmed
Alicia Ben Camille Daniel Eva Hugo Irene Jack Kiran Laura Marco Nora Pablo Rohan Sven
Tara Theo Ursula Victor Wanjiru Ximena Yuki Zara""".split()
LAST = """Abebe Adeyemi Alvarez Andersen Bakker Becker Bianchi Brown Chen Costa Cruz Dubois
Eriksen Fernandes Fischer Garcia Gupta Haddad Hansen Hoffmann Ibrahim Ito Jansen Jovanovic
Kaur Kim Kowalski Kumar Larsen Lee Lin Lopez Mensah Meyer Moreau Murphy Nakamura Nguyen
Novak Okafor Oliveira Olsen Ortega Park Patel Petrov Popescu Quinn Raman Reyes Rossi Said
Santos Sato Schmidt Silva Singh Smith Suzuki Tanaka Taylor Torres Vargas Walker Wang
Weber Wilson Wright Yamamoto Yilmaz Zhang Ahmed Banerjee Castro Dahl Egan Farouk Greco
Horvat Iyer Jensen Kato Lindqvist Mori Nair Owusu Pereira Rahman Sousa Tran Ueda Varga
Wong Xu Yadav Zielinski Achebe Berg Chowdhury Diaz Ekström Fontaine Gallo Hale Ivanova
Jaramillo Khan Lund Moreno Nilsson Ozturk Pham Rios Sharma Tiwari Uribe Valdez Weiss""".split()
ORGS = """Northwind Contoso Fabrikam Tailspin Woodgrove Litware Adatum Proseware Datum
Lucerne Margie Relecloud Trey Wingtip Alpine Coho Fourth-Coffee Humongous Lamna Southridge
Blue-Yonder Graphic-Design Consolidated Tasmanian Wide-World-Importers""".split()
ROLES = ["Director of Engineering", "VP Product", "Head of Design", "Principal Engineer",
         "CTO", "Engineering Manager", "Staff Engineer", "Senior Director", "Head of Data",
         "Product Director", "COO", "VP Engineering", "Head of Platform", "Chief of Staff",
         "Research Lead", "Head of People", "Group Product Manager", "Security Architect"]
WHY = ["Went from engineer to director in eight years.", "Runs the platform org I admire.",
       "Wrote the talk on scaling teams that I keep rereading.",
       "Moved from support to product; I want the same jump.", "Known for growing leaders.",
       "Built the data team from scratch.", ""]
NOTES = ["Met at the spring meetup; friendly, busy until March.", "Prefers email to LinkedIn.",
         "Ask about the reorg she led last year.", "Recommended by two colleagues.",
         "Speaks at the platform guild every quarter.", "", "", ""]
FOLLOW_UPS = ["Sent a short note with the article we talked about.",
              "Replied to say thanks; suggested a call next month.",
              "Sent the notes from our coffee and a thank-you.",
              "Nudged after two weeks of silence.", "Shared my one-page goals ahead of the call."]
REFLECTIONS = {
    "career_goals": "Lead a platform team of 6-10 engineers within two years.\n"
                    "Get better at setting direction, not just delivering tickets.",
    "skills": "Giving hard feedback kindly.\nWriting a one-page strategy.\n"
              "Reading a budget and arguing for headcount.",
    "org_knowledge": "How the product roadmap is really decided.\n"
                     "What the finance team looks for in a proposal.",
    "partnerships": "Closer work with the data science group and with support leads.",
    "mentor_wanted": "Someone who moved from senior engineer to director in the last ten "
                     "years, ideally outside my reporting line.",
    "notes": "Questions for a first meeting: how do you pick what not to do?",
}
PIPELINE = ["researched", "contacted", "coffee", "asked"]
# Most people stay researched, as after a LinkedIn import; a few got further or said no.
STAGE_WEIGHTS = {"researched": 70, "contacted": 14, "coffee": 6, "asked": 3, "declined": 7}


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def _history(rng: random.Random, stage: str, created: datetime, now: datetime) -> list[dict]:
    """Stage changes from researched to `stage`, with follow-ups along the way."""
    path = PIPELINE[: PIPELINE.index(stage) + 1] if stage in PIPELINE else \
        PIPELINE[: rng.randint(2, 4)] + ["declined"]
    moments = sorted(created + (now - created) * rng.random() for _ in path[1:])
    events = [dict(at=_iso(created), event="stage", note="", stage="researched")]
    for step, moment in zip(path[1:], moments):
        events.append(dict(at=_iso(moment), event="stage", note="", stage=step))
        if step in ("contacted", "coffee", "asked") and rng.random() < 0.7:
            later = moment + (now - moment) * rng.random() * 0.5
            events.append(dict(at=_iso(later), event="follow_up", note=rng.choice(FOLLOW_UPS),
                               stage=None))
    return sorted(events, key=lambda e: e["at"])


def candidate(rng: random.Random, name: str, stage: str, now: datetime) -> dict:
    created = now - timedelta(days=rng.uniform(1, 365), seconds=rng.uniform(0, 86400))
    history = _history(rng, stage, created, now)
    org = rng.choice(ORGS).replace("-", " ")
    slug = name.lower().replace(" ", "-")
    source = rng.choices(["linkedin", "network", "referral", "event", "other"],
                         [70, 12, 8, 6, 4])[0]
    return dict(
        created_at=history[0]["at"], email=f"{slug.replace('-', '.')}@example.com"
        if rng.random() < 0.4 else "", history=history,
        introduced_by=f"{rng.choice(FIRST)} {rng.choice(LAST)}" if source == "referral" else "",
        is_supervisor=rng.random() < 0.02, knows_well=rng.random() < 0.04, name=name,
        notes=rng.choice(NOTES), organization=org, referred_by=None, role=rng.choice(ROLES),
        source=source, stage=stage, updated_at=history[-1]["at"],
        url=f"https://www.linkedin.com/in/{slug}" if source == "linkedin" else "",
        why=rng.choice(WHY))


def unique_names(rng: random.Random, count: int) -> list[str]:
    if count > len(FIRST) * len(LAST):
        raise ValueError(f"at most {len(FIRST) * len(LAST)} unique names")
    picks = rng.sample(range(len(FIRST) * len(LAST)), count)
    return [f"{FIRST[i % len(FIRST)]} {LAST[i // len(FIRST)]}" for i in picks]


def build(folder: Path, count: int, app: str, seed: int = 1) -> Path:
    """Write a database of `count` candidates into `folder` (0700) and return its path."""
    rng = random.Random(seed * 100_003 + count)
    now = datetime.now(timezone.utc)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)
    stages = rng.choices(list(STAGE_WEIGHTS), list(STAGE_WEIGHTS.values()), k=count)
    stages[0] = "researched"  # becomes the agreed mentor below
    names = unique_names(rng, count)
    candidates = {str(i): candidate(rng, name, stage, now)
                  for i, (name, stage) in enumerate(zip(names, stages), start=1)}
    reflections = {}
    for doc_id, (key, text) in enumerate(REFLECTIONS.items(), start=1):
        first, last = now - timedelta(days=70), now - timedelta(days=62)
        reflections[str(doc_id)] = dict(
            key=key, text=text, updated_at=_iso(last),
            revisions=[dict(at=_iso(first), text=text.split("\n")[0]),
                       dict(at=_iso(last), text=text)])
    data = {
        "_meta": {"1": {"next_ids": {"candidates": count + 1}, "schema_version": 1}},
        "candidates": candidates,
        "reflections": reflections,
    }
    path = folder / "mentee.json"
    payload = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(payload)
    path.chmod(0o600)
    for command in (["move", "1", "asked"], ["agree", "1"]):
        subprocess.run([app, "--db", str(path), *command], check=True,
                       stdout=subprocess.DEVNULL)
    return path


def stages_of(path: Path) -> dict[str, str]:
    """Candidate id -> stage, as stored now."""
    with open(path, encoding="utf-8") as handle:
        return {key: doc.get("stage", "") for key, doc in json.load(handle)["candidates"].items()}


def names_of(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [doc["name"] for doc in json.load(handle)["candidates"].values()]
