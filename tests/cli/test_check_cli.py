"""`rekam-upt check`: 0 when all is well, 1 with one line per problem, 2 when not a Rekam UPT database.

It only reads: no migration, no set-up, no -wal/-shm left beside the file.  Each test
asserts the exact exit status, the message, and (where the file could change) that it
did not.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from safety_data import corrupt_copy, dump_tables, populate

from app.cli import run


def _check(capsys, path, *extra):
    status = run(["check", "--db", str(path), *extra])
    out = capsys.readouterr()
    return status, out.out, out.err


def _problems(capsys, path) -> tuple[int, dict[str, str]]:
    status, out, err = _check(capsys, path, "--json")
    assert err == ""
    data = json.loads(out)
    return status, {p["code"]: p["message"] for p in data["problems"]}


@pytest.fixture
def filled(db, password_env):
    populate(db, clients=6)
    db.checkpoint()
    return db


def _raw(path):
    return sqlite3.connect(path, isolation_level=None)


def _side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


def test_a_healthy_database_passes(filled, capsys):
    filled.close()
    before = filled.path.read_bytes()
    status, out, err = _check(capsys, filled.path)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines == [f"Basis data {filled.path} baik: tidak ada masalah.",
                     "Belum ada cadangan otomatis untuk berkas ini."]
    status, out, _ = _check(capsys, filled.path, "--json")
    assert status == 0 and json.loads(out) == {"ok": True, "db": str(filled.path), "problems": [], "status": "ok",
                                               "latest_backup": None}
    assert filled.path.read_bytes() == before and _side_files(filled.path) == []


def test_the_newest_backup_and_its_age_are_reported(filled, capsys):
    from app.models import backup

    made = backup.automatic_backup(filled, "harian", 5)
    filled.close()
    status, out, _ = _check(capsys, filled.path)
    assert status == 0
    assert out.splitlines()[-1].startswith(f"Cadangan terbaru: {made} (") and out.rstrip().endswith("hari ini).")
    status, out, _ = _check(capsys, filled.path, "--json")
    latest = json.loads(out)["latest_backup"]
    assert status == 0 and latest["path"] == str(made) and latest["age_days"] == 0 and latest["reason"] == "harian"


def test_an_audit_entry_edited_outside_the_program_is_found(filled, capsys):
    filled.close()
    conn = _raw(filled.path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET operator = 'orang lain' WHERE id = 3")
    conn.close()
    status, out, err = _check(capsys, filled.path)
    assert (status, err) == (1, "")
    lines = out.splitlines()
    assert "Jejak audit: entri 3 diubah di luar program." in lines
    assert "Pelindung jejak audit (audit_log_no_update) dihapus di luar program." in lines


def test_audit_entries_removed_in_the_middle_or_at_the_end_are_found(filled, capsys):
    last = filled.scalar("SELECT MAX(id) FROM audit_log")
    filled.close()
    conn = _raw(filled.path)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE id IN (4, ?)", (last,))
    conn.close()
    status, problems = _problems(capsys, filled.path)
    assert status == 1
    assert problems["audit_gap"] == "Jejak audit: entri 4-4 hilang (dihapus di luar program)."
    assert problems["audit_chain"] == "Jejak audit: entri 5 tidak menyambung ke entri sebelumnya."
    assert problems["audit_tail"] == (f"Jejak audit: entri terakhir (nomor {last}) hilang atau diubah "
                                      "di luar program.")


def test_grouping_and_stored_dates_that_no_longer_follow_are_found(filled, capsys):
    filled.close()
    conn = _raw(filled.path)
    conn.execute("DELETE FROM facts WHERE id = (SELECT MIN(id) FROM facts)")
    conn.execute("UPDATE cases SET expiry = '2030-01-01' WHERE id = (SELECT MIN(id) FROM cases)")
    conn.close()
    status, problems = _problems(capsys, filled.path)
    assert status == 1 and set(problems) == {"grouping", "dates"}
    assert problems["grouping"] == "Pengelompokan tidak sesuai data: 1 baris kurang, 0 baris lebih."
    assert problems["dates"] == ("1 perkara menyimpan tanggal pidana yang tidak sesuai hitungan "
                                 "(mis. perkara #1).")


def test_a_dropped_index_or_column_is_found(filled, capsys):
    filled.close()
    conn = _raw(filled.path)
    conn.execute("DROP INDEX persons_sort_name")
    conn.execute("ALTER TABLE persons DROP COLUMN guarantor")
    conn.close()
    status, problems = _problems(capsys, filled.path)
    assert status == 1
    assert problems["schema_index"] == ("Indeks tabel persons hilang (pencarian dan pengelompokan jadi lambat): "
                                        "persons_sort_name.")
    assert problems["schema_column"] == "Tabel persons kehilangan kolom: guarantor."


def test_internal_damage_is_reported_and_leaves_nothing_beside_the_file(filled, capsys, tmp_path):
    filled.close()
    damaged = corrupt_copy(filled.path, tmp_path / "rusak.sqlite3")
    before = damaged.read_bytes()
    status, out, err = _check(capsys, damaged)
    assert (status, err) == (1, "")
    assert out.startswith("Kerusakan SQLite: ")
    assert "Traceback" not in out
    assert damaged.read_bytes() == before
    assert _side_files(damaged) == []  # no -wal or -shm left behind


def test_an_empty_file_is_not_a_database_and_stays_empty(capsys, tmp_path, password_env):
    empty = tmp_path / "kosong.sqlite3"
    empty.write_bytes(b"")
    status, out, err = _check(capsys, empty)
    assert (status, out) == (2, "")
    assert err == f"{empty} bukan basis data Rekam UPT (berkas kosong).\n"
    assert empty.read_bytes() == b"" and _side_files(empty) == []


def test_not_a_database_missing_file_and_wrong_password_exit_2(filled, capsys, tmp_path, monkeypatch):
    text = tmp_path / "catatan.sqlite3"
    text.write_text("bukan basis data")
    status, _, err = _check(capsys, text)
    assert status == 2
    assert err == (f"{text} bukan basis data Rekam UPT (bukan berkas SQLite, mungkin rusak). "
                   "Pulihkan dari cadangan terakhir.\n")
    status, _, err = _check(capsys, tmp_path / "tidak-ada.sqlite3")
    assert (status, err) == (2, f"Berkas basis data tidak ada: {tmp_path / 'tidak-ada.sqlite3'}\n")
    assert not (tmp_path / "tidak-ada.sqlite3").exists()
    monkeypatch.setenv("REKAM_UPT_PASSWORD", "salah")
    status, out, err = _check(capsys, filled.path)
    assert (status, out, err) == (2, "", "Kata sandi salah.\n")


def test_an_older_schema_is_reported_not_upgraded(filled, capsys, monkeypatch):
    """A file one schema behind: check says the program must upgrade it, and leaves it as it is."""
    from app.models import storage
    from app.models.schema import SCHEMA_VERSION
    from app.operations import checks

    filled.close()
    before = dump_tables(filled.path)
    newer = SCHEMA_VERSION + 1
    monkeypatch.setattr(storage, "SCHEMA_VERSION", newer)
    monkeypatch.setattr(checks, "SCHEMA_VERSION", newer)
    status, out, err = _check(capsys, filled.path)
    assert (status, err) == (1, "")
    assert out.splitlines()[0] == (f"Skema berkas versi {SCHEMA_VERSION}, program ini memakai {newer}: berkas perlu "
                                   "diperbarui oleh program (buka dengan rekam-upt). check tidak mengubahnya.")
    assert dump_tables(filled.path) == before


@pytest.mark.parametrize("table", ["facts", "audit_log", "settings"])
def test_a_dropped_table_is_a_problem_not_a_traceback(filled, capsys, table):
    filled.close()
    conn = _raw(filled.path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(f"DROP TABLE {table}")
    conn.close()
    status, problems = _problems(capsys, filled.path)
    assert status == 1
    assert problems["schema_table"] == f"Tabel {table} hilang."
    if table == "settings":
        # Without its settings the file has no password record either.
        assert problems["password_damaged"].startswith(f"Catatan kata sandi di {filled.path} rusak")


@pytest.mark.parametrize("key", ["auth", "audit_head", "office"])
def test_damaged_json_in_a_settings_row_is_a_problem(filled, capsys, key):
    filled.close()
    conn = _raw(filled.path)
    conn.execute("UPDATE settings SET value = '{\"rusak' WHERE key = ?", (key,))
    conn.close()
    status, out, err = _check(capsys, filled.path)
    assert (status, err) == (1, "")
    if key == "auth":
        assert out.startswith(f"Catatan kata sandi di {filled.path} rusak: berkas tidak dibuka. "
                              f"Pulihkan dari cadangan: rekam-upt restore BERKAS-CADANGAN --db {filled.path}")
    else:
        assert f"Pengaturan '{key}' rusak (isinya bukan JSON yang terbaca)." in out.splitlines()


def test_absurd_scrypt_parameters_are_a_problem_not_a_memory_error(filled, capsys):
    record = filled.get_setting("auth")
    filled.close()
    conn = _raw(filled.path)
    conn.execute("UPDATE settings SET value = ? WHERE key = 'auth'",
                 (json.dumps({**record, "n": 2**40, "r": 1024}),))
    conn.close()
    status, problems = _problems(capsys, filled.path)
    assert status == 1
    assert problems["password_damaged"].startswith(f"Catatan kata sandi di {filled.path} rusak")


def test_a_deleted_password_record_is_reported_with_the_restore_command(filled, capsys):
    from app.models import backup

    made = backup.automatic_backup(filled, "harian", 5)
    filled.close()
    conn = _raw(filled.path)
    conn.execute("DELETE FROM settings WHERE key = 'auth'")
    conn.close()
    status, problems = _problems(capsys, filled.path)
    assert status == 1
    assert problems["password_missing"] == (
        f"Catatan kata sandi di {filled.path} hilang (dihapus di luar program): berkas tidak dibuka. "
        f"Pulihkan dari cadangan: rekam-upt restore {made} --db {filled.path}")


def test_a_read_only_folder_still_sees_changes_waiting_in_the_wal(filled, monkeypatch, tmp_path):
    """Opened read-only where -shm cannot be made, the -wal's committed rows still count."""
    from app.models import storage

    folder = tmp_path / "ro"
    folder.mkdir()
    conn = _raw(filled.path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    # Copy the file while its -wal holds a committed change that is not in the main file.
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE persons SET phone = '081111111111' WHERE id = 1")
    conn.execute("COMMIT")
    for suffix in ("", "-wal"):
        shutil.copyfile(str(filled.path) + suffix, str(folder / "data.sqlite3") + suffix)
    conn.close()
    real_connect = sqlite3.connect

    def no_shm(target, *args, **kwargs):  # simulate a folder where SQLite cannot create -shm
        if isinstance(target, str) and str(folder) in target and "immutable" not in target:
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(storage.sqlite3, "connect", no_shm)
    db = storage.Database.open(folder / "data.sqlite3", readonly=True)
    assert db.scalar("SELECT phone FROM persons WHERE id = 1") == "081111111111"
    db.close()
