"""Wajib lapor reads: periods and their states, the attendance rate, "Perlu perhatian", working status,
a client's timeline, check-in look-ups.  ``Queries`` (queries.py) exposes them; nothing else reads
these tables.

The "Perlu perhatian" groups of 100,000 programs are counted in one SQL pass over the
``reporting`` rows (lapor_rows.py), with the period arithmetic of reporting.py in SQL
(``reporting.sql_periods_before``): the same rules as ``reporting.period_states``, which
tests/models/test_lapor_queries.py checks on random programs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.models import reporting as rp
from app.models.storage import Database

# The "Perlu perhatian" groups, in the sidebar's order.  step:<key> groups follow the ladder.
ATTENTION_FIRST = ("unreported", "missed_last", "confirm")
ATTENTION_LAST = ("revocation", "ending", "past_end")


@dataclass(frozen=True)
class Context:
    """What the counts need from the settings."""

    grace: int
    since: date | None
    steps: tuple[dict[str, Any], ...]
    routes: dict[int, str]          # kind_id -> the final step's key
    restart: bool

    @property
    def step_keys(self) -> list[str]:
        """Every step group key in ladder order (teguran_1, teguran_2, the final routes but revocation)."""
        keys = [s["key"] for s in self.steps[:-1]]
        for route in rp.FINAL_ROUTES:
            if route != "usul_pencabutan" and route in self.routes.values():
                keys.append(route)
        return keys

    def groups(self) -> list[str]:
        return [*ATTENTION_FIRST, *(f"step:{k}" for k in self.step_keys), *ATTENTION_LAST]


def context(db: Database) -> Context:
    settings = rp.merged_settings(db.get_setting("reporting"))
    kinds = db.query("SELECT id, code, court_ordered, child_only FROM program_kinds")
    routes = {k["id"]: rp.final_route(k["code"], bool(k["court_ordered"]), bool(k["child_only"]),
                                      settings["final_routes"]) for k in kinds}
    return Context(int(settings["grace_days"]), rp.recorded_since(settings), tuple(settings["steps"]), routes,
                   bool(settings["restart_after_visit"]))


def _x(day: date) -> tuple[int, int]:
    return rp.day_no(day), rp.month_no(day)


def periods_before_sql(alias: str, day: date) -> str:
    """``periods_before(day)`` for row ``alias`` with the day's integers written in (they are ours)."""
    d, m = _x(day)
    return rp.sql_periods_before(alias, str(d), str(m))


def _index_at(alias: str, day: date) -> str:
    """The index of the period holding ``day`` for a row whose guidance holds ``day``, or a day before its end
    (negative or 0 before the start: ``MAX(0, ...)`` of it is ``periods_before``)."""
    d, m = _x(day)
    return (f"(CASE {alias}.unit WHEN 0 THEN {m} - {alias}.start_month"
            f" ELSE ({d} - {alias}.start_day) / {alias}.unit END)")


def _row_values(ctx: Context, today: date, persons: list[int] | None = None) -> str:
    """The per-program values the groups are made of, for the active programs of ``today``.

    For an active program ``today`` lies in its guidance, so periods_before(today) is the index of
    today's period and periods_before(today - grace) is MAX(0, its index): no test of the end is needed.
    """
    t = today.isoformat()
    c = _index_at("r", today)
    f = f"MAX(0, {_index_at('r', today - timedelta(days=ctx.grace))})"
    if not ctx.since:
        first = "0"
    elif ctx.since <= today:  # then it lies before the end of an active program too
        first = f"MAX(0, {_index_at('r', ctx.since)})"
    else:
        first = periods_before_sql("r", ctx.since)
    # The latest reported period as of today (a visit after "today" exists only for a past day).
    last = (f"(CASE WHEN r.last_date IS NULL THEN -1 WHEN r.last_date <= '{t}' THEN r.last_no"
            " ELSE COALESCE((SELECT MAX(v.period_no) FROM wajib_lapor v WHERE v.program_id = r.program_id"
            f" AND v.removed_at IS NULL AND v.report_date <= '{t}'), -1) END)")
    only = f" AND r.person_id IN ({', '.join(str(int(p)) for p in persons)})" if persons is not None else ""
    return f"""SELECT r.program_id, r.person_id, r.kind_id, r.officer_id, r.revocation,
       r.max_excused_no, r.step_after, r.step_level, r.step_date, r.last_date, r.prev_no,
       {c} AS c, {f} AS f, {first} AS first, {last} AS last
  FROM reporting r
 WHERE r.status = 'aktif' AND r.start_date <= '{t}' AND (r.end_date IS NULL OR r.end_date >= '{t}'){only}"""


