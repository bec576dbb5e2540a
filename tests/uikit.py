"""Helpers for tests that drive the real window: sessions, modal dialogs, form filling."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from app.models.storage import Database


def make_session(db: Database, password: str):
    from app.ui.application import Session
    return Session(db.path, db, None, password)


def make_window(qtbot, db: Database, password: str, today: date):
    from app.ui.main_window import MainWindow
    window = MainWindow(make_session(db, password), today=today)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def on_modal(handler: Callable[[QWidget], None], *, name: str | None = None, timeout_ms: int = 5000) -> None:
    """Run ``handler(dialog)`` as soon as a modal dialog (with this object name) is showing."""
    waited = [0]

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and (name is None or widget.objectName() == name):
            handler(widget)
            return
        waited[0] += 20
        if waited[0] > timeout_ms:
            raise AssertionError(f"no modal dialog {name or ''} appeared")
        QTimer.singleShot(20, check)

    QTimer.singleShot(0, check)


def set_text(dialog: QWidget, name: str, text: str) -> None:
    edit = dialog.findChild(QLineEdit, name)
    assert edit is not None, name
    edit.setText(text)


def choose(dialog: QWidget, name: str, data=None, text: str | None = None) -> None:
    combo = dialog.findChild(QComboBox, name)
    assert combo is not None, name
    index = combo.findText(text) if text is not None else combo.findData(data)
    assert index >= 0, (name, data, text)
    combo.setCurrentIndex(index)


def fill_client_form(form, *, name: str, nik: str, sex: str, birth: str, offence_date: str, category_id: int,
                     detention_start: str, years: int, kind_id: int, officer_id: int | None, start: str,
                     end: str = "", verdict_date: str = "05-02-2024") -> None:
    set_text(form, "name_edit", name)
    set_text(form, "nik_edit", nik)
    choose(form, "sex_combo", sex)
    form.birth_date.edit.setText(birth)
    form.birth_place_edit.setText("Bojonegoro")
    form.offence_date.edit.setText(offence_date)
    choose(form, "offence_combo", category_id)
    form.articles_edit.setText("Pasal 362 KUHP")
    form.verdict_number_edit.setText("45/Pid.B/2024/PN Bjn")
    form.verdict_date.edit.setText(verdict_date)
    form.sentence_field.years.setValue(years)
    form.detention_start.edit.setText(detention_start)
    choose(form, "kind_combo", kind_id)
    if officer_id is not None:
        choose(form, "officer_combo", officer_id)
    form.start_date.edit.setText(start)
    form.end_date.edit.setText(end)


def wait_counts(window, timeout_ms: int = 10000) -> None:
    """Until the sidebar shows the numbers of the window's latest count request."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    window.count_now()
    clock = QElapsedTimer()
    clock.start()
    while window.counts_pending() and clock.elapsed() < timeout_ms:
        loop = QEventLoop()
        window.counts_shown.connect(loop.quit)
        QTimer.singleShot(max(1, timeout_ms - clock.elapsed()), loop.quit)
        loop.exec()
        window.counts_shown.disconnect(loop.quit)
    assert not window.counts_pending(), "the sidebar's counts did not arrive"


def sidebar_item(window, dimension: str, value):
    """The sidebar row of a group, once the latest counts are shown (None when not shown)."""
    wait_counts(window)
    sidebar = window.sidebar
    return next((i for i in sidebar.items() if sidebar.key_of(i) == (dimension, value)), None)


def sidebar_count(window, dimension: str, value) -> int | None:
    """The number the sidebar shows beside a group."""
    item = sidebar_item(window, dimension, value)
    if item is None:
        return None
    text = item.text(1).replace(".", "")
    return int(text) if text else None
