"""``rekam-upt backup`` and ``rekam-upt restore``: passwords, exit statuses, one line or one JSON object."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import PASSWORD
from safety_data import add_client, corrupt_schema, dump_tables, populate

import app.cli
from app.cli import common
from app.models import backup
from app.models.storage import Database
from app.operations.auth import change_password

NEW_PASSWORD = "sandi-baru-456"


@pytest.fixture(autouse=True)
def not_on_a_terminal(monkeypatch):
    monkeypatch.setattr(common, "is_interactive", lambda: False)


@pytest.fixture
def filled(db):
    populate(db, 6)
    db.close()
    return db.path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = app.cli.run([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def one_line(text: str) -> str:
    assert text.endswith("\n") and text.count("\n") == 1, text
    return text.strip()


def test_backup_with_the_password_from_the_environment(filled, tmp_path, capsys, password_env):
    out = tmp_path / "cadangan.sqlite3"
    status, stdout, stderr = run(capsys, "backup", "--db", filled, "--out", out)
    assert (status, stderr) == (0, "")
    assert one_line(stdout).startswith(f"Cadangan disimpan: {out}")
    assert dump_tables(out) == dump_tables(filled)


def test_backup_json_and_encrypt_with_a_password_file(filled, tmp_path, capsys):
    secret = tmp_path / "sandi.txt"
    secret.write_text(PASSWORD + "\n")
    secret.chmod(0o600)  # readable by others it would be used with a warning on stderr
    out = tmp_path / "cadangan.rkupt"
    status, stdout, stderr = run(capsys, "backup", "--db", filled, "--out", out, "--encrypt",
                                 "--password-file", secret, "--json")
    assert (status, stderr) == (0, "")
    result = json.loads(one_line(stdout))
    assert result == {"ok": True, "out": str(out), "encrypted": True, "size": out.stat().st_size}
    assert out.read_bytes().startswith(b"RKUPT-ENC\x02")


def test_missing_password_off_a_terminal_is_exit_2_with_one_line(filled, tmp_path, capsys):
    status, stdout, stderr = run(capsys, "backup", "--db", filled, "--out", tmp_path / "x.sqlite3")
    assert status == 2 and stdout == ""
    assert one_line(stderr) == ("Kata sandi diperlukan: setel REKAM_UPT_PASSWORD atau gunakan "
                                "--password-file.")
    assert not (tmp_path / "x.sqlite3").exists()
    status, stdout, stderr = run(capsys, "restore", tmp_path / "x.sqlite3", "--db", filled)
    assert (status, stdout) == (2, "")
    assert one_line(stderr) == f"Berkas cadangan tidak ada: {tmp_path / 'x.sqlite3'}"


def test_wrong_password_is_exit_2_and_changes_nothing(filled, tmp_path, capsys, monkeypatch):
    good = tmp_path / "baik.sqlite3"
    monkeypatch.setenv("REKAM_UPT_PASSWORD", PASSWORD)
    assert run(capsys, "backup", "--db", filled, "--out", good)[0] == 0
    before = dump_tables(filled)
    monkeypatch.setenv("REKAM_UPT_PASSWORD", "bukan-sandinya")
    status, stdout, stderr = run(capsys, "backup", "--db", filled, "--out", tmp_path / "y.sqlite3")
    assert (status, one_line(stderr)) == (2, "Kata sandi salah.")
    status, stdout, stderr = run(capsys, "restore", good, "--db", filled)
    assert (status, one_line(stderr)) == (2, "Kata sandi salah.")
    status, stdout, stderr = run(capsys, "restore", good, "--db", filled, "--json")
    assert status == 2 and stderr == ""
    assert json.loads(one_line(stdout))["error"]["message"] == "Kata sandi salah."
    assert dump_tables(filled) == before
    assert backup.list_backups(filled) == []


def test_the_password_is_never_an_argument(filled, tmp_path, capsys):
    status, _stdout, stderr = run(capsys, "backup", "--db", filled, "--out", tmp_path / "x", "--password", PASSWORD)
    assert status == 2
    assert one_line(stderr).startswith("Argumen salah")


def test_restore_round_trip_json(filled, tmp_path, capsys, password_env):
    out = tmp_path / "cadangan.rkupt"
    assert run(capsys, "backup", "--db", filled, "--out", out, "--encrypt")[0] == 0
    at_backup = dump_tables(filled)
    db = Database.open(filled)
    add_client(db, 30)
    db.close()
    status, stdout, stderr = run(capsys, "restore", out, "--db", filled, "--json")
    assert (status, stderr) == (0, "")
    result = json.loads(one_line(stdout))
    assert result["ok"] is True
    assert result["db"] == str(filled) and result["source"] == str(out)
    assert result["backup"]["persons"] == 6 and result["backup"]["encrypted"] is True
    assert result["kept_reason"] == "sebelum-pulih"
    assert result["password_message"].startswith("Kata sandi yang berlaku sekarang adalah kata sandi saat cadangan")
    assert dump_tables(filled) == at_backup
    status, stdout, stderr = run(capsys, "check", "--db", filled)
    assert (status, stderr) == (0, ""), stdout


def test_restore_text_says_which_password_applies(filled, tmp_path, capsys, password_env):
    out = tmp_path / "cadangan.sqlite3"
    assert run(capsys, "backup", "--db", filled, "--out", out)[0] == 0
    status, stdout, _stderr = run(capsys, "restore", out, "--db", filled)
    assert status == 0
    line = one_line(stdout)
    assert line.startswith(f"Basis data {filled} dipulihkan dari {out} (6 orang, 6 perkara, 6 program).")
    assert "Kata sandi yang berlaku sekarang adalah kata sandi saat cadangan dibuat (diubah terakhir" in line


def test_encrypted_backup_made_before_a_password_change(filled, tmp_path, capsys, monkeypatch):
    out = tmp_path / "lama.rkupt"
    monkeypatch.setenv("REKAM_UPT_PASSWORD", PASSWORD)
    assert run(capsys, "backup", "--db", filled, "--out", out, "--encrypt")[0] == 0
    db = Database.open(filled)
    change_password(db, PASSWORD, NEW_PASSWORD)
    db.close()
    monkeypatch.setenv("REKAM_UPT_PASSWORD", NEW_PASSWORD)
    status, _stdout, stderr = run(capsys, "restore", out, "--db", filled)
    assert (status, one_line(stderr)) == (2, "Kata sandi salah atau berkas cadangan rusak.")
    old = tmp_path / "sandi-lama.txt"
    old.write_text(PASSWORD)
    status, _stdout, stderr = run(capsys, "restore", out, "--db", filled, "--backup-password-file", old)
    assert status == 0, stderr
    reopened = Database.open(filled)
    from app.operations.auth import check_password
    assert check_password(reopened, PASSWORD)
    reopened.close()


def test_damaged_database_points_to_the_latest_backup_and_restores(filled, tmp_path, capsys, monkeypatch):
    db = Database.open(filled)
    made = backup.automatic_backup(db, "harian")
    db.close()
    at_backup = dump_tables(filled)
    corrupt_schema(filled)
    monkeypatch.setenv("REKAM_UPT_PASSWORD", PASSWORD)
    status, stdout, stderr = run(capsys, "backup", "--db", filled, "--out", tmp_path / "x.sqlite3")
    line = one_line(stderr)
    assert status == 1
    assert line.startswith("Basis data rusak")
    assert f"Cadangan terakhir: {made} (" in line
    assert line.endswith(f"Pulihkan dengan: rekam-upt restore {made} --db {filled}")
    # The current file cannot be read, so the backup's password decides.
    monkeypatch.setenv("REKAM_UPT_PASSWORD", "bukan-sandinya")
    assert run(capsys, "restore", made, "--db", filled)[0] == 2
    monkeypatch.setenv("REKAM_UPT_PASSWORD", PASSWORD)
    status, stdout, stderr = run(capsys, "restore", made, "--db", filled)
    assert status == 0, stderr
    assert "rusak disalin" in stdout
    assert dump_tables(filled) == at_backup


def test_restore_onto_a_new_path(filled, tmp_path, capsys, password_env):
    out = tmp_path / "cadangan.sqlite3"
    assert run(capsys, "backup", "--db", filled, "--out", out)[0] == 0
    fresh = tmp_path / "baru" / "rekam-upt.sqlite3"
    status, _stdout, stderr = run(capsys, "restore", out, "--db", fresh)
    assert status == 0, stderr
    assert dump_tables(fresh) == dump_tables(out)


def test_backup_needs_out_and_restore_needs_an_existing_file(filled, tmp_path, capsys, password_env):
    status, _stdout, stderr = run(capsys, "backup", "--db", filled)
    assert (status, one_line(stderr)) == (2, "Sebutkan berkas tujuan dengan --out FILE.")
    status, _stdout, stderr = run(capsys, "restore", tmp_path / "tidak-ada.sqlite3", "--db", filled)
    assert status == 2 and one_line(stderr).startswith("Berkas cadangan tidak ada")


def test_while_another_copy_holds_the_lock_backup_reads_and_restore_refuses(filled, tmp_path, capsys,
                                                                              password_env):
    from app.lockfile import DatabaseLock

    out = tmp_path / "cadangan.sqlite3"
    with DatabaseLock(filled):  # a second OS lock in this process refuses like another process
        status, _stdout, stderr = run(capsys, "backup", "--db", filled, "--out", out)
        assert status == 0, stderr
        before = filled.read_bytes()
        status, _stdout, stderr = run(capsys, "restore", out, "--db", filled)
        assert status == 1
        assert one_line(stderr).startswith("Basis data ini sedang dibuka oleh Rekam UPT lain")
        assert filled.read_bytes() == before
    shutil.rmtree(tmp_path / "unused", ignore_errors=True)
