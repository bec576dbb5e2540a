"""The demo's wajib lapor history: visits, extra contacts, excused absences and guidance notes.

Made from a chunk generator's own random stream (so a chunk's rows stay a pure function
of its spec).  Most clients report every month; some miss a period now and then, a few
stopped reporting one to five months ago (so each escalation step has clients), some
months are excused (sakit, izin, berhalangan), a few months have a second contact, and a
PK writes a note in the buku perkembangan after some visits.  Visits are at the office
mostly, some are home visits, video calls or through another officer; whether the client
works is asked at most visits and changes now and then.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from app.operations.demo.people import TIMES
from app.operations.demo.vocabulary import EXCUSE_REASONS, GUIDANCE_NOTES, REPORT_NOTES

# The reporting history a demo holds: the last six months (see generator.REPORT_DAYS).
_KINDS = (("office", 0.80), ("home", 0.88), ("remote", 0.96), ("officer", 1.0))
_PARTS = ("condition", "activity", "social", "obstacles", "plans")


def _month_start(day: date, back: int) -> date:
    months = day.year * 12 + day.month - 1 - back
    return date(months // 12, months % 12 + 1, 1)


def history(gen: Any, since: date) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """(visits, excuses, notes) of every guidance program of the generator's chunk."""
    visits: list[tuple[Any, ...]] = []
    excuses: list[tuple[Any, ...]] = []
    notes: list[tuple[Any, ...]] = []
    for row in _programs(gen, since, visits, excuses, notes):
        visits.append(row)
    return visits, excuses, notes


def _programs(gen: Any, since: date, visits, excuses, notes) -> Iterator[tuple[Any, ...]]:
    r = gen.r
    today = gen.today
    n_times = len(TIMES)
    officers = gen.active_officers
    for p in gen.programs:
        program_id, person_id, start, end, officer, status, status_on = p[0], p[1], p[9], p[10], p[11], p[12], p[13]
        first = date.fromisoformat(start)
        last = min(today, date.fromisoformat(end))
        if status_on is not None:
            last = min(last, date.fromisoformat(status_on))
            if status in ("dicabut", "melarikan_diri", "mengulangi_tindak_pidana"):
                last -= timedelta(days=45)  # they stopped reporting before the decision
        if last < since:
            continue
        # How this client reports: regularly, now and then missing, or stopped some months ago.
        u = r()
        miss = 0.015 if u < 0.72 else 0.12 if u < 0.89 else 0.02
        if u >= 0.89 and status == "aktif":
            stopped = 1 + int(r() * 2) if u < 0.965 else 3 + int(r() * 3)
            last = min(last, _month_start(today, stopped) - timedelta(days=1))
        working = "yes" if r() < 0.6 else "no"
        day = first.day
        on = first  # the first report (lapor diri) on the day guidance starts
        if first < since:
            on = since.replace(day=1) + timedelta(days=min(day, 28) - 1)
        year, month = on.year, on.month
        latest: date | None = None  # the last visit made
        while on <= last:
            if on >= since:
                v = r()
                if v < miss:
                    if r() < 0.25:  # an excused absence instead of a miss
                        kind = ("sakit", "izin", "berhalangan")[int(r() * 3)]
                        reasons = EXCUSE_REASONS[kind]
                        excuses.append((program_id, on.replace(day=1).isoformat() if on.replace(day=1) >= first
                                        else first.isoformat(), kind, reasons[int(r() * len(reasons))], officer,
                                        on.isoformat(), on.isoformat() + TIMES[int(r() * n_times)]))
                else:
                    w = r()
                    kind = next(k for k, limit in _KINDS if w < limit)
                    if r() < 0.05:
                        working = "no" if working == "yes" else "yes"
                    asked = working if r() < 0.85 else "unknown"
                    note = REPORT_NOTES[int(w * 60) % len(REPORT_NOTES)] if w < 0.15 else ""
                    by = officer if r() < 0.95 or not officers else officers[int(r() * len(officers))]
                    yield program_id, on.isoformat(), by, note, TIMES[int(w * 977) % n_times], kind, asked, \
                        int(r() < 0.1)
                    latest = on
                    if r() < 0.1:
                        notes.append(_note(gen, person_id, program_id, on, officer))
                    if r() < 0.03:  # a second contact the same month (kontak tambahan)
                        again = on + timedelta(days=3 + int(r() * 8))
                        if again.month == on.month and again <= last:
                            yield program_id, again.isoformat(), by, "", TIMES[int(r() * n_times)], "remote", \
                                asked, 0
                            latest = again
            month += 1
            if month == 13:
                year, month = year + 1, 1
            on = date(year, month, max(1, min(day + int(r() * 7) - 2, 28)))
        # Guidance that ran to its end closes with a last report in its last (clipped) period.
        ended = date.fromisoformat(end)
        if ended <= last and ended >= since and (status == "selesai" or ended <= today) and r() >= miss:
            final = max(ended - timedelta(days=int(r() * 3)), ended.replace(day=1), first)
            if latest is None or latest < max(ended.replace(day=1), first):  # nothing yet in that period
                yield program_id, final.isoformat(), officer, "Lapor akhir masa bimbingan", \
                    TIMES[int(r() * n_times)], "office", working, 0


