"""The one rule for digits typed into Rekam UPT: only ASCII 0-9 are read as numbers.

Python's ``int()`` and the regular expression ``\\d`` also read Arabic-Indic (٣),
Devanagari (३), full-width (３) and other Unicode digits.  They look like numbers on
screen but are a different text in the database, in exports and on paper, and a
person checking a printed register cannot tell them apart; so the whole program
refuses them with a message that says only 0-9 are accepted, instead of accepting
some of them in some places.  Dates, durations, sentences, counts and amounts all go
through here (the sentence calculator, ``calc``, ``app.models.dates`` and
``demo --clients``).
"""

from __future__ import annotations

from app.models.errors import UserInputError
from app.models.i18n import tr

ASCII_DIGITS = frozenset("0123456789")


def foreign_digit(text: str) -> str | None:
    """The first character of ``text`` that is a digit or numeral but not ASCII 0-9, or None."""
    if text.isascii():  # the usual case, decided without a loop
        return None
    for ch in text:
        if ch not in ASCII_DIGITS and ch.isnumeric():
            return ch
    return None


def is_ascii_number(text: str) -> bool:
    """True for a non-empty run of ASCII digits only (``str.isdigit`` also takes ٣ and ３)."""
    return text.isascii() and text.isdigit()


def require_ascii_digits(text: str, *, what: str | None = None, field: str | None = None) -> None:
    """Refuse ``text`` when it holds a digit other than 0-9 (``UserInputError``, exit 2).

    ``what`` names the value in the message ("Tanggal mulai ditahan", "--fine");
    ``field`` is passed on so a form can mark the field at fault.
    """
    ch = foreign_digit(text)
    if ch is None:
        return
    label = what or tr("Angka", "Number")
    raise UserInputError(
        tr("{what}: hanya angka 0-9 yang diterima, bukan '{ch}' (dalam '{v}')",
           "{what}: only the digits 0-9 are accepted, not '{ch}' (in '{v}')",
           what=label, ch=ch, v=text),
        field=field, code="non_ascii_digit")


def parse_whole_number(text: str, *, what: str, maximum: int, field: str | None = None) -> int:
    """A whole number from 0 to ``maximum`` typed in ASCII digits, nothing else ("1.000"
    is refused: a dot is a thousands mark to some and a decimal point to others).

    Every refusal names the value and, past the maximum, the limit.
    """
    raw = text if isinstance(text, str) else str(text)
    cleaned = raw.strip()
    require_ascii_digits(cleaned, what=what, field=field)
    negative = cleaned.startswith("-") and is_ascii_number(cleaned[1:])
    if negative:
        raise UserInputError(tr("{o} tidak boleh negatif: {v}", "{o} cannot be negative: {v}",
                                o=what, v=raw), field=field)
    if not is_ascii_number(cleaned):
        raise UserInputError(tr("{o} harus bilangan bulat: '{v}'",
                                "{o} must be a whole number: '{v}'", o=what, v=raw), field=field)
    # Compare lengths first: int() of thousands of digits is slow and then refused by Python.
    if len(cleaned.lstrip("0")) > len(str(maximum)) or int(cleaned) > maximum:
        raise UserInputError(tr("{o} terlalu besar: '{v}' (paling banyak {m})",
                                "{o} is too large: '{v}' (at most {m_en})",
                                o=what, v=raw, m=format_number_id(maximum), m_en=f"{maximum:,}"),
                             field=field, code="too_large")
    return int(cleaned)


def format_number_id(n: int) -> str:
    """An integer with Indonesian thousands dots: 1.080."""
    if -1000 < n < 1000:
        return str(n)
    return f"{n:,}".replace(",", ".")
