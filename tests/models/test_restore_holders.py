"""Restore refuses while anything else holds the database file (issue 7, "Data loss").

Before: with another process inside a read transaction, restore labelled the healthy
old file as damaged ("…-rusak") and removed the -wal under the reader; a connection
left idle across the restore could write into the replaced file.  Now the restore
claims the file first (in WAL mode only a connection with no other one open can
leave WAL) and refuses with one line, changing nothing: the file and its -wal are
byte for byte as they were, no backup is added, no temporary file is left.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSWORD
from safety_data import add_client, dump_tables, populate, temp_files

import app.cli
from app.cli import common
from app.models import backup
from app.models.errors import OperationError
from app.models.storage import Database
from app.operations.auth import set_initial_password

REPO = Path(__file__).resolve().parents[2]

# A second process holding the database the way another program would.
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "read":       # inside a read transaction
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM persons").fetchone()
elif sys.argv[2] == "idle":     # opened, read once, then left idle
    conn.execute("SELECT count(*) FROM persons").fetchone()
print("siap", flush=True)
sys.stdin.read()
conn.close()
"""


@pytest.fixture(autouse=True)
def not_on_a_terminal(monkeypatch):
    monkeypatch.setattr(common, "is_interactive", lambda: False)


@pytest.fixture
def setup(tmp_path):
    """A database with records, a backup of an older state, and one more client since."""
    path = tmp_path / "data.sqlite3"
    db = Database.open(path, create=True)
    set_initial_password(db, PASSWORD)
    populate(db, 6)
    made = backup.backup_to(db, tmp_path / "cadangan.sqlite3")
    add_client(db, 60)
    db.close()
    return path, made


def hold(path: Path, how: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), how], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert proc.stdout.readline().strip() == "siap"
    return proc


def let_go(proc: subprocess.Popen) -> None:
    proc.stdin.close()
    proc.wait(timeout=30)
    proc.stdout.close()


def files_of(path: Path) -> dict[str, bytes]:
    return {s: Path(str(path) + s).read_bytes() for s in ("", "-wal") if Path(str(path) + s).exists()}


@pytest.mark.parametrize("how", ["read", "idle"])
def test_restore_refuses_while_another_process_holds_the_file(setup, capsys, password_env, how):
    path, made = setup
    current = dump_tables(path)
    holder = hold(path, how)
    try:
        before = files_of(path)
        status = app.cli.run(["restore", str(made), "--db", str(path)])
        captured = capsys.readouterr()
        assert status == 1 and captured.out == ""
        assert captured.err == (f"Basis data {path} sedang dibuka oleh program lain (jendela Rekam UPT, "
                                "perintah lain, atau program yang membacanya): tutup dahulu, lalu pulihkan. "
                                "Tidak ada yang diubah.\n")
        assert files_of(path) == before  # the file and its -wal, byte for byte
        assert backup.list_backups(path) == []  # no "sebelum-pulih", and above all no "rusak"
        assert temp_files(path.parent) == []
    finally:
        let_go(holder)
    assert dump_tables(path) == current
    # Once the other program has closed it, the same restore goes through.
    status = app.cli.run(["restore", str(made), "--db", str(path)])
    assert status == 0, capsys.readouterr().err
    assert dump_tables(path) == dump_tables(made)
    assert [e.reason for e in backup.list_backups(path)] == ["sebelum-pulih"]


def test_restore_refuses_while_a_connection_of_this_process_is_open(setup):
    path, made = setup
    still_open = Database.open(path)  # e.g. a window that did not close its connection
    try:
        before = files_of(path)
        with pytest.raises(OperationError) as caught:
            backup.restore_database(path, made)
        assert caught.value.code == "in_use"
        assert files_of(path) == before
        # The connection is still on the real file and sees every record.
        assert still_open.scalar("SELECT count(*) FROM persons") == 7
    finally:
        still_open.close()
    info = backup.restore_database(path, made)
    assert info.kept_reason == "sebelum-pulih"


def test_no_connection_survives_a_restore_on_the_old_file(setup):
    """After a restore, every new connection sees the restored records, none the old file."""
    path, made = setup
    backup.restore_database(path, made)
    reopened = Database.open(path)
    try:
        assert reopened.scalar("SELECT count(*) FROM persons") == 6
        add_client(reopened, 61)
    finally:
        reopened.close()
    assert len(dump_tables(path)["persons"]) == 7
    assert os.path.getsize(path) > 0
