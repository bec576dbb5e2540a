"""Lists for the counter: who must report this month (per PK), and the duty officer's daily log.

"Daftar wajib lapor bulan ..." lists the guidance programs active in the month, per PK,
with the periods missed so far and a column to initial; "Buku harian wajib lapor" lists
the visits of one day.  Both carry "RAHASIA" and the preparer's block beside the
head's "Mengetahui".  Periods and visits come from app.models.print_periods.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from typing import BinaryIO

from app.models.dates import MONTHS_ID, format_date_id
from app.models.print_periods import missed_so_far, periods_of, visits_on
from app.models.print_queries import Group, group_words, iter_program_records, month_guidance_ids
from app.models.storage import Database
from app.reports.paper.base import Column, PaperContext, PaperDoc, Preparer, Signer, Table, format_nip
from app.reports.paper.registers import Printed, _foot, d, name_with_alias

DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
LIST_KINDS = ("wajib-lapor", "harian")


def daftar_wajib_lapor(out: BinaryIO, db: Database, ctx: PaperContext, *, group: Group = Group(), year: int,
                       month: int, paper: str | None = None, signer: Signer = Signer(),
                       preparer: Preparer = Preparer(), progress: Callable[..., None] | None = None) -> Printed:
    """Who must report in the month: one section per PK (or the chosen PK), register order within it."""
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    ids = month_guidance_ids(db, group, first, last)
    records = list(iter_program_records(db, ids))
    periods = periods_of(db, records, ctx.printed_on)
    position = {pid: i for i, pid in enumerate(ids)}
    records.sort(key=lambda r: ((r["officer_name"] or "~").lower(), r["officer_id"] or 0, position[r["program_id"]]))
    label = f"{MONTHS_ID[month - 1].upper()} {year}"
    doc = PaperDoc(out, ctx, title=f"Daftar Wajib Lapor {MONTHS_ID[month - 1]} {year}", paper=paper, landscape=True)
    printed = Printed("daftar-wajib-lapor", doc.title, paper=doc.paper, landscape=True)
    doc.new_page()
    doc.kop()
    doc.title_block(f"DAFTAR WAJIB LAPOR BULAN {label}", group_words(db, group))
    table = Table(doc, [Column("No", 3, "right"), Column("Nomor Register", 9), Column("Nama (alias)", 17),
                        Column("Program", 6), Column("Alamat", 20), Column("Telepon", 9),
                        Column("Bimbingan s.d.", 8), Column("Periode tidak lapor s.d. kini", 7, "center"),
                        Column("Lapor bulan ini", 8), Column("Paraf", 6)])
    table.start()
    officer = object()
    n_in = 0
    for n, r in enumerate(records, 1):
        if r["officer_id"] != officer:
            officer = r["officer_id"]
            n_in = 0
            who = r["officer_name"] or "Belum ada PK"
            table.section(f"PK: {who}" + (f" (NIP {format_nip(r['officer_nip'])})" if r["officer_nip"] else ""))
        n_in += 1
        mine = periods[r["program_id"]]
        this_month = next((p for p in mine if p.start <= last and p.end >= first), None)
        reported = d(this_month.visit_date) if this_month and this_month.visit_date else ""
        table.row([n_in, r["register_number"] or "-", name_with_alias(r["name"], r["alias"]), r["kind_code"],
                   r["address"] or "-", r["phone"] or "-", d(r["end_date"]), str(missed_so_far(mine)), reported, ""])
        printed.person_ids.add(r["person_id"])
        printed.program_ids.append(r["program_id"])
        if progress is not None and n % 200 == 0:
            progress(n, len(records), "Menyusun daftar wajib lapor")
    if not records:
        doc.text("Tidak ada klien wajib lapor pada bulan dan kelompok ini.", size=9, align="center")
    table.stop()
    doc.text(f"Jumlah: {len(records)} klien wajib lapor.", size=8.5)
    _foot(doc, ctx, signer, preparer)
    printed.rows = len(records)
    printed.pages = doc.finish()
    return printed


def buku_harian(out: BinaryIO, db: Database, ctx: PaperContext, *, day: date, group: Group = Group(),
                paper: str | None = None, signer: Signer = Signer(), preparer: Preparer = Preparer(),
                progress: Callable[..., None] | None = None) -> Printed:
    """The duty officer's log of one day: who came, when, how, received by whom."""
    visits = [v for v in visits_on(db, day)
              if (group.kind_id is None or v["kind_id"] == group.kind_id)
              and (group.officer_id is None or v["officer_id"] == group.officer_id)
              and (group.offence_id is None or v["offence_category_id"] == group.offence_id)]
    doc = PaperDoc(out, ctx, title=f"Buku Harian Wajib Lapor {format_date_id(day)}", paper=paper, landscape=True)
    printed = Printed("buku-harian", doc.title, paper=doc.paper, landscape=True)
    doc.new_page()
    doc.kop()
    doc.title_block("BUKU HARIAN WAJIB LAPOR", f"Hari, tanggal: {DAYS_ID[day.weekday()]}, {format_date_id(day)}",
                    group_words(db, group))
    table = Table(doc, [Column("No", 3, "right"), Column("Jam", 5, "center"), Column("Nomor Register", 9),
                        Column("Nama (alias)", 18), Column("Program", 6), Column("PK", 13), Column("Cara", 9),
                        Column("Diterima oleh", 13), Column("Keterangan", 16), Column("Paraf", 6)])
    table.start()
    for n, v in enumerate(visits, 1):
        at = (v["created_at"] or "")[11:16].replace(":", ".")
        table.row([n, at, v["register_number"] or "-", name_with_alias(v["name"], v["alias"]), v["kind_code"],
                   v["officer_name"] or "-", v["contact"] or "-", v["received_by"] or "-", v["note"] or "", ""])
        printed.person_ids.add(v["person_id"])
    if not visits:
        doc.text("Tidak ada klien yang melapor pada tanggal ini.", size=9, align="center")
    table.stop()
    doc.text(f"Jumlah: {len(visits)} kunjungan.", size=8.5)
    _foot(doc, ctx, signer, preparer)
    printed.rows = len(visits)
    printed.pages = doc.finish()
    return printed
