"""Group membership and counts, checked against membership computed here from the raw tables.

The sidebar's numbers and the table's rows both come from ``facts`` through
app/models/queries.py; this test reads persons, cases and programs directly and
applies the rule in plain Python (issue 9): the program, PK and offence groups hold
the programs active today, unless a status is chosen or "including ended programs"
is ticked; "Tanpa program" holds the persons with no program active today.  Every
group's count must equal the persons that rule gives, and the rows shown.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import combinations

import pytest

from app.models.queries import NONE, Filter, Queries
from app.operations import clients
from conftest import PASSWORD, TODAY
from factories import case, kind_id, officer, person, program
from membership import assert_counts_equal_rows


@pytest.fixture
def office(db):
    """A small office with every kind of record the rule has to tell apart."""
    sari, agus = officer(db), officer(db, "Agus Salim", "197901022005011003")
    later = TODAY + timedelta(days=20)
    made = {}

    def client(name, nik, code, off, *, start=date(2025, 12, 21), end=date(2027, 12, 1), offence="Pencurian"):
        result = clients.create_client(db, person(name, nik), case(db, offence),
                                       program(db, code, off, start_date=start, end_date=end), today=TODAY)
        made[name] = result.id
        return result.id

    client("Aktif CB", "3522011505900001", "CB", sari)
    client("Belum mulai", "3522011505900002", "CB", sari, start=later, end=later + timedelta(days=200))
    client("Lewat akhir", "3522011505900003", "CB", agus, start=date(2024, 1, 1), end=TODAY - timedelta(days=1))
    revoked = client("Dicabut lalu PB", "3522011505900004", "CB", agus, start=date(2023, 1, 2),
                     end=date(2024, 6, 1), offence="Narkotika (pengguna)")
    ended = client("Selesai saja", "3522011505900005", "PB", sari, start=date(2022, 1, 3), end=date(2023, 1, 3))
    client("Tanpa PK", "3522011505900006", "PB", None)
    clients.create_client(db, person("Tanpa perkara", "3522011505900007"), today=TODAY)
    clients.create_client(db, person("Perkara saja", "3522011505900008"), case(db, "Penipuan"), today=TODAY)
    q = Queries(db)
    for pid, status, on in ((revoked, "dicabut", date(2023, 8, 1)), (ended, "selesai", date(2023, 1, 3))):
        program_id = q.programs_of(pid)[0]["id"]
        from app.models.domain import StatusChange
        clients.change_program_status(db, program_id, StatusChange(status, on, "W.1-PK.01.05", "uji"), today=TODAY)
    pb_case = q.cases_of(revoked)[0]["id"]
    clients.add_program(db, pb_case, program(db, "PB", sari, start_date=date(2024, 8, 1), end_date=date(2027, 8, 1),
                                             register_number="9/PB/2024"), today=TODAY)
    return {"db": db, "sari": sari, "agus": agus, "made": made}


def test_program_groups_hold_only_the_programs_active_today(office):
    db = office["db"]
    q = Queries(db)
    cb = kind_id(db, "CB")
    listed = {q.person(p)["name"] for p in q.person_ids(Filter((("kind", cb),)), today=TODAY)}
    assert listed == {"Aktif CB"}  # not the one starting later, past its end, revoked, or now on PB
    ended = {q.person(p)["name"] for p in
             q.person_ids(Filter((("kind", cb),), include_ended=True), today=TODAY)}
    assert ended == {"Aktif CB", "Belum mulai", "Lewat akhir", "Dicabut lalu PB"}
    nothing = {q.person(p)["name"] for p in q.person_ids(Filter((("kind", NONE),)), today=TODAY)}
    assert nothing == {"Belum mulai", "Lewat akhir", "Selesai saja", "Tanpa perkara", "Perkara saja"}
    # Everyone stays under "Semua klien" and under their status.
    assert q.everyone() == 8
    selesai = {q.person(p)["name"] for p in q.person_ids(Filter((("status", "selesai"),)), today=TODAY)}
    assert selesai == {"Selesai saja"}


def test_the_row_shows_the_record_that_put_the_person_in_the_group(office):
    db, agus = office["db"], office["agus"]
    q = Queries(db)
    revoked = office["made"]["Dicabut lalu PB"]
    assert q.person(revoked)["row_program"] == "PB"  # the person's main record
    q.select(Filter((("kind", kind_id(db, "CB")), ("officer", agus)), include_ended=True), TODAY)
    rows = {r["id"]: r for r in q.page()}
    match = rows[revoked]["match"]
    assert (match["program"], match["officer"], match["status"]) == ("CB", "Agus Salim", "dicabut")
    q.select(Filter((("kind", kind_id(db, "PB")),)), TODAY)
    match = {r["id"]: r for r in q.page()}[revoked]["match"]
    assert (match["program"], match["register"], match["status"]) == ("PB", "9/PB/2024", "aktif")


@pytest.mark.parametrize("include_ended", [False, True])
def test_every_count_equals_the_members_computed_from_the_tables(office, include_ended):
    db, sari = office["db"], office["sari"]
    checked = 0
    for groups in ({}, {"kind": kind_id(db, "CB")}, {"kind": NONE}, {"officer": sari}, {"officer": NONE},
                   {"status": "dicabut"}, {"age": "dewasa"}, {"kind": kind_id(db, "PB"), "officer": sari}):
        checked += assert_counts_equal_rows(db, groups, include_ended, TODAY)
    assert checked > 60


@pytest.mark.slow
def test_every_count_equals_the_members_in_the_demo(tmp_path):
    from app.models.storage import Database
    from app.operations.demo import generate_demo

    path = tmp_path / "demo.sqlite3"
    generate_demo(path, clients=400, seed=3, today=TODAY, password=PASSWORD, workers=0)
    db = Database.open(path)
    try:
        q = Queries(db)
        kinds = [k["id"] for k in q.program_kinds()][:4]
        officers = [o["id"] for o in q.officers()][:3]
        singles = [{"kind": k} for k in kinds] + [{"officer": o} for o in officers] + [
            {"status": "aktif"}, {"status": "selesai"}, {"age": "anak"}, {"kind": NONE}]
        pairs = [a | b for a, b in combinations(singles[:6], 2) if not set(a) & set(b)]
        for include_ended in (False, True):
            for groups in [{}, *singles, *pairs[:6]]:
                assert_counts_equal_rows(db, groups, include_ended, TODAY)
    finally:
        db.close()
