"""The encrypted backup format: what comes back is what went in, and any damage is caught."""

from __future__ import annotations

import errno
import io
import os

import pytest

from app.models import crypto
from app.models.errors import UserInputError

PASSWORD = "rahasia-uji-123"
SMALL_CHUNK = 1000  # several chunks without megabytes of test data
# Read when this module is imported, before tests/conftest.py's cheap_backup_key lowers it.
SHIPPED_LOG2_N = crypto.SCRYPT_LOG2_N


@pytest.fixture
def shipped_cost(monkeypatch):
    """The scrypt cost the installed program uses (conftest lowers it for every other test)."""
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", SHIPPED_LOG2_N)


def _seal(data: bytes, password: str = PASSWORD, chunk_size: int = SMALL_CHUNK) -> bytes:
    out = io.BytesIO()
    crypto.encrypt_file(io.BytesIO(data), out, password, chunk_size=chunk_size)
    return out.getvalue()


def _open(sealed: bytes, password: str = PASSWORD) -> bytes:
    out = io.BytesIO()
    crypto.decrypt_file(io.BytesIO(sealed), out, password)
    return out.getvalue()


def _chunks(sealed: bytes, chunk_size: int = SMALL_CHUNK) -> tuple[bytes, list[bytes]]:
    body = sealed[crypto.HEADER_SIZE:]
    step = chunk_size + crypto.TAG_SIZE
    return sealed[:crypto.HEADER_SIZE], [body[i:i + step] for i in range(0, len(body), step)]


@pytest.mark.parametrize("size", [0, 1, SMALL_CHUNK - 1, SMALL_CHUNK, SMALL_CHUNK + 1, 5 * SMALL_CHUNK + 17])
def test_round_trip_gives_back_the_same_bytes(size):
    data = os.urandom(size)
    sealed = _seal(data)
    assert sealed.startswith(crypto.MAGIC)
    assert size < 16 or data not in sealed  # (a byte or two may turn up anywhere by chance)
    assert _open(sealed) == data


