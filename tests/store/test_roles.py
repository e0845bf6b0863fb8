"""Roles enforced by the store, whatever the screens show: a typed error, nothing written."""

from __future__ import annotations

import pytest

from fieldapp.domain import roles
from fieldapp.store import dashboard, keys, merging
from fieldapp.store.repository import NotAllowed
from fieldapp.store.vault import Vault
from tests.helpers.vaults import PASSPHRASE, fast_kdf


def vault_as(tmp_path, role):
    vault = Vault(tmp_path / role)
    store = vault.create(PASSPHRASE, user_name="Amina Tazi", province="rabat",
                         team="Équipe mobile 1", role=role, kdf=fast_kdf())
    return vault, store


def refused(action_fn, action):
    with pytest.raises(NotAllowed) as e:
        action_fn()
    assert e.value.code == "not_allowed" and e.value.detail == action


def test_a_field_worker_records_persons_but_merges_exports_and_resolves_nothing(tmp_path):
    vault, store = vault_as(tmp_path, "field_worker")
    a = store.persons.create({"name_lat": "Said Alami", "sex": "male"})["id"]
    b = store.persons.create({"name_lat": "Said Allami", "sex": "male"})["id"]
    pending = store.pending_count()
    refused(lambda: merging.merge(store, a, b), "merge")
    refused(lambda: store.persons.update(b, {"merged_into": a}), "merge")
    refused(lambda: list(dashboard.export_rows(store, "persons", {}, True)), "export")
    refused(lambda: merging.resolve_conflict(store, "any", "kept"), "resolve_conflict")
    refused(lambda: store.cases.create({"person_id": a, "target_group": "street_situation"}),
            "write:case")
    refused(lambda: store.repo("non_duplicate").create({"person_a": a, "person_b": b}),
            "write:non_duplicate")
    refused(lambda: dashboard.figures(store, "rabat", "2026-01-01", "2026-01-31"),
            "supervision")
    assert store.pending_count() == pending, "nothing was written"
    assert store.persons.get(b)["merged_into"] is None
    vault.lock()


def test_centre_staff_open_cases_and_a_supervisor_merges(tmp_path):
    vault, store = vault_as(tmp_path, "centre_staff")
    a = store.persons.create({"name_lat": "Fatna Idrissi", "sex": "female"})["id"]
    store.cases.create({"person_id": a, "target_group": "woman_difficult",
                        "opened_on": "2026-11-02"})
    refused(lambda: merging.merge(store, a, a), "merge")
    vault.lock()
    vault, store = vault_as(tmp_path, "supervisor")
    a = store.persons.create({"name_lat": "Said Alami", "sex": "male"})["id"]
    b = store.persons.create({"name_lat": "Said Allami", "sex": "male"})["id"]
    merging.merge(store, a, b)
    assert store.persons.get(b)["merged_into"] == a
    assert list(dashboard.export_rows(store, "persons", {}, True))
    vault.lock()


def test_a_vault_never_enrolled_refuses_nothing(tmp_path):
    vault = Vault(tmp_path / "local")
    store = vault.create(PASSPHRASE, user_name="Amina", province="rabat", kdf=fast_kdf())
    assert store.actor.role is None
    a = store.persons.create({"name_lat": "Said Alami", "sex": "male"})["id"]
    b = store.persons.create({"name_lat": "Said Allami", "sex": "male"})["id"]
    merging.merge(store, a, b)
    vault.lock()


def test_who_may_add_members_and_with_which_role(tmp_path):
    vault, store = vault_as(tmp_path, "field_worker")
    refused(lambda: vault.add_member(keys.Member("u2", "Youssef"), "youssef passphrase",
                                     "field_worker", kdf=fast_kdf()), "members")
    assert len(vault.members()) == 1, "the key file was not touched"
    vault.lock()
    vault, store = vault_as(tmp_path, "centre_head")
    vault.add_member(keys.Member("u2", "Youssef"), "youssef passphrase", "centre_staff",
                     kdf=fast_kdf())
    refused(lambda: vault.add_member(keys.Member("u3", "Hamid"), "hamid passphrase",
                                     "supervisor", kdf=fast_kdf()), "grant supervisor")
    assert [m.name for m in vault.members()] == ["Amina Tazi", "Youssef"]
    assert [(m["name"], m["role"]) for m in store.members()] == [
        ("Amina Tazi", "centre_head"), ("Youssef", "centre_staff")]
    vault.lock()
    # the new member acts with their own role
    store = vault.unlock("youssef passphrase", member_id="u2")
    assert store.actor == store.actor.__class__("u2", "Youssef", "centre_staff")
    refused(lambda: vault.add_member(keys.Member("u4", "Naima"), "naima passphrase",
                                     "field_worker", kdf=fast_kdf()), "members")
    vault.lock()


def test_drafts_are_each_members_own(tmp_path):
    vault, store = vault_as(tmp_path, "centre_head")
    amina = vault.member.member_id
    vault.add_member(keys.Member("u2", "Youssef"), "youssef passphrase", "centre_staff",
                     kdf=fast_kdf())
    store.save_draft("encounter", {"notes": "Amina's unfinished note"})
    vault.lock()
    store = vault.unlock("youssef passphrase", member_id="u2")
    assert store.drafts() == {}
    store.save_draft("encounter", {"notes": "Youssef's note"})
    vault.lock()
    store = vault.unlock(PASSPHRASE, member_id=amina)
    assert store.drafts() == {"encounter": {"notes": "Amina's unfinished note"}}
    vault.lock()


def test_unknown_roles_get_nothing_and_unknown_actions_are_bugs():
    assert not roles.allowed("janitor", "write:person")
    assert roles.allowed("nurse", "write:case") and not roles.allowed("nurse", "merge")
    assert not roles.allowed("committee", "read:personal")
    assert not roles.allowed("administrator", "write:person")
    with pytest.raises(KeyError):
        roles.allowed("supervisor", "write:persons")
