"""The import wizard, the Excel exports from the window, and the entry form's warning for an incomplete record."""

from __future__ import annotations

import json
from datetime import date

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

import factories
from conftest import PASSWORD, TODAY
from excel_fixtures import MESSY_EXPECTED, messy_register, seed_messy_database
from uikit import make_window, on_modal
from app.models.queries import Filter, Queries
from app.ui.import_wizard import DONE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, ImportWizard


def wizard_for(qtbot, db, path):
    wizard = ImportWizard(db, today=TODAY)
    qtbot.addWidget(wizard)
    assert wizard.load_file(path)
    return wizard


def click_yes(box: QMessageBox) -> None:
    """The confirmation's "do it" button (whatever the language)."""
    button = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    button.click()


def test_the_wizard_proposes_the_mapping_previews_and_imports_what_the_officer_decided(qtbot, db, tmp_path):
    ids = seed_messy_database(db)
    wizard = wizard_for(qtbot, db, messy_register(tmp_path))
    assert wizard.pages.currentIndex() == MAPPING_PAGE
    proposed = wizard.chosen_mapping()
    assert (proposed[1], proposed[2], proposed[5], proposed[9]) == ("name", "nik", "program", "officer")
    assert "row 4" in wizard.mapping_info.text() or "baris 4" in wizard.mapping_info.text()
    wizard.go_next()
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    s = wizard.plan.summary()
    assert (s["created"], s["matched"], s["decide"], s["rejected"]) == (4, 2, 1, 4)
    assert counts_unchanged(db)  # the preview wrote nothing

    combo = wizard.findChild(type(wizard.sheet_combo), "decide_combo_11")
    assert combo.itemText(2).startswith("Sama dengan Budi Santoso")
    combo.setCurrentIndex(2)
    officer = wizard.officers_list.item(0)
    assert officer.text() == "Rahmat Hidayat"
    officer.setCheckState(Qt.CheckState.Checked)
    wizard.refresh_preview()
    s = wizard.plan.summary()
    assert (s["created"], s["decide"], s["new"]["officers"]) == (5, 0, 1)

    wizard.start_import()
    assert wizard.pages.currentIndex() == DONE_PAGE
    assert wizard.changes.lists and wizard.batch is not None
    budi = Queries(db).programs_of(ids["budi"])
    assert sorted(p["kind_code"] for p in budi) == ["CB", "PB"]  # row 11 was decided: the same Budi
    assert db.scalar("SELECT COUNT(*) FROM officers WHERE name = 'Rahmat Hidayat'") == 1

    saved = wizard.save_rejected(tmp_path / "ditolak.xlsx")
    rows = list(openpyxl.load_workbook(saved).active.iter_rows(values_only=True))
    assert sorted(r[-2] for r in rows[3:] if r[-2]) == MESSY_EXPECTED["rejected_rows"]

    on_modal(click_yes, name="confirm_box")
    wizard.undo()
    assert Queries(db).programs_of(ids["budi"])[0]["kind_code"] == "PB" \
        and len(Queries(db).programs_of(ids["budi"])) == 1


def counts_unchanged(db) -> bool:
    return db.scalar("SELECT COUNT(*) FROM programs") == 1


def test_a_corrected_mapping_is_remembered_for_the_next_file_of_the_same_shape(qtbot, db, tmp_path):
    seed_messy_database(db)
    path = messy_register(tmp_path)
    wizard = wizard_for(qtbot, db, path)
    wizard.set_mapping(12, None)  # "Status" ignored
    wizard.go_next()
    wizard.start_import()
    again = wizard_for(qtbot, db, messy_register(tmp_path, "register_lama_2.xlsx"))
    assert again.chosen_mapping()[12] is None
    assert "imported before" in again.mapping_info.text() or "pernah diimpor" in again.mapping_info.text()


def test_a_bad_file_is_refused_on_the_first_page_with_its_reason(qtbot, db, tmp_path):
    bad = tmp_path / "surat.xlsx"
    bad.write_bytes(b"%PDF-1.5\n" + bytes(range(256)) * 4)
    wizard = ImportWizard(db, today=TODAY)
    qtbot.addWidget(wizard)
    assert not wizard.load_file(bad)
    assert wizard.pages.currentIndex() == 0 and "bukan lembar kerja" in wizard.error.text()
    assert not wizard.next_button.isEnabled()


def test_export_this_list_and_the_monthly_report_from_the_window(qtbot, db, tmp_path):
    seed_messy_database(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    from app.ui.excel_dialogs import export_list, export_monthly

    target = tmp_path / "daftar.xlsx"
    export_list(window, target)
    qtbot.waitUntil(lambda: db.scalar("SELECT COUNT(*) FROM audit_log WHERE operation = 'ekspor excel'") == 1,
                    timeout=20000)
    ws = openpyxl.load_workbook(target)["Daftar"]
    assert ws["A1"].value == "Daftar klien — semua klien"
    assert [c.value for c in ws[5]][:3] == ["Nama", "NIK / paspor", "Tanggal lahir"] or \
        [c.value for c in ws[5]][0] == "Nama"
    monthly = tmp_path / "bulanan.xlsx"
    export_monthly(window, monthly, month=(2026, 11))
    qtbot.waitUntil(lambda: db.scalar("SELECT COUNT(*) FROM audit_log WHERE operation = 'ekspor excel'") == 2,
                    timeout=20000)
    after = json.loads(db.scalar("SELECT after FROM audit_log WHERE operation = 'ekspor excel' ORDER BY id DESC"))
    assert after["what"] == "laporan bulanan 2026-11" and after["path"] == str(monthly.resolve())
    assert openpyxl.load_workbook(monthly).sheetnames[0] == "Rekap"


def test_the_form_saves_a_record_without_offence_date_and_sentence_after_a_warning_listing_them(qtbot, db):
    from app.ui.client_form import ClientForm

    officer = factories.officer(db)
    form = ClientForm(db, "new", today=TODAY)
    qtbot.addWidget(form)
    form.name_edit.setText("Bayu Saputra")
    form.nik_edit.setText("3522010106080001")
    form.birth_date.edit.setText("01-06-2008")
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(factories.kind_id(db, "ASIM")))
    form.officer_combo.setCurrentIndex(form.officer_combo.findData(officer))
    form.start_date.edit.setText("01-03-2025")
    form.end_date.edit.setText("01-03-2026")
    seen = {}

    def answer(box: QMessageBox) -> None:
        seen["text"] = box.text()
        click_yes(box)

    on_modal(answer, name="confirm_box")
    form.accept()
    assert "tanggal tindak pidana" in seen["text"] and "lama pidana" in seen["text"]
    assert form.result_op is not None
    q = Queries(db)
    assert q.total(Filter().with_group("due", "incomplete"), TODAY) == 1
    assert "perlu dicek" in " ".join(q.missing_of(form.result_op.id))
    assert QApplication.activeModalWidget() is None
    assert date(2026, 11, 22) == TODAY


def test_the_capacity_dialog_saves_the_capacity_per_register_class(qtbot, db):
    from app.operations.settings import capacity
    from app.ui.excel_dialogs import CapacityDialog

    dialog = CapacityDialog(db)
    qtbot.addWidget(dialog)
    dialog.spins["B.I"].setValue(120)
    dialog.spins["A.II"].setValue(15)
    dialog.accept()
    assert capacity(db) == {"A.II": 15, "B.I": 120}
    again = CapacityDialog(db)
    qtbot.addWidget(again)
    assert again.spins["B.I"].value() == 120 and again.spins["B.III"].value() == 0
