"""The small wajib lapor dialogs: excused absence, escalation step, correcting or removing a visit,
a guidance note, the schedule, a revocation stage.  Each saves through ``ops`` and shows its
errors beside the fields; nothing is lost on a refusal."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.models.dates import format_date
from app.models.errors import RekamError, UserInputError, ValidationErrors
from app.models.queries import Queries
from app.models.storage import Database
from app.operations import OpResult
from app.operations import wajib_lapor as wl
from app.ui.lapor_labels import EXCUSES, VISIT_KINDS, WORKING, excuse_label, step_label, visit_kind_label, working_label
from app.ui.ops import InlineOps, Ops
from app.ui.widgets import DateField, ErrorLabel, FieldErrors, accept_buttons, note, with_error


def officer_combo(queries: Queries, name: str, selected: int | None, *, first: str | None = None) -> QComboBox:
    """Active officers (PK) by name; ``first`` adds an empty choice at the top."""
    combo = QComboBox()
    combo.setObjectName(name)
    if first is not None:
        combo.addItem(first, None)
    for o in queries.officers(active_only=True, with_caseload=False):
        combo.addItem(o["name"], o["id"])
    index = combo.findData(selected)
    combo.setCurrentIndex(max(index, 0))
    return combo


class _Dialog(QDialog):
    """The shared shape: a form, a general error line, Save / Cancel; ``save()`` does the write."""

    def __init__(self, db: Database, *, name: str, title: str, today: date | None, parent: QWidget | None,
                 ops: Ops | None):
        super().__init__(parent)
        self.db = db
        self.ops = ops or InlineOps(db, self)
        self.queries = Queries(db)
        self.today = today or date.today()
        self.errors = FieldErrors()
        self.result_op: OpResult | None = None
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()

    def finish(self, accept_text: str) -> None:
        self.layout_.addLayout(self.form)
        self.errors.general = ErrorLabel(self)
        self.layout_.addWidget(self.errors.general)
        self.layout_.addStretch(1)
        from PySide6.QtCore import QCoreApplication

        self.layout_.addWidget(accept_buttons(self, accept_text, QCoreApplication.translate("LaporDialogs", "Cancel")))

    def row(self, label: str, widget: QWidget, field: str) -> None:
        self.form.addRow(label, with_error(widget, self.errors, field))

    def date_of(self, field: DateField, name: str) -> date | None:
        try:
            return field.value(field=name)
        except UserInputError as err:
            raise ValidationErrors([err]) from None

    def accept(self) -> None:
        try:
            self.result_op = self.save()
        except RekamError as err:
            self.errors.show(err)
            return
        super().accept()

    def save(self) -> OpResult:
        raise NotImplementedError


def _text_edit(name: str, height: int = 56) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setFixedHeight(height)
    edit.setTabChangesFocus(True)
    return edit


class ExcuseDialog(_Dialog):
    """An excused absence (sakit, izin, berhalangan) for the period holding a day, approved by a PK."""

    def __init__(self, db: Database, program_id: int, *, day: date | None = None, today: date | None = None,
                 parent: QWidget | None = None, ops: Ops | None = None):
        super().__init__(db, name="excuse_dialog", title=self.tr("Excused absence"), today=today, parent=parent,
                         ops=ops)
        self.program_id = program_id
        program = self.queries.program(program_id) or {}
        self.layout_.addWidget(note(self.tr("The period is neither attended nor missed; the reason and the PK who "
                                            "accepted it are kept.")))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("excuse_kind")
        for code in EXCUSES:
            self.kind_combo.addItem(excuse_label(code), code)
        self.day_field = DateField(object_name="excuse_day")
        self.day_field.set_value(day or self.today)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("excuse_reason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. in hospital, doctor's letter"))
        self.officer = officer_combo(self.queries, "excuse_officer", program.get("officer_id"), first="")
        self.row(self.tr("Reason"), self.kind_combo, "excuse.kind")
        self.row(self.tr("A day in the period"), self.day_field, "excuse.day")
        self.row(self.tr("Details"), self.reason_edit, "excuse.reason")
        self.row(self.tr("Accepted by (PK)"), self.officer, "excuse.officer")
        self.finish(self.tr("Record"))
        self.resize(460, 280)

    def save(self) -> OpResult:
        day = self.date_of(self.day_field, "excuse.day") or self.today
        kind, reason, officer = self.kind_combo.currentData(), self.reason_edit.text(), self.officer.currentData()
        program_id, today = self.program_id, self.today
        return self.ops.call(lambda db: wl.record_excuse(db, program_id, day=day, reason_kind=kind, reason=reason,
                                                         officer_id=officer, today=today))


class StepDialog(_Dialog):
    """The officer confirms the escalation step a missed run has reached; the letter number is proposed."""

    def __init__(self, db: Database, program_id: int, *, today: date | None = None, parent: QWidget | None = None,
                 ops: Ops | None = None):
        super().__init__(db, name="step_dialog", title=self.tr("Confirm the escalation step"), today=today,
                         parent=parent, ops=ops)
        self.program_id = program_id
        summary = self.queries.reporting_summary(program_id, self.today) or {}
        pending = summary.get("pending")
        program = summary.get("program") or {}
        person = self.queries.person(program.get("person_id", 0)) or {}
        missed = [p for p in self.queries.reporting_periods(program_id, self.today) if p["state"] in ("missed", "late")]
        text = (self.tr("%1 (%2) has missed %3 periods in a row.")
                .replace("%1", person.get("name", "")).replace("%2", program.get("register_number") or "")
                .replace("%3", str(summary.get("misses", 0))))
        if missed:
            text += " " + self.tr("Last missed: %1.").replace(
                "%1", ", ".join(format_date(p["start"]).split(" ", 1)[1] for p in missed[-3:]))
        self.info = QLabel(text)
        self.info.setObjectName("step_info")
        self.info.setWordWrap(True)
        self.layout_.addWidget(self.info)
        self.step_label = QLabel(step_label(pending.key) if pending else self.tr("No step is waiting."))
        self.step_label.setObjectName("step_label")
        font = self.step_label.font()
        font.setBold(True)
        self.step_label.setFont(font)
        self.letter_edit = QLineEdit(summary.get("proposed_letter") or "")
        self.letter_edit.setObjectName("step_letter")
        self.date_field = DateField(object_name="step_date")
        self.date_field.set_value(self.today)
        self.officer = officer_combo(self.queries, "step_officer", program.get("officer_id"), first="")
        self.note_edit = _text_edit("step_note")
        self.form.addRow(self.tr("Step"), self.step_label)
        self.row(self.tr("Letter number"), self.letter_edit, "step.letter")
        self.row(self.tr("Letter date"), self.date_field, "visit.day")
        self.row(self.tr("Officer"), self.officer, "officer")
        self.row(self.tr("Note"), self.note_edit, "step.note")
        self.finish(self.tr("Confirm"))
        self.resize(520, 340)

    def save(self) -> OpResult:
        day = self.date_of(self.date_field, "visit.day") or self.today
        number, officer, text = self.letter_edit.text(), self.officer.currentData(), self.note_edit.toPlainText()
        program_id, today = self.program_id, self.today
        return self.ops.call(lambda db: wl.confirm_step(db, program_id, letter_number=number, letter_date=day,
                                                        officer_id=officer, note=text, today=today))


class VisitDialog(_Dialog):
    """Correct a recorded visit (date, kind, officer, working, note) with a reason."""

    def __init__(self, db: Database, visit: dict[str, Any], *, today: date | None = None,
                 parent: QWidget | None = None, ops: Ops | None = None):
        super().__init__(db, name="visit_dialog", title=self.tr("Correct a visit"), today=today, parent=parent,
                         ops=ops)
        self.visit = visit
        self.day_field = DateField(object_name="visit_day")
        self.day_field.set_value(date.fromisoformat(visit["report_date"]))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("visit_kind")
        for code in VISIT_KINDS:
            self.kind_combo.addItem(visit_kind_label(code), code)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(visit["kind"]))
        self.officer = officer_combo(self.queries, "visit_officer", visit["officer_id"], first="")
        self.working_combo = QComboBox()
        self.working_combo.setObjectName("visit_working")
        for code in WORKING:
            self.working_combo.addItem(working_label(code), code)
        self.working_combo.setCurrentIndex(self.working_combo.findData(visit["working"]))
        self.note_edit = QLineEdit(visit["note"] or "")
        self.note_edit.setObjectName("visit_note")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("visit_reason")
        self.reason_edit.setPlaceholderText(self.tr("why it is corrected (kept in the history)"))
        self.row(self.tr("Date"), self.day_field, "visit.day")
        self.row(self.tr("Kind of contact"), self.kind_combo, "visit.kind")
        self.row(self.tr("Received by"), self.officer, "officer")
        self.row(self.tr("Working"), self.working_combo, "visit.working")
        self.row(self.tr("Note"), self.note_edit, "visit.note")
        self.row(self.tr("Reason for the correction"), self.reason_edit, "visit.reason")
        self.finish(self.tr("Save"))
        self.resize(480, 330)

    def save(self) -> OpResult:
        day = self.date_of(self.day_field, "visit.day")
        values = dict(reason=self.reason_edit.text(), day=day, kind=self.kind_combo.currentData(),
                      officer_id=self.officer.currentData(), working=self.working_combo.currentData(),
                      note=self.note_edit.text())
        visit_id, today = self.visit["id"], self.today
        return self.ops.call(lambda db: wl.correct_visit(db, visit_id, today=today, **values))


class ReasonDialog(_Dialog):
    """Ask for the reason before removing something; the record stays, marked removed."""

    def __init__(self, db: Database, text: str, action, *, parent: QWidget | None = None, ops: Ops | None = None):
        super().__init__(db, name="reason_dialog", title=self.tr("Remove"), today=None, parent=parent, ops=ops)
        self.action = action
        self.layout_.addWidget(note(text))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("remove_reason")
        self.row(self.tr("Reason"), self.reason_edit, "visit.reason")
        self.finish(self.tr("Remove"))
        self.resize(440, 200)

    def save(self) -> OpResult:
        reason, action = self.reason_edit.text(), self.action
        return self.ops.call(lambda db: action(db, reason))


class NoteDialog(_Dialog):
    """A note in the buku perkembangan bimbingan: five optional parts, free text, a follow-up date."""

    def __init__(self, db: Database, person_id: int, *, note_id: int | None = None, program_id: int | None = None,
                 today: date | None = None, parent: QWidget | None = None, ops: Ops | None = None):
        super().__init__(db, name="note_dialog", title=self.tr("Guidance note"), today=today, parent=parent, ops=ops)
        self.person_id, self.note_id = person_id, note_id
        current = wl.note_input(db, note_id) if note_id is not None else wl.NoteInput(note_date=self.today,
                                                                                       program_id=program_id)
        programs = self.queries.programs_of(person_id)
        pk = next((p["officer_id"] for p in programs if p["id"] == current.program_id), None)
        if pk is None and programs:
            pk = programs[0]["officer_id"]
        self.program_id = current.program_id or (programs[0]["id"] if programs else None)
        self.date_field = DateField(object_name="note_date")
        self.date_field.set_value(current.note_date)
        self.officer = officer_combo(self.queries, "note_officer", current.officer_id or pk, first="")
        self.row(self.tr("Date"), self.date_field, "note.note_date")
        self.row(self.tr("PK"), self.officer, "officer")
        self.parts: dict[str, QPlainTextEdit] = {}
        for key, label in (("condition", self.tr("Present condition")), ("activity", self.tr("Activity / work")),
                           ("social", self.tr("Social surroundings")), ("obstacles", self.tr("Obstacles")),
                           ("plans", self.tr("Plans")), ("text", self.tr("Other notes"))):
            edit = _text_edit(f"note_{key}", 44)
            edit.setPlainText(getattr(current, key))
            self.parts[key] = edit
            self.row(label, edit, "note.text" if key == "text" else f"note.{key}")
        self.follow_field = DateField(object_name="note_follow_up")
        self.follow_field.set_value(current.follow_up)
        self.row(self.tr("Follow up on"), self.follow_field, "note.follow_up")
        self.finish(self.tr("Save"))
        self.resize(560, 560)

    def save(self) -> OpResult:
        value = wl.NoteInput(note_date=self.date_of(self.date_field, "note.note_date"),
                             officer_id=self.officer.currentData(), program_id=self.program_id,
                             follow_up=self.date_of(self.follow_field, "note.follow_up"),
                             **{k: e.toPlainText() for k, e in self.parts.items()})
        person_id, note_id, today = self.person_id, self.note_id, self.today
        if note_id is None:
            return self.ops.call(lambda db: wl.add_note(db, person_id, value, today=today))
        return self.ops.call(lambda db: wl.update_note(db, note_id, value, today=today))


class ScheduleDialog(_Dialog):
    """The PK's reporting schedule: monthly, or blocks of 1, 2 or 4 weeks from the start of guidance."""

    def __init__(self, db: Database, program_id: int, *, parent: QWidget | None = None, ops: Ops | None = None):
        super().__init__(db, name="schedule_dialog", title=self.tr("Reporting schedule"), today=None, parent=parent,
                         ops=ops)
        self.program_id = program_id
        schedule = self.queries.reporting_schedule(program_id)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("schedule_kind")
        self.kind_combo.addItem(self.tr("Every calendar month"), ("monthly", 0))
        for weeks in (1, 2, 4):
            self.kind_combo.addItem(self.tr("Every %1 week(s) from the start of guidance").replace("%1", str(weeks)),
                                    ("weeks", weeks))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData((schedule.kind, schedule.weeks))))
        self.due_spin = QSpinBox()
        self.due_spin.setObjectName("schedule_due")
        self.due_spin.setRange(0, 31)
        self.due_spin.setSpecialValueText(self.tr("none"))
        self.due_spin.setValue(schedule.due_day or 0)
        self.layout_.addWidget(note(self.tr("The due day is a reminder, not a deadline: a visit anywhere in the "
                                            "period counts. For week blocks it is the weekday (1 Monday … 7 Sunday). "
                                            "The schedule applies to the whole guidance.")))
        self.row(self.tr("Schedule"), self.kind_combo, "schedule")
        self.row(self.tr("Due day"), self.due_spin, "schedule.due")
        self.finish(self.tr("Save"))
        self.resize(500, 240)

    def save(self) -> OpResult:
        kind, weeks = self.kind_combo.currentData()
        due = self.due_spin.value() or None
        program_id = self.program_id
        return self.ops.call(lambda db: wl.set_schedule(db, program_id, kind=kind, weeks=weeks, due_day=due))


