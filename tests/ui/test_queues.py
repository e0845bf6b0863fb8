"""Supervision queues: a planted duplicate pair merged with a field choice, a cluster of three
records with the possible tier below it, and a conflict resolved, through the panels."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton

from fieldapp.store import merging, queries
from fieldapp.ui.supervision_duplicates import DuplicatesPanel
from fieldapp.ui.supervision_queues import ConflictsPanel
from tests.ui.conftest import run_in_store, wait_idle

LEFT = Qt.MouseButton.LeftButton


def _seed(store):
    x = store.persons.create({"name_ar": "محمد العلوي", "cin": "AB123456", "approx_age": 40,
                              "nickname": "Hamid"})["id"]
    y = store.persons.create({"name_lat": "Mohamed Alaoui", "cin": "AB123456",
                              "approx_age": 42})["id"]
    for pid in (x, y):
        store.encounters.create({"person_id": pid, "met_at": "2024-03-01T22:00"})
    store.conflicts.create({
        "record_kind": "person", "record_id": y, "field": "nickname",
        "kept_value": json.dumps("Sidou"), "kept_author": "youssef", "kept_device": "d2",
        "kept_hlc": 1_700_000_000_000 << 16, "winner_author": "amina", "winner_device": "d1",
        "winner_hlc": 1_700_000_100_000 << 16})


def _seed_clusters(store):
    """One man recorded three times (one CIN), a woman recorded twice, once by her first name
    only (the possible tier), and someone else."""
    _seed(store)
    store.persons.create({"name_lat": "Mohammed El Alaoui", "cin": "AB123456",
                          "approx_age": 41, "sex": "male"})
    store.persons.create({"name_lat": "Atika Zerouali", "sex": "female", "approx_age": 61})
    store.persons.create({"name_ar": "عتيقة", "sex": "female", "approx_age": 60})
    store.persons.create({"name_lat": "Khadija Bennani", "sex": "female", "approx_age": 25})


def _panel(cls, fa, qtbot):
    panel = cls(fa.main.ctx)
    qtbot.addWidget(panel)
    panel.resize(1100, 650)
    panel.show()
    panel.reload()
    return panel


def _loaded(panel, qtbot, clusters: int) -> None:
    qtbot.waitUntil(lambda: panel._job is None and len(panel.clusters) == clusters,
                    timeout=20_000)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_merge_a_planted_pair_choosing_a_field(make_app, qtbot, lang):
    fa = make_app(lang, seed=_seed)
    panel = _panel(DuplicatesPanel, fa, qtbot)
    _loaded(panel, qtbot, 1)
    assert panel.list.count() == 2  # the tier's title, then the pair
    assert panel.reasons.text() and not panel.empty.isVisibleTo(panel)
    assert not panel.tier.isVisibleTo(panel)  # a likely pair, not a possible one
    survivor, merged = panel.survivor(), panel.merged_ids()[0]
    persons = run_in_store(fa, qtbot, lambda s: {p: s.persons.get(p) for p in (survivor,
                                                                                 merged)})
    # the approximate ages differ: take the merged record's age
    column = 1 + panel.current.ids.index(merged)
    radio = panel.findChild(QRadioButton, f"choice_approx_age_{column}")
    qtbot.waitUntil(lambda: radio.isVisible() and radio.width() > 1)
    radio.setFocus()
    qtbot.keyClick(radio, Qt.Key.Key_Space)
    assert panel.chosen()["approx_age"] == persons[merged]["approx_age"]
    panel.list.setFocus()
    qtbot.keyClick(panel.list, "m", modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.undo_button.isVisibleTo(panel), timeout=10_000)
    wait_idle(fa.db, qtbot)
    _loaded(panel, qtbot, 0)
    after = run_in_store(fa, qtbot, lambda s: (
        s.persons.get(merged)["merged_into"], s.persons.get(survivor)["approx_age"],
        len(queries.person_timeline_merged(s, merged))))
    assert after == (survivor, persons[merged]["approx_age"], 2)
    # undo brings the pair back
    qtbot.mouseClick(panel.undo_button, LEFT)
    _loaded(panel, qtbot, 1)
    assert run_in_store(fa, qtbot, lambda s: s.persons.get(merged)["merged_into"]) is None
    # not the same person: gone for good
    qtbot.mouseClick(panel.not_same_button, LEFT)
    qtbot.waitUntil(lambda: not panel.clusters and panel.empty.isVisibleTo(panel),
                    timeout=10_000)
    assert run_in_store(fa, qtbot, lambda s: s.repo("non_duplicate").count()) == 1


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_cluster_of_three_and_the_possible_tier(make_app, qtbot, lang):
    fa = make_app(lang, seed=_seed_clusters)
    panel = _panel(DuplicatesPanel, fa, qtbot)
    _loaded(panel, qtbot, 2)
    likely, possible = panel.clusters
    assert len(likely.ids) == 3 and not likely.possible
    assert possible.possible and len(possible.ids) == 2
    # titles, then the clusters: the likely tier above the possible one
    titles = [panel.list.item(r).text() for r, c in enumerate(panel.rows) if c is None]
    assert len(titles) == 2 and panel.rows == [None, likely, None, possible]
    assert not panel.list.item(0).flags() & Qt.ItemFlag.ItemIsSelectable
    assert panel.current is likely and len(panel.reasons.text().splitlines()) >= 2
    # by keyboard: down from the likely cluster to the possible one, past the title
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    assert panel.current is possible
    assert panel.tier.isVisibleTo(panel) and panel.tier.text()
    qtbot.keyClick(panel.list, Qt.Key.Key_Up)
    assert panel.current is likely
    # the third record is someone else: untick it, merge the other two
    kept = panel.survivor()
    other = next(i for i in likely.ids if i != kept and i in panel.same_boxes)
    apart = panel.same_boxes[other]
    apart.setFocus()
    qtbot.keyClick(apart, Qt.Key.Key_Space)
    assert other not in panel.merged_ids() and len(panel.merged_ids()) == 1
    merged = panel.merged_ids()[0]
    qtbot.keyClick(panel.list, "m", modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.undo_button.isVisibleTo(panel), timeout=10_000)
    wait_idle(fa.db, qtbot)
    _loaded(panel, qtbot, 1)  # the possible pair is left
    assert panel.clusters[0].possible
    state = run_in_store(fa, qtbot, lambda s: (
        s.persons.get(merged)["merged_into"], s.persons.get(other)["merged_into"],
        merging.non_duplicate_pairs(s)))
    assert state == (kept, None, {tuple(sorted((kept, other)))})
    # undo: the merged record comes back beside the one kept; the unticked one stays apart
    qtbot.mouseClick(panel.undo_button, LEFT)
    _loaded(panel, qtbot, 2)
    assert set(panel.clusters[0].ids) == {kept, merged}


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_resolve_a_conflict_through_the_panel(make_app, qtbot, lang):
    fa = make_app(lang, seed=_seed)
    panel = _panel(ConflictsPanel, fa, qtbot)
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10_000)
    assert panel.detail.text() and panel.keep_other.isEnabled()
    qtbot.mouseClick(panel.keep_other, LEFT)
    qtbot.waitUntil(lambda: panel.list.count() == 0 and panel.empty.isVisibleTo(panel),
                    timeout=10_000)
    got = run_in_store(fa, qtbot, lambda s: (
        [p["nickname"] for p in queries.persons_page(s, 0, 10) if p["nickname"]],
        queries.open_conflicts(s)))
    assert "Sidou" in got[0] and got[1] == []


def test_split_a_wrongly_merged_person_from_the_person_page(make_app, qtbot):
    from fieldapp.store import merging
    from fieldapp.ui.persons import PersonsScreen

    ids = {}

    def seed(store):
        a = store.persons.create({"name_lat": "Said Alami", "approx_age": 40})
        b = store.persons.create({"name_lat": "Said Allami", "approx_age": 22})
        store.encounters.create({"person_id": b["id"], "met_at": "2026-11-01T22:00",
                                 "orientation": "none"})
        merging.merge(store, a["id"], b["id"], {})
        ids.update(a=a["id"], b=b["id"])

    fa = make_app("fr", seed=seed)
    screen = fa.main.go_to(PersonsScreen)
    screen.open_person(ids["a"])
    page = screen.page
    qtbot.waitUntil(lambda: page.merged_row.isVisibleTo(page), timeout=10_000)
    assert page.merged_box.currentData() == ids["b"]
    # the merged record's encounter shows on the survivor's timeline
    assert page.timeline.count() == 1
    page.split_button.click()
    qtbot.waitUntil(lambda: not page.merged_row.isVisibleTo(page), timeout=10_000)
    groups = run_in_store(fa, qtbot, lambda s: (merging.group_of(s, ids["a"]),
                                                merging.group_of(s, ids["b"])))
    assert groups == ([ids["a"]], [ids["b"]])
    assert page.timeline.item(0).text()  # the survivor's own (empty) timeline is shown
