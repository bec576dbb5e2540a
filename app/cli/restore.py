"""``rekam-upt restore FILE [--db PATH]``: replace the database with a backup.

It writes, so it takes the lock the window holds and refuses while the window has
the database open; it also refuses, changing nothing, while any other program has
the file open (even only reading it).  A symlinked --db means the real file.  The
password (REKAM_UPT_PASSWORD, --password-file, or asked on a terminal) must be right
for the current database when that is readable; when it
is missing or damaged, for the backup instead.  An encrypted backup is decrypted
with the same password, or with the one in --backup-password-file /
REKAM_UPT_BACKUP_PASSWORD when the password was changed since the backup.

The current file is kept first (a "sebelum-pulih" backup, or a byte copy of a
damaged file), then replaced in one atomic rename.  A --db that does not exist yet
is created: restoring onto a fresh machine.  The result says which password applies
now (the one in force when the backup was made).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from app.cli.common import Output, db_path, read_password
from app.models.errors import UserInputError
from app.models.i18n import tr

BACKUP_PASSWORD_ENV = "REKAM_UPT_BACKUP_PASSWORD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="berkas cadangan (biasa atau terenkripsi)")
    parser.add_argument("--backup-password-file", metavar="FILE",
                        help="kata sandi cadangan terenkripsi bila berbeda dari kata sandi sekarang "
                             f"(atau setel {BACKUP_PASSWORD_ENV})")


def _wrong_password() -> UserInputError:
    return UserInputError(tr("Kata sandi salah.", "Wrong password."), field="password", code="wrong_password")


def _backup_password(args: argparse.Namespace, password: str) -> str:
    path = getattr(args, "backup_password_file", None)
    if path:
        return read_password(argparse.Namespace(password_file=path))
    return os.environ.get(BACKUP_PASSWORD_ENV) or password


def run(args: argparse.Namespace, out: Output) -> int:
    from app.lockfile import DatabaseLock
    from app.models import backup, storage
    from app.models.security import record_problem, verify_password

    path = db_path(args)
    source = Path(args.file).expanduser()
    backup.check_source(source)  # missing, or not a regular file (a FIFO would block)
    if not storage.location_writable(path):
        raise backup.restore_refused_readonly(path)
    lock = DatabaseLock(path)
    lock.acquire()  # refuses with a clear line while the window holds the database
    try:
        password = read_password(args)
        readable, auth = backup.read_auth(path)
        # A missing or damaged password record proves nothing: the backup's own password decides.
        readable = readable and record_problem(auth) is None
        if readable and not verify_password(password, auth):
            raise _wrong_password()
        backup_password = _backup_password(args, password)

        def authorise(info: backup.BackupInfo) -> None:
            # With no readable current database, the backup's own password decides.
            if not readable and info.auth and not verify_password(backup_password, info.auth):
                raise _wrong_password()

        result = backup.restore_database(path, source, password=backup_password, before_replace=authorise)
    finally:
        lock.release()
    out.result(result.to_json(), result.message)
    return 0
