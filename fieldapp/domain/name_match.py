"""Comparing two names: written forms in Arabic and Latin script, how alike two name parts
are, and what a pair of names is worth as evidence that two records are one person.

Names are compared on the cross-script consonant skeletons of :mod:`fieldapp.domain.names`,
part by part and order-insensitively (Jaro-Winkler on skeletons, adjacent parts glued for
"Fatimazahra"), with a few Latin spellings the skeletons do not bring together (Rharbi for
Gharbi, Chergaoui for Cherkaoui, Lhoussine, Layachi, Elias). Skeletons drop vowels, so a part
whose long vowels disagree (Hassan and Houssine, محمد and محمود) does not count as a match.

:func:`compare_names` gives a :class:`NameMatch`: its kind (FULL, FIRST_ONLY, PARTLY,
DIFFER, ABSENT), its log-odds weight, and the skeletons of the parts that matched (how common
those are is weighed by :mod:`fieldapp.domain.population`). Nicknames are compared by
:func:`nickname_keys`. Used by :mod:`fieldapp.domain.matching`; no Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Final

from fieldapp.domain.names import _join_skeletons as join_skeletons
from fieldapp.domain.names import (
    fold,
    name_skeletons,
    plain_word,
    search_terms,
    skeleton,
    tokens,
)

# --- weights (log-odds) ------------------------------------------------------------------

_NAMES_FULL = 3.0  # two name parts or more match ...
_NAMES_FULL_QUALITY = 2.5  # ... plus this much when they match exactly
_NAMES_EXTRA_UNIT = 0.5  # per matched part beyond two
_NAMES_UNMATCHED_PART = -0.5  # per part of the longer name left over (at most two)
_FIRST_NAME_ONLY = 0.8
_NAMES_PARTLY_DIFFER = -3.5
_NAMES_DIFFER = -6.0
# the most two names can weigh: alike in two parts, and this much for each part more
NAMES_BEST = _NAMES_FULL + _NAMES_FULL_QUALITY
NAMES_PER_PART = _NAMES_EXTRA_UNIT
FIRST_NAME_BEST = _FIRST_NAME_ONLY
NICKNAME_OWN = 2.2  # a nickname of one's own: Moul Zrabi, Zizou, Bouchta
# a title and a first name: Mi Fatna, Ba Driss, Haj Moussa; the short form of one's own
# first name (Simo for a Mohamed): it says little more than the name
NICKNAME_TITLE_AND_NAME = 1.0
NICKNAME_TITLE = 0.4  # a title only: L'hadj, Hajja, Chrif, Lmaalem

_MATCH = 0.85  # Jaro-Winkler on skeletons from which two name parts match
_TYPO_SIMILARITY = 0.9  # of two Latin spellings one slip apart (Hicahm, Hicham) ...
_TYPO_MIN_SKELETON = 4  # ... when the skeleton of one is this long
_LATIN_VOWELS_MATCH = 0.8  # below this, two Latin spellings of one skeleton are two names

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
class Unit:
    """A name part, or two adjacent parts glued (Fatima Zahra as in Fatimazahra)."""

    arabic: bool
    skeletons: tuple[str, ...]  # the skeleton, then other readings of the spelling
    # when the unit is one word, its vowels (Latin: the word with spelling habits folded, see
    # _latin_vowels; Arabic: its long vowels, see _arabic_vowels); else None
    vowels: str | None
    # unit_similarity with the units met so far (as many as there are names around)
    similar: dict[Unit, float] = field(default_factory=dict, repr=False)


@dataclass(frozen=True, slots=True, eq=False)
class Form:
    """One written form of a name (Arabic or Latin script): its parts and units."""

    arabic: bool
    parts: tuple[str, ...]
    units: tuple[Unit, ...]
    covers: tuple[frozenset[int], ...]  # the parts each unit covers
    particles: frozenset[int]  # parts that are particles of a family name: Ait, Bou, Bel
    # each unit with what comparing it needs: (unit, covers, glued, length of its skeleton,
    # first part covered, skeleton)
    described: tuple[tuple[Unit, frozenset[int], bool, int, int, str], ...] = ()


# Caches hold every name of a vault of 100,000 persons (a unit for each part, and one for
# each two parts glued): a unit made twice would lose what was learnt of it (Unit.similar).
_NAMES_CACHED = 1 << 19


@lru_cache(maxsize=_NAMES_CACHED)
def _unit(arabic: bool, skeletons: tuple[str, ...], vowels: str | None) -> Unit:
    return Unit(arabic, skeletons, vowels)


_LATIN_READINGS = (
    (re.compile(r"rh(?=[aeiouy])"), "gh"),  # Rharbi, Amrhar: French "rh" for غ
    (re.compile(r"g(?![heiy])"), "k"),  # Chergaoui: "g" for ق
    (re.compile(r"^abdel(?=[aeiou])"), "abdell"),  # Abdelatif: the L of Latif, not of El
    (re.compile(r"(?<=[a-z]{2}[^l])ah$"), "a"),  # Samirah: ta marbuta
    (re.compile(r"^el(?=[aeiou][a-z]{2})"), "l"),  # Elias: not an article
    (re.compile(r"^l(?=[^eiou][a-z]{3})"), ""),  # Lhoussine, Lazrak, Layachi: glued article
    (re.compile(r"^di(?=[aeou])"), "dj"),  # Dieneba, Diallo: French "di" for "dj" (ج)
)
# Words that begin family names written in two words (folded): Ait Ali, Bou Zid, Bel Haj.
_PARTICLES = frozenset({"ait", "ayt", "bou", "bel", "ould", "oulad", "ouled",
                        "ايت", "بو", "بل", "ولد", "اولاد"})
# Their skeletons: a part with one of these says little without the part after it.
PARTICLE_SKELETONS: Final = frozenset(skeleton(p) for p in _PARTICLES)


def _latin_alternative(token: str) -> str:
    """Another reading of a folded Latin token, for spellings skeletons keep apart."""
    for pattern, repl in _LATIN_READINGS:
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=_NAMES_CACHED)
def _word(token: str, hamza_alef: bool = False) -> tuple[str, Unit]:
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


@lru_cache(maxsize=_NAMES_CACHED)
def _form(text: str) -> Form | None:
    toks = tokens(text)
    arabic = not text.isascii() and not all(t.isascii() for t in toks)
    hamza = {fold(w) for w in text.split() if w.startswith(("إل", "أل"))} if arabic and (
        "إل" in text or "أل" in text) else ()
    if not hamza and all(map(plain_word, toks)):  # each word a name part: most names
        found = [_word(t) for t in toks]
        parts = tuple(w[0] for w in found)
        units = [w[1] for w in found]
        particles = [i for i, t in enumerate(toks) if t in _PARTICLES]
        return _glued(arabic, parts, units, particles)
    parts = tuple(join_skeletons(toks))
    if not parts:
        return None
    words = [(*w, t) for t in toks if (w := _word(t, t in hamza))[0]]
    units = []
    particles = []
    j = 0
    for i, part in enumerate(parts):
        if j < len(words) and words[j][0] == part:
            units.append(words[j][1])
            if words[j][2] in _PARTICLES:
                particles.append(i)
            j += 1
            continue
        units.append(_unit(arabic, (part,), None))  # glued words (Abd El Kader): no vowels
        following = parts[i + 1] if i + 1 < len(parts) else None
        while j < len(words) and words[j][0] != following:
            j += 1
    return _glued(arabic, parts, units, particles)


def _glued(arabic: bool, parts: tuple[str, ...], units: list[Unit], particles: list[int]
           ) -> Form:
    """The form of a name of these parts and units, with each two neighbours glued."""
    for i, (p, q) in enumerate(pairwise(parts)):
        # Latin words glued keep their spelling, as Fatimazahra or Abdelkader would have it
        va, vb = units[i].vowels, units[i + 1].vowels
        vowels = va + vb if va is not None and vb is not None and not arabic else None
        units.append(_unit(arabic, (_glue(p, q),), vowels))
    return _interned_form(arabic, parts, tuple(units), tuple(particles))


def _glue(p: str, q: str) -> str:
    """Two skeletons glued: a letter doubled where they meet is one (skeletons have none)."""
    return p + q[1:] if p[-1:] == q[:1] else p + q


@lru_cache(maxsize=64)
def _covers(parts: int) -> tuple[frozenset[int], ...]:
    """The parts each unit of a name of ``parts`` parts covers: each part, then each two
    neighbours glued."""
    return (*(frozenset((i,)) for i in range(parts)),
            *(frozenset((i, i + 1)) for i in range(parts - 1)))


@lru_cache(maxsize=_NAMES_CACHED)
def _interned_form(arabic: bool, parts: tuple[str, ...], units: tuple[Unit, ...],
                   particles: tuple[int, ...]) -> Form:
    covers = _covers(len(parts))
    described = tuple((u, c, len(c) > 1, len(u.skeletons[0]), min(c), u.skeletons[0])
                      for u, c in zip(units, covers, strict=True))
    return Form(arabic, parts, units, covers, frozenset(particles), described)


@lru_cache(maxsize=_NAMES_CACHED)
def forms_of(name_ar: str, name_lat: str) -> tuple[Form, ...]:
    return tuple(f for text in (name_ar, name_lat) if text and (f := _form(text)) is not None)


# Words of respect and trades that many people are called by (folded).
TITLES = frozenset({
    "hadj", "haj", "hajj", "lhaj", "lhadj", "lhajj", "hajja", "hadja", "lhajja", "lalla", "lala",
    "mi", "ba", "sidi", "si", "moulay", "cherif", "chrif", "cherifa", "chrifa", "chérif",
    "maalem", "lmaalem", "mealem", "mama", "khali", "ammi", "cheikh", "chikh", "fqih",
    "الحاج", "حاج", "الحاجه", "حاجه", "لاله", "لالا", "مي", "با", "سيدي", "مولاي", "الشريف",
    "الشريفه", "شريف", "المعلم", "معلم", "ماما", "خالي", "عمي", "الشيخ", "شيخ", "الفقيه",
})  # fmt: skip


# What people called by a first name are often called instead (the Arabic spelling of the
# first name: its short forms in either script).
SHORT_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "محمد": ("Simo", "Simou", "Moha", "Hammou", "Hamou", "سيمو", "موحا", "حمو"),
    "أحمد": ("Hmida", "Hmidou", "حميدة", "حميدو"),
    "عبد القادر": ("Kaddour", "Qaddour", "قدور"),
    "عبد العزيز": ("Zizou", "زيزو"),
    "عبد السلام": ("Sellam", "Slama", "سلام"),
    "بوشعيب": ("Bouchta", "بوشتى"),
    "فاطمة": ("Fatna", "Fettouma", "Fatouma", "فاطنة", "فطومة"),
    "خديجة": ("Khadouj", "Dija", "خدوج", "ديجة"),
    "عائشة": ("Aichoucha", "عيشوشة"),
}


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, str]:
    return {fold(short): name for name, shorts in SHORT_FORMS.items() for short in shorts}


def short_form_of(word: str) -> str | None:
    """The first name (Arabic spelling) a folded word is a short form of: Simo, Mohamed."""
    return _short_forms().get(word)


@lru_cache(maxsize=4096)
def nickname_keys(nickname: str) -> tuple[frozenset[str], float]:
    """Keys a nickname is compared by (folded, and skeleton in either script), and what a
    match on it weighs."""
    keys = {fold(nickname)}
    for text in (nickname, " ".join(_latin_alternative(t) for t in tokens(nickname))):
        joined = "".join(name_skeletons(text))
        if len(joined) >= 2:
            keys.add(joined)
    words = tokens(nickname)
    titles = sum(w in TITLES for w in words)
    weight = (NICKNAME_OWN if not titles else NICKNAME_TITLE if titles == len(words)
              else NICKNAME_TITLE_AND_NAME)
    return frozenset(k for k in keys if k), weight


@lru_cache(maxsize=4096)
def short_form_names(nickname: str) -> frozenset[str]:
    """Skeletons of the first names a nickname is a short form of (Simo: Mohamed's)."""
    return frozenset(name_skeletons(name)[0] for w in tokens(nickname)
                     if (name := short_form_of(w)) and name_skeletons(name))


def full_name(forms: tuple[Form, ...]) -> bool:
    """Whether a name has a first and a family name (not a first name only, even a compound
    one such as Fatima Zahra)."""
    return any(len(f.parts) >= 2 and not is_compound(f) for f in forms)


@lru_cache(maxsize=_NAMES_CACHED)
def is_compound(form: Form) -> bool:
    """Whether a whole name is a compound first name (Fatima Zahra, Mohamed Amine), spelt
    so: Mohamed Alaoui has the skeleton of Mohamed Ali, not its vowels."""
    if form.parts not in compound_first_names():
        return False
    return any(len(c.parts) == len(form.parts)
               and all(unit_similarity(u, v) for u, v in zip(form.units, c.units, strict=False))
               for c in _compound_forms().get(form.parts, ()))


@lru_cache(maxsize=1)
def _compound_forms() -> dict[tuple[str, ...], list[Form]]:
    out: dict[tuple[str, ...], list[Form]] = {}
    for name in _COMPOUND_FIRST_NAMES:
        form = _form(name)
        if form is not None:
            out.setdefault(form.parts, []).append(form)
    return out


@lru_cache(maxsize=16)
def compound_first_names() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(name_skeletons(n)) for n in _COMPOUND_FIRST_NAMES)