def _note(gen: Any, person_id: int, program_id: int, on: date, officer: Any) -> tuple[Any, ...]:
    r = gen.r
    parts = [GUIDANCE_NOTES[k][int(r() * len(GUIDANCE_NOTES[k]))] if r() < 0.85 else "" for k in _PARTS]
    follow_up = (on + timedelta(days=14 + int(r() * 30))).isoformat() if r() < 0.3 else None
    stamp = on.isoformat() + TIMES[int(r() * len(TIMES))]
    return (person_id, program_id, on.isoformat(), officer, *parts, "", follow_up, stamp, stamp)


def recorded_since(today: date, report_days: int) -> date:
    """The demo records visits from the first whole month of its history."""
    start = today - timedelta(days=report_days)
    return _month_start(start, -1)


def escalate(db: Any, today: date, seed: int) -> list[int]:
    """Letters for the demo's missed runs: most runs that reached a step have its letter (and the
    steps before it), dated a few days after each miss was flagged; half the revocation proposals have
    their examination (BAP), some the TPP hearing.  Returns the programs changed."""
    import random

    from app.models import reporting as rp
    from app.models.lapor_queries import attention_sql, context
    from app.models.lapor_rows import refresh

    ctx = context(db)
    rng = random.Random(f"rekam-upt-demo-letters:{seed}")
    conn = db.conn
    waiting = conn.execute(f"SELECT program_id, kind_id, misses, reached_level, anchor"
                           f" FROM ({attention_sql(ctx, today)})"
                           " WHERE confirm ORDER BY program_id").fetchall()
    info = {r[0]: r for r in conn.execute(
        "SELECT p.id, p.start_date, p.end_date, k.code, p.register_number FROM programs p"
        " JOIN program_kinds k ON k.id = p.kind_id JOIN reporting r ON r.program_id = p.id"
        " WHERE r.program_id IN (SELECT program_id FROM (" + attention_sql(ctx, today) + ") WHERE confirm)")}
    patterns = rp.merged_settings(db.get_setting("reporting"))["letter_patterns"]
    seqs: dict[tuple[str, int], int] = {}
    changed = []
    now = today.isoformat() + "T10:00:00"
    for program_id, kind_id, _misses, reached, anchor in waiting:
        if rng.random() < 0.25:
            continue  # the officer has not confirmed it yet
        _pid, start, end, code, register = info[program_id]
        start_d = date.fromisoformat(start)
        end_d = date.fromisoformat(end) if end else None
        steps = rp.ladder(ctx.steps, ctx.routes.get(kind_id, "usul_pencabutan"))
        for step in steps[:reached]:
            missed_period = rp.period_at(start_d, end_d, rp.MONTHLY_SCHEDULE, anchor + step.after)
            on = min(today, missed_period.end + timedelta(days=ctx.grace + 1 + rng.randrange(6)))
            key = (step.key, on.year)
            seqs[key] = seqs.get(key, 0) + 1
            number = rp.letter_number(patterns[step.key], seqs[key], step=step.key, program=code,
                                      register=register or "", day=on)
            cur = conn.execute(
                "INSERT INTO reporting_steps(program_id, step, level, after_no, missed, letter_number, letter_seq,"
                " letter_date, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)",
                (program_id, step.key, step.level, anchor, step.after, number, seqs[key], on.isoformat(),
                 on.isoformat() + "T10:00:00"))
            if step.key == "usul_pencabutan" and rng.random() < 0.5:
                for stage, days in (("bap", 3), ("sidang_tpp", 12)):
                    when = min(today, on + timedelta(days=days))
                    skey = (stage, when.year)
                    seqs[skey] = seqs.get(skey, 0) + 1
                    conn.execute("INSERT INTO revocation_stages(step_id, program_id, stage, date, letter_number,"
                                 " letter_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 (cur.lastrowid, program_id, stage, when.isoformat(),
                                  rp.letter_number(patterns[stage], seqs[skey], step=stage, program=code,
                                                   register=register or "", day=when), seqs[skey], now))
                    if rng.random() < 0.5:
                        break
        changed.append(program_id)
    refresh(conn, changed, grace=ctx.grace, recorded_since=ctx.since)
    return changed


