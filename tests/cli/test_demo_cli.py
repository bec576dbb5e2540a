"""``rekam-upt demo``: exit statuses, JSON shape, the password, the lock, the default file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSWORD

from app.cli import run
from app.models.storage import Database
from app.operations.auth import check_password, login


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


def test_a_file_with_data_needs_replace(tmp_path, password_env, capsys):
    path = tmp_path / "demo.sqlite3"
    assert run(["demo", "--db", str(path), "--clients", "20", "--today", "2026-11-22"]) == 0
    before = path.read_bytes()
    capsys.readouterr()
    assert run(["demo", "--db", str(path), "--clients", "20", "--seed", "2", "--json"]) == 2
    assert "--replace" in _json(capsys)["error"]["message"]
    assert path.read_bytes() == before
    assert run(["demo", "--db", str(path), "--clients", "20", "--seed", "2", "--replace", "--json"]) == 0
    kept = Path(_json(capsys)["backup"])
    assert kept.is_file() and kept.read_bytes()[:16] == b"SQLite format 3\x00"


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
    db = Database.open(path)
    login(db, PASSWORD)  # as the window's first opening does: signs this demo's unkeyed trail
    db.close()
    checked = subprocess.run([sys.executable, "-m", "app", "check", "--db", str(path)], capture_output=True,
                             text=True, env=env, cwd=Path(__file__).resolve().parents[2], timeout=300, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
