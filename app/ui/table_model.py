"""The table of persons: the selection's size, and its rows a page at a time.

The model never holds the 100,000 rows, nor even their ids: the database chooses
the persons (Queries.select), counts them, and gives pages of 100 rows in the order
of a sort index.  Scrolling on reads the next page from the last row seen (keyset),
a jump to the middle reads by offset; pages are cached until the data changes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtCore import QT_TRANSLATE_NOOP

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
    # The date of the due list chosen (hidden otherwise); its header names that date.
    ("due", QT_TRANSLATE_NOOP("PersonTableModel", "Date")),
)
DUE_COLUMN = len(COLUMNS) - 1
# The date a due list is about, by the name the officer knows it under (labels.date_label keys).
DUE_HEADERS = {"pb": "parole_date", "cb": "conditional_leave_start", "cmb": "leave_before_release_start",
               "asimilasi": "assimilation_date", "release_1": "expiry", "release_2": "expiry",
               "release_3": "expiry", "official_differs": "expiry"}
PAGE = 100
# Row columns that describe one record: under a group, the record that put the person there
# (Queries.page's "match"), else the person's main record.
_RECORD_COLUMNS = {"program": "row_program", "register": "row_register", "officer": "row_officer",
                   "offence": "row_offence", "status": "row_status", "start": "row_start", "end": "row_end"}


def shown(row: dict[str, Any], key: str) -> Any:
    """The value a record column shows for one table row."""
    match = row.get("match")
    if match is not None:
        return match.get(key) or ""
    return row[_RECORD_COLUMNS[key]]
MAX_CACHED_PAGES = 60


class PersonTableModel(QAbstractTableModel):
    """Rows = the persons of the selected groups (and search), in the chosen order."""

    def __init__(self, queries: Queries, parent=None):
        super().__init__(parent)
        self.queries = queries
        self.filter = Filter()
        self.sort_key = "name"
        self.descending = False
        self.today: date | None = None
        self._count = 0
        self._pages: dict[int, list[dict[str, Any]]] = {}

    # -- loading -----------------------------------------------------------------
    def reload(self) -> None:
        """Choose and count the persons again (the filter or the data changed)."""
        self.beginResetModel()
        self._count = self.queries.select(self.filter, self.today)
        self._pages.clear()
        self.endResetModel()

    def set_filter(self, flt: Filter) -> None:
        self.filter = flt
        self.reload()

    def refresh_rows(self, person_ids: frozenset[int] | None = None) -> None:
        """Forget cached pages (all, or those holding these persons) and repaint."""
        if person_ids is None:
            self._pages.clear()
        else:
            for number, rows in list(self._pages.items()):
                if any(r["id"] in person_ids for r in rows):
                    del self._pages[number]
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(COLUMNS) - 1))

    def _page(self, number: int) -> list[dict[str, Any]]:
        rows = self._pages.get(number)
        if rows is None:
            before = self._pages.get(number - 1)
            if before and len(before) == PAGE:
                rows = self.queries.page(self.sort_key, self.descending, after=before[-1], limit=PAGE)
            else:
                rows = self.queries.page(self.sort_key, self.descending, offset=number * PAGE, limit=PAGE)
            if len(self._pages) >= MAX_CACHED_PAGES:
                self._pages.pop(next(iter(self._pages)))
            self._pages[number] = rows
        return rows

    def _row(self, row: int) -> dict[str, Any] | None:
        if not 0 <= row < self._count:
            return None
        rows = self._page(row // PAGE)
        offset = row % PAGE
        return rows[offset] if offset < len(rows) else None

    # -- access ------------------------------------------------------------------
    def person_id(self, row: int) -> int | None:
        found = self._row(row)
        return found["id"] if found else None

    def cached_row_of(self, person_id: int) -> int:
        """The row of a person among the pages already read (the first page after a reset), or -1."""
        if not self._pages and self._count:
            self._page(0)
        for number, rows in self._pages.items():
            for i, r in enumerate(rows):
                if r["id"] == person_id:
                    return number * PAGE + i
        return -1

    def row_of(self, person_id: int) -> int:
        """The row of a person, or -1 when they are not in the selection."""
        row = self.cached_row_of(person_id)
        return row if row >= 0 else self.queries.rank(person_id, self.sort_key, self.descending)

    # -- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def due_header(self) -> str:
        """The due column's title: the date the chosen due list is about."""
        from app.ui.labels import date_label

        group = self.queries.due_group
        if group == "ending":
            return QCoreApplication.translate("PersonTableModel", "Guidance until")
        if group in DUE_HEADERS:
            return date_label(DUE_HEADERS[group])
        return QCoreApplication.translate("PersonTableModel", COLUMNS[DUE_COLUMN][1])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == DUE_COLUMN:
                return self.due_header()
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
            return r["row_ident"]
        if key == "birth_date":
            return format_date(from_iso(r["birth_date"]), "")
        if key == "due":
            return format_date(from_iso(r.get("due")), "")
        value = shown(r, key)
        if key == "status":
            return status_label(value) if value else ""
        if key in ("start", "end"):
            return format_date(from_iso(value or None), "")
        return value

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Another order: the same persons, so only the cached pages go."""
        self.beginResetModel()
        self.sort_key = COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self._pages.clear()
        self.endResetModel()
