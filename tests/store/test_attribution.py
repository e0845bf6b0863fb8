"""Who recorded what, by name: a vault of two members, each recording; a record pulled from
the server by a user of the scope ("Name, Team"); conflicts naming both authors; exports
with "recorded by" and "last changed by" (names, or ids for data teams)."""

from __future__ import annotations

import json

import pytest

from fieldapp.store import dashboard, queries
from fieldapp.store.keys import Member
from tests.helpers.vaults import fast_kdf, new_vault

YOUSSEF = Member("member-youssef", "Youssef Alaoui", "يوسف العلوي")
KARIM = ("user-karim", "Karim Idrissi", "Équipe mobile 1")  # a user of the scope, elsewhere


@pytest.fixture
def two_members(tmp_path):
    """Amina (the vault's first member) and Youssef each record; Karim's encounter came
    from the server. Returns the store and the ids."""
    vault, store = new_vault(tmp_path / "v")
    vault.add_member(YOUSSEF, "youssef's own passphrase", kdf=fast_kdf(), user_id="user-y")
    with store.transaction() as conn:
        conn.execute("INSERT INTO directory (user_id, name, team) VALUES (?, ?, ?)", KARIM)
    amina = store.actor.member_id
    person = store.persons.create({"name_lat": "Said Alami", "province": "rabat"})
    case = store.cases.create({"person_id": person["id"], "target_group": "street_situation",
                               "status": "open", "opened_on": "2026-11-02"})
    store.encounters.create({"person_id": person["id"], "met_at": "2026-11-01T22:00",
                             "province": "rabat"})
    store.act_as(YOUSSEF.member_id, YOUSSEF.name, YOUSSEF.name_ar)
    step = store.case_events.create({"case_id": case["id"], "event_type": "listening",
                                     "date": "2026-11-03", "summary": "Premier entretien"})
    store.referrals.create({"person_id": person["id"], "case_id": case["id"],
                            "institution_type": "health", "sent_on": "2026-11-04",
                            "status": "sent"})
    store.persons.update(person["id"], {"nickname": "Sidou"})
    pulled = store.encounters.create({"person_id": person["id"], "met_at": "2026-11-05T21:00",
                                      "province": "rabat"})
    with store.transaction() as conn:  # as a pull writes it: the server's user id
        conn.execute("UPDATE encounters SET created_by = ?, updated_by = ? WHERE id = ?",
                     (KARIM[0], KARIM[0], pulled["id"]))
    yield store, {"amina": amina, "person": person["id"], "case": case["id"],
                  "step": step["id"], "pulled": pulled["id"]}
    vault.lock()


def test_each_timeline_line_has_who_recorded_it(two_members):
    store, ids = two_members
    by = {(e["kind"], e["when"][:10]): (e["recorded_by"], e["recorded_by_ar"])
          for e in queries.person_timeline_merged(store, ids["person"])}
    assert by == {
        ("encounter", "2026-11-01"): ("Amina", None),
        ("case", "2026-11-02"): ("Amina", None),
        ("case_event", "2026-11-03"): ("Youssef Alaoui", "يوسف العلوي"),
        ("referral", "2026-11-04"): ("Youssef Alaoui", "يوسف العلوي"),
        ("encounter", "2026-11-05"): ("Karim Idrissi, Équipe mobile 1", None),
    }


def test_case_steps_and_referrals_name_who_recorded_them(two_members):
    store, ids = two_members
    [step] = queries.case_events(store, ids["case"])
    [referral] = queries.case_referrals(store, ids["case"])
    assert step["recorded_by"] == referral["recorded_by"] == "Youssef Alaoui"
    assert step["recorded_by_ar"] == "يوسف العلوي"


def test_a_member_is_named_by_their_server_id_too(two_members):
    store, _ = two_members
    assert queries.author_names(store, "user-y") == ("Youssef Alaoui", "يوسف العلوي")
    assert queries.author_names(store, "an old laptop's user") == ("an old laptop's user",
                                                                  None)
    assert queries.author_names(store, None) == (None, None)


def test_a_conflict_names_who_won_and_who_wrote_the_kept_value(two_members):
    store, ids = two_members
    store.conflicts.create({
        "record_kind": "person", "record_id": ids["person"], "field": "nickname",
        "kept_value": json.dumps("Hamid"), "kept_author": KARIM[0], "kept_device": "d2",
        "kept_hlc": 1_700_000_000_000 << 16, "winner_author": "user-y",
        "winner_device": "d1", "winner_hlc": 1_700_000_100_000 << 16})
    [conflict] = queries.open_conflicts(store)
    assert conflict["winner_name"] == "Youssef Alaoui"
    assert conflict["winner_name_ar"] == "يوسف العلوي"
    assert conflict["kept_name"] == "Karim Idrissi, Équipe mobile 1"
    assert conflict["kept_author"] == KARIM[0]  # the id stays beside the name


def _export(store, list_name, lang=None, pseudonymised=False):
    language = None if lang is None else dashboard.ExportLanguage(
        lang, {"created_by": "Enregistré par", "updated_by": "Dernière modification par"},
        "oui", "non")
    rows = list(dashboard.export_rows(store, list_name, {}, pseudonymised, language))
    header = rows[0]
    return [dict(zip(header, r, strict=True)) for r in rows[1:]]


def test_an_export_names_who_recorded_and_who_changed_last(two_members):
    store, ids = two_members
    [person] = _export(store, "persons", "fr")
    assert person["Enregistré par"] == "Amina"
    assert person["Dernière modification par"] == "Youssef Alaoui"
    encounters = {e["id"]: e for e in _export(store, "encounters", "fr")}
    assert encounters[ids["pulled"]]["Enregistré par"] == "Karim Idrissi, Équipe mobile 1"
    assert {e["Enregistré par"] for e in encounters.values()} == {
        "Amina", "Karim Idrissi, Équipe mobile 1"}
    [case] = _export(store, "cases", "ar")
    assert case["Enregistré par"] == "Amina"
    # in Arabic, a member's Arabic spelling
    [person_ar] = _export(store, "persons", "ar")
    assert person_ar["Dernière modification par"] == "يوسف العلوي"


def test_an_export_for_data_teams_keeps_the_ids(two_members):
    store, ids = two_members
    [person] = _export(store, "persons")
    assert person["created_by"] == ids["amina"]
    assert person["updated_by"] == YOUSSEF.member_id
    pulled = next(e for e in _export(store, "encounters") if e["id"] == ids["pulled"])
    assert pulled["created_by"] == KARIM[0]


@pytest.mark.parametrize("list_name", dashboard.EXPORT_LISTS)
def test_a_pseudonymised_export_has_no_authors(two_members, list_name):
    store, _ = two_members
    rows = _export(store, list_name, "fr", pseudonymised=True)
    assert rows and not {"Enregistré par", "Dernière modification par"} & set(rows[0])
    cells = {str(v) for r in rows for v in r.values()}
    assert not {"Amina", "Youssef Alaoui", "Karim Idrissi, Équipe mobile 1"} & cells
