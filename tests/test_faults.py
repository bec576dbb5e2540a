"""Every fault the issue names: a clear Indonesian message, and no data lost.

Tests run as root in CI, where permissions do not stop writes and no disk fills
up, so the faults are simulated: SQLite's max_page_count for a full database,
/dev/full and injected ENOSPC/EROFS errors for backups, a damaged copy for
corruption, ``os.access`` answering "not writable" for one folder (what a read-only
folder says to a normal account), and a second process holding the database lock.
None of these tests may skip.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import PASSWORD
from safety_data import (
    add_client,
    client_values,
    corrupt_copy,
    corrupt_schema,
    dump_tables,
    integrity,
    populate,
    temp_files,
)

import app.cli
from app.cli import common
from app.models import backup, crypto, storage
from app.models.errors import OperationError
from app.models.schema import SCHEMA_VERSION
from app.models.storage import Database
from app.operations.checks import check_database

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def cli_setup(monkeypatch):
    monkeypatch.setattr(common, "is_interactive", lambda: False)


@pytest.fixture
def filled(db):
    populate(db, 10)
    return db


@pytest.fixture
def closed(filled):
    """A database with records and one automatic backup, closed."""
    backup.automatic_backup(filled, "harian")
    filled.close()
    return filled.path


def cli(capsys, *argv) -> tuple[int, str, str]:
    status = app.cli.run([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def line(text: str) -> str:
    assert text.count("\n") == 1 and text.endswith("\n"), text
    return text.strip()


def files_of(path: Path) -> dict[str, bytes]:
    """The file and its SQLite side files, byte for byte."""
    return {s: Path(str(path) + s).read_bytes() for s in ("", "-wal") if Path(str(path) + s).exists()}


# -- damaged, not a database, newer ------------------------------------------------------

def test_corrupt_file_is_refused_with_a_hint_and_the_backup_brings_everything_back(closed, capsys,
                                                                                    password_env):
    at_backup = dump_tables(backup.latest_backup(closed).path)
    corrupt_schema(closed)
    damaged = closed.read_bytes()
    with pytest.raises(OperationError) as caught:
        Database.open(closed)
    assert caught.value.code == "corrupt"
    assert caught.value.message.startswith("Basis data rusak")
    assert "Pulihkan dari cadangan terakhir" in caught.value.message
    assert closed.read_bytes() == damaged  # opening did not write to it

    latest = backup.latest_backup(closed).path
    status, _out, err = cli(capsys, "check", "--db", closed)
    assert status == 2
    message = line(err)
    assert message.startswith("Basis data rusak")
    assert message.endswith(f"Pulihkan dengan: rekam-upt restore {latest} --db {closed}")
    assert closed.read_bytes() == damaged

    status, _out, err = cli(capsys, "restore", latest, "--db", closed)
    assert status == 0, err
    assert dump_tables(closed) == at_backup
    kept = [e for e in backup.list_backups(closed) if e.reason == "rusak"]
    assert kept and kept[0].path.read_bytes() == damaged


def test_damage_inside_the_file_is_not_backed_up_over_good_backups(closed, tmp_path, capsys,
                                                                   password_env):
    good = backup.latest_backup(closed).path
    good_bytes = good.read_bytes()
    shutil.copyfile(corrupt_copy(closed, tmp_path / "rusak.sqlite3"), closed)
    status, _out, err = cli(capsys, "backup", "--db", closed, "--out", tmp_path / "baru.sqlite3")
    assert status == 1
    assert "rusak" in line(err) and "cadangan lama tetap utuh" in err
    assert not (tmp_path / "baru.sqlite3").exists()
    assert temp_files(tmp_path) == []
    assert good.read_bytes() == good_bytes
    # The automatic backups of the damaged file are refused too, and rotation keeps the good one.
    db = Database.open(closed)
    try:
        with pytest.raises(OperationError, match="cadangan lama tetap utuh"):
            backup.automatic_backup(db, "harian", keep=1)
    finally:
        db.close()
    assert [e.path for e in backup.list_backups(closed)] == [good]
    status, _out, err = cli(capsys, "restore", good, "--db", closed)
    assert status == 0, err
    assert integrity(closed) == ["ok"]


def test_not_a_database_is_refused_and_untouched(tmp_path, capsys, password_env):
    path = tmp_path / "laporan.sqlite3"
    path.write_bytes(b"Laporan bulanan Bapas\n" * 500)
    before = path.read_bytes()
    with pytest.raises(OperationError) as caught:
        Database.open(path)
    assert caught.value.code == "not_database"
    assert "bukan basis data Rekam UPT" in caught.value.message
    status, _out, err = cli(capsys, "check", "--db", path)
    assert status == 2 and "bukan basis data Rekam UPT" in line(err)
    status, _out, err = cli(capsys, "restore", path, "--db", tmp_path / "lain.sqlite3")
    assert status == 2 and "bukan berkas cadangan Rekam UPT" in line(err)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.sqlite3"]


def _make_newer(path: Path, *, checkpoint: bool) -> Path:
    """Give a closed database a schema version from the future."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    if checkpoint:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        return path
    # As if a newer program were still running (or had crashed): the new header is
    # only in the -wal.  Copy the pair while the connection holds them.
    copy = path.with_name("salinan-" + path.name)
    shutil.copyfile(path, copy)
    shutil.copyfile(str(path) + "-wal", str(copy) + "-wal")
    conn.close()
    return copy


