"""Test helpers for the data-safety tests: realistic records, and every row of a file to compare.

``populate`` fills a database through the real operations (so the audit trail,
the grouping rows and the sentence dates are all as the program writes them);
``dump_tables`` reads every row of every table so two files can be compared
row by row; ``corrupt_copy`` damages a file so that SQLite's integrity_check
truly fails.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.models.storage import Database

TODAY = date(2026, 11, 22)


def client_values(n: int) -> tuple[str, date, str]:
    """A unique (name, birth date, NIK) for the n-th test client; the NIK agrees with the birth date."""
    first = ("Budi", "Siti", "Agus", "Dewi", "Joko", "Rina", "Eko", "Tuti", "Hadi", "Lina")
    last = ("Santoso", "Rahayu", "Wijaya", "Lestari", "Saputra", "Handayani", "Pratama", "Kusuma")
    birth = date(1960, 1, 1) + timedelta(days=(n * 37) % 12000)
    name = f"{first[n % len(first)]} {last[(n // len(first)) % len(last)]}"
    nik = f"352201{birth:%d%m%y}{n % 9999 + 1:04d}"
    return name, birth, nik


def add_client(db: Database, n: int, *, officer_id: int | None = None) -> int:
    """One person with a case and a program, entered as the officer would (one transaction)."""
    import factories as f

    from app.models.domain import Confirmations
    from app.operations.clients import create_client

    name, birth, nik = client_values(n)
    result = create_client(db, f.person(name=name, nik=nik, birth=birth), f.case(db),
                           f.program(db, officer_id=officer_id),
                           Confirmations(duplicate_ok=True, duplicate_reason="uji"), today=TODAY)
    return int(result.id)


def populate(db: Database, clients: int = 12) -> None:
    """Records in most tables: officers, persons, cases, programs, remissions, statuses, settings."""
    import factories as f

    from app.models.domain import StatusChange
    from app.operations.clients import change_program_status
    from app.operations.sentence import add_remission
    from app.operations.settings import save_office

    save_office(db, {"unit_name": "Bapas Kelas II Bojonegoro", "unit_kind": "bapas", "city": "Bojonegoro",
                     "operator_name": "Operator Uji"})
    officer_id = f.officer(db)
    for n in range(clients):
        person_id = add_client(db, n, officer_id=officer_id if n % 2 else None)
        case_id = db.scalar("SELECT id FROM cases WHERE person_id = ?", (person_id,))
        if n % 3 == 0:
            add_remission(db, case_id, date(2025, 8, 17), months=1, kind="umum")
        if n % 4 == 1:
            program_id = db.scalar("SELECT id FROM programs WHERE person_id = ?", (person_id,))
            change_program_status(db, program_id, StatusChange(status="selesai", date=date(2026, 10, 1),
                                                               letter="W15.PAS.1-123", reason="uji"),
                                  today=TODAY)


def dump_tables(path: Path) -> dict[str, Any]:
    """Every row of every table (and the file's ids), read without changing the file.

    SQLite's planner statistics (sqlite_stat*, refreshed by PRAGMA optimize when a
    connection closes) are not records and are left out.
    """
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' ORDER BY name")]
        out: dict[str, Any] = {
            "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
            "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
            "schema": conn.execute("SELECT type, name, sql FROM sqlite_master"
                                   " WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name").fetchall(),
        }
        for table in tables:
            out[table] = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
        return out
    finally:
        conn.close()


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def corrupt_copy(source: Path, target: Path) -> Path:
    """A copy of ``source`` with garbage over pages in its middle (the persons and cases trees).

    The first page (header, schema) is left alone, so the file still looks like a
    Rekam UPT database until SQLite reads the damaged pages; integrity_check fails.
    """
    shutil.copyfile(source, target)
    for suffix in ("-wal",):
        if Path(str(source) + suffix).exists():
            shutil.copyfile(str(source) + suffix, str(target) + suffix)
    # Fold any WAL into the copy first, so the garbage lands on the real pages.
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode = DELETE")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    roots = [r[0] for r in conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name IN ('persons', 'cases', 'persons_nik')")]
    conn.close()
    data = bytearray(target.read_bytes())
    for page in roots:  # pages are numbered from 1
        start = (page - 1) * page_size
        data[start:start + page_size] = bytes((i * 73 + 41) % 256 for i in range(page_size))
    target.write_bytes(bytes(data))
    try:
        result = integrity(target)
    except sqlite3.DatabaseError:
        result = ["malformed"]
    assert result != ["ok"], "the damage must be real"
    return target


def corrupt_schema(path: Path) -> None:
    """Garbage over the schema on the first page (the 100-byte header stays): opening fails."""
    data = bytearray(Path(path).read_bytes())
    page_size = int.from_bytes(data[16:18], "big") or 65536
    data[100:page_size] = bytes((i * 151 + 7) % 256 for i in range(page_size - 100))
    Path(path).write_bytes(bytes(data))


def temp_files(folder: Path) -> list[str]:
    """Leftover temporary files of ours in a folder (hidden, ending in .tmp or a SQLite side file)."""
    return sorted(p.name for p in Path(folder).iterdir() if p.name.startswith(".") and ".tmp" in p.name)
