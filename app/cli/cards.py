"""``rekam-upt cards``: guidance cards (kartu bimbingan) as one PDF, for a month's batch or one client.

    rekam-upt cards --db PATH (--month YYYY-MM [--only-new] | --register-number N) [--program CODE]
        [--officer NIP|ID] [--offence NAME|ID] [--card A5|A4] [--paper A4|F4] --out FILE.pdf [--replace]

A5 cards come two to an A4 or F4 sheet with cut marks; --card A4 prints one card per A4
page.  One client's card printed again says PENGGANTI (a lost card), unless
--replacement no.  The programs printed are stamped (when, how often).
"""

from __future__ import annotations

import argparse

from app.cli.common import Output
from app.cli.printing import add_group_arguments, add_output_arguments, group_of, today_of, write_pdf
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.print_queries import is_running, parse_month, program_by_register
from app.reports.paper.cards import LAYOUTS, guidance_cards, month_batch_ids


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", metavar="TTTT-BB", help="kartu klien yang aktif pada bulan ini")
    parser.add_argument("--only-new", action="store_true",
                        help="hanya yang mulai pada bulan itu atau belum pernah dicetak")
    parser.add_argument("--register-number", metavar="N", help="kartu satu klien")
    parser.add_argument("--card", choices=LAYOUTS, default="A5",
                        help="A5 (dua per lembar A4/F4, dengan tanda potong) atau A4 (satu per halaman)")
    parser.add_argument("--replacement", choices=("auto", "yes", "no"), default="auto",
                        help="kartu PENGGANTI: auto = bila kartu klien ini pernah dicetak")
    add_group_arguments(parser)
    add_output_arguments(parser)


def run(args: argparse.Namespace, out: Output) -> int:
    if bool(args.month) == bool(args.register_number):
        raise UserInputError(tr("Pilih --month TTTT-BB atau --register-number N.",
                                "Choose --month YYYY-MM or --register-number N."))
    if args.only_new and not args.month:
        raise UserInputError(tr("--only-new hanya bersama --month.", "--only-new goes with --month only."))
    month = parse_month(args.month) if args.month else None

    def make(db, ctx, fh):
        replacement = False
        if month:
            ids = month_batch_ids(db, group_of(db, args), *month, only_new=args.only_new)
            title = f"Kartu Bimbingan {args.month}"
        else:
            record = program_by_register(db, args.register_number)
            if not record["guidance"]:
                raise UserInputError(tr("{k} bukan program bimbingan: tidak ada kartu bimbingan.",
                                        "{k} is not a guidance program: it has no guidance card.",
                                        k=record["kind_code"]), field="register_number")
            if not is_running(record, today_of(args)) and record["status"] != "aktif":
                raise UserInputError(tr("Program {n} tidak aktif (status {s}): kartu tidak dicetak.",
                                        "Program {n} is not active (status {s}): no card printed.",
                                        n=record["register_number"], s=record["status"]), field="register_number")
            ids = [record["program_id"]]
            replacement = args.replacement == "yes" or (args.replacement == "auto" and record["card_print_count"] > 0)
            title = f"Kartu Bimbingan {record['register_number']}"
        return guidance_cards(fh, db, ctx, program_ids=ids, card=args.card, paper=ctx.paper,
                              replacement=replacement, title=title)

    return write_pdf(args, out, make)
