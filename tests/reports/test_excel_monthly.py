"""The monthly workbook: the Rekap against numbers worked out by hand, the other sheets, a Lapas's occupancy,
and the file as LibreOffice reads it."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

import factories
from conftest import TODAY
from excel_fixtures import convert
from app.models.domain import StatusChange
from app.operations.clients import add_program, change_program_status, create_client
from app.operations.settings import save_capacity, save_office
from app.reports.excel_monthly import ENDED_STATUSES, Month, write_monthly


def nik(birth: date, sex: str, serial: int) -> str:
    day = birth.day + (40 if sex == "P" else 0)
    return f"352201{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def client(db, name: str, serial: int, code: str, start: date, end: date | None, officer: int, *,
           birth: date = date(1990, 5, 15), offence: date = date(2023, 12, 1)) -> tuple[int, int]:
    person = factories.person(name, nik(birth, "L", serial), "L", birth)
    result = create_client(db, person, factories.case(db, offence_date=offence,
                                                      verdict_date=offence + timedelta(days=60),
                                                      detention_start=offence + timedelta(days=1)),
                           factories.program(db, code, officer, start_date=start, end_date=end, sk_date=None,
                                             register_number=""), today=TODAY)
    program = db.query("SELECT id, case_id FROM programs WHERE person_id = ?", (result.id,))[0]
    return program["id"], program["case_id"]


def revoke(db, program_id: int, on: date, status: str = "dicabut") -> None:
    change_program_status(db, program_id, StatusChange(status, on, "W15.PAS-123", "tidak wajib lapor 3 kali"),
                          today=TODAY)


@pytest.fixture
def october(db):
    """Seven persons, nine programs around October 2026 (see the numbers in the test)."""
    officer = factories.officer(db)
    client(db, "Agus Salim", 1, "PB", date(2025, 12, 21), date(2027, 12, 1), officer)              # P1 carried in, out
    client(db, "Bambang Sutrisno", 2, "PB", date(2026, 10, 5), date(2027, 10, 5), officer)         # P2 new, out
    client(db, "Candra Wijaya", 3, "PB", date(2026, 1, 10), date(2026, 10, 15), officer)           # P3 ends 15 Oct
    p4, _ = client(db, "Dedi Kurniawan", 4, "CB", date(2026, 3, 1), date(2027, 3, 1), officer)
    revoke(db, p4, date(2026, 10, 20))                                                               # P4 revoked in Oct
    p5, _ = client(db, "Eko Saputra", 5, "CB", date(2026, 2, 1), date(2027, 2, 1), officer)
    revoke(db, p5, date(2026, 11, 5))                                                                # P5 revoked in Nov
    client(db, "Fajar Nugroho", 6, "ASIM", date(2026, 9, 1), date(2026, 9, 30), officer)           # P6 ended in Sep
    client(db, "Gilang Ramadhan", 7, "DIV", date(2026, 6, 1), date(2027, 6, 1), officer,
           birth=date(2010, 1, 1), offence=date(2025, 1, 1))                                         # P8 a child
    _, case = client(db, "Hadi Purnomo", 8, "ASIM", date(2026, 10, 1), date(2026, 10, 19), officer)  # P7 new, ends
    add_program(db, case, factories.program(db, "PB", officer, start_date=date(2026, 10, 20),
                                            end_date=date(2027, 10, 20), sk_date=None), today=TODAY)  # P7b new, out
    save_office(db, {"unit_name": "Bapas Kelas II Bojonegoro", "unit_kind": "bapas"})
    return officer


def rekap_rows(path: Path) -> dict[tuple[str, str], list]:
    ws = openpyxl.load_workbook(path)["Rekap"]
    header = next(r for r in ws.iter_rows(values_only=True) if r[0] == "Program")
    out = {}
    for r in ws.iter_rows(values_only=True):
        if r[0] and r[0][:3] in ("PB ", "CB ", "ASI", "DIV"):
            out[(r[0].split(" ")[0], r[1] or "")] = dict(zip(header, r))
        elif r[0] and r[0].startswith("Jumlah"):
            out[(r[0], "")] = dict(zip(header, r))
    return out


COLS = ("Awal bulan", "Baru bulan ini", "Berakhir: Selesai / habis masa bimbingan", "Berakhir: Dicabut",
        "Jumlah berakhir", "Akhir bulan")


def test_the_rekap_counts_programs_and_persons_as_worked_out_by_hand(db, october, tmp_path):
    path = tmp_path / "oktober.xlsx"
    write_monthly(db, path, Month(2026, 10), today=TODAY)
    rows = rekap_rows(path)
    got = {k: tuple(v[c] for c in COLS) for k, v in rows.items() if any(v[c] for c in COLS)}
    # By hand: PB adults P1, P3 carried in; P2, P7b new; P3 ends (end of guidance 15 Oct); P1, P2, P7b go on.
    # CB adults P4, P5 carried in; P4 revoked 20 Oct; P5 (revoked 5 Nov) goes on.  ASIM P7 new and ends;
    # P6 ended 30 Sep and is not October's.  DIV child P8 carried in and on.
    assert got == {
        ("PB", "Dewasa"): (2, 2, 1, 0, 1, 3),
        ("CB", "Dewasa"): (2, 0, 0, 1, 1, 1),
        ("ASIM", "Dewasa"): (0, 1, 1, 0, 1, 0),
        ("DIV", "Anak"): (1, 0, 0, 0, 0, 1),
        ("Jumlah program", ""): (5, 3, 2, 1, 3, 5),
        ("Jumlah orang (satu orang dihitung sekali)", ""): (5, 2, 2, 1, 3, 5),
    }
    persons = rows[("Jumlah orang (satu orang dihitung sekali)", "")]
    # Persons: in A C D E G; new B H (H twice); ended C H D; on A B E G H.
    assert tuple(persons[c] for c in COLS) == (5, 2, 2, 1, 3, 5)
    assert "dihitung sekali" in persons["Program"]


def test_start_plus_new_minus_ended_is_the_end_on_every_row_and_one_month_hands_on_to_the_next(db, october, tmp_path):
    ends = {}
    for month in (9, 10, 11):
        path = tmp_path / f"{month}.xlsx"
        write_monthly(db, path, Month(2026, month), today=TODAY)
        for key, v in rekap_rows(path).items():
            ended = sum(v[f"Berakhir: {h}"] or 0 for h in (
                "Selesai / habis masa bimbingan", "Dicabut", "Pindah", "Melarikan diri / tidak diketahui",
                "Mengulangi tindak pidana", "Meninggal"))
            assert ended == v["Jumlah berakhir"], (month, key)
            if "orang" not in key[0]:
                assert v["Awal bulan"] + v["Baru bulan ini"] - ended == v["Akhir bulan"], (month, key)
            if "program" in (v["Program"] or ""):
                ends[month] = (v["Awal bulan"], v["Akhir bulan"])
    assert ends[9][1] == ends[10][0] and ends[10][1] == ends[11][0]
    assert len(ENDED_STATUSES) == 6


def test_the_workbook_has_its_sheets_title_and_print_setup(db, october, tmp_path):
    path = tmp_path / "oktober.xlsx"
    result = write_monthly(db, path, Month(2026, 10), today=TODAY, demo=True)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Rekap", "Per PK", "Per Jenis Kejahatan", "Data Klien"] == result.sheets
    ws = wb["Rekap"]
    assert ws["A1"].value == "Laporan Bulanan Klien Pemasyarakatan — Oktober 2026"
    assert ws["A2"].value == "Bapas Kelas II Bojonegoro"
    # two title lines, two notes, a blank line, then the header in row 6
    assert ws.freeze_panes == "A7" and ws.auto_filter.ref.startswith("A6:")
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$6"
    assert "RAHASIA" in ws.oddHeader.center.text and "DATA DEMO" in ws.oddHeader.right.text
    header = [c.value for c in ws[6]]
    assert header[0] == "Program" and all(ws.cell(6, i + 1).font.b for i in range(len(header)))
    clients = wb["Data Klien"]
    head = [c.value for c in clients[6]]
    rows = [dict(zip(head, (c.value for c in r))) for r in clients.iter_rows(min_row=7) if r[0].value]
    assert len(rows) == 8  # the programs active in October: not P6
    agus = next(r for r in rows if r["Nama"] == "Agus Salim")
    assert agus["Tanggal lahir"].date() == date(1990, 5, 15)  # a real date, not text
    assert clients.cell(7, head.index("Tanggal lahir") + 1).number_format == "[$-421]d mmmm yyyy"
    assert agus["NIK"] == "3522011505900001" and agus["Nomor dasar hukum"].startswith("PAS-123")
    # The kind of legal basis as the print-outs name it: a PB rests on the Dirjenpas's decree.
    pb = next(r for r in rows if r["Program"] == "PB")
    assert pb["Dasar hukum"] == "SK Dirjenpas a.n. Menteri"
    assert result.persons == 7


def test_without_nik_the_column_is_left_out(db, october, tmp_path):
    path = tmp_path / "tanpa-nik.xlsx"
    write_monthly(db, path, Month(2026, 10), without_nik=True, today=TODAY)
    clients = openpyxl.load_workbook(path)["Data Klien"]
    assert "NIK" not in [c.value for c in clients[6]]
    assert not any("3522011505900001" in str(c.value) for row in clients.iter_rows() for c in row)


def test_libreoffice_reads_the_same_numbers(db, october, tmp_path):
    path = tmp_path / "oktober.xlsx"
    write_monthly(db, path, Month(2026, 10), today=TODAY)
    out = tmp_path / "csv"
    out.mkdir()
    convert(path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", out)
    rekap = list(csv.reader(open(out / "oktober-Rekap.csv", encoding="utf-8")))
    by_name = {(r[0].split(" ")[0], r[1]): r for r in rekap if r and r[0]}
    assert by_name[("PB", "Dewasa")][2:4] == ["2", "2"] and by_name[("PB", "Dewasa")][11] == "3"
    assert by_name[("Jumlah", "")][2] == "5"  # the persons row (the last "Jumlah")
    clients = list(csv.reader(open(out / "oktober-Data Klien.csv", encoding="utf-8")))
    agus = next(r for r in clients if "Agus Salim" in r)
    assert "15 Mei 1990" in agus  # shown the Indonesian way by LibreOffice too


def test_a_lapas_workbook_is_occupancy_per_register_class_against_capacity(db, tmp_path):
    save_office(db, {"unit_name": "Lapas Kelas IIA Bojonegoro", "unit_kind": "lapas"})
    save_capacity(db, {"B.I": 2, "B.IIa": 10})
    for serial, years in ((1, 3), (2, 4), (3, 2)):  # three sentences over a year: B.I
        person = factories.person(f"Napi {serial}", nik(date(1990, 5, 15), "L", serial), "L", date(1990, 5, 15))
        create_client(db, person, factories.case(db, detention_start=date(2026, 1, 1),
                                                 sentences=[factories.Duration(years=years)]), today=TODAY)
    path = tmp_path / "hunian.xlsx"
    result = write_monthly(db, path, Month(2026, 11), today=TODAY)
    assert result.sheets == ["Hunian"]
    ws = openpyxl.load_workbook(path)["Hunian"]
    rows = {r[0]: r for r in ws.iter_rows(values_only=True) if r[0]}
    header = next(r for r in ws.iter_rows(values_only=True) if r[0] == "Golongan register")
    assert "isi ÷ kapasitas" in header[4] and "(isi − kapasitas) ÷ kapasitas" in header[5]
    assert rows["B.I"][2:7] == (3, 2, 1.5, 0.5, 1)  # held 3 of 2: 150 %, 50 % over, 1 person over
    assert rows["B.IIa"][2:5] == (0, 10, 0)
    assert rows["A.I"][3] is None  # no capacity set: no percentage invented


def test_working_and_attendance_come_from_wajib_lapor(db, october, tmp_path):
    """Agus (P1) reported in October and works; Bambang (P2) did not report: by hand, PB adults at the
    end: 1 working, 2 unknown (Bambang, Hadi); October's periods of the PB programs: Agus 1 of 1,
    Candra 0 of 1 (his last period ended 15 Oct), Bambang 0 of 1, Hadi's PB 0 of 1 -> 1 of 4."""
    from app.operations.wajib_lapor import check_in

    agus = db.query("SELECT p.id FROM programs p JOIN persons s ON s.id = p.person_id WHERE s.name = 'Agus Salim'")[0]
    check_in(db, program_id=agus["id"], day=date(2026, 10, 7), working="yes", today=TODAY)
    path = tmp_path / "oktober.xlsx"
    write_monthly(db, path, Month(2026, 10), today=TODAY)
    pb = rekap_rows(path)[("PB", "Dewasa")]
    assert (pb["Bekerja"], pb["Tidak bekerja"], pb["Tidak diketahui"]) == (1, 0, 2)
    rate = pb["Tingkat kehadiran wajib lapor"]
    from app.models.queries import Queries
    ids = [r["id"] for r in db.query("SELECT p.id FROM programs p JOIN program_kinds k ON k.id = p.kind_id"
                                     " WHERE k.code = 'PB'")]
    assert rate == Queries(db).attendance(date(2026, 10, 1), date(2026, 10, 31), program_ids=ids, today=TODAY).rate
    assert rate == 0.25  # 1 of 4, as worked out above
    clients = openpyxl.load_workbook(path)["Data Klien"]
    head = [c.value for c in clients[6]]
    row = next(r for r in clients.iter_rows(min_row=7, values_only=True) if r[2] == "Agus Salim")
    assert row[head.index("Bekerja")] == "Ya" and row[head.index("Lapor terakhir")].date() == date(2026, 10, 7)


