"""The duplicates queue: clusters of one presumed person, "not the same person" decisions that
split them, how common a name is, and the possible tier of first names and nicknames."""

from __future__ import annotations

from fieldapp.domain.clusters import MAX_RECORDS, cluster_pairs, duplicate_queue
from fieldapp.domain.matching import Reason, explain, population_of, score

NOTED = {"age_noted_on": "2024-03-01", "province": "rabat"}


def _pair(a: str, b: str, p: float) -> tuple[str, str, float, list[Reason]]:
    return (a, b, p, [])


def _person(pid: str, name_lat: str | None = None, name_ar: str | None = None,
            **more: object) -> dict[str, object]:
    return {"id": pid, "name_lat": name_lat, "name_ar": name_ar, **NOTED, **more}


# --- clusters of pairs -------------------------------------------------------------------


def test_pairs_of_one_person_make_one_cluster_as_sure_as_its_weakest_link():
    clusters = cluster_pairs([_pair("a", "b", 0.99), _pair("b", "c", 0.7),
                              _pair("x", "y", 0.9), _pair("a", "c", 0.8)])
    assert [c.ids for c in clusters] == [("x", "y"), ("a", "b", "c")]
    assert [c.certainty for c in clusters] == [0.9, 0.8]  # a-b, then a-c: b-c is not needed
    # every link inside the cluster is kept for its reasons, best first
    assert [c[2] for c in clusters[1].links] == [0.99, 0.8, 0.7]


def test_not_the_same_person_splits_a_cluster_even_through_a_third_record():
    pairs = [_pair("a", "b", 0.99), _pair("b", "c", 0.95), _pair("a", "c", 0.6)]
    assert [c.ids for c in cluster_pairs(pairs)] == [("a", "b", "c")]
    # a and c are two people: c goes with no one through b, and the pair a-c is gone
    clusters = cluster_pairs(pairs, refused=[("c", "a")])
    assert [c.ids for c in clusters] == [("a", "b")]
    assert all({"a", "c"} - set(c.ids) for c in clusters)
    # records that say they are two people never share a cluster either
    apart = cluster_pairs(pairs, apart=lambda x, y: {x, y} == {"b", "c"})
    assert [c.ids for c in apart] == [("a", "b")]


def test_the_record_to_keep_comes_first_and_clusters_stay_small():
    clusters = cluster_pairs([_pair("a", "b", 0.9)], completeness={"a": 3, "b": 7})
    assert clusters[0].ids == ("b", "a")
    chain = [_pair(f"p{i:02d}", f"p{i + 1:02d}", 0.9) for i in range(20)]
    assert max(len(c.ids) for c in cluster_pairs(chain)) <= MAX_RECORDS


# --- how common a name is ----------------------------------------------------------------


def _crowd(name: str, n: int, age: int = 40) -> list[dict[str, object]]:
    return [_person(f"{name}-{k}", name, sex="male", approx_age=age + k % 3) for k in range(n)]


def test_a_name_many_carry_is_weak_evidence_a_rare_one_strong():
    a = _person("a", "Mohamed Alaoui", sex="male", approx_age=40)
    b = _person("b", "Mohammed Alaoui", sex="male", approx_age=42)
    alone = population_of([a, b])
    crowded = population_of([a, b, *_crowd("Mohamed Alaoui", 30)])
    assert score(a, b, alone) > 0.9 > 0.1 > score(a, b, crowded)
    reasons = explain(a, b, crowded)[1]
    others = next(r for r in reasons if r.code == "others_alike")
    assert others.params["others"] >= 5
    assert "none_alike" in [r.code for r in explain(a, b, alone)[1]]
    # the same CIN outweighs any number of namesakes
    with_cin = {**a, "cin": "AB123"}, {**b, "cin": "AB123"}
    assert score(*with_cin, crowded) > 0.99


def test_the_queue_of_a_crowd_of_namesakes_is_short():
    """Thirty Mohamed Alaoui of about forty and the one recorded twice with a birth date:
    the one pair a reader could tell, not 465."""
    twice = [_person("t1", "Mohamed Alaoui", sex="male", birth_date="1984-05-03"),
             _person("t2", None, "محمد العلوي", sex="male", birth_date="1984-05-03")]
    queue = duplicate_queue([*_crowd("Mohamed Alaoui", 30), *twice])
    assert [c.ids for c in queue.likely] == [("t1", "t2")]


# --- the queue ---------------------------------------------------------------------------


def _records():
    return [
        _person("m1", None, "محمد العلوي", sex="male", cin="AB123456", approx_age=40),
        _person("m2", "Mohamed Alaoui", sex="male", cin="AB123456", approx_age=42),
        _person("m3", "Mohammed El Alaoui", sex="male", approx_age=41, nickname="Simo",
                birth_date="1983-02-11"),
        # possible: a first name only, a short form of the first name
        _person("s1", "Atika", sex="female", approx_age=60),
        _person("f1", "Atika Zerouali", sex="female", approx_age=61),
        _person("s2", None, None, nickname="Kaddour", sex="male", approx_age=52),
        _person("f2", "Abdelkader Tahiri", sex="male", approx_age=54),
        # not proposed: the first name of too many of that age
        _person("s3", "Fatima", sex="female", approx_age=30),
        *(_person(f"f3-{k}", f"Fatima {family}", sex="female", approx_age=29 + k % 3)
          for k, family in enumerate(("Tazi", "Bennani", "Alami", "Berrada", "Fassi",
                                      "Sqalli", "Kettani", "Chraibi")))]


def test_likely_clusters_then_the_possible_tier():
    queue = duplicate_queue(_records())
    assert [set(c.ids) for c in queue.likely] == [{"m1", "m2", "m3"}]
    possible = {frozenset(c.ids): c for c in queue.possible}
    assert set(possible) == {frozenset({"s1", "f1"}), frozenset({"s2", "f2"})}
    assert all(c.possible and c.ids[0].startswith("f") for c in possible.values())
    kaddour = possible[frozenset({"s2", "f2"})].links[0][3]
    assert kaddour == [Reason("nickname_is_first_name"), Reason("age_close", {"years": 2})]
    assert queue.pairs == 3  # the cluster's three pairs


def test_not_the_same_person_keeps_splitting_the_queue():
    records = _records()
    queue = duplicate_queue(records, refused=[("m3", "m1"), ("f1", "s1")])
    assert [set(c.ids) for c in queue.likely] == [{"m1", "m2"}]
    assert {frozenset(c.ids) for c in queue.possible} == {frozenset({"s2", "f2"})}
    # a record in a likely cluster is not proposed again as possible
    queue = duplicate_queue([*records, _person("m4", "Mohamed", sex="male", approx_age=41,
                                               cin="AB123456")])
    assert {"m4"} <= set(queue.likely[0].ids)
    assert all("m4" not in c.ids for c in queue.possible)


def test_the_queue_reports_its_steps():
    steps: list[tuple[int, int]] = []
    duplicate_queue(_records(), report=lambda done, total: steps.append((done, total)))
    assert steps == [(1, 4), (2, 4), (3, 4), (4, 4)]
