"""Operations on the unit's settings: the office (for print-outs), preferences, calculation choices.

Reading settings is on the window's start-up path, so the heavier modules (the
calculator, the client operations) are imported by the functions that need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.models.errors import UserInputError, ValidationErrors
from app.models.i18n import tr
from app.models.storage import Database
from app.operations import OpChanges, OpResult

if TYPE_CHECKING:
    from app.models import calculator as calc

OFFICE_FIELDS = ("unit_name", "unit_kind", "address", "city", "head_name", "head_nip", "operator_name", "logo")
DEFAULT_PREFERENCES = {"language": "id", "idle_lock_minutes": 10, "backup_keep": 10, "backup_daily": True,
                       "paper": "A4"}


def office(db: Database) -> dict[str, Any]:
    stored = db.get_setting("office") or {}
    return {**{k: "" for k in OFFICE_FIELDS}, "unit_kind": "bapas", **stored}


def preferences(db: Database) -> dict[str, Any]:
    return {**DEFAULT_PREFERENCES, **(db.get_setting("preferences") or {})}


def save_office(db: Database, values: dict[str, Any]) -> OpResult:
    """Unit name and kind, address, city, head of office with NIP, logo (data URI), operator."""
    from app.models.domain import UNIT_KINDS
    from app.models.identity import normalise_digits, validate_nip

    clean = {k: (values.get(k) or "").strip() if isinstance(values.get(k, ""), str) else values.get(k)
             for k in OFFICE_FIELDS}
    errors = []
    if clean["unit_kind"] not in UNIT_KINDS:
        errors.append(UserInputError(tr("Pilih jenis UPT.", "Choose the kind of unit."), field="office.unit_kind"))
    if clean["head_nip"]:
        try:
            validate_nip(clean["head_nip"], field="office.head_nip")
            clean["head_nip"] = normalise_digits(clean["head_nip"])
        except UserInputError as err:
            errors.append(err)
    if errors:
        raise ValidationErrors(errors)
    with db.transaction():
        before = office(db)
        db.set_setting("office", clean)
        db.audit("ubah pengaturan kantor", "settings", None,
                 before={k: v for k, v in before.items() if k != "logo"},
                 after={k: v for k, v in clean.items() if k != "logo"})
    return OpResult(OpChanges(settings=True, lists=True))


def save_preferences(db: Database, values: dict[str, Any]) -> OpResult:
    prefs = {**preferences(db), **values}
    if prefs["language"] not in ("id", "en"):
        raise UserInputError(tr("Bahasa tidak dikenal.", "Unknown language."), field="preferences.language")
    for key, low, high in (("idle_lock_minutes", 1, 240), ("backup_keep", 1, 100)):
        if not isinstance(prefs[key], int) or not low <= prefs[key] <= high:
            raise UserInputError(tr("Nilai {k} harus {lo}-{hi}.", "{k} must be {lo}-{hi}.", k=key, lo=low, hi=high),
                                 field=f"preferences.{key}")
    if prefs["paper"] not in ("A4", "F4"):
        raise UserInputError(tr("Ukuran kertas harus A4 atau F4.", "Paper must be A4 or F4."),
                             field="preferences.paper")
    with db.transaction():
        db.set_setting("preferences", prefs)
        db.audit("ubah preferensi", "settings", None, after=prefs)
    return OpResult(OpChanges(settings=True))


def save_register_pattern(db: Database, pattern: str) -> OpResult:
    from app.operations.clients import DEFAULT_REGISTER_PATTERN, format_register

    pattern = pattern.strip() or DEFAULT_REGISTER_PATTERN
    try:
        sample = format_register(pattern, 1, "PB", 2026, 1)
    except (KeyError, IndexError, ValueError):
        raise UserInputError(tr(
            "Pola nomor register tidak valid. Gunakan {seq}, {seq3}, {program}, {year}, {month}, {roman_month}.",
            "Invalid register pattern. Use {seq}, {seq3}, {program}, {year}, {month}, {roman_month}."),
            field="settings.register_pattern") from None
    if "{seq" not in pattern:
        raise UserInputError(tr("Pola harus memuat {seq} agar nomor tidak sama.",
                                "The pattern must contain {seq} so numbers differ."),
                             field="settings.register_pattern")
    with db.transaction():
        db.set_setting("register_pattern", pattern)
        db.audit("ubah pola register", "settings", None, after={"pattern": pattern, "sample": sample})
    return OpResult(OpChanges(settings=True))


def save_calc_settings(db: Database, settings: calc.CalcSettings, progress=None) -> OpResult:
    """Change a calculation choice and recompute every case (one transaction each step)."""
    from app.models import calculator as calc
    from app.operations.sentence import recompute_all

    with db.transaction():
        before = db.get_setting("calc") or calc.CalcSettings().to_dict()
        db.set_setting("calc", settings.to_dict())
        db.audit("ubah aturan hitung", "settings", None, before=before, after=settings.to_dict())
        count = recompute_all(db, progress)
    return OpResult(OpChanges(settings=True, lists=True, everything=True), info={"recomputed": count})


# -- wajib lapor (issue 10) -------------------------------------------------------------------------
# Grace days, the escalation ladder (steps, thresholds), the last step's route per program kind,
# the letter number patterns and the day visits began to be recorded here: all data, in one setting
# ("reporting"); its defaults live beside the rules they feed (app.models.reporting.DEFAULT_REPORTING).


def reporting_settings(db: Database) -> dict[str, Any]:
    """The wajib lapor settings, defaults filled in (see app.models.reporting.DEFAULT_REPORTING)."""
    from app.models.reporting import merged_settings

    return merged_settings(db.get_setting("reporting"))


def save_reporting_settings(db: Database, values: dict[str, Any], progress=None) -> OpResult:
    """Change the wajib lapor settings; grace days and the recording start re-derive every visit's flags."""
    from datetime import date

    from app.models.lapor_rows import refresh
    from app.models.reporting import FINAL_ROUTES, letter_number, steps_errors

    new = {**reporting_settings(db), **values}
    errors: list[UserInputError] = []
    grace = new.get("grace_days")
    if not isinstance(grace, int) or isinstance(grace, bool) or not 0 <= grace <= 27:
        errors.append(UserInputError(tr("Hari tenggang harus 0-27.", "Grace days must be 0-27."),
                                     field="reporting.grace_days"))
    for line in steps_errors(new.get("steps") or []):
        errors.append(UserInputError(line, field="reporting.steps"))
    for code, route in (new.get("final_routes") or {}).items():
        if route not in FINAL_ROUTES:
            errors.append(UserInputError(tr("Langkah akhir {c} tidak dikenal: {r}.", "Unknown final step for {c}: {r}.",
                                            c=code, r=route), field="reporting.final_routes"))
    for key, pattern in (new.get("letter_patterns") or {}).items():
        try:
            letter_number(pattern, 1, step=key, program="PB", register="1/PB/2026", day=date(2026, 1, 1))
        except (KeyError, IndexError, ValueError):
            errors.append(UserInputError(tr(
                "Pola nomor surat {k} tidak valid. Gunakan {{seq}}, {{seq3}}, {{year}}, {{month}}, {{roman_month}}, "
                "{{program}}, {{register}}.",
                "Invalid letter number pattern for {k}. Use {{seq}}, {{seq3}}, {{year}}, {{month}}, {{roman_month}}, "
                "{{program}}, {{register}}.", k=key), field=f"reporting.letter_patterns.{key}"))
    since = new.get("recorded_since")
    if since:
        try:
            date.fromisoformat(since)
        except (TypeError, ValueError):
            errors.append(UserInputError(tr("Tanggal mulai pencatatan tidak valid.", "Invalid recording start date."),
                                         field="reporting.recorded_since"))
    if errors:
        raise ValidationErrors(errors)
    with db.transaction() as conn:
        before = reporting_settings(db)
        db.set_setting("reporting", new)
        db.audit("ubah pengaturan wajib lapor", "settings", None, before=before, after=new)
        if (before["grace_days"], before["recorded_since"]) != (new["grace_days"], new["recorded_since"]):
            if progress is not None:
                progress(0, 1, tr("Menghitung ulang wajib lapor...", "Recomputing reporting..."))
            refresh(conn, None, grace=new["grace_days"],
                    recorded_since=date.fromisoformat(new["recorded_since"]) if new["recorded_since"] else None)
    return OpResult(OpChanges(settings=True, lists=True))


