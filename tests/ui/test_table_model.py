"""PersonTableModel on its own, without a window: counts, cells, order, pages past 100, refreshing.

The model is driven as the table view drives it (rowCount, data, sort) with the
Indonesian translator installed, as the officer sees it.  Expected rows come from the
persons table read in the test and sorted in Python, never from the model's queries.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from conftest import TODAY
from factories import case, officer, program
from PySide6.QtCore import QModelIndex, Qt

from app.models.domain import PersonInput, StatusChange
from app.models.queries import Filter, Queries
from app.models.storage import Database
from app.operations.clients import change_program_status, create_client, person_input, update_person
from app.ui import table_model
from app.ui.application import Translations
from app.ui.table_model import COLUMNS, PAGE, PersonTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole
HEADERS_ID = ["Nama", "NIK / paspor", "Lahir", "Program", "No. register", "Petugas (PK)", "Tindak pidana",
              "Status", "Bimbingan mulai", "Bimbingan sampai", "Tanggal"]


@pytest.fixture
def indonesian(qapp) -> Iterator[None]:
    translations = Translations(qapp)
    translations.use("id")
    yield
    translations.use("en")


def nik(birth: date, serial: int) -> str:
    return f"352201{birth.day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def add(db: Database, name: str, birth: date, serial: int, *, alias: str = "", code: str | None = "PB",
        officer_id: int | None = None) -> int:
    p = PersonInput(name=name, alias=alias, nik=nik(birth, serial), sex="L", birth_date=birth, birth_place="Tuban")
    prog = program(db, code, officer_id=officer_id) if code else None
    return create_client(db, p, case(db) if code else None, prog, today=TODAY).id


def model_for(db: Database, flt: Filter | None = None) -> PersonTableModel:
    model = PersonTableModel(Queries(db))
    model.today = TODAY
    model.set_filter(flt or Filter())
    return model


def cell(model: PersonTableModel, row: int, key: str, role: Qt.ItemDataRole = DISPLAY):
    column = [k for k, _h in COLUMNS].index(key)
    return model.data(model.index(row, column), role)


def names_in_order(db: Database, *columns: str, descending: bool = False) -> list[int]:
    rows = db.query("SELECT * FROM persons WHERE deleted_at IS NULL")
    return [r["id"] for r in sorted(rows, key=lambda r: (*(r[c] for c in columns), r["id"]), reverse=descending)]


def many(db: Database, n: int) -> None:
    """n persons without cases, born on different days, named so the order is known: Klien 0001 ... Klien n."""
    for i in range(n):
        birth = date(1960, 1, 1) + timedelta(days=97 * i)
        create_client(db, PersonInput(name=f"Klien {n - i:04d}", nik=nik(birth, i + 1), sex="L", birth_date=birth,
                                      birth_place="Tuban"), today=TODAY)


class PageReads:
    """Counts the pages the model asks the database for."""

    def __init__(self, queries: Queries, monkeypatch):
        self.calls: list[tuple[int, bool]] = []
        original = queries.page

        def page(*args, **kwargs):
            rows = original(*args, **kwargs)
            self.calls.append((rows[0]["id"] if rows else -1, kwargs.get("after") is not None))
            return rows

        monkeypatch.setattr(queries, "page", page)


# -- shape and cells ------------------------------------------------------------------------------

def test_rows_and_columns(db, indonesian):
    add(db, "Budi Santoso", date(1990, 5, 15), 1)
    add(db, "Joko Susilo", date(1985, 1, 2), 2, code=None)
    model = model_for(db)
    # Ten columns of the person and their record, and the date of a due list (hidden outside one).
    assert (model.rowCount(), model.columnCount()) == (2, len(COLUMNS)) == (2, 11)
    # A table has no children.
    assert model.rowCount(model.index(0, 0)) == 0 and model.columnCount(model.index(0, 0)) == 0


def test_headers_are_indonesian_and_rows_are_numbered_from_one(db, indonesian):
    model = model_for(db)
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == HEADERS_ID
    assert [model.headerData(i, Qt.Orientation.Vertical) for i in (0, 9)] == [1, 10]
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None


def test_every_cell_of_a_client_with_a_program(db, indonesian):
    sari = officer(db)
    add(db, "Budi Santoso", date(1990, 5, 15), 1, alias="Kancil", officer_id=sari)
    model = model_for(db)
    cells = {key: cell(model, 0, key) for key, _h in COLUMNS}
    assert cells == {
        "name": "Budi Santoso als. Kancil", "nik": "3522011505900001", "birth_date": "15 Mei 1990",
        "program": "PB", "register": "1/PB/2025", "officer": "Sari Dewi, S.H.", "offence": "Pencurian",
        "status": "Aktif", "start": "21 Desember 2025", "end": "1 Desember 2027", "due": "",
    }
    # The tooltip repeats the cell (long names are cut in the column).
    assert cell(model, 0, "name", Qt.ItemDataRole.ToolTipRole) == "Budi Santoso als. Kancil"


def test_a_person_without_a_case_shows_empty_cells_not_placeholders(db, indonesian):
    add(db, "Joko Susilo", date(1985, 1, 2), 2, code=None)
    model = model_for(db)
    cells = {key: cell(model, 0, key) for key, _h in COLUMNS}
    assert cells == {"name": "Joko Susilo", "nik": "3522010201850002", "birth_date": "2 Januari 1985",
                     "program": "", "register": "", "officer": "", "offence": "", "status": "", "start": "",
                     "end": "", "due": ""}


def test_a_status_is_shown_by_its_label(db, indonesian):
    person_id = add(db, "Budi Santoso", date(1990, 5, 15), 1)
    program_id = Queries(db).programs_of(person_id)[0]["id"]
    change_program_status(db, program_id, StatusChange("dicabut", TODAY, "W15-1", "Tidak lapor"), today=TODAY)
    assert cell(model_for(db), 0, "status") == "Dicabut"


def test_other_roles_and_cells_outside_the_table_give_nothing(db, indonesian):
    add(db, "Budi Santoso", date(1990, 5, 15), 1)
    model = model_for(db)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.EditRole) is None
    assert model.data(QModelIndex()) is None
    assert model.person_id(1) is None and model.person_id(-1) is None


# -- order ------------------------------------------------------------------------------------------

def test_sorting_by_a_column_orders_the_same_persons(db, indonesian, qtbot):
    for i, (name, birth) in enumerate([("Citra", date(1990, 5, 15)), ("Agus", date(1985, 1, 2)),
                                       ("Budi", date(1990, 5, 15)), ("Dewi", date(1979, 12, 31))], 1):
        add(db, f"{name} Santoso", birth, i, code=None)
    model = model_for(db)
    assert [model.person_id(r) for r in range(4)] == names_in_order(db, "name_sort")
    column = [k for k, _h in COLUMNS].index("birth_date")
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.sort(column, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 4
    assert [model.person_id(r) for r in range(4)] == names_in_order(db, "birth_date", "name_sort", descending=True)
    assert [cell(model, r, "birth_date") for r in range(4)] == ["15 Mei 1990", "15 Mei 1990", "2 Januari 1985",
                                                                  "31 Desember 1979"]
    model.sort(column, Qt.SortOrder.AscendingOrder)
    assert [model.person_id(r) for r in range(4)] == names_in_order(db, "birth_date", "name_sort")


# -- pages past 100 rows ------------------------------------------------------------------------------

def test_rows_past_the_first_page_read_in_order_forwards_backwards_and_by_jumps(db, indonesian):
    many(db, 2 * PAGE + 50)
    expected = names_in_order(db, "name_sort")
    model = model_for(db)
    assert model.rowCount() == 250
    # A jump to the end first (by offset), then from the top page by page (keyset), then backwards.
    assert model.person_id(249) == expected[249]
    assert [model.person_id(r) for r in range(250)] == expected
    assert [model.person_id(r) for r in reversed(range(250))] == expected[::-1]
    assert [cell(model, r, "name") for r in (0, 99, 100, 199, 200, 249)] == \
        ["Klien 0001", "Klien 0100", "Klien 0101", "Klien 0200", "Klien 0201", "Klien 0250"]
    assert model.person_id(250) is None


def test_pages_stay_right_when_old_ones_are_dropped_from_the_cache(db, indonesian, monkeypatch):
    monkeypatch.setattr(table_model, "MAX_CACHED_PAGES", 2)
    many(db, 2 * PAGE + 50)
    expected = names_in_order(db, "name_sort", descending=True)
    model = model_for(db)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    for row in (0, 150, 249, 5, 120, 230, 99, 100):
        assert model.person_id(row) == expected[row], row
    # At most two pages are kept: after pages 0, 1 and 2, page 0 is read again.
    reads = PageReads(model.queries, monkeypatch)
    model.refresh_rows(None)
    for row in (0, 100, 200, 0):
        model.person_id(row)
    assert len(reads.calls) == 4


# -- refreshing ---------------------------------------------------------------------------------------------

def test_refresh_rows_rereads_only_the_pages_holding_the_changed_persons(db, indonesian, qtbot, monkeypatch):
    many(db, 2 * PAGE + 50)
    model = model_for(db)
    for row in (0, 249):  # read the first and the last page
        model.person_id(row)
    changed = model.person_id(3)
    update_person(db, changed, PersonInput(**{**vars(person_input(db, changed)), "name": "Klien 0004 Baru"}),
                  today=TODAY)
    assert cell(model, 3, "name") == "Klien 0004"  # the cached page until told
    reads = PageReads(model.queries, monkeypatch)
    with qtbot.waitSignal(model.dataChanged, timeout=1000) as signal:
        model.refresh_rows(frozenset({changed}))
    top_left, bottom_right = signal.args[:2]
    assert (top_left.row(), top_left.column(), bottom_right.row(), bottom_right.column()) == (0, 0, 249, 10)
    assert cell(model, 3, "name") == "Klien 0004 Baru"
    assert cell(model, 249, "name") == "Klien 0250"
    assert len(reads.calls) == 1  # the first page again; the last one came from the cache
    model.refresh_rows(None)
    cell(model, 249, "name")
    assert len(reads.calls) == 2


def test_refresh_rows_of_an_empty_selection_signals_nothing(db, indonesian, qtbot):
    model = model_for(db)
    with qtbot.assertNotEmitted(model.dataChanged):
        model.refresh_rows(None)
    assert model.rowCount() == 0


# -- finding a person's row -------------------------------------------------------------------------------

def test_row_of_finds_a_person_on_a_page_read_or_not_and_minus_one_outside(db, indonesian):
    many(db, 2 * PAGE + 50)
    expected = names_in_order(db, "name_sort")
    model = model_for(db)
    model.person_id(0)  # only the first page is read
    assert model.row_of(expected[42]) == 42
    assert model.row_of(expected[230]) == 230  # not read yet: asked of the database
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.row_of(expected[230]) == 250 - 1 - 230
    zainal = add(db, "Zainal Abidin", date(1975, 6, 1), 999, code=None)
    model.set_filter(Filter(search="zainal"))
    assert model.rowCount() == 1
    assert (model.row_of(zainal), model.row_of(expected[0]), model.row_of(expected[230])) == (0, -1, -1)
