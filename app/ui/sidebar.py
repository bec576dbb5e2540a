"""The sidebar: records grouped automatically by program, PK, offence, status, age and more.

Each group shows the number of distinct persons in it under the other selected
groups, so the number beside a group is the number of rows its table shows.
Clicking a group in another dimension narrows the table (AND); clicking the
selected group again, or "All clients", widens it.  "Semua klien" always says how
many persons the file holds (issue 9), whatever is chosen.

The sidebar is made of ``Section``s (``SECTIONS``): each says which Filter dimension
its groups set, how to count them (in the count worker, off the GUI thread) and how
to label them.  Another screen adds its own with ``register_section`` (wajib lapor's
"Perlu perhatian", for one); the tree, the filter box, collapsing and the tooltips
come with it.

Counting 100,000 persons in every group takes longer than a click should, so the
counts are made by ``CountWorker`` in its own thread on its own connection; the
table changes at once and the numbers follow a moment later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox, QHeaderView, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from app.models.queries import DUE_GROUPS_BAPAS, DUE_GROUPS_LAPAS, NONE, Filter, Queries
from app.models.schema import PROGRAM_STATUSES, REGISTER_CLASSES
from app.ui.labels import age_label, due_label, due_tooltip, status_label

ROLE_KEY = Qt.ItemDataRole.UserRole
INMATE_UNITS = ("lapas", "rutan", "lpka")
GREY = QColor("#888")
# A section with more groups than this starts folded (75 officers must not push the
# other sections out of sight); the officer's own unfolding is remembered.
COLLAPSE_OVER = 12


def _t(text: str) -> str:
    return QCoreApplication.translate("Sidebar", text)


@dataclass
class GroupCounts:
    """Everything the sidebar shows, counted under one filter."""

    total: int = 0  # everyone in the file (not in the bin): the number beside "Semua klien"
    counts: dict[str, dict[Any, int]] = field(default_factory=dict)
    kinds: list[dict[str, Any]] = field(default_factory=list)
    officers: list[dict[str, Any]] = field(default_factory=list)
    categories: list[dict[str, Any]] = field(default_factory=list)
    request: Any = None  # (filter, unit kind, today) they were counted for (wajib lapor reuses them)


@dataclass(frozen=True)
class Group:
    """One row of a section: what it shows and what clicking it chooses."""

    label: str
    value: Any
    count: int
    tooltip: str = ""
    # Shown even with nothing in it (greyed): a group that vanishes moves the next one under the mouse.
    keep: bool = True


@dataclass(frozen=True)
class Section:
    """A heading of the sidebar and its groups.

    ``count(queries, filter, unit_kind, today)`` runs in the count worker and returns
    {value: persons}; it lands in ``GroupCounts.counts[dimension]``.  ``groups(data,
    unit_kind)`` runs in the GUI thread and turns the numbers into rows.  ``units``
    limits the section to some kinds of unit (None: every unit).  ``title`` and
    ``tooltip`` are source texts, translated in the "Sidebar" context.
    """

    dimension: str
    title: str
    count: Callable[[Queries, Filter, str, date], dict[Any, int]]
    groups: Callable[[GroupCounts, str], list[Group]]
    tooltip: str = ""
    units: tuple[str, ...] | None = None
    order: int = 100

    def applies_to(self, unit_kind: str) -> bool:
        return self.units is None or unit_kind in self.units


def _dimension_counter(dimension: str) -> Callable[[Queries, Filter, str, date], dict[Any, int]]:
    return lambda queries, flt, _unit, today: queries.group_counts(dimension, flt, today)


def _due_groups(unit_kind: str) -> tuple[str, ...]:
    return DUE_GROUPS_LAPAS if unit_kind in INMATE_UNITS else DUE_GROUPS_BAPAS


def _kind_groups(data: GroupCounts, _unit: str) -> list[Group]:
    counts = data.counts.get("kind", {})
    out = [Group(f"{k['code']} – {k['name']}", k["id"], counts.get(k["id"], 0),
                 QCoreApplication.translate("Sidebar", "%1 – %2: persons with a %1 program active today "
                                                       "(tick “including ended” for past ones)")
                 .replace("%1", k["code"]).replace("%2", k["name"]))
           for k in data.kinds if k["active"] or counts.get(k["id"])]
    out.append(Group(QCoreApplication.translate("Sidebar", "No program"), NONE, counts.get(NONE, 0),
                     QCoreApplication.translate("Sidebar", "Persons with no program active today "
                                                           "(inmates, or guidance that has ended)")))
    return out


def _officer_groups(data: GroupCounts, _unit: str) -> list[Group]:
    counts = data.counts.get("officer", {})
    out = []
    for o in data.officers:
        n = counts.get(o["id"], 0)
        if not o["active"] and not n:
            continue  # an officer who left, with nobody under them now: out of the way
        label = o["name"] + ("" if o["active"] else QCoreApplication.translate("Sidebar", " (inactive)"))
        tip = QCoreApplication.translate("Sidebar", "%1: persons under this PK's supervision in a program active today"
                                         ).replace("%1", o["name"])
        if o.get("nip"):
            tip += "\n" + QCoreApplication.translate("Sidebar", "NIP %1").replace("%1", o["nip"])
        out.append(Group(label, o["id"], n, tip))
    out.append(Group(QCoreApplication.translate("Sidebar", "No officer assigned"), NONE, counts.get(NONE, 0),
                     QCoreApplication.translate("Sidebar", "Programs active today without a supervising PK")))
    return out


def _offence_groups(data: GroupCounts, _unit: str) -> list[Group]:
    counts = data.counts.get("offence", {})
    out = [Group(c["name"], c["id"], counts.get(c["id"], 0),
                 QCoreApplication.translate("Sidebar", "%1: persons whose case with a program active today "
                                                       "is of this kind")
                 .replace("%1", c["name"]))
           for c in data.categories if c["active"] or counts.get(c["id"])]
    out.append(Group(QCoreApplication.translate("Sidebar", "No category"), NONE, counts.get(NONE, 0),
                     QCoreApplication.translate("Sidebar", "Cases without an offence category")))
    return out


def _status_groups(data: GroupCounts, _unit: str) -> list[Group]:
    counts = data.counts.get("status", {})
    return [Group(status_label(s), s, counts.get(s, 0),
                  QCoreApplication.translate("Sidebar", "Persons with a program whose status is “%1” (any date)")
                  .replace("%1", status_label(s)))
            for s in PROGRAM_STATUSES]


def _age_groups(data: GroupCounts, _unit: str) -> list[Group]:
    counts = data.counts.get("age", {})
    return [Group(age_label(a), a, counts.get(a, 0)) for a in ("dewasa", "anak")]


def _class_groups(data: GroupCounts, _unit: str) -> list[Group]:
    counts = data.counts.get("class", {})
    return [Group(c, c, counts.get(c, 0)) for c in REGISTER_CLASSES]


def _due_count(queries: Queries, flt: Filter, unit_kind: str, today: date) -> dict[Any, int]:
    return queries.due_counts(_due_groups(unit_kind), flt, today)


def _due_rows(data: GroupCounts, unit_kind: str) -> list[Group]:
    counts = data.counts.get("due", {})
    return [Group(due_label(g), g, counts.get(g, 0), due_tooltip(g)) for g in _due_groups(unit_kind)]


SECTIONS: list[Section] = [
    Section("kind", QT_TRANSLATE_NOOP("Sidebar", "Program"), _dimension_counter("kind"), _kind_groups,
            QT_TRANSLATE_NOOP("Sidebar", "Programs active today; tick “including ended” to count past ones too"),
            order=10),
    Section("officer", QT_TRANSLATE_NOOP("Sidebar", "Officer (PK)"), _dimension_counter("officer"), _officer_groups,
            QT_TRANSLATE_NOOP("Sidebar", "The supervising officer of each program active today"), order=20),
    Section("offence", QT_TRANSLATE_NOOP("Sidebar", "Offence"), _dimension_counter("offence"), _offence_groups,
            QT_TRANSLATE_NOOP("Sidebar", "The offence of the case behind each program active today"), order=30),
    Section("status", QT_TRANSLATE_NOOP("Sidebar", "Status"), _dimension_counter("status"), _status_groups,
            QT_TRANSLATE_NOOP("Sidebar", "The status of every program, current or past"), order=40),
    Section("age", QT_TRANSLATE_NOOP("Sidebar", "Adult / child"), _dimension_counter("age"), _age_groups,
            QT_TRANSLATE_NOOP("Sidebar", "By age at the date of the offence (a child: 12 to under 18)"), order=50),
    Section("class", QT_TRANSLATE_NOOP("Sidebar", "Register class"), _dimension_counter("class"), _class_groups,
            QT_TRANSLATE_NOOP("Sidebar", "A.I–A.V detainees by the authority holding them; B.I–B.III convicts"),
            units=INMATE_UNITS, order=60),
    Section("due", QT_TRANSLATE_NOOP("Sidebar", "Due"), _due_count, _due_rows,
            QT_TRANSLATE_NOOP("Sidebar", "Lists to act on: dates coming up, and records to check"), order=90),
]


def _attention_rows(data: GroupCounts, _unit: str) -> list[Group]:
    """wajib lapor (issue 10): every "Perlu perhatian" group, greyed at zero."""
    from app.ui.lapor_labels import group_label, group_tooltip

    return [Group(group_label(g), g, n, group_tooltip(g)) for g, n in data.counts.get("attention", {}).items()]


# Counted by count_groups itself (incrementally after a visit), so its counter is not used directly.
ATTENTION = Section("attention", QT_TRANSLATE_NOOP("Sidebar", "Needs attention"),
                    lambda queries, flt, _unit, today: queries.attention_counts(flt, today), _attention_rows,
                    QT_TRANSLATE_NOOP("Sidebar", "Wajib lapor: who has not reported, who missed, the letters to "
                                                 "confirm, guidance ending soon"),
                    units=("bapas",), order=5)


def register_section(section: Section) -> None:
    """Add a section to every sidebar (placed by ``order``; one per dimension)."""
    SECTIONS[:] = [s for s in SECTIONS if s.dimension != section.dimension]
    SECTIONS.append(section)
    SECTIONS.sort(key=lambda s: s.order)


register_section(ATTENTION)


class Superseded(Exception):
    """A newer request came in while counting: this one's numbers would never be shown."""


