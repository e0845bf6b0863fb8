"""Protocol 2 and the server's leaner storage, through real server processes: laptops of
protocol 1 keep working (every field's version named), a laptop of protocol 2 falls back to
1 with a server that does not know 2 yet, rows written by a server of schema 1 are read and
merged, a record rewritten in place is never answered from the server's memory of it, the
answers carry the server's own time, and the laptop's overlapped push and pull lose
nothing when stopped half-way."""

from __future__ import annotations

import json
import sys

import pytest
import requests

from fieldapp.domain.ids import uuid7
from sync import client as sync_client
from sync.client import HttpClient
from sync.protocol import MAX_BATCH, PullRequest, PullResponse, RecordState
from sync.server.service import _RECORD, _Renderings
from sync.server.storage import SCHEMA_VERSION
from tests.helpers.server import ServerProcess, enrolled_device, open_service


def pull_json(url: str, token: str, protocol: int, limit: int = 100) -> dict:
    with requests.post(f"{url}/v1/pull", json={"protocol": protocol, "cursor": None,
                                               "limit": limit},
                       headers={"Authorization": f"Bearer {token}"}, timeout=30) as r:
        assert r.status_code == 200, r.text
        assert r.headers["server-timing"].startswith("app;dur=")
        answer: dict = r.json()
        return answer


def test_protocol_1_names_every_version_and_2_only_the_older_ones(server, rabat_users,
                                                                  tmp_path):
    proc, service = server
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    b = enrolled_device(tmp_path / "b", proc, service, "youssef")
    person = a.store.persons.create({"name_lat": "Said Alami", "nickname": "Sido"})
    a.sync()
    a.store.persons.update(person["id"], {"nickname": "Sidou"})
    a.sync()
    token = b.replica.sync_state()["token"]
    old, new = pull_json(proc.url, token, 1), pull_json(proc.url, token, 2)
    assert (old["protocol"], new["protocol"]) == (1, 2)
    (v1,), (v2,) = old["records"], new["records"]
    assert set(v1["versions"]) == set(v1["fields"])  # protocol 1: every field named
    assert v1["versions"]["nickname"] == v1["version"] > v1["versions"]["name_lat"]
    assert set(v2["versions"]) == set(v1["fields"]) - {"nickname"}  # only the older ones
    s1, s2 = RecordState.from_json(v1), RecordState.from_json(v2)
    assert all(s1.field_version(n) == s2.field_version(n) == v1["versions"][n]
               for n in v1["fields"])
    assert {k: v for k, v in v2.items() if k != "versions"} == {
        k: v for k, v in v1.items() if k != "versions"}
    # a laptop applies either, with the same versions
    b.sync()
    row = b.store.conn.execute("SELECT _versions FROM persons WHERE id = ?",
                               (person["id"],)).fetchone()
    assert json.loads(row[0]) == v1["versions"]


class OlderServer(ServerProcess):
    """A real server that speaks protocol 1 only, as the servers before protocol 2 did."""

    def command(self) -> list[str]:
        args = super().command()[3:]
        return [sys.executable, "-c",
                "import sys, sync.protocol as p; p.PROTOCOLS = (1,); "
                "from sync.server.__main__ import main; sys.exit(main(sys.argv[1:]))", *args]


def test_a_laptop_speaks_protocol_1_with_a_server_that_knows_only_1(tmp_path):
    db, service = open_service(str(tmp_path / "server.db"))
    service.create_team("Équipe mobile Rabat", "province:rabat")
    for name in ("amina", "youssef"):
        service.create_user(name, "supervisor", team="Équipe mobile Rabat")
    proc = OlderServer(str(tmp_path / "server.db")).start()
    try:
        with requests.post(f"{proc.url}/v1/pull", json={"protocol": 2, "limit": 1},
                           timeout=10) as r:
            assert r.status_code == 401  # the token is checked first, as ever
        a = enrolled_device(tmp_path / "a", proc, service, "amina")
        b = enrolled_device(tmp_path / "b", proc, service, "youssef")
        person = a.store.persons.create({"name_lat": "Said Alami"})
        a_client = HttpClient(proc.url, a.replica.sync_state()["token"])
        b_client = HttpClient(proc.url, b.replica.sync_state()["token"])
        assert sync_client.sync(a.replica, a_client).pushed == 1
        assert sync_client.sync(b.replica, b_client).pulled == 1
        assert a_client.protocol == b_client.protocol == 1
        a.store.persons.update(person["id"], {"nickname": "Sido"})
        a.sync(), b.sync()
        assert b.store.persons.get(person["id"])["nickname"] == "Sido"
    finally:
        proc.stop()
        db.close()


