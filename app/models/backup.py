"""Backups and restore: nothing about people's liberty may be lost.

Backups
    ``backup_to`` copies a database with SQLite's backup API through a connection
    of its own, so the copy is one consistent committed snapshot even while the
    window is inside a transaction.  The snapshot goes to a temporary file in the
    target folder, is checked (``quick_check``, so a damaged database never pushes
    good backups out of the rotation), made self-contained (no -wal), flushed to
    disk and only then renamed to its final name: a half-written backup never
    exists under its final name.  An encrypted backup's plaintext snapshot is made
    in the private data folder, never on the target (a USB stick keeps deleted
    blocks), and only the ciphertext is written beside the target.

What a backup may replace
    A new name in a writable folder, an empty file, or an earlier backup of the
    same database, known by the database's random ``database_id`` (in a plain
    backup's settings, in an encrypted backup's unencrypted header).  Never the
    database itself, another database (even one a running window holds), a backup
    of another database or one that names none, any other file, or anything that
    is not a regular file (``check_backup_target``): one clear line, exit 2, the
    file's bytes unchanged.

Automatic backups
    In ``paths.backup_dir_for(db)``, named ``rekam-upt-YYYYMMDD-HHMMSS-<reason>.sqlite3``
    (``-N`` before the suffix when several fall in one second).  Rotation: the
    routine backups ("harian" daily, "keluar" at exit, "manual") share one pool of
    the newest ``keep``; every other reason ("migrasi", "sebelum-pulih",
    "sebelum-demo", "rusak") keeps its own newest ``keep``.  So a run of daily
    backups never pushes out the copy taken before a restore or a migration.
    The window's daily and exit backups (``routine_backup``) skip demo files, and
    record each failure in the failure log (``backup_log``) for the window to show.

Restore
    ``restore_database`` validates the source on a copy next to the target (its
    application_id, a schema not newer than this program's, ``integrity_check``;
    decrypting first if it is encrypted), then claims the current file: it refuses
    while any other connection has it open (an idle one, a read transaction, in
    this process or another; see ``_claim``), sets it aside (a "sebelum-pulih"
    backup, or a raw "rusak" copy of a damaged file), and replaces it with one
    atomic rename while holding it exclusively, so no connection can be left on the
    old file to write into it.  A symlinked database is resolved: the real file is
    replaced.  Killed at any moment, the target is
    the old database or the new one, whole.  The restored file gets no audit entry,
    so it holds exactly the backup's records, row for row.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.models import backup_log, crypto, paths, safefile, storage
from app.models.dates import format_date
from app.models.errors import OperationError, RekamError, UserInputError
from app.models.i18n import tr
from app.models.schema import APPLICATION_ID, SCHEMA_VERSION

BACKUP_PREFIX = "rekam-upt-"
BACKUP_SUFFIX = ".sqlite3"
# reason -> (Indonesian, English) label
REASONS: dict[str, tuple[str, str]] = {
    "harian": ("harian", "daily"),
    "keluar": ("saat keluar", "at exit"),
    "manual": ("manual", "manual"),
    "migrasi": ("sebelum pembaruan skema", "before a schema upgrade"),
    "sebelum-pulih": ("sebelum pemulihan", "before a restore"),
    "sebelum-demo": ("sebelum diganti data demo", "before demo data replaced it"),
    "rusak": ("salinan berkas rusak", "copy of a damaged file"),
}
# These share one rotation pool; every other reason has its own.
ROUTINE_REASONS = ("harian", "keluar", "manual")
DEFAULT_KEEP = 10
_NAME_RE = re.compile(r"^rekam-upt-(\d{8})-(\d{6})-([a-z]+(?:-[a-z]+)*?)(?:-(\d+))?\.sqlite3$")
# A temporary file older than this was left by a copy that died mid-write.
_STALE_TEMP_SECONDS = 24 * 3600
_PASSWORD_OPERATIONS = ("setel kata sandi", "ganti kata sandi")


# -- results -------------------------------------------------------------------------

@dataclass(frozen=True)
class BackupEntry:
    """One automatic backup file."""

    path: Path
    created: datetime
    reason: str
    size: int
    sequence: int = 0  # several backups within one second

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "created": self.created.isoformat(timespec="seconds"),
                "reason": self.reason, "size": self.size}


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds, read from a validated copy of it."""

    path: Path
    encrypted: bool
    schema_version: int
    persons: int
    cases: int
    programs: int
    has_password: bool
    password_set_at: datetime | None  # when the password in the backup was last set or changed
    last_change: datetime | None      # the newest audit entry: roughly when the backup was made
    size: int
    # The stored password hash, so the command line can check a password against it.
    auth: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "encrypted": self.encrypted, "schema_version": self.schema_version,
                "persons": self.persons, "cases": self.cases, "programs": self.programs,
                "has_password": self.has_password,
                "password_set_at": self.password_set_at.isoformat() if self.password_set_at else None,
                "last_change": self.last_change.isoformat() if self.last_change else None,
                "size": self.size}

    def summary(self) -> str:
        return tr("{n} orang, {c} perkara, {p} program", "{n} persons, {c} cases, {p} programs",
                  n=self.persons, c=self.cases, p=self.programs)


