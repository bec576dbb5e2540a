"""Operations on clients: cases, programs, their default ends, register numbers, statuses, the bin.

Expected dates are worked out from domain.md's rules in the test (a sentence of 3
years from 1 March 2024 expires on 1 March 2027; PB supervision ends a year after the
expiry), register numbers from the pattern by hand.  Records are read back with
Queries or plain SQL on the tables, never through the operation under test.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import TODAY
from factories import case, category_id, kind_id, officer, person, program

from app.models.domain import Confirmations, StatusChange
from app.models.durations import Duration
from app.models.errors import UserInputError, ValidationErrors
from app.models.queries import Queries
from app.models.storage import Database
from app.operations import clients
from app.operations.clients import (
    add_program,
    change_program_status,
    create_client,
    format_register,
    propose_register_number,
    update_case,
    update_program,
)
from app.operations.officers import set_officer_active
from app.operations.settings import save_register_pattern

# 3 years from 1 March 2024 (factories.case): expiry 1 March 2027, PB supervision to 1 March 2028.
EXPIRY = "2027-03-01"
SUPERVISION_END = "2028-03-01"
_serials = iter(range(1, 10_000))


def nik_for(birth: date, sex: str = "L") -> str:
    """A NIK whose digits agree with the birth date and sex (a fresh serial each time)."""
    day = birth.day + (40 if sex == "P" else 0)
    return f"352201{day:02d}{birth.month:02d}{birth.year % 100:02d}{next(_serials):04d}"


def new_client(db: Database, name: str = "Budi Santoso", *, birth: date = date(1990, 5, 15), sex: str = "L",
               code: str | None = "PB", case_kw: dict | None = None, **program_kw) -> tuple[int, int, int | None]:
    """(person, case, program) entered through create_client."""
    p = person(name=name, nik=nik_for(birth, sex), sex=sex, birth=birth)
    prog = program(db, code, **program_kw) if code else None
    person_id = create_client(db, p, case(db, **(case_kw or {})), prog, today=TODAY).id
    q = Queries(db)
    (c,) = q.cases_of(person_id)
    programs = q.programs_of(person_id)
    return person_id, c["id"], programs[0]["id"] if programs else None


def child_client(db: Database, code: str = "DIV", **program_kw) -> tuple[int, int, int | None]:
    """A child: born 10 March 2006, 17 at the offence of 1 December 2023."""
    return new_client(db, "Rian Saputra", birth=date(2006, 3, 10), code=code, **program_kw)


def program_row(db: Database, program_id: int) -> dict:
    return dict(db.query("SELECT * FROM programs WHERE id = ?", (program_id,))[0])


def case_row(db: Database, case_id: int) -> dict:
    return dict(db.query("SELECT * FROM cases WHERE id = ?", (case_id,))[0])


def operations_of(db: Database, person_id: int) -> list[str]:
    return [entry["operation"] for entry in Queries(db).history(person_id)]


def error_fields(err: ValidationErrors) -> list[str | None]:
    return [e.field for e in err.errors]


# -- default ends -------------------------------------------------------------------------

def test_a_new_pb_ends_with_the_supervision_by_default(db):
    _p, case_id, program_id = new_client(db, code="PB", end_date=None)
    assert case_row(db, case_id)["parole_supervision_end"] == SUPERVISION_END
    assert program_row(db, program_id)["end_date"] == SUPERVISION_END


@pytest.mark.parametrize("code", ["CB", "CMB"])
def test_a_new_cb_or_cmb_ends_at_the_expiry_by_default(db, code):
    _p, _c, program_id = new_client(db, code=code, end_date=None)
    assert program_row(db, program_id)["end_date"] == EXPIRY


@pytest.mark.parametrize("code", ["ASIM", "PPW"])
def test_other_programs_have_no_default_end(db, code):
    _p, _c, program_id = new_client(db, code=code, end_date=None)
    assert program_row(db, program_id)["end_date"] is None


def test_an_end_that_was_entered_is_kept(db):
    _p, _c, program_id = new_client(db, code="PB", end_date=date(2027, 6, 30))
    assert program_row(db, program_id)["end_date"] == "2027-06-30"


def test_a_default_end_before_the_start_is_not_used(db):
    # Started after the expiry (1 March 2027): a CB cannot end before it starts, so it stays open.
    _p, _c, program_id = new_client(db, code="CB", end_date=None, start_date=date(2026, 11, 1),
                                    case_kw={"sentences": [Duration(years=2)]})
    assert program_row(db, program_id)["end_date"] is None


def test_add_program_uses_the_default_end_too(db):
    _p, case_id, _prog = new_client(db, code="ASIM", end_date=None, start_date=date(2025, 8, 17))
    program_id = add_program(db, case_id, program(db, "PB", end_date=None), today=TODAY).id
    assert program_row(db, program_id)["end_date"] == SUPERVISION_END


# -- refusals: children's programs and inactive PKs ------------------------------------------

def test_a_childrens_program_is_refused_for_an_adult_at_entry(db):
    with pytest.raises(ValidationErrors) as caught:
        new_client(db, code="DIV")
    assert "program.kind_id" in error_fields(caught.value)
    assert Queries(db).is_empty()


def test_a_childrens_program_is_accepted_for_a_child(db):
    _person_id, case_id, program_id = child_client(db)
    assert case_row(db, case_id)["client_class"] == "anak"
    assert program_row(db, program_id)["kind_id"] == kind_id(db, "DIV")


def test_add_program_refuses_a_childrens_program_on_an_adults_case(db):
    person_id, case_id, _prog = new_client(db, code="PB")
    with pytest.raises(ValidationErrors) as caught:
        add_program(db, case_id, program(db, "PPK", register_number="9/PPK/2025"), today=TODAY)
    assert error_fields(caught.value) == ["program.kind_id"]
    assert len(Queries(db).programs_of(person_id)) == 1


def test_update_program_refuses_turning_an_adults_program_into_a_childrens(db):
    _p, _c, program_id = new_client(db, code="PB")
    before = program_row(db, program_id)
    with pytest.raises(ValidationErrors):
        update_program(db, program_id, program(db, "TIN"), today=TODAY)
    assert program_row(db, program_id)["kind_id"] == before["kind_id"]


def test_an_inactive_pk_is_refused_when_a_program_is_added_or_changed(db):
    sari, agus = officer(db), officer(db, "Agus Prasetyo, S.Sos.", "197001011996031004")
    _p, case_id, program_id = new_client(db, code="ASIM", officer_id=sari, start_date=date(2025, 8, 17))
    set_officer_active(db, agus, False, today=TODAY)
    with pytest.raises(ValidationErrors) as caught:
        add_program(db, case_id, program(db, "PB", officer_id=agus), today=TODAY)
    assert error_fields(caught.value) == ["program.officer_id"]
    with pytest.raises(ValidationErrors) as caught:
        update_program(db, program_id, program(db, "ASIM", officer_id=agus, start_date=date(2025, 8, 17)),
                       today=TODAY)
    assert error_fields(caught.value) == ["program.officer_id"]
    assert program_row(db, program_id)["officer_id"] == sari


def test_an_inactive_or_unknown_pk_is_refused_at_entry(db):
    agus = officer(db, "Agus Prasetyo, S.Sos.", "197001011996031004")
    set_officer_active(db, agus, False, today=TODAY)
    for officer_id in (agus, agus + 100):
        with pytest.raises(ValidationErrors) as caught:
            new_client(db, officer_id=officer_id)
        assert error_fields(caught.value) == ["program.officer_id"]
    assert Queries(db).is_empty()


# -- update_case -------------------------------------------------------------------------------

def test_update_case_stores_the_change_recomputes_the_dates_and_reindexes(db):
    person_id, case_id, _prog = new_client(db, code="CB", end_date=date(2027, 3, 1))
    changed = case(db, offence="Penipuan", sentences=[Duration(years=2)], articles="Pasal 378 KUHP")
    result = update_case(db, case_id, changed, today=TODAY)
    assert result.id == case_id and person_id in result.changes.persons and result.changes.lists
    row = case_row(db, case_id)
    assert (row["articles"], row["offence_category_id"]) == ("Pasal 378 KUHP", category_id(db, "Penipuan"))
    assert (row["sentence_p30"], row["expiry"]) == (720, "2026-03-01")  # 2 years from 1 March 2024
    assert row["register_class"] == "B.I"
    assert Queries(db).person(person_id)["row_offence"] == "Penipuan"
    assert operations_of(db, person_id) == ["tambah klien", "ubah perkara"]


def test_update_case_refuses_bad_input_and_keeps_the_case(db):
    _p, case_id, _prog = new_client(db)
    before = case_row(db, case_id)
    with pytest.raises(ValidationErrors) as caught:
        update_case(db, case_id, case(db, verdict_date=date(2026, 11, 23)), today=TODAY)
    assert error_fields(caught.value) == ["case.verdict_date"]
    assert case_row(db, case_id) == before


def test_update_case_refuses_making_a_child_with_a_childrens_program_an_adult(db):
    # Born 10 March 2006: 17 at the offence of 1 December 2023, 18 at one on 1 April 2024.
    person_id, case_id, _prog = child_client(db)
    with pytest.raises(ValidationErrors) as caught:
        update_case(db, case_id, case(db, offence_date=date(2024, 4, 1), detention_start=date(2024, 4, 2),
                                      verdict_date=date(2024, 5, 1)), today=TODAY)
    assert error_fields(caught.value) == ["case.client_class"]
    row = case_row(db, case_id)
    assert (row["client_class"], row["offence_date"]) == ("anak", "2023-12-01")
    assert operations_of(db, person_id) == ["tambah klien"]


def test_update_case_of_an_unknown_case_is_refused(db):
    with pytest.raises(UserInputError) as caught:
        update_case(db, 404, case(db), today=TODAY)
    assert caught.value.code == "not_found"


def test_a_verdict_of_only_kurungan_pengganti_denda_can_be_entered(db):
    _person_id, case_id, _prog = new_client(db, code=None, case_kw={
        "sentences": [], "fine": 5_000_000, "fine_paid": False, "subsider": Duration(months=2)})
    row = case_row(db, case_id)
    assert (row["register_class"], row["subsider"]) == ("B.III", "2m")
    # Unpaid fine: the subsider is served from the first day of detention, 1 March 2024.
    assert row["expiry"] == "2024-05-01"
    # No remission, no fraction, so no program dates follow from it.
    assert (row["one_third"], row["two_thirds"], row["parole_date"], row["conditional_leave_start"]) == (None,) * 4
    assert (row["parole_eligible"], row["conditional_leave_eligible"]) == (0, 0)


# -- add_program / update_program -------------------------------------------------------------

def test_add_program_stores_it_with_the_next_register_number_and_an_audit_entry(db):
    sari = officer(db)
    person_id, case_id, first = new_client(db, code="ASIM", start_date=date(2025, 8, 17), end_date=None)
    result = add_program(db, case_id, program(db, "PB", officer_id=sari), today=TODAY)
    row = program_row(db, result.id)
    assert (row["case_id"], row["person_id"], row["status"], row["officer_id"]) == (case_id, person_id, "aktif", sari)
    assert row["register_number"] == "1/PB/2025"
    assert program_row(db, first)["register_number"] == "1/ASIM/2025"
    assert operations_of(db, person_id) == ["tambah klien", "tambah program"]
    # The table row shows the active program started last.
    assert Queries(db).person(person_id)["row_program"] == "PB"


def test_update_program_stores_the_changes_and_keeps_the_register_number(db):
    sari, agus = officer(db), officer(db, "Agus Prasetyo, S.Sos.", "197001011996031004")
    person_id, _c, program_id = new_client(db, officer_id=sari)
    number = program_row(db, program_id)["register_number"]
    update_program(db, program_id, program(db, "PB", officer_id=agus, end_date=date(2027, 12, 31),
                                           sk_number="PAS-999"), today=TODAY)
    row = program_row(db, program_id)
    assert (row["officer_id"], row["end_date"], row["sk_number"], row["register_number"]) == \
        (agus, "2027-12-31", "PAS-999", number)
    assert Queries(db).person(person_id)["row_officer"] == "Agus Prasetyo, S.Sos."
    assert operations_of(db, person_id) == ["tambah klien", "ubah program"]


def test_update_program_to_another_kind_gets_that_kinds_number(db):
    _p, _c, program_id = new_client(db, code="PB")
    update_program(db, program_id, program(db, "CB"), today=TODAY)
    assert program_row(db, program_id)["register_number"] == "1/CB/2025"


def test_update_program_refuses_a_register_number_in_use(db):
    _p, _c, first = new_client(db, "Budi Santoso")
    _p2, _c2, second = new_client(db, "Joko Susilo")
    taken = program_row(db, first)["register_number"]
    with pytest.raises(ValidationErrors) as caught:
        update_program(db, second, program(db, "PB", register_number=taken), today=TODAY)
    assert caught.value.errors[0].code == "register_taken" and "Budi Santoso" in caught.value.message
    assert program_row(db, second)["register_number"] == "2/PB/2025"


def test_update_program_refuses_an_end_before_the_start(db):
    _p, _c, program_id = new_client(db)
    with pytest.raises(ValidationErrors) as caught:
        update_program(db, program_id, program(db, "PB", end_date=date(2025, 12, 20)), today=TODAY)
    assert error_fields(caught.value) == ["program.end_date"]


# -- register numbers ------------------------------------------------------------------------------

@pytest.mark.parametrize("pattern, expected", [
    ("{seq}/{program}/{year}", "7/PB/2026"),
    ("{seq3}/{program}/{year}", "007/PB/2026"),
    ("{seq4}.{program}.{year}", "0007.PB.2026"),
    ("W15.PAS.{seq3}/{roman_month}/{year}", "W15.PAS.007/III/2026"),
    ("{program}-{year}{month}-{seq}", "PB-202603-7"),
])
def test_register_patterns(pattern, expected):
    assert format_register(pattern, 7, "PB", 2026, 3) == expected


def test_every_month_has_its_roman_numeral():
    romans = [format_register("{roman_month}", 1, "PB", 2026, m) for m in range(1, 13)]
    assert romans == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def test_seq3_grows_past_three_digits():
    assert format_register("{seq3}", 1234, "PB", 2026) == "1234"


def test_a_saved_pattern_numbers_new_programs_by_their_start_month(db):
    save_register_pattern(db, "W15.PAS.{seq3}/{program}/{roman_month}/{year}")
    _p, _c, first = new_client(db, "Budi Santoso", start_date=date(2025, 12, 21))
    _p, _c, second = new_client(db, "Joko Susilo", start_date=date(2026, 2, 3), end_date=None)
    assert program_row(db, first)["register_number"] == "W15.PAS.001/PB/XII/2025"
    assert program_row(db, second)["register_number"] == "W15.PAS.001/PB/II/2026"


@pytest.mark.parametrize("pattern", ["{seq}/{kind}/{year}", "{seq/{year}", "{0}/{seq}"])
def test_a_pattern_with_an_unknown_placeholder_is_refused(db, pattern):
    with pytest.raises(UserInputError) as caught:
        save_register_pattern(db, pattern)
    assert caught.value.field == "settings.register_pattern"
    assert db.get_setting("register_pattern") is None


def test_a_pattern_without_a_sequence_is_refused(db):
    with pytest.raises(UserInputError) as caught:
        save_register_pattern(db, "{program}/{year}")
    assert "{seq}" in caught.value.message


def test_proposals_count_up_per_program_and_year(db):
    pb, cb = kind_id(db, "PB"), kind_id(db, "CB")
    on = date(2026, 1, 5)
    assert propose_register_number(db, pb, on) == "1/PB/2026"
    new_client(db, "Budi Santoso", start_date=on, end_date=None)
    new_client(db, "Joko Susilo", start_date=on, end_date=None)
    assert propose_register_number(db, pb, on) == "3/PB/2026"
    assert propose_register_number(db, cb, on) == "1/CB/2026"
    assert propose_register_number(db, pb, date(2027, 1, 2)) == "1/PB/2027"
    assert propose_register_number(db, pb, date(2025, 12, 31)) == "1/PB/2025"


def test_a_typed_number_that_follows_the_pattern_moves_the_sequence_on(db):
    new_client(db, "Budi Santoso", start_date=date(2026, 1, 5), end_date=None, register_number="10/PB/2026")
    assert propose_register_number(db, kind_id(db, "PB"), date(2026, 3, 1)) == "11/PB/2026"


def test_a_typed_number_off_the_pattern_leaves_the_sequence(db):
    save_register_pattern(db, "{seq3}/{program}/{year}")
    new_client(db, "Budi Santoso", start_date=date(2026, 1, 5), end_date=None, register_number="PB-77 lama")
    assert propose_register_number(db, kind_id(db, "PB"), date(2026, 3, 1)) == "001/PB/2026"


def test_a_proposal_skips_a_number_already_used(db):
    # Typed for a 2025 programme, "1/PB/2026" counts in no 2026 sequence, yet it is taken.
    new_client(db, "Budi Santoso", register_number="1/PB/2026")
    assert propose_register_number(db, kind_id(db, "PB"), date(2026, 3, 1)) == "2/PB/2026"


def test_a_typed_register_number_is_stored_with_single_spaces(db):
    _p, _c, program_id = new_client(db, register_number="  12 /  PB / 2025 ")
    assert program_row(db, program_id)["register_number"] == "12 / PB / 2025"


# -- statuses ------------------------------------------------------------------------------------------

def status(**kw) -> StatusChange:
    values = {"status": "selesai", "date": date(2026, 10, 1), "letter": "W15.PAS.PK.01-123",
              "reason": "Masa bimbingan habis"}
    values.update(kw)
    return StatusChange(**values)


@pytest.mark.parametrize("change, field", [
    (status(status="bebas"), "status.status"),
    (status(date=None), "status.date"),
    (status(date=date(2026, 11, 23)), "status.date"),
    (status(date=date(2025, 12, 20)), "status.date"),  # the day before the start of guidance
    (status(letter="  "), "status.letter"),
    (status(reason=""), "status.reason"),
])
def test_a_status_change_without_what_it_needs_is_refused(db, change, field):
    _p, _c, program_id = new_client(db)
    with pytest.raises(ValidationErrors) as caught:
        change_program_status(db, program_id, change, today=TODAY)
    assert error_fields(caught.value) == [field]
    row = program_row(db, program_id)
    assert (row["status"], row["status_date"]) == ("aktif", None)
    assert not db.query("SELECT 1 FROM status_changes")


@pytest.mark.parametrize("day", [date(2025, 12, 21), TODAY])
def test_a_status_change_on_the_first_day_of_guidance_or_today_is_accepted(db, day):
    _p, _c, program_id = new_client(db)
    change_program_status(db, program_id, status(date=day), today=TODAY)
    assert (program_row(db, program_id)["status"], program_row(db, program_id)["status_date"]) == \
        ("selesai", day.isoformat())


def test_all_missing_parts_of_a_status_change_are_reported_together(db):
    _p, _c, program_id = new_client(db)
    with pytest.raises(ValidationErrors) as caught:
        change_program_status(db, program_id, StatusChange(status="dicabut"), today=TODAY)
    assert error_fields(caught.value) == ["status.date", "status.letter", "status.reason"]


def test_back_to_active_needs_no_letter(db):
    _p, _c, program_id = new_client(db)
    change_program_status(db, program_id, status(), today=TODAY)
    change_program_status(db, program_id, status(status="aktif", letter="", reason="Salah input"), today=TODAY)
    assert program_row(db, program_id)["status"] == "aktif"


def test_a_status_change_is_stored_with_its_history_and_audit(db):
    person_id, _c, program_id = new_client(db)
    change_program_status(db, program_id, status(status="dicabut", date=date(2025, 12, 21)), today=TODAY)
    row = program_row(db, program_id)
    assert (row["status"], row["status_date"], row["status_letter"], row["status_reason"]) == \
        ("dicabut", "2025-12-21", "W15.PAS.PK.01-123", "Masa bimbingan habis")
    history = [(h["status"], h["date"]) for h in Queries(db).status_history(program_id)]
    assert history == [("dicabut", "2025-12-21")]
    assert Queries(db).person(person_id)["row_status"] == "dicabut"
    assert operations_of(db, person_id) == ["tambah klien", "ubah status"]


# -- the bin -----------------------------------------------------------------------------------------------

def bin_entries(db: Database) -> list[tuple[str, int]]:
    return sorted((item["entity"], item["id"]) for item in clients.bin_items(db))


def test_a_deleted_person_goes_to_the_bin_with_everything_and_comes_back(db):
    person_id, case_id, program_id = new_client(db)
    other, _c, _prog = new_client(db, "Joko Susilo")
    clients.delete_person(db, person_id)
    assert bin_entries(db) == [("person", person_id)]  # the case and program go with the person
    assert Queries(db).total() == 1 and Queries(db).person_ids().tolist() == [other]
    with pytest.raises(UserInputError):
        clients.delete_person(db, person_id)
    clients.restore_from_bin(db, "person", person_id)
    assert bin_entries(db) == []
    assert sorted(Queries(db).person_ids().tolist()) == sorted([person_id, other])
    assert [p["id"] for p in Queries(db).programs_of(person_id)] == [program_id]
    assert [c["id"] for c in Queries(db).cases_of(person_id)] == [case_id]
    assert operations_of(db, person_id) == ["tambah klien", "hapus klien", "pulihkan dari tempat sampah"]


def test_a_deleted_case_takes_its_programs_and_returns_with_them(db):
    person_id, case_id, program_id = new_client(db)
    clients.delete_case(db, case_id)
    assert bin_entries(db) == [("case", case_id)]
    assert Queries(db).cases_of(person_id) == [] and Queries(db).programs_of(person_id) == []
    assert Queries(db).person(person_id)["row_program"] == ""
    with pytest.raises(UserInputError, match="perkara"):
        clients.restore_from_bin(db, "program", program_id)  # restore the case first
    clients.restore_from_bin(db, "case", case_id)
    assert [p["id"] for p in Queries(db).programs_of(person_id)] == [program_id]
    assert Queries(db).person(person_id)["row_program"] == "PB"


def test_a_program_deleted_on_its_own_is_listed_and_restored_alone(db):
    person_id, case_id, first = new_client(db, code="ASIM", start_date=date(2025, 8, 17))
    second = add_program(db, case_id, program(db, "PB"), today=TODAY).id
    clients.delete_program(db, second)
    assert bin_entries(db) == [("program", second)]
    assert [p["id"] for p in Queries(db).programs_of(person_id)] == [first]
    clients.restore_from_bin(db, "program", second)
    assert sorted(p["id"] for p in Queries(db).programs_of(person_id)) == [first, second]


def test_a_case_or_program_of_a_binned_person_waits_for_the_person(db):
    person_id, _case_id, program_id = new_client(db)
    clients.delete_program(db, program_id)
    clients.delete_person(db, person_id)
    assert bin_entries(db) == [("person", person_id)]  # what belongs to a binned person is not listed apart
    with pytest.raises(UserInputError, match="orangnya"):
        clients.restore_from_bin(db, "program", program_id)


def test_a_binned_programs_register_number_stays_reserved_for_its_return(db):
    _p, _c, program_id = new_client(db, "Budi Santoso", register_number="5/PB/2025")
    clients.delete_program(db, program_id)
    with pytest.raises(ValidationErrors) as caught:
        new_client(db, "Joko Susilo", register_number="5/PB/2025")
    assert caught.value.errors[0].code == "register_taken"
    clients.restore_from_bin(db, "program", program_id)
    assert program_row(db, program_id)["register_number"] == "5/PB/2025"


@pytest.mark.parametrize("entity", ["person", "case", "program"])
def test_restoring_what_is_not_in_the_bin_is_refused(db, entity):
    person_id, case_id, program_id = new_client(db)
    with pytest.raises(UserInputError, match="tidak di tempat sampah"):
        clients.restore_from_bin(db, entity, {"person": person_id, "case": case_id, "program": program_id}[entity])


def test_an_unknown_kind_of_record_is_refused(db):
    with pytest.raises(UserInputError):
        clients.restore_from_bin(db, "officer", 1)


def test_a_binned_nik_still_blocks_a_new_person_with_it(db):
    person_id, _c, _prog = new_client(db)
    nik = Queries(db).person(person_id)["nik"]
    clients.delete_person(db, person_id)
    with pytest.raises(UserInputError) as caught:
        create_client(db, person(name="Budi Santosa", nik=nik), case(db), program(db), Confirmations(duplicate_ok=True),
                      today=TODAY)
    assert caught.value.code == "nik_taken" and "tempat sampah" in caught.value.message
