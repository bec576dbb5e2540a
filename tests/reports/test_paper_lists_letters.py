"""The counter's lists, the guidance agreement and the letters as printed."""

from __future__ import annotations

import io
import sqlite3
from datetime import date

from app.models.print_queries import Group, program_by_register
from app.reports.paper.base import Signer, paper_context
from app.reports.paper.letters import kontrak_bimbingan, letter
from app.reports.paper.lists import buku_harian, daftar_wajib_lapor
from conftest import TODAY
from factories import case, officer, person, program
from paper_kit import NOW, pdf_pages


def _clients(db):
    from app.operations.clients import create_client

    sari = officer(db)
    andi = officer(db, name="Andi Wijaya, S.Psi.", nip="198703152011011002")
    create_client(db, person(guarantor="Siti Aminah", guarantor_relation="ibu"), case(db),
                  program(db, "PB", officer_id=sari, start_date=date(2026, 6, 10), register_number="12/PB/2026"),
                  today=TODAY)
    create_client(db, person(name="Rudi Hartono", nik="3522011505900009"), case(db),
                  program(db, "CB", officer_id=andi, start_date=date(2026, 11, 15), register_number="3/CB/2026"),
                  today=TODAY)
    create_client(db, person(name="Joko Susilo", nik="3522011505900010"), case(db),
                  program(db, "PB", officer_id=sari, start_date=date(2025, 1, 6), end_date=date(2026, 10, 31),
                          register_number="1/PB/2025"), today=TODAY)  # ended before November
    ids = {r[0]: r[1] for r in sqlite3.connect(db.path).execute("SELECT register_number, id FROM programs")}
    with db.transaction() as conn:
        rows = []
        for day in ("2026-08-04", "2026-11-05"):
            cur = conn.execute("INSERT INTO wajib_lapor(program_id, report_date, officer_id, note, created_at)"
                               " VALUES (?, ?, ?, 'Hadir', ?)", (ids["12/PB/2026"], day, andi, day + "T10:22:00"))
            rows.append(cur.lastrowid)
        db.audit("uji lapor", "program", ids["12/PB/2026"], created={"wajib_lapor": rows})
    return sari, andi


def _text(data: bytes) -> str:
    return "\n".join(p["text"] for p in pdf_pages(data))


def test_the_monthly_list_has_who_must_report_per_pk_with_missed_periods(db):
    _clients(db)
    buf = io.BytesIO()
    printed = daftar_wajib_lapor(buf, db, paper_context(db, now=NOW), year=2026, month=11)
    text = _text(buf.getvalue())
    assert "DAFTAR WAJIB LAPOR BULAN NOVEMBER 2026" in text and "RAHASIA" in text
    assert "12/PB/2026" in text and "3/CB/2026" in text and "1/PB/2025" not in text  # ended in October
    assert text.index("PK: Andi Wijaya") < text.index("3/CB/2026") < text.index("PK: Sari Dewi") \
        < text.index("12/PB/2026")
    line = next(ln for ln in text.splitlines() if "12/PB/2026" in ln)
    # Counted as the wajib lapor core counts them (this file records visits from the start of
    # guidance): June and July missed, August reported, September and October missed; November
    # reported on the 5th.
    assert " 4 5 November" in f" {line}"
    assert printed.rows == 2


def test_the_daily_log_lists_the_visits_of_the_day(db):
    _clients(db)
    buf = io.BytesIO()
    buku_harian(buf, db, paper_context(db, now=NOW), day=date(2026, 11, 5))
    text = _text(buf.getvalue())
    assert "Hari, tanggal: Kamis, 5 November 2026" in text
    line = next(ln for ln in text.splitlines() if "12/PB/2026" in ln)
    assert "10.22" in line and "Andi Wijaya" in line
    assert "Jumlah: 1 kunjungan." in text


