"""Small widgets the forms share: typed dates, durations, field errors, message boxes.

Dates are typed as 12-01-2026 (or picked from a calendar) and shown back as
"12 Januari 2026" beside the field, so a mistyped day or month is visible at once.
A form shows each error of a ``ValidationErrors`` beside the field it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QToolButton, QVBoxLayout, QWidget

# The message boxes', dialogs' and spin boxes' classes are imported where they are used: the
# first use of a Qt class makes its enums, which the main window's start-up need not wait for.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableView

from app.models.dates import format_date, parse_date_text
from app.models.durations import Duration
from app.models.errors import RekamError, UserInputError, ValidationErrors

ERROR_STYLE = "color: #b00020;"
NBSP = "\u00a0"


def date_text(value: date | None, empty: str = "") -> str:
    """``12 Januari 2026`` that never breaks across lines in wrapped text (issue 9)."""
    return format_date(value, empty).replace(" ", NBSP)


def keep_dates_whole(text: str) -> str:
    """The dates inside a message written elsewhere (the no-Qt layers) made unbreakable too."""
    import re

    from app.models.dates import MONTHS_EN, MONTHS_ID

    months = "|".join((*MONTHS_ID, *MONTHS_EN))
    return re.sub(rf"\b(\d{{1,2}}) ({months}) (\d{{4}})\b", rf"\1{NBSP}\2{NBSP}\3", text)
HINT_STYLE = "color: #555;"


class DateField(QWidget):
    """A date typed as dd-mm-yyyy with a calendar button; empty means no date."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, object_name: str = ""):
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"{object_name}_text" if object_name else "date_text")
        self.edit.setPlaceholderText(self.tr("dd-mm-yyyy"))
        self.edit.setMaximumWidth(130)
        # Never narrower than a whole date: 31-12-2026 stays readable on a scaled screen.
        self.edit.setMinimumWidth(min(130, self.edit.fontMetrics().horizontalAdvance("00-00-00000") + 14))
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setToolTip(self.tr("Pick from a calendar"))
        self.hint = QLabel(self)
        self.hint.setStyleSheet(HINT_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        layout.addWidget(self.hint, 1)
        self.edit.textChanged.connect(self._on_text_changed)
        self.button.clicked.connect(self._pick)
        self.setFocusProxy(self.edit)

    def _on_text_changed(self, _text: str) -> None:
        try:
            value = self.value()
        except UserInputError:
            self.hint.setText(self.tr("not a date"))
            self.hint.setStyleSheet(ERROR_STYLE)
        else:
            self.hint.setText(format_date(value, ""))
            self.hint.setStyleSheet(HINT_STYLE)
        self.changed.emit()

    def _pick(self) -> None:
        from PySide6.QtWidgets import QCalendarWidget, QDialog

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Choose a date"))
        calendar = QCalendarWidget(dialog)
        calendar.setGridVisible(True)
        try:
            current = self.value()
        except UserInputError:
            current = None
        if current:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        layout = QVBoxLayout(dialog)
        layout.addWidget(calendar)
        calendar.activated.connect(dialog.accept)
        calendar.clicked.connect(dialog.accept)
        if dialog.exec():
            d = calendar.selectedDate()
            self.set_value(date(d.year(), d.month(), d.day()))

    def value(self, *, field: str | None = None, label: str | None = None) -> date | None:
        """The date, None when empty; UserInputError when the text is not a date."""
        return parse_date_text(self.edit.text(), field=field, label=label)

    def set_value(self, value: date | None) -> None:
        self.edit.setText(value.strftime("%d-%m-%Y") if value else "")


class DurationField(QWidget):
    """Years, months and days of a sentence (or a subsider)."""

    def __init__(self, parent: QWidget | None = None, *, object_name: str = ""):
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        from PySide6.QtWidgets import QSpinBox

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.years = QSpinBox(self)
        self.months = QSpinBox(self)
        self.days = QSpinBox(self)
        for spin, maximum, suffix, name in (
            (self.years, 99, self.tr(" yr"), "years"), (self.months, 11, self.tr(" mo"), "months"),
            (self.days, 365, self.tr(" d"), "days"),
        ):
            spin.setRange(0, maximum)
            spin.setSuffix(suffix)
            spin.setObjectName(f"{object_name}_{name}" if object_name else name)
            spin.setMinimumWidth(70)
            layout.addWidget(spin)
        layout.addStretch(1)

    def value(self) -> Duration:
        return Duration(self.years.value(), self.months.value(), self.days.value())

    def set_value(self, value: Duration | None) -> None:
        value = value or Duration()
        self.years.setValue(value.years)
        self.months.setValue(value.months)
        self.days.setValue(value.days)


WARNING_STYLE = "color: #8a5300;"


class ErrorLabel(QLabel):
    """A red line under a field; hidden while there is nothing to say.

    ``reserve_lines`` keeps room for that many lines at all times, so a message (or a
    warning set with ``set_hint``) appearing while the officer types never pushes the
    fields below it down (issue 9: typed dates landed in the wrong field).  The error
    wins over the hint: one message at a time.
    """

    def __init__(self, parent: QWidget | None = None, *, object_name: str = "", reserve_lines: int = 0):
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.reserve_lines = reserve_lines
        self._error = ""
        self._hint = ""
        if reserve_lines:
            self.setMinimumHeight(self.fontMetrics().lineSpacing() * reserve_lines + 2)
            self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        else:
            self.hide()

    def show_message(self, text: str) -> None:
        self._error = text
        self._render()

    def set_hint(self, text: str) -> None:
        """A warning shown while there is no error (orange)."""
        self._hint = text
        self._render()

    def blank(self) -> None:
        """The error no longer applies: say nothing, but keep the room it took until the next save."""
        if self.isVisible() and not self.reserve_lines:
            self.setMinimumHeight(self.height())
        self._error = ""
        self._render(keep=True)

    @property
    def error(self) -> str:
        return self._error

    def _render(self, keep: bool = False) -> None:
        text = self._error or self._hint
        self.setStyleSheet(ERROR_STYLE if self._error else WARNING_STYLE)
        self.setText(text)
        if self.reserve_lines:
            return
        if not keep:
            self.setMinimumHeight(0)
        self.setVisible(bool(text) or (keep and self.isVisible()))


class FieldErrors:
    """Maps domain field names (``person.nik``) to the error labels beside the fields."""

    def __init__(self) -> None:
        self.labels: dict[str, ErrorLabel] = {}
        self.general: ErrorLabel | None = None

    def add(self, field: str, label: ErrorLabel) -> ErrorLabel:
        self.labels[field] = label
        return label

    def clear(self) -> None:
        for label in self.labels.values():
            label.show_message("")
        if self.general:
            self.general.show_message("")

    def update_live(self, errors: Iterable[UserInputError]) -> None:
        """After a save was refused: the fields' errors follow what is typed now (issue 9).

        A field whose error no longer applies goes quiet (keeping its room until the next
        save, so nothing jumps); one still wrong shows its current message.  Fields that
        showed nothing are left alone: an officer still typing there is not interrupted.
        """
        texts: dict[str, list[str]] = {}
        for e in errors:
            if e.field:
                texts.setdefault(e.field, []).append(e.message)
        for field, label in self.labels.items():
            if not label.error:
                continue
            if field in texts:
                label.show_message("\n".join(texts[field]))
            else:
                label.blank()

    def show(self, error: RekamError) -> list[str]:
        """Show each message beside its field; return the fields shown (first one gets focus)."""
        self.clear()
        errors: Iterable[RekamError] = error.errors if isinstance(error, ValidationErrors) else [error]
        shown: list[str] = []
        unplaced: list[str] = []
        texts: dict[str, list[str]] = {}
        for e in errors:
            if e.field and e.field in self.labels:
                texts.setdefault(e.field, []).append(e.message)
                shown.append(e.field)
            else:
                unplaced.append(e.message)
        for field, messages in texts.items():
            self.labels[field].show_message("\n".join(messages))
        if unplaced and self.general:
            self.general.show_message("\n".join(unplaced))
        elif unplaced:
            shown.append("")
        return shown


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    """A message box with one clear line (the domain's message, never a traceback)."""
    text = error.message if isinstance(error, RekamError) else str(error)
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title or "Rekam UPT", text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error_box")
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, *, yes: str, no: str,
            destructive: bool = False) -> bool:
    """Ask before doing something; the safe answer is the default."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirm_box")
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("info_box")
    box.exec()


def accept_buttons(dialog: QDialog, accept_text: str, cancel_text: str, *, accept_name: str = "save_button",
                   role: QDialogButtonBox.StandardButton | None = None) -> QDialogButtonBox:
    """The dialog's accept / cancel buttons, wired to accept() and reject() (``role``: Save unless given)."""
    from PySide6.QtWidgets import QDialogButtonBox

    if role is None:
        role = QDialogButtonBox.StandardButton.Save
    buttons = QDialogButtonBox(role | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(role).setText(accept_text)
    buttons.button(role).setObjectName(accept_name)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def field_holder(widget: QWidget, error: ErrorLabel | None = None, hint: str = "",
                 beside: QWidget | None = None) -> QWidget:
    """A field with an optional grey hint (under it) or widget (beside it), and its error line under it."""
    holder = QWidget()
    v = QVBoxLayout(holder)
    v.setContentsMargins(0, 0, 0, 0)
    v.setSpacing(1)
    if beside is None:
        v.addWidget(widget)
    else:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget, 1)
        row.addWidget(beside)
        v.addLayout(row)
    if hint:
        v.addWidget(note(hint))
    if error is not None:
        error.setParent(holder)
        v.addWidget(error)
    return holder


