"""The monthly workbook for the regional office (Kanwil) and Ditjenpas: official Indonesian.

A Bapas's workbook has four sheets:

* **Rekap**: per program, adult and child apart: the programs active at the start of
  the month (on the last day of the month before), new in it, ended in it in one
  column per status, active at its end, then working / not working / unknown and the
  attendance rate.  Rows count programs, so on every row start + new − ended = end;
  a row "Jumlah program" adds them up, and the row "Jumlah orang" counts persons (one
  person with two programs once), which it says.
* **Per PK**: caseload and attendance per officer.
* **Per Jenis Kejahatan**: per offence category and program, at the end of the month.
* **Data Klien**: one row per program active in the month, with what headquarters asks.

A Lapas or Rutan gets its own workbook: occupancy per register class (A.I–A.V, B.I,
B.IIa, B.IIb, B.III) on the day of export against the capacity kept in the settings,
with occupancy (held / capacity) and excess ((held − capacity) / capacity) both
labelled, and the excess in persons.

"Active" is ``queries.active_on`` (over the programs as they stood on the day asked,
``excel_queries.programs_as_of``).  Working / not working and the attendance rate are
wajib lapor's (issue 10), defined once there: ``lapor_queries.working_status`` (the
value at the person's last visit on or before the month's end, read for all the month's
persons at once by ``excel_queries.working_of``) and ``Queries.attendance`` (periods
reported / periods due, over the periods of the month).  The month's programs with their
flags are read once (``MonthlyQueries``) and every count of the first three sheets is made
from them.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.models.dates import MONTHS_ID, format_date_id
from app.models.excel_queries import MonthlyQueries, Selector
from app.models.schema import PROGRAM_STATUSES, REGISTER_CLASSES
from app.models.storage import Database
from app.reports.excel_write import Book, Column, as_date

ENDED_STATUSES = tuple(s for s in PROGRAM_STATUSES if s != "aktif")
STATUS_HEADERS = {
    "selesai": "Selesai / habis masa bimbingan", "dicabut": "Dicabut", "pindah": "Pindah",
    "melarikan_diri": "Melarikan diri / tidak diketahui", "mengulangi_tindak_pidana": "Mengulangi tindak pidana",
    "meninggal": "Meninggal",
}
STATUS_LABELS = {"aktif": "Aktif", **{k: v.split(" /")[0] for k, v in STATUS_HEADERS.items()}}
CLASS_LABELS = {"dewasa": "Dewasa", "anak": "Anak"}
REGISTER_CLASS_LABELS = {
    "A.I": "Tahanan penyidik", "A.II": "Tahanan penuntut umum", "A.III": "Tahanan pengadilan negeri",
    "A.IV": "Tahanan pengadilan tinggi", "A.V": "Tahanan Mahkamah Agung",
    "B.I": "Narapidana pidana lebih dari 1 tahun", "B.IIa": "Narapidana pidana lebih dari 3 bulan s.d. 1 tahun",
    "B.IIb": "Narapidana pidana sampai dengan 3 bulan", "B.III": "Kurungan pengganti denda",
}
INMATE_UNITS = ("lapas", "rutan", "lpka")
Progress = Callable[..., None]


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        from app.models.errors import UserInputError
        from app.models.i18n import tr

        import re
        m = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", text.strip())
        if not m or not 1 <= int(m.group(2)) <= 12 or not 2000 <= int(m.group(1)) <= 2100:
            raise UserInputError(tr("Bulan tidak valid: '{v}' (format TTTT-BB, contoh 2026-11)",
                                    "Invalid month: '{v}' (format YYYY-MM, e.g. 2026-11)", v=text), field="month")
        return cls(int(m.group(1)), int(m.group(2)))

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def label(self) -> str:
        return f"{MONTHS_ID[self.month - 1]} {self.year}"


@dataclass
class ExportResult:
    path: Path
    persons: int
    sheets: list[str]
    rows: int


def _unit(db: Database) -> dict[str, Any]:
    from app.operations.settings import office

    return office(db)


def _title(db: Database, month: Month) -> list[str]:
    unit = _unit(db).get("unit_name") or "UPT Pemasyarakatan"
    return [f"Laporan Bulanan Klien Pemasyarakatan — {month.label}", unit]


def _state_line(month: Month, end: date, today: date, db: Database | None = None) -> str:
    """The sheet's "as of" line; with ``db`` (a sheet with the attendance rate) it says when the rate
    is not final yet: a period counts once its grace days are over (wajib lapor), so a workbook made
    on the 1st would give the month's rate from the periods that ended before the grace days only."""
    if end < month.last:
        line = f"Keadaan sampai dengan {format_date_id(end)} (bulan belum berakhir); dibuat {format_date_id(today)}."
    else:
        line = f"Keadaan akhir bulan: {format_date_id(month.last)}; dibuat {format_date_id(today)}."
    if db is not None:
        from app.models.lapor_queries import context

        grace = context(db).grace
        final = end + timedelta(days=grace + 1)
        if today < final:
            counted = today - timedelta(days=grace + 1)
            line += (f" Tingkat kehadiran belum final: periode lapor yang berakhir sesudah {format_date_id(counted)}"
                     f" baru dihitung setelah masa tenggang {grace} hari; angka final mulai {format_date_id(final)}.")
    return line


