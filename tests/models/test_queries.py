"""Queries: every due list at the edges of its window, and the table's order for every sort key.

Due lists: each case gets its stored dates written straight into the table (the due
lists read those columns; how the calculator finds them is tested elsewhere), one
person per case, so a list's members are the persons whose dates fall inside it.
The expected members are named in the test: the day before, on, and after each limit.

Order: the persons are made to tie on every column, and the expected order is Python's
sort of the rows read straight from the persons table, by the columns each sort key
means (written out here, not taken from schema.SORT_KEYS).  Every way the table reads
a selection is covered: everyone (the sort index), a group or a search held in a
small temporary table, and the same over the size at which the index is read instead.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count

import pytest
from conftest import TODAY
from factories import case, kind_id, officer, program

from app.models import queries as queries_module
from app.models.domain import Confirmations, PersonInput, StatusChange
from app.models.queries import DUE_GROUPS_BAPAS, DUE_GROUPS_LAPAS, Filter, Queries
from app.models.schema import SORT_KEYS
from app.models.storage import Database
from app.operations import clients
from app.operations.clients import (
    add_case,
    add_program,
    change_program_status,
    create_client,
    update_program,
)

_serials = count(1)
FAR = "2030-01-01"  # a date no window reaches


def day(d: date, days: int) -> str:
    return (d + timedelta(days=days)).isoformat()


def new_person(db: Database, name: str, *, birth: date | None = None, sex: str = "L", with_case: bool = True,
               nationality: str = "Indonesia", passport: str = "", confirm: Confirmations | None = None,
               code: str | None = None, **kw) -> int:
    serial = next(_serials)
    # A birth date of their own: names that fold alike ("Klien -1", "Klien 1") are not duplicates.
    birth = birth or date(1960, 1, 1) + timedelta(days=37 * serial)
    nik = "" if nationality != "Indonesia" else \
        f"352201{birth.day + (40 if sex == 'P' else 0):02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"
    p = PersonInput(name=name, nik=nik, sex=sex, birth_date=birth, birth_place="Bojonegoro",
                    nationality=nationality, passport=passport)
    c = case(db, **kw) if with_case else None
    prog = program(db, code, end_date=None) if code else None
    return create_client(db, p, c, prog, confirm, today=TODAY).id


def case_of(db: Database, person_id: int) -> int:
    return Queries(db).cases_of(person_id)[0]["id"]


def set_case(db: Database, person_id: int, **columns) -> int:
    """Write a case's stored dates and flags (what the due lists read)."""
    case_id = case_of(db, person_id)
    with db.transaction() as conn:
        sets = ", ".join(f"{k} = :{k}" for k in columns)
        conn.execute(f"UPDATE cases SET {sets} WHERE id = :id", {**columns, "id": case_id})
    return case_id


def serving(db: Database, name: str, **columns) -> int:
    """A person serving a sentence: expiry far off, eligible for everything, no date in any window yet."""
    person_id = new_person(db, name)
    values = {"expiry": FAR, "parole_eligible": 1, "conditional_leave_eligible": 1, "parole_date": FAR,
              "conditional_leave_start": FAR, "leave_before_release_start": FAR, "assimilation_date": FAR,
              "official_differs": 0}
    values.update(columns)
    set_case(db, person_id, **values)
    return person_id


def due(db: Database, group: str, today: date) -> set[int]:
    """The persons of a due list; its count, its selection and its rows must agree."""
    q = Queries(db)
    flt = Filter().with_group("due", group)
    ids = q.person_ids(flt, today=today).tolist()
    assert len(ids) == len(set(ids)), f"{group}: a person listed twice"
    assert q.due_counts([group], today=today)[group] == len(ids) == q.total(flt, today)
    return set(ids)


def test_the_groups_tested_here_are_all_the_due_groups():
    # ("incomplete", "Data belum lengkap" after an import, is tested in tests/models/test_schema_excel.py;
    # guidance ending within 30 days is a "Perlu perhatian" group now: attention "ending", below.)
    assert set(DUE_GROUPS_LAPAS) == {"pb", "cb", "cmb", "asimilasi", "release_1", "release_2", "release_3",
                                     "missing_verdict", "incomplete"}
    assert set(DUE_GROUPS_BAPAS) == {"official_differs", "incomplete"}


# -- programs a Lapas proposes: PB, CB, CMB, asimilasi ----------------------------------------

