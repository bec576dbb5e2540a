"""A version-1 file, as the first program wrote it, upgraded through every migration since.

Each migration runs in its own transaction after a backup (app/models/storage.py); here a
file at schema 1 with records of every kind the first version kept is opened by today's
program, and every record it held must still be there, field for field, with the new
columns at their defaults and the derived rows (groups, reporting) rebuilt from them.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from app.models.backup import list_backups
from app.models.queries import Filter, Queries
from app.models.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

TODAY = date(2026, 11, 22)
AT = "2025-01-05T09:00:00"
# The tables of version 1 whose rows are the unit's records (facts is derived).
RECORDS = ("officers", "persons", "cases", "programs", "status_changes", "remissions", "interruptions",
           "date_overrides", "official_dates", "wajib_lapor", "settings", "audit_log")


def version_1_file(path: Path) -> Path:
    """Schema 1 and the records the first version kept: two officers, three clients, their cases,
    programs (one completed, its status change), a remission, days out, an override, official
    dates, reporting visits, settings and trail entries."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("BEGIN")
    MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    x = conn.execute
    x("INSERT INTO officers(id, name, name_sort, nip, rank, phone, created_at, updated_at) VALUES"
      " (1, 'Sari Dewi, S.H.', 'sari dewi', '198503122010012001', 'Penata (III/c)', '0812', ?, ?),"
      " (2, 'Agus Salim', 'agus salim', '197901022005011003', '', '', ?, ?)", (AT, AT, AT, AT))
    people = ((1, "Budi Santoso", "3522011505900001", "L", "1990-05-15", "Siti Aminah (ibu)"),
              (2, "Siti Rahayu", "3522015708920002", "P", "1992-08-17", ""),
              (3, "Joko Susilo", None, "L", "2008-02-01", "Pak Darmo"))
    for pid, name, nik, sex, born, guarantor in people:
        x("INSERT INTO persons(id, name, name_sort, name_fold, nik, sex, birth_place, birth_date, address,"
          " guarantor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'Bojonegoro', ?, 'Jl. Mawar 3', ?, ?, ?)",
          (pid, name, name.lower(), name.lower(), nik, sex, born, guarantor, AT, AT))
        klass = "anak" if pid == 3 else "dewasa"
        x("INSERT INTO cases(id, person_id, client_class, offence_date, offence_category_id, articles,"
          " verdict_number, verdict_date, sentences, sentence_p30, detention_start, expiry, calc_expiry,"
          " created_at, updated_at) VALUES (?, ?, ?, '2023-12-01', 7, 'Pasal 362 KUHP', ?, '2024-02-20',"
          " '[\"3y\"]', 1080, '2024-03-01', '2027-03-01', '2027-03-01', ?, ?)",
          (pid, pid, klass, f"{pid}/Pid.B/2024/PN Bjn", AT, AT))
    programs = ((1, 1, 1, "PB", "1/PB/2025", "2025-12-21", "2027-12-01", 1, "aktif"),
                (2, 2, 2, "CB", "1/CB/2024", "2024-06-01", "2025-06-01", 2, "selesai"),
                (3, 3, 3, "DIV", "1/DIV/2026", "2026-03-02", "2026-12-31", 1, "aktif"))
    for prog, person, case, code, number, start, end, officer, status in programs:
        x("INSERT INTO programs(id, person_id, case_id, kind_id, sk_number, sk_date, register_number, register_year,"
          " register_seq, start_date, end_date, officer_id, status, created_at, updated_at)"
          " VALUES (?, ?, ?, (SELECT id FROM program_kinds WHERE code = ?), 'PAS-1', ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
          (prog, person, case, code, start, number, int(start[:4]), start, end, officer, status, AT, AT))
    x("UPDATE programs SET status_date = '2025-06-01', status_letter = 'W15-77', status_reason = 'Habis masa'"
      " WHERE id = 2")
    x("INSERT INTO status_changes(program_id, status, date, letter, reason, created_at)"
      " VALUES (2, 'selesai', '2025-06-01', 'W15-77', 'Habis masa', ?)", (AT,))
    x("INSERT INTO remissions(case_id, granted, kind, months, days, sk_number, created_at)"
      " VALUES (1, '2025-08-17', 'umum', 2, 0, 'SK-RU-1', ?)", (AT,))
    x("INSERT INTO interruptions(case_id, start, end, note) VALUES (1, '2024-05-01', '2024-05-10', 'sakit')")
    x("INSERT INTO date_overrides(case_id, key, value, reason, created_at)"
      " VALUES (1, 'two_thirds', '2025-12-20', 'SK Dirjenpas', ?)", (AT,))
    x("INSERT INTO official_dates(case_id, key, value, source) VALUES (1, 'expiry', '2026-12-01', 'Lapas')")
    for program, day in ((1, "2026-01-05"), (1, "2026-02-03"), (3, "2026-04-06")):
        x("INSERT INTO wajib_lapor(program_id, report_date, officer_id, note, created_at) VALUES (?, ?, 1, 'hadir', ?)",
          (program, day, day + "T09:00:00"))
    for pid in (1, 2, 3):
        x("INSERT INTO facts(person_id, case_id, program_id, kind_id, officer_id, status, offence_category_id,"
          " age_group) SELECT p.person_id, p.case_id, p.id, p.kind_id, p.officer_id, p.status, 7, c.client_class"
          " FROM programs p JOIN cases c ON c.id = p.case_id WHERE p.id = ?", (pid,))
    x("INSERT INTO settings(key, value) VALUES ('office', '{\"unit_kind\": \"bapas\", \"unit_name\": \"Bapas Uji\"}'),"
      " ('register_pattern', '\"{seq}/{program}/{year}\"')")
    x("INSERT INTO audit_log(at, operation, entity, entity_id, person_id, operator, os_user, before, after,"
      " prev_hash, hash) VALUES (?, 'tambah klien', 'person', 1, 1, '', 'uji', NULL, '{}', ?, ?)",
      (AT, "0" * 64, "1" * 64))
    conn.execute("COMMIT")
    conn.close()
    return path


