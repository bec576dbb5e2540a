"""What someone with the file but not the password can do to it, with nothing but the stdlib.

Used by the tampering tests: each helper edits a closed database file the way a hostile
or clumsy person could (drop the trail's guard triggers, rewrite rows, recompute the
digests), so the tests can show that ``check`` still sees it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

_GUARDS = {
    "audit_log_no_update": "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
                           "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "audit_log_no_delete": "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
                           "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
}


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def without_guards(conn: sqlite3.Connection):
    """Drop the append-only triggers; ``restore_guards`` puts them back as they were."""
    for name in _GUARDS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")


def restore_guards(conn: sqlite3.Connection) -> None:
    for sql in _GUARDS.values():
        conn.execute(sql)


def unkeyed_digest(prev: str, row: tuple) -> str:
    """The plain SHA-256 chain digest, as the program computed it before the trail was keyed."""
    entry_id, at, operation, entity, entity_id, person_id, operator, os_user, before, after = row
    payload = json.dumps([prev, entry_id, at, operation, entity, entity_id, person_id, operator, os_user,
                          before, after], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def recompute_chain(path: Path, *, upto: int | None = None, strip_created: bool = False) -> None:
    """Rewrite every digest (or those up to entry ``upto``) as an unkeyed chain, head included.

    The 15-line forgery that passed ``check`` before the chain was keyed.
    """
    conn = connect(path)
    without_guards(conn)
    prev = "0" * 64
    rows = conn.execute("SELECT id, at, operation, entity, entity_id, person_id, operator, os_user, before, after"
                        " FROM audit_log ORDER BY id").fetchall()
    for row in rows:
        if upto is not None and row[0] > upto:
            conn.execute("UPDATE audit_log SET prev_hash = ? WHERE id = ?", (prev, row[0]))
            break
        if strip_created and row[9] and '"created"' in row[9]:
            after = json.loads(row[9])
            after.pop("created")
            row = (*row[:9], json.dumps(after, ensure_ascii=False, sort_keys=True) if after else None)
            conn.execute("UPDATE audit_log SET after = ? WHERE id = ?", (row[9], row[0]))
        digest = unkeyed_digest(prev, row)
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, row[0]))
        prev = digest
    if upto is None and rows:
        conn.execute("UPDATE settings SET value = ? WHERE key = 'audit_head'",
                     (json.dumps({"hash": prev, "id": rows[-1][0]}),))
    restore_guards(conn)
    conn.close()


def trim_tail(path: Path, keep: int) -> None:
    """Remove every entry after ``keep`` and rewind the head and the id counter to match."""
    conn = connect(path)
    without_guards(conn)
    conn.execute("DELETE FROM audit_log WHERE id > ?", (keep,))
    digest = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (keep,)).fetchone()[0]
    conn.execute("UPDATE settings SET value = ? WHERE key = 'audit_head'", (json.dumps({"hash": digest, "id": keep}),))
    conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'", (keep,))
    restore_guards(conn)
    conn.close()


def wipe_trail(path: Path) -> None:
    """Remove the whole trail, its head and its id counter."""
    conn = connect(path)
    without_guards(conn)
    conn.execute("DELETE FROM audit_log")
    conn.execute("DELETE FROM settings WHERE key = 'audit_head'")
    conn.execute("DELETE FROM sqlite_sequence WHERE name = 'audit_log'")
    restore_guards(conn)
    conn.close()


def set_setting(path: Path, key: str, value: Any, *, raw: bool = False) -> None:
    conn = connect(path)
    conn.execute("UPDATE settings SET value = ? WHERE key = ?", (value if raw else json.dumps(value), key))
    conn.close()


def legacy_record(password: str) -> dict[str, Any]:
    """A password record exactly as the program before the keyed trail wrote it."""
    salt = b"sixteen byte slt"
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1, maxmem=64 * 1024 * 1024,
                            dklen=32)
    return {"scheme": "scrypt", "n": 2**14, "r": 8, "p": 1, "salt": base64.b64encode(salt).decode("ascii"),
            "hash": base64.b64encode(digest).decode("ascii")}


def make_legacy(path: Path, password: str) -> None:
    """Turn a closed file into one the program before the keyed trail could have written:
    an unkeyed chain without "created" lists, and a keyless password record."""
    recompute_chain(path, strip_created=True)
    set_setting(path, "auth", legacy_record(password))
