"""Times ``rekam-upt demo --clients 100000`` beside a baseline measured in the same run.

Not a test (timings are noisy, and other work on the machine shows in them); run it by hand:

    .venv/bin/python bench/bench_demo.py [N] [--repeat K]

Baseline: the floor for writing that much data at all, a bare ``executemany`` of N
person-like rows x 21 columns (Indonesian-looking text, built beforehand) into a plain
SQLite table of a new file, in one transaction.  The demo is run as a person runs it:
``python -m app demo`` in a new process, end to end (start-up, invention, sentence
dates, writing, indexes, flush, rename).  Both go to a temporary folder.  The target
(issue "demo --clients 100000 takes under 30 s" on a 2-core machine) is checked
against the median of the demo runs; the ratio to the baseline is what stays
comparable between machines and runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 30.0
PASSWORD = "bench-demo-123"


def person_rows(n: int) -> list[tuple]:
    """N rows of 21 columns that look like a register line (not timed)."""
    rng = random.Random(7)
    first = ("Agus", "Budi", "Siti", "Sri", "Muhammad", "Ahmad", "Dwi", "Eko", "Nur", "Slamet", "Asep", "Dewi")
    last = ("Santoso", "Wibowo", "Lestari", "Rahayu", "Hidayat", "Prasetyo", "Nugroho", "Wahyuni", "Saputra")
    villages = ("Sukorejo", "Sidomulyo", "Karangrejo", "Kedungrejo", "Sumberejo", "Tegalsari", "Banjarsari")
    rows = []
    for i in range(n):
        name = f"{rng.choice(first)} {rng.choice(last)}"
        birth = f"{rng.randint(1960, 2008)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        start = f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append((
            i + 1, name, (f"3522{rng.randint(1, 28):02d}{rng.randint(1, 71):02d}{rng.randint(1, 12):02d}"
                          f"{rng.randint(60, 99):02d}{rng.randint(1, 9999):04d}"), rng.choice("LP"), "Bojonegoro",
            birth,
            "Islam", rng.choice(("SD", "SMP", "SMA/SMK")), "Buruh harian lepas",
            (f"Dusun Krajan RT {rng.randint(1, 12):03d}/RW {rng.randint(1, 6):03d}, Desa {rng.choice(villages)}, "
             f"Kec. Kapas, Kab. Bojonegoro"), f"0812{rng.randint(1000000, 99999999)}",
            f"{rng.choice(first)} {rng.choice(last)} (istri), 0813{rng.randint(1000000, 9999999)}",
            rng.choice(("PB", "CB", "CMB", "ASIM")), f"{i + 1}/PB/{start[:4]}", "Sari Dewi, S.H.",
            rng.choice(("Narkotika (pengguna)", "Pencurian", "Penipuan")), rng.choice(("aktif", "selesai")),
            start, f"{int(start[:4]) + 1}{start[4:]}", f"{start}T08:15:00", f"{start}T08:15:00"))
    return rows


def baseline(folder: Path, rows: list[tuple]) -> tuple[float, float]:
    """Seconds and MiB for the bare write of ``rows`` into a new file."""
    path = folder / "baseline.sqlite3"
    if path.exists():
        path.unlink()
    began = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE person(" + ", ".join(f"c{i} {'INTEGER PRIMARY KEY' if i == 0 else 'TEXT'}"
                                                     for i in range(21)) + ")")
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO person VALUES ({', '.join('?' * 21)})", rows)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - began, path.stat().st_size / 2**20


def demo(folder: Path, clients: int) -> tuple[float, float, dict, float]:
    """Seconds (end to end), MiB, the command's JSON, and the CPU seconds of all its processes."""
    path = folder / "demo.sqlite3"
    env = {**os.environ, "REKAM_UPT_PASSWORD": PASSWORD, "REKAM_UPT_DATA_DIR": str(folder / "data"),
           "QT_QPA_PLATFORM": "offscreen"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "app", "demo", "--db", str(path), "--clients", str(clients),
                           "--seed", "1", "--today", "2026-11-22", "--replace", "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"demo failed ({done.returncode}): {done.stdout}{done.stderr}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return seconds, path.stat().st_size / 2**20, json.loads(done.stdout), cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clients", nargs="?", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1, help="demo runs (the median is reported)")
    args = parser.parse_args()
    n = args.clients
    print(f"Rekam UPT demo benchmark: {n:,} clients; {os.cpu_count()} CPUs; Python "
          f"{sys.version.split()[0]}; SQLite {sqlite3.sqlite_version}; load {os.getloadavg()[0]:.2f}")
    rows = person_rows(n)
    with tempfile.TemporaryDirectory(prefix="bench-demo-") as tmp:
        folder = Path(tmp)
        base = [baseline(folder, rows) for _ in range(3)]
        base_s = statistics.median(s for s, _ in base)
        print(f"baseline  bare executemany, {n:,} rows x 21 columns, one transaction: "
              f"{base_s:6.2f} s (median of 3)  {base[0][1]:6.1f} MiB")
        runs = [demo(folder, n) for _ in range(args.repeat)]
        demo_s = statistics.median(r[0] for r in runs)
        _seconds, mib, result, cpu = runs[-1]
        print(f"demo      python -m app demo --clients {n} (new process, end to end): "
              f"{demo_s:6.2f} s = {demo_s / base_s:.1f} x baseline  {mib:6.1f} MiB"
              + (f"  (runs: {', '.join(f'{r[0]:.2f}' for r in runs)})" if len(runs) > 1 else ""))
        print(f"          the command's own figure {result['seconds']:.2f} s; CPU of all its processes {cpu:.1f} s; "
              f"persons {result['persons']:,}, cases {result['cases']:,}, programs {result['programs']:,}")
        verdict = "met" if demo_s < TARGET_SECONDS else "NOT met"
        print(f"target    under {TARGET_SECONDS:.0f} s for 100,000 clients on 2 cores: {verdict}"
              + ("" if n == 100_000 else " (run with N = 100000 for the target)"))


if __name__ == "__main__":
    main()
