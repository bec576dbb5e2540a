"""Reading the audit trail back: its signatures, its chain, and which records it created.

Writing happens in ``Database.audit``; this module verifies what was written, for
``check`` and for the one-time signing of a trail made before the trail was keyed
(app.operations.auth.login).  Entries are checked in order: each must carry the next
id, name the digest of the one before, and have a digest that matches.  A keyed
file's entries are HMACs under its audit key; a prefix of plain SHA-256 entries is
allowed before the first keyed one (the trail of an older version, which the first
keyed entry signed by naming its last digest), never after it.
"""

from __future__ import annotations

import hmac
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from app.models.i18n import tr
from app.models.storage import GENESIS_HASH, RECORD_TABLES, audit_hash, id_ranges

# Listed one by one up to this many; beyond, one line with the count.
_LIST_AT_MOST = 10
_COLUMNS = ("id, at, operation, entity, entity_id, person_id, operator, os_user, before, after,"
            " prev_hash, hash")


@dataclass
class Chain:
    """What reading the trail found."""

    problems: list[tuple[str, str]] = field(default_factory=list)
    entries: int = 0
    keyed: int = 0            # entries signed with the key
    unkeyed: int = 0          # entries of the older, unkeyed chain (a prefix)
    last_id: int = 0
    last_hash: str = GENESIS_HASH


def verify_chain(conn: sqlite3.Connection, key: bytes | None, *, signatures: bool = True) -> Chain:
    """Read every entry in order; ``key`` None verifies the older, unkeyed chain.

    With ``signatures`` False only the ids and the links are checked (the key cannot
    be had: the password record is damaged).
    """
    found = Chain()
    prev_hash, expected_id = GENESIS_HASH, 1
    edited: list[int] = []
    unlinked: list[int] = []
    for (entry_id, at, operation, entity, entity_id, person_id, operator, user, before, after,
         stored_prev, stored_hash) in conn.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY id"):
        if entry_id != expected_id:
            found.problems.append(("audit_gap", tr(
                "Jejak audit: entri {a}-{b} hilang (dihapus di luar program).",
                "Audit trail: entries {a}-{b} are missing (removed outside the program).",
                a=expected_id, b=entry_id - 1)))
        if stored_prev != prev_hash:
            unlinked.append(entry_id)
        if signatures:
            entry = {"at": at, "operation": operation, "entity": entity, "entity_id": entity_id,
                     "person_id": person_id, "operator": operator, "os_user": user, "before": before,
                     "after": after}
            if key is not None and _same(audit_hash(stored_prev, entry_id, entry, key), stored_hash):
                found.keyed += 1
            elif not found.keyed and _same(audit_hash(stored_prev, entry_id, entry), stored_hash):
                # Unkeyed entries may only come before the first keyed one: anyone can make them.
                found.unkeyed += 1
            else:
                edited.append(entry_id)
        found.entries += 1
        prev_hash, expected_id = stored_hash, entry_id + 1
        found.last_id, found.last_hash = entry_id, stored_hash
    found.problems += _listed("audit_chain", unlinked, lambda i: tr(
        "Jejak audit: entri {i} tidak menyambung ke entri sebelumnya.",
        "Audit trail: entry {i} does not chain to the one before.", i=i), lambda n, ids: tr(
        "Jejak audit: {n} entri tidak menyambung ke entri sebelumnya (mis. {ids}).",
        "Audit trail: {n} entries do not chain to the one before (e.g. {ids}).", n=n, ids=ids))
    found.problems += _listed("audit_edited", edited, lambda i: tr(
        "Jejak audit: entri {i} diubah di luar program.",
        "Audit trail: entry {i} was edited outside the program.", i=i), lambda n, ids: tr(
        "Jejak audit: {n} entri diubah atau dibuat di luar program (mis. {ids}).",
        "Audit trail: {n} entries were edited or made outside the program (e.g. {ids}).", n=n, ids=ids))
    return found


def _same(a: str, b: Any) -> bool:
    return isinstance(b, str) and hmac.compare_digest(a, b)


