"""The layers keep to their side: the domain and reports import no Qt (so the command line and the
kill test stay light), and the window and the command line run no SQL and open no database."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_models_reports_and_operations_do_not_import_qt_or_the_ui():
    offenders = []
    for folder in ("app/models", "app/reports", "app/operations"):
        for path in (ROOT / folder).rglob("*.py"):
            bad = {n for n in _imports(path) if n.startswith(("PySide6", "shiboken6", "app.ui", "app.lockfile"))}
            if bad:
                offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert not offenders


def test_importing_every_domain_module_loads_no_qt():
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts) for folder in ("app/models", "app/reports",
               "app/operations") for p in (ROOT / folder).rglob("*.py")]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr


# -- the window and the command line run no SQL and open no database ---------------------------
# Reads go through app/models/queries.py, writes through app/operations, and opening a file is
# the storage layer's (the window's session and the command line's OpenedDatabase for now).

SQL_CALLS = ("execute", "executemany", "executescript", "query", "scalar", "transaction")
RAW_HANDLES = ("conn", "sdb")  # the sqlite3 connection and the sqlite-utils view of it
# Upper-case keywords as this code writes SQL; lower-case only in shapes no sentence has
# (so "Insert into the pattern" or "Select a person from the list" stay window text).
SQL_TEXT = re.compile(
    r"\bSELECT\s[\s\S]*?\bFROM\s|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\s|\bUPDATE\s+\w+\s+SET\s|\bDELETE\s+FROM\s"
    r"|(?i:\bselect\s+(?:\*|count\s*\(|distinct\s)[\s\S]*?\bfrom\s+\w+)|(?i:\binsert\s+into\s+\w+\s*\()"
    r"|(?i:\bupdate\s+\w+\s+set\s+\w+\s*=)|(?i:\bdelete\s+from\s+\w+\s+where\b)")

# What each file still does, by kind of use; another engineer's change empties these.  The test
# fails on a use not listed here, and on a listed use that is gone (then shrink or drop the entry).
UI_ALLOWED: dict[str, dict[str, int]] = {}
CLI_ALLOWED: dict[str, dict[str, int]] = {
    "app/cli/common.py": {"Database.open": 1},
}


def _name(node: ast.AST) -> str:
    """``Database`` for ``Database``, ``storage.Database`` ... (the last part of a dotted name)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def boundary_uses(source: str) -> Counter[str]:
    """Each SQL statement run, SQL text written, raw connection touched or database opened."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    uses: Counter[str] = Counter()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            # An f-string's pieces are separate constants: read it whole ({} where a value goes).
            skip.update(id(v) for v in node.values)
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            if SQL_TEXT.search(text):
                uses["SQL text"] += 1
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if SQL_TEXT.search(node.value):
                uses["SQL text"] += 1
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                owner = _name(func.value)
                if func.attr in SQL_CALLS:
                    uses[f".{func.attr}("] += 1
                elif func.attr == "open" and owner == "Database":
                    uses["Database.open"] += 1
                elif func.attr == "connect" and owner in ("storage", "sqlite3"):
                    uses[f"{owner}.connect"] += 1
            elif _name(func) == "Database":
                uses["Database("] += 1
        elif isinstance(node, ast.Attribute) and node.attr in RAW_HANDLES:
            uses[f".{node.attr}"] += 1
        elif (isinstance(node, ast.ImportFrom) and node.module in ("sqlite3", "app.models.storage")
              and any(alias.name == "connect" for alias in node.names)):
            uses[f"{node.module}.connect"] += 1
    return uses


def _uses_under(folder: str) -> dict[str, dict[str, int]]:
    found = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        uses = boundary_uses(path.read_text(encoding="utf-8"))
        if uses:
            found[path.relative_to(ROOT).as_posix()] = dict(uses)
    return found


def test_the_boundary_check_sees_every_kind_of_use():
    sample = '''
"""A module that reads SELECT * FROM persons in its docstring (text about SQL is fine)."""
import sqlite3
from app.models.storage import Database, connect
rows = db.query("SELECT id FROM persons WHERE name = ?", (name,))
one = db.scalar(f"SELECT COUNT(*) FROM {table} WHERE id = ?", (ident,))
db.conn.execute("DELETE FROM remissions WHERE id = ?", (rid,))
cur.executemany("insert into cases(id) values (?)", ids)
sql = ("UPDATE persons SET name = ?"
       " WHERE id = ?")
late = "update officers set active = 0"
with db.transaction():
    pass
Database.open(path)
storage.connect(path)
sqlite3.connect(path)
Database(path, conn, readonly=True)
db.sdb["persons"].count
'''
    assert boundary_uses(sample) == {
        ".query(": 1, ".scalar(": 1, ".execute(": 1, ".executemany(": 1, ".transaction(": 1,
        "SQL text": 6, ".conn": 1, ".sdb": 1, "Database.open": 1, "storage.connect": 1,
        "sqlite3.connect": 1, "Database(": 1, "app.models.storage.connect": 1}
    window_text = '''
label = self.tr("Insert into the pattern")
hint = self.tr("Select a person from the list to update the record, then set a date.")
note = "Delete from the bin only what you mean to lose."
'''
    assert boundary_uses(window_text) == {}


def test_the_window_runs_no_sql_and_opens_no_database():
    found = _uses_under("app/ui")
    new = {p: u for p, u in found.items() if u != UI_ALLOWED.get(p)}
    assert not new, f"the window reads or writes the database itself (use Queries / app.operations): {new}"
    gone = sorted(set(UI_ALLOWED) - set(found))
    assert not gone, f"no longer needed, remove from UI_ALLOWED: {gone}"


def test_the_command_line_runs_no_sql_and_opens_no_database_itself():
    found = _uses_under("app/cli")
    new = {p: u for p, u in found.items() if u != CLI_ALLOWED.get(p)}
    assert not new, f"the command line reads or writes the database itself (use Queries / app.operations): {new}"
    gone = sorted(set(CLI_ALLOWED) - set(found))
    assert not gone, f"no longer needed, remove from CLI_ALLOWED: {gone}"


def test_no_module_of_the_program_is_over_1000_lines():
    """(issue 8) A module that outgrows 1,000 lines is split by what it does, not left to grow."""
    sizes = {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in (ROOT / "app").rglob("*.py")}
    assert len(sizes) > 50
    assert {path: n for path, n in sizes.items() if n > 1000} == {}
