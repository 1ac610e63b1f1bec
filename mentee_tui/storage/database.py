"""The database file: parsed once per version, written atomically, shared between processes.

Every user action is one read-modify-write under a cross-process lock (filelock). A
transaction works on the file's current contents: the snapshot kept from the last read
when the file has not changed since (its inode, mtime and size, which every atomic
replace changes), else the file read afresh by path. A new TinyDB is built over that
snapshot for each transaction, so TinyDB's query caches and next-id counters are never
stale after another process replaced the file. Documents are never changed in place
(`_ReplacingTable`), so the snapshot that readers and the typed-record cache hold stays
as it was until the new version is on disk. The whole action is then written once:
serialised compactly first, written to a 0600 temp file in the same folder, fsynced and
`os.replace`d, so a crash never leaves a torn file.
"""

from __future__ import annotations

import os
import shutil
import stat
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from mentee_tui.model import DamagedRecord
from mentee_tui.storage.atomic import atomic_write_chunks

if TYPE_CHECKING:
    from filelock import FileLock

SCHEMA_VERSION = 1
META_TABLE = "_meta"
LOCK_TIMEOUT_SECONDS = 15.0
LOCK_SLICE_SECONDS = 0.05  # a wait for the lock looks at `give_up` this often
T = TypeVar("T")
Signature = tuple[int, int, int]

# version -> function upgrading the raw tables dict from that version to the next.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class StorageError(Exception):
    """The database itself cannot be used (exit status 1). The message names the path."""


class GaveUp(StorageError):
    """The person gave up waiting for the lock (`Database.give_up`): nothing was written."""


class NotFound(LookupError):
    """No record with that id (exit status 2 on the command line)."""


class _ReplacingTable(Table):
    """A TinyDB table whose `update` puts a new dict in place of each changed document.

    TinyDB's own `update` changes the stored dicts in place, which would change the
    snapshot other readers (and the typed-record cache) still hold. With this table a
    document that is not written keeps its identity, and one that is gets a new object.
    """

    def update(self, fields, cond=None, doc_ids=None) -> list[int]:  # noqa: ANN001 - TinyDB's
        if callable(fields):
            raise TypeError("update takes the changed fields, not a function")
        changed: list[int] = []

        def updater(table: dict[int, Mapping[str, Any]]) -> None:
            targets = list(doc_ids) if doc_ids is not None else [
                doc_id for doc_id, doc in table.items() if cond is None or cond(doc)
            ]
            for doc_id in targets:
                if doc_id not in table:
                    raise KeyError(f"document with ID {doc_id} not found")
                table[doc_id] = {**table[doc_id], **fields}
                changed.append(doc_id)

        self._update_table(updater)
        return changed


class _Tables(TinyDB):
    table_class = _ReplacingTable


class _SnapshotStorage(Storage):
    """A TinyDB storage over one transaction's snapshot of the file."""

    def __init__(self, txn: _Transaction) -> None:
        self._txn = txn

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self._txn.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if not self._txn.writable:
            raise RuntimeError("write outside a write transaction")
        self._txn.data = data
        self._txn.dirty = True


class _Transaction:
    def __init__(self, data: dict[str, Any], writable: bool) -> None:
        # TinyDB replaces whole tables in the top-level dict: a writer gets its own.
        self.data = dict(data) if writable else data
        self.writable = writable
        self.dirty = False
        self.db: TinyDB = _Tables(storage=lambda: _SnapshotStorage(self))


# Documents per piece of `serialize_chunks`: a few hundred kilobytes each.
CHUNK_DOCS = 500


def serialize_chunks(data: dict[str, dict[str, Any]]) -> Iterator[bytes]:
    """The database's tables (each a dict of documents) as compact UTF-8 JSON, the bytes
    of `orjson.dumps(data)` (several times faster than the standard library) in pieces of
    `CHUNK_DOCS` documents: the whole file is never one string in memory (6 MB, twice
    over while orjson grows it, at 10,000 candidates), and the background writer holds
    the interpreter lock under a millisecond at a time, so typing goes on meanwhile."""
    yield b"{"
    for number, (name, table) in enumerate(data.items()):
        yield (b"," if number else b"") + orjson.dumps(name) + b":{"
        keys = list(table)
        for start in range(0, len(keys), CHUNK_DOCS):
            piece = orjson.dumps({key: table[key] for key in keys[start:start + CHUNK_DOCS]})
            yield (b"," if start else b"") + piece[1:-1]
        yield b"}"
    yield b"}"


