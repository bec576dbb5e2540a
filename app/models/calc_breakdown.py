"""The sentence calculator's words: the breakdown and the conditions, with rule and source.

Every step of the breakdown says what was computed, by which rule and on which legal
source, so an officer can check the program's figures against SDP's printout line by
line.  The texts are Indonesian on purpose: they are printed on official papers (errors,
by contrast, go through ``tr`` in calc_validation and calculator).  Nothing here
computes a date; ``calculator.Computation`` hands over the numbers.

Where the calculator caps a date rather than refusing the input (a fraction date
computed without remission that falls after the expiry), the breakdown shows a step
``fractions_capped`` with both dates, and the conditions ask for the official dates.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.models.calc_types import (
    DATE_KEYS,
    DATE_LABELS,
    EMPTY_MAP,
    REMISSION_KIND_LABELS,
    FrozenMap,
    Remission,
    SentenceDates,
    SentenceInput,
    Step,
)
from app.models.durations import Duration, format_date_id, format_number_id

if TYPE_CHECKING:  # the calculator imports this module; the reverse is for type hints only
    from app.models.calculator import Computation

SRC_MONTH = "KUHP Pasal 97; Keppres 174/1999 Pasal 7(4)"
SRC_CREDIT = "KUHAP Pasal 22(4)-(5)"
SRC_CONSECUTIVE = "UU 1/2023 Pasal 72"
SRC_REMISSION = "Keppres 174/1999 Pasal 4-5, 7(4)"
SRC_SUBSIDER = "Keppres 174/1999 Pasal 12"
SRC_PAROLE = "Permenkumham 3/2018 Pasal 82; UU 1/2023 Pasal 72"
SRC_PAROLE_CHILD = "UU 11/2012 Pasal 81(4); Permenkumham 3/2018"
SRC_SUPERVISION = "KUHP Pasal 15(3); UU 1/2023 Pasal 72"
SRC_PROGRAMS = "Permenkumham 3/2018 jo. Permenkumham 7/2022"
SRC_INTERRUPTION = "KUHAP Pasal 31 (penangguhan penahanan)"
SRC_OFFICER = "Keputusan petugas (tanggal resmi)"
CHOICE = " (pilihan aplikasi)"

FRACTIONS = (("one_third", "1/3"), ("half", "1/2"), ("two_thirds", "2/3"))

NECESSARY_NOT_SUFFICIENT = (
    "Tanggal-tanggal ini syarat perlu, bukan syarat cukup: petugas tetap memastikan "
    "berkelakuan baik, aktif mengikuti program pembinaan, Litmas dari Bapas, dan "
    "kelengkapan administrasi lainnya.")
NO_DATES_CONDITION = (
    "Tidak ada tanggal program yang dihitung untuk pidana ini; petugas memastikan status "
    "dan perubahan pidana dari putusan atau keputusan yang berlaku.")

# The rounding choices (calc_types.ROUNDING_CHOICES) as the breakdown says them: paper is Indonesian.
ROUNDING_WORDS = {"ceil": "dibulatkan ke atas", "floor": "dibulatkan ke bawah", "round": "dibulatkan ke terdekat"}


def no_dates(inp: SentenceInput) -> SentenceDates:
    """Rule 11: life imprisonment and death sentences have no dates to compute."""
    if inp.sentence_kind == "life":
        step = Step("sentence_kind", "Jenis pidana", "Pidana seumur hidup",
                    "Pidana seumur hidup: tidak ada tanggal ekspirasi, 1/3, 1/2, 2/3, PB, CB, "
                    "CMB maupun asimilasi yang dapat dihitung. Bila pidana diubah menjadi pidana "
                    "sementara (Keppres 174/1999 Pasal 9), masukkan lama pidana yang baru.",
                    "KUHP Pasal 12(1); Keppres 174/1999 Pasal 9")
    else:
        step = Step("sentence_kind", "Jenis pidana", "Pidana mati",
                    "Pidana mati: tidak ada tanggal ekspirasi, 1/3, 1/2, 2/3, PB, CB, CMB maupun "
                    "asimilasi yang dapat dihitung. Bila pidana diubah menjadi seumur hidup atau "
                    "pidana sementara (UU 1/2023 Pasal 100-101), masukkan pidana yang baru.",
                    "UU 1/2023 Pasal 100-101")
    steps = [step]
    values: dict[str, date | None] = dict.fromkeys(DATE_KEYS)
    for key, value in inp.overrides.items():
        # An officer may still record official dates; nothing is derived from them.
        values[key] = value
        steps.append(Step(f"override:{key}", f"Diubah petugas: {DATE_LABELS[key]}",
                          f"{format_date_id(value)} (hitungan: tidak ada)",
                          "Tanggal resmi dicatat petugas; tidak ada tanggal hitungan.",
                          SRC_OFFICER))
    conditions = (NO_DATES_CONDITION,)
    return SentenceDates(
        **{k: values[k] for k in DATE_KEYS},
        parole_eligible=False, conditional_leave_eligible=False,
        breakdown=tuple(steps), conditions=conditions,
        computed=FrozenMap(dict.fromkeys(DATE_KEYS)), moved_by_override=EMPTY_MAP,
        p30=None, required_days=EMPTY_MAP)


def subsider_only(inp: SentenceInput, month_end: str) -> SentenceDates:
    """A fine alone, unpaid (register B.III): the kurungan pengganti denda is served from the first
    day of detention, days out of detention added, detention credits taken off; it earns no
    remission and no fraction, so no PB, CB, CMB or asimilasi date follows from it."""
    from app.models.durations import DateOutOfRange, add_calendar

    start = inp.detention_start
    try:
        end = add_calendar(start, inp.subsider, month_end=month_end)
    except DateOutOfRange:
        from app.models.errors import UserInputError
        raise UserInputError("Ekspirasi kurungan pengganti denda jatuh setelah tahun 9999.",
                             field="subsider", code="date_range") from None
    out = sum((i.end - i.start).days + 1 for i in inp.interruptions)
    credit = inp.city_detention_days // 5 + inp.house_detention_days // 3
    expiry = max(start, end + timedelta(days=out - credit))
    steps = [Step("subsider", "Kurungan pengganti denda",
                  f"{format_date_id(start)} + {inp.subsider.label_id()} = {format_date_id(end)}",
                  "Denda tidak dibayar dan tidak ada pidana pokok lain: yang dijalani hanya kurungan pengganti "
                  "denda, sejak hari pertama ditahan", "KUHP Pasal 30")]
    if out or credit:
        steps.append(Step("subsider_days", "Hari di luar tahanan dan potongan tahanan",
                          f"+ {out} hari − {credit} hari", "Hari di luar tahanan menambah, tahanan kota (1/5) "
                          "dan rumah (1/3) mengurangi", SRC_CREDIT))
    steps.append(Step("expiry", "Ekspirasi", format_date_id(expiry),
                      "Tanpa remisi, tanpa 1/3, 1/2, 2/3, PB, CB, CMB maupun asimilasi",
                      "Keppres 174/1999 Pasal 12"))
    values: dict[str, date | None] = dict.fromkeys(DATE_KEYS)
    values["expiry"] = expiry
    computed = dict(values)
    for key, value in inp.overrides.items():
        values[key] = value
        steps.append(Step(f"override:{key}", f"Diubah petugas: {DATE_LABELS[key]}",
                          f"{format_date_id(value)} "
                          f"(hitungan: {format_date_id(computed[key]) if computed[key] else 'tidak ada'})",
                          "Tanggal resmi dicatat petugas.", SRC_OFFICER))
    return SentenceDates(
        **{k: values[k] for k in DATE_KEYS},
        parole_eligible=False, conditional_leave_eligible=False,
        breakdown=tuple(steps), conditions=(
            "Kurungan pengganti denda: bila denda dibayar kemudian, ubah perkara menjadi denda dibayar.",),
        computed=FrozenMap(computed), moved_by_override=EMPTY_MAP, p30=0, required_days=EMPTY_MAP)


def ledger_order(r: Remission) -> tuple[date, int, int, str, str]:
    # A full order, so the breakdown reads the same whatever order they were entered in.
    return (r.granted, r.months, r.days, r.kind, r.sk_number)


def explain(comp: Computation, computed: Mapping[str, date | None], expiry_plain: date,
            counted: list[Remission], required: Mapping[str, int],
            last: Remission | None, moved: Mapping[str, tuple[str, ...]]) -> list[Step]:
    """The breakdown, one step per computation step, in the order computed."""
    c, inp, st = comp.case, comp.inp, comp.settings
    steps: list[Step] = []
    md = st.month_days
    x_text = format_number_id(c.x)
    _step_sentence(comp, steps)
    expiry_initial = c.expiry_initial
    steps.append(Step(
        "expiry_initial", DATE_LABELS["expiry_initial"], format_date_id(expiry_initial),
        f"Hari pertama D dengan (D − S) − hari di luar tahanan + potongan ≥ X = "
        f"{x_text} hari, yaitu S + P menurut kalender − potongan {c.credit} hari + hari di "
        f"luar tahanan {c.days_out_before(expiry_initial)} hari; bebas pada "
        f"tanggal itu, bukan sehari sebelumnya",
        f"{SRC_MONTH}; {SRC_CREDIT}"))
    if c.ledger:
        used_ord = expiry_plain.toordinal()
        ignored = [r for r in inp.remissions if r.granted.toordinal() > used_ord]
        _step_remissions(comp, steps, counted, ignored, expiry_plain)
        total_rem = sum(r.days_with(md) for r in counted)
        steps.append(Step(
            "expiry", "Ekspirasi setelah remisi", format_date_id(expiry_plain),
            f"Hari pertama D dengan masa dijalani + remisi yang diberikan s.d. D ≥ "
            f"{x_text} hari (remisi dihitung {format_number_id(total_rem)} hari); remisi "
            f"tidak pernah memajukan tanggal bebas ke sebelum tanggal pemberiannya, dan "
            f"urutan remisi tidak berpengaruh",
            SRC_REMISSION))
    else:
        total = format_number_id(inp.remission_total_days or 0)
        steps.append(Step(
            "remission_total", "Jumlah remisi (dari SK)", f"{total} hari",
            "Jumlah remisi dari SK tanpa rincian: hanya mengurangi ekspirasi, dan selalu kurang "
            "dari masa pidana yang harus dijalani (ekspirasi jatuh setelah tanggal mulai "
            "ditahan); tanggal 1/3, 1/2 dan 2/3 dihitung tanpa remisi, dan CMB tidak dihitung "
            "karena remisi terakhir tidak diketahui",
            SRC_REMISSION))
        steps.append(Step(
            "expiry", "Ekspirasi setelah remisi", format_date_id(expiry_plain),
            f"Ekspirasi awal − {total} hari", SRC_REMISSION))
    _step_subsider(comp, steps, expiry_plain, computed["expiry"])
    rem_part = " + remisi yang diberikan s.d. D" if c.ledger and inp.remissions else ""
    p30_text = format_number_id(c.p30)
    source = SRC_MONTH + (CHOICE if st.fraction_rounding == "ceil" else "")
    for key, label in FRACTIONS:
        capped = " (dibatasi pada ekspirasi, lihat langkah berikut)" if key in comp.uncapped else ""
        steps.append(Step(
            key, f"{label} masa pidana", format_date_id(computed[key]) + capped,
            f"F = {label} × {p30_text}, {ROUNDING_WORDS[st.fraction_rounding]} = "
            f"{format_number_id(required[key])} hari; hari pertama D dengan (D − S − hari "
            f"di luar tahanan) + potongan{rem_part} ≥ F",
            source))
    if comp.uncapped:
        _step_capped(comp, steps, expiry_plain)
    _step_programs(comp, steps, computed, required["two_thirds"], last)
    for key, value in inp.overrides.items():
        _step_override(steps, key, value, computed[key], moved.get(key, ()))
    return steps


def _step_capped(comp: Computation, steps: list[Step], expiry_plain: date) -> None:
    """The visible warning for fraction dates capped at the expiry (calculator.result)."""
    listed = "; ".join(
        f"{label}: {format_date_id(comp.uncapped[key])} → {format_date_id(expiry_plain)}"
        for key, label in FRACTIONS if key in comp.uncapped)
    steps.append(Step(
        "fractions_capped", "PERINGATAN: tanggal dibatasi pada ekspirasi", listed,
        "Jumlah remisi dari SK membuat ekspirasi lebih awal daripada tanggal yang dihitung tanpa "
        "remisi; tidak ada tanggal pidana sesudah ekspirasi, jadi tanggal itu dibatasi pada "
        "ekspirasi. Tanggal sebenarnya lebih awal: masukkan tanggal resmi dari SK",
        SRC_REMISSION + CHOICE))


def _step_sentence(comp: Computation, steps: list[Step]) -> None:
    c, inp, st = comp.case, comp.inp, comp.settings
    if len(inp.sentences) > 1:
        parts = " + ".join(s.label_id() for s in inp.sentences)
        value = f"{parts} = {c.total.label_id()} = {format_number_id(c.p30)} hari (P30)"
        source = f"{SRC_MONTH}; {SRC_CONSECUTIVE}"
        rule = (f"Beberapa pidana dijalani berturut-turut dijumlahkan; "
                f"satu bulan = {st.month_days} hari")
    else:
        value = f"{c.total.label_id()} = {format_number_id(c.p30)} hari (P30)"
        source = SRC_MONTH
        rule = f"Satu tahun = 12 bulan, satu bulan = {st.month_days} hari"
    steps.append(Step("sentence", "Lama pidana (P)", value, rule, source))
    steps.append(Step("detention_start", "Mulai ditahan (S)", format_date_id(c.start),
                      "Hari pertama penahanan dihitung sebagai hari menjalani pidana",
                      SRC_CREDIT))
    end = c.start + timedelta(days=c.x)
    month_rule = ("tanggal yang melewati akhir bulan jatuh pada hari terakhir bulan itu"
                  if st.month_end == "clamp" else
                  "tanggal yang melewati akhir bulan berlanjut ke bulan berikutnya")
    steps.append(Step(
        "calendar_days", "Lama pidana menurut kalender (X)",
        f"{format_date_id(c.start)} + {c.total.label_id()} = {format_date_id(end)} → "
        f"{format_number_id(c.x)} hari",
        f"Tahun, lalu bulan, lalu hari menurut kalender; {month_rule}",
        "KUHP Pasal 97" + CHOICE))
    city, house = inp.city_detention_days, inp.house_detention_days
    steps.append(Step(
        "credit", "Potongan tahanan kota dan rumah",
        f"{city}/5 + {house}/3, masing-masing {ROUNDING_WORDS[st.credit_rounding]} = "
        f"{format_number_id(c.credit)} hari",
        "Tahanan kota dihitung 1/5, tahanan rumah 1/3 dari lamanya"
        + ("; dibulatkan ke bawah agar tidak ada yang bebas terlalu cepat"
           if st.credit_rounding == "floor" else ""),
        SRC_CREDIT + (CHOICE if st.credit_rounding == "floor" else "")))
    if inp.interruptions:
        listed = "; ".join(
            f"{format_date_id(i.start)} s.d. {format_date_id(i.end)} ({i.days} hari)"
            for i in sorted(inp.interruptions, key=lambda i: i.start))
        total_out = sum(i.days for i in inp.interruptions)
        steps.append(Step(
            "interruptions", "Hari di luar tahanan (penangguhan)",
            f"{listed}; jumlah {format_number_id(total_out)} hari",
            "Hari di luar tahanan (hari pertama dan terakhir ikut dihitung) tidak dihitung "
            "sebagai menjalani pidana dan menggeser semua tanggal sepanjang itu",
            SRC_INTERRUPTION + CHOICE))


def _step_remissions(comp: Computation, steps: list[Step], counted: list[Remission],
                     ignored: list[Remission], expiry: date) -> None:
    md = comp.settings.month_days
    if not comp.inp.remissions:
        steps.append(Step("remissions", "Remisi", "tidak ada",
                          "Tidak ada remisi yang dicatat", SRC_REMISSION))
        return
    listed = "; ".join(
        f"{format_date_id(r.granted)} {REMISSION_KIND_LABELS.get(r.kind, r.kind)} "
        f"{Duration(0, r.months, r.days).label_id()} ({r.days_with(md)} hari)"
        + (f", SK {r.sk_number}" if r.sk_number else "")
        for r in sorted(counted, key=ledger_order))
    total = sum(r.days_with(md) for r in counted)
    steps.append(Step(
        "remissions", "Remisi", f"{listed or 'tidak ada yang dihitung'}; jumlah "
        f"{format_number_id(total)} hari",
        f"Setiap remisi dihitung bulan × {md} + hari; dihitung sejak tanggal pemberiannya",
        SRC_REMISSION))
    if ignored:
        listed = "; ".join(f"{format_date_id(r.granted)} ({r.days_with(md)} hari)"
                           for r in sorted(ignored, key=ledger_order))
        steps.append(Step(
            "remissions_ignored", "Remisi diabaikan", listed,
            f"Diberikan setelah tanggal bebas ({format_date_id(expiry)}); tidak lagi "
            f"mengurangi pidana",
            SRC_REMISSION))


def _step_subsider(comp: Computation, steps: list[Step], before: date, after: date) -> None:
    inp = comp.inp
    if inp.subsider.is_zero:
        return
    fine = f"Denda Rp{format_number_id(inp.fine)}" if inp.fine else "Denda"
    if inp.fine_paid:
        steps.append(Step(
            "subsider", "Subsider", f"{inp.subsider.label_id()} — tidak dijalani",
            f"{fine} telah dibayar, pidana pengganti denda tidak dijalani",
            SRC_SUBSIDER))
    else:
        steps.append(Step(
            "subsider", "Subsider (denda tidak dibayar)",
            f"{format_date_id(before)} + {inp.subsider.label_id()} = {format_date_id(after)}",
            f"{fine} tidak dibayar: pidana pengganti ditambahkan menurut "
            f"kalender setelah ekspirasi; subsider tidak mendapat remisi",
            SRC_SUBSIDER))


def _step_programs(comp: Computation, steps: list[Step], computed: Mapping[str, date | None],
                   f23: int, last: Remission | None) -> None:
    inp, st = comp.inp, comp.settings
    min_days = format_number_id(st.parole_min_days)
    if inp.child:
        steps.append(Step(
            "parole", DATE_LABELS["parole_date"], format_date_id(computed["parole_date"]),
            "Anak: PB pada 1/2 masa pidana, tanpa batas minimum 9 bulan", SRC_PAROLE_CHILD))
    elif comp.parole_eligible:
        steps.append(Step(
            "parole", DATE_LABELS["parole_date"], format_date_id(computed["parole_date"]),
            f"Pada tanggal 2/3; berhak karena hari wajib 2/3 (F) = {format_number_id(f23)} "
            f"hari ≥ {min_days} hari (9 bulan)", SRC_PAROLE))
    else:
        steps.append(Step(
            "parole", DATE_LABELS["parole_date"], "tidak berhak",
            f"Hari wajib 2/3 (F) = {format_number_id(f23)} hari < {min_days} hari (9 bulan)",
            SRC_PAROLE))
    if comp.parole_eligible:
        steps.append(Step(
            "parole_supervision_end", DATE_LABELS["parole_supervision_end"],
            f"{format_date_id(computed['expiry'])} + 1 tahun = "
            f"{format_date_id(computed['parole_supervision_end'])}",
            "Masa percobaan = sisa pidana + 1 tahun, jadi berakhir pada ekspirasi + 1 tahun",
            SRC_SUPERVISION))
    if comp.cb_eligible:
        steps.append(Step(
            "conditional_leave", "Cuti Bersyarat (CB)",
            f"{format_date_id(computed['conditional_leave_start'])} s.d. "
            f"{format_date_id(computed['conditional_leave_end'])}",
            f"P30 = {format_number_id(comp.case.p30)} hari ≤ "
            f"{format_number_id(st.cb_max_days)} hari (1 tahun 6 bulan): dari tanggal 2/3 "
            f"sampai ekspirasi", SRC_PROGRAMS))
    else:
        steps.append(Step(
            "conditional_leave", "Cuti Bersyarat (CB)", "tidak berhak",
            f"P30 = {format_number_id(comp.case.p30)} hari > "
            f"{format_number_id(st.cb_max_days)} hari (pidana lebih dari 1 tahun 6 bulan)",
            SRC_PROGRAMS))
    if comp.cmb_days is not None and last is not None:
        steps.append(Step(
            "leave_before_release", DATE_LABELS["leave_before_release_start"],
            format_date_id(computed["leave_before_release_start"]),
            f"Lama CMB = remisi terakhir ({format_date_id(last.granted)}, "
            f"{last.days_with(st.month_days)} hari), paling lama {st.cmb_max_days} hari: "
            f"{comp.cmb_days} hari; mulai ekspirasi − {comp.cmb_days} hari, tidak sebelum "
            f"tanggal 2/3", SRC_PROGRAMS))
    else:
        if f23 < st.parole_min_days:
            why = f"hari wajib 2/3 (F) = {format_number_id(f23)} hari < {min_days} hari"
        elif not comp.case.ledger:
            why = ("rincian remisi tidak ada (hanya jumlah dari SK), remisi terakhir "
                   "tidak diketahui")
        else:
            why = "tidak ada remisi yang dihitung"
        steps.append(Step(
            "leave_before_release", DATE_LABELS["leave_before_release_start"],
            "tidak dihitung", f"CMB tidak dihitung: {why}", SRC_PROGRAMS))
    steps.append(Step(
        "assimilation", DATE_LABELS["assimilation_date"],
        format_date_id(computed["assimilation_date"]), "Asimilasi sejak tanggal 1/2",
        SRC_PROGRAMS))


def _step_override(steps: list[Step], key: str, value: date, was: date | None,
                   moved: tuple[str, ...]) -> None:
    if was is None:
        diff = "hitungan: tidak ada"
    else:
        delta = (value - was).days
        diff = (f"hitungan: {format_date_id(was)}; "
                + ("sama" if delta == 0 else f"selisih {delta:+d} hari"))
    rule = "Tanggal resmi dari petugas menggantikan hasil hitung; hasil hitung tetap disimpan"
    if moved:
        rule += "; ikut berubah: " + ", ".join(DATE_LABELS[k] for k in moved)
    steps.append(Step(f"override:{key}", f"Diubah petugas: {DATE_LABELS[key]}",
                      f"{format_date_id(value)} ({diff})", rule, SRC_OFFICER))


def override_condition(key: str, value: date, was: date | None) -> str | None:
    """The condition line for an officer's date that differs from the computed one."""
    if was == value:
        return None
    return (f"{DATE_LABELS[key]} diubah petugas menjadi {format_date_id(value)}, berbeda "
            f"dari hasil hitung ({format_date_id(was)}): pastikan dasar perubahannya.")


