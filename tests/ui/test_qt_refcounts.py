"""Guard against a Qt binding that loses references to None, True and False.

PySide6 6.12.0 decremented the reference count of None / True / False each time one
went through a QVariant (combo box item data, tree item data, a signal's object
argument); after a few thousand such calls Python aborts with "deallocating None".
The program passes these values through Qt all the time, so this test pins the
behaviour: a binding that loses them fails here rather than on an officer's desk.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QTreeWidgetItem

ROUNDS = 2000


class _Sender(QObject):
    sent = Signal(object, object)


def _refcounts() -> tuple[int, int, int]:
    gc.collect()
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_none_and_bools_survive_qvariant_round_trips(qapp):
    before = _refcounts()
    combo = QComboBox()
    combo.addItem("kosong", None)
    combo.addItem("ya", True)
    combo.addItem("tidak", False)
    for i in range(ROUNDS):
        combo.setCurrentIndex(i % 3)
        combo.currentData()
    item = QTreeWidgetItem(["x"])
    for _ in range(ROUNDS):
        item.setData(0, Qt.ItemDataRole.UserRole, ("kind", None, True))
        item.data(0, Qt.ItemDataRole.UserRole)
    sender, received = _Sender(), []
    sender.sent.connect(lambda a, b: received.append((a, b)))
    for _ in range(ROUNDS):
        sender.sent.emit(None, False)
    received.clear()
    combo.deleteLater()
    after = _refcounts()
    # Small increases are fine (caches); a binding that loses references drops by ~ROUNDS.
    assert all(a >= b - 10 for a, b in zip(after, before)), (before, after)
