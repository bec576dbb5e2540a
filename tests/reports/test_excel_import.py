"""Importing messy registers: exactly what is created, matched, left for a decision and rejected."""

from __future__ import annotations

import json

import pytest

import factories
from conftest import TODAY
from excel_fixtures import MESSY_EXPECTED, SUPARMAN_NIP, convert, messy_register, seed_messy_database, write_rows
from app.models.audit_trail import uncovered_records
from app.models.errors import RekamError
from app.models.excel_queries import ImportQueries
from app.models.queries import Filter, Queries
from app.operations.clients import restore_from_bin
from app.operations.importer import run_import, undo_import
from app.reports.excel_import import read_file
from app.reports.excel_plan import DB, Decisions, make_plan


def parse(db, path, **kw):
    return read_file(path, ImportQueries(db).program_kinds(), today=TODAY, **kw)


def outcomes(plan) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {"create": [], "match": [], "decide": [], "reject": []}
    for rp in plan.rows:
        found[rp.outcome].append(rp.row)
    found["reject"] += [r.row for r in plan.parsed.rejected]
    return {k: sorted(v) for k, v in found.items()}


def counts(db) -> dict[str, int]:
    return {t: db.scalar(f"SELECT COUNT(*) FROM {t} WHERE deleted_at IS NULL")
            for t in ("persons", "cases", "programs")}


def test_a_messy_register_creates_matches_asks_and_rejects_exactly_what_it_should(db, tmp_path):
    seed_messy_database(db)
    parsed = parse(db, messy_register(tmp_path))
    assert parsed.header.row == 3  # under the two merged title rows and a blank one
    plan = make_plan(db, parsed, today=TODAY)
    summary = plan.summary()
    for key in ("rows", "created", "matched", "decide", "rejected", "new"):
        assert summary[key] == MESSY_EXPECTED[key], key
    assert outcomes(plan) == {"create": MESSY_EXPECTED["created_rows"], "match": MESSY_EXPECTED["matched_rows"],
                              "decide": MESSY_EXPECTED["decide_rows"], "reject": MESSY_EXPECTED["rejected_rows"]}
    reasons = {r["row"]: " ".join(r["reasons"]) for r in summary["rejections"]}
    assert "31 Februari 1990" in reasons[7]
    assert "16 digit" in reasons[12]
    assert "sebelum awal bimbingan" in reasons[14]
    assert "tidak dikenal: 'XYZ'" in reasons[15]
    assert summary["officers_missing"] == ["Rahmat Hidayat"]
    assert summary["decisions"][0]["row"] == 11


def test_importing_writes_the_records_of_the_plan_and_the_same_file_twice_changes_nothing(db, tmp_path):
    ids = seed_messy_database(db)
    before = counts(db)
    path = messy_register(tmp_path)
    result = run_import(db, parse(db, path), today=TODAY)
    assert result.info["summary"]["created"] == 4
    after = counts(db)
    assert {k: after[k] - before[k] for k in after} == {"persons": 2, "cases": 3, "programs": 4}
    siti = Queries(db).programs_of(ids["siti"])
    assert [(p["kind_code"], p["start_date"], p["officer_id"]) for p in siti] == [("PB", "2026-01-05", ids["officer"])]
    dewi = db.query("SELECT id FROM persons WHERE nik = '3522016208000003'")[0]["id"]
    programs = Queries(db).programs_of(dewi)
    assert sorted((p["kind_code"], p["status"], p["officer_id"]) for p in programs) == [
        ("ASIM", "selesai", None), ("CB", "aktif", None)]  # the officer is not registered: PK empty
    assert len({p["case_id"] for p in programs}) == 1  # the same offence: the same case
    rina = db.query("SELECT c.client_class, c.class_basis FROM cases c JOIN persons p ON p.id = c.person_id"
                    " WHERE p.nik = '3522015001050004'")[0]
    assert (rina["client_class"], rina["class_basis"]) == ("anak", "kind")
    entries = db.query("SELECT * FROM audit_log WHERE operation = 'impor excel'")
    assert len(entries) == 1
    assert json.loads(entries[0]["after"])["created"]["programs"]
    missing, _ = uncovered_records(db.conn)
    assert missing == {}  # every record the import made has its creating entry

    trail = db.scalar("SELECT COUNT(*) FROM audit_log")
    again = run_import(db, parse(db, path), today=TODAY)
    assert again.info["batch"] is None and again.info["summary"]["created"] == 0
    assert again.info["summary"]["matched"] == 6
    assert counts(db) == after and db.scalar("SELECT COUNT(*) FROM audit_log") == trail


