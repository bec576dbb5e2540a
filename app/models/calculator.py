"""The sentence calculator: expiry, 1/3, 1/2, 2/3, PB, CB, CMB and asimilasi dates.

Pure functions over frozen dataclasses implementing rules 1-12 of domain.md
("Sentence dates").  The window, the command line (``rekam-upt calc``) and the
demo generator all call ``compute``; nothing here imports Qt, touches a database
or reads the clock ("today" is always an argument).

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

Texts in the breakdown and the conditions are Indonesian on purpose: they are
printed on official papers.  Error messages go through ``tr``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any, NamedTuple

from app.models.durations import (
    MONTH_END_CHOICES,
    Duration,
    add_calendar,
    format_date_id,
    format_number_id,
)
from app.models.errors import UserInputError, ValidationErrors
from app.models.i18n import tr

# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------

DATE_KEYS: tuple[str, ...] = (
    "expiry_initial", "expiry", "one_third", "half", "two_thirds", "parole_date",
    "parole_supervision_end", "conditional_leave_start", "conditional_leave_end",
    "leave_before_release_start", "assimilation_date",
)

# Indonesian labels of the output dates, for tables, print-outs and the breakdown.
DATE_LABELS: dict[str, str] = {
    "expiry_initial": "Ekspirasi awal",
    "expiry": "Ekspirasi (bebas)",
    "one_third": "1/3 masa pidana",
    "half": "1/2 masa pidana",
    "two_thirds": "2/3 masa pidana",
    "parole_date": "Pembebasan Bersyarat (PB)",
    "parole_supervision_end": "Akhir masa percobaan PB",
    "conditional_leave_start": "Cuti Bersyarat (CB) mulai",
    "conditional_leave_end": "Cuti Bersyarat (CB) akhir",
    "leave_before_release_start": "Cuti Menjelang Bebas (CMB) mulai",
    "assimilation_date": "Asimilasi mulai",
}

SENTENCE_KINDS = ("term", "life", "death")
REMISSION_KINDS = ("umum", "khusus", "dasawarsa", "tambahan", "pmp")
REMISSION_KIND_LABELS = {
    "umum": "remisi umum", "khusus": "remisi khusus", "dasawarsa": "remisi dasawarsa",
    "tambahan": "remisi tambahan", "pmp": "pengurangan masa pidana (PMP)",
}

_CORE_KEYS = ("expiry_initial", "expiry", "one_third", "half", "two_thirds")
_FRACTIONS = (("one_third", 1, 3, "1/3"), ("half", 1, 2, "1/2"), ("two_thirds", 2, 3, "2/3"))

# Which dates are recomputed from an overridden one (rule 12).  parole_date
# follows "half" for a child and "two_thirds" for an adult; _derive knows which.
DEPENDENTS: dict[str, tuple[str, ...]] = {
    "expiry_initial": ("expiry",),  # only when the remission is a total (rule 12)
    "half": ("assimilation_date", "parole_date"),
    "two_thirds": ("parole_date", "conditional_leave_start", "leave_before_release_start"),
    "expiry": ("parole_supervision_end", "conditional_leave_end", "leave_before_release_start"),
}

SRC_MONTH = "KUHP Pasal 97; Keppres 174/1999 Pasal 7(4)"
SRC_CREDIT = "KUHAP Pasal 22(4)-(5)"
SRC_CONSECUTIVE = "UU 1/2023 Pasal 72"
SRC_REMISSION = "Keppres 174/1999 Pasal 4-5, 7(4)"
SRC_SUBSIDER = "Keppres 174/1999 Pasal 12"
SRC_PAROLE = "Permenkumham 3/2018 Pasal 82; UU 1/2023 Pasal 72"
SRC_PAROLE_CHILD = "UU 11/2012 Pasal 81(4); Permenkumham 3/2018"
SRC_SUPERVISION = "KUHP Pasal 15(3); UU 1/2023 Pasal 72"
SRC_PROGRAMS = "Permenkumham 3/2018 jo. Permenkumham 7/2022"
SRC_INTERRUPTION = "KUHAP Pasal 31 (penangguhan penahanan)"
SRC_OFFICER = "Keputusan petugas (tanggal resmi)"
CHOICE = " (pilihan aplikasi)"


class FrozenMap(Mapping[str, Any]):
    """A read-only, hashable mapping, so the frozen dataclasses stay hashable."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any] | None = None):
        self._data: dict[str, Any] = dict(data) if data else {}

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


EMPTY_MAP = FrozenMap()


# ---------------------------------------------------------------------------
# Inputs and settings
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Remission:
    """One granted remission (or, for a child, pengurangan masa pidana) from its SK."""

    granted: date
    months: int = 0
    days: int = 0
    kind: str = "umum"
    sk_number: str = ""

    @property
    def days30(self) -> int:
        return self.months * 30 + self.days

    def days_with(self, month_days: int) -> int:
        return self.months * month_days + self.days


