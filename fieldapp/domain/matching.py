"""Person matching: how likely two person records are the same person, and why.

The same person is often recorded by several teams: in Arabic script by one, in a French-style
Latin spelling by another, with a first name only, a nickname or an approximate age. This module
scores a pair of person records (:func:`score`), lists the evidence as codes the UI translates
(:func:`explain`), and finds the likely duplicates among many records (:func:`find_candidates`).
Names are compared by :mod:`fieldapp.domain.name_match`; records are compared within the
blocks of :mod:`fieldapp.domain.blocking`.

The score is a logistic of summed log-odds weights: one per piece of evidence (CIN, names,
nickname, sex, age, province), each of which adds one :class:`Reason`. A first name alone, or
a nickname that is a title (Hajja), is weak evidence: a second team's "Fatima, about 30"
needs a birth date, a nickname or a CIN to become a candidate.

Those weights are a pair's as if no one else carried their names. Among many records the
score also weighs how many others would be as alike by chance (:func:`_namesakes`, from how
common the names, nicknames and ages are: :class:`~fieldapp.domain.population.Population`):
two "Mohamed Alaoui, about 40" among a hundred thousand persons are not the same person
without more to go by, two "Abdelmajid Ouardighi, about 40" likely are. :func:`score` and
:func:`explain` take the population as an argument; the candidate search builds it.
"""

from __future__ import annotations

import gc
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import combinations
from typing import Any, Final

from fieldapp.domain.blocking import block_keys, block_pairs, hopeless, name_keys
from fieldapp.domain.name_match import (
    ABSENT,
    DIFFER,
    FIRST_NAME_BEST,
    FIRST_ONLY,
    FULL,
    NAMES_BEST,
    NAMES_PER_PART,
    NICKNAME_OWN,
    NICKNAME_TITLE,
    NICKNAME_TITLE_AND_NAME,
    NO_NAMES,
    PARTLY,
    Form,
    NameMatch,
    compare_names,
    forms_of,
    full_name,
    nickname_keys,
    short_form_names,
)
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

REASON_CODES: Final = frozenset({
    "same_cin", "different_cin",
    "names_match_across_scripts", "names_match_same_script", "first_name_only",
    "names_partly_differ", "names_differ", "nickname_matches",
    "sex_differs", "same_birth_date", "age_close", "age_differs", "province_differs",
    "others_alike", "others_may_be_alike", "none_alike",
    "nickname_is_first_name", "others_fit",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reason:
    """One piece of evidence: a stable ``code`` (see REASON_CODES) and its parameters.

    Params: ``names_match_*``: {"parts": name parts matched}; ``nickname_matches``:
    {"kind": "own" | "title_and_name" | "title"} (Zizou, Mi Fatna, Hajja); ``age_close`` and
    ``age_differs``: {"years": rounded difference}; ``province_differs``: {"a": code of the
    first record's province, "b": the second's}; ``others_alike``: {"others": how many other
    persons of that age would have the same name by chance, rounded}; ``others_fit`` (the
    possible tier, :mod:`fieldapp.domain.possible`): {"others": how many other records would
    fit as well}. Others have none: ``others_may_be_alike`` (fewer than one, but not none),
    ``none_alike`` (no one else carries the name), ``nickname_is_first_name`` (Simo for
    Mohamed, Fatna for Fatima).
    """

    code: str
    params: Mapping[str, int | str] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.params.items()))))


Pair = tuple[str, str, float, list[Reason]]  # id_a < id_b, score, reasons


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

# Namesakes (see _namesakes): the pairwise weights above are those of a pair of records whose
# names no one else carries, or nearly: about this many others as alike. Each time as many
# again halves the odds (a log-odds of -log(1 + namesakes / _NAMESAKES_ALLOWED)).
_NAMESAKES_ALLOWED = 0.00075
_MANY_ALIKE = 1.0  # namesakes: from this many a reason says how many
_SOME_ALIKE = 0.1  # ... from this many that some may be
_NONE_ALIKE = 0.01  # ... below this, that no one else carries the name
# The share of persons carrying a name part that no one else here carries: two records of
# the only Achaghouj family may yet be two Achaghouj (about one person in 100,000 is one).
_UNSEEN = 1e-5
_ONE_DAY = 1 / _YEAR_DAYS
_AGE_GRAIN = 0.5  # years: an approximate age is this far off at least
# What two records of a block of namesakes can be at best (a block whose namesakes outweigh
# it is not compared): names alike in every part (up to _MAX_PARTS parts counted), or a
# first name and a nickname of one's own; ages within a year.
_MAX_PARTS = 6
_BEST_FIRST_NAME = _PRIOR + FIRST_NAME_BEST + NICKNAME_OWN + _AGE_CLOSE
# Below this pairwise log-odds two records say they are two people (two CINs, two sexes,
# names that differ): they never share a cluster.
_CONTRADICTION = -4.0


