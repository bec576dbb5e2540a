"""The check-in box and Mode lapor in the real window: a scan records the visit and the counts follow."""

from __future__ import annotations

from datetime import date

import factories as f
import pytest
from conftest import PASSWORD, TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from uikit import make_window, on_modal, sidebar_count, wait_counts

from app.models.queries import Queries
from app.operations import wajib_lapor as wl
from app.operations.clients import create_client


@pytest.fixture
def window(qtbot, db):
    officer = f.officer(db)
    person_id = create_client(db, f.person(), f.case(db), f.program(db, officer_id=officer), today=TODAY).id
    other = create_client(db, f.person(name="Siti Rahayu", nik="3522015505920002", sex="P", birth=date(1992, 5, 15)),
                          f.case(db), f.program(db, officer_id=officer), today=TODAY).id
    w = make_window(qtbot, db, PASSWORD, TODAY)
    w.test_ids = {"person": person_id, "other": other, "officer": officer,
                  "register": Queries(db).programs_of(person_id)[0]["register_number"]}
    return w


def scan(qtbot, window, text: str) -> None:
    """What a USB scanner does: the characters, then Enter."""
    box = window.checkin.box
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.checkin._pending is None, timeout=5000)


def test_a_scan_in_mode_lapor_records_the_visit_shows_who_it_was_and_updates_the_counts(qtbot, window, db):
    assert sidebar_count(window, "attention", "unreported") == 2
    window.checkin.set_mode(True)
    scan(qtbot, window, window.test_ids["register"])
    visits = Queries(db).visits(Queries(db).programs_of(window.test_ids["person"])[0]["id"])
    assert [v["report_date"] for v in visits] == [TODAY.isoformat()]
    assert window.checkin.card.isVisible() and "Budi Santoso" in window.checkin.info.text()
    assert window.checkin.message.text().startswith(("Tercatat", "Recorded"))
    assert window.checkin.box.text() == "" and window.checkin.box.hasFocus()
    assert sidebar_count(window, "attention", "unreported") == 1
    assert window.checkin.log.count() == 1


def test_mode_lapor_keeps_the_focus_in_the_box(qtbot, window):
    window.checkin.set_mode(True)
    window.search_edit.setFocus()
    qtbot.waitUntil(lambda: window.checkin.box.hasFocus(), timeout=2000)
    assert not window.act_add.isEnabled()
    window.checkin.set_mode(False)
    window.search_edit.setFocus()
    qtbot.wait(50)
    assert window.search_edit.hasFocus() and window.act_add.isEnabled()


def test_the_same_client_twice_on_one_day_is_refused_in_one_line_and_the_box_is_ready(qtbot, window, db):
    scan(qtbot, window, window.test_ids["register"])
    scan(qtbot, window, window.test_ids["register"])
    message = window.checkin.message.text()
    assert "sudah lapor pada 22 November 2026" in message and "\n" not in message
    assert window.checkin.box.text() == ""
    assert db.scalar("SELECT count(*) FROM wajib_lapor") == 1


def test_an_unknown_register_number_is_refused_and_a_name_shows_matches(qtbot, window, db):
    scan(qtbot, window, "99/XX/2026")
    assert "99/XX/2026" in window.checkin.message.text()
    qtbot.keyClicks(window.checkin.box, "siti")
    qtbot.waitUntil(lambda: window.checkin.matches.isVisible(), timeout=2000)
    assert window.checkin.matches.count() == 1
    qtbot.keyClick(window.checkin.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.checkin._pending is None, timeout=5000)
    assert db.scalar("SELECT p.person_id FROM wajib_lapor v JOIN programs p ON p.id = v.program_id") == \
        window.test_ids["other"]


def test_an_extra_contact_is_confirmed_with_enter_and_counts_once(qtbot, window, db):
    program_id = Queries(db).programs_of(window.test_ids["person"])[0]["id"]
    wl.check_in(db, program_id=program_id, day=date(2026, 11, 3), today=TODAY)
    scan(qtbot, window, window.test_ids["register"])
    assert "sudah lapor 3 November" in window.checkin.message.text()
    assert db.scalar("SELECT count(*) FROM wajib_lapor") == 1
    qtbot.keyClick(window.checkin.box, Qt.Key.Key_Return)  # Enter confirms
    qtbot.waitUntil(lambda: window.checkin._pending is None, timeout=5000)
    assert db.scalar("SELECT count(*) FROM wajib_lapor WHERE extra = 1") == 1
    rate = Queries(db).attendance(date(2026, 11, 1), date(2026, 11, 30), program_ids=[program_id],
                                  today=date(2026, 12, 10))
    assert (rate.reported, rate.due) == (1, 1)


def test_a_past_date_is_marked_entri_susulan(qtbot, window, db):
    window.checkin.date_field.edit.setText("03-11-2026")
    assert window.checkin.backdated_label.isVisibleTo(window)
    scan(qtbot, window, window.test_ids["register"])
    assert db.scalar("SELECT backdated FROM wajib_lapor") == 1


