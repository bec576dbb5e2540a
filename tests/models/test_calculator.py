"""The sentence calculator (app/models/calculator.py) against domain.md's rules 1-12.

Expected dates are worked out by hand in the comments, not copied from the
program's output.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from app.models.calculator import (
    DATE_KEYS,
    SETTING_LABELS,
    CalcSettings,
    Interruption,
    Remission,
    SentenceDates,
    SentenceInput,
    compute,
    validate,
)
from app.models.durations import Duration
from app.models.errors import UserInputError

S = date(2024, 3, 1)


def calc(settings: CalcSettings = CalcSettings(), today: date | None = None,
         **kw: Any) -> SentenceDates:
    kw.setdefault("detention_start", S)
    return compute(SentenceInput(**kw), settings, today=today)


def worked_example(**kw: Any) -> SentenceDates:
    return calc(sentences=(Duration(3),), remissions=(
        Remission(date(2025, 8, 17), months=2, kind="umum"),
        Remission(date(2025, 12, 25), months=1, kind="khusus"),
    ), **kw)


def step(dates: SentenceDates, key: str):
    found = [s for s in dates.breakdown if s.key == key]
    assert found, f"no step {key!r} in {[s.key for s in dates.breakdown]}"
    return found[0]


# --- the worked example -----------------------------------------------------

def test_worked_example_of_domain_md() -> None:
    d = worked_example()
    assert d.expiry_initial == date(2027, 3, 1)
    assert d.expiry == date(2026, 12, 1)
    assert d.one_third == date(2025, 2, 24)
    assert d.half == date(2025, 8, 17)
    assert d.two_thirds == date(2025, 12, 21)
    assert d.parole_eligible is True
    assert d.parole_date == date(2025, 12, 21)
    assert d.parole_supervision_end == date(2027, 12, 1)
    assert d.conditional_leave_eligible is False
    assert d.conditional_leave_start is None and d.conditional_leave_end is None
    assert d.leave_before_release_start == date(2026, 11, 1)
    assert d.assimilation_date == date(2025, 8, 17)
    assert d.p30 == 1080
    assert dict(d.required_days) == {"one_third": 360, "half": 540, "two_thirds": 720}
    assert dict(d.computed) == {k: getattr(d, k) for k in DATE_KEYS}
    assert dict(d.moved_by_override) == {}


def test_worked_example_breakdown_shows_numbers_sources_and_indonesian_dates() -> None:
    d = worked_example()
    assert "1.080" in step(d, "sentence").value
    assert "KUHP Pasal 97" in step(d, "sentence").source
    assert "1.095" in step(d, "calendar_days").value
    assert step(d, "credit").source.startswith("KUHAP Pasal 22(4)-(5)")
    assert "90 hari" in step(d, "remissions").value
    assert "17 Agustus 2025" in step(d, "remissions").value
    assert step(d, "expiry").value == "1 Desember 2026"
    assert step(d, "expiry_initial").value == "1 Maret 2027"
    assert "720" in step(d, "two_thirds").rule
    assert "Permenkumham 3/2018 Pasal 82" in step(d, "parole").source
    assert "1 Desember 2027" in step(d, "parole_supervision_end").value
    assert step(d, "leave_before_release").value == "1 November 2026"
    json = d.to_json()
    assert json["breakdown"][0] == {"key": "sentence", "label": step(d, "sentence").label,
                                    "value": step(d, "sentence").value,
                                    "rule": step(d, "sentence").rule,
                                    "source": step(d, "sentence").source}
    assert any("syarat perlu, bukan syarat cukup" in c for c in d.conditions)


def test_to_json_has_exactly_the_documented_keys() -> None:
    json = worked_example().to_json()
    assert list(json) == [
        "expiry_initial", "expiry", "one_third", "half", "two_thirds", "parole_eligible",
        "parole_date", "parole_supervision_end", "conditional_leave_eligible",
        "conditional_leave_start", "conditional_leave_end", "leave_before_release_start",
        "assimilation_date", "breakdown", "conditions"]
    assert json["expiry"] == "2026-12-01"
    assert json["conditional_leave_start"] is None
    assert isinstance(json["conditions"], list)


def test_remission_order_and_ties_do_not_matter() -> None:
    a = worked_example()
    b = calc(sentences=(Duration(3),), remissions=(
        Remission(date(2025, 12, 25), months=1, kind="khusus"),
        Remission(date(2025, 8, 17), months=2, kind="umum"),
    ))
    assert a.to_json() == b.to_json()


# --- month ends and 29 February -------------------------------------------

def test_start_on_31_january_with_one_month() -> None:
    """31 Jan 2025 + 1 month: there is no 31 February.  Clamp: 28 Feb 2025, so the
    calendar sentence X is 28 days.  The fractions use P30 = 30, not X:
    1/3 = S+10, 1/2 = S+15, 2/3 = S+20.  Overflow: the 3 surplus days spill, 3 Mar."""
    d = calc(detention_start=date(2025, 1, 31), sentences=(Duration(months=1),))
    assert d.expiry_initial == d.expiry == date(2025, 2, 28)
    assert (d.one_third, d.half, d.two_thirds) == (
        date(2025, 2, 10), date(2025, 2, 15), date(2025, 2, 20))
    over = calc(CalcSettings(month_end="overflow"), detention_start=date(2025, 1, 31),
                sentences=(Duration(months=1),))
    assert over.expiry_initial == date(2025, 3, 3)
    assert over.two_thirds == d.two_thirds  # counted days do not depend on the calendar
    # A one-month sentence: CB from 2/3 to expiry, no PB (F 2/3 = 20 < 270).
    assert d.conditional_leave_eligible and d.conditional_leave_start == date(2025, 2, 20)
    assert d.conditional_leave_end == date(2025, 2, 28)
    assert not d.parole_eligible and d.parole_date is None


def test_start_on_29_february_with_one_year() -> None:
    """29 Feb 2024 + 1 year: 2025 has no 29 February.  Clamp gives 28 Feb 2025
    (X = 365 days); overflow gives 1 Mar 2025."""
    d = calc(detention_start=date(2024, 2, 29), sentences=(Duration(1),))
    assert d.expiry_initial == date(2025, 2, 28)
    over = calc(CalcSettings(month_end="overflow"), detention_start=date(2024, 2, 29),
                sentences=(Duration(1),))
    assert over.expiry_initial == date(2025, 3, 1)


def test_sentence_ending_across_february_of_a_leap_year() -> None:
    """31 Dec 2023 + 2 months ends in February 2024, which has 29 days.  Clamp: 29 Feb
    2024 (X = 31 + 29 = 60).  Overflow: 31 - 29 = 2 days spill over, 2 Mar 2024.
    The same start one year earlier ends on 28 Feb 2023 (clamp) or 3 Mar 2023."""
    d = calc(detention_start=date(2023, 12, 31), sentences=(Duration(months=2),))
    assert d.expiry_initial == date(2024, 2, 29)
    assert "60 hari" in step(d, "calendar_days").value
    over = calc(CalcSettings(month_end="overflow"), detention_start=date(2023, 12, 31),
                sentences=(Duration(months=2),))
    assert over.expiry_initial == date(2024, 3, 2)
    d22 = calc(detention_start=date(2022, 12, 31), sentences=(Duration(months=2),))
    assert d22.expiry_initial == date(2023, 2, 28)


def test_several_sentences_are_summed_before_the_calendar() -> None:
    """8 months + 6 months = 1 year 2 months (P30 = 420): from 31 Jan 2024, one year
    is 31 Jan 2025, two more months 31 Mar 2025."""
    d = calc(detention_start=date(2024, 1, 31), sentences=(Duration(months=8),
                                                          Duration(months=6)))
    assert d.p30 == 420
    assert d.expiry_initial == date(2025, 3, 31)
    assert "UU 1/2023 Pasal 72" in step(d, "sentence").source


# --- interruptions and credits -----------------------------------------------

def test_interruption_pushes_later_dates_by_its_length() -> None:
    """S = 1 Mar 2024, P = 1 year (X = 365, P30 = 360).  Out of detention 1-10 June
    2024 inclusive, 10 days.  Without it: 1/3 = S+120 = 29 Jun 2024, 1/2 = S+180 =
    28 Aug 2024, expiry 1 Mar 2025.  All are after 1 June, so each moves 10 days."""
    plain = calc(sentences=(Duration(1),))
    assert (plain.one_third, plain.half, plain.expiry_initial) == (
        date(2024, 6, 29), date(2024, 8, 28), date(2025, 3, 1))
    out = calc(sentences=(Duration(1),),
               interruptions=(Interruption(date(2024, 6, 1), date(2024, 6, 10)),))
    for key in ("expiry_initial", "expiry", "one_third", "half", "two_thirds"):
        assert getattr(out, key) == getattr(plain, key) + timedelta(days=10), key
    assert "10 hari" in step(out, "interruptions").value


def test_interruption_after_a_date_does_not_move_it() -> None:
    """A 5-day interruption from 1 Aug 2024 is after 1/3 (29 Jun) but before 1/2."""
    out = calc(sentences=(Duration(1),),
               interruptions=(Interruption(date(2024, 8, 1), date(2024, 8, 5)),))
    assert out.one_third == date(2024, 6, 29)
    assert out.half == date(2024, 8, 28) + timedelta(days=5)


def test_interruption_starting_on_the_day_a_date_is_reached_does_not_move_it() -> None:
    """1/3 is reached on 29 Jun 2024 (120 days served in 1 Mar - 28 Jun).  Leaving
    detention that very day (29 Jun - 3 Jul, 5 days) does not undo it; 1/2 moves 5."""
    out = calc(sentences=(Duration(1),),
               interruptions=(Interruption(date(2024, 6, 29), date(2024, 7, 3)),))
    assert out.one_third == date(2024, 6, 29)
    assert out.half == date(2024, 8, 28) + timedelta(days=5)
    # One day earlier, the interruption does move 1/3.
    early = calc(sentences=(Duration(1),),
                 interruptions=(Interruption(date(2024, 6, 28), date(2024, 7, 2)),))
    assert early.one_third == date(2024, 6, 29) + timedelta(days=5)


def test_one_day_interruption_counts_one_day() -> None:
    out = calc(sentences=(Duration(1),),
               interruptions=(Interruption(date(2024, 4, 1), date(2024, 4, 1)),))
    assert out.expiry_initial == date(2025, 3, 2)


def test_detention_credit_rounds_down_by_default() -> None:
    """City detention 50 days counts 50/5 = 10; house detention 10 days counts
    floor(10/3) = 3; credit 13 days.  Expiry 1 Mar 2025 - 13 = 16 Feb 2025.
    Rounding the credit up gives 10 + 4 = 14 days: 15 Feb 2025."""
    d = calc(sentences=(Duration(1),), city_detention_days=50, house_detention_days=10)
    assert d.expiry_initial == date(2025, 2, 16)
    assert d.one_third == date(2024, 6, 29) - timedelta(days=13)
    assert "13 hari" in step(d, "credit").value
    up = calc(CalcSettings(credit_rounding="ceil"), sentences=(Duration(1),),
              city_detention_days=50, house_detention_days=10)
    assert up.expiry_initial == date(2025, 2, 15)


# --- remissions ---------------------------------------------------------------

def test_remission_never_brings_the_expiry_before_its_grant_date() -> None:
    """S = 1 Mar 2024, P = 1 year.  180 days granted on 20 Feb 2025 would give
    1 Mar 2025 - 180 = 2 Sep 2024, but that is before the grant: expiry 20 Feb 2025."""
    d = calc(sentences=(Duration(1),),
             remissions=(Remission(date(2025, 2, 20), months=6, kind="tambahan"),))
    assert d.expiry == date(2025, 2, 20)
    assert d.expiry_initial == date(2025, 3, 1)


def test_remission_granted_after_release_is_ignored_and_said_so() -> None:
    """3 months on 17 Aug 2024 frees the person on 1 Mar 2025 - 90 = 1 Dec 2024; a
    month granted on 25 Dec 2024 comes after that and changes nothing."""
    rems = (Remission(date(2024, 8, 17), months=3),
            Remission(date(2024, 12, 25), months=1, kind="khusus"))
    d = calc(sentences=(Duration(2),), remissions=rems)
    assert d.expiry_initial == date(2026, 3, 1)
    d1 = calc(sentences=(Duration(1),), remissions=rems)
    assert d1.expiry == date(2024, 12, 1)
    assert "25 Desember 2024" in step(d1, "remissions_ignored").value
    assert any("setelah tanggal bebas" in c for c in d1.conditions)


def test_remission_total_from_the_sk_reduces_only_the_expiry() -> None:
    """Bapas case: total 90 days instead of a ledger.  Expiry 1 Mar 2027 - 90 =
    1 Dec 2026 as in the worked example, but 1/2 and 2/3 are computed without
    remission: S + 540 = 23 Aug 2025 and S + 720 = 19 Feb 2026; no CMB."""
    d = calc(sentences=(Duration(3),), remission_total_days=90)
    assert d.expiry == date(2026, 12, 1)
    assert d.half == date(2025, 8, 23)
    assert d.two_thirds == date(2026, 2, 19)
    assert d.leave_before_release_start is None
    assert d.parole_supervision_end == date(2027, 12, 1)
    assert "tanpa remisi" in step(d, "remission_total").rule


# --- impossible remissions (domain.md rule 4): refused, or capped with a warning -------

def test_remission_total_reaching_the_sentence_is_refused_naming_the_limit() -> None:
    """S = 1 Mar 2024, P = 1 year: X = 365 days to serve, no credit.  A total of 2 years
    (720 days) would free the person on the first day of detention: refused; at most
    364 days (the person serves at least one day)."""
    for total in (720, 365, 1_080_000):
        with pytest.raises(UserInputError) as info:
            calc(sentences=(Duration(1),), remission_total_days=total)
        assert info.value.field == "remission_total_days"
        assert info.value.exit_status == 2
        assert "Paling banyak 364 hari" in info.value.message
        assert "365 hari" in info.value.message
    d = calc(sentences=(Duration(1),), remission_total_days=364)
    assert d.expiry == date(2024, 3, 2)


def test_the_limit_counts_the_detention_credit() -> None:
    """City detention 50 days counts 10: 355 days to serve, so at most 354 days."""
    with pytest.raises(UserInputError, match="Paling banyak 354 hari"):
        calc(sentences=(Duration(1),), city_detention_days=50, remission_total_days=355)
    assert calc(sentences=(Duration(1),), city_detention_days=50,
                remission_total_days=354).expiry == date(2024, 3, 2)
    # Credit that covers the whole sentence leaves nothing for remission to reduce.
    with pytest.raises(UserInputError, match="sudah menutup seluruh"):
        calc(sentences=(Duration(months=1),), city_detention_days=200, remission_total_days=1)


def test_remission_ledger_reaching_the_sentence_is_refused() -> None:
    """Thirteen different one-month remissions on a one-year sentence: 390 >= 365 days."""
    rems = tuple(Remission(date(2024, 3, 1) + timedelta(days=20 * n), months=1,
                           kind="tambahan", sk_number=f"SK-{n}") for n in range(13))
    with pytest.raises(UserInputError) as info:
        calc(sentences=(Duration(1),), remissions=rems)
    assert info.value.field == "remissions"
    assert "13 remisi" in info.value.message and "390 hari" in info.value.message
    assert "Paling banyak 364 hari" in info.value.message
    # Twelve (360 days) are below the limit: computed, never before a grant day.
    d = calc(sentences=(Duration(1),), remissions=rems[:12])
    assert d.expiry >= max(r.granted for r in rems[:12] if r.granted <= d.expiry)


def test_three_thousand_identical_remissions_are_refused() -> None:
    one = Remission(date(2025, 8, 17), months=1, kind="umum", sk_number="W15-123")
    with pytest.raises(UserInputError) as info:
        calc(sentences=(Duration(10),), remissions=(one,) * 3000)
    assert info.value.field == "remissions"
    assert "3000 kali" in info.value.message and "W15-123" in info.value.message
    # Even when they would fit in the sentence (3,000 one-day remissions on 10 years).
    day = Remission(date(2025, 8, 17), days=1)
    with pytest.raises(UserInputError, match="3000 kali"):
        calc(sentences=(Duration(10),), remissions=(day,) * 3000)
    # Two different remissions on the same day stay fine (remisi umum and tambahan).
    calc(sentences=(Duration(3),), remissions=(one, replace(one, kind="tambahan")))


def test_fractions_past_the_expiry_from_a_total_are_capped_with_a_warning() -> None:
    """P = 3 years, total 400 days: expiry 1 Mar 2027 - 400 = 25 Jan 2026.  2/3 computed
    without remission is S + 720 = 19 Feb 2026, after the release: capped at 25 Jan 2026,
    said in the breakdown and the conditions; 1/3 and 1/2 are before it and stay."""
    d = calc(sentences=(Duration(3),), remission_total_days=400)
    assert d.expiry == date(2026, 1, 25)
    assert d.two_thirds == d.parole_date == date(2026, 1, 25)
    assert d.half == date(2025, 8, 23) and d.one_third == date(2025, 2, 24)
    assert dict(d.capped_at_expiry) == {"two_thirds": date(2026, 2, 19)}
    warning = step(d, "fractions_capped")
    assert "19 Februari 2026 → 25 Januari 2026" in warning.value
    assert "dibatasi" in step(d, "two_thirds").value
    assert any("dibatasi pada ekspirasi" in c for c in d.conditions)
    # Not capped: no warning.
    plain = calc(sentences=(Duration(3),), remission_total_days=90)
    assert not plain.capped_at_expiry
    assert not any(s.key == "fractions_capped" for s in plain.breakdown)
    # CB (1 year): the period from 2/3 to the expiry never ends before it begins.
    cb = calc(sentences=(Duration(1),), remission_total_days=200)
    assert cb.conditional_leave_start <= cb.conditional_leave_end == cb.expiry


def test_an_override_before_the_start_is_refused() -> None:
    with pytest.raises(UserInputError) as info:
        worked_example(overrides={"expiry": date(2024, 2, 1)})
    assert info.value.field == "overrides" and "sebelum tanggal mulai ditahan" in str(info.value)


def test_overrides_that_make_a_period_end_before_it_begins_are_refused() -> None:
    """P = 1 year (CB from 2/3 to expiry 1 Mar 2025): 2/3 overridden to 1 Apr 2025."""
    with pytest.raises(UserInputError) as info:
        calc(sentences=(Duration(1),), overrides={"two_thirds": date(2025, 4, 1)})
    assert info.value.field == "overrides"
    assert "Cuti Bersyarat (CB) mulai (2025-04-01)" in str(info.value)
    # With the expiry moved too, it is a real case again.
    d = calc(sentences=(Duration(1),), overrides={"two_thirds": date(2025, 4, 1),
                                                  "expiry": date(2025, 6, 1)})
    assert (d.conditional_leave_start, d.conditional_leave_end) == (date(2025, 4, 1),
                                                                   date(2025, 6, 1))


def test_an_overridden_initial_expiry_minus_the_total_must_stay_after_the_start() -> None:
    with pytest.raises(UserInputError, match="dikurangi jumlah remisi"):
        calc(sentences=(Duration(1),), remission_total_days=300,
             overrides={"expiry_initial": date(2024, 6, 1)})
    d = calc(sentences=(Duration(1),), remission_total_days=30,
             overrides={"expiry_initial": date(2025, 3, 11)})
    assert d.expiry == date(2025, 2, 9)


def test_an_early_overridden_expiry_in_year_one_does_not_crash_the_cmb() -> None:
    """CMB = max(expiry - 180 days, 2/3): with an officer's expiry of 1 March of year 1
    the subtraction alone would run below the calendar; the answer is the 2/3 date."""
    d = calc(detention_start=date(1, 1, 1), sentences=(Duration(3),),
             remissions=(Remission(date(2, 8, 17), months=6, kind="tambahan"),),
             overrides={"expiry": date(1, 3, 1), "two_thirds": date(1, 2, 20)})
    assert d.leave_before_release_start == date(1, 2, 20)


# --- dates past the calendar: the message names the date and how it was reached -------

def test_a_supervision_end_past_9999_is_named_as_such() -> None:
    """9000-01-01 + 999 years = 9999-01-01 is a valid expiry; its PB supervision ends a
    year later, past the calendar.  The message says so, not "9999-01-01 + 1y"."""
    with pytest.raises(UserInputError) as info:
        calc(detention_start=date(9000, 1, 1), sentences=(Duration(999),))
    message = str(info.value)
    assert message.startswith("Akhir masa percobaan PB di luar jangkauan")
    assert "ekspirasi 9999-01-01 + 1 tahun" in message and "tahun 9999" in message


def test_a_subsider_past_9999_is_named_as_such() -> None:
    with pytest.raises(UserInputError) as info:
        calc(detention_start=date(9999, 1, 1), sentences=(Duration(months=6),),
             fine=1000, subsider=Duration(months=7), fine_paid=False)
    assert str(info.value).startswith("Ekspirasi dengan subsider di luar jangkauan")
    assert "9999-07-01 + subsider 7m" in str(info.value)


def test_a_sentence_past_9999_is_named_as_the_initial_expiry() -> None:
    with pytest.raises(UserInputError) as info:
        calc(sentences=(Duration(99_999),))
    assert str(info.value).startswith("Ekspirasi awal di luar jangkauan: 2024-03-01 + 99999y")


@pytest.mark.parametrize("kw, field, limit", [
    (dict(city_detention_days=10_000), "city_detention_days", "9.999"),
    (dict(house_detention_days=10 ** 30), "house_detention_days", "9.999"),
    (dict(fine=10 ** 15), "fine", "999.999.999.999.999"),
])
def test_numbers_past_their_limit_are_refused(kw: dict[str, Any], field: str,
                                              limit: str) -> None:
    with pytest.raises(UserInputError) as info:
        calc(sentences=(Duration(1),), **kw)
    assert info.value.field == field and f"paling banyak {limit}" in str(info.value)


def test_cmb_uses_the_last_remission_and_its_cap() -> None:
    """Last remission by date counts, the larger one on a tie; capped at 180 days
    and never before 2/3.  P = 10 years from 1 Mar 2024."""
    rems = (Remission(date(2025, 8, 17), months=1),
            Remission(date(2025, 12, 25), days=15, kind="khusus"),
            Remission(date(2025, 12, 25), days=20, kind="khusus"))
    d = calc(sentences=(Duration(10),), remissions=rems)
    assert d.leave_before_release_start == d.expiry - timedelta(days=20)
    big = calc(sentences=(Duration(10),),
               remissions=(Remission(date(2025, 8, 17), months=8, kind="tambahan"),))
    assert big.leave_before_release_start == big.expiry - timedelta(days=180)
    # P = 1y2m (P30 = 420, F 2/3 = 280 >= 270): 2/3 = S + 280 = 6 Dec 2024.  Three
    # months granted on 10 Jan 2025: expiry 1 May 2025 - 90 = 31 Jan 2025, and
    # expiry - 90 = 2 Nov 2024 falls before 2/3, so CMB starts at 2/3.
    early = calc(sentences=(Duration(1, 2),),
                 remissions=(Remission(date(2025, 1, 10), months=3, kind="tambahan"),))
    assert early.two_thirds == date(2024, 12, 6)
    assert early.expiry == date(2025, 1, 31)
    assert early.leave_before_release_start == date(2024, 12, 6)


# --- fine and subsider --------------------------------------------------------

def test_unpaid_fine_adds_the_subsider_after_remission() -> None:
    """P = 1 year, 1 month remission on 17 Aug 2024: 1 Mar 2025 - 30 = 30 Jan 2025.
    Unpaid fine with 3 months subsider: + 3 months (calendar) = 30 Apr 2025.  Paid:
    30 Jan 2025.  The initial expiry and the fractions do not change."""
    common = dict(sentences=(Duration(1),), fine=5_000_000, subsider=Duration(months=3),
                  remissions=(Remission(date(2024, 8, 17), months=1),))
    unpaid = calc(fine_paid=False, **common)
    paid = calc(fine_paid=True, **common)
    assert paid.expiry == date(2025, 1, 30)
    assert unpaid.expiry == date(2025, 4, 30)
    assert unpaid.expiry_initial == paid.expiry_initial == date(2025, 3, 1)
    assert unpaid.two_thirds == paid.two_thirds
    assert unpaid.conditional_leave_end == date(2025, 4, 30)  # CB runs to the real release
    assert "Keppres 174/1999 Pasal 12" in step(unpaid, "subsider").source
    assert "tidak dijalani" in step(paid, "subsider").value


# --- PB, CB, children -------------------------------------------------------

@pytest.mark.parametrize("sentence, settings, eligible", [
    # 1y1m14d: P30 = 404, 2/3 = 269.33 -> F = 270 (rounded up): eligible.
    (Duration(1, 1, 14), CalcSettings(), True),
    # 1y1m13d: P30 = 403, 2/3 = 268.67 -> F = 269 < 270: not eligible.
    (Duration(1, 1, 13), CalcSettings(), False),
    # Rounding down, 1y1m14d gives F = 269: not eligible.
    (Duration(1, 1, 14), CalcSettings(fraction_rounding="floor"), False),
])
def test_parole_floor_is_on_the_required_two_thirds_days(
        sentence: Duration, settings: CalcSettings, eligible: bool) -> None:
    d = calc(settings, sentences=(sentence,))
    assert d.parole_eligible is eligible
    assert (d.parole_date is not None) is eligible
    assert (d.parole_supervision_end is not None) is eligible
    if eligible:
        assert d.parole_date == d.two_thirds


@pytest.mark.parametrize("sentence, eligible", [
    (Duration(1, 6), True), (Duration(1, 6, 1), False), (Duration(months=3), True)])
def test_cb_only_up_to_one_year_six_months(sentence: Duration, eligible: bool) -> None:
    d = calc(sentences=(sentence,))
    assert d.conditional_leave_eligible is eligible
    if eligible:
        assert (d.conditional_leave_start, d.conditional_leave_end) == (d.two_thirds, d.expiry)
    else:
        assert d.conditional_leave_start is None


def test_child_gets_parole_at_half_without_the_nine_month_floor() -> None:
    """P = 1 year: 1/2 = S + 180 = 28 Aug 2024; F 2/3 = 240 < 270 would refuse an
    adult.  Supervision ends at expiry + 1 year = 1 Mar 2026."""
    child = calc(sentences=(Duration(1),), child=True)
    assert child.parole_eligible
    assert child.parole_date == child.half == date(2024, 8, 28)
    assert child.parole_supervision_end == date(2026, 3, 1)
    assert "UU 11/2012" in step(child, "parole").source
    adult = calc(sentences=(Duration(1),))
    assert not adult.parole_eligible and adult.parole_date is None


# --- life and death ----------------------------------------------------------

@pytest.mark.parametrize("kind, text", [("life", "Pidana seumur hidup: tidak ada tanggal"),
                                        ("death", "Pidana mati: tidak ada tanggal")])
def test_life_and_death_have_no_dates(kind: str, text: str) -> None:
    d = calc(sentence_kind=kind)
    assert all(getattr(d, k) is None for k in DATE_KEYS)
    assert not d.parole_eligible and not d.conditional_leave_eligible
    assert d.p30 is None
    assert text in d.breakdown[0].rule
    assert d.to_json()["expiry"] is None


def test_life_sentence_with_a_length_is_refused() -> None:
    with pytest.raises(UserInputError) as info:
        calc(sentence_kind="life", sentences=(Duration(3),))
    assert info.value.field == "sentences"


# --- overrides ----------------------------------------------------------------

def test_overridden_two_thirds_moves_parole_and_cmb_and_says_so() -> None:
    """Officer enters 2/3 = 15 Nov 2026.  PB follows it, and CMB (expiry - 30 =
    1 Nov 2026, never before 2/3) becomes 15 Nov 2026.  The computed 21 Dec 2025
    is kept beside it."""
    d = worked_example(overrides={"two_thirds": date(2026, 11, 15)})
    assert d.two_thirds == date(2026, 11, 15)
    assert d.parole_date == date(2026, 11, 15)
    assert d.leave_before_release_start == date(2026, 11, 15)
    assert d.computed["two_thirds"] == date(2025, 12, 21)
    assert d.computed["parole_date"] == date(2025, 12, 21)
    assert d.computed["leave_before_release_start"] == date(2026, 11, 1)
    assert d.moved_by_override["two_thirds"] == ("parole_date", "leave_before_release_start")
    s = step(d, "override:two_thirds")
    assert s.label.startswith("Diubah petugas")
    assert "15 November 2026" in s.value and "21 Desember 2025" in s.value
    assert any("diubah petugas" in c for c in d.conditions)
    # dates that do not depend on 2/3 stay as computed
    assert d.expiry == date(2026, 12, 1) and d.half == date(2025, 8, 17)


def test_earlier_two_thirds_moves_parole_but_not_cmb() -> None:
    d = worked_example(overrides={"two_thirds": date(2025, 12, 1)})
    assert d.parole_date == date(2025, 12, 1)
    assert d.leave_before_release_start == date(2026, 11, 1)
    assert d.moved_by_override["two_thirds"] == ("parole_date",)


def test_an_overridden_dependent_wins_over_the_recomputation() -> None:
    d = worked_example(overrides={"two_thirds": date(2026, 11, 15),
                                  "parole_date": date(2026, 1, 5)})
    assert d.parole_date == date(2026, 1, 5)
    assert d.computed["parole_date"] == date(2025, 12, 21)
    assert d.moved_by_override["two_thirds"] == ("leave_before_release_start",)
    assert d.moved_by_override["parole_date"] == ()
    assert step(d, "override:parole_date")


def test_overridden_expiry_moves_supervision_and_cmb() -> None:
    d = worked_example(overrides={"expiry": date(2026, 12, 10)})
    assert d.parole_supervision_end == date(2027, 12, 10)
    assert d.leave_before_release_start == date(2026, 11, 10)
    assert d.moved_by_override["expiry"] == ("parole_supervision_end",
                                             "leave_before_release_start")
    assert d.computed["expiry"] == date(2026, 12, 1)


def test_overridden_half_moves_a_childs_parole_and_assimilation() -> None:
    d = calc(sentences=(Duration(1),), child=True, overrides={"half": date(2024, 9, 1)})
    assert d.parole_date == d.assimilation_date == date(2024, 9, 1)
    assert set(d.moved_by_override["half"]) == {"parole_date", "assimilation_date"}


def test_override_equal_to_the_computed_date_moves_nothing() -> None:
    d = worked_example(overrides={"two_thirds": date(2025, 12, 21)})
    assert d.moved_by_override["two_thirds"] == ()
    assert not any("diubah petugas" in c for c in d.conditions)
    assert "sama" in step(d, "override:two_thirds").value


def test_unknown_override_key_is_refused() -> None:
    with pytest.raises(UserInputError) as info:
        worked_example(overrides={"release": date(2026, 1, 1)})
    assert info.value.field == "overrides"


# --- conditions (rules 6 and 10) ------------------------------------------------

def test_narkotika_of_five_years_needs_assimilation_first() -> None:
    five = calc(sentences=(Duration(5),), offence_category="Narkotika (pengguna)")
    assert any("Narkotika" in c and "asimilasi" in c for c in five.conditions)
    four = calc(sentences=(Duration(4, 11, 29),), offence_category="Narkotika (pengguna)")
    assert not any("Narkotika" in c for c in four.conditions)


def test_terrorism_needs_deradicalisation_and_the_pledge() -> None:
    d = calc(sentences=(Duration(4),), offence_category="TERORISME")
    line = next(c for c in d.conditions if c.startswith("Terorisme"))
    assert "deradikalisasi" in line and "NKRI" in line


def test_corruption_needs_fine_and_uang_pengganti_paid() -> None:
    paid = calc(sentences=(Duration(4),), offence_category="Korupsi", fine=200_000_000)
    line = next(c for c in paid.conditions if c.startswith("Korupsi"))
    assert "uang pengganti" in line and "belum dibayar" not in line
    unpaid = calc(sentences=(Duration(4),), offence_category="korupsi", fine=200_000_000,
                  fine_paid=False, subsider=Duration(months=6))
    line = next(c for c in unpaid.conditions if c.startswith("Korupsi"))
    assert "belum dibayar" in line


def test_plain_case_has_only_the_generic_condition() -> None:
    d = calc(sentences=(Duration(2),), offence_category="Pencurian")
    assert len(d.conditions) == 1 and "bukan syarat cukup" in d.conditions[0]


def test_remission_warnings() -> None:
    short = calc(sentences=(Duration(months=5),),
                 remissions=(Remission(date(2024, 5, 1), days=10, kind="khusus"),))
    assert any("kurang dari 6 bulan" in c for c in short.conditions)
    child = calc(sentences=(Duration(2),), child=True,
                 remissions=(Remission(date(2024, 8, 17), months=1, kind="umum"),))
    assert any("PMP" in c for c in child.conditions)
    child_ok = calc(sentences=(Duration(2),), child=True,
                    remissions=(Remission(date(2024, 8, 17), months=1, kind="pmp"),))
    assert not any("PMP" in c for c in child_ok.conditions)
    adult_pmp = calc(sentences=(Duration(2),),
                     remissions=(Remission(date(2024, 8, 17), months=1, kind="pmp"),))
    assert any("PMP hanya untuk anak" in c for c in adult_pmp.conditions)


# --- validation ---------------------------------------------------------------

def r(d: date, months: int = 1, days: int = 0, kind: str = "umum") -> Remission:
    return Remission(d, months, days, kind)


@pytest.mark.parametrize("kw, field", [
    (dict(), "sentences"),
    (dict(sentences=(Duration(0, -1),)), "sentences"),
    (dict(sentences=(Duration(),)), "sentences"),
    (dict(sentences=(Duration(1),), city_detention_days=-1), "city_detention_days"),
    (dict(sentences=(Duration(1),), house_detention_days=-3), "house_detention_days"),
    (dict(sentences=(Duration(1),), fine=-5), "fine"),
    (dict(sentences=(Duration(1),), subsider=Duration(days=-1)), "subsider"),
    (dict(sentences=(Duration(1),), remissions=(r(date(2024, 2, 1)),)), "remissions"),
    (dict(sentences=(Duration(1),), remissions=(r(date(2025, 3, 2)),)), "remissions"),
    (dict(sentences=(Duration(1),), remissions=(r(date(2024, 8, 17), 0, 0),)), "remissions"),
    (dict(sentences=(Duration(1),), remissions=(r(date(2024, 8, 17), -1),)), "remissions"),
    (dict(sentences=(Duration(1),), remissions=(r(date(2024, 8, 17), kind="x"),)),
     "remissions"),
    (dict(sentences=(Duration(1),), remission_total_days=-1), "remission_total_days"),
    (dict(sentences=(Duration(1),), remission_total_days=30,
          remissions=(r(date(2024, 8, 17)),)), "remission_total_days"),
    (dict(sentences=(Duration(1),),
          interruptions=(Interruption(date(2024, 5, 10), date(2024, 5, 1)),)), "interruptions"),
    (dict(sentences=(Duration(1),),
          interruptions=(Interruption(date(2024, 2, 1), date(2024, 3, 5)),)), "interruptions"),
    (dict(sentences=(Duration(1),),
          interruptions=(Interruption(date(2025, 6, 1), date(2025, 6, 5)),)), "interruptions"),
    (dict(sentences=(Duration(1),),
          interruptions=(Interruption(date(2024, 5, 1), date(2024, 5, 10)),
                         Interruption(date(2024, 5, 10), date(2024, 5, 20)))), "interruptions"),
    (dict(sentence_kind="parole"), "sentence_kind"),
])
def test_bad_input_is_refused_with_the_field(kw: dict[str, Any], field: str) -> None:
    inp = SentenceInput(detention_start=S, **kw)
    with pytest.raises(UserInputError) as info:
        validate(inp)
    assert info.value.field == field
    assert info.value.exit_status == 2
    with pytest.raises(UserInputError):
        compute(inp)


def test_remission_on_the_initial_expiry_and_adjacent_interruptions_are_fine() -> None:
    validate(SentenceInput(S, (Duration(1),), remissions=(r(date(2025, 3, 1)),)))
    validate(SentenceInput(S, (Duration(1),), interruptions=(
        Interruption(date(2024, 5, 1), date(2024, 5, 9)),
        Interruption(date(2024, 5, 10), date(2024, 5, 20)))))


def test_start_after_today_is_refused_only_when_today_is_given() -> None:
    inp = SentenceInput(S, (Duration(1),))
    with pytest.raises(UserInputError) as info:
        validate(inp, today=date(2024, 2, 29))
    assert info.value.field == "detention_start"
    with pytest.raises(UserInputError):
        compute(inp, today=date(2024, 2, 29))
    validate(inp, today=S)
    validate(inp)


def test_several_errors_are_reported_together() -> None:
    inp = SentenceInput(S, (Duration(1),), city_detention_days=-1, fine=-1)
    with pytest.raises(UserInputError) as info:
        validate(inp)
    assert "tahanan kota" in str(info.value) and "Denda" in str(info.value)


# --- settings -------------------------------------------------------------------

def test_settings_round_trip_and_refuse_bad_values() -> None:
    s = CalcSettings(fraction_rounding="round", month_end="overflow", parole_min_days=300)
    assert CalcSettings.from_dict(s.to_dict()) == s
    assert CalcSettings.from_dict({"month_end": "overflow", "from_a_newer_version": 1}) == \
        CalcSettings(month_end="overflow")
    assert set(SETTING_LABELS) == set(CalcSettings().to_dict())
    for bad in ({"fraction_rounding": "up"}, {"month_end": "x"}, {"month_days": 40},
                {"parole_min_days": -1}, {"cb_max_days": "540"}):
        with pytest.raises(UserInputError):
            CalcSettings.from_dict(bad)


def test_round_half_up_fraction_setting() -> None:
    """P = 1 month 1 day: P30 = 31.  1/2 = 15.5: ceil and round give 16, floor 15."""
    kw = dict(detention_start=date(2024, 1, 1), sentences=(Duration(0, 1, 1),))
    assert calc(**kw).required_days["half"] == 16
    assert calc(CalcSettings(fraction_rounding="round"), **kw).required_days["half"] == 16
    assert calc(CalcSettings(fraction_rounding="floor"), **kw).required_days["half"] == 15
    # 1/3 of 31 = 10.33: round gives 10, ceil 11.
    assert calc(CalcSettings(fraction_rounding="round"), **kw).required_days["one_third"] == 10
    assert calc(**kw).required_days["one_third"] == 11


def test_result_does_not_depend_on_today() -> None:
    assert worked_example(today=date(2030, 1, 1)) == worked_example()


# --- one home for each name -------------------------------------------------------------

def test_the_names_other_code_uses_come_through_the_calculator() -> None:
    import app.models.calculator as calc_module
    from app.models import calc_types, schema
    from app.operations import sentence

    for name in ("compute", "validate", "SentenceInput", "CalcSettings", "Remission",
                 "Interruption", "SentenceDates", "DATE_KEYS", "DATE_LABELS", "REMISSION_KINDS",
                 "ROUNDING_CHOICES", "SETTING_LABELS", "DEFAULT_SETTINGS", "EMPTY_MAP"):
        assert hasattr(calc_module, name), name
    assert calc_module.DATE_KEYS is schema.DATE_KEYS is calc_types.DATE_KEYS
    assert calc_module.REMISSION_KINDS is schema.REMISSION_KINDS is sentence.REMISSION_KINDS
    assert set(calc_types.DATE_LABELS) == set(schema.DATE_KEYS)
    assert set(calc_types.REMISSION_KIND_LABELS) == set(schema.REMISSION_KINDS)
    assert not hasattr(sentence, "today_default")


def test_one_iso_helper() -> None:
    from app.models import dates
    from app.operations import common

    assert common.iso is dates.iso
    assert dates.iso(date(2026, 1, 12)) == "2026-01-12" and dates.iso(None) is None
    assert not hasattr(dates, "to_iso") and not hasattr(dates, "month_name_id")


def test_no_calculator_module_is_over_a_thousand_lines() -> None:
    from pathlib import Path

    import app.models

    folder = Path(app.models.__file__).parent
    for path in [folder / "calculator.py", *folder.glob("calc_*.py")]:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 1000, path.name


def test_a_fine_alone_unpaid_is_served_as_kurungan_pengganti_without_remission() -> None:
    from app.models.errors import UserInputError

    inp = SentenceInput(detention_start=date(2024, 3, 1), sentences=(), fine=5_000_000, fine_paid=False,
                        subsider=Duration(months=2))
    result = compute(inp)
    assert result.expiry == date(2024, 5, 1)
    assert result.two_thirds is None and result.parole_date is None and not result.parole_eligible
    assert any(step.key == "subsider" for step in result.breakdown)
    # Paid, the same verdict leaves nothing to serve: a length is asked for again.
    with pytest.raises(UserInputError):
        compute(SentenceInput(detention_start=date(2024, 3, 1), sentences=(), fine=5_000_000, fine_paid=True,
                              subsider=Duration(months=2)))
    # The subsider earns no remission.
    with pytest.raises(UserInputError) as refused:
        compute(SentenceInput(detention_start=date(2024, 3, 1), sentences=(), fine=5_000_000, fine_paid=False,
                              subsider=Duration(months=2),
                              remissions=(Remission(date(2024, 4, 1), months=1),)))
    assert "remisi" in refused.value.message