# --- persons -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Person:
    forms: tuple[Form, ...]
    units: frozenset[str]  # skeletons of every name unit of every form
    nickname: str
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
    nicknames, nickname_weight = nickname_keys(nickname) if nickname else (frozenset(), 0.0)
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
    forms = forms_of(name_ar, name_lat)
    units = _units_of(forms)
    if nickname_weight == NICKNAME_OWN and not short_form_names(nickname).isdisjoint(units):
        nickname_weight = NICKNAME_TITLE_AND_NAME  # Simo, for a Mohamed
    return _Person(
        forms=forms,
        units=units,
        nickname=nickname,
        nicknames=nicknames,
        nickname_weight=nickname_weight,
        cin=str(record.get("cin") or "").strip().upper(),
        sex=str(record.get("sex") or ""),
        birth=birth,
        birth_date=birth_date,
        province=str(record.get("province") or ""),
    )


@lru_cache(maxsize=1 << 19)
def _units_of(forms: tuple[Form, ...]) -> frozenset[str]:
    return frozenset(u.skeletons[0] for f in forms for u in f.units)


def _population_keys(p: _Person) -> Iterator[str]:
    yield from ("n:" + u for u in p.units)
    yield from ("k:" + k for k in p.nicknames)
    if p.sex:
        yield "s:" + p.sex
    if p.province:
        yield "p:" + p.province


def _log_odds(a: _Person, b: _Person, reasons: list[Reason] | None,
              population: Population | None = None) -> float:
    """Summed evidence for "same person"; appends one Reason per weight when asked. With a
    ``population``, less the namesakes as alike as these two (see _namesakes)."""
    total, names, shared = _evidence(a, b, reasons)
    if population is not None:
        total -= _namesakes_weight(population, a, b, names, shared, reasons)
    return total


