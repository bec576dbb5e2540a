"""The program's password: hashed with scrypt (hashlib), never stored in clear.

What it protects, exactly: the window lock protects the screen.  The database
file is protected by the operating system's account (it is created readable by
its owner only), and backups that leave the machine are encrypted with a key
derived from this password.  The password does not encrypt the database file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from typing import Any

from app.models.errors import UserInputError
from app.models.i18n import tr

MIN_LENGTH = 8
# scrypt cost: 2**14 * 8 * 128 bytes = 16 MiB and ~50 ms per check on a 2-core machine.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1

PROTECTION_STATEMENT_ID = (
    "Kunci jendela melindungi layar. Berkas basis data dilindungi oleh akun sistem operasi "
    "(hanya dapat dibaca pemiliknya), dan cadangan yang dibawa keluar komputer dienkripsi "
    "dengan kunci dari kata sandi ini. Kata sandi tidak mengenkripsi berkas basis data."
)
PROTECTION_STATEMENT_EN = (
    "The window lock protects the screen. The database file is protected by the operating "
    "system's account (readable by its owner only), and backups that leave the machine are "
    "encrypted with a key derived from this password. The password does not encrypt the database file."
)


def protection_statement() -> str:
    return tr(PROTECTION_STATEMENT_ID, PROTECTION_STATEMENT_EN)


def check_new_password(password: str, repeat: str | None = None) -> None:
    if len(password) < MIN_LENGTH:
        raise UserInputError(tr("Kata sandi minimal {n} karakter.", "The password needs at least {n} characters.",
                                n=MIN_LENGTH), field="password.new")
    if repeat is not None and password != repeat:
        raise UserInputError(tr("Kedua kata sandi tidak sama.", "The two passwords differ."), field="password.repeat")


def hash_password(password: str) -> dict[str, Any]:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                            maxmem=64 * 1024 * 1024, dklen=32)
    return {"scheme": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
            "salt": base64.b64encode(salt).decode("ascii"), "hash": base64.b64encode(digest).decode("ascii")}


def verify_password(password: str, stored: dict[str, Any] | None) -> bool:
    if not stored or stored.get("scheme") != "scrypt":
        return False
    digest = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(stored["salt"]),
                            n=int(stored["n"]), r=int(stored["r"]), p=int(stored["p"]),
                            maxmem=256 * 1024 * 1024, dklen=32)
    return hmac.compare_digest(digest, base64.b64decode(stored["hash"]))
