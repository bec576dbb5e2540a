"""A case's sentence dates with its remission ledger, overrides, official dates and interruptions.

Left: the dates in force, the computed date beside each one an officer changed, the
official date from the SK with a ✓ or ≠ mark, PB/CB eligibility, what the officer must
still confirm and the calculator's breakdown (in Indonesian, as it is printed).  Right:
the changes an officer makes: the remission ledger, an override with a reason, the
official dates or the total remission from the SK, and days out of detention.

Every change goes through ``app.operations``; the dates are recomputed in the same
transaction and shown again at once.  ``changes`` collects what changed, so the main
window refreshes its counts and table when the dialog closes.
"""

from __future__ import annotations

import dataclasses
import html
import json
from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.models import calculator as calc
from app.models.dates import format_date, from_iso
from app.models.durations import Duration
from app.models.errors import RekamError, UserInputError, ValidationErrors
from app.models.queries import Queries
from app.models.storage import Database
from app.operations import OpChanges, OpResult, clients, sentence
from app.operations.common import require_row
from app.ui.labels import (
    REMISSION_KIND_CODES,
    date_label,
    remission_kind_label,
    sentence_kind_label,
)
from app.ui.widgets import (
    ERROR_STYLE, HINT_STYLE, DateField, ErrorLabel, FieldErrors, confirm, field_holder, note, setup_list_table,
)

DATE_KEYS = calc.DATE_KEYS
# The dates an SK or a Lapas's release papers state (domain.md rule 12).
OFFICIAL_KEYS = ("expiry", "one_third", "half", "two_thirds", "parole_date", "parole_supervision_end",
                 "conditional_leave_start", "conditional_leave_end", "leave_before_release_start")

COL_LABEL, COL_EFFECTIVE, COL_COMPUTED, COL_OFFICIAL, COL_REASON = range(5)
ROLE_ID = Qt.ItemDataRole.UserRole

OVERRIDE_COLOUR = "#8a5300"
DIFFERS_COLOUR = "#b00020"
SAME_COLOUR = "#2e7d32"
NOTE_STYLE = f"color: {OVERRIDE_COLOUR};"


def _amount_text(months: int, days: int) -> str:
    """A remission's amount as written on its SK: "2 bulan", "1 bulan 15 hari"."""
    return Duration(0, months, days).label_id()


def _replaced_fields(error: RekamError, aliases: dict[str, str]) -> RekamError:
    """The same errors with the calculator's or an operation's field names turned into the
    names of this form's fields, so each message lands beside the field it is about."""
    errors = error.errors if isinstance(error, ValidationErrors) else [error]
    moved = [UserInputError(e.message, field=aliases.get(e.field or "", e.field), code=e.code)
             for e in errors]
    return ValidationErrors(moved)


def _date_field(name: str) -> DateField:
    field = DateField(object_name=name)
    field.edit.setMinimumWidth(105)  # "30-09-2027" stays readable when the hint is long
    return field


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    setup_list_table(table)
    return table


