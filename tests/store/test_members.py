"""Members of one vault: a key slot each (their own passphrase), removal re-keys the database,
the organisation's recovery key, and the format 1 key files of before."""

from __future__ import annotations

import base64
import json
import os
import shutil

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldapp.store import keys
from fieldapp.store.sqlite import DatabaseError
from fieldapp.store.vault import REKEY_NAME, Vault, VaultError, _connect
from tests.helpers.vaults import PASSPHRASE, fast_kdf, new_vault

AMINA_PASS = PASSPHRASE
YOUSSEF_PASS = "youssef's own passphrase"
YOUSSEF = keys.Member("user-youssef", "Youssef Alaoui", "يوسف العلوي")


@pytest.fixture
def two_members(tmp_path):
    folder = tmp_path / "v"
    vault, store = new_vault(folder)
    store.persons.create({"name_lat": "Said Alami"})
    vault.add_member(YOUSSEF, YOUSSEF_PASS, kdf=fast_kdf())
    amina = vault.member
    vault.lock()
    return folder, amina


def test_each_member_unlocks_with_their_own_passphrase(two_members):
    folder, amina = two_members
    vault = Vault(folder)
    assert [(m.name, m.name_ar) for m in vault.members()] == [
        ("Amina", ""), ("Youssef Alaoui", "يوسف العلوي")]
    store = vault.unlock(YOUSSEF_PASS, member_id=YOUSSEF.member_id)
    assert vault.member == YOUSSEF and store.persons.count() == 1
    vault.lock()
    vault.unlock(AMINA_PASS, member_id=amina.member_id)
    assert vault.member == amina
    vault.lock()
    # without a member: the one whose passphrase it is
    vault.unlock(YOUSSEF_PASS)
    assert vault.member == YOUSSEF
    vault.lock()


def test_one_members_passphrase_never_opens_as_the_other(two_members):
    folder, amina = two_members
    with pytest.raises(VaultError) as e:
        Vault(folder).unlock(AMINA_PASS, member_id=YOUSSEF.member_id)
    assert e.value.code == "wrong_passphrase"
    with pytest.raises(VaultError) as e:
        Vault(folder).unlock(YOUSSEF_PASS, member_id=amina.member_id)
    assert e.value.code == "wrong_passphrase"
    with pytest.raises(VaultError) as e:
        Vault(folder).unlock(YOUSSEF_PASS, member_id="nobody")
    assert e.value.code == "unknown_member"


def test_a_member_changes_only_their_own_passphrase(two_members):
    folder, amina = two_members
    vault = Vault(folder)
    with pytest.raises(VaultError):
        vault.change_passphrase(AMINA_PASS, "a new one for youssef", YOUSSEF.member_id)
    vault.change_passphrase(YOUSSEF_PASS, "youssef's new passphrase", YOUSSEF.member_id)
    vault.unlock("youssef's new passphrase", member_id=YOUSSEF.member_id)
    vault.lock()
    vault.unlock(AMINA_PASS, member_id=amina.member_id)  # untouched
    vault.lock()


def test_a_tampered_name_or_public_key_opens_nothing(two_members):
    folder, _ = two_members
    key = folder / "vault.key"
    original = key.read_text()
    body = json.loads(original)
    body["slots"][1]["name"] = "Someone Else"
    key.write_text(json.dumps(body))
    with pytest.raises(VaultError) as e:
        Vault(folder).unlock(YOUSSEF_PASS, member_id=YOUSSEF.member_id)
    assert e.value.code == "wrong_passphrase"
    body = json.loads(original)
    body["slots"][1]["public"] = body["slots"][0]["public"]
    key.write_text(json.dumps(body))
    with pytest.raises(VaultError):
        Vault(folder).unlock(YOUSSEF_PASS, member_id=YOUSSEF.member_id)


def test_removal_rekeys_so_the_old_key_file_opens_nothing(two_members, tmp_path):
    folder, amina = two_members
    before = tmp_path / "vault.key.before"
    shutil.copyfile(folder / "vault.key", before)
    old_key = keys.KeyFile.load(before).unwrap_member(
        YOUSSEF.member_id, keys.derive_kek(YOUSSEF_PASS, keys.KeyFile.load(before).kdf_of(
            YOUSSEF.member_id)))
    vault = Vault(folder)
    store = vault.unlock(AMINA_PASS, member_id=amina.member_id)
    store.persons.create({"name_lat": "Fatima Zahra"})
    vault.remove_member(YOUSSEF.member_id)
    assert vault.store is not None and vault.store.persons.count() == 2  # still unlocked
    vault.store.persons.create({"name_lat": "Hamid Tazi"})
    vault.lock()
    assert not (folder / REKEY_NAME).exists()
    assert [m.member_id for m in Vault(folder).members()] == [amina.member_id]
    with pytest.raises(VaultError) as e:
        Vault(folder).unlock(YOUSSEF_PASS, member_id=YOUSSEF.member_id)
    assert e.value.code == "unknown_member"
    # the key file kept aside, put back: its slot opens, but its key no longer reads the data
    shutil.copyfile(before, folder / "vault.key")
    with pytest.raises(VaultError) as e:
        Vault(folder).unlock(YOUSSEF_PASS, member_id=YOUSSEF.member_id)
    assert e.value.code == "damaged"
    conn = _connect(folder / "vault.db", bytes(old_key))
    with pytest.raises(DatabaseError):
        conn.execute("SELECT count(*) FROM persons").fetchone()
    conn.close()