def atomic_write_json(path: Path, data: dict[str, dict[str, Any]]) -> None:
    """The database written privately and atomically (see `atomic`)."""
    atomic_write_chunks(path, serialize_chunks(data))


class _RecordCache:
    """One table's typed records, kept while the table's stored dict stays the same object.

    A changed table (a write, another process) is converted again document by document,
    reusing each typed record whose stored document is still the same object.
    """

    def __init__(self) -> None:
        self.table: dict[str, Any] | None = None
        self.records: list[Any] = []
        self.by_doc: dict[str, tuple[dict[str, Any], Any]] = {}


def real_path(path: str | os.PathLike[str]) -> Path:
    """The file a database path means. A symlinked database (dotfiles, a synced folder) is
    written through to the real file; os.replace on the link itself would cut it off from
    its target (and its backups live beside the real file)."""
    found = Path(path).expanduser().absolute()
    return found.resolve() if found.is_symlink() else found


class Database:
    """One TinyDB JSON file, opened by path for every transaction it does not already hold."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = real_path(path)
        self._lock: FileLock | None = None  # made on the first write (see `_locked`)
        # Another process holding the lock makes a write wait (up to its lock timeout):
        # `lock_wait_started` is when the current wait began (None: not waiting), and
        # setting `give_up` makes every wait end at once in GaveUp, until it is cleared.
        self.lock_wait_started: float | None = None
        self.give_up = threading.Event()
        # The app writes from a background thread: the snapshot and the caches change
        # under this lock, and readers take the snapshot under it.
        self._mutex = threading.RLock()
        self._snapshot: tuple[Signature | None, dict[str, Any]] | None = None
        self._records: dict[str, _RecordCache] = {}
        # The file versions this process wrote: after -> before (the version it replaced).
        self._written: dict[Signature | None, Signature | None] = {}
        # The day (YYYY-MM-DD) of the rolling backups: the system's date, not the store's
        # clock (a fixed or counted clock must not decide which file is backed up).
        self.today: Callable[[], str] = lambda: date.today().isoformat()
        self._backup_day = ""  # the day whose backup this process made or found
        self.loads = 0  # how many times the file was read and parsed (tests count them)
        self.warnings: list[str] = []
        self.readable_folder: Path | None = None  # a folder others can read, and
        self.folder_warning = ""  # the warning about it
        self._prepare_folder()
        self._current()  # fail early and clearly on a corrupt file
        self._migrate_if_needed()

    # -- files ---------------------------------------------------------------
    def _prepare_folder(self) -> None:
        """At open: warn about a folder others can read and keep the file 0600. Nothing is
        created here, so reading (`list`, `meetings`) leaves no folder behind."""
        folder = self.path.parent
        if folder.is_dir() and folder.stat().st_mode & (stat.S_IRGRP | stat.S_IROTH):
            self.readable_folder = folder
            self.folder_warning = (
                f"The folder {folder} can be read by other users; "
                f"consider `chmod 700 {folder}` to keep your database private."
            )
            self.warnings.append(self.folder_warning)
        if self.path.exists():
            mode = stat.S_IMODE(self.path.stat().st_mode)
            if mode != 0o600 and self.path.stat().st_uid == os.getuid():
                try:
                    os.chmod(self.path, 0o600)
                except OSError as exc:  # a read-only file system: say so, keep going
                    self.warnings.append(f"{self.path}: cannot make the file private: {exc.strerror}.")

    def _create_folders(self) -> None:
        """Before the first write: the missing folders, 0700 whatever the umask."""
        folder = self.path.parent
        missing: list[Path] = []
        probe = folder
        while not probe.exists():
            missing.append(probe)
            probe = probe.parent
        for created in reversed(missing):
            try:
                created.mkdir(mode=0o700)
            except FileExistsError:
                continue
            except OSError as exc:
                raise StorageError(f"{self.path}: cannot create folder {created}: {exc.strerror}") from exc
            os.chmod(created, 0o700)  # our own folder: private whatever the umask

    def signature(self) -> Signature | None:
        """Changes whenever the file is replaced; the app polls it to refresh."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def changed_elsewhere(self, since: Signature | None) -> bool:
        """Whether the file changed since version `since` other than by this process's own
        writes: follow them back from the current version; any other step is someone else."""
        current = self.signature()
        with self._mutex:
            for _step in range(len(self._written) + 1):
                if current == since:
                    return False
                if current not in self._written:
                    return True
                current = self._written[current]
        return True

    def _load(self) -> tuple[Signature | None, dict[str, Any]]:
        """The file's contents and the signature of exactly the version read."""
        try:
            with open(self.path, "rb") as handle:
                st = os.fstat(handle.fileno())
                raw = handle.read()
        except FileNotFoundError:
            return None, {}
        except OSError as exc:
            raise StorageError(f"{self.path}: cannot read the database: {exc.strerror}.") from exc
        self.loads += 1
        from mentee_tui.storage.tables import check_bytes

        data, converted = check_bytes(self.path, raw, self.damaged_hint)
        signature = (st.st_ino, st.st_mtime_ns, st.st_size)
        with self._mutex:
            for table, by_doc in converted.items():
                cache = self._records[table] = _RecordCache()
                cache.table, cache.by_doc = data[table], by_doc
                cache.records = [by_doc[key][1] for key in sorted(by_doc, key=int)]
        return signature, data

    def damaged_hint(self) -> str:
        """What to do about a damaged file: restore the newest backup, when there is one."""
        from mentee_tui.storage.backups import newest_backup

        newest = newest_backup(self.path)
        if newest is None:
            return "Fix it or move it aside; mentee-tui will not overwrite it."
        return (f"Restore the newest backup, {newest}, with `mentee-tui restore`, or fix the "
                "file; mentee-tui will not overwrite it.")

    def _current(self) -> dict[str, Any]:
        """The file's contents, parsed only when it changed since the last read."""
        with self._mutex:
            signature = self.signature()
            if self._snapshot is None or signature is None or self._snapshot[0] != signature:
                self._snapshot = self._load()
            return self._snapshot[1]

    def _forget(self) -> None:
        """After a failed write: read the file again next time."""
        with self._mutex:
            self._snapshot = None
            self._records.clear()

    def _migrate_if_needed(self) -> None:
        data = self._current()
        if not data:
            return
        version = data[META_TABLE]["1"]["schema_version"]
        if version > SCHEMA_VERSION:
            raise StorageError(
                f"{self.path}: made by a newer mentee-tui (schema {version}, this one reads "
                f"up to {SCHEMA_VERSION}). Upgrade mentee-tui to open it."
            )
        if version == SCHEMA_VERSION:
            return
        missing = [v for v in range(version, SCHEMA_VERSION) if v not in MIGRATIONS]
        if missing:
            raise StorageError(
                f"{self.path}: schema {version} is too old for this mentee-tui to upgrade; "
                "export it with an older version first."
            )
        with self._locked():
            data = self._load()[1]
            version = data[META_TABLE]["1"]["schema_version"]
            if version == SCHEMA_VERSION:
                return  # another process migrated it while we waited for the lock
            backup = self.path.with_name(f"{self.path.name}.v{version}.bak")
            try:
                shutil.copy2(self.path, backup)
                os.chmod(backup, 0o600)
            except OSError as exc:
                raise StorageError(
                    f"{self.path}: cannot make a backup before upgrading it: {exc.strerror}."
                ) from exc
            while version < SCHEMA_VERSION:
                data = MIGRATIONS[version](data)
                version += 1
                data[META_TABLE]["1"]["schema_version"] = version
            self._write(data)

    def _write(self, data: dict[str, Any]) -> None:
        """An unwritable folder or a full disk is a StorageError; the old file stays intact."""
        with self._mutex:
            replaced = self._snapshot[0] if self._snapshot is not None else None
        try:
            self._backup_before_write(replaced)
            atomic_write_json(self.path, data)
        except OSError as exc:
            self._forget()
            raise StorageError(
                f"{self.path}: cannot save the database: {exc.strerror or exc}. "
                "Nothing was changed."
            ) from exc
        with self._mutex:
            self._snapshot = (self.signature(), data)
            self._written[self._snapshot[0]] = replaced
            while len(self._written) > 64:  # the app polls every 2 s: the last few suffice
                del self._written[next(iter(self._written))]

    def _backup_before_write(self, replaced: Signature | None) -> None:
        """Before the day's first write: the version being replaced, byte for byte (see
        `backups`). Only a version this process read and checked is copied."""
        day = self.today()
        if self._backup_day == day:
            return
        if replaced is not None:
            from mentee_tui.storage.backups import keep_daily_backup

            try:
                with open(self.path, "rb") as handle:
                    st = os.fstat(handle.fileno())
                    if (st.st_ino, st.st_mtime_ns, st.st_size) != replaced:
                        return  # not the version checked: never back up an unchecked one
                    raw = handle.read()
            except FileNotFoundError:
                return  # removed by hand meanwhile: nothing to back up
            keep_daily_backup(self.path, raw, day)
        self._backup_day = day

    @contextmanager
    def _locked(self, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
        self._create_folders()  # the lock file lives beside the database
        # Imported here: reading (`list`, `where`, a screen) never needs it.
        from filelock import FileLock, Timeout

        if self._lock is None:
            self._lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS,
                                  mode=0o600)
        try:
            self._acquire(self._lock, timeout, Timeout)
        except OSError as exc:
            raise StorageError(f"{self.path}: cannot lock the database: {exc.strerror or exc}.") from exc
        try:
            yield
        finally:
            self._lock.release()

    def _acquire(self, lock: FileLock, timeout: float, timeout_error: type[Exception]) -> None:
        """Take the lock within `timeout`, in short slices, so that `give_up` ends the wait."""
        deadline = time.monotonic() + timeout
        try:
            lock.acquire(timeout=0)  # free (or already this thread's): no wait at all
            return
        except timeout_error:
            pass
        self.lock_wait_started = time.monotonic()
        try:
            while True:
                if self.give_up.is_set():
                    raise GaveUp(f"{self.path}: gave up waiting for the database (another "
                                 "session was writing); nothing was written.")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise StorageError(
                        f"{self.path}: the database stayed locked for {timeout:.0f}s "
                        "by another mentee-tui; try again."
                    )
                try:
                    lock.acquire(timeout=min(LOCK_SLICE_SECONDS, left))
                    return
                except timeout_error:
                    continue
        finally:
            self.lock_wait_started = None

    # -- transactions --------------------------------------------------------
    @contextmanager
    def _damaged_records_are_errors(self) -> Iterator[None]:
        """A hand-edited record of the wrong shape: a clear error naming the file."""
        try:
            yield
        except DamagedRecord as exc:
            raise StorageError(f"{self.path}: {exc}. {self.damaged_hint()}") from exc

    @contextmanager
    def reading(self) -> Iterator[TinyDB]:
        """A consistent snapshot; no lock needed since writers replace the file whole."""
        txn = _Transaction(self._current(), writable=False)
        with self._damaged_records_are_errors():
            yield txn.db

    @contextmanager
    def writing(self, lock_timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[TinyDB]:
        """One read-modify-write under the cross-process lock, written once, atomically.

        A hang-up passes a short `lock_timeout`: better to skip than to hang.
        """
        with self._locked(lock_timeout):
            data = self._current()
            if not data:
                data = {META_TABLE: {"1": {"schema_version": SCHEMA_VERSION, "next_ids": {}}}}
            txn = _Transaction(data, writable=True)
            with self._damaged_records_are_errors():
                yield txn.db
            if txn.dirty or not self.path.exists():
                self._write(txn.data)

    def records(self, table: str, convert: Callable[[int, dict[str, Any]], T]) -> list[T]:
        """Every document of `table` as a typed record, in id order.

        Kept until the file changes: a screen shown again, or Home after a move, does
        not convert 10,000 records again. The records are shared: callers must not
        change them (storage builds its own inside a write).
        """
        with self._mutex:
            stored = self._current().get(table, {})
            cache = self._records.setdefault(table, _RecordCache())
            if cache.table is stored:
                return list(cache.records)
            by_doc: dict[str, tuple[dict[str, Any], Any]] = {}
            with self._damaged_records_are_errors():
                for key, doc in stored.items():
                    kept = cache.by_doc.get(key)
                    if kept is not None and kept[0] is doc:
                        by_doc[key] = kept
                    else:
                        by_doc[key] = (doc, convert(int(key), doc))
            cache.table, cache.by_doc = stored, by_doc
            cache.records = [by_doc[key][1] for key in sorted(by_doc, key=int)]
            return list(cache.records)

    @staticmethod
    def next_id(db: TinyDB, kind: str) -> int:
        """Ids are never reused, even after the highest record is deleted."""
        meta_table = db.table(META_TABLE)
        meta = meta_table.get(doc_id=1) or {}
        next_ids = dict(meta.get("next_ids", {}))
        stored = (db.storage.read() or {}).get(kind, {})
        highest = max(stored, key=int, default="0")
        new_id = max(int(next_ids.get(kind, 1)), int(highest) + 1)
        next_ids[kind] = new_id + 1
        meta_table.update({"next_ids": next_ids}, doc_ids=[1])
        return new_id