# group -> (date column, eligibility column or None, program kind that grants it)
PROGRAM_GROUPS = {
    "pb": ("parole_date", "parole_eligible", "PB"),
    "cb": ("conditional_leave_start", "conditional_leave_eligible", "CB"),
    "cmb": ("leave_before_release_start", None, "CMB"),
    "asimilasi": ("assimilation_date", None, "ASIM"),
}
# today -> the last day of the next month (the window's limit), worked out by hand.
HORIZONS = {
    date(2026, 11, 22): date(2026, 12, 31),
    date(2026, 12, 15): date(2027, 1, 31),
    date(2027, 1, 31): date(2027, 2, 28),
    date(2028, 1, 10): date(2028, 2, 29),
}


@pytest.mark.parametrize("today", HORIZONS)
@pytest.mark.parametrize("group", PROGRAM_GROUPS)
def test_a_program_is_due_from_its_date_up_to_the_end_of_next_month(db, group, today):
    column = PROGRAM_GROUPS[group][0]
    limit = HORIZONS[today]
    people = {label: serving(db, f"Klien {label}", **{column: value}) for label, value in {
        "long overdue": "2024-01-01", "today": today.isoformat(), "before the limit": day(limit, -1),
        "on the limit": limit.isoformat(), "after the limit": day(limit, 1), "far": FAR}.items()}
    expected = {people[k] for k in ("long overdue", "today", "before the limit", "on the limit")}
    assert due(db, group, today) == expected


@pytest.mark.parametrize("group", PROGRAM_GROUPS)
def test_a_program_is_due_only_while_the_sentence_runs(db, group):
    column = PROGRAM_GROUPS[group][0]
    released = {offset: serving(db, f"Klien {offset}", expiry=day(TODAY, offset), **{column: day(TODAY, -30)})
                for offset in (-1, 0, 1)}
    assert due(db, group, TODAY) == {released[1]}


@pytest.mark.parametrize("group", ["pb", "cb"])
def test_pb_and_cb_are_due_only_when_eligible(db, group):
    column, eligible, _code = PROGRAM_GROUPS[group]
    yes = serving(db, "Klien Layak", **{column: TODAY.isoformat()})
    serving(db, "Klien Tidak Layak", **{column: TODAY.isoformat(), eligible: 0})
    assert due(db, group, TODAY) == {yes}


@pytest.mark.parametrize("group", ["cmb", "asimilasi"])
def test_cmb_and_asimilasi_ask_no_eligibility_flag(db, group):
    column = PROGRAM_GROUPS[group][0]
    person_id = serving(db, "Klien", parole_eligible=0, conditional_leave_eligible=0, **{column: TODAY.isoformat()})
    assert due(db, group, TODAY) == {person_id}


@pytest.mark.parametrize("group", PROGRAM_GROUPS)
def test_a_granted_program_takes_the_case_off_its_list_until_it_is_binned(db, group):
    column, _eligible, code = PROGRAM_GROUPS[group]
    waiting = serving(db, "Klien Menunggu", **{column: TODAY.isoformat()})
    granted = serving(db, "Klien Diberi", **{column: TODAY.isoformat()})
    other_code = "ASIM" if code != "ASIM" else "PB"
    other = serving(db, "Klien Program Lain", **{column: TODAY.isoformat()})
    program_id = add_program(db, case_of(db, granted), program(db, code, end_date=None), today=TODAY).id
    add_program(db, case_of(db, other), program(db, other_code, end_date=None), today=TODAY)
    # add_program recomputes nothing, but be sure the dates written above are still there.
    set_case(db, granted, **{column: TODAY.isoformat(), "expiry": FAR})
    set_case(db, other, **{column: TODAY.isoformat(), "expiry": FAR})
    assert due(db, group, TODAY) == {waiting, other}
    clients.delete_program(db, program_id)
    assert due(db, group, TODAY) == {waiting, other, granted}


@pytest.mark.parametrize("group", [*PROGRAM_GROUPS, "release_1", "missing_verdict", "official_differs"])
def test_a_binned_case_or_person_is_on_no_due_list(db, group):
    on = TODAY.isoformat()
    dates = {"expiry": day(TODAY, 10), "parole_date": on, "conditional_leave_start": on,
             "leave_before_release_start": on, "assimilation_date": on, "official_differs": 1, "verdict_date": None}
    kept = serving(db, "Klien Tetap", **dates)
    binned_case = serving(db, "Klien Perkara Dihapus", **dates)
    binned_person = serving(db, "Klien Dihapus", **dates)
    clients.delete_case(db, case_of(db, binned_case))
    clients.delete_person(db, binned_person)
    assert due(db, group, TODAY) == {kept}


# -- releases within 1, 2, 3 months ------------------------------------------------------------

