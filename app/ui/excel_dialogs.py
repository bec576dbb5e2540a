"""Workbooks from the window: "Ekspor daftar ini", the monthly report, and a Lapas's capacity.

Exports only read, so they run as a ``ReadTask`` on a read-only connection of their
own with a progress dialog and Cancel: a check-in at the counter never waits behind
them.  When the file is written, its audit entry (what, how many persons, where) goes
through the write worker.  A workbook is not encrypted: on removable media the
officer is told so.  An existing file is replaced only after the file dialog asked.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QFileDialog, QFormLayout, QLabel, QProgressDialog, QSpinBox, QVBoxLayout,
    QWidget,
)

from app.models.errors import RekamError
from app.models.schema import REGISTER_CLASSES
from app.models.storage import Database
from app.ui.ops import InlineOps, Ops
from app.ui.widgets import ErrorLabel, accept_buttons, inform, show_error


def ask_target(parent: QWidget, title: str, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested,
                                          QCoreApplication.translate("ExcelDialogs", "Excel workbook (*.xlsx)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")


def run_export(window, title: str, fn, what: str, on_finished=None) -> None:
    """Write a workbook with ``fn(db, progress) -> result`` (``.path``, ``.persons``) on its own connection."""
    from app.models.media import is_removable
    from app.operations.exports import record_export
    from app.ui.ops import ReadTask

    dialog = QProgressDialog(title, QCoreApplication.translate("ExcelDialogs", "Cancel"), 0, 100, window)
    dialog.setObjectName("export_progress")
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def done(result) -> None:
        dialog.close()
        try:
            window.ops.call(lambda db: record_export(db, what, result.persons, result.path))
        except RekamError as err:
            show_error(window, err, QCoreApplication.translate("ExcelDialogs", "The export was not recorded"))
        message = QCoreApplication.translate("ExcelDialogs", "Written: %1 (%2 persons).").replace(
            "%1", str(result.path)).replace("%2", f"{result.persons:,}".replace(",", "."))
        window.statusBar().showMessage(message, 10000)
        if is_removable(result.path):
            inform(window, QCoreApplication.translate("ExcelDialogs", "Removable media"),
                   QCoreApplication.translate("ExcelDialogs",
                "%1 is on removable media and is not encrypted: it holds clients' personal data. Keep it safe "
                "and delete it once it has been sent.").replace("%1", str(result.path)))
        if on_finished:
            on_finished(result)

    def failed(err: RekamError) -> None:
        dialog.close()
        if err.code != "cancelled":
            show_error(window, err, QCoreApplication.translate("ExcelDialogs", "Not exported"))

    task = ReadTask(window.session.reader, fn, done, failed, window)

    def progress(done_: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done_, total))
        if text:
            dialog.setLabelText(f"{title}\n{text}")

    task.progressed.connect(progress)
    dialog.canceled.connect(task.cancel)
    window._export_task = task  # keep it alive until it reports


def visible_columns(window) -> list[str]:
    """The table's columns as shown (hidden ones left out, in their on-screen order)."""
    from app.ui.table_model import COLUMNS

    header = window.table.horizontalHeader()
    shown = [(header.visualIndex(i), key) for i, (key, _) in enumerate(COLUMNS) if not header.isSectionHidden(i)]
    return [key for _, key in sorted(shown)]


def export_list(window, path: Path | None = None) -> None:
    """Data > Export this list: the rows of the table (its groups and search) as .xlsx."""
    from app.reports.excel_list import write_list

    chips = [window.group_label(d, v) for d, v in window.filter.groups]
    title = "Daftar klien" + (" — " + ", ".join(chips) if chips else " — semua klien")
    if window.filter.search.strip():
        title += f" (pencarian: {window.filter.search.strip()})"
    if path is None:
        stamp = window.today().strftime("%Y%m%d")
        path = ask_target(window, QCoreApplication.translate("ExcelDialogs", "Export this list"),
                          f"daftar-klien-{stamp}.xlsx")
        if path is None:
            return
    flt, today = window.filter, window.today()
    model = window.model
    visible = visible_columns(window)
    demo = bool(window.session.is_demo)
    run_export(window, QCoreApplication.translate("ExcelDialogs", "Exporting the list"),
               lambda db, progress: write_list(
        db, path, flt, today=today, sort=model.sort_key, descending=model.descending, visible=visible,
        title=title, replace=True, demo=demo, progress=progress), "daftar klien: " + title)