def _excused(alias: str, cond: str, below: str) -> str:
    """Excuses of a row meeting ``cond``; only rows with an excuse above ``below`` look."""
    return (f"(CASE WHEN {alias}.max_excused_no IS NULL OR {alias}.max_excused_no <= {below} THEN 0"
            f" ELSE (SELECT COUNT(*) FROM reporting_excuses e WHERE e.program_id = {alias}.program_id"
            f" AND e.removed_at IS NULL AND {cond}) END)")


def attention_sql(ctx: Context, today: date, persons: list[int] | None = None) -> str:
    """One row per active guidance program with a 0/1 column per "Perlu perhatian" group.

    (ending and past_end are not about visits: see ``extra_group_sql``.)  The per-row values are
    materialized once (SQLite would otherwise repeat their expressions wherever they are used).
    """
    t = today.isoformat()
    thresholds = [int(s["after"]) for s in ctx.steps]
    final_level = len(thresholds)
    route = "CASE m.kind_id " + " ".join(f"WHEN {k} THEN '{v}'" for k, v in ctx.routes.items()) + \
        " ELSE 'usul_pencabutan' END"
    key_of = ("CASE m.issued " + " ".join(f"WHEN {lvl} THEN '{s['key']}'" for lvl, s in enumerate(ctx.steps, 1)
                                          if lvl < final_level)
              + f" WHEN {final_level} THEN {route} ELSE NULL END")
    # With restart_after_visit off, a new run goes on from the highest step of the runs before it.
    if ctx.restart:
        prior = "0"
    else:
        after_of = "CASE s.level " + " ".join(f"WHEN {lvl} THEN {a}" for lvl, a in enumerate(thresholds, 1)) + " END"
        prior = (f"COALESCE((SELECT MAX({after_of}) FROM reporting_steps s WHERE s.program_id = b.program_id"
                 f" AND s.removed_at IS NULL AND s.after_no < b.anchor AND s.letter_date <= '{t}'), 0)")
    effective = "(m.misses + CASE WHEN m.misses > 0 THEN m.prior ELSE 0 END)"
    # The period reported before the latest one (looked up only where it matters: a visit this period).
    prev = (f"(CASE WHEN m.last_date IS NULL OR m.last_date <= '{t}' THEN COALESCE(m.prev_no, -1)"
            " ELSE COALESCE((SELECT MAX(v.period_no) FROM wajib_lapor v WHERE v.program_id = m.program_id"
            f" AND v.removed_at IS NULL AND v.report_date <= '{t}' AND v.period_no < m.last), -1) END)")
    reached = "CASE " + " ".join(f"WHEN {effective} >= {a} THEN {lvl}" for lvl, a in
                                 reversed(list(enumerate(thresholds, 1)))) + " ELSE 0 END"
    return f"""
WITH a AS ({_row_values(ctx, today, persons)}),
b AS MATERIALIZED (SELECT a.*, MAX(a.last, a.first - 1) AS anchor FROM a),
m AS MATERIALIZED (
  SELECT b.*,
         MAX(0, b.f - 1 - b.anchor - {_excused('b', 'e.period_no > b.anchor AND e.period_no < b.f', 'b.anchor')})
             AS misses,
         {_excused('b', 'e.period_no = b.c', 'b.c - 1')} AS exc_c,
         {_excused('b', 'e.period_no = b.c - 1', 'b.c - 2')} AS exc_p,
         CASE WHEN b.step_after IS NULL THEN 0
              WHEN b.step_after = b.anchor AND b.step_date <= '{t}' THEN b.step_level
              ELSE COALESCE((SELECT MAX(s.level) FROM reporting_steps s WHERE s.program_id = b.program_id
                   AND s.removed_at IS NULL AND s.after_no = b.anchor AND s.letter_date <= '{t}'), 0) END AS issued,
         {prior} AS prior
    FROM b)
SELECT m.program_id, m.person_id, m.kind_id, m.officer_id, m.misses, m.issued, m.c, m.f, m.first, m.anchor, m.last,
       ({reached}) AS reached_level, {key_of} AS issued_key,
       (m.last < m.c AND m.exc_c = 0 AND m.c >= m.first) AS unreported,
       (m.c - 1 >= 0 AND m.c - 1 >= m.first AND m.exc_p = 0
        AND NOT (m.last = m.c - 1 OR (m.last > m.c - 1 AND {prev} = m.c - 1))
        AND (m.c - 1 < m.f OR m.last > m.c - 1)) AS missed_last,
       (m.misses > 0 AND ({reached}) > m.issued) AS confirm,
       m.revocation AS revocation
  FROM m"""