# --- similarity of name parts ------------------------------------------------------------


@lru_cache(maxsize=_NAMES_CACHED)
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
        lo = i - window if i > window else 0
        hi = i + window + 1 if i + window + 1 < n2 else n2
        j = s2.find(c, lo, hi)
        while j >= 0 and used[j]:
            j = s2.find(c, j + 1, hi)
        if j >= 0:
            used[j] = True
            matched1.append(c)
            matched_at.append(j)
    m = len(matched1)
    if not m:
        return 0.0
    matched_at.sort()
    half_transpositions = sum(1 for c, j in zip(matched1, matched_at, strict=True)
                              if c != s2[j])
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


def swapped(a: str, b: str) -> bool:
    """Whether two spellings differ by two neighbouring letters swapped, a slip of the hand
    (Hicahm); a letter more, less or another is as often another name (Yamina, Fatiha)."""
    if len(a) != len(b) or a == b:
        return False
    i = 0
    while a[i] == b[i]:
        i += 1
    return (i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
            and a[i + 2:] == b[i + 2:])


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
    Houssine), from their vowels (see Unit.vowels)."""
    if a_arabic and b_arabic:
        return a != b
    if not a_arabic and not b_arabic:
        # from either end: Idrissi and Drissi differ at the start, Amina and Imane throughout
        return max(_jaro_winkler(a, b), _jaro_winkler(a[::-1], b[::-1])) < _LATIN_VOWELS_MATCH
    arabic, latin = (a, b) if a_arabic else (b, a)
    # Arabic writes long vowels only; Latin writes them all: only one direction is evidence.
    return ("i" in arabic and "i" not in latin) or ("u" in arabic and "u" not in latin)


# --- comparing two names -----------------------------------------------------------------

ABSENT, DIFFER, PARTLY, FIRST_ONLY, FULL = range(5)


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How two names compare: ``kind`` (FULL ... ABSENT) and ``weight`` as evidence."""

    kind: int
    weight: float
    units: int  # matched parts (glued parts count once)
    same_script: bool
    # the skeletons of each pair of matched units (one side's, the other's), by which the
    # population tells how many others carry the same name
    keys: tuple[tuple[str, str], ...] = ()


