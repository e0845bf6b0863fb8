"""Person matching: how likely two person records are the same person, and why.

The same person is often recorded by several teams: in Arabic script by one, in a French-style
Latin spelling by another, with a first name only, a nickname or an approximate age. This module
scores a pair of person records (:func:`score`), lists the evidence as codes the UI translates
(:func:`explain`), and finds the likely duplicates among many records (:func:`find_candidates`).
Names are compared by :mod:`fieldapp.domain.name_match`; records are compared within the
blocks of :mod:`fieldapp.domain.blocking`.

The score is a logistic of summed log-odds weights: one per piece of evidence (CIN, names,
nickname, sex, age, province, the areas where the records were met), each of which adds one
:class:`Reason`. A first name alone, or
a nickname that is a title (Hajja), is weak evidence: a second team's "Fatima, about 30"
needs a birth date, a nickname or a CIN to become a candidate.

Those weights (:mod:`fieldapp.domain.evidence`) are a pair's as if no one else carried their
names. Among many records the score also weighs how many others would be as alike by chance
(:mod:`fieldapp.domain.namesakes`, from how common the names, nicknames and ages are:
:class:`~fieldapp.domain.population.Population`): two "Mohamed Alaoui, about 40" among a
hundred thousand persons are not the same person without more to go by, two "Abdelmajid
Ouardighi, about 40" likely are. :func:`score` and :func:`explain` take the population as
an argument; the candidate search builds it.
"""

from __future__ import annotations

import gc
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from fieldapp.domain.blocking import (
    SWAP,
    block_keys,
    block_pairs,
    letters_swapped,
    only_the_key,
)
from fieldapp.domain.evidence import (
    AGE_CLOSE,
    PRIOR,
    REASON_CODES,
    Person,
    Reason,
    compare_ages,
    evidence,
    person_of,
)
from fieldapp.domain.name_match import (
    FIRST_NAME_BEST,
    NAMES_BEST,
    NAMES_PER_PART,
    NICKNAME_OWN,
    compound_first_names,
    full_name,
)
from fieldapp.domain.namesakes import (
    NAMESAKES_ALLOWED,
    Crowd,
    age_odds,
    co_records,
    name_group,
    namesakes_weight,
)
from fieldapp.domain.places import areas_weight, place_odds, population_keys
from fieldapp.domain.population import Population

__all__ = [
    "DEFAULT_THRESHOLD",
    "REASON_CODES",
    "MatchStats",
    "Pair",
    "PersonIndex",
    "Reason",
    "collector_paused",
    "contradicts",
    "explain",
    "find_candidates",
    "find_candidates_with_stats",
    "index_persons",
    "likely_pairs",
    "population_of",
    "score",
    "weigh",
]

DEFAULT_THRESHOLD: Final = 0.5

_Person = Person  # its name before fieldapp.domain.evidence

Pair = tuple[str, str, float, list[Reason]]  # id_a < id_b, score, reasons


@dataclass(frozen=True, slots=True)
class MatchStats:
    """What a :func:`find_candidates_with_stats` run did."""

    persons: int
    blocks: int
    capped_blocks: int  # blocks compared by birth-date neighbourhood only
    pairs_compared: int
    candidates: int


# Compared by sorted neighbourhood only: beyond this many years apart the age weight alone
# puts a pair below any sensible threshold (unless the CIN is the same: CIN blocks are whole).
_BLOCK_AGE_WINDOW = 14.0
_NICKNAME_AGE_WINDOW = 10.0  # blocks on a nickname alone: nothing else can outweigh the age
_COMMON_NICKNAME = 50  # records: a nickname this common is not searched on alone
_SMALL_BLOCK = 60  # records; larger blocks are compared by sorted neighbourhood: each record
_MAX_NEIGHBOURS = 150  # with at most this many born after it, fewer in very large blocks
_BLOCK_BUDGET = 10_000  # (about this many pairs a block)
_MIN_NEIGHBOURS = 10

