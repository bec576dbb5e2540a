"""The child process of the kill test (tests/test_kill.py): writes until it is SIGKILLed.

    python tests/kill_child.py SCENARIO [ARGS...]

It prints one line per event and flushes at once, so the parent knows where it
was when it died: ``ready`` when its writes begin, ``begin`` when an operation's
transaction (or a backup / restore, which are all-or-nothing file operations) has
begun, ``commit`` when it is complete.  It never imports Qt, so it starts fast.

Scenarios
    edit DB                     create_client / add_remission / update_person in a loop
    backup DB OUTDIR PASSWORD   backup_to (plain, encrypted) and automatic_backup in a loop
    restore DB A B PASSWORD     restore_database of backup A (plain) and B (encrypted), alternating
    migration DB ROWS           open a v1 file with a fake heavy v2 migration added (once)
    upgrade DB                  open a file from before the wajib lapor migration with the real migrations (once)
    create FOLDER               first start: Database.open(create=True) of new files in a loop
    demo DB CLIENTS PASSWORD    app.operations.demo.generate_demo (once), if it exists
"""

from __future__ import annotations

import contextlib
import sys
import time
from datetime import date
from pathlib import Path

# Run as a script: make the repository and tests/ importable.
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from app.models import backup, schema, storage
from app.models.storage import Database
from app.operations.clients import update_person
from app.operations.sentence import add_remission

TODAY = date(2026, 11, 22)


def say(word: str) -> None:
    sys.stdout.write(word + "\n")
    sys.stdout.flush()


def trace_transactions() -> None:
    """Announce each outermost transaction once it has begun and once it has committed."""
    original = Database.transaction

    @contextlib.contextmanager
    def traced(self):  # type: ignore[no-untyped-def]
        if self.conn.in_transaction:
            with original(self) as conn:
                yield conn
            return
        with original(self) as conn:
            say("begin")
            yield conn
        say("commit")

    Database.transaction = traced  # type: ignore[method-assign]


@contextlib.contextmanager
def operation():
    say("begin")
    yield
    say("commit")


def edit(db_path: str) -> None:
    import factories as f
    from conftest import PASSWORD
    from safety_data import add_client, client_values

    from app.operations.auth import login

    db = Database.open(db_path)
    login(db, PASSWORD)  # as every writer does: the trail's key unlocked
    n = db.scalar("SELECT count(*) FROM persons")
    say("ready")
    while True:
        person_id = add_client(db, n)
        case_id = db.scalar("SELECT id FROM cases WHERE person_id = ?", (person_id,))
        add_remission(db, case_id, date(2025, 8, 17), months=1, kind="umum")
        name, birth, nik = client_values(n)
        update_person(db, person_id, f.person(name=name, nik=nik, birth=birth, address=f"Jl. Mawar {n}"),
                      today=TODAY)
        n += 1


def backups(db_path: str, out_dir: str, password: str) -> None:
    db = Database.open(db_path, readonly=True)
    out = Path(out_dir)
    say("ready")
    while True:
        with operation():
            backup.backup_to(db, out / "cadangan.sqlite3")
        with operation():
            backup.backup_to(db, out / "cadangan.rkupt", password_for_encryption=password)
        with operation():
            backup.automatic_backup(db, "harian", keep=3)


def restores(db_path: str, plain: str, sealed: str, password: str) -> None:
    say("ready")
    while True:
        with operation():
            backup.restore_database(db_path, plain, keep=3)
        with operation():
            backup.restore_database(db_path, sealed, password=password, keep=3)


def heavy_v2(rows: int):  # type: ignore[no-untyped-def]
    def _v2(conn) -> None:  # type: ignore[no-untyped-def]
        conn.execute("CREATE TABLE v2_notes (id INTEGER PRIMARY KEY, person_id INTEGER, note TEXT NOT NULL)")
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO v2_notes(person_id, note) "
            "SELECT i % 50, printf('catatan %d %s', i, hex(randomblob(40))) FROM n", (rows,))
        conn.execute("UPDATE persons SET search = search || ' v2'")
    return _v2


def migration(db_path: str, rows: str) -> None:
    migrations = [*schema.MIGRATIONS, heavy_v2(int(rows))]
    for module in (schema, storage):
        module.MIGRATIONS = migrations  # type: ignore[attr-defined]
        module.SCHEMA_VERSION = len(migrations)  # type: ignore[attr-defined]
    backup.SCHEMA_VERSION = len(migrations)  # type: ignore[attr-defined]
    original = backup.backup_before_migration

    def traced_backup(db):  # type: ignore[no-untyped-def]
        with operation():
            return original(db)

    backup.backup_before_migration = traced_backup  # type: ignore[assignment]
    say("ready")
    Database.open(db_path).close()
    say("done")
    time.sleep(3600)


def upgrade(db_path: str) -> None:
    original = backup.backup_before_migration

    def traced_backup(db):  # type: ignore[no-untyped-def]
        with operation():
            return original(db)

    backup.backup_before_migration = traced_backup  # type: ignore[assignment]
    say("ready")
    Database.open(db_path).close()
    say("done")
    time.sleep(3600)


def create(folder: str) -> None:
    say("ready")
    i = 0
    while True:
        Database.open(Path(folder) / f"baru-{i:05d}.sqlite3", create=True).close()
        i += 1


def demo(db_path: str, clients: str, password: str) -> None:
    from app.operations.demo import generate_demo

    say("ready")
    with operation():
        generate_demo(Path(db_path), clients=int(clients), seed=1, today=TODAY, replace=True,
                      password=password)
    say("done")
    time.sleep(3600)


SCENARIOS = {"edit": edit, "backup": backups, "restore": restores, "migration": migration, "upgrade": upgrade,
             "create": create, "demo": demo}


def main() -> None:
    from conftest import TEST_SCRYPT_N

    from app.models import security

    # The parent made the file at the tests' scrypt cost: log in at the same one, so the
    # login does not upgrade the record (a write of its own) before the scenario starts.
    security.LOGIN_SCRYPT_N = TEST_SCRYPT_N
    scenario, *args = sys.argv[1:]
    if scenario == "demo":
        import app.operations.demo  # noqa: F401  (import before the Qt check below)
    if "PySide6" in sys.modules:
        sys.stderr.write("kill_child imported PySide6\n")
        sys.exit(3)
    if scenario != "demo":  # the demo is one operation around its own inner transaction
        trace_transactions()
    SCENARIOS[scenario](*args)


if __name__ == "__main__":
    main()