class RemissionForm(QWidget):
    """One remission from its SK: date granted, kind, months and days, SK number.

    The form part of the ledger: it exposes typed values and shows each error beside
    its field; the dialog decides whether they add a new remission or change one.
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
        self.date_field = _date_field("remission_date")
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
    def values(self) -> tuple[date | None, int, int, str, str]:
        """(granted, months, days, kind, SK number); ValidationErrors for a mistyped date."""
        try:
            granted = self.date_field.value(field="date", label=self.tr("The date granted"))
        except UserInputError as err:
            raise ValidationErrors([err]) from None
        return (granted, self.months_spin.value(), self.days_spin.value(),
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
        shown = self.errors.show(_replaced_fields(error, self.ALIASES))
        widget = self._focus.get(shown[0]) if shown else None
        if widget is not None:
            widget.setFocus()


class CaseDatesDialog(QDialog):
    """Dates and remissions of one case.  ``changes`` says what the officer changed."""

    def __init__(self, db: Database, case_id: int, *, today: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("case_dates_dialog")
        self.db = db
        self.queries = Queries(db)
        self.case_id = case_id
        self.today = today or date.today()
        self.changes = OpChanges()
        self._sized = False
        self.dates: calc.SentenceDates | None = None
        self.case: dict[str, Any] = require_row(db.conn, "cases", case_id)
        self.overridden: dict[str, tuple[date, str]] = {}
        self.official: dict[str, date] = {}
        self.remissions: list[dict[str, Any]] = []
        self.interruptions: list[dict[str, Any]] = []
        person = self.queries.person(self.case["person_id"]) or {}
        self.setWindowTitle(self.tr("Dates and remissions — %1").replace("%1", person.get("name", "")))

        self.header_label = QLabel()
        self.header_label.setObjectName("case_header_label")
        self.header_label.setWordWrap(True)
        bold = QFont(self.header_label.font())
        bold.setBold(True)
        self.header_label.setFont(bold)
        self.readonly_label = note(self.tr(
            "Read-only: this file cannot be changed. You can look at the dates and the breakdown."),
            ERROR_STYLE, "readonly_label")
        self.readonly_label.setVisible(db.readonly)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("dates_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_dates_side())
        self.edit_tabs = QTabWidget()
        self.edit_tabs.setObjectName("edit_tabs")
        self.edit_tabs.addTab(self._build_remissions_tab(), self.tr("Remissions"))
        self.edit_tabs.addTab(self._build_override_tab(), self.tr("Override a date"))
        self.edit_tabs.addTab(self._build_official_tab(), self.tr("Official dates"))
        self.edit_tabs.addTab(self._build_interruptions_tab(), self.tr("Interruptions"))
        self.splitter.addWidget(self.edit_tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("close_button")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header_label)
        layout.addWidget(self.readonly_label)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(buttons)

        # Enter in a field must never press Close (or a button on a hidden tab): no button is
        # a default; Enter in the last field of a form runs that form's action instead.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.override_reason_edit.returnPressed.connect(self.on_set_override)
        self.official_source_edit.returnPressed.connect(self.on_save_official)
        self.interruption_note_edit.returnPressed.connect(self.on_add_interruption)
        if db.readonly:
            for widget in self._editing_widgets():
                widget.setEnabled(False)
        self.refresh()
        self._load_official()
        self._load_total()
        self._on_override_key_changed()
        self._resize_to_screen()

    # -- layout: the dates -------------------------------------------------------------
    def _build_dates_side(self) -> QWidget:
        side = QWidget()
        side.setObjectName("dates_side")
        v = QVBoxLayout(side)
        v.setContentsMargins(0, 0, 0, 0)
        self.calc_note_label = note("", NOTE_STYLE + " font-weight: bold;", "calc_note_label")
        v.addWidget(self.calc_note_label)
        self.dates_table = _table("dates_table", [
            self.tr("Date"), self.tr("In force"), self.tr("Computed"), self.tr("Official (SK)"),
            self.tr("Override reason")])
        self.dates_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.dates_table.setRowCount(len(DATE_KEYS))
        header = self.dates_table.horizontalHeader()
        header.setMinimumSectionSize(60)
        for column in (COL_LABEL, COL_EFFECTIVE, COL_COMPUTED, COL_OFFICIAL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.dates_table.setToolTip(self.tr("Double-click a date to override it"))
        self.dates_table.cellDoubleClicked.connect(self._on_date_double_clicked)
        self.dates_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        v.addWidget(self.dates_table)
        self.legend_label = note(self.tr(
            "“Computed” appears when an officer's override is in force. ✓ the official date agrees "
            "with the computed one; ≠ it differs."), HINT_STYLE, "legend_label")
        v.addWidget(self.legend_label)
        self.eligibility_label = note("", "", "eligibility_label")
        v.addWidget(self.eligibility_label)

        self.info_tabs = QTabWidget()
        self.info_tabs.setObjectName("info_tabs")
        self.conditions_view = QTextBrowser()
        self.conditions_view.setObjectName("conditions_view")
        self.breakdown_view = QTextBrowser()
        self.breakdown_view.setObjectName("breakdown_view")
        self.info_tabs.addTab(self.conditions_view, self.tr("To confirm"))
        self.info_tabs.addTab(self.breakdown_view, self.tr("Breakdown"))

        v.addWidget(self.info_tabs, 1)
        return side

    # -- layout: remissions ---------------------------------------------------------------
    def _build_remissions_tab(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.total_note_label = note("", NOTE_STYLE, "remission_total_note")
        v.addWidget(self.total_note_label)
        self.remission_table = _table("remission_table", [
            self.tr("Date granted"), self.tr("Kind"), self.tr("Amount"), self.tr("SK number")])
        header = self.remission_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.remission_table.setColumnWidth(1, 190)
        self.remission_table.itemSelectionChanged.connect(self._on_remission_selected)
        v.addWidget(self.remission_table, 1)

        box = QGroupBox(self.tr("Remission"))
        bv = QVBoxLayout(box)
        child = self.case["client_class"] == "anak"
        self.remission_form = RemissionForm("pmp" if child else "umum")
        bv.addWidget(self.remission_form)
        row = QHBoxLayout()
        self.add_remission_button = QPushButton(self.tr("Add as new"))
        self.add_remission_button.setObjectName("add_remission_button")
        self.add_remission_button.setToolTip(self.tr("Add the remission in the form to the ledger"))
        self.add_remission_button.clicked.connect(self.on_add_remission)
        self.edit_remission_button = QPushButton(self.tr("Save changes"))
        self.edit_remission_button.setObjectName("edit_remission_button")
        self.edit_remission_button.setToolTip(self.tr("Replace the selected remission with the form"))
        self.edit_remission_button.clicked.connect(self.on_edit_remission)
        self.remove_remission_button = QPushButton(self.tr("Remove…"))
        self.remove_remission_button.setObjectName("remove_remission_button")
        self.remove_remission_button.setToolTip(self.tr("Remove the selected remission"))
        self.remove_remission_button.clicked.connect(self.on_remove_remission)
        self.clear_remission_button = QPushButton(self.tr("Clear form"))
        self.clear_remission_button.setObjectName("clear_remission_button")
        self.clear_remission_button.clicked.connect(self._clear_remission_form)
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
        return page

    # -- layout: overrides ------------------------------------------------------------------
    def _build_override_tab(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(note(self.tr(
            "Replace a computed date with the official one, for example from the SK, and say why. "
            "The computed date is kept and shown beside it, the change survives every "
            "recomputation, and the dates that follow from it move with it.")))
        self.override_errors = FieldErrors()
        form = QFormLayout()
        self.override_key_combo = QComboBox()
        self.override_key_combo.setObjectName("override_key_combo")
        for key in DATE_KEYS:
            self.override_key_combo.addItem(date_label(key), key)
        self.override_key_combo.setCurrentIndex(self.override_key_combo.findData("two_thirds"))
        self.override_key_combo.currentIndexChanged.connect(self._on_override_key_changed)
        form.addRow(self.tr("Date"), self.override_key_combo)
        self.override_current_label = note("", HINT_STYLE, "override_current_label")
        form.addRow("", self.override_current_label)
        self.override_date = _date_field("override_date")
        form.addRow(self.tr("New date *"), field_holder(self.override_date, self.override_errors.add(
            "override.value", ErrorLabel(object_name="override_date_error"))))
        self.override_reason_edit = QLineEdit()
        self.override_reason_edit.setObjectName("override_reason_edit")
        self.override_reason_edit.setPlaceholderText(self.tr("e.g. SK PB number …, date in the SK"))
        form.addRow(self.tr("Reason *"), field_holder(self.override_reason_edit, self.override_errors.add(
            "override.reason", ErrorLabel(object_name="override_reason_error"))))
        self.override_errors.add("override.key", ErrorLabel(object_name="override_key_error"))
        form.addRow("", self.override_errors.labels["override.key"])
        v.addLayout(form)
        self.override_errors.general = ErrorLabel(object_name="override_general_error")
        v.addWidget(self.override_errors.general)
        row = QHBoxLayout()
        self.set_override_button = QPushButton(self.tr("Override"))
        self.set_override_button.setObjectName("set_override_button")
        self.set_override_button.clicked.connect(self.on_set_override)
        self.clear_override_button = QPushButton(self.tr("Clear override"))
        self.clear_override_button.setObjectName("clear_override_button")
        self.clear_override_button.setToolTip(self.tr("Use the computed date again"))
        self.clear_override_button.clicked.connect(self.on_clear_override)
        row.addWidget(self.set_override_button)
        row.addWidget(self.clear_override_button)
        row.addStretch(1)
        v.addLayout(row)
        self.override_moved_label = note("", NOTE_STYLE + " font-weight: bold;",
                                             "override_moved_label")
        v.addWidget(self.override_moved_label)
        self.overrides_label = note("", "", "overrides_label")
        v.addWidget(self.overrides_label)
        v.addStretch(1)
        return page

    # -- layout: official dates and the total remission ---------------------------------------
    def _build_official_tab(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(note(self.tr(
            "Dates from the SK and the releasing Lapas's papers (mainly for a Bapas). Leave a date "
            "empty to remove it. Each one is compared with the computed date; a difference is "
            "marked ≠ and the case appears under Due › Official dates differ from computed.")))
        self.official_errors = FieldErrors()
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        self.official_fields: dict[str, DateField] = {}
        self.official_labels: dict[str, QLabel] = {}
        for row, key in enumerate(OFFICIAL_KEYS):
            field = _date_field(f"official_{key}")
            self.official_fields[key] = field
            error = self.official_errors.add(f"official.{key}",
                                             ErrorLabel(object_name=f"official_{key}_error"))
            label = QLabel(date_label(key))
            label.setWordWrap(True)
            self.official_labels[key] = label
            grid.addWidget(label, row, 0)
            grid.addWidget(field_holder(field, error), row, 1)
        grid.setColumnMinimumWidth(0, 200)
        grid.setColumnStretch(1, 1)
        v.addLayout(grid)
        form = QFormLayout()
        self.official_source_edit = QLineEdit()
        self.official_source_edit.setObjectName("official_source_edit")
        self.official_source_edit.setPlaceholderText(self.tr("e.g. SK PB number …; release letter of Lapas …"))
        form.addRow(self.tr("Source"), self.official_source_edit)
        v.addLayout(form)
        self.official_errors.general = ErrorLabel(object_name="official_general_error")
        v.addWidget(self.official_errors.general)
        row = QHBoxLayout()
        self.save_official_button = QPushButton(self.tr("Save official dates"))
        self.save_official_button.setObjectName("save_official_button")
        self.save_official_button.clicked.connect(self.on_save_official)
        row.addWidget(self.save_official_button)
        self.official_status_label = note("", HINT_STYLE, "official_status_label")
        row.addWidget(self.official_status_label, 1)
        v.addLayout(row)

        box = QGroupBox(self.tr("Total remission from the SK"))
        bv = QVBoxLayout(box)
        bv.addWidget(note(self.tr(
            "When the papers give only the total remission, enter it here instead of a ledger. "
            "The expiry moves earlier by that many days; 1/3, 1/2 and 2/3 are then computed "
            "without remission and CMB is not computed. A case keeps either a ledger or a total.")))
        row = QHBoxLayout()
        self.remission_total_check = QCheckBox(self.tr("Use a total of"))
        self.remission_total_check.setObjectName("remission_total_check")
        self.remission_total_spin = QSpinBox()
        self.remission_total_spin.setObjectName("remission_total_spin")
        self.remission_total_spin.setRange(0, 9999)
        self.remission_total_spin.setSuffix(self.tr(" days"))
        self.remission_total_spin.setMinimumWidth(100)
        self.remission_total_check.toggled.connect(self.remission_total_spin.setEnabled)
        self.save_total_button = QPushButton(self.tr("Save total"))
        self.save_total_button.setObjectName("save_total_button")
        self.save_total_button.clicked.connect(self.on_save_total)
        row.addWidget(self.remission_total_check)
        row.addWidget(self.remission_total_spin)
        row.addWidget(self.save_total_button)
        row.addStretch(1)
        bv.addLayout(row)
        self.total_error = ErrorLabel(object_name="remission_total_error")
        bv.addWidget(self.total_error)
        v.addWidget(box)
        v.addStretch(1)

        scroll = QScrollArea()
        scroll.setObjectName("official_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    # -- layout: interruptions ----------------------------------------------------------------
    def _build_interruptions_tab(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(note(self.tr(
            "Days out of detention, such as a suspension of detention (penangguhan). The first and "
            "the last day out both count; every date moves later by their number.")))
        self.interruption_table = _table("interruption_table", [
            self.tr("First day out"), self.tr("Last day out"), self.tr("Days"), self.tr("Note")])
        header = self.interruption_table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.interruption_table.itemSelectionChanged.connect(self._update_buttons)
        v.addWidget(self.interruption_table, 1)
        box = QGroupBox(self.tr("Days out of detention"))
        form = QFormLayout(box)
        self.interruption_errors = FieldErrors()
        self.interruption_start = _date_field("interruption_start")
        form.addRow(self.tr("First day out *"), field_holder(self.interruption_start, self.interruption_errors.add(
            "interruption.start", ErrorLabel(object_name="interruption_start_error"))))
        self.interruption_end = _date_field("interruption_end")
        form.addRow(self.tr("Last day out *"), field_holder(self.interruption_end, self.interruption_errors.add(
            "interruption.end", ErrorLabel(object_name="interruption_end_error"))))
        self.interruption_note_edit = QLineEdit()
        self.interruption_note_edit.setObjectName("interruption_note_edit")
        self.interruption_note_edit.setPlaceholderText(self.tr("e.g. court order number"))
        form.addRow(self.tr("Note"), self.interruption_note_edit)
        self.interruption_errors.general = ErrorLabel(object_name="interruption_general_error")
        form.addRow(self.interruption_errors.general)
        row = QHBoxLayout()
        self.add_interruption_button = QPushButton(self.tr("Add"))
        self.add_interruption_button.setObjectName("add_interruption_button")
        self.add_interruption_button.clicked.connect(self.on_add_interruption)
        self.remove_interruption_button = QPushButton(self.tr("Remove…"))
        self.remove_interruption_button.setObjectName("remove_interruption_button")
        self.remove_interruption_button.setToolTip(self.tr("Remove the selected days out of detention"))
        self.remove_interruption_button.clicked.connect(self.on_remove_interruption)
        row.addWidget(self.add_interruption_button)
        row.addWidget(self.remove_interruption_button)
        row.addStretch(1)
        form.addRow(row)
        v.addWidget(box)
        return page

    def _editing_widgets(self) -> list[QWidget]:
        return [self.remission_form, self.add_remission_button, self.edit_remission_button,
                self.remove_remission_button, self.clear_remission_button, self.override_date,
                self.override_reason_edit, self.set_override_button, self.clear_override_button,
                *self.official_fields.values(), self.official_source_edit, self.save_official_button,
                self.remission_total_check, self.remission_total_spin, self.save_total_button,
                self.interruption_start, self.interruption_end, self.interruption_note_edit,
                self.add_interruption_button, self.remove_interruption_button]

    def _resize_to_screen(self) -> None:
        width, height = 1340, 740
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width = min(width, screen.width() - 20)
            height = min(height, screen.height() - 40)
        self.resize(width, height)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            width = self.splitter.width()
            self.splitter.setSizes([width * 58 // 100, width - width * 58 // 100])

    # -- showing the dates -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the case again and show its dates, ledger and interruptions."""
        self.case = require_row(self.db.conn, "cases", self.case_id)
        note = self.case["calc_note"] or ""
        try:
            self.dates = sentence.compute_case(self.db, self.case_id)
        except RekamError as err:  # stored input the calculator now refuses
            self.dates = None
            note = note or err.message
        self.overridden = sentence.overrides(self.db, self.case_id)
        self.official = sentence.official_dates(self.db, self.case_id)
        self.remissions = self.queries.remissions_of(self.case_id)
        self.interruptions = self.queries.interruptions_of(self.case_id)
        self.header_label.setText(self._header_text())
        self.calc_note_label.setText(note)
        self.calc_note_label.setVisible(bool(note))
        has_dates = any(self.effective(k) or self.computed(k) for k in DATE_KEYS) or bool(self.official)
        for widget in (self.dates_table, self.legend_label, self.eligibility_label):
            widget.setVisible(has_dates or not note)
        self._fill_dates_table()
        self._fill_eligibility()
        self._fill_conditions()
        self._fill_breakdown()
        self._fill_remissions()
        self._fill_interruptions()
        self._fill_override_state()
        self._fill_official_computed()
        self._update_buttons()

    def effective(self, key: str) -> date | None:
        """The date in force (after overrides)."""
        if self.dates is not None:
            return self.dates.date_of(key)
        return from_iso(self.case[key])

    def computed(self, key: str) -> date | None:
        """The calculator's date, before any override."""
        if self.dates is not None:
            return self.dates.computed.get(key)
        return from_iso(self.case[f"calc_{key}"])

    def row_of_key(self, key: str) -> int:
        return DATE_KEYS.index(key)

    def cell_text(self, key: str, column: int) -> str:
        """What the dates table shows for one date (for tests and the screen reader alike)."""
        item = self.dates_table.item(self.row_of_key(key), column)
        return item.text() if item else ""

    def _header_text(self) -> str:
        c = self.case
        parts = []
        if c["verdict_number"]:
            parts.append(self.tr("Verdict %1").replace("%1", c["verdict_number"]))
        if c["sentence_kind"] == "term" and self.dates is not None and self.dates.p30 is not None:
            parts.append(self.tr("sentence %1 (%2 days)").replace(
                "%1", sentence_total_text(c)).replace("%2", str(self.dates.p30)))
        elif c["sentence_kind"] != "term":
            parts.append(sentence_kind_label(c["sentence_kind"]))
        if c["detention_start"]:
            parts.append(self.tr("detained from %1").replace(
                "%1", format_date(from_iso(c["detention_start"]))))
        parts.append(self.tr("child") if c["client_class"] == "anak" else self.tr("adult"))
        return " · ".join(parts)

    def _fill_dates_table(self) -> None:
        table = self.dates_table
        table.resizeRowsToContents()
        # Tall enough for every date: the officer never scrolls to find the expiry.
        height = (table.horizontalHeader().sizeHint().height() + table.verticalHeader().length()
                  + 2 * table.frameWidth() + 2)
        table.setFixedHeight(height)
        source = self._official_source()
        moved_by: dict[str, str] = {}
        if self.dates is not None:
            for cause, moved in self.dates.moved_by_override.items():
                for key in moved:
                    moved_by.setdefault(key, cause)
        for row, key in enumerate(DATE_KEYS):
            effective, computed = self.effective(key), self.computed(key)
            overridden = key in self.overridden
            label = QTableWidgetItem(date_label(key))
            label.setData(ROLE_ID, key)
            value = QTableWidgetItem(format_date(effective, "–"))
            if overridden:
                font = QFont(value.font())
                font.setBold(True)
                value.setFont(font)
                value.setForeground(QBrush(QColor(OVERRIDE_COLOUR)))
                value.setToolTip(self.tr("Overridden by an officer"))
            elif key in moved_by:
                value.setForeground(QBrush(QColor(OVERRIDE_COLOUR)))
                value.setToolTip(self.tr("Moved by the override of %1").replace(
                    "%1", date_label(moved_by[key])))
            shown_computed = ""
            if effective != computed:
                shown_computed = format_date(computed, self.tr("none"))
            computed_item = QTableWidgetItem(shown_computed)
            official_item = QTableWidgetItem("")
            if key in self.official:
                official = self.official[key]
                same = official == computed
                official_item.setText(format_date(official) + (" ✓" if same else " ≠"))
                official_item.setForeground(QBrush(QColor(SAME_COLOUR if same else DIFFERS_COLOUR)))
                tip = self.tr("Official date from: %1").replace("%1", source or self.tr("(no source)"))
                if not same and computed is not None:
                    tip += "\n" + self.tr("%1 days from the computed date").replace(
                        "%1", f"{(official - computed).days:+d}")
                official_item.setToolTip(tip)
            reason = self.overridden[key][1] if overridden else ""
            reason_item = QTableWidgetItem(reason)
            reason_item.setToolTip(reason)
            for column, item in enumerate((label, value, computed_item, official_item, reason_item)):
                table.setItem(row, column, item)

    def _fill_eligibility(self) -> None:
        r = self.dates
        if r is None or self.case["sentence_kind"] != "term":
            self.eligibility_label.setText("")
            return
        lines = []
        if r.parole_eligible:
            when = format_date(r.parole_date, "–")
            lines.append(self.tr("Parole (PB): eligible by date from %1").replace("%1", when))
        else:
            lines.append(self.tr("Parole (PB): not eligible by date (2/3 of the sentence is under "
                                 "9 months)"))
        if r.conditional_leave_eligible:
            lines.append(self.tr("Conditional leave (CB): eligible (sentence up to 1 year 6 months)"))
        else:
            lines.append(self.tr("Conditional leave (CB): not eligible (sentence over 1 year "
                                 "6 months)"))
        self.eligibility_label.setText("\n".join(lines))

    def _fill_conditions(self) -> None:
        conditions = self.dates.conditions if self.dates is not None else ()
        items = "".join(f"<li>{html.escape(c)}</li>" for c in conditions)
        nothing = self.tr("Nothing to confirm.")
        self.conditions_view.setHtml(f"<ul>{items}</ul>" if items else
                                     f"<p style='color:#666'>{html.escape(nothing)}</p>")
        self.info_tabs.setTabText(0, self.tr("To confirm (%1)").replace("%1", str(len(conditions))))

    def _fill_breakdown(self) -> None:
        steps = self.dates.breakdown if self.dates is not None else ()
        if not steps:
            self.breakdown_view.setHtml(
                f"<p style='color:#666'>{html.escape(self.calc_note_label.text() or '–')}</p>")
            return
        parts = []
        for step in steps:
            parts.append(
                f"<p style='margin-bottom:6px'><b>{html.escape(step.label)}</b>: "
                f"{html.escape(step.value)}<br><span style='color:#444'>{html.escape(step.rule)}</span>"
                f"<br><i style='color:#777'>{html.escape(step.source)}</i></p>")
        self.breakdown_view.setHtml("".join(parts))

    def _fill_remissions(self) -> None:
        selected = self.selected_remission_id()
        table = self.remission_table
        table.blockSignals(True)
        table.setRowCount(len(self.remissions))
        for row, r in enumerate(self.remissions):
            values = (format_date(from_iso(r["granted"])), remission_kind_label(r["kind"]),
                      _amount_text(r["months"], r["days"]), r["sk_number"] or "")
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
        total = self.case["remission_total_days"]
        if total is not None:
            self.total_note_label.setText(self.tr(
                "This case uses the total remission from the SK (%1 days) instead of a ledger. To "
                "keep a ledger, remove the total on the Official dates tab.").replace("%1", str(total)))
        self.total_note_label.setVisible(total is not None)

    def _fill_interruptions(self) -> None:
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

    def _fill_official_computed(self) -> None:
        # The comparison itself is in the dates table; here the computed date is a tooltip.
        for key, label in self.official_labels.items():
            tip = self.tr("Computed: %1").replace("%1", format_date(self.computed(key), "–"))
            label.setToolTip(tip)
            self.official_fields[key].edit.setToolTip(tip)

    def _official_source(self) -> str:
        # No Queries method gives the source of the official dates; a read-only lookup.
        rows = self.db.query("SELECT source FROM official_dates WHERE case_id = ? AND source != ''"
                             " ORDER BY key LIMIT 1", (self.case_id,))
        return rows[0]["source"] if rows else ""

    def _load_official(self) -> None:
        for key, field in self.official_fields.items():
            field.set_value(self.official.get(key))
        self.official_source_edit.setText(self._official_source())

    def _load_total(self) -> None:
        total = self.case["remission_total_days"]
        self.remission_total_check.setChecked(total is not None)
        self.remission_total_spin.setValue(total or 0)
        self.remission_total_spin.setEnabled(total is not None and not self.db.readonly)

    def _update_buttons(self) -> None:
        writable = not self.db.readonly
        has_remission = self.selected_remission_id() is not None
        self.edit_remission_button.setEnabled(writable and has_remission)
        self.remove_remission_button.setEnabled(writable and has_remission)
        self.remove_interruption_button.setEnabled(writable and self.selected_interruption_id() is not None)
        self.clear_override_button.setEnabled(writable and self.override_key() in self.overridden)

    # -- remissions ---------------------------------------------------------------------------
    def selected_remission_id(self) -> int | None:
        rows = self.remission_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.remission_table.item(rows[0].row(), 0)
        return item.data(ROLE_ID) if item else None

    def _on_remission_selected(self) -> None:
        rid = self.selected_remission_id()
        remission = next((r for r in self.remissions if r["id"] == rid), None)
        if remission is not None:
            self.remission_form.set_values(remission)
        self._update_buttons()

    def _clear_remission_form(self) -> None:
        self.remission_table.clearSelection()
        self.remission_form.clear()
        self._update_buttons()

    def on_add_remission(self) -> None:
        form = self.remission_form
        try:
            granted, months, days, kind, sk = form.values()
        except RekamError as err:
            form.show_error(err)
            return
        done = self._run(lambda: sentence.add_remission(self.db, self.case_id, granted, months, days,
                                                        kind, sk), form.show_error)
        if done:
            self._clear_remission_form()

    def on_edit_remission(self) -> None:
        rid = self.selected_remission_id()
        if rid is None:
            return
        form = self.remission_form
        try:
            granted, months, days, kind, sk = form.values()
        except RekamError as err:
            form.show_error(err)
            return
        self._run(lambda: sentence.update_remission(self.db, rid, granted, months, days, kind, sk),
                  form.show_error)

    def on_remove_remission(self) -> None:
        rid = self.selected_remission_id()
        remission = next((r for r in self.remissions if r["id"] == rid), None)
        if remission is None:
            return
        text = self.tr("Remove the remission of %1 (%2, %3) from the ledger? The dates are "
                       "recomputed.").replace("%1", format_date(from_iso(remission["granted"]))) \
            .replace("%2", remission_kind_label(remission["kind"])) \
            .replace("%3", _amount_text(remission["months"], remission["days"]))
        if not confirm(self, self.tr("Remove remission"), text, yes=self.tr("Remove"),
                       no=self.tr("Cancel"), destructive=True):
            return
        if self._run(lambda: sentence.remove_remission(self.db, rid), self.remission_form.show_error):
            self._clear_remission_form()

    # -- overrides ------------------------------------------------------------------------------
    def override_key(self) -> str:
        return self.override_key_combo.currentData()

    def _on_date_double_clicked(self, row: int, _column: int) -> None:
        self.override_key_combo.setCurrentIndex(self.override_key_combo.findData(DATE_KEYS[row]))
        self.edit_tabs.setCurrentIndex(1)

    def _on_override_key_changed(self, *_args: object) -> None:
        key = self.override_key()
        self.override_errors.clear()
        current = self.overridden.get(key)
        self.override_date.set_value(current[0] if current else None)
        self.override_reason_edit.setText(current[1] if current else "")
        self.override_moved_label.setText(self._moved_text(key) if current else "")
        self._fill_override_state()
        self._update_buttons()

    def _fill_override_state(self) -> None:
        key = self.override_key()
        text = self.tr("Computed: %1 · in force: %2").replace(
            "%1", format_date(self.computed(key), "–")).replace("%2", format_date(self.effective(key), "–"))
        self.override_current_label.setText(text)
        if self.overridden:
            lines = [self.tr("Overridden now:")]
            for k in DATE_KEYS:
                if k in self.overridden:
                    value, reason = self.overridden[k]
                    lines.append(f"• {date_label(k)}: {format_date(value)} — {reason}")
            self.overrides_label.setText("\n".join(lines))
        else:
            self.overrides_label.setText(self.tr("No date is overridden."))

    def _moved_text(self, key: str) -> str:
        moved = self.dates.moved_by_override.get(key, ()) if self.dates is not None else ()
        if not moved:
            return self.tr("Changing %1 moves no other date.").replace("%1", date_label(key))
        return self.tr("Changing %1 also moves: %2").replace("%1", date_label(key)).replace(
            "%2", ", ".join(date_label(k) for k in moved))

    def on_set_override(self) -> None:
        key = self.override_key()
        errors = self.override_errors
        try:
            value = self.override_date.value(field="override.value", label=self.tr("The new date"))
        except RekamError as err:
            errors.show(err)
            return
        if self._run(lambda: sentence.set_override(self.db, self.case_id, key, value,
                                                   self.override_reason_edit.text()), errors.show):
            errors.clear()
            self.override_moved_label.setText(self._moved_text(key))

    def on_clear_override(self) -> None:
        key = self.override_key()
        if key not in self.overridden:
            return
        if self._run(lambda: sentence.clear_override(self.db, self.case_id, key),
                     self.override_errors.show):
            self.override_errors.clear()
            self.override_date.set_value(None)
            self.override_reason_edit.clear()
            self.override_moved_label.setText(self.tr("The computed date of %1 is in force again.")
                                              .replace("%1", date_label(key)))
            self._update_buttons()

    # -- official dates and the total ---------------------------------------------------------
    def on_save_official(self) -> None:
        errors: list[UserInputError] = []
        values: dict[str, date | None] = {}
        for key, field in self.official_fields.items():
            try:
                values[key] = field.value(field=f"official.{key}", label=date_label(key))
            except UserInputError as err:
                errors.append(err)
        if errors:
            self.official_errors.show(ValidationErrors(errors))
            return
        source = self.official_source_edit.text()
        if self._run(lambda: sentence.set_official_dates(self.db, self.case_id, values, source),
                     self.official_errors.show):
            self.official_errors.clear()
            differ = [k for k, v in self.official.items() if v != self.computed(k)]
            if differ:
                self.official_status_label.setText(self.tr("Saved. Differs from the computed date: %1")
                                                   .replace("%1", ", ".join(date_label(k) for k in differ)))
                self.official_status_label.setStyleSheet(ERROR_STYLE)
            else:
                self.official_status_label.setText(self.tr("Saved. The official dates agree with the "
                                                           "computed ones."))
                self.official_status_label.setStyleSheet(HINT_STYLE)

    def on_save_total(self) -> None:
        total = self.remission_total_spin.value() if self.remission_total_check.isChecked() else None
        self.total_error.show_message("")

        def save() -> OpResult:
            case = dataclasses.replace(clients.case_input(self.db, self.case_id),
                                       remission_total_days=total)
            return clients.update_case(self.db, self.case_id, case, today=self.today)

        def show(err: RekamError) -> None:
            self.total_error.show_message(err.message)

        if self._run(save, show):
            self._load_total()

    # -- interruptions ----------------------------------------------------------------------------
    def selected_interruption_id(self) -> int | None:
        rows = self.interruption_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.interruption_table.item(rows[0].row(), 0)
        return item.data(ROLE_ID) if item else None

    def on_add_interruption(self) -> None:
        errors = self.interruption_errors
        found: list[UserInputError] = []
        values: dict[str, date | None] = {}
        for name, field, label in (("start", self.interruption_start, self.tr("The first day out")),
                                   ("end", self.interruption_end, self.tr("The last day out"))):
            try:
                values[name] = field.value(field=f"interruption.{name}", label=label)
            except UserInputError as err:
                found.append(err)
        if found:
            errors.show(ValidationErrors(found))
            return
        note = self.interruption_note_edit.text()
        if self._run(lambda: sentence.add_interruption(self.db, self.case_id, values["start"],
                                                       values["end"], note), errors.show):
            errors.clear()
            self.interruption_start.set_value(None)
            self.interruption_end.set_value(None)
            self.interruption_note_edit.clear()

    def on_remove_interruption(self) -> None:
        iid = self.selected_interruption_id()
        found = next((i for i in self.interruptions if i["id"] == iid), None)
        if found is None:
            return
        text = self.tr("Remove the days out of detention from %1 to %2? The dates are recomputed.") \
            .replace("%1", format_date(from_iso(found["start"]))) \
            .replace("%2", format_date(from_iso(found["end"])))
        if not confirm(self, self.tr("Remove days out of detention"), text, yes=self.tr("Remove"),
                       no=self.tr("Cancel"), destructive=True):
            return
        self._run(lambda: sentence.remove_interruption(self.db, iid), self.interruption_errors.show)

    # -- running an operation ----------------------------------------------------------------------
    def _run(self, operation: Callable[[], OpResult], on_error: Callable[[RekamError], Any]) -> bool:
        """Run one operation; on success remember its changes and show the recomputed dates."""
        try:
            result = operation()
        except RekamError as err:
            on_error(err)
            return False
        self.changes = self.changes | result.changes
        self.refresh()
        return True


def sentence_total_text(case: dict[str, Any]) -> str:
    """The case's sentence as "3 tahun 6 bulan" (several sentences joined with +)."""
    parts = [Duration.parse(s).label_id() for s in json.loads(case["sentences"] or "[]")]
    return " + ".join(parts) if parts else "–"
