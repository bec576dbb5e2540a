"""The sidebar: records grouped automatically by program, PK, offence, status, age and more.

Each group shows the number of distinct persons in it under the other selected
groups, so the number beside a group is the number of rows its table will show.
Clicking a group in another dimension narrows the table (AND); clicking the
selected group again, or "All clients", widens it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.models.queries import DUE_GROUPS_BAPAS, DUE_GROUPS_LAPAS, NONE, Filter, Queries
from app.models.domain import REGISTER_CLASSES
from app.ui.labels import age_label, due_label, status_label

ROLE_KEY = Qt.ItemDataRole.UserRole
ALL = ("all", None)


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
        self.itemClicked.connect(self._on_clicked)
        self.itemActivated.connect(self._on_clicked)
        self.itemCollapsed.connect(lambda it: self._collapsed.add(it.data(0, ROLE_KEY)[0]))
        self.itemExpanded.connect(lambda it: self._collapsed.discard(it.data(0, ROLE_KEY)[0]))

    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        key = item.data(0, ROLE_KEY)
        if key is None:
            return
        dimension, value = key
        if value is None and dimension != "all":
            item.setExpanded(not item.isExpanded())  # a heading
            return
        self.group_clicked.emit(dimension, value)

    # -- building ------------------------------------------------------------------
    def rebuild(self, queries: Queries, flt: Filter, unit_kind: str, today: date) -> None:
        """Recount every group under the current filter and redraw."""
        selected = dict(flt.groups)
        scroll = self.verticalScrollBar().value()
        self.setUpdatesEnabled(False)
        self.clear()
        total = queries.total(flt, today)
        top = self._item(None, self.tr("All clients"), total, ALL, bold=not selected)
        top.setToolTip(0, self.tr("Show everyone (clear the group filters)"))

        kinds = queries.program_kinds()
        counts = queries.group_counts("kind", flt, today)
        entries = [(k["code"] + " – " + k["name"], k["id"], counts.get(k["id"], 0)) for k in kinds]
        entries.append((self.tr("No program"), NONE, counts.get(NONE, 0)))
        self._dimension("kind", self.tr("Program"), entries, selected, keep_zero={k["id"] for k in kinds})

        counts = queries.group_counts("officer", flt, today)
        officers = queries.officers()
        entries = [(o["name"] + ("" if o["active"] else self.tr(" (inactive)")), o["id"], counts.get(o["id"], 0))
                   for o in officers if o["active"] or counts.get(o["id"])]
        entries.append((self.tr("No officer assigned"), NONE, counts.get(NONE, 0)))
        self._dimension("officer", self.tr("Officer (PK)"), entries, selected,
                        keep_zero={o["id"] for o in officers if o["active"]})

        counts = queries.group_counts("offence", flt, today)
        entries = [(c["name"], c["id"], counts.get(c["id"], 0)) for c in queries.offence_categories()]
        entries.append((self.tr("No category"), NONE, counts.get(NONE, 0)))
        self._dimension("offence", self.tr("Offence"), entries, selected)

        counts = queries.group_counts("status", flt, today)
        from app.models.schema import PROGRAM_STATUSES
        entries = [(status_label(s), s, counts.get(s, 0)) for s in PROGRAM_STATUSES]
        self._dimension("status", self.tr("Status"), entries, selected, keep_zero={"aktif"})

        counts = queries.group_counts("age", flt, today)
        entries = [(age_label(a), a, counts.get(a, 0)) for a in ("dewasa", "anak")]
        self._dimension("age", self.tr("Adult / child"), entries, selected, keep_zero={"dewasa", "anak"})

        if unit_kind in ("lapas", "rutan", "lpka"):
            counts = queries.group_counts("class", flt, today)
            entries = [(c, c, counts.get(c, 0)) for c in REGISTER_CLASSES]
            self._dimension("class", self.tr("Register class"), entries, selected)
            due_groups = DUE_GROUPS_LAPAS
        else:
            due_groups = DUE_GROUPS_BAPAS
        counts = queries.due_counts(due_groups, flt, today)
        entries = [(due_label(g), g, counts.get(g, 0)) for g in due_groups]
        self._dimension("due", self.tr("Due"), entries, selected, keep_zero=set(due_groups))
        self.setUpdatesEnabled(True)
        self.verticalScrollBar().setValue(scroll)

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
        item.setData(0, ROLE_KEY, key)
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

    # -- for tests ---------------------------------------------------------------------
    def count_of(self, dimension: str, value: Any) -> int | None:
        """The number shown beside a group (None if the group is not shown)."""
        for item in self._walk():
            if item.data(0, ROLE_KEY) == (dimension, value):
                text = item.text(1).replace(".", "")
                return int(text) if text else None
        return None

    def item_for(self, dimension: str, value: Any) -> QTreeWidgetItem | None:
        return next((i for i in self._walk() if i.data(0, ROLE_KEY) == (dimension, value)), None)

    def _walk(self):
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            yield top
            for j in range(top.childCount()):
                yield top.child(j)
