"""Derived wajib lapor rows, rebuilt in SQL in the same transaction as every change.

For each visit: the period it counts for (``period_no``), whether it is an extra
contact in an already reported period and whether it came in the grace days of an
unreported period (terlambat).  For each guidance program one ``reporting`` row with
the integers the period arithmetic needs (reporting.sql_periods_before) and what the
"Perlu perhatian" counts read: the latest and the one-before-latest reported period,
the latest excused period, the latest escalation step and whether a revocation is
under way.  ``refresh`` rebuilds them for some programs (an operation) or all (the
demo, a migration, a changed setting), set-based so 100,000 programs take seconds.

The rules are those of app.models.reporting.period_states; tests check that the
flags written here are the ones it finds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date

from app.models.reporting import day_no

# The text date -> the integers of reporting.day_no and month_no.
_DAY = "CAST(julianday({d}) - 1721424.5 AS INTEGER)"
_MONTH = "(CAST(substr({d}, 1, 4) AS INTEGER) * 12 + CAST(substr({d}, 6, 2) AS INTEGER) - 1)"


def day_sql(column: str) -> str:
    return _DAY.format(d=column)


def month_sql(column: str) -> str:
    return _MONTH.format(d=column)


def _index_sql(r: str, column: str) -> str:
    """The index of the period holding the date in ``column`` (a date inside the guidance)."""
    return (f"(CASE {r}.unit WHEN 0 THEN {month_sql(column)} - {r}.start_month"
            f" ELSE ({day_sql(column)} - {r}.start_day) / {r}.unit END)")


def _selection(conn: sqlite3.Connection, name: str, ids: Iterable[int] | None) -> str:
    """A condition ``{col} IN (...)`` over a temporary table of ids, or "1" for every program."""
    if ids is None:
        return "1"
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name}(id INTEGER PRIMARY KEY)")
    conn.execute(f"DELETE FROM temp.{name}")
    conn.executemany(f"INSERT OR IGNORE INTO temp.{name}(id) VALUES (?)", [(int(i),) for i in ids])
    return f"{{col}} IN (SELECT id FROM temp.{name})"


def refresh_persons(conn: sqlite3.Connection, person_ids: Iterable[int] | None, *, grace: int,
                    recorded_since: date | None) -> None:
    """Rebuild the rows of these persons' programs (None: everyone)."""
    if person_ids is None:
        refresh(conn, None, grace=grace, recorded_since=recorded_since)
        return
    ids = sorted(set(person_ids))
    if not ids:
        return
    marks = ",".join("?" * len(ids)) if len(ids) < 500 else None
    if marks:
        programs = [r[0] for r in conn.execute(f"SELECT id FROM programs WHERE person_id IN ({marks})", ids)]
    else:
        where = _selection(conn, "lapor_person_ids", ids).format(col="person_id")
        programs = [r[0] for r in conn.execute(f"SELECT id FROM programs WHERE {where}")]
    refresh(conn, programs, grace=grace, recorded_since=recorded_since)


