"""The registers: pembimbingan (Bapas), the klaper (name index) and the B register (Lapas/Rutan).

Each is an official book printed with the letterhead, "RAHASIA", the header row on
every page, and the head of office's "Mengetahui" beside the preparer's block.
Rows come from app.models.print_queries; the test computes them independently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, BinaryIO

from app.models.dates import format_date_id, from_iso
from app.models.durations import Duration
from app.models.print_queries import B_CLASSES, STATUS_WORDS, Group, Period, b_register_rows, ended_reason, \
    group_words, klaper_rows, register_rows
from app.models.storage import Database
from app.reports.paper.base import (
    Column, PaperContext, PaperDoc, Preparer, Signer, Table, preparer_block, signer_block,
)

CLASS_WORDS = {"dewasa": "Dewasa", "anak": "Anak"}
B_CLASS_WORDS = {
    "B.I": "B.I — pidana penjara lebih dari 1 tahun",
    "B.IIa": "B.IIa — pidana lebih dari 3 bulan sampai dengan 1 tahun",
    "B.IIb": "B.IIb — pidana sampai dengan 3 bulan",
    "B.III": "B.III — pidana kurungan pengganti denda",
}
REGISTER_KINDS = ("pembimbingan", "klaper", "b")


@dataclass
class Printed:
    """What a print run produced, for the audit entry and the window's message."""

    kind: str
    title: str
    pages: int = 0
    rows: int = 0
    person_ids: set[int] = field(default_factory=set)
    program_ids: list[int] = field(default_factory=list)
    paper: str = "A4"
    landscape: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def d(value: Any) -> str:
    """A stored ISO date as printed (``12 Januari 2026``), '-' when empty."""
    if isinstance(value, date):
        return format_date_id(value)
    return format_date_id(from_iso(value)) if value else "-"


def name_with_alias(name: str, alias: str | None) -> str:
    return f"{name} als. {alias}" if alias else name


def basis_text(ctx: PaperContext, row: dict[str, Any]) -> str:
    kind = ctx.basis_label(row.get("basis_kind")) or "SK"
    parts = [kind]
    if row.get("sk_number"):
        parts.append(f"No. {row['sk_number']}")
    if row.get("sk_date"):
        parts.append(f"tgl. {d(row['sk_date'])}")
    return " ".join(parts) if len(parts) > 1 else f"{kind} (nomor belum diisi)"


def sentence_text(sentences: list[str], kind: str = "term") -> str:
    if kind == "life":
        return "Seumur hidup"
    if kind == "death":
        return "Pidana mati"
    if not sentences:
        return "-"
    return " + ".join(Duration.parse(s).label_id() for s in sentences)


def days_text(days: int | None) -> str:
    if not days:
        return "-"
    months, rest = divmod(int(days), 30)
    parts = ([f"{months} bulan"] if months else []) + ([f"{rest} hari"] if rest else [])
    return " ".join(parts)


def _tick(progress: Callable[..., None] | None, done: int, total: int, text: str) -> None:
    if progress is not None and (done % 200 == 0 or done == total):
        progress(done, total, text)


def _foot(doc: PaperDoc, ctx: PaperContext, signer: Signer, preparer: Preparer) -> None:
    doc.y -= 6
    doc.signatures(preparer_block(preparer, ctx.office),
                   signer_block(signer, ctx.office, prefix="Mengetahui,"))


