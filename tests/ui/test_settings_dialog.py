"""Office settings and preferences (app/ui/settings_dialog.py) driven through their widgets."""

from __future__ import annotations

import base64
import threading
from datetime import date
from pathlib import Path

from factories import case, person, program
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QComboBox, QDialog, QPushButton, QSpinBox, QWidget

import app.ui.settings_dialog as settings_ui
from app.models import calculator as calc
from app.models.domain import Confirmations
from app.models.durations import Duration
from app.models.paths import backup_dir_for
from app.operations import clients, settings
from app.operations.sentence import calc_settings, sentence_input
from app.ui.settings_dialog import OfficeSettingsDialog, PreferencesDialog
from app.ui.widgets import ErrorLabel

TODAY = date(2026, 11, 22)
HEAD_NIP = "197203151995031002"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def click(qtbot, dialog: QWidget, name: str) -> None:
    button = dialog.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def error_text(dialog: QWidget, name: str) -> str:
    label = dialog.findChild(ErrorLabel, name)
    assert label is not None, name
    return label.text() if label.isVisible() else ""


# -- the office -------------------------------------------------------------------------------

def test_office_settings_are_saved_and_read_back(qtbot, db) -> None:
    dialog = shown(qtbot, OfficeSettingsDialog(db))
    qtbot.keyClicks(dialog.unit_name_edit, "Lapas Kelas IIA Bojonegoro")
    dialog.unit_kind_combo.setCurrentIndex(dialog.unit_kind_combo.findData("lapas"))
    qtbot.keyClicks(dialog.address_edit, "Jl. Veteran No. 5")
    qtbot.keyClicks(dialog.city_edit, "Bojonegoro")
    qtbot.keyClicks(dialog.head_name_edit, "Drs. Hendra Wijaya, M.H.")
    qtbot.keyClicks(dialog.head_nip_edit, "1972 0315 1995 03 1 002")
    qtbot.keyClicks(dialog.operator_name_edit, "Rina")
    click(qtbot, dialog, "save_button")

    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = settings.office(db)
    assert stored["unit_name"] == "Lapas Kelas IIA Bojonegoro"
    assert stored["unit_kind"] == "lapas"
    assert stored["head_nip"] == HEAD_NIP  # spaces typed between the groups are dropped
    assert db.operator() == "Rina"

    again = shown(qtbot, OfficeSettingsDialog(db))
    assert again.unit_name_edit.text() == "Lapas Kelas IIA Bojonegoro"
    assert again.unit_kind_combo.currentData() == "lapas"
    assert again.city_edit.text() == "Bojonegoro"
    assert again.head_nip_edit.text() == HEAD_NIP


def test_a_wrong_head_nip_is_shown_beside_the_field_and_nothing_is_saved(qtbot, db) -> None:
    dialog = shown(qtbot, OfficeSettingsDialog(db))
    qtbot.keyClicks(dialog.unit_name_edit, "Bapas Bojonegoro")
    qtbot.keyClicks(dialog.head_nip_edit, HEAD_NIP[:17])
    click(qtbot, dialog, "save_button")
    assert "18 digit" in error_text(dialog, "office_head_nip_error")
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert db.get_setting("office") is None


def test_first_start_can_be_skipped_without_saving(qtbot, db) -> None:
    dialog = shown(qtbot, OfficeSettingsDialog(db, first_run=True))
    assert "2" in dialog.windowTitle()
    assert dialog.findChild(QPushButton, "cancel_button") is None
    qtbot.keyClicks(dialog.unit_name_edit, "Bapas Bojonegoro")
    click(qtbot, dialog, "skip_button")
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert db.get_setting("office") is None


def test_first_start_save_stores_the_office(qtbot, db) -> None:
    dialog = shown(qtbot, OfficeSettingsDialog(db, first_run=True))
    qtbot.keyClicks(dialog.unit_name_edit, "Bapas Kelas II Bojonegoro")
    click(qtbot, dialog, "save_button")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.office(db)["unit_name"] == "Bapas Kelas II Bojonegoro"


