"""Importing an old register: one transaction, one audit entry, undoable as one batch.

``run_import`` makes the plan again inside its transaction (app.reports.excel_plan),
so it follows the records as they are when it is written, then inserts the officers,
persons, cases and programs it creates, fills the empty fields of the records it
matched (and the differences the officer accepted), and writes one audit entry that
lists every record it created (``created=`` ranges) and every field it filled, with
the value before.  On any error, or Cancel (``progress`` raises), nothing of it stays.
A file whose rows all match changes nothing: no entry, no batch.

``undo_import`` moves what an import created to the bin as one batch: restoring any
of it from the bin brings the whole import back (clients.restore_from_bin).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from app.models.dates import from_iso
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.names import fold_name, sort_key
from app.models.storage import Database, id_ranges, now_text
from app.operations import OpChanges, OpResult
from app.operations.clients import (
    _case_input_from_row, _case_values, _parse_seq, _pattern, _person_values, propose_register_number,
)
from app.operations.common import require_row
from app.operations.index import reindex_persons
from app.operations.sentence import recompute_case
from app.reports.excel_columns import Header, mapping_by_name
from app.reports.excel_import import ParsedSheet
from app.reports.excel_plan import DB, NEW, Decisions, Plan, make_plan

OPERATION = "impor excel"
Progress = Callable[..., None]


def _scaled(progress: Progress | None, low: int, high: int) -> Progress | None:
    if progress is None:
        return None

    def report(done: int, total: int, text: str = "") -> None:
        progress(low + (high - low) * done // max(total, 1), 100, text)

    return report


def remember_mapping(db: Database, header: Header) -> None:
    """Keep the officer's mapping for the next file of the same shape (inside a transaction)."""
    saved = dict(db.get_setting("import_mappings") or {})
    saved[header.shape] = mapping_by_name(header)
    db.set_setting("import_mappings", saved)


def run_import(db: Database, parsed: ParsedSheet, decisions: Decisions | None = None, *,
               today: date | None = None, progress: Progress | None = None,
               remember: bool = False) -> OpResult:
    """Write what the plan creates and fills, in one transaction; ``info`` holds the summary."""
    today = today or date.today()
    decisions = decisions or Decisions()
    with db.transaction() as conn:
        if progress:
            progress(0, 100, tr("Mencocokkan baris...", "Matching rows..."))
        plan = make_plan(db, parsed, decisions, today=today, progress=_scaled(progress, 0, 30))
        writer = _Writer(db, plan, decisions, today, _scaled(progress, 30, 95))
        writer.write()
        summary = plan.summary()
        if not writer.changed:
            if remember:
                remember_mapping(db, parsed.header)
            return OpResult(OpChanges(settings=remember), info={"summary": summary, "batch": None})
        if remember:
            remember_mapping(db, parsed.header)
        created = {table: id_ranges(ids) for table, ids in writer.created.items() if ids}
        cur = conn.execute(
            "INSERT INTO import_batches(at, file_name, sheet, file_sha256, rows, summary, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (now_text(), parsed.path.name, parsed.sheet, parsed.sha256, summary["rows"],
             json.dumps({k: summary[k] for k in ("created", "matched", "decide", "rejected", "new")}),
             json.dumps(created)))
        batch_id = int(cur.lastrowid)
        if progress:
            progress(96, 100, tr("Memperbarui pengelompokan...", "Updating the groups..."))
        reindex_persons(conn, sorted(writer.touched))
        db.audit(OPERATION, "import", batch_id, after={
            "file": parsed.path.name, "sheet": parsed.sheet, "sha256": parsed.sha256, "rows": summary["rows"],
            "created_rows": summary["created"], "matched": summary["matched"], "decide": summary["decide"],
            "rejected": summary["rejected"], "filled": writer.filled}, created=created)
        if progress:
            progress(100, 100, "")
    return OpResult(OpChanges(persons=frozenset(writer.touched), lists=True, officers=bool(plan.new_officers),
                              settings=remember), id=batch_id, info={"summary": summary, "batch": batch_id})


