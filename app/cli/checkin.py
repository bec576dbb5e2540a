"""``rekam-upt checkin --db PATH --register-number N``: record one wajib lapor visit (or an excused absence).

The same operation as the window's check-in box: exit 0 recorded, 2 refused with the
reason in one line (an unknown register number, a program not running, a date in the
future, the same client twice on one day).  A second contact in a period already
reported is recorded as an extra contact (the line says so).  Like every command that
writes, it refuses while a window holds the file; the kiosk at the counter is the
window's Mode lapor.
"""

from __future__ import annotations

import argparse

from app.cli.common import OpenedDatabase, Output
from app.models.i18n import tr

KINDS = ("office", "home", "remote", "officer")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--register-number", required=True, metavar="N", help="nomor register program")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="tanggal lapor (bawaan: hari ini; lampau: entri susulan)")
    parser.add_argument("--kind", choices=KINDS, default="office",
                        help="office: lapor diri, home: kunjungan rumah, remote: daring, officer: lewat petugas")
    parser.add_argument("--officer", metavar="NIP|ID", help="petugas yang menerima (bawaan: PK pembimbing)")
    parser.add_argument("--working", choices=("yes", "no"), help="klien sedang bekerja")
    parser.add_argument("--excused", choices=("sakit", "izin", "berhalangan"),
                        help="catat izin tidak lapor untuk periode tanggal itu (perlu --reason)")
    parser.add_argument("--reason", metavar="TEXT", help="alasan izin")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)


def run(args: argparse.Namespace, out: Output) -> int:
    from datetime import date

    from app.models.dates import format_date, parse_iso_date
    from app.models.errors import UserInputError
    from app.models.queries import Queries
    from app.operations import wajib_lapor as wl

    today = parse_iso_date(args.today) if args.today else date.today()
    day = parse_iso_date(args.date) if args.date else today
    if args.excused and not (args.reason or "").strip():
        raise UserInputError(tr("Izin perlu alasan: --reason TEKS.", "An excused absence needs --reason TEXT."),
                             field="reason")
    with OpenedDatabase(args, write=True) as db:
        officer = wl.resolve_officer(db, args.officer) if args.officer else None
        q = Queries(db)
        if args.excused:
            match = q.checkin_matches(args.register_number, today)
            exact = [m for m in match if (m["register_number"] or "").lower() == args.register_number.strip().lower()]
            if not exact:
                raise UserInputError(tr("Nomor register {n} tidak dikenal.", "Register number {n} is unknown.",
                                        n=args.register_number), code="unknown_register")
            program_id = exact[0]["program_id"]
            pk = officer if officer is not None else exact[0]["officer_id"]
            result = wl.record_excuse(db, program_id, day=day, reason_kind=args.excused, reason=args.reason,
                                      officer_id=pk, today=today)
            info = result.info
            text = tr("Izin ({k}) dicatat untuk {n}, periode {a} – {b}.", "Excused absence ({k}) recorded for {n}, "
                      "period {a} – {b}.", k=args.excused, n=exact[0]["name"], a=format_date(info["period_start"]),
                      b=format_date(info["period_end"]))
            out.result({"recorded": "excuse", "id": result.id, "program_id": program_id,
                        "period_start": info["period_start"].isoformat(),
                        "period_end": info["period_end"].isoformat()}, text)
            return 0
        working = args.working or "unknown"
        try:
            result = wl.check_in(db, args.register_number, day=day, kind=args.kind, officer_id=officer,
                                 working=working, today=today)
            notice = ""
        except wl.ExtraContact as extra:
            # No one to press Enter here: the notice is printed and the contact recorded as extra.
            notice = extra.message.split(":")[0]
            result = wl.check_in(db, args.register_number, day=day, kind=args.kind, officer_id=officer,
                                 working=working, confirm_extra=True, today=today)
        info = result.info
        flags = [tr("entri susulan", "backdated") if info["backdated"] else "",
                 tr("kontak tambahan", "extra contact") if info["extra"] else "",
                 tr("terlambat", "late") if info["late"] else ""]
        summary = q.reporting_summary(info["program_id"], today) or {}
        rate = summary.get("attendance")
        text = tr("Tercatat: {n} ({r}) lapor {d}, periode {a} – {b}", "Recorded: {n} ({r}) reported on {d}, period "
                  "{a} – {b}", n=info["name"], r=info["register_number"], d=format_date(info["date"]),
                  a=format_date(info["period_start"]), b=format_date(info["period_end"]))
        extra_flags = ", ".join(x for x in flags if x)
        text += f" ({extra_flags})." if extra_flags else "."
        if notice:
            text = notice + ". " + text
        out.result({"recorded": "visit", "id": result.id, "program_id": info["program_id"],
                    "person_id": info["person_id"], "name": info["name"], "register_number": info["register_number"],
                    "date": info["date"].isoformat(), "period_start": info["period_start"].isoformat(),
                    "period_end": info["period_end"].isoformat(), "backdated": info["backdated"],
                    "extra": info["extra"], "late": info["late"],
                    "periods_reported": rate.reported if rate else None, "periods_due": rate.due if rate else None},
                   text)
    return 0
