"""The "possible" tier of the duplicates queue: records that hold only a first name or a
nickname, and the full records they may belong to.

A team that met "Khadija, about 34" or "Simo" (what men called Mohamed are often called) could
not write more. Such a record is possibly the same person as a full record ("Khadija Bennani",
34; "Mohamed Tazi", 31) of the same sex, in the same province, with an age within a few years
(or the same birth date), whose first name it holds, or whose nickname, or of whose first name
the nickname is a short form (Simo, Fatna, Kaddour). Nothing else can tell, so how likely that
is depends on how many full records would fit as well: a "Khadija, 34" fits dozens of records
in a large vault and is not proposed; an "Atika, 60" may fit one; "Simo, born 21/12/1974" fits
the Mohamed born that day.

Each full record ``f`` of the ``n`` that carry the name (of that sex, in that province) is the
person with a prior ``r / n`` (``r``: the share of such short records whose person has a full
record here, :data:`_SHORT_RECORD_PRIOR`); the ages weigh ``1 / u_f``, ``u_f`` being the share
of persons born as close. Then ``P(f) = r w_f / (r * sum(w) + 1 - r)`` with ``w_f = 1 / (n
u_f)``. Pairs from ``POSSIBLE_THRESHOLD`` up are proposed, apart from the likely pairs, and
never merged without a supervisor. No Qt.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from fieldapp.domain.matching import Pair, PersonIndex, Reason, contradicts, weigh
from fieldapp.domain.name_match import (
    FIRST_ONLY,
    TITLES,
    Form,
    compare_names,
    forms_of,
    full_name,
    is_compound,
    short_form_of,
)
from fieldapp.domain.names import tokens

__all__ = ["POSSIBLE_THRESHOLD", "possible_pairs"]

POSSIBLE_THRESHOLD: Final = 0.3

# Of the records that hold only a first name or a nickname, the share whose person also
# has a full record in the vault that fits (same sex and province, age within the window).
_SHORT_RECORD_PRIOR = 0.25
_YEARS = 3.0  # "an age within a few years" ...
_APPROXIMATE_YEARS = 1.0  # ... and this much more for each approximate age
_AGE_GRAIN = 0.5  # years: an approximate age is this far off at least
_ONE_DAY = 1 / 365.2425

_NAME, _SHORT_FORM, _NICKNAME = range(3)


@dataclass(frozen=True, slots=True)
class _Route:
    """A way a short record points to full records: a first name it holds or that its
    nickname stands for (compared as ``forms``), or a nickname ``key`` full records hold."""

    how: int
    key: str
    forms: tuple[Form, ...] = ()


def _first_only(forms: tuple[Form, ...]) -> bool:
    return bool(forms) and all(len(f.parts) == 1 or is_compound(f) for f in forms)


def _routes(index: PersonIndex, k: int) -> list[_Route]:
    p = index.people[k]
    routes: list[_Route] = []
    if _first_only(p.forms):
        routes.append(_Route(_NAME, p.forms[0].parts[0], p.forms))
    if p.forms:
        return routes  # a first name given: the nickname says no more
    for word in tokens(p.nickname):
        if word in TITLES:
            continue
        name = short_form_of(word)
        forms = forms_of(name, "") if name else forms_of("", word)
        if forms and len(forms[0].parts) == 1:
            routes.append(_Route(_SHORT_FORM if name else _NAME, forms[0].parts[0], forms))
    routes.extend(_Route(_NICKNAME, key) for key in p.nicknames)
    return routes


def possible_pairs(index: PersonIndex, skip: Iterable[int] = (),
                   threshold: float = POSSIBLE_THRESHOLD) -> list[Pair]:
    """Possible duplicates, best first: (id_a, id_b, probability, reasons), id_a < id_b, each
    a record holding only a first name or a nickname and a full record. Records in ``skip``
    (already in a likely pair) are not proposed again."""
    people = index.people
    by_name: defaultdict[tuple[str, str, str], list[tuple[float, int]]] = defaultdict(list)
    by_nickname: defaultdict[tuple[str, str, str], list[tuple[float, int]]] = defaultdict(list)
    short: list[int] = []
    for k, p in enumerate(people):
        if not (p.sex and p.province and p.birth is not None):
            continue
        if full_name(p.forms):
            for form in p.forms:
                if len(form.parts) >= 2:
                    by_name[form.parts[0], p.sex, p.province].append((p.birth, k))
            for key in p.nicknames:
                by_nickname[key, p.sex, p.province].append((p.birth, k))
        elif p.forms or p.nicknames:
            short.append(k)
    for table in (by_name, by_nickname):
        for listed in table.values():
            listed.sort()
    skipped = set(skip)
    found: dict[tuple[int, int], tuple[float, int, int]] = {}  # probability, route, fits
    for s in short:
        if s not in skipped:
            _fits(index, s, by_name, by_nickname, threshold, found)
    out: list[Pair] = []
    for (i, j), (probability, how, fit) in found.items():
        reasons: list[Reason] = []
        weigh(index, i, j, reasons)
        if how == _SHORT_FORM:
            reasons.insert(0, Reason("nickname_is_first_name"))
        if fit > 1:
            reasons.append(Reason("others_fit", {"others": fit - 1}))
        out.append((index.ids[i], index.ids[j], probability, reasons))
    out.sort(key=lambda c: (-c[2], c[0], c[1]))
    return out


Table = dict[tuple[str, str, str], list[tuple[float, int]]]


def _fits(index: PersonIndex, s: int, by_name: Table, by_nickname: Table, threshold: float,
          found: dict[tuple[int, int], tuple[float, int, int]]) -> None:
    """The full records short record ``s`` may be, into ``found`` from ``threshold`` up."""
    people, population = index.people, index.population
    p = people[s]
    assert p.birth is not None
    r = _SHORT_RECORD_PRIOR
    # the largest share of persons born as close that still lets one record reach threshold,
    # for a name carried by one record
    closest_share = r * (1 - threshold) / (threshold * (1 - r))
    weights: dict[int, tuple[float, int]] = {}
    for route in _routes(index, s):
        table = by_nickname if route.how == _NICKNAME else by_name
        members = table.get((route.key, p.sex, p.province))
        if not members:
            continue
        limit = closest_share / len(members)
        # as far as ages may be and still be close enough (for Mohamed: the same birth date)
        widest = _YEARS + 2 * _APPROXIMATE_YEARS + _AGE_GRAIN
        while widest > _ONE_DAY and population.born_within(p.birth, widest) > limit:
            widest /= 2
        if widest <= _ONE_DAY and (not p.birth_date
                                   or population.born_within(p.birth, _ONE_DAY) > limit):
            continue  # so many carry the name that none can be told: Mohamed, Fatima
        lo = bisect_left(members, (p.birth - 2 * widest, -1))
        hi = bisect_right(members, (p.birth + 2 * widest, len(people)))
        for birth, f in members[lo:hi]:
            q = people[f]
            if f in weights:
                continue
            years = abs(birth - p.birth)
            if p.birth_date and p.birth_date == q.birth_date:
                radius = _ONE_DAY
            else:
                approximate = (not p.birth_date) + (not q.birth_date)
                if years > _YEARS + _APPROXIMATE_YEARS * approximate:
                    continue
                radius = max(years, _AGE_GRAIN) + _AGE_GRAIN * approximate
            share = population.born_within(p.birth, radius)
            if share > limit or contradicts(index, s, f):
                continue
            if route.how == _NICKNAME or (
                    compare_names(route.forms, q.forms).kind == FIRST_ONLY):
                weights[f] = (1.0 / (len(members) * share), route.how)
    if not weights:
        return
    total = sum(w for w, _ in weights.values())
    for f, (w, how) in weights.items():
        probability = r * w / (r * total + 1 - r)
        if probability >= threshold:
            pair = (s, f) if index.ids[s] < index.ids[f] else (f, s)
            found[pair] = (probability, how, len(weights))
