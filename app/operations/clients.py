"""Operations on clients and inmates: persons, their cases and programs, statuses, the bin.

Enter once: a person is created with their first case and program in one
transaction; a second case or program is added to the existing person.  Suspicious
input (a NIK that disagrees with the birth date, a likely duplicate) raises
``ConfirmationNeeded`` until the officer decides; impossible input raises
``ValidationErrors``.  Deleting moves records to the bin, from which they return.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import date
from typing import Any

from app.models.domain import (
    DETENTION_AUTHORITIES, CaseInput, Confirmations, PersonInput, ProgramInput, StatusChange,
    as_dict,
)
from app.models.errors import ConfirmationNeeded, UserInputError, ValidationErrors
from app.models.i18n import tr
from app.models.identity import check_nik, normalise_digits
from app.models.names import fold_name, sort_key
from app.models.schema import PROGRAM_STATUSES
from app.models.schema import default_basis
from app.models.storage import Database, now_text
from app.models.validation import (
    case_errors, class_for_case, person_errors, program_errors, raise_if,
)
from app.operations import OpChanges, OpResult
from app.operations.common import changed_fields, iso, require_row, row, today_or
from app.operations.index import reindex_persons
from app.operations.sentence import recompute_case

DEFAULT_REGISTER_PATTERN = "{seq}/{program}/{year}"
_PERSON_FIELDS = ("name", "alias", "nik", "passport", "nationality", "sex", "birth_place", "birth_date",
                  "religion", "education", "occupation", "address", "phone", "family_contact", "guarantor",
                  # printing (issue 11): the guarantor's details
                  "guarantor_relation", "guarantor_address", "guarantor_phone")


# -- persons -----------------------------------------------------------------------

def _person_values(p: PersonInput, name_fold: str | None = None) -> dict[str, Any]:
    """The persons row; ``name_fold`` when the caller has folded the name already (an import)."""
    nik = normalise_digits(p.nik) or None
    return {
        "name": " ".join(p.name.split()),
        "name_sort": sort_key(p.name),
        "name_fold": fold_name(p.name) if name_fold is None else name_fold,
        "alias": p.alias.strip(),
        "nik": nik,
        "passport": p.passport.strip().upper() or None,
        "nationality": p.nationality.strip() or "Indonesia",
        "sex": p.sex,
        "birth_place": p.birth_place.strip(),
        "birth_date": iso(p.birth_date),
        "religion": p.religion.strip(),
        "education": p.education.strip(),
        "occupation": p.occupation.strip(),
        "address": p.address.strip(),
        "phone": p.phone.strip(),
        "family_contact": p.family_contact.strip(),
        "guarantor": p.guarantor.strip(),
        # printing (issue 11)
        "guarantor_relation": p.guarantor_relation.strip(),
        "guarantor_address": p.guarantor_address.strip(),
        "guarantor_phone": p.guarantor_phone.strip(),
    }


def find_duplicates(db: Database, p: PersonInput, exclude_id: int | None = None) -> list[dict[str, Any]]:
    """Persons who look like the same person: same NIK, or same folded name and birth date."""
    nik = normalise_digits(p.nik)
    found: dict[int, dict[str, Any]] = {}
    sql = ("SELECT id, name, alias, nik, birth_date, birth_place, deleted_at FROM persons WHERE {w}"
           " AND id IS NOT ?")
    if nik:
        for r in db.query(sql.format(w="nik = ?"), (nik, exclude_id)):
            found[r["id"]] = {**r, "reason": "nik"}
    if p.name.strip() and p.birth_date:
        for r in db.query(sql.format(w="name_fold = ? AND birth_date = ?"),
                          (fold_name(p.name), p.birth_date.isoformat(), exclude_id)):
            found.setdefault(r["id"], {**r, "reason": "name_birth"})
    return list(found.values())


def _confirm_person(db: Database, p: PersonInput, confirm: Confirmations, *,
                    exclude_id: int | None = None, previous: dict[str, Any] | None = None,
                    check_duplicates: bool = True) -> str:
    """Raise ConfirmationNeeded unless the officer decided; return the NIK note to store.

    A second person beside a likely duplicate needs the officer's reason, as a NIK that
    disagrees with the birth date does (issue 9): ``duplicate_ok`` alone is refused.
    """
    nik = normalise_digits(p.nik)
    nik_problems = check_nik(nik, p.birth_date, p.sex) if nik else []
    note = ""
    if nik_problems:
        unchanged = previous is not None and previous.get("nik_note") and (
            previous["nik"], previous["birth_date"], previous["sex"]) == (nik, iso(p.birth_date), p.sex)
        if confirm.nik_reason.strip():
            note = confirm.nik_reason.strip()
        elif unchanged:
            note = previous["nik_note"]  # type: ignore[index]
    duplicates = find_duplicates(db, p, exclude_id) if check_duplicates else []
    same_nik = [d for d in duplicates if d["reason"] == "nik"]
    if same_nik and confirm.duplicate_ok:
        d = same_nik[0]
        raise UserInputError(tr(
            "NIK {n} sudah terdaftar atas nama {name}{bin}. Satu NIK hanya untuk satu orang.",
            "NIK {n} is already registered to {name}{bin}. One NIK belongs to one person.",
            n=nik, name=d["name"], bin=tr(" (di tempat sampah)", " (in the bin)") if d["deleted_at"] else ""),
            field="person.nik", code="nik_taken")
    if duplicates and confirm.duplicate_ok and not confirm.duplicate_reason.strip():
        raise UserInputError(tr(
            "Tulis alasan mengapa ini orang yang berbeda dari {names}.",
            "Write why this is a different person from {names}.",
            names=", ".join(d["name"] for d in duplicates)), field="person.duplicate_reason",
            code="duplicate_reason")
    need_nik = bool(nik_problems) and not note
    need_dup = bool(duplicates) and not confirm.duplicate_ok
    if need_nik or need_dup:
        parts = []
        if need_nik:
            parts.append(tr("NIK tidak cocok dengan data yang diisi; isi alasan bila NIK memang benar.",
                            "The NIK disagrees with the data entered; give a reason if it is right."))
        if need_dup:
            parts.append(tr("Orang yang mirip sudah terdaftar: {names}.",
                            "A similar person is already registered: {names}.",
                            names=", ".join(d["name"] for d in duplicates)))
        raise ConfirmationNeeded(" ".join(parts), nik_problems=nik_problems if need_nik else [],
                                 duplicates=duplicates if need_dup else [])
    return note


def _validate_all(db: Database, p: PersonInput | None, birth_date: date | None, case: CaseInput | None,
                  program: ProgramInput | None, today: date) -> None:
    errors = person_errors(p, today) if p is not None else []
    if case is not None:
        errors += case_errors(case, birth_date, today)
    if program is not None:
        klass = None
        child_only = _kind(db, program.kind_id).get("child_only", 0) == 1 if program.kind_id else False
        if case is not None:
            klass = class_for_case(case, birth_date, program.start_date, child_only)[0]
        errors += program_errors(program, child_only=child_only, client_class=klass, today=today)
        if program.officer_id is not None:
            officer = row(db.conn, "officers", program.officer_id)
            if officer is None or not officer["active"]:
                errors.append(UserInputError(tr("PK tidak aktif atau tidak ada.", "The PK is inactive or unknown."),
                                             field="program.officer_id"))
    raise_if(errors)


def _kind(db: Database, kind_id: int | None) -> dict[str, Any]:
    if kind_id is None:
        return {}
    found = row(db.conn, "program_kinds", kind_id)
    if found is None:
        raise UserInputError(tr("Jenis program tidak dikenal.", "Unknown program."), field="program.kind_id")
    return found


def create_client(db: Database, person: PersonInput, case: CaseInput | None = None,
                  program: ProgramInput | None = None, confirm: Confirmations | None = None, *,
                  today: date | None = None) -> OpResult:
    """Enter a person once, with their case and program, in one transaction."""
    today = today_or(today)
    confirm = confirm or Confirmations()
    if program is not None and case is None:
        raise UserInputError(tr("Program memerlukan data perkara.", "A program needs a case."), field="case")
    _validate_all(db, person, person.birth_date, case, program, today)
    with db.transaction() as conn:
        nik_note = _confirm_person(db, person, confirm)
        values = _person_values(person)
        values.update(nik_note=nik_note,
                      duplicate_note=confirm.duplicate_reason.strip() if confirm.duplicate_ok else "",
                      created_at=now_text(), updated_at=now_text())
        cols = ", ".join(values)
        cur = conn.execute(f"INSERT INTO persons({cols}) VALUES ({', '.join(':' + k for k in values)})", values)
        person_id = int(cur.lastrowid)
        after: dict[str, Any] = {"person": as_dict(person)}
        if nik_note:
            after["nik_note"] = nik_note
        if values["duplicate_note"]:
            after["duplicate_note"] = values["duplicate_note"]
        case_id = None
        created: dict[str, list[int]] = {"persons": [person_id]}
        if case is not None:
            case_id = _insert_case(db, person_id, person.birth_date, case, program)
            after["case"] = as_dict(case)
            created["cases"] = [case_id]
        if program is not None and case_id is not None:
            program_id = _insert_program(db, person_id, case_id, program, today)
            after["program"] = {**as_dict(program),
                                "register_number": _register_of(db, program_id)}
            created["programs"] = [program_id]
        reindex_persons(conn, [person_id])
        db.audit("tambah klien", "person", person_id, after=after, person_id=person_id, created=created)
    return OpResult(OpChanges(persons=frozenset({person_id}), lists=True), id=person_id)


def update_person(db: Database, person_id: int, person: PersonInput,
                  confirm: Confirmations | None = None, *, today: date | None = None) -> OpResult:
    today = today_or(today)
    confirm = confirm or Confirmations()
    _validate_all(db, person, person.birth_date, None, None, today)
    with db.transaction() as conn:
        before = require_row(conn, "persons", person_id)
        # Unchanged name, birth date and NIK: any look-alike was decided when the person was entered.
        nik_note = _confirm_person(db, person, confirm, exclude_id=person_id, previous=before,
                                   check_duplicates=_identity_changed(before, person))
        # The cases' adult/child class follows from the birth date: check they still agree.
        for c in db.query("SELECT * FROM cases WHERE person_id = ? AND deleted_at IS NULL", (person_id,)):
            raise_if(case_errors(_case_input_from_row(c), person.birth_date, today))
        values = _person_values(person)
        values.update(nik_note=nik_note, updated_at=now_text())
        if confirm.duplicate_ok and confirm.duplicate_reason.strip():
            values["duplicate_note"] = confirm.duplicate_reason.strip()
        sets = ", ".join(f"{k} = :{k}" for k in values)
        conn.execute(f"UPDATE persons SET {sets} WHERE id = :id", {**values, "id": person_id})
        b, a = changed_fields(before, values)
        reindex_persons(conn, [person_id])
        db.audit("ubah identitas", "person", person_id, before=b, after=a, person_id=person_id)
    return OpResult(OpChanges(persons=frozenset({person_id}), lists=True), id=person_id)


def _identity_changed(before: dict[str, Any], p: PersonInput) -> bool:
    return (before["name_fold"], before["birth_date"], before["nik"]) != (
        fold_name(p.name), iso(p.birth_date), normalise_digits(p.nik) or None)


# -- cases -----------------------------------------------------------------------

def register_class(case: CaseInput) -> str | None:
    """Register class of a Lapas/Rutan (domain.md): A.I-A.V detainees, B.I-B.III convicts."""
    if case.sentence_kind == "none":
        return DETENTION_AUTHORITIES.get(case.detention_authority or "")
    if case.sentence_kind in ("life", "death"):
        return "B.I"
    p30 = sum((s.days30 for s in case.sentences), 0)
    if p30 == 0:
        return "B.III" if case.subsider.days30 > 0 else None
    if p30 > 360:
        return "B.I"
    if p30 > 90:
        return "B.IIa"
    return "B.IIb"


def _case_values(case: CaseInput, birth_date: date | None, program_start: date | None = None,
                 child_only: bool = False) -> dict[str, Any]:
    klass, basis = class_for_case(case, birth_date, program_start, child_only)
    sentences = [s.compact() for s in case.sentences if not s.is_zero] if case.sentence_kind == "term" else []
    return {
        "client_class": klass,
        "class_basis": basis,
        "offence_date": iso(case.offence_date),
        "offence_category_id": case.offence_category_id,
        "articles": case.articles.strip(),
        "statute": case.statute.strip(),
        "verdict_number": case.verdict_number.strip(),
        "verdict_date": iso(case.verdict_date),
        "court": case.court.strip(),
        "sentence_kind": case.sentence_kind,
        "sentences": json.dumps(sentences),
        "sentence_p30": sum((s.days30 for s in case.sentences), 0) if case.sentence_kind == "term" else None,
        "fine": int(case.fine or 0),
        "subsider": "" if case.subsider.is_zero else case.subsider.compact(),
        "fine_paid": int(bool(case.fine_paid)),
        "detention_start": iso(case.detention_start),
        "city_detention_days": int(case.city_detention_days or 0),
        "house_detention_days": int(case.house_detention_days or 0),
        "detention_authority": case.detention_authority if case.sentence_kind == "none" else None,
        "remission_total_days": case.remission_total_days,
        "register_class": register_class(case),
    }


def _case_input_from_row(c: dict[str, Any]) -> CaseInput:
    from app.models.dates import from_iso
    from app.models.durations import Duration
    # A class read from a program (not said by anyone) stays "automatic", so saving the
    # case unchanged keeps it marked to be checked.
    stated = c["client_class"] if c.get("class_basis", "offence") in ("offence", "stated") else None
    return CaseInput(
        offence_date=from_iso(c["offence_date"]), client_class=stated,
        offence_category_id=c["offence_category_id"], articles=c["articles"], statute=c["statute"],
        verdict_number=c["verdict_number"], verdict_date=from_iso(c["verdict_date"]), court=c["court"],
        sentence_kind=c["sentence_kind"],
        sentences=[Duration.parse(s) for s in json.loads(c["sentences"] or "[]")],
        fine=c["fine"], subsider=Duration.parse(c["subsider"]) if c["subsider"] else Duration(),
        fine_paid=bool(c["fine_paid"]), detention_start=from_iso(c["detention_start"]),
        city_detention_days=c["city_detention_days"], house_detention_days=c["house_detention_days"],
        detention_authority=c["detention_authority"], remission_total_days=c["remission_total_days"])


def case_input(db: Database, case_id: int) -> CaseInput:
    """A stored case as the form's input (for editing)."""
    return _case_input_from_row(require_row(db.conn, "cases", case_id))


