"""Property-based tests of the sentence calculator over thousands of random cases.

``cases`` generates only valid cases: interruptions lie between the first day of
detention and the initial expiry and do not overlap; remissions are granted
between the first day of detention and the initial expiry, are all different, and
together stay below the days to be served.  ``wild_cases`` adds what an officer or
a script can type anyway (remission totals and ledgers of any size, duplicates,
overrides on any day, unpaid fines): the calculator refuses those or answers with
dates that are never before the start, in periods that never end before they begin.

A note on CMB: its length is the *last* remission, so adding a small, late
remission can shorten it and start it later, and more credit can make a late
remission fall after release and stop counting.  That is the rule (domain.md
rule 8), so the "never later" properties leave out ``leave_before_release_start``
and check instead that it always lies between 2/3 and the expiry.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from app.models.calculator import (
    DATE_KEYS,
    CalcSettings,
    Interruption,
    Remission,
    SentenceDates,
    SentenceInput,
    compute,
)
from app.models.durations import Duration, add_calendar
from app.models.errors import UserInputError

MONOTONE_KEYS = tuple(k for k in DATE_KEYS if k != "leave_before_release_start")
RUN = settings(max_examples=1000, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

calc_settings = st.builds(
    CalcSettings,
    fraction_rounding=st.sampled_from(("ceil", "floor", "round")),
    credit_rounding=st.sampled_from(("ceil", "floor", "round")),
    month_end=st.sampled_from(("clamp", "overflow")),
)


@st.composite
def remission(draw: st.DrawFn, start: date, last: date, child: bool) -> Remission:
    span = (last - start).days
    months = draw(st.integers(0, 6))
    days = draw(st.integers(0 if months else 1, 30))
    kind = "pmp" if child else draw(st.sampled_from(("umum", "khusus", "dasawarsa", "tambahan")))
    return Remission(start + timedelta(days=draw(st.integers(0, span))), months, days, kind)


@st.composite
def cases(draw: st.DrawFn, max_years: int = 20, child: bool | None = None,
          rounding: bool = True) -> tuple[SentenceInput, CalcSettings]:
    start = draw(st.dates(date(2000, 1, 1), date(2035, 12, 31)))
    sentences = tuple(draw(st.lists(
        st.builds(Duration, st.integers(0, max_years), st.integers(0, 11), st.integers(0, 29)),
        min_size=1, max_size=3)))
    assume(not all(s.is_zero for s in sentences))
    is_child = draw(st.booleans()) if child is None else child
    base = SentenceInput(
        detention_start=start, sentences=sentences, child=is_child,
        city_detention_days=draw(st.integers(0, 200) | st.just(0)),
        house_detention_days=draw(st.integers(0, 150) | st.just(0)),
        offence_category=draw(st.sampled_from((None, "Narkotika (pengedar)", "Korupsi",
                                                "Terorisme", "Pencurian"))),
    )
    config = draw(calc_settings) if rounding else CalcSettings()
    # Interruptions strictly before the initial expiry computed without them (they
    # only push it later, so they stay inside it).
    span = (compute(base, config, explain=False).expiry_initial - start).days
    k = draw(st.integers(0, 3)) if span >= 6 else 0
    points = sorted(draw(st.lists(st.integers(0, span - 1), min_size=2 * k, max_size=2 * k,
                                  unique=True))) if k else []
    interruptions = tuple(Interruption(start + timedelta(days=points[2 * i]),
                                       start + timedelta(days=points[2 * i + 1]))
                          for i in range(k))
    with_outs = replace(base, interruptions=interruptions)
    expiry_initial = compute(with_outs, config, explain=False).expiry_initial
    drawn = draw(st.lists(remission(start, expiry_initial, is_child), max_size=6))
    # Keep the remissions (all different) while together they stay below the days to be
    # served: the calculator refuses more (domain.md rule 4).
    budget = to_serve(with_outs, config)
    rems: list[Remission] = []
    for r in drawn:
        if r not in rems and sum(x.days30 for x in rems) + r.days30 < budget:
            rems.append(r)
    return replace(with_outs, remissions=tuple(rems)), config


def to_serve(inp: SentenceInput, config: CalcSettings) -> int:
    """The days to be served, worked out here: calendar sentence X minus the credit."""
    total = Duration()
    for s in inp.sentences:
        total = total + s
    x = (add_calendar(inp.detention_start, total, month_end=config.month_end)
         - inp.detention_start).days
    div = {"ceil": lambda n, d: -(-n // d), "floor": lambda n, d: n // d,
           "round": lambda n, d: (2 * n + d) // (2 * d)}[config.credit_rounding]
    return x - div(inp.city_detention_days, 5) - div(inp.house_detention_days, 3)


def later(new: date | None, old: date | None) -> bool:
    return new is not None and old is not None and new > old


@RUN
@given(cases())
def test_dates_are_in_order(case: tuple[SentenceInput, CalcSettings]) -> None:
    inp, config = case
    d = compute(inp, config)
    assert d.one_third <= d.half <= d.two_thirds <= d.expiry <= d.expiry_initial
    assert inp.detention_start <= d.one_third
    if d.leave_before_release_start is not None:
        assert d.two_thirds <= d.leave_before_release_start <= d.expiry
    if d.conditional_leave_start is not None:
        assert d.conditional_leave_start <= d.conditional_leave_end
    assert d.assimilation_date == d.half


@RUN
@given(st.data())
def test_adding_a_remission_never_makes_a_date_later(data: st.DataObject) -> None:
    inp, config = data.draw(cases())
    old = compute(inp, config, explain=False)
    extra = data.draw(remission(inp.detention_start, old.expiry_initial, inp.child))
    assume(extra not in inp.remissions)
    assume(sum(r.days30 for r in inp.remissions) + extra.days30 < to_serve(inp, config))
    new = compute(replace(inp, remissions=inp.remissions + (extra,)), config, explain=False)
    for key in MONOTONE_KEYS:
        assert (getattr(new, key) is None) == (getattr(old, key) is None), key
        assert not later(getattr(new, key), getattr(old, key)), key
    assert new.parole_eligible == old.parole_eligible


@RUN
@given(st.data())
def test_more_credit_never_makes_a_date_later(data: st.DataObject) -> None:
    inp, config = data.draw(cases())
    more = replace(inp, remissions=(),
                   city_detention_days=inp.city_detention_days + data.draw(st.integers(0, 400)),
                   house_detention_days=inp.house_detention_days + data.draw(st.integers(0, 300)))
    try:
        limit = compute(more, config, explain=False).expiry_initial
    except UserInputError:
        assume(False)  # an interruption now ends after the earlier initial expiry
        raise
    # Keep only the remissions that are still valid with the earlier initial expiry.
    kept = tuple(r for r in inp.remissions if r.granted <= limit)
    # ... and while together they stay below the fewer days to be served.
    assume(sum(r.days30 for r in kept) < to_serve(more, config) or not kept)
    old = compute(replace(inp, remissions=kept), config, explain=False)
    new = compute(replace(more, remissions=kept), config, explain=False)
    for key in MONOTONE_KEYS:
        assert not later(getattr(new, key), getattr(old, key)), key


@RUN
@given(st.data())
def test_the_order_of_remissions_never_matters(data: st.DataObject) -> None:
    inp, config = data.draw(cases())
    shuffled = data.draw(st.permutations(inp.remissions))
    a = compute(inp, config)
    b = compute(replace(inp, remissions=tuple(shuffled)), config)
    assert a.to_json() == b.to_json()
    assert a.computed == b.computed


@RUN
@given(cases(child=False))
def test_adult_parole_eligibility_is_the_nine_month_floor(
        case: tuple[SentenceInput, CalcSettings]) -> None:
    inp, config = case
    d = compute(inp, config, explain=False)
    assert d.parole_eligible is (d.required_days["two_thirds"] >= 270)
    assert (d.parole_date is None) is (not d.parole_eligible)
    if d.parole_eligible:
        assert d.parole_date == d.two_thirds
        assert d.parole_supervision_end == add_calendar(d.expiry, Duration(1),
                                                        month_end=config.month_end)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(child=True))
def test_child_parole_is_always_at_half(case: tuple[SentenceInput, CalcSettings]) -> None:
    inp, config = case
    d = compute(inp, config, explain=False)
    assert d.parole_eligible and d.parole_date == d.half


def reference(inp: SentenceInput) -> dict[str, date]:
    """The definition of domain.md rule 5, walked one day at a time (default settings)."""
    start = inp.detention_start
    total = Duration()
    for s in inp.sentences:
        total = total + s
    x = (add_calendar(start, total) - start).days
    p30 = total.days30
    credit = inp.city_detention_days // 5 + inp.house_detention_days // 3
    out_days = {i.start + timedelta(days=n) for i in inp.interruptions for n in range(i.days)}

    def first_day(target: int, with_remissions: bool) -> date:
        day, served = start, credit  # served(D): days in [S, D) not out, plus credit
        while True:
            rem = sum(r.days30 for r in inp.remissions if r.granted <= day) \
                if with_remissions else 0
            if served + rem >= target:
                return day
            if day not in out_days:
                served += 1
            day += timedelta(days=1)

    return {
        "expiry_initial": first_day(x, False),
        "expiry": first_day(x, True),
        "one_third": first_day(-(-p30 // 3), True),
        "half": first_day(-(-p30 // 2), True),
        "two_thirds": first_day(-(-2 * p30 // 3), True),
    }


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(max_years=3, rounding=False))
def test_fast_search_matches_the_day_by_day_definition(
        case: tuple[SentenceInput, CalcSettings]) -> None:
    inp, _ = case
    d: SentenceDates = compute(inp)
    expected = reference(inp)
    assert {k: getattr(d, k) for k in expected} == expected


# --- impossible input: refused, or dates that are never impossible ------------------

PERIODS = (("conditional_leave_start", "conditional_leave_end"),
           ("parole_date", "parole_supervision_end"),
           ("leave_before_release_start", "expiry"))


def assert_possible(inp: SentenceInput, d: SentenceDates, config: CalcSettings) -> None:
    """No date before the first day of detention and no period that ends before it begins,
    in the effective dates and in the computed ones kept beside them."""
    start = inp.detention_start
    for values in ({k: getattr(d, k) for k in DATE_KEYS}, dict(d.computed)):
        for key, value in values.items():
            assert value is None or value >= start, (key, value, start)
        for first, last in PERIODS:
            a, b = values[first], values[last]
            assert a is None or b is None or a <= b, (first, a, last, b)
    c = d.computed
    # The computed dates: a sentence's fractions come before its end, and its end comes
    # after its first day (at least one day is served, unless the credit covers it all).
    assert c["one_third"] <= c["half"] <= c["two_thirds"] <= c["expiry"], dict(c)
    assert c["expiry"] > start or to_serve(inp, config) <= 0, dict(c)


@st.composite
def wild_cases(draw: st.DrawFn) -> tuple[SentenceInput, CalcSettings]:
    inp, config = draw(cases(max_years=6))
    start = inp.detention_start
    expiry_initial = compute(replace(inp, remissions=()), config,
                             explain=False).expiry_initial
    budget = to_serve(inp, config)
    how = draw(st.sampled_from(("total", "ledger", "duplicates", "keep")))
    if how == "total":
        inp = replace(inp, remissions=(), remission_total_days=draw(
            st.integers(0, max(budget - 1, 0)) | st.integers(budget, budget + 10)
            | st.integers(0, 10 ** 7)))
    elif how == "ledger":
        inp = replace(inp, remissions=tuple(draw(st.lists(
            remission(start, expiry_initial, inp.child), max_size=12))))
    elif how == "duplicates":
        one = draw(remission(start, expiry_initial, inp.child))
        inp = replace(inp, remissions=inp.remissions + (one,) * draw(st.integers(2, 3000)))
    overrides = draw(st.dictionaries(
        st.sampled_from(DATE_KEYS),
        st.dates(max(date(1, 1, 1), start - timedelta(days=400)),
                 min(date(9000, 1, 1), expiry_initial + timedelta(days=800))),
        max_size=3))
    unpaid = draw(st.booleans())
    return replace(inp, overrides=overrides, fine_paid=not unpaid,
                   subsider=Duration(months=draw(st.integers(0, 6))) if unpaid else Duration(),
                   fine=1_000_000 if unpaid else 0), config


@RUN
@given(wild_cases())
def test_no_date_before_the_start_and_no_period_ending_before_it_begins(
        case: tuple[SentenceInput, CalcSettings]) -> None:
    inp, config = case
    try:
        d = compute(inp, config)
    except UserInputError as err:
        event(f"refused: {err.field}")
        assert err.exit_status == 2 and err.message and "\n" not in err.message
        return
    event("computed" + (" with overrides" if inp.overrides else "")
          + (" from a total" if inp.remission_total_days is not None else ""))
    assert_possible(inp, d, config)


@RUN
@given(cases())
def test_valid_cases_have_possible_dates(case: tuple[SentenceInput, CalcSettings]) -> None:
    inp, config = case
    assert_possible(inp, compute(inp, config), config)


@RUN
@given(st.data())
def test_a_remission_total_below_the_days_to_serve_is_kept_and_capping_is_shown(
        data: st.DataObject) -> None:
    inp, config = data.draw(cases())
    budget = to_serve(inp, config)
    assume(budget >= 2)
    total = data.draw(st.integers(0, budget - 1))
    d = compute(replace(inp, remissions=(), remission_total_days=total), config)
    assert d.expiry == d.expiry_initial - timedelta(days=total)
    assert d.expiry > inp.detention_start
    # The fractions are computed without remission; one past the expiry is capped at it.
    plain = compute(replace(inp, remissions=()), config)
    capped = [k for k in ("one_third", "half", "two_thirds")
              if getattr(plain, k) > d.expiry]
    for key in ("one_third", "half", "two_thirds"):
        assert getattr(d, key) == min(getattr(plain, key), d.expiry), key
    steps = {s.key: s for s in d.breakdown}
    assert ("fractions_capped" in steps) is bool(capped)
    assert any("dibatasi pada ekspirasi" in c for c in d.conditions) is bool(capped)
    assert_possible(inp, d, config)


@RUN
@given(st.data())
def test_remission_reaching_the_days_to_serve_is_refused(data: st.DataObject) -> None:
    inp, config = data.draw(cases())
    budget = to_serve(inp, config)
    assume(budget >= 1)
    total = data.draw(st.integers(budget, budget + 10) | st.integers(budget, 10 ** 9))
    try:
        compute(replace(inp, remissions=(), remission_total_days=total), config)
    except UserInputError as err:
        assert err.field == "remission_total_days"
        assert f"Paling banyak {budget - 1:,} hari".replace(",", ".") in err.message
    else:
        raise AssertionError(f"total {total} of {budget} days to serve was accepted")
    # The same as a ledger: one remission (granted on the first day) carrying all of it.
    start = inp.detention_start
    big = Remission(start, days=total, kind="pmp" if inp.child else "tambahan")
    try:
        compute(replace(inp, remissions=(big,)), config)
    except UserInputError as err:
        assert err.field == "remissions"
    else:
        raise AssertionError("a ledger reaching the days to serve was accepted")
