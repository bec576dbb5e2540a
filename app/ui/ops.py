"""Every write of the window goes through one serialised worker, and what it changed is announced.

As in Anki's CollectionOp: the window never writes on the GUI thread.  An operation is
a function ``fn(db)`` (or ``fn(db, progress)`` for long work) from app.operations,
run by ``WriteWorker`` in its own thread on the one writing connection, one at a
time, in the order asked.  When it is done, its OpChanges is broadcast once
(``changed``) and each view decides whether to refresh.  The GUI thread reads
through its own connection (WAL lets it read while a write is under way), so a
long import never freezes the window; a short write asked for meanwhile waits its
turn and says so ("menunggu impor, 40%").

``call`` runs an operation and waits for it in a local event loop (the window
keeps painting), for dialogs that save and close; ``submit`` returns at once and
reports through callbacks.  ``InlineOps`` runs operations on the caller's thread
and connection with the same interface: the dialogs' own tests use it.

Long *reads* (printing, exporting, a backup, a check) do not come here: they run
through ``read_task`` in a thread of their own, on a read-only connection of their
own, so a check-in at the counter never waits behind a print run.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot

from app.models.errors import OperationError, RekamError
from app.models.storage import Database
from app.operations import OpChanges, OpResult

Progress = Callable[..., None]


class Cancelled(RekamError):
    """Raised inside a long operation when the person pressed Cancel; nothing of it was saved."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("Ops", "Cancelled: nothing was changed."), code="cancelled")


@dataclass
class _Job:
    number: int
    fn: Callable[..., Any]
    label: str
    long: bool
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[RekamError], None] | None = None
    on_progress: Callable[[int, int, str], None] | None = None
    cancel: threading.Event = field(default_factory=threading.Event)


def _as_error(err: BaseException) -> RekamError:
    if isinstance(err, RekamError):
        return err
    # A bug must not take the window down, nor be shown as if it were the officer's fault.
    return OperationError(QCoreApplication.translate("Ops", "The change could not be made (%1). Nothing was saved.")
                          .replace("%1", f"{type(err).__name__}: {err}"), code="internal")


class _Thread(QThread):
    """Runs the queued jobs one after another on the writing connection."""

    started_job = Signal(int, str, bool)
    progressed = Signal(int, int, int, str)   # job, done, total, text
    finished_job = Signal(int, object, object)  # job, result, error

    def __init__(self, db: Database, jobs: queue.Queue) -> None:
        super().__init__()
        self.db = db
        self.jobs = jobs

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            self.started_job.emit(job.number, job.label, job.long)
            try:
                if job.long:
                    def progress(done: int, total: int, text: str = "", job: _Job = job) -> None:
                        if job.cancel.is_set():
                            raise Cancelled()
                        self.progressed.emit(job.number, int(done), int(total), text)
                    result = job.fn(self.db, progress)
                else:
                    result = job.fn(self.db)
            except BaseException as err:  # noqa: BLE001 - reported to the GUI thread, never lost
                self.finished_job.emit(job.number, None, _as_error(err))
            else:
                self.finished_job.emit(job.number, result, None)


class Ops(QObject):
    """What views and dialogs use to change data: ``call``, ``submit`` and the ``changed`` broadcast."""

    # OpChanges of every finished write, once; the main window re-broadcasts it to its views.
    changed = Signal(object)
    # The long work under way: (label, percent), or ("", -1) when none is.
    busy = Signal(str, int)

    def call(self, fn: Callable[[Database], Any], label: str = "") -> Any:
        raise NotImplementedError

    def submit(self, fn: Callable[..., Any], *, label: str = "", long: bool = False,
               on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[RekamError], None] | None = None,
               on_progress: Callable[[int, int, str], None] | None = None) -> Callable[[], None]:
        """Queue ``fn(db)`` (``fn(db, progress)`` when ``long``); return a function that cancels it."""
        raise NotImplementedError

    db: Database

    @property
    def readonly(self) -> bool:
        """True when nothing can be saved (a read-only folder): dialogs disable their actions."""
        return self.db.readonly

    def waiting_text(self) -> str:
        """What a short write waits behind, for the officer ("Menunggu impor, 40%"), or ''."""
        return ""

    def _announce(self, result: Any) -> None:
        if isinstance(result, OpResult) and result.changes.any:
            self.changed.emit(result.changes)
        elif isinstance(result, OpChanges) and result.any:
            self.changed.emit(result)


