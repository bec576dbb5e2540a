"""Operations on the program's password (set at first start, asked at start and after idling)."""

from __future__ import annotations

from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.security import check_new_password, hash_password, verify_password
from app.models.storage import Database
from app.operations import OpChanges, OpResult


def has_password(db: Database) -> bool:
    return bool(db.get_setting("auth"))


def set_initial_password(db: Database, password: str, repeat: str | None = None) -> OpResult:
    if has_password(db):
        raise UserInputError(tr("Kata sandi sudah ada; gunakan Ganti kata sandi.",
                                "A password exists already; use Change password."), code="password_exists")
    check_new_password(password, repeat)
    with db.transaction():
        db.set_setting("auth", hash_password(password))
        db.audit("setel kata sandi", "settings", None)
    return OpResult(OpChanges(settings=True))


def check_password(db: Database, password: str) -> bool:
    return verify_password(password, db.get_setting("auth"))


def require_password(db: Database, password: str) -> None:
    """Raise UserInputError (exit 2 on the command line) unless the password is right."""
    if not has_password(db):
        return
    if not check_password(db, password):
        raise UserInputError(tr("Kata sandi salah.", "Wrong password."), field="password", code="wrong_password")


def change_password(db: Database, old: str, new: str, repeat: str | None = None) -> OpResult:
    if not check_password(db, old):
        raise UserInputError(tr("Kata sandi lama salah.", "The old password is wrong."), field="password.old",
                             code="wrong_password")
    check_new_password(new, repeat)
    with db.transaction():
        db.set_setting("auth", hash_password(new))
        db.audit("ganti kata sandi", "settings", None)
    return OpResult(OpChanges(settings=True))
