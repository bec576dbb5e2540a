"""``rekam-upt check --db PATH``: integrity and consistency checks, reading only.

Exit 0 when all is well, 1 when problems were found (one line each, or listed in
the JSON), 2 when the file cannot be read as a Rekam UPT database or the password is
wrong.  The file is opened read-only and never migrated, set up or created; nothing
appears beside it.  The password verifies the audit trail's signatures; a file whose
password record is missing or damaged is still checked, and that is one of its
problems.  The last line says how old the newest automatic backup is.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from app.cli.common import Output, db_path, read_password
from app.models.errors import OperationError, RekamError
from app.models.i18n import tr


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = tr("Status keluar: 0 baik, 1 ada masalah, 2 bukan basis data Rekam UPT atau kata sandi salah.",
                       "Exit status: 0 fine, 1 problems found, 2 not a Rekam UPT database or a wrong password.")


def run(args: argparse.Namespace, out: Output) -> int:
    from app.models.backup import with_fault_hint
    from app.models.storage import open_untouched
    from app.operations import auth
    from app.operations.checks import Problem, check_database

    path = db_path(args)
    try:
        db = open_untouched(path)  # UserInputError (exit 2) for what is not a Rekam UPT database
    except RekamError as err:
        # A damaged file: the line also names the latest backup and how to restore it.
        raise with_fault_hint(err, path) from None
    try:
        unusable: list[Problem] = []
        if auth.password_state(db) in ("ok", "legacy"):
            try:
                # Read-only: the password is checked and the key unlocked, nothing is upgraded.
                auth.login(db, read_password(args))
            except OperationError as err:
                if err.code != "password_record":
                    raise
                # The right password, but its key seal does not open: the record was edited.
                unusable.append(Problem("password_damaged", err.message))
        problems = unusable + check_database(db, progress=out.progress)
    finally:
        db.close()
    latest, backup_line = _latest_backup(path)
    if problems:
        out.result({"ok": False, "db": str(path), "problems": [p.to_json() for p in problems],
                    "status": "problems", "exit_status": 1, "latest_backup": latest},
                   "\n".join([*(p.message for p in problems), backup_line]))
        return 1
    out.result({"db": str(path), "problems": [], "status": "ok", "latest_backup": latest},
               tr("Basis data {p} baik: tidak ada masalah.", "Database {p} is fine: no problems.", p=path)
               + "\n" + backup_line)
    return 0


def _latest_backup(path) -> tuple[dict[str, Any] | None, str]:
    """The newest good automatic backup and its age, as JSON and as one line."""
    from app.models.backup import latest_backup
    from app.models.dates import format_date

    try:
        entry = latest_backup(path)
    except OSError:
        entry = None
    if entry is None:
        return None, tr("Belum ada cadangan otomatis untuk berkas ini.",
                        "There is no automatic backup of this file yet.")
    age = datetime.now() - entry.created
    days = max(0, age.days)
    when = f"{format_date(entry.created.date())} {entry.created:%H.%M}"
    if days == 0:
        text = tr("Cadangan terbaru: {f} ({w}, hari ini).", "Newest backup: {f} ({w}, today).", f=entry.path, w=when)
    else:
        text = tr("Cadangan terbaru: {f} ({w}, {n} hari lalu).", "Newest backup: {f} ({w}, {n} days ago).",
                  f=entry.path, w=when, n=days)
    return {**entry.to_json(), "age_days": days}, text
