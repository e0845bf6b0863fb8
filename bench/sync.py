"""Sync through a real server on 127.0.0.1: one laptop pushes, another pulls, on SQLite and
on PostgreSQL (when it answers), for two workloads:

- ``peer``: the 10,000 encounter-shaped records (~600 bytes, an Arabic or French note each)
  that PouchDB and Kinto were measured on here (``../shared/bench/``, mapped onto fieldapp's
  kinds by ``bench/peer_workload.py``); the peers' figures are printed beside, from their
  own sitting. Targets: round trip <= 4 s, push and pull each >= 2x PouchDB's rate.
- ``persons``: 10,000 small person records (``--count``).

Figures: wall time of the push, of the pull and of the round trip (push then pull), the
server's own time in them (its ``Server-Timing`` header, summed), records/s, body bytes per
record on the wire (gzip) and after gunzip, and the ratios to baselines measured in the same
run with a trivial stdlib ``http.server`` in this process and ``requests``: for the push, the
very same (gzipped) push bodies POSTed to it, which reads each and answers ``{}``; for the
pull, the very same pull requests answered with the very same answers (gzipped beforehand),
which the baseline reads without applying them.

The push is ``sync.client.push`` (what ``sync`` does before it pulls), the pull
``sync.client.sync`` with pages of 500: the app's own code, batches and pages overlapped
with the laptop's work as in the app.

    .venv/bin/python bench/sync.py [--workload peer|persons|both] [--count N] [--rounds R]
                                   [--backend sqlite|postgres|both]
"""

from __future__ import annotations

import argparse
import gzip
import random
import shutil
import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import peer_workload
import requests
from common import median, report, temp_dir, timed

from fieldapp.store.replica import StoreReplica
from sync import client as sync_client
from sync.client import HttpClient
from tests.helpers.server import (
    ServerProcess,
    drop_postgres_database,
    fresh_postgres_database,
    open_service,
    postgres_available,
)
from tests.helpers.vaults import new_vault

FIRST = ["Mohamed", "Fatima", "Youssef", "Khadija", "Hamid", "Naima", "Said", "Aicha", "Omar"]
LAST = ["Benali", "Alaoui", "Tazi", "El Idrissi", "Bennani", "Chraibi", "Ouazzani", "Amrani"]
ARABIC = ["محمد بن علي", "فاطمة العلوي", "يوسف التازي", "خديجة بناني", "سعيد العمراني"]
FLAGS = ["addiction", "chronic_illness", "disability_motor", "disability_hearing"]
NOTES = ["Rencontré près de la gare, demande une couverture.", "Dort sous le pont depuis mars.",
         "يحتاج إلى فحص طبي", "", "Accompagné de son frère, refuse le centre."]


PEER_RECORDS: list[dict[str, Any]] = []


def persons(n: int, seed: int = 1) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        out.append({
            "name_lat": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "name_ar": rng.choice(ARABIC) if rng.random() < 0.6 else None,
            "nickname": rng.choice([None, "Hamido", "Sido", "Lmima"]),
            "sex": rng.choice(["male", "female"]),
            "approx_age": rng.randint(12, 85),
            "flags": rng.sample(FLAGS, rng.randint(0, 2)),
            "consent": rng.random() < 0.8,
            "notes": rng.choice(NOTES) or None,
        })
    return out


class WireSession(requests.Session):
    """Keeps the push bodies exactly as sent, and counts response bytes as received (gzip,
    off the socket) and after gunzip."""

    def __init__(self) -> None:
        super().__init__()
        self.pushes: list[tuple[bytes, dict[str, str]]] = []
        self.pulls: list[tuple[bytes, dict[str, str], bytes]] = []  # request, its answer
        self.wire_received = 0
        self.plain_received = 0
        self.server_s = 0.0  # the server's own time (Server-Timing: app;dur=<ms>), summed

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        response = super().request(method, url, *args, **kwargs)
        if url.endswith("/v1/push"):
            self.pushes.append((kwargs["data"], dict(kwargs.get("headers") or {})))
        elif url.endswith("/v1/pull"):
            self.pulls.append((kwargs["data"], dict(kwargs.get("headers") or {}),
                               response.content))
        self.server_s += server_seconds(response.headers.get("server-timing", ""))
        self.plain_received += len(response.content)  # reads the body, gunzipped
        self.wire_received += response.raw.tell()  # bytes off the socket
        return response


