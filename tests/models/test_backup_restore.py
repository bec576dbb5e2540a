"""Backups and restore: consistent copies, rotation, and restores that give back every row."""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import PASSWORD
from safety_data import (
    add_client,
    corrupt_copy,
    corrupt_schema,
    dump_tables,
    integrity,
    populate,
    temp_files,
)

from app.models import backup, paths, storage
from app.models.dates import format_date
from app.models.errors import OperationError, UserInputError
from app.models.schema import APPLICATION_ID, SCHEMA_VERSION
from app.models.storage import Database
from app.operations.auth import change_password, check_password

NEW_PASSWORD = "sandi-baru-456"


@pytest.fixture
def filled(db):
    populate(db, 12)
    return db


@pytest.fixture
def out_dir(tmp_path) -> Path:
    folder = tmp_path / "flashdisk"
    folder.mkdir()
    return folder


def sidecars(path: Path) -> list[str]:
    return [s for s in ("-wal", "-shm", "-journal") if Path(str(path) + s).exists()]


# -- backups ---------------------------------------------------------------------------

def test_backup_is_a_consistent_snapshot_while_a_write_transaction_is_open(filled, db_path, out_dir):
    before = dump_tables(db_path)
    other = Database.open(db_path)  # "the window", writing in WAL mode
    try:
        with other.transaction():
            add_client(other, 100)
            # Mid-transaction: another connection's backup, and one through the writer itself.
            backup.backup_to(filled, out_dir / "a.sqlite3")
            backup.backup_to(other, out_dir / "b.sqlite3")
        assert other.scalar("SELECT count(*) FROM persons") == 13
    finally:
        other.close()
    for name in ("a.sqlite3", "b.sqlite3"):
        made = out_dir / name
        assert integrity(made) == ["ok"]
        assert dump_tables(made) == before  # the committed state only, every row
        assert sidecars(made) == []         # one self-contained file
        assert made.stat().st_mode & 0o777 == 0o600
    assert temp_files(out_dir) == []
    after = backup.backup_to(filled, out_dir / "c.sqlite3")
    assert len(dump_tables(after)["persons"]) == 13


def test_encrypted_backup_holds_no_plaintext(filled, out_dir):
    made = backup.backup_to(filled, out_dir / "rahasia.rkupt", password_for_encryption=PASSWORD)
    raw = made.read_bytes()
    assert raw.startswith(b"RKUPT-ENC\x02")
    assert b"Santoso" not in raw and b"SQLite format 3" not in raw
    assert temp_files(out_dir) == []
    assert list(backup._work_dir().iterdir()) == []  # the plaintext snapshot is gone too


def test_backup_refuses_to_overwrite_the_database_or_a_foreign_file(filled, db_path, out_dir):
    with pytest.raises(UserInputError, match="menimpa basis data itu sendiri"):
        backup.backup_to(filled, db_path)
    letter = out_dir / "surat.docx"
    letter.write_bytes(b"PK\x03\x04 a document")
    with pytest.raises(UserInputError, match="bukan cadangan Rekam UPT: tidak ditimpa"):
        backup.backup_to(filled, letter)
    assert letter.read_bytes() == b"PK\x03\x04 a document"
    with pytest.raises(UserInputError, match="Folder tujuan tidak ada"):
        backup.backup_to(filled, out_dir / "tidak-ada" / "x.sqlite3")
    # An older backup of the same name is replaced (atomically).
    first = backup.backup_to(filled, out_dir / "cadangan.sqlite3")
    add_client(filled, 50)
    backup.backup_to(filled, first)
    assert len(dump_tables(first)["persons"]) == 13


