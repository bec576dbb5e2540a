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
REAL_COST = {"test_round_trip_through_files"}  # the one test with the shipped scrypt cost


@pytest.fixture(autouse=True)
def cheap_scrypt(request, monkeypatch):
    """A low scrypt cost keeps these tests fast; the cost travels in the header, so decryption follows."""
    if request.function.__name__ not in REAL_COST:
        monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 10)


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


def test_round_trip_through_files(tmp_path):
    src, enc, back = tmp_path / "a.sqlite3", tmp_path / "a.enc", tmp_path / "b.sqlite3"
    src.write_bytes(os.urandom(3 * crypto.CHUNK_SIZE // 2))
    crypto.encrypt_file(src, enc, PASSWORD)
    assert enc.read_bytes()[len(crypto.MAGIC)] == crypto.SCRYPT_LOG2_N == 15
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


@pytest.mark.parametrize("where", ["header", "first", "middle", "tag", "last"])
def test_a_flipped_byte_anywhere_is_refused(where):
    sealed = bytearray(_seal(os.urandom(3 * SMALL_CHUNK + 5)))
    position = {
        "header": crypto.HEADER_SIZE - 5,  # inside the base nonce (part of every chunk's AAD)
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
