"""Read-only queries the window and the command line share: groups, counts, table rows, details.

A group count is the number of distinct persons with at least one record in that
group; the table of a group shows exactly those persons, so the two always agree.
Filters from different dimensions combine with AND on the same record (a person
under "PB" and PK "Sari" has a PB program supervised by Sari).  Counts come from
indexed GROUP BY queries over ``facts``; the table fetches ids in order and the
rows of one screen at a time.
"""

from __future__ import annotations

import calendar
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.models.durations import Duration, add_calendar
from app.models.names import search_fold
from app.models.storage import Database

NONE = "__none__"  # the group of records without a value (no program, no PK ...)

# dimension -> column of ``facts``
FACT_COLUMNS = {
    "kind": "kind_id",
    "officer": "officer_id",
    "offence": "offence_category_id",
    "status": "status",
    "age": "age_group",
    "class": "register_class",
}
DIMENSIONS = (*FACT_COLUMNS, "due")

SORT_COLUMNS = {
    "name": "name_sort", "nik": "nik", "birth_date": "birth_date", "program": "row_program",
    "register": "row_register", "officer": "row_officer_sort", "offence": "row_offence",
    "status": "row_status", "start": "row_start", "end": "row_end",
}

# Due lists by the unit's kind (issue 3); see due_condition().
DUE_GROUPS_LAPAS = ("pb", "cb", "cmb", "asimilasi", "release_1", "release_2", "release_3", "missing_verdict")
DUE_GROUPS_BAPAS = ("guidance_ending", "official_differs")


@dataclass(frozen=True)
class Filter:
    """The selected groups (one value per dimension) and the search text."""

    groups: tuple[tuple[str, Any], ...] = ()
    search: str = ""

    def with_group(self, dimension: str, value: Any) -> Filter:
        kept = tuple((d, v) for d, v in self.groups if d != dimension)
        return Filter(kept if value is None else (*kept, (dimension, value)), self.search)

    def with_search(self, text: str) -> Filter:
        return Filter(self.groups, text)

    def value(self, dimension: str) -> Any:
        return dict(self.groups).get(dimension)

    def without(self, dimension: str) -> Filter:
        return Filter(tuple((d, v) for d, v in self.groups if d != dimension), self.search)


@dataclass
class _Sql:
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def sql(self) -> str:
        return " AND ".join(self.where) if self.where else "1"


