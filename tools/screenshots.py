"""Grab the main screens offscreen to PNG files so a person can look at them.

    .venv/bin/python tools/screenshots.py --db FILE --out screens/ [--size 1366x768] [--scale 1.25]
                                          [--today 2026-11-22] [--lang id]

Shots: the empty state (a fresh file); on --db (the demo): the main window with the first
person chosen, the main window with groups and a sidebar filter, the entry form with its
warnings and errors, the duplicate-person dialog, the NIK check.  ``--scale`` is Windows'
display scaling (QT_SCALE_FACTOR): the screen keeps its pixels, the window gets fewer
logical ones.  The files go to --out (screens/ is ignored by git), named
``NAME-WIDTHxHEIGHT[@SCALE].png``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The window-driving helpers the tests use (waiting for the sidebar's counts, realistic input).
sys.path.insert(0, str(ROOT / "tests"))


def _arg(argv: list[str], name: str, default: str) -> str:
    return argv[argv.index(name) + 1] if name in argv else default


def _offscreen_screen(argv: list[str]) -> None:
    """Give the offscreen platform a screen of the asked size (its default is 800x600), and the scaling."""
    width, height = _arg(argv, "--size", "1366x768").split("x")
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text('{"screens": [{"name": "screen", "x": 0, "y": 0, "width": %s, "height": %s, '
                      '"logicalDpiX": 96, "logicalDpiY": 96}]}' % (width, height))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    scale = _arg(argv, "--scale", "1")
    if scale not in ("1", "1.0"):
        os.environ["QT_SCALE_FACTOR"] = scale
    # The window's remembered widths belong to a person's computer, not to a screenshot.
    os.environ["REKAM_UPT_DATA_DIR"] = tempfile.mkdtemp()


_offscreen_screen(sys.argv)

from PySide6.QtWidgets import QApplication, QPushButton  # noqa: E402

from app.models.storage import Database  # noqa: E402
from app.operations.auth import login, set_initial_password  # noqa: E402
from app.ui.application import Session, Translations  # noqa: E402
from uikit import wait_counts  # noqa: E402

PASSWORD = os.environ.get("REKAM_UPT_PASSWORD", "rahasia-demo-123")


def grab(widget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def _fit(widget, app: QApplication) -> None:
    """The whole screen for the main window, as an officer keeps it (maximised)."""
    geometry = app.primaryScreen().availableGeometry()
    widget.resize(geometry.width(), geometry.height())


def _window(app, db, today):
    from app.ui.main_window import MainWindow
    window = MainWindow(Session(db.path, db, None, PASSWORD), today=today)
    _fit(window, app)
    window.show()
    QApplication.processEvents()
    wait_counts(window)
    return window


def shoot_empty(app, out: Path, tag: str, today) -> None:
    empty_dir = Path(tempfile.mkdtemp())
    empty = Database.open(empty_dir / "kosong.sqlite3", create=True)
    set_initial_password(empty, PASSWORD)
    window = _window(app, empty, today)
    grab(window, out / f"empty-{tag}.png")
    window.close()


def shoot_demo(app, db_path: Path, out: Path, tag: str, today) -> None:
    from app.ui.client_form import NEW, ClientForm
    from app.ui.identity_dialogs import DuplicateDialog, NikReasonDialog

    db = Database.open(db_path)
    login(db, PASSWORD)
    window = _window(app, db, today)
    window.table.selectRow(0)
    grab(window, out / f"main-{tag}.png")

    # Groups chosen and a filter typed over the sidebar.
    kinds = window.queries.program_kinds()
    officers = window.queries.officers(active_only=True)
    if kinds:
        window.on_group_clicked("kind", kinds[0]["id"])
    if officers:
        window.on_group_clicked("officer", officers[0]["id"])
    window.sidebar_panel.filter_edit.setText(officers[0]["name"].split()[0] if officers else "PB")
    wait_counts(window)
    window.table.selectRow(0)
    grab(window, out / f"sidebar-filter-{tag}.png")
    window.sidebar_panel.filter_edit.clear()
    window.on_group_clicked("all", None)
    if window.unit_kind() == "bapas":
        window.on_group_clicked("attention", "ending")  # Perlu perhatian › guidance ending soon
    else:
        window.on_group_clicked("due", "pb")
    wait_counts(window)
    window.table.selectRow(0)
    grab(window, out / f"due-list-{tag}.png")

    # The entry form with a NIK that disagrees and a refused save.
    form = ClientForm(db, NEW, today=today, parent=window)
    form.show()
    form.name_edit.setText("Ani Lestari")
    form.nik_edit.setText("3522011505900001")
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("P"))
    form.birth_date.edit.setText("16-05-1990")
    form.address_edit.setPlainText("Jl. Veteran No. 5 RT 02/RW 03\nDesa Sukamaju, Kec. Kapas, Kab. Bojonegoro")
    form.offence_date.edit.setText("01-12-2023")
    form.detention_start.edit.setText("01-03-2024")
    form.sentence_field.years.setValue(1)
    cb = next((i for i in range(form.kind_combo.count()) if form.kind_combo.itemText(i).startswith("CB ")), 0)
    form.kind_combo.setCurrentIndex(cb)
    form.phone_edit.setText("12")
    form.findChild(QPushButton, "save_button").click()
    grab(form, out / f"form-warnings-{tag}.png")
    nik = NikReasonDialog(["Tanggal lahir di NIK (15-05-90) berbeda dengan tanggal lahir yang diisi (16 Mei 1990).",
                           "Jenis kelamin di NIK (laki-laki) berbeda dengan yang diisi (perempuan)."], form)
    nik.show()
    nik.findChild(QPushButton, "nik_confirm_button").click()
    grab(nik, out / f"nik-check-{tag}.png")
    nik.close()
    form.reject()

    # The duplicate dialog: the demo's first person entered again with another NIK.
    from app.operations import clients

    first = window.queries.person(window.model.person_id(0) or 1)
    if first is not None:
        entered = clients.person_input(db, first["id"])
        entered.nik = (entered.nik[:-1] + ("1" if entered.nik[-1:] != "1" else "2")) if entered.nik else ""
        entered.address = "Jl. Melati 7, Kel. Ledok Kulon"
        duplicates = clients.find_duplicates(db, entered)
        dialog = DuplicateDialog(duplicates, window, entered=entered, db=db)
        dialog.show()
        grab(dialog, out / f"duplicate-{tag}.png")
        dialog.close()
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--out", type=Path, default=Path("screens"))
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--scale", default="1")
    parser.add_argument("--today")
    parser.add_argument("--lang", default="id")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    Translations(app).use(args.lang)
    today = date.fromisoformat(args.today) if args.today else None
    tag = args.size + ("" if args.scale in ("1", "1.0") else f"@{args.scale}")
    shoot_empty(app, args.out, tag, today)
    if args.db:
        shoot_demo(app, args.db, args.out, tag, today)
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
