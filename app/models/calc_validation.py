"""The sentence calculator's input checks: what it refuses, and why, in the user's language.

Three passes, in the order ``calculator.compute`` runs them:

* ``basic_errors``: everything that can be checked without computing a date;
* ``range_errors``: checks against the initial expiry and the days to be served,
  which need a valid sentence to compute;
* ``period_errors``: the effective dates after an officer's overrides.

Each returns a list of ``UserInputError`` whose ``field`` names the
``SentenceInput`` attribute at fault; ``raise_errors`` raises one, or
``ValidationErrors`` for several, so a form can mark each field.

Refuse or cap?  The calculator refuses input that cannot describe a real case,
because a plausible-looking date computed from it would be wrong and nobody would
notice: a remission (a total from the SK, or a ledger) that reaches the whole time
to be served (the expiry would fall on or before the first day of detention), the
same remission entered twice, an officer's date before the first day of detention,
or overrides that make a period end before it begins.  It caps, with a warning in
the breakdown, only where the input is real and the arithmetic is what falls short:
see ``calc_breakdown`` (fraction dates computed without remission that fall after
the expiry).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from typing import Any

from app.models.calc_types import (
    DATE_KEYS,
    DATE_LABELS,
    REMISSION_KIND_LABELS,
    REMISSION_KINDS,
    SENTENCE_KINDS,
    Remission,
    SentenceInput,
)
from app.models.digits import format_number_id
from app.models.durations import Duration
from app.models.errors import UserInputError, ValidationErrors
from app.models.i18n import tr

# Days of city or house detention: the window's field stops here too.  KUHAP's longest
# detention with every extension is under two years, so more is a typing slip.
MAX_DETENTION_DAYS = 9_999
# Rupiah: SQLite stores integers up to 9.2 · 10^18; a fine of Rp 1,000 trillion is far
# past any verdict, so the limit is a round number well inside what can be stored.
MAX_FINE = 999_999_999_999_999

# Periods whose end may not come before their start (the effective dates).
PERIODS: tuple[tuple[str, str], ...] = (
    ("conditional_leave_start", "conditional_leave_end"),
    ("parole_date", "parole_supervision_end"),
    ("leave_before_release_start", "expiry"),
)


def _is_int(value: Any) -> bool:
    return type(value) is int or (isinstance(value, int) and not isinstance(value, bool))


def raise_errors(errors: list[UserInputError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ValidationErrors(errors)


def _n(value: int) -> dict[str, str]:
    """A number for a message: Indonesian thousands dots, English commas."""
    return {"id": format_number_id(value), "en": f"{value:,}"}


def basic_errors(inp: SentenceInput, today: date | None) -> list[UserInputError]:
    """Everything that can be checked without computing a date."""
    errors: list[UserInputError] = []

    def err(field_name: str, id_text: str, en_text: str, **values: object) -> None:
        errors.append(UserInputError(tr(id_text, en_text, **values), field=field_name))

    if not isinstance(inp.detention_start, date):
        err("detention_start", "Tanggal mulai ditahan wajib diisi.",
            "The first day of detention is required.")
        return errors
    if today is not None and inp.detention_start > today:
        err("detention_start",
            "Tanggal mulai ditahan ({s}) setelah hari ini ({t}).",
            "The first day of detention ({s}) is after today ({t}).",
            s=inp.detention_start.isoformat(), t=today.isoformat())
    if inp.sentence_kind not in SENTENCE_KINDS:
        err("sentence_kind", "Jenis pidana tidak dikenal: '{v}' (pilihan: term, life, death)",
            "Unknown sentence kind: '{v}' (choices: term, life, death)", v=inp.sentence_kind)
    elif inp.sentence_kind == "term" and inp.subsider_only:
        # Kurungan pengganti denda alone: the fine's subsider is what is served; it earns no remission.
        if inp.remissions or inp.remission_total_days:
            err("remissions", "Kurungan pengganti denda tidak mendapat remisi (Keppres 174/1999 Pasal 12).",
                "Imprisonment in lieu of a fine earns no remission (Keppres 174/1999 art. 12).")
    elif inp.sentence_kind == "term":
        if not inp.sentences:
            err("sentences", "Lama pidana wajib diisi (contoh: 3y6m15d).",
                "A sentence length is required (example: 3y6m15d).")
        else:
            bad = [s for s in inp.sentences if not isinstance(s, Duration)
                   or not all(_is_int(v) for v in (s.years, s.months, s.days))]
            if bad:
                err("sentences", "Lama pidana tidak valid: {v}", "Invalid sentence length: {v}",
                    v=bad[0])
            elif any(s.is_negative for s in inp.sentences):
                err("sentences", "Lama pidana tidak boleh negatif.",
                    "A sentence length cannot be negative.")
            elif all(s.is_zero for s in inp.sentences):
                err("sentences", "Lama pidana tidak boleh nol.", "A sentence cannot be zero.")
    elif inp.sentences:
        err("sentences",
            "Pidana seumur hidup atau mati tidak memakai lama pidana; hapus lama pidananya.",
            "A life or death sentence has no length; remove the sentence length.")

    for name, label_id, label_en, limit in (
            ("city_detention_days", "Hari tahanan kota", "City detention days", MAX_DETENTION_DAYS),
            ("house_detention_days", "Hari tahanan rumah", "House detention days",
             MAX_DETENTION_DAYS),
            ("fine", "Denda", "The fine", MAX_FINE)):
        value = getattr(inp, name)
        if not _is_int(value):
            err(name, label_id + " harus bilangan bulat: '{v}'",
                label_en + " must be a whole number: '{v}'", v=value)
        elif value < 0:
            err(name, label_id + " tidak boleh negatif: {v}",
                label_en + " cannot be negative: {v}", v=value)
        elif value > limit:
            err(name, label_id + " terlalu besar: {v} (paling banyak {m})",
                label_en + " is too large: {v} (at most {m_en})", v=value,
                m=_n(limit)["id"], m_en=_n(limit)["en"])
    if not isinstance(inp.subsider, Duration) or inp.subsider.is_negative:
        err("subsider", "Subsider tidak boleh negatif.", "The subsidiary term cannot be negative.")

    if inp.remission_total_days is not None:
        if not _is_int(inp.remission_total_days) or inp.remission_total_days < 0:
            err("remission_total_days", "Jumlah remisi tidak boleh negatif: {v}",
                "The remission total cannot be negative: {v}", v=inp.remission_total_days)
        if inp.remissions:
            err("remission_total_days",
                "Isi rincian remisi atau jumlah remisi dari SK, tidak keduanya.",
                "Enter either the remission ledger or the total from the decree, not both.")

    for r in inp.remissions:
        if (type(r.months) is int and type(r.days) is int and r.months >= 0 and r.days >= 0
                and (r.months or r.days) and r.kind in REMISSION_KINDS
                and isinstance(r.granted, date) and r.granted >= inp.detention_start):
            continue  # the usual case, checked in one go
        when = r.granted.isoformat() if isinstance(r.granted, date) else str(r.granted)
        if not isinstance(r.granted, date):
            err("remissions", "Tanggal remisi tidak valid: '{d}'", "Invalid remission date: '{d}'",
                d=when)
        elif not (_is_int(r.months) and _is_int(r.days)) or r.months < 0 or r.days < 0:
            err("remissions", "Remisi {d}: jumlah tidak boleh negatif.",
                "Remission {d}: the amount cannot be negative.", d=when)
        elif r.months == 0 and r.days == 0:
            err("remissions", "Remisi {d}: jumlahnya nol.", "Remission {d}: the amount is zero.",
                d=when)
        elif r.kind not in REMISSION_KINDS:
            err("remissions", "Remisi {d}: jenis tidak dikenal '{k}' (pilihan: {c})",
                "Remission {d}: unknown kind '{k}' (choices: {c})", d=when, k=r.kind,
                c=", ".join(REMISSION_KINDS))
        elif r.granted < inp.detention_start:
            err("remissions", "Remisi {d} sebelum tanggal mulai ditahan ({s}).",
                "Remission {d} is before the first day of detention ({s}).",
                d=when, s=inp.detention_start.isoformat())
    errors.extend(_duplicate_errors(inp.remissions))

    ordered = sorted((i for i in inp.interruptions
                      if isinstance(i.start, date) and isinstance(i.end, date)),
                     key=lambda i: i.start) if inp.interruptions else []
    if len(ordered) != len(inp.interruptions):
        err("interruptions", "Tanggal penangguhan tidak valid.", "Invalid interruption dates.")
    for i in ordered:
        if i.end < i.start:
            err("interruptions", "Penangguhan {a} s.d. {b}: tanggal akhir sebelum tanggal mulai.",
                "Interruption {a} to {b}: the end is before the start.",
                a=i.start.isoformat(), b=i.end.isoformat())
        elif i.start < inp.detention_start:
            err("interruptions", "Penangguhan {a} s.d. {b} dimulai sebelum tanggal mulai ditahan.",
                "Interruption {a} to {b} starts before the first day of detention.",
                a=i.start.isoformat(), b=i.end.isoformat())
    for a, b in zip(ordered, ordered[1:]):
        if b.start <= a.end:
            err("interruptions", "Penangguhan {a} dan {b} bertumpang tindih.",
                "Interruptions starting {a} and {b} overlap.",
                a=a.start.isoformat(), b=b.start.isoformat())

    for key, value in inp.overrides.items():
        if key not in DATE_KEYS:
            err("overrides", "Tanggal yang diubah tidak dikenal: '{k}' (pilihan: {c})",
                "Unknown overridden date: '{k}' (choices: {c})", k=key, c=", ".join(DATE_KEYS))
        elif not isinstance(value, date):
            err("overrides", "Tanggal pengganti untuk {k} tidak valid: '{v}'",
                "Invalid override for {k}: '{v}'", k=key, v=value)
        elif value < inp.detention_start:
            err("overrides", "{label} diubah menjadi {v}, sebelum tanggal mulai ditahan ({s}).",
                "{k} is overridden to {v}, before the first day of detention ({s}).",
                label=DATE_LABELS[key], k=key, v=value.isoformat(),
                s=inp.detention_start.isoformat())
    return errors


def _duplicate_errors(remissions: tuple[Remission, ...]) -> list[UserInputError]:
    """The same remission (date, kind, amount, SK) entered more than once.

    One SK grants one remission of a kind on a day; an identical second line can only
    be a double entry, and counting it would free the person early.
    """
    if len(remissions) < 2:
        return []
    try:
        if len(set(remissions)) == len(remissions):  # the usual case, without counting
            return []
        counts = Counter(remissions)
    except TypeError:  # an unhashable field: basic_errors has reported it already
        return []
    errors = []
    for r, n in counts.items():
        if n < 2 or not isinstance(r.granted, date):
            continue
        amount = Duration(0, r.months, r.days).label_id() if _is_int(r.months) else r.months
        errors.append(UserInputError(tr(
            "Remisi {d} ({k}, {a}{sk}) tercatat {n} kali: hapus yang ganda.",
            "Remission {d} ({k}, {a}{sk}) is entered {n} times: remove the duplicates.",
            d=r.granted.isoformat(), k=REMISSION_KIND_LABELS.get(r.kind, r.kind), a=amount,
            sk=f", SK {r.sk_number}" if r.sk_number else "", n=n), field="remissions"))
    return errors


def range_errors(inp: SentenceInput, expiry_initial: date, calendar_days: int, credit: int,
                 ledger_days: int) -> list[UserInputError]:
    """Checks against the initial expiry and the days to be served (X − credit).

    ``ledger_days``: the counted days of all the remissions in the ledger together.
    """
    errors: list[UserInputError] = []
    for r in inp.remissions:
        if r.granted > expiry_initial:
            errors.append(UserInputError(tr(
                "Remisi {d} setelah ekspirasi awal ({e}).",
                "Remission {d} is after the initial expiry ({e}).",
                d=r.granted.isoformat(), e=expiry_initial.isoformat()), field="remissions"))
    for i in inp.interruptions:
        # A counted interruption always ends before the initial expiry; one that
        # starts on or after it would be silently ignored, so it is refused.
        if i.end >= expiry_initial:
            errors.append(UserInputError(tr(
                "Penangguhan {a} s.d. {b} tidak berada di antara tanggal mulai ditahan "
                "dan ekspirasi awal ({e}).",
                "Interruption {a} to {b} is not between the first day of detention and the "
                "initial expiry ({e}).",
                a=i.start.isoformat(), b=i.end.isoformat(), e=expiry_initial.isoformat()),
                field="interruptions"))
    errors.extend(_remission_limit_errors(inp, calendar_days, credit, ledger_days))
    return errors


def _remission_limit_errors(inp: SentenceInput, calendar_days: int, credit: int,
                            ledger_days: int) -> list[UserInputError]:
    """Rule 4: remission never brings the expiry to or before the first day of detention.

    Remission is earned while serving, so all of it together is always less than the
    days to be served (the calendar sentence X minus the detention credit).  A total
    or a ledger that reaches them would put the release on the first day of detention,
    or before it: refused, naming the most that can be entered.
    """
    to_serve = calendar_days - credit
    if inp.remission_total_days is not None:
        total, field = inp.remission_total_days, "remission_total_days"
        id_what, en_what = "Jumlah remisi dari SK", "The remission total from the decree"
    elif inp.remissions:
        total, field = ledger_days, "remissions"
        id_what = f"Rincian remisi ({len(inp.remissions)} remisi) berjumlah"
        en_what = f"The remission ledger ({len(inp.remissions)} remissions) adds up to"
    else:
        return []
    if total == 0 or total < to_serve:
        return []
    t, x, c = _n(total), _n(calendar_days), _n(credit)
    if to_serve <= 0:
        return [UserInputError(tr(
            "{w} {t} hari, tetapi potongan tahanan kota/rumah ({c} hari) sudah menutup seluruh "
            "lama pidana ({x} hari): tidak ada sisa pidana yang dapat dikurangi remisi.",
            "{we} {te} days, but the city/house detention credit ({ce} days) already covers "
            "the whole sentence ({xe} days): there is nothing left for remission to reduce.",
            w=id_what, we=en_what, t=t["id"], te=t["en"], c=c["id"], ce=c["en"],
            x=x["id"], xe=x["en"]), field=field, code="remission_limit")]
    m = _n(to_serve - 1)
    return [UserInputError(tr(
        "{w} {t} hari, mencapai masa pidana yang harus dijalani ({s} hari = lama pidana {x} "
        "hari − potongan tahanan {c} hari): ekspirasi akan jatuh pada atau sebelum tanggal mulai "
        "ditahan. Paling banyak {m} hari; periksa angka remisi yang diketik.",
        "{we} {te} days, reaching the days to be served ({se} days = sentence {xe} days − "
        "detention credit {ce} days): the expiry would fall on or before the first day of "
        "detention. At most {me} days; check the remission figures typed.",
        w=id_what, we=en_what, t=t["id"], te=t["en"], s=_n(to_serve)["id"],
        se=_n(to_serve)["en"], x=x["id"], xe=x["en"], c=c["id"], ce=c["en"], m=m["id"],
        me=m["en"]), field=field, code="remission_limit")]


def period_errors(values: Mapping[str, date | None], start: date,
                  overridden: Mapping[str, date]) -> list[UserInputError]:
    """The effective dates after overrides: none before the first day of detention, and no
    period that ends before it begins.

    Computed dates always pass (the property tests say so); only an officer's dates can
    break these, and an officer's date is never moved, so the combination is refused and
    the message names the dates to check.
    """
    errors: list[UserInputError] = []
    for key in DATE_KEYS:
        value = values.get(key)
        if value is not None and value < start:
            errors.append(UserInputError(tr(
                "{label} ({v}) jatuh sebelum tanggal mulai ditahan ({s}): periksa tanggal yang "
                "diubah petugas ({o}).",
                "{k} ({v}) falls before the first day of detention ({s}): check the overridden "
                "dates ({oe}).",
                label=DATE_LABELS[key], k=key, v=value.isoformat(), s=start.isoformat(),
                o=", ".join(DATE_LABELS[k] for k in overridden), oe=", ".join(overridden)),
                field="overrides"))
    for first, last in PERIODS:
        a, b = values.get(first), values.get(last)
        if a is not None and b is not None and b < a:
            errors.append(UserInputError(tr(
                "{la} ({a}) jatuh setelah {lb} ({b}): periode berakhir sebelum dimulai; periksa "
                "tanggal yang diubah petugas ({o}).",
                "{ka} ({a}) falls after {kb} ({b}): the period ends before it begins; check the "
                "overridden dates ({oe}).",
                la=DATE_LABELS[first], lb=DATE_LABELS[last], ka=first, kb=last,
                a=a.isoformat(), b=b.isoformat(),
                o=", ".join(DATE_LABELS[k] for k in overridden), oe=", ".join(overridden)),
                field="overrides"))
    return errors
