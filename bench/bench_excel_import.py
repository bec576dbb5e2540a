"""Chooses the spreadsheet reader and times a 10,000-row import beside that reader reading the file raw.

Not a test (timings are noisy); run it by hand:

    .venv/bin/python bench/bench_excel_import.py [ROWS]

A register of ROWS rows x 21 columns (names, NIKs, dates as Excel dates and as text,
programs, officers) is written as .xlsx (openpyxl) and .xls (LibreOffice headless, when
installed), not timed.  Readers, each reading every cell of the sheet (median of 3):

* python-calamine: .xlsx and .xls (and .ods) with one library;
* openpyxl ``load_workbook(read_only=True)``: .xlsx only;
* xlrd 2: .xls only.

Then Rekam UPT's whole import of the .xlsx into a new, empty database (reading, header
detection, every cell's reading, matching, writing in one transaction, the audit entry,
the groups) beside python-calamine reading it raw.  Issue 12: "a 10,000-row file imports
in seconds".
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TODAY = date(2026, 11, 22)
PASSWORD = "bench-import-123"
HEADER = ["No", "Nama Klien", "NIK", "JK", "Tempat Lahir", "Tgl Lahir", "Agama", "Pendidikan", "Pekerjaan",
          "Alamat", "No. HP", "Jenis Bimbingan", "No. Reg", "No. SK", "Tgl SK", "Tgl Mulai", "Akhir Bimbingan", "PK",
          "Jenis Kejahatan", "Pasal", "Keterangan"]


def register_rows(n: int) -> list[list]:
    rng = random.Random(12)
    first = ("Agus", "Budi", "Siti", "Sri", "Muhammad", "Ahmad", "Dwi", "Eko", "Nur", "Slamet", "Asep", "Dewi")
    last = ("Santoso", "Wibowo", "Lestari", "Rahayu", "Hidayat", "Prasetyo", "Nugroho", "Wahyuni", "Saputra")
    offences = (("Pencurian", "362 KUHP"), ("Penipuan", "378 KUHP"), ("Narkotika pengguna", "127 UU 35/2009"),
                ("Penganiayaan", "351 KUHP"))
    rows = []
    for i in range(n):
        sex = rng.choice("LP")
        birth = date(rng.randint(1960, 2004), rng.randint(1, 12), rng.randint(1, 28))
        day = birth.day + (40 if sex == "P" else 0)
        nik = f"3522{rng.randint(1, 28):02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}{i % 10000:04d}"
        start = date(2024, 1, 1) + timedelta(days=rng.randint(0, 900))
        program = rng.choice(("PB", "CB", "CMB", "Asimilasi"))
        offence, article = rng.choice(offences)
        rows.append([i + 1, f"{rng.choice(first)} {rng.choice(last)} {i}", nik, sex, "Bojonegoro",
                     birth if i % 2 else birth.strftime("%d/%m/%Y"), "Islam", "SMA/SMK", "Buruh",
                     f"Dusun Krajan RT {rng.randint(1, 12):03d}, Kec. Kapas", f"0812{rng.randint(1000000, 9999999)}",
                     program, "", f"PAS-{i}.PK.05.09 Tahun {start.year}", start - timedelta(days=10), start,
                     start + timedelta(days=365), rng.choice(("Drs. Suparman", "Sari Dewi, S.H.")), offence, article,
                     ""])
    return rows


def write_xlsx(path: Path, rows: list[list]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Register")
    ws.append(["REGISTER PEMBIMBINGAN KLIEN"])
    ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)


def read_calamine(path: Path) -> int:
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    cells = sum(len(r) for r in book.get_sheet_by_index(0).to_python())
    book.close()
    return cells


def read_openpyxl(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    cells = sum(len(r) for r in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    return cells


def read_xlrd(path: Path) -> int:
    import xlrd

    book = xlrd.open_workbook(str(path))
    sheet = book.sheet_by_index(0)
    return sum(len(sheet.row_values(r)) for r in range(sheet.nrows))


def median_time(fn, path: Path, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def import_once(folder: Path, path: Path) -> tuple[float, dict]:
    from app.models.excel_queries import ImportQueries
    from app.models.storage import Database
    from app.operations.auth import set_initial_password
    from app.operations.importer import run_import
    from app.reports.excel_import import read_file
    from app.reports.excel_plan import Decisions

    target = folder / "impor.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    db = Database.open(target, create=True)
    set_initial_password(db, PASSWORD)
    began = time.perf_counter()
    parsed = read_file(path, ImportQueries(db).program_kinds(), today=TODAY)
    result = run_import(db, parsed, Decisions(create_officers=True), today=TODAY)
    seconds = time.perf_counter() - began
    db.close()
    return seconds, result.info["summary"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="?", type=int, default=10_000)
    args = parser.parse_args()
    import python_calamine  # noqa: F401
    print(f"Rekam UPT Excel import benchmark: {args.rows:,} rows x {len(HEADER)} columns; {os.cpu_count()} CPUs; "
          f"load {os.getloadavg()[0]:.2f}")
    rows = register_rows(args.rows)
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        xlsx = folder / "register.xlsx"
        write_xlsx(xlsx, rows)
        cal = median_time(read_calamine, xlsx)
        opx = median_time(read_openpyxl, xlsx)
        print(f"read .xlsx  python-calamine {cal:6.2f} s | openpyxl read-only {opx:6.2f} s"
              f" = {opx / cal:.1f} x calamine")
        soffice = shutil.which("soffice")
        if soffice:
            subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/lo", "--convert-to", "xls",
                            "--outdir", str(folder), str(xlsx)], check=True, capture_output=True, timeout=300)
            xls = folder / "register.xls"
            cal_xls = median_time(read_calamine, xls)
            xlrd_s = median_time(read_xlrd, xls)
            print(f"read .xls   python-calamine {cal_xls:6.2f} s | xlrd {xlrd_s:6.2f} s"
                  f" = {xlrd_s / cal_xls:.1f} x calamine")
        else:
            print("read .xls   skipped: soffice (LibreOffice, Debian libreoffice-calc-nogui) is not installed")
        print("choice      python-calamine: the fastest here, and one reader for .xlsx, .xls and .ods")
        runs = [import_once(folder, xlsx) for _ in range(3)]
        seconds = statistics.median(s for s, _ in runs)
        summary = runs[-1][1]
        print(f"import      rekam-upt's import of the .xlsx into an empty database: {seconds:6.2f} s "
              f"= {seconds / cal:.1f} x calamine's raw read (median of 3); created {summary['created']:,} rows, "
              f"{summary['new']['persons']:,} persons, {summary['new']['programs']:,} programs, "
              f"rejected {summary['rejected']}")


if __name__ == "__main__":
    main()
