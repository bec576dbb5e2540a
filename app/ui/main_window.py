"""The main window an officer opens every morning.

Left: the groups (by program, PK, offence, status, adult/child, due lists) with
live counts.  Middle: the persons of the selected groups, sortable, with a search
box.  Right: the selected person's details with actions.  Every change goes
through app.operations; its OpChanges tell the views what to refresh.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QMenu, QPushButton, QSplitter, QStackedWidget,
    QToolButton, QVBoxLayout, QWidget,
)

from app import APP_NAME
from app.models.errors import RekamError
from app.models.queries import Filter, Queries
from app.models.storage import Database
from app.operations import OpChanges
from app.operations.settings import office, preferences
from app.ui.details import DetailsPanel
from app.ui.idle_watch import IdleWatcher
from app.ui.ops import InlineOps, Ops, WriteWorker
from app.ui.labels import age_label, due_label, status_label
from app.ui import workstation
from app.ui.person_table import PersonTable
from app.ui.sidebar import CountWorker, GroupCounts, Sidebar, SidebarPanel
from app.ui.table_model import PersonTableModel

# The entry form and the other dialogs are imported when first opened: the window
# itself should open as fast as a bare Qt window (bench/bench_window.py).
NEW, EDIT_PERSON, EDIT_CASE, ADD_CASE, EDIT_PROGRAM, ADD_PROGRAM = (
    "new", "edit_person", "edit_case", "add_case", "edit_program", "add_program")


def confirm(*args, **kwargs) -> bool:
    from app.ui.widgets import confirm as ask
    return ask(*args, **kwargs)


def inform(*args, **kwargs) -> None:
    from app.ui.widgets import inform as tell
    tell(*args, **kwargs)


def show_error(*args, **kwargs) -> None:
    from app.ui.widgets import show_error as show
    show(*args, **kwargs)


SPLITTER_KEY = "window/splitter"  # (app/ui/workstation.py) the three panels' widths


class MainWindow(QMainWindow):
    # (generation, (filter, unit kind, today)) for the count worker
    counts_requested = Signal(int, object)
    # Every OpChanges once the window's own views have followed it, for the other views
    # (check-in panel, dashboard, open lists) to decide whether they refresh.
    changes_applied = Signal(object)
    # The sidebar shows the numbers of the latest request.
    counts_shown = Signal()

    def __init__(self, session, *, today: date | None = None):
        super().__init__()
        self.setObjectName("main_window")
        self.session = session
        self.fixed_today = today
        self.filter = Filter()
        self._hidden_windows: list[QWidget] = []
        self._generation = self._shown_generation = 0
        # For the count worker: a mark of the data (any change but a visit moves it), visits since.
        self._epoch, self._changed_persons, self._reuse_counts = 0, set(), None
        self.last_counts: GroupCounts | None = None
        self._count_thread: QThread | None = None
        self._painted = False
        self._closed = False
        self._build()
        # The status line is on screen in every state of the window (empty or not).  (A view's
        # viewport() would do too, but its first call costs PySide ~40 ms of start-up.)
        self.status_label.installEventFilter(self)
        self._reader: Database | None = None
        self.ops: Ops | None = None
        self.bind_session()
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        self._idle_watcher = IdleWatcher(self.idle_timer, self)
        self._restart_idle_timer()

    # -- properties ----------------------------------------------------------------------
    @property
    def db(self) -> Database:
        """The window's reading connection (writes go through ``self.ops``, on the writer's own)."""
        return self._reader

    def today(self) -> date:
        return self.fixed_today or date.today()

    def unit_kind(self) -> str:
        return office(self.db).get("unit_kind") or "bapas"

    # -- building the window -------------------------------------------------------------
    def _build(self) -> None:
        self.resize(1280, 760)
        self._build_actions()
        self.sidebar = Sidebar()
        self.sidebar.group_clicked.connect(self.on_group_clicked)
        self.sidebar_panel = SidebarPanel(self.sidebar)
        self.sidebar_panel.setMinimumWidth(170)
        self.sidebar_panel.include_ended_changed.connect(self.on_include_ended)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(self.tr("Search name, alias, NIK or register number (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)
        self.search_edit.textChanged.connect(self.on_search_changed)
        self.search_edit.setToolTip(self.tr("Find a person by part of the name, alias, NIK or register number; "
                                            "Esc clears the search"))
        self.search_edit.installEventFilter(self)

        self.filter_bar = QWidget()
        self.filter_bar.setObjectName("filter_bar")
        self.filter_layout = QHBoxLayout(self.filter_bar)
        self.filter_layout.setContentsMargins(4, 2, 4, 2)

        self.table = PersonTable()
        self.table.doubleClicked.connect(lambda _i: self.edit_person())
        self.table.installEventFilter(self)

        self.empty_page = self._build_empty_page()
        self.no_match = QLabel()
        self.no_match.setObjectName("no_match")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.no_match)

        self.saved_notice = QWidget()
        self.saved_notice.setObjectName("saved_notice")
        self.saved_notice.setStyleSheet("#saved_notice { background: #e7f1ff; border: 1px solid #9ec5fe; }")
        notice = QHBoxLayout(self.saved_notice)
        notice.setContentsMargins(8, 4, 8, 4)
        self.saved_notice_label = QLabel()
        self.saved_notice_label.setObjectName("saved_notice_label")
        self.saved_notice_label.setWordWrap(True)
        show = QPushButton(self.tr("Show them"))
        show.setObjectName("saved_notice_show")
        show.clicked.connect(self.show_hidden_saved)
        notice.addWidget(self.saved_notice_label, 1)
        notice.addWidget(show)
        self.saved_notice.hide()

        middle = QWidget()
        mv = QVBoxLayout(middle)
        mv.setContentsMargins(0, 0, 0, 0)
        mv.addWidget(self.filter_bar)
        mv.addWidget(self.saved_notice)
        mv.addWidget(self.stack, 1)

        self.details = DetailsPanel()
        self.details.action.connect(self.on_detail_action)
        self.details.setMinimumWidth(200)

        self.splitter = QSplitter()
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.sidebar_panel)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setChildrenCollapsible(False)
        # The officer's own widths come back at the next start (issue 9); the first start
        # leaves the table most of the room (the details need ~320 px, not 390).
        sizes = workstation.get_ints(SPLITTER_KEY)
        self._splitter_remembered = len(sizes) == 3 and all(sizes)
        self.splitter.setSizes(sizes if self._splitter_remembered else [260, 796, 300])
        self.splitter.splitterMoved.connect(self._remember_splitter)

        self.demo_banner = self._banner("demo_banner", "#fff3cd", "#7a5b00")
        self.demo_banner.setTextFormat(Qt.TextFormat.RichText)
        self.demo_banner.linkActivated.connect(self._on_banner_link)
        self.readonly_banner = self._banner("readonly_banner", "#f8d7da", "#842029")
        content = QWidget()
        cv = QVBoxLayout(content)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(0)
        cv.addWidget(self.demo_banner)
        cv.addWidget(self.readonly_banner)
        # -- wajib lapor (issue 10): the check-in box above the table, F4 / Shift+F4 ---------------
        from app.ui.lapor_window import build_checkin
        cv.addWidget(build_checkin(self))
        cv.addWidget(self.splitter, 1)

        self.lock_screen: QWidget | None = None  # made when the window first locks
        self.pages = QStackedWidget()
        self.pages.addWidget(content)
        self.setCentralWidget(self.pages)
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.statusBar().addWidget(self.status_label, 1)

    def _banner(self, name: str, background: str, colour: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(f"background:{background}; color:{colour}; padding:6px; font-weight:bold;")
        label.hide()
        return label

    def _build_empty_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("empty_page")
        v = QVBoxLayout(page)
        v.addStretch(1)
        from app.ui.widgets import heading
        title = heading(self.tr("No clients recorded yet"), 1.5)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(title)
        text = QLabel(self.tr(
            "Enter each client or inmate once: identity, case and program on one form. They are then "
            "grouped automatically by program, officer, offence and status.\n\n"
            "Start by adding your officers (PK) under Officers, then add the first client. "
            "To look around first, open the demo: it makes a separate file with made-up data."))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # At most 560 px wide, narrower on a small or scaled screen (the window must fit 1366×768 at 150 %).
        text.setMinimumWidth(260)
        text.setMaximumWidth(560)
        line = QHBoxLayout()
        line.addStretch(1)
        line.addWidget(text, 10)
        line.addStretch(1)
        v.addLayout(line)
        row = QHBoxLayout()
        row.addStretch(1)
        for name, label, slot in (("empty_add_client", self.tr("Add a client"), self.add_client),
                                  ("empty_officers", self.tr("Add officers (PK)"), self.manage_officers),
                                  ("empty_demo", self.tr("Open the demo"), self.open_demo)):
            button = QPushButton(label)
            button.setObjectName(name)
            button.setMinimumHeight(34)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        v.addLayout(row)
        v.addStretch(2)
        return page

    def _build_actions(self) -> None:
        from app.ui.main_actions import build_actions  # (the table of actions, menus and toolbar)
        build_actions(self)
        # --- printing (issue 11): the Print menu (app/ui/print_menu.py), before Help ---
        from app.ui.print_menu import install_print_menu
        install_print_menu(self, before=self.menuBar().findChild(QMenu, "help_menu").menuAction())
        # --- end printing ---

    def _action(self, name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        """One more action of this window (the Print and Wajib lapor menus add theirs)."""
        from app.ui.main_actions import make_action
        return make_action(self, name, text, slot, shortcut, tip)

    def refresh(self) -> None:
        """Lihat › Muat ulang: every view reads again."""
        self.apply_changes(OpChanges(everything=True))

    # -- the database ----------------------------------------------------------------------
    def bind_session(self) -> None:
        """(Re)connect every view to the session's database: a reader here, the writer in its worker."""
        self.release_session()
        session = self.session
        self._reader = session.reader()
        if session.db.readonly:
            # Nothing can be written; refusals come at once, with the read-only message.
            self.ops = InlineOps(session.db, self)
        else:
            self.ops = WriteWorker(session.db, self)
        self.ops.changed.connect(self.apply_changes)
        self.ops.busy.connect(self.on_busy)
        self._start_counting()
        self.queries = Queries(self.db)
        self.model = PersonTableModel(self.queries, self)
        self.model.today = self.today()
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.on_row_changed(cur.row()))
        if not self.search_holder.findChild(QLineEdit, "search_edit"):
            self.search_holder.addWidget(self.search_edit)
        self.filter = Filter()
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.details.readonly = self.session.db.readonly
        self.sidebar_panel.ended_check.blockSignals(True)
        self.sidebar_panel.ended_check.setChecked(False)
        self.sidebar_panel.ended_check.blockSignals(False)
        if self.table.due_shown:
            self.table.show_due_column(False)
        self.apply_changes(OpChanges(everything=True))
        # -- wajib lapor (issue 10) -------------------------------------------------------------------
        from app.ui.lapor_window import bind as bind_lapor
        bind_lapor(self)
        self.table.setup_columns()
        # Written once the window is on screen: the first paint does not wait for the disk.
        path, demo = session.path, session.is_demo
        QTimer.singleShot(0, lambda: workstation.remember_file(path, demo=demo))

    def release_session(self) -> None:
        """Close this window's connections to the file (before it is replaced or another opened): the
        queued writes finish first; the session keeps the writer, which it closes itself."""
        self.stop_counting()
        if isinstance(self.ops, WriteWorker):
            self.ops.wait_idle()
            self.ops.stop()
        if self.ops is not None:
            self.ops.changed.disconnect(self.apply_changes)
            self.ops.busy.disconnect(self.on_busy)
            self.ops.deleteLater()
            self.ops = None
        if self._reader is not None:
            self._reader.close()
        self._reader = None

    def switch_to(self, path) -> None:
        """Open another database file (the demo, the real data) in this window."""
        from app.lockfile import DatabaseLock

        password = None
        if not self.session.password_opens(path):
            from app.ui.password_dialogs import LoginDialog
            try:
                probe = self.session.peek(path)
            except RekamError as err:
                show_error(self, err)
                return
            try:
                dialog = LoginDialog(probe, APP_NAME, self, switching=True)
                if not dialog.exec():
                    return
                password = dialog.password()
            finally:
                probe.close()
        self.release_session()
        try:
            self.session.switch(path, password, lock_factory=DatabaseLock)
        except RekamError as err:
            show_error(self, err)
        self.bind_session()

    def restore_from(self, source, backup_password: str | None):
        """Replace the open database by a backup (app.operations.session); the window follows.
        Returns the RestoreInfo, or None when it was refused (the message is shown)."""
        self.release_session()
        try:
            info = self.session.restore(source, backup_password)
        except RekamError as err:
            show_error(self, err, self.tr("Restore failed"))
            info = None
        if self.session.needs_password:
            # The restored file keeps the password of the day it was backed up.
            from app.ui.password_dialogs import LoginDialog
            dialog = LoginDialog(self.session.db, APP_NAME, self)
            if not dialog.exec():
                self.close()
                return info
            self.session.password = dialog.password()
            self.session.needs_password = False
        self.bind_session()
        return info

    def on_busy(self, label: str, percent: int) -> None:
        """A long write is under way: say so in the status line (short writes wait behind it)."""
        if not label:
            self.statusBar().clearMessage()
            return
        text = self.tr("%1 — %2%").replace("%1", label).replace("%2", str(max(percent, 0)))
        self.statusBar().showMessage(text)

    def update_title(self) -> None:
        unit = office(self.db).get("unit_name") or ""
        parts = [APP_NAME]
        if unit:
            parts.append(unit)
        parts.append(self.db.path.name)
        if self.session.is_demo:
            parts.append(self.tr("DATA DEMO"))
        if self.session.db.readonly:
            parts.append(self.tr("read-only"))
        self.setWindowTitle(" — ".join(parts))
        self.demo_banner.setText(self.tr("DATA DEMO — made-up data in a separate file, not your unit's records. "
                                         "<a href=\"real\">Back to the real data</a> (File menu)."))
        self.demo_banner.setVisible(self.session.is_demo)
        self.readonly_banner.setText(self.session.readonly_reason or self.tr(
            "Read-only: this file's folder cannot be written. You can look and search; changes are not possible."))
        self.readonly_banner.setVisible(self.session.db.readonly)
        writable = not self.session.db.readonly
        for act in (self.act_add, self.act_edit, self.act_add_case, self.act_delete, self.act_officers,
                    self.act_office, self.act_prefs, self.act_password, self.act_restore,
                    self.act_import, self.act_capacity):  # (the last two: issue 12)
            act.setEnabled(writable)
        self.act_main_db.setVisible(self.session.is_demo)
        self.act_demo.setVisible(not self.session.is_demo)

    # -- changes are announced, not polled ---------------------------------------------------
    def apply_changes(self, changes: OpChanges, select_person: int | None = None) -> None:
        """The one place an operation's OpChanges reaches the views (broadcast by ``self.ops``)."""
        if not changes.any:
            return
        current = select_person or self.current_person_id()
        if changes.reporting and not (changes.everything or changes.lists or changes.officers or changes.settings):
            self._changed_persons |= changes.persons  # a visit: only these persons' flags are counted again
        else:  # the count worker counts every flag again
            self._epoch += 1
        if changes.everything or changes.settings:
            # The writer changed them on its own connection: this one's cached copy is stale.
            self.db.invalidate_settings()
            self.update_title()
        self.model.today = self.today()
        if changes.everything or changes.lists or changes.officers:
            self._reuse_counts = None
            self.model.reload()
            self.refresh_sidebar()
        elif changes.persons:
            self.model.refresh_rows(changes.persons)
        if changes.reporting and not (changes.everything or changes.lists or changes.officers):
            # wajib lapor (issue 10): a visit changes the "Perlu perhatian" counts, not the table's rows
            # (a group of it that is chosen is reselected, so its rows follow too).
            if self.filter.value("attention") is not None:
                self.model.reload()
            last = self.last_counts
            if (last is not None and not self.counts_pending() and getattr(last, "request", None)
                    == (self.filter, self.unit_kind(), self.today())):
                self._reuse_counts = last
            self.refresh_sidebar()
        if changes.everything or changes.officers or changes.lists:
            self._bar_groups = None  # a chip names a PK or a program: it may have been renamed
        self.update_filter_bar()
        self.update_stack()
        if current is not None:
            self.select_person(current)
        else:
            self.details.show_empty()
        self.changes_applied.emit(changes)

    def refresh_sidebar(self) -> None:
        """Ask the count worker for the groups' numbers under the current filter."""
        self._generation += 1
        self.sidebar.show_busy(True)
        if self._painted:
            self._request_counts()
        # else: counted right after the table's first paint (eventFilter), so opening the
        # window does not wait for the counts.

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape
                and watched in (self.search_edit, self.table) and self.search_edit.text()):
            self.clear_search()  # Esc clears the search, from the box or from the table
            return True
        if not self._painted and event.type() == QEvent.Type.Paint and watched is self.status_label:
            self._painted = True
            self.status_label.removeEventFilter(self)
            QTimer.singleShot(0, self._request_counts)
            # Watching every key and mouse event for the idle lock starts once the window is
            # up: a Python filter on all events would slow the first paint by tens of ms.
            QTimer.singleShot(0, self._watch_input)
        return False

    def _watch_input(self) -> None:
        if not self._closed:  # (a window closed before this ran must not leave its filter behind)
            QApplication.instance().installEventFilter(self._idle_watcher)

    def _request_counts(self) -> None:
        if self._count_thread is not None:
            self._count_worker.latest = self._generation
            # wajib lapor (issue 10): after a visit only "Perlu perhatian" changes; the other numbers are
            # reused when they were counted for this very filter and day and no other request is waiting.
            request = (self.filter, self.unit_kind(), self.today(), self._epoch, self._reuse_counts,
                       frozenset(self._changed_persons))
            self._reuse_counts, self._changed_persons = None, set()
            self.counts_requested.emit(self._generation, request)

    def _on_counts(self, generation: int, data: object) -> None:
        if generation != self._generation or self._reader is None:
            return  # an older request; a newer one is on its way
        self._shown_generation = generation
        self.sidebar.show_busy(False)
        if isinstance(data, GroupCounts):
            self.last_counts = data
            self.sidebar.render(data, self.filter, self.unit_kind())
        else:
            self.statusBar().showMessage(self.tr("The group counts could not be made: %1").replace("%1", str(data)),
                                         10000)
        self.counts_shown.emit()

    def counts_pending(self) -> bool:
        """True while the sidebar still shows the numbers of an older request."""
        return self._shown_generation != self._generation

    def count_now(self) -> None:
        """Ask for the counts now instead of after the first paint (a window never painted: screenshots)."""
        if not self._painted:
            self._painted = True
            self._request_counts()

    def update_stack(self) -> None:
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
        elif self.queries.is_empty() and not self.filter.groups and not self.filter.search:
            self.stack.setCurrentWidget(self.empty_page)
        else:
            if self.filter.search:
                self.no_match.setText(self.tr("Nobody matches “%1” in these groups.").replace("%1", self.filter.search))
            else:
                self.no_match.setText(self.tr("Nobody in this group."))
            self.stack.setCurrentWidget(self.no_match)
        shown = self.model.rowCount()
        if self.filter.search:
            text = self.tr("%1 persons match “%2”").replace("%1", _n(shown)).replace("%2", self.filter.search)
        else:
            text = self.tr("%1 persons").replace("%1", _n(shown))
        self.status_label.setText(text)

    def update_filter_bar(self) -> None:
        """ "Menampilkan:" and what is chosen: the groups as chips, the search, or "semua klien"."""
        groups = (self.filter.groups, self.filter.include_ended)
        if groups != getattr(self, "_bar_groups", None):
            self._bar_groups = groups
            while self.filter_layout.count():
                item = self.filter_layout.takeAt(0)
                if item.widget():
                    item.widget().deleteLater()
            self.filter_layout.addWidget(QLabel(self.tr("Showing:")))
            self._all_label = QLabel(self.tr("all clients"))
            self.filter_layout.addWidget(self._all_label)
            if self.filter.include_ended and self.filter.groups:
                ended = QLabel(self.tr("(including ended programs)"))
                ended.setObjectName("ended_label")
                self.filter_layout.addWidget(ended)
            for dimension, value in self.filter.groups:
                chip = QToolButton()
                chip.setObjectName(f"chip_{dimension}")
                chip.setText(self.group_label(dimension, value) + "  ✕")
                chip.setToolTip(self.tr("Remove this filter"))
                chip.clicked.connect(lambda _c=False, d=dimension: self.on_group_clicked(d, None))
                self.filter_layout.addWidget(chip)
            # A search is a filter too: the header says so, never "semua klien" (issue 9).  The
            # chip stays and only its text follows the typing (rebuilding per keystroke costs).
            self._search_chip = QToolButton()
            self._search_chip.setObjectName("chip_search")
            self._search_chip.setToolTip(self.tr("Clear the search (Esc)"))
            self._search_chip.clicked.connect(self.clear_search)
            self.filter_layout.addWidget(self._search_chip)
            self.filter_layout.addStretch(1)
        self._all_label.setVisible(not self.filter.groups and not self.filter.search)
        if self.filter.search:
            where = self.tr("in these groups") if self.filter.groups else self.tr("among all clients")
            self._search_chip.setText(self.tr("search “%1” %2").replace("%1", self.filter.search)
                                      .replace("%2", where) + "  ✕")
        self._search_chip.setVisible(bool(self.filter.search))

    def group_label(self, dimension: str, value) -> str:
        from app.models.queries import NONE
        if value == NONE:
            return {"kind": self.tr("No program"), "officer": self.tr("No officer assigned"),
                    "offence": self.tr("No category")}.get(dimension, "–")
        if dimension == "kind":
            return next((k["code"] for k in self.queries.program_kinds() if k["id"] == value), "?")
        if dimension == "officer":
            # (without the caseload: counting it over 100,000 programs took 100 ms per chip)
            return next((o["name"] for o in self.queries.officers(with_caseload=False) if o["id"] == value), "?")
        if dimension == "offence":
            return next((c["name"] for c in self.queries.offence_categories() if c["id"] == value), "?")
        if dimension == "status":
            return status_label(value)
        if dimension == "age":
            return age_label(value)
        if dimension == "due":
            return due_label(value)
        if dimension == "attention":  # wajib lapor (issue 10)
            from app.ui.lapor_labels import group_label
            return group_label(value)
        return str(value)

    # -- selection, groups and search ------------------------------------------------------------
    def on_group_clicked(self, dimension: str, value) -> None:
        self.saved_notice.hide()
        if dimension == "all":
            # "Semua klien" is everyone: no group and no search (issue 9).
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.filter = Filter(include_ended=self.filter.include_ended)
        elif value is None or self.filter.value(dimension) == value:
            self.filter = self.filter.without(dimension)
        else:
            self.filter = self.filter.with_group(dimension, value)
        self._follow_due_list()
        self.model.set_filter(self.filter)
        if (self.table.due_shown, self.table.due_repeats) != self._due_pending:
            self.table.show_due_column(*self._due_pending)
        self.refresh_sidebar()
        self.update_filter_bar()
        self.update_stack()
        self._select_first_or_keep()

    def on_include_ended(self, included: bool) -> None:
        """ "termasuk yang sudah berakhir": the program, PK and offence groups count ended programs too."""
        self.filter = replace(self.filter, include_ended=included)
        self.model.set_filter(self.filter)
        self.refresh_sidebar()
        self.update_filter_bar()
        self.update_stack()
        self._select_first_or_keep()

    def on_search_changed(self, text: str) -> None:
        self.filter = self.filter.with_search(text)
        self.model.set_filter(self.filter)
        self.update_filter_bar()
        self.update_stack()
        self._select_first_or_keep()

    def clear_search(self) -> None:
        if self.search_edit.text():
            self.search_edit.clear()

    def _follow_due_list(self) -> None:
        """A due list shows its date first, soonest first; leaving it goes back to the name order."""
        from app.models.queries import DUE_DATES, dated_group
        from app.ui.table_model import DUE_COLUMN

        due = dated_group(self.filter) in DUE_DATES
        header = self.table.horizontalHeader()
        if due:
            self.model.sort_key, self.model.descending = "due", False
            header.setSortIndicator(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
        elif self.model.sort_key == "due":
            self.model.sort_key, self.model.descending = "name", False
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        # (guidance ending soon: its date is the "Bimbingan sampai" column, not shown twice)
        self._due_pending = (due, "end" if due and DUE_DATES[dated_group(self.filter)][1] == "end_date" else None)

    def _select_first_or_keep(self) -> None:
        """After a group or search change: keep the person shown if they are near the top, else the first row.

        (Finding a person's row anywhere would cost a count over the selection: not worth a keystroke.)
        """
        pid = self.details.person_id
        row = self.model.cached_row_of(pid) if pid is not None else -1
        if row >= 0:
            self.select_person(pid, row=row)
        elif self.model.rowCount():
            self.table.selectRow(0)
            self.table.scrollToTop()
        else:
            self.details.show_empty()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def current_person_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.person_id(index.row()) if index.isValid() else self.details.person_id

    def select_person(self, person_id: int, *, row: int | None = None) -> None:
        row = self.model.row_of(person_id) if row is None else row
        if row >= 0:
            index = self.model.index(row, 0)
            moved = self.table.currentIndex().row() != row
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
            if not moved:  # (a move shows the details through on_row_changed)
                self.details.show_person(self.queries, person_id, self.today())
        else:
            self.details.show_empty()

    def show_saved(self, person_id: int | None) -> None:
        """After a save: the saved person is selected and shown, even when the groups hide them.

        An officer who saves a client while "ASIM" is chosen must not think the client was lost
        (issue 9): the details show them, and a notice offers to show them in the table.
        """
        self.saved_notice.hide()
        if person_id is None:
            return
        person = self.queries.person(person_id)
        if person is None:
            return
        name = person["name"]
        row = self.model.row_of(person_id)
        if row >= 0:
            self.select_person(person_id, row=row)
            self.statusBar().showMessage(self.tr("Saved: %1").replace("%1", name), 8000)
            return
        self.table.clearSelection()
        self.details.show_person(self.queries, person_id, self.today())
        self.saved_notice_label.setText(self.tr(
            "%1 was saved, but is not in the groups or search chosen now, so the table does not list them."
        ).replace("%1", name))
        self._saved_hidden = person_id
        self.saved_notice.show()

    def show_hidden_saved(self) -> None:
        """The notice's button: clear the groups and the search, and select the saved person."""
        pid = getattr(self, "_saved_hidden", None)
        self.saved_notice.hide()
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.filter = Filter(include_ended=self.filter.include_ended)
        self.model.set_filter(self.filter)
        self.refresh_sidebar()
        self.update_filter_bar()
        self.update_stack()
        if pid is not None:
            self.select_person(pid)

    def on_row_changed(self, row: int) -> None:
        pid = self.model.person_id(row)
        if pid is None:
            self.details.show_empty()
        else:
            self.details.show_person(self.queries, pid, self.today())

    # -- actions ---------------------------------------------------------------------------------
    def _form(self, mode: str, **ids) -> None:
        if self.session.db.readonly:
            return
        from app.ui.client_form import ClientForm
        form = ClientForm(self.db, mode, today=self.today(), parent=self, ops=self.ops, **ids)
        if form.exec() and form.result_op is not None:
            self.show_saved(form.saved_person_id())

    def add_client(self) -> None:
        self._form(NEW)

    def edit_person(self) -> None:
        pid = self.current_person_id()
        if pid is not None:
            self._form(EDIT_PERSON, person_id=pid)

    def add_case(self) -> None:
        pid = self.current_person_id()
        if pid is not None:
            self._form(ADD_CASE, person_id=pid)

    def on_detail_action(self, name: str, ident: int) -> None:
        pid = self.details.person_id
        handlers = {
            "edit_person": lambda: self._form(EDIT_PERSON, person_id=ident),
            "add_case": lambda: self._form(ADD_CASE, person_id=ident),
            "edit_case": lambda: self._form(EDIT_CASE, case_id=ident, person_id=pid),
            "add_program": lambda: self._form(ADD_PROGRAM, case_id=ident, person_id=pid),
            "edit_program": lambda: self._form(EDIT_PROGRAM, program_id=ident, person_id=pid),
            "status": lambda: self.change_status(ident),
            "dates": lambda: self.case_dates(ident),
            "history": self.show_history,
            "delete_person": self.delete_person,
            "delete_case": lambda: self._delete("case", ident),
            "delete_program": lambda: self._delete("program", ident),
        }
        handler = handlers.get(name)
        if handler:
            handler()
            return
        # -- wajib lapor (issue 10): the details' link to the timeline, notes and photo ------------
        from app.ui.lapor_window import detail_action
        detail_action(self, name, ident)

    def change_status(self, program_id: int) -> None:
        from app.ui.status_dialog import StatusDialog
        StatusDialog(self.db, program_id, today=self.today(), parent=self, ops=self.ops).exec()

    def case_dates(self, case_id: int) -> None:
        from app.ui.dates_dialog import CaseDatesDialog
        CaseDatesDialog(self.db, case_id, today=self.today(), parent=self, ops=self.ops).exec()

    def delete_person(self) -> None:
        pid = self.current_person_id()
        if pid is None or self.session.db.readonly:
            return
        person = self.queries.person(pid)
        # Name, NIK and register numbers: two Budi Santosos must not be confused (issue 9).
        registers = [p["register_number"] for p in self.queries.programs_of(pid) if p["register_number"]]
        who = person["name"]
        ident = person["nik"] and self.tr("NIK %1").replace("%1", person["nik"]) or (
            person["passport"] and self.tr("passport %1").replace("%1", person["passport"]) or "")
        details = [x for x in (ident, registers and self.tr("register no. %1").replace("%1", ", ".join(registers)))
                   if x]
        if details:
            who += " (" + "; ".join(details) + ")"
        if not confirm(self, self.tr("Move to bin"),
                       self.tr("Move %1 with all cases and programs to the bin? It can be restored from "
                               "Data > Bin.").replace("%1", who),
                       yes=self.tr("Move to bin"), no=self.tr("Cancel"), destructive=True):
            return
        from app.operations import clients
        self._run(lambda db: clients.delete_person(db, pid))

    def _delete(self, entity: str, ident: int) -> None:
        text = (self.tr("Move this case and its programs to the bin?") if entity == "case"
                else self.tr("Move this program to the bin?"))
        if confirm(self, self.tr("Move to bin"), text, yes=self.tr("Move to bin"), no=self.tr("Cancel"),
                   destructive=True):
            from app.operations import clients
            fn = clients.delete_case if entity == "case" else clients.delete_program
            self._run(lambda db: fn(db, ident))

    def _run(self, fn) -> None:
        """One write through the worker; its changes reach the views by broadcast."""
        try:
            self.ops.call(fn)
        except RekamError as err:
            show_error(self, err, self.tr("Not done"))

    def open_bin(self) -> None:
        from app.ui.bin_dialog import BinDialog
        BinDialog(self.db, parent=self, ops=self.ops).exec()

    def show_history(self) -> None:
        pid = self.current_person_id()
        if pid is None:
            return
        from app.ui.history_dialog import HistoryDialog
        HistoryDialog(self.db, pid, parent=self).exec()

    def show_audit_log(self) -> None:
        from app.ui.history_dialog import AuditLogDialog
        AuditLogDialog(self.db, parent=self).exec()

    def manage_officers(self) -> None:
        if self.session.db.readonly:
            return
        from app.ui.officers_dialog import OfficersDialog
        OfficersDialog(self.db, today=self.today(), parent=self, ops=self.ops).exec()

    def edit_office(self) -> None:
        from app.ui.settings_dialog import OfficeSettingsDialog
        OfficeSettingsDialog(self.db, parent=self, ops=self.ops).exec()

    def edit_preferences(self) -> None:
        from app.ui.settings_dialog import PreferencesDialog
        dialog = PreferencesDialog(self.db, parent=self, ops=self.ops)
        dialog.exec()
        if dialog.changes.any:
            self.session.apply_preferences()
            self._restart_idle_timer()

    def change_password(self) -> None:
        from app.ui.password_dialogs import ChangePasswordDialog
        dialog = ChangePasswordDialog(self.db, self, ops=self.ops)
        if dialog.exec():
            self.session.password = dialog.password()
            inform(self, self.tr("Password changed"), self.tr("The new password applies from now on."))

    def backup_now(self) -> None:
        from app.ui.backup_dialogs import backup_now
        backup_now(self)

    def restore_backup(self) -> None:
        from app.ui.backup_dialogs import restore_backup
        restore_backup(self)

    def open_demo(self) -> None:
        self.session.open_demo(self)

    def open_main_database(self) -> None:
        from app.ui.file_menu import back_to_real_data
        back_to_real_data(self)

    def open_file(self) -> None:
        """Berkas › Buka…: another Rekam UPT file in this window."""
        from app.ui.file_menu import open_file
        open_file(self)

    def fill_recent_menu(self) -> None:
        from app.ui.file_menu import fill_recent_menu
        fill_recent_menu(self, self.recent_menu)

    def start_new_file(self, path) -> None:
        """Start the real data at ``path`` (none existed), with the password of the file open now."""
        from app.lockfile import DatabaseLock

        self.release_session()
        try:
            self.session.switch_to_new(path, lock_factory=DatabaseLock)
        except RekamError as err:
            show_error(self, err)
        self.bind_session()

    def show_help(self) -> None:
        """F1: the guide to the screen in use (the main window; dialogs get theirs through the idle watcher)."""
        from app.ui.help_pages import show_help
        show_help(self)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._splitter_remembered:
            # First start: the side panels take a fifth each of what the screen gives (at 150 %
            # scaling that is little), so the table keeps room for its columns.
            width = self.width()
            side = max(self.sidebar_panel.minimumSizeHint().width(), int(width * 0.19))
            details = max(self.details.minimumWidth(), int(width * 0.22))
            self.splitter.setSizes([side, max(300, width - side - details), details])

    def _remember_splitter(self, *_args: object) -> None:
        self._splitter_remembered = True
        workstation.put(SPLITTER_KEY, [int(x) for x in self.splitter.sizes()])

    def _on_banner_link(self, link: str) -> None:
        if link == "real":
            self.open_main_database()

    def about(self) -> None:
        from app import __version__
        from app.models.security import protection_statement
        from app.ui.backup_dialogs import failure_log_text
        inform(self, self.tr("About Rekam UPT"),
               self.tr("Rekam UPT %1 — records of clients and inmates for one corrections unit, offline.")
               .replace("%1", __version__) + "\n\n" + self.tr("Data protection (UU 27/2022):") + "\n"
               + protection_statement() + "\n\n" + self.tr("The program opens no network connection.")
               + "\n\n" + self.tr("Database file: %1").replace("%1", str(self.db.path))
               + "\n\n" + failure_log_text())

    # -- issue 12: Excel out and in --------------------------------------------------------------
    def import_excel(self) -> None:
        from app.ui.import_wizard import open_import
        open_import(self)

    def export_list(self) -> None:
        from app.ui.excel_dialogs import export_list
        export_list(self)

    def monthly_report(self) -> None:
        from app.ui.excel_dialogs import export_monthly
        export_monthly(self)

    def edit_capacity(self) -> None:
        from app.ui.excel_dialogs import CapacityDialog
        CapacityDialog(self.db, parent=self, ops=self.ops).exec()

    # -- the idle lock ---------------------------------------------------------------------------
    def _restart_idle_timer(self) -> None:
        minutes = int(preferences(self.db).get("idle_lock_minutes") or 10)
        self.idle_timer.setInterval(minutes * 60 * 1000)
        if not self.is_locked():
            self.idle_timer.start()

    def is_locked(self) -> bool:
        return self.lock_screen is not None and self.pages.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Hide the data (this window and any open dialog) until the password is given."""
        from app.ui.idle_watch import lock_window
        lock_window(self)

    def unlock(self) -> None:
        from app.ui.idle_watch import unlock_window
        unlock_window(self)

    def _start_counting(self) -> None:
        """A count worker with its own connection to the current database."""
        self.stop_counting()
        self._count_thread = QThread(self)
        self._count_worker = CountWorker(self.session.reader)
        self._count_worker.moveToThread(self._count_thread)
        self.counts_requested.connect(self._count_worker.compute)
        self._count_worker.ready.connect(self._on_counts)
        self._count_thread.start()

    def stop_counting(self) -> None:
        """Stop the count worker and close its connection (before the file is closed or replaced)."""
        if self._count_thread is not None:
            self.counts_requested.disconnect(self._count_worker.compute)
            self._count_thread.quit()
            self._count_thread.wait()
            self._count_worker.close()
            self._count_thread = None

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._closed = True
        self.release_session()
        QApplication.instance().removeEventFilter(self._idle_watcher)
        self.session.on_exit(self)
        super().closeEvent(event)


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")
