"""``rekam-upt demo``: fill a new file with synthetic demo data.

    rekam-upt demo [--db PATH] --clients N [--seed S] [--today YYYY-MM-DD] [--replace]
                   [--unit bapas|lapas|rutan|lpka]

Without ``--db`` the demo goes to its own file in the user data folder
(``paths.demo_db_path()``), never over the real database.  A file that already
holds data is refused (exit 2) unless ``--replace``, which backs it up first.  The
password (REKAM_UPT_PASSWORD, ``--password-file``, or a prompt on a terminal)
becomes the demo file's password.  The same ``--seed`` and ``--today`` give the
same file.  The command holds the database's lock while it works, so it refuses
while the window has that file open.
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
                        help="bilangan acak awal; seed dan --today yang sama memberi berkas yang sama (bawaan 1)")
    parser.add_argument("--today", metavar="TANGGAL",
                        help="tanggal 'hari ini' data demo, TTTT-BB-HH (bawaan: tanggal komputer)")
    parser.add_argument("--replace", action="store_true",
                        help="ganti berkas yang sudah berisi data (dicadangkan dahulu)")
    parser.add_argument("--unit", choices=UNIT_KINDS, default="bapas",
                        help="jenis UPT: bapas (klien) atau lapas, rutan, lpka (warga binaan)")


def _whole_number(text: str, option: str, low: int, high: int) -> int:
    try:
        value = int(str(text).strip())
    except ValueError:
        value = None
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
                               password=password, unit_kind=args.unit, progress=progress)
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
