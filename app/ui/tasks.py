"""Long work off the GUI thread, with a progress dialog and a cancel button.

The function runs in a QThread and reports progress through a callback; no widget
is touched from the worker.  Its result (or its error) comes back to the GUI thread
by signal.  Work that writes opens its own connection to the database.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """Raised inside a task when the person pressed Cancel."""


class _Worker(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object, object)  # result, error

    def __init__(self, fn: Callable[..., Any]):
        super().__init__()
        self.fn = fn
        self.cancel_event = threading.Event()

    @Slot()
    def run(self) -> None:
        def progress(done: int, total: int, text: str = "") -> None:
            if self.cancel_event.is_set():
                raise Cancelled()
            self.progressed.emit(int(done), int(total), text)

        try:
            result = self.fn(progress)
        except BaseException as err:  # noqa: BLE001 - reported to the GUI thread
            self.finished.emit(None, err)
        else:
            self.finished.emit(result, None)


class _Receiver(QObject):
    """Lives in the GUI thread, so the worker's signals reach these slots there (queued)."""

    def __init__(self, dialog: QProgressDialog, thread: QThread, on_done):
        super().__init__(dialog)
        self.dialog = dialog
        self.thread = thread
        self.on_done = on_done

    @Slot(int, int, str)
    def progress(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if text:
            self.dialog.setLabelText(text)

    @Slot(object, object)
    def finished(self, result: Any, error: BaseException | None) -> None:
        self.thread.quit()
        self.thread.wait()
        self.dialog.close()
        self.on_done(result, error)


def run_task(parent: QWidget, title: str, fn: Callable[[Callable[..., None]], Any],
             on_done: Callable[[Any, BaseException | None], None], *, cancellable: bool = True) -> QThread:
    """Run ``fn(progress)`` in a worker thread; call ``on_done(result, error)`` in the GUI thread."""
    dialog = QProgressDialog(title, QCoreApplication.translate("Tasks", "Cancel") if cancellable else "", 0, 0, parent)
    dialog.setObjectName("task_progress")
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    thread = QThread(parent)
    worker = _Worker(fn)
    worker.moveToThread(thread)
    receiver = _Receiver(dialog, thread, on_done)
    worker.progressed.connect(receiver.progress, Qt.ConnectionType.QueuedConnection)
    worker.finished.connect(receiver.finished, Qt.ConnectionType.QueuedConnection)
    worker.finished.connect(worker.deleteLater)
    dialog.canceled.connect(worker.cancel_event.set)
    thread.started.connect(worker.run)
    thread._worker = worker  # keep references for the thread's lifetime
    thread._receiver = receiver
    thread.start()
    return thread