class MonthlyReportDialog(QDialog):
    """The month and the options of the monthly workbook."""

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("monthly_report_dialog")
        self.setWindowTitle(self.tr("Monthly report (Excel)"))
        # Early in a month the report is usually last month's.
        previous = (today.replace(day=1) - timedelta(days=1)) if today.day < 10 else today
        self.month_edit = QDateEdit(QDate(previous.year, previous.month, 1))
        self.month_edit.setObjectName("month_edit")
        self.month_edit.setDisplayFormat("MM/yyyy")
        self.month_edit.setCalendarPopup(False)
        self.without_nik = QCheckBox(self.tr("Leave the NIK column out"))
        self.without_nik.setObjectName("without_nik_check")
        intro = QLabel(self.tr("For the regional office (Kanwil) and Ditjenpas: Rekap, Per PK, Per Jenis "
                               "Kejahatan and Data Klien (a Lapas or Rutan: occupancy per register class). "
                               "The workbook is not encrypted."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Month"), self.month_edit)
        form.addRow("", self.without_nik)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(accept_buttons(self, self.tr("Choose the file…"), self.tr("Cancel"), accept_name="ok_button"))

    def month(self) -> tuple[int, int]:
        d = self.month_edit.date()
        return d.year(), d.month()


def export_monthly(window, path: Path | None = None, month: tuple[int, int] | None = None,
                   without_nik: bool = False) -> None:
    """Reports > Monthly report: the dialog, the file, then the workbook in a read task."""
    from app.reports.excel_monthly import Month, write_monthly

    if month is None:
        dialog = MonthlyReportDialog(window.today(), window)
        if not dialog.exec():
            return
        month, without_nik = dialog.month(), dialog.without_nik.isChecked()
    m = Month(*month)
    if path is None:
        path = ask_target(window, QCoreApplication.translate("ExcelDialogs", "Monthly report"),
                          f"laporan-bulanan-{m.year}-{m.month:02d}.xlsx")
        if path is None:
            return
    today, demo = window.today(), bool(window.session.is_demo)
    run_export(window, QCoreApplication.translate("ExcelDialogs", "Writing the monthly report"),
               lambda db, progress: write_monthly(
        db, path, m, without_nik=without_nik, replace=True, today=today, demo=demo, progress=progress),
        f"laporan bulanan {m.year}-{m.month:02d}")


class CapacityDialog(QDialog):
    """A Lapas's or Rutan's capacity per register class (the occupancy sheet compares against it)."""

    def __init__(self, db: Database, *, parent: QWidget | None = None, ops: Ops | None = None):
        super().__init__(parent)
        from app.operations.settings import capacity

        self.setObjectName("capacity_dialog")
        self.db = db
        self.ops = ops or InlineOps(db, self)
        self.setWindowTitle(self.tr("Capacity per register class"))
        current = capacity(db)
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        for klass in REGISTER_CLASSES:
            spin = QSpinBox()
            spin.setObjectName(f"capacity_{klass.replace('.', '_')}")
            spin.setRange(0, 100_000)
            spin.setSpecialValueText(self.tr("not set"))
            spin.setValue(current.get(klass, 0))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.spins[klass] = spin
            form.addRow(klass, spin)
        intro = QLabel(self.tr("How many persons each register class may hold (0: not set). The monthly "
                               "report's occupancy sheet compares the persons held with these numbers."))
        intro.setWordWrap(True)
        self.error = ErrorLabel(self, object_name="capacity_error")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(accept_buttons(self, self.tr("Save"), self.tr("Cancel")))

    def accept(self) -> None:
        from app.operations.settings import save_capacity

        values = {k: s.value() or None for k, s in self.spins.items()}
        try:
            self.ops.call(lambda db: save_capacity(db, values))
        except RekamError as err:
            self.error.setText(err.message)
            return
        super().accept()