@dataclass(frozen=True)
class Interruption:
    """Days out of detention (e.g. penangguhan): ``start`` and ``end`` are the first
    and the last day out, both included [choice]."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


ROUNDING_CHOICES = ("ceil", "floor", "round")

# label (Indonesian), allowed values (a tuple of choices, or (min, max) for numbers)
SETTING_LABELS: dict[str, dict[str, Any]] = {
    "fraction_rounding": {
        "label": "Pembulatan hari wajib 1/3, 1/2, 2/3",
        "values": ROUNDING_CHOICES,
        "help": "ceil = ke atas (bawaan), floor = ke bawah, round = setengah ke atas",
    },
    "credit_rounding": {
        "label": "Pembulatan potongan tahanan kota (1/5) dan rumah (1/3)",
        "values": ROUNDING_CHOICES,
        "help": "floor = ke bawah (bawaan), agar tidak ada yang bebas terlalu cepat",
    },
    "month_end": {
        "label": "Tanggal melewati akhir bulan",
        "values": MONTH_END_CHOICES,
        "help": "clamp = hari terakhir bulan itu (bawaan); overflow = lanjut ke bulan berikutnya",
    },
    "month_days": {
        "label": "Jumlah hari dalam satu bulan hitungan",
        "range": (28, 31),
        "help": "30 menurut KUHP Pasal 97",
    },
    "parole_min_days": {
        "label": "Batas minimum 2/3 untuk PB dan CMB (hari)",
        "range": (0, 3600),
        "help": "270 hari = 9 bulan",
    },
    "cmb_max_days": {
        "label": "Lama CMB paling lama (hari)",
        "range": (0, 3600),
        "help": "180 hari = 6 bulan",
    },
    "cb_max_days": {
        "label": "Pidana paling lama untuk CB (hari)",
        "range": (0, 36000),
        "help": "540 hari = 1 tahun 6 bulan",
    },
}


@dataclass(frozen=True)
class CalcSettings:
    """The choices where the law is silent or printouts differ (domain.md [choice])."""

    fraction_rounding: str = "ceil"
    credit_rounding: str = "floor"
    month_end: str = "clamp"
    month_days: int = 30
    parole_min_days: int = 270
    cmb_max_days: int = 180
    cb_max_days: int = 540

    def __post_init__(self) -> None:
        for f in fields(self):
            _check_setting(f.name, getattr(self, f.name))

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CalcSettings:
        """Settings stored as JSON; missing keys keep their defaults and keys from
        another version of the program are ignored, so an old file still opens."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def _check_setting(name: str, value: Any) -> None:
    spec = SETTING_LABELS[name]
    if "values" in spec:
        if value not in spec["values"]:
            raise UserInputError(tr("Pengaturan {n} tidak valid: '{v}' (pilihan: {c})",
                                    "Invalid setting {n}: '{v}' (choices: {c})",
                                    n=name, v=value, c=", ".join(spec["values"])), field=name)
    else:
        low, high = spec["range"]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise UserInputError(tr("Pengaturan {n} tidak valid: '{v}' (harus {a}-{b})",
                                    "Invalid setting {n}: '{v}' (must be {a}-{b})",
                                    n=name, v=value, a=low, b=high), field=name)


DEFAULT_SETTINGS = CalcSettings()


@dataclass(frozen=True)
class SentenceInput:
    """Everything the calculator needs about one case."""

    detention_start: date
    sentences: tuple[Duration, ...] = ()
    sentence_kind: str = "term"
    interruptions: tuple[Interruption, ...] = ()
    city_detention_days: int = 0
    house_detention_days: int = 0
    remissions: tuple[Remission, ...] = ()
    remission_total_days: int | None = None
    fine: int = 0
    subsider: Duration = Duration()
    fine_paid: bool = True
    child: bool = False
    offence_category: str | None = None
    overrides: Mapping[str, date] = EMPTY_MAP

    def __post_init__(self) -> None:
        # Accept lists and plain dicts from callers but keep the value immutable.
        for name in ("sentences", "interruptions", "remissions"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        if not isinstance(self.overrides, FrozenMap):
            object.__setattr__(self, "overrides", FrozenMap(self.overrides))


# ---------------------------------------------------------------------------
# Outputs
# ---------------------------------------------------------------------------

class Step(NamedTuple):
    """One line of the breakdown (Indonesian).

    An immutable named tuple rather than a frozen dataclass: a case makes about
    fifteen of them and a named tuple is three times quicker to build, which
    matters when the demo computes 100,000 cases.
    """

    key: str
    label: str
    value: str
    rule: str
    source: str

    def to_json(self) -> dict[str, str]:
        return {"key": self.key, "label": self.label, "value": self.value,
                "rule": self.rule, "source": self.source}


@dataclass(frozen=True)
class SentenceDates:
    """The computed (and, where an officer said so, overridden) dates of one case."""

    expiry_initial: date | None
    expiry: date | None
    one_third: date | None
    half: date | None
    two_thirds: date | None
    parole_eligible: bool
    parole_date: date | None
    parole_supervision_end: date | None
    conditional_leave_eligible: bool
    conditional_leave_start: date | None
    conditional_leave_end: date | None
    leave_before_release_start: date | None
    assimilation_date: date | None
    breakdown: tuple[Step, ...]
    conditions: tuple[str, ...]
    computed: Mapping[str, date | None] = EMPTY_MAP
    moved_by_override: Mapping[str, tuple[str, ...]] = EMPTY_MAP
    p30: int | None = None
    required_days: Mapping[str, int] = EMPTY_MAP

    def date_of(self, key: str) -> date | None:
        if key not in DATE_KEYS:
            raise KeyError(key)
        return getattr(self, key)

    def to_json(self) -> dict[str, Any]:
        """The command line's JSON: the dates as "YYYY-MM-DD" or None, the two
        eligibility flags, the breakdown as a list of step objects and the conditions."""
        out: dict[str, Any] = {}
        for key in DATE_KEYS[:5]:
            out[key] = _iso(getattr(self, key))
        out["parole_eligible"] = self.parole_eligible
        out["parole_date"] = _iso(self.parole_date)
        out["parole_supervision_end"] = _iso(self.parole_supervision_end)
        out["conditional_leave_eligible"] = self.conditional_leave_eligible
        out["conditional_leave_start"] = _iso(self.conditional_leave_start)
        out["conditional_leave_end"] = _iso(self.conditional_leave_end)
        out["leave_before_release_start"] = _iso(self.leave_before_release_start)
        out["assimilation_date"] = _iso(self.assimilation_date)
        out["breakdown"] = [step.to_json() for step in self.breakdown]
        out["conditions"] = list(self.conditions)
        return out


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


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
                                "the first day of detention and the sentence.")) from None


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

