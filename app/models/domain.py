"""What an officer enters, as plain typed values (no Qt, no SQL).

The form and the command line fill these; ``app.models.validation`` checks them and
``app.operations`` stores them.  Dates are ``datetime.date``; empty text is ''.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from app.models.durations import Duration
from app.models.schema import REGISTER_CLASSES  # noqa: F401  (part of the domain's vocabulary)

SEXES = ("L", "P")
CLIENT_CLASSES = ("dewasa", "anak")
SENTENCE_KINDS = ("term", "life", "death", "none")
UNIT_KINDS = ("bapas", "lapas", "rutan", "lpka")
# Who holds a detainee (register class A.I - A.V).
DETENTION_AUTHORITIES = {
    "penyidik": "A.I", "penuntut_umum": "A.II", "pengadilan_negeri": "A.III",
    "pengadilan_tinggi": "A.IV", "mahkamah_agung": "A.V",
}
RELIGIONS = ("Islam", "Kristen", "Katolik", "Hindu", "Buddha", "Konghucu", "Lainnya")
EDUCATION_LEVELS = ("Tidak sekolah", "SD", "SMP", "SMA/SMK", "D1-D3", "S1", "S2", "S3")


@dataclass
class PersonInput:
    name: str = ""
    alias: str = ""
    nik: str = ""
    passport: str = ""
    nationality: str = "Indonesia"
    sex: str = "L"
    birth_place: str = ""
    birth_date: date | None = None
    religion: str = ""
    education: str = ""
    occupation: str = ""
    address: str = ""
    phone: str = ""
    family_contact: str = ""
    guarantor: str = ""
    # --- printing (issue 11): the guarantor's details (``guarantor`` holds the name) ---
    guarantor_relation: str = ""
    guarantor_address: str = ""
    guarantor_phone: str = ""

    @property
    def is_foreign(self) -> bool:
        return self.nationality.strip().lower() not in ("", "indonesia", "wni")


@dataclass
class CaseInput:
    offence_date: date | None = None
    client_class: str | None = None  # None: from the age at the offence
    offence_category_id: int | None = None
    articles: str = ""
    statute: str = ""
    verdict_number: str = ""
    verdict_date: date | None = None
    court: str = ""
    sentence_kind: str = "term"
    sentences: list[Duration] = field(default_factory=list)
    fine: int = 0
    subsider: Duration = field(default_factory=Duration)
    fine_paid: bool = True
    detention_start: date | None = None
    city_detention_days: int = 0
    house_detention_days: int = 0
    detention_authority: str | None = None
    remission_total_days: int | None = None


@dataclass
class ProgramInput:
    kind_id: int | None = None
    sk_number: str = ""
    sk_date: date | None = None
    register_number: str = ""  # '' -> the next number from the settings' pattern
    start_date: date | None = None
    end_date: date | None = None
    officer_id: int | None = None
    # --- printing (issue 11): the legal basis's kind (a code of settings "paper.basis_kinds");
    # its number and date are sk_number and sk_date ---
    basis_kind: str = ""


@dataclass
class Confirmations:
    """The officer's explicit decisions about suspicious input."""

    nik_reason: str = ""        # why a NIK that disagrees with birth date / sex is right
    duplicate_ok: bool = False  # create a new person although a similar one exists
    duplicate_reason: str = ""


@dataclass
class OfficerInput:
    name: str = ""
    nip: str = ""
    rank: str = ""
    phone: str = ""


@dataclass
class StatusChange:
    status: str = "selesai"
    date: date | None = None
    letter: str = ""
    reason: str = ""


def as_dict(obj: Any) -> dict[str, Any]:
    """A dataclass as JSON-friendly values (for the audit trail)."""
    out: dict[str, Any] = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, Duration):
            value = value.compact()
        elif isinstance(value, list):
            value = [v.compact() if isinstance(v, Duration) else v for v in value]
        out[f.name] = value
    return out