NO_NAMES = NameMatch(ABSENT, 0.0, 0, False)


def unit_similarity(ua: Unit, ub: Unit) -> float:
    """How alike two units are, from _MATCH to 1; 0.0 when they are not one name."""
    sim = ua.similar.get(ub)
    if sim is None:
        sim = ua.similar[ub] = ub.similar[ua] = _unit_similarity_of(ua, ub)
    return sim


def _unit_similarity_of(ua: Unit, ub: Unit) -> float:
    a_arabic, b_arabic = ua.arabic, ub.arabic
    va, vb = ua.vowels, ub.vowels
    if va is not None and va == vb and not a_arabic and not b_arabic:
        return 1.0  # one Latin spelling, once spelling habits are folded: Abbdel Kader
    sim = max(_skeleton_similarity(x, y) for x in ua.skeletons for y in ub.skeletons)
    if (sim < _MATCH and va and vb and not a_arabic and not b_arabic
            and max(len(ua.skeletons[0]), len(ub.skeletons[0])) >= _TYPO_MIN_SKELETON
            and swapped(va, vb)):
        sim = _TYPO_SIMILARITY  # a slip that changes the skeleton: Hicahm
    if sim < _MATCH:
        return 0.0
    if va is not None and vb is not None and _vowels_conflict(va, a_arabic, vb, b_arabic):
        return 0.0
    return sim


