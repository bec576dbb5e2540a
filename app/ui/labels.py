"""Translatable labels for the domain's codes (statuses, classes, due lists, date keys)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from app.models.durations import Duration
from app.models.schema import PROGRAM_STATUSES, REMISSION_KINDS

_STATUS = {
    "aktif": QT_TRANSLATE_NOOP("Labels", "Active"),
    "selesai": QT_TRANSLATE_NOOP("Labels", "Completed"),
    "dicabut": QT_TRANSLATE_NOOP("Labels", "Revoked"),
    "pindah": QT_TRANSLATE_NOOP("Labels", "Transferred"),
    "melarikan_diri": QT_TRANSLATE_NOOP("Labels", "Absconded / whereabouts unknown"),
    "mengulangi_tindak_pidana": QT_TRANSLATE_NOOP("Labels", "Re-offended"),
    "meninggal": QT_TRANSLATE_NOOP("Labels", "Deceased"),
}
_AGE = {
    "dewasa": QT_TRANSLATE_NOOP("Labels", "Adult"),
    "anak": QT_TRANSLATE_NOOP("Labels", "Child"),
}
_DUE = {
    "pb": QT_TRANSLATE_NOOP("Labels", "Due for parole (PB)"),
    "cb": QT_TRANSLATE_NOOP("Labels", "Due for conditional leave (CB)"),
    "cmb": QT_TRANSLATE_NOOP("Labels", "Due for leave before release (CMB)"),
    "asimilasi": QT_TRANSLATE_NOOP("Labels", "Due for assimilation"),
    "release_1": QT_TRANSLATE_NOOP("Labels", "Released within 1 month"),
    "release_2": QT_TRANSLATE_NOOP("Labels", "Released within 2 months"),
    "release_3": QT_TRANSLATE_NOOP("Labels", "Released within 3 months"),
    "missing_verdict": QT_TRANSLATE_NOOP("Labels", "Missing verdict date or sentence"),
    "official_differs": QT_TRANSLATE_NOOP("Labels", "Official dates differ from computed"),
    # issue 12: records from old registers (imported, or saved with a warning)
    "incomplete": QT_TRANSLATE_NOOP("Labels", "Incomplete records"),
}
# What each due list holds, for its tooltip (the label alone does not say why a person is there).
_DUE_TIPS = {
    "pb": QT_TRANSLATE_NOOP("Labels", "Still serving, parole (PB) possible by date by the end of next month, "
                                      "and no PB recorded yet"),
    "cb": QT_TRANSLATE_NOOP("Labels", "Still serving, conditional leave (CB) possible by the end of next month, "
                                      "and no CB recorded yet"),
    "cmb": QT_TRANSLATE_NOOP("Labels", "Still serving, leave before release (CMB) possible by the end of next "
                                       "month, and no CMB recorded yet"),
    "asimilasi": QT_TRANSLATE_NOOP("Labels", "Still serving, assimilation possible (1/2 of the sentence) by the "
                                             "end of next month, and none recorded yet"),
    "release_1": QT_TRANSLATE_NOOP("Labels", "The expiry (release) date falls within the next month"),
    "release_2": QT_TRANSLATE_NOOP("Labels", "The expiry (release) date falls within the next 2 months"),
    "release_3": QT_TRANSLATE_NOOP("Labels", "The expiry (release) date falls within the next 3 months"),
    "missing_verdict": QT_TRANSLATE_NOOP("Labels", "Cases without a verdict date or a sentence length: their "
                                                   "dates cannot be computed until these are entered"),
    "official_differs": QT_TRANSLATE_NOOP("Labels", "Cases whose official dates (from the SK or the releasing "
                                                    "Lapas's papers) differ from what the program computes: "
                                                    "check the remissions and the dates in Remisi dan tanggal"),
}
_DATES = {
    "expiry_initial": QT_TRANSLATE_NOOP("Labels", "Initial expiry"),
    "expiry": QT_TRANSLATE_NOOP("Labels", "Expiry (release)"),
    "one_third": QT_TRANSLATE_NOOP("Labels", "1/3 of sentence"),
    "half": QT_TRANSLATE_NOOP("Labels", "1/2 of sentence"),
    "two_thirds": QT_TRANSLATE_NOOP("Labels", "2/3 of sentence"),
    "parole_date": QT_TRANSLATE_NOOP("Labels", "Parole (PB) from"),
    "parole_supervision_end": QT_TRANSLATE_NOOP("Labels", "End of parole supervision"),
    "conditional_leave_start": QT_TRANSLATE_NOOP("Labels", "Conditional leave (CB) from"),
    "conditional_leave_end": QT_TRANSLATE_NOOP("Labels", "Conditional leave (CB) until"),
    "leave_before_release_start": QT_TRANSLATE_NOOP("Labels", "Leave before release (CMB) from"),
    "assimilation_date": QT_TRANSLATE_NOOP("Labels", "Assimilation from"),
}
_SENTENCE_KINDS = {
    "term": QT_TRANSLATE_NOOP("Labels", "Imprisonment for a term"),
    "life": QT_TRANSLATE_NOOP("Labels", "Life imprisonment"),
    "death": QT_TRANSLATE_NOOP("Labels", "Death sentence"),
    "none": QT_TRANSLATE_NOOP("Labels", "No verdict yet (detainee)"),
}
_AUTHORITIES = {
    "penyidik": QT_TRANSLATE_NOOP("Labels", "Investigator (A.I)"),
    "penuntut_umum": QT_TRANSLATE_NOOP("Labels", "Public prosecutor (A.II)"),
    "pengadilan_negeri": QT_TRANSLATE_NOOP("Labels", "District court (A.III)"),
    "pengadilan_tinggi": QT_TRANSLATE_NOOP("Labels", "High court (A.IV)"),
    "mahkamah_agung": QT_TRANSLATE_NOOP("Labels", "Supreme court (A.V)"),
}
_UNIT_KINDS = {
    "bapas": QT_TRANSLATE_NOOP("Labels", "Bapas (probation office)"),
    "lapas": QT_TRANSLATE_NOOP("Labels", "Lapas (prison)"),
    "rutan": QT_TRANSLATE_NOOP("Labels", "Rutan (remand centre)"),
    "lpka": QT_TRANSLATE_NOOP("Labels", "LPKA (juvenile facility)"),
}
_REMISSION_KINDS = {
    "umum": QT_TRANSLATE_NOOP("Labels", "General (17 August)"),
    "khusus": QT_TRANSLATE_NOOP("Labels", "Special (religious holiday)"),
    "dasawarsa": QT_TRANSLATE_NOOP("Labels", "Decennial"),
    "tambahan": QT_TRANSLATE_NOOP("Labels", "Additional"),
    "pmp": QT_TRANSLATE_NOOP("Labels", "Sentence reduction for children (PMP)"),
}


def _t(table: dict[str, str], key: str | None) -> str:
    if key is None:
        return ""
    source = table.get(key)
    return QCoreApplication.translate("Labels", source) if source else key


def status_label(code: str | None) -> str:
    return _t(_STATUS, code)


def age_label(code: str | None) -> str:
    return _t(_AGE, code)


def due_label(code: str) -> str:
    return _t(_DUE, code)


def due_tooltip(code: str) -> str:
    return _t(_DUE_TIPS, code) if code in _DUE_TIPS else ""


def date_label(key: str) -> str:
    return _t(_DATES, key)


def sentence_kind_label(code: str) -> str:
    return _t(_SENTENCE_KINDS, code)


def authority_label(code: str) -> str:
    return _t(_AUTHORITIES, code)


def unit_kind_label(code: str) -> str:
    return _t(_UNIT_KINDS, code)


def remission_kind_label(code: str) -> str:
    return _t(_REMISSION_KINDS, code)


# The codes come from their one home (app/models/schema.py); tests/ui/test_labels.py checks every
# code has its label.
STATUS_CODES = PROGRAM_STATUSES
AUTHORITY_CODES = tuple(_AUTHORITIES)
UNIT_KIND_CODES = tuple(_UNIT_KINDS)
REMISSION_KIND_CODES = REMISSION_KINDS
SENTENCE_KIND_CODES = tuple(_SENTENCE_KINDS)


def amount_text(months: int, days: int) -> str:
    """A remission's amount as written on its SK: "2 bulan", "1 bulan 15 hari"."""
    return Duration(0, months, days).label_id()


def sentence_total_text(case: dict[str, Any]) -> str:
    """The case's sentence as "3 tahun 6 bulan" (several sentences joined with +)."""
    parts = [Duration.parse(s).label_id() for s in json.loads(case["sentences"] or "[]")]
    return " + ".join(parts) if parts else "–"