@dataclass(frozen=True)
class RestoreInfo:
    """What a restore did, and which password applies now."""

    db_path: Path
    source: Path
    backup: BackupInfo
    kept: Path | None       # where the file that was replaced now lives
    kept_reason: str | None  # "sebelum-pulih", "rusak", or None when there was no file

    @property
    def password_message(self) -> str:
        return password_message(self.backup)

    @property
    def message(self) -> str:
        parts = [tr("Basis data {db} dipulihkan dari {src} ({what}).",
                    "Database {db} restored from {src} ({what}).",
                    db=self.db_path, src=self.source, what=self.backup.summary())]
        if self.kept_reason == "rusak":
            parts.append(tr("Berkas lama yang rusak disalin ke {k}.",
                            "The old, damaged file was copied to {k}.", k=self.kept))
        elif self.kept is not None:
            parts.append(tr("Berkas lama disimpan sebagai cadangan {k}.",
                            "The old file was kept as backup {k}.", k=self.kept))
        parts.append(self.password_message)
        return " ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {"db": str(self.db_path), "source": str(self.source), "backup": self.backup.to_json(),
                "kept": str(self.kept) if self.kept else None, "kept_reason": self.kept_reason,
                "password_message": self.password_message}


def password_message(info: BackupInfo) -> str:
    """Which password opens the database after restoring ``info``."""
    if not info.has_password:
        return tr("Cadangan ini tidak memiliki kata sandi: setel kata sandi baru saat membuka program.",
                  "This backup has no password: set a new one when opening the program.")
    if info.password_set_at:
        return tr("Kata sandi yang berlaku sekarang adalah kata sandi saat cadangan dibuat "
                  "(diubah terakhir {d}).",
                  "The password now in force is the one in use when the backup was made "
                  "(last changed {d}).", d=format_date(info.password_set_at.date()))
    return tr("Kata sandi yang berlaku sekarang adalah kata sandi saat cadangan dibuat.",
              "The password now in force is the one in use when the backup was made.")


# -- small file helpers -------------------------------------------------------------

def _sweep_stale_temps(folder: Path, prefix: str) -> None:
    """Remove our temporary files left by a copy that was killed mid-write (a day old or more)."""
    cutoff = time.time() - _STALE_TEMP_SECONDS
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(prefix) and safefile.TEMP_SUFFIX in entry.name:
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < cutoff:
                        os.remove(entry.path)


def _work_dir() -> Path:
    """This process's private folder for plaintext copies that must not reach the target.

    ``paths.work_dir()``: in the user data folder (0700), removed at exit, or after a
    crash by the next start.  Loose files that older versions left in ``tmp/`` go
    after a day.
    """
    folder = paths.work_dir()
    _sweep_stale_temps(folder.parent, "")
    return folder


def _private_temp(prefix: str) -> Path:
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=safefile.TEMP_SUFFIX, dir=_work_dir())
    os.close(fd)
    return Path(name)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _data_folder_error(err: BaseException, target: Path, source: Path) -> OperationError:
    """A failure in the program's own data folder (the encrypted backup's plaintext snapshot).

    Named as such: the --out target was never touched, so it must not be blamed.
    """
    import errno

    folder = paths.data_dir_path()
    number = getattr(err, "errno", None)
    code = (getattr(err, "sqlite_errorcode", None) or 0) & 0xFF
    if number == errno.ENOSPC or code == 13:
        return OperationError(tr(
            "Disk folder data program ({f}) penuh: cadangan terenkripsi tidak dibuat dan {o} tidak diubah. "
            "Kosongkan ruang di disk itu lalu coba lagi.",
            "The disk of the program's data folder ({f}) is full: no encrypted backup was made and {o} "
            "was not changed. Free some space on that disk and try again.", f=folder, o=target),
            code="disk_full")
    if number in (errno.EROFS, errno.EACCES, errno.EPERM) or code in (8, 14):
        return OperationError(tr(
            "Folder data program {f} hanya-baca atau tanpa izin tulis: cadangan terenkripsi tidak dibuat "
            "dan {o} tidak diubah.",
            "The program's data folder {f} is read-only or not writable: no encrypted backup was made "
            "and {o} was not changed.", f=folder, o=target), code="readonly")
    return storage.translate_error(err, source)  # then reading the database itself failed


# -- what a backup may be written over ---------------------------------------------------

def _settings_id(path: Path) -> str | None:
    """The database_id in a plain backup's settings (None if none or unreadable), read-only."""
    import json

    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (storage.DATABASE_ID_KEY,)).fetchone()
        value = json.loads(row[0]) if row else None
        return value if isinstance(value, str) and value else None
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()


def _refuse_unless_own_backup(target: Path, ours: str | None) -> None:
    """Raise unless the existing, non-empty regular file ``target`` is a backup of the database ``ours``."""
    kind = safefile.protected_kind(target)
    sidecar = any(Path(str(target) + s).exists() for s in ("-wal", "-journal"))
    if kind == "database" or (kind == "backup" and sidecar):
        raise UserInputError(tr(
            "{p} adalah basis data Rekam UPT, bukan cadangan: tidak ditimpa. Pilih nama berkas lain.",
            "{p} is a Rekam UPT database, not a backup: not overwritten. Choose another file name.",
            p=target), field="out", code="protected")
    if kind is None:
        raise UserInputError(tr("{p} sudah ada dan bukan cadangan Rekam UPT: tidak ditimpa.",
                                "{p} exists and is not a Rekam UPT backup: not overwritten.", p=target),
                             field="out", code="exists")
    theirs = crypto.header_database_id(target) if crypto.is_encrypted(target) else _settings_id(target)
    if ours is not None and theirs == ours:
        return
    if ours is None:
        raise UserInputError(tr(
            "{p} sudah ada, dan basis data ini belum memiliki tanda pengenal (dibuat saat dibuka sekali "
            "dengan program), jadi tidak bisa dipastikan bahwa berkas itu cadangannya: tidak ditimpa. "
            "Pilih nama berkas lain.",
            "{p} exists, and this database has no id yet (made when the program opens it once), so the "
            "file cannot be known to be its backup: not overwritten. Choose another file name.", p=target),
            field="out", code="protected")
    if theirs is None:
        raise UserInputError(tr(
            "{p} adalah cadangan Rekam UPT yang tidak menyebut basis datanya (versi lama, atau tidak "
            "terbaca): tidak ditimpa. Pilih nama berkas lain.",
            "{p} is a Rekam UPT backup that does not name its database (an older version, or unreadable): "
            "not overwritten. Choose another file name.", p=target), field="out", code="protected")
    raise UserInputError(tr(
        "{p} adalah cadangan basis data Rekam UPT yang lain: tidak ditimpa. Pilih nama berkas lain.",
        "{p} is a backup of another Rekam UPT database: not overwritten. Choose another file name.",
        p=target), field="out", code="protected")


def check_backup_target(db: storage.Database, target: Path | str) -> Path:
    """The real path a backup of ``db`` may be written to, or a clear refusal (nothing changed).

    A new name in a writable folder, an empty file, or an earlier backup of the same
    database (its ``database_id``, in an encrypted file's header or a plain file's
    settings).  Never the database itself, another database (even one a running
    window holds), a backup of another database, an old backup that names no
    database, any other file, or anything that is not a regular file.  UserInputError
    (exit 2); OperationError for a folder that cannot be written.
    """
    real = safefile.real_path(target)
    if _same_file(real, db.path) or real == safefile.real_path(db.path):
        raise UserInputError(tr("Cadangan tidak boleh menimpa basis data itu sendiri.",
                                "A backup must not overwrite the database itself."), field="out",
                             code="protected")
    real = safefile.check_write_target(real, field="out")
    if safefile.file_kind(real) == "regular" and real.stat().st_size > 0:
        _refuse_unless_own_backup(real, storage.database_id(db))
    return real


# -- backups --------------------------------------------------------------------------

def _snapshot(db: storage.Database, dest_path: Path) -> None:
    """One consistent copy of ``db`` into ``dest_path`` (an existing empty file), checked."""
    # A connection of its own: it reads the last committed state even while the
    # window's connection is inside a transaction, and never blocks its writes.  It
    # is a read-write connection because only those can always recover a WAL left by
    # a crash (a read-only one may fall back to "immutable" and miss the WAL); it
    # writes nothing.  A database opened read-only is copied as it is seen.
    source = db.conn
    if not db.readonly:
        with contextlib.suppress(sqlite3.Error):
            source = storage.connect(db.path)
    dest = sqlite3.connect(str(dest_path), isolation_level=None)
    try:
        source.backup(dest)
        # The copied header says WAL; a backup must be one self-contained file.
        dest.execute("PRAGMA journal_mode = DELETE")
        try:
            result = [row[0] for row in dest.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as err:  # damage bad enough that the check itself stops
            result = [str(err)]
        if result != ["ok"]:
            raise OperationError(tr(
                "Basis data {p} rusak ({e}): cadangan tidak dibuat, cadangan lama tetap utuh. "
                "Pulihkan dari cadangan terakhir.",
                "The database {p} is damaged ({e}): no backup was made, older backups are intact. "
                "Restore the latest backup.", p=db.path, e=result[0]), code="corrupt")
    finally:
        dest.close()
        if source is not db.conn:
            source.close()


def backup_to(db: storage.Database, target: Path | str, *,
              password_for_encryption: str | None = None) -> Path:
    """Write a consistent backup of ``db`` to ``target``, encrypted if a password is given.

    ``target`` must pass ``check_backup_target`` (checked again just before the
    rename, in case something appeared there meanwhile).  All or nothing: on any
    failure (a full disk, a read-only stick) no file is left under the final name or
    beside it, an earlier backup of that name is untouched, and an error says why in
    one line.  Returns the real path written.
    """
    target = check_backup_target(db, Path(target).expanduser())
    _sweep_stale_temps(target.parent, f".{target.name}.")
    temps: list[Path] = []
    try:
        if password_for_encryption:
            try:
                plain = _private_temp("snapshot-")
                temps.append(plain)
                _snapshot(db, plain)
            except (OSError, sqlite3.Error) as err:
                raise _data_folder_error(err, target, db.path) from err
            final_tmp = safefile.temp_beside(target)
            temps.append(final_tmp)
            with open(final_tmp, "wb") as fh:
                crypto.encrypt_file(plain, fh, password_for_encryption, database_id=storage.database_id(db))
                fh.flush()
                os.fsync(fh.fileno())
        else:
            final_tmp = safefile.temp_beside(target)
            temps.append(final_tmp)
            _snapshot(db, final_tmp)
        check_backup_target(db, target)
        safefile.install(final_tmp, target)
    except (OSError, sqlite3.Error) as err:
        raise storage.translate_error(err, target) from err
    finally:
        # After success the final temp has been renamed away; this removes the
        # plaintext snapshot, or everything after a failure.
        for tmp in temps:
            safefile.remove_db_files(tmp)
    return target


def backup_name(reason: str, when: datetime, sequence: int = 0) -> str:
    more = f"-{sequence}" if sequence else ""
    return f"{BACKUP_PREFIX}{when:%Y%m%d-%H%M%S}-{reason}{more}{BACKUP_SUFFIX}"


def _new_backup_path(folder: Path, reason: str) -> Path:
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    now = datetime.now()
    # Numbered across reasons, so backups made within one second still sort in order.
    stamp = f"{BACKUP_PREFIX}{now:%Y%m%d-%H%M%S}-"
    sequence = 0
    with contextlib.suppress(OSError):
        for name in os.listdir(folder):
            match = _NAME_RE.match(name)
            if name.startswith(stamp) and match:
                sequence = max(sequence, int(match.group(4) or 0) + 1)
    while (folder / backup_name(reason, now, sequence)).exists():
        sequence += 1
    return folder / backup_name(reason, now, sequence)


def keep_setting(db: storage.Database) -> int:
    """How many automatic backups to keep (preferences.backup_keep), DEFAULT_KEEP if unset."""
    try:
        prefs = db.get_setting("preferences") or {}
    except sqlite3.Error:
        return DEFAULT_KEEP
    value = prefs.get("backup_keep", DEFAULT_KEEP)
    return value if isinstance(value, int) and value >= 1 else DEFAULT_KEEP


def automatic_backup(db: storage.Database, reason: str, keep: int | None = None) -> Path:
    """A backup into the database's backup folder, then rotation (see the module text)."""
    folder = paths.backup_dir_for(db.path)
    _sweep_stale_temps(folder, f".{BACKUP_PREFIX}")
    made = backup_to(db, _new_backup_path(folder, reason))
    rotate(db.path, keep if keep is not None else keep_setting(db), protect=made)
    return made


def rotate(db_path: Path, keep: int, *, protect: Path | None = None) -> list[Path]:
    """Delete the older automatic backups beyond ``keep`` per pool; return what was deleted."""
    keep = max(1, keep)
    pools: dict[str, list[BackupEntry]] = {}
    for entry in list_backups(db_path):
        pool = "routine" if entry.reason in ROUTINE_REASONS else entry.reason
        pools.setdefault(pool, []).append(entry)
    removed = []
    for entries in pools.values():
        for entry in entries[keep:]:  # list_backups is newest first
            if protect is not None and entry.path == protect:
                continue
            safefile.remove_db_files(entry.path)
            removed.append(entry.path)
    return removed


def list_backups(db_path: Path | str) -> list[BackupEntry]:
    """The automatic backups of one database, newest first."""
    folder = paths.backup_dir_for(Path(db_path))
    found = []
    with contextlib.suppress(OSError):
        for item in os.scandir(folder):
            match = _NAME_RE.match(item.name)
            if not match or not item.is_file():
                continue
            try:
                created = datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
                size = item.stat().st_size
            except (ValueError, OSError):
                continue
            found.append(BackupEntry(Path(item.path), created, match.group(3), size, int(match.group(4) or 0)))
    found.sort(key=lambda e: (e.created, e.sequence, e.path.name), reverse=True)
    return found


def latest_backup(db_path: Path | str) -> BackupEntry | None:
    """The newest automatic backup that is a real backup (not a copy of a damaged file)."""
    return next((e for e in list_backups(db_path) if e.reason != "rusak"), None)


def daily_backup_due(db_path: Path | str, today: date) -> bool:
    """True when no backup of this database was made today (any reason but "rusak")."""
    return not any(e.created.date() == today for e in list_backups(db_path) if e.reason != "rusak")


def maybe_daily_backup(db: storage.Database, today: date) -> Path | None:
    """The daily backup, if the preferences want one and none was made today (see ``routine_backup``)."""
    return routine_backup(db, "harian", today=today)


def is_demo(db: storage.Database) -> bool:
    """True for a file of made-up demo data (settings key "demo")."""
    try:
        return bool(db.get_setting("demo"))
    except (sqlite3.Error, ValueError):
        return False


def routine_backup(db: storage.Database, reason: str, *, today: date | None = None) -> Path | None:
    """The window's automatic backup: "harian" (once a day, if the preferences want it) or "keluar".

    None when nothing was due: a read-only database, a demo file (made-up data is
    never backed up automatically), daily backups switched off, or one made today.
    A failure is recorded in the failure log (``backup_log``) and raised again, so
    the caller can show it; it never changes the database.
    """
    if reason not in ROUTINE_REASONS or reason == "manual":
        raise ValueError(f"not an automatic routine backup: {reason!r}")
    if db.readonly or is_demo(db):
        return None
    try:
        if reason == "harian":
            prefs = db.get_setting("preferences") or {}
            if not prefs.get("backup_daily", True) or not daily_backup_due(db.path, today or date.today()):
                return None
        return automatic_backup(db, reason)
    except RekamError as err:
        backup_log.record_failure(db.path, reason, err.message, err.code)
        raise
    except (OSError, sqlite3.Error) as err:
        failure = storage.translate_error(err, db.path)
        backup_log.record_failure(db.path, reason, failure.message, failure.code)
        raise failure from err


def backup_before_migration(db: storage.Database) -> Path:
    """Called by ``Database.open`` before upgrading a file: a copy of the un-migrated file.

    If it cannot be made (a full disk), the error passes up and the file is not migrated.
    """
    return automatic_backup(db, "migrasi")


# -- reading and validating a backup ---------------------------------------------------

def _not_a_backup(path: Path) -> UserInputError:
    return UserInputError(tr(
        "{p} bukan berkas cadangan Rekam UPT (bukan basis data SQLite, kosong, atau rusak).",
        "{p} is not a Rekam UPT backup (not an SQLite database, empty, or damaged).", p=path),
        code="not_database")


def _validate_copy(copy: Path, shown: Path, encrypted: bool) -> BackupInfo:
    """Check a private copy of a backup and make it self-contained; ``shown`` names it in messages."""
    info = storage.inspect_file(copy)
    if info.kind in ("missing", "empty", "not_sqlite"):
        raise _not_a_backup(shown)
    if info.kind == "foreign":
        raise UserInputError(tr(
            "{p} adalah berkas SQLite milik program lain, bukan cadangan Rekam UPT.",
            "{p} is an SQLite file of another program, not a Rekam UPT backup.", p=shown), code="foreign")
    if info.user_version > SCHEMA_VERSION:
        raise UserInputError(tr(
            "{p} dibuat oleh versi Rekam UPT yang lebih baru (skema {v}, program ini {mine}): "
            "perbarui program sebelum memulihkan.",
            "{p} was made by a newer Rekam UPT (schema {v}, this program {mine}): "
            "update the program before restoring.", p=shown, v=info.user_version, mine=SCHEMA_VERSION),
            code="newer")
    if info.user_version < 1:
        raise _not_a_backup(shown)
    damaged = UserInputError(tr(
        "Berkas cadangan {p} rusak (pemeriksaan keutuhan gagal): tidak dipulihkan.",
        "The backup {p} is damaged (integrity check failed): not restored.", p=shown), code="corrupt")
    try:
        conn = sqlite3.connect(str(copy), isolation_level=None)
    except sqlite3.Error as err:
        raise damaged from err
    try:
        check = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            raise damaged
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise _not_a_backup(shown)
        # A copy that came with its -wal: fold it in so one file holds everything.
        conn.execute("PRAGMA journal_mode = DELETE")
        result = _describe(conn, copy, encrypted, info.user_version)
    except sqlite3.Error as err:
        raise damaged from err
    finally:
        conn.close()
    return result


def _describe(conn: sqlite3.Connection, copy: Path, encrypted: bool, version: int) -> BackupInfo:
    import json

    def count(sql: str) -> int:
        try:
            return int(conn.execute(sql).fetchone()[0])
        except sqlite3.Error:
            return 0

    def at(text: str | None) -> datetime | None:
        try:
            return datetime.fromisoformat(text) if text else None
        except ValueError:
            return None

    auth = None
    password_set_at = last_change = None
    with contextlib.suppress(sqlite3.Error, ValueError):
        row = conn.execute("SELECT value FROM settings WHERE key = 'auth'").fetchone()
        auth = json.loads(row[0]) if row else None
    with contextlib.suppress(sqlite3.Error):
        marks = ", ".join("?" for _ in _PASSWORD_OPERATIONS)
        row = conn.execute(f"SELECT max(at) FROM audit_log WHERE operation IN ({marks})",
                           _PASSWORD_OPERATIONS).fetchone()
        password_set_at = at(row[0] if row else None)
        row = conn.execute("SELECT max(at) FROM audit_log").fetchone()
        last_change = at(row[0] if row else None)
    return BackupInfo(
        path=copy, encrypted=encrypted, schema_version=version,
        persons=count("SELECT count(*) FROM persons WHERE deleted_at IS NULL"),
        cases=count("SELECT count(*) FROM cases WHERE deleted_at IS NULL"),
        programs=count("SELECT count(*) FROM programs WHERE deleted_at IS NULL"),
        has_password=bool(auth), password_set_at=password_set_at, last_change=last_change,
        size=copy.stat().st_size, auth=auth)


def _prepare_copy(source: Path, copy: Path, password: str | None) -> BackupInfo:
    """Decrypt or copy ``source`` into ``copy`` (an existing temp file), validate it, flush it."""
    encrypted = crypto.is_encrypted(source)
    if encrypted:
        if not password:
            raise UserInputError(tr("Cadangan {p} terenkripsi: kata sandi diperlukan.",
                                    "The backup {p} is encrypted: a password is needed.", p=source),
                                 field="password", code="password_needed")
        crypto.decrypt_file(source, copy, password)
    else:
        safefile.copy_bytes(source, copy)
        # A database copied by hand may still have committed pages in its -wal.
        wal = Path(str(source) + "-wal")
        if wal.is_file() and wal.stat().st_size > 0:
            safefile.copy_bytes(wal, Path(str(copy) + "-wal"))
    info = _validate_copy(copy, source, encrypted)
    safefile.remove_sidecars(copy)
    safefile.fsync_file(copy)
    return replace(info, path=source, size=source.stat().st_size)


def _set_journal_mode(path: Path, mode: str) -> None:
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA journal_mode = {mode}")
    finally:
        conn.close()
    safefile.remove_sidecars(path)




def check_source(source: Path) -> None:
    """A backup to read must exist and be a regular file (a FIFO would block the read)."""
    kind = safefile.file_kind(source)
    if kind == "missing":
        raise UserInputError(tr("Berkas cadangan tidak ada: {p}", "The backup file does not exist: {p}",
                                p=source), code="missing")
    if kind != "regular":
        raise safefile.not_regular(source, kind, field="file")


def inspect_backup(path: Path | str, password: str | None = None) -> BackupInfo:
    """Validate a backup (plain or encrypted) without changing anything, and say what it holds.

    UserInputError with a clear message when it is missing, not a Rekam UPT
    backup, from a newer program, damaged, or encrypted with another password.
    The source file is never opened by SQLite: the checks run on a private copy.
    """
    source = Path(path).expanduser()
    check_source(source)
    copy = _private_temp("periksa-")
    try:
        return _prepare_copy(source, copy, password)
    except (OSError, sqlite3.Error) as err:
        raise storage.translate_error(err, source) from err
    finally:
        safefile.remove_db_files(copy)


# -- restore ---------------------------------------------------------------------------

def read_auth(db_path: Path | str) -> tuple[bool, dict[str, Any] | None]:
    """(readable, stored password hash) of the current database, without changing it.

    ``readable`` is False for a missing, damaged, foreign or newer file: then the
    backup's password is the one to check.
    """
    import json

    path = Path(db_path)
    try:
        info = storage.inspect_file(path)
    except OperationError:
        return False, None
    if info.kind != "rekam" or not 1 <= info.user_version <= SCHEMA_VERSION:
        return False, None
    try:
        conn = storage.connect(path, readonly=True)
    except sqlite3.Error:
        return False, None
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return False, None
        row = conn.execute("SELECT value FROM settings WHERE key = 'auth'").fetchone()
        return True, (json.loads(row[0]) if row else None)
    except (sqlite3.Error, ValueError):
        return False, None
    finally:
        conn.close()


def in_use(db_path: Path) -> OperationError:
    """The refusal when anything else has the database open."""
    return OperationError(tr(
        "Basis data {p} sedang dibuka oleh program lain (jendela Rekam UPT, perintah lain, atau "
        "program yang membacanya): tutup dahulu, lalu pulihkan. Tidak ada yang diubah.",
        "The database {p} is open in another program (a Rekam UPT window, another command, or a "
        "program reading it): close it, then restore. Nothing was changed.", p=db_path), code="in_use")


def _claim(db_path: Path) -> sqlite3.Connection | None:
    """A connection that is provably the only one on the file, holding it exclusively.

    In WAL mode every open connection keeps a shared lock on the file for as long as
    it is open, idle or not, in this process or another; only a connection with no
    other one open can take the exclusive lock that leaving WAL needs.  So switching
    the journal mode to DELETE is the test: it fails ("locked") while anything else
    holds the file, and on success SQLite has folded the WAL in and removed the
    -wal/-shm itself.  The connection is returned inside a read transaction, whose
    shared lock keeps writers out while the file is backed up through it (SQLite's
    backup cannot read through a connection holding a write lock); ``_exclude_all``
    then takes the exclusive lock for the rename.  Returns None for a file SQLite
    cannot read (damaged); raises ``in_use`` when another holder exists.
    """
    conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=1.0)
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise in_use(db_path)
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as err:
        conn.close()
        busy = (getattr(err, "sqlite_errorcode", 0) or 0) & 0xFF in (5, 6) or "locked" in str(err).lower()
        if busy:
            raise in_use(db_path) from err
        return None
    except sqlite3.DatabaseError:
        conn.close()
        return None
    except BaseException:
        conn.close()
        raise