def write_monthly(db: Database, path: Path | str, month: Month, *, selector: Selector | None = None,
                  without_nik: bool = False, replace: bool = False, today: date | None = None,
                  demo: bool = False, progress: Progress | None = None) -> ExportResult:
    """Write the month's workbook (a Bapas's four sheets, or a Lapas/Rutan's occupancy)."""
    today = today or date.today()
    kind = _unit(db).get("unit_kind") or "bapas"
    book = Book(demo=demo)
    if kind in INMATE_UNITS:
        persons = _occupancy(db, book, month, today)
        sheets = ["Hunian"]
        rows = len(REGISTER_CLASSES)
    else:
        end = min(month.last, today) if month.first <= today else month.last
        q = MonthlyQueries(db, month.first, end, selector)
        if progress:
            progress(0, 100, "Rekap")
        rates = _Rates(db, q, end, today)
        _rekap(db, book, q, month, end, today, rates)
        if progress:
            progress(10, 100, "Per PK")
        _per_officer(book, q, month, end, today, db, rates)
        _per_offence(db, book, q, month, end, today)
        rows = _clients(book, q, month, end, today, db, without_nik, progress)
        persons = len(q.person_ids())
        sheets = ["Rekap", "Per PK", "Per Jenis Kejahatan", "Data Klien"]
    target = book.save(path, replace=replace)
    if progress:
        progress(100, 100, "")
    return ExportResult(target, persons, sheets, rows)


def _kinds(db: Database) -> list[dict[str, Any]]:
    from app.models.queries import Queries

    return Queries(db).program_kinds()


