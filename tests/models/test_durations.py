"""Durations, calendar arithmetic, date parsing and Indonesian dates (app/models/durations.py)."""

from __future__ import annotations

from datetime import date

import pytest

from app.models import i18n
from app.models.durations import (
    Duration,
    add_calendar,
    format_date_id,
    format_number_id,
    parse_date,
    subtract_calendar,
)
from app.models.errors import UserInputError


@pytest.mark.parametrize("text, expected", [
    ("3y6m15d", Duration(3, 6, 15)),
    ("8m", Duration(0, 8, 0)),
    ("15d", Duration(0, 0, 15)),
    ("1y", Duration(1, 0, 0)),
    ("2y15d", Duration(2, 0, 15)),
    ("3Y6M15D", Duration(3, 6, 15)),
    ("3t6b15h", Duration(3, 6, 15)),
    ("3T6B", Duration(3, 6, 0)),
    (" 3y 6m ", Duration(3, 6, 0)),
    ("0d", Duration()),
    ("14m", Duration(0, 14, 0)),
])
def test_parse_accepts_the_documented_forms(text: str, expected: Duration) -> None:
    assert Duration.parse(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "3x", "-1m", "3y3y", "1.5y", "6m3y", "y", "3", "m6"])
def test_parse_refuses_bad_text_with_an_indonesian_message(text: str) -> None:
    with pytest.raises(UserInputError) as info:
        Duration.parse(text)
    assert "Lama pidana tidak valid" in str(info.value)
    assert info.value.exit_status == 2


def test_parse_error_follows_the_message_language() -> None:
    i18n.set_language("en")
    try:
        with pytest.raises(UserInputError, match="Invalid duration: '3x'"):
            Duration.parse("3x")
    finally:
        i18n.set_language("id")


def test_days30_counts_a_month_as_30_days_and_a_year_as_360() -> None:
    assert Duration(3, 6, 15).days30 == 3 * 360 + 6 * 30 + 15
    assert Duration(0, 1, 0).days30 == 30
    assert Duration().days30 == 0


def test_add_folds_months_into_years_but_never_carries_days() -> None:
    assert Duration(0, 8) + Duration(0, 6) == Duration(1, 2, 0)
    assert Duration(1, 11, 20) + Duration(2, 1, 20) == Duration(4, 0, 40)
    assert Duration(0, 0, 20) + Duration(0, 0, 20) == Duration(0, 0, 40)


def test_labels_and_compact_form() -> None:
    assert Duration(3, 6, 15).label_id() == "3 tahun 6 bulan 15 hari"
    assert Duration(1, 0, 5).label_id() == "1 tahun 5 hari"
    assert Duration().label_id() == "0 hari"
    assert Duration(3, 6, 15).compact() == "3y6m15d"
    assert Duration(0, 8).compact() == "8m"
    assert Duration().compact() == "0d"
    assert Duration().is_zero and not Duration(days=1).is_zero
    for d in (Duration(3, 6, 15), Duration(0, 8), Duration(2, 0, 15), Duration()):
        assert Duration.parse(d.compact()) == d


@pytest.mark.parametrize("start, d, clamp, overflow", [
    # 31 January + 1 month: February has no 31st.  Clamp stays in February,
    # overflow spills the 3 (common year) or 2 (leap year) surplus days into March.
    (date(2025, 1, 31), Duration(0, 1), date(2025, 2, 28), date(2025, 3, 3)),
    (date(2024, 1, 31), Duration(0, 1), date(2024, 2, 29), date(2024, 3, 2)),
    # 29 February + 1 year lands in a common year.
    (date(2024, 2, 29), Duration(1), date(2025, 2, 28), date(2025, 3, 1)),
    # ... but + 4 years lands on another 29 February.
    (date(2024, 2, 29), Duration(4), date(2028, 2, 29), date(2028, 2, 29)),
    # Years, then months: the year step already clamped to 28 Feb, so 28 Mar.
    (date(2024, 2, 29), Duration(1, 1), date(2025, 3, 28), date(2025, 4, 1)),
    # Months across the year end.
    (date(2024, 11, 30), Duration(0, 3), date(2025, 2, 28), date(2025, 3, 2)),
    # Days are plain calendar days, including 29 February.
    (date(2024, 2, 28), Duration(0, 0, 1), date(2024, 2, 29), date(2024, 2, 29)),
    (date(2024, 3, 1), Duration(3), date(2027, 3, 1), date(2027, 3, 1)),
])
def test_add_calendar_month_end_rules(start: date, d: Duration, clamp: date,
                                      overflow: date) -> None:
    assert add_calendar(start, d) == clamp
    assert add_calendar(start, d, month_end="clamp") == clamp
    assert add_calendar(start, d, month_end="overflow") == overflow


