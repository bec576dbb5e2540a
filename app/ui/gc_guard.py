"""Python's cycle collector runs in the GUI thread only.

PySide deletes a widget's C++ object when its Python wrapper is collected.  The collector
runs in whichever thread allocates past its threshold: the count worker and the read tasks
do heavy Python work in threads of their own, and one of them could collect a closed dialog
left in a reference cycle and so delete its widgets outside the GUI thread, which corrupts
Qt's state and crashes later at a random place (seen as segfaults inside processEvents in
the window tests on a loaded machine).  So automatic collection is switched off and a timer
in the GUI thread collects instead, the generations the thresholds call for, as often as
they would have (a check every half second costs a few microseconds).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    """Installed once per application (``install``); ``collect`` is also called by the tests."""

    def __init__(self, parent: QObject, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start(interval_ms)

    def collect_due(self) -> None:
        """The youngest generations over their thresholds (as the automatic collector would)."""
        counts = gc.get_count()
        if counts[0] <= self.thresholds[0]:
            return
        generation = 0
        for gen in (2, 1):
            if counts[gen] > self.thresholds[gen]:
                generation = gen
                break
        gc.collect(generation)


def install(app: QObject) -> GuiThreadCollector:
    """Collect in ``app``'s thread from now on (again: the one already installed)."""
    found = app.findChild(GuiThreadCollector)
    return found if found is not None else GuiThreadCollector(app)
