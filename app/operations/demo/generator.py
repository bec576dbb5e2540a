"""The demo's cases and programs: what one chunk of clients holds, invented from its own random stream.

``make_chunk(spec)`` is a pure function of the spec (seed, today, unit, chunk number,
the file's program kinds, offence categories and officers): made in a worker process
or here, a chunk's rows are the same.  For each client the ``Generator`` places a case
in time (a custodial sentence whose program starts before today, a court-ordered
program, or, in a Lapas, Rutan or LPKA, an inmate of each register class or a
detainee), gives it a verdict and a remission ledger, computes its dates with the
calculator exactly as ``sentence.recompute_case`` stores them, and gives it the
program those dates allow, with a status, a letter and a reason, and six months of
reporting (wajib lapor).  Numbers that must be unique across the file (verdicts,
registers) are interleaved by chunk, so no chunk needs another's.
"""

from __future__ import annotations

import bisect
import gc
import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.models import calculator as calc
from app.models.domain import DETENTION_AUTHORITIES, CaseInput
from app.models.durations import Duration, add_calendar
from app.models.errors import UserInputError
from app.models.i18n import tr
from app.models.schema import DATE_KEYS
from app.operations.clients import DEFAULT_REGISTER_PATTERN, format_register, register_class
from app.operations.demo.people import PersonMaker
from app.operations.demo.vocabulary import (
    CAT_ADULT,
    CAT_CHILD,
    CATEGORIES,
    CATEGORY_BY_NAME,
    CHILD_LIGHT,
    COURTS,
    FOREIGN,
    FOREIGN_PICK,
    LIGHT,
    OTHER_UNITS,
    RELEASING,
    REMISSION_AMOUNTS,
    STATUS_REASONS,
    Category,
    Pick,
    grant_days,
)

# Pidana pengawasan and pidana kerja sosial exist since UU 1/2023 came into force.
NEW_KUHP = date(2026, 1, 2)
# How cases end and what a unit holds: the generator's own weights, not vocabulary.
_AUTHORITY_PICK = Pick([("penyidik", 22), ("penuntut_umum", 24), ("pengadilan_negeri", 38),
                        ("pengadilan_tinggi", 11), ("mahkamah_agung", 5)])
_RELEASED_ADULT = Pick([("PB", 60), ("CB", 20), ("CMB", 20)])
_RELEASED_CHILD = Pick([("PB", 75), ("CB", 25)])
_OLDER_PICK = Pick([("PB", 60), ("CB", 15), ("CMB", 10), ("ASIM", 15)])
_ENDED = Pick([("selesai", 86), ("dicabut", 4), ("mengulangi_tindak_pidana", 3), ("melarikan_diri", 3),
               ("pindah", 3), ("meninggal", 1)])
_ONGOING = Pick([("aktif", 88), ("dicabut", 3), ("pindah", 3), ("melarikan_diri", 3),
                 ("mengulangi_tindak_pidana", 2), ("meninggal", 1)])
_COURT_ORDERED = ("PPW", "PKS", "PBS", "DIV", "PPK", "TIN")
_CUSTODIAL = ("PB", "CB", "CMB", "ASIM")


# The reporting history a demo holds (see Generator.reports): the last six months,
# enough to see who missed a month, without half a million rows to write.
REPORT_DAYS = 183


def letter_number(status: str, on: date, number: int) -> str:
    """The letter or decree number of a status change."""
    if status == "dicabut":
        return f"PAS-{number}.PK.05.09 Tahun {on.year}"  # revocation is decided by Ditjenpas
    return f"W.15.PAS.22-PK.01.05.06-{number:04d}"


_CALC_KEYS = tuple(f"calc_{k}" for k in DATE_KEYS)
_CALC_COLUMNS = _CALC_KEYS + DATE_KEYS
PERSON_COLUMNS = ("id", "name", "name_sort", "name_fold", "alias", "nik", "passport", "nationality", "sex",
                   "birth_place", "birth_date", "religion", "education", "occupation", "address", "phone",
                   "family_contact", "guarantor", "deleted_at", "deleted_batch", "created_at", "updated_at")
CASE_COLUMNS = ("id", "person_id", "client_class", "offence_date", "offence_category_id", "articles", "statute",
                 "verdict_number", "verdict_date", "court", "sentence_kind", "sentences", "sentence_p30", "fine",
                 "subsider", "fine_paid", "detention_start", "city_detention_days", "house_detention_days",
                 "detention_authority", "remission_total_days", "register_class", *_CALC_COLUMNS,
                 "parole_eligible", "conditional_leave_eligible", "calc_note", "official_differs",
                 "created_at", "updated_at")
PROGRAM_COLUMNS = ("id", "person_id", "case_id", "kind_id", "sk_number", "sk_date", "register_number",
                    "register_year", "register_seq", "start_date", "end_date", "officer_id", "status", "status_date",
                    "status_letter", "status_reason", "created_at", "updated_at")


