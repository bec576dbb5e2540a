"""``rekam-upt checkin`` and ``rekam-upt attention``: exit 0 recorded, 2 refused with the reason; --json."""

from __future__ import annotations

import json

import factories as f
import pytest
from conftest import TODAY

import app.cli
from app.cli import common
from app.models.queries import Queries
from app.operations.clients import create_client


@pytest.fixture(autouse=True)
def not_a_terminal(monkeypatch):
    monkeypatch.setattr(common, "is_interactive", lambda: False)


@pytest.fixture
def client(db):
    officer = f.officer(db)
    person_id = create_client(db, f.person(), f.case(db), f.program(db, officer_id=officer), today=TODAY).id
    register = Queries(db).programs_of(person_id)[0]["register_number"]
    db.close()
    return db.path, register


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = app.cli.run([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_checkin_records_a_visit_and_says_so_in_one_line(client, capsys, password_env):
    path, register = client
    status, out, _err = run(capsys, "checkin", "--db", path, "--register-number", register, "--date", "2026-11-03",
                            "--kind", "home", "--working", "yes", "--officer", "198503122010012001",
                            "--today", TODAY.isoformat())
    assert status == 0
    assert out.strip() == ("Tercatat: Budi Santoso (1/PB/2025) lapor 3 November 2026, periode 1 November 2026 – "
                           "30 November 2026 (entri susulan, terlambat).")  # October was not reported


def test_checkin_refuses_with_the_reason_and_exit_2(client, capsys, password_env):
    path, register = client
    status, out, err = run(capsys, "checkin", "--db", path, "--register-number", "9/XX/2026", "--json")
    assert status == 2
    payload = json.loads(out)
    assert payload["ok"] is False and payload["error"]["code"] == "unknown_register"
    args = ("checkin", "--db", path, "--register-number", register, "--today", TODAY.isoformat())
    assert run(capsys, *args)[0] == 0
    status, out, err = run(capsys, *args)
    assert status == 2 and err.strip() == "Budi Santoso sudah lapor pada 22 November 2026."


def test_an_extra_contact_is_recorded_with_the_notice(client, capsys, password_env):
    path, register = client
    run(capsys, "checkin", "--db", path, "--register-number", register, "--date", "2026-11-03",
        "--today", TODAY.isoformat())
    status, out, _err = run(capsys, "checkin", "--db", path, "--register-number", register,
                            "--today", TODAY.isoformat(), "--json")
    payload = json.loads(out)
    assert status == 0 and payload["extra"] is True and payload["date"] == TODAY.isoformat()


def test_checkin_records_an_excused_absence(client, capsys, password_env):
    path, register = client
    status, out, _err = run(capsys, "checkin", "--db", path, "--register-number", register, "--excused", "sakit",
                            "--reason", "dirawat di RSUD", "--today", TODAY.isoformat(), "--json")
    assert status == 0 and json.loads(out)["period_start"] == "2026-11-01"
    status, _out, err = run(capsys, "checkin", "--db", path, "--register-number", register, "--excused", "izin")
    assert status == 2 and "--reason" in err


def test_attention_lists_every_group_with_its_count_and_register_numbers(client, capsys, password_env):
    path, register = client
    status, out, _err = run(capsys, "attention", "--db", path, "--today", "2026-11-10", "--json")
    assert status == 0
    groups = {g["group"]: g for g in json.loads(out)["groups"]}
    # Nothing reported since December 2025: ten months missed, November not yet.
    assert groups["unreported"]["count"] == 1 and groups["unreported"]["register_numbers"] == [register]
    assert groups["missed_last"]["count"] == 1 and groups["confirm"]["count"] == 1
    assert groups["revocation"]["count"] == 0 and groups["past_end"]["count"] == 0
    status, out, _err = run(capsys, "attention", "--db", path, "--today", "2026-11-10", "--program", "CB")
    assert status == 0 and "Belum lapor periode ini: 0" in out
    assert run(capsys, "attention", "--db", path, "--program", "XX")[0] == 2
