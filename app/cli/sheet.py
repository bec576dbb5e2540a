"""``rekam-upt sheet``: the sentence-date sheet (lembar perhitungan) of one client as a PDF.

    rekam-upt sheet --db PATH --register-number N [--paper A4|F4] --out FILE.pdf [--replace]
"""

from __future__ import annotations

import argparse

from app.cli.common import Output
from app.cli.printing import add_output_arguments, add_signer_arguments, preparer_of, signer_of, write_pdf
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.print_queries import program_by_register
from app.reports.paper.sheet import lembar_perhitungan


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--register-number", metavar="N", help="nomor register klien (wajib)")
    add_output_arguments(parser)
    add_signer_arguments(parser)


def run(args: argparse.Namespace, out: Output) -> int:
    if not args.register_number:
        raise UserInputError(tr("--register-number wajib diisi.", "--register-number is required."),
                             field="register_number")

    def make(db, ctx, fh):
        record = program_by_register(db, args.register_number)
        return lembar_perhitungan(fh, db, ctx, case_id=record["case_id"], register_number=record["register_number"],
                                  paper=ctx.paper, signer=signer_of(db, args),
                                  preparer=preparer_of(db, args, "Petugas Registrasi"))

    return write_pdf(args, out, make)
