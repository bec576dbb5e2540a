"""``rekam-upt attention --db PATH``: every "Perlu perhatian" group with its count and register numbers.

The same numbers as the window's sidebar: not yet reported this period, missed last
period, a step awaiting the officer's confirmation, at each escalation step, proposed for
revocation, guidance ending within 30 days, guidance past its end while still active.
``--program`` and ``--officer`` narrow to one kind of program or one PK.  It only reads.
"""

from __future__ import annotations

import argparse

from app.cli.common import OpenedDatabase, Output
from app.models.i18n import tr


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="hitung pada tanggal ini (bawaan: hari ini)")
    parser.add_argument("--program", metavar="CODE", help="hanya program ini (mis. PB)")
    parser.add_argument("--officer", metavar="NIP|ID", help="hanya klien PK ini")


def group_label(group: str) -> str:
    from app.models.reporting import step_label

    labels = {
        "unreported": tr("Belum lapor periode ini", "Not yet reported this period"),
        "missed_last": tr("Tidak lapor periode lalu", "Missed last period"),
        "confirm": tr("Langkah eskalasi menunggu konfirmasi", "Escalation step awaiting confirmation"),
        "revocation": tr("Diusulkan dicabut", "Proposed for revocation"),
        "ending": tr("Bimbingan berakhir dalam 30 hari", "Guidance ends within 30 days"),
        "past_end": tr("Lewat akhir bimbingan, masih aktif", "Past the end of guidance, still active"),
    }
    if group.startswith("step:"):
        return step_label(group.split(":", 1)[1])
    return labels.get(group, group)


def run(args: argparse.Namespace, out: Output) -> int:
    from datetime import date

    from app.models.dates import format_date, parse_iso_date
    from app.models.errors import UserInputError
    from app.models.queries import Filter, Queries
    from app.operations.wajib_lapor import resolve_officer

    today = parse_iso_date(args.today) if args.today else date.today()
    with OpenedDatabase(args, write=False, readonly=True) as db:
        q = Queries(db)
        flt = Filter()
        if args.program:
            kinds = {k["code"].lower(): k["id"] for k in q.program_kinds()}
            if args.program.strip().lower() not in kinds:
                raise UserInputError(tr("Program {p} tidak dikenal.", "Unknown program {p}.", p=args.program),
                                     field="program")
            flt = flt.with_group("kind", kinds[args.program.strip().lower()])
        if args.officer:
            flt = flt.with_group("officer", resolve_officer(db, args.officer))
        counts = q.attention_counts(flt, today)
        allowed = None
        if flt.groups:
            allowed = set(q.person_ids(flt, today=today).tolist())
        groups = []
        for group in q.attention_groups():
            programs = q.attention_programs(group, today)
            if allowed is not None:
                programs = [p for p in programs if p["person_id"] in allowed]
            groups.append({"group": group, "label": group_label(group), "count": counts.get(group, 0),
                           "register_numbers": [p["register_number"] for p in programs]})
    lines = [tr("Perlu perhatian, {d}:", "Needs attention, {d}:", d=format_date(today))]
    for g in groups:
        shown = ", ".join(g["register_numbers"][:10])
        more = len(g["register_numbers"]) - 10
        if more > 0:
            shown += tr(" dan {n} lainnya", " and {n} more", n=more)
        lines.append(f"  {g['label']}: {g['count']}" + (f" ({shown})" if shown else ""))
    out.result({"today": today.isoformat(), "groups": groups}, "\n".join(lines))
    return 0