def photos(conn: Any, persons: int, seed: int) -> int:
    """Small JPEG photos (drawn likenesses shipped with the demo) for some of the persons."""
    import hashlib
    import random
    from importlib import resources

    from app.operations.wajib_lapor import _jpeg_size

    folder = resources.files("app.operations.demo") / "data" / "photos"
    images = [f.read_bytes() for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".jpg")]
    if not images:
        return 0
    rng = random.Random(f"rekam-upt-demo-photos:{seed}")
    # The drawn likenesses 02, 05, 08, 11 wear a hijab: given to women only.
    women = [img for i, img in enumerate(images) if i % 3 == 1]
    men = [img for i, img in enumerate(images) if i % 3 != 1]
    sexes = dict(conn.execute("SELECT id, sex FROM persons"))
    rows = []
    for person_id in range(1, persons + 1):
        if rng.random() < 0.04:
            pool = women if sexes.get(person_id) == "P" else men
            jpeg = pool[rng.randrange(len(pool))]
            w, h = _jpeg_size(jpeg) or (0, 0)
            rows.append((person_id, jpeg, w, h, hashlib.sha256(jpeg).hexdigest(), "2026-01-01T09:00:00"))
    conn.executemany("INSERT INTO person_photos(person_id, jpeg, width, height, sha256, updated_at)"
                     " SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM persons WHERE id = ?1)", rows)
    return len(rows)


def overdue(conn: Any, today: date) -> list[int]:
    """A few programs whose guidance ended weeks ago while their status still says aktif (a status change
    the office forgot to record): the "past the end of guidance" data problem.  Returns their persons."""
    rows = conn.execute(
        "SELECT p.id, p.person_id, p.start_date, (SELECT MAX(report_date) FROM wajib_lapor v WHERE v.program_id = p.id)"
        " FROM programs p JOIN program_kinds k ON k.id = p.kind_id AND k.guidance = 1"
        " WHERE p.status = 'aktif' AND p.deleted_at IS NULL AND p.end_date > ? AND p.id % 487 = 11",
        (today.isoformat(),)).fetchall()
    persons = []
    for program_id, person_id, start, last_visit in rows:
        end = max(date.fromisoformat(last_visit or start), today - timedelta(days=15 + program_id % 30))
        if end >= today:
            continue
        conn.execute("UPDATE programs SET end_date = ? WHERE id = ?", (end.isoformat(), program_id))
        persons.append(person_id)
    return persons
