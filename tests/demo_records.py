"""The records of a demo file, without what protects it: for "the same seed gives the same records".

Two demos of one seed and ``today`` hold the same records; they differ in the password
(a random salt, set by ``auth.set_initial_password``) and in the audit trail's stamps
and chain (``Database.audit`` reads the clock and keys the chain).  So this leaves out
the settings rows that the password and audit machinery write (found by running that
machinery on a scratch file, so a new row it adds is left out too), and keeps of the
trail only what an entry says, not when it was written nor its hashes.
"""

from __future__ import annotations

import functools
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

# What an audit entry says; its time and its chain columns are left out.
AUDIT_CONTENT = ("id", "operation", "entity", "entity_id", "person_id", "operator", "os_user", "before", "after")


@functools.cache
def machinery_settings() -> frozenset[str]:
    """The settings keys of what protects a file: its random id, and what setting a password and
    writing one audit entry add to a new file."""
    from app.models.storage import DATABASE_ID_KEY, Database
    from app.operations.auth import set_initial_password

    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "mesin.sqlite3", create=True)
        try:
            before = set(db.settings())
            set_initial_password(db, "sandi-mesin-123")
            with db.transaction():
                db.audit("uji", "database", None)
            db.invalidate_settings()
            return frozenset(set(db.settings()) - before) | {DATABASE_ID_KEY}
        finally:
            db.close()


def demo_records(path: Path) -> dict[str, Any]:
    """Every table's rows (and the schema) of the file at ``path``, read-only, as described above."""
    skipped = machinery_settings()
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        out: dict[str, Any] = {
            "schema": conn.execute("SELECT type, name, sql FROM sqlite_master"
                                   " WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name").fetchall(),
            "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
        }
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' ORDER BY name")]
        for table in tables:
            if table == "settings":
                out[table] = sorted((k, v) for k, v in conn.execute("SELECT key, value FROM settings")
                                    if k not in skipped)
            elif table == "audit_log":
                out[table] = conn.execute(f"SELECT {', '.join(AUDIT_CONTENT)} FROM audit_log ORDER BY id").fetchall()
            else:
                out[table] = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
        return out
    finally:
        conn.close()