# (today, months) -> the last expiry in the window, by hand (a day past the month's end clamps).
RELEASE_LIMITS = {
    (date(2026, 11, 22), 1): date(2026, 12, 22),
    (date(2026, 11, 22), 2): date(2027, 1, 22),
    (date(2026, 11, 22), 3): date(2027, 2, 22),
    (date(2026, 11, 30), 3): date(2027, 2, 28),
    (date(2027, 12, 31), 2): date(2028, 2, 29),
}


@pytest.mark.parametrize("today, months", RELEASE_LIMITS)
def test_releases_within_n_months(db, today, months):
    limit = RELEASE_LIMITS[(today, months)]
    expiries = {"yesterday": day(today, -1), "today": today.isoformat(), "tomorrow": day(today, 1),
                "before the limit": day(limit, -1), "on the limit": limit.isoformat(),
                "after the limit": day(limit, 1)}
    people = {label: serving(db, f"Klien {label}", expiry=value) for label, value in expiries.items()}
    expected = {people[k] for k in ("tomorrow", "before the limit", "on the limit")}
    assert due(db, f"release_{months}", today) == expected


# -- cases whose verdict is missing -------------------------------------------------------------

def test_cases_without_their_verdict_date_or_length_are_listed(db):
    complete = new_person(db, "Klien Lengkap")
    no_date = new_person(db, "Klien Tanpa Tanggal", verdict_number="", verdict_date=None)
    life_no_date = new_person(db, "Klien Seumur Hidup", sentence_kind="life", sentences=[], verdict_number="",
                              verdict_date=None)
    new_person(db, "Klien Seumur Hidup Lengkap", sentence_kind="life", sentences=[])
    death_no_date = new_person(db, "Klien Pidana Mati", sentence_kind="death", sentences=[], verdict_number="",
                               verdict_date=None)
    new_person(db, "Klien Tahanan", sentence_kind="none", sentences=[], verdict_number="", verdict_date=None,
               detention_authority="penyidik")
    no_length = new_person(db, "Klien Tanpa Lama")
    set_case(db, no_length, sentence_p30=0)
    assert due(db, "missing_verdict", TODAY) == {no_date, life_no_date, death_no_date, no_length}
    assert complete not in due(db, "missing_verdict", TODAY)


def test_a_stored_subsider_only_verdict_is_not_listed_as_missing(db):
    person_id = new_person(db, "Klien Pengganti Denda", fine=5_000_000, fine_paid=False)
    # What a subsider-only verdict stores: no main sentence, the subsider, register class B.III.
    set_case(db, person_id, sentences="[]", sentence_p30=0, subsider="2m", register_class="B.III")
    assert due(db, "missing_verdict", TODAY) == set()


# -- Bapas: guidance ending within 30 days (a "Perlu perhatian" group) -------------------------------

def ending(db: Database, today: date) -> set[int]:
    """The persons of the attention group "ending"; its count, selection and rows must agree."""
    q = Queries(db)
    flt = Filter().with_group("attention", "ending")
    ids = q.person_ids(flt, today=today).tolist()
    assert len(ids) == len(set(ids)), "a person listed twice"
    assert q.attention_counts(today=today)["ending"] == len(ids)
    return set(ids)


def test_guidance_ending_within_30_days(db):
    people = {}
    for offset in (-1, 0, 1, 29, 30, 31):
        person_id = new_person(db, f"Klien {offset}", code="PB")
        program_id = Queries(db).programs_of(person_id)[0]["id"]
        update_program(db, program_id, program(db, "PB", end_date=TODAY + timedelta(days=offset)), today=TODAY)
        people[offset] = person_id
    assert ending(db, TODAY) == {people[o] for o in (0, 1, 29, 30)}


def test_guidance_ending_counts_only_active_programs_with_an_end(db):
    from app.models.lapor_rows import refresh, settings_of

    ending_on = TODAY + timedelta(days=10)
    active, finished, binned, open_ended, later = (
        new_person(db, n, code="PB") for n in ("Aktif", "Selesai", "Dihapus", "Terbuka", "Belum mulai"))
    programs = {p: Queries(db).programs_of(p)[0]["id"] for p in (active, finished, binned, open_ended, later)}
    for p in (active, finished, binned):
        update_program(db, programs[p], program(db, "PB", end_date=ending_on), today=TODAY)
    update_program(db, programs[later], program(db, "PB", start_date=TODAY + timedelta(days=2), end_date=ending_on),
                   today=TODAY)
    with db.transaction() as conn:
        conn.execute("UPDATE programs SET end_date = NULL WHERE id = ?", (programs[open_ended],))
        grace, since = settings_of(conn)
        refresh(conn, [programs[open_ended]], grace=grace, recorded_since=since)
    change_program_status(db, programs[finished], StatusChange("selesai", TODAY, "W15-1", "Selesai"), today=TODAY)
    clients.delete_program(db, programs[binned])
    assert ending(db, TODAY) == {active}


