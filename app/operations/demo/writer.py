"""Writing a demo: the chunks' rows into the new file, in one transaction, and its one audit entry.

``fill`` makes the officers, has worker processes (``spawn``) make the chunks while
this process writes the finished ones with ``executemany`` (ids offset in SQL,
nothing read back row by row) and rebuilds their grouping rows chunk by chunk;
indexes whose keys arrive in random order are dropped for the load and rebuilt once
from their own SQL.  The settings say the file is a demo; the password is set by
``auth.install_password`` and the trail entry written by ``Database.audit``, as
for any file, so the demo follows whatever those do.  The entry lists every record
the demo made, per table, as ranges of ids (``after["created"]``).
"""

from __future__ import annotations

import marshal
import multiprocessing
import multiprocessing.connection
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import fields
from datetime import date, timedelta
from typing import Any

from app.models.storage import Database
from app.operations.auth import check_new_password, install_password
from app.operations.demo.generator import (
    CASE_COLUMNS,
    CHUNK_CLIENTS,
    PERSON_COLUMNS,
    PROGRAM_COLUMNS,
    ChunkRows,
    ChunkSpec,
    letter_number,
    make_chunk,
)
from app.operations.demo.people import head_of_office, make_officers
from app.operations.demo.vocabulary import OTHER_UNITS, STATUS_REASONS
from app.operations.index import reindex_persons
from app.operations.settings import DEFAULT_PREFERENCES

OPERATION = "buat data demo"
# The tables whose rows are not the demo's records: the trail lists none of theirs.
_NOT_RECORDS = ("settings", "audit_log")
ProgressFn = Callable[[int, int], None]
OFFICER_COLUMNS = ("id", "name", "name_sort", "nip", "nip_kind", "rank", "phone", "active", "deactivated_on",
                   "created_at", "updated_at")

# Indexes whose keys arrive in ascending order during the load (appending is cheap).
_APPENDED_INDEXES = frozenset({"cases_person", "programs_person", "programs_case", "remissions_case",
                               "interruptions_case", "status_changes_program", "wajib_lapor_program",
                               "facts_person", "facts_case", "audit_person", "audit_entity"})


# -- worker processes ---------------------------------------------------------------------------

def exit_with_parent() -> None:
    """In a worker process: exit as soon as the process that started it is gone.

    Killed, the main process cannot tell its workers to stop, and a worker could
    wait forever to hand over its chunk.  The parent's sentinel becomes ready when
    the parent ends, on every platform.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="rekam-upt-demo-parent", daemon=True).start()


def make_packed_chunk(spec: ChunkSpec) -> bytes:
    """A chunk made in a worker process, sent back as one marshal blob: the rows are
    plain tuples, lists, texts and numbers, which marshal packs faster than pickle."""
    rows = make_chunk(spec)
    return marshal.dumps(tuple(getattr(rows, f.name) for f in fields(ChunkRows)))


def default_workers(clients: int) -> int:
    """Worker processes for the chunks: none for a small demo or inside a frozen build
    (a frozen program would start itself again unless it calls freeze_support)."""
    if clients < 2 * CHUNK_CLIENTS or getattr(sys, "frozen", False):
        return 0
    return min(4, os.cpu_count() or 1) if (os.cpu_count() or 1) >= 2 else 0


def _chunk_results(specs: list[ChunkSpec], workers: int) -> Iterator[ChunkRows]:
    """The chunks' rows in order, made by ``workers`` processes meanwhile (or here).

    If the pool cannot run (a program that cannot be started again, memory), the
    remaining chunks are made here: the rows are the same either way.
    """
    if workers < 1 or len(specs) < 2:
        yield from (make_chunk(spec) for spec in specs)
        return
    # "spawn", not "fork": the window calls this from a worker thread, and forking a
    # process that runs threads can copy a held lock into the child.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=exit_with_parent)
    done = 0
    try:
        for packed in pool.map(make_packed_chunk, specs):
            yield ChunkRows(*marshal.loads(packed))
            done += 1
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        yield from (make_chunk(spec) for spec in specs[done:])
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


# -- rows into the file -------------------------------------------------------------------------

def _insert(conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Any,
            offsets: dict[str, int] | None = None, values: str | None = None) -> None:
    """executemany; ``offsets`` adds a chunk's id offset in SQL rather than row by row."""
    offsets = offsets or {}
    values = values or ", ".join(f"? + {offsets[c]}" if offsets.get(c) else "?" for c in columns)
    conn.executemany(f"INSERT INTO {table}({', '.join(columns)}) VALUES ({values})", rows)