def case_row(plan: Plan, category_ids: dict[str, int], entered: str) -> tuple[Any, ...]:
    """One ``cases`` row with the values ``clients._case_values`` and ``recompute_case`` write."""
    term = plan.sentence_kind == "term"
    sentences = [s.compact() for s in plan.sentences if not s.is_zero] if term else []
    klass = register_class(CaseInput(sentence_kind=plan.sentence_kind, sentences=list(plan.sentences),
                                     subsider=plan.subsider, detention_authority=plan.authority))
    differs = 0
    if plan.officials:
        stored = dict(zip(_CALC_COLUMNS, plan.values))
        differs = int(any(stored.get(f"calc_{k}") != d.isoformat() for k, d in plan.officials.items()))
    return (plan.id, plan.person, plan.klass, plan.offence.isoformat(), category_ids[plan.category[0]],
            plan.articles, plan.statute, plan.verdict_number,
            plan.verdict_date.isoformat() if plan.verdict_date else None, plan.court, plan.sentence_kind,
            json.dumps(sentences), sum(s.days30 for s in plan.sentences) if term else None,
            plan.fine, "" if plan.subsider.is_zero else plan.subsider.compact(), int(plan.fine_paid),
            plan.start.isoformat() if plan.start else None, plan.city_days, plan.house_days,
            plan.authority if plan.sentence_kind == "none" else None, plan.remission_total, klass,
            *plan.values, differs, entered, entered)


class Plan:
    """A case as it is being invented, then its computed dates and its program."""

    __slots__ = (
        "articles",
        "as_of",
        "authority",
        "category",
        "city_days",
        "computed",
        "court",
        "eligible",
        "entered",
        "fine",
        "fine_paid",
        "house_days",
        "id",
        "interruptions",
        "kind",
        "klass",
        "offence",
        "official_source",
        "officials",
        "overrides",
        "person",
        "remission_total",
        "remissions",
        "reoffence",
        "sentence_kind",
        "sentences",
        "start",
        "statute",
        "subsider",
        "values",
        "verdict_date",
        "verdict_number",
        "window",
    )

    def __init__(self, person: int):
        self.id = 0                           # within the chunk; offset when inserted
        self.person = person
        self.klass = "dewasa"
        self.category: Category = CATEGORIES[0]
        self.offence = date.min
        self.articles = ""
        self.statute = ""
        self.verdict_number = ""              # "#" stands for the number, given at the end
        self.verdict_date: date | None = None
        self.court = ""
        self.sentence_kind = "term"
        self.sentences: tuple[Duration, ...] = ()
        self.fine = 0
        self.subsider = Duration()
        self.fine_paid = True
        self.start: date | None = None
        self.city_days = 0
        self.house_days = 0
        self.authority: str | None = None
        self.remissions: list[tuple[date, str, int, int, str]] = []
        self.remission_total: int | None = None
        self.interruptions: list[tuple[date, date, str]] = []
        self.kind: str | None = None          # the program planned for this case
        self.as_of = date.min                 # the day the program is placed against
        self.reoffence: date | None = None    # an older case: the day the next offence ended it
        self.window: tuple[date, date] | None = None  # a court-ordered program's start and end
        self.overrides: dict[str, date] = {}
        self.officials: dict[str, date] = {}
        self.official_source = ""
        self.values: tuple[Any, ...] = ()     # the stored date columns, as recompute_case writes them
        self.computed: dict[str, date | None] = {}  # effective dates by key, and the computed ones
        self.eligible = (False, False)        # parole (PB), conditional leave (CB)
        self.entered = date.max               # when the unit recorded it

    def sentence_input(self) -> calc.SentenceInput:
        assert self.start is not None
        return calc.SentenceInput(
            detention_start=self.start, sentences=self.sentences, sentence_kind=self.sentence_kind,
            interruptions=tuple(calc.Interruption(s, e) for s, e, _ in self.interruptions)
            if self.interruptions else (),
            city_detention_days=self.city_days, house_detention_days=self.house_days,
            remissions=() if self.remission_total is not None else tuple(
                calc.Remission(granted=g, months=m, days=d, kind=k, sk_number=sk)
                for g, k, m, d, sk in self.remissions),
            remission_total_days=self.remission_total, fine=self.fine, subsider=self.subsider,
            fine_paid=self.fine_paid, child=self.klass == "anak", offence_category=self.category[0],
            overrides=self.overrides or calc.EMPTY_MAP)


# ---------------------------------------------------------------------------------------
# A chunk of clients
# ---------------------------------------------------------------------------------------


# Clients are made in chunks with a random stream each, so a chunk is a pure function of
# (seed, today, unit, chunk number): made in a worker process or here, the file is the same.
CHUNK_CLIENTS = 2000


@dataclass(frozen=True)
class ChunkSpec:
    seed: int
    index: int
    chunks: int         # how many chunks the file has
    first: int          # the global number (from 0) of the chunk's first client
    count: int
    today: date
    unit_kind: str
    kind_ids: tuple[tuple[str, int], ...]
    category_ids: tuple[tuple[str, int], ...]
    active_officers: tuple[int, ...]
    all_officers: tuple[int, ...]


@dataclass
class ChunkRows:
    """A chunk's rows; case and program ids count from 1 within the chunk."""

    persons: list[list[Any]]
    cases: list[tuple[Any, ...]]
    remissions: list[tuple[Any, ...]]
    interruptions: list[tuple[Any, ...]]
    officials: list[tuple[Any, ...]]
    overrides: list[tuple[Any, ...]]
    programs: list[list[Any]]
    status_changes: list[tuple[Any, ...]]
    reports: list[tuple[Any, ...]]
    excuses: list[tuple[Any, ...]]
    notes: list[tuple[Any, ...]]


