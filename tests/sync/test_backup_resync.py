"""A laptop restored from a backup older than what the server knows of it syncs again:
no duplicates on the server, what it lost comes back, and its new edits reach the server
(they are renumbered after the mutations the server already acknowledged)."""

from __future__ import annotations

import json

from fieldapp.store.backup import create_backup, restore_backup
from fieldapp.store.replica import StoreReplica
from fieldapp.store.vault import Vault
from tests.helpers.server import enrolled_device
from tests.helpers.vaults import PASSPHRASE


def server_records(service) -> dict[str, dict]:
    with service.db.read() as tx:
        rows = tx.all("SELECT id, fields FROM records")
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "no duplicate records"
    return {rid: json.loads(fields) for rid, fields in rows}


def test_restored_laptop_resyncs_without_duplicates(tmp_path, server, rabat_users):
    proc, service = server
    laptop = enrolled_device(tmp_path / "laptop", proc, service, "amina")
    persons = laptop.store.persons
    early = persons.create({"name_lat": "Avant Sauvegarde"})["id"]
    kept = persons.create({"name_lat": "Modifie Plus Tard"})["id"]
    laptop.sync()
    backup_file = tmp_path / "usb" / "laptop.backup"
    backup_file.parent.mkdir()
    create_backup(laptop.vault, backup_file)
    backed_up_last = laptop.store.last_mutation_id()

    # after the backup: edits the server receives, then the laptop loses
    late = persons.create({"name_lat": "Apres Sauvegarde"})["id"]
    persons.update(kept, {"nickname": "Le Sage"})
    laptop.sync()
    assert laptop.store.pending_count() == 0
    assert laptop.store.last_mutation_id() > backed_up_last

    laptop.vault.lock()
    restore_backup(laptop.folder, backup_file, PASSPHRASE)
    vault = Vault(laptop.folder)
    store = vault.unlock(PASSPHRASE)
    replica = StoreReplica(store)
    assert store.last_mutation_id() == backed_up_last
    assert store.persons.get(late) is None

    # an edit made after the restore, before the first sync: its natural mutation id is one
    # the server already acknowledged with other content
    fresh = store.persons.create({"name_lat": "Apres Restauration"})["id"]
    store.persons.update(early, {"nickname": "Revu"})
    from sync import client
    report = client.sync(replica)
    assert not report.problems
    assert store.pending_count() == 0
    assert store.setting("sync.restored") is None

    on_server = server_records(service)
    assert {early, kept, late, fresh} <= set(on_server)
    assert on_server[fresh]["name_lat"] == "Apres Restauration"
    assert on_server[early]["nickname"] == "Revu"
    assert on_server[kept]["nickname"] == "Le Sage"
    # everything, including what was lost with the restore, is back on the laptop
    assert store.persons.get(late) is not None
    assert store.persons.get(kept)["nickname"] == "Le Sage"

    # and later edits keep flowing
    store.persons.update(fresh, {"nickname": "Encore"})
    client.sync(replica)
    assert store.pending_count() == 0
    assert server_records(service)[fresh]["nickname"] == "Encore"
    vault.lock()