def test_official_dates_that_differ_are_listed(db):
    differs = serving(db, "Klien Beda", official_differs=1)
    serving(db, "Klien Sama", official_differs=0)
    assert due(db, "official_differs", TODAY) == {differs}


def test_a_person_with_two_due_cases_is_counted_once(db):
    person_id = serving(db, "Klien Dua Perkara", parole_date=TODAY.isoformat())
    second = add_case(db, person_id, case(db, offence_date=date(2024, 6, 1), detention_start=date(2024, 6, 2),
                                          verdict_date=date(2024, 7, 1)), today=TODAY).id
    with db.transaction() as conn:
        conn.execute("UPDATE cases SET expiry = ?, parole_eligible = 1, parole_date = ? WHERE id = ?",
                     (FAR, TODAY.isoformat(), second))
    assert due(db, "pb", TODAY) == {person_id}


def test_an_unknown_due_group_is_an_error(db):
    with pytest.raises(ValueError):
        Queries(db).due_counts(["pb_lama"], today=TODAY)


# -- the table's order: page() and rank() for every sort key ------------------------------------------

# What each sort key means, in the persons table's columns; the person's id breaks the last tie.
ORDER_COLUMNS = {
    "name": ("name_sort",),
    "nik": ("row_ident", "name_sort"),
    "birth_date": ("birth_date", "name_sort"),
    "program": ("row_program", "name_sort"),
    "register": ("row_register", "name_sort"),
    "officer": ("row_officer_sort", "name_sort"),
    "offence": ("row_offence", "name_sort"),
    "status": ("row_status", "name_sort"),
    "start": ("row_start", "name_sort"),
    "end": ("row_end", "name_sort"),
}
SEARCH = "santoso"


def test_every_sort_key_is_tested():
    assert set(ORDER_COLUMNS) == set(SORT_KEYS)


@pytest.fixture
def crowd(db: Database) -> Database:
    """Persons who tie on every column: same names, birth dates, programs, officers, dates, statuses."""
    sari = officer(db)
    agus = officer(db, "Agus Prasetyo, S.Sos.", "197001011996031004")
    twin = date(1985, 1, 1)
    spec = [
        # name, birth, code, officer, offence, start
        ("Budi Santoso", date(1990, 5, 15), "PB", sari, "Pencurian", date(2025, 12, 21)),
        ("H. Budi Santoso", date(1991, 2, 3), "PB", sari, "Pencurian", date(2025, 12, 21)),
        ("budi santoso", date(1992, 3, 4), "CB", agus, "Penipuan", date(2025, 12, 21)),
        ("Agus Santoso", twin, "PB", agus, "Pencurian", date(2026, 1, 5)),
        ("Citra Santoso", twin, "ASIM", None, "Narkotika (pengguna)", date(2026, 1, 5)),
        ("Dewi Lestari", twin, "PB", sari, "Penipuan", date(2025, 12, 21)),
        ("Eko Prasetyo", date(1990, 5, 15), None, None, "Pencurian", None),
        ("Fajar Nugroho", date(1988, 8, 8), "CB", sari, "Pencurian", date(2026, 1, 5)),
        ("Gita Santoso", date(1993, 9, 9), "PB", None, "Penipuan", date(2025, 12, 21)),
        ("Hadi Wijaya", twin, "ASIM", agus, "Pencurian", date(2025, 12, 21)),
    ]
    people = []
    for name, birth, code, officer_id, offence, start in spec:
        serial = next(_serials)
        p = PersonInput(name=name, nik=f"352201{birth.day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}",
                        sex="L", birth_date=birth, birth_place="Bojonegoro")
        prog = program(db, code, officer_id=officer_id, start_date=start, end_date=date(2027, 12, 1),
                       sk_date=date(2025, 12, 1)) if code else None
        people.append(create_client(db, p, case(db, offence), prog, Confirmations(duplicate_ok=True,
                      duplicate_reason="orang berbeda"), today=TODAY).id)
    # The same name and birth date twice (an officer's decision), and a person with no case at all.
    people.append(new_person(db, "Budi Santoso", confirm=Confirmations(duplicate_ok=True, duplicate_reason="beda")))
    people.append(new_person(db, "Irma Santoso", with_case=False, birth=twin, sex="P"))
    # Foreigners: a passport instead of a NIK, two with the same one.
    people.append(new_person(db, "John Smith", nationality="Australia", passport="PA1234567"))
    people.append(new_person(db, "Jane Smith", nationality="Australia", passport="PA1234567", sex="P"))
    # Statuses that tie and differ.
    programs = {p: Queries(db).programs_of(p) for p in people}
    for index in (1, 5):
        change_program_status(db, programs[people[index]][0]["id"],
                              StatusChange("selesai", TODAY, "W15-9", "Masa bimbingan habis"), today=TODAY)
    change_program_status(db, programs[people[7]][0]["id"], StatusChange("dicabut", TODAY, "W15-10", "Tidak lapor"),
                          today=TODAY)
    # Someone in the bin is in no order at all.
    clients.delete_person(db, new_person(db, "Zaki Santoso", code="PB"))
    return db


