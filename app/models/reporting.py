"""Wajib lapor: reporting periods, their states, missed runs and the escalation ladder (no Qt, no SQL runs here).

A guidance program's reporting schedule cuts its guidance (start to end) into
periods: calendar months by default (the first and the last clipped to the
guidance), or blocks of 1, 2 or 4 weeks counted from the start of guidance.  A visit
counts for the period its date falls in; a month missed cannot be made up later.

A period's state on a day ``today`` (``period_states``):

``reported``   a visit lies in it (further visits in it are extra contacts);
``excused``    no visit, an excused absence (sakit, izin, berhalangan) was recorded for it;
``missed``     no visit, not excused, ended more than ``grace`` days before ``today``;
``late``       a missed period whose client came during its grace days (that visit
               counts for the next period and is marked terlambat): it stays a miss;
``grace``      ended, unreported, still within the grace days (not yet flagged);
``current``    ``today`` lies in it and it has no visit yet;
``future``     it starts after ``today``;
``closed``     after the program ended early (revoked, transferred ...): not due;
``unrecorded`` it ended before the office began recording visits here (paper log): not due.

Missed runs (``miss_run``): consecutive missed periods of one program; an excused
period neither breaks nor extends a run, a reported period (the current one too)
ends it, and a new program starts its own count.  The escalation ladder (settings)
turns a run into the step the officer is asked to confirm (``reached_step``).

The sidebar counts 100,000 programs in SQL, so the period arithmetic exists twice:
here (the definition) and as SQL text built by ``sql_periods_before`` from the same
integers; tests/models/test_reporting.py checks that the two agree on random schedules.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.models.i18n import tr

MONTHLY = "monthly"
WEEKS = "weeks"
SCHEDULE_KINDS = (MONTHLY, WEEKS)
BLOCK_WEEKS = (1, 2, 4)
VISIT_KINDS = ("office", "home", "remote", "officer")
WORKING_VALUES = ("yes", "no", "unknown")
EXCUSE_KINDS = ("sakit", "izin", "berhalangan")
STATES = ("reported", "late", "missed", "excused", "grace", "current", "future", "closed", "unrecorded")
# The states a period is due in (the attendance rate counts these; excused is left out of both sides).
DUE_STATES = ("reported", "late", "missed")
MISSED_STATES = ("late", "missed")
REVOCATION_STAGES = ("bap", "sidang_tpp", "pencabutan_sementara", "batal")
# The final step's route by kind of program: data, overridable in the settings (``final_routes``).
FINAL_ROUTES = ("usul_pencabutan", "laporan_kalapas", "laporan_jaksa")


@dataclass(frozen=True)
class Schedule:
    """How a program's guidance is cut into periods; ``due_day`` is a reminder, never a deadline.

    ``due_day``: for a monthly schedule the day of the month (1-31, the month's last day
    when it is shorter); for week blocks the weekday (1 Senin ... 7 Minggu).
    """

    kind: str = MONTHLY
    weeks: int = 0
    due_day: int | None = None

    @property
    def unit(self) -> int:
        """0 for calendar months, else the block's length in days (the integer SQL uses)."""
        return 0 if self.kind == MONTHLY else 7 * self.weeks


MONTHLY_SCHEDULE = Schedule()


def schedule_errors(kind: str, weeks: int, due_day: int | None) -> list[str]:
    """What is wrong with a schedule, as Indonesian/English lines for the form."""
    errors = []
    if kind not in SCHEDULE_KINDS:
        errors.append(tr("Jenis jadwal tidak dikenal.", "Unknown kind of schedule."))
    elif kind == WEEKS and weeks not in BLOCK_WEEKS:
        errors.append(tr("Blok harus 1, 2 atau 4 minggu.", "A block must be 1, 2 or 4 weeks."))
    if due_day is not None:
        high = 31 if kind == MONTHLY else 7
        if not isinstance(due_day, int) or not 1 <= due_day <= high:
            errors.append(tr("Hari jatuh tempo harus 1-{h}.", "The due day must be 1-{h}.", h=high))
    return errors


@dataclass(frozen=True)
class Period:
    index: int
    start: date
    end: date

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def month_no(day: date) -> int:
    """Months since year 0: the integer the SQL compares (year * 12 + month - 1)."""
    return day.year * 12 + day.month - 1


def day_no(day: date) -> int:
    """Days since 1 January of year 1 (``date.toordinal``): the integer the SQL compares."""
    return day.toordinal()


def period_index(start: date, schedule: Schedule, day: date) -> int:
    """The index (0 = the first) of the period holding ``day``, for ``day`` on or after ``start``."""
    if schedule.unit == 0:
        return month_no(day) - month_no(start)
    return (day_no(day) - day_no(start)) // schedule.unit


