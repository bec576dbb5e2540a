"""The program opens no network connection: command-line runs under an audit-hook guard.

Each command runs in a child process whose first act is to install the guard
from tests/netguard.py; any socket connect, bind, send or name lookup is logged
and made to fail.  The commands must succeed and the log must stay empty.  The
guard itself is tested first, so an empty log means something.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import netguard
import pytest
from conftest import PASSWORD
from safety_data import populate

REPO = Path(__file__).resolve().parents[1]


def run_guarded(args: list, log: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(REPO), **env}
    return subprocess.run(netguard.command([str(a) for a in args], log),  # noqa: PLW1510 (the status is asserted)
                          cwd=REPO, env=environment, capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)


def test_the_guard_catches_network_attempts(tmp_path):
    log = tmp_path / "net.log"
    code = netguard.prelude(log) + (
        "import socket\n"
        "for attempt in (lambda: socket.getaddrinfo('localhost', 80),\n"
        "                lambda: socket.create_connection(('127.0.0.1', 9), timeout=1),\n"
        "                lambda: socket.gethostbyname('example.org'),\n"
        "                lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),\n"
        "                lambda: socket.socket(socket.AF_UNIX).connect('/tmp/tidak-ada.sock')):\n"
        "    try:\n"
        "        attempt()\n"
        "    except Exception:\n"
        "        pass\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    caught = [event for event, _args in netguard.events(log)]
    assert "socket.getaddrinfo" in caught
    assert "socket.gethostbyname" in caught
    assert "socket.__new__" in caught  # an internet socket, even before it connects
    assert "socket.connect" in caught


def test_commands_open_no_network_connection(tmp_path, db):
    log = tmp_path / "net.log"
    db_path = db.path
    populate(db, 5)
    db.close()  # the commands open the file themselves
    env = {"REKAM_UPT_PASSWORD": PASSWORD}
    runs = [
        ["calc", "--start", "2024-03-01", "--sentence", "3y", "--remission", "2025-08-17:2m:umum"],
        ["check", "--db", db_path],
        ["backup", "--db", db_path, "--out", tmp_path / "cadangan.sqlite3"],
        ["backup", "--db", db_path, "--out", tmp_path / "cadangan.rkupt", "--encrypt"],
        ["restore", tmp_path / "cadangan.rkupt", "--db", db_path],
        ["restore", tmp_path / "cadangan.sqlite3", "--db", tmp_path / "baru.sqlite3"],
        ["check", "--db", tmp_path / "baru.sqlite3", "--json"],
        ["demo", "--db", tmp_path / "demo.sqlite3", "--clients", "50"],
    ]
    for args in runs:
        result = run_guarded(args, log, **env)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        assert netguard.events(log) == [], args
    assert (tmp_path / "baru.sqlite3").exists()


@pytest.mark.parametrize("args", [["calc", "--start", "kemarin"], ["check", "--db", "tidak-ada.sqlite3"]])
def test_failing_commands_open_no_network_connection_either(tmp_path, args):
    log = tmp_path / "net.log"
    result = run_guarded(args, log, REKAM_UPT_PASSWORD=PASSWORD)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1
    assert netguard.events(log) == []
