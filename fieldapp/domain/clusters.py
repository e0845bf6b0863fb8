"""The duplicates queue: candidate pairs grouped into clusters, one presumed person each.

Records of one person met by three teams make three candidate pairs; the supervisor sees one
cluster of three records. Pairs are joined best first, as long as the two groups they join
hold no two records that a supervisor said are different people ("not the same person", a
synced ``non_duplicate``) or that say so themselves (two CINs, two sexes, ages far apart: see
:func:`fieldapp.domain.matching.contradicts`), and the cluster stays small enough to review.
A cluster is as certain as its weakest link: the queue lists the likely clusters most certain
first, then the possible tier (:mod:`fieldapp.domain.possible`), each of its pairs a cluster
of two, never to be merged without a look. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from fieldapp.domain.matching import (
    DEFAULT_THRESHOLD,
    MatchStats,
    Pair,
    collector_paused,
    contradicts,
    index_persons,
    likely_pairs,
)
from fieldapp.domain.possible import POSSIBLE_THRESHOLD, possible_pairs

__all__ = ["MAX_RECORDS", "Cluster", "DuplicateQueue", "cluster_pairs", "duplicate_queue"]

MAX_RECORDS: Final = 8  # a cluster larger than this is more likely a chain of namesakes


@dataclass(frozen=True, slots=True)
class Cluster:
    """Records presumed to be one person: ``ids`` with the one to keep first (the most
    complete), the candidate pairs among them best first, and the weakest link that holds
    them together."""

    ids: tuple[str, ...]
    links: tuple[Pair, ...]
    certainty: float
    possible: bool = False


@dataclass(frozen=True, slots=True)
class DuplicateQueue:
    """What a supervisor reviews: likely clusters, most certain first, then the possible
    tier; ``pairs`` counts the candidate pairs behind the likely clusters."""

    likely: list[Cluster]
    possible: list[Cluster]
    stats: MatchStats
    pairs: int = 0


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def cluster_pairs(pairs: Iterable[Pair], refused: Iterable[tuple[str, str]] = (),
                  apart: Callable[[str, str], bool] | None = None,
                  completeness: Mapping[str, int] | None = None) -> list[Cluster]:
    """Clusters of candidate pairs, most certain first. ``refused``: pairs decided "not the
    same person" (never proposed, and never in one cluster); ``apart(a, b)``: whether two
    records say they are two people; ``completeness``: how much each record holds, to put
    the one to keep first (ties: the smaller id, the older record)."""
    no = {_key(a, b) for a, b in refused}
    group_of: dict[str, int] = {}
    members: list[list[str]] = []
    links: list[list[Pair]] = []
    weakest: list[float] = []
    for pair in sorted(pairs, key=lambda c: (-c[2], c[0], c[1])):
        a, b, certainty = pair[0], pair[1], pair[2]
        if _key(a, b) in no:
            continue
        ga, gb = group_of.get(a), group_of.get(b)
        if ga is not None and ga == gb:
            links[ga].append(pair)  # another link inside a cluster: more reasons to show
            continue
        mine = members[ga] if ga is not None else [a]
        theirs = members[gb] if gb is not None else [b]
        if len(mine) + len(theirs) > MAX_RECORDS or any(
                _key(x, y) in no or (apart is not None and apart(x, y))
                for x in mine for y in theirs):
            continue
        if ga is None and gb is None:
            group_of[a] = group_of[b] = len(members)
            members.append([a, b])
            links.append([pair])
            weakest.append(certainty)
            continue
        if ga is None or (gb is not None and len(members[gb]) > len(members[ga])):
            ga, gb, mine, theirs = gb, ga, theirs, mine
        assert ga is not None
        for x in theirs:
            group_of[x] = ga
        members[ga].extend(theirs)
        links[ga].append(pair)
        weakest[ga] = min(weakest[ga], certainty)
        if gb is not None:
            links[ga].extend(links[gb])
            weakest[ga] = min(weakest[ga], weakest[gb])
            members[gb], links[gb] = [], []
    done = completeness or {}
    out = [Cluster(tuple(sorted(ids, key=lambda i: (-done.get(i, 0), i))),
                   tuple(sorted(found, key=lambda c: (-c[2], c[0], c[1]))), weakest[g])
           for g, (ids, found) in enumerate(zip(members, links, strict=True)) if ids]
    out.sort(key=lambda c: (-c.certainty, -len(c.ids), c.ids))
    return out


def duplicate_queue(persons: Iterable[Mapping[str, Any]],
                    refused: Iterable[tuple[str, str]] = (),
                    threshold: float = DEFAULT_THRESHOLD,
                    possible_threshold: float = POSSIBLE_THRESHOLD,
                    report: Callable[[int, int], None] | None = None) -> DuplicateQueue:
    """The duplicates queue of ``persons`` (records as :func:`matching.find_candidates`
    takes them), without the pairs ``refused`` ("not the same person"). ``report(done,
    total)`` hears of its four steps."""
    steps = 4
    no = frozenset(_key(a, b) for a, b in refused)
    with collector_paused():
        index = index_persons(persons)
        if report:
            report(1, steps)
        pairs, stats = likely_pairs(index, threshold)
        pairs = [c for c in pairs if (c[0], c[1]) not in no]
        if report:
            report(2, steps)
        position = {pid: k for k, pid in enumerate(index.ids)}
        completeness = dict(zip(index.ids, index.completeness, strict=True))
        likely = cluster_pairs(
            pairs, no, lambda x, y: contradicts(index, position[x], position[y]), completeness)
        if report:
            report(3, steps)
        clustered = {position[i] for c in likely for i in c.ids}
        possible: list[Cluster] = []
        for pair in possible_pairs(index, clustered, possible_threshold):
            if (pair[0], pair[1]) in no:
                continue
            ids = sorted(pair[:2], key=lambda i: (-completeness[i], i))
            possible.append(Cluster(tuple(ids), (pair,), pair[2], possible=True))
        if report:
            report(steps, steps)
    return DuplicateQueue(likely, possible, stats, len(pairs))
