"""``rekam-upt register``: the register pembimbingan, the klaper or the B register as one PDF.

    rekam-upt register --db PATH --kind pembimbingan|klaper|b [--program CODE] [--officer NIP|ID]
        [--offence NAME|ID] [--year YYYY | --month YYYY-MM] [--paper A4|F4] --out FILE.pdf [--replace]
"""

from __future__ import annotations

import argparse

from app.cli.common import Output
from app.cli.printing import (
    add_group_arguments, add_output_arguments, add_signer_arguments, group_of, period_of, preparer_of, signer_of,
    write_pdf,
)
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.reports.paper.registers import REGISTER_KINDS, REGISTERS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", choices=REGISTER_KINDS, required=True,
                        help="pembimbingan (Bapas), klaper (indeks nama), b (narapidana B.I-B.III)")
    add_group_arguments(parser)
    parser.add_argument("--year", metavar="TTTT", help="hanya program yang mulai pada tahun ini")
    parser.add_argument("--month", metavar="TTTT-BB", help="hanya program yang mulai pada bulan ini")
    add_output_arguments(parser)
    add_signer_arguments(parser)


def run(args: argparse.Namespace, out: Output) -> int:
    period = period_of(args)
    if args.kind == "b" and (args.program or args.officer):
        raise UserInputError(tr("Register B hanya memakai --offence (narapidana tidak punya program atau PK).",
                                "The B register only takes --offence (inmates have no program or PK)."))

    def make(db, ctx, fh):
        return REGISTERS[args.kind](fh, db, ctx, group=group_of(db, args), period=period, paper=ctx.paper,
                                    signer=signer_of(db, args), preparer=preparer_of(db, args))

    return write_pdf(args, out, make)