def test_a_client_who_missed_two_periods_is_at_teguran_2_after_the_officer_confirms(qtbot, qtbot_db_today, db):
    window, program_id = qtbot_db_today
    assert sidebar_count(window, "attention", "confirm") == 1
    window.checkin.show_program(program_id, Queries(db).program(program_id)["person_id"])
    assert window.checkin.step_button.isVisible()

    def confirm(dialog):
        assert dialog.findChild(QLineEdit, "step_letter").text() == "001/TEG.2/PK/XI/2026"
        dialog.accept()

    on_modal(confirm, name="step_dialog")
    window.checkin.step_button.click()
    assert sidebar_count(window, "attention", "step:teguran_2") == 1
    assert sidebar_count(window, "attention", "confirm") == 0


@pytest.fixture
def qtbot_db_today(qtbot, db):
    """A client who reported in August only: September and October missed on 10 November."""
    officer = f.officer(db)
    person_id = create_client(db, f.person(), f.case(db), f.program(db, officer_id=officer), today=TODAY).id
    program_id = Queries(db).programs_of(person_id)[0]["id"]
    wl.check_in(db, program_id=program_id, day=date(2026, 8, 5), today=TODAY)
    window = make_window(qtbot, db, PASSWORD, date(2026, 11, 10))
    wait_counts(window)
    return window, program_id


def test_after_many_check_ins_the_counts_equal_a_full_count(qtbot, window, db):
    """The sidebar recounts only the persons a visit changed: its numbers stay those of a full count."""
    from app.models.queries import Filter

    sidebar_count(window, "attention", "unreported")
    scan(qtbot, window, window.test_ids["register"])
    other = Queries(db).programs_of(window.test_ids["other"])[0]["register_number"]
    scan(qtbot, window, other)
    wait_counts(window)
    full = Queries(db).attention_counts(Filter(), TODAY)
    for group, n in full.items():
        assert sidebar_count(window, "attention", group) == n, group
    assert full["unreported"] == 0


def test_a_check_in_behind_a_long_write_says_what_it_waits_for(qtbot, window, db):
    import threading

    gate = threading.Event()

    def long_write(_db, progress):
        progress(40, 100, "")
        gate.wait(10)

    window.ops.submit(long_write, label="impor", long=True)
    qtbot.waitUntil(lambda: "40%" in window.ops.waiting_text(), timeout=5000)
    box = window.checkin.box
    qtbot.keyClicks(box, window.test_ids["register"])
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert "impor, 40%" in window.checkin.message.text()
    gate.set()
    qtbot.waitUntil(lambda: window.checkin._pending is None, timeout=5000)
    assert db.scalar("SELECT count(*) FROM wajib_lapor") == 1


def test_the_wajib_lapor_settings_dialog_saves_the_grace_days(qtbot, window, db):
    from PySide6.QtWidgets import QSpinBox

    from app.operations.settings import reporting_settings
    from app.ui.lapor_dialogs import ReportingSettingsDialog

    dialog = ReportingSettingsDialog(window.db, parent=window, ops=window.ops)
    dialog.findChild(QSpinBox, "grace_spin").setValue(3)
    dialog.findChild(QSpinBox, "step_after_2").setValue(1)  # final before teguran 2: refused, nothing saved
    dialog.accept()
    assert dialog.result_op is None and "bertambah" in dialog.errors.labels["reporting.steps"].text()
    assert reporting_settings(db)["grace_days"] == 5
    dialog.findChild(QSpinBox, "step_after_2").setValue(3)
    dialog.accept()
    assert reporting_settings(db)["grace_days"] == 3


def test_counts_under_a_chosen_group_follow_visits_and_group_switches(qtbot, db):
    """The count worker keeps the "Perlu perhatian" flags between requests: under a chosen PK, after a
    visit and after switching groups, the numbers equal a full count."""
    from app.models.queries import Filter

    officers = [f.officer(db, name="Andri Wijaya", nip="198001012005011001"),
                f.officer(db, name="Rina Kartika", nip="198202022006042002")]
    people = []
    for i, name in enumerate(("Budi Santoso", "Siti Rahayu", "Agus Salim")):
        nik = f"352201150590{i + 10:04d}"
        person = create_client(db, f.person(name=name, nik=nik), f.case(db),
                               f.program(db, officer_id=officers[i % 2]), today=TODAY).id
        people.append(Queries(db).programs_of(person)[0]["register_number"])
    window = make_window(qtbot, db, PASSWORD, TODAY)

    def agrees() -> None:
        wait_counts(window)
        full = Queries(db).attention_counts(window.filter, TODAY)
        shown = {g: sidebar_count(window, "attention", g) for g in full}
        assert shown == full, window.filter

    agrees()
    assert sidebar_count(window, "attention", "unreported") == 3
    window.on_group_clicked("officer", officers[0])
    agrees()
    assert sidebar_count(window, "attention", "unreported") == 2
    scan(qtbot, window, people[0])
    agrees()
    assert sidebar_count(window, "attention", "unreported") == 1
    window.on_group_clicked("officer", officers[1])
    agrees()
    scan(qtbot, window, people[1])
    window.on_group_clicked("all", None)
    agrees()
    assert sidebar_count(window, "attention", "unreported") == 1
    assert Queries(db).attention_counts(Filter(), TODAY)["unreported"] == 1
