"""The sidebar: records grouped automatically by program, PK, offence, status, age and more.

Each group shows the number of distinct persons in it under the other selected
groups, so the number beside a group is the number of rows its table shows.
Clicking a group in another dimension narrows the table (AND); clicking the
selected group again, or "All clients", widens it.

Counting 100,000 persons in every group takes longer than a click should, so the
counts are made by ``CountWorker`` in its own thread on its own connection; the
table changes at once and the numbers follow a moment later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.models.queries import DUE_GROUPS_BAPAS, DUE_GROUPS_LAPAS, NONE, Filter, Queries
from app.models.schema import PROGRAM_STATUSES, REGISTER_CLASSES
from app.ui.labels import age_label, due_label, status_label

ROLE_KEY = Qt.ItemDataRole.UserRole
INMATE_UNITS = ("lapas", "rutan", "lpka")


@dataclass
class GroupCounts:
    """Everything the sidebar shows, counted under one filter."""

    total: int = 0
    counts: dict[str, dict[Any, int]] = field(default_factory=dict)
    kinds: list[dict[str, Any]] = field(default_factory=list)
    officers: list[dict[str, Any]] = field(default_factory=list)
    categories: list[dict[str, Any]] = field(default_factory=list)
    request: Any = None  # (filter, unit kind, today) they were counted for


class Superseded(Exception):
    """A newer request came in while counting: this one's numbers would never be shown."""


def count_groups(queries: Queries, flt: Filter, unit_kind: str, today: date,
                 still_wanted=lambda: True, previous: GroupCounts | None = None) -> GroupCounts:
    """All the sidebar's numbers (runs in the worker thread: no widgets here).

    ``previous``: numbers counted for the same filter and day before a wajib lapor change, which
    changes only the "Perlu perhatian" groups: those are counted again, the rest is reused.
    """
    if previous is not None and unit_kind not in INMATE_UNITS:
        result = GroupCounts(previous.total, dict(previous.counts), previous.kinds, previous.officers,
                             previous.categories)
        result.counts["attention"] = queries.attention_counts(flt, today)
        result.request = (flt, unit_kind, today)
        return result
    dimensions = ["kind", "officer", "offence", "status", "age"]
    if unit_kind in INMATE_UNITS:
        dimensions.append("class")
    result = GroupCounts(total=queries.total(flt, today))
    for dimension in dimensions:
        if not still_wanted():
            raise Superseded()
        result.counts[dimension] = queries.group_counts(dimension, flt, today)
    due_groups = DUE_GROUPS_LAPAS if unit_kind in INMATE_UNITS else DUE_GROUPS_BAPAS
    result.counts["due"] = queries.due_counts(due_groups, flt, today)
    if unit_kind not in INMATE_UNITS:
        # wajib lapor (issue 10): the "Perlu perhatian" groups of a Bapas.
        result.counts["attention"] = queries.attention_counts(flt, today)
    result.kinds = queries.program_kinds()
    result.officers = queries.officers(with_caseload=False)
    result.categories = queries.offence_categories()
    result.request = (flt, unit_kind, today)  # what they were counted for (wajib lapor reuses them)
    return result


