"""The demo's people: a seeded random stream, and the persons and officers it invents.

``RandomStream`` is one ``random.Random`` and the small helpers on top of it (names by
culture, sex, religion and age; phone numbers; timestamps).  ``PersonMaker`` adds the
client's identity: a birth date that makes them a child or an adult at the offence,
a NIK whose region, birth date and sex digits agree with them (or a passport for a
foreigner), an address in their regency, education, work, and a relative who is
also the guarantor.  ``make_officers`` invents the unit's PKs with valid NIPs.
Every choice comes from the stream, so the same stream gives the same people.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from app.models.names import fold_name, sort_key
from app.operations.demo.vocabulary import (
    ABDUL,
    ALIAS_F,
    ALIAS_M,
    ARAB_F1,
    ARAB_F2,
    ARAB_M1,
    ARAB_M2,
    CHRIST_F,
    CHRIST_M,
    CULTURE_NAMES,
    CULTURES,
    DEGREES,
    DUSUN,
    FOREIGN,
    JAWA_F2,
    JAWA_M2,
    PHONE_PREFIXES,
    REGENCIES,
    STREETS,
    TITLES,
    VILLAGES,
    Pick,
)

# Times of day an officer enters a record at the counter.
TIMES = tuple(f"T{h:02d}:{m:02d}:00" for h in range(8, 16) for m in (0, 7, 15, 22, 30, 38, 45, 52))
_CULTURE_PICK = Pick([(k, v[0]) for k, v in CULTURES.items()])
_REGENCY_PICKS = {k: Pick(v[1]) for k, v in CULTURES.items()}
RELIGION_PICKS = {k: Pick(v[3]) for k, v in CULTURES.items()}
# The officers of a unit in East Java come mostly from there.
_OFFICER_CULTURES = Pick([("jawa", 80), ("madura", 5), ("sunda", 5), ("batak", 3), ("minang", 3), ("bugis", 2),
                          ("bali", 2)])
_SORT_WORDS: dict[str, str] = {}
_FOLD_WORDS: dict[str, str] = {}


def _word_key(word: str, key: Callable[[str], str], cache: dict[str, str]) -> str:
    found = cache.get(word)
    if found is None:
        found = cache[word] = key(word)
    return found


class RandomStream:
    """One stream of random choices (``random.Random``) and the small helpers on top of it."""

    def __init__(self, stream: str, today: date, unit_kind: str):
        # A string seed is hashed with SHA-512: the same on every machine and run.
        self.rng = random.Random(stream)
        self.r = self.rng.random
        self.today = today
        self.unit_kind = unit_kind
        self.bapas = unit_kind == "bapas"

    def pick(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.r() * len(seq))]

    def between(self, low: int, high: int) -> int:
        """An integer in [low, high]."""
        return low + int(self.r() * (high - low + 1))

    def stamp(self, d: date) -> str:
        return d.isoformat() + TIMES[int(self.r() * len(TIMES))]

    def phone(self) -> str:
        digits = 6 + int(self.r() * 4)
        low = 10 ** (digits - 1)
        return "0" + PHONE_PREFIXES[int(self.r() * len(PHONE_PREFIXES))] + str(low + int(self.r() * 9 * low))

    def given_name(self, culture: str, sex: str, religion: str, birth_year: int, *, formal: bool = True) -> str:
        r = self.r
        m1, m2, f1, f2 = CULTURE_NAMES[culture]
        male = sex == "L"
        if culture == "bali" and religion == "Hindu":
            rest = self.pick(m2 if male else f2)
            if r() < 0.3:
                rest += " " + self.pick(m2 if male else f2)
            return f"{self.pick(m1 if male else f1)} {rest}"
        if culture in ("manado", "ntt", "timur") and religion != "Islam":
            first = self.pick(m1 if male else f1)
            if r() < 0.25:
                first += " " + self.pick(CHRIST_M if male else CHRIST_F)
            return f"{first} {self.pick(m2)}"
        if culture == "batak":
            muslim = religion == "Islam"
            first = self.pick(ARAB_M1 if male else ARAB_F1) if muslim and r() < 0.6 else self.pick(m1 if male else f1)
            return f"{first} {self.pick(f2 if muslim else m2)}"  # the Muslim clans sit in the fourth pool
        if culture == "tionghoa":
            if religion in ("Kristen", "Katolik") and r() < 0.4:
                first = self.pick(CHRIST_M if male else CHRIST_F)
            else:
                first = self.pick(m1 if male else f1)
            return f"{first} {self.pick(m2)}"
        arab = religion == "Islam" and r() < CULTURES[culture][4]
        if arab:
            p1, p2 = (ARAB_M1, ARAB_M2) if male else (ARAB_F1, ARAB_F2)
        elif religion in ("Kristen", "Katolik") and r() < 0.6:
            p1, p2 = (CHRIST_M, m2 or JAWA_M2) if male else (CHRIST_F, f2 or JAWA_F2)
        else:
            # Cultures whose pools hold family names only fall back on common given names.
            p1, p2 = (m1, m2 or ARAB_M2) if male else (f1, f2 or ARAB_F2)
        first = self.pick(p1)
        u = r()
        single = 0.45 if (culture == "jawa" and birth_year < 1970 and not arab) else 0.2
        parts = [first]
        if first in ("Abdul", "Abd."):
            parts.append(self.pick(ABDUL))
        elif u >= single or first in ("Siti", "Nur", "Sri", "Moh.", "Moch.", "Muhammad", "Ahmad", "Mochamad"):
            second = self.pick(p2 if r() < 0.75 else (m2 if male else f2) or p2)
            if second != first:
                parts.append(second)
            if u > 0.82:
                third = self.pick(p2)
                if third not in parts:
                    parts.append(third)
        title = TITLES.get((culture, sex))
        if formal and title and r() < title[1]:
            parts.insert(0, title[0])
        return " ".join(parts)


class PersonMaker(RandomStream):
    """Adds the persons of a chunk (``self.persons``, rows in ``PERSON_COLUMNS`` order)."""

    def __init__(self, stream: str, today: date, unit_kind: str):
        super().__init__(stream, today, unit_kind)
        self.persons: list[list[Any]] = []
        self.nik_serials: dict[str, int] = {}
        self.name_keys: dict[str, tuple[str, str]] = {}
        self.new_names = 0
        self.compose_names = True
        self.nationality: str | None = None  # the client being made is a foreigner

    # -- names and persons -------------------------------------------------------------
    def person_name(self, culture: str, sex: str, religion: str, birth_year: int) -> str:
        name = self.given_name(culture, sex, religion, birth_year)
        # "bin/binti" with the father's name, as Muslim court papers often write it.
        if religion == "Islam" and culture not in ("bali", "tionghoa", "manado", "ntt", "timur") and self.r() < 0.12:
            father = self.given_name(culture, "L", "Islam", birth_year - 25, formal=False)
            name += (" bin " if sex == "L" else " binti ") + father
        return name

    def name_keys_of(self, name: str) -> tuple[str, str]:
        """(sort_key(name), fold_name(name)).

        Names here are plain words (no titles, degrees or aliases inside), for which
        both keys are the words' own keys joined, so they are built from a cache of
        words.  Every 50th new name is checked against the functions themselves; if
        the rules in ``names`` ever stop composing that way, the rest are computed whole.
        """
        found = self.name_keys.get(name)
        if found is not None:
            return found
        keys: tuple[str, str] = ("", "")
        self.new_names += 1
        if self.compose_names:
            words = name.split(" ")
            for i, w in enumerate(words):
                if w in ("bin", "binti"):
                    base = words[:i]
                    break
            else:
                base = words
            keys = (" ".join([_word_key(w, sort_key, _SORT_WORDS) for w in words]),
                    " ".join([_word_key(w, fold_name, _FOLD_WORDS) for w in base]))
            if self.new_names % 50 == 1 and keys != (sort_key(name), fold_name(name)):
                self.compose_names = False
        if not self.compose_names:
            keys = (sort_key(name), fold_name(name))
        self.name_keys[name] = keys
        return keys

    def birth_for(self, offence: date, child: bool) -> date:
        """A birth date that makes the person a child (12-17) or an adult at the offence."""
        r = self.r
        if child:
            # 4385 days is more than 12 years, 6570 less than 18; most children are 15-17.
            days = max(4385 + int(r() * 2186), 4385 + int(r() * 2186))
        else:
            u = r()
            years = 18 + (u * 7 if u < 0.22 else 7 + (u - 0.22) / 0.35 * 10 if u < 0.57 else
                          17 + (u - 0.57) / 0.25 * 10 if u < 0.82 else 27 + (u - 0.82) / 0.18 * 25)
            days = int(years * 365.25) + 3
        return offence - timedelta(days=days)

    def make_person(self, number: int, child: bool, offence: date) -> tuple[date, str, str]:
        """Append a person; return (birth date, religion, culture)."""
        r = self.r
        birth = self.birth_for(offence, child)
        woman = 0.05 if child else {"bapas": 0.08, "lapas": 0.03, "rutan": 0.08, "lpka": 0.06}[self.unit_kind]
        sex = "P" if r() < woman else "L"
        if self.nationality is not None:
            return birth, self.make_foreigner(number, sex, birth, self.nationality), "asing"
        culture = _CULTURE_PICK(r())
        religion = RELIGION_PICKS[culture](r())
        name = self.person_name(culture, sex, religion, birth.year)
        regency = _REGENCY_PICKS[culture](r())
        regency_name, city, districts = REGENCIES[regency]
        district = 1 + int(r() * len(districts))
        prefix = (f"{regency}{district:02d}{birth.day + (40 if sex == 'P' else 0):02d}"
                  f"{birth.month:02d}{birth.year % 100:02d}")
        serial = self.nik_serials.get(prefix)
        serial = (1 + int(r() * 8)) if serial is None else serial + 1
        self.nik_serials[prefix] = serial
        birth_place = regency_name if r() < 0.85 else REGENCIES[_REGENCY_PICKS[culture](r())][0]
        kecamatan = districts[district - 1]
        village = self.pick(VILLAGES[CULTURES[culture][2]])
        rt, rw = self.between(1, 12), self.between(1, 6)
        if city:
            address = (f"Jl. {self.pick(STREETS)} No. {self.between(1, 180)}, RT {rt:03d}/RW {rw:03d}, "
                       f"Kel. {village}, Kec. {kecamatan}, Kota {regency_name}")
        elif r() < 0.7:
            address = (f"Dusun {self.pick(DUSUN)} RT {rt:03d}/RW {rw:03d}, Desa {village}, "
                       f"Kec. {kecamatan}, Kab. {regency_name}")
        else:
            address = (f"Jl. {self.pick(STREETS)} No. {self.between(1, 90)}, RT {rt:03d}/RW {rw:03d}, "
                       f"Desa {village}, Kec. {kecamatan}, Kab. {regency_name}")
        age = offence.year - birth.year
        alias = self.pick(ALIAS_M if sex == "L" else ALIAS_F) if r() < 0.07 else ""
        self.append_person(number, name, alias, f"{prefix}{serial:04d}", None, "Indonesia", sex, birth_place, birth,
                           religion, self.education(child, age), self.occupation(child, sex, age), address,
                           self.phone() if r() < 0.88 else "", *self.relative(culture, religion, birth, child, sex))
        return birth, religion, culture

    def make_foreigner(self, number: int, sex: str, birth: date, nationality: str) -> str:
        males, females, places, (letters, digits), religion, _ = FOREIGN[nationality]
        name = self.pick(males if sex == "L" or not females else females)
        low = 10 ** (digits - 1)
        passport = letters + str(low + int(self.r() * 9 * low))
        self.append_person(number, name, "", None, passport, nationality, sex, self.pick(places), birth, religion,
                           self.pick(("SMA/SMK", "SMP", "S1", "SD")),
                           self.pick(("Wiraswasta", "Nelayan", "Pedagang", "Tidak bekerja")),
                           f"{self.pick(places)}, {nationality}", "", "Kedutaan/Konsulat " + nationality, "")
        return religion

    def append_person(self, number: int, name: str, alias: str, nik: str | None, passport: str | None,
                      nationality: str, sex: str, birth_place: str, birth: date, religion: str, education: str,
                      occupation: str, address: str, phone: str, family: str, guarantor: str) -> None:
        sort, fold = self.name_keys_of(name)
        self.persons.append([number + 1, name, sort, fold, alias, nik, passport, nationality, sex, birth_place,
                             birth.isoformat(), religion, education, occupation, address, phone, family,
                             guarantor, None, None, "", ""])

    def education(self, child: bool, age: int) -> str:
        u = self.r()
        if child:
            if age <= 13:
                return "SD" if u < 0.6 else "SMP" if u < 0.95 else "Tidak sekolah"
            if age <= 15:
                return "SD" if u < 0.25 else "SMP" if u < 0.85 else "SMA/SMK" if u < 0.95 else "Tidak sekolah"
            return "SD" if u < 0.15 else "SMP" if u < 0.6 else "SMA/SMK" if u < 0.95 else "Tidak sekolah"
        return ("Tidak sekolah" if u < 0.04 else "SD" if u < 0.32 else "SMP" if u < 0.58 else "SMA/SMK" if u < 0.91
                else "D1-D3" if u < 0.94 else "S1" if u < 0.995 else "S2")

    def occupation(self, child: bool, sex: str, age: int) -> str:
        u = self.r()
        if child:
            return ("Pelajar" if u < 0.6 else "Tidak bekerja" if u < 0.85 else "Buruh harian lepas" if u < 0.95
                    else "Petani")
        if sex == "P":
            return ("Mengurus rumah tangga" if u < 0.35 else "Wiraswasta" if u < 0.5 else "Pedagang" if u < 0.65
                    else "Karyawan swasta" if u < 0.77 else "Buruh harian lepas" if u < 0.87 else "Tidak bekerja"
                    if u < 0.95 else "Petani")
        return ("Buruh harian lepas" if u < 0.2 else "Petani" if u < 0.32 else "Wiraswasta" if u < 0.47
                else "Karyawan swasta" if u < 0.57 else "Pedagang" if u < 0.64 else "Sopir" if u < 0.69
                else "Nelayan" if u < 0.71 else "Tidak bekerja" if u < 0.81 else "Buruh bangunan" if u < 0.86
                else "Pengemudi ojek" if u < 0.9 else "Tukang parkir" if u < 0.92 else "Montir" if u < 0.94
                else "Buruh tani" if u < 0.98 else "Pekerja migran" if u < 0.99 else "Perangkat desa")

    def relative(self, culture: str, religion: str, birth: date, child: bool, sex: str) -> tuple[str, str]:
        """(family contact with phone, guarantor): the guarantor is mostly the same relative."""
        r = self.r
        if child or r() < 0.3:
            relation, rel_sex = ("ayah", "L") if r() < 0.55 else ("ibu", "P")
            year = birth.year - 28
        elif r() < 0.75:
            relation, rel_sex = ("istri", "P") if sex == "L" else ("suami", "L")
            year = birth.year
        else:
            relation, rel_sex = self.pick((("kakak", "L"), ("kakak", "P"), ("adik", "L"), ("adik", "P")))
            year = birth.year
        name = self.given_name(culture, rel_sex, religion, year, formal=False)
        phone = self.phone() if r() < 0.9 else ""
        contact = f"{name} ({relation})" + (f", {phone}" if phone else "")
        if not self.bapas and r() < 0.7:
            return contact, ""
        if r() < 0.8:
            return contact, f"{name} ({relation})"
        other = self.given_name(culture, "L", religion, birth.year - 10, formal=False)
        return contact, f"{other} ({self.pick(('paman', 'kepala desa', 'tokoh masyarakat', 'kakak ipar'))})"


def make_officers(seed: int, clients: int, today: date) -> tuple[list[tuple[Any, ...]], list[int], list[int]]:
    """About one PK per 120 clients (at least 5, at most 80: a large Bapas), valid NIPs (a few NI PPPK), ranks by years
    of service, a couple deactivated.  Returns (rows, active ids, all ids)."""
    rnd = RandomStream(f"rekam-upt-demo:{seed}:petugas", today, "bapas")
    r = rnd.r
    n = min(80, max(5, round(clients / 120)))
    ranks_d3 = ("Pengatur (II/c)", "Pengatur Tingkat I (II/d)", "Penata Muda (III/a)",
                "Penata Muda Tingkat I (III/b)", "Penata (III/c)", "Penata Tingkat I (III/d)")
    ranks_s1 = ("Penata Muda (III/a)", "Penata Muda Tingkat I (III/b)", "Penata (III/c)",
                "Penata Tingkat I (III/d)", "Pembina (IV/a)", "Pembina Tingkat I (IV/b)")
    inactive = set(rnd.rng.sample(range(1, n + 1), max(2, n // 40)))
    created = rnd.stamp(today - timedelta(days=1100))
    rows: list[tuple[Any, ...]] = []
    active: list[int] = []
    nips: set[str] = set()
    for officer_id in range(1, n + 1):
        sex = "P" if r() < 0.45 else "L"
        culture = _OFFICER_CULTURES(r())
        religion = RELIGION_PICKS[culture](r())
        # validate_nip accepts birth years 1940-2015.
        age = rnd.between(max(24, today.year - 2015), max(30, min(57, today.year - 1945)))
        birth = date(today.year - age, rnd.between(1, 12), rnd.between(1, 28))
        degree = DEGREES(r())
        name = rnd.given_name(culture, sex, religion, birth.year, formal=False) + degree
        pppk = r() < 0.08 and today.year >= 2022
        sex_digit = "1" if sex == "L" else "2"
        while True:
            serial = rnd.between(1, 9)
            if pppk:
                year = min(today.year, max(2022, birth.year + 20) + rnd.between(0, 2))
                nip = f"{birth:%Y%m%d}{year}21{sex_digit}{serial:03d}"
            else:
                year = min(today.year - 1, birth.year + rnd.between(22, 30))
                nip = f"{birth:%Y%m%d}{year}{rnd.pick((1, 3, 4, 12)):02d}{sex_digit}{serial:03d}"
            if nip not in nips:
                nips.add(nip)
                break
        if pppk:
            rank = "PPPK Golongan IX"
        else:
            ladder = ranks_d3 if "A.Md" in degree or not degree else ranks_s1
            rank = ladder[min(len(ladder) - 1, (today.year - year) // 4)]
        left = (today - timedelta(days=rnd.between(30, 700))).isoformat() if officer_id in inactive else None
        rows.append((officer_id, name, sort_key(name), nip, "pppk" if pppk else "nip", rank, rnd.phone(),
                     int(left is None), left, created, (left + "T09:00:00") if left else created))
        if left is None:
            active.append(officer_id)
    return rows, active, list(range(1, n + 1))


def head_of_office(today: date) -> tuple[str, str]:
    birth = date(min(today.year - 50, 1990), 4, 17)
    return "Dr. Bambang Sutrisno, S.H., M.H.", f"{birth:%Y%m%d}{birth.year + 24}031001"
