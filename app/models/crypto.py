"""The encrypted backup format: a backup that may leave the machine (a USB stick).

Layout of an encrypted file (version 2; version 1 had no database id)::

    header  = MAGIC (10 bytes, b"RKUPT-ENC\\x02"; b"RKUPT-ENC\\x01" for version 1)
              log2(n), r, p     (1 byte each: scrypt cost)
              chunk size        (4 bytes, big-endian: plaintext bytes per chunk)
              salt              (16 random bytes, for scrypt)
              base nonce        (12 random bytes)
              database id       (16 bytes, version 2 only: the settings' database_id, zeros if none)
    chunks  = AES-256-GCM(chunk i) for i = 0, 1, ...; each is the plaintext chunk + a 16-byte tag

The database id is readable without the password, so ``backup --out`` can tell a
backup of the same database (which it may replace) from anyone else's; it is part
of the authenticated header, so changing it makes the file fail to decrypt.  Files
of version 1 still decrypt, with the cost parameters their header names.

The key is scrypt(password, salt).  Chunk i is sealed with the nonce "base nonce
XOR i" and the associated data "header || i (8 bytes) || last-flag (1 byte)", so:
a changed byte anywhere (header included) fails its tag; chunks swapped or copied
fail (their index is bound in); a file cut at a chunk boundary fails (the chunk now
last was not sealed as last); bytes appended after the last chunk fail (the real
last chunk then is not read as last).  A wrong password fails the first tag, which
cannot be told apart from damage, hence one message for both.

The password is not stored in the file in any form.  AES-GCM comes from the
well-kept ``cryptography`` package; scrypt from ``hashlib`` (OpenSSL).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from app.models.errors import UserInputError
from app.models.i18n import tr

MAGIC_PREFIX = b"RKUPT-ENC"
MAGIC_V1 = MAGIC_PREFIX + b"\x01"
MAGIC = MAGIC_PREFIX + b"\x02"
SALT_SIZE = 16
NONCE_SIZE = 12
TAG_SIZE = 16
ID_SIZE = 16
CHUNK_SIZE = 1024 * 1024
# scrypt n=2**17, r=8: 128 MiB and roughly 0.3 s on a 2-core machine, for each backup
# written or read; a backup that leaves the machine meets offline guessing, so it costs
# more than the password check at start-up.  Tests lower it (tests/conftest.py).
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 17, 8, 1
_HEADER_V1 = struct.Struct(">10sBBBI16s12s")
_HEADER = struct.Struct(">10sBBBI16s12s16s")
HEADER_SIZE = _HEADER.size
HEADER_SIZE_V1 = _HEADER_V1.size
# Refuse absurd cost parameters from a damaged or hostile header before scrypt
# tries to allocate gigabytes.
_MAX_LOG2_N, _MAX_R, _MAX_P = 20, 32, 16
_MAX_SCRYPT_MEMORY = 1 << 30
_MAX_CHUNK = 64 * 1024 * 1024

PathOrFile = str | os.PathLike | BinaryIO


def wrong_password_or_damaged() -> UserInputError:
    return UserInputError(tr("Kata sandi salah atau berkas cadangan rusak.",
                             "Wrong password or damaged backup file."),
                          field="password", code="wrong_password")


def is_encrypted(path: Path | str) -> bool:
    """True when the file starts like an encrypted Rekam UPT backup (any version)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(MAGIC)) in (MAGIC, MAGIC_V1)
    except OSError:
        return False


def _id_bytes(database_id: str | None) -> bytes:
    try:
        raw = bytes.fromhex(database_id or "")
    except ValueError:
        raw = b""
    return raw if len(raw) == ID_SIZE else bytes(ID_SIZE)


def header_database_id(path: Path | str) -> str | None:
    """The database id in an encrypted backup's header (no password needed); None if it has none.

    None also for a version-1 file, which carries no id, and for a file that is not
    an encrypted backup.
    """
    try:
        with open(path, "rb") as fh:
            header = _read_exactly(fh, HEADER_SIZE)
    except OSError:
        return None
    if len(header) < HEADER_SIZE or header[:len(MAGIC)] != MAGIC:
        return None
    raw = _HEADER.unpack(header)[-1]
    return raw.hex() if any(raw) else None


def derive_key(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    n = 1 << log2_n
    # hashlib's default maxmem (32 MiB) is below what n=2**17 needs: allow what the
    # parameters need plus some slack, never more than the cap checked on reading.
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=128 * r * n * p + 16 * 1024 * 1024, dklen=32)


def _nonce(base: bytes, index: int) -> bytes:
    return (int.from_bytes(base, "big") ^ index).to_bytes(NONCE_SIZE, "big")


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if last else 0)


@contextlib.contextmanager
def _opened(target: PathOrFile, mode: str) -> Iterator[BinaryIO]:
    """A path is opened (and closed) here; a file object is used as it is."""
    if hasattr(target, "read") or hasattr(target, "write"):
        yield target  # type: ignore[misc]
    else:
        with open(target, mode) as fh:  # type: ignore[arg-type]
            yield fh  # type: ignore[misc]


