"""The main window driven as an officer would: add, find, edit, change status, delete, restore."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QPushButton

from conftest import PASSWORD, TODAY
from factories import case, category_id, kind_id, officer, person, program
from membership import assert_counts_equal_rows
from uikit import fill_client_form, make_window, on_modal, sidebar_count, sidebar_item

from app.models.queries import Queries
from app.operations import clients


def _rows(window) -> list[str]:
    model = window.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def _click_group(window, dimension, value) -> None:
    item = sidebar_item(window, dimension, value)
    assert item is not None, (dimension, value)
    window.sidebar.itemClicked.emit(item, 0)


def test_empty_state_says_what_to_do(qtbot, db):
    window = make_window(qtbot, db, PASSWORD, TODAY)
    assert window.stack.currentWidget() is window.empty_page
    assert window.empty_page.findChild(QPushButton, "empty_add_client").isVisible()
    assert window.empty_page.findChild(QPushButton, "empty_demo").isVisible()
    assert sidebar_count(window, "all", None) == 0


def test_add_client_through_form_groups_them_with_counts_equal_to_rows(qtbot, db):
    pk = officer(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    pb, theft = kind_id(db, "PB"), category_id(db, "Pencurian")

    def fill(form):
        fill_client_form(form, name="Budi Santoso", nik="3522011505900001", sex="L", birth="15-05-1990",
                         offence_date="01-12-2023", category_id=theft, detention_start="01-03-2024", years=3,
                         kind_id=pb, officer_id=pk, start="21-12-2025")
        form.findChild(QPushButton, "save_button").click()

    on_modal(fill, name="client_form")
    window.act_add.trigger()
    assert _rows(window) == ["Budi Santoso"]
    for dimension, value in (("kind", pb), ("officer", pk), ("offence", theft), ("status", "aktif"),
                             ("age", "dewasa")):
        assert sidebar_count(window, dimension, value) == 1, dimension
        _click_group(window, dimension, value)
        assert window.model.rowCount() == 1
        _click_group(window, dimension, value)  # clicking again removes the filter
    assert sidebar_count(window, "kind", kind_id(db, "CB")) == 0
    # The program's end of guidance defaulted to the end of parole supervision (expiry + 1 year).
    stored = db.query("SELECT end_date, register_number FROM programs")[0]
    assert stored["end_date"] == "2028-03-01"
    assert stored["register_number"] == "1/PB/2025"


def test_groups_combine_with_and_and_counts_match_rows(qtbot, db):
    a, b = officer(db), officer(db, "Agus Salim", "197901022005011003")
    clients.create_client(db, person(), case(db), program(db, "PB", a), today=TODAY)
    clients.create_client(db, person("Siti Aminah", "3522015708920002", "P", date(1992, 8, 17)), case(db),
                          program(db, "PB", b), today=TODAY)
    clients.create_client(db, person("Joko Widodo", "3522012106610003", "L", date(1961, 6, 21)),
                          case(db, "Narkotika (pengguna)"), program(db, "CB", a), today=TODAY)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    pb = kind_id(db, "PB")
    _click_group(window, "kind", pb)
    assert window.model.rowCount() == 2 == sidebar_count(window, "kind", pb)
    assert sidebar_count(window, "officer", a) == 1  # faceted: PB under officer a
    _click_group(window, "officer", a)
    assert _rows(window) == ["Budi Santoso"]
    assert window.model.rowCount() == sidebar_count(window, "officer", a)
    assert {d for d, _ in window.filter.groups} == {"kind", "officer"}
    # Every group's count equals the members computed from the raw tables, and its rows.
    window.on_group_clicked("all", None)
    for groups in ({}, {"kind": pb}, {"officer": a}):
        assert_counts_equal_rows(db, groups, False, TODAY)


def test_find_by_search_name_alias_nik_register(qtbot, db):
    clients.create_client(db, person(alias="Kancil"), case(db), program(db, "PB"), today=TODAY)
    clients.create_client(db, person("Siti Aminah", "3522015708920002", "P", date(1992, 8, 17)), case(db),
                          program(db, "CB"), today=TODAY)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    for text, expected in (("budi", ["Budi Santoso als. Kancil"]), ("kanc", ["Budi Santoso als. Kancil"]),
                           ("35220157", ["Siti Aminah"]), ("1/CB", ["Siti Aminah"]), ("xyz", [])):
        qtbot.keyClicks(window.search_edit, text)
        assert _rows(window) == expected, text
        window.search_edit.clear()
    qtbot.keyClicks(window.search_edit, "zzz")
    assert window.stack.currentWidget() is window.no_match


def test_edit_identity_through_the_form(qtbot, db):
    result = clients.create_client(db, person(), case(db), program(db, "PB"), today=TODAY)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    window.select_person(result.id)

    def edit(form):
        assert form.name_edit.text() == "Budi Santoso"
        form.name_edit.setText("Budi Santoso Wijaya")
        form.phone_edit.setText("081234567890")
        form.findChild(QPushButton, "save_button").click()

    on_modal(edit, name="client_form")
    window.act_edit.trigger()
    assert _rows(window) == ["Budi Santoso Wijaya"]
    assert "Budi Santoso Wijaya" in window.details.toPlainText()
    assert db.query("SELECT phone FROM persons")[0]["phone"] == "081234567890"


def test_change_status_moves_the_person_between_status_groups(qtbot, db, monkeypatch):
    monkeypatch.setattr("app.ui.status_dialog.confirm", lambda *a, **k: True)  # completed before its end
    result = clients.create_client(db, person(), case(db), program(db, "PB"), today=TODAY)
    program_id = db.scalar("SELECT id FROM programs")
    window = make_window(qtbot, db, PASSWORD, TODAY)
    window.select_person(result.id)
    assert sidebar_count(window, "status", "aktif") == 1

    def change(dialog):
        index = dialog.status_combo.findData("selesai")
        dialog.status_combo.setCurrentIndex(index)
        dialog.date_field.edit.setText("20-11-2026")
        dialog.letter_edit.setText("W15.PAS.PAS.5-PK.01.05-123")
        dialog.reason_edit.setPlainText("Masa bimbingan selesai")
        dialog.findChild(QPushButton, "save_button").click()

    on_modal(change, name="status_dialog")
    window.on_detail_action("status", program_id)
    assert sidebar_count(window, "status", "aktif") == 0
    assert sidebar_count(window, "status", "selesai") == 1
    assert db.query("SELECT status, status_letter FROM programs")[0] == {
        "status": "selesai", "status_letter": "W15.PAS.PAS.5-PK.01.05-123"}


def test_delete_asks_and_restore_brings_back(qtbot, db, monkeypatch):
    result = clients.create_client(db, person(), case(db), program(db, "PB"), today=TODAY)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    window.select_person(result.id)
    asked = []
    monkeypatch.setattr("app.ui.main_window.confirm", lambda *a, **k: asked.append(a[2]) or False)
    window.act_delete.trigger()
    assert asked and "Budi Santoso" in asked[0]
    assert window.model.rowCount() == 1  # declined: nothing happened
    monkeypatch.setattr("app.ui.main_window.confirm", lambda *a, **k: True)
    window.act_delete.trigger()
    assert window.model.rowCount() == 0
    assert sidebar_count(window, "all", None) == 0
    clients.restore_from_bin(db, "person", result.id)
    window.act_refresh.trigger()
    assert _rows(window) == ["Budi Santoso"]


def test_fifteen_digit_nik_is_refused_beside_the_field(qtbot, db):
    window = make_window(qtbot, db, PASSWORD, TODAY)
    seen = {}

    def fill(form):
        form.name_edit.setText("Ani Lestari")
        form.nik_edit.setText("352201550590000")
        form.birth_date.edit.setText("15-05-1990")
        form.no_program_check.setChecked(True)
        form.offence_date.edit.setText("01-12-2023")
        form.sentence_field.years.setValue(1)
        form.findChild(QPushButton, "save_button").click()
        label = form.errors.labels["person.nik"]
        seen["text"], seen["visible"] = label.text(), label.isVisible()
        form.reject()

    on_modal(fill, name="client_form")
    window.act_add.trigger()
    assert "16 digit" in seen["text"] and seen["visible"]
    assert Queries(db).is_empty()


def test_nik_whose_birth_date_disagrees_needs_a_reason(qtbot, db):
    window = make_window(qtbot, db, PASSWORD, TODAY)
    pb = kind_id(db, "PB")
    seen = {}

    def give_reason(dialog):
        seen["problems"] = dialog.findChild(type(dialog.reason_edit), "nik_reason_edit") is not None
        seen["text"] = " ".join(w.text() for w in dialog.findChildren(type(dialog.error).__mro__[1]))
        dialog.reason_edit.setText("Sesuai KTP; tanggal lahir dikoreksi putusan pengadilan")
        dialog.findChild(QPushButton, "nik_confirm_button").click()

    def fill(form):
        # The NIK says 15-05-90; the birth date entered is 16 May 1990.
        fill_client_form(form, name="Budi Santoso", nik="3522011505900001", sex="L", birth="16-05-1990",
                         offence_date="01-12-2023", category_id=category_id(db, "Pencurian"),
                         detention_start="01-03-2024", years=3, kind_id=pb, officer_id=None, start="21-12-2025")
        assert "NIK menyebut lahir 15-05-90" in form.nik_hint.text()
        on_modal(give_reason, name="nik_reason_dialog")
        form.findChild(QPushButton, "save_button").click()

    on_modal(fill, name="client_form")
    window.act_add.trigger()
    assert seen["problems"] and "berbeda" in seen["text"]
    stored = db.query("SELECT name, nik_note FROM persons")
    assert stored == [{"name": "Budi Santoso", "nik_note": "Sesuai KTP; tanggal lahir dikoreksi putusan pengadilan"}]
    entry = db.query("SELECT after FROM audit_log WHERE operation = 'tambah klien'")[0]
    assert "dikoreksi putusan" in entry["after"]


def test_duplicate_offers_the_existing_person_and_adds_the_case_to_them(qtbot, db):
    existing = clients.create_client(db, person("Muhammad Rizki bin Ahmad", "3522011505900001"), case(db),
                                     program(db, "PB"), today=TODAY)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    cb = kind_id(db, "CB")
    seen = {}

    def use_existing(dialog):
        seen["items"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        dialog.findChild(QPushButton, "use_existing_button").click()

    def fill(form):
        # Another spelling, another NIK, the same birth date: the same person by name folding.
        fill_client_form(form, name="MUHAMAD  RIZKI", nik="3522011505900009", sex="L", birth="15-05-1990",
                         offence_date="01-06-2025", category_id=category_id(db, "Penipuan"),
                         detention_start="10-06-2025", years=1, kind_id=cb, officer_id=None, start="01-11-2026",
                         verdict_date="01-09-2025")
        on_modal(use_existing, name="duplicate_dialog")
        form.findChild(QPushButton, "save_button").click()

    on_modal(fill, name="client_form")
    window.act_add.trigger()
    assert any("Muhammad Rizki bin Ahmad" in t for t in seen["items"])
    assert db.scalar("SELECT COUNT(*) FROM persons") == 1
    assert db.scalar("SELECT COUNT(*) FROM cases WHERE person_id = ?", (existing.id,)) == 2
    assert sidebar_count(window, "kind", cb) == 1
    assert sidebar_count(window, "all", None) == 1
