"""The printing migration: the one guarantor text becomes name and relationship, programs get the
kind of legal basis they usually rest on, the letterhead lines are seeded, cards start unprinted."""

from __future__ import annotations

import json
import sqlite3

from app.models import schema
from app.models.storage import Database


def _old_file(path):
    conn = sqlite3.connect(path)
    index = schema.MIGRATIONS.index(schema._v3_printing)
    for step in schema.MIGRATIONS[:index]:
        step(conn)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {index}")
    now = "2026-01-01T00:00:00"
    for pid, guarantor in ((1, "Siti Aminah (ibu)"), (2, "Pak Lurah"), (3, "")):
        conn.execute("INSERT INTO persons(id, name, name_sort, name_fold, sex, birth_date, guarantor, created_at,"
                     " updated_at) VALUES (?, 'x', 'x', 'x', 'L', '1990-01-01', ?, ?, ?)", (pid, guarantor, now, now))
        conn.execute("INSERT INTO cases(id, person_id, client_class, offence_date, created_at, updated_at)"
                     " VALUES (?, ?, 'dewasa', '2023-01-01', ?, ?)", (pid, pid, now, now))
    kinds = dict(conn.execute("SELECT code, id FROM program_kinds"))
    for pid, code in ((1, "PB"), (2, "PPW"), (3, "ASIM")):
        conn.execute("INSERT INTO programs(person_id, case_id, kind_id, created_at, updated_at)"
                     " VALUES (?, ?, ?, ?, ?)", (pid, pid, kinds[code], now, now))
    conn.commit()
    conn.close()


def test_an_older_file_gets_the_printing_columns_and_settings(tmp_path):
    path = tmp_path / "lama.sqlite3"
    _old_file(path)
    db = Database.open(path, backup_before_migrate=False)
    try:
        assert db.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        people = db.query("SELECT id, guarantor, guarantor_relation, guarantor_address FROM persons ORDER BY id")
        assert [(p["guarantor"], p["guarantor_relation"], p["guarantor_address"]) for p in people] == [
            ("Siti Aminah", "ibu", ""), ("Pak Lurah", "", ""), ("", "", "")]
        basis = db.query("SELECT k.code, p.basis_kind, p.card_print_count, p.card_printed_at FROM programs p"
                         " JOIN program_kinds k ON k.id = p.kind_id ORDER BY p.id")
        assert [(b["code"], b["basis_kind"], b["card_print_count"], b["card_printed_at"]) for b in basis] == [
            ("PB", "sk_dirjenpas", 0, None), ("PPW", "putusan", 0, None), ("ASIM", "sk_kalapas", 0, None)]
        paper = json.loads(db.scalar("SELECT value FROM settings WHERE key = 'paper'"))
        assert paper["letterhead"][0] == "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA"
        assert ["sk_kabapas", "SK Kepala Bapas"] in paper["basis_kinds"]
    finally:
        db.close()
