"""Names: the folded form that finds the same person under another spelling, and the sort key.

Enter once (domain.md): same-name matching folds case and spacing, bin/binti, "als."
aliases and common spellings (Muhammad/Muhamad/Mohammad).  Folding must also keep
different people apart, so each test that shows two spellings meeting has a
neighbour that shows two names staying apart.
"""

from __future__ import annotations

import pytest

from app.models.names import fold_name, search_fold, sort_key


def same(a: str, b: str) -> bool:
    return fold_name(a) == fold_name(b)


@pytest.mark.parametrize("variant", ["budi santoso", "BUDI SANTOSO", "  Budi   Santoso ", "Budi\tSantoso",
                                     "budi santoso."])
def test_case_and_spacing_do_not_matter(variant):
    assert same("Budi Santoso", variant)


@pytest.mark.parametrize("written", ["Ahmad bin Yusuf", "Ahmad BIN Yusuf", "Ahmad bin. Yusuf", "Ahmad bt Yusuf"])
def test_the_patronymic_after_bin_is_not_part_of_the_match(written):
    assert fold_name(written) == fold_name("Ahmad") == "ahmad"


def test_the_patronymic_after_binti_is_not_part_of_the_match():
    assert same("Siti Aminah binti Hasan", "Siti Aminah")
    assert same("Siti Aminah binti Hasan", "Siti Aminah binti Umar")


def test_bin_inside_a_word_is_part_of_the_name():
    assert fold_name("Bintang Robin") == "bintang robin"
    assert not same("Bintang Robin", "Bintang")


@pytest.mark.parametrize("written", ["Budi als. Kancil", "Budi als Kancil", "Budi alias Kancil", "Budi ALS. Kancil"])
def test_an_alias_after_als_is_not_part_of_the_match(written):
    assert fold_name(written) == "budi"


def test_an_alias_and_a_patronymic_together():
    assert same("Joko bin Slamet als. Gondrong", "Joko")


@pytest.mark.parametrize("spelling", ["Muhammad", "Muhamad", "Mohammad", "Mohamad", "Mochammad", "Mochamad",
                                      "Muchammad", "Mohammed", "Moch.", "Moh.", "Muh.", "M."])
def test_the_spellings_of_muhammad_meet(spelling):
    assert same(f"{spelling} Rizki", "Muhammad Rizki")


def test_muhammad_does_not_swallow_another_first_name():
    assert not same("Mahmud Rizki", "Muhammad Rizki")
    assert not same("Muhammad Rizki", "Muhammad Rizal")


@pytest.mark.parametrize("old, new", [("Soekarno", "Sukarno"), ("Djoko Susilo", "Joko Susilo"),
                                      ("Tjahjo", "Cahyo"), ("Achmad Fauzi", "Ahmad Fauzi"),
                                      ("Abdoel Karim", "Abdul Karim"), ("Abdullah", "Abdulah")])
def test_old_and_variant_spellings_meet(old, new):
    assert same(old, new)


def test_titles_before_and_degrees_after_a_name_are_not_part_of_the_match():
    assert same("H. Ahmad Fauzi, S.H., M.H.", "Ahmad Fauzi")
    assert same("Hj. Siti Aminah", "Siti Aminah")
    assert same("Drs. Budi Santoso", "Budi Santoso")


@pytest.mark.parametrize("a, b", [("Budi Santoso", "Budi Susanto"), ("Siti Aminah", "Siti Amina Putri"),
                                  ("Agus", "Agus Prasetyo"), ("Dewi Lestari", "Lestari Dewi")])
def test_different_names_stay_apart(a, b):
    assert not same(a, b)


def test_accents_fold_to_plain_letters():
    assert same("José Ramos-Horta", "Jose Ramos Horta")


# -- the sort key ---------------------------------------------------------------------------

def test_the_sort_key_is_lower_case_without_titles_or_degrees():
    assert sort_key("H. Ahmad Fauzi, S.H.") == "ahmad fauzi"
    assert sort_key("Drs. BUDI  Santoso, M.Si.") == "budi santoso"
    assert sort_key("Hj. Siti Aminah") == "siti aminah"


def test_the_sort_key_keeps_the_name_as_written():
    # Sorting is by the name itself: no spelling folding, the patronymic and alias stay.
    assert sort_key("Mohammad Rizki") == "mohammad rizki"
    assert sort_key("Ahmad bin Yusuf als. Mamat") == "ahmad bin yusuf als mamat"


def test_a_title_alone_is_kept_as_the_name():
    assert sort_key("H.") == "h"


def test_names_sort_ignoring_titles_and_with_numbers_in_order():
    names = ["Drs. Zainal", "H. Ahmad", "budi", "Ir. Citra", "Blok 10", "Blok 9", "Étienne"]
    assert sorted(names, key=sort_key) == ["H. Ahmad", "Blok 9", "Blok 10", "budi", "Ir. Citra", "Étienne",
                                           "Drs. Zainal"]


def test_search_fold_is_lower_case_ascii_words():
    assert search_fold("  Budi  SANTOSO als. Kancil, 3522-0115 ") == "budi santoso als kancil 3522 0115"
