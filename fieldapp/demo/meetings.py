"""Who is met at each encounter, and where.

Street outreach meets people where they stay: a person sleeps, begs or works in one part of
the city (a station's forecourt, a medina gate, a market) and the teams that patrol that
area meet them there, night after night. So in the demo:

- a person is first met in the area where they stay, and most of their later meetings are
  there too (:data:`MET_WHERE_THEY_STAY`); the others anywhere in the city, where the
  person was passing through;
- a second record of a person, made by a team that did not find the first one, is made
  where the person stays most of the time (:data:`RECORDED_WHERE_THEY_STAY`), less often
  for children and migrants, who move more (:data:`RECORDED_WHERE_THEY_STAY_MOBILE`);
  otherwise the person was met elsewhere in the city (moved, or passing through);
- the area a person stays in is drawn by how many people the teams meet there (the
  encounters patrolled there), whatever the person's name: two namesakes share an area
  only by chance, as often as the areas' sizes make them; migrants gather in a couple of
  areas (:data:`MIGRANTS_GATHERED`), as they do near stations and in a few neighbourhoods.

No Qt. Used by :mod:`fieldapp.demo` (the generator), which owns the random draws.
"""

from __future__ import annotations

import random
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

__all__ = ["MET_WHERE_THEY_STAY", "MIGRANTS_GATHERED", "RECORDED_WHERE_THEY_STAY",
           "RECORDED_WHERE_THEY_STAY_MOBILE", "Meetings", "Patrol", "plan_meetings"]

# A person's later meetings in the area where they stay (else anywhere in the city).
MET_WHERE_THEY_STAY = 0.85
# Another team's record of a person made in the area where the person stays; for a child
# or a migrant (they move more, between areas and cities).
RECORDED_WHERE_THEY_STAY = 0.75
RECORDED_WHERE_THEY_STAY_MOBILE = 0.5
# Migrants staying in one of _MIGRANT_AREAS areas rather than anywhere.
MIGRANTS_GATHERED = 0.6
_MIGRANT_AREAS = 2


