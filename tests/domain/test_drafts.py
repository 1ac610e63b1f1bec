"""Outreach drafts: the kind per step, the values, placeholders, hostile text, templates."""

from __future__ import annotations

import pytest
from conftest import FIXED_NOW

from mentee_tui.domain.drafts import (
    KINDS,
    PLACEHOLDERS,
    TemplateError,
    draft_values,
    kind_for,
    length_words,
    render,
    term_words,
)
from mentee_tui.model import Candidate, HistoryEntry, Meeting, Mentorship, Settings
from mentee_tui.storage.templates import builtin_template

ANSWERS = {"career_goals": "- Lead a platform team within two years.\n- Set direction",
           "skills": "Giving hard feedback\nWriting a strategy",
           "about_me": "I am a senior engineer at Litware.\nI like hard problems."}


def _card(stage="researched", **fields) -> Candidate:
    values = dict(name="Ada Byron", organization="Analytical", role="Head of Engines",
                  why="She built the first engine team.")
    values.update(fields)
    return Candidate(id=7, stage=stage, created_at=FIXED_NOW.isoformat(),
                     history=[HistoryEntry(at=FIXED_NOW.shift(days=-3).isoformat(),
                                           event="stage", stage=stage)], **values)


def _draft(card: Candidate, answers=ANSWERS, settings=None, **kwargs) -> str:
    kind = kind_for(card)
    values = draft_values(card, answers=answers, settings=settings or Settings(your_name="Sam Lee"),
                          now=FIXED_NOW, **kwargs)
    return render(builtin_template(kind.filename).read_text(), values, kind.filename)


@pytest.mark.parametrize(("stage", "kind"), [
    ("researched", "coffee_request"), ("contacted", "coffee_request"),
    ("coffee", "mentorship_ask"), ("asked", "follow_up"), ("declined", "suggestions"),
    ("agreed", "first_meeting"),
])
def test_each_step_has_its_draft(stage, kind):
    assert kind_for(_card(stage)).key == kind
    assert builtin_template(KINDS[kind].filename).is_file()


def test_the_coffee_request_names_the_candidate_and_carries_the_goal_and_about_me():
    text = _draft(_card(introduced_by="Tomás"))
    assert text.startswith("Subject: A short coffee, Ada?")
    assert "Dear Ada," in text
    assert "Lead a platform team within two years; Set direction." in text
    assert "I am a senior engineer at Litware. I like hard problems." in text
    assert "Tomás suggested I get in touch with you." in text
    assert "as Head of Engines at Analytical" in text
    assert "She built the first engine team." in text
    assert text.rstrip().endswith("Sam Lee")
    assert "[" not in text  # everything was known


def test_the_ask_outlines_the_mentors_part_in_plain_words():
    text = _draft(_card("coffee"), settings=Settings(your_name="Sam", meeting_duration=60))
    assert "Would you consider being my mentor?" in text
    assert "- for twelve months, one hour a month" in text
    assert "- your advice on Giving hard feedback; Writing a strategy;" in text
    assert "I will prepare an agenda, send notes and follow up on what we agree." in text


def test_the_follow_up_says_when_you_asked_and_the_decline_asks_for_others():
    follow = _draft(_card("asked"))
    assert "the note I sent on 23 November" in follow
    referral = Candidate(id=9, name="Mei Lin")
    thanks = _draft(_card("declined"), referral=referral)
    assert "anyone else you would suggest" in thanks
    assert "Thank you for suggesting Mei Lin; I will get in touch with them." in thanks
    assert "suggesting" not in _draft(_card("declined"))  # no referral: the line goes


def test_the_first_meeting_invitation_uses_the_mentorship_and_its_agenda():
    mentorship = Mentorship(id=1, candidate_id=7, mentor="Ada Byron", months=6, rule="same-day",
                            first="2026-12-15", time="09:30", duration_minutes=90,
                            timezone="Europe/Paris")
    meeting = Meeting(id=3, mentorship_id=1, mentor="Ada Byron", number=1,
                      start="2026-12-15T09:30:00+01:00", duration_minutes=90,
                      agenda="- Introductions\n- How we work")
    text = _draft(_card("agreed"), mentorship=mentorship, meetings=[meeting])
    assert "- for six months, 90 minutes a month;" in text
    assert "our first meeting on Tuesday 15 December 2026 at 09:30 (Europe/Paris);" in text
    assert "- Introductions\n- How we work" in text


def test_a_missing_answer_is_a_visible_placeholder_naming_its_prompt():
    text = _draft(_card(role="", organization="", why=""), answers={}, settings=Settings())
    assert "[your career goal — see Reflection 1]" in text
    assert "[two or three sentences about you — see Reflection 6]" in text
    assert "[their role — see the card (e on the tracker)]" in text
    assert "[why them — see the card (e on the tracker)]" in text
    assert "[your name — see Settings, your name]" in text
    assert ": ." not in text and "\n\n\n" not in text  # never an empty sentence
    ask = _draft(_card("coffee"), answers={})
    assert "your advice on [the skills you want to develop — see Reflection 2]" in ask


def test_hostile_names_and_answers_stay_literal_and_are_never_read_as_placeholders():
    card = _card(name="[bold]Mal[/] {career_goals}", organization="[/]", why="{my_name} $x")
    text = _draft(card, answers={"career_goals": "[red]win{"})
    assert "Dear [bold]Mal[/]," in text
    assert "at [/]" in text
    assert "Why I am writing to you: {my_name} $x" in text
    assert "[red]win{." in text


def test_an_unknown_placeholder_is_named_with_its_file():
    with pytest.raises(TemplateError) as caught:
        render("Dear {frist_name},\n{nope} {nope}", {}, "/home/sam/coffee_request.txt")
    message = str(caught.value)
    assert "{frist_name}" in message and "/home/sam/coffee_request.txt" in message
    assert "{nope}" in message and "{first_name}" in message  # the known ones are listed


def test_every_shipped_template_uses_only_known_placeholders():
    import re

    for kind in KINDS.values():
        text = builtin_template(kind.filename).read_text()
        used = set(re.findall(r"\{(\w+)\}", text))
        assert used <= set(PLACEHOLDERS), kind.key
        assert "{my_name}" in text and "{first_name}" in text


def test_words_for_the_term_and_the_meeting_length():
    assert term_words(12) == "twelve months" and term_words(1) == "one month"
    assert length_words(60) == "one hour" and length_words(120) == "two hours"
    assert length_words(45) == "45 minutes"
