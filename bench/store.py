"""100,000 encounters written through the repositories vs executemany of the same rows.

All write the same rows into the same schema (same table, same indexes, WAL, same page
cache, synchronous=FULL), in one transaction. The repository path also validates every
record, gives it a UUIDv7 and an outbox entry with its mutation id, and encrypts every page.
Baselines: A plain sqlite3 with the rows pre-built; B plain sqlite3 building the rows from the
same dicts; C SQLCipher (the vault's own connection settings: key, 16 KiB pages, WAL, FULL)
with the rows pre-built, which isolates fieldapp's own cost from the encryption's (target
<= 1.5x C).

    .venv/bin/python bench/store.py [--count N] [--rounds R]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import uuid
from datetime import datetime, timedelta

from common import fast_kdf, median, report, temp_dir, timed

from fieldapp.domain import records
from fieldapp.domain.ids import uuid7
from fieldapp.store import schema
from fieldapp.store.repository import META_COLUMNS, utc_now
from fieldapp.store.vault import Vault

SERVICES = ["meal", "blanket", "hot_drink", "clothes", "shower", "haircut", "medical_check"]
LOCATIONS = ["Gare Rabat-Ville", "Bab El Had", "Marché central", "محطة القطار", "Avenue Mohammed V"]


def encounters(n: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    persons = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(n // 3)]
    patrols = [uuid7() for _ in range(n // 30 + 1)]
    shelters = [uuid7() for _ in range(8)]
    start = datetime(2025, 1, 1, 21, 0)
    out = []
    for i in range(n):
        orientation = rng.choice(["none", "none", "shelter", "refused"])
        anonymous = rng.random() < 0.15
        out.append({
            "province": "rabat",
            "patrol_id": patrols[i // 30],
            "person_id": None if anonymous else rng.choice(persons),
            "anonymous": anonymous,
            "sex": rng.choice(["male", "female"]),
            "approx_age": rng.randint(8, 80),
            "met_at": (start + timedelta(minutes=5 * i)).isoformat(timespec="minutes"),
            "location": rng.choice(LOCATIONS),
            "situation": rng.choice(["alone", "with_children", "in_group"]),
            "services": rng.sample(SERVICES, rng.randint(1, 3)),
            "orientation": orientation,
            "shelter_id": rng.choice(shelters) if orientation == "shelter" else None,
            "refusal_reason": "distrust" if orientation == "refused" else None,
            "consent": not anonymous,
            "notes": "Rencontré près de la gare, demande une couverture.",
        })
    return out


def stored_rows(values: list[dict]) -> list[tuple]:
    """The rows as the repository stores them, prepared before the timing starts."""
    kind = records.ENCOUNTER
    now = utc_now()
    rows = []
    for v in values:
        rec = kind.clean(v)
        rows.append((uuid7(), now, "bench", now, "bench",
                     *[f.to_stored(rec[f.name]) for f in kind.fields], None))
    return rows


def minimal_rows(values: list[dict]) -> list[tuple]:
    """What an app with no validation, outbox or encryption would still do per record."""
    kind = records.ENCOUNTER
    names = kind.field_names
    now = utc_now()
    defaults = {"deleted": False, **kind.defaults}
    rows = []
    for v, rid in zip(values, (str(uuid.uuid4()) for _ in values), strict=True):
        row = [v.get(n, defaults.get(n)) for n in names]
        row[names.index("services")] = json.dumps(row[names.index("services")])
        row[names.index("flags")] = json.dumps(row[names.index("flags")] or [])
        rows.append((rid, now, "bench", now, "bench", *row, None))
    return rows


def plain_sqlite(rows: list[tuple] | None, values: list[dict] | None = None) -> float:
    folder = temp_dir("plain")
    conn = sqlite3.connect(folder / "plain.db", isolation_level=None)
    schema.migrate(conn, 1)  # the same encounter table and indexes (v2 is person search)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA cache_size = -65536")
    columns = META_COLUMNS + records.ENCOUNTER.field_names + ("_lazy",)
    sql = (f"INSERT INTO encounters ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")

    def write() -> None:
        conn.execute("BEGIN")
        conn.executemany(sql, rows if rows is not None else minimal_rows(values or []))
        conn.execute("COMMIT")

    seconds = timed(write)
    conn.close()
    return seconds


def sqlcipher(rows: list[tuple]) -> float:
    """C: the same pre-built rows through a connection set up as the vault's."""
    import os

    from fieldapp.store.vault import _configure, _connect

    folder = temp_dir("cipher")
    conn = _connect(folder / "cipher.db", os.urandom(32))
    schema.migrate(conn, 1)
    _configure(conn)
    columns = META_COLUMNS + records.ENCOUNTER.field_names + ("_lazy",)
    sql = (f"INSERT INTO encounters ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")

    def write() -> None:
        conn.execute("BEGIN")
        conn.executemany(sql, rows)
        conn.execute("COMMIT")

    seconds = timed(write)
    conn.close()
    return seconds


def repositories(values: list[dict]) -> float:
    folder = temp_dir("vault")
    vault = Vault(folder)
    store = vault.create("bench passphrase", user_name="bench", province="rabat", kdf=fast_kdf())
    seconds = timed(lambda: store.encounters.create_many(values))
    assert store.pending_count() == len(values)
    vault.lock()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    values = encounters(args.count)
    rows = stored_rows(values)
    plain, plain_app, cipher, ours = [], [], [], []
    for _ in range(args.rounds):  # interleaved, so all see the same machine load
        plain.append(plain_sqlite(rows))
        plain_app.append(plain_sqlite(None, values))
        cipher.append(sqlcipher(rows))
        ours.append(repositories(values))
    p, pa, c, o = median(plain), median(plain_app), median(cipher), median(ours)
    print(f"{args.count} encounters, median of {args.rounds} rounds")
    report("A plain sqlite3 executemany, rows pre-built", p, "s")
    report("B plain sqlite3 executemany from the dicts", pa, "s")
    report("C SQLCipher executemany, rows pre-built", c, "s")
    report("repositories (validation+outbox+SQLCipher)", o, "s")
    report("repositories records/s", args.count / o, "rec/s")
    report("ratio repositories / A", o / p, "x")
    report("ratio repositories / B", o / pa, "x")
    report("ratio C / A (the encryption's own cost)", c / p, "x")
    report("ratio repositories / C (fieldapp's own cost)", o / c, "x", "<= 1.5")


if __name__ == "__main__":
    main()
