"""Wajib lapor operations: check-in, excused absences, corrections, schedules, escalation steps,
revocation stages, guidance notes and photos.

Each is one transaction with its audit entry; every one that touches a program rebuilds
its derived rows (app.models.lapor_rows) in the same transaction, so the "Perlu
perhatian" counts read after it are right.  Refusals are ``UserInputError`` with a
``code`` and one Indonesian line naming the person and the reason, so the check-in box
can show it and wait for the next scan.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.models import reporting as rp
from app.models.dates import format_date
from app.models.errors import ConfirmationNeeded, UserInputError, ValidationErrors
from app.models.i18n import tr
from app.models.lapor_queries import context, propose_letter
from app.models.lapor_rows import refresh
from app.models.storage import Database, now_text
from app.operations import OpChanges, OpResult
from app.operations.common import require_row, row, today_or

MAX_PHOTO_BYTES = 200_000
MAX_PHOTO_SIDE = 1024


class ExtraContact(ConfirmationNeeded):
    """The period is already reported: the officer confirms (Enter) to record an extra contact."""

    def __init__(self, message: str, *, previous: date):
        super().__init__(message)
        self.code = "extra_contact"
        self.previous = previous


def _changes(person_id: int) -> OpChanges:
    return OpChanges(persons=frozenset({person_id}), reporting=True)


def _refresh(db: Database, program_id: int) -> None:
    ctx = context(db)
    refresh(db.conn, [program_id], grace=ctx.grace, recorded_since=ctx.since)


def _program_for(db: Database, register_number: str | None, program_id: int | None) -> dict[str, Any]:
    """The program a scan or a choice names, with its person and kind (refused with the reason)."""
    if program_id is None:
        number = " ".join((register_number or "").split())
        if not number:
            raise UserInputError(tr("Ketik atau pindai nomor register.", "Type or scan a register number."),
                                 code="empty")
        # Exactly as printed on the card first (the unique index); typed in another case, a scan after it.
        found = (db.query("SELECT id FROM programs WHERE register_number = ?", (number,))
                 or db.query("SELECT id FROM programs WHERE register_number = ? COLLATE NOCASE", (number,)))
        if not found:
            raise UserInputError(tr("Nomor register {n} tidak dikenal.", "Register number {n} is unknown.", n=number),
                                 code="unknown_register")
        program_id = found[0]["id"]
    found = db.query(
        "SELECT p.*, k.code AS kind_code, k.guidance, s.name AS person_name, s.deleted_at AS person_deleted"
        " FROM programs p JOIN program_kinds k ON k.id = p.kind_id JOIN persons s ON s.id = p.person_id"
        " WHERE p.id = ?", (program_id,))
    if not found:
        raise UserInputError(tr("Program tidak ditemukan.", "Program not found."), code="not_found")
    return found[0]


_STATUS_TEXT = {
    "selesai": ("sudah selesai", "is completed"), "dicabut": ("sudah dicabut", "was revoked"),
    "pindah": ("sudah pindah", "was transferred"), "melarikan_diri": ("berstatus melarikan diri", "is absconded"),
    "mengulangi_tindak_pidana": ("berstatus mengulangi tindak pidana", "is re-offended"),
    "meninggal": ("berstatus meninggal", "is deceased"),
}


def _refuse_unless_open(p: dict[str, Any], day: date) -> None:
    """The program must be a guidance program running on ``day`` (refusals name who and why)."""
    who = f"{p['person_name']} ({p['register_number'] or p['kind_code']})"
    if p["deleted_at"] or p["person_deleted"]:
        raise UserInputError(tr("{w}: data di tempat sampah.", "{w}: the record is in the bin.", w=who), code="in_bin")
    if not p["guidance"]:
        raise UserInputError(tr("{w}: {k} bukan program bimbingan (tanpa wajib lapor).",
                                "{w}: {k} is not a guidance program (no reporting).", w=who, k=p["kind_code"]),
                             code="not_guidance")
    start = date.fromisoformat(p["start_date"]) if p["start_date"] else None
    end = date.fromisoformat(p["end_date"]) if p["end_date"] else None
    if p["status"] != "aktif":
        since = date.fromisoformat(p["status_date"]) if p["status_date"] else None
        if since is None or day >= since:
            id_text, en_text = _STATUS_TEXT.get(p["status"], ("tidak aktif", "is not active"))
            raise UserInputError(tr("{w}: program {k} {s} ({d}).", "{w}: the {k} program {s} ({d}).", w=who,
                                    k=p["kind_code"], s=tr(id_text, en_text), d=format_date(since)),
                                 code="status")
    if start is None or day < start:
        raise UserInputError(tr("{w}: bimbingan belum mulai (mulai {d}).",
                                "{w}: guidance has not started (starts {d}).",
                                w=who, d=format_date(start, tr("belum diisi", "not entered"))), code="not_started")
    if end is not None and day > end:
        raise UserInputError(tr("{w}: masa bimbingan berakhir {d}.", "{w}: guidance ended on {d}.",
                                w=who, d=format_date(end)), code="ended")


def _check_day(day: date, today: date) -> None:
    if day > today:
        raise UserInputError(tr("Tanggal lapor {d} belum terjadi.", "The reporting date {d} is in the future.",
                                d=format_date(day)), code="future", field="visit.day")


def _officer(db: Database, officer_id: int | None, *, required: bool = False) -> int | None:
    if officer_id is None:
        if required:
            raise UserInputError(tr("Pilih PK yang menerima.", "Choose the PK who received it."), field="officer")
        return None
    found = row(db.conn, "officers", officer_id)
    if found is None:
        raise UserInputError(tr("Petugas tidak dikenal.", "Unknown officer."), field="officer", code="officer")
    return officer_id


def resolve_officer(db: Database, text: str) -> int:
    """An officer named by NIP or by id (the command line's --officer)."""
    from app.models.identity import normalise_digits

    value = text.strip()
    digits = normalise_digits(value)
    if digits and len(digits) >= 9:
        found = db.scalar("SELECT id FROM officers WHERE nip = ?", (digits,))
    elif value.isdigit():
        found = db.scalar("SELECT id FROM officers WHERE id = ?", (int(value),))
    else:
        found = None
    if found is None:
        raise UserInputError(tr("Petugas {o} tidak dikenal (NIP atau nomor petugas).",
                                "Officer {o} is unknown (NIP or officer number).", o=value), code="officer")
    return int(found)


def _period(db: Database, p: dict[str, Any], day: date) -> rp.Period:
    from app.models.lapor_queries import schedule_of

    start = date.fromisoformat(p["start_date"])
    end = date.fromisoformat(p["end_date"]) if p["end_date"] else None
    return rp.period_of(start, end, schedule_of(db, p["id"]), day)


# -- check-in ---------------------------------------------------------------------------------------

def check_in(db: Database, register_number: str | None = None, *, program_id: int | None = None,
             day: date | None = None, kind: str = "office", officer_id: int | None = None,
             working: str = "unknown", note: str = "", confirm_extra: bool = False,
             today: date | None = None) -> OpResult:
    """Record one visit (lapor diri, kunjungan rumah, daring, lewat petugas) for the period its date falls in.

    Refused: an unknown register number, a program not running on that day, a date in the
    future or before the start, the same client twice on one day.  A second contact in a
    period already reported raises ``ExtraContact`` ("sudah lapor 3 November") until the
    officer confirms it; it is then recorded as an extra contact and counts once.
    ``info``: visit_id, person_id, program_id, period_start/end, extra, late, backdated.
    """
    today = today_or(today)
    day = day or today
    if kind not in rp.VISIT_KINDS:
        raise UserInputError(tr("Cara lapor tidak dikenal.", "Unknown kind of contact."), field="visit.kind")
    if working not in rp.WORKING_VALUES:
        raise UserInputError(tr("Status bekerja tidak dikenal.", "Unknown working status."), field="visit.working")
    with db.transaction() as conn:
        p = _program_for(db, register_number, program_id)
        _check_day(day, today)
        _refuse_unless_open(p, day)
        officer_id = _officer(db, officer_id) if officer_id is not None else p["officer_id"]
        who = p["person_name"]
        same = conn.execute("SELECT 1 FROM wajib_lapor WHERE program_id = ? AND report_date = ? AND removed_at IS NULL",
                            (p["id"], day.isoformat())).fetchone()
        if same:
            raise UserInputError(tr("{w} sudah lapor pada {d}.", "{w} has already reported on {d}.", w=who,
                                    d=format_date(day)), code="same_day")
        period = _period(db, p, day)
        earlier = conn.execute(
            "SELECT MIN(report_date) FROM wajib_lapor WHERE program_id = ? AND removed_at IS NULL"
            " AND report_date BETWEEN ? AND ?",
            (p["id"], period.start.isoformat(), period.end.isoformat())).fetchone()[0]
        if earlier and not confirm_extra:
            first = date.fromisoformat(earlier)
            raise ExtraContact(tr("{w} sudah lapor {d}: Enter untuk mencatat kontak tambahan.",
                                  "{w} already reported on {d}: Enter to record an extra contact.", w=who,
                                  d=_short(first, today)), previous=first)
        now = now_text()
        cur = conn.execute(
            "INSERT INTO wajib_lapor(program_id, report_date, officer_id, note, created_at, updated_at, kind, working,"
            " backdated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (p["id"], day.isoformat(), officer_id, note.strip(), now, now, kind, working, int(day < today)))
        visit_id = int(cur.lastrowid)
        _refresh(db, p["id"])
        flags = conn.execute("SELECT extra, late FROM wajib_lapor WHERE id = ?", (visit_id,)).fetchone()
        after = {"program_id": p["id"], "register_number": p["register_number"], "date": day.isoformat(),
                 "kind": kind, "officer_id": officer_id, "working": working, "backdated": day < today,
                 "extra": bool(flags[0]), "late": bool(flags[1])}
        if note.strip():
            after["note"] = note.strip()
        db.audit("catat wajib lapor", "wajib_lapor", visit_id, after=after, person_id=p["person_id"],
                 created={"wajib_lapor": [visit_id]})
    return OpResult(_changes(p["person_id"]), id=visit_id, info={
        "visit_id": visit_id, "person_id": p["person_id"], "program_id": p["id"], "name": who,
        "register_number": p["register_number"], "date": day, "period_start": period.start,
        "period_end": period.end, "extra": bool(flags[0]), "late": bool(flags[1]), "backdated": day < today})


def _short(day: date, today: date) -> str:
    """"3 November" in the current year, "3 November 2025" otherwise (the check-in's one-line notice)."""
    text = format_date(day)
    return text.rsplit(" ", 1)[0] if day.year == today.year else text


def correct_visit(db: Database, visit_id: int, *, reason: str, day: date | None = None, kind: str | None = None,
                  officer_id: int | None = None, working: str | None = None, note: str | None = None,
                  today: date | None = None) -> OpResult:
    """Change a recorded visit; the reason is kept with it and the trail keeps before and after."""
    today = today_or(today)
    if not reason.strip():
        raise UserInputError(tr("Alasan koreksi wajib diisi.", "A reason for the correction is required."),
                             field="visit.reason")
    with db.transaction() as conn:
        before = require_row(conn, "wajib_lapor", visit_id)
        if before["removed_at"]:
            raise UserInputError(tr("Kunjungan ini sudah dihapus.", "This visit was removed."), code="removed")
        p = _program_for(db, None, before["program_id"])
        values = {"report_date": (day or date.fromisoformat(before["report_date"])).isoformat(),
                  "kind": kind or before["kind"], "working": working or before["working"],
                  "officer_id": officer_id if officer_id is not None else before["officer_id"],
                  "note": before["note"] if note is None else note.strip()}
        if values["kind"] not in rp.VISIT_KINDS or values["working"] not in rp.WORKING_VALUES:
            raise UserInputError(tr("Nilai tidak dikenal.", "Unknown value."), field="visit")
        new_day = date.fromisoformat(values["report_date"])
        if new_day.isoformat() != before["report_date"]:
            _check_day(new_day, today)
            start = date.fromisoformat(p["start_date"])
            end = date.fromisoformat(p["end_date"]) if p["end_date"] else None
            if new_day < start or (end and new_day > end):
                raise UserInputError(tr("Tanggal di luar masa bimbingan ({a} – {b}).",
                                        "The date is outside the guidance ({a} – {b}).", a=format_date(start),
                                        b=format_date(end)), field="visit.day", code="outside")
            if conn.execute("SELECT 1 FROM wajib_lapor WHERE program_id = ? AND report_date = ? AND id != ?"
                            " AND removed_at IS NULL", (p["id"], new_day.isoformat(), visit_id)).fetchone():
                raise UserInputError(tr("Sudah ada kunjungan pada {d}.", "There is already a visit on {d}.",
                                        d=format_date(new_day)), code="same_day", field="visit.day")
        _officer(db, values["officer_id"])
        conn.execute("UPDATE wajib_lapor SET report_date = :report_date, kind = :kind, working = :working,"
                     " officer_id = :officer_id, note = :note, corrected_reason = :reason, updated_at = :at"
                     " WHERE id = :id", {**values, "reason": reason.strip(), "at": now_text(), "id": visit_id})
        _refresh(db, p["id"])
        keys = [k for k in values if values[k] != before[k]]
        db.audit("koreksi wajib lapor", "wajib_lapor", visit_id, before={k: before[k] for k in keys},
                 after={**{k: values[k] for k in keys}, "reason": reason.strip()}, person_id=p["person_id"])
    return OpResult(_changes(p["person_id"]), id=visit_id)


def remove_visit(db: Database, visit_id: int, *, reason: str) -> OpResult:
    """Take a visit out of the count (its row stays, marked removed with the reason)."""
    if not reason.strip():
        raise UserInputError(tr("Alasan penghapusan wajib diisi.", "A reason for removing it is required."),
                             field="visit.reason")
    with db.transaction() as conn:
        before = require_row(conn, "wajib_lapor", visit_id)
        if before["removed_at"]:
            raise UserInputError(tr("Kunjungan ini sudah dihapus.", "This visit was already removed."), code="removed")
        person_id = conn.execute("SELECT person_id FROM programs WHERE id = ?", (before["program_id"],)).fetchone()[0]
        at = now_text()
        conn.execute("UPDATE wajib_lapor SET removed_at = ?, removed_reason = ?, updated_at = ? WHERE id = ?",
                     (at, reason.strip(), at, visit_id))
        _refresh(db, before["program_id"])
        db.audit("hapus wajib lapor", "wajib_lapor", visit_id,
                 before={k: before[k] for k in ("report_date", "kind", "officer_id", "working", "note")},
                 after={"removed_at": at, "reason": reason.strip()}, person_id=person_id)
    return OpResult(_changes(person_id), id=visit_id)


# -- excused absences --------------------------------------------------------------------------------

def record_excuse(db: Database, program_id: int, *, day: date, reason_kind: str, reason: str,
                  officer_id: int | None, today: date | None = None) -> OpResult:
    """An excused absence (sakit, izin, berhalangan) for the period holding ``day``: neither attended nor missed."""
    today = today_or(today)
    errors = []
    if reason_kind not in rp.EXCUSE_KINDS:
        errors.append(UserInputError(tr("Pilih sakit, izin atau berhalangan.", "Choose sick, leave or prevented."),
                                     field="excuse.kind"))
    if not reason.strip():
        errors.append(UserInputError(tr("Alasan wajib diisi.", "A reason is required."), field="excuse.reason"))
    if officer_id is None:
        errors.append(UserInputError(tr("Nama PK yang menyetujui wajib diisi.", "The approving PK is required."),
                                     field="excuse.officer"))
    if errors:
        raise ValidationErrors(errors)
    with db.transaction() as conn:
        p = _program_for(db, None, program_id)
        _refuse_unless_open(p, min(day, today) if p["status"] == "aktif" else day)
        _officer(db, officer_id)
        period = _period(db, p, day)
        who = p["person_name"]
        if conn.execute("SELECT 1 FROM wajib_lapor WHERE program_id = ? AND removed_at IS NULL AND report_date"
                        " BETWEEN ? AND ?", (program_id, period.start.isoformat(), period.end.isoformat())).fetchone():
            raise UserInputError(tr("{w} sudah lapor pada periode ini.", "{w} already reported in this period.", w=who),
                                 code="reported")
        if conn.execute("SELECT 1 FROM reporting_excuses e JOIN reporting r ON r.program_id = e.program_id"
                        " WHERE e.program_id = ? AND e.removed_at IS NULL AND e.period_no = ?",
                        (program_id, period.index)).fetchone():
            raise UserInputError(tr("Periode ini sudah berizin.", "This period is already excused."), code="excused")
        cur = conn.execute(
            "INSERT INTO reporting_excuses(program_id, period_day, period_no, reason_kind, reason, officer_id,"
            " recorded_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (program_id, period.start.isoformat(), period.index, reason_kind, reason.strip(), officer_id,
             today.isoformat(), now_text()))
        excuse_id = int(cur.lastrowid)
        _refresh(db, program_id)
        db.audit("catat izin wajib lapor", "reporting_excuse", excuse_id, person_id=p["person_id"], after={
            "program_id": program_id, "period_start": period.start.isoformat(), "period_end": period.end.isoformat(),
            "reason_kind": reason_kind, "reason": reason.strip(), "officer_id": officer_id},
            created={"reporting_excuses": [excuse_id]})
    return OpResult(_changes(p["person_id"]), id=excuse_id,
                    info={"period_start": period.start, "period_end": period.end})


def remove_excuse(db: Database, excuse_id: int, *, reason: str) -> OpResult:
    if not reason.strip():
        raise UserInputError(tr("Alasan penghapusan wajib diisi.", "A reason is required."), field="excuse.reason")
    with db.transaction() as conn:
        before = require_row(conn, "reporting_excuses", excuse_id)
        person_id = conn.execute("SELECT person_id FROM programs WHERE id = ?", (before["program_id"],)).fetchone()[0]
        conn.execute("UPDATE reporting_excuses SET removed_at = ?, removed_reason = ? WHERE id = ?",
                     (now_text(), reason.strip(), excuse_id))
        _refresh(db, before["program_id"])
        db.audit("hapus izin wajib lapor", "reporting_excuse", excuse_id, person_id=person_id,
                 before={"period_day": before["period_day"], "reason": before["reason"]},
                 after={"reason": reason.strip()})
    return OpResult(_changes(person_id), id=excuse_id)


# -- schedules ----------------------------------------------------------------------------------------

def set_schedule(db: Database, program_id: int, *, kind: str, weeks: int = 0, due_day: int | None = None,
                 officer_id: int | None = None) -> OpResult:
    """The PK's reporting schedule for a program: monthly, or blocks of 1, 2 or 4 weeks from the start of
    guidance; it applies to the whole guidance (the periods already past are counted again under it)."""
    weeks = 0 if kind == rp.MONTHLY else int(weeks)
    problems = rp.schedule_errors(kind, weeks, due_day)
    if problems:
        raise ValidationErrors([UserInputError(line, field="schedule") for line in problems])
    with db.transaction() as conn:
        p = _program_for(db, None, program_id)
        if not p["guidance"]:
            raise UserInputError(tr("{k} bukan program bimbingan.", "{k} is not a guidance program.", k=p["kind_code"]),
                                 code="not_guidance")
        found = db.query("SELECT kind, weeks, due_day FROM reporting_schedules WHERE program_id = ?", (program_id,))
        before = found[0] if found else None
        conn.execute("INSERT INTO reporting_schedules(program_id, kind, weeks, due_day, officer_id, updated_at)"
                     " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(program_id) DO UPDATE SET kind = excluded.kind,"
                     " weeks = excluded.weeks, due_day = excluded.due_day, officer_id = excluded.officer_id,"
                     " updated_at = excluded.updated_at",
                     (program_id, kind, weeks, due_day, _officer(db, officer_id), now_text()))
        _refresh(db, program_id)
        db.audit("ubah jadwal wajib lapor", "program", program_id, person_id=p["person_id"],
                 before={k: before[k] for k in ("kind", "weeks", "due_day")} if before else {"kind": rp.MONTHLY},
                 after={"kind": kind, "weeks": weeks, "due_day": due_day})
    return OpResult(_changes(p["person_id"]), id=program_id)


# -- escalation -----------------------------------------------------------------------------------------

def confirm_step(db: Database, program_id: int, *, letter_number: str | None = None,
                 letter_date: date | None = None, officer_id: int | None = None, note: str = "",
                 today: date | None = None) -> OpResult:
    """The officer confirms the step the missed run has reached (teguran 1, teguran 2, the final step).

    The letter number is proposed from the settings' pattern unless one is given, and stored.
    Refused when no step is waiting.  ``info``: step, level, letter_number, misses.
    """
    from app.models.lapor_queries import escalation, program_states

    today = today_or(today)
    letter_date = letter_date or today
    _check_day(letter_date, today)
    with db.transaction() as conn:
        p = _program_for(db, None, program_id)
        ctx = context(db)
        _schedule, states = program_states(db, ctx, p, today)
        esc = escalation(db, ctx, p, states, today)
        step = esc["pending"]
        if step is None:
            raise UserInputError(tr("{w}: tidak ada langkah eskalasi yang menunggu.",
                                    "{w}: no escalation step is waiting.", w=p["person_name"]), code="no_step")
        seq = None
        number = " ".join((letter_number or "").split())
        if not number:
            number, seq = propose_letter(db, step.key, p, letter_date)
        cur = conn.execute(
            "INSERT INTO reporting_steps(program_id, step, level, after_no, missed, letter_number, letter_seq,"
            " letter_date, officer_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (program_id, step.key, step.level, esc["anchor"], esc["misses"], number, seq, letter_date.isoformat(),
             _officer(db, officer_id), note.strip(), now_text()))
        step_id = int(cur.lastrowid)
        _refresh(db, program_id)
        db.audit("konfirmasi eskalasi", "reporting_step", step_id, person_id=p["person_id"], after={
            "program_id": program_id, "step": step.key, "level": step.level, "missed": esc["misses"],
            "letter_number": number, "letter_date": letter_date.isoformat()}, created={"reporting_steps": [step_id]})
    return OpResult(_changes(p["person_id"]) | OpChanges(lists=True), id=step_id,
                    info={"step": step.key, "level": step.level, "letter_number": number, "misses": esc["misses"]})


