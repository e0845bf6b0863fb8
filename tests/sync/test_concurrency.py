"""Many devices at once against two server instances sharing one PostgreSQL database (the
server is stateless): a pull never misses a change, because version order is commit order.

Pushers create persons only (never update), so every record has exactly one version, and a
puller that never skips a change must have received exactly the versions 1..N of its province,
each once, in increasing order, and end with the server's set of records. A change committed
after a later-numbered one was pulled would leave a hole that the puller's cursor has passed.

Default: 8 pushers and 3 pullers for a few seconds; FIELDAPP_STRESS=1 runs longer.
FIELDAPP_SEED=N replays the names and batch sizes (thread timing is the machine's).
"""

from __future__ import annotations

import os
import random
import threading
import time
import traceback
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

import pytest

from fieldapp.store.replica import StoreReplica
from sync import client as sync_client
from sync.client import HttpClient
from sync.protocol import (
    MAX_BATCH,
    PullRequest,
    PullResponse,
    PushRequest,
    RecordState,
    decode_cursor,
)
from tests.helpers.server import (
    ServerProcess,
    drop_postgres_database,
    fresh_postgres_database,
    open_service,
    postgres_available,
)
from tests.helpers.vaults import new_vault

pytestmark = pytest.mark.postgres

STRESS = bool(os.environ.get("FIELDAPP_STRESS"))
DURATION = 30.0 if STRESS else 4.0  # seconds of pushing
PUSHERS = 12 if STRESS else 8
PULLERS = 3
PAGE = 20
SEED = int(os.environ.get("FIELDAPP_SEED", "4242"))

FIRST = ["Amina", "Youssef", "Karim", "Salma", "Driss", "Fatima", "Omar", "Nadia", "Hamid"]
LAST = ["Alaoui", "Benali", "Tazi", "El Idrissi", "Bennani", "Chraibi", "Ouazzani"]


@pytest.fixture
def pg_url() -> Iterator[str]:
    reason = postgres_available()
    if reason:
        pytest.skip(reason)
    url, name = fresh_postgres_database()
    yield url
    drop_postgres_database(name)


class RoundRobinClient(HttpClient):
    """An HttpClient that sends each request to the next server instance, as a load
    balancer would: the cursor of one instance is used on the other."""

    urls: Sequence[str] = ()
    turn: int = 0

    def _next(self) -> None:
        self.turn += 1
        self.base_url = self.urls[self.turn % len(self.urls)]

    def push(self, request: PushRequest) -> Any:
        self._next()
        return super().push(request)

    def pull(self, request: PullRequest) -> PullResponse:
        self._next()
        return super().pull(request)


def round_robin(urls: Sequence[str], token: str, start: int) -> RoundRobinClient:
    client = RoundRobinClient(urls[0], token)
    client.urls, client.turn = tuple(urls), start
    return client


class RecordingReplica(StoreReplica):
    """The real replica, remembering every page it applied: (province, version, id)."""

    def __init__(self, store: Any) -> None:
        super().__init__(store)
        self.pages: list[list[tuple[str, int, str]]] = []

    def apply_page(self, page: Sequence[RecordState], cursor: str, epoch: str) -> int:
        applied = super().apply_page(page, cursor, epoch)
        self.pages.append([(r.province, r.version, r.record_id) for r in page])
        return applied


