"""Grab the main screens offscreen to PNG files so a person can look at them.

    .venv/bin/python tools/screenshots.py --db FILE --out screens/ [--size 1366x768] [--today 2026-11-22]

Shots: the empty state (a fresh file), the main window on --db with the first
group selected, the entry form, the details of the first person.  The files go
to --out (ignored by git).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# The window-driving helpers the tests use (waiting for the sidebar's counts).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def _offscreen_screen(argv: list[str]) -> None:
    """Give the offscreen platform a screen of the asked size (its default is 800x600)."""
    size = "1366x768"
    if "--size" in argv:
        size = argv[argv.index("--size") + 1]
    width, height = size.split("x")
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text('{"screens": [{"name": "screen", "x": 0, "y": 0, "width": %s, "height": %s, '
                      '"logicalDpiX": 96, "logicalDpiY": 96}]}' % (width, height))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


_offscreen_screen(sys.argv)

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.models.storage import Database  # noqa: E402
from app.operations.auth import set_initial_password  # noqa: E402
from app.ui.application import Session, Translations  # noqa: E402
from uikit import wait_counts  # noqa: E402

PASSWORD = os.environ.get("REKAM_UPT_PASSWORD", "rahasia-demo-123")


def grab(widget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--out", type=Path, default=Path("screens"))
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--today")
    parser.add_argument("--lang", default="id")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    translations = Translations(app)
    translations.use(args.lang)
    today = date.fromisoformat(args.today) if args.today else None
    from app.ui.main_window import MainWindow
    from app.ui.client_form import NEW, ClientForm

    tag = f"{width}x{height}"
    empty_dir = Path(tempfile.mkdtemp())
    empty = Database.open(empty_dir / "kosong.sqlite3", create=True)
    set_initial_password(empty, PASSWORD)
    window = MainWindow(Session(empty.path, empty, None, PASSWORD), today=today)
    window.resize(width, height)
    window.show()
    wait_counts(window)
    grab(window, args.out / f"empty-{tag}.png")
    window.close()

    if args.db:
        db = Database.open(args.db)
        window = MainWindow(Session(db.path, db, None, PASSWORD), today=today)
        window.resize(width, height)
        window.show()
        QApplication.processEvents()
        wait_counts(window)
        window.table.selectRow(0)
        grab(window, args.out / f"main-{tag}.png")
        kinds = window.queries.program_kinds()
        if kinds:
            window.on_group_clicked("kind", kinds[0]["id"])
            officers = window.queries.officers(active_only=True)
            if officers:
                window.on_group_clicked("officer", officers[0]["id"])
            wait_counts(window)
            window.table.selectRow(0)
            grab(window, args.out / f"main-filtered-{tag}.png")
        form = ClientForm(db, NEW, today=today, parent=window)
        form.resize(min(form.width(), width - 40), min(form.height(), height - 60))
        form.show()
        grab(form, args.out / f"form-{tag}.png")
        form.close()
        window.close()
    QTimer.singleShot(0, app.quit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
