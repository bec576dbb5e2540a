"""Writing files so that a crash, a full disk or a kill never leaves half a file under a real name.

Every file the program writes (a database, a backup, a demo, later a PDF or a workbook)
is first written to a private temporary file beside its target, flushed to disk, and
only then renamed over the target in one atomic step; the folder is flushed too, so
the rename survives a power cut.  These helpers are that one way of doing it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"
# The files SQLite may keep beside a database.
SQLITE_SIDECARS = ("-journal", "-wal", "-shm")


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename durable.  Windows cannot open a folder for fsync; NTFS journals renames."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_beside(target: Path, tag: str = "") -> Path:
    """A new, private (0600) temporary file in ``target``'s folder, hidden by its leading dot."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.{tag}", suffix=TEMP_SUFFIX, dir=target.parent)
    os.close(fd)
    return Path(name)


def remove_db_files(path: Path | None) -> None:
    """Remove a database file and its SQLite side files, ignoring what is not there."""
    if path is None:
        return
    for suffix in ("", *SQLITE_SIDECARS):
        with contextlib.suppress(OSError):
            os.remove(str(path) + suffix)


def remove_sidecars(path: Path) -> None:
    """Remove only the side files (-journal, -wal, -shm) of a database."""
    for suffix in SQLITE_SIDECARS:
        with contextlib.suppress(OSError):
            os.remove(str(path) + suffix)


def copy_bytes(src: Path, dst: Path) -> None:
    """Copy a file byte for byte and flush the copy to disk."""
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        shutil.copyfileobj(fin, fout, 1024 * 1024)
        fout.flush()
        os.fsync(fout.fileno())


def install(tmp: Path, target: Path) -> None:
    """The last step of every write: flushed temp file -> final name (owner-only), durably."""
    fsync_file(tmp)
    os.chmod(tmp, 0o600)
    os.replace(tmp, target)
    fsync_dir(target.parent)
