"""Shared helpers for the benchmarks: temporary vaults, timing, printing figures."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldapp.store.keys import KdfParams  # noqa: E402


def fast_kdf() -> KdfParams:
    """For benchmarks that are not about the key derivation."""
    return KdfParams(os.urandom(16), iterations=1, lanes=1, memory_kib=8 * 1024)


def temp_dir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"fieldapp-bench-{prefix}-"))


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def median(values: list[float]) -> float:
    return statistics.median(values)


def report(name: str, value: float, unit: str, target: str = "") -> None:
    suffix = f"   (target {target})" if target else ""
    print(f"{name:<48} {value:>12.3f} {unit}{suffix}")


BENCH_PASSPHRASE = "bench passphrase"


def ensure_demo_vault(folder: Path | None, persons: int, encounters: int) -> Path:
    """A demo vault with the real (tuned) key derivation, made once and reused."""
    from fieldapp import demo
    from fieldapp.store.vault import Vault

    folder = folder or Path(tempfile.gettempdir()) / f"fieldapp-bench-demo-{persons}"
    if not (folder / "vault.db").exists():
        print(f"making a demo vault of {persons} persons in {folder} ...", flush=True)
        vault = Vault(folder)
        store = vault.create(BENCH_PASSPHRASE, user_name="bench", province="rabat")
        demo.generate(store, persons, encounters)
        vault.lock()
    return folder


def timed_cpu(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process): on a shared machine the CPU time of a
    single-threaded run is the steadier figure (it leaves out the other loads' turns, and the
    waits for the disk, which are the same on both sides of a comparison)."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu
