"""``rekam-upt import FILE``: bring the rows of an old register (xlsx, xls, ods, csv) into the database.

    rekam-upt import FILE --db PATH [--sheet NAME] [--mapping FILE] [--save-mapping FILE]
                     [--create-officers] [--dry-run] [--json]

The columns are recognised by their names (or by ``--mapping``, a file saved from the
window's import wizard or by ``--save-mapping``).  Matching follows the window's rules;
the command line decides nothing, so a row that may be the same person as another
("kemungkinan sama") is not imported and is listed with "perlu keputusan".  An officer
(PK) not found is created only with ``--create-officers``; otherwise the row is imported
with the PK empty.  Rows not imported are written, with their reason, to a workbook
beside FILE ("... - baris ditolak.xlsx") to be fixed and imported again.  One transaction:
any failure leaves the database as it was.  ``--dry-run`` reports what would happen and
writes nothing.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli.common import OpenedDatabase, Output
from app.models.i18n import tr


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="berkas .xlsx, .xls, .ods atau .csv")
    parser.add_argument("--sheet", metavar="NAMA", help="nama lembar (bawaan: lembar pertama)")
    parser.add_argument("--mapping", metavar="FILE", help="pemetaan kolom yang disimpan (JSON)")
    parser.add_argument("--save-mapping", metavar="FILE", help="simpan pemetaan kolom yang dipakai ke berkas ini")
    parser.add_argument("--create-officers", action="store_true",
                        help="buat PK yang belum terdaftar (bawaan: baris diimpor tanpa PK)")
    parser.add_argument("--dry-run", action="store_true", help="hanya laporkan, jangan simpan apa pun")
    parser.add_argument("--today", metavar="TANGGAL", help=argparse.SUPPRESS)


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def rejected_path(source: Path) -> Path:
    """A new name beside the source for its rejected rows (never an existing file)."""
    base = source.with_name(f"{source.stem} - baris ditolak")
    candidate = base.with_suffix(".xlsx")
    n = 2
    while candidate.exists():
        candidate = source.with_name(f"{base.name} ({n}).xlsx")
        n += 1
    return candidate


def run(args: argparse.Namespace, out: Output) -> int:
    from app.models.durations import parse_date
    from app.models.excel_queries import ImportQueries
    from app.operations.importer import run_import
    from app.reports.excel_columns import (
        apply_mapping, find_header, load_mapping_file, mapping_from_names, save_mapping_file,
    )
    from app.reports.excel_import import load_sheet, parse_sheet
    from app.reports.excel_plan import Decisions, make_plan
    from app.reports.excel_write import rejected_workbook

    source = Path(args.file).expanduser()
    today = parse_date(args.today) if args.today else date.today()
    # The file is read before the database is opened: a file that is no spreadsheet is
    # refused without asking for the password.
    sheet, sheet_names, kind = load_sheet(source, args.sheet)
    saved = load_mapping_file(Path(args.mapping)) if args.mapping else None
    header = find_header(sheet, saved)
    if saved:
        header = apply_mapping(header, mapping_from_names(header, saved))
    if args.save_mapping:
        save_mapping_file(header, Path(args.save_mapping))
    decisions = Decisions(create_officers=args.create_officers)

    def progress(done: int, total: int, text: str = "") -> None:
        if text:
            out.progress(f"{text} {100 * done // max(total, 1)}%")

    with OpenedDatabase(args, write=not args.dry_run) as db:
        parsed = parse_sheet(source, sheet, sheet_names, kind, header, ImportQueries(db).program_kinds(),
                             today=today)
        if args.dry_run:
            plan = make_plan(db, parsed, decisions, today=today)
            summary, batch = plan.summary(), None
        else:
            result = run_import(db, parsed, decisions, today=today, progress=progress)
            summary, batch = result.info["summary"], result.info["batch"]
            plan = make_plan(db, parsed, decisions, today=today) if summary["decide"] or summary["rejected"] \
                else None
    rejected_file = None
    if plan is not None and (summary["rejected"] or summary["decide"]):
        rows = plan.rejected()
        if rows and not args.dry_run:
            rejected_file = rejected_workbook(rejected_path(source), header.names, rows, source=source.name)
    data = {**summary, "batch": batch, "dry_run": args.dry_run,
            "rejected_file": str(rejected_file) if rejected_file else None}
    new = summary["new"]
    lines = [tr(
        "{what} {f} (lembar {s}, judul kolom di baris {h}): {c} baris dibuat, {m} cocok dengan data yang ada, "
        "{d} perlu keputusan, {r} ditolak.",
        "{what_en} {f} (sheet {s}, header in row {h}): {c} rows created, {m} matched existing records, "
        "{d} need a decision, {r} rejected.",
        what=tr("Uji impor (tidak disimpan)", "Dry run") if args.dry_run else "Impor",
        what_en="Dry run (nothing saved)" if args.dry_run else "Import",
        f=source.name, s=summary["sheet"], h=summary["header_row"], c=_n(summary["created"]),
        m=_n(summary["matched"]), d=_n(summary["decide"]), r=_n(summary["rejected"]))]
    lines.append(tr("Baru: {p} orang, {k} perkara, {g} program, {o} PK.",
                    "New: {p} persons, {k} cases, {g} programs, {o} officers.",
                    p=_n(new["persons"]), k=_n(new["cases"]), g=_n(new["programs"]), o=_n(new["officers"])))
    if summary["officers_missing"]:
        lines.append(tr("PK belum ditetapkan (tidak terdaftar; pakai --create-officers untuk membuatnya): {n}.",
                        "No officer assigned (not registered; use --create-officers to create them): {n}.",
                        n=", ".join(summary["officers_missing"])))
    if summary["unknown_offences"]:
        lines.append(tr("Jenis kejahatan belum dipilih (pilih di jendela data klien): {n}.",
                        "Offence category not chosen (choose it in the client's record): {n}.",
                        n=", ".join(summary["unknown_offences"])))
    for item in summary["decisions"]:
        lines.append(tr("  baris {r}: perlu keputusan — {name} kemungkinan sama dengan {c}",
                        "  row {r}: needs a decision — {name} may be the same as {c}", r=item["row"],
                        name=item["name"], c="; ".join(f"{c['name']} ({c['where']})" for c in item["candidates"])))
    for item in summary["rejections"]:
        lines.append(tr("  baris {r}: {why}", "  row {r}: {why}", r=item["row"], why="; ".join(item["reasons"])))
    if rejected_file:
        lines.append(tr("Baris yang tidak diimpor ditulis ke {p} (dengan alasannya): perbaiki lalu impor lagi.",
                        "The rows not imported were written to {p} (with their reasons): fix them and import "
                        "again.", p=rejected_file))
    out.result(data, "\n".join(lines))
    return 0
