"""The keyed audit trail: what someone with the file but not the password cannot hide any more.

Each tampering test edits a closed file with the stdlib only (tests/tampering.py) and
runs ``check`` with the right password: exit 1 and the named problem, where the
unkeyed chain before this change passed (exit 0).
"""

from __future__ import annotations

import json
from datetime import date

import pytest

import tampering
from conftest import PASSWORD, TEST_SCRYPT_N, TODAY
from factories import case, officer, person, program
from safety_data import dump_tables, populate

from app.cli import run
from app.models import security, storage
from app.models.domain import StatusChange
from app.models.errors import OperationError, UserInputError
from app.models.storage import Database
from app.operations import auth, clients, sentence


@pytest.fixture
def filled(db, password_env):
    populate(db, clients=6)
    db.close()
    return db.path


def _check(capsys, path) -> tuple[int, dict[str, str]]:
    status = run(["check", "--db", str(path), "--json"])
    data = json.loads(capsys.readouterr().out)
    return status, {p["code"]: p["message"] for p in data["problems"]}


def _entries(path) -> list[dict]:
    db = Database.open(path, readonly=True)
    try:
        return db.query("SELECT * FROM audit_log ORDER BY id")
    finally:
        db.close()


# -- what check finds ------------------------------------------------------------------

def test_a_healthy_keyed_trail_passes(filled, capsys):
    assert _check(capsys, filled) == (0, {})


def test_an_entry_edited_and_the_chain_recomputed_without_the_key_is_found(filled, capsys):
    conn = tampering.connect(filled)
    tampering.without_guards(conn)
    conn.execute("UPDATE audit_log SET operator = 'orang lain' WHERE id = 3")
    tampering.restore_guards(conn)
    conn.close()
    tampering.recompute_chain(filled)  # every digest and the head agree again, as before this change
    status, problems = _check(capsys, filled)
    # The unkeyed digests are consistent, but no entry carries this file's key any more.
    assert (status, problems) == (1, {"audit_wiped": "Jejak audit kosong atau diganti di luar program: tidak ada "
                                                     "entri yang ditandatangani kunci berkas ini."})


def test_a_trimmed_tail_with_head_and_counter_rewound_is_found(filled, capsys):
    entries = _entries(filled)
    last_client = max(e["id"] for e in entries if e["operation"] == "tambah klien")
    tampering.trim_tail(filled, last_client - 1)  # the last client's creation and what followed it
    db = Database.open(filled, readonly=True)
    try:
        newest = {t: db.scalar(f"SELECT max(id) FROM {t}") for t in ("persons", "cases", "programs")}
    finally:
        db.close()
    status = run(["check", "--db", str(filled)])
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    for table, record in newest.items():
        assert (f"Jejak audit: 1 data di tabel {table} tidak punya entri yang membuatnya (mis. #{record}); "
                "entri dihapus di luar program.") in lines
    assert not [line for line in lines if "diubah" in line or "hilang" in line]  # the chain itself is whole


def test_a_wiped_trail_is_found(filled, capsys):
    before = dump_tables(filled)["persons"]
    tampering.wipe_trail(filled)
    status, problems = _check(capsys, filled)
    assert status == 1
    assert {"audit_wiped", "audit_uncovered"} <= set(problems)
    assert dump_tables(filled)["persons"] == before  # check changed nothing


def test_entries_signed_with_another_key_are_found(filled, capsys, tmp_path):
    """A trail re-signed with a key of the attacker's own (not sealed by this file's password)."""
    import hmac

    conn = tampering.connect(filled)
    tampering.without_guards(conn)
    prev, wrong_key = "0" * 64, b"k" * 32
    for row in conn.execute("SELECT id, at, operation, entity, entity_id, person_id, operator, os_user, before,"
                            " after FROM audit_log ORDER BY id").fetchall():
        payload = json.dumps([prev, *row], ensure_ascii=False, separators=(",", ":")).encode()
        digest = hmac.new(wrong_key, payload, "sha256").hexdigest()
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, row[0]))
        prev = digest
    tampering.restore_guards(conn)
    conn.close()
    status, problems = _check(capsys, filled)
    assert status == 1 and {"audit_edited", "audit_wiped"} <= set(problems)