def extra_group_sql(group: str, today: date) -> tuple[str, list[Any]]:
    """Programs (program_id, person_id) of the groups not made of visits: ending soon, past their end."""
    t = today.isoformat()
    if group == "ending":
        # ``reporting`` holds no program in the bin; active as queries.active_on defines it.
        from app.models.queries import active_on

        active, params = active_on("r", today, binned_excluded=True)
        return ("SELECT r.program_id, r.person_id FROM reporting r"
                f" WHERE {active} AND r.end_date IS NOT NULL AND r.end_date <= ?",
                [*params, (today + timedelta(days=30)).isoformat()])
    if group == "past_end":
        # A data problem to fix (the status was never changed), never escalated.
        return ("SELECT r.program_id, r.person_id FROM reporting r WHERE r.status = 'aktif' AND r.end_date < ?", [t])
    raise ValueError(group)


def group_sql(ctx: Context, group: str, today: date) -> tuple[str, list[Any]]:
    """SELECT program_id, person_id of one group's programs."""
    if group in ("ending", "past_end"):
        return extra_group_sql(group, today)
    base = attention_sql(ctx, today)
    if group.startswith("step:"):
        key = group.split(":", 1)[1]
        return f"SELECT program_id, person_id FROM ({base}) WHERE misses > 0 AND issued_key = ?", [key]
    if group not in ("unreported", "missed_last", "confirm", "revocation"):
        raise ValueError(f"unknown attention group {group!r}")
    return f"SELECT program_id, person_id FROM ({base}) WHERE {group}", []


@dataclass
class AttentionCache:
    """The "Perlu perhatian" flags of every flagged program, from the last full count (a count worker
    keeps one), so that neither a visit nor choosing another group counts 100,000 programs again.

    ``programs``: program_id -> (person_id, one 0/1 per group of ``_cached_groups``), only programs
    with some flag.  ``epoch``: the caller's mark of the data the flags were counted on; a count asked
    for another epoch (any change but a visit) is a full one.  A visit updates the flags of the
    persons it changed (``changed``), and the counts under other chosen groups are the flagged
    programs those groups allow, read as a set of program ids.
    """

    key: tuple | None = None
    epoch: object = None
    programs: dict[int, tuple[int, tuple[int, ...]]] = field(default_factory=dict)
    of_person: dict[int, set[int]] = field(default_factory=dict)
    # Per person the flags of all their programs together, and the persons per group: the counts with
    # no other group chosen (a visit then costs only its persons, not a pass over every flagged program).
    persons: dict[int, tuple[int, ...]] = field(default_factory=dict)
    totals: list[int] = field(default_factory=list)

    def clear(self, key: tuple, epoch: object, width: int) -> None:
        self.key, self.epoch, self.programs, self.of_person, self.persons = key, epoch, {}, {}, {}
        self.totals = [0] * width

    def put(self, program: int, person: int, flags: tuple[int, ...]) -> None:
        if any(flags):
            self.programs[program] = (person, flags)
            self.of_person.setdefault(person, set()).add(program)
        elif self.programs.pop(program, None) is not None:
            self.of_person[person].discard(program)
        joined = None
        for p in self.of_person.get(person, ()):
            own = self.programs[p][1]
            joined = own if joined is None else tuple(a | b for a, b in zip(joined, own))
        old = self.persons.pop(person, None)
        if joined is not None:
            self.persons[person] = joined
        for i in range(len(self.totals)):
            self.totals[i] += (joined[i] if joined else 0) - (old[i] if old else 0)


def _key(ctx: Context, today: date) -> tuple:
    return (today, ctx.grace, ctx.since, repr(ctx.steps), tuple(sorted(ctx.routes.items())), ctx.restart)


def _groups_of_rows(ctx: Context) -> list[str]:
    return ["unreported", "missed_last", "confirm", "revocation", *(f"step:{k}" for k in ctx.step_keys)]


def _cached_groups(ctx: Context) -> list[str]:
    return [*_groups_of_rows(ctx), "ending", "past_end"]


def _flag_columns(ctx: Context) -> str:
    steps = "".join(f", MAX(misses > 0 AND issued_key = '{k}')" for k in ctx.step_keys)
    return f"MAX(unreported), MAX(missed_last), MAX(confirm), MAX(revocation){steps}"


