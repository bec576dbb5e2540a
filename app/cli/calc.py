"""``rekam-upt calc``: the sentence calculator on the command line.

Computes expiry, 1/3, 1/2, 2/3, PB, CB, CMB and asimilasi dates from arguments
alone: it never opens or creates a database.  Bad input is a ``UserInputError``
with one Indonesian line naming the value and, for a number too large or a date
past the calendar, the limit (exit 2 through the dispatcher; one JSON object
with ``--json``).  Only the digits 0-9 are read (app.models.digits).  This is the
only place the calculator's "today" comes from the clock, and only when
``--today`` is not given.

Example::

    rekam-upt calc --start 2024-03-01 --sentence 3y \\
        --remission 2025-08-17:2m:umum --remission 2025-12-25:1m:khusus
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from app.cli.common import Output
from app.models.calc_validation import MAX_DETENTION_DAYS, MAX_FINE
from app.models.calculator import (
    DATE_KEYS,
    DATE_LABELS,
    REMISSION_KINDS,
    ROUNDING_CHOICES,
    CalcSettings,
    Interruption,
    Remission,
    SentenceDates,
    SentenceInput,
    compute,
)
from app.models.digits import parse_whole_number
from app.models.durations import MONTH_END_CHOICES, Duration, format_date_id, parse_date
from app.models.errors import UserInputError
from app.models.i18n import tr


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Values are read as text and parsed here rather than by argparse, so every
    # mistake gets the same clear Indonesian message.
    parser.add_argument("--start", metavar="TANGGAL",
                        help="tanggal mulai ditahan (S), TTTT-BB-HH (wajib)")
    parser.add_argument("--sentence", metavar="LAMA", action="append", default=[],
                        help="lama pidana, mis. 3y6m15d atau 3t6b15h; boleh diulang "
                             "(pidana berturut-turut dijumlahkan)")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--life", action="store_true", help="pidana seumur hidup")
    kind.add_argument("--death", action="store_true", help="pidana mati")
    parser.add_argument("--remission", metavar="TANGGAL:LAMA[:JENIS]", action="append",
                        default=[],
                        help="remisi yang diberikan, mis. 2025-08-17:2m:umum; jenis: "
                             + ", ".join(REMISSION_KINDS) + "; boleh diulang")
    parser.add_argument("--remission-total", metavar="LAMA",
                        help="jumlah remisi dari SK (pengganti rincian remisi), mis. 3m")
    parser.add_argument("--interruption", metavar="TANGGAL:TANGGAL", action="append",
                        default=[],
                        help="hari pertama dan terakhir di luar tahanan; boleh diulang")
    parser.add_argument("--city-detention-days", metavar="N",
                        help="jumlah hari tahanan kota (dihitung 1/5)")
    parser.add_argument("--house-detention-days", metavar="N",
                        help="jumlah hari tahanan rumah (dihitung 1/3)")
    parser.add_argument("--fine", metavar="N", help="denda dalam rupiah")
    parser.add_argument("--subsider", metavar="LAMA", help="pidana pengganti denda, mis. 3m")
    parser.add_argument("--fine-unpaid", action="store_true",
                        help="denda tidak dibayar: subsider dijalani")
    parser.add_argument("--child", action="store_true", help="anak (PB pada 1/2, PMP)")
    parser.add_argument("--offence", metavar="TEKS",
                        help="kategori tindak pidana, mis. 'Narkotika (pengguna)'")
    parser.add_argument("--override", metavar="KUNCI=TANGGAL", action="append", default=[],
                        help="tanggal resmi dari petugas, mis. two_thirds=2025-12-20; kunci: "
                             + ", ".join(DATE_KEYS))
    parser.add_argument("--fraction-rounding", metavar="ATURAN",
                        help="pembulatan hari 1/3, 1/2, 2/3: " + ", ".join(ROUNDING_CHOICES))
    parser.add_argument("--credit-rounding", metavar="ATURAN",
                        help="pembulatan potongan tahanan: " + ", ".join(ROUNDING_CHOICES))
    parser.add_argument("--month-end", metavar="ATURAN",
                        help="tanggal melewati akhir bulan: " + ", ".join(MONTH_END_CHOICES))
    parser.add_argument("--today", metavar="TANGGAL",
                        help="tanggal hari ini untuk pemeriksaan (bawaan: tanggal komputer)")


def _count(text: str | None, option: str, maximum: int) -> int:
    """A whole number of days or rupiah from 0 to ``maximum``, in the digits 0-9;
    "5_000_000" is read as 5000000, as Python writes long numbers."""
    if text is None:
        return 0
    return parse_whole_number(text.replace("_", ""), what=option, maximum=maximum)


def _remission(text: str) -> Remission:
    parts = text.split(":")
    if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
        raise UserInputError(tr(
            "Remisi tidak valid: '{v}' (format: TANGGAL:LAMA[:JENIS], contoh 2025-08-17:2m:umum)",
            "Invalid remission: '{v}' (format: DATE:LENGTH[:KIND], e.g. 2025-08-17:2m:umum)",
            v=text))
    granted = parse_date(parts[0])
    length = Duration.parse(parts[1])
    if length.years:
        # A remission is counted in months and days; a year would be read as 12 months.
        length = Duration(0, length.years * 12 + length.months, length.days)
    kind = parts[2].strip().lower() if len(parts) == 3 and parts[2].strip() else "umum"
    if kind not in REMISSION_KINDS:
        raise UserInputError(tr("Jenis remisi tidak dikenal: '{k}' (pilihan: {c})",
                                "Unknown remission kind: '{k}' (choices: {c})",
                                k=kind, c=", ".join(REMISSION_KINDS)))
    return Remission(granted, length.months, length.days, kind)


def _interruption(text: str) -> Interruption:
    parts = text.split(":")
    if len(parts) != 2:
        raise UserInputError(tr(
            "Penangguhan tidak valid: '{v}' (format: TANGGAL:TANGGAL, contoh "
            "2024-05-01:2024-05-31)",
            "Invalid interruption: '{v}' (format: DATE:DATE, e.g. 2024-05-01:2024-05-31)",
            v=text))
    return Interruption(parse_date(parts[0]), parse_date(parts[1]))


def _override(text: str) -> tuple[str, date]:
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep or key not in DATE_KEYS:
        raise UserInputError(tr("Tanggal pengganti tidak valid: '{v}' (format: KUNCI=TANGGAL; "
                                "kunci: {c})",
                                "Invalid override: '{v}' (format: KEY=DATE; keys: {c})",
                                v=text, c=", ".join(DATE_KEYS)))
    return key, parse_date(value)


def _settings(args: argparse.Namespace) -> CalcSettings:
    chosen: dict[str, Any] = {}
    for name in ("fraction_rounding", "credit_rounding", "month_end"):
        value = getattr(args, name, None)
        if value is not None:
            chosen[name] = value.strip().lower()
    return CalcSettings(**chosen)  # refuses an unknown choice with UserInputError


def build_input(args: argparse.Namespace) -> tuple[SentenceInput, CalcSettings, date]:
    """The calculator's input, settings and "today" from the parsed arguments."""
    if not args.start:
        raise UserInputError(tr("--start (tanggal mulai ditahan) wajib diisi.",
                                "--start (the first day of detention) is required."),
                             field="detention_start")
    start = parse_date(args.start)
    today = parse_date(args.today) if args.today else date.today()
    kind = "life" if args.life else "death" if args.death else "term"
    sentences = tuple(Duration.parse(s) for s in args.sentence)
    if kind == "term" and not sentences:
        raise UserInputError(tr("Lama pidana wajib diisi: --sentence (mis. 3y6m) atau --life / "
                                "--death.",
                                "A sentence is required: --sentence (e.g. 3y6m) or --life / "
                                "--death."), field="sentences")
    remission_total = None
    if args.remission_total is not None:
        remission_total = Duration.parse(args.remission_total).days30
    overrides = dict(_override(o) for o in args.override)
    inp = SentenceInput(
        detention_start=start,
        sentences=sentences,
        sentence_kind=kind,
        interruptions=tuple(_interruption(i) for i in args.interruption),
        city_detention_days=_count(args.city_detention_days, "--city-detention-days",
                                   MAX_DETENTION_DAYS),
        house_detention_days=_count(args.house_detention_days, "--house-detention-days",
                                    MAX_DETENTION_DAYS),
        remissions=tuple(_remission(r) for r in args.remission),
        remission_total_days=remission_total,
        fine=_count(args.fine, "--fine", MAX_FINE),
        subsider=Duration.parse(args.subsider) if args.subsider else Duration(),
        fine_paid=not args.fine_unpaid,
        child=args.child,
        offence_category=args.offence,
        overrides=overrides,
    )
    return inp, _settings(args), today


