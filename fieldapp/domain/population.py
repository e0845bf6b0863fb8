"""How common names, nicknames, provinces and ages are among the persons searched.

Two records that agree on a name are good evidence of one person only when few others carry
that name: among a hundred thousand persons there are dozens of Mohamed Alaoui, and a
handful of them of any given age. :class:`Population` counts what the records hold, so that
:mod:`fieldapp.domain.matching` can tell how many *other* persons would agree as well by
chance (the namesakes a match must outweigh). Keys are opaque strings given by the caller
(name skeletons, nickname keys, province codes, ...); births are estimated years.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence, Sized
from dataclasses import dataclass, field

__all__ = ["Population"]

_CENTURY = 100.0


@dataclass(frozen=True, slots=True)
class Population:
    """Counts over ``size`` records: how many hold each key, and their sorted births;
    ``groups``: records already grouped by a key (the caller's blocks), counted as held."""

    size: int
    counts: Mapping[str, int]
    births: Sequence[float]  # sorted; records without an age are left out
    groups: Mapping[str, Sized] = field(default_factory=dict)

    @classmethod
    def of(cls, records: Iterable[tuple[Iterable[str], float | None]],
           groups: Mapping[str, Sized] | None = None) -> Population:
        """From each record's keys (each counted once a record) and estimated birth."""
        counts: Counter[str] = Counter()
        births: list[float] = []
        size = 0
        for keys, birth in records:
            size += 1
            counts.update(set(keys))
            if birth is not None:
                births.append(birth)
        births.sort()
        return cls(size, counts, births, groups or {})

    def count(self, key: str) -> int:
        """Records holding ``key``."""
        return self.counts.get(key, 0)

    def group_size(self, key: str) -> int:
        """Records of the group ``key``."""
        group = self.groups.get(key)
        return len(group) if group is not None else 0

    def share(self, key: str) -> float:
        """The share of records holding ``key`` (at least one record's worth)."""
        return max(1, self.counts.get(key, 0)) / max(1, self.size)

    def born_within(self, birth: float, years: float, besides: int = 0) -> float:
        """The share of records with an age whose birth is within ``years`` of ``birth``,
        ``besides`` records known to be (the pair compared); at least as many as ages spread
        over a century would give, for a small population."""
        births = self.births
        if not births:
            return 1.0
        inside = bisect_right(births, birth + years) - bisect_left(births, birth - years)
        return max((inside - besides) / len(births), years / _CENTURY)
