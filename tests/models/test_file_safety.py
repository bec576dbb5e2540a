"""What a write may replace: the database id, backup targets, documents, files that are not regular files.

Issue 7, "Data loss": ``backup --out`` wrote over other databases and over FIFOs;
``check --db FIFO`` hung.  Every refusal here is asserted by its exit status, its
one line, and the target's bytes (or kind) afterwards.  FIFOs and sockets are made
in tmp_path; no test touches the system's /dev.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSWORD
from safety_data import add_client, dump_tables, populate, temp_files

import app.cli
from app.cli import common
from app.lockfile import DatabaseLock
from app.models import backup, crypto, safefile, storage
from app.models.errors import OperationError, UserInputError
from app.models.storage import Database
from app.operations.auth import set_initial_password

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def not_on_a_terminal(monkeypatch):
    monkeypatch.setattr(common, "is_interactive", lambda: False)


def cli(capsys, *argv) -> tuple[int, str, str]:
    status = app.cli.run([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def line(text: str) -> str:
    assert text.count("\n") == 1 and text.endswith("\n"), text
    return text.strip()


def new_db(path: Path, clients: int = 3) -> Path:
    db = Database.open(path, create=True)
    set_initial_password(db, PASSWORD)
    populate(db, clients)
    db.close()
    return path


def settings_id(path: Path) -> str | None:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'database_id'").fetchone()
        return json.loads(row[0]) if row else None
    finally:
        conn.close()


def drop_id(path: Path) -> None:
    """As a file made by the program before database ids (or a backup of one)."""
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM settings WHERE key = 'database_id'")
    conn.commit()
    conn.close()


# -- the database id ---------------------------------------------------------------------------

def test_a_new_database_gets_a_random_id_that_its_backups_carry(tmp_path, password_env):
    a, b = new_db(tmp_path / "a.sqlite3"), new_db(tmp_path / "b.sqlite3")
    ids = settings_id(a), settings_id(b)
    assert all(isinstance(i, str) and len(i) == 32 and int(i, 16) >= 0 for i in ids)
    assert ids[0] != ids[1]
    db = Database.open(a)
    try:
        assert storage.database_id(db) == ids[0]
        plain = backup.backup_to(db, tmp_path / "a.bak")
        sealed = backup.backup_to(db, tmp_path / "a.rkbak", password_for_encryption=PASSWORD)
    finally:
        db.close()
    assert settings_id(plain) == ids[0]
    assert crypto.header_database_id(sealed) == ids[0]


def test_an_older_file_gets_its_id_at_the_first_writable_open_and_never_from_a_reader(tmp_path, capsys,
                                                                                    password_env):
    path = new_db(tmp_path / "lama.sqlite3")
    drop_id(path)
    before = path.read_bytes()
    ro = Database.open(path, readonly=True)
    assert storage.database_id(ro) is None
    ro.close()
    status, _out, err = cli(capsys, "backup", "--db", path, "--out", tmp_path / "c.sqlite3")
    assert (status, err) == (0, "")
    assert settings_id(path) is None
    # Read-only opens wrote nothing (SQLite's reader may leave an empty -wal and a -shm).
    assert path.read_bytes() == before
    assert Path(str(path) + "-wal").read_bytes() == b""
    db = Database.open(path)
    made = storage.database_id(db)
    db.close()
    assert made is not None and settings_id(path) == made
    db = Database.open(path)
    assert storage.database_id(db) == made  # made once, then kept
    db.close()


# -- backup --out: what it may replace ------------------------------------------------------------

def test_backup_replaces_an_earlier_backup_of_the_same_database(tmp_path, capsys, password_env):
    path = new_db(tmp_path / "data.sqlite3")
    for out, extra in ((tmp_path / "cadangan.sqlite3", ()), (tmp_path / "cadangan.rkbak", ("--encrypt",))):
        assert cli(capsys, "backup", "--db", path, "--out", out, *extra)[0] == 0
        db = Database.open(path)
        add_client(db, 40 + len(extra))
        db.close()
        status, _stdout, stderr = cli(capsys, "backup", "--db", path, "--out", out, *extra)
        assert (status, stderr) == (0, ""), stderr
    assert len(dump_tables(tmp_path / "cadangan.sqlite3")["persons"]) == 4
    copy = tmp_path / "periksa.sqlite3"
    crypto.decrypt_file(tmp_path / "cadangan.rkbak", copy, PASSWORD)
    assert len(dump_tables(copy)["persons"]) == 5


def _refused(capsys, db: Path, out: Path, expected: str, *extra: str) -> None:
    status, stdout, stderr = cli(capsys, "backup", "--db", db, "--out", out, *extra)
    assert (status, stdout) == (2, ""), stderr
    assert line(stderr) == expected


def test_backup_never_replaces_another_database_even_one_a_window_holds(tmp_path, capsys, password_env):
    ours = new_db(tmp_path / "kita.sqlite3")
    theirs = new_db(tmp_path / "mereka.sqlite3", clients=5)
    # "The window" of the other database: its lock held and its connection open.
    window = Database.open(theirs)
    lock = DatabaseLock(theirs)
    lock.acquire()
    try:
        before = {s: Path(str(theirs) + s).read_bytes() for s in ("", "-wal")}
        expected = (f"{theirs} adalah basis data Rekam UPT, bukan cadangan: tidak ditimpa. "
                    "Pilih nama berkas lain.")
        _refused(capsys, ours, theirs, expected)
        _refused(capsys, ours, theirs, expected, "--encrypt")
        assert {s: Path(str(theirs) + s).read_bytes() for s in ("", "-wal")} == before
    finally:
        window.close()
        lock.release()
    # Closed, it is still a database (WAL in its header), not a backup.
    before = theirs.read_bytes()
    _refused(capsys, ours, theirs, f"{theirs} adalah basis data Rekam UPT, bukan cadangan: tidak ditimpa. "
                                   "Pilih nama berkas lain.")
    assert theirs.read_bytes() == before
    # Not even a copy of our own database.
    status, _out, _err = cli(capsys, "backup", "--db", ours, "--out", ours)
    assert status == 2


def test_backup_never_replaces_a_backup_of_another_database(tmp_path, capsys, password_env):
    ours = new_db(tmp_path / "kita.sqlite3")
    theirs = new_db(tmp_path / "mereka.sqlite3", clients=5)
    plain, sealed = tmp_path / "mereka.bak", tmp_path / "mereka.rkbak"
    assert cli(capsys, "backup", "--db", theirs, "--out", plain)[0] == 0
    assert cli(capsys, "backup", "--db", theirs, "--out", sealed, "--encrypt")[0] == 0
    for target in (plain, sealed):
        before = target.read_bytes()
        for extra in ((), ("--encrypt",)):
            _refused(capsys, ours, target, f"{target} adalah cadangan basis data Rekam UPT yang lain: "
                                           "tidak ditimpa. Pilih nama berkas lain.", *extra)
        assert target.read_bytes() == before
    assert temp_files(tmp_path) == []


def test_backup_never_replaces_a_backup_that_names_no_database(tmp_path, capsys, password_env):
    ours = new_db(tmp_path / "kita.sqlite3")
    old_plain = tmp_path / "lama.bak"
    assert cli(capsys, "backup", "--db", ours, "--out", old_plain)[0] == 0
    drop_id(old_plain)  # as an older version wrote it
    old_sealed = tmp_path / "lama.rkbak"
    from test_crypto import _seal_version_1
    old_sealed.write_bytes(_seal_version_1(b"x" * 3000, PASSWORD, log2_n=10))
    for target in (old_plain, old_sealed):
        before = target.read_bytes()
        _refused(capsys, ours, target, f"{target} adalah cadangan Rekam UPT yang tidak menyebut basis datanya "
                                       "(versi lama, atau tidak terbaca): tidak ditimpa. Pilih nama berkas lain.")
        assert target.read_bytes() == before


def test_backup_refuses_what_is_not_a_regular_file(tmp_path, capsys, password_env):
    ours = new_db(tmp_path / "kita.sqlite3")
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    sock_path = tmp_path / "soket"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(sock_path))
    link = tmp_path / "tautan-ke-pipa"
    link.symlink_to(fifo)
    try:
        for target, kind in ((fifo, "sebuah FIFO (pipa bernama)"), (folder, "sebuah folder"),
                             (sock_path, "sebuah soket"), (link, "sebuah FIFO (pipa bernama)")):
            real = safefile.real_path(target)
            for extra in ((), ("--encrypt",)):
                _refused(capsys, ours, target,
                         f"{real} adalah {kind}, bukan berkas biasa: tidak dibuka dan tidak ditulis.", *extra)
        assert stat.S_ISFIFO(os.stat(fifo).st_mode) and link.is_symlink()
        assert stat.S_ISSOCK(os.stat(sock_path).st_mode)
        assert list(folder.iterdir()) == []
        assert temp_files(tmp_path) == []
    finally:
        sock.close()


def test_a_symlinked_out_writes_the_real_file(tmp_path, capsys, password_env):
    ours = new_db(tmp_path / "kita.sqlite3")
    real = tmp_path / "cadangan.sqlite3"
    assert cli(capsys, "backup", "--db", ours, "--out", real)[0] == 0
    link = tmp_path / "tautan.sqlite3"
    link.symlink_to(real)
    db = Database.open(ours)
    add_client(db, 77)
    db.close()
    status, stdout, stderr = cli(capsys, "backup", "--db", ours, "--out", link)
    assert (status, stderr) == (0, "")
    assert line(stdout).startswith(f"Cadangan disimpan: {real} (")
    assert link.is_symlink() and len(dump_tables(real)["persons"]) == 4


def test_backup_to_a_missing_folder_or_onto_another_file_is_refused(tmp_path, capsys, password_env):
    ours = new_db(tmp_path / "kita.sqlite3")
    _refused(capsys, ours, tmp_path / "tidak-ada" / "x.sqlite3",
             f"Folder tujuan tidak ada: {tmp_path / 'tidak-ada'}")
    letter = tmp_path / "surat.docx"
    letter.write_bytes(b"PK\x03\x04 surat")
    _refused(capsys, ours, letter, f"{letter} sudah ada dan bukan cadangan Rekam UPT: tidak ditimpa.")
    assert letter.read_bytes() == b"PK\x03\x04 surat"
    empty = tmp_path / "kosong.sqlite3"
    empty.touch()
    assert cli(capsys, "backup", "--db", ours, "--out", empty)[0] == 0  # nothing in it to lose
    assert dump_tables(empty) == dump_tables(ours)


# -- files that are not regular files, given as --db or as a backup to restore ------------------

def test_check_of_a_fifo_does_not_hang(tmp_path):
    fifo = tmp_path / "pipa.sqlite3"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": str(REPO), "REKAM_UPT_PASSWORD": PASSWORD}
    done = subprocess.run([sys.executable, "-m", "app", "check", "--db", str(fifo)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (f"{fifo} adalah sebuah FIFO (pipa bernama), bukan berkas biasa:"
                           " tidak dibuka dan tidak ditulis.\n")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_restore_refuses_a_fifo_as_target_or_as_source(tmp_path, capsys, password_env):
    ours = new_db(tmp_path / "kita.sqlite3")
    made = tmp_path / "cadangan.sqlite3"
    assert cli(capsys, "backup", "--db", ours, "--out", made)[0] == 0
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    status, _out, err = cli(capsys, "restore", made, "--db", fifo)
    assert status == 2
    assert line(err) == f"{fifo} adalah sebuah FIFO (pipa bernama), bukan berkas biasa: tidak dibuka dan tidak ditulis."
    status, _out, err = cli(capsys, "restore", fifo, "--db", ours)
    assert status == 2
    assert line(err) == f"{fifo} adalah sebuah FIFO (pipa bernama), bukan berkas biasa: tidak dibuka dan tidak ditulis."
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        "cadangan.sqlite3", "kita.sqlite3", "pipa"]


def test_a_symlinked_db_is_resolved_the_real_file_is_replaced_and_locked(tmp_path, capsys, password_env):
    real = new_db(tmp_path / "asli.sqlite3")
    made = tmp_path / "cadangan.sqlite3"
    assert cli(capsys, "backup", "--db", real, "--out", made)[0] == 0
    at_backup = dump_tables(real)
    db = Database.open(real)
    add_client(db, 90)
    db.close()
    link = tmp_path / "tautan.sqlite3"
    link.symlink_to(real)
    # The window holds the real file: a restore through the link is refused.
    with DatabaseLock(real):
        before = real.read_bytes()
        status, _out, err = cli(capsys, "restore", made, "--db", link)
        assert status == 1 and line(err).startswith("Basis data ini sedang dibuka oleh Rekam UPT lain")
        assert real.read_bytes() == before
    status, stdout, err = cli(capsys, "restore", made, "--db", link)
    assert (status, err) == (0, "")
    assert line(stdout).startswith(f"Basis data {real} dipulihkan dari {made}")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert dump_tables(real) == at_backup
    opened = Database.open(link)
    try:
        assert opened.path == real
    finally:
        opened.close()


# -- documents (PDF, XLSX, CSV) --------------------------------------------------------------

def test_a_document_goes_to_a_new_name_or_replaces_only_with_replace(tmp_path):
    target = tmp_path / "laporan.csv"
    assert safefile.write_document(target, b"a;b\n", replace=False) == target
    assert target.read_bytes() == b"a;b\n" and target.stat().st_mode & 0o777 == 0o600
    with pytest.raises(UserInputError) as caught:
        safefile.write_document(target, b"baru", replace=False)
    assert caught.value.message == f"{target} sudah ada: gunakan --replace untuk menimpanya."
    assert caught.value.exit_status == 2
    assert target.read_bytes() == b"a;b\n"
    safefile.write_document(target, lambda fh: fh.write(b"baru\n"), replace=True)
    assert target.read_bytes() == b"baru\n"
    assert temp_files(tmp_path) == []


def test_a_document_never_replaces_a_database_or_a_backup_even_with_replace(tmp_path, password_env):
    ours = new_db(tmp_path / "kita.sqlite3")
    db = Database.open(ours)
    plain = backup.backup_to(db, tmp_path / "cadangan.sqlite3")
    sealed = backup.backup_to(db, tmp_path / "cadangan.rkbak", password_for_encryption=PASSWORD)
    db.close()
    for target, what in ((ours, "basis data"), (plain, "cadangan"), (sealed, "cadangan")):
        before = target.read_bytes()
        with pytest.raises(UserInputError) as caught:
            safefile.write_document(target, b"%PDF-1.7", replace=True)
        assert caught.value.message == (f"{target} adalah {what} Rekam UPT: dokumen tidak pernah ditulis "
                                        "di atasnya.")
        assert caught.value.exit_status == 2
        assert target.read_bytes() == before
    assert temp_files(tmp_path) == []


def test_a_document_refuses_what_is_not_a_regular_file_and_a_missing_folder(tmp_path):
    fifo = tmp_path / "pipa.pdf"
    os.mkfifo(fifo)
    with pytest.raises(UserInputError) as caught:
        safefile.check_document_target(fifo, replace=True)
    assert caught.value.code == "not_regular"
    with pytest.raises(UserInputError) as caught:
        safefile.check_document_target(tmp_path, replace=True)
    assert caught.value.message.endswith("adalah sebuah folder, bukan berkas biasa: tidak dibuka dan tidak ditulis.")
    with pytest.raises(UserInputError, match="Folder tujuan tidak ada"):
        safefile.check_document_target(tmp_path / "tidak-ada" / "a.pdf", replace=False)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_document_failing_midway_leaves_the_old_file(tmp_path):
    target = tmp_path / "rekap.xlsx"
    target.write_bytes(b"lama")

    def broken(fh):
        fh.write(b"setengah")
        raise OSError(28, "No space left on device")

    with pytest.raises(OperationError) as caught:
        safefile.write_document(target, broken, replace=True)
    assert caught.value.code == "disk_full"
    assert target.read_bytes() == b"lama"
    assert temp_files(tmp_path) == []


# -- messages that name the real cause -------------------------------------------------------------

def test_a_zero_byte_file_is_called_empty_not_read_only(tmp_path, capsys, password_env):
    empty = tmp_path / "kosong.sqlite3"
    empty.touch()
    with pytest.raises(UserInputError) as caught:
        Database.open(empty, readonly=True)
    assert caught.value.message == f"{empty} kosong (0 bait): bukan basis data Rekam UPT. Berkas tidak diubah."
    status, _out, err = cli(capsys, "backup", "--db", empty, "--out", tmp_path / "x.sqlite3")
    assert status == 2
    assert line(err) == f"{empty} kosong (0 bait): bukan basis data Rekam UPT. Berkas tidak diubah."
    assert empty.read_bytes() == b"" and not (tmp_path / "x.sqlite3").exists()


def test_a_header_without_its_schema_version_is_called_damaged(tmp_path, capsys, password_env):
    path = new_db(tmp_path / "data.sqlite3", clients=40)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = path.read_bytes()
    expected = (f"{path} berisi tabel Rekam UPT, tetapi nomor versi skema di kepala berkas hilang "
                "(user_version 0): kepala berkas rusak. Berkas tidak diubah; pulihkan dari cadangan terakhir.")
    for readonly in (True, False):
        with pytest.raises(OperationError) as caught:
            Database.open(path, readonly=readonly)
        assert caught.value.message == expected
    status, _out, err = cli(capsys, "backup", "--db", path, "--out", tmp_path / "x.sqlite3")
    assert status == 1 and line(err) == expected
    assert path.read_bytes() == before
    assert len(dump_tables(path)["persons"]) == 40
    # With the application_id gone too it is still ours, not "another program's file".
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(OperationError) as caught:
        Database.open(path)
    assert caught.value.message == expected
    assert path.read_bytes() == before


def test_a_full_or_read_only_data_folder_is_named_not_the_target(tmp_path, private_data_dir, monkeypatch,
                                                                 capsys, password_env):
    ours = new_db(tmp_path / "kita.sqlite3")
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    out = stick / "cadangan.rkbak"
    real_mkstemp = backup.tempfile.mkstemp
    for number, expected in (
            (28, (f"Disk folder data program ({private_data_dir}) penuh: cadangan terenkripsi tidak dibuat dan "
                  f"{out} tidak diubah. Kosongkan ruang di disk itu lalu coba lagi.")),
            (30, (f"Folder data program {private_data_dir} hanya-baca atau tanpa izin tulis: cadangan "
                  f"terenkripsi tidak dibuat dan {out} tidak diubah."))):
        def failing(*args, number=number, **kwargs):
            if Path(kwargs.get("dir", "")).is_relative_to(private_data_dir):
                raise OSError(number, os.strerror(number))
            return real_mkstemp(*args, **kwargs)
        monkeypatch.setattr(backup.tempfile, "mkstemp", failing)
        status, _out, err = cli(capsys, "backup", "--db", ours, "--out", out, "--encrypt")
        assert status == 1
        assert line(err) == expected
        assert list(stick.iterdir()) == []
