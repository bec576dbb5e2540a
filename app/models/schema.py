"""The database schema and its ordered migrations.

The schema version lives in ``PRAGMA user_version``; ``MIGRATIONS[n-1]`` takes a
file from version n-1 to n and runs inside one transaction (storage.py), so a
migration lands whole or not at all.  A file from a newer program is refused
before anything touches it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# "RKUP": lets the program recognise its own files (PRAGMA application_id).
APPLICATION_ID = 0x524B5550

# The one home of the sentence-date keys (the calculator's outputs, in its order),
# stored with each case computed (calc_*) and effective.  Here rather than in the
# calculator because the window imports this module at start-up and it stays light.
DATE_KEYS: tuple[str, ...] = (
    "expiry_initial", "expiry", "one_third", "half", "two_thirds", "parole_date",
    "parole_supervision_end", "conditional_leave_start", "conditional_leave_end",
    "leave_before_release_start", "assimilation_date",
)
# The one home of the remission kinds (remissions.kind): remisi umum, khusus, dasawarsa,
# tambahan, and for a child pengurangan masa pidana (domain.md rule 10).
REMISSION_KINDS: tuple[str, ...] = ("umum", "khusus", "dasawarsa", "tambahan", "pmp")
# Indexes for the due lists (queries.due_condition): each covers what its list tests,
# so finding 10,000 due cases among 100,000 reads an index, not the wide case rows.
DUE_INDEXES = {
    "expiry": ("expiry",),
    "parole_date": ("parole_date", "expiry", "parole_eligible"),
    "conditional_leave_start": ("conditional_leave_start", "expiry", "conditional_leave_eligible"),
    "leave_before_release_start": ("leave_before_release_start", "expiry"),
    "assimilation_date": ("assimilation_date", "expiry"),
}
MISSING_VERDICT = ("c.deleted_at IS NULL AND c.sentence_kind IN ('term', 'life', 'death')"
                   " AND (c.verdict_date IS NULL OR (c.sentence_kind = 'term' AND COALESCE(c.sentence_p30, 0) = 0))")
# A fine alone, unpaid, is a complete verdict of kurungan pengganti denda (register B.III), though
# its main sentence is 0.  Kept apart from MISSING_VERDICT, which is the partial index's WHERE.
SUBSIDER_ONLY = "(c.verdict_date IS NOT NULL AND c.fine_paid = 0 AND c.subsider <> '')"

# Register classes of a Lapas or Rutan (domain.md): detainees A.I-A.V, convicts B.I-B.III.
REGISTER_CLASSES = ("A.I", "A.II", "A.III", "A.IV", "A.V", "B.I", "B.IIa", "B.IIb", "B.III")

PROGRAM_STATUSES = ("aktif", "selesai", "dicabut", "pindah", "melarikan_diri",
                    "mengulangi_tindak_pidana", "meninggal")

OFFENCE_CATEGORIES = (
    "Narkotika (pengguna)", "Narkotika (pengedar/bandar)", "Korupsi", "Terorisme",
    "Pencucian Uang", "Perdagangan Orang", "Pencurian", "Perampokan", "Penipuan",
    "Penggelapan", "Penadahan", "Pemerasan", "Pembunuhan", "Penganiayaan", "KDRT",
    "Perlindungan Anak", "Kesusilaan", "Perjudian", "Lalu Lintas", "Senjata Api/Tajam",
    "Pemalsuan", "Penculikan", "Kehutanan", "Perikanan", "ITE", "Lain-lain",
)

# code, name, guidance (reporting + cards), for children only, court-ordered
PROGRAM_KINDS = (
    ("PB", "Pembebasan Bersyarat", 1, 0, 0),
    ("CB", "Cuti Bersyarat", 1, 0, 0),
    ("CMB", "Cuti Menjelang Bebas", 1, 0, 0),
    ("ASIM", "Asimilasi", 1, 0, 0),
    ("PPW", "Pidana Pengawasan", 1, 0, 1),
    ("PKS", "Pidana Kerja Sosial", 1, 0, 1),
    ("PBS", "Pidana Bersyarat", 1, 0, 1),
    ("DIV", "Diversi", 1, 1, 1),
    ("PPK", "Pidana Pelatihan Kerja", 1, 1, 1),
    ("TIN", "Tindakan", 1, 1, 1),
)


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run several statements inside the caller's transaction.

    ``executescript`` would COMMIT first, breaking a migration's all-or-nothing.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            if statement.strip():
                conn.execute(statement)
            statement = ""
    if statement.strip():
        conn.execute(statement)


# The table's sort orders: key -> columns (the person's id breaks the last tie).
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "name": ("name_sort",),
    "nik": ("row_ident", "name_sort"),
    "birth_date": ("birth_date", "name_sort"),
    "program": ("row_program", "name_sort"),
    "register": ("row_register", "name_sort"),
    "officer": ("row_officer_sort", "name_sort"),
    "offence": ("row_offence", "name_sort"),
    "status": ("row_status", "name_sort"),
    "start": ("row_start", "name_sort"),
    "end": ("row_end", "name_sort"),
}


def _v1(conn: sqlite3.Connection) -> None:
    due_indexes = "\n".join(f"CREATE INDEX cases_due_{key} ON cases({', '.join(cols)}) WHERE deleted_at IS NULL;"
                            for key, cols in DUE_INDEXES.items())
    sort_indexes = "\n".join(f"CREATE INDEX persons_sort_{key} ON persons({', '.join(cols)}, id)"
                             " WHERE deleted_at IS NULL;" for key, cols in SORT_KEYS.items())
    date_cols = ",\n".join(f"    calc_{k} TEXT,\n    {k} TEXT" for k in DATE_KEYS)
    # The statuses' one home (PROGRAM_STATUSES) makes the CHECK: the same text version 1 wrote.
    statuses = ", ".join(f"'{status}'" for status in PROGRAM_STATUSES)
    run_script(conn, f"""
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE officers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_sort TEXT NOT NULL,
    nip TEXT UNIQUE,
    nip_kind TEXT NOT NULL DEFAULT 'nip' CHECK (nip_kind IN ('nip', 'pppk', 'none')),
    rank TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    deactivated_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX officers_sort ON officers(active, name_sort);

