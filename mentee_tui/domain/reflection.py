"""The reflection prompts of the programme's first step, with guidance in our own words."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Prompt:
    key: str
    title: str
    guidance: str


PROMPTS: tuple[Prompt, ...] = (
    Prompt(
        "career_goals",
        "Career goals to achieve",
        "Where do you want to be in one to three years? Name the role, the scope or the "
        "kind of work, not just 'grow'.",
    ),
    Prompt(
        "skills",
        "Skills to develop",
        "Which skills would move you there fastest? Think of the ones you avoid as much as "
        "the ones you enjoy.",
    ),
    Prompt(
        "org_knowledge",
        "Organizational knowledge wanted",
        "What do you wish you understood about how decisions are made, how other teams "
        "work, or where the organization is heading?",
    ),
    Prompt(
        "partnerships",
        "Partnerships and alliances hoped for",
        "Who should you know that you do not know yet? Which teams or people would you like "
        "to work with?",
    ),
    Prompt(
        "mentor_wanted",
        "The mentor I am looking for",
        "Whose career path and experience would you want for yourself? Pick someone you do "
        "not already know well and who is not in your line of management.",
    ),
    Prompt(
        "about_me",
        "About me",
        "Two or three sentences a stranger could read: what you do now, what you are good "
        "at, where you are heading. The outreach drafts open with them.",
    ),
    Prompt(
        "notes",
        "Free notes",
        "Anything else: doubts, ideas for questions, what a good first meeting would look like.",
    ),
)

PROMPT_KEYS: tuple[str, ...] = tuple(p.key for p in PROMPTS)


def prompt_by_key(key: str) -> Prompt:
    for prompt in PROMPTS:
        if prompt.key == key:
            return prompt
    raise KeyError(key)


def answered_count(texts: dict[str, str]) -> int:
    """How many of the prompts have a non-blank answer."""
    return sum(1 for key in PROMPT_KEYS if texts.get(key, "").strip())


def same_answer(before: str, after: str) -> bool:
    """Whether two texts say the same thing: only blank lines or spaces at either end differ.

    A key that only navigated (an `enter` that reached the editor, a stray space) never makes
    a new revision, and a blank answer is never kept as one.
    """
    return before.strip() == after.strip()


def revision_diff(before: str, after: str) -> list[tuple[str, str]]:
    """What changed between two revisions, line by line: ("+", added), ("-", removed), (" ", kept).

    Lines are compared whole, which reads better than a character diff for short paragraphs.
    """
    old, new = before.splitlines(), after.splitlines()
    lines: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines.extend((" ", line) for line in old[i1:i2])
            continue
        lines.extend(("-", line) for line in old[i1:i2])
        lines.extend(("+", line) for line in new[j1:j2])
    return lines
