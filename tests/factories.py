"""Small builders of realistic input for tests."""

from __future__ import annotations

from datetime import date

from app.models.domain import CaseInput, OfficerInput, PersonInput, ProgramInput
from app.models.durations import Duration
from app.models.queries import Queries
from app.models.storage import Database


def kind_id(db: Database, code: str) -> int:
    return next(k["id"] for k in Queries(db).program_kinds() if k["code"] == code)


def category_id(db: Database, name: str) -> int:
    return next(c["id"] for c in Queries(db).offence_categories() if c["name"] == name)


def officer(db: Database, name: str = "Sari Dewi, S.H.", nip: str = "198503122010012001") -> int:
    from app.operations.officers import add_officer
    return int(add_officer(db, OfficerInput(name=name, nip=nip, rank="Penata (III/c)", phone="081234567890")).id)


def person(name: str = "Budi Santoso", nik: str = "3522011505900001", sex: str = "L",
           birth: date = date(1990, 5, 15), **kw) -> PersonInput:
    return PersonInput(name=name, nik=nik, sex=sex, birth_date=birth, birth_place="Bojonegoro", **kw)


def case(db: Database, offence: str = "Pencurian", **kw) -> CaseInput:
    values = dict(offence_date=date(2023, 12, 1), offence_category_id=category_id(db, offence),
                  articles="Pasal 362 KUHP", verdict_number="45/Pid.B/2024/PN Bjn", verdict_date=date(2024, 2, 20),
                  court="PN Bojonegoro", sentences=[Duration(years=3)], detention_start=date(2024, 3, 1))
    values.update(kw)
    return CaseInput(**values)


def program(db: Database, code: str = "PB", officer_id: int | None = None, **kw) -> ProgramInput:
    values = dict(kind_id=kind_id(db, code), sk_number="PAS-123.PK.05.09 Tahun 2025", sk_date=date(2025, 12, 10),
                  start_date=date(2025, 12, 21), end_date=date(2027, 12, 1), officer_id=officer_id)
    values.update(kw)
    return ProgramInput(**values)
