"""Unlock time (key derivation included) and open time of a 100,000-person vault: as the
headless commands open it (every page's MAC checked first) and as the app does (the check
runs in the background once the window shows; bench/gui.py measures the window).

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
    Vault(folder).unlock(BENCH_PASSPHRASE, check_pages=False)  # a format 1 key file upgrades
    key_file = keys.KeyFile.load(folder / "vault.key")
    member = key_file.members()[0].member_id
    params = key_file.kdf_of(member)
    kdf, unlock, fast, check, first_query = [], [], [], [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        keys.derive_kek(BENCH_PASSPHRASE, params)
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
        # the app's way: every page's MAC checked in the background once the window shows
        vault = Vault(folder)
        data_key = key_file.unwrap_member(member, keys.derive_kek(BENCH_PASSPHRASE, params))
        start = time.perf_counter()  # the open alone: the derivation is measured above
        vault._open(data_key, check_pages=False)
        fast.append(time.perf_counter() - start)
        start = time.perf_counter()
        assert vault.check_pages() == 0
        check.append(time.perf_counter() - start)
        vault.lock()
    size_mb = (folder / "vault.db").stat().st_size / 1e6
    print(f"{persons} persons, vault {size_mb:.0f} MB, Argon2id t={params.iterations} "
          f"m={params.memory_kib // 1024} MiB p={params.lanes}; "
          f"median of {args.rounds}")
    report("key derivation (Argon2id)", median(kdf), "s", "0.5-1 s")
    report("unlock (derivation + open + checks)", median(unlock), "s")
    report("open beyond the derivation", median(unlock) - median(kdf), "s")
    report("app: open beyond the derivation (pages later)", median(fast), "s")
    report("app: the page check, in the background", median(check), "s")
    report("first count(*) of persons after unlock", median(first_query) * 1000, "ms")


if __name__ == "__main__":
    main()
