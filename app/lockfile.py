"""Only one copy of the program writes a database at a time: a QLockFile beside it.

The window holds the lock while a database is open.  Command-line commands that
write take it too and refuse with a clear line when it is held; commands that only
read (backup, check, export) do not need it, since SQLite's WAL lets them read
while the window writes.  A lock left by a crashed copy is stale and taken over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from app.models.errors import OperationError
from app.models.i18n import tr


def lock_path(db_path: Path) -> Path:
    return Path(str(db_path) + ".lock")


class DatabaseLock:
    """Holds ``<database>.lock`` until released."""

    def __init__(self, db_path: Path):
        self.path = lock_path(Path(db_path))
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone

    def acquire(self) -> None:
        """Take the lock or raise OperationError saying who holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._lock.tryLock(0):
            return
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            info = self._lock.getLockInfo()
            # PySide6 returns (pid, host, app); some bindings put an ok flag first.
            pid, host, _app = info[-3:]
            ok = bool(pid)
            raise OperationError(tr(
                "Basis data ini sedang dibuka oleh Rekam UPT lain (proses {pid} di {host}). "
                "Tutup program itu dahulu.",
                "This database is open in another Rekam UPT (process {pid} on {host}). Close it first.",
                pid=pid if ok else "?", host=host if ok and host else "komputer ini"), code="locked")
        raise OperationError(tr("Berkas kunci {p} tidak dapat dibuat.", "Cannot create the lock file {p}.",
                                p=self.path), code="lock_failed")

    def release(self) -> None:
        self._lock.unlock()

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
