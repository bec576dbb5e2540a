"""The sidebar as an officer uses it (issue 9): everyone counted, ended programs by choice, empty groups kept,
long sections folded, a filter box over 75 officers, labels with tooltips, sections other screens add."""

from __future__ import annotations

from datetime import date

from factories import case, kind_id, officer, person, program
from PySide6.QtCore import Qt
from uikit import make_window, sidebar_count, sidebar_item, wait_counts

from app.models.domain import StatusChange
from app.models.queries import Filter, Queries
from app.operations import clients
from conftest import PASSWORD, TODAY


def _click(window, dimension, value) -> None:
    item = sidebar_item(window, dimension, value)
    assert item is not None, (dimension, value)
    window.sidebar.itemClicked.emit(item, 0)


def _three(db):
    """Budi and Siti on PB; Joko's CB was revoked last year."""
    clients.create_client(db, person(), case(db), program(db, "PB"), today=TODAY)
    clients.create_client(db, person("Siti Aminah", "3522015708920002", "P", date(1992, 8, 17)), case(db),
                          program(db, "PB"), today=TODAY)
    joko = clients.create_client(db, person("Joko Susilo", "3522012106610003", "L", date(1961, 6, 21)), case(db),
                                 program(db, "CB", start_date=date(2025, 1, 10), end_date=date(2027, 1, 1)),
                                 today=TODAY)
    cb = Queries(db).programs_of(joko.id)[0]["id"]
    clients.change_program_status(db, cb, StatusChange("dicabut", date(2025, 6, 1), "W15-PK.05-77", "tidak lapor 3x"),
                                  today=TODAY)
    return joko.id


