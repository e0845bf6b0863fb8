"""Where persons were met, as evidence that two records are one person (issue #9): the
areas of the patrols of their encounters (fieldapp/domain/places.py), read from the vault
(fieldapp/store/merging.places_met), and the demo's persons met where they stay.

* two records of a common name met in the same area are one person more likely than two
  of that name met in different areas: the namesakes that count are those met there too;
* namesakes who gather in one area (migrants of one country) make that area weak evidence;
* both met, never in one area, weighs against, but never says "two people" on its own;
* areas are folded as names are (case, accents, punctuation); no area, no evidence.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from fieldapp import demo
from fieldapp.domain.clusters import duplicate_queue
from fieldapp.domain.matching import (
    DEFAULT_THRESHOLD,
    REASON_CODES,
    contradicts,
    explain,
    find_candidates,
    index_persons,
    population_of,
    score,
)
from fieldapp.domain.places import AREAS_DIFFER, place_key
from fieldapp.store import merging
from tests.domain.test_matching_at_scale import FAMILIES, FIRSTS
from tests.helpers.vaults import new_vault

Record = dict[str, Any]
NOTED = "2024-03-01"
AREAS = [place_key("rabat", a) for a in (
    "Médina", "Océan", "Bab El Had", "Centre-ville", "Agdal", "Hay Riad", "Gare Agdal",
    "Akkari", "Hay El Fath", "Douar El Kora", "Takaddoum", "Hay Nahda", "Douar El Hajja",
    "Souissi", "Aviation")]
QUARTERS = [place_key("rabat", f"Quartier {k}") for k in range(40)]


def _p(pid: str, name_lat: str, age: int, *places: str, **more: Any) -> Record:
    return {"id": pid, "name_lat": name_lat, "sex": "male", "province": "rabat",
            "approx_age": age, "age_noted_on": NOTED, "places": list(places), **more}


def _namesakes(n: int, name: str = "Youssef Tazi", places: list[str] | None = None
               ) -> list[Record]:
    """``n`` men of one name, of ages around 40, each met in one of the areas in turn."""
    where = places or AREAS
    return [_p(f"ns-{k:03d}", name, 34 + k % 13, where[k % len(where)]) for k in range(n)]


def test_areas_are_folded_like_names():
    assert place_key("rabat", "Bab El Had") == place_key("rabat", " bab el-had ") == \
        place_key("rabat", "BAB EL HAD") == "rabat|bab el had"
    assert place_key("rabat", "Médina") == place_key("rabat", "MEDINA")
    assert place_key("rabat", "أكدال") == place_key("rabat", "اكدال")  # hamza folded
    assert place_key("rabat", None, "Hassan") == "rabat|hassan"  # no area: the commune
    assert place_key("rabat", "", "") == place_key("rabat", None) == ""
    assert place_key("rabat", "Centre-ville") != place_key("casablanca", "Centre-ville")


def _town(name: str) -> list[Record]:
    """360 men of other names met in forty quarters, and eight namesakes of ``name``."""
    others = [_p(f"o-{k}", f"{FIRSTS[k % 18]} {FAMILIES[k // 18 % 20]}", 20 + (k * 7) % 41,
                 QUARTERS[k % 40]) for k in range(360)]
    namesakes = [_p(f"ns-{k}", name, 34 + k % 13, QUARTERS[(k * 7 + 3) % 40]) for k in range(8)]
    return [o for o in others if o["name_lat"] != name] + namesakes


def test_a_common_name_met_in_the_same_area_is_one_person_more_likely():
    town = _town("Youssef Tazi")
    a = _p("a", "Youssef Tazi", 40, QUARTERS[0])
    b = _p("b", "Youcef Tazi", 42, QUARTERS[0])
    elsewhere = {**b, "places": [QUARTERS[5]]}
    unknown = {**b, "places": []}
    population = population_of([*town, a, b])
    same, nothing, moved = (score(a, x, population) for x in (b, unknown, elsewhere))
    assert same > nothing > moved
    # eight other Youssef Tazi of about 40: the name alone is not enough, the area as well is
    assert moved < nothing < DEFAULT_THRESHOLD < same
    s, reasons = explain(a, b, population)
    assert {"code": "same_area", "place": "quartier 0"} in [
        {"code": r.code, **r.params} for r in reasons]
    assert "areas_differ" in [r.code for r in explain(a, elsewhere, population)[1]]
    assert {r.code for r in reasons} <= REASON_CODES
    assert ("a", "b") in {x[:2] for x in find_candidates([*town, a, b])}
    assert ("a", "b") not in {x[:2] for x in find_candidates([*town, a, unknown])}


def test_namesakes_gathered_in_one_area_make_it_weak_evidence():
    # sixty Mamadou Diallo, most of them met at the same two places (migrants of one
    # country gather): that both were met there says less than a quiet area would
    gathered = _namesakes(60, "Mamadou Diallo", [AREAS[14], AREAS[14], AREAS[14], AREAS[9]])
    spread = _namesakes(60, "Mamadou Diallo")
    a = _p("a", "Mamadou Diallo", 40, AREAS[14])
    b = _p("b", "Mamadou Diallo", 41, AREAS[14])
    in_crowd = {x[:2]: x[2] for x in find_candidates([*gathered, a, b], 0.0)}
    alone = {x[:2]: x[2] for x in find_candidates([*spread, a, b], 0.0)}
    assert in_crowd.get(("a", "b"), 0.0) < alone[("a", "b")]


def test_never_met_in_one_area_weighs_against_but_is_no_contradiction():
    a = _p("a", "Hamza Soussi", 30, AREAS[0])
    b = _p("b", "Hamza Soussi", 31, AREAS[1])
    met_apart, unknown = explain(a, b)[0], explain(a, {**b, "places": []})[0]
    assert met_apart < unknown
    # two records far apart in age, just short of a contradiction: the areas do not tip it
    old = _p("c", "Hamza Soussi", 38, AREAS[1])
    index = index_persons([a, old, {**old, "id": "d", "places": []}])
    assert contradicts(index, 0, 1) == contradicts(index, 0, 2)
    assert AREAS_DIFFER < 0


def test_the_queue_weighs_areas_only_where_both_were_met():
    crowd = _town("Youssef Tazi")
    pair = [_p("a", "Youssef Tazi", 40, QUARTERS[0]), _p("b", "Youcef Tazi", 42, QUARTERS[0])]
    unmet = [{**r, "places": []} for r in pair]
    assert [set(c.ids) for c in duplicate_queue([*crowd, *pair]).likely
            if {"a", "b"} & set(c.ids)] == [{"a", "b"}]
    assert not [c for c in duplicate_queue([*crowd, *unmet]).likely if {"a", "b"} & set(c.ids)]


def test_places_met_are_the_patrols_areas_of_a_person_and_of_those_merged_into_it(store):
    x = store.persons.create({"name_lat": "Youssef Tazi", "approx_age": 40})["id"]
    y = store.persons.create({"name_lat": "Youcef Tazi", "approx_age": 41})["id"]
    z = store.persons.create({"name_lat": "Karim Amrani", "approx_age": 30})["id"]
    lonely = store.persons.create({"name_lat": "Omar Filali", "approx_age": 50})["id"]
    had = store.patrols.create({"date": "2024-03-01", "team": "Équipe 1", "area": "Bab El Had",
                                "commune": "Hassan"})["id"]
    had_again = store.patrols.create({"date": "2024-03-02", "team": "Équipe 2",
                                      "area": "bab el-had"})["id"]
    agdal = store.patrols.create({"date": "2024-03-03", "team": "Équipe 1",
                                  "commune": "Agdal-Riyad"})["id"]
    nowhere = store.patrols.create({"date": "2024-03-04", "team": "Équipe 3"})["id"]
    for pid, patrol in ((x, had), (x, had_again), (y, agdal), (z, nowhere)):
        store.encounters.create({"person_id": pid, "patrol_id": patrol,
                                 "met_at": "2024-03-01T22:00"})
    store.encounters.create({"person_id": lonely, "met_at": "2024-03-01T22:00"})
    province = store.profile.province
    assert merging.places_met(store) == {
        x: {place_key(province, "Bab El Had")}, y: {place_key(province, None, "Agdal-Riyad")}}
    merging.merge(store, x, y)
    assert merging.places_met(store) == {
        x: {place_key(province, "Bab El Had"), place_key(province, None, "Agdal-Riyad")}}
    by_id = {p["id"]: p for p in merging.active_persons(store)}
    assert by_id[x]["places"] == merging.places_met(store)[x]
    assert by_id[z]["places"] == by_id[lonely]["places"] == frozenset()
    assert "places" not in merging.active_persons(store, places=False)[0]


def test_the_demo_meets_a_person_where_they_stay(tmp_path):
    """Another team's record of a person is mostly made where the person stays; two
    persons share an area only as often as the areas' sizes make them."""
    vault, store = new_vault(tmp_path / "vault")
    try:
        summary = demo.generate(store, 1500, 4500)
        met = merging.places_met(store)
    finally:
        vault.lock()
    pairs = [(a, b) for a, b in summary.same_person_pairs if met.get(a) and met.get(b)]
    same = sum(1 for a, b in pairs if met[a] & met[b]) / len(pairs)
    ids = sorted(met)
    rng = random.Random(3)
    strangers = [tuple(rng.sample(ids, 2)) for _ in range(3000)]
    chance = sum(1 for a, b in strangers if met[a] & met[b]) / len(strangers)
    assert len(pairs) > 0.9 * len(summary.same_person_pairs)
    assert same > 0.6 and chance < 0.25, (same, chance)
    # persons are spread over the areas patrolled (a small demo has two teams: a few areas)
    areas: dict[str, int] = {}
    for places in met.values():
        for p in places:
            areas[p] = areas.get(p, 0) + 1
    assert len(areas) >= 10 and max(areas.values()) < 0.3 * len(met)


@pytest.mark.parametrize("k", range(3))
def test_pairs_in_one_area_with_nothing_else_in_common_stay_apart(k):
    # two different men met at the same place, names and ages unlike: the area is no name
    a = _p("a", ["Hamza Soussi", "Omar Filali", "Anas Kettani"][k], 30 + k, AREAS[k])
    b = _p("b", ["Bilal Naciri", "Adil Jazouli", "Imad Chraibi"][k], 45 - k, AREAS[k])
    assert score(a, b) < 0.01
    crowd = [_p(f"c{n}", "Nabil Ziani", 20 + 3 * n, AREAS[k]) for n in range(6)]
    assert not [x for x in find_candidates([a, b, *crowd]) if {"a", "b"} & set(x[:2])]
