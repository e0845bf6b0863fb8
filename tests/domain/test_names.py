"""Name folding and cross-script skeletons: the spellings of one name must meet in search."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.names import (
    fold,
    fold_arabic,
    fold_latin,
    name_skeletons,
    query_terms,
    search_terms,
    skeleton,
    tokens,
)

# --- folding -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        pytest.param("مُحَمَّد", "محمد", id="harakat-and-shadda"),
        pytest.param("مًٌٍ", "م", id="tanwin"),
        pytest.param("رحمٰن", "رحمن", id="superscript-alef"),
        pytest.param("الرحيمۖ", "الرحيم", id="quranic-mark"),
        pytest.param("محـــمد", "محمد", id="tatweel"),
        pytest.param("أحمد", "احمد", id="alef-hamza-above"),
        pytest.param("إبراهيم", "ابراهيم", id="alef-hamza-below"),
        pytest.param("آمنة", "امنه", id="alef-madda"),
        pytest.param("ٱلله", "الله", id="alef-wasla"),
        pytest.param("مؤمن", "مومن", id="waw-hamza"),
        pytest.param("عائشة", "عايشه", id="yeh-hamza"),
        pytest.param("الزهراء", "الزهرا", id="standalone-hamza"),
        pytest.param("مصطفى", "مصطفي", id="alif-maqsura"),
        pytest.param("فاطمة", "فاطمه", id="ta-marbuta"),
        pytest.param("کریم", "كريم", id="persian-kaf-and-yeh"),
        pytest.param("ڭنون", "كنون", id="moroccan-gaf"),
        pytest.param("گروج", "كروج", id="persian-gaf"),
        pytest.param("٠١٢٣٤٥٦٧٨٩", "0123456789", id="arabic-indic-digits"),
        pytest.param("۱۲۳", "123", id="extended-arabic-indic-digits"),
        pytest.param("ﻣﺤﻤﺪ", "محمد", id="presentation-forms"),
        pytest.param("  محمد \t\n  علي ", "محمد علي", id="whitespace"),
        pytest.param("مح\u200cمد", "محمد", id="zero-width-non-joiner"),
        pytest.param("Mohamed HÏCHAM", "Mohamed HÏCHAM", id="latin-untouched"),
        pytest.param("", "", id="empty"),
    ],
)
def test_fold_arabic(raw: str, folded: str) -> None:
    assert fold_arabic(raw) == folded


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Hicham", "hicham"),
        ("HÏCHAM", "hicham"),
        ("hîcham", "hicham"),
        ("Saïd", "said"),
        ("Aïcha", "aicha"),
        ("Hélène", "helene"),
        ("Fatim-Zahra", "fatim zahra"),
        ("M'hamed", "mhamed"),
        ("M’hamed", "mhamed"),
        ("Abd.El.Kader", "abd el kader"),
        ("Fatima–Zahra", "fatima zahra"),
        ("  Ben   Ali  ", "ben ali"),
        ("Ｍｏｈａｍｅｄ", "mohamed"),
        ("Søren Œuvre", "soren oeuvre"),
        ("", ""),
    ],
)
def test_fold_latin(raw: str, folded: str) -> None:
    assert fold_latin(raw) == folded


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Mohamed", "mohamed"),
        ("  MOHAMED   Ben-Ali ", "mohamed ben ali"),
        ("Aïcha عَائِشَة", "aicha عايشه"),
        ("M'hamed مْحَمَّد", "mhamed محمد"),
        ("Fatim-Zahra فاطمة الزهراء", "fatim zahra فاطمه الزهرا"),
        ("رقم ٣٤ / N°12", "رقم 34 / n°12"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_fold_mixed_scripts(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize(
    "raw", ["Mohamed El Idrissi", "Aïcha عَائِشَة", "فاطمة الزهراء", "HÉLÈNE  Fatim-Zahra", ""]
)
def test_fold_applies_both_foldings(raw: str) -> None:
    assert fold(raw) == fold_latin(fold_arabic(raw))


@given(st.text())
def test_fold_is_idempotent_and_normalises_spaces(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip()
    assert "  " not in folded


# --- tokens ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Mohamed El Idrissi", ["mohamed", "el", "idrissi"]),
        ("محمد بن علي", ["محمد", "بن", "علي"]),
        ("Fatim-Zahra فاطمة الزهراء", ["fatim", "zahra", "فاطمه", "الزهرا"]),
        ("Mohamedمحمد", ["mohamed", "محمد"]),
        ("محمد، علي؟ (Ali)", ["محمد", "علي", "ali"]),
        ("رقم ٣٤", ["رقم", "34"]),
        ("lot_12b", ["lot", "12b"]),
        ("M'hamed", ["mhamed"]),
        ("", []),
        (" -.' ", []),
    ],
)
def test_tokens(raw: str, expected: list[str]) -> None:
    assert tokens(raw) == expected


# --- skeletons ---------------------------------------------------------------------------

EQUAL_SPELLINGS = [
    ["محمد", "Mohamed", "Mohammed", "Mhamed", "Mohamad", "M'hamed", "مُحَمَّد"],
    ["أحمد", "Ahmed", "Ahmad"],
    ["فاطمة", "Fatima", "Fatema", "فاطمه"],
    ["الزهراء", "Zahra", "Zohra", "Ezzahra"],
    ["عبد", "Abd", "Abdel"],
    ["القادر", "Kader", "Qader", "Kadir"],
    ["يوسف", "Youssef", "Yousef", "Youcef"],
    ["خديجة", "Khadija", "Khadidja"],
    ["عائشة", "Aicha", "Aisha", "Aïcha"],
    ["مصطفى", "Mustapha", "Mostafa", "Moustafa"],
    ["سعيد", "Said", "Saïd"],
    ["عمر", "Omar"],
    ["علي", "Ali"],
    ["بن", "Ben", "Bin", "Ibn", "ابن"],
    ["الإدريسي", "Idrissi", "Elidrissi", "Drissi"],
    ["العلوي", "Alaoui", "Elalaoui"],
    ["حسن", "Hassan", "Hasan"],
    ["حسين", "Houssine", "Hussein", "Hocine"],
    ["رشيد", "Rachid", "Rashid"],
    ["نادية", "Nadia"],
    ["سلمى", "Salma"],
    ["إبراهيم", "Brahim", "Ibrahim"],
    ["الرحمن", "Rahmane", "Rahman"],
    ["عبدالقادر", "Abdelkader", "Abdelcader", "Abdulkader"],
    # Beyond the required pairs: the rules also cover these common names.
    ["نجاة", "Najat"],
    ["طه", "Taha"],
    ["الله", "Allah"],
    ["وفاء", "Ouafae", "Wafae"],
    ["أسامة", "Oussama"],
    ["العلمي", "Alami", "El-Alami"],
    ["الوزاني", "Ouazzani", "Elouazzani"],
    ["غيثة", "Ghita"],
    ["عثمان", "Othmane"],
    ["مبارك", "Mbarek", "M'barek"],
    ["الجيلالي", "Jilali", "Gilali"],
    ["مريم", "Meryem", "Mariam"],
    ["كوثر", "Kaoutar", "Kawtar"],
    ["يحيى", "Yahya"],
    ["بوشعيب", "Bouchaib"],
]


@pytest.mark.parametrize("spellings", EQUAL_SPELLINGS, ids=[group[1] for group in EQUAL_SPELLINGS])
def test_spellings_of_one_name_share_a_skeleton(spellings: list[str]) -> None:
    skeletons = {spelling: skeleton(spelling) for spelling in spellings}
    assert len(set(skeletons.values())) == 1, skeletons
    assert skeletons[spellings[0]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Karim", "Kamal"),
        ("Samir", "Amina"),
        ("Fatima", "Fatiha"),
        ("فاطمة", "فتيحة"),
        ("Nadia", "Nadir"),
        ("Mohamed", "Ahmed"),
        ("Youssef", "Younes"),
        ("خديجة", "حديجة"),
        ("Hamza", "Hamid"),
    ],
)
def test_different_names_have_different_skeletons(first: str, second: str) -> None:
    assert skeleton(first) != skeleton(second)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("Mohamed", "mhmd"),
        ("محمد", "mhmd"),
        ("Abdelkader", "bdkdr"),
        ("Rachid", "rcd"),
        ("Youcef", "ysf"),
        ("Mustapha", "mstf"),
        ("Yahya", "yh"),
        ("Ouafae", "wf"),
        ("Oussama", "sm"),
    ],
)
def test_skeleton_values(token: str, expected: str) -> None:
    assert skeleton(token) == expected


@pytest.mark.parametrize("article", ["el", "El", "al", "AL", "ال", ""])
def test_article_alone_has_empty_skeleton(article: str) -> None:
    assert skeleton(article) == ""


def test_article_prefix_is_removed() -> None:
    assert skeleton("الإدريسي") == skeleton("elidrissi") == skeleton("idrissi")


@pytest.mark.parametrize(
    ("glued", "abd", "rest"),
    [
        ("abdelkader", "عبد", "القادر"),
        ("abderrahmane", "عبد", "الرحمن"),
        ("abdellah", "عبد", "الله"),
        ("abdellatif", "عبد", "اللطيف"),
        ("abdelouahed", "عبد", "الواحد"),
        ("abdessamad", "عبد", "الصمد"),
    ],
)
def test_glued_abd_is_abd_plus_rest(glued: str, abd: str, rest: str) -> None:
    assert skeleton(glued) == skeleton(abd) + skeleton(rest)


def test_doubled_consonants_collapse() -> None:
    assert skeleton("Mohammed") == skeleton("Mohamed")
    assert skeleton("Essaidi") == skeleton("السعيدي")
    assert skeleton("Bennani") == skeleton("بناني")


def test_skeleton_of_digits_is_empty() -> None:
    assert skeleton("١٢٣") == skeleton("123") == ""


@given(st.text())
def test_skeleton_is_lowercase_ascii_letters(text: str) -> None:
    assert re.fullmatch(r"[a-z]*", skeleton(text))


# --- name skeletons ----------------------------------------------------------------------

SAME_FULL_NAMES = [
    ["عبد القادر", "Abd El Kader", "Abdelkader", "Abdel Kader", "Abd-el-Kader"],
    ["بن علي", "Benali", "Ben Ali", "Ibn Ali"],
    ["عبد الرحمن", "Abderrahmane", "Abderahman", "Abdul Rahman"],
    ["محمد بن علي", "Mohamed Benali", "Mhamed Ben Ali"],
    ["فاطمة الزهراء", "Fatima Zahra", "Fatim-Zahra", "Fatima Ezzahra"],
    ["الإدريسي", "El Idrissi", "Elidrissi", "Idrissi"],
    ["نور الدين", "Noureddine", "Nour Eddine", "نورالدين"],
    ["بن عبد الله", "Ben Abdallah", "Benabdallah"],
]


@pytest.mark.parametrize("spellings", SAME_FULL_NAMES, ids=[g[1] for g in SAME_FULL_NAMES])
def test_spellings_of_one_full_name_share_name_skeletons(spellings: list[str]) -> None:
    results = {spelling: tuple(name_skeletons(spelling)) for spelling in spellings}
    assert len(set(results.values())) == 1, results


def test_name_skeletons_values() -> None:
    assert name_skeletons("Abd El Kader") == ["bdkdr"]
    assert name_skeletons("محمد بن علي") == ["mhmd", "bnl"]
    assert name_skeletons("Mohamed El Idrissi") == ["mhmd", "drs"]
    assert name_skeletons("Mohamed Ben") == ["mhmd", "bn"]
    assert name_skeletons("el al ال") == []
    assert name_skeletons("") == []


# --- search and query terms --------------------------------------------------------------


def test_search_terms_shape() -> None:
    terms = search_terms("Mohamed El Idrissi", "محمد الإدريسي")
    words = terms.split(" ")
    assert terms == terms.strip()
    assert len(words) == len(set(words))
    assert words[:4] == ["mohamed", "mhmd", "el", "idrissi"]
    for expected in ["محمد", "الادريسي", "drs"]:
        assert expected in words
    assert all(words)


def test_search_terms_drop_short_skeletons() -> None:
    words = search_terms("Ali", "علي").split()
    assert words == ["ali", "علي"]


def test_search_terms_ignore_missing_names() -> None:
    assert search_terms() == ""
    assert search_terms(None, "", "  ") == ""
    assert search_terms(None, "Ahmed", "") == search_terms("Ahmed")


def test_search_terms_are_deterministic() -> None:
    assert search_terms("فاطمة الزهراء", "Fatima Zahra") == search_terms(
        "فاطمة الزهراء", "Fatima Zahra"
    )
    assert search_terms("Fatima Zahra").split() == ["fatima", "ftm", "zahra", "zhr", "ftmzhr"]


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("عبد القادر", "Abdelkader"),
        ("Abd El Kader", "Abdelkader"),
        ("Abdelkader", "عبد القادر"),
        ("فاطمة الزهراء", "Fatimazahra"),
        ("بن علي", "Benali"),
        ("الحسن", "Lahcen"),
        ("الهام", "Ilham"),
        ("محمد الإدريسي", "Mohammed Drissi"),
        ("Youssef Alaoui", "يوسف"),
    ],
)
def test_typed_skeletons_are_prefixes_of_indexed_terms(stored: str, typed: str) -> None:
    indexed = search_terms(stored).split()
    for folded, skel in query_terms(typed):
        assert any(term.startswith(folded) for term in indexed) or (
            skel and any(term.startswith(skel) for term in indexed)
        ), (folded, skel, indexed)


def test_query_terms_shape() -> None:
    assert query_terms("Abd El Kader") == [("abd", "bd"), ("el", ""), ("kader", "kdr")]
    assert query_terms("مُحَمَّد ٣") == [("محمد", "mhmd"), ("3", "")]
    assert query_terms("Ali") == [("ali", "")]
    assert query_terms("") == []
    assert query_terms("  ' - ") == []


def test_query_terms_while_typing_stay_prefixes() -> None:
    final = skeleton("Mohamed")
    for end in range(3, len("Mohamed") + 1):
        [(_, skel)] = query_terms("Mohamed"[:end])
        assert final.startswith(skel)


def test_search_terms_is_fast() -> None:
    names = ("Mohamed El Idrissi", "محمد الإدريسي")
    search_terms(*names)
    rounds = 2000
    start = time.perf_counter()
    for i in range(rounds):
        search_terms(f"{names[0]} {i}", names[1])
    per_call = (time.perf_counter() - start) / rounds
    assert per_call < 200e-6