# What two records of a block of namesakes can be at best (a block whose namesakes outweigh
# it is not compared): names alike in every part (up to _MAX_PARTS parts counted), or a
# first name and a nickname of one's own; ages within a year.
_MAX_PARTS = 6
_BEST_FIRST_NAME = PRIOR + FIRST_NAME_BEST + NICKNAME_OWN + AGE_CLOSE
# Below this pairwise log-odds two records say they are two people (two sexes, ages far
# apart, names that differ): they never share a cluster; nor do two CINs.
_CONTRADICTION = -4.0


def _population_keys(p: Person) -> Iterator[str]:
    yield from ("n:" + u for u in p.units)
    yield from ("k:" + k for k in p.nicknames)
    if p.sex:
        yield "s:" + p.sex
    if p.province:
        yield "p:" + p.province
    yield from population_keys(p.places)


def _log_odds(a: Person, b: Person, reasons: list[Reason] | None,
              population: Population | None = None) -> float:
    """Summed evidence for "same person"; appends one Reason per weight when asked. With a
    ``population``, less the namesakes as alike as these two (see
    :mod:`fieldapp.domain.namesakes`)."""
    total, names, shared, ages = evidence(a, b, reasons)
    if population is not None:
        total -= namesakes_weight(population, a, b, names, shared, ages, reasons)
    return total


def _probability(log_odds: float) -> float:
    return 1.0 / (1.0 + math.exp(-log_odds))


# --- public API --------------------------------------------------------------------------


@dataclass(slots=True)
class PersonIndex:
    """Person records made ready for matching: their ids, what each holds as evidence, and
    how common each name, nickname and age is among them. Deleted and merged records, and
    repeated ids, are left out."""

    ids: list[str]
    people: list[Person]
    population: Population
    completeness: list[int]  # fields filled in, to choose the record to keep
    blocks: dict[str, list[int]]  # records that share a block key (see _block_keys)


def index_persons(persons: Iterable[Mapping[str, Any]]) -> PersonIndex:
    today = date.today()
    ids: list[str] = []
    people: list[Person] = []
    completeness: list[int] = []
    known: set[str] = set()
    for record in persons:
        person_id = str(record["id"])
        if record.get("deleted") or record.get("merged_into") or person_id in known:
            continue
        known.add(person_id)
        ids.append(person_id)
        people.append(person_of(record, today))
        # fields filled in (where the person was met is not one)
        completeness.append(sum(1 for v in record.values() if v not in (None, "", []))
                            - bool(record.get("places")))
    blocks: defaultdict[str, list[int]] = defaultdict(list)
    for k, person in enumerate(people):
        for block_key in block_keys(person):
            blocks[block_key].append(k)
    # two name parts together: as many records carry them as their block holds
    counted = Population.of(((_population_keys(p), p.birth) for p in people), blocks)
    population = Crowd(counted.size, counted.counts, counted.births, counted.groups,
                       born=[p.birth for p in people], places=[p.places for p in people])
    return PersonIndex(ids, people, population, completeness, dict(blocks))


def population_of(persons: Iterable[Mapping[str, Any]]) -> Population:
    """How common names, nicknames and ages are among ``persons``, for :func:`score`."""
    return index_persons(persons).population


def score(a: Mapping[str, Any], b: Mapping[str, Any],
          population: Population | None = None) -> float:
    """Likelihood in [0, 1] that two person records are the same person; with the
    ``population`` they belong to (:func:`population_of`), weighing how many others are as
    alike (without, as if no one else carried their names)."""
    today = date.today()
    return _probability(_log_odds(person_of(a, today), person_of(b, today), None, population))


def explain(a: Mapping[str, Any], b: Mapping[str, Any],
            population: Population | None = None) -> tuple[float, list[Reason]]:
    """:func:`score` and the evidence behind it, strongest kinds first (CIN, names, ...)."""
    today = date.today()
    reasons: list[Reason] = []
    log_odds = _log_odds(person_of(a, today), person_of(b, today), reasons, population)
    return _probability(log_odds), reasons


def weigh(index: PersonIndex, i: int, j: int, reasons: list[Reason] | None = None) -> float:
    """The log-odds that records ``i`` and ``j`` of ``index`` are one person, as if no one
    else carried their names; the evidence is appended to ``reasons`` when given."""
    return _log_odds(index.people[i], index.people[j], reasons)


