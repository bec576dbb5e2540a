"""Backups from the window: daily and at exit (automatic), now (to a chosen file), restore.

A backup to removable media (a USB stick) is always encrypted with a key from the
password; elsewhere encryption is offered and on by default.  Restoring closes the
database, lets app.models.backup replace the file atomically, and reopens it.

An automatic backup that fails does not stop the officer's work, but is never
silent: app.models.backup records it in the failure log, and the window shows it in
its status line and a notice the next time it opens (``notify_backup_failures``);
the About box lists the latest ones (``failure_log_text``).
"""

from __future__ import annotations

import ctypes
import sys
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models import backup, backup_log
from app.models.dates import format_date
from app.models.errors import OperationError, RekamError
from app.ui.widgets import ErrorLabel, confirm, inform, show_error


def is_removable(path: Path) -> bool:
    """True when the folder is on removable media (a USB stick, a memory card)."""
    target = Path(path).resolve()
    if sys.platform.startswith("win"):
        drive = target.drive + "\\"
        try:
            return ctypes.windll.kernel32.GetDriveTypeW(drive) == 2  # DRIVE_REMOVABLE
        except (AttributeError, OSError):
            return False
    text = str(target)
    return text.startswith(("/media/", "/run/media/", "/mnt/", "/Volumes/"))


def daily_backup(session) -> None:
    """The first start of a day makes a backup (if the settings ask for it; never of a demo file)."""
    try:
        backup.routine_backup(session.db, "harian", today=date.today())
    except RekamError:
        # Recorded in the failure log; the window shows it as it opens (notify_backup_failures).
        pass


def backup_at_exit(session) -> None:
    try:
        backup.routine_backup(session.db, "keluar")
    except RekamError:
        pass  # recorded in the failure log: the next start shows it


def notify_backup_failures(window) -> None:
    """Failed automatic backups not shown yet: in the status line, and in a notice."""
    path = window.db.path
    failures = backup_log.unseen_failures(path)
    if not failures:
        return
    window.statusBar().showMessage(backup_log.status_line(failures[0]))
    # Marked first: a notice that is closed by quitting must not come back forever.
    backup_log.mark_failures_seen(path, failures)
    inform(window, "Rekam UPT", backup_log.notice(failures))


def failure_log_text() -> str:
    """The latest failed automatic backups, for the About box."""
    return backup_log.log_text()


