"""Where a person was met, as evidence that two records are one person.

Street outreach meets people where they stay: a person sleeps, begs or works in one part of
the city, and the teams that patrol that area meet them there again and again. A second
team that records the person anew (it did not find the first record) mostly meets them in
an area where they were met before; two namesakes are met in the same area only as often as
chance makes it, and more often in a crowded area (a station, the medina) than in a quiet
one. A supervisor looks at exactly this: "both met at Bab El Had".

A record's places are the areas of the patrols that met it (an encounter's patrol's area, or
its commune when no area was written), in its province: :func:`place_key` folds them (case,
accents, Arabic letter variants, punctuation) so that one team's "Bab el Had" is another's
"BAB EL HAD". An area written in Arabic by one team and in French by another is two places.

The weights, log-odds like those of :mod:`fieldapp.domain.evidence`:

* both records met, never in one area: :data:`AREAS_DIFFER` (pairwise; a person does move);
* met in an area in common: no pairwise weight, but the namesakes that could be as alike
  (:mod:`fieldapp.domain.namesakes`) are only those met in one of the areas too, as often as
  records are met there (:func:`place_odds`), against :data:`SAME_AREA_IF_SAME_PERSON`.

No Qt.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from fieldapp.domain.names import tokens

if TYPE_CHECKING:
    from fieldapp.domain.population import Population

__all__ = ["AREAS_DIFFER", "PLACE_PREFIX", "Group", "SAME_AREA_IF_SAME_PERSON", "areas_weight",
           "place_key", "place_keys", "place_odds", "place_text", "population_keys"]

# Of two records of one person, each met on a patrol, how often the two were met in an area
# in common: more often than not, a person stays where they are; children, migrants and a
# few others move between areas.
SAME_AREA_IF_SAME_PERSON: Final = 0.6
# Both met, never in one area: the odds of that for one person (1 - the above) against
# two people (nearly 1: most pairs of people are met in different areas), as a log-odds.
AREAS_DIFFER: Final = math.log(1 - SAME_AREA_IF_SAME_PERSON)
PLACE_PREFIX: Final = "m:"  # a population key: records met in that place
# How many namesakes the share of all records met in an area is worth, beside the count of
# a group of namesakes met there (see place_odds).
_PRIOR_RECORDS: Final = 10.0


@lru_cache(maxsize=1 << 14)
def place_key(province: str | None, area: str | None, commune: str | None = None) -> str:
    """The folded place of a patrol: its province and its area (or its commune when no area
    was written); "" when neither was."""
    text = " ".join(tokens(area or "")) or " ".join(tokens(commune or ""))
    return f"{province or ''}|{text}" if text else ""


def areas_weight(a: frozenset[str], b: frozenset[str]) -> float:
    """The pairwise weight of where two records were met (their place keys ``a`` and
    ``b``): :data:`AREAS_DIFFER` when both were met and never in one area, else 0."""
    return AREAS_DIFFER if a and b and a.isdisjoint(b) else 0.0


def place_text(key: str) -> str:
    """The area of a place key, as folded: what a reason names."""
    return key.partition("|")[2]


def place_keys(places: Iterable[str] | None) -> frozenset[str]:
    """A record's place keys (see :func:`place_key`), empty ones left out."""
    return frozenset(p for p in places or () if p)


def population_keys(places: frozenset[str]) -> Iterator[str]:
    """The keys under which a record's places are counted in a population."""
    return (PLACE_PREFIX + p for p in places)


@dataclass(frozen=True, slots=True)
class Group:
    """A pair's namesakes as a group (the records carrying two of its name parts): how many
    of its records were ``met`` in each place, how many ``others`` it holds besides the
    pair, and whether each of the two is one of its records (``in_a``, ``in_b``)."""

    met: Mapping[str, int]
    others: int
    in_a: bool
    in_b: bool


def place_odds(population: Population, a: frozenset[str], b: frozenset[str],
               group: Group | None = None) -> float:
    """What the places of two records (their keys ``a`` and ``b``) make of their namesakes:
    the share of them that would share an area with the pair as well, against how often one
    person's two records do; 1.0 when the two share none (or one has no place).

    The share is that of all records met in those areas, or, given the pair's ``group`` of
    namesakes, that of the group, the share of all records counting as
    :data:`_PRIOR_RECORDS` more of them: namesakes may gather where others do not (migrants
    of one country, one family's members)."""
    if not (a and b) or a.isdisjoint(b):
        return 1.0
    share_a, share_b = _met_share(population, a, a, b), _met_share(population, b, a, b)
    if group is not None and group.others > 0:
        share_a = _group_share(group, a, a, b, share_a)
        share_b = _group_share(group, b, a, b, share_b)
    return min(1.0, (share_a + share_b) / 2 / SAME_AREA_IF_SAME_PERSON)


def _met_share(population: Population, places: frozenset[str], a: frozenset[str],
               b: frozenset[str]) -> float:
    """The share of records, other than the two (of places ``a`` and ``b``), met in one of
    ``places`` (those met in two of them counted twice: at most all)."""
    size = population.size
    if size <= 0:
        return 1.0
    others = 0
    for p in places:
        others += max(0, population.count(PLACE_PREFIX + p) - (p in a) - (p in b))
    return min(1.0, max(others, 1) / size)


def _group_share(group: Group, places: frozenset[str], a: frozenset[str], b: frozenset[str],
                 share: float) -> float:
    """The share of a group's others met in one of ``places``, ``share`` counting as
    :data:`_PRIOR_RECORDS` records more."""
    met = 0
    for p in places:
        met += group.met.get(p, 0) - (group.in_a and p in a) - (group.in_b and p in b)
    met = max(0, min(group.others, met))
    return (met + _PRIOR_RECORDS * share) / (group.others + _PRIOR_RECORDS)
