"""What every print-out shares: paper, the letterhead (kop), page furniture, signatures, tables.

``PaperDoc`` wraps one reportlab canvas.  Each page gets its furniture when it starts
(``RAHASIA`` on documents with personal data, a ``DATA DEMO`` band and watermark when
the file is a demo) and its footer when it ends (the print date, ``Halaman x dari y``).
The total page count is not known while drawing, so each page places a form
("the total") that is defined once the last page is done: one pass, constant memory,
even for a 5,000-page register.

``Table`` draws rows whose cells wrap inside their column (long names, addresses and
articles never overflow or overlap); the header row repeats on every page, and a row
can be struck through (klaper).  Everything is drawn with the canvas, not platypus:
the same text costs about half the time (performance.md).
"""

from __future__ import annotations

import base64
import binascii
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, BinaryIO

from app.models.dates import format_date_id
from app.reports.paper.fonts import COND, COND_BOLD, SANS, SANS_BOLD, register_fonts

MM = 72 / 25.4
# Portrait (width, height) in points.  F4 is 215 x 330 mm (domain.md): 609.4 x 935.4 pt.
PAPERS: dict[str, tuple[float, float]] = {
    "A4": (210 * MM, 297 * MM),
    "F4": (215 * MM, 330 * MM),
    "A5": (148 * MM, 210 * MM),
}
PAPER_NAMES = tuple(PAPERS)
RED = (0.8, 0.05, 0.05)
GREY = (0.93, 0.93, 0.93)

Progress = Callable[..., None]


# -- what the paper says about the office ------------------------------------------------

# The kinds of legal basis a program rests on (settings "paper.basis_kinds" may rename or add).
DEFAULT_BASIS_KINDS: tuple[tuple[str, str], ...] = (
    ("putusan", "Putusan Pengadilan"),
    ("penetapan", "Penetapan Pengadilan"),
    ("sk_menteri", "SK Menteri"),
    ("sk_dirjenpas", "SK Dirjenpas a.n. Menteri"),
    ("sk_kalapas", "SK Kepala Lapas/Rutan"),
    ("sk_kabapas", "SK Kepala Bapas"),
)
# Corrections moved to the Kementerian Imigrasi dan Pemasyarakatan in 2024 (older letters
# say Kementerian Hukum dan HAM): the lines are settings, these are only the first default.
DEFAULT_LETTERHEAD: tuple[str, ...] = (
    "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA",
    "DIREKTORAT JENDERAL PEMASYARAKATAN",
)


@dataclass(frozen=True)
class Office:
    """The unit as its papers show it (settings "office" and "paper")."""

    unit_name: str = ""
    unit_kind: str = "bapas"
    letterhead: tuple[str, ...] = DEFAULT_LETTERHEAD
    address: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    logo: bytes | None = None
    head_name: str = ""
    head_nip: str = ""
    head_rank: str = ""
    head_title: str = ""
    operator_name: str = ""

    @property
    def head_position(self) -> str:
        """"Kepala Bapas Kelas II Bojonegoro": the position that signs (a setting may word it)."""
        if self.head_title:
            return self.head_title
        return f"Kepala {self.unit_name}" if self.unit_name else "Kepala Kantor"


@dataclass(frozen=True)
class PaperContext:
    """Everything a print-out needs besides its own rows."""

    office: Office = field(default_factory=Office)
    demo: bool = False
    printed_at: datetime = field(default_factory=datetime.now)
    paper: str = "A4"
    basis_kinds: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_BASIS_KINDS))

    @property
    def printed_on(self) -> date:
        return self.printed_at.date()

    def basis_label(self, code: str | None) -> str:
        if not code:
            return ""
        return self.basis_kinds.get(code, code)


def logo_bytes(uri: str | None) -> bytes | None:
    """The stored logo (a data URI, settings_dialog.logo_data_uri) as image bytes, or None."""
    if not uri or not uri.startswith("data:") or "," not in uri:
        return None
    try:
        return base64.b64decode(uri.split(",", 1)[1], validate=False) or None
    except (ValueError, binascii.Error):
        return None