def rows(path: Path, table: str, columns: list[str]) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        order = "rowid"
        return conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}").fetchall()
    finally:
        conn.close()


def columns_of(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def test_a_version_1_file_keeps_every_record_through_every_migration(tmp_path):
    from app.models.storage import Database

    path = version_1_file(tmp_path / "versi1.sqlite3")
    old_columns = {t: columns_of(path, t) for t in RECORDS}
    before = {t: rows(path, t, old_columns[t]) for t in RECORDS}
    assert SCHEMA_VERSION == len(MIGRATIONS) > 1

    db = Database.open(path)
    try:
        assert db.user_version() == SCHEMA_VERSION
        q = Queries(db)
        # The groups are rebuilt from the records: the PB and the diversi are active today; the CB ended.
        kinds = q.kind_ids()
        assert set(q.person_ids(Filter((("kind", kinds["PB"]),)), today=TODAY)) == {1}
        assert set(q.person_ids(Filter((("kind", kinds["DIV"]),)), today=TODAY)) == {3}
        assert set(q.person_ids(Filter((("status", "selesai"),)), today=TODAY)) == {2}
        # Wajib lapor counts the visits the first version kept, as reported periods.
        states = {p["start"].isoformat()[:7]: p["state"] for p in q.reporting_periods(1, TODAY)}
        assert states["2026-01"] == "reported" and states["2026-02"] == "reported"
    finally:
        db.close()

    # A backup of the file as it was, before the first migration touched it.
    backups = [b for b in list_backups(path) if b.reason == "migrasi"]
    assert backups and sqlite3.connect(backups[-1].path).execute("PRAGMA user_version").fetchone()[0] == 1
    for table in RECORDS:
        after = rows(path, table, old_columns[table])
        if table == "settings":
            # Later versions add their own rows (the database id, letterhead, reporting): the old ones stay.
            assert set(before[table]) <= set(after), table
        elif table == "persons":
            # The guarantor's relationship moved to a column of its own (printing, issue 11).
            guarantor = old_columns[table].index("guarantor")
            moved = [tuple(v if i != guarantor else None for i, v in enumerate(r)) for r in after]
            kept = [tuple(v if i != guarantor else None for i, v in enumerate(r)) for r in before[table]]
            assert moved == kept
            assert [r[guarantor] for r in after] == ["Siti Aminah", "", "Pak Darmo"]
        else:
            assert after == before[table], table
    relation = rows(path, "persons", ["guarantor_relation"])
    assert relation == [("ibu",), ("",), ("",)]
