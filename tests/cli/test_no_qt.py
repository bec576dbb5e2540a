"""``calc``, ``check`` and the commands that take the lock start without loading Qt (issue 8, "The boundary").

The lock used to be a QLockFile, which pulled PySide6 into every command that
writes.  Each command runs here in a fresh interpreter through the real entry point
(``app.main.main``, what the ``rekam-upt`` script calls), which then lists the
PySide6 and shiboken6 modules it has loaded: there must be none.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSWORD

REPO = Path(__file__).resolve().parents[2]

RUN = """
import json, sys
from app.main import main
status = main(sys.argv[1:])
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(json.dumps({"status": status, "qt": qt}), file=sys.stderr)
"""


def run_command(*argv: str, data_dir: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO), "REKAM_UPT_PASSWORD": PASSWORD,
           "REKAM_UPT_DATA_DIR": str(data_dir)}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run([sys.executable, "-c", RUN, *argv], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.fixture
def database(db) -> Path:
    db.close()
    return db.path


def test_calc_loads_no_qt(tmp_path):
    result = run_command("calc", "--start", "2024-03-01", "--sentence", "3y", "--json", data_dir=tmp_path)
    assert result == {"status": 0, "qt": []}


def test_check_loads_no_qt(database, tmp_path):
    result = run_command("check", "--db", str(database), data_dir=tmp_path)
    assert result == {"status": 0, "qt": []}


def test_restore_takes_the_lock_without_qt(database, tmp_path):
    made = tmp_path / "cadangan.sqlite3"
    assert run_command("backup", "--db", str(database), "--out", str(made), data_dir=tmp_path) == \
        {"status": 0, "qt": []}
    result = run_command("restore", str(made), "--db", str(database), data_dir=tmp_path)
    assert result == {"status": 0, "qt": []}
