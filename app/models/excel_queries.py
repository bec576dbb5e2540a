"""The reads of the Excel import and the monthly report (issue 12).

Kept beside queries.py (which holds the window's reads) so the importer's many
look-ups stay in one place: persons by NIK or by folded name and birth date, their
cases and programs, register numbers in use, officers.  Every look-up takes a list
and asks in chunks, so matching 10,000 rows costs a few dozen queries, not 10,000.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.models.storage import Database

_CHUNK = 500


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i: i + _CHUNK]


class ImportQueries:
    """Look-ups for matching, on one connection (the reader for a preview, the writer inside the import)."""

    def __init__(self, db: Database):
        self.db = db

    def persons_by_nik(self, niks: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = sorted(set(n for n in niks if n))
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            for r in self.db.query(f"SELECT * FROM persons WHERE nik IN ({marks})", tuple(chunk)):
                found[r["nik"]] = r
        return found

    def persons_by_passport(self, passports: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = sorted(set(n for n in passports if n))
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            for r in self.db.query(f"SELECT * FROM persons WHERE passport IN ({marks}) AND deleted_at IS NULL",
                                   tuple(chunk)):
                found.setdefault(r["passport"], r)
        return found

    def persons_by_name(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
        """{(folded name, birth date): persons not in the bin} (the persons_fold index)."""
        wanted = sorted(set(k for k in keys if k[0] and k[1]))
        found: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for chunk in _chunks(wanted):
            cond = " OR ".join("(name_fold = ? AND birth_date = ?)" for _ in chunk)
            params = [v for key in chunk for v in key]
            for r in self.db.query(f"SELECT * FROM persons WHERE ({cond}) AND deleted_at IS NULL ORDER BY id",
                                   tuple(params)):
                found.setdefault((r["name_fold"], r["birth_date"]), []).append(r)
        return found

    def programs_of(self, person_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
        """{person: their programs not in the bin, with the kind's code}."""
        wanted = sorted(set(person_ids))
        found: dict[int, list[dict[str, Any]]] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            for r in self.db.query(
                    "SELECT p.*, k.code AS kind_code FROM programs p JOIN program_kinds k ON k.id = p.kind_id"
                    f" WHERE p.person_id IN ({marks}) AND p.deleted_at IS NULL ORDER BY p.id", tuple(chunk)):
                found.setdefault(r["person_id"], []).append(r)
        return found

    def cases_of(self, person_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
        wanted = sorted(set(person_ids))
        found: dict[int, list[dict[str, Any]]] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            for r in self.db.query(f"SELECT * FROM cases WHERE person_id IN ({marks}) AND deleted_at IS NULL"
                                   " ORDER BY id", tuple(chunk)):
                found.setdefault(r["person_id"], []).append(r)
        return found

    def registers_in_use(self, numbers: Iterable[str]) -> dict[str, int]:
        """{register number: the program holding it} (programs in the bin keep theirs)."""
        wanted = sorted(set(n for n in numbers if n))
        found: dict[str, int] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            for number, program_id in self.db.conn.execute(
                    f"SELECT register_number, id FROM programs WHERE register_number IN ({marks})", tuple(chunk)):
                found[number] = program_id
        return found

    def officers(self) -> list[dict[str, Any]]:
        return self.db.query("SELECT id, name, name_sort, nip, active FROM officers ORDER BY active DESC, id")

    def program_kinds(self) -> list[dict[str, Any]]:
        return self.db.query("SELECT * FROM program_kinds ORDER BY position, id")

    def offence_categories(self) -> list[dict[str, Any]]:
        return self.db.query("SELECT * FROM offence_categories WHERE active = 1 ORDER BY position, id")

    def register_pattern(self) -> str | None:
        """The settings' register pattern (None: the default of app.operations.clients)."""
        value = self.db.get_setting("register_pattern")
        return str(value) if value else None

    def import_batches(self) -> list[dict[str, Any]]:
        return self.db.query("SELECT * FROM import_batches ORDER BY id DESC")

    def import_batch(self, batch_id: int) -> dict[str, Any] | None:
        found = self.db.query("SELECT * FROM import_batches WHERE id = ?", (batch_id,))
        return found[0] if found else None

    def remembered_mapping(self, shape: str) -> dict[str, str | None] | None:
        saved = self.db.get_setting("import_mappings") or {}
        value = saved.get(shape) if isinstance(saved, dict) else None
        return value if isinstance(value, dict) else None


# -- the monthly report (issue 12) ----------------------------------------------------------------

def programs_as_of(day: str) -> tuple[str, list[Any]]:
    """The programs as they stood on ``day`` (SQL source, params): a status changed after it was still aktif.

    ``queries.active_on`` over this source is "active on that day" for a past day, with the
    one definition of active unchanged (its ``status`` is the status of that day).
    """
    return ("(SELECT p.id, p.deleted_at, p.start_date, p.end_date, p.status_date, p.status AS status_now,"
            " CASE WHEN p.status <> 'aktif' AND p.status_date > ? THEN 'aktif' ELSE p.status END AS status"
            " FROM programs p)", [day])


@dataclass(frozen=True)
class Selector:
    """Which programs a report covers ("group selector as in printing"): any of program, PK, offence, age."""

    kind_id: int | None = None
    officer_id: int | None = None
    offence_category_id: int | None = None
    client_class: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        where, params = [], []
        for column, value in (("pr.kind_id", self.kind_id), ("pr.officer_id", self.officer_id),
                              ("c.offence_category_id", self.offence_category_id),
                              ("c.client_class", self.client_class)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        return (" AND ".join(where) or "1"), params


class MonthlyQueries:
    """The programs of one month: at its start, new, ended (by status) and at its end."""

    def __init__(self, db: Database, first: date, last: date, selector: Selector | None = None):
        self.db = db
        self.first, self.last = first, last
        self.selector = selector or Selector()
        self._rows: list[tuple] | None = None
        self._working: dict[int, str] | None = None
        self._working_counts: dict[tuple[Any, Any], dict[str, int]] | None = None

    def _flags(self) -> tuple[str, list[Any]]:
        """One row per program of the month with its flags (a subquery the reports group).

        A program is carried into a month when it is active on its first day (with the
        status as it stood the day before: a change dated the 1st belongs to that month)
        and began before it; carried out of the month is carried into the next one (for a
        month not over yet: into tomorrow).  New: began in the month.  Ended: carried in or
        new, and not carried out, under the status it had at the end (still aktif: its end
        of guidance passed, "selesai").  So at the start + new - ended = at the end, and
        one month's end is the next month's start.
        """
        from app.models.queries import active_on

        first, last = self.first, self.last
        src_start, p_start = programs_as_of((first - timedelta(days=1)).isoformat())
        src_end, p_end = programs_as_of(last.isoformat())
        on_start, a_start = active_on("b", first)
        on_end, a_end = active_on("e", last + timedelta(days=1))
        sel, p_sel = self.selector.sql()
        sql = f"""
SELECT pr.id AS program_id, pr.person_id, pr.kind_id, pr.officer_id, c.client_class, c.offence_category_id,
       ({on_start} AND b.start_date < ?) AS at_start,
       (pr.start_date BETWEEN ? AND ?) AS is_new,
       ({on_end} AND e.start_date <= ?) AS at_end,
       CASE WHEN e.status <> 'aktif' THEN e.status ELSE 'selesai' END AS ended_as
  FROM programs pr
  JOIN cases c ON c.id = pr.case_id
  JOIN persons ps ON ps.id = pr.person_id AND ps.deleted_at IS NULL
  JOIN {src_start} b ON b.id = pr.id
  JOIN {src_end} e ON e.id = pr.id
 WHERE pr.deleted_at IS NULL AND c.deleted_at IS NULL AND {sel}
"""
        # Parameters bind in the order their marks appear in the text: SELECT, then FROM, then WHERE.
        params = [*a_start, first.isoformat(), first.isoformat(), last.isoformat(), *a_end, last.isoformat(),
                  *p_start, *p_end, *p_sel]
        return sql, params

    def month_programs(self) -> tuple[str, list[Any]]:
        """Programs active at some time in the month: at its start or new in it."""
        sql, params = self._flags()
        return f"SELECT * FROM ({sql}) WHERE at_start OR is_new", params

    def _month_rows(self) -> list[tuple]:
        """The month's programs with their flags (``month_programs``), read once for the whole report:
        (program_id, person_id, kind_id, officer_id, client_class, offence_category_id, at_start, is_new,
        at_end, ended_as).  The Rekap, Per PK and Per Jenis Kejahatan counts below group these rows in
        Python, which is one pass over the programs where a GROUP BY per sheet was one each."""
        if self._rows is None:
            sql, params = self.month_programs()
            self._rows = self.db.conn.execute(
                "SELECT program_id, person_id, kind_id, officer_id, client_class, offence_category_id,"
                f" at_start, is_new, at_end, ended_as FROM ({sql})", params).fetchall()
        return self._rows

    def rekap(self, statuses: Sequence[str]) -> list[dict[str, Any]]:
        """Per program kind and adult/child: programs at the start, new, ended per status, at the end."""
        groups: dict[tuple[Any, Any], dict[str, Any]] = {}
        zero = {"at_start": 0, "new": 0, **{f"ended_{s}": 0 for s in statuses}, "ended": 0, "at_end": 0}
        for _pid, _person, kind_id, _officer, klass, _cat, at_start, is_new, at_end, ended_as in self._month_rows():
            g = groups.get((kind_id, klass))
            if g is None:
                g = groups[(kind_id, klass)] = {"kind_id": kind_id, "client_class": klass, **zero}
            g["at_start"] += at_start
            g["new"] += is_new
            if at_end:
                g["at_end"] += 1
            else:
                g["ended"] += 1
                if ended_as in statuses:
                    g[f"ended_{ended_as}"] += 1
        return list(groups.values())

    def rekap_persons(self, statuses: Sequence[str]) -> dict[str, Any]:
        """The same columns counting distinct persons (the totals row)."""
        keys = ("at_start", "new", *(f"ended_{s}" for s in statuses), "ended", "at_end", "persons")
        sets: dict[str, set[int]] = {k: set() for k in keys}
        for _pid, person, _kind, _officer, _klass, _cat, at_start, is_new, at_end, ended_as in self._month_rows():
            sets["persons"].add(person)
            if at_start:
                sets["at_start"].add(person)
            if is_new:
                sets["new"].add(person)
            if at_end:
                sets["at_end"].add(person)
            else:
                sets["ended"].add(person)
                if ended_as in statuses:
                    sets[f"ended_{ended_as}"].add(person)
        return {k: len(v) for k, v in sets.items()}

    def per_officer(self) -> list[dict[str, Any]]:
        """Per PK (the officer of the program; None: none yet), by name: persons and programs at the end,
        programs new and ended, persons in the month."""
        groups: dict[Any, list] = {}
        for _pid, person, _kind, officer_id, _klass, _cat, _start, is_new, at_end, _as in self._month_rows():
            g = groups.get(officer_id)
            if g is None:
                g = groups[officer_id] = [set(), 0, 0, 0, set()]
            g[4].add(person)
            g[2] += is_new
            if at_end:
                g[0].add(person)
                g[1] += 1
            else:
                g[3] += 1
        officers = {r[0]: r[1:] for r in self.db.conn.execute("SELECT id, name, nip, name_sort FROM officers")}
        out = []
        for officer_id in sorted(groups, key=lambda i: (i is not None, i or 0)):
            name, nip, name_sort = officers.get(officer_id, (None, None, None))
            persons, programs, new, ended, month_persons = groups[officer_id]
            out.append({"officer_id": officer_id, "name": name, "nip": nip, "persons": len(persons),
                        "programs": programs, "new": new, "ended": ended, "month_persons": len(month_persons),
                        "_sort": (officer_id is None, name_sort is not None, name_sort or "")})
        # ORDER BY officer_id IS NULL, name_sort (NULL first), ties in officer order as SQLite gave them.
        out.sort(key=lambda r: r.pop("_sort"))
        return out

    def per_offence(self) -> list[dict[str, Any]]:
        """Per offence category and program kind: programs at the end, new, persons at the end."""
        groups: dict[tuple[Any, Any], list] = {}
        for _pid, person, kind_id, _officer, _klass, cat, _start, is_new, at_end, _as in self._month_rows():
            g = groups.get((cat, kind_id))
            if g is None:
                g = groups[(cat, kind_id)] = [0, 0, set()]
            g[1] += is_new
            if at_end:
                g[0] += 1
                g[2].add(person)
        return [{"offence_category_id": cat, "kind_id": kind_id, "at_end": at_end, "new": new,
                 "persons": len(persons)} for (cat, kind_id), (at_end, new, persons) in groups.items()]

    def person_ids(self) -> list[int]:
        return list(dict.fromkeys(r[1] for r in self._month_rows()))

    def working(self) -> dict[int, str]:
        """{person: yes / no} at the end of the month (``working_of``) for every person of the month's
        programs, read once for the report (a person missing is "unknown")."""
        if self._working is None:
            persons = sorted(set(self.person_ids()))
            self._working = {}
            for i in range(0, len(persons), 2000):
                self._working.update(working_of(self.db, persons[i: i + 2000], self.last))
        return self._working

    def working_counts(self) -> dict[tuple[Any, Any], dict[str, int]]:
        """{(kind_id, client_class): {yes, no, unknown}}: the working status of the person of each program
        carried out of the month, one per program."""
        if self._working_counts is None:
            working = self.working()
            self._working_counts = {}
            for _pid, person, kind, _officer, klass, _cat, _start, _new, at_end, _as in self._month_rows():
                if at_end:
                    counts = self._working_counts.setdefault((kind, klass), {"yes": 0, "no": 0, "unknown": 0})
                    w = working.get(person, "unknown")
                    counts[w] = counts.get(w, 0) + 1
        return self._working_counts

    def working_persons(self) -> dict[str, int]:
        """{yes, no, unknown} over the persons with a program carried out of the month, one per person."""
        working = self.working()
        out = {"yes": 0, "no": 0, "unknown": 0}
        for person in {r[1] for r in self._month_rows() if r[8]}:
            w = working.get(person, "unknown")
            out[w] = out.get(w, 0) + 1
        return out

    def client_rows(self, chunk: int = 2000) -> Iterator[list[dict[str, Any]]]:
        """"Data Klien": one row per program of the month, in register order, read in chunks."""
        sql, params = self.month_programs()
        last = self.last.isoformat()
        query = (
            "SELECT m.program_id, m.at_end, m.ended_as, pr.register_number, ps.name, ps.nik, ps.passport, ps.sex,"
            " ps.birth_date, c.client_class, c.class_basis, oc.name AS offence, c.offence_text, c.articles,"
            " k.code AS kind_code, k.name AS kind_name, pr.basis_kind, pr.sk_number, pr.sk_date, pr.start_date,"
            " pr.end_date, o.name AS officer, o.nip AS officer_nip, pr.status, pr.status_date,"
            " (SELECT MAX(w.report_date) FROM wajib_lapor w WHERE w.program_id = m.program_id"
            "   AND w.removed_at IS NULL AND w.report_date <= ?) AS last_report, m.person_id"
            f" FROM ({sql}) m JOIN programs pr ON pr.id = m.program_id JOIN persons ps ON ps.id = m.person_id"
            " JOIN cases c ON c.id = pr.case_id JOIN program_kinds k ON k.id = pr.kind_id"
            " LEFT JOIN officers o ON o.id = pr.officer_id"
            " LEFT JOIN offence_categories oc ON oc.id = c.offence_category_id"
            " WHERE m.program_id > ? ORDER BY m.program_id LIMIT ?")
        after = 0
        while True:
            rows = self.db.query(query, (last, *params, after, chunk))
            if not rows:
                return
            yield rows
            after = rows[-1]["program_id"]

    # -- a Lapas or Rutan: occupancy by register class ---------------------------------------------
    def held_by_class(self, day: date) -> dict[str, int]:
        """Persons held on ``day`` per register class: a case not in the bin, detention begun, not yet
        expired, and not outside on an integration program (PB, CB, CMB) active that day."""
        from app.models.queries import active_on

        active, params = active_on("pr", day)
        t = day.isoformat()
        rows = self.db.conn.execute(
            "SELECT register_class, COUNT(DISTINCT person_id) FROM cases c"
            " WHERE c.deleted_at IS NULL AND c.register_class IS NOT NULL"
            " AND (c.detention_start IS NULL OR c.detention_start <= ?) AND (c.expiry IS NULL OR c.expiry > ?)"
            " AND EXISTS (SELECT 1 FROM persons p WHERE p.id = c.person_id AND p.deleted_at IS NULL)"
            " AND NOT EXISTS (SELECT 1 FROM programs pr JOIN program_kinds k ON k.id = pr.kind_id"
            f"   WHERE pr.case_id = c.id AND k.code IN ('PB', 'CB', 'CMB') AND {active})"
            " GROUP BY register_class", [t, t, *params])
        return {k: n for k, n in rows}


# -- "Ekspor daftar ini": the records behind a list of the window ---------------------------------

def list_records(db: Database, person_ids: Sequence[int], flt: Any, today: date) -> list[dict[str, Any]]:
    """For these persons (in this order), the records that put them in the list: one row per program
    (or case, or the person alone), with what a re-import needs.  Under no group: all their records."""
    from app.models.queries import _fact_conditions

    if not person_ids:
        return []
    kind_ids = {code: i for i, code in db.conn.execute("SELECT id, code FROM program_kinds")}
    q = _fact_conditions(flt, today, kind_ids=kind_ids)
    marks = ", ".join("?" * len(person_ids))
    rows = db.query(
        "SELECT f.person_id, p.name, p.alias, p.nik, p.passport, p.nationality, p.sex, p.birth_place, p.birth_date,"
        " p.address, c.client_class, c.class_basis, c.offence_date, c.articles, c.verdict_number, c.verdict_date,"
        " c.sentence_kind,"
        " c.sentences, oc.name AS offence, c.offence_text, k.code AS program, pr.register_number, pr.sk_number,"
        " pr.sk_date, pr.start_date, pr.end_date, o.name AS officer, o.nip AS officer_nip, pr.status,"
        " pr.status_date, f.program_id, f.case_id"
        # The filter's clause names the facts columns bare: it runs alone, over facts, first.
        " FROM (SELECT person_id, case_id, program_id FROM facts"
        f"       WHERE person_id IN ({marks}) AND {q.sql()}) f JOIN persons p ON p.id = f.person_id"
        " LEFT JOIN cases c ON c.id = f.case_id LEFT JOIN programs pr ON pr.id = f.program_id"
        " LEFT JOIN program_kinds k ON k.id = pr.kind_id LEFT JOIN officers o ON o.id = pr.officer_id"
        " LEFT JOIN offence_categories oc ON oc.id = c.offence_category_id"
        " ORDER BY f.person_id, pr.start_date, f.program_id, f.case_id", (*person_ids, *q.params))
    by_person: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        by_person.setdefault(r["person_id"], []).append(r)
    return [r for pid in person_ids for r in by_person.get(pid, [])]


# -- wajib lapor's numbers in the monthly report (its definitions: app.models.lapor_queries) ----------

def month_program_ids(q: MonthlyQueries, where: str = "1", params: Sequence[Any] = ()) -> list[int]:
    """The month's programs (carried in or new) meeting ``where`` over their flags."""
    sql, p = q.month_programs()
    return [r[0] for r in q.db.conn.execute(f"SELECT program_id FROM ({sql}) WHERE {where}", [*p, *params])]


def working_of(db: Database, person_ids: Sequence[int], day: date) -> dict[int, str]:
    """{person: yes / no} for these persons, as ``lapor_queries.working_status`` answers one by one
    (the answer at the latest visit on or before ``day`` at which working was asked, removed visits
    left out; a person missing here is "unknown").  One query for a chunk of the report's rows;
    tests/reports/test_excel_monthly.py checks it gives working_status's answer for every person."""
    if not person_ids:
        return {}
    marks = ", ".join("?" * len(person_ids))
    rows = db.conn.execute(
        "SELECT person_id, working FROM (SELECT p.person_id, v.working, ROW_NUMBER() OVER ("
        "   PARTITION BY p.person_id ORDER BY v.report_date DESC, v.id DESC) AS n"
        "  FROM programs p JOIN wajib_lapor v ON v.program_id = p.id"
        f" WHERE p.person_id IN ({marks}) AND v.removed_at IS NULL AND v.working != 'unknown'"
        "   AND v.report_date <= ?) WHERE n = 1", [*person_ids, day.isoformat()])
    return {pid: working for pid, working in rows}