def test_semua_klien_always_counts_everyone_in_the_file(qtbot, db):
    _three(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    assert sidebar_count(window, "all", None) == 3
    _click(window, "kind", kind_id(db, "PB"))
    assert window.model.rowCount() == 2
    assert sidebar_count(window, "all", None) == 3  # not the 2 of the group chosen
    assert "3 orang" in sidebar_item(window, "all", None).toolTip(0)
    window.search_edit.setText("budi")
    _click(window, "all", None)  # "Semua klien" is everyone: no group, no search
    assert window.model.rowCount() == 3 and window.search_edit.text() == "" and not window.filter.groups


def test_ended_programs_are_counted_only_when_the_officer_ticks_including_those_that_ended(qtbot, db):
    _three(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    cb = kind_id(db, "CB")
    check = window.sidebar_panel.ended_check
    assert check.text() == "termasuk yang sudah berakhir" and not check.isChecked()
    assert sidebar_count(window, "kind", cb) == 0  # the revoked CB is not "a CB client now"
    check.setChecked(True)
    assert sidebar_count(window, "kind", cb) == 1
    _click(window, "kind", cb)
    assert window.model.rowCount() == 1 and window.filter.include_ended
    assert window.model.data(window.model.index(0, 0)) == "Joko Susilo"
    assert "termasuk program yang sudah berakhir" in window.filter_bar.findChild(type(check).__mro__[2],
                                                                               "ended_label").text()
    # Counts equal rows in every group, with ended programs included.
    queries = Queries(db)
    for dimension in ("kind", "officer", "offence"):
        flt = Filter(include_ended=True)
        for value, count in queries.group_counts(dimension, flt, TODAY).items():
            assert len(queries.person_ids(flt.with_group(dimension, value), today=TODAY)) == count
    check.setChecked(False)
    assert window.model.rowCount() == 0 and sidebar_count(window, "kind", cb) == 0


def test_a_group_with_nobody_in_it_stays_in_its_place_greyed(qtbot, db):
    _three(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    _click(window, "kind", kind_id(db, "PB"))
    for dimension, value in (("status", "dicabut"), ("kind", kind_id(db, "CB")), ("age", "anak")):
        item = sidebar_item(window, dimension, value)
        assert item is not None and not item.isHidden(), (dimension, value)
        assert item.text(1) == "0"
        assert item.foreground(0).color().name() == "#888888"


def _many_officers(db, n=20):
    names = [f"Petugas Nomor {i:02d}, S.H." for i in range(1, n)] + ["Agus Salim, S.Sos."]
    ids = []
    for i, name in enumerate(names):
        ids.append(officer(db, name, f"19850312201001{1 + i % 2}{i:03d}"))
    return ids


def test_a_long_section_starts_folded_and_the_filter_box_finds_a_pk(qtbot, db):
    ids = _many_officers(db)
    clients.create_client(db, person(), case(db), program(db, "PB", ids[-1]), today=TODAY)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    heading = sidebar_item(window, "officer", None)
    assert not heading.isExpanded()
    assert heading.text(0) == "Petugas (PK) (21)"  # 20 officers and "Belum ada petugas"
    status = sidebar_item(window, "status", None)
    assert status.isExpanded()  # short sections stay open
    qtbot.keyClicks(window.sidebar_panel.filter_edit, "agus")
    shown = [i for i in window.sidebar.items() if not i.isHidden() and window.sidebar.key_of(i)
             and window.sidebar.key_of(i)[1] is not None]
    assert [window.sidebar.key_of(i) for i in shown] == [("officer", ids[-1])]
    assert not sidebar_item(window, "all", None).isHidden()  # "Semua klien" stays in reach
    assert heading.isExpanded()
    assert status.isHidden()
    qtbot.keyClick(window.sidebar_panel.filter_edit, Qt.Key.Key_Escape)
    assert window.sidebar_panel.filter_edit.text() == ""
    assert not status.isHidden() and not sidebar_item(window, "officer", None).isExpanded()


def test_a_section_the_officer_unfolds_stays_unfolded_after_the_counts_change(qtbot, db):
    ids = _many_officers(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    sidebar_item(window, "officer", None).setExpanded(True)
    clients.create_client(db, person(), case(db), program(db, "PB", ids[0]), today=TODAY)
    window.act_refresh.trigger()
    assert sidebar_item(window, "officer", None).isExpanded()
    assert sidebar_count(window, "officer", ids[0]) == 1


def test_every_group_has_a_tooltip_that_says_more_than_its_label(qtbot, db):
    _three(db)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    wait_counts(window)
    pb = sidebar_item(window, "kind", kind_id(db, "PB"))
    assert pb.text(0) == "PB – Pembebasan Bersyarat"
    assert "aktif hari ini" in pb.toolTip(0) and "2 orang" in pb.toolTip(0)
    differs = sidebar_item(window, "due", "official_differs")
    assert differs.text(0) == "Tanggal resmi berbeda"
    assert "SK" in differs.toolTip(0) and "periksa remisi" in differs.toolTip(0)  # explained, not repeated
    for item in window.sidebar.items():
        if item.text(0) and item.toolTip(0):
            assert item.toolTip(0) != item.text(0)


def test_another_screen_can_add_a_section_that_is_counted_and_clicked_like_the_others(qtbot, db):
    from app.ui import sidebar as sidebar_module
    from app.ui.sidebar import Group, Section, register_section

    _three(db)
    section = Section("age", "Adult / child", lambda q, flt, unit, today: {"dewasa": q.total(
        flt.without("age").with_group("age", "dewasa"), today)},
        lambda data, unit: [Group("Dewasa (uji)", "dewasa", data.counts["age"].get("dewasa", 0), "uji")],
        order=1)
    before = list(sidebar_module.SECTIONS)
    register_section(section)
    try:
        window = make_window(qtbot, db, PASSWORD, TODAY)
        wait_counts(window)
        tops = [window.sidebar.topLevelItem(i).text(0) for i in range(window.sidebar.topLevelItemCount())]
        assert tops[1] == "Dewasa / anak"  # placed by its order, before Program
        assert sidebar_count(window, "age", "dewasa") == 3
        _click(window, "age", "dewasa")
        assert window.model.rowCount() == 3
    finally:
        sidebar_module.SECTIONS[:] = before
