"""Each rule of app/models/validation.py: what it refuses, at its edge, and the field it names.

Every test starts from input that passes (the ``good_*`` builders, checked first) and
changes one thing, so a failing rule is the one the test names.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.models.domain import CaseInput, OfficerInput, PersonInput, ProgramInput
from app.models.durations import Duration
from app.models.errors import UserInputError, ValidationErrors
from app.models.validation import (
    case_errors,
    client_class_for,
    officer_errors,
    person_errors,
    program_errors,
    raise_if,
)

TODAY = date(2026, 11, 22)
BIRTH = date(1990, 5, 15)


def good_person(**changes) -> PersonInput:
    p = PersonInput(name="Budi Santoso", nik="3522011505900001", sex="L", birth_date=BIRTH,
                    birth_place="Bojonegoro", phone="0812-3456-7890")
    return replace(p, **changes)


def good_case(**changes) -> CaseInput:
    c = CaseInput(offence_date=date(2023, 12, 1), verdict_number="45/Pid.B/2024/PN Bjn",
                  verdict_date=date(2024, 2, 20), sentences=[Duration(years=3)], detention_start=date(2024, 3, 1))
    return replace(c, **changes)


def good_program(**changes) -> ProgramInput:
    p = ProgramInput(kind_id=1, sk_number="PAS-123", sk_date=date(2025, 12, 10), start_date=date(2025, 12, 21),
                     end_date=date(2027, 12, 1))
    return replace(p, **changes)


def fields(errors: list[UserInputError]) -> list[str | None]:
    return [e.field for e in errors]


def test_the_starting_points_pass():
    assert person_errors(good_person(), TODAY) == []
    assert case_errors(good_case(), BIRTH, TODAY) == []
    assert program_errors(good_program(), child_only=False, client_class="dewasa", today=TODAY) == []
    assert officer_errors(OfficerInput(name="Sari Dewi", nip="198503122010012001", phone="+62 812 3456 7890")) == []


# -- persons ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["", "   "])
def test_a_person_needs_a_name(name):
    assert fields(person_errors(good_person(name=name), TODAY)) == ["person.name"]


@pytest.mark.parametrize("sex", ["", "X", "l"])
def test_a_person_needs_a_sex_l_or_p(sex):
    assert fields(person_errors(good_person(sex=sex), TODAY)) == ["person.sex"]


def test_a_person_needs_a_birth_date():
    assert fields(person_errors(good_person(birth_date=None), TODAY)) == ["person.birth_date"]


@pytest.mark.parametrize("birth, refused", [(TODAY, False), (date(2026, 11, 23), True),
                                            (date(1900, 1, 1), False), (date(1899, 12, 31), True)])
def test_a_birth_date_in_the_future_or_before_1900_is_refused(birth, refused):
    # The NIK's digits are not this validation's business (that is check_nik's): drop it.
    errors = person_errors(good_person(birth_date=birth, nik="", nationality="Malaysia", passport="A123"), TODAY)
    assert fields(errors) == (["person.birth_date"] if refused else [])


def test_a_malformed_nik_is_refused_with_the_format_error():
    (error,) = person_errors(good_person(nik="35220115059"), TODAY)
    assert (error.field, error.code) == ("person.nik", "nik_length")


def test_an_indonesian_needs_a_nik():
    (error,) = person_errors(good_person(nik=""), TODAY)
    assert error.field == "person.nik" and "WNI" in error.message


@pytest.mark.parametrize("nationality", ["Indonesia", "indonesia", "WNI", ""])
def test_every_way_of_writing_indonesian_needs_a_nik(nationality):
    assert fields(person_errors(good_person(nik="", nationality=nationality), TODAY)) == ["person.nik"]


def test_a_foreigner_needs_a_passport_instead_of_a_nik():
    assert fields(person_errors(good_person(nik="", nationality="Malaysia"), TODAY)) == ["person.passport"]
    assert person_errors(good_person(nik="", nationality="Malaysia", passport="A1234567"), TODAY) == []


@pytest.mark.parametrize("phone, refused", [("", False), ("0812-3456-7890", False), ("+62 812 3456 7890", False),
                                            ("12345678", False), ("1234567", True), ("1234567890123456", True),
                                            ("0812 ABC 7890", True), ("0812/3456/7890", True)])
def test_a_phone_number_has_8_to_15_digits(phone, refused):
    assert fields(person_errors(good_person(phone=phone), TODAY)) == (["person.phone"] if refused else [])


def test_several_mistakes_are_all_reported():
    errors = person_errors(PersonInput(name="", sex="X", birth_date=None, nik=""), TODAY)
    assert fields(errors) == ["person.name", "person.sex", "person.birth_date", "person.nik"]


# -- adult or child ---------------------------------------------------------------------------

@pytest.mark.parametrize("offence, klass", [(date(2008, 5, 14), "anak"), (date(2008, 5, 15), "dewasa")])
def test_adult_from_the_18th_birthday_on(offence, klass):
    assert client_class_for(date(1990, 5, 15), offence) == klass


# -- cases --------------------------------------------------------------------------------------

def test_a_case_without_an_offence_date_is_saved_but_listed_as_incomplete():
    # Old registers lack it (issue 12): never refused, never invented, named as missing.
    from app.models.validation import missing_case_fields

    assert case_errors(good_case(offence_date=None), BIRTH, TODAY) == []
    assert missing_case_fields(good_case(offence_date=None), "offence") == ["tanggal tindak pidana"]
    assert missing_case_fields(good_case(), "offence") == []


def test_an_offence_date_in_the_future_is_refused():
    errors = case_errors(good_case(offence_date=date(2026, 11, 23), verdict_date=None, verdict_number="",
                                   detention_start=None), BIRTH, TODAY)
    assert fields(errors) == ["case.offence_date"]


def test_an_offence_before_the_birth_is_refused():
    assert fields(case_errors(good_case(), date(2024, 1, 1), TODAY)) == ["case.offence_date"]


@pytest.mark.parametrize("birth, klass, refused", [
    (date(2006, 12, 2), "dewasa", True),   # 16 at the offence, entered as an adult
    (date(2005, 12, 1), "dewasa", False),  # 18 that day
    (date(2011, 12, 2), "anak", True),     # 11: too young to be prosecuted
    (date(2011, 12, 1), "anak", False),    # 12 that day
    (date(2005, 12, 1), "anak", True),     # 18: not a child
    (date(2005, 12, 2), "anak", False),    # a day short of 18
])
def test_the_class_must_fit_the_age_at_the_offence(birth, klass, refused):
    errors = case_errors(good_case(client_class=klass), birth, TODAY)
    assert fields(errors) == (["case.client_class"] if refused else [])


def test_a_child_under_12_is_refused_also_when_the_class_follows_from_the_age():
    (error,) = case_errors(good_case(client_class=None), date(2012, 1, 1), TODAY)
    assert error.field == "case.client_class" and "12" in error.message


def test_an_unknown_class_is_refused():
    assert "case.client_class" in fields(case_errors(good_case(client_class="remaja"), BIRTH, TODAY))


def test_an_unknown_kind_of_sentence_is_refused():
    assert fields(case_errors(good_case(sentence_kind="denda"), BIRTH, TODAY)) == ["case.sentence_kind"]


def test_a_term_sentence_without_a_length_or_subsider_is_listed_as_incomplete():
    from app.models.validation import missing_case_fields

    for sentences in ([], [Duration()]):
        assert case_errors(good_case(sentences=sentences), BIRTH, TODAY) == []
        assert missing_case_fields(good_case(sentences=sentences), "offence") == ["lama pidana"]
    assert missing_case_fields(good_case(sentences=[], subsider=Duration(months=2)), "offence") == []


@pytest.mark.parametrize("kind", ["life", "death", "none"])
def test_life_death_and_detention_need_no_length(kind):
    assert case_errors(good_case(sentence_kind=kind, sentences=[]), BIRTH, TODAY) == []


def test_a_verdict_date_in_the_future_is_refused():
    errors = case_errors(good_case(verdict_date=date(2026, 11, 23)), BIRTH, TODAY)
    assert fields(errors) == ["case.verdict_date"]


def test_a_verdict_before_the_offence_is_refused():
    errors = case_errors(good_case(verdict_date=date(2023, 11, 30)), BIRTH, TODAY)
    assert fields(errors) == ["case.verdict_date"]
    assert case_errors(good_case(verdict_date=date(2023, 12, 1), detention_start=date(2023, 12, 1)),
                       BIRTH, TODAY) == []


@pytest.mark.parametrize("kind, refused", [("term", True), ("life", True), ("death", True), ("none", False)])
def test_a_verdict_number_needs_its_date_for_a_sentence(kind, refused):
    errors = case_errors(good_case(sentence_kind=kind, verdict_date=None), BIRTH, TODAY)
    assert fields(errors) == (["case.verdict_date"] if refused else [])


def test_a_verdict_date_may_wait_when_no_number_is_known_yet():
    assert case_errors(good_case(verdict_date=None, verdict_number=" "), BIRTH, TODAY) == []


def test_a_detention_start_in_the_future_or_before_the_offence_is_refused():
    assert fields(case_errors(good_case(detention_start=date(2026, 11, 23)), BIRTH, TODAY)) == \
        ["case.detention_start"]
    assert fields(case_errors(good_case(detention_start=date(2023, 11, 30)), BIRTH, TODAY)) == \
        ["case.detention_start"]


@pytest.mark.parametrize("name", ["fine", "city_detention_days", "house_detention_days", "remission_total_days"])
def test_numbers_may_not_be_negative(name):
    assert fields(case_errors(good_case(**{name: -1}), BIRTH, TODAY)) == [f"case.{name}"]
    assert case_errors(good_case(**{name: 0}), BIRTH, TODAY) == []


def test_an_unknown_detaining_authority_is_refused():
    assert fields(case_errors(good_case(sentence_kind="none", detention_authority="polsek"), BIRTH, TODAY)) == \
        ["case.detention_authority"]
    assert case_errors(good_case(sentence_kind="none", detention_authority="penyidik"), BIRTH, TODAY) == []


# -- programs -------------------------------------------------------------------------------------

def check(program: ProgramInput, *, child_only: bool = False, klass: str | None = "dewasa") -> list[str | None]:
    return fields(program_errors(program, child_only=child_only, client_class=klass, today=TODAY))


def test_a_program_needs_its_kind_and_start():
    assert check(good_program(kind_id=None)) == ["program.kind_id"]
    assert check(good_program(start_date=None)) == ["program.start_date"]


def test_the_end_of_guidance_may_not_come_before_its_start():
    assert check(good_program(end_date=date(2025, 12, 20))) == ["program.end_date"]
    assert check(good_program(end_date=date(2025, 12, 21))) == []
    assert check(good_program(end_date=None)) == []


def test_a_decree_date_in_the_future_is_refused():
    assert check(good_program(sk_date=date(2026, 11, 23))) == ["program.sk_date"]
    assert check(good_program(sk_date=TODAY)) == []


@pytest.mark.parametrize("klass, refused", [("dewasa", True), ("anak", False), (None, False)])
def test_a_childrens_program_is_refused_for_an_adult(klass, refused):
    assert check(good_program(), child_only=True, klass=klass) == (["program.kind_id"] if refused else [])


# -- officers -------------------------------------------------------------------------------------

def test_an_officer_needs_a_name_and_may_go_without_a_nip():
    assert fields(officer_errors(OfficerInput(name=" "))) == ["officer.name"]
    assert officer_errors(OfficerInput(name="Sari Dewi", nip="")) == []


def test_a_malformed_nip_is_refused_with_its_reason():
    (error,) = officer_errors(OfficerInput(name="Sari Dewi", nip="198503122010013001"))
    assert (error.field, error.code) == ("officer.nip", "nip_sex")


def test_an_officers_phone_number_is_checked_too():
    assert fields(officer_errors(OfficerInput(name="Sari Dewi", phone="12-34"))) == ["officer.phone"]


# -- raising ------------------------------------------------------------------------------------------

def test_raise_if_raises_all_errors_together_and_nothing_for_none():
    raise_if([])
    errors = person_errors(PersonInput(name="", sex="L", birth_date=None, nik=""), TODAY)
    with pytest.raises(ValidationErrors) as caught:
        raise_if(errors)
    assert caught.value.errors == errors
    assert caught.value.field == "person.name"
    assert caught.value.exit_status == 2
