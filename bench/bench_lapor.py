"""Wajib lapor at 100,000 clients: a check-in from Enter to saved and shown, and the "Perlu perhatian"
counts after it, each beside its bare SQL baseline measured in the same run, also while a long read runs.

    .venv/bin/python bench/bench_lapor.py [--clients 100000] [--scans 40]

- check-in: the register number typed into the window's check-in box and Enter, until the visit is
  committed (synchronous=FULL, audit entry, derived rows) and the card shows who it was.  Baseline:
  the bare INSERT of one visit row and its COMMIT on a connection of the same settings.
- counts: ``Queries.attention_counts`` (every "Perlu perhatian" group, distinct persons) on the
  window's reading connection.  Baselines: a bare scan counting the active programs of ``reporting``,
  and one sidebar GROUP BY over ``facts``.
- "+ counts shown": Enter until the sidebar (count worker thread) shows the new numbers (after a visit
  only the persons it changed are counted again; "full" is a count from scratch, as after a click).
- the same again while a long read (the dashboard's twelve months, over and over) runs on a
  connection of its own in a ``ReadTask``, as printing or an export would.
Goal: no visible wait (median under 50 ms indicatively).  The demo file is built once into bench/out/.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TODAY = date(2026, 11, 22)
PASSWORD = "bench-password-1"


def demo_file(clients: int) -> Path:
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"demo-lapor-{clients}.sqlite3"
    if not path.exists():
        from app.operations.demo import generate_demo

        started = time.perf_counter()
        generate_demo(path, clients=clients, seed=1, today=TODAY, password=PASSWORD)
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s")
    return path


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(name: str, seconds: list[float], baseline: list[float] | None = None) -> None:
    ms = [s * 1000 for s in seconds]
    line = (f"{name:<34} n={len(ms):>3}  median {statistics.median(ms):7.1f} ms   p95 {percentile(ms, 95):7.1f} ms")
    if baseline:
        b = statistics.median(baseline) * 1000
        line += f"   (baseline {b:6.1f} ms, x{statistics.median(ms) / b:5.1f})" if b > 0 else ""
    print(line)


def bare_insert(path: Path, n: int) -> list[float]:
    """One visit row INSERTed and COMMITted, with the program's connection settings (WAL, synchronous FULL)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    program = conn.execute("SELECT program_id FROM reporting WHERE status = 'aktif' LIMIT 1").fetchone()[0]
    times = []
    for i in range(n):
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO wajib_lapor(program_id, report_date, created_at, kind, working)"
                     " VALUES (?, ?, '2026-11-22T09:00:00', 'office', 'unknown')",
                     (program, f"2000-01-{i % 28 + 1:02d}"))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - started)
    conn.execute("DELETE FROM wajib_lapor WHERE report_date LIKE '2000-%'")  # leaves no trace in the demo
    conn.close()
    return times


def bare_counts(conn, n: int) -> tuple[list[float], list[float]]:
    t = TODAY.isoformat()
    scan, group = [], []
    for _ in range(n):
        started = time.perf_counter()
        conn.execute("SELECT COUNT(DISTINCT person_id) FROM reporting WHERE status = 'aktif' AND start_date <= ?"
                     " AND (end_date IS NULL OR end_date >= ?)", (t, t)).fetchone()
        scan.append(time.perf_counter() - started)
        started = time.perf_counter()
        conn.execute("SELECT kind_id, COUNT(DISTINCT person_id) FROM facts GROUP BY kind_id").fetchall()
        group.append(time.perf_counter() - started)
    return scan, group


def run(path: Path, scans: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.models.queries import Filter, Queries
    from app.models.storage import Database
    from app.operations.auth import login
    from app.ui.application import Session, Translations
    from app.ui.main_window import MainWindow
    from app.ui.ops import ReadTask
    from uikit import wait_counts

    app = QApplication.instance() or QApplication(sys.argv[:1])
    Translations(app).use("id")
    db = Database.open(path)
    login(db, PASSWORD)
    window = MainWindow(Session(db.path, db, None, PASSWORD), today=TODAY)
    window.resize(1366, 768)
    window.show()
    wait_counts(window)
    reader = Queries(window.db)
    # Clients who have not reported this period (a check-in each), the same ones in every run.
    registers = [r["register_number"] for r in reader.attention_programs("unreported", TODAY)
                 if r["register_number"]][: 3 * scans + scans // 2]
    panel = window.checkin
    panel.set_mode(True)

    def check_in(register: str, *, counts: bool) -> float:
        started = time.perf_counter()
        QTest.keyClicks(panel.box, register)
        QTest.keyClick(panel.box, Qt.Key.Key_Return)
        while panel._pending is not None:
            app.processEvents()
        panel.card.repaint()
        if counts:
            wait_counts(window)
        elapsed = time.perf_counter() - started
        if not panel.message.text().startswith("Tercatat"):
            raise RuntimeError(f"not recorded: {panel.message.text()}")
        return elapsed

    def counting(n: int) -> list[float]:
        times = []
        for _ in range(n):
            started = time.perf_counter()
            reader.attention_counts(Filter(), TODAY)
            times.append(time.perf_counter() - started)
        return times

    insert_base = bare_insert(path, scans)
    scan_base, group_base = bare_counts(window.db.conn, 10)
    print(f"{len(registers)} clients not yet reported this period to check in")
    report("baseline: bare INSERT + COMMIT", insert_base)
    report("check-in: Enter -> saved, shown", [check_in(r, counts=False) for r in registers[:scans]], insert_base)
    report("baseline: scan active reporting", scan_base)
    report("baseline: one sidebar GROUP BY", group_base)
    report("Perlu perhatian counts (full)", counting(10), scan_base)
    # After a visit the count worker recounts only the persons it changed (the rest is kept per person).
    report("check-in + counts shown", [check_in(r, counts=True) for r in registers[scans:scans + scans // 2]])

    # While a long read runs beside: the dashboard's twelve months, again and again, on its own connection.
    stop = {"now": False}

    def long_read(db, progress):
        q = Queries(db)
        rounds = 0
        while not stop["now"]:
            q.dashboard(TODAY)
            rounds += 1
            progress(rounds, 0)
        return rounds

    done: dict[str, object] = {}
    task = ReadTask(window.session.reader, long_read, lambda n: done.setdefault("rounds", n),
                    lambda err: done.setdefault("error", err), window)
    time.sleep(0.2)
    rest = registers[scans + scans // 2:]
    report("check-in during a long read", [check_in(r, counts=False) for r in rest[:scans // 2]], insert_base)
    report("+ counts shown, during a long read", [check_in(r, counts=True) for r in rest[scans // 2:scans]])
    report("full counts during a long read", counting(5), scan_base)
    stop["now"] = True
    task.wait()
    app.processEvents()
    print(f"long read: {done.get('rounds', done.get('error'))} dashboard rounds meanwhile")
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--scans", type=int, default=40)
    args = parser.parse_args()
    path = demo_file(args.clients)
    print(f"data: {path} ({path.stat().st_size / 2**20:.0f} MiB, {args.clients:,} clients)")
    # Each run starts from the demo as built: the check-ins go to a copy.
    import shutil

    work = Path(tempfile.mkdtemp()) / path.name
    shutil.copyfile(path, work)
    run(work, args.scans)
    return 0


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["REKAM_UPT_DATA_DIR"] = data_dir
        sys.exit(main())
