"""Wajib lapor operations: check-in and its refusals, extra contacts, excused absences, corrections,
schedules, escalation steps with their letter numbers, revocation stages, notes, photos."""

from __future__ import annotations

import json
from datetime import date

import factories as f
import pytest
from conftest import TODAY

from app.models.domain import StatusChange
from app.models.errors import UserInputError, ValidationErrors
from app.models.queries import Filter, Queries
from app.operations import wajib_lapor as wl
from app.operations.checks import check_database
from app.operations.clients import change_program_status, create_client


@pytest.fixture
def client(db):
    """A PB client under guidance since 21 December 2025 (monthly reporting), supervised by Sari."""
    officer = f.officer(db)
    person_id = create_client(db, f.person(), f.case(db), f.program(db, officer_id=officer), today=TODAY).id
    program = Queries(db).programs_of(person_id)[0]
    return {"person": person_id, "program": program["id"], "register": program["register_number"], "officer": officer}


def _visit(db, client, day, **kw):
    return wl.check_in(db, client["register"], day=day, today=TODAY, **kw)


def test_a_check_in_records_the_visit_for_its_period_with_kind_officer_and_working(db, client):
    result = _visit(db, client, TODAY, kind="home", working="yes")
    visit = Queries(db).visits(client["program"])[0]
    assert (visit["report_date"], visit["kind"], visit["working"], visit["officer_id"]) == (
        "2026-11-22", "home", "yes", client["officer"])  # received by the supervising PK by default
    assert result.info["period_start"] == date(2026, 11, 1) and result.info["period_end"] == date(2026, 11, 30)
    assert not result.info["backdated"] and result.changes.reporting
    entry = db.query("SELECT * FROM audit_log WHERE operation = 'catat wajib lapor'")[0]
    assert json.loads(entry["after"])["created"] == {"wajib_lapor": [[result.id, result.id]]}
    assert check_database(db) == []


@pytest.mark.parametrize("change, code", [
    ({"register": "999/PB/2026"}, "unknown_register"),
    ({"day": date(2026, 11, 23)}, "future"),
    ({"day": date(2025, 12, 20)}, "not_started"),
])
def test_a_check_in_is_refused_with_the_reason(db, client, change, code):
    with pytest.raises(UserInputError) as err:
        wl.check_in(db, change.get("register", client["register"]), day=change.get("day", TODAY), today=TODAY)
    assert err.value.code == code
    assert db.scalar("SELECT count(*) FROM wajib_lapor") == 0


def test_a_finished_or_revoked_program_is_refused_and_a_past_date_is_marked_backdated(db, client):
    change_program_status(db, client["program"], StatusChange("dicabut", date(2026, 10, 5), "PAS-1", "tidak lapor"),
                          today=TODAY)
    with pytest.raises(UserInputError) as err:
        _visit(db, client, TODAY)
    assert err.value.code == "status" and "dicabut" in err.value.message and "5 Oktober 2026" in err.value.message
    # Entri susulan from the paper log, while the program was still running: accepted, marked.
    result = _visit(db, client, date(2026, 9, 14))
    assert result.info["backdated"]
    assert Queries(db).visits(client["program"])[0]["backdated"] == 1


def test_the_same_client_twice_on_one_day_is_refused(db, client):
    _visit(db, client, TODAY)
    with pytest.raises(UserInputError) as err:
        _visit(db, client, TODAY, confirm_extra=True)
    assert err.value.code == "same_day" and "sudah lapor pada 22 November 2026" in err.value.message
    assert db.scalar("SELECT count(*) FROM wajib_lapor") == 1


def test_an_extra_contact_needs_a_confirmation_and_counts_once(db, client):
    _visit(db, client, date(2026, 11, 3))
    with pytest.raises(wl.ExtraContact) as err:
        _visit(db, client, TODAY)
    assert "sudah lapor 3 November" in err.value.message and err.value.previous == date(2026, 11, 3)
    result = _visit(db, client, TODAY, confirm_extra=True)
    assert result.info["extra"]
    q = Queries(db)
    november = [p for p in q.reporting_periods(client["program"], TODAY) if p["start"] == date(2026, 11, 1)][0]
    assert november["state"] == "reported" and len(november["extra"]) == 1
    assert q.attendance(date(2026, 11, 1), date(2026, 11, 30), today=date(2026, 12, 10)).reported == 1