def _insert_case(db: Database, person_id: int, birth_date: date | None, case: CaseInput,
                 program: ProgramInput | None = None) -> int:
    child_only = bool(program and program.kind_id and _kind(db, program.kind_id).get("child_only"))
    values = _case_values(case, birth_date, program.start_date if program else None, child_only)
    values.update(person_id=person_id, created_at=now_text(), updated_at=now_text())
    cols = ", ".join(values)
    cur = db.conn.execute(f"INSERT INTO cases({cols}) VALUES ({', '.join(':' + k for k in values)})", values)
    case_id = int(cur.lastrowid)
    recompute_case(db, case_id)
    return case_id


def add_case(db: Database, person_id: int, case: CaseInput, program: ProgramInput | None = None, *,
             today: date | None = None) -> OpResult:
    """A second (or later) case for an existing person, with an optional program."""
    today = today_or(today)
    person = require_row(db.conn, "persons", person_id)
    birth = date.fromisoformat(person["birth_date"])
    _validate_all(db, None, birth, case, program, today)
    with db.transaction() as conn:
        case_id = _insert_case(db, person_id, birth, case, program)
        after: dict[str, Any] = {"case": as_dict(case)}
        created: dict[str, list[int]] = {"cases": [case_id]}
        if program is not None:
            program_id = _insert_program(db, person_id, case_id, program, today)
            after["program"] = {**as_dict(program), "register_number": _register_of(db, program_id)}
            created["programs"] = [program_id]
        reindex_persons(conn, [person_id])
        db.audit("tambah perkara", "case", case_id, after=after, person_id=person_id, created=created)
    return OpResult(OpChanges(persons=frozenset({person_id}), lists=True), id=case_id)


