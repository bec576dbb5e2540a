"""The print preview inside the program, and printing at 100 % on the document's own paper.

A print-out is drawn by app/reports on a read-only connection of its own (``ReadTask``,
with a progress bar and Cancel) into a private temporary file; this dialog shows it a
page at a time (PDFium through pypdfium2 renders the pages), zooms, and then prints it
or saves it as a PDF.  Printing preselects the document's paper and orientation and
draws every page at its real size (100 %: a card measures what it should); a printer
without F4 is said so, with Folio or a custom 215 x 330 mm offered instead.  What left
the program is recorded (app.operations.printing.record_output) before it leaves.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QProgressDialog, QPushButton, QScrollArea,
    QSpinBox, QVBoxLayout, QWidget,
)

from app.models.errors import RekamError
from app.ui.ops import InlineOps, Ops, ReadTask

MM_PER_PT = 25.4 / 72
# Paper sizes in millimetres (portrait), as QPageSize knows them.
PAGE_IDS = {"A4": QPageSize.PageSizeId.A4, "A5": QPageSize.PageSizeId.A5}
F4_MM = (215.0, 330.0)
ZOOMS = (50, 75, 100, 125, 150, 200)
PRINT_DPI_CAP = 300  # enough for text and the codes; keeps a page's image under 40 MB


def page_size_for(paper: str) -> QPageSize:
    if paper == "F4":
        return QPageSize(QSizeF(*F4_MM), QPageSize.Unit.Millimeter, "F4 (215 × 330 mm)",
                         QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageSize(PAGE_IDS.get(paper, QPageSize.PageSizeId.A4))


def make_printer(paper: str, landscape: bool, output_pdf: str | None = None) -> QPrinter:
    """A printer set up for the document: its paper and orientation, no margins, the whole page."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if output_pdf:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(output_pdf)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(page_size_for(paper), orientation, QMarginsF(0, 0, 0, 0),
                                      QPageLayout.Unit.Millimeter))
    printer.setFullPage(True)
    return printer


def printer_lacks_f4(printer: QPrinter) -> bool:
    """True when the printer lists its papers and none is 215 x 330 mm (a PDF "printer" lists none)."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return False
    sizes = QPrinterInfo(printer).supportedPageSizes()
    if not sizes:
        return False
    for size in sizes:
        mm = size.size(QPageSize.Unit.Millimeter)
        if abs(mm.width() - F4_MM[0]) < 1.5 and abs(mm.height() - F4_MM[1]) < 1.5:
            return False
    return True


def target_rect(printer: QPrinter, page_w_pt: float, page_h_pt: float) -> QRectF:
    """Where a PDF page goes on the printer's page, at 100 %: its real size, centred on the paper."""
    res = printer.resolution()
    w, h = page_w_pt / 72 * res, page_h_pt / 72 * res
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    return QRectF(paper.x() + (paper.width() - w) / 2, paper.y() + (paper.height() - h) / 2, w, h)


def render_page(page: Any, dpi: float) -> QImage:
    """One PDF page as an image at ``dpi`` (PDFium, white background)."""
    bitmap = page.render(scale=dpi / 72, prefer_bgrx=True)
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32)
    return image.copy()  # own the pixels: the bitmap's buffer goes with it


