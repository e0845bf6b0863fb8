"""Person matching: how likely two person records are the same person, and why.

The same person is often recorded by several teams: in Arabic script by one, in a French-style
Latin spelling by another, with a first name only, a nickname or an approximate age. This module
scores a pair of person records (:func:`score`), lists the evidence as codes the UI translates
(:func:`explain`), and finds the likely duplicates among many records (:func:`find_candidates`).

Names are compared on the cross-script consonant skeletons of :mod:`fieldapp.domain.names`,
part by part and order-insensitively (Jaro-Winkler on skeletons, adjacent parts glued for
"Fatimazahra"), with a few Latin spellings the skeletons do not bring together (Rharbi for
Gharbi, Chergaoui for Cherkaoui, Lhoussine, Layachi, Elias). Skeletons drop vowels, so a part
whose long vowels disagree (Hassan and Houssine, محمد and محمود) does not count as a match.

The score is a logistic of summed log-odds weights: one per piece of evidence (CIN, names,
nickname, sex, age, province), each of which adds one :class:`Reason`. A first name alone, or
a nickname that is a title (Hajja), is weak evidence: a second team's "Fatima, about 30"
needs a birth date, a nickname or a CIN to become a candidate.

find_candidates compares records only within blocks that any pair scoring high shares (two
name parts, one with a slip; a CIN; a name part or nickname with the birth date; a nickname of
one's own), large blocks by sorted neighbourhood on the estimated birth date.
"""

from __future__ import annotations

import gc
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import combinations, pairwise
from typing import Any, Final

from fieldapp.domain.names import fold, name_skeletons, search_terms, skeleton, tokens

__all__ = [
    "DEFAULT_THRESHOLD",
    "REASON_CODES",
    "MatchStats",
    "Reason",
    "explain",
    "find_candidates",
    "find_candidates_with_stats",
    "score",
]

DEFAULT_THRESHOLD: Final = 0.5

REASON_CODES: Final = frozenset({
    "same_cin", "different_cin",
    "names_match_across_scripts", "names_match_same_script", "first_name_only",
    "names_partly_differ", "names_differ", "nickname_matches",
    "sex_differs", "same_birth_date", "age_close", "age_differs", "province_differs",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reason:
    """One piece of evidence: a stable ``code`` (see REASON_CODES) and its parameters.

    Params: ``names_match_*``: {"parts": name parts matched}; ``nickname_matches``:
    {"kind": "own" | "title_and_name" | "title"} (Zizou, Mi Fatna, Hajja); ``age_close`` and
    ``age_differs``: {"years": rounded difference}; ``province_differs``: {"a": code of the
    first record's province, "b": the second's}. Others have none.
    """

    code: str
    params: Mapping[str, int | str] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.params.items()))))


@dataclass(frozen=True, slots=True)
class MatchStats:
    """What a :func:`find_candidates_with_stats` run did."""

    persons: int
    blocks: int
    capped_blocks: int  # blocks compared by birth-date neighbourhood only
    pairs_compared: int
    candidates: int


# --- weights (log-odds) ------------------------------------------------------------------

_PRIOR = -2.0
_SAME_CIN = 7.0
_DIFFERENT_CIN = -8.0
_NAMES_FULL = 3.0  # two name parts or more match ...
_NAMES_FULL_QUALITY = 2.5  # ... plus this much when they match exactly
_NAMES_EXTRA_UNIT = 0.5  # per matched part beyond two
_NAMES_UNMATCHED_PART = -0.5  # per part of the longer name left over (at most two)
_FIRST_NAME_ONLY = 0.8
_NAMES_PARTLY_DIFFER = -3.5
_NAMES_DIFFER = -6.0
_NICKNAME = 2.2  # a nickname of one's own: Moul Zrabi, Zizou, Bouchta
_NICKNAME_TITLE_AND_NAME = 1.0  # a title and a first name: Mi Fatna, Ba Driss, Haj Moussa
_NICKNAME_TITLE = 0.4  # a title only: L'hadj, Hajja, Chrif, Lmaalem
_SEX_DIFFERS = -8.0
_SAME_BIRTH_DATE = 4.0
_AGE_CLOSE = 0.7  # within _AGE_CLOSE_YEARS
_AGE_SOMEWHAT_OFF = -1.0  # between _AGE_OFF_YEARS and _AGE_FAR_YEARS
_AGE_FAR = -4.0  # beyond _AGE_FAR_YEARS, minus _AGE_FAR_PER_YEAR a year more
_AGE_FAR_PER_YEAR = 1.0
_AGE_FAR_CAP = -10.0
_PROVINCE_DIFFERS = -0.7

