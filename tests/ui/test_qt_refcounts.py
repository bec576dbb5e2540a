"""Guard against a Qt binding that loses or leaks references of values passed through QVariant.

PySide6 6.12.0 decremented the reference count of None / True / False each time one
went through a QVariant (combo box item data, tree item data, a signal's object
argument); after a few thousand such calls Python 3.11 aborts with "deallocating
None".  From Python 3.12 those three are immortal, so counting their references
proves nothing there.  This test therefore sends ordinary, mortal objects along
every route the program uses (an object of our own, a tuple holding one, a float,
a large int, a str made at run time) thousands of times, and checks
that each one's reference count comes back to where it was once the Qt objects are
gone: a lost reference shows as a drop, a leaked one as a rise, each of about the
number of rounds.  The objects are held many times over while the test runs, so a
binding that drops references makes the count fall instead of freeing the object
under our feet.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QTreeWidgetItem

ROUNDS = 2000
# Below this drift the difference is caches and the interpreter's own bookkeeping.
TOLERANCE = 10


class Marker:
    """An object of our own: Qt can only carry it by reference (a wrapped PyObject)."""

    def __init__(self, name: str):
        self.name = name


class _Sender(QObject):
    sent = Signal(object, object)


def _values() -> dict[str, object]:
    marker = Marker("kind")
    return {
        "object": marker,
        "tuple": ("kind", marker, None, True),
        "float": float(sys.maxsize) * 1.5,
        "int": 10 ** 15 + len(sys.argv),  # made at run time: not a cached small int or a shared constant
        "str": "register-" + str(id(marker)),
    }


def _counts(values: dict[str, object]) -> dict[str, int]:
    gc.collect()
    return {name: sys.getrefcount(value) for name, value in values.items()}


def _combo_box(values: list[object]) -> None:
    combo = QComboBox()
    for i, value in enumerate(values):
        combo.addItem(f"pilihan {i}", value)
    for i in range(ROUNDS):
        combo.setCurrentIndex(i % len(values))
        assert combo.currentData() == values[i % len(values)]
        combo.setItemData(i % len(values), values[i % len(values)])
    combo.clear()
    del combo


def _tree_item(values: list[object]) -> None:
    item = QTreeWidgetItem(["x"])
    for i in range(ROUNDS):
        value = values[i % len(values)]
        item.setData(0, Qt.ItemDataRole.UserRole, value)
        assert item.data(0, Qt.ItemDataRole.UserRole) == value
    del item


def _item_model(values: list[object]) -> None:
    model = QStandardItemModel()
    model.appendRow([QStandardItem("x")])
    index = model.index(0, 0)
    for i in range(ROUNDS):
        value = values[i % len(values)]
        model.setData(index, value, Qt.ItemDataRole.UserRole)
        assert model.data(index, Qt.ItemDataRole.UserRole) == value
    model.clear()
    del model, index


def _signal(values: list[object]) -> None:
    sender, received = _Sender(), []
    sender.sent.connect(lambda a, b: received.append((a, b)))
    for i in range(ROUNDS):
        sender.sent.emit(values[i % len(values)], values[(i + 1) % len(values)])
    assert len(received) == ROUNDS and received[0] == (values[0], values[1 % len(values)])
    received.clear()
    sender.sent.disconnect()
    del sender


def _dynamic_property(values: list[object]) -> None:
    holder = QObject()
    for i in range(ROUNDS):
        value = values[i % len(values)]
        holder.setProperty("nilai", value)
        assert holder.property("nilai") == value
    holder.setProperty("nilai", None)
    del holder


ROUTES: dict[str, Callable[[list[object]], None]] = {
    "combo box item data": _combo_box,
    "tree item data": _tree_item,
    "item model data": _item_model,
    "signal object arguments": _signal,
    "dynamic property": _dynamic_property,
}


@pytest.mark.parametrize("route", ROUTES)
def test_mortal_values_keep_their_references_through_qvariant(qapp, route):
    values = _values()
    # Held many times over: a binding that drops references lowers the count, it cannot free them.
    keep = [list(values.values()) for _ in range(2 * ROUNDS)]
    before = _counts(values)
    ROUTES[route](list(values.values()))
    after = _counts(values)
    drift = {name: after[name] - before[name] for name in values if abs(after[name] - before[name]) > TOLERANCE}
    assert not drift, f"{route}: references lost (<0) or leaked (>0) per value: {drift}"
    assert len(keep) == 2 * ROUNDS


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None, True and False are immortal from Python 3.12:"
                    " their counts never move; the mortal values above cover the same routes")
def test_none_and_bools_survive_qvariant_round_trips(qapp):
    gc.collect()
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for route in ROUTES.values():
        route([None, True, False])
    gc.collect()
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    # Only a drop is checked: other code makes and drops references to None all the time.
    assert all(a >= b - TOLERANCE for a, b in zip(after, before)), (before, after)