def test_round_trip_through_files_at_the_shipped_cost(tmp_path, shipped_cost):
    src, enc, back = tmp_path / "a.sqlite3", tmp_path / "a.enc", tmp_path / "b.sqlite3"
    src.write_bytes(os.urandom(3 * crypto.CHUNK_SIZE // 2))
    crypto.encrypt_file(src, enc, PASSWORD, database_id="ab" * 16)
    raw = enc.read_bytes()
    # At least n = 2**17, r = 8, p = 1 (issue 7); hashlib's maxmem is raised to match,
    # or scrypt would fail with "memory limit exceeded".
    assert raw[len(crypto.MAGIC):len(crypto.MAGIC) + 3] == bytes([crypto.SCRYPT_LOG2_N, 8, 1])
    assert SHIPPED_LOG2_N >= 17 and (crypto.SCRYPT_R, crypto.SCRYPT_P) == (8, 1)
    assert crypto.is_encrypted(enc)
    assert not crypto.is_encrypted(src)
    assert crypto.check_password(enc, PASSWORD)
    assert not crypto.check_password(enc, "salah-sekali-123")
    crypto.decrypt_file(enc, back, PASSWORD)
    assert back.read_bytes() == src.read_bytes()


def test_same_input_encrypts_differently_each_time():
    data = b"Budi Santoso 3522011505900001" * 100
    assert _seal(data) != _seal(data)


def _assert_refused(sealed: bytes, password: str = PASSWORD) -> None:
    with pytest.raises(UserInputError) as caught:
        _open(sealed, password)
    assert caught.value.message == "Kata sandi salah atau berkas cadangan rusak."
    assert caught.value.exit_status == 2


def test_wrong_password_is_refused():
    _assert_refused(_seal(b"data" * 1000), "kata-sandi-lain")


def test_truncated_file_is_refused():
    sealed = _seal(os.urandom(4 * SMALL_CHUNK + 10))
    header, chunks = _chunks(sealed)
    _assert_refused(sealed[:-1])                         # cut inside the last chunk
    _assert_refused(header + b"".join(chunks[:-1]))      # cut exactly at a chunk boundary
    _assert_refused(header + chunks[0])                  # only the first chunk
    _assert_refused(header)                              # no chunk at all
    with pytest.raises(UserInputError):
        _open(sealed[:crypto.HEADER_SIZE - 3])           # not even a whole header


def test_appended_bytes_are_refused():
    sealed = _seal(os.urandom(2 * SMALL_CHUNK))
    _assert_refused(sealed + b"\x00" * 20)
    _header, chunks = _chunks(sealed)
    _assert_refused(sealed + chunks[0])


@pytest.mark.parametrize("where", ["header", "database_id", "first", "middle", "tag", "last"])
def test_a_flipped_byte_anywhere_is_refused(where):
    sealed = bytearray(_seal(os.urandom(3 * SMALL_CHUNK + 5)))
    position = {
        "header": crypto.HEADER_SIZE - crypto.ID_SIZE - 5,  # inside the base nonce (every chunk's AAD)
        "database_id": crypto.HEADER_SIZE - 3,  # readable without the password, but authenticated
        "first": crypto.HEADER_SIZE + 3,
        "middle": crypto.HEADER_SIZE + SMALL_CHUNK + crypto.TAG_SIZE + 100,
        "tag": crypto.HEADER_SIZE + SMALL_CHUNK + 2,  # inside the first chunk's tag
        "last": len(sealed) - 1,
    }[where]
    sealed[position] ^= 0x01
    _assert_refused(bytes(sealed))


def test_reordered_or_repeated_chunks_are_refused():
    sealed = _seal(os.urandom(3 * SMALL_CHUNK))
    header, chunks = _chunks(sealed)
    assert len(chunks) == 3
    _assert_refused(header + chunks[1] + chunks[0] + chunks[2])
    _assert_refused(header + chunks[0] + chunks[0] + chunks[2])
    _assert_refused(header + chunks[0] + chunks[2])  # one dropped from the middle


def test_absurd_cost_parameters_in_a_damaged_header_are_refused_quickly():
    sealed = bytearray(_seal(b"x" * 10))
    sealed[len(crypto.MAGIC)] = 60  # log2(n) = 60 would ask for exabytes
    _assert_refused(bytes(sealed))


def test_not_an_encrypted_file():
    with pytest.raises(UserInputError) as caught:
        _open(b"SQLite format 3\x00" + b"\x00" * 200)
    assert "bukan cadangan terenkripsi" in caught.value.message


def test_a_full_disk_surfaces_as_enospc(tmp_path):
    """Writing to /dev/full: the OSError passes up for backup.py to translate."""
    src = tmp_path / "a.sqlite3"
    src.write_bytes(os.urandom(100_000))
    with pytest.raises(OSError) as caught:
        crypto.encrypt_file(src, "/dev/full", PASSWORD)
    assert caught.value.errno == errno.ENOSPC


# -- the header's database id, and files of version 1 -------------------------------------

def test_the_database_id_is_in_the_header_and_readable_without_the_password(tmp_path):
    enc = tmp_path / "a.rkbak"
    crypto.encrypt_file(io.BytesIO(b"isi" * 100), enc, PASSWORD, database_id="0123456789abcdef" * 2)
    assert crypto.header_database_id(enc) == "0123456789abcdef" * 2
    plain = tmp_path / "tanpa-id.rkbak"
    crypto.encrypt_file(io.BytesIO(b"isi"), plain, PASSWORD)
    assert crypto.header_database_id(plain) is None
    other = tmp_path / "bukan.txt"
    other.write_bytes(b"RKUPT-ENC")
    assert crypto.header_database_id(other) is None


def _seal_version_1(data: bytes, password: str, log2_n: int = 15, chunk_size: int = SMALL_CHUNK) -> bytes:
    """A file as the program wrote it before the database id (header version 1)."""
    import struct

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, base = os.urandom(16), os.urandom(12)
    header = struct.pack(">10sBBBI16s12s", b"RKUPT-ENC\x01", log2_n, 8, 1, chunk_size, salt, base)
    aead = AESGCM(crypto.derive_key(password, salt, log2_n, 8, 1))
    pieces = [data[i:i + chunk_size] for i in range(0, len(data), chunk_size)] or [b""]
    out = [header]
    for index, piece in enumerate(pieces):
        last = index == len(pieces) - 1
        nonce = (int.from_bytes(base, "big") ^ index).to_bytes(12, "big")
        out.append(aead.encrypt(nonce, piece, header + struct.pack(">QB", index, int(last))))
    return b"".join(out)


def test_files_of_version_1_still_decrypt_with_the_cost_in_their_header(tmp_path):
    data = os.urandom(3 * SMALL_CHUNK + 7)
    old = _seal_version_1(data, PASSWORD, log2_n=15)  # the cost version 1 shipped with
    assert _open(old) == data
    path = tmp_path / "lama.rkbak"
    path.write_bytes(old)
    assert crypto.is_encrypted(path)
    assert crypto.check_password(path, PASSWORD) and not crypto.check_password(path, "lain-sekali-1")
    assert crypto.header_database_id(path) is None
    damaged = bytearray(old)
    damaged[-1] ^= 1
    _assert_refused(bytes(damaged))


def test_a_header_of_a_newer_version_says_so():
    sealed = bytearray(_seal(b"x" * 10))
    sealed[len(crypto.MAGIC) - 1] = 9
    with pytest.raises(UserInputError) as caught:
        _open(bytes(sealed))
    assert caught.value.message == ("Cadangan terenkripsi ini dibuat oleh versi Rekam UPT yang lebih baru: "
                                    "perbarui program.")


def test_cost_parameters_asking_for_more_than_a_gibibyte_are_refused():
    sealed = bytearray(_seal(b"x" * 10))
    sealed[len(crypto.MAGIC)] = 20        # n = 2**20 ...
    sealed[len(crypto.MAGIC) + 1] = 16    # ... with r = 16: 2 GiB
    _assert_refused(bytes(sealed))
