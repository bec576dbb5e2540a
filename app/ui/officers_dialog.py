"""Officers (PK): the list of the unit's supervising officers and what can be done with them.

An officer is added, edited, deactivated when they leave (never deleted: the
programs they supervised keep their name) and reactivated when they return.  Their
whole active caseload can be handed to another PK in one action.  Every change goes
through app.operations.officers; the dialog gathers the ``OpChanges`` in ``changes``
for the main window to re-broadcast after it closes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.dates import format_date, from_iso
from app.models.domain import OfficerInput
from app.models.errors import RekamError
from app.models.identity import normalise_digits
from app.models.queries import Queries
from app.models.storage import Database
from app.operations import OpChanges, OpResult, officers
from app.ui.ops import InlineOps, Ops
from app.ui.widgets import (
    HINT_STYLE, ErrorLabel, FieldErrors, accept_buttons, confirm, field_holder, focus_first_empty, inform,
    setup_list_table, show_error,
)

# Common ranks (pangkat/golongan) of civil servants in a UPT; the combo stays editable
# because ranks outside this list (and PPPK staff without one) exist.
RANKS = (
    "Pengatur Muda (II/a)", "Pengatur Muda Tk. I (II/b)", "Pengatur (II/c)", "Pengatur Tk. I (II/d)",
    "Penata Muda (III/a)", "Penata Muda Tk. I (III/b)", "Penata (III/c)", "Penata Tk. I (III/d)",
    "Pembina (IV/a)", "Pembina Tk. I (IV/b)", "Pembina Utama Muda (IV/c)",
)

COL_NAME, COL_NIP, COL_RANK, COL_PHONE, COL_CASELOAD, COL_STATUS = range(6)
INACTIVE_COLOUR = QColor("#777777")


class OfficerForm(QDialog):
    """Add or edit one officer; the operation validates, errors appear under the fields."""

    def __init__(self, db: Database, officer_id: int | None = None, *, parent: QWidget | None = None,
                 ops: Ops | None = None):
        super().__init__(parent)
        self.setObjectName("officer_form")
        self.db = db
        self.ops = ops or InlineOps(db, self)
        self.officer_id = officer_id
        self.result_op: OpResult | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Add an officer (PK)") if officer_id is None else self.tr("Edit officer (PK)"))

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("officer_name_edit")
        self.name_edit.setPlaceholderText(self.tr("full name with degrees, e.g. Sari Dewi, S.H."))
        self.nip_edit = QLineEdit()
        self.nip_edit.setObjectName("officer_nip_edit")
        self.nip_edit.setPlaceholderText(self.tr("18 digits, e.g. 198503122010012001"))
        # Room for spaces between the NIP's groups (1985 0312 2010 01 2 001).
        self.nip_edit.setMaxLength(26)
        self.nip_count = QLabel()
        self.nip_count.setObjectName("officer_nip_count")
        self.nip_count.setStyleSheet(HINT_STYLE)
        self.nip_count.setMinimumWidth(self.nip_count.fontMetrics().horizontalAdvance("00 / 18") + 4)
        self.rank_combo = QComboBox()
        self.rank_combo.setObjectName("officer_rank_combo")
        self.rank_combo.setEditable(True)
        self.rank_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.rank_combo.addItem("")
        self.rank_combo.addItems(RANKS)
        self.rank_combo.lineEdit().setPlaceholderText(self.tr("choose or type"))
        self.rank_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("officer_phone_edit")
        self.phone_edit.setPlaceholderText("0812 3456 7890")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for label, widget, field, hint in (
            (self.tr("Name *"), self.name_edit, "officer.name", None),
            (self.tr("NIP / NI PPPK"), self.nip_edit, "officer.nip", self.nip_count),
            (self.tr("Rank"), self.rank_combo, "officer.rank", None),
            (self.tr("Phone"), self.phone_edit, "officer.phone", None),
        ):
            error = self.errors.add(field, ErrorLabel(object_name=field.replace(".", "_") + "_error"))
            form.addRow(label, field_holder(widget, error, beside=hint))
        note = QLabel(self.tr("Staff on contract (PPPK) enter their NI PPPK, also 18 digits. "
                              "Leave it empty only for staff who have neither."))
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)

        self.errors.general = ErrorLabel(self, object_name="officer_general_error")
        buttons = accept_buttons(self, self.tr("Save"), self.tr("Cancel"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.nip_edit.textChanged.connect(self.on_nip_edited)
        # After a refused save the errors follow the typing (issue 9).
        self._live = False
        self._focused_once = False
        for edit in (self.name_edit, self.nip_edit, self.phone_edit):
            edit.textChanged.connect(self.on_field_edited)
        self.rank_combo.currentTextChanged.connect(self.on_field_edited)
        self._load()
        self.on_nip_edited(self.nip_edit.text())
        self.resize(560, 260)

    def _load(self) -> None:
        if self.officer_id is None:
            return
        found = next((o for o in Queries(self.db).officers() if o["id"] == self.officer_id), None)
        if found is None:
            return
        self.name_edit.setText(found["name"])
        self.nip_edit.setText(found["nip"] or "")
        self.rank_combo.setCurrentText(found["rank"] or "")
        self.phone_edit.setText(found["phone"] or "")

    def on_nip_edited(self, text: str) -> None:
        # A running digit count catches a missing or extra digit before Save is pressed.
        digits = normalise_digits(text)
        self.nip_count.setText(f"{len(digits)} / 18" if text.strip() else "")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._focused_once:
            # The cursor in the name (or the first empty field), never on Simpan: typed letters
            # would be lost and Space would save (issue 9).
            self._focused_once = True
            focus_first_empty([self.name_edit, self.nip_edit, self.rank_combo, self.phone_edit])

    def on_field_edited(self, _text: str = "") -> None:
        if self._live:
            from app.models.validation import officer_errors
            self.errors.update_live(officer_errors(self.officer_input()))

    def officer_input(self) -> OfficerInput:
        return OfficerInput(name=self.name_edit.text(), nip=self.nip_edit.text(),
                            rank=self.rank_combo.currentText(), phone=self.phone_edit.text())

    def accept(self) -> None:
        self.errors.clear()
        try:
            values, officer_id = self.officer_input(), self.officer_id
            if officer_id is None:
                self.result_op = self.ops.call(lambda db: officers.add_officer(db, values))
            else:
                self.result_op = self.ops.call(lambda db: officers.update_officer(db, officer_id, values))
        except RekamError as err:
            fields = self.errors.show(err)
            self._live = True
            focus = {"officer.name": self.name_edit, "officer.nip": self.nip_edit,
                     "officer.rank": self.rank_combo, "officer.phone": self.phone_edit}
            first = next((focus[f] for f in fields if f in focus), None)
            if first is not None:
                first.setFocus()
            return
        super().accept()


class CaseloadTargetDialog(QDialog):
    """Choose the active PK who receives another officer's active programs."""

    def __init__(self, source: dict[str, Any], programs: int, candidates: list[dict[str, Any]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("caseload_target_dialog")
        self.setWindowTitle(self.tr("Move caseload"))
        text = QLabel(self.tr("Move the %1 active programs of %2 to:")
                      .replace("%1", str(programs)).replace("%2", source["name"]))
        text.setWordWrap(True)
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("move_target_combo")
        for o in candidates:
            self.target_combo.addItem(
                self.tr("%1 — now %2 active clients").replace("%1", o["name"]).replace("%2", str(o["caseload"])),
                o["id"])
        note = QLabel(self.tr("Only active programs move. Completed, revoked and other closed programs stay on "
                              "record with the officer who supervised them."))
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        buttons = accept_buttons(self, self.tr("Continue…"), self.tr("Cancel"), accept_name="move_continue_button",
                                 role=QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.target_combo)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(480, 180)

    def target_id(self) -> int | None:
        return self.target_combo.currentData()


class OfficersDialog(QDialog):
    """The officers of the unit; ``changes`` says what the operations changed."""

    def __init__(self, db: Database, *, today: date | None = None, parent: QWidget | None = None,
                 ops: Ops | None = None):
        super().__init__(parent)
        self.setObjectName("officers_dialog")
        self.db = db
        self.ops = ops or InlineOps(db, self)
        self.queries = Queries(db)
        self.today = today or date.today()
        self.changes = OpChanges()
        self._officers: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Officers (PK)"))

        intro = QLabel(self.tr("The supervising officers (Pembimbing Kemasyarakatan) of this unit. An officer who "
                               "leaves is deactivated, not deleted: the records they handled keep their name."))
        intro.setWordWrap(True)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("officers_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("NIP / NI PPPK"), self.tr("Rank"), self.tr("Phone"),
            self.tr("Active clients"), self.tr("Status")])
        setup_list_table(self.table, (220, 165, 170, 115, 95))  # name, NIP, rank, phone, caseload
        self.table.itemSelectionChanged.connect(self.update_buttons)
        # Bound methods, not lambdas: a lambda holding ``self`` keeps a cycle PySide can free too late.
        self.table.itemDoubleClicked.connect(self.edit_officer)

        self.empty_label = QLabel(self.tr("No officers recorded yet.\n\nAdd the PKs of your unit with “Add…”; "
                                          "they can then be chosen as the supervising officer of a program."))
        self.empty_label.setObjectName("officers_empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        self.add_button = self._button("add_officer_button", self.tr("&Add…"), self.add_officer)
        self.edit_button = self._button("edit_officer_button", self.tr("&Edit…"), self.edit_officer)
        self.deactivate_button = self._button("deactivate_button", self.tr("&Deactivate…"), self.toggle_active)
        self.move_button = self._button("move_caseload_button", self.tr("&Move caseload…"), self.move_caseload)
        self.add_button.setToolTip(self.tr("Add an officer (Ins)"))
        self.edit_button.setToolTip(self.tr("Edit the selected officer (F2 or double-click)"))
        self.move_button.setToolTip(self.tr("Hand every active program of the selected officer to another PK"))
        side = QVBoxLayout()
        for b in (self.add_button, self.edit_button, self.deactivate_button, self.move_button):
            side.addWidget(b)
        side.addStretch(1)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self, activated=self.add_officer)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, activated=self.edit_officer)

        self.count_label = QLabel()
        self.count_label.setObjectName("officers_count_label")
        self.count_label.setStyleSheet(HINT_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(buttons)

        middle = QHBoxLayout()
        middle.addWidget(self.stack, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        self.resize(1100, 480)
        self.reload()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -- the list ----------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_id()
        self._officers = self.queries.officers(today=self.today)
        self.table.setRowCount(len(self._officers))
        for row, o in enumerate(self._officers):
            active = bool(o["active"])
            if active:
                status = self.tr("Active")
            elif o["deactivated_on"]:
                status = self.tr("Inactive since %1").replace("%1", format_date(from_iso(o["deactivated_on"])))
            else:
                status = self.tr("Inactive")
            values = {COL_NAME: o["name"], COL_NIP: o["nip"] or "–", COL_RANK: o["rank"] or "",
                      COL_PHONE: o["phone"] or "", COL_CASELOAD: str(o["caseload"]), COL_STATUS: status}
            for col, text in values.items():
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, o["id"])
                if col == COL_CASELOAD:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not active:
                    item.setForeground(QBrush(INACTIVE_COLOUR))
                self.table.setItem(row, col, item)
        self.stack.setCurrentWidget(self.table if self._officers else self.empty_label)
        active_n = sum(1 for o in self._officers if o["active"])
        self.count_label.setText(self.tr("%1 active, %2 inactive")
                                 .replace("%1", str(active_n)).replace("%2", str(len(self._officers) - active_n)))
        row = next((i for i, o in enumerate(self._officers) if o["id"] == keep), 0 if self._officers else -1)
        if row >= 0:
            self.table.selectRow(row)
        self.update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), COL_NAME)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def selected(self) -> dict[str, Any] | None:
        oid = self.selected_id()
        return next((o for o in self._officers if o["id"] == oid), None)

    def update_buttons(self) -> None:
        o = self.selected()
        writable = not self.ops.readonly
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and o is not None)
        self.deactivate_button.setEnabled(writable and o is not None)
        self.deactivate_button.setText(self.tr("&Reactivate…") if o is not None and not o["active"]
                                       else self.tr("&Deactivate…"))
        self.move_button.setEnabled(writable and o is not None and o["caseload"] > 0)

    def _record(self, result: OpResult, select_id: int | None = None) -> None:
        self.changes = self.changes | result.changes
        self.reload(select_id)

    # -- actions -----------------------------------------------------------------------
    def add_officer(self) -> None:
        if self.ops.readonly:
            return
        form = OfficerForm(self.db, parent=self, ops=self.ops)
        if form.exec() and form.result_op is not None:
            self._record(form.result_op, form.result_op.id)

    def edit_officer(self) -> None:
        oid = self.selected_id()
        if oid is None or self.ops.readonly:
            return
        form = OfficerForm(self.db, oid, parent=self, ops=self.ops)
        if form.exec() and form.result_op is not None:
            self._record(form.result_op, oid)

    def toggle_active(self) -> None:
        o = self.selected()
        if o is None or self.ops.readonly:
            return
        if o["active"]:
            text = self.tr("Deactivate %1? They are no longer offered for new programs. The records they "
                           "handled keep their name, and they can be reactivated later.").replace("%1", o["name"])
            if o["caseload"]:
                text += "\n\n" + self.tr("%1 still supervises %2 active clients. Use “Move caseload…” to hand "
                                         "them to another officer.").replace("%1", o["name"]).replace(
                                             "%2", str(o["caseload"]))
            if not confirm(self, self.tr("Deactivate officer"), text, yes=self.tr("Deactivate"),
                           no=self.tr("Cancel"), destructive=True):
                return
        elif not confirm(self, self.tr("Reactivate officer"),
                         self.tr("Reactivate %1? They can be chosen for programs again.").replace("%1", o["name"]),
                         yes=self.tr("Reactivate"), no=self.tr("Cancel")):
            return
        try:
            active, today = not o["active"], self.today
            result = self.ops.call(lambda db: officers.set_officer_active(db, o["id"], active, today=today))
        except RekamError as err:
            show_error(self, err, self.tr("Not done"))
            return
        self._record(result, o["id"])

    def move_caseload(self) -> None:
        o = self.selected()
        if o is None or self.ops.readonly:
            return
        programs = self.queries.active_program_count(o["id"])
        if programs == 0:
            inform(self, self.tr("Move caseload"),
                   self.tr("%1 has no active programs to move.").replace("%1", o["name"]))
            return
        candidates = [c for c in self._officers if c["active"] and c["id"] != o["id"]]
        if not candidates:
            inform(self, self.tr("Move caseload"),
                   self.tr("There is no other active officer to receive the caseload. Add or reactivate one first."))
            return
        chooser = CaseloadTargetDialog(o, programs, candidates, self)
        if not chooser.exec() or chooser.target_id() is None:
            return
        target = next(c for c in candidates if c["id"] == chooser.target_id())
        if not confirm(self, self.tr("Move caseload"),
                       self.tr("Move all %1 active programs (%2 clients) from %3 to %4?")
                       .replace("%1", str(programs)).replace("%2", str(o["caseload"]))
                       .replace("%3", o["name"]).replace("%4", target["name"]),
                       yes=self.tr("Move"), no=self.tr("Cancel")):
            return
        try:
            result = self.ops.call(lambda db: officers.move_caseload(db, o["id"], target["id"]))
        except RekamError as err:
            show_error(self, err, self.tr("Not moved"))
            return
        self._record(result, o["id"])
        inform(self, self.tr("Caseload moved"),
               self.tr("%1 programs moved from %2 to %3.").replace("%1", str(result.info.get("moved", 0)))
               .replace("%2", o["name"]).replace("%3", target["name"]))
