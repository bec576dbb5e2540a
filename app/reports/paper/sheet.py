"""The sentence-date sheet (lembar perhitungan) of one case.

The inputs, every step of the calculator's breakdown with its rule and legal source
(app.models.calc_breakdown), the officer's overrides with their reasons, and the
official dates beside the computed ones: what an officer checks against SDP's
printout line by line.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from app.models.calc_types import DATE_KEYS, DATE_LABELS, REMISSION_KIND_LABELS
from app.models.dates import format_date_id
from app.models.durations import Duration
from app.models.queries import Queries
from app.models.storage import Database
from app.reports.paper.base import (
    MM, Column, PaperContext, PaperDoc, Preparer, Signer, Table, preparer_block, signer_block,
)
from app.reports.paper.fonts import SANS_BOLD
from app.reports.paper.registers import CLASS_WORDS, Printed, d, days_text, name_with_alias, sentence_text


def _heading(doc: PaperDoc, text: str) -> None:
    doc.need(40)
    doc.y -= 6
    doc.text(text, font=SANS_BOLD, size=10)
    doc.y -= 2


def lembar_perhitungan(out: BinaryIO, db: Database, ctx: PaperContext, *, case_id: int,
                       register_number: str = "", paper: str | None = None, signer: Signer = Signer(),
                       preparer: Preparer = Preparer(), progress=None) -> Printed:
    """One case's sheet: inputs, breakdown, overrides, official and computed dates."""
    from app.operations.sentence import compute_case

    q = Queries(db)
    case = q.case(case_id)
    if case is None:
        raise ValueError(f"no case {case_id}")
    person = q.person(case["person_id"]) or {}
    offence = next((c["offence_name"] for c in q.cases_of(case["person_id"], include_deleted=True)
                    if c["id"] == case_id), None)
    dates = compute_case(db, case_id)
    official = q.official_dates(case_id)
    overrides = q.overrides(case_id)
    doc = PaperDoc(out, ctx, title="Lembar Perhitungan Tanggal Pidana", paper=paper)
    printed = Printed("lembar-perhitungan", doc.title, paper=doc.paper)
    printed.person_ids.add(case["person_id"])
    doc.new_page()
    doc.kop()
    doc.title_block("LEMBAR PERHITUNGAN TANGGAL PIDANA")
    doc.fields([
        ("Nama", name_with_alias(person.get("name", ""), person.get("alias"))),
        ("Nomor register", register_number or "-"),
        ("NIK / paspor", person.get("nik") or person.get("passport") or "-"),
        ("Tempat, tanggal lahir", ", ".join(x for x in (person.get("birth_place"), d(person.get("birth_date"))) if x)),
        ("Golongan", CLASS_WORDS.get(case["client_class"], case["client_class"])
         + (f", register {case['register_class']}" if case["register_class"] else "")),
        ("Tindak pidana", "; ".join(x for x in (offence, case["articles"], case["statute"]) if x) or "-"),
        ("Putusan", ", ".join(x for x in (case["verdict_number"], d(case["verdict_date"]) if case["verdict_date"]
                                          else "", case["court"]) if x) or "-"),
    ])
    _heading(doc, "A. Data masukan")
    sentences = json.loads(case["sentences"] or "[]")
    inputs = [
        ("Mulai ditahan (S)", d(case["detention_start"])),
        ("Pidana (P)", sentence_text(sentences, case["sentence_kind"])
         + (f" = {case['sentence_p30']} hari (1 bulan = 30 hari)" if case["sentence_p30"] else "")),
        ("Tahanan kota / rumah", f"{case['city_detention_days']} hari / {case['house_detention_days']} hari"),
    ]
    if case["fine"]:
        inputs.append(("Denda", f"Rp {case['fine']:,}".replace(",", ".") + (" (dibayar)" if case["fine_paid"]
                                                                             else " (tidak dibayar)")))
        if case["subsider"]:
            inputs.append(("Subsider", Duration.parse(case["subsider"]).label_id()))
    interruptions = q.interruptions_of(case_id)
    if interruptions:
        inputs.append(("Di luar tahanan", "; ".join(f"{d(i['start'])} s.d. {d(i['end'])}"
                                                    + (f" ({i['note']})" if i["note"] else "") for i in interruptions)))
    if case["remission_total_days"] is not None:
        inputs.append(("Jumlah remisi (SK)", days_text(case["remission_total_days"])))
    doc.fields(inputs, label_width=42 * MM)
    remissions = q.remissions_of(case_id)
    if remissions:
        doc.y -= 4
        table = Table(doc, [Column("No", 3, "right"), Column("Tanggal diberikan", 9), Column("Jenis", 11),
                            Column("Lama", 8), Column("Nomor SK", 14)], size=8, numbers_row=False)
        table.start()
        for n, r in enumerate(remissions, 1):
            table.row([n, d(r["granted"]), REMISSION_KIND_LABELS.get(r["kind"], r["kind"]),
                       days_text(r["months"] * 30 + r["days"]), r["sk_number"] or "-"])
        table.stop()
    _heading(doc, "B. Rincian perhitungan")
    if dates is None:
        doc.text(case["calc_note"] or "Tanggal belum dapat dihitung (putusan atau tanggal mulai ditahan belum diisi).",
                 size=9)
    else:
        table = Table(doc, [Column("No", 3, "right"), Column("Langkah", 12), Column("Hasil", 11),
                            Column("Aturan", 30), Column("Dasar hukum", 12)], size=7.5)
        table.start()
        for n, step in enumerate(dates.breakdown, 1):
            table.row([n, step.label, step.value, step.rule, step.source])
        table.stop()
    _heading(doc, "C. Tanggal hitungan, berlaku dan resmi")
    table = Table(doc, [Column("Tanggal", 13), Column("Hitungan", 9), Column("Berlaku", 9),
                        Column("Resmi (SK / Lapas)", 9), Column("Keterangan", 20)], size=7.8)
    table.start()
    for key in DATE_KEYS:
        computed, effective = case[f"calc_{key}"], case[key]
        off = official.get(key)
        remark: list[str] = []
        if key in overrides:
            value, reason = overrides[key]
            remark.append(f"Diubah petugas: {reason}")
        if off is not None and (computed or "") != off.isoformat():
            remark.append("Berbeda dengan hitungan")
        if not (computed or effective or off):
            continue
        table.row([DATE_LABELS[key], d(computed), d(effective), format_date_id(off) if off else "-",
                   "; ".join(remark)], bold=key in overrides or bool(off and (computed or "") != off.isoformat()))
    table.stop()
    source = q.official_source(case_id)
    if source:
        doc.text(f"Sumber tanggal resmi: {source}", size=8)
    eligibility = []
    if case["sentence_kind"] == "term":
        eligibility.append("Memenuhi syarat waktu PB" if case["parole_eligible"] else "Tidak memenuhi syarat waktu PB")
        eligibility.append("memenuhi syarat CB" if case["conditional_leave_eligible"] else "tidak memenuhi syarat CB")
        doc.text("; ".join(eligibility) + ".", size=8.5)
    if dates is not None and dates.conditions:
        _heading(doc, "D. Yang harus dipastikan petugas")
        for condition in dates.conditions:
            doc.text(f"• {condition}", size=8.5, indent=4)
    doc.y -= 6
    doc.signatures(preparer_block(preparer, ctx.office), signer_block(signer, ctx.office, prefix="Mengetahui,"))
    printed.rows = len(dates.breakdown) if dates else 0
    printed.pages = doc.finish()
    return printed


def sheet_case(record: dict[str, Any]) -> int:
    return int(record["case_id"])
