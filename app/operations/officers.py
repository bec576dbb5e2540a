"""Operations on officers (PK): add, edit, deactivate (never delete), move a caseload."""

from __future__ import annotations

from datetime import date

from app.models.domain import OfficerInput, as_dict
from app.models.errors import UserInputError, ValidationErrors
from app.models.i18n import tr
from app.models.identity import normalise_digits, validate_nip
from app.models.names import sort_key
from app.models.storage import Database, now_text
from app.models.validation import officer_errors, raise_if
from app.operations import OpChanges, OpResult
from app.operations.common import changed_fields, require_row, today_or
from app.operations.index import reindex_persons


def _values(db: Database, o: OfficerInput, officer_id: int | None) -> dict:
    raise_if(officer_errors(o))
    nip = normalise_digits(o.nip) or None
    kind = validate_nip(nip).kind if nip else "none"
    if nip and db.scalar("SELECT 1 FROM officers WHERE nip = ? AND id IS NOT ?", (nip, officer_id)):
        raise ValidationErrors([UserInputError(tr("NIP {n} sudah terdaftar.", "NIP {n} is already registered.", n=nip),
                                               field="officer.nip")])
    return {"name": " ".join(o.name.split()), "name_sort": sort_key(o.name), "nip": nip, "nip_kind": kind,
            "rank": o.rank.strip(), "phone": o.phone.strip()}


def add_officer(db: Database, officer: OfficerInput) -> OpResult:
    with db.transaction() as conn:
        values = _values(db, officer, None)
        values.update(created_at=now_text(), updated_at=now_text())
        cols = ", ".join(values)
        cur = conn.execute(f"INSERT INTO officers({cols}) VALUES ({', '.join(':' + k for k in values)})", values)
        db.audit("tambah petugas", "officer", cur.lastrowid, after=as_dict(officer),
                 created={"officers": [int(cur.lastrowid)]})
    return OpResult(OpChanges(officers=True), id=int(cur.lastrowid))


def update_officer(db: Database, officer_id: int, officer: OfficerInput) -> OpResult:
    with db.transaction() as conn:
        before = require_row(conn, "officers", officer_id)
        values = _values(db, officer, officer_id)
        values["updated_at"] = now_text()
        sets = ", ".join(f"{k} = :{k}" for k in values)
        conn.execute(f"UPDATE officers SET {sets} WHERE id = :id", {**values, "id": officer_id})
        persons = [r[0] for r in conn.execute(
            "SELECT DISTINCT person_id FROM programs WHERE officer_id = ?", (officer_id,))]
        if before["name"] != values["name"]:
            reindex_persons(conn, persons)
        b, a = changed_fields(before, values)
        db.audit("ubah petugas", "officer", officer_id, before=b, after=a)
    return OpResult(OpChanges(officers=True, lists=True, persons=frozenset(persons)), id=officer_id)


def set_officer_active(db: Database, officer_id: int, active: bool, *, today: date | None = None) -> OpResult:
    """Deactivate an officer who left (they stay on their old records) or bring them back."""
    with db.transaction() as conn:
        before = require_row(conn, "officers", officer_id)
        on = today_or(today).isoformat() if not active else None
        conn.execute("UPDATE officers SET active = ?, deactivated_on = ?, updated_at = ? WHERE id = ?",
                     (int(active), on, now_text(), officer_id))
        db.audit("aktifkan petugas" if active else "nonaktifkan petugas", "officer", officer_id,
                 before={"active": before["active"]}, after={"active": int(active), "deactivated_on": on})
    return OpResult(OpChanges(officers=True, lists=True), id=officer_id)


def move_caseload(db: Database, from_id: int, to_id: int, *, only_active: bool = True) -> OpResult:
    """Move every (active) program of one PK to another in one action; returns how many moved."""
    if from_id == to_id:
        raise UserInputError(tr("Pilih PK tujuan yang lain.", "Choose a different officer."), field="officer.to")
    with db.transaction() as conn:
        source = require_row(conn, "officers", from_id)
        target = require_row(conn, "officers", to_id)
        if not target["active"]:
            raise UserInputError(tr("PK tujuan tidak aktif.", "The receiving officer is inactive."), field="officer.to")
        where = "officer_id = ? AND deleted_at IS NULL" + (" AND status = 'aktif'" if only_active else "")
        rows = conn.execute(f"SELECT id, person_id FROM programs WHERE {where}", (from_id,)).fetchall()
        conn.execute(f"UPDATE programs SET officer_id = ?, updated_at = ? WHERE {where}",
                     (to_id, now_text(), from_id))
        persons = {p for _, p in rows}
        reindex_persons(conn, persons)
        db.audit("pindah beban kerja", "officer", from_id,
                 before={"officer": source["name"], "programs": [i for i, _ in rows]},
                 after={"officer": target["name"], "count": len(rows)})
    return OpResult(OpChanges(officers=True, lists=True, persons=frozenset(persons)), id=to_id,
                    info={"moved": len(rows)})
