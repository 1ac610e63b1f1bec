"""Outreach drafts: which message a card's step calls for, and filling its template (pure).

A template is plain text with named placeholders in braces (`{first_name}`). Every value is
put in once, as it is: a name holding `{career_goals}` or `[bold]` stays that text. A value
the person has not written yet becomes a visible placeholder naming where to write it
("[your career goal — see Reflection 1]"), never an empty sentence; the few optional lines
(who introduced you, the referral) disappear when there is nothing to say.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import arrow

from mentee_tui.domain.agenda import seed_agenda
from mentee_tui.domain.reflection import PROMPTS
from mentee_tui.domain.stages import parse_instant, stage_since
from mentee_tui.domain.text import clean_text
from mentee_tui.domain.timezones import person_zone
from mentee_tui.domain.validate import InvalidInput
from mentee_tui.model import Candidate, Meeting, Mentorship, Settings

DEFAULT_TERM_MONTHS = 12  # the programme's year, until a mentorship sets its own


@dataclass(frozen=True, slots=True)
class DraftKind:
    key: str  # also the template's file name: `<key>.txt`
    title: str
    # After "mark sent": the stage the card naturally moves to, or "follow_up" (log one).
    next_step: str | None = None

    @property
    def filename(self) -> str:
        return f"{self.key}.txt"


KINDS: dict[str, DraftKind] = {
    "coffee_request": DraftKind("coffee_request", "Coffee request", "contacted"),
    "mentorship_ask": DraftKind("mentorship_ask", "Thank-you and the mentorship ask", "asked"),
    "follow_up": DraftKind("follow_up", "Polite follow-up", "follow_up"),
    "suggestions": DraftKind("suggestions", "Thank-you, and whom else they would suggest"),
    "first_meeting": DraftKind("first_meeting", "First-meeting invitation"),
}
KIND_OF_STAGE: dict[str, str] = {
    "researched": "coffee_request",
    "contacted": "coffee_request",
    "coffee": "mentorship_ask",
    "asked": "follow_up",
    "declined": "suggestions",
    "agreed": "first_meeting",
}

# Every placeholder a template may use, with what it holds (the README lists the same).
PLACEHOLDERS: dict[str, str] = {
    "name": "the candidate's name, as on the card",
    "first_name": "the first word of the candidate's name",
    "organization": "their organization (card)",
    "role": "their role (card)",
    "why": "why them (card)",
    "introduced_by_line": "“<who> suggested I get in touch with you.” (card; the line "
                          "goes when nobody introduced you)",
    "about_me": "About me (Reflection)",
    "career_goals": "Career goals to achieve (Reflection)",
    "skills": "Skills to develop (Reflection)",
    "term": "the term in words, “twelve months” (the mentorship, else 12)",
    "cadence": "“one hour a month” (the mentorship, else the meeting length setting)",
    "first_meeting": "the first meeting's day and time (Calendar)",
    "agenda": "the first meeting's agenda (Calendar, else seeded from the reflection)",
    "asked_on": "the day you asked, “on 12 November” (tracker history)",
    "referral_line": "“Thank you for suggesting <name>; …” (the line goes without a referral)",
    "my_name": "your name (Settings)",
}
PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_]+)\}")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve")


class TemplateError(InvalidInput):
    """A template the person changed names a placeholder we do not know."""


@dataclass(frozen=True, slots=True)
class Draft:
    kind: DraftKind
    candidate_id: int
    candidate_name: str
    text: str
    template: str  # where the template came from (a path), for messages


def kind_for(candidate: Candidate) -> DraftKind:
    return KINDS[KIND_OF_STAGE.get(candidate.stage, "coffee_request")]


def missing(what: str, where: str) -> str:
    """The visible placeholder for a value not written yet."""
    return f"[{what} — see {where}]"


def _reflection_number(key: str) -> int:
    return next(i for i, p in enumerate(PROMPTS, start=1) if p.key == key)


def _points(text: str) -> str:
    """A multi-line answer as one phrase: its lines, bullets dropped, joined by "; "."""
    lines = [line.strip(" -*•·\t").rstrip(" .;,") for line in clean_text(text, multiline=True)
             .splitlines()]
    return "; ".join(line for line in lines if line)


def _answer(answers: Mapping[str, str], key: str, what: str, phrase: bool = True) -> str:
    text = answers.get(key, "")
    value = _points(text) if phrase else " ".join(clean_text(text, multiline=True).split())
    return value or missing(what, f"Reflection {_reflection_number(key)}")


def _card(value: str, what: str) -> str:
    value = " ".join(clean_text(value, multiline=True).split())
    return value or missing(what, "the card (e on the tracker)")


def number_words(count: int) -> str:
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)


def term_words(months: int) -> str:
    return f"{number_words(months)} month" + ("" if months == 1 else "s")


def length_words(minutes: int) -> str:
    """60 → "one hour", 90 → "90 minutes", 120 → "two hours"."""
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{number_words(hours)} hour" + ("" if hours == 1 else "s")
    return f"{minutes} minutes"


def draft_values(
    candidate: Candidate,
    *,
    answers: Mapping[str, str],
    settings: Settings,
    now: arrow.Arrow,
    mentorship: Mentorship | None = None,
    meetings: Sequence[Meeting] = (),
    referral: Candidate | None = None,
) -> dict[str, str]:
    """Every placeholder's text for this card (see PLACEHOLDERS)."""
    name = clean_text(candidate.name).strip()
    months = mentorship.months if mentorship is not None else DEFAULT_TERM_MONTHS
    minutes = mentorship.duration_minutes if mentorship is not None else settings.meeting_duration
    first = min((m for m in meetings if mentorship is not None
                 and m.mentorship_id == mentorship.id), key=lambda m: m.number, default=None)
    if first is not None and mentorship is not None:
        start = parse_instant(first.start).to(mentorship.timezone)
        first_meeting = f"{start.format('dddd D MMMM YYYY [at] HH:mm')} ({mentorship.timezone})"
        agenda = first.agenda.strip() or seed_agenda(answers, 1, months)
    else:
        first_meeting = missing("the first meeting's day", "the Calendar (4)")
        agenda = seed_agenda(answers, 1, months)
    introduced = clean_text(candidate.introduced_by).strip()
    return {
        "name": name,
        "first_name": name.split()[0] if name else name,
        "organization": _card(candidate.organization, "their organization"),
        "role": _card(candidate.role, "their role"),
        "why": _card(candidate.why, "why them"),
        "introduced_by_line": (f"{introduced} suggested I get in touch with you."
                               if introduced else ""),
        "about_me": _answer(answers, "about_me", "two or three sentences about you", False),
        "career_goals": _answer(answers, "career_goals", "your career goal"),
        "skills": _answer(answers, "skills", "the skills you want to develop"),
        "term": term_words(months),
        "cadence": f"{length_words(minutes)} a month",
        "first_meeting": first_meeting,
        "agenda": clean_text(agenda, multiline=True),
        "asked_on": ("on " + stage_since(candidate).to(person_zone(settings)).format("D MMMM")
                     if candidate.stage == "asked" else "recently"),
        "referral_line": (f"Thank you for suggesting {clean_text(referral.name).strip()}; "
                          "I will get in touch with them." if referral is not None else ""),
        "my_name": clean_text(settings.your_name).strip()
        or missing("your name", "Settings, your name"),
    }


