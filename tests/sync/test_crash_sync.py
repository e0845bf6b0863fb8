"""A laptop killed (SIGKILL) at random moments while it pushes or pulls loses nothing and
duplicates nothing: every change reaches the server exactly once, the laptop ends equal to
the server, and its pull cursor never runs ahead of (or behind) the data it applied.

The syncing laptop is a child process (sync_worker.py) on a vault prepared here; this
process kills it after a random delay, reopens the vault and checks it, several times over,
then syncs to completion itself. FIELDAPP_STRESS=1 runs ten times more kills.
"""

from __future__ import annotations

import json
import os
import random
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain import records
from fieldapp.store.replica import StoreReplica
from fieldapp.store.repository import Store
from fieldapp.store.vault import Vault
from sync import client as sync_client
from sync.protocol import MAX_BATCH, PushRequest, decode_cursor
from sync.server.service import Service, record_versions
from tests.helpers.server import enrolled_device
from tests.helpers.vaults import PASSPHRASE

STRESS = bool(os.environ.get("FIELDAPP_STRESS"))
KILLS = 100 if STRESS else 10
ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("sync_worker.py")

# PostgreSQL doubles the run time; the client's crash safety does not depend on the backend,
# so it joins the default run only under FIELDAPP_STRESS=1.
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)] if STRESS else [
    "sqlite"]


# --- what the server and a laptop hold (also used by test_chaos and test_restore) -----------


def server_records(service: Service, kind: str | None = None) -> dict[tuple[str, str], dict]:
    """(kind, id) → {province, version, fields, versions} of every record on the server."""
    sql = "SELECT kind, id, province, version, fields, versions FROM records"
    params: tuple[str, ...] = ()
    if kind is not None:
        sql, params = sql + " WHERE kind = ?", (kind,)
    with service.db.read() as tx:
        rows = tx.all(sql, params)
    return {(k, rid): {"province": p, "version": int(v), "fields": json.loads(f),
                       "versions": record_versions(vs, json.loads(f), int(v))}
            for k, rid, p, v, f, vs in rows}


def local_records(store: Store, kind: str | None = None) -> dict[tuple[str, str], dict]:
    """(kind, id) → {fields, versions} of every record in a vault (stored shape)."""
    out = {}
    for name, k in records.KINDS.items():
        if kind is not None and name != kind:
            continue
        for rid, versions, *values in store.conn.execute(
                f"SELECT id, _versions, {', '.join(k.field_names)} FROM {k.table}"):
            out[(name, rid)] = {"fields": dict(zip(k.field_names, values, strict=True)),
                                "versions": json.loads(versions) if versions else {}}
    return out


def pending_fields(store: Store) -> dict[str, set[str] | None]:
    """record id → fields with an edit the server has not acknowledged (None: all)."""
    out: dict[str, set[str] | None] = {}
    for rid, payload in store.conn.execute("SELECT record_id, payload FROM outbox"):
        if payload is None or out.get(rid, set()) is None:
            out[rid] = None
        else:
            out.setdefault(rid, set()).update(json.loads(payload))  # type: ignore[union-attr]
    return out


def record_differences(local: dict, server: dict, versions: bool = True) -> list[str]:
    """What differs between a laptop's records and the server's (empty: equal)."""
    problems = []
    for key in sorted(set(local) | set(server)):
        if key not in server:
            problems.append(f"{key}: only on the laptop")
            continue
        if key not in local:
            problems.append(f"{key}: missing on the laptop")
            continue
        s, mine = server[key], local[key]
        for name in sorted(set(s["fields"]) | set(mine["fields"])):
            if mine["fields"].get(name) != s["fields"].get(name):
                problems.append(f"{key}.{name}: laptop {mine['fields'].get(name)!r} "
                                f"server {s['fields'].get(name)!r}")
        if versions and mine["versions"] != s["versions"]:
            problems.append(f"{key}: laptop versions {mine['versions']} "
                            f"server {s['versions']}")
    return problems


def server_device(service: Service, device_id: str) -> tuple[int, list[int]]:
    """(the server's last_mutation_id of a device, its mutation ids as recorded)."""
    with service.db.read() as tx:
        last = tx.one("SELECT last_mutation_id FROM devices WHERE id = ?", (device_id,))[0]
        ids = [int(r[0]) for r in tx.all(
            "SELECT mutation_id FROM mutations WHERE device_id = ? ORDER BY mutation_id",
            (device_id,))]
    return int(last), ids


def push_only(replica: StoreReplica) -> None:
    """The push half of a sync (a feeder laptop that need not pull its own data back)."""
    state = replica.sync_state()
    client = sync_client.HttpClient(state["url"], state["token"])
    try:
        while changes := replica.pending_changes(MAX_BATCH):
            replica.acknowledge(client.push(PushRequest(tuple(changes),
                                                        replica.sync_state()["epoch"])))
    finally:
        client.session.close()


