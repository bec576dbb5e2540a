"""Reporting periods, visits and letter numbers as the print-outs need them, from the wajib lapor core.

The cards, the counter lists and the letters never derive periods themselves: the periods
of a program, their states (reported, late, missed, excused, grace, current, future,
closed, unrecorded), the visits and the confirmed escalation steps all come from
``Queries`` (app/models/queries.py, the wajib lapor block).  This module only turns them
into what a printed row says: the period's label, the date and kind of the visit, the
next due day and a remark.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.models.dates import MONTHS_ID, format_date
from app.models.storage import Database

CONTACT_WORDS = {"office": "Lapor diri", "home": "Kunjungan rumah", "remote": "Daring", "officer": "Melalui petugas"}
EXCUSE_WORDS = {"sakit": "Izin sakit", "izin": "Izin", "berhalangan": "Berhalangan"}

# Which confirmed step gives each letter its number: teguran 1 and 2 are ladder steps; the
# proposal to revoke is the final step of PB, CB, CMB; the summons (surat panggilan) calls the
# client to the examination of a revocation (its "bap" stage).
LETTER_STEPS = {"teguran1": ("teguran_1",), "teguran2": ("teguran_2",), "usulan-pencabutan": ("usul_pencabutan",)}
LETTER_STAGES = {"panggilan": "bap"}


@dataclass(frozen=True)
class ReportPeriod:
    """One reporting period of a program and what happened in it, as a card's row says it."""

    number: int
    start: date
    end: date
    label: str
    state: str                    # the core's state: reported, late, missed, excused, grace, current, ...
    visit_date: date | None = None
    contact: str = ""
    next_due: date | None = None
    remark: str = ""
    current: bool = False         # the period that holds today (reported or not)


def _label(start: date, end: date, monthly: bool) -> str:
    """"November 2026" for a calendar month (also the first and last, cut by the guidance);
    "3 November 2026 – 16 November 2026" for a block of weeks."""
    if monthly:
        return f"{MONTHS_ID[start.month - 1]} {start.year}"
    return f"{format_date(start)} – {format_date(end)}"


def _visit_day(visit: dict[str, Any] | None) -> date | None:
    return date.fromisoformat(visit["report_date"]) if visit else None


def _period(p: dict[str, Any], today: date, next_due: date | None, monthly: bool) -> ReportPeriod:
    state, visit = p["state"], p.get("visit")
    extra = p.get("extra") or []
    remarks: list[str] = []
    if visit and visit.get("backdated"):
        remarks.append("entri susulan")
    if extra:
        remarks.append(f"{len(extra)} kontak tambahan")
    if state == "late":
        late = p.get("late_visit") or visit
        remarks.insert(0, f"Tidak lapor; datang terlambat {format_date(_visit_day(late))}" if late
                       else "Tidak lapor")
        visit = None  # a late visit does not report the period: the row stays without a date
    elif state == "missed":
        remarks.insert(0, "Tidak lapor")
    elif state == "excused":
        excuse = p.get("excuse") or {}
        word = EXCUSE_WORDS.get(excuse.get("reason_kind"), "Izin")
        remarks.insert(0, f"{word}: {excuse['reason']}" if excuse.get("reason") else word)
    elif state == "grace":
        remarks.insert(0, "Masa tenggang")
    elif state == "current" and not visit:
        remarks.insert(0, "Periode sekarang")
    elif state == "closed":
        remarks.insert(0, "Bimbingan berakhir")
    start, end = p["start"], p["end"]
    return ReportPeriod(p["index"], start, end, _label(start, end, monthly), state, _visit_day(visit),
                        CONTACT_WORDS.get(visit.get("kind"), "") if visit else "", next_due, "; ".join(remarks),
                        current=start <= today <= end)


def periods_of(db: Database, programs: Iterable[dict[str, Any]], today: date) -> dict[int, list[ReportPeriod]]:
    """{program id: its periods over the whole guidance, as the wajib lapor core counts them}."""
    from app.models.queries import Queries
    from app.models.reporting import MONTHLY

    programs = list(programs)
    found = Queries(db).many_reporting_periods([r["program_id"] for r in programs], today)
    out: dict[int, list[ReportPeriod]] = {}
    for r in programs:
        schedule, core = found[r["program_id"]]
        monthly = schedule.kind == MONTHLY
        rows = []
        for i, p in enumerate(core):
            following = core[i + 1] if i + 1 < len(core) else None
            next_due = (following.get("due") or following["start"]) if following else None
            rows.append(_period(p, today, next_due, monthly))
        out[r["program_id"]] = rows
    return out


def missed_so_far(periods: list[ReportPeriod]) -> int:
    return sum(1 for p in periods if p.state in ("missed", "late"))


def visits_on(db: Database, day: date) -> list[dict[str, Any]]:
    """The visits recorded on one day (the duty officer's daily log), in the order they came."""
    from app.models.queries import Queries

    rows = Queries(db).visits_on(day)
    for r in rows:
        r["contact"] = CONTACT_WORDS.get(r.get("kind"), "")
    return rows


def letter_number(db: Database, program_id: int, kind: str) -> tuple[str, str] | None:
    """(the number stored when the letter's step was confirmed, the missed periods it is about), or None.

    The number is never made up here: a letter whose step (or, for the summons, whose
    examination stage) was not confirmed in wajib lapor has none, and printing it is refused.
    """
    from app.models.queries import Queries

    q = Queries(db)
    letters = q.reporting_letters(program_id)
    stage = LETTER_STAGES.get(kind)
    found: tuple[str, int] | None = None
    if stage is not None:
        for step in letters:
            for g in step.get("stages") or []:
                if g["stage"] == stage and g.get("letter_number"):
                    found = (g["letter_number"], int(step["missed"]))
    else:
        for step in letters:
            if step["step"] in LETTER_STEPS.get(kind, ()) and step.get("letter_number"):
                found = (step["letter_number"], int(step["missed"]))
    if found is None:
        return None
    number, missed = found
    return number, f"{missed} periode berturut-turut"
