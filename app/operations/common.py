"""Small helpers the operations share: rows as dicts, lookups, today."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from app.models.dates import iso  # noqa: F401  (the one ISO helper; operations import it from here)
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.storage import Database


def row(conn: sqlite3.Connection, table: str, row_id: int) -> dict[str, Any] | None:
    cur = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    values = cur.fetchone()
    if values is None:
        return None
    return dict(zip([d[0] for d in cur.description], values))


def require_row(conn: sqlite3.Connection, table: str, row_id: int) -> dict[str, Any]:
    found = row(conn, table, row_id)
    if found is None:
        raise UserInputError(tr("Data tidak ditemukan ({t} #{i}).", "Record not found ({t} #{i}).",
                                t=table, i=row_id), code="not_found")
    return found


def today_or(today: date | None) -> date:
    return today or date.today()


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict, dict]:
    """Only the fields that differ, for a readable audit entry."""
    keys = [k for k in after if before.get(k) != after.get(k) and k not in ("updated_at",)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


def unit_kind(db: Database) -> str:
    return str((db.get_setting("office", {}) or {}).get("unit_kind") or "bapas")
