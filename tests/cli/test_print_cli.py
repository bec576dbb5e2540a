"""``rekam-upt register`` and ``rekam-upt sheet``: one PDF through the safe writer, an audit entry,
clear refusals (an existing file without --replace, a database as --out, an unknown group)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

import app.cli
from app.cli import common
from app.operations.clients import create_client
from conftest import TODAY
from factories import case, officer, person, program
from paper_kit import pdf_pages


@pytest.fixture(autouse=True)
def not_on_a_terminal(monkeypatch):
    monkeypatch.setattr(common, "is_interactive", lambda: False)


@pytest.fixture
def filled(db):
    sari = officer(db)
    create_client(db, person(), case(db), program(db, "PB", officer_id=sari, start_date=date(2026, 2, 3),
                                                 register_number="7/PB/2026"), today=TODAY)
    create_client(db, person(name="Siti Rahayu", nik="3522014505920002", sex="P", birth=date(1992, 5, 5)),
                  case(db, offence="Penipuan"), program(db, "CB", officer_id=sari, start_date=date(2026, 3, 1),
                                                        register_number="2/CB/2026"), today=TODAY)
    db.close()
    return db.path


def run(capsys, *argv):
    status = app.cli.run([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def audit_entries(path, operation):
    conn = sqlite3.connect(path)
    try:
        return [json.loads(a) for (a,) in conn.execute("SELECT after FROM audit_log WHERE operation = ?", (operation,))]
    finally:
        conn.close()


def test_register_writes_the_pdf_and_records_what_left_the_program(filled, tmp_path, capsys, password_env):
    out = tmp_path / "register.pdf"
    status, stdout, stderr = run(capsys, "register", "--db", filled, "--kind", "pembimbingan", "--program", "PB",
                                 "--year", "2026", "--paper", "F4", "--out", out, "--json", "--today", "2026-11-22")
    assert (status, stderr) == (0, "")
    result = json.loads(stdout)
    assert result["ok"] and result["persons"] == 1 and result["rows"] == 1 and result["paper"] == "F4"
    pages = pdf_pages(out.read_bytes())
    assert "7/PB/2026" in pages[0]["text"] and "2/CB/2026" not in pages[0]["text"]
    assert round(pages[0]["width"], 1) == 935.4  # F4, landscape
    [entry] = audit_entries(filled, "simpan dokumen")
    assert entry["document"] == "Register Pembimbingan" and entry["persons"] == 1
    assert entry["to"] == str(out.resolve())


def test_an_existing_file_is_replaced_only_with_replace(filled, tmp_path, capsys, password_env):
    out = tmp_path / "klaper.pdf"
    out.write_bytes(b"lama")
    status, _stdout, stderr = run(capsys, "register", "--db", filled, "--kind", "klaper", "--out", out)
    assert status == 2 and "sudah ada" in stderr and "--replace" in stderr
    assert out.read_bytes() == b"lama"
    status, _stdout, stderr = run(capsys, "register", "--db", filled, "--kind", "klaper", "--out", out, "--replace")
    assert status == 0 and out.read_bytes().startswith(b"%PDF")
    assert not audit_entries(filled, "simpan dokumen")[0].get("cards")


def test_a_database_is_never_written_over_by_a_document(filled, capsys, password_env):
    before = filled.read_bytes()
    status, _stdout, stderr = run(capsys, "register", "--db", filled, "--kind", "klaper", "--out", filled,
                                  "--replace")
    assert status == 2 and "basis data Rekam UPT" in stderr
    assert filled.read_bytes() == before


@pytest.mark.parametrize(("args", "words"), [
    (("--program", "XYZ"), "Program tidak dikenal: 'XYZ'"),
    (("--officer", "199001012020121001"), "PK tidak dikenal"),
    (("--month", "2026-13"), "Bulan tidak valid"),
    (("--paper", "Letter"), "Ukuran kertas tidak dikenal"),
])
def test_bad_choices_are_refused_in_one_indonesian_line(filled, tmp_path, capsys, password_env, args, words):
    out = tmp_path / "x.pdf"
    status, _stdout, stderr = run(capsys, "register", "--db", filled, "--kind", "pembimbingan", *args, "--out", out)
    assert status == 2 and words in stderr and stderr.count("\n") == 1
    assert not out.exists()


def test_sheet_prints_the_breakdown_of_the_clients_case(filled, tmp_path, capsys, password_env):
    out = tmp_path / "lembar.pdf"
    status, _stdout, stderr = run(capsys, "sheet", "--db", filled, "--register-number", "7/PB/2026", "--out", out)
    assert (status, stderr) == (0, "")
    text = "\n".join(p["text"] for p in pdf_pages(out.read_bytes()))
    for words in ("LEMBAR PERHITUNGAN TANGGAL PIDANA", "Budi Santoso", "7/PB/2026", "Rincian perhitungan",
                  "Ekspirasi awal", "KUHP Pasal 97", "1 Maret 2027", "Mengetahui,"):
        assert words in text
    [entry] = audit_entries(filled, "simpan dokumen")
    assert entry["persons"] == 1 and entry["document"] == "Lembar Perhitungan Tanggal Pidana"


def test_sheet_of_an_unknown_register_number_is_refused(filled, tmp_path, capsys, password_env):
    status, _stdout, stderr = run(capsys, "sheet", "--db", filled, "--register-number", "99/PB/2026",
                                  "--out", tmp_path / "x.pdf")
    assert status == 2 and "Nomor register tidak ditemukan: '99/PB/2026'" in stderr


def test_list_and_cards_commands_write_their_pdfs(filled, tmp_path, capsys, password_env):
    out = tmp_path / "daftar.pdf"
    status, _o, stderr = run(capsys, "list", "--db", filled, "--kind", "wajib-lapor", "--month", "2026-11",
                             "--out", out)
    assert (status, stderr) == (0, "") \
        and "DAFTAR WAJIB LAPOR BULAN NOVEMBER 2026" in pdf_pages(out.read_bytes())[0]["text"]
    cards = tmp_path / "kartu.pdf"
    status, stdout, stderr = run(capsys, "cards", "--db", filled, "--month", "2026-11", "--program", "PB",
                                 "--card", "A4", "--out", cards, "--json")
    assert (status, stderr) == (0, "") and json.loads(stdout)["persons"] == 1
    again = tmp_path / "lagi.pdf"
    status, _o, _e = run(capsys, "cards", "--db", filled, "--register-number", "7/PB/2026", "--out", again)
    assert status == 0 and "PENGGANTI" in pdf_pages(again.read_bytes())[0]["text"]  # printed before: a replacement
    entries = audit_entries(filled, "simpan dokumen")
    assert [e.get("cards") for e in entries] == [None, 1, 1] and entries[2].get("replacement") is True


def test_a_letter_without_a_confirmed_step_is_refused(filled, tmp_path, capsys, password_env):
    status, _o, stderr = run(capsys, "letter", "--db", filled, "--register-number", "7/PB/2026", "--kind", "teguran1",
                             "--out", tmp_path / "surat.pdf")
    assert status == 2 and "belum punya nomor" in stderr and not (tmp_path / "surat.pdf").exists()
