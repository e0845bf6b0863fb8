"""The dashboard's roll-ups (schema v7) stay equal to a recount from the encounters whatever
writes them: forms' creates and edits, deletions, the sync's raw writes, a migration.

The figures are also checked against the dashboard's former SQL, which read every encounter
of the period (kept here as the reference)."""

from __future__ import annotations

import json
import os
import random
from datetime import date, datetime, timedelta

import pytest

from fieldapp.store import dashboard, schema
from fieldapp.store.vault import Vault
from tests.helpers.vaults import PASSPHRASE, new_vault
from tests.store.test_migrations import undo_v7

ROUNDS = int(os.environ.get("FIELDAPP_ROLLUP_ROUNDS", "3"))
TODAY = date.today()
SERVICES = ["meal", "blanket", "hot_drink", "clothes", "shower", "medical_check"]
ORIENTATIONS = ["none", "refused", "shelter", "hospital"]

RECOUNT = {
    "encounter_rollup": """
        SELECT substr(met_at, 1, 10), coalesce(date(met_at, '-12 hours'), substr(met_at, 1, 10)),
               province, coalesce(orientation, ''), person_id IS NULL, count(*)
        FROM encounters WHERE deleted = 0 AND met_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5""",
    "encounter_patrol_rollup": """
        SELECT substr(met_at, 1, 10), province, patrol_id, count(*) FROM encounters
        WHERE deleted = 0 AND met_at IS NOT NULL AND patrol_id IS NOT NULL GROUP BY 1, 2, 3""",
    "encounter_service_rollup": """
        SELECT substr(met_at, 1, 10), province, j.value, count(*)
        FROM encounters, json_each(services) j
        WHERE deleted = 0 AND met_at IS NOT NULL GROUP BY 1, 2, 3""",
}


def assert_rollups_exact(conn) -> None:
    for table, recount in RECOUNT.items():
        stored = sorted(conn.execute(f"SELECT * FROM {table}").fetchall())
        assert stored == sorted(conn.execute(recount).fetchall()), table


def reference_figures(store, province, since, until):
    """The figures as the dashboard computed them before v7: every encounter of the period."""
    end = (date.fromisoformat(until) + timedelta(days=1)).isoformat()
    where = "e.deleted = 0 AND e.met_at >= ? AND e.met_at < ?"
    args: tuple = (since, end)
    if province:
        where += " AND e.province = ?"
        args += (province,)
    acc = "e.orientation NOT IN ('none', 'refused')"
    row = store.conn.execute(f"""
        SELECT count(*), count(DISTINCT e.person_id), coalesce(sum(e.person_id IS NULL), 0),
               count(DISTINCT CASE WHEN {acc} THEN e.person_id END),
               coalesce(sum(e.person_id IS NULL AND {acc}), 0), coalesce(sum({acc}), 0),
               coalesce(sum(e.orientation = 'refused'), 0), count(DISTINCT e.patrol_id)
        FROM encounters e WHERE {where}""", args).fetchone()
    q = store.conn.execute
    return {
        "encounters": row[0], "persons_met": row[1], "anonymous": row[2],
        "people_met": row[1] + row[2], "taken_in_charge": row[3] + row[4], "oriented": row[5],
        "refused": row[6], "patrols": row[7],
        "orientations": dict(q(f"SELECT e.orientation, count(*) FROM encounters e "
                               f"WHERE {where} GROUP BY 1", args).fetchall()),
        "services": dict(q(f"SELECT j.value, count(*) FROM encounters e, "
                           f"json_each(e.services) j WHERE {where} GROUP BY 1", args).fetchall()),
        "per_night": dict(q(f"SELECT date(e.met_at, '-12 hours'), count(*) FROM encounters e "
                            f"WHERE {where} GROUP BY 1", args).fetchall()),
        "per_patrol": sorted(q(f"SELECT e.patrol_id, count(*) FROM encounters e WHERE {where}"
                               f" AND e.patrol_id IS NOT NULL GROUP BY 1", args).fetchall()),
    }


def assert_figures_match(store) -> None:
    for province in ("rabat", "fes", None):
        for since, until in ((TODAY - timedelta(days=6), TODAY),
                             (TODAY - timedelta(days=40), TODAY - timedelta(days=3)),
                             (TODAY, TODAY)):
            got = dashboard.figures(store, province, since.isoformat(), until.isoformat())
            want = reference_figures(store, province, since.isoformat(), until.isoformat())
            got["per_patrol"] = sorted((p["patrol_id"], p["encounters"])
                                       for p in got["per_patrol"])
            assert {k: got[k] for k in want} == want, (province, since, until)


SHELTER = "01900000-0000-7000-8000-000000000001"


