"""Reads for the print-outs (issue 11): registers, klaper, the B register, one client by register number.

Kept beside queries.py (which the window's lists use) so neither grows past a
readable size; "active on a day" is queries.active_on / is_active_on, never
written again here.  The group selector of the print commands and the window
(program, PK, offence) is ``Group``: a register lists the program *records* of the
group whatever their status, so a group here matches the record's own columns and
does not apply the sidebar's "active today" rule; cards and lists add that rule.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.models.dates import from_iso
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.queries import active_on, is_active_on
from app.models.storage import Database

# Printed words for the program statuses (paper is always Indonesian).
STATUS_WORDS = {
    "aktif": "Aktif", "selesai": "Selesai", "dicabut": "Dicabut", "pindah": "Pindah",
    "melarikan_diri": "Melarikan diri / tidak diketahui keberadaannya",
    "mengulangi_tindak_pidana": "Mengulangi tindak pidana", "meninggal": "Meninggal dunia",
}
B_CLASSES = ("B.I", "B.IIa", "B.IIb", "B.III")


@dataclass(frozen=True)
class Group:
    """The one group selector: a program kind, a PK, an offence category (each optional)."""

    kind_id: int | None = None
    officer_id: int | None = None
    offence_id: int | None = None

    @property
    def empty(self) -> bool:
        return self.kind_id is None and self.officer_id is None and self.offence_id is None


@dataclass(frozen=True)
class Period:
    """A register's period: all time (both None), one year or one month; ``start``..``end`` inclusive."""

    start: date | None = None
    end: date | None = None
    label: str = "Seluruh periode"

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), f"Tahun {year}")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        from app.models.dates import MONTHS_ID

        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), f"Bulan {MONTHS_ID[month - 1]} {year}")

    def contains(self, day: date | None) -> bool:
        if self.start is None:
            return True
        return day is not None and self.start <= day <= (self.end or day)


def parse_month(text: str) -> tuple[int, int]:
    """"2026-11" -> (2026, 11), or a clear refusal."""
    raw = (text or "").strip()
    parts = raw.split("-")
    if len(parts) == 2 and len(parts[0]) == 4 and parts[0].isascii() and parts[0].isdigit() \
            and parts[1].isascii() and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        return int(parts[0]), int(parts[1])
    raise UserInputError(tr("Bulan tidak valid: '{v}' (format: TTTT-BB, contoh 2026-11)",
                            "Invalid month: '{v}' (format: YYYY-MM, e.g. 2026-11)", v=text), field="month")


def parse_year(text: str) -> int:
    raw = (text or "").strip()
    if len(raw) == 4 and raw.isascii() and raw.isdigit() and 1900 <= int(raw) <= 2200:
        return int(raw)
    raise UserInputError(tr("Tahun tidak valid: '{v}' (contoh 2026)", "Invalid year: '{v}' (e.g. 2026)", v=text),
                         field="year")


def resolve_group(db: Database, *, program: str | None = None, officer: str | None = None,
                  offence: str | None = None) -> Group:
    """--program CODE, --officer NIP|ID, --offence NAME|ID as ids; an unknown one is refused by name."""
    kind_id = officer_id = offence_id = None
    if program:
        found = db.scalar("SELECT id FROM program_kinds WHERE upper(code) = upper(?)", (program.strip(),))
        if found is None:
            codes = ", ".join(r[0] for r in db.conn.execute("SELECT code FROM program_kinds ORDER BY position"))
            raise UserInputError(tr("Program tidak dikenal: '{v}' (pilihan: {c})",
                                    "Unknown program: '{v}' (choices: {c})", v=program, c=codes), field="program")
        kind_id = int(found)
    if officer:
        value = officer.strip()
        found = db.scalar("SELECT id FROM officers WHERE nip = ?", (value.replace(" ", ""),))
        if found is None and value.isascii() and value.isdigit() and len(value) < 10:
            found = db.scalar("SELECT id FROM officers WHERE id = ?", (int(value),))
        if found is None:
            raise UserInputError(tr("PK tidak dikenal: '{v}' (NIP atau nomor petugas)",
                                    "Unknown officer: '{v}' (NIP or officer number)", v=officer), field="officer")
        officer_id = int(found)
    if offence:
        value = offence.strip()
        found = db.scalar("SELECT id FROM offence_categories WHERE lower(name) = lower(?)", (value,))
        if found is None and value.isascii() and value.isdigit():
            found = db.scalar("SELECT id FROM offence_categories WHERE id = ?", (int(value),))
        if found is None:
            raise UserInputError(tr("Kategori tindak pidana tidak dikenal: '{v}'", "Unknown offence category: '{v}'",
                                    v=offence), field="offence")
        offence_id = int(found)
    return Group(kind_id, officer_id, offence_id)


