"""Members of one laptop against a real server (issue 11): every change carries the id the
server gave its author, the server checks that the device speaks for that user and that
their role may make the change, roles and removals come from the server at each sync, and
the organisation's recovery key reaches the laptop."""

from __future__ import annotations

import json
import shutil

import pytest

from fieldapp.domain import recovery_keys
from fieldapp.domain.ids import uuid7
from fieldapp.store import keys, merging
from fieldapp.store.replica import StoreReplica
from fieldapp.store.vault import Vault, VaultError
from sync import client as sync_client
from tests.helpers.server import enrolled_device
from tests.helpers.vaults import PASSPHRASE, fast_kdf, new_vault

TEAM = "Centre Rabat"
YOUSSEF_PASS = "youssef's own passphrase"


@pytest.fixture
def centre(server):
    """A centre's team on the server: its head (who enrolls the centre PC) and a
    supervisor of the province."""
    proc, service = server
    service.create_team(TEAM, "province:rabat")
    ids = {"salma": service.create_user("Salma Bennani", "centre_head", team=TEAM),
           "karim": service.create_user("Karim Idrissi", "supervisor", team=TEAM)}
    return proc, service, ids


def centre_pc(folder, proc, service):
    """The centre PC, enrolled by its head, with Youssef added on it by her (offline)."""
    device = enrolled_device(folder, proc, service, "Salma Bennani")
    youssef = keys.Member(uuid7(), "Youssef Alaoui", "يوسف العلوي")
    device.vault.add_member(youssef, YOUSSEF_PASS, "centre_staff", kdf=fast_kdf())
    return device, youssef


def test_each_members_records_carry_their_own_user_id_after_a_round_trip(centre, tmp_path):
    proc, service, ids = centre
    pc, youssef = centre_pc(tmp_path / "pc", proc, service)
    salma = pc.vault.member
    by_salma = pc.store.persons.create({"name_lat": "Said Alami"})["id"]
    pc.vault.lock()
    # the next member unlocks: his passphrase, his records
    store = pc.vault.unlock(YOUSSEF_PASS, member_id=youssef.member_id)
    assert store.actor.member_id == youssef.member_id
    by_youssef = store.persons.create({"name_lat": "Hamid Tazi"})["id"]
    with pytest.raises(VaultError):
        Vault(pc.folder).unlock(PASSPHRASE, member_id=youssef.member_id)
    report = sync_client.sync(StoreReplica(store))
    assert (report.pushed, report.rejected, report.problems) == (2, 0, [])
    # the server made Youssef's user (the centre head vouched for him) under his id
    with service.db.read() as tx:
        assert tx.one("SELECT name, role FROM users WHERE id = ?", (youssef.member_id,)) == (
            "Youssef Alaoui", "centre_staff")
        authors = dict(tx.all("SELECT id, created_by FROM records WHERE kind = 'person'"))
    assert authors == {by_salma: ids["salma"], by_youssef: youssef.member_id}
    assert salma is not None and ids["salma"] != salma.member_id
    # another laptop of the province sees who recorded each, by name
    other = enrolled_device(tmp_path / "karim", proc, service, "Karim Idrissi")
    other.sync()
    for rid, who in ((by_salma, "Salma Bennani"), (by_youssef, "Youssef Alaoui")):
        created_by = other.store.conn.execute(
            "SELECT created_by FROM persons WHERE id = ?", (rid,)).fetchone()[0]
        assert other.store.who(created_by) == f"{who}, {TEAM}"
    pc.vault.lock()


def test_a_field_workers_merge_is_refused_by_the_server_and_kept_on_the_laptop(centre,
                                                                               tmp_path):
    """The laptop refuses a field worker's merge itself; one made before the laptop was
    enrolled (nothing is refused on a vault of no role) reaches the server, which refuses
    that change (403 for it: the role may not), and the laptop keeps the merge and says
    why."""
    proc, service, _ = centre
    service.create_user("Amina Tazi", "field_worker", team=TEAM)
    vault, store = new_vault(tmp_path / "amina", user="Amina Tazi")
    a = store.persons.create({"name_lat": "Said Alami"})["id"]
    b = store.persons.create({"name_lat": "Said Allami"})["id"]
    merging.merge(store, a, b)
    replica = StoreReplica(store)
    sync_client.enroll(replica, proc.url, service.issue_code("Amina Tazi"), "amina")
    assert store.actor.role == "field_worker"
    report = sync_client.sync(replica)
    assert report.rejected == 1
    (refusal,) = replica.rejections()
    assert (refusal["record_id"], refusal["code"]) == (b, "forbidden")
    assert '"merge"' in refusal["errors"] and '"field_worker"' in refusal["errors"]
    # nothing lost on the laptop: the refused change keeps what it wrote, the record
    # follows the server
    assert json.loads(refusal["change"])["merged_into"] == a
    assert store.persons.get(b)["merged_into"] is None
    with service.db.read() as tx:
        fields = tx.one("SELECT fields FROM records WHERE id = ?", (b,))[0]
    assert '"merged_into":null' in fields.replace(" ", "")
    # and now the store refuses the next one itself
    c = store.persons.create({"name_lat": "Said Alamy"})["id"]
    with pytest.raises(Exception) as e:
        merging.merge(store, a, c)
    assert type(e.value).__name__ == "NotAllowed"
    vault.lock()