@pytest.mark.slow
def test_pulls_never_miss_a_change_with_two_instances_and_many_devices(pg_url, tmp_path):
    db, service = open_service(pg_url)
    service.create_team("Équipe mobile Rabat", "province:rabat")
    for i in range(PUSHERS):
        service.create_user(f"writer{i}", "supervisor", team="Équipe mobile Rabat")
    for i in range(PULLERS):
        service.create_user(f"reader{i}", "supervisor", team="Équipe mobile Rabat")
    writer_codes = [service.issue_code(f"writer{i}") for i in range(PUSHERS)]
    reader_codes = [service.issue_code(f"reader{i}") for i in range(PULLERS)]
    servers = [ServerProcess(pg_url).start(), ServerProcess(pg_url).start()]
    urls = [s.url for s in servers]

    start = threading.Barrier(PUSHERS + PULLERS + 1)
    pushing_done = threading.Event()
    errors: list[str] = []
    created: dict[int, list[str]] = {}
    pushes: dict[int, int] = {}
    pullers: dict[int, dict[str, Any]] = {}
    deadline = [0.0]
    go = threading.Event()  # set once the deadline is known: no pusher sees the initial 0

    def guard(fn: Any, *args: Any) -> None:
        try:
            fn(*args)
        except BaseException:  # noqa: BLE001 - reported by the main thread
            errors.append(f"{fn.__name__}{args}: {traceback.format_exc()}")
            start.abort()

    def pusher(i: int) -> None:
        rng = random.Random(SEED * 1000 + i)
        vault, store = new_vault(tmp_path / f"writer{i}", user=f"writer{i}")
        try:
            replica = StoreReplica(store)
            sync_client.enroll(replica, urls[i % 2], writer_codes[i], f"writer {i}")
            client = round_robin(urls, replica.sync_state()["token"], i)
            mine: list[str] = created.setdefault(i, [])
            start.wait(60)
            go.wait(60)
            count = 0
            while time.monotonic() < deadline[0]:
                batch = [{"name_lat": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                          "approx_age": rng.randint(15, 80)} for _ in range(rng.randint(1, 12))]
                mine.extend(store.persons.create_many(batch))
                changes = replica.pending_changes(MAX_BATCH)
                response = client.push(PushRequest(tuple(changes),
                                                   replica.sync_state()["epoch"]))
                replica.acknowledge(response)
                bad = [o for o in response.outcomes if o.status != "applied"]
                assert not bad, f"writer {i}: {bad}"
                count += 1
            assert store.pending_count() == 0
            pushes[i] = count
            client.session.close()
        finally:
            vault.lock()

    def puller(i: int) -> None:
        vault, store = new_vault(tmp_path / f"reader{i}", user=f"reader{i}")
        try:
            replica = RecordingReplica(store)
            sync_client.enroll(replica, urls[i % 2], reader_codes[i], f"reader {i}")
            client = round_robin(urls, replica.sync_state()["token"], i)
            start.wait(60)
            rounds = 0
            while not pushing_done.is_set():
                sync_client.sync(replica, client, page_size=PAGE)
                rounds += 1
            during = sum(len(p) for p in replica.pages)
            sync_client.sync(replica, client, page_size=PAGE)  # the final pull
            pullers[i] = {
                "pages": replica.pages, "rounds": rounds, "during": during,
                "local": {r[0] for r in store.conn.execute("SELECT id FROM persons")},
                "cursor": replica.sync_state()["cursor"],
            }
            client.session.close()
        finally:
            vault.lock()

    threads = ([threading.Thread(target=guard, args=(pusher, i)) for i in range(PUSHERS)]
               + [threading.Thread(target=guard, args=(puller, i)) for i in range(PULLERS)])
    try:
        for t in threads:
            t.start()
        try:
            start.wait(60)
            deadline[0] = time.monotonic() + DURATION
            go.set()
        except threading.BrokenBarrierError:
            pass
        for t in threads[:PUSHERS]:
            t.join(DURATION + 120)
        pushing_done.set()
        for t in threads[PUSHERS:]:
            t.join(120)
        assert not any(t.is_alive() for t in threads), "a device thread did not finish"
        with db.read() as tx:
            server_ids = {r[0] for r in tx.all("SELECT id FROM records WHERE kind = 'person'")}
            provinces = {r[0] for r in tx.all("SELECT DISTINCT province FROM records")}
    finally:
        pushing_done.set()
        for s in servers:
            s.stop()
        db.close()

    where = f"(seed {SEED}, {PUSHERS} pushers, {PULLERS} pullers, {DURATION} s)"
    assert not errors, f"{where}\n" + "\n".join(errors)
    written = [rid for ids in created.values() for rid in ids]
    assert len(written) == len(set(written))
    # no push was lost or doubled
    assert server_ids == set(written), where
    assert provinces == {"rabat"}
    n = len(server_ids)
    print(f"{where}: {n} persons in {sum(pushes.values())} pushes; pullers: "
          + ", ".join(f"{len(p['pages'])} pages, {p['during']} records during the run"
                      for p in pullers.values()))
    assert n > 0 and sum(pushes.values()) >= PUSHERS, where
    for i, seen in pullers.items():
        versions: list[int] = []
        last: dict[str, int] = defaultdict(int)
        for page_no, page in enumerate(seen["pages"]):
            for province, version, _ in page:
                assert version > last[province], (
                    f"{where} reader {i} page {page_no}: version {version} of {province} after "
                    f"{last[province]}: not strictly increasing")
                last[province] = version
                versions.append(version)
        ids = [rid for page in seen["pages"] for _, _, rid in page]
        # every change exactly once, no hole below the final cursor: {1..N}
        assert len(versions) == len(set(versions)) == len(ids) == len(set(ids)), where
        missing = sorted(set(range(1, n + 1)) - set(versions))
        assert not missing, f"{where} reader {i} missed versions {missing[:20]}"
        assert set(versions) == set(range(1, n + 1)), where
        assert decode_cursor(seen["cursor"]) == {"rabat": n}, where
        # the laptop holds exactly what the server holds
        assert seen["local"] == server_ids, f"{where} reader {i}"
    # the pullers really pulled while the pushes ran (else the test proves nothing)
    assert sum(p["during"] for p in pullers.values()) > 0, where
    assert all(p["rounds"] > 0 for p in pullers.values()), where
