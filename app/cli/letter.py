"""``rekam-upt letter``: a wajib lapor letter of one client, with the number stored for its step.

    rekam-upt letter --db PATH --register-number N --kind panggilan|teguran1|teguran2|usulan-pencabutan
        [--paper A4|F4] --out FILE.pdf [--replace]

Printing it is recorded on the client's history (the audit entry names the person).
"""

from __future__ import annotations

import argparse

from app.cli.common import Output
from app.cli.printing import (
    add_client_argument,
    add_output_arguments,
    add_signer_arguments,
    client_of,
    signer_of,
    write_pdf,
)
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.print_periods import letter_number
from app.models.print_queries import program_by_register
from app.reports.paper.base import paper_settings
from app.reports.paper.letters import LETTER_KINDS, letter


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_client_argument(parser)
    parser.add_argument("--kind", choices=LETTER_KINDS, required=True, help="jenis surat")
    add_output_arguments(parser)
    add_signer_arguments(parser)


def run(args: argparse.Namespace, out: Output) -> int:
    register_number = client_of(args)

    def make(db, ctx, fh):
        record = program_by_register(db, register_number)
        stored = letter_number(db, record["program_id"], args.kind)
        if stored is None:
            raise UserInputError(tr(
                "Surat {k} untuk {n} belum punya nomor: langkah itu belum dikonfirmasi di wajib lapor.",
                "The {k} letter of {n} has no number: that step was not confirmed in wajib lapor.",
                k=args.kind, n=record["register_number"]), field="kind", code="no_letter_number")
        number, periods = stored
        return letter(fh, db, ctx, record=record, kind=args.kind, number=number, periods=periods, paper=ctx.paper,
                      signer=signer_of(db, args), templates=paper_settings(db).get("letter_templates"))

    return write_pdf(args, out, make)
