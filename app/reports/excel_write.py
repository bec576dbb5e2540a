"""Writing the program's workbooks the one way: openpyxl write-only, official Indonesian, safe on disk.

Every sheet gets its title lines, a bold header row frozen under them with an
autofilter, sensible column widths, and a print setup (landscape, fit to the page's
width, the title and header rows repeated on every page) with "RAHASIA" in the page
header and "DATA DEMO" beside it for a demo file.  Dates are real Excel dates shown
the Indonesian way (number format ``[$-421]d mmmm yyyy``: "12 Januari 2026" in Excel
and LibreOffice), numbers are numbers.

Write-only mode streams rows to disk (100,000 clients in constant memory); lxml,
when installed, makes openpyxl write about a quarter faster (measured in
bench/bench_excel_export.py).  The file is written through
``app.models.safefile.document_writer``: it appears whole or not at all, and replaces
an existing document only when asked, never a database or a backup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

DATE_FORMAT = "[$-421]d mmmm yyyy"
PERCENT_FORMAT = "0.0%"
CONFIDENTIAL = "RAHASIA"
DEMO_MARK = "DATA DEMO"


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 14
    kind: str = "text"   # text, date, number, percent


def letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


class Book:
    """A write-only workbook being made; ``save`` puts it on disk safely."""

    def __init__(self, *, demo: bool = False):
        from openpyxl import Workbook

        self.wb = Workbook(write_only=True)
        self.demo = demo
        self._styles: dict[str, Any] = {}

    def sheet(self, title: str, columns: Sequence[Column], title_lines: Sequence[str] = (),
              note_lines: Sequence[str] = ()) -> SheetWriter:
        return SheetWriter(self, title, columns, title_lines, note_lines)

    def save(self, path: Path | str, *, replace: bool) -> Path:
        from app.models.safefile import write_document

        return write_document(path, lambda fh: self.wb.save(fh), replace=replace)


class SheetWriter:
    """One sheet: title lines, then a header row, then data rows appended in order."""

    def __init__(self, book: Book, title: str, columns: Sequence[Column], title_lines: Sequence[str],
                 note_lines: Sequence[str]):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import Cell
        from openpyxl.styles import Alignment, Font, PatternFill

        self.book = book
        self.columns = list(columns)
        self.ws = book.wb.create_sheet(title[:31])
        ws = self.ws
        _take_cells_as_they_are(ws)
        self._cell = WriteOnlyCell
        self._cell_type = Cell
        for i, col in enumerate(self.columns):
            ws.column_dimensions[letter(i)].width = col.width
        header_row = len(title_lines) + len(note_lines) + 1 + (1 if title_lines or note_lines else 0)
        self.header_row = header_row
        ws.freeze_panes = f"A{header_row + 1}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = 9  # A4 (the register paper F4 has no code of its own)
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_title_rows = f"1:{header_row}"
        ws.oddHeader.center.text = CONFIDENTIAL
        ws.oddHeader.center.font = "Arial,Bold"
        if book.demo:
            ws.oddHeader.right.text = DEMO_MARK
        ws.oddFooter.center.text = "Halaman &P dari &N"
        bold = Font(bold=True)
        for n, line in enumerate(title_lines):
            c = WriteOnlyCell(ws, line)
            c.font = Font(bold=True, size=13 if n == 0 else 11)
            ws.append([c])
        for line in note_lines:
            c = WriteOnlyCell(ws, line)
            c.font = Font(italic=True, size=9)
            ws.append([c])
        if title_lines or note_lines:
            ws.append([])
        fill = PatternFill("solid", fgColor="DDE4EE")
        wrap = Alignment(wrap_text=True, vertical="center")
        cells = []
        for col in self.columns:
            c = WriteOnlyCell(ws, col.header)
            c.font = bold
            c.fill = fill
            c.alignment = wrap
            cells.append(c)
        ws.append(cells)
        self.rows = 0
        # The columns whose values need a cell of their own (a format); the rest are appended bare.
        # Their cells share one style, made once: a cell per date costs a tenth of what openpyxl
        # spends on a bare date (which it gives a default format, looked up cell by cell).
        styles = {}
        for kind, fmt in (("date", DATE_FORMAT), ("percent", PERCENT_FORMAT)):
            proto = WriteOnlyCell(ws, 0)
            proto.number_format = fmt
            styles[kind] = proto._style
        self._styles = {i: styles[col.kind] for i, col in enumerate(self.columns) if col.kind in styles}
        self._bold = bold

    def _formatted(self, value: Any, style: Any) -> Any:
        c = self._cell_type(self.ws, 1, 1)  # (row and column are set when the row is written)
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            c._value, c.data_type = value, "d"
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            c._value, c.data_type = value, "n"
        else:
            return value
        c._style = style
        return c

    def append(self, values: Sequence[Any], *, bold: bool = False) -> None:
        row = list(values)
        for i, style in self._styles.items():
            if i < len(row) and row[i] is not None and row[i] != "":
                row[i] = self._formatted(row[i], style)
                if bold and isinstance(row[i], self._cell_type):
                    row[i]._style = type(style)(style)  # its own copy: bold changes it
                    row[i].font = self._bold
        if bold:
            for i, value in enumerate(row):
                if not isinstance(value, self._cell_type):
                    c = self._cell(self.ws, value)
                    c.font = self._bold
                    row[i] = c
        self.ws.append(row)
        self.rows += 1

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.append(row)

    def finish(self, notes: Sequence[str] = ()) -> None:
        """The autofilter over the header and data; notes below the table."""
        last = self.header_row + max(self.rows, 1)
        self.ws.auto_filter.ref = f"A{self.header_row}:{letter(len(self.columns) - 1)}{last}"
        if notes:
            from openpyxl.styles import Font

            self.ws.append([])
            for line in notes:
                c = self._cell(self.ws, line)
                c.font = Font(italic=True, size=9)
                self.ws.append([c])


def _take_cells_as_they_are(ws: Any) -> None:
    """Let the sheet take a cell we made (a date or a percent with its format) without a detour.

    openpyxl's write-only sheet turns each appended value into a cell in ``_values_to_row``:
    it first sets the value on a cell of its own, and a value that is a cell already makes
    that raise ValueError, whose message formats the cell's repr, before it takes the cell
    as it is; for the 270,000 dates of a monthly workbook that detour is about half a second.
    This is that method with the cell recognised first; every other value goes the same way
    (openpyxl 3.1's code, worksheet/_write_only.py).  Installed only where the sheet has
    that method, so another openpyxl writes as it always did.
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell

    if not callable(getattr(type(ws), "_values_to_row", None)):
        return

    def values_to_row(values, row_idx):
        cell = WriteOnlyCell(ws)
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                cell = value
            else:
                cell.value = value
            cell.column = col_idx
            cell.row = row_idx
            if cell.hyperlink is not None:
                cell.hyperlink.ref = cell.coordinate
            yield cell
            # a cell with a style is written as it is: the next value gets a new one
            if cell.has_style or cell.hyperlink:
                cell = WriteOnlyCell(ws)

    ws._values_to_row = values_to_row


def as_date(value: Any) -> date | None:
    """A stored ISO date as a date (None for empty), for a date column."""
    if not value:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def rejected_workbook(path: Path | str, headers: Sequence[str], rows: Iterable[tuple[int, list[str], list[Any]]],
                      *, source: str, replace: bool = True) -> Path:
    """The rows an import did not take, as they were, with the row number and the reason.

    The officer fixes them here and imports this file again: the original columns keep
    their headers, so the same mapping applies; the two added columns are ignored.
    """
    headers = list(headers)
    columns = [Column(h or letter(i), 16) for i, h in enumerate(headers)]
    columns += [Column("Baris asal", 10, "number"), Column("Alasan ditolak", 60)]
    book = Book()
    # The note goes above the header (the import skips title lines), never below the rows.
    sheet = book.sheet("Baris ditolak", columns,
                       [f"Baris yang tidak diimpor dari {source}: perbaiki lalu impor berkas ini lagi."])
    for row_number, reasons, cells in rows:
        values = [_plain(v) for v in list(cells)[: len(headers)]]
        values += [None] * (len(headers) - len(values))
        sheet.append([*values, row_number, "; ".join(reasons)])
    sheet.finish()
    return book.save(path, replace=replace)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    return value