_AGE_CLOSE_YEARS = 3.0
_AGE_OFF_YEARS = 6.0
_AGE_FAR_YEARS = 8.0
_APPROXIMATE_SLACK = 1.0  # more years allowed per approximate age, before a difference counts

_MATCH = 0.85  # Jaro-Winkler on skeletons from which two name parts match
_TYPO_SIMILARITY = 0.9  # of two Latin spellings one slip apart (Hicahm, Hicham) ...
_TYPO_MIN_SKELETON = 4  # ... when the skeleton of one is this long
_TYPO_MIN_LETTERS = 5  # Latin spellings this long have a block key for swapped letters
_TYPO_MIN_DELETIONS = 5  # skeletons this long have block keys with a letter less
_LATIN_VOWELS_MATCH = 0.8  # below this, two Latin spellings of one skeleton are two names

# Compared by sorted neighbourhood only: beyond this many years apart the age weight alone
# puts a pair below any sensible threshold (unless the CIN is the same: CIN blocks are whole).
_BLOCK_AGE_WINDOW = 14.0
_NICKNAME_AGE_WINDOW = 10.0  # blocks on a nickname alone: nothing else can outweigh the age
_COMMON_NICKNAME = 50  # records: a nickname this common is not searched on alone
_SMALL_BLOCK = 60  # records; larger blocks are compared by sorted neighbourhood: each record
_MAX_NEIGHBOURS = 150  # with at most this many born after it, fewer in very large blocks
_BLOCK_BUDGET = 10_000  # (about this many pairs a block)
_MIN_NEIGHBOURS = 10

_YEAR_DAYS = 365.2425

# Compound first names: when a whole name is one of these it is a first name only.
_COMPOUND_FIRST_NAMES = (
    "Fatima Zahra", "Mohamed Amine", "Mohamed Ali", "Mohamed Reda", "Mohamed Yassine",
    "Mohamed Karim", "Mohamed Said", "Mohamed Taha", "Mohamed Mehdi", "Ahmed Amine",
    "Oum Keltoum", "Oum Kaltoum", "Sidi Mohamed", "Lalla Fatima", "Moulay Ahmed",
)  # fmt: skip


# --- name forms --------------------------------------------------------------------------


# Units and forms are interned and hash by identity: the caches keyed on them would otherwise
# hash their contents on every look-up, and Mohamed and Mohammed become one unit.
@dataclass(frozen=True, slots=True, eq=False)
class _Unit:
    """A name part, or two adjacent parts glued (Fatima Zahra as in Fatimazahra)."""

    arabic: bool
    skeletons: tuple[str, ...]  # the skeleton, then other readings of the spelling
    # when the unit is one word, its vowels (Latin: the word with spelling habits folded, see
    # _latin_vowels; Arabic: its long vowels, see _arabic_vowels); else None
    vowels: str | None
    # _unit_similarity with the units met so far (as many as there are names around)
    similar: dict[_Unit, float] = field(default_factory=dict, repr=False)


@dataclass(frozen=True, slots=True, eq=False)
class _Form:
    """One written form of a name (Arabic or Latin script): its parts and units."""

    arabic: bool
    parts: tuple[str, ...]
    units: tuple[_Unit, ...]
    covers: tuple[frozenset[int], ...]  # the parts each unit covers
    particles: frozenset[int]  # parts that are particles of a family name: Ait, Bou, Bel


@lru_cache(maxsize=1 << 16)
def _unit(arabic: bool, skeletons: tuple[str, ...], vowels: str | None) -> _Unit:
    return _Unit(arabic, skeletons, vowels)


_LATIN_READINGS = (
    (re.compile(r"rh(?=[aeiouy])"), "gh"),  # Rharbi, Amrhar: French "rh" for غ
    (re.compile(r"g(?![heiy])"), "k"),  # Chergaoui: "g" for ق
    (re.compile(r"^abdel(?=[aeiou])"), "abdell"),  # Abdelatif: the L of Latif, not of El
    (re.compile(r"(?<=[a-z]{2}[^l])ah$"), "a"),  # Samirah: ta marbuta
    (re.compile(r"^el(?=[aeiou][a-z]{2})"), "l"),  # Elias: not an article
    (re.compile(r"^l(?=[^eiou][a-z]{3})"), ""),  # Lhoussine, Lazrak, Layachi: glued article
)
_DOUBLE_RE = re.compile(r"(.)\1+")
# Words that begin family names written in two words (folded): Ait Ali, Bou Zid, Bel Haj.
_PARTICLES = frozenset({"ait", "ayt", "bou", "bel", "ould", "oulad", "ouled",
                        "ايت", "بو", "بل", "ولد", "اولاد"})