def server_seconds(header: str) -> float:
    """``app;dur=12.5`` → 0.0125."""
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        if name == "app" and params.startswith("dur="):
            return float(params[4:]) / 1000
    return 0.0


class Sink(BaseHTTPRequestHandler):
    """The baseline: read the body, answer {} to a push and the next of ``answers``
    (gzipped already) to a pull (keep-alive, like the real server)."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # as uvicorn: no 40 ms delayed-ACK stalls
    answers: deque[bytes] = deque()

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        pull = self.path.endswith("/v1/pull")
        body = self.answers.popleft() if pull else b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if pull:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


def baseline(url: str, bodies: list[tuple[bytes, dict[str, str]]]) -> float:
    with requests.Session() as session:
        def post_all() -> None:
            for data, headers in bodies:
                with session.post(url + "/v1/push", data=data, headers=headers,
                                  timeout=60) as r:
                    r.raise_for_status()
                    r.content  # noqa: B018 - read the answer, as the client does
        return timed(post_all)


def baseline_pull(url: str, pulls: list[tuple[bytes, dict[str, str], bytes]]) -> float:
    Sink.answers = deque(gzip.compress(answer, 3) for _, _, answer in pulls)
    with requests.Session() as session:
        def post_all() -> None:
            for data, headers, _ in pulls:
                with session.post(url + "/v1/pull", data=data, headers=headers,
                                  timeout=60) as r:
                    r.raise_for_status()
                    r.content  # noqa: B018 - read the answer, as the client does
        return timed(post_all)


def one_round(db_url: str, workload: str, count: int, sink_url: str,
              seed: int) -> dict[str, float]:
    db, service = open_service(db_url)
    for user in ("writer", "reader"):
        service.create_user(user, "centre_staff",  # shelters too
                            scope=f"province:{peer_workload.PROVINCE}")
    server = ServerProcess(db_url).start()
    folder = temp_dir("sync")
    vaults = []
    try:
        a_vault, a_store = new_vault(folder / "writer", user="writer")
        b_vault, b_store = new_vault(folder / "reader", user="reader")
        vaults = [a_vault, b_vault]
        a, b = StoreReplica(a_store), StoreReplica(b_store)
        sync_client.enroll(a, server.url, service.issue_code("writer"), "writer")
        sync_client.enroll(b, server.url, service.issue_code("reader"), "reader")
        if workload == "peer":
            ids = peer_workload.load(a_store, PEER_RECORDS)
        else:
            ids = set(a_store.persons.create_many(persons(count, seed)))
        count = len(ids)
        assert a_store.pending_count() == count

        a_session, b_session = WireSession(), WireSession()
        a_client = HttpClient(server.url, a.sync_state()["token"], session=a_session)
        b_client = HttpClient(server.url, b.sync_state()["token"], session=b_session)

        def push() -> None:  # what sync() does before it pulls
            report_ = sync_client.push(a, a_client)
            assert report_.pushed == count and not report_.rejected, report_

        def pull() -> None:
            report_ = sync_client.sync(b, b_client, page_size=500)
            assert report_.pulled == count and not report_.quarantined, report_

        push_s = timed(push)
        base_s = baseline(sink_url, a_session.pushes)
        pull_s = timed(pull)
        pull_base_s = baseline_pull(sink_url, b_session.pulls)
        assert a_store.pending_count() == 0
        got = {r[0] for table in ("persons", "patrols", "shelters", "encounters")
               for r in b_store.conn.execute(f"SELECT id FROM {table}")}
        assert got == ids, "the reader does not hold what the writer wrote"
        a_session.close()
        b_session.close()
        return {"push": push_s, "pull": pull_s, "baseline": base_s, "count": count,
                "pull_baseline": pull_base_s,
                "push_server": a_session.server_s, "pull_server": b_session.server_s,
                "push_requests": len(a_session.pushes),
                "sent": a_client.bytes_sent + b_client.bytes_sent,
                "push_sent": a_client.bytes_sent,
                "pull_wire": b_session.wire_received,
                "pull_plain": b_session.plain_received,
                "wire": (a_client.bytes_sent + b_client.bytes_sent + a_session.wire_received
                         + b_session.wire_received)}
    finally:
        for v in vaults:
            v.lock()
        server.stop()
        db.close()
        shutil.rmtree(folder, ignore_errors=True)


def run_backend(name: str, workload: str, count: int, rounds: int, sink_url: str) -> None:
    results = []
    for r in range(rounds):
        if name == "sqlite":
            folder = temp_dir("server")
            try:
                results.append(one_round(str(folder / "server.db"), workload, count, sink_url,
                                         r))
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        else:
            url, dbname = fresh_postgres_database()
            try:
                results.append(one_round(url, workload, count, sink_url, r))
            finally:
                drop_postgres_database(dbname)
    push = median([x["push"] for x in results])
    pull = median([x["pull"] for x in results])
    trip = median([x["push"] + x["pull"] for x in results])
    base = median([x["baseline"] for x in results])
    last = results[-1]
    count = int(last["count"])
    print(f"\n{name}, {workload} workload: {count} records, median of {rounds} rounds "
          f"({last['push_requests']} push requests)")
    pouch = peer_workload.PEERS[0]
    peer = workload == "peer"
    report("push (writer → server)", push, "s",
           f"<= {pouch[1] / 2:.2f}: 2x PouchDB's rate" if peer else "")
    report("pull (server → reader, pages of 500)", pull, "s",
           f"<= {pouch[2] / 2:.2f}: 2x PouchDB's rate" if peer else "")
    report("round trip (push + pull)", trip, "s", "<= 4" if peer else "")
    report("push: the server's own time (Server-Timing, sum)",
           median([x["push_server"] for x in results]), "s")
    report("pull: the server's own time (Server-Timing, sum)",
           median([x["pull_server"] for x in results]), "s")
    report("push records/s", count / push, "rec/s")
    report("pull records/s", count / pull, "rec/s")
    report("round trip records/s", count / trip, "rec/s")
    report("push bytes sent per record (gzip)", last["push_sent"] / count, "B")
    report("pull bytes received per record (wire, gzip)", last["pull_wire"] / count, "B")
    report("pull bytes per record after gunzip", last["pull_plain"] / count, "B")
    report("all body bytes on the wire per record", last["wire"] / count, "B")
    report("push bytes on the wire (MB)", last["push_sent"] / 1e6, "MB")
    report("pull bytes on the wire (MB)", last["pull_wire"] / 1e6, "MB")
    report("baseline: same push bodies to http.server", base, "s")
    report("ratio push / baseline", push / base, "x")
    pull_base = median([x["pull_baseline"] for x in results])
    report("baseline: same pull answers from http.server", pull_base, "s")
    report("ratio pull / baseline", pull / pull_base, "x")
    if peer:
        print("peers on the same workload (another sitting, ../shared/bench/README.md):")
        for system, p_push, p_pull, p_trip, p_up, p_down in peer_workload.PEERS:
            print(f"  {system:<44} push {p_push:7.2f} s  pull {p_pull:6.2f} s  "
                  f"round trip {p_trip:7.2f} s  wire {p_up:.1f} + {p_down:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--workload", choices=["peer", "persons", "both"], default="both")
    args = parser.parse_args()
    global PEER_RECORDS
    workloads = ["peer", "persons"] if args.workload == "both" else [args.workload]
    if "peer" in workloads:
        PEER_RECORDS = peer_workload.peer_records()
    sink = ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    sink.daemon_threads = True
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    sink_url = f"http://127.0.0.1:{sink.server_address[1]}"
    try:
        for workload in workloads:
            if args.backend in ("sqlite", "both"):
                run_backend("sqlite", workload, args.count, args.rounds, sink_url)
            if args.backend in ("postgres", "both"):
                reason = postgres_available()
                if reason:
                    print(f"\npostgres: skipped ({reason})")
                else:
                    run_backend("postgres", workload, args.count, args.rounds, sink_url)
    finally:
        sink.shutdown()
        sink.server_close()


if __name__ == "__main__":
    main()