def update_case(db: Database, case_id: int, case: CaseInput, *, today: date | None = None) -> OpResult:
    today = today_or(today)
    before = require_row(db.conn, "cases", case_id)
    person = require_row(db.conn, "persons", before["person_id"])
    birth = date.fromisoformat(person["birth_date"])
    _validate_all(db, None, birth, case, None, today)
    with db.transaction() as conn:
        first = conn.execute("SELECT MIN(p.start_date), MAX(k.child_only) FROM programs p JOIN program_kinds k"
                             " ON k.id = p.kind_id WHERE p.case_id = ? AND p.deleted_at IS NULL",
                             (case_id,)).fetchone()
        values = _case_values(case, birth, date.fromisoformat(first[0]) if first[0] else None, bool(first[1]))
        values["updated_at"] = now_text()
        # Child-only programs stay possible only for a child.
        if values["client_class"] == "dewasa" and conn.execute(
                "SELECT 1 FROM programs p JOIN program_kinds k ON k.id = p.kind_id"
                " WHERE p.case_id = ? AND p.deleted_at IS NULL AND k.child_only = 1", (case_id,)).fetchone():
            raise ValidationErrors([UserInputError(tr(
                "Perkara ini punya program khusus anak; klien tidak bisa diubah menjadi dewasa.",
                "This case has a children's program; the client cannot become an adult."),
                field="case.client_class")])
        sets = ", ".join(f"{k} = :{k}" for k in values)
        conn.execute(f"UPDATE cases SET {sets} WHERE id = :id", {**values, "id": case_id})
        recompute_case(db, case_id)
        b, a = changed_fields(before, values)
        reindex_persons(conn, [before["person_id"]])
        db.audit("ubah perkara", "case", case_id, before=b, after=a, person_id=before["person_id"])
    return OpResult(OpChanges(persons=frozenset({before["person_id"]}), lists=True), id=case_id)


