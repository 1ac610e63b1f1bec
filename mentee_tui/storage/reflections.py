"""Reflection answers: an autosaved working copy plus dated revisions."""

from __future__ import annotations

from collections.abc import Callable

from tinydb import Query
from tinydb.table import Table

from mentee_tui.domain.reflection import PROMPT_KEYS, same_answer
from mentee_tui.domain.text import clean_text
from mentee_tui.domain.validate import InvalidInput
from mentee_tui.model import Reflection, Revision
from mentee_tui.storage.database import Database
from mentee_tui.storage.tables import to_reflection as _to_reflection

TABLE = "reflections"


def _check_key(key: str) -> str:
    if key not in PROMPT_KEYS:
        raise InvalidInput(f"unknown reflection prompt {key!r}")
    return key


def _apply(table: Table, key: str, text: str, revision: bool, now: str,
           base: str | None = None, overwritten: list[str] | None = None,
           restored_from: str = "") -> Reflection:
    """Write one answer's working copy (and maybe a revision) into an open transaction.

    `base` is the text this editor last read or wrote. If the stored text is another one
    (a second session saved meanwhile), that text is kept as a revision before it is
    replaced, and its key goes into `overwritten`: two sessions lose nothing.
    A revision is kept only when the text says something new (`same_answer`); one made by
    restoring an earlier revision records that revision's date in `restored_from`.
    """
    doc = table.get(Query().key == key)
    current = Reflection.from_dict(doc) if doc else Reflection(key=key)
    if base is not None and current.text not in (base, text) and current.text.strip():
        if overwritten is not None:
            overwritten.append(key)
        if text == base:
            # Nothing new on this side (leaving an answer saved earlier): the other
            # session's newer text stays, and this one is kept as a revision.
            if revision and text.strip() and text not in [r.text for r in current.revisions[-2:]]:
                current.revisions.append(Revision(at=now, text=text))
            table.update(current.to_dict(), doc_ids=[doc.doc_id])
            return current
        if not current.revisions or current.revisions[-1].text != current.text:
            current.revisions.append(Revision(at=current.updated_at or now, text=current.text))
    if current.text != text:
        current.text = text
        current.updated_at = now
    if revision:
        last = current.revisions[-1].text if current.revisions else ""
        if not same_answer(current.text, last):
            current.revisions.append(
                Revision(at=now, text=current.text, restored_from=restored_from))
    if doc is None:
        table.insert(current.to_dict())
    else:
        table.update(current.to_dict(), doc_ids=[doc.doc_id])
    return current


class ReflectionRepository:
    def __init__(self, db: Database, clock: Callable[[], str]) -> None:
        self.db = db
        self.now_iso = clock

    def all(self) -> dict[str, Reflection]:
        """Every prompt, answered or not, keyed by prompt key."""
        found = {r.key: r for r in self.db.records(TABLE, _to_reflection)}
        return {key: found.get(key, Reflection(key=key)) for key in PROMPT_KEYS}

    def get(self, key: str) -> Reflection:
        """One prompt's answer with its revisions, oldest first."""
        return self.all()[_check_key(key)]

    def save(
        self, key: str, text: str, *, revision: bool = False, base: str | None = None,
        overwritten: list[str] | None = None, restored_from: str = "",
    ) -> Reflection:
        """Store the working copy; with `revision`, also keep a dated revision if it changed.
        `base`, `overwritten` and `restored_from` (the date of the revision being restored):
        see `_apply`."""
        bases = None if base is None else {key: base}
        restored = {key: restored_from} if restored_from else None
        return self.save_many({key: text}, revision=revision, bases=bases,
                              overwritten=overwritten, restored=restored)[key]

    def save_many(
        self, texts: dict[str, str], *, revision: bool = False,
        lock_timeout: float | None = None, bases: dict[str, str] | None = None,
        overwritten: list[str] | None = None, restored: dict[str, str] | None = None,
    ) -> dict[str, Reflection]:
        """Store several answers in one write (a hang-up saves every editor at once, with a
        short `lock_timeout`: the process must end soon, not wait on another session)."""
        cleaned = {_check_key(key): clean_text(text, multiline=True) for key, text in texts.items()}
        bases, restored = bases or {}, restored or {}
        waits = {} if lock_timeout is None else {"lock_timeout": lock_timeout}
        with self.db.writing(**waits) as tx:
            table = tx.table(TABLE)
            now = self.now_iso()
            return {
                key: _apply(table, key, text, revision, now, bases.get(key), overwritten,
                            restored.get(key, ""))
                for key, text in cleaned.items()
            }


__all__ = ["TABLE", "ReflectionRepository"]
