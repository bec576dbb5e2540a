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


def _form(qtbot, db, mode=NEW, **ids):
    form = ClientForm(db, mode, today=TODAY, **ids)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def _save(form):
    form.findChild(QPushButton, "save_button").click()


def test_errors_go_away_as_soon_as_the_field_is_fixed(qtbot, db):
    form = _form(qtbot, db)
    form.no_program_check.setChecked(True)
    _save(form)
    name_error, birth_error = form.errors.labels["person.name"], form.errors.labels["person.birth_date"]
    assert name_error.text() == "Nama wajib diisi."
    assert birth_error.text() == "Tanggal lahir wajib diisi."
    qtbot.keyClicks(form.name_edit, "Ani Lestari")
    assert name_error.text() == ""
    assert birth_error.text() == "Tanggal lahir wajib diisi."  # still true: still said
    form.birth_date.edit.setText("31-02-1990")
    assert birth_error.text() and "wajib" not in birth_error.text()  # now: not a date
    form.birth_date.edit.setText("15-05-1990")
    assert birth_error.text() == ""
    assert db.scalar("SELECT COUNT(*) FROM persons") == 0


def test_a_fifteen_digit_nik_shows_one_message_which_goes_with_the_sixteenth_digit(qtbot, db):
    form = _form(qtbot, db)
    qtbot.keyClicks(form.nik_edit, "352201150590000")
    assert form.nik_count.text() == "15 / 16"
    assert form.nik_hint.text() == ""  # while typing: only the count
    _save(form)
    assert form.nik_hint.text() == "NIK harus 16 digit (yang diisi 15 digit)."
    assert form.nik_count.text() == ""  # one message, not two
    qtbot.keyClicks(form.nik_edit, "1")
    assert form.nik_hint.text() == ""
    assert form.nik_count.text() == "16 / 16"


def test_a_nik_warning_never_moves_the_fields_below_it(qtbot, db):
    form = _form(qtbot, db)
    below = [form.passport_edit, form.sex_combo, form.birth_date.edit, form.address_edit]

    def places():
        return [w.mapTo(form, w.rect().topLeft()).y() for w in below]

    before = places()
    form.birth_date.edit.setText("16-05-1990")
    qtbot.keyClicks(form.nik_edit, "3522011505900001")  # its birth digits say 15-05-90
    assert "NIK menyebut lahir 15-05-90" in form.nik_hint.text()
    assert places() == before
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("P"))  # a second warning: two lines
    assert form.nik_hint.text().count("\n") == 1
    assert places() == before


def test_the_form_opens_with_the_cursor_in_the_first_empty_field(qtbot, db):
    form = _form(qtbot, db)
    assert form.focusWidget() is form.name_edit
    result = clients.create_client(db, person(), case(db, verdict_number="", court=""), program(db, "PB"),
                                   today=TODAY)
    case_id = db.scalar("SELECT id FROM cases")
    form = _form(qtbot, db, "edit_case", case_id=case_id, person_id=result.id)
    assert form.focusWidget() is form.verdict_number_edit  # offence date and articles are filled


def _case_for(form, db, years, months=0):
    form.name_edit.setText("Ani Lestari")
    form.nik_edit.setText("3522015505900001")
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("P"))
    form.birth_date.edit.setText("15-05-1990")
    form.offence_date.edit.setText("01-12-2023")
    form.detention_start.edit.setText("01-03-2024")
    form.sentence_field.years.setValue(years)
    form.sentence_field.months.setValue(months)


def _expected(years, months=0):
    from app.models import calculator as calc
    from app.models.durations import Duration
    return calc.compute(calc.SentenceInput(detention_start=date(2024, 3, 1),
                                           sentences=(Duration(years, months),)), explain=False)


def _nb(d):
    from app.models.dates import format_date
    return format_date(d).replace(" ", "\u00a0")


