"""The "official dates" tab of the case dates dialog: the dates and the total remission an SK states.

A Bapas usually receives the official dates rather than the remission ledger
(domain.md rule 12): it enters them, or the total remission, and each one is compared
with the computed date.  The tab checks what is typed and asks the dialog to save it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.models.dates import format_date
from app.models.errors import RekamError, UserInputError, ValidationErrors
from app.ui.case_dates.common import OFFICIAL_KEYS, CaseDates, date_field
from app.ui.labels import date_label
from app.ui.widgets import (
    ERROR_STYLE,
    HINT_STYLE,
    DateField,
    ErrorLabel,
    FieldErrors,
    field_holder,
    note,
)


@dataclass(frozen=True)
class OfficialValues:
    """What ``sentence.set_official_dates`` takes: each date (None removes it) and the source."""

    dates: dict[str, date | None]
    source: str


class RemissionTotalBox(QGroupBox):
    """The total remission from the SK instead of a ledger; ``save_requested(days or None)``."""

    save_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Total remission from the SK"))
        self.setObjectName("remission_total_box")
        self.writable = True
        bv = QVBoxLayout(self)
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
        self.save_total_button.clicked.connect(self.on_save_clicked)
        row.addWidget(self.remission_total_check)
        row.addWidget(self.remission_total_spin)
        row.addWidget(self.save_total_button)
        row.addStretch(1)
        bv.addLayout(row)
        self.total_error = ErrorLabel(object_name="remission_total_error")
        bv.addWidget(self.total_error)

    def set_writable(self, writable: bool) -> None:
        self.writable = writable
        for widget in (self.remission_total_check, self.remission_total_spin, self.save_total_button):
            widget.setEnabled(writable)

    def value(self) -> int | None:
        """The total in days, None when the case keeps a ledger instead."""
        return self.remission_total_spin.value() if self.remission_total_check.isChecked() else None

    def load(self, total: int | None) -> None:
        self.remission_total_check.setChecked(total is not None)
        self.remission_total_spin.setValue(total or 0)
        self.remission_total_spin.setEnabled(total is not None and self.writable)

    def show_error(self, error: RekamError) -> None:
        self.total_error.show_message(error.message)

    def on_save_clicked(self) -> None:
        self.total_error.show_message("")
        self.save_requested.emit(self.value())


class OfficialTab(QScrollArea):
    """The official dates form and the total remission box, scrolled as one page.

    ``save_requested(OfficialValues)`` and ``total.save_requested(days or None)`` go to
    the dialog.
    """

    save_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("official_scroll")
        self.state: CaseDates | None = None
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
            field = date_field(f"official_{key}")
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
        # Enter in the last field saves (the dialog has no default button).
        self.official_source_edit.returnPressed.connect(self.on_save_clicked)
        form.addRow(self.tr("Source"), self.official_source_edit)
        v.addLayout(form)
        self.official_errors.general = ErrorLabel(object_name="official_general_error")
        v.addWidget(self.official_errors.general)
        row = QHBoxLayout()
        self.save_official_button = QPushButton(self.tr("Save official dates"))
        self.save_official_button.setObjectName("save_official_button")
        self.save_official_button.clicked.connect(self.on_save_clicked)
        row.addWidget(self.save_official_button)
        self.official_status_label = note("", HINT_STYLE, "official_status_label")
        row.addWidget(self.official_status_label, 1)
        v.addLayout(row)
        self.total = RemissionTotalBox()
        v.addWidget(self.total)
        v.addStretch(1)

        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(page)

    def set_writable(self, writable: bool) -> None:
        for widget in (*self.official_fields.values(), self.official_source_edit, self.save_official_button):
            widget.setEnabled(writable)
        self.total.set_writable(writable)

    # -- values ---------------------------------------------------------------------
    def values(self) -> OfficialValues:
        """The dates as typed; ValidationErrors naming each mistyped one."""
        errors: list[UserInputError] = []
        dates: dict[str, date | None] = {}
        for key, field in self.official_fields.items():
            try:
                dates[key] = field.value(field=f"official.{key}", label=date_label(key))
            except UserInputError as err:
                errors.append(err)
        if errors:
            raise ValidationErrors(errors)
        return OfficialValues(dates, self.official_source_edit.text())

    def load(self, state: CaseDates) -> None:
        """Put the stored official dates and their source into the fields."""
        for key, field in self.official_fields.items():
            field.set_value(state.official.get(key))
        self.official_source_edit.setText(state.official_source)
        self.total.load(state.case["remission_total_days"])

    # -- showing ---------------------------------------------------------------------
    def show_dates(self, state: CaseDates) -> None:
        self.state = state
        # The comparison itself is in the dates table; here the computed date is a tooltip.
        for key, label in self.official_labels.items():
            tip = self.tr("Computed: %1").replace("%1", format_date(state.computed(key), "–"))
            label.setToolTip(tip)
            self.official_fields[key].edit.setToolTip(tip)

    def show_error(self, error: RekamError) -> None:
        self.official_errors.show(error)

    # -- requests to the dialog and their outcome --------------------------------------
    def on_save_clicked(self) -> None:
        try:
            values = self.values()
        except RekamError as err:
            self.show_error(err)
            return
        self.save_requested.emit(values)

    def after_save(self) -> None:
        """Say whether the saved dates agree with the computed ones (the state is already new)."""
        self.official_errors.clear()
        state = self.state
        differ = [k for k, v in state.official.items() if v != state.computed(k)] if state else []
        if differ:
            self.official_status_label.setText(self.tr("Saved. Differs from the computed date: %1")
                                               .replace("%1", ", ".join(date_label(k) for k in differ)))
            self.official_status_label.setStyleSheet(ERROR_STYLE)
        else:
            self.official_status_label.setText(self.tr("Saved. The official dates agree with the "
                                                       "computed ones."))
            self.official_status_label.setStyleSheet(HINT_STYLE)
