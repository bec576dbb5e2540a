"""The application-wide watcher of the main window: the idle lock's timer, and F1 in any dialog.

One filter for both: a modal dialog gets no shortcut of the main window, and every dialog
gets its help page (app/ui/help_pages.py) this way without adding its own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class IdleWatcher(QObject):
    """Restarts the idle timer on any key or mouse input in the application; F1 in any dialog.

    (One application-wide filter for both: a modal dialog gets no shortcut of the main
    window, and every dialog gets its help page this way without adding its own.)
    """

    def __init__(self, timer: QTimer, window: QWidget | None = None):
        # A child of the window: it goes with the window, and Qt then drops it from the
        # application's filters (a filter left behind would be called on a dead timer).
        super().__init__(window)
        self.timer = timer
        self.window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        try:
            return self._filter(obj, event)
        except RuntimeError:  # the window is being torn down: nothing to watch any more
            return False

    def _filter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        if kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_F1 and isinstance(obj, QWidget):
            # The first widget to see the key is the one with the focus: its window is the screen in use.
            target = obj.window()
            if target is not self.window and target.objectName() != "help_dialog":
                from app.ui.help_pages import show_help
                show_help(target)
                return True
        return False


def lock_window(window) -> None:
    """Hide the data (the window and any open dialog) until the password is given (Ctrl+L, idling)."""
    from PySide6.QtWidgets import QApplication, QToolBar

    if window.is_locked():
        return
    window.idle_timer.stop()
    window._hidden_windows = [w for w in QApplication.topLevelWidgets()
                              if w is not window and w.isVisible() and w.isWindow()]
    for w in window._hidden_windows:
        w.hide()
    window.menuBar().setEnabled(False)
    for bar in window.findChildren(QToolBar):
        bar.setEnabled(False)
    # The search box and the status line would still tell what the table holds.
    window.search_edit.setEnabled(False)
    window.status_label.hide()
    if window.lock_screen is None:
        from app.ui.password_dialogs import LockScreen
        window.lock_screen = LockScreen(lambda: window.db)
        window.lock_screen.unlocked.connect(window.unlock)
        window.pages.addWidget(window.lock_screen)
    window.pages.setCurrentWidget(window.lock_screen)
    window.lock_screen.password_edit.setFocus()


def unlock_window(window) -> None:
    """The password was given: the window and the dialogs hidden by ``lock_window`` come back."""
    from PySide6.QtWidgets import QToolBar

    window.pages.setCurrentIndex(0)
    window.menuBar().setEnabled(True)
    for bar in window.findChildren(QToolBar):
        bar.setEnabled(True)
    window.search_edit.setEnabled(True)
    window.status_label.show()
    for w in window._hidden_windows:
        w.show()
    window._hidden_windows = []
    window.idle_timer.start()