def _person_flags(db: Database, ctx: Context, today: date, *,
                  programs_in: tuple[str, list[Any]] | None = None) -> list[tuple[int, ...]]:
    """(person_id, flag per group of ``_groups_of_rows``) for the persons with an active guidance program.

    One row per person (most have one program): cheaper than a DISTINCT per group.
    """
    where, params = "", []
    if programs_in is not None:
        where, params = f" WHERE program_id IN ({programs_in[0]})", list(programs_in[1])
    sql = f"SELECT person_id, {_flag_columns(ctx)} FROM ({attention_sql(ctx, today)}){where} GROUP BY person_id"
    return [tuple(int(v or 0) for v in row) for row in db.conn.execute(sql, params)]


def _program_flags(db: Database, ctx: Context, today: date,
                   persons: list[int] | None = None) -> dict[int, tuple[int, tuple[int, ...]]]:
    """program_id -> (person_id, flag per group of ``_groups_of_rows``), every active guidance program."""
    sql = (f"SELECT program_id, person_id, {_flag_columns(ctx)} FROM ({attention_sql(ctx, today, persons)})"
           " GROUP BY program_id")
    return {row[0]: (row[1], tuple(int(v or 0) for v in row[2:])) for row in db.conn.execute(sql)}


def _fill(db: Database, ctx: Context, today: date, cache: AttentionCache, epoch: object) -> None:
    """A full count into ``cache``: the visit groups per program, then ending and past_end."""
    flags = {program: (person, [*row, 0, 0]) for program, (person, row) in _program_flags(db, ctx, today).items()}
    width = len(_groups_of_rows(ctx))
    for column, group in enumerate(("ending", "past_end"), start=width):
        sub, params = extra_group_sql(group, today)
        for program, person in db.conn.execute(sub, params):
            flags.setdefault(program, (person, [0] * (width + 2)))[1][column] = 1
    cache.clear(_key(ctx, today), epoch, width + 2)
    for program, (person, row) in flags.items():
        cache.put(program, person, tuple(row))


def _update(db: Database, ctx: Context, today: date, cache: AttentionCache, changed: set[int]) -> None:
    """The visit groups of the ``changed`` persons counted again (a visit leaves ending and past_end)."""
    fresh = _program_flags(db, ctx, today, persons=sorted(changed))
    width = len(_groups_of_rows(ctx))
    zero = (0,) * width
    programs = {p for person in changed for p in cache.of_person.get(person, ())} | set(fresh)
    for program in programs:
        person, row = fresh.get(program, (None, zero))
        old_person, old = cache.programs.get(program, (person, (0,) * (width + 2)))
        cache.put(program, old_person if person is None else person, (*row, *old[width:]))


def _counted(ctx: Context, cache: AttentionCache, allowed: set[int] | None) -> dict[str, int]:
    names = _cached_groups(ctx)
    if allowed is None:
        return {g: cache.totals[names.index(g)] for g in ctx.groups()}
    persons: list[set[int]] = [set() for _ in names]
    for program, (person, flags) in cache.programs.items():
        if allowed is not None and program not in allowed:
            continue
        for i, flag in enumerate(flags):
            if flag:
                persons[i].add(person)
    totals = {name: len(found) for name, found in zip(names, persons)}
    return {g: totals[g] for g in ctx.groups()}


def attention_counts(db: Database, ctx: Context, today: date, programs_in: tuple[str, list[Any]] | None = None, *,
                     cache: AttentionCache | None = None, changed: set[int] | None = None,
                     epoch: object = None) -> dict[str, int]:
    """{group: distinct persons} for every group.

    ``programs_in``: an optional (subquery of program ids, params) the other chosen groups allow.
    ``cache``: kept up to date and counted from.  It is filled again unless it was counted on the same
    day, settings and ``epoch``; with ``changed`` persons (a visit, same epoch) only they are counted
    again.  Without a cache the counts are one SQL pass over the programs ``programs_in`` allows.
    """
    if cache is None:
        rows = _person_flags(db, ctx, today, programs_in=programs_in)
        totals = {name: sum(r[i + 1] for r in rows) for i, name in enumerate(_groups_of_rows(ctx))}
        where, params = "", []
        if programs_in is not None:
            where, params = f" WHERE program_id IN ({programs_in[0]})", list(programs_in[1])
        for group in ("ending", "past_end"):
            sub, sub_params = extra_group_sql(group, today)
            totals[group] = db.conn.execute(f"SELECT COUNT(DISTINCT person_id) FROM ({sub}){where}",
                                            [*sub_params, *params]).fetchone()[0]
        return {g: totals[g] for g in ctx.groups()}
    if cache.key != _key(ctx, today) or cache.epoch != epoch:
        _fill(db, ctx, today, cache, epoch)
    elif changed:
        _update(db, ctx, today, cache, changed)
    allowed = None
    if programs_in is not None:
        allowed = {p for (p,) in db.conn.execute(programs_in[0], list(programs_in[1]))}
    return _counted(ctx, cache, allowed)