def unknown_placeholders(template: str) -> list[str]:
    return list(dict.fromkeys(n for n in PLACEHOLDER.findall(template) if n not in PLACEHOLDERS))


def check_template(template: str, source: str) -> None:
    """TemplateError naming the first unknown placeholder and the file it is in."""
    unknown = unknown_placeholders(template)
    if unknown:
        others = f" (and {', '.join('{' + n + '}' for n in unknown[1:])})" if unknown[1:] else ""
        raise TemplateError(
            f"the template {source} uses the unknown placeholder {{{unknown[0]}}}{others}; "
            f"known ones: {', '.join('{' + n + '}' for n in PLACEHOLDERS)}")


def render(template: str, values: Mapping[str, str], source: str = "the template") -> str:
    """The template filled in. Values go in once (never read as placeholders themselves);
    a line made only of placeholders that came out empty is dropped."""
    check_template(template, source)
    lines: list[str] = []
    for line in template.splitlines():
        filled = PLACEHOLDER.sub(lambda m: values[m.group(1)], line)
        if not filled.strip() and line.strip():
            continue  # an optional line with nothing to say
        lines.append(filled.rstrip())
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"


__all__ = [
    "KINDS",
    "KIND_OF_STAGE",
    "PLACEHOLDERS",
    "Draft",
    "DraftKind",
    "TemplateError",
    "check_template",
    "draft_values",
    "kind_for",
    "length_words",
    "missing",
    "render",
    "term_words",
    "unknown_placeholders",
]
