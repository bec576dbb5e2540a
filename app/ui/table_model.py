"""The table of persons: ids fetched in order, rows fetched a screen at a time.

Holding only ids (a compact array) keeps 100,000 persons cheap to sort and scroll;
the visible rows come from the database in pages and are cached until the data
changes (Anki's browser table works the same way).
"""

from __future__ import annotations

from array import array
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.models.dates import format_date, from_iso
from app.models.queries import Filter, Queries
from app.ui.labels import status_label

# (key for sorting, header source text)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP("PersonTableModel", "Name")),
    ("nik", QT_TRANSLATE_NOOP("PersonTableModel", "NIK / passport")),
    ("birth_date", QT_TRANSLATE_NOOP("PersonTableModel", "Born")),
    ("program", QT_TRANSLATE_NOOP("PersonTableModel", "Program")),
    ("register", QT_TRANSLATE_NOOP("PersonTableModel", "Register no.")),
    ("officer", QT_TRANSLATE_NOOP("PersonTableModel", "Officer (PK)")),
    ("offence", QT_TRANSLATE_NOOP("PersonTableModel", "Offence")),
    ("status", QT_TRANSLATE_NOOP("PersonTableModel", "Status")),
    ("start", QT_TRANSLATE_NOOP("PersonTableModel", "Guidance from")),
    ("end", QT_TRANSLATE_NOOP("PersonTableModel", "Guidance until")),
)
PAGE = 100


class PersonTableModel(QAbstractTableModel):
    """Rows = the persons of the selected groups, in the chosen order."""

    def __init__(self, queries: Queries, parent=None):
        super().__init__(parent)
        self.queries = queries
        self.filter = Filter()
        self.sort_key = "name"
        self.descending = False
        self.today: date | None = None
        self._ids: array = array("q")
        self._cache: dict[int, dict[str, Any]] = {}

    # -- loading -----------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the ids again (the filter, order or data changed)."""
        self.beginResetModel()
        self._ids = self.queries.person_ids(self.filter, self.sort_key, self.descending, self.today)
        self._cache.clear()
        self.endResetModel()

    def set_filter(self, flt: Filter) -> None:
        self.filter = flt
        self.reload()

    def refresh_rows(self, person_ids: frozenset[int] | None = None) -> None:
        """Drop cached rows (all, or these persons) and repaint them."""
        if person_ids is None:
            self._cache.clear()
        else:
            for pid in person_ids:
                self._cache.pop(pid, None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def _row(self, row: int) -> dict[str, Any] | None:
        pid = self._ids[row]
        found = self._cache.get(pid)
        if found is None:
            start = (row // PAGE) * PAGE
            page = self._ids[start:start + PAGE]
            if len(self._cache) > 5000:
                self._cache.clear()
            self._cache.update(self.queries.rows(page))
            found = self._cache.get(pid)
        return found

    # -- access ------------------------------------------------------------------
    def person_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, person_id: int) -> int:
        try:
            return self._ids.index(person_id)
        except ValueError:
            return -1

    def ids(self) -> array:
        return self._ids

    # -- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PersonTableModel", COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self._row(index.row())
        if r is None:
            return None
        key = COLUMNS[index.column()][0]
        if key == "name":
            return f"{r['name']} als. {r['alias']}" if r["alias"] else r["name"]
        if key == "nik":
            return r["nik"] or r["passport"] or ""
        if key == "birth_date":
            return format_date(from_iso(r["birth_date"]), "")
        if key == "program":
            return r["row_program"]
        if key == "register":
            return r["row_register"]
        if key == "officer":
            return r["row_officer"]
        if key == "offence":
            return r["row_offence"]
        if key == "status":
            return status_label(r["row_status"]) if r["row_status"] else ""
        if key == "start":
            return format_date(from_iso(r["row_start"] or None), "")
        if key == "end":
            return format_date(from_iso(r["row_end"] or None), "")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