def _compare_forms(fa: Form, fb: Form) -> NameMatch:
    return _compare_forms_of(fa, fb) if id(fa) < id(fb) else _compare_forms_of(fb, fa)


@lru_cache(maxsize=_NAMES_CACHED)
def _compare_forms_of(fa: Form, fb: Form) -> NameMatch:
    same_script = fa.arabic == fb.arabic
    parts = len(fa.parts)
    if fa.parts == fb.parts or (parts == 2 and fa.parts == fb.parts[::-1]):
        # the common case, spelling variants of one name: part by part (or swapped, as on
        # the ID card), unless their vowels tell two names apart
        order = range(parts) if fa.parts == fb.parts else (1, 0)
        if all(unit_similarity(fa.units[i], fb.units[j]) for i, j in enumerate(order)):
            keys = tuple((fa.units[i].skeletons[0], fb.units[j].skeletons[0])
                         for i, j in enumerate(order))
            if parts == 1 or (is_compound(fa) and is_compound(fb)):  # Fatima Zahra alone
                return NameMatch(FIRST_ONLY, _FIRST_NAME_ONLY, 1, same_script, keys)
            return NameMatch(FULL, _NAMES_FULL + _NAMES_FULL_QUALITY
                             + _NAMES_EXTRA_UNIT * (parts - 2), parts, same_script, keys)
    scored: list[tuple[float, int, int, int, frozenset[int], frozenset[int], str, str]] = []
    units_b = fb.described
    for ua, covers_a, glued, size, first_a, key_a in fa.described:
        similar = ua.similar
        for ub, covers_b, glued_b, other, first_b, key_b in units_b:
            if glued and glued_b:
                continue  # two glued pairs: the same as their parts one by one
            if (glued or glued_b) and (2 * size < other or 2 * other < size):
                continue  # a glued pair and a part under half as long: Mohamed, Mohamed Zahrani
            sim = similar.get(ub)
            if sim is None:
                sim = unit_similarity(ua, ub)
            if sim:
                scored.append((-sim, -size - other, min(first_a, first_b),
                               max(first_a, first_b), covers_a, covers_b, key_a, key_b))
    # best first; ties broken alike whichever name comes first, for a symmetric score
    scored.sort(key=lambda s: s[:4])
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    sims: list[tuple[float, int]] = []
    matched: list[tuple[str, str]] = []
    for minus_sim, minus_length, _, _, covers_a, covers_b, key_a, key_b in scored:
        if taken_a.isdisjoint(covers_a) and taken_b.isdisjoint(covers_b):
            taken_a |= covers_a
            taken_b |= covers_b
            sims.append((-minus_sim, -minus_length))
            matched.append((key_a, key_b))
    units = len(sims)
    keys = tuple(matched)
    if not units:
        return NameMatch(DIFFER, _NAMES_DIFFER, 0, same_script)
    full_a, full_b = len(taken_a) == len(fa.parts), len(taken_b) == len(fb.parts)
    if not (full_a or full_b):
        return NameMatch(PARTLY, _NAMES_PARTLY_DIFFER, units, same_script, keys)
    shorter = fa if full_a and (not full_b or len(fa.parts) <= len(fb.parts)) else fb
    left_over = abs(len(fa.parts) - len(taken_a)) + abs(len(fb.parts) - len(taken_b))
    quality = sum(s * n for s, n in sims) / sum(n for _, n in sims)
    quality = max(0.0, (quality - _MATCH) / (1 - _MATCH))
    if units == 1 or (left_over and shorter.parts in compound_first_names()):
        return NameMatch(FIRST_ONLY, _FIRST_NAME_ONLY * (0.5 + 0.5 * quality), units,
                         same_script, keys)
    weight = (_NAMES_FULL + _NAMES_FULL_QUALITY * quality + _NAMES_EXTRA_UNIT * (units - 2)
              + _NAMES_UNMATCHED_PART * min(2, left_over))
    return NameMatch(FULL, weight, units, same_script, keys)


