"""Reading the spreadsheets a unit keeps today: .xlsx, .xls, .ods and .csv, into rows of cell values.

One reader for the workbooks, python-calamine (Rust's calamine): measured in
bench/bench_excel_import.py beside openpyxl's read-only mode (.xlsx) and xlrd (.xls)
it reads the same 10,000-row register several times faster, and it also reads .ods.
CSV goes through the standard library, in ``;``, ``,`` or tab, UTF-8 (with or
without a byte-order mark) or Windows-1252 (what Excel on an Indonesian Windows saves).

The kind of file is told by its first bytes, not its name, so a PDF renamed .xlsx or
a password-protected workbook (an encrypted Office file is an OLE container holding
"EncryptedPackage") gets its own clear message.  Nothing here writes anywhere.

Size: an import holds its rows in memory to match them against each other, so a
sheet is read up to ``MAX_ROWS`` rows.  A larger one is refused with that limit
stated, before it is loaded where the file says its size (the .xlsx dimension, the
size of the sheet's XML) and, for CSV, after reading just past the limit: memory
stays bounded whatever the file holds.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.models.errors import UserInputError
from app.models.i18n import tr

MAX_ROWS = 100_000
# A sheet's XML beyond this is refused before it is loaded (100,000 register rows of
# 30 columns take about 60 MB of XML).
MAX_SHEET_XML_BYTES = 400 * 1024 * 1024
# Only this much of a CSV file is looked at to guess its delimiter.
_SNIFF_BYTES = 64 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
KINDS = ("xlsx", "xls", "ods", "csv")


@dataclass
class Sheet:
    """One sheet as read: its rows (lists of cell values) and its merged ranges."""

    name: str
    rows: list[list[Any]]
    # (first row, first column, last row, last column), 0-based, inclusive
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


@dataclass
class Workbook:
    """An opened spreadsheet file: what kind it is and its sheets' names."""

    path: Path
    kind: str
    sheet_names: list[str]
    _book: Any = None
    _csv: tuple[str, str] | None = None  # (encoding, delimiter)

    def sheet(self, name: str | None = None) -> Sheet:
        """The named sheet (the first when None), read up to MAX_ROWS rows."""
        if name is not None and name not in self.sheet_names:
            raise UserInputError(tr(
                "Lembar '{s}' tidak ada di {p}. Lembar yang ada: {names}.",
                "There is no sheet '{s}' in {p}. Its sheets: {names}.",
                s=name, p=self.path.name, names=", ".join(self.sheet_names)), field="sheet", code="no_sheet")
        name = name or self.sheet_names[0]
        if self.kind == "csv":
            return _read_csv(self.path, *self._csv)  # type: ignore[misc]
        if self.kind == "xlsx":
            _check_xlsx_size(self.path, self.sheet_names.index(name))
        return _read_calamine(self._book, name, self.path)

    def close(self) -> None:
        if self._book is not None:
            try:
                self._book.close()
            except Exception:  # noqa: BLE001 - closing a reader never matters to the officer
                pass
            self._book = None


def _refuse(path: Path, id_text: str, en_text: str, code: str, **values: object) -> UserInputError:
    return UserInputError(tr(id_text, en_text, p=path.name, **values), field="file", code=code)


def not_a_spreadsheet(path: Path) -> UserInputError:
    return _refuse(path, "{p} bukan lembar kerja yang dapat dibaca (bukan .xlsx, .xls, .ods atau .csv).",
                   "{p} is not a spreadsheet that can be read (not .xlsx, .xls, .ods or .csv).", "not_spreadsheet")


def password_protected(path: Path) -> UserInputError:
    return _refuse(path, "{p} dilindungi kata sandi: buka di Excel, hapus kata sandinya (Simpan Sebagai), "
                   "lalu impor lagi.",
                   "{p} is protected by a password: open it in Excel, remove the password (Save As), "
                   "then import again.", "password_protected")


def damaged(path: Path, detail: str = "") -> UserInputError:
    return _refuse(path, "{p} rusak atau tidak lengkap dan tidak dapat dibaca{d}. Simpan ulang dari Excel lalu "
                   "coba lagi.", "{p} is damaged or incomplete and cannot be read{d}. Save it again from "
                   "Excel and try again.", "damaged", d=f" ({detail})" if detail else "")