# -- programs ----------------------------------------------------------------------

def _pattern(db: Database) -> str:
    return str(db.get_setting("register_pattern") or DEFAULT_REGISTER_PATTERN)


def format_register(pattern: str, seq: int, code: str, year: int, month: int = 1) -> str:
    roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")[month - 1]
    return pattern.format(seq=seq, seq3=f"{seq:03d}", seq4=f"{seq:04d}", program=code, year=year,
                          month=f"{month:02d}", roman_month=roman)


def propose_register_number(db: Database, kind_id: int, on: date | None = None) -> str:
    """The next free register number for this program and year, from the settings' pattern."""
    on = on or date.today()
    kind = _kind(db, kind_id)
    seq = int(db.scalar("SELECT COALESCE(MAX(register_seq), 0) FROM programs WHERE kind_id = ? AND register_year = ?",
                        (kind_id, on.year)) or 0) + 1
    pattern = _pattern(db)
    while True:
        number = format_register(pattern, seq, kind["code"], on.year, on.month)
        if not db.scalar("SELECT 1 FROM programs WHERE register_number = ?", (number,)):
            return number
        seq += 1


def _parse_seq(pattern: str, number: str, code: str, year: int, month: int) -> int | None:
    """The sequence number inside a typed register number that follows the pattern, if any."""
    probe = format_register(pattern, 987654321, code, year, month)
    regex = re.escape(probe).replace("987654321", r"0*(\d+)")
    m = re.fullmatch(regex, number)
    return int(m.group(1)) if m else None