def _is_int(value: Any) -> bool:
    return type(value) is int or (isinstance(value, int) and not isinstance(value, bool))


def _basic_errors(inp: SentenceInput, today: date | None) -> list[UserInputError]:
    """Everything that can be checked without computing a date."""
    errors: list[UserInputError] = []

    def err(field_name: str, id_text: str, en_text: str, **values: object) -> None:
        errors.append(UserInputError(tr(id_text, en_text, **values), field=field_name))

    if not isinstance(inp.detention_start, date):
        err("detention_start", "Tanggal mulai ditahan wajib diisi.",
            "The first day of detention is required.")
        return errors
    if today is not None and inp.detention_start > today:
        err("detention_start",
            "Tanggal mulai ditahan ({s}) setelah hari ini ({t}).",
            "The first day of detention ({s}) is after today ({t}).",
            s=inp.detention_start.isoformat(), t=today.isoformat())
    if inp.sentence_kind not in SENTENCE_KINDS:
        err("sentence_kind", "Jenis pidana tidak dikenal: '{v}' (pilihan: term, life, death)",
            "Unknown sentence kind: '{v}' (choices: term, life, death)", v=inp.sentence_kind)
    elif inp.sentence_kind == "term":
        if not inp.sentences:
            err("sentences", "Lama pidana wajib diisi (contoh: 3y6m15d).",
                "A sentence length is required (example: 3y6m15d).")
        else:
            bad = [s for s in inp.sentences if not isinstance(s, Duration)
                   or not all(_is_int(v) for v in (s.years, s.months, s.days))]
            if bad:
                err("sentences", "Lama pidana tidak valid: {v}", "Invalid sentence length: {v}",
                    v=bad[0])
            elif any(s.is_negative for s in inp.sentences):
                err("sentences", "Lama pidana tidak boleh negatif.",
                    "A sentence length cannot be negative.")
            elif all(s.is_zero for s in inp.sentences):
                err("sentences", "Lama pidana tidak boleh nol.", "A sentence cannot be zero.")
    elif inp.sentences:
        err("sentences",
            "Pidana seumur hidup atau mati tidak memakai lama pidana; hapus lama pidananya.",
            "A life or death sentence has no length; remove the sentence length.")

    for name, label_id, label_en in (
            ("city_detention_days", "Hari tahanan kota", "City detention days"),
            ("house_detention_days", "Hari tahanan rumah", "House detention days"),
            ("fine", "Denda", "The fine")):
        value = getattr(inp, name)
        if not _is_int(value):
            err(name, label_id + " harus bilangan bulat: '{v}'",
                label_en + " must be a whole number: '{v}'", v=value)
        elif value < 0:
            err(name, label_id + " tidak boleh negatif: {v}",
                label_en + " cannot be negative: {v}", v=value)
    if not isinstance(inp.subsider, Duration) or inp.subsider.is_negative:
        err("subsider", "Subsider tidak boleh negatif.", "The subsidiary term cannot be negative.")

    if inp.remission_total_days is not None:
        if not _is_int(inp.remission_total_days) or inp.remission_total_days < 0:
            err("remission_total_days", "Jumlah remisi tidak boleh negatif: {v}",
                "The remission total cannot be negative: {v}", v=inp.remission_total_days)
        if inp.remissions:
            err("remission_total_days",
                "Isi rincian remisi atau jumlah remisi dari SK, tidak keduanya.",
                "Enter either the remission ledger or the total from the decree, not both.")

    for r in inp.remissions:
        if (type(r.months) is int and type(r.days) is int and r.months >= 0 and r.days >= 0
                and (r.months or r.days) and r.kind in REMISSION_KINDS
                and isinstance(r.granted, date) and r.granted >= inp.detention_start):
            continue  # the usual case, checked in one go
        when = r.granted.isoformat() if isinstance(r.granted, date) else str(r.granted)
        if not isinstance(r.granted, date):
            err("remissions", "Tanggal remisi tidak valid: '{d}'", "Invalid remission date: '{d}'",
                d=when)
        elif not (_is_int(r.months) and _is_int(r.days)) or r.months < 0 or r.days < 0:
            err("remissions", "Remisi {d}: jumlah tidak boleh negatif.",
                "Remission {d}: the amount cannot be negative.", d=when)
        elif r.months == 0 and r.days == 0:
            err("remissions", "Remisi {d}: jumlahnya nol.", "Remission {d}: the amount is zero.",
                d=when)
        elif r.kind not in REMISSION_KINDS:
            err("remissions", "Remisi {d}: jenis tidak dikenal '{k}' (pilihan: {c})",
                "Remission {d}: unknown kind '{k}' (choices: {c})", d=when, k=r.kind,
                c=", ".join(REMISSION_KINDS))
        elif r.granted < inp.detention_start:
            err("remissions", "Remisi {d} sebelum tanggal mulai ditahan ({s}).",
                "Remission {d} is before the first day of detention ({s}).",
                d=when, s=inp.detention_start.isoformat())

    ordered = sorted((i for i in inp.interruptions
                      if isinstance(i.start, date) and isinstance(i.end, date)),
                     key=lambda i: i.start) if inp.interruptions else []
    if len(ordered) != len(inp.interruptions):
        err("interruptions", "Tanggal penangguhan tidak valid.", "Invalid interruption dates.")
    for i in ordered:
        if i.end < i.start:
            err("interruptions", "Penangguhan {a} s.d. {b}: tanggal akhir sebelum tanggal mulai.",
                "Interruption {a} to {b}: the end is before the start.",
                a=i.start.isoformat(), b=i.end.isoformat())
        elif i.start < inp.detention_start:
            err("interruptions", "Penangguhan {a} s.d. {b} dimulai sebelum tanggal mulai ditahan.",
                "Interruption {a} to {b} starts before the first day of detention.",
                a=i.start.isoformat(), b=i.end.isoformat())
    for a, b in zip(ordered, ordered[1:]):
        if b.start <= a.end:
            err("interruptions", "Penangguhan {a} dan {b} bertumpang tindih.",
                "Interruptions starting {a} and {b} overlap.",
                a=a.start.isoformat(), b=b.start.isoformat())

    for key, value in inp.overrides.items():
        if key not in DATE_KEYS:
            err("overrides", "Tanggal yang diubah tidak dikenal: '{k}' (pilihan: {c})",
                "Unknown overridden date: '{k}' (choices: {c})", k=key, c=", ".join(DATE_KEYS))
        elif not isinstance(value, date):
            err("overrides", "Tanggal pengganti untuk {k} tidak valid: '{v}'",
                "Invalid override for {k}: '{v}'", k=key, v=value)
    return errors


