"""Merge, undo, split, "not the same person" and conflict resolution, in one vault."""

from __future__ import annotations

import json

import pytest

from fieldapp.store import merging, queries
from fieldapp.store.repository import ValidationError


def _pair(store):
    """Two records of one man (Arabic and Latin spellings, same CIN) with an encounter, a
    case and a referral each, and a third, different person."""
    x = store.persons.create({"name_ar": "محمد العلوي", "cin": "AB123456", "approx_age": 40,
                              "nickname": "Hamid"})["id"]
    y = store.persons.create({"name_lat": "Mohamed Alaoui", "cin": "AB123456",
                              "approx_age": 42})["id"]
    z = store.persons.create({"name_lat": "Khadija Bennani", "sex": "female"})["id"]
    kept = set()
    for pid, day in ((x, "2024-03-01"), (y, "2024-04-02")):
        kept.add(store.encounters.create({"person_id": pid, "met_at": f"{day}T22:00"})["id"])
        case = store.cases.create({"person_id": pid, "target_group": "street_situation",
                                   "opened_on": day})["id"]
        kept.add(case)
        kept.add(store.referrals.create({"person_id": pid, "case_id": case,
                                         "institution_type": "health",
                                         "sent_on": day})["id"])
    return x, y, z, kept


def _reachable(store, pid):
    return {e["id"] for e in queries.person_timeline_merged(store, pid)}


def test_merge_keeps_every_encounter_and_case_reachable(store):
    x, y, z, kept = _pair(store)
    assert [(a, b) for a, b, _, _ in merging.candidates(store)] == [tuple(sorted((x, y)))]
    saved = merging.merge(store, y, x, {"name_ar": "محمد العلوي", "approx_age": 40})
    assert saved["id"] == y and saved["name_ar"] == "محمد العلوي" and saved["approx_age"] == 40
    assert saved["name_lat"] == "Mohamed Alaoui"
    assert store.persons.get(x)["merged_into"] == y
    assert queries.person_ids_of(store, x) == queries.person_ids_of(store, y) == [y, x]
    assert _reachable(store, y) == _reachable(store, x) >= kept
    # the merged person leaves the lists and the candidates
    assert queries.person_count_merged(store) == 2
    assert {p["id"] for p in queries.persons_page_merged(store, 0, 50)} == {y, z}
    assert merging.candidates(store) == []
    # ordinary synced edits: two updates of persons in the outbox
    ops = [(e["kind"], e["op"]) for e in store.outbox()][-2:]
    assert ops == [("person", "update"), ("person", "update")]


def test_merge_into_a_merged_person_goes_to_its_survivor(store):
    x, y, z, kept = _pair(store)
    merging.merge(store, y, x)
    merging.merge(store, x, z)  # x is now y: z goes into y
    assert store.persons.get(z)["merged_into"] == y
    assert queries.person_ids_of(store, z) == [y, x, z]
    with pytest.raises(ValidationError):
        merging.merge(store, x, y)  # y into itself


def test_undo_and_split_restore_both_persons(store):
    x, y, z, kept = _pair(store)
    own_x = {e["id"] for e in queries.person_timeline(store, x)}
    merging.merge(store, y, x, {"approx_age": 40})
    merging.undo_merge(store, x)
    assert store.persons.get(x)["merged_into"] is None
    assert store.persons.get(y)["approx_age"] == 40  # what the survivor took stays
    assert queries.person_ids_of(store, x) == [x]
    assert _reachable(store, x) == own_x and _reachable(store, y) == kept - own_x
    merging.merge(store, y, x)
    merging.split(store, y, x)
    assert queries.person_ids_of(store, y) == [y]
    assert _reachable(store, x) == own_x
    assert len(merging.candidates(store)) == 1  # proposed again: nobody said they differ