def group_words(db: Database, group: Group) -> str:
    """The group as a subtitle: "Program PB – Pembebasan Bersyarat · PK Sari Dewi · Pencurian"."""
    parts = []
    if group.kind_id is not None:
        row = db.query("SELECT code, name FROM program_kinds WHERE id = ?", (group.kind_id,))
        if row:
            parts.append(f"Program {row[0]['code']} – {row[0]['name']}")
    if group.officer_id is not None:
        name = db.scalar("SELECT name FROM officers WHERE id = ?", (group.officer_id,))
        if name:
            parts.append(f"PK {name}")
    if group.offence_id is not None:
        name = db.scalar("SELECT name FROM offence_categories WHERE id = ?", (group.offence_id,))
        if name:
            parts.append(f"Tindak pidana {name}")
    return " · ".join(parts)


def _group_sql(group: Group) -> tuple[str, list[Any]]:
    where, params = [], []
    if group.kind_id is not None:
        where.append("p.kind_id = ?")
        params.append(group.kind_id)
    if group.officer_id is not None:
        where.append("p.officer_id = ?")
        params.append(group.officer_id)
    if group.offence_id is not None:
        where.append("c.offence_category_id = ?")
        params.append(group.offence_id)
    return (" AND ".join(where) or "1"), params


_PROGRAM_COLUMNS = """
    p.id AS program_id, p.person_id, p.case_id, p.kind_id, p.register_number, p.register_year, p.register_seq,
    p.sk_number, p.sk_date, p.basis_kind, p.start_date, p.end_date, p.status, p.status_date, p.status_letter,
    p.status_reason, p.officer_id, p.card_printed_at, p.card_print_count, p.deleted_at,
    k.code AS kind_code, k.name AS kind_name, k.position AS kind_position, k.guidance,
    s.name, s.alias, s.name_sort, s.nik, s.sex, s.birth_place, s.birth_date, s.address, s.phone,
    s.guarantor, s.guarantor_relation, s.guarantor_address, s.guarantor_phone,
    c.client_class, c.articles, c.statute, c.verdict_number, c.verdict_date, c.court, c.sentences,
    c.sentence_kind, c.offence_category_id, oc.name AS offence_name,
    o.name AS officer_name, o.nip AS officer_nip, o.phone AS officer_phone, o.rank AS officer_rank"""
_PROGRAM_JOINS = """
    FROM programs p JOIN persons s ON s.id = p.person_id JOIN cases c ON c.id = p.case_id
    JOIN program_kinds k ON k.id = p.kind_id LEFT JOIN officers o ON o.id = p.officer_id
    LEFT JOIN offence_categories oc ON oc.id = c.offence_category_id"""
_NOT_BINNED = "p.deleted_at IS NULL AND s.deleted_at IS NULL AND c.deleted_at IS NULL"
# Register-number order: the year, then the sequence the pattern gave, then the text itself.
REGISTER_ORDER = ("p.register_year IS NULL, p.register_year, p.register_seq IS NULL, p.register_seq,"
                  " p.register_number, p.id")


