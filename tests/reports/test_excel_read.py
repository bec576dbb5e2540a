"""Reading spreadsheets: every format, every spelling of a column and a date, and every kind of bad file."""

from __future__ import annotations

import tracemalloc
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from excel_fixtures import convert, messy_register, write_rows
from app.models.errors import UserInputError
from app.reports import excel_read
from app.reports.excel_columns import field_for, find_header
from app.reports.excel_read import MAX_ROWS, open_workbook, read_sheet
from app.reports.excel_values import CellError, parse_date, parse_sentence, program_code

DATA = Path(__file__).resolve().parents[1] / "data"
TODAY = date(2026, 11, 22)
KINDS = [{"code": c, "name": n, "child_only": 0} for c, n in (
    ("PB", "Pembebasan Bersyarat"), ("CB", "Cuti Bersyarat"), ("CMB", "Cuti Menjelang Bebas"), ("ASIM", "Asimilasi"),
    ("DIV", "Diversi"))]


@pytest.mark.parametrize("text, expected", [
    (datetime(2024, 12, 31, 0, 0), date(2024, 12, 31)), (45657, date(2024, 12, 31)), (45657.0, date(2024, 12, 31)),
    ("45657", date(2024, 12, 31)), ("31/12/2024", date(2024, 12, 31)), ("31-12-24", date(2024, 12, 31)),
    ("2024-12-31", date(2024, 12, 31)), ("31.12.2024", date(2024, 12, 31)), ("12 Januari 2024", date(2024, 1, 12)),
    ("12 Jan 2024", date(2024, 1, 12)), ("12-Jan-2024", date(2024, 1, 12)), ("3 Pebruari 2025", date(2025, 2, 3)),
    ("17 Agustus 1945", date(1945, 8, 17)), ("12/31/2024", date(2024, 12, 31)),
    ("2024-12-31 00:00:00", date(2024, 12, 31)),
    ("0", None), ("-", None), ("", None), ("  ", None), (None, None), ("–", None),
])
def test_dates_in_every_form_registers_use(text, expected):
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize("text", ["31 Februari 2024", "31/02/2024", "30-02-24", "12 Foo 2024", "kemarin", "2024-13-01"])
def test_an_impossible_date_is_an_error_not_a_guess(text):
    with pytest.raises(CellError):
        parse_date(text, today=TODAY)


def test_a_two_digit_birth_year_is_never_in_the_future():
    assert parse_date("15-05-90", future_years=0, today=TODAY) == date(1990, 5, 15)
    assert parse_date("15-05-27", future_years=0, today=TODAY) == date(1927, 5, 15)
    assert parse_date("15-05-27", future_years=10, today=TODAY) == date(2027, 5, 15)


@pytest.mark.parametrize("text, code", [("PB", "PB"), ("pb", "PB"), ("P.B.", "PB"), ("Pembebasan Bersyarat", "PB"),
                                        ("PEMBEBASAN  BERSYARAT", "PB"), ("cb", "CB"), ("Cuti Menjelang Bebas", "CMB"),
                                        ("asimilasi", "ASIM"), ("Asimilasi di Rumah", "ASIM"), ("Diversi", "DIV")])
def test_program_names_are_normalised(text, code):
    assert program_code(text, KINDS)[0] == code


def test_a_program_name_can_say_child_and_an_unknown_one_is_an_error():
    assert program_code("PB Anak", KINDS) == ("PB", "anak")
    with pytest.raises(CellError):
        program_code("Remisi", KINDS)


def test_sentence_lengths_as_written():
    assert parse_sentence("2 tahun 6 bulan")[1].compact() == "2y6m"
    assert parse_sentence("1 th 15 hr")[1].compact() == "1y15d"
    assert parse_sentence("3t6b")[1].compact() == "3y6m"
    assert parse_sentence("Seumur Hidup")[0] == "life"


@pytest.mark.parametrize("header, key", [
    ("Nama Klien", "name"), ("NAMA", "name"), ("No. Reg", "register_number"), ("NO REG", "register_number"),
    ("Jenis Bimbingan", "program"), ("PK", "officer"), ("Tgl Mulai", "start_date"), ("Tanggal Mulai", "start_date"),
    ("Akhir Bimbingan", "end_date"), ("Pasal", "articles"), ("Jenis Kejahatan", "offence"),
    ("RegisterUtama", "register_main"),
    ("NomorRegisterIntegrasi", "register_number"), ("NomorSKIntegrasi", "sk_number"), ("TanggalSKIntegrasi", "sk_date"),
    ("MasaBimbinganSaatIniAkhir", "end_date"), ("NamaPK", "officer"), ("NamaPenjamin", "guarantor"),
    ("PidanaTahun", "sentence_years"), ("PidanaBulan", "sentence_months"), ("PidanaHari", "sentence_days"),
    ("NamaLapas", "unit_origin"), ("Tempat, Tgl. Lahir", "birth_place_date"), ("NIK Klien", "nik"), ("J/K", "sex"),
])
def test_column_names_in_many_spellings(header, key):
    assert field_for(header) == key