def _listed(code: str, ids: list[int], one, many) -> list[tuple[str, str]]:
    if len(ids) <= _LIST_AT_MOST:
        return [(code, one(i)) for i in ids]
    return [(code, many(len(ids), ", ".join(str(i) for i in ids[:_LIST_AT_MOST])))]


def check_tail(conn: sqlite3.Connection, chain: Chain, head: Any) -> list[tuple[str, str]]:
    """The end of the trail against its anchor (the ``audit_head`` setting) and the id counter."""
    problems: list[tuple[str, str]] = []
    if isinstance(head, dict) and head:
        if (head.get("id"), head.get("hash")) != (chain.last_id, chain.last_hash):
            problems.append(("audit_tail", tr(
                "Jejak audit: entri terakhir (nomor {i}) hilang atau diubah di luar program.",
                "Audit trail: the last entries (number {i}) were removed or changed outside the program.",
                i=head.get("id"))))
    elif chain.entries:
        problems.append(("audit_tail", tr("Jejak audit: penanda akhir hilang.",
                                          "Audit trail: the end marker is missing.")))
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    if row and isinstance(row[0], int) and row[0] > chain.last_id and not problems:
        problems.append(("audit_tail", tr(
            "Jejak audit: entri {a}-{b} di akhir hilang (dihapus di luar program).",
            "Audit trail: entries {a}-{b} at the end are missing (removed outside the program).",
            a=chain.last_id + 1, b=row[0])))
    return problems


def existing_ranges(conn: sqlite3.Connection) -> dict[str, list[list[int]]]:
    """Every record that exists, per table, as id ranges (for the signing entry)."""
    result: dict[str, list[list[int]]] = {}
    for table in RECORD_TABLES:
        ranges = [[lo, hi] for lo, hi in conn.execute(
            f"SELECT min(id), max(id) FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS island"
            f" FROM {table}) GROUP BY island ORDER BY 1")]
        if ranges:
            result[table] = ranges
    return result


def created_by_trail(conn: sqlite3.Connection) -> tuple[dict[str, list[list[int]]], list[int]]:
    """The ids the entries say they created, per table; and the entries whose list is unreadable."""
    spans: dict[str, list[Any]] = {t: [] for t in RECORD_TABLES}
    unreadable: list[int] = []
    for entry_id, after in conn.execute(
            "SELECT id, after FROM audit_log WHERE after LIKE '%\"created\"%' ORDER BY id"):
        try:
            created = json.loads(after).get("created")
            if created is None:
                continue
            for table, ranges in created.items():
                if table in spans:
                    spans[table].extend(id_ranges(ranges))
        except (AttributeError, TypeError, ValueError):
            unreadable.append(entry_id)
    return {t: id_ranges(s) for t, s in spans.items()}, unreadable


def uncovered_records(conn: sqlite3.Connection, tables: tuple[str, ...] = RECORD_TABLES
                      ) -> tuple[dict[str, tuple[int, int]], list[int]]:
    """Records no entry created: per table (count, lowest id); and unreadable entries' ids."""
    created, unreadable = created_by_trail(conn)
    missing: dict[str, tuple[int, int]] = {}
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS audit_cover(lo INTEGER PRIMARY KEY, hi INTEGER NOT NULL)")
    try:
        for table in tables:
            conn.execute("DELETE FROM temp.audit_cover")
            conn.executemany("INSERT INTO temp.audit_cover(lo, hi) VALUES (?, ?)", created[table])
            total = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            # The ranges are disjoint: each one is a seek on the rowid, not a scan per record.
            covered = conn.execute(f"SELECT coalesce(sum((SELECT count(*) FROM {table} t"
                                   f" WHERE t.id BETWEEN c.lo AND c.hi)), 0) FROM temp.audit_cover c").fetchone()[0]
            if total > covered:
                first = conn.execute(
                    f"SELECT min(id) FROM {table} t WHERE coalesce((SELECT hi FROM temp.audit_cover"
                    f" WHERE lo <= t.id ORDER BY lo DESC LIMIT 1), t.id - 1) < t.id").fetchone()[0]
                missing[table] = (total - covered, first)
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.audit_cover")
    return missing, unreadable
