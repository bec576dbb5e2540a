"""Checks on what an officer entered, before anything is stored.

Every check returns or raises ``UserInputError`` with the form field it belongs to
(``person.nik``, ``case.offence_date`` ...) so the window can show the message
beside the field, and the command line can print it as one line.
"""

from __future__ import annotations

from datetime import date

from app.models.dates import age_on, format_date
from app.models.domain import (
    CLIENT_CLASSES, DETENTION_AUTHORITIES, SENTENCE_KINDS, SEXES, CaseInput, OfficerInput,
    PersonInput, ProgramInput,
)
from app.models.errors import UserInputError, ValidationErrors
from app.models.i18n import tr
from app.models.identity import normalise_digits, validate_nik_format, validate_nip

OLDEST_BIRTH = date(1900, 1, 1)
CHILD_MIN_AGE = 12
ADULT_AGE = 18


def _err(field: str, id_text: str, en_text: str, **values: object) -> UserInputError:
    return UserInputError(tr(id_text, en_text, **values), field=field)


def client_class_for(birth_date: date, offence_date: date) -> str:
    """Adult or child by age at the offence (UU 11/2012 art. 1(3))."""
    return "anak" if age_on(birth_date, offence_date) < ADULT_AGE else "dewasa"


def person_errors(p: PersonInput, today: date) -> list[UserInputError]:
    errors: list[UserInputError] = []
    if not p.name.strip():
        errors.append(_err("person.name", "Nama wajib diisi.", "The name is required."))
    if p.sex not in SEXES:
        errors.append(_err("person.sex", "Pilih jenis kelamin.", "Choose the sex."))
    if p.birth_date is None:
        errors.append(_err("person.birth_date", "Tanggal lahir wajib diisi.", "The birth date is required."))
    elif p.birth_date > today:
        errors.append(_err("person.birth_date", "Tanggal lahir ({d}) belum terjadi.",
                           "The birth date ({d}) is in the future.", d=format_date(p.birth_date)))
    elif p.birth_date < OLDEST_BIRTH:
        errors.append(_err("person.birth_date", "Tanggal lahir ({d}) tidak masuk akal.",
                           "The birth date ({d}) is not plausible.", d=format_date(p.birth_date)))
    nik = p.nik.strip()
    if nik:
        try:
            validate_nik_format(nik)
        except UserInputError as e:
            errors.append(e)
    elif not p.is_foreign:
        errors.append(_err("person.nik", "NIK wajib diisi untuk WNI (WNA: isi paspor dan kewarganegaraan).",
                           "A NIK is required for Indonesians (foreigners: passport and nationality)."))
    if p.is_foreign and not p.passport.strip() and not nik:
        errors.append(_err("person.passport", "Nomor paspor wajib diisi untuk WNA.",
                           "A passport number is required for foreigners."))
    phone = normalise_digits(p.phone).lstrip("+")
    if p.phone.strip() and (not phone.isdigit() or not 8 <= len(phone) <= 15):
        errors.append(_err("person.phone", "Nomor telepon tidak valid: {v}", "Invalid phone number: {v}",
                           v=p.phone))
    return errors


def case_errors(c: CaseInput, birth_date: date | None, today: date) -> list[UserInputError]:
    errors: list[UserInputError] = []
    # A missing offence date or sentence is not an error: old registers lack them, and
    # such a case is saved and listed under "Data belum lengkap" (missing_case_fields).
    if c.offence_date is None:
        pass
    elif c.offence_date > today:
        errors.append(_err("case.offence_date", "Tanggal tindak pidana ({d}) belum terjadi.",
                           "The offence date ({d}) is in the future.", d=format_date(c.offence_date)))
    elif birth_date is not None:
        if c.offence_date < birth_date:
            errors.append(_err("case.offence_date",
                               "Tanggal tindak pidana ({o}) sebelum tanggal lahir ({b}).",
                               "The offence date ({o}) is before the birth date ({b}).",
                               o=format_date(c.offence_date), b=format_date(birth_date)))
        else:
            age = age_on(birth_date, c.offence_date)
            klass = c.client_class or client_class_for(birth_date, c.offence_date)
            if klass == "dewasa" and age < ADULT_AGE:
                errors.append(_err("case.client_class",
                                   "Klien dewasa harus berumur 18 tahun saat tindak pidana (umurnya {a} tahun).",
                                   "An adult client must be 18 at the offence (the age was {a}).", a=age))
            if klass == "anak" and age < CHILD_MIN_AGE:
                errors.append(_err("case.client_class",
                                   "Anak di bawah 12 tahun saat tindak pidana tidak dapat dipidana "
                                   "(umurnya {a} tahun).",
                                   "A child under 12 at the offence cannot be prosecuted (the age was {a}).", a=age))
            if klass == "anak" and age >= ADULT_AGE:
                errors.append(_err("case.client_class",
                                   "Umur saat tindak pidana {a} tahun: bukan anak (12 sampai di bawah 18).",
                                   "Aged {a} at the offence: not a child (12 to under 18).", a=age))
    if c.client_class is not None and c.client_class not in CLIENT_CLASSES:
        errors.append(_err("case.client_class", "Pilih dewasa atau anak.", "Choose adult or child."))
    if c.sentence_kind not in SENTENCE_KINDS:
        errors.append(_err("case.sentence_kind", "Jenis pidana tidak dikenal.", "Unknown kind of sentence."))
    if c.verdict_date is not None:
        if c.verdict_date > today:
            errors.append(_err("case.verdict_date", "Tanggal putusan ({d}) belum terjadi.",
                               "The verdict date ({d}) is in the future.", d=format_date(c.verdict_date)))
        if c.offence_date and c.verdict_date < c.offence_date:
            errors.append(_err("case.verdict_date", "Tanggal putusan ({v}) sebelum tanggal tindak pidana ({o}).",
                               "The verdict date ({v}) is before the offence date ({o}).",
                               v=format_date(c.verdict_date), o=format_date(c.offence_date)))
    if c.sentence_kind in ("term", "life", "death") and c.verdict_date is None and c.verdict_number.strip():
        errors.append(_err("case.verdict_date", "Tanggal putusan wajib diisi bila nomor putusan diisi.",
                           "The verdict date is required when a verdict number is given."))
    if c.detention_start is not None:
        if c.detention_start > today:
            errors.append(_err("case.detention_start", "Tanggal mulai ditahan ({d}) belum terjadi.",
                               "The detention start ({d}) is in the future.", d=format_date(c.detention_start)))
        if c.offence_date and c.detention_start < c.offence_date:
            errors.append(_err("case.detention_start",
                               "Tanggal mulai ditahan ({s}) sebelum tanggal tindak pidana ({o}).",
                               "The detention start ({s}) is before the offence date ({o}).",
                               s=format_date(c.detention_start), o=format_date(c.offence_date)))
    for name, value in (("case.fine", c.fine), ("case.city_detention_days", c.city_detention_days),
                        ("case.house_detention_days", c.house_detention_days),
                        ("case.remission_total_days", c.remission_total_days or 0)):
        if value < 0:
            errors.append(_err(name, "Angka tidak boleh negatif.", "The number may not be negative."))
    if c.detention_authority and c.detention_authority not in DETENTION_AUTHORITIES:
        errors.append(_err("case.detention_authority", "Instansi penahan tidak dikenal.",
                           "Unknown detaining authority."))
    return errors


