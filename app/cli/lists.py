"""``rekam-upt list``: the counter's lists as one PDF.

    rekam-upt list --db PATH --kind wajib-lapor --month YYYY-MM [--program CODE] [--officer NIP|ID]
        [--offence NAME|ID] --out FILE.pdf
    rekam-upt list --db PATH --kind harian --date YYYY-MM-DD [group selector] --out FILE.pdf
"""

from __future__ import annotations

import argparse

from app.cli.common import Output
from app.cli.printing import (
    add_group_arguments, add_output_arguments, add_signer_arguments, group_of, preparer_of, signer_of, today_of,
    write_pdf,
)
from app.models.dates import parse_iso_date
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.print_queries import parse_month
from app.reports.paper.lists import LIST_KINDS, buku_harian, daftar_wajib_lapor


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", choices=LIST_KINDS, required=True,
                        help="wajib-lapor (daftar bulanan per PK) atau harian (buku harian satu tanggal)")
    parser.add_argument("--month", metavar="TTTT-BB", help="bulan daftar wajib lapor (bawaan: bulan ini)")
    parser.add_argument("--date", metavar="TTTT-BB-HH", help="tanggal buku harian (bawaan: hari ini)")
    add_group_arguments(parser)
    add_output_arguments(parser)
    add_signer_arguments(parser)


def run(args: argparse.Namespace, out: Output) -> int:
    if args.kind == "wajib-lapor" and args.date:
        raise UserInputError(tr("Daftar wajib lapor memakai --month, bukan --date.",
                                "The reporting list takes --month, not --date."))
    if args.kind == "harian" and args.month:
        raise UserInputError(tr("Buku harian memakai --date, bukan --month.",
                                "The daily log takes --date, not --month."))
    today = today_of(args)
    month = parse_month(args.month) if args.month else (today.year, today.month)
    day = parse_iso_date(args.date) if args.date else today

    def make(db, ctx, fh):
        common = dict(group=group_of(db, args), paper=ctx.paper, signer=signer_of(db, args),
                      preparer=preparer_of(db, args, "Petugas Wajib Lapor"))
        if args.kind == "wajib-lapor":
            return daftar_wajib_lapor(fh, db, ctx, year=month[0], month=month[1], **common)
        return buku_harian(fh, db, ctx, day=day, **common)

    return write_pdf(args, out, make)
