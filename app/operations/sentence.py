"""Sentence dates stored with each case: recomputed whenever their inputs change.

The calculator (app.models.calculator) is pure; this module gathers a case's
inputs from the database, stores the computed dates (``calc_*``) and the effective
ones (after the officer's overrides) in the same transaction as the change, and
flags cases whose official dates differ from the computed ones.  It also holds the
operations on a case's remission ledger, interruptions, overrides and official dates.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from app.models import calculator as calc
from app.models.dates import format_date
from app.models.durations import Duration
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.queries import Queries
from app.models.schema import DATE_KEYS, REMISSION_KINDS
from app.models.storage import Database, now_text
from app.operations import OpChanges, OpResult
from app.operations.common import require_row
from app.operations.index import reindex_persons


def calc_settings(db: Database) -> calc.CalcSettings:
    stored = db.get_setting("calc") or {}
    return calc.CalcSettings.from_dict(stored) if stored else calc.CalcSettings()


def sentence_input(db: Database, case: dict[str, Any]) -> calc.SentenceInput | None:
    """The calculator's input for a stored case, or None when dates cannot be computed."""
    if case["sentence_kind"] == "none" or not case["detention_start"]:
        return None
    conn = db.conn
    case_id = case["id"]
    remissions = tuple(
        calc.Remission(granted=date.fromisoformat(g), months=m, days=d, kind=k, sk_number=sk)
        for g, m, d, k, sk in conn.execute(
            "SELECT granted, months, days, kind, sk_number FROM remissions WHERE case_id = ?"
            " ORDER BY granted, id", (case_id,)))
    interruptions = tuple(
        calc.Interruption(start=date.fromisoformat(s), end=date.fromisoformat(e))
        for s, e in conn.execute("SELECT start, end FROM interruptions WHERE case_id = ? ORDER BY start",
                                 (case_id,)))
    overrides = {k: value for k, (value, _reason) in Queries(db).overrides(case_id).items()}
    category = None
    if case["offence_category_id"]:
        category = conn.execute("SELECT name FROM offence_categories WHERE id = ?",
                                (case["offence_category_id"],)).fetchone()[0]
    return calc.SentenceInput(
        detention_start=date.fromisoformat(case["detention_start"]),
        sentences=tuple(Duration.parse(s) for s in json.loads(case["sentences"] or "[]")),
        sentence_kind=case["sentence_kind"],
        interruptions=interruptions,
        city_detention_days=case["city_detention_days"] or 0,
        house_detention_days=case["house_detention_days"] or 0,
        remissions=remissions,
        remission_total_days=case["remission_total_days"],
        fine=case["fine"] or 0,
        subsider=Duration.parse(case["subsider"]) if case["subsider"] else Duration(),
        fine_paid=bool(case["fine_paid"]),
        child=case["client_class"] == "anak",
        offence_category=category,
        overrides=overrides,
    )


def compute_case(db: Database, case_id: int) -> calc.SentenceDates | None:
    """The calculator's full answer (with breakdown) for a stored case."""
    case = require_row(db.conn, "cases", case_id)
    inp = sentence_input(db, case)
    if inp is None:
        return None
    return calc.compute(inp, calc_settings(db))


def recompute_case(db: Database, case_id: int, *, strict: bool = True,
                   settings: calc.CalcSettings | None = None) -> None:
    """Store the case's computed and effective dates.  Inside a transaction.

    ``strict``: bad input (a remission after the expiry...) raises UserInputError so
    the change that caused it is rolled back; otherwise it is noted on the case.
    """
    conn = db.conn
    case = require_row(conn, "cases", case_id)
    values: dict[str, Any] = {f"calc_{k}": None for k in DATE_KEYS}
    values.update({k: None for k in DATE_KEYS})
    values.update(parole_eligible=0, conditional_leave_eligible=0, calc_note="", official_differs=0)
    if case["sentence_kind"] in ("life", "death"):
        values["calc_note"] = tr("Pidana seumur hidup: tidak ada tanggal ekspirasi.",
                                 "Life imprisonment: there is no expiry date.") \
            if case["sentence_kind"] == "life" else tr(
                "Pidana mati: tidak ada tanggal ekspirasi.", "Death sentence: there is no expiry date.")
    elif case["sentence_kind"] == "none":
        values["calc_note"] = tr("Belum ada putusan: tanggal belum dihitung.",
                                 "No verdict yet: no dates computed.")
    elif not case["detention_start"]:
        values["calc_note"] = tr("Tanggal mulai ditahan belum diisi: tanggal belum dihitung.",
                                 "The detention start is missing: no dates computed.")
    else:
        inp = sentence_input(db, case)
        assert inp is not None
        try:
            result = calc.compute(inp, settings or calc_settings(db), explain=False)
        except UserInputError as err:
            if strict:
                raise
            values["calc_note"] = err.message
        else:
            for k in DATE_KEYS:
                computed = result.computed.get(k)
                effective = getattr(result, k)
                values[f"calc_{k}"] = computed.isoformat() if computed else None
                values[k] = effective.isoformat() if effective else None
            values["parole_eligible"] = int(result.parole_eligible)
            values["conditional_leave_eligible"] = int(result.conditional_leave_eligible)
    official = Queries(db).official_dates(case_id)
    values["official_differs"] = int(any(values.get(f"calc_{k}") != v.isoformat() for k, v in official.items()))
    sets = ", ".join(f"{k} = :{k}" for k in values)
    conn.execute(f"UPDATE cases SET {sets} WHERE id = :id", {**values, "id": case_id})