class WriteWorker(Ops):
    """The window's one writing connection, used only by its own thread."""

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._jobs: queue.Queue = queue.Queue()
        self._pending: dict[int, _Job] = {}
        self._numbers = itertools.count(1)
        self._long: tuple[str, int] | None = None  # (label, percent) of the long job running
        self._thread = _Thread(db, self._jobs)
        self._thread.started_job.connect(self._on_started, Qt.ConnectionType.QueuedConnection)
        self._thread.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._thread.finished_job.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._thread.start()

    # -- asking ----------------------------------------------------------------------------
    def submit(self, fn, *, label="", long=False, on_done=None, on_error=None, on_progress=None):
        if not self._thread.isRunning():
            raise OperationError(QCoreApplication.translate("Ops", "The database is closed."), code="closed")
        job = _Job(next(self._numbers), fn, label, long, on_done, on_error, on_progress)
        self._pending[job.number] = job
        self._jobs.put(job)
        return job.cancel.set

    def call(self, fn, label=""):
        """Run ``fn(db)`` on the writer and wait for it, painting meanwhile; return or raise its result."""
        outcome: dict[str, Any] = {}
        loop = QEventLoop()

        def done(result: Any) -> None:
            outcome["result"] = result
            loop.quit()

        def failed(err: RekamError) -> None:
            outcome["error"] = err
            loop.quit()

        self.submit(fn, label=label, on_done=done, on_error=failed)
        if not outcome:
            loop.exec()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]

    def waiting_text(self) -> str:
        if self._long is None:
            return ""
        label, percent = self._long
        text = QCoreApplication.translate("Ops", "Waiting for %1").replace("%1", label)
        return f"{text}, {percent}%" if percent >= 0 else text

    # -- the worker's reports (GUI thread) -----------------------------------------------------
    @Slot(int, str, bool)
    def _on_started(self, number: int, label: str, long: bool) -> None:
        if long:
            self._long = (label or QCoreApplication.translate("Ops", "a long change"), 0)
            self.busy.emit(self._long[0], 0)

    @Slot(int, int, int, str)
    def _on_progress(self, number: int, done: int, total: int, text: str) -> None:
        job = self._pending.get(number)
        if job is not None and job.on_progress is not None:
            job.on_progress(done, total, text)
        if self._long is not None:
            percent = 100 * done // total if total > 0 else -1
            self._long = (self._long[0], percent)
            self.busy.emit(text or self._long[0], percent)

    @Slot(int, object, object)
    def _on_finished(self, number: int, result: Any, error: RekamError | None) -> None:
        job = self._pending.pop(number, None)
        if job is not None and job.long:
            self._long = None
            self.busy.emit("", -1)
        if error is None:
            # Views learn of the change before the caller goes on (a dialog closing, a selection).
            self._announce(result)
            if job is not None and job.on_done is not None:
                job.on_done(result)
        elif job is not None and job.on_error is not None:
            job.on_error(error)

    # -- closing ------------------------------------------------------------------------------
    def is_idle(self) -> bool:
        return not self._pending

    def wait_idle(self, timeout_ms: int = 60000) -> bool:
        """Let the queued writes finish (before closing or replacing the file)."""
        if self.is_idle():
            return True
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        check = QTimer()
        check.timeout.connect(lambda: loop.quit() if self.is_idle() else None)
        check.start(10)
        timer.start(timeout_ms)
        loop.exec()
        check.stop()
        return self.is_idle()

    def stop(self) -> None:
        """Finish what is queued, then end the thread; the connection stays for its owner to close."""
        for job in list(self._pending.values()):
            if job.long:
                job.cancel.set()
        self._jobs.put(None)
        self._thread.wait()
        # Deliver the last results queued to the GUI thread.
        QCoreApplication.sendPostedEvents(self)


