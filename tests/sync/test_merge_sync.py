"""Merges, splits, "not the same person" and conflict resolutions travel through a real server
like any other edit, and every device ends up with the same survivor."""

from __future__ import annotations

from fieldapp.store import merging, queries
from tests.helpers.server import enrolled_device


def _plant(store):
    x = store.persons.create({"name_ar": "محمد العلوي", "cin": "AB123456",
                              "approx_age": 40})["id"]
    y = store.persons.create({"name_lat": "Mohamed Alaoui", "cin": "AB123456",
                              "approx_age": 42})["id"]
    kept = set()
    for pid, day in ((x, "2024-03-01"), (y, "2024-04-02")):
        kept.add(store.encounters.create({"person_id": pid, "met_at": f"{day}T22:00"})["id"])
        kept.add(store.cases.create({"person_id": pid, "target_group": "street_situation",
                                     "opened_on": day})["id"])
    return x, y, kept


def _view(store, pid):
    """What a device shows for ``pid``: its survivor, the group, what is reachable."""
    return (merging.effective_survivor(store, pid), queries.person_ids_of(store, pid),
            {e["id"] for e in queries.person_timeline_merged(store, pid)},
            {p["id"] for p in queries.persons_page_merged(store, 0, 50)})


def _supervisors(server, tmp_path):
    proc, service = server
    service.create_user("super2", "supervisor", scope="region:04")
    a = enrolled_device(tmp_path / "a", proc, service, "super")
    b = enrolled_device(tmp_path / "b", proc, service, "super2")
    return a, b


def test_merge_undo_and_split_reach_the_other_device(server, rabat_users, tmp_path):
    a, b = _supervisors(server, tmp_path)
    x, y, kept = _plant(a.store)
    a.sync(), b.sync()
    merging.merge(a.store, y, x, {"approx_age": 40})
    a.sync(), b.sync()
    assert b.store.persons.get(y)["approx_age"] == 40
    assert _view(b.store, x) == _view(a.store, x)
    survivor, group, reachable, listed = _view(b.store, x)
    assert survivor == y and group == [y, x] and reachable >= kept and listed == {y}
    merging.split(b.store, y, x)
    b.sync(), a.sync()
    for device in (a, b):
        assert queries.person_ids_of(device.store, x) == [x]
        assert {p["id"] for p in queries.persons_page_merged(device.store, 0, 50)} == {x, y}
        assert (_view(device.store, x)[2] | _view(device.store, y)[2]) >= kept
    # "not the same person" is remembered on both devices
    merging.not_same_person(a.store, x, y)
    a.sync(), b.sync()
    assert merging.candidates(a.store) == merging.candidates(b.store) == []


def test_opposite_merges_of_one_pair_converge(server, rabat_users, tmp_path):
    a, b = _supervisors(server, tmp_path)
    x, y, kept = _plant(a.store)
    a.sync(), b.sync()
    merging.merge(a.store, y, x)  # A: x into y
    merging.merge(b.store, x, y)  # B: y into x, offline at the same time
    a.sync(), b.sync(), a.sync()
    small = min(x, y)
    views = [_view(d.store, pid) for d in (a, b) for pid in (x, y)]
    assert all(v == views[0] for v in views)
    survivor, group, reachable, listed = views[0]
    assert survivor == small and set(group) == {x, y} and reachable >= kept
    assert listed == {small}
    assert queries.person_count_merged(a.store) == queries.person_count_merged(b.store) == 1


def test_same_merge_on_both_devices_converges(server, rabat_users, tmp_path):
    a, b = _supervisors(server, tmp_path)
    x, y, kept = _plant(a.store)
    a.sync(), b.sync()
    merging.merge(a.store, y, x)
    merging.merge(b.store, y, x)
    a.sync(), b.sync(), a.sync()
    assert _view(a.store, x) == _view(b.store, x)
    assert _view(a.store, x)[0] == y


def test_a_conflict_resolved_on_one_device_is_resolved_everywhere(server, rabat_users,
                                                                   tmp_path):
    a, b = _supervisors(server, tmp_path)
    x, y, kept = _plant(a.store)
    a.sync(), b.sync()
    a.store.persons.update(x, {"nickname": "Sidou"})
    b.store.persons.update(x, {"nickname": "Saidou"})
    a.sync(), b.sync(), a.sync()
    [conflict] = queries.open_conflicts(a.store)
    assert [c["id"] for c in queries.open_conflicts(b.store)] == [conflict["id"]]
    merging.resolve_conflict(a.store, conflict["id"], "kept")
    a.sync(), b.sync()
    for device in (a, b):
        assert device.store.persons.get(x)["nickname"] == "Sidou"
        assert queries.open_conflicts(device.store) == []
        got = device.store.conflicts.get(conflict["id"])
        # the supervisor's user id: every laptop of the scope names them
        assert got["resolved"] is True and device.store.who(got["resolved_by"]) == "super"