def _exclude_all(claim: sqlite3.Connection, db_path: Path) -> None:
    """From the claim's shared lock to an exclusive one, so nobody reads or writes until the rename."""
    with contextlib.suppress(sqlite3.Error):  # a read transaction: nothing to commit
        claim.execute("ROLLBACK")
    try:
        claim.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as err:
        if (getattr(err, "sqlite_errorcode", 0) or 0) & 0xFF in (5, 6) or "locked" in str(err).lower():
            # Something opened the file in the moment between: it holds it now.
            raise in_use(db_path) from err
    except sqlite3.DatabaseError:
        pass  # a damaged file (already copied aside): replaced all the same


def _set_aside(db_path: Path, keep: int | None) -> tuple[Path | None, str | None, sqlite3.Connection | None]:
    """Keep the file about to be replaced; refuse while anything else has it open.

    Returns (where it was kept, why, the claiming connection).  The claiming
    connection holds the file exclusively until the caller has renamed the new file
    over it (see ``_claim``).  A readable Rekam UPT file becomes a "sebelum-pulih"
    backup; a damaged one is copied byte for byte as "rusak" (with its -wal and
    -journal), so nothing is ever lost.
    """
    info = storage.inspect_file(db_path)
    if info.kind == "missing":
        return None, None, None
    problem = storage.file_problem(db_path, info)
    if problem is not None and problem.code in ("foreign", "newer", "not_regular"):
        raise type(problem)(problem.message + " " + tr("Tidak ditimpa.", "Not overwritten."),
                            code=problem.code)
    if info.kind == "empty":
        return None, None, None
    claim = _claim(db_path) if info.kind == "rekam" else None
    try:
        if claim is not None:
            try:
                healthy = claim.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            except sqlite3.DatabaseError:
                healthy = False
            if healthy:
                # readonly=True: the snapshot reads through the claiming connection itself,
                # the only one that can read the file while it is held exclusively.
                current = storage.Database(db_path, claim, readonly=True)
                return automatic_backup(current, "sebelum-pulih", keep), "sebelum-pulih", claim
        folder = paths.backup_dir_for(db_path)
        kept = _new_backup_path(folder, "rusak")
        # The side files first (the main file's name is what lists the copy); a hot
        # -journal holds the pages SQLite needs to repair the main file.
        for suffix in ("-wal", "-journal", ""):
            src = Path(str(db_path) + suffix)
            if src.is_file():
                tmp = safefile.temp_beside(kept)
                try:
                    safefile.copy_bytes(src, tmp)
                    safefile.install(tmp, Path(str(kept) + suffix))
                finally:
                    safefile.remove_db_files(tmp)
        return kept, "rusak", claim
    except BaseException:
        if claim is not None:
            claim.close()
        raise