def _insert_chunk(conn: sqlite3.Connection, rows: ChunkRows, case_offset: int, program_offset: int) -> None:
    case = {"case_id": case_offset}
    program = {"program_id": program_offset}
    _insert(conn, "persons", PERSON_COLUMNS, rows.persons)
    _insert(conn, "cases", CASE_COLUMNS, rows.cases, {"id": case_offset})
    # created_at is the grant day (or report day) and a time: joined here, not sent.
    _insert(conn, "remissions", ("case_id", "granted", "kind", "months", "days", "sk_number", "created_at"),
            rows.remissions, values=f"?1 + {case_offset}, ?2, ?3, ?4, ?5, ?6, ?2 || 'T09:00:00'")
    _insert(conn, "interruptions", ("case_id", "start", "end", "note"), rows.interruptions, case)
    _insert(conn, "official_dates", ("case_id", "key", "value", "source"), rows.officials, case)
    _insert(conn, "date_overrides", ("case_id", "key", "value", "reason", "created_at"), rows.overrides, case)
    _insert(conn, "programs", PROGRAM_COLUMNS, rows.programs, {"id": program_offset, "case_id": case_offset})
    _insert(conn, "status_changes", ("program_id", "status", "date", "letter", "reason", "created_at"),
            rows.status_changes, program)
    _insert(conn, "wajib_lapor", ("program_id", "report_date", "officer_id", "note", "created_at", "kind", "working",
                                  "backdated", "updated_at"),
            rows.reports, values=f"?1 + {program_offset}, ?2, ?3, ?4, ?2 || ?5, ?6, ?7, ?8, ?2 || ?5")
    _insert(conn, "reporting_excuses", ("program_id", "period_day", "reason_kind", "reason", "officer_id",
                                        "recorded_on", "created_at"), rows.excuses, program)
    _insert(conn, "guidance_notes", ("person_id", "program_id", "note_date", "officer_id", "condition", "activity",
                                     "social", "obstacles", "plans", "text", "follow_up", "created_at", "updated_at"),
            rows.notes, program)


def _unique_identities(persons: list[list[Any]], niks: set[str], passports: set[str]) -> None:
    """Chunks draw NIK serials and passports independently: the rare clash takes the next serial."""
    for person in persons:
        nik = person[5]
        if nik is not None:
            while nik in niks:
                nik = f"{nik[:12]}{(int(nik[12:]) % 9999) + 1:04d}"
            niks.add(nik)
            person[5] = nik
        passport = person[6]
        if passport is not None:
            while passport in passports:
                passport = passport[:-1] + str((int(passport[-1]) + 1) % 10)
            passports.add(passport)
            person[6] = passport