def paint_pdf(printer: QPrinter, pdf_path: Path, progress: Callable[[int, int], bool] | None = None) -> int:
    """Draw every page of ``pdf_path`` on ``printer`` at 100 %; ``progress`` returning False stops."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf_path))
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise RekamError(QCoreApplication.translate("Print", "The printer could not be started."), code="printer")
        dpi = min(printer.resolution(), PRINT_DPI_CAP)
        total = len(document)
        for index in range(total):
            if progress is not None and not progress(index, total):
                break
            if index:
                printer.newPage()
            page = document[index]
            w_pt, h_pt = page.get_size()
            painter.drawImage(target_rect(printer, w_pt, h_pt), render_page(page, dpi))
            page.close()
        return total
    finally:
        if painter.isActive():
            painter.end()
        document.close()


class PreviewDialog(QDialog):
    """Page through a print-out, zoom, then print it or save it as a PDF."""

    def __init__(self, pdf_path: Path, printed: Any, *, parent: QWidget | None = None, ops: Ops | None = None,
                 db: Any = None, suggested_name: str = "dokumen.pdf"):
        super().__init__(parent)
        import pypdfium2 as pdfium

        self.setObjectName("print_preview")
        self.pdf_path = Path(pdf_path)
        self.printed = printed
        self.ops = ops or InlineOps(db, self)
        self.suggested_name = suggested_name
        self.document = pdfium.PdfDocument(str(self.pdf_path))
        self.page_count = len(self.document)
        self.zoom = 100
        self.outputs: list[str] = []
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", printed.title))

        bar = QHBoxLayout()
        self.prev_button = self._button("prev_button", self.tr("‹ Previous"), lambda: self.go(self.current - 1))
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("page_spin")
        self.page_spin.setRange(1, max(1, self.page_count))
        self.page_spin.valueChanged.connect(lambda v: self.go(v - 1))
        self.of_label = QLabel(self.tr("of %1").replace("%1", str(self.page_count)))
        self.next_button = self._button("next_button", self.tr("Next ›"), lambda: self.go(self.current + 1))
        self.zoom_combo = QComboBox()
        self.zoom_combo.setObjectName("zoom_combo")
        self.zoom_combo.addItem(self.tr("Page width"), 0)
        for z in ZOOMS:
            self.zoom_combo.addItem(f"{z}%", z)
        self.zoom_combo.setCurrentIndex(0)
        self.zoom_combo.currentIndexChanged.connect(lambda _i: self.show_page())
        self.print_button = self._button("print_button", self.tr("&Print…"), self.print_document)
        self.save_button = self._button("save_button", self.tr("&Save as PDF…"), self.save_pdf)
        close = self._button("close_button", self.tr("Close"), self.reject)
        for w in (self.prev_button, self.page_spin, self.of_label, self.next_button, QLabel(self.tr("Zoom")),
                  self.zoom_combo):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.print_button, self.save_button, close):
            bar.addWidget(w)
        self.print_button.setDefault(True)

        self.info = QLabel(self._info_text())
        self.info.setObjectName("preview_info")
        self.info.setWordWrap(True)
        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.page_label)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setStyleSheet("QScrollArea { background: #777; }")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.info)
        layout.addWidget(self.scroll, 1)
        for keys, slot in ((QKeySequence.StandardKey.MoveToNextPage, lambda: self.go(self.current + 1)),
                           (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.go(self.current - 1)),
                           (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
                           (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
                           (QKeySequence.StandardKey.Print, self.print_document),
                           (QKeySequence.StandardKey.Save, self.save_pdf)):
            QShortcut(QKeySequence(keys), self, activated=slot)
        self.current = 0
        self.resize(1000, 720)
        self.show_page()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def _info_text(self) -> str:
        p = self.printed
        orientation = self.tr("landscape") if p.landscape else self.tr("portrait")
        text = self.tr("%1 pages · paper %2, %3 · %4 persons").replace("%1", str(self.page_count)) \
            .replace("%2", p.paper).replace("%3", orientation).replace("%4", str(len(p.person_ids)))
        return text + " · " + self.tr("Printing or saving is recorded in the audit trail.")

    # -- paging and zoom -----------------------------------------------------------------
    def go(self, index: int) -> None:
        index = max(0, min(self.page_count - 1, index))
        if index != self.current or self.page_spin.value() != index + 1:
            self.current = index
            self.page_spin.blockSignals(True)
            self.page_spin.setValue(index + 1)
            self.page_spin.blockSignals(False)
            self.show_page()

    def step_zoom(self, step: int) -> None:
        self.zoom_combo.setCurrentIndex(max(0, min(self.zoom_combo.count() - 1, self.zoom_combo.currentIndex() + step)))

    def current_scale(self) -> float:
        """Screen pixels per PDF point: the chosen zoom, or the page's width in the window."""
        page = self.document[self.current]
        w_pt, _h = page.get_size()
        zoom = self.zoom_combo.currentData()
        if not zoom:
            return max(0.2, (self.scroll.viewport().width() - 24) / w_pt)
        return zoom / 100 * self.logicalDpiX() / 72

    def show_page(self) -> None:
        if not self.page_count:
            self.page_label.setText(self.tr("The document has no pages."))
            return
        scale = self.current_scale()
        image = render_page(self.document[self.current], 72 * scale * self.devicePixelRatioF())
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.page_label.setPixmap(pixmap)
        self.prev_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(self.current < self.page_count - 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.zoom_combo.currentData() == 0:
            self.show_page()

    # -- output ----------------------------------------------------------------------------
    def _record(self, kind: str, target: str) -> bool:
        from app.operations.printing import record_output
        from app.ui.widgets import show_error

        p = self.printed
        try:
            self.ops.call(lambda db: record_output(
                db, document=p.title, kind=kind, person_ids=p.person_ids, target=target, pages=self.page_count,
                card_program_ids=p.extra.get("card_program_ids", ()), replacement=bool(p.extra.get("replacement")),
                details=p.extra.get("audit")))
        except RekamError as err:
            show_error(self, err, self.tr("Not printed"))
            return False
        self.outputs.append(f"{kind}:{target}")
        return True

    def choose_printer(self, printer: QPrinter) -> QPrinter | None:
        """The print dialog with the document's paper preselected; F4 missing is said and answered."""
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("print_dialog")
        dialog.setWindowTitle(self.tr("Print %1").replace("%1", self.printed.title))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if self.printed.paper == "F4" and printer_lacks_f4(printer):
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("No F4 paper"), self.tr(
                "The printer %1 does not list F4 paper (215 × 330 mm). Print on Folio (210 × 330 mm), or ask "
                "the printer for a custom size of 215 × 330 mm? The page is printed at 100 % either way.")
                .replace("%1", printer.printerName()), parent=self)
            box.setObjectName("no_f4_box")
            folio = box.addButton(self.tr("Folio"), QMessageBox.ButtonRole.AcceptRole)
            custom = box.addButton(self.tr("Custom 215 × 330 mm"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is folio:
                layout = printer.pageLayout()
                layout.setPageSize(QPageSize(QPageSize.PageSizeId.Folio))
                printer.setPageLayout(layout)
            elif box.clickedButton() is not custom:
                return None
        return printer

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Print every page at 100 % (``printer`` given: no dialog, e.g. a PDF printer in tests)."""
        printer = printer or self.choose_printer(make_printer(self.printed.paper, self.printed.landscape))
        if printer is None:
            return False
        target = printer.outputFileName() if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat \
            else (printer.printerName() or self.tr("printer"))
        if not self._record("cetak", target):
            return False
        progress = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, self.page_count, self)
        progress.setObjectName("printing_progress")
        progress.setMinimumDuration(500)

        def step(done: int, total: int) -> bool:
            progress.setValue(done)
            return not progress.wasCanceled()

        try:
            paint_pdf(printer, self.pdf_path, step)
        except RekamError as err:
            from app.ui.widgets import show_error
            show_error(self, err, self.tr("Not printed"))
            return False
        finally:
            progress.close()
        return True

    def save_pdf(self, target: str | None = None) -> bool:
        """Save a copy through the safe writer (never over a database or a backup)."""
        from app.models.safefile import write_document
        from app.ui.widgets import show_error

        if target is None:
            start = str(Path.home() / self.suggested_name)
            target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), start, self.tr("PDF (*.pdf)"))
            if not target:
                return False
            if not target.lower().endswith(".pdf"):
                target += ".pdf"
        try:
            # The file dialog has asked before an existing file is replaced.
            written = write_document(target, self.pdf_path.read_bytes(), replace=True)
        except (RekamError, OSError) as err:
            show_error(self, err if isinstance(err, RekamError) else RekamError(str(err)), self.tr("Not saved"))
            return False
        if not self._record("simpan", str(written)):
            with_removed(written)
            return False
        return True

    def close_document(self) -> None:
        """Let go of the PDF (before its temporary folder is removed)."""
        if self.document is not None:
            self.document.close()
            self.document = None

    def done(self, result: int) -> None:
        self.close_document()
        super().done(result)


def with_removed(path: Path) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


# -- running a print-out in the background ------------------------------------------------

def private_temp_pdf(stem: str) -> Path:
    """A new file in a folder only this account can read (print-outs hold personal data)."""
    folder = Path(tempfile.mkdtemp(prefix="rekam-upt-cetak-"))
    os.chmod(folder, 0o700)
    return folder / f"{stem}.pdf"


def run_print(window: Any, title: str, make: Callable[[Any, Any, Any, Callable[..., None]], Any], *,
              suggested_name: str, paper: str | None = None, now: datetime | None = None,
              on_preview: Callable[[PreviewDialog], None] | None = None) -> ReadTask:
    """Draw a print-out on a read connection of its own (progress, Cancel), then preview it.

    ``make(db, ctx, fh, progress)`` draws into ``fh`` and returns the ``Printed`` summary.
    """
    from dataclasses import replace

    from app.reports.paper.base import paper_context
    from app.ui.widgets import show_error

    path = private_temp_pdf(Path(suggested_name).stem)
    stamp = now or datetime.combine(window.today(), datetime.now().time().replace(microsecond=0))

    def work(db, progress):
        ctx = paper_context(db, now=stamp)
        if paper:
            ctx = replace(ctx, paper=paper)
        with open(path, "wb") as fh:
            return make(db, ctx, fh, progress)

    dialog = QProgressDialog(title, QCoreApplication.translate("PrintMenu", "Cancel"), 0, 0, window)
    dialog.setObjectName("print_progress")
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def cleanup() -> None:
        shutil.rmtree(path.parent, ignore_errors=True)

    def done(printed: Any) -> None:
        dialog.close()
        preview = PreviewDialog(path, printed, parent=window, ops=window.ops, suggested_name=suggested_name)
        if on_preview is not None:
            on_preview(preview)
        else:
            preview.exec()
        preview.close_document()
        cleanup()

    def failed(err: RekamError) -> None:
        dialog.close()
        cleanup()
        if err.code != "cancelled":
            show_error(window, err, title)

    task = ReadTask(window.session.reader, work, done, failed, parent=window)

    def progress(done_n: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done_n, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    task.progressed.connect(progress)
    dialog.canceled.connect(task.cancel)
    return task
