"""Changing a program's status: selesai, dicabut, pindah ... with a date, a letter or SK, a reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.domain import StatusChange
from app.models.errors import RekamError, UserInputError, ValidationErrors
from app.models.queries import Queries
from app.models.storage import Database
from app.operations import OpResult, clients
from app.ui.labels import STATUS_CODES, status_label
from app.ui.ops import InlineOps, Ops
from app.models.dates import from_iso
from app.ui.widgets import (
    DateField, ErrorLabel, FieldErrors, accept_buttons, confirm, date_text, focus_first_empty, with_error,
)


class StatusDialog(QDialog):
    """The new status of one program; ``result_op`` holds what the change did once saved."""

    def __init__(self, db: Database, program_id: int, *, today: date | None = None, parent: QWidget | None = None,
                 ops: Ops | None = None):
        super().__init__(parent)
        self.db = db
        self.ops = ops or InlineOps(db, self)
        self.program_id = program_id
        self.today = today or date.today()
        self.result_op: OpResult | None = None
        self.errors = FieldErrors()
        self.setObjectName("status_dialog")
        self.setWindowTitle(self.tr("Change status"))
        program = Queries(db).program(program_id)
        if program is None:
            raise UserInputError(self.tr("This program is no longer in the file."), code="not_found")
        self.program = program
        self._focused_once = False
        layout = QVBoxLayout(self)
        self.program_label = QLabel(self.tr("Program %1, register %2, now: %3")
                                    .replace("%1", program["kind_code"])
                                    .replace("%2", program["register_number"] or "–")
                                    .replace("%3", status_label(program["status"])))
        self.program_label.setObjectName("program_label")
        layout.addWidget(self.program_label)
        form = QFormLayout()
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("status_combo")
        for code in STATUS_CODES:
            self.status_combo.addItem(status_label(code), code)
        self.status_combo.setCurrentIndex(self.status_combo.findData("selesai"))
        self.date_field = DateField(object_name="status_date")
        self.date_field.set_value(self.today)
        self.letter_edit = QLineEdit()
        self.letter_edit.setObjectName("letter_edit")
        self.letter_edit.setPlaceholderText(self.tr("letter or decree (SK) number"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setFixedHeight(70)
        for label, widget, field in ((self.tr("New status"), self.status_combo, "status.status"),
                                     (self.tr("Date"), self.date_field, "status.date"),
                                     (self.tr("Letter / SK number"), self.letter_edit, "status.letter"),
                                     (self.tr("Reason"), self.reason_edit, "status.reason")):
            form.addRow(label, with_error(widget, self.errors, field))
        layout.addLayout(form)
        self.errors.general = ErrorLabel(self)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        buttons = accept_buttons(self, self.tr("Save"), self.tr("Cancel"))
        layout.addWidget(buttons)
        self.resize(480, 340)

    def values(self) -> StatusChange:
        """The change as typed; ValidationErrors for a mistyped date."""
        try:
            when = self.date_field.value(field="status.date")
        except UserInputError as err:
            raise ValidationErrors([err]) from None
        return StatusChange(status=self.status_combo.currentData(), date=when,
                            letter=self.letter_edit.text(), reason=self.reason_edit.toPlainText())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._focused_once:
            self._focused_once = True  # status and date come filled in: the letter is next
            focus_first_empty([self.letter_edit, self.reason_edit, self.status_combo])

    def accept(self) -> None:
        try:
            change = self.values()
            if not self._ending_early_confirmed(change):
                return
            self.result_op = self._change_status(change)
        except RekamError as err:
            self.errors.show(err)
            return
        super().accept()

    def _ending_early_confirmed(self, change: StatusChange) -> bool:
        """"Selesai" before the end of guidance is asked about (issue 9): a slip of the date is common.

        Revoked, transferred, absconded ... end a program early by their nature: not asked.
        """
        end = from_iso(self.program["end_date"])
        if change.status != "selesai" or change.date is None or end is None or change.date >= end:
            return True
        return confirm(self, self.tr("End the program early?"),
                       self.tr("The %1 guidance runs until %2. Record it as completed on %3, %4 days early?")
                       .replace("%1", self.program["kind_code"]).replace("%2", date_text(end))
                       .replace("%3", date_text(change.date)).replace("%4", str((end - change.date).days)),
                       yes=self.tr("Yes, completed early"), no=self.tr("Cancel"))

    def _change_status(self, change: StatusChange) -> OpResult:
        program_id, today = self.program_id, self.today
        return self.ops.call(lambda db: clients.change_program_status(db, program_id, change, today=today))
