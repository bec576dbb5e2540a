"""Synthetic demo data: ``generate_demo`` fills a new Rekam UPT file with made-up records.

``rekam-upt demo`` and the window's "Buka demo" call it.  Everything in the file is
invented: Indonesian names by region and religion (Javanese, Sundanese, Madurese,
Batak, Minang, Bugis, Balinese, Arabic-Islamic, Christian, Chinese-Indonesian ...,
some with "bin/binti", some with an alias), NIKs whose region, birth date and sex
digits agree with the person, a few foreigners with a passport instead, officers
with valid NIPs (and a few NI PPPK), offences with matching articles, statutes and
verdict numbers, sentences with a remission ledger (17 August and the religious
holidays), every program kind and status with its letter and reason, adults and
children, and monthly reporting (wajib lapor) with some months missed.  A Lapas,
Rutan or LPKA gets inmates instead: convicts of every register class (B.I-B.III)
and detainees held by each authority (A.I-A.V).  The file says so: setting
``demo`` is True, so the title bar, print-outs and exports can say DATA DEMO.

The same seed and ``today`` give the same file (identical ``iterdump``): clients are
made in chunks of 2,000, each decided by its own ``random.Random("<seed>:<chunk>")``
and nothing else, so a chunk is the same whether a worker process or this process
makes it and however many workers there are; every timestamp is derived from
``today`` (never the clock; the one audit entry is written here rather than by
``Database.audit``, which reads the clock); the password's scrypt salt is derived from
the seed.  A salt known from the seed is acceptable only because a demo file holds no
real person's data; a real database always gets a random salt
(``security.hash_password``).  Numbers that must be unique across the file (verdict
and register numbers) are interleaved by chunk; the rare NIK that two chunks both
drew is moved to the next serial when the chunks are written, in chunk order.

Crash safety: the file is built at ``<name>.demo-tmp`` beside the target, its data
in one transaction, then closed, flushed to disk and renamed over the target.
Killed at any moment, the target is the old file or the whole demo, never half of
one; a temporary file left by a killed run is removed by the next.  An existing
file with data is refused unless ``replace``, which backs it up first.

Speed (100,000 clients in about 20 s on two cores, see bench/bench_demo.py): worker
processes (``spawn``) make the chunks while this process writes the finished ones and
rebuilds their grouping rows (``reindex_persons`` chunk by chunk); rows are written
with ``executemany``, ids offset in SQL, nothing read back row by row; indexes whose
keys arrive in random order are dropped for the load and rebuilt once from their own
SQL; the temporary file keeps its rollback journal in memory and is not synced until
the end (a failed build is thrown away anyway); sentence dates come from
``calculator.compute(explain=False)`` and are stored exactly as
``sentence.recompute_case`` would store them.
"""

from __future__ import annotations

import base64
import bisect
import contextlib
import gc
import hashlib
import json
import marshal
import multiprocessing
import multiprocessing.connection
import os
import random
import shutil
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.models import calculator as calc
from app.models import paths, storage
from app.models.domain import DETENTION_AUTHORITIES, UNIT_KINDS, CaseInput
from app.models.durations import Duration, add_calendar
from app.models.errors import OperationError, UserInputError
from app.models.i18n import tr
from app.models.names import fold_name, sort_key
from app.models.schema import DATE_KEYS, OFFENCE_CATEGORIES, SCHEMA_VERSION
from app.models.security import SCRYPT_N, SCRYPT_P, SCRYPT_R, check_new_password
from app.models.storage import GENESIS_HASH, Database, audit_hash, canonical_json
from app.operations.clients import DEFAULT_REGISTER_PATTERN, format_register, register_class
from app.operations.index import reindex_persons
from app.operations.settings import DEFAULT_PREFERENCES

MAX_CLIENTS = 1_000_000
TEMP_SUFFIX = ".demo-tmp"
BACKUP_REASON = "sebelum-demo"
OPERATION = "buat data demo"
# Pidana pengawasan and pidana kerja sosial exist since UU 1/2023 came into force.
NEW_KUHP = date(2026, 1, 2)
# The vocabulary (holidays, officers' NIPs, statutes) is plausible for these years.
EARLIEST_TODAY = date(2005, 1, 1)
LATEST_TODAY = date(2055, 12, 31)

ProgressFn = Callable[[int, int], None]


# ---------------------------------------------------------------------------------------
# Vocabulary.  Pools are written as text so the lists stay readable; "|" separates
# entries that contain spaces.
# ---------------------------------------------------------------------------------------

def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split("|")) if "|" in text else tuple(text.split())


class _Pick:
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


# Regencies (Kemendagri codes: province + regency) with the kecamatan names the NIK's
# district digits point to.  The unit is placed in Bojonegoro, so most clients come
# from there and the neighbouring regencies.
_REGENCIES: dict[str, tuple[str, bool, tuple[str, ...]]] = {
    "3522": ("Bojonegoro", False, _words(
        "Margomulyo|Ngraho|Tambakrejo|Ngambon|Sekar|Bubulan|Gondang|Temayang|Sugihwaras|Kedungadem|"
        "Kepohbaru|Baureno|Kanor|Sumberrejo|Balen|Sukosewu|Kapas|Bojonegoro|Trucuk|Dander|Ngasem|"
        "Gayam|Kalitidu|Malo|Purwosari|Padangan|Kasiman|Kedewan")),
    "3523": ("Tuban", False, _words(
        "Kenduruan|Bangilan|Senori|Singgahan|Montong|Parengan|Soko|Rengel|Grabagan|Plumpang|Widang|"
        "Palang|Semanding|Tuban|Jenu|Merakurak|Kerek|Tambakboyo|Jatirogo|Bancar")),
    "3524": ("Lamongan", False, _words(
        "Sukorame|Bluluk|Ngimbang|Sambeng|Mantup|Kembangbahu|Sugio|Kedungpring|Modo|Babat|Pucuk|"
        "Sukodadi|Lamongan|Tikung|Sarirejo|Deket|Glagah|Karangbinangun|Turi|Kalitengah|Karanggeneng|"
        "Sekaran|Maduran|Laren|Solokuro|Paciran|Brondong")),
    "3316": ("Blora", False, _words("Jati|Randublatung|Kradenan|Kedungtuban|Cepu|Sambong|Jiken|Bogorejo|Jepon|"
                                    "Blora|Banjarejo|Tunjungan|Japah|Ngawen|Kunduran|Todanan")),
    "3521": ("Ngawi", False, _words("Sine|Ngrambe|Jogorogo|Kendal|Geneng|Kwadungan|Pangkur|Karangjati|Bringin|"
                                    "Padas|Ngawi|Paron|Kedunggalar|Widodaren|Mantingan|Pitu|Karanganyar")),
    "3518": ("Nganjuk", False, _words("Sawahan|Ngetos|Berbek|Loceret|Pace|Tanjunganom|Prambon|Ngronggot|Kertosono|"
                                      "Patianrowo|Baron|Gondang|Sukomoro|Nganjuk|Bagor|Wilangan|Rejoso|Ngluyu")),
    "3525": ("Gresik", False, _words("Wringinanom|Driyorejo|Kedamean|Menganti|Cerme|Benjeng|Balongpanggang|"
                                     "Duduksampeyan|Kebomas|Gresik|Manyar|Bungah|Sidayu|Dukun|Panceng|Ujungpangkah")),
    "3517": ("Jombang", False, _words("Bandarkedungmulyo|Perak|Gudo|Diwek|Ngoro|Mojowarno|Bareng|Wonosalam|"
                                      "Mojoagung|Sumobito|Jogoroto|Peterongan|Jombang|Megaluh|Tembelang|Kesamben")),
    "3578": ("Surabaya", True, _words(
        "Karangpilang|Jambangan|Gayungan|Wonocolo|Tenggilis Mejoyo|Gunung Anyar|Rungkut|Sukolilo|Mulyorejo|"
        "Gubeng|Wonokromo|Dukuh Pakis|Wiyung|Lakarsantri|Tandes|Sukomanunggal|Sawahan|Tegalsari|Genteng|"
        "Tambaksari|Kenjeran|Simokerto|Semampir|Pabean Cantian|Bubutan|Krembangan|Asemrowo|Benowo|Bulak|Pakal")),
    "3573": ("Malang", True, _words("Kedungkandang|Sukun|Klojen|Blimbing|Lowokwaru")),
    "3317": ("Rembang", False, _words("Sumber|Bulu|Gunem|Sale|Sarang|Sedan|Pamotan|Sulang|Kaliori|Rembang|Pancur|"
                                      "Kragan|Sluke|Lasem")),
    "3318": ("Pati", False, _words("Sukolilo|Kayen|Tambakromo|Winong|Pucakwangi|Jaken|Batangan|Juwana|Jakenan|Pati|"
                                   "Gabus|Margorejo|Gembong|Tlogowungu|Wedarijaksa|Trangkil|Margoyoso|Tayu")),
    "3374": ("Semarang", True, _words("Mijen|Gunungpati|Banyumanik|Gajahmungkur|Semarang Selatan|Candisari|"
                                      "Tembalang|Pedurungan|Genuk|Gayamsari|Semarang Timur|Semarang Utara|"
                                      "Semarang Tengah|Semarang Barat|Tugu|Ngaliyan")),
    "3471": ("Yogyakarta", True, _words("Mantrijeron|Kraton|Mergangsan|Umbulharjo|Kotagede|Gondokusuman|Danurejan|"
                                        "Pakualaman|Gondomanan|Ngampilan|Wirobrajan|Gedongtengen|Jetis|Tegalrejo")),
    "3526": ("Bangkalan", False, _words("Kamal|Labang|Kwanyar|Modung|Blega|Konang|Galis|Tanah Merah|Tragah|Socah|"
                                        "Bangkalan|Burneh|Arosbaya|Geger|Kokop|Tanjungbumi|Sepulu|Klampis")),
    "3527": ("Sampang", False, _words("Sreseh|Torjun|Pangarengan|Sampang|Camplong|Omben|Kedungdung|Jrengik|"
                                      "Tambelangan|Banyuates|Robatal|Karang Penang|Ketapang|Sokobanah")),
    "3528": ("Pamekasan", False, _words("Tlanakan|Pademawu|Galis|Larangan|Pamekasan|Proppo|Palengaan|Pegantenan|"
                                        "Kadur|Pakong|Waru|Batumarmar|Pasean")),
    "3529": ("Sumenep", False, _words("Pragaan|Bluto|Saronggi|Giligenteng|Talango|Kalianget|Kota Sumenep|Batuan|"
                                      "Lenteng|Ganding|Guluk-Guluk|Pasongsongan|Ambunten|Rubaru|Dasuk|Manding")),
    "3273": ("Bandung", True, _words("Bandung Kulon|Babakan Ciparay|Bojongloa Kaler|Bojongloa Kidul|Astanaanyar|"
                                     "Regol|Lengkong|Bandung Kidul|Buahbatu|Rancasari|Cibiru|Ujungberung|Arcamanik|"
                                     "Kiaracondong|Batununggal|Sumur Bandung|Andir|Cicendo|Bandung Wetan|Coblong")),
    "3204": ("Bandung", False, _words("Ciwidey|Rancabali|Pasirjambu|Cimaung|Pangalengan|Kertasari|Pacet|Ibun|Paseh|"
                                      "Cikancung|Cicalengka|Rancaekek|Majalaya|Ciparay|Baleendah|Arjasari|Banjaran|"
                                      "Soreang|Margaasih|Margahayu|Dayeuhkolot|Bojongsoang|Cileunyi|Cimenyan")),
    "3201": ("Bogor", False, _words("Cibinong|Gunung Putri|Citeureup|Sukaraja|Babakan Madang|Jonggol|Cileungsi|"
                                    "Cariu|Sukamakmur|Parung|Gunung Sindur|Kemang|Bojonggede|Leuwiliang|Ciampea|"
                                    "Cibungbulang|Pamijahan|Rumpin|Jasinga|Parung Panjang|Ciawi|Cisarua")),
    "3212": ("Indramayu", False, _words("Haurgeulis|Kroya|Gabuswetan|Cikedung|Lelea|Bangodua|Widasari|Kertasemaya|"
                                        "Krangkeng|Karangampel|Juntinyuat|Sliyeg|Jatibarang|Balongan|Indramayu|"
                                        "Sindang|Cantigi|Lohbener|Arahan|Losarang|Kandanghaur|Bongas|Anjatan|Sukra")),
    "3603": ("Tangerang", False, _words("Cisoka|Tigaraksa|Cikupa|Panongan|Curug|Legok|Pagedangan|Cisauk|Pasar Kemis|"
                                        "Balaraja|Kresek|Kronjo|Mauk|Rajeg|Sepatan|Pakuhaji|Teluknaga|Kosambi")),
    "3172": ("Jakarta Timur", True, _words("Pasar Rebo|Ciracas|Cipayung|Makasar|Kramat Jati|Jatinegara|Duren Sawit|"
                                           "Cakung|Pulo Gadung|Matraman")),
    "3175": ("Jakarta Utara", True, _words("Penjaringan|Tanjung Priok|Koja|Cilincing|Pademangan|Kelapa Gading")),
    "3174": ("Jakarta Barat", True, _words("Cengkareng|Grogol Petamburan|Taman Sari|Tambora|Kebon Jeruk|Kalideres|"
                                           "Palmerah|Kembangan")),
    "1271": ("Medan", True, _words("Medan Tuntungan|Medan Johor|Medan Amplas|Medan Denai|Medan Area|Medan Kota|"
                                   "Medan Maimun|Medan Polonia|Medan Baru|Medan Selayang|Medan Sunggal|"
                                   "Medan Helvetia|Medan Petisah|Medan Barat|Medan Timur|Medan Perjuangan|"
                                   "Medan Tembung|Medan Deli|Medan Labuhan|Medan Marelan|Medan Belawan")),
    "1202": ("Tapanuli Utara", False, _words("Parmonangan|Adiankoting|Sipoholon|Tarutung|Siatas Barita|Pahae Julu|"
                                             "Pahae Jae|Purbatua|Simangumban|Pangaribuan|Garoga|Sipahutar|"
                                             "Siborongborong|Pagaran|Muara")),
    "1212": ("Toba", False, _words("Balige|Laguboti|Silaen|Habinsaran|Pintu Pohan Meranti|Porsea|Lumbanjulu|Uluan|"
                                   "Ajibata|Bonatua Lunasi|Siantar Narumonda|Parmaksian")),
    "1371": ("Padang", True, _words("Bungus Teluk Kabung|Lubuk Kilangan|Lubuk Begalung|Padang Selatan|Padang Timur|"
                                    "Padang Barat|Padang Utara|Nanggalo|Kuranji|Pauh|Koto Tangah")),
    "1375": ("Bukittinggi", True, _words("Guguk Panjang|Mandiangin Koto Selayan|Aur Birugo Tigo Baleh")),
    "1171": ("Banda Aceh", True, _words("Meuraxa|Baiturrahman|Kuta Alam|Syiah Kuala|Ulee Kareng|Banda Raya|Kuta Raja|"
                                        "Lueng Bata|Jaya Baru")),
    "1471": ("Pekanbaru", True, _words("Sukajadi|Pekanbaru Kota|Sail|Lima Puluh|Senapelan|Rumbai|Bukit Raya|Tampan|"
                                       "Marpoyan Damai|Tenayan Raya|Payung Sekaki|Rumbai Pesisir")),
    "1671": ("Palembang", True, _words("Ilir Barat II|Gandus|Seberang Ulu I|Kertapati|Seberang Ulu II|Plaju|"
                                       "Ilir Barat I|Bukit Kecil|Ilir Timur I|Kemuning|Ilir Timur II|Kalidoni|Sako|"
                                       "Sematang Borang|Sukarami|Alang-Alang Lebar")),
    "1871": ("Bandar Lampung", True, _words("Teluk Betung Barat|Teluk Betung Selatan|Panjang|Tanjung Karang Timur|"
                                            "Teluk Betung Utara|Tanjung Karang Pusat|Tanjung Karang Barat|Kemiling|"
                                            "Kedaton|Rajabasa|Tanjung Senang|Sukarame|Sukabumi|Way Halim")),
    "2171": ("Batam", True, _words("Belakang Padang|Bulang|Galang|Sungai Beduk|Nongsa|Sekupang|Lubuk Baja|"
                                   "Batu Ampar|Bengkong|Batam Kota|Sagulung|Batu Aji")),
    "5171": ("Denpasar", True, _words("Denpasar Selatan|Denpasar Timur|Denpasar Barat|Denpasar Utara")),
    "5103": ("Badung", False, _words("Kuta Selatan|Kuta|Kuta Utara|Mengwi|Abiansemal|Petang")),
    "5108": ("Buleleng", False, _words("Gerokgak|Seririt|Busungbiu|Banjar|Sukasada|Buleleng|Sawan|Kubutambahan|"
                                       "Tejakula")),
    "5271": ("Mataram", True, _words("Ampenan|Mataram|Cakranegara|Sekarbela|Selaparang|Sandubaya")),
    "5203": ("Lombok Timur", False, _words("Keruak|Sakra|Terara|Sikur|Masbagik|Sukamulia|Selong|Pringgabaya|Aikmel|"
                                           "Sambelia|Montong Gading|Pringgasela|Suralaga|Wanasaba")),
    "5371": ("Kupang", True, _words("Alak|Maulafa|Oebobo|Kota Raja|Kelapa Lima|Kota Lama")),
    "5310": ("Sikka", False, _words("Paga|Lela|Bola|Talibura|Waigete|Kewapante|Alok|Nita|Magepanda|Waiblama")),
    "6171": ("Pontianak", True, _words("Pontianak Selatan|Pontianak Timur|Pontianak Barat|Pontianak Utara|"
                                       "Pontianak Kota|Pontianak Tenggara")),
    "6371": ("Banjarmasin", True, _words("Banjarmasin Selatan|Banjarmasin Timur|Banjarmasin Barat|Banjarmasin Utara|"
                                         "Banjarmasin Tengah")),
    "6472": ("Samarinda", True, _words("Palaran|Samarinda Seberang|Samarinda Ulu|Samarinda Ilir|Samarinda Utara|"
                                       "Sungai Kunjang|Sambutan|Sungai Pinang")),
    "6271": ("Palangka Raya", True, _words("Pahandut|Sabangau|Jekan Raya|Bukit Batu|Rakumpit")),
    "7171": ("Manado", True, _words("Bunaken|Tuminting|Singkil|Wenang|Tikala|Sario|Wanea|Mapanget|Malalayang")),
    "7102": ("Minahasa", False, _words("Langowan Timur|Tompaso|Kawangkoan|Sonder|Tombariri|Pineleng|Tondano Timur|"
                                       "Remboken|Kakas|Eris|Kombi|Lembean Timur")),
    "7371": ("Makassar", True, _words("Mariso|Mamajang|Tamalate|Rappocini|Makassar|Ujung Pandang|Wajo|Bontoala|"
                                      "Ujung Tanah|Tallo|Panakkukang|Manggala|Biringkanaya|Tamalanrea")),
    "7308": ("Bone", False, _words("Bontocani|Kahu|Kajuara|Salomekko|Tonra|Libureng|Mare|Sibulue|Barebbo|Cina|Ponre|"
                                   "Lappariaja|Lamuru|Ulaweng|Palakka|Awangpone|Tellu Siattinge|Ajangale|"
                                   "Dua Boccoe|Cenrana|Tanete Riattang")),
    "7313": ("Wajo", False, _words("Sabbangparu|Pammana|Takkalalla|Sajoanging|Majauleng|Tempe|Belawa|Tanasitolo|"
                                   "Maniangpajo|Pitumpanua|Bola|Penrang|Gilireng|Keera")),
    "7471": ("Kendari", True, _words("Mandonga|Baruga|Puuwatu|Kadia|Wua-Wua|Poasia|Abeli|Kambu|Kendari|Kendari Barat")),
    "8171": ("Ambon", True, _words("Nusaniwe|Sirimau|Teluk Ambon|Baguala|Leitimur Selatan")),
    "9471": ("Jayapura", True, _words("Muara Tami|Abepura|Heram|Jayapura Selatan|Jayapura Utara")),
}

