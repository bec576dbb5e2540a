"""A file from before the wajib lapor migration, with visits, made the way that version made them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.models.schema import APPLICATION_ID, MIGRATIONS, _v4_wajib_lapor

# The migrations before the wajib lapor one (the lead renumbers at merge: never a literal).
BEFORE = MIGRATIONS.index(_v4_wajib_lapor)
VISITS = ("2026-06-03", "2026-07-02", "2026-09-04", "2026-10-06", "2026-11-03")


def file_before_wajib_lapor(path: Path, clients: int = 3) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("BEGIN")
    for step in MIGRATIONS[:BEFORE]:
        step(conn)
    conn.execute(f"PRAGMA user_version = {BEFORE}")
    at = "2026-01-05T09:00:00"
    conn.execute("INSERT INTO officers(name, name_sort, nip, created_at, updated_at)"
                 " VALUES ('Sari Dewi', 'sari dewi', '198503122010012001', ?, ?)", (at, at))
    for n in range(1, clients + 1):
        conn.execute("INSERT INTO persons(id, name, name_sort, name_fold, sex, birth_date, created_at, updated_at)"
                     " VALUES (?, ?, ?, ?, 'L', '1990-05-15', ?, ?)",
                     (n, f"Klien {n}", f"klien {n}", f"klien {n}", at, at))
        conn.execute("INSERT INTO cases(id, person_id, client_class, offence_date, created_at, updated_at)"
                     " VALUES (?, ?, 'dewasa', '2023-12-01', ?, ?)", (n, n, at, at))
        conn.execute("INSERT INTO programs(id, person_id, case_id, kind_id, register_number, start_date, end_date,"
                     " officer_id, created_at, updated_at) VALUES (?, ?, ?, 1, ?, '2025-12-21', '2027-12-01', 1, ?, ?)",
                     (n, n, n, f"{n}/PB/2025", at, at))
        conn.execute("INSERT INTO facts(person_id, case_id, program_id, kind_id, officer_id, status, age_group,"
                     " start_date, end_date) VALUES (?, ?, ?, 1, 1, 'aktif', 'dewasa', '2025-12-21', '2027-12-01')",
                     (n, n, n))
        for day in VISITS[: 2 + n]:
            conn.execute("INSERT INTO wajib_lapor(program_id, report_date, officer_id, note, created_at)"
                         " VALUES (?, ?, 1, 'hadir', ?)", (n, day, day + "T09:00:00"))
    conn.execute("COMMIT")
    conn.close()
    return path
