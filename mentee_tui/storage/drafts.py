"""An outreach draft for one card: its template filled from the stored records, and
saving it as a private file beside the database."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mentee_tui.domain.drafts import Draft, draft_values, kind_for, render
from mentee_tui.storage.database import StorageError
from mentee_tui.storage.files import write_private_text
from mentee_tui.storage.templates import read_template

if TYPE_CHECKING:
    from mentee_tui.storage.store import Store


def compose_draft(store: Store, candidate_id: int) -> Draft:
    """The draft for the card's step (see `domain.drafts`); TemplateError for a template
    naming an unknown placeholder, StorageError for one that cannot be read."""
    candidate = store.candidates.get(candidate_id)
    kind = kind_for(candidate)
    answers = {key: r.text for key, r in store.reflections.all().items()}
    mentorship, meetings = None, []
    if candidate.stage == "agreed":
        mine = [m for m in store.calendar.mentorships() if m.candidate_id == candidate.id]
        mentorship = next((m for m in reversed(mine) if m.active), mine[-1] if mine else None)
        if mentorship is not None:
            meetings = store.calendar.meetings(mentorship.id)
    referral = None
    if candidate.stage == "declined":
        referral = next((c for c in reversed(store.candidates.all())
                         if c.referred_by == candidate.id), None)
    values = draft_values(candidate, answers=answers, settings=store.settings.get(),
                          now=store.now(), mentorship=mentorship, meetings=meetings,
                          referral=referral)
    template, path = read_template(kind.filename)
    return Draft(kind=kind, candidate_id=candidate.id, candidate_name=candidate.name,
                 text=render(template, values, str(path)), template=str(path))


def draft_file(db_path: Path, draft: Draft) -> Path:
    """Beside the database: `draft-3-coffee_request.txt`."""
    return Path(db_path).parent / f"draft-{draft.candidate_id}-{draft.kind.key}.txt"


def save_draft(db_path: Path, draft: Draft, text: str) -> Path:
    """Write `text` (the draft as edited) private (0600) and atomic; the path written."""
    path = draft_file(db_path, draft)
    body = text if text.endswith("\n") else text + "\n"
    try:
        write_private_text(path, body)
    except OSError as exc:
        raise StorageError(f"cannot save the draft to {path}: {exc.strerror or exc}") from exc
    return path


__all__ = ["compose_draft", "draft_file", "save_draft"]