def focus_first_empty(widgets: Iterable[QWidget]) -> QWidget | None:
    """Put the cursor in the first field still empty (else the first field): typing starts there.

    Dialogs call it when first shown (issue 9: "Tambah petugas" opened on Simpan, and the
    letters typed were lost).
    """
    candidates = [w for w in widgets if w is not None and w.isEnabled()]
    for w in candidates:
        if _is_empty(w):
            w.setFocus(Qt.FocusReason.OtherFocusReason)
            return w
    if candidates:
        candidates[0].setFocus(Qt.FocusReason.OtherFocusReason)
        return candidates[0]
    return None


def _is_empty(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QComboBox, QPlainTextEdit

    if isinstance(widget, DateField):
        return not widget.edit.text().strip()
    if isinstance(widget, QLineEdit):
        return not widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return not widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.isEditable() and not widget.currentText().strip()
    return False


def with_error(widget: QWidget, errors: FieldErrors, field: str, *, reserve_lines: int = 0) -> QWidget:
    """A field with the line for its error under it (the line is named after the field)."""
    holder = field_holder(widget, errors.add(field, ErrorLabel(object_name=field.replace(".", "_") + "_error",
                                                                 reserve_lines=reserve_lines)))
    # Never taller than the field and its error, so the error stays right under the field.
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    return holder


def setup_list_table(table: QTableView, widths: Iterable[int] = (), *, wrap: bool = False) -> QTableView:
    """A read-only list: whole rows selected one at a time, striped, the last column stretched."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(wrap)
    table.verticalHeader().setVisible(False)
    if not wrap:
        table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table


def heading(text: str, scale: float = 1.1) -> QLabel:
    """A bold title, ``scale`` times the normal text size."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def note(text: str, style: str = HINT_STYLE, name: str = "") -> QLabel:
    """A wrapped line of explanation (grey unless another style is given)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    if name:
        label.setObjectName(name)
    return label