_VILLAGES = {
    "jawa": _words(
        "Sukorejo|Sidomulyo|Karangrejo|Kedungrejo|Sumberejo|Tegalsari|Banjarsari|Ngampel|Mojorejo|Wonorejo|"
        "Ngasem|Sumbergede|Purwosari|Tambakrejo|Kalirejo|Sidorejo|Kedungsari|Ngumpakdalem|Sukowati|"
        "Mulyoagung|Campurejo|Kauman|Jetak|Ledok Kulon|Ledok Wetan|Pacul|Klangon|Semanding|Bulu|"
        "Prayungan|Sendangharjo|Kumpulrejo|Talok|Sambiroto|Banjarejo|Sukoharjo|Pungpungan|Kadipaten"),
    "sunda": _words("Sukamaju|Cibeureum|Cijambe|Sukajadi|Sindangsari|Margahayu|Cikoneng|Sukamulya|Mekarsari|"
                    "Cipanas|Sukaresmi|Pasirjati|Cilame|Sukasari|Babakan|Cimekar"),
    "sumatra": _words("Sungai Sibam|Tanjung Rhu|Kampung Baru|Simpang Tiga|Sei Sikambing|Labuh Baru|Sukaramai|"
                      "Talang Jambe|Kebun Bunga|Air Tawar|Lubuk Buaya|Pasar Baru|Gampong Baro|Lamprit|"
                      "Peunayong|Sei Putih"),
    "bali": _words("Dauh Puri|Sumerta|Panjer|Kerobokan|Jimbaran|Pemecutan|Sesetan|Tegal Harum|Kalibukbuk|"
                   "Penarungan|Peguyangan|Padangsambian"),
    "sulawesi": _words("Mamajang Dalam|Tamamaung|Bontoala|Pampang|Karuwisi|Watampone|Biru|Malalayang Satu|"
                       "Ranotana|Wanea|Kemaraya|Lalolara|Bontoramba"),
    "kalimantan": _words("Kelayan|Pekapuran|Teluk Dalam|Sungai Jawi|Tanjung Hulu|Pahandut Seberang|Air Hitam|"
                         "Sungai Lulut|Teluk Tiram|Sidas"),
    "timur": _words("Oebufu|Oepura|Kelapa Lima|Naikoten|Ampenan Utara|Dasan Agung|Batu Merah|Waihaong|Entrop|"
                    "Hamadi|Kotaraja|Waioti|Beru|Kuanino"),
}
_DUSUN = _words("Krajan|Krajan Lor|Krajan Kidul|Ngemplak|Karanganyar|Jambon|Sumber|Dukuh|Tegal|Gedangan|Pucung|"
                "Kedungdowo|Ngelo|Jati|Ngrowo")
_STREETS = _words(
    "Diponegoro|Jenderal Sudirman|Ahmad Yani|Gajah Mada|Hayam Wuruk|Imam Bonjol|Pahlawan|Veteran|Merdeka|"
    "Kartini|Pemuda|Pattimura|Teuku Umar|Mastrip|Untung Suropati|Basuki Rahmat|Mawar|Melati|Kenanga|"
    "Flamboyan|Cempaka|Anggrek|Dahlia|Rajawali|Kutilang|Nuri|Cendrawasih|Pramuka|Trunojoyo|Panglima Polim")

# Given names by culture; "1"/"2" = first part / later parts.
_JAWA_M1 = _words(
    "Agus Bambang Budi Darmanto Dwi Eko Edi Fajar Gunawan Hadi Hari Hendro Heru Imam Joko Kusno Mulyono "
    "Parno Priyo Puji Rudi Slamet Sugeng Sugiarto Suparman Supriyadi Sutrisno Suyanto Teguh Tri Wahyu "
    "Yudi Yoga Bayu Dimas Galih Gilang Arif Adi Ari Andik Wagiman Tukiman Kasiman Sutarno Sumarno "
    "Ngadimin Legiman Sarimin Paijo Ponijan Suwito Sumadi Karno Warsito Sukirno Darto Sukardi Wiji "
    "Tarmuji Sunarto Purwanto Bagus Rizky Dani Andri Aris Angga Dedi Hendra Wahyudi Sigit Bowo Totok")
_JAWA_M2 = _words(
    "Santoso Wibowo Prasetyo Nugroho Setiawan Kurniawan Hartono Widodo Cahyono Susilo Hidayat Saputro "
    "Purnomo Pranoto Utomo Wijaya Raharjo Sulistyo Permadi Ardiansyah Firmansyah Kuncoro Haryanto "
    "Suryadi Wicaksono Handoko Sasongko Mulyadi Wahyudi Priyanto Setiyono Riyadi Kurniadi Prabowo "
    "Budiono Waluyo Sutejo Ismanto Rahmanto Saputra Pamungkas Nugraha Febrianto Aditya")
_JAWA_F1 = _words(
    "Sri Sri Endang Tri Dwi Eka Ratna Dewi Ayu Indah Puji Rina Lina Tutik Yuni Fitri Novita Wulan "
    "Sumarni Partini Painem Suminah Kasmini Ngatini Sulastri Sumiati Suwarni Yuliani Suryani Sukarti "
    "Warsini Katmi Tumini Sarmi Wiwik Endah Retno Diah Nanik Erna Lilik Umi Mita Dian Ani Yayuk")
_JAWA_F2 = _words(
    "Lestari Rahayu Wahyuni Wulandari Astuti Ningsih Handayani Kartini Utami Susanti Setyowati "
    "Purwaningsih Hastuti Rahmawati Kurniawati Suryaningsih Pratiwi Anggraini Sulistyowati "
    "Widyastuti Marlina Sari Puspitasari Kusumawati Yuliana Safitri Permatasari Mulyani Agustina")
_ARAB_M1 = _words(
    "Muhammad Muhammad Muhammad Ahmad Ahmad Abdul Rahmat Syaiful Rizal Fauzi Ridwan Ilham Faisal Hasan "
    "Husein Yusuf Ismail Ibrahim Imam Zainal Syamsul Nur Abdullah Hamzah Umar Ali Kholil Mansur "
    "Mukhlis Nasrullah Rosyid Arifin Zainuddin Fathur Miftahul Khoirul Aminuddin Saiful Anas Habib "
    "Lukman Muhajir Moch. Mochamad Mohammad Muhamad")
_ARAB_M2 = _words(
    "Hidayat Arifin Hakim Rahman Ramadhan Firdaus Maulana Fauzan Saifullah Hidayatullah Syarifuddin "
    "Nurdin Fadli Huda Anwar Ashari Ikhsan Mubarok Hamdani Zulkarnain Amrullah Baihaqi Mustofa "
    "Rohman Khoiri Asyari Rosyidi Muttaqin Sholeh Efendi Alfarizi Mahfud Ghozali Hanafi")
