"""The guidance card (kartu bimbingan) the client carries, one per client and active guidance program.

A5 portrait: a compact letterhead, "KARTU BIMBINGAN KLIEN PEMASYARAKATAN", the photo
box (3 x 4 cm), the client's particulars, a Code128 barcode (what most USB scanners
read) and a QR code of the register number, then one row per reporting period over
the whole guidance: filled from the visits, missed and excused periods marked, the
current one shaded.  Rows that do not fit continue on the next card.  A batch puts
two A5 cards side by side on an A4 or F4 sheet with cut marks, or one card per A4
page (the A5 layout at 141 %).  The client's own card carries no "RAHASIA".

Drawn with the canvas (no platypus), the QR as one path from app/reports/paper/qr.py; a
batch reads its periods together.  bench/bench_cards.py times 1,000 cards beside the same
text on plain pages: about 1.8 x (the issue's goal is 1.5 x).
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO

from app.models.print_periods import ReportPeriod, periods_of
from app.models.print_queries import iter_program_records
from app.models.storage import Database
from app.reports.paper.base import (
    MM, PAPERS, RED, PaperContext, format_nip, printed_line, string_width, wrap,
)
from app.reports.paper.fonts import COND, COND_BOLD, SANS, SANS_BOLD, register_fonts
from app.reports.paper.qr import qr_modules
from app.reports.paper.registers import CLASS_WORDS, Printed, basis_text, d, name_with_alias, sentence_text

CARD_W, CARD_H = PAPERS["A5"]
M = 8 * MM                      # the card's margin
PHOTO_W, PHOTO_H = 30 * MM, 40 * MM
ROW_H = 11.5
TABLE_COLUMNS = (("No", 14), ("Periode", 58), ("Tanggal lapor", 60), ("Cara", 44), ("Paraf PK", 34),
                 ("Lapor berikutnya", 60), ("Keterangan", 0))  # 0: the rest of the width
STATE_WORDS = {"missed": "Tidak lapor", "excused": "Berhalangan", "current": "Periode sekarang"}
LAYOUTS = ("A5", "A4")   # --card: A5 (two on a sheet) or one A4 card


@dataclass(frozen=True)
class CardJob:
    """What one card shows: the program record, its periods, and which part of them."""

    record: dict[str, Any]
    periods: list[ReportPeriod]
    part: int            # 1-based card of this client
    parts: int
    rows: tuple[int, int]  # period slice [lo, hi)
    replacement: bool


@functools.lru_cache(maxsize=4096)
def _width(text: str, font: str, size: float) -> float:
    """A string's width, remembered: a batch prints the same months and dates thousands of times."""
    return string_width(text, font, size)


DARK_RUN = re.compile(rb"\x01+")


def _qr_path(c: Any, text: str, x: float, y: float, size: float, rows: dict[tuple[int, bytes], str]) -> None:
    """A QR code of ``text`` drawn as one filled path (far quicker than a Drawing of rectangles).
    ``rows``: the path text of a row of modules, kept for one print run (many rows recur)."""
    # One fixed mask instead of scoring all eight: every mask is valid and scanners read
    # them all; the patterns of the version are made once (app/reports/paper/qr.py).
    modules = qr_modules(text)
    n = len(modules)
    quiet = 2
    cell = size / (n + 2 * quiet)
    # In module units (whole numbers) under one transform: the path is short integer text,
    # a rectangle per run of dark modules.
    runs = []
    for row, line in enumerate(modules):
        key = (n + quiet - row - 1, bytes(line))
        found = rows.get(key)
        if found is None:
            found = rows[key] = " ".join(f"{quiet + m.start()} {key[0]} {m.end() - m.start()} 1 re"
                                         for m in DARK_RUN.finditer(key[1]))
        if found:
            runs.append(found)
    c.saveState()
    c.transform(cell, 0, 0, cell, x, y)
    c._code.append(" ".join(runs) + " f")  # noqa: SLF001 - raw path operators, one per run of modules
    c.restoreState()


