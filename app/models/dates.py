"""Dates the Indonesian way: ``12 Januari 2026``, and ISO text for storage.

The one home of the ISO helpers (``iso``, ``from_iso``, ``parse_iso_date``) and of
reading a date a person typed (``parse_date_text``); only ASCII digits 0-9 are
read (app.models.digits).
"""

from __future__ import annotations

import re
from datetime import date

from app.models.digits import is_ascii_number, require_ascii_digits
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


def iso(d: date | None) -> str | None:
    """A date as stored: ``2026-01-12``; None stays None."""
    return None if d is None else d.isoformat()


def from_iso(text: str | None) -> date | None:
    """A stored ISO date back to ``date``; None and '' stay None."""
    if not text:
        return None
    return date.fromisoformat(text)


_ISO_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def parse_iso_date(text: str) -> date:
    """Read a YYYY-MM-DD date (the command line's form); an impossible one
    (2025-02-30) or one written with digits other than 0-9 is a ``UserInputError``."""
    raw = text if isinstance(text, str) else str(text)
    require_ascii_digits(raw, what=tr("Tanggal tidak valid", "Invalid date"))
    match = _ISO_DATE_RE.fullmatch(raw.strip())
    if match is not None:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            pass
    raise UserInputError(tr("Tanggal tidak valid: '{v}' (format: TTTT-BB-HH, contoh 2024-03-01)",
                            "Invalid date: '{v}' (format: YYYY-MM-DD, e.g. 2024-03-01)", v=raw))


def parse_date_text(text: str, *, field: str | None = None, label: str | None = None) -> date | None:
    """Parse what a person typed: ``2026-01-12``, ``12-01-2026``, ``12/01/2026`` or ``12 Januari 2026``.

    Returns None for an empty text; raises UserInputError for anything else that is
    not a real date, or that is written with digits other than 0-9.
    """
    raw = text.strip()
    if not raw:
        return None
    what = label or tr("Tanggal", "Date")
    require_ascii_digits(raw, what=what, field=field)
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
        month = int(month_s) if is_ascii_number(month_s) else month_lookup.get(month_s.lower())
        if (month is None or not (is_ascii_number(day_s) and is_ascii_number(year_s))
                or len(year_s) != 4):
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
