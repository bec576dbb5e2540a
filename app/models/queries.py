"""Read-only queries the window and the command line share: groups, counts, table rows, details.

A group count is the number of distinct persons with at least one record in that
group; the table of a group shows exactly those persons, so the two always agree.
Filters from different dimensions combine with AND on the same record (a person
under "PB" and PK "Sari" has a PB program supervised by Sari).  Counts come from
indexed GROUP BY queries over ``facts``; the table fetches ids in order and the
rows of one screen at a time.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from app.models.schema import INCOMPLETE_CASE, MISSING_VERDICT, NO_IDENTITY, SORT_KEYS, SUBSIDER_ONLY
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
DIMENSIONS = (*FACT_COLUMNS, "due", "attention")
# The groups that mean "active today" by default (Filter.only_current).
CURRENT_DIMENSIONS = ("kind", "officer", "offence")

# Columns of one table row (the persons table keeps them up to date, operations/index.py).
ROW_COLUMNS = ("id", "name", "alias", "nik", "passport", "sex", "birth_date", "row_ident", "row_program",
               "row_register", "row_officer", "row_officer_sort", "row_offence", "row_status", "row_start",
               "row_end", "name_sort")
# A selection this small is sorted directly; a larger one is read in the order of a sort index.
SMALL_SELECTION = 5000

# Due lists by the unit's kind (issue 3); see due_condition().
DUE_GROUPS_LAPAS = ("pb", "cb", "cmb", "asimilasi", "release_1", "release_2", "release_3", "missing_verdict",
                    "incomplete")
# "Guidance ends within 30 days" moved to the "Perlu perhatian" groups (attention "ending"): one home.
# "incomplete" (issue 12): "Data belum lengkap".
DUE_GROUPS_BAPAS = ("official_differs", "incomplete")


def active_on(alias: str, day: date, *, binned_excluded: bool = False) -> tuple[str, list[Any]]:
    """The one definition of "a program is active on ``day``": (SQL condition, parameters).

    Active means: not in the bin, status aktif, started on or before ``day`` (a program
    without a start date has not started), and not past its end (no end date: open).
    The sidebar's program, PK and offence groups, wajib lapor, printing and the Excel
    reports all use this, so "CB" means the same everywhere: the CB clients of today.
    ``alias`` is the programs table's alias in the caller's query; ``binned_excluded``
    says its rows hold no program in the bin already (``facts``), which has no bin column.
    """
    t = day.isoformat()
    binned = "" if binned_excluded else f"{alias}.deleted_at IS NULL AND "
    return (f"({binned}{alias}.status = 'aktif' AND {alias}.start_date IS NOT NULL"
            f" AND {alias}.start_date <= ? AND ({alias}.end_date IS NULL OR {alias}.end_date >= ?))", [t, t])


def is_active_on(program: dict[str, Any], day: date) -> bool:
    """``active_on`` for one program row already read (same rule, in Python)."""
    t = day.isoformat()
    start, end = program.get("start_date"), program.get("end_date")
    return (program.get("deleted_at") is None and program.get("status") == "aktif" and bool(start)
            and start <= t and (not end or end >= t))


@dataclass(frozen=True)
class Filter:
    """The selected groups (one value per dimension) and the search text."""

    groups: tuple[tuple[str, Any], ...] = ()
    search: str = ""
    # The program, PK and offence groups hold the programs active today unless this is set
    # ("termasuk yang sudah berakhir" in the sidebar).
    include_ended: bool = False

    def with_group(self, dimension: str, value: Any) -> Filter:
        kept = tuple((d, v) for d, v in self.groups if d != dimension)
        return replace(self, groups=kept if value is None else (*kept, (dimension, value)))

    def with_search(self, text: str) -> Filter:
        return replace(self, search=text)

    def with_include_ended(self, include: bool) -> Filter:
        return replace(self, include_ended=include)

    def value(self, dimension: str) -> Any:
        return dict(self.groups).get(dimension)

    def without(self, dimension: str) -> Filter:
        return replace(self, groups=tuple((d, v) for d, v in self.groups if d != dimension))

    def only_current(self, counting: str | None = None) -> bool:
        """Whether the records behind this filter (plus the dimension being counted) must be active today.

        A program, PK or offence group means "now" (issue 9: an officer reads "CB" as "my CB
        clients now"); a chosen status says itself which records count, so it lifts the rule,
        as does "including ended programs".  The number beside a group is computed with the
        rule that applies once it is clicked, so counts always equal rows.
        """
        chosen_dims = {d for d, _ in self.groups}
        if self.include_ended or "status" in chosen_dims or counting == "status":
            return False
        # "Perlu perhatian" groups say themselves which programs they hold (wajib lapor, issue 10).
        if "attention" in chosen_dims or counting == "attention":
            return False
        # "Tanpa program" (kind NONE) is a statement about the person, not about one record.
        chosen = {d for d, v in self.groups if d in CURRENT_DIMENSIONS and not (d == "kind" and v == NONE)}
        return bool(chosen) or counting in CURRENT_DIMENSIONS


@dataclass
class _Sql:
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def sql(self) -> str:
        return " AND ".join(self.where) if self.where else "1"


def _end_of_month(d: date) -> date:
    import calendar  # (calendar loads locale: imported when a month end is first asked)

    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def add_months(d: date, months: int) -> date:
    from app.models.durations import Duration, add_calendar

    return add_calendar(d, Duration(months=months))


def due_condition(group: str, today: date, kind_ids: dict[str, int] | None = None) -> tuple[str, str, list[Any]]:
    """The records of a due list on ``today``: (facts column, subquery giving its ids, params).

    Lapas/Rutan lists look at cases (still serving, dates allowing a program not yet
    granted); the Bapas's "guidance ending" looks at the programs themselves.
    """
    t = today.isoformat()
    horizon = _end_of_month(add_months(today.replace(day=1), 1)).isoformat()  # end of next month
    kind_ids = kind_ids or {}
    serving = "c.deleted_at IS NULL AND c.expiry > ?"

    def not_granted(code: str) -> tuple[str, list[Any]]:
        return ("NOT EXISTS (SELECT 1 FROM programs pr INDEXED BY programs_case_kind WHERE pr.case_id = c.id"
                " AND pr.kind_id = ? AND pr.deleted_at IS NULL)", [kind_ids.get(code, -1)])

    def cases(where: str, params: list[Any]) -> tuple[str, str, list[Any]]:
        return "case_id", f"SELECT c.id FROM cases c WHERE {where}", params

    if group in ("pb", "cb", "cmb", "asimilasi"):
        column, code, extra = {
            "pb": ("parole_date", "PB", "c.parole_eligible = 1 AND "),
            "cb": ("conditional_leave_start", "CB", "c.conditional_leave_eligible = 1 AND "),
            "cmb": ("leave_before_release_start", "CMB", ""),
            "asimilasi": ("assimilation_date", "ASIM", ""),
        }[group]
        absent, absent_params = not_granted(code)
        return ("case_id", f"SELECT c.id FROM cases c INDEXED BY cases_due_{column}"
                f" WHERE {serving} AND {extra}c.{column} <= ? AND {absent}", [t, horizon, *absent_params])
    if group.startswith("release_"):
        months = int(group.split("_")[1])
        return cases("c.deleted_at IS NULL AND c.expiry > ? AND c.expiry <= ?",
                     [t, add_months(today, months).isoformat()])
    if group == "missing_verdict":
        return ("case_id", f"SELECT id FROM cases c INDEXED BY cases_missing_verdict WHERE {MISSING_VERDICT}"
                f" AND NOT {SUBSIDER_ONLY}", [])
    if group == "official_differs":
        return cases("c.deleted_at IS NULL AND c.official_differs = 1", [])
    if group == "incomplete":
        # -- issue 12: "Data belum lengkap": a case without offence date or sentence, adult/child
        # read from the age at the program's start, or a person without NIK or passport.
        return ("person_id", f"SELECT c.person_id FROM cases c INDEXED BY cases_incomplete WHERE {INCOMPLETE_CASE}"
                f" UNION SELECT p.id FROM persons p INDEXED BY persons_no_identity WHERE {NO_IDENTITY}", [])
    raise ValueError(f"unknown due group {group!r}")


# -- the date a due list is about (window issue 9: the due lists show their date first) ----------
# group -> (table, column): the date that put a person on the list, shown first and sorted by.
DUE_DATES: dict[str, tuple[str, str]] = {
    "pb": ("cases", "parole_date"),
    "cb": ("cases", "conditional_leave_start"),
    "cmb": ("cases", "leave_before_release_start"),
    "asimilasi": ("cases", "assimilation_date"),
    "release_1": ("cases", "expiry"),
    "release_2": ("cases", "expiry"),
    "release_3": ("cases", "expiry"),
    "official_differs": ("cases", "expiry"),
    # The "Perlu perhatian" group of guidance ending within 30 days (wajib lapor: attention "ending").
    "ending": ("programs", "end_date"),
}
def dated_group(flt: Filter) -> str | None:
    """The chosen list whose date the rows carry first: a due list, or guidance ending soon."""
    if flt.value("due") is not None:
        return flt.value("due")
    return "ending" if flt.value("attention") == "ending" else None


DUE_SORT = "due"  # the sort key of that date (a column of the selection, not of persons)
NO_DATE = "9999-99-99"  # sorts after every date: persons without one come last


def _fact_conditions(flt: Filter, today: date, skip: str | None = None,
                     kind_ids: dict[str, int] | None = None, counting: str | None = None,
                     alias: str = "facts", attention=None) -> _Sql:
    """The WHERE clause over ``facts`` (named ``alias``) for a filter; ``skip`` leaves one dimension out.

    Columns are written bare, so the clause reads the one ``facts`` table of the query.
    """
    q = _Sql()
    effective = flt.without(skip) if skip else flt
    if effective.only_current(counting):
        condition, params = active_on(alias, today, binned_excluded=True)
        q.where.append(condition)
        q.params.extend(params)
    for dimension, value in flt.groups:
        if dimension == skip:
            continue
        if dimension == "due":
            column, subquery, params = due_condition(value, today, kind_ids)
            q.where.append(f"{column} IN ({subquery})")
            q.params.extend(params)
        elif dimension == "attention":
            # wajib lapor: ``attention(group, today)`` gives the programs' subquery (Queries passes it).
            subquery, params = attention(value, today)
            q.where.append(f"program_id IN (SELECT program_id FROM ({subquery}))")
            q.params.extend(params)
        elif value == NONE and dimension == "kind" and not effective.include_ended:
            # No program active today (an ended CB leaves its person here, not under CB).
            condition, params = active_on("a", today, binned_excluded=True)
            q.where.append(f"person_id NOT IN (SELECT a.person_id FROM facts a WHERE {condition})")
            q.params.extend(params)
        elif value == NONE:
            q.where.append(f"{FACT_COLUMNS[dimension]} IS NULL")
        else:
            q.where.append(f"{FACT_COLUMNS[dimension]} = ?")
            q.params.append(value)
    return q


def _search_terms(text: str) -> list[str]:
    if not text or text.isspace():
        return []  # (no search: the folding rules are not even imported)
    from app.models.names import search_fold  # its patterns compile on first use, not at start-up

    return search_fold(text).split()


# -- wajib lapor (issue 10) ----------------------------------------------------------------------------
# The reads of visits, periods, "Perlu perhatian", the attendance rate, working status and the
# client's timeline; the SQL lives in app/models/lapor_queries.py, the rules in app/models/reporting.py.

def _lapor():
    from app.models import lapor_queries

    return lapor_queries


def _period_rows(schedule, states) -> list[dict[str, Any]]:
    from app.models.reporting import due_day_in

    return [{"index": s.period.index, "start": s.period.start, "end": s.period.end,
             "due": due_day_in(s.period, schedule), "state": s.state,
             "visit": s.visit.data if s.visit else None, "extra": [v.data for v in s.extra],
             "late_visit": s.late_visit.data if s.late_visit else None,
             "excuse": getattr(s, "excuse", None)} for s in states]


class _LaporReads:
    """Mixed into Queries: the wajib lapor API other code uses (check-in, cards, letters, reports)."""

    db: Database

    def lapor_context(self):
        """The settings the wajib lapor reads need (grace days, ladder, routes), read once per call."""
        return _lapor().context(self.db)

    def _attention_group(self, group: str, today: date) -> tuple[str, list[Any]]:
        return _lapor().group_sql(self.lapor_context(), group, today)

    def attention_groups(self) -> list[str]:
        """The "Perlu perhatian" group keys in order: unreported, missed_last, confirm, step:teguran_1 ...,
        revocation, ending, past_end."""
        return self.lapor_context().groups()

    def attention_counts(self, flt: Filter = Filter(), today: date | None = None, *, cache=None,
                         changed: set[int] | None = None, epoch: object = None) -> dict[str, int]:
        """{group: distinct persons} of every "Perlu perhatian" group under the other chosen groups.

        ``cache`` (an ``AttentionCache`` the caller keeps), ``epoch`` (the caller's mark of the data:
        another one counts everything again) and ``changed`` (the persons a visit changed: only they
        are counted again); see lapor_queries.attention_counts.
        """
        today = today or date.today()
        other = flt.without("attention")
        programs_in = None
        if other.groups:
            q = _fact_conditions(other, today, kind_ids=self.kind_ids(), attention=self._attention_group)
            programs_in = (f"SELECT program_id FROM facts WHERE program_id IS NOT NULL AND {q.sql()}", q.params)
        return _lapor().attention_counts(self.db, self.lapor_context(), today, programs_in, cache=cache,
                                         changed=changed, epoch=epoch)

    def attention_programs(self, group: str, today: date | None = None) -> list[dict[str, Any]]:
        """The programs of one group: program_id, person_id, register_number, name (the CLI lists them)."""
        today = today or date.today()
        sub, params = _lapor().group_sql(self.lapor_context(), group, today)
        return self.db.query(
            f"SELECT g.program_id, g.person_id, p.register_number, s.name FROM ({sub}) g"
            " JOIN programs p ON p.id = g.program_id JOIN persons s ON s.id = g.person_id"
            " ORDER BY s.name_sort, p.register_number", params)

    def attendance(self, start: date, end: date, *, flt: Filter | None = None, program_ids: Sequence[int] | None = None,
                   today: date | None = None):
        """THE attendance rate: periods reported ÷ periods due, excused periods left out of both, over the
        periods that end between ``start`` and ``end`` and are over by ``today`` (plus the grace days).

        ``flt`` narrows to the programs of some groups (their records, ended ones included);
        ``program_ids`` to some programs.  Returns ``Attendance(reported, due)`` with ``rate``.
        """
        today = today or date.today()
        programs_in = None
        if program_ids is not None:
            ids = [int(i) for i in program_ids] or [-1]
            programs_in = ("SELECT value FROM json_each(?)", [json_list(ids)])
        elif flt is not None and flt.groups:
            q = _fact_conditions(flt.with_include_ended(True), today, kind_ids=self.kind_ids(),
                                 attention=self._attention_group)
            programs_in = (f"SELECT program_id FROM facts WHERE program_id IS NOT NULL AND {q.sql()}", q.params)
        return _lapor().attendance(self.db, self.lapor_context(), start, end, today, programs_in)

    def attendance_parts(self, start: date, end: date, today: date | None = None) -> dict[int, Any]:
        """``attendance`` program by program ({program id: Attendance}), read in one pass: summed over
        the programs of a group (``attendance_programs``) it gives what ``attendance(flt=...)`` gives."""
        return _lapor().attendance_parts(self.db, self.lapor_context(), start, end, today or date.today())

    def attendance_programs(self, flt: Filter, today: date | None = None) -> set[int] | None:
        """The programs ``attendance(flt=...)`` counts (their records, ended ones included); None: all."""
        if not flt.groups:
            return None
        q = _fact_conditions(flt.with_include_ended(True), today or date.today(), kind_ids=self.kind_ids(),
                             attention=self._attention_group)
        return {pid for (pid,) in self.db.conn.execute(
            f"SELECT DISTINCT program_id FROM facts WHERE program_id IS NOT NULL AND {q.sql()}", q.params)}

    def attendance_programs_by(self, flt: Filter, dimensions: Sequence[str],
                               today: date | None = None) -> dict[tuple, set[int]]:
        """``attendance_programs`` of every group of some plain dimensions (kind, officer, offence, age,
        status, class) under ``flt``, in one read: {(one value per dimension, None for NONE): programs},
        so that key (v, w) is ``attendance_programs(flt.with_group(d, v).with_group(e, w))``."""
        base = flt
        for dimension in dimensions:
            base = base.without(dimension)
        q = _fact_conditions(base.with_include_ended(True), today or date.today(), kind_ids=self.kind_ids(),
                             attention=self._attention_group)
        columns = ", ".join(FACT_COLUMNS[d] for d in dimensions)
        out: dict[tuple, set[int]] = {}
        for *key, pid in self.db.conn.execute(
                f"SELECT {columns}, program_id FROM facts WHERE program_id IS NOT NULL AND {q.sql()}", q.params):
            out.setdefault(tuple(key), set()).add(pid)
        return out

    def attendance_by_group(self, start: date, end: date, groups: dict[Any, Filter],
                            today: date | None = None) -> dict[Any, Any]:
        """``attendance`` for many groups at once ({key: filter} -> {key: Attendance}), the periods read once."""
        from app.models.lapor_queries import Attendance

        parts = self.attendance_parts(start, end, today)
        out = {}
        for key, flt in groups.items():
            ids = self.attendance_programs(flt, today)
            chosen = list(parts.values()) if ids is None else [parts[i] for i in ids if i in parts]
            out[key] = Attendance(sum(a.reported for a in chosen), sum(a.due for a in chosen))
        return out

    def reporting_periods(self, program_id: int, today: date | None = None) -> list[dict[str, Any]]:
        """Every period of a program with its state (reported, late, missed, excused, grace, current, future,
        closed, unrecorded), due reminder, the visit that reported it (date, kind, officer, flags), the extra
        contacts, the late visit and the excuse.  Oldest first; [] for a program without reporting."""
        today = today or date.today()
        program = self.program(program_id)
        if program is None or not program.get("start_date"):
            return []
        return _period_rows(*_lapor().program_states(self.db, self.lapor_context(), program, today))

    def many_reporting_periods(self, program_ids: list[int], today: date) -> dict[int, tuple[Any, list[dict]]]:
        """{program id: (its schedule, ``reporting_periods``)} for many programs, read together (the cards)."""
        programs = []
        for lo in range(0, len(program_ids), 500):
            part = [int(i) for i in program_ids[lo:lo + 500]]
            programs += self.db.query(
                "SELECT p.*, k.code AS kind_code, k.name AS kind_name, o.name AS officer_name,"
                " o.nip AS officer_nip FROM programs p JOIN program_kinds k ON k.id = p.kind_id"
                f" LEFT JOIN officers o ON o.id = p.officer_id WHERE p.id IN ({', '.join('?' * len(part))})", part)
        found = _lapor().many_program_states(self.db, self.lapor_context(),
                                             [p for p in programs if p.get("start_date")], today)
        return {pid: (found[pid][0], _period_rows(*found[pid])) if pid in found else
                (self.reporting_schedule(pid), []) for pid in program_ids}

    def reporting_summary(self, program_id: int, today: date | None = None) -> dict[str, Any] | None:
        """One program at a glance (the check-in panel, the details, the card): schedule, periods counted by
        state, attendance, the missed run, the step reached and the one awaiting confirmation (with the letter
        number it would get), the letters issued, the last visit."""
        from app.models import reporting as rp

        today = today or date.today()
        program = self.program(program_id)
        if program is None or not program.get("start_date"):
            return None
        lq = _lapor()
        ctx = self.lapor_context()
        schedule, states = lq.program_states(self.db, ctx, program, today)
        esc = lq.escalation(self.db, ctx, program, states, today)
        visits = [s.visit.data for s in states if s.visit] + [v.data for s in states for v in s.extra]
        last = max(visits, key=lambda v: (v["report_date"], v["id"]), default=None)
        proposed = None
        if esc["pending"] is not None:
            proposed = lq.propose_letter(self.db, esc["pending"].key, program, today)[0]
        current = next((s for s in states if s.period.contains(today)), None)
        return {"program": program, "schedule": schedule, "counts": rp.tally(states),
                "attendance": self.attendance(date.min, today, program_ids=[program_id], today=today),
                "misses": esc["misses"], "reached": esc["reached"], "pending": esc["pending"],
                "proposed_letter": proposed, "issued": esc["issued"], "letters": esc["letters"],
                "ladder": esc["ladder"], "final_route": esc["final_route"], "last_visit": last,
                "current": {"start": current.period.start, "end": current.period.end, "state": current.state,
                            "due": rp.due_day_in(current.period, schedule)} if current else None}

    def visits(self, program_id: int, *, include_removed: bool = False) -> list[dict[str, Any]]:
        return _lapor().visits_of(self.db, program_id, include_removed=include_removed)

    def visits_on(self, day: date) -> list[dict[str, Any]]:
        """The visits recorded for one day (the duty officer's daily log), in the order they came."""
        return self.db.query(
            "SELECT w.id, w.report_date, w.created_at, w.note, w.kind, w.program_id, p.register_number,"
            " s.name, s.alias, k.code AS kind_code, o.name AS received_by, po.name AS officer_name, p.person_id,"
            " p.kind_id, p.officer_id, c.offence_category_id"
            " FROM wajib_lapor w JOIN programs p ON p.id = w.program_id JOIN persons s ON s.id = p.person_id"
            " JOIN program_kinds k ON k.id = p.kind_id JOIN cases c ON c.id = p.case_id"
            " LEFT JOIN officers o ON o.id = w.officer_id LEFT JOIN officers po ON po.id = p.officer_id"
            " WHERE w.report_date = ? AND w.removed_at IS NULL AND s.deleted_at IS NULL"
            " ORDER BY w.created_at, w.id", (day.isoformat(),))

    def reporting_letters(self, program_id: int) -> list[dict[str, Any]]:
        """Escalation steps confirmed (letters issued) with their numbers and revocation stages, oldest first."""
        return _lapor().steps_of(self.db, program_id)

    def reporting_schedule(self, program_id: int):
        return _lapor().schedule_of(self.db, program_id)

    def working_status(self, person_id: int, day: date | None = None) -> str:
        """yes / no / unknown: the value recorded at the person's latest visit on or before ``day`` at
        which it was asked (a visit recorded as unknown does not erase what was known)."""
        return _lapor().working_status(self.db, person_id, day or date.today())

    def working_counts(self, flt: Filter = Filter(), today: date | None = None) -> dict[str, int]:
        """{yes, no, unknown}: working status at ``today`` of the persons with a guidance program active then,
        under the chosen groups (headquarters counts working / not working)."""
        today = today or date.today()
        active, params = active_on("r", today, binned_excluded=True)
        persons = f"SELECT DISTINCT r.person_id FROM reporting r WHERE {active}"
        if flt.groups:
            q = _fact_conditions(flt, today, kind_ids=self.kind_ids(), attention=self._attention_group)
            persons += f" AND r.person_id IN (SELECT person_id FROM facts WHERE {q.sql()})"
            params = [*params, *q.params]
        return _lapor().working_counts(self.db, today, (persons, params))

    def photo(self, person_id: int) -> bytes | None:
        """The person's photo (a small JPEG), or None."""
        value = self.db.scalar("SELECT jpeg FROM person_photos WHERE person_id = ?", (person_id,))
        return bytes(value) if value is not None else None

    def has_photo(self, person_id: int) -> bool:
        return bool(self.db.scalar("SELECT 1 FROM person_photos WHERE person_id = ?", (person_id,)))

    def guidance_notes(self, person_id: int, *, include_removed: bool = False) -> list[dict[str, Any]]:
        """Buku perkembangan bimbingan: the person's notes, newest first, with the PK's name."""
        removed = "" if include_removed else "AND n.removed_at IS NULL"
        return self.db.query(
            "SELECT n.*, o.name AS officer_name FROM guidance_notes n LEFT JOIN officers o ON o.id = n.officer_id"
            f" WHERE n.person_id = ? {removed} ORDER BY n.note_date DESC, n.id DESC", (person_id,))

    def checkin_matches(self, text: str, today: date | None = None, limit: int = 12) -> list[dict[str, Any]]:
        """What a scan or a typed name finds at the check-in box: guidance programs, running ones first.

        A register number (exactly, any case) finds its program; otherwise every word must occur in the
        person's name, alias or NIK.  Each row: program_id, person_id, name, alias, register_number,
        kind_code, officer_name, status, start_date, end_date, active (today).
        """
        today = today or date.today()
        text = " ".join(text.split())
        if not text:
            return []
        columns = ("SELECT p.id AS program_id, s.id AS person_id, s.name, s.alias, s.nik, p.register_number,"
                   " k.code AS kind_code, o.name AS officer_name, p.status, p.start_date, p.end_date, p.status_date,"
                   " p.officer_id FROM programs p JOIN persons s ON s.id = p.person_id"
                   " JOIN program_kinds k ON k.id = p.kind_id AND k.guidance = 1"
                   " LEFT JOIN officers o ON o.id = p.officer_id")
        exact = self.db.query(f"{columns} WHERE p.register_number = ? AND p.deleted_at IS NULL"
                              " AND s.deleted_at IS NULL", (text,))
        if not exact and any(ch.isdigit() for ch in text):  # typed in another case: a scan of the numbers
            exact = self.db.query(f"{columns} WHERE p.register_number = ? COLLATE NOCASE AND p.deleted_at IS NULL"
                                  " AND s.deleted_at IS NULL", (text,))
        if exact:
            rows = exact
        else:
            where, params = self._search_sql(text)
            if not where:
                return []
            rows = self.db.query(
                f"{columns} WHERE p.deleted_at IS NULL AND s.deleted_at IS NULL AND s.id IN"
                f" (SELECT id FROM persons INDEXED BY persons_search WHERE deleted_at IS NULL AND {where}"
                f" LIMIT {int(limit) * 4})", params)
        for r in rows:
            r["active"] = is_active_on({**r, "deleted_at": None}, today)
        rows.sort(key=lambda r: (not r["active"], r["name"], r["start_date"] or ""))
        return rows[:limit]

    def dashboard(self, today: date | None = None, progress=None) -> dict[str, Any]:
        """The dashboard's numbers, each the sidebar's own: active clients per program (adult / child), per PK,
        per offence (today's groups), the attendance rate of each of the last 12 months, clients new and ended
        per month, working / not working today."""
        today = today or date.today()
        step = progress or (lambda _done, _total, _text="": None)
        lq = _lapor()
        out: dict[str, Any] = {"today": today}
        out["kind_adult"] = self.group_counts("kind", Filter((("age", "dewasa"),)), today)
        out["kind_child"] = self.group_counts("kind", Filter((("age", "anak"),)), today)
        out["kind"] = self.group_counts("kind", Filter(), today)
        step(1, 16)
        out["officer"] = self.group_counts("officer", Filter(), today)
        out["offence"] = self.group_counts("offence", Filter(), today)
        out["kinds"] = self.program_kinds()
        out["officers"] = self.officers(with_caseload=False)
        out["categories"] = self.offence_categories()
        step(3, 16)
        months = lq.months_back(today, 12)
        # The rate of the last 12 whole months: the current one is not over, its few due periods mislead.
        rate_months = lq.months_back(months[-1][0] - timedelta(days=1), 12)
        out["attendance"] = []
        for i, (start, end) in enumerate(rate_months):
            out["attendance"].append((start, self.attendance(start, end, today=today)))
            step(4 + i, 16)
        out["flow"] = lq.monthly_flow(self.db, months)
        out["working"] = self.working_counts(Filter(), today)
        step(16, 16)
        return out

    def timeline(self, person_id: int, today: date | None = None) -> list[dict[str, Any]]:
        """A client's history, newest first: visits (with their flags), excused absences, escalation letters
        and revocation stages, guidance notes, status changes, starts and ends of programs.

        Each event: date, kind (visit, excuse, step, stage, note, status, start, end), program_id,
        kind_code, and the row itself under ``row``.
        """
        today = today or date.today()
        programs = self.programs_of(person_id)
        events: list[dict[str, Any]] = []
        for p in programs:
            base = {"program_id": p["id"], "kind_code": p["kind_code"], "register_number": p["register_number"]}
            if p["start_date"]:
                events.append({**base, "date": p["start_date"], "kind": "start", "row": p})
            if p["end_date"] and p["end_date"] <= today.isoformat():
                events.append({**base, "date": p["end_date"], "kind": "end", "row": p})
            for v in self.visits(p["id"], include_removed=True):
                events.append({**base, "date": v["report_date"], "kind": "visit", "row": v})
            for e in _lapor().excuses_of(self.db, p["id"], include_removed=True):
                events.append({**base, "date": e["period_day"], "kind": "excuse", "row": e})
            for s in self.reporting_letters(p["id"]):
                events.append({**base, "date": s["letter_date"], "kind": "step", "row": s})
                for g in s["stages"]:
                    events.append({**base, "date": g["date"], "kind": "stage", "row": g})
            for c in self.status_history(p["id"]):
                events.append({**base, "date": c["date"], "kind": "status", "row": c})
        names = {p["id"]: p["kind_code"] for p in programs}
        for n in self.guidance_notes(person_id):
            events.append({"program_id": n["program_id"], "kind_code": names.get(n["program_id"], ""),
                           "register_number": None, "date": n["note_date"], "kind": "note", "row": n})
        order = {"end": 0, "status": 1, "stage": 2, "step": 3, "note": 4, "visit": 5, "excuse": 6, "start": 7}
        events.sort(key=lambda e: (e["date"], -order[e["kind"]], e["row"].get("id", 0)), reverse=True)
        return events


def json_list(ids: Sequence[int]) -> str:
    import json

    return json.dumps(list(ids))


class Queries(_LaporReads):
    """The read side over one open database."""

    _instances = itertools.count(1)

    def __init__(self, db: Database):
        self.db = db
        self._selection_size: int | None = None
        self._inline: tuple[str, list[Any]] | None = None
        # The groups behind the selection: each row shows the record that put it there.
        self._matching: tuple[Filter, date] | None = None
        # Each Queries keeps its own selection, so a dialog's query never changes the table's.
        self._selection = f"temp.selection_{next(Queries._instances)}"
        # The due list chosen, whose date each selected person carries in the selection's ``due``.
        self._due_group: str | None = None

    def kind_ids(self) -> dict[str, int]:
        return {code: i for i, code in self.db.conn.execute("SELECT id, code FROM program_kinds")}

    # -- groups and counts ---------------------------------------------------------
    def group_counts(self, dimension: str, flt: Filter = Filter(), today: date | None = None) -> dict[Any, int]:
        """{group value: distinct persons} in one dimension, under the other dimensions' filters."""
        today = today or date.today()
        if dimension == "due":
            raise ValueError("use due_counts()")
        q = _fact_conditions(flt, today, skip=dimension, kind_ids=self.kind_ids(), counting=dimension,
                              attention=self._attention_group)
        col = FACT_COLUMNS[dimension]
        rows = self.db.conn.execute(
            f"SELECT {col}, COUNT(DISTINCT person_id) FROM facts WHERE {q.sql()} GROUP BY {col}", q.params)
        counts = {(NONE if value is None else value): n for value, n in rows}
        if dimension == "kind" and not flt.include_ended:
            # Under the "active today" rule the GROUP BY cannot see the persons without an
            # active program: count that group as clicking it would select it.
            counts[NONE] = self._without_active_program(flt, today)
        return counts

    def _without_active_program(self, flt: Filter, today: date) -> int:
        """The "Tanpa program" count under ``flt``: what ``total(flt.with_group("kind", NONE))`` gives.

        Two common cases are answered without the NOT IN pass over every record: a chosen
        program, PK or offence group means "active today", which no such person has; and
        with no groups it is everyone less the persons with an active program.
        """
        others = flt.without("kind")
        if others.only_current():
            return 0
        if not others.groups:
            active, params = active_on("facts", today, binned_excluded=True)
            with_active = int(self.db.scalar(
                f"SELECT COUNT(DISTINCT person_id) FROM facts WHERE {active}", params))
            return self.everyone() - with_active
        return self.total(others.with_group("kind", NONE), today)

    def due_counts(self, groups: Sequence[str], flt: Filter = Filter(), today: date | None = None) -> dict[str, int]:
        today = today or date.today()
        kind_ids = self.kind_ids()
        q = _fact_conditions(flt, today, skip="due", kind_ids=kind_ids, attention=self._attention_group)
        out = {}
        for g in groups:
            column, subquery, params = due_condition(g, today, kind_ids)
            out[g] = self.db.conn.execute(
                f"SELECT COUNT(DISTINCT person_id) FROM facts WHERE {q.sql()} AND {column} IN ({subquery})",
                [*q.params, *params]).fetchone()[0]
        return out

    def everyone(self) -> int:
        """Everyone not in the bin: the number beside "Semua klien", whatever groups are chosen."""
        return int(self.db.scalar("SELECT COUNT(*) FROM persons WHERE deleted_at IS NULL"))

    def total(self, flt: Filter = Filter(), today: date | None = None) -> int:
        """Distinct persons under the filter (ignoring the search text)."""
        today = today or date.today()
        if not flt.groups:
            return int(self.db.scalar("SELECT COUNT(*) FROM persons WHERE deleted_at IS NULL"))
        q = _fact_conditions(flt, today, kind_ids=self.kind_ids(), attention=self._attention_group)
        return int(self.db.scalar(f"SELECT COUNT(DISTINCT person_id) FROM facts WHERE {q.sql()}", q.params))

    # -- the table -------------------------------------------------------------------
    def _search_sql(self, text: str) -> tuple[str, list[Any]]:
        terms = _search_terms(text)
        return " AND ".join("instr(search, ?) > 0" for _ in terms), terms

    def select(self, flt: Filter = Filter(), today: date | None = None) -> int:
        """Choose the persons the table shows (the filter's groups and search); return how many.

        Everyone: nothing is copied, pages read the sort index.  A broad search alone
        (thousands of matches) is checked row by row as pages are read, which stays
        quick because matches are dense.  Otherwise the chosen ids go to a temporary
        table of this connection, which page() and rank() read.
        """
        today = today or date.today()
        conn = self.db.conn
        conn.execute(f"CREATE TABLE IF NOT EXISTS {self._selection}(id INTEGER PRIMARY KEY, due TEXT)")
        conn.execute(f"DELETE FROM {self._selection}")
        self._inline = None
        self._selection_size = None
        due_group = dated_group(flt)
        self._due_group = due_group if due_group in DUE_DATES else None
        self._matching = (flt, today) if flt.groups else None
        search, search_params = self._search_sql(flt.search)
        if not flt.groups and not search:
            return int(self.db.scalar(
                "SELECT COUNT(*) FROM persons INDEXED BY persons_sort_name WHERE deleted_at IS NULL"))
        matching = ("SELECT id FROM persons INDEXED BY persons_search WHERE deleted_at IS NULL AND "
                    + search) if search else ""
        if not flt.groups:
            count = int(self.db.scalar(
                f"SELECT COUNT(*) FROM persons INDEXED BY persons_search WHERE deleted_at IS NULL AND {search}",
                search_params))
            if count > SMALL_SELECTION:
                self._inline = (search.replace("instr(search", "instr(p.search"), search_params)
                return count
            sql, params = matching, search_params
        else:
            q = _fact_conditions(flt, today, kind_ids=self.kind_ids(), attention=self._attention_group)
            sql = f"SELECT DISTINCT person_id FROM facts WHERE {q.sql()}"
            params = list(q.params)
            if search:
                sql += f" AND person_id IN ({matching})"
                params += search_params
        cur = conn.execute(f"INSERT INTO {self._selection}(id) {sql}", params)
        self._selection_size = cur.rowcount
        if self._due_group is not None:
            self._fill_due_dates(self._due_group, today)
        return int(cur.rowcount)

    def _fill_due_dates(self, group: str, today: date) -> None:
        """Each selected person's date of the due list (the earliest, if several records are due)."""
        table, column = DUE_DATES[group]
        if group == "ending":
            programs, params = _lapor().group_sql(self.lapor_context(), "ending", today)
            subquery = f"SELECT program_id FROM ({programs})"
        else:
            _column, subquery, params = due_condition(group, today, self.kind_ids())
        # One pass over the due records, grouped by person, joined to the selection by its key
        # (a subquery per selected person took over a second for 5,000 of them).
        self.db.conn.execute(
            f"UPDATE {self._selection} AS s SET due = d.due FROM (SELECT x.person_id AS pid, MIN(x.{column}) AS due"
            f" FROM {table} x WHERE x.id IN ({subquery}) GROUP BY x.person_id) AS d WHERE s.id = d.pid", params)

    @property
    def due_group(self) -> str | None:
        """The due list whose date the rows carry (``row["due"]``), or None."""
        return self._due_group

    def _source(self, sort: str) -> tuple[str, str, list[Any]]:
        """FROM, WHERE and parameters of the current selection, read in the order of ``sort``."""
        if sort == DUE_SORT:
            # The due date lives in the selection: read it from there, whatever its size.
            return f"{self._selection} s CROSS JOIN persons p", "p.id = s.id", []
        inline = self._inline
        if inline is not None:
            return f"persons p INDEXED BY persons_sort_{sort}", f"p.deleted_at IS NULL AND {inline[0]}", list(inline[1])
        size = self._selection_size
        if size is None:
            return f"persons p INDEXED BY persons_sort_{sort}", "p.deleted_at IS NULL", []
        if size <= SMALL_SELECTION:
            # Few persons: start from them and sort those few.
            return f"{self._selection} s CROSS JOIN persons p", "p.id = s.id", []
        return (f"persons p INDEXED BY persons_sort_{sort}",
                f"p.deleted_at IS NULL AND p.id IN (SELECT id FROM {self._selection})", [])

    def page(self, sort: str = "name", descending: bool = False, *, offset: int = 0, limit: int = 100,
             after: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of the selection in order: ``limit`` rows from ``offset``, or right after the row ``after``.

        Reading on from a known row (keyset) costs the same at row 90,000 as at row 0.
        """
        sort = self._sort_or_name(sort)
        keys, exprs = self._keys(sort)
        direction = "DESC" if descending else "ASC"
        source, where, params = self._source(sort)
        if after is not None:
            where += f" AND ({', '.join(exprs)}) {'<' if descending else '>'}" \
                     f" ({', '.join('?' * len(keys))})"
            params += [NO_DATE if k == "due" and after[k] is None else after[k] for k in keys]
            offset = 0
        columns = ", ".join(f"p.{c}" for c in ROW_COLUMNS)
        if self._due_group is not None:
            columns += (", s.due AS due" if sort == DUE_SORT
                        else f", (SELECT due FROM {self._selection} WHERE id = p.id) AS due")
        order = ", ".join(f"{e} {direction}" for e in exprs)
        rows = self.db.query(f"SELECT {columns} FROM {source} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                             [*params, limit, offset])
        if self._matching is not None and rows:
            matches = self._matches([r["id"] for r in rows])
            for r in rows:
                r["match"] = matches.get(r["id"])
        return rows

    def _matches(self, person_ids: list[int]) -> dict[int, dict[str, Any]]:
        """For persons of a group selection: the record that put each one in the groups.

        Among a person's records that meet the filter, an active one first, then the latest
        start.  (The row's sort columns stay those of the person's main record, so paging by
        key is unchanged; the table shows these values instead.)
        """
        flt, today = self._matching  # type: ignore[misc]
        q = _fact_conditions(flt, today, kind_ids=self.kind_ids(), alias="f", attention=self._attention_group)
        active, active_params = active_on("f", today, binned_excluded=True)
        marks = ", ".join("?" * len(person_ids))
        where = q.sql()
        found = self.db.query(
            "SELECT m.person_id, k.code AS program, pr.register_number AS register, o.name AS officer,"
            " oc.name AS offence, pr.status AS status, pr.start_date AS start, pr.end_date AS end"
            " FROM (SELECT f.person_id, f.program_id, f.case_id,"
            f"             MAX(({active}) || '|' || COALESCE(f.start_date, '') || '|'"
            "                 || printf('%012d', COALESCE(f.program_id, 0))) AS best"
            f"        FROM facts f WHERE f.person_id IN ({marks}) AND {where} GROUP BY f.person_id) m"
            " LEFT JOIN programs pr ON pr.id = m.program_id"
            " LEFT JOIN program_kinds k ON k.id = pr.kind_id"
            " LEFT JOIN officers o ON o.id = pr.officer_id"
            " LEFT JOIN cases c ON c.id = m.case_id"
            " LEFT JOIN offence_categories oc ON oc.id = c.offence_category_id",
            [*active_params, *person_ids, *q.params])
        return {r.pop("person_id"): r for r in found}

    def _sort_or_name(self, sort: str) -> str:
        if sort == DUE_SORT:
            return sort if self._due_group is not None else "name"
        return sort if sort in SORT_KEYS else "name"

    @staticmethod
    def _keys(sort: str) -> tuple[tuple[str, ...], list[str]]:
        """The row keys of an order and the SQL expressions they are read from (a missing due date last)."""
        if sort == DUE_SORT:
            return ("due", "name_sort", "id"), [f"COALESCE(s.due, '{NO_DATE}')", "p.name_sort", "p.id"]
        keys = (*SORT_KEYS[sort], "id")
        return keys, [f"p.{k}" for k in keys]

    def rank(self, person_id: int, sort: str = "name", descending: bool = False) -> int:
        """The row a person has in the selection's order, or -1 when not selected."""
        sort = self._sort_or_name(sort)
        keys, exprs = self._keys(sort)
        source, where, params = self._source(sort)
        found = self.db.conn.execute(f"SELECT {', '.join(exprs)} FROM {source} WHERE {where}"
                                     " AND p.id = ?", [*params, person_id]).fetchall()
        if not found:
            return -1
        comparison = "<" if not descending else ">"
        return int(self.db.scalar(
            f"SELECT COUNT(*) FROM {source} WHERE {where} AND ({', '.join(exprs)})"
            f" {comparison} ({', '.join('?' * len(keys))})", [*params, *found[0]]))

    def person_ids(self, flt: Filter = Filter(), sort: str = "name", descending: bool = False,
                   today: date | None = None) -> array:
        """Ids of the persons a filter selects, in order (checks and tests; the window pages)."""
        count = self.select(flt, today)
        ids = array("q")
        after = None
        while len(ids) < count:
            rows = self.page(sort, descending, after=after, limit=5000)
            if not rows:
                break
            ids.extend(r["id"] for r in rows)
            after = rows[-1]
        return ids

    # -- lookups ---------------------------------------------------------------------
    def program_kinds(self, active_only: bool = False) -> list[dict[str, Any]]:
        where = "WHERE active = 1" if active_only else ""
        return self.db.query(f"SELECT * FROM program_kinds {where} ORDER BY position, id")

    def offence_categories(self, active_only: bool = False) -> list[dict[str, Any]]:
        where = "WHERE active = 1" if active_only else ""
        return self.db.query(f"SELECT * FROM offence_categories {where} ORDER BY position, id")

    def officers(self, active_only: bool = False, *, with_caseload: bool = True,
                 today: date | None = None) -> list[dict[str, Any]]:
        """Officers, active first, each with their caseload: distinct persons with a program active today.

        (The same number as the officer's group in the sidebar.)
        """
        where = "WHERE active = 1" if active_only else ""
        rows = self.db.query(f"SELECT * FROM officers {where} ORDER BY active DESC, name_sort")
        if with_caseload:
            active, params = active_on("p", today or date.today())
            caseload = dict(self.db.conn.execute(
                "SELECT officer_id, COUNT(DISTINCT person_id) FROM programs p"
                f" WHERE {active} AND officer_id IS NOT NULL GROUP BY officer_id", params))
            for r in rows:
                r["caseload"] = caseload.get(r["id"], 0)
        return rows

    def active_program_count(self, officer_id: int) -> int:
        """Programs with status aktif an officer supervises: exactly what ``officers.move_caseload`` moves.

        ``officers()`` counts distinct persons; a confirmation that names how many programs
        will move needs this.
        """
        return int(self.db.scalar("SELECT COUNT(*) FROM programs WHERE officer_id = ? AND deleted_at IS NULL"
                                  " AND status = 'aktif'", (officer_id,)) or 0)

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

    # -- one case's dates, one program (the dates and status dialogs, the details panel) ------
    # Kept together at the end of the class: these are the reads the window used to run itself.
    def case(self, case_id: int) -> dict[str, Any] | None:
        """One case row (stored computed ``calc_*`` and effective dates included), or None."""
        found = self.db.query("SELECT * FROM cases WHERE id = ?", (case_id,))
        return found[0] if found else None

    def official_dates(self, case_id: int) -> dict[str, date]:
        """{date key: date} from the SK or the Lapas's papers (domain.md rule 12)."""
        rows = self.db.conn.execute("SELECT key, value FROM official_dates WHERE case_id = ?", (case_id,))
        return {key: date.fromisoformat(value) for key, value in rows}

    def official_source(self, case_id: int) -> str:
        """Where the official dates come from ("SK PB ..."), "" when none was given.

        Each official date row carries the source it was saved with; one save gives them
        all the same, so the first non-empty one stands for the lot.
        """
        value = self.db.scalar("SELECT source FROM official_dates WHERE case_id = ? AND source != ''"
                               " ORDER BY key LIMIT 1", (case_id,))
        return str(value) if value else ""

    def overrides(self, case_id: int) -> dict[str, tuple[date, str]]:
        """{date key: (the officer's date, reason)} of the dates an officer overrode."""
        rows = self.db.conn.execute("SELECT key, value, reason FROM date_overrides WHERE case_id = ?",
                                    (case_id,))
        return {key: (date.fromisoformat(value), reason) for key, value, reason in rows}

    # -- issue 12: what a record from an old register still lacks ("Data belum lengkap") -------
    def missing_of(self, person_id: int) -> list[str]:
        """What the person's record lacks, in the officer's words (empty: complete)."""
        from app.models.i18n import tr
        from app.models.validation import missing_case_fields

        person = self.person(person_id)
        if person is None:
            return []
        missing = [] if person["nik"] or person["passport"] else [tr("NIK / paspor", "NIK / passport")]
        from app.operations.clients import _case_input_from_row  # the stored case as the form reads it

        for c in self.cases_of(person_id):
            for item in missing_case_fields(_case_input_from_row(c), c["class_basis"]):
                if item not in missing:
                    missing.append(item)
        return missing

    def program(self, program_id: int) -> dict[str, Any] | None:
        """One program with the same joined columns as ``programs_of`` (kind_code, officer_name ...)."""
        found = self.db.query(
            "SELECT p.*, k.code AS kind_code, k.name AS kind_name, o.name AS officer_name, o.nip AS officer_nip"
            " FROM programs p JOIN program_kinds k ON k.id = p.kind_id LEFT JOIN officers o ON o.id = p.officer_id"
            " WHERE p.id = ?", (program_id,))
        return found[0] if found else None