class _Writer:
    def __init__(self, db: Database, plan: Plan, decisions: Decisions, today: date, progress: Progress | None):
        self.db, self.plan, self.decisions, self.today, self.progress = db, plan, decisions, today, progress
        self.ids: dict[tuple[str, tuple[str, int]], int] = {}  # (table, key) -> id
        self.created: dict[str, list[int]] = {t: [] for t in ("officers", "persons", "cases", "programs",
                                                              "status_changes")}
        self.touched: set[int] = set()
        self.filled: list[dict[str, Any]] = []
        self.changed = False
        self.kinds = {k["code"]: k for k in db.query("SELECT * FROM program_kinds")}
        self.pattern = _pattern(db)

    def _id(self, table: str, key: tuple[str, int] | None) -> int | None:
        if key is None:
            return None
        return key[1] if key[0] == DB else self.ids[(table, key)]

    def write(self) -> None:
        conn = self.db.conn
        officers: dict[str, int] = {}
        for folded, (name, nip) in sorted(self.plan.new_officers.items()):
            now = now_text()
            cur = conn.execute(
                "INSERT INTO officers(name, name_sort, nip, nip_kind, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (" ".join(name.split()), sort_key(name), nip or None, "nip" if nip else "none", now, now))
            officers[folded] = int(cur.lastrowid)
            self.created["officers"].append(officers[folded])
        rows = [r for r in self.plan.rows if r.outcome in ("create", "match")]
        for n, rp in enumerate(rows, 1):
            if self.progress and n % 200 == 0:
                self.progress(n, len(rows), tr("Menulis baris {n} dari {t}...", "Writing row {n} of {t}...",
                                               n=n, t=len(rows)))
            rec = rp.record
            key = (NEW, rec.row)
            if rp.person == key:
                self._insert_person(rp)
            person_id = self._id("persons", rp.person)
            assert person_id is not None
            if rp.case == key:
                self._insert_case(rp, person_id)
            if rp.program == key:
                self._insert_program(rp, person_id, officers)
            self._apply(rp, person_id)
        self.changed = self.changed or any(self.created.values())

    def _insert_person(self, rp) -> None:
        rec = rp.record
        values = _person_values(rec.person, rec.name_key[0])
        note = ""
        if rec.row in self.decisions.new:
            note = tr("Impor {f} baris {r}: diputuskan orang baru, bukan orang yang mirip.",
                      "Import {f} row {r}: decided a new person, not the similar one.",
                      f=self.plan.parsed.path.name, r=rec.row)
        now = now_text()
        values.update(nik_note=rec.nik_note, duplicate_note=note, created_at=now, updated_at=now)
        cols = ", ".join(values)
        cur = self.db.conn.execute(f"INSERT INTO persons({cols}) VALUES ({', '.join(':' + k for k in values)})",
                                   values)
        person_id = int(cur.lastrowid)
        self.ids[("persons", (NEW, rec.row))] = person_id
        self.created["persons"].append(person_id)
        self.touched.add(person_id)

    def _insert_case(self, rp, person_id: int) -> None:
        rec = rp.record
        assert rec.case is not None
        case = rec.case
        case.offence_category_id = rp.category_id
        kind = self.kinds.get(rec.kind_code or "")
        values = _case_values(case, rec.person.birth_date if rp.person == (NEW, rec.row) else self._birth(person_id),
                              rec.start_date, bool(kind and kind["child_only"]))
        now = now_text()
        values.update(person_id=person_id, offence_text=rec.offence_text, created_at=now, updated_at=now)
        cols = ", ".join(values)
        cur = self.db.conn.execute(f"INSERT INTO cases({cols}) VALUES ({', '.join(':' + k for k in values)})", values)
        case_id = int(cur.lastrowid)
        # Bad sentence input is noted on the case, not a reason to lose the import.
        recompute_case(self.db, case_id, strict=False)
        self.ids[("cases", (NEW, rec.row))] = case_id
        self.created["cases"].append(case_id)
        self.touched.add(person_id)

    def _birth(self, person_id: int) -> date | None:
        return from_iso(self.db.scalar("SELECT birth_date FROM persons WHERE id = ?", (person_id,)))

    def _insert_program(self, rp, person_id: int, officers: dict[str, int]) -> None:
        rec = rp.record
        kind = self.kinds[rec.kind_code]
        start = rec.start_date or self.today
        number = rp.register or propose_register_number(self.db, kind["id"], start)
        now = now_text()
        status_date = rec.status_date or (rec.end_date if rec.status == "selesai" else None)
        values = {
            "person_id": person_id, "case_id": self._id("cases", rp.case), "kind_id": kind["id"],
            "sk_number": rec.sk_number, "sk_date": rec.sk_date.isoformat() if rec.sk_date else None,
            "register_number": number, "register_year": start.year,
            "register_seq": _parse_seq(self.pattern, number, kind["code"], start.year, start.month),
            "start_date": rec.start_date.isoformat() if rec.start_date else None,
            "end_date": rec.end_date.isoformat() if rec.end_date else None,
            "officer_id": rp.officer_id or (officers.get(rp.officer_new) if rp.officer_new else None),
            "status": rec.status, "status_date": status_date.isoformat() if status_date else None,
            "status_reason": tr("Impor dari {f}", "Imported from {f}", f=self.plan.parsed.path.name)
            if rec.status != "aktif" else "",
            "remarks": "; ".join(rp.remarks), "created_at": now, "updated_at": now,
        }
        cols = ", ".join(values)
        cur = self.db.conn.execute(f"INSERT INTO programs({cols}) VALUES ({', '.join(':' + k for k in values)})",
                                   values)
        program_id = int(cur.lastrowid)
        self.ids[("programs", (NEW, rec.row))] = program_id
        self.created["programs"].append(program_id)
        if rec.status != "aktif" and status_date is not None:
            cur = self.db.conn.execute(
                "INSERT INTO status_changes(program_id, status, date, letter, reason, created_at)"
                " VALUES (?, ?, ?, '', ?, ?)", (program_id, rec.status, status_date.isoformat(),
                                                values["status_reason"], now))
            self.created["status_changes"].append(int(cur.lastrowid))
        self.touched.add(person_id)

    def _apply(self, rp, person_id: int) -> None:
        """The empty fields this row fills, and the differences the officer accepted."""
        chosen = list(rp.fills) + [d for d in rp.differences if d.acceptable and d.key() in self.decisions.accept]
        if not chosen:
            return
        conn = self.db.conn
        by_target: dict[tuple[str, int], dict[str, Any]] = {}
        for d in chosen:
            by_target.setdefault((d.table, d.target[1]), {})[d.field] = d.value
        for (table, target), changes in by_target.items():
            before = require_row(conn, table, target)
            if table == "persons" and "nik" in changes and conn.execute(
                    "SELECT 1 FROM persons WHERE nik = ? AND id <> ?", (changes["nik"], target)).fetchone():
                del changes["nik"]
            if not changes:
                continue
            if table == "cases":
                self._update_case(before, changes)
            else:
                if table == "persons" and "name" in changes:
                    changes.update(name_sort=sort_key(changes["name"]), name_fold=fold_name(changes["name"]))
                sets = ", ".join(f"{k} = ?" for k in changes)
                conn.execute(f"UPDATE {table} SET {sets}, updated_at = ? WHERE id = ?",
                             [*changes.values(), now_text(), target])
            self.filled.append({"table": table, "id": target, "row": rp.row,
                                "before": {k: before[k] for k in changes}, "after": changes})
            self.touched.add(person_id)
            self.changed = True

    def _update_case(self, before: dict[str, Any], changes: dict[str, Any]) -> None:
        """A case's fields filled: its class, register class and dates follow as on the form."""
        from app.models.durations import Duration

        case = _case_input_from_row(before)
        for name, value in changes.items():
            if name in ("offence_date", "verdict_date", "detention_start"):
                setattr(case, name, from_iso(value))
            elif name == "sentences":
                case.sentences = [Duration.parse(s) for s in json.loads(value)]
            else:
                setattr(case, name, value)
        first = self.db.conn.execute(
            "SELECT MIN(p.start_date), MAX(k.child_only) FROM programs p JOIN program_kinds k ON k.id = p.kind_id"
            " WHERE p.case_id = ? AND p.deleted_at IS NULL", (before["id"],)).fetchone()
        values = _case_values(case, self._birth(before["person_id"]), from_iso(first[0]), bool(first[1]))
        values["updated_at"] = now_text()
        sets = ", ".join(f"{k} = :{k}" for k in values)
        self.db.conn.execute(f"UPDATE cases SET {sets} WHERE id = :id", {**values, "id": before["id"]})
        recompute_case(self.db, before["id"], strict=False)


def undo_import(db: Database, batch_id: int) -> OpResult:
    """Move everything an import created (persons, cases, programs) to the bin, as one batch."""
    with db.transaction() as conn:
        batch = require_row(conn, "import_batches", batch_id)
        if batch["undone_at"]:
            raise UserInputError(tr("Impor ini sudah dibatalkan.", "This import was undone already."),
                                 code="undone")
        created = json.loads(batch["created"] or "{}")
        tag, at = uuid.uuid4().hex, now_text()
        touched: set[int] = set()
        moved = {}
        for table in ("persons", "cases", "programs"):
            count = 0
            for lo, hi in created.get(table, []):
                owner = "id" if table == "persons" else "person_id"
                touched.update(r[0] for r in conn.execute(
                    f"SELECT {owner} FROM {table} WHERE id BETWEEN ? AND ? AND deleted_at IS NULL", (lo, hi)))
                count += conn.execute(f"UPDATE {table} SET deleted_at = ?, deleted_batch = ? WHERE id BETWEEN ? AND ?"
                                      " AND deleted_at IS NULL", (at, tag, lo, hi)).rowcount
            moved[table] = count
        conn.execute("UPDATE import_batches SET undone_at = ?, undo_batch = ? WHERE id = ?", (at, tag, batch_id))
        reindex_persons(conn, sorted(touched))
        db.audit("batalkan impor excel", "import", batch_id, before={"file": batch["file_name"]},
                 after={"deleted_at": at, "moved_to_bin": moved})
    return OpResult(OpChanges(persons=frozenset(touched), lists=True), id=batch_id, info={"moved": moved})