def paper_settings(db: Any) -> dict[str, Any]:
    """The settings row "paper" with its defaults (letterhead lines, contact, head's rank, kinds)."""
    stored = db.get_setting("paper") or {}
    stored = stored if isinstance(stored, dict) else {}
    return {
        "letterhead": list(DEFAULT_LETTERHEAD), "phone": "", "email": "", "head_rank": "", "head_title": "",
        "basis_kinds": [list(k) for k in DEFAULT_BASIS_KINDS], **stored,
    }


def paper_context(db: Any, *, now: datetime | None = None, paper: str | None = None) -> PaperContext:
    """Read the office's settings once for a print run (on the print run's own connection)."""
    office = db.get_setting("office") or {}
    office = office if isinstance(office, dict) else {}
    extra = paper_settings(db)
    prefs = db.get_setting("preferences") or {}
    kinds = {str(k): str(v) for k, v in (extra.get("basis_kinds") or []) if k}
    return PaperContext(
        office=Office(
            unit_name=str(office.get("unit_name") or ""), unit_kind=str(office.get("unit_kind") or "bapas"),
            letterhead=tuple(str(line) for line in extra.get("letterhead") or () if str(line).strip()),
            address=str(office.get("address") or ""), city=str(office.get("city") or ""),
            phone=str(extra.get("phone") or ""), email=str(extra.get("email") or ""),
            logo=logo_bytes(office.get("logo")), head_name=str(office.get("head_name") or ""),
            head_nip=str(office.get("head_nip") or ""), head_rank=str(extra.get("head_rank") or ""),
            head_title=str(extra.get("head_title") or ""), operator_name=str(office.get("operator_name") or "")),
        demo=bool(db.get_setting("demo")),
        printed_at=now or datetime.now(),
        paper=paper or str((prefs if isinstance(prefs, dict) else {}).get("paper") or "A4"),
        basis_kinds=kinds or dict(DEFAULT_BASIS_KINDS),
    )


def format_nip(nip: str | None) -> str:
    """An 18-digit NIP as printed: ``19700101 199303 1 001`` (birth, appointment, sex, serial)."""
    digits = "".join(ch for ch in str(nip or "") if ch.isdigit())
    if len(digits) == 18:
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return str(nip or "")


def printed_line(ctx: PaperContext) -> str:
    at = ctx.printed_at
    return f"Dicetak {format_date_id(at.date())} pukul {at.hour:02d}.{at.minute:02d}"


# -- text --------------------------------------------------------------------------------

