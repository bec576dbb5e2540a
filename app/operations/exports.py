"""Recording an exported document in the audit trail: what, how many persons, where (issue 12).

A workbook leaves the program's protection (it is not encrypted), so the trail says
who wrote which document about how many persons to which file.  The export itself
only reads (a read-only connection); this entry is its one write.
"""

from __future__ import annotations

from pathlib import Path

from app.models.storage import Database
from app.operations import OpResult


def record_export(db: Database, what: str, persons: int, path: Path | str, *, details: dict | None = None) -> OpResult:
    from app.models.media import is_removable

    with db.transaction():
        db.audit("ekspor excel", "export", None, after={
            "what": what, "persons": int(persons), "path": str(path), "removable": is_removable(path),
            **(details or {})})
    return OpResult()