def make_chunk(spec: ChunkSpec) -> ChunkRows:
    """Invent the clients of one chunk, compute their dates, give them programs."""
    # A chunk makes some 300,000 short-lived objects without cycles; reference counting
    # frees them, and pausing the cycle collector meanwhile saves a tenth of the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        gen = Generator(spec)
        gen.make_clients()
        gen.compute_dates()
        gen.make_programs()
        gen.number_registers()
        return gen.rows()
    finally:
        if collecting:
            gc.enable()


class Generator(PersonMaker):
    """Invents the records of one chunk; only its random stream decides."""

    def __init__(self, spec: ChunkSpec):
        super().__init__(f"rekam-upt-demo:{spec.seed}:{spec.index}", spec.today, spec.unit_kind)
        self.spec = spec
        self.kind_ids = dict(spec.kind_ids)
        self.category_ids = dict(spec.category_ids)
        self.active_officers = spec.active_officers
        self.all_officers = spec.all_officers
        self.plans: list[Plan] = []
        self.programs: list[list[Any]] = []
        today = spec.today
        new_kuhp_ready = today >= NEW_KUHP + timedelta(days=40)
        adult = [("PB", 50), ("CB", 8), ("CMB", 7), ("ASIM", 11), ("PBS", 10)]
        child = [("DIV", 28), ("PB", 22), ("PPK", 9), ("TIN", 10), ("PBS", 12), ("ASIM", 8), ("CB", 6)]
        if new_kuhp_ready:
            adult += [("PPW", 8), ("PKS", 6)]
            child += [("PPW", 3), ("PKS", 2)]
        self.kind_adult = Pick(adult)
        self.kind_child = Pick(child)
        # Every program kind and register class appears even in a small demo: the first
        # clients of the file take them in turn.
        self.forced_kinds = [k for k in ("PB", "CB", "CMB", "ASIM", "PPW", "PKS", "PBS", "DIV", "PPK", "TIN")
                             if new_kuhp_ready or k not in ("PPW", "PKS")]
        self.forced_classes: list[tuple[str, str | None]] = []
        if not self.bapas:
            self.forced_classes += [("detainee", a) for a in DETENTION_AUTHORITIES]
            self.forced_classes += [("serving", "B.I"), ("serving", "B.IIa"), ("serving", "B.IIb")]
            if self.unit_kind != "lpka":
                self.forced_classes.append(("fine", "B.III"))

    # -- offences, courts, sentences ---------------------------------------------------------
    def category_for(self, child: bool, kind: str | None, low: int = 0, high: int = 10_000) -> Category:
        """An offence whose usual sentence fits [low, high] months (children: half)."""
        if kind in ("PBS", "PPW", "PKS"):
            return CATEGORY_BY_NAME[self.pick(LIGHT if not child else CHILD_LIGHT)]
        if kind in ("DIV", "TIN"):
            return CATEGORY_BY_NAME[self.pick(CHILD_LIGHT)]
        pick = CAT_CHILD if child else CAT_ADULT
        if self.nationality is not None:
            pick = Pick([(CATEGORY_BY_NAME[name], 1) for name in FOREIGN[self.nationality][5]])
        for _ in range(20):
            cat = pick(self.r())
            lo, hi = (cat[3] // 2, cat[4] // 2) if child else (cat[3], cat[4])
            if lo <= high and hi >= low:
                return cat
        return CATEGORY_BY_NAME["Pencurian"]

    def sentence_for(self, cat: Category, child: bool, low: int = 1, high: int = 10_000) -> Duration:
        months = self.rng.triangular(cat[3], cat[4], cat[5])
        if child:
            months /= 2  # at most half of an adult's maximum (UU 11/2012 art. 81(2))
        months = min(max(months, low), high)
        # Judges write whole months, and over a year mostly half or whole years.
        if months < 12:
            m = max(1, round(months))
        elif months < 60:
            m = round(months / 6) * 6 if self.r() < 0.7 else round(months)
        else:
            m = round(months / 12) * 12 if self.r() < 0.75 else round(months / 6) * 6
        m = min(max(m, low), high)
        return Duration(m // 12, m % 12, 15 if self.r() < 0.005 else 0)

    def verdict(self, plan: Plan, on: date, child: bool, *, court_kind: str | None = None) -> None:
        """Court, date and verdict number in the courts' formats; "#" is numbered at the end."""
        cat = plan.category
        code = "Pid.Sus-Anak" if child else {"B": "Pid.B", "Sus": "Pid.Sus", "TPK": "Pid.Sus-TPK"}[cat[6]]
        court, abbr = ("Surabaya", "Sby") if cat[6] == "TPK" else COURTS(self.r())
        if court_kind == "diversi":
            code = "Pen.Div"
        # Children, diversions and verdicts under appeal: the district court's own.
        level = self.r() if court_kind is None and not child else 1.0
        special = "Sus" in code
        if level < 0.015:
            plan.verdict_number = f"# K/{'Pid.Sus' if special else 'Pid'}/{on.year}"
            plan.court = "Mahkamah Agung"
        elif level < 0.075:
            plan.verdict_number = f"#/{'PID.SUS' if special else 'PID'}/{on.year}/PT SBY"
            plan.court = "PT Surabaya"
        else:
            plan.verdict_number = f"#/{code}/{on.year}/PN {abbr}"
            plan.court = f"PN {court}"
        plan.verdict_date = on

    def offence_text(self, plan: Plan, child: bool) -> None:
        cat = plan.category
        if cat[8] is not None and plan.offence >= NEW_KUHP:
            plan.articles, plan.statute = self.pick(cat[8]), "UU 1/2023 tentang KUHP"
        else:
            plan.articles, plan.statute = self.pick(cat[7]), cat[9]
        if child:
            plan.statute += "; UU 11/2012 tentang Sistem Peradilan Pidana Anak"

    def fine_for(self, plan: Plan, child: bool) -> None:
        spec = plan.category[10]
        if spec is None or child or self.r() >= spec[0]:
            return  # a child's fine is replaced by job training (UU 11/2012 art. 78)
        plan.fine = self.pick(spec[1])
        plan.subsider = Duration(months=self.pick(spec[2]))
        plan.fine_paid = self.r() < spec[3]

    def offence_before(self, start: date) -> date:
        u = self.r()
        if u < 0.7:
            return start - timedelta(days=int(self.r() * 10))
        if u < 0.9:
            return start - timedelta(days=10 + int(self.r() * 50))
        return start - timedelta(days=60 + int(self.r() * 400))

    # -- remissions ------------------------------------------------------------------------
    def remissions_for(self, plan: Plan, religion: str, target_days: int, until: date) -> None:
        """Remisi umum on 17 August and remisi khusus on the person's holiday (PMP for a
        child) while the person is inside: from 6 months served until the day the
        ``target_days`` (counted) would be reached, and never after ``until``."""
        start = plan.start
        assert start is not None
        p30 = sum(s.days30 for s in plan.sentences)
        if p30 < 180 or plan.sentence_kind != "term" or plan.verdict_date is None:
            return  # none for sentences under 6 months (Keppres 174/1999)
        if plan.category[0] == "Terorisme" and self.r() < 0.7:
            return
        total_sentence = Duration()
        for s in plan.sentences:
            total_sentence = total_sentence + s
        calendar_days = (add_calendar(start, total_sentence) - start).days
        credit = plan.city_days // 5 + plan.house_days // 3
        outs = sum((e - s).days + 1 for s, e, _ in plan.interruptions)
        # Granted while the person is still inside: before the target day, and never on or
        # after the initial expiry (the calculator refuses that).
        base = start.toordinal() + min(target_days, calendar_days - 1) - credit + outs
        first = max(start + timedelta(days=180), plan.verdict_date + timedelta(days=7)).toordinal()
        last = until.toordinal()
        child = plan.klass == "anak"
        total = 0
        ledger = plan.remissions
        start_ord = start.toordinal()
        ordinals, days = grant_days(religion)
        for i in range(bisect.bisect_left(ordinals, first), len(ordinals)):
            day = ordinals[i]
            if day > last or day >= base - total:
                return
            granted, kind = days[i]
            months, extra = REMISSION_AMOUNTS[min(5, (day - start_ord) // 365)][0 if kind == "umum" else 1]
            sk = f"PAS-{(day * 37) % 9000 + 1000}.PK.01.05.0{2 if kind == 'umum' else 3} Tahun {granted.year}"
            ledger.append((granted, "pmp" if child else kind, months, extra, sk))
            total += months * 30 + extra

    # -- placing a case in time ---------------------------------------------------------------
    def custodial(self, plan: Plan, child: bool, kind: str, as_of: date, ongoing_share: float) -> None:
        """A case served in prison whose program (PB, CB, CMB, ASIM) starts before ``as_of``.

        The first day of detention is placed so that the program's start date
        (the 2/3 or 1/2 date) falls on or before ``as_of`` for certain: that date
        is at most S + F - credit + days out, whatever the remissions.
        """
        r = self.r
        low, high = {"PB": (14, 10_000), "CMB": (14, 10_000), "CB": (3, 18), "ASIM": (3, 10_000)}[kind]
        if child and kind == "PB":
            low = 3  # a child's PB comes at 1/2, with no 9-month floor
        plan.category = self.category_for(child, kind, low, high)
        total = self.sentence_for(plan.category, child, low, high)
        plan.sentences = (total,)
        if r() < 0.01 and total.years >= 2:
            # Two sentences served one after another (UU 1/2023 art. 72).
            extra = Duration(months=self.pick((3, 4, 6, 8)))
            plan.sentences = (total, extra)
            total = total + extra
        p30 = total.days30
        self.fine_for(plan, child)
        half = (p30 + 1) // 2
        two_thirds = -(-2 * p30 // 3)
        exit_days = half if kind == "ASIM" or (kind == "PB" and child) else two_thirds
        if r() < 0.02:
            plan.city_days = self.between(10, 60)
        elif r() < 0.01:
            plan.house_days = self.between(10, 60)
        out_len = self.between(7, 40) if r() < 0.006 and exit_days > 200 else 0
        length = {"PB": p30 // 3 + 365, "CB": p30 // 3, "CMB": 75, "ASIM": max(30, p30 // 6)}[kind]
        offset = int(r() * min(length / ongoing_share, 2200))
        if kind == "CMB":
            calendar_days = int(p30 * 365.25 / 360) + int(plan.subsider.days30 * 1.02 * (not plan.fine_paid))
            start = as_of - timedelta(days=calendar_days + out_len - int(r() * 120) + offset)
            start = min(start, as_of - timedelta(days=two_thirds + out_len + 1))
        else:
            start = as_of - timedelta(days=exit_days + out_len + 1 + offset)
        plan.start = start
        plan.offence = self.offence_before(start)
        verdict_on = start + timedelta(days=min(40 + int(r() * 110), max(14, exit_days // 2)))
        if out_len:
            first_out = start + timedelta(days=self.between(5, 15))
            last_out = first_out + timedelta(days=out_len - 1)
            plan.interruptions.append((first_out, last_out, "Penangguhan penahanan selama persidangan"))
            verdict_on = max(verdict_on, last_out + timedelta(days=14))
        self.verdict(plan, verdict_on, child)
        plan.kind = kind
        plan.as_of = as_of

    def serving(self, plan: Plan, child: bool, as_of: date, register: str | None = None) -> None:
        """An inmate serving now (Lapas, Rutan, LPKA): a term, or life, or death."""
        r = self.r
        low, high = {"B.I": (13, 10_000), "B.IIa": (4, 12), "B.IIb": (1, 3)}.get(register or "", (1, 10_000))
        plan.category = cat = self.category_for(child, None, low, high)
        u = r()
        if register is None and not child and u < cat[11]:
            plan.sentence_kind = "life"
            plan.start = as_of - timedelta(days=self.between(365, 5500))
        elif register is None and not child and u < cat[11] + cat[12]:
            plan.sentence_kind = "death"
            plan.start = as_of - timedelta(days=self.between(365, 4000))
        else:
            total = self.sentence_for(cat, child, low, high)
            plan.sentences = (total,)
            self.fine_for(plan, child)
            span = int(total.days30 * 365.25 / 360)
            plan.start = as_of - timedelta(days=self.between(min(30, span // 2), max(31, int(span * 0.97))))
        start = plan.start
        plan.offence = self.offence_before(start)
        lag = min(40 + int(r() * 110), max(1, (as_of - start).days - 1))
        self.verdict(plan, start + timedelta(days=lag), child)
        plan.as_of = as_of

    def fine_only(self, plan: Plan, as_of: date) -> None:
        """B.III: imprisonment in lieu of an unpaid fine (kurungan pengganti denda)."""
        plan.category = CATEGORY_BY_NAME[self.pick(("Perikanan", "Kehutanan", "ITE", "Lalu Lintas",
                                                     "Narkotika (pengguna)"))]
        spec = plan.category[10]
        assert spec is not None
        plan.fine = self.pick(spec[1])
        plan.subsider = Duration(months=self.pick((1, 2, 3, 6)))
        plan.fine_paid = False
        plan.start = as_of - timedelta(days=self.between(3, 120))
        verdict_on = plan.start - timedelta(days=self.between(10, 90))
        plan.offence = verdict_on - timedelta(days=self.between(60, 300))
        self.verdict(plan, verdict_on, False)
        plan.as_of = as_of

    def detainee(self, plan: Plan, child: bool, as_of: date, authority: str | None = None) -> None:
        """A detainee without a final verdict (register A.I-A.V by the authority holding them)."""
        plan.category = self.category_for(child, None)
        plan.sentence_kind = "none"
        auth = authority or _AUTHORITY_PICK(self.r())
        days = {"penyidik": (1, 60), "penuntut_umum": (30, 110), "pengadilan_negeri": (50, 160),
                "pengadilan_tinggi": (120, 260), "mahkamah_agung": (180, 400)}[auth]
        plan.start = as_of - timedelta(days=self.between(*days))
        plan.offence = self.offence_before(plan.start)
        plan.authority = auth
        if auth in ("pengadilan_tinggi", "mahkamah_agung"):
            # Appealing: the district court's verdict exists but is not final.
            self.verdict(plan, plan.start + timedelta(days=self.between(60, 110)), child, court_kind="pn")
        elif auth == "pengadilan_negeri":
            plan.court = "PN " + COURTS(self.r())[0]
        plan.as_of = as_of

    def court_ordered(self, plan: Plan, child: bool, kind: str, as_of: date) -> None:
        """A program ordered by a court (or a diversion agreement): no imprisonment served."""
        r = self.r
        plan.category = self.category_for(child, kind)
        latest = as_of - timedelta(days=25)
        if kind in ("PPW", "PKS"):
            earliest = NEW_KUHP + timedelta(days=7)
            verdict_on = earliest + timedelta(days=int(r() * max(1, (latest - earliest).days)))
        else:
            if kind == "PBS" and as_of >= NEW_KUHP:
                latest = min(latest, NEW_KUHP - timedelta(days=1))  # an old-KUHP sentence
            verdict_on = latest - timedelta(days=int(r() * {"PBS": 900, "DIV": 540, "PPK": 450, "TIN": 500}[kind]))
        if kind in ("DIV", "TIN"):
            plan.sentence_kind = "none"
        elif kind == "PBS":
            plan.sentences = (Duration(months=self.between(2, 12)),)
        elif kind == "PPW":
            plan.sentences = (Duration(months=self.pick((6, 8, 10, 12, 18, 24))),)
        elif kind == "PKS":
            plan.sentences = (Duration(months=self.pick((1, 2, 3, 4, 6))),)
        else:  # PPK
            plan.sentences = (Duration(months=self.pick((3, 4, 6, 8, 12))),)
        plan.offence = verdict_on - timedelta(days=self.between(40, 200))
        self.verdict(plan, verdict_on, child, court_kind="diversi" if kind == "DIV" else None)
        begin = min(verdict_on + timedelta(days=self.between(1 if kind == "DIV" else 8, 28)), as_of)
        if kind == "PBS":
            end = add_calendar(begin, Duration(years=self.pick((1, 1, 2, 2, 3))))  # masa percobaan
        elif kind in ("PPW", "PPK"):
            end = add_calendar(begin, plan.sentences[0])
        elif kind == "PKS":
            end = add_calendar(begin, Duration(months=min(6, plan.sentences[0].months + 1)))
        else:
            end = add_calendar(begin, Duration(months=self.pick((3, 4, 6, 6, 9, 12))))
        plan.window = (begin, end - timedelta(days=1))
        plan.kind = kind
        plan.as_of = as_of

    # -- clients ------------------------------------------------------------------------------
    def make_clients(self) -> None:
        r = self.r
        today = self.today
        spec = self.spec
        for number in range(spec.first, spec.first + spec.count):
            plan = Plan(number + 1)
            # Foreigners are rare; they have a passport instead of a NIK.
            self.nationality = FOREIGN_PICK(r()) if r() < 0.003 and number >= 12 else None
            if self.bapas:
                child = r() < 0.1 and self.nationality is None
                if number < len(self.forced_kinds):
                    kind = self.forced_kinds[number]
                    child = kind in ("DIV", "PPK", "TIN")
                else:
                    kind = (self.kind_child if child else self.kind_adult)(r())
                plan.klass = "anak" if child else "dewasa"
                if kind in _CUSTODIAL:
                    self.custodial(plan, child, kind, today, 0.6)
                else:
                    self.court_ordered(plan, child, kind, today)
            else:
                child = self.unit_kind == "lpka" or r() < {"lapas": 0.015, "rutan": 0.02}[self.unit_kind]
                if child:
                    self.nationality = None
                plan.klass = "anak" if child else "dewasa"
                if number < len(self.forced_classes):
                    scenario, detail = self.forced_classes[number]
                else:
                    u = r()
                    detained, released = {"lapas": (0.18, 0.12), "rutan": (0.58, 0.07),
                                          "lpka": (0.2, 0.15)}[self.unit_kind]
                    scenario = ("detainee" if u < detained else "released" if u < detained + released
                                else "fine" if u < detained + released + 0.012 and not child else "serving")
                    detail = None
                if scenario == "detainee":
                    self.detainee(plan, child, today, detail)
                elif scenario == "fine":
                    self.fine_only(plan, today)
                elif scenario == "released":
                    self.custodial(plan, child, (_RELEASED_CHILD if child else _RELEASED_ADULT)(r()), today, 0.5)
                else:
                    self.serving(plan, child, today, detail)
                    if plan.sentence_kind == "term" and r() < 0.3:
                        plan.kind = "ASIM"  # assimilation inside, once the 1/2 date has passed
            birth, religion, _culture = self.make_person(number, child, plan.offence)
            self.finish_case(plan, religion, child)
            # A few people have an older case: they re-offended after an earlier program.
            if not child and r() < 0.02 and plan.offence.year - birth.year >= 21:
                self.older_case(plan, birth, religion)
            self.plans.append(plan)
            self.nationality = None
        for i, plan in enumerate(self.plans, 1):
            plan.id = i
        self.number_verdicts()

    def number_verdicts(self) -> None:
        """Verdict numbers rise with the date within a court, kind and year.

        Chunks take turns (rank x chunks + chunk), so numbers never clash across the
        file without anyone counting them globally; the gaps are the court's other cases.
        """
        by_template: dict[str, list[Plan]] = {}
        for plan in self.plans:
            if plan.verdict_number.startswith("#"):
                by_template.setdefault(plan.verdict_number, []).append(plan)
        n, c = self.spec.chunks, self.spec.index
        for template, plans in by_template.items():
            plans.sort(key=lambda p: (p.verdict_date, p.id))
            for rank, plan in enumerate(plans):
                plan.verdict_number = template.replace("#", str((rank * n + c) * 3 + 1 + plan.id % 3), 1)

    def number_registers(self) -> None:
        """Register numbers from the settings' pattern, in order of start within program and
        year; chunks take turns as with verdicts, so one chunk's numbers run 1, 2, 3 ..."""
        codes = {v: k for k, v in self.kind_ids.items()}
        n, c = self.spec.chunks, self.spec.index
        ranks: dict[tuple[int, str], int] = {}
        for p in sorted(self.programs, key=lambda p: (p[3], p[9], p[0])):
            year = p[9][:4]
            rank = ranks.get((p[3], year), 0)
            ranks[(p[3], year)] = rank + 1
            seq = rank * n + c + 1
            p[6] = format_register(DEFAULT_REGISTER_PATTERN, seq, codes[p[3]], int(year), int(p[9][5:7]))
            p[7], p[8] = int(year), seq

    def finish_case(self, plan: Plan, religion: str, child: bool) -> None:
        self.offence_text(plan, child)
        if plan.sentence_kind == "term" and plan.start is not None:
            exit_days = sum(s.days30 for s in plan.sentences)
            if plan.kind in ("PB", "CB", "ASIM"):
                # Remissions stop when the person leaves (2/3 or, for a child's PB, 1/2);
                # assimilation is still an inmate's status, so it counts up to 2/3.
                exit_days = (exit_days + 1) // 2 if plan.kind == "PB" and child else -(-exit_days * 2 // 3)
            self.remissions_for(plan, religion, exit_days, min(plan.as_of, self.today))
            if plan.remissions and plan.kind not in ("CMB", None) and self.r() < 0.2:
                # The Bapas got only the total from the SK, not the ledger (domain rule 12).
                plan.remission_total = sum(m * 30 + d for _, _, m, d, _ in plan.remissions)

    def older_case(self, current: Plan, birth: date, religion: str) -> None:
        plan = Plan(current.person)
        as_of = current.offence - timedelta(days=self.between(30, 900))
        self.custodial(plan, False, _OLDER_PICK(self.r()), as_of, 0.6)
        if plan.offence < birth + timedelta(days=int(18.1 * 365.25)):
            return  # would have been a child then: keep just the one case
        plan.reoffence = current.offence
        self.finish_case(plan, religion, False)
        self.plans.append(plan)

    # -- dates -----------------------------------------------------------------------------------
    def compute_dates(self) -> None:
        for plan in self.plans:
            self.store_dates(plan)

    def store_dates(self, plan: Plan) -> None:
        """The case's date columns, exactly as ``sentence.recompute_case`` stores them."""
        note = ""
        plan.computed = {}
        plan.eligible = (False, False)
        if plan.sentence_kind == "life":
            note = tr("Pidana seumur hidup: tidak ada tanggal ekspirasi.",
                      "Life imprisonment: there is no expiry date.")
        elif plan.sentence_kind == "death":
            note = tr("Pidana mati: tidak ada tanggal ekspirasi.", "Death sentence: there is no expiry date.")
        elif plan.sentence_kind == "none":
            note = tr("Belum ada putusan: tanggal belum dihitung.", "No verdict yet: no dates computed.")
        elif plan.start is None:
            note = tr("Tanggal mulai ditahan belum diisi: tanggal belum dihitung.",
                      "The detention start is missing: no dates computed.")
        else:
            try:
                result = calc.compute(plan.sentence_input(), calc.DEFAULT_SETTINGS, explain=False)
            except UserInputError as err:
                note = err.message
            else:
                computed = result.computed
                calculated = [computed.get(k) for k in DATE_KEYS]
                effective = [getattr(result, k) for k in DATE_KEYS]
                plan.computed = {**dict(zip(DATE_KEYS, effective)), **dict(zip(_CALC_KEYS, calculated))}
                plan.eligible = (result.parole_eligible, result.conditional_leave_eligible)
                # One text per date: equal dates share it (smaller to send between processes).
                texts: dict[date, str] = {}
                dates = tuple(None if d is None else texts.get(d) or texts.setdefault(d, d.isoformat())
                              for d in (*calculated, *effective))
                plan.values = (*dates, int(result.parole_eligible), int(result.conditional_leave_eligible), "")
                return
        plan.values = (*(None,) * (2 * len(DATE_KEYS)), 0, 0, note)

    # -- programs ------------------------------------------------------------------------------
    def window_of(self, plan: Plan, kind: str) -> tuple[date, date] | None:
        d = plan.computed
        if not d:
            return None
        parole, leave = plan.eligible
        begin, end, expiry = None, None, d["expiry"]
        if kind == "PB" and parole:
            begin, end = d["parole_date"], d["parole_supervision_end"]
        elif kind == "CB" and leave:
            begin, end = d["conditional_leave_start"], d["conditional_leave_end"]
        elif kind == "CMB":
            begin, end = d["leave_before_release_start"], expiry
        if begin is not None and end is not None:
            return begin, end
        begin, two_thirds = d["assimilation_date"], d["two_thirds"]
        if kind == "ASIM" and begin and expiry:
            end = two_thirds - timedelta(days=1) if two_thirds and two_thirds > begin else expiry
            return begin, max(end, begin)
        return None

    def make_programs(self) -> None:
        r = self.r
        for plan in self.plans:
            kind = plan.kind
            if kind is None:
                continue
            planned: list[tuple[str, date, date, str | None]] = []
            if plan.window is not None:
                planned.append((kind, *plan.window, None))
            else:
                two_thirds = plan.computed.get("two_thirds")
                if self.bapas and two_thirds and r() < 0.005:
                    # An officer entered the official 2/3 date from the SK, a day or two off.
                    value = two_thirds + timedelta(days=self.pick((-2, -1, 1, 2)))
                    if plan.start is not None and value > plan.start:
                        plan.overrides = {"two_thirds": value}
                        self.store_dates(plan)
                window = self.window_of(plan, kind)
                if window is None or window[0] > plan.as_of:
                    kind = "PB" if kind == "CMB" else "ASIM"  # CMB needs a dated remission
                    window = self.window_of(plan, kind)
                if window is None or window[0] > plan.as_of:
                    plan.kind = None
                    continue
                if not self.bapas and kind == "ASIM":
                    # Inside a Lapas assimilation is granted some weeks after the 1/2 date.
                    begin = min(window[0] + timedelta(days=self.between(0, 60)), self.today)
                    window = (begin, max(begin, window[1]))
                if kind == "PB" and plan.klass == "dewasa" and r() < 0.05:
                    asim = self.window_of(plan, "ASIM")
                    if asim and asim[0] < window[0]:
                        planned.append(("ASIM", asim[0], min(asim[1], window[0] - timedelta(days=1)), "selesai"))
                planned.append((kind, *window, None))
                plan.kind = kind
                if self.bapas and r() < 0.1 and plan.computed:
                    self.official_dates(plan)
            for kind, begin, end, status in planned:
                self.add_program(plan, kind, begin, end, status)

    def official_dates(self, plan: Plan) -> None:
        """Dates from the SK and the releasing Lapas's papers; now and then one differs."""
        for key in ("two_thirds", "expiry"):
            value = plan.computed.get("calc_" + key)
            if value is not None:
                if self.r() < 0.12:
                    value = value + timedelta(days=self.pick((-3, -2, -1, 1, 2, 5)))
                plan.officials[key] = value
        plan.official_source = self.pick(("SK PB Ditjenpas", "Surat lepas " + self.pick(RELEASING),
                                          "Daftar perubahan " + self.pick(RELEASING)))

    def add_program(self, plan: Plan, kind: str, begin: date, end: date, forced: str | None = None) -> None:
        r = self.r
        today = self.today
        as_of = min(plan.as_of if plan.reoffence is None else plan.reoffence, today)
        status_date: date | None
        if forced == "selesai" and end < as_of:
            status, status_date = "selesai", end
        elif plan.reoffence is not None and end >= plan.reoffence:
            status, status_date = "mengulangi_tindak_pidana", plan.reoffence
        elif end < as_of:
            status = _ENDED(r())
            status_date = end if status == "selesai" else begin + timedelta(days=int(r() * ((end - begin).days + 1)))
        else:
            status = _ONGOING(r())
            status_date = None if status == "aktif" else begin + timedelta(days=int(r() * ((as_of - begin).days + 1)))
        if status_date is not None and status_date > today:
            status_date = today
        if kind in _COURT_ORDERED:
            sk_number, sk_date = plan.verdict_number, plan.verdict_date  # the verdict is the basis
        else:
            sk_date = min(max(begin - timedelta(days=self.between(3, 30)), plan.verdict_date or begin), begin)
            number = self.between(100, 9999)
            if kind == "ASIM":
                sk_number = f"W.15.PAS.{self.between(2, 40)}-PK.05.09-{number:04d} Tahun {sk_date.year}"
            else:
                sk_number = f"PAS-{number}.PK.05.09 Tahun {sk_date.year}"
        # An active program has an active PK; finished ones may name a PK who has left.
        officer: int | None = self.pick(self.active_officers if status == "aktif" else self.all_officers)
        if status == "aktif" and r() < 0.01:
            officer = None  # not yet given to a PK
        entered = min(sk_date or begin, today)
        created = self.stamp(entered)
        program = [len(self.programs) + 1, plan.person, plan.id, self.kind_ids[kind], sk_number,
                   sk_date.isoformat() if sk_date else None, None, None, None, begin.isoformat(), end.isoformat(),
                   officer, status, None, "", "", created, created]
        if status_date is not None:
            program[13] = status_date.isoformat()
            program[14] = letter_number(status, status_date, self.between(1, 2999))
            program[15] = self.pick(STATUS_REASONS[status]).format(unit=self.pick(OTHER_UNITS))
            program[17] = self.stamp(status_date)
        self.programs.append(program)
        plan.entered = min(plan.entered, entered)

    # -- rows ----------------------------------------------------------------------------------
    def rows(self) -> ChunkRows:
        today = self.today
        category_ids = self.category_ids
        # When each person was recorded: their earliest case's program decree or admission.
        first_entry: dict[int, date] = {}
        for plan in self.plans:
            if plan.entered == date.max:
                plan.entered = min(plan.start or plan.verdict_date or plan.offence, today)
            known = first_entry.get(plan.person)
            if known is None or plan.entered < known:
                first_entry[plan.person] = plan.entered
        for person in self.persons:
            person[20] = person[21] = self.stamp(first_entry[person[0]])
            if person[0] % 997 == 0:
                # A few records sit in the bin, as after an officer's mistake.
                person[18] = f"{today.isoformat()}T11:{self.between(10, 59)}:00"
                person[19] = f"{self.rng.getrandbits(128):032x}"
        plans = self.plans
        from app.operations.demo.reporting import history

        reports, excuses, notes = history(self, today - timedelta(days=REPORT_DAYS)) if self.bapas else ([], [], [])
        return ChunkRows(
            persons=self.persons,
            cases=[case_row(p, category_ids, self.stamp(p.entered)) for p in plans],
            remissions=[(p.id, g.isoformat(), k, m, d, sk)
                        for p in plans if p.remission_total is None for g, k, m, d, sk in p.remissions],
            interruptions=[(p.id, s.isoformat(), e.isoformat(), n) for p in plans for s, e, n in p.interruptions],
            officials=[(p.id, k, v.isoformat(), p.official_source) for p in plans for k, v in p.officials.items()],
            overrides=[(p.id, k, v.isoformat(), "Sesuai tanggal pada SK dari Ditjenpas", self.stamp(p.entered))
                       for p in plans for k, v in p.overrides.items()],
            programs=self.programs,
            status_changes=[(p[0], p[12], p[13], p[14], p[15], p[17]) for p in self.programs if p[12] != "aktif"],
            reports=reports,
            excuses=excuses,
            notes=notes,
        )
