"""Automatic backups: a failure is recorded, never swallowed; demo files are never backed up automatically.

Issue 7, "Silent failures": the window's daily and exit backups ended in
``except RekamError: pass``, and two 259 MB backups of made-up demo data were made
after one session.
"""

from __future__ import annotations

import errno
import json
import os
from datetime import date, datetime

import pytest
from safety_data import populate

from app.models import backup, backup_log, paths
from app.models.errors import OperationError


@pytest.fixture
def filled(db):
    populate(db, 4)
    return db


def _full_disk(monkeypatch) -> None:
    def fail(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(backup.safefile, "install", fail)


def test_a_failed_automatic_backup_is_recorded_and_raised(filled, monkeypatch, private_data_dir):
    _full_disk(monkeypatch)
    with pytest.raises(OperationError) as caught:
        backup.routine_backup(filled, "keluar")
    assert caught.value.code == "disk_full"
    failures = backup_log.recent_failures(filled.path)
    assert len(failures) == 1
    assert failures[0].reason == "keluar" and failures[0].message == caught.value.message
    assert failures[0].db == str(filled.path.resolve())
    line = json.loads((private_data_dir / backup_log.LOG_NAME).read_text(encoding="utf-8"))
    assert line["code"] == "disk_full" and line["reason"] == "keluar"
    assert (private_data_dir / backup_log.LOG_NAME).stat().st_mode & 0o777 == 0o600
    assert backup.list_backups(filled.path) == []


def test_unseen_failures_are_those_after_the_last_shown(filled, tmp_path):
    other = tmp_path / "lain.sqlite3"
    first = backup_log.record_failure(filled.path, "harian", "Disk penuh.", "disk_full",
                                      at=datetime(2026, 11, 20, 8, 0, 0))
    backup_log.record_failure(other, "keluar", "Lain.", at=datetime(2026, 11, 20, 9, 0, 0))
    assert backup_log.unseen_failures(filled.path) == [first]
    backup_log.mark_failures_seen(filled.path, [first])
    assert backup_log.unseen_failures(filled.path) == []
    second = backup_log.record_failure(filled.path, "keluar", "Hanya-baca.", "readonly",
                                       at=datetime(2026, 11, 21, 16, 30, 0))
    assert backup_log.unseen_failures(filled.path) == [second]
    assert len(backup_log.unseen_failures(other)) == 1  # each database has its own marker
    notice = backup_log.notice([second])
    assert notice.splitlines()[0] == "Cadangan otomatis gagal:"
    assert "• 21 November 2026 16.30 · cadangan saat keluar: Hanya-baca." in notice
    assert backup_log.status_line(second) == ("Cadangan otomatis gagal (cadangan saat keluar, "
                                              "21 November 2026 16.30): Hanya-baca.")


def test_the_about_text_lists_the_latest_failures_or_says_none(filled):
    assert backup_log.log_text() == "Cadangan otomatis yang gagal: belum ada."
    backup_log.record_failure(filled.path, "harian", "Disk penuh.", at=datetime(2026, 11, 20, 8, 5, 0))
    text = backup_log.log_text()
    assert text.splitlines()[0].startswith("Cadangan otomatis yang gagal (terbaru dahulu; catatan lengkap di ")
    assert text.splitlines()[1] == f"• 20 November 2026 08.05 · cadangan harian · {filled.path.resolve()}: Disk penuh."


def test_the_log_keeps_its_last_lines_and_skips_damaged_ones(filled, private_data_dir, monkeypatch):
    monkeypatch.setattr(backup_log, "KEEP_LINES", 5)
    for n in range(8):
        backup_log.record_failure(filled.path, "harian", f"gagal {n}", at=datetime(2026, 11, 1, 8, n, 0))
    log = private_data_dir / backup_log.LOG_NAME
    with open(log, "a", encoding="utf-8") as fh:
        fh.write('{"at": "potong')  # a line cut by a crash
    assert [f.message for f in backup_log.recent_failures()] == [f"gagal {n}" for n in range(7, 2, -1)]


def test_a_log_that_cannot_be_written_does_not_stop_anything(filled, monkeypatch):
    monkeypatch.setattr(paths, "data_dir", lambda: (_ for _ in ()).throw(OSError(errno.EROFS, "ro")))
    failure = backup_log.record_failure(filled.path, "harian", "x")
    assert failure.message == "x"


def test_demo_files_are_never_backed_up_automatically(filled):
    with filled.transaction():
        filled.set_setting("demo", True)
    assert backup.routine_backup(filled, "harian", today=date.today()) is None
    assert backup.routine_backup(filled, "keluar") is None
    assert backup.maybe_daily_backup(filled, date.today()) is None
    assert backup.list_backups(filled.path) == []
    assert backup_log.recent_failures() == []


def test_routine_backups_of_real_data(filled):
    today = date.today()
    daily = backup.routine_backup(filled, "harian", today=today)
    assert daily is not None and daily.exists()
    assert backup.routine_backup(filled, "harian", today=today) is None  # once a day
    at_exit = backup.routine_backup(filled, "keluar")
    assert [e.reason for e in backup.list_backups(filled.path)] == ["keluar", "harian"]
    assert at_exit.exists()
    with pytest.raises(ValueError):
        backup.routine_backup(filled, "sebelum-pulih")