def table_rows(db: Database) -> list[dict]:
    return db.query("SELECT * FROM persons WHERE deleted_at IS NULL")


def expected_order(rows: list[dict], key: str, descending: bool) -> list[int]:
    columns = (*ORDER_COLUMNS[key], "id")
    return [r["id"] for r in sorted(rows, key=lambda r: tuple(r[c] for c in columns), reverse=descending)]


SELECTIONS = {
    "everyone": Filter(),
    "a search": Filter(search=SEARCH),
    "a group": Filter().with_group("kind", "__kind_pb__"),
    "a group and a search": Filter(search=SEARCH).with_group("kind", "__kind_pb__"),
}


def resolve(db: Database, flt: Filter) -> Filter:
    """Put the PB kind's id where the table says "__kind_pb__" (ids come from the database)."""
    return Filter(tuple((d, kind_id(db, "PB") if v == "__kind_pb__" else v) for d, v in flt.groups), flt.search)


@pytest.mark.parametrize("key", ORDER_COLUMNS)
def test_page_and_rank_follow_the_order_of_every_sort_key(crowd, monkeypatch, key):
    db = crowd
    rows = {r["id"]: r for r in table_rows(db)}
    searched = {i for i, r in rows.items() if SEARCH in r["name"].lower()}
    assert len(searched) >= 6
    for threshold in (queries_module.SMALL_SELECTION, 2):
        # 2: every selection counts as large, so pages are read in the sort index's order.
        monkeypatch.setattr(queries_module, "SMALL_SELECTION", threshold)
        for label, flt in SELECTIONS.items():
            flt = resolve(db, flt)
            q = Queries(db)
            size = q.select(flt, TODAY)
            selected = set(q.person_ids(flt, today=TODAY).tolist())
            assert len(selected) == size
            if label == "everyone":
                assert selected == set(rows)
            elif label == "a search":
                assert selected == searched
            else:
                assert selected and selected <= set(rows)
                if label == "a group and a search":
                    assert selected <= searched
            for descending in (False, True):
                where = f"{key} {'desc' if descending else 'asc'}, {label}, threshold {threshold}"
                expected = expected_order([rows[i] for i in selected], key, descending)
                q.select(flt, TODAY)
                assert [r["id"] for r in q.page(key, descending, limit=1000)] == expected, where
                by_offset = [r["id"] for start in range(0, size, 3)
                             for r in q.page(key, descending, offset=start, limit=3)]
                assert by_offset == expected, where
                by_keyset, after = [], None
                # Bounded: a keyset that does not move on would otherwise read the same page forever.
                for _ in range(size + 1):
                    page = q.page(key, descending, after=after, limit=4)
                    if not page:
                        break
                    by_keyset += [r["id"] for r in page]
                    after = page[-1]
                assert by_keyset == expected, where
                assert [q.rank(i, key, descending) for i in expected] == list(range(len(expected))), where
                for outsider in set(rows) - selected:
                    assert q.rank(outsider, key, descending) == -1, where


def test_the_crowd_ties_on_every_sort_column(crowd):
    rows = table_rows(crowd)
    for key, columns in ORDER_COLUMNS.items():
        values = [r[columns[0]] for r in rows]
        assert len(set(values)) < len(values), f"no tie on {key}"
        assert len(set(values)) > 1, f"nothing to order on {key}"


def test_an_unknown_sort_key_falls_back_to_the_name(crowd):
    q = Queries(crowd)
    q.select(Filter(), TODAY)
    assert [r["id"] for r in q.page("umur", limit=1000)] == expected_order(table_rows(crowd), "name", False)