def test_an_excused_absence_is_neither_attended_nor_missed(db, client):
    for day in (date(2026, 8, 4), date(2026, 10, 6)):
        _visit(db, client, day)
    with pytest.raises(ValidationErrors):
        wl.record_excuse(db, client["program"], day=date(2026, 9, 10), reason_kind="sakit", reason="", officer_id=None,
                         today=TODAY)
    wl.record_excuse(db, client["program"], day=date(2026, 9, 10), reason_kind="sakit", reason="dirawat di RSUD",
                     officer_id=client["officer"], today=TODAY)
    q = Queries(db)
    states = {p["start"]: p["state"] for p in q.reporting_periods(client["program"], TODAY)}
    assert states[date(2026, 9, 1)] == "excused"
    rate = q.attendance(date(2026, 8, 1), date(2026, 10, 31), today=TODAY)
    assert (rate.reported, rate.due) == (2, 2)
    with pytest.raises(UserInputError) as err:
        wl.record_excuse(db, client["program"], day=date(2026, 10, 20), reason_kind="izin", reason="ke luar kota",
                         officer_id=client["officer"], today=TODAY)
    assert err.value.code == "reported"


def test_a_visit_is_corrected_or_removed_only_with_a_reason_and_the_trail_keeps_both(db, client):
    visit_id = _visit(db, client, date(2026, 11, 2)).id
    with pytest.raises(UserInputError):
        wl.correct_visit(db, visit_id, reason=" ", day=date(2026, 11, 4), today=TODAY)
    wl.correct_visit(db, visit_id, reason="salah ketik tanggal", day=date(2026, 11, 4), kind="remote", today=TODAY)
    wl.remove_visit(db, visit_id, reason="tercatat untuk klien lain")
    q = Queries(db)
    assert q.visits(client["program"]) == []
    kept = q.visits(client["program"], include_removed=True)[0]
    assert kept["report_date"] == "2026-11-04" and kept["removed_reason"] == "tercatat untuk klien lain"
    entries = {e["operation"]: e for e in db.query("SELECT * FROM audit_log WHERE entity = 'wajib_lapor'")}
    assert json.loads(entries["koreksi wajib lapor"]["before"])["report_date"] == "2026-11-02"
    assert json.loads(entries["koreksi wajib lapor"]["after"])["reason"] == "salah ketik tanggal"
    assert json.loads(entries["hapus wajib lapor"]["after"])["reason"] == "tercatat untuk klien lain"
    assert check_database(db) == []


def test_two_missed_periods_reach_teguran_2_after_the_officer_confirms_with_a_letter_number(db, client):
    _visit(db, client, date(2026, 8, 5))
    q = Queries(db)
    today = date(2026, 11, 10)  # September and October missed; November not yet
    summary = q.reporting_summary(client["program"], today)
    assert summary["misses"] == 2 and summary["pending"].key == "teguran_2"
    assert summary["proposed_letter"] == "001/TEG.2/PK/XI/2026"
    counts = q.attention_counts(today=today)
    assert counts["confirm"] == 1 and counts["step:teguran_2"] == 0
    result = wl.confirm_step(db, client["program"], officer_id=client["officer"], today=today)
    assert result.info["letter_number"] == "001/TEG.2/PK/XI/2026"
    counts = q.attention_counts(today=today)
    assert counts["confirm"] == 0 and counts["step:teguran_2"] == 1
    assert q.person_ids(Filter((("attention", "step:teguran_2"),)), today=today).tolist() == [client["person"]]
    with pytest.raises(UserInputError) as err:
        wl.confirm_step(db, client["program"], today=today)
    assert err.value.code == "no_step"
    # A visit ends the run: the letter stays visible, the client leaves the group.
    _visit(db, client, today)
    counts = q.attention_counts(today=today)
    assert counts["step:teguran_2"] == 0
    assert [s["letter_number"] for s in q.reporting_letters(client["program"])] == ["001/TEG.2/PK/XI/2026"]
    assert check_database(db) == []