def _code128_bars(text: str) -> tuple[list[tuple[int, int]], int]:
    """The bars of ``text`` as (left, width) in modules, and the symbol's width: Code128 as reportlab
    encodes it."""
    from reportlab.graphics.barcode.code128 import Code128

    code = Code128(text, barWidth=1.0, humanReadable=False, quiet=False)
    code.validate()
    code.encode()
    bars, left = [], 0
    for ch in code.decompose():
        if "a" <= ch <= "z":
            left += ord(ch) - ord("a") + 1
        elif "A" <= ch <= "Z":
            w = ord(ch) - ord("A") + 1
            bars.append((left, w))
            left += w
    return bars, left


def _barcode(c: Any, text: str, x: float, y: float, width: float, height: float) -> None:
    """A Code128 barcode of ``text``: the operators reportlab's ``Code128(..., quiet=False).drawOn``
    writes (one filled rectangle per bar, the same widths and scale), without building the widget
    twice and calling ``rect`` for every bar."""
    from reportlab.lib.rl_accel import fp_str

    bars, total = _code128_bars(text)
    bar_w = max(0.55, min(1.4, width / max(total, 1)))
    c.saveState()
    c.translate(x, y)
    c._code.extend(f"n {fp_str(left * bar_w, 0, w * bar_w, height)} re f*" for left, w in bars)  # noqa: SLF001
    c.restoreState()


