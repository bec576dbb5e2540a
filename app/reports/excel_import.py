"""Turning the rows of an old register into records: a person, their case and their program.

Each data row under the header is read with the mapping (``excel_columns``) into a
``Record``, or rejected with its Excel row number and every reason found (no name,
31 February, end before start ...).  Fields the register lacks are left empty, never
invented: the offence date, the sentence, and adult/child, which comes from the sheet,
else from a children-only program, else from the age at the program's start ("perlu
dicek").  What the records are matched against, and what an import would create, is
``excel_plan``; writing it is ``app.operations.importer``.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.models.dates import format_date_id
from app.models.domain import CaseInput, PersonInput
from app.models.durations import Duration
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.identity import check_nik, nik_info
from app.models.names import alias_from_name, fold_name
from app.models.validation import case_errors, class_for_case, person_errors
from app.reports.excel_columns import Header, column_letter, data_rows, field_label, find_header
from app.reports.excel_read import Sheet, open_workbook
from app.reports.excel_values import (
    CellError, is_empty, parse_client_class, parse_date, parse_int, parse_nik, parse_sentence, parse_sex,
    parse_status, program_code, text,
)

# Offence words in registers -> the seeded category (matched only when the category exists).
OFFENCE_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("pengedar", "bandar", "kurir", "pasal 114", "pasal 111", "pasal 112", "114 uu", "111 uu", "112 uu"),
     "Narkotika (pengedar/bandar)"),
    (("pengguna", "pemakai", "penyalahguna", "pasal 127", "127 uu", "rehabilitasi"), "Narkotika (pengguna)"),
    (("korupsi", "tipikor"), "Korupsi"),
    (("teroris",), "Terorisme"),
    (("pencucian uang", "tppu"), "Pencucian Uang"),
    (("perdagangan orang", "tppo", "trafficking"), "Perdagangan Orang"),
    (("perampokan", "rampok", "begal", "pasal 365", "365 kuhp"), "Perampokan"),
    (("pencurian", "curi", "curat", "curas", "curanmor", "pasal 362", "pasal 363", "362 kuhp", "363 kuhp"),
     "Pencurian"),
    (("penipuan", "tipu", "pasal 378", "378 kuhp"), "Penipuan"),
    (("penggelapan", "gelap", "pasal 372", "372 kuhp"), "Penggelapan"),
    (("penadahan", "tadah", "pasal 480", "480 kuhp"), "Penadahan"),
    (("pemerasan", "peras", "pasal 368", "368 kuhp"), "Pemerasan"),
    (("pembunuhan", "bunuh", "pasal 338", "pasal 340", "338 kuhp", "340 kuhp"), "Pembunuhan"),
    (("kdrt", "kekerasan dalam rumah tangga"), "KDRT"),
    (("perlindungan anak", "uu pa", "pencabulan anak", "persetubuhan anak", "uu 35/2014", "uu 23/2002"),
     "Perlindungan Anak"),
    (("penganiayaan", "aniaya", "pengeroyokan", "keroyok", "pasal 351", "pasal 170", "351 kuhp", "170 kuhp"),
     "Penganiayaan"),
    (("kesusilaan", "asusila", "cabul", "perkosa", "pornografi", "pasal 285", "pasal 289"), "Kesusilaan"),
    (("judi", "perjudian", "pasal 303", "303 kuhp"), "Perjudian"),
    (("lalu lintas", "lalulintas", "laka", "lantas", "uu 22/2009"), "Lalu Lintas"),
    (("senjata", "sajam", "senpi", "uu drt 12/1951"), "Senjata Api/Tajam"),
    (("pemalsuan", "palsu"), "Pemalsuan"),
    (("penculikan", "culik"), "Penculikan"),
    (("kehutanan", "illegal logging", "pembalakan"), "Kehutanan"),
    (("perikanan", "ikan"), "Perikanan"),
    (("ite", "informasi dan transaksi elektronik", "uu 11/2008", "uu 19/2016"), "ITE"),
    (("narkotika", "narkoba", "psikotropika", "sabu", "ganja", "shabu"), "?narkotika"),  # which of the two?
    (("lain-lain", "lainnya", "lain lain"), "Lain-lain"),
)


@dataclass
class Record:
    """One readable row: what it says about the person, the case and the program."""

    row: int
    person: PersonInput
    case: CaseInput | None
    class_basis: str = "offence"
    offence_text: str = ""
    kind_code: str | None = None
    register_number: str = ""
    sk_number: str = ""
    sk_date: date | None = None
    start_date: date | None = None
    end_date: date | None = None
    officer_name: str = ""
    officer_nip: str = ""
    status: str = "aktif"
    status_date: date | None = None
    remarks: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    nik_note: str = ""
    category: str | None = None  # the category's name, when the offence text says which
    cells: list[Any] = field(default_factory=list, repr=False)

    @functools.cached_property
    def name_key(self) -> tuple[str, str]:
        birth = self.person.birth_date.isoformat() if self.person.birth_date else ""
        return fold_name(self.person.name), birth


@dataclass
class Rejected:
    row: int
    reasons: list[str]
    cells: list[Any]


@dataclass
class ParsedSheet:
    """The file, its header and every data row read."""

    path: Path
    kind: str
    sheet: str
    sheet_names: list[str]
    header: Header
    records: list[Record]
    rejected: list[Rejected]
    width: int
    sha256: str
    skipped_blank: int = 0


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def load_sheet(path: Path | str, sheet: str | None = None) -> tuple[Sheet, list[str], str]:
    """The chosen sheet's cells, the workbook's sheet names and its kind (UserInputError when unreadable)."""
    book = open_workbook(path)
    try:
        chosen = book.sheet(sheet)
        names, kind = list(book.sheet_names), book.kind
    finally:
        book.close()
    if not any(any(not is_empty(v) for v in row) for row in chosen.rows):
        raise UserInputError(tr("Lembar '{s}' kosong: tidak ada data untuk diimpor.",
                                "Sheet '{s}' is empty: there is nothing to import.", s=chosen.name),
                             field="sheet", code="empty_sheet")
    return chosen, names, kind


def parse_sheet(path: Path | str, sheet_data: Sheet, sheet_names: list[str], kind: str, header: Header,
                kinds: list[dict[str, Any]], *, today: date, progress=None) -> ParsedSheet:
    """Every data row read with this header's mapping."""
    path = Path(path)
    records: list[Record] = []
    rejected: list[Rejected] = []
    rows = data_rows(sheet_data, header)
    if not rows:
        raise UserInputError(tr("Tidak ada baris data di bawah judul kolom (baris {r}).",
                                "There are no data rows under the header (row {r}).", r=header.row + 1),
                             field="sheet", code="no_rows")
    width = max(len(r) for _, r in rows)
    width = max(width, len(header.names))
    for n, (number, cells) in enumerate(rows, 1):
        if progress and n % 500 == 0:
            progress(n, len(rows))
        if _is_total_row(cells, header):
            continue
        try:
            records.append(read_row(number, cells, header, kinds, today=today))
        except RowError as err:
            rejected.append(Rejected(number, err.reasons, list(cells)))
    return ParsedSheet(path, kind, sheet_data.name, sheet_names, header, records, rejected, width,
                       file_sha256(path))