# -- the attendance rate: defined here, once -----------------------------------------------------------

@dataclass(frozen=True)
class Attendance:
    """Periods reported ÷ periods due; excused periods are left out of both."""

    reported: int
    due: int

    @property
    def rate(self) -> float | None:
        return self.reported / self.due if self.due else None

    @property
    def missed(self) -> int:
        return self.due - self.reported


def _spans_sql(ctx: Context, start: date, end: date, today: date, source: str, where: str) -> str:
    """Each program's due periods between ``start`` and ``end``: SELECT program_id, lo, hi (period numbers).

    A period counts once it is over (its end plus the grace days before ``today``), after the
    office began recording, and before an early end of its program.  ``source`` names the
    reporting rows (alias r); ``where`` narrows them.
    """
    s, e = start.isoformat(), end.isoformat()
    lo = periods_before_sql("r", start)
    caps = [periods_before_sql("r", end + timedelta(days=1)),
            periods_before_sql("r", today - timedelta(days=ctx.grace))]
    first = periods_before_sql("r", ctx.since) if ctx.since else "0"
    status_cap = rp.sql_periods_before("r", "CAST(julianday(r.status_date) - 1721424.5 AS INTEGER) + 1",
                                       "(CAST(substr(date(r.status_date, '+1 day'), 1, 4) AS INTEGER) * 12"
                                       " + CAST(substr(date(r.status_date, '+1 day'), 6, 2) AS INTEGER) - 1)")
    hi = (f"MIN({', '.join(caps)}, CASE WHEN r.status = 'aktif' OR r.status_date IS NULL THEN {caps[0]}"
          f" ELSE {status_cap} END)")
    return (f"SELECT r.program_id, MAX({lo}, {first}) AS lo, {hi} AS hi FROM {source}"
            f" WHERE r.start_date <= '{e}' AND (r.end_date IS NULL OR r.end_date >= '{s}')"
            f" AND (r.status = 'aktif' OR r.status_date IS NULL OR r.status_date >= '{s}'){where}")


def attendance(db: Database, ctx: Context, start: date, end: date, today: date,
               programs_in: tuple[str, list[Any]] | None = None) -> Attendance:
    """The attendance rate of the periods that end between ``start`` and ``end`` (inclusive).

    A period counts once it is over (its end plus the grace days before ``today``), was
    due (after the office began recording, before an early end of its program) and was
    not excused; it is reported when a visit lies in it.  ``programs_in`` narrows to
    some programs (a subquery of ids, with its parameters).
    """
    where, params, source = "", [], "reporting r"
    if programs_in is not None and programs_in[0].startswith("SELECT value FROM json_each"):
        # A few programs by id: start from them (the planner would otherwise scan every row).
        source, params = "json_each(?) j CROSS JOIN reporting r ON r.program_id = j.value", list(programs_in[1])
    elif programs_in is not None:
        where, params = f" AND r.program_id IN ({programs_in[0]})", list(programs_in[1])
    spans = _spans_sql(ctx, start, end, today, source, where)
    head = f"""
WITH sp AS MATERIALIZED (SELECT * FROM ({spans}) WHERE hi > lo),
vis AS MATERIALIZED (SELECT DISTINCT v.program_id, v.period_no FROM sp CROSS JOIN wajib_lapor v
                      ON v.program_id = sp.program_id
                     WHERE v.removed_at IS NULL AND v.period_no >= sp.lo AND v.period_no < sp.hi)
"""
    excused_sql = """(SELECT COUNT(*) FROM (SELECT DISTINCT x.program_id, x.period_no FROM sp
                       CROSS JOIN reporting_excuses x ON sp.program_id = x.program_id
                      WHERE x.removed_at IS NULL AND x.period_no >= sp.lo AND x.period_no < sp.hi
                        AND NOT EXISTS (SELECT 1 FROM vis WHERE vis.program_id = x.program_id
                                        AND vis.period_no = x.period_no)))"""
    if source.startswith("json_each"):
        # A few programs (a card): three statements, each well under a millisecond, where SQLite took over
        # ten for the three as subqueries of one.
        periods = db.conn.execute(head + "SELECT COALESCE(SUM(hi - lo), 0) FROM sp", params).fetchone()[0]
        reported = db.conn.execute(head + "SELECT COUNT(*) FROM vis", params).fetchone()[0]
        excused = db.conn.execute(head + "SELECT " + excused_sql, params).fetchone()[0]
    else:  # many programs: one pass over the spans
        periods, reported, excused = db.conn.execute(
            head + f"SELECT (SELECT COALESCE(SUM(hi - lo), 0) FROM sp), (SELECT COUNT(*) FROM vis), {excused_sql}",
            params).fetchone()
    return Attendance(int(reported), int(periods) - int(excused))


