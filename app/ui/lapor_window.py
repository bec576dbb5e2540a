"""Wajib lapor in the main window: the check-in panel, its shortcuts, the details' section, the dialogs.

main_window.py calls ``build_checkin`` while building and ``bind`` after each (re)bound session, in
one headed block each, so the window's own code stays as it was.
"""

from __future__ import annotations

import base64
import html
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from app.models.dates import format_date
from app.ui.checkin import CheckinPanel
from app.ui.lapor_labels import step_label, working_label


def build_checkin(window) -> CheckinPanel:
    """The panel and the actions that reach it (F4: the box; Shift+F4: Mode lapor)."""
    panel = CheckinPanel(window)
    window.checkin = panel

    def action(name: str, text: str, slot, shortcut: str) -> QAction:
        act = QAction(text, window)
        act.setObjectName(name)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _checked=False: slot())
        window.addAction(act)
        return act

    window.act_checkin = action("act_checkin", QCoreApplication.translate("LaporWindow", "&Check-in (wajib lapor)"),
                                panel.focus_box, "F4")
    window.act_mode_lapor = action(
        "act_mode_lapor", QCoreApplication.translate("LaporWindow", "&Mode lapor (keep the focus in the box)"),
        lambda: panel.set_mode(not panel.mode), "Shift+F4")
    window.act_dashboard = action("act_dashboard", QCoreApplication.translate("LaporWindow", "&Dashboard (charts)…"),
                                  lambda: open_dashboard(window), "Ctrl+D")
    window.act_lapor_settings = action(
        "act_lapor_settings", QCoreApplication.translate("LaporWindow", "Wajib lapor &settings…"),
        lambda: open_settings(window), "")
    panel.open_timeline.connect(lambda pid: open_timeline(window, pid))
    panel.confirm_step.connect(lambda program_id: open_step(window, program_id))
    panel.record_excuse.connect(lambda program_id: open_excuse(window, program_id))
    panel.mode_changed.connect(lambda on: _mode_changed(window, on))
    window.changes_applied.connect(panel.on_changes)
    window.details.extra_sections.append(lambda details, queries, person_id, today: details_section(
        details, queries, person_id, today))
    from PySide6.QtWidgets import QMenu

    menu = QMenu(QCoreApplication.translate("LaporWindow", "&Wajib lapor"), window)
    menu.setObjectName("lapor_menu")
    help_menu = window.menuBar().findChild(QMenu, "help_menu")
    if help_menu is not None:
        window.menuBar().insertMenu(help_menu.menuAction(), menu)  # before Help, beside Print
    else:
        window.menuBar().addMenu(menu)
    for act in (window.act_checkin, window.act_mode_lapor, None, window.act_dashboard, None,
                window.act_lapor_settings):
        menu.addSeparator() if act is None else menu.addAction(act)
    return panel


def bind(window) -> None:
    """After a session is (re)bound: the panel's officers and day."""
    window.checkin.reload()


def _mode_changed(window, on: bool) -> None:
    """In Mode lapor the other forms stay shut: a scan must never land in one of their fields."""
    for act in (window.act_add, window.act_edit, window.act_add_case, window.act_delete, window.act_officers,
                window.act_office, window.act_prefs, window.act_restore, window.act_demo, window.act_main_db):
        act.setEnabled(not on and not window.session.db.readonly)
    text = QCoreApplication.translate("LaporWindow", "Mode lapor: scan a card or type a name; Shift+F4 ends it.")
    window.statusBar().showMessage(text if on else "", 0 if on else 1)


def detail_action(window, name: str, ident: int) -> bool:
    """The details' wajib lapor links; True when handled."""
    if name == "timeline":
        open_timeline(window, ident)
        return True
    return False


def open_timeline(window, person_id: int) -> None:
    from app.ui.timeline import TimelineDialog

    TimelineDialog(window.db, person_id, today=window.today(), parent=window, ops=window.ops).exec()


def open_step(window, program_id: int) -> None:
    from app.ui.lapor_dialogs import StepDialog

    StepDialog(window.db, program_id, today=window.today(), parent=window, ops=window.ops).exec()


def open_excuse(window, program_id: int) -> None:
    from app.ui.lapor_dialogs import ExcuseDialog

    ExcuseDialog(window.db, program_id, today=window.today(), parent=window, ops=window.ops).exec()


def open_settings(window) -> None:
    from app.ui.lapor_dialogs import ReportingSettingsDialog

    if not window.session.db.readonly:
        ReportingSettingsDialog(window.db, parent=window, ops=window.ops).exec()


def open_dashboard(window) -> None:
    from app.ui.dashboard import show_dashboard

    show_dashboard(window)


def details_section(details, queries, person_id: int, today: date) -> str:
    """The photo and each running program's reporting, with a link to the timeline."""
    out = []
    jpeg = queries.photo(person_id)
    if jpeg:
        data = base64.b64encode(jpeg).decode("ascii")
        out.append(f"<img src='data:image/jpeg;base64,{data}' width='90' height='120' style='float:right'>")
    for p in queries.programs_of(person_id):
        if p["status"] != "aktif" or not p["start_date"]:
            continue
        summary = queries.reporting_summary(p["id"], today)
        if summary is None:
            continue
        rate = summary["attendance"]
        line = (QCoreApplication.translate("LaporDetails", "Wajib lapor %1: %2 of %3 periods reported")
                .replace("%1", p["kind_code"]).replace("%2", str(rate.reported)).replace("%3", str(rate.due)))
        if summary["misses"]:
            line += " · <span style='color:#b00020'>" + QCoreApplication.translate(
                "LaporDetails", "%1 missed in a row").replace(
                "%1", str(summary["misses"])) + "</span>"
        if summary["pending"] is not None:
            line += " · <b style='color:#b00020'>" + QCoreApplication.translate(
                "LaporDetails", "to confirm: %1").replace(
                "%1", html.escape(step_label(summary["pending"].key))) + "</b>"
        if summary["last_visit"]:
            line += " · " + QCoreApplication.translate("LaporDetails", "last %1").replace(
                "%1", format_date(date.fromisoformat(summary["last_visit"]["report_date"])))
        out.append(f"<p style='margin:2px 0'>{line}</p>")
    working = queries.working_status(person_id, today)
    if working != "unknown":
        now = QCoreApplication.translate("LaporDetails", "Working now")
        out.append(f"<p style='margin:2px 0'>{html.escape(now)}: {html.escape(working_label(working))}</p>")
    link = QCoreApplication.translate("LaporDetails", "Wajib lapor, notes and photo")
    out.append(f"<p><a href='rk:timeline/{person_id}'>{html.escape(link)}</a></p>")
    return "".join(out)
