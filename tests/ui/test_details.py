"""The details panel beside the table: a case's dates with the officer's overrides and the SK's dates."""

from __future__ import annotations

from datetime import date, timedelta

from conftest import TODAY
from factories import case, person, program

from app.models.dates import format_date
from app.models.queries import Queries
from app.operations import clients, sentence
from app.ui.details import DetailsPanel
from app.ui.labels import date_label


def shown_dates(panel: DetailsPanel) -> dict[str, str]:
    """{date label: what the panel writes after it} for the rows of the dates table."""
    lines = [line.strip() for line in panel.toPlainText().splitlines()]
    labels = {date_label(k): k for k in ("expiry_initial", "expiry", "one_third", "half", "two_thirds",
                                          "parole_date", "parole_supervision_end", "conditional_leave_start",
                                          "conditional_leave_end", "leave_before_release_start",
                                          "assimilation_date")}
    return {labels[line]: lines[i + 1] for i, line in enumerate(lines[:-1]) if line in labels}


def test_a_case_shows_overrides_and_official_dates_beside_the_computed_ones(qtbot, db):
    person_id = clients.create_client(db, person(), case(db), program(db, "PB"), today=TODAY).id
    case_id = Queries(db).cases_of(person_id)[0]["id"]
    computed = sentence.compute_case(db, case_id)
    officers_expiry = computed.expiry + timedelta(days=5)
    sentence.set_override(db, case_id, "expiry", officers_expiry, "Sesuai surat Lapas")
    sentence.set_official_dates(db, case_id, {"one_third": computed.one_third,
                                              "parole_date": computed.parole_date - timedelta(days=3)}, "SK PB 1")
    panel = DetailsPanel()
    qtbot.addWidget(panel)
    panel.show_person(Queries(db), person_id, TODAY)
    rows = shown_dates(panel)

    expiry = rows["expiry"]
    assert expiry.startswith(format_date(officers_expiry))
    assert f"({panel.tr('computed')}: {format_date(computed.expiry)})" in expiry
    assert "✎ Sesuai surat Lapas" in expiry
    assert rows["one_third"] == f"{format_date(computed.one_third)} {panel.tr('official')}: " \
                                f"{format_date(computed.one_third)} ✓"
    assert rows["parole_date"].endswith(f"{format_date(computed.parole_date - timedelta(days=3))} ≠")
    assert "✎" not in rows["parole_date"] and panel.tr("computed") not in rows["half"]
    # Conditional leave (CB) has no date for a 3-year sentence, and no official one: no row.
    assert "conditional_leave_start" not in rows


def test_a_life_sentence_shows_why_there_are_no_dates(qtbot, db):
    person_id = clients.create_client(db, person(), case(db, sentence_kind="life", sentences=[]),
                                      today=TODAY).id
    panel = DetailsPanel()
    qtbot.addWidget(panel)
    panel.show_person(Queries(db), person_id, TODAY)
    assert "tidak ada tanggal ekspirasi" in panel.toPlainText()
    assert shown_dates(panel) == {}
    assert format_date(date(2024, 3, 1)) in panel.toPlainText()


def test_a_label_wraps_between_words_never_inside_one_in_a_narrow_panel(qtbot, db):
    """ "Kewarganegaraan" broke in two ("Kewarganegara / an") in the 300-pixel panel at 1366x768."""
    person_id = clients.create_client(db, person(nationality="Indonesia", religion="Islam"), case(db),
                                      program(db, "PB"), today=TODAY).id
    panel = DetailsPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 700)
    panel.show()
    panel.show_person(Queries(db), person_id, TODAY)
    doc = panel.document()
    doc.setTextWidth(panel.viewport().width())
    seen = {}
    block = doc.begin()
    while block.isValid():
        text = block.text().strip()
        if text in ("Kewarganegaraan", "Tanggal tindak pidana"):
            lines = (block.layout().lineAt(i) for i in range(block.layout().lineCount()))
            seen[text] = [block.text()[ln.textStart():ln.textStart() + ln.textLength()].strip() for ln in lines]
        block = block.next()
    assert seen["Kewarganegaraan"] == ["Kewarganegaraan"]
    assert all(part in ("Tanggal", "tindak", "pidana", "Tanggal tindak", "tindak pidana", "Tanggal tindak pidana")
               for part in seen["Tanggal tindak pidana"])
