"""Reading one cell of an old register: dates, names of programs, sex, adult/child, NIK, lengths.

Registers kept by hand write the same thing many ways: a date as an Excel date, a
serial number (45292), "31/12/2024", "31-12-24", "2024-12-31" or "12 Januari 2024";
a program as "PB", "P.B." or "Pembebasan Bersyarat"; "0", "-" and blanks for nothing.
Each reader returns the value or raises ``CellError`` with what is wrong, in the
officer's words, so the row can be rejected with that reason.  Nothing is guessed
that the cell does not say: a date that does not exist (31 February) is an error,
never the nearest day.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from app.models.dates import MONTHS_ID, format_date_id
from app.models.durations import Duration
from app.models.i18n import tr
from app.models.identity import normalise_digits

# Written for "nothing" in registers (after case and punctuation are folded away).
EMPTY_MARKS = frozenset({"", "0", "00", "-", "--", "---", "–", "—", ".", "na", "n/a", "nil", "null", "none",
                         "tidakada", "tdkada", "kosong", "belumada", "x"})
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (with Excel's phantom 29 February 1900)
_LAST_SERIAL = 2958465            # 9999-12-31


class CellError(ValueError):
    """A cell that cannot be read; ``str()`` is the reason in the officer's language."""


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value == 0
    if isinstance(value, str):
        return len(value) < 12 and "".join(value.split()).lower() in EMPTY_MARKS
    return False