def test_the_agreement_names_the_obligations_and_three_signers(db):
    _clients(db)
    buf = io.BytesIO()
    kontrak_bimbingan(buf, db, paper_context(db, now=NOW), record=program_by_register(db, "12/PB/2026"))
    text = _text(buf.getvalue())
    assert "KONTRAK BIMBINGAN" in text and "RAHASIA" not in text
    assert "Siti Aminah (ibu)" in text and "Klien," in text and "Penjamin," in text
    assert "Pembimbing Kemasyarakatan," in text and "bulan yang terlewat tidak dapat disusulkan" in text


def test_a_letter_carries_its_number_and_a_sifat_line_and_the_signer_alone(db):
    sari, _andi = _clients(db)
    buf = io.BytesIO()
    signer = Signer("plh", "Andi Wijaya, S.Psi.", "Penata (III/c)", "198703152011011002")
    letter(buf, db, paper_context(db, now=NOW), record=program_by_register(db, "12/PB/2026"), kind="teguran1",
           number="W15.PAS.22-PK.01.05-0042", periods="Oktober 2026", signer=signer)
    pages = pdf_pages(buf.getvalue())
    text = "\n".join(p["text"] for p in pages)
    assert "Nomor : W15.PAS.22-PK.01.05-0042" in text and "Sifat : Penting" in text and "RAHASIA" not in text
    assert "Plh. Kepala" in text and "NIP 19870315 201101 1 002" in text and "Mengetahui" not in text
    assert "SURAT TEGURAN I" in text and "Oktober 2026" in text


def test_the_proposal_to_revoke_goes_upward_with_an_examination_form(db):
    _clients(db)
    buf = io.BytesIO()
    letter(buf, db, paper_context(db, now=NOW), record=program_by_register(db, "12/PB/2026"),
           kind="usulan-pencabutan", number="W15-0099", periods="Agustus, September dan Oktober 2026")
    pages = pdf_pages(buf.getvalue())
    assert "Kepala Kantor Wilayah" in pages[0]["text"]
    assert "BERITA ACARA PEMERIKSAAN" in pages[1]["text"]
    for n, page in enumerate(pages, 1):
        assert f"Halaman {n} dari {len(pages)}" in page["text"]


def test_the_lists_follow_the_group_selector(db):
    sari, andi = _clients(db)
    buf = io.BytesIO()
    daftar_wajib_lapor(buf, db, paper_context(db, now=NOW), group=Group(officer_id=andi), year=2026, month=11)
    text = _text(buf.getvalue())
    assert "3/CB/2026" in text and "12/PB/2026" not in text


def test_a_letter_prints_the_number_stored_when_its_step_was_confirmed(db):
    from app.models.print_periods import letter_number
    from app.operations.clients import create_client
    from app.operations.wajib_lapor import confirm_step

    sari = officer(db)
    create_client(db, person(name="Dedi Kurniawan", nik="3522011505900011"), case(db),
                  program(db, "PB", officer_id=sari, start_date=date(2026, 10, 1), register_number="15/PB/2026"),
                  today=TODAY)  # October passed without a visit: teguran 1 is waiting
    record = program_by_register(db, "15/PB/2026")
    assert letter_number(db, record["program_id"], "teguran1") is None  # nothing confirmed: no number
    confirmed = confirm_step(db, record["program_id"], letter_number="W15.PAS.22-PK.01.05-0107",
                             letter_date=TODAY, officer_id=sari, today=TODAY)
    assert confirmed.info["step"] == "teguran_1"
    number, periods = letter_number(db, record["program_id"], "teguran1")
    assert number == "W15.PAS.22-PK.01.05-0107" and periods.startswith(str(confirmed.info["misses"]))
    assert letter_number(db, record["program_id"], "teguran2") is None
    buf = io.BytesIO()
    letter(buf, db, paper_context(db, now=NOW), record=record, kind="teguran1", number=number, periods=periods)
    assert "Nomor : W15.PAS.22-PK.01.05-0107" in _text(buf.getvalue())