def test_a_record_inserted_outside_the_program_has_no_creating_entry(filled, capsys):
    conn = tampering.connect(filled)
    conn.execute("INSERT INTO remissions(case_id, granted, kind, months, days, created_at)"
                 " VALUES (1, '2025-08-17', 'umum', 1, 0, '2026-01-01T00:00:00')")
    new_id = conn.execute("SELECT max(id) FROM remissions").fetchone()[0]
    conn.close()
    status, problems = _check(capsys, filled)
    assert status == 1
    assert problems["audit_uncovered"].startswith(
        f"Jejak audit: 1 data di tabel remissions tidak punya entri yang membuatnya (mis. #{new_id})")


# -- the key ----------------------------------------------------------------------------

def test_audit_refuses_to_write_without_the_key_and_changes_nothing(filled):
    storage._UNLOCKED_KEYS.clear()  # a new process: nobody has given the password yet
    db = Database.open(filled)
    try:
        persons = db.scalar("SELECT count(*) FROM persons")
        entries = db.scalar("SELECT count(*) FROM audit_log")
        with pytest.raises(OperationError) as caught:
            clients.create_client(db, person(name="Tanpa Kunci", nik="3522011505900099"), today=TODAY)
        assert caught.value.code == "audit_locked"
        assert caught.value.message.startswith("Jejak audit terkunci: perubahan tidak disimpan.")
        assert (db.scalar("SELECT count(*) FROM persons"), db.scalar("SELECT count(*) FROM audit_log")) == (
            persons, entries)
        auth.login(db, PASSWORD)
        assert db.audit_unlocked
        clients.create_client(db, person(name="Dengan Kunci", nik="3522011505900098"), today=TODAY)
    finally:
        db.close()


def test_a_wrong_password_unlocks_nothing(filled):
    storage._UNLOCKED_KEYS.clear()
    db = Database.open(filled)
    try:
        with pytest.raises(UserInputError) as caught:
            auth.login(db, "bukan-sandinya")
        assert (caught.value.code, caught.value.message) == ("wrong_password", "Kata sandi salah.")
        assert not db.audit_unlocked
    finally:
        db.close()


def test_a_password_change_reseals_the_same_key_and_keeps_the_trail_valid(filled, capsys, monkeypatch):
    db = Database.open(filled)
    old_id = security.stored_key_id(db.get_setting("auth"))
    old_entries = db.query("SELECT id, hash FROM audit_log ORDER BY id")
    auth.change_password(db, PASSWORD, "sandi-baru-456")
    assert security.stored_key_id(db.get_setting("auth")) == old_id
    assert db.query("SELECT id, hash FROM audit_log ORDER BY id")[:len(old_entries)] == old_entries
    db.close()
    storage._UNLOCKED_KEYS.clear()
    reopened = Database.open(filled)
    with pytest.raises(UserInputError):
        auth.login(reopened, PASSWORD)
    auth.login(reopened, "sandi-baru-456")
    reopened.close()
    monkeypatch.setenv("REKAM_UPT_PASSWORD", "sandi-baru-456")
    assert _check(capsys, filled) == (0, {})


def test_a_key_stripped_from_the_record_is_damage_not_an_old_file(filled, capsys):
    """Without its key a record would look like an older version's, and its trail be re-signed unkeyed."""
    db = Database.open(filled, readonly=True)
    record = dict(db.get_setting("auth"))
    db.close()
    record.pop("key")
    tampering.set_setting(filled, "auth", record)
    tampering.recompute_chain(filled)
    storage._UNLOCKED_KEYS.clear()
    db = Database.open(filled)
    try:
        entries = db.scalar("SELECT count(*) FROM audit_log")
        with pytest.raises(OperationError) as caught:
            auth.login(db, PASSWORD)
        assert caught.value.code == "password_record"
        assert db.scalar("SELECT count(*) FROM audit_log") == entries  # not signed
    finally:
        db.close()
    status, problems = _check(capsys, filled)
    assert status == 1 and problems["password_damaged"].startswith(f"Catatan kata sandi di {filled} rusak")


def test_a_seal_that_does_not_open_is_damage(filled, capsys):
    db = Database.open(filled, readonly=True)
    record = json.loads(json.dumps(db.get_setting("auth")))
    db.close()
    sealed = bytearray(security.base64.b64decode(record["key"]["sealed"]))
    sealed[0] ^= 1
    record["key"]["sealed"] = security.base64.b64encode(bytes(sealed)).decode()
    tampering.set_setting(filled, "auth", record)
    status, problems = _check(capsys, filled)
    assert status == 1
    assert problems["password_damaged"].startswith(f"Catatan kata sandi di {filled} rusak")


