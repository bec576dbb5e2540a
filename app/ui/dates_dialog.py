"""A case's sentence dates with its remission ledger, overrides, official dates and interruptions.

Left: the dates in force and why (``case_dates.dates_view``).  Right: one tab per kind
of change an officer makes (``case_dates.*_tab``): the remission ledger, an override
with a reason, the official dates or the total remission from the SK, and days out of
detention.  The tabs check what is typed and hand typed values here.

This dialog reads the case through ``Queries`` and runs each change as one call into
``app.operations`` (one small ``_add_remission``-style method per action); the dates
are recomputed in the same transaction and shown again at once.  ``changes`` collects
what changed, so the main window refreshes its counts and table when the dialog closes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.dates import format_date, from_iso
from app.models.errors import RekamError, UserInputError
from app.models.queries import Queries
from app.models.storage import Database
from app.operations import OpChanges, OpResult, clients, sentence
from app.ui.case_dates.common import CaseDates
from app.ui.labels import amount_text, sentence_total_text
from app.ui.case_dates.dates_view import DatesView
from app.ui.case_dates.interruptions_tab import InterruptionsTab, InterruptionValues
from app.ui.case_dates.official_tab import OfficialTab, OfficialValues
from app.ui.case_dates.override_tab import OverrideTab, OverrideValues
from app.ui.case_dates.remissions_tab import RemissionsTab, RemissionValues
from app.ui.ops import InlineOps, Ops
from app.ui.labels import remission_kind_label, sentence_kind_label
from app.ui.widgets import ERROR_STYLE, confirm, note


class CaseDatesDialog(QDialog):
    """Dates and remissions of one case.  ``changes`` says what the officer changed."""

    def __init__(self, db: Database, case_id: int, *, today: date | None = None,
                 parent: QWidget | None = None, ops: Ops | None = None):
        super().__init__(parent)
        self.setObjectName("case_dates_dialog")
        self.db = db
        # Writes go through the window's write worker; on their own (tests), on this connection.
        self.ops = ops or InlineOps(db, self)
        self.queries = Queries(db)
        self.case_id = case_id
        self.today = today or date.today()
        self.changes = OpChanges()
        self._sized = False
        self.state = self._read()
        person = self.queries.person(self.state.case["person_id"]) or {}
        self.setWindowTitle(self.tr("Dates and remissions — %1").replace("%1", person.get("name", "")))

        self.header_label = QLabel()
        self.header_label.setObjectName("case_header_label")
        self.header_label.setWordWrap(True)
        bold = QFont(self.header_label.font())
        bold.setBold(True)
        self.header_label.setFont(bold)
        self.readonly_label = note(self.tr(
            "Read-only: this file cannot be changed. You can look at the dates and the breakdown."),
            ERROR_STYLE, "readonly_label")
        self.readonly_label.setVisible(self.ops.readonly)

        self.dates_view = DatesView()
        self.dates_view.date_chosen.connect(self.on_date_chosen)
        self.remissions_tab = RemissionsTab(child=self.state.child)
        self.remissions_tab.add_requested.connect(self.on_add_remission)
        self.remissions_tab.edit_requested.connect(self.on_edit_remission)
        self.remissions_tab.remove_requested.connect(self.on_remove_remission)
        self.override_tab = OverrideTab()
        self.override_tab.set_requested.connect(self.on_set_override)
        self.override_tab.clear_requested.connect(self.on_clear_override)
        self.official_tab = OfficialTab()
        self.official_tab.save_requested.connect(self.on_save_official)
        self.official_tab.total.save_requested.connect(self.on_save_total)
        self.interruptions_tab = InterruptionsTab()
        self.interruptions_tab.add_requested.connect(self.on_add_interruption)
        self.interruptions_tab.remove_requested.connect(self.on_remove_interruption)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("dates_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.dates_view)
        self.edit_tabs = QTabWidget()
        self.edit_tabs.setObjectName("edit_tabs")
        self.edit_tabs.addTab(self.remissions_tab, self.tr("Remissions"))
        self.edit_tabs.addTab(self.override_tab, self.tr("Override a date"))
        self.edit_tabs.addTab(self.official_tab, self.tr("Official dates"))
        self.edit_tabs.addTab(self.interruptions_tab, self.tr("Interruptions"))
        self.splitter.addWidget(self.edit_tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("close_button")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header_label)
        layout.addWidget(self.readonly_label)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(buttons)

        # Enter in a field must never press Close (or a button on a hidden tab): no button is
        # a default; Enter in the last field of a form runs that form's action instead.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        if self.ops.readonly:
            for tab in self._tabs():
                tab.set_writable(False)
        self._show_state()
        self.official_tab.load(self.state)
        self.override_tab.load_override()
        self._resize_to_screen()

    def _tabs(self) -> tuple[RemissionsTab, OverrideTab, OfficialTab, InterruptionsTab]:
        return self.remissions_tab, self.override_tab, self.official_tab, self.interruptions_tab

    def _resize_to_screen(self) -> None:
        width, height = 1340, 740
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width = min(width, screen.width() - 20)
            height = min(height, screen.height() - 40)
        self.resize(width, height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            width = self.splitter.width()
            self.splitter.setSizes([width * 58 // 100, width - width * 58 // 100])

    # -- reading and showing the dates ---------------------------------------------------
    def _read(self) -> CaseDates:
        """The case as stored now, with the calculator's answer and its breakdown."""
        case = self.queries.case(self.case_id)
        if case is None:
            raise UserInputError(self.tr("This case is no longer in the file."), code="not_found")
        note_text = case["calc_note"] or ""
        try:
            dates = sentence.compute_case(self.db, self.case_id)
        except RekamError as err:  # stored input the calculator now refuses
            dates = None
            note_text = note_text or err.message
        return CaseDates(
            case=case, dates=dates, note=note_text,
            overridden=self.queries.overrides(self.case_id),
            official=self.queries.official_dates(self.case_id),
            official_source=self.queries.official_source(self.case_id),
            remissions=self.queries.remissions_of(self.case_id),
            interruptions=self.queries.interruptions_of(self.case_id))

    def refresh(self) -> None:
        """Read the case again and show its dates, ledger and interruptions."""
        self.state = self._read()
        self._show_state()

    def _show_state(self) -> None:
        self.header_label.setText(self._header_text())
        self.dates_view.show_dates(self.state)
        for tab in self._tabs():
            tab.show_dates(self.state)

    def cell_text(self, key: str, column: int) -> str:
        """What the dates table shows for one date (for tests and the screen reader alike)."""
        return self.dates_view.cell_text(key, column)

    def _header_text(self) -> str:
        c, dates = self.state.case, self.state.dates
        parts = []
        if c["verdict_number"]:
            parts.append(self.tr("Verdict %1").replace("%1", c["verdict_number"]))
        if c["sentence_kind"] == "term" and dates is not None and dates.p30 is not None:
            parts.append(self.tr("sentence %1 (%2 days)").replace(
                "%1", sentence_total_text(c)).replace("%2", str(dates.p30)))
        elif c["sentence_kind"] != "term":
            parts.append(sentence_kind_label(c["sentence_kind"]))
        if c["detention_start"]:
            parts.append(self.tr("detained from %1").replace(
                "%1", format_date(from_iso(c["detention_start"]))))
        parts.append(self.tr("child") if self.state.child else self.tr("adult"))
        return " · ".join(parts)

    def on_date_chosen(self, key: str) -> None:
        self.override_tab.choose_key(key)
        self.edit_tabs.setCurrentWidget(self.override_tab)

    # -- remissions ------------------------------------------------------------------------
    def on_add_remission(self, values: RemissionValues) -> None:
        tab = self.remissions_tab
        if self._run(lambda: self._add_remission(values), tab.remission_form.show_error):
            tab.clear_form()

    def on_edit_remission(self, remission_id: int, values: RemissionValues) -> None:
        self._run(lambda: self._update_remission(remission_id, values),
                  self.remissions_tab.remission_form.show_error)

    def on_remove_remission(self, remission: dict[str, Any]) -> None:
        text = self.tr("Remove the remission of %1 (%2, %3) from the ledger? The dates are "
                       "recomputed.").replace("%1", format_date(from_iso(remission["granted"]))) \
            .replace("%2", remission_kind_label(remission["kind"])) \
            .replace("%3", amount_text(remission["months"], remission["days"]))
        if not confirm(self, self.tr("Remove remission"), text, yes=self.tr("Remove"),
                       no=self.tr("Cancel"), destructive=True):
            return
        tab = self.remissions_tab
        if self._run(lambda: self._remove_remission(remission["id"]), tab.remission_form.show_error):
            tab.clear_form()

    # -- overrides ---------------------------------------------------------------------------
    def on_set_override(self, values: OverrideValues) -> None:
        if self._run(lambda: self._set_override(values), self.override_tab.show_error):
            self.override_tab.after_set(values.key)

    def on_clear_override(self, key: str) -> None:
        if self._run(lambda: self._clear_override(key), self.override_tab.show_error):
            self.override_tab.after_clear(key)

    # -- official dates and the total ----------------------------------------------------------
    def on_save_official(self, values: OfficialValues) -> None:
        if self._run(lambda: self._save_official(values), self.official_tab.show_error):
            self.official_tab.after_save()

    def on_save_total(self, total: int | None) -> None:
        box = self.official_tab.total
        if self._run(lambda: self._save_total(total), box.show_error):
            box.load(self.state.case["remission_total_days"])

    # -- interruptions -------------------------------------------------------------------------
    def on_add_interruption(self, values: InterruptionValues) -> None:
        tab = self.interruptions_tab
        if self._run(lambda: self._add_interruption(values), tab.show_error):
            tab.clear_form()

    def on_remove_interruption(self, found: dict[str, Any]) -> None:
        text = self.tr("Remove the days out of detention from %1 to %2? The dates are recomputed.") \
            .replace("%1", format_date(from_iso(found["start"]))) \
            .replace("%2", format_date(from_iso(found["end"])))
        if not confirm(self, self.tr("Remove days out of detention"), text, yes=self.tr("Remove"),
                       no=self.tr("Cancel"), destructive=True):
            return
        self._run(lambda: self._remove_interruption(found["id"]), self.interruptions_tab.show_error)

    # -- the writes, one per action (each one operation, through the write worker) --------------
    def _add_remission(self, v: RemissionValues) -> OpResult:
        case_id = self.case_id
        return self.ops.call(lambda db: sentence.add_remission(db, case_id, v.granted, v.months, v.days, v.kind,
                                                               v.sk_number))

    def _update_remission(self, remission_id: int, v: RemissionValues) -> OpResult:
        return self.ops.call(lambda db: sentence.update_remission(db, remission_id, v.granted, v.months, v.days,
                                                                  v.kind, v.sk_number))

    def _remove_remission(self, remission_id: int) -> OpResult:
        return self.ops.call(lambda db: sentence.remove_remission(db, remission_id))

    def _set_override(self, v: OverrideValues) -> OpResult:
        case_id = self.case_id
        return self.ops.call(lambda db: sentence.set_override(db, case_id, v.key, v.value, v.reason))

    def _clear_override(self, key: str) -> OpResult:
        case_id = self.case_id
        return self.ops.call(lambda db: sentence.clear_override(db, case_id, key))

    def _save_official(self, v: OfficialValues) -> OpResult:
        case_id = self.case_id
        return self.ops.call(lambda db: sentence.set_official_dates(db, case_id, v.dates, v.source))

    def _save_total(self, total: int | None) -> OpResult:
        # The total is a field of the case: change only it, through the case's own operation.
        case_id, today = self.case_id, self.today

        def save(db: Database) -> OpResult:
            case = dataclasses.replace(clients.case_input(db, case_id), remission_total_days=total)
            return clients.update_case(db, case_id, case, today=today)

        return self.ops.call(save)

    def _add_interruption(self, v: InterruptionValues) -> OpResult:
        case_id = self.case_id
        return self.ops.call(lambda db: sentence.add_interruption(db, case_id, v.start, v.end, v.note))

    def _remove_interruption(self, interruption_id: int) -> OpResult:
        return self.ops.call(lambda db: sentence.remove_interruption(db, interruption_id))

    # -- running an operation --------------------------------------------------------------------
    def _run(self, operation: Callable[[], OpResult], on_error: Callable[[RekamError], Any]) -> bool:
        """Run one operation; on success remember its changes and show the recomputed dates."""
        try:
            result = operation()
        except RekamError as err:
            on_error(err)
            return False
        self.changes = self.changes | result.changes
        self.refresh()
        return True