@pytest.mark.parametrize("checkpoint", [True, False], ids=["in-header", "only-in-wal"])
def test_newer_version_is_never_touched(closed, tmp_path, capsys, password_env, checkpoint):
    newer = _make_newer(closed, checkpoint=checkpoint)
    before = files_of(newer)
    assert before[""][60:64] == (SCHEMA_VERSION + 1).to_bytes(4, "big") or not checkpoint
    with pytest.raises(OperationError) as caught:
        Database.open(newer)
    assert caught.value.code == "newer"
    assert "versi Rekam UPT yang lebih baru" in caught.value.message
    assert "Berkas tidak diubah" in caught.value.message
    with pytest.raises(OperationError):
        Database.open(newer, readonly=True)
    # check: 2, "not a Rekam UPT database this program can read"; backup and restore: 1.
    for argv, expected in ((["check", "--db", newer], 2),
                           (["backup", "--db", newer, "--out", tmp_path / "x.sqlite3"], 1),
                           (["restore", backup.latest_backup(closed).path, "--db", newer], 1)):
        status, _out, err = cli(capsys, *argv)
        assert status == expected, argv
        assert line(err).startswith(f"{newer} dibuat oleh versi Rekam UPT yang lebih baru (skema "
                                    f"{SCHEMA_VERSION + 1}, program ini {SCHEMA_VERSION})."), argv
    assert files_of(newer) == before
    assert not (tmp_path / "x.sqlite3").exists()


# -- a full disk -------------------------------------------------------------------------

def test_full_database_refuses_the_edit_and_keeps_the_earlier_data(filled, db_path):
    import factories as f

    from app.models.domain import Confirmations
    from app.operations.clients import create_client

    before = dump_tables(db_path)
    pages = filled.scalar("PRAGMA page_count")
    filled.conn.execute(f"PRAGMA max_page_count = {pages}")
    name, birth, nik = client_values(500)
    big = f.person(name=name, nik=nik, birth=birth, address="Jl. Panjang " * 3000)
    with pytest.raises(OperationError) as caught:
        create_client(filled, big, f.case(filled), f.program(filled), Confirmations(duplicate_ok=True,
                      duplicate_reason="uji"), today=date(2026, 11, 22))
    assert caught.value.code == "disk_full"
    assert caught.value.message.startswith("Disk penuh")
    assert "data sebelumnya utuh" in caught.value.message
    assert not filled.conn.in_transaction
    assert dump_tables(db_path) == before
    assert filled.scalar("PRAGMA integrity_check") == "ok"
    assert check_database(filled) == []
    # Space comes back: the same edit lands whole.
    filled.conn.execute("PRAGMA max_page_count = 1073741823")
    create_client(filled, big, f.case(filled), f.program(filled),
                  Confirmations(duplicate_ok=True, duplicate_reason="uji"), today=date(2026, 11, 22))
    assert check_database(filled) == []


def _fail_with(code: int):
    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))
    return fail