def sync_until_quiet(replica: StoreReplica, rounds: int = 10, **kwargs: Any) -> None:
    """Sync until nothing is left to push and a whole sync pulled nothing (bounded)."""
    for _ in range(rounds):
        report = sync_client.sync(replica, **kwargs)
        if replica.store.pending_count() == 0 and report.pulled == 0 and report.pushed == 0:
            return
    raise AssertionError(f"still syncing after {rounds} rounds")


# --- the child ----------------------------------------------------------------------------


@contextmanager
def unlocked(folder: Path) -> Iterator[Store]:
    vault = Vault(folder)
    store = vault.unlock(PASSPHRASE)
    try:
        yield store
    finally:
        vault.lock()


def run_and_kill(folder: Path, mode: str, seed: int, delay: float,
                 page_size: int) -> list[dict]:
    """Start the worker, SIGKILL it ``delay`` seconds after it unlocked the vault; returns
    the lines it completed (a line cut by the kill is dropped: its write had not returned)."""
    child = subprocess.Popen(
        [sys.executable, str(WORKER), str(folder), mode, str(seed), str(page_size)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        with selectors.DefaultSelector() as sel:
            sel.register(child.stdout, selectors.EVENT_READ)
            ready = sel.select(timeout=30)
        first = child.stdout.readline() if ready else ""
        if not first:
            child.kill()
            _, err = child.communicate()
            raise AssertionError(f"worker did not start (seed {seed}): {err[-2000:]}")
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        rest, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode in (-signal.SIGKILL, 0), f"seed {seed}: worker failed: {err[-2000:]}"
    reports = []
    for line in [first, *rest.splitlines(keepends=True)]:
        if not line.endswith("\n"):
            break  # cut by the kill
        reports.append(json.loads(line))
    return reports


# --- checks after each kill -----------------------------------------------------------------


def check_after_kill(store: Store, service: Service, reports: list[dict], where: str) -> None:
    """The vault a killed sync left behind: nothing the server lacks has left the outbox,
    and the pull cursor matches the data applied."""
    conn = store.conn
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", where
    replica = StoreReplica(store)
    state = replica.sync_state()
    mine_last = store.last_mutation_id()
    server_last, server_ids = server_device(service, state["device_id"])
    outbox = [r[0] for r in conn.execute("SELECT mutation_id FROM outbox ORDER BY 1")]
    # the server never has more than the laptop wrote, records each mutation once, and
    # every mutation it lacks is still in the outbox (no edit lost by a kill)
    assert server_last <= mine_last, where
    assert server_ids == list(range(1, server_last + 1)), where
    assert set(range(server_last + 1, mine_last + 1)) <= set(outbox), where
    assert outbox == list(range(mine_last - len(outbox) + 1, mine_last + 1)), where
    acks = [r["ack"] for r in reports if "ack" in r]
    if acks:  # an acknowledgement the worker reported survived the kill
        assert max(acks) <= server_last and all(m > max(acks) for m in outbox), where

    # the cursor: every server record at or below it is here, as the server has it (fields
    # with an unacknowledged local edit excepted); nothing here is newer than the cursor
    cursor = decode_cursor(state["cursor"])
    pages = [decode_cursor(r["page"]) for r in reports if "page" in r]
    if pages:  # a page the worker reported as applied survived the kill
        for province, version in pages[-1].items():
            assert cursor.get(province, 0) >= version, where
    server = server_records(service)
    local = local_records(store)
    pending = pending_fields(store)
    behind = []
    for key, rec in server.items():
        at = cursor.get(rec["province"], 0)
        if rec["version"] > at:
            continue
        mine = local.get(key)
        if mine is None:
            behind.append(f"{key} v{rec['version']} missing below cursor {at}")
            continue
        skip = pending.get(key[1], set())
        for name, value in rec["fields"].items():
            if skip is None or name in skip:
                continue
            if mine["fields"].get(name) != value or mine["versions"].get(name) != \
                    rec["versions"].get(name):
                behind.append(f"{key}.{name} below cursor {at}: laptop "
                              f"{mine['fields'].get(name)!r}@{mine['versions'].get(name)} "
                              f"server {value!r}@{rec['versions'].get(name)}")
    for key, mine in local.items():
        province = mine["fields"].get("province")
        for name, version in mine["versions"].items():
            if version > cursor.get(province, 0):
                behind.append(f"{key}.{name} at v{version} above cursor {cursor}")
    assert not behind, f"{where}: {behind[:10]}"


def written(reports: list[dict]) -> dict[str, dict[str, Any]]:
    """record id → the latest value of each field the worker reported writing."""
    out: dict[str, dict[str, Any]] = {}
    for r in reports:
        if r.get("op") in ("create", "update"):
            out.setdefault(r["id"], {}).update(r["fields"])
    return out


def check_writes(store: Store, writes: dict[str, dict[str, Any]], where: str) -> None:
    """Every write the worker reported (it had returned) is in the vault."""
    local = local_records(store, "person")
    for rid, fields in writes.items():
        rec = local.get(("person", rid))
        assert rec is not None, f"{where}: {rid} lost"
        for name, value in fields.items():
            assert rec["fields"][name] == value, \
                f"{where}: {rid}.{name} {rec['fields'][name]!r} != {value!r}"


def check_final(store: Store, service: Service, kind: str = "person") -> None:
    """After a complete sync: exactly once on the server, laptop equal to the server."""
    device_id = StoreReplica(store).sync_state()["device_id"]
    last = store.last_mutation_id()
    server_last, server_ids = server_device(service, device_id)
    assert store.pending_count() == 0
    assert server_last == last and server_ids == list(range(1, last + 1))
    server = server_records(service)
    local = local_records(store)
    assert {k for k in server if k[0] == kind} == {k for k in local if k[0] == kind}
    problems = record_differences(local, server)
    assert not problems, problems[:10]


# --- the tests ----------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_push_killed_at_random_moments(server, rabat_users, tmp_path):
    proc, service = server
    seed = 20261201
    rng = random.Random(seed)
    folder = tmp_path / "a"
    a = enrolled_device(folder, proc, service, "amina")
    device_id = a.replica.sync_state()["device_id"]
    a.store.persons.create_many([{"nickname": f"p{i}", "approx_age": i % 100}
                                 for i in range(3000)])
    a.vault.lock()
    reports: list[dict] = []
    mid_push = 0
    for run in range(KILLS):
        where = f"push kill {run} (seed {seed})"
        server_before, _ = server_device(service, device_id)
        got = run_and_kill(folder, "push", seed * 1000 + run, rng.uniform(0.0, 0.8), 500)
        reports.extend(got)
        with unlocked(folder) as store:
            check_after_kill(store, service, got, where)
            check_writes(store, written(reports), where)
            pending = store.pending_count()
            if pending and server_device(service, device_id)[0] > server_before:
                mid_push += 1  # the server took some of the outbox, not all
            if pending < 500:  # keep a large outbox for the next kill, edits included
                values = [{"nickname": f"r{run}.{i}"} for i in range(1000)]
                ids = store.persons.create_many(values)
                reports.extend({"op": "create", "id": rid, "fields": v}
                               for rid, v in zip(ids, values, strict=True))
                for rid in rng.sample(ids, 30):
                    edit = {"description": f"d{run} {rid[-6:]}"}
                    store.persons.update(rid, edit)
                    reports.append({"op": "update", "id": rid, "fields": edit})
    print(f"kills mid-push: {mid_push}/{KILLS}")
    assert mid_push, f"no kill landed in the middle of a push (seed {seed})"

    with unlocked(folder) as store:
        replica = StoreReplica(store)
        sync_until_quiet(replica)
        check_final(store, service)
        check_writes(store, written(reports), f"final (seed {seed})")
        # every create reported (and those a kill cut before their report) is there once
        creates = {r["id"] for r in reports if r.get("op") == "create"}
        on_server = server_records(service, "person")
        assert creates <= {rid for _, rid in on_server}, f"seed {seed}"
        assert len(on_server) == len(local_records(store, "person")) >= 3000 + len(creates)


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_pull_killed_at_random_moments(server, rabat_users, tmp_path):
    proc, service = server
    seed = 20261202
    rng = random.Random(seed)
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    folder = tmp_path / "b"
    b = enrolled_device(folder, proc, service, "youssef")
    b.vault.lock()
    ids = a.store.persons.create_many([{"nickname": f"p{i}", "approx_age": i % 100}
                                       for i in range(2000)])
    a.sync()
    mid_pull = 0
    for run in range(KILLS):
        where = f"pull kill {run} (seed {seed})"
        # the other laptop feeds the server: new records and edits of older ones, so the
        # killed laptop always has many pages to pull
        ids += a.store.persons.create_many([{"nickname": f"r{run}.{i}"} for i in range(500)])
        for rid in rng.sample(ids, 40):
            a.store.persons.update(rid, {"description": f"d{run} {rid[-6:]}"})
        push_only(a.replica)
        got = run_and_kill(folder, "pull", seed * 1000 + run, rng.uniform(0.0, 0.5), 50)
        pages = sum("page" in r for r in got)
        with unlocked(folder) as store:
            check_after_kill(store, service, got, where)
            if pages and not any("synced" in r for r in got):
                mid_pull += 1
    print(f"kills mid-pull: {mid_pull}/{KILLS}")
    assert mid_pull, f"no kill landed in the middle of a pull (seed {seed})"

    with unlocked(folder) as store:
        sync_until_quiet(StoreReplica(store), page_size=50)
        check_final(store, service)
        assert len(local_records(store, "person")) == len(ids)
    a.sync()
    check_final(a.store, service)
    a.vault.lock()
