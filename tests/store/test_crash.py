"""A writer killed with SIGKILL at random moments loses no write that returned.

FIELDAPP_STRESS=1 runs many more kills than the default.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fieldapp.store.vault import Vault
from tests.helpers.vaults import PASSPHRASE, new_vault

RUNS = 120 if os.environ.get("FIELDAPP_STRESS") else 12
WRITER = Path(__file__).with_name("crash_writer.py")


def run_and_kill(folder: Path, seed: int, rng: random.Random) -> list[dict]:
    child = subprocess.Popen(
        [sys.executable, str(WRITER), str(folder), PASSPHRASE, str(seed)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=Path(__file__).resolve().parents[2])
    # let it start (unlock) and then write for a random while
    deadline = time.monotonic() + 10
    first = child.stdout.readline()
    assert first, child.stderr.read()
    assert time.monotonic() < deadline
    time.sleep(rng.uniform(0.0, 0.4))
    child.send_signal(signal.SIGKILL)
    rest, _ = child.communicate()
    lines = [first] + rest.splitlines()
    reports = []
    for line in lines:
        try:
            reports.append(json.loads(line))
        except ValueError:
            break  # the line being written when the kill came; its write had not returned
    return reports


@pytest.mark.slow
def test_sigkill_loses_no_returned_write(tmp_path):
    folder = tmp_path / "v"
    vault, _ = new_vault(folder)
    vault.lock()
    rng = random.Random(20261129)
    reported: list[dict] = []
    for seed in range(RUNS):
        reported.extend(run_and_kill(folder, seed, rng))

    store = Vault(folder).unlock(PASSPHRASE)
    try:
        conn = store.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        outbox = [r[0] for r in conn.execute("SELECT mutation_id FROM outbox ORDER BY 1")]
        last = store.last_mutation_id()
        # no gap and no repeat: exactly 1..last, and the counter agrees
        assert outbox == list(range(1, last + 1))
        assert last >= max(r["last"] for r in reported)
        entries = {(k, rid) for k, rid in conn.execute("SELECT kind, record_id FROM outbox")}
        latest_nick: dict[str, str] = {}
        for r in reported:
            if r["op"] == "create":
                rec = store.persons.get(r["id"])
                assert rec is not None and rec["nickname"] == r["nickname"]
                assert ("person", r["id"]) in entries
            elif r["op"] == "update":
                latest_nick[r["id"]] = r["description"]
            else:
                assert len(r["ids"]) == r["count"]
                for rid in r["ids"]:
                    assert store.persons.get(rid) is not None
                    assert ("person", rid) in entries
        for rid, reported_value in latest_nick.items():
            # a later run never touches an earlier run's records, so the current value is
            # the last reported update, or a later one of the same run that committed just
            # before the kill and could not be reported
            current = store.persons.get(rid)["description"]
            _, seed_now, n_now = current.split()
            _, seed_reported, n_reported = reported_value.split()
            assert seed_now == seed_reported and int(n_now) >= int(n_reported), \
                (current, reported_value)
        updates = conn.execute("SELECT count(*) FROM outbox WHERE op = 'update'").fetchone()[0]
        assert updates >= sum(1 for r in reported if r["op"] == "update")
        # every outbox entry can still be read whole
        assert len(store.outbox(limit=1_000_000)) == last
    finally:
        store.conn.close()
    assert len(reported) > RUNS, "the writer should have written before being killed"