def random_encounter(rng: random.Random, persons, patrols) -> dict:
    at = datetime.combine(TODAY, datetime.min.time()) - timedelta(
        days=rng.randint(0, 45), minutes=rng.randint(0, 24 * 60 - 1))
    orientation = rng.choice(ORIENTATIONS)
    person = rng.choice(persons) if rng.random() < 0.7 else None
    return {
        "province": "rabat",  # a vault writes its own province; the sync moves others
        "patrol_id": rng.choice(patrols) if rng.random() < 0.8 else None,
        "person_id": person, "anonymous": person is None,
        "sex": rng.choice(["male", "female"]), "approx_age": rng.randint(18, 80),
        "situation": "alone", "location": "Bab El Had",
        "met_at": at.isoformat(timespec="minutes"),
        "services": rng.sample(SERVICES, rng.randint(0, 3)),
        "orientation": orientation,
        "refusal_reason": "distrust" if orientation == "refused" else None,
        "shelter_id": SHELTER if orientation == "shelter" else None,
        "consent": person is not None,
    }


@pytest.mark.parametrize("seed", range(ROUNDS))
def test_rollups_follow_creates_edits_and_deletions(tmp_path, seed):
    rng = random.Random(seed)
    vault, store = new_vault(tmp_path / "v")
    persons = store.persons.create_many(
        [{"name_lat": f"Said {name}", "sex": "male"}
         for name in ("Alami", "Tazi", "Bennani", "Chraibi", "Amrani") * 5])
    patrols = store.patrols.create_many(
        [{"date": (TODAY - timedelta(days=i)).isoformat(), "team": f"Équipe {i % 3}"}
         for i in range(6)])
    ids = store.encounters.create_many(
        [random_encounter(rng, persons, patrols) for _ in range(150)])
    assert_rollups_exact(store.conn)
    for _ in range(120):
        target = rng.choice(ids)
        action = rng.random()
        if action < 0.15:
            ids.remove(target)
            store.encounters.delete(target)
        elif action < 0.25:
            ids.append(store.encounters.create(random_encounter(rng, persons, patrols))["id"])
        else:
            new = random_encounter(rng, persons, patrols)
            keys = rng.sample(["province", "patrol_id", "person_id", "met_at", "services",
                               "orientation", "approx_age"], rng.randint(1, 4))
            changes = {k: new[k] for k in keys}
            if "orientation" in changes:
                changes.update(refusal_reason=new["refusal_reason"],
                               shelter_id=new["shelter_id"])
            if "person_id" in changes:
                changes.update(anonymous=new["anonymous"], consent=new["consent"])
            store.encounters.update(target, changes)
    assert_rollups_exact(store.conn)
    assert_figures_match(store)
    vault.lock()


def test_raw_writes_keep_the_rollups_exact(tmp_path):
    """What the sync's apply and a supervisor's merge do in SQL: un-delete, move between
    provinces, a foreign service list with a repeat, a hard delete, an empty orientation."""
    vault, store = new_vault(tmp_path / "v")
    rng = random.Random(7)
    persons = store.persons.create_many([{"name_lat": "Said Alami", "sex": "male"}])
    patrols = store.patrols.create_many([{"date": TODAY.isoformat(), "team": "Équipe 1"}])
    ids = store.encounters.create_many(
        [random_encounter(rng, persons, patrols) for _ in range(20)])
    c = store.conn
    c.execute("UPDATE encounters SET deleted = 1 WHERE id = ?", (ids[0],))
    c.execute("UPDATE encounters SET deleted = 0 WHERE id = ?", (ids[0],))
    c.execute("UPDATE encounters SET province = 'fes' WHERE id = ?", (ids[1],))
    c.execute("UPDATE encounters SET services = ? WHERE id = ?",
              (json.dumps(["meal", "meal", "shower"]), ids[2]))
    assert_rollups_exact(c)
    c.execute("UPDATE encounters SET services = '[]', orientation = NULL WHERE id = ?",
              (ids[2],))
    c.execute("DELETE FROM encounters WHERE id = ?", (ids[3],))
    c.execute("UPDATE encounters SET met_at = '2020-01-01T23:30' WHERE id = ?", (ids[4],))
    c.execute("UPDATE encounters SET met_at = NULL WHERE id = ?", (ids[5],))
    assert_rollups_exact(c)
    assert_figures_match(store)
    vault.lock()


def test_v7_fills_the_rollups_of_a_v6_vault(tmp_path):
    folder = tmp_path / "v"
    vault, store = new_vault(folder)
    rng = random.Random(3)
    persons = store.persons.create_many([{"name_lat": "Said Alami", "sex": "male"}])
    patrols = store.patrols.create_many([{"date": TODAY.isoformat(), "team": "Équipe 1"}])
    undo_v7(store.conn)
    store.conn.execute("PRAGMA user_version = 6")
    store.encounters.create_many([random_encounter(rng, persons, patrols) for _ in range(60)])
    vault.lock()
    store = Vault(folder).unlock(PASSPHRASE)
    assert schema.version_of(store.conn) == schema.LATEST
    assert store.conn.execute("SELECT sum(n) FROM encounter_rollup").fetchone()[0] == 60
    assert_rollups_exact(store.conn)
    assert_figures_match(store)
    store.conn.close()
