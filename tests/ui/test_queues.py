"""Supervision queues: a planted duplicate pair merged with a field choice, and a conflict
resolved, through the panels."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton

from fieldapp.store import queries
from fieldapp.ui.supervision_queues import ConflictsPanel, DuplicatesPanel
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


def _panel(cls, fa, qtbot):
    panel = cls(fa.main.ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.reload()
    return panel


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_merge_a_planted_pair_choosing_a_field(make_app, qtbot, lang):
    fa = make_app(lang, seed=_seed)
    panel = _panel(DuplicatesPanel, fa, qtbot)
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10_000)
    assert panel.reasons.text() and not panel.empty.isVisibleTo(panel)
    survivor, merged = panel.pairs[0][:2]
    persons = run_in_store(fa, qtbot, lambda s: {p: s.persons.get(p) for p in (survivor,
                                                                                 merged)})
    # the approximate ages differ: take the merged record's age
    age_side = "b" if persons[merged]["approx_age"] != persons[survivor]["approx_age"] else "a"
    radio = panel.findChild(QRadioButton, f"choice_approx_age_{age_side}")
    qtbot.waitUntil(lambda: radio.isVisible() and radio.width() > 1)
    radio.setFocus()
    qtbot.keyClick(radio, Qt.Key.Key_Space)
    assert panel.chosen()["approx_age"] == persons[merged]["approx_age"]
    panel.list.setFocus()
    qtbot.keyClick(panel.list, "m", modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.undo_button.isVisibleTo(panel), timeout=10_000)
    wait_idle(fa.db, qtbot)
    qtbot.waitUntil(lambda: panel.list.count() == 0, timeout=10_000)
    after = run_in_store(fa, qtbot, lambda s: (
        s.persons.get(merged)["merged_into"], s.persons.get(survivor)["approx_age"],
        len(queries.person_timeline_merged(s, merged))))
    assert after == (survivor, persons[merged]["approx_age"], 2)
    # undo brings the pair back
    qtbot.mouseClick(panel.undo_button, LEFT)
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10_000)
    assert run_in_store(fa, qtbot, lambda s: s.persons.get(merged)["merged_into"]) is None
    # not the same person: gone for good
    qtbot.mouseClick(panel.not_same_button, LEFT)
    qtbot.waitUntil(lambda: panel.list.count() == 0 and panel.empty.isVisibleTo(panel),
                    timeout=10_000)
    assert run_in_store(fa, qtbot, lambda s: s.repo("non_duplicate").count()) == 1


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
