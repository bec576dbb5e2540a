"""A client's wajib lapor in one window: the timeline (visits, excused absences, letters, revocation stages,
notes, status changes), each program's periods with their states, the buku perkembangan, the photo.

Corrections and removals ask for a reason; the schedule, excused absences, escalation steps and
revocation stages are recorded from here.  Everything writes through ``ops`` and the window reloads
itself after each write.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.dates import format_date
from app.models.errors import RekamError
from app.models.queries import Queries
from app.models.storage import Database
from app.operations import wajib_lapor as wl
from app.ui import photos
from app.ui.labels import status_label
from app.ui.lapor_dialogs import (
    ExcuseDialog,
    NoteDialog,
    ReasonDialog,
    ScheduleDialog,
    StageDialog,
    StepDialog,
    VisitDialog,
)
from app.ui.lapor_labels import (
    STATE_COLOURS,
    excuse_label,
    state_label,
    step_label,
    visit_kind_label,
    working_label,
)
from app.ui.ops import InlineOps, Ops


def period_text(start: date, end: date) -> str:
    """"November 2026" for a whole calendar month, else "21 Desember 2025 – 3 Januari 2026"."""
    import calendar

    if start.day == 1 and end.month == start.month and end.day == calendar.monthrange(end.year, end.month)[1]:
        return format_date(start).split(" ", 1)[1]
    return f"{format_date(start)} – {format_date(end)}"


def _d(text: str | None) -> str:
    return format_date(date.fromisoformat(text)) if text else "–"


class TimelineDialog(QDialog):
    def __init__(self, db: Database, person_id: int, *, today: date | None = None, parent: QWidget | None = None,
                 ops: Ops | None = None):
        super().__init__(parent)
        self.db = db
        self.ops = ops or InlineOps(db, self)
        self.queries = Queries(db)
        self.person_id = person_id
        self.today = today or date.today()
        self.setObjectName("timeline_dialog")
        self.resize(1000, 640)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.photo = QLabel()
        self.photo.setObjectName("timeline_photo")
        self.photo.setFixedSize(90, 120)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("background: #e0e0e0; color: #777;")
        head.addWidget(self.photo)
        self.title = QLabel()
        self.title.setObjectName("timeline_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        head.addWidget(self.title, 1)
        side = QVBoxLayout()
        self.photo_button = QPushButton(self.tr("Photo from a file…"))
        self.photo_button.setObjectName("photo_button")
        self.photo_button.clicked.connect(self.choose_photo)
        self.photo_remove = QPushButton(self.tr("Remove the photo"))
        self.photo_remove.setObjectName("photo_remove")
        self.photo_remove.clicked.connect(self.remove_photo)
        side.addWidget(self.photo_button)
        side.addWidget(self.photo_remove)
        side.addStretch(1)
        head.addLayout(side)
        layout.addLayout(head)

        program_row = QHBoxLayout()
        program_row.addWidget(QLabel(self.tr("Program:")))
        self.program_combo = QComboBox()
        self.program_combo.setObjectName("timeline_program")
        self.program_combo.currentIndexChanged.connect(lambda _i: self.reload_program())
        program_row.addWidget(self.program_combo, 1)
        self.summary = QLabel()
        self.summary.setObjectName("timeline_summary")
        program_row.addWidget(self.summary, 2)
        for name, text, slot in (("schedule_button", self.tr("Schedule…"), self.edit_schedule),
                                 ("excuse_button", self.tr("Excused absence…"), self.add_excuse),
                                 ("step_button", self.tr("Confirm the step…"), self.confirm_step)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            setattr(self, name, button)
            program_row.addWidget(button)
        layout.addLayout(program_row)

        self.tabs = QTabWidget()
        self.events = QTreeWidget()
        self.events.setObjectName("timeline_events")
        self.events.setHeaderLabels([self.tr("Date"), self.tr("What"), self.tr("Details"), self.tr("By")])
        self.events.setRootIsDecorated(False)
        self.events.setAlternatingRowColors(True)
        self.events.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.events.setColumnWidth(0, 130)
        self.events.setColumnWidth(1, 210)
        self.events.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.events.itemDoubleClicked.connect(lambda *_a: self.correct())
        self.periods = QTableWidget(0, 6)
        self.periods.setObjectName("timeline_periods")
        self.periods.setHorizontalHeaderLabels([self.tr("Period"), self.tr("State"), self.tr("Visit"),
                                                self.tr("Kind"), self.tr("Received by"), self.tr("Note")])
        self.periods.verticalHeader().setVisible(False)
        self.periods.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.periods.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((230, 200, 130, 170, 170)):
            self.periods.setColumnWidth(column, width)
        self.tabs.addTab(self.events, self.tr("Timeline"))
        self.tabs.addTab(self.periods, self.tr("Periods"))
        layout.addWidget(self.tabs, 1)

        actions = QHBoxLayout()
        for name, text, slot in (("note_add", self.tr("New guidance note…"), self.add_note),
                                 ("correct_button", self.tr("Correct…"), self.correct),
                                 ("remove_button", self.tr("Remove…"), self.remove),
                                 ("stage_button", self.tr("Revocation stage…"), self.add_stage)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            setattr(self, name, button)
            actions.addWidget(button)
        actions.addStretch(1)
        self.error = QLabel()
        self.error.setObjectName("timeline_error")
        self.error.setStyleSheet("color: #b00020;")
        actions.addWidget(self.error)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        actions.addWidget(close)
        layout.addLayout(actions)
        self.reload()

    # -- reading -------------------------------------------------------------------------------
    def reload(self) -> None:
        person = self.queries.person(self.person_id)
        if person is None:
            return
        self.setWindowTitle(self.tr("Wajib lapor and notes: %1").replace("%1", person["name"]))
        picture = photos.pixmap(self.queries.photo(self.person_id), 90, 120)
        self.photo.setText("" if picture else self.tr("no photo"))
        if picture:
            self.photo.setPixmap(picture)
        else:
            self.photo.clear()
            self.photo.setText(self.tr("no photo"))
        self.photo_remove.setEnabled(picture is not None)
        working = working_label(self.queries.working_status(self.person_id, self.today))
        now = self.tr("Working now")
        self.title.setText(f"<b style='font-size:14pt'>{person['name']}</b><br>{now}: {working}")
        current = self.program_combo.currentData()
        self.program_combo.blockSignals(True)
        self.program_combo.clear()
        for p in self.queries.programs_of(self.person_id):
            if not p["start_date"]:
                continue
            self.program_combo.addItem(f"{p['kind_code']} {p['register_number'] or ''} · {_d(p['start_date'])} – "
                                       f"{_d(p['end_date'])} · {status_label(p['status'])}", p["id"])
        self.program_combo.setCurrentIndex(max(0, self.program_combo.findData(current)))
        self.program_combo.blockSignals(False)
        self._fill_events()
        self.reload_program()

    def _fill_events(self) -> None:
        self.events.clear()
        officers = {o["id"]: o["name"] for o in self.queries.officers(with_caseload=False)}
        for e in self.queries.timeline(self.person_id, self.today):
            row = e["row"]
            what, details, by, grey = self._describe(e, row, officers)
            item = QTreeWidgetItem([_d(e["date"]), what, details, by])
            item.setData(0, Qt.ItemDataRole.UserRole, (e["kind"], row.get("id")))
            if grey:
                for c in range(4):
                    item.setForeground(c, QBrush(QColor("#999")))
            self.events.addTopLevelItem(item)
        self._update_buttons()

    def _describe(self, e: dict[str, Any], row: dict[str, Any], officers: dict[int, str]) -> tuple[str, str, str, bool]:
        kind, code = e["kind"], e["kind_code"]
        by = officers.get(row.get("officer_id"), "") if row.get("officer_id") else ""
        removed = bool(row.get("removed_at"))
        if kind == "visit":
            flags = [self.tr("entri susulan") if row["backdated"] else "",
                     self.tr("extra contact") if row["extra"] else "",
                     self.tr("late") if row["late"] else "",
                     self.tr("corrected: %1").replace("%1", row["corrected_reason"])
                     if row["corrected_reason"] else "",
                     self.tr("removed: %1").replace("%1", row["removed_reason"]) if removed else ""]
            details = " · ".join(x for x in (visit_kind_label(row["kind"]), working_label(row["working"]),
                                            row["note"], *flags) if x)
            return self.tr("Reported (%1)").replace("%1", code), details, by, removed
        if kind == "excuse":
            return (self.tr("Excused absence (%1)").replace("%1", code),
                    f"{excuse_label(row['reason_kind'])}: {row['reason']}"
                    + (" · " + self.tr("removed: %1").replace("%1", row["removed_reason"]) if removed else ""),
                    row.get("officer_name") or by, removed)
        if kind == "step":
            return (step_label(row["step"]), f"{row['letter_number']} · " + self.tr("%1 missed in a row").replace(
                "%1", str(row["missed"])), row.get("officer_name") or by, False)
        if kind == "stage":
            return step_label(row["stage"]), row["letter_number"] or row["note"], "", False
        if kind == "note":
            parts = [row[k] for k in ("condition", "activity", "social", "obstacles", "plans", "text") if row[k]]
            if row["follow_up"]:
                parts.append(self.tr("follow up on %1").replace("%1", _d(row["follow_up"])))
            return self.tr("Guidance note"), " · ".join(parts), row.get("officer_name") or by, False
        if kind == "status":
            return (self.tr("Status: %1").replace("%1", status_label(row["status"])),
                    " · ".join(x for x in (row["letter"], row["reason"]) if x), "", False)
        if kind == "start":
            return self.tr("Guidance starts (%1)").replace("%1", code), row.get("register_number") or "", "", False
        return self.tr("Guidance ends (%1)").replace("%1", code), "", "", False

    def reload_program(self) -> None:
        program_id = self.program_combo.currentData()
        self.periods.setRowCount(0)
        for b in (self.schedule_button, self.excuse_button, self.step_button):
            b.setEnabled(program_id is not None and not self.ops.readonly)
        if program_id is None:
            self.summary.setText(self.tr("No guidance program with a start date."))
            return
        summary = self.queries.reporting_summary(program_id, self.today)
        rate = summary["attendance"]
        text = (self.tr("%1 of %2 periods reported").replace("%1", str(rate.reported)).replace("%2", str(rate.due)))
        if summary["misses"]:
            text += " · " + self.tr("%1 missed in a row").replace("%1", str(summary["misses"]))
        self.summary.setText(text)
        self.step_button.setVisible(summary["pending"] is not None)
        if summary["pending"] is not None:
            self.step_button.setText(self.tr("Confirm: %1…").replace("%1", step_label(summary["pending"].key)))
        # The periods before the office recorded visits here are on paper: left out of the list.
        rows = [p for p in self.queries.reporting_periods(program_id, self.today)
                if p["state"] not in ("future", "unrecorded")]
        self.periods.setRowCount(len(rows))
        for r, p in enumerate(reversed(rows)):
            visit = p["visit"] or p["late_visit"] or {}
            state = state_label(p["state"])
            if p["extra"]:
                state += " · " + self.tr("+%1 extra").replace("%1", str(len(p["extra"])))
            if p["excuse"]:
                state += f" ({excuse_label(p['excuse']['reason_kind'])})"
            cells = [period_text(p["start"], p["end"]), state,
                     _d(visit.get("report_date")), visit_kind_label(visit["kind"]) if visit else "",
                     visit.get("officer_name") or "", visit.get("note") or ""]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c == 1:
                    item.setForeground(QBrush(QColor(STATE_COLOURS.get(p["state"], "#333"))))
                self.periods.setItem(r, c, item)

    def _selected(self) -> tuple[str, int] | None:
        item = self.events.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        chosen = self._selected()
        writable = not self.ops.readonly
        kind = chosen[0] if chosen else None
        self.correct_button.setEnabled(writable and kind in ("visit", "note"))
        self.remove_button.setEnabled(writable and kind in ("visit", "excuse", "note", "step"))
        self.stage_button.setEnabled(writable and kind == "step")
        self.note_add.setEnabled(writable)
        self.photo_button.setEnabled(writable)

    # -- writing ------------------------------------------------------------------------------------
    def _after(self, dialog: QDialog) -> None:
        if dialog.exec():
            self.reload()

    def _row(self, kind: str, ident: int) -> dict[str, Any] | None:
        for e in self.queries.timeline(self.person_id, self.today):
            if e["kind"] == kind and e["row"].get("id") == ident:
                return e["row"]
        return None

    def correct(self) -> None:
        chosen = self._selected()
        if not chosen or self.ops.readonly:
            return
        kind, ident = chosen
        if kind == "visit":
            row = self._row("visit", ident)
            if row and not row["removed_at"]:
                self._after(VisitDialog(self.db, row, today=self.today, parent=self, ops=self.ops))
        elif kind == "note":
            self._after(NoteDialog(self.db, self.person_id, note_id=ident, today=self.today, parent=self, ops=self.ops))

    def remove(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        kind, ident = chosen
        action = {"visit": lambda db, reason: wl.remove_visit(db, ident, reason=reason),
                  "excuse": lambda db, reason: wl.remove_excuse(db, ident, reason=reason),
                  "note": lambda db, reason: wl.remove_note(db, ident, reason=reason),
                  "step": lambda db, reason: wl.remove_step(db, ident, reason=reason)}.get(kind)
        if action is None:
            return
        text = self.tr("It stays in the history, marked removed with the reason, and no longer counts.")
        self._after(ReasonDialog(self.db, text, action, parent=self, ops=self.ops))

    def add_note(self) -> None:
        self._after(NoteDialog(self.db, self.person_id, program_id=self.program_combo.currentData(), today=self.today,
                               parent=self, ops=self.ops))

    def add_stage(self) -> None:
        chosen = self._selected()
        if chosen and chosen[0] == "step":
            row = self._row("step", chosen[1])
            if row and row["step"] == "usul_pencabutan":
                self._after(StageDialog(self.db, chosen[1], today=self.today, parent=self, ops=self.ops))
            else:
                self.error.setText(self.tr("Stages belong to a proposal to revoke."))

    def edit_schedule(self) -> None:
        if self.program_combo.currentData() is not None:
            self._after(ScheduleDialog(self.db, self.program_combo.currentData(), parent=self, ops=self.ops))

    def add_excuse(self) -> None:
        if self.program_combo.currentData() is not None:
            self._after(ExcuseDialog(self.db, self.program_combo.currentData(), today=self.today, parent=self,
                                     ops=self.ops))

    def confirm_step(self) -> None:
        if self.program_combo.currentData() is not None:
            self._after(StepDialog(self.db, self.program_combo.currentData(), today=self.today, parent=self,
                                   ops=self.ops))

    def choose_photo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a photo"), "",
                                                    self.tr("Pictures (*.jpg *.jpeg *.png *.bmp)"))
        if path:
            self.set_photo_from(path)

    def set_photo_from(self, path: str) -> None:
        try:
            jpeg = photos.jpeg_from_file(path)
            person_id = self.person_id
            self.ops.call(lambda db: wl.set_photo(db, person_id, jpeg))
        except RekamError as err:
            self.error.setText(err.message)
            return
        self.error.clear()
        self.reload()

    def remove_photo(self) -> None:
        from app.ui.widgets import confirm

        if not confirm(self, self.tr("Remove the photo"), self.tr("Remove this person's photo?"),
                       yes=self.tr("Remove"), no=self.tr("Cancel"), destructive=True):
            return
        try:
            person_id = self.person_id
            self.ops.call(lambda db: wl.remove_photo(db, person_id))
        except RekamError as err:
            self.error.setText(err.message)
            return
        self.reload()