def _cover_statuses(conn: sqlite3.Connection, today: date, active_officers: list[int]) -> list[int]:
    """Every status appears even in a small demo: a missing one goes to a fitting program.
    Returns the persons whose program changed."""
    changed: list[int] = []
    t = today.isoformat()
    counts = dict(conn.execute("SELECT status, count(*) FROM programs GROUP BY status").fetchall())
    for status in ("aktif", "selesai", "dicabut", "pindah", "melarikan_diri", "mengulangi_tindak_pidana",
                   "meninggal"):
        if counts.get(status):
            continue
        plenty = [s for s, n in sorted(counts.items()) if n >= 2]
        when = {"aktif": "start_date <= :t AND end_date >= :t", "selesai": "end_date < :t"}.get(
            status, "start_date <= :t")
        found = conn.execute(
            f"SELECT id, status, start_date, end_date, officer_id, person_id FROM programs WHERE {when}"
            f" AND status IN ({', '.join('?' * len(plenty)) or 'NULL'}) ORDER BY id LIMIT 1".replace(":t", "?"),
            [t] * when.count(":t") + plenty).fetchone()
        if found is None:
            continue
        program_id, was, start, end, officer, person_id = found
        changed.append(person_id)
        counts[was] -= 1
        counts[status] = 1
        conn.execute("DELETE FROM status_changes WHERE program_id = ?", (program_id,))
        if status == "aktif":
            conn.execute("UPDATE programs SET status = 'aktif', status_date = NULL, status_letter = '',"
                         " status_reason = '', updated_at = created_at, officer_id = ? WHERE id = ?",
                         (officer if officer in active_officers else active_officers[0], program_id))
            continue
        begin, last = date.fromisoformat(start), min(date.fromisoformat(end), today)
        on = last if status == "selesai" else begin + timedelta(days=(last - begin).days // 2)
        values = (status, on.isoformat(), letter_number(status, on, 1000 + program_id % 2000),
                  STATUS_REASONS[status][0].format(unit=OTHER_UNITS[0]), on.isoformat() + "T10:00:00")
        conn.execute("UPDATE programs SET status = ?, status_date = ?, status_letter = ?, status_reason = ?,"
                     " updated_at = ? WHERE id = ?", (*values, program_id))
        conn.execute("INSERT INTO status_changes(program_id, status, date, letter, reason, created_at)"
                     " VALUES (?, ?, ?, ?, ?, ?)", (program_id, *values))
    return changed


def _office(unit_kind: str, today: date) -> dict[str, Any]:
    names = {"bapas": "Bapas Kelas II Contoh", "lapas": "Lapas Kelas IIA Contoh", "rutan": "Rutan Kelas IIB Contoh",
             "lpka": "LPKA Kelas II Contoh"}
    head_name, head_nip = head_of_office(today)
    return {"unit_name": names[unit_kind], "unit_kind": unit_kind,
            "address": "Jl. Pemasyarakatan No. 1, Kel. Contoh, Kec. Bojonegoro", "city": "Bojonegoro",
            "head_name": head_name, "head_nip": head_nip, "operator_name": "Operator Demo", "logo": ""}


def _last_rowids(conn: sqlite3.Connection) -> dict[str, int]:
    """The highest rowid of every table of records, before the demo writes."""
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if name not in _NOT_RECORDS]
    return {t: conn.execute(f'SELECT coalesce(max(rowid), 0) FROM "{t}"').fetchone()[0] for t in tables}


def _created_ranges(conn: sqlite3.Connection, before: dict[str, int]) -> dict[str, list[list[int]]]:
    """The rows made since ``before``, per table, as ranges [first, last] of consecutive ids.

    By rowid, which is the id of every table that has an INTEGER PRIMARY KEY (the two
    keyed by case and date key, official_dates and date_overrides, have only a rowid).
    """
    created: dict[str, list[list[int]]] = {}
    for table, last in before.items():
        first, end, count = conn.execute(
            f'SELECT min(rowid), max(rowid), count(*) FROM "{table}" WHERE rowid > ?', (last,)).fetchone()
        if not count:
            continue
        if count == end - first + 1:
            created[table] = [[first, end]]  # no gap: the usual case, without the window below
            continue
        # Consecutive ids share id - row_number(): one group per run.
        created[table] = [[a, b] for a, b in conn.execute(
            f'SELECT min(rowid), max(rowid) FROM (SELECT rowid, rowid - row_number() OVER (ORDER BY rowid) AS run'
            f' FROM "{table}" WHERE rowid > ?) GROUP BY run ORDER BY 1', (last,))]
    return created


