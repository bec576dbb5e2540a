"""The demo's vocabulary, read from the JSON files in ``data/`` beside this module.

Names, places, offences, courts, holidays and the words of the office's papers are
data, not code: each file says in its ``_about`` what its fields mean, and an
officer or a translator can correct a name without reading Python.  The files are
read once, at import, through ``importlib.resources`` so an installed program (a
wheel, a frozen build) finds them as well as a checkout.  This module turns them
into the tuples and weighted choices (``Pick``) the generator draws from.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from datetime import date, timedelta
from importlib import resources
from typing import Any

from app.models.schema import OFFENCE_CATEGORIES

# The vocabulary (holidays, officers' NIPs, statutes) is plausible for these years.
EARLIEST_TODAY = date(2005, 1, 1)
LATEST_TODAY = date(2055, 12, 31)


def _load(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text)


class Pick:
    """A weighted choice that costs one random number and one bisect."""

    __slots__ = ("cum", "items", "total")

    def __init__(self, pairs: Sequence[tuple[Any, float]]):
        self.items = [p[0] for p in pairs]
        self.cum: list[float] = []
        total = 0.0
        for _, weight in pairs:
            total += weight
            self.cum.append(total)
        self.total = total

    def __call__(self, u: float) -> Any:
        """The item for a uniform number ``u`` in [0, 1)."""
        return self.items[min(bisect.bisect_right(self.cum, u * self.total), len(self.items) - 1)]


def _pairs(rows: list[list[Any]]) -> list[tuple[Any, float]]:
    return [(row[0], row[1]) for row in rows]


# -- places ---------------------------------------------------------------------------------
_regions = _load("regions.json")
# code -> (name, is a city, kecamatan in the order the NIK's district digits count them)
REGENCIES: dict[str, tuple[str, bool, tuple[str, ...]]] = {
    code: (r["name"], r["city"], tuple(r["districts"])) for code, r in _regions["regencies"].items()}
VILLAGES: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _regions["villages"].items()}
DUSUN: tuple[str, ...] = tuple(_regions["dusun"])
STREETS: tuple[str, ...] = tuple(_regions["streets"])

# -- people's names ---------------------------------------------------------------------------
_names = _load("names.json")
_shared = {k: tuple(v) for k, v in _names["shared"].items()}


def _pool(value: str | list[str]) -> tuple[str, ...]:
    return _shared[value[1:]] if isinstance(value, str) else tuple(value)


JAWA_M2, JAWA_F2 = _shared["jawa_male_later"], _shared["jawa_female_later"]
ARAB_M1, ARAB_M2 = _shared["arabic_male_first"], _shared["arabic_male_later"]
ARAB_F1, ARAB_F2 = _shared["arabic_female_first"], _shared["arabic_female_later"]
ABDUL = _shared["abdul"]
CHRIST_M, CHRIST_F = _shared["christian_male"], _shared["christian_female"]
# culture -> (male first, male later, female first, female later)
CULTURE_NAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    k: tuple(_pool(c["names"][part]) for part in ("male_first", "male_later", "female_first", "female_later"))
    for k, c in _names["cultures"].items()}
# culture -> (weight among clients, regencies with weights, village pool, religions with weights,
#             share of Muslims given Arabic-Islamic names)
CULTURES: dict[str, tuple[float, tuple[tuple[str, float], ...], str, tuple[tuple[str, float], ...], float]] = {
    k: (c["weight"], tuple(_pairs(c["regencies"])), c["villages"], tuple(_pairs(c["religions"])),
        c["arabic_names"]) for k, c in _names["cultures"].items()}
# (culture, sex) -> (title, how often)
TITLES: dict[tuple[str, str], tuple[str, float]] = {(c, s): (t, p) for c, s, t, p in _names["titles"]}
ALIAS_M: tuple[str, ...] = tuple(_names["aliases"]["L"])
ALIAS_F: tuple[str, ...] = tuple(_names["aliases"]["P"])

# -- foreigners -------------------------------------------------------------------------------------
_foreign = _load("foreigners.json")["nationalities"]
# nationality -> (male names, female names, birth places, passport prefix and digits, religion,
#                 offence categories)
FOREIGN: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, int], str,
                         tuple[str, ...]]] = {
    k: (tuple(f["male"]), tuple(f["female"]), tuple(f["birth_places"]), (f["passport"][0], f["passport"][1]),
        f["religion"], tuple(f["offences"])) for k, f in _foreign.items()}
FOREIGN_PICK = Pick([(k, f["weight"]) for k, f in _foreign.items()])

# -- offences and courts ----------------------------------------------------------------------------
_offences = _load("offences.json")
# name, weight adult, weight child, sentence in months (min, max, most common), verdict type,
# articles (KUHP of 1946 / special law), articles under UU 1/2023, statute,
# fine (probability, amounts, subsider months, probability paid), life, death
Category = tuple[str, float, float, int, int, int, str, tuple[str, ...], tuple[str, ...] | None, str,
                 tuple[float, tuple[int, ...], tuple[int, ...], float] | None, float, float]


def _category(c: dict[str, Any]) -> Category:
    fine = c["fine"]
    return (c["name"], c["weight_adult"], c["weight_child"], *c["months"], c["verdict_type"], tuple(c["articles"]),
            None if c["articles_new_kuhp"] is None else tuple(c["articles_new_kuhp"]), c["statute"],
            None if fine is None else (fine["probability"], tuple(fine["amounts"]), tuple(fine["subsider_months"]),
                                       fine["paid"]),
            c["life"], c["death"])


CATEGORIES: tuple[Category, ...] = tuple(_category(c) for c in _offences["categories"])
CATEGORY_BY_NAME = {c[0]: c for c in CATEGORIES}
if sorted(CATEGORY_BY_NAME) != sorted(OFFENCE_CATEGORIES):
    raise RuntimeError("data/offences.json must hold exactly the schema's OFFENCE_CATEGORIES")
LIGHT: tuple[str, ...] = tuple(_offences["light"])
CHILD_LIGHT: tuple[str, ...] = tuple(_offences["child_light"])
# (court, abbreviation in verdict numbers)
COURTS = Pick([((name, abbr), weight) for name, abbr, weight in _offences["courts"]])
CAT_ADULT = Pick([(c, c[1]) for c in CATEGORIES])
CAT_CHILD = Pick([(c, c[2]) for c in CATEGORIES if c[2] > 0])

# -- the office's papers ------------------------------------------------------------------------------
_office = _load("office.json")
OTHER_UNITS: tuple[str, ...] = tuple(_office["other_units"])
RELEASING: tuple[str, ...] = tuple(_office["releasing_units"])
STATUS_REASONS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _office["status_reasons"].items()}
REPORT_NOTES: tuple[str, ...] = tuple(_office["report_notes"])
# Buku perkembangan: phrases for each of the five parts; excused absences' reasons by kind.
GUIDANCE_NOTES: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _office["guidance_notes"].items()}
EXCUSE_REASONS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _office["excuse_reasons"].items()}
DEGREES = Pick(_pairs(_office["degrees"]))
PHONE_PREFIXES: tuple[str, ...] = tuple(_office["phone_prefixes"])

# -- remissions and holidays ----------------------------------------------------------------------------
_calendar = _load("calendar.json")
# (remisi umum, remisi khusus) in (months, days) by year of serving
REMISSION_AMOUNTS: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = tuple(
    ((u[0], u[1]), (k[0], k[1])) for u, k in _calendar["remission_amounts"])
_HOLIDAYS: dict[str, dict[int, tuple[int, int]]] = {
    name: {int(year): (md[0], md[1]) for year, md in days.items()} for name, days in _calendar["holidays"].items()}
# Outside the listed years an approximation keeps the demo going: (month, day) plus a drift.
_FALLBACK = {"Hindu": ("nyepi", (3, 10)), "Buddha": ("waisak", (5, 10)), "Konghucu": ("imlek", (1, 22))}


def holiday(religion: str, year: int) -> date | None:
    """The day remisi khusus is granted to a person of this religion in this year."""
    if religion == "Islam":
        known = _HOLIDAYS["idul_fitri"].get(year)
        if known:
            return date(year, *known)
        # The Hijri year is about 354.37 days: step from a known date to this year.
        anchor = date(2024, 4, 10)
        for k in range(year - 2024 - 2, year - 2024 + 3):
            d = anchor + timedelta(days=round(k * 354.367))
            if d.year == year:
                return d
        return None
    if religion in ("Kristen", "Katolik"):
        return date(year, 12, 25)
    if religion not in _FALLBACK:
        return None
    table, (month, day) = _FALLBACK[religion]
    known = _HOLIDAYS[table].get(year)
    if known:
        return date(year, *known)
    return date(year, month, day) + timedelta(days=year % 19)


_GRANT_DAYS: dict[str, tuple[list[int], list[tuple[date, str]]]] = {}


def grant_days(religion: str) -> tuple[list[int], list[tuple[date, str]]]:
    """Every day remission is granted to a person of this religion, in order (cached):
    17 August (umum) and the religious holiday (khusus) of each year."""
    found = _GRANT_DAYS.get(religion)
    if found is None:
        days = []
        for year in range(EARLIEST_TODAY.year - 40, LATEST_TODAY.year + 1):
            day = holiday(religion, year)
            if day is not None:
                days.append((day, "khusus"))
            days.append((date(year, 8, 17), "umum"))
        days.sort()
        found = _GRANT_DAYS[religion] = ([d.toordinal() for d, _ in days], days)
    return found
