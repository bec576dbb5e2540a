"""``rekam-upt backup [--db PATH] --out FILE [--encrypt]``: a backup to a chosen file.

It only reads the database, so it works while the window has it open (it does not
take the lock): SQLite's backup API copies one consistent snapshot.  It needs the
program's password like every command but ``calc``; with ``--encrypt`` the file is
sealed with AES-GCM under a key derived from that same password.  The file appears
under its name only when complete.

``--out`` may name a new file, an empty one, or an earlier backup of the same
database (known by its database id); anything else (the database itself, another
database, a backup of another database, any other file, a folder, device, FIFO or
socket) is refused with one line, exit 2, unchanged.  A symlink is followed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import OpenedDatabase, Output
from app.models.errors import UserInputError
from app.models.i18n import tr


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="FILE", required=False,
                        help="berkas cadangan yang ditulis (mis. di flashdisk): nama baru, atau "
                             "cadangan lama dari basis data yang sama")
    parser.add_argument("--encrypt", action="store_true",
                        help="enkripsi cadangan (AES-GCM, kunci dari kata sandi program)")


def run(args: argparse.Namespace, out: Output) -> int:
    from app.models.backup import backup_to

    if not args.out:
        raise UserInputError(tr("Sebutkan berkas tujuan dengan --out FILE.",
                                "Name the target file with --out FILE."), field="out")
    target = Path(args.out).expanduser()
    # Read-only: no migration, no write, no lock; the window may keep working.
    opened = OpenedDatabase(args, write=False, readonly=True)
    with opened as db:
        made = backup_to(db, target, password_for_encryption=opened.password if args.encrypt else None)
    size = made.stat().st_size
    text = (tr("Cadangan terenkripsi disimpan: {p} ({n} bait).", "Encrypted backup saved: {p} ({n} bytes).",
               p=made, n=size) if args.encrypt else
            tr("Cadangan disimpan: {p} ({n} bait).", "Backup saved: {p} ({n} bytes).", p=made, n=size))
    out.result({"out": str(made), "encrypted": bool(args.encrypt), "size": size}, text)
    return 0