def program_errors(p: ProgramInput, *, child_only: bool, client_class: str | None,
                   today: date) -> list[UserInputError]:
    errors: list[UserInputError] = []
    if p.kind_id is None:
        errors.append(_err("program.kind_id", "Pilih jenis program.", "Choose the program."))
    if p.start_date is None:
        errors.append(_err("program.start_date", "Tanggal mulai bimbingan wajib diisi.",
                           "The start of guidance is required."))
    if p.start_date and p.end_date and p.end_date < p.start_date:
        errors.append(_err("program.end_date", "Akhir bimbingan ({e}) sebelum awal bimbingan ({s}).",
                           "The end of guidance ({e}) is before its start ({s}).",
                           e=format_date(p.end_date), s=format_date(p.start_date)))
    if p.sk_date and p.sk_date > today:
        errors.append(_err("program.sk_date", "Tanggal SK ({d}) belum terjadi.",
                           "The decree date ({d}) is in the future.", d=format_date(p.sk_date)))
    if child_only and client_class == "dewasa":
        errors.append(_err("program.kind_id", "Program ini hanya untuk anak.", "This program is for children only."))
    return errors


def officer_errors(o: OfficerInput) -> list[UserInputError]:
    errors: list[UserInputError] = []
    if not o.name.strip():
        errors.append(_err("officer.name", "Nama petugas wajib diisi.", "The officer's name is required."))
    if o.nip.strip():
        try:
            validate_nip(o.nip)
        except UserInputError as e:
            errors.append(e)
    phone = normalise_digits(o.phone).lstrip("+")
    if o.phone.strip() and (not phone.isdigit() or not 8 <= len(phone) <= 15):
        errors.append(_err("officer.phone", "Nomor telepon tidak valid: {v}", "Invalid phone number: {v}",
                           v=o.phone))
    return errors


# -- records old registers leave incomplete (issue 12) --------------------------------------------

def class_for_case(c: CaseInput, birth_date: date | None, program_start: date | None = None,
                   child_only: bool = False) -> tuple[str, str]:
    """(adult or child, where that comes from) for a case: see schema.CLASS_BASES.

    The law's rule is the age at the offence; without an offence date the class said
    (by the officer or the sheet) stands, else a children-only program says child, else
    the age at the program's start is used and marked to be checked.
    """
    if c.offence_date is not None and birth_date is not None:
        return c.client_class or client_class_for(birth_date, c.offence_date), "offence"
    if c.client_class is not None:
        return c.client_class, "stated"
    if child_only:
        return "anak", "kind"
    if birth_date is not None and program_start is not None:
        return ("anak" if age_on(birth_date, program_start) < ADULT_AGE else "dewasa"), "age_at_start"
    return "dewasa", "age_at_start"


def missing_case_fields(c: CaseInput, class_basis: str) -> list[str]:
    """What an old register left out of a case, in the officer's words (empty: complete)."""
    missing = []
    if c.offence_date is None:
        missing.append(tr("tanggal tindak pidana", "offence date"))
    if c.sentence_kind == "term" and sum((s.days30 for s in c.sentences), 0) <= 0 and c.subsider.days30 <= 0:
        missing.append(tr("lama pidana", "length of the sentence"))
    if class_basis == "age_at_start":
        missing.append(tr("dewasa/anak (dari umur saat mulai bimbingan, perlu dicek)",
                          "adult/child (from the age at the start of guidance, to be checked)"))
    return missing


def raise_if(errors: list[UserInputError]) -> None:
    if errors:
        raise ValidationErrors(errors)
