"""The sentence calculator: expiry, 1/3, 1/2, 2/3, PB, CB, CMB and asimilasi dates.

Pure functions over frozen dataclasses implementing rules 1-12 of domain.md
("Sentence dates").  The window, the command line (``rekam-upt calc``) and the
demo generator all call ``compute``; nothing here imports Qt, touches a database
or reads the clock ("today" is always an argument).

This module holds the arithmetic behind ``compute``.  Its neighbours hold the rest,
and everything other code uses is importable from here:

* ``calc_types``: the inputs, settings and outputs (``SentenceInput``,
  ``CalcSettings``, ``Remission``, ``SentenceDates``...);
* ``calc_validation``: what is refused and why (``validate`` below runs it);
* ``calc_breakdown``: the breakdown's Indonesian texts with their rules and sources,
  and the conditions the officer must confirm.

The one definition behind every date
------------------------------------
With S the first day of detention::

    served(D) = (D - S) - days out of detention strictly before D + credit days
    rem(D)    = counted days of the remissions granted on or before D
    date(R)   = the first day D >= S with served(D) + rem(D) >= R

``served + rem`` never decreases as D grows, so ``date(R)`` has exactly one
answer; adding a remission or more credit can only make it earlier, and the
order of the remissions cannot matter.  ``_first_day`` finds it by arithmetic
over the sorted interruptions and remission dates, never day by day, because a
demo computes 100,000 cases.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from app.models import calc_breakdown as texts
from app.models.calc_types import (
    DATE_KEYS,
    DATE_LABELS,
    DEFAULT_SETTINGS,
    EMPTY_MAP,
    REMISSION_KIND_LABELS,
    REMISSION_KINDS,
    ROUNDING_CHOICES,
    SENTENCE_KINDS,
    SETTING_LABELS,
    CalcSettings,
    FrozenMap,
    Interruption,
    Remission,
    SentenceDates,
    SentenceInput,
    Step,
)
from app.models.calc_validation import basic_errors, period_errors, raise_errors, range_errors
from app.models.durations import DateOutOfRange, Duration, add_calendar
from app.models.errors import UserInputError
from app.models.i18n import tr

# The names other code uses, all importable from here (``calc.compute``, ``calc.Remission``...).
__all__ = [
    "DATE_KEYS", "DATE_LABELS", "DEFAULT_SETTINGS", "EMPTY_MAP", "REMISSION_KINDS",
    "REMISSION_KIND_LABELS", "ROUNDING_CHOICES", "SENTENCE_KINDS", "SETTING_LABELS",
    "CalcSettings", "FrozenMap", "Interruption", "Remission", "SentenceDates", "SentenceInput",
    "Step", "compute", "credit_days", "required_days", "validate",
]

CORE_KEYS = ("expiry_initial", "expiry", "one_third", "half", "two_thirds")
FRACTIONS = (("one_third", 1, 3, "1/3"), ("half", 1, 2, "1/2"), ("two_thirds", 2, 3, "2/3"))


# ---------------------------------------------------------------------------
# Arithmetic
# ---------------------------------------------------------------------------

def _divide(num: int, den: int, mode: str) -> int:
    """num/den rounded by ``mode``; integers only, so no float ever decides a day."""
    if mode == "ceil":
        return -(-num // den)
    if mode == "floor":
        return num // den
    return (2 * num + den) // (2 * den)  # half up


def credit_days(city_days: int, house_days: int, rounding: str = "floor") -> int:
    """Detention credit (KUHAP art. 22(4)-(5)): city detention counts 1/5, house 1/3."""
    return _divide(city_days, 5, rounding) + _divide(house_days, 3, rounding)


def required_days(p30: int, num: int, den: int, rounding: str = "ceil") -> int:
    """F = fraction · P30, rounded (rule 5)."""
    return _divide(num * p30, den, rounding)


def _reach(start: int, target: int, outs: list[tuple[int, int]]) -> int:
    """First day D >= start with (D - start) - days out before D >= target.

    ``outs`` holds (first day out, last day out) as ordinals, sorted and disjoint.
    Each interruption that begins before the day reached so far pushes it later
    by its whole length; one that begins on or after it does not matter.
    """
    if target <= 0:
        return start
    day = start + target
    for first, last in outs:
        if first >= day:
            break
        day += last - first + 1
    return day


def _first_day(start: int, target: int, credit: int, outs: list[tuple[int, int]],
               rems: list[tuple[int, int]]) -> int:
    """First day D >= start with served(D) + rem(D) >= target (module docstring).

    ``rems`` holds (grant day, cumulative remission days up to that day) with
    strictly increasing grant days.  Between two grant days rem(D) is constant,
    so the answer in the k-th stretch is max(grant day, first day serving
    target - cumulative), provided that falls before the next grant day.
    """
    day = _reach(start, target - credit, outs)
    if not rems or day < rems[0][0]:
        return day
    last = len(rems) - 1
    for i, (granted, cumulative) in enumerate(rems):
        day = max(granted, _reach(start, target - credit - cumulative, outs))
        if i == last or day < rems[i + 1][0]:
            return day
    raise AssertionError("unreachable")  # pragma: no cover


def _to_date(ordinal: int) -> date:
    """A day number back to a date; past year 9999 is bad input, not a crash."""
    try:
        return date.fromordinal(ordinal)
    except (ValueError, OverflowError):
        raise UserInputError(tr("Tanggal hasil hitung di luar jangkauan (setelah tahun 9999): "
                                "periksa tanggal mulai dan lama pidana.",
                                "A computed date is out of range (after the year 9999): check "
                                "the first day of detention and the sentence."),
                             code="date_range") from None


def _beyond_9999(what_id: str, what_en: str, sum_id: str, sum_en: str, check_id: str,
                 check_en: str) -> UserInputError:
    """A computed date past 31 December 9999, named by what it is and how it was reached,
    so "9000-01-01 + 999y" is not reported as the supervision sum that failed."""
    return UserInputError(tr(
        "{w} di luar jangkauan: {s} jatuh setelah tahun 9999, tanggal terakhir yang dapat "
        "dihitung; periksa {c}.",
        "{we} is out of range: {se} falls after the year 9999, the last date that can be "
        "computed; check {ce}.",
        w=what_id, we=what_en, s=sum_id, se=sum_en, c=check_id, ce=check_en), code="date_range")


def _out_before(day: int, outs: list[tuple[int, int]]) -> int:
    """Days out of detention strictly before ``day``."""
    total = 0
    for first, last in outs:
        if first >= day:
            break
        total += min(day, last + 1) - first
    return total


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------

def validate(inp: SentenceInput, today: date | None = None,
             settings: CalcSettings = DEFAULT_SETTINGS) -> None:
    """Raise ``UserInputError`` (``ValidationErrors`` for several) for bad input.

    ``field`` names the ``SentenceInput`` attribute at fault.  ``today`` is only
    used to refuse a first day of detention in the future.  What is refused, and why
    some impossible results are capped instead, is explained in ``calc_validation``.
    """
    compute(inp, settings, today, explain=False)


# ---------------------------------------------------------------------------
# The computation
# ---------------------------------------------------------------------------

class Case:
    """The numbers of one term case that every date is computed from."""

    __slots__ = ("inp", "settings", "start", "s", "total", "p30", "credit", "x", "outs",
                 "ledger", "rems", "expiry_initial")

    def __init__(self, inp: SentenceInput, settings: CalcSettings):
        self.inp = inp
        self.settings = settings
        self.start = inp.detention_start
        self.s = inp.detention_start.toordinal()
        total = Duration()
        for sentence in inp.sentences:
            total = total + sentence
        self.total = total
        self.p30 = total.days_with(settings.month_days)
        self.credit = credit_days(inp.city_detention_days, inp.house_detention_days,
                                  settings.credit_rounding)
        try:
            end = add_calendar(self.start, total, month_end=settings.month_end)
        except DateOutOfRange:
            raise _beyond_9999(
                "Ekspirasi awal", "The initial expiry",
                f"{self.start.isoformat()} + {total.compact()}",
                f"{self.start.isoformat()} + {total.compact()}",
                "tanggal mulai ditahan dan lama pidana",
                "the first day of detention and the sentence") from None
        self.x = (end - self.start).days
        self.outs = sorted((i.start.toordinal(), i.end.toordinal()) for i in inp.interruptions)
        self.ledger = inp.remission_total_days is None
        md = settings.month_days
        by_day: dict[int, int] = {}
        for r in inp.remissions:
            day = r.granted.toordinal()
            by_day[day] = by_day.get(day, 0) + r.days_with(md)
        rems: list[tuple[int, int]] = []
        cumulative = 0
        for day in sorted(by_day):
            cumulative += by_day[day]
            rems.append((day, cumulative))
        self.rems = rems
        initial = _first_day(self.s, self.x, self.credit, self.outs, [])
        if initial > date.max.toordinal():
            out = sum(last - first + 1 for first, last in self.outs)
            raise _beyond_9999(
                "Ekspirasi awal", "The initial expiry",
                f"{self.start.isoformat()} + {total.compact()} + {out} hari di luar tahanan",
                f"{self.start.isoformat()} + {total.compact()} + {out} days out of detention",
                "tanggal mulai ditahan, lama pidana dan penangguhan",
                "the first day of detention, the sentence and the interruptions")
        self.expiry_initial = _to_date(initial)

    def days_out_before(self, day: date) -> int:
        """Days out of detention strictly before ``day`` (for the breakdown)."""
        return _out_before(day.toordinal(), self.outs)


def compute(inp: SentenceInput, settings: CalcSettings = DEFAULT_SETTINGS,
            today: date | None = None, *, explain: bool = True) -> SentenceDates:
    """All sentence dates of one case, with the breakdown and the conditions.

    Validates first (``UserInputError`` on bad input).  ``today`` only serves the
    validation; the result never depends on the clock.  ``explain=False`` leaves
    the breakdown empty (the dates and conditions are the same): writing the
    breakdown is most of the work, and bulk work such as the demo does not show it.
    """
    raise_errors(basic_errors(inp, today))
    if inp.sentence_kind != "term" or inp.subsider_only:
        result = texts.no_dates(inp) if inp.sentence_kind != "term" else texts.subsider_only(inp, settings.month_end)
        raise_errors(period_errors(
            {k: getattr(result, k) for k in DATE_KEYS}, inp.detention_start, inp.overrides))
        return result
    case = Case(inp, settings)
    raise_errors(range_errors(inp, case.expiry_initial, case.x, case.credit,
                              case.rems[-1][1] if case.rems else 0))
    return Computation(case, explain).result()


class Computation:
    """Computes one term case: the dates first, then (if asked) the breakdown."""

    def __init__(self, case: Case, explain: bool = True):
        self.case = case
        self.explain = explain
        self.inp = case.inp
        self.settings = case.settings
        # Set by result() before derive and apply use them.
        self.computed_core: dict[str, date | None] = {}
        # Fraction dates computed without remission (a total from the SK) that fell
        # after the expiry, before they were capped at it: key -> uncapped date.
        self.uncapped: dict[str, date] = {}
        self.parole_eligible = False
        self.cb_eligible = False
        self.cmb_days: int | None = None

    # -- the five core dates -------------------------------------------------

    def _date(self, target: int, with_remissions: bool) -> date:
        c = self.case
        rems = c.rems if with_remissions else []
        return _to_date(_first_day(c.s, target, c.credit, c.outs, rems))

    def _expiry_from_total(self, expiry_initial: date) -> date:
        """The expiry before any subsider: the initial expiry minus the total from the SK."""
        total = self.inp.remission_total_days or 0
        start = self.case.start
        # range_errors keeps the computed initial expiry safe; an overridden one is checked
        # here, on day numbers, so an early date cannot run below year 1 either.
        if expiry_initial.toordinal() - total <= start.toordinal():
            raise UserInputError(tr(
                "Ekspirasi awal yang diubah petugas ({e}) dikurangi jumlah remisi dari SK ({t} "
                "hari) jatuh pada atau sebelum tanggal mulai ditahan ({s}): periksa keduanya.",
                "The overridden initial expiry ({e}) minus the remission total from the decree "
                "({t} days) falls on or before the first day of detention ({s}): check both.",
                e=expiry_initial.isoformat(), t=total, s=start.isoformat()),
                field="overrides", code="remission_limit")
        return expiry_initial - timedelta(days=total)

    def _with_subsider(self, expiry: date) -> date:
        inp = self.inp
        if not inp.fine_paid and not inp.subsider.is_zero:
            try:
                return add_calendar(expiry, inp.subsider, month_end=self.settings.month_end)
            except DateOutOfRange:
                raise _beyond_9999(
                    "Ekspirasi dengan subsider", "The expiry with the subsidiary term",
                    f"{expiry.isoformat()} + subsider {inp.subsider.compact()}",
                    f"{expiry.isoformat()} + subsidiary term {inp.subsider.compact()}",
                    "tanggal mulai ditahan, lama pidana dan subsider",
                    "the first day of detention, the sentence and the subsidiary term") from None
        return expiry

    # -- the dates that follow from the core ones ----------------------------

    def derive(self, core: Mapping[str, date | None]) -> dict[str, date | None]:
        """Program dates from the core dates (rules 6-9); used again after overrides."""
        expiry, half, two_thirds = core["expiry"], core["half"], core["two_thirds"]
        out: dict[str, date | None] = {}
        if self.parole_eligible:
            out["parole_date"] = half if self.inp.child else two_thirds
            out["parole_supervision_end"] = (None if expiry is None
                                             else self._supervision_end(expiry))
        else:
            out["parole_date"] = out["parole_supervision_end"] = None
        if self.cb_eligible:
            out["conditional_leave_start"] = two_thirds
            out["conditional_leave_end"] = expiry
        else:
            out["conditional_leave_start"] = out["conditional_leave_end"] = None
        if self.cmb_days is not None and expiry is not None and two_thirds is not None:
            # max(expiry - length, 2/3), compared on days so an officer's early expiry
            # cannot run the subtraction below year 1.
            out["leave_before_release_start"] = (
                two_thirds if (expiry - two_thirds).days <= self.cmb_days
                else expiry - timedelta(days=self.cmb_days))
        else:
            out["leave_before_release_start"] = None
        out["assimilation_date"] = half
        return out

    def _supervision_end(self, expiry: date) -> date:
        try:
            return add_calendar(expiry, Duration(years=1), month_end=self.settings.month_end)
        except DateOutOfRange:
            raise _beyond_9999(
                "Akhir masa percobaan PB", "The end of parole supervision",
                f"ekspirasi {expiry.isoformat()} + 1 tahun",
                f"expiry {expiry.isoformat()} + 1 year",
                "tanggal mulai ditahan dan lama pidana",
                "the first day of detention and the sentence") from None

    def apply(self, overrides: Mapping[str, date]) -> dict[str, date | None]:
        """Effective dates: overridden core dates, dependents recomputed, then
        overridden dependents (an officer's own date always wins)."""
        core = {k: overrides.get(k, self.computed_core[k]) for k in CORE_KEYS}
        if not self.case.ledger:
            cap: date | None = None
            if "expiry" in overrides:
                cap = overrides["expiry"]
            elif "expiry_initial" in overrides:
                # With a total from the SK the expiry is the initial expiry minus that total.
                cap = self._expiry_from_total(overrides["expiry_initial"])
                core["expiry"] = self._with_subsider(cap)
            if cap is not None:
                # Fractions computed without remission stay capped at the expiry in force.
                for key, _num, _den, _label in FRACTIONS:
                    if key not in overrides:
                        core[key] = min(self.uncapped.get(key) or self.computed_core[key], cap)
        values: dict[str, date | None] = {**core, **self.derive(core)}
        for key, value in overrides.items():
            values[key] = value
        return values

    # -- putting it together -------------------------------------------------

    def result(self) -> SentenceDates:
        c, inp, st = self.case, self.inp, self.settings
        md = st.month_days
        expiry_initial = c.expiry_initial

        # Expiry (rule 4)
        if c.ledger:
            expiry_plain = self._date(c.x, True)
            used_ord = expiry_plain.toordinal()
            counted = [r for r in inp.remissions if r.granted.toordinal() <= used_ord]
        else:
            counted = []
            # range_errors refused a total that reaches the days to be served, so this
            # falls after the first day of detention.
            expiry_plain = expiry_initial - timedelta(days=inp.remission_total_days or 0)
        expiry = self._with_subsider(expiry_plain)

        # Fractions (rule 5); with a total from the SK they are computed without remission,
        # so they are only upper bounds: one past the expiry is capped at it and the
        # breakdown says so (calc_breakdown), as no date of a sentence follows its end.
        core: dict[str, date | None] = {"expiry_initial": expiry_initial, "expiry": expiry}
        required: dict[str, int] = {}
        for key, num, den, _label in FRACTIONS:
            f = required_days(c.p30, num, den, st.fraction_rounding)
            required[key] = f
            day = self._date(f, c.ledger)
            if not c.ledger and day > expiry_plain:
                self.uncapped[key] = day
                day = expiry_plain
            core[key] = day
        self.computed_core = core

        # Eligibility (rules 6-8).  "2/3 of the sentence >= 9 months" is read as the
        # required days F for 2/3, so remissions do not change eligibility.
        f23 = required["two_thirds"]
        self.parole_eligible = inp.child or f23 >= st.parole_min_days
        self.cb_eligible = c.p30 <= st.cb_max_days
        last = None
        if counted and f23 >= st.parole_min_days:
            # The last remission by date; on the same date the larger one.
            last = max(counted, key=lambda r: (r.granted, r.days_with(md)))
        self.cmb_days = None if last is None else min(last.days_with(md), st.cmb_max_days)

        computed = {**core, **self.derive(core)}
        conditions = texts.conditions(self, counted)

        # Overrides (rule 12)
        overrides = inp.overrides
        moved: dict[str, tuple[str, ...]] = {}
        if overrides:
            effective = self.apply(overrides)
            raise_errors(period_errors(effective, c.start, overrides))
            for key, value in overrides.items():
                alone = self.apply({key: value})
                moved[key] = tuple(
                    k for k in DATE_KEYS
                    if k != key and k not in overrides
                    and alone[k] != computed[k] and effective[k] != computed[k])
                line = texts.override_condition(key, value, computed[key])
                if line:
                    conditions.append(line)
        else:
            effective = computed

        steps = (texts.explain(self, computed, expiry_plain, counted, required, last, moved)
                 if self.explain else [])

        return SentenceDates(
            **{k: effective[k] for k in DATE_KEYS},
            parole_eligible=self.parole_eligible,
            conditional_leave_eligible=self.cb_eligible,
            breakdown=tuple(steps), conditions=tuple(conditions),
            computed=FrozenMap(computed), moved_by_override=FrozenMap(moved),
            p30=c.p30, required_days=FrozenMap(required),
            capped_at_expiry=FrozenMap(self.uncapped) if self.uncapped else EMPTY_MAP)