def _raise(errors: list[UserInputError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ValidationErrors(errors)


def _range_errors(inp: SentenceInput, expiry_initial: date) -> list[UserInputError]:
    """Checks against the initial expiry, which needs a valid sentence to compute."""
    errors: list[UserInputError] = []
    for r in inp.remissions:
        if r.granted > expiry_initial:
            errors.append(UserInputError(tr(
                "Remisi {d} setelah ekspirasi awal ({e}).",
                "Remission {d} is after the initial expiry ({e}).",
                d=r.granted.isoformat(), e=expiry_initial.isoformat()), field="remissions"))
    for i in inp.interruptions:
        # A counted interruption always ends before the initial expiry; one that
        # starts on or after it would be silently ignored, so it is refused.
        if i.end >= expiry_initial:
            errors.append(UserInputError(tr(
                "Penangguhan {a} s.d. {b} tidak berada di antara tanggal mulai ditahan "
                "dan ekspirasi awal ({e}).",
                "Interruption {a} to {b} is not between the first day of detention and the "
                "initial expiry ({e}).",
                a=i.start.isoformat(), b=i.end.isoformat(), e=expiry_initial.isoformat()),
                field="interruptions"))
    return errors


def validate(inp: SentenceInput, today: date | None = None,
             settings: CalcSettings = DEFAULT_SETTINGS) -> None:
    """Raise ``UserInputError`` (``ValidationErrors`` for several) for bad input.

    ``field`` names the ``SentenceInput`` attribute at fault.  ``today`` is only
    used to refuse a first day of detention in the future.
    """
    _raise(_basic_errors(inp, today))
    if inp.sentence_kind == "term":
        _raise(_range_errors(inp, _Case(inp, settings).expiry_initial))


# ---------------------------------------------------------------------------
# The computation
# ---------------------------------------------------------------------------

class _Case:
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
        end = add_calendar(self.start, total, month_end=settings.month_end)
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
        self.expiry_initial = _to_date(_first_day(self.s, self.x, self.credit, self.outs, []))


def compute(inp: SentenceInput, settings: CalcSettings = DEFAULT_SETTINGS,
            today: date | None = None, *, explain: bool = True) -> SentenceDates:
    """All sentence dates of one case, with the breakdown and the conditions.

    Validates first (``UserInputError`` on bad input).  ``today`` only serves the
    validation; the result never depends on the clock.  ``explain=False`` leaves
    the breakdown empty (the dates and conditions are the same): writing the
    breakdown is most of the work, and bulk work such as the demo does not show it.
    """
    _raise(_basic_errors(inp, today))
    if inp.sentence_kind != "term":
        return _no_dates(inp)
    case = _Case(inp, settings)
    _raise(_range_errors(inp, case.expiry_initial))
    return _Computation(case, explain).result()


def _no_dates(inp: SentenceInput) -> SentenceDates:
    """Rule 11: life imprisonment and death sentences have no dates to compute."""
    if inp.sentence_kind == "life":
        step = Step("sentence_kind", "Jenis pidana", "Pidana seumur hidup",
                    "Pidana seumur hidup: tidak ada tanggal ekspirasi, 1/3, 1/2, 2/3, PB, CB, "
                    "CMB maupun asimilasi yang dapat dihitung. Bila pidana diubah menjadi pidana "
                    "sementara (Keppres 174/1999 Pasal 9), masukkan lama pidana yang baru.",
                    "KUHP Pasal 12(1); Keppres 174/1999 Pasal 9")
    else:
        step = Step("sentence_kind", "Jenis pidana", "Pidana mati",
                    "Pidana mati: tidak ada tanggal ekspirasi, 1/3, 1/2, 2/3, PB, CB, CMB maupun "
                    "asimilasi yang dapat dihitung. Bila pidana diubah menjadi seumur hidup atau "
                    "pidana sementara (UU 1/2023 Pasal 100-101), masukkan pidana yang baru.",
                    "UU 1/2023 Pasal 100-101")
    steps = [step]
    values: dict[str, date | None] = dict.fromkeys(DATE_KEYS)
    for key, value in inp.overrides.items():
        # An officer may still record official dates; nothing is derived from them.
        values[key] = value
        steps.append(Step(f"override:{key}", f"Diubah petugas: {DATE_LABELS[key]}",
                          f"{format_date_id(value)} (hitungan: tidak ada)",
                          "Tanggal resmi dicatat petugas; tidak ada tanggal hitungan.",
                          SRC_OFFICER))
    conditions = (
        "Tidak ada tanggal program yang dihitung untuk pidana ini; petugas memastikan "
        "status dan perubahan pidana dari putusan atau keputusan yang berlaku.",)
    return SentenceDates(
        **{k: values[k] for k in DATE_KEYS},
        parole_eligible=False, conditional_leave_eligible=False,
        breakdown=tuple(steps), conditions=conditions,
        computed=FrozenMap(dict.fromkeys(DATE_KEYS)), moved_by_override=EMPTY_MAP,
        p30=None, required_days=EMPTY_MAP)


def _ledger_order(r: Remission) -> tuple[date, int, int, str, str]:
    # A full order, so the breakdown reads the same whatever order they were entered in.
    return (r.granted, r.months, r.days, r.kind, r.sk_number)


class _Computation:
    """Computes one term case: the dates first, then (if asked) the breakdown."""

    def __init__(self, case: _Case, explain: bool = True):
        self.case = case
        self.explain = explain
        self.inp = case.inp
        self.settings = case.settings
        self.steps: list[Step] = []
        self.conditions: list[str] = []
        # Set by result() before _derive and _apply use them.
        self.computed_core: dict[str, date | None] = {}
        self.parole_eligible = False
        self.cb_eligible = False
        self.cmb_days: int | None = None

    # -- the five core dates -------------------------------------------------

    def _date(self, target: int, with_remissions: bool) -> date:
        c = self.case
        rems = c.rems if with_remissions else []
        return _to_date(_first_day(c.s, target, c.credit, c.outs, rems))

    def _expiry_from_total(self, expiry_initial: date) -> date:
        total = self.inp.remission_total_days or 0
        return self._with_subsider(max(self.case.start, expiry_initial - timedelta(days=total)))

    def _with_subsider(self, expiry: date) -> date:
        inp = self.inp
        if not inp.fine_paid and not inp.subsider.is_zero:
            return add_calendar(expiry, inp.subsider, month_end=self.settings.month_end)
        return expiry

    # -- the dates that follow from the core ones ----------------------------

    def _derive(self, core: Mapping[str, date | None]) -> dict[str, date | None]:
        """Program dates from the core dates (rules 6-9); used again after overrides."""
        expiry, half, two_thirds = core["expiry"], core["half"], core["two_thirds"]
        out: dict[str, date | None] = {}
        if self.parole_eligible:
            out["parole_date"] = half if self.inp.child else two_thirds
            out["parole_supervision_end"] = (
                None if expiry is None else
                add_calendar(expiry, Duration(years=1), month_end=self.settings.month_end))
        else:
            out["parole_date"] = out["parole_supervision_end"] = None
        if self.cb_eligible:
            out["conditional_leave_start"] = two_thirds
            out["conditional_leave_end"] = expiry
        else:
            out["conditional_leave_start"] = out["conditional_leave_end"] = None
        if self.cmb_days is not None and expiry is not None and two_thirds is not None:
            out["leave_before_release_start"] = max(expiry - timedelta(days=self.cmb_days),
                                                    two_thirds)
        else:
            out["leave_before_release_start"] = None
        out["assimilation_date"] = half
        return out

    def _apply(self, overrides: Mapping[str, date]) -> dict[str, date | None]:
        """Effective dates: overridden core dates, dependents recomputed, then
        overridden dependents (an officer's own date always wins)."""
        core = {k: overrides.get(k, self.computed_core[k]) for k in _CORE_KEYS}
        if not self.case.ledger and "expiry_initial" in overrides and "expiry" not in overrides:
            # With a total from the SK the expiry is the initial expiry minus that total.
            core["expiry"] = self._expiry_from_total(overrides["expiry_initial"])
        values: dict[str, date | None] = {**core, **self._derive(core)}
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
            expiry_plain = max(c.start, expiry_initial
                               - timedelta(days=inp.remission_total_days or 0))
        expiry = self._with_subsider(expiry_plain)

        # Fractions (rule 5); with a total from the SK they are computed without remission.
        core: dict[str, date | None] = {"expiry_initial": expiry_initial, "expiry": expiry}
        required: dict[str, int] = {}
        for key, num, den, _label in _FRACTIONS:
            f = required_days(c.p30, num, den, st.fraction_rounding)
            required[key] = f
            core[key] = self._date(f, c.ledger)
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

        computed = {**core, **self._derive(core)}
        self._conditions(counted)

        # Overrides (rule 12)
        overrides = inp.overrides
        moved: dict[str, tuple[str, ...]] = {}
        if overrides:
            effective = self._apply(overrides)
            for key, value in overrides.items():
                alone = self._apply({key: value})
                moved[key] = tuple(
                    k for k in DATE_KEYS
                    if k != key and k not in overrides
                    and alone[k] != computed[k] and effective[k] != computed[k])
                self._condition_override(key, value, computed[key])
        else:
            effective = computed

        if self.explain:
            self._explain(computed, expiry_plain, counted, required, last, moved)

        return SentenceDates(
            **{k: effective[k] for k in DATE_KEYS},
            parole_eligible=self.parole_eligible,
            conditional_leave_eligible=self.cb_eligible,
            breakdown=tuple(self.steps), conditions=tuple(self.conditions),
            computed=FrozenMap(computed), moved_by_override=FrozenMap(moved),
            p30=c.p30, required_days=FrozenMap(required))

    def _explain(self, computed: Mapping[str, date | None], expiry_plain: date,
                 counted: list[Remission], required: Mapping[str, int],
                 last: Remission | None, moved: Mapping[str, tuple[str, ...]]) -> None:
        """The breakdown, one step per computation step, in the order computed."""
        c, inp, st = self.case, self.inp, self.settings
        md = st.month_days
        x_text = format_number_id(c.x)
        self._step_sentence()
        expiry_initial = c.expiry_initial
        self.steps.append(Step(
            "expiry_initial", DATE_LABELS["expiry_initial"], format_date_id(expiry_initial),
            f"Hari pertama D dengan (D − S) − hari di luar tahanan + potongan ≥ X = "
            f"{x_text} hari, yaitu S + P menurut kalender − potongan {c.credit} hari + hari di "
            f"luar tahanan {_out_before(expiry_initial.toordinal(), c.outs)} hari; bebas pada "
            f"tanggal itu, bukan sehari sebelumnya",
            f"{SRC_MONTH}; {SRC_CREDIT}"))
        if c.ledger:
            used_ord = expiry_plain.toordinal()
            ignored = [r for r in inp.remissions if r.granted.toordinal() > used_ord]
            self._step_remissions(counted, ignored, expiry_plain)
            total_rem = sum(r.days_with(md) for r in counted)
            self.steps.append(Step(
                "expiry", "Ekspirasi setelah remisi", format_date_id(expiry_plain),
                f"Hari pertama D dengan masa dijalani + remisi yang diberikan s.d. D ≥ "
                f"{x_text} hari (remisi dihitung {format_number_id(total_rem)} hari); remisi "
                f"tidak pernah memajukan tanggal bebas ke sebelum tanggal pemberiannya, dan "
                f"urutan remisi tidak berpengaruh",
                SRC_REMISSION))
        else:
            total = format_number_id(inp.remission_total_days or 0)
            self.steps.append(Step(
                "remission_total", "Jumlah remisi (dari SK)", f"{total} hari",
                "Jumlah remisi dari SK tanpa rincian: hanya mengurangi ekspirasi (tidak sebelum "
                "tanggal mulai ditahan); tanggal 1/3, 1/2 dan 2/3 dihitung tanpa remisi, dan CMB "
                "tidak dihitung karena remisi terakhir tidak diketahui",
                SRC_REMISSION))
            self.steps.append(Step(
                "expiry", "Ekspirasi setelah remisi", format_date_id(expiry_plain),
                f"Ekspirasi awal − {total} hari", SRC_REMISSION))
        self._step_subsider(expiry_plain, computed["expiry"])
        rem_part = " + remisi yang diberikan s.d. D" if c.ledger and inp.remissions else ""
        p30_text = format_number_id(c.p30)
        source = SRC_MONTH + (CHOICE if st.fraction_rounding == "ceil" else "")
        for key, _num, _den, label in _FRACTIONS:
            self.steps.append(Step(
                key, f"{label} masa pidana", format_date_id(computed[key]),
                f"F = {st.fraction_rounding}({label} × {p30_text}) = "
                f"{format_number_id(required[key])} hari; hari pertama D dengan (D − S − hari "
                f"di luar tahanan) + potongan{rem_part} ≥ F",
                source))
        self._step_programs(computed, required["two_thirds"], last)
        for key, value in inp.overrides.items():
            self._step_override(key, value, computed[key], moved.get(key, ()))

    # -- breakdown texts -----------------------------------------------------

    def _step_sentence(self) -> None:
        c, inp, st = self.case, self.inp, self.settings
        if len(inp.sentences) > 1:
            parts = " + ".join(s.label_id() for s in inp.sentences)
            value = f"{parts} = {c.total.label_id()} = {format_number_id(c.p30)} hari (P30)"
            source = f"{SRC_MONTH}; {SRC_CONSECUTIVE}"
            rule = (f"Beberapa pidana dijalani berturut-turut dijumlahkan; "
                    f"satu bulan = {st.month_days} hari")
        else:
            value = f"{c.total.label_id()} = {format_number_id(c.p30)} hari (P30)"
            source = SRC_MONTH
            rule = f"Satu tahun = 12 bulan, satu bulan = {st.month_days} hari"
        self.steps.append(Step("sentence", "Lama pidana (P)", value, rule, source))
        self.steps.append(Step("detention_start", "Mulai ditahan (S)", format_date_id(c.start),
                               "Hari pertama penahanan dihitung sebagai hari menjalani pidana",
                               SRC_CREDIT))
        end = c.start + timedelta(days=c.x)
        month_rule = ("tanggal yang melewati akhir bulan jatuh pada hari terakhir bulan itu"
                      if st.month_end == "clamp" else
                      "tanggal yang melewati akhir bulan berlanjut ke bulan berikutnya")
        self.steps.append(Step(
            "calendar_days", "Lama pidana menurut kalender (X)",
            f"{format_date_id(c.start)} + {c.total.label_id()} = {format_date_id(end)} → "
            f"{format_number_id(c.x)} hari",
            f"Tahun, lalu bulan, lalu hari menurut kalender; {month_rule}",
            "KUHP Pasal 97" + CHOICE))
        city, house = inp.city_detention_days, inp.house_detention_days
        self.steps.append(Step(
            "credit", "Potongan tahanan kota dan rumah",
            f"{st.credit_rounding}({city}/5) + {st.credit_rounding}({house}/3) = "
            f"{format_number_id(c.credit)} hari",
            "Tahanan kota dihitung 1/5, tahanan rumah 1/3 dari lamanya"
            + ("; dibulatkan ke bawah agar tidak ada yang bebas terlalu cepat"
               if st.credit_rounding == "floor" else ""),
            SRC_CREDIT + (CHOICE if st.credit_rounding == "floor" else "")))
        if inp.interruptions:
            listed = "; ".join(
                f"{format_date_id(i.start)} s.d. {format_date_id(i.end)} ({i.days} hari)"
                for i in sorted(inp.interruptions, key=lambda i: i.start))
            total_out = sum(i.days for i in inp.interruptions)
            self.steps.append(Step(
                "interruptions", "Hari di luar tahanan (penangguhan)",
                f"{listed}; jumlah {format_number_id(total_out)} hari",
                "Hari di luar tahanan (hari pertama dan terakhir ikut dihitung) tidak dihitung "
                "sebagai menjalani pidana dan menggeser semua tanggal sepanjang itu",
                SRC_INTERRUPTION + CHOICE))

    def _step_remissions(self, counted: list[Remission], ignored: list[Remission],
                         expiry: date) -> None:
        md = self.settings.month_days
        if not self.inp.remissions:
            self.steps.append(Step("remissions", "Remisi", "tidak ada",
                                   "Tidak ada remisi yang dicatat", SRC_REMISSION))
            return
        listed = "; ".join(
            f"{format_date_id(r.granted)} {REMISSION_KIND_LABELS.get(r.kind, r.kind)} "
            f"{Duration(0, r.months, r.days).label_id()} ({r.days_with(md)} hari)"
            + (f", SK {r.sk_number}" if r.sk_number else "")
            for r in sorted(counted, key=_ledger_order))
        total = sum(r.days_with(md) for r in counted)
        self.steps.append(Step(
            "remissions", "Remisi", f"{listed or 'tidak ada yang dihitung'}; jumlah "
            f"{format_number_id(total)} hari",
            f"Setiap remisi dihitung bulan × {md} + hari; dihitung sejak tanggal pemberiannya",
            SRC_REMISSION))
        if ignored:
            listed = "; ".join(f"{format_date_id(r.granted)} ({r.days_with(md)} hari)"
                               for r in sorted(ignored, key=_ledger_order))
            self.steps.append(Step(
                "remissions_ignored", "Remisi diabaikan", listed,
                f"Diberikan setelah tanggal bebas ({format_date_id(expiry)}); tidak lagi "
                f"mengurangi pidana",
                SRC_REMISSION))

    def _step_subsider(self, before: date, after: date) -> None:
        inp = self.inp
        if inp.subsider.is_zero:
            return
        fine = f"Denda Rp{format_number_id(inp.fine)}" if inp.fine else "Denda"
        if inp.fine_paid:
            self.steps.append(Step(
                "subsider", "Subsider", f"{inp.subsider.label_id()} — tidak dijalani",
                f"{fine} telah dibayar, pidana pengganti denda tidak dijalani",
                SRC_SUBSIDER))
        else:
            self.steps.append(Step(
                "subsider", "Subsider (denda tidak dibayar)",
                f"{format_date_id(before)} + {inp.subsider.label_id()} = {format_date_id(after)}",
                f"{fine} tidak dibayar: pidana pengganti ditambahkan menurut "
                f"kalender setelah ekspirasi; subsider tidak mendapat remisi",
                SRC_SUBSIDER))

    def _step_programs(self, computed: Mapping[str, date | None], f23: int,
                       last: Remission | None) -> None:
        inp, st = self.inp, self.settings
        min_days = format_number_id(st.parole_min_days)
        if inp.child:
            self.steps.append(Step(
                "parole", DATE_LABELS["parole_date"], format_date_id(computed["parole_date"]),
                "Anak: PB pada 1/2 masa pidana, tanpa batas minimum 9 bulan", SRC_PAROLE_CHILD))
        elif self.parole_eligible:
            self.steps.append(Step(
                "parole", DATE_LABELS["parole_date"], format_date_id(computed["parole_date"]),
                f"Pada tanggal 2/3; berhak karena hari wajib 2/3 (F) = {format_number_id(f23)} "
                f"hari ≥ {min_days} hari (9 bulan)", SRC_PAROLE))
        else:
            self.steps.append(Step(
                "parole", DATE_LABELS["parole_date"], "tidak berhak",
                f"Hari wajib 2/3 (F) = {format_number_id(f23)} hari < {min_days} hari (9 bulan)",
                SRC_PAROLE))
        if self.parole_eligible:
            self.steps.append(Step(
                "parole_supervision_end", DATE_LABELS["parole_supervision_end"],
                f"{format_date_id(computed['expiry'])} + 1 tahun = "
                f"{format_date_id(computed['parole_supervision_end'])}",
                "Masa percobaan = sisa pidana + 1 tahun, jadi berakhir pada ekspirasi + 1 tahun",
                SRC_SUPERVISION))
        if self.cb_eligible:
            self.steps.append(Step(
                "conditional_leave", "Cuti Bersyarat (CB)",
                f"{format_date_id(computed['conditional_leave_start'])} s.d. "
                f"{format_date_id(computed['conditional_leave_end'])}",
                f"P30 = {format_number_id(self.case.p30)} hari ≤ "
                f"{format_number_id(st.cb_max_days)} hari (1 tahun 6 bulan): dari tanggal 2/3 "
                f"sampai ekspirasi", SRC_PROGRAMS))
        else:
            self.steps.append(Step(
                "conditional_leave", "Cuti Bersyarat (CB)", "tidak berhak",
                f"P30 = {format_number_id(self.case.p30)} hari > "
                f"{format_number_id(st.cb_max_days)} hari (pidana lebih dari 1 tahun 6 bulan)",
                SRC_PROGRAMS))
        if self.cmb_days is not None and last is not None:
            self.steps.append(Step(
                "leave_before_release", DATE_LABELS["leave_before_release_start"],
                format_date_id(computed["leave_before_release_start"]),
                f"Lama CMB = remisi terakhir ({format_date_id(last.granted)}, "
                f"{last.days_with(st.month_days)} hari), paling lama {st.cmb_max_days} hari: "
                f"{self.cmb_days} hari; mulai ekspirasi − {self.cmb_days} hari, tidak sebelum "
                f"tanggal 2/3", SRC_PROGRAMS))
        else:
            if f23 < st.parole_min_days:
                why = f"hari wajib 2/3 (F) = {format_number_id(f23)} hari < {min_days} hari"
            elif not self.case.ledger:
                why = ("rincian remisi tidak ada (hanya jumlah dari SK), remisi terakhir "
                       "tidak diketahui")
            else:
                why = "tidak ada remisi yang dihitung"
            self.steps.append(Step(
                "leave_before_release", DATE_LABELS["leave_before_release_start"],
                "tidak dihitung", f"CMB tidak dihitung: {why}", SRC_PROGRAMS))
        self.steps.append(Step(
            "assimilation", DATE_LABELS["assimilation_date"],
            format_date_id(computed["assimilation_date"]), "Asimilasi sejak tanggal 1/2",
            SRC_PROGRAMS))

    def _step_override(self, key: str, value: date, was: date | None,
                       moved: tuple[str, ...]) -> None:
        if was is None:
            diff = "hitungan: tidak ada"
        else:
            delta = (value - was).days
            diff = (f"hitungan: {format_date_id(was)}; "
                    + ("sama" if delta == 0 else f"selisih {delta:+d} hari"))
        rule = "Tanggal resmi dari petugas menggantikan hasil hitung; hasil hitung tetap disimpan"
        if moved:
            rule += "; ikut berubah: " + ", ".join(DATE_LABELS[k] for k in moved)
        self.steps.append(Step(f"override:{key}", f"Diubah petugas: {DATE_LABELS[key]}",
                               f"{format_date_id(value)} ({diff})", rule, SRC_OFFICER))

    def _condition_override(self, key: str, value: date, was: date | None) -> None:
        if was != value:
            self.conditions.append(
                f"{DATE_LABELS[key]} diubah petugas menjadi {format_date_id(value)}, berbeda "
                f"dari hasil hitung ({format_date_id(was)}): pastikan dasar perubahannya.")

    # -- conditions (rules 6 and 10) ------------------------------------------

    def _conditions(self, counted: list[Remission]) -> None:
        inp, c, st = self.inp, self.case, self.settings
        cond = self.conditions
        cond.insert(0,
                    "Tanggal-tanggal ini syarat perlu, bukan syarat cukup: petugas tetap "
                    "memastikan berkelakuan baik, aktif mengikuti program pembinaan, Litmas dari "
                    "Bapas, dan kelengkapan administrasi lainnya.")
        category = (inp.offence_category or "").casefold()
        if "narkotika" in category and c.p30 >= 5 * 12 * st.month_days:
            cond.append("Narkotika dengan pidana 5 tahun atau lebih: menurut ketentuan "
                        "(PP 99/2012; Permenkumham 7/2022) harus sudah menjalani asimilasi "
                        "sebelum PB, CB atau CMB.")
        if "terorisme" in category:
            cond.append("Terorisme: menurut ketentuan harus telah mengikuti program "
                        "deradikalisasi dan menyatakan ikrar kesetiaan kepada NKRI secara "
                        "tertulis.")
        if "korupsi" in category:
            line = ("Korupsi: menurut ketentuan denda dan uang pengganti harus telah dibayar "
                    "lunas sesuai putusan.")
            if not inp.fine_paid:
                line += " Denda tercatat belum dibayar."
            cond.append(line)
        if inp.remissions:
            if c.p30 < 6 * st.month_days:
                cond.append("Remisi tercatat pada pidana kurang dari 6 bulan: menurut "
                            "Keppres 174/1999 tidak ada remisi untuk pidana di bawah 6 bulan; "
                            "periksa SK-nya.")
            if inp.child and any(r.kind != "pmp" for r in inp.remissions):
                cond.append("Anak menerima pengurangan masa pidana (PMP), bukan remisi: periksa "
                            "jenis remisi yang dicatat.")
            if not inp.child and any(r.kind == "pmp" for r in inp.remissions):
                cond.append("PMP hanya untuk anak: periksa jenis remisi yang dicatat pada "
                            "narapidana dewasa.")
            if any(r.kind == "umum" and (r.granted.month, r.granted.day) != (8, 17)
                   for r in inp.remissions):
                cond.append("Remisi umum biasanya diberikan pada 17 Agustus: periksa tanggal "
                            "SK-nya.")
            if len(counted) < len(inp.remissions):
                cond.append("Ada remisi yang diberikan setelah tanggal bebas dan tidak "
                            "dihitung: periksa tanggalnya.")
        if not inp.fine_paid and inp.fine and inp.subsider.is_zero:
            cond.append("Denda belum dibayar tetapi pidana pengganti (subsider) tidak diisi: "
                        "periksa putusan.")
        if not inp.fine_paid and not inp.subsider.is_zero:
            cond.append("Subsider dijalani karena denda belum dibayar; bila denda dibayar, "
                        "hitung ulang tanggal bebas.")
        if c.credit >= c.x:
            cond.append("Potongan tahanan kota/rumah tidak kurang dari lama pidana: periksa "
                        "data penahanan.")
        if not c.ledger and self.computed_core["two_thirds"] is not None:
            two_thirds = self.computed_core["two_thirds"]
            expiry = self.computed_core["expiry"]
            if expiry is not None and two_thirds > expiry:
                cond.append("Tanggal 2/3 dihitung tanpa remisi dan jatuh setelah ekspirasi: "
                            "masukkan tanggal resmi 1/3, 1/2, 2/3 dari SK.")