def attendance_parts(db: Database, ctx: Context, start: date, end: date, today: date) -> dict[int, Attendance]:
    """``attendance`` program by program, in one pass: {program id: Attendance} of every program
    with a period due between ``start`` and ``end``.  Summed over any set of programs it gives
    what ``attendance`` gives for that set (the same spans, visits and excuses), so a report of
    many groups reads the periods once instead of once per group."""
    spans = _spans_sql(ctx, start, end, today, "reporting r", "")
    sql = f"""
WITH sp AS MATERIALIZED (SELECT * FROM ({spans}) WHERE hi > lo),
vis AS MATERIALIZED (SELECT DISTINCT v.program_id, v.period_no FROM sp CROSS JOIN wajib_lapor v
                      ON v.program_id = sp.program_id
                     WHERE v.removed_at IS NULL AND v.period_no >= sp.lo AND v.period_no < sp.hi),
rep AS (SELECT program_id, COUNT(*) AS n FROM vis GROUP BY program_id),
exc AS (SELECT x.program_id, COUNT(DISTINCT x.period_no) AS n FROM sp
          CROSS JOIN reporting_excuses x ON sp.program_id = x.program_id
         WHERE x.removed_at IS NULL AND x.period_no >= sp.lo AND x.period_no < sp.hi
           AND NOT EXISTS (SELECT 1 FROM vis WHERE vis.program_id = x.program_id AND vis.period_no = x.period_no)
         GROUP BY x.program_id)
SELECT sp.program_id, sp.hi - sp.lo, COALESCE(rep.n, 0), COALESCE(exc.n, 0)
  FROM sp LEFT JOIN rep ON rep.program_id = sp.program_id LEFT JOIN exc ON exc.program_id = sp.program_id
"""
    return {pid: Attendance(int(reported), int(periods) - int(excused))
            for pid, periods, reported, excused in db.conn.execute(sql)}


# -- one program ---------------------------------------------------------------------------------

def schedule_of(db: Database, program_id: int) -> rp.Schedule:
    found = db.query("SELECT kind, weeks, due_day FROM reporting_schedules WHERE program_id = ?", (program_id,))
    if not found:
        return rp.MONTHLY_SCHEDULE
    return rp.Schedule(found[0]["kind"], int(found[0]["weeks"]), found[0]["due_day"])


def visits_of(db: Database, program_id: int, *, include_removed: bool = False) -> list[dict[str, Any]]:
    removed = "" if include_removed else "AND v.removed_at IS NULL"
    return db.query(
        "SELECT v.*, o.name AS officer_name, o.nip AS officer_nip FROM wajib_lapor v"
        f" LEFT JOIN officers o ON o.id = v.officer_id WHERE v.program_id = ? {removed}"
        " ORDER BY v.report_date, v.id", (program_id,))


def excuses_of(db: Database, program_id: int, *, include_removed: bool = False) -> list[dict[str, Any]]:
    removed = "" if include_removed else "AND e.removed_at IS NULL"
    return db.query(
        "SELECT e.*, o.name AS officer_name FROM reporting_excuses e LEFT JOIN officers o ON o.id = e.officer_id"
        f" WHERE e.program_id = ? {removed} ORDER BY e.period_day, e.id", (program_id,))


def steps_of(db: Database, program_id: int, *, include_removed: bool = False) -> list[dict[str, Any]]:
    """The escalation steps confirmed for a program (letters issued), oldest first, with their stages."""
    removed = "" if include_removed else "AND s.removed_at IS NULL"
    steps = db.query(
        "SELECT s.*, o.name AS officer_name FROM reporting_steps s LEFT JOIN officers o ON o.id = s.officer_id"
        f" WHERE s.program_id = ? {removed} ORDER BY s.letter_date, s.id", (program_id,))
    for s in steps:
        s["label"] = rp.step_label(s["step"])
        s["stages"] = db.query("SELECT * FROM revocation_stages WHERE step_id = ? AND removed_at IS NULL"
                               " ORDER BY date, id", (s["id"],))
        for g in s["stages"]:
            g["label"] = rp.step_label(g["stage"])
    return steps