def _evidence(a: _Person, b: _Person, reasons: list[Reason] | None
              ) -> tuple[float, NameMatch, frozenset[str]]:
    """The pair's own evidence (as if no one else carried their names), how their names
    compare and the nickname keys they share."""
    total = _PRIOR
    if a.cin and b.cin:
        same = a.cin == b.cin
        total += _SAME_CIN if same else _DIFFERENT_CIN
        if reasons is not None:
            reasons.append(Reason("same_cin" if same else "different_cin"))
    names = compare_names(a.forms, b.forms) if a.forms and b.forms else NO_NAMES
    total += names.weight
    if reasons is not None and names.kind != ABSENT:
        code = {
            DIFFER: "names_differ",
            PARTLY: "names_partly_differ",
            FIRST_ONLY: "first_name_only",
            FULL: "names_match_same_script" if names.same_script
            else "names_match_across_scripts",
        }[names.kind]
        reasons.append(Reason(code, {"parts": names.units} if names.kind == FULL else {}))
    shared = a.nicknames & b.nicknames if a.nicknames and b.nicknames else frozenset()
    if shared:
        weight = min(a.nickname_weight, b.nickname_weight)
        total += weight
        if reasons is not None:
            kind = ("own" if weight == NICKNAME_OWN else "title" if weight == NICKNAME_TITLE
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
    return total, names, shared


def _namesakes_weight(population: Population, a: _Person, b: _Person, names: NameMatch,
                      shared: frozenset[str], reasons: list[Reason] | None) -> float:
    """What the namesakes as alike as ``a`` and ``b`` take away from their log-odds."""
    alike = _namesakes(population, a, b, names, shared)
    if reasons is not None:
        if alike >= _MANY_ALIKE:
            reasons.append(Reason("others_alike", {"others": round(alike)}))
        elif alike >= _SOME_ALIKE:
            reasons.append(Reason("others_may_be_alike"))
        elif names.kind == FULL and alike < _NONE_ALIKE:
            reasons.append(Reason("none_alike"))
    return math.log1p(alike / _NAMESAKES_ALLOWED)


def _namesakes(population: Population, a: _Person, b: _Person, names: NameMatch,
               nicknames: frozenset[str]) -> float:
    """How many other records would, by chance, agree with ``a`` as well as ``b`` does: on
    the name parts and the nickname that match (as many others as carry the commoner of the
    two spellings), the sex when no name says it, the province and the age (as many as were
    born as close to ``a``). The name, the nickname, the province and the age are taken as
    independent of each other. None when the CIN is the same: a CIN is one person's."""
    if a.cin and a.cin == b.cin:
        return 0.0
    size = population.size
    alike = float(size)
    named = names.kind in (FULL, FIRST_ONLY)
    if named:
        alike = _name_namesakes(population, a, b, names.keys)
    if nicknames:
        alike *= max(_others(population, "k:", k, k, a.nicknames, b.nicknames)
                     for k in nicknames) / size + _UNSEEN
    if not named and a.sex and a.sex == b.sex:
        alike *= population.share("s:" + a.sex)
    if a.province and a.province == b.province:
        alike *= population.share("p:" + a.province)
    if a.birth is not None and b.birth is not None:
        if a.birth_date and a.birth_date == b.birth_date:
            years = _ONE_DAY
        else:
            approximate = (not a.birth_date) + (not b.birth_date)
            years = max(abs(a.birth - b.birth), _AGE_GRAIN) + _AGE_GRAIN * approximate
        alike *= (population.born_within(a.birth, years, 2)
                  + population.born_within(b.birth, years, 2)) / 2
    return alike


def _name_namesakes(population: Population, a: _Person, b: _Person,
                    keys: tuple[tuple[str, str], ...]) -> float:
    """Other records that carry the name parts that match: as many as carry the parts
    together (the Mohamed Alaoui), and at least as many as parts this common would give if
    they were drawn independently (two records of the only Achaghouj family here are still
    as likely two Mohameds as the share of Mohameds says)."""
    size = population.size
    alike = float(size)
    for key_a, key_b in keys:
        alike *= _others(population, "n:", key_a, key_b, a.units, b.units) / size + _UNSEEN
    if len(keys) < 2:
        return alike
    held_a, held_b = name_keys(a.forms)[0], name_keys(b.forms)[0]
    for (a1, b1), (a2, b2) in combinations(keys, 2):
        key_a = f"{a1}|{a2}" if a1 < a2 else f"{a2}|{a1}"
        key_b = f"{b1}|{b2}" if b1 < b2 else f"{b2}|{b1}"
        if key_a in held_a or key_b in held_b:  # not a particle (Ait) or a glued part
            count_a = population.group_size(key_a) - (key_a in held_a) - (key_a in held_b)
            count_b = population.group_size(key_b) - (key_b in held_a) - (key_b in held_b)
            alike = max(alike, count_a, count_b)
    return alike


def _others(population: Population, prefix: str, key_a: str, key_b: str,
            held_a: frozenset[str], held_b: frozenset[str]) -> int:
    """Records other than a and b that hold the commoner of two keys."""
    count_a = population.count(prefix + key_a) - (key_a in held_a) - (key_a in held_b)
    if key_b == key_a:
        return max(0, count_a)
    count_b = population.count(prefix + key_b) - (key_b in held_a) - (key_b in held_b)
    return max(0, count_a, count_b)


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


@dataclass(slots=True)
class PersonIndex:
    """Person records made ready for matching: their ids, what each holds as evidence, and
    how common each name, nickname and age is among them. Deleted and merged records, and
    repeated ids, are left out."""

    ids: list[str]
    people: list[_Person]
    population: Population
    completeness: list[int]  # fields filled in, to choose the record to keep
    blocks: dict[str, list[int]]  # records that share a block key (see _block_keys)


def index_persons(persons: Iterable[Mapping[str, Any]]) -> PersonIndex:
    today = date.today()
    ids: list[str] = []
    people: list[_Person] = []
    completeness: list[int] = []
    known: set[str] = set()
    for record in persons:
        person_id = str(record["id"])
        if record.get("deleted") or record.get("merged_into") or person_id in known:
            continue
        known.add(person_id)
        ids.append(person_id)
        people.append(_person(record, today))
        completeness.append(sum(1 for v in record.values() if v not in (None, "", [])))
    blocks: defaultdict[str, list[int]] = defaultdict(list)
    for k, person in enumerate(people):
        for block_key in block_keys(person):
            blocks[block_key].append(k)
    # two name parts together: as many records carry them as their block holds
    population = Population.of(((_population_keys(p), p.birth) for p in people), blocks)
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
    return _probability(_log_odds(_person(a, today), _person(b, today), None, population))


def explain(a: Mapping[str, Any], b: Mapping[str, Any],
            population: Population | None = None) -> tuple[float, list[Reason]]:
    """:func:`score` and the evidence behind it, strongest kinds first (CIN, names, ...)."""
    today = date.today()
    reasons: list[Reason] = []
    log_odds = _log_odds(_person(a, today), _person(b, today), reasons, population)
    return _probability(log_odds), reasons


def weigh(index: PersonIndex, i: int, j: int, reasons: list[Reason] | None = None) -> float:
    """The log-odds that records ``i`` and ``j`` of ``index`` are one person, as if no one
    else carried their names; the evidence is appended to ``reasons`` when given."""
    return _log_odds(index.people[i], index.people[j], reasons)


def contradicts(index: PersonIndex, i: int, j: int) -> bool:
    """Whether records ``i`` and ``j`` of ``index`` say they are two people (two CINs, two
    sexes, ages far apart, names that differ): they never belong in one cluster."""
    return weigh(index, i, j) < _CONTRADICTION


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
    # namesakes of the closest age, and the province's share: how alike a pair of a block of
    # namesakes can be at best (see blocking.hopeless)
    closest = [population.born_within(b, _AGE_GRAIN, 2) if b is not None else 1.0
               for b in births]
    provinces = [population.share("p:" + p.province) if p.province else 1.0 for p in people]
    parts = [max((len(f.parts) for f in p.forms), default=0) for p in people]
    full = [full_name(p.forms) for p in people]
    # the namesakes beyond which a pair of names of 2, 3, ... parts cannot reach the bound
    limits = [_NAMESAKES_ALLOWED * math.expm1(min(700.0, best - bound))
              for best in (_best_names_only(n) for n in range(_MAX_PARTS + 1))]
    limit_short = _NAMESAKES_ALLOWED * math.expm1(min(700.0, _BEST_FIRST_NAME - bound))
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
        # two name parts: every member carries them, as do len(members) - 2 others of a pair
        namesakes = len(members) - 2 if ":" not in block_key else 0
        if namesakes:
            first, second = block_key.split("|", 1)
        elif short:
            first, second = block_key.split("|k:", 1)
            # a first name and a nickname: as many others as carry each, were they independent
            namesakes = ((population.count("n:" + first) - 2)
                         * (population.count("k:" + second) - 2) // max(1, population.size))
        # the same records under another key (a name's slips, its readings) and compared the
        # same way: once
        signature = (window, nameless, short, block_key if namesakes else "", *members)
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
            if (nameless and a.forms and b.forms) or (
                    short and full[i] and full[j]
                    and not name_keys(a.forms)[0].isdisjoint(name_keys(b.forms)[0])):
                continue
            seen.add(pair)
            if namesakes > 0 and not (short and full[i] and full[j]) and hopeless(
                    a, b, first, second, short, namesakes * min(
                    closest[i], closest[j]) * min(provinces[i], provinces[j]), limit_short
                    if short else limits[min(_MAX_PARTS, parts[i], parts[j])]):
                continue
            compared += 1
            # the namesakes only take away: most pairs are below the bound without them
            total, names, shared = _evidence(a, b, None)
            if total >= bound and total - _namesakes_weight(
                    population, a, b, names, shared, None) >= bound:
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


def _best_names_only(parts: int) -> float:
    """The best log-odds of two records with names of ``parts`` parts and ages only: names
    alike in every part, ages within a year."""
    return _PRIOR + NAMES_BEST + NAMES_PER_PART * max(0, parts - 2) + _AGE_CLOSE
