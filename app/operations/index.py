"""Keeps the grouping rows (``facts``) and each person's table row up to date.

Grouping takes no extra step from the officer: whenever a person, case or program
changes, the operation calls ``reindex_persons`` in the same transaction, which
rebuilds that person's ``facts`` rows (one per case and program) and the columns
the table shows and sorts by.  ``reindex_persons(conn, None)`` rebuilds all of them
(after a demo or an import), set-based so 100,000 persons take seconds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from app.models.names import search_fold

_FACTS_FROM_CASES = """
INSERT INTO facts(person_id, case_id, program_id, kind_id, officer_id, status,
                  offence_category_id, age_group, register_class, start_date, end_date)
SELECT c.person_id, c.id, pr.id, pr.kind_id, pr.officer_id, pr.status,
       c.offence_category_id, c.client_class, c.register_class, pr.start_date, pr.end_date
FROM cases c
JOIN persons p ON p.id = c.person_id AND p.deleted_at IS NULL
LEFT JOIN programs pr ON pr.case_id = c.id AND pr.deleted_at IS NULL
WHERE c.deleted_at IS NULL {where}
"""
_FACTS_WITHOUT_CASES = """
INSERT INTO facts(person_id)
SELECT p.id FROM persons p
WHERE p.deleted_at IS NULL {where}
  AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id AND c.deleted_at IS NULL)
"""
# The person's main record: an active program first, then the latest one.
_ROWS = """
UPDATE persons SET
    row_ident = COALESCE(persons.nik, persons.passport, ''),
    row_program = COALESCE(k.code, ''),
    row_register = COALESCE(pr.register_number, ''),
    row_officer = COALESCE(o.name, ''),
    row_officer_sort = COALESCE(o.name_sort, ''),
    row_offence = COALESCE(oc.name, ''),
    row_status = COALESCE(pr.status, ''),
    row_start = COALESCE(pr.start_date, ''),
    row_end = COALESCE(pr.end_date, ''),
    search = rk_fold(persons.name || ' ' || persons.alias || ' ' || COALESCE(persons.nik, '') || ' '
                     || COALESCE(persons.passport, '') || ' ' || COALESCE(sel.registers, ''))
FROM (
    SELECT p.id AS pid, sel0.prog_id,
           COALESCE((SELECT case_id FROM programs WHERE id = sel0.prog_id),
                    (SELECT c.id FROM cases c WHERE c.person_id = p.id AND c.deleted_at IS NULL
                     ORDER BY c.offence_date DESC, c.id DESC LIMIT 1)) AS case_id,
           (SELECT group_concat(register_number, ' ') FROM programs
             WHERE person_id = p.id AND deleted_at IS NULL AND register_number IS NOT NULL) AS registers
    FROM persons p
    JOIN (SELECT p2.id AS id,
                 (SELECT pr2.id FROM programs pr2
                   WHERE pr2.person_id = p2.id AND pr2.deleted_at IS NULL
                   ORDER BY (pr2.status = 'aktif') DESC, pr2.start_date DESC, pr2.id DESC
                   LIMIT 1) AS prog_id
          FROM persons p2 WHERE 1 {where2}) sel0 ON sel0.id = p.id
) AS sel
LEFT JOIN programs pr ON pr.id = sel.prog_id
LEFT JOIN program_kinds k ON k.id = pr.kind_id
LEFT JOIN officers o ON o.id = pr.officer_id
LEFT JOIN cases c ON c.id = sel.case_id
LEFT JOIN offence_categories oc ON oc.id = c.offence_category_id
WHERE persons.id = sel.pid
"""


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the index needs (registered on every connection that writes)."""
    conn.create_function("rk_fold", 1, lambda t: search_fold(t or ""), deterministic=True)


def reindex_persons(conn: sqlite3.Connection, person_ids: Iterable[int] | None) -> None:
    """Rebuild the grouping rows and table columns of these persons (None: everyone)."""
    register_functions(conn)
    if person_ids is not None:
        person_ids = sorted(set(person_ids))
    _reindex_reporting(conn, person_ids)
    if person_ids is None:
        conn.execute("DELETE FROM facts")
        conn.execute(_FACTS_FROM_CASES.format(where=""))
        conn.execute(_FACTS_WITHOUT_CASES.format(where=""))
        conn.execute(_ROWS.format(where2=""))
        return
    ids = sorted(set(person_ids))
    if not ids:
        return
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS reindex_ids(id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.reindex_ids")
    conn.executemany("INSERT INTO temp.reindex_ids(id) VALUES (?)", [(i,) for i in ids])
    conn.execute("DELETE FROM facts WHERE person_id IN (SELECT id FROM temp.reindex_ids)")
    conn.execute(_FACTS_FROM_CASES.format(where="AND c.person_id IN (SELECT id FROM temp.reindex_ids)"))
    conn.execute(_FACTS_WITHOUT_CASES.format(where="AND p.id IN (SELECT id FROM temp.reindex_ids)"))
    conn.execute(_ROWS.format(where2="AND p2.id IN (SELECT id FROM temp.reindex_ids)"))
    conn.execute("DELETE FROM temp.reindex_ids")


# -- wajib lapor (issue 10) -------------------------------------------------------------------------
def _reindex_reporting(conn: sqlite3.Connection, person_ids: list[int] | None) -> None:
    """A program's dates, status, kind or schedule decide its reporting periods: their derived rows
    (app.models.lapor_rows) follow every change to the person, in the same transaction."""
    from app.models.lapor_rows import refresh_persons, settings_of

    grace, since = settings_of(conn)
    refresh_persons(conn, person_ids, grace=grace, recorded_since=since)
