"""Changing a program's status: the dialog names the program and refuses a mistyped date."""

from __future__ import annotations

import pytest
from conftest import TODAY
from factories import case, person, program
from PySide6.QtWidgets import QPushButton

from app.models.errors import UserInputError
from app.models.queries import Queries
from app.operations import clients
from app.ui.labels import status_label
from app.ui.status_dialog import StatusDialog
from app.ui.widgets import ErrorLabel


def make_program(db) -> int:
    person_id = clients.create_client(db, person(), case(db), program(db, "CB"), today=TODAY).id
    return Queries(db).programs_of(person_id)[0]["id"]


def test_the_dialog_names_the_program_its_register_and_its_status(qtbot, db):
    program_id = make_program(db)
    stored = Queries(db).program(program_id)
    dialog = StatusDialog(db, program_id, today=TODAY)
    qtbot.addWidget(dialog)
    text = dialog.program_label.text()
    assert "CB" in text and status_label("aktif") in text
    assert (stored["register_number"] or "–") in text


def test_a_mistyped_date_is_refused_beside_it_and_nothing_changes(qtbot, db):
    program_id = make_program(db)
    dialog = StatusDialog(db, program_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_field.edit.setText("31-02-2026")
    dialog.reason_edit.setPlainText("Masa bimbingan selesai")
    dialog.findChild(QPushButton, "save_button").click()
    error = dialog.findChild(ErrorLabel, "status_date_error")
    assert error.isVisible() and "31-02-2026" in error.text()
    assert dialog.result_op is None and dialog.isVisible()
    assert Queries(db).program(program_id)["status"] == "aktif"


def test_a_program_that_is_gone_is_refused_with_a_clear_message(qtbot, db):
    with pytest.raises(UserInputError) as refused:
        StatusDialog(db, 999, today=TODAY)
    assert refused.value.code == "not_found" and refused.value.message


def _fill(dialog, status, day):
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(status))
    dialog.date_field.edit.setText(day)
    dialog.letter_edit.setText("W15.PAS.PAS.5-PK.01.05-123")
    dialog.reason_edit.setPlainText("Masa bimbingan selesai")


def test_completing_a_program_before_its_end_asks_first_and_cancel_keeps_it(qtbot, db, monkeypatch):
    import app.ui.status_dialog as status_ui

    program_id = make_program(db)  # CB until 1 Desember 2027
    asked = []
    answers = [False, True]
    monkeypatch.setattr(status_ui, "confirm", lambda _p, title, text, **kw: asked.append((title, text, kw)) or
                        answers.pop(0))
    dialog = StatusDialog(db, program_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, "selesai", "20-11-2026")
    dialog.findChild(QPushButton, "save_button").click()
    title, text, kw = asked[0]
    assert title == "Akhiri program lebih awal?"
    assert "1\u00a0Desember\u00a02027" in text and "20\u00a0November\u00a02026" in text and "376 hari" in text
    assert kw["no"] == "Batal"
    assert dialog.isVisible() and Queries(db).program(program_id)["status"] == "aktif"  # declined
    dialog.findChild(QPushButton, "save_button").click()
    assert Queries(db).program(program_id)["status"] == "selesai"


def test_revoking_before_the_end_is_not_asked(qtbot, db, monkeypatch):
    import app.ui.status_dialog as status_ui

    program_id = make_program(db)
    monkeypatch.setattr(status_ui, "confirm", lambda *a, **k: pytest.fail("asked"))
    dialog = StatusDialog(db, program_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.letter_edit  # status and date are filled in already
    _fill(dialog, "dicabut", "20-11-2026")
    dialog.findChild(QPushButton, "save_button").click()
    assert Queries(db).program(program_id)["status"] == "dicabut"
