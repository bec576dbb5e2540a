"""Where Rekam UPT keeps its files (platformdirs), created readable by the owner only.

Besides the databases and their automatic backups, the user data folder holds
``tmp/``: plaintext copies that must never reach another disk (an encrypted
backup's snapshot, a backup being checked, a read-only copy of a database).  Each
process works in a folder of its own there, ``tmp/p<pid>-<random>/``, and holds an
OS lock on ``tmp/p<pid>-<random>.lock`` for as long as it lives.  The operating
system drops that lock when the process dies, so a folder whose lock anyone can
take belongs to a process that is gone: ``sweep_work_dirs`` removes it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import threading
from pathlib import Path
from typing import Any

APP_DIR_NAME = "RekamUPT"
DEFAULT_DB_NAME = "rekam-upt.sqlite3"
DEMO_DB_NAME = "rekam-upt-demo.sqlite3"
WORK_DIR_NAME = "tmp"
WORK_PREFIX = "p"
WORK_LOCK_SUFFIX = ".lock"


def data_dir_path() -> Path:
    """The user data folder, without creating it; REKAM_UPT_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("REKAM_UPT_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # only here: not needed when a file is given with --db

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def data_dir() -> Path:
    """The user data folder, created (owner only) if it is not there yet."""
    return ensure_private_dir(data_dir_path())


def ensure_private_dir(path: Path) -> Path:
    if not path.exists():
        path.mkdir(parents=True, mode=0o700, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_NAME


def backup_dir_path(db_path: Path) -> Path:
    """The automatic backups' folder of one database file, without creating it.

    Two files with the same name in different folders get different backup folders.
    """
    import hashlib  # (imported here and below when needed: the window opens without them)

    resolved = str(Path(db_path).resolve())
    tag = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:8]
    return data_dir_path() / "cadangan" / f"{Path(db_path).stem}-{tag}"


def backup_dir_for(db_path: Path) -> Path:
    """Automatic backups of one database file, in the user data folder (created)."""
    ensure_private_dir(data_dir())
    return ensure_private_dir(backup_dir_path(db_path))


# -- this process's private work folder ----------------------------------------------------

# The one work folder of this process: (data folder, folder, the lock held on it).
_work: tuple[Path, Path, Any] | None = None
# Workers (a backup off the GUI thread) may ask at the same time: one folder, one lock.
_work_guard = threading.Lock()


def work_dir() -> Path:
    """This process's private folder (0700) for plaintext copies, in the user data folder.

    Made on first use; removed when the process exits, or, after a crash, by the next
    start's ``sweep_work_dirs``.  OSError when the data folder cannot be written.
    """
    with _work_guard:
        return _make_work_dir()


def _make_work_dir() -> Path:
    global _work
    base = ensure_private_dir(data_dir() / WORK_DIR_NAME)
    if _work is not None:
        old_base, folder, lock = _work
        if old_base == base and folder.is_dir():
            return folder
        # Another data folder (tests switch it): give the old one back first.
        _remove_work_dir(folder, lock)
        _work = None
    import secrets

    from filelock import FileLock

    stem = f"{WORK_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
    # The lock first, then the folder: a sweep never sees the folder without its lock held.
    lock = FileLock(str(base / (stem + WORK_LOCK_SUFFIX)), timeout=0, thread_local=False)
    lock.acquire()
    folder = base / stem
    try:
        folder.mkdir(mode=0o700)
    except OSError:
        _release(lock)
        raise
    _work = (base, folder, lock)
    return folder


def _release(lock: Any) -> None:
    with contextlib.suppress(OSError):
        os.unlink(lock.lock_file)
    with contextlib.suppress(Exception):
        lock.release()


def _remove_work_dir(folder: Path, lock: Any) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    _release(lock)


@atexit.register
def _remove_own_work_dir() -> None:
    if _work is not None:
        _remove_work_dir(_work[1], _work[2])


def sweep_work_dirs() -> list[Path]:
    """Remove the work folders of processes that are gone (their lock is free); return them.

    Only folders named and locked the way ``work_dir`` makes them are touched, and
    only while this process holds their lock, so a live process's copies are safe.
    """
    base = data_dir_path() / WORK_DIR_NAME
    if not base.is_dir():
        return []
    removed: list[Path] = []
    for entry in sorted(base.iterdir()):
        if not (entry.name.startswith(WORK_PREFIX) and entry.name.endswith(WORK_LOCK_SUFFIX)):
            continue
        folder = entry.with_name(entry.name[:-len(WORK_LOCK_SUFFIX)])
        if _work is not None and folder == _work[1]:
            continue
        from filelock import FileLock, Timeout

        lock = FileLock(str(entry), timeout=0, thread_local=False)
        try:
            lock.acquire()
        except (Timeout, OSError):
            continue  # its process is alive
        try:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            _release(lock)
    return removed
