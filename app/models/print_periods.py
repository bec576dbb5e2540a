"""Reporting periods and visits as the print-outs need them: the one seam to the wajib lapor core.

STAND-IN.  The wajib lapor issue (10) defines the periods (per program, with their
schedule, grace days, excused absences and escalation letters) on branch ``lapor``,
which had nothing committed when printing was built.  Until its queries land, this
module reads what main holds: calendar-month periods from the start to the end of
guidance, and the visits in the ``wajib_lapor`` table.  The cards, lists and letters
call only ``periods_of`` and ``visits_on``; replacing these two bodies by lapor's
queries is all the merge needs (lapor's definitions then win: schedules in weeks,
excused periods, grace days, contact kinds, stored letter numbers).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.models.dates import MONTHS_ID, from_iso
from app.models.storage import Database

CONTACT_WORDS = {"office": "Lapor diri", "home": "Kunjungan rumah", "remote": "Daring", "officer": "Melalui petugas"}


@dataclass(frozen=True)
class ReportPeriod:
    """One reporting period of a program and what happened in it."""

    number: int
    start: date
    end: date
    label: str
    state: str                    # reported | excused | missed | current | future | unrecorded
    visit_date: date | None = None
    contact: str = ""
    next_due: date | None = None
    remark: str = ""
    current: bool = False         # the period that holds today (reported or not)


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def periods_of(db: Database, programs: Iterable[dict[str, Any]], today: date) -> dict[int, list[ReportPeriod]]:
    """{program id: its periods over the whole guidance, filled from the visits} (calendar months)."""
    rows = list(programs)
    ids = [r["program_id"] for r in rows]
    visits: dict[int, list[date]] = {pid: [] for pid in ids}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        for pid, day in db.conn.execute(
                f"SELECT program_id, report_date FROM wajib_lapor WHERE program_id IN ({', '.join('?' * len(part))})"
                " ORDER BY program_id, report_date", part):
            visits[pid].append(date.fromisoformat(day))
    # Periods that ended before the unit kept any visit here are unknown, not missed.
    kept_since = from_iso(db.scalar("SELECT MIN(report_date) FROM wajib_lapor")) or today
    out: dict[int, list[ReportPeriod]] = {}
    for r in rows:
        start, end = from_iso(r["start_date"]), from_iso(r["end_date"])
        if start is None:
            out[r["program_id"]] = []
            continue
        last = end or _month_end(max(today, start) + timedelta(days=1))
        seen = visits.get(r["program_id"], [])
        periods: list[ReportPeriod] = []
        first = start
        n = 0
        while first <= last and n < 240:  # 20 years of months at most
            n += 1
            period_end = min(_month_end(first), last)
            in_period = [v for v in seen if first <= v <= period_end]
            following = period_end + timedelta(days=1)
            next_due = following if following <= last else None
            label = f"{MONTHS_ID[first.month - 1]} {first.year}"
            if in_period:
                extra = f"{len(in_period) - 1} kontak tambahan" if len(in_period) > 1 else ""
                periods.append(ReportPeriod(n, first, period_end, label, "reported", in_period[0], "Lapor diri",
                                            next_due, extra, current=first <= today <= period_end))
            elif first <= today <= period_end:
                periods.append(ReportPeriod(n, first, period_end, label, "current", next_due=next_due,
                                            remark="Periode sekarang", current=True))
            elif period_end < kept_since:
                periods.append(ReportPeriod(n, first, period_end, label, "unrecorded", next_due=next_due))
            elif period_end < today:
                periods.append(ReportPeriod(n, first, period_end, label, "missed", next_due=next_due,
                                            remark="Tidak lapor"))
            else:
                periods.append(ReportPeriod(n, first, period_end, label, "future", next_due=next_due))
            first = following
        out[r["program_id"]] = periods
    return out


def missed_so_far(periods: list[ReportPeriod]) -> int:
    return sum(1 for p in periods if p.state == "missed")


def visits_on(db: Database, day: date) -> list[dict[str, Any]]:
    """The visits recorded on one day (the duty officer's daily log), in the order they came."""
    return db.query(
        "SELECT w.id, w.report_date, w.created_at, w.note, w.program_id, p.register_number, s.name, s.alias,"
        " k.code AS kind_code, o.name AS received_by, po.name AS officer_name, p.person_id,"
        " p.kind_id, p.officer_id, c.offence_category_id"
        " FROM wajib_lapor w JOIN programs p ON p.id = w.program_id JOIN persons s ON s.id = p.person_id"
        " JOIN program_kinds k ON k.id = p.kind_id JOIN cases c ON c.id = p.case_id"
        " LEFT JOIN officers o ON o.id = w.officer_id"
        " LEFT JOIN officers po ON po.id = p.officer_id"
        " WHERE w.report_date = ? AND s.deleted_at IS NULL ORDER BY w.created_at, w.id", (day.isoformat(),))


def letter_number(db: Database, program_id: int, kind: str) -> tuple[str, str] | None:
    """(the number stored when the escalation step ``kind`` was confirmed, the missed periods it is about),
    or None when the step was never confirmed.

    STAND-IN: main stores no escalation steps yet (issue 10 adds them); until lapor's query
    replaces this body, no letter has a stored number and printing one is refused.
    """
    return None