class CountWorker(QObject):
    """Counts the groups on its own connection to the database, in its own thread.

    ``open_reader`` makes that connection (the session's ``reader``), in the worker's thread.
    """

    ready = Signal(int, object)

    def __init__(self, open_reader) -> None:
        super().__init__()
        self._open_reader = open_reader
        self._db = None
        # The newest request's number, set by the GUI thread before it asks; older
        # requests still queued are skipped, so quick clicks never build a backlog.
        self.latest = 0

    @Slot(int, object)
    def compute(self, generation: int, request: object) -> None:
        if generation != self.latest:
            return
        flt, unit_kind, today, *previous = request
        try:
            if self._db is None:
                self._db = self._open_reader()
            data = count_groups(Queries(self._db), flt, unit_kind, today,
                                still_wanted=lambda: generation == self.latest,
                                previous=previous[0] if previous else None)
        except Superseded:
            return
        except Exception as err:  # noqa: BLE001 - shown as "counts unavailable", never a crash
            self.close()
            data = err
        self.ready.emit(generation, data)

    @Slot()
    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class Sidebar(QTreeWidget):
    """Emits ``group_clicked(dimension, value)``; the main window owns the filter."""

    group_clicked = Signal(str, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._collapsed: set[str] = set()
        # Item data holds a number; the (dimension, value) it stands for lives here, in Python.
        self._keys: list[tuple[str, Any]] = []
        self.itemClicked.connect(self._on_clicked)
        self.itemActivated.connect(self._on_clicked)
        self.itemCollapsed.connect(self._on_collapsed)
        self.itemExpanded.connect(self._on_expanded)

    def _key(self, item: QTreeWidgetItem) -> tuple[str, Any] | None:
        number = item.data(0, ROLE_KEY)
        return self._keys[number] if isinstance(number, int) and 0 <= number < len(self._keys) else None

    def _on_collapsed(self, item: QTreeWidgetItem) -> None:
        key = self._key(item)
        if key:
            self._collapsed.add(key[0])

    def _on_expanded(self, item: QTreeWidgetItem) -> None:
        key = self._key(item)
        if key:
            self._collapsed.discard(key[0])

    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        key = self._key(item)
        if key is None:
            return
        dimension, value = key
        if value is None and dimension != "all":
            item.setExpanded(not item.isExpanded())  # a heading
            return
        self.group_clicked.emit(dimension, value)

    # -- drawing ---------------------------------------------------------------------
    def render(self, data: GroupCounts, flt: Filter, unit_kind: str) -> None:
        """Redraw every group with its count."""
        selected = dict(flt.groups)
        scroll = self.verticalScrollBar().value()
        self.setUpdatesEnabled(False)
        self.clear()
        self._keys = []
        top = self._item(None, self.tr("All clients"), data.total, ("all", None), bold=not selected)
        top.setToolTip(0, self.tr("Show everyone (clear the group filters)"))

        if "attention" in data.counts:
            # -- wajib lapor (issue 10): "Perlu perhatian" first, every group shown (greyed at zero).
            from app.ui.lapor_labels import group_label
            counts = data.counts["attention"]
            entries = [(group_label(g), g, n) for g, n in counts.items()]
            self._dimension("attention", self.tr("Needs attention"), entries, selected, keep_zero=set(counts))

        counts = data.counts.get("kind", {})
        entries = [(k["code"] + " – " + k["name"], k["id"], counts.get(k["id"], 0)) for k in data.kinds]
        entries.append((self.tr("No program"), NONE, counts.get(NONE, 0)))
        self._dimension("kind", self.tr("Program"), entries, selected, keep_zero={k["id"] for k in data.kinds})

        counts = data.counts.get("officer", {})
        entries = [(o["name"] + ("" if o["active"] else self.tr(" (inactive)")), o["id"], counts.get(o["id"], 0))
                   for o in data.officers if o["active"] or counts.get(o["id"])]
        entries.append((self.tr("No officer assigned"), NONE, counts.get(NONE, 0)))
        self._dimension("officer", self.tr("Officer (PK)"), entries, selected,
                        keep_zero={o["id"] for o in data.officers if o["active"]})

        counts = data.counts.get("offence", {})
        entries = [(c["name"], c["id"], counts.get(c["id"], 0)) for c in data.categories]
        entries.append((self.tr("No category"), NONE, counts.get(NONE, 0)))
        self._dimension("offence", self.tr("Offence"), entries, selected)

        counts = data.counts.get("status", {})
        entries = [(status_label(s), s, counts.get(s, 0)) for s in PROGRAM_STATUSES]
        self._dimension("status", self.tr("Status"), entries, selected, keep_zero={"aktif"})

        counts = data.counts.get("age", {})
        entries = [(age_label(a), a, counts.get(a, 0)) for a in ("dewasa", "anak")]
        self._dimension("age", self.tr("Adult / child"), entries, selected, keep_zero={"dewasa", "anak"})

        if "class" in data.counts:
            counts = data.counts["class"]
            entries = [(c, c, counts.get(c, 0)) for c in REGISTER_CLASSES]
            self._dimension("class", self.tr("Register class"), entries, selected)
        counts = data.counts.get("due", {})
        entries = [(due_label(g), g, n) for g, n in counts.items()]
        self._dimension("due", self.tr("Due"), entries, selected, keep_zero=set(counts))
        self.setUpdatesEnabled(True)
        self.verticalScrollBar().setValue(scroll)

    def show_busy(self, busy: bool) -> None:
        """Say when the numbers shown are being recounted (a tooltip: restyling the tree costs a frame)."""
        self.setToolTip(self.tr("Counting…") if busy else "")

    def _dimension(self, dimension: str, title: str, entries: list[tuple[str, Any, int]],
                   selected: dict[str, Any], keep_zero: set | None = None) -> None:
        heading = self._item(None, title, None, (dimension, None), heading=True)
        keep_zero = keep_zero or set()
        shown = 0
        for label, value, count in entries:
            if count == 0 and value not in keep_zero and selected.get(dimension) != value:
                continue
            self._item(heading, label, count, (dimension, value), bold=selected.get(dimension) == value,
                       grey=count == 0)
            shown += 1
        if shown == 0:
            empty = QTreeWidgetItem(heading, [self.tr("(none yet)"), ""])
            empty.setForeground(0, QBrush(QColor("#888")))
        heading.setExpanded(dimension not in self._collapsed)

    def _item(self, parent: QTreeWidgetItem | None, label: str, count: int | None, key: tuple,
              *, bold: bool = False, grey: bool = False, heading: bool = False) -> QTreeWidgetItem:
        text = [("✓ " if bold and not heading else "") + label, "" if count is None else f"{count:,}".replace(",", ".")]
        item = QTreeWidgetItem(parent, text) if parent is not None else QTreeWidgetItem(self, text)
        self._keys.append(key)
        item.setData(0, ROLE_KEY, len(self._keys) - 1)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold or heading:
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
            item.setFont(1, font)
        if grey:
            item.setForeground(0, QBrush(QColor("#888")))
            item.setForeground(1, QBrush(QColor("#888")))
        if heading:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        return item

    def items(self):
        """Every group row of the tree, headings included (depth two)."""
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            yield top
            for j in range(top.childCount()):
                yield top.child(j)

    def key_of(self, item: QTreeWidgetItem) -> tuple[str, Any] | None:
        """The (dimension, value) a row stands for, or None for a row that is not a group."""
        return self._key(item)