def _program_values(db: Database, program: ProgramInput, program_id: int | None, today: date) -> dict[str, Any]:
    kind = _kind(db, program.kind_id)
    on = program.start_date or program.sk_date or today
    number = " ".join(program.register_number.split())
    if not number:
        number = propose_register_number(db, kind["id"], on)
    taken = db.query("SELECT p.id, s.name FROM programs p JOIN persons s ON s.id = p.person_id"
                     " WHERE p.register_number = ? AND p.id IS NOT ?", (number, program_id))
    if taken:
        raise ValidationErrors([UserInputError(tr(
            "Nomor register {n} sudah dipakai ({name}).", "Register number {n} is already used ({name}).",
            n=number, name=taken[0]["name"]), field="program.register_number", code="register_taken")])
    return {
        "kind_id": kind["id"],
        "sk_number": program.sk_number.strip(),
        "sk_date": iso(program.sk_date),
        "register_number": number,
        "register_year": on.year,
        "register_seq": _parse_seq(_pattern(db), number, kind["code"], on.year, on.month),
        "start_date": iso(program.start_date),
        "end_date": iso(program.end_date),
        "officer_id": program.officer_id,
        # printing (issue 11): left blank, the kind the program usually rests on (as the migration chose)
        "basis_kind": program.basis_kind.strip() or default_basis(kind["code"], bool(kind["court_ordered"])),
    }


def _default_end(db: Database, case_id: int, kind_code: str) -> str | None:
    """A new PB's end of guidance defaults to the end of supervision; CB and CMB to the expiry."""
    column = {"PB": "parole_supervision_end", "CB": "expiry", "CMB": "expiry"}.get(kind_code)
    return db.scalar(f"SELECT {column} FROM cases WHERE id = ?", (case_id,)) if column else None