def register_rows(db: Database, group: Group, period: Period) -> list[dict[str, Any]]:
    """The program records of the group whose guidance starts in the period (the register's entry),
    not in the bin, in register-number order within each program (sections)."""
    where, params = _group_sql(group)
    if period.start is not None:
        where += " AND p.start_date BETWEEN ? AND ?"
        params += [period.start.isoformat(), (period.end or period.start).isoformat()]
    return db.query(f"SELECT {_PROGRAM_COLUMNS} {_PROGRAM_JOINS} WHERE {_NOT_BINNED} AND {where}"
                    f" ORDER BY k.position, k.id, {REGISTER_ORDER}", params)


def ended_reason(row: dict[str, Any], today: date) -> tuple[str, date | None] | None:
    """Why a program record is no longer running on ``today`` (status or end of guidance), or None."""
    if row["status"] != "aktif":
        return STATUS_WORDS.get(row["status"], row["status"]), from_iso(row["status_date"])
    end = from_iso(row["end_date"])
    if end is not None and end < today:
        return "Habis masa bimbingan", end
    return None


def klaper_rows(db: Database, group: Group, period: Period, today: date) -> list[dict[str, Any]]:
    """One line per person of the register's records, in the window's name order.

    A person is struck through when none of their records here is running or still to
    start on ``today`` (guidance ended, revoked, transferred, deceased ...): the reason
    and date of the latest ending go to the remarks.
    """
    rows = register_rows(db, group, period)
    people: dict[int, dict[str, Any]] = {}
    for r in rows:
        person = people.setdefault(r["person_id"], {
            "person_id": r["person_id"], "name": r["name"], "alias": r["alias"], "name_sort": r["name_sort"],
            "birth_place": r["birth_place"], "birth_date": r["birth_date"], "records": []})
        person["records"].append(r)
    out = []
    for person in people.values():
        records = sorted(person["records"], key=lambda r: (r["start_date"] or "", r["program_id"]))
        endings = [(ended_reason(r, today), r) for r in records]
        running = [r for reason, r in endings if reason is None]
        latest = max(((reason, r) for reason, r in endings if reason is not None),
                     key=lambda e: (e[0][1] or date.min, e[1]["program_id"]), default=None)
        person["struck"] = not running
        person["reason"] = latest[0] if (latest and not running) else None
        person["register_numbers"] = [r["register_number"] or "-" for r in records]
        person["programs"] = [r["kind_code"] for r in records]
        out.append(person)
    out.sort(key=lambda p: (p["name_sort"], p["person_id"]))
    return out


def b_register_rows(db: Database, *, offence_id: int | None, period: Period, today: date,
                    classes: tuple[str, ...] = B_CLASSES) -> list[dict[str, Any]]:
    """Convicts by class B.I-B.III: the cases still being served on ``today`` (expiry not passed,
    or life/death), received (detention start) in the period; ordered by class, then name."""
    where = ["c.deleted_at IS NULL", "s.deleted_at IS NULL",
             f"c.register_class IN ({', '.join('?' * len(classes))})",
             "(c.expiry IS NULL OR c.expiry >= ?)"]
    params: list[Any] = [*classes, today.isoformat()]
    if offence_id is not None:
        where.append("c.offence_category_id = ?")
        params.append(offence_id)
    if period.start is not None:
        where.append("c.detention_start BETWEEN ? AND ?")
        params += [period.start.isoformat(), (period.end or period.start).isoformat()]
    order = "CASE c.register_class " + " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(classes)) + " END"
    rows = db.query(
        "SELECT c.*, s.name, s.alias, s.name_sort, oc.name AS offence_name,"
        " (SELECT group_concat(pr.register_number, ', ') FROM programs pr WHERE pr.case_id = c.id"
        "   AND pr.deleted_at IS NULL AND pr.register_number IS NOT NULL) AS register_numbers,"
        " (SELECT COALESCE(SUM(r.months * 30 + r.days), 0) FROM remissions r WHERE r.case_id = c.id)"
        "   AS remission_days,"
        " (SELECT COUNT(*) FROM date_overrides d WHERE d.case_id = c.id) AS overrides"
        " FROM cases c JOIN persons s ON s.id = c.person_id"
        " LEFT JOIN offence_categories oc ON oc.id = c.offence_category_id"
        f" WHERE {' AND '.join(where)} ORDER BY {order}, s.name_sort, c.id", params)
    for r in rows:
        r["sentence_list"] = json.loads(r["sentences"] or "[]")
    return rows


