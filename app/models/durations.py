"""Sentence lengths and the calendar arithmetic the sentence calculator builds on.

A ``Duration`` is a sentence length as a court writes it: years, months, days.  It
has two readings that the law keeps apart (domain.md, "Sentence dates"):

* as *counted* time, every month is 30 days (KUHP art. 97): ``Duration.days30``;
* as *calendar* time, added to a date year by year, month by month, day by day:
  ``add_calendar``.

Also here: parsing durations typed by an officer (with Indonesian error
messages).  ``parse_date``, ``format_date_id`` and ``format_number_id`` are
re-exported from their homes (``dates``, ``digits``) for the calculator's callers.
Nothing in this module imports Qt, touches a database or reads the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from app.models.dates import MONTHS_ID, format_date_id, parse_iso_date  # noqa: F401  (re-exported)
from app.models.digits import format_number_id, require_ascii_digits  # noqa: F401  (re-exported)
from app.models.errors import UserInputError
from app.models.i18n import tr

MONTH_END_CHOICES = ("clamp", "overflow")

# The largest number in one part of a typed duration ("99999d").  Every real
# sentence fits; a longer number is a typing slip, and refusing it here keeps
# Python from reading thousands of digits (which it refuses with a traceback).
MAX_DURATION_NUMBER = 99_999

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# y/m/d in English, t/b/h in Indonesian (tahun, bulan, hari); each part at most
# once and in this order, so "3y3y" or "6m3y" are refused rather than guessed at.
# [0-9], not \d: only ASCII digits are numbers (app.models.digits).
_DURATION_RE = re.compile(r"(?:([0-9]+)[yt])?(?:([0-9]+)[mb])?(?:([0-9]+)[dh])?", re.IGNORECASE)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month - 1]


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time in years, months and days, as written in a verdict."""

    years: int = 0
    months: int = 0
    days: int = 0

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read "3y6m15d", "8m", "15d", "2y15d" or the Indonesian "3t6b15h".

        Spaces are ignored; letters may be upper or lower case.  Anything else
        (empty text, "3x", "-1m", "3y3y", "1.5y", a digit other than 0-9 such as
        "٣y", a number past ``MAX_DURATION_NUMBER``) is a ``UserInputError``.
        """
        raw = text if isinstance(text, str) else str(text)
        compact = "".join(raw.split())
        require_ascii_digits(compact, what=tr("Lama pidana tidak valid", "Invalid duration"))
        match = _DURATION_RE.fullmatch(compact) if compact else None
        if match is None or not any(match.groups()):
            raise UserInputError(tr("Lama pidana tidak valid: '{v}' (contoh: 3y6m15d)",
                                    "Invalid duration: '{v}' (example: 3y6m15d)", v=raw))
        y, m, d = (_number(g, raw) for g in match.groups())
        return cls(y, m, d)

    @property
    def days30(self) -> int:
        """Counted days: a year is 360 days and a month 30 (KUHP art. 97)."""
        return self.years * 360 + self.months * 30 + self.days

    def days_with(self, month_days: int) -> int:
        """Counted days with a month of ``month_days`` days (a year is 12 months)."""
        return (self.years * 12 + self.months) * month_days + self.days

    def __add__(self, other: object) -> Duration:
        if not isinstance(other, Duration):
            return NotImplemented
        # Months are folded into years so "6m" + "6m" reads as "1 tahun", as a
        # register writes it; days are never carried because a month has no
        # fixed number of calendar days.
        months = self.months + other.months
        return Duration(self.years + other.years + months // 12, months % 12,
                        self.days + other.days)

    @property
    def is_zero(self) -> bool:
        return self.years == 0 and self.months == 0 and self.days == 0

    @property
    def is_negative(self) -> bool:
        return self.years < 0 or self.months < 0 or self.days < 0

    def label_id(self) -> str:
        """Indonesian text, e.g. "3 tahun 6 bulan 15 hari" ("0 hari" when zero)."""
        parts = []
        if self.years:
            parts.append(f"{self.years} tahun")
        if self.months:
            parts.append(f"{self.months} bulan")
        if self.days:
            parts.append(f"{self.days} hari")
        return " ".join(parts) if parts else "0 hari"

    def compact(self) -> str:
        """The short form that ``parse`` reads back, e.g. "3y6m15d" ("0d" when zero)."""
        text = ((f"{self.years}y" if self.years else "")
                + (f"{self.months}m" if self.months else "")
                + (f"{self.days}d" if self.days else ""))
        return text or "0d"

    def __str__(self) -> str:
        return self.compact()


def _number(digits: str | None, raw: str) -> int:
    """One number of a typed duration, refused past ``MAX_DURATION_NUMBER``."""
    if not digits:
        return 0
    # The length first: Python refuses int() of more than 4,300 digits with a traceback.
    if len(digits.lstrip("0")) > len(str(MAX_DURATION_NUMBER)) or int(digits) > MAX_DURATION_NUMBER:
        raise UserInputError(tr("Lama pidana tidak valid: '{v}' (setiap angka paling banyak {m})",
                                "Invalid duration: '{v}' (each number at most {m_en})", v=raw,
                                m=format_number_id(MAX_DURATION_NUMBER),
                                m_en=f"{MAX_DURATION_NUMBER:,}"), code="too_large")
    return int(digits)


def _check_month_end(month_end: str) -> None:
    if month_end not in MONTH_END_CHOICES:
        raise UserInputError(tr("Aturan akhir bulan tidak dikenal: '{v}' "
                                "(pilihan: clamp, overflow)",
                                "Unknown month-end rule: '{v}' (choices: clamp, overflow)",
                                v=month_end))


def _place(year: int, month: int, day: int, month_end: str) -> date:
    """The date ``day`` of ``month``, with a day past the month's end clamped or spilled."""
    last = days_in_month(year, month)
    if day <= last:
        return date(year, month, day)
    if month_end == "clamp":
        return date(year, month, last)
    # overflow: 31 January + 1 month = 3 March in a common year
    return date(year, month, last) + timedelta(days=day - last)


