"""Names: the sort key stored beside a name, and the folded form used to find duplicates.

Indonesian names are sorted as written (most people have no family name), ignoring
honorifics and degrees (H., Hj., Drs., S.H.) that would otherwise bunch people
under "H" or "D".  The folded form for duplicate detection also ignores case and
spacing, the patronymic after bin/binti, an alias after "als.", and old or variant
spellings (Muhamad/Mohammad, Soekarno/Sukarno, Djoko/Joko).
"""

from __future__ import annotations

import re
import unicodedata

# Honorifics and titles written before a name.
_PREFIX_TITLES = {
    "h", "hj", "haji", "hajjah", "drs", "dra", "dr", "ir", "prof", "kh", "ust", "ustadz",
    "ustazah", "tn", "ny", "nn", "sdr", "sdri", "bpk", "ibu",
}
# Variant spellings folded to one token.
_TOKEN_VARIANTS = {
    **{v: "muhammad" for v in (
        "muhamad", "mohammad", "mohamad", "mohammed", "muhammed", "muhamed", "mochammad",
        "mochamad", "mokhammad", "mokhamad", "mohamat", "muchammad", "muchamad", "moch",
        "moh", "muh", "mhd", "md", "m")},
    "abd": "abdul", "abdoel": "abdul",
    "noor": "nur", "nurul": "nur",
    "achmad": "ahmad", "akhmad": "ahmad", "ahmat": "ahmad", "ahmed": "ahmad",
}
_ALIAS_SPLIT = re.compile(r"\b(?:als|alias)\b\.?", re.IGNORECASE)
_PATRONYMIC_SPLIT = re.compile(r"\b(?:bin|binti|bt|bte)\b\.?", re.IGNORECASE)
_DEGREE_TAIL = re.compile(r",.*$")  # "Siti Aminah, S.H., M.H." -> "Siti Aminah"


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _ascii(text).lower())


def _strip_titles(words: list[str]) -> list[str]:
    while len(words) > 1 and words[0] in _PREFIX_TITLES:
        words = words[1:]
    return words


def sort_key(name: str) -> str:
    """The key SQL orders names by: lower case, no accents, no titles or degrees."""
    base = _DEGREE_TAIL.sub("", name)
    words = _strip_titles(_words(base))
    # Pad numbers so "Blok 10" sorts after "Blok 9".
    return " ".join(w.zfill(6) if w.isdigit() else w for w in words)


def _old_spelling(word: str) -> str:
    # Van Ophuijsen / Soewandi spellings still common in names.
    for old, new in (("oe", "u"), ("dj", "j"), ("tj", "c"), ("nj", "ny"), ("sj", "sy"),
                     ("ch", "kh"), ("j", "y")):
        word = word.replace(old, new)
    # Doubled letters are often written single (Muhammad/Muhamad, Abdullah/Abdulah).
    return re.sub(r"(.)\1+", r"\1", word)


def fold_name(name: str) -> str:
    """The form two spellings of the same person's name share."""
    base = _ALIAS_SPLIT.split(name, maxsplit=1)[0]
    base = _PATRONYMIC_SPLIT.split(base, maxsplit=1)[0]
    base = _DEGREE_TAIL.sub("", base)
    words = _strip_titles(_words(base))
    folded = [_TOKEN_VARIANTS.get(w, w) for w in words]
    return " ".join(_old_spelling(w) for w in folded)


def alias_from_name(name: str) -> str:
    """The alias written inside a name ("Budi als. Kancil" -> "Kancil"), or '' (old registers write it so)."""
    parts = _ALIAS_SPLIT.split(name, maxsplit=1)
    return parts[1].strip(" .") if len(parts) == 2 else ""


def search_fold(text: str) -> str:
    """Lower-case ASCII with single spaces: what the search box matches against."""
    return " ".join(_words(text))
