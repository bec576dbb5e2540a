"""What the print commands share: the group selector, paper, signer, output file.

``cards``, ``register``, ``list``, ``letter`` and ``sheet`` all write one PDF through
the safe document writer (an existing file is replaced only with --replace, never a
database or a backup) and record what left the program in the audit trail, so they
take the database's lock like every writing command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.cli.common import OpenedDatabase, Output
from app.models.dates import parse_iso_date
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.print_queries import Group, Period, officer_by_key, parse_month, parse_year, resolve_group
from app.models.storage import Database
from app.reports.paper.base import SIGNER_MODES, PaperContext, Preparer, Signer, check_paper, paper_context


def add_group_arguments(parser: argparse.ArgumentParser) -> None:
    """The one group selector: --program CODE, --officer NIP|ID, --offence NAME|ID."""
    parser.add_argument("--program", metavar="KODE", help="kode program, mis. PB, CB, ASIM")
    parser.add_argument("--officer", metavar="NIP|ID", help="PK: NIP atau nomor petugas")
    parser.add_argument("--offence", metavar="NAMA|ID", help="kategori tindak pidana, mis. Pencurian")


def add_output_arguments(parser: argparse.ArgumentParser, *, papers: tuple[str, ...] = ("A4", "F4")) -> None:
    parser.add_argument("--paper", metavar="|".join(papers), help="ukuran kertas (bawaan: pengaturan)")
    parser.add_argument("--out", metavar="BERKAS.pdf", help="berkas PDF yang ditulis (wajib)")
    parser.add_argument("--replace", action="store_true", help="timpa berkas --out yang sudah ada")
    parser.add_argument("--today", metavar="TANGGAL", help="tanggal cetak, TTTT-BB-HH (bawaan: hari ini)")


def add_client_argument(parser: argparse.ArgumentParser) -> None:
    """--register-number of the one client a letter or a sheet is about (checked by ``client_of``)."""
    parser.add_argument("--register-number", metavar="N", help="nomor register klien (wajib)")


def client_of(args: argparse.Namespace) -> str:
    """The --register-number given (exit 2 in the user's language when it is missing)."""
    if not args.register_number:
        raise UserInputError(tr("--register-number wajib diisi.", "--register-number is required."),
                             field="register_number")
    return args.register_number


def add_signer_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--signer", choices=SIGNER_MODES, default="head",
                        help="penanda tangan: head (Kepala), an, plh, plt (bawaan: head)")
    parser.add_argument("--signer-officer", metavar="NIP|ID",
                        help="petugas yang menandatangani a.n. / Plh. / Plt.")
    parser.add_argument("--signer-position", metavar="JABATAN",
                        help="jabatan penanda tangan a.n., mis. 'Kepala Seksi Bimbingan Klien'")
    parser.add_argument("--preparer-officer", metavar="NIP|ID",
                        help="pembuat daftar/register (bawaan: operator di pengaturan kantor)")


def group_of(db: Database, args: argparse.Namespace) -> Group:
    return resolve_group(db, program=getattr(args, "program", None), officer=getattr(args, "officer", None),
                         offence=getattr(args, "offence", None))


def period_of(args: argparse.Namespace) -> Period:
    year, month = getattr(args, "year", None), getattr(args, "month", None)
    if year and month:
        raise UserInputError(tr("Pilih --year atau --month, tidak keduanya.", "Choose --year or --month, not both."))
    if month:
        return Period.month(*parse_month(month))
    if year:
        return Period.year(parse_year(year))
    return Period()


def today_of(args: argparse.Namespace) -> date:
    text = getattr(args, "today", None)
    return parse_iso_date(text) if text else date.today()


def signer_of(db: Database, args: argparse.Namespace) -> Signer:
    mode = getattr(args, "signer", "head") or "head"
    key = getattr(args, "signer_officer", None)
    if mode == "head":
        return Signer("head")
    if not key:
        raise UserInputError(tr("--signer {m} memerlukan --signer-officer NIP|ID.",
                                "--signer {m} needs --signer-officer NIP|ID.", m=mode), field="signer_officer")
    officer = officer_by_key(db, key)
    return Signer(mode, officer["name"], officer["rank"] or "", officer["nip"] or "",
                  getattr(args, "signer_position", None) or "")


def preparer_of(db: Database, args: argparse.Namespace, default_position: str = "Petugas Register") -> Preparer:
    key = getattr(args, "preparer_officer", None)
    if not key:
        return Preparer(position=default_position)
    officer = officer_by_key(db, key)
    return Preparer(officer["name"], default_position, officer["nip"] or "", officer["rank"] or "")


def out_path(args: argparse.Namespace) -> Path:
    if not getattr(args, "out", None):
        raise UserInputError(tr("--out BERKAS.pdf wajib diisi.", "--out FILE.pdf is required."), field="out")
    return Path(args.out).expanduser()


def context_of(db: Database, args: argparse.Namespace, papers: tuple[str, ...] = ("A4", "F4")) -> PaperContext:
    today = today_of(args)
    now = datetime.now()
    ctx = paper_context(db, now=datetime.combine(today, now.time().replace(microsecond=0)))
    paper = getattr(args, "paper", None)
    chosen = check_paper(paper, papers) if paper else (ctx.paper if ctx.paper in papers else papers[0])
    from dataclasses import replace

    return replace(ctx, paper=chosen)


def write_pdf(args: argparse.Namespace, out: Output, make: Callable[[Database, PaperContext, Any], Any],
              *, papers: tuple[str, ...] = ("A4", "F4"), check: Callable[[Database], None] | None = None) -> int:
    """Open the database, draw the document into the safe writer, record it, report one line."""
    from app.models.safefile import check_document_target, document_writer
    from app.operations.printing import record_output

    target = out_path(args)
    check_document_target(target, bool(args.replace))  # refuse before any work
    with OpenedDatabase(args, write=True) as db:
        if check is not None:
            check(db)
        ctx = context_of(db, args, papers)
        with document_writer(target, replace=bool(args.replace)) as fh:
            printed = make(db, ctx, fh)
            record_output(db, document=printed.title, kind="simpan", person_ids=printed.person_ids,
                          target=str(target.resolve()), pages=printed.pages,
                          card_program_ids=printed.extra.get("card_program_ids", ()),
                          replacement=bool(printed.extra.get("replacement")),
                          details=printed.extra.get("audit"))
    data = {"out": str(target), "pages": printed.pages, "rows": printed.rows, "persons": len(printed.person_ids),
            "paper": printed.paper, "document": printed.title}
    out.result(data, tr("{t}: {p} halaman, {n} orang -> {o}", "{t}: {p} pages, {n} persons -> {o}",
                        t=printed.title, p=printed.pages, n=len(printed.person_ids), o=target))
    return 0
