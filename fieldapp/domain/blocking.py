"""Blocking: the keys under which person records are compared, so that a search compares the
pairs that can score high and not every pair of a hundred thousand records.

Records share a block when they share two name parts (one perhaps with a slip: a letter less
in a long skeleton, or two letters swapped in a Latin spelling), a CIN, a name part or a
nickname with the birth date, a name part with a nickname, or a nickname of one's own. Used
by :func:`fieldapp.domain.matching.likely_pairs`, which compares large blocks by sorted
neighbourhood on the estimated birth date (:func:`block_pairs`), and in some blocks only
the pairs the block is for: a block on a spelling's letters in order, the spellings two
swapped letters apart (:func:`letters_swapped`: not Amzil and Azmil, two names); a block on
a first name and a nickname, not two full names (they meet on their family name). No Qt.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

from fieldapp.domain.name_match import NICKNAME_OWN, NICKNAME_TITLE, Form, Unit, swapped

if TYPE_CHECKING:
    from fieldapp.domain.evidence import Person

__all__ = ["SWAP", "block_keys", "block_pairs", "letters_swapped", "name_keys", "only_the_key"]

_TYPO_MIN_LETTERS = 5  # Latin spellings this long have a block key for swapped letters
_TYPO_MIN_DELETIONS = 5  # skeletons this long have block keys with a letter less
SWAP = "~"  # begins the key of a Latin spelling's letters in order (see letters_swapped)


def _deletions(s: str) -> set[str]:
    return {s[:k] + s[k + 1:] for k in range(len(s))}


@lru_cache(maxsize=1 << 19)
def _typo_variants(unit: Unit, by_spelling: bool) -> frozenset[str]:
    """Keys shared by a unit and its slips: a long skeleton with a letter less (shorter ones
    less a letter are other names: Bensaid, Bennis), and for a Latin word its letters in
    order, which two letters swapped do not change (Hicahm)."""
    main = unit.skeletons[0]
    out = _deletions(main) if len(main) >= _TYPO_MIN_DELETIONS else set()
    vowels = unit.vowels
    if by_spelling and vowels is not None and len(vowels) >= _TYPO_MIN_LETTERS:
        out.add(SWAP + "".join(sorted(vowels)))
    return frozenset(out)


@lru_cache(maxsize=1 << 19)
def name_keys(forms: tuple[Form, ...]) -> tuple[frozenset[str], frozenset[str]]:
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


def block_keys(p: Person) -> set[str]:
    """Keys under which a record is compared: any pair that can score high shares one."""
    pairs, readings = name_keys(p.forms)
    keys = set(pairs)
    if p.cin:
        keys.add("c:" + p.cin)
    # a title alone (Hajja) beside a name part cannot lift a pair to the threshold
    corroborating = ["k:" + k for k in p.nicknames] if p.nickname_weight > NICKNAME_TITLE else []
    if p.nickname_weight == NICKNAME_OWN:
        keys.update(corroborating)
    if p.birth_date:
        birth = "b:" + p.birth_date
        keys.add(birth)  # a birth date is rarely shared: a nickname-only record meets a name
        keys.update(f"{c}|{birth}" for c in corroborating)
        corroborating.append(birth)
    keys.update(f"{u}|{c}" for u in readings for c in corroborating)
    return keys


def letters_swapped(a: Person, b: Person, letters: int) -> bool:
    """Whether a Latin spelling of ``a`` of so many ``letters`` is one of ``b`` with two
    neighbouring letters swapped (Hicahm, Hicham): what a block on a spelling's letters in
    order is for. Other names of the same letters (Amzil, Azmil) are other names."""
    mine = [u.vowels for f in a.forms if not f.arabic for u in f.units
            if u.vowels is not None and len(u.vowels) == letters]
    return bool(mine) and any(
        swapped(v, u.vowels) for f in b.forms if not f.arabic for u in f.units
        if u.vowels is not None and len(u.vowels) == letters for v in mine)


def block_pairs(members: list[int], births: list[float | None], window: float,
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


def only_the_key(a: Person, b: Person, first: str, second: str, short: bool) -> bool:
    """Whether a pair of a block of namesakes has only what the block's key says to go by:
    two name parts (``first``, ``second``) both records carry as written, or a first name and
    a nickname key (``short``); they share no CIN, no birth date and (but the block's) no
    nickname: those have blocks of their own. Such a pair is as alike as the block's other
    namesakes (see :func:`fieldapp.domain.matching.likely_pairs`)."""
    if (a.cin and a.cin == b.cin) or (a.birth_date and a.birth_date == b.birth_date):
        return False
    if short:
        return first in a.units and first in b.units
    return (first in a.units and second in a.units and first in b.units and second in b.units
            and a.nicknames.isdisjoint(b.nicknames))
