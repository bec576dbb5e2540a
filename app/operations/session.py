"""The open database of one run of the program: opening, switching files, backing up, restoring.

Window and command line alike hold a database through a ``Session``: the lock
beside the file (only one copy of the program writes it), the one writing
connection, and the password that opened it.  Switching between the real data
and the demo, a backup to a chosen file and a restore are operations on the
session, so the window's dialogs only ask and show; they never close or reopen
a database themselves.

Nothing here imports Qt.  The window runs ``backup_to`` in a read task and
``restore`` after stopping every other connection of its own (the count worker,
its reader), because a file is only replaced when nothing else holds it.
"""

from __future__ import annotations

from pathlib import Path

from app.models import backup
from app.models.errors import RekamError, UserInputError
from app.models.i18n import tr
from app.models.storage import Database


class Session:
    """One open database file: its lock, its writing connection and the password that opened it."""

    def __init__(self, path: Path, db: Database, lock, password: str, *, readonly_reason: str = "",
                 main_path: Path | None = None):
        self.path = Path(path)
        self.db = db
        self.lock = lock
        self.password = password
        self.readonly_reason = readonly_reason
        # The unit's real database, where "back to the real data" goes from the demo.
        self.main_path = Path(main_path) if main_path else self.path

    # -- opening and closing -----------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, password: str, *, lock_factory, main_path: Path | None = None) -> Session:
        """Lock, open and unlock an existing database with its password (UserInputError if wrong).

        ``lock_factory(path)`` makes the lock both faces share (app.lockfile.DatabaseLock).
        """
        from app.operations.auth import require_password

        path = Path(path)
        lock = lock_factory(path)
        lock.acquire()
        try:
            db = Database.open(path)
        except BaseException:
            lock.release()
            raise
        try:
            require_password(db, password)
        except BaseException:
            db.close()
            lock.release()
            raise
        return cls(path, db, lock, password, main_path=main_path)

    @property
    def is_demo(self) -> bool:
        return bool(self.db.get_setting("demo"))

    def reader(self) -> Database:
        """A connection for reading beside the writer (the window's GUI thread uses one)."""
        if self.db.readonly:
            return self.db
        return Database.open(self.path, readonly=True)

    def close(self) -> None:
        self.db.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # -- other files ---------------------------------------------------------------------------
    def switch(self, path: Path | str, password: str | None = None, *, lock_factory) -> None:
        """Hold another database (the demo, the real data) instead of this one.

        The other file's lock and password are checked before anything of this session is
        closed, so a refusal leaves the officer where they were.
        """
        other = Session.open(path, self.password if password is None else password, lock_factory=lock_factory,
                             main_path=self.main_path)
        self.close()
        self.path, self.db, self.lock, self.password = other.path, other.db, other.lock, other.password
        self.readonly_reason = ""

    def password_opens(self, path: Path | str) -> bool:
        """Whether this session's password opens another database (else the window asks)."""
        from app.operations.auth import check_password, has_password

        try:
            db = Database.open(Path(path), readonly=True)
        except RekamError:
            return False
        try:
            return not has_password(db) or check_password(db, self.password)
        finally:
            db.close()

    # -- backups ---------------------------------------------------------------------------------
    def backup_to(self, target: Path | str, *, encrypt: bool, db: Database | None = None) -> Path:
        """A backup of this database to a chosen file, encrypted with the password if asked.

        ``db``: the read-only connection of the task that runs it (the window's read task);
        the snapshot itself is taken on a connection of its own either way.
        """
        return backup.backup_to(db or self.db, Path(target),
                                password_for_encryption=self.password if encrypt else None)

    def restore(self, source: Path | str, backup_password: str | None = None) -> backup.RestoreInfo:
        """Replace this database by a backup, then reopen it.  Every other connection must be closed.

        The current file is kept first (app.models.backup).  Afterwards the session holds the
        restored file, whose password is the one in force when the backup was made: the
        caller learns it from the result and asks for it if it differs.
        """
        source = Path(source)
        if not source.is_file():
            raise UserInputError(tr("Berkas cadangan tidak ada: {p}", "The backup file does not exist: {p}",
                                    p=source), code="missing")
        self.db.close()
        try:
            info = backup.restore_database(self.path, source, password=backup_password or self.password)
        finally:
            # Reopened whatever happened: after a refusal the old file is still there.
            self.db = Database.open(self.path)
        return info

    def password_still_opens(self) -> bool:
        """After a restore: whether the password of this session opens the restored file."""
        from app.operations.auth import check_password, has_password

        return not has_password(self.db) or check_password(self.db, self.password)