# -- created ranges ------------------------------------------------------------------------

def test_audit_writes_created_as_merged_ranges_in_after(db):
    with db.transaction():
        db.audit("uji", "database", None, after={"note": "x"}, created={"persons": [3, 1, 2, [7, 9], 10]})
    after = json.loads(db.scalar("SELECT after FROM audit_log ORDER BY id DESC LIMIT 1"))
    assert after == {"note": "x", "created": {"persons": [[1, 3], [7, 10]]}}
    with pytest.raises(ValueError), db.transaction():
        db.audit("uji", "database", None, created={"no_such_table": [1]})


def test_every_operation_that_inserts_declares_what_it_created(db):
    pk = officer(db)
    made = clients.create_client(db, person(), case(db), program(db, "PB", pk), today=TODAY)
    person_id = int(made.id)
    case_id = db.scalar("SELECT id FROM cases WHERE person_id = ?", (person_id,))
    program_id = db.scalar("SELECT id FROM programs WHERE person_id = ?", (person_id,))
    second = clients.add_case(db, person_id, case(db, verdict_number="46/Pid.B/2024/PN Bjn"),
                              program(db, "CB", pk, register_number=""), today=TODAY)
    extra_program = clients.add_program(db, case_id, program(db, "ASIM", pk, register_number=""), today=TODAY)
    clients.change_program_status(db, program_id, StatusChange(status="selesai", date=date(2026, 10, 1),
                                                               letter="W15-1", reason="uji"), today=TODAY)
    sentence.add_remission(db, case_id, date(2025, 8, 17), months=1)
    sentence.add_interruption(db, case_id, date(2024, 5, 1), date(2024, 5, 10))
    created = {}
    for operation, after in db.conn.execute("SELECT operation, after FROM audit_log ORDER BY id"):
        for table, ranges in (json.loads(after or "{}").get("created") or {}).items():
            created.setdefault(table, []).extend((operation, r) for r in ranges)
    second_case = int(second.id)
    assert created == {
        "officers": [("tambah petugas", [pk, pk])],
        "persons": [("tambah klien", [person_id, person_id])],
        "cases": [("tambah klien", [case_id, case_id]), ("tambah perkara", [second_case, second_case])],
        "programs": [("tambah klien", [program_id, program_id]),
                     ("tambah perkara", [program_id + 1, program_id + 1]),
                     ("tambah program", [int(extra_program.id), int(extra_program.id)])],
        "status_changes": [("ubah status", [1, 1])],
        "remissions": [("tambah remisi", [1, 1])],
        "interruptions": [("tambah penangguhan", [1, 1])],
    }
    from app.operations.checks import check_database
    assert check_database(db) == []


# -- upgrading a file from before the keyed trail ------------------------------------------------

def test_an_older_file_is_signed_at_the_first_login(filled, capsys):
    tampering.make_legacy(filled, PASSWORD)
    storage._UNLOCKED_KEYS.clear()
    status, problems = _check(capsys, filled)
    assert status == 1 and set(problems) == {"audit_unsigned"}  # check itself never signs
    before = _entries(filled)
    db = Database.open(filled)
    try:
        result = auth.login(db, PASSWORD)
        assert result.signed_trail and result.upgraded_cost
        record = db.get_setting("auth")
        assert (record["n"], record["r"], record["p"]) == (TEST_SCRYPT_N, 8, 1) and "key" in record
        after = db.query("SELECT * FROM audit_log ORDER BY id")
        assert after[:-1] == before and len(after) == len(before) + 1
        baseline = after[-1]
        assert (baseline["operation"], baseline["entity"], baseline["prev_hash"]) == (
            "tandatangani jejak audit", "database", before[-1]["hash"])
        signed = json.loads(baseline["after"])
        assert signed["signed"] == {"entries": len(before), "last_id": before[-1]["id"],
                                    "last_hash": before[-1]["hash"], "problems": []}
        persons = db.scalar("SELECT count(*) FROM persons")
        assert signed["created"]["persons"] == [[1, persons]]
        assert set(signed["created"]) == {"officers", "persons", "cases", "programs", "remissions", "status_changes"}
        assert auth.login(db, PASSWORD) == auth.LoginResult()  # once only
    finally:
        db.close()
    assert _check(capsys, filled) == (0, {})


