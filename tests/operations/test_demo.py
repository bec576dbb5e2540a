"""The demo generator: realistic, consistent, reproducible, and safe for the file it replaces."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import zipfile
from datetime import date
from pathlib import Path

import pytest
from conftest import PASSWORD, TODAY
from demo_records import demo_records

from app.models.dates import age_on
from app.models.domain import DETENTION_AUTHORITIES, REGISTER_CLASSES
from app.models.errors import OperationError, UserInputError
from app.models.identity import check_nik, validate_nip
from app.models.names import fold_name, sort_key
from app.models.queries import DUE_GROUPS_BAPAS, DUE_GROUPS_LAPAS, FACT_COLUMNS, Filter, Queries
from app.models.schema import (
    APPLICATION_ID,
    DATE_KEYS,
    PROGRAM_KINDS,
    PROGRAM_STATUSES,
    SCHEMA_VERSION,
)
from app.models.storage import Database
from app.models.validation import client_class_for
from app.operations.auth import check_password
from app.operations.checks import check_database
from app.operations.clients import format_register
from app.operations.demo import CHUNK_CLIENTS, OPERATION, TEMP_SUFFIX, generate_demo
from app.operations.auth import login
from membership import assert_counts_equal_rows
from app.operations.index import reindex_persons
from app.operations.sentence import recompute_case

CLIENTS = 400


def _make(path: Path, clients: int = CLIENTS, **kw) -> dict:
    kw.setdefault("today", TODAY)
    kw.setdefault("password", PASSWORD)
    return generate_demo(path, clients=clients, **kw)


@pytest.fixture(scope="module")
def bapas(tmp_path_factory):
    """One Bapas demo shared by the read-only tests of this module."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    counts = _make(path, seed=7)
    db = Database.open(path)
    login(db, PASSWORD)
    yield db, counts
    db.close()