_ABDUL = _words("Rahman Aziz Karim Gofur Majid Rohim Malik Wahab Kadir Latif Halim Rozak Somad Jalil Mutholib")
_ARAB_F1 = _words(
    "Siti Siti Siti Nur Fatimah Aisyah Khadijah Zainab Nurul Aminah Maryam Halimah Rohmah Laila Nadia "
    "Salma Zahra Anisa Ummi Faridah Mutmainah Rofiah Khoiriyah Lailatul Ainun Maslahah Musyarofah "
    "Hanifah Latifah Zulaikha Azizah")
_ARAB_F2 = _words(
    "Aminah Rahmawati Nurhayati Hidayah Khoirunnisa Fitriyah Mahmudah Sholihah Maghfiroh Zulfa Hasanah "
    "Rohmatin Munawaroh Mufidah Jamilah Badriyah Nafisah Chasanah Kholifah Masruroh Nurjanah Zulaikha")
_CHRIST_M = _words(
    "Yohanes Petrus Paulus Markus Yosef Fransiskus Stefanus Antonius Agustinus Kornelius Yakobus Thomas "
    "Daniel Samuel Frans Hendrik Alfons Benediktus Dominggus Elias Yulius Simon Marthen Yance Johny "
    "Ricky Jefri Steven Alexander Maikel Melkianus Yoel Robert Herman Viktor")
_CHRIST_F = _words(
    "Maria Yohana Magdalena Theresia Agustina Elisabeth Fransiska Veronika Margaretha Yuliana Kristina "
    "Katarina Agnes Sesilia Martha Debora Ester Ribka Meiske Jeane Vonny Lince Yuliet Merry Rosalina "
    "Natalia Monika Grace")

# culture -> (male 1, male 2, female 1, female 2)
_CULTURE_NAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "jawa": (_JAWA_M1, _JAWA_M2, _JAWA_F1, _JAWA_F2),
    "madura": (_words("Moh. Abd. Samsul Holil Bunaji Sahwi Marsuki Busiri Supandi Hosnan Sanusi Jumadi Rasuki Sahrawi Matrawi Suhaimi Mat Rofiki Hasyim Fathorrahman Zainal Sukri Rasid Mukit Sahri"),
               _words("Hasan Rahman Sari Ali Sahid Rofi Mahfud Saleh Tohir Wahid Jakfar Kamil Sakur Sahlan Hosen Rasyid"),
               _words("Siti Maimunah Halimah Rosidah Musyarofah Sunarti Ruhiyah Sumiyati Hosniyah Fatimah Juhairiyah Sahwati Marlina Badriyah Saniyah Ummi Nurul"),
               _words("Hasanah Fadilah Hotimah Rohmah Aminah Maryam Lailiyah Rofiqoh Holifah Sulaimah")),
    "sunda": (_words("Asep Ujang Dadang Cecep Dede Deden Yayan Ade Iwan Wawan Yana Jajang Engkos Odang Endang Aceng Ayi Maman Nana Ridwan Hendra Gugun Agus Dadan Yusup Entis Oman Didin Rudi Jaja Aep Ukar"),
              _words("Sunarya Suhendar Permana Saepudin Hidayat Setiadi Ruhiyat Sopian Kurnia Rohmat Mulyana Hermawan Sudrajat Saputra Gunawan Supriatna Kusnadi Hamdani Ramdani Sumarna Nurjaman Solihin Hendrayana Wijaya Firmansyah"),
              _words("Euis Neneng Enok Imas Cucu Iis Yeni Nining Nunung Lilis Dedeh Tati Titin Rina Ai Eneng Nenden Yuyun Elis Oneng Ela Wiwin Yati"),
              _words("Nurhayati Komalasari Rosita Kurniasih Sumiati Wulansari Rahmawati Marlina Hasanah Suryani Rosmiati Maryani Nurjanah Fitriani Mulyati Sukaesih")),
    "betawi": (_words("Rojali Mamat Udin Sarip Jaenudin Mahmud Husin Sapii Rohim Saiman Juned Bahrudin Salim Mulyadi Bani Rohmat Jamal"),
               _words("Saputra Hidayat Rohman Effendi Sanusi Syahroni Firdaus Hamzah Setiawan Kurniawan Sulaiman"),
               _words("Rohayah Juleha Zubaidah Marni Ipah Ijah Romlah Mursidah Rohani Yuli Fitri Munah"),
               _words("Rohmah Nurhasanah Maryam Rahmawati Sari Fitriani Maesaroh")),
    "melayu": (_words("Syahrul Zulkifli Azhar Faisal Hendra Irwan Syamsuddin Rahmat Zainal Effendi Tengku Dedi Febri Rizky Joni Ardi Wan Datuk Raja"),
               _words("Syahputra Saputra Effendi Syahrial Hamdan Azmi Fadillah Rahman Zulkarnain Pratama Ramadhan Irawan Alamsyah Kurniawan"),
               _words("Nurhayati Rahmah Fitri Yusnidar Melati Dewi Rina Mardiana Syarifah Wan Sri Erni"),
               _words("Wati Sari Rahayu Fitriani Yanti Nengsih Marlina Handayani Susanti Aryani")),
    "batak": (_words("Togar Binsar Poltak Parlindungan Maruli Martua Sahat Horas Jonner Tigor Robert Hotman Manahan Bonar Daniel Samuel Jhonson Ferdinand Rikardo Lamhot Mangatas Bernard Freddy Juntak Darwin Edward"),
              _words("Simanjuntak Siregar Sitompul Hutapea Panjaitan Sinaga Simatupang Pardede Situmorang Manurung Sihombing Pasaribu Silalahi Tambunan Hutagalung Napitupulu Sianipar Ginting Tarigan Sembiring Purba Damanik Simbolon Sitorus Marpaung Butarbutar"),
              _words("Rosmawati Tiurma Dame Lasma Romauli Nurmala Hotnida Sondang Rosdiana Erlina Magdalena Uli Melati Tiominar Rosmaida Duma Friska Lamria Hotmaida Sarma"),
              _words("Nasution Harahap Lubis Siregar Rangkuti Hasibuan Daulay Pulungan Batubara Matondang")),
    "minang": (_words("Afrizal Yusrizal Zulkifli Syafrudin Rizal Hendri Irwan Yulizar Fadhli Rahmat Erizal Syahrial Zulfikar Asrul Efendi Novrizal Alfian Yuliandri Mardianto Budiman Jufri Masrul Armen Deswandi Rusdi"),
               _words("Putra Syahputra Tanjung Piliang Chaniago Sikumbang Koto Jambak Hamdi Saputra Rahman Efendi"),
               _words("Yusnidar Nurhasanah Rahmi Yulia Desi Fitriani Elfi Nelly Yenni Mardiah Rosna Zuraida Syafni Nurlela Yusmaniar Desmawati Elvi Rahmadani Silvia Rini"),
               _words("Yanti Wati Sari Putri Rahmi Fitri Dewi Handayani Novita")),
    "aceh": (_words("Zulfikar Fauzan Mukhlis Azhari Razali Syahrul Nasruddin Munawar Iskandar Mahdi Fakhrurrazi Khairul Zulkarnaini Saiful Bukhari Husaini Marzuki"),
             _words("Husen Yusuf Ibrahim Abdullah Ismail Daud Hasan Amin Hanafiah Syahputra Ridha Saputra"),
             _words("Nurul Rahmah Safrina Maulidar Yusnidar Nurjannah Fitri Rahmi Ainul Khairunnisa Nurhayati Marlina Zahara"),
             _words("Aini Fitriani Safitri Hayati Zahra Rahmawati Wardani Maulina")),
    "bugis": (_words("Baso Sudirman Syamsuddin Haeruddin Jumadi Hasanuddin Sainal Ansar Amiruddin Baharuddin Arman Kamaruddin Syahrir Rusdi Anwar Ramli Basri Muhlis Nasrun Akbar Irfan"),
              _words("Rahman Hamid Said Latif Saleh Amir Tahir Majid Mappa Laupe Tang Makkasau Patongai Paturusi Nasir Hasan Jufri Taufik"),
              _words("Nurhaeda Hasnah Sitti Mardiana Rosmini Hasmawati Irmawati Sumarni Nurlina Hijrah Kasmawati Satriani Haslinda Hasriani Rahmatia Suriani Jumriani Fatmawati"),
              _words("Rahman Sari Tenri Wahyuni Batari Nur Amaliah Ningsih Rahmawati")),
    "bali": (_words("I Wayan|I Made|I Nyoman|I Ketut|I Putu|I Kadek|I Gede|I Komang|I Gusti Ngurah|I Dewa Gede|Ida Bagus"),
             _words("Suarta Sudarma Arsana Wirawan Mahendra Adnyana Budiarta Suardana Putra Sudiarta Antara Gunawan Wijaya Darmawan Astawa Sukadana Mertha Sudana Artawan Suweca Arta Wiguna Sutrisna"),
             _words("Ni Wayan|Ni Made|Ni Nyoman|Ni Ketut|Ni Putu|Ni Kadek|Ni Komang|Ni Luh|Ida Ayu|Anak Agung Istri|Desak"),
             _words("Sri Ayu Sukarini Suartini Sudiasih Astiti Ariani Dewi Wulandari Kartini Suwitri Rusmini Sukerti Sumiasih Mertasari Yuliantari Widiastuti Darmini Sriani Puspawati")),
    "sasak": (_words("Zainuddin Sahnan Mahsun Suhaili Hirman Saparudin Mustiadi Rusdi Jumahir Harianto Sahabudin Syamsul Hairil Muliadi"),
              _words("Hamdi Wirasakti Saparwadi Hakim Jayadi Ahyar Sukri Ramli Fauzi Sahnun"),
              _words("Rukmini Sapiah Nurhasanah Rohani Sumiati Hasanah Marniati Mariani Rabiah Husnul Mardiana Sahnim"),
              _words("Wahyuni Hasanah Fitriani Sari Septiani Nurlaili")),
    "banjar": (_words("Rahmadi Syahrani Fahrurrazi Ardiansyah Rusmadi Noor Abdurrahman Khairil Saberi Mahlan Jailani Bahrani Rusdiansyah Hairul Yusran Fauzan"),
               _words("Rahman Ansyari Hamdani Noor Mahyudin Ramadhan Rizani Hairani Syahrani Saputra Effendi"),
               _words("Norhayati Rusmini Salamah Hamidah Normah Aluh Galuh Raudah Mahmudah Jamilah Arbainah Saniah Masliani"),
               _words("Hayati Aini Yanti Wati Sari Rahmah Noor Fitriah")),
    "manado": (_CHRIST_M, _words("Lumowa Wowor Rumengan Sumampouw Tumbelaka Kaunang Pangemanan Mandagi Rondonuwu Sondakh Lumingkewas Tangkilisan Warouw Kalalo Mamahit Rumondor Tambuwun Lengkong Runtuwene Pantouw"),
               _CHRIST_F, ()),
    "ntt": (_CHRIST_M, _words("Fernandez|Da Costa|Pareira|Kolo|Tefa|Bria|Nenobais|Lewar|Koten|Parera|Letor|Manehat|Seran|Nahak|Bere|Tallo|Lay|Ndun|Pello|Tulle"),
            _CHRIST_F, ()),
    "timur": (_CHRIST_M, _words("Pattinasarany Latuheru Tuhumury Sahetapy Pattiasina Wenda Kogoya Tabuni Wonda Rumbiak Mansawan Kambu Ayomi Rumkorem Wanggai Matulessy Leiwakabessy Tahapary Sapulette"),
              _CHRIST_F, ()),
    "tionghoa": (_words("Hendra Budi Johan Kevin Michael Felix Steven William Wilson Rudy Hartono Sugianto Andi Eddy Tommy Ricky Jimmy Herman Hengky Yohanes"),
                 _words("Tanoto Wijaya Santoso Halim Gunawan Salim Susanto Tjahjadi Kurniawan Lim Tan Ong Liem Kosasih Hartanto Setiadi Sutanto Widjaja Tjandra Winata"),
                 _words("Lily Melinda Susanti Yenny Lanny Meliana Vivi Fransiska Christine Jessica Natalia Linda Mega Fenny Lusiana Shinta Yuliana"),
                 ()),
}