def test_an_old_entry_edited_after_signing_is_found(filled, capsys):
    tampering.make_legacy(filled, PASSWORD)
    db = Database.open(filled)
    auth.login(db, PASSWORD)
    baseline = db.scalar("SELECT max(id) FROM audit_log")
    db.close()
    conn = tampering.connect(filled)
    tampering.without_guards(conn)
    conn.execute("UPDATE audit_log SET operator = 'orang lain' WHERE id = 2")
    tampering.restore_guards(conn)
    conn.close()
    tampering.recompute_chain(filled, upto=baseline - 1)  # the unkeyed part is consistent again
    status, problems = _check(capsys, filled)
    assert status == 1
    assert problems["audit_edited"] == f"Jejak audit: entri {baseline} diubah di luar program."


def test_an_older_trail_broken_before_the_upgrade_stays_reported(filled, capsys):
    tampering.make_legacy(filled, PASSWORD)
    conn = tampering.connect(filled)
    tampering.without_guards(conn)
    conn.execute("UPDATE audit_log SET operator = 'orang lain' WHERE id = 2")
    tampering.restore_guards(conn)
    conn.close()
    db = Database.open(filled)
    auth.login(db, PASSWORD)
    signed = json.loads(db.scalar("SELECT after FROM audit_log ORDER BY id DESC LIMIT 1"))["signed"]
    db.close()
    assert signed["problems"] == ["audit_edited"]
    status, problems = _check(capsys, filled)
    assert status == 1 and problems == {"audit_edited": "Jejak audit: entri 2 diubah di luar program."}


def test_a_record_stored_at_a_lower_cost_is_resealed_at_login(filled, monkeypatch, capsys):
    monkeypatch.setattr(security, "LOGIN_SCRYPT_N", TEST_SCRYPT_N * 2)
    storage._UNLOCKED_KEYS.clear()
    db = Database.open(filled)
    try:
        old_id = security.stored_key_id(db.get_setting("auth"))
        result = auth.login(db, PASSWORD)
        assert result.upgraded_cost and not result.signed_trail
        record = db.get_setting("auth")
        assert record["n"] == TEST_SCRYPT_N * 2 and security.stored_key_id(record) == old_id
        assert db.scalar("SELECT operation FROM audit_log ORDER BY id DESC LIMIT 1") \
            == "perbarui penyimpanan kata sandi"
        assert auth.login(db, PASSWORD) == auth.LoginResult()
    finally:
        db.close()
    assert _check(capsys, filled) == (0, {})


def test_a_read_only_login_unlocks_but_never_writes(filled):
    tampering.make_legacy(filled, PASSWORD)
    before = filled.read_bytes()
    db = Database.open(filled, readonly=True)
    try:
        assert auth.login(db, PASSWORD) == auth.LoginResult()
    finally:
        db.close()
    assert filled.read_bytes() == before


# -- a missing password record ------------------------------------------------------------------

def test_only_a_never_used_file_may_ask_for_a_first_password(db_path, tmp_path):
    fresh = Database.open(tmp_path / "baru.sqlite3", create=True)
    try:
        assert auth.needs_first_password(fresh)
    finally:
        fresh.close()
    db = Database.open(db_path, create=True)
    auth.set_initial_password(db, PASSWORD)
    officer(db)
    with db.transaction():
        db.conn.execute("DELETE FROM settings WHERE key = 'auth'")
    db.invalidate_settings()
    try:
        for attempt in (lambda: auth.needs_first_password(db), lambda: auth.set_initial_password(db, "sandi-lain-123"),
                        lambda: auth.login(db, PASSWORD)):
            with pytest.raises(OperationError) as caught:
                attempt()
            assert caught.value.code == "password_record"
            assert caught.value.message == (
                f"Catatan kata sandi di {db_path} hilang (dihapus di luar program): berkas tidak dibuka. "
                f"Pulihkan dari cadangan: rekam-upt restore BERKAS-CADANGAN --db {db_path}")
        assert db.get_setting("auth") is None
    finally:
        db.close()