def read_file(path: Path | str, kinds: list[dict[str, Any]], *, sheet: str | None = None,
              mapping: dict[int, str | None] | None = None, today: date | None = None) -> ParsedSheet:
    """Read a file with the proposed header mapping (or the given one): for the command line and tests."""
    from app.reports.excel_columns import apply_mapping

    data, names, kind = load_sheet(path, sheet)
    header = find_header(data)
    if mapping is not None:
        header = apply_mapping(header, mapping)
    return parse_sheet(path, data, names, kind, header, kinds, today=today or date.today())


def _is_total_row(cells: list[Any], header: Header) -> bool:
    """A "JUMLAH" / "TOTAL" line at the foot of a register is not a client."""
    name_col = next((c for c, k in header.mapping.items() if k == "name"), None)
    if name_col is None or name_col >= len(cells):
        return False
    value = text(cells[name_col]).lower().strip(" :")
    return value in ("jumlah", "total", "jumlah total", "total keseluruhan", "jumlah seluruhnya")


class RowError(Exception):
    def __init__(self, reasons: list[str]):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def read_row(number: int, cells: list[Any], header: Header, kinds: list[dict[str, Any]], *,
             today: date) -> Record:
    """One row as a Record, or RowError with every reason it cannot be imported."""
    values: dict[str, Any] = {}
    for c, key in header.mapping.items():
        values[key] = cells[c] if c < len(cells) else None
    reasons: list[str] = []
    warnings: list[str] = []

    def label(key: str) -> str:
        c = next((c for c, k in header.mapping.items() if k == key), None)
        name = header.names[c] if c is not None and c < len(header.names) and header.names[c] else field_label(key)
        return f"{name} ({column_letter(c)})" if c is not None else name

    def cell(key: str, reader, *args, **kw):
        raw = values.get(key)
        try:
            return reader(raw, *args, **kw)
        except CellError as err:
            reasons.append(f"{label(key)}: {err}")
            return None

    def date_of(key: str, future_years: int = 10) -> date | None:
        return cell(key, parse_date, future_years=future_years, today=today)

    name = text(values.get("name"))
    if not name:
        reasons.append(tr("nama kosong", "no name"))
    alias = text(values.get("alias")) or alias_from_name(name)
    birth_place = text(values.get("birth_place"))
    birth = date_of("birth_date", 0)
    if "birth_place_date" in values and not is_empty(values["birth_place_date"]):
        place, when = _split_place_date(values["birth_place_date"])
        birth_place = birth_place or place
        if birth is None and when:
            try:
                birth = parse_date(when, future_years=0, today=today)
            except CellError as err:
                reasons.append(f"{label('birth_place_date')}: {err}")
    nik = ""
    nik_from_number = False
    parsed_nik = cell("nik", parse_nik)
    if parsed_nik:
        nik, nik_from_number = parsed_nik
    passport = text(values.get("passport")).upper()
    nationality = text(values.get("nationality")) or "Indonesia"
    if nationality.lower() in ("wni", "indonesia", "ri", "indo"):
        nationality = "Indonesia"
    sex = cell("sex", parse_sex)
    if sex is None and nik and "nik" not in {r.split(":")[0] for r in reasons}:
        sex = nik_info(nik).sex  # the NIK's day digits say it (+40 for women)
    if sex is None and not any(r.startswith(label("sex")) for r in reasons):
        reasons.append(tr("jenis kelamin kosong", "no sex given"))
    guarantor = text(values.get("guarantor"))
    if text(values.get("guarantor_address")):
        guarantor = f"{guarantor}, {text(values.get('guarantor_address'))}".strip(", ")
    person = PersonInput(
        name=name, alias=alias, nik=nik, passport=passport, nationality=nationality, sex=sex or "L",
        birth_place=birth_place, birth_date=birth, religion=text(values.get("religion")),
        education=text(values.get("education")), occupation=text(values.get("occupation")),
        address=text(values.get("address")), phone=_phone(values.get("phone")),
        family_contact=text(values.get("family_contact")), guarantor=guarantor)
    if birth is None and not any(r.startswith(label("birth_date")) or r.startswith(label("birth_place_date"))
                                 for r in reasons):
        reasons.append(tr("tanggal lahir kosong", "no birth date"))
    nik_note = ""
    if name and birth is not None:
        for err in person_errors(person, today):
            if err.field == "person.nik" and not nik and not passport:
                continue  # no identity number: imported, listed under "Data belum lengkap"
            if err.field in ("person.name", "person.sex"):
                continue  # said above in the register's words
            if err.field == "person.birth_date" and birth is None:
                continue
            reasons.append(err.message.rstrip("."))
        if nik:
            problems = check_nik(nik, birth, sex)
            if problems:
                nik_note = tr("Impor: {p} Perlu dicek.", "Import: {p} To be checked.", p=" ".join(problems))
                warnings.extend(problems)
        if nik_from_number:
            warnings.append(tr("NIK tersimpan sebagai angka di Excel: periksa digit terakhirnya.",
                               "The NIK was stored as a number in Excel: check its last digit."))

    # -- the program ------------------------------------------------------------------------
    kind_code, class_said = None, None
    program = cell("program", program_code, kinds)
    if program:
        kind_code, class_said = program
    start = date_of("start_date")
    end = date_of("end_date", 30)
    sk_date = date_of("sk_date", 0)
    status = cell("status", parse_status) or "aktif"
    status_date = date_of("status_date", 0)
    if kind_code is None and "program" in header.mapping.values() and is_empty(values.get("program")) and (
            start or end):
        reasons.append(tr("jenis bimbingan kosong", "no program given"))
    if kind_code and start is None and not any(r.startswith(label("start_date")) for r in reasons):
        reasons.append(tr("awal bimbingan kosong", "no start of guidance"))
    if start and end and end < start:
        reasons.append(tr("akhir bimbingan ({e}) sebelum awal bimbingan ({s})",
                          "the end of guidance ({e}) is before its start ({s})",
                          e=format_date_id(end), s=format_date_id(start)))
    if sk_date and sk_date > today:
        reasons.append(tr("tanggal SK ({d}) belum terjadi", "the decree date ({d}) is in the future",
                          d=format_date_id(sk_date)))

    # -- the case ---------------------------------------------------------------------------
    offence_date = date_of("offence_date", 0)
    verdict_date = date_of("verdict_date", 0)
    detention_start = date_of("detention_start", 0)
    stated_class = cell("client_class", parse_client_class) or class_said
    kind = next((k for k in kinds if k["code"] == kind_code), None) if kind_code else None
    klass, basis = class_for_case(CaseInput(offence_date=offence_date, client_class=stated_class), birth, start,
                                  bool(kind and kind.get("child_only")))
    sentence_kind, sentence = cell("sentence", parse_sentence) or ("term", None)
    years = cell("sentence_years", parse_int, tr("tahun pidana", "years"))
    months = cell("sentence_months", parse_int, tr("bulan pidana", "months"))
    days = cell("sentence_days", parse_int, tr("hari pidana", "days"))
    if sentence is None and any((years, months, days)):
        sentence = Duration(years or 0, months or 0, days or 0)
    offence_text = text(values.get("offence"))
    articles = text(values.get("articles"))
    has_case = bool(kind_code or offence_text or articles or offence_date or values.get("verdict_number")
                    or sentence or sentence_kind != "term")
    case = None
    if has_case:
        case = CaseInput(
            offence_date=offence_date, client_class=stated_class, articles=articles,
            statute=text(values.get("statute")),
            verdict_number=text(values.get("verdict_number")), verdict_date=verdict_date,
            court=text(values.get("court")), sentence_kind=sentence_kind,
            sentences=[sentence] if sentence and not sentence.is_zero else [],
            detention_start=detention_start)
        if birth is not None:
            for err in case_errors(case, birth, today):
                if err.field in ("case.offence_date", "case.sentences") and (
                        case.offence_date is None or not case.sentences):
                    if "wajib" in err.message or "required" in err.message:
                        continue  # missing, not wrong: listed under "Data belum lengkap"
                reasons.append(err.message.rstrip("."))
        if kind is not None and kind.get("child_only") and klass == "dewasa":
            reasons.append(tr("{k} hanya untuk anak, tetapi klien dewasa", "{k} is for children only, but the "
                              "client is an adult", k=kind["code"]))
    if reasons:
        raise RowError(reasons)
    remarks = []
    for key, what in (("register_main", tr("Register utama", "Main register")),
                      ("litmas_register", tr("No. register litmas", "Litmas register")),
                      ("unit_origin", tr("Asal UPT", "From unit")), ("remarks", "")):
        value = text(values.get(key))
        if value:
            remarks.append(f"{what}: {value}" if what else value)
    return Record(
        row=number, person=person, case=case, class_basis=basis, offence_text=offence_text,
        kind_code=kind_code, register_number=" ".join(text(values.get("register_number")).split()),
        sk_number=text(values.get("sk_number")), sk_date=sk_date, start_date=start, end_date=end,
        officer_name=text(values.get("officer")), officer_nip="".join(text(values.get("officer_nip")).split()),
        status=status, status_date=status_date, remarks=remarks, warnings=warnings, nik_note=nik_note,
        category=offence_category(offence_text) or offence_category(articles), cells=list(cells))