def program_states(db: Database, ctx: Context, program: dict[str, Any], today: date
                   ) -> tuple[rp.Schedule, list[rp.PeriodState]]:
    return _states(ctx, program, today, schedule_of(db, program["id"]), visits_of(db, program["id"]),
                   excuses_of(db, program["id"]))


def many_program_states(db: Database, ctx: Context, programs: list[dict[str, Any]], today: date
                        ) -> dict[int, tuple[rp.Schedule, list[rp.PeriodState]]]:
    """``program_states`` of many programs, their schedules, visits and excuses read in one query each
    (per 500 programs) instead of three per program: a batch of cards reads thousands."""
    out: dict[int, tuple[rp.Schedule, list[rp.PeriodState]]] = {}
    for lo in range(0, len(programs), 500):
        part = programs[lo:lo + 500]
        ids = [int(p["id"]) for p in part]
        marks = ", ".join("?" * len(ids))
        schedules = {r["program_id"]: rp.Schedule(r["kind"], int(r["weeks"]), r["due_day"]) for r in db.query(
            f"SELECT program_id, kind, weeks, due_day FROM reporting_schedules WHERE program_id IN ({marks})", ids)}
        visits: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
        for v in db.query("SELECT v.*, o.name AS officer_name, o.nip AS officer_nip FROM wajib_lapor v"
                          f" LEFT JOIN officers o ON o.id = v.officer_id WHERE v.program_id IN ({marks})"
                          " AND v.removed_at IS NULL ORDER BY v.program_id, v.report_date, v.id", ids):
            visits[v["program_id"]].append(v)
        excuses: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
        for e in db.query("SELECT e.*, o.name AS officer_name FROM reporting_excuses e"
                          f" LEFT JOIN officers o ON o.id = e.officer_id WHERE e.program_id IN ({marks})"
                          " AND e.removed_at IS NULL ORDER BY e.program_id, e.period_day, e.id", ids):
            excuses[e["program_id"]].append(e)
        for p in part:
            pid = int(p["id"])
            out[pid] = _states(ctx, p, today, schedules.get(pid, rp.MONTHLY_SCHEDULE), visits[pid], excuses[pid])
    return out


def _states(ctx: Context, program: dict[str, Any], today: date, schedule: rp.Schedule,
            visit_rows: list[dict[str, Any]], excuse_rows: list[dict[str, Any]]
            ) -> tuple[rp.Schedule, list[rp.PeriodState]]:
    start = date.fromisoformat(program["start_date"])
    end = date.fromisoformat(program["end_date"]) if program.get("end_date") else None
    visits = [rp.Visit(date.fromisoformat(v["report_date"]), v["id"], v) for v in visit_rows
              if v["report_date"] <= today.isoformat()]
    excuses = {}
    for e in excuse_rows:
        if e["period_no"] is not None:
            excuses[e["period_no"]] = e
    closed = None
    if program["status"] != "aktif" and program.get("status_date"):
        closed = date.fromisoformat(program["status_date"])
    states = rp.period_states(start, end, schedule, visits, excuses, today, ctx.grace, closed_after=closed,
                              recorded_since=ctx.since)
    for s in states:
        if s.period.index in excuses:
            s.excused = True
            s.excuse = excuses[s.period.index]
    return schedule, states


def escalation(db: Database, ctx: Context, program: dict[str, Any], states: list[rp.PeriodState],
               today: date) -> dict[str, Any]:
    """Where a program stands on the ladder: the run, the step reached, the steps issued in this run,
    the step awaiting the officer's confirmation (with the letter number it would get)."""
    kind = db.query("SELECT code, court_ordered, child_only FROM program_kinds WHERE id = ?", (program["kind_id"],))[0]
    final = ctx.routes.get(program["kind_id"]) or rp.final_route(kind["code"], bool(kind["court_ordered"]),
                                                                 bool(kind["child_only"]))
    steps = rp.ladder(ctx.steps, final)
    misses = rp.miss_run(states)
    anchor = rp.run_anchor(states, ctx.since)
    letters = steps_of(db, program["id"])
    in_run = [s for s in letters if s["after_no"] == anchor and s["letter_date"] <= today.isoformat()]
    issued = max((s["level"] for s in in_run), default=0)
    prior = 0
    if not ctx.restart and misses:
        earlier = [s["level"] for s in letters if s["after_no"] < anchor]
        if earlier:
            prior = steps[min(max(earlier), len(steps)) - 1].after
    reached = rp.reached_step(steps, misses + prior) if misses else None
    pending = reached if reached is not None and reached.level > issued else None
    return {"misses": misses, "anchor": anchor, "ladder": steps, "reached": reached, "issued_level": issued,
            "issued": in_run, "letters": letters, "pending": pending, "final_route": final}