class InlineOps(Ops):
    """The same interface, run at once on the caller's thread and connection (dialog tests, scripts)."""

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db

    def call(self, fn, label=""):
        try:
            result = fn(self.db)
        except RekamError:
            raise
        except Exception as err:  # noqa: BLE001 - same contract as the worker
            raise _as_error(err) from err
        self._announce(result)
        return result

    def submit(self, fn, *, label="", long=False, on_done=None, on_error=None, on_progress=None):
        cancel = threading.Event()

        def progress(done: int, total: int, text: str = "") -> None:
            if cancel.is_set():
                raise Cancelled()
            if on_progress is not None:
                on_progress(int(done), int(total), text)

        try:
            result = fn(self.db, progress) if long else fn(self.db)
        except BaseException as err:  # noqa: BLE001
            if on_error is not None:
                on_error(_as_error(err))
            return cancel.set
        self._announce(result)
        if on_done is not None:
            on_done(result)
        return cancel.set


class _ReadThread(QThread):
    progressed = Signal(int, int, str)
    done = Signal(object, object)

    def __init__(self, open_reader: Callable[[], Database], fn: Callable[..., Any], cancel: threading.Event) -> None:
        super().__init__()
        self.open_reader, self.fn, self.cancel = open_reader, fn, cancel

    def run(self) -> None:
        def progress(done: int, total: int, text: str = "") -> None:
            if self.cancel.is_set():
                raise Cancelled()
            self.progressed.emit(int(done), int(total), text)

        db = None
        try:
            db = self.open_reader()
            result = self.fn(db, progress)
        except BaseException as err:  # noqa: BLE001
            self.done.emit(None, _as_error(err))
        else:
            self.done.emit(result, None)
        finally:
            if db is not None:
                db.close()


class ReadTask(QObject):
    """A long read on its own read-only connection, beside the writer: ``fn(db, progress)``.

    ``open_reader`` makes that connection in the task's thread (the session's ``reader``).
    """

    progressed = Signal(int, int, str)

    def __init__(self, open_reader: Callable[[], Database], fn: Callable[..., Any], on_done: Callable[[Any], None],
                 on_error: Callable[[RekamError], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self._on_done, self._on_error = on_done, on_error
        self._thread = _ReadThread(open_reader, fn, self.cancel_event)
        self._thread.progressed.connect(self.progressed, Qt.ConnectionType.QueuedConnection)
        self._thread.done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._thread.start()

    def cancel(self) -> None:
        self.cancel_event.set()

    def wait(self) -> None:
        self._thread.wait()

    @Slot(object, object)
    def _finished(self, result: Any, error: RekamError | None) -> None:
        self._thread.wait()
        if error is None:
            self._on_done(result)
        else:
            self._on_error(error)
        self.deleteLater()


def run_long(parent, ops: Ops, title: str, fn: Callable[..., Any],
             on_done: Callable[[Any, RekamError | None], None]) -> Callable[[], None]:
    """A long write ``fn(db, progress)`` through ``ops`` with a progress dialog and Cancel.

    The dialog is not modal for the program: the window keeps painting and reading while
    the worker writes.  ``on_done(result, error)`` runs in the GUI thread.
    """
    from PySide6.QtWidgets import QProgressDialog

    dialog = QProgressDialog(title, QCoreApplication.translate("Ops", "Cancel"), 0, 0, parent)
    dialog.setObjectName("long_op_progress")
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def finish(result: Any = None, error: RekamError | None = None) -> None:
        dialog.close()
        dialog.deleteLater()
        on_done(result, error)

    cancel = ops.submit(fn, label=title, long=True, on_progress=progress,
                        on_done=lambda result: finish(result, None), on_error=lambda err: finish(None, err))
    dialog.canceled.connect(cancel)
    return cancel