# culture -> (weight among clients, regencies with weights, village pool, religions with weights,
#             share of Muslims given Arabic-Islamic names)
_CULTURES: dict[str, tuple[float, tuple[tuple[str, float], ...], str, tuple[tuple[str, float], ...], float]] = {
    "jawa": (70, (("3522", 40), ("3523", 12), ("3524", 10), ("3316", 6), ("3521", 4), ("3518", 3), ("3525", 3),
                  ("3517", 2), ("3578", 6), ("3573", 2), ("3374", 2), ("3471", 1.5), ("3317", 2), ("3318", 2)),
             "jawa", (("Islam", 94), ("Kristen", 3), ("Katolik", 2.5), ("Hindu", 0.2), ("Buddha", 0.2), ("Lainnya", 0.1)), 0.35),
    "madura": (6, (("3526", 3), ("3527", 3), ("3528", 2), ("3529", 2), ("3578", 2)), "jawa",
               (("Islam", 99.5), ("Kristen", 0.5)), 0.55),
    "sunda": (4, (("3273", 3), ("3204", 3), ("3201", 2), ("3212", 2), ("3603", 1)), "sunda",
              (("Islam", 98), ("Kristen", 1.5), ("Katolik", 0.5)), 0.35),
    "betawi": (1.5, (("3172", 2), ("3175", 1), ("3174", 1)), "sunda", (("Islam", 97), ("Kristen", 3)), 0.6),
    "melayu": (2, (("1471", 2), ("1671", 2), ("1871", 2), ("2171", 1)), "sumatra",
               (("Islam", 95), ("Kristen", 3), ("Buddha", 2)), 0.55),
    "batak": (2, (("1271", 3), ("1202", 1), ("1212", 1)), "sumatra",
              (("Kristen", 55), ("Islam", 35), ("Katolik", 10)), 0.6),
    "minang": (1.5, (("1371", 3), ("1375", 1)), "sumatra", (("Islam", 100),), 0.5),
    "aceh": (0.5, (("1171", 1),), "sumatra", (("Islam", 100),), 0.7),
    "bugis": (1.5, (("7371", 3), ("7308", 1), ("7313", 1), ("7471", 1)), "sulawesi",
              (("Islam", 97), ("Kristen", 3)), 0.5),
    "bali": (1, (("5171", 2), ("5103", 1), ("5108", 1)), "bali",
             (("Hindu", 92), ("Islam", 4), ("Kristen", 2), ("Katolik", 1), ("Buddha", 1)), 0.5),
    "sasak": (1, (("5271", 1), ("5203", 2)), "timur", (("Islam", 98), ("Hindu", 2)), 0.6),
    "banjar": (1, (("6371", 3), ("6472", 1), ("6271", 1), ("6171", 1)), "kalimantan",
               (("Islam", 98), ("Kristen", 2)), 0.6),
    "manado": (0.7, (("7171", 2), ("7102", 1)), "sulawesi", (("Kristen", 80), ("Katolik", 10), ("Islam", 10)), 0.7),
    "ntt": (1, (("5371", 2), ("5310", 1)), "timur", (("Katolik", 55), ("Kristen", 35), ("Islam", 10)), 0.7),
    "timur": (0.6, (("8171", 1), ("9471", 1)), "timur", (("Kristen", 70), ("Katolik", 15), ("Islam", 15)), 0.7),
    "tionghoa": (1.2, (("3578", 3), ("1271", 2), ("6171", 1), ("3172", 1), ("2171", 1)), "jawa",
                 (("Buddha", 40), ("Kristen", 30), ("Katolik", 15), ("Konghucu", 12), ("Islam", 3)), 0.3),
}
# Noble or customary first words, by culture and sex, and how often they appear.
_TITLES = {("bugis", "L"): ("Andi", 0.08), ("bugis", "P"): ("Andi", 0.08), ("aceh", "L"): ("Teuku", 0.05),
           ("aceh", "P"): ("Cut", 0.05), ("sasak", "L"): ("Lalu", 0.12), ("sasak", "P"): ("Baiq", 0.12),
           ("banjar", "L"): ("Gusti", 0.03)}
_ALIAS_M = _words(
    "Gendut Kancil Bewok Item Cepot Ucok Bejo Kribo Gondrong Cungkring Botak Codet Jabrik Tato Sipit Kempot "
    "Bolot Keling Pendek Jangkung Gimbal Kumis Pitung Bagong Petruk Gareng Bogel Kerbo Celeng Tompel Jenggot "
    "Dower Cebol Londo Brewok Kuntet")
_ALIAS_F = _words("Ndut Cici Neng Ipeh Inem Ijah Mamik Nonik Menik Yayuk Endut Ocha Mimin Nunik")

# nationality -> (male names, female names, birth places, passport prefix and digits, religion,
#                 offence categories)
_FOREIGN: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, int], str, tuple[str, ...]]] = {
    "Malaysia": (_words("Mohd Faizal bin Abdullah|Ahmad Zaki bin Ismail|Muhammad Hafiz bin Osman|Azman bin Yusof|Khairul Anuar bin Hamid|Lim Chee Keong"),
                 _words("Nur Aisyah binti Ahmad|Siti Hajar binti Rahman|Tan Mei Ling"),
                 _words("Kuala Lumpur|Johor Bahru|Pulau Pinang|Kota Kinabalu"), ("A", 8), "Islam",
                 ("Narkotika (pengedar/bandar)", "Narkotika (pengguna)", "Perdagangan Orang")),
    "Nigeria": (_words("Chukwuemeka Okafor|Emeka Obi|Ikenna Nwosu|Oluwaseun Adeyemi|Chinedu Eze|Uchenna Okonkwo"),
                _words("Ngozi Okeke|Chioma Nwankwo"), _words("Lagos Enugu Abuja Onitsha"), ("A", 8), "Kristen",
                ("Narkotika (pengedar/bandar)", "Penipuan")),
    "Tiongkok": (_words("Wang Wei|Li Jun|Zhang Hao|Liu Yang|Chen Jie|Zhao Lei"), _words("Li Na|Wang Fang|Zhang Min"),
                 _words("Guangzhou Fuzhou Shenzhen Xiamen"), ("E", 8), "Lainnya",
                 ("Narkotika (pengedar/bandar)", "Penipuan", "ITE")),
    "Iran": (_words("Reza Mohammadi|Ali Hosseini|Hamid Rezaei|Mehdi Karimi|Saeed Ahmadi"),
             _words("Maryam Rahimi|Zahra Moradi"), _words("Tehran Shiraz Mashhad"), ("K", 8), "Islam",
             ("Narkotika (pengedar/bandar)",)),
    "Thailand": (_words("Somchai Saelim|Anan Srisuk|Prasert Chaiyaporn"), _words("Siriporn Kaewmanee",),
                 _words("Bangkok|Hat Yai|Songkhla"), ("AA", 7), "Buddha", ("Perikanan", "Narkotika (pengedar/bandar)")),
    "Filipina": (_words("Jose Santos|Mark Dela Cruz|Ramon Reyes|Joel Bautista"), _words("Maria Lopez|Ana Garcia"),
                 _words("Manila Davao Zamboanga"), ("P", 7), "Katolik", ("Perikanan", "Narkotika (pengedar/bandar)")),
    "Timor-Leste": (_words("Joao da Silva|Mateus Soares|Domingos Pereira|Agostinho Ximenes"),
                    _words("Maria dos Santos|Rosa Guterres"), _words("Dili Baucau Maliana"), ("P", 7), "Katolik",
                    ("Lain-lain", "Pencurian")),
    "Vietnam": (_words("Nguyen Van Hung|Tran Van Nam|Le Van Duc|Pham Minh Tuan"), _words("Nguyen Thi Lan|Tran Thi Hoa"),
                _words("Ho Chi Minh|Ca Mau|Vung Tau"), ("C", 7), "Buddha", ("Perikanan",)),
    "India": (_words("Rajesh Kumar|Suresh Singh|Amit Sharma|Vikram Patel"), _words("Priya Sharma",),
              _words("Chennai Mumbai Kolkata"), ("N", 7), "Hindu", ("Narkotika (pengedar/bandar)", "Penipuan")),
}
_FOREIGN_PICK = _Pick([("Malaysia", 4), ("Nigeria", 3), ("Tiongkok", 2), ("Iran", 1), ("Thailand", 1),
                       ("Filipina", 1), ("Timor-Leste", 1.5), ("Vietnam", 1.5), ("India", 1)])

# name, weight adult, weight child, sentence in months (min, max, most common), verdict type,
# articles (KUHP of 1946 / special law), articles under UU 1/2023 (offences from 2 January
# 2026), statute, fine (probability, amounts, subsider months, probability paid), life, death
_Category = tuple[str, float, float, int, int, int, str, tuple[str, ...], tuple[str, ...] | None, str,
                  tuple[float, tuple[int, ...], tuple[int, ...], float] | None, float, float]
_CATEGORIES: tuple[_Category, ...] = (
    ("Narkotika (pengguna)", 20, 4, 8, 48, 18, "Sus",
     ("Pasal 127 ayat (1) huruf a UU 35/2009", "Pasal 112 ayat (1) UU 35/2009",
      "Pasal 112 ayat (1) jo. Pasal 132 ayat (1) UU 35/2009"), None, "UU 35/2009 tentang Narkotika",
     (0.5, (800_000_000, 1_000_000_000), (3, 6), 0.05), 0, 0),
    ("Narkotika (pengedar/bandar)", 17, 1, 48, 180, 72, "Sus",
     ("Pasal 114 ayat (1) UU 35/2009", "Pasal 114 ayat (2) UU 35/2009", "Pasal 112 ayat (2) UU 35/2009",
      "Pasal 114 ayat (1) jo. Pasal 132 ayat (1) UU 35/2009"), None, "UU 35/2009 tentang Narkotika",
     (1.0, (1_000_000_000, 1_500_000_000, 2_000_000_000, 800_000_000), (3, 6), 0.03), 0.012, 0.004),
    ("Korupsi", 2.5, 0, 12, 96, 36, "TPK",
     ("Pasal 2 ayat (1) UU 31/1999 jo. UU 20/2001", "Pasal 3 UU 31/1999 jo. UU 20/2001",
      "Pasal 12 huruf e UU 31/1999 jo. UU 20/2001", "Pasal 11 UU 31/1999 jo. UU 20/2001"), None,
     "UU 31/1999 jo. UU 20/2001 tentang Pemberantasan Tindak Pidana Korupsi",
     (1.0, (50_000_000, 100_000_000, 200_000_000, 300_000_000, 500_000_000), (1, 2, 3, 6), 0.5), 0, 0),
    ("Terorisme", 0.3, 0, 36, 120, 48, "Sus", ("Pasal 15 jo. Pasal 7 UU 5/2018", "Pasal 13 huruf c UU 5/2018"),
     None, "UU 5/2018 tentang Pemberantasan Tindak Pidana Terorisme", None, 0.02, 0),
    ("Pencucian Uang", 0.4, 0, 24, 120, 48, "Sus", ("Pasal 3 UU 8/2010", "Pasal 4 UU 8/2010"), None,
     "UU 8/2010 tentang Pencegahan dan Pemberantasan Tindak Pidana Pencucian Uang",
     (1.0, (500_000_000, 1_000_000_000), (3, 6), 0.2), 0, 0),
    ("Perdagangan Orang", 0.6, 0.1, 36, 96, 48, "Sus", ("Pasal 2 ayat (1) UU 21/2007", "Pasal 4 UU 21/2007"),
     None, "UU 21/2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang",
     (1.0, (120_000_000, 200_000_000), (3, 6), 0.1), 0, 0),
    ("Pencurian", 17, 30, 4, 42, 14, "B",
     ("Pasal 362 KUHP", "Pasal 363 ayat (1) ke-3 KUHP", "Pasal 363 ayat (1) ke-4 dan ke-5 KUHP",
      "Pasal 363 ayat (1) ke-4 KUHP"), ("Pasal 476 UU 1/2023", "Pasal 477 ayat (1) huruf g UU 1/2023"),
     "KUHP", None, 0, 0),
    ("Perampokan", 2, 4, 18, 108, 42, "B", ("Pasal 365 ayat (1) KUHP", "Pasal 365 ayat (2) ke-1 dan ke-2 KUHP"),
     ("Pasal 479 ayat (1) UU 1/2023",), "KUHP", None, 0, 0),
    ("Penipuan", 4, 1, 6, 42, 18, "B", ("Pasal 378 KUHP", "Pasal 378 jo. Pasal 64 ayat (1) KUHP"),
     ("Pasal 492 UU 1/2023",), "KUHP", None, 0, 0),
    ("Penggelapan", 4, 0.5, 6, 42, 16, "B", ("Pasal 372 KUHP", "Pasal 374 KUHP"),
     ("Pasal 486 UU 1/2023", "Pasal 488 UU 1/2023"), "KUHP", None, 0, 0),
    ("Penadahan", 2, 2, 2, 30, 10, "B", ("Pasal 480 ke-1 KUHP",), ("Pasal 591 UU 1/2023",), "KUHP", None, 0, 0),
    ("Pemerasan", 1, 1, 12, 54, 24, "B", ("Pasal 368 ayat (1) KUHP",), ("Pasal 482 UU 1/2023",), "KUHP", None, 0, 0),
    ("Pembunuhan", 1.5, 1.5, 60, 240, 144, "B",
     ("Pasal 338 KUHP", "Pasal 340 KUHP", "Pasal 338 jo. Pasal 55 ayat (1) ke-1 KUHP"),
     ("Pasal 458 ayat (1) UU 1/2023",), "KUHP", None, 0.03, 0.01),
    ("Penganiayaan", 5, 16, 2, 42, 12, "B",
     ("Pasal 351 ayat (1) KUHP", "Pasal 351 ayat (2) KUHP", "Pasal 170 ayat (1) KUHP",
      "Pasal 170 ayat (2) ke-1 KUHP"), ("Pasal 466 ayat (1) UU 1/2023", "Pasal 262 ayat (1) UU 1/2023"),
     "KUHP", None, 0, 0),
    ("KDRT", 1.5, 0, 4, 30, 10, "Sus", ("Pasal 44 ayat (1) UU 23/2004", "Pasal 44 ayat (4) UU 23/2004"), None,
     "UU 23/2004 tentang Penghapusan Kekerasan dalam Rumah Tangga", None, 0, 0),
    ("Perlindungan Anak", 5, 10, 60, 180, 96, "Sus",
     ("Pasal 81 ayat (1) UU 35/2014 jo. UU 17/2016", "Pasal 82 ayat (1) UU 35/2014 jo. UU 17/2016",
      "Pasal 80 ayat (1) UU 35/2014", "Pasal 81 ayat (2) UU 35/2014 jo. UU 17/2016"), None,
     "UU 35/2014 tentang Perlindungan Anak",
     (1.0, (60_000_000, 100_000_000, 500_000_000, 1_000_000_000), (3, 6), 0.1), 0, 0),
    ("Kesusilaan", 1.5, 1, 12, 84, 36, "B", ("Pasal 289 KUHP", "Pasal 285 KUHP", "Pasal 281 ke-1 KUHP"),
     ("Pasal 473 ayat (1) UU 1/2023", "Pasal 414 ayat (1) UU 1/2023"), "KUHP", None, 0, 0),
    ("Perjudian", 3, 1, 2, 24, 8, "B",
     ("Pasal 303 ayat (1) ke-1 KUHP", "Pasal 303 bis ayat (1) ke-1 KUHP",
      "Pasal 27 ayat (2) jo. Pasal 45 ayat (2) UU 19/2016"), ("Pasal 426 ayat (1) UU 1/2023",), "KUHP",
     None, 0, 0),
    ("Lalu Lintas", 2, 5, 4, 36, 12, "Sus",
     ("Pasal 310 ayat (4) UU 22/2009", "Pasal 310 ayat (3) UU 22/2009", "Pasal 311 ayat (5) UU 22/2009"), None,
     "UU 22/2009 tentang Lalu Lintas dan Angkutan Jalan", (0.6, (2_000_000, 5_000_000, 10_000_000), (1, 2), 0.7),
     0, 0),
    ("Senjata Api/Tajam", 1.5, 6, 2, 30, 10, "Sus",
     ("Pasal 2 ayat (1) UU Darurat 12/1951", "Pasal 1 ayat (1) UU Darurat 12/1951"), None, "UU Darurat 12/1951",
     None, 0, 0),
    ("Pemalsuan", 1, 0.2, 6, 48, 18, "B", ("Pasal 263 ayat (1) KUHP", "Pasal 263 ayat (2) KUHP", "Pasal 264 ayat (1) KUHP"),
     ("Pasal 391 ayat (1) UU 1/2023",), "KUHP", None, 0, 0),
    ("Penculikan", 0.2, 0.2, 24, 96, 48, "B", ("Pasal 328 KUHP", "Pasal 330 ayat (1) KUHP"), ("Pasal 450 UU 1/2023",),
     "KUHP", None, 0, 0),
    ("Kehutanan", 0.4, 0.1, 12, 48, 18, "Sus",
     ("Pasal 82 ayat (1) huruf b UU 18/2013", "Pasal 83 ayat (1) huruf b UU 18/2013",
      "Pasal 12 huruf e jo. Pasal 83 ayat (1) huruf a UU 18/2013"), None,
     "UU 18/2013 tentang Pencegahan dan Pemberantasan Perusakan Hutan", (1.0, (500_000_000,), (1, 3), 0.1), 0, 0),
    ("Perikanan", 0.3, 0.1, 6, 36, 12, "Sus",
     ("Pasal 84 ayat (1) UU 31/2004 jo. UU 45/2009", "Pasal 85 jo. Pasal 9 UU 45/2009",
      "Pasal 92 jo. Pasal 26 ayat (1) UU 45/2009"), None, "UU 31/2004 jo. UU 45/2009 tentang Perikanan",
     (1.0, (100_000_000, 250_000_000, 1_000_000_000), (3, 6), 0.1), 0, 0),
    ("ITE", 1, 0.8, 4, 30, 10, "Sus",
     ("Pasal 27 ayat (3) jo. Pasal 45 ayat (3) UU 19/2016", "Pasal 28 ayat (2) jo. Pasal 45A ayat (2) UU 19/2016",
      "Pasal 27 ayat (1) jo. Pasal 45 ayat (1) UU 19/2016"), None, "UU 11/2008 jo. UU 19/2016 tentang ITE",
     (0.7, (5_000_000, 10_000_000, 50_000_000), (1, 2), 0.5), 0, 0),
    ("Lain-lain", 1.5, 2, 1, 24, 6, "B",
     ("Pasal 406 ayat (1) KUHP", "Pasal 167 ayat (1) KUHP", "Pasal 335 ayat (1) ke-1 KUHP", "Pasal 160 KUHP"),
     ("Pasal 521 ayat (1) UU 1/2023",), "KUHP", None, 0, 0),
)
_CATEGORY_BY_NAME = {c[0]: c for c in _CATEGORIES}
assert tuple(sorted(_CATEGORY_BY_NAME)) == tuple(sorted(OFFENCE_CATEGORIES)), "demo offences follow the schema"
# Offences a court may answer with a non-custodial sentence (pidana bersyarat, pengawasan,
# kerja sosial) or that a child's case may end in by diversion or tindakan.
_LIGHT = ("Pencurian", "Penganiayaan", "Penipuan", "Penggelapan", "KDRT", "Lalu Lintas", "ITE", "Perjudian",
          "Penadahan", "Lain-lain")
