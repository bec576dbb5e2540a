"""Guidance cards as printed: one per active guidance program of the group, visits on the right rows,
both codes decode to the register number, long addresses wrap inside their cell, PENGGANTI, sizes."""

from __future__ import annotations

import io
import re
import sqlite3
from datetime import date

import pytest

from app.models.print_queries import Group
from app.reports.paper.base import paper_context
from app.reports.paper.cards import guidance_cards, month_batch_ids
from conftest import TODAY
from factories import case, kind_id, officer, person, program
from paper_kit import NOW, card_texts, demo_db, pdf_pages, render_png


def _cards(db, ids, **kw) -> tuple[bytes, object]:
    buf = io.BytesIO()
    printed = guidance_cards(buf, db, paper_context(db, now=NOW), program_ids=ids, **kw)
    return buf.getvalue(), printed


def _raw(db, sql, params=()):
    conn = sqlite3.connect(db.path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


@pytest.fixture
def demo(tmp_path):
    db = demo_db(tmp_path, clients=250)
    yield db
    db.close()


def _first_cards(data: bytes) -> list[str]:
    """The register number of each first card (the one with the particulars), in print order."""
    return [m.group(1) for text in card_texts(data) for m in [re.search(r"Nomor register: (\S+)", text)] if m]


def test_one_card_per_active_guidance_program_of_the_group(demo):
    pb = kind_id(demo, "PB")
    first, last = "2026-11-01", "2026-11-30"
    expected = [r["register_number"] for r in sorted(_raw(demo, """
        SELECT p.register_number, p.register_year, p.register_seq FROM programs p
          JOIN persons s ON s.id = p.person_id JOIN cases c ON c.id = p.case_id
          JOIN program_kinds k ON k.id = p.kind_id
         WHERE p.kind_id = ? AND k.guidance = 1 AND p.status = 'aktif' AND p.deleted_at IS NULL
           AND s.deleted_at IS NULL AND c.deleted_at IS NULL AND p.start_date IS NOT NULL
           AND ((p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?))
             OR (p.start_date BETWEEN ? AND ? AND (p.end_date IS NULL OR p.end_date >= ?)))""",
        (pb, first, first, first, last, last)), key=lambda r: (r["register_year"], r["register_seq"],
                                                             r["register_number"]))]
    assert len(expected) > 10
    ids = month_batch_ids(demo, Group(kind_id=pb), 2026, 11)
    data, printed = _cards(demo, ids, paper="F4")
    pages = pdf_pages(data)
    assert _first_cards(data) == expected
    assert len(printed.person_ids) == len(expected)
    # Two A5 cards on a landscape F4 sheet.
    assert (round(pages[0]["width"], 1), round(pages[0]["height"], 1)) == (935.4, 609.4)
    assert pages[0]["text"].count("KARTU BIMBINGAN KLIEN PEMASYARAKATAN") == 2


def _client_with_visits(db):
    from app.operations.clients import create_client

    sari = officer(db)
    address = ("Dusun Krajan RT 003 RW 007, Desa Sumberrejo, Kecamatan Kedungadem, Kabupaten Bojonegoro, "
               "Provinsi Jawa Timur, di belakang Masjid Al-Ikhlas dekat pasar hewan, rumah bercat hijau "
               "dengan pagar bambu, masuk gang kedua sebelah kiri setelah jembatan Kali Pacal, sebelah "
               "warung kopi Pak Darmo, kode pos 62183")[:300]
    assert len(address) == 300
    result = create_client(db, person(address=address, guarantor="Siti Aminah", guarantor_relation="ibu"),
                           case(db), program(db, "PB", officer_id=sari, start_date=date(2026, 6, 10),
                                             end_date=date(2027, 12, 1), register_number="12/PB/2026"), today=TODAY)
    [prog] = _raw(db, "SELECT id FROM programs WHERE person_id = ?", (result.id,))
    with db.transaction() as conn:
        ids = []
        for day in ("2026-06-10", "2026-07-14", "2026-09-03", "2026-11-05"):
            cur = conn.execute("INSERT INTO wajib_lapor(program_id, report_date, officer_id, note, created_at)"
                               " VALUES (?, ?, ?, '', ?)", (prog["id"], day, sari, day + "T09:00:00"))
            ids.append(cur.lastrowid)
        db.audit("uji lapor", "program", prog["id"], created={"wajib_lapor": ids})
    return prog["id"], address


def test_reported_dates_appear_on_their_periods_rows_and_misses_are_marked(db):
    program_id, _address = _client_with_visits(db)
    data, _printed = _cards(db, [program_id])
    [text] = card_texts(data)
    lines = text.splitlines()

    def row(period: str) -> str:
        return next(line for line in lines if re.match(rf"\d+ {period}\b", line))

    assert "10 Juni 2026" in row("Juni 2026")
    assert "14 Juli 2026" in row("Juli 2026")
    assert "Tidak lapor" in row("Agustus 2026") and "2026 " not in row("Agustus 2026").split("Agustus 2026", 1)[1][:3]
    assert "3 September 2026" in row("September 2026")
    assert "Tidak lapor" in row("Oktober 2026")
    assert "5 November 2026" in row("November 2026")
    assert "Lapor diri" not in row("Desember 2026")
    assert "Halaman 1 dari 1" in text


def test_both_codes_decode_to_the_register_number(db, tmp_path):
    import zxingcpp
    from PIL import Image

    program_id, _address = _client_with_visits(db)
    data, _printed = _cards(db, [program_id], card="A4")
    image = Image.open(render_png(data, tmp_path, dpi=200))
    found = {(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)}
    assert ("Code128", "12/PB/2026") in found
    assert ("QRCode", "12/PB/2026") in found


def test_a_300_character_address_wraps_inside_its_field(db):
    program_id, address = _client_with_visits(db)
    page = pdf_pages(_cards(db, [program_id])[0])[0]
    words = [w for w in page["words"] if w["x0"] < page["width"] / 2]  # the left card of the sheet
    colon = next(w for w in words if w["text"] == "Alamat")
    photo_left = min(r["x0"] for r in page["rects"] if abs((r["x1"] - r["x0"]) - 85.04) < 0.5)
    address_words = [w for w in words if colon["top"] - 1 <= w["top"] and w["x0"] > colon["x1"] + 10
                     and w["text"] in address.split()]
    lines = sorted({round(w["top"]) for w in address_words})
    assert len(lines) >= 4
    assert all(w["x1"] <= photo_left - 2 for w in address_words)  # never under the photo box
    printed = " ".join(w["text"] for w in sorted(address_words, key=lambda w: (round(w["top"]), w["x0"])))
    assert printed.startswith(address[:40]) and address.split()[-1] in printed


def test_a_client_with_more_periods_than_fit_gets_a_continuation_card(db):
    from app.operations.clients import create_client

    create_client(db, person(), case(db), program(db, "PB", start_date=date(2021, 1, 4), end_date=date(2027, 12, 1),
                                                  register_number="1/PB/2021"), today=TODAY)
    [prog] = _raw(db, "SELECT id FROM programs")
    pages = pdf_pages(_cards(db, [prog["id"]], card="A4")[0])
    assert len(pages) >= 2
    for n, page in enumerate(pages, 1):
        assert f"Halaman {n} dari {len(pages)}" in page["text"]
    assert "Lanjutan kartu ke-2" in pages[1]["text"]
    text = "\n".join(p["text"] for p in pages)
    months = re.findall(r"^\d+ ((?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November"
                        r"|Desember) \d{4})", text, re.M)
    assert months[0] == "Januari 2021" and months[-1] == "Desember 2027" and len(months) == 84


def test_a_reprinted_card_says_pengganti_and_a_first_print_does_not(db):
    program_id, _ = _client_with_visits(db)
    assert "PENGGANTI" not in pdf_pages(_cards(db, [program_id])[0])[0]["text"]
    assert "PENGGANTI" in pdf_pages(_cards(db, [program_id], replacement=True)[0])[0]["text"]


def test_the_clients_card_carries_no_rahasia_but_a_demo_card_says_data_demo(demo):
    ids = month_batch_ids(demo, Group(), 2026, 11)[:4]
    for page in pdf_pages(_cards(demo, ids, card="A4")[0]):
        assert "RAHASIA" not in page["text"] and "DATA DEMO" in page["text"]


@pytest.mark.parametrize(("card", "paper", "size"), [("A5", "A4", (841.9, 595.3)), ("A5", "F4", (935.4, 609.4)),
                                                     ("A4", "A4", (595.3, 841.9))])
def test_card_sheets_have_their_paper_size(db, card, paper, size):
    program_id, _ = _client_with_visits(db)
    page = pdf_pages(_cards(db, [program_id], card=card, paper=paper)[0])[0]
    assert (round(page["width"], 1), round(page["height"], 1)) == size


def test_qr_modules_match_reportlab_encoder():
    """The cards' QR matrix (app/reports/paper/qr.py) is reportlab's makeImpl(False, 0) for any text."""
    import random
    import string

    from reportlab.graphics.barcode import qrencoder as q

    from app.reports.paper.qr import qr_modules

    rnd = random.Random(7)
    texts = ["-", "33/PB/2021", "0123456789", "abc", "Ünïcode é", "A" * 300]
    for _ in range(150):
        alphabet = rnd.choice([string.digits, string.ascii_uppercase + string.digits + " $%*+-./:", string.printable])
        texts.append("".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 120))))
    for text in texts:
        ref = q.QRCode(None, q.QRErrorCorrectLevel.M)
        ref.addData(text)
        ref.version = ref.calculate_version()
        ref.makeImpl(False, 0)
        assert qr_modules(text) == [[bool(m) for m in row] for row in ref.modules], text


def test_batched_periods_equal_one_program_at_a_time(demo):
    """periods_of reads the periods of many programs together: the same as Queries.reporting_periods each."""
    from app.models.queries import Queries

    q = Queries(demo)
    ids = [r["id"] for r in _raw(demo, "SELECT id FROM programs ORDER BY id")] + [10**9]
    for today in (TODAY, date(2024, 3, 1)):
        many = q.many_reporting_periods(ids, today)
        assert set(many) == set(ids)
        for pid in ids:
            assert many[pid] == (q.reporting_schedule(pid), q.reporting_periods(pid, today)), pid
