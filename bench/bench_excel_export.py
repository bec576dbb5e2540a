"""Times the Excel exports of the 100,000-client demo beside openpyxl writing the same cells raw, same run.

Not a test (timings are noisy); run it by hand:

    .venv/bin/python bench/bench_excel_export.py [N]

Two exports of a demo file of N clients (made first, not timed): "Ekspor daftar ini" of
Semua klien (one row per program, about N rows x 25 columns) and the monthly workbook
(its four sheets).  Baseline: the very cells each export wrote (captured in a warm-up
run, not timed), appended bare with openpyxl's write-only mode to a new file: the
floor for writing that workbook at all, without the queries, the styles and the
safe rename.  Goal (issue 12): each export within 1.3 x its baseline.  Also shown:
openpyxl's speed without lxml (the baseline run with lxml hidden), which is why lxml
is a dependency.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSWORD = "bench-excel-123"
TODAY = date(2026, 11, 22)
GOAL = 1.3


def make_demo(folder: Path, clients: int) -> Path:
    path = folder / "demo.sqlite3"
    env = {**os.environ, "REKAM_UPT_PASSWORD": PASSWORD, "REKAM_UPT_DATA_DIR": str(folder / "data")}
    subprocess.run([sys.executable, "-m", "app", "demo", "--db", str(path), "--clients", str(clients), "--seed", "1",
                    "--today", TODAY.isoformat(), "--replace"], cwd=ROOT, env=env, check=True, capture_output=True)
    return path


def capture(run) -> list[tuple[str, list[list]]]:
    """The cells an export writes, per sheet (a warm-up run with SheetWriter.append watched)."""
    from openpyxl.cell.cell import Cell

    from app.reports import excel_write

    sheets: list[tuple[str, list[list]]] = []
    original_init, original_append = excel_write.SheetWriter.__init__, excel_write.SheetWriter.append

    def init(self, book, title, columns, *rest):
        original_init(self, book, title, columns, *rest)
        sheets.append((title, [[c.header for c in columns]]))

    def append(self, values, *, bold=False):
        sheets[-1][1].append([v.value if isinstance(v, Cell) else v for v in values])
        original_append(self, values, bold=bold)

    excel_write.SheetWriter.__init__, excel_write.SheetWriter.append = init, append
    try:
        run()
    finally:
        excel_write.SheetWriter.__init__, excel_write.SheetWriter.append = original_init, original_append
    return sheets


def raw_write(path: Path, sheets: list[tuple[str, list[list]]]) -> float:
    from openpyxl import Workbook

    began = time.perf_counter()
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return time.perf_counter() - began


def timed(fn) -> float:
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


def without_lxml(path: Path, sheets) -> float:
    """The baseline in a process where lxml cannot be imported (openpyxl falls back to the standard library)."""
    import pickle

    data = folder_file = path.with_suffix(".pickle")
    folder_file.write_bytes(pickle.dumps(sheets))
    code = ("import sys, pickle, time; sys.modules['lxml'] = None; sys.path.insert(0, %r)\n"
            "from bench.bench_excel_export import raw_write\nfrom pathlib import Path\n"
            "print(raw_write(Path(%r), pickle.loads(Path(%r).read_bytes())))") % (str(ROOT), str(path), str(data))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clients", nargs="?", type=int, default=100_000)
    args = parser.parse_args()
    import openpyxl

    from app.models.queries import Filter
    from app.models.storage import Database
    from app.operations.auth import login
    from app.reports.excel_list import write_list
    from app.reports.excel_monthly import Month, write_monthly

    print(f"Rekam UPT Excel export benchmark: {args.clients:,} clients; {os.cpu_count()} CPUs; "
          f"openpyxl {openpyxl.__version__}, lxml {'yes' if openpyxl.LXML else 'no'}; load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="bench-excel-") as tmp:
        folder = Path(tmp)
        db = Database.open(make_demo(folder, args.clients), readonly=True)
        login(db, PASSWORD)
        jobs = {
            "daftar Semua klien": lambda: write_list(db, folder / "daftar.xlsx", Filter(), today=TODAY, replace=True),
            "laporan bulanan 2026-10": lambda: write_monthly(db, folder / "bulanan.xlsx", Month(2026, 10),
                                                             today=TODAY, replace=True),
        }
        for name, job in jobs.items():
            sheets = capture(job)
            cells = sum(len(rows) * len(rows[0]) for _, rows in sheets)
            base = statistics.median(raw_write(folder / "raw.xlsx", sheets) for _ in range(3))
            ours = statistics.median(timed(job) for _ in range(3))
            bare = without_lxml(folder / "raw-nolxml.xlsx", sheets)
            verdict = "met" if ours <= GOAL * base else "NOT met"
            print(f"{name}: {sum(len(r) - 1 for _, r in sheets):,} rows, {cells:,} cells")
            print(f"  baseline  openpyxl write-only, the same cells bare: {base:6.2f} s (median of 3); "
                  f"without lxml {bare:6.2f} s = {bare / base:.2f} x")
            print(f"  export    Rekam UPT (queries, styles, safe rename):  {ours:6.2f} s = {ours / base:.2f} x baseline"
                  f"  (goal {GOAL} x: {verdict})")
            if name.startswith("laporan"):
                # The share of wajib lapor's numbers (attendance per row and per PK, working per row),
                # computed by that module's own queries: the same export with them left out.
                from app.reports import excel_monthly

                saved = excel_monthly._Rates.rate, excel_monthly._working
                excel_monthly._Rates.rate = lambda *a, **k: None
                excel_monthly._working = lambda *a, **k: {"yes": 0, "no": 0, "unknown": 0}
                try:
                    bare_lapor = statistics.median(timed(job) for _ in range(3))
                finally:
                    excel_monthly._Rates.rate, excel_monthly._working = saved
                print(f"  of which wajib lapor's attendance and working: {ours - bare_lapor:6.2f} s; without them "
                      f"{bare_lapor:6.2f} s = {bare_lapor / base:.2f} x baseline")
        db.close()


if __name__ == "__main__":
    main()
