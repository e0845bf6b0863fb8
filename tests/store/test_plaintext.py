"""Nothing in the vault folder is readable without the key: database, WAL, journal, key file."""

from __future__ import annotations

import sqlite3

import pytest

from fieldapp.store.vault import Vault
from tests.helpers.vaults import PASSPHRASE, new_vault

NAME_LAT = "Zineb Oulad Taleb"
NAME_AR = "زينب أولاد الطالب"
NOTE = "dort sous le pont Moulay Hassan"


def needles():
    for text in (NAME_LAT, NAME_AR, NOTE, "Oulad Taleb", "زينب"):
        yield text.encode("utf-8")
        yield text.encode("utf-16-le")


def assert_no_plaintext(folder):
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert any(p.name == "vault.db" for p in files)
    for p in files:
        data = p.read_bytes()
        for needle in needles():
            assert needle not in data, f"plaintext found in {p.name}"


def test_no_plaintext_in_any_file_while_open_and_after_lock(tmp_path):
    folder = tmp_path / "v"
    vault, store = new_vault(folder)
    person = store.persons.create({"name_lat": NAME_LAT, "name_ar": NAME_AR, "notes": NOTE})
    store.persons.update(person["id"], {"nickname": "Zizi", "notes": NOTE + " (encore)"})
    store.save_draft("encounter", {"notes": NOTE, "who": NAME_LAT})
    assert (folder / "vault.db-wal").exists(), "the test must see the WAL while it holds data"
    assert_no_plaintext(folder)
    vault.lock()
    assert_no_plaintext(folder)
    # and it is all there for the right key
    store = Vault(folder).unlock(PASSPHRASE)
    assert store.persons.get(person["id"])["name_ar"] == NAME_AR
    store.conn.close()


def test_plain_sqlite_cannot_open_it(tmp_path):
    folder = tmp_path / "v"
    vault, store = new_vault(folder)
    store.persons.create({"name_lat": NAME_LAT})
    vault.lock()
    conn = sqlite3.connect(folder / "vault.db")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()
