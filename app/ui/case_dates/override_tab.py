"""The "override a date" tab of the case dates dialog: an officer's date with a reason.

The computed date is kept beside the override and the dates that follow from it move
with it (domain.md: "let an officer override a date with a reason").  The tab checks
the typed date and asks the dialog to set or clear the override.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.dates import format_date
from app.models.errors import RekamError
from app.ui.case_dates.common import DATE_KEYS, NOTE_STYLE, CaseDates, date_field
from app.ui.labels import date_label
from app.ui.widgets import HINT_STYLE, ErrorLabel, FieldErrors, field_holder, note


@dataclass(frozen=True)
class OverrideValues:
    """What ``sentence.set_override`` takes: which date, the officer's date, why."""

    key: str
    value: date | None
    reason: str


class OverrideTab(QWidget):
    """``set_requested(OverrideValues)`` and ``clear_requested(key)`` go to the dialog."""

    set_requested = Signal(object)
    clear_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("override_tab")
        self.writable = True
        self.state: CaseDates | None = None
        v = QVBoxLayout(self)
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
        self.override_key_combo.currentIndexChanged.connect(self.load_override)
        form.addRow(self.tr("Date"), self.override_key_combo)
        self.override_current_label = note("", HINT_STYLE, "override_current_label")
        form.addRow("", self.override_current_label)
        self.override_date = date_field("override_date")
        form.addRow(self.tr("New date *"), field_holder(self.override_date, self.override_errors.add(
            "override.value", ErrorLabel(object_name="override_date_error"))))
        self.override_reason_edit = QLineEdit()
        self.override_reason_edit.setObjectName("override_reason_edit")
        self.override_reason_edit.setPlaceholderText(self.tr("e.g. SK PB number …, date in the SK"))
        # Enter in the last field overrides (the dialog has no default button).
        self.override_reason_edit.returnPressed.connect(self.on_set_clicked)
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
        self.set_override_button.clicked.connect(self.on_set_clicked)
        self.clear_override_button = QPushButton(self.tr("Clear override"))
        self.clear_override_button.setObjectName("clear_override_button")
        self.clear_override_button.setToolTip(self.tr("Use the computed date again"))
        self.clear_override_button.clicked.connect(self.on_clear_clicked)
        row.addWidget(self.set_override_button)
        row.addWidget(self.clear_override_button)
        row.addStretch(1)
        v.addLayout(row)
        self.override_moved_label = note("", NOTE_STYLE + " font-weight: bold;", "override_moved_label")
        v.addWidget(self.override_moved_label)
        self.overrides_label = note("", "", "overrides_label")
        v.addWidget(self.overrides_label)
        v.addStretch(1)

    def set_writable(self, writable: bool) -> None:
        self.writable = writable
        for widget in (self.override_date, self.override_reason_edit, self.set_override_button,
                       self.clear_override_button):
            widget.setEnabled(writable)
        self._update_buttons()

    def override_key(self) -> str:
        return self.override_key_combo.currentData()

    def choose_key(self, key: str) -> None:
        self.override_key_combo.setCurrentIndex(self.override_key_combo.findData(key))

    def _overridden(self) -> dict[str, tuple[date, str]]:
        return self.state.overridden if self.state is not None else {}

    # -- showing ---------------------------------------------------------------------
    def show_dates(self, state: CaseDates) -> None:
        """The state line and the list of overrides; the fields keep what is typed."""
        self.state = state
        key = self.override_key()
        text = self.tr("Computed: %1 · in force: %2").replace(
            "%1", format_date(state.computed(key), "–")).replace("%2", format_date(state.effective(key), "–"))
        self.override_current_label.setText(text)
        if state.overridden:
            lines = [self.tr("Overridden now:")]
            for k in DATE_KEYS:
                if k in state.overridden:
                    value, reason = state.overridden[k]
                    lines.append(f"• {date_label(k)}: {format_date(value)} — {reason}")
            self.overrides_label.setText("\n".join(lines))
        else:
            self.overrides_label.setText(self.tr("No date is overridden."))
        self._update_buttons()

    def load_override(self, *_args: object) -> None:
        """Put the chosen date's override (if any) into the fields."""
        key = self.override_key()
        self.override_errors.clear()
        current = self._overridden().get(key)
        self.override_date.set_value(current[0] if current else None)
        self.override_reason_edit.setText(current[1] if current else "")
        self.override_moved_label.setText(self._moved_text(key) if current else "")
        if self.state is not None:
            self.show_dates(self.state)

    def _moved_text(self, key: str) -> str:
        dates = self.state.dates if self.state is not None else None
        moved = dates.moved_by_override.get(key, ()) if dates is not None else ()
        if not moved:
            return self.tr("Changing %1 moves no other date.").replace("%1", date_label(key))
        return self.tr("Changing %1 also moves: %2").replace("%1", date_label(key)).replace(
            "%2", ", ".join(date_label(k) for k in moved))

    def _update_buttons(self) -> None:
        self.clear_override_button.setEnabled(self.writable and self.override_key() in self._overridden())

    def show_error(self, error: RekamError) -> None:
        self.override_errors.show(error)

    # -- requests to the dialog and their outcome --------------------------------------
    def on_set_clicked(self) -> None:
        try:
            value = self.override_date.value(field="override.value", label=self.tr("The new date"))
        except RekamError as err:
            self.show_error(err)
            return
        self.set_requested.emit(OverrideValues(self.override_key(), value, self.override_reason_edit.text()))

    def on_clear_clicked(self) -> None:
        key = self.override_key()
        if key in self._overridden():
            self.clear_requested.emit(key)

    def after_set(self, key: str) -> None:
        self.override_errors.clear()
        self.override_moved_label.setText(self._moved_text(key))

    def after_clear(self, key: str) -> None:
        self.override_errors.clear()
        self.override_date.set_value(None)
        self.override_reason_edit.clear()
        self.override_moved_label.setText(self.tr("The computed date of %1 is in force again.")
                                          .replace("%1", date_label(key)))
        self._update_buttons()