def test_not_the_same_person_is_never_proposed_again(store):
    x, y, z, kept = _pair(store)
    rec = merging.not_same_person(store, y, x)
    assert (rec["person_a"], rec["person_b"]) == tuple(sorted((x, y)))
    assert merging.not_same_person(store, x, y)["id"] == rec["id"]  # decided once
    assert merging.candidates(store) == []
    store.persons.update(x, {"name_lat": "Mohamed Alaoui"})  # even more alike now
    assert merging.candidates(store, threshold=0.01) == []
    with pytest.raises(ValidationError):
        store.repo("non_duplicate").create({"person_a": max(x, y), "person_b": min(x, y)})


def test_opposite_merges_converge_to_the_smallest_id(store):
    x, y, z, kept = _pair(store)
    small, big = sorted((x, y))
    # as after syncing two supervisors' opposite merges: each points at the other
    store.persons.update(small, {"merged_into": big})
    store.persons.update(big, {"merged_into": small})
    assert merging.effective_survivor(store, big) == small
    assert merging.effective_survivor(store, small) == small
    assert queries.person_ids_of(store, big) == [small, big]
    assert _reachable(store, big) >= kept
    assert {p["id"] for p in queries.persons_page_merged(store, 0, 50)} == {small, z}
    assert queries.person_count_merged(store) == 2
    assert merging.candidates(store) == []


def test_resolve_rule_on_chains_and_cycles():
    assert merging.resolve({"b": "a", "c": "b"}) == {"b": "a", "c": "a"}
    assert merging.resolve({"b": "c", "c": "b", "d": "c"}) == {"b": "b", "c": "b", "d": "b"}
    assert merging.resolve({"b": "unknown"}) == {"b": "unknown"}
    assert merging.resolve({"a": "b", "b": "c", "c": "a"}) == dict.fromkeys("abc", "a")


def _plant_conflict(store, person_id, field, kept):
    return store.conflicts.create({
        "record_kind": "person", "record_id": person_id, "field": field,
        "kept_value": json.dumps(kept), "kept_author": "youssef", "kept_device": "d2",
        "kept_hlc": 1 << 16, "winner_author": "amina", "winner_device": "d1",
        "winner_hlc": 2 << 16})["id"]


def test_resolve_conflict_writes_the_kept_value_and_marks_it_resolved(store):
    x, y, z, kept = _pair(store)
    c1 = _plant_conflict(store, x, "nickname", "Sidou")
    c2 = _plant_conflict(store, x, "flags", json.dumps(["disability_motor"]))
    c3 = _plant_conflict(store, y, "approx_age", 50)
    assert len(queries.open_conflicts(store)) == 3
    merging.resolve_conflict(store, c1, "kept")
    merging.resolve_conflict(store, c2, "kept")
    merging.resolve_conflict(store, c3, "current")
    assert store.persons.get(x)["nickname"] == "Sidou"
    assert store.persons.get(x)["flags"] == ["disability_motor"]
    assert store.persons.get(y)["approx_age"] == 42
    for c in (c1, c2, c3):
        got = store.conflicts.get(c)
        assert got["resolved"] is True and got["resolved_by"] == store.actor.member_id
        assert store.who(got["resolved_by"]) == store.profile.user_name
    assert queries.open_conflicts(store) == []


def test_the_queue_is_clusters_and_not_the_same_person_splits_them(store):
    x, y, z, kept = _pair(store)
    w = store.persons.create({"name_lat": "Mohammed El Alaoui", "cin": "AB123456",
                              "approx_age": 41})["id"]
    steps: list[tuple[int, int]] = []
    queue = merging.duplicate_queue(store, report=lambda d, t: steps.append((d, t)))
    assert [set(c.ids) for c in queue.likely] == [{x, y, w}] and queue.possible == []
    assert steps[0] == (0, 5) and steps[-1] == (5, 5)
    # two of the three are someone else: the cluster keeps the pair nobody told apart
    merging.not_same_person(store, w, x)
    merging.not_same_person(store, w, y)
    assert [set(c.ids) for c in merging.duplicate_queue(store).likely] == [{x, y}]
    # merged into one: nothing left to review
    merging.merge(store, y, x)
    assert merging.duplicate_queue(store).likely == []
