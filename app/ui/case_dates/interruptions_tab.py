"""The interruptions tab of the case dates dialog: days out of detention (penangguhan).

Both the first and the last day out count, and every date moves later by their
number (domain.md rule 3).  The tab checks the typed days and asks the dialog to add
or remove them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.dates import format_date, from_iso
from app.models.errors import RekamError, UserInputError, ValidationErrors
from app.ui.case_dates.common import ROLE_ID, CaseDates, date_field, list_table, selected_id
from app.ui.widgets import ErrorLabel, FieldErrors, field_holder, note


@dataclass(frozen=True)
class InterruptionValues:
    """What ``sentence.add_interruption`` takes: the first and last day out, a note."""

    start: date | None
    end: date | None
    note: str


class InterruptionsTab(QWidget):
    """``add_requested(InterruptionValues)`` and ``remove_requested(interruption row)`` go to the dialog."""

    add_requested = Signal(object)
    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("interruptions_tab")
        self.writable = True
        self.interruptions: list[dict[str, Any]] = []
        v = QVBoxLayout(self)
        v.addWidget(note(self.tr(
            "Days out of detention, such as a suspension of detention (penangguhan). The first and "
            "the last day out both count; every date moves later by their number.")))
        self.interruption_table = list_table("interruption_table", [
            self.tr("First day out"), self.tr("Last day out"), self.tr("Days"), self.tr("Note")])
        header = self.interruption_table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.interruption_table.itemSelectionChanged.connect(self._update_buttons)
        v.addWidget(self.interruption_table, 1)
        box = QGroupBox(self.tr("Days out of detention"))
        form = QFormLayout(box)
        self.interruption_errors = FieldErrors()
        self.interruption_start = date_field("interruption_start")
        form.addRow(self.tr("First day out *"), field_holder(self.interruption_start, self.interruption_errors.add(
            "interruption.start", ErrorLabel(object_name="interruption_start_error"))))
        self.interruption_end = date_field("interruption_end")
        form.addRow(self.tr("Last day out *"), field_holder(self.interruption_end, self.interruption_errors.add(
            "interruption.end", ErrorLabel(object_name="interruption_end_error"))))
        self.interruption_note_edit = QLineEdit()
        self.interruption_note_edit.setObjectName("interruption_note_edit")
        self.interruption_note_edit.setPlaceholderText(self.tr("e.g. court order number"))
        # Enter in the last field adds (the dialog has no default button).
        self.interruption_note_edit.returnPressed.connect(self.on_add_clicked)
        form.addRow(self.tr("Note"), self.interruption_note_edit)
        self.interruption_errors.general = ErrorLabel(object_name="interruption_general_error")
        form.addRow(self.interruption_errors.general)
        row = QHBoxLayout()
        self.add_interruption_button = QPushButton(self.tr("Add"))
        self.add_interruption_button.setObjectName("add_interruption_button")
        self.add_interruption_button.clicked.connect(self.on_add_clicked)
        self.remove_interruption_button = QPushButton(self.tr("Remove…"))
        self.remove_interruption_button.setObjectName("remove_interruption_button")
        self.remove_interruption_button.setToolTip(self.tr("Remove the selected days out of detention"))
        self.remove_interruption_button.clicked.connect(self.on_remove_clicked)
        row.addWidget(self.add_interruption_button)
        row.addWidget(self.remove_interruption_button)
        row.addStretch(1)
        form.addRow(row)
        v.addWidget(box)

    def set_writable(self, writable: bool) -> None:
        self.writable = writable
        for widget in (self.interruption_start, self.interruption_end, self.interruption_note_edit,
                       self.add_interruption_button, self.remove_interruption_button):
            widget.setEnabled(writable)
        self._update_buttons()

    # -- values ---------------------------------------------------------------------
    def values(self) -> InterruptionValues:
        """The days out as typed; ValidationErrors naming each mistyped date."""
        found: list[UserInputError] = []
        days: dict[str, date | None] = {}
        for name, field, label in (("start", self.interruption_start, self.tr("The first day out")),
                                   ("end", self.interruption_end, self.tr("The last day out"))):
            try:
                days[name] = field.value(field=f"interruption.{name}", label=label)
            except UserInputError as err:
                found.append(err)
        if found:
            raise ValidationErrors(found)
        return InterruptionValues(days["start"], days["end"], self.interruption_note_edit.text())

    def clear_form(self) -> None:
        self.interruption_errors.clear()
        self.interruption_start.set_value(None)
        self.interruption_end.set_value(None)
        self.interruption_note_edit.clear()

    # -- showing ---------------------------------------------------------------------
    def show_dates(self, state: CaseDates) -> None:
        self.interruptions = state.interruptions
        table = self.interruption_table
        table.setRowCount(len(self.interruptions))
        for row, i in enumerate(self.interruptions):
            start, end = from_iso(i["start"]), from_iso(i["end"])
            days = (end - start).days + 1 if start and end else 0
            for column, text in enumerate((format_date(start), format_date(end), str(days),
                                           i["note"] or "")):
                item = QTableWidgetItem(text)
                item.setData(ROLE_ID, i["id"])
                table.setItem(row, column, item)
        self._update_buttons()

    def selected_interruption_id(self) -> int | None:
        return selected_id(self.interruption_table)

    def _update_buttons(self) -> None:
        self.remove_interruption_button.setEnabled(self.writable and self.selected_interruption_id() is not None)

    def show_error(self, error: RekamError) -> None:
        self.interruption_errors.show(error)

    # -- requests to the dialog ------------------------------------------------------
    def on_add_clicked(self) -> None:
        try:
            values = self.values()
        except RekamError as err:
            self.show_error(err)
            return
        self.add_requested.emit(values)

    def on_remove_clicked(self) -> None:
        iid = self.selected_interruption_id()
        found = next((i for i in self.interruptions if i["id"] == iid), None)
        if found is not None:
            self.remove_requested.emit(found)