class CardPrinter:
    """Draws cards into one PDF: A5 two to a sheet (A4/F4 landscape) or one per A4 page."""

    def __init__(self, out: BinaryIO, ctx: PaperContext, *, card: str = "A5", paper: str = "A4", title: str):
        from reportlab.pdfgen import canvas

        register_fonts()
        self.ctx = ctx
        self.card = card
        self.paper = paper if card == "A5" else "A4"
        w, h = PAPERS[self.paper]
        self.sheet_w, self.sheet_h = (h, w) if card == "A5" else (w, h)
        self.canvas = canvas.Canvas(out, pagesize=(self.sheet_w, self.sheet_h), pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor("Rekam UPT")
        self.slot = 0
        self.sheets = 0
        self.cards = 0
        self.scale = 1.0 if card == "A5" else PAPERS["A4"][0] / CARD_W
        self._logo = None
        self._static_kop = self._kop_lines()
        self._qr_rows: dict[tuple[int, bytes], str] = {}
        self._wraps: dict[tuple[str, str], list[str]] = {}   # the particulars' values, wrapped
        self._printed = printed_line(ctx)

    # -- sheets --------------------------------------------------------------------------
    def _origin(self) -> tuple[float, float]:
        if self.card == "A4":
            return 0.0, 0.0
        half = self.sheet_w / 2
        return (half - CARD_W) / 2 + self.slot * half, (self.sheet_h - CARD_H) / 2

    def _cut_marks(self) -> None:
        c = self.canvas
        c.saveState()
        c.setStrokeColorRGB(0.45, 0.45, 0.45)
        c.setLineWidth(0.4)
        c.setDash(3, 3)
        c.line(self.sheet_w / 2, 0, self.sheet_w / 2, self.sheet_h)
        c.setDash()
        for slot in (0, 1):
            x0 = (self.sheet_w / 2 - CARD_W) / 2 + slot * self.sheet_w / 2
            y0 = (self.sheet_h - CARD_H) / 2
            for x in (x0, x0 + CARD_W):
                for y in (y0, y0 + CARD_H):
                    dy = -1 if y == y0 else 1
                    dx = -1 if x == x0 else 1
                    if y0 > 6:
                        c.line(x, y + dy * 2, x, y + dy * min(12, y0 - 1))
                    if x0 > 6:
                        c.line(x + dx * 2, y, x + dx * min(12, x0 - 1), y)
        c.restoreState()

    def draw(self, job: CardJob) -> None:
        c = self.canvas
        if self.slot == 0:
            self.sheets += 1
            if self.card == "A5":
                self._cut_marks()
        c.saveState()
        ox, oy = self._origin()
        c.translate(ox, oy)
        if self.scale != 1.0:
            c.scale(self.scale, self.scale)
        self._card(job)
        c.restoreState()
        self.cards += 1
        if self.card == "A4" or self.slot == 1:
            c.showPage()
            self.slot = 0
        else:
            self.slot = 1

    def finish(self) -> int:
        if self.slot == 1:
            self.canvas.showPage()
        if self.sheets == 0:
            self.canvas.setFont(SANS, 10)
            self.canvas.drawCentredString(self.sheet_w / 2, self.sheet_h / 2,
                                          "Tidak ada kartu bimbingan pada pilihan ini.")
            self.canvas.showPage()
            self.sheets = 1
        self.canvas.save()
        return self.sheets

    # -- one card ------------------------------------------------------------------------
    def _kop_lines(self) -> list[tuple[str, str, float]]:
        o = self.ctx.office
        lines = [(line.upper(), SANS_BOLD, 6.3) for line in o.letterhead]
        lines.append(((o.unit_name or "NAMA UPT BELUM DIISI").upper(), SANS_BOLD, 8.2))
        contact = "; ".join(x for x in (o.address, f"Telp. {o.phone}" if o.phone else "") if x)
        if contact:
            lines.append((contact, SANS, 5.6))
        out = []
        avail = CARD_W - 2 * M - (26 if o.logo else 0)
        for text, font, size in lines:
            out += [(part, font, size) for part in wrap(text, font, size, avail)]
        return out

    def _card(self, job: CardJob) -> None:
        c = self.canvas
        r = job.record
        top = CARD_H - M
        # Letterhead, compact.
        x_text = M
        if self.ctx.office.logo:
            try:
                from reportlab.lib.utils import ImageReader

                if self._logo is None:
                    self._logo = ImageReader(io.BytesIO(self.ctx.office.logo))
                iw, ih = self._logo.getSize()
                c.drawImage(self._logo, M, top - 24, 24 * iw / max(ih, 1), 24, mask="auto")
                x_text = M + 26
            except Exception:  # noqa: BLE001 - a damaged logo must not stop the print run
                pass
        centre = (x_text + CARD_W - M) / 2
        y = top
        for text, font, size in self._static_kop:
            y -= size * 1.18
            c.setFont(font, size)
            c.drawCentredString(centre, y, text)
        y = min(y, top - 24) - 3
        c.setLineWidth(1.1)
        c.line(M, y, CARD_W - M, y)
        c.setLineWidth(0.4)
        c.line(M, y - 1.8, CARD_W - M, y - 1.8)
        y -= 13
        c.setFont(SANS_BOLD, 9.6)
        c.drawCentredString(CARD_W / 2, y, "KARTU BIMBINGAN KLIEN PEMASYARAKATAN")
        if job.part > 1:
            y -= 10
            c.setFont(SANS, 7)
            c.drawCentredString(CARD_W / 2, y, f"Lanjutan kartu ke-{job.part} · {r['name']} · {r['register_number']}")
        if job.replacement:
            c.saveState()
            c.setStrokeColorRGB(*RED)
            c.setFillColorRGB(*RED)
            c.setLineWidth(1)
            c.rect(CARD_W - M - 62, y + 10, 62, 13, stroke=1, fill=0)
            c.setFont(SANS_BOLD, 8)
            c.drawCentredString(CARD_W - M - 31, y + 13.5, "PENGGANTI")
            c.restoreState()
        if self.ctx.demo:
            c.setFont(SANS_BOLD, 6.5)
            c.setFillColorRGB(0.55, 0.35, 0)
            c.drawString(M, CARD_H - M + 6, "DATA DEMO — bukan data sebenarnya")
            c.setFillColorRGB(0, 0, 0)
        y -= 6
        if job.part == 1:
            y = self._particulars(job, y)
        self._periods(job, y)
        self._footer(job)

    def _particulars(self, job: CardJob, y: float, draw: bool = True) -> float:
        """The client's particulars, photo box and codes from ``y`` down; returns the y below them.
        ``draw`` False only measures (how many period rows the first card holds)."""
        c = self.canvas
        r = job.record
        right = CARD_W - M
        photo_x = right - PHOTO_W
        qr_size = 54
        if draw:
            c.setLineWidth(0.5)
            c.rect(photo_x, y - PHOTO_H, PHOTO_W, PHOTO_H, stroke=1, fill=0)
            c.setFont(SANS, 6)
            c.drawCentredString(photo_x + PHOTO_W / 2, y - PHOTO_H / 2, "Pas foto 3 × 4")
            _qr_path(c, r["register_number"] or "-", photo_x + (PHOTO_W - qr_size) / 2, y - PHOTO_H - 4 - qr_size,
                     qr_size, self._qr_rows)
        guarantor = ", ".join(x for x in (
            r["guarantor"] + (f" ({r['guarantor_relation']})" if r["guarantor_relation"] else ""),
            r["guarantor_address"], f"Telp. {r['guarantor_phone']}" if r["guarantor_phone"] else "") if x) or "-"
        officer = r["officer_name"] or "-"
        if r["officer_nip"]:
            officer += f", NIP {format_nip(r['officer_nip'])}"
        if r["officer_phone"]:
            officer += f", Telp. {r['officer_phone']}"
        offence = "; ".join(x for x in (r["offence_name"], r["articles"]) if x) or "-"
        fields = (
            ("Nomor register", r["register_number"] or "-"),
            ("Nama", name_with_alias(r["name"], r["alias"])),
            ("Tempat, tgl. lahir", ", ".join(x for x in (r["birth_place"], d(r["birth_date"])) if x)),
            ("Alamat", r["address"] or "-"),
            ("Program", f"{r['kind_code']} – {r['kind_name']} ({CLASS_WORDS.get(r['client_class'], '')})"),
            ("Dasar hukum", basis_text(self.ctx, r)),
            ("Tindak pidana", offence),
            ("Pidana", sentence_text(r["sentence_list"], r["sentence_kind"])),
            ("Masa bimbingan", f"{d(r['start_date'])} s.d. {d(r['end_date'])}"),
            ("Penjamin", guarantor),
            ("PK", officer),
            ("Wajib lapor", "Sekali sebulan, pada bulan berjalan (bulan yang terlewat tidak dapat disusulkan)"),
        )
        label_w = 62
        value_x = M + label_w + 6
        value_w = photo_x - 6 - value_x
        size, leading = 6.9, 8.3
        yy = y
        cache = job.record.setdefault("_wrapped", {})
        for label, value in fields:
            font = COND_BOLD if label in ("Nomor register", "Nama") else COND
            lines = cache.get(label)
            if lines is None:
                key = (value, font)
                lines = self._wraps.get(key)
                if lines is None:  # the same values (program, basis, the reporting rule) recur card after card
                    if len(self._wraps) > 4096:  # names and addresses do not: keep the memory small
                        self._wraps.clear()
                    lines = self._wraps[key] = wrap(value, font, size, value_w)
                cache[label] = lines
            yy -= leading
            if draw:
                c.setFont(COND, size)
                c.drawString(M, yy, label)
                c.drawString(M + label_w, yy, ":")
                c.setFont(font, size)
                c.drawString(value_x, yy, lines[0])
            for line in lines[1:]:
                yy -= leading
                if draw:
                    c.drawString(value_x, yy, line)
        yy -= 4
        if draw:
            _barcode(c, r["register_number"] or "-", M, yy - 26, photo_x - 10 - M, 24)
            c.setFont(COND, 6)
            c.drawString(M, yy - 33, f"Nomor register: {r['register_number']}")
        return min(yy - 38, y - PHOTO_H - 8 - qr_size)

    # The card's fixed parts, measured once: where the particulars start, where the rows end.
    HEAD_H = 15          # the period table's header row
    NOTE_H = 12          # the line under the last card's table
    FOOTER_Y = M + 4

    def _body_top(self, continuation: bool) -> float:
        """y under the letterhead and title (the same on every card of a run)."""
        kop = sum(size * 1.18 for _t, _f, size in self._static_kop)
        y = min(CARD_H - M - kop, CARD_H - M - 24) - 3 - 13
        if continuation:
            y -= 10
        return y - 6

    def rows_fitting(self, top: float) -> int:
        return max(1, int((top - self.HEAD_H - self.NOTE_H - self.FOOTER_Y) // ROW_H))

    def jobs(self, record: dict[str, Any], periods: list[ReportPeriod], replacement: bool) -> Iterator[CardJob]:
        """The cards of one client's program: the first with the particulars, then continuations."""
        probe = CardJob(record, periods, 1, 1, (0, 0), replacement)
        first = self.rows_fitting(self._particulars(probe, self._body_top(False), draw=False))
        more = self.rows_fitting(self._body_top(True))
        n = len(periods)
        rest = max(0, n - first)
        parts = 1 + (rest + more - 1) // more
        yield CardJob(record, periods, 1, parts, (0, min(n, first)), replacement)
        lo = first
        for part in range(2, parts + 1):
            hi = min(n, lo + more)
            yield CardJob(record, periods, part, parts, (lo, hi), replacement)
            lo = hi

    def _widths(self) -> list[float]:
        fixed = sum(w for _t, w in TABLE_COLUMNS)
        return [w or (CARD_W - 2 * M - fixed) for _t, w in TABLE_COLUMNS]

    def _periods(self, job: CardJob, y: float) -> None:
        c = self.canvas
        widths = self._widths()
        xs = [M]
        for w in widths[:-1]:
            xs.append(xs[-1] + w)
        head_h = 15
        c.setFillColorRGB(0.92, 0.92, 0.92)
        c.rect(M, y - head_h, CARD_W - 2 * M, head_h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont(COND_BOLD, 6.3)
        for (title, _w), x, w in zip(TABLE_COLUMNS, xs, widths):
            c.drawCentredString(x + w / 2, y - 9.5, title)
        top = y
        y -= head_h
        lo, hi = job.rows
        size = 6.5
        for p in job.periods[lo:hi]:
            if p.current:
                c.setFillColorRGB(1, 0.95, 0.75)
                c.rect(M, y - ROW_H, CARD_W - 2 * M, ROW_H, stroke=0, fill=1)
                c.setFillColorRGB(0, 0, 0)
            base = y - ROW_H + 3.4
            font = COND_BOLD if p.current else COND

            def cell(i: int, text: str, right: bool = False, font: str = font, base: float = base) -> None:
                # A cell's text never runs into the next: a long one is set smaller, then cut.
                if not text:
                    return
                room = widths[i] - 4
                fit = size
                if _width(text, font, fit) > room:
                    while fit > 5.2 and _width(text, font, fit) > room:
                        fit -= 0.3
                    text = wrap(text, font, fit, room)[0]
                    c.setFont(font, fit)
                else:
                    c.setFont(font, fit)
                if right:
                    c.drawRightString(xs[i] + widths[i] - 2, base, text)
                else:
                    c.drawString(xs[i] + 2, base, text)

            cell(0, str(p.number), right=True)
            cell(1, p.label)
            cell(2, d(p.visit_date) if p.visit_date else "")
            cell(3, p.contact)
            cell(5, d(p.next_due) if p.next_due and p.state != "future" else "")
            if p.state == "missed":
                c.setFillColorRGB(*RED)
            cell(6, p.remark or STATE_WORDS.get(p.state, ""))
            c.setFillColorRGB(0, 0, 0)
            y -= ROW_H
        rows_bottom = y
        c.setLineWidth(0.4)
        # The whole grid as one path (one drawing operator instead of one per rule).
        ys = [top, top - head_h] + [top - head_h - ROW_H * k for k in range(1, hi - lo + 1)]
        c.grid([*xs, CARD_W - M], ys)
        if job.part == job.parts:
            c.setFont(COND, 5.8)
            c.drawString(M, rows_bottom - 8, "Kartu ini dibawa setiap kali melapor. Kehilangan kartu segera "
                                             "dilaporkan kepada PK.")

    def _footer(self, job: CardJob) -> None:
        c = self.canvas
        c.setFont(SANS, 5.6)
        c.setFillColorRGB(0.2, 0.2, 0.2)
        c.drawString(M, M - 10, self._printed + (" · kartu pengganti" if job.replacement else ""))
        c.drawRightString(CARD_W - M, M - 10, f"Halaman {job.part} dari {job.parts}")
        c.setFillColorRGB(0, 0, 0)
        if self.ctx.demo:
            c.saveState()
            c.setFillColorRGB(0.75, 0.45, 0.1)
            c.setFillAlpha(0.16)
            c.setFont(SANS_BOLD, 64)
            c.translate(CARD_W / 2, CARD_H / 2)
            c.rotate(40)
            c.drawCentredString(0, -20, "DATA DEMO")
            c.restoreState()


def guidance_cards(out: BinaryIO, db: Database, ctx: PaperContext, *, program_ids: list[int],
                   card: str = "A5", paper: str | None = None, replacement: bool = False,
                   title: str = "Kartu Bimbingan", progress: Callable[..., None] | None = None) -> Printed:
    """The cards of these programs, in the order given (register order from the queries)."""
    import json

    paper = (paper or ctx.paper or "A4").upper()
    printer = CardPrinter(out, ctx, card=card, paper=paper, title=title)
    printed = Printed("kartu-bimbingan", title, paper=printer.paper, landscape=card == "A5")
    total = len(program_ids)
    done = 0
    chunk: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal done
        periods = periods_of(db, chunk, ctx.printed_on)
        for record in chunk:
            for job in printer.jobs(record, periods[record["program_id"]], replacement):
                printer.draw(job)
            printed.person_ids.add(record["person_id"])
            printed.program_ids.append(record["program_id"])
            done += 1
            if progress is not None and done % 50 == 0:
                progress(done, total, "Menyusun kartu bimbingan")
        chunk.clear()

    for record in iter_program_records(db, program_ids):
        record["sentence_list"] = json.loads(record["sentences"] or "[]")
        chunk.append(record)
        if len(chunk) >= 500:
            flush()
    flush()
    if progress is not None:
        progress(total, total, "Menyusun kartu bimbingan")
    printed.pages = printer.finish()
    printed.rows = printer.cards
    printed.extra["card_program_ids"] = list(printed.program_ids)
    printed.extra["replacement"] = replacement
    printed.extra["audit"] = {"cards_drawn": printer.cards, "card": card}
    return printed


def month_batch_ids(db: Database, group: Any, year: int, month: int, *, only_new: bool = False) -> list[int]:
    """The month's cards: guidance programs of the group active in the month (print_queries.month_guidance_ids);
    ``only_new``: of those, the ones starting in the month or never printed.  Register order."""
    import calendar as _cal

    from app.models.print_queries import month_guidance_ids

    first = date(year, month, 1)
    last = date(year, month, _cal.monthrange(year, month)[1])
    ids = month_guidance_ids(db, group, first, last)
    if only_new:
        ids = [r["program_id"] for r in iter_program_records(db, ids)
               if first.isoformat() <= (r["start_date"] or "") <= last.isoformat() or not r["card_print_count"]]
    return ids