def remove_step(db: Database, step_id: int, *, reason: str) -> OpResult:
    if not reason.strip():
        raise UserInputError(tr("Alasan pembatalan wajib diisi.", "A reason is required."), field="step.reason")
    with db.transaction() as conn:
        before = require_row(conn, "reporting_steps", step_id)
        person_id = conn.execute("SELECT person_id FROM programs WHERE id = ?", (before["program_id"],)).fetchone()[0]
        conn.execute("UPDATE reporting_steps SET removed_at = ?, removed_reason = ? WHERE id = ?",
                     (now_text(), reason.strip(), step_id))
        _refresh(db, before["program_id"])
        db.audit("batalkan eskalasi", "reporting_step", step_id, person_id=person_id,
                 before={"step": before["step"], "letter_number": before["letter_number"]},
                 after={"reason": reason.strip()})
    return OpResult(_changes(person_id), id=step_id)


def record_revocation_stage(db: Database, step_id: int, *, stage: str, day: date, letter_number: str | None = None,
                            note: str = "", today: date | None = None) -> OpResult:
    """A stage of the revocation of PB, CB or CMB: berita acara pemeriksaan, sidang TPP, pencabutan
    sementara by the head of the Bapas; or "batal" (the TPP keeps the client in guidance)."""
    today = today_or(today)
    if stage not in rp.REVOCATION_STAGES:
        raise UserInputError(tr("Tahap tidak dikenal.", "Unknown stage."), field="stage")
    _check_day(day, today)
    with db.transaction() as conn:
        step = require_row(conn, "reporting_steps", step_id)
        if step["step"] != "usul_pencabutan" or step["removed_at"]:
            raise UserInputError(tr("Tahap pencabutan hanya untuk usul pencabutan.",
                                    "Revocation stages belong to a revocation proposal."), code="not_revocation")
        p = _program_for(db, None, step["program_id"])
        if conn.execute("SELECT 1 FROM revocation_stages WHERE step_id = ? AND stage = ? AND removed_at IS NULL",
                        (step_id, stage)).fetchone():
            raise UserInputError(tr("Tahap {s} sudah dicatat.", "Stage {s} is already recorded.",
                                    s=rp.step_label(stage)), code="stage_taken")
        number = " ".join((letter_number or "").split())
        seq = None
        if not number and stage != "batal":
            number, seq = propose_letter(db, stage, p, day)
        cur = conn.execute("INSERT INTO revocation_stages(step_id, program_id, stage, date, letter_number, letter_seq,"
                           " note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           (step_id, p["id"], stage, day.isoformat(), number, seq, note.strip(), now_text()))
        stage_id = int(cur.lastrowid)
        _refresh(db, p["id"])
        db.audit("catat tahap pencabutan", "revocation_stage", stage_id, person_id=p["person_id"], after={
            "step_id": step_id, "stage": stage, "date": day.isoformat(), "letter_number": number},
            created={"revocation_stages": [stage_id]})
    return OpResult(_changes(p["person_id"]) | OpChanges(lists=True), id=stage_id, info={"letter_number": number})


# -- guidance notes (buku perkembangan bimbingan) --------------------------------------------------------

NOTE_PARTS = ("condition", "activity", "social", "obstacles", "plans")


@dataclass
class NoteInput:
    note_date: date | None = None
    officer_id: int | None = None
    program_id: int | None = None
    visit_id: int | None = None
    condition: str = ""    # kondisi saat ini
    activity: str = ""     # kegiatan / pekerjaan
    social: str = ""       # lingkungan sosial
    obstacles: str = ""    # kendala
    plans: str = ""        # rencana ke depan
    text: str = ""         # catatan bebas
    follow_up: date | None = None


def _note_values(n: NoteInput, today: date) -> dict[str, Any]:
    errors = []
    if n.note_date is None:
        errors.append(UserInputError(tr("Tanggal catatan wajib diisi.", "The note's date is required."),
                                     field="note.note_date"))
    elif n.note_date > today:
        errors.append(UserInputError(tr("Tanggal catatan belum terjadi.", "The note's date is in the future."),
                                     field="note.note_date"))
    if not any(getattr(n, k).strip() for k in (*NOTE_PARTS, "text")):
        errors.append(UserInputError(tr("Catatan masih kosong.", "The note is empty."), field="note.text"))
    if n.follow_up is not None and n.note_date is not None and n.follow_up < n.note_date:
        errors.append(UserInputError(tr("Tanggal tindak lanjut sebelum tanggal catatan.",
                                        "The follow-up date is before the note's date."), field="note.follow_up"))
    if errors:
        raise ValidationErrors(errors)
    values = {k: getattr(n, k).strip() for k in (*NOTE_PARTS, "text")}
    values.update(note_date=n.note_date.isoformat(), officer_id=n.officer_id, program_id=n.program_id,  # type: ignore[union-attr]
                  visit_id=n.visit_id, follow_up=n.follow_up.isoformat() if n.follow_up else None)
    return values


def add_note(db: Database, person_id: int, note: NoteInput, *, today: date | None = None) -> OpResult:
    today = today_or(today)
    values = _note_values(note, today)
    with db.transaction() as conn:
        require_row(conn, "persons", person_id)
        _officer(db, note.officer_id)
        now = now_text()
        values.update(person_id=person_id, created_at=now, updated_at=now)
        cols = ", ".join(values)
        cur = conn.execute(f"INSERT INTO guidance_notes({cols}) VALUES ({', '.join(':' + k for k in values)})", values)
        note_id = int(cur.lastrowid)
        db.audit("tambah catatan bimbingan", "guidance_note", note_id, person_id=person_id,
                 after={k: v for k, v in values.items()
                        if k not in ("created_at", "updated_at") and v not in ("", None)},
                 created={"guidance_notes": [note_id]})
    return OpResult(_changes(person_id), id=note_id)


def update_note(db: Database, note_id: int, note: NoteInput, *, today: date | None = None) -> OpResult:
    today = today_or(today)
    values = _note_values(note, today)
    with db.transaction() as conn:
        before = require_row(conn, "guidance_notes", note_id)
        _officer(db, note.officer_id)
        values["updated_at"] = now_text()
        conn.execute(f"UPDATE guidance_notes SET {', '.join(f'{k} = :{k}' for k in values)} WHERE id = :id",
                     {**values, "id": note_id})
        keys = [k for k in values if k != "updated_at" and values[k] != before[k]]
        db.audit("ubah catatan bimbingan", "guidance_note", note_id, person_id=before["person_id"],
                 before={k: before[k] for k in keys}, after={k: values[k] for k in keys})
    return OpResult(_changes(before["person_id"]), id=note_id)


def remove_note(db: Database, note_id: int, *, reason: str) -> OpResult:
    if not reason.strip():
        raise UserInputError(tr("Alasan penghapusan wajib diisi.", "A reason is required."), field="note.reason")
    with db.transaction() as conn:
        before = require_row(conn, "guidance_notes", note_id)
        conn.execute("UPDATE guidance_notes SET removed_at = ?, removed_reason = ? WHERE id = ?",
                     (now_text(), reason.strip(), note_id))
        db.audit("hapus catatan bimbingan", "guidance_note", note_id, person_id=before["person_id"],
                 before={"note_date": before["note_date"]}, after={"reason": reason.strip()})
    return OpResult(_changes(before["person_id"]), id=note_id)


def note_input(db: Database, note_id: int) -> NoteInput:
    n = require_row(db.conn, "guidance_notes", note_id)
    return NoteInput(note_date=date.fromisoformat(n["note_date"]), officer_id=n["officer_id"],
                     program_id=n["program_id"],
                     visit_id=n["visit_id"], follow_up=date.fromisoformat(n["follow_up"]) if n["follow_up"] else None,
                     **{k: n[k] for k in (*NOTE_PARTS, "text")})


# -- photos -------------------------------------------------------------------------------------------------

def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a JPEG's frame header, or None when the bytes are not a JPEG."""
    if len(data) < 4 or data[:2] != b"\xff\xd8":
        return None
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        length = int.from_bytes(data[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            return int.from_bytes(data[i + 7:i + 9], "big"), int.from_bytes(data[i + 5:i + 7], "big")
        i += 2 + length
    return None


def set_photo(db: Database, person_id: int, jpeg: bytes) -> OpResult:
    """Store a person's photo: a small JPEG, already resized by the caller (the window does it with Qt)."""
    size = _jpeg_size(jpeg)
    if size is None:
        raise UserInputError(tr("Berkas foto bukan JPEG.", "The photo is not a JPEG."), field="photo", code="not_jpeg")
    if len(jpeg) > MAX_PHOTO_BYTES or max(size) > MAX_PHOTO_SIDE:
        raise UserInputError(tr("Foto terlalu besar (paling besar {k} KB, {s} piksel).",
                                "The photo is too large (at most {k} KB, {s} pixels).",
                                k=MAX_PHOTO_BYTES // 1000, s=MAX_PHOTO_SIDE), field="photo", code="too_large")
    digest = hashlib.sha256(jpeg).hexdigest()
    with db.transaction() as conn:
        require_row(conn, "persons", person_id)
        before = conn.execute("SELECT sha256 FROM person_photos WHERE person_id = ?", (person_id,)).fetchone()
        conn.execute("INSERT INTO person_photos(person_id, jpeg, width, height, sha256, updated_at)"
                     " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(person_id) DO UPDATE SET jpeg = excluded.jpeg,"
                     " width = excluded.width, height = excluded.height, sha256 = excluded.sha256,"
                     " updated_at = excluded.updated_at", (person_id, jpeg, size[0], size[1], digest, now_text()))
        db.audit("ubah foto", "person", person_id, person_id=person_id,
                 before={"photo_sha256": before[0]} if before else None,
                 after={"photo_sha256": digest, "bytes": len(jpeg), "width": size[0], "height": size[1]})
    return OpResult(_changes(person_id), id=person_id)


def remove_photo(db: Database, person_id: int) -> OpResult:
    with db.transaction() as conn:
        before = conn.execute("SELECT sha256 FROM person_photos WHERE person_id = ?", (person_id,)).fetchone()
        if before is None:
            raise UserInputError(tr("Orang ini belum punya foto.", "This person has no photo."), code="no_photo")
        conn.execute("DELETE FROM person_photos WHERE person_id = ?", (person_id,))
        db.audit("hapus foto", "person", person_id, person_id=person_id, before={"photo_sha256": before[0]})
    return OpResult(_changes(person_id), id=person_id)


__all__ = ["ExtraContact", "NoteInput", "add_note", "check_in", "confirm_step", "correct_visit",
           "note_input", "record_excuse", "record_revocation_stage", "remove_excuse", "remove_note", "remove_photo",
           "remove_step", "remove_visit", "resolve_officer", "set_photo", "set_schedule", "update_note"]
