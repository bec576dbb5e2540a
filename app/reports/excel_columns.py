"""Finding the header row of an old register and what each of its columns holds.

Column names are compared folded (case, spaces and punctuation ignored; CamelCase of
SDP exports split into words; "Tanggal"/"Tgl", "Nomor"/"No", "Register"/"Reg" made
one word), so "No. Reg", "NO REG" and "NoRegister" are the same column.  The header
row is the row among the first ``HEADER_SEARCH_ROWS`` whose cells name the most known
columns, a name column among them; a title merged across the top, blank rows and a
two-row header ("Masa Bimbingan" over "Awal" and "Akhir") are handled.

A *mapping* is {column index: field key}; a column mapped to nothing is ignored.  The
same shape of file (the same folded header texts) gets the mapping the officer last
confirmed; a mapping can be saved as JSON and given to ``rekam-upt import --mapping``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.models.errors import UserInputError
from app.models.i18n import tr
from app.reports.excel_read import Sheet
from app.reports.excel_values import is_empty, text

HEADER_SEARCH_ROWS = 30
MAPPING_VERSION = 1

# field key -> (Indonesian label shown to the officer, folded spellings)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "no": ("No. urut (diabaikan)", ("no", "nourut", "urut", "nomorurut")),
    "name": ("Nama", ("nama", "namaklien", "namalengkap", "namawbp", "namanarapidana", "namaanak", "nm",
                      "namaklienpemasyarakatan", "namatahanan", "namawargabinaan", "namaterpidana")),
    "alias": ("Alias", ("alias", "als", "namaalias", "namapanggilan", "panggilan")),
    "nik": ("NIK", ("nik", "noktp", "ktp", "noidentitas", "noindukkependudukan", "nikktp", "noinduk")),
    "passport": ("No. paspor", ("paspor", "passport", "nopaspor", "nopassport")),
    "nationality": ("Kewarganegaraan", ("kewarganegaraan", "warganegara", "kebangsaan", "wn", "wniwna")),
    "sex": ("Jenis kelamin", ("jeniskelamin", "jk", "lp", "kelamin", "sex", "gender", "jnskelamin", "jkel")),
    "birth_place": ("Tempat lahir", ("tmplahir", "tmptlahir", "kotalahir")),
    "birth_date": ("Tanggal lahir", ("tgllahir", "lahir", "tgllhr", "tanggallhr", "tgllahirklien")),
    "birth_place_date": ("Tempat, tanggal lahir", ("ttl", "tmptgllahir", "tmplahirtgllahir", "tmpdantgllahir",
                                                   "tmptgllhr")),
    "religion": ("Agama", ("agama",)),
    "education": ("Pendidikan", ("pendidikan", "pendidikanterakhir", "pend")),
    "occupation": ("Pekerjaan", ("pekerjaan", "pekerjaanklien", "kerja")),
    "address": ("Alamat", ("alamat", "alamatrumah", "alamatlengkap", "domisili", "alamattinggal",
                           "alamatdomisili")),
    "phone": ("No. telepon", ("telp", "notelp", "nohp", "hp", "kontak", "notelphp", "telphp", "nowa")),
    "family_contact": ("Keluarga yang dapat dihubungi", ("keluarga", "kontakkeluarga", "namakeluarga",
                                                         "orangtua", "namaorangtua", "namaortu", "ortu",
                                                         "namaayahibu", "walipenjamin")),
    "guarantor": ("Penjamin", ("penjamin", "namapenjamin")),
    "guarantor_address": ("Alamat penjamin", ("alamatpenjamin",)),
    "client_class": ("Dewasa/anak", ("dewasaanak", "klasifikasi", "golongan", "kategoriklien", "dewasa",
                                     "jenisklien", "klienanakdewasa", "anakdewasa", "statusanak")),
    "offence": ("Jenis kejahatan", ("jeniskejahatan", "kejahatan", "tindakpidana", "jenistindakpidana",
                                    "jenisperkara", "perkara", "kasus", "jeniskasus", "kategorikejahatan",
                                    "kategori", "jenispidana", "tp", "jenistp")),
    "articles": ("Pasal", ("pasal", "pasalyangdilanggar", "pasaldilanggar", "pasalpidana", "pasaldakwaan")),
    "statute": ("Undang-undang", ("undangundang", "uu", "dasarhukumpidana")),
    "verdict_number": ("No. putusan", ("noputusan", "putusan", "noputusanpengadilan", "noperkara",
                                       "noputusanpn", "noregperkara")),
    "verdict_date": ("Tanggal putusan", ("tglputusan", "tglvonis")),
    "court": ("Pengadilan", ("pengadilan", "namapengadilan", "pn", "pengadilannegeri")),
    "offence_date": ("Tanggal tindak pidana", ("tgltindakpidana", "tglkejadian", "tglperistiwa", "tgltp",
                                               "tglkejahatan")),
    "detention_start": ("Tanggal mulai ditahan", ("tglditahan", "mulaiditahan", "tglpenahanan",
                                                  "tglmulaiditahan", "tglpenangkapan")),
    "sentence": ("Lama pidana", ("lamapidana", "pidana", "vonis", "masapidana", "lamahukuman", "hukuman",
                                 "lamavonis", "putusanpidana")),
    "sentence_years": ("Pidana (tahun)", ("pidanatahun", "lamapidanatahun", "vonistahun", "pidanathn")),
    "sentence_months": ("Pidana (bulan)", ("pidanabulan", "lamapidanabulan", "vonisbulan", "pidanabln")),
    "sentence_days": ("Pidana (hari)", ("pidanahari", "lamapidanahari", "vonishari")),
    "program": ("Jenis bimbingan / program", ("jenisbimbingan", "program", "jenisprogram", "jenisintegrasi",
                                              "integrasi", "programintegrasi", "jenispembimbingan", "bimbingan",
                                              "jenisreintegrasi", "hakintegrasi", "jenisprogramintegrasi",
                                              "programpembinaan", "jenisbimb")),
    "register_number": ("No. register", ("noreg", "reg", "noregpembimbingan", "noregintegrasi",
                                         "regintegrasi", "noregbimbingan", "regbimbingan", "noregklien",
                                         "regklien", "regutama")),
    "register_main": ("Register utama (ke keterangan)", ()),
    "litmas_register": ("No. register litmas (ke keterangan)", ("noreglitmas", "reglitmas")),
    "sk_number": ("No. SK", ("nosk", "sk", "noskintegrasi", "skintegrasi", "noskpb", "nosuratkeputusan",
                             "noskpembebasan", "dasarhukum")),
    "sk_date": ("Tanggal SK", ("tglsk", "tglskintegrasi", "tglsuratkeputusan", "tglskpb")),
    "start_date": ("Awal bimbingan", ("tglmulai", "mulai", "awalbimbingan", "tglmulaibimbingan", "mulaibimbingan",
                                      "masabimbinganawal", "masabimbingansaatiniawal", "tmt", "tglawal", "awal",
                                      "tmtbimbingan", "tglawalbimbingan", "awalmasabimbingan", "tglbebas",
                                      "tglkeluar", "masabimbinganmulai", "mulaimasabimbingan")),
    "end_date": ("Akhir bimbingan", ("tglakhir", "akhir", "akhirbimbingan", "tglakhirbimbingan",
                                     "masabimbinganakhir", "masabimbingansaatiniakhir", "berakhir",
                                     "tglselesai", "akhirmasabimbingan", "tglakhirmasabimbingan",
                                     "habismasabimbingan", "tglhmb", "masabimbinganselesai",
                                     "akhirmasapercobaan", "selesaibimbingan")),
    "officer": ("PK", ("pk", "namapk", "pembimbingkemasyarakatan", "namapembimbing", "pembimbing", "petugaspk",
                       "pkpembimbing", "namapembimbingkemasyarakatan", "pkyangmenangani", "walipk")),
    "officer_nip": ("NIP PK", ("nippk", "nip", "nippembimbing")),
    "status": ("Status", ("status", "statusbimbingan", "statusklien", "keadaan", "statusprogram")),
    "status_date": ("Tanggal status", ("tglstatus", "tglberakhirstatus", "tglpencabutan", "tglperubahanstatus")),
    "unit_origin": ("Asal UPT (ke keterangan)", ("namalapas", "asallapas", "asalupt", "lapasasal", "upt",
                                                 "lapasrutan", "asal", "namaupt", "lapas")),
    "remarks": ("Keterangan", ("keterangan", "ket", "catatan")),
    "working": ("Bekerja (diabaikan)", ()),
}
IGNORED_FIELDS = ("no", "working")

# Words written many ways, folded before the column names are compared.
_WORD_ALIASES = {
    "tanggal": "tgl", "tangal": "tgl", "tg": "tgl", "tgl": "tgl",
    "nomor": "no", "nomer": "no", "nmr": "no", "nomr": "no", "num": "no", "number": "no",
    "register": "reg", "registrasi": "reg", "regester": "reg", "regist": "reg", "registr": "reg",
    "tempat": "tmp", "tmpt": "tmp", "tmp": "tmp",
    "telepon": "telp", "telpon": "telp", "tlp": "telp", "telephone": "telp", "tlpn": "telp", "hp": "hp",
    "handphone": "hp",
    "lhr": "lahir",
    "bimb": "bimbingan", "bimbingn": "bimbingan",
}
# Words that only say whose column it is: "Nama Klien", "NIK WBP".
_OWNER_WORDS = {"klien", "wbp", "napi", "narapidana", "warga", "binaan", "tahanan", "anak", "terpidana",
                "pemasyarakatan", "yang", "bersangkutan", "ybs", "dan"}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _words(header: str) -> list[str]:
    import unicodedata

    raw = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode("ascii")
    raw = _CAMEL.sub(" ", raw)
    return [_WORD_ALIASES.get(w, w) for w in re.findall(r"[a-z0-9]+", raw.lower())]


def header_key(header: Any) -> str:
    """The folded form of a column name ("No. Reg" -> "noreg", "TanggalSKIntegrasi" -> "tglskintegrasi")."""
    return "".join(_words(text(header)))


_SYNONYMS: dict[str, str] = {}
for _field, (_label, _spellings) in FIELDS.items():
    for _s in _spellings:
        _SYNONYMS.setdefault(_s, _field)
# SDP exports (domain.md, "Reports"), by their exact folded names.
_SYNONYMS.update({
    "regutama": "register_main", "noregisterlitmas": "litmas_register", "noreglitmas": "litmas_register",
    "noregintegrasi": "register_number", "noskintegrasi": "sk_number", "tglskintegrasi": "sk_date",
    "masabimbingansaatiniakhir": "end_date", "masabimbingansaatiniawal": "start_date", "namapk": "officer",
    "namapenjamin": "guarantor", "alamatpenjamin": "guarantor_address", "pidanatahun": "sentence_years",
    "pidanabulan": "sentence_months", "pidanahari": "sentence_days", "namalapas": "unit_origin",
})


def field_for(header: Any) -> str | None:
    """The field a column name stands for, or None."""
    key = header_key(header)
    if not key:
        return None
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    words = [w for w in _words(text(header)) if w not in _OWNER_WORDS]
    key = "".join(words)
    return _SYNONYMS.get(key) if key else None


def field_label(key: str | None) -> str:
    if key is None:
        return tr("(diabaikan)", "(ignored)")
    return FIELDS[key][0] if key in FIELDS else key


@dataclass
class Header:
    """Where the header is and what each column is proposed to hold."""

    row: int                    # 0-based index of the (last) header row
    names: list[str]            # the column names as shown (a two-row header joined)
    mapping: dict[int, str]     # column index -> field key
    first_data_row: int

    @property
    def shape(self) -> str:
        """Identifies files of the same shape (for remembering the officer's mapping)."""
        folded = "|".join(header_key(n) for n in self.names)
        return hashlib.sha1(folded.encode("utf-8")).hexdigest()[:16]


def _filled_across(sheet: Sheet, r: int) -> list[str]:
    """Row r's texts, a merged cell's text repeated across (and down) what it covers."""
    width = max((len(row) for row in sheet.rows[max(0, r - 1): r + 1]), default=0)
    row = sheet.rows[r] if r < len(sheet.rows) else []
    cells = [text(row[c]) if c < len(row) and not _blank(row[c]) else "" for c in range(width)]
    for r0, c0, r1, c1 in sheet.merged:
        if r0 <= r <= r1 and r0 < len(sheet.rows):
            source = sheet.rows[r0][c0] if c0 < len(sheet.rows[r0]) else None
            for c in range(c0, min(c1, width - 1) + 1):
                cells[c] = text(source) if not _blank(source) else ""
    return cells


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _score(names: list[str], known: dict[str, str | None] | None = None) -> tuple[int, dict[int, str]]:
    mapping: dict[int, str] = {}
    seen: set[str] = set()
    for c, name in enumerate(names):
        key = None
        if name and known and header_key(name) in known:
            key = known[header_key(name)]
        elif name:
            key = field_for(name)
        if key and key not in seen:
            mapping[c] = key
            seen.add(key)
        elif key == "register_number" and "register_number" in seen:
            pass
    score = len(seen - set(IGNORED_FIELDS))
    return (score if "name" in seen else 0), mapping


def find_header(sheet: Sheet, known: dict[str, str | None] | None = None) -> Header:
    """The header row and the proposed mapping; UserInputError when none is recognisable.

    ``known``: a saved mapping ({column name: field}), whose names count as known columns.
    """
    known = {header_key(k): v for k, v in known.items()} if known else None
    best: Header | None = None
    best_score = 0
    limit = min(len(sheet.rows), HEADER_SEARCH_ROWS)
    for r in range(limit):
        row_names = _filled_across(sheet, r)
        if sum(1 for n in row_names if n) < 2:
            continue
        candidates = [row_names]
        if r > 0:
            above = _filled_across(sheet, r - 1)
            if any(above):
                # A two-row header: a group name over its columns ("Masa Bimbingan" / "Awal").
                joined = [(f"{a} {b}".strip() if a and b and a != b else (b or a))
                          for a, b in zip(above + [""] * (len(row_names) - len(above)), row_names)]
                candidates.append(joined)
        for names in candidates:
            score, mapping = _score(names, known)
            if score > best_score:
                best_score = score
                best = Header(row=r, names=names, mapping=mapping, first_data_row=r + 1)
    if best is None or best_score < 2:
        raise UserInputError(tr(
            "Baris judul kolom tidak ditemukan di {n} baris pertama: harus ada kolom nama dan sedikitnya satu "
            "kolom lain yang dikenal (misalnya NIK, Tgl Lahir, Jenis Bimbingan, Tgl Mulai).",
            "No header row found in the first {n} rows: a name column and at least one other known column "
            "are needed (e.g. NIK, Tgl Lahir, Jenis Bimbingan, Tgl Mulai).", n=HEADER_SEARCH_ROWS),
            field="file", code="no_header")
    _resolve_registers(best)
    return best


def _resolve_registers(header: Header) -> None:
    """SDP's RegisterUtama is the register number only when no integration register is given."""
    fields = set(header.mapping.values())
    if "register_main" in fields and "register_number" not in fields:
        for c, key in header.mapping.items():
            if key == "register_main":
                header.mapping[c] = "register_number"


def apply_mapping(header: Header, mapping: dict[int, str | None]) -> Header:
    """The header with the officer's corrections; a field may be chosen for one column only."""
    clean: dict[int, str] = {}
    used: dict[str, int] = {}
    for c, key in sorted(mapping.items()):
        if key is None:
            continue
        if key not in FIELDS:
            raise UserInputError(tr("Kolom tujuan tidak dikenal: {k}", "Unknown target field: {k}", k=key),
                                 field="mapping")
        if key in used and key not in IGNORED_FIELDS:
            raise UserInputError(tr(
                "'{f}' dipilih untuk dua kolom ({a} dan {b}); pilih satu saja.",
                "'{f}' is chosen for two columns ({a} and {b}); choose one.", f=field_label(key),
                a=header.names[used[key]] or column_letter(used[key]), b=header.names[c] or column_letter(c)),
                field="mapping", code="mapping_twice")
        used[key] = c
        clean[c] = key
    if "name" not in used:
        raise UserInputError(tr("Pilih kolom yang berisi nama.", "Choose the column that holds the name."),
                             field="mapping", code="mapping_no_name")
    return Header(header.row, header.names, clean, header.first_data_row)


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# -- saved mappings (settings, --mapping FILE) --------------------------------------------------

def mapping_by_name(header: Header) -> dict[str, str | None]:
    """{column name: field, or None for a column the officer set aside} (mapping files, remembered mappings)."""
    return {header.names[c] or column_letter(c): header.mapping.get(c) for c in range(len(header.names))
            if header.names[c] or c in header.mapping}


def mapping_from_names(header: Header, by_name: dict[str, str | None]) -> dict[int, str | None]:
    """A saved {column name: field} applied to this file's columns (unknown names are left as proposed)."""
    folded = {header_key(name): key for name, key in by_name.items()}
    result: dict[int, str | None] = dict(header.mapping)
    for c, name in enumerate(header.names):
        label = name or column_letter(c)
        for candidate in (label, header_key(label)):
            if candidate in by_name or candidate in folded:
                result[c] = by_name.get(candidate, folded.get(candidate))
                break
    return result


def save_mapping_file(header: Header, path: Path) -> None:
    from app.models.safefile import write_document

    payload = {"rekam_upt_mapping": MAPPING_VERSION, "columns": mapping_by_name(header)}
    write_document(path, json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8"), replace=True)


def load_mapping_file(path: Path) -> dict[str, str | None]:
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise UserInputError(tr("Berkas pemetaan {p} tidak dapat dibaca: {e}",
                                "Cannot read the mapping file {p}: {e}", p=path, e=err), field="mapping") from None
    columns = payload.get("columns") if isinstance(payload, dict) else None
    if not isinstance(columns, dict) or not all(isinstance(k, str) for k in columns):
        raise UserInputError(tr("Berkas pemetaan {p} tidak berisi pemetaan kolom Rekam UPT.",
                                "The mapping file {p} holds no Rekam UPT column mapping.", p=path),
                             field="mapping")
    for key in columns.values():
        if key is not None and key not in FIELDS:
            raise UserInputError(tr("Berkas pemetaan {p}: kolom tujuan tidak dikenal '{k}'.",
                                    "Mapping file {p}: unknown target field '{k}'.", p=path, k=key),
                                 field="mapping")
    return columns


def data_rows(sheet: Sheet, header: Header) -> list[tuple[int, list[Any]]]:
    """(Excel row number, cells) of every non-blank row under the header."""
    out = []
    for r in range(header.first_data_row, len(sheet.rows)):
        row = sheet.rows[r]
        if any(not is_empty(v) for v in row):
            out.append((r + 1, row))
    return out