def _read_exactly(fh: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes; fewer only at the end of the file."""
    parts: list[bytes] = []
    remaining = size
    while remaining:
        part = fh.read(remaining)
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts)


def encrypt_file(src: PathOrFile, dst: PathOrFile, password: str, *,
                 chunk_size: int = CHUNK_SIZE, database_id: str | None = None) -> None:
    """Encrypt ``src`` into ``dst`` (paths or binary file objects), naming ``database_id`` in the header.

    Writes go straight to ``dst``; callers that need all-or-nothing write to a
    temporary file and rename it (backup.py does).  OSError (a full disk) passes up.
    """
    if not password:
        raise UserInputError(tr("Kata sandi diperlukan untuk mengenkripsi cadangan.",
                                "A password is needed to encrypt the backup."), field="password")
    salt, base_nonce = os.urandom(SALT_SIZE), os.urandom(NONCE_SIZE)
    log2_n, r, p = SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P
    header = _HEADER.pack(MAGIC, log2_n, r, p, chunk_size, salt, base_nonce, _id_bytes(database_id))
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # loaded when a backup is encrypted

    aead = AESGCM(derive_key(password, salt, log2_n, r, p))
    with _opened(src, "rb") as fin, _opened(dst, "wb") as fout:
        fout.write(header)
        index = 0
        chunk = _read_exactly(fin, chunk_size)
        while True:
            # Read one chunk ahead: the last chunk must be sealed as last.
            following = _read_exactly(fin, chunk_size) if len(chunk) == chunk_size else b""
            last = not following
            fout.write(aead.encrypt(_nonce(base_nonce, index), chunk, _aad(header, index, last)))
            if last:
                break
            chunk, index = following, index + 1
        fout.flush()


def _read_header(fin: BinaryIO) -> tuple[bytes, int, int, int, int, bytes, bytes]:
    magic = _read_exactly(fin, len(MAGIC))
    layout = {MAGIC: _HEADER, MAGIC_V1: _HEADER_V1}.get(magic)
    if layout is None:
        if magic.startswith(MAGIC_PREFIX) and len(magic) == len(MAGIC):
            raise UserInputError(tr(
                "Cadangan terenkripsi ini dibuat oleh versi Rekam UPT yang lebih baru: perbarui program.",
                "This encrypted backup was made by a newer Rekam UPT: update the program."), code="newer")
        raise UserInputError(tr("Berkas ini bukan cadangan terenkripsi Rekam UPT.",
                                "This file is not an encrypted Rekam UPT backup."), code="not_database")
    header = magic + _read_exactly(fin, layout.size - len(magic))
    if len(header) < layout.size:
        raise wrong_password_or_damaged()
    _magic, log2_n, r, p, chunk_size, salt, base_nonce, *_id = layout.unpack(header)
    if not (1 <= log2_n <= _MAX_LOG2_N and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P
            and 128 * r * (1 << log2_n) * p <= _MAX_SCRYPT_MEMORY and 1 <= chunk_size <= _MAX_CHUNK):
        raise wrong_password_or_damaged()
    return header, log2_n, r, p, chunk_size, salt, base_nonce


def decrypt_file(src: PathOrFile, dst: PathOrFile, password: str) -> None:
    """Decrypt ``src`` into ``dst``; UserInputError on a wrong password or any damage.

    Plaintext is written as it is verified chunk by chunk, so on an error ``dst``
    holds a prefix: callers decrypt into a temporary file and discard it then.
    """
    with _opened(src, "rb") as fin, _opened(dst, "wb") as fout:
        header, log2_n, r, p, chunk_size, salt, base_nonce = _read_header(fin)
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        aead = AESGCM(derive_key(password or "", salt, log2_n, r, p))
        sealed_size = chunk_size + TAG_SIZE
        index = 0
        sealed = _read_exactly(fin, sealed_size)
        while True:
            following = _read_exactly(fin, sealed_size) if len(sealed) == sealed_size else b""
            last = not following
            if len(sealed) < TAG_SIZE:
                raise wrong_password_or_damaged()
            try:
                plain = aead.decrypt(_nonce(base_nonce, index), sealed, _aad(header, index, last))
            except InvalidTag as err:
                raise wrong_password_or_damaged() from err
            fout.write(plain)
            if last:
                break
            sealed, index = following, index + 1
        fout.flush()


def check_password(src: Path | str, password: str) -> bool:
    """True when ``password`` opens the file's first chunk (a quick check, no output)."""
    with open(src, "rb") as fin:
        try:
            header, log2_n, r, p, chunk_size, salt, base_nonce = _read_header(fin)
        except UserInputError:
            return False
        sealed_size = chunk_size + TAG_SIZE
        sealed = _read_exactly(fin, sealed_size)
        last = len(sealed) < sealed_size or not fin.read(1)
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        AESGCM(derive_key(password or "", salt, log2_n, r, p)).decrypt(
            _nonce(base_nonce, 0), sealed, _aad(header, 0, last))
    except (InvalidTag, ValueError):
        return False
    return True
