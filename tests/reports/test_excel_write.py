"""SheetWriter hands its formatted cells to openpyxl without openpyxl's ValueError detour
(excel_write._take_cells_as_they_are): the sheet written is the very one openpyxl writes without it."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

from app.reports import excel_write
from app.reports.excel_write import Book, Column


def _write(path, monkeypatch, shortcut: bool):
    if not shortcut:
        monkeypatch.setattr(excel_write, "_take_cells_as_they_are", lambda ws: None)
    book = Book(demo=True)
    sheet = book.sheet("Uji", [Column("No.", 6, "number"), Column("Nama"), Column("Tanggal", 15, "date"),
                               Column("Tingkat", 10, "percent"), Column("Lain")], ["Judul"], ["Catatan"])
    sheet.append([1, "Agus", date(2026, 10, 7), 0.25, None])
    sheet.append([2, "", datetime(2026, 1, 2, 0, 0), None, "=teks"])
    sheet.append([3, None, None, 1, True])
    sheet.append(["Jumlah", "", date(2026, 12, 31), 0.5, 7.5], bold=True)
    sheet.finish(["catatan bawah"])
    book.save(path, replace=True)
    monkeypatch.undo()
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def test_the_shortcut_writes_what_openpyxl_writes(tmp_path, monkeypatch):
    assert _write(tmp_path / "a.xlsx", monkeypatch, True) == _write(tmp_path / "b.xlsx", monkeypatch, False)
