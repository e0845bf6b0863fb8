"""A load run: 200 simulated devices syncing at once against the server on PostgreSQL, on
127.0.0.1 only, bounded in count and time.

Devices are enrolled up front (one user and one enrollment code each, through ``Service``);
each device is a thread with its own ``sync.client.HttpClient`` and in-memory changes (no
vaults: 200 SQLCipher databases would measure the laptops, not the server). Every round, a
device pushes one batch of new persons of Rabat (mutation ids 1, 2, 3, ...) and then pulls
pages after its cursor (at most ``--max-pages`` a round, so that the run stays bounded: 200
devices each pulling everything the 199 others push is 200 times the data; a device that falls
behind catches up in its next round, as a real one would on its next sync). After the run a
few devices (``--verify``) catch up fully and are checked: each holds exactly the server's
records, each once. The server is stateless, so the
devices are spread over ``--instances`` server processes sharing one database.

Figures: errors (target 0; retries of 5xx/429 are counted apart), p50/p95 latency of push and
pull requests as a device sees them, changes/s pushed and records/s pulled.

    .venv/bin/python bench/load.py [--devices 200] [--rounds 3] [--per-push 20]
                                   [--page 500] [--max-pages 1] [--instances 2]
"""

from __future__ import annotations

import argparse
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from common import median, percentile, report

from fieldapp.domain.ids import uuid7
from sync.client import HttpClient
from sync.protocol import Change, PullRequest, PushRequest, SyncError, decode_cursor
from tests.helpers.server import (
    ServerProcess,
    drop_postgres_database,
    fresh_postgres_database,
    open_service,
    postgres_available,
)

FIRST = ["Mohamed", "Fatima", "Youssef", "Khadija", "Hamid", "Naima", "Said", "Aicha", "Omar"]
LAST = ["Benali", "Alaoui", "Tazi", "El Idrissi", "Bennani", "Chraibi", "Ouazzani", "Amrani"]


@dataclass
class DeviceRun:
    index: int
    url: str
    token: str
    author: str
    push_latency: list[float] = field(default_factory=list)
    pull_latency: list[float] = field(default_factory=list)
    pushed: int = 0
    pulled: int = 0
    retries: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    cursor: str | None = None
    seen: list[str] | None = None  # record ids received, kept for the devices verified
    epoch: str | None = None
    next_mutation: int = 1


def person_changes(device: DeviceRun, rng: random.Random, n: int) -> tuple[Change, ...]:
    out = []
    for _ in range(n):
        hlc = time.time_ns() // 1_000_000 << 16
        fields = {"province": "rabat", "deleted": 0,
                  "name_lat": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                  "sex": rng.choice(["male", "female"]), "approx_age": rng.randint(12, 85),
                  "consent": 1, "notes": "Rencontré lors de la maraude du soir."}
        out.append(Change(device.next_mutation, "person", uuid7(), "create", fields, {}, hlc,
                          device.author))
        device.next_mutation += 1
    return tuple(out)