def count_groups(queries: Queries, flt: Filter, unit_kind: str, today: date,
                 still_wanted=lambda: True, previous: GroupCounts | None = None, cache=None,
                 changed: set[int] | None = None, epoch: object = None) -> GroupCounts:
    """All the sidebar's numbers (runs in the worker thread: no widgets here).

    ``previous``: numbers counted for the same filter and day before a wajib lapor change, which
    changes only the "Perlu perhatian" groups: those are counted again, the rest is reused.
    ``cache`` (an ``AttentionCache``) holds the flags of the last full "Perlu perhatian" count for
    data ``epoch``; the ``changed`` persons (visits since) are counted again, the rest is read from it.
    """
    def attention() -> dict[str, int]:
        return queries.attention_counts(flt, today, cache=cache, changed=changed, epoch=epoch)

    if previous is not None and ATTENTION.applies_to(unit_kind):
        result = GroupCounts(previous.total, dict(previous.counts), previous.kinds, previous.officers,
                             previous.categories)
        result.counts["attention"] = attention()
        result.request = (flt, unit_kind, today)
        return result
    result = GroupCounts(total=queries.everyone())
    for section in SECTIONS:
        if not section.applies_to(unit_kind):
            continue
        if not still_wanted():
            raise Superseded()
        if section.dimension == "attention":
            result.counts["attention"] = attention()
        else:
            result.counts[section.dimension] = section.count(queries, flt, unit_kind, today)
    result.kinds = queries.program_kinds()
    result.officers = queries.officers(with_caseload=False)
    result.categories = queries.offence_categories()
    result.request = (flt, unit_kind, today)
    return result


