"""The one form for entering a client or inmate: identity, case and program on one screen.

The same form edits each part later (with the same checks), adds a second case or
program to an existing person, and handles the officer's decisions: a NIK that
disagrees with the birth date needs a reason, and a likely duplicate is offered
instead of being created silently.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpinBox, QVBoxLayout, QWidget,
)

from app.models import calculator as calc
from app.models.dates import from_iso
from app.models.domain import (
    EDUCATION_LEVELS, RELIGIONS, CaseInput, Confirmations, PersonInput, ProgramInput,
)
from app.models.durations import Duration
from app.models.errors import ConfirmationNeeded, RekamError, UserInputError, ValidationErrors
from app.models.queries import Queries
from app.models.storage import Database
from app.models.validation import client_class_for
from app.operations import OpResult, clients
from app.ui.identity_dialogs import DuplicateDialog, NikReasonDialog
from app.ui.ops import InlineOps, Ops
from app.ui.labels import AUTHORITY_CODES, SENTENCE_KIND_CODES, authority_label, sentence_kind_label
from app.ui.widgets import (
    HINT_STYLE, DateField, DurationField, ErrorLabel, FieldErrors, accept_buttons, date_text,
    focus_first_empty, show_error, with_error,
)

# The case's dates a program's guidance is proposed from.
PROGRAM_DATES = ("parole_date", "parole_supervision_end", "conditional_leave_start", "conditional_leave_end",
                 "leave_before_release_start", "assimilation_date", "expiry")

# The width one group of fields needs (logical pixels): a 16-digit NIK and a date with its echo.
BOX_WIDTH = 430

NEW, EDIT_PERSON, EDIT_CASE, ADD_CASE, EDIT_PROGRAM, ADD_PROGRAM = (
    "new", "edit_person", "edit_case", "add_case", "edit_program", "add_program")


class ClientForm(QDialog):
    """Identity + case + program.  ``mode`` decides which parts show."""

    def __init__(self, db: Database, mode: str = NEW, *, person_id: int | None = None,
                 case_id: int | None = None, program_id: int | None = None, today: date | None = None,
                 parent: QWidget | None = None, ops: Ops | None = None):
        super().__init__(parent)
        self.setObjectName("client_form")
        self.db = db
        # Writes go through the window's write worker; on their own (tests), on this connection.
        self.ops = ops or InlineOps(db, self)
        self.queries = Queries(db)
        self.mode = mode
        self.person_id = person_id
        self.case_id = case_id
        self.program_id = program_id
        self.today = today or date.today()
        self.result_op: OpResult | None = None
        self.errors = FieldErrors()
        self.confirm = Confirmations()
        # domain field -> its widget (focus after a refused save)
        self._field_widgets: dict[str, QWidget] = {}
        # After a refused save, the errors follow what is typed (issue 9).
        self._live = False
        self._focused_once = False
        self._kinds = {k["id"]: k for k in self.queries.program_kinds()}

        self.show_person = mode in (NEW, EDIT_PERSON)
        self.show_case = mode in (NEW, EDIT_CASE, ADD_CASE)
        self.show_program = mode in (NEW, ADD_CASE, EDIT_PROGRAM, ADD_PROGRAM)
        self.setWindowTitle({
            NEW: self.tr("New client"), EDIT_PERSON: self.tr("Edit identity"),
            EDIT_CASE: self.tr("Edit case"), ADD_CASE: self.tr("Add a case"),
            EDIT_PROGRAM: self.tr("Edit program"), ADD_PROGRAM: self.tr("Add a program"),
        }[mode])

        boxes = []
        if self.show_person:
            boxes.append(self._person_box())
        if self.show_case:
            boxes.append(self._case_box())
        if self.show_program:
            boxes.append(self._program_box())
        # Side by side where the screen allows; on a small or scaled screen (1366×768 at 125 %
        # or 150 %) two columns and the rest below, scrolled down rather than cut at the side.
        screen = self.screen().availableGeometry().width() if self.screen() else 1366
        per_row = max(1, min(len(boxes), (screen - 40) // BOX_WIDTH))
        columns = QGridLayout()
        for i, box in enumerate(boxes):
            columns.addWidget(box, i // per_row, i % per_row, Qt.AlignmentFlag.AlignTop)
        for c in range(per_row):
            columns.setColumnStretch(c, 1)
        self.columns_per_row = per_row
        body = QWidget()
        body.setLayout(columns)
        scroll = QScrollArea(self)
        self.scroll = scroll
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.general_error = ErrorLabel(self, object_name="general_error")
        self.errors.general = self.general_error
        buttons = accept_buttons(self, self.tr("Save"), self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self._load()
        self._watch_fields()
        self._resize_to_screen()

    # -- layout ------------------------------------------------------------------
    def _row(self, form: QFormLayout, label: str, widget: QWidget, field: str | None = None) -> QWidget:
        if field:
            form.addRow(label, with_error(widget, self.errors, field))
            self._field_widgets[field] = widget
        else:
            form.addRow(label, widget)
        return widget

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    @staticmethod
    def _address(name: str) -> QPlainTextEdit:
        """An address of three lines (street, RT/RW and village, district): long ones are never cut."""
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)  # Tab goes on to the next field, as in the one-line fields
        lines = edit.fontMetrics().lineSpacing()
        edit.setFixedHeight(lines * 3 + 12)
        # Fixed, not expanding: an expanding field makes the form spread its spare room between rows.
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return edit

    def _combo(self, name: str, items: list[tuple[str, Any]], editable: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(editable)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _person_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Identity"))
        form = QFormLayout(box)
        # Spare room below, not between rows.
        form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.name_edit = self._row(form, self.tr("Full name *"), self._line("name_edit"), "person.name")
        self.alias_edit = self._row(form, self.tr("Alias"), self._line("alias_edit"))
        self.nationality_edit = self._row(form, self.tr("Nationality"), self._combo(
            "nationality_combo", [("Indonesia", "Indonesia")], editable=True), "person.nationality")
        self.nik_edit = self._line("nik_edit", "3522011505900001")
        self.nik_edit.setMaxLength(24)
        self.nik_edit.setMinimumWidth(self.nik_edit.fontMetrics().horizontalAdvance("0000000000000000") + 16)
        self.nik_count = QLabel()
        self.nik_count.setObjectName("nik_count")
        self.nik_count.setStyleSheet(HINT_STYLE)
        self.nik_count.setMinimumWidth(self.nik_count.fontMetrics().horizontalAdvance("00 / 16") + 4)
        # One line under the NIK, two lines tall at all times: the save's error, or else the
        # warning that the NIK disagrees with the birth date or sex (never both, never a jump).
        # It spans the label column too, so two short lines always hold it.
        self.nik_hint = ErrorLabel(object_name="person_nik_error", reserve_lines=2)
        self.errors.add("person.nik", self.nik_hint)
        nik_row = QWidget()
        h = QHBoxLayout(nik_row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.nik_edit, 1)
        h.addWidget(self.nik_count)
        # Never taller than they need: the group's spare height stays below the last field.
        nik_row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.nik_hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        form.addRow(self.tr("NIK (16 digits)"), nik_row)
        form.addRow(self.nik_hint)
        self._field_widgets["person.nik"] = self.nik_edit
        self.passport_edit = self._row(form, self.tr("Passport (foreigners)"), self._line("passport_edit"),
                                       "person.passport")
        self.sex_combo = self._row(form, self.tr("Sex *"), self._combo(
            "sex_combo", [(self.tr("Male"), "L"), (self.tr("Female"), "P")]), "person.sex")
        self.birth_place_edit = self._row(form, self.tr("Place of birth"), self._line("birth_place_edit"))
        self.birth_date = self._row(form, self.tr("Date of birth *"), DateField(object_name="birth_date"),
                                    "person.birth_date")
        self.religion_combo = self._row(form, self.tr("Religion"), self._combo(
            "religion_combo", [("", "")] + [(r, r) for r in RELIGIONS]))
        self.education_combo = self._row(form, self.tr("Education"), self._combo(
            "education_combo", [("", "")] + [(e, e) for e in EDUCATION_LEVELS]))
        self.occupation_edit = self._row(form, self.tr("Occupation"), self._line("occupation_edit"))
        self.address_edit = self._row(form, self.tr("Address"), self._address("address_edit"))
        self.phone_edit = self._row(form, self.tr("Phone"), self._line("phone_edit", "0812…"), "person.phone")
        self.family_edit = self._row(form, self.tr("Family contact"), self._line(
            "family_edit", self.tr("name, relation, phone")))
        self.guarantor_edit = self._row(form, self.tr("Guarantor"), self._line("guarantor_edit"))
        # --- printing (issue 11): the guarantor's details, printed on the card and the agreement ---
        self.guarantor_relation_edit = self._row(form, self.tr("Guarantor's relationship"), self._line(
            "guarantor_relation_edit", self.tr("e.g. mother, wife, village head")))
        self.guarantor_address_edit = self._row(form, self.tr("Guarantor's address"),
                                                self._line("guarantor_address_edit"))
        self.guarantor_phone_edit = self._row(form, self.tr("Guarantor's phone"),
                                              self._line("guarantor_phone_edit", "0812…"))
        # --- end printing ---
        self.nik_edit.textChanged.connect(self._on_identity_changed)
        self.birth_date.changed.connect(self._on_identity_changed)
        self.sex_combo.currentIndexChanged.connect(self._on_identity_changed)
        self.nationality_edit.currentTextChanged.connect(self._on_nationality_changed)
        self._on_nationality_changed(self.nationality_edit.currentText())
        return box

    def _case_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Case"))
        form = QFormLayout(box)
        # Spare room below, not between rows.
        form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.offence_date = self._row(form, self.tr("Date of offence"), DateField(object_name="offence_date"),
                                      "case.offence_date")
        self.class_combo = self._row(form, self.tr("Adult / child"), self._combo(
            "class_combo", [(self.tr("From the age at the offence"), None), (self.tr("Adult"), "dewasa"),
                            (self.tr("Child"), "anak")]), "case.client_class")
        self.offence_combo = self._row(form, self.tr("Offence category"), self._combo(
            "offence_combo", [("", None)] + [(c["name"], c["id"]) for c in self.queries.offence_categories(True)]),
            "case.offence_category_id")
        self.articles_edit = self._row(form, self.tr("Articles"), self._line("articles_edit", "Pasal 362 KUHP"))
        self.statute_edit = self._row(form, self.tr("Statute"), self._line("statute_edit", "UU 1/2023"))
        self.verdict_number_edit = self._row(form, self.tr("Verdict number"), self._line(
            "verdict_number_edit", "45/Pid.B/2024/PN Bjn"), "case.verdict_number")
        self.verdict_date = self._row(form, self.tr("Verdict date"), DateField(object_name="verdict_date"),
                                      "case.verdict_date")
        self.court_edit = self._row(form, self.tr("Court"), self._line("court_edit", "PN Bojonegoro"))
        self.sentence_kind_combo = self._row(form, self.tr("Sentence"), self._combo(
            "sentence_kind_combo", [(sentence_kind_label(k), k) for k in SENTENCE_KIND_CODES]),
            "case.sentence_kind")
        self.sentence_field = self._row(form, self.tr("Length"), DurationField(object_name="sentence"),
                                        "case.sentences")
        self.more_sentences_edit = self._row(form, self.tr("Further sentences"), self._line(
            "more_sentences_edit", self.tr("served after it, e.g. 8m; 1y2m")), "case.more_sentences")
        self.authority_combo = self._row(form, self.tr("Detained by"), self._combo(
            "authority_combo", [("", None)] + [(authority_label(a), a) for a in AUTHORITY_CODES]),
            "case.detention_authority")
        fine = QSpinBox()
        fine.setObjectName("fine_spin")
        fine.setRange(0, 2_000_000_000)
        fine.setSingleStep(1_000_000)
        fine.setGroupSeparatorShown(True)
        fine.setPrefix("Rp ")
        self.fine_spin = self._row(form, self.tr("Fine"), fine, "case.fine")
        self.subsider_field = self._row(form, self.tr("Subsidiary imprisonment"),
                                        DurationField(object_name="subsider"), "case.subsider")
        self.fine_paid_check = QCheckBox(self.tr("Fine paid"))
        self.fine_paid_check.setObjectName("fine_paid_check")
        self.fine_paid_check.setChecked(True)
        form.addRow("", self.fine_paid_check)
        self.detention_start = self._row(form, self.tr("Detained since"), DateField(object_name="detention_start"),
                                         "case.detention_start")
        credits = QWidget()
        h = QHBoxLayout(credits)
        h.setContentsMargins(0, 0, 0, 0)
        self.city_days_spin = QSpinBox()
        self.city_days_spin.setObjectName("city_days_spin")
        self.house_days_spin = QSpinBox()
        self.house_days_spin.setObjectName("house_days_spin")
        for spin in (self.city_days_spin, self.house_days_spin):
            spin.setRange(0, 9999)
            spin.setSuffix(self.tr(" d"))
        h.addWidget(QLabel(self.tr("city")))
        h.addWidget(self.city_days_spin)
        h.addWidget(QLabel(self.tr("house")))
        h.addWidget(self.house_days_spin)
        h.addStretch(1)
        self._row(form, self.tr("City / house detention"), credits, "case.city_detention_days")
        self.preview = QLabel()
        self.preview.setObjectName("dates_preview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setStyleSheet("color: #1b4f72;")
        form.addRow(self.tr("Computed"), self.preview)
        for w in (self.offence_date, self.detention_start, self.verdict_date):
            w.changed.connect(self._on_case_changed)
        self.sentence_kind_combo.currentIndexChanged.connect(self._on_case_changed)
        for spin in (self.sentence_field.years, self.sentence_field.months, self.sentence_field.days,
                     self.subsider_field.years, self.subsider_field.months, self.subsider_field.days,
                     self.city_days_spin, self.house_days_spin):
            spin.valueChanged.connect(self._on_case_changed)
        self.more_sentences_edit.textChanged.connect(self._on_case_changed)
        self.fine_paid_check.toggled.connect(self._on_case_changed)
        return box

    def _program_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Program and guidance"))
        form = QFormLayout(box)
        # Spare room below, not between rows.
        form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.no_program_check = QCheckBox(self.tr("No program yet (inmate)"))
        self.no_program_check.setObjectName("no_program_check")
        if self.mode in (NEW, ADD_CASE):
            form.addRow("", self.no_program_check)
        kinds = [(f"{k['code']} – {k['name']}", k["id"]) for k in self.queries.program_kinds(True)]
        self.kind_combo = self._row(form, self.tr("Program *"), self._combo("kind_combo", kinds), "program.kind_id")
        # --- printing (issue 11): the kind of legal basis (settings' list), printed on registers ---
        from app.reports.paper.base import paper_settings
        basis = [(self.tr("— not stated —"), "")] + [(label, code) for code, label in
                                                     paper_settings(self.db).get("basis_kinds") or []]
        self.basis_kind_combo = self._row(form, self.tr("Legal basis"), self._combo("basis_kind_combo", basis),
                                          "program.basis_kind")
        # --- end printing ---
        self.sk_number_edit = self._row(form, self.tr("Number (verdict, order or SK)"), self._line("sk_number_edit"),
                                        "program.sk_number")
        self.sk_date = self._row(form, self.tr("Date (verdict, order or SK)"), DateField(object_name="sk_date"),
                                 "program.sk_date")
        reg = QWidget()
        h = QHBoxLayout(reg)
        h.setContentsMargins(0, 0, 0, 0)
        self.register_edit = self._line("register_edit")
        self.propose_button = QPushButton(self.tr("Propose"))
        self.propose_button.setObjectName("propose_button")
        h.addWidget(self.register_edit, 1)
        h.addWidget(self.propose_button)
        self._row(form, self.tr("Register number"), reg, "program.register_number")
        self.start_date = self._row(form, self.tr("Guidance from *"), DateField(object_name="start_date"),
                                    "program.start_date")
        self.end_date = self._row(form, self.tr("Guidance until"), DateField(object_name="end_date"),
                                  "program.end_date")
        officers = [(self.tr("— not assigned —"), None)] + [
            (o["name"], o["id"]) for o in self.queries.officers(active_only=True)]
        self.officer_combo = self._row(form, self.tr("Officer (PK)"), self._combo("officer_combo", officers),
                                       "program.officer_id")
        self.program_hint = QLabel()
        self.program_hint.setObjectName("program_hint")
        self.program_hint.setWordWrap(True)
        self.program_hint.setStyleSheet("color: #555;")
        form.addRow("", self.program_hint)
        self.propose_button.clicked.connect(self._propose_register)
        self.kind_combo.currentIndexChanged.connect(self._on_program_kind_changed)
        self.start_date.changed.connect(self._update_register_placeholder)
        self.no_program_check.toggled.connect(self._on_no_program)
        return box

    def _resize_to_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        parts = min(self.columns_per_row, sum((self.show_person, self.show_case, self.show_program)))
        width = 460 * parts + 60
        height = 760
        if screen is not None:
            width = min(width, screen.width() - 40)
            height = min(height, screen.height() - 60)
        self.resize(width, height)

    # -- loading existing values ----------------------------------------------------
    def _load(self) -> None:
        if self.show_person and self.person_id is not None and self.mode == EDIT_PERSON:
            self.set_person(clients.person_input(self.db, self.person_id))
        if self.show_case and self.case_id is not None and self.mode == EDIT_CASE:
            self.set_case(clients.case_input(self.db, self.case_id))
        if self.show_program and self.program_id is not None and self.mode == EDIT_PROGRAM:
            self.set_program(clients.program_input(self.db, self.program_id))
        if self.show_program:
            self._update_register_placeholder()
            self._default_basis()  # printing (issue 11)
        if self.show_case:
            self._on_case_changed()

    def set_person(self, p: PersonInput) -> None:
        self.name_edit.setText(p.name)
        self.alias_edit.setText(p.alias)
        self.nationality_edit.setCurrentText(p.nationality or "Indonesia")
        self.nik_edit.setText(p.nik)
        self.passport_edit.setText(p.passport)
        self.sex_combo.setCurrentIndex(max(0, self.sex_combo.findData(p.sex)))
        self.birth_place_edit.setText(p.birth_place)
        self.birth_date.set_value(p.birth_date)
        self._set_combo_text(self.religion_combo, p.religion)
        self._set_combo_text(self.education_combo, p.education)
        self.occupation_edit.setText(p.occupation)
        self.address_edit.setPlainText(p.address)
        self.phone_edit.setText(p.phone)
        self.family_edit.setText(p.family_contact)
        self.guarantor_edit.setText(p.guarantor)
        self.guarantor_relation_edit.setText(p.guarantor_relation)  # printing (issue 11)
        self.guarantor_address_edit.setText(p.guarantor_address)
        self.guarantor_phone_edit.setText(p.guarantor_phone)

    def set_case(self, c: CaseInput) -> None:
        self.offence_date.set_value(c.offence_date)
        self.class_combo.setCurrentIndex(max(0, self.class_combo.findData(c.client_class)))
        self.offence_combo.setCurrentIndex(max(0, self.offence_combo.findData(c.offence_category_id)))
        self.articles_edit.setText(c.articles)
        self.statute_edit.setText(c.statute)
        self.verdict_number_edit.setText(c.verdict_number)
        self.verdict_date.set_value(c.verdict_date)
        self.court_edit.setText(c.court)
        self.sentence_kind_combo.setCurrentIndex(max(0, self.sentence_kind_combo.findData(c.sentence_kind)))
        self.sentence_field.set_value(c.sentences[0] if c.sentences else None)
        self.more_sentences_edit.setText("; ".join(s.compact() for s in c.sentences[1:]))
        self.authority_combo.setCurrentIndex(max(0, self.authority_combo.findData(c.detention_authority)))
        self.fine_spin.setValue(int(c.fine or 0))
        self.subsider_field.set_value(c.subsider)
        self.fine_paid_check.setChecked(c.fine_paid)
        self.detention_start.set_value(c.detention_start)
        self.city_days_spin.setValue(c.city_detention_days)
        self.house_days_spin.setValue(c.house_detention_days)

    def set_program(self, p: ProgramInput) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(p.kind_id)))
        self._set_basis(p.basis_kind)  # printing (issue 11)
        self.sk_number_edit.setText(p.sk_number)
        self.sk_date.set_value(p.sk_date)
        self.register_edit.setText(p.register_number)
        self.start_date.set_value(p.start_date)
        self.end_date.set_value(p.end_date)
        index = self.officer_combo.findData(p.officer_id)
        if index < 0 and p.officer_id is not None:
            officer = next((o for o in self.queries.officers() if o["id"] == p.officer_id), None)
            if officer:  # an inactive officer stays on the record they already hold
                self.officer_combo.addItem(self.tr("%1 (inactive)").replace("%1", officer["name"]), officer["id"])
                index = self.officer_combo.count() - 1
        self.officer_combo.setCurrentIndex(max(0, index))

    @staticmethod
    def _set_combo_text(combo: QComboBox, text: str) -> None:
        index = combo.findText(text)
        if index < 0 and text:
            combo.addItem(text, text)
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))

    # -- reading values --------------------------------------------------------------
    def person_input(self) -> PersonInput:
        errors: list[UserInputError] = []
        birth = self._date(self.birth_date, "person.birth_date", self.tr("Date of birth"), errors)
        _raise(errors)
        return PersonInput(
            name=self.name_edit.text(), alias=self.alias_edit.text(), nik=self.nik_edit.text(),
            passport=self.passport_edit.text(), nationality=self.nationality_edit.currentText(),
            sex=self.sex_combo.currentData(), birth_place=self.birth_place_edit.text(), birth_date=birth,
            religion=self.religion_combo.currentText(), education=self.education_combo.currentText(),
            occupation=self.occupation_edit.text(), address=self.address_edit.toPlainText(),
            phone=self.phone_edit.text(),
            family_contact=self.family_edit.text(), guarantor=self.guarantor_edit.text(),
            guarantor_relation=self.guarantor_relation_edit.text(),  # printing (issue 11)
            guarantor_address=self.guarantor_address_edit.text(), guarantor_phone=self.guarantor_phone_edit.text())

    def case_input(self) -> CaseInput:
        errors: list[UserInputError] = []
        offence = self._date(self.offence_date, "case.offence_date", self.tr("Date of offence"), errors)
        verdict = self._date(self.verdict_date, "case.verdict_date", self.tr("Verdict date"), errors)
        start = self._date(self.detention_start, "case.detention_start", self.tr("Detained since"), errors)
        sentences = [self.sentence_field.value()]
        for part in self.more_sentences_edit.text().replace(",", ";").split(";"):
            if part.strip():
                try:
                    sentences.append(Duration.parse(part.strip()))
                except UserInputError as err:
                    errors.append(UserInputError(err.message, field="case.more_sentences"))
        _raise(errors)
        kind = self.sentence_kind_combo.currentData()
        return CaseInput(
            offence_date=offence, client_class=self.class_combo.currentData(),
            offence_category_id=self.offence_combo.currentData(), articles=self.articles_edit.text(),
            statute=self.statute_edit.text(), verdict_number=self.verdict_number_edit.text(),
            verdict_date=verdict, court=self.court_edit.text(), sentence_kind=kind,
            sentences=[s for s in sentences if not s.is_zero] if kind == "term" else [],
            fine=self.fine_spin.value(), subsider=self.subsider_field.value(),
            fine_paid=self.fine_paid_check.isChecked(), detention_start=start,
            city_detention_days=self.city_days_spin.value(), house_detention_days=self.house_days_spin.value(),
            detention_authority=self.authority_combo.currentData() if kind == "none" else None)

    def program_input(self) -> ProgramInput:
        errors: list[UserInputError] = []
        sk = self._date(self.sk_date, "program.sk_date", self.tr("Decree (SK) date"), errors)
        start = self._date(self.start_date, "program.start_date", self.tr("Guidance from"), errors)
        end = self._date(self.end_date, "program.end_date", self.tr("Guidance until"), errors)
        _raise(errors)
        return ProgramInput(kind_id=self.kind_combo.currentData(), sk_number=self.sk_number_edit.text(),
                            sk_date=sk, register_number=self.register_edit.text(), start_date=start,
                            end_date=end, officer_id=self.officer_combo.currentData(),
                            basis_kind=self.basis_kind_combo.currentData() or "")  # printing (issue 11)

    def _set_basis(self, code: str) -> None:
        """Choose a program's legal basis kind; a code no longer in the settings' list stays shown."""
        index = self.basis_kind_combo.findData(code or "")
        if index < 0:
            self.basis_kind_combo.addItem(code, code)
            index = self.basis_kind_combo.count() - 1
        self.basis_kind_combo.setCurrentIndex(index)

    @staticmethod
    def _date(widget: DateField, field: str, label: str, errors: list[UserInputError]) -> date | None:
        try:
            return widget.value(field=field, label=label)
        except UserInputError as err:
            errors.append(err)
            return None

    # -- live hints --------------------------------------------------------------------
    def _on_nationality_changed(self, text: str) -> None:
        foreign = text.strip().lower() not in ("", "indonesia", "wni")
        self.passport_edit.setEnabled(foreign)

    def _on_identity_changed(self, *_args: object) -> None:
        from app.models.identity import check_nik, normalise_digits
        nik = normalise_digits(self.nik_edit.text())
        hint = ""
        # A running count catches a missing or extra digit while typing (the line below is
        # for what the digits say; a wrong length is the save's one message).
        self.nik_count.setText(f"{len(nik)} / 16" if nik and not self.nik_hint.error else "")
        if nik and nik.isdigit() and len(nik) == 16:
            try:
                birth = self.birth_date.value()
            except UserInputError:
                birth = None
            problems = check_nik(nik, birth, self.sex_combo.currentData())
            hint = self._nik_summary(nik, birth, self.sex_combo.currentData()) if problems else ""
            # The full sentences, as the NIK check at Save shows them.
            self.nik_hint.setToolTip("\n".join(problems))
        self.nik_hint.set_hint(hint)
        if self.show_case:
            self._on_case_changed()

    def _nik_summary(self, nik: str, birth: date | None, sex: str | None) -> str:
        """What the NIK's digits say against what was entered, one short line each (fits the room kept)."""
        from app.models.identity import PROVINCE_CODES, nik_info

        info = nik_info(nik)
        lines = []
        if info.province not in PROVINCE_CODES:
            lines.append(self.tr("⚠ NIK: province code %1 is unknown").replace("%1", f"{info.province:02d}"))
        try:
            in_nik = date(2000, info.birth_month, info.birth_day)
        except ValueError:
            in_nik = None
            lines.append(self.tr("⚠ NIK: its birth date %1 does not exist").replace(
                "%1", f"{info.birth_day:02d}-{info.birth_month:02d}"))
        if in_nik is not None and birth is not None and (info.birth_day, info.birth_month, info.birth_year_2) != (
                birth.day, birth.month, birth.year % 100):
            lines.append(self.tr("⚠ NIK says born %1, entered: %2").replace(
                "%1", f"{info.birth_day:02d}-{info.birth_month:02d}-{info.birth_year_2:02d}").replace(
                "%2", date_text(birth)))
        if sex in ("L", "P") and info.sex != sex:
            lines.append(self.tr("⚠ NIK says male, entered: female") if info.sex == "L"
                         else self.tr("⚠ NIK says female, entered: male"))
        return "\n".join(lines)

    def _birth_for_case(self) -> date | None:
        if self.show_person:
            try:
                return self.birth_date.value()
            except UserInputError:
                return None
        person_id = self.person_id
        if person_id is None and self.case_id is not None:
            case = next((c for c in self._all_cases() if c["id"] == self.case_id), None)
            person_id = case["person_id"] if case else None
        person = self.queries.person(person_id) if person_id else None
        return from_iso(person["birth_date"]) if person else None

    def _all_cases(self) -> list[dict[str, Any]]:
        if self.person_id is not None:
            return self.queries.cases_of(self.person_id)
        case = self.queries.case(self.case_id) if self.case_id is not None else None
        return [case] if case else []

    def _on_case_changed(self, *_args: object) -> None:
        kind = self.sentence_kind_combo.currentData()
        self.sentence_field.setEnabled(kind == "term")
        self.more_sentences_edit.setEnabled(kind == "term")
        self.authority_combo.setEnabled(kind == "none")
        self.preview.setText(self._preview_text())
        if self.show_program:
            self._default_end_of_guidance()

    def preview_dates(self) -> calc.SentenceDates | None:
        """The dates the calculator gives for what the form holds now (None if incomplete)."""
        try:
            c = self.case_input()
        except RekamError:
            return None
        if c.sentence_kind != "term" or not c.detention_start or not c.sentences:
            return None
        birth = self._birth_for_case()
        child = (c.client_class == "anak") or (c.client_class is None and birth is not None
                                                and c.offence_date is not None
                                                and client_class_for(birth, c.offence_date) == "anak")
        try:
            return calc.compute(calc.SentenceInput(
                detention_start=c.detention_start, sentences=tuple(c.sentences),
                city_detention_days=c.city_detention_days, house_detention_days=c.house_detention_days,
                fine=c.fine, subsider=c.subsider, fine_paid=c.fine_paid, child=child), explain=False)
        except RekamError:
            return None

    def program_code(self) -> str | None:
        """The code (PB, CB, ...) of the program chosen in the form, None without one."""
        if not self.show_program or self.no_program_check.isChecked():
            return None
        kind = self._kinds.get(self.kind_combo.currentData())
        return kind["code"] if kind else None

    def _preview_text(self) -> str:
        """"Hasil hitung": the expiry, and the chosen program judged by its own dates (issue 9).

        A CB client is told about CB, an asimilasi child about asimilasi; with no program
        (an inmate) the parole date is what the unit watches.  One date per line, so a date
        never breaks across lines.
        """
        kind = self.sentence_kind_combo.currentData()
        if kind in ("life", "death", "none"):
            return self.tr("No expiry date for this kind of sentence.")
        dates = self.preview_dates()
        if dates is None:
            return self.tr("Fill in the detention start and the sentence to see the dates.")
        lines = [self.tr("Expiry: %1").replace("%1", date_text(dates.expiry, "–"))]
        lines += self._program_judgement(self.program_code(), dates)
        lines.append(self.tr("(without remissions; they are added in the case's ledger)"))
        return "\n".join(lines)

    def _program_judgement(self, code: str | None, dates: calc.SentenceDates) -> list[str]:
        if code == "CB":
            if dates.conditional_leave_eligible:
                return [self.tr("Conditional leave (CB): %1 to %2").replace(
                    "%1", date_text(dates.conditional_leave_start, "–")).replace(
                    "%2", date_text(dates.conditional_leave_end, "–"))]
            return [self.tr("Not eligible for conditional leave (CB): the sentence is longer than 1 year 6 months")]
        if code == "CMB":
            if dates.leave_before_release_start:
                return [self.tr("Leave before release (CMB) from: %1").replace(
                    "%1", date_text(dates.leave_before_release_start))]
            return [self.tr("Not eligible for leave before release (CMB): 2/3 of the sentence is under "
                            "9 months, or there is no remission")]
        if code == "ASIM":
            return [self.tr("Assimilation from: %1").replace("%1", date_text(dates.assimilation_date, "–"))]
        if code in (None, "PB"):
            lines = [] if code == "PB" else [self.tr("2/3: %1").replace("%1", date_text(dates.two_thirds, "–"))]
            if dates.parole_eligible:
                lines.append(self.tr("Parole (PB) from: %1").replace("%1", date_text(dates.parole_date, "–")))
            else:
                lines.append(self.tr("Not eligible for parole (PB): 2/3 of the sentence is under 9 months"))
            return lines
        # A court-ordered program (pidana pengawasan, diversi ...) runs as the court set it.
        return [self.tr("%1 runs as the court ordered: enter its dates from the verdict.").replace("%1", code)]

    def _on_no_program(self, checked: bool) -> None:
        for w in (self.kind_combo, self.basis_kind_combo, self.sk_number_edit, self.sk_date, self.register_edit,
                  self.propose_button,
                  self.start_date, self.end_date, self.officer_combo):
            w.setEnabled(not checked)

    def _start_for_register(self) -> date:
        try:
            return self.start_date.value() or self.today
        except UserInputError:
            return self.today

    def _update_register_placeholder(self, *_args: object) -> None:
        kind_id = self.kind_combo.currentData()
        if kind_id is None:
            return
        proposal = clients.propose_register_number(self.db, kind_id, self._start_for_register())
        self.register_edit.setPlaceholderText(self.tr("automatic: %1").replace("%1", proposal))

    def _propose_register(self) -> None:
        kind_id = self.kind_combo.currentData()
        if kind_id is not None:
            self.register_edit.setText(clients.propose_register_number(self.db, kind_id, self._start_for_register()))

    def _on_program_kind_changed(self, *_args: object) -> None:
        self._update_register_placeholder()
        self._default_end_of_guidance()
        self._default_basis()  # printing (issue 11)
        if self.show_case:
            self.preview.setText(self._preview_text())

    def _default_basis(self) -> None:
        """A new program's legal basis follows its kind until the officer picks one (printing, issue 11)."""
        from app.models.schema import default_basis

        if self.mode == EDIT_PROGRAM or (self.basis_kind_combo.currentData() or "") != getattr(
                self, "_basis_default", ""):
            return
        kind = next((k for k in self.queries.program_kinds() if k["id"] == self.kind_combo.currentData()), None)
        if kind is None:
            return
        code = default_basis(kind["code"], bool(kind["court_ordered"]))
        index = self.basis_kind_combo.findData(code)
        if index >= 0:
            self.basis_kind_combo.setCurrentIndex(index)
            self._basis_default = code

    def _case_dates_for_program(self) -> dict[str, date | None]:
        """The case's dates a new program's guidance follows: from the form, or the stored case."""
        if self.show_case:
            computed = self.preview_dates()
            return {k: getattr(computed, k) for k in PROGRAM_DATES} if computed else {}
        if self.case_id is not None:
            case = self.queries.case(self.case_id)
            if case:
                return {k: from_iso(case[k]) for k in PROGRAM_DATES}
        return {}

    def _default_end_of_guidance(self) -> None:
        """A new program's guidance is proposed from the case's dates for that program (issue 9).

        Start: PB on the parole date, CB on its start, CMB on its start, asimilasi on its date.
        End: PB at the end of parole supervision, CB at its end, CMB at the expiry.  Each
        follows the case while the officer has not typed a date of their own.
        """
        if self.mode == EDIT_PROGRAM or not self.show_program:
            return
        dates = self._case_dates_for_program()
        code = self.program_code()
        start = {"PB": dates.get("parole_date"), "CB": dates.get("conditional_leave_start"),
                 "CMB": dates.get("leave_before_release_start"), "ASIM": dates.get("assimilation_date")}.get(code or "")
        end = {"PB": dates.get("parole_supervision_end"),
               "CB": dates.get("conditional_leave_end") or dates.get("expiry"),
               "CMB": dates.get("expiry")}.get(code or "")
        proposed = [self._propose(self.start_date, "_default_start", start),
                    self._propose(self.end_date, "_default_end", end)]
        if proposed[0] and proposed[1]:
            hint = self.tr("Start and end of guidance proposed from the computed dates; change them to the SK's.")
        elif proposed[0]:
            hint = self.tr("Start of guidance proposed from the computed dates; change it to the SK's.")
        elif proposed[1]:
            hint = self.tr("End of guidance proposed from the computed dates.")
        else:
            hint = ""
        self.program_hint.setText(hint)

    def _propose(self, field: DateField, memo: str, value: date | None) -> bool:
        """Fill ``field`` with ``value`` unless the officer typed a date of their own; True when proposed."""
        try:
            current = field.value()
        except UserInputError:
            return False
        if current is not None and current != getattr(self, memo, None):
            return False  # the officer's own date stays
        setattr(self, memo, value)
        field.set_value(value)
        return value is not None

    # -- saving -------------------------------------------------------------------------
    def accept(self) -> None:  # noqa: C901 - one place that turns decisions into one operation
        self.errors.clear()
        try:
            if not self._save():
                return
        except ConfirmationNeeded as need:
            if self._resolve(need):
                self.accept()
            return
        except ValidationErrors as err:
            self._show_errors(err)
            return
        except UserInputError as err:
            self._show_errors(ValidationErrors([err]))
            return
        except RekamError as err:
            show_error(self, err, self.tr("Not saved"))
            return
        super().accept()

    def _show_errors(self, err: ValidationErrors) -> None:
        fields = self.errors.show(err)
        self._live = True
        self._on_identity_changed()  # the NIK's digit count makes way for its error
        first = next((self._field_widgets.get(f) for f in fields if f in self._field_widgets), None)
        if first is None and "person.nik" in fields:
            first = self.nik_edit
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(first)  # on a small screen the field may be below the fold

    # -- the officer's first keystroke, and errors that follow the typing ------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._focused_once:
            self._focused_once = True
            focus_first_empty(self._fields_in_order())

    def _fields_in_order(self) -> list[QWidget]:
        """The fields as the officer meets them, left column first."""
        out: list[QWidget] = []
        if self.show_person:
            out += [self.name_edit, self.alias_edit, self.nik_edit, self.birth_place_edit, self.birth_date,
                    self.occupation_edit, self.address_edit, self.phone_edit]
        if self.show_case:
            out += [self.offence_date, self.articles_edit, self.verdict_number_edit, self.verdict_date,
                    self.court_edit, self.detention_start]
        if self.show_program:
            out += [self.sk_number_edit, self.sk_date, self.start_date, self.end_date]
        return out

    def _watch_fields(self) -> None:
        """Every field's change reaches ``_on_field_edited`` (which does nothing until a save was refused)."""
        for w in self.findChildren(QLineEdit):
            w.textChanged.connect(self._on_field_edited)
        for w in self.findChildren(QPlainTextEdit):
            w.textChanged.connect(self._on_field_edited)
        for w in self.findChildren(QComboBox):
            w.currentIndexChanged.connect(self._on_field_edited)
        for w in self.findChildren(QSpinBox):
            w.valueChanged.connect(self._on_field_edited)
        for w in self.findChildren(QCheckBox):
            w.toggled.connect(self._on_field_edited)

    def _on_field_edited(self, *_args: object) -> None:
        if not self._live:
            return
        self.errors.update_live(self.local_errors())
        if self.show_person:
            self._on_identity_changed()

    def local_errors(self) -> list[UserInputError]:
        """What the form's checks say about the fields as typed now (no database: cheap per keystroke).

        The same checks the operation runs first (app.models.validation); what needs the
        database (a register number taken, a look-alike) is checked again at Save.
        """
        from app.models.validation import case_errors, person_errors, program_errors

        errors: list[UserInputError] = []
        person = case = program = None
        readers = ((self.show_person, self.person_input), (self.show_case, self.case_input),
                   (self.show_program and not self.no_program_check.isChecked(), self.program_input))
        values = []
        for shown, read in readers:
            value = None
            if shown:
                try:
                    value = read()
                except ValidationErrors as err:
                    errors += err.errors
            values.append(value)
        person, case, program = values
        if person is not None:
            errors += person_errors(person, self.today)
        birth = person.birth_date if person is not None else (None if self.show_person else self._birth_for_case())
        if case is not None:
            errors += case_errors(case, birth, self.today)
        if program is not None:
            klass = None
            if case is not None and case.offence_date and birth:
                klass = case.client_class or client_class_for(birth, case.offence_date)
            kind = self._kinds.get(program.kind_id) or {}
            errors += program_errors(program, child_only=bool(kind.get("child_only")), client_class=klass,
                                     today=self.today)
        return errors

    def _save(self) -> bool:
        """Save; False when the officer chose to go back (an incomplete record)."""
        person = self.person_input() if self.show_person else None
        case = self.case_input() if self.show_case else None
        program = None
        if self.show_program and not self.no_program_check.isChecked():
            program = self.program_input()
        # What is wrong is shown first (the operation refuses it below); what old registers lack is
        # asked about only of a record that is otherwise right.
        if case is not None and not self.local_errors() and not self._confirm_incomplete(case, person, program):
            return False
        mode, today, confirm = self.mode, self.today, self.confirm
        person_id, case_id, program_id = self.person_id, self.case_id, self.program_id

        def save(db: Database) -> OpResult:
            if mode == NEW:
                assert person is not None
                return clients.create_client(db, person, case, program, confirm, today=today)
            if mode == EDIT_PERSON:
                return clients.update_person(db, person_id, person, confirm, today=today)
            if mode == EDIT_CASE:
                return clients.update_case(db, case_id, case, today=today)
            if mode == ADD_CASE:
                return clients.add_case(db, person_id, case, program, today=today)
            if mode == EDIT_PROGRAM:
                return clients.update_program(db, program_id, program, today=today)
            return clients.add_program(db, case_id, program, today=today)

        self.result_op = self.ops.call(save)
        return True

    # -- issue 12: a record saved without what old registers lack, with a warning listing it --
    def _confirm_incomplete(self, case: CaseInput, person: PersonInput | None, program: ProgramInput | None) -> bool:
        from app.models.validation import class_for_case, missing_case_fields
        from app.ui.widgets import confirm

        if getattr(self, "_incomplete_ok", False):
            return True
        birth = person.birth_date if person is not None else self._birth_for_case()
        kind = next((k for k in self.queries.program_kinds() if program and k["id"] == program.kind_id), None)
        _, basis = class_for_case(case, birth, program.start_date if program else None,
                                  bool(kind and kind["child_only"]))
        missing = missing_case_fields(case, basis)
        if not missing:
            return True
        if not confirm(self, self.tr("Incomplete record"), self.tr(
                "Missing: %1.\n\nSave anyway? The client will be listed under “Incomplete records” until it is "
                "filled in.").replace("%1", ", ".join(missing)), yes=self.tr("Save anyway"), no=self.tr("Go back")):
            return False
        self._incomplete_ok = True
        return True

    def _resolve(self, need: ConfirmationNeeded) -> bool:
        """Ask the officer; True when the save should be tried again with their decision."""
        if need.nik_problems:
            dialog = NikReasonDialog(need.nik_problems, self)
            if not dialog.exec():
                self.errors.show(UserInputError(self.tr("The NIK needs a reason before it can be saved."),
                                                field="person.nik"))
                return False
            self.confirm = replace(self.confirm, nik_reason=dialog.reason())
        if need.duplicates:
            try:
                entered = self.person_input()
            except RekamError:
                entered = None
            dialog = DuplicateDialog(need.duplicates, self, entered=entered, db=self.db)
            choice = dialog.exec()
            if choice == DuplicateDialog.USE_EXISTING:
                return self._use_existing(dialog.chosen_id())
            if choice == DuplicateDialog.CREATE_NEW:
                self.confirm = replace(self.confirm, duplicate_ok=True, duplicate_reason=dialog.reason())
                return True
            return False
        return True

    def _use_existing(self, person_id: int | None) -> bool:
        """Add the case and program to the person who already exists (enter once)."""
        if person_id is None:
            return False
        try:
            case = program = None
            if self.mode == NEW and self.show_case:
                case = self.case_input()
                program = None if self.no_program_check.isChecked() else self.program_input()
            today = self.today
            self.result_op = self.ops.call(
                lambda db: clients.use_existing_person(db, person_id, case, program, today=today))
            self.chosen_existing = person_id
        except ValidationErrors as err:
            self._show_errors(err)
            return False
        except RekamError as err:
            show_error(self, err, self.tr("Not saved"))
            return False
        QDialog.accept(self)
        return False

    def saved_person_id(self) -> int | None:
        if getattr(self, "chosen_existing", None):
            return self.chosen_existing
        if self.mode in (NEW, EDIT_PERSON) and self.result_op:
            return self.result_op.id if self.mode == NEW else self.person_id
        return self.person_id


def _raise(errors: list[UserInputError]) -> None:
    if errors:
        raise ValidationErrors(errors)
