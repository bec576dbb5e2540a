"""``rekam-upt demo``: fill a new file with synthetic demo data.

    rekam-upt demo [--db PATH] --clients N [--seed S] [--today YYYY-MM-DD]
                   [--replace] [--replace-real-data] [--unit bapas|lapas|rutan|lpka]

Without ``--db`` the demo goes to its own file in the user data folder
(``paths.demo_db_path()``), never over the real database.  The password
(REKAM_UPT_PASSWORD, ``--password-file``, or a prompt on a terminal) becomes the
demo file's password.  A file that already holds data is refused (exit 2):
``--replace`` replaces a demo file, and only with that file's own password;
``--replace-real-data`` replaces real data, with its password, after a backup.  A
file that is not a Rekam UPT database, another program's, or one from a newer
version is never replaced.  The same ``--seed`` and ``--today`` give the same
records (the password's salt and the audit trail's stamps differ from file to
file).  The command holds the database's lock while it works, so it refuses while
the window has that file open.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli.common import Output, read_password
from app.models.domain import UNIT_KINDS
from app.models.durations import parse_date
from app.models.errors import UserInputError
from app.models.i18n import tr


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Numbers are read as text and checked here, so every mistake gets the same
    # clear Indonesian line (exit 2) rather than argparse's English one.
    parser.add_argument("--clients", metavar="N", required=True, help="jumlah klien (1 sampai 1.000.000)")
    parser.add_argument("--seed", metavar="S", default="1",
                        help="bilangan acak awal; seed dan --today yang sama memberi data yang sama (bawaan 1)")
    parser.add_argument("--today", metavar="TANGGAL",
                        help="tanggal 'hari ini' data demo, TTTT-BB-HH (bawaan: tanggal komputer)")
    parser.add_argument("--replace", action="store_true",
                        help="ganti berkas demo yang sudah ada (perlu kata sandi berkas itu)")
    parser.add_argument("--replace-real-data", action="store_true",
                        help="ganti berkas berisi data nyata dengan data demo (perlu kata sandi berkas itu; "
                             "dicadangkan dahulu)")
    parser.add_argument("--unit", choices=UNIT_KINDS, default="bapas",
                        help="jenis UPT: bapas (klien) atau lapas, rutan, lpka (warga binaan)")


def _ascii_whole_number(text: str, option: str) -> int | None:
    """The number written in ASCII digits 0-9 only, or None when it is not a whole number.

    ``int()`` would also take Arabic-Indic, Devanagari or full-width digits; they are
    refused with their own message, so a number is read the same way everywhere.
    (Kept on its own so a shared check in app/models can replace it.)
    """
    text = str(text).strip()
    if any(ch.isdigit() and ch not in "0123456789" for ch in text):
        raise UserInputError(tr("{o} hanya menerima angka 0-9: '{v}'", "{o} accepts only the digits 0-9: '{v}'",
                                o=option, v=text), field=option.lstrip("-"), code="digits")
    sign = text[:1] if text[:1] in "+-" else ""
    digits = text[len(sign):]
    if not digits or not all(ch in "0123456789" for ch in digits):
        return None
    return int(text)


def _whole_number(text: str, option: str, low: int, high: int) -> int:
    value = _ascii_whole_number(text, option)
    if value is None or not low <= value <= high:
        raise UserInputError(tr("{o} harus bilangan bulat {a} sampai {b}: '{v}'",
                                "{o} must be a whole number from {a} to {b}: '{v}'",
                                o=option, a=f"{low:,}".replace(",", "."), b=f"{high:,}".replace(",", "."),
                                v=text), field=option.lstrip("-"))
    return value


def run(args: argparse.Namespace, out: Output) -> int:
    # Imported here, not at the top: every command builds this parser, and the demo's
    # vocabulary and the calculator are not needed to run the others.
    from app.lockfile import DatabaseLock
    from app.models.paths import demo_db_path
    from app.operations.demo import MAX_CLIENTS, generate_demo

    clients = _whole_number(args.clients, "--clients", 1, MAX_CLIENTS)
    seed = _whole_number(args.seed, "--seed", 0, 2**63 - 1)
    today = parse_date(args.today) if args.today else date.today()
    db = getattr(args, "db", None)
    path = Path(db).expanduser() if db else demo_db_path()
    password = read_password(args, prompt=tr("Kata sandi berkas demo: ", "Password of the demo file: "))

    shown = {"last": -1}

    def progress(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent // 10 != shown["last"] // 10:  # one line per tenth
            shown["last"] = percent
            out.progress(tr("Membuat data demo... {p}%", "Making demo data... {p}%", p=percent))

    lock = DatabaseLock(path)
    lock.acquire()  # refuses with a clear line while the window has the file open
    try:
        result = generate_demo(path, clients=clients, seed=seed, today=today, replace=args.replace,
                               replace_real_data=args.replace_real_data, password=password, unit_kind=args.unit,
                               progress=progress)
    finally:
        lock.release()
    data = {key: result[key] for key in ("db", "clients", "persons", "cases", "programs", "seconds")}
    data["backup"] = result["backup"]
    text = tr("Data demo dibuat di {p}: {n} klien, {c} perkara, {g} program ({s_id} detik).",
              "Demo data made in {p}: {n} clients, {c} cases, {g} programs ({s} seconds).",
              p=path, n=result["clients"], c=result["cases"], g=result["programs"],
              s=result["seconds"], s_id=str(result["seconds"]).replace(".", ","))
    if result["backup"]:
        text += " " + tr("Berkas lama dicadangkan ke {b}.", "The old file was backed up to {b}.", b=result["backup"])
    out.result(data, text)
    return 0
