"""Each code the schema defines has its label in the window, and the lists follow the schema."""

from __future__ import annotations

import sqlite3

from app.models.schema import MIGRATIONS, PROGRAM_STATUSES, REMISSION_KINDS
from app.ui import labels


def test_every_status_and_remission_kind_has_a_label_and_no_label_is_left_over():
    assert labels.STATUS_CODES == PROGRAM_STATUSES and set(labels._STATUS) == set(PROGRAM_STATUSES)
    assert labels.REMISSION_KIND_CODES == REMISSION_KINDS and set(labels._REMISSION_KINDS) == set(REMISSION_KINDS)
    for code in PROGRAM_STATUSES:
        assert labels.status_label(code) not in ("", code), code
    for code in REMISSION_KINDS:
        assert labels.remission_kind_label(code) not in ("", code), code


def test_the_schema_refuses_a_status_that_is_not_one_of_the_statuses():
    conn = sqlite3.connect(":memory:")
    for step in MIGRATIONS:
        step(conn)
    table = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'programs'").fetchone()[0]
    assert "CHECK (status IN (" + ", ".join(f"'{s}'" for s in PROGRAM_STATUSES) + "))" in table
