"""Issue 12's migration (the offence date may be empty, import batches) and the "Data belum lengkap" group."""

from __future__ import annotations

import sqlite3
from datetime import date

import factories
from conftest import TODAY
from app.models.domain import CaseInput
from app.models.media import is_removable
from app.models.queries import Filter, Queries
from app.models.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from app.models.storage import Database
from app.operations.clients import create_client, update_case


def test_a_file_from_before_keeps_its_records_and_may_then_hold_a_case_without_offence_date(tmp_path):
    path = tmp_path / "lama.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    step = next(i for i, m in enumerate(MIGRATIONS) if m.__name__ == "_v5_excel_import")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for number, migrate in enumerate(MIGRATIONS[:step], 1):
        conn.execute("BEGIN")
        migrate(conn)
        conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    conn.execute("INSERT INTO persons(name, name_sort, name_fold, sex, birth_date, created_at, updated_at)"
                 " VALUES ('Budi', 'budi', 'budi', 'L', '1990-05-15', 'x', 'x')")
    conn.execute("INSERT INTO cases(person_id, client_class, offence_date, created_at, updated_at)"
                 " VALUES (1, 'dewasa', '2023-12-01', 'x', 'x')")
    conn.execute("INSERT INTO programs(person_id, case_id, kind_id, start_date, created_at, updated_at)"
                 " VALUES (1, 1, 1, '2025-01-01', 'x', 'x')")
    conn.close()
    db = Database.open(path, backup_before_migrate=False)
    try:
        assert db.user_version() == SCHEMA_VERSION
        assert db.query("SELECT offence_date, class_basis, offence_text FROM cases") == [
            {"offence_date": "2023-12-01", "class_basis": "offence", "offence_text": ""}]
        assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with db.transaction() as c:
            c.execute("INSERT INTO cases(person_id, client_class, offence_date, created_at, updated_at)"
                      " VALUES (1, 'dewasa', NULL, 'x', 'x')")
            c.execute("INSERT INTO import_batches(at, file_name, file_sha256, rows) VALUES ('x', 'a.xlsx', 'h', 1)")
    finally:
        db.close()


def test_incomplete_records_are_listed_and_leave_the_group_once_filled_in(db):
    officer = factories.officer(db)
    program = factories.program(db, "ASIM", officer, start_date=date(2025, 3, 1), end_date=date(2026, 3, 1))
    result = create_client(db, factories.person("Bayu", "3522010106080001", "L", date(2008, 6, 1)),
                           CaseInput(offence_category_id=factories.category_id(db, "Pencurian")), program,
                           today=TODAY)
    q = Queries(db)
    incomplete = Filter().with_group("due", "incomplete")
    assert q.total(incomplete, TODAY) == 1
    assert q.missing_of(result.id) == ["tanggal tindak pidana", "lama pidana",
                                       "dewasa/anak (dari umur saat mulai bimbingan, perlu dicek)"]
    case = q.cases_of(result.id)[0]
    assert (case["client_class"], case["class_basis"]) == ("anak", "age_at_start")  # 16 at the start
    update_case(db, case["id"], factories.case(db, offence_date=date(2024, 6, 1), verdict_date=date(2024, 9, 1),
                                                  detention_start=date(2024, 6, 2)),
                today=TODAY)
    assert q.missing_of(result.id) == [] and q.total(incomplete, TODAY) == 0
    assert q.due_counts(("incomplete",), Filter(), TODAY) == {"incomplete": 0}


def test_removable_media_paths():
    assert is_removable("/media/petugas/USB/laporan.xlsx")
    assert is_removable("/run/media/petugas/USB/laporan.xlsx")
    assert not is_removable("/home/petugas/laporan.xlsx")
