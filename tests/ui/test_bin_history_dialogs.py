"""The bin (app/ui/bin_dialog.py) and the audit trail dialogs (app/ui/history_dialog.py)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from factories import case, officer, person, program
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QWidget

from app.models.domain import Confirmations
from app.models.queries import Queries
from app.operations import clients
from app.ui.bin_dialog import BinDialog
from app.ui.history_dialog import (
    PAGE_SIZE,
    AuditLogDialog,
    AuditTableModel,
    HistoryDialog,
    change_lines,
    format_timestamp,
)
from app.ui.widgets import ErrorLabel

TODAY = date(2026, 11, 22)


def click(qtbot, dialog: QWidget, name: str) -> None:
    button = dialog.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def new_client(db, name: str = "Budi Santoso", nik: str = "3522011505900001", birth: date = date(1990, 5, 15),
               sex: str = "L") -> int:
    result = clients.create_client(db, person(name, nik=nik, birth=birth, sex=sex), case(db), program(db),
                                   Confirmations(), today=TODAY)
    return int(result.id)


def column(table, col: int) -> list[str]:
    return [table.item(row, col).text() for row in range(table.rowCount())]


# -- the bin ----------------------------------------------------------------------------------

def test_an_empty_bin_says_so(qtbot, db) -> None:
    dialog = BinDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    label = dialog.findChild(QLabel, "bin_empty_label")
    assert label.isVisible() and label.text() == "Tempat sampah kosong."
    assert not dialog.findChild(QPushButton, "restore_button").isEnabled()


def test_restoring_a_deleted_person_brings_them_back(qtbot, db) -> None:
    pid = new_client(db)
    clients.delete_person(db, pid)
    dialog = BinDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert column(dialog.table, 0) == ["Orang"]
    assert column(dialog.table, 1) == ["NIK 3522011505900001"]
    assert column(dialog.table, 2) == ["Budi Santoso"]
    deleted = Queries(db).person(pid)["deleted_at"]
    assert dialog.table.item(0, 3).text() == format_timestamp(deleted)
    assert format_timestamp("2026-01-12T14:03:59") == "12 Januari 2026 14:03"

    click(qtbot, dialog, "restore_button")
    assert Queries(db).person(pid)["deleted_at"] is None
    assert [p["status"] for p in Queries(db).programs_of(pid)] == ["aktif"]  # came back with the person
    assert dialog.findChild(QLabel, "bin_empty_label").isVisible()
    assert pid in dialog.changes.persons and dialog.changes.lists


def test_a_refused_restore_shows_the_reason(qtbot, db) -> None:
    pid = new_client(db)
    program_id = Queries(db).programs_of(pid)[0]["id"]
    case_id = Queries(db).cases_of(pid)[0]["id"]
    clients.delete_program(db, program_id)
    clients.delete_case(db, case_id)  # deleted after the program, in another batch
    dialog = BinDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = column(dialog.table, 0)
    assert sorted(rows) == ["Perkara", "Program"]
    dialog.table.selectRow(rows.index("Program"))
    click(qtbot, dialog, "restore_button")

    error = dialog.findChild(ErrorLabel, "bin_error")
    assert error.isVisible() and error.text() == "Pulihkan dulu perkaranya."
    assert Queries(db).programs_of(pid) == []
    assert not dialog.changes.any

    dialog.table.selectRow(column(dialog.table, 0).index("Perkara"))
    click(qtbot, dialog, "restore_button")
    assert not error.isVisible()
    assert [c["id"] for c in Queries(db).cases_of(pid)] == [case_id]


# -- one person's history ---------------------------------------------------------------------

def test_history_shows_the_create_and_update_entries_of_the_person(qtbot, db) -> None:
    pid = new_client(db)
    new_client(db, "Siti Aminah", "3522015506920002", date(1992, 6, 15), "P")  # someone else's trail
    clients.update_person(db, pid, person("Budi Santoso bin Slamet", phone="081234567890"), today=TODAY)
    dialog = HistoryDialog(db, pid)
    qtbot.addWidget(dialog)
    dialog.show()

    table = dialog.findChild(QAbstractItemView, "history_table")
    assert table.rowCount() == 2
    assert column(table, 1) == ["Ubah identitas", "Tambah klien"]  # newest first
    update = table.item(0, 5).text()
    assert "Nama: Budi Santoso → Budi Santoso bin Slamet" in update
    assert "Telepon: – → 081234567890" in update
    assert "Budi Santoso bin Slamet" in dialog.detail.toPlainText()  # the newest entry is selected
    table.selectRow(1)
    detail = dialog.detail.toPlainText()
    assert "Identitas › NIK: 3522011505900001" in detail
    assert "Identitas › Tanggal lahir: 15 Mei 1990" in detail  # dates the Indonesian way
    assert "Perkara › Ditahan sejak: 1 Maret 2024" in detail
    assert "Program › Nomor register:" in detail
    assert "Siti" not in detail
    assert table.item(1, 0).text() == format_timestamp(Queries(db).history(pid)[0]["at"])
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert "tidak dapat diubah" in dialog.findChild(QLabel, "history_note").text()


@pytest.mark.english
def test_change_lines_read_like_a_form() -> None:
    before = json.dumps({"officer_id": 1, "end_date": "2027-12-01", "status": "aktif"})
    after = json.dumps({"officer_id": 2, "end_date": "2028-01-31", "status": "selesai"})
    lines = change_lines(before, after)
    assert "Guidance until: 1 December 2027 → 31 January 2028" in lines  # English dates in English
    assert "Status: Active → Completed" in lines
    assert change_lines(json.dumps({"name": "Joko"}), json.dumps({"deleted_at": "2026-11-22T09:05:00"})) == [
        "Name (was): Joko", "Moved to the bin: 22 November 2026 09:05"]
    assert change_lines(None, None) == []


# -- the whole log ----------------------------------------------------------------------------

def test_the_audit_log_filters_and_counts(qtbot, db) -> None:
    officer(db)
    officer(db, "Agus Prasetyo, S.Sos.", "197901152005011002")
    new_client(db)
    total = Queries(db).audit_count()
    dialog = AuditLogDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.findChild(QAbstractItemView, "audit_table")
    model = table.model()
    assert model.rowCount() == total
    assert f"Total {total} entri" in dialog.count_label.text()
    assert model.index(0, 0).data() == str(total)  # newest first
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert "rekam-upt check" in dialog.findChild(QLabel, "audit_note").text()

    qtbot.keyClicks(dialog.findChild(QWidget, "audit_filter_edit"), "petugas")
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert {model.index(r, 2).data() for r in range(2)} == {"Tambah petugas"}
    assert f"2 cocok dari {total} entri" == dialog.count_label.text()

    edit = dialog.findChild(QWidget, "audit_filter_edit")
    edit.clear()
    qtbot.keyClicks(edit, "tidak-ada-yang-cocok")
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert dialog.findChild(QLabel, "audit_empty_label").isVisible()


def test_the_audit_log_loads_more_on_demand(qtbot, db) -> None:
    from app.models.domain import OfficerInput
    from app.operations.officers import add_officer
    for n in range(1, PAGE_SIZE + 20):
        add_officer(db, OfficerInput(name=f"Petugas {n}", nip=f"19850312201001{1 + n % 2}{n:03d}"))
    total = Queries(db).audit_count()
    assert total > PAGE_SIZE
    dialog = AuditLogDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    assert f"{PAGE_SIZE} dimuat" in dialog.count_label.text()
    click(qtbot, dialog, "load_more_button")
    assert model.rowCount() == total
    assert not dialog.load_more_button.isEnabled()
    assert model.index(total - 1, 0).data() == "1"


def test_the_audit_model_is_read_only_without_a_window(db) -> None:
    officer(db)
    model = AuditTableModel(Queries(db))
    model.set_filter("")
    assert model.rowCount() == Queries(db).audit_count()
    index = model.index(0, 7)
    assert "Nama: Sari Dewi, S.H." in index.data()
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, "diubah")


def test_history_names_each_record_in_words_not_numbers(qtbot, db) -> None:
    from app.models.domain import StatusChange

    pid = new_client(db)
    program_id = Queries(db).programs_of(pid)[0]["id"]
    clients.change_program_status(db, program_id, StatusChange("selesai", date(2026, 11, 20), "W15-PK.05-9", "selesai"),
                                  today=TODAY)
    dialog = HistoryDialog(db, pid)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.findChild(QAbstractItemView, "history_table")
    records = column(table, 2)
    assert records[0] == "Program PB · 1/PB/2025"  # the status change, newest first
    assert not any("#" in r for r in records)
    changes = " ".join(column(table, 5))
    assert "programs" not in changes and "[" not in changes  # the ids written for `check` stay out of sight