def test_rows_of_schema_1_are_read_merged_and_rewritten(backend, tmp_path):
    """A database a server of schema 1 wrote: full versions, a writer per field."""
    db, service = open_service(backend)
    service.create_team("Équipe mobile Rabat", "province:rabat")
    ids = {name: service.create_user(name, "supervisor", team="Équipe mobile Rabat")
           for name in ("amina", "youssef")}
    rid = uuid7()
    fields = {"province": "rabat", "deleted": 0, "name_lat": "Said Alami", "nickname": "Sido"}
    writer = {"device": "old-device", "author": "karim", "hlc": 5 << 16}
    with db.write() as tx:
        tx.execute("INSERT INTO records (kind, id, province, version, fields, versions, "
                   "writers, hlc, device_id) VALUES ('person', ?, 'rabat', 2, ?, ?, ?, ?, "
                   "'old-device')", (rid, json.dumps(fields),
                                     json.dumps({**dict.fromkeys(fields, 1), "nickname": 2}),
                                     json.dumps(dict.fromkeys(fields, writer)), 5 << 16))
        tx.execute("INSERT INTO counters (province, version) VALUES ('rabat', 2)")
        tx.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    db.close()
    db, service = open_service(backend)  # as a new server starts on it
    proc = ServerProcess(backend).start()
    try:
        with db.read() as tx:
            assert tx.one("SELECT value FROM meta WHERE key = 'schema'")[0] == str(
                SCHEMA_VERSION)
        a = enrolled_device(tmp_path / "a", proc, service, "amina")
        a.sync()
        assert a.store.persons.get(rid)["nickname"] == "Sido"
        versions = json.loads(a.store.conn.execute(
            "SELECT _versions FROM persons WHERE id = ?", (rid,)).fetchone()[0])
        assert versions == {**dict.fromkeys(fields, 1), "nickname": 2}
        # edits of two laptops merge with what the old server wrote, field by field
        b = enrolled_device(tmp_path / "b", proc, service, "youssef")
        b.sync()
        b.store.persons.update(rid, {"approx_age": 40})
        a.store.persons.update(rid, {"nickname": "Sidou"})
        assert a.sync().conflicts == 0  # a saw version 2 of the nickname
        assert b.sync().conflicts == 0
        a.sync()
        for device in (a, b):
            got = device.store.persons.get(rid)
            assert (got["nickname"], got["approx_age"]) == ("Sidou", 40)
        with db.read() as tx:
            stored_writers = json.loads(tx.one("SELECT writers FROM records WHERE id = ?",
                                               (rid,))[0])
        listed, positions = stored_writers  # written anew in the form of schema 2
        assert listed[positions["name_lat"]]["author"] == "karim"
        # authors are the ids the server gave its users
        assert listed[positions["approx_age"]]["author"] == ids["youssef"]
        assert listed[positions["nickname"]]["author"] == ids["amina"]
    finally:
        proc.stop()
        db.close()


def test_a_record_rewritten_in_place_is_not_answered_from_memory(server, rabat_users,
                                                                 tmp_path):
    """The server remembers how it wrote each record out; a row whose content changed
    under the same version (a database put back from a copy) is written out anew."""
    proc, service = server
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    person = a.store.persons.create({"name_lat": "Said Alami"})
    a.sync()
    token = a.replica.sync_state()["token"]
    assert pull_json(proc.url, token, 2)["records"][0]["fields"]["name_lat"] == "Said Alami"
    with service.db.write() as tx:
        row = tx.one("SELECT fields FROM records WHERE id = ?", (person["id"],))
        tx.execute("UPDATE records SET fields = ? WHERE id = ?",
                   (json.dumps({**json.loads(row[0]), "name_lat": "Said Alaoui"}),
                    person["id"]))
    assert pull_json(proc.url, token, 2)["records"][0]["fields"]["name_lat"] == "Said Alaoui"