def restore_refused_readonly(db_path: Path) -> OperationError:
    return OperationError(tr(
        "Lokasi {p} hanya-baca atau tanpa izin tulis: tidak dipulihkan, tidak ada yang diubah.",
        "The location {p} is read-only or not writable: not restored, nothing was changed.",
        p=Path(db_path).parent), code="readonly")


def restore_database(db_path: Path | str, source: Path | str, *, password: str | None = None,
                     keep: int | None = None,
                     before_replace: Callable[[BackupInfo], None] | None = None) -> RestoreInfo:
    """Replace the database at ``db_path`` with the backup ``source``, atomically.

    The caller closes its own connection first (and holds the lock); while any
    other connection has the file open, it refuses (OperationError "in_use") and
    changes nothing.  ``password`` decrypts an encrypted backup.  ``before_replace`` sees the validated backup and
    may raise to stop (the command line checks the backup's password there); until
    then nothing has changed.  A ``db_path`` that does not exist is created
    (restoring onto a fresh machine).
    """
    db_path = safefile.real_path(db_path)  # a symlinked --db: the real file is replaced
    source = Path(source).expanduser()
    check_source(source)
    kind = safefile.file_kind(db_path)
    if kind not in ("missing", "regular"):
        raise safefile.not_regular(db_path, kind, field="db")
    if _same_file(source, db_path):
        raise UserInputError(tr("Berkas cadangan adalah basis data itu sendiri.",
                                "The backup file is the database itself."), code="same_file")
    if not storage.location_writable(db_path):
        raise restore_refused_readonly(db_path)
    current = storage.inspect_file(db_path)
    problem = storage.file_problem(db_path, current)
    if problem is not None and problem.code in ("foreign", "newer"):
        # Another program's file, or a newer program's: never touched.
        raise OperationError(problem.message + " " + tr("Tidak ditimpa.", "Not overwritten."),
                             code=problem.code)
    copy: Path | None = None
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        _sweep_stale_temps(db_path.parent, f".{db_path.name}.")
        copy = safefile.temp_beside(db_path, "pulih-")
        info = _prepare_copy(source, copy, password)
        # Installed already in WAL mode (still one file: closing folds the -wal in), so the
        # first open never switches modes through a rollback journal.
        _set_journal_mode(copy, "WAL")
        safefile.fsync_file(copy)
        if before_replace is not None:
            before_replace(info)
        kept, reason, claim = _set_aside(db_path, keep)
        try:
            if claim is not None:
                _exclude_all(claim, db_path)
            if claim is not None and os.name == "nt":
                # Windows cannot rename over an open file; it refuses the rename itself
                # while any other program has the file open.
                claim.close()
            # A damaged file's -wal must not be replayed onto the new file (a claimed
            # file has none left: leaving WAL removed them).
            safefile.remove_sidecars(db_path)
            try:
                os.replace(copy, db_path)
            except PermissionError as err:
                if os.name == "nt":  # another program opened it after the claim let go
                    raise in_use(db_path) from err
                raise
            copy = None
            safefile.fsync_dir(db_path.parent)
        finally:
            if claim is not None:
                # Its transaction ends on the old, now unlinked file; it wrote nothing,
                # so it touches no file under the database's name.
                claim.close()
    except (OSError, sqlite3.Error) as err:
        raise storage.translate_error(err, db_path) from err
    finally:
        safefile.remove_db_files(copy)
    return RestoreInfo(db_path=db_path, source=source, backup=info, kept=kept, kept_reason=reason)


# -- hints -----------------------------------------------------------------------------

HINT_CODES = ("corrupt", "not_database")


def fault_hint(err: RekamError, db_path: Path | str) -> str | None:
    """For a damaged file: the latest backup and the command that restores it, else None."""
    if err.code not in HINT_CODES:
        return None
    try:
        latest = latest_backup(db_path)
    except OSError:
        return None
    if latest is None:
        return None
    when = f"{format_date(latest.created.date())} {latest.created:%H.%M}"
    return tr("Cadangan terakhir: {f} ({d}). Pulihkan dengan: rekam-upt restore {f} --db {p}",
              "Latest backup: {f} ({d}). Restore it with: rekam-upt restore {f} --db {p}",
              f=latest.path, d=when, p=Path(db_path))


def with_fault_hint(err: RekamError, db_path: Path | str) -> RekamError:
    """``err`` with the restore hint appended to its one line, when there is one (changed in place)."""
    hint = fault_hint(err, db_path)
    if hint is None:
        return err
    err.message = f"{err.message} {hint}"
    err.args = (err.message,)
    return err