def test_a_user_taken_off_the_laptop_loses_their_slot_at_the_next_sync(centre, tmp_path):
    proc, service, _ = centre
    pc, youssef = centre_pc(tmp_path / "pc", proc, service)
    pc.sync()
    old_key_file = tmp_path / "vault.key.before"
    shutil.copy(pc.vault.key_path, old_key_file)
    assert service.remove_user(youssef.member_id) == 1
    report = pc.sync()
    assert report.removed_members == [youssef.member_id]
    pc.vault.apply_membership()  # what the app does after a sync, and at each unlock
    assert [m.name for m in pc.vault.members()] == ["Salma Bennani"]
    pc.vault.lock()
    with pytest.raises(VaultError):
        Vault(pc.folder).unlock(YOUSSEF_PASS)
    # the key file as it was before opens nothing of the database: it was re-keyed
    shutil.copy(old_key_file, pc.vault.key_path)
    with pytest.raises(VaultError):
        Vault(pc.folder).unlock(YOUSSEF_PASS, member_id=youssef.member_id)
    with pytest.raises(VaultError):
        Vault(pc.folder).unlock(PASSPHRASE)


def test_a_removed_member_who_unlocks_before_the_vault_acted_is_refused(centre, tmp_path):
    proc, service, _ = centre
    pc, youssef = centre_pc(tmp_path / "pc", proc, service)
    pc.sync()
    service.remove_user(youssef.member_id)
    pc.sync()  # the server said so; the vault has not acted yet (the app was busy)
    pc.vault.lock()
    with pytest.raises(VaultError) as e:
        Vault(pc.folder).unlock(YOUSSEF_PASS, member_id=youssef.member_id)
    assert e.value.code == "member_removed"
    store = Vault(pc.folder).unlock(PASSPHRASE)  # the others still work
    assert store.persons.count() == 0


def test_a_change_by_a_user_the_device_does_not_speak_for_is_refused(centre, tmp_path):
    proc, service, ids = centre
    pc = enrolled_device(tmp_path / "pc", proc, service, "Salma Bennani")
    rid = pc.store.persons.create({"name_lat": "Said Alami"})["id"]
    # the outbox names a user of another device (a copied or forged entry)
    pc.store.conn.execute("UPDATE outbox SET author = ?", (ids["karim"],))
    report = pc.sync()
    assert report.rejected == 1
    assert [(r["record_id"], r["code"]) for r in pc.replica.rejections()] == [
        (rid, "author_unknown")]
    assert pc.store.persons.get(rid) is not None
    pc.vault.lock()


def test_roles_come_from_the_server_at_each_sync(centre, tmp_path):
    proc, service, ids = centre
    pc = enrolled_device(tmp_path / "pc", proc, service, "Salma Bennani")
    assert pc.store.actor.role == "centre_head"
    with service.db.write() as tx:
        tx.execute("UPDATE users SET role = 'field_worker' WHERE id = ?", (ids["salma"],))
    pc.sync()
    assert pc.store.actor.role == "field_worker"
    assert not pc.store.allowed("write:case")
    pc.vault.lock()


def test_the_organisations_recovery_key_reaches_the_laptop(centre, tmp_path):
    proc, service, _ = centre
    private, key_id = recovery_keys.new_recovery_key()
    assert service.set_recovery_key(recovery_keys.public_raw(private)) == key_id
    pc = enrolled_device(tmp_path / "pc", proc, service, "Salma Bennani")
    pc.sync()
    pc.vault.apply_membership()
    pc.store.persons.create({"name_lat": "Said Alami"})
    pc.vault.lock()
    wrong, _ = recovery_keys.new_recovery_key()
    with pytest.raises(VaultError):
        Vault(pc.folder).recover(recovery_keys.recovery_private_pem(wrong), "a new passphrase!")
    Vault(pc.folder).recover(recovery_keys.recovery_private_pem(private), "a new passphrase!")
    store = Vault(pc.folder).unlock("a new passphrase!")
    assert store.persons.count() == 1