def compare_names(fa: tuple[Form, ...], fb: tuple[Form, ...]) -> NameMatch:
    return _compare_names_of(fa, fb) if hash(fa) <= hash(fb) else _compare_names_of(fb, fa)


@lru_cache(maxsize=_NAMES_CACHED)
def _compare_names_of(fa: tuple[Form, ...], fb: tuple[Form, ...]) -> NameMatch:
    """The best match of any form of one name with any of the other. Records in a script
    they share meet there; across scripts only when that leaves something unsaid (no match,
    or one record's forms give more name parts in one script than in the other)."""
    best = NO_NAMES
    for same_script in (True, False):
        for a in fa:
            for b in fb:
                if (a.arabic == b.arabic) != same_script:
                    continue
                if best.kind == FULL and best.weight >= _NAMES_FULL + _NAMES_FULL_QUALITY + (
                        _NAMES_EXTRA_UNIT * (min(len(a.parts), len(b.parts)) - 2)):
                    continue  # these forms could do no better: Arabic ones matched already
                m = _compare_forms(a, b)
                if best is NO_NAMES or (m.weight, m.units) > (best.weight, best.units):
                    best = m
        if best.kind == FULL or (best is not NO_NAMES and _consistent(fa) and _consistent(fb)):
            break
    return best


def _consistent(forms: tuple[Form, ...]) -> bool:
    return len(forms) < 2 or len(forms[0].parts) == len(forms[1].parts)