def string_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def wrap(text: Any, font: str, size: float, width: float) -> list[str]:
    """``text`` as lines no wider than ``width``: broken at spaces, a word longer than the
    line broken between its characters.  Explicit line breaks are kept; never an empty list."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = max(width, size)  # at least one character per line
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    for paragraph in str(text if text is not None else "").split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line, line_w = "", 0.0
        for word in words:
            w = stringWidth(word, font, size)
            if line and line_w + space + w <= width:
                line, line_w = f"{line} {word}", line_w + space + w
                continue
            if line:
                lines.append(line)
            while w > width:
                # The longest prefix that fits (at least one character).
                lo, hi = 1, len(word)
                while lo < hi:
                    mid = (lo + hi + 1) // 2
                    if stringWidth(word[:mid], font, size) <= width:
                        lo = mid
                    else:
                        hi = mid - 1
                lines.append(word[:lo])
                word = word[lo:]
                w = stringWidth(word, font, size)
            line, line_w = word, w
        lines.append(line)
    return lines or [""]


# -- signatures --------------------------------------------------------------------------

SIGNER_MODES = ("head", "an", "plh", "plt")


@dataclass(frozen=True)
class Signer:
    """Who signs, chosen at print time: the head of office, or another officer a.n. / Plh. / Plt.

    ``position`` is the signing officer's own position (only a.n. prints it: "a.n. Kepala
    Bapas ..., Kepala Seksi Bimbingan Klien,").  For the head, empty fields are filled from
    the office's settings.
    """

    mode: str = "head"
    name: str = ""
    rank: str = ""
    nip: str = ""
    position: str = ""

    def resolved(self, office: Office) -> Signer:
        if self.mode == "head":
            return Signer("head", self.name or office.head_name, self.rank or office.head_rank,
                          self.nip or office.head_nip, "")
        return self

    def heading(self, office: Office) -> list[str]:
        head = office.head_position
        if self.mode == "an":
            return [f"a.n. {head}", f"{self.position or 'Pejabat yang ditunjuk'},"]
        if self.mode == "plh":
            return [f"Plh. {head},"]
        if self.mode == "plt":
            return [f"Plt. {head},"]
        return [f"{head},"]


@dataclass(frozen=True)
class Preparer:
    """Who prepared a register or list (beside "Mengetahui, Kepala ..."): the operator by default."""

    name: str = ""
    position: str = "Petugas Register"
    nip: str = ""
    rank: str = ""


@dataclass(frozen=True)
class SignatureBlock:
    heading: tuple[str, ...]
    name: str
    rank: str = ""
    nip: str = ""


def signer_block(signer: Signer, office: Office, *, prefix: str = "") -> SignatureBlock:
    s = signer.resolved(office)
    heading = s.heading(office)
    if prefix:
        heading = [prefix, *heading]
    return SignatureBlock(tuple(heading), s.name or "(..............................)", s.rank, s.nip)


def preparer_block(preparer: Preparer, office: Office) -> SignatureBlock:
    name = preparer.name or office.operator_name or "(..............................)"
    return SignatureBlock(("Yang membuat,", f"{preparer.position},"), name, preparer.rank, preparer.nip)


# -- the document -----------------------------------------------------------------------

class PaperDoc:
    """One PDF being drawn: pages with furniture, a cursor ``y`` running down the page."""

    TOTAL_FORM = "rekam_page_total"

    def __init__(self, out: BinaryIO | str, ctx: PaperContext, *, title: str, paper: str | None = None,
                 landscape: bool = False, privacy: str | None = "rahasia", numbering: str = "document",
                 margins: tuple[float, float, float, float] = (18 * MM, 15 * MM, 15 * MM, 15 * MM),
                 author: str = "Rekam UPT"):
        """``privacy``: "rahasia" (registers and lists with personal data), None (the client's own
        card; letters carry their "Sifat:" line in the text).  ``numbering``: "document"
        (Halaman x dari y over the file) or "none" (the caller prints its own, e.g. per card)."""
        from reportlab.pdfgen import canvas

        register_fonts()
        self.ctx = ctx
        self.title = title
        self.paper = (paper or ctx.paper or "A4").upper()
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper {paper!r}")
        w, h = PAPERS[self.paper]
        self.page_w, self.page_h = (h, w) if landscape else (w, h)
        self.landscape = landscape
        self.privacy = privacy
        self.numbering = numbering
        self.left, self.right_margin, self.top_margin, self.bottom_margin = margins
        self.right = self.page_w - self.right_margin
        self.top = self.page_h - self.top_margin
        self.bottom = self.bottom_margin + 14  # the footer's line
        self.width = self.right - self.left
        self.canvas = canvas.Canvas(out, pagesize=(self.page_w, self.page_h), pageCompression=1,
                                    invariant=0, initialFontName=SANS, initialFontSize=10)
        self.canvas.setTitle(title)
        self.canvas.setAuthor(author)
        self.canvas.setCreator("Rekam UPT")
        self.canvas.setSubject(ctx.office.unit_name)
        self.page = 0
        self.y = self.top
        self.page_open = False
        self.page_label: str | None = None  # numbering "none": the caller's own footer text
        self.on_new_page: Callable[[], None] | None = None

    # -- pages ---------------------------------------------------------------------------
    def new_page(self) -> None:
        if self.page_open:
            self.end_page()
        self.page += 1
        self.page_open = True
        self.y = self.top
        c = self.canvas
        if self.privacy == "rahasia":
            c.setFont(SANS_BOLD, 10)
            c.setFillColorRGB(0, 0, 0)
            c.drawCentredString(self.page_w / 2, self.page_h - 9 * MM, "RAHASIA")
        if self.ctx.demo:
            c.setFont(SANS_BOLD, 8)
            c.setFillColorRGB(0.55, 0.35, 0)
            c.drawString(self.left, self.page_h - 9 * MM, "DATA DEMO — bukan data sebenarnya")
            c.setFillColorRGB(0, 0, 0)
        if self.on_new_page is not None:
            self.on_new_page()

    def end_page(self) -> None:
        c = self.canvas
        c.saveState()
        c.setFillColorRGB(0, 0, 0)
        y = self.bottom_margin
        c.setStrokeColorRGB(0.6, 0.6, 0.6)
        c.setLineWidth(0.4)
        c.line(self.left, y + 9, self.right, y + 9)
        c.setFont(SANS, 6.5)
        c.drawString(self.left, y, f"{printed_line(self.ctx)} · {self.title}"[:160])
        if self.numbering == "document":
            text = f"Halaman {self.page} dari "
            x = self.right - 22 - string_width(text, SANS, 6.5)
            c.drawString(x, y, text)
            c.saveState()
            c.translate(x + string_width(text, SANS, 6.5), y)
            c.doForm(self.TOTAL_FORM)
            c.restoreState()
        elif self.page_label:
            c.drawRightString(self.right, y, self.page_label)
        if self.privacy == "rahasia":
            c.setFont(SANS_BOLD, 8)
            c.drawCentredString(self.page_w / 2, y - 11, "RAHASIA")
        if self.ctx.demo:
            self._demo_watermark()
        c.restoreState()
        c.showPage()
        self.page_open = False

    def _demo_watermark(self) -> None:
        # On top of the page, translucent: table shading cannot hide it, the text stays readable.
        c = self.canvas
        c.saveState()
        c.setFillColorRGB(0.75, 0.45, 0.1)
        c.setFillAlpha(0.16)
        size = min(self.page_w, self.page_h) / 5.2
        c.setFont(SANS_BOLD, size)
        c.translate(self.page_w / 2, self.page_h / 2)
        c.rotate(35 if self.page_h > self.page_w else 20)
        c.drawCentredString(0, -size / 3, "DATA DEMO")
        c.restoreState()

    def finish(self) -> int:
        """End the last page, define the page total, write the file; return the number of pages."""
        if not self.page_open and self.page == 0:
            self.new_page()
        if self.page_open:
            self.end_page()
        c = self.canvas
        if self.numbering == "document":
            c.beginForm(self.TOTAL_FORM)
            c.setFont(SANS, 6.5)
            c.setFillColorRGB(0, 0, 0)
            c.drawString(0, 0, str(self.page))
            c.endForm()
        c.save()
        return self.page

    def space_left(self) -> float:
        return self.y - self.bottom - 6

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` fits below the cursor."""
        if not self.page_open:
            self.new_page()
        if height > self.space_left():
            self.new_page()

    # -- text ------------------------------------------------------------------------------
    def kop(self) -> None:
        """The letterhead: logo, the editable lines, the unit, its address; a double rule below."""
        if not self.page_open:
            self.new_page()
        c = self.canvas
        o = self.ctx.office
        logo_w = 0.0
        top = self.y
        if o.logo:
            try:
                from reportlab.lib.utils import ImageReader

                img = ImageReader(io.BytesIO(o.logo))
                iw, ih = img.getSize()
                logo_h = 19 * MM
                logo_w = logo_h * iw / max(ih, 1)
                c.drawImage(img, self.left, top - logo_h, logo_w, logo_h, mask="auto")
            except Exception:  # noqa: BLE001 - a damaged logo must not stop the print
                logo_w = 0.0
        lines: list[tuple[str, str, float]] = [(line.upper(), SANS_BOLD, 10.5) for line in o.letterhead]
        lines.append(((o.unit_name or "NAMA UPT BELUM DIISI").upper(), SANS_BOLD, 12.5))
        contact = "; ".join(part for part in (
            o.address + (f", {o.city}" if o.city and o.city.lower() not in o.address.lower() else ""),
            f"Telepon {o.phone}" if o.phone else "", f"Pos-el {o.email}" if o.email else "") if part.strip())
        x0 = self.left + (logo_w + 4 * MM if logo_w else 0)
        centre = (x0 + self.right) / 2
        avail = self.right - x0
        y = top - 2
        for text, font, size in lines:
            for line in wrap(text, font, size, avail):
                y -= size * 1.15
                c.setFont(font, size)
                c.drawCentredString(centre, y, line)
        if contact:
            for line in wrap(contact, SANS, 7.5, avail):
                y -= 9.5
                c.setFont(SANS, 7.5)
                c.drawCentredString(centre, y, line)
        y = min(y - 4, top - 19 * MM - 3 if logo_w else y - 4)
        c.setLineWidth(1.6)
        c.line(self.left, y, self.right, y)
        c.setLineWidth(0.5)
        c.line(self.left, y - 2.5, self.right, y - 2.5)
        self.y = y - 10

    def text(self, text: str, *, font: str = SANS, size: float = 9.5, align: str = "left",
             indent: float = 0.0, width: float | None = None, leading: float | None = None,
             space_after: float = 0.0) -> None:
        """A paragraph, wrapped to the width, continuing on the next page when needed."""
        leading = leading or size * 1.3
        width = (width or self.width) - indent
        c = self.canvas
        for line in wrap(text, font, size, width):
            self.need(leading)
            self.y -= leading
            c.setFont(font, size)
            x = self.left + indent
            if align == "center":
                c.drawCentredString(x + width / 2, self.y + leading * 0.25, line)
            elif align == "right":
                c.drawRightString(x + width, self.y + leading * 0.25, line)
            else:
                c.drawString(x, self.y + leading * 0.25, line)
        self.y -= space_after

    def title_block(self, title: str, *subtitles: str) -> None:
        self.text(title, font=SANS_BOLD, size=12, align="center")
        for sub in subtitles:
            if sub:
                self.text(sub, size=9.5, align="center")
        self.y -= 6

    def fields(self, pairs: Sequence[tuple[str, str]], *, label_width: float = 38 * MM, size: float = 9,
               indent: float = 0.0, width: float | None = None) -> None:
        """"Label : value" lines, the value wrapped in its own column."""
        width = (width or self.width) - indent
        c = self.canvas
        leading = size * 1.3
        for label, value in pairs:
            lines = wrap(value or "-", SANS, size, width - label_width - 8)
            self.need(leading * min(len(lines), 3))
            for i, line in enumerate(lines):
                self.need(leading)
                self.y -= leading
                base = self.y + leading * 0.25
                if i == 0:
                    c.setFont(SANS, size)
                    c.drawString(self.left + indent, base, label)
                    c.drawString(self.left + indent + label_width, base, ":")
                c.setFont(SANS, size)
                c.drawString(self.left + indent + label_width + 8, base, line)

    # -- signatures --------------------------------------------------------------------------
    def signatures(self, right: SignatureBlock, left: SignatureBlock | None = None, *,
                   place_date: str | None = None, size: float = 9) -> None:
        """Signature blocks at the foot: ``right`` under "City, date"; ``left`` beside it
        ("Mengetahui, Kepala ..." on documents someone else prepared)."""
        leading = size * 1.3
        rows = max(len(right.heading), len(left.heading) if left else 0) + 1
        height = leading * (rows + 3) + 48
        self.need(height)
        c = self.canvas
        col_w = self.width * 0.42
        right_x = self.right - col_w
        top = self.y - 8
        place = place_date if place_date is not None else (
            f"{self.ctx.office.city or '.................'}, {format_date_id(self.ctx.printed_on)}")

        def block(x: float, lines: list[str], sig: SignatureBlock) -> None:
            y = top
            c.setFont(SANS, size)
            for line in lines:
                for part in wrap(line, SANS, size, col_w):
                    y -= leading
                    c.drawString(x, y, part)
            y -= 46
            c.setFont(SANS_BOLD, size)
            name_lines = wrap(sig.name, SANS_BOLD, size, col_w)
            for part in name_lines:
                c.drawString(x, y, part)
                c.setLineWidth(0.5)
                c.line(x, y - 1.5, x + string_width(part, SANS_BOLD, size), y - 1.5)
                y -= leading
            c.setFont(SANS, size)
            if sig.rank:
                c.drawString(x, y, sig.rank)
                y -= leading
            if sig.nip:
                c.drawString(x, y, f"NIP {format_nip(sig.nip)}")
                y -= leading
            self._sig_bottom = min(getattr(self, "_sig_bottom", y), y)

        self._sig_bottom = top
        block(right_x, [place, *right.heading], right)
        if left is not None:
            block(self.left, ["", *left.heading], left)
        self.y = self._sig_bottom - 4