@pytest.mark.parametrize("step", ["fsync", "replace", "dev_full"])
def test_backup_to_a_full_disk_leaves_no_partial_file(filled, tmp_path, monkeypatch, step):
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    target = stick / "cadangan.rkupt"
    old = backup.backup_to(filled, target, password_for_encryption=PASSWORD)
    old_bytes = old.read_bytes()
    add_client(filled, 99)
    if step == "fsync":
        monkeypatch.setattr(backup.os, "fsync", _fail_with(errno.ENOSPC))
    elif step == "replace":
        monkeypatch.setattr(backup.os, "replace", _fail_with(errno.ENOSPC))
    else:
        real = crypto.encrypt_file

        def into_dev_full(src, _dst, password, **kw):  # the ciphertext goes to /dev/full
            with open("/dev/full", "wb") as full:
                real(src, full, password, **kw)
        monkeypatch.setattr(backup.crypto, "encrypt_file", into_dev_full)
    with pytest.raises(OperationError) as caught:
        backup.backup_to(filled, target, password_for_encryption=PASSWORD)
    assert caught.value.code == "disk_full"
    assert caught.value.message.startswith("Disk penuh")
    assert "tidak ada yang disimpan" in caught.value.message
    assert sorted(p.name for p in stick.iterdir()) == ["cadangan.rkupt"]  # no temp file
    assert target.read_bytes() == old_bytes  # the earlier backup of that name is whole
    assert list(backup._work_dir().iterdir()) == []  # nor a plaintext snapshot
    assert filled.scalar("PRAGMA integrity_check") == "ok"


@pytest.mark.parametrize("code,words", [(errno.EROFS, "hanya-baca"), (errno.ENOSPC, "Disk penuh")])
def test_automatic_backup_failure_leaves_the_backup_folder_clean(filled, monkeypatch, code, words):
    good = backup.automatic_backup(filled, "harian", keep=1)
    folder = good.parent
    monkeypatch.setattr(backup.safefile, "install", _fail_with(code))
    with pytest.raises(OperationError) as caught:
        backup.automatic_backup(filled, "harian", keep=1)
    assert words in caught.value.message
    assert sorted(p.name for p in folder.iterdir()) == [good.name]
    assert integrity(good) == ["ok"]


def test_a_migration_waits_for_its_backup(filled, db_path, monkeypatch):
    before = dump_tables(db_path)
    filled.close()
    migrations = [*storage.MIGRATIONS, lambda conn: conn.execute("UPDATE persons SET name = 'X'")]
    monkeypatch.setattr(storage, "MIGRATIONS", migrations)
    monkeypatch.setattr(storage, "SCHEMA_VERSION", len(migrations))
    monkeypatch.setattr(backup.os, "fsync", _fail_with(errno.ENOSPC))
    with pytest.raises(OperationError) as caught:
        Database.open(db_path)
    assert caught.value.code == "disk_full"
    assert dump_tables(db_path) == before  # not migrated without its backup


def test_restore_on_a_full_disk_changes_nothing(filled, db_path, tmp_path, monkeypatch):
    made = backup.backup_to(filled, tmp_path / "cadangan.sqlite3")
    add_client(filled, 98)
    filled.close()
    before = dump_tables(db_path)
    monkeypatch.setattr(backup.safefile.shutil, "copyfileobj", _fail_with(errno.ENOSPC))
    with pytest.raises(OperationError) as caught:
        backup.restore_database(db_path, made)
    assert caught.value.code == "disk_full"
    assert dump_tables(db_path) == before
    assert temp_files(db_path.parent) == []
    assert backup.list_backups(db_path) == []


# -- a read-only folder -----------------------------------------------------------------

def _read_only(monkeypatch, folder: Path) -> None:
    """``folder`` answers "not writable" as a read-only folder does (root passes os.access everywhere).

    Only the operating system's answer is changed; the program's own checks
    (storage.location_writable, safefile.check_write_target) run as they are.
    """
    real_access = os.access
    folder = folder.resolve()

    def access(path, mode, *args, **kwargs):
        p = Path(path).resolve()
        if mode & os.W_OK and (p == folder or folder in p.parents):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_read_only_folder(closed, tmp_path, capsys, password_env, monkeypatch):
    before = dump_tables(closed)
    latest = backup.latest_backup(closed).path
    elsewhere = tmp_path.parent / (tmp_path.name + "-lain")
    elsewhere.mkdir()
    _read_only(monkeypatch, closed.parent)
    assert not storage.location_writable(closed)
    # Reading works: check and backup open the file read-only.
    status, out, err = cli(capsys, "check", "--db", closed)
    assert (status, err) == (0, ""), err
    assert out.splitlines()[0] == f"Basis data {closed} baik: tidak ada masalah."
    assert out.splitlines()[1].startswith("Cadangan terbaru: ")
    status, out, err = cli(capsys, "backup", "--db", closed, "--out", elsewhere / "cadangan.sqlite3")
    assert (status, err) == (0, "")
    assert dump_tables(elsewhere / "cadangan.sqlite3") == before
    # A backup into the read-only folder itself names that folder.
    status, _out, err = cli(capsys, "backup", "--db", closed, "--out", tmp_path / "ro.sqlite3")
    assert status == 1
    assert line(err) == f"Lokasi {tmp_path} hanya-baca atau tanpa izin tulis: tidak ada yang disimpan."
    assert not (tmp_path / "ro.sqlite3").exists()
    # Writing is refused with a clear line.
    status, _out, err = cli(capsys, "restore", latest, "--db", closed)
    assert status == 1
    assert line(err) == (f"Lokasi {closed.parent} hanya-baca atau tanpa izin tulis: tidak dipulihkan, "
                         "tidak ada yang diubah.")
    import argparse
    args = argparse.Namespace(db=str(closed), password_file=None)
    with pytest.raises(OperationError) as caught, common.OpenedDatabase(args, write=True):
        pass
    assert caught.value.message == (f"Lokasi {closed.parent} hanya-baca atau tanpa izin tulis: perintah ini "
                                    "tidak dapat menyimpan.")
    assert dump_tables(closed) == before