def _rekap(db: Database, book: Book, q: MonthlyQueries, month: Month, end: date, today: date,
           rates: _Rates) -> None:
    cols = [Column("Program", 30), Column("Dewasa / Anak", 10), Column("Awal bulan", 10, "number"),
            Column("Baru bulan ini", 10, "number")]
    cols += [Column(f"Berakhir: {STATUS_HEADERS[s]}", 13, "number") for s in ENDED_STATUSES]
    cols += [Column("Jumlah berakhir", 10, "number"), Column("Akhir bulan", 10, "number"),
             Column("Bekerja", 9, "number"), Column("Tidak bekerja", 9, "number"),
             Column("Tidak diketahui", 10, "number"), Column("Tingkat kehadiran wajib lapor", 13, "percent")]
    sheet = book.sheet("Rekap", cols, _title(db, month), [
        _state_line(month, end, today, db),
        "Baris per program menghitung program: awal + baru − berakhir = akhir. "
        "Baris \"Jumlah orang\" menghitung orang (satu orang dengan dua program dihitung satu kali).",
    ])
    found = {(r["kind_id"], r["client_class"]): r for r in q.rekap(ENDED_STATUSES)}
    totals = {k: 0 for k in ("at_start", "new", "ended", "at_end", *(f"ended_{s}" for s in ENDED_STATUSES))}
    for kind in _kinds(db):
        for klass in ("dewasa", "anak"):
            r = found.get((kind["id"], klass))
            if r is None and (not kind["active"] or (kind["child_only"] and klass == "dewasa")):
                continue
            r = r or {}
            values = [int(r.get(k) or 0) for k in ("at_start", "new")]
            ended = [int(r.get(f"ended_{s}") or 0) for s in ENDED_STATUSES]
            for key in totals:
                totals[key] += int(r.get(key) or 0)
            work = _working(q, kind["id"], klass) if r else {"yes": 0, "no": 0, "unknown": 0}
            for key in work:
                totals[f"work_{key}"] = totals.get(f"work_{key}", 0) + work[key]
            sheet.append([f"{kind['code']} – {kind['name']}", CLASS_LABELS[klass], *values, *ended,
                          int(r.get("ended") or 0), int(r.get("at_end") or 0), work["yes"], work["no"],
                          work["unknown"], rates.rate(("kind", kind["id"]), ("age", klass))
                          if r else None])
    sheet.append(["Jumlah program", "", totals["at_start"], totals["new"],
                  *(totals[f"ended_{s}"] for s in ENDED_STATUSES), totals["ended"], totals["at_end"],
                  totals.get("work_yes", 0), totals.get("work_no", 0), totals.get("work_unknown", 0),
                  rates.rate()], bold=True)
    p = q.rekap_persons(ENDED_STATUSES)
    work = _working(q)
    sheet.append(["Jumlah orang (satu orang dihitung sekali)", "", p["at_start"], p["new"],
                  *(p[f"ended_{s}"] for s in ENDED_STATUSES), p["ended"], p["at_end"],
                  work["yes"], work["no"], work["unknown"], None], bold=True)
    sheet.finish(["Bekerja / tidak bekerja: isian pada kunjungan wajib lapor terakhir sampai akhir bulan, "
                  "untuk program yang berlanjut ke bulan berikutnya. Tingkat kehadiran: periode lapor yang "
                  "dipenuhi ÷ periode yang wajib (izin tidak dihitung), untuk periode yang berakhir pada bulan ini."])


def _working(q: MonthlyQueries, kind_id: int | None = None, client_class: str | None = None) -> dict[str, int]:
    """Working / not working / unknown at the end of the month: per program of a kind and adult/child,
    or (neither given) per person."""
    if kind_id is None:
        return q.working_persons()
    return dict(q.working_counts().get((kind_id, client_class)) or {"yes": 0, "no": 0, "unknown": 0})


class _Rates:
    """wajib lapor's attendance rate over the month's periods, for the programs of some groups (and the
    report's selector): the periods are read once per workbook (``Queries.attendance_parts``) and summed
    over each group's programs, which is what ``Queries.attendance`` gives for the group.  The programs
    of every group of a row's dimensions (program and age, PK) are read at once
    (``Queries.attendance_programs_by``), and the sums of each group made once."""

    def __init__(self, db: Database, q: MonthlyQueries, end: date, today: date):
        from app.models.queries import Queries

        self.queries, self.q, self.end, self.today = Queries(db), q, end, today
        self._parts: dict[int, Any] | None = None
        self._sums: dict[tuple[str, ...], dict[tuple, tuple[int, int]]] = {}

    def _filter(self) -> Any:
        from app.models.queries import Filter

        flt = Filter()
        sel = self.q.selector
        for dimension, value in (("kind", sel.kind_id), ("officer", sel.officer_id),
                                 ("offence", sel.offence_category_id), ("age", sel.client_class)):
            if value is not None:
                flt = flt.with_group(dimension, value)
        return flt

    def rate(self, *groups: tuple[str, Any]) -> float | None:
        from app.models.queries import NONE

        if self._parts is None:
            self._parts = self.queries.attendance_parts(self.q.first, self.end, self.today)
        parts = self._parts
        dimensions = tuple(d for d, _ in groups)
        if dimensions not in self._sums:
            flt = self._filter()
            if dimensions:
                by = self.queries.attendance_programs_by(flt, dimensions, self.today)
            else:
                ids = self.queries.attendance_programs(flt, self.today)
                by = {(): set(parts) if ids is None else ids}
            sums = self._sums[dimensions] = {}
            for key, ids in by.items():
                chosen = [parts[i] for i in ids if i in parts]
                sums[key] = (sum(a.reported for a in chosen), sum(a.due for a in chosen))
        reported, due = self._sums[dimensions].get(tuple(None if v == NONE else v for _, v in groups), (0, 0))
        return reported / due if due else None


