"""A load run: 200 simulated devices syncing at once against the server on PostgreSQL, on
127.0.0.1 only, bounded in count and time.

The generator is light, so that it measures the server: one process, one asyncio loop, each
device a task with its own HTTP connection (``httpx.AsyncClient``), its changes made in
memory (no vaults: 200 SQLCipher databases would measure the laptops, not the server).
Devices are enrolled up front (one user and one enrollment code each, through ``Service``,
then ``POST /v1/enroll``). Every round, a device pushes one batch of new persons of Rabat
(mutation ids 1, 2, 3, ...) and then pulls pages after its cursor (at most ``--max-pages`` a
round, so that the run stays bounded: 200 devices each pulling everything the 199 others
push is 200 times the data; a device that falls behind catches up in its next round, as a
real one would on its next sync). Requests go as the laptop's client sends them: JSON,
gzip-compressed above 1 KiB, with the bearer token; 429, 5xx and network failures are
retried with exponential backoff and jitter (counted apart from errors). After the run a few
devices (``--verify``) catch up fully and are checked: each holds exactly the server's
records, each once. The server is stateless, so the devices are spread over ``--instances``
server processes sharing one database.

Figures: errors (target 0), p50/p95 latency of push and pull requests as a device sees them
(target p95 <= 1 s; retries included) and the server's own time per request (its
``Server-Timing: app;dur=`` header), changes/s pushed and records/s pulled, the CPU time
of the server instances, of PostgreSQL and of this generator, and a baseline measured just
before the run: the same devices sending as many requests to ``GET /health``.

    .venv/bin/python bench/load.py [--devices 200] [--rounds 3] [--per-push 20]
                                   [--page 500] [--max-pages 1] [--instances 2]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import random
import re
import ssl
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
from common import median, percentile, report

from fieldapp.domain.ids import uuid7
from sync.protocol import (
    Change,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    decode_cursor,
)
from tests.helpers.server import (
    ServerProcess,
    drop_postgres_database,
    fresh_postgres_database,
    open_service,
    postgres_available,
)

FIRST = ["Mohamed", "Fatima", "Youssef", "Khadija", "Hamid", "Naima", "Said", "Aicha", "Omar"]
LAST = ["Benali", "Alaoui", "Tazi", "El Idrissi", "Bennani", "Chraibi", "Ouazzani", "Amrani"]
RETRIED = {429, 500, 502, 503, 504}


class Failed(Exception):
    """A request that failed for good (after its retries)."""


@dataclass
class Timings:
    latency: list[float] = field(default_factory=list)  # as the device saw it, retries in
    server: list[float] = field(default_factory=list)  # Server-Timing of the answer


@dataclass
class DeviceRun:
    index: int
    url: str
    token: str
    author: str
    pushed: int = 0
    pulled: int = 0
    retries: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    cursor: str | None = None
    seen: list[str] | None = None  # record ids received, kept for the devices verified
    epoch: str | None = None
    next_mutation: int = 1


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux), 0 if unknown."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgres_pids(dbname: str) -> list[int]:
    import psycopg

    from tests.helpers.server import PG_ADMIN_URL

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        return [r[0] for r in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s", (dbname,))]


class CpuClock:
    """CPU time spent between :meth:`start` and :meth:`stop` by the server instances, by
    PostgreSQL (the backends of the run's database) and by this process."""

    def __init__(self, servers: list[int], dbname: str) -> None:
        self.servers, self.dbname = servers, dbname
        self.spent = (0.0, 0.0, 0.0)
        self._at: tuple[dict[int, float], dict[int, float], float] = ({}, {}, 0.0)

    def _now(self) -> tuple[dict[int, float], dict[int, float], float]:
        return ({p: cpu_seconds(p) for p in self.servers},
                {p: cpu_seconds(p) for p in postgres_pids(self.dbname)}, time.process_time())

    def start(self) -> None:
        self._at = self._now()

    def stop(self) -> None:
        servers, backends, me = self._now()
        self.spent = (sum(v - self._at[0].get(p, 0.0) for p, v in servers.items()),
                      sum(v - self._at[1].get(p, 0.0) for p, v in backends.items()),
                      me - self._at[2])


def server_seconds(header: str) -> float | None:
    """``app;dur=12.5`` → 0.0125."""
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        if name == "app" and params.startswith("dur="):
            return float(params[4:]) / 1000
    return None


def encode(body: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    """As ``sync.client.HttpClient`` sends a body."""
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    headers = {"Content-Type": "application/json", "Accept-Encoding": "gzip"}
    if len(raw) > 1024:
        raw = gzip.compress(raw, compresslevel=5)
        headers["Content-Encoding"] = "gzip"
    return raw, headers


async def post(http: httpx.AsyncClient, device: DeviceRun, path: str, body: dict[str, Any],
               timings: Timings, retries: int = 5, light: bool = False) -> Any:
    """One call as a device makes it: retried on 429, 5xx and network failures with
    exponential backoff and jitter; its latency includes the retries. ``light``: the answer
    is returned as bytes, unread."""
    data, headers = encode(body)
    headers["Authorization"] = f"Bearer {device.token}"
    start = time.perf_counter()
    for attempt in range(retries + 1):
        try:
            response = await http.post(device.url + path, content=data, headers=headers)
        except httpx.HTTPError as e:
            problem = f"{type(e).__name__}"
        else:
            if response.status_code < 400:
                timings.latency.append(time.perf_counter() - start)
                spent = server_seconds(response.headers.get("server-timing", ""))
                if spent is not None:
                    timings.server.append(spent)
                return response.content if light else response.json()
            problem = f"{response.status_code} {response.text[:80]}"
            if response.status_code not in RETRIED:
                raise Failed(f"{path} {problem}")
        if attempt < retries:
            device.retries += 1
            await asyncio.sleep(min(30.0, 0.5 * 2 ** attempt) * (0.5 + random.random()))
    raise Failed(f"{path} {problem} (after {retries} retries)")


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


# a record of a pull's answer as RecordState.to_json writes it (a field named "kind" would
# need a quote before it: "record_kind" does not match)
_RECORD_START = re.compile(rb'"kind":"[\w\-:.]+","record_id":"')


def read_light(body: bytes) -> tuple[str, bool, int]:
    """(cursor, has_more, records) of a pull's answer, without reading its records: the
    answer ends with ``"cursor":…,"has_more":…,…}`` after the records (no record holds
    ``,"cursor":"`` outside a string: no kind has a field of that name), and each record
    starts with its ``"kind"`` and ``"record_id"``. Anything else is read whole."""
    at = body.rfind(b',"cursor":"')
    try:
        tail = json.loads(b"{" + body[at + 1:]) if at > 0 else {}
        cursor, more = tail["cursor"], tail["has_more"]
        decode_cursor(cursor)
        if type(more) is not bool:
            raise ValueError(more)
    except (ValueError, KeyError, TypeError):
        answer = json.loads(body)
        return answer["cursor"], bool(answer["has_more"]), len(answer["records"])
    return cursor, more, len(_RECORD_START.findall(body, 0, at))


async def pull_page(http: httpx.AsyncClient, device: DeviceRun, limit: int,
                    timings: Timings) -> bool:
    """One page after the device's cursor; True when there is more. The devices verified
    read every record as the laptop does (``PullResponse.from_json``); the others only what
    the next pull needs (``read_light``), so that the generator stays light."""
    request = PullRequest(device.cursor, limit).to_json()
    if device.seen is not None:
        page = PullResponse.from_json(await post(http, device, "/v1/pull", request, timings))
        device.seen.extend(r.record_id for r in page.records)
        device.cursor, more, count = page.cursor, page.has_more, len(page.records)
    else:
        device.cursor, more, count = read_light(
            await post(http, device, "/v1/pull", request, timings, light=True))
    device.pulled += count
    return bool(more)


async def run_device(device: DeviceRun, http: httpx.AsyncClient, args: argparse.Namespace,
                     start: asyncio.Event, stop_at: list[float], push: Timings,
                     pull: Timings) -> None:
    rng = random.Random(device.index)
    await start.wait()
    for _ in range(args.rounds):
        if time.monotonic() > stop_at[0]:
            device.errors["time limit"] += 1
            break
        changes = person_changes(device, rng, args.per_push)
        try:
            answer = PushResponse.from_json(await post(
                http, device, "/v1/push", PushRequest(changes, device.epoch).to_json(), push))
        except Failed as e:
            device.errors[f"push {e}"] += 1
            device.next_mutation -= len(changes)  # send them again next round
            continue
        device.epoch = answer.epoch
        applied = sum(o.status == "applied" for o in answer.outcomes)
        device.pushed += applied
        if applied != len(changes):
            device.errors["not applied"] += len(changes) - applied
        for _ in range(args.max_pages):
            try:
                if not await pull_page(http, device, args.page, pull):
                    break
            except Failed as e:
                device.errors[f"pull {e}"] += 1
                break


async def enroll_all(urls: list[str], codes: list[str], names: list[str],
                     concurrency: int = 20) -> list[dict[str, Any]]:
    gate = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(timeout=60) as http:
        async def one(i: int) -> dict[str, Any]:
            async with gate:
                r = await http.post(urls[i % len(urls)] + "/v1/enroll",
                                    json={"code": codes[i], "device_name": f"laptop {names[i]}"})
                r.raise_for_status()
                answer: dict[str, Any] = r.json()
                return answer
        return list(await asyncio.gather(*(one(i) for i in range(len(codes)))))


async def load(args: argparse.Namespace, urls: list[str], codes: list[str],
               names: list[str],
               cpu: CpuClock) -> tuple[list[DeviceRun], Timings, Timings, Timings, float, float]:
    t = time.perf_counter()
    enrolled = await enroll_all(urls, codes, names)
    enroll_s = time.perf_counter() - t
    devices = [DeviceRun(i, urls[i % len(urls)], e["token"], names[i],
                         seen=[] if i < args.verify else None)
               for i, e in enumerate(enrolled)]
    push, pull = Timings(), Timings()
    start = asyncio.Event()
    stop_at = [float("inf")]
    # a client per device, as each laptop has its own, with one connection kept alive
    # between its requests (one pool of 200 connections costs the generator a scan of the
    # whole pool at every request); one TLS context for all, though none is used
    tls = ssl.create_default_context()
    clients = [httpx.AsyncClient(timeout=httpx.Timeout(60, connect=5), verify=tls,
                                 limits=httpx.Limits(max_connections=1))
               for _ in devices]
    try:
        # the baseline: the same devices and connections, as many requests each, to an
        # answer that costs the server nothing (GET /health): the floor the generator and
        # the HTTP stack set under this concurrency
        health = Timings()

        async def ping(d: DeviceRun, http: httpx.AsyncClient) -> None:
            for _ in range(args.rounds * (1 + args.max_pages)):
                t = time.perf_counter()
                (await http.get(d.url + "/health")).raise_for_status()
                health.latency.append(time.perf_counter() - t)

        await asyncio.gather(*(ping(d, http) for d, http in zip(devices, clients,
                                                                 strict=True)))
        tasks = [asyncio.create_task(run_device(d, http, args, start, stop_at, push, pull))
                 for d, http in zip(devices, clients, strict=True)]
        await asyncio.sleep(0)  # every device waits at the start line
        cpu.start()
        began = time.perf_counter()
        stop_at[0] = time.monotonic() + args.time_limit
        start.set()
        done, pending = await asyncio.wait(tasks, timeout=args.time_limit + 60)
        wall = time.perf_counter() - began
        cpu.stop()
        for task in pending:
            task.cancel()
        for task in done:
            if task.exception() is not None:
                devices[tasks.index(task)].errors[repr(task.exception())] += 1
        for task in pending:
            devices[tasks.index(task)].errors["still running at the end"] += 1
    finally:
        for http in clients:
            await http.aclose()
    return devices, push, pull, health, wall, enroll_s


async def catch_up(devices: list[DeviceRun], page: int) -> None:
    """After the run: each device verified pulls until it is up to date."""
    async with httpx.AsyncClient(timeout=60) as http:
        for d in devices:
            for _ in range(1_000_000 // page + 10):
                if not await pull_page(http, d, page, Timings()):
                    break


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--per-push", type=int, default=20)
    parser.add_argument("--page", type=int, default=500)
    parser.add_argument("--max-pages", type=int, default=1)
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds")
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
        cpu = CpuClock([s.proc.pid for s in servers if s.proc is not None], dbname)
        devices, push, pull, health, wall, enroll_s = asyncio.run(
            load(args, [s.url for s in servers], codes, names, cpu))

        with db.read() as tx:
            on_server = int(tx.one("SELECT count(*) FROM records")[0])
            server_ids = {r[0] for r in tx.all("SELECT id FROM records")}
        # after the run, a sample of devices catches up: each must hold exactly what the
        # server holds, every record once (nothing missed while 200 devices pushed)
        checked = devices[:args.verify]
        asyncio.run(catch_up(checked, args.page))
        wrong = sum(d.seen is None or len(d.seen) != len(set(d.seen)) or set(d.seen) != server_ids
                    for d in checked)
        errors: Counter[str] = Counter()
        for d in devices:
            errors.update(d.errors)
        pushed = sum(d.pushed for d in devices)
        pulled = sum(d.pulled for d in devices)
        behind = [on_server - decode_cursor(d.cursor).get("rabat", 0) for d in devices
                  if d.index >= args.verify] or [0]

        def ms(values: list[float], p: float) -> float:
            return percentile(values, p) * 1000 if values else 0.0

        print(f"{args.devices} devices x {args.rounds} rounds, {args.per_push} persons per "
              f"push, pull pages of {args.page} (at most {args.max_pages} a round), "
              f"{args.instances} server instance(s) on one PostgreSQL database; one "
              f"asyncio process generating the load")
        report("enrollment of all devices", enroll_s, "s")
        report("wall time of the run", wall, "s")
        report("CPU during the run: the server instances", cpu.spent[0], "s")
        report("CPU during the run: PostgreSQL (their connections)", cpu.spent[1], "s")
        report("CPU during the run: this load generator", cpu.spent[2], "s")
        report("errors", sum(errors.values()), "", "0")
        report("retries (5xx / 429 / network)", sum(d.retries for d in devices), "")
        report("baseline: GET /health, same devices, p50", ms(health.latency, 50), "ms")
        report("baseline: GET /health, same devices, p95", ms(health.latency, 95), "ms")
        report("push requests", len(push.latency), "")
        report("push latency p50 (as devices see it)", ms(push.latency, 50), "ms")
        report("push latency p95 (as devices see it)", ms(push.latency, 95), "ms", "<= 1000")
        report("push latency max", ms(push.latency, 100), "ms")
        report("push: server's own time p50", ms(push.server, 50), "ms")
        report("push: server's own time p95", ms(push.server, 95), "ms")
        report("pull requests", len(pull.latency), "")
        report("pull latency p50 (as devices see it)", ms(pull.latency, 50), "ms")
        report("pull latency p95 (as devices see it)", ms(pull.latency, 95), "ms", "<= 1000")
        report("pull latency max", ms(pull.latency, 100), "ms")
        report("pull: server's own time p50", ms(pull.server, 50), "ms")
        report("pull: server's own time p95", ms(pull.server, 95), "ms")
        report("changes pushed", pushed, "", str(args.devices * args.rounds * args.per_push))
        report("changes/s pushed", pushed / wall, "ch/s")
        report("records pulled", pulled, "")
        report("records/s pulled", pulled / wall, "rec/s")
        report("records on the server", on_server, "",
               str(args.devices * args.rounds * args.per_push))
        report("records a device was behind at the end (median)", median(behind), "")
        report(f"of {len(checked)} devices that caught up after: wrong", wrong, "", "0")
        for what, n in errors.most_common(10):
            print(f"  error x{n}: {what}")
    finally:
        for s in servers:
            s.stop()
        db.close()
        drop_postgres_database(dbname)


if __name__ == "__main__":
    main()