class StageDialog(_Dialog):
    """A stage of a revocation proposal (BAP, TPP hearing, provisional revocation) or its end without one."""

    def __init__(self, db: Database, step_id: int, *, today: date | None = None, parent: QWidget | None = None,
                 ops: Ops | None = None):
        super().__init__(db, name="stage_dialog", title=self.tr("Revocation stage"), today=today, parent=parent,
                         ops=ops)
        self.step_id = step_id
        self.stage_combo = QComboBox()
        self.stage_combo.setObjectName("stage_kind")
        for code in ("bap", "sidang_tpp", "pencabutan_sementara", "batal"):
            self.stage_combo.addItem(step_label(code), code)
        self.date_field = DateField(object_name="stage_date")
        self.date_field.set_value(self.today)
        self.letter_edit = QLineEdit()
        self.letter_edit.setObjectName("stage_letter")
        self.letter_edit.setPlaceholderText(self.tr("empty: proposed from the pattern in the settings"))
        self.note_edit = _text_edit("stage_note")
        self.layout_.addWidget(note(self.tr("After the provisional revocation, change the program's status to "
                                            "revoked (with the decree) in the client's details.")))
        self.row(self.tr("Stage"), self.stage_combo, "stage")
        self.row(self.tr("Date"), self.date_field, "visit.day")
        self.row(self.tr("Letter number"), self.letter_edit, "stage.letter")
        self.row(self.tr("Note"), self.note_edit, "stage.note")
        self.finish(self.tr("Record"))
        self.resize(520, 320)

    def save(self) -> OpResult:
        day = self.date_of(self.date_field, "visit.day") or self.today
        stage, number, text = self.stage_combo.currentData(), self.letter_edit.text(), self.note_edit.toPlainText()
        step_id, today = self.step_id, self.today
        return self.ops.call(lambda db: wl.record_revocation_stage(db, step_id, stage=stage, day=day,
                                                                   letter_number=number, note=text, today=today))