@pytest.fixture(scope="module")
def lapas(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "lapas.sqlite3"
    counts = _make(path, seed=3, unit_kind="lapas")
    db = Database.open(path)
    login(db, PASSWORD)
    yield db, counts
    db.close()


# -- what the file holds ------------------------------------------------------------------

def test_counts_match_the_file(bapas):
    db, counts = bapas
    assert counts["clients"] == counts["persons"] == CLIENTS
    for table in ("persons", "cases", "programs", "officers", "remissions", "status_changes", "wajib_lapor"):
        assert db.scalar(f"SELECT count(*) FROM {table}") == counts[table], table
    assert counts["cases"] >= CLIENTS and counts["programs"] >= CLIENTS * 0.9
    assert counts["officers"] == 5  # one PK per 120 clients, at least five
    assert counts["wajib_lapor"] > counts["programs"]


def test_the_file_says_it_is_a_demo(bapas):
    db, _ = bapas
    assert db.get_setting("demo") is True
    office = db.get_setting("office")
    assert office["unit_kind"] == "bapas" and office["unit_name"] == "Bapas Kelas II Contoh"
    assert office["operator_name"] == "Operator Demo"
    validate_nip(office["head_nip"])
    assert db.get_setting("first_run_done") is True
    assert db.get_setting("preferences")["language"] == "id"
    assert check_password(db, PASSWORD)
    assert not check_password(db, PASSWORD + "x")


def _ids(ranges: list[list[int]]) -> list[int]:
    return [i for first, last in ranges for i in range(first, last + 1)]


def test_one_audit_entry_lists_every_record_the_demo_made(bapas):
    db, counts = bapas
    entries = db.query("SELECT * FROM audit_log ORDER BY id")
    demo = [e for e in entries if e["operation"] == OPERATION]
    assert len(demo) == 1
    # The demo's entry is the file's only one: its password is stored within it (auth.install_password).
    assert [e["operation"] for e in entries] == [OPERATION]
    entry = demo[0]
    assert (entry["entity"], entry["operator"]) == ("database", "Operator Demo")
    after = json.loads(entry["after"])
    assert (after["seed"], after["persons"], after["today"]) == (7, counts["persons"], TODAY.isoformat())
    made = _rows_made(db)
    assert {"persons", "cases", "programs", "officers", "remissions", "status_changes", "wajib_lapor"} <= set(made)
    _assert_ranges_are(after["created"], made)
    assert after["created"]["persons"] == [[1, CLIENTS]]


def _rows_made(db: Database) -> dict[str, list[int]]:
    """Every table holding rows the demo wrote, with those rows' ids, read from the tables
    themselves; the schema's seed lists are not the demo's."""
    made = {}
    for (table,) in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                    " AND name NOT LIKE 'sqlite_%' ORDER BY name"):
        if table not in ("settings", "audit_log", "program_kinds", "offence_categories"):
            ids = [r for (r,) in db.conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid")]
            if ids:
                made[table] = ids
    return made


def _assert_ranges_are(created: dict[str, list[list[int]]], made: dict[str, list[int]]) -> None:
    assert {table: _ids(ranges) for table, ranges in created.items()} == made
    for ranges in created.values():
        # Ranges of consecutive ids: in order, never touching or overlapping.
        assert all(a[0] <= a[1] and a[1] + 1 < b[0] for a, b in itertools.pairwise(ranges))


def test_the_created_ranges_skip_the_ids_that_were_removed(tmp_path):
    # In this small demo a status is missing and given to a program whose status rows
    # are replaced, so some ids are gone: the ranges must go around them.
    path = tmp_path / "kecil.sqlite3"
    _make(path, clients=30, seed=5, workers=0)
    db = Database.open(path)
    login(db, PASSWORD)
    try:
        after = json.loads(db.scalar("SELECT after FROM audit_log WHERE operation = ?", (OPERATION,)))
        assert any(len(ranges) > 1 for ranges in after["created"].values()), "this demo no longer has a gap"
        _assert_ranges_are(after["created"], _rows_made(db))
    finally:
        db.close()


def test_check_database_finds_no_problems(bapas):
    db, _ = bapas
    assert check_database(db) == []


def test_every_program_kind_and_status_appears(bapas):
    db, _ = bapas
    kinds = {code for (code,) in db.conn.execute(
        "SELECT DISTINCT k.code FROM programs p JOIN program_kinds k ON k.id = p.kind_id")}
    assert kinds == {k[0] for k in PROGRAM_KINDS}
    statuses = {s for (s,) in db.conn.execute("SELECT DISTINCT status FROM programs")}
    assert statuses == set(PROGRAM_STATUSES)


def test_childrens_programs_only_for_children(bapas):
    db, _ = bapas
    wrong = db.scalar("SELECT count(*) FROM programs p JOIN program_kinds k ON k.id = p.kind_id"
                      " JOIN cases c ON c.id = p.case_id WHERE k.child_only = 1 AND c.client_class <> 'anak'")
    assert wrong == 0


def test_adults_and_children_by_age_at_the_offence(bapas):
    db, _ = bapas
    classes = set()
    for klass, birth, offence in db.conn.execute(
            "SELECT c.client_class, p.birth_date, c.offence_date FROM cases c JOIN persons p ON p.id = c.person_id"):
        birth, offence = date.fromisoformat(birth), date.fromisoformat(offence)
        assert client_class_for(birth, offence) == klass
        if klass == "anak":
            assert 12 <= age_on(birth, offence) < 18
        classes.add(klass)
    assert classes == {"dewasa", "anak"}


def test_every_nik_agrees_with_the_person_and_is_unique(bapas):
    db, _ = bapas
    niks = []
    for nik, birth, sex, passport, nationality in db.conn.execute(
            "SELECT nik, birth_date, sex, passport, nationality FROM persons"):
        if nik is None:
            assert passport and nationality != "Indonesia"  # foreigners: passport and nationality
            continue
        assert len(nik) == 16 and nik.isdigit()
        assert check_nik(nik, date.fromisoformat(birth), sex) == []
        niks.append(nik)
    assert len(niks) == len(set(niks))


def test_name_keys_are_those_of_the_names_module(bapas):
    db, _ = bapas
    for name, name_sort, name_fold in db.conn.execute("SELECT name, name_sort, name_fold FROM persons"):
        assert name_sort == sort_key(name) and name_fold == fold_name(name), name


def test_names_look_indonesian(bapas):
    db, _ = bapas
    names = [n for (n,) in db.conn.execute("SELECT name FROM persons")]
    assert sum(" bin " in n or " binti " in n for n in names) > 0
    assert sum(len(n.split()) >= 2 for n in names) > len(names) / 2
    assert db.scalar("SELECT count(*) FROM persons WHERE alias <> ''") > 0
    assert db.scalar("SELECT count(DISTINCT religion) FROM persons") >= 3
    assert db.scalar("SELECT count(*) FROM persons WHERE address LIKE '%Kec. %'") == db.scalar(
        "SELECT count(*) FROM persons WHERE nik IS NOT NULL")


def test_officers_have_valid_nips_and_a_couple_left(bapas):
    db, _ = bapas
    officers = db.query("SELECT * FROM officers")
    for officer in officers:
        assert validate_nip(officer["nip"]).kind == officer["nip_kind"]
        assert officer["rank"]
    assert len({o["nip"] for o in officers}) == len(officers)
    inactive = [o for o in officers if not o["active"]]
    assert len(inactive) == 2 and all(o["deactivated_on"] for o in inactive)
    # An active program is supervised by an active PK (or by none yet).
    assert db.scalar("SELECT count(*) FROM programs p JOIN officers o ON o.id = p.officer_id"
                     " WHERE p.status = 'aktif' AND o.active = 0") == 0


def test_stored_dates_are_what_recompute_case_stores(bapas):
    db, _ = bapas
    columns = [*(f"calc_{k}" for k in DATE_KEYS), *DATE_KEYS, "parole_eligible", "conditional_leave_eligible",
               "calc_note", "official_differs"]
    select = f"SELECT id, {', '.join(columns)} FROM cases ORDER BY id"
    before = db.conn.execute(select).fetchall()
    db.conn.execute("BEGIN")
    try:
        for (case_id,) in db.conn.execute("SELECT id FROM cases").fetchall():
            recompute_case(db, case_id, strict=False)
        after = db.conn.execute(select).fetchall()
    finally:
        db.conn.execute("ROLLBACK")
    assert after == before
    # The demo shows the features: overrides and official dates that differ appear.
    assert db.scalar("SELECT count(*) FROM cases WHERE sentence_kind = 'term' AND expiry IS NOT NULL") > CLIENTS / 2
    assert db.scalar("SELECT count(*) FROM official_dates") > 0


def test_table_columns_are_what_reindex_makes(bapas):
    db, _ = bapas
    select = "SELECT * FROM persons ORDER BY id"
    facts = ("SELECT person_id, case_id, program_id, kind_id, officer_id, status, register_class"
             " FROM facts ORDER BY 1, 2, 3")
    before, facts_before = db.conn.execute(select).fetchall(), db.conn.execute(facts).fetchall()
    db.conn.execute("BEGIN")
    try:
        reindex_persons(db.conn, None)
        after, facts_after = db.conn.execute(select).fetchall(), db.conn.execute(facts).fetchall()
    finally:
        db.conn.execute("ROLLBACK")
    assert after == before and facts_after == facts_before


def test_programs_follow_the_case_dates(bapas):
    db, _ = bapas
    rows = db.query("SELECT p.*, k.code, c.parole_date, c.parole_supervision_end, c.conditional_leave_start,"
                    " c.conditional_leave_end, c.leave_before_release_start, c.expiry, c.verdict_date"
                    " FROM programs p JOIN program_kinds k ON k.id = p.kind_id JOIN cases c ON c.id = p.case_id")
    today = TODAY.isoformat()
    for p in rows:
        assert p["start_date"] <= p["end_date"] and p["start_date"] <= today
        assert p["sk_date"] <= p["start_date"] and p["sk_date"] <= today
        if p["code"] == "PB":
            assert (p["start_date"], p["end_date"]) == (p["parole_date"], p["parole_supervision_end"])
        elif p["code"] == "CB":
            assert (p["start_date"], p["end_date"]) == (p["conditional_leave_start"], p["conditional_leave_end"])
        elif p["code"] == "CMB":
            assert (p["start_date"], p["end_date"]) == (p["leave_before_release_start"], p["expiry"])
        if p["status"] == "aktif":
            assert p["status_date"] is None and p["end_date"] >= today
        else:
            assert p["start_date"] <= p["status_date"] <= today
            assert p["status_letter"] and p["status_reason"]


def test_every_status_change_is_recorded(bapas):
    db, _ = bapas
    programs = {r["id"]: r for r in db.query("SELECT * FROM programs")}
    changes = db.query("SELECT * FROM status_changes")
    assert len(changes) == sum(1 for p in programs.values() if p["status"] != "aktif")
    for change in changes:
        p = programs[change["program_id"]]
        assert (change["status"], change["date"], change["letter"], change["reason"]) == (
            p["status"], p["status_date"], p["status_letter"], p["status_reason"])


def test_register_numbers_follow_the_pattern_and_are_unique(bapas):
    db, _ = bapas
    rows = db.query("SELECT p.register_number, p.register_year, p.register_seq, p.start_date, k.code"
                    " FROM programs p JOIN program_kinds k ON k.id = p.kind_id")
    assert len({r["register_number"] for r in rows}) == len(rows)
    for r in rows:
        on = date.fromisoformat(r["start_date"])
        assert r["register_year"] == on.year
        assert r["register_number"] == format_register("{seq}/{program}/{year}", r["register_seq"], r["code"],
                                                       on.year, on.month)
    # One chunk: each program's numbers run 1, 2, 3 ... within a year.
    seqs = [r["register_seq"] for r in rows if r["code"] == "PB" and r["register_year"] == TODAY.year]
    assert sorted(seqs) == list(range(1, len(seqs) + 1))


def test_verdicts_match_the_offence(bapas):
    db, _ = bapas
    rows = db.query("SELECT c.*, oc.name AS offence FROM cases c JOIN offence_categories oc"
                    " ON oc.id = c.offence_category_id")
    for c in rows:
        assert c["articles"].startswith("Pasal ")
        if c["verdict_number"]:
            assert c["verdict_date"] and c["verdict_date"] <= TODAY.isoformat()
            assert not c["verdict_number"].startswith("#")
            if c["client_class"] == "anak" and c["court"].startswith("PN"):
                assert "Pid.Sus-Anak" in c["verdict_number"] or "Pen.Div" in c["verdict_number"]
        if c["offence"] == "Narkotika (pengedar/bandar)":
            assert "UU 35/2009" in c["articles"]
        if c["detention_start"]:
            assert c["offence_date"] <= c["detention_start"] <= TODAY.isoformat()
    assert len({c["verdict_number"] for c in rows if c["verdict_number"]}) == sum(
        1 for c in rows if c["verdict_number"])


def test_remissions_are_granted_on_holidays_while_inside(bapas):
    db, _ = bapas
    rows = db.query("SELECT r.*, c.client_class, c.detention_start, p.religion FROM remissions r"
                    " JOIN cases c ON c.id = r.case_id JOIN persons p ON p.id = c.person_id")
    assert rows
    for r in rows:
        granted = date.fromisoformat(r["granted"])
        assert (granted - date.fromisoformat(r["detention_start"])).days >= 180
        if r["client_class"] == "anak":
            assert r["kind"] == "pmp"
        elif r["kind"] == "umum":
            assert (granted.month, granted.day) == (8, 17)
        elif r["religion"] in ("Kristen", "Katolik"):
            assert (granted.month, granted.day) == (12, 25)


def test_reporting_history_stays_within_the_program(bapas):
    db, _ = bapas
    outside = db.scalar("SELECT count(*) FROM wajib_lapor w JOIN programs p ON p.id = w.program_id"
                        " WHERE w.report_date < p.start_date OR w.report_date > p.end_date OR w.report_date > ?",
                        (TODAY.isoformat(),))
    assert outside == 0
    # Some months are missed.
    active = db.query("SELECT p.id, p.start_date, count(w.id) AS n FROM programs p"
                      " JOIN wajib_lapor w ON w.program_id = p.id WHERE p.status = 'aktif'"
                      " AND p.start_date < date(?, '-13 months') GROUP BY p.id", (TODAY.isoformat(),))
    assert active and any(r["n"] < 12 for r in active)


def test_group_counts_equal_the_members_computed_from_the_tables(bapas):
    db, _ = bapas
    q = Queries(db)
    for dimension in FACT_COLUMNS:
        assert q.group_counts(dimension, today=TODAY), dimension
    for groups in ({}, {"kind": q.kind_ids()["PB"]}, {"status": "selesai"}, {"age": "anak"}):
        assert_counts_equal_rows(db, groups, False, TODAY)
    for group, n in q.due_counts(DUE_GROUPS_BAPAS, today=TODAY).items():
        assert len(q.person_ids(Filter(groups=(("due", group),)), today=TODAY)) == n, group
    assert q.total(today=TODAY) == CLIENTS


def test_a_lapas_demo_has_every_register_class(lapas):
    db, _ = lapas
    assert check_database(db) == []
    classes = {c for (c,) in db.conn.execute("SELECT DISTINCT register_class FROM cases")}
    assert set(REGISTER_CLASSES) <= classes
    authorities = {a for (a,) in db.conn.execute(
        "SELECT DISTINCT detention_authority FROM cases WHERE sentence_kind = 'none'")}
    assert authorities == set(DETENTION_AUTHORITIES)
    assert db.scalar("SELECT count(*) FROM cases WHERE sentence_kind = 'none' AND verdict_date IS NOT NULL"
                     " AND detention_authority IN ('penyidik', 'penuntut_umum')") == 0
    assert db.get_setting("office")["unit_kind"] == "lapas"
    q = Queries(db)
    for value, n in q.group_counts("class", today=TODAY).items():
        assert len(q.person_ids(Filter(groups=(("class", value),)), today=TODAY)) == n
    for group, n in q.due_counts(DUE_GROUPS_LAPAS, today=TODAY).items():
        assert len(q.person_ids(Filter(groups=(("due", group),)), today=TODAY)) == n, group


@pytest.mark.parametrize("unit", ["rutan", "lpka"])
def test_other_units_are_consistent(tmp_path, unit):
    path = tmp_path / f"{unit}.sqlite3"
    _make(path, clients=250, seed=11, unit_kind=unit)
    db = Database.open(path)
    login(db, PASSWORD)
    try:
        assert check_database(db) == []
        if unit == "lpka":
            assert db.scalar("SELECT count(*) FROM cases WHERE client_class <> 'anak'") == 0
    finally:
        db.close()


# -- reproducible ---------------------------------------------------------------------------

def test_same_seed_and_today_give_the_same_records_but_not_the_same_salt(tmp_path):
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    _make(first, clients=150, seed=42)
    _make(second, clients=150, seed=42)
    assert demo_records(first) == demo_records(second)
    # A random salt each time, as for real data: no precomputed guess fits every demo.
    auths = []
    for path in (first, second):
        db = Database.open(path)
        login(db, PASSWORD)
        try:
            auths.append(db.get_setting("auth"))
            assert check_password(db, PASSWORD)
        finally:
            db.close()
    assert auths[0] != auths[1]


def test_another_seed_or_today_gives_other_records(tmp_path):
    base, seed, day = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3", tmp_path / "c.sqlite3"
    _make(base, clients=150, seed=42)
    _make(seed, clients=150, seed=43)
    _make(day, clients=150, seed=42, today=date(2026, 6, 1))
    records = [demo_records(p) for p in (base, seed, day)]
    assert records[0]["persons"] != records[1]["persons"] and records[0]["persons"] != records[2]["persons"]
    assert records[1]["persons"] != records[2]["persons"]


@pytest.mark.slow
def test_worker_processes_make_the_same_file(tmp_path):
    """Chunks made by worker processes equal chunks made in this process."""
    clients = 2 * CHUNK_CLIENTS + 150
    alone, helped = tmp_path / "alone.sqlite3", tmp_path / "helped.sqlite3"
    _make(alone, clients=clients, seed=9, workers=0)
    _make(helped, clients=clients, seed=9, workers=2)
    assert demo_records(alone) == demo_records(helped)
    db = Database.open(helped)
    try:
        assert check_database(db) == []
        niks = db.scalar("SELECT count(DISTINCT nik) FROM persons WHERE nik IS NOT NULL")
        assert niks == db.scalar("SELECT count(*) FROM persons WHERE nik IS NOT NULL")
        assert db.scalar("SELECT count(DISTINCT register_number) FROM programs") == db.scalar(
            "SELECT count(*) FROM programs")
    finally:
        db.close()


# -- the file it replaces -----------------------------------------------------------------------

def _file_with_data(db) -> None:
    from factories import person

    from app.operations.clients import create_client
    create_client(db, person(), today=TODAY)


def _backups(path: Path) -> list[Path]:
    from app.models.paths import backup_dir_for

    folder = backup_dir_for(path)
    return sorted(folder.iterdir()) if folder.is_dir() else []


def _refused(path: Path, error: type, code: str, **kw) -> str:
    """Run the demo onto ``path``, expect the refusal, and check nothing changed; the message."""
    before = path.read_bytes()
    backups = _backups(path)
    kw.setdefault("clients", 20)
    with pytest.raises(error) as caught:
        _make(path, **kw)
    assert caught.value.code == code
    assert path.read_bytes() == before
    assert _backups(path) == backups
    assert not Path(str(path) + TEMP_SUFFIX).exists()
    return caught.value.message


def test_real_data_is_refused_without_replace_real_data(db, db_path):
    _file_with_data(db)
    db.close()
    for replace in (False, True):
        message = _refused(db_path, UserInputError, "real_data", replace=replace)
        assert "sudah berisi data nyata" in message and "--replace-real-data" in message


def test_real_data_needs_its_own_password(db, db_path):
    _file_with_data(db)
    db.close()
    message = _refused(db_path, UserInputError, "wrong_password", replace_real_data=True,
                       password="kata-sandi-lain-1")
    assert message.startswith("Kata sandi salah") and "kata-sandi-lain-1" not in message


def test_real_data_is_backed_up_before_it_is_replaced(db, db_path):
    _file_with_data(db)
    db.close()
    result = _make(db_path, clients=50, replace_real_data=True)
    kept = Path(result["backup"])
    assert kept.is_file() and kept != db_path and kept in _backups(db_path)
    old = Database.open(kept, readonly=True)
    try:
        assert old.scalar("SELECT name FROM persons") == "Budi Santoso"
        assert old.get_setting("demo") is None
    finally:
        old.close()
    new = Database.open(db_path)
    try:
        assert new.get_setting("demo") is True and new.scalar("SELECT count(*) FROM persons") == 50
        assert check_password(new, PASSWORD)
    finally:
        new.close()


def test_a_demo_is_replaced_only_with_replace_and_its_own_password(tmp_path):
    path = tmp_path / "demo.sqlite3"
    _make(path, clients=20, seed=1)
    message = _refused(path, UserInputError, "has_data", seed=2)
    assert "sudah berisi data demo" in message and "--replace" in message
    _refused(path, UserInputError, "wrong_password", seed=2, replace=True, password="kata-sandi-lain-1")
    result = _make(path, clients=30, seed=2, replace=True)
    assert result["backup"] is None and _backups(path) == []  # made-up data is not backed up
    assert sqlite3.connect(path).execute("SELECT count(*) FROM persons").fetchone() == (30,)


def _sqlite_file(path: Path, application_id: int = 0, user_version: int = 0) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE catatan (isi TEXT)")
    conn.execute("INSERT INTO catatan VALUES ('milik program lain')")
    conn.execute(f"PRAGMA application_id = {application_id}")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    _sqlite_file(path, APPLICATION_ID, SCHEMA_VERSION + 1)


@pytest.mark.parametrize(("make", "code", "words"), [
    (lambda p: p.write_text("bukan basis data", encoding="utf-8"), "not_database", "bukan basis data Rekam UPT"),
    (lambda p: _sqlite_file(p, application_id=0x1234), "foreign", "milik program lain"),
    (_newer, "newer", "versi Rekam UPT yang lebih baru"),
])
def test_files_that_are_never_replaced(tmp_path, make, code, words):
    path = tmp_path / "catatan.sqlite3"
    make(path)
    for flags in ({}, {"replace": True}, {"replace_real_data": True}):
        message = _refused(path, UserInputError, code, **flags)
        assert words in message and "tidak diganti" in message


def test_a_damaged_database_is_not_replaced(db, db_path):
    _file_with_data(db)
    db.close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # page 1's schema b-tree, after a header that still says Rekam UPT
    db_path.write_bytes(bytes(data))
    message = _refused(db_path, OperationError, "corrupt", replace_real_data=True)
    assert "rusak" in message and "rekam-upt restore" in message


def test_a_file_without_its_password_record_is_not_replaced(db, db_path):
    _file_with_data(db)
    db.close()
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM settings WHERE key = 'auth'")
    conn.commit()
    conn.close()
    message = _refused(db_path, OperationError, "no_password", replace_real_data=True)
    assert "kata sandi" in message and "rekam-upt restore" in message


def test_a_blank_or_missing_file_needs_no_replace(tmp_path, db_path):
    Database.open(db_path, create=True).close()  # a first start that stopped before the password
    result = _make(db_path, clients=20)
    assert result["backup"] is not None and Path(result["backup"]) in _backups(db_path)
    empty = tmp_path / "kosong.sqlite3"
    empty.touch()
    assert _make(empty, clients=20)["backup"] is None
    assert _make(tmp_path / "baru.sqlite3", clients=20)["backup"] is None
    begun = tmp_path / "mulai.sqlite3"  # a first start killed after its header, before its tables
    conn = sqlite3.connect(begun)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    assert _make(begun, clients=20)["backup"] is None
    assert sqlite3.connect(begun).execute("SELECT count(*) FROM persons").fetchone() == (20,)


def test_a_stale_temporary_file_is_removed(tmp_path):
    path = tmp_path / "demo.sqlite3"
    stale = Path(str(path) + TEMP_SUFFIX)
    stale.write_bytes(b"left by a run that was killed")
    Path(str(stale) + "-journal").write_bytes(b"x")
    _make(path, clients=20)
    assert not stale.exists() and not Path(str(stale) + "-journal").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["demo.sqlite3"]


def test_a_failure_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "demo.sqlite3"
    _make(path, clients=30, seed=1)
    before = path.read_bytes()
    from app.operations.demo import writer

    def broken(*args, **kwargs):
        raise RuntimeError("disk yang rusak")

    monkeypatch.setattr(writer, "reindex_persons", broken)
    with pytest.raises(RuntimeError):
        _make(path, clients=30, seed=2, replace=True)
    assert path.read_bytes() == before
    assert not Path(str(path) + TEMP_SUFFIX).exists()


# The child stops (waits on its stdin) at a progress report and is killed there: after
# the first chunk is written, after the last, and once the temporary file is committed
# but not yet renamed.  Stopping there, not after a guessed delay, is what makes every
# kill land mid-build however fast the machine is.
KILL_AT = (1, 90, 97)


@pytest.mark.slow
def test_killed_at_any_moment_the_file_is_old_or_whole(tmp_path):
    """A process killed mid-build leaves the old file, intact; the next run cleans up."""
    path = tmp_path / "demo.sqlite3"
    _make(path, clients=30, seed=1)
    before = path.read_bytes()
    script = textwrap.dedent(f"""
        import sys
        from datetime import date
        from pathlib import Path
        from app.operations.demo import generate_demo

        def progress(done, total):
            if done >= int(sys.argv[1]):
                print("at", done, flush=True)
                sys.stdin.readline()  # wait here for the kill

        if __name__ == "__main__":
            generate_demo(Path({str(path)!r}), clients={2 * CHUNK_CLIENTS + 100}, seed=2,
                          today=date(2026, 11, 22), password={PASSWORD!r}, replace=True, workers=0,
                          progress=progress)
            print("selesai", flush=True)
    """)
    runner = tmp_path / "run_demo.py"
    runner.write_text(script, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for stop in KILL_AT:
        child = subprocess.Popen([sys.executable, str(runner), str(stop)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert child.stdout is not None and child.stderr is not None
        said = child.stdout.readline().split()
        child.kill()
        child.wait()
        err = child.stderr.read().decode("utf-8", "replace")
        for stream in (child.stdin, child.stdout, child.stderr):
            stream.close()  # type: ignore[union-attr]
        assert said[:1] == [b"at"] and int(said[1]) >= stop, err
        assert Path(str(path) + TEMP_SUFFIX).exists()  # killed mid-build: its temporary file is there
        assert path.read_bytes() == before
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            conn.close()
    _make(path, clients=30, seed=3, replace=True)
    assert not Path(str(path) + TEMP_SUFFIX).exists()


# -- the installed program -------------------------------------------------------------------------

@pytest.mark.slow
def test_the_wheel_carries_the_vocabulary_and_an_install_reads_it(tmp_path):
    """Built as a wheel and installed elsewhere (not editable), the demo still finds its data."""
    repo = Path(__file__).resolve().parents[2]
    data = sorted(p.name for p in (repo / "app/operations/demo/data").glob("*.json"))
    assert data
    # From a clean copy: a checkout's stale *.egg-info/SOURCES.txt would add files the
    # package data does not name, and the build would leave its build/ in the checkout.
    source = tmp_path / "source"
    shutil.copytree(repo, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "*.egg-info", "build", "dist", "__pycache__", ".*_cache", "out", "screens"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                            "-w", str(tmp_path / "dist"), str(source)], capture_output=True, text=True, timeout=600,
                           check=False, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("rekam_upt-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {f"app/operations/demo/data/{name}" for name in data} <= names
    target = tmp_path / "installed"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)  # what pip install puts in site-packages
    probe = ("import sys, app.operations.demo.vocabulary as v; assert v.__file__.startswith(sys.argv[1]);"
             " print(len(v.CATEGORIES), len(v.REGENCIES))")
    # PYTHONPATH comes before the editable install's finder, so the copy in ``target`` is imported.
    ran = subprocess.run([sys.executable, "-c", probe, str(target)], capture_output=True, text=True,
                         timeout=120, check=False, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(target)})
    assert ran.returncode == 0, ran.stderr
    categories, regencies = map(int, ran.stdout.split())
    assert categories == len(json.loads((repo / "app/operations/demo/data/offences.json").read_text())["categories"])
    assert regencies > 40


# -- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize("kw", [
    {"clients": 0}, {"clients": 1_000_001}, {"unit_kind": "kantor"}, {"password": "pendek"},
    {"today": date(1999, 1, 1)},
])
def test_bad_arguments_are_refused(tmp_path, kw):
    path = tmp_path / "demo.sqlite3"
    args = {"clients": 10, **kw}
    with pytest.raises(UserInputError):
        _make(path, **args)
    assert not path.exists()