def test_the_memory_of_written_records_is_exact_and_bounded():
    memory = _Renderings(size=2)
    row = ("rabat", "person", "id1", 3, '{"province":"rabat","deleted":0}', "{}", 7, "dev")
    text = memory.text(*row, 2)
    expected = RecordState("rabat", 3, "person", "id1", {"province": "rabat", "deleted": 0},
                           {"province": 3, "deleted": 3}, 7, "dev")
    assert text == _RECORD(expected.to_json(2))
    assert memory.text(*row, 1) == _RECORD(expected.to_json(1))
    changed = (*row[:4], '{"province":"rabat","deleted":1}', *row[5:])
    assert json.loads(memory.text(*changed, 2) or "")["fields"]["deleted"] == 1
    assert memory.text(*row[:6], 8, "dev", 2) != text  # another clock stamp
    assert memory.text("rabat", "person", "id2", 1, '{"deleted":true}', "{}", 0, None,
                       2) is None  # withheld: a flag must be 0 or 1
    assert len(memory._items) <= 2


def test_a_page_written_ahead_is_the_answer_pull_response_writes():
    records = (RecordState("rabat", 7, "person", "id1",
                           {"name_ar": "محمد", "nickname": None, "approx_age": 30,
                            "notes": 'a "quoted"\\ line\n'}, {"nickname": 5}, 99, None),
               RecordState("fes", 9, "patrol", "id2", {}, {}, 0, "dev"))
    for protocol in (1, 2):
        answer = PullResponse(records, "Y3Vy", True, 4, "épo", {"rabat": 3}, protocol)
        as_starlette_writes_it = json.dumps(answer.to_json(), ensure_ascii=False,
                                            allow_nan=False, separators=(",", ":"))
        assert PullResponse.json_text([_RECORD(r.to_json(protocol)) for r in records],
                                      answer.cursor, answer.has_more,
                                      answer.last_mutation_id, answer.epoch,
                                      answer.scope_counts, protocol) == as_starlette_writes_it


def test_overlapped_push_and_pull_stop_cleanly_and_lose_nothing(server, rabat_users,
                                                                tmp_path):
    """The laptop sends a batch while it writes down the previous answer, and asks for a
    page while it writes the previous one: stopped after any batch or page, what was
    acknowledged is gone from the outbox, the rest goes next time, and the pages written
    are whole and in order."""
    proc, service = server
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    b = enrolled_device(tmp_path / "b", proc, service, "youssef")
    count = 2 * MAX_BATCH + 100
    ids = set(a.store.persons.create_many(
        [{"name_lat": "Mohamed Benali", "approx_age": 20 + i % 50} for i in range(count)]))
    assert [c.mutation_id for c in a.replica.pending_changes(3, after=count - 2)] == [
        count - 1, count]
    answers = []

    def after_one_batch() -> bool:
        return len(answers) >= 1

    original = a.replica.acknowledge

    def acknowledge(response):  # type: ignore[no-untyped-def]
        answers.append(response.last_mutation_id)
        original(response)

    a.replica.acknowledge = acknowledge  # type: ignore[method-assign]
    # stopped once the first answer is written down: the second batch, sent meanwhile,
    # is answered and written down too, and nothing more is sent
    report = sync_client.sync(a.replica, cancelled=after_one_batch)
    assert answers == [MAX_BATCH, 2 * MAX_BATCH] and report.pushed == 2 * MAX_BATCH
    assert a.store.pending_count() == count - 2 * MAX_BATCH
    assert a.sync().pushed == count - 2 * MAX_BATCH and a.store.pending_count() == 0
    pages: list[int] = []

    def stop_after_three(phase: str, done: int, total: int) -> None:
        pages.append(done)

    # stopped after the third page is written: the fourth, asked for meanwhile, is written
    # too (with its cursor), and nothing more is asked for
    stopped = sync_client.sync(b.replica, cancelled=lambda: len(pages) >= 3,
                               progress=stop_after_three, page_size=100)
    assert stopped.pulled == 400 and pages == [100, 200, 300, 400]
    assert len({r[0] for r in b.store.conn.execute("SELECT id FROM persons")} & ids) == 400
    assert b.sync(page_size=100).pulled == count - 400
    assert {r[0] for r in b.store.conn.execute("SELECT id FROM persons")} == ids


@pytest.mark.parametrize("protocol", [1, 2])
def test_pages_in_either_protocol_parse_the_same(server, rabat_users, tmp_path, protocol):
    proc, service = server
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    a.store.persons.create_many([{"name_lat": "Said Alami"} for _ in range(30)])
    a.sync()
    client = HttpClient(proc.url, a.replica.sync_state()["token"], protocol=protocol)
    page = client.pull(PullRequest(None, 50))
    assert len(page.records) == 30
    assert all(r.field_version(n) == r.version for r in page.records for n in r.fields)