def assert_preview_shows(dialog: OfficeSettingsDialog, picture: QImage) -> None:
    """The preview holds the logo itself: fitted to the box with its proportions, in its colour."""
    shown_image = dialog.logo_preview.pixmap().toImage()
    box = settings_ui.PREVIEW_PX - 4
    scale = min(box / picture.width(), box / picture.height())
    assert (shown_image.width(), shown_image.height()) == (round(picture.width() * scale),
                                                           round(picture.height() * scale))
    centre = shown_image.pixelColor(shown_image.width() // 2, shown_image.height() // 2)
    assert centre.name() == picture.pixelColor(0, 0).name()


def test_the_logo_is_scaled_down_and_stored_as_a_data_uri(qtbot, db, tmp_path: Path, monkeypatch) -> None:
    picture = QImage(600, 300, QImage.Format.Format_RGB32)
    picture.fill(QColor("#1f4e79"))
    path = tmp_path / "logo kemenkumham.png"
    assert picture.save(str(path))
    monkeypatch.setattr(settings_ui.QFileDialog, "getOpenFileName", lambda *_a, **_kw: (str(path), ""))

    dialog = shown(qtbot, OfficeSettingsDialog(db))
    click(qtbot, dialog, "choose_logo_button")
    assert_preview_shows(dialog, picture)
    click(qtbot, dialog, "save_button")

    uri = settings.office(db)["logo"]
    assert uri.startswith("data:image/png;base64,")
    stored = QImage()
    assert stored.loadFromData(base64.b64decode(uri.split(",", 1)[1]))
    assert (stored.width(), stored.height()) == (256, 128)

    again = shown(qtbot, OfficeSettingsDialog(db))
    assert_preview_shows(again, picture)
    click(qtbot, again, "remove_logo_button")
    click(qtbot, again, "save_button")
    assert settings.office(db)["logo"] == ""


def test_a_file_that_is_not_an_image_is_refused(qtbot, db, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "surat.png"
    path.write_text("bukan gambar")
    monkeypatch.setattr(settings_ui.QFileDialog, "getOpenFileName", lambda *_a, **_kw: (str(path), ""))
    dialog = shown(qtbot, OfficeSettingsDialog(db))
    click(qtbot, dialog, "choose_logo_button")
    assert error_text(dialog, "office_logo_error")
    assert dialog.logo == ""


# -- preferences ------------------------------------------------------------------------------

def test_preferences_are_saved(qtbot, db) -> None:
    dialog = shown(qtbot, PreferencesDialog(db))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.idle_lock_spin.setValue(25)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("F4"))
    dialog.backup_keep_spin.setValue(5)
    dialog.backup_daily_check.setChecked(False)
    click(qtbot, dialog, "save_button")

    assert dialog.result() == QDialog.DialogCode.Accepted
    prefs = settings.preferences(db)
    assert (prefs["language"], prefs["idle_lock_minutes"], prefs["paper"], prefs["backup_keep"],
            prefs["backup_daily"]) == ("en", 25, "F4", 5, False)
    assert dialog.changes.settings and not dialog.changes.everything


def test_saving_without_changes_writes_nothing(qtbot, db) -> None:
    entries = db.scalar("SELECT COUNT(*) FROM audit_log")
    dialog = shown(qtbot, PreferencesDialog(db))
    click(qtbot, dialog, "save_button")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.changes.any
    assert db.scalar("SELECT COUNT(*) FROM audit_log") == entries


def test_number_fields_stay_within_their_limits(qtbot, db) -> None:
    dialog = shown(qtbot, PreferencesDialog(db))
    dialog.idle_lock_spin.selectAll()
    qtbot.keyClicks(dialog.idle_lock_spin, "999")
    assert 1 <= dialog.idle_lock_spin.value() <= 240
    dialog.backup_keep_spin.setValue(0)
    assert dialog.backup_keep_spin.value() == 1
    dialog.backup_keep_spin.setValue(500)
    assert dialog.backup_keep_spin.value() == 100


def test_the_register_example_follows_the_pattern(qtbot, db) -> None:
    dialog = shown(qtbot, PreferencesDialog(db))
    today = date.today()
    assert dialog.register_example_label.text().startswith(f"7/PB/{today.year}")
    dialog.register_pattern_edit.clear()
    qtbot.keyClicks(dialog.register_pattern_edit, "W15.PAS/")
    click(qtbot, dialog, "insert_seq3")
    qtbot.keyClicks(dialog.register_pattern_edit, "/{program}/{roman_month}/{year}")
    expected = f"W15.PAS/007/PB/{ROMAN[today.month - 1]}/{today.year}"
    assert dialog.register_example_label.text().startswith(expected)
    click(qtbot, dialog, "save_button")
    assert db.get_setting("register_pattern") == "W15.PAS/{seq3}/{program}/{roman_month}/{year}"
    assert dialog.changes.settings


def test_a_bad_register_pattern_is_refused_and_nothing_is_saved(qtbot, db) -> None:
    dialog = shown(qtbot, PreferencesDialog(db))
    dialog.idle_lock_spin.setValue(30)
    dialog.register_pattern_edit.setText("{nomor}/{year}")
    assert "penanda yang tidak dikenal" in dialog.register_example_label.text()
    click(qtbot, dialog, "save_button")
    assert "Pola nomor register tidak valid" in error_text(dialog, "settings_register_pattern_error")
    assert dialog.tabs.currentWidget() is dialog.register_tab
    assert dialog.isVisible()
    assert db.get_setting("register_pattern") is None
    assert settings.preferences(db)["idle_lock_minutes"] == 10  # checked before anything is stored

    dialog.register_pattern_edit.setText("{program}/{year}")
    assert "{seq}" in dialog.register_example_label.text()
    click(qtbot, dialog, "save_button")
    assert "{seq}" in error_text(dialog, "settings_register_pattern_error")


def test_the_backup_folder_can_be_copied(qtbot, db) -> None:
    dialog = shown(qtbot, PreferencesDialog(db))
    assert dialog.backup_dir_edit.text() == str(backup_dir_for(db.path))
    click(qtbot, dialog, "copy_backup_dir_button")
    assert QGuiApplication.clipboard().text() == str(backup_dir_for(db.path))


def test_cancel_with_unsaved_changes_asks_first(qtbot, db, monkeypatch) -> None:
    answers = [False, True]
    monkeypatch.setattr(settings_ui, "confirm", lambda *_a, **_kw: answers.pop(0))
    dialog = shown(qtbot, PreferencesDialog(db))
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("F4"))
    dialog.reject()
    assert dialog.isVisible()
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert settings.preferences(db)["paper"] == "A4"


