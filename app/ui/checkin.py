"""The check-in box (wajib lapor) above the main window's table, and "Mode lapor".

One box, always one keystroke away (F4): a USB scanner types the register number from
the card and presses Enter, or the officer types a name and picks from the matches.  One
action records the visit (kind of contact, who received it, working or not); the panel
shows at once who it was (photo, name, program, PK, periods reported and missed, letters)
so a wrong person is noticed.  A refusal is one red line and the box is ready for the next
scan; "sudah lapor 3 November" is a yellow line and Enter confirms the extra contact.  A
date in the past is marked "entri susulan".  Mode lapor (Shift+F4) keeps the focus in the
box, so a scan never lands in another field, and lists the day's check-ins.

Writes go through ``window.ops`` (queued behind a long write, the line says what it waits
for); the panel follows every change through ``window.changes_applied``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.dates import format_date
from app.models.errors import RekamError
from app.ui.lapor_labels import VISIT_KINDS, WORKING, step_label, visit_kind_label, working_label
from app.ui.widgets import DateField

OK_STYLE = "color: #1b5e20; background: #e8f5e9; padding: 4px; border-radius: 3px;"
ERROR_STYLE = "color: #b00020; background: #fdecea; padding: 4px; border-radius: 3px;"
ASK_STYLE = "color: #6d4c00; background: #fff3cd; padding: 4px; border-radius: 3px;"
WAIT_STYLE = "color: #333; background: #eeeeee; padding: 4px; border-radius: 3px;"


class CheckinPanel(QFrame):
    """Emits ``open_timeline(person_id)`` and ``confirm_step(program_id)`` for the window to open its dialogs."""

    open_timeline = Signal(int)
    confirm_step = Signal(int)
    record_excuse = Signal(int)
    mode_changed = Signal(bool)

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.window = window
        self.setObjectName("checkin_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        from PySide6.QtWidgets import QSizePolicy

        # Never taller than what it shows: the table below keeps the rest of the window.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.mode = False
        self._pending: dict[str, Any] | None = None      # the check-in waiting in the write queue
        self._extra: dict[str, Any] | None = None        # the extra contact Enter would confirm
        self._shown: dict[str, Any] | None = None        # the person on the card
        self._build()
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(250)
        self._wait_timer.timeout.connect(self._show_waiting)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._search)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 4)
        outer.setSpacing(3)
        row = QHBoxLayout()
        title = QLabel(self.tr("Wajib lapor:"))
        title.setStyleSheet("font-weight: bold;")
        row.addWidget(title)
        self.box = QLineEdit()
        self.box.setObjectName("checkin_edit")
        self.box.setPlaceholderText(self.tr("Scan or type the register number, or a name (F4)"))
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumWidth(300)
        self.box.returnPressed.connect(self.submit)
        self.box.textEdited.connect(self._on_edited)
        self.box.installEventFilter(self)
        row.addWidget(self.box, 2)
        self.date_field = DateField(object_name="checkin_date")
        self.date_field.edit.setMaximumWidth(100)
        self.date_field.hint.hide()
        self.date_field.changed.connect(self._on_date_changed)
        row.addWidget(self.date_field)
        self.backdated_label = QLabel(self.tr("entri susulan"))
        self.backdated_label.setObjectName("checkin_backdated")
        self.backdated_label.setStyleSheet("color: #6d4c00; background: #fff3cd; padding: 1px 4px;")
        self.backdated_label.hide()
        row.addWidget(self.backdated_label)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("checkin_kind")
        for code in VISIT_KINDS:
            self.kind_combo.addItem(visit_kind_label(code), code)
        row.addWidget(self.kind_combo)
        self.officer_combo = QComboBox()
        self.officer_combo.setObjectName("checkin_officer")
        self.officer_combo.setToolTip(self.tr("Who received the client (the supervising PK unless chosen)"))
        row.addWidget(self.officer_combo)
        self.working_combo = QComboBox()
        self.working_combo.setObjectName("checkin_working")
        for code in WORKING:
            self.working_combo.addItem(working_label(code), code)
        self.working_combo.setCurrentIndex(self.working_combo.findData("unknown"))
        row.addWidget(self.working_combo)
        self.mode_button = QPushButton(self.tr("Mode lapor"))
        self.mode_button.setObjectName("mode_button")
        self.mode_button.setCheckable(True)
        self.mode_button.setToolTip(self.tr("Keep the focus in the check-in box, for a scanner at the counter "
                                            "(Shift+F4)"))
        self.mode_button.toggled.connect(self.set_mode)
        row.addWidget(self.mode_button)
        outer.addLayout(row)

        self.message = QLabel()
        self.message.setObjectName("checkin_message")
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        self.matches = QListWidget()
        self.matches.setObjectName("checkin_matches")
        self.matches.setMaximumHeight(130)
        self.matches.itemActivated.connect(self._on_match_chosen)
        self.matches.hide()
        outer.addWidget(self.matches)

        self.card = QFrame()
        self.card.setObjectName("checkin_card")
        self.card.setStyleSheet("#checkin_card { background: #fafafa; border: 1px solid #ddd; }")
        card = QHBoxLayout(self.card)
        card.setContentsMargins(6, 4, 6, 4)
        self.photo = QLabel()
        self.photo.setObjectName("checkin_photo")
        self.photo.setFixedSize(72, 96)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("background: #e0e0e0; color: #777;")
        card.addWidget(self.photo)
        self.info = QLabel()
        self.info.setObjectName("checkin_info")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        card.addWidget(self.info, 1)
        buttons = QVBoxLayout()
        self.step_button = QPushButton()
        self.step_button.setObjectName("checkin_step")
        self.step_button.setStyleSheet("color: #b00020; font-weight: bold;")
        self.step_button.clicked.connect(lambda: self._shown and self.confirm_step.emit(self._shown["program_id"]))
        self.excuse_button = QPushButton(self.tr("Excused absence…"))
        self.excuse_button.setObjectName("checkin_excuse")
        self.excuse_button.clicked.connect(lambda: self._shown and self.record_excuse.emit(self._shown["program_id"]))
        self.timeline_button = QPushButton(self.tr("Timeline and notes…"))
        self.timeline_button.setObjectName("checkin_timeline")
        self.timeline_button.clicked.connect(lambda: self._shown and self.open_timeline.emit(self._shown["person_id"]))
        for b in (self.step_button, self.excuse_button, self.timeline_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        card.addLayout(buttons)
        self.card.hide()
        outer.addWidget(self.card)

        self.log = QListWidget()
        self.log.setObjectName("checkin_log")
        self.log.setMaximumHeight(96)
        self.log.hide()
        self.log_title = QLabel(self.tr("Checked in today"))
        self.log_title.setStyleSheet("font-weight: bold;")
        self.log_title.hide()
        outer.addWidget(self.log_title)
        outer.addWidget(self.log)

    def reload(self) -> None:
        """Officers and today's date (another file, the officers changed)."""
        current = self.officer_combo.currentData()
        self.officer_combo.blockSignals(True)
        self.officer_combo.clear()
        self.officer_combo.addItem(self.tr("Supervising PK"), None)
        for o in self.window.queries.officers(active_only=True, with_caseload=False):
            self.officer_combo.addItem(o["name"], o["id"])
        self.officer_combo.setCurrentIndex(max(0, self.officer_combo.findData(current)))
        self.officer_combo.blockSignals(False)
        if not self.date_field.edit.text():
            self.date_field.set_value(self.window.today())
        self.setEnabled(not self.window.ops.readonly)

    # -- keys and focus ------------------------------------------------------------------------
    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def set_mode(self, on: bool) -> None:
        """Mode lapor: the focus stays in the box and the day's check-ins are listed."""
        self.mode = on
        if self.mode_button.isChecked() != on:
            self.mode_button.setChecked(on)
        self.log.setVisible(on)
        self.log_title.setVisible(on)
        self.mode_button.setStyleSheet("background: #1565c0; color: white; font-weight: bold;" if on else "")
        if on:
            self.focus_box()
        self.mode_changed.emit(on)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Only this window's own widgets give the focus back; a dialog opened from the panel keeps it.
        if (self.mode and new is not None and new.window() is self.window and not self.isAncestorOf(new)
                and new is not self):
            QTimer.singleShot(0, self.focus_box)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.box and event.type() == QEvent.Type.KeyPress and self.matches.isVisible():
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.matches.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.matches.setCurrentRow(max(0, min(self.matches.count() - 1, row)))
                return True
            if key == Qt.Key.Key_Escape:
                self.matches.hide()
                return True
        return False

    def _on_edited(self, text: str) -> None:
        self._extra = None
        if self.message.styleSheet() == ASK_STYLE:
            self.message.hide()
        # A name (no digit) shows the matches as it is typed; a scan ends with Enter before this fires.
        if text.strip() and not any(ch.isdigit() for ch in text) and len(text.strip()) >= 3:
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self.matches.hide()

    def _on_date_changed(self) -> None:
        try:
            day = self.date_field.value()
        except RekamError:
            day = None
        self.backdated_label.setVisible(day is not None and day < self.window.today())

    # -- check-in ----------------------------------------------------------------------------------
    def submit(self) -> None:
        """Enter in the box: confirm the extra contact, pick the match, or record the scanned number."""
        self._search_timer.stop()
        text = " ".join(self.box.text().split())
        if self._pending is not None:
            return  # one at a time: the one before is still being saved
        if self._extra is not None and text == self._extra["text"]:
            self._record(self._extra["text"], program_id=self._extra.get("program_id"), confirm_extra=True)
            return
        if self.matches.isVisible() and self.matches.currentItem() is not None:
            self._on_match_chosen(self.matches.currentItem())
            return
        if not text:
            return
        if any(ch.isdigit() for ch in text):
            self._record(text)
        else:
            self._search(show_empty=True)

    def _search(self, show_empty: bool = False) -> None:
        text = " ".join(self.box.text().split())
        found = self.window.queries.checkin_matches(text, self.window.today())
        self.matches.clear()
        for m in found:
            state = "" if m["active"] else "  — " + self.tr("not running")
            item = QListWidgetItem(f"{m['name']}  ·  {m['kind_code']} {m['register_number'] or ''}  ·  "
                                   f"{m['officer_name'] or self.tr('no PK')}{state}")
            item.setData(Qt.ItemDataRole.UserRole, m["program_id"])
            self.matches.addItem(item)
        self.matches.setVisible(bool(found))
        if found:
            self.matches.setCurrentRow(0)
        elif show_empty:
            self._say(self.tr("Nobody found for “%1”.").replace("%1", text), ERROR_STYLE)

    def _on_match_chosen(self, item: QListWidgetItem) -> None:
        program_id = item.data(Qt.ItemDataRole.UserRole)
        self.matches.hide()
        self._record(self.box.text(), program_id=program_id)

    def _values(self) -> dict[str, Any] | None:
        try:
            day = self.date_field.value(field="visit.day") or self.window.today()
        except RekamError as err:
            self._say(err.message, ERROR_STYLE)
            return None
        return {"day": day, "kind": self.kind_combo.currentData(), "officer_id": self.officer_combo.currentData(),
                "working": self.working_combo.currentData()}

    def _record(self, text: str, *, program_id: int | None = None, confirm_extra: bool = False) -> None:
        values = self._values()
        if values is None:
            return
        today = self.window.today()
        register = None if program_id is not None else text
        self._pending = {"text": text, "program_id": program_id, "started": datetime.now()}

        def write(db):
            from app.operations import wajib_lapor as wl  # loaded at the first check-in, not at start-up

            return wl.check_in(db, register, program_id=program_id, confirm_extra=confirm_extra, today=today,
                               **values)

        self._extra = None
        self.window.ops.submit(write, label=self.tr("check-in"), on_done=self._done, on_error=self._failed)
        if self._pending is not None:
            self._show_waiting()
            self._wait_timer.start()

    def _show_waiting(self) -> None:
        waiting = self.window.ops.waiting_text()
        if self._pending is not None and waiting:
            self._say(waiting + "…", WAIT_STYLE)

    def _done(self, result) -> None:
        self._wait_timer.stop()
        self._pending = None
        info = result.info
        flags = [self.tr("entri susulan") if info["backdated"] else "",
                 self.tr("extra contact") if info["extra"] else "",
                 self.tr("late: the period before stays missed") if info["late"] else ""]
        text = self.tr("Recorded: %1 — %2").replace("%1", info["name"]).replace("%2", format_date(info["date"]))
        extra = ", ".join(f for f in flags if f)
        self._say(text + (f" ({extra})" if extra else ""), OK_STYLE)
        self.show_program(info["program_id"], info["person_id"])
        stamp = datetime.now().strftime("%H:%M")
        self.log.insertItem(0, f"{stamp}  {info['name']}  ·  {info['register_number'] or ''}  ·  "
                               f"{visit_kind_label(self.kind_combo.currentData())}"
                               + (f"  ·  {extra}" if extra else ""))
        self.box.clear()
        self.box.setFocus()

    def _failed(self, err: RekamError) -> None:
        self._wait_timer.stop()
        pending, self._pending = self._pending or {}, None
        from app.operations.wajib_lapor import ExtraContact

        if isinstance(err, ExtraContact):
            self._extra = {"text": pending.get("text", ""), "program_id": pending.get("program_id")}
            self._say(err.message, ASK_STYLE)
            self.box.setText(self._extra["text"])
            self.box.selectAll()
            self._show_for(pending)
            return
        if err.code == "unknown_register":
            found = self.window.queries.checkin_matches(pending.get("text", ""), self.window.today())
            if found:  # a NIK or a name with digits: offer the matches
                self._search()
                self._say(self.tr("Not a register number: choose the person below."), ASK_STYLE)
                return
        self._say(err.message, ERROR_STYLE)
        self._show_for(pending)
        self.box.clear()  # ready for the next scan
        self.box.setFocus()

    def _show_for(self, pending: dict[str, Any]) -> None:
        """After a refusal or a question: the card of the person the scan named, when one is known."""
        program_id = pending.get("program_id")
        if program_id is None and pending.get("text"):
            exact = [m for m in self.window.queries.checkin_matches(pending["text"], self.window.today())
                     if (m["register_number"] or "").casefold() == pending["text"].strip().casefold()]
            program_id = exact[0]["program_id"] if exact else None
        if program_id is None:
            self.card.hide()
            return
        program = self.window.queries.program(program_id)
        if program is not None:
            self.show_program(program_id, program["person_id"])

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.show()

    # -- the card ----------------------------------------------------------------------------------
    def show_program(self, program_id: int, person_id: int) -> None:
        """Who it was: photo, name, program, PK, periods reported and missed, letters, a step to confirm."""
        q = self.window.queries
        today = self.window.today()
        person = q.person(person_id)
        summary = q.reporting_summary(program_id, today)
        if person is None or summary is None:
            self.card.hide()
            return
        self._shown = {"program_id": program_id, "person_id": person_id}
        from app.ui import photos  # (the card's photo: QImage's readers load on the first one)

        picture = photos.pixmap(q.photo(person_id), 72, 96)
        if picture is None:
            self.photo.setPixmap(QPixmapNone())
            self.photo.setText(self.tr("no photo"))
        else:
            self.photo.setText("")
            self.photo.setPixmap(picture)
        p = summary["program"]
        counts = summary["counts"]
        rate = summary["attendance"]
        lines = [f"<b style='font-size:13pt'>{_e(person['name'])}</b>"
                 + (f" <i>als. {_e(person['alias'])}</i>" if person["alias"] else ""),
                 f"{_e(p['kind_code'])} {_e(p['register_number'] or '')} · {self.tr('PK')}: "
                 f"{_e(p['officer_name'] or self.tr('none'))}"]
        # The same numbers as the attendance rate: periods that are over; the current one is said apart.
        periods = (self.tr("Periods: %1 of %2 reported, %3 missed, %4 excused")
                   .replace("%1", str(rate.reported)).replace("%2", str(rate.due))
                   .replace("%3", str(rate.missed)).replace("%4", str(counts["excused"])))
        if rate.rate is not None:
            periods += f" ({round(100 * rate.rate)}%)"
        current = summary["current"]
        if current is not None:
            periods += " · " + (self.tr("this period: reported") if current["state"] == "reported"
                                else self.tr("this period: excused") if current["state"] == "excused"
                                else self.tr("this period: not yet"))
        lines.append(periods)
        if summary["misses"]:
            lines.append("<span style='color:#b00020'>" + self.tr("%1 missed in a row").replace(
                "%1", str(summary["misses"])) + "</span>")
        letters = summary["letters"]
        if letters:
            lines.append(self.tr("Letters: %1").replace("%1", "; ".join(
                f"{_e(step_label(s['step']))} {_e(s['letter_number'])} "
                f"({_e(format_date(date.fromisoformat(s['letter_date'])))})"
                for s in letters[-3:])))
        if summary["last_visit"]:
            last = summary["last_visit"]
            lines.append(self.tr("Last visit: %1").replace("%1", format_date(date.fromisoformat(last["report_date"]))))
        self.info.setText("<br>".join(lines))
        pending = summary["pending"]
        self.step_button.setVisible(pending is not None)
        if pending is not None:
            self.step_button.setText(self.tr("Confirm: %1…").replace("%1", step_label(pending.key)))
        self.card.show()

    def on_changes(self, changes) -> None:
        """A write finished somewhere: the card follows (a correction, a step confirmed, another file)."""
        if self._pending is not None:
            return  # our own check-in: _done shows the card
        if changes.everything or changes.officers:
            self.reload()
        if self._shown is not None and (changes.everything or changes.reporting or changes.lists
                                        or self._shown["person_id"] in changes.persons):
            self.show_program(self._shown["program_id"], self._shown["person_id"])


def QPixmapNone():  # noqa: N802 - reads like the class it stands for
    from PySide6.QtGui import QPixmap

    return QPixmap()


def _e(value: object) -> str:
    import html

    return html.escape(str(value)) if value not in (None, "") else "–"
