"""Grab the wajib lapor screens offscreen to PNG (Indonesian, 1366×768) so a person can look at them.

    .venv/bin/python tools/lapor_screenshots.py --db DEMO.sqlite3 --password PASSWORD --out screens/
                                                [--today 2026-11-22]

Works on a copy of --db (the check-in it makes does not stay).  Shots: Mode lapor after a scan
(the card, the day's list, the details' wajib lapor section), a refusal, a "Perlu perhatian" group,
the client's timeline and periods, the step confirmation, the settings and the dashboard.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--out", default="screens")
    parser.add_argument("--today", default="2026-11-22")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp()) / "salinan.sqlite3"
    shutil.copyfile(args.db, work)
    os.environ["REKAM_UPT_DATA_DIR"] = str(work.parent)

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from app.models.queries import Queries
    from app.models.storage import Database
    from app.operations.auth import login
    from app.ui.application import Translations
    from app.ui.dashboard import show_dashboard
    from app.ui.lapor_dialogs import ReportingSettingsDialog, StepDialog
    from app.ui.main_window import MainWindow
    from app.ui.timeline import TimelineDialog
    from uikit import make_session, wait_counts

    Translations(app).use("id")
    today = date.fromisoformat(args.today)
    db = Database.open(work)
    login(db, args.password)
    window = MainWindow(make_session(db, args.password), today=today)
    window.resize(1366, 768)
    window.show()
    wait_counts(window)
    q = Queries(window.db)
    # Someone with letters and a photo who has not reported this period.
    candidates = [p for p in q.attention_programs("unreported", today) if q.has_photo(p["person_id"])
                  and q.reporting_letters(p["program_id"])] or q.attention_programs("unreported", today)
    register = candidates[0]["register_number"]
    panel = window.checkin
    panel.set_mode(True)

    def scan() -> None:
        QTest.keyClicks(panel.box, register)
        QTest.keyClick(panel.box, Qt.Key.Key_Return)
        while panel._pending is not None:
            app.processEvents()

    scan()
    wait_counts(window)
    person = panel._shown["person_id"]
    window.select_person(person)
    app.processEvents()
    window.grab().save(str(out / "lapor-mode.png"))
    scan()
    panel.grab().save(str(out / "lapor-refusal.png"))
    panel.set_mode(False)
    window.on_group_clicked("attention", "confirm")
    wait_counts(window)
    window.grab().save(str(out / "lapor-perlu-perhatian.png"))
    dialog = TimelineDialog(window.db, person, today=today, parent=window, ops=window.ops)
    dialog.resize(1366, 768)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / "lapor-timeline.png"))
    dialog.tabs.setCurrentIndex(1)
    app.processEvents()
    dialog.grab().save(str(out / "lapor-periods.png"))
    dialog.close()
    waiting = q.attention_programs("confirm", today)
    if waiting:
        step = StepDialog(window.db, waiting[0]["program_id"], today=today, parent=window, ops=window.ops)
        step.show()
        app.processEvents()
        step.grab().save(str(out / "lapor-step.png"))
        step.close()
    settings = ReportingSettingsDialog(window.db, parent=window, ops=window.ops)
    settings.show()
    app.processEvents()
    settings.grab().save(str(out / "lapor-settings.png"))
    settings.close()
    board = show_dashboard(window)
    loop = QEventLoop()
    board.loaded.connect(loop.quit)
    QTimer.singleShot(120000, loop.quit)
    loop.exec()
    app.processEvents()
    window.grab().save(str(out / "lapor-dashboard.png"))
    window.close()
    print(f"screens in {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
