"""Reflection answers: an autosaved working copy plus dated revisions."""

from __future__ import annotations

from tinydb import Query

from mentee_tui.domain.reflection import PROMPT_KEYS
from mentee_tui.models import Reflection, Revision
from mentee_tui.storage.core import Database, InvalidInput
from mentee_tui.text import clean_text

TABLE = "reflections"


def _check_key(key: str) -> str:
    if key not in PROMPT_KEYS:
        raise InvalidInput(f"unknown reflection prompt {key!r}")
    return key


class ReflectionRepository:
    db: Database

    def reflections(self) -> dict[str, Reflection]:
        """Every prompt, answered or not, keyed by prompt key."""
        with self.db.reading() as db:
            docs = db.table(TABLE).all()
        found = {doc["key"]: Reflection.from_dict(doc) for doc in docs}
        return {key: found.get(key, Reflection(key=key)) for key in PROMPT_KEYS}

    def save_reflection(self, key: str, text: str, *, revision: bool = False) -> Reflection:
        """Store the working copy; with `revision`, also keep a dated revision if it changed."""
        _check_key(key)
        text = clean_text(text, multiline=True)
        with self.db.writing() as db:
            table = db.table(TABLE)
            doc = table.get(Query().key == key)
            current = Reflection.from_dict(doc) if doc else Reflection(key=key)
            now = self.db.now_iso()
            if current.text != text:
                current.text = text
                current.updated_at = now
            if revision:
                last = current.revisions[-1].text if current.revisions else ""
                if current.text != last:
                    current.revisions.append(Revision(at=now, text=current.text))
            if doc is None:
                table.insert(current.to_dict())
            else:
                table.update(current.to_dict(), doc_ids=[doc.doc_id])
            return current