CREATE TABLE offence_categories (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE program_kinds (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    guidance INTEGER NOT NULL DEFAULT 1,
    child_only INTEGER NOT NULL DEFAULT 0,
    court_ordered INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_sort TEXT NOT NULL,
    name_fold TEXT NOT NULL,
    alias TEXT NOT NULL DEFAULT '',
    nik TEXT,
    nik_note TEXT NOT NULL DEFAULT '',
    passport TEXT,
    nationality TEXT NOT NULL DEFAULT 'Indonesia',
    sex TEXT NOT NULL CHECK (sex IN ('L', 'P')),
    birth_place TEXT NOT NULL DEFAULT '',
    birth_date TEXT NOT NULL,
    religion TEXT NOT NULL DEFAULT '',
    education TEXT NOT NULL DEFAULT '',
    occupation TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    family_contact TEXT NOT NULL DEFAULT '',
    guarantor TEXT NOT NULL DEFAULT '',
    duplicate_note TEXT NOT NULL DEFAULT '',
    -- What the table shows and sorts by: the person's main record (active program first),
    -- kept up to date in the same transaction as every change (operations/index.py).
    search TEXT NOT NULL DEFAULT '',
    row_ident TEXT NOT NULL DEFAULT '',
    row_program TEXT NOT NULL DEFAULT '',
    row_register TEXT NOT NULL DEFAULT '',
    row_officer TEXT NOT NULL DEFAULT '',
    row_officer_sort TEXT NOT NULL DEFAULT '',
    row_offence TEXT NOT NULL DEFAULT '',
    row_status TEXT NOT NULL DEFAULT '',
    row_start TEXT NOT NULL DEFAULT '',
    row_end TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    deleted_batch TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX persons_nik ON persons(nik) WHERE nik IS NOT NULL;
CREATE INDEX persons_fold ON persons(name_fold, birth_date);
-- The table's orders: each index covers its sort key for the persons not in the bin,
-- so a page of 100 rows or a row's position is an index range, not a sort of 100,000.
{sort_indexes}
-- Search scans this narrow index instead of the wide rows.
CREATE INDEX persons_search ON persons(search) WHERE deleted_at IS NULL;
CREATE INDEX persons_deleted ON persons(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    client_class TEXT NOT NULL CHECK (client_class IN ('dewasa', 'anak')),
    offence_date TEXT NOT NULL,
    offence_category_id INTEGER REFERENCES offence_categories(id),
    articles TEXT NOT NULL DEFAULT '',
    statute TEXT NOT NULL DEFAULT '',
    verdict_number TEXT NOT NULL DEFAULT '',
    verdict_date TEXT,
    court TEXT NOT NULL DEFAULT '',
    sentence_kind TEXT NOT NULL DEFAULT 'term'
        CHECK (sentence_kind IN ('term', 'life', 'death', 'none')),
    sentences TEXT NOT NULL DEFAULT '[]',
    sentence_p30 INTEGER,
    fine INTEGER NOT NULL DEFAULT 0,
    subsider TEXT NOT NULL DEFAULT '',
    fine_paid INTEGER NOT NULL DEFAULT 1,
    detention_start TEXT,
    city_detention_days INTEGER NOT NULL DEFAULT 0,
    house_detention_days INTEGER NOT NULL DEFAULT 0,
    detention_authority TEXT,
    remission_total_days INTEGER,
    register_class TEXT,
{date_cols},
    parole_eligible INTEGER NOT NULL DEFAULT 0,
    conditional_leave_eligible INTEGER NOT NULL DEFAULT 0,
    calc_note TEXT NOT NULL DEFAULT '',
    official_differs INTEGER NOT NULL DEFAULT 0,
    deleted_at TEXT,
    deleted_batch TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX cases_person ON cases(person_id);
{due_indexes}
CREATE INDEX cases_missing_verdict ON cases(id) WHERE {MISSING_VERDICT.replace("c.", "")};
CREATE INDEX cases_official_differs ON cases(official_differs) WHERE official_differs = 1;

CREATE TABLE remissions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    granted TEXT NOT NULL,
    kind TEXT NOT NULL,
    months INTEGER NOT NULL DEFAULT 0 CHECK (months >= 0),
    days INTEGER NOT NULL DEFAULT 0 CHECK (days >= 0),
    sk_number TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX remissions_case ON remissions(case_id);

CREATE TABLE interruptions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    start TEXT NOT NULL,
    end TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interruptions_case ON interruptions(case_id);

CREATE TABLE date_overrides (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (case_id, key)
);

CREATE TABLE official_dates (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (case_id, key)
);

CREATE TABLE programs (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind_id INTEGER NOT NULL REFERENCES program_kinds(id),
    sk_number TEXT NOT NULL DEFAULT '',
    sk_date TEXT,
    register_number TEXT,
    register_year INTEGER,
    register_seq INTEGER,
    start_date TEXT,
    end_date TEXT,
    officer_id INTEGER REFERENCES officers(id),
    status TEXT NOT NULL DEFAULT 'aktif' CHECK (status IN ({statuses})),
    status_date TEXT,
    status_letter TEXT NOT NULL DEFAULT '',
    status_reason TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    deleted_batch TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX programs_register ON programs(register_number) WHERE register_number IS NOT NULL;
CREATE INDEX programs_person ON programs(person_id);
CREATE INDEX programs_case ON programs(case_id);
CREATE INDEX programs_officer ON programs(officer_id);
CREATE INDEX programs_seq ON programs(kind_id, register_year, register_seq);
CREATE INDEX programs_active_end ON programs(end_date) WHERE deleted_at IS NULL AND status = 'aktif';
CREATE INDEX programs_case_kind ON programs(case_id, kind_id) WHERE deleted_at IS NULL;
CREATE INDEX programs_active_officer ON programs(officer_id, person_id) WHERE deleted_at IS NULL AND status = 'aktif';

CREATE TABLE status_changes (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id),
    status TEXT NOT NULL,
    date TEXT NOT NULL,
    letter TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX status_changes_program ON status_changes(program_id);

-- Monthly reporting (wajib lapor): one row per visit.
CREATE TABLE wajib_lapor (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id),
    report_date TEXT NOT NULL,
    officer_id INTEGER REFERENCES officers(id),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX wajib_lapor_program ON wajib_lapor(program_id, report_date);

-- One row per (person, case, program) that the sidebar groups by; a person
-- without a case or program still has one row.  Rebuilt per person in the
-- same transaction as any change to them (operations/index.py).
CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    case_id INTEGER REFERENCES cases(id),
    program_id INTEGER REFERENCES programs(id),
    kind_id INTEGER,
    officer_id INTEGER,
    status TEXT,
    offence_category_id INTEGER,
    age_group TEXT,
    register_class TEXT
);
CREATE INDEX facts_person ON facts(person_id);
CREATE INDEX facts_kind ON facts(kind_id, person_id);
CREATE INDEX facts_officer ON facts(officer_id, person_id);
CREATE INDEX facts_status ON facts(status, person_id);
CREATE INDEX facts_offence ON facts(offence_category_id, person_id);
CREATE INDEX facts_age ON facts(age_group, person_id);
CREATE INDEX facts_class ON facts(register_class, person_id);
CREATE INDEX facts_case ON facts(case_id);
CREATE INDEX facts_program ON facts(program_id);
-- Every grouping column and the person: counts under any combination of groups read
-- this narrow index instead of the table.
CREATE INDEX facts_all ON facts(kind_id, officer_id, status, offence_category_id, age_group, register_class,
                                person_id);

-- The audit trail: append-only; each entry carries the hash of the one before.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    operation TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    person_id INTEGER,
    operator TEXT NOT NULL,
    os_user TEXT NOT NULL,
    before TEXT,
    after TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_person ON audit_log(person_id);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
""")
    conn.executemany(
        "INSERT INTO offence_categories(name, position) VALUES (?, ?)",
        [(name, i) for i, name in enumerate(OFFENCE_CATEGORIES, 1)])
    conn.executemany(
        "INSERT INTO program_kinds(code, name, guidance, child_only, court_ordered, position)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(*kind, i) for i, kind in enumerate(PROGRAM_KINDS, 1)])


def _v2(conn: sqlite3.Connection) -> None:
    """Group membership follows the programs active today (issue 9).

    ``facts`` keeps each program's start and end beside its status, so "the CB clients
    of today" is answered from the narrow covering index without reading the programs.
    """
    run_script(conn, """
ALTER TABLE facts ADD COLUMN start_date TEXT;
ALTER TABLE facts ADD COLUMN end_date TEXT;
UPDATE facts SET start_date = (SELECT start_date FROM programs WHERE programs.id = facts.program_id),
                 end_date = (SELECT end_date FROM programs WHERE programs.id = facts.program_id)
 WHERE program_id IS NOT NULL;
DROP INDEX facts_all;
CREATE INDEX facts_all ON facts(kind_id, officer_id, status, offence_category_id, age_group, register_class,
                                start_date, end_date, person_id);
""")


# --- printing (issue 11) ----------------------------------------------------------------
# What the paper needs and the schema lacked.  The guarantor's name stays in
# persons.guarantor; a program's legal basis is its kind (basis_kind, a code from the
# settings' list "paper.basis_kinds") with the number and date already kept in
# sk_number / sk_date.
# [choice] Existing programs get the kind their program usually rests on: a court's verdict
# for court-ordered programs, a court's order for diversi, the Dirjenpas's decree (a.n.
# Menteri) for PB, CB and CMB, the head of the Lapas/Rutan's for asimilasi.
BASIS_BY_PROGRAM = {"PB": "sk_dirjenpas", "CB": "sk_dirjenpas", "CMB": "sk_dirjenpas", "ASIM": "sk_kalapas",
                    "DIV": "penetapan"}


def default_basis(code: str, court_ordered: bool) -> str:
    """The kind of legal basis a program usually rests on (the form proposes it; blank input gets it)."""
    return BASIS_BY_PROGRAM.get(code) or ("putusan" if court_ordered else "")


def _v3_printing(conn: sqlite3.Connection) -> None:
    """Guarantor details, each program's legal basis kind, the letterhead lines, card prints."""
    import json

    cases = " ".join(f"WHEN '{code}' THEN '{kind}'" for code, kind in BASIS_BY_PROGRAM.items())
    run_script(conn, f"""
ALTER TABLE persons ADD COLUMN guarantor_relation TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN guarantor_address TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN guarantor_phone TEXT NOT NULL DEFAULT '';
-- "Siti Aminah (ibu)", as the one text field was filled, becomes name and relationship.
UPDATE persons
   SET guarantor_relation = trim(substr(guarantor, instr(guarantor, '(') + 1,
                                        length(guarantor) - instr(guarantor, '(') - 1)),
       guarantor = trim(substr(guarantor, 1, instr(guarantor, '(') - 1))
 WHERE guarantor LIKE '_%(%)' AND instr(guarantor, '(') > 1;
ALTER TABLE programs ADD COLUMN basis_kind TEXT NOT NULL DEFAULT '';
UPDATE programs SET basis_kind = COALESCE(
    (SELECT CASE k.code {cases} ELSE CASE WHEN k.court_ordered = 1 THEN 'putusan' ELSE '' END END
       FROM program_kinds k WHERE k.id = programs.kind_id), '');
-- When the program's guidance card was last printed, and how often (a reprint says PENGGANTI).
ALTER TABLE programs ADD COLUMN card_printed_at TEXT;
ALTER TABLE programs ADD COLUMN card_print_count INTEGER NOT NULL DEFAULT 0;
""")
    paper = {
        "letterhead": ["KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA",
                       "DIREKTORAT JENDERAL PEMASYARAKATAN"],
        "basis_kinds": [["putusan", "Putusan Pengadilan"], ["penetapan", "Penetapan Pengadilan"],
                        ["sk_menteri", "SK Menteri"], ["sk_dirjenpas", "SK Dirjenpas a.n. Menteri"],
                        ["sk_kalapas", "SK Kepala Lapas/Rutan"], ["sk_kabapas", "SK Kepala Bapas"]],
    }
    conn.execute("INSERT OR IGNORE INTO settings(key, value) VALUES ('paper', ?)",
                 (json.dumps(paper, ensure_ascii=False, sort_keys=True),))
# --- end printing ----------------------------------------------------------------------


# -- wajib lapor (issue 10) ------------------------------------------------------------------------
def _v4_wajib_lapor(conn: sqlite3.Connection) -> None:
    """Wajib lapor: visits with their kind and flags, schedules, excused absences, escalation steps
    and revocation stages, guidance notes (buku perkembangan), a photo per person, and the derived
    ``reporting`` rows the "Perlu perhatian" counts read.  The visits already stored keep their rows
    (lapor diri at the office, working unknown); a file that holds visits records them from the month
    of its first one (earlier months were on paper).
    """
    from datetime import date

    from app.models.lapor_rows import refresh, settings_of

    run_script(conn, """
ALTER TABLE wajib_lapor ADD COLUMN kind TEXT NOT NULL DEFAULT 'office'
    CHECK (kind IN ('office', 'home', 'remote', 'officer'));
ALTER TABLE wajib_lapor ADD COLUMN working TEXT NOT NULL DEFAULT 'unknown'
    CHECK (working IN ('yes', 'no', 'unknown'));
ALTER TABLE wajib_lapor ADD COLUMN backdated INTEGER NOT NULL DEFAULT 0;
-- Derived (lapor_rows.refresh): the period it counts for, extra contact, terlambat.
ALTER TABLE wajib_lapor ADD COLUMN period_no INTEGER;
ALTER TABLE wajib_lapor ADD COLUMN extra INTEGER NOT NULL DEFAULT 0;
ALTER TABLE wajib_lapor ADD COLUMN late INTEGER NOT NULL DEFAULT 0;
-- A visit corrected or removed keeps its row; the reason here, before and after in the trail.
ALTER TABLE wajib_lapor ADD COLUMN corrected_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE wajib_lapor ADD COLUMN removed_at TEXT;
ALTER TABLE wajib_lapor ADD COLUMN removed_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE wajib_lapor ADD COLUMN updated_at TEXT;
CREATE INDEX wajib_lapor_date ON wajib_lapor(report_date) WHERE removed_at IS NULL;

-- A program's schedule when the PK set one (none: monthly); an attribute of the program.
CREATE TABLE reporting_schedules (
    program_id INTEGER PRIMARY KEY REFERENCES programs(id),
    kind TEXT NOT NULL CHECK (kind IN ('monthly', 'weeks')),
    weeks INTEGER NOT NULL DEFAULT 0 CHECK (weeks IN (0, 1, 2, 4)),
    due_day INTEGER,
    officer_id INTEGER REFERENCES officers(id),
    updated_at TEXT NOT NULL
);

-- An excused absence (sakit, izin, berhalangan) for the period holding period_day.
CREATE TABLE reporting_excuses (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id),
    period_day TEXT NOT NULL,
    period_no INTEGER,
    reason_kind TEXT NOT NULL CHECK (reason_kind IN ('sakit', 'izin', 'berhalangan')),
    reason TEXT NOT NULL,
    officer_id INTEGER REFERENCES officers(id),
    recorded_on TEXT NOT NULL,
    removed_at TEXT,
    removed_reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX reporting_excuses_program ON reporting_excuses(program_id, period_no);

-- An escalation step the officer confirmed, with its letter number; after_no names the run it
-- answers (the last reported period before it).
CREATE TABLE reporting_steps (
    id INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id),
    step TEXT NOT NULL,
    level INTEGER NOT NULL,
    after_no INTEGER NOT NULL,
    missed INTEGER NOT NULL,
    letter_number TEXT NOT NULL,
    letter_seq INTEGER,
    letter_date TEXT NOT NULL,
    officer_id INTEGER REFERENCES officers(id),
    note TEXT NOT NULL DEFAULT '',
    removed_at TEXT,
    removed_reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX reporting_steps_program ON reporting_steps(program_id, after_no);
CREATE INDEX reporting_steps_letters ON reporting_steps(step, letter_date);

-- The revocation of PB, CB or CMB, stage by stage, until the program's status changes.
CREATE TABLE revocation_stages (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES reporting_steps(id),
    program_id INTEGER NOT NULL REFERENCES programs(id),
    stage TEXT NOT NULL CHECK (stage IN ('bap', 'sidang_tpp', 'pencabutan_sementara', 'batal')),
    date TEXT NOT NULL,
    letter_number TEXT NOT NULL DEFAULT '',
    letter_seq INTEGER,
    note TEXT NOT NULL DEFAULT '',
    removed_at TEXT,
    removed_reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX revocation_stages_step ON revocation_stages(step_id);
CREATE INDEX revocation_stages_program ON revocation_stages(program_id);

-- Buku perkembangan bimbingan: dated notes by a PK, five optional parts and a follow-up date.
CREATE TABLE guidance_notes (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    program_id INTEGER REFERENCES programs(id),
    visit_id INTEGER REFERENCES wajib_lapor(id),
    note_date TEXT NOT NULL,
    officer_id INTEGER REFERENCES officers(id),
    condition TEXT NOT NULL DEFAULT '',
    activity TEXT NOT NULL DEFAULT '',
    social TEXT NOT NULL DEFAULT '',
    obstacles TEXT NOT NULL DEFAULT '',
    plans TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    follow_up TEXT,
    removed_at TEXT,
    removed_reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX guidance_notes_person ON guidance_notes(person_id, note_date);
CREATE INDEX guidance_notes_follow_up ON guidance_notes(follow_up) WHERE follow_up IS NOT NULL AND removed_at IS NULL;

-- A small JPEG per person (resized before it is stored); an attribute of the person.
CREATE TABLE person_photos (
    person_id INTEGER PRIMARY KEY REFERENCES persons(id),
    jpeg BLOB NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Derived, one row per guidance program not in the bin (lapor_rows.refresh).
CREATE TABLE reporting (
    program_id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL,
    kind_id INTEGER NOT NULL,
    officer_id INTEGER,
    status TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    status_date TEXT,
    start_day INTEGER NOT NULL,
    start_month INTEGER NOT NULL,
    end_day INTEGER,
    end_month INTEGER,
    unit INTEGER NOT NULL,
    last_no INTEGER,
    last_date TEXT,
    prev_no INTEGER,
    max_excused_no INTEGER,
    step_after INTEGER,
    step_level INTEGER,
    step_date TEXT,
    revocation INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reporting_person ON reporting(person_id);
""")
    first = conn.execute("SELECT MIN(report_date) FROM wajib_lapor").fetchone()[0]
    if first:
        since = date.fromisoformat(first).replace(day=1)
    elif conn.execute("SELECT 1 FROM programs LIMIT 1").fetchone():
        since = date.today()  # visits are recorded from today; earlier ones are on paper
    else:
        since = None
    if since is not None:
        import json

        stored = conn.execute("SELECT value FROM settings WHERE key = 'reporting'").fetchone()
        values = json.loads(stored[0]) if stored else {}
        values["recorded_since"] = since.isoformat()
        conn.execute("INSERT INTO settings(key, value) VALUES ('reporting', ?) ON CONFLICT(key) DO UPDATE"
                     " SET value = excluded.value", (json.dumps(values, sort_keys=True),))
    conn.execute("UPDATE wajib_lapor SET updated_at = created_at")
    grace, recorded_since = settings_of(conn)
    refresh(conn, None, grace=grace, recorded_since=recorded_since)


# -- issue 12 (Excel out and in): records from old registers, import batches ------------------
# A case old registers leave incomplete: no offence date, no sentence, or adult/child read
# from the age at the program's start ("perlu dicek").  The group "Data belum lengkap" lists
# the persons with such a case or without any identity number (queries.due_condition).
INCOMPLETE_CASE = ("c.deleted_at IS NULL AND (c.offence_date IS NULL OR c.class_basis = 'age_at_start'"
                   " OR (c.sentence_kind = 'term' AND COALESCE(c.sentence_p30, 0) = 0 AND c.subsider = ''))")
NO_IDENTITY = "p.deleted_at IS NULL AND p.nik IS NULL AND p.passport IS NULL"
# Where a case's adult/child comes from: the age at the offence ('offence', the law's rule),
# said by the sheet or the officer without an offence date ('stated'), a children-only
# program ('kind'), or the age at the program's start ('age_at_start': to be checked).
CLASS_BASES = ("offence", "stated", "kind", "age_at_start")


def _v5_excel_import(conn: sqlite3.Connection) -> None:
    """Old registers lack the offence date: it may be empty; import batches; remarks (issue 12).

    SQLite cannot drop a NOT NULL with ALTER TABLE, and rebuilding ``cases`` would break
    every foreign key that points at it while the migration's transaction has foreign keys
    on.  Dropping a NOT NULL changes nothing stored, so the table's stored definition is
    edited in place, the way SQLite's documentation describes for exactly this change
    ("ALTER TABLE", section "Making other kinds of table schema changes"): writable_schema,
    the definition rewritten, schema_version incremented so every connection reloads it.
    """
    table_sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'cases'").fetchone()[0]
    new_sql = table_sql.replace("offence_date TEXT NOT NULL", "offence_date TEXT", 1)
    if new_sql == table_sql:
        raise RuntimeError("cases.offence_date is not declared as expected")
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'cases'", (new_sql,))
        conn.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    bases = ", ".join(f"'{b}'" for b in CLASS_BASES)
    run_script(conn, f"""
ALTER TABLE cases ADD COLUMN class_basis TEXT NOT NULL DEFAULT 'offence' CHECK (class_basis IN ({bases}));
-- The offence as the source register wrote it, when no category matched it.
ALTER TABLE cases ADD COLUMN offence_text TEXT NOT NULL DEFAULT '';
-- What an import could not put in its place (a register number already taken ...).
ALTER TABLE programs ADD COLUMN remarks TEXT NOT NULL DEFAULT '';
CREATE INDEX cases_incomplete ON cases(person_id) WHERE {INCOMPLETE_CASE.replace("c.", "")};
CREATE INDEX persons_no_identity ON persons(id) WHERE {NO_IDENTITY.replace("p.", "")};
-- One row per import: which file, what it made (the records, as id ranges), whether undone.
CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sheet TEXT NOT NULL DEFAULT '',
    file_sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    summary TEXT NOT NULL DEFAULT '{{}}',
    created TEXT NOT NULL DEFAULT '{{}}',
    undone_at TEXT,
    undo_batch TEXT
);
""")


# MIGRATIONS[i] upgrades a file from version i to version i + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3_printing, _v4_wajib_lapor,
                                                      _v5_excel_import]
SCHEMA_VERSION = len(MIGRATIONS)
