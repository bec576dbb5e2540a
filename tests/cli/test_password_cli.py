"""The commands and the password: a missing or damaged record, password files, secrets in arguments.

Every refusal is one line with its exit status, and the files are unchanged after it.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import PASSWORD
from safety_data import dump_tables, populate

from app.cli import run
from app.models import backup


@pytest.fixture
def filled(db, password_env):
    populate(db, clients=4)
    db.close()
    return db.path


def _run(capsys, *args) -> tuple[int, str, str]:
    status = run([str(a) for a in args])
    out = capsys.readouterr()
    return status, out.out, out.err


def _spoil(path, how: str) -> None:
    """Damage a closed file the ways the hostile probes did."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    if how == "no auth":
        conn.execute("DELETE FROM settings WHERE key = 'auth'")
    elif how == "auth json":
        conn.execute("UPDATE settings SET value = '{\"scheme\": ' WHERE key = 'auth'")
    elif how == "head json":
        conn.execute("UPDATE settings SET value = 'nul' WHERE key = 'audit_head'")
    elif how == "absurd cost":
        record = json.loads(conn.execute("SELECT value FROM settings WHERE key = 'auth'").fetchone()[0])
        conn.execute("UPDATE settings SET value = ? WHERE key = 'auth'", (json.dumps({**record, "n": 2**40}),))
    else:
        conn.execute(f"DROP TABLE {how}")
    conn.close()


# -- a missing or damaged password record --------------------------------------------------

@pytest.mark.parametrize("how", ["no auth", "auth json", "absurd cost"])
def test_backup_refuses_a_file_without_a_usable_password_record(filled, capsys, tmp_path, how):
    _spoil(filled, how)
    before = filled.read_bytes()
    out = tmp_path / "cadangan.sqlite3"
    status, stdout, stderr = _run(capsys, "backup", "--db", filled, "--out", out)
    assert (status, stdout) == (1, "")
    word = "hilang (dihapus di luar program)" if how == "no auth" else "rusak"
    assert stderr == (f"Catatan kata sandi di {filled} {word}: berkas tidak dibuka. "
                      f"Pulihkan dari cadangan: rekam-upt restore BERKAS-CADANGAN --db {filled}\n")
    assert not out.exists() and filled.read_bytes() == before


@pytest.mark.parametrize("how", ["no auth", "auth json", "head json", "absurd cost", "facts", "audit_log",
                                 "settings"])
def test_restore_replaces_a_damaged_file_but_only_with_the_backups_password(filled, capsys, tmp_path, monkeypatch,
                                                                             how):
    from app.models.storage import Database

    db = Database.open(filled)
    made = backup.automatic_backup(db, "harian", 5)
    db.close()
    wanted = dump_tables(made)
    _spoil(filled, how)
    spoiled = filled.read_bytes()
    monkeypatch.setenv("REKAM_UPT_PASSWORD", "bukan-sandinya")
    status, _, stderr = _run(capsys, "restore", made, "--db", filled)
    assert (status, stderr) == (2, "Kata sandi salah.\n")
    assert filled.read_bytes() == spoiled
    monkeypatch.setenv("REKAM_UPT_PASSWORD", PASSWORD)
    status, stdout, stderr = _run(capsys, "restore", made, "--db", filled)
    assert (status, stderr) == (0, ""), stdout
    assert dump_tables(filled) == wanted
    assert _run(capsys, "check", "--db", filled)[0] == 0


def test_check_names_the_newest_backup_in_the_restore_command(filled, capsys):
    from app.models.storage import Database

    db = Database.open(filled)
    made = backup.automatic_backup(db, "harian", 5)
    db.close()
    _spoil(filled, "no auth")
    status, stdout, _ = _run(capsys, "check", "--db", filled)
    assert status == 1
    assert (f"Catatan kata sandi di {filled} hilang (dihapus di luar program): berkas tidak dibuka. "
            f"Pulihkan dari cadangan: rekam-upt restore {made} --db {filled}") in stdout.splitlines()


# -- the password file -----------------------------------------------------------------------

@pytest.mark.parametrize("content, words", [
    (b"\xef\xbb\xbf" + PASSWORD.encode() + b"\n", "diawali penanda urutan bait (BOM): simpan sebagai UTF-8 tanpa BOM."),
    (b"\xff\xfe" + PASSWORD.encode("utf-16-le"), "diawali penanda urutan bait (BOM)"),
    ("rahasia-ujï-123".encode("latin-1"), "bukan teks UTF-8: simpan kata sandi sebagai teks UTF-8."),
])
def test_a_password_file_in_the_wrong_encoding_says_what_is_wrong(filled, capsys, tmp_path, monkeypatch,
                                                                  content, words):
    monkeypatch.delenv("REKAM_UPT_PASSWORD")
    secret = tmp_path / "sandi.txt"
    secret.write_bytes(content)
    secret.chmod(0o600)
    out = tmp_path / "x.sqlite3"
    status, stdout, stderr = _run(capsys, "backup", "--db", filled, "--out", out, "--password-file", secret)
    assert (status, stdout) == (2, "")
    assert stderr.startswith(f"Berkas kata sandi {secret} ") and words in stderr
    assert stderr.count("\n") == 1 and "salah" not in stderr
    assert not out.exists()


def test_a_password_file_others_can_read_works_with_a_warning(filled, capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("REKAM_UPT_PASSWORD")
    secret = tmp_path / "sandi.txt"
    secret.write_text(PASSWORD + "\n")
    secret.chmod(0o644)
    out = tmp_path / "x.sqlite3"
    status, _, stderr = _run(capsys, "backup", "--db", filled, "--out", out, "--password-file", secret)
    assert status == 0 and out.is_file()
    assert stderr == (f"Peringatan: berkas kata sandi {secret} dapat dibaca pengguna lain; "
                      f"batasi dengan: chmod 600 {secret}\n")
    secret.chmod(0o600)
    assert _run(capsys, "check", "--db", filled, "--password-file", secret)[2] == ""


# -- secrets in arguments ------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["--password", "Rahasia-Sekali-99"], ["--password=Rahasia-Sekali-99"], ["--pass", "Rahasia-Sekali-99"],
    ["--kata-sandi", "Rahasia-Sekali-99"],
])
def test_a_password_given_as_an_argument_is_refused_without_echoing_it(filled, capsys, args):
    status, stdout, stderr = _run(capsys, "check", "--db", filled, *args)
    assert (status, stdout) == (2, "")
    assert "Rahasia-Sekali-99" not in stderr
    assert stderr.startswith("Argumen salah: ") and stderr.count("\n") == 1
    status, stdout, _ = _run(capsys, "check", "--db", filled, *args, "--json")
    assert status == 2 and "Rahasia-Sekali-99" not in stdout


def test_unknown_arguments_are_named_without_their_values(filled, capsys):
    status, _, stderr = _run(capsys, "check", "--db", filled, "--token", "Rahasia-Sekali-99", "--kunci=abc")
    assert status == 2
    assert stderr == "Argumen salah: argumen tidak dikenal: --token --kunci (nilai tidak ditampilkan)\n"
