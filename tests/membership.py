"""Group membership computed from the raw tables, independently of ``facts`` and queries.py.

The rule (issue 9), in plain Python: the program, PK and offence groups hold the programs
active today, unless a status is chosen or "including ended programs" is ticked; "Tanpa
program" holds the persons with no program active today.  Tests compare the sidebar's
counts and the table's rows with what this gives.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from app.models.queries import CURRENT_DIMENSIONS, NONE, Filter, Queries

DIMENSIONS = ("kind", "officer", "offence", "status", "age")


@dataclass(frozen=True)
class Record:
    person: int
    kind: int | None
    officer: int | None
    offence: int | None
    status: str | None
    age: str | None
    start: str | None
    end: str | None

    def active(self, today: date) -> bool:
        t = today.isoformat()
        return self.status == "aktif" and bool(self.start) and self.start <= t and (not self.end or self.end >= t)


def records(db) -> dict[int, list[Record]]:
    """Each person's records, read straight from the tables (not from ``facts``)."""
    out: dict[int, list[Record]] = defaultdict(list)
    persons = [r[0] for r in db.conn.execute("SELECT id FROM persons WHERE deleted_at IS NULL")]
    for pid in persons:
        cases = db.conn.execute("SELECT id, offence_category_id, client_class FROM cases"
                                " WHERE person_id = ? AND deleted_at IS NULL", (pid,)).fetchall()
        if not cases:
            out[pid].append(Record(pid, None, None, None, None, None, None, None))
        for case_id, offence, age in cases:
            programs = db.conn.execute("SELECT kind_id, officer_id, status, start_date, end_date FROM programs"
                                       " WHERE case_id = ? AND deleted_at IS NULL", (case_id,)).fetchall()
            if not programs:
                out[pid].append(Record(pid, None, None, offence, None, age, None, None))
            for kind, off, status, start, end in programs:
                out[pid].append(Record(pid, kind, off, offence, status, age, start, end))
    return out


def members(recs: dict[int, list[Record]], groups: dict, include_ended: bool, today: date) -> set[int]:
    chosen_current = [d for d, v in groups.items() if d in CURRENT_DIMENSIONS and not (d == "kind" and v == NONE)]
    current = not include_ended and "status" not in groups and bool(chosen_current)
    found = set()
    for pid, rs in recs.items():
        has_active = any(r.active(today) for r in rs)
        for r in rs:
            if current and not r.active(today):
                continue
            ok = True
            for d, v in groups.items():
                value = getattr(r, d)
                if d == "kind" and v == NONE and not include_ended:
                    ok = not has_active
                elif v == NONE:
                    ok = value is None
                else:
                    ok = value == v
                if not ok:
                    break
            if ok:
                found.add(pid)
                break
    return found


def values_of(recs: dict[int, list[Record]], dimension: str) -> set:
    return {getattr(r, dimension) for rs in recs.values() for r in rs} | {NONE}


def assert_counts_equal_rows(db, groups: dict, include_ended: bool, today: date) -> int:
    q = Queries(db)
    recs = records(db)
    flt = Filter(tuple(groups.items()), include_ended=include_ended)
    checked = 0
    for dimension in DIMENSIONS:
        if dimension in groups:
            continue
        counts = q.group_counts(dimension, flt, today)
        for value in values_of(recs, dimension):
            value = NONE if value is None else value
            expected = members(recs, {**groups, dimension: value}, include_ended, today)
            assert counts.get(value, 0) == len(expected), (groups, include_ended, dimension, value)
            shown = set(q.person_ids(flt.with_group(dimension, value), today=today))
            assert shown == expected, (groups, include_ended, dimension, value)
            checked += 1
    assert q.total(flt, today) == (len(members(recs, groups, include_ended, today)) if groups else len(recs))
    return checked