def _insert_program(db: Database, person_id: int, case_id: int, program: ProgramInput, today: date) -> int:
    values = _program_values(db, program, None, today)
    if values["end_date"] is None:
        end = _default_end(db, case_id, _kind(db, program.kind_id)["code"])
        if end and (values["start_date"] is None or end >= values["start_date"]):
            values["end_date"] = end
    values.update(person_id=person_id, case_id=case_id, status="aktif", created_at=now_text(),
                  updated_at=now_text())
    cols = ", ".join(values)
    cur = db.conn.execute(f"INSERT INTO programs({cols}) VALUES ({', '.join(':' + k for k in values)})", values)
    return int(cur.lastrowid)


def _register_of(db: Database, program_id: int) -> str:
    return str(db.scalar("SELECT register_number FROM programs WHERE id = ?", (program_id,)))


def add_program(db: Database, case_id: int, program: ProgramInput, *, today: date | None = None) -> OpResult:
    """A further program (e.g. PB after asimilasi) on an existing case."""
    today = today_or(today)
    case = require_row(db.conn, "cases", case_id)
    _validate_all(db, None, None, None, program, today)
    if _kind(db, program.kind_id).get("child_only") and case["client_class"] != "anak":
        raise ValidationErrors([UserInputError(tr("Program ini hanya untuk anak.",
                                                  "This program is for children only."),
                                               field="program.kind_id")])
    with db.transaction() as conn:
        program_id = _insert_program(db, case["person_id"], case_id, program, today)
        reindex_persons(conn, [case["person_id"]])
        db.audit("tambah program", "program", program_id,
                 after={**as_dict(program), "register_number": _register_of(db, program_id)},
                 person_id=case["person_id"], created={"programs": [program_id]})
    return OpResult(OpChanges(persons=frozenset({case["person_id"]}), lists=True), id=program_id)


def update_program(db: Database, program_id: int, program: ProgramInput, *, today: date | None = None) -> OpResult:
    today = today_or(today)
    before = require_row(db.conn, "programs", program_id)
    case = require_row(db.conn, "cases", before["case_id"])
    _validate_all(db, None, None, None, program, today)
    if _kind(db, program.kind_id).get("child_only") and case["client_class"] != "anak":
        raise ValidationErrors([UserInputError(tr("Program ini hanya untuk anak.",
                                                  "This program is for children only."),
                                               field="program.kind_id")])
    with db.transaction() as conn:
        values = _program_values(db, program, program_id, today)
        if values["kind_id"] == before["kind_id"] and not program.register_number.strip():
            values["register_number"] = before["register_number"]  # keep the number it had
        values["updated_at"] = now_text()
        sets = ", ".join(f"{k} = :{k}" for k in values)
        conn.execute(f"UPDATE programs SET {sets} WHERE id = :id", {**values, "id": program_id})
        b, a = changed_fields(before, values)
        reindex_persons(conn, [before["person_id"]])
        db.audit("ubah program", "program", program_id, before=b, after=a, person_id=before["person_id"])
    return OpResult(OpChanges(persons=frozenset({before["person_id"]}), lists=True), id=program_id)


def program_input(db: Database, program_id: int) -> ProgramInput:
    from app.models.dates import from_iso
    p = require_row(db.conn, "programs", program_id)
    return ProgramInput(kind_id=p["kind_id"], sk_number=p["sk_number"], sk_date=from_iso(p["sk_date"]),
                        register_number=p["register_number"] or "", start_date=from_iso(p["start_date"]),
                        end_date=from_iso(p["end_date"]), officer_id=p["officer_id"],
                        basis_kind=p["basis_kind"] or "")


