"""The audit trail, read-only: one person's history, and the whole database's log.

Each entry says when, what operation, who (the operator named in the office
settings and the computer's user) and which fields changed from what to what.  The
stored JSON is turned into readable lines ("Name: Budi → Budi Santoso") with dates
the Indonesian way.  Nothing here can change the trail: the table is append-only in
the database and chained by hashes that ``rekam-upt check`` verifies.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.schema import REMISSION_KINDS
from app.models.dates import format_date
from app.models.queries import Queries
from app.models.storage import Database
from app.ui.labels import (
    age_label,
    authority_label,
    date_label,
    remission_kind_label,
    sentence_kind_label,
    status_label,
    unit_kind_label,
)
from app.ui.widgets import note, setup_list_table

PAGE_SIZE = 200
_ROOT = QModelIndex()  # the invisible root of a flat table
CELL_LINES = 6  # lines of changes shown in a table cell; the pane below shows them all

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})")

# Columns the trail stores that mean nothing to a reader (sort keys, search text).
HIDDEN_KEYS = {"name_sort", "name_fold", "search", "updated_at", "created_at", "register_seq", "register_year",
               "deleted_batch", "sentence_p30"}

# Parts of an entry written for ``rekam-upt check`` (the ids of the records it created).
HIDDEN_SECTIONS = {"created"}

_SECTIONS = {
    "person": QT_TRANSLATE_NOOP("AuditFields", "Identity"),
    "case": QT_TRANSLATE_NOOP("AuditFields", "Case"),
    "program": QT_TRANSLATE_NOOP("AuditFields", "Program"),
}
_FIELDS = {
    "name": QT_TRANSLATE_NOOP("AuditFields", "Name"),
    "alias": QT_TRANSLATE_NOOP("AuditFields", "Alias"),
    "nik": QT_TRANSLATE_NOOP("AuditFields", "NIK"),
    "nik_note": QT_TRANSLATE_NOOP("AuditFields", "Reason for the NIK"),
    "duplicate_note": QT_TRANSLATE_NOOP("AuditFields", "Reason for a second record"),
    "passport": QT_TRANSLATE_NOOP("AuditFields", "Passport"),
    "nationality": QT_TRANSLATE_NOOP("AuditFields", "Nationality"),
    "sex": QT_TRANSLATE_NOOP("AuditFields", "Sex"),
    "birth_place": QT_TRANSLATE_NOOP("AuditFields", "Place of birth"),
    "birth_date": QT_TRANSLATE_NOOP("AuditFields", "Date of birth"),
    "religion": QT_TRANSLATE_NOOP("AuditFields", "Religion"),
    "education": QT_TRANSLATE_NOOP("AuditFields", "Education"),
    "occupation": QT_TRANSLATE_NOOP("AuditFields", "Occupation"),
    "address": QT_TRANSLATE_NOOP("AuditFields", "Address"),
    "phone": QT_TRANSLATE_NOOP("AuditFields", "Phone"),
    "family_contact": QT_TRANSLATE_NOOP("AuditFields", "Family contact"),
    "guarantor": QT_TRANSLATE_NOOP("AuditFields", "Guarantor"),
    "offence_date": QT_TRANSLATE_NOOP("AuditFields", "Date of the offence"),
    "client_class": QT_TRANSLATE_NOOP("AuditFields", "Adult / child"),
    "offence_category_id": QT_TRANSLATE_NOOP("AuditFields", "Offence"),
    "articles": QT_TRANSLATE_NOOP("AuditFields", "Articles"),
    "statute": QT_TRANSLATE_NOOP("AuditFields", "Statute"),
    "verdict_number": QT_TRANSLATE_NOOP("AuditFields", "Verdict number"),
    "verdict_date": QT_TRANSLATE_NOOP("AuditFields", "Verdict date"),
    "court": QT_TRANSLATE_NOOP("AuditFields", "Court"),
    "sentence_kind": QT_TRANSLATE_NOOP("AuditFields", "Kind of sentence"),
    "sentences": QT_TRANSLATE_NOOP("AuditFields", "Sentence"),
    "fine": QT_TRANSLATE_NOOP("AuditFields", "Fine"),
    "subsider": QT_TRANSLATE_NOOP("AuditFields", "Subsidiary imprisonment"),
    "fine_paid": QT_TRANSLATE_NOOP("AuditFields", "Fine paid"),
    "detention_start": QT_TRANSLATE_NOOP("AuditFields", "Detained from"),
    "city_detention_days": QT_TRANSLATE_NOOP("AuditFields", "Days of city detention"),
    "house_detention_days": QT_TRANSLATE_NOOP("AuditFields", "Days of house detention"),
    "detention_authority": QT_TRANSLATE_NOOP("AuditFields", "Detaining authority"),
    "remission_total_days": QT_TRANSLATE_NOOP("AuditFields", "Total remission (days)"),
    "register_class": QT_TRANSLATE_NOOP("AuditFields", "Register class"),
    "kind_id": QT_TRANSLATE_NOOP("AuditFields", "Program"),
    "sk_number": QT_TRANSLATE_NOOP("AuditFields", "SK number"),
    "sk_date": QT_TRANSLATE_NOOP("AuditFields", "SK date"),
    "register_number": QT_TRANSLATE_NOOP("AuditFields", "Register number"),
    "start_date": QT_TRANSLATE_NOOP("AuditFields", "Guidance from"),
    "end_date": QT_TRANSLATE_NOOP("AuditFields", "Guidance until"),
    "officer_id": QT_TRANSLATE_NOOP("AuditFields", "Officer (PK)"),
    "officer": QT_TRANSLATE_NOOP("AuditFields", "Officer (PK)"),
    "status": QT_TRANSLATE_NOOP("AuditFields", "Status"),
    "status_date": QT_TRANSLATE_NOOP("AuditFields", "Status date"),
    "status_letter": QT_TRANSLATE_NOOP("AuditFields", "Letter / SK"),
    "status_reason": QT_TRANSLATE_NOOP("AuditFields", "Reason"),
    "date": QT_TRANSLATE_NOOP("AuditFields", "Date"),
    "letter": QT_TRANSLATE_NOOP("AuditFields", "Letter / SK"),
    "reason": QT_TRANSLATE_NOOP("AuditFields", "Reason"),
    "deleted_at": QT_TRANSLATE_NOOP("AuditFields", "Moved to the bin"),
    "nip": QT_TRANSLATE_NOOP("AuditFields", "NIP / NI PPPK"),
    "nip_kind": QT_TRANSLATE_NOOP("AuditFields", "Kind of number"),
    "rank": QT_TRANSLATE_NOOP("AuditFields", "Rank"),
    "active": QT_TRANSLATE_NOOP("AuditFields", "Active"),
    "deactivated_on": QT_TRANSLATE_NOOP("AuditFields", "Deactivated on"),
    "programs": QT_TRANSLATE_NOOP("AuditFields", "Programs"),
    "count": QT_TRANSLATE_NOOP("AuditFields", "Number"),
    "granted": QT_TRANSLATE_NOOP("AuditFields", "Granted on"),
    "months": QT_TRANSLATE_NOOP("AuditFields", "Months"),
    "days": QT_TRANSLATE_NOOP("AuditFields", "Days"),
    "kind": QT_TRANSLATE_NOOP("AuditFields", "Kind"),
    "start": QT_TRANSLATE_NOOP("AuditFields", "From"),
    "end": QT_TRANSLATE_NOOP("AuditFields", "Until"),
    "note": QT_TRANSLATE_NOOP("AuditFields", "Note"),
    "key": QT_TRANSLATE_NOOP("AuditFields", "Date"),
    "value": QT_TRANSLATE_NOOP("AuditFields", "Value"),
    "pattern": QT_TRANSLATE_NOOP("AuditFields", "Pattern"),
    "sample": QT_TRANSLATE_NOOP("AuditFields", "Example"),
    "unit_name": QT_TRANSLATE_NOOP("AuditFields", "Unit name"),
    "unit_kind": QT_TRANSLATE_NOOP("AuditFields", "Kind of unit"),
    "city": QT_TRANSLATE_NOOP("AuditFields", "City"),
    "head_name": QT_TRANSLATE_NOOP("AuditFields", "Head of office"),
    "head_nip": QT_TRANSLATE_NOOP("AuditFields", "NIP of the head"),
    "operator_name": QT_TRANSLATE_NOOP("AuditFields", "Operator"),
    "language": QT_TRANSLATE_NOOP("AuditFields", "Language"),
    "idle_lock_minutes": QT_TRANSLATE_NOOP("AuditFields", "Screen lock (minutes)"),
    "backup_keep": QT_TRANSLATE_NOOP("AuditFields", "Backups kept"),
    "backup_daily": QT_TRANSLATE_NOOP("AuditFields", "Daily backup"),
    "paper": QT_TRANSLATE_NOOP("AuditFields", "Paper"),
}
_ENTITIES = {
    "person": QT_TRANSLATE_NOOP("AuditFields", "Client"),
    "case": QT_TRANSLATE_NOOP("AuditFields", "Case"),
    "program": QT_TRANSLATE_NOOP("AuditFields", "Program"),
    "officer": QT_TRANSLATE_NOOP("AuditFields", "Officer"),
    "settings": QT_TRANSLATE_NOOP("AuditFields", "Settings"),
    "remission": QT_TRANSLATE_NOOP("AuditFields", "Remission"),
    "interruption": QT_TRANSLATE_NOOP("AuditFields", "Interruption"),
}
_YES = QT_TRANSLATE_NOOP("AuditFields", "yes")
_NO = QT_TRANSLATE_NOOP("AuditFields", "no")
_MALE = QT_TRANSLATE_NOOP("AuditFields", "male")
_FEMALE = QT_TRANSLATE_NOOP("AuditFields", "female")
_MORE = QT_TRANSLATE_NOOP("AuditFields", "… %1 more")
_BEFORE = QT_TRANSLATE_NOOP("AuditFields", "%1 (was): %2")


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditFields", text)


def format_timestamp(text: str | None) -> str:
    """``2026-01-12T14:03:05`` as ``12 Januari 2026 14:03``."""
    if not text:
        return "–"
    m = _ISO_TIME.match(text)
    if not m:
        return text
    try:
        day = date.fromisoformat(m.group(1))
    except ValueError:
        return text
    return f"{format_date(day)} {m.group(2)}:{m.group(3)}"


def entity_label(entity: str, entity_id: int | None, lookups: Lookups | None = None) -> str:
    """What a record is, in an officer's words: "Program PB 1/PB/2025", never "Program #2".

    Without ``lookups`` (or when the record is gone) only the kind of record is named: an
    internal number means nothing to the person reading the trail.
    """
    source = _ENTITIES.get(entity)
    name = _t(source) if source else entity
    detail = lookups.describe(entity, entity_id) if lookups is not None and entity_id is not None else ""
    return f"{name} {detail}" if detail else name


def operation_label(operation: str) -> str:
    # Operations are stored in Indonesian words ("ubah identitas"): they are the record itself.
    return operation[:1].upper() + operation[1:]


class Lookups:
    """Names for the ids the trail stores (officer, program kind, offence), read once per dialog."""

    def __init__(self, queries: Queries):
        self.queries = queries
        self._officers: dict[int, str] | None = None
        self._kinds: dict[int, str] | None = None
        self._categories: dict[int, str] | None = None
        self._persons: dict[int, str] = {}

    def officer(self, officer_id: int) -> str:
        if self._officers is None:
            self._officers = {o["id"]: o["name"] for o in self.queries.officers()}
        return self._officers.get(officer_id, "–")

    def kind(self, kind_id: int) -> str:
        if self._kinds is None:
            self._kinds = {k["id"]: f"{k['code']} – {k['name']}" for k in self.queries.program_kinds()}
        return self._kinds.get(kind_id, "–")

    def category(self, category_id: int) -> str:
        if self._categories is None:
            self._categories = {c["id"]: c["name"] for c in self.queries.offence_categories()}
        return self._categories.get(category_id, "–")

    def describe(self, entity: str, entity_id: int) -> str:
        """The words that tell one record from its neighbours (a program's code and register number)."""
        if entity == "program":
            found = self.queries.program(entity_id)
            if found:
                return " · ".join(x for x in (found["kind_code"], found["register_number"]) if x)
        elif entity == "case":
            found = self.queries.case(entity_id)
            if found:
                offence = self.category(found["offence_category_id"]) if found["offence_category_id"] else ""
                return " · ".join(x for x in (offence, found["verdict_number"]) if x)
        elif entity == "officer":
            return self.officer(entity_id)
        return ""

    def person(self, person_id: int | None) -> str:
        if person_id is None:
            return ""
        if person_id not in self._persons:
            found = self.queries.person(person_id)
            self._persons[person_id] = found["name"] if found else "–"
        return self._persons[person_id]


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Nested entries ({"person": {...}, "case": {...}}) as dotted keys, in their order."""
    out: dict[str, Any] = {}
    if isinstance(value, dict):
        for k, v in value.items():
            key = f"{prefix}.{k}" if prefix else str(k)
            if isinstance(v, dict):
                out.update(_flatten(v, key))
            else:
                out[key] = v
    elif value is not None:
        out[prefix or "value"] = value
    return out


def _load(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def field_label(key: str) -> str:
    parts = key.split(".")
    leaf = parts[-1]
    source = _FIELDS.get(leaf)
    label = _t(source) if source else leaf.replace("_", " ")
    if len(parts) > 1 and parts[0] in _SECTIONS:
        return f"{_t(_SECTIONS[parts[0]])} › {label}"
    return label


def format_value(key: str, value: Any, lookups: Lookups | None = None) -> str:
    """One stored value as a person reads it."""
    leaf = key.split(".")[-1]
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool) or (leaf in ("active", "fine_paid", "backup_daily") and value in (0, 1)):
        return _t(_YES) if value else _t(_NO)
    if isinstance(value, list):
        shown = [str(v) for v in value[:10]]
        more = f" {_t(_MORE).replace('%1', str(len(value) - 10))}" if len(value) > 10 else ""
        return ", ".join(shown) + more
    if lookups is not None and isinstance(value, int):
        if leaf == "officer_id":
            return lookups.officer(value)
        if leaf == "kind_id":
            return lookups.kind(value)
        if leaf == "offence_category_id":
            return lookups.category(value)
    text = str(value)
    labelled = {"sex": lambda v: _t(_MALE) if v == "L" else _t(_FEMALE) if v == "P" else v,
                "status": status_label, "client_class": age_label, "sentence_kind": sentence_kind_label,
                "detention_authority": authority_label, "unit_kind": unit_kind_label}
    if leaf in labelled:
        return labelled[leaf](text)
    if leaf == "kind" and key.count(".") == 0 and text in REMISSION_KINDS:
        return remission_kind_label(text)
    if leaf == "key":
        return date_label(text)
    if leaf == "fine" and isinstance(value, int):
        return "Rp " + f"{value:,}".replace(",", ".")
    if _ISO_DATE.match(text):
        try:
            return format_date(date.fromisoformat(text))
        except ValueError:
            return text
    if _ISO_TIME.match(text):
        return format_timestamp(text)
    return text


def change_lines(before: str | None, after: str | None, lookups: Lookups | None = None) -> list[str]:
    """``Field: old → new`` for a change; ``Field: value`` for what was created or removed."""
    b, a = _load(before), _load(after)
    if b is not None and not isinstance(b, dict):
        b = {"value": b}
    if a is not None and not isinstance(a, dict):
        a = {"value": a}
    flat_b, flat_a = _flatten(b or {}), _flatten(a or {})
    # The trail stores keys sorted alphabetically; show them as the form shows them instead.
    keys = sorted(list(flat_a) + [k for k in flat_b if k not in flat_a], key=_reading_order)
    lines: list[str] = []
    for key in keys:
        if key.split(".")[-1] in HIDDEN_KEYS or key.split(".")[0] in HIDDEN_SECTIONS:
            continue
        label = field_label(key)
        if key in flat_b and key in flat_a:
            old, new = format_value(key, flat_b[key], lookups), format_value(key, flat_a[key], lookups)
            lines.append(f"{label}: {old} → {new}")
        elif key in flat_a:
            value = flat_a[key]
            if value in (None, "", []) or (type(value) is int and value == 0):
                continue  # an empty field of a new record says nothing
            lines.append(f"{label}: {format_value(key, value, lookups)}")
        else:
            # Only the old value is known (a deletion names what it removed).
            lines.append(_t(_BEFORE).replace("%1", label).replace("%2", format_value(key, flat_b[key], lookups)))
    return lines


_SECTION_ORDER = {name: i for i, name in enumerate(_SECTIONS)}
_FIELD_ORDER = {name: i for i, name in enumerate(_FIELDS)}


def _reading_order(key: str) -> tuple[int, int, str]:
    parts = key.split(".")
    section = _SECTION_ORDER.get(parts[0], -1) if len(parts) > 1 else -1
    return section, _FIELD_ORDER.get(parts[-1], len(_FIELD_ORDER)), key


def _cell_text(lines: list[str]) -> str:
    if len(lines) <= CELL_LINES:
        return "\n".join(lines)
    return "\n".join(lines[:CELL_LINES - 1] + [_t(_MORE).replace("%1", str(len(lines) - CELL_LINES + 1))])


def _read_only_detail(name: str) -> QPlainTextEdit:
    detail = QPlainTextEdit()
    detail.setObjectName(name)
    detail.setReadOnly(True)
    detail.setPlaceholderText(QCoreApplication.translate("AuditFields", "Select an entry to see all its fields."))
    return detail


# -- one person's history ------------------------------------------------------------------

class HistoryDialog(QDialog):
    """The audit trail of one person, newest first; nothing can be edited."""

    COLUMNS = 6

    def __init__(self, db: Database, person_id: int, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.db = db
        self.person_id = person_id
        self.queries = Queries(db)
        self.lookups = Lookups(self.queries)
        person = self.queries.person(person_id)
        name = person["name"] if person else "–"
        self.setWindowTitle(self.tr("History of %1").replace("%1", name))

        title = QLabel(name + (f"  ·  NIK {person['nik']}" if person and person["nik"] else ""))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        title.setFont(font)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("history_table")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Operation"), self.tr("Record"),
                                              self.tr("Operator"), self.tr("Computer user"), self.tr("Changes")])
        setup_list_table(self.table, (175, 130, 100, 120, 115), wrap=True)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.itemSelectionChanged.connect(self.on_selection_changed)
        # Row heights follow the wrapped text, so they change with the columns' widths.
        self.table.horizontalHeader().sectionResized.connect(self.table.resizeRowsToContents)

        self.detail = _read_only_detail("history_detail")
        self.empty_label = QLabel(self.tr("No entries for this person."))
        self.empty_label.setObjectName("history_empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        explanation = note(self.tr("The trail cannot be edited: each entry is chained to the one before it, "
                                   "so a change made outside the program is found by “rekam-upt check”."))
        explanation.setObjectName("history_note")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(explanation)
        layout.addWidget(buttons)
        self.entries: list[dict[str, Any]] = []
        self.load()
        self.resize(980, 600)

    def load(self) -> None:
        # Newest first: the question is usually "who changed this last?".
        self.entries = list(reversed(self.queries.history(self.person_id)))
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            lines = change_lines(e["before"], e["after"], self.lookups)
            values = (format_timestamp(e["at"]), operation_label(e["operation"]),
                      entity_label(e["entity"], e["entity_id"], self.lookups), e["operator"] or "–",
                      e["os_user"] or "–", _cell_text(lines))
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                if col == self.COLUMNS - 1 and len(lines) > CELL_LINES:
                    item.setToolTip("\n".join(lines))
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        self.empty_label.setVisible(not self.entries)
        if self.entries:
            self.table.selectRow(0)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def on_selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.clear()
            return
        e = self.entries[rows[0].row()]
        head = f"{format_timestamp(e['at'])} · {operation_label(e['operation'])} · " \
               f"{entity_label(e['entity'], e['entity_id'], self.lookups)}"
        self.detail.setPlainText("\n".join([head, ""] + change_lines(e["before"], e["after"], self.lookups)))


# -- the whole log ---------------------------------------------------------------------------

AUDIT_COLUMNS = (
    QT_TRANSLATE_NOOP("AuditTableModel", "No."),
    QT_TRANSLATE_NOOP("AuditTableModel", "When"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Operation"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Record"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Client"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Operator"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Computer user"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Changes"),
)


class AuditTableModel(QAbstractTableModel):
    """The log newest first, fetched 200 entries at a time as the view scrolls."""

    def __init__(self, queries: Queries, lookups: Lookups | None = None, parent=None):
        super().__init__(parent)
        self.queries = queries
        self.lookups = lookups or Lookups(queries)
        self.text = ""
        self.entries: list[dict[str, Any]] = []
        self._summaries: dict[int, str] = {}
        self._more = True

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self.text = text.strip()
        self.entries = []
        self._summaries.clear()
        self._more = True
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(AUDIT_COLUMNS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if parent.isValid() or not self._more:
            return
        page = self.queries.audit_page(len(self.entries), PAGE_SIZE, self.text)
        self._more = len(page) == PAGE_SIZE
        if page:
            start = len(self.entries)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self.entries.extend(page)
            self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AuditTableModel", AUDIT_COLUMNS[section])
        return None

    def lines(self, row: int) -> list[str]:
        e = self.entries[row]
        return change_lines(e["before"], e["after"], self.lookups)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        e = self.entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(e["id"])
            if col == 1:
                return format_timestamp(e["at"])
            if col == 2:
                return operation_label(e["operation"])
            if col == 3:
                return entity_label(e["entity"], e["entity_id"], self.lookups)
            if col == 4:
                return self.lookups.person(e["person_id"])
            if col == 5:
                return e["operator"] or "–"
            if col == 6:
                return e["os_user"] or "–"
            if col == 7:
                if e["id"] not in self._summaries:
                    summary = "; ".join(self.lines(index.row()))
                    self._summaries[e["id"]] = summary if len(summary) <= 200 else summary[:199] + "…"
                return self._summaries[e["id"]]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # Selectable, never editable: the trail is append-only.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    @property
    def complete(self) -> bool:
        return not self._more


class AuditLogDialog(QDialog):
    """Every entry of the database's trail, newest first, with a filter."""

    def __init__(self, db: Database, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("audit_log_dialog")
        self.db = db
        self.queries = Queries(db)
        self.setWindowTitle(self.tr("Audit log"))

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("audit_filter_edit")
        self.filter_edit.setPlaceholderText(self.tr("Filter by operation, operator or any recorded value "
                                                    "(a name, NIK, register number…)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("audit_count_label")
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)

        self.model = AuditTableModel(self.queries, parent=self)
        self.table = QTableView()
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        setup_list_table(self.table, (55, 175, 150, 100, 170, 110, 115))
        # Bound methods, not lambdas: a lambda holding ``self`` keeps a cycle PySide can free too late.
        self.table.selectionModel().currentRowChanged.connect(self.on_current_changed)

        self.detail = _read_only_detail("audit_detail")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("audit_empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()

        self.load_more_button = QPushButton(self.tr("Load %1 more").replace("%1", str(PAGE_SIZE)))
        self.load_more_button.setObjectName("load_more_button")
        self.load_more_button.setAutoDefault(False)
        self.load_more_button.clicked.connect(self.load_more)
        explanation = note(self.tr("The log cannot be edited. Each entry carries the hash of the one before it; run "
                             "“rekam-upt check” to verify that no entry was changed or removed."))
        explanation.setObjectName("audit_note")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.load_more_button)
        bottom.addWidget(explanation, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(bottom)

        # Typing waits for a pause before querying, so a long log is not searched per keystroke.
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(300)
        self.filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self.on_filter_edited)
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.model.rowsInserted.connect(self.on_rows_inserted)
        self.total = self.queries.audit_count()
        self.apply_filter()
        self.resize(1150, 640)

    def on_filter_edited(self, _text: str) -> None:
        self.filter_timer.start()

    def on_rows_inserted(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        self.update_count()

    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_detail(current.row())

    def apply_filter(self) -> None:
        self.filter_timer.stop()
        self.model.set_filter(self.filter_edit.text())
        self.update_count()
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.clear()

    def load_more(self) -> None:
        self.model.fetchMore(QModelIndex())
        self.update_count()

    def update_count(self) -> None:
        loaded = self.model.rowCount()
        total = _n(self.total)
        if not self.model.text:
            text = self.tr("%1 entries in total").replace("%1", total)
            if not self.model.complete:
                text += " · " + self.tr("%1 loaded").replace("%1", _n(loaded))
        elif self.model.complete:
            text = self.tr("%1 matching of %2 entries").replace("%1", _n(loaded)).replace("%2", total)
        else:
            text = self.tr("%1 matching so far (more as you scroll) of %2 entries") \
                .replace("%1", _n(loaded)).replace("%2", total)
        self.count_label.setText(text)
        self.load_more_button.setEnabled(not self.model.complete)
        if loaded == 0:
            self.empty_label.setText(self.tr("No entry matches “%1”.").replace("%1", self.model.text)
                                     if self.model.text else self.tr("The log is empty."))
        self.empty_label.setVisible(loaded == 0)

    def show_detail(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            self.detail.clear()
            return
        e = self.model.entries[row]
        head = [(f"{format_timestamp(e['at'])} · {operation_label(e['operation'])} · "
                 f"{entity_label(e['entity'], e['entity_id'], self.model.lookups)}")]
        if e["person_id"] is not None:
            head.append(self.model.lookups.person(e["person_id"]))
        self.detail.setPlainText("\n".join(head + [""] + self.model.lines(row)))


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")