def test_every_calculation_choice_has_a_field(qtbot, db) -> None:
    dialog = shown(qtbot, PreferencesDialog(db))
    for name in calc.CalcSettings().to_dict():
        widget = dialog.calc_widgets[name]
        assert isinstance(widget, (QComboBox, QSpinBox))
        assert widget.objectName() in (f"calc_{name}_combo", f"calc_{name}_spin")


def test_changing_fraction_rounding_recomputes_every_case(qtbot, db, monkeypatch) -> None:
    # 2 years 1 day = 721 days; 2/3 of it is 480.67 days: 481 rounded up (default), 480 down.
    result = clients.create_client(db, person(), case(db, sentences=[Duration(years=2, days=1)]), program(db),
                                   Confirmations(), today=TODAY)
    case_row = db.query("SELECT * FROM cases WHERE person_id = ?", (result.id,))[0]
    inp = sentence_input(db, case_row)
    ceil_date = calc.compute(inp, calc.CalcSettings()).two_thirds
    floor_date = calc.compute(inp, calc.CalcSettings(fraction_rounding="floor")).two_thirds
    assert ceil_date != floor_date
    assert case_row["two_thirds"] == ceil_date.isoformat()
    told: list[str] = []
    threads: list[int] = []

    def inform(_parent, _title, text) -> None:
        told.append(text)
        threads.append(threading.get_ident())

    monkeypatch.setattr(settings_ui, "inform", inform)

    dialog = shown(qtbot, PreferencesDialog(db))
    dialog.tabs.setCurrentWidget(dialog.calc_tab)
    combo = dialog.calc_widgets["fraction_rounding"]
    combo.setCurrentIndex(combo.findData("floor"))
    click(qtbot, dialog, "save_button")
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)

    assert db.scalar("SELECT two_thirds FROM cases WHERE id = ?", (case_row["id"],)) == floor_date.isoformat()
    assert calc_settings(db).fraction_rounding == "floor"  # this window's connection sees it too
    assert dialog.changes.everything
    assert told and "1 perkara" in told[0]
    assert threads == [threading.get_ident()]  # the outcome is handled in the GUI thread
    assert db.scalar("SELECT COUNT(*) FROM audit_log WHERE operation = 'ubah aturan hitung'") == 1


def test_the_calculation_choices_are_in_the_officers_words_not_the_programs_codes(qtbot, db) -> None:
    import re

    from PySide6.QtWidgets import QComboBox, QLabel

    dialog = shown(qtbot, PreferencesDialog(db))
    page = dialog.findChild(QWidget, "calc_scroll")
    texts = [label.text() for label in page.findChildren(QLabel)]
    for combo in page.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    internal = re.compile(r"\b(ceil|floor|round|clamp|overflow)\b", re.IGNORECASE)
    assert texts and not [t for t in texts if internal.search(t)]
    rounding = dialog.calc_widgets["fraction_rounding"]
    assert [rounding.itemText(i) for i in range(rounding.count())] == [
        "dibulatkan ke atas", "dibulatkan ke bawah", "ke hari terdekat (setengah hari ke atas)"]