def backup_now(window) -> None:
    """Back up to a chosen file; encrypted on removable media."""
    suggested = f"rekam-upt-cadangan-{datetime.now():%Y%m%d-%H%M}.rkbak"
    path_text, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("Backup", "Back up to a file"), suggested,
        QCoreApplication.translate("Backup", "Rekam UPT backups (*.rkbak *.sqlite3);;All files (*)"))
    if not path_text:
        return
    target = Path(path_text)
    removable = is_removable(target.parent)
    dialog = QDialog(window)
    dialog.setObjectName("backup_options")
    dialog.setWindowTitle(QCoreApplication.translate("Backup", "Back up"))
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(QCoreApplication.translate("Backup", "Back up to: %1").replace("%1", str(target))))
    encrypt = QCheckBox(QCoreApplication.translate("Backup", "Encrypt with the program's password"))
    encrypt.setObjectName("encrypt_check")
    encrypt.setChecked(True)
    if removable:
        encrypt.setEnabled(False)
        note = QLabel(QCoreApplication.translate("Backup", "This is removable media: the backup is always encrypted, "
                                                           "because it leaves the computer."))
    else:
        note = QLabel(QCoreApplication.translate("Backup", "Encrypt every backup that may leave this computer. "
                                                           "Without the password an encrypted backup cannot be read."))
    note.setWordWrap(True)
    layout.addWidget(encrypt)
    layout.addWidget(note)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("Backup", "Back up"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("Backup", "Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if not dialog.exec():
        return
    encrypted = encrypt.isChecked() or removable
    session = window.session

    # A long read on a connection of its own (app/ui/ops.ReadTask): a check-in meanwhile does not wait.
    def done(written) -> None:
        window.statusBar().clearMessage()
        inform(window, QCoreApplication.translate("Backup", "Backup made"),
               QCoreApplication.translate("Backup", "The backup was written to %1%2.").replace("%1", str(written))
               .replace("%2", QCoreApplication.translate("Backup", " (encrypted)") if encrypted else ""))

    def failed(err: RekamError) -> None:
        window.statusBar().clearMessage()
        show_error(window, err, QCoreApplication.translate("Backup", "Backup failed"))

    from app.ui.ops import ReadTask

    window.statusBar().showMessage(QCoreApplication.translate("Backup", "Backing up…"))
    window._backup_task = ReadTask(session.reader, lambda db, _progress: session.backup_to(
        target, encrypt=encrypted, db=db), done, failed, window)


class RestoreDialog(QDialog):
    """Choose an automatic backup or a file, see what it holds, then restore."""

    def __init__(self, db_path: Path, parent: QWidget | None = None, *, reason: str = "",
                 fallback_password: str | None = None):
        super().__init__(parent)
        self.db_path = db_path
        # The program's current password, tried for an encrypted backup when the field is empty.
        self.fallback_password = fallback_password
        self.setObjectName("restore_dialog")
        self.setWindowTitle(QCoreApplication.translate("Backup", "Restore from a backup"))
        layout = QVBoxLayout(self)
        if reason:
            why = QLabel(reason)
            why.setWordWrap(True)
            why.setStyleSheet("color: #842029; font-weight: bold;")
            layout.addWidget(why)
        intro = QLabel(QCoreApplication.translate("Backup", "The current data is kept as a backup first, "
                                                            "then replaced by the backup you choose."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("backup_list")
        for entry in backup.list_backups(db_path):
            item = QListWidgetItem(_describe(entry))
            item.setData(Qt.ItemDataRole.UserRole, str(entry.path))
            self.list.addItem(item)
        if self.list.count() == 0:
            self.list.addItem(QCoreApplication.translate("Backup", "(no automatic backups yet)"))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        choose = QDialogButtonBox()
        file_button = choose.addButton(QCoreApplication.translate("Backup", "Choose a file…"),
                                       QDialogButtonBox.ButtonRole.ActionRole)
        file_button.clicked.connect(self._choose_file)
        layout.addWidget(choose)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("restore_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(QCoreApplication.translate("Backup", "Password of an encrypted backup"))
        layout.addWidget(self.password_edit)
        self.error = ErrorLabel(self, object_name="restore_error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("Backup", "Restore"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("restore_button")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("Backup", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("Backup", "Choose a backup"), "",
            QCoreApplication.translate("Backup", "Rekam UPT backups (*.rkbak *.sqlite3);;All files (*)"))
        if path:
            item = QListWidgetItem(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.list.insertItem(0, item)
            self.list.setCurrentRow(0)

    def password(self) -> str | None:
        """The password typed, or else the program's current one (if the dialog was given it)."""
        return self.password_edit.text() or self.fallback_password or None

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return Path(value) if value else None

    def accept(self) -> None:
        source = self.chosen()
        if source is None:
            self.error.show_message(QCoreApplication.translate("Backup", "Choose a backup first."))
            return
        try:
            self.info = backup.inspect_backup(source, password=self.password())
        except RekamError as err:
            self.error.show_message(err.message)
            return
        self.source = source
        super().accept()


def _describe(entry) -> str:
    when = entry.created if isinstance(entry.created, datetime) else None
    stamp = f"{format_date(when.date())} {when:%H:%M}" if when else ""
    return f"{stamp}  ·  {entry.reason}  ·  {entry.path.name}"


def restore_backup(window) -> None:
    dialog = RestoreDialog(window.db.path, window, fallback_password=window.session.password)
    if not dialog.exec():
        return
    if not confirm(window, QCoreApplication.translate("Backup", "Restore"),
                   QCoreApplication.translate("Backup", "Replace the current data with the backup %1? "
                                                        "The current data is kept as a backup first.")
                   .replace("%1", dialog.source.name),
                   yes=QCoreApplication.translate("Backup", "Restore"),
                   no=QCoreApplication.translate("Backup", "Cancel"), destructive=True):
        return
    # app.operations.session: every connection of the window closes, the file is replaced, reopened.
    info = window.restore_from(dialog.source, dialog.password())
    if info is not None:
        inform(window, QCoreApplication.translate("Backup", "Restored"),
               getattr(info, "message", "") or QCoreApplication.translate("Backup", "The backup was restored."))


def offer_restore_after_fault(parent: QWidget | None, path: Path, err: OperationError) -> bool:
    """A file that cannot be opened: say why, and offer the latest backup where that helps."""
    helps = err.code in ("corrupt", "not_database", "foreign", "cantopen", "database")
    latest = backup.latest_backup(path) if helps else None
    if latest is None:
        show_error(parent, err, "Rekam UPT")
        return False
    text = err.message + "\n\n" + QCoreApplication.translate("Backup", "The latest backup is from %1. Restore it now? "
                                                                 "The damaged file is kept aside, nothing is deleted."
                                                                 ).replace("%1", _describe(latest))
    if not confirm(parent, "Rekam UPT", text, yes=QCoreApplication.translate("Backup", "Restore the latest backup"),
                   no=QCoreApplication.translate("Backup", "Quit")):
        return False
    dialog = RestoreDialog(path, parent, reason=err.message)
    if not dialog.exec():
        return False
    try:
        info = backup.restore_database(path, dialog.source, password=dialog.password_edit.text() or None)
    except RekamError as e:
        show_error(parent, e, QCoreApplication.translate("Backup", "Restore failed"))
        return False
    inform(parent, QCoreApplication.translate("Backup", "Restored"),
           getattr(info, "message", "") or QCoreApplication.translate("Backup", "The backup was restored."))
    return True


__all__ = [
    "backup_at_exit",
    "backup_now",
    "daily_backup",
    "failure_log_text",
    "is_removable",
    "notify_backup_failures",
    "offer_restore_after_fault",
    "restore_backup",
]
