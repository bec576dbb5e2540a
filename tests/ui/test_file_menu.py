"""Berkas: open another file, the recent files, "Kembali ke data asli" that always works, and the
password prompt that names the file (issue 9)."""

from __future__ import annotations

from pathlib import Path

from factories import case, person, program
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from uikit import make_session, make_window, on_modal

from app.models.paths import default_db_path
from app.models.storage import Database
from app.operations import clients
from app.operations.auth import set_initial_password
from app.ui import workstation
from conftest import PASSWORD, TODAY


def _other_file(tmp_path: Path, name: str = "kantor-lama.sqlite3", client: str = "Siti Aminah") -> Path:
    path = tmp_path / name
    db = Database.open(path, create=True)
    set_initial_password(db, PASSWORD)
    from datetime import date
    clients.create_client(db, person(client, "3522015708920002", "P", date(1992, 8, 17)), today=TODAY)
    db.close()
    return path


def _demo(tmp_path: Path) -> Path:
    from app.operations.demo import generate_demo

    path = tmp_path / "coba-demo.sqlite3"
    generate_demo(path, clients=12, seed=1, today=TODAY, password=PASSWORD, workers=0)
    return path


def _names(window) -> list[str]:
    model = window.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_berkas_buka_opens_another_file_in_the_window(qtbot, db, tmp_path, monkeypatch):
    other = _other_file(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window = make_window(qtbot, db, PASSWORD, TODAY)
    assert window.act_open.text() == "&Buka…" and window.act_open.shortcut().toString() == "Ctrl+O"
    window.act_open.trigger()
    assert window.session.path == other
    assert _names(window) == ["Siti Aminah"]
    assert "kantor-lama.sqlite3" in window.windowTitle()
    window.close()


def test_recent_files_list_what_was_opened_and_open_it_again(qtbot, db, tmp_path, monkeypatch):
    other = _other_file(tmp_path)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    qtbot.wait(10)  # (each file is remembered once its window is on screen)
    window.switch_to(other)
    qtbot.wait(10)
    window.fill_recent_menu()
    actions = [a for a in window.recent_menu.actions() if a.isEnabled()]
    assert [a.toolTip() for a in actions] == [str(db.path.resolve())]  # the open file is not offered
    assert actions[0].text() == f"&1  {db.path.name}"
    actions[0].trigger()
    assert window.session.path == db.path
    # A file that is gone says so and leaves the list.
    other.unlink()
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: told.append((title, text)))
    window.fill_recent_menu()
    window.recent_menu.actions()[0].trigger()
    assert told and told[0][0] == "Berkas tidak ditemukan" and str(other) in told[0][1]
    assert str(other.resolve()) not in [str(e["path"]) for e in workstation.recent_files()]
    window.close()


def test_back_to_the_real_data_goes_to_the_file_the_officer_had_open(qtbot, db, tmp_path):
    demo = _demo(tmp_path)
    clients.create_client(db, person(), case(db), program(db, "PB"), today=TODAY)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    window.switch_to(demo)
    assert window.session.is_demo and window.demo_banner.isVisible()
    assert "Kembali ke data asli" in window.demo_banner.text()
    window.demo_banner.linkActivated.emit("real")  # the banner's advice is a link that works
    assert window.session.path == db.path and not window.session.is_demo
    assert _names(window) == ["Budi Santoso"]
    window.close()


def test_back_to_the_real_data_when_only_the_demo_was_ever_opened_offers_to_start_it(qtbot, tmp_path):
    demo_path = _demo(tmp_path)
    demo = Database.open(demo_path)
    from app.operations.auth import login
    login(demo, PASSWORD)
    session = make_session(demo, PASSWORD)
    session.main_path = default_db_path()  # what start-up gives a demo opened with --db
    from app.ui.main_window import MainWindow
    window = MainWindow(session, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    assert not default_db_path().exists()
    seen = {}

    def answer(box):
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        box.findChild(QPushButton, "create_real_button").click()

    on_modal(answer, name="no_real_data_box")
    window.act_main_db.trigger()
    assert "Belum ada berkas data asli" in seen["text"] and str(default_db_path()) in seen["text"]
    assert seen["buttons"] == ["Buka berkas…", "Mulai data asli", "Batal"]
    assert window.session.path == default_db_path() and not window.session.is_demo
    assert window.stack.currentWidget() is window.empty_page  # a fresh start, with the same password
    assert window.session.password_opens(default_db_path())
    window.close()


def test_the_password_prompt_names_the_file_it_opens(qtbot, tmp_path):
    from app.ui.password_dialogs import LoginDialog

    demo = Database.open(_demo(tmp_path), readonly=True)
    dialog = LoginDialog(demo, "Rekam UPT")
    qtbot.addWidget(dialog)
    assert dialog.file_label.text() == "Berkas: coba-demo.sqlite3 — DATA DEMO"
    assert dialog.folder_label.text() == f"di {tmp_path}"
    real = _other_file(tmp_path)
    db = Database.open(real, readonly=True)
    switching = LoginDialog(db, "Rekam UPT", switching=True)
    qtbot.addWidget(switching)
    assert switching.file_label.text() == "Berkas: kantor-lama.sqlite3"
    assert "Batal" in [b.text() for b in switching.findChildren(QPushButton)]
    demo.close()
    db.close()