def change_program_status(db: Database, program_id: int, change: StatusChange, *,
                          today: date | None = None) -> OpResult:
    """selesai, dicabut, pindah, melarikan diri ... with a date, a letter or SK number and a reason."""
    today = today_or(today)
    errors = []
    if change.status not in PROGRAM_STATUSES:
        errors.append(UserInputError(tr("Status tidak dikenal.", "Unknown status."), field="status.status"))
    if change.date is None:
        errors.append(UserInputError(tr("Tanggal perubahan status wajib diisi.", "The date of the change is required."),
                                     field="status.date"))
    elif change.date > today:
        errors.append(UserInputError(tr("Tanggal perubahan status belum terjadi.",
                                        "The date of the change is in the future."),
                                     field="status.date"))
    if change.status != "aktif" and not change.letter.strip():
        errors.append(UserInputError(tr("Nomor surat atau SK wajib diisi.", "The letter or decree number is required."),
                                     field="status.letter"))
    if not change.reason.strip():
        errors.append(UserInputError(tr("Alasan wajib diisi.", "A reason is required."), field="status.reason"))
    before = require_row(db.conn, "programs", program_id)
    if change.date and before["start_date"] and change.date < date.fromisoformat(before["start_date"]):
        errors.append(UserInputError(tr("Tanggal perubahan status sebelum awal bimbingan.",
                                        "The date of the change is before the start of guidance."),
                                     field="status.date"))
    raise_if(errors)
    with db.transaction() as conn:
        values = {"status": change.status, "status_date": iso(change.date), "status_letter": change.letter.strip(),
                  "status_reason": change.reason.strip(), "updated_at": now_text()}
        conn.execute("UPDATE programs SET status = :status, status_date = :status_date,"
                     " status_letter = :status_letter, status_reason = :status_reason,"
                     " updated_at = :updated_at WHERE id = :id", {**values, "id": program_id})
        cur = conn.execute("INSERT INTO status_changes(program_id, status, date, letter, reason, created_at)"
                           " VALUES (?, ?, ?, ?, ?, ?)", (program_id, change.status, iso(change.date),
                                                          change.letter.strip(), change.reason.strip(), now_text()))
        reindex_persons(conn, [before["person_id"]])
        db.audit("ubah status", "program", program_id,
                 before={"status": before["status"], "status_date": before["status_date"]},
                 after={k: values[k] for k in ("status", "status_date", "status_letter", "status_reason")},
                 person_id=before["person_id"], created={"status_changes": [int(cur.lastrowid)]})
    return OpResult(OpChanges(persons=frozenset({before["person_id"]}), lists=True), id=program_id)


# -- the bin -------------------------------------------------------------------------

def delete_person(db: Database, person_id: int) -> OpResult:
    """Move a person, with their cases and programs, to the bin."""
    with db.transaction() as conn:
        person = require_row(conn, "persons", person_id)
        if person["deleted_at"]:
            raise UserInputError(tr("Data ini sudah di tempat sampah.", "This record is already in the bin."))
        batch, at = uuid.uuid4().hex, now_text()
        conn.execute("UPDATE persons SET deleted_at = ?, deleted_batch = ? WHERE id = ?", (at, batch, person_id))
        reindex_persons(conn, [person_id])
        db.audit("hapus klien", "person", person_id, before={"name": person["name"], "nik": person["nik"]},
                 after={"deleted_at": at}, person_id=person_id)
    return OpResult(OpChanges(persons=frozenset({person_id}), lists=True), id=person_id)


def delete_case(db: Database, case_id: int) -> OpResult:
    """Move one case and its programs to the bin (the person stays)."""
    with db.transaction() as conn:
        case = require_row(conn, "cases", case_id)
        batch, at = uuid.uuid4().hex, now_text()
        conn.execute("UPDATE cases SET deleted_at = ?, deleted_batch = ? WHERE id = ? AND deleted_at IS NULL",
                     (at, batch, case_id))
        conn.execute("UPDATE programs SET deleted_at = ?, deleted_batch = ? WHERE case_id = ? AND deleted_at IS NULL",
                     (at, batch, case_id))
        reindex_persons(conn, [case["person_id"]])
        db.audit("hapus perkara", "case", case_id, before={"verdict_number": case["verdict_number"]},
                 after={"deleted_at": at}, person_id=case["person_id"])
    return OpResult(OpChanges(persons=frozenset({case["person_id"]}), lists=True), id=case_id)


def delete_program(db: Database, program_id: int) -> OpResult:
    with db.transaction() as conn:
        program = require_row(conn, "programs", program_id)
        batch, at = uuid.uuid4().hex, now_text()
        conn.execute("UPDATE programs SET deleted_at = ?, deleted_batch = ? WHERE id = ?", (at, batch, program_id))
        reindex_persons(conn, [program["person_id"]])
        db.audit("hapus program", "program", program_id,
                 before={"register_number": program["register_number"]}, after={"deleted_at": at},
                 person_id=program["person_id"])
    return OpResult(OpChanges(persons=frozenset({program["person_id"]}), lists=True), id=program_id)