_CHILD_LIGHT = ("Pencurian", "Penganiayaan", "Lalu Lintas", "Lain-lain", "Penadahan", "Senjata Api/Tajam")

# courts: name, abbreviation in verdict numbers, weight
_COURTS = _Pick([(("Bojonegoro", "Bjn"), 45), (("Tuban", "Tbn"), 12), (("Lamongan", "Lmg"), 10),
                 (("Blora", "Bla"), 5), (("Ngawi", "Ngw"), 4), (("Surabaya", "Sby"), 10), (("Gresik", "Gsk"), 4),
                 (("Nganjuk", "Njk"), 3), (("Jombang", "Jbg"), 3), (("Sidoarjo", "Sda"), 4)])
_OTHER_UNITS = _words("Bapas Kelas I Surabaya|Bapas Kelas II Madiun|Bapas Kelas I Semarang|Bapas Kelas II Pati|"
                      "Bapas Kelas I Malang|Bapas Kelas II Kediri|Bapas Kelas I Jakarta Timur-Utara|Bapas Kelas II Jember")
_RELEASING = _words("Lapas Kelas IIA Bojonegoro|Lapas Kelas IIB Tuban|Lapas Kelas IIB Lamongan|"
                    "Lapas Kelas I Surabaya|Rutan Kelas IIB Bojonegoro|Lapas Kelas IIA Madiun|LPKA Kelas I Blitar")

_STATUS_REASONS = {
    "selesai": ("Masa bimbingan telah berakhir", "Telah selesai menjalani masa pembimbingan",
                "Masa percobaan berakhir tanpa pelanggaran"),
    "dicabut": ("Tidak melapor tiga kali berturut-turut tanpa alasan yang sah",
                "Melanggar syarat khusus: tidak mengikuti program bimbingan",
                "Melanggar syarat umum program reintegrasi", "Menimbulkan keresahan masyarakat (laporan kepala desa)"),
    "pindah": ("Pindah domisili; berkas diserahkan ke {unit}", "Mengikuti keluarga pindah; pembimbingan dilanjutkan {unit}"),
    "melarikan_diri": ("Tidak diketahui keberadaannya setelah tiga kali kunjungan rumah",
                       "Meninggalkan alamat penjamin tanpa izin",
                       "Tidak dapat dihubungi; keluarga tidak mengetahui keberadaannya"),
    "mengulangi_tindak_pidana": ("Ditangkap kembali dalam perkara pencurian (Pasal 362 KUHP)",
                                 "Melakukan tindak pidana narkotika baru; ditahan Polres",
                                 "Ditahan penyidik atas perkara penganiayaan baru"),
    "meninggal": ("Meninggal dunia karena sakit (surat keterangan kematian dari desa)",
                  "Meninggal dunia karena kecelakaan lalu lintas", "Meninggal dunia (akta kematian Dinas Dukcapil)"),
}
_ENDED = _Pick([("selesai", 86), ("dicabut", 4), ("mengulangi_tindak_pidana", 3), ("melarikan_diri", 3),
                ("pindah", 3), ("meninggal", 1)])
_ONGOING = _Pick([("aktif", 88), ("dicabut", 3), ("pindah", 3), ("melarikan_diri", 3),
                  ("mengulangi_tindak_pidana", 2), ("meninggal", 1)])
_REPORT_NOTES = _words(
    "Hadir tepat waktu; kondisi baik|Bekerja sebagai buruh tani|Diingatkan agar tertib wajib lapor|"
    "Lapor melalui panggilan video (jarak jauh)|Didampingi penjamin|Mengikuti bimbingan kepribadian|"
    "Mengikuti kegiatan kerja sosial di balai desa|Sudah bekerja kembali|Mengeluh sakit; dirujuk ke puskesmas")

# Keppres 174/1999 art. 4-5: (remisi umum, remisi khusus) in (months, days) by year of serving.
_REMISSION_AMOUNTS = (((1, 0), (0, 15)), ((2, 0), (1, 0)), ((3, 0), (1, 0)), ((4, 0), (1, 15)),
                      ((4, 0), (1, 15)), ((5, 0), (2, 0)))

# Religious holidays on which remisi khusus is granted (dates as announced in Indonesia);
# outside these years an approximation keeps the demo going.
_IDUL_FITRI = {2001: (12, 16), 2002: (12, 6), 2003: (11, 25), 2004: (11, 14), 2005: (11, 3), 2006: (10, 24),
               2007: (10, 13), 2008: (10, 1), 2009: (9, 20), 2010: (9, 10), 2011: (8, 31), 2012: (8, 19),
               2013: (8, 8), 2014: (7, 28), 2015: (7, 17), 2016: (7, 6), 2017: (6, 25), 2018: (6, 15),
               2019: (6, 5), 2020: (5, 24), 2021: (5, 13), 2022: (5, 2), 2023: (4, 22), 2024: (4, 10),
               2025: (3, 31), 2026: (3, 20), 2027: (3, 10), 2028: (2, 27), 2029: (2, 15), 2030: (2, 5)}
_NYEPI = {2010: (3, 16), 2011: (3, 5), 2012: (3, 23), 2013: (3, 12), 2014: (3, 31), 2015: (3, 21), 2016: (3, 9),
          2017: (3, 28), 2018: (3, 17), 2019: (3, 7), 2020: (3, 25), 2021: (3, 14), 2022: (3, 3), 2023: (3, 22),
          2024: (3, 11), 2025: (3, 29), 2026: (3, 19)}
_WAISAK = {2010: (5, 28), 2011: (5, 17), 2012: (5, 6), 2013: (5, 25), 2014: (5, 15), 2015: (6, 2), 2016: (5, 22),
           2017: (5, 11), 2018: (5, 29), 2019: (5, 19), 2020: (5, 7), 2021: (5, 26), 2022: (5, 16), 2023: (6, 4),
           2024: (5, 23), 2025: (5, 12), 2026: (5, 31)}
_IMLEK = {2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10), 2014: (1, 31), 2015: (2, 19), 2016: (2, 8),
          2017: (1, 28), 2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22),
          2024: (2, 10), 2025: (1, 29), 2026: (2, 17)}


def _holiday(religion: str, year: int) -> date | None:
    """The day remisi khusus is granted to a person of this religion in this year."""
    if religion == "Islam":
        if year in _IDUL_FITRI:
            return date(year, *_IDUL_FITRI[year])
        # The Hijri year is about 354.37 days: step from a known date to this year.
        anchor = date(2024, 4, 10)
        for k in range(year - 2024 - 2, year - 2024 + 3):
            d = anchor + timedelta(days=round(k * 354.367))
            if d.year == year:
                return d
        return None
    if religion in ("Kristen", "Katolik"):
        return date(year, 12, 25)
    table, fallback = {"Hindu": (_NYEPI, (3, 10)), "Buddha": (_WAISAK, (5, 10)),
                       "Konghucu": (_IMLEK, (1, 22))}.get(religion, (None, None))
    if table is None or fallback is None:
        return None
    if year in table:
        return date(year, *table[year])
    return date(year, fallback[0], fallback[1]) + timedelta(days=year % 19)




_GRANT_DAYS: dict[str, tuple[list[int], list[tuple[date, str]]]] = {}


def _grant_days(religion: str) -> tuple[list[int], list[tuple[date, str]]]:
    """Every day remission is granted to a person of this religion, in order (cached):
    17 August (umum) and the religious holiday (khusus) of each year."""
    found = _GRANT_DAYS.get(religion)
    if found is None:
        days = []
        for year in range(EARLIEST_TODAY.year - 40, LATEST_TODAY.year + 1):
            holiday = _holiday(religion, year)
            if holiday is not None:
                days.append((holiday, "khusus"))
            days.append((date(year, 8, 17), "umum"))
        days.sort()
        found = _GRANT_DAYS[religion] = ([d.toordinal() for d, _ in days], days)
    return found


# ---------------------------------------------------------------------------------------
# Random helpers shared by the officers and the clients
# ---------------------------------------------------------------------------------------

_TIMES = tuple(f"T{h:02d}:{m:02d}:00" for h in range(8, 16) for m in (0, 7, 15, 22, 30, 38, 45, 52))
_CULTURE_PICK = _Pick([(k, v[0]) for k, v in _CULTURES.items()])
_REGENCY_PICKS = {k: _Pick(v[1]) for k, v in _CULTURES.items()}
_RELIGION_PICKS = {k: _Pick(v[3]) for k, v in _CULTURES.items()}
_CAT_ADULT = _Pick([(c, c[1]) for c in _CATEGORIES])
_CAT_CHILD = _Pick([(c, c[2]) for c in _CATEGORIES if c[2] > 0])
_AUTHORITY_PICK = _Pick([("penyidik", 22), ("penuntut_umum", 24), ("pengadilan_negeri", 38),
                         ("pengadilan_tinggi", 11), ("mahkamah_agung", 5)])
_RELEASED_ADULT = _Pick([("PB", 60), ("CB", 20), ("CMB", 20)])
_RELEASED_CHILD = _Pick([("PB", 75), ("CB", 25)])
_OLDER_PICK = _Pick([("PB", 60), ("CB", 15), ("CMB", 10), ("ASIM", 15)])
_OFFICER_CULTURES = _Pick([("jawa", 80), ("madura", 5), ("sunda", 5), ("batak", 3), ("minang", 3), ("bugis", 2),
                           ("bali", 2)])
