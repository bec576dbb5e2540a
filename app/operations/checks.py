"""``check``: integrity and consistency of a Rekam UPT database, one problem per line.

It reads only (the command opens the file with ``storage.open_untouched``).  It
finds: SQLite damage (integrity_check), broken references, a schema that is older
than the program's or was changed outside it, settings rows that cannot be read, a
password record that is missing or damaged, an audit trail edited, forged, cut or
wiped outside the program (signatures under the file's key, the chain, the head
anchor, and every record having the entry that created it), grouping rows or stored
sentence dates that no longer follow from the records, and records that break the
program's own rules (NIK length, dates in order).

The trail's signatures are verified with the key the password unlocked
(``app.operations.auth.login`` on the same ``db``); without it only its shape is.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from app.models import audit_trail
from app.models import calculator as calc
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.schema import APPLICATION_ID, DATE_KEYS, SCHEMA_VERSION
from app.models.storage import RECORD_TABLES, Database
from app.operations import auth
from app.operations.index import _FACTS_FROM_CASES, _FACTS_WITHOUT_CASES
from app.operations.sentence import calc_settings, sentence_input

# What each later step reads: skipped (the missing table is reported once) when one is gone.
_FACTS_TABLES = ("facts", "persons", "cases", "programs")
_RECORD_RULE_TABLES = ("persons", "cases", "programs")
_DATE_TABLES = ("cases", "remissions", "interruptions", "date_overrides", "official_dates", "settings")


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
    if version < SCHEMA_VERSION:
        # Its tables are not this program's yet: comparing them would only list differences.
        problems.append(Problem("schema_old", tr(
            "Skema berkas versi {v}, program ini memakai {s}: berkas perlu diperbarui oleh program "
            "(buka dengan rekam-upt). check tidak mengubahnya.",
            "The file's schema is version {v}, this program uses {s}: the program must upgrade it "
            "(open it with rekam-upt). check did not change it.", v=version, s=SCHEMA_VERSION)))
        return problems
    if version != SCHEMA_VERSION:
        problems.append(Problem("schema", tr("Versi skema {v}, seharusnya {s}.", "Schema version {v}, expected {s}.",
                                             v=version, s=SCHEMA_VERSION)))
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        problems.append(Problem("foreign_key", tr("Rujukan putus: {t} baris {r} menunjuk {p} yang tidak ada.",
                                                  "Broken reference: {t} row {r} points to a missing {p}.",
                                                  t=table, r=rowid, p=parent)))

    say(tr("Memeriksa struktur tabel...", "Checking the tables' structure..."))
    problems += _check_schema(db)
    present = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def run(step: Callable[[], list[Problem]], needs: tuple[str, ...]) -> None:
        if not set(needs) <= present:
            return
        try:
            problems.extend(step())
        except (sqlite3.Error, ValueError) as err:
            # A table changed outside the program in a way the schema check did not name.
            problems.append(Problem("check_failed", tr("Pemeriksaan terhenti: {e}", "A check stopped: {e}", e=err)))

    say(tr("Memeriksa pengaturan dan kata sandi...", "Checking the settings and the password..."))
    run(lambda: _check_settings(db), ("settings",))
    run(lambda: _check_password_record(db), ())
    say(tr("Memeriksa jejak audit...", "Checking the audit trail..."))
    run(lambda: _check_audit(db, present), ("audit_log",))
    say(tr("Memeriksa pengelompokan...", "Checking the grouping..."))
    run(lambda: _check_facts(conn), _FACTS_TABLES)
    say(tr("Memeriksa data...", "Checking the records..."))
    run(lambda: _check_records(conn), _RECORD_RULE_TABLES)
    say(tr("Menghitung ulang tanggal pidana...", "Recomputing sentence dates..."))
    run(lambda: _check_dates(db), _DATE_TABLES)
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


def _check_settings(db: Database) -> list[Problem]:
    problems = [Problem("settings_damaged", tr(
        "Pengaturan '{k}' rusak (isinya bukan JSON yang terbaca).",
        "The setting '{k}' is damaged (its value is not readable JSON).", k=key))
        for key in sorted(db.damaged_settings()) if key != "auth"]
    return problems


def _check_password_record(db: Database) -> list[Problem]:
    """A missing or damaged record (a dropped settings table included): the file would be refused."""
    state = auth.password_state(db)
    if state in ("missing", "damaged"):
        return [Problem(f"password_{state}", auth.record_refused(db, state).message)]
    return []


def _check_audit(db: Database, present: set[str]) -> list[Problem]:
    conn = db.conn
    state = auth.password_state(db) if "settings" in present else "damaged"
    key = db._current_key() if state == "ok" else None
    if state == "ok" and key is None:
        chain = audit_trail.verify_chain(conn, None, signatures=False)
        found = [Problem("audit_unverified", tr(
            "Jejak audit: tanda tangan entri tidak diperiksa (tanpa kata sandi).",
            "Audit trail: the entries' signatures were not verified (no password)."))]
    else:
        # A legacy file's chain is unkeyed; a damaged record's key cannot be had (shape only).
        chain = audit_trail.verify_chain(conn, key, signatures=state in ("ok", "legacy", "new"))
        found = []
    found += [Problem(code, text) for code, text in chain.problems]
    # A damaged or missing anchor is reported as such (settings, schema), not as a cut tail.
    if "settings" in present and "audit_head" not in db.damaged_settings():
        head = db.get_setting("audit_head")
        found += [Problem(code, text) for code, text in audit_trail.check_tail(conn, chain, head)]
    if state == "legacy":
        found.append(Problem("audit_unsigned", tr(
            "Jejak audit dari versi lama belum ditandatangani: buka berkas sekali di program dengan kata sandi "
            "(check tidak mengubah berkas).",
            "The audit trail from an older version is not signed yet: open the file once in the program with "
            "the password (check does not change the file).")))
        return found  # the older program listed no created records
    if state == "ok" and key is not None and chain.keyed == 0:
        found.append(Problem("audit_wiped", tr(
            "Jejak audit kosong atau diganti di luar program: tidak ada entri yang ditandatangani kunci berkas ini.",
            "The audit trail was emptied or replaced outside the program: no entry is signed with this file's key.")))
    found += _check_coverage(conn, present)
    return found


def _check_coverage(conn: sqlite3.Connection, present: set[str]) -> list[Problem]:
    """Every record has the entry that created it: a wiped or cut trail leaves records without one."""
    tables = tuple(t for t in RECORD_TABLES if t in present)
    missing, unreadable = audit_trail.uncovered_records(conn, tables)
    found = [Problem("audit_created", tr(
        "Jejak audit: daftar data yang dibuat pada entri {i} tidak terbaca.",
        "Audit trail: the list of records created in entry {i} cannot be read.", i=i)) for i in unreadable]
    for table, (count, first) in missing.items():
        found.append(Problem("audit_uncovered", tr(
            "Jejak audit: {n} data di tabel {t} tidak punya entri yang membuatnya (mis. #{i}); "
            "entri dihapus di luar program.",
            "Audit trail: {n} records in table {t} have no entry that created them (e.g. #{i}); "
            "entries were removed outside the program.", n=count, t=table, i=first)))
    return found


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
        problems.append(Problem("nik", tr("Orang #{i}: NIK '{n}' bukan 16 digit.",
                                          "Person #{i}: NIK '{n}' is not 16 digits.", i=pid, n=nik)))
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
