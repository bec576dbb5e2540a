"""How the program starts: no display, a --db that does not exist, commands on a missing file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.cli import run

ROOT = Path(__file__).resolve().parents[1]


def test_without_a_display_the_window_says_so_in_one_line_and_exits_2(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["REKAM_UPT_DATA_DIR"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-m", "app"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Tidak ada layar" in lines[0]
    assert not list(tmp_path.iterdir())  # nothing was created


def test_window_asks_before_creating_a_db_given_with_db(qapp, tmp_path, monkeypatch):
    from app.ui import application
    from app.ui import widgets

    asked = []
    monkeypatch.setattr(widgets, "confirm", lambda parent, title, text, **k: asked.append(text) or False)
    target = tmp_path / "baru.sqlite3"
    assert application.start_session(target, explicit=True, translations=None) == 0
    assert asked and str(target) in asked[0]
    assert not target.exists() and not Path(str(target) + ".lock").exists()


def test_commands_other_than_demo_refuse_a_missing_file(tmp_path, capsys, password_env):
    missing = tmp_path / "tidak-ada.sqlite3"
    for argv in (["check", "--db", str(missing)], ["backup", "--db", str(missing), "--out", str(tmp_path / "c.rkbak")]):
        assert run(argv) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "tidak ada" in err[0]
    assert not missing.exists()