def refresh(conn: sqlite3.Connection, program_ids: Iterable[int] | None, *, grace: int,
            recorded_since: date | None) -> None:
    """Rebuild the derived columns and rows of these programs (None: every program)."""
    ids = None if program_ids is None else sorted(set(program_ids))
    if ids is not None and not ids:
        return
    sel = _selection(conn, "lapor_ids", ids)
    on_programs = sel.format(col="p.id")
    on_visits = sel.format(col="program_id")
    since = day_no(recorded_since) if recorded_since else -1
    conn.execute(f"DELETE FROM reporting WHERE {sel.format(col='program_id')}")
    conn.execute(f"""
INSERT INTO reporting(program_id, person_id, kind_id, officer_id, status, start_date, end_date, status_date,
                      start_day, start_month, end_day, end_month, unit)
SELECT p.id, p.person_id, p.kind_id, p.officer_id, p.status, p.start_date, p.end_date, p.status_date,
       {day_sql('p.start_date')}, {month_sql('p.start_date')},
       CASE WHEN p.end_date IS NULL THEN NULL ELSE {day_sql('p.end_date')} END,
       CASE WHEN p.end_date IS NULL THEN NULL ELSE {month_sql('p.end_date')} END,
       CASE WHEN s.kind = 'weeks' THEN 7 * s.weeks ELSE 0 END
  FROM programs p
  JOIN program_kinds k ON k.id = p.kind_id AND k.guidance = 1
  JOIN persons pe ON pe.id = p.person_id AND pe.deleted_at IS NULL
  LEFT JOIN reporting_schedules s ON s.program_id = p.id
 WHERE p.deleted_at IS NULL AND p.start_date IS NOT NULL
   AND (p.end_date IS NULL OR p.end_date >= p.start_date) AND {on_programs}""")
    # The period of each visit: inside the guidance only (outside, it counts for nothing).
    conn.execute(f"""
UPDATE wajib_lapor SET period_no = NULL, extra = 0, late = 0 WHERE {on_visits}""")
    conn.execute(f"""
UPDATE wajib_lapor SET period_no = {_index_sql('r', 'wajib_lapor.report_date')}
  FROM reporting r
 WHERE r.program_id = wajib_lapor.program_id AND wajib_lapor.removed_at IS NULL
   AND wajib_lapor.report_date >= r.start_date AND (r.end_date IS NULL OR wajib_lapor.report_date <= r.end_date)
   AND {sel.format(col='wajib_lapor.program_id')}""")
    conn.execute(f"""
UPDATE reporting_excuses SET period_no = {_index_sql('r', 'reporting_excuses.period_day')}
  FROM reporting r
 WHERE r.program_id = reporting_excuses.program_id AND {sel.format(col='reporting_excuses.program_id')}""")
    # Second and later contacts of a period are extra (kontak tambahan): it counts once.
    conn.execute(f"""
UPDATE wajib_lapor SET extra = 1
  FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY program_id, period_no ORDER BY report_date, id) AS rn
          FROM wajib_lapor WHERE removed_at IS NULL AND period_no IS NOT NULL AND {on_visits}) x
 WHERE x.id = wajib_lapor.id AND x.rn > 1""")
    # The first visit of a period made in the grace days of the period before, when that one had
    # no visit and no excuse (and was due: recorded, not closed by an early end): terlambat.
    month_start = day_sql("date(v.report_date, 'start of month')")
    prev_end = f"(CASE r.unit WHEN 0 THEN {month_start} - 1 ELSE r.start_day + v.period_no * r.unit - 1 END)"
    conn.execute(f"""
UPDATE wajib_lapor SET late = 1
 WHERE id IN (
  SELECT v.id FROM wajib_lapor v JOIN reporting r ON r.program_id = v.program_id
   WHERE v.removed_at IS NULL AND v.extra = 0 AND v.period_no >= 1 AND {sel.format(col='v.program_id')}
     AND {day_sql('v.report_date')} <= {prev_end} + ?
     AND {prev_end} >= ?
     AND (r.status = 'aktif' OR r.status_date IS NULL OR {prev_end} <= {day_sql('r.status_date')})
     AND NOT EXISTS (SELECT 1 FROM wajib_lapor w WHERE w.program_id = v.program_id AND w.removed_at IS NULL
                     AND w.period_no = v.period_no - 1)
     AND NOT EXISTS (SELECT 1 FROM reporting_excuses e WHERE e.program_id = v.program_id
                     AND e.removed_at IS NULL AND e.period_no = v.period_no - 1))""", (grace, since))
    conn.execute(f"""
UPDATE reporting SET
    last_no = (SELECT MAX(period_no) FROM wajib_lapor v WHERE v.program_id = reporting.program_id
               AND v.removed_at IS NULL),
    last_date = (SELECT MAX(report_date) FROM wajib_lapor v WHERE v.program_id = reporting.program_id
                 AND v.removed_at IS NULL AND v.period_no IS NOT NULL),
    max_excused_no = (SELECT MAX(period_no) FROM reporting_excuses e WHERE e.program_id = reporting.program_id
                      AND e.removed_at IS NULL)
 WHERE {sel.format(col='program_id')}""")
    conn.execute(f"""
UPDATE reporting SET
    prev_no = (SELECT MAX(period_no) FROM wajib_lapor v WHERE v.program_id = reporting.program_id
               AND v.removed_at IS NULL AND v.period_no < reporting.last_no),
    step_after = (SELECT MAX(after_no) FROM reporting_steps s WHERE s.program_id = reporting.program_id
                  AND s.removed_at IS NULL)
 WHERE {sel.format(col='program_id')}""")
    conn.execute(f"""
UPDATE reporting SET
    step_level = (SELECT MAX(level) FROM reporting_steps s WHERE s.program_id = reporting.program_id
                  AND s.removed_at IS NULL AND s.after_no = reporting.step_after),
    step_date = (SELECT MAX(letter_date) FROM reporting_steps s WHERE s.program_id = reporting.program_id
                 AND s.removed_at IS NULL AND s.after_no = reporting.step_after),
    revocation = EXISTS (SELECT 1 FROM reporting_steps s WHERE s.program_id = reporting.program_id
                         AND s.removed_at IS NULL AND s.step = 'usul_pencabutan'
                         AND NOT EXISTS (SELECT 1 FROM revocation_stages g WHERE g.step_id = s.id
                                         AND g.stage = 'batal' AND g.removed_at IS NULL))
 WHERE {sel.format(col='program_id')}""")


def settings_of(conn: sqlite3.Connection) -> tuple[int, date | None]:
    """(grace days, recorded since) as stored, for callers that hold only a connection (migrations, the index)."""
    import json

    from app.models.reporting import merged_settings, recorded_since

    row = conn.execute("SELECT value FROM settings WHERE key = 'reporting'").fetchone()
    try:
        stored = json.loads(row[0]) if row else {}
    except ValueError:
        stored = {}
    values = merged_settings(stored)
    grace = values["grace_days"]
    return (grace if isinstance(grace, int) else 5), recorded_since(values)
