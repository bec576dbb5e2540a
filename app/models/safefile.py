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


# --- documents (issue 11, printing) ------------------------------------------------------
# A small stand-in for the files engineer's document writer (same names and arguments), so
# print-outs are written the one safe way before that branch lands; the lead keeps theirs.

def _protected_kind(path: Path) -> str | None:
    """"database" or "backup" for a Rekam UPT database or backup (read from its first bytes)."""
    from app.models import crypto
    from app.models.schema import APPLICATION_ID

    if crypto.is_encrypted(path):
        return "backup"
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        return None
    return "database" if header[18] == 2 else "backup"  # databases are kept in WAL mode


def check_document_target(path: Path | str, replace: bool) -> Path:
    """The real path a document (PDF, XLSX) may be written to, or a clear refusal.

    A new name in an existing folder is fine; an existing regular file is replaced only
    with ``replace`` (the command line's --replace; the window asks first) and never when
    it is a Rekam UPT database or backup; a folder, device or pipe is refused.
    """
    from app.models.errors import UserInputError
    from app.models.i18n import tr

    target = Path(os.path.realpath(Path(path).expanduser()))
    if target.exists() and not target.is_file():
        raise UserInputError(tr("{p} bukan berkas biasa: tidak ditulis.", "{p} is not a regular file: not written.",
                                p=target), field="out", code="not_regular")
    if not target.parent.is_dir():
        raise UserInputError(tr("Folder tujuan tidak ada: {f}", "The target folder does not exist: {f}",
                                f=target.parent), field="out", code="no_folder")
    if target.exists():
        protected = _protected_kind(target)
        if protected == "database":
            raise UserInputError(tr("{p} adalah basis data Rekam UPT: dokumen tidak pernah ditulis di atasnya.",
                                    "{p} is a Rekam UPT database: a document is never written over it.", p=target),
                                 field="out", code="protected")
        if protected == "backup":
            raise UserInputError(tr("{p} adalah cadangan Rekam UPT: dokumen tidak pernah ditulis di atasnya.",
                                    "{p} is a Rekam UPT backup: a document is never written over it.", p=target),
                                 field="out", code="protected")
        if not replace:
            raise UserInputError(tr("{p} sudah ada: gunakan --replace untuk menimpanya.",
                                    "{p} exists already: use --replace to overwrite it.", p=target),
                                 field="out", code="exists")
    return target


@contextlib.contextmanager
def document_writer(path: Path | str, *, replace: bool):
    """``with document_writer(path, replace=...) as fh``: the document appears whole or not at all."""
    target = check_document_target(path, replace)
    tmp: Path | None = temp_beside(target, "dok-")
    try:
        with open(tmp, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        check_document_target(target, replace)
        install(tmp, target)
        tmp = None
    except OSError as err:
        from app.models.storage import translate_error

        raise translate_error(err, target) from err
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.remove(tmp)


def write_document(path: Path | str, content, *, replace: bool) -> Path:
    """Write a document's bytes (or let ``content(fh)`` write them) safely; return the real path."""
    target = Path(os.path.realpath(Path(path).expanduser()))
    with document_writer(path, replace=replace) as fh:
        if callable(content):
            content(fh)
        else:
            fh.write(content)
    return target
# --- end documents -------------------------------------------------------------------