def _latin_alternative(token: str) -> str:
    """Another reading of a folded Latin token, for spellings skeletons keep apart."""
    for pattern, repl in _LATIN_READINGS:
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=1 << 16)
def _word(token: str, hamza_alef: bool = False) -> tuple[str, _Unit]:
    """Skeleton of a folded word, and the unit it makes when it is a name part by itself.
    `hamza_alef`: the word was written with أل or إل, which folds to the article ال."""
    main = skeleton(token)
    readings = [main]
    if token.isascii():
        readings.append(skeleton(_latin_alternative(token)))
    elif hamza_alef:  # إلياس and إلهام are Ilyas and Ilham, not an article and Yas or Ham
        readings += [t for t in search_terms(token).split() if t.isascii()]
    vowels = _latin_vowels(token) if token.isascii() else _arabic_vowels(token)
    return main, _unit(not token.isascii(), tuple(dict.fromkeys(r for r in readings if r)),
                       vowels)


@lru_cache(maxsize=1 << 18)
def _form(text: str) -> _Form | None:
    parts = tuple(name_skeletons(text))
    if not parts:
        return None
    toks = tokens(text)
    arabic = not all(t.isascii() for t in toks)
    hamza = {fold(w) for w in text.split() if w.startswith(("إل", "أل"))} if arabic else set()
    words = [(*w, t) for t in toks if (w := _word(t, t in hamza))[0]]
    units: list[_Unit] = []
    particles: set[int] = set()
    j = 0
    for i, part in enumerate(parts):
        if j < len(words) and words[j][0] == part:
            units.append(words[j][1])
            if words[j][2] in _PARTICLES:
                particles.add(i)
            j += 1
            continue
        units.append(_unit(arabic, (part,), None))  # glued words (Abd El Kader): no vowels
        following = parts[i + 1] if i + 1 < len(parts) else None
        while j < len(words) and words[j][0] != following:
            j += 1
    covers = [frozenset((i,)) for i in range(len(parts))]
    for i, (p, q) in enumerate(pairwise(parts)):
        # Latin words glued keep their spelling, as Fatimazahra or Abdelkader would have it
        va, vb = units[i].vowels, units[i + 1].vowels
        vowels = va + vb if va is not None and vb is not None and not arabic else None
        units.append(_unit(arabic, (_DOUBLE_RE.sub(r"\1", p + q),), vowels))
        covers.append(frozenset((i, i + 1)))
    return _interned_form(arabic, parts, tuple(units), tuple(covers), frozenset(particles))


@lru_cache(maxsize=1 << 17)
def _interned_form(arabic: bool, parts: tuple[str, ...], units: tuple[_Unit, ...],
                   covers: tuple[frozenset[int], ...], particles: frozenset[int]) -> _Form:
    return _Form(arabic, parts, units, covers, particles)


@lru_cache(maxsize=1 << 18)
def _forms_of(name_ar: str, name_lat: str) -> tuple[_Form, ...]:
    return tuple(f for text in (name_ar, name_lat) if text and (f := _form(text)) is not None)


# Words of respect and trades that many people are called by (folded).
_TITLES = frozenset({
    "hadj", "haj", "hajj", "lhaj", "lhadj", "lhajj", "hajja", "hadja", "lhajja", "lalla", "lala",
    "mi", "ba", "sidi", "si", "moulay", "cherif", "chrif", "cherifa", "chrifa", "chérif",
    "maalem", "lmaalem", "mealem", "mama", "khali", "ammi", "cheikh", "chikh", "fqih",
    "الحاج", "حاج", "الحاجه", "حاجه", "لاله", "لالا", "مي", "با", "سيدي", "مولاي", "الشريف",
    "الشريفه", "شريف", "المعلم", "معلم", "ماما", "خالي", "عمي", "الشيخ", "شيخ", "الفقيه",
})  # fmt: skip


@lru_cache(maxsize=4096)
def _nickname(nickname: str) -> tuple[frozenset[str], float]:
    """Keys a nickname is compared by (folded, and skeleton in either script), and what a
    match on it weighs."""
    keys = {fold(nickname)}
    for text in (nickname, " ".join(_latin_alternative(t) for t in tokens(nickname))):
        joined = "".join(name_skeletons(text))
        if len(joined) >= 2:
            keys.add(joined)
    words = tokens(nickname)
    titles = sum(w in _TITLES for w in words)
    weight = (_NICKNAME if not titles else _NICKNAME_TITLE if titles == len(words)
              else _NICKNAME_TITLE_AND_NAME)
    return frozenset(k for k in keys if k), weight


@lru_cache(maxsize=16)
def _compound_first_names() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(name_skeletons(n)) for n in _COMPOUND_FIRST_NAMES)


# --- similarity of name parts ------------------------------------------------------------