def _end_of_month(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def add_months(d: date, months: int) -> date:
    return add_calendar(d, Duration(months=months))


def due_condition(group: str, today: date) -> tuple[str, list[Any]]:
    """SQL over ``cases c`` selecting the cases in a due list on ``today``."""
    t = today.isoformat()
    horizon = _end_of_month(add_months(today.replace(day=1), 1)).isoformat()  # end of next month
    serving = "c.deleted_at IS NULL AND c.expiry > ?"

    def not_granted(code: str) -> str:
        return ("NOT EXISTS (SELECT 1 FROM programs pr JOIN program_kinds k ON k.id = pr.kind_id"
                f" WHERE pr.case_id = c.id AND pr.deleted_at IS NULL AND k.code = '{code}')")

    if group == "pb":
        return (f"{serving} AND c.parole_eligible = 1 AND c.parole_date <= ? AND {not_granted('PB')}", [t, horizon])
    if group == "cb":
        return (f"{serving} AND c.conditional_leave_eligible = 1 AND c.conditional_leave_start <= ?"
                f" AND {not_granted('CB')}", [t, horizon])
    if group == "cmb":
        return (f"{serving} AND c.leave_before_release_start <= ? AND {not_granted('CMB')}", [t, horizon])
    if group == "asimilasi":
        return (f"{serving} AND c.assimilation_date <= ? AND {not_granted('ASIM')}", [t, horizon])
    if group.startswith("release_"):
        months = int(group.split("_")[1])
        return ("c.deleted_at IS NULL AND c.expiry > ? AND c.expiry <= ?", [t, add_months(today, months).isoformat()])
    if group == "missing_verdict":
        return ("c.deleted_at IS NULL AND c.sentence_kind IN ('term', 'life', 'death')"
                " AND (c.verdict_date IS NULL OR (c.sentence_kind = 'term' AND COALESCE(c.sentence_p30, 0) = 0))", [])
    if group == "guidance_ending":
        return ("c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM programs pr WHERE pr.case_id = c.id"
                " AND pr.deleted_at IS NULL AND pr.status = 'aktif' AND pr.end_date >= ? AND pr.end_date <= ?)",
                [t, (today + timedelta(days=30)).isoformat()])
    if group == "official_differs":
        return ("c.deleted_at IS NULL AND c.official_differs = 1", [])
    raise ValueError(f"unknown due group {group!r}")


def _fact_conditions(flt: Filter, today: date, skip: str | None = None) -> _Sql:
    q = _Sql()
    for dimension, value in flt.groups:
        if dimension == skip:
            continue
        if dimension == "due":
            cond, params = due_condition(value, today)
            q.where.append(f"case_id IN (SELECT c.id FROM cases c WHERE {cond})")
            q.params.extend(params)
        elif value == NONE:
            q.where.append(f"{FACT_COLUMNS[dimension]} IS NULL")
        else:
            q.where.append(f"{FACT_COLUMNS[dimension]} = ?")
            q.params.append(value)
    return q


def _search_terms(text: str) -> list[str]:
    return search_fold(text).split()


class Queries:
    """The read side over one open database."""

    def __init__(self, db: Database):
        self.db = db

    # -- groups and counts ---------------------------------------------------------
    def group_counts(self, dimension: str, flt: Filter = Filter(), today: date | None = None) -> dict[Any, int]:
        """{group value: distinct persons} in one dimension, under the other dimensions' filters."""
        today = today or date.today()
        q = _fact_conditions(flt, today, skip=dimension)
        if dimension == "due":
            raise ValueError("use due_counts()")
        col = FACT_COLUMNS[dimension]
        rows = self.db.conn.execute(
            f"SELECT {col}, COUNT(DISTINCT person_id) FROM facts WHERE {q.sql()} GROUP BY {col}", q.params)
        return {(NONE if value is None else value): n for value, n in rows}

    def due_counts(self, groups: Sequence[str], flt: Filter = Filter(), today: date | None = None) -> dict[str, int]:
        today = today or date.today()
        q = _fact_conditions(flt, today, skip="due")
        out = {}
        for g in groups:
            cond, params = due_condition(g, today)
            out[g] = self.db.conn.execute(
                f"SELECT COUNT(DISTINCT person_id) FROM facts WHERE {q.sql()}"
                f" AND case_id IN (SELECT c.id FROM cases c WHERE {cond})", [*q.params, *params]).fetchone()[0]
        return out

    def total(self, flt: Filter = Filter(), today: date | None = None) -> int:
        """Distinct persons under the filter (ignoring the search text)."""
        today = today or date.today()
        if not flt.groups:
            return int(self.db.scalar("SELECT COUNT(*) FROM persons WHERE deleted_at IS NULL"))
        q = _fact_conditions(flt, today)
        return int(self.db.scalar(f"SELECT COUNT(DISTINCT person_id) FROM facts WHERE {q.sql()}", q.params))

    # -- the table -------------------------------------------------------------------
    def person_ids(self, flt: Filter = Filter(), sort: str = "name", descending: bool = False,
                   today: date | None = None) -> array:
        """Ids of the persons to show, in order: a compact array, the rows come later."""
        today = today or date.today()
        where = ["deleted_at IS NULL"]
        params: list[Any] = []
        if flt.groups:
            q = _fact_conditions(flt, today)
            where.append(f"id IN (SELECT person_id FROM facts WHERE {q.sql()})")
            params.extend(q.params)
        for term in _search_terms(flt.search):
            where.append("instr(search, ?) > 0")
            params.append(term)
        col = SORT_COLUMNS.get(sort, "name_sort")
        direction = "DESC" if descending else "ASC"
        sql = (f"SELECT id FROM persons WHERE {' AND '.join(where)}"
               f" ORDER BY {col} {direction}, id {direction}")
        ids = array("q")
        cur = self.db.conn.execute(sql, params)
        while chunk := cur.fetchmany(20000):
            ids.extend(r[0] for r in chunk)
        return ids

    def rows(self, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """The table's columns for these persons, by id."""
        ids = list(ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {r["id"]: r for r in self.db.query(
            "SELECT id, name, alias, nik, passport, sex, birth_date, row_program, row_register, row_officer,"
            f" row_offence, row_status, row_start, row_end FROM persons WHERE id IN ({marks})", ids)}

    # -- lookups ---------------------------------------------------------------------
    def program_kinds(self, active_only: bool = False) -> list[dict[str, Any]]:
        where = "WHERE active = 1" if active_only else ""
        return self.db.query(f"SELECT * FROM program_kinds {where} ORDER BY position, id")

    def offence_categories(self, active_only: bool = False) -> list[dict[str, Any]]:
        where = "WHERE active = 1" if active_only else ""
        return self.db.query(f"SELECT * FROM offence_categories {where} ORDER BY position, id")

    def officers(self, active_only: bool = False) -> list[dict[str, Any]]:
        where = "WHERE o.active = 1" if active_only else ""
        return self.db.query(
            "SELECT o.*, (SELECT COUNT(DISTINCT p.person_id) FROM programs p"
            "  WHERE p.officer_id = o.id AND p.status = 'aktif' AND p.deleted_at IS NULL) AS caseload"
            f" FROM officers o {where} ORDER BY o.active DESC, o.name_sort")

    def person(self, person_id: int) -> dict[str, Any] | None:
        found = self.db.query("SELECT * FROM persons WHERE id = ?", (person_id,))
        return found[0] if found else None

    def cases_of(self, person_id: int, include_deleted: bool = False) -> list[dict[str, Any]]:
        deleted = "" if include_deleted else "AND c.deleted_at IS NULL"
        return self.db.query(
            "SELECT c.*, oc.name AS offence_name FROM cases c"
            " LEFT JOIN offence_categories oc ON oc.id = c.offence_category_id"
            f" WHERE c.person_id = ? {deleted} ORDER BY c.offence_date DESC, c.id DESC", (person_id,))

    def programs_of(self, person_id: int, include_deleted: bool = False) -> list[dict[str, Any]]:
        deleted = "" if include_deleted else "AND p.deleted_at IS NULL"
        return self.db.query(
            "SELECT p.*, k.code AS kind_code, k.name AS kind_name, o.name AS officer_name, o.nip AS officer_nip"
            " FROM programs p JOIN program_kinds k ON k.id = p.kind_id LEFT JOIN officers o ON o.id = p.officer_id"
            f" WHERE p.person_id = ? {deleted} ORDER BY (p.status = 'aktif') DESC, p.start_date DESC, p.id DESC",
            (person_id,))

    def remissions_of(self, case_id: int) -> list[dict[str, Any]]:
        return self.db.query("SELECT * FROM remissions WHERE case_id = ? ORDER BY granted, id", (case_id,))

    def interruptions_of(self, case_id: int) -> list[dict[str, Any]]:
        return self.db.query("SELECT * FROM interruptions WHERE case_id = ? ORDER BY start", (case_id,))

    def status_history(self, program_id: int) -> list[dict[str, Any]]:
        return self.db.query("SELECT * FROM status_changes WHERE program_id = ? ORDER BY date, id", (program_id,))

    def history(self, person_id: int) -> list[dict[str, Any]]:
        """The audit trail of one person, oldest first."""
        return self.db.query("SELECT * FROM audit_log WHERE person_id = ? ORDER BY id", (person_id,))

    def audit_page(self, offset: int = 0, limit: int = 200, text: str = "") -> list[dict[str, Any]]:
        where, params = "", []
        if text.strip():
            where = "WHERE operation LIKE ? OR entity LIKE ? OR operator LIKE ? OR after LIKE ? OR before LIKE ?"
            params = [f"%{text.strip()}%"] * 5
        return self.db.query(f"SELECT * FROM audit_log {where} ORDER BY id DESC LIMIT ? OFFSET ?",
                             [*params, limit, offset])

    def audit_count(self) -> int:
        return int(self.db.scalar("SELECT COUNT(*) FROM audit_log"))

    def is_empty(self) -> bool:
        return not self.db.scalar("SELECT 1 FROM persons LIMIT 1")
