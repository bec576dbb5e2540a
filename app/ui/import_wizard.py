"""The import wizard: an old register (xlsx, xls, ods, csv) into the database, seen before it is written.

1. **File**: the file and its sheet.
2. **Columns**: the header row found and what each column is proposed to hold; the
   officer corrects it.  The mapping is remembered for the next file of the same shape
   and can be saved for ``rekam-upt import --mapping``.
3. **Preview**: every row with what will happen to it (created, matched, needs a
   decision, rejected and why), before anything is written.  Here the officer decides
   "kemungkinan sama" rows (the same person or a new one), accepts differences with the
   records, chooses which unknown officers (PK) to create and the category of offences
   the sheet names in its own words.
4. **Done**: the summary; the rows not imported can be saved as a workbook with the
   reason, and the whole import can be undone (moved to the bin as one batch).

The import itself runs through the window's write worker with a progress bar and
Cancel (``run_long``): one transaction, so Cancel or a failure leaves nothing behind.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QProgressDialog, QPushButton, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.models.errors import RekamError, UserInputError
from app.models.excel_queries import ImportQueries
from app.models.storage import Database
from app.operations import OpChanges
from app.reports.excel_columns import (
    FIELDS, Header, apply_mapping, column_letter, find_header, mapping_from_names, save_mapping_file,
)
from app.reports.excel_import import ParsedSheet, load_sheet, parse_sheet
from app.reports.excel_plan import Decisions, Plan, make_plan
from app.reports.excel_read import Sheet
from app.reports.excel_values import fold, text
from app.ui.ops import Cancelled, InlineOps, Ops, run_long
from app.ui.widgets import ErrorLabel, heading, inform, show_error

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, DONE_PAGE = range(4)
SPREADSHEETS = "*.xlsx *.xls *.ods *.csv"
PREVIEW_LIMIT = 2000  # rows listed in the preview table (the counts cover every row)


class ImportWizard(QDialog):
    """``changes`` after exec() says what the import changed."""

    def __init__(self, db: Database, *, parent: QWidget | None = None, ops: Ops | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.db = db
        self.ops = ops or InlineOps(db, self)
        self.today = today or date.today()
        self.changes = OpChanges()
        self.path: Path | None = None
        self.sheet: Sheet | None = None
        self.sheet_names: list[str] = []
        self.kind = ""
        self.header: Header | None = None
        self.parsed: ParsedSheet | None = None
        self.plan: Plan | None = None
        self.result: dict[str, Any] | None = None
        self.batch: int | None = None
        self.setWindowTitle(self.tr("Import from Excel"))
        self.resize(1100, 680)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._done_page())
        self.error = ErrorLabel(self, object_name="import_error")

        self.back_button = QPushButton(self.tr("< Back"))
        self.back_button.setObjectName("back_button")
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self.tr("Next >"))
        self.next_button.setObjectName("next_button")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.go_next)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("import_button")
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close_button")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button, self.import_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.show_page(FILE_PAGE)

    # -- pages -----------------------------------------------------------------------------------
    def _file_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(heading(self.tr("1. Choose the file"), 1.2))
        intro = QLabel(self.tr(
            "Choose the register you keep today in Excel (.xlsx or .xls), LibreOffice (.ods) or as CSV. "
            "Nothing is saved until you press Import on the preview."))
        intro.setWordWrap(True)
        v.addWidget(intro)
        row = QHBoxLayout()
        self.path_label = QLabel(self.tr("No file chosen yet."))
        self.path_label.setObjectName("path_label")
        self.path_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose a file…"))
        choose.setObjectName("choose_file_button")
        choose.clicked.connect(self.choose_file)
        row.addWidget(self.path_label, 1)
        row.addWidget(choose)
        v.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sheet:")))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet_combo")
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.activated.connect(lambda _i: self.load_sheet(self.sheet_combo.currentText()))
        row.addWidget(self.sheet_combo, 1)
        v.addLayout(row)
        v.addStretch(1)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(heading(self.tr("2. Check the columns"), 1.2))
        self.mapping_info = QLabel()
        self.mapping_info.setObjectName("mapping_info")
        self.mapping_info.setWordWrap(True)
        v.addWidget(self.mapping_info)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("mapping_table")
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Examples"),
                                                      self.tr("Goes into")])
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.setColumnWidth(0, 260)
        self.mapping_table.setColumnWidth(1, 380)
        self.mapping_table.verticalHeader().setVisible(False)
        v.addWidget(self.mapping_table, 1)
        row = QHBoxLayout()
        save = QPushButton(self.tr("Save this mapping…"))
        save.setObjectName("save_mapping_button")
        save.setToolTip(self.tr("For the command line: rekam-upt import FILE --mapping THIS-FILE"))
        save.clicked.connect(self.save_mapping)
        row.addStretch(1)
        row.addWidget(save)
        v.addLayout(row)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(heading(self.tr("3. Preview: nothing is saved yet"), 1.2))
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        v.addWidget(self.summary_label)
        self.preview_table = QTableWidget(0, 6)
        self.preview_table.setObjectName("preview_table")
        self.preview_table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Name"), self.tr("Result"),
                                                      self.tr("Details"), self.tr("Decision"), self.tr("NIK")])
        self.preview_table.verticalHeader().setVisible(False)
        self.preview_table.horizontalHeader().setStretchLastSection(True)
        for c, w in enumerate((50, 190, 120, 470, 250)):
            self.preview_table.setColumnWidth(c, w)
        v.addWidget(self.preview_table, 3)
        lower = QHBoxLayout()
        box = QVBoxLayout()
        box.addWidget(QLabel(self.tr("Differences with the records (a filled field is changed only if ticked):")))
        self.diff_table = QTableWidget(0, 5)
        self.diff_table.setObjectName("diff_table")
        self.diff_table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Field"), self.tr("In the database"),
                                                   self.tr("In the file"), self.tr("Accept")])
        self.diff_table.verticalHeader().setVisible(False)
        self.diff_table.horizontalHeader().setStretchLastSection(True)
        for c, w in enumerate((50, 120, 180, 180)):
            self.diff_table.setColumnWidth(c, w)
        box.addWidget(self.diff_table)
        lower.addLayout(box, 3)
        box = QVBoxLayout()
        box.addWidget(QLabel(self.tr("Officers (PK) not registered: tick to create them")))
        self.officers_list = QListWidget()
        self.officers_list.setObjectName("officers_list")
        box.addWidget(self.officers_list)
        box.addWidget(QLabel(self.tr("Offences the sheet names in its own words:")))
        self.offence_table = QTableWidget(0, 2)
        self.offence_table.setObjectName("offence_table")
        self.offence_table.setHorizontalHeaderLabels([self.tr("In the file"), self.tr("Category")])
        self.offence_table.horizontalHeader().setStretchLastSection(True)
        self.offence_table.verticalHeader().setVisible(False)
        box.addWidget(self.offence_table)
        lower.addLayout(box, 2)
        v.addLayout(lower, 2)
        row = QHBoxLayout()
        refresh = QPushButton(self.tr("Update the preview"))
        refresh.setObjectName("refresh_preview_button")
        refresh.clicked.connect(self.refresh_preview)
        rejected = QPushButton(self.tr("Save the rows not imported…"))
        rejected.setObjectName("save_rejected_preview_button")
        rejected.clicked.connect(self.save_rejected)
        row.addWidget(refresh)
        row.addStretch(1)
        row.addWidget(rejected)
        v.addLayout(row)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(heading(self.tr("4. Imported"), 1.2))
        self.done_label = QLabel()
        self.done_label.setObjectName("done_label")
        self.done_label.setWordWrap(True)
        v.addWidget(self.done_label)
        row = QHBoxLayout()
        self.save_rejected_button = QPushButton(self.tr("Save the rows not imported…"))
        self.save_rejected_button.setObjectName("save_rejected_button")
        self.save_rejected_button.clicked.connect(self.save_rejected)
        self.undo_button = QPushButton(self.tr("Undo this import (to the bin)…"))
        self.undo_button.setObjectName("undo_import_button")
        self.undo_button.clicked.connect(self.undo)
        row.addWidget(self.save_rejected_button)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        v.addLayout(row)
        v.addStretch(1)
        return page

    def show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.back_button.setVisible(page in (MAPPING_PAGE, PREVIEW_PAGE))
        self.next_button.setVisible(page in (FILE_PAGE, MAPPING_PAGE))
        self.next_button.setEnabled(page != FILE_PAGE or self.sheet is not None)
        self.import_button.setVisible(page == PREVIEW_PAGE)
        self.import_button.setEnabled(not self.ops.readonly)
        self.close_button.setText(self.tr("Close") if page == DONE_PAGE else self.tr("Cancel"))

    def go_back(self) -> None:
        self.error.clear()
        self.show_page(max(FILE_PAGE, self.pages.currentIndex() - 1))

    def go_next(self) -> None:
        self.error.clear()
        if self.pages.currentIndex() == FILE_PAGE and self.sheet is not None:
            self.show_page(MAPPING_PAGE)
        elif self.pages.currentIndex() == MAPPING_PAGE:
            if self.read_rows():
                self.show_page(PREVIEW_PAGE)

    # -- 1. the file ------------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the register"), "",
                                              self.tr("Spreadsheets (%1)").replace("%1", SPREADSHEETS))
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path, sheet: str | None = None) -> bool:
        self.path = Path(path)
        self.path_label.setText(str(self.path))
        return self.load_sheet(sheet)

    def load_sheet(self, sheet: str | None) -> bool:
        self.error.clear()
        assert self.path is not None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.sheet, self.sheet_names, self.kind = load_sheet(self.path, sheet)
            self.header = find_header(self.sheet)
        except RekamError as err:
            self.sheet = None
            self.error.setText(err.message)
            self.show_page(FILE_PAGE)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(self.sheet_names)
        self.sheet_combo.setCurrentText(self.sheet.name)
        self.sheet_combo.setEnabled(len(self.sheet_names) > 1)
        self.sheet_combo.blockSignals(False)
        remembered = ImportQueries(self.db).remembered_mapping(self.header.shape)
        if remembered:
            self.header.mapping = {c: k for c, k in mapping_from_names(self.header, remembered).items() if k}
        self._fill_mapping(bool(remembered))
        self.show_page(MAPPING_PAGE)
        return True

    # -- 2. the columns ---------------------------------------------------------------------------
    def _fill_mapping(self, remembered: bool) -> None:
        assert self.header is not None and self.sheet is not None
        h = self.header
        self.mapping_info.setText(self.tr(
            "The column headings were found in row %1. Check where each column goes; a column set to "
            "“(ignored)” is not read.").replace("%1", str(h.row + 1)) + (" " + self.tr(
                "This file has the shape of one imported before: its mapping was applied.") if remembered else ""))
        rows = [r for r in self.sheet.rows[h.first_data_row:h.first_data_row + 40]]
        self.mapping_table.setRowCount(len(h.names))
        for c, name in enumerate(h.names):
            label = QTableWidgetItem(f"{column_letter(c)} · {name or '–'}")
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            examples = [text(r[c]) for r in rows if c < len(r) and text(r[c])][:3]
            sample = QTableWidgetItem(" | ".join(examples))
            sample.setFlags(sample.flags() & ~Qt.ItemFlag.ItemIsEditable)
            combo = QComboBox()
            combo.setObjectName(f"map_combo_{c}")
            combo.addItem(self.tr("(ignored)"), None)
            for key, (field_label, _) in FIELDS.items():
                combo.addItem(field_label, key)
            combo.setCurrentIndex(max(0, combo.findData(h.mapping.get(c))))
            self.mapping_table.setItem(c, 0, label)
            self.mapping_table.setItem(c, 1, sample)
            self.mapping_table.setCellWidget(c, 2, combo)

    def chosen_mapping(self) -> dict[int, str | None]:
        return {c: self.mapping_table.cellWidget(c, 2).currentData() for c in range(self.mapping_table.rowCount())}

    def set_mapping(self, column: int, key: str | None) -> None:
        combo = self.mapping_table.cellWidget(column, 2)
        combo.setCurrentIndex(max(0, combo.findData(key)))

    def save_mapping(self) -> None:
        try:
            header = apply_mapping(self.header, self.chosen_mapping())
        except UserInputError as err:
            self.error.setText(err.message)
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the mapping"), "pemetaan-impor.json",
                                              self.tr("Mapping (*.json)"))
        if name:
            try:
                save_mapping_file(header, Path(name))
            except RekamError as err:
                show_error(self, err)

    # -- 3. the preview ---------------------------------------------------------------------------
    def read_rows(self) -> bool:
        """Every row read with the chosen mapping, then the plan (with a progress bar)."""
        try:
            self.header = apply_mapping(self.header, self.chosen_mapping())
        except UserInputError as err:
            self.error.setText(err.message)
            return False
        dialog = QProgressDialog(self.tr("Reading the rows…"), self.tr("Cancel"), 0, 100, self)
        dialog.setObjectName("read_progress")
        dialog.setMinimumDuration(400)

        def progress(done: int, total: int, _text: str = "") -> None:
            dialog.setValue(100 * done // max(total, 1))
            QApplication.processEvents()
            if dialog.wasCanceled():
                raise Cancelled()

        try:
            self.parsed = parse_sheet(self.path, self.sheet, self.sheet_names, self.kind, self.header,
                                      ImportQueries(self.db).program_kinds(), today=self.today, progress=progress)
        except RekamError as err:
            self.error.setText(err.message)
            return False
        finally:
            dialog.close()
        self.refresh_preview(keep=False)
        return True

    def decisions(self) -> Decisions:
        d = Decisions()
        for r in range(self.preview_table.rowCount()):
            combo = self.preview_table.cellWidget(r, 4)
            if isinstance(combo, QComboBox) and isinstance(combo.currentData(), int):
                row, choice = self._choices[combo.currentData()]
                if choice == "new":
                    d.new.add(row)
                else:
                    d.same[row] = choice
        for r in range(self.diff_table.rowCount()):
            box = self.diff_table.cellWidget(r, 4)
            if isinstance(box, QCheckBox) and box.isChecked():
                d.accept.add(box.property("difference"))
        for i in range(self.officers_list.count()):
            item = self.officers_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                d.officers.add(item.data(Qt.ItemDataRole.UserRole))
        for r in range(self.offence_table.rowCount()):
            combo = self.offence_table.cellWidget(r, 1)
            if combo.currentData() is not None:
                d.categories[fold(self.offence_table.item(r, 0).text())] = combo.currentData()
        return d

    def refresh_preview(self, keep: bool = True) -> None:
        decisions = self.decisions() if keep else Decisions()
        self._choices: list[tuple] = []
        if not keep:
            self._candidates: dict[int, list] = {}
        self.plan = make_plan(self.db, self.parsed, decisions, today=self.today)
        self._fill_preview(decisions)

    def _fill_preview(self, decisions: Decisions) -> None:
        plan = self.plan
        assert plan is not None
        s = plan.summary()
        new = s["new"]
        self.summary_label.setText(self.tr(
            "%1 rows: %2 will be created, %3 match records already there, %4 need your decision, %5 cannot be "
            "imported. New: %6 persons, %7 cases, %8 programs, %9 officers.")
            .replace("%1", str(s["rows"])).replace("%2", str(s["created"])).replace("%3", str(s["matched"]))
            .replace("%4", str(s["decide"])).replace("%5", str(s["rejected"])).replace("%6", str(new["persons"]))
            .replace("%7", str(new["cases"])).replace("%8", str(new["programs"])).replace("%9", str(new["officers"])))
        outcome = {"create": self.tr("Created"), "match": self.tr("Matched"), "decide": self.tr("Decide"),
                   "reject": self.tr("Not imported")}
        entries: list[tuple[int, str, str, str, Any]] = []
        for rp in plan.rows:
            details = rp.note
            if rp.outcome == "decide":
                details = self.tr("Possibly the same person as: %1").replace(
                    "%1", "; ".join(f"{c.name} ({c.where}, {c.nik or '–'})" for c in rp.candidates))
            elif rp.officer_missing:
                details = (details + "; " if details else "") + self.tr("PK not registered: %1").replace(
                    "%1", rp.officer_missing)
            if rp.remarks:
                details = (details + "; " if details else "") + "; ".join(rp.remarks)
            if rp.outcome == "reject":
                details = "; ".join(rp.reasons)
            entries.append((rp.row, rp.record.person.name, rp.outcome, details, rp))
        for rej in plan.parsed.rejected:
            name_col = next((c for c, k in plan.parsed.header.mapping.items() if k == "name"), None)
            name = text(rej.cells[name_col]) if name_col is not None and name_col < len(rej.cells) else ""
            entries.append((rej.row, name, "reject", "; ".join(rej.reasons), None))
        entries.sort(key=lambda e: (e[2] not in ("decide", "reject"), e[0]))
        shown = entries[:PREVIEW_LIMIT]
        self.preview_table.setRowCount(len(shown))
        for r, (row, name, result, details, rp) in enumerate(shown):
            for c, value in enumerate((str(row), name, outcome[result], details)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if c == 3:
                    item.setToolTip(value)
                self.preview_table.setItem(r, c, item)
            self.preview_table.setItem(r, 5, QTableWidgetItem(rp.record.person.nik if rp else ""))
            if rp is not None and (rp.outcome == "decide" or rp.row in decisions.new or rp.row in decisions.same):
                # The combo's data is a number into self._choices (plain Python beside Qt).
                combo = QComboBox()
                combo.setObjectName(f"decide_combo_{row}")
                combo.addItem(self.tr("Decide…"), None)
                combo.addItem(self.tr("A new person"), self._choice((row, "new")))
                candidates = rp.candidates or [c for c in self._candidates.get(row, [])]
                for cand in candidates:
                    combo.addItem(self.tr("The same as %1 (%2)").replace("%1", cand.name).replace("%2", cand.where),
                                  self._choice((row, cand.key)))
                chosen = "new" if rp.row in decisions.new else decisions.same.get(rp.row)
                for i in range(combo.count()):
                    data = combo.itemData(i)
                    if isinstance(data, int) and self._choices[data][1] == chosen:
                        combo.setCurrentIndex(i)
                self._candidates[row] = candidates
                self.preview_table.setCellWidget(r, 4, combo)
        diffs = [d for rp in plan.rows for d in rp.differences]
        self.diff_table.setRowCount(len(diffs))
        for r, d in enumerate(diffs):
            for c, value in enumerate((str(d.row), d.label, d.current, d.incoming)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.diff_table.setItem(r, c, item)
            box = QCheckBox(self.tr("take the file's") if d.acceptable else self.tr("change it in the record"))
            box.setEnabled(d.acceptable)
            box.setChecked(d.key() in decisions.accept)
            box.setProperty("difference", d.key())
            self.diff_table.setCellWidget(r, 4, box)
        self.officers_list.clear()
        wanted = decisions.officers
        for folded, name in sorted(plan.officer_names.items(), key=lambda kv: kv[1]):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, folded)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if folded in wanted else Qt.CheckState.Unchecked)
            self.officers_list.addItem(item)
        categories = ImportQueries(self.db).offence_categories()
        unknown = sorted(set(plan.unknown_offences) | {t for t in self._chosen_offence_texts(decisions)})
        self.offence_table.setRowCount(len(unknown))
        for r, words in enumerate(unknown):
            item = QTableWidgetItem(words)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.offence_table.setItem(r, 0, item)
            combo = QComboBox()
            combo.addItem(self.tr("(leave empty)"), None)
            for cat in categories:
                combo.addItem(cat["name"], cat["id"])
            combo.setCurrentIndex(max(0, combo.findData(decisions.categories.get(fold(words)))))
            self.offence_table.setCellWidget(r, 1, combo)

    def _choice(self, value: tuple) -> int:
        self._choices.append(value)
        return len(self._choices) - 1

    def _chosen_offence_texts(self, decisions: Decisions) -> list[str]:
        if not decisions.categories or self.parsed is None:
            return []
        return sorted({r.offence_text for r in self.parsed.records if fold(r.offence_text) in decisions.categories})

    # -- 4. writing ---------------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.parsed is None:
            return
        from app.operations.importer import run_import

        parsed, decisions, today = self.parsed, self.decisions(), self.today
        self.import_button.setEnabled(False)
        run_long(self, self.ops, self.tr("Importing %1").replace("%1", parsed.path.name),
                 lambda db, progress: run_import(db, parsed, decisions, today=today, progress=progress, remember=True),
                 self._imported)

    def _imported(self, result, error: RekamError | None) -> None:
        self.import_button.setEnabled(True)
        if error is not None:
            if error.code != "cancelled":
                show_error(self, error, self.tr("Not imported"))
            else:
                self.error.setText(error.message)
            return
        self.changes = self.changes | result.changes
        self.result = result.info["summary"]
        self.batch = result.info["batch"]
        s = self.result
        if self.batch is None:
            text_done = self.tr("Nothing new: every row matched the records already there (or was not imported).")
        else:
            text_done = self.tr("Imported: %1 rows created, %2 matched. New: %3 persons, %4 cases, %5 programs, "
                                "%6 officers.").replace("%1", str(s["created"])).replace("%2", str(s["matched"])) \
                .replace("%3", str(s["new"]["persons"])).replace("%4", str(s["new"]["cases"])) \
                .replace("%5", str(s["new"]["programs"])).replace("%6", str(s["new"]["officers"]))
        if s["decide"] or s["rejected"]:
            text_done += " " + self.tr("Not imported: %1 rows (%2 waiting for a decision). Save them, fix them and "
                                       "import that file again.").replace("%1", str(s["decide"] + s["rejected"])) \
                .replace("%2", str(s["decide"]))
        if s["officers_missing"]:
            text_done += " " + self.tr("Rows with an officer not registered have no PK: see the group “No officer "
                                       "assigned”.")
        self.done_label.setText(text_done)
        self.undo_button.setEnabled(self.batch is not None)
        self.save_rejected_button.setEnabled(bool(s["decide"] or s["rejected"]))
        self.show_page(DONE_PAGE)

    def save_rejected(self, path: Path | None = None) -> Path | None:
        from app.reports.excel_write import rejected_workbook

        if self.plan is None or self.parsed is None:
            return None
        plan = self.plan if self.result is None else make_plan(self.db, self.parsed, Decisions(), today=self.today)
        rows = [r for r in plan.rejected()
                if self.result is None or r[0] in {x["row"] for x in self.result["rejections"]}
                or r[0] in {x["row"] for x in self.result["decisions"]}]
        if not rows:
            inform(self, self.tr("Rows not imported"), self.tr("Every row was imported."))
            return None
        if not path:
            suggested = str(self.parsed.path.with_name(f"{self.parsed.path.stem} - baris ditolak.xlsx"))
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the rows not imported"), suggested,
                                                  self.tr("Excel workbook (*.xlsx)"))
            if not name:
                return None
            path = Path(name)
        try:
            return rejected_workbook(path, self.parsed.header.names, rows, source=self.parsed.path.name)
        except RekamError as err:
            show_error(self, err)
            return None

    def undo(self) -> None:
        from app.operations.importer import undo_import
        from app.ui.widgets import confirm

        if self.batch is None:
            return
        if not confirm(self, self.tr("Undo the import"), self.tr(
                "Move every person, case and program this import created to the bin? They can be brought back "
                "from Data > Bin (all together)."), yes=self.tr("Move to the bin"), no=self.tr("Keep them"),
                destructive=True):
            return
        try:
            result = self.ops.call(lambda db: undo_import(db, self.batch))
        except RekamError as err:
            show_error(self, err)
            return
        self.changes = self.changes | result.changes
        self.batch = None
        self.undo_button.setEnabled(False)
        self.done_label.setText(self.done_label.text() + " " + self.tr("The import was undone: its records are "
                                                                       "in the bin."))


def open_import(window) -> None:
    """Data > Import from Excel: the wizard on the window's reading connection and write worker."""
    if window.session.db.readonly:
        return
    wizard = ImportWizard(window.db, parent=window, ops=window.ops, today=window.today())
    wizard.exec()