class DateOutOfRange(UserInputError):
    """A date before 1 January of year 1 or after 31 December 9999 (Python's calendar).

    Carries the sum that went out of range so a caller that knows what the date
    means (the calculator: "the end of PB supervision") can say so instead.
    """

    def __init__(self, start: date, d: Duration, sign: str = "+"):
        super().__init__(tr("Tanggal di luar jangkauan (tahun 1 s.d. 9999): {s} {op} {d}",
                            "Date out of range (years 1 to 9999): {s} {op} {d}",
                            s=start.isoformat(), op=sign, d=d.compact()), code="date_range")
        self.start = start
        self.duration = d
        self.sign = sign


def _out_of_range(start: date, d: Duration, sign: str = "+") -> DateOutOfRange:
    return DateOutOfRange(start, d, sign)


def add_calendar(start: date, d: Duration, *, month_end: str = "clamp") -> date:
    """``start`` plus ``d`` as calendar time: years, then months, then days.

    ``month_end`` says what happens to a day past the end of the month reached:
    "clamp" puts it on the month's last day (31 Jan + 1 month = 28/29 Feb;
    29 Feb 2024 + 1 year = 28 Feb 2025), "overflow" spills the surplus days into
    the next month (31 Jan + 1 month = 3 Mar in a common year).  Each step is
    placed on its own, so 29 Feb 2024 + 1 year 1 month = 28 Mar 2025 with "clamp".
    """
    _check_month_end(month_end)
    try:
        result = start
        if d.years:
            result = _place(result.year + d.years, result.month, result.day, month_end)
        if d.months:
            index = result.month - 1 + d.months
            result = _place(result.year + index // 12, index % 12 + 1, result.day, month_end)
        if d.days:
            result = result + timedelta(days=d.days)
    except (ValueError, OverflowError) as err:
        raise _out_of_range(start, d) from err
    return result


def subtract_calendar(start: date, d: Duration, *, month_end: str = "clamp") -> date:
    """``start`` minus ``d`` as calendar time: years, then months, then days.

    A day past the end of the month reached is clamped to its last day, or with
    "overflow" spilled forward into the next month, as in ``add_calendar``.
    """
    _check_month_end(month_end)
    try:
        result = start
        if d.years:
            result = _place(result.year - d.years, result.month, result.day, month_end)
        if d.months:
            index = result.month - 1 - d.months
            result = _place(result.year + index // 12, index % 12 + 1, result.day, month_end)
        if d.days:
            result = result - timedelta(days=d.days)
    except (ValueError, OverflowError) as err:
        raise _out_of_range(start, d, "-") from err
    return result


def parse_date(text: str) -> date:
    """Read a YYYY-MM-DD date; an impossible one (2025-02-30) is a ``UserInputError``."""
    return parse_iso_date(text)
