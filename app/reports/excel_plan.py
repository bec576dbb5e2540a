"""What an import would do with each row: the matching rules of issue 12, without writing anything.

* The same NIK (or, for a foreigner, passport) as a person in the database or further
  up the file is the same person: matched, not duplicated.
* The same folded name and birth date with a different or missing NIK needs the
  officer's decision ("kemungkinan sama"): the same person or a new one.  When the
  candidate already has this very program (kind and start), that settles it.
* A match never overwrites a filled field: an empty field is filled, and a filled one
  that differs is listed for the officer to accept.
* A program matches on person, kind and start date; its case is one of the person's
  cases with the same verdict number (or the same offence), else a new case.
* A register number taken by another program, or not following the office's pattern,
  goes into the program's remarks and the next number is given as on the entry form.
* So importing the same file twice changes nothing the second time.

The plan is made twice: on the reading connection for the preview, and again inside
the import's transaction (app.operations.importer), so it follows the records as
they are when the import is written.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.models.dates import format_date_id
from app.models.excel_queries import ImportQueries
from app.models.i18n import tr
from app.models.names import fold_name as _fold_name
from app.models.validation import client_class_for
from app.reports.excel_import import ParsedSheet, Record
from app.reports.excel_values import fold

# Officers' names repeat on every row: fold each spelling once.
fold_name = functools.lru_cache(maxsize=4096)(_fold_name)
NEW = "new"
DB = "db"
Key = tuple[str, int]  # ("db", id) or ("new", the row that creates it)

PERSON_FIELDS = (
    ("name", "Nama"), ("alias", "Alias"), ("nik", "NIK"), ("passport", "No. paspor"),
    ("nationality", "Kewarganegaraan"), ("sex", "Jenis kelamin"), ("birth_place", "Tempat lahir"),
    ("birth_date", "Tanggal lahir"), ("religion", "Agama"), ("education", "Pendidikan"),
    ("occupation", "Pekerjaan"), ("address", "Alamat"), ("phone", "No. telepon"),
    ("family_contact", "Keluarga"), ("guarantor", "Penjamin"),
)
CASE_FIELDS = (
    ("offence_date", "Tanggal tindak pidana"), ("offence_category_id", "Jenis kejahatan"), ("articles", "Pasal"),
    ("statute", "Undang-undang"), ("verdict_number", "No. putusan"), ("verdict_date", "Tanggal putusan"),
    ("court", "Pengadilan"), ("sentences", "Lama pidana"), ("detention_start", "Tanggal mulai ditahan"),
)
PROGRAM_FIELDS = (
    ("sk_number", "No. SK"), ("sk_date", "Tanggal SK"), ("end_date", "Akhir bimbingan"), ("officer_id", "PK"),
    ("status", "Status"),
)
# Differences the import cannot apply by itself: a status changes through "Ubah status".
NOT_ACCEPTABLE = {("programs", "status"), ("persons", "name")}


@dataclass
class Difference:
    row: int
    table: str          # persons, cases, programs
    target: Key
    field: str
    label: str
    current: str
    incoming: str
    value: Any

    @property
    def acceptable(self) -> bool:
        return (self.table, self.field) not in NOT_ACCEPTABLE

    def key(self) -> tuple[int, str, str]:
        return self.row, self.table, self.field


@dataclass
class Candidate:
    key: Key
    name: str
    nik: str
    birth_date: str
    where: str  # "database" or "row N"


@dataclass
class RowPlan:
    record: Record
    outcome: str = "create"    # create, match, decide, reject
    person: Key | None = None
    case: Key | None = None
    program: Key | None = None
    candidates: list[Candidate] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    fills: list[Difference] = field(default_factory=list)
    officer_id: int | None = None
    officer_new: str | None = None    # folded name of an officer the import creates
    officer_missing: str = ""
    category_id: int | None = None
    register: str | None = None       # None: the next number from the pattern
    remarks: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    note: str = ""                    # what the row matched ("sama dengan baris 7")

    @property
    def row(self) -> int:
        return self.record.row


@dataclass
class Decisions:
    """What the officer decided in the preview (the command line decides nothing)."""

    same: dict[int, Key] = field(default_factory=dict)   # row -> the person it is
    new: set[int] = field(default_factory=set)           # rows that are a new person
    accept: set[tuple[int, str, str]] = field(default_factory=set)  # (row, table, field)
    create_officers: bool = False
    officers: set[str] = field(default_factory=set)      # folded names to create
    categories: dict[str, int | None] = field(default_factory=dict)  # folded offence text -> category


@dataclass
class Plan:
    parsed: ParsedSheet
    rows: list[RowPlan]
    new_officers: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded -> (name, nip)
    missing_officers: dict[str, list[int]] = field(default_factory=dict)    # name -> rows
    unknown_offences: dict[str, list[int]] = field(default_factory=dict)    # text -> rows
    officer_names: dict[str, str] = field(default_factory=dict)             # folded -> name as written

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome) + (
            len(self.parsed.rejected) if outcome == "reject" else 0)

    def new_records(self) -> dict[str, int]:
        rows = [r for r in self.rows if r.outcome in ("create", "match")]
        return {
            "persons": sum(1 for r in rows if r.person == (NEW, r.row)),
            "cases": sum(1 for r in rows if r.case == (NEW, r.row)),
            "programs": sum(1 for r in rows if r.program == (NEW, r.row)),
            "officers": len(self.new_officers),
        }

    def rejected(self) -> list[tuple[int, list[str], list[Any]]]:
        """(row, reasons, cells) of every row that is not imported, in row order (decisions pending included)."""
        out = [(r.row, r.reasons, r.cells) for r in self.parsed.rejected]
        for rp in self.rows:
            if rp.outcome == "reject":
                out.append((rp.row, rp.reasons, rp.record.cells))
            elif rp.outcome == "decide":
                out.append((rp.row, [_decide_reason(rp)], rp.record.cells))
        return sorted(out, key=lambda t: t[0])

    def summary(self) -> dict[str, Any]:
        """What --json prints and the wizard shows (the same numbers)."""
        return {
            "file": self.parsed.path.name, "sheet": self.parsed.sheet, "header_row": self.parsed.header.row + 1,
            "rows": len(self.rows) + len(self.parsed.rejected),
            "created": self.count("create"), "matched": self.count("match"), "decide": self.count("decide"),
            "rejected": self.count("reject"), "new": self.new_records(),
            "differences": sum(len(r.differences) for r in self.rows),
            "officers_missing": sorted(self.missing_officers),
            "unknown_offences": sorted(self.unknown_offences),
            "rejections": [{"row": row, "reasons": reasons} for row, reasons, _ in self.rejected()
                           if row not in {r.row for r in self.rows if r.outcome == "decide"}],
            "decisions": [{"row": r.row, "name": r.record.person.name,
                           "candidates": [{"name": c.name, "nik": c.nik, "birth_date": c.birth_date,
                                           "where": c.where} for c in r.candidates]}
                          for r in self.rows if r.outcome == "decide"],
        }


def _decide_reason(rp: RowPlan) -> str:
    names = "; ".join(f"{c.name} ({c.where})" for c in rp.candidates)
    return tr("perlu keputusan: kemungkinan sama dengan {n}", "needs a decision: possibly the same as {n}", n=names)


# -- making the plan ------------------------------------------------------------------------

def _stored(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == "[]"


def _shown(table: str, field_name: str, value: Any, names: dict[str, dict[int, str]]) -> str:
    if _empty(value):
        return "–"
    if field_name in ("offence_date", "verdict_date", "detention_start", "birth_date", "sk_date", "end_date"):
        return format_date_id(date.fromisoformat(value))
    if field_name == "offence_category_id":
        return names["categories"].get(value, str(value))
    if field_name == "officer_id":
        return names["officers"].get(value, str(value))
    if field_name == "sentences":
        from app.models.durations import Duration
        return ", ".join(Duration.parse(s).label_id() for s in json.loads(value))
    if field_name == "sex":
        return "Laki-laki" if value == "L" else "Perempuan"
    return str(value)


def _same(field_name: str, a: Any, b: Any) -> bool:
    if field_name == "name":
        return fold_name(str(a)) == fold_name(str(b))
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    return a == b


class _Planner:
    def __init__(self, db, parsed: ParsedSheet, decisions: Decisions, today: date):
        self.q = ImportQueries(db)
        self.parsed = parsed
        self.decisions = decisions
        self.today = today
        records = parsed.records
        self.db_nik = self.q.persons_by_nik(r.person.nik for r in records)
        self.db_passport = self.q.persons_by_passport(r.person.passport for r in records if not r.person.nik)
        self.db_name = self.q.persons_by_name(r.name_key for r in records)
        ids = {p["id"] for p in self.db_nik.values()} | {p["id"] for p in self.db_passport.values()}
        ids |= {p["id"] for group in self.db_name.values() for p in group}
        self.db_persons = {p["id"]: p for p in (*self.db_nik.values(), *self.db_passport.values(),
                                                 *(p for g in self.db_name.values() for p in g))}
        self.db_programs = self.q.programs_of(ids)
        self.db_cases = self.q.cases_of(ids)
        self.registers = self.q.registers_in_use(r.register_number for r in records)
        self.kinds = {k["code"]: k for k in self.q.program_kinds()}
        self.categories = self.q.offence_categories()
        self.category_by_name = {c["name"]: c["id"] for c in self.categories}
        self.category_by_fold = {fold(c["name"]): c["id"] for c in self.categories}
        officers = self.q.officers()
        self.officer_by_nip = {o["nip"]: o["id"] for o in officers if o["nip"]}
        self.officer_by_fold: dict[str, int] = {}
        for o in officers:
            self.officer_by_fold.setdefault(fold_name(o["name"]), o["id"])
        self.names = {"categories": {c["id"]: c["name"] for c in self.categories},
                      "officers": {o["id"]: o["name"] for o in officers}}
        from app.operations.clients import DEFAULT_REGISTER_PATTERN

        self.pattern = self.q.register_pattern() or DEFAULT_REGISTER_PATTERN
        # Keys seen further up the file.
        self.file_nik: dict[str, Key] = {}
        self.file_passport: dict[str, Key] = {}
        self.file_name: dict[tuple[str, str], list[tuple[Key, Record]]] = {}
        self.file_programs: dict[Key, list[tuple[str, str, Key, Key]]] = {}  # kind, start, program, case
        self.file_cases: dict[Key, list[tuple[Record, Key]]] = {}
        self.file_registers: set[str] = set()
        self.person_record: dict[Key, Record] = {}
        self.plan = Plan(parsed, [])

    # -- persons --------------------------------------------------------------------------------
    def person_of(self, rp: RowPlan) -> Key | None:
        rec = rp.record
        p = rec.person
        if p.nik:
            found = self.db_nik.get(p.nik)
            if found is not None:
                if found["deleted_at"]:
                    rp.reasons.append(tr(
                        "NIK {n} milik {name}, yang ada di tempat sampah: pulihkan dulu dari Data > Tempat sampah",
                        "NIK {n} belongs to {name}, who is in the bin: restore them first from Data > Bin",
                        n=p.nik, name=found["name"]))
                    return None
                rp.note = tr("NIK sama dengan {name} di basis data", "same NIK as {name} in the database",
                             name=found["name"])
                return (DB, found["id"])
            if p.nik in self.file_nik:
                key = self.file_nik[p.nik]
                rp.note = tr("NIK sama dengan baris {r}", "same NIK as row {r}", r=key[1])
                return key
        elif p.passport:
            found = self.db_passport.get(p.passport)
            if found is not None:
                rp.note = tr("paspor sama dengan {name} di basis data", "same passport as {name} in the database",
                             name=found["name"])
                return (DB, found["id"])
            if p.passport in self.file_passport:
                key = self.file_passport[p.passport]
                rp.note = tr("paspor sama dengan baris {r}", "same passport as row {r}", r=key[1])
                return key
        candidates = self._name_candidates(rec)
        if not candidates:
            return self._new_person(rp)
        for key, _ in candidates:
            if self._has_program(key, rec):
                rp.note = tr("nama, tanggal lahir dan program sama", "same name, birth date and program")
                return key
        decided = self.decisions.same.get(rec.row)
        if decided is not None and decided in {k for k, _ in candidates}:
            rp.note = tr("diputuskan: orang yang sama", "decided: the same person")
            return decided
        if rec.row in self.decisions.new:
            return self._new_person(rp)
        rp.outcome = "decide"
        rp.candidates = [c for _, c in candidates]
        return None

    def _name_candidates(self, rec: Record) -> list[tuple[Key, Candidate]]:
        out: list[tuple[Key, Candidate]] = []
        for p in self.db_name.get(rec.name_key, []):
            out.append(((DB, p["id"]), Candidate((DB, p["id"]), p["name"], p["nik"] or p["passport"] or "",
                                                 p["birth_date"], tr("basis data", "database"))))
        for key, other in self.file_name.get(rec.name_key, []):
            out.append((key, Candidate(key, other.person.name, other.person.nik or other.person.passport,
                                       rec.name_key[1], tr("baris {r}", "row {r}", r=key[1]))))
        return out

    def _has_program(self, key: Key, rec: Record) -> bool:
        if rec.kind_code is None or rec.start_date is None:
            return False
        return self._find_program(key, rec) is not None

    def _new_person(self, rp: RowPlan) -> Key:
        rec = rp.record
        key = (NEW, rec.row)
        if rec.person.nik:
            self.file_nik[rec.person.nik] = key
        elif rec.person.passport:
            self.file_passport[rec.person.passport] = key
        self.file_name.setdefault(rec.name_key, []).append((key, rec))
        self.person_record[key] = rec
        return key

    # -- programs and cases ---------------------------------------------------------------------
    def _find_program(self, key: Key, rec: Record) -> tuple[Key, Key, dict | None] | None:
        start = rec.start_date.isoformat() if rec.start_date else None
        if key[0] == DB:
            for pr in self.db_programs.get(key[1], []):
                if pr["kind_code"] == rec.kind_code and pr["start_date"] == start:
                    return (DB, pr["id"]), (DB, pr["case_id"]), pr
        for kind, begin, program, case in self.file_programs.get(key, []):
            if kind == rec.kind_code and begin == start:
                return program, case, None
        return None

    def _find_case(self, key: Key, rec: Record) -> tuple[Key, dict | None] | None:
        if rec.case is None:
            return None
        verdict = " ".join(rec.case.verdict_number.split())
        if key[0] == DB:
            for c in self.db_cases.get(key[1], []):
                if verdict and c["verdict_number"] == verdict:
                    return (DB, c["id"]), c
                if not verdict and not c["verdict_number"] and rec.offence_text and (
                        c["offence_text"] == rec.offence_text
                        or (c["articles"] and c["articles"] == rec.case.articles)):
                    return (DB, c["id"]), c
        for other, case_key in self.file_cases.get(key, []):
            o = other.case
            assert o is not None
            if verdict and o.verdict_number == verdict:
                return case_key, None
            if not verdict and not o.verdict_number and (other.offence_text, o.articles, o.offence_date) == (
                    rec.offence_text, rec.case.articles, rec.case.offence_date):
                return case_key, None
        return None

    def plan_row(self, rec: Record) -> RowPlan:
        rp = RowPlan(rec)
        key = self.person_of(rp)
        if rp.reasons:
            rp.outcome = "reject"
            return rp
        if key is None:
            return rp  # decide
        rp.person = key
        self._officer(rp)
        self._category(rp)
        found = self._find_program(key, rec) if rec.kind_code and rec.start_date else None
        if found is not None:
            rp.program, rp.case, db_program = found
            if rp.program[0] == NEW:
                rp.note = tr("sama dengan baris {r}", "same as row {r}", r=rp.program[1])
            if db_program is not None:
                self._compare_program(rp, db_program)
        elif rec.kind_code:
            rp.program = (NEW, rec.row)
            case = self._find_case(key, rec)
            rp.case = case[0] if case else (NEW, rec.row)
            self._register(rp)
            self.file_programs.setdefault(key, []).append(
                (rec.kind_code, rec.start_date.isoformat() if rec.start_date else "", rp.program, rp.case))
        elif rec.case is not None:
            case = self._find_case(key, rec)
            rp.case = case[0] if case else (NEW, rec.row)
        if rp.case == (NEW, rec.row):
            self.file_cases.setdefault(key, []).append((rec, rp.case))
        elif rp.case is not None and rp.case[0] == DB:
            case_row = next((c for c in self.db_cases.get(key[1], []) if c["id"] == rp.case[1]), None) \
                if key[0] == DB else None
            if case_row is not None:
                self._compare_case(rp, case_row)
        if key[0] == DB:
            self._compare_person(rp, self.db_persons[key[1]])
        created = rp.person == (NEW, rec.row) or rp.case == (NEW, rec.row) or rp.program == (NEW, rec.row)
        rp.outcome = "create" if created else "match"
        return rp

    def _register(self, rp: RowPlan) -> None:
        from app.operations.clients import _parse_seq

        rec = rp.record
        rp.remarks = list(rec.remarks)
        number = rec.register_number
        if not number:
            return
        start = rec.start_date or self.today
        if number in self.registers or number in self.file_registers:
            rp.remarks.append(tr("No. register di berkas {n} sudah dipakai program lain",
                                 "Register number {n} in the file is used by another program", n=number))
        elif _parse_seq(self.pattern, number, rec.kind_code or "", start.year, start.month) is None:
            rp.remarks.append(tr("No. register lama: {n}", "Old register number: {n}", n=number))
        else:
            rp.register = number
            self.file_registers.add(number)

    def _officer(self, rp: RowPlan) -> None:
        rec = rp.record
        if rec.officer_nip and rec.officer_nip in self.officer_by_nip:
            rp.officer_id = self.officer_by_nip[rec.officer_nip]
            return
        if not rec.officer_name:
            return
        folded = fold_name(rec.officer_name)
        if folded in self.officer_by_fold:
            rp.officer_id = self.officer_by_fold[folded]
            return
        self.plan.officer_names.setdefault(folded, rec.officer_name)
        if self.decisions.create_officers or folded in self.decisions.officers:
            rp.officer_new = folded
            self.plan.new_officers.setdefault(folded, (rec.officer_name, _valid_nip(rec.officer_nip)))
        else:
            rp.officer_missing = rec.officer_name
            # One entry per officer however the rows spell them ("Drs. Suparman", "SUPARMAN").
            shown = self.plan.officer_names[folded]
            self.plan.missing_officers.setdefault(shown, []).append(rec.row)

    def _category(self, rp: RowPlan) -> None:
        rec = rp.record
        text = rec.offence_text
        if not text and rec.category is None:
            return
        folded = fold(text)
        if folded in self.decisions.categories:
            rp.category_id = self.decisions.categories[folded]
            return
        if folded in self.category_by_fold:  # the category's own name first
            rp.category_id = self.category_by_fold[folded]
        elif rec.category and rec.category in self.category_by_name:
            rp.category_id = self.category_by_name[rec.category]
        elif text:
            self.plan.unknown_offences.setdefault(text, []).append(rec.row)

    # -- differences ------------------------------------------------------------------------------
    def _diff(self, rp: RowPlan, table: str, target: Key, field_name: str, label: str, current: Any,
              incoming: Any) -> None:
        if _empty(incoming) or _same(field_name, current, incoming):
            return
        d = Difference(rp.row, table, target, field_name, label, _shown(table, field_name, current, self.names),
                       _shown(table, field_name, incoming, self.names), incoming)
        if _empty(current):
            rp.fills.append(d)
        else:
            rp.differences.append(d)

    def _compare_person(self, rp: RowPlan, db_person: dict[str, Any]) -> None:
        p = rp.record.person
        for name, label in PERSON_FIELDS:
            incoming = _stored(getattr(p, name))
            if name == "nationality" and incoming == "Indonesia":
                continue
            if name == "nik" and incoming and incoming in self.db_nik:
                continue  # taken by someone else: the row matched by name, not by this NIK
            self._diff(rp, "persons", (DB, db_person["id"]), name, label, db_person[name], incoming)

    def _compare_case(self, rp: RowPlan, db_case: dict[str, Any]) -> None:
        rec = rp.record
        c = rec.case
        if c is None:
            return
        incoming = {
            "offence_date": _stored(c.offence_date), "offence_category_id": rp.category_id,
            "articles": c.articles, "statute": c.statute, "verdict_number": c.verdict_number,
            "verdict_date": _stored(c.verdict_date), "court": c.court,
            "sentences": json.dumps([s.compact() for s in c.sentences]) if c.sentences else None,
            "detention_start": _stored(c.detention_start),
        }
        person = self.db_persons.get(rp.person[1]) if rp.person and rp.person[0] == DB else None
        if incoming["offence_date"] and person and db_case["offence_date"] is None:
            # The offence date decides adult or child: filled only when it agrees with the class kept.
            klass = client_class_for(date.fromisoformat(person["birth_date"]), c.offence_date)
            if klass != db_case["client_class"] and db_case["class_basis"] == "stated":
                rp.differences.append(Difference(rp.row, "cases", (DB, db_case["id"]), "offence_date",
                                                 "Tanggal tindak pidana", "–",
                                                 format_date_id(c.offence_date), incoming["offence_date"]))
                incoming["offence_date"] = None
        for name, label in CASE_FIELDS:
            self._diff(rp, "cases", (DB, db_case["id"]), name, label, db_case[name], incoming[name])

    def _compare_program(self, rp: RowPlan, db_program: dict[str, Any]) -> None:
        rec = rp.record
        officer = rp.officer_id
        incoming = {"sk_number": rec.sk_number, "sk_date": _stored(rec.sk_date), "end_date": _stored(rec.end_date),
                    "officer_id": officer, "status": rec.status if rec.status != "aktif" else None}
        for name, label in PROGRAM_FIELDS:
            self._diff(rp, "programs", (DB, db_program["id"]), name, label, db_program[name], incoming[name])
        rp.fills = [d for d in rp.fills if not (d.table == "programs" and d.field == "status")]


def _valid_nip(nip: str) -> str:
    from app.models.errors import UserInputError
    from app.models.identity import validate_nip

    if not nip:
        return ""
    try:
        validate_nip(nip)
    except UserInputError:
        return ""
    return nip


def make_plan(db, parsed: ParsedSheet, decisions: Decisions | None = None, *, today: date | None = None,
              progress=None) -> Plan:
    """Match every record of the sheet against the database (and the rows above it)."""
    planner = _Planner(db, parsed, decisions or Decisions(), today or date.today())
    total = len(parsed.records)
    for n, rec in enumerate(parsed.records, 1):
        planner.plan.rows.append(planner.plan_row(rec))
        if progress and n % 500 == 0:
            progress(n, total)
    planner.plan.parsed = parsed
    return planner.plan


__all__ = ["Candidate", "Decisions", "Difference", "Plan", "RowPlan", "make_plan"]
