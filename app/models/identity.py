"""Identity numbers: NIK (national ID) and NIP / NI PPPK (civil servants).

A NIK that is not 16 digits is refused outright.  A NIK whose birth-date or sex
digits disagree with what was entered is not refused: the civil registry does
not reissue a NIK when a birth date is corrected, so the officer confirms it
with a reason.  ``check_nik`` returns those disagreements as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.models.dates import format_date
from app.models.errors import UserInputError
from app.models.i18n import tr

# Province codes (digits 1-2 of a NIK), Kemendagri.
PROVINCE_CODES = frozenset({
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
    61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
})


def normalise_digits(text: str) -> str:
    """Drop the spaces, dots and dashes people type inside long numbers."""
    return "".join(ch for ch in text.strip() if ch not in " .-")


@dataclass(frozen=True)
class NikInfo:
    province: int
    birth_day: int
    birth_month: int
    birth_year_2: int
    sex: str  # "L" or "P"


def validate_nik_format(nik: str, *, field: str = "person.nik") -> str:
    """The NIK as 16 digits, or UserInputError in the user's language."""
    digits = normalise_digits(nik)
    if not digits.isdigit():
        raise UserInputError(tr("NIK hanya boleh berisi angka.", "A NIK may contain digits only."),
                             field=field, code="nik_digits")
    if len(digits) != 16:
        raise UserInputError(tr("NIK harus 16 digit (yang diisi {n} digit).",
                                "A NIK must have 16 digits ({n} given).", n=len(digits)),
                             field=field, code="nik_length")
    return digits


def nik_info(nik: str) -> NikInfo:
    day = int(nik[6:8])
    sex = "L"
    if day > 40:
        day -= 40
        sex = "P"
    return NikInfo(province=int(nik[:2]), birth_day=day, birth_month=int(nik[8:10]),
                   birth_year_2=int(nik[10:12]), sex=sex)


def check_nik(nik: str, birth_date: date | None, sex: str | None) -> list[str]:
    """What in a well-formed NIK disagrees with the entered birth date and sex (empty: all agree)."""
    info = nik_info(nik)
    problems: list[str] = []
    if info.province not in PROVINCE_CODES:
        problems.append(tr("Kode provinsi NIK ({p:02d}) tidak dikenal.",
                           "The NIK's province code ({p:02d}) is unknown.", p=info.province))
    try:
        date(2000, info.birth_month, info.birth_day)  # a leap year admits 29 February
        valid_date = True
    except ValueError:
        valid_date = False
        problems.append(tr("Tanggal lahir di dalam NIK ({d:02d}-{m:02d}) bukan tanggal yang ada.",
                           "The birth date inside the NIK ({d:02d}-{m:02d}) does not exist.",
                           d=info.birth_day, m=info.birth_month))
    if valid_date and birth_date is not None and (
        (info.birth_day, info.birth_month, info.birth_year_2)
        != (birth_date.day, birth_date.month, birth_date.year % 100)
    ):
        problems.append(tr(
            "Tanggal lahir di NIK ({d:02d}-{m:02d}-{y:02d}) berbeda dengan tanggal lahir yang diisi ({b}).",
            "The birth date in the NIK ({d:02d}-{m:02d}-{y:02d}) differs from the birth date entered ({b}).",
            d=info.birth_day, m=info.birth_month, y=info.birth_year_2, b=format_date(birth_date)))
    if sex in ("L", "P") and info.sex != sex:
        problems.append(tr(
            "Jenis kelamin di NIK ({n}) berbeda dengan yang diisi ({s}).",
            "The sex in the NIK ({n}) differs from the one entered ({s}).",
            n=sex_label(info.sex), s=sex_label(sex)))
    return problems


def sex_label(sex: str) -> str:
    return tr("laki-laki", "male") if sex == "L" else tr("perempuan", "female")


@dataclass(frozen=True)
class NipInfo:
    kind: str  # "nip" or "pppk"
    birth_date: date
    sex: str


def validate_nip(nip: str, *, field: str = "officer.nip") -> NipInfo:
    """Check an 18-digit NIP or NI PPPK; return what it encodes.

    NIP: birth date YYYYMMDD, appointment YYYYMM, sex (1 man, 2 woman), serial.
    NI PPPK: birth date YYYYMMDD, appointment year YYYY, "21", sex, serial.
    """
    digits = normalise_digits(nip)
    if not digits.isdigit() or len(digits) != 18:
        raise UserInputError(tr("NIP / NI PPPK harus 18 digit angka (yang diisi {n}).",
                                "A NIP / NI PPPK must be 18 digits ({n} given).", n=len(digits)),
                             field=field, code="nip_length")
    try:
        birth = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise UserInputError(tr("Tanggal lahir di NIP ({t}) bukan tanggal yang ada.",
                                "The birth date in the NIP ({t}) does not exist.", t=digits[:8]),
                             field=field, code="nip_birth") from None
    if not 1940 <= birth.year <= 2015:
        raise UserInputError(tr("Tahun lahir di NIP ({y}) tidak masuk akal.",
                                "The birth year in the NIP ({y}) is not plausible.", y=birth.year),
                             field=field, code="nip_birth")
    appointment_month = int(digits[12:14])
    kind = "pppk" if digits[12:14] == "21" else "nip"
    if kind == "nip" and not 1 <= appointment_month <= 12:
        raise UserInputError(tr("Bulan pengangkatan di NIP ({m}) tidak valid.",
                                "The appointment month in the NIP ({m}) is not valid.", m=digits[12:14]),
                             field=field, code="nip_appointment")
    if int(digits[8:12]) < birth.year + 15:
        raise UserInputError(tr("Tahun pengangkatan di NIP ({y}) terlalu dekat dengan tahun lahir.",
                                "The appointment year in the NIP ({y}) is too close to the birth year.",
                                y=digits[8:12]), field=field, code="nip_appointment")
    if digits[14] not in "12":
        raise UserInputError(tr("Digit jenis kelamin di NIP harus 1 atau 2.",
                                "The NIP's sex digit must be 1 or 2."), field=field, code="nip_sex")
    return NipInfo(kind=kind, birth_date=birth, sex="L" if digits[14] == "1" else "P")
