"""``rekam-upt export``: the monthly workbook for the regional office and Ditjenpas.

    rekam-upt export --db PATH --month YYYY-MM --out FILE.xlsx [--program KODE] [--officer NIP|NAMA]
                     [--offence NAMA] [--age dewasa|anak] [--without-nik] [--replace] [--json]

A Bapas gets the sheets Rekap, Per PK, Per Jenis Kejahatan and Data Klien; a Lapas or
Rutan its occupancy per register class.  ``--program`` / ``--officer`` / ``--offence`` /
``--age`` keep only those programs.  An existing FILE is replaced only with
``--replace`` (never a database or a backup).  Writing it is recorded in the audit trail
(what, how many persons, where).  The workbook is not encrypted: on removable media the
command warns on stderr.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from app.cli.common import OpenedDatabase, Output
from app.models.errors import UserInputError
from app.models.i18n import tr


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", metavar="TTTT-BB", required=True, help="bulan laporan, mis. 2026-11")
    parser.add_argument("--out", metavar="FILE", required=True, help="berkas .xlsx yang ditulis")
    parser.add_argument("--program", metavar="KODE", help="hanya program ini (PB, CB, CMB, ASIM ...)")
    parser.add_argument("--officer", metavar="NIP|NAMA", help="hanya klien PK ini")
    parser.add_argument("--offence", metavar="NAMA", help="hanya jenis kejahatan ini")
    parser.add_argument("--age", choices=("dewasa", "anak"), help="hanya klien dewasa atau anak")
    parser.add_argument("--without-nik", action="store_true", help="tanpa kolom NIK")
    parser.add_argument("--replace", action="store_true", help="timpa berkas dokumen yang sudah ada")
    parser.add_argument("--today", metavar="TANGGAL", help=argparse.SUPPRESS)


def _selector(db, args: argparse.Namespace):
    from app.models.excel_queries import Selector
    from app.models.names import fold_name
    from app.models.queries import Queries

    q = Queries(db)
    kind_id = officer_id = category_id = None
    if args.program:
        kind_id = next((k["id"] for k in q.program_kinds() if k["code"].lower() == args.program.strip().lower()), None)
        if kind_id is None:
            raise UserInputError(tr("Program tidak dikenal: {v} (pilihan: {c})", "Unknown program: {v} (choices: {c})",
                                    v=args.program, c=", ".join(k["code"] for k in q.program_kinds())),
                                 field="program")
    if args.officer:
        wanted = args.officer.replace(" ", "")
        officers = q.officers(with_caseload=False)
        found = [o for o in officers if o["nip"] == wanted] or [
            o for o in officers if fold_name(o["name"]) == fold_name(args.officer)]
        if len(found) != 1:
            raise UserInputError(tr("PK tidak ditemukan (atau lebih dari satu): {v}",
                                    "Officer not found (or more than one): {v}", v=args.officer), field="officer")
        officer_id = found[0]["id"]
    if args.offence:
        category_id = next((c["id"] for c in q.offence_categories() if c["name"].lower() == args.offence.lower()), None)
        if category_id is None:
            raise UserInputError(tr("Jenis kejahatan tidak dikenal: {v}", "Unknown offence category: {v}",
                                    v=args.offence), field="offence")
    return Selector(kind_id, officer_id, category_id, args.age)


def run(args: argparse.Namespace, out: Output) -> int:
    from app.models.durations import parse_date
    from app.models.media import is_removable
    from app.models.safefile import check_document_target
    from app.operations.exports import record_export
    from app.reports.excel_monthly import Month, write_monthly

    month = Month.parse(args.month)
    today = parse_date(args.today) if args.today else date.today()
    target = Path(args.out).expanduser()
    if target.suffix.lower() != ".xlsx":
        raise UserInputError(tr("--out harus berkas .xlsx: {p}", "--out must be an .xlsx file: {p}", p=target),
                             field="out")
    check_document_target(target, args.replace)  # refused before any work
    with OpenedDatabase(args, write=True) as db:
        selector = _selector(db, args)
        result = write_monthly(db, target, month, selector=selector, without_nik=args.without_nik,
                               replace=args.replace, today=today, demo=bool(db.get_setting("demo")))
        record_export(db, f"laporan bulanan {month.year}-{month.month:02d}", result.persons, result.path,
                      details={"sheets": result.sheets, "without_nik": args.without_nik, "rows": result.rows})
    removable = is_removable(result.path)
    if removable and not out.json_mode:
        sys.stderr.write(tr(
            "Peringatan: {p} ada di media lepas-pasang dan tidak terenkripsi; berisi data pribadi klien. "
            "Simpan di tempat aman dan hapus setelah dikirim.",
            "Warning: {p} is on removable media and not encrypted; it holds clients' personal data. "
            "Keep it safe and delete it once sent.", p=result.path) + "\n")
    out.result({"out": str(result.path), "month": f"{month.year}-{month.month:02d}", "persons": result.persons,
                "sheets": result.sheets, "rows": result.rows, "removable": removable,
                "without_nik": args.without_nik},
               tr("Laporan bulanan {m} ditulis ke {p}: {n} orang, lembar {s}.",
                  "Monthly report {m} written to {p}: {n} persons, sheets {s}.", m=month.label, p=result.path,
                  n=f"{result.persons:,}".replace(",", "."), s=", ".join(result.sheets)))
    return 0
