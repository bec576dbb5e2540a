"""The print preview: paging, the printer set to the document's paper at 100 %, printing through the
print path into a PDF of the same page size, saving through the safe writer, both recorded."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date

import pytest
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from app.operations.clients import create_client
from app.reports.paper.base import paper_context
from app.reports.paper.registers import register_pembimbingan
from app.ui.print_preview import PreviewDialog, make_printer, target_rect
from conftest import TODAY
from factories import case, officer, person, program
from paper_kit import NOW, pdf_pages


@pytest.mark.parametrize(("paper", "landscape", "mm"), [
    ("F4", False, (215.0, 330.0)), ("F4", True, (330.0, 215.0)), ("A4", True, (297.0, 210.0)),
    ("A5", False, (148.0, 210.0))])
def test_the_printer_is_set_to_the_documents_paper_and_orientation(qtbot, paper, landscape, mm):
    printer = make_printer(paper, landscape)
    layout = printer.pageLayout()
    rect = layout.fullRect(QPageLayout.Unit.Millimeter)
    assert (round(rect.width(), 1), round(rect.height(), 1)) == mm
    assert layout.orientation() == (QPageLayout.Orientation.Landscape if landscape
                                    else QPageLayout.Orientation.Portrait)
    assert printer.fullPage()
    # 100 %: a PDF page of w x h points covers exactly w x h points of paper.
    res = printer.resolution()
    pt = layout.fullRect(QPageLayout.Unit.Point)
    r = target_rect(printer, pt.width(), pt.height())
    assert (round(r.width()), round(r.height())) == (round(pt.width() / 72 * res), round(pt.height() / 72 * res))
    paper_px = printer.paperRect(QPrinter.Unit.DevicePixel)
    assert abs(r.x() - paper_px.x()) < 1 and abs(r.y() - paper_px.y()) < 1


def test_f4_is_an_exact_custom_size_not_rounded_to_a_standard_one(qtbot):
    size = make_printer("F4", False).pageLayout().pageSize()
    assert size.id() == QPageSize.PageSizeId.Custom
    mm = size.size(QPageSize.Unit.Millimeter)
    assert (mm.width(), mm.height()) == (215.0, 330.0)


@pytest.fixture
def register_pdf(db, tmp_path):
    sari = officer(db)
    for n in range(60):
        create_client(db, person(name=f"Klien Uji {n:02d}", nik=f"35220115059{n:05d}"), case(db),
                      program(db, "PB", officer_id=sari, start_date=date(2026, 1, 5)), today=TODAY)
    buf = io.BytesIO()
    printed = register_pembimbingan(buf, db, paper_context(db, now=NOW), paper="F4")
    path = tmp_path / "dok.pdf"
    path.write_bytes(buf.getvalue())
    return path, printed


def _entries(db, operation):
    conn = sqlite3.connect(db.path)
    try:
        return [json.loads(a) for (a,) in conn.execute("SELECT after FROM audit_log WHERE operation = ?", (operation,))]
    finally:
        conn.close()


def test_preview_pages_through_and_prints_at_100_percent_into_a_pdf(qtbot, db, tmp_path, register_pdf):
    path, printed = register_pdf
    assert printed.pages >= 2
    dialog = PreviewDialog(path, printed, db=db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count == printed.pages
    first = dialog.page_label.pixmap().toImage()
    dialog.go(1)
    assert dialog.page_spin.value() == 2 and dialog.page_label.pixmap().toImage() != first
    dialog.go(99)
    assert dialog.current == printed.pages - 1 and not dialog.next_button.isEnabled()
    out = tmp_path / "dicetak.pdf"
    assert dialog.print_document(make_printer(printed.paper, printed.landscape, output_pdf=str(out)))
    pages = pdf_pages(out.read_bytes())
    assert len(pages) == printed.pages
    # Qt's PDF printer writes whole points (935 x 609 for 935.4 x 609.4): within half a point.
    assert all(abs(p["width"] - 935.4) < 0.5 and abs(p["height"] - 609.4) < 0.5 for p in pages)
    [entry] = _entries(db, "cetak dokumen")
    assert entry["to"] == str(out) and entry["persons"] == 60 and entry["pages"] == printed.pages


def test_save_as_pdf_copies_the_document_and_records_it(qtbot, db, tmp_path, register_pdf):
    path, printed = register_pdf
    dialog = PreviewDialog(path, printed, db=db)
    qtbot.addWidget(dialog)
    target = tmp_path / "simpan.pdf"
    assert dialog.save_pdf(str(target))
    assert target.read_bytes() == path.read_bytes()
    [entry] = _entries(db, "simpan dokumen")
    assert entry["to"] == str(target.resolve()) and entry["document"] == "Register Pembimbingan"


def test_save_as_pdf_never_writes_over_the_database(qtbot, db, tmp_path, register_pdf, monkeypatch):
    from app.ui import widgets

    shown = []
    monkeypatch.setattr(widgets, "show_error", lambda parent, err, title=None: shown.append(str(err)))
    path, printed = register_pdf
    dialog = PreviewDialog(path, printed, db=db)
    qtbot.addWidget(dialog)
    before = db.path.read_bytes()
    assert not dialog.save_pdf(str(db.path))
    assert shown and "basis data Rekam UPT" in shown[0]
    assert db.path.read_bytes() == before and not _entries(db, "simpan dokumen")


def test_the_print_menu_runs_a_register_in_the_background_and_opens_its_preview(qtbot, db, tmp_path):
    from conftest import PASSWORD
    from uikit import make_window, on_modal

    create_client(db, person(), case(db), program(db, "PB", start_date=date(2026, 1, 5)), today=TODAY)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    seen = {}

    def options(dialog):
        dialog.accept()

    def capture(preview):
        seen["pages"] = preview.page_count
        seen["text"] = pdf_pages(preview.pdf_path.read_bytes())[0]["text"]

    import app.ui.print_preview as module
    original = module.run_print

    def run_print(*args, **kw):
        return original(*args, **{**kw, "on_preview": capture})  # the preview, not its modal loop

    module.run_print = run_print
    try:
        on_modal(options, name="print_options")
        window.print_actions["act_print_klaper"].trigger()
        qtbot.waitUntil(lambda: "pages" in seen, timeout=10000)
    finally:
        module.run_print = original
    assert seen["pages"] == 1 and "Budi Santoso" in seen["text"] and "KLAPER" in seen["text"]
