"""Translatable labels for the wajib lapor codes (kinds of contact, working, states, groups, steps)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

VISIT_KINDS = {
    "office": QT_TRANSLATE_NOOP("Lapor", "In person at the office"),
    "home": QT_TRANSLATE_NOOP("Lapor", "Home visit by the PK"),
    "remote": QT_TRANSLATE_NOOP("Lapor", "Remote (online, video call)"),
    "officer": QT_TRANSLATE_NOOP("Lapor", "Through another officer"),
}
WORKING = {
    "yes": QT_TRANSLATE_NOOP("Lapor", "Working"),
    "no": QT_TRANSLATE_NOOP("Lapor", "Not working"),
    "unknown": QT_TRANSLATE_NOOP("Lapor", "Not asked"),
}
EXCUSES = {
    "sakit": QT_TRANSLATE_NOOP("Lapor", "Sick"),
    "izin": QT_TRANSLATE_NOOP("Lapor", "Leave granted"),
    "berhalangan": QT_TRANSLATE_NOOP("Lapor", "Prevented"),
}
STATES = {
    "reported": QT_TRANSLATE_NOOP("Lapor", "reported"),
    "late": QT_TRANSLATE_NOOP("Lapor", "missed (came late)"),
    "missed": QT_TRANSLATE_NOOP("Lapor", "missed"),
    "excused": QT_TRANSLATE_NOOP("Lapor", "excused"),
    "grace": QT_TRANSLATE_NOOP("Lapor", "not yet reported (grace days)"),
    "current": QT_TRANSLATE_NOOP("Lapor", "current period"),
    "future": QT_TRANSLATE_NOOP("Lapor", "not yet"),
    "closed": QT_TRANSLATE_NOOP("Lapor", "not due (program ended)"),
    "unrecorded": QT_TRANSLATE_NOOP("Lapor", "before recording here"),
}
STATE_COLOURS = {"reported": "#2e7d32", "late": "#c62828", "missed": "#c62828", "excused": "#1565c0",
                 "grace": "#ef6c00", "current": "#555555", "future": "#9e9e9e", "closed": "#9e9e9e",
                 "unrecorded": "#9e9e9e"}
GROUPS = {
    "unreported": QT_TRANSLATE_NOOP("Lapor", "Not yet reported this period"),
    "missed_last": QT_TRANSLATE_NOOP("Lapor", "Missed last period"),
    "confirm": QT_TRANSLATE_NOOP("Lapor", "Escalation step to confirm"),
    "revocation": QT_TRANSLATE_NOOP("Lapor", "Proposed for revocation"),
    "ending": QT_TRANSLATE_NOOP("Lapor", "Guidance ends within 30 days"),
    "past_end": QT_TRANSLATE_NOOP("Lapor", "Past the end of guidance, still active"),
}
STEPS = {
    "usul_pencabutan": QT_TRANSLATE_NOOP("Lapor", "Proposal to revoke"),
    "laporan_kalapas": QT_TRANSLATE_NOOP("Lapor", "Report to the head of the Lapas/Rutan"),
    "laporan_jaksa": QT_TRANSLATE_NOOP("Lapor", "Report to the prosecutor"),
    "bap": QT_TRANSLATE_NOOP("Lapor", "Examination report (BAP)"),
    "sidang_tpp": QT_TRANSLATE_NOOP("Lapor", "TPP hearing"),
    "pencabutan_sementara": QT_TRANSLATE_NOOP("Lapor", "Provisional revocation by the head of the Bapas"),
    "batal": QT_TRANSLATE_NOOP("Lapor", "Not revoked (guidance continues)"),
}


_WARNING = QT_TRANSLATE_NOOP("Lapor", "Warning letter %1")


def _t(text: str) -> str:
    return QCoreApplication.translate("Lapor", text)


def visit_kind_label(code: str) -> str:
    return _t(VISIT_KINDS.get(code, code))


def working_label(code: str) -> str:
    return _t(WORKING.get(code, code))


def excuse_label(code: str) -> str:
    return _t(EXCUSES.get(code, code))


def state_label(code: str) -> str:
    return _t(STATES.get(code, code))


def step_label(key: str) -> str:
    if key.startswith("teguran_"):
        return _t(_WARNING).replace("%1", key.split("_", 1)[1])
    return _t(STEPS.get(key, key))


# Shorter names for the sidebar, which is narrow.
GROUP_STEPS = {
    "laporan_kalapas": QT_TRANSLATE_NOOP("Lapor", "Reported to the Lapas"),
    "laporan_jaksa": QT_TRANSLATE_NOOP("Lapor", "Reported to the prosecutor"),
}


def group_label(group: str) -> str:
    if group.startswith("step:"):
        key = group.split(":", 1)[1]
        return _t(GROUP_STEPS[key]) if key in GROUP_STEPS else step_label(key)
    return _t(GROUPS.get(group, group))


GROUP_TIPS = {
    "unreported": QT_TRANSLATE_NOOP("Lapor", "Clients whose current reporting period has no visit yet"),
    "missed_last": QT_TRANSLATE_NOOP("Lapor", "Clients who did not report in the last period that has ended"),
    "confirm": QT_TRANSLATE_NOOP("Lapor", "Missed periods have reached a step (a warning letter, the last step): "
                                          "confirm it to give the letter its number"),
    "revocation": QT_TRANSLATE_NOOP("Lapor", "PB, CB or CMB clients proposed for revocation, until the status changes"),
    "ending": QT_TRANSLATE_NOOP("Lapor", "Programs active today whose guidance ends within 30 days"),
    "past_end": QT_TRANSLATE_NOOP("Lapor", "Programs still marked active after their end of guidance: "
                                           "change their status (never escalated)"),
}


def group_tooltip(group: str) -> str:
    if group.startswith("step:"):
        return _t(QT_TRANSLATE_NOOP("Lapor", "Clients whose last confirmed step is this one, still missing"))
    return _t(GROUP_TIPS[group]) if group in GROUP_TIPS else ""
