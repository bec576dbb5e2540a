"""What the window's Print menu does: what to print, for which group and period, on which paper, by whom.

The menu itself is app/ui/print_menu.py (installed at start-up, light); each of its actions
comes here the first time it is used, asks its options (``PrintOptionsDialog``, prefilled from the
groups chosen in the sidebar), draws the document in the background and opens the
preview (app/ui/print_preview.py).  ``PaperSettingsDialog`` edits the letterhead
lines and the rest of settings row "paper".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget,
)

from app.models.dates import MONTHS_ID
from app.models.errors import RekamError, ValidationErrors
from app.models.print_queries import Group, Period
from app.models.queries import Queries
from app.models.storage import Database
from app.reports.paper.base import Preparer, Signer, paper_settings
from app.ui.ops import InlineOps, Ops
from app.ui.widgets import ErrorLabel, FieldErrors, accept_buttons, field_holder, note, show_error


@dataclass
class PrintOptions:
    group: Group = field(default_factory=Group)
    period: Period = field(default_factory=Period)
    paper: str = "A4"
    signer: Signer = field(default_factory=Signer)
    preparer: Preparer = field(default_factory=Preparer)
    case_id: int | None = None
    register_number: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class PrintOptionsDialog(QDialog):
    """The choices of one print-out; only the parts the document uses are shown."""

    def __init__(self, db: Database, title: str, *, today: date, group: Group = Group(), with_group: bool = True,
                 with_period: bool = True, papers: tuple[str, ...] = ("A4", "F4"), with_preparer: bool = True,
                 cases: list[tuple[str, int, str]] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("print_options")
        self.setWindowTitle(title)
        self.db = db
        self.today = today
        q = Queries(db)
        self.officers = q.officers(with_caseload=False)
        form = QFormLayout()
        self.program_combo = self.officer_combo = self.offence_combo = None
        if with_group:
            self.program_combo = self._combo("program_combo", [(self.tr("All programs"), None)] + [
                (f"{k['code']} – {k['name']}", k["id"]) for k in q.program_kinds()], group.kind_id)
            self.officer_combo = self._combo("officer_combo", [(self.tr("All officers"), None)] + [
                (o["name"], o["id"]) for o in self.officers], group.officer_id)
            self.offence_combo = self._combo("offence_combo", [(self.tr("All offences"), None)] + [
                (c["name"], c["id"]) for c in q.offence_categories()], group.offence_id)
            form.addRow(self.tr("Program"), self.program_combo)
            form.addRow(self.tr("Officer (PK)"), self.officer_combo)
            form.addRow(self.tr("Offence"), self.offence_combo)
        self.case_combo = None
        if cases is not None:
            self.case_combo = self._combo("case_combo", [(label, (cid, reg)) for label, cid, reg in cases], None)
            form.addRow(self.tr("Case"), self.case_combo)
        self.period_combo = self.year_spin = self.month_combo = None
        if with_period:
            self.period_combo = self._combo("period_combo", [(self.tr("All time"), "all"),
                                                             (self.tr("One year"), "year"),
                                                             (self.tr("One month"), "month")], "all")
            self.year_spin = QSpinBox()
            self.year_spin.setObjectName("year_spin")
            self.year_spin.setRange(1990, 2100)
            self.year_spin.setValue(today.year)
            self.month_combo = self._combo("month_combo", [(m, i) for i, m in enumerate(MONTHS_ID, 1)], today.month)
            form.addRow(self.tr("Period"), self.period_combo)
            form.addRow(self.tr("Year"), self.year_spin)
            form.addRow(self.tr("Month"), self.month_combo)
            self.period_combo.currentIndexChanged.connect(self._on_period)
            self._on_period()
        default_paper = str((db.get_setting("preferences") or {}).get("paper") or papers[0])
        self.paper_combo = self._combo("paper_combo", [(p, p) for p in papers],
                                       default_paper if default_paper in papers else papers[0])
        form.addRow(self.tr("Paper"), self.paper_combo)
        self.signer_combo = self._combo("signer_combo", [
            (self.tr("Head of office"), "head"), (self.tr("On behalf of the head (a.n.)"), "an"),
            (self.tr("Daily executive (Plh.)"), "plh"), (self.tr("Acting head (Plt.)"), "plt")], "head")
        self.signer_officer_combo = self._combo("signer_officer_combo", [
            (o["name"], o["id"]) for o in self.officers if o["active"]], None)
        self.signer_position_edit = QLineEdit()
        self.signer_position_edit.setObjectName("signer_position_edit")
        self.signer_position_edit.setPlaceholderText(self.tr("e.g. Head of the Client Guidance Section"))
        form.addRow(self.tr("Signed by"), self.signer_combo)
        form.addRow(self.tr("Signing officer"), self.signer_officer_combo)
        form.addRow(self.tr("Their position (a.n.)"), self.signer_position_edit)
        self.signer_combo.currentIndexChanged.connect(self._on_signer)
        self._on_signer()
        self.preparer_combo = None
        if with_preparer:
            operator = str((db.get_setting("office") or {}).get("operator_name") or "")
            self.preparer_combo = self._combo("preparer_combo", [(operator or self.tr("Operator (from the office "
                                                                                       "settings)"), None)] + [
                (o["name"], o["id"]) for o in self.officers if o["active"]], None)
            form.addRow(self.tr("Prepared by"), self.preparer_combo)
        self.error = ErrorLabel(self, object_name="print_options_error")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(accept_buttons(self, self.tr("Preview"), self.tr("Cancel")))
        self.resize(520, 0)

    def _combo(self, name: str, items: list[tuple[str, Any]], current: Any) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, index))
        return combo

    def _on_period(self, *_args: object) -> None:
        kind = self.period_combo.currentData()
        self.year_spin.setEnabled(kind in ("year", "month"))
        self.month_combo.setEnabled(kind == "month")

    def _on_signer(self, *_args: object) -> None:
        other = self.signer_combo.currentData() != "head"
        self.signer_officer_combo.setEnabled(other)
        self.signer_position_edit.setEnabled(self.signer_combo.currentData() == "an")

    def accept(self) -> None:
        if self.signer_combo.currentData() != "head" and self.signer_officer_combo.currentData() is None:
            self.error.show_message(self.tr("Choose the officer who signs."))
            return
        super().accept()

    def options(self) -> PrintOptions:
        group = Group()
        if self.program_combo is not None:
            group = Group(self.program_combo.currentData(), self.officer_combo.currentData(),
                          self.offence_combo.currentData())
        period = Period()
        if self.period_combo is not None:
            if self.period_combo.currentData() == "year":
                period = Period.year(self.year_spin.value())
            elif self.period_combo.currentData() == "month":
                period = Period.month(self.year_spin.value(), self.month_combo.currentData())
        by_id = {o["id"]: o for o in self.officers}
        signer = Signer("head")
        if self.signer_combo.currentData() != "head":
            o = by_id[self.signer_officer_combo.currentData()]
            signer = Signer(self.signer_combo.currentData(), o["name"], o["rank"] or "", o["nip"] or "",
                            self.signer_position_edit.text().strip())
        preparer = Preparer()
        if self.preparer_combo is not None and self.preparer_combo.currentData() is not None:
            o = by_id[self.preparer_combo.currentData()]
            preparer = Preparer(o["name"], "Petugas Register", o["nip"] or "", o["rank"] or "")
        chosen = self.case_combo.currentData() if self.case_combo is not None else None
        return PrintOptions(group, period, self.paper_combo.currentData(), signer, preparer,
                            case_id=chosen[0] if chosen else None, register_number=chosen[1] if chosen else "")


class PaperSettingsDialog(QDialog):
    """The letterhead lines and what else the paper says about the office (settings row "paper")."""

    def __init__(self, db: Database, *, parent: QWidget | None = None, ops: Ops | None = None):
        super().__init__(parent)
        self.setObjectName("paper_settings_dialog")
        self.setWindowTitle(self.tr("Letterhead and print-outs"))
        self.db = db
        self.ops = ops or InlineOps(db, self)
        self.errors = FieldErrors()
        values = paper_settings(db)
        self.letterhead_edit = QPlainTextEdit("\n".join(values.get("letterhead") or []))
        self.letterhead_edit.setObjectName("letterhead_edit")
        self.letterhead_edit.setFixedHeight(90)
        self.phone_edit = self._line("paper_phone_edit", values.get("phone", ""), "(0353) 881234")
        self.email_edit = self._line("paper_email_edit", values.get("email", ""), "bapas@example.go.id")
        self.head_rank_edit = self._line("head_rank_edit", values.get("head_rank", ""), self.tr("e.g. Pembina (IV/a)"))
        self.head_title_edit = self._line("head_title_edit", values.get("head_title", ""),
                                          self.tr("empty: Kepala + the unit's name"))
        self.basis_edit = QPlainTextEdit("\n".join(f"{c} = {n}" for c, n in values.get("basis_kinds") or []))
        self.basis_edit.setObjectName("basis_kinds_edit")
        self.basis_edit.setFixedHeight(110)

        def err(name: str) -> ErrorLabel:
            return self.errors.add(name, ErrorLabel(object_name=name.replace(".", "_") + "_error"))

        form = QFormLayout()
        form.addRow(self.tr("Letterhead lines"), field_holder(self.letterhead_edit, err("paper.letterhead"), self.tr(
            "One line each, above the unit's name (ministry, directorate general, regional office).")))
        form.addRow(self.tr("Office phone"), self.phone_edit)
        form.addRow(self.tr("Office e-mail"), field_holder(self.email_edit, err("paper.email")))
        form.addRow(self.tr("Rank of the head"), self.head_rank_edit)
        form.addRow(self.tr("Title of the head"), self.head_title_edit)
        form.addRow(self.tr("Kinds of legal basis"), field_holder(self.basis_edit, err("paper.basis_kinds"), self.tr(
            "One a line: code = name, e.g. sk_kabapas = SK Kepala Bapas.")))
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr("The unit's name, address, head of office and logo are under Settings > "
                                      "Office.")))
        layout.addLayout(form)
        self.errors.general = ErrorLabel(self, object_name="paper_general_error")
        layout.addWidget(self.errors.general)
        layout.addWidget(accept_buttons(self, self.tr("Save"), self.tr("Cancel")))
        self.resize(640, 0)

    def _line(self, name: str, value: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def values(self) -> dict[str, Any]:
        kinds = []
        for line in self.basis_edit.toPlainText().splitlines():
            if line.strip():
                code, _sep, name = line.partition("=")
                kinds.append([code.strip(), name.strip()])
        return {"letterhead": self.letterhead_edit.toPlainText().splitlines(), "phone": self.phone_edit.text(),
                "email": self.email_edit.text(), "head_rank": self.head_rank_edit.text(),
                "head_title": self.head_title_edit.text(), "basis_kinds": kinds}

    def accept(self) -> None:
        from app.operations.printing import save_paper_settings

        self.errors.clear()
        values = self.values()
        try:
            self.ops.call(lambda db: save_paper_settings(db, values))
        except ValidationErrors as err:
            self.errors.show(err)
            return
        except RekamError as err:
            show_error(self, err, self.tr("Not saved"))
            return
        super().accept()


# -- the menu -------------------------------------------------------------------------------

def _group_of_window(window: Any) -> Group:
    from app.models.queries import NONE

    def value(dimension: str):
        v = window.filter.value(dimension)
        return None if v in (None, NONE) else v

    return Group(value("kind"), value("officer"), value("offence"))


def _register(window: Any, kind: str) -> None:
    from app.reports.paper.registers import REGISTERS

    titles = {"pembimbingan": QCoreApplication.translate("PrintMenu", "Print the register pembimbingan"),
              "klaper": QCoreApplication.translate("PrintMenu", "Print the klaper"),
              "b": QCoreApplication.translate("PrintMenu", "Print the B register")}
    dialog = PrintOptionsDialog(window.db, titles[kind], today=window.today(), group=_group_of_window(window),
                                parent=window)
    if kind == "b":
        dialog.program_combo.setEnabled(False)
        dialog.officer_combo.setEnabled(False)
    if not dialog.exec():
        return
    o = dialog.options()

    def make(db, ctx, fh, progress):
        return REGISTERS[kind](fh, db, ctx, group=o.group, period=o.period, paper=o.paper, signer=o.signer,
                               preparer=o.preparer, progress=progress)

    from app.ui.print_preview import run_print
    run_print(window, titles[kind], make, paper=o.paper, suggested_name=f"register-{kind}.pdf")


def _sheet(window: Any) -> None:
    from app.models.dates import format_date, from_iso

    pid = window.current_person_id()
    if pid is None:
        show_error(window, RekamError(QCoreApplication.translate("PrintMenu", "Select a client first.")),
                   QCoreApplication.translate("PrintMenu", "Date sheet"))
        return
    q = window.queries
    programs = {p["case_id"]: p["register_number"] for p in q.programs_of(pid) if p["register_number"]}
    no_number = QCoreApplication.translate("PrintMenu", "no verdict number")
    cases = [(f"{c['verdict_number'] or no_number} · {format_date(from_iso(c['offence_date']))}",
              c["id"], programs.get(c["id"], "")) for c in q.cases_of(pid)]
    if not cases:
        show_error(window, RekamError(QCoreApplication.translate("PrintMenu", "This person has no case.")),
                   QCoreApplication.translate("PrintMenu", "Date sheet"))
        return
    dialog = PrintOptionsDialog(window.db, QCoreApplication.translate("PrintMenu", "Print the date sheet"),
                                today=window.today(), with_group=False, with_period=False, cases=cases, parent=window)
    if not dialog.exec():
        return
    o = dialog.options()
    from app.reports.paper.sheet import lembar_perhitungan

    def make(db, ctx, fh, progress):
        return lembar_perhitungan(fh, db, ctx, case_id=o.case_id, register_number=o.register_number, paper=o.paper,
                                  signer=o.signer, preparer=o.preparer)

    from app.ui.print_preview import run_print
    run_print(window, QCoreApplication.translate("PrintMenu", "Date sheet"), make, paper=o.paper,
              suggested_name="lembar-perhitungan.pdf")


def _cards_of_month(window: Any) -> None:
    from PySide6.QtWidgets import QCheckBox

    from app.reports.paper.cards import guidance_cards, month_batch_ids

    dialog = PrintOptionsDialog(window.db,
                                QCoreApplication.translate("PrintMenu", "Print the guidance cards of a month"),
                                today=window.today(), group=_group_of_window(window), papers=("A4", "F4"),
                                with_preparer=False, parent=window)
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("month"))
    dialog.period_combo.setEnabled(False)
    for w in (dialog.signer_combo, dialog.signer_officer_combo, dialog.signer_position_edit):
        w.setEnabled(False)
    card = QComboBox()
    card.setObjectName("card_combo")
    card.addItem(QCoreApplication.translate("PrintMenu", "A5, two on a sheet (cut marks)"), "A5")
    card.addItem(QCoreApplication.translate("PrintMenu", "A4, one card a page"), "A4")
    only_new = QCheckBox(QCoreApplication.translate("PrintMenu", "Only clients starting this month or never printed"))
    only_new.setObjectName("only_new_check")
    form = dialog.layout().itemAt(0).layout()
    form.addRow(QCoreApplication.translate("PrintMenu", "Card"), card)
    form.addRow("", only_new)
    if not dialog.exec():
        return
    o = dialog.options()
    layout, new = card.currentData(), only_new.isChecked()
    year, month = o.period.start.year, o.period.start.month

    def make(db, ctx, fh, progress):
        ids = month_batch_ids(db, o.group, year, month, only_new=new)
        return guidance_cards(fh, db, ctx, program_ids=ids, card=layout, paper=o.paper,
                              title=f"Kartu Bimbingan {year}-{month:02d}", progress=progress)

    from app.ui.print_preview import run_print
    run_print(window, QCoreApplication.translate("PrintMenu", "Guidance cards"), make, paper=o.paper,
              suggested_name=f"kartu-bimbingan-{year}-{month:02d}.pdf")


def _card_of_client(window: Any) -> None:
    from app.ui.widgets import confirm

    pid = window.current_person_id()
    today = window.today()
    from app.models.queries import is_active_on
    programs = [p for p in (window.queries.programs_of(pid) if pid is not None else []) if is_active_on(p, today)]
    kinds = {k["id"]: k for k in window.queries.program_kinds()}
    programs = [p for p in programs if kinds.get(p["kind_id"], {}).get("guidance")]
    if not programs:
        show_error(window, RekamError(QCoreApplication.translate(
            "PrintMenu", "This client has no active guidance program: there is no card to print.")),
                   QCoreApplication.translate("PrintMenu", "Guidance card"))
        return
    program = programs[0]
    replacement = False
    if program.get("card_print_count"):
        replacement = confirm(window, QCoreApplication.translate("PrintMenu", "Guidance card"),
                              QCoreApplication.translate("PrintMenu",
            "A card for %1 was printed before. Print it as a replacement (PENGGANTI), for a lost card?")
            .replace("%1", program["register_number"] or ""),
                              yes=QCoreApplication.translate("PrintMenu", "Replacement"),
                              no=QCoreApplication.translate("PrintMenu", "Ordinary copy"))
    from app.reports.paper.cards import guidance_cards

    def make(db, ctx, fh, progress):
        return guidance_cards(fh, db, ctx, program_ids=[program["id"]], card="A5", replacement=replacement,
                              title=f"Kartu Bimbingan {program['register_number']}", progress=progress)

    from app.ui.print_preview import run_print
    run_print(window, QCoreApplication.translate("PrintMenu", "Guidance card"), make,
              suggested_name="kartu-bimbingan.pdf")


def _list(window: Any, kind: str) -> None:
    from app.reports.paper.lists import buku_harian, daftar_wajib_lapor

    title = (QCoreApplication.translate("PrintMenu", "Print the reporting list of a month") if kind == "wajib-lapor"
             else QCoreApplication.translate("PrintMenu", "Print today's reporting log"))
    dialog = PrintOptionsDialog(window.db, title, today=window.today(), group=_group_of_window(window),
                                parent=window)
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("month"))
    dialog.period_combo.setEnabled(False)
    if kind == "harian":
        dialog.year_spin.setEnabled(False)
        dialog.month_combo.setEnabled(False)
    if not dialog.exec():
        return
    o = dialog.options()
    today = window.today()

    def make(db, ctx, fh, progress):
        common = dict(group=o.group, paper=o.paper, signer=o.signer, preparer=o.preparer, progress=progress)
        if kind == "wajib-lapor":
            return daftar_wajib_lapor(fh, db, ctx, year=o.period.start.year, month=o.period.start.month, **common)
        return buku_harian(fh, db, ctx, day=today, **common)

    from app.ui.print_preview import run_print
    run_print(window, title, make, paper=o.paper, suggested_name=f"daftar-{kind}.pdf")


def _agreement(window: Any) -> None:
    from app.models.print_queries import program_record
    from app.models.queries import is_active_on
    from app.reports.paper.letters import kontrak_bimbingan

    pid = window.current_person_id()
    programs = [p for p in (window.queries.programs_of(pid) if pid is not None else [])
                if p["status"] == "aktif" and p["register_number"]]
    if not programs:
        show_error(window, RekamError(QCoreApplication.translate(
            "PrintMenu", "This client has no active program: there is no agreement to print.")),
            QCoreApplication.translate("PrintMenu", "Guidance agreement"))
        return
    chosen = next((p for p in programs if is_active_on(p, window.today())), programs[0])
    template = paper_settings(window.db).get("contract_template") or None

    def make(db, ctx, fh, progress):
        return kontrak_bimbingan(fh, db, ctx, record=program_record(db, chosen["id"]), template=template)

    from app.ui.print_preview import run_print
    run_print(window, QCoreApplication.translate("PrintMenu", "Guidance agreement"), make,
              suggested_name="kontrak-bimbingan.pdf")


def _paper_settings(window: Any) -> None:
    PaperSettingsDialog(window.db, parent=window, ops=window.ops).exec()