def test_the_officers_decision_makes_the_similar_row_the_same_person_or_a_new_one(db, tmp_path):
    ids = seed_messy_database(db)
    path = messy_register(tmp_path)
    same = make_plan(db, parse(db, path), Decisions(same={11: (DB, ids["budi"])}), today=TODAY)
    assert [r.outcome for r in same.rows if r.row == 11] == ["create"]
    assert next(r for r in same.rows if r.row == 11).person == (DB, ids["budi"])
    new = Decisions(new={11})
    run_import(db, parse(db, path), new, today=TODAY)
    twins = db.query("SELECT nik, duplicate_note FROM persons WHERE name_fold = 'budi santoso' ORDER BY id")
    assert [t["nik"] for t in twins] == ["3522011505900001", "3522011505900009"]
    assert "orang baru" in twins[1]["duplicate_note"]


def test_an_officer_is_found_with_titles_folded_and_created_only_when_asked(db, tmp_path):
    seed_messy_database(db)
    plan = make_plan(db, parse(db, messy_register(tmp_path)), Decisions(create_officers=True), today=TODAY)
    assert plan.new_officers and [v[0] for v in plan.new_officers.values()] == ["Rahmat Hidayat"]
    rows = {r.row: r for r in plan.rows}
    assert rows[5].officer_id == rows[6].officer_id is not None  # "SUPARMAN" and "Drs. Suparman"
    result = run_import(db, parse(db, messy_register(tmp_path)), Decisions(create_officers=True), today=TODAY)
    assert result.changes.officers
    assert db.scalar("SELECT COUNT(*) FROM officers WHERE name = 'Rahmat Hidayat'") == 1


def test_a_match_fills_empty_fields_and_lists_differences_without_overwriting(db, tmp_path):
    ids = seed_messy_database(db)
    path = write_rows(tmp_path / "beda.xlsx", ["Nama", "NIK", "JK", "Tgl Lahir", "Alamat", "Tempat Lahir", "Pekerjaan"],
                      [["Siti Rahma", "3522015203950002", "P", "12/03/1995", "Jl. Mawar 5", "Tuban", "Pedagang"]])
    plan = make_plan(db, parse(db, path), today=TODAY)
    row = plan.rows[0]
    assert row.outcome == "match"
    assert {d.field for d in row.fills} == {"address", "occupation"}
    assert [(d.field, d.current, d.incoming) for d in row.differences] == [("birth_place", "Bojonegoro", "Tuban")]
    run_import(db, parse(db, path), today=TODAY)
    siti = Queries(db).person(ids["siti"])
    assert (siti["address"], siti["occupation"], siti["birth_place"]) == ("Jl. Mawar 5", "Pedagang", "Bojonegoro")
    run_import(db, parse(db, path), Decisions(accept={(2, "persons", "birth_place")}), today=TODAY)
    assert Queries(db).person(ids["siti"])["birth_place"] == "Tuban"


def test_a_whole_import_goes_to_the_bin_as_one_batch_and_comes_back_together(db, tmp_path):
    seed_messy_database(db)
    before = counts(db)
    batch = run_import(db, parse(db, messy_register(tmp_path)), today=TODAY).id
    undo_import(db, batch)
    assert counts(db) == before
    assert Queries(db).everyone() == before["persons"]
    person = db.query("SELECT id FROM persons WHERE deleted_at IS NOT NULL ORDER BY id LIMIT 1")[0]["id"]
    restore_from_bin(db, "person", person)
    assert counts(db)["programs"] == before["programs"] + 4  # Siti's new PB came back with the batch
    with pytest.raises(RekamError):
        undo_import(db, batch)


def test_cancel_midway_leaves_the_database_as_it_was(db, tmp_path):
    seed_messy_database(db)
    before, trail = counts(db), db.scalar("SELECT COUNT(*) FROM audit_log")

    class Stop(Exception):
        pass

    def progress(done, total, text=""):
        if done >= 40:
            raise Stop()

    with pytest.raises(Stop):
        run_import(db, parse(db, messy_register(tmp_path)), today=TODAY, progress=progress)
    assert counts(db) == before and db.scalar("SELECT COUNT(*) FROM audit_log") == trail


