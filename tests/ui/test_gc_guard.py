"""Python's cycle collector runs in the GUI thread only (app/ui/gc_guard.py)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QDialog

from app.ui.gc_guard import GuiThreadCollector, install


def test_a_widget_left_in_a_cycle_is_collected_by_the_gui_thread_not_by_a_worker(qtbot, qapp):
    collector = install(qapp)
    assert install(qapp) is collector and isinstance(collector, GuiThreadCollector)
    assert not gc.isenabled()
    deleted_in: list[str] = []

    class Dialog(QDialog):
        def __init__(self):
            super().__init__()
            self.me = self  # a reference cycle: only the cycle collector frees it

        def __del__(self):
            deleted_in.append(threading.current_thread().name)

    Dialog()

    def busy():  # what the count worker does: a lot of Python allocation
        junk = [[i] for i in range(200_000)]
        del junk

    worker = threading.Thread(target=busy, name="worker")
    worker.start()
    worker.join()
    assert deleted_in == []  # the worker's allocations did not collect it
    for _ in range(3):
        collector.collect_due()
    gc.collect()
    assert deleted_in == [threading.main_thread().name]
