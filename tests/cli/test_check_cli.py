"""`rekam-upt check`: 0 when all is well, 1 with one line per problem, 2 when not a Rekam UPT database."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from safety_data import corrupt_copy, populate

from app.cli import run


def _check(capsys, path, *extra):
    status = run(["check", "--db", str(path), *extra])
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.fixture
def filled(db, password_env):
    populate(db, clients=6)
    db.checkpoint()
    return db


def _raw(path):
    conn = sqlite3.connect(path, isolation_level=None)
    return conn


def test_a_healthy_database_passes(filled, capsys):
    status, out, _ = _check(capsys, filled.path)
    assert status == 0 and "tidak ada masalah" in out
    status, out, _ = _check(capsys, filled.path, "--json")
    assert status == 0 and json.loads(out) == {"ok": True, "db": str(filled.path), "problems": [], "status": "ok"}


def test_an_audit_entry_edited_outside_the_program_is_found(filled, capsys):
    filled.close()
    conn = _raw(filled.path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET operator = 'orang lain' WHERE id = 3")
    conn.close()
    status, out, _ = _check(capsys, filled.path)
    assert status == 1
    assert "entri 3 diubah di luar program" in out
    assert "audit_log_no_update" in out  # the removed guard is reported too


def test_audit_entries_removed_in_the_middle_or_at_the_end_are_found(filled, capsys):
    last = filled.scalar("SELECT MAX(id) FROM audit_log")
    filled.close()
    conn = _raw(filled.path)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE id IN (4, ?)", (last,))
    conn.close()
    status, out, _ = _check(capsys, filled.path, "--json")
    codes = {p["code"] for p in json.loads(out)["problems"]}
    assert status == 1 and {"audit_gap", "audit_chain", "audit_tail"} <= codes


def test_grouping_and_stored_dates_that_no_longer_follow_are_found(filled, capsys):
    filled.close()
    conn = _raw(filled.path)
    conn.execute("DELETE FROM facts WHERE id = (SELECT MIN(id) FROM facts)")
    conn.execute("UPDATE cases SET expiry = '2030-01-01' WHERE id = (SELECT MIN(id) FROM cases)")
    conn.close()
    status, out, _ = _check(capsys, filled.path)
    assert status == 1
    assert "Pengelompokan tidak sesuai" in out and "tanggal pidana yang tidak sesuai" in out


def test_a_dropped_index_or_column_is_found(filled, capsys):
    filled.close()
    conn = _raw(filled.path)
    conn.execute("DROP INDEX persons_sort_name")
    conn.execute("ALTER TABLE persons DROP COLUMN guarantor")
    conn.close()
    status, out, _ = _check(capsys, filled.path, "--json")
    import json as _json
    problems = {p["code"]: p["message"] for p in _json.loads(out)["problems"]}
    assert status == 1
    assert "persons_sort_name" in problems["schema_index"] and "guarantor" in problems["schema_column"]


def test_internal_damage_is_reported_not_crashed(filled, capsys, tmp_path):
    filled.close()
    damaged = corrupt_copy(filled.path, tmp_path / "rusak.sqlite3")
    status, out, err = _check(capsys, damaged)
    assert status in (1, 2)
    assert "Traceback" not in out + err
    assert ("rusak" in (out + err).lower()) or ("kerusakan" in (out + err).lower())


def test_not_a_database_missing_file_and_wrong_password_exit_2(filled, capsys, tmp_path, monkeypatch):
    text = tmp_path / "catatan.sqlite3"
    text.write_text("bukan basis data")
    status, _, err = _check(capsys, text)
    assert status == 2 and "bukan basis data" in err
    status, _, err = _check(capsys, tmp_path / "tidak-ada.sqlite3")
    assert status == 2 and "tidak ada" in err
    assert not (tmp_path / "tidak-ada.sqlite3").exists()
    monkeypatch.setenv("REKAM_UPT_PASSWORD", "salah")
    status, _, err = _check(capsys, filled.path)
    assert status == 2 and "Kata sandi salah" in err


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
