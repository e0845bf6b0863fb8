"""Person search on a 100,000-person vault: p50 and p95 over 1,000 typed queries.

Queries are what users type: the first 2-6 letters of a name, one or two words, in Arabic or
Latin script, sometimes in the other script than the one stored.

    .venv/bin/python bench/search.py [--data-dir DIR] [--persons N] [--queries Q]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from common import BENCH_PASSPHRASE, ensure_demo_vault, percentile, report

from fieldapp.domain import names
from fieldapp.store.search import search_persons
from fieldapp.store.vault import Vault


def typed_queries(store, count: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    rows = store.conn.execute(
        "SELECT name_ar, name_lat, nickname FROM persons ORDER BY random() LIMIT ?",
        (count * 2,)).fetchall()
    queries = []
    for name_ar, name_lat, nickname in rows:
        source = rng.choice([n for n in (name_ar, name_lat, nickname) if n])
        words = names.fold(source).split()
        picked = words[: rng.choice([1, 1, 2])]
        queries.append(" ".join(w[: rng.randint(2, 6)] for w in picked))
        if len(queries) == count:
            break
    return queries


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()
    folder = ensure_demo_vault(args.data_dir, args.persons, args.persons * 3)
    vault = Vault(folder)
    store = vault.unlock(BENCH_PASSPHRASE)
    persons = store.persons.count()
    queries = typed_queries(store, args.queries)
    for q in queries[:50]:  # warm the page cache as a user's first searches would
        search_persons(store, q)
    times, hits = [], 0
    for q in queries:
        start = time.perf_counter()
        result = search_persons(store, q)
        times.append((time.perf_counter() - start) * 1000)
        hits += bool(result)
    arabic = sum(1 for q in queries if any("\u0600" <= c <= "\u06ff" for c in q))
    print(f"{len(queries)} queries ({arabic} in Arabic script) on {persons} persons; "
          f"{hits} found someone")
    report("search p50", percentile(times, 50), "ms")
    report("search p95", percentile(times, 95), "ms", "<= 20 ms")
    report("search max", max(times), "ms")
    vault.lock()


if __name__ == "__main__":
    main()
