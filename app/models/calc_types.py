"""The sentence calculator's data: its inputs, settings and outputs, and their names.

Frozen dataclasses (and one named tuple) shared by the arithmetic
(``calculator``), the input checks (``calc_validation``) and the breakdown's texts
(``calc_breakdown``).  Everyone else imports them through ``app.models.calculator``.
The date keys and remission kinds themselves live in ``app.models.schema``, their one
home, beside the columns that store them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, NamedTuple

from app.models.dates import iso
from app.models.durations import MONTH_END_CHOICES, Duration
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.schema import DATE_KEYS, REMISSION_KINDS

__all__ = [
    "DATE_KEYS", "DATE_LABELS", "DEFAULT_SETTINGS", "EMPTY_MAP", "REMISSION_KINDS",
    "REMISSION_KIND_LABELS", "ROUNDING_CHOICES", "SENTENCE_KINDS", "SETTING_LABELS",
    "CalcSettings", "FrozenMap", "Interruption", "Remission", "SentenceDates", "SentenceInput",
    "Step",
]

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
REMISSION_KIND_LABELS = {
    "umum": "remisi umum", "khusus": "remisi khusus", "dasawarsa": "remisi dasawarsa",
    "tambahan": "remisi tambahan", "pmp": "pengurangan masa pidana (PMP)",
}


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
        "help": "Bawaan: dibulatkan ke atas, agar syarat waktu terpenuhi penuh",
    },
    "credit_rounding": {
        "label": "Pembulatan potongan tahanan kota (1/5) dan rumah (1/3)",
        "values": ROUNDING_CHOICES,
        "help": "Bawaan: dibulatkan ke bawah, agar tidak ada yang bebas terlalu cepat",
    },
    "month_end": {
        "label": "Tanggal melewati akhir bulan",
        "values": MONTH_END_CHOICES,
        "help": "Bawaan: hari terakhir bulan itu (31 Januari + 1 bulan = 28/29 Februari)",
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

    @property
    def subsider_only(self) -> bool:
        """A verdict of a fine alone, unpaid: only the kurungan pengganti denda is served (register B.III)."""
        return (self.sentence_kind == "term" and not self.fine_paid and isinstance(self.subsider, Duration)
                and not self.subsider.is_zero and not self.subsider.is_negative
                and all(isinstance(s, Duration) and s.is_zero for s in self.sentences))



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
    # Fraction dates computed without remission (a total from the SK) that fell after the
    # expiry and were capped at it: key -> the date before capping (calc_breakdown).
    capped_at_expiry: Mapping[str, date] = EMPTY_MAP

    def date_of(self, key: str) -> date | None:
        if key not in DATE_KEYS:
            raise KeyError(key)
        return getattr(self, key)

    def to_json(self) -> dict[str, Any]:
        """The command line's JSON: the dates as "YYYY-MM-DD" or None, the two
        eligibility flags, the breakdown as a list of step objects and the conditions."""
        out: dict[str, Any] = {}
        for key in DATE_KEYS[:5]:
            out[key] = iso(getattr(self, key))
        out["parole_eligible"] = self.parole_eligible
        out["parole_date"] = iso(self.parole_date)
        out["parole_supervision_end"] = iso(self.parole_supervision_end)
        out["conditional_leave_eligible"] = self.conditional_leave_eligible
        out["conditional_leave_start"] = iso(self.conditional_leave_start)
        out["conditional_leave_end"] = iso(self.conditional_leave_end)
        out["leave_before_release_start"] = iso(self.leave_before_release_start)
        out["assimilation_date"] = iso(self.assimilation_date)
        out["breakdown"] = [step.to_json() for step in self.breakdown]
        out["conditions"] = list(self.conditions)
        return out