@lru_cache(maxsize=262144)
def _jaro_winkler(s1: str, s2: str) -> float:
    if s1 == s2:
        return 1.0
    n1, n2 = len(s1), len(s2)
    if not n1 or not n2:
        return 0.0
    window = max(0, max(n1, n2) // 2 - 1)
    used = [False] * n2
    matched1: list[str] = []
    matched_at: list[int] = []
    for i, c in enumerate(s1):
        for j in range(max(0, i - window), min(n2, i + window + 1)):
            if not used[j] and s2[j] == c:
                used[j] = True
                matched1.append(c)
                matched_at.append(j)
                break
    m = len(matched1)
    if not m:
        return 0.0
    matched2 = [s2[j] for j in sorted(matched_at)]
    half_transpositions = sum(a != b for a, b in zip(matched1, matched2, strict=True))
    jaro = (m / n1 + m / n2 + (m - half_transpositions / 2) / m) / 3
    prefix = 0
    for a, b in zip(s1[:4], s2[:4], strict=False):
        if a != b:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


def _skeleton_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    a_abd, b_abd = a.startswith("bd"), b.startswith("bd")
    if a_abd != b_abd:
        return 0.0  # Abderrahmane is not Brahim
    if a_abd or (a.startswith("bn") and b.startswith("bn")):
        a, b = a[2:], b[2:]  # Abdelkader and Abdelkrim share only "Abd"
    if len(a) <= 3 or len(b) <= 3:
        return 0.0  # a letter more or less in a short skeleton is another name: Mehdi, Mohamed
    return _jaro_winkler(a, b)


def _swapped(a: str, b: str) -> bool:
    """Whether two spellings differ by two neighbouring letters swapped, a slip of the hand
    (Hicahm); a letter more, less or another is as often another name (Yamina, Fatiha)."""
    if len(a) != len(b):
        return False
    diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (len(diffs) == 2 and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])


_AR_LONG_VOWELS = {"و": "u", "ي": "i"}
_VNORM_STEPS = (
    (re.compile(r"(?<=...)e$"), ""),  # silent final e: Houssine, Imane
    (re.compile(r"^[ae](ch|[tszrndl])\1"), r"\1"),  # sun-letter article: Echcherkaoui
    (re.compile(r"^(el|al)(?=[^aeiou]..)"), ""),
    (re.compile(r"sh"), "ch"),
    (re.compile(r"(ph)"), "f"),
    (re.compile(r"(dj)"), "j"),
    (re.compile(r"(th)"), "t"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"[qc]"), "k"),
    (re.compile(r"(ou|o|w)"), "u"),
    (re.compile(r"(ee|y)"), "i"),
    (re.compile(r"e"), "a"),
    (re.compile(r"(.)\1+"), r"\1"),
)


@lru_cache(maxsize=65536)
def _latin_vowels(token: str) -> str:
    """A Latin token with its vowels in three classes and spelling habits folded."""
    for pattern, repl in _VNORM_STEPS:
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=65536)
def _arabic_vowels(token: str) -> str:
    """Long vowels written inside an Arabic word (article, first and last letter aside)."""
    word = token[2:] if token.startswith("ال") and len(token) > 3 else token
    return "".join(_AR_LONG_VOWELS.get(c, "") for c in word[1:-1])


def _vowels_conflict(a: str, a_arabic: bool, b: str, b_arabic: bool) -> bool:
    """Whether two spellings of one skeleton are two names (حسن and حسين, Hassan and
    Houssine), from their vowels (see _Unit.vowels)."""
    if a_arabic and b_arabic:
        return a != b
    if not a_arabic and not b_arabic:
        # from either end: Idrissi and Drissi differ at the start, Amina and Imane throughout
        return max(_jaro_winkler(a, b), _jaro_winkler(a[::-1], b[::-1])) < _LATIN_VOWELS_MATCH
    arabic, latin = (a, b) if a_arabic else (b, a)
    # Arabic writes long vowels only; Latin writes them all: only one direction is evidence.
    return ("i" in arabic and "i" not in latin) or ("u" in arabic and "u" not in latin)


# --- comparing two names -----------------------------------------------------------------

_ABSENT, _DIFFER, _PARTLY, _FIRST_ONLY, _FULL = range(5)


@dataclass(frozen=True, slots=True)
class _NameMatch:
    kind: int
    weight: float
    units: int  # matched parts (glued parts count once)
    same_script: bool


_NO_NAMES = _NameMatch(_ABSENT, 0.0, 0, False)


def _unit_similarity(ua: _Unit, ub: _Unit) -> float:
    """How alike two units are, from _MATCH to 1; 0.0 when they are not one name."""
    sim = ua.similar.get(ub)
    if sim is None:
        sim = ua.similar[ub] = ub.similar[ua] = _unit_similarity_of(ua, ub)
    return sim


