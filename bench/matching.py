"""Duplicate-person candidates over a 100,000-person demo vault: wall time, pairs compared per
second, candidates found, and precision / recall against the demo's known same-person pairs.

With ``--data-dir`` an existing vault is read (passphrase from FIELDAPP_PASSPHRASE, else the
bench passphrase); the same-person pairs are known only when this script made the vault,
which it does (in-process, with the demo generator) when no folder or an empty one is given.
It then keeps the pairs' record ids beside the vault, so later runs report recall too.

    .venv/bin/python bench/matching.py [--data-dir DIR] [--persons N] [--threshold T]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from common import BENCH_PASSPHRASE, report

from fieldapp.domain import records
from fieldapp.domain.matching import DEFAULT_THRESHOLD, find_candidates_with_stats
from fieldapp.store.vault import Vault

PAIRS_FILE = "bench-same-person-pairs.json"  # record ids only: no personal data


def make_vault(folder: Path, persons: int) -> list[tuple[str, str]]:
    """A demo vault (as bench/common.py makes them) and its same-person pairs."""
    from fieldapp import demo

    print(f"making a demo vault of {persons} persons in {folder} ...", flush=True)
    start = time.perf_counter()
    vault = Vault(folder)
    store = vault.create(BENCH_PASSPHRASE, user_name="bench", province="rabat")
    summary = demo.generate(store, persons, persons * 3)
    vault.lock()
    pairs = [(a, b) for a, b in summary.same_person_pairs]
    (folder / PAIRS_FILE).write_text(json.dumps(pairs), encoding="utf-8")
    print(f"  made in {time.perf_counter() - start:.0f} s", flush=True)
    return pairs


def read_persons(folder: Path) -> list[dict[str, Any]]:
    vault = Vault(folder)
    store = vault.unlock(os.environ.get("FIELDAPP_PASSPHRASE", BENCH_PASSPHRASE))
    try:
        cursor = store.conn.execute("SELECT * FROM persons")
        columns = [c[0] for c in cursor.description]
        return [records.PERSON.from_stored(dict(zip(columns, row, strict=True)))
                for row in cursor]
    finally:
        vault.lock()


def count(name: str, value: int, note: str = "") -> None:
    print(f"{name:<48} {value:>12,} {note}".rstrip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    args = parser.parse_args()
    folder = args.data_dir or Path(tempfile.gettempdir()) / f"fieldapp-bench-demo-{args.persons}"
    pairs: list[tuple[str, str]] | None = None
    if not (folder / "vault.db").exists():
        pairs = make_vault(folder, args.persons)
    elif (folder / PAIRS_FILE).exists():
        pairs = [tuple(p) for p in json.loads((folder / PAIRS_FILE).read_text("utf-8"))]

    start = time.perf_counter()
    persons = read_persons(folder)
    print(f"read {len(persons)} persons in {time.perf_counter() - start:.1f} s")

    start, cpu = time.perf_counter(), time.process_time()
    candidates, stats = find_candidates_with_stats(persons, args.threshold)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    report("find_candidates wall time", wall, "s", "<= 10 s")
    report("find_candidates CPU time", cpu, "s")
    count("blocks compared", stats.blocks, f"({stats.capped_blocks} by sorted neighbourhood)")
    count("pairs compared", stats.pairs_compared)
    count("pairs compared per second (wall)", round(stats.pairs_compared / wall))
    count("candidates found", len(candidates), f"at threshold {args.threshold}")
    if pairs is None:
        print("same-person pairs unknown (vault not made by this script): no precision/recall")
        return
    same = {tuple(sorted(p)) for p in pairs}
    found = {(a, b) for a, b, _, _ in candidates}
    hits = len(same & found)
    count("same-person pairs (demo summary)", len(same))
    report("recall", hits / len(same) if same else 0.0, f"({hits} found)")
    report("precision", hits / len(found) if found else 0.0, "")
    by_code: dict[str, int] = {}
    for a, b, _, reasons in candidates:
        if (a, b) not in same:
            key = " + ".join(r.code for r in reasons)
            by_code[key] = by_code.get(key, 0) + 1
    print("most frequent reasons of candidates that are not demo pairs:")
    for key, n in sorted(by_code.items(), key=lambda kv: -kv[1])[:6]:
        print(f"  {n:>7}  {key}")


if __name__ == "__main__":
    main()
