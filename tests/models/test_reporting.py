"""The wajib lapor rules without a database: periods, states, missed runs, the ladder."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.models import reporting as rp

START = date(2026, 1, 10)
END = date(2026, 12, 31)


def states(visits, excused=(), today=date(2026, 6, 15), grace=5, schedule=rp.MONTHLY_SCHEDULE, **kw):
    return rp.period_states(START, END, schedule, [rp.Visit(d, i) for i, d in enumerate(visits, 1)], excused,
                            today, grace, **kw)


def by_month(result):
    return {s.period.start.month: s.state for s in result}


def test_monthly_periods_are_calendar_months_clipped_to_the_guidance():
    ps = rp.periods(START, END, rp.MONTHLY_SCHEDULE)
    assert ps[0] == rp.Period(0, START, date(2026, 1, 31))
    assert ps[1] == rp.Period(1, date(2026, 2, 1), date(2026, 2, 28))
    assert len(ps) == 12 and ps[-1].end == END


def test_week_blocks_count_from_the_start_of_guidance():
    ps = rp.periods(START, date(2026, 3, 1), rp.Schedule(rp.WEEKS, 2))
    assert ps[0] == rp.Period(0, START, date(2026, 1, 23))
    assert ps[1].start == date(2026, 1, 24)
    assert ps[-1].end == date(2026, 3, 1)


def test_a_visit_counts_for_the_period_its_date_falls_in_and_a_month_cannot_be_made_up():
    result = by_month(states([date(2026, 1, 10), date(2026, 3, 2), date(2026, 3, 20)]))
    assert result[1] == "reported"
    assert result[2] == "late"       # came on 2 March, in February's grace days: still a miss
    assert result[3] == "reported"   # the March visits count for March only
    assert result[4] == "missed" and result[5] == "missed"
    assert result[6] == "current" and result[7] == "future"


def test_a_late_visit_in_the_grace_days_does_not_cancel_the_miss():
    s = states([date(2026, 1, 10), date(2026, 3, 3)], today=date(2026, 3, 3))
    feb = next(x for x in s if x.period.start.month == 2)
    assert feb.state == "late" and feb.late_visit.day == date(2026, 3, 3)
    assert rp.late_visit_ids(s) == {2}
    assert rp.attendance_of(s, date(2026, 1, 1), date(2026, 2, 28), date(2026, 4, 1), 5) == (1, 2)


def test_an_unreported_period_in_its_grace_days_is_not_yet_missed():
    s = by_month(states([date(2026, 1, 10)], today=date(2026, 2, 3)))
    assert s[1] == "reported" and s[2] == "current"
    s = by_month(states([date(2026, 1, 10), date(2026, 2, 2)], today=date(2026, 3, 4)))
    assert s[2] == "reported" and s[3] == "current"
    s = by_month(states([date(2026, 1, 10)], today=date(2026, 3, 4)))
    assert s[2] == "grace"
    s = by_month(states([date(2026, 1, 10)], today=date(2026, 3, 6)))
    assert s[2] == "missed"


def test_missed_excused_missed_is_two_misses_in_a_row():
    s = states([date(2026, 1, 10)], excused=[2], today=date(2026, 5, 20))  # Feb missed, Mar excused, Apr missed
    assert [x.state for x in s[1:4]] == ["missed", "excused", "missed"]
    assert rp.miss_run(s) == 2


def test_a_visit_ends_the_run():
    s = states([date(2026, 1, 10), date(2026, 5, 4)], today=date(2026, 5, 20))
    assert by_month(s)[2] == "missed" and by_month(s)[3] == "missed"
    assert rp.miss_run(s) == 0
    s = states([date(2026, 1, 10), date(2026, 4, 20)], today=date(2026, 6, 10))
    assert rp.miss_run(s) == 1  # May missed after April's visit: a new run of one


def test_a_new_program_starts_a_new_count():
    first = rp.period_states(date(2025, 1, 1), date(2025, 6, 30), rp.MONTHLY_SCHEDULE, [], [], date(2026, 1, 1), 5)
    assert rp.miss_run(first) == 6
    second = rp.period_states(date(2025, 7, 1), date(2026, 6, 30), rp.MONTHLY_SCHEDULE, [], [], date(2025, 8, 20), 5)
    assert rp.miss_run(second) == 1


def test_extra_contacts_count_once():
    s = states([date(2026, 1, 10), date(2026, 2, 3), date(2026, 2, 17)], today=date(2026, 3, 20))
    assert rp.extra_visit_ids(s) == {3}
    assert rp.attendance_of(s, date(2026, 1, 1), date(2026, 2, 28), date(2026, 3, 20), 5) == (2, 2)


def test_excused_periods_are_left_out_of_the_attendance_rate():
    s = states([date(2026, 1, 10)], excused=[1], today=date(2026, 4, 20))
    assert rp.attendance_of(s, date(2026, 1, 1), date(2026, 3, 31), date(2026, 4, 20), 5) == (1, 2)


def test_a_program_ended_early_has_closed_periods_and_unrecorded_ones_before_the_paper_log():
    s = states([date(2026, 1, 10)], today=date(2026, 8, 1), closed_after=date(2026, 4, 10))
    assert by_month(s)[4] == "closed" and by_month(s)[3] == "missed"
    s = states([], today=date(2026, 4, 20), recorded_since=date(2026, 3, 1))
    assert by_month(s)[1] == "unrecorded" and by_month(s)[2] == "unrecorded" and by_month(s)[3] == "missed"


def test_the_ladder_turns_a_run_into_a_step():
    steps = rp.ladder(rp.DEFAULT_STEPS, rp.final_route("PB", False, False))
    assert [s.key for s in steps] == ["teguran_1", "teguran_2", "usul_pencabutan"]
    assert rp.reached_step(steps, 0) is None
    assert rp.reached_step(steps, 1).key == "teguran_1"
    assert rp.reached_step(steps, 2).key == "teguran_2"
    assert rp.reached_step(steps, 5).key == "usul_pencabutan"
    assert rp.final_route("ASIM", False, False) == "laporan_kalapas"
    assert rp.final_route("PPW", True, False) == "laporan_jaksa"
    assert rp.final_route("DIV", True, True) == "laporan_jaksa"


def test_due_days_are_reminders_inside_the_period():
    p = rp.period_at(START, END, rp.Schedule(due_day=31), 1)
    assert rp.due_day_in(p, rp.Schedule(due_day=31)) == date(2026, 2, 28)
    weekly = rp.Schedule(rp.WEEKS, 1, due_day=1)  # Senin
    assert rp.due_day_in(rp.period_at(START, END, weekly, 0), weekly) == date(2026, 1, 12)


def test_letter_numbers_follow_the_pattern():
    assert rp.letter_number("{seq3}/TEG.1/{program}/{roman_month}/{year}", 7, step="teguran_1", program="PB",
                            register="1/PB/2026", day=date(2026, 11, 2)) == "007/TEG.1/PB/XI/2026"


schedules = st.one_of(st.just(rp.MONTHLY_SCHEDULE), st.sampled_from([rp.Schedule(rp.WEEKS, w) for w in (1, 2, 4)]))
days = st.dates(date(2024, 1, 1), date(2027, 12, 31))


@settings(max_examples=300, deadline=None)
@given(schedules, days, st.integers(0, 700), days)
def test_periods_tile_the_guidance_and_periods_before_counts_them(schedule, start, length, probe):
    end = start + timedelta(days=length)
    ps = rp.periods(start, end, schedule)
    assert ps[0].start == start and ps[-1].end == end
    for a, b in zip(ps, ps[1:]):
        assert b.start == a.end + timedelta(days=1) and b.index == a.index + 1
    assert rp.periods_before(start, end, schedule, probe) == sum(1 for p in ps if p.end < probe)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["v", "x", "-"]), min_size=1, max_size=24), st.integers(0, 10))
def test_the_run_is_the_misses_after_the_last_visit_with_excused_periods_skipped(pattern, grace):
    start = date(2024, 1, 1)
    visits, excused = [], []
    for i, mark in enumerate(pattern):
        month = rp.period_at(start, None, rp.MONTHLY_SCHEDULE, i)
        if mark == "v":
            visits.append(rp.Visit(month.start + timedelta(days=grace + 1), i + 1))
        elif mark == "x":
            excused.append(i)
    today = rp.period_at(start, None, rp.MONTHLY_SCHEDULE, len(pattern)).end
    s = rp.period_states(start, None, rp.MONTHLY_SCHEDULE, visits, excused, today, grace)
    tail = "".join(pattern).rsplit("v", 1)[-1]
    assert rp.miss_run(s) == tail.count("-")


def test_periods_are_period_at_each_index():
    """periods() steps through calendar months; it gives period_at of every index (both kinds)."""
    import random

    rnd = random.Random(3)
    for _ in range(2000):
        start = date(2015, 1, 1) + timedelta(days=rnd.randint(0, 4000))
        end = None if rnd.random() < 0.2 else start + timedelta(days=rnd.randint(0, 2000))
        until = start + timedelta(days=rnd.randint(-30, 2500))
        for schedule in (rp.MONTHLY_SCHEDULE, rp.Schedule("weeks", 2, None)):
            last = end if end is not None else until
            want = [] if last < start else [rp.period_at(start, end, schedule, i)
                                             for i in range(rp.period_index(start, schedule, last) + 1)]
            assert rp.periods(start, end, schedule, until) == want
