"""The program's password and the audit trail's key: scrypt (hashlib), AES-GCM, never in clear.

What it protects, exactly: the window lock protects the screen.  The database
file is protected by the operating system's account (it is created readable by
its owner only), and backups that leave the machine are encrypted with a key
derived from this password.  The password does not encrypt the database file.

The stored password record (the ``auth`` setting) holds one scrypt derivation of
the password, 64 bytes long.  Its first 32 bytes are stored as the login hash;
its last 32 bytes never leave memory: they seal (AES-256-GCM) the file's random
audit key, with which every trail entry is signed (HMAC-SHA256).  scrypt ends
with PBKDF2-HMAC-SHA256 over one iteration, whose 32-byte output blocks are
computed independently, so the stored half tells nothing about the sealing half,
and one derivation (one pause at login) serves both.  A password change seals
the same audit key again under the new password: the trail is not re-signed.

A record made before the trail was keyed (``LEGACY_*`` parameters, no ``key``)
is recognised and upgraded at the next successful login (app.operations.auth).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import Any

from app.models.errors import UserInputError
from app.models.i18n import tr

MIN_LENGTH = 8
# The login's scrypt cost: 2**17 * 8 * 128 bytes = 128 MiB and about 0.35 s on a 2-core
# machine, once per login.  Tests lower these through a fixture (tests/conftest.py), never
# through anything the installed program reads.
LOGIN_SCRYPT_N, LOGIN_SCRYPT_R, LOGIN_SCRYPT_P = 2**17, 8, 1
# What every file made before the keyed trail carries (16 MiB): accepted at login, then
# replaced.  A keyless record with any other cost is damaged, not old: see ``is_legacy``.
LEGACY_SCRYPT_N, LEGACY_SCRYPT_R, LEGACY_SCRYPT_P = 2**14, 8, 1
# A stored record asking for more memory than this is damaged (or hostile): refused before
# scrypt tries to allocate gigabytes.
MAX_SCRYPT_MEMORY = 256 * 1024 * 1024
SALT_SIZE = 16
AUDIT_KEY_SIZE = 32
_NONCE_SIZE = 12
_SEAL_AAD = b"rekam-upt audit key v1"
_KEY_ID_LABEL = b"rekam-upt audit key id"

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


class DamagedRecord(ValueError):
    """The stored password record cannot be used (wrong shape, absurd cost, key seal broken)."""


@dataclass(frozen=True)
class Opened:
    """What a password opened: the audit key (None for a record from before the keyed trail)."""

    key: bytes | None
    legacy: bool
    current_cost: bool  # stored with today's scrypt cost (no upgrade needed)


def protection_statement() -> str:
    return tr(PROTECTION_STATEMENT_ID, PROTECTION_STATEMENT_EN)


def check_new_password(password: str, repeat: str | None = None) -> None:
    if len(password) < MIN_LENGTH:
        raise UserInputError(tr("Kata sandi minimal {n} karakter.", "The password needs at least {n} characters.",
                                n=MIN_LENGTH), field="password.new")
    if repeat is not None and password != repeat:
        raise UserInputError(tr("Kedua kata sandi tidak sama.", "The two passwords differ."), field="password.repeat")


def scrypt_maxmem(n: int, r: int, p: int) -> int:
    """hashlib's memory limit for these parameters (its default, 32 MiB, is below our cost)."""
    return 128 * r * n * p + 16 * 1024 * 1024


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise DamagedRecord(what)
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as err:
        raise DamagedRecord(what) from err


def _cost(stored: dict[str, Any]) -> tuple[int, int, int]:
    n, r, p = stored.get("n"), stored.get("r"), stored.get("p")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (n, r, p)):
        raise DamagedRecord("cost")
    if n < 2 or n & (n - 1) or not 1 <= r <= 64 or not 1 <= p <= 16 or 128 * n * r * p > MAX_SCRYPT_MEMORY:
        raise DamagedRecord("cost")
    return n, r, p


def record_problem(stored: Any) -> str | None:
    """None for a usable record; "missing" or "damaged" otherwise.  Runs no scrypt."""
    if stored is None:
        return "missing"
    try:
        _parse(stored)
    except DamagedRecord:
        return "damaged"
    return None