def test_subtract_calendar() -> None:
    assert subtract_calendar(date(2024, 3, 31), Duration(0, 1)) == date(2024, 2, 29)
    assert subtract_calendar(date(2025, 3, 31), Duration(0, 1)) == date(2025, 2, 28)
    assert subtract_calendar(date(2025, 3, 31), Duration(0, 1), month_end="overflow") == \
        date(2025, 3, 3)
    assert subtract_calendar(date(2025, 2, 28), Duration(1)) == date(2024, 2, 28)
    assert subtract_calendar(date(2025, 1, 15), Duration(0, 2, 20)) == date(2024, 10, 26)


def test_add_calendar_refuses_unknown_rule_and_out_of_range_dates() -> None:
    with pytest.raises(UserInputError):
        add_calendar(date(2024, 1, 31), Duration(0, 1), month_end="nearest")
    with pytest.raises(UserInputError):
        add_calendar(date(9999, 6, 1), Duration(2))


def test_parse_date_reads_iso_and_refuses_impossible_dates() -> None:
    assert parse_date("2024-02-29") == date(2024, 2, 29)
    assert parse_date(" 2024-03-01 ") == date(2024, 3, 1)
    for bad in ("2025-02-30", "2023-02-29", "2025-13-01", "2025-2-3", "01-03-2024", "", "abc"):
        with pytest.raises(UserInputError) as info:
            parse_date(bad)
        assert "Tanggal tidak valid" in str(info.value)


def test_format_date_id_uses_indonesian_month_names() -> None:
    names = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"]
    for month, name in enumerate(names, 1):
        assert format_date_id(date(2024, month, 1)) == f"1 {name} 2024"
    assert format_date_id(date(2027, 12, 31)) == "31 Desember 2027"
    assert format_date_id(None) == "-"


def test_format_number_id_uses_dots() -> None:
    assert format_number_id(1080) == "1.080"
    assert format_number_id(999) == "999"
    assert format_number_id(1_000_000) == "1.000.000"


def test_out_of_range_dates_name_the_calendar_limit() -> None:
    with pytest.raises(UserInputError) as info:
        add_calendar(date(9999, 6, 1), Duration(2))
    assert str(info.value) == ("Tanggal di luar jangkauan (tahun 1 s.d. 9999): "
                               "9999-06-01 + 2y")
    with pytest.raises(UserInputError) as info:
        subtract_calendar(date(1, 3, 1), Duration(0, 3))
    assert "0001-03-01 - 3m" in str(info.value) and "9999" in str(info.value)


@pytest.mark.parametrize("text", ["100000d", "999999999d", "3000000y", "9" * 5000 + "d",
                                  "1y" + "0" * 4999 + "100000m"])
def test_parse_refuses_numbers_past_the_limit_naming_it(text: str) -> None:
    with pytest.raises(UserInputError) as info:
        Duration.parse(text)
    assert "paling banyak 99.999" in str(info.value)
    assert info.value.exit_status == 2


def test_parse_accepts_the_largest_number_and_leading_zeros() -> None:
    assert Duration.parse("99999d") == Duration(0, 0, 99_999)
    assert Duration.parse("0003y") == Duration(3)
