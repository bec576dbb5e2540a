"""Only ASCII digits 0-9 are numbers (app/models/digits.py), in every parser that uses it:
durations and sentences, ISO dates, dates as people type them, and whole numbers."""

from __future__ import annotations

from datetime import date

import pytest

from app.models import i18n
from app.models.dates import parse_date_text, parse_iso_date
from app.models.digits import foreign_digit, is_ascii_number, parse_whole_number
from app.models.durations import Duration, parse_date
from app.models.errors import UserInputError

# Arabic-Indic, Extended Arabic-Indic (Persian), Devanagari, full-width, Bengali, Thai
# threes, and a superscript two, all of which Python's int() or \d would read.
FOREIGN = ["٣", "۳", "३", "３", "৩", "๓", "²"]


@pytest.mark.parametrize("ch", FOREIGN)
def test_every_parser_refuses_a_foreign_digit_saying_only_0_9(ch: str) -> None:
    attempts = [
        lambda: Duration.parse(f"{ch}y"),
        lambda: Duration.parse(f"1y{ch}m"),
        lambda: parse_date(f"2024-0{ch}-01"),
        lambda: parse_iso_date(f"202{ch}-03-01"),
        lambda: parse_date_text(f"{ch}1-01-2026"),
        lambda: parse_date_text(f"1{ch} Januari 2026"),
        lambda: parse_date_text(f"2026-01-1{ch}"),
        lambda: parse_whole_number(f"5{ch}", what="--fine", maximum=10 ** 9),
    ]
    for attempt in attempts:
        with pytest.raises(UserInputError) as info:
            attempt()
        assert "hanya angka 0-9 yang diterima" in info.value.message, info.value.message
        assert f"'{ch}'" in info.value.message
        assert info.value.exit_status == 2 and info.value.code == "non_ascii_digit"


def test_a_whole_date_in_arabic_indic_digits_is_refused_not_read() -> None:
    with pytest.raises(UserInputError, match="0-9"):
        parse_date("٢٠٢٤-٠٣-٠١")
    with pytest.raises(UserInputError, match="0-9"):
        parse_date_text("١٢/٠١/٢٠٢٦")


def test_the_message_follows_the_language() -> None:
    i18n.set_language("en")
    try:
        with pytest.raises(UserInputError, match="only the digits 0-9 are accepted, not '٣'"):
            Duration.parse("٣y")
    finally:
        i18n.set_language("id")


def test_ascii_text_still_parses() -> None:
    assert Duration.parse("3y6m15d") == Duration(3, 6, 15)
    assert parse_date("2024-03-01") == date(2024, 3, 1)
    assert parse_date_text("12 Januari 2026") == date(2026, 1, 12)
    assert parse_date_text("12/01/2026") == date(2026, 1, 12)
    assert parse_whole_number(" 5000000 ", what="--fine", maximum=10 ** 9) == 5_000_000


def test_helpers() -> None:
    assert foreign_digit("2024-03-01") is None
    assert foreign_digit("Jl. Mawar ٣") == "٣"
    assert foreign_digit("Müller") is None  # letters outside ASCII are not digits
    assert is_ascii_number("0123") and not is_ascii_number("٣") and not is_ascii_number("")


@pytest.mark.parametrize("text, words", [
    ("-5", "tidak boleh negatif"), ("abc", "harus bilangan bulat"), ("1.000", "bilangan bulat"),
    ("", "bilangan bulat"), ("10001", "paling banyak 10.000"),
    ("9" * 5000, "paling banyak 10.000"),
])
def test_parse_whole_number_refusals_name_the_value_and_limit(text: str, words: str) -> None:
    with pytest.raises(UserInputError) as info:
        parse_whole_number(text, what="--fine", maximum=10_000)
    assert words in info.value.message and info.value.message.startswith("--fine")