@dataclass(slots=True)
class Patrol:
    """A planned patrol: its values, its night and start, and how many encounters it has."""

    values: dict[str, Any]
    night: date
    start_min: int  # minutes after midnight of ``night``
    encounters: int

    @property
    def area(self) -> tuple[str, str]:
        return (str(self.values.get("commune") or ""), str(self.values.get("area") or ""))

    def window(self) -> int:
        """Minutes after the start in which the patrol meets people."""
        if "ended_at" in self.values:
            ended: datetime = self.values["ended_at"]
            started: datetime = self.values["started_at"]
            return max(1, int((ended - started).total_seconds() // 60) - 20)
        return max(1, 24 * 60 - 5 - self.start_min - 10)  # tonight: until just before midnight


@dataclass(slots=True)
class Person:
    """What the meetings need of a person record."""

    weight: int  # how often the person is met again (0: met once)
    mobile: bool  # a child or a migrant: moves more
    migrant: bool


@dataclass(slots=True)
class Meetings:
    """Encounter slots in time order: anonymous or not, who is met (-1: no one known), the
    minutes after the patrol's start; and when each person record was first met (None: never
    on a patrol, met at a centre)."""

    anonymous: array[int]
    met: array[int]
    offsets: array[int]
    first_seen: list[date | None]


def plan_meetings(rng: random.Random, patrols: Sequence[Patrol], persons: Sequence[Person],
                  copy_of: Mapping[int, int], encounters: int) -> Meetings:
    """Who is met at each encounter: every person record's first meeting is spread over the
    period (in record order within the area where it is made), later meetings go to the
    often-met few, mostly where they stay. ``copy_of``: a later record of a person → the
    index of its first record."""
    n_persons = len(persons)
    anonymous = array("b", (rng.random() < 0.15 or n_persons == 0 for _ in range(encounters)))
    met = array("l", [-1]) * encounters
    offsets = array("l", [0]) * encounters
    first_seen: list[date | None] = [None] * n_persons
    # the areas, and the named encounters each will have
    area_of: dict[tuple[str, str], int] = {}
    patrol_area = [area_of.setdefault(p.area, len(area_of)) for p in patrols]
    named = [0] * len(area_of)
    slot = 0
    for p, a in zip(patrols, patrol_area, strict=True):
        named[a] += sum(1 for s in range(slot, slot + p.encounters) if not anonymous[s])
        slot += p.encounters
    home = _homes(rng, persons, copy_of, named)
    queues: list[list[int]] = [[] for _ in named]
    for k, a in enumerate(home):
        if a >= 0:
            queues[a].append(k)
    queued = [0] * len(named)  # records of each queue met so far
    pools: list[list[int]] = [[] for _ in named]  # later meetings, by where people stay
    pool: list[int] = []
    introduced: list[int] = []
    slot = 0
    for p, a in zip(patrols, patrol_area, strict=True):
        window = p.window()
        for off in sorted(rng.randrange(window) for _ in range(p.encounters)):
            offsets[slot] = minutes = off + 10
            if not anonymous[slot]:
                queue = queues[a]
                new_left = len(queue) - queued[a]
                if not introduced and not new_left:  # no one to meet again yet: anyone new
                    a_new = max(range(len(queues)), key=lambda b: len(queues[b]) - queued[b])
                    queue, new_left = queues[a_new], len(queues[a_new]) - queued[a_new]
                else:
                    a_new = a
                if new_left and (not introduced or rng.random() * named[a] < new_left):
                    k = queue[queued[a_new]]
                    queued[a_new] += 1
                    introduced.append(k)
                    first_seen[k] = p.night + timedelta(days=(p.start_min + minutes) // 1440)
                    weight = persons[k].weight
                    pool.extend([k] * weight)
                    pools[home[k] if home[k] >= 0 else a].extend([k] * weight)
                elif pools[a] and rng.random() < MET_WHERE_THEY_STAY:
                    k = pools[a][rng.randrange(len(pools[a]))]
                elif pool:
                    k = pool[rng.randrange(len(pool))]
                elif introduced:
                    k = introduced[rng.randrange(len(introduced))]
                else:  # no person at all
                    k = -1
                    anonymous[slot] = 1
                met[slot] = k
                named[a] -= 1
            slot += 1
    return Meetings(anonymous, met, offsets, first_seen)


def _homes(rng: random.Random, persons: Sequence[Person], copy_of: Mapping[int, int],
           named: Sequence[int]) -> list[int]:
    """The area each record is made in (-1: none, met at a centre): a first record where the
    person stays, drawn by the areas' named encounters; a later one there too, or elsewhere."""
    areas = [a for a, n in enumerate(named) if n > 0]
    if not areas:
        return [-1] * len(persons)
    cum: list[int] = []
    total = 0
    for a in areas:
        total += named[a]
        cum.append(total)
    gathering = rng.sample(areas, min(_MIGRANT_AREAS, len(areas)))
    room = list(named)  # a record is made at an encounter of its area: at most this many

    def anywhere() -> int:
        return rng.choices(areas, cum_weights=cum)[0]

    home: list[int] = []
    for k, person in enumerate(persons):
        first = copy_of.get(k)
        if first is not None:
            stays = (RECORDED_WHERE_THEY_STAY_MOBILE if person.mobile
                     else RECORDED_WHERE_THEY_STAY)
            a = home[first] if rng.random() < stays and home[first] >= 0 else anywhere()
        elif person.migrant and rng.random() < MIGRANTS_GATHERED:
            a = rng.choice(gathering)
        else:
            a = anywhere()
        if room[a] <= 0:  # a small demo: the area has no encounter left for a first meeting
            a = max(areas, key=lambda b: room[b])
            if room[a] <= 0:
                a = -1
        if a >= 0:
            room[a] -= 1
        home.append(a)
    return home
