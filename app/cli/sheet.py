"""``rekam-upt sheet``: the sentence-date sheet (lembar perhitungan) of one client as a PDF.

    rekam-upt sheet --db PATH --register-number N [--paper A4|F4] --out FILE.pdf [--replace]
"""

from __future__ import annotations

import argparse

from app.cli.common import Output
from app.cli.printing import (
    add_client_argument,
    add_output_arguments,
    add_signer_arguments,
    client_of,
    preparer_of,
    signer_of,
    write_pdf,
)
from app.models.print_queries import program_by_register
from app.reports.paper.sheet import lembar_perhitungan


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_client_argument(parser)
    add_output_arguments(parser)
    add_signer_arguments(parser)


def run(args: argparse.Namespace, out: Output) -> int:
    register_number = client_of(args)

    def make(db, ctx, fh):
        record = program_by_register(db, register_number)
        return lembar_perhitungan(fh, db, ctx, case_id=record["case_id"], register_number=record["register_number"],
                                  paper=ctx.paper, signer=signer_of(db, args),
                                  preparer=preparer_of(db, args, "Petugas Registrasi"))

    return write_pdf(args, out, make)