def test_the_reports_working_answers_are_wajib_lapors_for_every_person(db, october):
    from app.models.excel_queries import working_of
    from app.models.lapor_queries import working_status
    from app.operations.wajib_lapor import check_in

    programs = db.query("SELECT p.id, p.person_id FROM programs p JOIN persons s ON s.id = p.person_id"
                        " WHERE p.status = 'aktif' AND p.start_date <= '2026-10-20'"
                        " AND (p.end_date IS NULL OR p.end_date >= '2026-11-22') ORDER BY p.id")
    assert len(programs) == 4  # Agus, Bambang, Gilang, Hadi's PB
    answers = ("yes", "no", "unknown", "yes")
    for n, p in enumerate(programs[:4]):
        check_in(db, program_id=p["id"], day=date(2026, 10, 25 + n), working=answers[n], today=TODAY)
    check_in(db, program_id=programs[0]["id"], day=date(2026, 11, 3), working="no", today=TODAY)
    persons = sorted({p["person_id"] for p in programs})
    for day in (date(2026, 10, 31), date(2026, 11, 22)):
        batched = working_of(db, persons, day)
        assert {pid: batched.get(pid, "unknown") for pid in persons} == {
            pid: working_status(db, pid, day) for pid in persons}


def test_the_counts_made_in_one_pass_are_the_group_by_queries_they_replaced(tmp_path):
    """MonthlyQueries reads the month's programs once and counts the first three sheets in Python; on a
    demo, under some selectors, those counts equal the SQL GROUP BY queries over ``month_programs``
    the report ran before, and the working counts equal ``lapor_queries.working_counts``; the rates
    per group equal ``Queries.attendance`` asked group by group."""
    from app.models.excel_queries import MonthlyQueries, Selector
    from app.models.lapor_queries import working_counts
    from app.models.queries import NONE, Queries
    from app.models.storage import Database
    from app.operations.auth import login
    from app.operations.demo import generate_demo
    from app.reports.excel_monthly import _Rates
    from conftest import PASSWORD

    path = tmp_path / "demo.sqlite3"
    generate_demo(path, clients=400, seed=3, today=TODAY, password=PASSWORD, workers=0)
    db = Database.open(path)
    try:
        login(db, PASSWORD)
        kinds = {k["id"] for k in db.query("SELECT id FROM program_kinds")}
        officer = db.scalar("SELECT officer_id FROM programs WHERE officer_id IS NOT NULL LIMIT 1")
        for month, selector in ((Month(2026, 10), Selector()), (Month(2026, 11), Selector()),
                                (Month(2026, 10), Selector(kind_id=min(kinds))),
                                (Month(2026, 9), Selector(officer_id=officer, client_class="dewasa"))):
            end = min(month.last, TODAY)
            q = MonthlyQueries(db, month.first, end, selector)
            sql, params = q.month_programs()
            ended = ", ".join(f"SUM(NOT at_end AND ended_as = '{s}') AS ended_{s}" for s in ENDED_STATUSES)
            by_sql = db.query(f"SELECT kind_id, client_class, SUM(at_start) AS at_start, SUM(is_new) AS new, {ended},"
                              f" SUM(NOT at_end) AS ended, SUM(at_end) AS at_end FROM ({sql})"
                              " GROUP BY kind_id, client_class", params)
            assert by_sql and sorted(q.rekap(ENDED_STATUSES), key=repr) == sorted(by_sql, key=repr)
            distinct = ", ".join(f"COUNT(DISTINCT CASE WHEN NOT at_end AND ended_as = '{s}' THEN person_id END)"
                                 f" AS ended_{s}" for s in ENDED_STATUSES)
            assert q.rekap_persons(ENDED_STATUSES) == db.query(
                f"SELECT COUNT(DISTINCT CASE WHEN at_start THEN person_id END) AS at_start,"
                f" COUNT(DISTINCT CASE WHEN is_new THEN person_id END) AS new, {distinct},"
                f" COUNT(DISTINCT CASE WHEN NOT at_end THEN person_id END) AS ended,"
                f" COUNT(DISTINCT CASE WHEN at_end THEN person_id END) AS at_end,"
                f" COUNT(DISTINCT person_id) AS persons FROM ({sql})", params)[0]
            assert q.per_officer() == db.query(
                "SELECT m.officer_id, o.name, o.nip, COUNT(DISTINCT CASE WHEN at_end THEN m.person_id END) AS persons,"
                " SUM(at_end) AS programs, SUM(is_new) AS new, SUM(NOT at_end) AS ended,"
                " COUNT(DISTINCT m.person_id) AS month_persons"
                f" FROM ({sql}) m LEFT JOIN officers o ON o.id = m.officer_id"
                " GROUP BY m.officer_id ORDER BY m.officer_id IS NULL, o.name_sort", params)
            assert sorted(q.per_offence(), key=repr) == sorted(db.query(
                "SELECT offence_category_id, kind_id, SUM(at_end) AS at_end, SUM(is_new) AS new,"
                f" COUNT(DISTINCT CASE WHEN at_end THEN person_id END) AS persons FROM ({sql})"
                " GROUP BY offence_category_id, kind_id", params), key=repr)
            assert sorted(q.person_ids()) == sorted(r[0] for r in db.conn.execute(
                f"SELECT DISTINCT person_id FROM ({sql})", params))
            zero = {"yes": 0, "no": 0, "unknown": 0}
            for r in by_sql:
                assert q.working_counts().get((r["kind_id"], r["client_class"]), zero) == working_counts(
                    db, end, (f"SELECT person_id FROM ({sql}) WHERE at_end AND kind_id = ? AND client_class = ?",
                              [*params, r["kind_id"], r["client_class"]]))
            persons = working_counts(db, end, (f"SELECT DISTINCT person_id FROM ({sql}) WHERE at_end", params))
            assert q.working_persons() == persons and sum(persons.values()) > 0
            rates, queries = _Rates(db, q, end, TODAY), Queries(db)
            base = rates._filter()
            for groups in ((), (("kind", min(kinds)), ("age", "dewasa")), (("officer", officer),),
                           (("officer", NONE),)):
                flt = base
                for dimension, value in groups:
                    flt = flt.with_group(dimension, value)
                alone = queries.attendance(month.first, end, flt=flt if flt.groups else None, today=TODAY)
                assert rates.rate(*groups) == alone.rate, (month, selector, groups)
    finally:
        db.close()


def test_a_workbook_made_within_the_grace_days_says_its_attendance_rate_is_not_final(db, october, tmp_path):
    """A period counts once its grace days (5) are over: made on 2 November, October's rate lacks the
    monthly periods, and the Rekap and Per PK say so and when the numbers are final; later they do not."""
    early = tmp_path / "awal.xlsx"
    write_monthly(db, early, Month(2026, 10), today=date(2026, 11, 2))
    wb = openpyxl.load_workbook(early)
    for name in ("Rekap", "Per PK"):
        line = wb[name]["A3"].value
        assert line.startswith("Keadaan akhir bulan: 31 Oktober 2026; dibuat 2 November 2026.")
        assert ("Tingkat kehadiran belum final: periode lapor yang berakhir sesudah 27 Oktober 2026 baru dihitung"
                " setelah masa tenggang 5 hari; angka final mulai 6 November 2026.") in line, name
    assert "belum final" not in wb["Data Klien"]["A3"].value
    final = tmp_path / "final.xlsx"
    write_monthly(db, final, Month(2026, 10), today=date(2026, 11, 6))
    assert "belum final" not in openpyxl.load_workbook(final)["Rekap"]["A3"].value