def _unit_similarity_of(ua: _Unit, ub: _Unit) -> float:
    a_arabic, b_arabic = ua.arabic, ub.arabic
    va, vb = ua.vowels, ub.vowels
    if va is not None and va == vb and not a_arabic and not b_arabic:
        return 1.0  # one Latin spelling, once spelling habits are folded: Abbdel Kader
    sim = max(_skeleton_similarity(x, y) for x in ua.skeletons for y in ub.skeletons)
    if (sim < _MATCH and va and vb and not a_arabic and not b_arabic
            and max(len(ua.skeletons[0]), len(ub.skeletons[0])) >= _TYPO_MIN_SKELETON
            and _swapped(va, vb)):
        sim = _TYPO_SIMILARITY  # a slip that changes the skeleton: Hicahm
    if sim < _MATCH:
        return 0.0
    if va is not None and vb is not None and _vowels_conflict(va, a_arabic, vb, b_arabic):
        return 0.0
    return sim


def _compare_forms(fa: _Form, fb: _Form) -> _NameMatch:
    return _compare_forms_of(fa, fb) if id(fa) < id(fb) else _compare_forms_of(fb, fa)


@lru_cache(maxsize=1 << 18)
def _compare_forms_of(fa: _Form, fb: _Form) -> _NameMatch:
    same_script = fa.arabic == fb.arabic
    parts = len(fa.parts)
    if fa.parts == fb.parts or (parts == 2 and fa.parts == fb.parts[::-1]):
        # the common case, spelling variants of one name: part by part (or swapped, as on
        # the ID card), unless their vowels tell two names apart
        order = range(parts) if fa.parts == fb.parts else (1, 0)
        if all(_unit_similarity(fa.units[i], fb.units[j]) for i, j in enumerate(order)):
            if parts == 1:
                return _NameMatch(_FIRST_ONLY, _FIRST_NAME_ONLY, 1, same_script)
            return _NameMatch(_FULL, _NAMES_FULL + _NAMES_FULL_QUALITY
                              + _NAMES_EXTRA_UNIT * (parts - 2), parts, same_script)
    scored: list[tuple[float, int, int, int, frozenset[int], frozenset[int]]] = []
    for ua, covers_a in zip(fa.units, fa.covers, strict=True):
        glued = len(covers_a) > 1
        similar = ua.similar
        size = len(ua.skeletons[0])
        for ub, covers_b in zip(fb.units, fb.covers, strict=True):
            if glued and len(covers_b) > 1:
                continue  # two glued pairs: the same as their parts one by one
            other = len(ub.skeletons[0])
            if (glued or len(covers_b) > 1) and (2 * size < other or 2 * other < size):
                continue  # a glued pair and a part under half as long: Mohamed, Mohamed Zahrani
            sim = similar.get(ub)
            if sim is None:
                sim = _unit_similarity(ua, ub)
            if sim:
                first_a, first_b = min(covers_a), min(covers_b)
                scored.append((-sim, -size - other, min(first_a, first_b),
                               max(first_a, first_b), covers_a, covers_b))
    # best first; ties broken alike whichever name comes first, for a symmetric score
    scored.sort(key=lambda s: s[:4])
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    sims: list[tuple[float, int]] = []
    for minus_sim, minus_length, _, _, covers_a, covers_b in scored:
        if taken_a.isdisjoint(covers_a) and taken_b.isdisjoint(covers_b):
            taken_a |= covers_a
            taken_b |= covers_b
            sims.append((-minus_sim, -minus_length))
    units = len(sims)
    if not units:
        return _NameMatch(_DIFFER, _NAMES_DIFFER, 0, same_script)
    full_a, full_b = len(taken_a) == len(fa.parts), len(taken_b) == len(fb.parts)
    if not (full_a or full_b):
        return _NameMatch(_PARTLY, _NAMES_PARTLY_DIFFER, units, same_script)
    shorter = fa if full_a and (not full_b or len(fa.parts) <= len(fb.parts)) else fb
    left_over = abs(len(fa.parts) - len(taken_a)) + abs(len(fb.parts) - len(taken_b))
    quality = sum(s * n for s, n in sims) / sum(n for _, n in sims)
    quality = max(0.0, (quality - _MATCH) / (1 - _MATCH))
    if units == 1 or (left_over and shorter.parts in _compound_first_names()):
        return _NameMatch(_FIRST_ONLY, _FIRST_NAME_ONLY * (0.5 + 0.5 * quality), units,
                          same_script)
    weight = (_NAMES_FULL + _NAMES_FULL_QUALITY * quality + _NAMES_EXTRA_UNIT * (units - 2)
              + _NAMES_UNMATCHED_PART * min(2, left_over))
    return _NameMatch(_FULL, weight, units, same_script)


