"""100,000 encounters written through the repositories vs executemany of the same rows.

All write the same rows into the same schema (the vault's whole current schema, every
migration: same tables, indexes and triggers; WAL, same page cache, synchronous=FULL), in one
transaction. The repository path also validates every record, gives it a UUIDv7 and an outbox
entry with its mutation id, and encrypts every page. Baselines: A plain SQLite (the same
library as the vault's, without a key) with the rows pre-built; B plain SQLite building the
rows from the same dicts; C SQLCipher (the vault's own connection settings: key, 16 KiB pages,
WAL, FULL) with the rows pre-built, which isolates fieldapp's own cost from the encryption's
(target <= 1.5x C). Each figure is the median of the rounds, in wall time and (the ratio to
C) in the process's CPU time, steadier on a shared machine. The databases are removed after.

    .venv/bin/python bench/store.py [--count N] [--rounds R]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from common import fast_kdf, median, report, temp_dir, timed_cpu

from fieldapp.domain import records
from fieldapp.domain.ids import uuid7
from fieldapp.store import schema
from fieldapp.store.repository import META_COLUMNS, utc_now
from fieldapp.store.sqlite import Connection, connect
from fieldapp.store.vault import Vault, _configure, _connect

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
        age = rng.randint(8, 80)
        # a child is never left without an orientation (or a refusal and its reason)
        orientation = rng.choice(["none", "none", "shelter", "refused"] if age >= 18 else
                                 ["shelter", "refused"])
        anonymous = rng.random() < 0.15
        out.append({
            "province": "rabat",
            "patrol_id": patrols[i // 30],
            "person_id": None if anonymous else rng.choice(persons),
            "anonymous": anonymous,
            "sex": rng.choice(["male", "female"]),
            "approx_age": age,
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
    """The rows as the repository stores them, prepared before the timing starts (each
    field's ``to_stored`` of the checked record; the tests pin that the repository stores
    exactly this)."""
    kind = records.ENCOUNTER
    now = utc_now()
    rows = []
    for v in values:
        rec, errors = kind.prepare(v)
        if errors:  # the repositories would refuse it: the comparison would be void
            raise SystemExit(f"the bench's data is invalid: {errors} in {v}")
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


def _insert_sql() -> str:
    columns = META_COLUMNS + records.ENCOUNTER.field_names + ("_lazy",)
    return (f"INSERT INTO encounters ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})")


def _baseline_db(prefix: str, key: bytes | None) -> tuple[Connection, Path]:
    """A new database with the vault's whole current schema (every migration: the same
    tables, indexes and triggers, e.g. the dashboard roll-ups kept on each insert), set up
    as the vault's connection (WAL, synchronous=FULL, cache); encrypted as the vault is
    when ``key`` is given, else plain SQLite of the same library (the standard library's
    sqlite3 may be too old for the schema's full-text index)."""
    folder = temp_dir(prefix)
    path = folder / f"{prefix}.db"
    conn = connect(str(path)) if key is None else _connect(path, key)
    version = schema.migrate(conn)
    assert version == schema.LATEST
    _configure(conn)
    return conn, folder


Seconds = tuple[float, float]  # wall, CPU


def _executemany(db: tuple[Connection, Path], rows: Callable[[], list[tuple]]) -> Seconds:
    conn, folder = db
    sql = _insert_sql()

    def write() -> None:
        conn.execute("BEGIN")
        conn.executemany(sql, rows())
        conn.execute("COMMIT")

    seconds = timed_cpu(write)
    conn.close()
    shutil.rmtree(folder)
    return seconds


def plain_sqlite(rows: list[tuple] | None, values: list[dict] | None = None) -> Seconds:
    """A (rows pre-built) or B (rows built from the dicts inside the timing)."""
    return _executemany(_baseline_db("plain", None),
                        lambda: rows if rows is not None else minimal_rows(values or []))


def sqlcipher(rows: list[tuple]) -> Seconds:
    """C: the same pre-built rows through a connection set up as the vault's."""
    return _executemany(_baseline_db("cipher", os.urandom(32)), lambda: rows)


def repositories(values: list[dict]) -> Seconds:
    folder = temp_dir("vault")
    vault = Vault(folder)
    store = vault.create("bench passphrase", user_name="bench", province="rabat", kdf=fast_kdf())
    seconds = timed_cpu(lambda: store.encounters.create_many(values))
    assert store.pending_count() == len(values)
    vault.lock()
    shutil.rmtree(folder)
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
    p, pa, c, o = (median([wall for wall, _ in runs]) for runs in (plain, plain_app, cipher, ours))
    c_cpu, o_cpu = (median([cpu for _, cpu in runs]) for runs in (cipher, ours))
    print(f"{args.count} encounters, median of {args.rounds} rounds, "
          f"schema v{schema.LATEST} (all migrations) on every side")
    report("A plain SQLite executemany, rows pre-built", p, "s")
    report("B plain SQLite executemany from the dicts", pa, "s")
    report("C SQLCipher executemany, rows pre-built", c, "s")
    report("repositories (validation+outbox+SQLCipher)", o, "s")
    report("repositories records/s", args.count / o, "rec/s")
    report("ratio repositories / A", o / p, "x")
    report("ratio repositories / B", o / pa, "x")
    report("ratio C / A (the encryption's own cost)", c / p, "x")
    report("ratio repositories / C (fieldapp's own cost)", o / c, "x", "<= 1.5")
    # the same in CPU time of the process: steadier when other loads share the machine
    report(f"  the same in CPU time (C: {c_cpu:.3f} s)", o_cpu / c_cpu, "x", "<= 1.5")


if __name__ == "__main__":
    main()
