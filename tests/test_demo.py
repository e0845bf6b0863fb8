"""Demo data: realistic, valid, deterministic, written through the repositories."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from fieldapp import demo
from tests.helpers.vaults import new_vault

PERSONS, ENCOUNTERS = 600, 1500
TODAY = date.today()


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """One demo vault shared by the tests of this module (they only read it)."""
    vault, store = new_vault(tmp_path_factory.mktemp("demo") / "vault")
    calls: list[tuple[int, int]] = []
    summary = demo.generate(store, PERSONS, ENCOUNTERS, today=TODAY,
                            progress=lambda done, total: calls.append((done, total)))
    yield store, summary, calls
    vault.lock()


def rows(store, sql, *params):
    return store.conn.execute(sql, params).fetchall()


def person_names(store) -> list[tuple[str | None, str | None, str | None]]:
    return [tuple(r) for r in rows(store, "SELECT name_ar, name_lat, nickname FROM persons "
                                          "ORDER BY rowid")]


def test_counts_match_what_was_asked_and_what_is_stored(generated):
    store, s, _ = generated
    assert (s.persons, s.encounters) == (PERSONS, ENCOUNTERS)
    assert 6 <= s.shelters <= 10
    assert s.patrols == ENCOUNTERS // demo.ENCOUNTERS_PER_PATROL
    assert s.cases == PERSONS // 20
    assert 2 * s.cases <= s.case_events <= 8 * s.cases
    assert 0 < s.referrals < s.cases
    for kind, n in (("person", s.persons), ("encounter", s.encounters), ("shelter", s.shelters),
                    ("patrol", s.patrols), ("case", s.cases), ("case_event", s.case_events),
                    ("referral", s.referrals)):
        assert store.repo(kind).count() == n, kind
    assert {r[0] for r in rows(store, "SELECT DISTINCT province FROM encounters UNION "
                                      "SELECT DISTINCT province FROM persons")} == {"rabat"}


def test_names_come_in_both_scripts_one_script_or_a_nickname(generated):
    store, _, _ = generated
    names = person_names(store)
    both = [n for n in names if n[0] and n[1]]
    arabic_only = [n for n in names if n[0] and not n[1] and not n[2]]
    latin_only = [n for n in names if n[1] and not n[0] and not n[2]]
    nickname_only = [n for n in names if n[2] and not n[0] and not n[1]]
    assert len(both) > PERSONS * 0.4
    assert len(arabic_only) > PERSONS * 0.05 and len(latin_only) > PERSONS * 0.1
    assert nickname_only
    # spelling variants of the same Arabic name appear, as in the field
    latin_of = {}
    for ar, lat, _ in both:
        latin_of.setdefault(ar.split()[0], set()).add(lat.split()[0])
    assert any(len(v) >= 3 for v in latin_of.values())


def test_persons_have_cin_age_flags_and_consent_in_realistic_shares(generated):
    store, _, _ = generated
    n, cin, consent, birth, approx, minors = rows(
        store, "SELECT count(*), sum(cin IS NOT NULL), sum(consent), sum(birth_date IS NOT NULL), "
        "sum(approx_age IS NOT NULL AND age_noted_on IS NOT NULL), "
        "sum(flags LIKE '%\"minor\"%') FROM persons")[0]
    assert 0.3 < cin / n < 0.5 and 0.65 < consent / n < 0.85
    assert birth + approx == n and birth and approx
    assert 0.06 < minors / n < 0.2
    pregnant_men = rows(store, "SELECT count(*) FROM persons WHERE sex = 'male' "
                               "AND flags LIKE '%pregnant%'")[0][0]
    assert pregnant_men == 0


def test_anonymous_encounters_exist_and_point_to_no_one(generated):
    store, s, _ = generated
    anonymous = rows(store, "SELECT person_id, consent, sex, approx_age FROM encounters "
                            "WHERE anonymous = 1")
    assert len(anonymous) == s.anonymous_encounters
    assert 0.08 * ENCOUNTERS < len(anonymous) < 0.25 * ENCOUNTERS
    assert all(p is None and not consent and sex and age is not None
               for p, consent, sex, age in anonymous)
    unknown = rows(store, "SELECT count(*) FROM encounters e WHERE anonymous = 0 AND "
                          "NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = e.person_id)")
    assert unknown[0][0] == 0


def test_some_persons_are_met_often_and_most_once(generated):
    store, _, _ = generated
    per_person = [r[0] for r in rows(store, "SELECT count(*) FROM encounters "
                                            "WHERE person_id IS NOT NULL GROUP BY person_id")]
    assert max(per_person) >= 10
    assert per_person.count(1) > len(per_person) / 2


def test_same_person_pairs_are_persons_recorded_differently(generated):
    store, s, _ = generated
    assert len(s.same_person_pairs) == round(PERSONS * 0.08)
    fields = "name_ar, name_lat, nickname, cin, sex"
    for original, copy in s.same_person_pairs:
        a = rows(store, f"SELECT {fields} FROM persons WHERE id = ?", original)[0]
        b = rows(store, f"SELECT {fields} FROM persons WHERE id = ?", copy)[0]
        assert a[:3] != b[:3]
        assert a[4] == b[4]
        assert b[3] is None or b[3] == a[3]
    # some copies carry the same CIN, the surest clue a supervisor has
    assert any(rows(store, "SELECT 1 FROM persons a, persons b WHERE a.id = ? AND b.id = ? "
                           "AND a.cin = b.cin", *pair) for pair in s.same_person_pairs)


def test_patrols_are_nightly_and_tonights_is_still_out(generated):
    store, _, _ = generated
    patrols = rows(store, "SELECT date, team, members, started_at, ended_at FROM patrols "
                          "ORDER BY date, started_at")
    *past, tonight = patrols
    assert tonight[0] == TODAY.isoformat() and tonight[4] is None
    assert all(p[4] is not None and p[4] > p[3] for p in past)
    assert all(2 <= len(json.loads(p[2])) <= 4 for p in patrols)
    assert {p[1] for p in patrols} >= {"Équipe mobile 1", "Équipe mobile 2"}
    assert min(p[0] for p in patrols) >= (TODAY - timedelta(days=demo.HORIZON_DAYS)).isoformat()
    hours = [int(r[0][11:13]) for r in rows(store, "SELECT met_at FROM encounters")]
    night = sum(1 for h in hours if h >= 20 or h < 3)
    assert night / len(hours) > 0.8
    assert max(r[0] for r in rows(store, "SELECT met_at FROM encounters"))[:10] \
        <= TODAY.isoformat()


def test_encounter_orientations_and_services_are_coherent(generated):
    store, _, _ = generated
    by_orientation = dict(rows(store, "SELECT orientation, count(*) FROM encounters "
                                      "GROUP BY orientation"))
    assert by_orientation["none"] == max(by_orientation.values())
    assert 0.1 < by_orientation["shelter"] / ENCOUNTERS < 0.3
    assert 0.08 < by_orientation["refused"] / ENCOUNTERS < 0.25
    assert rows(store, "SELECT count(*) FROM encounters WHERE orientation = 'shelter' "
                       "AND shelter_id NOT IN (SELECT id FROM shelters)")[0][0] == 0
    assert rows(store, "SELECT count(*) FROM encounters WHERE medical_outcome IS NOT NULL")[0][0]


def test_cases_have_overdue_and_upcoming_follow_ups(generated):
    store, _, _ = generated
    today, week = TODAY.isoformat(), (TODAY + timedelta(days=7)).isoformat()
    pending = ("SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id "
               "WHERE e.event_type = 'follow_up' AND e.done_on IS NULL AND c.status != 'closed' ")
    assert rows(store, pending + "AND e.due_date < ?", today)[0][0] > 0
    assert rows(store, pending + "AND e.due_date BETWEEN ? AND ?", today, week)[0][0] > 0
    assert rows(store, "SELECT count(*) FROM case_events WHERE done_on IS NOT NULL")[0][0] > 0
    # every case starts with listening; a closed one ends with its closure
    for case_id, status, reason in rows(store, "SELECT id, status, closure_reason FROM cases"):
        events = rows(store, "SELECT event_type, closure_reason FROM case_events "
                             "WHERE case_id = ? ORDER BY date, rowid", case_id)
        assert events[0][0] == "listening"
        if status == "closed":
            assert events[-1] == ("closure", reason)
    # target groups follow the person: no man is a woman in a difficult situation
    assert rows(store, "SELECT count(*) FROM cases c JOIN persons p ON p.id = c.person_id "
                       "WHERE c.target_group IN ('woman_difficult', 'girl_difficult') "
                       "AND p.sex = 'male'")[0][0] == 0


def test_outbox_has_one_entry_per_record_plus_the_later_edits(generated):
    store, s, _ = generated
    assert s.updates > 0
    assert store.pending_count() == s.records + s.updates
    ops = dict(rows(store, "SELECT op, count(*) FROM outbox GROUP BY op"))
    assert ops == {"create": s.records, "update": s.updates}


def test_progress_counts_increase_to_the_total(generated):
    _, s, calls = generated
    done = [d for d, _ in calls]
    assert done == sorted(set(done)) and len(done) >= 7
    assert {t for _, t in calls} == {s.records + s.updates}
    assert done[-1] == s.records + s.updates


def test_same_seed_gives_the_same_data_and_another_seed_does_not(generated, tmp_path):
    store, _, _ = generated
    vault, again = new_vault(tmp_path / "again")
    try:
        demo.generate(again, PERSONS, ENCOUNTERS, today=TODAY)
        assert person_names(again) == person_names(store)
        case_rows = "SELECT target_group, status, opened_on FROM cases ORDER BY rowid"
        assert rows(again, case_rows) == rows(store, case_rows)
    finally:
        vault.lock()
    vault, other = new_vault(tmp_path / "other")
    try:
        demo.generate(other, 100, 200, seed=8, today=TODAY)
        assert person_names(other) != person_names(store)[:100]
    finally:
        vault.lock()


def test_writes_in_batches_of_about_five_thousand(tmp_path):
    vault, store = new_vault(tmp_path / "vault", province="casablanca")
    calls: list[int] = []
    try:
        s = demo.generate(store, 6000, 300, today=TODAY,
                          progress=lambda done, total: calls.append(done))
        steps = [b - a for a, b in zip([0, *calls], calls, strict=False)]
        assert max(steps) == demo.BATCH and s.persons == 6000
        assert store.persons.count() == 6000
        locations = {r[0] for r in rows(store, "SELECT location FROM encounters")}
        assert "Derb Omar" in locations or "Gare Casa-Voyageurs" in locations
    finally:
        vault.lock()