def test_read_only_open_falls_back_when_sqlite_cannot_make_its_shm(filled, db_path, monkeypatch):
    """In a real read-only folder SQLite cannot create the -shm; the file is then read as immutable."""
    filled.close()
    before = files_of(db_path)
    real_connect = sqlite3.connect

    class NoShm:
        def __init__(self, conn):
            self.conn = conn

        def execute(self, *_args):
            self.conn.close()
            raise sqlite3.OperationalError("unable to open database file")

    def connect(database, *args, **kwargs):
        conn = real_connect(database, *args, **kwargs)
        if isinstance(database, str) and "mode=ro" in database and "immutable=1" not in database:
            return NoShm(conn)
        return conn

    monkeypatch.setattr(storage.sqlite3, "connect", connect)
    ro = Database.open(db_path, readonly=True)
    try:
        assert ro.readonly
        assert ro.scalar("SELECT count(*) FROM persons") == 10
        with pytest.raises(OperationError) as caught, ro.transaction():
            pass
        assert "hanya-baca" in caught.value.message
    finally:
        ro.close()
    monkeypatch.undo()
    assert files_of(db_path) == before


# -- locked by another running copy ------------------------------------------------------

HOLDER = """
import sys
from app.lockfile import DatabaseLock
lock = DatabaseLock(sys.argv[1])
lock.acquire()
print("terkunci", flush=True)
sys.stdin.read()
lock.release()
"""


def _hold_lock(path: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=REPO, env=env)
    assert holder.stdout.readline().strip() == "terkunci"
    return holder


def test_locked_by_another_copy_writers_refuse_readers_work(closed, tmp_path, capsys, password_env):
    holder = _hold_lock(closed)
    try:
        before = files_of(closed)
        latest = backup.latest_backup(closed).path
        status, out, err = cli(capsys, "restore", latest, "--db", closed)
        assert status == 1
        assert line(err) == ("Basis data ini sedang dibuka oleh Rekam UPT lain (proses "
                             f"{holder.pid} di {os.uname().nodename}). Tutup program itu dahulu.")
        # The demo generator's --replace also writes.
        status, out, err = cli(capsys, "demo", "--db", closed, "--replace", "--clients", "20")
        assert status == 1
        assert line(err).startswith("Basis data ini sedang dibuka oleh Rekam UPT lain")
        import argparse
        args = argparse.Namespace(db=str(closed), password_file=None)
        with pytest.raises(OperationError, match="sedang dibuka oleh Rekam UPT lain"), \
                common.OpenedDatabase(args, write=True):
            pass
        assert files_of(closed) == before
        # Readers still work while the other copy holds the lock.
        status, out, err = cli(capsys, "backup", "--db", closed, "--out", tmp_path / "x.sqlite3")
        assert status == 0, err
        status, out, err = cli(capsys, "check", "--db", closed)
        assert status == 0, err
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    status, out, err = cli(capsys, "restore", tmp_path / "x.sqlite3", "--db", closed)
    assert status == 0, err


def test_a_lock_left_by_a_killed_copy_is_taken_over(closed, capsys, password_env):
    holder = _hold_lock(closed)
    holder.kill()
    holder.wait(timeout=30)
    holder.stdin.close()
    status, _out, err = cli(capsys, "restore", backup.latest_backup(closed).path, "--db", closed)
    assert status == 0, err
