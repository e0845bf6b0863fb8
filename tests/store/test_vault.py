"""The vault fails closed, with its own error for each kind of bad file, and writes nothing."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from fieldapp.store import keys, schema
from fieldapp.store.repository import StorageError
from fieldapp.store.vault import PAGE_SIZE, Vault, VaultError
from tests.helpers.vaults import PASSPHRASE, digest_files, new_vault

NAME = "Zoubida Ait Benhaddou"


@pytest.fixture
def closed_vault(tmp_path):
    vault, store = new_vault(tmp_path / "v")
    for i in range(300):  # enough pages that a flipped byte lands in data, not slack
        store.persons.create({"name_lat": NAME, "nickname": f"n{i}", "notes": "x" * 200})
    vault.lock()
    return tmp_path / "v"


def refused(folder, code, passphrase=PASSPHRASE):
    before = digest_files(folder)
    with pytest.raises(VaultError) as info:
        Vault(folder).unlock(passphrase)
    assert info.value.code == code, info.value
    assert digest_files(folder) == before, "a refused open must not change any file"


def test_unlock_after_lock_finds_the_data(closed_vault):
    vault = Vault(closed_vault)
    store = vault.unlock(PASSPHRASE)
    assert store.persons.count() == 300
    assert store.profile.user_name == "Amina"
    vault.lock()
    assert vault.store is None and not vault.is_unlocked


def test_wrong_passphrase(closed_vault):
    refused(closed_vault, "wrong_passphrase", "not the passphrase")


def test_truncated_file(closed_vault):
    db = closed_vault / "vault.db"
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2 + 100])
    refused(closed_vault, "damaged")


def test_truncated_at_a_page_boundary(closed_vault):
    db = closed_vault / "vault.db"
    data = db.read_bytes()
    db.write_bytes(data[: (len(data) // PAGE_SIZE // 2) * PAGE_SIZE])
    refused(closed_vault, "damaged")


@pytest.mark.parametrize("where", [100, 16384 * 3 + 777, -2000])
def test_flipped_byte(closed_vault, where):
    db = closed_vault / "vault.db"
    data = bytearray(db.read_bytes())
    data[where] ^= 0x01
    db.write_bytes(bytes(data))
    refused(closed_vault, "damaged")


def test_unencrypted_file(tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    conn = sqlite3.connect(folder / "vault.db")
    conn.execute("CREATE TABLE persons (name TEXT)")
    conn.commit()
    conn.close()
    refused(folder, "not_encrypted")


def test_newer_database_version(closed_vault):
    vault = Vault(closed_vault)
    store = vault.unlock(PASSPHRASE)
    store.conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    vault.lock()
    refused(closed_vault, "too_new")


def test_newer_key_file_format(closed_vault):
    key = closed_vault / "vault.key"
    body = json.loads(key.read_text())
    body["format"] = keys.KEY_FILE_FORMAT + 1
    key.write_text(json.dumps(body))
    refused(closed_vault, "too_new")


def test_tampered_kdf_parameters_do_not_unlock(closed_vault):
    key = closed_vault / "vault.key"
    body = json.loads(key.read_text())
    kdf = body["slots"][0]["kdf"]
    kdf["iterations"] = kdf["iterations"] + 1  # weaker or stronger: the wrapped key says no
    key.write_text(json.dumps(body))
    refused(closed_vault, "wrong_passphrase")


def test_garbled_key_file(closed_vault):
    (closed_vault / "vault.key").write_text("{not json")
    refused(closed_vault, "damaged")


def test_missing_key_file(closed_vault):
    (closed_vault / "vault.key").unlink()
    refused(closed_vault, "damaged")


def test_no_vault(tmp_path):
    with pytest.raises(VaultError) as info:
        Vault(tmp_path).unlock(PASSPHRASE)
    assert info.value.code == "not_found"


def test_create_refuses_existing_vault_and_weak_passphrase(closed_vault, tmp_path):
    with pytest.raises(VaultError) as info:
        Vault(closed_vault).create(PASSPHRASE, user_name="x", province="rabat")
    assert info.value.code == "exists"
    with pytest.raises(VaultError) as info:
        Vault(tmp_path / "new").create("short", user_name="x", province="rabat")
    assert info.value.code == "weak_passphrase"
    assert not (tmp_path / "new" / "vault.db").exists()


def test_change_passphrase_rewraps_only(closed_vault):
    db = closed_vault / "vault.db"
    before = db.read_bytes()
    vault = Vault(closed_vault)
    with pytest.raises(VaultError) as info:
        vault.change_passphrase("not the passphrase", "a new passphrase")
    assert info.value.code == "wrong_passphrase"
    vault.change_passphrase(PASSPHRASE, "a new passphrase ☀ كلمة")
    assert db.read_bytes() == before, "changing the passphrase must not rewrite the data"
    refused(closed_vault, "wrong_passphrase", PASSPHRASE)
    store = Vault(closed_vault).unlock("a new passphrase ☀ كلمة")
    assert store.persons.count() == 300
    store.conn.close()


def test_passphrase_is_unicode_normalised(tmp_path):
    composed, decomposed = "passé-partout", "passe\u0301-partout"
    vault = Vault(tmp_path / "v")
    vault.create(composed, user_name="x", province="rabat", kdf=keys.KdfParams(
        os.urandom(16), 1, 1, 8 * 1024))
    vault.lock()
    Vault(tmp_path / "v").unlock(decomposed).conn.close()


def test_tuned_kdf_costs_about_half_a_second():
    params = keys.tune_kdf(target_seconds=0.5)
    assert params.memory_kib == 64 * 1024 and params.lanes == 4
    assert params.iterations >= 3


def test_a_fast_unlock_leaves_the_page_check_to_later_and_a_damaged_page_stops_writes(
        closed_vault):
    """The app unlocks without checking every page (half a second at 100,000 persons) and
    checks them in the background: a damaged page far into the file opens, is then found,
    and from then on nothing is written."""
    db = closed_vault / "vault.db"
    data = bytearray(db.read_bytes())
    data[-2000] ^= 0x01  # the last page: not read to open the vault
    db.write_bytes(bytes(data))
    vault = Vault(closed_vault)
    store = vault.unlock(PASSPHRASE, check_pages=False)
    try:
        assert vault.check_pages() > 0
        store.refuse_writes("damaged_pages")
        with pytest.raises(StorageError) as info:
            store.persons.create({"name_lat": "Never Written"})
        assert info.value.code == "damaged_pages"
    finally:
        vault.lock()
    refused(closed_vault, "damaged")  # and the full check at the next unlock says so


def test_an_intact_vault_passes_the_later_page_check(closed_vault):
    vault = Vault(closed_vault)
    vault.unlock(PASSPHRASE, check_pages=False)
    try:
        assert vault.check_pages() == 0
    finally:
        vault.lock()
