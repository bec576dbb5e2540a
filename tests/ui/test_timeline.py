"""A client's timeline: corrections and removals ask for a reason, the photo comes from a file, made small."""

from __future__ import annotations

from datetime import date

import factories as f
import pytest
from conftest import TODAY
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit
from uikit import on_modal

from app.models.queries import Queries
from app.operations import wajib_lapor as wl
from app.operations.clients import create_client
from app.ui.timeline import TimelineDialog


@pytest.fixture
def timeline(qtbot, db):
    officer = f.officer(db)
    person_id = create_client(db, f.person(), f.case(db), f.program(db, officer_id=officer), today=TODAY).id
    program_id = Queries(db).programs_of(person_id)[0]["id"]
    wl.check_in(db, program_id=program_id, day=date(2026, 10, 6), today=TODAY)
    wl.add_note(db, person_id, wl.NoteInput(note_date=date(2026, 10, 6), officer_id=officer, plans="buka bengkel"))
    dialog = TimelineDialog(db, person_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, person_id, program_id


def _select(dialog, kind: str) -> None:
    for i in range(dialog.events.topLevelItemCount()):
        item = dialog.events.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole)[0] == kind:
            dialog.events.setCurrentItem(item)
            return
    raise AssertionError(kind)


def test_the_timeline_lists_visits_notes_and_the_start(timeline):
    dialog, _person, _program = timeline
    kinds = [dialog.events.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)[0]
             for i in range(dialog.events.topLevelItemCount())]
    assert kinds == ["note", "visit", "start"]
    assert "buka bengkel" in dialog.events.topLevelItem(0).text(2)


def test_removing_a_visit_asks_for_a_reason_and_keeps_it(qtbot, timeline, db):
    dialog, _person, program = timeline
    _select(dialog, "visit")

    def give_reason(box):
        box.accept()  # without a reason: refused, the dialog stays
        assert box.isVisible()
        box.findChild(QLineEdit, "remove_reason").setText("salah orang")
        box.accept()

    on_modal(give_reason, name="reason_dialog")
    dialog.remove_button.click()
    assert Queries(db).visits(program) == []
    assert Queries(db).visits(program, include_removed=True)[0]["removed_reason"] == "salah orang"
    _select(dialog, "visit")
    assert "salah orang" in dialog.events.currentItem().text(2)


def test_a_photo_from_a_file_is_cropped_and_made_small(qtbot, timeline, db, tmp_path):
    dialog, person, _program = timeline
    picture = QImage(1200, 900, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3366aa"))
    path = tmp_path / "foto.png"
    picture.save(str(path))
    dialog.set_photo_from(str(path))
    stored = QImage.fromData(Queries(db).photo(person), "JPG")
    assert (stored.width(), stored.height()) == (240, 320)
    assert dialog.photo_remove.isEnabled()
    dialog.set_photo_from(str(tmp_path / "bukan-foto.png"))
    assert dialog.error.text()