def test_the_last_member_cannot_be_removed(tmp_path):
    vault, _ = new_vault(tmp_path / "v")
    with pytest.raises(VaultError) as e:
        vault.remove_member(vault.member.member_id)
    assert e.value.code == "last_member"
    vault.lock()


@pytest.mark.parametrize("crash", ["before_commit", "after_commit"])
def test_a_crash_during_the_rekey_loses_nothing(two_members, monkeypatch, crash):
    folder, amina = two_members
    vault = Vault(folder)
    vault.unlock(AMINA_PASS, member_id=amina.member_id)
    vault.store.persons.create({"name_lat": "Khadija Bennani"})

    class Crash(Exception):
        pass

    if crash == "before_commit":
        def save(self, path):
            raise Crash
        monkeypatch.setattr(keys.KeyFile, "save", save)
    else:
        def finish(self, key):
            raise Crash
        monkeypatch.setattr(Vault, "_finish_rekey", finish)
    with pytest.raises(Crash):
        vault.remove_member(YOUSSEF.member_id)
    monkeypatch.undo()
    vault.lock()
    assert (folder / REKEY_NAME).exists()
    again = Vault(folder)
    store = again.unlock(AMINA_PASS, member_id=amina.member_id)
    names = {r[0] for r in store.conn.execute("SELECT name_lat FROM persons")}
    assert names >= {"Said Alami", "Khadija Bennani"}
    assert not (folder / REKEY_NAME).exists()
    # the removal was asked for: the next unlock finishes it either way (the member's row
    # says removed; before the commit, that unlock re-keys anew)
    assert YOUSSEF.member_id not in [m.member_id for m in again.members()]
    again.lock()
    with pytest.raises(VaultError):
        Vault(folder).unlock(YOUSSEF_PASS, member_id=YOUSSEF.member_id)


def test_recovery_with_the_organisation_key(two_members, tmp_path):
    folder, amina = two_members
    private, key_id = keys.new_recovery_key()
    vault = Vault(folder)
    vault.unlock(AMINA_PASS, member_id=amina.member_id)
    vault.set_recovery_key(key_id, keys.public_raw(private))
    vault.lock()
    wrong, _ = keys.new_recovery_key()
    for pem in (keys.recovery_private_pem(wrong), b"not a key"):
        with pytest.raises(VaultError) as e:
            Vault(folder).recover(pem, "a brand new passphrase", amina.member_id)
        assert e.value.code == "wrong_recovery_key"
    member = Vault(folder).recover(keys.recovery_private_pem(private),
                                   "a brand new passphrase", amina.member_id)
    assert member == amina
    store = Vault(folder).unlock("a brand new passphrase", member_id=amina.member_id)
    assert store.persons.count() == 1
    store.conn.close()
    with pytest.raises(VaultError):
        Vault(folder).unlock(AMINA_PASS, member_id=amina.member_id)


def test_without_a_recovery_slot_the_key_opens_nothing(two_members):
    folder, _ = two_members
    private, _ = keys.new_recovery_key()
    with pytest.raises(VaultError) as e:
        Vault(folder).recover(keys.recovery_private_pem(private), "a brand new passphrase")
    assert e.value.code == "wrong_recovery_key"


def test_a_format_1_key_file_is_upgraded_at_the_first_unlock(tmp_path):
    """The key file of before members: one passphrase slot, the KDF at the top."""
    folder = tmp_path / "v"
    vault, store = new_vault(folder, user="Amina Tazi")
    store.persons.create({"name_lat": "Said Alami"})
    data_key = bytes(vault._data_key)
    vault.lock()
    kdf = fast_kdf()
    nonce = os.urandom(12)
    wrapped = AESGCM(keys.derive_kek(PASSPHRASE, kdf)).encrypt(
        nonce, data_key, keys._aad(kdf, "passphrase"))
    (folder / "vault.key").write_text(json.dumps({
        "format": 1, "kdf": kdf.as_json(), "slots": [{
            "kind": "passphrase", "nonce": base64.b64encode(nonce).decode(),
            "wrapped": base64.b64encode(wrapped).decode()}]}))
    assert [m.name for m in Vault(folder).members()] == [""]
    with pytest.raises(VaultError):
        Vault(folder).unlock("not the passphrase")
    store = Vault(folder).unlock(PASSPHRASE)
    assert store.persons.count() == 1
    store.conn.close()
    body = json.loads((folder / "vault.key").read_text())
    assert body["format"] == 2
    assert [m.name for m in Vault(folder).members()] == ["Amina Tazi"]
    store = Vault(folder).unlock(PASSPHRASE)
    store.conn.close()


def test_no_key_in_clear_in_the_key_file(two_members):
    folder, amina = two_members
    vault = Vault(folder)
    vault.unlock(AMINA_PASS, member_id=amina.member_id)
    data_key = bytes(vault._data_key)
    vault.lock()
    raw = (folder / "vault.key").read_bytes()
    for secret in (data_key, data_key.hex().encode(), base64.b64encode(data_key),
                   AMINA_PASS.encode(), YOUSSEF_PASS.encode()):
        assert secret not in raw
