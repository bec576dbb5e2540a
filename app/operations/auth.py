"""The program's password: set at first start, checked at every login, changed; the trail's key.

``login(db, password)`` is the one way in, for the window and every command: it
checks the password, unlocks the file's audit key (without which ``db.audit`` refuses
to write) and, when the file can be written, brings it up to date: a password
record stored with an older scrypt cost is sealed again with today's, and a file made
before the trail was keyed gets its key and one signing entry (its old chain verified,
its records listed as existing).

A file whose password record is missing or damaged is never opened as if it had
none: only a file that was never given a password (no record, no trail, no records)
may ask for a first one.  Everything else is refused with the restore command.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.models import security
from app.models.errors import OperationError, UserInputError
from app.models.i18n import tr
from app.models.storage import RECORD_TABLES, Database
from app.operations import OpChanges, OpResult

SIGN_OPERATION = "tandatangani jejak audit"
UPGRADE_OPERATION = "perbarui penyimpanan kata sandi"


@dataclass(frozen=True)
class LoginResult:
    """What a successful login did."""

    first_password_needed: bool = False  # a new, empty file: nothing to unlock yet
    signed_trail: bool = False            # an older file's trail was signed (its baseline written)
    upgraded_cost: bool = False           # the password record was sealed again at today's cost


def password_state(db: Database) -> str:
    """"new" (never given a password), "ok", "legacy" (before the keyed trail), "missing", "damaged"."""
    try:
        damaged = "auth" in db.damaged_settings()
        stored = db.get_setting("auth")
    except sqlite3.Error:
        return "damaged"  # the settings table itself is gone or unreadable
    if damaged:
        return "damaged"
    if stored is None:
        try:
            return "new" if _never_used(db) else "missing"
        except sqlite3.Error:
            return "missing"
    if security.record_problem(stored):
        return "damaged"
    return "legacy" if security.is_legacy(stored) else "ok"


def _never_used(db: Database) -> bool:
    """True for a file that holds nothing: no trail entry and no record in any record table."""
    tables = ("audit_log", *RECORD_TABLES)
    return not any(db.scalar(f"SELECT EXISTS (SELECT 1 FROM {t})") for t in tables)


def restore_hint(path: Path) -> str:
    """The command that replaces the file with a backup, naming the newest one when there is one."""
    from app.models.backup import latest_backup

    try:
        latest = latest_backup(path)
    except OSError:
        latest = None
    source = str(latest.path) if latest else tr("BERKAS-CADANGAN", "BACKUP-FILE")
    return tr("Pulihkan dari cadangan: rekam-upt restore {f} --db {p}",
              "Restore a backup: rekam-upt restore {f} --db {p}", f=source, p=path)


def record_refused(db: Database, state: str) -> OperationError:
    """The one line for a file whose password record is missing or damaged."""
    if state == "missing":
        text = tr("Catatan kata sandi di {p} hilang (dihapus di luar program): berkas tidak dibuka.",
                  "The password record of {p} is missing (removed outside the program): the file was not opened.",
                  p=db.path)
    else:
        text = tr("Catatan kata sandi di {p} rusak: berkas tidak dibuka.",
                  "The password record of {p} is damaged: the file was not opened.", p=db.path)
    return OperationError(f"{text} {restore_hint(db.path)}", code="password_record")


def needs_first_password(db: Database) -> bool:
    """True for a new, empty file; OperationError for a missing or damaged password record."""
    state = password_state(db)
    if state in ("missing", "damaged"):
        raise record_refused(db, state)
    return state == "new"


def install_password(db: Database, password: str) -> None:
    """Give a file its password and a new audit key, and unlock it.  Inside the caller's
    transaction and without an entry of its own (the caller writes the entry, e.g. the
    demo's one entry that lists what it created)."""
    assert db.conn.in_transaction, "install_password() must run inside the caller's transaction"
    key = security.new_audit_key()
    db.set_setting("auth", security.seal_password(password, key))
    db.unlock_audit(key)


def set_initial_password(db: Database, password: str, repeat: str | None = None) -> OpResult:
    state = password_state(db)
    if state in ("missing", "damaged"):
        raise record_refused(db, state)
    if state != "new":
        raise UserInputError(tr("Kata sandi sudah ada; gunakan Ganti kata sandi.",
                                "A password exists already; use Change password."), code="password_exists")
    check_new_password(password, repeat)
    with db.transaction():
        install_password(db, password)
        db.audit("setel kata sandi", "settings", None)
    return OpResult(OpChanges(settings=True))


def check_new_password(password: str, repeat: str | None = None) -> None:
    security.check_new_password(password, repeat)


def _wrong() -> UserInputError:
    return UserInputError(tr("Kata sandi salah.", "Wrong password."), field="password", code="wrong_password")


def _open(db: Database, password: str) -> security.Opened:
    """The record opened with the password: UserInputError when wrong, OperationError when unusable."""
    state = password_state(db)
    if state in ("missing", "damaged"):
        raise record_refused(db, state)
    if state == "new":
        raise UserInputError(tr("Berkas ini belum punya kata sandi.", "This file has no password yet."),
                             code="no_password")
    try:
        opened = security.open_password(password, db.get_setting("auth"))
    except security.DamagedRecord:
        raise record_refused(db, "damaged") from None
    if opened is None:
        raise _wrong()
    return opened


def login(db: Database, password: str) -> LoginResult:
    """Check the password and unlock the trail's key; bring an older file up to date when writable.

    UserInputError for a wrong password (exit 2); OperationError for a missing or
    damaged password record (exit 1, naming the restore command).  A read-only file
    is only unlocked, never changed.
    """
    if password_state(db) == "new":
        return LoginResult(first_password_needed=True)
    opened = _open(db, password)
    if opened.key is not None:
        db.unlock_audit(opened.key)
    if db.readonly:
        return LoginResult()
    if opened.legacy:
        _sign_older_trail(db, password)
        return LoginResult(signed_trail=True, upgraded_cost=True)
    if not opened.current_cost:
        with db.transaction():
            db.set_setting("auth", security.seal_password(password, opened.key))
            db.audit(UPGRADE_OPERATION, "settings", None,
                     after={"n": security.LOGIN_SCRYPT_N, "r": security.LOGIN_SCRYPT_R,
                            "p": security.LOGIN_SCRYPT_P})
        return LoginResult(upgraded_cost=True)
    return LoginResult()


def _sign_older_trail(db: Database, password: str) -> None:
    """The one-time upgrade of a file made before the keyed trail, in one transaction.

    Its unkeyed chain is verified first; the signing entry names the chain's last
    digest (so the old entries can no longer change unseen), lists every record that
    exists (they count as created), and says what the verification found: problems are
    kept on record rather than hidden, and ``check`` goes on reporting them.
    """
    from app.models import audit_trail

    key = security.new_audit_key()
    with db.transaction() as conn:
        chain = audit_trail.verify_chain(conn, None)
        problems = chain.problems + audit_trail.check_tail(conn, chain, db.get_setting("audit_head"))
        db.set_setting("auth", security.seal_password(password, key))
        db.unlock_audit(key)
        db.audit(SIGN_OPERATION, "database", None,
                 after={"signed": {"entries": chain.entries, "last_id": chain.last_id,
                                   "last_hash": chain.last_hash,
                                   "problems": sorted({code for code, _ in problems})}},
                 created=audit_trail.existing_ranges(conn))


def check_password(db: Database, password: str) -> bool:
    """True when the password is right (the lock screen); never raises for a damaged record."""
    return security.verify_password(password, db.get_setting("auth"))


def change_password(db: Database, old: str, new: str, repeat: str | None = None) -> OpResult:
    """Seal the same audit key under the new password (the trail is not re-signed)."""
    try:
        opened = _open(db, old)
    except UserInputError:
        raise UserInputError(tr("Kata sandi lama salah.", "The old password is wrong."), field="password.old",
                             code="wrong_password") from None
    check_new_password(new, repeat)
    if opened.key is None:
        # A file still from before the keyed trail: sign it first, under the old password.
        _sign_older_trail(db, old)
        opened = _open(db, old)
    with db.transaction():
        db.set_setting("auth", security.seal_password(new, opened.key))
        db.unlock_audit(opened.key)
        db.audit("ganti kata sandi", "settings", None)
    return OpResult(OpChanges(settings=True))
