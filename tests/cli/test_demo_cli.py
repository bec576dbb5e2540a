"""``rekam-upt demo``: exit statuses, JSON shape, the password, the lock, the default file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSWORD, TODAY

from app.cli import run
from app.models.storage import Database
from app.operations.auth import check_password


def _json(capsys) -> dict:
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1, out
    return json.loads(out[0])


def test_demo_writes_the_file_and_prints_json(tmp_path, password_env, capsys):
    path = tmp_path / "demo.sqlite3"
    assert run(["demo", "--db", str(path), "--clients", "120", "--seed", "5", "--today", "2026-11-22",
                "--json"]) == 0
    data = _json(capsys)
    assert {"ok", "db", "clients", "persons", "cases", "programs", "seconds"} <= set(data)
    assert data["ok"] is True and data["db"] == str(path)
    assert data["clients"] == data["persons"] == 120
    assert data["cases"] >= 120 and data["programs"] > 0 and data["seconds"] >= 0
    assert data["backup"] is None
    db = Database.open(path)
    try:
        assert db.get_setting("demo") is True
        assert check_password(db, PASSWORD)
    finally:
        db.close()


def test_text_result_is_one_indonesian_line(tmp_path, password_env, capsys):
    path = tmp_path / "demo.sqlite3"
    assert run(["demo", "--db", str(path), "--clients", "30", "--today", "2026-11-22"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("Data demo dibuat di ") and "30 klien" in out[0]


def test_without_db_the_demo_has_its_own_file(private_data_dir, password_env, capsys):
    from app.models.paths import default_db_path, demo_db_path

    assert run(["demo", "--clients", "25", "--today", "2026-11-22", "--json"]) == 0
    assert _json(capsys)["db"] == str(demo_db_path())
    assert demo_db_path().is_file() and not default_db_path().exists()


@pytest.mark.parametrize("clients", ["0", "-3", "1000001", "banyak", "2.5"])
def test_clients_out_of_range_is_bad_input(tmp_path, password_env, clients, capsys):
    path = tmp_path / "demo.sqlite3"
    assert run(["demo", "--db", str(path), "--clients", clients]) == 2
    assert "--clients" in capsys.readouterr().err
    assert not path.exists()


@pytest.mark.parametrize("args", [["--today", "2026-02-30"], ["--today", "kemarin"], ["--seed", "x"],
                                  ["--unit", "kantor"], []])
def test_other_bad_arguments_are_bad_input(tmp_path, password_env, args):
    clients = [] if not args else ["--clients", "10"]
    assert run(["demo", "--db", str(tmp_path / "demo.sqlite3"), *clients, *args]) == 2


def test_missing_password_off_a_terminal_is_bad_input(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    assert run(["demo", "--db", str(path), "--clients", "10", "--json"]) == 2
    data = _json(capsys)
    assert data["ok"] is False and data["exit_status"] == 2
    assert "REKAM_UPT_PASSWORD" in data["error"]["message"]
    assert not path.exists()


def test_password_from_a_file(tmp_path, capsys):
    secret = tmp_path / "sandi.txt"
    secret.write_text("kata-sandi-demo\n", encoding="utf-8")
    path = tmp_path / "demo.sqlite3"
    assert run(["demo", "--db", str(path), "--clients", "10", "--password-file", str(secret)]) == 0
    db = Database.open(path)
    try:
        assert check_password(db, "kata-sandi-demo")
    finally:
        db.close()


def _error(capsys) -> dict:
    data = _json(capsys)
    assert data["ok"] is False
    return data["error"]


def test_a_demo_file_is_replaced_only_with_replace_and_its_password(tmp_path, password_env, capsys, monkeypatch):
    path = tmp_path / "demo.sqlite3"
    assert run(["demo", "--db", str(path), "--clients", "20", "--today", "2026-11-22"]) == 0
    before = path.read_bytes()
    capsys.readouterr()
    assert run(["demo", "--db", str(path), "--clients", "20", "--seed", "2", "--json"]) == 2
    assert "--replace" in _error(capsys)["message"]
    assert path.read_bytes() == before
    monkeypatch.setenv("REKAM_UPT_PASSWORD", "sandi-berkas-lain")
    assert run(["demo", "--db", str(path), "--clients", "20", "--seed", "2", "--replace", "--json"]) == 2
    message = _error(capsys)["message"]
    assert message.startswith("Kata sandi salah") and "sandi-berkas-lain" not in message
    assert path.read_bytes() == before
    monkeypatch.setenv("REKAM_UPT_PASSWORD", PASSWORD)
    assert run(["demo", "--db", str(path), "--clients", "20", "--seed", "2", "--replace", "--json"]) == 0
    assert _json(capsys)["backup"] is None
    assert path.read_bytes() != before


def _real_database(path: Path) -> bytes:
    from factories import person

    from app.operations.auth import set_initial_password
    from app.operations.clients import create_client

    db = Database.open(path, create=True)
    try:
        set_initial_password(db, PASSWORD)
        create_client(db, person(), today=TODAY)
    finally:
        db.close()
    return path.read_bytes()


def test_replace_never_replaces_real_data(tmp_path, password_env, capsys):
    path = tmp_path / "rekam-upt.sqlite3"
    before = _real_database(path)
    for flags in ([], ["--replace"]):
        assert run(["demo", "--db", str(path), "--clients", "20", *flags, "--json"]) == 2
        error = _error(capsys)
        assert error["code"] == "real_data" and "--replace-real-data" in error["message"]
        assert path.read_bytes() == before
    from app.models.backup import list_backups

    assert list_backups(path) == []


def test_real_data_is_replaced_with_its_password_after_a_backup(tmp_path, password_env, capsys, monkeypatch):
    path = tmp_path / "rekam-upt.sqlite3"
    before = _real_database(path)
    monkeypatch.setenv("REKAM_UPT_PASSWORD", "bukan-sandinya-1")
    assert run(["demo", "--db", str(path), "--clients", "20", "--replace-real-data", "--json"]) == 2
    assert _error(capsys)["code"] == "wrong_password"
    assert path.read_bytes() == before
    monkeypatch.setenv("REKAM_UPT_PASSWORD", PASSWORD)
    assert run(["demo", "--db", str(path), "--clients", "20", "--replace-real-data", "--json"]) == 0
    kept = Database.open(Path(_json(capsys)["backup"]), readonly=True)
    try:
        assert kept.scalar("SELECT name FROM persons") == "Budi Santoso"
    finally:
        kept.close()


@pytest.mark.parametrize("code", ["not_database", "foreign"])
def test_other_files_are_never_replaced(tmp_path, password_env, capsys, code):
    path = tmp_path / "catatan.sqlite3"
    if code == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.execute("PRAGMA application_id = 7")
        conn.commit()
        conn.close()
    else:
        path.write_bytes(b"catatan pribadi, bukan basis data\n")
    before = path.read_bytes()
    for flag in ("--replace", "--replace-real-data"):
        assert run(["demo", "--db", str(path), "--clients", "20", flag]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "tidak diganti dengan data demo" in err[0]
        assert path.read_bytes() == before


@pytest.mark.parametrize("digits", ["٣٠", "३०", "３０", "3٠"])
@pytest.mark.parametrize("option", ["--clients", "--seed"])
def test_only_ascii_digits_are_accepted(tmp_path, password_env, capsys, digits, option):
    path = tmp_path / "demo.sqlite3"
    args = {"--clients": "30", "--seed": "1", option: digits}
    assert run(["demo", "--db", str(path), *(x for kv in args.items() for x in kv)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"{option} hanya menerima angka 0-9" in err[0]
    assert not path.exists()


def test_refused_while_the_window_holds_the_file(tmp_path, password_env, capsys):
    from app.lockfile import DatabaseLock

    path = tmp_path / "demo.sqlite3"
    with DatabaseLock(path):
        assert run(["demo", "--db", str(path), "--clients", "10"]) == 1
    assert "sedang dibuka" in capsys.readouterr().err
    assert not path.exists()


@pytest.mark.slow
def test_the_installed_command_runs_with_worker_processes(tmp_path):
    """End to end through ``python -m app``: enough clients for the worker processes."""
    path = tmp_path / "demo.sqlite3"
    env = {**os.environ, "REKAM_UPT_PASSWORD": PASSWORD}
    done = subprocess.run([sys.executable, "-m", "app", "demo", "--db", str(path), "--clients", "4500",
                           "--unit", "lapas", "--today", "2026-11-22", "--json"],
                          capture_output=True, text=True, env=env, cwd=Path(__file__).resolve().parents[2],
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["persons"] == 4500
    checked = subprocess.run([sys.executable, "-m", "app", "check", "--db", str(path)], capture_output=True,
                             text=True, env=env, cwd=Path(__file__).resolve().parents[2], timeout=300, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