def periods_before(start: date, end: date | None, schedule: Schedule, day: date) -> int:
    """How many periods end before ``day``: the index of the period holding it, all of them after the end."""
    if day <= start:
        return 0
    if end is not None and day > end:
        return period_index(start, schedule, end) + 1
    return period_index(start, schedule, day)


def period_at(start: date, end: date | None, schedule: Schedule, index: int) -> Period:
    """The period with this index (clipped to the guidance)."""
    if schedule.unit == 0:
        total = month_no(start) + index
        year, month = divmod(total, 12)
        first = date(year, month + 1, 1)
        last = first.replace(day=calendar.monthrange(year, month + 1)[1])
    else:
        first = start + timedelta(days=index * schedule.unit)
        last = first + timedelta(days=schedule.unit - 1)
    first = max(first, start)
    if end is not None:
        last = min(last, end)
    return Period(index, first, last)


def period_of(start: date, end: date | None, schedule: Schedule, day: date) -> Period:
    return period_at(start, end, schedule, period_index(start, schedule, day))


def periods(start: date, end: date | None, schedule: Schedule, until: date | None = None) -> list[Period]:
    """Every period of the guidance, up to its end or (open-ended guidance) the one holding ``until``."""
    last_day = end if end is not None else until
    if last_day is None or last_day < start:
        return []
    count = period_index(start, schedule, last_day) + 1
    if schedule.unit != 0:
        return [period_at(start, end, schedule, i) for i in range(count)]
    # Calendar months, stepped one after another (period_at for each: the same periods, quicker).
    out = []
    year, month = start.year, start.month
    for i in range(count):
        first = date(year, month, 1)
        last = first.replace(day=calendar.monthrange(year, month)[1])
        out.append(Period(i, max(first, start), last if end is None else min(last, end)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def due_day_in(period: Period, schedule: Schedule) -> date | None:
    """The reminder day of a period (the schedule's due day inside it), or None."""
    if schedule.due_day is None:
        return None
    if schedule.unit == 0:
        last = calendar.monthrange(period.start.year, period.start.month)[1]
        day = period.start.replace(day=min(schedule.due_day, last))
    else:
        offset = (schedule.due_day - 1 - period.start.weekday()) % 7
        day = period.start + timedelta(days=offset)
    return day if period.start <= day <= period.end else None


# -- states ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Visit:
    """One contact as the logic needs it (the rest of the row rides along in ``data``)."""

    day: date
    id: int = 0
    data: Any = None


@dataclass
class PeriodState:
    period: Period
    state: str
    visit: Visit | None = None            # the visit that reported the period
    extra: list[Visit] = field(default_factory=list)   # further contacts in it (kontak tambahan)
    late_visit: Visit | None = None       # for a late period: the visit in its grace days
    excused: bool = False


def period_states(start: date, end: date | None, schedule: Schedule, visits: Iterable[Visit],
                  excused: Iterable[int], today: date, grace: int, *, closed_after: date | None = None,
                  recorded_since: date | None = None) -> list[PeriodState]:
    """Every period of a program up to its end (open-ended: to the one holding ``today``) with its state.

    ``excused``: the indexes of the periods with an excused absence.  ``closed_after``:
    the date a program ended early (a status other than aktif): periods that end after
    it are ``closed`` unless reported.  ``recorded_since``: periods that end before it are
    ``unrecorded`` unless reported.
    """
    by_period: dict[int, list[Visit]] = {}
    for v in sorted(visits, key=lambda v: (v.day, v.id)):
        if v.day < start or (end is not None and v.day > end):
            continue
        by_period.setdefault(period_index(start, schedule, v.day), []).append(v)
    excused_set = set(excused)
    out: list[PeriodState] = []
    all_periods = periods(start, end, schedule, until=today)
    for i, p in enumerate(all_periods):
        found = by_period.get(p.index, [])
        if found:
            out.append(PeriodState(p, "reported", found[0], found[1:], excused=p.index in excused_set))
            continue
        if closed_after is not None and p.end > closed_after:
            out.append(PeriodState(p, "closed"))
            continue
        if recorded_since is not None and p.end < recorded_since:
            out.append(PeriodState(p, "unrecorded"))
            continue
        if p.index in excused_set:
            out.append(PeriodState(p, "excused", excused=True))
        elif p.start > today:
            out.append(PeriodState(p, "future"))
        elif p.end >= today:
            out.append(PeriodState(p, "current"))
        else:
            following = by_period.get(p.index + 1, []) if i + 1 < len(all_periods) else []
            late = next((v for v in following if v.day <= p.end + timedelta(days=grace)), None)
            if late is not None:
                out.append(PeriodState(p, "late", late_visit=late))
            elif p.end + timedelta(days=grace) < today:
                out.append(PeriodState(p, "missed"))
            else:
                out.append(PeriodState(p, "grace"))
    return out


def late_visit_ids(states: Sequence[PeriodState]) -> set[int]:
    """The visits made in the grace days of an unreported period (marked terlambat)."""
    return {s.late_visit.id for s in states if s.late_visit is not None}


def extra_visit_ids(states: Sequence[PeriodState]) -> set[int]:
    """Second and later contacts in a reported period (kontak tambahan): they count once."""
    return {v.id for s in states for v in s.extra}


def miss_run(states: Sequence[PeriodState]) -> int:
    """Consecutive missed periods at the end: excused ones skipped, a reported period ends the run."""
    run = 0
    for s in states:
        if s.state == "reported":
            run = 0
        elif s.state in MISSED_STATES:
            run += 1
    return run


def run_anchor(states: Sequence[PeriodState], recorded_since: date | None = None) -> int:
    """What names the current run: the index of the last reported period before it (or of the last
    period before the office began recording; -1 when neither).  A confirmed step stores it, so a
    step belongs to one run and a visit (a new anchor) starts the ladder again."""
    anchor = -1
    for s in states:
        if s.state == "reported" or (recorded_since is not None and s.period.end < recorded_since):
            anchor = s.period.index
    return anchor


def attendance_of(states: Sequence[PeriodState], start: date, end: date, today: date, grace: int, *,
                  closed_after: date | None = None, recorded_since: date | None = None) -> tuple[int, int]:
    """(reported, due) over the periods that end between ``start`` and ``end``, once they are over
    (end plus grace before ``today``), were due (after the recording start, not after an early end)
    and not excused: the rule Queries.attendance applies to many programs in SQL."""
    reported = due = 0
    for s in states:
        p = s.period
        if not start <= p.end <= end or p.end + timedelta(days=grace) >= today:
            continue
        if (closed_after is not None and p.end > closed_after) or (recorded_since and p.end < recorded_since):
            continue
        if s.state in DUE_STATES:
            due += 1
            reported += s.state == "reported"
    return reported, due


def tally(states: Sequence[PeriodState]) -> dict[str, int]:
    """How many periods are in each state."""
    counts = dict.fromkeys(STATES, 0)
    for s in states:
        counts[s.state] += 1
    return counts


# -- the escalation ladder -----------------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    key: str       # teguran_1, teguran_2 ..., or the final route (usul_pencabutan, laporan_kalapas, laporan_jaksa)
    after: int     # consecutive misses that reach it
    level: int     # 1, 2, 3 ... on the ladder

    @property
    def final(self) -> bool:
        return self.key in FINAL_ROUTES


DEFAULT_STEPS = ({"key": "teguran_1", "after": 1}, {"key": "teguran_2", "after": 2}, {"key": "final", "after": 3})
DEFAULT_FINAL_ROUTES = {"PB": "usul_pencabutan", "CB": "usul_pencabutan", "CMB": "usul_pencabutan",
                        "ASIM": "laporan_kalapas"}


def final_route(code: str, court_ordered: bool, child_only: bool, routes: dict[str, str] | None = None) -> str:
    """The last step for a kind of program: revocation for PB, CB, CMB; a report to the Lapas or Rutan
    that granted asimilasi; a report to the prosecutor for court-ordered programs and children's measures."""
    routes = {**DEFAULT_FINAL_ROUTES, **(routes or {})}
    if code in routes:
        return routes[code]
    return "laporan_jaksa" if court_ordered or child_only else "usul_pencabutan"


def ladder(steps: Sequence[dict[str, Any]], final_key: str) -> list[Step]:
    """The settings' steps for one program kind, in order (the one called "final" takes its route)."""
    out = []
    for level, s in enumerate(steps, 1):
        key = final_key if s["key"] == "final" else str(s["key"])
        out.append(Step(key, int(s["after"]), level))
    return out


def reached_step(steps: Sequence[Step], misses: int) -> Step | None:
    """The highest step a run of ``misses`` consecutive misses has reached, or None."""
    found = None
    for s in steps:
        if misses >= s.after:
            found = s
    return found


def steps_errors(steps: Sequence[dict[str, Any]]) -> list[str]:
    errors = []
    if not steps:
        return [tr("Tangga eskalasi kosong.", "The escalation ladder is empty.")]
    if steps[-1].get("key") != "final":
        errors.append(tr("Langkah terakhir harus langkah akhir (usul pencabutan / laporan).",
                         "The last step must be the final step (revocation / report)."))
    last = 0
    for s in steps:
        after = s.get("after")
        if not isinstance(after, int) or after <= last:
            errors.append(tr("Ambang tiap langkah harus bertambah (1, 2, 3 ...).",
                             "Each step's threshold must increase (1, 2, 3 ...)."))
            break
        last = after
    return errors


STEP_LABELS_ID = {"usul_pencabutan": "Usul pencabutan", "laporan_kalapas": "Laporan ke Kalapas/Karutan",
                  "laporan_jaksa": "Laporan ke jaksa", "bap": "Berita acara pemeriksaan",
                  "sidang_tpp": "Sidang TPP", "pencabutan_sementara": "Pencabutan sementara oleh Kabapas",
                  "batal": "Tidak dicabut (bimbingan dilanjutkan)"}


def step_label(key: str) -> str:
    """Indonesian name of a step or stage, as printed on letters: "Teguran 2", "Usul pencabutan"."""
    if key.startswith("teguran_"):
        return "Teguran " + key.split("_", 1)[1]
    return STEP_LABELS_ID.get(key, key)


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def letter_number(pattern: str, seq: int, *, step: str, program: str, register: str, day: date) -> str:
    """A letter number from a pattern: {seq} {seq3} {seq4} {year} {month} {roman_month} {program}
    {register} {step}.  KeyError / ValueError / IndexError for a pattern that names something else."""
    return pattern.format(seq=seq, seq3=f"{seq:03d}", seq4=f"{seq:04d}", year=day.year, month=f"{day.month:02d}",
                          roman_month=ROMAN[day.month - 1], program=program, register=register,
                          step=step_label(step))


# -- settings (stored under "reporting"; saved by app.operations.settings.save_reporting_settings) --

DEFAULT_LETTER_PATTERNS = {
    "teguran_1": "{seq3}/TEG.1/PK/{roman_month}/{year}",
    "teguran_2": "{seq3}/TEG.2/PK/{roman_month}/{year}",
    "usul_pencabutan": "{seq3}/USUL-CABUT/{program}/{roman_month}/{year}",
    "laporan_kalapas": "{seq3}/LAP-ASIM/PK/{roman_month}/{year}",
    "laporan_jaksa": "{seq3}/LAP-JAKSA/PK/{roman_month}/{year}",
    "bap": "{seq3}/BAP/PK/{roman_month}/{year}",
    "sidang_tpp": "{seq3}/TPP/{roman_month}/{year}",
    "pencabutan_sementara": "{seq3}/CABUT-SMT/{program}/{roman_month}/{year}",
}
DEFAULT_REPORTING: dict[str, Any] = {
    "grace_days": 5,
    # After a visit the next miss starts again at the first step (False: it goes on from the last letter).
    "restart_after_visit": True,
    "steps": [dict(s) for s in DEFAULT_STEPS],
    "final_routes": {"PB": "usul_pencabutan", "CB": "usul_pencabutan", "CMB": "usul_pencabutan",
                     "ASIM": "laporan_kalapas", "PPW": "laporan_jaksa", "PKS": "laporan_jaksa",
                     "PBS": "laporan_jaksa", "DIV": "laporan_jaksa", "PPK": "laporan_jaksa", "TIN": "laporan_jaksa"},
    "letter_patterns": DEFAULT_LETTER_PATTERNS,
    # Visits are recorded in this program from this day (ISO); periods that ended before it are on paper.
    "recorded_since": None,
}


def merged_settings(stored: Any) -> dict[str, Any]:
    """The stored "reporting" setting with every default filled in."""
    stored = stored if isinstance(stored, dict) else {}
    merged = {**DEFAULT_REPORTING, **stored}
    merged["letter_patterns"] = {**DEFAULT_LETTER_PATTERNS, **(stored.get("letter_patterns") or {})}
    merged["final_routes"] = {**DEFAULT_REPORTING["final_routes"], **(stored.get("final_routes") or {})}
    merged["steps"] = [dict(s) for s in merged["steps"]]
    return merged


def recorded_since(settings: dict[str, Any]) -> date | None:
    value = settings.get("recorded_since")
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


# -- the SQL mirror of periods_before ------------------------------------------------------------

def sql_periods_before(alias: str, x_day: str, x_month: str) -> str:
    """SQL for ``periods_before`` over a ``reporting`` row ``alias``; ``x_day``/``x_month`` are the
    SQL (parameters or columns) of ``day_no(X)`` and ``month_no(X)``.

    The row holds the same integers Python uses: start_day, start_month, end_day,
    end_month, unit (0: months; else days per block).
    """
    a = alias
    index_x = f"(CASE {a}.unit WHEN 0 THEN {x_month} - {a}.start_month ELSE ({x_day} - {a}.start_day) / {a}.unit END)"
    index_end = (f"(CASE {a}.unit WHEN 0 THEN {a}.end_month - {a}.start_month"
                 f" ELSE ({a}.end_day - {a}.start_day) / {a}.unit END)")
    return (f"(CASE WHEN {x_day} <= {a}.start_day THEN 0"
            f" WHEN {a}.end_day IS NOT NULL AND {x_day} > {a}.end_day THEN {index_end} + 1"
            f" ELSE {index_x} END)")
