"""``rekam-upt check --db PATH``: integrity and consistency checks.

Exit 0 when all is well, 1 when problems were found (one line each, or listed in
the JSON), 2 when the file cannot be read as a Rekam UPT database.
"""

from __future__ import annotations

import argparse

from app.cli.common import OpenedDatabase, Output, db_path
from app.models.errors import OperationError, UserInputError
from app.models.i18n import tr


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = tr("Status keluar: 0 baik, 1 ada masalah, 2 bukan basis data Rekam UPT.",
                       "Exit status: 0 fine, 1 problems found, 2 not a Rekam UPT database.")


def run(args: argparse.Namespace, out: Output) -> int:
    from app.operations.checks import check_database

    path = db_path(args)
    try:
        opened = OpenedDatabase(args, write=False)
        db = opened.__enter__()
    except OperationError as err:
        # The file cannot be read as a Rekam UPT database at all.
        raise UserInputError(err.message, code=err.code) from err
    try:
        problems = check_database(db, progress=out.progress)
    except OperationError as err:
        raise UserInputError(err.message, code=err.code) from err
    finally:
        opened.__exit__()
    if problems:
        out.result({"ok": False, "db": str(path), "problems": [p.to_json() for p in problems],
                    "status": "problems", "exit_status": 1},
                   "\n".join(p.message for p in problems))
        return 1
    out.result({"db": str(path), "problems": [], "status": "ok"},
               tr("Basis data {p} baik: tidak ada masalah.", "Database {p} is fine: no problems.", p=path))
    return 0
