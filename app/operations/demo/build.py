"""Making a demo file at a path: what may be replaced there, the backup, building beside it, the rename.

What is at the path decides (``inspect_target``):

- nothing, or an empty file: the demo is written there;
- a Rekam UPT file with no records and no password (as a first start leaves it):
  backed up, then replaced;
- a demo file (setting ``demo`` true): replaced only with ``replace`` and that
  file's own password, without a backup (its data is made up);
- any other Rekam UPT file is real data: replaced only with ``replace_real_data``
  and its password, after a backup ("sebelum-demo" in its backup folder);
- a file that is not a Rekam UPT database, another program's SQLite file, or a file
  from a newer Rekam UPT: never.  A damaged file, or one whose password record is
  missing, is never replaced either: it is what a restore needs.

Every refusal is one line in the user's language and leaves the file as it was.

Crash safety: the file is built at ``<name>.demo-tmp`` beside the target, its data in
one transaction, then closed, flushed and renamed over the target
(``safefile.install``).  Killed at any moment, the target is the old file or the
whole demo, never half of one; a temporary file left by a killed run is removed by
the next.  The fixed name (rather than ``safefile.temp_beside``'s random one) is what
lets the next run find it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.models import backup, safefile, storage
from app.models.domain import UNIT_KINDS
from app.models.errors import OperationError, UserInputError
from app.models.i18n import tr
from app.models.schema import SCHEMA_VERSION
from app.models.security import check_new_password
from app.models.storage import Database
from app.operations.auth import check_password, password_state
from app.operations.demo.vocabulary import EARLIEST_TODAY, LATEST_TODAY
from app.operations.demo.writer import ProgressFn, default_workers, fill

MAX_CLIENTS = 1_000_000
TEMP_SUFFIX = ".demo-tmp"
BACKUP_REASON = "sebelum-demo"


@dataclass(frozen=True)
class Target:
    """What is at the demo's path: ``kind`` is "new", "blank", "demo" or "real"."""

    kind: str
    info: storage.FileInfo


def _never(path: Path, info: storage.FileInfo) -> UserInputError | None:
    """The refusal for a file that no option may replace."""
    if info.kind == "not_sqlite":
        return UserInputError(tr(
            "{p} bukan basis data Rekam UPT: tidak diganti dengan data demo. Pilih nama berkas lain.",
            "{p} is not a Rekam UPT database: it is not replaced with demo data. Choose another file name.",
            p=path), field="db", code="not_database")
    if info.kind == "foreign":
        return UserInputError(tr(
            "{p} adalah berkas SQLite milik program lain: tidak diganti dengan data demo. Pilih nama berkas lain.",
            "{p} is an SQLite file of another program: it is not replaced with demo data. Choose another file name.",
            p=path), field="db", code="foreign")
    if info.user_version > SCHEMA_VERSION:
        return UserInputError(tr(
            "{p} dibuat oleh versi Rekam UPT yang lebih baru (skema {v}, program ini {mine}): "
            "tidak diganti dengan data demo.",
            "{p} was made by a newer Rekam UPT (schema {v}, this program {mine}): it is not replaced with demo data.",
            p=path, v=info.user_version, mine=SCHEMA_VERSION), field="db", code="newer")
    return None


def _damaged(path: Path, err: BaseException) -> OperationError:
    return OperationError(tr(
        "Berkas {p} rusak atau tidak terbaca ({e}): tidak diganti dengan data demo. "
        "Pulihkan dari cadangan (rekam-upt restore) atau pilih nama berkas lain.",
        "The file {p} is damaged or unreadable ({e}): it is not replaced with demo data. "
        "Restore a backup (rekam-upt restore) or choose another file name.", p=path, e=err), code="corrupt")


def _json_setting(rows: dict[str, str], key: str) -> Any:
    try:
        return json.loads(rows[key]) if key in rows else None
    except ValueError:
        return None  # a damaged row counts as not set: never as "this is a demo"