def test_the_computed_dates_judge_the_program_chosen(qtbot, db):
    form = _form(qtbot, db)
    _case_for(form, db, 1)
    one_year = _expected(1)
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(kind_id(db, "CB")))
    text = form.preview.text()
    assert (f"Cuti Bersyarat (CB): {_nb(one_year.conditional_leave_start)} sampai "
            f"{_nb(one_year.conditional_leave_end)}") in text
    assert "PB" not in text
    form.sentence_field.years.setValue(2)
    assert "Tidak memenuhi syarat Cuti Bersyarat (CB)" in form.preview.text()
    two_years = _expected(2)
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(kind_id(db, "ASIM")))
    assert f"Asimilasi mulai: {_nb(two_years.assimilation_date)}" in form.preview.text()
    assert "PB" not in form.preview.text()
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(kind_id(db, "PB")))
    assert f"Pembebasan Bersyarat (PB) mulai: {_nb(two_years.parole_date)}" in form.preview.text()
    form.sentence_field.years.setValue(1)
    assert "Tidak memenuhi syarat Pembebasan Bersyarat (PB)" in form.preview.text()  # 2/3 under 9 months
    # No date in the preview has an ordinary space inside it: none breaks across lines.
    import re
    assert not re.search(r"\d (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|"
                         r"Desember)", form.preview.text())


def test_the_start_of_guidance_is_proposed_from_the_program_date_until_the_officer_types_one(qtbot, db):
    form = _form(qtbot, db)
    _case_for(form, db, 1)
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(kind_id(db, "CB")))
    assert form.start_date.value() == _expected(1).conditional_leave_start
    assert form.end_date.value() == _expected(1).expiry
    assert "Bimbingan mulai dan sampai diusulkan" in form.program_hint.text()
    form.sentence_field.years.setValue(2)
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(kind_id(db, "PB")))
    assert form.start_date.value() == _expected(2).parole_date
    form.start_date.edit.setText("15-07-2025")  # the SK's date
    form.sentence_field.months.setValue(6)
    assert form.start_date.value() == date(2025, 7, 15)
    assert form.end_date.value() == _expected(2, 6).parole_supervision_end  # the end still follows


def test_a_long_address_is_kept_on_several_lines(qtbot, db):
    form = _form(qtbot, db)
    _case_for(form, db, 1)
    form.no_program_check.setChecked(True)
    form.address_edit.setPlainText("Jl. Veteran No. 5 RT 02/RW 03\nDesa Sukamaju, Kec. Kapas, Kab. Bojonegoro")
    qtbot.keyClick(form.address_edit, Qt.Key.Key_Tab)
    assert form.focusWidget() is not form.address_edit  # Tab moves on, as from any field
    _save(form)
    assert db.scalar("SELECT address FROM persons") == \
        "Jl. Veteran No. 5 RT 02/RW 03\nDesa Sukamaju, Kec. Kapas, Kab. Bojonegoro"


def test_the_nik_check_keeps_its_explanation_whole_when_it_asks_for_the_reason(qtbot):
    from PySide6.QtWidgets import QLabel

    from app.ui.identity_dialogs import NikReasonDialog

    dialog = NikReasonDialog(["Tanggal lahir di NIK (15-05-90) berbeda dengan tanggal lahir yang diisi (16 Mei 1990)."])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    size = dialog.size()
    dialog.findChild(QPushButton, "nik_confirm_button").click()
    assert dialog.isVisible() and dialog.error.text() == "Tulis alasannya dulu."
    assert dialog.size() == size  # the room was kept: nothing had to give way
    for label in (dialog.findChild(QLabel, "nik_reason_note"), dialog.error):
        assert label.height() >= label.heightForWidth(label.width()), label.objectName()  # not clipped
    assert dialog.focusWidget() is dialog.reason_edit
    assert "(16\u00a0Mei\u00a01990)" in dialog.findChild(QLabel, "nik_problems_label").text()  # never broken