def _parse(stored: Any) -> tuple[tuple[int, int, int], bytes, bytes, dict[str, bytes] | None]:
    if not isinstance(stored, dict) or stored.get("scheme") != "scrypt":
        raise DamagedRecord("scheme")
    cost = _cost(stored)
    salt = _unb64(stored.get("salt"), "salt")
    digest = _unb64(stored.get("hash"), "hash")
    if not 8 <= len(salt) <= 64 or len(digest) != 32:
        raise DamagedRecord("sizes")
    sealed = stored.get("key")
    key: dict[str, bytes] | None = None
    if sealed is not None:
        if not isinstance(sealed, dict):
            raise DamagedRecord("key")
        key = {"nonce": _unb64(sealed.get("nonce"), "nonce"), "sealed": _unb64(sealed.get("sealed"), "sealed"),
               "id": _unb64(sealed.get("id"), "id")}
        if len(key["nonce"]) != _NONCE_SIZE or len(key["sealed"]) != AUDIT_KEY_SIZE + 16 or len(key["id"]) != 16:
            raise DamagedRecord("key sizes")
    elif cost != (LEGACY_SCRYPT_N, LEGACY_SCRYPT_R, LEGACY_SCRYPT_P):
        # Only the program before the keyed trail wrote keyless records, always with this
        # cost.  A keyless record with another cost had its key removed: the trail would
        # otherwise be re-signed unkeyed ("downgraded") at the next login.
        raise DamagedRecord("key missing")
    return cost, salt, digest, key


def is_legacy(stored: Any) -> bool:
    """True for a usable record written before the trail was keyed (it has no audit key)."""
    try:
        return _parse(stored)[3] is None
    except DamagedRecord:
        return False


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=scrypt_maxmem(n, r, p), dklen=64)


def key_id(key: bytes) -> bytes:
    """A public name for an audit key (it reveals nothing of the key)."""
    return hmac.new(key, _KEY_ID_LABEL, hashlib.sha256).digest()[:16]


def stored_key_id(stored: Any) -> bytes | None:
    """The key id a usable keyed record names; None otherwise."""
    try:
        key = _parse(stored)[3]
    except DamagedRecord:
        return None
    return key["id"] if key else None


def new_audit_key() -> bytes:
    return os.urandom(AUDIT_KEY_SIZE)


def seal_password(password: str, audit_key: bytes) -> dict[str, Any]:
    """The record to store: today's cost, a new salt, the login hash and the sealed audit key."""
    n, r, p = LOGIN_SCRYPT_N, LOGIN_SCRYPT_R, LOGIN_SCRYPT_P
    salt = os.urandom(SALT_SIZE)
    derived = _derive(password, salt, n, r, p)
    nonce = os.urandom(_NONCE_SIZE)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # only when a password is set

    sealed = AESGCM(derived[32:]).encrypt(nonce, audit_key, _SEAL_AAD)
    return {"scheme": "scrypt", "n": n, "r": r, "p": p, "salt": _b64(salt), "hash": _b64(derived[:32]),
            "key": {"nonce": _b64(nonce), "sealed": _b64(sealed), "id": _b64(key_id(audit_key))}}


def open_password(password: str, stored: Any) -> Opened | None:
    """The audit key the password opens; None for a wrong password.

    DamagedRecord when the record cannot be used: a wrong shape, an absurd cost, or a
    right password whose key seal does not open (the record was edited).
    """
    (n, r, p), salt, digest, key = _parse(stored)
    derived = _derive(password, salt, n, r, p)
    if not hmac.compare_digest(derived[:32], digest):
        return None
    current = (n, r, p) == (LOGIN_SCRYPT_N, LOGIN_SCRYPT_R, LOGIN_SCRYPT_P)
    if key is None:
        return Opened(None, legacy=True, current_cost=False)
    # cryptography loads when a password is checked, not when the window starts (bench_window)
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        audit_key = AESGCM(derived[32:]).decrypt(key["nonce"], key["sealed"], _SEAL_AAD)
    except InvalidTag as err:
        raise DamagedRecord("seal") from err
    if not hmac.compare_digest(key_id(audit_key), key["id"]):
        raise DamagedRecord("key id")
    return Opened(audit_key, legacy=False, current_cost=current)


def verify_password(password: str, stored: Any) -> bool:
    """True when the password matches the record; False for a wrong one or a damaged record."""
    try:
        return open_password(password, stored) is not None
    except DamagedRecord:
        return False
