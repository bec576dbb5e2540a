"""Starting the window: translations, the database file, the lock, the password, first start.

First start, in this order: set the password, the office's settings (skippable),
then the main window's empty state, which says what to do next.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from app import APP_NAME
from app.models import i18n
from app.models.errors import OperationError, RekamError
from app.models.paths import default_db_path, demo_db_path
from app.models.storage import Database
from app.operations.session import Session as FileSession
from app.operations.settings import preferences

# (The password checks, the leftovers' sweep, argparse and importlib.resources are imported where
# they are used: the main window should open as fast as a bare Qt window, bench/bench_window.py.)
DEMO_CLIENTS = 1500


def i18n_dir():
    """The compiled translations, from the installed package (resources/ installed as app.resources),
    so a wheel or the PyInstaller folder finds them as a source checkout does."""
    from importlib.resources import files
    return files("app.resources") / "i18n"


def _load_qm(translator: QTranslator, name: str) -> bool:
    """Load a compiled translation: straight from the package's folder when it is one on disk
    (a source checkout, a wheel, the PyInstaller folder), else through importlib.resources."""
    import app.resources
    for folder in getattr(app.resources, "__path__", ()):
        path = Path(folder) / "i18n" / name
        if path.is_file():
            return translator.load(str(path))
    from importlib.resources import as_file
    with as_file(i18n_dir() / name) as qm:  # (a zipped package: a temporary copy while it loads)
        return translator.load(str(qm))


class Translations:
    """Indonesian by default; English means no translator (the source strings are English)."""

    def __init__(self, app: QApplication):
        self.app = app
        self.ours = QTranslator(app)
        self.qt = QTranslator(app)
        self.language = "en"

    def use(self, language: str) -> None:
        if language == self.language:
            return
        self.app.removeTranslator(self.ours)
        self.app.removeTranslator(self.qt)
        if language == "id":
            if _load_qm(self.ours, "rekam_upt_id.qm"):
                self.app.installTranslator(self.ours)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if self.qt.load(QLocale(QLocale.Language.Indonesian), "qtbase", "_", qt_dir):
                self.app.installTranslator(self.qt)
        self.language = language
        i18n.set_language(language)


class Session(FileSession):
    """The window's open database: the file session, plus the window's language."""

    def __init__(self, path: Path, db: Database, lock, password: str, *, readonly_reason: str = "",
                 translations: Translations | None = None, main_path: Path | None = None):
        super().__init__(path, db, lock, password, readonly_reason=readonly_reason, main_path=main_path)
        self.translations = translations

    def apply_preferences(self) -> None:
        if self.translations is not None:
            self.translations.use(preferences(self.db).get("language", "id"))

    # -- switching between the real data and the demo -------------------------------------------
    def open_demo(self, window) -> None:
        """The demo file: made the first time (a task with progress), then opened instead of the real data."""
        from app.operations.demo import generate_demo
        from app.ui.tasks import run_task
        from app.ui.widgets import show_error

        path = demo_db_path()
        if path.exists():
            window.switch_to(path)
            return
        unit_kind = (self.db.get_setting("office") or {}).get("unit_kind") or "bapas"
        password = self.password
        today = window.today()

        def work(progress):
            return generate_demo(path, clients=DEMO_CLIENTS, seed=1, today=today, password=password,
                                 unit_kind=unit_kind, progress=lambda done, total: progress(done, total))

        def done(_result, error):
            if error is not None:
                show_error(window, error if isinstance(error, RekamError) else RekamError(str(error)))
                return
            window.switch_to(path)

        run_task(window, QCoreApplication.translate("Session", "Making the demo file…"), work, done)

    def on_exit(self, window) -> None:
        try:
            from app.ui.backup_dialogs import backup_at_exit
            backup_at_exit(self)
        finally:
            self.close()


def _ask(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    from app.ui.widgets import confirm
    return confirm(parent, title, text, yes=yes, no=no)


def _fail(message: str) -> int:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message)
    box.setObjectName("fatal_box")
    box.exec()
    return 1


def start_session(path: Path, *, explicit: bool, translations: Translations | None) -> Session | int:
    """Open (or create) the database with all the questions a person must answer.

    Returns the session, or an exit status when the person declined or it failed.
    """
    from app.lockfile import DatabaseLock
    from app.ui.backup_dialogs import offer_restore_after_fault
    from app.ui.password_dialogs import LoginDialog, SetPasswordDialog

    if not path.exists():
        if explicit and not _ask(None, APP_NAME,
                                 QCoreApplication.translate("Start", "The file %1 does not exist. Create a new, empty "
                                                                     "Rekam UPT database there?")
                                 .replace("%1", str(path)),
                                 QCoreApplication.translate("Start", "Create"),
                                 QCoreApplication.translate("Start", "Cancel")):
            return 0
    try:
        opened = FileSession.begin(path, lock_factory=DatabaseLock)
    except OperationError as err:
        if err.code == "locked":
            return _fail(err.message)
        restored = offer_restore_after_fault(None, path, err)
        if restored:
            return start_session(path, explicit=explicit, translations=translations)
        return 1
    except RekamError as err:
        return _fail(err.message)
    db, lock, readonly_reason = opened.db, opened.lock, opened.readonly_reason
    if translations is not None:
        translations.use(preferences(db).get("language", "id"))
    from app.operations import auth
    try:
        first_start = auth.needs_first_password(db)
    except RekamError as err:  # a missing or damaged password record: never opened as if it had none
        db.close()
        lock.release()
        return _fail(err.message)
    if first_start:
        if db.readonly:
            lock.release()
            return _fail(QCoreApplication.translate("Start", "This database has no password yet and is read-only."))
        dialog = SetPasswordDialog(db)
        if not dialog.exec():
            db.close()
            lock.release()
            return 0
        password = dialog.password()
        from app.ui.settings_dialog import OfficeSettingsDialog
        OfficeSettingsDialog(db, first_run=True).exec()
    else:
        dialog = LoginDialog(db, APP_NAME)
        if not dialog.exec():
            db.close()
            lock.release()
            return 0
        password = dialog.password()
    session = Session(path, db, lock, password, readonly_reason=readonly_reason, translations=translations,
                      main_path=path if not db.get_setting("demo") else default_db_path())
    from app.ui.backup_dialogs import daily_backup
    daily_backup(session)
    return session


def run_window(argv: list[str]) -> int:
    import argparse

    from app.leftovers import remove_leftovers

    parser = argparse.ArgumentParser(prog="rekam-upt")
    parser.add_argument("--db", metavar="PATH")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    args, _rest = parser.parse_known_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.ui.gc_guard import install as collect_in_gui_thread

    collect_in_gui_thread(app)  # (a widget collected in a worker thread crashes Qt)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("RekamUPT")
    translations = Translations(app)
    translations.use("id")
    path = Path(args.db).expanduser() if args.db else default_db_path()
    remove_leftovers(path)  # what killed runs left beside the file, if no one is using it
    session = start_session(path, explicit=bool(args.db), translations=translations)
    if isinstance(session, int):
        return session
    from app.ui.main_window import MainWindow
    today = date.fromisoformat(args.today) if args.today else None
    window = MainWindow(session, today=today)
    # On a laptop screen (1366×768, or a larger one scaled to 125-150 %) the window takes the
    # whole screen; on a large one it opens at its own size.
    screen = app.primaryScreen()
    if screen is not None and screen.availableGeometry().width() < 1400:
        window.showMaximized()
    else:
        window.show()
    from app.ui.backup_dialogs import notify_backup_failures
    notify_backup_failures(window)
    return app.exec()
