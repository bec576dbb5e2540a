"""The one SQLite file: opening it safely, transactions, settings and the audit trail.

Connection set-up lives here and only here: foreign keys on, WAL, synchronous=FULL,
a busy timeout.  A file is recognised by its application_id before it is opened for
writing; a file from a newer program is never touched.  Every user action runs in
``Database.transaction()``: it all lands or none of it does.  SQLite's errors are
turned into one clear line in the user's language.

A path is resolved before it is opened (symlinks followed), so the real file is what
is read, written and locked.  Only regular files are opened: a folder, device, FIFO
or socket is refused after a ``stat``, without opening it (a FIFO would block).
Each database carries a random id (settings key ``database_id``), made when the file
is created or at its first writable open; backups carry it, so a backup is only
ever written over an earlier backup of the same database.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.models import paths, safefile
from app.models.errors import OperationError, RekamError, UserInputError
from app.models.i18n import tr
from app.models.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class FileInfo:
    """What a file is, read from its header without opening it with SQLite."""

    kind: str  # "missing", "not_regular", "empty", "not_sqlite", "foreign", "rekam"
    application_id: int = 0
    user_version: int = 0
    detail: str = ""  # for "not_regular": safefile.file_kind ("folder", "fifo", ...); "empty": "zero_bytes"


def inspect_file(path: Path) -> FileInfo:
    """What ``path`` holds, from a ``stat`` and its first 100 bytes (SQLite opens it read-only at most)."""
    path = Path(path)
    kind = safefile.file_kind(path)
    if kind == "missing":
        return FileInfo("missing")
    if kind != "regular":
        # Never opened: reading a FIFO would wait for a writer that never comes.
        return FileInfo("not_regular", detail=kind)
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as err:
        raise OperationError(
            tr("Berkas {p} tidak dapat dibaca: {e}", "Cannot read {p}: {e}", p=path, e=err.strerror or err),
            code="unreadable") from err
    if not header:
        return FileInfo("empty", detail="zero_bytes")
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return FileInfo("not_sqlite")
    user_version = struct.unpack(">I", header[60:64])[0]
    application_id = struct.unpack(">I", header[68:72])[0]
    if header[18] == 2:
        # WAL mode: until a checkpoint the newest page 1 (application_id,
        # user_version) lives in the -wal, so the header on disk may be stale
        # (e.g. a file just created while the window holds it open).
        application_id, user_version = _ids_from_wal(path, application_id, user_version)
    if application_id == 0 and user_version == 0 and _schema_is_blank(path):
        # A first start killed after SQLite wrote its header but before the
        # application_id: nothing in it yet, so it is created afresh, not refused.
        return FileInfo("empty")
    kind = "rekam" if application_id == APPLICATION_ID else "foreign"
    return FileInfo(kind, application_id, user_version)


def _schema_is_blank(path: Path) -> bool:
    """True for an SQLite file without a single table, index or view (read-only check)."""
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        finally:
            conn.close()
    except sqlite3.Error:
        pass
    # A read-only connection cannot roll back a hot -journal (the switch to WAL was
    # killed midway).  Judge from the page itself: one page whose schema has no entry.
    wal = Path(str(path) + "-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return False
        with open(path, "rb") as fh:
            page = fh.read(108)
    except OSError:
        return False
    return len(page) >= 105 and struct.unpack(">I", page[28:32])[0] == 1 and page[103:105] == b"\0\0"


def _ids_from_wal(path: Path, application_id: int, user_version: int) -> tuple[int, int]:
    """application_id and user_version as SQLite sees them, read-only; the header's on failure."""
    wal = Path(str(path) + "-wal")
    try:
        if not wal.exists() or wal.stat().st_size == 0:
            return application_id, user_version
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return (int(conn.execute("PRAGMA application_id").fetchone()[0]),
                    int(conn.execute("PRAGMA user_version").fetchone()[0]))
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return application_id, user_version