def _compare_names(fa: tuple[_Form, ...], fb: tuple[_Form, ...]) -> _NameMatch:
    return _compare_names_of(fa, fb) if hash(fa) <= hash(fb) else _compare_names_of(fb, fa)


@lru_cache(maxsize=1 << 18)
def _compare_names_of(fa: tuple[_Form, ...], fb: tuple[_Form, ...]) -> _NameMatch:
    """The best match of any form of one name with any of the other. Records in a script
    they share meet there; across scripts only when that leaves something unsaid (no match,
    or one record's forms give more name parts in one script than in the other)."""
    best = _NO_NAMES
    for same_script in (True, False):
        for a in fa:
            for b in fb:
                if (a.arabic == b.arabic) != same_script:
                    continue
                if best.kind == _FULL and best.weight >= _NAMES_FULL + _NAMES_FULL_QUALITY + (
                        _NAMES_EXTRA_UNIT * (min(len(a.parts), len(b.parts)) - 2)):
                    continue  # these forms could do no better: Arabic ones matched already
                m = _compare_forms(a, b)
                if best is _NO_NAMES or (m.weight, m.units) > (best.weight, best.units):
                    best = m
        if best.kind == _FULL or (best is not _NO_NAMES and _consistent(fa) and _consistent(fb)):
            break
    return best


def _consistent(forms: tuple[_Form, ...]) -> bool:
    return len(forms) < 2 or len(forms[0].parts) == len(forms[1].parts)


# --- persons -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Person:
    forms: tuple[_Form, ...]
    nicknames: frozenset[str]
    nickname_weight: float
    cin: str
    sex: str
    birth: float | None  # estimated birth, in years since year 1
    birth_date: str  # when known exactly
    province: str


def _day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _person(record: Mapping[str, Any], today: date) -> _Person:
    name_ar = record.get("name_ar") or ""
    name_lat = record.get("name_lat") or ""
    nickname = record.get("nickname") or ""
    nicknames, nickname_weight = _nickname(nickname) if nickname else (frozenset(), 0.0)
    birth: float | None = None
    birth_date = ""
    if (born := _day(record.get("birth_date"))) and (born.month, born.day) == (1, 1):
        # 1 January stands in for "born that year" on many papers: the year alone is known
        birth = date(born.year, 7, 1).toordinal() / _YEAR_DAYS
    elif born:
        birth, birth_date = born.toordinal() / _YEAR_DAYS, born.isoformat()
    elif (age := record.get("approx_age")) is not None and str(age).strip().isdigit():
        noted = _day(record.get("age_noted_on")) or today
        # an age in whole years: the birthday is, on average, half a year further back
        birth = noted.toordinal() / _YEAR_DAYS - int(age) - 0.5
    return _Person(
        forms=_forms_of(name_ar, name_lat),
        nicknames=nicknames,
        nickname_weight=nickname_weight,
        cin=str(record.get("cin") or "").strip().upper(),
        sex=str(record.get("sex") or ""),
        birth=birth,
        birth_date=birth_date,
        province=str(record.get("province") or ""),
    )


def _log_odds(a: _Person, b: _Person, reasons: list[Reason] | None) -> float:
    """Summed evidence for "same person"; appends one Reason per weight when asked."""
    total = _PRIOR
    if a.cin and b.cin:
        same = a.cin == b.cin
        total += _SAME_CIN if same else _DIFFERENT_CIN
        if reasons is not None:
            reasons.append(Reason("same_cin" if same else "different_cin"))
    names = _compare_names(a.forms, b.forms) if a.forms and b.forms else _NO_NAMES
    total += names.weight
    if reasons is not None and names.kind != _ABSENT:
        code = {
            _DIFFER: "names_differ",
            _PARTLY: "names_partly_differ",
            _FIRST_ONLY: "first_name_only",
            _FULL: "names_match_same_script" if names.same_script
            else "names_match_across_scripts",
        }[names.kind]
        reasons.append(Reason(code, {"parts": names.units} if names.kind == _FULL else {}))
    if a.nicknames and not a.nicknames.isdisjoint(b.nicknames):
        weight = min(a.nickname_weight, b.nickname_weight)
        total += weight
        if reasons is not None:
            kind = ("own" if weight == _NICKNAME else "title" if weight == _NICKNAME_TITLE
                    else "title_and_name")
            reasons.append(Reason("nickname_matches", {"kind": kind}))
    if a.sex and b.sex and a.sex != b.sex:
        total += _SEX_DIFFERS
        if reasons is not None:
            reasons.append(Reason("sex_differs"))
    if a.birth is not None and b.birth is not None:
        if a.birth_date and a.birth_date == b.birth_date:
            total += _SAME_BIRTH_DATE
            if reasons is not None:
                reasons.append(Reason("same_birth_date"))
        else:
            years = abs(a.birth - b.birth)
            slack = _APPROXIMATE_SLACK * ((not a.birth_date) + (not b.birth_date))
            weight, code = _age_weight(years, slack)
            total += weight
            if reasons is not None and code:
                reasons.append(Reason(code, {"years": round(years)}))
    if a.province and b.province and a.province != b.province:
        total += _PROVINCE_DIFFERS
        if reasons is not None:
            reasons.append(Reason("province_differs", {"a": a.province, "b": b.province}))
    return total