def test_a_two_row_header_under_a_merged_group_name(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DAFTAR KLIEN"])
    ws.append(["Nama", "NIK", "Masa Bimbingan", None])
    ws.append([None, None, "Awal", "Akhir"])
    ws.merge_cells("C2:D2")
    ws.merge_cells("A2:A3")
    ws.append(["Budi", "3522011505900001", "01-01-2026", "01-01-2027"])
    wb.save(tmp_path / "dua.xlsx")
    _, sheet = read_sheet(tmp_path / "dua.xlsx")
    header = find_header(sheet)
    assert header.first_data_row == 3
    assert [header.mapping.get(c) for c in range(4)] == ["name", "nik", "start_date", "end_date"]


def test_xlsx_xls_ods_and_csv_read_the_same_cells(tmp_path):
    source = messy_register(tmp_path)
    _, xlsx = read_sheet(source)
    assert sorted(xlsx.merged) == [(0, 0, 0, 12), (1, 0, 1, 12)]
    names = {}
    for fmt in ("xls", "ods", "csv:Text - txt - csv (StarCalc):44,34,76,1"):
        path = convert(source, fmt, tmp_path)
        book, sheet = read_sheet(path)
        assert book.kind == fmt[:3]
        header = find_header(sheet)
        assert header.row == 3, fmt
        names[fmt[:3]] = [str(r[1]) for r in sheet.rows[4:7]]
    assert names["xls"] == names["ods"] == names["csv"] == ["BUDI SANTOSO", "Siti Rahma", "Ahmad Fauzi"]


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_in_any_delimiter_and_utf8_with_a_bom(tmp_path, delimiter):
    path = tmp_path / "daftar.csv"
    lines = ["Nama", "NIK", "Tgl Lahir"], ["Budi, S.H.", "3522011505900001", "15/05/1990"]
    text = "\r\n".join(delimiter.join(f'"{v}"' for v in line) for line in lines)
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    book, sheet = read_sheet(path)
    assert book.kind == "csv" and sheet.rows[1][:2] == ["Budi, S.H.", "3522011505900001"]


def expect_refusal(path: Path, code: str) -> str:
    with pytest.raises(UserInputError) as info:
        book = open_workbook(path)
        sheet = book.sheet()
        find_header(sheet)
    assert info.value.code == code, info.value.message
    return info.value.message


def test_a_file_that_is_no_spreadsheet_is_refused_clearly(tmp_path):
    pdf = tmp_path / "laporan.xlsx"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + bytes(range(256)) * 4)
    assert "bukan lembar kerja" in expect_refusal(pdf, "not_spreadsheet")
    zipped = tmp_path / "foto.xlsx"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("foto.jpg", b"\xff\xd8\xff")
    expect_refusal(zipped, "not_spreadsheet")
    (tmp_path / "kosong.xlsx").write_bytes(b"")
    expect_refusal(tmp_path / "kosong.xlsx", "empty_file")


def test_a_password_protected_workbook_says_so(tmp_path):
    assert "kata sandi" in expect_refusal(DATA / "dilindungi_sandi.xlsx", "password_protected")


def test_a_corrupt_workbook_says_it_is_damaged(tmp_path):
    good = write_rows(tmp_path / "baik.xlsx", ["Nama", "NIK"], [["Budi", "1"]])
    data = good.read_bytes()
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(data[: len(data) // 2])
    assert "rusak" in expect_refusal(broken, "damaged")


def test_an_empty_sheet_and_a_sheet_without_a_header(tmp_path):
    from app.reports.excel_import import load_sheet

    empty = write_rows(tmp_path / "kosong.xlsx", [], [])
    with pytest.raises(UserInputError) as info:
        load_sheet(empty)
    assert info.value.code == "empty_sheet"
    headless = write_rows(tmp_path / "tanpa.xlsx", ["Apel", "Jeruk"], [["1", "2"], ["3", "4"]])
    assert "judul kolom" in expect_refusal(headless, "no_header")


def test_a_million_row_csv_is_refused_with_the_limit_in_constant_memory(tmp_path):
    path = tmp_path / "besar.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("Nama;NIK;Tgl Lahir\n")
        line = "Budi Santoso;3522011505900001;15/05/1990\n"
        for _ in range(1_000_000):
            fh.write(line)
    tracemalloc.start()
    try:
        message = expect_refusal(path, "too_many_rows")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert f"{MAX_ROWS:,}".replace(",", ".") in message
    assert peak < 400 * 1024 * 1024  # what MAX_ROWS rows take, not what a million would


def test_a_million_row_xlsx_is_refused_before_it_is_loaded(tmp_path, monkeypatch):
    path = tmp_path / "besar.xlsx"
    write_rows(path, ["Nama", "NIK"], [["Budi", "1"]])
    # Rewrite the sheet as a million rows, streamed (openpyxl would take minutes to write it).
    with zipfile.ZipFile(path) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    head = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<dimension ref="A1:B1000001"/><sheetData>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            if name != sheet:
                dst.writestr(name, data)
        with dst.open(sheet, "w") as fh:
            fh.write(head + b'<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c></row>')
            chunk = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>Budi</t></is></c></row>' % (i, i)
                             for i in range(2, 10002))
            for _ in range(100):
                fh.write(chunk)
            fh.write(b"</sheetData></worksheet>")
    loaded = []
    monkeypatch.setattr(excel_read, "_read_calamine", lambda *a: loaded.append(a))
    assert "1.000.001 baris" in expect_refusal(path, "too_many_rows")
    assert not loaded
