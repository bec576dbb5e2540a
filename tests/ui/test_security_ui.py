"""The window's side of safety: the idle lock hides the data, the password, no network, faults at start."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QDialog

from conftest import PASSWORD, TODAY
from factories import case, person, program
from uikit import make_window

import netguard
from app.models.storage import Database
from app.operations import auth, clients, settings
from app.ui.password_dialogs import ChangePasswordDialog

ROOT = Path(__file__).resolve().parents[2]


def test_idle_lock_hides_the_data_and_open_dialogs_until_the_password(qtbot, db):
    settings.save_preferences(db, {"idle_lock_minutes": 3})
    clients.create_client(db, person(), case(db), program(db, "PB"), today=TODAY)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    assert window.idle_timer.interval() == 3 * 60 * 1000 and window.idle_timer.isActive()
    dialog = QDialog(window)
    dialog.setObjectName("some_open_dialog")
    dialog.show()
    window.idle_timer.timeout.emit()  # three idle minutes pass
    assert window.is_locked()
    assert not window.table.isVisible() and not window.details.isVisible() and not window.sidebar.isVisible()
    assert not dialog.isVisible()
    assert not window.menuBar().isEnabled()
    assert not window.search_edit.isEnabled() and not window.status_label.isVisible()
    window.lock_screen.password_edit.setText("salah-sekali")
    window.lock_screen.try_unlock()
    assert window.is_locked()
    window.lock_screen.password_edit.setText(PASSWORD)
    window.lock_screen.try_unlock()
    assert not window.is_locked() and window.table.isVisible() and dialog.isVisible()
    assert window.search_edit.isEnabled() and window.status_label.isVisible()
    assert window.idle_timer.isActive()


def test_ctrl_l_locks_at_once(qtbot, db):
    window = make_window(qtbot, db, PASSWORD, TODAY)
    window.act_lock.trigger()
    assert window.is_locked()


def test_changing_the_password_needs_the_old_one(qtbot, db):
    dialog = ChangePasswordDialog(db)
    qtbot.addWidget(dialog)
    dialog.old_edit.setText("bukan-sandinya")
    dialog.new_edit.setText("sandi-baru-123")
    dialog.repeat_edit.setText("sandi-baru-123")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "lama salah" in dialog.error.text()
    assert auth.check_password(db, PASSWORD)
    dialog.old_edit.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert auth.check_password(db, "sandi-baru-123") and not auth.check_password(db, PASSWORD)


def test_the_password_is_stored_only_as_an_scrypt_hash(db):
    raw = Path(db.path).read_bytes() + (Path(str(db.path) + "-wal").read_bytes()
                                        if Path(str(db.path) + "-wal").exists() else b"")
    assert PASSWORD.encode() not in raw
    assert db.get_setting("auth")["scheme"] == "scrypt"


def test_a_window_session_opens_no_network_connection(tmp_path):
    log = tmp_path / "net.log"
    db_path = tmp_path / "sesi.sqlite3"
    code = netguard.prelude(log) + textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["REKAM_UPT_DATA_DIR"] = {str(tmp_path / "data")!r}
        sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / "tests")!r}]
        from datetime import date
        from PySide6.QtWidgets import QApplication
        from app.models.storage import Database
        from app.operations import auth, clients
        from app.ui.application import Session, Translations
        from app.ui.main_window import MainWindow
        from factories import case, officer, person, program
        app = QApplication(sys.argv[:1])
        Translations(app).use("id")
        db = Database.open({str(db_path)!r}, create=True)
        auth.set_initial_password(db, "sandi-uji-123")
        pk = officer(db)
        window = MainWindow(Session(db.path, db, None, "sandi-uji-123"), today=date(2026, 11, 22))
        window.show(); app.processEvents()
        clients.create_client(db, person(), case(db), program(db, "PB", pk), today=date(2026, 11, 22))
        window.act_refresh.trigger(); app.processEvents()
        window.search_edit.setText("budi"); app.processEvents()
        window.lock(); app.processEvents()
        window.close(); app.processEvents()
        assert "PySide6.QtNetwork" not in sys.modules, "QtNetwork was loaded"
        print("SESSION-OK")
        """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "SESSION-OK" in done.stdout, done.stdout + done.stderr
    assert netguard.events(log) == []
    # The session's exit backup was written (so the session did real work, offline).
    assert list((tmp_path / "data").rglob("*keluar*"))