def text(value: Any) -> str:
    """A cell as one line of text ('' when empty); 12.0 is "12"."""
    if is_empty(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return format_date_id(value.date())
    if isinstance(value, date):
        return format_date_id(value)
    return " ".join(str(value).split())


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


@functools.lru_cache(maxsize=8192)
def _fold_text(value: str) -> str:
    raw = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return _NOT_ALNUM.sub("", raw.lower())


def fold(value: Any) -> str:
    """Lower-case letters and digits only: what column names and program names are compared by."""
    return _fold_text(str(value))


# -- dates -----------------------------------------------------------------------------------

_MONTH_WORDS: dict[str, int] = {}
for _i, _m in enumerate(MONTHS_ID, 1):
    _MONTH_WORDS[_m.lower()] = _i
    _MONTH_WORDS[_m.lower()[:3]] = _i
for _i, _m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"), 1):
    _MONTH_WORDS[_m] = _i
    _MONTH_WORDS[_m[:3]] = _i
_MONTH_WORDS.update({"pebruari": 2, "peb": 2, "feb": 2, "pebr": 2, "febr": 2, "ags": 8, "agst": 8, "agu": 8,
                     "agus": 8, "agt": 8, "sept": 9, "sep": 9, "okt": 10, "oct": 10, "nop": 11, "nopember": 11,
                     "des": 12, "dec": 12, "jan": 1, "mar": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7,
                     "juni": 6, "juli": 7, "maret": 3, "djanuari": 1, "djuli": 7, "djuni": 6})

_NUMERIC = re.compile(r"^(\d{1,4})[./\-\s](\d{1,2})[./\-\s](\d{1,4})$")
_WORDS = re.compile(r"^(\d{1,2})[\s\-./]*([a-z]+)[\s\-./,]*(\d{2,4})$")
_WORDS_MONTH_FIRST = re.compile(r"^([a-z]+)[\s\-./]*(\d{1,2})[\s,]+(\d{4})$")


def _year(y: int, digits: int, future_years: int, today: date) -> int:
    if digits > 2:
        return y
    # Two digits: this century unless that lies beyond what the column can hold.
    return 2000 + y if 2000 + y <= today.year + future_years else 1900 + y


def _make(y: int, m: int, d: int, raw: str) -> date:
    if not 1 <= m <= 12:
        raise CellError(tr("bulan {m} tidak ada dalam '{v}'", "there is no month {m} in '{v}'", m=m, v=raw))
    try:
        return date(y, m, d)
    except ValueError:
        month = MONTHS_ID[m - 1]
        raise CellError(tr("tanggal {d} {mo} {y} tidak ada", "{d} {mo} {y} does not exist",
                           d=d, mo=month, y=y)) from None


def parse_date(value: Any, *, future_years: int = 10, today: date | None = None) -> date | None:
    """A date from any of the forms registers use; None when the cell is empty.

    ``future_years``: how far past today a two-digit year may reach (birth dates 0,
    ends of guidance some years).
    """
    today = today or date.today()
    if is_empty(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellError(tr("bukan tanggal: '{v}'", "not a date: '{v}'", v=value))
    if isinstance(value, (int, float)):
        return _from_number(float(value), str(value))
    raw = " ".join(str(value).split())
    low = raw.lower().strip(" .,")
    if re.fullmatch(r"\d+(\.0+)?", low):
        return _from_number(float(low), raw)
    low = re.sub(r"^(tanggal|tgl\.?)\s+", "", low)
    low = re.sub(r"[\sT]+\d{1,2}[:.]\d{2}([:.]\d{2})?$", "", low)  # "2024-12-31 00:00:00" as text
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", low)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), raw)
    m = _NUMERIC.fullmatch(low)
    if m:
        a, b, c = m.group(1), m.group(2), m.group(3)
        if len(a) == 4:  # 2024/12/31
            return _make(int(a), int(b), int(c), raw)
        day, month = int(a), int(b)
        if month > 12 and day <= 12:
            day, month = month, day  # 12/31/2024, as Excel in English writes text dates
        return _make(_year(int(c), len(c), future_years, today), month, day, raw)
    m = _WORDS.fullmatch(low)
    if m and m.group(2) in _MONTH_WORDS:
        c = m.group(3)
        return _make(_year(int(c), len(c), future_years, today), _MONTH_WORDS[m.group(2)], int(m.group(1)), raw)
    m = _WORDS_MONTH_FIRST.fullmatch(low)
    if m and m.group(1) in _MONTH_WORDS:
        return _make(int(m.group(3)), _MONTH_WORDS[m.group(1)], int(m.group(2)), raw)
    raise CellError(tr("bukan tanggal yang dikenal: '{v}' (contoh: 31-12-2024 atau 12 Januari 2024)",
                       "not a date that can be read: '{v}' (e.g. 31-12-2024 or 12 January 2024)", v=raw))


def _from_number(n: float, raw: str) -> date:
    if 19000101 <= n <= 21001231 and n.is_integer():
        digits = str(int(n))  # 20241231 written as a number
        return _make(int(digits[:4]), int(digits[4:6]), int(digits[6:]), raw)
    if 1 <= n <= _LAST_SERIAL:
        return _EXCEL_EPOCH + timedelta(days=int(n))
    raise CellError(tr("bukan tanggal: '{v}'", "not a date: '{v}'", v=raw))


# -- small vocabularies ------------------------------------------------------------------------

_SEX = {**{k: "L" for k in ("l", "lk", "laki", "lakilaki", "lakilak", "pria", "m", "male", "man", "cowok")},
        **{k: "P" for k in ("p", "pr", "pr", "perempuan", "wanita", "w", "f", "female", "woman", "cewek")}}


def parse_sex(value: Any) -> str | None:
    if is_empty(value):
        return None
    key = fold(value)
    if key in _SEX:
        return _SEX[key]
    raise CellError(tr("jenis kelamin tidak dikenal: '{v}' (L atau P)", "unknown sex: '{v}' (L or P)",
                       v=text(value)))


_CLASS = {"dewasa": "dewasa", "d": "dewasa", "kliendewasa": "dewasa", "dws": "dewasa", "adult": "dewasa",
          "anak": "anak", "a": "anak", "kliananak": "anak", "klienanak": "anak", "anakberkonflik": "anak",
          "andikpas": "anak", "abh": "anak", "child": "anak", "anakberhadapandenganhukum": "anak"}


def parse_client_class(value: Any) -> str | None:
    if is_empty(value):
        return None
    key = fold(value)
    if key in _CLASS:
        return _CLASS[key]
    if key.startswith("anak"):
        return "anak"
    if key.startswith("dewasa"):
        return "dewasa"
    raise CellError(tr("dewasa/anak tidak dikenal: '{v}'", "adult/child not recognised: '{v}'", v=text(value)))


_STATUS = {
    "aktif": "aktif", "active": "aktif", "berjalan": "aktif", "masihberjalan": "aktif", "dalambimbingan": "aktif",
    "selesai": "selesai", "hmb": "selesai", "habismasabimbingan": "selesai", "bebasmurni": "selesai",
    "berakhir": "selesai", "expirasi": "selesai", "ekspirasi": "selesai", "tamat": "selesai",
    "dicabut": "dicabut", "cabut": "dicabut", "pencabutan": "dicabut", "revoked": "dicabut",
    "pindah": "pindah", "mutasi": "pindah", "dipindahkan": "pindah", "pindahbapas": "pindah",
    "melarikandiri": "melarikan_diri", "kabur": "melarikan_diri", "tidakdiketahuikeberadaannya": "melarikan_diri",
    "tidakdiketahui": "melarikan_diri", "dpo": "melarikan_diri", "buron": "melarikan_diri",
    "mengulangitindakpidana": "mengulangi_tindak_pidana", "residivis": "mengulangi_tindak_pidana",
    "mengulangi": "mengulangi_tindak_pidana", "meninggal": "meninggal", "meninggaldunia": "meninggal",
    "wafat": "meninggal", "md": "meninggal",
}


def parse_status(value: Any) -> str | None:
    if is_empty(value):
        return None
    key = fold(value)
    if key in _STATUS:
        return _STATUS[key]
    for word, status in _STATUS.items():
        if len(word) > 5 and key.startswith(word):
            return status
    raise CellError(tr("status tidak dikenal: '{v}'", "unknown status: '{v}'", v=text(value)))


# Program names as registers write them, folded -> the seeded kind's code.  The kinds in the
# database (code and name, which an office may edit or add to) are matched as well.
PROGRAM_WORDS = {
    "pb": "PB", "pembebasanbersyarat": "PB", "bebasbersyarat": "PB", "pbdewasa": "PB", "pbanak": "PB",
    "cb": "CB", "cutibersyarat": "CB",
    "cmb": "CMB", "cutimenjelangbebas": "CMB",
    "asim": "ASIM", "asimilasi": "ASIM", "as": "ASIM", "asimilasirumah": "ASIM", "asimilasidirumah": "ASIM",
    "ppw": "PPW", "pidanapengawasan": "PPW", "pengawasan": "PPW",
    "pks": "PKS", "pidanakerjasosial": "PKS", "kerjasosial": "PKS",
    "pbs": "PBS", "pidanabersyarat": "PBS", "hukumanbersyarat": "PBS", "pidanapercobaan": "PBS",
    "div": "DIV", "diversi": "DIV",
    "ppk": "PPK", "pidanapelatihankerja": "PPK", "pelatihankerja": "PPK",
    "tin": "TIN", "tindakan": "TIN",
}
# Words after a program's name that say adult or child ("PB Anak").
_CLASS_SUFFIXES = (("dewasa", "dewasa"), ("anak", "anak"))


def program_code(value: Any, kinds: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """(kind code, adult/child said beside it) for a program name; (None, None) when empty.

    ``kinds``: the program kinds of the database (code, name).  CellError when unknown.
    """
    if is_empty(value):
        return None, None
    key = fold(value)
    klass = None
    for suffix, said in _CLASS_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            key, klass = key[: -len(suffix)], said
            break
    key = key.removeprefix("program")
    by_db, codes = _kind_lookup(tuple((k["code"], k["name"]) for k in kinds))
    code = by_db.get(key) or PROGRAM_WORDS.get(key)
    if code is None or code not in codes:
        raise CellError(tr("jenis bimbingan tidak dikenal: '{v}'", "unknown program: '{v}'", v=text(value)))
    return code, klass


@functools.lru_cache(maxsize=16)
def _kind_lookup(kinds: tuple[tuple[str, str], ...]) -> tuple[dict[str, str], frozenset[str]]:
    by_db = {fold(code): code for code, _ in kinds}
    by_db.update({fold(name): code for code, name in kinds})
    return by_db, frozenset(code for code, _ in kinds)


def parse_nik(value: Any) -> tuple[str, bool]:
    """(NIK digits, read from a number cell) or ('', False); CellError for anything but 16 digits.

    Excel keeps 15 significant digits of a number, so a NIK typed into a number cell may
    have lost its last digit: such a NIK is flagged for checking.
    """
    if is_empty(value):
        return "", False
    from_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if from_number:
        digits = str(int(value))
    else:
        digits = normalise_digits(str(value).strip().lstrip("'`"))
    if not digits.isdigit() or not digits.isascii():
        raise CellError(tr("NIK hanya boleh angka: '{v}'", "a NIK may contain digits only: '{v}'", v=text(value)))
    if len(digits) != 16:
        raise CellError(tr("NIK harus 16 digit ('{v}' berisi {n} digit)", "a NIK must have 16 digits ('{v}' has {n})",
                           v=digits, n=len(digits)))
    return digits, from_number


def parse_int(value: Any, what: str) -> int:
    """A whole number (0 for empty); CellError otherwise."""
    if is_empty(value):
        return 0
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and value >= 0:
            return int(value)
    elif isinstance(value, str) and re.fullmatch(r"\s*[0-9]+\s*", value):
        return int(value)
    raise CellError(tr("{w} bukan bilangan bulat: '{v}'", "{w} is not a whole number: '{v}'", w=what, v=text(value)))


_DURATION_PART = re.compile(r"(\d+)\s*(tahun|thn|th|t|years?|yrs?|y|bulan|bln|bl|b|months?|m|hari|hr|h|days?|d)\b")


def parse_sentence(value: Any) -> tuple[str, Duration | None]:
    """(sentence kind, length) from "2 tahun 6 bulan", "2 th 6 bln", "3y6m", "seumur hidup", "mati"."""
    if is_empty(value):
        return "term", None
    raw = text(value).lower()
    if "seumur" in raw or "hidup" in raw:
        return "life", None
    if re.search(r"\b(pidana\s+)?mati\b", raw):
        return "death", None
    compact = raw.replace(" ", "")
    if re.fullmatch(r"[0-9tybmhd]+", compact):
        try:
            return "term", Duration.parse(compact)
        except Exception:  # noqa: BLE001 - reported below in the officer's words
            pass
    years = months = days = 0
    found = False
    for number, unit in _DURATION_PART.findall(raw):
        found = True
        n = int(number)
        if unit[0] in "ty":
            years += n
        elif unit[0] in "bm":
            months += n
        else:
            days += n
    rest = _DURATION_PART.sub("", raw).replace(",", " ").replace("dan", " ").strip(" .-")
    if not found or rest:
        raise CellError(tr("lama pidana tidak dikenal: '{v}' (contoh: 2 tahun 6 bulan)",
                           "sentence length not recognised: '{v}' (e.g. 2 tahun 6 bulan)", v=text(value)))
    return "term", Duration(years, months, days)