def test_sdp_shaped_headers_zeros_and_serial_dates(db, tmp_path):
    officer = factories.officer(db, "Drs. Suparman", SUPARMAN_NIP)
    header = ["RegisterUtama", "NomorRegisterIntegrasi", "Nama", "NIK", "JenisKelamin", "TanggalLahir",
              "JenisIntegrasi", "NomorSKIntegrasi", "TanggalSKIntegrasi", "MasaBimbinganSaatIniAwal",
              "MasaBimbinganSaatIniAkhir", "NamaPK", "NamaPenjamin", "AlamatPenjamin", "PidanaTahun",
              "PidanaBulan", "PidanaHari", "NamaLapas"]
    rows = [["B.I-123/2024", "0", "Agus Salim", "3522011203880007", "LAKI-LAKI", 32214.0, "PB",
             "PAS-1234.PK.05.09 Tahun 2025", 45998, 46010, 46740, "SUPARMAN, S.H.", "Siti", "Jl. Kenanga 3", 3, 6, 0,
             "Lapas Kelas IIA Bojonegoro"]]
    parsed = parse(db, write_rows(tmp_path / "sdp.xlsx", header, rows))
    assert set(parsed.header.mapping.values()) >= {"register_main", "register_number", "sk_number", "sk_date",
                                                    "end_date", "officer", "guarantor", "sentence_years",
                                                    "unit_origin"}
    run_import(db, parsed, today=TODAY)
    person = db.query("SELECT * FROM persons WHERE nik = '3522011203880007'")[0]
    assert (person["birth_date"], person["sex"], person["guarantor"]) == ("1988-03-12", "L", "Siti, Jl. Kenanga 3")
    program = Queries(db).programs_of(person["id"])[0]
    assert (program["sk_date"], program["start_date"], program["end_date"], program["officer_id"]) == (
        "2025-12-07", "2025-12-19", "2027-12-19", officer)
    assert "Register utama: B.I-123/2024" in program["remarks"] and "Lapas Kelas IIA" in program["remarks"]
    case = Queries(db).cases_of(person["id"])[0]
    assert json.loads(case["sentences"]) == ["3y6m"]


def test_a_register_number_taken_or_off_pattern_goes_into_the_remarks(db, tmp_path):
    seed_messy_database(db)
    taken = Queries(db).programs_of(1)[0]["register_number"]
    path = write_rows(tmp_path / "reg.xlsx", ["Nama", "NIK", "Tgl Lahir", "Program", "No. Reg", "Tgl Mulai"], [
        ["Tono", "3522011111800001", "11-11-1980", "CB", taken, "01-06-2026"],
        ["Tini", "3522015111800002", "11-11-1980", "CB", "W15.PAS.PAS9-12", "01-06-2026"],
        ["Tuti", "3522015211800003", "12-11-1980", "CB", "7/CB/2026", "01-06-2026"]])
    run_import(db, parse(db, path), today=TODAY)
    rows = {r["name"]: r for r in db.query(
        "SELECT s.name, p.register_number, p.remarks FROM programs p JOIN persons s ON s.id = p.person_id")}
    assert f"{taken} sudah dipakai" in rows["Tono"]["remarks"] and rows["Tono"]["register_number"] != taken
    assert rows["Tini"]["remarks"] == "No. register lama: W15.PAS.PAS9-12"
    assert (rows["Tuti"]["register_number"], rows["Tuti"]["remarks"]) == ("7/CB/2026", "")


def test_without_offence_date_adult_or_child_comes_from_the_age_at_the_start_and_is_listed_incomplete(db, tmp_path):
    path = write_rows(tmp_path / "umur.xlsx", ["Nama", "NIK", "JK", "Tgl Lahir", "Program", "Tgl Mulai"],
                      [["Bayu", "3522010106080001", "L", "01-06-2008", "ASIM", "01-03-2025"],
                       ["Wati", "-", "P", "02-02-1980", "PB", "01-03-2025"]])
    run_import(db, parse(db, path), today=TODAY)
    case = db.query("SELECT * FROM cases ORDER BY id")[0]
    assert (case["client_class"], case["class_basis"], case["offence_date"]) == ("anak", "age_at_start", None)
    q = Queries(db)
    assert q.total(Filter().with_group("due", "incomplete"), TODAY) == 2
    wati = db.query("SELECT id, nik FROM persons WHERE name = 'Wati'")[0]
    assert wati["nik"] is None and q.missing_of(wati["id"])[0] == "NIK / paspor"


def test_the_same_file_as_xls_and_as_csv_gives_the_same_plan(db, tmp_path):
    seed_messy_database(db)
    source = messy_register(tmp_path)
    xls = convert(source, "xls", tmp_path)
    csv = convert(source, "csv:Text - txt - csv (StarCalc):59,34,76,1", tmp_path)
    for path in (xls, csv):
        plan = make_plan(db, parse(db, path), today=TODAY)
        assert outcomes(plan)["create"] == MESSY_EXPECTED["created_rows"], path.suffix
        assert plan.summary()["new"] == MESSY_EXPECTED["new"], path.suffix


def test_a_semicolon_csv_in_windows_1252_is_read(db, tmp_path):
    path = tmp_path / "daftar.csv"
    path.write_bytes("Nama;NIK;JK;Tgl Lahir;Alamat\r\nAndré Wijaya;3522010101900001;L;01/01/1990;"
                     "Jl. Kauman – RT 01\r\n".encode("cp1252"))
    parsed = parse(db, path)
    assert parsed.records[0].person.name == "André Wijaya"
    assert parsed.records[0].person.address == "Jl. Kauman – RT 01"
