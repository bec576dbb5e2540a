"""The reads the dates and status dialogs and the details panel take from Queries."""

from __future__ import annotations

from datetime import date

from conftest import TODAY
from factories import case, person, program

from app.models.queries import Queries
from app.operations import clients, sentence


def make_case(db) -> tuple[int, int]:
    person_id = clients.create_client(db, person(), case(db), program(db, "PB"), today=TODAY).id
    return person_id, Queries(db).cases_of(person_id)[0]["id"]


def test_a_case_is_read_whole_and_a_missing_one_is_none(db):
    _, case_id = make_case(db)
    queries = Queries(db)
    found = queries.case(case_id)
    assert found["id"] == case_id and found["detention_start"] == "2024-03-01"
    assert found["expiry"] == found["calc_expiry"] == sentence.compute_case(db, case_id).expiry.isoformat()
    assert queries.case(case_id + 1) is None


def test_official_dates_and_their_source_come_back_as_saved(db):
    _, case_id = make_case(db)
    queries = Queries(db)
    assert queries.official_dates(case_id) == {} and queries.official_source(case_id) == ""
    sentence.set_official_dates(db, case_id, {"expiry": date(2027, 1, 5), "parole_date": date(2026, 2, 1)},
                                "  SK PB PAS-77  ")
    assert queries.official_dates(case_id) == {"expiry": date(2027, 1, 5), "parole_date": date(2026, 2, 1)}
    assert queries.official_source(case_id) == "SK PB PAS-77"
    sentence.set_official_dates(db, case_id, {"expiry": None})
    assert queries.official_dates(case_id) == {"parole_date": date(2026, 2, 1)}


def test_overrides_keep_the_officers_date_and_reason(db):
    _, case_id = make_case(db)
    queries = Queries(db)
    sentence.set_override(db, case_id, "two_thirds", date(2026, 1, 10), "Sesuai SK PB")
    assert queries.overrides(case_id) == {"two_thirds": (date(2026, 1, 10), "Sesuai SK PB")}
    # The operations read the same home: the stored effective date follows the override.
    assert queries.case(case_id)["two_thirds"] == "2026-01-10"
    sentence.clear_override(db, case_id, "two_thirds")
    assert queries.overrides(case_id) == {}


def test_one_program_has_the_columns_of_a_persons_programs(db):
    person_id, _ = make_case(db)
    queries = Queries(db)
    [listed] = queries.programs_of(person_id)
    assert queries.program(listed["id"]) == listed
    assert listed["kind_code"] == "PB"
    assert queries.program(listed["id"] + 1) is None
