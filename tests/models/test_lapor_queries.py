"""The SQL of the "Perlu perhatian" counts, the attendance rate and the visits' flags agree with
the rules of app.models.reporting on random programs (the rules exist once; the SQL mirrors them)."""

from __future__ import annotations

from datetime import date, timedelta

import factories as f
from conftest import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import reporting as rp
from app.models.domain import Confirmations
from app.models.lapor_queries import attention_sql, context
from app.models.lapor_rows import refresh
from app.models.queries import Queries
from app.operations.clients import create_client
from app.operations.settings import save_reporting_settings

WEEKS = st.sampled_from([0, 1, 2, 4])


def _program(db, start: date, end: date | None, weeks: int) -> int:
    person = f.person(name=f"Klien {db.scalar('SELECT count(*) FROM persons')}", nik="")
    person.nationality, person.passport = "Malaysia", f"A{db.scalar('SELECT count(*) FROM persons') + 100000}"
    result = create_client(db, person, f.case(db), f.program(db, start_date=start, end_date=end),
                           Confirmations(duplicate_ok=True, duplicate_reason="uji"), today=TODAY)
    program_id = int(db.scalar("SELECT id FROM programs WHERE person_id = ?", (result.id,)))
    if weeks:
        with db.transaction():
            db.conn.execute("INSERT INTO reporting_schedules(program_id, kind, weeks, updated_at)"
                            " VALUES (?, 'weeks', ?, '2026-01-01')", (program_id, weeks))
    return program_id


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(start=st.dates(date(2025, 6, 1), date(2026, 10, 1)), weeks=WEEKS, grace=st.integers(0, 8),
       visit_offsets=st.lists(st.integers(0, 520), max_size=14),
       excuse_offsets=st.lists(st.integers(0, 520), max_size=4),
       lookback=st.integers(0, 60), since_offset=st.one_of(st.none(), st.integers(-30, 200)))
def test_sql_agrees_with_the_rules(db, start, weeks, grace, visit_offsets, excuse_offsets, lookback, since_offset):
    today = TODAY - timedelta(days=lookback)
    since = start + timedelta(days=since_offset) if since_offset is not None else None
    save_reporting_settings(db, {"grace_days": grace, "recorded_since": since.isoformat() if since else None})
    end = date(2027, 6, 30)
    program_id = _program(db, start, end, weeks)
    schedule = rp.Schedule(rp.WEEKS, weeks) if weeks else rp.MONTHLY_SCHEDULE
    visit_days = sorted({start + timedelta(days=o) for o in visit_offsets if start + timedelta(days=o) <= TODAY})
    with db.transaction() as conn:
        for d in visit_days:
            conn.execute("INSERT INTO wajib_lapor(program_id, report_date, created_at, kind, working)"
                         " VALUES (?, ?, '2026-01-01', 'office', 'unknown')", (program_id, d.isoformat()))
        excused = set()
        for o in excuse_offsets:
            index = rp.period_index(start, schedule, start + timedelta(days=o))
            if index not in excused:
                excused.add(index)
                conn.execute("INSERT INTO reporting_excuses(program_id, period_day, reason_kind, reason, recorded_on,"
                             " created_at) VALUES (?, ?, 'sakit', 'uji', '2026-01-01', '2026-01-01')",
                             (program_id, rp.period_at(start, end, schedule, index).start.isoformat()))
        refresh(conn, [program_id], grace=grace, recorded_since=since)
    ids = [r[0] for r in db.conn.execute("SELECT id FROM wajib_lapor WHERE program_id = ? ORDER BY report_date",
                                         (program_id,))]
    visits = [rp.Visit(d, i) for d, i in zip(visit_days, ids)]
    # Visits after "today" exist when looking back: the rules see the visits up to that day.
    seen = [v for v in visits if v.day <= today]
    states = rp.period_states(start, end, schedule, seen, excused, today, grace, recorded_since=since)

    flags = {i: (late, extra) for i, late, extra in db.conn.execute(
        "SELECT id, late, extra FROM wajib_lapor WHERE program_id = ?", (program_id,))}
    everything = rp.period_states(start, end, schedule, visits, excused, TODAY, grace, recorded_since=since)
    late, extra = rp.late_visit_ids(everything), rp.extra_visit_ids(everything)
    assert {i for i, (a, _b) in flags.items() if a} == late
    assert {i for i, (_a, b) in flags.items() if b} == extra

    ctx = context(db)
    row = db.query(f"SELECT * FROM ({attention_sql(ctx, today)}) WHERE program_id = ?", (program_id,))
    if start <= today:
        assert len(row) == 1
        r = row[0]
        assert r["misses"] == rp.miss_run(states)
        current = next(s for s in states if s.period.contains(today))
        assert bool(r["unreported"]) == (current.state == "current")
        previous = next((s for s in states if s.period.index == current.period.index - 1), None)
        assert bool(r["missed_last"]) == (previous is not None and previous.state in rp.MISSED_STATES)
        assert bool(r["confirm"]) == (rp.miss_run(states) > 0)
    else:
        assert row == []

    window_start = today - timedelta(days=120)
    got = Queries(db).attendance(window_start, today, program_ids=[program_id], today=today)
    assert (got.reported, got.due) == rp.attendance_of(states, window_start, today, today, grace, recorded_since=since)
