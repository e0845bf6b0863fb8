"""Unlock time (key derivation included) and open time of a 100,000-person vault.

    .venv/bin/python bench/unlock.py [--data-dir DIR] [--persons N] [--rounds R]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import BENCH_PASSPHRASE, ensure_demo_vault, median, report

from fieldapp.store import keys
from fieldapp.store.vault import Vault


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    folder = ensure_demo_vault(args.data_dir, args.persons, args.persons * 3)
    key_file = keys.KeyFile.load(folder / "vault.key")
    kdf, unlock, first_query = [], [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        keys.derive_kek(BENCH_PASSPHRASE, key_file.kdf)
        kdf.append(time.perf_counter() - start)
        vault = Vault(folder)
        start = time.perf_counter()
        store = vault.unlock(BENCH_PASSPHRASE)
        unlock.append(time.perf_counter() - start)
        start = time.perf_counter()
        store.persons.count()
        first_query.append(time.perf_counter() - start)
        persons = store.persons.count()
        vault.lock()
    size_mb = (folder / "vault.db").stat().st_size / 1e6
    print(f"{persons} persons, vault {size_mb:.0f} MB, Argon2id t={key_file.kdf.iterations} "
          f"m={key_file.kdf.memory_kib // 1024} MiB p={key_file.kdf.lanes}; "
          f"median of {args.rounds}")
    report("key derivation (Argon2id)", median(kdf), "s", "0.5-1 s")
    report("unlock (derivation + open + checks)", median(unlock), "s")
    report("open beyond the derivation", median(unlock) - median(kdf), "s")
    report("first count(*) of persons after unlock", median(first_query) * 1000, "ms")


if __name__ == "__main__":
    main()