_DEGREES = _Pick([(", S.H.", 35), (", S.Sos.", 20), (", S.Psi.", 10), (", S.H., M.H.", 8), (", A.Md.P.", 7),
                  (", S.Kom.", 3), (", S.Pd.", 5), (", S.Sos., M.Si.", 2), ("", 10)])
_PHONE_PREFIXES = _words("811 812 813 821 822 823 852 853 851 814 815 816 855 856 857 858 817 818 819 859 "
                         "877 878 831 838 895 896 897 898 899 881 882 887")
_COURT_ORDERED = ("PPW", "PKS", "PBS", "DIV", "PPK", "TIN")
_CUSTODIAL = ("PB", "CB", "CMB", "ASIM")


_SORT_WORDS: dict[str, str] = {}
_FOLD_WORDS: dict[str, str] = {}


def _word_key(word: str, key: Callable[[str], str], cache: dict[str, str]) -> str:
    found = cache.get(word)
    if found is None:
        found = cache[word] = key(word)
    return found


class _Random:
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
        return d.isoformat() + _TIMES[int(self.r() * len(_TIMES))]

    def phone(self) -> str:
        digits = 6 + int(self.r() * 4)
        low = 10 ** (digits - 1)
        return "0" + _PHONE_PREFIXES[int(self.r() * len(_PHONE_PREFIXES))] + str(low + int(self.r() * 9 * low))

    def given_name(self, culture: str, sex: str, religion: str, birth_year: int, *, formal: bool = True) -> str:
        r = self.r
        m1, m2, f1, f2 = _CULTURE_NAMES[culture]
        male = sex == "L"
        if culture == "bali" and religion == "Hindu":
            rest = self.pick(m2 if male else f2)
            if r() < 0.3:
                rest += " " + self.pick(m2 if male else f2)
            return f"{self.pick(m1 if male else f1)} {rest}"
        if culture in ("manado", "ntt", "timur") and religion != "Islam":
            first = self.pick(m1 if male else f1)
            if r() < 0.25:
                first += " " + self.pick(_CHRIST_M if male else _CHRIST_F)
            return f"{first} {self.pick(m2)}"
        if culture == "batak":
            muslim = religion == "Islam"
            first = self.pick(_ARAB_M1 if male else _ARAB_F1) if muslim and r() < 0.6 else self.pick(m1 if male else f1)
            return f"{first} {self.pick(f2 if muslim else m2)}"  # the Muslim clans sit in the fourth pool
        if culture == "tionghoa":
            if religion in ("Kristen", "Katolik") and r() < 0.4:
                first = self.pick(_CHRIST_M if male else _CHRIST_F)
            else:
                first = self.pick(m1 if male else f1)
            return f"{first} {self.pick(m2)}"
        arab = religion == "Islam" and r() < _CULTURES[culture][4]
        if arab:
            p1, p2 = (_ARAB_M1, _ARAB_M2) if male else (_ARAB_F1, _ARAB_F2)
        elif religion in ("Kristen", "Katolik") and r() < 0.6:
            p1, p2 = (_CHRIST_M, m2 or _JAWA_M2) if male else (_CHRIST_F, f2 or _JAWA_F2)
        else:
            # Cultures whose pools hold family names only fall back on common given names.
            p1, p2 = (m1, m2 or _ARAB_M2) if male else (f1, f2 or _ARAB_F2)
        first = self.pick(p1)
        u = r()
        single = 0.45 if (culture == "jawa" and birth_year < 1970 and not arab) else 0.2
        parts = [first]
        if first in ("Abdul", "Abd."):
            parts.append(self.pick(_ABDUL))
        elif u >= single or first in ("Siti", "Nur", "Sri", "Moh.", "Moch.", "Muhammad", "Ahmad", "Mochamad"):
            second = self.pick(p2 if r() < 0.75 else (m2 if male else f2) or p2)
            if second != first:
                parts.append(second)
            if u > 0.82:
                third = self.pick(p2)
                if third not in parts:
                    parts.append(third)
        title = _TITLES.get((culture, sex))
        if formal and title and r() < title[1]:
            parts.insert(0, title[0])
        return " ".join(parts)


def _make_officers(seed: int, clients: int, today: date) -> tuple[list[tuple[Any, ...]], list[int], list[int]]:
    """About one PK per 120 clients (at least 5, at most 80: a large Bapas), valid NIPs (a few NI PPPK), ranks by years
    of service, a couple deactivated.  Returns (rows, active ids, all ids)."""
    rnd = _Random(f"rekam-upt-demo:{seed}:petugas", today, "bapas")
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
        religion = _RELIGION_PICKS[culture](r())
        # validate_nip accepts birth years 1940-2015.
        age = rnd.between(max(24, today.year - 2015), max(30, min(57, today.year - 1945)))
        birth = date(today.year - age, rnd.between(1, 12), rnd.between(1, 28))
        degree = _DEGREES(r())
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


def _head_of_office(today: date) -> tuple[str, str]:
    birth = date(min(today.year - 50, 1990), 4, 17)
    return "Dr. Bambang Sutrisno, S.H., M.H.", f"{birth:%Y%m%d}{birth.year + 24}031001"


# ---------------------------------------------------------------------------------------
# One case being planned
# ---------------------------------------------------------------------------------------

class _Plan:
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
        self.category: _Category = _CATEGORIES[0]
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
class _ChunkSpec:
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
class _ChunkRows:
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


