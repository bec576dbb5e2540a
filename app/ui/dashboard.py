"""The dashboard page: charts of the caseload and of wajib lapor.  The one module that draws charts.

Active clients per program (adult / child), caseload per PK, per offence, the monthly attendance
rate of the last 12 months, clients new and ended (habis masa bimbingan) per month, working / not
working.  The numbers are the sidebar's own (``Queries.dashboard``), read in a ``ReadTask`` on its
own connection; clicking a bar opens that group in the table.  pyqtgraph is imported here only, when
the page first opens, so the window starts without it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.models.dates import MONTHS_ID
from app.models.queries import NONE
from app.ui.lapor_labels import working_label

ADULT, CHILD, NEW, ENDED = "#1565c0", "#ef6c00", "#2e7d32", "#8e24aa"
TOP = 15  # bars in the per-PK and per-offence charts (the largest groups; the sidebar lists all)

pg.setConfigOptions(background="w", foreground="#333", antialias=True)


def _short(text: str, width: int = 22) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class _Chart(pg.PlotWidget):
    """A bar chart whose bars can be clicked: ``on_click(index)``."""

    def __init__(self, *, horizontal: bool = False, on_click: Callable[[int], None] | None = None):
        super().__init__()
        self.horizontal = horizontal
        self.on_click = on_click
        self.count = 0
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.showGrid(x=horizontal, y=not horizontal, alpha=0.25)
        self.scene().sigMouseClicked.connect(self._clicked)
        self.setMinimumHeight(200)
        font = QFont()
        font.setPointSize(8)
        for axis in ("left", "bottom"):
            self.getAxis(axis).setTickFont(font)

    def _clicked(self, event) -> None:
        if self.on_click is None or not self.count:
            return
        point = self.getPlotItem().vb.mapSceneToView(event.scenePos())
        index = round(point.y() if self.horizontal else point.x())
        if 0 <= index < self.count:
            self.on_click(index)


class Dashboard(QWidget):
    """Emits ``group_chosen(dimension, value)`` when a bar is clicked and ``closed`` for "back"."""

    group_chosen = Signal(str, object)
    closed = Signal()
    loaded = Signal()

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.window = window
        self.setObjectName("dashboard")
        self.data: dict[str, Any] | None = None
        # What each chart shows, by chart and label: the numbers a test compares with the database.
        self.series: dict[str, dict[Any, Any]] = {}
        self._task = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("dashboard_title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        top.addWidget(self.title, 1)
        self.status = QLabel()
        self.status.setObjectName("dashboard_status")
        top.addWidget(self.status)
        back = QPushButton(self.tr("Back to the list (Esc)"))
        back.setObjectName("dashboard_back")
        back.setShortcut(Qt.Key.Key_Escape)
        back.clicked.connect(self.closed)
        top.addWidget(back)
        layout.addLayout(top)
        grid = QGridLayout()
        self.kind_chart = _Chart(on_click=lambda i: self._choose("kind", i))
        self.officer_chart = _Chart(horizontal=True, on_click=lambda i: self._choose("officer", i))
        self.offence_chart = _Chart(horizontal=True, on_click=lambda i: self._choose("offence", i))
        self.rate_chart = _Chart()
        self.flow_chart = _Chart()
        self.working_chart = _Chart()
        boxes = ((self.kind_chart, self.tr("Active clients per program (adult / child)"), 0, 0),
                 (self.officer_chart, self.tr("Caseload per PK (largest %1)").replace("%1", str(TOP)), 0, 1),
                 (self.offence_chart, self.tr("Per offence (largest %1)").replace("%1", str(TOP)), 0, 2),
                 (self.rate_chart, self.tr("Attendance rate per month (%)"), 1, 0),
                 (self.flow_chart, self.tr("Clients new and ended per month"), 1, 1),
                 (self.working_chart, self.tr("Working now"), 1, 2))
        for chart, title, row, column in boxes:
            box = QGroupBox(title)
            v = QVBoxLayout(box)
            v.setContentsMargins(4, 4, 4, 4)
            v.addWidget(chart)
            grid.addWidget(box, row, column)
        layout.addLayout(grid, 1)
        self.hint = QLabel(self.tr("Click a bar to list that group. The numbers are those of the sidebar; the "
                                   "attendance rate is periods reported ÷ periods due, excused periods left out."))
        self.hint.setStyleSheet("color: #555;")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self._choices: dict[str, list[Any]] = {}

    # -- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the numbers on a connection of their own (the window keeps working meanwhile)."""
        from app.models.queries import Queries
        from app.ui.ops import ReadTask

        if self._task is not None:
            self._task.cancel()
        today = self.window.today()
        self.status.setText(self.tr("Counting…"))
        self._task = ReadTask(self.window.session.reader, lambda db, progress: Queries(db).dashboard(today, progress),
                              self._loaded, self._failed, self)

    def _failed(self, err) -> None:
        self._task = None
        self.status.setText(self.tr("The charts could not be made: %1").replace("%1", err.message))

    def _loaded(self, data: dict[str, Any]) -> None:
        self._task = None
        self.show_data(data)
        self.loaded.emit()

    # -- drawing -------------------------------------------------------------------------------
    def show_data(self, data: dict[str, Any]) -> None:
        from app.models.dates import format_date

        self.data = data
        self.title.setText(self.tr("Dashboard — %1").replace("%1", format_date(data["today"])))
        self.status.setText("")
        self.series = {}
        self._draw_kinds(data)
        self._draw_ranked(self.officer_chart, "officer", data["officer"],
                          {o["id"]: o["name"] for o in data["officers"]}, self.tr("No PK"))
        self._draw_ranked(self.offence_chart, "offence", data["offence"],
                          {c["id"]: c["name"] for c in data["categories"]}, self.tr("No category"))
        self._draw_rate(data)
        self._draw_flow(data)
        self._draw_working(data)

    def _draw_kinds(self, data: dict[str, Any]) -> None:
        chart = self.kind_chart
        chart.clear()
        kinds = [k for k in data["kinds"] if data["kind"].get(k["id"], 0) or k["active"]]
        adult = [data["kind_adult"].get(k["id"], 0) for k in kinds]
        child = [data["kind_child"].get(k["id"], 0) for k in kinds]
        xs = list(range(len(kinds)))
        chart.addItem(pg.BarGraphItem(x=xs, height=adult, width=0.7, brush=ADULT, name=self.tr("adult")))
        chart.addItem(pg.BarGraphItem(x=xs, y0=adult, height=child, width=0.7, brush=CHILD, name=self.tr("child")))
        chart.getAxis("bottom").setTicks([[(i, k["code"]) for i, k in enumerate(kinds)]])
        legend = chart.addLegend(offset=(-10, 10))
        legend.addItem(pg.BarGraphItem(x=[0], height=[0], width=0, brush=ADULT), self.tr("adult"))
        legend.addItem(pg.BarGraphItem(x=[0], height=[0], width=0, brush=CHILD), self.tr("child"))
        for i, k in enumerate(kinds):
            total = data["kind"].get(k["id"], 0)
            self._label(chart, i, adult[i] + child[i], str(total))
        chart.setYRange(0, max([a + c for a, c in zip(adult, child)] + [1]) * 1.12)  # room for the numbers
        chart.count = len(kinds)
        self._choices["kind"] = [k["id"] for k in kinds]
        self.series["kind"] = {k["code"]: data["kind"].get(k["id"], 0) for k in kinds}
        self.series["kind_adult"] = {k["code"]: a for k, a in zip(kinds, adult)}
        self.series["kind_child"] = {k["code"]: c for k, c in zip(kinds, child)}

    def _draw_ranked(self, chart: _Chart, dimension: str, counts: dict[Any, int], names: dict[Any, str],
                     none_label: str) -> None:
        chart.clear()
        ranked = sorted(((n, key) for key, n in counts.items() if n), key=lambda t: (-t[0], str(t[1])))[:TOP]
        ranked.reverse()  # the largest at the top
        ys = list(range(len(ranked)))
        values = [n for n, _key in ranked]
        chart.addItem(pg.BarGraphItem(x0=[0] * len(ys), y=ys, height=0.7, width=values, brush=ADULT))
        labels = [_short(none_label if key == NONE else names.get(key, "?")) for _n, key in ranked]
        chart.getAxis("left").setTicks([list(enumerate(labels))])
        for y, n in zip(ys, values):
            text = pg.TextItem(str(n), color="#333", anchor=(0, 0.5))
            text.setPos(n, y)
            chart.addItem(text)
        if values:
            chart.setXRange(0, max(values) * 1.15)  # room for the numbers after the bars
        chart.count = len(ranked)
        self._choices[dimension] = [key for _n, key in ranked]
        self.series[dimension] = {(none_label if key == NONE else names.get(key, "?")): n for n, key in ranked}

    def _month(self, day: date, first: bool = False) -> str:
        """"Mei" under a bar; the year beside January and the first month ("Des 25", "Jan 26")."""
        name = MONTHS_ID[day.month - 1][:3]
        return f"{name} {str(day.year)[2:]}" if first or day.month == 1 else name

    def _draw_rate(self, data: dict[str, Any]) -> None:
        chart = self.rate_chart
        chart.clear()
        points = [(i, 100 * a.rate) for i, (_m, a) in enumerate(data["attendance"]) if a.rate is not None]
        if points:
            chart.plot([p[0] for p in points], [p[1] for p in points], pen=pg.mkPen(ADULT, width=2), symbol="o",
                       symbolBrush=ADULT, symbolSize=7)
            for x, y in points:
                self._label(chart, x, y, f"{y:.0f}")
        chart.setYRange(0, 105)
        chart.setXRange(-0.5, len(data["attendance"]) - 0.5)
        chart.getAxis("bottom").setTicks([[(i, self._month(m, i == 0)) for i, (m, _a) in
                                           enumerate(data["attendance"])]])
        self.series["attendance"] = {m: (a.reported, a.due) for m, a in data["attendance"]}

    def _draw_flow(self, data: dict[str, Any]) -> None:
        chart = self.flow_chart
        chart.clear()
        flow = data["flow"]
        xs = list(range(len(flow)))
        chart.addItem(pg.BarGraphItem(x=[x - 0.18 for x in xs], height=[f["new"] for f in flow], width=0.34, brush=NEW))
        chart.addItem(pg.BarGraphItem(x=[x + 0.18 for x in xs], height=[f["ended"] for f in flow], width=0.34,
                                      brush=ENDED))
        legend = chart.addLegend(offset=(-10, 10))
        legend.addItem(pg.BarGraphItem(x=[0], height=[0], width=0, brush=NEW), self.tr("new"))
        legend.addItem(pg.BarGraphItem(x=[0], height=[0], width=0, brush=ENDED), self.tr("ended (HMB)"))
        chart.getAxis("bottom").setTicks([[(i, self._month(f["start"], i == 0)) for i, f in enumerate(flow)]])
        self.series["new"] = {f["start"]: f["new"] for f in flow}
        self.series["ended"] = {f["start"]: f["ended"] for f in flow}

    def _draw_working(self, data: dict[str, Any]) -> None:
        chart = self.working_chart
        chart.clear()
        keys = ("yes", "no", "unknown")
        values = [data["working"].get(k, 0) for k in keys]
        chart.addItem(pg.BarGraphItem(x=[0, 1, 2], height=values, width=0.6,
                                      brushes=[QColor(NEW), QColor("#c62828"), QColor("#9e9e9e")]))
        chart.getAxis("bottom").setTicks([[(i, working_label(k)) for i, k in enumerate(keys)]])
        for i, v in enumerate(values):
            self._label(chart, i, v, str(v))
        chart.setYRange(0, max(values + [1]) * 1.12)
        self.series["working"] = dict(zip(keys, values))

    def _label(self, chart: _Chart, x: float, y: float, text: str) -> None:
        item = pg.TextItem(text, color="#333", anchor=(0.5, 1))
        item.setPos(x, y)
        chart.addItem(item)

    def _choose(self, dimension: str, index: int) -> None:
        choices = self._choices.get(dimension) or []
        if 0 <= index < len(choices):
            self.group_chosen.emit(dimension, choices[index])


def show_dashboard(window) -> Dashboard:
    """Open the dashboard page in the window (made once), counting afresh."""
    board = getattr(window, "dashboard", None)
    if board is None:
        board = Dashboard(window)
        window.dashboard = board
        window.pages.addWidget(board)

        def back() -> None:
            window.pages.setCurrentIndex(0)

        def chosen(dimension: str, value: Any) -> None:
            back()
            window.filter = window.filter.without(dimension)
            window.on_group_clicked(dimension, value)

        board.closed.connect(back)
        board.group_chosen.connect(chosen)
        window.changes_applied.connect(lambda changes: board.refresh()
                                       if window.pages.currentWidget() is board and (changes.any) else None)
    window.pages.setCurrentWidget(board)
    board.refresh()
    return board
