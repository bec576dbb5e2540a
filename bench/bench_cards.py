"""Times guidance cards beside reportlab drawing the same text on plain pages, in the same run.

Not a test (timings are noisy); run it by hand:

    .venv/bin/python bench/bench_cards.py [--cards 1000] [--batch-clients 100000] [--repeat 3]

1. 1,000 cards from a demo file (A5, two to an A4 sheet), end to end: reading the
   records and their periods, drawing, the codes, writing the PDF.  Baseline: the very
   strings those cards print (recorded once, not timed), drawn with ``drawString`` in the
   same embedded font on plain pages, one page per card, nothing else.  Goal: within 1.5x.
2. The monthly batch of a 100,000-client demo (every guidance program active in the
   month): its time and its file size.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSWORD = "bench-kartu-123"
TODAY = date(2026, 11, 22)


def open_demo(folder: Path, clients: int):
    from app.models.storage import Database
    from app.operations.auth import login
    from app.operations.demo import generate_demo

    path = folder / f"demo-{clients}.sqlite3"
    started = time.perf_counter()
    generate_demo(path, clients=clients, seed=1, today=TODAY, password=PASSWORD)
    made = time.perf_counter() - started
    db = Database.open(path)
    login(db, PASSWORD)
    return db, made


def recorded_strings(db, ids):
    """Every (font, size, text) the cards draw, in order, grouped per card (untimed)."""
    from reportlab.pdfgen.canvas import Canvas

    from app.reports.paper import cards
    from app.reports.paper.base import paper_context

    pages: list[list[tuple[str, float, str]]] = [[]]
    original = {name: getattr(Canvas, name) for name in ("drawString", "drawCentredString", "drawRightString",
                                                          "setFont", "showPage")}
    state = {"font": ("RekamSans", 10.0)}

    def set_font(self, name, size, *a, **k):
        state["font"] = (name, size)
        return original["setFont"](self, name, size, *a, **k)

    def draw(kind):
        def fn(self, x, y, text, *a, **k):
            pages[-1].append((*state["font"], text))
            return original[kind](self, x, y, text, *a, **k)
        return fn

    def show(self, *a, **k):
        pages.append([])
        return original["showPage"](self, *a, **k)

    try:
        Canvas.setFont = set_font
        for kind in ("drawString", "drawCentredString", "drawRightString"):
            setattr(Canvas, kind, draw(kind))
        Canvas.showPage = show
        cards.guidance_cards(io.BytesIO(), db, paper_context(db, now=datetime(2026, 11, 22, 9, 0)), program_ids=ids,
                             card="A4")
    finally:
        for name, fn in original.items():
            setattr(Canvas, name, fn)
    return [p for p in pages if p]


def baseline(pages) -> tuple[float, int]:
    from reportlab.pdfgen import canvas

    from app.reports.paper.base import PAPERS
    from app.reports.paper.fonts import register_fonts

    register_fonts()
    started = time.perf_counter()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=PAPERS["A4"], pageCompression=1)
    for page in pages:
        y = 800.0
        for font, size, text in page:
            c.setFont(font, size)
            c.drawString(40, y, text)
            y = y - 9 if y > 60 else 800.0
        c.showPage()
    c.save()
    return time.perf_counter() - started, len(buf.getvalue())


def cards_run(db, ids, card: str = "A5", paper: str = "A4") -> tuple[float, int, int]:
    from app.reports.paper.base import paper_context
    from app.reports.paper.cards import guidance_cards

    started = time.perf_counter()
    buf = io.BytesIO()
    printed = guidance_cards(buf, db, paper_context(db, now=datetime(2026, 11, 22, 9, 0)), program_ids=ids,
                             card=card, paper=paper)
    return time.perf_counter() - started, len(buf.getvalue()), printed.pages


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--batch-clients", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("REKAM_UPT_DATA_DIR", tempfile.mkdtemp(prefix="bench-kartu-"))
    from app.models.print_queries import Group
    from app.reports.paper.cards import month_batch_ids

    with tempfile.TemporaryDirectory() as folder:
        db, _made = open_demo(Path(folder), max(3000, args.cards * 3))
        ids = month_batch_ids(db, Group(), 2026, 11)[:args.cards]
        pages = recorded_strings(db, ids)
        ours, plain = [], []
        for _ in range(args.repeat):
            t_base, size_base = baseline(pages)
            t_cards, size_cards, sheets = cards_run(db, ids, card="A4")
            plain.append(t_base)
            ours.append(t_cards)
        m_ours, m_plain = statistics.median(ours), statistics.median(plain)
        print(f"{len(ids)} cards (A4, one a page: {sheets} pages, {sum(len(p) for p in pages)} strings)")
        print(f"  baseline, same strings on plain pages: {m_plain:.2f} s, {size_base / 1e6:.1f} MB")
        print(f"  Rekam UPT cards (records, periods, codes, grid): {m_ours:.2f} s, {size_cards / 1e6:.1f} MB"
              f"  -> {m_ours / m_plain:.2f}x (goal <= 1.5x)")
        t5, size5, sheets5 = cards_run(db, ids, card="A5", paper="A4")
        print(f"  the same as A5, two to an A4 sheet: {t5:.2f} s, {sheets5} sheets, {size5 / 1e6:.1f} MB")
        db.close()
        if args.batch_clients:
            big, made = open_demo(Path(folder), args.batch_clients)
            started = time.perf_counter()
            batch = month_batch_ids(big, Group(), 2026, 11)
            selected = time.perf_counter() - started
            t_batch, size_batch, sheets_batch = cards_run(big, batch, card="A5", paper="F4")
            print(f"monthly batch of the {args.batch_clients:,}-client demo (made in {made:.0f} s):"
                  f" {len(batch):,} cards selected in {selected:.2f} s, drawn in {t_batch:.1f} s,"
                  f" {sheets_batch:,} F4 sheets, {size_batch / 1e6:.0f} MB")
            big.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