def _age_weight(years: float, slack: float) -> tuple[float, str]:
    if years <= _AGE_CLOSE_YEARS:
        return _AGE_CLOSE, "age_close"
    if years <= _AGE_OFF_YEARS + slack:
        return 0.0, ""  # approximate ages are often this far off
    if years <= _AGE_FAR_YEARS + slack:
        return _AGE_SOMEWHAT_OFF, "age_differs"
    far = _AGE_FAR - _AGE_FAR_PER_YEAR * (years - _AGE_FAR_YEARS - slack)
    return max(_AGE_FAR_CAP, far), "age_differs"


def _probability(log_odds: float) -> float:
    return 1.0 / (1.0 + math.exp(-log_odds))


# --- public API --------------------------------------------------------------------------


def score(a: Mapping[str, Any], b: Mapping[str, Any]) -> float:
    """Likelihood in [0, 1] that two person records are the same person."""
    today = date.today()
    return _probability(_log_odds(_person(a, today), _person(b, today), None))


def explain(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[float, list[Reason]]:
    """:func:`score` and the evidence behind it, strongest kinds first (CIN, names, ...)."""
    today = date.today()
    reasons: list[Reason] = []
    log_odds = _log_odds(_person(a, today), _person(b, today), reasons)
    return _probability(log_odds), reasons


def find_candidates(
    persons: Iterable[Mapping[str, Any]], threshold: float = DEFAULT_THRESHOLD
) -> list[tuple[str, str, float, list[Reason]]]:
    """Likely duplicates: (id_a, id_b, score, reasons) with id_a < id_b, best first.

    Records are compared within blocks only (same CIN; two name parts in common; one name
    part and the birth date or the nickname; a nickname of one's own, unless more than
    _COMMON_NICKNAME records share it); large blocks are compared by sorted neighbourhood
    on the estimated birth date. Deleted and merged records, and repeated ids, are left out.
    """
    return find_candidates_with_stats(persons, threshold)[0]


def find_candidates_with_stats(
    persons: Iterable[Mapping[str, Any]], threshold: float = DEFAULT_THRESHOLD
) -> tuple[list[tuple[str, str, float, list[Reason]]], MatchStats]:
    """:func:`find_candidates`, and how much work it took."""
    with _collector_paused():
        return _find_candidates(persons, threshold)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused: a run allocates millions of objects and none of
    them in cycles, and each collection would walk every one of them (a run takes ~3x longer)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _find_candidates(
    persons: Iterable[Mapping[str, Any]], threshold: float
) -> tuple[list[tuple[str, str, float, list[Reason]]], MatchStats]:
    today = date.today()
    ids: list[str] = []
    people: list[_Person] = []
    known: set[str] = set()
    for record in persons:
        person_id = str(record["id"])
        if record.get("deleted") or record.get("merged_into") or person_id in known:
            continue
        known.add(person_id)
        ids.append(person_id)
        people.append(_person(record, today))
    blocks: defaultdict[str, list[int]] = defaultdict(list)
    for index, person in enumerate(people):
        for block_key in _block_keys(person):
            blocks[block_key].append(index)
    # a log-odds bound rather than a probability: no exp() per pair
    bound = math.log(threshold / (1 - threshold)) if 0 < threshold < 1 else (
        -math.inf if threshold <= 0 else math.inf)
    births = [p.birth for p in people]
    seen: set[int] = set()
    seen_blocks: set[tuple[int, ...]] = set()
    found: list[tuple[int, int]] = []
    n = len(people)
    compared = capped = used_blocks = 0
    for block_key, members in blocks.items():
        if len(members) < 2:
            continue
        kind = block_key[:2]
        if kind == "k:" and "|" not in block_key and len(members) > _COMMON_NICKNAME:
            continue  # identifies no one alone; beside a name or a birth date it has blocks
        signature = tuple(members)
        if signature in seen_blocks:
            continue  # the same records under another key (a name's slips, its readings)
        seen_blocks.add(signature)
        used_blocks += 1
        if kind in ("c:", "b:") or "|b:" in block_key:
            window = math.inf  # same CIN or same birth date: the age says nothing more
        else:
            window = _NICKNAME_AGE_WINDOW if kind == "k:" else _BLOCK_AGE_WINDOW
        neighbours = len(members)
        if neighbours > _SMALL_BLOCK:
            capped += 1
            neighbours = max(_MIN_NEIGHBOURS, min(_MAX_NEIGHBOURS, _BLOCK_BUDGET // neighbours))
        for i, j in _block_pairs(members, births, window, neighbours):
            if i > j:
                i, j = j, i
            pair = i * n + j
            if i == j or pair in seen:
                continue
            seen.add(pair)
            compared += 1
            if _log_odds(people[i], people[j], None) >= bound:
                found.append((i, j))
    result: list[tuple[str, str, float, list[Reason]]] = []
    for i, j in found:
        if ids[j] < ids[i]:
            i, j = j, i
        reasons: list[Reason] = []
        p = _probability(_log_odds(people[i], people[j], reasons))
        if p >= threshold:
            result.append((ids[i], ids[j], p, reasons))
    result.sort(key=lambda c: (-c[2], c[0], c[1]))
    stats = MatchStats(len(people), used_blocks, capped, compared, len(result))
    return result, stats


# --- blocking ----------------------------------------------------------------------------


def _deletions(s: str) -> set[str]:
    return {s[:k] + s[k + 1:] for k in range(len(s))}


@lru_cache(maxsize=65536)
def _typo_variants(unit: _Unit, by_spelling: bool) -> frozenset[str]:
    """Keys shared by a unit and its slips: a long skeleton with a letter less (shorter ones
    less a letter are other names: Bensaid, Bennis), and for a Latin word its letters in
    order, which two letters swapped do not change (Hicahm)."""
    main = unit.skeletons[0]
    out = _deletions(main) if len(main) >= _TYPO_MIN_DELETIONS else set()
    vowels = unit.vowels
    if by_spelling and vowels is not None and len(vowels) >= _TYPO_MIN_LETTERS:
        out.add("~" + "".join(sorted(vowels)))
    return frozenset(out)


@lru_cache(maxsize=1 << 17)
def _name_keys(forms: tuple[_Form, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Block keys of a name (pairs of units, one of them perhaps with a slip) and every
    reading of its units, for keys with a birth date or a nickname."""
    keys: set[str] = set()
    readings: set[str] = set()
    for form in forms:
        for unit in form.units:
            readings.update(unit.skeletons)
        # in longer names particles (Ait, Bou) pair up only glued to their neighbour: "Ait"
        # and "Ali" together are a family name, not a person
        units = [(u, c) for u, c in zip(form.units, form.covers, strict=True)
                 if len(form.parts) < 3 or len(c) > 1 or c.isdisjoint(form.particles)]
        for (ua, ca), (ub, cb) in combinations(units, 2):
            if not ca.isdisjoint(cb):
                continue
            for u in ua.skeletons:
                for v in ub.skeletons:
                    keys.add(f"{u}|{v}" if u < v else f"{v}|{u}")
            # a slip in one of the two: that one with a letter less, or its spelling so
            for this, other, glued in ((ua, ub, len(ca) > 1), (ub, ua, len(cb) > 1)):
                v = other.skeletons[0]
                for d in _typo_variants(this, not (form.arabic or glued)):
                    keys.add(f"{d}|{v}" if d < v else f"{v}|{d}")
    return frozenset(keys), frozenset(readings)


def _block_keys(p: _Person) -> set[str]:
    """Keys under which a record is compared: any pair that can score high shares one."""
    name_keys, readings = _name_keys(p.forms)
    keys = set(name_keys)
    if p.cin:
        keys.add("c:" + p.cin)
    corroborating = ["k:" + k for k in p.nicknames]
    if p.nickname_weight == _NICKNAME:
        keys.update(corroborating)
    if p.birth_date:
        birth = "b:" + p.birth_date
        keys.add(birth)  # a birth date is rarely shared: a nickname-only record meets a name
        keys.update(f"{c}|{birth}" for c in corroborating)
        corroborating.append(birth)
    keys.update(f"{u}|{c}" for u in readings for c in corroborating)
    return keys


def _block_pairs(members: list[int], births: list[float | None], window: float,
                 neighbours: int) -> Iterable[tuple[int, int]]:
    """Pairs of a block: each record with the next `neighbours` born within `window` years
    after it; records without an age with every record (or `neighbours` spread evenly)."""
    if window == math.inf and neighbours >= len(members):
        yield from combinations(members, 2)
        return
    aged = sorted((m for m in members if births[m] is not None), key=lambda m: births[m] or 0.0)
    for k, i in enumerate(aged):
        limit = (births[i] or 0.0) + window
        for j in aged[k + 1:k + 1 + neighbours]:
            if (births[j] or 0.0) > limit:
                break
            yield i, j
    step = max(1, len(members) // neighbours)
    for i in members:
        if births[i] is None:
            for j in members[::step]:
                yield i, j