def contradicts(index: PersonIndex, i: int, j: int) -> bool:
    """Whether records ``i`` and ``j`` of ``index`` say they are two people (two CINs, two
    sexes, ages far apart, names that differ): they never belong in one cluster. Being met
    in different areas is not that: people move."""
    a, b = index.people[i], index.people[j]
    return bool(a.cin and b.cin and a.cin != b.cin) or (
        weigh(index, i, j) - areas_weight(a.places, b.places) < _CONTRADICTION)


def find_candidates(
    persons: Iterable[Mapping[str, Any]], threshold: float = DEFAULT_THRESHOLD
) -> list[Pair]:
    """Likely duplicates: (id_a, id_b, score, reasons) with id_a < id_b, best first, the
    score weighing how common the names are among ``persons``.

    Records are compared within blocks only (same CIN; two name parts in common; one name
    part and the birth date or the nickname; a nickname of one's own, unless more than
    _COMMON_NICKNAME records share it); large blocks are compared by sorted neighbourhood
    on the estimated birth date. Deleted and merged records, and repeated ids, are left out.
    """
    return find_candidates_with_stats(persons, threshold)[0]


def find_candidates_with_stats(
    persons: Iterable[Mapping[str, Any]], threshold: float = DEFAULT_THRESHOLD
) -> tuple[list[Pair], MatchStats]:
    """:func:`find_candidates`, and how much work it took."""
    with collector_paused():
        return likely_pairs(index_persons(persons), threshold)


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused: a run allocates millions of objects and none of
    them in cycles, and each collection would walk every one of them (a run takes ~3x longer).
    What the run leaves is filed with the oldest objects: the first young collection after
    it would otherwise walk every one of them once more (most are freed by then, the caches
    of names stay)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():  # the application froze nothing of its own
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def likely_pairs(index: PersonIndex, threshold: float = DEFAULT_THRESHOLD
                 ) -> tuple[list[Pair], MatchStats]:
    """:func:`find_candidates` over records already indexed."""
    ids, people, population, blocks = index.ids, index.people, index.population, index.blocks
    # a log-odds bound rather than a probability: no exp() per pair
    bound = math.log(threshold / (1 - threshold)) if 0 < threshold < 1 else (
        -math.inf if threshold <= 0 else math.inf)
    births = [p.birth for p in people]
    # the province's share: how alike a pair of a block of namesakes can be at best, with
    # their ages (see blocking.only_the_key)
    provinces = [population.share("p:" + p.province) if p.province else 1.0 for p in people]
    parts = [max((len(f.parts) for f in p.forms), default=0) for p in people]
    full = [full_name(p.forms) for p in people]
    # the namesakes beyond which a pair of names of 2, 3, ... parts cannot reach the bound
    limits = [NAMESAKES_ALLOWED * math.expm1(min(700.0, best - bound))
              for best in (_best_names_only(n) for n in range(_MAX_PARTS + 1))]
    limit_short = NAMESAKES_ALLOWED * math.expm1(min(700.0, _BEST_FIRST_NAME - bound))
    compound = {"|".join(sorted(p)) for p in compound_first_names() if len(p) == 2}
    seen: set[int] = set()
    seen_blocks: set[tuple[object, ...]] = set()
    found: list[tuple[int, int]] = []
    n = len(people)
    compared = capped = used_blocks = 0
    for block_key, members in blocks.items():
        if len(members) < 2:
            continue
        kind = block_key[:2]
        if kind == "k:" and "|" not in block_key and len(members) > _COMMON_NICKNAME:
            continue  # identifies no one alone; beside a name or a birth date it has blocks
        if kind in ("c:", "b:") or "|b:" in block_key:
            window = math.inf  # same CIN or same birth date: the age says nothing more
        else:
            window = _NICKNAME_AGE_WINDOW if kind == "k:" else _BLOCK_AGE_WINDOW
        # a birth date alone is for records without a name: named ones share a name part too;
        # a name part and a nickname, for a record with a first name only or no name (full
        # names that share two parts are compared in that block)
        nameless = kind == "b:"
        short = "|k:" in block_key
        # a Latin spelling's letters in order: for a slip of the hand, and nothing else
        slip = len(next(k for k in block_key.split("|") if k[0] == SWAP)) - 1 if (
            SWAP in block_key) else 0
        # two name parts: every member carries them, as do len(members) - 2 others of a pair
        namesakes = len(members) - 2 if ":" not in block_key else 0
        # the parts of a compound first name (Fatima Zahra): longer names that carry it meet
        # where they share a family name too (Mohamed Alaoui has the skeletons of Mohamed Ali)
        first_name = namesakes > 0 and block_key in compound
        if namesakes:
            first, second = block_key.split("|", 1)
        elif short:
            first, second = block_key.split("|k:", 1)
            # a first name and a nickname: as many others as carry each, were they independent
            namesakes = ((population.count("n:" + first) - 2)
                         * (population.count("k:" + second) - 2) // max(1, population.size))
        # the same records under another key (a name's slips, its readings) and compared the
        # same way: once
        signature = (window, nameless, short, slip, first_name, block_key if namesakes else "",
                     *members)
        if signature in seen_blocks:
            continue
        seen_blocks.add(signature)
        used_blocks += 1
        neighbours = len(members)
        if neighbours > _SMALL_BLOCK:
            capped += 1
            neighbours = max(_MIN_NEIGHBOURS, min(_MAX_NEIGHBOURS, _BLOCK_BUDGET // neighbours))
        for i, j in block_pairs(members, births, window, neighbours):
            if i > j:
                i, j = j, i
            pair = i * n + j
            if i == j or pair in seen:
                continue
            a, b = people[i], people[j]
            # two full names meet where they share two parts: a first name and a nickname
            # are no more than that (a slip in each part would be two slips)
            if (nameless and a.forms and b.forms) or (short and full[i] and full[j]) or (
                    slip and not letters_swapped(a, b, slip)) or (
                    first_name and parts[i] > 2 and parts[j] > 2):
                continue
            seen.add(pair)
            # two parts of a longer name: their namesakes are fewer than the block's (Fatima
            # Zahra Alaoui): such pairs are weighed in full
            if namesakes > 0 and (short or max(parts[i], parts[j]) <= 2) and only_the_key(
                    a, b, first, second, short) and _hopeless(
                    population, members, block_key, a, b, namesakes, short,
                    min(provinces[i], provinces[j]),
                    limit_short if short else limits[min(_MAX_PARTS, parts[i], parts[j])]):
                continue
            compared += 1
            # the namesakes only take away: most pairs are below the bound without them
            total, names, shared, ages = evidence(a, b, None)
            if total >= bound and total - namesakes_weight(
                    population, a, b, names, shared, ages, None) >= bound:
                found.append((i, j))
    result: list[Pair] = []
    for i, j in found:
        if ids[j] < ids[i]:
            i, j = j, i
        reasons: list[Reason] = []
        p = _probability(_log_odds(people[i], people[j], reasons, population))
        if p >= threshold:
            result.append((ids[i], ids[j], p, reasons))
    result.sort(key=lambda c: (-c[2], c[0], c[1]))
    stats = MatchStats(len(people), used_blocks, capped, compared, len(result))
    return result, stats


# --- blocking ----------------------------------------------------------------------------


def _hopeless(population: Population, members: list[int], key: str, a: Person, b: Person,
              namesakes: float, short: bool, province: float, limit: float) -> bool:
    """Whether a pair of a block of namesakes that has only the block's key to go by (see
    blocking.only_the_key) has more namesakes than the best it can be outweighs."""
    ages = compare_ages(a, b) if a.birth is not None and b.birth is not None else None
    if not short:
        namesakes -= co_records(population, members, a, b, ages)
    if not short and a.places and b.places and not a.places.isdisjoint(b.places):
        namesakes *= place_odds(population, a.places, b.places, name_group(population, key, a, b))
    return namesakes * province * age_odds(population, a, b, ages) > limit


def _best_names_only(parts: int) -> float:
    """The best log-odds of two records with names of ``parts`` parts and ages only: names
    alike in every part, ages within a year."""
    return PRIOR + NAMES_BEST + NAMES_PER_PART * max(0, parts - 2) + AGE_CLOSE
