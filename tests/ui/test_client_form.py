"""The entry form as an officer meets it (issue 9): look-alikes, live errors, focus, steady layout, dates."""

from __future__ import annotations

from datetime import date

from factories import case, category_id, kind_id, person, program
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from uikit import fill_client_form, make_window, on_modal

from app.operations import clients
from app.ui.client_form import NEW, ClientForm
from conftest import PASSWORD, TODAY


def _look_alike(form, db, nik="3522011505900009"):
    fill_client_form(form, name="MUHAMAD  RIZKI", nik=nik, sex="L", birth="15-05-1990",
                     offence_date="01-06-2025", category_id=category_id(db, "Penipuan"),
                     detention_start="10-06-2025", years=1, kind_id=kind_id(db, "CB"), officer_id=None,
                     start="01-11-2026", verdict_date="01-09-2025")


def test_the_duplicate_dialog_shows_both_people_side_by_side_and_marks_what_differs(qtbot, db):
    clients.create_client(db, person("Muhammad Rizki bin Ahmad", "3522011505900001", address="Jl. Mawar 1"),
                          case(db), program(db, "PB"), today=TODAY)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    seen = {}

    def compare(dialog):
        table = dialog.compare
        seen["headers"] = [table.horizontalHeaderItem(c).text() for c in range(2)]
        rows = {table.verticalHeaderItem(r).text(): (table.item(r, 0).text(), table.item(r, 1).text())
                for r in range(table.rowCount())}
        seen["rows"] = rows
        seen["differs"] = dialog.differs_label.text()
        seen["new_enabled_empty"] = dialog.new_button.isEnabled()
        dialog.reason_edit.setText("Orang lain: orang tua dan alamat berbeda")
        seen["new_enabled_reason"] = dialog.new_button.isEnabled()
        dialog.new_button.click()

    def fill(form):
        _look_alike(form, db)
        form.address_edit.setPlainText("Jl. Melati 7")
        on_modal(compare, name="duplicate_dialog")
        form.findChild(QPushButton, "save_button").click()

    on_modal(fill, name="client_form")
    window.act_add.trigger()
    assert seen["headers"] == ["Sudah terdaftar", "Yang Anda isi"]
    assert seen["rows"]["≠ NIK"] == ("3522011505900001", "3522011505900009")
    assert seen["rows"]["≠ Alamat"] == ("Jl. Mawar 1", "Jl. Melati 7")
    assert seen["rows"]["Tanggal lahir"] == ("15 Mei 1990", "15 Mei 1990")  # the same: not marked
    assert "PB 1/PB/2025" in seen["rows"]["Program"][0]
    assert "NIK" in seen["differs"] and "Alamat" in seen["differs"]
    assert seen["new_enabled_empty"] is False and seen["new_enabled_reason"] is True
    notes = db.query("SELECT name, duplicate_note FROM persons ORDER BY id")
    assert notes == [{"name": "Muhammad Rizki bin Ahmad", "duplicate_note": ""},
                     {"name": "MUHAMAD RIZKI", "duplicate_note": "Orang lain: orang tua dan alamat berbeda"}]


def test_a_same_nik_can_only_be_added_to_the_person_already_there(qtbot, db):
    clients.create_client(db, person("Muhammad Rizki bin Ahmad", "3522011505900001"), case(db), program(db, "PB"),
                          today=TODAY)
    seen = {}

    def look(dialog):
        dialog.reason_edit.setText("beda orang")
        seen["new"] = dialog.new_button.isEnabled()
        seen["text"] = dialog.differs_label.text()
        dialog.reject()

    form = ClientForm(db, NEW, today=TODAY)
    qtbot.addWidget(form)
    form.show()
    _look_alike(form, db, nik="3522011505900001")
    on_modal(look, name="duplicate_dialog")
    form.accept()
    assert seen["new"] is False and "NIK sama" in seen["text"]
    assert db.scalar("SELECT COUNT(*) FROM persons") == 1