def register_pembimbingan(out: BinaryIO, db: Database, ctx: PaperContext, *, group: Group = Group(),
                          period: Period = Period(), paper: str | None = None, signer: Signer = Signer(),
                          preparer: Preparer = Preparer(), progress: Callable[..., None] | None = None) -> Printed:
    """Register pembimbingan: one row per program record of the group whose guidance starts in the period."""
    rows = register_rows(db, group, period)
    title = "REGISTER PEMBIMBINGAN KLIEN PEMASYARAKATAN"
    doc = PaperDoc(out, ctx, title="Register Pembimbingan", paper=paper, landscape=True)
    printed = Printed("register-pembimbingan", doc.title, paper=doc.paper, landscape=True)
    doc.new_page()
    doc.kop()
    doc.title_block(title, group_words(db, group), period.label)
    table = Table(doc, [
        Column("No", 3.2, "right"), Column("Nomor Register", 9), Column("Nama (alias)", 16),
        Column("Dewasa/ Anak", 5.5, "center"), Column("Jenis Bimbingan", 9),
        Column("Dasar Hukum (jenis, nomor, tanggal)", 16), Column("Mulai Bimbingan", 8),
        Column("Akhir Bimbingan", 8), Column("PK", 11), Column("Status", 7), Column("Keterangan", 14)])
    table.start()
    section = None
    whole = group.kind_id is None
    for n, r in enumerate(rows, 1):
        if whole and r["kind_id"] != section:
            section = r["kind_id"]
            table.section(f"{r['kind_code']} – {r['kind_name']}")
        remarks = []
        if r["status"] != "aktif":
            remarks.append(" ".join(x for x in (STATUS_WORDS.get(r["status"], r["status"]), d(r["status_date"]),
                                                r["status_letter"]) if x and x != "-"))
            if r["status_reason"]:
                remarks.append(r["status_reason"])
        elif ended_reason(r, ctx.printed_on):
            remarks.append("Habis masa bimbingan")
        table.row([n, r["register_number"] or "-", name_with_alias(r["name"], r["alias"]),
                   CLASS_WORDS.get(r["client_class"], r["client_class"]), f"{r['kind_code']} – {r['kind_name']}",
                   basis_text(ctx, r), d(r["start_date"]), d(r["end_date"]), r["officer_name"] or "-",
                   STATUS_WORDS.get(r["status"], r["status"]), "; ".join(remarks)])
        printed.person_ids.add(r["person_id"])
        printed.program_ids.append(r["program_id"])
        _tick(progress, n, len(rows), "Menyusun register pembimbingan")
    if not rows:
        doc.text("Tidak ada data program pada kelompok dan periode ini.", size=9, align="center")
    table.stop()
    doc.text(f"Jumlah: {len(rows)} catatan program, {len(printed.person_ids)} orang.", size=8.5)
    _foot(doc, ctx, signer, preparer)
    printed.rows = len(rows)
    printed.pages = doc.finish()
    return printed


def klaper(out: BinaryIO, db: Database, ctx: PaperContext, *, group: Group = Group(), period: Period = Period(),
           paper: str | None = None, signer: Signer = Signer(), preparer: Preparer = Preparer(),
           progress: Callable[..., None] | None = None) -> Printed:
    """The alphabetical name index; a person no longer under guidance is struck through in red."""
    people = klaper_rows(db, group, period, ctx.printed_on)
    doc = PaperDoc(out, ctx, title="Klaper", paper=paper)
    printed = Printed("klaper", doc.title, paper=doc.paper)
    doc.new_page()
    doc.kop()
    doc.title_block("KLAPER (INDEKS NAMA) KLIEN PEMASYARAKATAN", group_words(db, group), period.label)
    table = Table(doc, [Column("No", 4, "right"), Column("Nama (alias)", 24), Column("Tempat, Tanggal Lahir", 15),
                        Column("Nomor Register", 14), Column("Program", 8), Column("Keterangan", 18)])
    table.start()
    for n, p in enumerate(people, 1):
        remark = ""
        if p["struck"] and p["reason"]:
            word, when = p["reason"]
            remark = f"{word}, {d(when)}" if when else word
        place = ", ".join(x for x in (p["birth_place"], d(p["birth_date"])) if x)
        table.row([n, name_with_alias(p["name"], p["alias"]), place, "\n".join(p["register_numbers"]),
                   "\n".join(p["programs"]), remark], strike={1, 2, 3, 4} if p["struck"] else ())
        printed.person_ids.add(p["person_id"])
        _tick(progress, n, len(people), "Menyusun klaper")
    if not people:
        doc.text("Tidak ada nama pada kelompok dan periode ini.", size=9, align="center")
    table.stop()
    struck = sum(1 for p in people if p["struck"])
    doc.text(f"Jumlah: {len(people)} nama, {struck} dicoret (tidak lagi dalam bimbingan).", size=8.5)
    _foot(doc, ctx, signer, preparer)
    printed.rows = len(people)
    printed.extra["struck"] = struck
    printed.pages = doc.finish()
    return printed