def inspect_target(path: Path) -> Target:
    """What is at ``path``; raises for a file that may never be replaced (read-only: the file is not changed)."""
    info = storage.inspect_file(path)
    if info.kind in ("missing", "empty"):
        return Target("new", info)
    problem = _never(path, info)
    if problem is not None:
        raise problem
    try:
        conn = storage.connect(path, readonly=True)
        try:
            if not conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]:
                return Target("new", info)  # a first start killed before its first table: nothing in it
            rows = dict(conn.execute("SELECT key, value FROM settings WHERE key IN ('demo', 'auth')").fetchall())
            holds = conn.execute(
                "SELECT EXISTS (SELECT 1 FROM persons) OR EXISTS (SELECT 1 FROM officers)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as err:
        raise _damaged(path, err) from err
    if _json_setting(rows, "demo") is True:
        return Target("demo", info)
    if not holds and "auth" not in rows:
        return Target("blank", info)
    return Target("real", info)


def _refuse_without_permission(path: Path, target: Target, replace: bool, replace_real_data: bool) -> None:
    if target.kind == "demo" and not (replace or replace_real_data):
        raise UserInputError(tr(
            "Berkas {p} sudah berisi data demo; gunakan --replace untuk menggantinya (dengan kata sandi berkas itu).",
            "The file {p} already holds demo data; use --replace to replace it (with that file's password).",
            p=path), field="db", code="has_data")
    if target.kind == "real" and not replace_real_data:
        raise UserInputError(tr(
            "Berkas {p} sudah berisi data nyata (bukan demo) dan tidak diganti: --replace hanya mengganti berkas "
            "demo; untuk mengganti data nyata gunakan --replace-real-data dengan kata sandi berkas itu "
            "(berkas lama dicadangkan dahulu).",
            "The file {p} already holds real data (not a demo) and was not replaced: --replace replaces only a "
            "demo file; to replace real data use --replace-real-data with that file's password "
            "(the old file is backed up first).", p=path), field="db", code="real_data")


def _require_its_password(path: Path, db: Database, password: str) -> None:
    """The file being replaced must have a password record, and ``password`` must be it."""
    try:
        known = password_state(db) in ("ok", "legacy")
        right = known and check_password(db, password)
    except (ValueError, TypeError, KeyError, sqlite3.Error):
        known, right = False, False  # a damaged password record is no password record
    if not known:
        raise OperationError(tr(
            "Catatan kata sandi berkas {p} hilang atau rusak: berkas tidak diganti. "
            "Pulihkan dari cadangan dengan rekam-upt restore.",
            "The password record of {p} is missing or damaged: the file was not replaced. "
            "Restore a backup with rekam-upt restore.", p=path), code="no_password")
    if not right:
        raise UserInputError(tr(
            "Kata sandi salah untuk berkas {p}: berkas tidak diganti.",
            "Wrong password for the file {p}: the file was not replaced.", p=path),
            field="password", code="wrong_password")


def _prepare_replacement(path: Path, target: Target, password: str) -> Path | None:
    """Check the password, back up real data, fold the -wal in; return the backup, if one was made.

    The -wal is folded into the file it belongs to before the rename: the rename
    removes the old file's side files, and a -wal left beside the new file would be
    replayed onto it.  A -wal that cannot be folded means another program has the file.
    """
    made: Path | None = None
    try:
        conn = storage.connect(path, readonly=True)
    except sqlite3.Error as err:
        raise _damaged(path, err) from err
    try:
        current = Database(path, conn, readonly=True)
        if target.kind in ("demo", "real"):
            _require_its_password(path, current, password)
        if target.kind in ("blank", "real"):
            # A consistent snapshot through the backup module, named and rotated like the others.
            made = backup.automatic_backup(current, BACKUP_REASON)
    except json.JSONDecodeError as err:  # a settings row that is not JSON
        raise _damaged(path, err) from err
    finally:
        conn.close()
    wal = Path(str(path) + "-wal")
    if wal.is_file() and wal.stat().st_size:
        conn = storage.connect(path)
        try:
            if conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]:
                raise OperationError(tr(
                    "Basis data {p} masih dibuka program lain: tutup dahulu.",
                    "The database {p} is still open in another program: close it first.", p=path), code="locked")
        finally:
            conn.close()
    return made