def test_a_damaged_file_at_start_says_so_and_offers_the_latest_backup(qtbot, db_path, monkeypatch):
    from app.models import backup
    from app.ui import application, backup_dialogs

    good = Database.open(db_path, create=True)
    auth.set_initial_password(good, PASSWORD)
    clients.create_client(good, person(), case(good), program(good, "PB"), today=TODAY)
    backup.automatic_backup(good, "harian", 5)
    good.close()
    data = bytearray(db_path.read_bytes())
    data[:16] = b"this is garbage!"  # the header is gone: not a database any more
    db_path.write_bytes(bytes(data))
    asked = []
    monkeypatch.setattr(backup_dialogs, "confirm", lambda parent, title, text, **k: asked.append(text) or False)
    result = application.start_session(db_path, explicit=True, translations=None)
    assert result == 1
    assert len(asked) == 1
    assert asked[0].startswith(f"{db_path} bukan basis data Rekam UPT")  # the cause, in the user's language
    assert "Cadangan terakhir:" in asked[0] and "Pulihkan sekarang?" in asked[0]  # and the offer
    assert db_path.read_bytes()[:16] == b"this is garbage!"  # nothing was written over it


def _login_with(monkeypatch, password: str) -> list[str]:
    """Let the start-up's LoginDialog be answered with ``password``; returns its error texts."""
    from app.ui.password_dialogs import LoginDialog

    errors: list[str] = []

    def answer(dialog) -> int:
        dialog.password_edit.setText(password)
        dialog.accept()
        errors.append(dialog.error.text())
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", answer)
    return errors


def test_the_window_refuses_a_file_whose_password_record_was_deleted(qtbot, db, monkeypatch):
    from app.models import storage
    from app.ui import application

    clients.create_client(db, person(), case(db), program(db, "PB"), today=TODAY)
    db.close()
    conn = storage.sqlite3.connect(db.path)
    conn.execute("DELETE FROM settings WHERE key = 'auth'")
    conn.commit()
    conn.close()
    before = db.path.read_bytes()
    failed: list[str] = []
    monkeypatch.setattr(application, "_fail", lambda message: failed.append(message) or 1)
    asked = _login_with(monkeypatch, PASSWORD)
    from app.ui.password_dialogs import SetPasswordDialog
    monkeypatch.setattr(SetPasswordDialog, "exec", lambda dialog: asked.append("first password") or 0)
    assert application.start_session(db.path, explicit=True, translations=None) == 1
    assert failed == [f"Catatan kata sandi di {db.path} hilang (dihapus di luar program): berkas tidak dibuka. "
                      f"Pulihkan dari cadangan: rekam-upt restore BERKAS-CADANGAN --db {db.path}"]
    assert asked == []  # no password was asked, none was set
    assert db.path.read_bytes() == before


def test_logging_in_at_start_unlocks_the_trail_for_changes(qtbot, db, monkeypatch):
    from app.models import storage
    from app.ui import application

    db.close()
    storage._UNLOCKED_KEYS.clear()  # a new start of the program
    errors = _login_with(monkeypatch, "bukan-sandinya")
    assert application.start_session(db.path, explicit=True, translations=None) == 0
    assert errors == ["Kata sandi salah."]
    _login_with(monkeypatch, PASSWORD)
    session = application.start_session(db.path, explicit=True, translations=None)
    try:
        assert session.db.audit_unlocked
        clients.create_client(session.db, person(), case(session.db), program(session.db, "PB"), today=TODAY)
        assert session.db.scalar("SELECT operation FROM audit_log ORDER BY id DESC LIMIT 1") == "tambah klien"
    finally:
        session.close()