def _exit_with_parent() -> None:
    """In a worker process: exit as soon as the process that started it is gone.

    Killed, the main process cannot tell its workers to stop, and a worker could
    wait forever to hand over its chunk.  The parent's sentinel becomes ready when
    the parent ends, on every platform.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="rekam-upt-demo-parent", daemon=True).start()


def _make_packed_chunk(spec: _ChunkSpec) -> bytes:
    """A chunk made in a worker process, sent back as one marshal blob: the rows are
    plain tuples, lists, texts and numbers, which marshal packs faster than pickle."""
    rows = _make_chunk(spec)
    return marshal.dumps(tuple(getattr(rows, f.name) for f in fields(_ChunkRows)))


def _make_chunk(spec: _ChunkSpec) -> _ChunkRows:
    """Invent the clients of one chunk, compute their dates, give them programs."""
    # A chunk makes some 300,000 short-lived objects without cycles; reference counting
    # frees them, and pausing the cycle collector meanwhile saves a tenth of the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        gen = _Generator(spec)
        gen.make_clients()
        gen.compute_dates()
        gen.make_programs()
        gen.number_registers()
        return gen.rows()
    finally:
        if collecting:
            gc.enable()


class _Generator(_Random):
    """Invents the records of one chunk; only its random stream decides."""

    def __init__(self, spec: _ChunkSpec):
        super().__init__(f"rekam-upt-demo:{spec.seed}:{spec.index}", spec.today, spec.unit_kind)
        self.spec = spec
        self.kind_ids = dict(spec.kind_ids)
        self.category_ids = dict(spec.category_ids)
        self.active_officers = spec.active_officers
        self.all_officers = spec.all_officers
        self.persons: list[list[Any]] = []
        self.plans: list[_Plan] = []
        self.programs: list[list[Any]] = []
        self.nik_serials: dict[str, int] = {}
        self.name_keys: dict[str, tuple[str, str]] = {}
        self.new_names = 0
        self.compose_names = True
        self.nationality: str | None = None  # the client being made is a foreigner
        today = spec.today
        new_kuhp_ready = today >= NEW_KUHP + timedelta(days=40)
        adult = [("PB", 50), ("CB", 8), ("CMB", 7), ("ASIM", 11), ("PBS", 10)]
        child = [("DIV", 28), ("PB", 22), ("PPK", 9), ("TIN", 10), ("PBS", 12), ("ASIM", 8), ("CB", 6)]
        if new_kuhp_ready:
            adult += [("PPW", 8), ("PKS", 6)]
            child += [("PPW", 3), ("PKS", 2)]
        self.kind_adult = _Pick(adult)
        self.kind_child = _Pick(child)
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
        religion = _RELIGION_PICKS[culture](r())
        name = self.person_name(culture, sex, religion, birth.year)
        regency = _REGENCY_PICKS[culture](r())
        regency_name, city, districts = _REGENCIES[regency]
        district = 1 + int(r() * len(districts))
        prefix = f"{regency}{district:02d}{birth.day + (40 if sex == 'P' else 0):02d}{birth.month:02d}{birth.year % 100:02d}"
        serial = self.nik_serials.get(prefix)
        serial = (1 + int(r() * 8)) if serial is None else serial + 1
        self.nik_serials[prefix] = serial
        birth_place = regency_name if r() < 0.85 else _REGENCIES[_REGENCY_PICKS[culture](r())][0]
        kecamatan = districts[district - 1]
        village = self.pick(_VILLAGES[_CULTURES[culture][2]])
        rt, rw = self.between(1, 12), self.between(1, 6)
        if city:
            address = (f"Jl. {self.pick(_STREETS)} No. {self.between(1, 180)}, RT {rt:03d}/RW {rw:03d}, "
                       f"Kel. {village}, Kec. {kecamatan}, Kota {regency_name}")
        elif r() < 0.7:
            address = (f"Dusun {self.pick(_DUSUN)} RT {rt:03d}/RW {rw:03d}, Desa {village}, "
                       f"Kec. {kecamatan}, Kab. {regency_name}")
        else:
            address = (f"Jl. {self.pick(_STREETS)} No. {self.between(1, 90)}, RT {rt:03d}/RW {rw:03d}, "
                       f"Desa {village}, Kec. {kecamatan}, Kab. {regency_name}")
        age = offence.year - birth.year
        alias = self.pick(_ALIAS_M if sex == "L" else _ALIAS_F) if r() < 0.07 else ""
        self.append_person(number, name, alias, f"{prefix}{serial:04d}", None, "Indonesia", sex, birth_place, birth,
                           religion, self.education(child, age), self.occupation(child, sex, age), address,
                           self.phone() if r() < 0.88 else "", *self.relative(culture, religion, birth, child, sex))
        return birth, religion, culture

    def make_foreigner(self, number: int, sex: str, birth: date, nationality: str) -> str:
        males, females, places, (letters, digits), religion, _ = _FOREIGN[nationality]
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
            return "Pelajar" if u < 0.6 else "Tidak bekerja" if u < 0.85 else "Buruh harian lepas" if u < 0.95 else "Petani"
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

    # -- offences, courts, sentences ---------------------------------------------------------
    def category_for(self, child: bool, kind: str | None, low: int = 0, high: int = 10_000) -> _Category:
        """An offence whose usual sentence fits [low, high] months (children: half)."""
        if kind in ("PBS", "PPW", "PKS"):
            return _CATEGORY_BY_NAME[self.pick(_LIGHT if not child else _CHILD_LIGHT)]
        if kind in ("DIV", "TIN"):
            return _CATEGORY_BY_NAME[self.pick(_CHILD_LIGHT)]
        pick = _CAT_CHILD if child else _CAT_ADULT
        if self.nationality is not None:
            pick = _Pick([(_CATEGORY_BY_NAME[name], 1) for name in _FOREIGN[self.nationality][5]])
        for _ in range(20):
            cat = pick(self.r())
            lo, hi = (cat[3] // 2, cat[4] // 2) if child else (cat[3], cat[4])
            if lo <= high and hi >= low:
                return cat
        return _CATEGORY_BY_NAME["Pencurian"]

    def sentence_for(self, cat: _Category, child: bool, low: int = 1, high: int = 10_000) -> Duration:
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

    def verdict(self, plan: _Plan, on: date, child: bool, *, court_kind: str | None = None) -> None:
        """Court, date and verdict number in the courts' formats; "#" is numbered at the end."""
        cat = plan.category
        code = "Pid.Sus-Anak" if child else {"B": "Pid.B", "Sus": "Pid.Sus", "TPK": "Pid.Sus-TPK"}[cat[6]]
        court, abbr = ("Surabaya", "Sby") if cat[6] == "TPK" else _COURTS(self.r())
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

    def offence_text(self, plan: _Plan, child: bool) -> None:
        cat = plan.category
        if cat[8] is not None and plan.offence >= NEW_KUHP:
            plan.articles, plan.statute = self.pick(cat[8]), "UU 1/2023 tentang KUHP"
        else:
            plan.articles, plan.statute = self.pick(cat[7]), cat[9]
        if child:
            plan.statute += "; UU 11/2012 tentang Sistem Peradilan Pidana Anak"

    def fine_for(self, plan: _Plan, child: bool) -> None:
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
    def remissions_for(self, plan: _Plan, religion: str, target_days: int, until: date) -> None:
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
        ordinals, days = _grant_days(religion)
        for i in range(bisect.bisect_left(ordinals, first), len(ordinals)):
            day = ordinals[i]
            if day > last or day >= base - total:
                return
            granted, kind = days[i]
            months, extra = _REMISSION_AMOUNTS[min(5, (day - start_ord) // 365)][0 if kind == "umum" else 1]
            sk = f"PAS-{(day * 37) % 9000 + 1000}.PK.01.05.0{2 if kind == 'umum' else 3} Tahun {granted.year}"
            ledger.append((granted, "pmp" if child else kind, months, extra, sk))
            total += months * 30 + extra

    # -- placing a case in time ---------------------------------------------------------------
    def custodial(self, plan: _Plan, child: bool, kind: str, as_of: date, ongoing_share: float) -> None:
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

    def serving(self, plan: _Plan, child: bool, as_of: date, register: str | None = None) -> None:
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

    def fine_only(self, plan: _Plan, as_of: date) -> None:
        """B.III: imprisonment in lieu of an unpaid fine (kurungan pengganti denda)."""
        plan.category = _CATEGORY_BY_NAME[self.pick(("Perikanan", "Kehutanan", "ITE", "Lalu Lintas",
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

    def detainee(self, plan: _Plan, child: bool, as_of: date, authority: str | None = None) -> None:
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
            plan.court = "PN " + _COURTS(self.r())[0]
        plan.as_of = as_of

    def court_ordered(self, plan: _Plan, child: bool, kind: str, as_of: date) -> None:
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
            plan = _Plan(number + 1)
            # Foreigners are rare; they have a passport instead of a NIK.
            self.nationality = _FOREIGN_PICK(r()) if r() < 0.003 and number >= 12 else None
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
                    detained, released = {"lapas": (0.18, 0.12), "rutan": (0.58, 0.07), "lpka": (0.2, 0.15)}[self.unit_kind]
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
        by_template: dict[str, list[_Plan]] = {}
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

    def finish_case(self, plan: _Plan, religion: str, child: bool) -> None:
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

    def older_case(self, current: _Plan, birth: date, religion: str) -> None:
        plan = _Plan(current.person)
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

    def store_dates(self, plan: _Plan) -> None:
        """The case's date columns, exactly as ``sentence.recompute_case`` stores them."""
        note = ""
        plan.computed = {}
        plan.eligible = (False, False)
        if plan.sentence_kind == "life":
            note = tr("Pidana seumur hidup: tidak ada tanggal ekspirasi.", "Life imprisonment: there is no expiry date.")
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
    def window_of(self, plan: _Plan, kind: str) -> tuple[date, date] | None:
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

    def official_dates(self, plan: _Plan) -> None:
        """Dates from the SK and the releasing Lapas's papers; now and then one differs."""
        for key in ("two_thirds", "expiry"):
            value = plan.computed.get("calc_" + key)
            if value is not None:
                if self.r() < 0.12:
                    value = value + timedelta(days=self.pick((-3, -2, -1, 1, 2, 5)))
                plan.officials[key] = value
        plan.official_source = self.pick(("SK PB Ditjenpas", "Surat lepas " + self.pick(_RELEASING),
                                          "Daftar perubahan " + self.pick(_RELEASING)))

    def add_program(self, plan: _Plan, kind: str, begin: date, end: date, forced: str | None = None) -> None:
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
            program[14] = _letter(status, status_date, self.between(1, 2999))
            program[15] = self.pick(_STATUS_REASONS[status]).format(unit=self.pick(_OTHER_UNITS))
            program[17] = self.stamp(status_date)
        self.programs.append(program)
        plan.entered = min(plan.entered, entered)

    # -- rows ----------------------------------------------------------------------------------
    def rows(self) -> _ChunkRows:
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
        return _ChunkRows(
            persons=self.persons,
            cases=[_case_row(p, category_ids, self.stamp(p.entered)) for p in plans],
            remissions=[(p.id, g.isoformat(), k, m, d, sk)
                        for p in plans if p.remission_total is None for g, k, m, d, sk in p.remissions],
            interruptions=[(p.id, s.isoformat(), e.isoformat(), n) for p in plans for s, e, n in p.interruptions],
            officials=[(p.id, k, v.isoformat(), p.official_source) for p in plans for k, v in p.officials.items()],
            overrides=[(p.id, k, v.isoformat(), "Sesuai tanggal pada SK dari Ditjenpas", self.stamp(p.entered))
                       for p in plans for k, v in p.overrides.items()],
            programs=self.programs,
            status_changes=[(p[0], p[12], p[13], p[14], p[15], p[17]) for p in self.programs if p[12] != "aktif"],
            reports=list(self.reports()) if self.bapas else [],
        )

    def reports(self) -> Iterator[tuple[int, str, int | None, str, str]]:
        """Monthly reporting (wajib lapor) of every guidance program, some months missed.

        The unit began keeping the reports in Rekam UPT a year before ``today``: earlier
        months are on paper only, so the file holds the last twelve months.
        """
        r = self.r
        today = self.today
        since = today - timedelta(days=REPORT_DAYS)
        notes = _REPORT_NOTES
        n_times = len(_TIMES)
        officers = self.active_officers
        for p in self.programs:
            program_id, start, end, officer, status, status_on = p[0], p[9], p[10], p[11], p[12], p[13]
            first = date.fromisoformat(start)
            last = min(today, date.fromisoformat(end))
            if status_on is not None:
                last = min(last, date.fromisoformat(status_on))
                if status in ("dicabut", "melarikan_diri", "mengulangi_tindak_pidana"):
                    last -= timedelta(days=45)  # they stopped reporting before the decision
            if last < since:
                continue
            day = first.day
            if first < since:
                first = since.replace(day=1) + timedelta(days=min(day, 28) - 1)
            year, month = first.year, first.month
            miss = 0.04 + 0.08 * r()
            on = first  # the first report (lapor diri) on the day guidance starts
            while on <= last:
                if on >= since and r() >= miss:
                    u = r()
                    note = notes[int(u * 60)] if u < 0.15 else ""
                    by = officer if u < 0.95 or not officers else officers[int(u * 1000) % len(officers)]
                    yield program_id, on.isoformat(), by, note, _TIMES[int(u * 977) % n_times]
                month += 1
                if month == 13:
                    year, month = year + 1, 1
                on = date(year, month, max(1, min(day + int(r() * 7) - 2, 28)))


# The reporting history a demo holds (see _Generator.reports): the last six months,
# enough to see who missed a month, without half a million rows to write.
REPORT_DAYS = 183


def _letter(status: str, on: date, number: int) -> str:
    """The letter or decree number of a status change."""
    if status == "dicabut":
        return f"PAS-{number}.PK.05.09 Tahun {on.year}"  # revocation is decided by Ditjenpas
    return f"W.15.PAS.22-PK.01.05.06-{number:04d}"


_CALC_KEYS = tuple(f"calc_{k}" for k in DATE_KEYS)
_CALC_COLUMNS = _CALC_KEYS + DATE_KEYS
_PERSON_COLUMNS = ("id", "name", "name_sort", "name_fold", "alias", "nik", "passport", "nationality", "sex",
                   "birth_place", "birth_date", "religion", "education", "occupation", "address", "phone",
                   "family_contact", "guarantor", "deleted_at", "deleted_batch", "created_at", "updated_at")
_CASE_COLUMNS = ("id", "person_id", "client_class", "offence_date", "offence_category_id", "articles", "statute",
                 "verdict_number", "verdict_date", "court", "sentence_kind", "sentences", "sentence_p30", "fine",
                 "subsider", "fine_paid", "detention_start", "city_detention_days", "house_detention_days",
                 "detention_authority", "remission_total_days", "register_class", *_CALC_COLUMNS,
                 "parole_eligible", "conditional_leave_eligible", "calc_note", "official_differs",
                 "created_at", "updated_at")
_PROGRAM_COLUMNS = ("id", "person_id", "case_id", "kind_id", "sk_number", "sk_date", "register_number",
                    "register_year", "register_seq", "start_date", "end_date", "officer_id", "status", "status_date",
                    "status_letter", "status_reason", "created_at", "updated_at")
_OFFICER_COLUMNS = ("id", "name", "name_sort", "nip", "nip_kind", "rank", "phone", "active", "deactivated_on",
                    "created_at", "updated_at")


def _case_row(plan: _Plan, category_ids: dict[str, int], entered: str) -> tuple[Any, ...]:
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


# ---------------------------------------------------------------------------------------
# Writing the file
# ---------------------------------------------------------------------------------------



# Indexes whose keys arrive in ascending order during the load (appending is cheap).
_APPENDED_INDEXES = frozenset({"cases_person", "programs_person", "programs_case", "remissions_case",
                               "interruptions_case", "status_changes_program", "wajib_lapor_program",
                               "facts_person", "facts_case", "audit_person", "audit_entity"})


def _insert(conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Any,
            offsets: dict[str, int] | None = None, values: str | None = None) -> None:
    """executemany; ``offsets`` adds a chunk's id offset in SQL rather than row by row."""
    offsets = offsets or {}
    values = values or ", ".join(f"? + {offsets[c]}" if offsets.get(c) else "?" for c in columns)
    conn.executemany(f"INSERT INTO {table}({', '.join(columns)}) VALUES ({values})", rows)


def _insert_chunk(conn: sqlite3.Connection, rows: _ChunkRows, case_offset: int, program_offset: int) -> None:
    case = {"case_id": case_offset}
    program = {"program_id": program_offset}
    _insert(conn, "persons", _PERSON_COLUMNS, rows.persons)
    _insert(conn, "cases", _CASE_COLUMNS, rows.cases, {"id": case_offset})
    # created_at is the grant day (or report day) and a time: joined here, not sent.
    _insert(conn, "remissions", ("case_id", "granted", "kind", "months", "days", "sk_number", "created_at"),
            rows.remissions, values=f"?1 + {case_offset}, ?2, ?3, ?4, ?5, ?6, ?2 || 'T09:00:00'")
    _insert(conn, "interruptions", ("case_id", "start", "end", "note"), rows.interruptions, case)
    _insert(conn, "official_dates", ("case_id", "key", "value", "source"), rows.officials, case)
    _insert(conn, "date_overrides", ("case_id", "key", "value", "reason", "created_at"), rows.overrides, case)
    _insert(conn, "programs", _PROGRAM_COLUMNS, rows.programs, {"id": program_offset, "case_id": case_offset})
    _insert(conn, "status_changes", ("program_id", "status", "date", "letter", "reason", "created_at"),
            rows.status_changes, program)
    _insert(conn, "wajib_lapor", ("program_id", "report_date", "officer_id", "note", "created_at"),
            rows.reports, values=f"?1 + {program_offset}, ?2, ?3, ?4, ?2 || ?5")


def _unique_identities(persons: list[list[Any]], niks: set[str], passports: set[str]) -> None:
    """Chunks draw NIK serials and passports independently: the rare clash takes the next serial."""
    for person in persons:
        nik = person[5]
        if nik is not None:
            while nik in niks:
                nik = f"{nik[:12]}{(int(nik[12:]) % 9999) + 1:04d}"
            niks.add(nik)
            person[5] = nik
        passport = person[6]
        if passport is not None:
            while passport in passports:
                passport = passport[:-1] + str((int(passport[-1]) + 1) % 10)
            passports.add(passport)
            person[6] = passport


def _cover_statuses(conn: sqlite3.Connection, today: date, active_officers: list[int]) -> list[int]:
    """Every status appears even in a small demo: a missing one goes to a fitting program.
    Returns the persons whose program changed."""
    changed: list[int] = []
    t = today.isoformat()
    counts = dict(conn.execute("SELECT status, count(*) FROM programs GROUP BY status").fetchall())
    for status in ("aktif", "selesai", "dicabut", "pindah", "melarikan_diri", "mengulangi_tindak_pidana",
                   "meninggal"):
        if counts.get(status):
            continue
        plenty = [s for s, n in sorted(counts.items()) if n >= 2]
        when = {"aktif": "start_date <= :t AND end_date >= :t", "selesai": "end_date < :t"}.get(
            status, "start_date <= :t")
        found = conn.execute(
            f"SELECT id, status, start_date, end_date, officer_id, person_id FROM programs WHERE {when}"
            f" AND status IN ({', '.join('?' * len(plenty)) or 'NULL'}) ORDER BY id LIMIT 1".replace(":t", "?"),
            [t] * when.count(":t") + plenty).fetchone()
        if found is None:
            continue
        program_id, was, start, end, officer, person_id = found
        changed.append(person_id)
        counts[was] -= 1
        counts[status] = 1
        conn.execute("DELETE FROM status_changes WHERE program_id = ?", (program_id,))
        if status == "aktif":
            conn.execute("UPDATE programs SET status = 'aktif', status_date = NULL, status_letter = '',"
                         " status_reason = '', updated_at = created_at, officer_id = ? WHERE id = ?",
                         (officer if officer in active_officers else active_officers[0], program_id))
            continue
        begin, last = date.fromisoformat(start), min(date.fromisoformat(end), today)
        on = last if status == "selesai" else begin + timedelta(days=(last - begin).days // 2)
        values = (status, on.isoformat(), _letter(status, on, 1000 + program_id % 2000),
                  _STATUS_REASONS[status][0].format(unit=_OTHER_UNITS[0]), on.isoformat() + "T10:00:00")
        conn.execute("UPDATE programs SET status = ?, status_date = ?, status_letter = ?, status_reason = ?,"
                     " updated_at = ? WHERE id = ?", (*values, program_id))
        conn.execute("INSERT INTO status_changes(program_id, status, date, letter, reason, created_at)"
                     " VALUES (?, ?, ?, ?, ?, ?)", (program_id, *values))
    return changed


def _demo_password(password: str, seed: int) -> dict[str, Any]:
    """The stored password hash, as ``security.hash_password`` makes it, but with a salt
    derived from the seed so the same seed gives the same file.  Only for demo files:
    their data is synthetic, so a predictable salt protects nothing real."""
    salt = hashlib.sha256(f"rekam-upt-demo:{seed}".encode()).digest()[:16]
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                            maxmem=64 * 1024 * 1024, dklen=32)
    return {"scheme": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
            "salt": base64.b64encode(salt).decode("ascii"), "hash": base64.b64encode(digest).decode("ascii")}


def _set(conn: sqlite3.Connection, key: str, value: Any) -> None:
    """A setting, stored as ``Database.set_setting`` stores it."""
    conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (key, json.dumps(value, ensure_ascii=False, sort_keys=True)))


def _office(unit_kind: str, today: date) -> dict[str, Any]:
    names = {"bapas": "Bapas Kelas II Contoh", "lapas": "Lapas Kelas IIA Contoh", "rutan": "Rutan Kelas IIB Contoh",
             "lpka": "LPKA Kelas II Contoh"}
    head_name, head_nip = _head_of_office(today)
    return {"unit_name": names[unit_kind], "unit_kind": unit_kind,
            "address": "Jl. Pemasyarakatan No. 1, Kel. Contoh, Kec. Bojonegoro", "city": "Bojonegoro",
            "head_name": head_name, "head_nip": head_nip, "operator_name": "Operator Demo", "logo": ""}


def _audit_entry(conn: sqlite3.Connection, at: str, operator: str, after: dict[str, Any]) -> None:
    """The one audit entry, chained and anchored exactly as ``Database.audit`` does it, but
    stamped from ``today`` rather than the clock (so the same seed gives the same file)."""
    row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = row[1] if row else GENESIS_HASH
    entry = {"at": at, "operation": OPERATION, "entity": "database", "entity_id": None, "person_id": None,
             "operator": operator, "os_user": "demo", "before": None, "after": canonical_json(after)}
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    next_id = (seq[0] if seq else 0) + 1
    digest = audit_hash(prev_hash, next_id, entry)
    conn.execute(
        "INSERT INTO audit_log(id, at, operation, entity, entity_id, person_id, operator, os_user, before, after,"
        " prev_hash, hash) VALUES (:id, :at, :operation, :entity, :entity_id, :person_id, :operator, :os_user,"
        " :before, :after, :prev_hash, :hash)", {**entry, "id": next_id, "prev_hash": prev_hash, "hash": digest})
    _set(conn, "audit_head", {"id": next_id, "hash": digest})


def default_workers(clients: int) -> int:
    """Worker processes for the chunks: none for a small demo or inside a frozen build
    (a frozen program would start itself again unless it calls freeze_support)."""
    if clients < 2 * CHUNK_CLIENTS or getattr(sys, "frozen", False):
        return 0
    return min(4, os.cpu_count() or 1) if (os.cpu_count() or 1) >= 2 else 0


def _chunk_results(specs: list[_ChunkSpec], workers: int) -> Iterator[_ChunkRows]:
    """The chunks' rows in order, made by ``workers`` processes meanwhile (or here).

    If the pool cannot run (a program that cannot be started again, memory), the
    remaining chunks are made here: the rows are the same either way.
    """
    if workers < 1 or len(specs) < 2:
        yield from (_make_chunk(spec) for spec in specs)
        return
    # "spawn", not "fork": the window calls this from a worker thread, and forking a
    # process that runs threads can copy a held lock into the child.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_exit_with_parent)
    done = 0
    try:
        for packed in pool.map(_make_packed_chunk, specs):
            yield _ChunkRows(*marshal.loads(packed))
            done += 1
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        yield from (_make_chunk(spec) for spec in specs[done:])
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _fill(db: Database, *, clients: int, seed: int, today: date, unit_kind: str, password: str,
          progress: ProgressFn | None, workers: int) -> dict[str, int]:
    """Invent and write everything into the freshly created ``db``; return the counts."""
    conn = db.conn
    report = progress or (lambda _done, _total: None)
    kind_ids = tuple((code, kid) for kid, code in conn.execute("SELECT id, code FROM program_kinds ORDER BY id"))
    category_ids = tuple((name, cid) for cid, name in conn.execute("SELECT id, name FROM offence_categories ORDER BY id"))
    officers, active, everyone = _make_officers(seed, clients, today)
    chunks = -(-clients // CHUNK_CLIENTS)
    specs = [_ChunkSpec(seed, i, chunks, first, min(CHUNK_CLIENTS, clients - first), today, unit_kind, kind_ids,
                        category_ids, tuple(active), tuple(everyone))
             for i, first in enumerate(range(0, clients, CHUNK_CLIENTS))]
    counts = dict.fromkeys(("persons", "cases", "programs", "remissions", "status_changes", "wajib_lapor"), 0)
    # Foreign keys are checked by the tests (check_database), not row by row here.
    conn.execute("PRAGMA foreign_keys = OFF")
    with db.transaction():
        # Indexes whose keys arrive in random order are dropped for the load and rebuilt
        # once at the end from their own SQL: one sort each instead of 100,000 random
        # inserts.  Those whose keys arrive in order (and that reindex_persons needs
        # chunk by chunk) are filled as the rows arrive.
        rebuilt = [(name, sql) for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid")
            if name not in _APPENDED_INDEXES and not name.startswith("officers")]
        for name, _sql in rebuilt:
            conn.execute(f"DROP INDEX {name}")
        _insert(conn, "officers", _OFFICER_COLUMNS, officers)
        niks: set[str] = set()
        passports: set[str] = set()
        for done, (spec, rows) in enumerate(zip(specs, _chunk_results(specs, workers)), 1):
            _unique_identities(rows.persons, niks, passports)
            _insert_chunk(conn, rows, counts["cases"], counts["programs"])
            # Grouping rows and table columns, chunk by chunk while the next chunks are made.
            reindex_persons(conn, range(spec.first + 1, spec.first + spec.count + 1))
            for key in counts:
                counts[key] += len(getattr(rows, key if key != "wajib_lapor" else "reports"))
            report(90 * done // len(specs), 100)
        changed = _cover_statuses(conn, today, active)
        reindex_persons(conn, changed)
        for _name, sql in rebuilt:
            conn.execute(sql)
        # Statistics for the query planner (sampled, so it takes milliseconds, not seconds).
        conn.execute("PRAGMA analysis_limit = 1000")
        conn.execute("ANALYZE")
        counts = {"clients": clients, **counts, "officers": len(officers)}
        office = _office(unit_kind, today)
        _set(conn, "demo", True)
        _set(conn, "office", office)
        _set(conn, "preferences", dict(DEFAULT_PREFERENCES))
        _set(conn, "auth", _demo_password(password, seed))
        _set(conn, "first_run_done", True)
        _audit_entry(conn, f"{today.isoformat()}T07:30:00", office["operator_name"],
                     {**counts, "seed": seed, "today": today.isoformat(), "unit_kind": unit_kind})
    report(97, 100)
    return counts


# ---------------------------------------------------------------------------------------
# The file: refuse, back up, build beside, rename
# ---------------------------------------------------------------------------------------

def _remove_db_files(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(str(path) + suffix)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return  # Windows cannot open a folder for fsync; NTFS journals renames
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _holds_data(path: Path) -> tuple[storage.FileInfo, bool]:
    """What is at ``path`` and whether replacing it would lose anything.

    Only a missing or empty file, or a blank Rekam UPT database (no persons and no
    officers, as the window creates at first start), may be replaced without asking.
    """
    info = storage.inspect_file(path)
    if info.kind in ("missing", "empty"):
        return info, False
    if info.kind != "rekam" or info.user_version > SCHEMA_VERSION:
        return info, True
    try:
        conn = storage.connect(path, readonly=True)
        try:
            persons = conn.execute("SELECT count(*) FROM persons").fetchone()[0]
            officers = conn.execute("SELECT count(*) FROM officers").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return info, True
    return info, bool(persons or officers)


def _back_up(path: Path, info: storage.FileInfo) -> Path | None:
    """Keep the file about to be replaced, and fold its -wal into it.

    A Rekam UPT database gets a consistent backup in its backup folder
    (``backup.automatic_backup`` with reason "sebelum-demo" when the backup module
    knows that reason, else ``backup.backup_to`` under the same naming); anything
    else is copied byte for byte beside those backups, under a name the backup
    list does not show, so it is kept but never offered for a restore.
    """
    if info.kind in ("missing", "empty"):
        return None
    from app.models import backup as backups

    folder = paths.backup_dir_for(path)
    made: Path | None = None
    if info.kind == "rekam" and info.user_version <= SCHEMA_VERSION:
        # Read-only: the file stays byte for byte as it was until it is replaced.
        conn = None
        try:
            conn = storage.connect(path, readonly=True)
            current = Database(path, conn, readonly=True)
            if BACKUP_REASON in backups.REASONS:
                made = backups.automatic_backup(current, BACKUP_REASON)
            else:
                made = backups.backup_to(current, folder / backups.backup_name(BACKUP_REASON, datetime.now()))
        except OperationError:
            made = None  # damaged: fall through to a byte copy
        except sqlite3.Error:
            made = None
        finally:
            if conn is not None:
                conn.close()
    wal = Path(str(path) + "-wal")
    if made is not None and wal.is_file() and wal.stat().st_size:
        # Fold the -wal into the file being replaced: a stale -wal beside the new file
        # would be replayed onto it.
        conn = storage.connect(path)
        try:
            if conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]:
                raise OperationError(tr(
                    "Basis data {p} masih dibuka program lain: tutup dahulu.",
                    "The database {p} is still open in another program: close it first.", p=path), code="locked")
        finally:
            conn.close()
    if made is None:
        # With its -wal or -journal, so a damaged or interrupted file can still be read.
        made = folder / f"{path.name}.{BACKUP_REASON}-{datetime.now():%Y%m%d-%H%M%S}"
        for suffix in ("-wal", "-journal", ""):  # the main file last: its name is what counts
            source = Path(str(path) + suffix)
            if source.is_file():
                copy = Path(str(made) + suffix)
                partial = copy.with_name(f".{copy.name}.tmp")  # never a half copy under the real name
                shutil.copy2(source, partial)
                _fsync(partial)
                os.replace(partial, copy)
        _fsync_dir(folder)
    return made


def _install(tmp: Path, path: Path) -> None:
    """The finished demo onto ``path``: flushed, then one atomic rename."""
    _fsync(tmp)
    # Sidecar files of the replaced file (kept in the backup) must not outlive it:
    # a stale -wal would be replayed onto the new file.
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(str(path) + suffix)
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def generate_demo(path: Path, *, clients: int, seed: int = 1, today: date, replace: bool = False,
                  password: str, unit_kind: str = "bapas", progress: ProgressFn | None = None,
                  workers: int | None = None) -> dict[str, Any]:
    """Fill a new file at ``path`` with ``clients`` synthetic clients (or inmates).

    Refuses (UserInputError) a file that holds data unless ``replace``, which backs
    it up first.  ``progress(done, total)`` is called now and then, with total 100.
    ``workers``: processes that make the chunks (None: by the machine; 0: none); the
    file is the same either way.  Returns the counts (clients, persons, cases,
    programs, remissions, status_changes, wajib_lapor, officers) and ``db``,
    ``backup`` (the old file's copy, or None) and ``seconds``.
    """
    began = time.perf_counter()
    path = Path(path).expanduser()
    if isinstance(clients, bool) or not isinstance(clients, int) or not 1 <= clients <= MAX_CLIENTS:
        raise UserInputError(tr("Jumlah klien harus 1 sampai {m}.", "The number of clients must be 1 to {m}.",
                                m=f"{MAX_CLIENTS:,}".replace(",", ".")), field="clients")
    if unit_kind not in UNIT_KINDS:
        raise UserInputError(tr("Jenis UPT tidak dikenal: {k} (pilihan: {c})", "Unknown kind of unit: {k} (choices: {c})",
                                k=unit_kind, c=", ".join(UNIT_KINDS)), field="unit_kind")
    check_new_password(password)
    if not EARLIEST_TODAY <= today <= LATEST_TODAY:
        raise UserInputError(tr("Tanggal hari ini untuk demo harus antara {a} dan {b}.",
                                "The demo's today must be between {a} and {b}.",
                                a=EARLIEST_TODAY.isoformat(), b=LATEST_TODAY.isoformat()), field="today")
    if path.is_dir():
        raise UserInputError(tr("{p} adalah folder; sebutkan nama berkas.", "{p} is a folder; give a file name.",
                                p=path), field="db")
    info, has_data = _holds_data(path)
    if has_data and not replace:
        raise UserInputError(tr(
            "Berkas {p} sudah berisi data; gunakan --replace untuk menggantinya dengan data demo "
            "(berkas lama dicadangkan dahulu).",
            "The file {p} already holds data; use --replace to replace it with demo data "
            "(the old file is backed up first).", p=path), field="db", code="has_data")
    if not storage.location_writable(path):
        raise OperationError(tr("Lokasi {p} hanya-baca atau tanpa izin tulis: tidak ada yang disimpan.",
                                "The location {p} is read-only or not writable: nothing was saved.",
                                p=path.parent), code="readonly")
    tmp = path.with_name(path.name + TEMP_SUFFIX)
    _remove_db_files(tmp)  # left by a run that was killed
    backup_path: Path | None = None
    try:
        backup_path = _back_up(path, info)
        db = Database.open(tmp, create=True)
        try:
            # The temporary file is thrown away if anything fails, so it needs no durable
            # journal while it is built; it is synced once, before the rename.
            db.conn.execute("PRAGMA journal_mode = MEMORY")
            db.conn.execute("PRAGMA synchronous = OFF")
            db.conn.execute("PRAGMA cache_size = -262144")
            db.conn.execute("PRAGMA temp_store = MEMORY")
            db.conn.execute("PRAGMA threads = 2")  # index builds sort with a helper thread
            counts = _fill(db, clients=clients, seed=seed, today=today, unit_kind=unit_kind, password=password,
                           progress=progress, workers=default_workers(clients) if workers is None else workers)
        finally:
            db.close()
        _install(tmp, path)
    except (OSError, sqlite3.Error) as err:
        _remove_db_files(tmp)
        raise storage.translate_error(err, path) from err
    except BaseException:
        _remove_db_files(tmp)
        raise
    if progress:
        progress(100, 100)
    return {"db": str(path), **counts, "backup": str(backup_path) if backup_path else None,
            "seconds": round(time.perf_counter() - began, 2)}
