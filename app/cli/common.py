"""What every command shares: options, output, the password."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from app.models.errors import OperationError, RekamError, UserInputError
from app.models.i18n import tr

PASSWORD_ENV = "REKAM_UPT_PASSWORD"


def add_common_arguments(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    # On sub-commands the defaults are suppressed so a value given before the
    # command name (``rekam-upt --db x check``) is not overwritten.
    default: Any = None if top_level else argparse.SUPPRESS
    parser.add_argument("--db", metavar="PATH", default=default,
                        help="berkas basis data (bawaan: folder data pengguna)")
    parser.add_argument("--json", action="store_true",
                        default=False if top_level else argparse.SUPPRESS,
                        help="cetak satu objek JSON di stdout")
    parser.add_argument("--password-file", metavar="FILE", default=default,
                        help=f"baca kata sandi dari berkas (atau setel {PASSWORD_ENV})")


def is_interactive() -> bool:
    """True only when a person sits at a terminal that can answer."""
    try:
        return sys.stdin.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def read_password(args: argparse.Namespace, *, prompt: str | None = None) -> str:
    """The password from --password-file, REKAM_UPT_PASSWORD or (on a terminal) a prompt.

    Never from an argument, so it does not show in the process list or shell history.
    Missing: UserInputError (exit 2).
    """
    path = getattr(args, "password_file", None)
    if path:
        return read_password_file(Path(path))
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    if is_interactive():
        password = getpass.getpass(prompt or tr("Kata sandi: ", "Password: "))
        if password:
            return password
    raise UserInputError(tr(
        "Kata sandi diperlukan: setel {env} atau gunakan --password-file.",
        "A password is needed: set {env} or use --password-file.", env=PASSWORD_ENV))


def read_password_file(path: Path) -> str:
    """The password in a file: UTF-8 text, one line (a final newline is not part of it).

    A file in another encoding or with a byte-order mark is refused with what is wrong
    with it (read as it is, it would only give "wrong password").  A file that other
    accounts may read is used, with a warning on stderr.
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        raise UserInputError(tr("Berkas kata sandi tidak bisa dibaca: {p} ({e})",
                                "Cannot read the password file: {p} ({e})",
                                p=path, e=err.strerror or err)) from err
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        raise UserInputError(tr(
            "Berkas kata sandi {p} diawali penanda urutan bait (BOM): simpan sebagai UTF-8 tanpa BOM.",
            "The password file {p} starts with a byte-order mark (BOM): save it as UTF-8 without a BOM.",
            p=path), code="password_file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UserInputError(tr(
            "Berkas kata sandi {p} bukan teks UTF-8: simpan kata sandi sebagai teks UTF-8.",
            "The password file {p} is not UTF-8 text: save the password as UTF-8 text.", p=path),
            code="password_file") from None
    password = text.rstrip("\r\n")
    if not password:
        raise UserInputError(tr("Berkas kata sandi kosong: {p}", "The password file is empty: {p}", p=path))
    _warn_if_readable_by_others(path)
    return password


def _warn_if_readable_by_others(path: Path) -> None:
    if os.name == "nt":
        return  # Windows has ACLs, not mode bits; the folder's permissions decide there
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if mode & 0o044:
        sys.stderr.write(tr(
            "Peringatan: berkas kata sandi {p} dapat dibaca pengguna lain; batasi dengan: chmod 600 {p}",
            "Warning: the password file {p} can be read by other users; restrict it with: chmod 600 {p}",
            p=path) + "\n")
        sys.stderr.flush()


class Output:
    """Prints a command's result as text or as one JSON object."""

    def __init__(self, json_mode: bool = False):
        self.json_mode = json_mode

    def result(self, data: dict[str, Any], text: str | None = None) -> None:
        if self.json_mode:
            payload = {"ok": True, **data}
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")
        elif text is not None:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()

    def progress(self, text: str) -> None:
        """A line of progress for people; silent in JSON mode."""
        if not self.json_mode and is_interactive():
            sys.stderr.write(text + "\n")
            sys.stderr.flush()

    def error(self, err: RekamError, extra: dict[str, Any] | None = None) -> int:
        status = err.exit_status
        if self.json_mode:
            payload: dict[str, Any] = {
                "ok": False,
                "error": {"message": err.message, "code": err.code, "field": err.field},
                "exit_status": status,
            }
            if extra:
                payload.update(extra)
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")
            sys.stdout.flush()
        else:
            sys.stderr.write(err.message.replace("\n", " ") + "\n")
            sys.stderr.flush()
        return status


def db_path(args: argparse.Namespace) -> Path:
    """--db, or the default database in the user data folder."""
    from app.models.paths import default_db_path

    value = getattr(args, "db", None)
    return Path(value).expanduser() if value else default_db_path()


class OpenedDatabase:
    """``with OpenedDatabase(args, write=...) as db``: open, log in (``auth.login``), lock for writing.

    A missing file is refused (only ``demo`` creates files).  Commands that write
    take the lock the window holds, and refuse while it is held.
    """

    def __init__(self, args: argparse.Namespace, *, write: bool, readonly: bool = False):
        self.args = args
        self.write = write
        self.readonly = readonly
        self.db = None
        self.lock = None
        self.password: str | None = None  # as read, for commands that need it again (backup --encrypt)

    def __enter__(self):
        from app.models import storage
        from app.models.backup import with_fault_hint
        from app.models.storage import Database
        from app.operations.auth import login, needs_first_password

        path = db_path(self.args)
        if not path.exists():
            raise UserInputError(tr("Berkas basis data tidak ada: {p}", "The database file does not exist: {p}",
                                    p=path), code="missing")
        readonly = self.readonly
        if not storage.location_writable(path):
            # A read-only folder: commands that read open the file read-only; writers refuse.
            if self.write:
                raise OperationError(tr(
                    "Lokasi {p} hanya-baca atau tanpa izin tulis: perintah ini tidak dapat menyimpan.",
                    "The location {p} is read-only or not writable: this command cannot save.",
                    p=path.parent), code="readonly")
            readonly = True
        if self.write:
            from app.lockfile import DatabaseLock

            self.lock = DatabaseLock(path)
            self.lock.acquire()
        try:
            try:
                self.db = Database.open(path, readonly=readonly)
            except RekamError as err:
                # A damaged file: the line also names the latest backup and how to restore it.
                raise with_fault_hint(err, path) from None
            # A missing or damaged password record is refused (naming the restore command)
            # before a password is even asked.
            first = needs_first_password(self.db)
            self.password = read_password(self.args)
            if not first:  # a new, empty file has no password to check yet
                login(self.db, self.password)  # the password checked, the trail's key unlocked
        except BaseException:
            self.__exit__()
            raise
        return self.db

    def __exit__(self, *exc: object) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