def too_many_rows(path: Path, found: int | None = None) -> UserInputError:
    limit = f"{MAX_ROWS:,}".replace(",", ".")
    if found:
        return _refuse(path, "{p} berisi {n} baris; satu impor membaca paling banyak {m} baris. Pisahkan "
                       "berkas menjadi beberapa bagian lalu impor satu per satu.",
                       "{p} has {n} rows; one import reads at most {m} rows. Split the file into parts "
                       "and import them one by one.", "too_many_rows", n=f"{found:,}".replace(",", "."), m=limit)
    return _refuse(path, "{p} berisi lebih dari {m} baris; satu impor membaca paling banyak {m} baris. "
                   "Pisahkan berkas menjadi beberapa bagian lalu impor satu per satu.",
                   "{p} has more than {m} rows; one import reads at most {m} rows. Split the file into "
                   "parts and import them one by one.", "too_many_rows", m=limit)


def open_workbook(path: Path | str) -> Workbook:
    """Open a spreadsheet to read; UserInputError (one clear line) for anything that is not one."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except FileNotFoundError:
        raise _refuse(path, "Berkas tidak ada: {p}", "No such file: {p}", "missing") from None
    except IsADirectoryError:
        raise _refuse(path, "{p} adalah folder, bukan berkas.", "{p} is a folder, not a file.", "folder") from None
    except OSError as err:
        raise _refuse(path, "{p} tidak dapat dibaca: {e}", "Cannot read {p}: {e}", "unreadable",
                      e=err.strerror or err) from None
    if not head:
        raise _refuse(path, "{p} kosong (0 bait).", "{p} is empty (0 bytes).", "empty_file")
    if head.startswith(ZIP_MAGIC):
        return _open_zip(path)
    if head.startswith(OLE_MAGIC):
        return _open_ole(path)
    return _open_csv(path, head)


def _calamine(path: Path):
    import python_calamine

    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise password_protected(path) from None
    except Exception as err:  # noqa: BLE001 - calamine's errors are many; each means "cannot be read"
        raise damaged(path, _short(err)) from None


def _short(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text[:120]


def _open_zip(path: Path) -> Workbook:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise damaged(path, _short(err)) from None
    if "xl/workbook.xml" in names:
        kind = "xlsx"
    elif mimetype == "application/vnd.oasis.opendocument.spreadsheet" or (
            "content.xml" in names and mimetype.startswith("application/vnd.oasis.opendocument.spreadsheet")):
        kind = "ods"
        _check_ods_size(path)
    elif mimetype.startswith("application/vnd.oasis.opendocument") or "word/document.xml" in names:
        raise _refuse(path, "{p} adalah dokumen teks, bukan lembar kerja.", "{p} is a text document, "
                      "not a spreadsheet.", "not_spreadsheet")
    else:
        raise not_a_spreadsheet(path)
    book = _calamine(path)
    return Workbook(path, kind, list(book.sheet_names), _book=book)


def _open_ole(path: Path) -> Workbook:
    # An encrypted .xlsx is an OLE container whose directory names "EncryptedPackage"
    # (MS-OFFCRYPTO); the directory is small and near the start or the end.
    size = path.stat().st_size
    with open(path, "rb") as fh:
        data = fh.read(min(size, 8 * 1024 * 1024))
        if size > len(data):
            fh.seek(max(size - 1024 * 1024, len(data)))
            data += fh.read()
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise password_protected(path)
    if "Workbook".encode("utf-16-le") not in data and "Book".encode("utf-16-le") not in data:
        raise not_a_spreadsheet(path)  # a .doc or another OLE file
    book = _calamine(path)
    return Workbook(path, "xls", list(book.sheet_names), _book=book)


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')


def _check_xlsx_size(path: Path, index: int) -> None:
    """Refuse a sheet beyond MAX_ROWS from what the file says, before calamine loads it."""
    try:
        with zipfile.ZipFile(path) as zf:
            target = _sheet_part(zf, index)
            if target is None:
                return
            info = zf.getinfo(target)
            with zf.open(info) as fh:
                start = fh.read(4096)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError):
        return  # calamine says what is wrong with it
    match = _DIMENSION.search(start)
    if match and match.group(1) and int(match.group(1)) > MAX_ROWS + 50:
        raise too_many_rows(path, int(match.group(1)))
    if info.file_size > MAX_SHEET_XML_BYTES:
        raise too_many_rows(path)


def _sheet_part(zf: zipfile.ZipFile, index: int) -> str | None:
    """The zip member of the index-th sheet (workbook order), through the workbook's relationships."""
    workbook = zf.read("xl/workbook.xml")
    rels = zf.read("xl/_rels/workbook.xml.rels")
    ids = re.findall(rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"', workbook) or re.findall(
        rb'<(?:\w+:)?sheet\b[^>]*?\bid="([^"]+)"', workbook)
    if index >= len(ids):
        return None
    for rel in re.findall(rb"<Relationship\b[^>]*>", rels):
        rid = re.search(rb'\bId="([^"]+)"', rel)
        target = re.search(rb'\bTarget="([^"]+)"', rel)
        if rid and target and rid.group(1) == ids[index]:
            name = target.group(1).decode("utf-8")
            return name.lstrip("/") if name.startswith("/") else "xl/" + name
    return None