def bin_items(db: Database) -> list[dict[str, Any]]:
    """What the bin holds, newest first: persons, cases and programs deleted on their own."""
    return db.query("""
        SELECT 'person' AS entity, p.id, p.name AS label, p.nik AS detail, p.deleted_at, p.name AS person
          FROM persons p WHERE p.deleted_at IS NOT NULL
        UNION ALL
        SELECT 'case', c.id, COALESCE(NULLIF(c.verdict_number, ''), c.offence_date), c.offence_date,
               c.deleted_at, p.name
          FROM cases c JOIN persons p ON p.id = c.person_id
         WHERE c.deleted_at IS NOT NULL AND p.deleted_at IS NULL
        UNION ALL
        SELECT 'program', pr.id, k.code || ' ' || COALESCE(pr.register_number, ''), pr.start_date,
               pr.deleted_at, p.name
          FROM programs pr JOIN persons p ON p.id = pr.person_id JOIN program_kinds k ON k.id = pr.kind_id
          JOIN cases c ON c.id = pr.case_id
         WHERE pr.deleted_at IS NOT NULL AND p.deleted_at IS NULL
           AND (c.deleted_at IS NULL OR c.deleted_batch IS NOT pr.deleted_batch)
        ORDER BY deleted_at DESC""")


def restore_from_bin(db: Database, entity: str, entity_id: int) -> OpResult:
    """Bring a deleted person, case or program back, with what was deleted together with it."""
    table = {"person": "persons", "case": "cases", "program": "programs"}.get(entity)
    if table is None:
        raise UserInputError(tr("Jenis data tidak dikenal.", "Unknown kind of record."))
    with db.transaction() as conn:
        item = require_row(conn, table, entity_id)
        if not item["deleted_at"]:
            raise UserInputError(tr("Data ini tidak di tempat sampah.", "This record is not in the bin."))
        person_id = entity_id if entity == "person" else item["person_id"]
        if entity != "person" and require_row(conn, "persons", person_id)["deleted_at"]:
            raise UserInputError(tr("Pulihkan dulu orangnya.", "Restore the person first."))
        if entity == "program":
            case = require_row(conn, "cases", item["case_id"])
            if case["deleted_at"]:
                raise UserInputError(tr("Pulihkan dulu perkaranya.", "Restore the case first."))
            if item["register_number"] and conn.execute(
                    "SELECT 1 FROM programs WHERE register_number = ? AND id <> ? AND deleted_at IS NULL",
                    (item["register_number"], entity_id)).fetchone():
                raise UserInputError(tr("Nomor register {n} sudah dipakai lagi.",
                                        "Register number {n} is in use again.", n=item["register_number"]))
        batch = item["deleted_batch"]
        for t in ("persons", "cases", "programs"):
            conn.execute(f"UPDATE {t} SET deleted_at = NULL, deleted_batch = NULL WHERE deleted_batch = ?", (batch,))
        reindex_persons(conn, [person_id])
        db.audit("pulihkan dari tempat sampah", entity, entity_id, before={"deleted_at": item["deleted_at"]},
                 after={"deleted_at": None}, person_id=person_id)
    return OpResult(OpChanges(persons=frozenset({person_id}), lists=True), id=entity_id)


def use_existing_person(db: Database, person_id: int, case: CaseInput | None = None,
                        program: ProgramInput | None = None, *, today: date | None = None) -> OpResult:
    """The officer chose the person who already exists instead of a new one (enter once).

    A person in the bin comes back out of it, and the new case (with its program) is added
    to them: one action, one transaction.
    """
    result = OpResult(OpChanges(persons=frozenset({person_id}), lists=True), id=person_id)
    with db.transaction():
        person = require_row(db.conn, "persons", person_id)
        if person["deleted_at"]:
            result = restore_from_bin(db, "person", person_id)
        if case is not None:
            result = add_case(db, person_id, case, program, today=today)
    return result


def person_input(db: Database, person_id: int) -> PersonInput:
    from app.models.dates import from_iso
    p = require_row(db.conn, "persons", person_id)
    return PersonInput(**{k: (from_iso(p[k]) if k == "birth_date" else (p[k] or ""))
                          for k in _PERSON_FIELDS})