def _phone(value: Any) -> str:
    phone = text(value)
    if phone.isdigit() and len(phone) >= 9 and not phone.startswith(("0", "62")):
        phone = "0" + phone  # Excel drops the leading 0 of a number cell
    return phone


def _split_place_date(value: Any) -> tuple[str, str]:
    """ "Bojonegoro, 15-05-1990" / "Bojonegoro 15 Mei 1990" -> (place, date text)."""
    import re

    raw = text(value) if not hasattr(value, "year") else ""
    if not raw:
        return "", value.isoformat() if hasattr(value, "isoformat") else ""
    if "," in raw:
        place, _, when = raw.rpartition(",")
        return place.strip(), when.strip()
    m = re.search(r"(\d{1,2}[\s\-/.]+\S+[\s\-/.]+\d{2,4}|\d{4}-\d{2}-\d{2})\s*$", raw)
    if m:
        return raw[: m.start()].strip(" ,/"), m.group(1)
    return raw, ""


def offence_category(words: str) -> str | None:
    """The seeded category an offence text names, "?narkotika" when it says narkotika but not which, else None."""
    low = " " + " ".join(words.lower().replace(".", " ").split()) + " "
    for needles, category in OFFENCE_WORDS:
        for needle in needles:
            if len(needle) <= 4:
                if f" {needle} " in low:
                    return category
            elif needle in low:
                return category
    return None
