"""Removing what killed runs of the program left behind, at the next start of any command or the window.

A run killed mid-write leaves its temporary files: the demo's ``<db>.demo-tmp``, a
restore's hidden ``.<db>.pulih-*.tmp`` (a full plaintext copy of a backup), a
backup's hidden ``.rekam-upt-*.tmp`` in the automatic backup folder, and a process's
private work folder under ``<data folder>/tmp`` (plaintext snapshots and copies).

Only files that are provably ours and provably not in use are removed:

* the temporary files beside a database, and in its automatic backup folder, have
  names only this program makes, and are only written while the database's lock is
  held (demo, restore, the window's automatic backups); they are removed while this
  function holds that lock itself, so no live run can be using them;
* a work folder is removed only while this function holds the OS lock its process
  held for its whole life (``paths.sweep_work_dirs``).

It lives beside ``app.lockfile`` (not in ``app.models``) because it needs the lock;
like it, it imports no Qt.  Called once from ``app.cli.run`` and once from the
window's start-up.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from app.models import paths, safefile
from app.models.errors import RekamError

# app.operations.demo.TEMP_SUFFIX (not imported: the demo module is large and not
# needed to start other commands; tests/test_leftovers.py checks they agree).
DEMO_TEMP_SUFFIX = ".demo-tmp"
RESTORE_TEMP_TAG = "pulih-"
BACKUP_TEMP_PREFIX = ".rekam-upt-"


def _ours_beside(db_path: Path) -> list[Path]:
    """Our temporary files for ``db_path``: beside it and in its automatic backup folder."""
    found: list[Path] = []
    demo_tmp = Path(str(db_path) + DEMO_TEMP_SUFFIX)
    found += [Path(str(demo_tmp) + s) for s in ("", *safefile.SQLITE_SIDECARS)
              if os.path.lexists(str(demo_tmp) + s)]
    restore_prefix = f".{db_path.name}.{RESTORE_TEMP_TAG}"
    with contextlib.suppress(OSError):
        for entry in os.scandir(db_path.parent):
            if entry.name.startswith(restore_prefix) and safefile.TEMP_SUFFIX in entry.name:
                found.append(Path(entry.path))
    backups = paths.backup_dir_path(db_path)
    with contextlib.suppress(OSError):
        for entry in os.scandir(backups):
            if entry.name.startswith(BACKUP_TEMP_PREFIX) and safefile.TEMP_SUFFIX in entry.name:
                found.append(Path(entry.path))
    return found


def remove_leftovers(db_path: Path | str | None = None) -> list[Path]:
    """Remove our own leftovers of killed runs (see the module text); return what was removed.

    ``db_path``: the database this run is about (``--db``, or the window's file);
    the default database and the demo file in the user data folder are looked at
    too.  Never raises: a leftover that cannot be removed waits for the next start.
    Creates nothing (not even the data folder) when there is nothing to remove.
    """
    removed: list[Path] = []
    try:
        removed += paths.sweep_work_dirs()
    except (OSError, RekamError):
        pass
    data = paths.data_dir_path()
    candidates = [data / paths.DEFAULT_DB_NAME, data / paths.DEMO_DB_NAME]
    if db_path is not None:
        candidates.insert(0, Path(db_path).expanduser())
    seen: set[Path] = set()
    for candidate in candidates:
        try:
            real = safefile.real_path(candidate)
        except (OSError, ValueError):
            continue
        if real in seen:
            continue
        seen.add(real)
        files = _ours_beside(real)
        if not files:
            continue  # the common case: the lock is not even touched
        from app.lockfile import DatabaseLock

        lock = DatabaseLock(real)
        try:
            lock.acquire()
        except RekamError:
            continue  # a run is working on this database: its files may be in use
        try:
            for path in _ours_beside(real):  # again, now that nobody can be making them
                with contextlib.suppress(OSError):
                    os.remove(path)
                    removed.append(path)
        finally:
            lock.release()
    return removed