def next_letter_seq(db: Database, step: str, year: int) -> int:
    """The next sequence number of a kind of letter in a year (steps and revocation stages alike)."""
    a = db.scalar("SELECT MAX(letter_seq) FROM reporting_steps WHERE step = ? AND substr(letter_date, 1, 4) = ?",
                  (step, str(year))) or 0
    b = db.scalar("SELECT MAX(letter_seq) FROM revocation_stages WHERE stage = ? AND substr(date, 1, 4) = ?",
                  (step, str(year))) or 0
    return max(int(a), int(b)) + 1


def propose_letter(db: Database, step: str, program: dict[str, Any], day: date) -> tuple[str, int]:
    """(letter number, sequence) from the settings' pattern for this step."""
    settings = rp.merged_settings(db.get_setting("reporting"))
    pattern = settings["letter_patterns"].get(step) or "{seq3}/" + step.upper() + "/{roman_month}/{year}"
    seq = next_letter_seq(db, step, day.year)
    kind = db.scalar("SELECT code FROM program_kinds WHERE id = ?", (program["kind_id"],)) or ""
    number = rp.letter_number(pattern, seq, step=step, program=kind, register=program.get("register_number") or "",
                              day=day)
    return number, seq


# -- working status -------------------------------------------------------------------------------

def working_status(db: Database, person_id: int, day: date) -> str:
    """yes / no as recorded at the person's latest visit on or before ``day`` at which it was asked,
    else unknown."""
    value = db.scalar(
        "SELECT v.working FROM wajib_lapor v JOIN programs p ON p.id = v.program_id WHERE p.person_id = ?"
        " AND v.removed_at IS NULL AND v.working != 'unknown' AND v.report_date <= ?"
        " ORDER BY v.report_date DESC, v.id DESC LIMIT 1", (person_id, day.isoformat()))
    return str(value) if value else "unknown"


def working_counts(db: Database, day: date, persons_in: tuple[str, list[Any]]) -> dict[str, int]:
    """{yes, no, unknown}: the working status at ``day`` of each person the subquery selects."""
    t = day.isoformat()
    rows = db.conn.execute(
        f"""SELECT COALESCE((SELECT v.working FROM programs p JOIN wajib_lapor v ON v.program_id = p.id
                      WHERE p.person_id = x.person_id AND v.removed_at IS NULL AND v.working != 'unknown'
                        AND v.report_date <= ? ORDER BY v.report_date DESC, v.id DESC LIMIT 1), 'unknown') AS w,
                   COUNT(*) FROM ({persons_in[0]}) x GROUP BY w""", [t, *persons_in[1]]).fetchall()
    out = {"yes": 0, "no": 0, "unknown": 0}
    out.update({w: n for w, n in rows})
    return out


# -- the dashboard --------------------------------------------------------------------------------

def months_back(today: date, count: int) -> list[tuple[date, date]]:
    """The last ``count`` calendar months up to today's, oldest first: (first day, last day)."""
    import calendar

    out = []
    months = today.year * 12 + today.month - 1
    for m in range(months - count + 1, months + 1):
        year, month = divmod(m, 12)
        out.append((date(year, month + 1, 1), date(year, month + 1, calendar.monthrange(year, month + 1)[1])))
    return out


def monthly_flow(db: Database, months: list[tuple[date, date]]) -> list[dict[str, Any]]:
    """Per month: clients new (a guidance program started) and ended (habis masa bimbingan: a guidance
    program completed, status selesai dated that month), as distinct persons."""
    out = []
    for start, end in months:
        s, e = start.isoformat(), end.isoformat()
        new = db.scalar("SELECT COUNT(DISTINCT r.person_id) FROM reporting r WHERE r.start_date BETWEEN ? AND ?",
                        (s, e))
        ended = db.scalar("SELECT COUNT(DISTINCT r.person_id) FROM reporting r WHERE r.status = 'selesai'"
                          " AND COALESCE(r.status_date, r.end_date) BETWEEN ? AND ?", (s, e))
        out.append({"start": start, "end": end, "new": int(new or 0), "ended": int(ended or 0)})
    return out
