"""The main window's table, search, details and actions as an officer expects them (issue 9)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from factories import case, kind_id, person, program
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton
from uikit import make_window, on_modal, sidebar_item

from app.models.queries import Queries
from app.operations import clients
from app.ui.person_table import COLUMN_KEYS
from conftest import PASSWORD, TODAY

PEOPLE = [("Budi Santoso", "3522011505900001", "L", date(1990, 5, 15)),
          ("Siti Aminah", "3522015708920002", "P", date(1992, 8, 17)),
          ("Joko Susilo", "3522012106610003", "L", date(1961, 6, 21)),
          ("Ani Lestari", "3522014403850004", "P", date(1985, 3, 4))]


def _people(db, ends=(None, None, None, None)):
    ids = []
    for (name, nik, sex, birth), end in zip(PEOPLE, ends):
        kw = {"end_date": end} if end else {}
        ids.append(clients.create_client(db, person(name, nik, sex, birth), case(db), program(db, "PB", **kw),
                                         today=TODAY).id)
    return ids


def _names(window) -> list[str]:
    model = window.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def _click(window, dimension, value) -> None:
    item = sidebar_item(window, dimension, value)
    assert item is not None, (dimension, value)
    window.sidebar.itemClicked.emit(item, 0)


def _filter_bar_text(window) -> str:
    bar = window.filter_bar
    return " ".join(w.text() for w in bar.findChildren(QLabel) + bar.findChildren(QToolButton) if w.isVisible())


def test_during_a_search_the_header_names_the_search_not_all_clients(qtbot, db):
    _people(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    qtbot.wait(10)
    assert "semua klien" in _filter_bar_text(window)
    qtbot.keyClicks(window.search_edit, "siti")
    qtbot.wait(10)  # the header's new pieces are shown, the old ones deleted, by the event loop
    text = _filter_bar_text(window)
    assert "pencarian “siti” di semua klien" in text
    assert "Menampilkan: semua klien" not in text
    window.filter_bar.findChild(QToolButton, "chip_search").click()
    assert window.search_edit.text() == "" and len(_names(window)) == 4


def test_escape_clears_the_search_from_the_box_and_from_the_table(qtbot, db):
    _people(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    qtbot.keyClicks(window.search_edit, "budi")
    assert _names(window) == ["Budi Santoso"]
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Escape)
    assert window.search_edit.text() == "" and len(_names(window)) == 4
    qtbot.keyClicks(window.search_edit, "joko")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Escape)
    assert window.search_edit.text() == "" and len(_names(window)) == 4


def test_ctrl_end_goes_to_the_last_person_and_ctrl_home_to_the_first(qtbot, db):
    _people(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    window.table.setFocus()
    window.table.selectRow(1)
    qtbot.keyClick(window.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.table.currentIndex().row() == 3
    assert not window.table.isColumnHidden(window.table.currentIndex().column())
    assert window.details.person_id == window.model.person_id(3)
    qtbot.keyClick(window.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert window.table.currentIndex().row() == 0
    assert window.table.horizontalHeader().visualIndex(window.table.currentIndex().column()) == 0


def test_every_column_shown_fits_at_1366x768_with_nik_and_dates_whole(qtbot, db):
    _people(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)  # 1366 × 768
    qtbot.waitExposed(window)
    table = window.table
    shown = [i for i in range(len(COLUMN_KEYS)) if not table.isColumnHidden(i)]
    assert {COLUMN_KEYS[i] for i in shown} >= {"name", "nik", "register", "end"}
    header = table.horizontalHeader()
    assert sum(header.sectionSize(i) for i in shown) <= table.viewport().width() + 1
    metrics = table.fontMetrics()
    nik = COLUMN_KEYS.index("nik")
    assert header.sectionSize(nik) >= metrics.horizontalAdvance("3522011505900001")
    end = COLUMN_KEYS.index("end")
    assert header.sectionSize(end) >= metrics.horizontalAdvance("30 September 2026")


def test_columns_can_be_chosen_on_the_header_and_the_choice_is_kept(qtbot, db):
    _people(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    menu = window.table.column_menu()
    titles = {a.objectName(): a.text() for a in menu.actions()}
    assert titles["column_offence"] == "Tindak pidana"
    assert not menu.findChild(type(menu.actions()[0]), "column_name").isEnabled()  # the name always shows
    offence = COLUMN_KEYS.index("offence")
    status = COLUMN_KEYS.index("status")
    next(a for a in menu.actions() if a.objectName() == "column_offence").setChecked(True)
    next(a for a in menu.actions() if a.objectName() == "column_status").setChecked(False)
    assert not window.table.isColumnHidden(offence) and window.table.isColumnHidden(status)
    window.close()
    again = make_window(qtbot, db, PASSWORD, TODAY)  # the next start, on this computer
    assert not again.table.isColumnHidden(offence) and again.table.isColumnHidden(status)


def test_the_panel_widths_are_remembered(qtbot, db):
    window = make_window(qtbot, db, PASSWORD, TODAY)
    qtbot.waitExposed(window)
    window.splitter.setSizes([300, 700, 340])
    window.splitter.splitterMoved.emit(300, 1)
    kept = window.splitter.sizes()
    window.close()
    again = make_window(qtbot, db, PASSWORD, TODAY)
    qtbot.waitExposed(again)
    assert again.splitter.sizes() == kept


def test_a_due_list_shows_its_date_first_soonest_first(qtbot, db):
    ends = (TODAY + timedelta(days=20), TODAY + timedelta(days=3), TODAY + timedelta(days=200),
            TODAY + timedelta(days=10))
    _people(db, ends)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    _click(window, "attention", "ending")  # Perlu perhatian › guidance ends within 30 days
    table, model = window.table, window.model
    first = table.horizontalHeader().logicalIndex(0)
    assert model.headerData(first, Qt.Orientation.Horizontal) == "Bimbingan sampai"
    assert [model.data(model.index(r, first)) for r in range(model.rowCount())] == [
        "25 November 2026", "2 Desember 2026", "12 Desember 2026"]
    assert _names(window) == ["Siti Aminah", "Ani Lestari", "Budi Santoso"]  # Joko's ends in 200 days
    from app.ui.person_table import COLUMN_KEYS

    end = COLUMN_KEYS.index("end")
    shown = [model.headerData(table.horizontalHeader().logicalIndex(v), Qt.Orientation.Horizontal)
             for v in range(model.columnCount()) if not table.isColumnHidden(table.horizontalHeader().logicalIndex(v))]
    assert shown.count("Bimbingan sampai") == 1 and table.isColumnHidden(end)  # the date is not shown twice
    _click(window, "attention", "ending")  # leaving the list: the date column goes, names in order
    assert table.isColumnHidden(first) and _names(window) == ["Ani Lestari", "Budi Santoso", "Joko Susilo",
                                                              "Siti Aminah"]
    assert not table.isColumnHidden(end)  # the record's own "Bimbingan sampai" is back


def test_a_client_saved_while_the_groups_hide_them_is_shown_with_a_way_to_see_them(qtbot, db):
    from PySide6.QtWidgets import QPushButton
    from factories import category_id
    from uikit import fill_client_form

    _people(db)  # all on PB
    window = make_window(qtbot, db, PASSWORD, TODAY)
    _click(window, "kind", kind_id(db, "ASIM"))
    assert _names(window) == []

    def fill(form):
        fill_client_form(form, name="Rudi Hartono", nik="3522010101950005", sex="L", birth="01-01-1995",
                         offence_date="01-12-2023", category_id=category_id(db, "Pencurian"),
                         detention_start="01-03-2024", years=3, kind_id=kind_id(db, "CB"), officer_id=None,
                         start="21-12-2025")
        form.findChild(QPushButton, "save_button").click()

    on_modal(fill, name="client_form")
    window.act_add.trigger()
    notice = window.saved_notice_label.text()
    assert window.saved_notice.isVisible()
    assert notice.startswith("Rudi Hartono tersimpan, tetapi tidak termasuk kelompok")
    assert "Rudi Hartono" in window.details.toPlainText()  # shown at once, beside the table
    show = window.saved_notice.findChild(QPushButton, "saved_notice_show")
    assert show.text() == "Tampilkan"
    show.click()
    assert not window.filter.groups and not window.saved_notice.isVisible()
    row = window.table.currentIndex().row()
    assert window.model.data(window.model.index(row, 0)) == "Rudi Hartono"


def test_a_client_saved_in_view_is_selected_and_the_status_line_says_tersimpan(qtbot, db):
    from PySide6.QtWidgets import QPushButton
    from factories import category_id
    from uikit import fill_client_form

    _people(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)

    def fill(form):
        fill_client_form(form, name="Rudi Hartono", nik="3522010101950005", sex="L", birth="01-01-1995",
                         offence_date="01-12-2023", category_id=category_id(db, "Pencurian"),
                         detention_start="01-03-2024", years=3, kind_id=kind_id(db, "PB"), officer_id=None,
                         start="21-12-2025")
        form.findChild(QPushButton, "save_button").click()

    on_modal(fill, name="client_form")
    window.act_add.trigger()
    row = window.table.currentIndex().row()
    assert window.model.data(window.model.index(row, 0)) == "Rudi Hartono"
    assert window.statusBar().currentMessage() == "Tersimpan: Rudi Hartono"
    assert not window.saved_notice.isVisible()


def test_the_move_to_bin_question_names_the_nik_and_the_register_number(qtbot, db, monkeypatch):
    ids = _people(db)
    from app.models.domain import Confirmations
    clients.create_client(db, person("Budi Santoso", "3522011505900009"), case(db), program(db, "CB"),
                          Confirmations(duplicate_ok=True, duplicate_reason="orang lain, orang tua berbeda"),
                          today=TODAY)  # a namesake born the same day
    window = make_window(qtbot, db, PASSWORD, TODAY)
    window.select_person(ids[0])
    asked = []
    monkeypatch.setattr("app.ui.main_window.confirm", lambda *a, **k: asked.append((a[2], k)) or False)
    window.act_delete.trigger()
    text, kw = asked[0]
    assert text.startswith("Pindahkan Budi Santoso (NIK 3522011505900001; no. register 1/PB/2025) beserta")
    assert kw["no"] == "Batal" and kw["destructive"]


def test_toolbar_and_menu_tooltips_explain_instead_of_repeating_the_label(qtbot, db):
    window = make_window(qtbot, db, PASSWORD, TODAY)
    for action in window.search_holder.actions():
        if not action.text():
            continue
        label = action.text().replace("&", "").rstrip("…")
        tip = action.toolTip()
        assert tip and label not in tip, (label, tip)
    assert window.act_add.toolTip() == "Catat satu orang beserta perkara dan programnya dalam satu formulir (Ctrl+N)"


def test_after_a_status_save_the_details_keep_their_place_and_show_the_status_history(qtbot, db, monkeypatch):
    ids = _people(db)
    pid = ids[0]
    for extra in range(3):  # enough cases to scroll
        clients.add_case(db, pid, case(db, verdict_number=f"{50 + extra}/Pid.B/2024/PN Bjn"), today=TODAY)
    program_id = Queries(db).programs_of(pid)[0]["id"]
    window = make_window(qtbot, db, PASSWORD, TODAY)
    window.resize(1366, 500)
    window.select_person(pid)
    qtbot.waitExposed(window)
    bar = window.details.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    monkeypatch.setattr("app.ui.status_dialog.confirm", lambda *a, **k: True)

    def change(dialog):
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("selesai"))
        dialog.date_field.edit.setText("20-11-2026")
        dialog.letter_edit.setText("W15.PAS.PAS.5-PK.01.05-123")
        dialog.reason_edit.setPlainText("Masa bimbingan selesai")
        dialog.accept()

    on_modal(change, name="status_dialog")
    window.on_detail_action("status", program_id)
    assert window.details.person_id == pid
    assert bar.value() == place
    text = window.details.toPlainText()
    assert "Riwayat status" in text
    # (toPlainText gives the dates' non-breaking spaces back as plain ones)
    assert "20 November 2026: Selesai · W15.PAS.PAS.5-PK.01.05-123 · Masa bimbingan selesai" in text


def test_f1_opens_the_guide_of_the_screen_in_use(qtbot, db):
    from PySide6.QtWidgets import QApplication

    from app.ui.help_pages import HelpDialog

    window = make_window(qtbot, db, PASSWORD, TODAY)
    qtbot.waitExposed(window)
    window.activateWindow()
    window.act_help.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible())
    assert dialog.topic == "main_window" and "Layar utama" in dialog.browser.toPlainText()
    dialog.close()

    seen = {}

    def press_f1(form):
        try:
            QApplication.instance().installEventFilter(window._idle_watcher)  # (installed after the first paint)
            qtbot.keyClick(form.focusWidget(), Qt.Key.Key_F1)
            found = [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible()]
            seen["topics"] = [w.topic for w in found]
            seen["text"] = found[0].browser.toPlainText() if found else ""
            for w in found:
                w.close()
        finally:
            form.reject()

    on_modal(press_f1, name="client_form")
    window.act_add.trigger()
    assert seen["topics"] == ["client_form"]
    assert "Formulir klien" in seen["text"] and "Hasil hitung" in seen["text"]


def test_a_destructive_question_answers_batal_to_enter_and_escape(qtbot, db):
    from app.ui.widgets import confirm

    window = make_window(qtbot, db, PASSWORD, TODAY)
    seen = {}

    def look(box):
        seen["default"] = box.defaultButton().text()
        seen["escape"] = box.escapeButton().text()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # an officer pressing Enter out of habit

    on_modal(look, name="confirm_box")
    answer = confirm(window, "Pindahkan ke tempat sampah", "Pindahkan?", yes="Pindahkan ke tempat sampah", no="Batal",
                     destructive=True)
    assert seen == {"default": "Batal", "escape": "Batal"} and answer is False


@pytest.mark.english
def test_in_english_the_sidebar_and_the_header_speak_english(qtbot, db):
    _people(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    assert sidebar_item(window, "all", None).text(0) == "✓ All clients"
    assert window.sidebar_panel.ended_check.text() == "including those that ended"
    qtbot.keyClicks(window.search_edit, "siti")
    qtbot.wait(10)
    assert "search “siti” among all clients" in _filter_bar_text(window)


@pytest.mark.english
def test_in_english_the_entry_form_judges_the_program_in_english(qtbot, db):
    from app.ui.client_form import NEW, ClientForm

    form = ClientForm(db, NEW, today=TODAY)
    qtbot.addWidget(form)
    form.offence_date.edit.setText("01-12-2023")
    form.detention_start.edit.setText("01-03-2024")
    form.birth_date.edit.setText("15-05-1990")
    form.sentence_field.years.setValue(1)
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(kind_id(db, "CB")))
    text = form.preview.text()
    assert text.startswith("Expiry: 1\u00a0March\u00a02025") and "Conditional leave (CB):" in text


def test_on_a_screen_scaled_to_150_percent_the_columns_an_officer_needs_stay_whole(qtbot, db):
    _people(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    window.resize(910, 512)  # 1366 × 768 at 150 %, in the window's own pixels
    qtbot.waitExposed(window)
    qtbot.wait(10)
    table = window.table
    shown = {COLUMN_KEYS[i] for i in range(len(COLUMN_KEYS)) if not table.isColumnHidden(i)}
    assert {"name", "nik", "register", "end"} <= shown
    assert "status" not in shown  # left out first: the sidebar tells the status
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    assert header.sectionSize(COLUMN_KEYS.index("nik")) >= metrics.horizontalAdvance("3522011505900001")
    assert header.sectionSize(COLUMN_KEYS.index("end")) >= metrics.horizontalAdvance("30 September 2026")
    window.resize(1366, 768)
    qtbot.wait(10)
    assert not table.isColumnHidden(COLUMN_KEYS.index("status"))  # room again: back