def fill(db: Database, *, clients: int, seed: int, today: date, unit_kind: str, password: str,
         progress: ProgressFn | None, workers: int) -> dict[str, int]:
    """Invent and write everything into the freshly created ``db``; return the counts."""
    conn = db.conn
    report = progress or (lambda _done, _total: None)
    kind_ids = tuple((code, kid) for kid, code in conn.execute("SELECT id, code FROM program_kinds ORDER BY id"))
    category_ids = tuple((name, cid) for cid, name in conn.execute(
        "SELECT id, name FROM offence_categories ORDER BY id"))
    officers, active, everyone = make_officers(seed, clients, today)
    chunks = -(-clients // CHUNK_CLIENTS)
    specs = [ChunkSpec(seed, i, chunks, first, min(CHUNK_CLIENTS, clients - first), today, unit_kind, kind_ids,
                       category_ids, tuple(active), tuple(everyone))
             for i, first in enumerate(range(0, clients, CHUNK_CLIENTS))]
    counts = dict.fromkeys(("persons", "cases", "programs", "remissions", "status_changes", "wajib_lapor"), 0)
    # Foreign keys are checked by the tests (check_database), not row by row here.
    conn.execute("PRAGMA foreign_keys = OFF")
    with db.transaction():
        before = _last_rowids(conn)
        # Indexes whose keys arrive in random order are dropped for the load and rebuilt
        # once at the end from their own SQL: one sort each instead of 100,000 random
        # inserts.  Those whose keys arrive in order (and that reindex_persons needs
        # chunk by chunk) are filled as the rows arrive.
        rebuilt = [(name, sql) for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid")
            if name not in _APPENDED_INDEXES and not name.startswith("officers")]
        for name, _sql in rebuilt:
            conn.execute(f"DROP INDEX {name}")
        _insert(conn, "officers", OFFICER_COLUMNS, officers)
        # Wajib lapor is recorded here from the first whole month of the demo's reporting history.
        from app.operations.demo.generator import REPORT_DAYS
        from app.operations.demo.reporting import escalate, photos, recorded_since
        db.set_setting("reporting", {"recorded_since": recorded_since(today, REPORT_DAYS).isoformat()})
        niks: set[str] = set()
        passports: set[str] = set()
        for done, (spec, rows) in enumerate(zip(specs, _chunk_results(specs, workers)), 1):
            _unique_identities(rows.persons, niks, passports)
            _insert_chunk(conn, rows, counts["cases"], counts["programs"])
            # Grouping rows and table columns, chunk by chunk while the next chunks are made.
            reindex_persons(conn, range(spec.first + 1, spec.first + spec.count + 1))
            for key in counts:
                counts[key] += len(getattr(rows, key if key != "wajib_lapor" else "reports"))
            report(90 * done // len(specs), 100)
        changed = _cover_statuses(conn, today, active)
        reindex_persons(conn, changed)
        for _name, sql in rebuilt:
            conn.execute(sql)
        if unit_kind == "bapas":
            # Letters for the missed runs, and photos for some persons (after the indexes are back).
            escalate(db, today, seed)
            photos(conn, clients, seed)
        # Statistics for the query planner (sampled, so it takes milliseconds, not seconds).
        conn.execute("PRAGMA analysis_limit = 1000")
        conn.execute("ANALYZE")
        counts = {"clients": clients, **counts, "officers": len(officers)}
        office = _office(unit_kind, today)
        db.set_setting("demo", True)
        db.set_setting("office", office)
        db.set_setting("preferences", dict(DEFAULT_PREFERENCES))
        db.set_setting("first_run_done", True)
        # In this transaction: the file gets its password (and its trail's key) with its data, or neither.
        check_new_password(password)
        install_password(db, password)
        db.audit(OPERATION, "database", None, after={
            **counts, "seed": seed, "today": today.isoformat(), "unit_kind": unit_kind,
            "created": _created_ranges(conn, before)})
    report(97, 100)
    return counts
