"""How common each name is: weighted draws of first and family names, and the long tail of
family names a province's population carries.

A province's records share a few very common names and many rare ones. Among Moroccan men
one in eight or so is called Mohamed (محمد); Fatima (فاطمة) leads among women; after them
first names fall off steadily. Family names are far more varied: the well-known ones
(Alaoui, El Idrissi, Bennani, the ``FAMILY_NAMES`` table) are each held by well under one
person in a hundred, and most people carry one of thousands of rarer names. Drawing every
family name from a table of ninety, as this demo once did, made a hundred thousand persons
into ~500,000 pairs of namesakes, far more than a real province has.

The tail is made the way such names are: Ben before a father's name (Ben Ahmed, Benyoussef)
and Amazigh names of the patterns of real ones (Akhannouch أخنوش, Amzil أمزيل, Aharmouch
أحرموش), each in Arabic and in its Latin spellings, and none with the cross-script skeleton
of a first name, of a table name or of another tail name (a reader would take it for that
name).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, product

from fieldapp.demo.data import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, NameEntry
from fieldapp.domain.names import name_skeletons

# Shares of the draws (they sum to 1).
_TOP_MALE = 0.13  # Mohamed
_TOP_FEMALE = 0.07  # Fatima
_TABLE_FAMILIES = 0.22  # the well-known family names of FAMILY_NAMES
_PATRONYMIC_FAMILIES = 0.10  # Ben Ahmed, Benyoussef
# the rest: the Amazigh tail

# Amazigh consonants: (Latin spelling, the same doubled between vowels, Arabic letter).
_CONSONANTS = (
    ("b", "bb", "ب"), ("t", "tt", "ت"), ("d", "dd", "د"), ("r", "rr", "ر"), ("z", "zz", "ز"),
    ("ss", "ss", "س"), ("ch", "ch", "ش"), ("k", "kk", "ك"), ("l", "ll", "ل"), ("m", "mm", "م"),
    ("n", "nn", "ن"), ("h", "h", "ح"), ("kh", "kh", "خ"), ("gh", "gh", "غ"), ("f", "ff", "ف"),
    ("j", "jj", "ج"),
)  # fmt: skip
# Consonants that close the first syllable of an Amzil-like name, and the first of the two
# in the middle of an Aharmouch-like one.
_CLUSTER_FIRST = frozenset({"b", "d", "f", "k", "m", "r", "z", "gh"})
_CLUSTER_MIDDLE = frozenset({"r", "l", "m", "n", "z", "gh"})


class WeightedNames:
    """Draws from name entries with fixed weights."""

    def __init__(self, entries: Sequence[NameEntry], weights: Sequence[float]) -> None:
        self.entries = tuple(entries)
        self.cum = list(accumulate(weights))

    def __call__(self, rng: random.Random) -> NameEntry:
        return rng.choices(self.entries, cum_weights=self.cum)[0]


def _zipf(n: int, offset: float, total: float) -> list[float]:
    """``n`` weights falling off as 1 / (rank + offset), summing to ``total``."""
    raw = [1.0 / (r + offset) for r in range(n)]
    scale = total / sum(raw)
    return [w * scale for w in raw]


def _first_names(entries: Sequence[NameEntry], top: float) -> WeightedNames:
    """The first entry (the commonest name) takes ``top``; the others fall off by rank."""
    return WeightedNames(entries, [top, *_zipf(len(entries) - 1, 3.0, 1.0 - top)])


@lru_cache(maxsize=1)
def male_first_names() -> WeightedNames:
    return _first_names(MALE_NAMES, _TOP_MALE)


@lru_cache(maxsize=1)
def female_first_names() -> WeightedNames:
    return _first_names(FEMALE_NAMES, _TOP_FEMALE)


def _skeleton_of(entry: NameEntry) -> str:
    return "".join(name_skeletons(entry[1][0]))


def _patronymics(taken: set[str]) -> list[NameEntry]:
    """Ben before a one-word male first name (Ben Ahmed, Benyoussef), in both scripts."""
    out: list[NameEntry] = []
    for arabic, latin in MALE_NAMES:
        if arabic is None or " " in arabic or arabic.startswith(("ال", "إ")):
            continue  # إلياس: the alef would read as an article in Ben Ilyas
        first = latin[0]
        out.append((f"بن {arabic}", (f"Ben{first.lower()}", f"Ben {first}", f"Ben-{first}")))
    return [e for e in out if _skeleton_of(e) not in taken]


def _amazigh(taken: set[str]) -> list[NameEntry]:
    """Names of the patterns A-C-a-CC-ou-C (Akhannouch), A-CC-i-C (Amzil) and A-C-a-CC-ou-C
    with two consonants in the middle (Aharmouch); one name for each skeleton (a reader
    could not tell Amzil from Amzoul in Latin script)."""
    out: list[NameEntry] = []

    def add(key_spelling: str, arabic: str, latin: tuple[str, ...]) -> None:
        key = "".join(name_skeletons(key_spelling))
        if key not in taken and len(key) >= 3:
            taken.add(key)
            out.append((arabic, tuple(dict.fromkeys(latin))))

    for (l1, _, a1), (l2, d2, a2), (l3, _, a3) in product(_CONSONANTS, repeat=3):
        if l1 == l2 or l2 == l3 or l1 == "l":  # أل would read as the article
            continue
        add(f"A{l1}a{l2}ou{l3}", f"أ{a1}{a2}و{a3}", (f"A{l1}a{d2}ou{l3}", f"A{l1}a{l2}ou{l3}"))
        if (l1 in _CLUSTER_FIRST and l2 not in ("h", "kh", "gh") and l1 != l3
                and l1 + l2 != "dj"):  # dj is one sound, ج
            second = "s" if l2 == "ss" else l2  # after a consonant: Afsil
            add(f"A{l1}{second}i{l3}", f"أ{a1}{a2}ي{a3}",
                (f"A{l1}{second}i{l3}", f"A{l1}{second}i{l3}e"))
    for (l1, _, a1), (l2, _, a2), (l3, _, a3), (l4, _, a4) in product(_CONSONANTS, repeat=4):
        if (l1 == "l" or l2 not in _CLUSTER_MIDDLE or len({l1, l2, l3}) < 3 or l3 == l4
                or l3 in ("h", "kh", "gh")):
            continue
        third = "s" if l3 == "ss" else l3
        add(f"A{l1}a{l2}{third}ou{l4}", f"أ{a1}{a2}{a3}و{a4}",
            (f"A{l1}a{l2}{third}ou{l4}", f"A{l1}a{l2}{third}ou{l4}e"))
    return out


@lru_cache(maxsize=1)
def family_names() -> WeightedNames:
    """Every family name the demo draws from, with its share of the population."""
    taken = {_skeleton_of(e) for e in (*MALE_NAMES, *FEMALE_NAMES, *FAMILY_NAMES)}
    patronymics = _patronymics(taken)
    tail = _amazigh(taken | {_skeleton_of(e) for e in patronymics})
    # a fixed shuffle, so that the tail's first names are not all Ab- and Ach-
    random.Random(1957).shuffle(tail)
    weights = [*_zipf(len(FAMILY_NAMES), 15.0, _TABLE_FAMILIES),
               *_zipf(len(patronymics), 30.0, _PATRONYMIC_FAMILIES)]
    rest = 1.0 - _TABLE_FAMILIES - _PATRONYMIC_FAMILIES
    weights += [rest / len(tail)] * len(tail)
    return WeightedNames([*FAMILY_NAMES, *patronymics, *tail], weights)
