"""The window's side of backups: restore with the current password, failures shown, demo files skipped.

Issue 7, "Silent failures": the restore dialog with an empty password field never
tried the current password on an encrypted backup, and failed automatic backups
were swallowed.
"""

from __future__ import annotations

import errno
import os
from datetime import datetime

import pytest
from conftest import PASSWORD, TODAY
from safety_data import dump_tables, populate
from uikit import make_session, make_window

from app.models import backup, backup_log
from app.ui import backup_dialogs


@pytest.fixture
def filled(db):
    populate(db, 3)
    return db


def test_restore_dialog_with_an_empty_field_tries_the_current_password(qtbot, filled, tmp_path):
    sealed = backup.backup_to(filled, tmp_path / "cadangan.rkbak", password_for_encryption=PASSWORD)
    dialog = backup_dialogs.RestoreDialog(filled.path, fallback_password=PASSWORD)
    qtbot.addWidget(dialog)
    dialog.list.insertItem(0, str(sealed))
    dialog.list.item(0).setData(backup_dialogs.Qt.ItemDataRole.UserRole, str(sealed))
    dialog.list.setCurrentRow(0)
    assert dialog.password_edit.text() == ""
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    assert dialog.info.encrypted and dialog.info.persons == 3
    assert dialog.source == sealed


def test_restore_dialog_without_a_current_password_still_asks(qtbot, filled, tmp_path):
    sealed = backup.backup_to(filled, tmp_path / "cadangan.rkbak", password_for_encryption=PASSWORD)
    dialog = backup_dialogs.RestoreDialog(filled.path)  # a file that cannot be opened: no current password
    qtbot.addWidget(dialog)
    dialog.list.insertItem(0, str(sealed))
    dialog.list.item(0).setData(backup_dialogs.Qt.ItemDataRole.UserRole, str(sealed))
    dialog.list.setCurrentRow(0)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.text() == f"Cadangan {sealed} terenkripsi: kata sandi diperlukan."


def test_a_failed_automatic_backup_is_shown_when_the_window_opens(qtbot, filled, monkeypatch):
    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    session = make_session(filled, PASSWORD)
    with monkeypatch.context() as patch:
        patch.setattr(backup.safefile, "install", full)
        backup_dialogs.backup_at_exit(session)  # no exception reaches the window
    assert backup.list_backups(filled.path) == []
    told: list[str] = []
    monkeypatch.setattr(backup_dialogs, "inform", lambda _parent, _title, text: told.append(text))
    window = make_window(qtbot, filled, PASSWORD, TODAY)
    backup_dialogs.notify_backup_failures(window)
    assert len(told) == 1
    assert told[0].splitlines()[0] == "Cadangan otomatis gagal:"
    assert "cadangan saat keluar: Disk penuh" in told[0]
    assert window.statusBar().currentMessage().startswith("Cadangan otomatis gagal (cadangan saat keluar, ")
    backup_dialogs.notify_backup_failures(window)  # shown once, not at every start
    assert len(told) == 1


def test_the_about_box_shows_the_failure_log(qtbot, filled, monkeypatch):
    backup_log.record_failure(filled.path, "harian", "Disk penuh.", at=datetime(2026, 11, 21, 7, 45, 0))
    window = make_window(qtbot, filled, PASSWORD, TODAY)
    shown: list[str] = []
    from app.ui import main_window
    monkeypatch.setattr(main_window, "inform", lambda _parent, _title, text: shown.append(text))
    window.about()
    assert f"• 21 November 2026 07.45 · cadangan harian · {filled.path.resolve()}: Disk penuh." in shown[0]


def test_the_window_makes_no_automatic_backup_of_a_demo_file(filled):
    with filled.transaction():
        filled.set_setting("demo", True)
    before = dump_tables(filled.path)
    session = make_session(filled, PASSWORD)
    backup_dialogs.daily_backup(session)
    backup_dialogs.backup_at_exit(session)
    assert backup.list_backups(filled.path) == []
    assert dump_tables(filled.path) == before
