"""The guidance agreement (kontrak bimbingan) and the escalation letters of wajib lapor.

Texts are templates in settings ("paper.contract_template", "paper.letter_templates")
with these defaults; placeholders in braces ({nama}, {nomor_register}, {program} ...)
are filled from the client's record.  A letter carries a "Sifat:" line instead of
"RAHASIA" and the signer alone; it prints the number stored when the escalation step
was confirmed (app.models.print_periods.letter_number), never one made up here.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from app.models.dates import format_date_id
from app.models.storage import Database
from app.reports.paper.base import (
    MM, PaperContext, PaperDoc, SignatureBlock, Signer, format_nip, signer_block, wrap,
)
from app.reports.paper.fonts import SANS_BOLD
from app.reports.paper.registers import Printed, basis_text, d, name_with_alias

DEFAULT_CONTRACT = (
    "Saya yang bertanda tangan di bawah ini, {nama}, klien {program} dengan nomor register {nomor_register}, "
    "menyatakan bersedia mematuhi ketentuan bimbingan berikut selama masa bimbingan {mulai} sampai dengan "
    "{akhir}:\n"
    "1. Melapor kepada {unit} sekali dalam setiap bulan pada bulan berjalan, sesuai jadwal yang ditetapkan PK; "
    "bulan yang terlewat tidak dapat disusulkan.\n"
    "2. Membawa kartu bimbingan setiap kali melapor dan segera melaporkan bila kartu hilang.\n"
    "3. Memberitahukan setiap perubahan alamat, pekerjaan atau nomor telepon kepada PK sebelum terjadi.\n"
    "4. Mengikuti program bimbingan yang ditetapkan dan menaati arahan PK.\n"
    "5. Tidak melakukan pelanggaran hukum dan tidak menimbulkan keresahan dalam masyarakat.\n"
    "Saya memahami bahwa tidak melapor sampai tiga kali berturut-turut, tidak melaporkan perubahan alamat, atau "
    "tidak mengikuti program bimbingan dapat menjadi alasan pencabutan {program}.\n"
    "Penjamin, {penjamin}, menyatakan bersedia membantu dan mengawasi klien menaati ketentuan di atas.")

LETTER_KINDS = ("panggilan", "teguran1", "teguran2", "usulan-pencabutan")
DEFAULT_LETTERS: dict[str, dict[str, str]] = {
    "panggilan": {
        "title": "SURAT PANGGILAN", "sifat": "Penting", "hal": "Panggilan wajib lapor",
        "body": "Berdasarkan catatan wajib lapor, Saudara {nama} (nomor register {nomor_register}, {program}) "
                "belum melapor pada periode {periode}. Dengan ini Saudara dipanggil untuk melapor kepada {pk} "
                "di {unit} paling lambat tujuh hari sejak surat ini diterima, dengan membawa kartu bimbingan."},
    "teguran1": {
        "title": "SURAT TEGURAN I", "sifat": "Penting", "hal": "Teguran pertama wajib lapor",
        "body": "Saudara {nama} (nomor register {nomor_register}, {program}) tidak melapor pada periode "
                "{periode}. Dengan ini Saudara diberi teguran pertama agar segera melapor kepada {pk} di {unit} "
                "dan menaati kewajiban melapor setiap bulan."},
    "teguran2": {
        "title": "SURAT TEGURAN II", "sifat": "Penting", "hal": "Teguran kedua wajib lapor",
        "body": "Saudara {nama} (nomor register {nomor_register}, {program}) kembali tidak melapor pada periode "
                "{periode}. Dengan ini Saudara diberi teguran kedua. Tidak melapor untuk ketiga kalinya "
                "berturut-turut dapat menjadi dasar usulan pencabutan {program}."},
    "usulan-pencabutan": {
        "title": "USULAN PENCABUTAN", "sifat": "Segera", "hal": "Usulan pencabutan {program} a.n. {nama}",
        "body": "Dengan hormat, bersama ini kami laporkan bahwa klien {nama} (nomor register {nomor_register}, "
                "{program}, {dasar_hukum}) tidak melapor tiga kali berturut-turut pada periode {periode}, "
                "meskipun telah diberi teguran pertama dan kedua. Berdasarkan hasil pemeriksaan (berita acara "
                "pemeriksaan terlampir) dan sidang TPP, kami mengusulkan pencabutan {program} klien tersebut."},
}
ADDRESSEE = {"usulan-pencabutan": "Kepala Kantor Wilayah Direktorat Jenderal Pemasyarakatan"}


def _values(ctx: PaperContext, r: dict[str, Any], periods: str = "") -> dict[str, str]:
    guarantor = r.get("guarantor") or "-"
    if r.get("guarantor_relation"):
        guarantor += f" ({r['guarantor_relation']})"
    return {"nama": name_with_alias(r["name"], r.get("alias")), "nomor_register": r["register_number"] or "-",
            "program": f"{r['kind_name']} ({r['kind_code']})", "mulai": d(r["start_date"]), "akhir": d(r["end_date"]),
            "unit": ctx.office.unit_name or "kantor", "penjamin": guarantor, "pk": r.get("officer_name") or "PK",
            "alamat": r.get("address") or "-", "dasar_hukum": basis_text(ctx, r), "periode": periods or "-"}


def _fill(template: str, values: dict[str, str]) -> str:
    class Missing(dict):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"
    return template.format_map(Missing(values))


def kontrak_bimbingan(out: BinaryIO, db: Database, ctx: PaperContext, *, record: dict[str, Any],
                      paper: str | None = None, template: str | None = None) -> Printed:
    """The agreement signed at intake by the client, the guarantor and the PK."""
    doc = PaperDoc(out, ctx, title="Kontrak Bimbingan", paper=paper, privacy=None)
    printed = Printed("kontrak-bimbingan", doc.title, paper=doc.paper)
    printed.person_ids.add(record["person_id"])
    doc.new_page()
    doc.kop()
    doc.title_block("KONTRAK BIMBINGAN", f"Nomor register {record['register_number']}")
    doc.fields([("Nama", name_with_alias(record["name"], record["alias"])),
                ("Tempat, tanggal lahir", ", ".join(x for x in (record["birth_place"], d(record["birth_date"])) if x)),
                ("Alamat", record["address"] or "-"), ("Program", f"{record['kind_code']} – {record['kind_name']}"),
                ("Dasar hukum", basis_text(ctx, record)),
                ("Masa bimbingan", f"{d(record['start_date'])} s.d. {d(record['end_date'])}"),
                ("PK", (record["officer_name"] or "-") + (f", NIP {format_nip(record['officer_nip'])}"
                                                          if record["officer_nip"] else ""))])
    doc.y -= 8
    text = _fill(template or DEFAULT_CONTRACT, _values(ctx, record))
    for paragraph in text.split("\n"):
        doc.text(paragraph, size=9.5, space_after=3, indent=0 if not paragraph[:2].rstrip(".").isdigit() else 8)
    doc.y -= 6
    doc.text(f"{ctx.office.city or '..........'}, {format_date_id(ctx.printed_on)}", size=9.5, align="right")
    blocks = [SignatureBlock(("Klien,",), record["name"]),
              SignatureBlock(("Penjamin,",), record["guarantor"] or "(..............................)"),
              SignatureBlock(("Pembimbing Kemasyarakatan,",), record["officer_name"] or "(....................)",
                             record.get("officer_rank") or "", record["officer_nip"] or "")]
    _three_signatures(doc, blocks)
    printed.rows = 1
    printed.pages = doc.finish()
    return printed


def _three_signatures(doc: PaperDoc, blocks: list[SignatureBlock]) -> None:
    doc.need(95)
    c = doc.canvas
    col = doc.width / len(blocks)
    top = doc.y - 6
    for i, b in enumerate(blocks):
        x = doc.left + i * col + 4
        y = top
        c.setFont("RekamSans", 9)
        for line in b.heading:
            y -= 12
            c.drawString(x, y, line)
        y -= 50
        c.setFont(SANS_BOLD, 9)
        for line in wrap(b.name, SANS_BOLD, 9, col - 10):  # a long name stays in its own column
            c.drawString(x, y, line)
            y -= 11
        if b.nip:
            c.setFont("RekamSans", 8.5)
            c.drawString(x, y - 1, f"NIP {format_nip(b.nip)}")
    doc.y = top - 110


def letter(out: BinaryIO, db: Database, ctx: PaperContext, *, record: dict[str, Any], kind: str, number: str,
           periods: str = "", paper: str | None = None, signer: Signer = Signer(),
           templates: dict[str, dict[str, str]] | None = None) -> Printed:
    """A wajib lapor letter to the client (copy to the guarantor), or the proposal to revoke (upward,
    with a blank berita acara pemeriksaan form on its second page)."""
    t = {**DEFAULT_LETTERS[kind], **((templates or {}).get(kind) or {})}
    values = _values(ctx, record, periods)
    doc = PaperDoc(out, ctx, title=t["title"].title(), paper=paper, privacy=None)
    printed = Printed(f"surat-{kind}", f"{t['title'].title()} {number}", paper=doc.paper)
    printed.person_ids.add(record["person_id"])
    doc.new_page()
    doc.kop()
    doc.text(f"{ctx.office.city or '..........'}, {format_date_id(ctx.printed_on)}", size=9.5, align="right")
    doc.fields([("Nomor", number), ("Sifat", _fill(t["sifat"], values)),
                ("Lampiran", "1 (satu) berkas berita acara pemeriksaan" if kind == "usulan-pencabutan" else "-"),
                ("Hal", _fill(t["hal"], values))], label_width=22 * MM, size=9.5)
    doc.y -= 8
    to = ADDRESSEE.get(kind)
    doc.text("Kepada Yth.", size=9.5)
    if to:
        doc.text(to, size=9.5, indent=8)
    else:
        doc.text(f"Saudara {values['nama']}", size=9.5, indent=8)
        doc.text(values["alamat"], size=9.5, indent=8)
    doc.text("di tempat", size=9.5, indent=8, space_after=8)
    doc.text(t["title"], font=SANS_BOLD, size=11, align="center", space_after=6)
    doc.text(_fill(t["body"], values), size=9.5, space_after=6)
    doc.text("Demikian disampaikan untuk menjadi perhatian.", size=9.5, space_after=4)
    doc.signatures(signer_block(signer, ctx.office), place_date="")
    doc.y -= 4
    copies = ["Penjamin: " + values["penjamin"]] if not to else [f"{ctx.office.head_position} (sebagai laporan)"]
    doc.text("Tembusan:", size=8.5)
    for n, cc in enumerate(copies, 1):
        doc.text(f"{n}. {cc}", size=8.5, indent=8)
    if kind == "usulan-pencabutan":
        _berita_acara(doc, ctx, record, values)
    printed.rows = 1
    printed.extra["audit"] = {"letter": kind, "number": number}
    printed.pages = doc.finish()
    return printed


def _berita_acara(doc: PaperDoc, ctx: PaperContext, record: dict[str, Any], values: dict[str, str]) -> None:
    """A printable examination report form (berita acara pemeriksaan), filled by hand."""
    doc.new_page()
    doc.kop()
    doc.title_block("BERITA ACARA PEMERIKSAAN", "Pelanggaran syarat wajib lapor")
    doc.text("Pada hari ini .................... tanggal .................... bertempat di "
             f"{ctx.office.unit_name or '....................'}, kami yang bertanda tangan di bawah ini telah "
             "memeriksa:", size=9.5, space_after=4)
    doc.fields([("Nama", values["nama"]), ("Nomor register", values["nomor_register"]), ("Program", values["program"]),
                ("Alamat", values["alamat"]), ("Periode tidak lapor", values["periode"])])
    doc.y -= 6
    for question in ("Alasan tidak melapor:", "Keterangan penjamin:", "Keterangan lain:", "Kesimpulan pemeriksa:"):
        doc.text(question, font=SANS_BOLD, size=9.5)
        for _ in range(3):
            doc.need(16)
            doc.y -= 16
            doc.canvas.setDash(1, 2)
            doc.canvas.line(doc.left, doc.y, doc.right, doc.y)
            doc.canvas.setDash()
        doc.y -= 4
    doc.text("Demikian berita acara ini dibuat dengan sebenarnya.", size=9.5, space_after=6)
    _three_signatures(doc, [SignatureBlock(("Yang diperiksa,",), record["name"]),
                            SignatureBlock(("Penjamin,",), record["guarantor"] or "(....................)"),
                            SignatureBlock(("Pemeriksa (PK),",), record["officer_name"] or "(....................)",
                                           nip=record["officer_nip"] or "")])