def test_three_misses_propose_revocation_for_pb_and_its_stages_are_recorded(db, client):
    _visit(db, client, date(2026, 7, 5))
    today = date(2026, 11, 10)
    step = wl.confirm_step(db, client["program"], letter_number="W15.PAS.PAS22-123", today=today)
    assert step.info["step"] == "usul_pencabutan" and step.info["letter_number"] == "W15.PAS.PAS22-123"
    q = Queries(db)
    assert q.attention_counts(today=today)["revocation"] == 1
    stage = wl.record_revocation_stage(db, step.id, stage="bap", day=today, today=today)
    assert stage.info["letter_number"] == "001/BAP/PK/XI/2026"
    wl.record_revocation_stage(db, step.id, stage="batal", day=today, note="TPP: bimbingan dilanjutkan", today=today)
    assert q.attention_counts(today=today)["revocation"] == 0
    assert [g["stage"] for g in q.reporting_letters(client["program"])[0]["stages"]] == ["bap", "batal"]


def test_a_schedule_of_two_week_blocks_counts_from_the_start_of_guidance(db, client):
    wl.set_schedule(db, client["program"], kind="weeks", weeks=2, due_day=1)
    periods = Queries(db).reporting_periods(client["program"], TODAY)
    assert periods[0]["start"] == date(2025, 12, 21) and periods[0]["end"] == date(2026, 1, 3)
    assert periods[0]["due"] == date(2025, 12, 22)  # the first Monday
    with pytest.raises(ValidationErrors):
        wl.set_schedule(db, client["program"], kind="weeks", weeks=3)


def test_guidance_ending_and_past_its_end_are_attention_groups(db, client):
    q = Queries(db)
    assert q.attention_counts(today=date(2027, 11, 15))["ending"] == 1
    assert q.attention_counts(today=date(2027, 12, 5))["past_end"] == 1
    assert "guidance_ending" not in q.due_counts(("official_differs",), today=TODAY)


def test_working_status_is_the_value_at_the_last_visit_that_asked(db, client):
    _visit(db, client, date(2026, 9, 4), working="no")
    _visit(db, client, date(2026, 10, 5), working="yes")
    _visit(db, client, date(2026, 11, 3), working="unknown")
    q = Queries(db)
    assert q.working_status(client["person"], date(2026, 9, 30)) == "no"
    assert q.working_status(client["person"], TODAY) == "yes"
    assert q.working_status(client["person"], date(2026, 9, 1)) == "unknown"
    assert q.working_counts(today=TODAY) == {"yes": 1, "no": 0, "unknown": 0}


def test_notes_and_photos(db, client):
    note = wl.NoteInput(note_date=TODAY, officer_id=client["officer"], condition="sehat", activity="bekerja di bengkel",
                        follow_up=date(2026, 12, 5))
    wl.add_note(db, client["person"], note)
    with pytest.raises(ValidationErrors):
        wl.add_note(db, client["person"], wl.NoteInput(note_date=TODAY))
    q = Queries(db)
    assert q.guidance_notes(client["person"])[0]["activity"] == "bekerja di bengkel"
    with pytest.raises(UserInputError):
        wl.set_photo(db, client["person"], b"not a jpeg")
    jpeg = _tiny_jpeg()
    wl.set_photo(db, client["person"], jpeg)
    assert q.photo(client["person"]) == jpeg
    kinds = [e["kind"] for e in q.timeline(client["person"], TODAY)]
    assert kinds[0] == "note" and kinds[-1] == "start"
    assert check_database(db) == []


def _tiny_jpeg() -> bytes:
    """A minimal JPEG header with an 8×8 frame (enough for the size check)."""
    sof = b"\xff\xc0\x00\x11\x08\x00\x08\x00\x08\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return b"\xff\xd8" + b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + sof + b"\xff\xd9" * 4