# -- conditions (rules 6 and 10) ------------------------------------------

def conditions(comp: Computation, counted: list[Remission]) -> list[str]:
    """What the officer must still confirm, in the order printed (the generic line first)."""
    inp, c, st = comp.inp, comp.case, comp.settings
    cond = [NECESSARY_NOT_SUFFICIENT]
    category = (inp.offence_category or "").casefold()
    if "narkotika" in category and c.p30 >= 5 * 12 * st.month_days:
        cond.append("Narkotika dengan pidana 5 tahun atau lebih: menurut ketentuan "
                    "(PP 99/2012; Permenkumham 7/2022) harus sudah menjalani asimilasi "
                    "sebelum PB, CB atau CMB.")
    if "terorisme" in category:
        cond.append("Terorisme: menurut ketentuan harus telah mengikuti program "
                    "deradikalisasi dan menyatakan ikrar kesetiaan kepada NKRI secara "
                    "tertulis.")
    if "korupsi" in category:
        line = ("Korupsi: menurut ketentuan denda dan uang pengganti harus telah dibayar "
                "lunas sesuai putusan.")
        if not inp.fine_paid:
            line += " Denda tercatat belum dibayar."
        cond.append(line)
    if inp.remissions:
        if c.p30 < 6 * st.month_days:
            cond.append("Remisi tercatat pada pidana kurang dari 6 bulan: menurut "
                        "Keppres 174/1999 tidak ada remisi untuk pidana di bawah 6 bulan; "
                        "periksa SK-nya.")
        if inp.child and any(r.kind != "pmp" for r in inp.remissions):
            cond.append("Anak menerima pengurangan masa pidana (PMP), bukan remisi: periksa "
                        "jenis remisi yang dicatat.")
        if not inp.child and any(r.kind == "pmp" for r in inp.remissions):
            cond.append("PMP hanya untuk anak: periksa jenis remisi yang dicatat pada "
                        "narapidana dewasa.")
        if any(r.kind == "umum" and (r.granted.month, r.granted.day) != (8, 17)
               for r in inp.remissions):
            cond.append("Remisi umum biasanya diberikan pada 17 Agustus: periksa tanggal "
                        "SK-nya.")
        if len(counted) < len(inp.remissions):
            cond.append("Ada remisi yang diberikan setelah tanggal bebas dan tidak "
                        "dihitung: periksa tanggalnya.")
    if not inp.fine_paid and inp.fine and inp.subsider.is_zero:
        cond.append("Denda belum dibayar tetapi pidana pengganti (subsider) tidak diisi: "
                    "periksa putusan.")
    if not inp.fine_paid and not inp.subsider.is_zero:
        cond.append("Subsider dijalani karena denda belum dibayar; bila denda dibayar, "
                    "hitung ulang tanggal bebas.")
    if c.credit >= c.x:
        cond.append("Potongan tahanan kota/rumah tidak kurang dari lama pidana: periksa "
                    "data penahanan.")
    if comp.uncapped:
        which = ", ".join(label for key, label in FRACTIONS if key in comp.uncapped)
        cond.append(f"Tanggal {which} dihitung tanpa remisi jatuh setelah ekspirasi dan "
                    f"dibatasi pada ekspirasi: masukkan tanggal resmi 1/3, 1/2, 2/3 dari SK.")
    return cond
