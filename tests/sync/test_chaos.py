"""Sync over a bad network: connections reset, responses lost, delayed past the client's
timeout, or cut short (tests/helpers/proxy.py between real clients and a real server).

Whatever the network does, nothing happens twice and nothing is lost: no duplicate record,
every edit reaches the server and every other laptop, the outbox always empties, and a
conflict is recorded only where two edits were really concurrent. Explicit cases: a lost
push response, a duplicated batch, a request replayed from another time, and a mutation id
reused with other content. FIELDAPP_STRESS=1 runs longer random sequences.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
import requests

from fieldapp.domain.ids import uuid7
from sync import client as sync_client
from sync.client import HttpClient
from sync.protocol import Change, PushRequest, SyncError, SyncErrorKind
from sync.server.storage import Database
from tests.helpers.proxy import FaultProxy
from tests.helpers.server import Device, enrolled_device
from tests.sync.test_crash_sync import local_records, record_differences, server_records

STRESS = bool(os.environ.get("FIELDAPP_STRESS"))
STEPS = 600 if STRESS else 90
SEEDS = list(range(5)) if STRESS else [20261203]


# --- helpers ------------------------------------------------------------------------------


def db_state(db: Database) -> dict[str, Any]:
    """Everything a push could change on the server, for before/after comparisons."""
    with db.read() as tx:
        return {
            "records": sorted(tuple(r) for r in tx.all(
                "SELECT kind, id, province, version, fields, versions, writers, hlc, device_id "
                "FROM records")),
            "counters": sorted(tuple(r) for r in tx.all("SELECT province, version FROM counters")),
            "mutations": sorted(tuple(r) for r in tx.all(
                "SELECT device_id, mutation_id, digest, status, code FROM mutations")),
            "devices": sorted(tuple(r) for r in tx.all(
                "SELECT id, last_mutation_id FROM devices")),
            "rejections": sorted(tuple(r[:3]) for r in tx.all(
                "SELECT device_id, mutation_id, code FROM rejections")),
        }


def db_state_of(url: str) -> dict[str, Any]:
    """The same from any thread (the proxy's): its own connection, closed after."""
    db = Database(url)
    try:
        return db_state(db)
    finally:
        db.close()


@contextmanager
def http_client(url: str, token: str, **kwargs: Any) -> Iterator[HttpClient]:
    """The impatient client of these tests: 1 s timeouts, quick retries."""
    options: dict[str, Any] = {"timeout": (1, 1), "retries": 8, "backoff": 0.01,
                               "max_backoff": 0.05}
    options.update(kwargs)
    client = HttpClient(url, token, **options)
    try:
        yield client
    finally:
        client.session.close()


def token_of(device: Device) -> str:
    return str(device.replica.sync_state()["token"])


def device_id_of(device: Device) -> str:
    return str(device.replica.sync_state()["device_id"])


def pushes(proxy: FaultProxy) -> list:
    return [e for e in proxy.exchanges if e.path == "/v1/push"]


# --- explicit cases -----------------------------------------------------------------------


def test_lost_push_response_is_resent_and_changes_nothing(server, rabat_users, tmp_path):
    proc, service = server
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    ids = a.store.persons.create_many([{"nickname": f"lost {i}"} for i in range(20)])
    a.store.persons.update(ids[3], {"description": "edited before the sync"})
    applied: list[dict] = []

    def plan(index: int, method: str, path: str) -> str:
        return "lost" if path == "/v1/push" and not pushes(proxy) else "pass"

    def on_response(exchange) -> None:
        if exchange.action == "lost":  # the server applied it; the client will never know
            applied.append(db_state_of(proc.db_url))

    with FaultProxy(proc.port, plan=plan, record=True, on_response=on_response) as proxy, \
            http_client(proxy.url, token_of(a)) as client:
        report = sync_client.sync(a.replica, client=client)
        sent = pushes(proxy)
    assert [e.action for e in sent] == ["lost", "pass"], sent
    assert len(applied) == 1
    first, second = sent
    assert first.request_json() == second.request_json()  # the same batch, sent again
    assert {o["status"] for o in first.response_json()["outcomes"]} == {"applied"}
    assert {o["status"] for o in second.response_json()["outcomes"]} == {"duplicate"}
    # the re-sent batch was a no-op: records, version counter and mutation log as the
    # first (lost) answer left them
    assert db_state(service.db) == applied[0]
    assert a.store.pending_count() == 0 and not report.problems
    assert len(server_records(service, "person")) == 20
    problems = record_differences(local_records(a.store), server_records(service))
    assert not problems, problems[:5]


def test_truncated_response_is_retried(server, rabat_users, tmp_path):
    """A response cut short (the connection drops mid-body) is a network failure like any
    other: retried, never an unexpected error out of sync()."""
    proc, service = server
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    a.store.persons.create_many([{"nickname": f"cut {i}", "description": "x" * 50}
                                 for i in range(40)])
    seen: set[str] = set()

    def plan(index: int, method: str, path: str) -> str:
        first = path not in seen
        seen.add(path)
        return "truncate" if first else "pass"

    with FaultProxy(proc.port, plan=plan, truncate_in_body=True) as proxy, \
            http_client(proxy.url, token_of(a)) as client:
        sync_client.sync(a.replica, client=client)
        counts = proxy.counts()
    # the first answer of each kind: the members, the first push, the first pull
    assert counts["truncate"] == 3, counts
    assert a.store.pending_count() == 0
    problems = record_differences(local_records(a.store), server_records(service))
    assert not problems, problems[:5]


def _crafted(mid: int, rid: str, **fields: Any) -> Change:
    return Change(mid, "person", rid, "create", {"province": "rabat", **fields}, {}, 1000 + mid,
                  "amina")


def test_duplicated_batch_is_answered_duplicate_and_changes_nothing(server, rabat_users,
                                                                     tmp_path):
    proc, service = server
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    epoch = a.replica.sync_state()["epoch"]
    request = PushRequest((_crafted(1, uuid7(), nickname="one"),
                           _crafted(2, uuid7(), approx_age=500),  # invalid: consumed, refused
                           _crafted(3, uuid7(), nickname="three")), epoch)
    with http_client(proc.url, token_of(a)) as client:
        first = client.push(request)
        before = db_state(service.db)
        again = client.push(request)
    assert [o.status for o in first.outcomes] == ["applied", "rejected", "applied"]
    assert [o.status for o in again.outcomes] == ["duplicate"] * 3
    assert again.outcomes[1].code == first.outcomes[1].code == "invalid"
    assert again.last_mutation_id == first.last_mutation_id == 3
    assert db_state(service.db) == before


def test_replayed_old_request_changes_nothing(server, rabat_users, tmp_path):
    proc, service = server
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    b = enrolled_device(tmp_path / "b", proc, service, "youssef")
    p = a.store.persons.create({"nickname": "first value", "description": "first"})
    with FaultProxy(proc.port, weights={"pass": 1.0}, record=True) as proxy, \
            http_client(proxy.url, token_of(a)) as client:
        sync_client.sync(a.replica, client=client)
        old = pushes(proxy)[0]
    # time passes: more edits, synced
    a.store.persons.update(p["id"], {"nickname": "second value"})
    q = a.store.persons.create({"nickname": "another"})
    a.sync()
    b.sync()
    b.store.persons.update(p["id"], {"description": "b's edit"})
    b.sync()
    before = db_state(service.db)
    # the old request, byte for byte, with its token (as captured on the wire)
    headers = {k: v for k, v in old.request_headers().items()
               if k in ("authorization", "content-type", "content-encoding")}
    with requests.Session() as session:
        response = session.post(proc.url + "/v1/push", data=old.request_body, headers=headers,
                                timeout=10)
    assert response.status_code == 200, response.text
    assert {o["status"] for o in response.json()["outcomes"]} == {"duplicate"}
    assert db_state(service.db) == before
    a.sync(), b.sync()
    for device in (a, b):
        got = device.store.persons.get(p["id"])
        assert (got["nickname"], got["description"]) == ("second value", "b's edit")
        assert device.store.persons.get(q["id"]) is not None


def test_reused_mutation_id_with_other_content_is_refused_whole(server, rabat_users, tmp_path):
    proc, service = server
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    p = a.store.persons.create({"nickname": "original"})
    a.sync()
    before = db_state(service.db)
    epoch = a.replica.sync_state()["epoch"]
    last = a.store.last_mutation_id()
    forged = Change(1, "person", p["id"], "update", {"nickname": "forged"}, {}, 5, "amina")
    fresh = _crafted(last + 1, uuid7(), nickname="would be new")
    with http_client(proc.url, token_of(a)) as client, pytest.raises(SyncError) as caught:
        client.push(PushRequest((forged, fresh), epoch))
    assert caught.value.kind is SyncErrorKind.CONFLICT and caught.value.status == 409
    assert caught.value.body["error"] == "mutation_reused"  # type: ignore[attr-defined]
    assert db_state(service.db) == before  # neither the forged nor the fresh change applied
    assert service.status(token_of(a))["last_mutation_id"] == last


def test_editing_a_field_twice_between_syncs_is_no_conflict(server, rabat_users, tmp_path):
    """One laptop's own successive edits are sequential, never concurrent: no conflict
    record for a supervisor, and the report says none."""
    proc, service = server
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    p = a.store.persons.create({"nickname": "Sido"})
    a.store.persons.update(p["id"], {"nickname": "Sidou"})  # fixed before the first sync
    first = a.sync()
    a.store.persons.update(p["id"], {"description": "near the station"})
    a.store.persons.update(p["id"], {"description": "near the old station"})
    second = a.sync()
    conflicts = [r["fields"] for k, r in server_records(service).items() if k[0] == "conflict"]
    assert (first.conflicts, second.conflicts, conflicts) == (0, 0, [])
    got = a.store.persons.get(p["id"])
    assert (got["nickname"], got["description"]) == ("Sidou", "near the old station")


# --- random sequences ---------------------------------------------------------------------

EDITED = ("nickname", "description", "notes")


@dataclass
class Edit:
    n: int
    device: str
    record: str
    field: str
    value: str
    parent: Edit | None  # the edit whose value the author's copy showed (None: empty field)
    hlc: int

    def ancestors(self) -> Iterator[Edit]:
        e = self.parent
        while e is not None:
            yield e
            e = e.parent

    def __repr__(self) -> str:
        return f"<{self.value} on {self.record[-6:]}.{self.field}>"


class Oracle:
    """Every edit made, with what its author had seen (its parent)."""

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self.by_value: dict[tuple[str, str, str], Edit] = {}
        self.records: set[str] = set()

    def add(self, device: str, record: str, name: str, value: str, seen: Any,
            hlc: int) -> None:
        parent = self.by_value.get((record, name, seen)) if seen is not None else None
        assert seen is None or parent is not None, f"{device} saw an unknown value {seen!r}"
        edit = Edit(len(self.edits), device, record, name, value, parent, hlc)
        self.edits.append(edit)
        self.by_value[(record, name, value)] = edit


def last_hlc(device: Device) -> int:
    return int(device.store.conn.execute(
        "SELECT hlc FROM outbox ORDER BY mutation_id DESC LIMIT 1").fetchone()[0])


def random_step(rng: random.Random, name: str, device: Device, oracle: Oracle, n: int) -> None:
    people = [rid for (rid,) in device.store.conn.execute("SELECT id FROM persons")]
    if rng.random() < 0.3 or not people:
        value = f"{name}:{n}"
        rec = device.store.persons.create({"nickname": value})
        oracle.records.add(rec["id"])
        oracle.add(name, rec["id"], "nickname", value, None, last_hlc(device))
        return
    rid = rng.choice(people)
    field = rng.choice(EDITED)
    seen = device.store.persons.get(rid)[field]
    value = f"{name}:{n}"
    device.store.persons.update(rid, {field: value})
    oracle.add(name, rid, field, value, seen, last_hlc(device))


def check_against_oracle(oracle: Oracle, service, names: dict[str, str], seed: int) -> None:
    """No lost edit, causality respected, conflicts only between concurrent edits."""
    server = server_records(service)
    people = {rid: r["fields"] for (k, rid), r in server.items() if k == "person"}
    assert set(people) == oracle.records, f"seed {seed}: records differ from those created"
    conflicts: dict[tuple[str, str], list[dict]] = {}
    for (k, _), r in server.items():
        if k == "conflict":
            f = r["fields"]
            conflicts.setdefault((f["record_id"], f["field"]), []).append(f)
    children: set[int] = {e.parent.n for e in oracle.edits if e.parent is not None}
    problems = []
    for rid in oracle.records:
        for name in EDITED:
            edits = [e for e in oracle.edits if (e.record, e.field) == (rid, name)]
            value = people[rid].get(name)
            kept = {json.loads(c["kept_value"]) for c in conflicts.get((rid, name), [])}
            if value is None:
                if edits:
                    problems.append(f"{rid}.{name}: every edit lost: {edits}")
                continue
            final = oracle.by_value.get((rid, name, value))
            if final is None:
                problems.append(f"{rid}.{name}: unknown value {value!r}")
                continue
            if final.n in children:
                problems.append(f"{final} is current though its author's successor is not")
            for e in edits:  # an edit nobody built upon is current or kept in a conflict
                if e.n not in children and e is not final and e.value not in kept:
                    problems.append(f"{e} lost (current {final}, kept {kept})")
            for c in conflicts.get((rid, name), []):
                lost = oracle.by_value.get((rid, name, json.loads(c["kept_value"])))
                winner = [e for e in edits if e.hlc == c["winner_hlc"]
                          and names.get(c["winner_device"]) == e.device]
                if lost is None or len(winner) != 1:
                    problems.append(f"{rid}.{name}: conflict with unknown edits {c}")
                elif lost in winner[0].ancestors():
                    problems.append(f"{rid}.{name}: conflict between sequential edits "
                                    f"{lost} then {winner[0]}")
    assert not problems, f"seed {seed}: {problems[:10]}"


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_many_syncs_through_a_faulty_network(server, rabat_users, tmp_path, seed):
    proc, service = server
    rng = random.Random(seed)
    names = ("amina", "youssef", "karim")
    devices = {n: enrolled_device(tmp_path / n, proc, service, n) for n in names}
    by_id = {device_id_of(d): n for n, d in devices.items()}
    oracle = Oracle()
    failures = 0
    with FaultProxy(proc.port, seed=seed, max_faults=STEPS * 3) as proxy:
        clients = {}
        try:
            for n, d in devices.items():
                clients[n] = HttpClient(proxy.url, token_of(d), timeout=(1, 1), retries=8,
                                        backoff=0.01, max_backoff=0.05)
            for step in range(STEPS):
                name = rng.choice(names)
                if rng.random() < 0.25:
                    try:
                        sync_client.sync(devices[name].replica, client=clients[name])
                    except SyncError as e:  # the network won this time; the next sync resumes
                        assert e.kind in (SyncErrorKind.NETWORK, SyncErrorKind.SERVER), e
                        failures += 1
                else:
                    random_step(rng, name, devices[name], oracle, step)
            # the faults go on; the outboxes still empty (the queue never sticks)
            for _ in range(10):
                for n in names:
                    try:
                        sync_client.sync(devices[n].replica, client=clients[n])
                    except SyncError:
                        failures += 1
                if all(d.store.pending_count() == 0 for d in devices.values()):
                    break
            stuck = {n: d.store.pending_count() for n, d in devices.items()}
            assert not any(stuck.values()), f"seed {seed}: outbox stuck {stuck}"
        finally:
            for c in clients.values():
                c.session.close()
        counts = proxy.counts()
    assert all(counts[a] for a in ("reset", "lost", "delay", "truncate")), counts
    # a last clean round (no proxy): everyone has everything, equal to the server
    for _ in range(2):
        for d in devices.values():
            sync_client.sync(d.replica)
    check_against_oracle(oracle, service, by_id, seed)
    server = server_records(service)
    for n, d in devices.items():
        problems = record_differences(local_records(d.store), server)
        assert not problems, f"seed {seed}: {n} differs from the server: {problems[:5]}"
