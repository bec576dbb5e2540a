"""Writing files so that a crash, a full disk or a kill never leaves half a file under a real name.

Every file the program writes (a database, a backup, a demo, later a PDF or a workbook)
is first written to a private temporary file beside its target, flushed to disk, and
only then renamed over the target in one atomic step; the folder is flushed too, so
the rename survives a power cut.  These helpers are that one way of doing it.

What may be written over
    A target is resolved first (symlinks followed: the real file is what gets
    replaced).  It must then be a new name in a folder the program can write, or a
    regular file: a folder, a device node, a FIFO or a socket is refused
    (``check_write_target``).  Documents (PDF, XLSX, CSV) replace an existing file
    only when asked to (``--replace``; the window asks), and never a Rekam UPT
    database or backup (``check_document_target``, ``write_document``).  What a
    backup may replace is decided in ``app.models.backup``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from app.models.errors import OperationError, UserInputError
from app.models.i18n import tr

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


# -- what a write target is ------------------------------------------------------------------

def real_path(path: Path | str) -> Path:
    """``path`` with ``~`` expanded and every symlink followed: the file a write really changes."""
    return Path(os.path.realpath(Path(path).expanduser()))


def file_kind(path: Path | str) -> str:
    """"missing", "regular", "folder", "device", "fifo", "socket" or "other" (symlinks followed).

    Only ``stat``: never opens the file, so a FIFO cannot make the caller wait.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "other"
    if stat.S_ISREG(mode):
        return "regular"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


_KIND_LABELS = {
    "folder": ("sebuah folder", "a folder"),
    "device": ("berkas perangkat", "a device file"),
    "fifo": ("sebuah FIFO (pipa bernama)", "a FIFO (named pipe)"),
    "socket": ("sebuah soket", "a socket"),
}


def kind_label(kind: str) -> str:
    """What a non-regular file is, in the user's language."""
    return tr(*_KIND_LABELS.get(kind, ("bukan berkas biasa", "not a regular file")))


def not_regular(path: Path, kind: str, *, field: str | None = None) -> UserInputError:
    id_label, en_label = _KIND_LABELS.get(kind, ("bukan berkas biasa", "not a regular file"))
    return UserInputError(tr(
        "{p} adalah {k}, bukan berkas biasa: tidak dibuka dan tidak ditulis.",
        "{p} is {k_en}, not a regular file: it is neither opened nor written.",
        p=path, k=id_label, k_en=en_label), field=field, code="not_regular")


def folder_writable(folder: Path) -> bool:
    """True when new files can be made in ``folder`` (and their temporary file beside them)."""
    return os.access(folder, os.W_OK | os.X_OK)


def check_write_target(path: Path | str, *, field: str | None = None) -> Path:
    """The real path a write to ``path`` would change, or a clear refusal.

    Allowed: a regular file, or a new name in an existing folder the program can
    write.  Refused: a folder, device node, FIFO or socket (UserInputError, exit 2),
    a missing folder (UserInputError) and a folder that cannot be written
    (OperationError "readonly").  Nothing is opened or created.
    """
    target = real_path(path)
    kind = file_kind(target)
    if kind not in ("missing", "regular"):
        raise not_regular(target, kind, field=field)
    folder = target.parent
    if file_kind(folder) != "folder":
        raise UserInputError(tr("Folder tujuan tidak ada: {f}", "The target folder does not exist: {f}",
                                f=folder), field=field, code="no_folder")
    if not folder_writable(folder) or (kind == "regular" and not os.access(target, os.W_OK)):
        raise OperationError(tr(
            "Lokasi {p} hanya-baca atau tanpa izin tulis: tidak ada yang disimpan.",
            "The location {p} is read-only or not writable: nothing was saved.", p=folder), code="readonly")
    return target


def protected_kind(path: Path) -> str | None:
    """"database" or "backup" when ``path`` is a Rekam UPT database or backup, else None.

    Read from the first bytes only (an encrypted backup's magic, SQLite's header and
    application_id), so it is quick and opens nothing with SQLite.
    """
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
    # Databases are kept in WAL mode (header bytes 18-19 = 2); backups are single files.
    return "database" if header[18] == 2 else "backup"


def check_document_target(path: Path | str, replace: bool) -> Path:
    """The real path a document (PDF, XLSX, CSV) may be written to, or a clear refusal.

    A new name in a writable folder is fine.  An existing regular file is replaced
    only with ``replace`` (the command line's ``--replace``; the window asks first),
    and never when it is a Rekam UPT database or backup.  Anything that is not a
    regular file is refused.  UserInputError (exit 2), or OperationError for a
    folder that cannot be written; nothing is opened for writing.
    """
    target = check_write_target(path, field="out")
    if file_kind(target) == "regular":
        protected = protected_kind(target)
        if protected == "database":
            raise UserInputError(tr(
                "{p} adalah basis data Rekam UPT: dokumen tidak pernah ditulis di atasnya.",
                "{p} is a Rekam UPT database: a document is never written over it.", p=target),
                field="out", code="protected")
        if protected == "backup":
            raise UserInputError(tr(
                "{p} adalah cadangan Rekam UPT: dokumen tidak pernah ditulis di atasnya.",
                "{p} is a Rekam UPT backup: a document is never written over it.", p=target),
                field="out", code="protected")
        if not replace:
            raise UserInputError(tr(
                "{p} sudah ada: gunakan --replace untuk menimpanya.",
                "{p} exists already: use --replace to overwrite it.", p=target), field="out", code="exists")
    return target


@contextlib.contextmanager
def document_writer(path: Path | str, *, replace: bool) -> Iterator[BinaryIO]:
    """``with document_writer(path, replace=...) as fh:`` write a document; it appears whole or not at all.

    The target is checked first (``check_document_target``), the bytes go to a
    private temporary file beside it, and after the block the target is checked
    again (something may have appeared there meanwhile) and the file renamed over
    it.  On any error the temporary file is removed and the target is unchanged.
    """
    target = check_document_target(path, replace)
    tmp = temp_beside(target, "dok-")
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


def write_document(path: Path | str, content: bytes | Callable[[BinaryIO], None], *, replace: bool) -> Path:
    """Write a document's bytes (or let ``content(fh)`` write them) safely; return the real path."""
    target = real_path(path)
    with document_writer(path, replace=replace) as fh:
        if callable(content):
            content(fh)
        else:
            fh.write(content)
    return target
