"""The officers dialog (app/ui/officers_dialog.py) driven through its widgets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from factories import case, officer, person, program
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

import app.ui.officers_dialog as officers_ui
from app.models.domain import Confirmations, StatusChange
from app.models.queries import Queries
from app.operations import clients
from app.ui.officers_dialog import (
    COL_CASELOAD,
    COL_STATUS,
    CaseloadTargetDialog,
    OfficerForm,
    OfficersDialog,
)
from app.ui.widgets import ErrorLabel

TODAY = date(2026, 11, 22)
SARI_NIP = "198503122010012001"
AGUS_NIP = "197901152005011002"


def when_modal(handler: Callable[[QWidget], None], kind: type[QWidget]) -> None:
    """Run ``handler`` on the next modal dialog of ``kind`` once its exec() loop is running."""
    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            handler(widget)
        else:
            QTimer.singleShot(10, poll)
    QTimer.singleShot(0, poll)


def open_dialog(qtbot, db) -> OfficersDialog:
    dialog = OfficersDialog(db, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def row_of(dialog: OfficersDialog, name: str) -> int:
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, 0).text() == name:
            return row
    raise AssertionError(f"{name} not listed")


def client_of(db, officer_id: int, name: str, nik: str, birth: date, sex: str = "L") -> int:
    result = clients.create_client(db, person(name, nik=nik, birth=birth, sex=sex), case(db),
                                   program(db, officer_id=officer_id), Confirmations(), today=TODAY)
    return int(result.id)


def click(qtbot, dialog: QWidget, name: str) -> None:
    button = dialog.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_empty_list_says_how_to_start(qtbot, db) -> None:
    dialog = open_dialog(qtbot, db)
    assert dialog.stack.currentWidget() is dialog.empty_label
    assert not dialog.findChild(QPushButton, "edit_officer_button").isEnabled()
    assert dialog.findChild(QPushButton, "add_officer_button").isEnabled()


def test_adding_an_officer_lists_them_and_reports_the_change(qtbot, db) -> None:
    dialog = open_dialog(qtbot, db)

    def fill(form: QWidget) -> None:
        assert isinstance(form, OfficerForm)
        qtbot.keyClicks(form.name_edit, "Sari Dewi, S.H.")
        qtbot.keyClicks(form.nip_edit, "1985 0312 2010 01 2 001")
        form.rank_combo.setCurrentText("Penata Muda Tk. I (III/b)")
        qtbot.keyClicks(form.phone_edit, "081234567890")
        click(qtbot, form, "save_button")

    when_modal(fill, OfficerForm)
    click(qtbot, dialog, "add_officer_button")

    stored = Queries(db).officers()
    assert [(o["name"], o["nip"], o["rank"], o["phone"]) for o in stored] == [
        ("Sari Dewi, S.H.", SARI_NIP, "Penata Muda Tk. I (III/b)", "081234567890")]
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == SARI_NIP
    assert dialog.stack.currentWidget() is dialog.table
    assert dialog.changes.officers


def test_a_17_digit_nip_is_refused_under_the_field(qtbot, db) -> None:
    form = OfficerForm(db)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.name_edit, "Sari Dewi")
    qtbot.keyClicks(form.nip_edit, SARI_NIP[:17])
    assert form.nip_count.text() == "17 / 18"
    click(qtbot, form, "save_button")

    error = form.findChild(ErrorLabel, "officer_nip_error")
    assert error.isVisible()
    assert "18 digit" in error.text() and "17" in error.text()  # the domain's Indonesian message
    assert form.isVisible() and form.result() != QDialog.DialogCode.Accepted
    assert not form.findChild(ErrorLabel, "officer_name_error").isVisible()
    assert Queries(db).officers() == []


def test_a_missing_name_is_shown_under_the_name(qtbot, db) -> None:
    form = OfficerForm(db)
    qtbot.addWidget(form)
    form.show()
    click(qtbot, form, "save_button")
    error = form.findChild(ErrorLabel, "officer_name_error")
    assert error.isVisible() and "wajib" in error.text()


def test_editing_changes_the_rank(qtbot, db) -> None:
    officer_id = officer(db)
    dialog = open_dialog(qtbot, db)

    def change(form: QWidget) -> None:
        assert isinstance(form, OfficerForm)
        assert form.nip_edit.text() == SARI_NIP
        form.rank_combo.setCurrentText("Penata Tk. I (III/d)")
        click(qtbot, form, "save_button")

    when_modal(change, OfficerForm)
    click(qtbot, dialog, "edit_officer_button")
    assert Queries(db).officers()[0]["rank"] == "Penata Tk. I (III/d)"
    assert dialog.table.item(row_of(dialog, "Sari Dewi, S.H."), 2).text() == "Penata Tk. I (III/d)"
    assert dialog.selected_id() == officer_id


def test_deactivating_asks_first_and_keeps_their_programs(qtbot, db, monkeypatch) -> None:
    sari = officer(db)
    pid = client_of(db, sari, "Budi Santoso", "3522011505900001", date(1990, 5, 15))
    asked: list[str] = []
    monkeypatch.setattr(officers_ui, "confirm", lambda _p, _t, text, **_kw: asked.append(text) or True)
    dialog = open_dialog(qtbot, db)
    dialog.table.selectRow(row_of(dialog, "Sari Dewi, S.H."))
    click(qtbot, dialog, "deactivate_button")

    assert len(asked) == 1
    assert "Sari Dewi, S.H." in asked[0] and "tetap mencantumkan namanya" in asked[0]
    assert "1 klien aktif" in asked[0]  # a reminder that the caseload is still theirs
    found = Queries(db).officers()[0]
    assert found["active"] == 0 and found["deactivated_on"] == TODAY.isoformat()
    programs = Queries(db).programs_of(pid)
    assert [(p["officer_id"], p["officer_name"], p["status"]) for p in programs] == [(sari, "Sari Dewi, S.H.", "aktif")]
    row = row_of(dialog, "Sari Dewi, S.H.")
    assert dialog.table.item(row, COL_STATUS).text() == "Nonaktif sejak 22 November 2026"
    assert "Aktifkan" in dialog.findChild(QPushButton, "deactivate_button").text()
    assert dialog.changes.officers and dialog.changes.lists


def test_declining_the_confirmation_changes_nothing(qtbot, db, monkeypatch) -> None:
    officer(db)
    monkeypatch.setattr(officers_ui, "confirm", lambda *_a, **_kw: False)
    dialog = open_dialog(qtbot, db)
    click(qtbot, dialog, "deactivate_button")
    assert Queries(db).officers()[0]["active"] == 1
    assert not dialog.changes.any


def test_reactivating_brings_an_officer_back(qtbot, db, monkeypatch) -> None:
    from app.operations.officers import set_officer_active
    sari = officer(db)
    set_officer_active(db, sari, False, today=TODAY)
    monkeypatch.setattr(officers_ui, "confirm", lambda *_a, **_kw: True)
    dialog = open_dialog(qtbot, db)
    click(qtbot, dialog, "deactivate_button")
    found = Queries(db).officers()[0]
    assert found["active"] == 1 and found["deactivated_on"] is None
    assert dialog.table.item(0, COL_STATUS).text() == "Aktif"


def test_move_caseload_moves_every_active_program_and_the_counts_follow(qtbot, db, monkeypatch) -> None:
    sari = officer(db)
    agus = officer(db, "Agus Prasetyo, S.Sos.", AGUS_NIP)
    budi = client_of(db, sari, "Budi Santoso", "3522011505900001", date(1990, 5, 15))
    siti = client_of(db, sari, "Siti Aminah", "3522015506920002", date(1992, 6, 15), sex="P")
    joko = client_of(db, sari, "Joko Saputra", "3522011203880003", date(1988, 3, 12))
    # A completed program is history: it stays with the officer who supervised it.
    done = Queries(db).programs_of(joko)[0]["id"]
    clients.change_program_status(db, done, StatusChange(status="selesai", date=date(2026, 11, 1),
                                                         letter="W15.PAS.PAS.12-PK.01.05",
                                                         reason="masa bimbingan selesai"),
                                  today=TODAY)
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(officers_ui, "confirm", lambda _p, _t, text, **_kw: asked.append(text) or True)
    monkeypatch.setattr(officers_ui, "inform", lambda _p, _t, text: told.append(text))

    dialog = open_dialog(qtbot, db)
    dialog.table.selectRow(row_of(dialog, "Sari Dewi, S.H."))
    assert dialog.table.item(row_of(dialog, "Sari Dewi, S.H."), COL_CASELOAD).text() == "2"

    def choose(chooser: QWidget) -> None:
        assert isinstance(chooser, CaseloadTargetDialog)
        combo = chooser.target_combo
        assert combo.count() == 1  # only the other active officer can receive
        combo.setCurrentIndex(combo.findData(agus))
        click(qtbot, chooser, "move_continue_button")

    when_modal(choose, CaseloadTargetDialog)
    click(qtbot, dialog, "move_caseload_button")

    assert len(asked) == 1 and "2 program aktif" in asked[0] and "Agus Prasetyo" in asked[0]
    assert len(told) == 1 and told[0].startswith("2 program dialihkan")
    q = Queries(db)
    assert [p["officer_id"] for p in q.programs_of(budi)] == [agus]
    assert [p["officer_id"] for p in q.programs_of(siti)] == [agus]
    assert [p["officer_id"] for p in q.programs_of(joko)] == [sari]
    assert dialog.table.item(row_of(dialog, "Sari Dewi, S.H."), COL_CASELOAD).text() == "0"
    assert dialog.table.item(row_of(dialog, "Agus Prasetyo, S.Sos."), COL_CASELOAD).text() == "2"
    assert not dialog.findChild(QPushButton, "move_caseload_button").isEnabled()
    assert dialog.changes.persons == frozenset({budi, siti})


def test_move_caseload_without_another_active_officer_explains(qtbot, db, monkeypatch) -> None:
    sari = officer(db)
    client_of(db, sari, "Budi Santoso", "3522011505900001", date(1990, 5, 15))
    told: list[str] = []
    monkeypatch.setattr(officers_ui, "inform", lambda _p, _t, text: told.append(text))
    dialog = open_dialog(qtbot, db)
    click(qtbot, dialog, "move_caseload_button")
    assert told and "Tidak ada petugas aktif lain" in told[0]
    assert not dialog.changes.any


def test_the_columns_fit_without_scrolling_sideways(qtbot, db) -> None:
    officer(db)
    dialog = open_dialog(qtbot, db)
    qtbot.waitExposed(dialog)
    header = dialog.table.horizontalHeader()
    used = sum(header.sectionSize(i) for i in range(header.count()))
    assert used <= dialog.table.viewport().width() + 1  # no horizontal scrolling at the default size
    shot = dialog.grab().toImage()
    ratio = shot.devicePixelRatio()
    assert (shot.width(), shot.height()) == (round(dialog.width() * ratio), round(dialog.height() * ratio))
    # A painted dialog, not one flat colour: text, lines and buttons differ from the background.
    colours = {shot.pixel(x, y) for x in range(0, shot.width(), 5) for y in range(0, shot.height(), 5)}
    assert len(colours) > 8, len(colours)


def test_add_officer_opens_with_the_cursor_in_the_name_so_typing_is_never_lost(qtbot, db) -> None:
    seen = {}

    def type_name(form: QWidget) -> None:
        try:
            focused = form.focusWidget()
            seen["focus"] = focused.objectName() if focused else None
            if focused is not None:
                qtbot.keyClicks(focused, "Rina Marlina, S.Psi.")  # what the officer types first
            seen["name"] = form.name_edit.text()
        finally:
            form.reject()

    dialog = open_dialog(qtbot, db)
    when_modal(type_name, OfficerForm)
    click(qtbot, dialog, "add_officer_button")
    assert seen["name"] == "Rina Marlina, S.Psi."
    assert seen["focus"] == "officer_name_edit"
    assert Queries(db).officers() == []  # nothing saved by a stray Space


def test_the_officer_form_errors_follow_the_typing(qtbot, db) -> None:
    form = OfficerForm(db)
    qtbot.addWidget(form)
    form.show()
    form.nip_edit.setText("1985031220100120")  # 16 digits
    click(qtbot, form, "save_button")
    name_error = form.findChild(ErrorLabel, "officer_name_error")
    nip_error = form.findChild(ErrorLabel, "officer_nip_error")
    assert name_error.text() == "Nama petugas wajib diisi."
    assert "18" in nip_error.text()
    qtbot.keyClicks(form.name_edit, "Sari Dewi, S.H.")
    assert name_error.text() == ""
    assert "18" in nip_error.text()  # still wrong: still said
    qtbot.keyClicks(form.nip_edit, "01")
    assert nip_error.text() == ""
    click(qtbot, form, "save_button")
    assert [o["name"] for o in Queries(db).officers()] == ["Sari Dewi, S.H."]