class CountWorker(QObject):
    """Counts the groups on its own connection to the database, in its own thread.

    ``open_reader`` makes that connection (the session's ``reader``), in the worker's thread.
    """

    ready = Signal(int, object)

    def __init__(self, open_reader) -> None:
        super().__init__()
        self._open_reader = open_reader
        self._db = None
        # The newest request's number, set by the GUI thread before it asks; older
        # requests still queued are skipped, so quick clicks never build a backlog.
        self.latest = 0
        # wajib lapor: the flags of the last full "Perlu perhatian" count, and the persons whose visits
        # changed since (gathered from skipped requests too), so neither a visit nor choosing another
        # group counts every program again.  (Made at the first count, in the worker's thread, so
        # app.models.lapor_queries is not imported before the window's first paint.)
        self.attention_cache = None
        self._changed: set[int] = set()
        self._full = True

    @Slot(int, object)
    def compute(self, generation: int, request: object) -> None:
        """``request``: (filter, unit kind, day, data epoch, numbers to reuse or None, persons changed)."""
        flt, unit_kind, today, epoch, previous, changed = request
        self._changed |= set(changed)
        if previous is None:
            self._full = True  # a request that needed every number was skipped: reuse nothing
        if generation != self.latest:
            return
        reuse = None if self._full else previous
        changed, self._changed, self._full = self._changed, set(), False
        try:
            if self.attention_cache is None:
                from app.models.lapor_queries import AttentionCache
                self.attention_cache = AttentionCache()
            if self._db is None:
                self._db = self._open_reader()
            data = count_groups(Queries(self._db), flt, unit_kind, today,
                                still_wanted=lambda: generation == self.latest, previous=reuse,
                                cache=self.attention_cache, changed=changed, epoch=epoch)
        except Superseded:
            self._changed |= changed  # perhaps not counted yet: counted with the next request
            self._full = True
            return
        except Exception as err:  # noqa: BLE001 - shown as "counts unavailable", never a crash
            self._full = True
            if self.attention_cache is not None:
                self.attention_cache.epoch = None  # perhaps half updated: the next count fills it again
            self.close()
            data = err
        self.ready.emit(generation, data)

    @Slot()
    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def fold(text: str) -> str:
    """Case and spacing folded, for the filter box (a PK's name typed in lower case finds them)."""
    return " ".join(text.casefold().split())


