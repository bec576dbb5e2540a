"""The log of automatic backups that failed, so a failure is never silent.

An automatic backup (daily at the first start of a day, and at exit) must not stop
the officer's work when it fails, but it must not be swallowed either: each failure
is appended to ``<data folder>/cadangan-gagal.jsonl`` (one JSON object a line: when,
which database, which backup, the message).  The window shows the failures it has
not shown yet when it next opens (a notice and the status line), and the About box
shows the latest ones.  Which failures were shown is kept per database in
``cadangan-gagal.dibaca``.  Writing the log never raises: a log that cannot be
written must not turn a failed backup into a failed start.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.models import paths, safefile
from app.models.dates import format_date
from app.models.i18n import tr

LOG_NAME = "cadangan-gagal.jsonl"
SEEN_NAME = "cadangan-gagal.dibaca"
KEEP_LINES = 200
# What each automatic backup is called in the messages (reason -> Indonesian, English).
_WHAT = {"harian": ("cadangan harian", "the daily backup"), "keluar": ("cadangan saat keluar", "the backup at exit")}


@dataclass(frozen=True)
class BackupFailure:
    """One failed automatic backup."""

    at: datetime
    db: str
    reason: str
    message: str
    code: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(timespec="seconds"), "db": self.db, "reason": self.reason,
                "message": self.message, "code": self.code}

    @property
    def when(self) -> str:
        return f"{format_date(self.at.date())} {self.at:%H.%M}"

    @property
    def what(self) -> str:
        return tr(*_WHAT.get(self.reason, (self.reason, self.reason)))


def log_path() -> Path:
    return paths.data_dir_path() / LOG_NAME


def _db_key(db_path: Path | str) -> str:
    return str(safefile.real_path(db_path))


def record_failure(db_path: Path | str, reason: str, message: str, code: str | None = None, *,
                   at: datetime | None = None) -> BackupFailure:
    """Append one failure to the log (and keep the log to its last KEEP_LINES lines)."""
    failure = BackupFailure(at or datetime.now().replace(microsecond=0), _db_key(db_path), reason,
                            message, code)
    with contextlib.suppress(OSError):
        path = paths.data_dir() / LOG_NAME
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(failure.to_json(), ensure_ascii=False) + "\n")
        _trim(path)
    return failure


def _trim(path: Path) -> None:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
    if len(lines) <= KEEP_LINES:
        return
    tmp = safefile.temp_beside(path)
    try:
        tmp.write_text("".join(lines[-KEEP_LINES:]), encoding="utf-8")
        safefile.install(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.remove(tmp)


def recent_failures(db_path: Path | str | None = None, limit: int = 20) -> list[BackupFailure]:
    """The latest failures, newest first; only those of ``db_path`` when given."""
    try:
        lines = log_path().read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    key = _db_key(db_path) if db_path is not None else None
    found: list[BackupFailure] = []
    for line in reversed(lines):
        try:
            data = json.loads(line)
            failure = BackupFailure(datetime.fromisoformat(data["at"]), str(data["db"]), str(data["reason"]),
                                    str(data["message"]), data.get("code"))
        except (ValueError, KeyError, TypeError):
            continue  # a line cut by a crash, or edited by hand
        if key is None or failure.db == key:
            found.append(failure)
            if len(found) >= limit:
                break
    return found


def _seen() -> dict[str, str]:
    try:
        data = json.loads((paths.data_dir_path() / SEEN_NAME).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def unseen_failures(db_path: Path | str) -> list[BackupFailure]:
    """The failures of this database the window has not shown yet, newest first."""
    since = _seen().get(_db_key(db_path))
    failures = recent_failures(db_path)
    if since is None:
        return failures
    return [f for f in failures if f.at.isoformat(timespec="seconds") > since]


def mark_failures_seen(db_path: Path | str, failures: list[BackupFailure]) -> None:
    """Remember that ``failures`` (of this database) were shown."""
    if not failures:
        return
    seen = _seen()
    seen[_db_key(db_path)] = max(f.at for f in failures).isoformat(timespec="seconds")
    with contextlib.suppress(OSError):
        path = paths.data_dir() / SEEN_NAME
        tmp = safefile.temp_beside(path)
        try:
            tmp.write_text(json.dumps(seen, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            safefile.install(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.remove(tmp)


def status_line(failure: BackupFailure) -> str:
    """One line for the window's status bar."""
    return tr("Cadangan otomatis gagal ({w}, {d}): {m}", "Automatic backup failed ({w_en}, {d}): {m}",
              w=failure.what, w_en=failure.what, d=failure.when, m=failure.message)


def notice(failures: list[BackupFailure]) -> str:
    """What the window says when it opens after automatic backups failed (newest first)."""
    head = (tr("Cadangan otomatis gagal sejak program terakhir dibuka:",
               "Automatic backups failed since the program was last opened:") if len(failures) > 1 else
            tr("Cadangan otomatis gagal:", "An automatic backup failed:"))
    lines = [head] + [f"• {f.when} · {f.what}: {f.message}" for f in failures[:5]]
    if len(failures) > 5:
        lines.append(tr("… dan {n} lagi (lihat Tentang).", "… and {n} more (see About).", n=len(failures) - 5))
    lines.append(tr(
        "Data di basis data tetap utuh, tetapi tanpa cadangan baru. Atasi penyebabnya, lalu buat "
        "cadangan sekarang (Berkas > Cadangkan). Catatan ini disimpan di {p}.",
        "The data in the database is intact, but without a new backup. Fix the cause, then make a "
        "backup now (File > Back up). This record is kept in {p}.", p=log_path()))
    return "\n".join(lines)


def log_text(limit: int = 10) -> str:
    """The latest failures of every database, for the About box."""
    failures = recent_failures(limit=limit)
    if not failures:
        return tr("Cadangan otomatis yang gagal: belum ada.", "Failed automatic backups: none so far.")
    lines = [tr("Cadangan otomatis yang gagal (terbaru dahulu; catatan lengkap di {p}):",
                "Failed automatic backups (newest first; the full record is in {p}):", p=log_path())]
    lines += [f"• {f.when} · {f.what} · {f.db}: {f.message}" for f in failures]
    return "\n".join(lines)
