"""NIK and NIP / NI PPPK: what the digits encode, what is refused, what only needs a reason.

The expected values are worked out by hand from the layouts in domain.md (NIK: region
1-6, birth date DDMMYY with the day + 40 for women, serial 13-16; NIP: birth date
YYYYMMDD, appointment YYYYMM, sex digit, serial), not read back from the code.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.models.errors import UserInputError
from app.models.i18n import set_language
from app.models.identity import (
    check_nik,
    nik_info,
    normalise_digits,
    validate_nik_format,
    validate_nip,
)

# Bojonegoro (35 22 01), born 15 May 1990, serial 0001.
MAN = "3522011505900001"
# The same woman: day 15 + 40 = 55.
WOMAN = "3522015505900002"


# -- NIK format ----------------------------------------------------------------------

@pytest.mark.parametrize("typed", [MAN, "3522 0115 0590 0001", "35.22.01.150590.0001", "3522-01-150590-0001",
                                   f"  {MAN} "])
def test_a_nik_typed_with_spaces_dots_or_dashes_is_its_16_digits(typed):
    assert validate_nik_format(typed) == MAN


@pytest.mark.parametrize("nik, digits", [("352201150590000", 15), ("35220115059000012", 17), ("3", 1)])
def test_a_nik_that_is_not_16_digits_is_refused_and_says_how_many_were_given(nik, digits):
    with pytest.raises(UserInputError) as caught:
        validate_nik_format(nik)
    assert caught.value.code == "nik_length"
    assert caught.value.field == "person.nik"
    assert f"yang diisi {digits} digit" in caught.value.message


@pytest.mark.parametrize("nik", ["35220115059O0001", "3522011505900O01", "352201150590000X"])
def test_a_nik_with_a_letter_is_refused(nik):
    with pytest.raises(UserInputError) as caught:
        validate_nik_format(nik, field="form.nik")
    assert caught.value.code == "nik_digits"
    assert caught.value.field == "form.nik"


def test_the_refusal_is_in_english_when_english_is_chosen():
    set_language("en")
    with pytest.raises(UserInputError) as caught:
        validate_nik_format("123")
    assert caught.value.message == "A NIK must have 16 digits (3 given)."


def test_normalise_digits_drops_only_separators():
    assert normalise_digits(" 19 85.03-12 ") == "19850312"
    assert normalise_digits("35/22") == "35/22"  # other characters stay, so the format check sees them


# -- NIK digits ------------------------------------------------------------------------

def test_a_mans_nik_encodes_province_birth_date_and_sex():
    info = nik_info(MAN)
    assert (info.province, info.birth_day, info.birth_month, info.birth_year_2, info.sex) == (35, 15, 5, 90, "L")


def test_a_womans_birth_day_is_written_plus_40():
    info = nik_info(WOMAN)
    assert (info.birth_day, info.birth_month, info.birth_year_2, info.sex) == (15, 5, 90, "P")


@pytest.mark.parametrize("day_digits, day, sex", [("01", 1, "L"), ("31", 31, "L"), ("40", 40, "L"),
                                                  ("41", 1, "P"), ("71", 31, "P")])
def test_the_day_digits_at_the_edges(day_digits, day, sex):
    info = nik_info(f"352201{day_digits}05900001")
    assert (info.birth_day, info.sex) == (day, sex)


def test_a_nik_that_agrees_with_birth_date_and_sex_has_no_problems():
    assert check_nik(MAN, date(1990, 5, 15), "L") == []
    assert check_nik(WOMAN, date(1990, 5, 15), "P") == []


def test_the_region_and_serial_digits_do_not_decide_agreement():
    # Another district of the same province (35 07) and another serial: still the same person's digits.
    assert check_nik("3507011505909999", date(1990, 5, 15), "L") == []
    assert check_nik("3522991505900000", date(1990, 5, 15), "L") == []


def test_an_unknown_province_code_is_a_problem():
    problems = check_nik("9922011505900001", date(1990, 5, 15), "L")
    assert len(problems) == 1 and "(99)" in problems[0]


@pytest.mark.parametrize("birth", [date(1990, 5, 16), date(1990, 6, 15), date(1991, 5, 15)])
def test_a_birth_date_differing_in_day_month_or_year_is_a_problem(birth):
    problems = check_nik(MAN, birth, "L")
    assert len(problems) == 1 and "15-05-90" in problems[0]


def test_the_century_is_not_in_the_nik():
    assert check_nik(MAN, date(1890, 5, 15), "L") == []


def test_a_womans_nik_entered_as_a_man_is_a_problem_and_the_reverse_too():
    (problem,) = check_nik(WOMAN, date(1990, 5, 15), "L")
    assert "perempuan" in problem and "laki-laki" in problem
    (problem,) = check_nik(MAN, date(1990, 5, 15), "P")
    assert "laki-laki" in problem and "perempuan" in problem


def test_a_nik_can_disagree_on_birth_date_and_sex_at_once():
    problems = check_nik(WOMAN, date(1990, 5, 25), "L")
    assert len(problems) == 2
    assert "15-05-90" in problems[0] and "perempuan" in problems[1]


@pytest.mark.parametrize("nik", ["3522013205900001", "3522017205900001", "3522011513900001", "3522010005900001",
                                 "3522013002900001"])
def test_a_birth_date_inside_the_nik_that_does_not_exist_is_a_problem(nik):
    problems = check_nik(nik, date(1990, 5, 15), None)
    assert len(problems) == 1 and "bukan tanggal yang ada" in problems[0]


def test_29_february_is_a_date_a_nik_can_hold():
    assert check_nik("3522012902000001", date(2000, 2, 29), "L") == []
    assert check_nik("3522016902000001", date(2000, 2, 29), "P") == []


def test_without_a_birth_date_or_sex_only_the_nik_itself_is_checked():
    assert check_nik(MAN, None, None) == []
    assert check_nik(WOMAN, None, "") == []


# -- NIP and NI PPPK ---------------------------------------------------------------------

def test_a_womans_nip_gives_her_birth_date_and_sex():
    # Born 12 March 1985, appointed January 2010, woman, serial 001.
    info = validate_nip("198503122010012001")
    assert (info.kind, info.birth_date, info.sex) == ("nip", date(1985, 3, 12), "P")


def test_a_mans_nip_with_spaces_as_printed_on_letters():
    info = validate_nip("19700101 199603 1 004")
    assert (info.kind, info.birth_date, info.sex) == ("nip", date(1970, 1, 1), "L")


def test_an_ni_pppk_is_recognised_by_21_after_the_appointment_year():
    # Born 12 March 1985, appointed 2022, PPPK "21", man, serial 001.
    info = validate_nip("198503122022211001")
    assert (info.kind, info.birth_date, info.sex) == ("pppk", date(1985, 3, 12), "L")


@pytest.mark.parametrize("nip", ["19850312201001200", "1985031220100120011", "19850312201001200A", ""])
def test_a_nip_that_is_not_18_digits_is_refused(nip):
    with pytest.raises(UserInputError) as caught:
        validate_nip(nip)
    assert caught.value.code == "nip_length"
    assert caught.value.field == "officer.nip"


@pytest.mark.parametrize("nip", ["198502302010012001", "198513012010012001", "198503002010012001"])
def test_a_birth_date_in_the_nip_that_does_not_exist_is_refused(nip):
    with pytest.raises(UserInputError) as caught:
        validate_nip(nip, field="office.head_nip")
    assert caught.value.code == "nip_birth"
    assert caught.value.field == "office.head_nip"


@pytest.mark.parametrize("year, accepted", [(1939, False), (1940, True), (2015, True), (2016, False)])
def test_the_birth_year_in_a_nip_must_be_plausible(year, accepted):
    nip = f"{year}0101{year + 20}011001"
    if accepted:
        assert validate_nip(nip).birth_date == date(year, 1, 1)
    else:
        with pytest.raises(UserInputError) as caught:
            validate_nip(nip)
        assert caught.value.code == "nip_birth"


@pytest.mark.parametrize("month", ["00", "13", "20", "22"])
def test_an_appointment_month_that_is_neither_a_month_nor_pppk_is_refused(month):
    with pytest.raises(UserInputError) as caught:
        validate_nip(f"198503122010{month}2001")
    assert caught.value.code == "nip_appointment"


@pytest.mark.parametrize("appointed, accepted", [(1999, False), (2000, True)])
def test_an_appointment_before_the_age_of_15_is_refused(appointed, accepted):
    nip = f"19850312{appointed}012001"
    if accepted:
        assert validate_nip(nip).kind == "nip"
    else:
        with pytest.raises(UserInputError) as caught:
            validate_nip(nip)
        assert caught.value.code == "nip_appointment"


@pytest.mark.parametrize("digit", ["0", "3", "9"])
def test_a_sex_digit_other_than_1_or_2_is_refused(digit):
    with pytest.raises(UserInputError) as caught:
        validate_nip(f"19850312201001{digit}001")
    assert caught.value.code == "nip_sex"
