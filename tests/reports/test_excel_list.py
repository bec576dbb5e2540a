""""Ekspor daftar ini" and back: every client and program survives an export and an import into an empty file."""

from __future__ import annotations

from datetime import date

import openpyxl

import factories
from conftest import PASSWORD, TODAY
from test_excel_monthly import nik, revoke
from app.models.domain import PersonInput, StatusChange
from app.models.excel_queries import ImportQueries
from app.models.queries import Filter, Queries
from app.models.storage import Database
from app.operations.auth import set_initial_password
from app.operations.clients import add_program, change_program_status, create_client
from app.operations.importer import run_import
from app.reports.excel_import import read_file
from app.reports.excel_list import write_list
from app.reports.excel_plan import Decisions


def fill(db) -> None:
    """Ended, revoked, child and passport-only clients; one with two programs; one with no program."""
    sari = factories.officer(db, "Sari Dewi, S.H.", "198503122010012001")
    agus = factories.officer(db, "Drs. Agus Wibowo", "197802142005011003")
    budi = create_client(db, factories.person("Budi Santoso", nik(date(1990, 5, 15), "L", 1)), factories.case(db),
                         factories.program(db, "PB", sari), today=TODAY).id
    ended = create_client(db, factories.person("Sri Wahyuni", nik(date(1985, 2, 3), "P", 2), "P", date(1985, 2, 3)),
                          factories.case(db, "Penipuan"),
                          factories.program(db, "CB", agus, start_date=date(2025, 1, 5), end_date=date(2025, 12, 5)),
                          today=TODAY).id
    change_program_status(db, Queries(db).programs_of(ended)[0]["id"],
                          StatusChange("selesai", date(2025, 12, 5), "PAS-9/2025", "habis masa bimbingan"), today=TODAY)
    revoked = create_client(db,
                            factories.person("Tono Sugiarto", nik(date(1979, 7, 12), "L", 3), "L", date(1979, 7, 12)),
                            factories.case(db), factories.program(db, "PB", sari, start_date=date(2025, 3, 1)),
                            today=TODAY).id
    revoke(db, Queries(db).programs_of(revoked)[0]["id"], date(2026, 9, 14))
    child = factories.person("Rina Wati", nik(date(2009, 4, 20), "P", 4), "P", date(2009, 4, 20))
    create_client(db, child, factories.case(db, offence_date=date(2024, 6, 1), detention_start=None, verdict_date=None,
                                            verdict_number=""),
                  factories.program(db, "DIV", agus, start_date=date(2024, 9, 1), end_date=date(2025, 9, 1)),
                  today=TODAY)
    foreigner = PersonInput(name="John Smith", passport="PA1234567", nationality="Australia", sex="L",
                            birth_date=date(1980, 1, 1), birth_place="Perth")
    create_client(db, foreigner, factories.case(db, "Narkotika (pengguna)"),
                  factories.program(db, "ASIM", sari, start_date=date(2026, 2, 1), end_date=date(2026, 12, 31)),
                  today=TODAY)
    case = Queries(db).cases_of(budi)[0]["id"]
    add_program(db, case, factories.program(db, "CMB", sari, start_date=date(2027, 12, 2), end_date=None,
                                            sk_date=date(2026, 11, 1)), today=date(2028, 1, 1))
    create_client(db, factories.person("Wawan Setiawan", nik(date(1992, 8, 8), "L", 5), "L", date(1992, 8, 8)),
                  factories.case(db, "Perjudian"), today=TODAY)


def snapshot(db) -> dict[str, tuple]:
    """Every person and their programs, as a re-import must keep them (ids aside)."""
    q = Queries(db)
    out = {}
    for pid in q.person_ids(Filter(), today=TODAY):
        p = q.person(pid)
        programs = tuple(sorted((r["kind_code"], r["start_date"], r["end_date"], r["status"], r["status_date"],
                                 r["register_number"], r["sk_number"], r["officer_name"]) for r in q.programs_of(pid)))
        cases = tuple(sorted((c["client_class"], c["offence_name"], c["articles"]) for c in q.cases_of(pid)))
        out[p["nik"] or p["passport"]] = (p["name"], p["sex"], p["birth_date"], p["nationality"], p["birth_place"],
                                         programs, cases)
    return out


def test_exporting_all_clients_and_importing_them_into_an_empty_file_keeps_every_client_and_program(db, tmp_path):
    fill(db)
    path = tmp_path / "semua.xlsx"
    result = write_list(db, path, Filter(), today=TODAY)
    assert result.persons == 6 and result.rows == 7  # Budi's two programs are two rows

    fresh = Database.open(tmp_path / "baru.sqlite3", create=True)
    set_initial_password(fresh, PASSWORD)
    try:
        parsed = read_file(path, ImportQueries(fresh).program_kinds(), today=TODAY)
        assert not parsed.rejected
        imported = run_import(fresh, parsed, Decisions(create_officers=True), today=TODAY)
        assert imported.info["summary"]["new"] == {"persons": 6, "cases": 6, "programs": 6, "officers": 2}
        assert snapshot(fresh) == snapshot(db)
        again = run_import(fresh, read_file(path, ImportQueries(fresh).program_kinds(), today=TODAY), today=TODAY)
        assert again.info["batch"] is None
    finally:
        fresh.close()


def test_a_group_list_has_the_visible_columns_first_and_only_the_records_of_the_group(db, tmp_path):
    fill(db)
    pb = factories.kind_id(db, "PB")
    path = tmp_path / "pb.xlsx"
    write_list(db, path, Filter().with_group("kind", pb), today=TODAY, visible=("name", "program", "officer"),
               title="Daftar klien PB")
    ws = openpyxl.load_workbook(path)["Daftar"]
    assert ws["A1"].value == "Daftar klien PB"
    header = [c.value for c in ws[5]]
    assert header[:5] == ["Nama", "Program", "PK", "NIK", "Tanggal lahir"]
    names = [(r[0], r[1]) for r in ws.iter_rows(min_row=6, values_only=True) if r[0]]
    assert names == [("Budi Santoso", "PB")]  # Tono's PB was revoked; Budi's CMB is not in the PB group