def test_rotation_keeps_the_newest_n_and_never_the_special_ones(filled, db_path):
    special = [backup.automatic_backup(filled, "sebelum-pulih", keep=3),
               backup.automatic_backup(filled, "migrasi", keep=3)]
    made = [backup.automatic_backup(filled, reason, keep=3)
            for reason in ("harian", "keluar", "harian", "harian", "keluar")]
    entries = backup.list_backups(db_path)
    routine = [e.path for e in entries if e.reason in ("harian", "keluar")]
    assert routine == list(reversed(made[-3:]))  # the newest three, newest first
    assert all(p.exists() for p in special)
    assert not any(p.exists() for p in made[:2])
    assert backup.latest_backup(db_path).path == made[-1]
    assert entries[0].path.parent == paths.backup_dir_for(db_path)
    assert entries[0].path.name.startswith(f"rekam-upt-{date.today():%Y%m%d}-")
    assert re.search(r"-keluar(-\d+)?\.sqlite3$", entries[0].path.name)
    assert all(integrity(e.path) == ["ok"] for e in entries)


def test_daily_backup_is_due_once_a_day(filled, db_path):
    today = date.today()
    assert backup.daily_backup_due(db_path, today)
    assert backup.maybe_daily_backup(filled, today) is not None
    assert not backup.daily_backup_due(db_path, today)
    assert backup.maybe_daily_backup(filled, today) is None
    assert backup.daily_backup_due(db_path, today + timedelta(days=1))


def test_a_damaged_database_is_not_backed_up_over_good_backups(filled, db_path, tmp_path):
    good = backup.automatic_backup(filled, "harian", keep=1)
    filled.close()
    damaged = corrupt_copy(db_path, tmp_path / "rusak.sqlite3")
    shutil.copyfile(damaged, db_path)
    storage_db = Database.open(db_path)
    try:
        with pytest.raises(OperationError) as caught:
            backup.automatic_backup(storage_db, "harian", keep=1)
    finally:
        storage_db.close()
    assert caught.value.code == "corrupt"
    assert "cadangan lama tetap utuh" in caught.value.message
    assert good.exists() and integrity(good) == ["ok"]  # rotation did not run
    assert [e.path for e in backup.list_backups(db_path)] == [good]


