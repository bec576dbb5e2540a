"""The case dates window: remission ledger, overrides, official dates, interruptions.

The headline check (issue 3): adding a remission in the window changes the dates shown
at once and moves the inmate into the right due list of the main window.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import PASSWORD, TODAY
from factories import case, person
from uikit import make_session, sidebar_count, sidebar_item
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from app.models.dates import format_date
from app.models.durations import Duration
from app.models.queries import Queries
from app.operations import clients, sentence
from app.operations.common import require_row
from app.operations.settings import save_office
from app.ui import dates_dialog
from app.ui.case_dates import common
from app.ui.case_dates.dates_view import COL_COMPUTED, COL_EFFECTIVE, COL_OFFICIAL, COL_REASON
from app.ui.dates_dialog import CaseDatesDialog
from app.ui.labels import date_label
from app.ui.widgets import ErrorLabel

# Sentence of 3 years from 21 February 2025: 2/3 (= PB) falls on 11 February 2027 without
# remission, after the end of next month (31 December 2026); a remission of 2 months
# granted on 17 August 2025 brings it to 13 December 2026, inside next month.
DETENTION_START = date(2025, 2, 21)
REMISSION_DAY = date(2025, 8, 17)


def make_case(db, unit_kind: str = "lapas", who=None, **case_values) -> tuple[int, int]:
    save_office(db, {"unit_name": "Lapas Kelas IIA Bojonegoro", "unit_kind": unit_kind})
    values = {"offence_date": date(2024, 12, 1), "verdict_date": date(2025, 6, 10),
              "verdict_number": "88/Pid.B/2025/PN Bjn", "sentences": [Duration(years=3)],
              "detention_start": DETENTION_START}
    values.update(case_values)
    person_id = clients.create_client(db, who or person(), case(db, **values), today=TODAY).id
    case_id = Queries(db).cases_of(person_id)[0]["id"]
    return person_id, case_id


def open_dialog(qtbot, db, case_id) -> CaseDatesDialog:
    dialog = CaseDatesDialog(db, case_id, today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def type_remission(qtbot, dialog: CaseDatesDialog, when: str, kind: str = "umum", months: int = 0,
                   days: int = 0, sk: str = "") -> None:
    form = dialog.remissions_tab.remission_form
    form.date_field.edit.clear()
    qtbot.keyClicks(form.date_field.edit, when)
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(kind))
    form.months_spin.setValue(months)
    form.days_spin.setValue(days)
    form.sk_edit.setText(sk)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def show_tab(dialog: CaseDatesDialog, title: str) -> None:
    tabs = dialog.edit_tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    tabs.setCurrentIndex(index)


def select_row(table, row: int) -> None:
    table.selectRow(row)
    QApplication.processEvents()


def stored(db, case_id) -> dict:
    return require_row(db.conn, "cases", case_id)


def test_adding_a_remission_moves_the_inmate_into_the_parole_due_list(qtbot, db, monkeypatch):
    from app.ui.main_window import MainWindow

    person_id, case_id = make_case(db)
    window = MainWindow(make_session(db, PASSWORD), today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert sidebar_count(window, "due", "pb") == 0
    window.on_group_clicked("due", "pb")
    assert window.model.row_of(person_id) < 0
    window.on_group_clicked("all", None)

    before = sentence.compute_case(db, case_id)
    assert before.parole_date > date(2026, 12, 31)
    seen: dict[str, str] = {}

    def drive(dialog: CaseDatesDialog) -> int:
        assert dialog.cell_text("two_thirds", COL_EFFECTIVE) == format_date(before.two_thirds)
        type_remission(qtbot, dialog, "17-08-2025", "umum", months=2, sk="W.10-PK.01.01.02-123")
        click(qtbot, dialog.findChild(type(dialog.remissions_tab.add_remission_button), "add_remission_button"))
        seen["two_thirds"] = dialog.cell_text("two_thirds", COL_EFFECTIVE)
        seen["parole_date"] = dialog.cell_text("parole_date", COL_EFFECTIVE)
        seen["ledger"] = " | ".join(dialog.remissions_tab.remission_table.item(0, c).text() for c in range(4))
        seen["breakdown"] = dialog.dates_view.breakdown_view.toPlainText()
        return 0

    monkeypatch.setattr(CaseDatesDialog, "exec", lambda self: drive(self))
    window.case_dates(case_id)

    after = sentence.compute_case(db, case_id)
    assert after.two_thirds == before.two_thirds - timedelta(days=60)
    assert after.parole_date == before.parole_date - timedelta(days=60)
    assert TODAY.replace(day=1) <= after.parole_date <= date(2026, 12, 31)
    assert seen["two_thirds"] == format_date(after.two_thirds) == "13 Desember 2026"
    assert seen["parole_date"] == format_date(after.parole_date)
    assert seen["ledger"] == "17 Agustus 2025 | Umum (17 Agustus) | 2 bulan | W.10-PK.01.01.02-123"
    assert "Remisi" in seen["breakdown"] and "13 Desember 2026" in seen["breakdown"]

    assert sidebar_count(window, "due", "pb") == 1
    sidebar = window.sidebar
    item = sidebar_item(window, "due", "pb")
    sidebar.scrollToItem(item)
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=sidebar.visualItemRect(item).center())
    assert window.filter.value("due") == "pb"
    assert window.model.rowCount() == 1
    assert window.model.row_of(person_id) == 0


def test_a_remission_after_the_initial_expiry_is_refused_beside_the_date(qtbot, db):
    _, case_id = make_case(db)
    dialog = open_dialog(qtbot, db, case_id)
    shown_before = dialog.cell_text("expiry", COL_EFFECTIVE)
    type_remission(qtbot, dialog, "01-03-2028", "umum", months=1)  # initial expiry 21-02-2028
    click(qtbot, dialog.remissions_tab.add_remission_button)

    error = dialog.findChild(ErrorLabel, "remission_date_error")
    assert error.isVisibleTo(dialog)
    assert "ekspirasi awal" in error.text()
    assert not dialog.findChild(ErrorLabel, "remission_general_error").isVisibleTo(dialog)
    assert Queries(db).remissions_of(case_id) == []
    assert not dialog.changes.any
    assert dialog.cell_text("expiry", COL_EFFECTIVE) == shown_before


def test_a_remission_without_an_amount_or_with_a_bad_date_is_refused_beside_the_field(qtbot, db):
    _, case_id = make_case(db)
    dialog = open_dialog(qtbot, db, case_id)
    type_remission(qtbot, dialog, "17-08-2025", "umum")
    click(qtbot, dialog.remissions_tab.add_remission_button)
    amount_error = dialog.findChild(ErrorLabel, "remission_amount_error")
    assert amount_error.isVisibleTo(dialog) and amount_error.text()

    type_remission(qtbot, dialog, "31-02-2025", "umum", months=1)
    click(qtbot, dialog.remissions_tab.add_remission_button)
    date_error = dialog.findChild(ErrorLabel, "remission_date_error")
    assert date_error.isVisibleTo(dialog) and "31-02-2025" in date_error.text()
    assert not amount_error.isVisibleTo(dialog)
    assert Queries(db).remissions_of(case_id) == []


def test_editing_and_removing_a_remission_recompute_the_dates(qtbot, db, monkeypatch):
    _, case_id = make_case(db)
    plain = sentence.compute_case(db, case_id)
    dialog = open_dialog(qtbot, db, case_id)
    type_remission(qtbot, dialog, "17-08-2025", "umum", months=2)
    click(qtbot, dialog.remissions_tab.add_remission_button)
    assert dialog.cell_text("two_thirds", COL_EFFECTIVE) == format_date(plain.two_thirds - timedelta(days=60))

    select_row(dialog.remissions_tab.remission_table, 0)
    form = dialog.remissions_tab.remission_form
    assert form.months_spin.value() == 2  # the selected remission is in the form
    form.months_spin.setValue(1)
    form.days_spin.setValue(15)
    click(qtbot, dialog.remissions_tab.edit_remission_button)
    [stored_remission] = Queries(db).remissions_of(case_id)
    assert (stored_remission["months"], stored_remission["days"]) == (1, 15)
    assert dialog.remissions_tab.remission_table.item(0, 2).text() == "1 bulan 15 hari"
    assert dialog.cell_text("two_thirds", COL_EFFECTIVE) == format_date(plain.two_thirds - timedelta(days=45))
    assert dialog.cell_text("expiry", COL_EFFECTIVE) == format_date(plain.expiry - timedelta(days=45))

    asked: list[str] = []
    monkeypatch.setattr(dates_dialog, "confirm", lambda *a, **k: asked.append(a[2]) or False)
    select_row(dialog.remissions_tab.remission_table, 0)
    click(qtbot, dialog.remissions_tab.remove_remission_button)
    assert asked and Queries(db).remissions_of(case_id)  # refused at the question: kept

    monkeypatch.setattr(dates_dialog, "confirm", lambda *a, **k: True)
    click(qtbot, dialog.remissions_tab.remove_remission_button)
    assert Queries(db).remissions_of(case_id) == []
    assert dialog.remissions_tab.remission_table.rowCount() == 0
    assert dialog.cell_text("two_thirds", COL_EFFECTIVE) == format_date(plain.two_thirds)
    assert dialog.changes.any and dialog.changes.lists


def test_a_child_case_offers_pmp_first(qtbot, db):
    child = person("Andi Pratama", nik="3522011505080002", birth=date(2008, 5, 15))
    _, case_id = make_case(db, who=child, client_class="anak", offence_date=date(2024, 12, 1))
    dialog = open_dialog(qtbot, db, case_id)
    assert dialog.remissions_tab.remission_form.kind_combo.currentData() == "pmp"


def test_an_override_of_two_thirds_moves_parole_and_keeps_the_computed_date(qtbot, db):
    _, case_id = make_case(db)
    computed = sentence.compute_case(db, case_id)
    dialog = open_dialog(qtbot, db, case_id)
    show_tab(dialog, "Koreksi tanggal")
    combo = dialog.override_tab.override_key_combo
    combo.setCurrentIndex(combo.findData("two_thirds"))
    new = computed.two_thirds - timedelta(days=20)
    qtbot.keyClicks(dialog.override_tab.override_date.edit, new.strftime("%d-%m-%Y"))
    click(qtbot, dialog.override_tab.set_override_button)  # no reason yet
    reason_error = dialog.findChild(ErrorLabel, "override_reason_error")
    assert reason_error.isVisibleTo(dialog) and reason_error.text()
    assert Queries(db).overrides(case_id) == {}

    qtbot.keyClicks(dialog.override_tab.override_reason_edit, "Sesuai SK PB PAS-1234.PK.05.09 Tahun 2026")
    qtbot.keyClick(dialog.override_tab.override_reason_edit, Qt.Key.Key_Return)  # Enter sets it, never closes
    assert dialog.result() == 0 and Queries(db).overrides(case_id)
    assert not reason_error.isVisibleTo(dialog)
    row = stored(db, case_id)
    assert row["two_thirds"] == new.isoformat()
    assert row["parole_date"] == new.isoformat()
    assert row["calc_two_thirds"] == computed.two_thirds.isoformat()
    assert row["calc_parole_date"] == computed.parole_date.isoformat()
    assert dialog.cell_text("two_thirds", COL_EFFECTIVE) == format_date(new)
    assert dialog.cell_text("two_thirds", COL_COMPUTED) == format_date(computed.two_thirds)
    assert dialog.cell_text("two_thirds", COL_REASON).startswith("Sesuai SK PB")
    assert dialog.cell_text("parole_date", COL_EFFECTIVE) == format_date(new)
    moved = dialog.override_tab.override_moved_label.text()
    assert date_label("two_thirds") in moved and date_label("parole_date") in moved
    assert "Diubah petugas" in dialog.dates_view.breakdown_view.toPlainText()

    # The override survives a recomputation caused by another change.
    show_tab(dialog, "Remisi")
    type_remission(qtbot, dialog, "17-08-2025", "umum", months=1)
    click(qtbot, dialog.remissions_tab.add_remission_button)
    assert stored(db, case_id)["parole_date"] == new.isoformat()
    assert stored(db, case_id)["calc_two_thirds"] == (computed.two_thirds - timedelta(days=30)).isoformat()

    show_tab(dialog, "Koreksi tanggal")
    click(qtbot, dialog.override_tab.clear_override_button)
    row = stored(db, case_id)
    assert row["two_thirds"] == row["calc_two_thirds"]
    assert row["parole_date"] == row["calc_parole_date"] == (computed.parole_date - timedelta(days=30)).isoformat()
    assert dialog.cell_text("two_thirds", COL_COMPUTED) == ""
    assert not dialog.override_tab.clear_override_button.isEnabled()


def test_double_clicking_a_date_opens_its_override(qtbot, db):
    _, case_id = make_case(db)
    dialog = open_dialog(qtbot, db, case_id)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.dates_view.dates_table
    cell = table.visualRect(table.model().index(list(common.DATE_KEYS).index("parole_date"), COL_EFFECTIVE))
    # A press comes before the double-click, as with a real mouse (an item view needs it).
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    assert dialog.edit_tabs.currentWidget() is dialog.override_tab
    assert dialog.override_tab.override_key() == "parole_date"
    assert format_date(sentence.compute_case(db, case_id).parole_date) in \
        dialog.override_tab.override_current_label.text()


def test_official_dates_that_differ_are_flagged_and_listed_for_a_bapas(qtbot, db):
    from app.ui.main_window import MainWindow

    person_id, case_id = make_case(db, unit_kind="bapas")
    computed = sentence.compute_case(db, case_id)
    window = MainWindow(make_session(db, PASSWORD), today=TODAY)
    qtbot.addWidget(window)
    assert sidebar_count(window, "due", "official_differs") == 0

    dialog = open_dialog(qtbot, db, case_id)
    show_tab(dialog, "Tanggal resmi")
    dialog.official_tab.official_fields["expiry"].set_value(computed.expiry)
    dialog.official_tab.official_fields["parole_date"].set_value(computed.parole_date - timedelta(days=3))
    dialog.official_tab.official_source_edit.setText("SK PB PAS-77.PK.05.09 Tahun 2026")
    click(qtbot, dialog.official_tab.save_official_button)
    assert Queries(db).official_dates(case_id) == {
        "expiry": computed.expiry, "parole_date": computed.parole_date - timedelta(days=3)}
    assert dialog.cell_text("expiry", COL_OFFICIAL).endswith("✓")
    assert dialog.cell_text("parole_date", COL_OFFICIAL).endswith("≠")
    assert stored(db, case_id)["official_differs"] == 1
    assert date_label("parole_date") in dialog.official_tab.official_status_label.text()

    window.apply_changes(dialog.changes)
    assert sidebar_count(window, "due", "official_differs") == 1
    window.on_group_clicked("due", "official_differs")
    assert window.model.row_of(person_id) == 0

    # Emptying the differing date removes it, and the flag goes.
    dialog.official_tab.official_fields["parole_date"].set_value(None)
    click(qtbot, dialog.official_tab.save_official_button)
    assert stored(db, case_id)["official_differs"] == 0
    assert dialog.cell_text("parole_date", COL_OFFICIAL) == ""


def test_a_mistyped_official_date_is_refused_beside_it(qtbot, db):
    _, case_id = make_case(db, unit_kind="bapas")
    dialog = open_dialog(qtbot, db, case_id)
    show_tab(dialog, "Tanggal resmi")
    dialog.official_tab.official_fields["two_thirds"].edit.setText("40-01-2027")
    click(qtbot, dialog.official_tab.save_official_button)
    error = dialog.findChild(ErrorLabel, "official_two_thirds_error")
    assert error.isVisibleTo(dialog) and "40-01-2027" in error.text()
    assert Queries(db).official_dates(case_id) == {}


def test_the_total_remission_from_the_sk_moves_the_expiry_only(qtbot, db):
    _, case_id = make_case(db, unit_kind="bapas")
    plain = sentence.compute_case(db, case_id)
    dialog = open_dialog(qtbot, db, case_id)
    show_tab(dialog, "Tanggal resmi")
    dialog.official_tab.total.remission_total_check.setChecked(True)
    dialog.official_tab.total.remission_total_spin.setValue(75)
    click(qtbot, dialog.official_tab.total.save_total_button)
    assert stored(db, case_id)["remission_total_days"] == 75
    assert dialog.cell_text("expiry", COL_EFFECTIVE) == format_date(plain.expiry - timedelta(days=75))
    assert dialog.cell_text("two_thirds", COL_EFFECTIVE) == format_date(plain.two_thirds)

    # A ledger beside a total is refused (the calculator's rule), nothing stored.
    show_tab(dialog, "Remisi")
    assert dialog.remissions_tab.total_note_label.isVisibleTo(dialog)
    type_remission(qtbot, dialog, "17-08-2025", "umum", months=1)
    click(qtbot, dialog.remissions_tab.add_remission_button)
    assert dialog.findChild(ErrorLabel, "remission_general_error").isVisibleTo(dialog)
    assert Queries(db).remissions_of(case_id) == []

    show_tab(dialog, "Tanggal resmi")
    dialog.official_tab.total.remission_total_check.setChecked(False)
    click(qtbot, dialog.official_tab.total.save_total_button)
    assert stored(db, case_id)["remission_total_days"] is None
    assert dialog.cell_text("expiry", COL_EFFECTIVE) == format_date(plain.expiry)


def test_days_out_of_detention_push_the_dates_later(qtbot, db, monkeypatch):
    _, case_id = make_case(db)
    plain = sentence.compute_case(db, case_id)
    dialog = open_dialog(qtbot, db, case_id)
    show_tab(dialog, "Di luar tahanan")
    qtbot.keyClicks(dialog.interruptions_tab.interruption_start.edit, "10-03-2025")
    qtbot.keyClicks(dialog.interruptions_tab.interruption_end.edit, "01-03-2025")
    click(qtbot, dialog.interruptions_tab.add_interruption_button)
    assert dialog.findChild(ErrorLabel, "interruption_end_error").isVisibleTo(dialog)
    assert Queries(db).interruptions_of(case_id) == []

    dialog.interruptions_tab.interruption_end.set_value(date(2025, 3, 19))
    dialog.interruptions_tab.interruption_note_edit.setText("Penetapan PN Bojonegoro")
    click(qtbot, dialog.interruptions_tab.add_interruption_button)
    assert dialog.interruptions_tab.interruption_table.rowCount() == 1
    assert dialog.interruptions_tab.interruption_table.item(0, 2).text() == "10"
    assert dialog.cell_text("two_thirds", COL_EFFECTIVE) == format_date(plain.two_thirds + timedelta(days=10))

    monkeypatch.setattr(dates_dialog, "confirm", lambda *a, **k: True)
    select_row(dialog.interruptions_tab.interruption_table, 0)
    click(qtbot, dialog.interruptions_tab.remove_interruption_button)
    assert Queries(db).interruptions_of(case_id) == []
    assert dialog.cell_text("two_thirds", COL_EFFECTIVE) == format_date(plain.two_thirds)


@pytest.mark.parametrize("kind", ["life", "death"])
def test_life_and_death_sentences_show_why_there_are_no_dates(qtbot, db, kind):
    _, case_id = make_case(db, sentence_kind=kind, sentences=[])
    dialog = open_dialog(qtbot, db, case_id)
    note = stored(db, case_id)["calc_note"]
    assert note and dialog.dates_view.calc_note_label.text() == note
    assert dialog.dates_view.calc_note_label.isVisibleTo(dialog)
    assert not dialog.dates_view.dates_table.isVisibleTo(dialog)
    assert "tidak ada tanggal ekspirasi" in dialog.dates_view.breakdown_view.toPlainText()


def saved_picture(widget: QWidget, path: Path) -> QImage:
    """Grab ``widget`` to a PNG at ``path`` and read the file back: whole, and not blank."""
    assert widget.grab().save(str(path)), path
    image = QImage(str(path))
    ratio = widget.devicePixelRatio()
    assert (image.width(), image.height()) == (round(widget.width() * ratio), round(widget.height() * ratio))
    sampled = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(sampled) > 20, f"{path.name} is (nearly) one flat colour"
    return image


def region(dialog: QWidget, part: QWidget, image: QImage) -> QImage:
    """The part of a dialog's picture that shows ``part``."""
    ratio = dialog.devicePixelRatio()
    corner = part.mapTo(dialog, QPoint(0, 0))
    return image.copy(QRect(round(corner.x() * ratio), round(corner.y() * ratio),
                            round(part.width() * ratio), round(part.height() * ratio)))


