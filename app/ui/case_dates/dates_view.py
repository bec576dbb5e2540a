"""The left side of the case dates dialog: the dates in force and why.

A table of every date (in force, the computed one beside an officer's override, the
official date from the SK with ✓ or ≠), PB/CB eligibility, what the officer must still
confirm and the calculator's breakdown (in Indonesian, as it is printed).  It only shows;
a double-click on a date asks the dialog to open that date's override.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.models.dates import format_date
from app.ui.case_dates.common import (
    DATE_KEYS,
    DIFFERS_COLOUR,
    NOTE_STYLE,
    OVERRIDE_COLOUR,
    ROLE_ID,
    SAME_COLOUR,
    CaseDates,
    list_table,
)
from app.ui.labels import date_label
from app.ui.widgets import HINT_STYLE, note

COL_LABEL, COL_EFFECTIVE, COL_COMPUTED, COL_OFFICIAL, COL_REASON = range(5)


class DatesView(QWidget):
    """The dates of one case; ``date_chosen(key)`` when the officer double-clicks one."""

    date_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dates_side")
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        self.calc_note_label = note("", NOTE_STYLE + " font-weight: bold;", "calc_note_label")
        v.addWidget(self.calc_note_label)
        self.dates_table = list_table("dates_table", [
            self.tr("Date"), self.tr("In force"), self.tr("Computed"), self.tr("Official (SK)"),
            self.tr("Override reason")])
        self.dates_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.dates_table.setRowCount(len(DATE_KEYS))
        header = self.dates_table.horizontalHeader()
        header.setMinimumSectionSize(60)
        for column in (COL_LABEL, COL_EFFECTIVE, COL_COMPUTED, COL_OFFICIAL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.dates_table.setToolTip(self.tr("Double-click a date to override it"))
        self.dates_table.cellDoubleClicked.connect(self.on_date_double_clicked)
        self.dates_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        v.addWidget(self.dates_table)
        self.legend_label = note(self.tr(
            "“Computed” appears when an officer's override is in force. ✓ the official date agrees "
            "with the computed one; ≠ it differs."), HINT_STYLE, "legend_label")
        v.addWidget(self.legend_label)
        self.eligibility_label = note("", "", "eligibility_label")
        v.addWidget(self.eligibility_label)

        self.info_tabs = QTabWidget()
        self.info_tabs.setObjectName("info_tabs")
        self.conditions_view = QTextBrowser()
        self.conditions_view.setObjectName("conditions_view")
        self.breakdown_view = QTextBrowser()
        self.breakdown_view.setObjectName("breakdown_view")
        self.info_tabs.addTab(self.conditions_view, self.tr("To confirm"))
        self.info_tabs.addTab(self.breakdown_view, self.tr("Breakdown"))
        v.addWidget(self.info_tabs, 1)

    def on_date_double_clicked(self, row: int, _column: int) -> None:
        self.date_chosen.emit(DATE_KEYS[row])

    def cell_text(self, key: str, column: int) -> str:
        """What the table shows for one date (for tests and the screen reader alike)."""
        item = self.dates_table.item(DATE_KEYS.index(key), column)
        return item.text() if item else ""

    def show_dates(self, state: CaseDates) -> None:
        note_text = state.note
        self.calc_note_label.setText(note_text)
        self.calc_note_label.setVisible(bool(note_text))
        has_dates = any(state.effective(k) or state.computed(k) for k in DATE_KEYS) or bool(state.official)
        for widget in (self.dates_table, self.legend_label, self.eligibility_label):
            widget.setVisible(has_dates or not note_text)
        self._fill_table(state)
        self._fill_eligibility(state)
        self._fill_conditions(state)
        self._fill_breakdown(state)

    def _fill_table(self, state: CaseDates) -> None:
        table = self.dates_table
        table.resizeRowsToContents()
        # Tall enough for every date: the officer never scrolls to find the expiry.
        height = (table.horizontalHeader().sizeHint().height() + table.verticalHeader().length()
                  + 2 * table.frameWidth() + 2)
        table.setFixedHeight(height)
        moved_by: dict[str, str] = {}
        if state.dates is not None:
            for cause, moved in state.dates.moved_by_override.items():
                for key in moved:
                    moved_by.setdefault(key, cause)
        for row, key in enumerate(DATE_KEYS):
            effective, computed = state.effective(key), state.computed(key)
            overridden = key in state.overridden
            label = QTableWidgetItem(date_label(key))
            label.setData(ROLE_ID, key)
            value = QTableWidgetItem(format_date(effective, "–"))
            if overridden:
                font = QFont(value.font())
                font.setBold(True)
                value.setFont(font)
                value.setForeground(QBrush(QColor(OVERRIDE_COLOUR)))
                value.setToolTip(self.tr("Overridden by an officer"))
            elif key in moved_by:
                value.setForeground(QBrush(QColor(OVERRIDE_COLOUR)))
                value.setToolTip(self.tr("Moved by the override of %1").replace(
                    "%1", date_label(moved_by[key])))
            shown_computed = ""
            if effective != computed:
                shown_computed = format_date(computed, self.tr("none"))
            computed_item = QTableWidgetItem(shown_computed)
            official_item = QTableWidgetItem("")
            if key in state.official:
                official = state.official[key]
                same = official == computed
                official_item.setText(format_date(official) + (" ✓" if same else " ≠"))
                official_item.setForeground(QBrush(QColor(SAME_COLOUR if same else DIFFERS_COLOUR)))
                tip = self.tr("Official date from: %1").replace(
                    "%1", state.official_source or self.tr("(no source)"))
                if not same and computed is not None:
                    tip += "\n" + self.tr("%1 days from the computed date").replace(
                        "%1", f"{(official - computed).days:+d}")
                official_item.setToolTip(tip)
            reason = state.overridden[key][1] if overridden else ""
            reason_item = QTableWidgetItem(reason)
            reason_item.setToolTip(reason)
            for column, item in enumerate((label, value, computed_item, official_item, reason_item)):
                table.setItem(row, column, item)

    def _fill_eligibility(self, state: CaseDates) -> None:
        r = state.dates
        if r is None or state.case["sentence_kind"] != "term":
            self.eligibility_label.setText("")
            return
        lines = []
        if r.parole_eligible:
            when = format_date(r.parole_date, "–")
            lines.append(self.tr("Parole (PB): eligible by date from %1").replace("%1", when))
        else:
            lines.append(self.tr("Parole (PB): not eligible by date (2/3 of the sentence is under "
                                 "9 months)"))
        if r.conditional_leave_eligible:
            lines.append(self.tr("Conditional leave (CB): eligible (sentence up to 1 year 6 months)"))
        else:
            lines.append(self.tr("Conditional leave (CB): not eligible (sentence over 1 year "
                                 "6 months)"))
        self.eligibility_label.setText("\n".join(lines))

    def _fill_conditions(self, state: CaseDates) -> None:
        conditions = state.dates.conditions if state.dates is not None else ()
        items = "".join(f"<li>{html.escape(c)}</li>" for c in conditions)
        nothing = self.tr("Nothing to confirm.")
        self.conditions_view.setHtml(f"<ul>{items}</ul>" if items else
                                     f"<p style='color:#666'>{html.escape(nothing)}</p>")
        self.info_tabs.setTabText(0, self.tr("To confirm (%1)").replace("%1", str(len(conditions))))

    def _fill_breakdown(self, state: CaseDates) -> None:
        steps = state.dates.breakdown if state.dates is not None else ()
        if not steps:
            self.breakdown_view.setHtml(f"<p style='color:#666'>{html.escape(state.note or '–')}</p>")
            return
        parts = []
        for step in steps:
            parts.append(
                f"<p style='margin-bottom:6px'><b>{html.escape(step.label)}</b>: "
                f"{html.escape(step.value)}<br><span style='color:#444'>{html.escape(step.rule)}</span>"
                f"<br><i style='color:#777'>{html.escape(step.source)}</i></p>")
        self.breakdown_view.setHtml("".join(parts))