class Sidebar(QTreeWidget):
    """The groups as a tree; emits ``group_clicked(dimension, value)``; the main window owns the filter."""

    group_clicked = Signal(str, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Sections the officer folded or unfolded by hand (dimension -> expanded); others follow COLLAPSE_OVER.
        self.expanded_by_hand: dict[str, bool] = {}
        self.filter_text = ""
        self._rendering = False
        # How each section was drawn (folded or not), to go back to when the filter box is cleared.
        self._folding: dict[str, bool] = {}
        self._titles: dict[str, tuple[str, int]] = {}
        # Item data holds a number; the (dimension, value) it stands for lives here, in Python.
        self._keys: list[tuple[str, Any]] = []
        self.itemClicked.connect(self._on_clicked)
        self.itemActivated.connect(self._on_clicked)
        self.itemCollapsed.connect(lambda item: self._on_folded(item, False))
        self.itemExpanded.connect(lambda item: self._on_folded(item, True))

    def _key(self, item: QTreeWidgetItem) -> tuple[str, Any] | None:
        number = item.data(0, ROLE_KEY)
        return self._keys[number] if isinstance(number, int) and 0 <= number < len(self._keys) else None

    def _on_folded(self, item: QTreeWidgetItem, expanded: bool) -> None:
        key = self._key(item)
        if key and key[1] is None and key[0] in self._titles:
            title, shown = self._titles[key[0]]
            item.setText(0, title if expanded else f"{title} ({shown})")
        if key and key[1] is None and not self._rendering and not self.filter_text:
            self.expanded_by_hand[key[0]] = expanded
            self._folding[key[0]] = expanded

    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        key = self._key(item)
        if key is None:
            return
        dimension, value = key
        if value is None and dimension != "all":
            item.setExpanded(not item.isExpanded())  # a heading
            return
        self.group_clicked.emit(dimension, value)

    # -- drawing ---------------------------------------------------------------------
    def render(self, data: GroupCounts, flt: Filter, unit_kind: str) -> None:
        """Redraw every section with its counts."""
        selected = dict(flt.groups)
        scroll = self.verticalScrollBar().value()
        self._rendering = True
        self.setUpdatesEnabled(False)
        self.clear()
        self._keys = []
        top = self._item(None, QCoreApplication.translate("Sidebar", "All clients"), data.total, ("all", None),
                         bold=not selected)
        top.setToolTip(0, QCoreApplication.translate("Sidebar", "Everyone in this file (%1 persons). "
                                                                "Click to clear the groups chosen.")
                       .replace("%1", _n(data.total)))
        for section in SECTIONS:
            if section.applies_to(unit_kind) and section.dimension in data.counts:
                self._section(section, section.groups(data, unit_kind), selected)
        self.setUpdatesEnabled(True)
        self._rendering = False
        self.apply_filter(self.filter_text)
        self.verticalScrollBar().setValue(scroll)

    def show_busy(self, busy: bool) -> None:
        """Say when the numbers shown are being recounted (a tooltip: restyling the tree costs a frame)."""
        self.setToolTip(QCoreApplication.translate("Sidebar", "Counting…") if busy else "")

    def _section(self, section: Section, groups: list[Group], selected: dict[str, Any]) -> None:
        dimension = section.dimension
        title = _t(section.title)
        heading = self._item(None, title, None, (dimension, None), heading=True)
        heading.setToolTip(0, _t(section.tooltip) if section.tooltip else title)
        shown = 0
        for g in groups:
            chosen = selected.get(dimension) == g.value
            if g.count == 0 and not g.keep and not chosen:
                continue
            item = self._item(heading, g.label, g.count, (dimension, g.value), bold=chosen, grey=g.count == 0)
            tip = g.tooltip or g.label
            item.setToolTip(0, tip + "\n" + QCoreApplication.translate("Sidebar", "%1 persons")
                            .replace("%1", _n(g.count)))
            item.setToolTip(1, item.toolTip(0))
            shown += 1
        if shown == 0:
            empty = QTreeWidgetItem(heading, [QCoreApplication.translate("Sidebar", "(none yet)"), ""])
            empty.setForeground(0, QBrush(GREY))
        heading.setText(1, "")
        if dimension in self.expanded_by_hand:
            expanded = self.expanded_by_hand[dimension]
        else:
            expanded = shown <= COLLAPSE_OVER
        if dimension in selected:
            expanded = True  # the chosen group stays in sight
        self._folding[dimension] = expanded
        # A folded section says how many groups it holds, so nothing looks missing.
        self._titles[dimension] = (title, shown)
        heading.setText(0, title if expanded else f"{title} ({shown})")
        heading.setExpanded(expanded)

    def _item(self, parent: QTreeWidgetItem | None, label: str, count: int | None, key: tuple,
              *, bold: bool = False, grey: bool = False, heading: bool = False) -> QTreeWidgetItem:
        text = [("✓ " if bold and not heading else "") + label, "" if count is None else _n(count)]
        item = QTreeWidgetItem(parent, text) if parent is not None else QTreeWidgetItem(self, text)
        self._keys.append(key)
        item.setData(0, ROLE_KEY, len(self._keys) - 1)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold or heading:
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
            item.setFont(1, font)
        if grey:
            item.setForeground(0, QBrush(GREY))
            item.setForeground(1, QBrush(GREY))
        if heading:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        return item

    # -- the filter box ----------------------------------------------------------------
    def apply_filter(self, text: str) -> int:
        """Show only the groups whose name holds ``text`` (their sections unfolded); return how many match."""
        self.filter_text = fold(text)
        matches = 0
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            if top.childCount() == 0:
                top.setHidden(False)
                continue
            found = 0
            for j in range(top.childCount()):
                child = top.child(j)
                hit = not self.filter_text or self.filter_text in fold(child.text(0))
                child.setHidden(not hit)
                found += hit
            top.setHidden(bool(self.filter_text) and found == 0)
            if self.filter_text:
                self._rendering = True
                top.setExpanded(found > 0)
                self._rendering = False
            matches += found if self.filter_text else 0
        if not self.filter_text:
            # Back to each section's own folding.
            self._rendering = True
            for i in range(self.topLevelItemCount()):
                top = self.topLevelItem(i)
                key = self._key(top)
                if key and key[0] in self._folding:
                    top.setExpanded(self._folding[key[0]])
            self._rendering = False
        return matches

    def items(self):
        """Every group row of the tree, headings included (depth two)."""
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            yield top
            for j in range(top.childCount()):
                yield top.child(j)

    def key_of(self, item: QTreeWidgetItem) -> tuple[str, Any] | None:
        """The (dimension, value) a row stands for, or None for a row that is not a group."""
        return self._key(item)


class SidebarPanel(QWidget):
    """The sidebar with what sits above it: a filter box and "termasuk yang sudah berakhir".

    ``include_ended_changed(bool)`` asks the window to count and list ended programs too.
    """

    include_ended_changed = Signal(bool)

    def __init__(self, tree: Sidebar, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sidebar_panel")
        self.tree = tree
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("sidebar_filter_edit")
        self.filter_edit.setPlaceholderText(QCoreApplication.translate("Sidebar", "Find a group…"))
        self.filter_edit.setToolTip(QCoreApplication.translate(
            "Sidebar", "Type part of a PK's name, a program or an offence to show only the groups that hold it "
                       "(Esc clears)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.tree.apply_filter)
        self.ended_check = QCheckBox(QCoreApplication.translate("Sidebar", "including those that ended"))
        self.ended_check.setObjectName("include_ended_check")
        self.ended_check.setToolTip(QCoreApplication.translate("Sidebar", "Unticked, the program, PK and offence "
                                       "groups hold only programs active "
                                       "today. Ticked, they also hold programs that have ended (completed, "
                                       "revoked, past their end date)."))
        self.ended_check.toggled.connect(self.include_ended_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.ended_check)
        layout.addWidget(self.tree, 1)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape and self.filter_edit.text():
            self.filter_edit.clear()
            return
        super().keyPressEvent(event)


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")
