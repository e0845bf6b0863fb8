"""The duplicates queue over a 100,000-person demo vault: time, what a supervisor would have to
review (clusters and pairs per 1,000 persons), and precision and recall against the people the
demo really made; the "possible" tier on its own. Each figure is printed with what it was
before this queue (BEFORE, measured with the pairwise search of commit 7ff6eb9) and its target.

The bench makes its own vault with the demo generator, in-process, so that it knows which
records are one real person: it keeps their record ids (no names) beside the vault, with a
fingerprint of the generator's code, and remakes the vault when the generator changed. The
vault is kept in the temporary folder between runs (--data-dir to choose another).

Truth pairs are all pairs of records of one person. The likely tier is judged on the pairs a
reader could go by: both records carry a full name (first and family name), or they share a
CIN. The other truth pairs (a record holding only a first name or a nickname) are what the
possible tier is for. Precision counts every pair of records a cluster says are one person.

    .venv/bin/python bench/matching.py [--persons N] [--data-dir DIR] [--threshold T]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

from common import BENCH_PASSPHRASE, fast_kdf

from fieldapp.domain.clusters import Cluster, duplicate_queue
from fieldapp.domain.matching import DEFAULT_THRESHOLD
from fieldapp.domain.name_match import forms_of
from fieldapp.domain.name_match import full_name as has_full_name
from fieldapp.store import merging
from fieldapp.store.vault import Vault

TRUTH_FILE = "bench-same-person.json"  # record ids only: no personal data
SEED = 7

Key = tuple[str, str]


def generator_fingerprint() -> str:
    from fieldapp import demo

    digest = hashlib.sha256(str(SEED).encode())
    for path in sorted(Path(demo.__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def make_vault(folder: Path, persons: int) -> list[list[str]]:
    """A demo vault of ``persons`` persons (3 encounters each) and its same-person groups."""
    from fieldapp import demo

    print(f"making a demo vault of {persons:,} persons in {folder} ...", flush=True)
    start = time.perf_counter()
    for name in ("vault.db", "vault.db-wal", "vault.db-shm", "vault.key", TRUTH_FILE):
        (folder / name).unlink(missing_ok=True)
    vault = Vault(folder)
    store = vault.create(BENCH_PASSPHRASE, user_name="bench", province="rabat", kdf=fast_kdf())
    summary = demo.generate(store, persons, persons * 3, seed=SEED)
    vault.lock()
    groups = _groups(summary.same_person_pairs)
    truth = {"generator": generator_fingerprint(), "persons": persons, "groups": groups}
    (folder / TRUTH_FILE).write_text(json.dumps(truth), encoding="utf-8")
    print(f"  made in {time.perf_counter() - start:.0f} s", flush=True)
    return groups


def _groups(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Records of one real person, from (original, copy) pairs."""
    root: dict[str, str] = {}

    def find(x: str) -> str:
        while root.setdefault(x, x) != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for a, b in pairs:
        root[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for x in list(root):
        groups.setdefault(find(x), []).append(x)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


def vault_and_truth(folder: Path, persons: int) -> list[list[str]]:
    truth_path = folder / TRUTH_FILE
    if (folder / "vault.db").exists() and truth_path.exists():
        truth = json.loads(truth_path.read_text("utf-8"))
        if truth.get("generator") == generator_fingerprint() and truth["persons"] == persons:
            return [list(g) for g in truth["groups"]]
        print("the demo generator changed since the vault was made")
    folder.mkdir(parents=True, exist_ok=True)
    return make_vault(folder, persons)


def read_persons(folder: Path) -> tuple[list[dict[str, Any]], set[Key]]:
    """Active persons and "not the same person" decisions, as the app reads them."""
    vault = Vault(folder)
    store = vault.unlock(BENCH_PASSPHRASE, check_pages=False)
    try:
        return merging.active_persons(store), merging.non_duplicate_pairs(store)
    finally:
        vault.lock()


# --- figures ---------------------------------------------------------------------------------


def count(name: str, value: float, note: str = "") -> None:
    print(f"{name:<48} {value:>12,.0f} {note}".rstrip())


def key(a: str, b: str) -> Key:
    return (a, b) if a < b else (b, a)


def full_name(record: dict[str, Any]) -> bool:
    """A first and a family name in either script (not a first name or a nickname only: not
    Abdelkader, عبد القادر or Fatima Zahra alone)."""
    return has_full_name(forms_of(record.get("name_ar") or "", record.get("name_lat") or ""))


def cluster_pairs(clusters: Iterable[Cluster]) -> set[Key]:
    return {key(a, b) for c in clusters for a, b in combinations(c.ids, 2)}


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


# Before this queue (commit 7ff6eb9: pairs only, names not weighed by how common they are),
# measured by this bench's predecessor on its demo vault (the old generator: 95 family names
# drawn evenly), and on the vault this bench makes (same truth, same persons). No tiers then.
BEFORE_OLD_VAULT = {"time": 7.4, "pairs_per_1000": 1678.2, "precision": 0.036,
                    "recall_all": 0.763}
BEFORE = {"time": 12.1, "pairs_per_1000": 609.2, "precision": 0.104, "recall": 0.994,
          "recall_all": 0.759}


def figure(name: str, value: float, before: float | None, target: str, digits: int = 3) -> None:
    """A line of the table: the figure, what it was before, and its target."""
    then = "" if before is None else f"{before:,.{digits}f}"
    print(f"{name:<44} {value:>10,.{digits}f} {then:>10}   {target}".rstrip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    args = parser.parse_args()
    folder = args.data_dir or (Path(tempfile.gettempdir())
                               / f"fieldapp-bench-matching-{args.persons}")
    groups = vault_and_truth(folder, args.persons)

    start = time.perf_counter()
    persons, refused = read_persons(folder)
    print(f"read {len(persons):,} persons in {time.perf_counter() - start:.1f} s")
    n = len(persons)
    per_1000 = 1000 / n
    # "before" figures are for 100,000 persons only
    then = BEFORE if n == 100_000 else {}

    start, cpu = time.perf_counter(), time.process_time()
    queue = duplicate_queue(persons, refused, args.threshold)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    stats = queue.stats

    by_id = {p["id"]: p for p in persons}
    truth: set[Key] = {key(a, b) for g in groups for a, b in combinations(g, 2)}
    readable = {t for t in truth if all(full_name(by_id[i]) for i in t)
                or (by_id[t[0]].get("cin") and by_id[t[0]].get("cin") == by_id[t[1]].get("cin"))}
    short = truth - readable
    clustered = cluster_pairs(queue.likely)
    possible = cluster_pairs(queue.possible)
    hits = len(clustered & truth)
    records = sum(len(c.ids) for c in queue.likely)
    people = {frozenset(g) for g in groups}
    pure = sum(1 for c in queue.likely if cluster_pairs([c]) <= truth)
    whole = sum(1 for c in queue.likely if frozenset(c.ids) in people)

    print(f"\n{'':<44} {'after':>10} {'before':>10}   target")
    figure("duplicate queue wall time (s)", wall, then.get("time"), "<= 10 s", 1)
    figure("duplicate queue CPU time (s)", cpu, None, "", 1)
    count("pairs compared", stats.pairs_compared,
          f"({stats.blocks:,} blocks, {stats.capped_blocks} by sorted neighbourhood)")

    print("\nlikely tier: clusters of records presumed one person, most certain first")
    count("clusters", len(queue.likely), f"({records:,} records, {queue.pairs:,} pairs)")
    figure("clusters per 1,000 persons", len(queue.likely) * per_1000, None,
           "a queue one can review: <= 60", 1)
    figure("candidate pairs per 1,000 persons", queue.pairs * per_1000,
           then.get("pairs_per_1000"), "<= 60", 1)
    figure("precision (pairs of records in a cluster)", ratio(hits, len(clustered)),
           then.get("precision"), ">= 0.90")
    figure("recall (truth pairs: full names or a CIN)",
           ratio(len(clustered & readable), len(readable)), then.get("recall"), ">= 0.90")
    figure("recall (all truth pairs)", ratio(hits, len(truth)), then.get("recall_all"),
           "(the possible tier is for the rest)")
    figure("clusters of one person's records only", ratio(pure, len(queue.likely)), None,
           ">= 0.90")
    figure("  ... and all of that person's records", ratio(whole, len(queue.likely)), None, "")

    print("\npossible tier: a first name or a nickname only; never merged automatically")
    count("possible pairs", len(queue.possible))
    figure("possible pairs per 1,000 persons", len(queue.possible) * per_1000, None, "<= 20", 1)
    figure("precision of the possible tier", ratio(len(possible & truth), len(possible)), None,
           "a hint to check: >= 0.50")
    figure("recall (truth pairs with a short record)",
           ratio(len(possible & short), len(short)), None, "")
    figure("recall of both tiers (all truth pairs)",
           ratio(len(truth & (clustered | possible)), len(truth)), then.get("recall_all"), "")

    print("\ntruth")
    count("persons", n)
    count("same-person pairs", len(truth), f"({len(groups):,} persons recorded twice or more)")
    count("  with a full name on both sides or a CIN", len(readable))
    count("  with a first name or a nickname only", len(short))
    if n == 100_000:
        old = BEFORE_OLD_VAULT
        print(f"\nbefore, on the old demo vault: {old['pairs_per_1000']:,.0f} pairs per 1,000 "
              f"persons, precision {old['precision']}, recall {old['recall_all']}, "
              f"{old['time']} s")
    _misses(queue, by_id, readable - clustered, clustered - truth)


def _misses(queue: Any, by_id: dict[str, dict[str, Any]], missed: set[Key],
            wrong: set[Key]) -> None:
    """Why pairs were missed and why others were proposed: the evidence they had."""
    def evidence(a: dict[str, Any], b: dict[str, Any]) -> str:
        parts = []
        if a.get("cin") and b.get("cin"):
            parts.append("same CIN" if a["cin"] == b["cin"] else "two CINs")
        if a.get("birth_date") and b.get("birth_date"):
            parts.append("birth dates")
        elif a.get("birth_date") or b.get("birth_date"):
            parts.append("one birth date")
        else:
            parts.append("approximate ages")
        if a.get("nickname") and a.get("nickname") == b.get("nickname"):
            parts.append("same nickname")
        return " + ".join(parts)

    print("\ntruth pairs (full name or CIN) the likely tier missed, by evidence:")
    for what, k in Counter(evidence(by_id[a], by_id[b]) for a, b in missed).most_common(5):
        print(f"  {k:>7,}  {what}")
    print("pairs in clusters that are two people, by the reasons given:")
    reasons = {key(c[0], c[1]): " + ".join(r.code for r in c[3])
               for cl in queue.likely for c in cl.links}
    wrong_links = Counter(reasons[p] for p in wrong if p in reasons)
    for what, k in wrong_links.most_common(6):
        print(f"  {k:>7,}  {what}")
    chained = sum(1 for p in wrong if p not in reasons)
    if chained:
        print(f"  {chained:>7,}  (no link of their own: joined through a third record)")


if __name__ == "__main__":
    main()
