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
from typing import TYPE_CHECKING

from app.models.errors import RekamError, UserInputError
from app.models.i18n import tr
from app.models.storage import Database

if TYPE_CHECKING:
    from app.models import backup  # (imported where it is used: the window opens without it)


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
        from app.operations.auth import login

        path = Path(path)
        lock = lock_factory(path)
        lock.acquire()
        try:
            db = Database.open(path)
        except BaseException:
            lock.release()
            raise
        try:
            login(db, password)  # the password checked, the trail's key unlocked
        except BaseException:
            db.close()
            lock.release()
            raise
        return cls(path, db, lock, password, main_path=main_path)

    @classmethod
    def begin(cls, path: Path | str, *, lock_factory, main_path: Path | None = None) -> Session:
        """Lock and open (or create) a database for the window, before its password is asked.

        A file in a folder that cannot be written opens read-only, with the reason kept for
        the window's banner.  The window then asks for the password (or a first one) and
        logs in; until then ``password`` is empty.  On failure the lock is released and the
        error says why (a damaged file: the window offers the latest backup).
        """
        from app.models import storage

        path = Path(path)
        lock = lock_factory(path)
        lock.acquire()
        reason = ""
        try:
            if path.exists() and not storage.location_writable(path):
                reason = tr("Hanya-baca: folder {p} tidak dapat ditulisi. Anda dapat melihat dan mencari; "
                            "perubahan, cadangan saat keluar, dan pengaturan tidak dapat dilakukan.",
                            "Read-only: the folder of {p} cannot be written. You can look and search; "
                            "changes, backups at exit and settings are not possible.", p=path)
            db = Database.open(path, create=True, readonly=bool(reason))
        except BaseException:
            lock.release()
            raise
        return cls(path, db, lock, "", readonly_reason=reason, main_path=main_path)

    @property
    def is_demo(self) -> bool:
        return bool(self.db.get_setting("demo"))

    def reader(self) -> Database:
        """A new connection for reading beside the writer (the window's GUI thread, a long read task)."""
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

    def switch_to_new(self, path: Path | str, *, lock_factory) -> None:
        """Start a new, empty database at ``path`` with this session's password, and hold it instead.

        For an officer who began on the demo: "back to the real data" when there is none yet.
        An existing file is never written over.
        """
        from app.operations.auth import set_initial_password

        path = Path(path)
        if path.exists():
            raise UserInputError(tr("Berkas {p} sudah ada: tidak ditimpa.", "{p} already exists: not written over.",
                                    p=path), code="exists")
        lock = lock_factory(path)
        lock.acquire()
        try:
            db = Database.open(path, create=True)
            try:
                set_initial_password(db, self.password)
            finally:
                db.close()
        finally:
            lock.release()
        self.switch(path, lock_factory=lock_factory)

    @staticmethod
    def peek(path: Path | str) -> Database:
        """Another database read-only, to ask for its password before switching to it."""
        return Database.open(Path(path), readonly=True)

    def password_opens(self, path: Path | str) -> bool:
        """Whether this session's password opens another database (else the window asks)."""
        from app.operations.auth import check_password

        try:
            db = Database.open(Path(path), readonly=True)
        except RekamError:
            return False
        try:
            return check_password(db, self.password)
        finally:
            db.close()

    # -- backups ---------------------------------------------------------------------------------
    def backup_to(self, target: Path | str, *, encrypt: bool, db: Database | None = None) -> Path:
        """A backup of this database to a chosen file, encrypted with the password if asked.

        ``db``: the read-only connection of the task that runs it (the window's read task);
        the snapshot itself is taken on a connection of its own either way.
        """
        from app.models import backup

        return backup.backup_to(db or self.db, Path(target),
                                password_for_encryption=self.password if encrypt else None)

    def restore(self, source: Path | str, backup_password: str | None = None) -> backup.RestoreInfo:
        """Replace this database by a backup, then reopen it.  Every other connection must be closed.

        The current file is kept first (app.models.backup).  Afterwards the session holds the
        restored file, whose password is the one in force when the backup was made: the
        caller learns it from the result and asks for it if it differs.
        """
        from app.models import backup
        from app.operations.auth import login

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
        try:
            login(self.db, self.password)
        except RekamError:
            # The restored file has the password of its day: the window asks for it (relogin).
            self.needs_password = True
        return info

    needs_password = False

    def relogin(self, password: str) -> None:
        """The password of a restored file, when it is not the one this session had (UserInputError)."""
        from app.operations.auth import login

        login(self.db, password)
        self.password = password
        self.needs_password = False
