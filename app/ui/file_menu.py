"""Berkas: open another database file, the recent files, and "Kembali ke data asli" that always works.

The window switches files through ``MainWindow.switch_to`` (app/operations/session.py
does the opening).  "Kembali ke data asli" goes to the unit's real file: the one the
session started from, else the newest real file opened on this computer; when there
is none (the demo was the first thing ever opened, say with --db) it says so and
offers to open a file or to start the real data in the usual place (issue 9).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from app.ui import workstation

def choose_file(parent: QWidget) -> Path | None:
    """The file dialog of Berkas › Buka…, in the folder of the file open now."""
    start = str(parent.session.path.parent) if getattr(parent, "session", None) else ""
    name, _filter = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("FileMenu", "Open a Rekam UPT file"), start,
        QCoreApplication.translate("FileMenu", "Rekam UPT files (*.sqlite3 *.db *.rekam);;All files (*)"))
    return Path(name) if name else None


def open_file(window) -> None:
    path = choose_file(window)
    if path is not None:
        window.switch_to(path)


def fill_recent_menu(window, menu: QMenu) -> None:
    """The files opened lately on this computer, newest first, the open one left out."""
    menu.clear()
    current = Path(window.session.path).resolve()
    entries = [e for e in workstation.recent_files() if e["path"] != current]
    for number, entry in enumerate(entries, 1):
        path = entry["path"]
        label = f"&{number}  {path.name}" + (QCoreApplication.translate("FileMenu", "  (demo)")
                                              if entry["demo"] else "")
        action = QAction(label, menu)
        action.setObjectName(f"recent_file_{number}")
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        action.triggered.connect(lambda _c=False, p=path: open_recent(window, p))
        menu.addAction(action)
    if not entries:
        empty = QAction(QCoreApplication.translate("FileMenu", "(no other file opened yet)"), menu)
        empty.setEnabled(False)
        menu.addAction(empty)


def open_recent(window, path: Path) -> None:
    if not path.exists():
        QMessageBox.warning(window, QCoreApplication.translate("FileMenu", "File not found"),
                            QCoreApplication.translate("FileMenu", "%1 is no longer there (moved, renamed or "
                               "on a removed disk). It is taken off the list of recent files.")
                            .replace("%1", str(path)))
        workstation.forget_file(path)
        return
    window.switch_to(path)


def real_data_path(session) -> Path | None:
    """Where the real data is: the session's own, else the newest real file opened here; None if none."""
    current = Path(session.path).resolve()
    candidates = [Path(session.main_path)] + [e["path"] for e in workstation.recent_files() if not e["demo"]]
    for candidate in candidates:
        candidate = Path(candidate)
        if candidate.exists() and candidate.resolve() != current and not _is_demo(candidate, session):
            return candidate
    return None


def _is_demo(path: Path, session) -> bool:
    demos = {e["path"] for e in workstation.recent_files() if e["demo"]}
    return path.resolve() in demos


def back_to_real_data(window) -> None:
    """Berkas › Kembali ke data asli: never a raw error, always a way on."""
    session = window.session
    target = real_data_path(session)
    if target is not None:
        window.switch_to(target)
        return
    default = Path(session.main_path)
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("FileMenu", "Back to the real data"),
                      QCoreApplication.translate("FileMenu", "No file of real data has been opened on this computer "
                         "yet (it would be at %1). Open the file where your unit's data is, "
                         "or start the real data there now, "
                         "with the same password.").replace("%1", str(default)),
                      QMessageBox.StandardButton.NoButton, window)
    box.setObjectName("no_real_data_box")
    open_button = box.addButton(QCoreApplication.translate("FileMenu", "Open a file…"),
                                QMessageBox.ButtonRole.AcceptRole)
    open_button.setObjectName("open_file_button")
    create_button = box.addButton(QCoreApplication.translate("FileMenu", "Start the real data"),
                                  QMessageBox.ButtonRole.AcceptRole)
    create_button.setObjectName("create_real_button")
    cancel = box.addButton(QCoreApplication.translate("FileMenu", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_button:
        open_file(window)
    elif clicked is create_button:
        window.start_new_file(default)
