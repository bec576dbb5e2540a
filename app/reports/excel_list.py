""""Ekspor daftar ini": any list of the window (a group, a due list, a search) as a workbook.

The persons come in the table's order, with the columns the table shows first (as
it shows them), one row per record that put the person in the list (under "Semua
klien" every program, so a person with two programs has two rows).  After them come
the columns a re-import needs to keep every client and program (sex, passport,
adult/child, the SK, the PK's NIP, the status date ...), headed so that ``rekam-upt
import`` recognises each one: exporting a list and importing it into an empty
database gives back the same clients and programs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.models.durations import Duration
from app.models.excel_queries import list_records
from app.models.queries import Filter, Queries
from app.models.storage import Database
from app.reports.excel_monthly import CLASS_LABELS, STATUS_LABELS
from app.reports.excel_write import Book, Column, as_date

Progress = Callable[..., None]

# table column key -> (header, width, kind, value of one record row)
VISIBLE: dict[str, tuple[str, float, str, Callable[[dict[str, Any]], Any]]] = {
    "name": ("Nama", 28, "text", lambda r: r["name"]),
    "nik": ("NIK", 19, "text", lambda r: r["nik"] or ""),
    "birth_date": ("Tanggal lahir", 15, "date", lambda r: as_date(r["birth_date"])),
    "program": ("Program", 9, "text", lambda r: r["program"] or ""),
    "register": ("No. register", 16, "text", lambda r: r["register_number"] or ""),
    "officer": ("PK", 26, "text", lambda r: r["officer"] or ""),
    "offence": ("Jenis kejahatan", 22, "text", lambda r: r["offence"] or r["offence_text"] or ""),
    "status": ("Status", 12, "text", lambda r: STATUS_LABELS.get(r["status"], "") if r["status"] else ""),
    "start": ("Awal bimbingan", 15, "date", lambda r: as_date(r["start_date"])),
    "end": ("Akhir bimbingan", 15, "date", lambda r: as_date(r["end_date"])),
}


def _sentence(r: dict[str, Any]) -> str:
    if r["sentence_kind"] == "life":
        return "Seumur hidup"
    if r["sentence_kind"] == "death":
        return "Pidana mati"
    total = Duration()
    for s in json.loads(r["sentences"] or "[]"):
        total = total + Duration.parse(s)
    return "" if total.is_zero else total.label_id()


EXTRA: tuple[tuple[str, str, float, str, Callable[[dict[str, Any]], Any]], ...] = (
    ("sex", "Jenis kelamin", 8, "text", lambda r: r["sex"]),
    ("passport", "No. paspor", 14, "text", lambda r: r["passport"] or ""),
    ("nationality", "Kewarganegaraan", 14, "text", lambda r: r["nationality"] or ""),
    ("birth_place", "Tempat lahir", 14, "text", lambda r: r["birth_place"] or ""),
    ("alias", "Alias", 12, "text", lambda r: r["alias"] or ""),
    ("address", "Alamat", 30, "text", lambda r: r["address"] or ""),
    ("client_class", "Dewasa / Anak", 9, "text",
     lambda r: CLASS_LABELS.get(r["client_class"], "") if r["client_class"] and r["class_basis"] in (
         "offence", "stated") else ""),
    ("offence_date", "Tanggal tindak pidana", 15, "date", lambda r: as_date(r["offence_date"])),
    ("articles", "Pasal", 18, "text", lambda r: r["articles"] or ""),
    ("verdict_number", "No. putusan", 20, "text", lambda r: r["verdict_number"] or ""),
    ("verdict_date", "Tanggal putusan", 15, "date", lambda r: as_date(r["verdict_date"])),
    ("sentence", "Lama pidana", 16, "text", lambda r: _sentence(r) if r["case_id"] else ""),
    ("sk_number", "No. SK", 24, "text", lambda r: r["sk_number"] or ""),
    ("sk_date", "Tanggal SK", 15, "date", lambda r: as_date(r["sk_date"])),
    ("officer_nip", "NIP PK", 20, "text", lambda r: r["officer_nip"] or ""),
    ("status_date", "Tanggal status", 15, "date", lambda r: as_date(r["status_date"])),
)
DEFAULT_VISIBLE = tuple(VISIBLE)


@dataclass
class ListResult:
    path: Path
    persons: int
    rows: int


def write_list(db: Database, path: Path | str, flt: Filter = Filter(), *, today: date | None = None,
               sort: str = "name", descending: bool = False, visible: Sequence[str] = DEFAULT_VISIBLE,
               title: str = "Daftar klien", replace: bool = False, demo: bool = False,
               progress: Progress | None = None) -> ListResult:
    today = today or date.today()
    from app.models.dates import format_date_id
    from app.operations.settings import office

    shown = [k for k in visible if k in VISIBLE]
    # A re-import needs the name and the identity: they come first whatever the table hides.
    for key in ("name", "nik", "birth_date"):
        if key not in shown:
            shown.insert(0 if key == "name" else len(shown), key)
    extra = [e for e in EXTRA if e[0] not in shown]
    columns = [Column(VISIBLE[k][0], VISIBLE[k][1], VISIBLE[k][2]) for k in shown]
    columns += [Column(header, width, kind) for _, header, width, kind, _ in extra]
    book = Book(demo=demo)
    unit = office(db).get("unit_name") or "UPT Pemasyarakatan"
    sheet = book.sheet("Daftar", columns, [title, unit], [
        f"Dibuat {format_date_id(today)}. Satu baris per program (atau perkara) yang membuat klien masuk daftar ini."])
    ids = Queries(db).person_ids(flt, sort, descending, today)
    total = len(ids)
    rows = 0
    chunk = 500
    for start in range(0, total, chunk):
        part = list(ids[start: start + chunk])
        for r in list_records(db, part, flt, today):
            sheet.append([VISIBLE[k][3](r) for k in shown] + [fn(r) for *_, fn in extra])
            rows += 1
        if progress:
            progress(min(start + chunk, total), total, "")
    sheet.finish()
    target = book.save(path, replace=replace)
    return ListResult(target, total, rows)