def file_problem(path: Path, info: FileInfo) -> RekamError | None:
    """The clear message for a file that cannot be opened as a Rekam UPT database."""
    if info.kind == "not_regular":
        return safefile.not_regular(path, info.detail, field="db")
    if info.kind == "not_sqlite":
        return OperationError(tr(
            "{p} bukan basis data Rekam UPT (bukan berkas SQLite, mungkin rusak). "
            "Pulihkan dari cadangan terakhir.",
            "{p} is not a Rekam UPT database (not an SQLite file, perhaps damaged). "
            "Restore the latest backup.", p=path), code="not_database")
    if info.kind == "foreign":
        return OperationError(tr(
            "{p} adalah berkas SQLite milik program lain, bukan basis data Rekam UPT.",
            "{p} is an SQLite file of another program, not a Rekam UPT database.", p=path),
            code="foreign")
    if info.kind == "rekam" and info.user_version > SCHEMA_VERSION:
        return OperationError(tr(
            "{p} dibuat oleh versi Rekam UPT yang lebih baru (skema {v}, program ini {mine}). "
            "Berkas tidak diubah; perbarui program.",
            "{p} was made by a newer Rekam UPT (schema {v}, this program {mine}). "
            "The file was not changed; update the program.",
            p=path, v=info.user_version, mine=SCHEMA_VERSION), code="newer")
    return None


def translate_error(err: BaseException, path: Path | str | None = None) -> OperationError:
    """One clear line for an SQLite or OS error."""
    if isinstance(err, OperationError):
        return err
    where = f" ({path})" if path else ""
    code = getattr(err, "sqlite_errorcode", None)
    text = str(err).lower()
    if isinstance(err, OSError):
        import errno
        if err.errno == errno.ENOSPC:
            return OperationError(tr(
                "Disk penuh{w}: tidak ada yang disimpan dan data sebelumnya utuh. Kosongkan ruang disk lalu coba lagi.",
                "The disk is full{w}: nothing was saved and the earlier data is intact. Free some space and try again.",
                w=where), code="disk_full")
        if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return OperationError(tr(
                "Lokasi hanya-baca atau tanpa izin tulis{w}: tidak ada yang disimpan.",
                "The location is read-only or not writable{w}: nothing was saved.", w=where),
                code="readonly")
        return OperationError(tr("Kesalahan berkas{w}: {e}", "File error{w}: {e}",
                                 w=where, e=err.strerror or err), code="io")
    primary = (code or 0) & 0xFF
    if primary == 13 or "disk is full" in text:
        return OperationError(tr(
            "Disk penuh{w}: perubahan tidak disimpan dan data sebelumnya utuh. Kosongkan ruang disk lalu coba lagi.",
            "The disk is full{w}: the change was not saved and the earlier data is intact. "
            "Free some space and try again.",
            w=where), code="disk_full")
    if primary == 11 or "malformed" in text:
        return OperationError(tr(
            "Basis data rusak{w}. Pulihkan dari cadangan terakhir (Berkas > Pulihkan).",
            "The database is damaged{w}. Restore the latest backup (File > Restore).", w=where),
            code="corrupt")
    if primary == 26 or "not a database" in text:
        return OperationError(tr(
            "Berkas bukan basis data atau rusak{w}. Pulihkan dari cadangan terakhir.",
            "The file is not a database or is damaged{w}. Restore the latest backup.", w=where),
            code="not_database")
    if primary in (5, 6) or "locked" in text or "busy" in text:
        return OperationError(tr(
            "Basis data sedang dipakai program lain{w}; coba lagi sebentar.",
            "The database is in use by another program{w}; try again shortly.", w=where),
            code="locked")
    if primary == 8 or "readonly" in text or "read-only" in text:
        return OperationError(tr(
            "Basis data hanya bisa dibaca{w}: perubahan tidak disimpan.",
            "The database is read-only{w}: the change was not saved.", w=where), code="readonly")
    if primary == 14 or "unable to open" in text:
        return OperationError(tr("Berkas basis data tidak dapat dibuka{w}.",
                                 "The database file cannot be opened{w}.", w=where), code="cantopen")
    if primary == 10 or "disk i/o" in text:
        return OperationError(tr("Kesalahan baca/tulis disk{w}: perubahan tidak disimpan.",
                                 "Disk read/write error{w}: the change was not saved.", w=where), code="io")
    return OperationError(tr("Kesalahan basis data{w}: {e}", "Database error{w}: {e}", w=where, e=err),
                          code="database")


def now_text() -> str:
    return datetime.now().isoformat(timespec="seconds")


def os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no user name in some service accounts
        return "?"


