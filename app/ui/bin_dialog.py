"""The bin: persons, cases and programs moved there, and the way back.

Deleting in Rekam UPT never destroys a record; it moves it to the bin with what was
deleted together with it.  Restoring brings that whole batch back.  When a record
cannot come back on its own (its person or case is still in the bin, its register
number was given again) the operation's message is shown under the list.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.dates import format_date
from app.models.errors import RekamError
from app.models.storage import Database
from app.operations import OpChanges, clients
from app.ui.history_dialog import format_timestamp
from app.ui.ops import InlineOps, Ops
from app.ui.widgets import HINT_STYLE, ErrorLabel, setup_list_table

COL_KIND, COL_RECORD, COL_PERSON, COL_DELETED = range(4)


class BinDialog(QDialog):
    """What the bin holds, newest first; ``changes`` after exec() says what was restored."""

    def __init__(self, db: Database, *, parent: QWidget | None = None, ops: Ops | None = None):
        super().__init__(parent)
        self.setObjectName("bin_dialog")
        self.db = db
        self.ops = ops or InlineOps(db, self)
        self.changes = OpChanges()
        self.items: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Bin"))

        intro = QLabel(self.tr("Records moved to the bin stay here until restored. Restoring a person also "
                               "restores the cases and programs deleted with them."))
        intro.setWordWrap(True)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("bin_table")
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Record"), self.tr("Person"),
                                              self.tr("Moved to the bin")])
        setup_list_table(self.table, (90, 300, 200))  # kind, record, person
        self.table.itemSelectionChanged.connect(self.update_buttons)

        self.empty_label = QLabel(self.tr("The bin is empty."))
        self.empty_label.setObjectName("bin_empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        self.error_label = ErrorLabel(self, object_name="bin_error")
        self.done_label = QLabel()
        self.done_label.setObjectName("bin_done_label")
        self.done_label.setStyleSheet(HINT_STYLE)

        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setToolTip(self.tr("Bring the selected record back"))
        self.restore_button.clicked.connect(self.restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.restore_button)
        bottom.addWidget(self.done_label, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(bottom)
        self.reload()
        self.resize(840, 440)

    def kind_label(self, entity: str) -> str:
        return {"person": self.tr("Person"), "case": self.tr("Case"), "program": self.tr("Program")}.get(entity, entity)

    def record_text(self, item: dict[str, Any]) -> str:
        """What identifies the record: a NIK, a verdict number, a program and register number."""
        label = str(item["label"] or "")
        detail = item["detail"]
        if item["entity"] == "person":
            # The Person column already names them: the NIK tells two namesakes apart.
            return f"NIK {detail}" if detail else self.tr("(no NIK)")
        if item["entity"] == "case":
            when = _date_text(detail)
            if label == detail:  # no verdict number: the query fell back to the offence date
                return self.tr("Case of %1").replace("%1", when)
            return self.tr("%1 (offence of %2)").replace("%1", label).replace("%2", when) if when else label
        when = _date_text(detail)
        return self.tr("%1 (from %2)").replace("%1", label.strip()).replace("%2", when) if when else label.strip()

    def reload(self) -> None:
        self.items = clients.bin_items(self.db)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            values = {COL_KIND: self.kind_label(item["entity"]), COL_RECORD: self.record_text(item),
                      COL_PERSON: item["person"] or "", COL_DELETED: format_timestamp(item["deleted_at"])}
            for col, text in values.items():
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, col, cell)
        self.stack.setCurrentWidget(self.table if self.items else self.empty_label)
        if self.items:
            self.table.selectRow(0)
        self.update_buttons()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and self.items else None

    def update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None and not self.ops.readonly)

    def restore(self) -> None:
        item = self.selected()
        if item is None:
            return
        self.error_label.show_message("")
        try:
            result = self.ops.call(lambda db: clients.restore_from_bin(db, item["entity"], item["id"]))
        except RekamError as err:
            self.error_label.show_message(err.message)
            return
        self.changes = self.changes | result.changes
        self.done_label.setText(self.tr("Restored: %1").replace("%1", self.record_text(item)))
        self.reload()


def _date_text(value: Any) -> str:
    if not value:
        return ""
    try:
        return format_date(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)