def _check_arguments(path: Path, clients: int, unit_kind: str, password: str, today: date) -> None:
    if isinstance(clients, bool) or not isinstance(clients, int) or not 1 <= clients <= MAX_CLIENTS:
        raise UserInputError(tr("Jumlah klien harus 1 sampai {m}.", "The number of clients must be 1 to {m}.",
                                m=f"{MAX_CLIENTS:,}".replace(",", ".")), field="clients")
    if unit_kind not in UNIT_KINDS:
        raise UserInputError(tr("Jenis UPT tidak dikenal: {k} (pilihan: {c})",
                                "Unknown kind of unit: {k} (choices: {c})",
                                k=unit_kind, c=", ".join(UNIT_KINDS)), field="unit_kind")
    check_new_password(password)
    if not EARLIEST_TODAY <= today <= LATEST_TODAY:
        raise UserInputError(tr("Tanggal hari ini untuk demo harus antara {a} dan {b}.",
                                "The demo's today must be between {a} and {b}.",
                                a=EARLIEST_TODAY.isoformat(), b=LATEST_TODAY.isoformat()), field="today")
    if path.is_dir():
        raise UserInputError(tr("{p} adalah folder; sebutkan nama berkas.", "{p} is a folder; give a file name.",
                                p=path), field="db")


def generate_demo(path: Path, *, clients: int, seed: int = 1, today: date, replace: bool = False,
                  replace_real_data: bool = False, password: str, unit_kind: str = "bapas",
                  progress: ProgressFn | None = None, workers: int | None = None) -> dict[str, Any]:
    """Fill a new file at ``path`` with ``clients`` synthetic clients (or inmates).

    What may be replaced, and with which password, is in the module text: ``replace``
    lets a demo file be replaced, ``replace_real_data`` any Rekam UPT file (after a
    backup); either way ``password`` must be the old file's password, and it becomes
    the new file's.  ``progress(done, total)`` is called now and then, with total 100.
    ``workers``: processes that make the chunks (None: by the machine; 0: none); the
    records are the same either way.  Returns the counts (clients, persons, cases,
    programs, remissions, status_changes, wajib_lapor, officers) and ``db``,
    ``backup`` (the old file's copy, or None) and ``seconds``.
    """
    began = time.perf_counter()
    path = Path(path).expanduser()
    _check_arguments(path, clients, unit_kind, password, today)
    target = inspect_target(path)
    _refuse_without_permission(path, target, replace, replace_real_data)
    if not storage.location_writable(path):
        raise OperationError(tr("Lokasi {p} hanya-baca atau tanpa izin tulis: tidak ada yang disimpan.",
                                "The location {p} is read-only or not writable: nothing was saved.",
                                p=path.parent), code="readonly")
    tmp = path.with_name(path.name + TEMP_SUFFIX)
    safefile.remove_db_files(tmp)  # left by a run that was killed
    backup_path: Path | None = None
    try:
        if target.kind != "new":
            backup_path = _prepare_replacement(path, target, password)
        db = Database.open(tmp, create=True)
        try:
            # The temporary file is thrown away if anything fails, so it needs no durable
            # journal while it is built; it is synced once, before the rename.
            db.conn.execute("PRAGMA journal_mode = MEMORY")
            db.conn.execute("PRAGMA synchronous = OFF")
            db.conn.execute("PRAGMA cache_size = -262144")
            db.conn.execute("PRAGMA temp_store = MEMORY")
            db.conn.execute("PRAGMA threads = 2")  # index builds sort with a helper thread
            counts = fill(db, clients=clients, seed=seed, today=today, unit_kind=unit_kind, password=password,
                          progress=progress, workers=default_workers(clients) if workers is None else workers)
        finally:
            db.close()
        # The replaced file's side files (folded in, or kept in the backup) must not
        # outlive it: a stale -wal would be replayed onto the new file.
        safefile.remove_sidecars(path)
        safefile.install(tmp, path)
    except (OSError, sqlite3.Error) as err:
        safefile.remove_db_files(tmp)
        raise storage.translate_error(err, path) from err
    except BaseException:
        safefile.remove_db_files(tmp)
        raise
    if progress:
        progress(100, 100)
    return {"db": str(path), **counts, "backup": str(backup_path) if backup_path else None,
            "seconds": round(time.perf_counter() - began, 2)}
