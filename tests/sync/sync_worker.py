"""Child process of test_crash_sync.py: unlocks an enrolled vault and syncs in a loop until
the parent kills it (SIGKILL) or its own bounds run out.

    python tests/sync/sync_worker.py FOLDER MODE SEED PAGE_SIZE

MODE ``push``: between syncs, writes a few records and edits (each reported on stdout only
after the write returned), so there is always an outbox to push. MODE ``pull``: syncs only
(another device feeds the server), with small pages.

Every line on stdout is JSON, flushed at once:
    {"ready": true}                                 the vault is unlocked
    {"op": "create", "id": …, "fields": {…}}        a write that returned
    {"op": "update", "id": …, "fields": {…}}
    {"ack": LAST}                                    the server acknowledged up to LAST
    {"page": CURSOR}                                 a pulled page and its cursor are stored
    {"synced": {…}}                                  a whole sync returned
"""

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from fieldapp.store.replica import StoreReplica  # noqa: E402
from fieldapp.store.vault import Vault  # noqa: E402
from sync import client as sync_client  # noqa: E402
from sync.protocol import SyncError  # noqa: E402
from tests.helpers.vaults import PASSPHRASE  # noqa: E402

MAX_ROUNDS = 200
MAX_SECONDS = 60.0


def say(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main() -> int:
    folder, mode, seed, page_size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    vault = Vault(folder)
    store = vault.unlock(PASSPHRASE)
    replica = StoreReplica(store)
    say({"ready": True})

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "push":
            say({"ack": store.last_mutation_id() - store.pending_count()})
        else:
            say({"page": replica.sync_state()["cursor"]})

    mine = [rid for (rid,) in store.conn.execute(
        "SELECT id FROM persons WHERE created_by IS NOT NULL ORDER BY rowid")]
    deadline = time.monotonic() + MAX_SECONDS
    n = 0
    for _ in range(MAX_ROUNDS):
        if time.monotonic() > deadline:
            break
        if mode == "push":
            for _ in range(rng.randint(1, 3)):
                n += 1
                batch = [{"nickname": f"w{seed}.{n}.{i}", "approx_age": rng.randint(0, 99)}
                         for i in range(rng.randint(1, 60))]
                ids = store.persons.create_many(batch)
                mine.extend(ids)
                for rid, values in zip(ids, batch, strict=True):
                    say({"op": "create", "id": rid, "fields": values})
            for _ in range(rng.randint(0, 10)):
                if not mine:
                    break
                n += 1
                rid = rng.choice(mine)
                values = {rng.choice(("description", "notes")): f"edit w{seed}.{n}"}
                store.persons.update(rid, values)
                say({"op": "update", "id": rid, "fields": values})
        try:
            report = sync_client.sync(replica, progress=progress, page_size=page_size)
        except SyncError as e:  # a server hiccup is not what this worker tests
            say({"error": str(e)})
            continue
        say({"synced": {"pushed": report.pushed, "pulled": report.pulled,
                        "rebased": report.rebased}})
    vault.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())