def recompute_all(db: Database, progress=None) -> int:
    """Recompute every case (after a calculation setting changed).  One transaction."""
    settings = calc_settings(db)
    with db.transaction() as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM cases WHERE deleted_at IS NULL")]
        for n, case_id in enumerate(ids, 1):
            recompute_case(db, case_id, strict=False, settings=settings)
            if progress and n % 500 == 0:
                progress(n, len(ids))
    return len(ids)


def _after_case_change(db: Database, case_id: int, operation: str, before: Any, after: Any,
                       entity: str, entity_id: int | None, *,
                       created: dict[str, list[int]] | None = None) -> OpResult:
    case = require_row(db.conn, "cases", case_id)
    recompute_case(db, case_id)
    reindex_persons(db.conn, [case["person_id"]])
    db.audit(operation, entity, entity_id, before=before, after=after, person_id=case["person_id"],
             created=created)
    return OpResult(OpChanges(persons=frozenset({case["person_id"]}), lists=True), id=entity_id)


# -- remission ledger ------------------------------------------------------------

def _remission_values(granted: date | None, months: int, days: int, kind: str, sk_number: str) -> dict:
    if granted is None:
        raise UserInputError(tr("Tanggal remisi wajib diisi.", "The remission date is required."),
                             field="remission.granted")
    if months < 0 or days < 0:
        raise UserInputError(tr("Lama remisi tidak boleh negatif.", "A remission may not be negative."),
                             field="remission.amount")
    if months == 0 and days == 0:
        raise UserInputError(tr("Lama remisi wajib diisi (bulan dan/atau hari).",
                                "The remission needs an amount (months and/or days)."),
                             field="remission.amount")
    if kind not in REMISSION_KINDS:
        raise UserInputError(tr("Jenis remisi tidak dikenal: {k}", "Unknown remission kind: {k}", k=kind),
                             field="remission.kind")
    return {"granted": granted.isoformat(), "months": months, "days": days, "kind": kind,
            "sk_number": sk_number.strip()}


def add_remission(db: Database, case_id: int, granted: date | None, months: int = 0, days: int = 0,
                  kind: str = "umum", sk_number: str = "") -> OpResult:
    values = _remission_values(granted, months, days, kind, sk_number)
    with db.transaction() as conn:
        require_row(conn, "cases", case_id)
        cur = conn.execute(
            "INSERT INTO remissions(case_id, granted, months, days, kind, sk_number, created_at)"
            " VALUES (:case_id, :granted, :months, :days, :kind, :sk_number, :created_at)",
            {**values, "case_id": case_id, "created_at": now_text()})
        return _after_case_change(db, case_id, "tambah remisi", None, values, "remission", cur.lastrowid,
                                  created={"remissions": [int(cur.lastrowid)]})


def update_remission(db: Database, remission_id: int, granted: date | None, months: int = 0,
                     days: int = 0, kind: str = "umum", sk_number: str = "") -> OpResult:
    values = _remission_values(granted, months, days, kind, sk_number)
    with db.transaction() as conn:
        before = require_row(conn, "remissions", remission_id)
        conn.execute("UPDATE remissions SET granted = :granted, months = :months, days = :days,"
                     " kind = :kind, sk_number = :sk_number WHERE id = :id", {**values, "id": remission_id})
        return _after_case_change(db, before["case_id"], "ubah remisi", before, values, "remission",
                                  remission_id)


def remove_remission(db: Database, remission_id: int) -> OpResult:
    with db.transaction() as conn:
        before = require_row(conn, "remissions", remission_id)
        conn.execute("DELETE FROM remissions WHERE id = ?", (remission_id,))
        return _after_case_change(db, before["case_id"], "hapus remisi", before, None, "remission",
                                  remission_id)