def _check_ods_size(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            if zf.getinfo("content.xml").file_size > MAX_SHEET_XML_BYTES:
                raise too_many_rows(path)
    except (KeyError, zipfile.BadZipFile, OSError):
        return


def _read_calamine(book: Any, name: str, path: Path) -> Sheet:
    try:
        sheet = book.get_sheet_by_name(name)
        top = (sheet.start or (0, 0))[0]
        if top + sheet.height > MAX_ROWS + 1:
            raise too_many_rows(path, top + sheet.height)
        # Row and column numbers stay the ones the officer sees in Excel (A1 is [0][0]).
        rows = [[_cell(v) for v in row] for row in sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + 2)]
        merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
    except UserInputError:
        raise
    except Exception as err:  # noqa: BLE001
        raise damaged(path, _short(err)) from None
    while rows and not any(_filled(v) for v in rows[-1]):
        rows.pop()
    if len(rows) > MAX_ROWS + 1:
        raise too_many_rows(path, len(rows))
    return Sheet(name, rows, merged)


def _cell(value: Any) -> Any:
    """calamine's value as the importer reads it: '' is empty; a time of day alone is text."""
    if value == "" or value is None:
        return None
    if isinstance(value, (time, timedelta)):
        return str(value)
    return value


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


# -- CSV ---------------------------------------------------------------------------------------

def _decode(data: bytes) -> tuple[str, str]:
    """(encoding, text) of a CSV's start: UTF-8 when it decodes, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", data[3:].decode("utf-8", "ignore")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", data.decode("utf-16", "ignore")
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 4:  # a character cut by the sniffing window
            return "utf-8", data[:err.start].decode("utf-8")
        return "cp1252", data.decode("cp1252", "replace")


def _looks_binary(data: bytes) -> bool:
    if data.startswith(b"%PDF") or b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in data[:4096] if b < 9 or 13 < b < 32)
    return controls > 8


def _open_csv(path: Path, head: bytes) -> Workbook:
    if _looks_binary(head):
        raise not_a_spreadsheet(path)
    encoding, text = _decode(head)
    delimiter = _delimiter(text)
    if delimiter is None:
        raise not_a_spreadsheet(path)
    return Workbook(path, "csv", [path.stem], _csv=(encoding, delimiter))


def _delimiter(text: str) -> str | None:
    """``;``, ``,`` or tab: the one that splits the first lines into the same, largest number of cells."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    if not lines:
        return None
    best, best_score = None, 0.0
    for delim in (";", "\t", ","):
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=delim)]
        except csv.Error:
            continue
        if not counts or max(counts) < 2:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) / len(counts) * common
        if score > best_score:
            best, best_score = delim, score
    if best is None and len(lines) >= 1:
        return ";"  # one column: still a list (of names); the header check decides
    return best


def _read_csv(path: Path, encoding: str, delimiter: str) -> Sheet:
    rows: list[list[Any]] = []
    try:
        with open(path, encoding=encoding, errors="replace", newline="") as fh:
            for row in csv.reader(fh, delimiter=delimiter):
                rows.append([v if v.strip() else None for v in row])
                if len(rows) > MAX_ROWS + 1:
                    raise too_many_rows(path)
    except csv.Error as err:
        raise damaged(path, _short(err)) from None
    while rows and not any(_filled(v) for v in rows[-1]):
        rows.pop()
    return Sheet(path.stem, rows, [])


def iter_text_rows(sheet: Sheet) -> Iterator[list[str]]:
    """Every row as text (for previews)."""
    for row in sheet.rows:
        yield ["" if v is None else _text(v) for v in row]


def _text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_sheet(path: Path | str, sheet: str | None = None) -> tuple[Workbook, Sheet]:
    """Open a file and read one sheet; the workbook is closed again."""
    book = open_workbook(path)
    try:
        return book, book.sheet(sheet)
    finally:
        book.close()


__all__ = ["MAX_ROWS", "Sheet", "Workbook", "open_workbook", "read_sheet", "iter_text_rows"]