def _yes_no(flag: bool) -> str:
    return "ya" if flag else "tidak"


def format_text(dates: SentenceDates) -> str:
    """The result for people: an aligned table, then the breakdown and the conditions."""
    rows: list[tuple[str, str]] = []
    for key in DATE_KEYS:
        value = getattr(dates, key)
        text = format_date_id(value)
        was = dates.computed.get(key)
        if value != was:
            text += f"  (hitungan: {format_date_id(was)})"
        elif key in dates.capped_at_expiry:
            text += "  (dibatasi pada ekspirasi, lihat rincian)"
        rows.append((DATE_LABELS[key], text))
        if key == "two_thirds":
            rows.append(("Berhak PB", _yes_no(dates.parole_eligible)))
            rows.append(("Berhak CB", _yes_no(dates.conditional_leave_eligible)))
    width = max(len(label) for label, _ in rows)
    lines = ["Tanggal pidana", ""]
    lines += [f"  {label.ljust(width)}  {text}" for label, text in rows]
    lines += ["", "Rincian perhitungan:"]
    for n, step in enumerate(dates.breakdown, 1):
        lines.append(f"  {n:>2}. {step.label}: {step.value}")
        lines.append(f"      {step.rule} [{step.source}]")
    if dates.conditions:
        lines += ["", "Yang harus dipastikan petugas:"]
        lines += [f"  - {c}" for c in dates.conditions]
    return "\n".join(lines)


def run(args: argparse.Namespace, out: Output) -> int:
    inp, settings, today = build_input(args)
    dates = compute(inp, settings, today=today)
    out.result(dates.to_json(), format_text(dates))
    return 0