# -- interruptions ---------------------------------------------------------------

def add_interruption(db: Database, case_id: int, start: date | None, end: date | None,
                     note: str = "") -> OpResult:
    if start is None or end is None:
        raise UserInputError(tr("Isi tanggal awal dan akhir di luar tahanan.",
                                "Give the first and last day out of detention."), field="interruption.start")
    if end < start:
        raise UserInputError(tr("Akhir ({e}) sebelum awal ({s}).", "The end ({e}) is before the start ({s}).",
                                e=format_date(end), s=format_date(start)), field="interruption.end")
    with db.transaction() as conn:
        require_row(conn, "cases", case_id)
        values = {"start": start.isoformat(), "end": end.isoformat(), "note": note.strip()}
        cur = conn.execute("INSERT INTO interruptions(case_id, start, end, note) VALUES (?, ?, ?, ?)",
                           (case_id, values["start"], values["end"], values["note"]))
        return _after_case_change(db, case_id, "tambah penangguhan", None, values, "interruption",
                                  cur.lastrowid, created={"interruptions": [int(cur.lastrowid)]})


def remove_interruption(db: Database, interruption_id: int) -> OpResult:
    with db.transaction() as conn:
        before = require_row(conn, "interruptions", interruption_id)
        conn.execute("DELETE FROM interruptions WHERE id = ?", (interruption_id,))
        return _after_case_change(db, before["case_id"], "hapus penangguhan", before, None,
                                  "interruption", interruption_id)


# -- overrides and official dates -------------------------------------------------

def set_override(db: Database, case_id: int, key: str, value: date | None, reason: str) -> OpResult:
    """Override one computed date with a reason; the computed date is kept beside it."""
    if key not in DATE_KEYS:
        raise UserInputError(tr("Tanggal tidak dikenal: {k}", "Unknown date: {k}", k=key), field="override.key")
    if value is None:
        raise UserInputError(tr("Isi tanggal pengganti.", "Give the replacement date."), field="override.value")
    if not reason.strip():
        raise UserInputError(tr("Alasan perubahan tanggal wajib diisi.", "A reason is required."),
                             field="override.reason")
    with db.transaction() as conn:
        require_row(conn, "cases", case_id)
        before = conn.execute("SELECT value, reason FROM date_overrides WHERE case_id = ? AND key = ?",
                              (case_id, key)).fetchone()
        conn.execute(
            "INSERT INTO date_overrides(case_id, key, value, reason, created_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(case_id, key) DO UPDATE SET value = excluded.value, reason = excluded.reason,"
            " created_at = excluded.created_at",
            (case_id, key, value.isoformat(), reason.strip(), now_text()))
        after = {"key": key, "value": value.isoformat(), "reason": reason.strip()}
        return _after_case_change(db, case_id, "ubah tanggal",
                                  {"key": key, "value": before[0], "reason": before[1]} if before else None,
                                  after, "case", case_id)


def clear_override(db: Database, case_id: int, key: str) -> OpResult:
    with db.transaction() as conn:
        before = conn.execute("SELECT value, reason FROM date_overrides WHERE case_id = ? AND key = ?",
                              (case_id, key)).fetchone()
        conn.execute("DELETE FROM date_overrides WHERE case_id = ? AND key = ?", (case_id, key))
        return _after_case_change(db, case_id, "kembalikan tanggal hitungan",
                                  {"key": key, "value": before[0] if before else None}, {"key": key},
                                  "case", case_id)


def set_official_dates(db: Database, case_id: int, dates: dict[str, date | None], source: str = "") -> OpResult:
    """Dates from the SK and the Lapas's papers (a Bapas); None removes one."""
    unknown = [k for k in dates if k not in DATE_KEYS]
    if unknown:
        raise UserInputError(tr("Tanggal tidak dikenal: {k}", "Unknown date: {k}", k=", ".join(unknown)))
    with db.transaction() as conn:
        require_row(conn, "cases", case_id)
        before = dict(conn.execute("SELECT key, value FROM official_dates WHERE case_id = ?", (case_id,)))
        for key, value in dates.items():
            if value is None:
                conn.execute("DELETE FROM official_dates WHERE case_id = ? AND key = ?", (case_id, key))
            else:
                conn.execute(
                    "INSERT INTO official_dates(case_id, key, value, source) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT(case_id, key) DO UPDATE SET value = excluded.value, source = excluded.source",
                    (case_id, key, value.isoformat(), source.strip()))
        after = dict(conn.execute("SELECT key, value FROM official_dates WHERE case_id = ?", (case_id,)))
        return _after_case_change(db, case_id, "tanggal resmi", before, after, "case", case_id)


