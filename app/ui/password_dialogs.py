"""Password dialogs: set it at first start, ask for it at start, change it, and the idle lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.models.errors import RekamError, UserInputError
from app.models.security import MIN_LENGTH, protection_statement
from app.models.storage import Database
from app.operations import auth
from app.ui.ops import InlineOps, Ops
from app.ui.widgets import ErrorLabel, accept_buttons, heading


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class SetPasswordDialog(QDialog):
    """First start: the officer chooses the program's password."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.setObjectName("set_password_dialog")
        self.setWindowTitle(self.tr("Welcome to Rekam UPT"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Choose a password for this program. It is asked when the program starts and "
                               "after the computer has been idle. Write it down somewhere safe: without it the "
                               "data cannot be opened from this program and encrypted backups cannot be read."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        statement = QLabel(protection_statement())
        statement.setWordWrap(True)
        statement.setStyleSheet("color: #555;")
        layout.addWidget(statement)
        form = QFormLayout()
        self.password_edit = _password_edit("new_password_edit")
        self.repeat_edit = _password_edit("repeat_password_edit")
        self.password_edit.setPlaceholderText(self.tr("at least %1 characters").replace("%1", str(MIN_LENGTH)))
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Repeat the password"), self.repeat_edit)
        layout.addLayout(form)
        self.error = ErrorLabel(self, object_name="password_error")
        layout.addWidget(self.error)
        buttons = accept_buttons(self, self.tr("Set password"), self.tr("Quit"), accept_name="ok_button",
                                 role=QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def password(self) -> str:
        return self.password_edit.text()

    def accept(self) -> None:
        try:
            auth.set_initial_password(self.db, self.password_edit.text(), self.repeat_edit.text())
        except RekamError as err:
            self.error.show_message(err.message)
            return
        super().accept()


class LoginDialog(QDialog):
    """The password at start."""

    def __init__(self, db: Database, title: str, parent: QWidget | None = None, *, switching: bool = False):
        super().__init__(parent)
        self.db = db
        self.setObjectName("login_dialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Enter the password to open the data.")))
        # Which file: the real data, the demo, a copy on a USB disk … (issue 9).
        path = Path(db.path)
        demo = self.tr(" — DATA DEMO") if db.get_setting("demo") else ""
        self.file_label = QLabel(self.tr("File: %1%2").replace("%1", path.name).replace("%2", demo))
        self.file_label.setObjectName("login_file_label")
        font = self.file_label.font()
        font.setBold(True)
        self.file_label.setFont(font)
        self.folder_label = QLabel(self.tr("in %1").replace("%1", str(path.parent)))
        self.folder_label.setObjectName("login_folder_label")
        self.folder_label.setWordWrap(True)
        self.folder_label.setStyleSheet("color: #555;")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.file_label)
        layout.addWidget(self.folder_label)
        self.password_edit = _password_edit("login_password_edit")
        layout.addWidget(self.password_edit)
        self.error = ErrorLabel(self, object_name="login_error")
        layout.addWidget(self.error)
        buttons = accept_buttons(self, self.tr("Open"), self.tr("Cancel") if switching else self.tr("Quit"),
                                 accept_name="ok_button", role=QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.password_edit.setFocus()
        self.resize(460, 180)

    def password(self) -> str:
        return self.password_edit.text()

    def accept(self) -> None:
        try:
            auth.login(self.db, self.password_edit.text())  # checks it and unlocks the trail's key
        except UserInputError:
            self.error.show_message(self.tr("Wrong password."))
            self.password_edit.selectAll()
            return
        except RekamError as err:
            self.error.show_message(err.message)
            return
        super().accept()


class ChangePasswordDialog(QDialog):
    """Changing the password needs the old one."""

    def __init__(self, db: Database, parent: QWidget | None = None, ops: Ops | None = None):
        super().__init__(parent)
        self.db = db
        self.ops = ops or InlineOps(db, self)
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("Change password"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.old_edit = _password_edit("old_password_edit")
        self.new_edit = _password_edit("new_password_edit")
        self.repeat_edit = _password_edit("repeat_password_edit")
        form.addRow(self.tr("Current password"), self.old_edit)
        form.addRow(self.tr("New password"), self.new_edit)
        form.addRow(self.tr("Repeat the new password"), self.repeat_edit)
        layout.addLayout(form)
        note = QLabel(self.tr("Backups made before the change keep the password they were made with."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.error = ErrorLabel(self, object_name="password_error")
        layout.addWidget(self.error)
        buttons = accept_buttons(self, self.tr("Change"), self.tr("Cancel"), accept_name="ok_button",
                                 role=QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)

    def password(self) -> str:
        return self.new_edit.text()

    def accept(self) -> None:
        old, new, repeat = self.old_edit.text(), self.new_edit.text(), self.repeat_edit.text()
        try:
            self.ops.call(lambda db: auth.change_password(db, old, new, repeat))
        except RekamError as err:
            self.error.show_message(err.message)
            return
        super().accept()


class LockScreen(QWidget):
    """What the window shows while locked: no data, only the password field."""

    unlocked = Signal()

    def __init__(self, db_getter, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self._db_getter = db_getter
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = heading(self.tr("Rekam UPT is locked"), 1.6)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        note = QLabel(self.tr("The screen was locked to keep the data private. Enter the password to continue."))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.password_edit = _password_edit("unlock_password_edit")
        self.password_edit.setMaximumWidth(320)
        self.error = ErrorLabel(self, object_name="unlock_error")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(self.tr("Unlock"))
        button.setObjectName("unlock_button")
        button.setMaximumWidth(160)
        for w in (self.password_edit, self.error, button):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        button.clicked.connect(self.try_unlock)
        self.password_edit.returnPressed.connect(self.try_unlock)

    def try_unlock(self) -> None:
        db = self._db_getter()
        if db is not None and auth.check_password(db, self.password_edit.text()):
            self.password_edit.clear()
            self.error.show_message("")
            self.unlocked.emit()
        else:
            self.error.show_message(self.tr("Wrong password."))
            self.password_edit.selectAll()