_account = os_user  # audit() takes an ``os_user`` argument, which hides the function there


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (before SQLite opens it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def location_writable(path: Path) -> bool:
    """True when the program may write the file ``path`` and create files beside it.

    SQLite needs the folder too (the -wal and -shm files, a backup's temporary file),
    so both are checked.  A file that does not exist yet is judged by its nearest
    existing folder.  The window opens a database read-only (with a banner) when this
    is False; the command line refuses to write.  Root passes os.access everywhere,
    so tests monkeypatch this function to play a read-only folder.
    """
    path = Path(path)
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


class _PrivateCopyConnection(sqlite3.Connection):
    """A read-only connection to a private copy of a database; closing it removes the copy."""

    copy_path: Path | None = None

    def close(self) -> None:
        super().close()
        if self.copy_path is not None:
            safefile.remove_db_files(self.copy_path)
            self.copy_path = None


def _private_copy(path: Path) -> Path:
    """Copy a database and its -wal into this process's private work folder (for read-only viewing).

    The folder is ``paths.work_dir()``, in the program's own data folder (0700), never
    the system's temp folder: the copy is plaintext.  The connection that reads it
    removes it on close; the process's work folder goes at exit, or at the next start
    after a crash (``paths.sweep_work_dirs``).
    """
    import tempfile

    fd, name = tempfile.mkstemp(prefix="hanya-baca-", suffix=".sqlite3", dir=paths.work_dir())
    os.close(fd)
    target = Path(name)
    try:
        safefile.copy_bytes(path, target)
        safefile.copy_bytes(Path(str(path) + "-wal"), Path(str(target) + "-wal"))
    except BaseException:
        safefile.remove_db_files(target)
        raise
    return target


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection set up the one way this program uses: FK on, WAL, synchronous=FULL."""
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # A WAL file in a folder we cannot write: SQLite cannot create the -shm file.
            wal = Path(str(path) + "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                # Committed changes may still sit in the -wal, which immutable=1 would
                # ignore: read a private copy of the file and its -wal instead.
                copy = _private_copy(Path(path))
                try:
                    conn = sqlite3.connect(copy.resolve().as_uri() + "?mode=ro", uri=True,
                                           isolation_level=None, check_same_thread=False,
                                           factory=_PrivateCopyConnection)
                except BaseException:
                    safefile.remove_db_files(copy)
                    raise
                conn.copy_path = copy  # type: ignore[attr-defined]
            else:
                # Nothing beyond the main file, and nobody can write there: immutable is exact.
                conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None,
                                       check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


DATABASE_ID_KEY = "database_id"


def new_database_id() -> str:
    """A random id for a new database: 32 hex digits (128 bits)."""
    import secrets  # (here, as hashlib below: not needed to open the window)

    return secrets.token_hex(16)


def database_id(db: Database) -> str | None:
    """The database's random id (settings key ``database_id``), or None if it has none yet.

    Backups carry it (plain ones in their settings, encrypted ones in their header),
    which is how ``backup --out`` knows an earlier backup of the same database.
    """
    try:
        value = db.get_setting(DATABASE_ID_KEY)
    except (sqlite3.Error, ValueError):
        return None
    return value if isinstance(value, str) and value else None


def _ensure_database_id(db: Database) -> None:
    """Give a writable database its id if it has none (new files, and older files once)."""
    if database_id(db) is not None:
        return
    # The id names the file, like its application_id; it is not a record, and it is
    # written before anyone has given the password, so it has no audit entry.
    with db.transaction():
        db.set_setting(DATABASE_ID_KEY, new_database_id())


# Tables every Rekam UPT database has had since schema 1.
REKAM_TABLES = ("settings", "persons", "audit_log")


def _has_tables(path: Path, names: tuple[str, ...] = ()) -> bool:
    """True when the file holds a table (all of ``names``, if given); read-only, False if unreadable."""
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return bool(found) and all(n in found for n in names)


def _damaged_header(path: Path) -> OperationError:
    return OperationError(tr(
        "{p} berisi tabel Rekam UPT, tetapi nomor versi skema di kepala berkas hilang (user_version 0): "
        "kepala berkas rusak. Berkas tidak diubah; pulihkan dari cadangan terakhir.",
        "{p} holds Rekam UPT tables but the schema version in its header is missing (user_version 0): "
        "the header is damaged. The file was not changed; restore the latest backup.", p=path), code="corrupt")


def _empty_readonly(path: Path, info: FileInfo) -> UserInputError:
    if info.detail == "zero_bytes":
        return UserInputError(tr(
            "{p} kosong (0 bait): bukan basis data Rekam UPT. Berkas tidak diubah.",
            "{p} is empty (0 bytes): not a Rekam UPT database. The file was not changed.", p=path),
            code="empty")
    return UserInputError(tr(
        "{p} adalah berkas SQLite tanpa tabel: belum menjadi basis data Rekam UPT. Berkas tidak diubah.",
        "{p} is an SQLite file without tables: not (yet) a Rekam UPT database. The file was not changed.",
        p=path), code="empty")


class Database:
    """An open Rekam UPT database.  Create with ``Database.open``.

    Writing the audit trail needs the file's audit key, which only a password check
    unlocks (``app.operations.auth.login``).  A key unlocked in this process serves
    every connection to a file sealed with the same key (a worker's, the reopened file
    after a restore of its own backup), so they need not ask for the password again.
    """

    # Class defaults, so a Database made by any code path starts locked and unread.
    _audit_key: bytes | None = None
    _damaged_settings: frozenset[str] = frozenset()

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool):
        self.path = Path(path)
        self.conn = conn
        self.readonly = readonly
        self._sdb = None
        self._lock = threading.RLock()
        self._settings_cache: dict[str, Any] | None = None

    @property
    def sdb(self):
        """sqlite-utils over the same connection, for bulk and schema work.

        Imported on first use: it costs ~0.1 s at start-up, which the window does not need.
        """
        if self._sdb is None:
            import sqlite_utils

            self._sdb = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._sdb

    # -- opening -----------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, readonly: bool = False,
             migrate: bool = True, backup_before_migrate: bool = True) -> Database:
        """Open (or, with ``create``, make) a Rekam UPT database.

        Raises OperationError with a clear message for a file that is missing,
        not a database, foreign, from a newer version, locked or damaged, and
        UserInputError for one that is not a regular file.  A symlink is followed:
        ``db.path`` is the real file.  A writable open gives the file its
        ``database_id`` if it has none.
        """
        path = safefile.real_path(path)
        info = inspect_file(path)
        if info.kind == "missing":
            if not create:
                raise UserInputError(tr(
                    "Berkas basis data tidak ada: {p}", "The database file does not exist: {p}", p=path),
                    code="missing")
            if readonly:
                raise UserInputError(tr("Berkas tidak ada: {p}", "No such file: {p}", p=path), code="missing")
            try:
                create_private_file(path)
            except OSError as err:
                raise translate_error(err, path) from err
            info = FileInfo("empty")
        # The tables and user_version land in one transaction (migrate), so tables
        # without a schema version mean a damaged or edited header: never re-initialised.
        if info.kind in ("rekam", "foreign") and info.user_version == 0 and \
                _has_tables(path, () if info.kind == "rekam" else REKAM_TABLES):
            raise _damaged_header(path)
        problem = file_problem(path, info)
        if problem:
            raise problem
        if readonly and info.kind == "empty":
            raise _empty_readonly(path, info)
        try:
            conn = connect(path, readonly=readonly)
        except sqlite3.Error as err:
            raise translate_error(err, path) from err
        db = cls(path, conn, readonly=readonly)
        try:
            version = db.user_version()
            if info.kind == "empty" or version == 0:
                if readonly:
                    raise _empty_readonly(path, info)
                db._initialise()
            elif version < SCHEMA_VERSION:
                if readonly or not migrate:
                    raise OperationError(tr(
                        "Basis data perlu diperbarui ke skema {v}, tetapi dibuka hanya-baca.",
                        "The database needs an upgrade to schema {v} but is open read-only.",
                        v=SCHEMA_VERSION), code="needs_migration")
                if backup_before_migrate:
                    from app.models.backup import backup_before_migration
                    backup_before_migration(db)
                db.migrate()
            else:
                # Touch the schema so a damaged file fails here, not mid-edit.
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if not readonly:
                _ensure_database_id(db)
        except sqlite3.Error as err:
            db.close()
            raise translate_error(err, path) from err
        except BaseException:
            db.close()
            raise
        return db

    def _initialise(self) -> None:
        self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        self.migrate()

    def user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Run the missing upgrade steps, each in its own transaction."""
        while (version := self.user_version()) < SCHEMA_VERSION:
            step = MIGRATIONS[version]
            with self.transaction():
                step(self.conn)
                # user_version is transactional: it lands with the step or not at all.
                self.conn.execute(f"PRAGMA user_version = {version + 1}")
        self._settings_cache = None

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            if not self.readonly and not self.conn.in_transaction:
                # Keep the planner's statistics fresh (cheap: sampled, and only where needed).
                self.conn.execute("PRAGMA analysis_limit = 1000")
                self.conn.execute("PRAGMA optimize")
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (before copying or replacing it)."""
        if not self.readonly:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- transactions ------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""
        if self.readonly:
            raise OperationError(tr("Basis data dibuka hanya-baca: perubahan tidak bisa disimpan.",
                                    "The database is open read-only: changes cannot be saved."),
                                 code="readonly")
        with self._lock:
            if self.conn.in_transaction:
                # Nested use joins the outer transaction (one user action).
                yield self.conn
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as err:
                raise translate_error(err, self.path) from err
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException as err:
                if self.conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                self._settings_cache = None
                if isinstance(err, sqlite3.Error):
                    raise translate_error(err, self.path) from err
                raise

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Rows as mappings; used by read-only query functions."""
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, row)) for row in cur.fetchall()]  # type: ignore[misc]

    def scalar(self, sql: str, params: tuple | dict = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    # -- settings ----------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        """Every setting, decoded.  A row whose JSON is damaged is left out (and named by
        ``damaged_settings``), so a bad row never stops the program; ``check`` reports it."""
        if self._settings_cache is None:
            values: dict[str, Any] = {}
            damaged: set[str] = set()
            for key, text in self.conn.execute("SELECT key, value FROM settings"):
                try:
                    values[key] = json.loads(text)
                except (TypeError, ValueError):
                    damaged.add(key)
            self._damaged_settings = frozenset(damaged)
            self._settings_cache = values
        return self._settings_cache

    def damaged_settings(self) -> frozenset[str]:
        """The settings rows whose stored JSON cannot be read."""
        self.settings()
        return self._damaged_settings

    def invalidate_settings(self) -> None:
        """Forget cached settings (another connection, e.g. a worker's, changed them)."""
        self._settings_cache = None

    def get_setting(self, key: str, default: Any = None) -> Any:
        return self.settings().get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting; call inside a transaction."""
        self.conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False, sort_keys=True)))
        self._settings_cache = None

    # -- audit trail -------------------------------------------------------------
    def operator(self) -> str:
        office = self.get_setting("office", {}) or {}
        return str(office.get("operator_name") or "") if isinstance(office, dict) else ""

    def unlock_audit(self, key: bytes) -> None:
        """Hold the trail's key (after a password check) so changes can be signed."""
        from app.models.security import key_id

        self._audit_key = key
        _UNLOCKED_KEYS[key_id(key)] = key

    @property
    def audit_unlocked(self) -> bool:
        return self._current_key() is not None

    def _current_key(self) -> bytes | None:
        """The unlocked key, if it is the one this file's password record seals now."""
        from app.models.security import key_id, stored_key_id

        wanted = stored_key_id(self.get_setting("auth"))
        if wanted is None:
            return None
        if self._audit_key is not None and key_id(self._audit_key) == wanted:
            return self._audit_key
        key = _UNLOCKED_KEYS.get(wanted)
        if key is not None:
            self._audit_key = key
        return key

    def audit(self, operation: str, entity: str, entity_id: int | None, *,
              before: dict | None = None, after: dict | None = None,
              person_id: int | None = None, created: dict[str, Any] | None = None,
              at: str | None = None, os_user: str | None = None) -> None:
        """Append one entry to the trail, signed and chained to the one before.  Inside a transaction.

        ``created`` names every row the change inserted, per table (``RECORD_TABLES``),
        as ids or ``[lo, hi]`` ranges; it is stored in ``after`` under ``"created"`` as
        merged ranges, and ``check`` finds any record no entry created.  ``at`` and
        ``os_user`` replace the clock and the account (the demo stamps its own day).
        """
        assert self.conn.in_transaction, "audit() must run inside the operation's transaction"
        key = self._current_key()
        if key is None:
            raise OperationError(tr(
                "Jejak audit terkunci: perubahan tidak disimpan. Tutup program lalu buka lagi dengan kata sandi.",
                "The audit trail is locked: the change was not saved. Close the program and open it again "
                "with the password."), code="audit_locked")
        if created is not None:
            if after is not None and "created" in after:
                raise ValueError("after already has a 'created' member")
            after = {**(after or {}), "created": created_ranges(created)}
        row = self.conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        prev_hash = row[1] if row else GENESIS_HASH
        entry = {
            "at": at or now_text(), "operation": operation, "entity": entity, "entity_id": entity_id,
            "person_id": person_id, "operator": self.operator(), "os_user": os_user or _account(),
            "before": canonical_json(before), "after": canonical_json(after),
        }
        # The next id comes from sqlite_sequence, so an entry removed from the end
        # outside the program leaves a gap that check() reports.
        seq = self.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
        next_id = (seq[0] if seq else 0) + 1
        digest = audit_hash(prev_hash, next_id, entry, key)
        self.conn.execute(
            "INSERT INTO audit_log(id, at, operation, entity, entity_id, person_id, operator, os_user,"
            " before, after, prev_hash, hash) VALUES (:id, :at, :operation, :entity, :entity_id,"
            " :person_id, :operator, :os_user, :before, :after, :prev_hash, :hash)",
            {**entry, "id": next_id, "prev_hash": prev_hash, "hash": digest})
        self.set_setting("audit_head", {"id": next_id, "hash": digest})


def open_untouched(path: Path | str) -> Database:
    """Open a Rekam UPT file only to read it: no migration, no set-up, nothing written, not even beside it.

    For ``check``.  When no -wal lies beside the file (nobody has it open, nothing waits
    to be folded in) it is read as immutable, so SQLite creates no -wal or -shm that a
    read-only connection could not remove again; otherwise through the existing ones.
    UserInputError for a file that is not a Rekam UPT database (missing, empty, not
    SQLite, another program's, a newer program's); an older schema opens (the caller
    reports it).
    """
    path = Path(path)
    info = inspect_file(path)
    if info.kind == "missing":
        raise UserInputError(tr("Berkas basis data tidak ada: {p}", "The database file does not exist: {p}",
                                p=path), code="missing")
    if info.kind == "empty":
        raise UserInputError(tr("{p} bukan basis data Rekam UPT (berkas kosong).",
                                "{p} is not a Rekam UPT database (an empty file).", p=path), code="not_database")
    problem = file_problem(path, info)
    if problem is not None:
        raise UserInputError(problem.message, code=problem.code)
    side = [Path(str(path) + suffix) for suffix in ("-wal", "-journal")]
    try:
        if any(f.exists() for f in side):
            conn = connect(path, readonly=True)
        else:
            conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True,
                                   isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 5000")
        # A schema SQLite cannot parse makes every later read fail: say so here, once.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as err:
        translated = translate_error(err, path)
        raise UserInputError(translated.message, code=translated.code) from err
    return Database(path, conn, readonly=True)


# Keys unlocked by a password check in this process, by key id (security.key_id).
_UNLOCKED_KEYS: dict[bytes, bytes] = {}

# The tables whose rows are records: each row must have the trail entry that created it
# (its "created" ranges).  date_overrides and official_dates are attributes of a case,
# replaced in place under the case's entries, and have no id of their own; facts is
# derived; offence_categories and program_kinds are seeded by the schema.
RECORD_TABLES = ("officers", "persons", "cases", "programs", "remissions", "interruptions",
                 "status_changes", "wajib_lapor",
                 # wajib lapor (issue 10): excused absences, escalation steps, revocation stages, notes
                 "reporting_excuses", "reporting_steps", "revocation_stages", "guidance_notes")


def id_ranges(ids: Any) -> list[list[int]]:
    """Ids (ints or [lo, hi] pairs) as sorted, merged, inclusive ranges: [[1, 3], [7, 7]]."""
    spans: list[tuple[int, int]] = []
    for item in ids:
        if isinstance(item, int) and not isinstance(item, bool):
            spans.append((item, item))
        elif (isinstance(item, (list, tuple)) and len(item) == 2
              and all(isinstance(v, int) and not isinstance(v, bool) for v in item) and item[0] <= item[1]):
            spans.append((item[0], item[1]))
        else:
            raise ValueError(f"not an id or an id range: {item!r}")
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return merged


def created_ranges(created: dict[str, Any]) -> dict[str, list[list[int]]]:
    """``created`` as audit() stores it: known tables only, each as merged ranges, none empty."""
    unknown = set(created) - set(RECORD_TABLES)
    if unknown:
        raise ValueError(f"not record tables: {sorted(unknown)}")
    return {table: ranges for table in RECORD_TABLES if table in created
            for ranges in [id_ranges(created[table])] if ranges}


def canonical_json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def audit_hash(prev_hash: str, entry_id: int, entry: dict[str, Any], key: bytes | None = None) -> str:
    """An entry's digest: HMAC-SHA256 under the file's audit key; plain SHA-256 without one
    (the unkeyed chain of files made before the keyed trail, verified once and then signed)."""
    payload = json.dumps(
        [prev_hash, entry_id, entry["at"], entry["operation"], entry["entity"],
         entry["entity_id"], entry["person_id"], entry["operator"], entry["os_user"],
         entry["before"], entry["after"]],
        ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    import hashlib
    import hmac

    if key is None:
        return hashlib.sha256(payload).hexdigest()
    return hmac.new(key, payload, hashlib.sha256).hexdigest()
