"""Duplicates and conflicts as the database sees them: merge, undo, split, "not the same
person", the candidate pairs, and resolving a conflict record.

No Qt: the supervision queues (fieldapp/ui/supervision_queues.py) run these as database jobs.
Every write goes through the repositories, so merges, splits and decisions are ordinary synced
edits and every device converges on them.

The queue (:func:`duplicate_queue`) groups the candidate pairs into clusters, one presumed
person each (:mod:`fieldapp.domain.clusters`); a cluster of three is merged as two merges
into the record kept, each an ordinary edit.

How a merge is recorded: the merged person gets ``merged_into = survivor``; its encounters,
cases and referrals never move (they keep their ``person_id``), so undoing is clearing one
field. Reads gather a person's records over the survivor and everything merged into it
(:func:`group_of`, ``queries.person_ids_of``).

The convergence rule: who a person really is follows its ``merged_into`` chain to a person
that is not merged (:func:`effective_survivor`). Two supervisors may merge one pair in opposite
directions (x into y here, y into x there); after sync each points at the other. Such a cycle
is broken the same way on every device without writing anything: the smallest id of the
cycle survives, and everything on the cycle or leading into it belongs to it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

from fieldapp.domain import clusters, matching
from fieldapp.domain.fields import FieldError
from fieldapp.domain.places import place_key
from fieldapp.domain.records import KINDS, PERSON
from fieldapp.store.repository import NotFound, Store, ValidationError

Row = dict[str, Any]
Pair = tuple[str, str, float, list[matching.Reason]]

# Fields a supervisor chooses between when merging (the rest are bookkeeping).
MERGE_FIELDS: tuple[str, ...] = tuple(
    n for n in PERSON.field_names if n not in ("province", "deleted", "merged_into"))


# --- the convergence rule (pure) ------------------------------------------------------------


def resolve(edges: Mapping[str, str]) -> dict[str, str]:
    """For each merged person (``edges``: id → merged_into), the person that survives.

    A chain ends at a person that is not merged (or not known here yet: sync may bring it
    later; the last known person then stands in). A chain that comes back on itself ends at
    the smallest id of its cycle.
    """
    out: dict[str, str] = {}
    for start in edges:
        if start in out:
            continue
        path: list[str] = []
        on_path: dict[str, int] = {}
        node = start
        while node in edges and node not in out and node not in on_path:
            on_path[node] = len(path)
            path.append(node)
            node = edges[node]
        if node in out:
            end = out[node]
        elif node in on_path:  # a cycle: path[on_path[node]:] loops
            end = min(path[on_path[node]:])
        else:
            end = node
        for n in path:
            out[n] = end
    return out


def _edges(store: Store) -> dict[str, str]:
    return dict(store.conn.execute(
        "SELECT id, merged_into FROM persons WHERE merged_into IS NOT NULL AND deleted = 0"
    ).fetchall())


def survivors(store: Store) -> dict[str, str]:
    """Every merged person id → the id of the person it now is (cycle survivors map to
    themselves)."""
    return resolve(_edges(store))


def effective_survivor(store: Store, person_id: str) -> str:
    return survivors(store).get(person_id, person_id)


def cycle_survivors(store: Store) -> list[str]:
    """Persons whose ``merged_into`` is set but who survive (smallest id of a merge cycle):
    lists that hide merged persons must still show these."""
    return sorted(pid for pid, end in survivors(store).items() if pid == end)


def group_of(store: Store, person_id: str) -> list[str]:
    """The survivor of ``person_id`` first, then every person merged into it (directly or
    along a chain), sorted."""
    table = survivors(store)
    root = table.get(person_id, person_id)
    return [root] + sorted(pid for pid, end in table.items() if end == root and pid != root)


# --- writes ---------------------------------------------------------------------------------


def merge(store: Store, survivor_id: str, merged_id: str,
          chosen: Mapping[str, Any] | None = None) -> Row:
    """Merge ``merged_id`` into ``survivor_id`` in one transaction: the survivor takes the
    ``chosen`` values (field → value, Python shapes, fields of MERGE_FIELDS) and the merged
    person gets ``merged_into``. Returns the survivor as saved."""
    store.require("merge")
    chosen = dict(chosen or {})
    unknown = set(chosen) - set(MERGE_FIELDS)
    if unknown:
        raise KeyError(f"not a mergeable field: {sorted(unknown)}")
    with store.transaction():
        _person(store, merged_id)
        # merging into someone already merged elsewhere means merging into their survivor
        root = effective_survivor(store, survivor_id)
        if root == merged_id or survivor_id == merged_id:
            raise ValidationError([FieldError("merged_into", "bad_reference")])
        survivor = _person(store, root)
        changes = {n: v for n, v in chosen.items() if survivor.get(n) != v}
        if changes:
            store.persons.update(root, changes)
        store.persons.update(merged_id, {"merged_into": root})
        saved = store.persons.get(root)
    assert saved is not None
    return saved


def undo_merge(store: Store, merged_id: str) -> None:
    """The merged person comes back on its own (``merged_into`` cleared). The values the
    survivor took at merge time stay as they are: they were an edit like any other, and the
    merged person still has its own values."""
    store.require("merge")
    _person(store, merged_id)
    store.persons.update(merged_id, {"merged_into": None})


def split(store: Store, survivor_id: str, merged_id: str) -> None:
    """Take a wrongly merged person back out of ``survivor_id``'s group. Its encounters and
    cases never moved, so they go with it; the survivor keeps its own."""
    store.require("merge")
    if merged_id not in group_of(store, survivor_id)[1:]:
        raise NotFound("not_found_record", f"{merged_id} is not merged into {survivor_id}")
    undo_merge(store, merged_id)


def not_same_person(store: Store, a: str, b: str) -> Row:
    """Remember that ``a`` and ``b`` are different people: the pair is never proposed again
    (a synced ``non_duplicate`` record)."""
    first, second = sorted((a, b))
    repo = store.repo("non_duplicate")
    with store.transaction():
        existing = store.conn.execute(
            "SELECT id FROM non_duplicates WHERE person_a = ? AND person_b = ? AND deleted = 0",
            (first, second)).fetchone()
        if existing:
            rec = repo.get(existing[0])
            assert rec is not None
            return rec
        return repo.create({"person_a": first, "person_b": second,
                            "decided_by": store.signature})


def resolve_conflict(store: Store, conflict_id: str,
                     choose: Literal["kept", "current"]) -> Row:
    """Settle a conflict record: ``"kept"`` writes back the value that lost, ``"current"``
    keeps the record as it is; both mark the conflict resolved by this user."""
    store.require("resolve_conflict")
    conflict = store.conflicts.get(conflict_id)
    if conflict is None:
        raise NotFound("not_found_record", conflict_id)
    with store.transaction():
        if choose == "kept":
            kind = KINDS[conflict["record_kind"]]
            field = kind.by_name[conflict["field"]]
            raw = conflict["kept_value"]
            value = field.from_stored(json.loads(raw) if raw is not None else None)
            store.repo(kind.name).update(conflict["record_id"], {field.name: value})
        elif choose != "current":
            raise ValueError(choose)
        return store.conflicts.update(conflict_id, {"resolved": True,
                                                    "resolved_by": store.signature})


def _person(store: Store, person_id: str) -> Row:
    person = store.persons.get(person_id)
    if person is None:
        raise NotFound("not_found_record", person_id)
    return person


# --- reads ----------------------------------------------------------------------------------

_CANDIDATE_COLUMNS = ("id", "province", "name_ar", "name_lat", "nickname", "cin", "sex",
                      "birth_date", "approx_age", "age_noted_on")


def active_persons(store: Store, places: bool = True) -> list[Row]:
    """Persons that are not deleted and not merged into another (cycle survivors included),
    each with the ``places`` where they were met (:func:`places_met`; ``places=False``: as
    stored), for matching."""
    cols = ", ".join(_CANDIDATE_COLUMNS)
    rows = store.conn.execute(
        f"SELECT {cols} FROM persons WHERE deleted = 0 AND merged_into IS NULL").fetchall()
    out = [dict(zip(_CANDIDATE_COLUMNS, r, strict=True)) for r in rows]
    extra = cycle_survivors(store)
    if extra:
        marks = ", ".join("?" * len(extra))
        rows = store.conn.execute(
            f"SELECT {cols} FROM persons WHERE id IN ({marks})", extra).fetchall()
        out.extend(dict(zip(_CANDIDATE_COLUMNS, r, strict=True)) for r in rows)
    if places:
        with_places(out, places_met(store))
    return out


def with_places(persons: Iterable[Row], met: Mapping[str, frozenset[str]]) -> None:
    """Give each person record (by ``id``) its ``places`` from ``met`` (none: no place)."""
    none: frozenset[str] = frozenset()
    for row in persons:
        row["places"] = met.get(row["id"], none)


def places_met(store: Store) -> dict[str, frozenset[str]]:
    """Person id → the places (:func:`fieldapp.domain.places.place_key`: the areas of the
    patrols) where the person, or a person merged into it, was met. One pass over the
    encounters (the table itself: through the index of persons' encounters it takes three
    times as long) and one over the patrols."""
    place_of: dict[str, str] = {}
    for patrol_id, province, commune, area in store.conn.execute(
            "SELECT id, province, commune, area FROM patrols WHERE deleted = 0"):
        key = place_key(province, area, commune)
        if key:
            place_of[patrol_id] = key
    get = place_of.get
    first: dict[str, str | None] = {}
    more: dict[str, set[str | None]] = {}
    for person_id, patrol_id in store.conn.execute(
            "SELECT person_id, patrol_id FROM encounters NOT INDEXED "
            "WHERE person_id IS NOT NULL AND patrol_id IS NOT NULL AND deleted = 0"):
        place = get(patrol_id)
        known = first.setdefault(person_id, place)
        if known != place:  # a second place (or a first after a patrol with none)
            more.setdefault(person_id, set()).add(place)
    owner = survivors(store)
    alone: dict[str, frozenset[str]] = {}  # one place: one set for all who were met there
    found: dict[str, frozenset[str]] = {}
    for person_id, place in first.items():
        extra = more.get(person_id)
        if extra is not None:
            extra.add(place)
            places = frozenset(p for p in extra if p is not None)
        elif place is not None:
            places = alone.get(place) or alone.setdefault(place, frozenset((place,)))
        else:
            continue
        pid = owner.get(person_id, person_id)
        held = found.get(pid)
        found[pid] = places if held is None else held | places
    return found


def non_duplicate_pairs(store: Store) -> set[tuple[str, str]]:
    return set(store.conn.execute(
        "SELECT person_a, person_b FROM non_duplicates WHERE deleted = 0").fetchall())


def candidates(store: Store, threshold: float = matching.DEFAULT_THRESHOLD,
               report: Callable[[int, int], None] | None = None) -> list[Pair]:
    """Likely duplicate pairs among active persons, best first, without the pairs decided
    "not the same person". ``report(done, total)`` is told about the three steps."""
    steps = 3
    if report:
        report(0, steps)
    persons = active_persons(store)
    if report:
        report(1, steps)
    found = matching.find_candidates(persons, threshold)
    if report:
        report(2, steps)
    refused = non_duplicate_pairs(store)
    out = [c for c in found if tuple(sorted((c[0], c[1]))) not in refused]
    if report:
        report(steps, steps)
    return out


def duplicate_queue(store: Store, threshold: float = matching.DEFAULT_THRESHOLD,
                    report: Callable[[int, int], None] | None = None
                    ) -> clusters.DuplicateQueue:
    """The duplicates queue of active persons: clusters of records presumed one person, most
    certain first, then the possible tier; pairs decided "not the same person" are never
    proposed and never share a cluster. ``report(done, total)`` hears of five steps."""
    steps = 5
    if report:
        report(0, steps)
    persons = active_persons(store)
    refused = non_duplicate_pairs(store)
    if report:
        report(1, steps)

    def step(done: int, total: int) -> None:
        if report:
            report(1 + done, 1 + total)

    return clusters.duplicate_queue(persons, refused, threshold, report=step)


def persons_by_id(store: Store, ids: Iterable[str]) -> dict[str, Row]:
    """Full person records (Python shapes), for showing a pair side by side."""
    out = {}
    for pid in ids:
        rec = store.persons.get(pid)
        if rec is not None:
            out[pid] = rec
    return out
