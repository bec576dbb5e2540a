"""Group membership and counts, checked against membership computed here from the raw tables.

The sidebar's numbers and the table's rows both come from ``facts`` through
app/models/queries.py; this test reads persons, cases and programs directly and
applies the rule in plain Python (issue 9): the program, PK and offence groups hold
the programs active today, unless a status is chosen or "including ended programs"
is ticked; "Tanpa program" holds the persons with no program active today.  Every
group's count must equal the persons that rule gives, and the rows shown.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

import pytest

from app.models.queries import CURRENT_DIMENSIONS, NONE, Filter, Queries
from app.operations import clients
from conftest import PASSWORD
from factories import case, kind_id, officer, person, program

TODAY = date(2026, 11, 22)
DIMENSIONS = ("kind", "officer", "offence", "status", "age")


@dataclass(frozen=True)
class Record:
    person: int
    kind: int | None
    officer: int | None
    offence: int | None
    status: str | None
    age: str | None
    start: str | None
    end: str | None

    def active(self, today: date) -> bool:
        t = today.isoformat()
        return self.status == "aktif" and bool(self.start) and self.start <= t and (not self.end or self.end >= t)


def records(db) -> dict[int, list[Record]]:
    """Each person's records, read straight from the tables (not from ``facts``)."""
    out: dict[int, list[Record]] = defaultdict(list)
    persons = [r[0] for r in db.conn.execute("SELECT id FROM persons WHERE deleted_at IS NULL")]
    for pid in persons:
        cases = db.conn.execute("SELECT id, offence_category_id, client_class FROM cases"
                                " WHERE person_id = ? AND deleted_at IS NULL", (pid,)).fetchall()
        if not cases:
            out[pid].append(Record(pid, None, None, None, None, None, None, None))
        for case_id, offence, age in cases:
            programs = db.conn.execute("SELECT kind_id, officer_id, status, start_date, end_date FROM programs"
                                       " WHERE case_id = ? AND deleted_at IS NULL", (case_id,)).fetchall()
            if not programs:
                out[pid].append(Record(pid, None, None, offence, None, age, None, None))
            for kind, off, status, start, end in programs:
                out[pid].append(Record(pid, kind, off, offence, status, age, start, end))
    return out


def members(recs: dict[int, list[Record]], groups: dict, include_ended: bool, today: date) -> set[int]:
    chosen_current = [d for d, v in groups.items() if d in CURRENT_DIMENSIONS and not (d == "kind" and v == NONE)]
    current = not include_ended and "status" not in groups and bool(chosen_current)
    found = set()
    for pid, rs in recs.items():
        has_active = any(r.active(today) for r in rs)
        for r in rs:
            if current and not r.active(today):
                continue
            ok = True
            for d, v in groups.items():
                value = getattr(r, d)
                if d == "kind" and v == NONE and not include_ended:
                    ok = not has_active
                elif v == NONE:
                    ok = value is None
                else:
                    ok = value == v
                if not ok:
                    break
            if ok:
                found.add(pid)
                break
    return found


def values_of(recs: dict[int, list[Record]], dimension: str) -> set:
    return {getattr(r, dimension) for rs in recs.values() for r in rs} | {NONE}


def assert_counts_equal_rows(db, groups: dict, include_ended: bool) -> int:
    q = Queries(db)
    recs = records(db)
    flt = Filter(tuple(groups.items()), include_ended=include_ended)
    checked = 0
    for dimension in DIMENSIONS:
        if dimension in groups:
            continue
        counts = q.group_counts(dimension, flt, TODAY)
        for value in values_of(recs, dimension):
            value = NONE if value is None else value
            expected = members(recs, {**groups, dimension: value}, include_ended, TODAY)
            assert counts.get(value, 0) == len(expected), (groups, include_ended, dimension, value)
            shown = set(q.person_ids(flt.with_group(dimension, value), today=TODAY))
            assert shown == expected, (groups, include_ended, dimension, value)
            checked += 1
    assert q.total(flt, TODAY) == (len(members(recs, groups, include_ended, TODAY)) if groups else len(recs))
    return checked


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
        checked += assert_counts_equal_rows(db, groups, include_ended)
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
                assert_counts_equal_rows(db, groups, include_ended)
    finally:
        db.close()