# -- issue 12: the capacity of a Lapas or Rutan per register class (the occupancy sheet) ------------

def capacity(db: Database) -> dict[str, int]:
    """{register class: capacity in persons}; a class not set is left out."""
    from app.models.schema import REGISTER_CLASSES

    stored = db.get_setting("capacity") or {}
    return {k: int(v) for k, v in stored.items()
            if k in REGISTER_CLASSES and isinstance(v, int) and not isinstance(v, bool) and v > 0}


def save_capacity(db: Database, values: dict[str, int | None]) -> OpResult:
    """The capacity per register class (0 or empty: not set)."""
    from app.models.schema import REGISTER_CLASSES

    clean: dict[str, int] = {}
    for key, value in values.items():
        if key not in REGISTER_CLASSES:
            raise UserInputError(tr("Golongan register tidak dikenal: {k}", "Unknown register class: {k}", k=key),
                                 field="capacity")
        if value in (None, 0):
            continue
        if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= 100_000:
            raise UserInputError(tr("Kapasitas {k} harus bilangan bulat 1-100.000.",
                                    "The capacity of {k} must be a whole number 1-100,000.", k=key),
                                 field=f"capacity.{key}")
        clean[key] = value
    with db.transaction():
        before = capacity(db)
        db.set_setting("capacity", clean)
        db.audit("ubah kapasitas hunian", "settings", None, before=before, after=clean)
    return OpResult(OpChanges(settings=True))