def test_backup_before_migration_keeps_the_unmigrated_file(filled, db_path, monkeypatch):
    before = dump_tables(db_path)
    filled.close()

    def _v2(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE persons ADD COLUMN v2_note TEXT NOT NULL DEFAULT 'baru'")

    migrations = [*storage.MIGRATIONS, _v2]
    monkeypatch.setattr(storage, "MIGRATIONS", migrations)
    monkeypatch.setattr(storage, "SCHEMA_VERSION", len(migrations))
    monkeypatch.setattr(backup, "SCHEMA_VERSION", len(migrations))
    upgraded = Database.open(db_path)
    try:
        assert upgraded.user_version() == SCHEMA_VERSION + 1
    finally:
        upgraded.close()
    kept = backup.list_backups(db_path)
    assert [e.reason for e in kept] == ["migrasi"]
    assert dump_tables(kept[0].path) == before


def test_a_failing_migration_lands_nowhere_and_the_backup_exists(filled, db_path, monkeypatch):
    before = dump_tables(db_path)
    filled.close()

    def _v2(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE persons SET name = 'X'")
        raise sqlite3.OperationalError("disk I/O error")

    migrations = [*storage.MIGRATIONS, _v2]
    monkeypatch.setattr(storage, "MIGRATIONS", migrations)
    monkeypatch.setattr(storage, "SCHEMA_VERSION", len(migrations))
    with pytest.raises(OperationError):
        Database.open(db_path)
    assert dump_tables(db_path) == before
    assert [e.reason for e in backup.list_backups(db_path)] == ["migrasi"]


# -- inspecting and restoring -------------------------------------------------------------

def test_inspect_backup_says_what_it_holds(filled, out_dir):
    plain = backup.backup_to(filled, out_dir / "a.sqlite3")
    sealed = backup.backup_to(filled, out_dir / "a.rkupt", password_for_encryption=PASSWORD)
    for path, password in ((plain, None), (sealed, PASSWORD)):
        info = backup.inspect_backup(path, password)
        assert (info.persons, info.cases, info.programs) == (12, 12, 12)
        assert info.schema_version == SCHEMA_VERSION
        assert info.encrypted == (path == sealed)
        assert info.has_password and info.password_set_at.date() == date.today()
        assert info.path == path
    with pytest.raises(UserInputError, match="terenkripsi: kata sandi diperlukan"):
        backup.inspect_backup(sealed)


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_restore_gives_back_exactly_the_same_records(filled, db_path, out_dir, encrypted):
    made = backup.backup_to(filled, out_dir / "cadangan.bak",
                            password_for_encryption=PASSWORD if encrypted else None)
    at_backup = dump_tables(db_path)
    # Work goes on after the backup: more clients, a new password.
    add_client(filled, 40)
    add_client(filled, 41)
    change_password(filled, PASSWORD, NEW_PASSWORD)
    filled.close()
    before_restore = dump_tables(db_path)  # a read-only reader leaves -wal/-shm behind
    assert sidecars(db_path) != []

    info = backup.restore_database(db_path, made, password=PASSWORD if encrypted else None)

    assert sidecars(db_path) == []  # gone: no stale WAL can be replayed onto the new file
    assert temp_files(db_path.parent) == []
    assert dump_tables(db_path) == at_backup  # row by row, every table
    assert integrity(db_path) == ["ok"]
    # The replaced file was kept as a backup, whole.
    assert info.kept_reason == "sebelum-pulih"
    assert info.kept.parent == paths.backup_dir_for(db_path)
    assert dump_tables(info.kept) == before_restore
    # Which password applies now: the one in force when the backup was made.
    expected = ("Kata sandi yang berlaku sekarang adalah kata sandi saat cadangan dibuat "
                f"(diubah terakhir {format_date(date.today())}).")
    assert info.password_message == expected
    assert expected in info.message
    reopened = Database.open(db_path)
    try:
        assert check_password(reopened, PASSWORD)
        assert not check_password(reopened, NEW_PASSWORD)
        from app.operations.checks import check_database
        assert check_database(reopened) == []
    finally:
        reopened.close()


def test_restore_a_backup_without_password_says_so(tmp_path, out_dir):
    bare_path = tmp_path / "tanpa-sandi.sqlite3"
    bare = Database.open(bare_path, create=True)  # never given a password, so it holds nothing
    made = backup.backup_to(bare, out_dir / "x.sqlite3")
    bare.close()
    info = backup.restore_database(tmp_path / "baru.sqlite3", made)
    assert "tidak memiliki kata sandi" in info.password_message
    assert info.kept is None  # there was no file to keep


def test_restore_onto_a_fresh_machine_creates_the_file(filled, out_dir, tmp_path):
    made = backup.backup_to(filled, out_dir / "x.rkupt", password_for_encryption=PASSWORD)
    target = tmp_path / "komputer-baru" / "data" / "rekam-upt.sqlite3"
    backup.restore_database(target, made, password=PASSWORD)
    assert dump_tables(target)["persons"] == dump_tables(filled.path)["persons"]


def _assert_refused(db_path: Path, source: Path, words: list[str], password: str | None = None,
                    error: type = UserInputError) -> None:
    before = dump_tables(db_path)
    before_bytes = db_path.read_bytes()
    with pytest.raises(error) as caught:
        backup.restore_database(db_path, source, password=password)
    for word in words:
        assert word in caught.value.message
    assert dump_tables(db_path) == before
    assert db_path.read_bytes() == before_bytes
    assert temp_files(db_path.parent) == []
    assert backup.list_backups(db_path) == []  # nothing was set aside: nothing happened


def test_wrong_password_for_an_encrypted_backup_changes_nothing(filled, db_path, out_dir):
    made = backup.backup_to(filled, out_dir / "x.rkupt", password_for_encryption=PASSWORD)
    add_client(filled, 77)
    filled.close()
    _assert_refused(db_path, made, ["Kata sandi salah atau berkas cadangan rusak."], password="bukan-ini-123")
    _assert_refused(db_path, made, ["terenkripsi", "kata sandi diperlukan"], password=None)


def test_refused_sources_change_nothing(filled, db_path, out_dir, tmp_path):
    good = backup.backup_to(filled, out_dir / "baik.sqlite3")
    filled.close()

    foreign = tmp_path / "lain.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()
    _assert_refused(db_path, foreign, ["milik program lain", "bukan cadangan Rekam UPT"])

    text = tmp_path / "catatan.sqlite3"
    text.write_text("Ini bukan basis data.\n" * 50)
    _assert_refused(db_path, text, ["bukan berkas cadangan Rekam UPT"])

    empty = tmp_path / "kosong.sqlite3"
    empty.write_bytes(b"")
    _assert_refused(db_path, empty, ["bukan berkas cadangan Rekam UPT"])

    newer = tmp_path / "baru.sqlite3"
    shutil.copyfile(good, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    newer_bytes = newer.read_bytes()
    _assert_refused(db_path, newer, ["versi Rekam UPT yang lebih baru", "perbarui program"])
    assert newer.read_bytes() == newer_bytes  # the newer file itself is never touched

    damaged = corrupt_copy(good, tmp_path / "rusak.sqlite3")
    damaged_bytes = damaged.read_bytes()
    _assert_refused(db_path, damaged, ["rusak", "pemeriksaan keutuhan gagal", "tidak dipulihkan"])
    assert damaged.read_bytes() == damaged_bytes

    _assert_refused(db_path, tmp_path / "tidak-ada.sqlite3", ["Berkas cadangan tidak ada"])
    _assert_refused(db_path, db_path, ["basis data itu sendiri"])


def test_restore_over_a_damaged_file_keeps_its_bytes(filled, db_path, out_dir, tmp_path):
    made = backup.backup_to(filled, out_dir / "baik.sqlite3")
    at_backup = dump_tables(db_path)
    filled.close()
    corrupt_schema(db_path)
    damaged_bytes = db_path.read_bytes()
    with pytest.raises(OperationError) as caught:
        Database.open(db_path)
    assert caught.value.code == "corrupt"

    info = backup.restore_database(db_path, made)

    assert info.kept_reason == "rusak"
    assert info.kept.read_bytes() == damaged_bytes  # nothing lost, even the damaged file
    assert "rusak disalin" in info.message
    assert dump_tables(db_path) == at_backup
    assert backup.latest_backup(db_path) is None  # a damaged copy is not offered as a backup


def test_restore_never_overwrites_a_newer_or_foreign_database(filled, db_path, out_dir):
    made = backup.backup_to(filled, out_dir / "baik.sqlite3")
    filled.close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(OperationError) as caught:
        backup.restore_database(db_path, made)
    assert "lebih baru" in caught.value.message and "Tidak ditimpa" in caught.value.message
    assert db_path.read_bytes() == before
    assert sidecars(db_path) == []

    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA application_id = 7")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(OperationError, match="milik program lain"):
        backup.restore_database(db_path, made)
    assert db_path.read_bytes() == before
    assert APPLICATION_ID != 7


def test_fault_hint_names_the_latest_backup_and_the_command(filled, db_path):
    made = backup.automatic_backup(filled, "harian")
    err = OperationError("Basis data rusak.", code="corrupt")
    hint = backup.fault_hint(err, db_path)
    assert hint.startswith(f"Cadangan terakhir: {made} (")
    assert hint.endswith(f"Pulihkan dengan: rekam-upt restore {made} --db {db_path}")
    assert backup.fault_hint(OperationError("x", code="locked"), db_path) is None
    hinted = backup.with_fault_hint(err, db_path)
    assert hinted.message.startswith("Basis data rusak. Cadangan terakhir:")
    assert "\n" not in hinted.message
