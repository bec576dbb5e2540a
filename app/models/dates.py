"""Dates the Indonesian way: ``12 Januari 2026``, and ISO text for storage."""

from __future__ import annotations

from datetime import date

from app.models.errors import UserInputError
from app.models.i18n import language, tr

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
             "Agustus", "September", "Oktober", "November", "Desember")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December")


def format_date_id(d: date | None, empty: str = "-") -> str:
    """``12 Januari 2026``: how dates appear on Indonesian documents."""
    if d is None:
        return empty
    return f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"


def format_date(d: date | None, empty: str = "-") -> str:
    """A date in the user's language (Indonesian unless English is chosen)."""
    if d is None:
        return empty
    if language() == "en":
        return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    return format_date_id(d, empty)


def month_name_id(month: int) -> str:
    return MONTHS_ID[month - 1]


def to_iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def from_iso(text: str | None) -> date | None:
    """A stored ISO date back to ``date``; None and '' stay None."""
    if not text:
        return None
    return date.fromisoformat(text)


def parse_date_text(text: str, *, field: str | None = None, label: str | None = None) -> date | None:
    """Parse what a person typed: ``2026-01-12``, ``12-01-2026``, ``12/01/2026`` or ``12 Januari 2026``.

    Returns None for an empty text; raises UserInputError for anything else that is
    not a real date.
    """
    raw = text.strip()
    if not raw:
        return None
    what = label or tr("Tanggal", "Date")
    err = UserInputError(
        tr("{what} tidak valid: '{v}' (contoh: 12-01-2026)",
           "{what} is not a valid date: '{v}' (example: 12-01-2026)", what=what, v=raw),
        field=field, code="bad_date")
    parts: list[str]
    cleaned = raw.replace("/", "-").replace(".", "-")
    try:
        if len(cleaned) == 10 and cleaned[4] == "-":
            return date.fromisoformat(cleaned)
        parts = cleaned.split("-") if "-" in cleaned else raw.split()
        if len(parts) != 3:
            raise err
        day_s, month_s, year_s = parts
        month_lookup = {m.lower(): i + 1 for i, m in enumerate(MONTHS_ID)}
        month_lookup.update({m.lower(): i + 1 for i, m in enumerate(MONTHS_EN)})
        month_lookup.update({m.lower()[:3]: i + 1 for i, m in enumerate(MONTHS_ID)})
        month_lookup.update({m.lower()[:3]: i + 1 for i, m in enumerate(MONTHS_EN)})
        month = int(month_s) if month_s.isdigit() else month_lookup.get(month_s.lower())
        if month is None or not (day_s.isdigit() and year_s.isdigit()) or len(year_s) != 4:
            raise err
        return date(int(year_s), month, int(day_s))
    except ValueError:
        raise err from None


def age_on(birth: date, on: date) -> int:
    """Whole years of age on a day (a 29 February birthday counts on 1 March in common years)."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years