def register_b(out: BinaryIO, db: Database, ctx: PaperContext, *, group: Group = Group(), period: Period = Period(),
               paper: str | None = None, signer: Signer = Signer(), preparer: Preparer = Preparer(),
               progress: Callable[..., None] | None = None) -> Printed:
    """Convicts by class B.I, B.IIa, B.IIb, B.III with their sentence dates (Lapas/Rutan)."""
    rows = b_register_rows(db, offence_id=group.offence_id, period=period, today=ctx.printed_on)
    doc = PaperDoc(out, ctx, title="Register B Narapidana", paper=paper, landscape=True)
    printed = Printed("register-b", doc.title, paper=doc.paper, landscape=True)
    doc.new_page()
    doc.kop()
    doc.title_block("REGISTER B — NARAPIDANA MENURUT GOLONGAN", group_words(db, group),
                    f"Yang sedang menjalani pidana pada {d(ctx.printed_on)}"
                    + ("" if period.start is None else f" · diterima {period.label.lower()}"))
    table = Table(doc, [
        Column("No", 3, "right"), Column("Nomor Register", 7.5), Column("Nama (alias)", 12),
        Column("Tindak Pidana dan Pasal", 12), Column("Putusan (nomor, tanggal, pengadilan)", 12),
        Column("Pidana", 7), Column("Mulai Ditahan", 6.5), Column("1/3", 6.5), Column("1/2", 6.5),
        Column("2/3", 6.5), Column("Ekspirasi Awal", 6.5), Column("Remisi", 6), Column("Ekspirasi", 6.5),
        Column("Keterangan", 10)], size=6.8)
    table.start()
    section = None
    for n, r in enumerate(rows, 1):
        if r["register_class"] != section:
            section = r["register_class"]
            table.section(B_CLASS_WORDS.get(section, section))
        offence = "; ".join(x for x in (r["offence_name"], r["articles"], r["statute"]) if x) or "-"
        verdict = ", ".join(x for x in (r["verdict_number"], d(r["verdict_date"]) if r["verdict_date"] else "",
                                        r["court"]) if x) or "-"
        remission = r["remission_days"] or r["remission_total_days"] or 0
        remarks = [r["calc_note"]] if r["calc_note"] else []
        if r["overrides"]:
            remarks.append("Ada tanggal yang diubah petugas")
        if r["official_differs"]:
            remarks.append("Tanggal resmi berbeda dengan hitungan")
        if r["fine"] and not r["fine_paid"] and r["subsider"]:
            remarks.append(f"Subsider {Duration.parse(r['subsider']).label_id()} (denda tidak dibayar)")
        table.row([n, r["register_numbers"] or "-", name_with_alias(r["name"], r["alias"]), offence, verdict,
                   sentence_text(r["sentence_list"], r["sentence_kind"]), d(r["detention_start"]),
                   d(r["one_third"]), d(r["half"]), d(r["two_thirds"]), d(r["expiry_initial"]),
                   days_text(remission), d(r["expiry"]), "; ".join(remarks)])
        printed.person_ids.add(r["person_id"])
        _tick(progress, n, len(rows), "Menyusun register B")
    if not rows:
        doc.text("Tidak ada narapidana golongan B pada pilihan ini.", size=9, align="center")
    table.stop()
    counts = {k: sum(1 for r in rows if r["register_class"] == k) for k in B_CLASSES}
    doc.text("Jumlah: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + f"; seluruhnya {len(rows)} orang.",
             size=8.5)
    _foot(doc, ctx, signer, preparer)
    printed.rows = len(rows)
    printed.pages = doc.finish()
    return printed


REGISTERS = {"pembimbingan": register_pembimbingan, "klaper": klaper, "b": register_b}
