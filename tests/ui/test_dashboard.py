"""The dashboard shows the numbers the database holds (computed here from the raw tables), and a bar opens its group."""

from __future__ import annotations

from datetime import date

import factories as f
import pytest
from conftest import PASSWORD, TODAY
from PySide6.QtCore import QPointF, Qt
from uikit import make_window

from app.models.domain import Confirmations
from app.operations import wajib_lapor as wl
from app.operations.clients import create_client


@pytest.fixture
def window(qtbot, db):
    officer = f.officer(db)
    other = f.officer(db, name="Agus Salim", nip="198001012005011002")
    start = dict(start_date=date(2026, 1, 10), end_date=date(2027, 6, 30))
    people = [("Budi Santoso", "L", date(1990, 5, 15), "PB", officer, "dewasa"),
              ("Siti Rahayu", "P", date(1991, 2, 3), "PB", other, "dewasa"),
              ("Joko Susilo", "L", date(1985, 7, 9), "CB", officer, "dewasa"),
              ("Rina Anak", "P", date(2010, 3, 4), "DIV", other, "anak")]
    ids = []
    for i, (name, sex, birth, code, pk, klass) in enumerate(people):
        case = f.case(db, offence_date=date(2024, 1, 5)) if klass == "anak" else f.case(db)
        program = f.program(db, code, officer_id=pk, **start)
        person = f.person(name=name, sex=sex, birth=birth, nik="", passport=f"X{i}00000", nationality="Malaysia")
        ids.append(create_client(db, person, case, program, Confirmations(duplicate_ok=True, duplicate_reason="uji"),
                                 today=TODAY).id)
    programs = [db.scalar("SELECT id FROM programs WHERE person_id = ?", (p,)) for p in ids]
    for day, working in ((date(2026, 6, 15), "yes"), (date(2026, 7, 15), "no"), (date(2026, 9, 15), "no")):
        wl.check_in(db, program_id=programs[0], day=day, working=working, today=TODAY)
    for day in (date(2026, 6, 16), date(2026, 7, 16), date(2026, 8, 16), date(2026, 9, 16)):
        wl.check_in(db, program_id=programs[1], day=day, working="yes", today=TODAY)
    wl.record_excuse(db, programs[0], day=date(2026, 8, 10), reason_kind="sakit", reason="opname", officer_id=officer,
                     today=TODAY)
    w = make_window(qtbot, db, PASSWORD, TODAY)
    w.programs = programs
    return w


def raw_active_per_kind(db, klass: str | None = None) -> dict[str, int]:
    t = TODAY.isoformat()
    where = "AND c.client_class = ?" if klass else ""
    rows = db.conn.execute(
        "SELECT k.code, COUNT(DISTINCT p.person_id) FROM programs p JOIN program_kinds k ON k.id = p.kind_id"
        " JOIN persons s ON s.id = p.person_id JOIN cases c ON c.id = p.case_id"
        " WHERE p.deleted_at IS NULL AND s.deleted_at IS NULL AND p.status = 'aktif' AND p.start_date <= ?"
        f" AND (p.end_date IS NULL OR p.end_date >= ?) {where} GROUP BY k.code", [t, t, *([klass] if klass else [])])
    return {code: n for code, n in rows}


def open_board(qtbot, window):
    from app.ui.dashboard import show_dashboard

    board = show_dashboard(window)
    with qtbot.waitSignal(board.loaded, timeout=20000):
        pass
    return board


def test_the_dashboard_shows_the_numbers_the_database_holds(qtbot, window, db):
    board = open_board(qtbot, window)
    shown = {k: v for k, v in board.series["kind"].items() if v}
    assert shown == raw_active_per_kind(db) == {"PB": 2, "CB": 1, "DIV": 1}
    assert {k: v for k, v in board.series["kind_child"].items() if v} == raw_active_per_kind(db, "anak")
    assert board.series["officer"] == {"Sari Dewi, S.H.": 2, "Agus Salim": 2}
    # Working at the last visit that asked: Budi no, Siti yes; the other two never reported.
    assert board.series["working"] == {"yes": 1, "no": 1, "unknown": 2}
    # Attendance per month, counted by hand: two of the four report in June, July and September; in
    # August Budi is excused (left out) and only Siti comes; nobody in October.
    rates = {m.month: v for m, v in board.series["attendance"].items()}
    assert rates[6] == (2, 4) and rates[7] == (2, 4) and rates[8] == (1, 3) and rates[9] == (2, 4)
    assert rates[10] == (0, 4) and rates[11] == (0, 0)  # November is not over yet
    assert board.series["new"][date(2026, 1, 1)] == 4


def test_clicking_a_bar_opens_that_group(qtbot, window, db):
    board = open_board(qtbot, window)
    chart = board.kind_chart
    index = list(board.series["kind"]).index("CB")
    scene = chart.getPlotItem().vb.mapViewToScene(QPointF(index, 0.5))
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.mapFromScene(scene))
    assert window.pages.currentIndex() == 0
    cb = next(k["id"] for k in window.queries.program_kinds() if k["code"] == "CB")
    assert window.filter.value("kind") == cb and window.model.rowCount() == 1