def pixels_near(image: QImage, colour: str, tolerance: int = 60) -> int:
    """How many pixels are close to ``colour`` (text is anti-aliased, so never all of them exactly)."""
    want = QColor(colour)
    count = 0
    for x in range(image.width()):
        for y in range(image.height()):
            c = image.pixelColor(x, y)
            if abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < tolerance:
                count += 1
    return count


def test_the_dialog_fits_a_small_laptop_screen(qtbot, db, tmp_path):
    _, case_id = make_case(db)
    sentence.add_remission(db, case_id, REMISSION_DAY, months=2, kind="umum", sk_number="W.10-123")
    sentence.set_override(db, case_id, "expiry", date(2027, 12, 20), "Sesuai surat Lapas")
    sentence.set_official_dates(db, case_id, {"parole_date": date(2026, 12, 10)}, "SK PB 1")
    dialog = open_dialog(qtbot, db, case_id)
    assert dialog.minimumSizeHint().width() <= 1366
    assert dialog.minimumSizeHint().height() <= 768
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.dates_view.dates_table
    # Every date row is visible without scrolling.
    assert table.verticalScrollBar().maximum() == 0
    assert table.horizontalHeader().sectionSize(COL_EFFECTIVE) >= table.fontMetrics().horizontalAdvance(
        "30 September 2027")
    assert table.horizontalScrollBar().maximum() == 0
    assert table.horizontalHeader().sectionSize(COL_REASON) >= 120
    picture = saved_picture(dialog, tmp_path / "dates_dialog.png")
    # The picture shows the marks an officer reads: the override in brown, the differing
    # official date (10 Desember 2026 ≠ 13 Desember 2026) in red.
    shown_table = region(dialog, table, picture)
    assert pixels_near(shown_table, common.OVERRIDE_COLOUR) > 30
    assert pixels_near(shown_table, common.DIFFERS_COLOUR) > 30

    tab_pictures = []
    for index in range(dialog.edit_tabs.count()):
        dialog.edit_tabs.setCurrentIndex(index)
        QApplication.processEvents()
        image = saved_picture(dialog, tmp_path / f"dates_dialog_tab{index}.png")
        tab_pictures.append(region(dialog, dialog.edit_tabs, image))
        page = dialog.edit_tabs.currentWidget()
        # Nothing on the tab is cut: its layout fits in the space it is given.
        assert page.minimumSizeHint().height() <= page.height(), dialog.edit_tabs.tabText(index)
    assert len({bytes(p.constBits()) for p in tab_pictures}) == 4  # each tab shows its own page
    official = dialog.findChild(QScrollArea, "official_scroll")
    assert official.horizontalScrollBar().maximum() == 0
    dialog.dates_view.info_tabs.setCurrentIndex(1)
    QApplication.processEvents()
    breakdown = saved_picture(dialog, tmp_path / "dates_dialog_breakdown.png")
    info = dialog.dates_view.info_tabs
    assert region(dialog, info, breakdown) != region(dialog, info, picture)


def test_a_read_only_file_shows_the_dates_but_allows_no_change(qtbot, db, db_path):
    from app.models.storage import Database

    _, case_id = make_case(db)
    sentence.add_remission(db, case_id, REMISSION_DAY, months=2, kind="umum")
    readonly = Database.open(db_path, readonly=True)
    try:
        dialog = CaseDatesDialog(readonly, case_id, today=TODAY)
        qtbot.addWidget(dialog)
        assert dialog.readonly_label.isVisibleTo(dialog)
        assert dialog.cell_text("two_thirds", COL_EFFECTIVE) == "13 Desember 2026"
        select_row(dialog.remissions_tab.remission_table, 0)
        for button in (dialog.remissions_tab.add_remission_button, dialog.remissions_tab.edit_remission_button,
                       dialog.remissions_tab.remove_remission_button, dialog.override_tab.set_override_button,
                       dialog.override_tab.clear_override_button, dialog.official_tab.save_official_button,
                       dialog.official_tab.total.save_total_button, dialog.interruptions_tab.add_interruption_button):
            assert not button.isEnabled(), button.objectName()
        dialog.close()
    finally:
        readonly.close()