def run_device(device: DeviceRun, args: argparse.Namespace, start: threading.Barrier,
               stop_at: list[float]) -> None:
    rng = random.Random(device.index)

    def counting_sleep(seconds: float) -> None:
        device.retries += 1
        time.sleep(seconds)

    client = HttpClient(device.url, device.token, sleep=counting_sleep)
    try:
        start.wait(120)
        for _ in range(args.rounds):
            if time.monotonic() > stop_at[0]:
                device.errors["time limit"] += 1
                break
            changes = person_changes(device, rng, args.per_push)
            try:
                t = time.perf_counter()
                response = client.push(PushRequest(changes, device.epoch))
                device.push_latency.append(time.perf_counter() - t)
                device.epoch = response.epoch
                applied = sum(o.status == "applied" for o in response.outcomes)
                device.pushed += applied
                if applied != len(changes):
                    device.errors["not applied"] += len(changes) - applied
            except SyncError as e:
                device.errors[f"push {e}"] += 1
                device.next_mutation -= len(changes)  # send them again next round
                continue
            for _ in range(args.max_pages):
                try:
                    t = time.perf_counter()
                    page = client.pull(PullRequest(device.cursor, args.page))
                    device.pull_latency.append(time.perf_counter() - t)
                except SyncError as e:
                    device.errors[f"pull {e}"] += 1
                    break
                device.pulled += len(page.records)
                if device.seen is not None:
                    device.seen.extend(r.record_id for r in page.records)
                device.cursor = page.cursor
                if not page.has_more:
                    break
    except Exception as e:  # noqa: BLE001 - counted and printed, the run goes on
        device.errors[f"{type(e).__name__}: {e}"] += 1
    finally:
        client.session.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--per-push", type=int, default=20)
    parser.add_argument("--page", type=int, default=500)
    parser.add_argument("--max-pages", type=int, default=1)
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=180.0, help="seconds")
    parser.add_argument("--verify", type=int, default=5,
                        help="devices that catch up after the run and are checked")
    args = parser.parse_args()
    reason = postgres_available()
    if reason:
        print(f"load: skipped, it needs PostgreSQL ({reason})")
        return
    url, dbname = fresh_postgres_database()
    db, service = open_service(url)
    servers: list[ServerProcess] = []
    try:
        service.create_team("Équipe mobile Rabat", "province:rabat")
        names = [f"device{i:03d}" for i in range(args.devices)]
        for name in names:
            service.create_user(name, "field_worker", team="Équipe mobile Rabat")
        codes = [service.issue_code(name) for name in names]
        servers = [ServerProcess(url).start() for _ in range(args.instances)]
        devices = []
        t = time.perf_counter()
        for i, (name, code) in enumerate(zip(names, codes, strict=True)):
            server_url = servers[i % len(servers)].url
            enroller = HttpClient(server_url)
            answer = enroller.enroll(code, f"laptop {name}")
            enroller.session.close()
            devices.append(DeviceRun(i, server_url, answer["token"], name,
                                     seen=[] if i < args.verify else None))
        enroll_s = time.perf_counter() - t

        start = threading.Barrier(len(devices) + 1)
        stop_at = [float("inf")]
        threads = [threading.Thread(target=run_device, args=(d, args, start, stop_at))
                   for d in devices]
        for th in threads:
            th.start()
        start.wait(120)
        began = time.perf_counter()
        stop_at[0] = time.monotonic() + args.time_limit
        for th in threads:
            th.join(args.time_limit + 120)
        wall = time.perf_counter() - began
        alive = sum(th.is_alive() for th in threads)

        with db.read() as tx:
            on_server = int(tx.one("SELECT count(*) FROM records")[0])
            server_ids = {r[0] for r in tx.all("SELECT id FROM records")}
        # after the run, a sample of devices catches up: each must hold exactly what the
        # server holds, every record once (nothing missed while 200 devices pushed)
        verified = wrong = 0
        for d in devices[:args.verify]:
            client = HttpClient(d.url, d.token)
            try:
                for _ in range(100_000 // args.page + 10):
                    page = client.pull(PullRequest(d.cursor, args.page))
                    assert d.seen is not None
                    d.seen.extend(r.record_id for r in page.records)
                    d.cursor = page.cursor
                    if not page.has_more:
                        break
            finally:
                client.session.close()
            verified += 1
            if d.seen is None or len(d.seen) != len(set(d.seen)) or set(d.seen) != server_ids:
                wrong += 1
        pushes = [x for d in devices for x in d.push_latency]
        pulls = [x for d in devices for x in d.pull_latency]
        errors: Counter[str] = Counter()
        for d in devices:
            errors.update(d.errors)
        pushed = sum(d.pushed for d in devices)
        pulled = sum(d.pulled for d in devices)
        behind = [on_server - decode_cursor(d.cursor).get("rabat", 0) for d in devices
                  if d.index >= args.verify] or [0]

        print(f"{args.devices} devices x {args.rounds} rounds, {args.per_push} persons per "
              f"push, pull pages of {args.page} (at most {args.max_pages} a round), "
              f"{args.instances} server instance(s) on one PostgreSQL database")
        report("enrollment of all devices (sequential)", enroll_s, "s")
        report("wall time of the run", wall, "s")
        report("errors", sum(errors.values()), "", "0")
        report("retries (5xx / 429 / network)", sum(d.retries for d in devices), "")
        report("devices still running at the end", alive, "", "0")
        report("push requests", len(pushes), "")
        report("push latency p50", median(pushes) * 1000 if pushes else 0, "ms")
        report("push latency p95", percentile(pushes, 95) * 1000 if pushes else 0, "ms")
        report("push latency max", max(pushes, default=0) * 1000, "ms")
        report("pull requests", len(pulls), "")
        report("pull latency p50", median(pulls) * 1000 if pulls else 0, "ms")
        report("pull latency p95", percentile(pulls, 95) * 1000 if pulls else 0, "ms")
        report("pull latency max", max(pulls, default=0) * 1000, "ms")
        report("changes pushed", pushed, "")
        report("changes/s pushed", pushed / wall, "ch/s")
        report("records pulled", pulled, "")
        report("records/s pulled", pulled / wall, "rec/s")
        report("records on the server", on_server, "",
               str(args.devices * args.rounds * args.per_push))
        report("records a device was behind at the end (median)", median(behind), "")
        report(f"of {verified} devices that caught up after: wrong", wrong, "", "0")
        for what, n in errors.most_common(10):
            print(f"  error x{n}: {what}")
    finally:
        for s in servers:
            s.stop()
        db.close()
        drop_postgres_database(dbname)


if __name__ == "__main__":
    main()
