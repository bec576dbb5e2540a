"""The registers as printed: rows equal to the records computed here, pages numbered, paper sizes,
cells that wrap, the klaper's strike-through, DATA DEMO on a demo file."""

from __future__ import annotations

import io
import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from app.models.print_queries import Group, Period
from app.reports.paper.base import paper_context
from app.reports.paper.registers import klaper, register_b, register_pembimbingan
from conftest import TODAY
from factories import case, kind_id, officer, person, program
from paper_kit import NOW, REGISTER_RE, cell_around, demo_db, pdf_pages


def _raw(db, sql, params=()):
    conn = sqlite3.connect(db.path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def _print(fn, db, **kw) -> bytes:
    buf = io.BytesIO()
    ctx = paper_context(db, now=NOW)
    fn(buf, db, ctx, **kw)
    return buf.getvalue()


def _register_numbers(pages) -> list[str]:
    return [m for p in pages for m in REGISTER_RE.findall(p["text"])]


@pytest.fixture
def demo(tmp_path):
    db = demo_db(tmp_path, clients=300)
    yield db
    db.close()


def test_register_rows_equal_the_program_records_of_the_group_and_year(demo):
    pb = kind_id(demo, "PB")
    expected = [r["register_number"] for r in sorted(_raw(demo, """
        SELECT p.register_number, p.register_year, p.register_seq FROM programs p
          JOIN persons s ON s.id = p.person_id JOIN cases c ON c.id = p.case_id
         WHERE p.kind_id = ? AND p.deleted_at IS NULL AND s.deleted_at IS NULL AND c.deleted_at IS NULL
           AND p.start_date >= '2026-01-01' AND p.start_date <= '2026-12-31'""", (pb,)),
        key=lambda r: (r["register_year"], r["register_seq"], r["register_number"]))]
    assert len(expected) > 5
    pages = pdf_pages(_print(register_pembimbingan, demo, group=Group(kind_id=pb), period=Period.year(2026)))
    assert _register_numbers(pages) == expected


def test_the_whole_register_has_one_section_per_program_in_register_order(demo):
    rows = _raw(demo, """
        SELECT p.register_number, p.register_year, p.register_seq, k.position, k.code, k.name FROM programs p
          JOIN persons s ON s.id = p.person_id JOIN cases c ON c.id = p.case_id
          JOIN program_kinds k ON k.id = p.kind_id
         WHERE p.deleted_at IS NULL AND s.deleted_at IS NULL AND c.deleted_at IS NULL
           AND p.start_date BETWEEN '2026-11-01' AND '2026-11-30'""")
    rows.sort(key=lambda r: (r["position"], r["register_year"], r["register_seq"], r["register_number"]))
    pages = pdf_pages(_print(register_pembimbingan, demo, period=Period.month(2026, 11)))
    assert _register_numbers(pages) == [r["register_number"] for r in rows]
    text = "\n".join(p["text"] for p in pages)
    for code, name in {(r["code"], r["name"]) for r in rows}:
        assert f"{code} – {name}\n" in text  # the section's own line


def test_halaman_x_dari_y_is_right_on_every_page_and_rahasia_on_each(demo):
    pages = pdf_pages(_print(register_pembimbingan, demo))
    assert len(pages) > 3
    for n, page in enumerate(pages, 1):
        assert f"Halaman {n} dari {len(pages)}" in page["text"]
        assert page["text"].count("RAHASIA") == 2  # top and foot of the page
        assert "Dicetak 22 November 2026 pukul 09.30" in page["text"]


def test_every_page_of_a_demo_file_says_data_demo(demo):
    for fn in (register_pembimbingan, klaper):
        for page in pdf_pages(_print(fn, demo)):
            assert "DATA DEMO" in page["text"]


def test_a_real_file_never_says_data_demo(db):
    pages = pdf_pages(_print(register_pembimbingan, db))
    assert pages and all("DATA DEMO" not in p["text"] for p in pages)
    assert "Tidak ada data program" in pages[0]["text"]


@pytest.mark.parametrize(("paper", "size"), [("F4", (609.4, 935.4)), ("A4", (595.3, 841.9))])
def test_paper_sizes_portrait_and_landscape(demo, paper, size):
    portrait = pdf_pages(_print(klaper, demo, paper=paper))[0]
    assert (round(portrait["width"], 1), round(portrait["height"], 1)) == size
    landscape = pdf_pages(_print(register_pembimbingan, demo, paper=paper))[0]
    assert (round(landscape["width"], 1), round(landscape["height"], 1)) == size[::-1]


def test_a_120_character_name_wraps_inside_its_cell(db):
    sari = officer(db)
    long_name = ("Raden Mas Muhammad Abdurrahman Hadiningrat Kusumawardhana Prawirodirdjo bin Haji Ahmad "
                 "Sastrowardoyo Mangkunegoro, S.Pd.")
    assert len(long_name) == 120
    from app.operations.clients import create_client
    create_client(db, person(name=long_name), case(db), program(db, "PB", officer_id=sari,
                  start_date=date(2026, 1, 5)), today=TODAY)
    page = pdf_pages(_print(register_pembimbingan, db))[0]
    words = [w for w in page["words"] if w["text"] in long_name.split()]
    first = next(w for w in words if w["text"] == "Raden")
    left, right = cell_around(page, first["x0"] + 0.5)
    name_words = [w for w in words if left <= w["x0"] < right]
    assert {w["text"] for w in name_words} == set(long_name.split())  # every word printed in that cell
    assert all(left < w["x0"] and w["x1"] < right for w in name_words)
    assert len({round(w["top"]) for w in name_words}) >= 3  # wrapped onto several lines
    # The row's next cell (Dewasa/Anak) starts after the name cell: nothing overlaps it.
    adult = next(w for w in page["words"] if w["text"] == "Dewasa" and w["top"] > first["top"] - 2)
    assert adult["x0"] >= right


def test_the_klaper_strikes_through_in_red_those_no_longer_under_guidance(db):
    from app.models.domain import StatusChange
    from app.operations.clients import change_program_status, create_client

    sari = officer(db)
    people = {"Agus Salim": "3522011505900001", "Bambang Irawan": "3522011505900002",
              "Cahyo Nugroho": "3522011505900003", "Dedi Kurnia": "3522011505900004"}
    ids = {}
    for name, nik in people.items():
        result = create_client(db, person(name=name, nik=nik), case(db),
                               program(db, "PB", officer_id=sari, start_date=date(2026, 1, 5)), today=TODAY)
        ids[name] = result.id
    programs = {r["person_id"]: r["id"] for r in _raw(db, "SELECT id, person_id FROM programs")}
    change_program_status(db, programs[ids["Bambang Irawan"]], StatusChange(
        "meninggal", date(2026, 6, 2), "W15.PAS-12", "Meninggal dunia karena sakit"), today=TODAY)
    # Guidance ended by its date (status still aktif): struck as "habis masa bimbingan".
    from app.operations.clients import program_input, update_program
    ended = replace(program_input(db, programs[ids["Dedi Kurnia"]]), end_date=date(2026, 10, 31))
    update_program(db, programs[ids["Dedi Kurnia"]], ended, today=TODAY)
    page = pdf_pages(_print(klaper, db))[0]
    red = [ln for ln in page["lines"]
           if tuple(round(c, 2) for c in (ln.get("stroking_color") or ())) == (0.8, 0.05, 0.05)]
    struck_words = {w["text"] for w in page["words"]
                    if any(ln["x0"] <= w["x0"] and w["x1"] <= ln["x1"] + 0.1 and w["top"] < page["height"] - ln["y0"]
                           < w["bottom"] for ln in red)}
    assert {"Bambang", "Irawan", "Dedi", "Kurnia"} <= struck_words
    assert not {"Agus", "Salim", "Cahyo", "Nugroho"} & struck_words
    remarks = " ".join(w["text"] for w in page["words"] if w["x0"] > page["width"] * 0.7)
    assert "Meninggal dunia, 2 Juni 2026" in remarks
    assert "Habis masa bimbingan, 31 Oktober 2026" in remarks
    names = [w["text"] for w in page["words"] if w["text"] in {"Agus", "Bambang", "Cahyo", "Dedi"}]
    assert names == ["Agus", "Bambang", "Cahyo", "Dedi"]  # alphabetical, as the window sorts


def test_the_b_register_lists_serving_convicts_by_class_with_their_dates(tmp_path):
    db = demo_db(tmp_path, clients=200, unit_kind="lapas")
    try:
        expected = _raw(db, """SELECT c.id, c.register_class, s.name, c.expiry FROM cases c
                                 JOIN persons s ON s.id = c.person_id
                                WHERE c.deleted_at IS NULL AND s.deleted_at IS NULL
                                  AND c.register_class LIKE 'B.%' AND (c.expiry IS NULL OR c.expiry >= ?)""",
                        (TODAY.isoformat(),))
        pages = pdf_pages(_print(register_b, db))
        text = "\n".join(p["text"] for p in pages)
        by_class = {k: sum(1 for r in expected if r["register_class"] == k) for k in ("B.I", "B.IIa", "B.IIb", "B.III")}
        assert "Jumlah: " + ", ".join(f"{k} {v}" for k, v in by_class.items()) \
            + f"; seluruhnya {len(expected)} orang." in text.replace("\n", " ")
        assert text.index("B.I — pidana penjara") < text.index("B.IIa —")
    finally:
        db.close()