def _per_officer(book: Book, q: MonthlyQueries, month: Month, end: date, today: date, db: Database,
                 rates: _Rates) -> None:
    cols = [Column("PK", 32), Column("NIP", 21), Column("Klien aktif akhir bulan (orang)", 13, "number"),
            Column("Program aktif akhir bulan", 13, "number"), Column("Program baru bulan ini", 12, "number"),
            Column("Program berakhir bulan ini", 12, "number"),
            Column("Tingkat kehadiran wajib lapor", 14, "percent")]
    sheet = book.sheet("Per PK", cols, _title(db, month), [_state_line(month, end, today, db)])
    for r in q.per_officer():
        from app.models.queries import NONE

        sheet.append([r["name"] or "PK belum ditetapkan", r["nip"] or "", r["persons"], r["programs"] or 0,
                      r["new"] or 0, r["ended"] or 0,
                      rates.rate(("officer", r["officer_id"] or NONE))])
    sheet.finish()


def _per_offence(db: Database, book: Book, q: MonthlyQueries, month: Month, end: date, today: date) -> None:
    from app.models.queries import Queries

    kinds = [k for k in _kinds(db) if k["active"]]
    cols = [Column("Jenis kejahatan", 30)] + [Column(k["code"], 8, "number") for k in kinds] + [
        Column("Jumlah program", 10, "number"), Column("Jumlah orang", 10, "number"),
        Column("Baru bulan ini", 10, "number")]
    sheet = book.sheet("Per Jenis Kejahatan", cols, _title(db, month), [
        _state_line(month, end, today), "Program aktif pada akhir bulan menurut jenis kejahatan dan program."])
    by: dict[Any, dict[int, dict[str, int]]] = {}
    for r in q.per_offence():
        by.setdefault(r["offence_category_id"], {})[r["kind_id"]] = r
    categories = [(c["id"], c["name"]) for c in Queries(db).offence_categories()] + [(None, "Belum dipilih")]
    for cat_id, name in categories:
        cells = by.get(cat_id, {})
        if not cells:
            continue
        counts = [int(cells.get(k["id"], {}).get("at_end") or 0) for k in kinds]
        persons = sum(int(v.get("persons") or 0) for v in cells.values())
        sheet.append([name, *counts, sum(counts), persons, sum(int(v.get("new") or 0) for v in cells.values())])
    sheet.finish(["\"Jumlah orang\" per baris: orang dengan program aktif dalam jenis kejahatan itu."])


