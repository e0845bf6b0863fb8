"""Namesakes: how many other persons would, by chance, be as alike as two records are.

Two "Mohamed Alaoui, about 40" among a hundred thousand persons are not the same person
without more to go by; two "Abdelmajid Ouardighi, about 40" likely are. The pairwise weights
of :mod:`fieldapp.domain.evidence` are a pair's as if no one else carried their names; this
module counts, in the :class:`~fieldapp.domain.population.Population` searched, the others
that agree with one record as well as the other does:

* on the name: as many as carry the commoner of the two spellings of each part, as if the
  parts were drawn independently, or as many as carry two parts together when more do (the
  Mohamed Alaoui; Fatima Zahra is one first name, not two); a part matched with a slip
  (Ahanzouj, Ahanzouch) is carried by every one whose name is a slip away too;
* on the nickname, the sex (when no name says it) and the province, by their shares;
* on the age: as many as were born as far from one record as the other was;
* on where they were met: as many as were met in an area the two were both met in
  (:mod:`fieldapp.domain.places`), against how often one person's two records are.

A name few carry is counted by the records of it: a third record born close to both of a
pair is taken for the same person met by a third team, not for a namesake (:func:`co_records`).

Each time there are as many others again the odds halve, up to the evidence of the pair. The
age is then weighed as a likelihood against those namesakes' births: how often two records
of one person are that many years apart (a guess in the street is off by up to about five
years, two guesses up to about ten: see ``evidence._GUESS_OFF``), against how many namesakes
were born that far apart (that many years from either record: as a pair's guesses are
allowed further apart, so are the namesakes that would be as alike). No Qt.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, combinations
from typing import Final

from fieldapp.domain.blocking import name_keys
from fieldapp.domain.evidence import (
    YEAR_DAYS,
    Ages,
    Person,
    Reason,
    same_person_spread,
)
from fieldapp.domain.name_match import FIRST_ONLY, FULL, PARTICLE_SKELETONS, NameMatch
from fieldapp.domain.places import Group, place_odds
from fieldapp.domain.population import Population

__all__ = ["NAMESAKES_ALLOWED", "Crowd", "age_odds", "co_records", "name_group", "namesakes",
           "namesakes_weight"]

# The pairwise weights are those of a pair of records whose names no one else carries, or
# nearly: about this many others as alike. Each time as many again halves the odds (a
# log-odds of -log(1 + namesakes / NAMESAKES_ALLOWED)).
NAMESAKES_ALLOWED: Final = 0.0008
_MANY_ALIKE = 1.0  # namesakes: from this many a reason says how many
_SOME_ALIKE = 0.1  # ... from this many that some may be
_NONE_ALIKE = 0.01  # ... below this, that no one else carries the name
# The share of persons carrying a name part that no one else here carries: two records of
# the only Achaghouj family may yet be two Achaghouj (about one person in 100,000 is one).
UNSEEN: Final = 1e-5
_ONE_DAY = 1 / YEAR_DAYS
_CENTURY = 100.0  # ages spread over a century at least, in a small population
# Two records of one person with one birth date mostly give it alike; when both give a
# date and the dates are two, one of them is wrong this often.
_SAME_DATE = 0.95
_TWO_DATES = 0.03
# One record with a birth date, the other with a guess: how much less often one person's two
# records are so than two namesakes' (against two guesses). Knowing one's birth date (papers)
# is the person's: a person who knows it gives it to most teams, one who does not to none.
# With half the records of a vault dated and a team noting a date the person knows seven
# times in ten (the card is not always at hand), one person's two records are one dated,
# one guessed 0.85 times as often as both guessed; two namesakes' twice as often: 0.4.
_ONE_DATE = 0.4
# The spread of two guessed ages a year apart or less: the pairwise weights are those of
# such a pair (see _age_factor).
_SPREAD_REF = same_person_spread(0.0, 2)
# A group of namesakes this small is looked through for a pair's own other records (see
# co_records), up to this many of them.
_SMALL_GROUP = 24
_CO_RECORDS = 2
# Skeleton letters (see fieldapp.domain.names), for the names a slip away from another.
_LETTERS = "bcdfghjklmnrstwyz"


def namesakes_weight(population: Population, a: Person, b: Person, names: NameMatch,
                     shared: frozenset[str], ages: Ages | None,
                     reasons: list[Reason] | None) -> float:
    """What the namesakes as alike as ``a`` and ``b`` take away from their log-odds."""
    if a.cin and a.cin == b.cin:
        return 0.0  # a CIN is one person's
    alike = namesakes(population, a, b, names, shared, ages)
    if reasons is not None:
        if alike >= _MANY_ALIKE:
            reasons.append(Reason("others_alike", {"others": round(alike)}))
        elif alike >= _SOME_ALIKE:
            reasons.append(Reason("others_may_be_alike"))
        elif names.kind == FULL and alike < _NONE_ALIKE:
            reasons.append(Reason("none_alike"))
    if ages is not None:
        alike *= _age_factor(ages)
    if a.places and b.places and not a.places.isdisjoint(b.places):
        group = name_group(population, _group_key(population, a, b, names.keys), a, b)
        alike *= place_odds(population, a.places, b.places, group)
    return math.log1p(alike / NAMESAKES_ALLOWED)


def namesakes(population: Population, a: Person, b: Person, names: NameMatch,
              nicknames: frozenset[str], ages: Ages | None) -> float:
    """How many other records would, by chance, agree with ``a`` as well as ``b`` does: on
    the name parts and the nickname that match, the sex when no name says it, the province
    and the age. The name, the nickname, the province and the age are taken as independent
    of each other."""
    size = population.size
    alike = float(size)
    named = names.kind in (FULL, FIRST_ONLY)
    if named:
        alike = _name_namesakes(population, a, b, names.keys, ages)
    if nicknames:
        alike *= max(_others(population, "k:", k, k, a.nicknames, b.nicknames)
                     for k in nicknames) / size + UNSEEN
    if not named and a.sex and a.sex == b.sex:
        alike *= population.share("s:" + a.sex)
    if a.province and a.province == b.province:
        alike *= population.share("p:" + a.province)
    if ages is not None:
        assert a.birth is not None and b.birth is not None
        alike *= (_born_as(population, a.birth, ages) + _born_as(population, b.birth, ages)) / 2
    return alike


def age_odds(population: Population, a: Person, b: Person, ages: Ages | None) -> float:
    """What the ages of ``a`` and ``b`` make of their namesakes: the share born as far apart,
    weighed (see :func:`namesakes_weight`); 1.0 without ages."""
    if ages is None:
        return 1.0
    assert a.birth is not None and b.birth is not None
    share = (_born_as(population, a.birth, ages) + _born_as(population, b.birth, ages)) / 2
    return share * _age_factor(ages)


def _born_as(population: Population, birth: float, ages: Ages) -> float:
    """The share of persons born as far from ``birth`` as the other record of the pair: the
    same day, or as many whole years either way (the pair's other record left out)."""
    if not population.births:
        return 1.0
    if ages.same:
        return population.born_within(birth, _ONE_DAY, 2)
    days = _days(population.births)
    k = round(ages.years)
    if k == 0:
        inside = days.within(birth - 0.5, birth + 0.5) - 2  # the pair
    else:
        inside = days.within(birth - k - 0.5, birth - k + 0.5) + days.within(
            birth + k - 0.5, birth + k + 0.5) - 1  # the other record
    return max(inside / len(population.births), (0.5 if k == 0 else 1.0) / _CENTURY)


class _Days:
    """Births counted day by day, to count those between two dates at once."""

    def __init__(self, births: Sequence[float]) -> None:
        self.births = births
        self.first = math.floor(births[0] * YEAR_DAYS)
        counts = [0] * (math.floor(births[-1] * YEAR_DAYS) - self.first + 2)
        for b in births:
            counts[math.floor(b * YEAR_DAYS) - self.first + 1] += 1
        self.upto = list(accumulate(counts))  # upto[d + 1]: born on day d or before

    def within(self, start: float, end: float) -> int:
        """Births from ``start`` to ``end`` (years), to the day."""
        upto, last = self.upto, len(self.upto) - 1
        lo = min(last, max(0, math.floor(start * YEAR_DAYS) - self.first))
        hi = min(last, max(0, math.floor(end * YEAR_DAYS) - self.first + 1))
        return upto[hi] - upto[lo]


_days_known: list[_Days] = []


def _days(births: Sequence[float]) -> _Days:
    if not _days_known or _days_known[0].births is not births:
        _days_known[:] = [_Days(births)]
    return _days_known[0]


def _age_factor(ages: Ages) -> float:
    """The age's likelihood against the namesakes', relative to the pairwise weight it had:
    how often two records of one person are as many years apart, against how often two
    guesses a year apart or less are. Among many namesakes the age weighs this and no more;
    among none, its pairwise weight."""
    if ages.same:
        spread = _SAME_DATE
    elif ages.approximate == 1:
        spread = _ONE_DATE * same_person_spread(ages.years, 1)
    elif ages.approximate:
        spread = same_person_spread(ages.years, 2)
    else:
        spread = _TWO_DATES * same_person_spread(ages.years, 1)
    return math.exp(ages.weight) * _SPREAD_REF / spread


@dataclass(frozen=True, slots=True)
class Crowd(Population):
    """A population whose ``groups`` hold record numbers, and each record's birth (``born``,
    by number) and places (``places``): a small group can be looked through for a pair's
    other records, a group for where its records were met."""

    born: Sequence[float | None] = ()
    places: Sequence[frozenset[str]] = ()


def name_group(population: Population, key: str | None, a: Person, b: Person) -> Group | None:
    """The group of records carrying two name parts (``key``, a block key of two parts:
    see :func:`fieldapp.domain.blocking.name_keys`) as :mod:`fieldapp.domain.places` weighs
    it: where its records were met; None without such a group."""
    if key is None or not isinstance(population, Crowd) or not population.places:
        return None
    members = population.groups.get(key)
    if not isinstance(members, list):
        return None
    in_a, in_b = key in name_keys(a.forms)[0], key in name_keys(b.forms)[0]
    return Group(_group_places(population, key, members), len(members) - in_a - in_b,
                 in_a, in_b)


_places_known: list[tuple[Crowd, dict[str, Counter[str]]]] = []


def _group_places(population: Crowd, key: str, members: Sequence[int]) -> Counter[str]:
    """How many records of a group were met in each place (once computed, kept with the
    population)."""
    if not _places_known or _places_known[0][0] is not population:
        _places_known[:] = [(population, {})]
    known = _places_known[0][1]
    met = known.get(key)
    if met is None:
        met = known[key] = Counter()
        places = population.places
        for m in members:
            met.update(places[m])
    return met


def _group_key(population: Population, a: Person, b: Person,
               keys: tuple[tuple[str, str], ...]) -> str | None:
    """Of the groups of two name parts that ``a`` and ``b`` match on, the largest."""
    if len(keys) < 2:
        return None
    held_a, held_b = name_keys(a.forms)[0], name_keys(b.forms)[0]
    best, size = None, 0
    for (a1, b1), (a2, b2) in combinations(keys, 2):
        for key, held in ((f"{a1}|{a2}" if a1 < a2 else f"{a2}|{a1}", held_a),
                          (f"{b1}|{b2}" if b1 < b2 else f"{b2}|{b1}", held_b)):
            if key in held and (n := population.group_size(key)) > size:
                best, size = key, n
    return best


def co_records(population: Population, members: Sequence[int] | None, a: Person,
               b: Person, ages: Ages | None) -> int:
    """How many records of a group of namesakes (``members``, holding ``a`` and ``b``), but
    the two, are presumed the same person as they are rather than namesakes: born close to
    both (a third team met the person, or a fourth), two at most; none in a large group."""
    if (members is None or ages is None or not isinstance(population, Crowd)
            or len(members) > _SMALL_GROUP):
        return 0
    assert a.birth is not None and b.birth is not None
    reach = max(ages.years, 1.0) + 1.0
    lo, hi = max(a.birth, b.birth) - reach, min(a.birth, b.birth) + reach
    born = population.born
    close = sum(1 for m in members if (x := born[m]) is not None and lo <= x <= hi) - 2
    return max(0, min(_CO_RECORDS, close))


def _name_namesakes(population: Population, a: Person, b: Person,
                    keys: tuple[tuple[str, str], ...], ages: Ages | None) -> float:
    """Other records that carry the name parts that match: as many as parts this common
    would give if they were drawn independently, or as many as carry two of the parts
    together and the others by chance, when more do (the Mohamed Alaoui, the Fatima Zahra
    Alaoui: a compound first name's parts go together)."""
    size = population.size
    # a particle (Ait, Bou) goes with the part after it (Ait Ali): it adds nothing to count
    shares = [1.0 if key_a in PARTICLE_SKELETONS else
              _carriers(population, key_a, key_b, a.units, b.units) / size + UNSEEN
              for key_a, key_b in keys]
    alike = size * math.prod(shares)
    if len(keys) < 2:
        return alike
    held_a, held_b = name_keys(a.forms)[0], name_keys(b.forms)[0]
    for (i, (a1, b1)), (j, (a2, b2)) in combinations(enumerate(keys), 2):
        key_a = f"{a1}|{a2}" if a1 < a2 else f"{a2}|{a1}"
        key_b = f"{b1}|{b2}" if b1 < b2 else f"{b2}|{b1}"
        if key_a in held_a or key_b in held_b:  # not a particle (Ait) or a glued part
            together = max(_together(population, key, a, b, ages, held_a, held_b)
                           for key in {key_a, key_b})
            if together > 0:
                rest = math.prod(s for k, s in enumerate(shares) if k not in (i, j))
                alike = max(alike, together * rest)
    return alike


def _together(population: Population, key: str, a: Person, b: Person, ages: Ages | None,
              held_a: frozenset[str], held_b: frozenset[str]) -> int:
    """Other records of a group of two name parts, not presumed the same person."""
    count = population.group_size(key) - (key in held_a) - (key in held_b)
    if 0 < count <= _SMALL_GROUP:
        group = population.groups.get(key)
        count -= co_records(population, group if isinstance(group, list) else None, a, b, ages)
    return count


def _carriers(population: Population, key_a: str, key_b: str, held_a: frozenset[str],
              held_b: frozenset[str]) -> int:
    """Records other than a and b that carry a name part as alike: its commoner spelling,
    or, for two spellings a slip apart, any spelling a slip away from either."""
    if key_a == key_b:
        return _others(population, "n:", key_a, key_b, held_a, held_b)
    near = _near(population.counts)
    return max(0, near(key_a) - 2, near(key_b) - 2)


def _others(population: Population, prefix: str, key_a: str, key_b: str,
            held_a: frozenset[str], held_b: frozenset[str]) -> int:
    """Records other than a and b that hold the commoner of two keys."""
    count_a = population.count(prefix + key_a) - (key_a in held_a) - (key_a in held_b)
    if key_b == key_a:
        return max(0, count_a)
    count_b = population.count(prefix + key_b) - (key_b in held_a) - (key_b in held_b)
    return max(0, count_a, count_b)


class _Near:
    """Records whose name holds a part a slip away from a skeleton (a letter more, less,
    another, or two swapped), or the skeleton itself: the names a reader could take for it."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.counts = counts
        self.known: dict[str, int] = {}

    def __call__(self, skeleton: str) -> int:
        found = self.known.get(skeleton)
        if found is None:
            counts = self.counts
            found = self.known[skeleton] = sum(
                counts.get("n:" + s, 0) for s in _slips(skeleton) | {skeleton})
        return found


_last: list[_Near] = []


def _near(counts: Mapping[str, int]) -> _Near:
    if not _last or _last[0].counts is not counts:
        _last[:] = [_Near(counts)]
    return _last[0]


def _slips(s: str) -> set[str]:
    out = {s[:i] + s[i + 1:] for i in range(len(s))}
    out.update(s[:i] + s[i + 1] + s[i] + s[i + 2:] for i in range(len(s) - 1))
    for c in _LETTERS:
        out.update(s[:i] + c + s[i + 1:] for i in range(len(s)))
        out.update(s[:i] + c + s[i:] for i in range(len(s) + 1))
    out.discard(s)
    return out
