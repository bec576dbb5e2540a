"""The reads an import needs to match rows against the records (issue 12), batched.

Kept beside queries.py (which holds the window's reads) so the importer's many
look-ups stay in one place: persons by NIK or by folded name and birth date, their
cases and programs, register numbers in use, officers.  Every look-up takes a list
and asks in chunks, so matching 10,000 rows costs a few dozen queries, not 10,000.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from app.models.storage import Database

_CHUNK = 500


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i: i + _CHUNK]


class ImportQueries:
    """Look-ups for matching, on one connection (the reader for a preview, the writer inside the import)."""

    def __init__(self, db: Database):
        self.db = db

    def persons_by_nik(self, niks: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = sorted(set(n for n in niks if n))
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            for r in self.db.query(f"SELECT * FROM persons WHERE nik IN ({marks})", tuple(chunk)):
                found[r["nik"]] = r
        return found

    def persons_by_passport(self, passports: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = sorted(set(n for n in passports if n))
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            for r in self.db.query(f"SELECT * FROM persons WHERE passport IN ({marks}) AND deleted_at IS NULL",
                                   tuple(chunk)):
                found.setdefault(r["passport"], r)
        return found

    def persons_by_name(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
        """{(folded name, birth date): persons not in the bin} (the persons_fold index)."""
        wanted = sorted(set(k for k in keys if k[0] and k[1]))
        found: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for chunk in _chunks(wanted):
            cond = " OR ".join("(name_fold = ? AND birth_date = ?)" for _ in chunk)
            params = [v for key in chunk for v in key]
            for r in self.db.query(f"SELECT * FROM persons WHERE ({cond}) AND deleted_at IS NULL ORDER BY id",
                                   tuple(params)):
                found.setdefault((r["name_fold"], r["birth_date"]), []).append(r)
        return found

    def programs_of(self, person_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
        """{person: their programs not in the bin, with the kind's code}."""
        wanted = sorted(set(person_ids))
        found: dict[int, list[dict[str, Any]]] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            for r in self.db.query(
                    "SELECT p.*, k.code AS kind_code FROM programs p JOIN program_kinds k ON k.id = p.kind_id"
                    f" WHERE p.person_id IN ({marks}) AND p.deleted_at IS NULL ORDER BY p.id", tuple(chunk)):
                found.setdefault(r["person_id"], []).append(r)
        return found

    def cases_of(self, person_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
        wanted = sorted(set(person_ids))
        found: dict[int, list[dict[str, Any]]] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            for r in self.db.query(f"SELECT * FROM cases WHERE person_id IN ({marks}) AND deleted_at IS NULL"
                                   " ORDER BY id", tuple(chunk)):
                found.setdefault(r["person_id"], []).append(r)
        return found

    def registers_in_use(self, numbers: Iterable[str]) -> dict[str, int]:
        """{register number: the program holding it} (programs in the bin keep theirs)."""
        wanted = sorted(set(n for n in numbers if n))
        found: dict[str, int] = {}
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            for number, program_id in self.db.conn.execute(
                    f"SELECT register_number, id FROM programs WHERE register_number IN ({marks})", tuple(chunk)):
                found[number] = program_id
        return found

    def officers(self) -> list[dict[str, Any]]:
        return self.db.query("SELECT id, name, name_sort, nip, active FROM officers ORDER BY active DESC, id")

    def program_kinds(self) -> list[dict[str, Any]]:
        return self.db.query("SELECT * FROM program_kinds ORDER BY position, id")

    def offence_categories(self) -> list[dict[str, Any]]:
        return self.db.query("SELECT * FROM offence_categories WHERE active = 1 ORDER BY position, id")

    def register_pattern(self) -> str | None:
        """The settings' register pattern (None: the default of app.operations.clients)."""
        value = self.db.get_setting("register_pattern")
        return str(value) if value else None

    def import_batches(self) -> list[dict[str, Any]]:
        return self.db.query("SELECT * FROM import_batches ORDER BY id DESC")

    def import_batch(self, batch_id: int) -> dict[str, Any] | None:
        found = self.db.query("SELECT * FROM import_batches WHERE id = ?", (batch_id,))
        return found[0] if found else None

    def remembered_mapping(self, shape: str) -> dict[str, str | None] | None:
        saved = self.db.get_setting("import_mappings") or {}
        value = saved.get(shape) if isinstance(saved, dict) else None
        return value if isinstance(value, dict) else None