def _clients(book: Book, q: MonthlyQueries, month: Month, end: date, today: date, db: Database,
             without_nik: bool, progress: Progress | None) -> int:
    cols = [Column("No.", 6, "number"), Column("No. register", 16), Column("Nama", 28)]
    if not without_nik:
        cols.append(Column("NIK", 19))
    cols += [Column("Jenis kelamin", 8), Column("Tanggal lahir", 15, "date"), Column("Dewasa / Anak", 9),
             Column("Jenis kejahatan", 22), Column("Pasal", 20), Column("Program", 10),
             Column("Dasar hukum", 22), Column("Nomor dasar hukum", 26), Column("Tanggal dasar hukum", 15, "date"),
             Column("Awal bimbingan", 15, "date"), Column("Akhir bimbingan", 15, "date"), Column("PK", 26),
             Column("Status akhir bulan", 14), Column("Lapor terakhir", 15, "date"), Column("Bekerja", 9)]
    sheet = book.sheet("Data Klien", cols, _title(db, month), [
        _state_line(month, end, today), "Satu baris per program yang aktif pada bulan ini."])
    from app.reports.paper.base import paper_settings

    # The kinds of legal basis as the print-outs name them (settings row "paper").
    basis = {code: label for code, label in paper_settings(db)["basis_kinds"]}

    working_labels = {"yes": "Ya", "no": "Tidak", "unknown": "Tidak diketahui"}
    n = 0
    working = q.working()
    for chunk in q.client_rows():
        for r in chunk:
            n += 1
            status = "aktif" if r["at_end"] else r["ended_as"]
            row = [n, r["register_number"] or "", r["name"]]
            if not without_nik:
                row.append(r["nik"] or (f"Paspor {r['passport']}" if r["passport"] else ""))
            klass = CLASS_LABELS.get(r["client_class"], "")
            if r["class_basis"] == "age_at_start":
                klass += " (perlu dicek)"
            row += ["L" if r["sex"] == "L" else "P", as_date(r["birth_date"]), klass,
                    r["offence"] or r["offence_text"] or "", r["articles"], r["kind_code"],
                    basis.get(r["basis_kind"], r["basis_kind"] or ""), r["sk_number"],
                    as_date(r["sk_date"]), as_date(r["start_date"]), as_date(r["end_date"]),
                    r["officer"] or "PK belum ditetapkan", STATUS_LABELS.get(status, status),
                    as_date(r["last_report"]), working_labels[working.get(r["person_id"], "unknown")]]
            sheet.append(row)
        if progress:
            progress(min(95, 15 + n // 2000), 100, f"Data Klien: {n}")
    sheet.finish()
    return n


def _occupancy(db: Database, book: Book, month: Month, today: date) -> int:
    from app.operations.settings import capacity

    held = MonthlyQueries(db, month.first, month.last).held_by_class(today)
    caps = capacity(db)
    unit = _unit(db).get("unit_name") or "UPT Pemasyarakatan"
    cols = [Column("Golongan register", 12), Column("Keterangan", 40), Column("Isi (orang)", 10, "number"),
            Column("Kapasitas (orang)", 11, "number"),
            Column("Tingkat hunian (isi ÷ kapasitas)", 15, "percent"),
            Column("Kelebihan hunian ((isi − kapasitas) ÷ kapasitas)", 18, "percent"),
            Column("Kelebihan penghuni (orang)", 13, "number")]
    sheet = book.sheet("Hunian", cols, [f"Laporan Hunian Warga Binaan — {month.label}", unit], [
        f"Keadaan pada {format_date_id(today)}, per golongan register, terhadap kapasitas di pengaturan kantor.",
        "Tingkat hunian = isi ÷ kapasitas. Kelebihan hunian = (isi − kapasitas) ÷ kapasitas "
        "(cara Ditjenpas). Kelebihan penghuni = isi − kapasitas bila isi melebihi kapasitas.",
    ])

    def line(label: str, note: str, n: int, cap: int | None, bold: bool = False) -> None:
        if cap:
            sheet.append([label, note, n, cap, n / cap, (n - cap) / cap, max(n - cap, 0)], bold=bold)
        else:
            sheet.append([label, note, n, None, None, None, None], bold=bold)

    for klass in REGISTER_CLASSES:
        line(klass, REGISTER_CLASS_LABELS[klass], held.get(klass, 0), caps.get(klass))
    groups = (("Tahanan (A.I–A.V)", [c for c in REGISTER_CLASSES if c.startswith("A")]),
              ("Narapidana (B.I–B.III)", [c for c in REGISTER_CLASSES if c.startswith("B")]),
              ("Jumlah", list(REGISTER_CLASSES)))
    for label, classes in groups:
        cap_values = [caps.get(c) for c in classes]
        total_cap = sum(v for v in cap_values if v) if any(cap_values) else None
        line(label, "", sum(held.get(c, 0) for c in classes), total_cap, bold=True)
    notes = []
    if not any(caps.values()):
        notes.append("Kapasitas belum diisi: isi di Pengaturan > Kantor > Kapasitas per golongan register.")
    sheet.finish(notes)
    return sum(held.values())
