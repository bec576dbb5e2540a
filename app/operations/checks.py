"""``check``: integrity and consistency of a Rekam UPT database, one problem per line.

It reads only.  It finds: SQLite damage (integrity_check), broken references,
an audit trail edited or cut outside the program (hash chain and head anchor),
grouping rows or stored sentence dates that no longer follow from the records,
and records that break the program's own rules (NIK length, dates in order).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from app.models import calculator as calc
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.schema import APPLICATION_ID, DATE_KEYS, SCHEMA_VERSION
from app.models.storage import GENESIS_HASH, Database, audit_hash
from app.operations.index import _FACTS_FROM_CASES, _FACTS_WITHOUT_CASES
from app.operations.sentence import calc_settings, sentence_input


@dataclass(frozen=True)
class Problem:
    code: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


def check_database(db: Database, progress: Callable[[str], None] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    say = progress or (lambda _text: None)
    conn = db.conn

    say(tr("Memeriksa keutuhan berkas...", "Checking the file's integrity..."))
    try:
        for (line,) in conn.execute("PRAGMA integrity_check"):
            if line != "ok":
                problems.append(Problem("integrity", tr("Kerusakan SQLite: {l}", "SQLite damage: {l}", l=line)))
    except sqlite3.DatabaseError as err:
        # Damage bad enough that SQLite stops reading is still a finding, not a crash.
        problems.append(Problem("integrity", tr(
            "Kerusakan SQLite: {e}. Pulihkan dari cadangan terakhir.",
            "SQLite damage: {e}. Restore the latest backup.", e=err)))
    if problems:
        return problems  # the rest would only repeat the damage
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        problems.append(Problem("application_id", tr("application_id bukan milik Rekam UPT.",
                                                     "The application_id is not Rekam UPT's.")))
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        problems.append(Problem("schema", tr("Versi skema {v}, seharusnya {s}.", "Schema version {v}, expected {s}.",
                                             v=version, s=SCHEMA_VERSION)))
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        problems.append(Problem("foreign_key", tr("Rujukan putus: {t} baris {r} menunjuk {p} yang tidak ada.",
                                                  "Broken reference: {t} row {r} points to a missing {p}.",
                                                  t=table, r=rowid, p=parent)))

    say(tr("Memeriksa struktur tabel...", "Checking the tables' structure..."))
    problems += _check_schema(db)
    say(tr("Memeriksa jejak audit...", "Checking the audit trail..."))
    problems += _check_audit(db)
    say(tr("Memeriksa pengelompokan...", "Checking the grouping..."))
    problems += _check_facts(conn)
    say(tr("Memeriksa data...", "Checking the records..."))
    problems += _check_records(conn)
    say(tr("Menghitung ulang tanggal pidana...", "Recomputing sentence dates..."))
    problems += _check_dates(db)
    return problems


def _check_schema(db: Database) -> list[Problem]:
    """Tables, columns, indexes and the trail's triggers as the migrations make them.

    The expected schema is built by running the migrations on an empty in-memory
    database; sqlite-utils reads both schemas.  A difference means the file was
    changed outside the program (a dropped trigger lets the trail be edited).
    """
    import sqlite_utils

    from app.models.schema import MIGRATIONS

    reference = sqlite3.connect(":memory:")
    for step in MIGRATIONS:
        step(reference)
    expected, actual = sqlite_utils.Database(reference), db.sdb
    problems: list[Problem] = []
    tables = set(actual.table_names())
    for name in expected.table_names():
        if name not in tables:
            problems.append(Problem("schema_table", tr("Tabel {t} hilang.", "Table {t} is missing.", t=name)))
            continue
        missing = set(expected[name].columns_dict) - set(actual[name].columns_dict)
        if missing:
            problems.append(Problem("schema_column", tr("Tabel {t} kehilangan kolom: {c}.",
                                                        "Table {t} lost columns: {c}.",
                                                        t=name, c=", ".join(sorted(missing)))))
        lost = {i.name for i in expected[name].indexes} - {i.name for i in actual[name].indexes}
        if lost:
            problems.append(Problem("schema_index", tr(
                "Indeks tabel {t} hilang (pencarian dan pengelompokan jadi lambat): {i}.",
                "Indexes of table {t} are missing (search and grouping become slow): {i}.",
                t=name, i=", ".join(sorted(lost)))))
    triggers = {t.name for t in actual.triggers}
    for trigger in expected.triggers:
        if trigger.name not in triggers:
            problems.append(Problem("schema_trigger", tr(
                "Pelindung jejak audit ({t}) dihapus di luar program.",
                "The audit trail's guard ({t}) was removed outside the program.", t=trigger.name)))
    reference.close()
    return problems


def _check_audit(db: Database) -> list[Problem]:
    problems: list[Problem] = []
    prev_hash, expected_id = GENESIS_HASH, 1
    last_id, last_hash = 0, GENESIS_HASH
    cur = db.conn.execute("SELECT id, at, operation, entity, entity_id, person_id, operator, os_user, before, after,"
                          " prev_hash, hash FROM audit_log ORDER BY id")
    for (entry_id, at, operation, entity, entity_id, person_id, operator, user, before, after,
         stored_prev, stored_hash) in cur:
        if entry_id != expected_id:
            problems.append(Problem("audit_gap", tr(
                "Jejak audit: entri {a}-{b} hilang (dihapus di luar program).",
                "Audit trail: entries {a}-{b} are missing (removed outside the program).",
                a=expected_id, b=entry_id - 1)))
        if stored_prev != prev_hash:
            problems.append(Problem("audit_chain", tr(
                "Jejak audit: entri {i} tidak menyambung ke entri sebelumnya.",
                "Audit trail: entry {i} does not chain to the one before.", i=entry_id)))
        entry = {"at": at, "operation": operation, "entity": entity, "entity_id": entity_id,
                 "person_id": person_id, "operator": operator, "os_user": user, "before": before, "after": after}
        if audit_hash(stored_prev, entry_id, entry) != stored_hash:
            problems.append(Problem("audit_edited", tr(
                "Jejak audit: entri {i} diubah di luar program.",
                "Audit trail: entry {i} was edited outside the program.", i=entry_id)))
        prev_hash, expected_id = stored_hash, entry_id + 1
        last_id, last_hash = entry_id, stored_hash
    head = db.get_setting("audit_head")
    if head and (head.get("id"), head.get("hash")) != (last_id, last_hash):
        problems.append(Problem("audit_tail", tr(
            "Jejak audit: entri terakhir (nomor {i}) hilang atau diubah di luar program.",
            "Audit trail: the last entries (number {i}) were removed or changed outside the program.",
            i=head.get("id"))))
    elif not head and last_id:
        problems.append(Problem("audit_tail", tr("Jejak audit: penanda akhir hilang.",
                                                 "Audit trail: the end marker is missing.")))
    return problems


def _check_facts(conn: sqlite3.Connection) -> list[Problem]:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS expected_facts AS SELECT * FROM facts WHERE 0")
    conn.execute("DELETE FROM temp.expected_facts")
    for sql in (_FACTS_FROM_CASES, _FACTS_WITHOUT_CASES):
        conn.execute(sql.format(where="").replace("INSERT INTO facts", "INSERT INTO temp.expected_facts"))
    cols = ("person_id, case_id, program_id, kind_id, officer_id, status, offence_category_id, age_group,"
            " register_class, start_date, end_date")
    missing = conn.execute(f"SELECT COUNT(*) FROM (SELECT {cols} FROM temp.expected_facts"
                           f" EXCEPT SELECT {cols} FROM facts)").fetchone()[0]
    extra = conn.execute(f"SELECT COUNT(*) FROM (SELECT {cols} FROM facts"
                         f" EXCEPT SELECT {cols} FROM temp.expected_facts)").fetchone()[0]
    conn.execute("DROP TABLE temp.expected_facts")
    if missing or extra:
        return [Problem("grouping", tr(
            "Pengelompokan tidak sesuai data: {m} baris kurang, {e} baris lebih.",
            "The grouping does not follow the records: {m} rows missing, {e} rows extra.", m=missing, e=extra))]
    return []


def _check_records(conn: sqlite3.Connection) -> list[Problem]:
    problems = []
    for pid, nik in conn.execute("SELECT id, nik FROM persons WHERE nik IS NOT NULL"
                                 " AND (length(nik) <> 16 OR nik GLOB '*[^0-9]*')"):
        problems.append(Problem("nik", tr("Orang #{i}: NIK '{n}' bukan 16 digit.", "Person #{i}: NIK '{n}' is not 16 digits.",
                                          i=pid, n=nik)))
    for prog_id, start, end in conn.execute(
            "SELECT id, start_date, end_date FROM programs WHERE end_date < start_date"):
        problems.append(Problem("program_dates", tr("Program #{i}: akhir ({e}) sebelum awal ({s}).",
                                                    "Program #{i}: end ({e}) before start ({s}).",
                                                    i=prog_id, e=end, s=start)))
    for case_id, birth, offence in conn.execute(
            "SELECT c.id, p.birth_date, c.offence_date FROM cases c JOIN persons p ON p.id = c.person_id"
            " WHERE c.offence_date < p.birth_date"):
        problems.append(Problem("case_dates", tr("Perkara #{i}: tindak pidana ({o}) sebelum lahir ({b}).",
                                                 "Case #{i}: offence ({o}) before birth ({b}).",
                                                 i=case_id, o=offence, b=birth)))
    return problems


def _check_dates(db: Database) -> list[Problem]:
    problems = []
    settings = calc_settings(db)
    wrong = 0
    first: int | None = None
    cur = db.conn.execute("SELECT * FROM cases WHERE deleted_at IS NULL AND sentence_kind = 'term'"
                          " AND detention_start IS NOT NULL")
    names = [d[0] for d in cur.description]
    for values in cur.fetchall():
        case = dict(zip(names, values))
        try:
            inp = sentence_input(db, case)
            result = calc.compute(inp, settings) if inp else None
        except (UserInputError, ValueError, json.JSONDecodeError):
            if not case["calc_note"]:
                wrong += 1
                first = first or case["id"]
            continue
        if result is None:
            continue
        for k in DATE_KEYS:
            value = getattr(result, k)
            if (value.isoformat() if value else None) != case[k]:
                wrong += 1
                first = first or case["id"]
                break
    if wrong:
        problems.append(Problem("dates", tr(
            "{n} perkara menyimpan tanggal pidana yang tidak sesuai hitungan (mis. perkara #{i}).",
            "{n} cases store sentence dates that differ from the computation (e.g. case #{i}).", n=wrong, i=first)))
    return problems
