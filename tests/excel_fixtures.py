"""Messy registers as offices keep them, for the import tests (issue 12).

``messy_register`` writes the workbook every import test starts from: a title merged
across the top, a blank row, mixed date forms, a repeated client, the same name and
birth date under another NIK, bad rows and a totals line.  ``seed_messy_database`` puts
in the records some of its rows must match.  What each row must become is written out
in ``MESSY_EXPECTED`` by hand, not computed.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

import factories
from app.operations.clients import create_client

SUPARMAN_NIP = "198503122010012001"
HEADER = ["No", "Nama Klien", "NIK", "JK", "Tgl Lahir", "Jenis Bimbingan", "No. Reg", "Tgl Mulai",
          "Akhir Bimbingan", "PK", "Jenis Kejahatan", "Pasal", "Status"]
ROWS = [
    # Excel row 5: the database's Budi, NIK typed with spaces, the PB he already has
    [1, "BUDI SANTOSO", "3522 0115 0590 0001", "L", date(1990, 5, 15), "PB", None, "21/12/2025", "01-12-2027",
     "SUPARMAN", "Pencurian", "362 KUHP", "Aktif"],
    # 6: the database's Siti (no program yet): a new PB, the date as a serial number
    [2, "Siti Rahma", "3522015203950002", "P", "12 Maret 1995", "p.b.", None, 46027, "2027-06-01",
     "Drs. Suparman", "Narkotika pengguna", "Pasal 127", "-"],
    # 7: 31 February
    [3, "Ahmad Fauzi", None, "L", "31/02/1990", "CB", None, "01/01/2026", None, None, None, None, None],
    None,  # 8: a blank row
    # 9: a new client, an officer nobody has registered, a two-digit year
    [4, "Dewi Lestari", "3522016208000003", "P", "22-08-00", "CB", None, "12 Jan 2026", "0", "Rahmat Hidayat",
     "Penipuan", "378 KUHP", None],
    # 10: Dewi again (same NIK): her earlier, finished asimilasi on the same case
    [5, "Dewi Lestari", "3522016208000003", "P", "22-08-00", "Asimilasi", None, "2025-06-01", "2025-11-30",
     "Rahmat Hidayat", "Penipuan", "378 KUHP", "Selesai"],
    # 11: Budi's name and birth date under another NIK: perhaps the same person
    [6, "Budi Santoso", "3522011505900009", "L", "15-05-1990", "CB", None, "01/02/2026", None, None, None,
     None, None],
    # 12: a NIK of 11 digits
    [7, "Eko Prasetyo", "35220112079", "L", "12-07-1979", "PB", None, "01/03/2026", None, None, None, None, None],
    # 13: a child's diversion: adult/child from the program, which is for children only
    [8, "Rina Wati", "3522015001050004", "P", datetime(2005, 1, 10), "DIVERSI", None, "01-03-2021",
     "01-03-2022", None, "Pencurian", None, "selesai"],
    # 14: the end before the start
    [9, "Joko Susilo", "3522011010850005", "L", "10-10-1985", "PB", None, "01/03/2026", "01/02/2026", None, None,
     None, None],
    # 15: a program nobody knows
    [10, "Andi", "3522010101990006", "L", "01-01-1999", "XYZ", None, "01/03/2026", None, None, None, None, None],
    # 16: row 9 once more, word for word
    [11, "Dewi Lestari", "3522016208000003", "P", "22-08-00", "CB", None, "12 Jan 2026", "0", "Rahmat Hidayat",
     "Penipuan", "378 KUHP", None],
    # 17: the totals line at the foot
    [None, "JUMLAH", None, None, None, None, None, None, None, None, None, None, None],
]
MESSY_EXPECTED = {
    "rows": 11, "created": 4, "matched": 2, "decide": 1, "rejected": 4,
    "new": {"persons": 2, "cases": 3, "programs": 4, "officers": 0},
    "created_rows": [6, 9, 10, 13], "matched_rows": [5, 16], "decide_rows": [11], "rejected_rows": [7, 12, 14, 15],
}


def write_rows(path: Path, header: list[str], rows: list, *, title: tuple[str, ...] = ()) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Register"
    width = len(header)
    for n, line in enumerate(title, 1):
        ws.cell(row=n, column=1, value=line)
        ws.merge_cells(start_row=n, start_column=1, end_row=n, end_column=width)
    if title:
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row if row is not None else [])
    wb.save(path)
    return path


def messy_register(folder: Path, name: str = "register_lama.xlsx") -> Path:
    return write_rows(folder / name, HEADER, ROWS,
                      title=("REGISTER PEMBIMBINGAN KLIEN DEWASA", "BAPAS KELAS II BOJONEGORO"))


def seed_messy_database(db) -> dict[str, int]:
    """Officer Drs. Suparman; Budi with his PB (start 21 December 2025); Siti without a program."""
    officer_id = factories.officer(db, "Drs. Suparman", SUPARMAN_NIP)
    budi = create_client(db, factories.person(), factories.case(db),
                         factories.program(db, "PB", officer_id), today=date(2026, 11, 22)).id
    siti = create_client(db, factories.person("Siti Rahma", "3522015203950002", "P", date(1995, 3, 12)),
                         today=date(2026, 11, 22)).id
    return {"officer": officer_id, "budi": budi, "siti": siti}


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("soffice (LibreOffice, Debian package libreoffice-calc-nogui) is not installed")
    return found


def convert(path: Path, to: str, outdir: Path) -> Path:
    """LibreOffice headless: xlsx -> xls / ods / csv (one file per sheet for csv)."""
    subprocess.run([soffice(), "--headless", "--norestore", f"-env:UserInstallation=file://{outdir}/lo-profile",
                    "--convert-to", to, "--outdir", str(outdir), str(path)], check=True, capture_output=True,
                   timeout=180)
    return outdir / (path.stem + "." + to.split(":")[0])