@dataclass(frozen=True)
class Column:
    title: str
    width: float          # relative; the table fills the page's width
    align: str = "left"   # left | center | right


class Table:
    """Rows whose cells wrap inside their columns; the header repeats on every page."""

    def __init__(self, doc: PaperDoc, columns: Sequence[Column], *, size: float = 7.5,
                 header_size: float | None = None, pad: float = 2.2, numbers_row: bool = True):
        self.doc = doc
        self.columns = list(columns)
        total = sum(c.width for c in columns)
        self.widths = [doc.width * c.width / total for c in columns]
        self.xs = [doc.left + sum(self.widths[:i]) for i in range(len(columns))]
        self.size = size
        self.header_size = header_size or size
        self.pad = pad
        self.leading = size * 1.22
        self.numbers_row = numbers_row
        self.rows_drawn = 0
        doc.on_new_page = self._page_started
        self._in_table = False

    def _page_started(self) -> None:
        if self._in_table:
            self.header()

    def start(self) -> None:
        self._in_table = True
        self.header()

    def stop(self) -> None:
        self._in_table = False
        self.doc.y -= 4  # text after a table does not touch its last rule

    def header(self) -> None:
        doc, c = self.doc, self.doc.canvas
        lines = [wrap(col.title, COND_BOLD, self.header_size, w - 2 * self.pad)
                 for col, w in zip(self.columns, self.widths)]
        height = max(len(ls) for ls in lines) * self.header_size * 1.2 + 2 * self.pad
        numbers_h = self.size + 3 if self.numbers_row else 0
        if height + numbers_h + self.leading + 2 * self.pad > doc.space_left() and doc.y < doc.top:
            on = doc.on_new_page
            doc.on_new_page = None
            doc.new_page()
            doc.on_new_page = on
        top = doc.y
        c.setFillColorRGB(*GREY)
        c.rect(doc.left, top - height - numbers_h, doc.width, height + numbers_h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont(COND_BOLD, self.header_size)
        for x, w, ls in zip(self.xs, self.widths, lines):
            block_h = len(ls) * self.header_size * 1.2
            y = top - (height - block_h) / 2 - self.header_size
            for line in ls:
                c.drawCentredString(x + w / 2, y + 1, line)
                y -= self.header_size * 1.2
        if self.numbers_row:
            c.setFont(COND, self.size - 1)
            for i, (x, w) in enumerate(zip(self.xs, self.widths), 1):
                c.drawCentredString(x + w / 2, top - height - numbers_h + 2.2, str(i))
        self._grid(top, top - height - numbers_h, rule_at=top - height if self.numbers_row else None)
        doc.y = top - height - numbers_h

    def _grid(self, top: float, bottom: float, rule_at: float | None = None) -> None:
        c, doc = self.doc.canvas, self.doc
        c.setLineWidth(0.45)
        c.setStrokeColorRGB(0, 0, 0)
        c.rect(doc.left, bottom, doc.width, top - bottom, stroke=1, fill=0)
        for x in self.xs[1:]:
            c.line(x, bottom, x, top)
        if rule_at is not None:
            c.line(doc.left, rule_at, doc.right, rule_at)

    def section(self, title: str) -> None:
        """A full-width row naming the section (a program when the register is printed whole)."""
        doc, c = self.doc, self.doc.canvas
        height = self.size * 1.6 + 2 * self.pad
        if height + self.leading * 2 > doc.space_left():
            doc.new_page()
        top = doc.y
        c.setFillColorRGB(0.97, 0.97, 0.97)
        c.rect(doc.left, top - height, doc.width, height, stroke=1, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont(COND_BOLD, self.size + 1)
        c.drawString(doc.left + self.pad + 2, top - height + self.pad + 2, title)
        doc.y = top - height

    def row(self, cells: Sequence[Any], *, strike: Iterable[int] = (), bold: bool = False) -> None:
        """One row; ``strike`` names the columns whose text is struck through (red, solid)."""
        doc = self.doc
        font = COND_BOLD if bold else COND
        lines = [wrap("" if v is None else v, font, self.size, w - 2 * self.pad)
                 for v, w in zip(cells, self.widths)]
        struck = set(strike)
        while True:
            n = max(len(ls) for ls in lines)
            height = n * self.leading + 2 * self.pad
            room = doc.space_left()
            if height > room:
                fit = int((room - 2 * self.pad) // self.leading)
                full_page = doc.top - doc.bottom - 60
                if height <= full_page or fit < 3:
                    doc.new_page()
                    if height <= doc.space_left():
                        continue
                    fit = int((doc.space_left() - 2 * self.pad) // self.leading)
                # Taller than a page: draw what fits, continue the rest on the next page.
                head = [ls[:fit] for ls in lines]
                self._draw_row(head, font, struck, fit * self.leading + 2 * self.pad)
                lines = [ls[fit:] or [""] for ls in lines]
                doc.new_page()
                continue
            self._draw_row(lines, font, struck, height)
            break
        self.rows_drawn += 1

    def _draw_row(self, lines: list[list[str]], font: str, struck: set[int], height: float) -> None:
        doc, c = self.doc, self.doc.canvas
        top = doc.y
        c.setFont(font, self.size)
        for i, (col, x, w, ls) in enumerate(zip(self.columns, self.xs, self.widths, lines)):
            y = top - self.pad - self.size
            for line in ls:
                if col.align == "center":
                    c.drawCentredString(x + w / 2, y + 0.8, line)
                    start = x + (w - string_width(line, font, self.size)) / 2
                elif col.align == "right":
                    c.drawRightString(x + w - self.pad, y + 0.8, line)
                    start = x + w - self.pad - string_width(line, font, self.size)
                else:
                    c.drawString(x + self.pad, y + 0.8, line)
                    start = x + self.pad
                if i in struck and line:
                    c.saveState()
                    c.setStrokeColorRGB(*RED)
                    c.setLineWidth(0.9)
                    mid = y + 0.8 + self.size * 0.32
                    c.line(start - 0.5, mid, start + string_width(line, font, self.size) + 0.5, mid)
                    c.restoreState()
                y -= self.leading
        self._grid(top, top - height)
        doc.y = top - height


def check_paper(paper: str | None, allowed: Sequence[str] = ("A4", "F4")) -> str:
    """The paper named by an officer or a setting, upper-cased, or a clear refusal."""
    from app.models.errors import UserInputError
    from app.models.i18n import tr

    value = (paper or "").strip().upper()
    if value not in allowed:
        raise UserInputError(tr("Ukuran kertas tidak dikenal: '{p}' (pilihan: {c})",
                                "Unknown paper size: '{p}' (choices: {c})", p=paper, c=", ".join(allowed)),
                             field="paper")
    return value
