"""Child process of test_crash.py: writes records in a loop, reporting each returned write.

Each line on stdout is printed only after the write returned, so every reported write must
be in the vault after a SIGKILL at any moment.
"""

import json
import random
import sys

from fieldapp.store.vault import Vault

folder, passphrase, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(seed)
store = Vault(folder).unlock(passphrase)
mine: list[str] = []
n = 0
while True:
    n += 1
    choice = rng.random()
    if choice < 0.5 or not mine:
        rec = store.persons.create({"name_lat": "Crash", "nickname": f"c {seed} {n}",
                                     "approx_age": n % 100})
        mine.append(rec["id"])
        report = {"op": "create", "id": rec["id"], "nickname": rec["nickname"],
                  "last": store.last_mutation_id()}
    elif choice < 0.8:
        rid = rng.choice(mine)
        rec = store.persons.update(rid, {"description": f"seen {seed} {n}"})
        report = {"op": "update", "id": rid, "description": rec["description"],
                  "last": store.last_mutation_id()}
    else:
        names = [{"nickname": f"b {seed} {n} {i}"} for i in range(rng.randint(2, 40))]
        ids = store.persons.create_many(names)
        mine.extend(ids)
        report = {"op": "batch", "ids": ids, "count": len(ids),
                  "last": store.last_mutation_id()}
    sys.stdout.write(json.dumps(report) + "\n")
    sys.stdout.flush()
