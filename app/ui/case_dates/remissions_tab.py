"""The remission ledger tab of the case dates dialog: the list and the form of one remission.

The tab validates what is typed and asks the dialog to add, change or remove a
remission (``add_requested`` ...); the dialog runs the operation and shows the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.dates import format_date, from_iso
from app.models.errors import RekamError, UserInputError, ValidationErrors
from app.ui.case_dates.common import (
    NOTE_STYLE,
    ROLE_ID,
    CaseDates,
    date_field,
    list_table,
    replaced_fields,
    selected_id,
)
from app.ui.labels import REMISSION_KIND_CODES, amount_text, remission_kind_label
from app.ui.widgets import HINT_STYLE, ErrorLabel, FieldErrors, field_holder, note


@dataclass(frozen=True)
class RemissionValues:
    """One remission as typed: what ``sentence.add_remission`` and ``update_remission`` take."""

    granted: date | None
    months: int
    days: int
    kind: str
    sk_number: str


class RemissionForm(QWidget):
    """One remission from its SK: date granted, kind, months and days, SK number.

    The form part of the ledger: it exposes typed values and shows each error beside
    its field; the tab decides whether they add a new remission or change one.
    """

    # Field names of app.operations.sentence and the calculator -> this form's fields.
    ALIASES: ClassVar[dict[str, str]] = {
        "remission.granted": "date",
        "remissions": "date",  # the calculator: after the initial expiry, before detention ...
        "remission.amount": "amount",
        "remission.kind": "kind",
    }

    def __init__(self, default_kind: str = "umum", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("remission_form")
        self.default_kind = default_kind
        self.errors = FieldErrors()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.date_field = date_field("remission_date")
        form.addRow(self.tr("Date granted *"), field_holder(
            self.date_field, self.errors.add("date", ErrorLabel(object_name="remission_date_error"))))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("remission_kind_combo")
        for code in REMISSION_KIND_CODES:
            self.kind_combo.addItem(remission_kind_label(code), code)
        form.addRow(self.tr("Kind"), field_holder(
            self.kind_combo, self.errors.add("kind", ErrorLabel(object_name="remission_kind_error"))))
        amount = QWidget()
        h = QHBoxLayout(amount)
        h.setContentsMargins(0, 0, 0, 0)
        self.months_spin = QSpinBox()
        self.months_spin.setObjectName("remission_months_spin")
        self.months_spin.setRange(0, 120)
        self.months_spin.setSuffix(self.tr(" months"))
        self.days_spin = QSpinBox()
        self.days_spin.setObjectName("remission_days_spin")
        self.days_spin.setRange(0, 365)
        self.days_spin.setSuffix(self.tr(" days"))
        for spin in (self.months_spin, self.days_spin):
            spin.setMinimumWidth(100)
            h.addWidget(spin)
        h.addStretch(1)
        form.addRow(self.tr("Amount *"), field_holder(
            amount, self.errors.add("amount", ErrorLabel(object_name="remission_amount_error"))))
        self.sk_edit = QLineEdit()
        self.sk_edit.setObjectName("remission_sk_edit")
        self.sk_edit.setPlaceholderText(self.tr("number of the decree (SK) that granted it"))
        form.addRow(self.tr("SK number"), self.sk_edit)
        self.errors.general = ErrorLabel(self, object_name="remission_general_error")
        form.addRow(self.errors.general)
        self._focus = {"date": self.date_field, "amount": self.months_spin, "kind": self.kind_combo}
        self.clear()

    # -- values ---------------------------------------------------------------------
    def values(self) -> RemissionValues:
        """The remission as typed; ValidationErrors for a mistyped date."""
        try:
            granted = self.date_field.value(field="date", label=self.tr("The date granted"))
        except UserInputError as err:
            raise ValidationErrors([err]) from None
        return RemissionValues(granted, self.months_spin.value(), self.days_spin.value(),
                               self.kind_combo.currentData(), self.sk_edit.text())

    def set_values(self, remission: dict[str, Any]) -> None:
        self.errors.clear()
        self.date_field.set_value(from_iso(remission["granted"]))
        index = self.kind_combo.findData(remission["kind"])
        self.kind_combo.setCurrentIndex(max(index, 0))
        self.months_spin.setValue(remission["months"])
        self.days_spin.setValue(remission["days"])
        self.sk_edit.setText(remission["sk_number"] or "")

    def clear(self) -> None:
        self.errors.clear()
        self.date_field.set_value(None)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(self.default_kind), 0))
        self.months_spin.setValue(0)
        self.days_spin.setValue(0)
        self.sk_edit.clear()

    def show_error(self, error: RekamError) -> None:
        shown = self.errors.show(replaced_fields(error, self.ALIASES))
        widget = self._focus.get(shown[0]) if shown else None
        if widget is not None:
            widget.setFocus()


class RemissionsTab(QWidget):
    """The ledger of one case and the form beside it.

    ``add_requested(RemissionValues)``, ``edit_requested(remission id, RemissionValues)``
    and ``remove_requested(remission row)`` carry checked values to the dialog.
    """

    add_requested = Signal(object)
    edit_requested = Signal(int, object)
    remove_requested = Signal(object)

    def __init__(self, child: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("remissions_tab")
        self.writable = True
        self.remissions: list[dict[str, Any]] = []
        v = QVBoxLayout(self)
        self.total_note_label = note("", NOTE_STYLE, "remission_total_note")
        v.addWidget(self.total_note_label)
        self.remission_table = list_table("remission_table", [
            self.tr("Date granted"), self.tr("Kind"), self.tr("Amount"), self.tr("SK number")])
        header = self.remission_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.remission_table.setColumnWidth(1, 190)
        self.remission_table.itemSelectionChanged.connect(self.on_remission_selected)
        v.addWidget(self.remission_table, 1)

        box = QGroupBox(self.tr("Remission"))
        bv = QVBoxLayout(box)
        # Children receive a sentence reduction (PMP) instead of a remission.
        self.remission_form = RemissionForm("pmp" if child else "umum")
        bv.addWidget(self.remission_form)
        row = QHBoxLayout()
        self.add_remission_button = QPushButton(self.tr("Add as new"))
        self.add_remission_button.setObjectName("add_remission_button")
        self.add_remission_button.setToolTip(self.tr("Add the remission in the form to the ledger"))
        self.add_remission_button.clicked.connect(self.on_add_clicked)
        self.edit_remission_button = QPushButton(self.tr("Save changes"))
        self.edit_remission_button.setObjectName("edit_remission_button")
        self.edit_remission_button.setToolTip(self.tr("Replace the selected remission with the form"))
        self.edit_remission_button.clicked.connect(self.on_edit_clicked)
        self.remove_remission_button = QPushButton(self.tr("Remove…"))
        self.remove_remission_button.setObjectName("remove_remission_button")
        self.remove_remission_button.setToolTip(self.tr("Remove the selected remission"))
        self.remove_remission_button.clicked.connect(self.on_remove_clicked)
        self.clear_remission_button = QPushButton(self.tr("Clear form"))
        self.clear_remission_button.setObjectName("clear_remission_button")
        self.clear_remission_button.clicked.connect(self.clear_form)
        for button in (self.add_remission_button, self.edit_remission_button,
                       self.remove_remission_button, self.clear_remission_button):
            row.addWidget(button)
        row.addStretch(1)
        bv.addLayout(row)
        v.addWidget(box)
        v.addWidget(note(self.tr(
            "Choose a remission in the list to change or remove it. The dates are recomputed at "
            "once. Children receive a sentence reduction (PMP) instead of a remission."),
            HINT_STYLE, "remission_hint"))

    def set_writable(self, writable: bool) -> None:
        self.writable = writable
        for widget in (self.remission_form, self.add_remission_button, self.edit_remission_button,
                       self.remove_remission_button, self.clear_remission_button):
            widget.setEnabled(writable)
        self._update_buttons()

    # -- showing ---------------------------------------------------------------------
    def show_dates(self, state: CaseDates) -> None:
        self.remissions = state.remissions
        selected = self.selected_remission_id()
        table = self.remission_table
        table.blockSignals(True)
        table.setRowCount(len(self.remissions))
        for row, r in enumerate(self.remissions):
            values = (format_date(from_iso(r["granted"])), remission_kind_label(r["kind"]),
                      amount_text(r["months"], r["days"]), r["sk_number"] or "")
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(ROLE_ID, r["id"])
                if column == 1:
                    item.setToolTip(text)
                table.setItem(row, column, item)
        table.clearSelection()
        if selected is not None:
            for row, r in enumerate(self.remissions):
                if r["id"] == selected:
                    table.selectRow(row)
        table.blockSignals(False)
        total = state.case["remission_total_days"]
        if total is not None:
            self.total_note_label.setText(self.tr(
                "This case uses the total remission from the SK (%1 days) instead of a ledger. To "
                "keep a ledger, remove the total on the Official dates tab.").replace("%1", str(total)))
        self.total_note_label.setVisible(total is not None)
        self._update_buttons()

    def selected_remission_id(self) -> int | None:
        return selected_id(self.remission_table)

    def selected_remission(self) -> dict[str, Any] | None:
        rid = self.selected_remission_id()
        return next((r for r in self.remissions if r["id"] == rid), None)

    def on_remission_selected(self) -> None:
        remission = self.selected_remission()
        if remission is not None:
            self.remission_form.set_values(remission)
        self._update_buttons()

    def clear_form(self) -> None:
        self.remission_table.clearSelection()
        self.remission_form.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_remission = self.selected_remission_id() is not None
        self.edit_remission_button.setEnabled(self.writable and has_remission)
        self.remove_remission_button.setEnabled(self.writable and has_remission)

    # -- requests to the dialog ------------------------------------------------------
    def _checked_values(self) -> RemissionValues | None:
        try:
            return self.remission_form.values()
        except RekamError as err:
            self.remission_form.show_error(err)
            return None

    def on_add_clicked(self) -> None:
        values = self._checked_values()
        if values is not None:
            self.add_requested.emit(values)

    def on_edit_clicked(self) -> None:
        rid = self.selected_remission_id()
        if rid is None:
            return
        values = self._checked_values()
        if values is not None:
            self.edit_requested.emit(rid, values)

    def on_remove_clicked(self) -> None:
        remission = self.selected_remission()
        if remission is not None:
            self.remove_requested.emit(remission)
