"""The persons table as a view: columns that fit (or are chosen), the due date first, Ctrl+End to the last row.

At 1366×768 ten columns do not fit beside the sidebar and the details (issue 9): a
narrow screen starts with the columns an officer reads most, the rest are one right
click away on the header ("Kolom yang tampil"), and the choice is kept on this
computer (app/ui/workstation.py).  When a due list is chosen its date comes first and
the rows are in that date's order.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView, QWidget

from app.ui import workstation
from app.ui.table_model import COLUMNS, DUE_COLUMN

COLUMN_KEYS = tuple(key for key, _title in COLUMNS)
# Widths that keep every value of the column readable (Indonesian dates are long).
WIDTHS = {"name": 190, "nik": 135, "birth_date": 125, "program": 65, "register": 105, "officer": 150,
          "offence": 130, "status": 80, "start": 125, "end": 125, "due": 130}
# What a column needs to show its values whole, and which give up room first when they do not fit.
MIN_WIDTHS = {"name": 110, "nik": 132, "birth_date": 120, "program": 55, "register": 92, "officer": 110,
              "offence": 100, "status": 70, "start": 120, "end": 120, "due": 120}
SHRINK_ORDER = ("name", "officer", "offence", "status", "register", "program", "birth_date", "start", "end", "nik",
                "due")
# Left out first when even their least does not fit (until the officer chooses the columns).
LEAVE_OUT_ORDER = ("status", "officer", "program")
# A screen narrower than this starts without the columns read least (still one click away).
WIDE_SCREEN = 1600
NARROW_HIDDEN = ("birth_date", "offence", "start")
SETTINGS_KEY = "table/hidden_columns"


class PersonTable(QTableView):
    """The main window's table of persons (the model is set by the window)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("person_table")
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_column_menu)
        header.sectionResized.connect(self._on_section_resized)
        header.setToolTip(QCoreApplication.translate("PersonTable", "Click a title to sort; "
                                                                    "right-click to choose the columns shown"))
        self.due_shown = False
        # The column a due list's date repeats ("Bimbingan sampai" for guidance ending soon): left
        # out while that list is shown.
        self.due_repeats: str | None = None
        # Until the officer drags a column's edge, the columns share the width there is.
        self.sized_by_hand = False
        self._fitting = False

    # -- columns ---------------------------------------------------------------------------
    def setup_columns(self) -> None:
        """Widths, and the columns this computer keeps hidden (after a model is set)."""
        hidden = self.hidden_columns()
        for i, key in enumerate(COLUMN_KEYS):
            self.setColumnHidden(i, not self._shown(key, hidden))
        self.fit_columns()

    def _shown(self, key: str, hidden: set[str]) -> bool:
        if key == "due":
            return self.due_shown and key not in hidden
        return key not in hidden and not (self.due_shown and key == self.due_repeats)

    def fit_columns(self) -> None:
        """The shown columns share the table's width, so none is cut off at 1366×768 (issue 9).

        Each starts at its usual width; when they do not fit, the columns with room to spare
        give it up first (a name or an officer can show a little less), and no column goes
        below what its values need (a 16-digit NIK, "22 September 2026").  Until the officer
        chooses the columns, a table still too narrow (a scaled screen) leaves out the ones
        the sidebar already tells (status, then PK, then program) rather than cut the rest.
        """
        if self.sized_by_hand or self.model() is None or not self.isVisible():
            return  # (a hidden table is fitted when it is shown: resizeEvent)
        room = (self.viewport().width() or self.width()) - 2
        needs = self._needs()
        if workstation.get(SETTINGS_KEY) is None:
            self._leave_out_for_room(needs, room)
        shown = [i for i in range(len(COLUMN_KEYS)) if not self.isColumnHidden(i)]
        if not shown:
            return
        widths = {i: max(WIDTHS.get(COLUMN_KEYS[i], 120), needs.get(COLUMN_KEYS[i], 60)) for i in shown}
        if DUE_COLUMN in widths:
            widths[DUE_COLUMN] = max(widths[DUE_COLUMN], self.horizontalHeader().sectionSizeHint(DUE_COLUMN))
        excess = sum(widths.values()) - room
        for key in SHRINK_ORDER:
            if excess <= 0:
                break
            i = COLUMN_KEYS.index(key)
            if i in widths:
                give = min(excess, widths[i] - needs.get(key, 60))
                if give > 0:
                    widths[i] -= give
                    excess -= give
        self._fitting = True
        try:
            for i, width in widths.items():
                if self.columnWidth(i) != width:
                    self.setColumnWidth(i, width)
        finally:
            self._fitting = False

    def _needs(self) -> dict[str, int]:
        """What a whole value of each column needs in this font (scaled screens, other fonts)."""
        metrics = self.fontMetrics()
        needs = dict(MIN_WIDTHS)
        date_width = metrics.horizontalAdvance("30 September 2026") + 12
        for key in ("birth_date", "start", "end", "due"):
            needs[key] = max(needs[key], date_width)
        needs["nik"] = max(needs["nik"], metrics.horizontalAdvance("0000000000000000") + 12)
        needs["register"] = max(needs["register"], metrics.horizontalAdvance("0000/ASIM/0000") + 10)
        return needs

    def _leave_out_for_room(self, needs: dict[str, int], room: int) -> None:
        hidden = self.hidden_columns()
        visible = [k for k in COLUMN_KEYS if self._shown(k, hidden)]
        while sum(needs.get(k, 60) for k in visible) > room and any(k in visible for k in LEAVE_OUT_ORDER):
            visible.remove(next(k for k in LEAVE_OUT_ORDER if k in visible))
        for i, key in enumerate(COLUMN_KEYS):
            if self.isColumnHidden(i) != (key not in visible):
                self.setColumnHidden(i, key not in visible)

    def _on_section_resized(self, _index: int, _old: int, _new: int) -> None:
        if not self._fitting \
                and self.horizontalHeader().sectionResizeMode(_index) == QHeaderView.ResizeMode.Interactive \
                and QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self.sized_by_hand = True  # the officer's own width stays

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_columns()

    @staticmethod
    def hidden_columns() -> set[str]:
        stored = workstation.get(SETTINGS_KEY)
        if stored is None:
            screen = QGuiApplication.primaryScreen()
            wide = screen is not None and screen.availableGeometry().width() >= WIDE_SCREEN
            return set() if wide else set(NARROW_HIDDEN)
        return set(workstation.get_list(SETTINGS_KEY)) & set(COLUMN_KEYS)

    def set_column_shown(self, key: str, shown: bool) -> None:
        """Show or hide one column, and keep the choice for the next start."""
        if key == "name":
            return  # the person's name is what every row is about
        hidden = self.hidden_columns()
        hidden.discard(key) if shown else hidden.add(key)
        workstation.put(SETTINGS_KEY, sorted(hidden) or "")
        self.setColumnHidden(COLUMN_KEYS.index(key), not self._shown(key, hidden))
        self.fit_columns()

    def show_column_menu(self, pos) -> None:
        menu = self.column_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """The header's right-click menu: a tick for each column."""
        menu = QMenu(self)
        menu.setObjectName("column_menu")
        menu.setTitle(QCoreApplication.translate("PersonTable", "Columns shown"))
        model = self.model()
        hidden = self.hidden_columns()
        for i, key in enumerate(COLUMN_KEYS):
            if key == "due":
                continue  # shown with a due list only
            title = model.headerData(i, Qt.Orientation.Horizontal) if model is not None else key
            action = QAction(str(title), menu)
            action.setObjectName(f"column_{key}")
            action.setCheckable(True)
            action.setChecked(key not in hidden)
            action.setEnabled(key != "name")
            action.toggled.connect(lambda on, k=key: self.set_column_shown(k, on))
            menu.addAction(action)
        return menu

    def show_due_column(self, shown: bool, repeats: str | None = None) -> None:
        """A due list's date: the first column while that list is chosen (``repeats``: the column
        it would repeat, left out meanwhile)."""
        self.due_shown, self.due_repeats = shown, repeats if shown else None
        header = self.horizontalHeader()
        hidden = self.hidden_columns()
        for i, key in enumerate(COLUMN_KEYS):
            self.setColumnHidden(i, not self._shown(key, hidden))
        if shown:
            header.moveSection(header.visualIndex(DUE_COLUMN), 0)
        self.model().headerDataChanged.emit(Qt.Orientation.Horizontal, DUE_COLUMN, DUE_COLUMN)
        self.fit_columns()

    # -- keys ------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Ctrl+End / Ctrl+Home go to the last / first person (Qt's own go to the last column).
        if event.matches(QKeySequence.StandardKey.MoveToEndOfDocument):
            self.go_to_row(self.model().rowCount() - 1)
            return
        if event.matches(QKeySequence.StandardKey.MoveToStartOfDocument):
            self.go_to_row(0)
            return
        super().keyPressEvent(event)

    def go_to_row(self, row: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        header = self.horizontalHeader()
        column = next((header.logicalIndex(v) for v in range(header.count())
                       if not header.isSectionHidden(header.logicalIndex(v))), 0)
        index = model.index(row, column)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)
