"""Only one copy of the program writes a database at a time: an OS file lock beside it.

The window holds the lock while a database is open.  Command-line commands that
write take it too and refuse with a clear line when it is held; commands that only
read (backup, check, export) do not need it, since SQLite's WAL lets them read
while the window writes.

The lock is ``filelock``'s: an OS lock (``flock`` on Unix, ``LockFileEx`` on
Windows) on ``<database>.lock``, which the operating system drops when the holding
process dies, so a lock left by a crashed or killed copy is simply free again.  It
needs no Qt, so the command line and scripts start without loading PySide6.  The
holder writes its process id and computer name into the file, which is all that a
refused copy can say about it.  The database path is resolved first (symlinks
followed), so every name of one file shares one lock.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path

from filelock import FileLock, Timeout

from app.models.errors import OperationError
from app.models.i18n import tr

HOLDER_APP = "rekam-upt"


def lock_path(db_path: Path | str) -> Path:
    """``<real path of the database>.lock``."""
    return Path(os.path.realpath(Path(db_path).expanduser()) + ".lock")


def _write_holder(fd: int) -> None:
    """Called by filelock with the locked file's descriptor: say who holds it (QLockFile's layout)."""
    text = f"{os.getpid()}\n{HOLDER_APP}\n{socket.gethostname()}\n".encode()
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text)


def read_holder(path: Path) -> tuple[str, str]:
    """(process id, computer) from a held lock file; ("?", "") when it cannot be read."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:  # Windows refuses reads of the locked byte; the holder is then unknown
        return "?", ""
    pid = lines[0].strip() if lines and lines[0].strip().isdigit() else "?"
    host = lines[2].strip() if len(lines) > 2 else ""
    return pid, host


class DatabaseLock:
    """Holds ``<database>.lock`` until released; also a context manager."""

    def __init__(self, db_path: Path | str):
        self.path = lock_path(db_path)
        # timeout 0: never wait; thread_local off: the window may release from another thread.
        self._lock = FileLock(str(self.path), timeout=0, thread_local=False, on_acquired=_write_holder)

    @property
    def is_held(self) -> bool:
        """True while this object holds the lock."""
        return self._lock.is_locked

    def acquire(self) -> None:
        """Take the lock or raise OperationError saying who holds it.  Held already: nothing to do."""
        if self._lock.is_locked:
            # Not counted twice: one release() must give it back (and remove the file).
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock.acquire()
            return
        except Timeout:
            pid, host = read_holder(self.path)
        except OSError as err:
            raise OperationError(tr("Berkas kunci {p} tidak dapat dibuat: {e}",
                                    "Cannot create the lock file {p}: {e}",
                                    p=self.path, e=err.strerror or err), code="lock_failed") from err
        raise OperationError(tr(
            "Basis data ini sedang dibuka oleh Rekam UPT lain (proses {pid} di {host}). "
            "Tutup program itu dahulu.",
            "This database is open in another Rekam UPT (process {pid} on {host_en}). Close it first.",
            pid=pid, host=host or "komputer ini", host_en=host or "this computer"), code="locked")

    def release(self) -> None:
        if not self._lock.is_locked:
            return
        if os.name != "nt":
            # Removed while still held, so no file is left beside the database.  A copy
            # that opened the old file meanwhile finds it unlinked once it gets the OS
            # lock, and filelock does not count that as held: never two holders.
            # (On Windows filelock removes the file itself after releasing it.)
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        self._lock.release()

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