def program_by_register(db: Database, number: str) -> dict[str, Any]:
    """The program record with this register number (spaces as typed do not matter), or a refusal."""
    value = " ".join((number or "").split())
    rows = db.query(f"SELECT {_PROGRAM_COLUMNS} {_PROGRAM_JOINS} WHERE p.register_number = ?"
                    " AND p.deleted_at IS NULL AND s.deleted_at IS NULL", (value,))
    if not rows:
        raise UserInputError(tr("Nomor register tidak ditemukan: '{n}'", "Register number not found: '{n}'",
                                n=number), field="register_number", code="not_found")
    return rows[0]


def program_record(db: Database, program_id: int) -> dict[str, Any] | None:
    rows = db.query(f"SELECT {_PROGRAM_COLUMNS} {_PROGRAM_JOINS} WHERE p.id = ?", (program_id,))
    return rows[0] if rows else None


def active_guidance_ids(db: Database, group: Group, day: date) -> list[int]:
    """Guidance programs (kinds with guidance = 1) of the group active on ``day``, in register order.

    Cards and lists print these; "active" is queries.active_on.
    """
    where, params = _group_sql(group)
    active, active_params = active_on("p", day)
    return [r[0] for r in db.conn.execute(
        f"SELECT p.id {_PROGRAM_JOINS} WHERE {active} AND s.deleted_at IS NULL AND c.deleted_at IS NULL"
        f" AND k.guidance = 1 AND {where} ORDER BY {REGISTER_ORDER}", [*active_params, *params])]


def iter_program_records(db: Database, ids: list[int], chunk: int = 500) -> Iterator[dict[str, Any]]:
    """The records of ``ids`` in that order, read a chunk at a time (a 100,000-card batch stays small)."""
    for i in range(0, len(ids), chunk):
        part = ids[i:i + chunk]
        rows = db.query(f"SELECT {_PROGRAM_COLUMNS} {_PROGRAM_JOINS} WHERE p.id IN ({', '.join('?' * len(part))})",
                        part)
        by_id = {r["program_id"]: r for r in rows}
        for pid in part:
            if pid in by_id:
                yield by_id[pid]


def is_running(row: dict[str, Any], day: date) -> bool:
    """``is_active_on`` for a joined program record (its columns carry the program's names)."""
    return is_active_on({"deleted_at": row.get("deleted_at"), "status": row["status"],
                         "start_date": row["start_date"], "end_date": row["end_date"]}, day)


def officer_by_key(db: Database, key: str) -> dict[str, Any]:
    """An officer by NIP or number (the signer chosen on the command line), or a refusal."""
    group = resolve_group(db, officer=key)
    rows = db.query("SELECT * FROM officers WHERE id = ?", (group.officer_id,))
    return rows[0]


def unit_kind(db: Database) -> str:
    office = db.get_setting("office") or {}
    return str((office if isinstance(office, dict) else {}).get("unit_kind") or "bapas")


def month_guidance_ids(db: Database, group: Group, first: date, last: date) -> list[int]:
    """Guidance programs of the group active in a month: active on its first day, or active on its
    last day having started in it (a client who arrives mid-month gets that month's card).
    Both through queries.active_on; register order."""
    where, params = _group_sql(group)
    on_first, first_params = active_on("p", first)
    on_last, last_params = active_on("p", last)
    return [r[0] for r in db.conn.execute(
        f"SELECT p.id {_PROGRAM_JOINS} WHERE ({on_first} OR ({on_last} AND p.start_date >= ?))"
        f" AND s.deleted_at IS NULL AND c.deleted_at IS NULL AND k.guidance = 1 AND {where}"
        f" ORDER BY {REGISTER_ORDER}", [*first_params, *last_params, first.isoformat(), *params])]
