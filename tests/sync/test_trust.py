"""The sync's trust boundary (issue #17), through a real server process on 127.0.0.1:

- every pushed change is checked against the record schema shared with the laptop
  (``fieldapp.domain.wire``) before anything is stored: a bad change is refused alone, with a
  reason per field, the rest of the batch applies, and the other laptops of the province go on
  syncing with equal records;
- what an older server let in is withheld from pulls, and a laptop that still meets a bad record
  sets it aside and receives the rest;
- authentication comes before the body, failed credentials are limited per client address;
- a laptop whose token was stolen re-enrolls and sends its pending changes again, without loss
  or duplicates.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time
import uuid
from typing import Any

import pytest
import requests

from fieldapp.domain import wire
from fieldapp.domain.ids import uuid7
from fieldapp.store.replica import StoreReplica
from sync import client as sync_client
from sync.protocol import Change, PushRequest, RecordState, SyncError, SyncErrorKind
from tests.helpers.server import ROOT, ServerProcess, enrolled_device, open_service
from tests.helpers.vaults import PASSPHRASE


def _now_hlc() -> int:
    return time.time_ns() // 1_000_000 << 16


def _raw_push(url: str, token: str, body: bytes) -> tuple[int, dict[str, Any]]:
    with requests.post(url + "/v1/push", data=body, timeout=30, headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json"}) as r:
        return r.status_code, r.json()


def _change_json(mid: int, record_id: str, fields: str, *, kind: str = "person",
                 op: str = "create", hlc: int | None = None, replay: bool = False) -> str:
    """One change as JSON text: ``fields`` is spliced in as written (NaN, 1e999, …)."""
    return (f'{{"mutation_id":{mid},"kind":"{kind}","record_id":"{record_id}","op":"{op}",'
            f'"fields":{fields},"base":{{}},"hlc":{hlc if hlc is not None else _now_hlc()},'
            f'"author":"thief"' + (',"replay":true' if replay else "") + "}")


def _server_records(service, province: str = "rabat") -> dict[tuple[str, str], dict[str, Any]]:
    """The province's records on the server, every field present (as a laptop stores them:
    fields never written hold their empty value)."""
    from fieldapp.domain.records import KINDS

    with service.db.read() as tx:
        rows = tx.all("SELECT kind, id, fields FROM records WHERE province = ?", (province,))
    return {(k, i): {**wire.empty_stored(KINDS[k]), **json.loads(f)} for k, i, f in rows}


def _laptop_records(store) -> dict[tuple[str, str], dict[str, Any]]:
    from fieldapp.domain.records import KINDS

    out = {}
    for name, kind in KINDS.items():
        for rid, in store.conn.execute(f"SELECT id FROM {kind.table}").fetchall():
            out[(name, rid)] = store.repo(name).stored_fields(rid)
    return out


def _cli(*args: str, lang: str = "fr") -> subprocess.CompletedProcess[str]:
    """``fieldapp …`` as a user runs it: a process of its own (it sets its umask and makes
    a Qt application for its messages, which must not happen inside the test process)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDAPP_")}
    env.update(FIELDAPP_PASSPHRASE=PASSPHRASE, FIELDAPP_LANG=lang, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


def _sync_cli(folder) -> int:
    out = _cli("sync", "--data-dir", str(folder))
    assert out.returncode == 0, out.stderr
    return out.returncode


# Each bad change: (name, JSON text of its fields, op, extra options, the field refused, code)
PATROL_OK = ('"province":"rabat","deleted":0,"date":"2026-11-30","team":"Équipe 1",'
             '"members":"[]"')
BAD_CHANGES = [
    ("NaN in a yes/no field", '{"province":"rabat","deleted":0,"name_lat":"Ali","consent":NaN}',
     "person", "consent", "wrong_type"),
    ("1e999 in a number", '{"province":"rabat","deleted":0,"name_lat":"Ali","approx_age":1e999}',
     "person", "approx_age", "wrong_type"),
    ("-Infinity in a number",
     '{"province":"rabat","deleted":0,"name_lat":"Ali","approx_age":-Infinity}',
     "person", "approx_age", "wrong_type"),
    ("deleted: null", '{' + PATROL_OK.replace('"deleted":0', '"deleted":null') + '}',
     "patrol", "deleted", "wrong_type"),
    ("a script tag as yes/no", '{"province":"rabat","deleted":0,"name_lat":"Ali",'
     '"consent":"<script>"}', "person", "consent", "wrong_type"),
    ("yes as yes/no", '{"province":"rabat","deleted":0,"name_lat":"Ali","consent":"yes"}',
     "person", "consent", "wrong_type"),
    ("0.5 as yes/no", '{"province":"rabat","deleted":0,"name_lat":"Ali","consent":0.5}',
     "person", "consent", "wrong_type"),
    ("10**18 as yes/no", '{"province":"rabat","deleted":0,"name_lat":"Ali",'
     '"consent":1000000000000000000}', "person", "consent", "wrong_type"),
    ("true as yes/no", '{"province":"rabat","deleted":0,"name_lat":"Ali","consent":true}',
     "person", "consent", "wrong_type"),
    ("a number as text", '{"province":"rabat","deleted":0,"name_lat":7}', "person", "name_lat",
     "wrong_type"),
    ("an object as text", '{"province":"rabat","deleted":0,"name_lat":{"$ne":1}}', "person",
     "name_lat", "wrong_type"),
    ("untrimmed text", '{"province":"rabat","deleted":0,"name_lat":"  Ali  "}', "person",
     "name_lat", "not_normalised"),
    ("text past any field's length", '{"province":"rabat","deleted":0,"name_lat":"Ali",'
     '"notes":"' + "x" * 8001 + '"}', "person", "notes", "too_long"),
    ("a lone surrogate", '{"province":"rabat","deleted":0,"name_lat":"Ali",'
     '"nickname":"x\\ud800"}', "person", "nickname", "bad_text"),
    ("choices not a JSON list", '{"province":"rabat","deleted":0,"name_lat":"Ali",'
     '"flags":"homeless"}', "person", "flags", "wrong_type"),
    ("choices as a JSON list of numbers", '{"province":"rabat","deleted":0,"name_lat":"Ali",'
     '"flags":"[1,2]"}', "person", "flags", "wrong_type"),
    ("choices as an array, not text", '{"province":"rabat","deleted":0,"name_lat":"Ali",'
     '"flags":["homeless"]}', "person", "flags", "wrong_type"),
    ("a patrol without its date and team", '{"province":"rabat","deleted":0,"commune":"x"}',
     "patrol", "date", "required"),
]


@pytest.fixture
def province(server, rabat_users, tmp_path):
    """Two enrolled laptops of Rabat (one honest, one that will send bad changes)."""
    proc, service = server
    honest = enrolled_device(tmp_path / "honest", proc, service, "amina")
    other = enrolled_device(tmp_path / "other", proc, service, "salma")
    yield proc, service, honest, other
    honest.vault.lock()
    other.vault.lock()


@pytest.mark.parametrize("name,fields,kind,field,code", BAD_CHANGES,
                         ids=[b[0] for b in BAD_CHANGES])
def test_a_bad_change_is_refused_alone_and_the_province_syncs_on(province, name, fields, kind,
                                                                  field, code):
    proc, service, honest, other = province
    honest.store.persons.create({"name_lat": "Fatima Zahra", "approx_age": 30})
    honest.sync()
    thief = service.issue_code("salma")
    token = sync_client.HttpClient(proc.url).enroll(thief, "stolen")["token"]
    good_id, bad_id, after_id = uuid7(), uuid7(), uuid7()
    body = ('{"protocol":1,"epoch":null,"changes":['
            + _change_json(1, good_id, '{"province":"rabat","deleted":0,"name_lat":"Good One"}')
            + "," + _change_json(2, bad_id, fields, kind=kind)
            + "," + _change_json(3, after_id,
                                 '{"province":"rabat","deleted":0,"name_lat":"After One"}')
            + "]}")
    status, answer = _raw_push(proc.url, token, body.encode())
    assert status == 200, answer
    outcomes = {o["mutation_id"]: o for o in answer["outcomes"]}
    assert [outcomes[m]["status"] for m in (1, 2, 3)] == ["applied", "rejected", "applied"]
    assert outcomes[2]["code"] == "invalid"
    assert [field, code] in outcomes[2]["errors"], outcomes[2]
    held = _server_records(service)
    assert ("person", good_id) in held and ("person", after_id) in held
    assert (kind, bad_id) not in held
    # the laptops of the province go on syncing, and hold what the server holds
    assert _sync_cli(other.folder) == 0
    assert _sync_cli(honest.folder) == 0
    for device in (honest, other):
        store = device.vault.unlock(PASSPHRASE) if not device.vault.is_unlocked else None
        assert _laptop_records(store or device.store) == held
        device.vault.lock()


def test_replays_and_clocks_are_the_servers_to_judge(province):
    proc, service, honest, other = province
    person = honest.store.persons.create({"name_lat": "Karim Alaoui"})
    honest.sync()
    code = service.issue_code("salma")
    token = sync_client.HttpClient(proc.url).enroll(code, "stolen")["token"]
    far = (2**63 - 1)
    body = ('{"protocol":1,"epoch":null,"changes":['
            # a "replay" on a server that never lost anything: refused
            + _change_json(1, uuid7(), '{"commune":"x"}', kind="patrol", replay=True)
            # a replay stamped at the end of time, to overwrite another device's name
            + "," + _change_json(2, person["id"], '{"name_lat":"Stolen Name"}', op="update",
                                 hlc=far, replay=True)
            # an ordinary change stamped far ahead of the server's clock
            + "," + _change_json(3, uuid7(), '{"province":"rabat","deleted":0,"name_lat":"Ali"}',
                                 hlc=far)
            # a clock a day ahead is accepted (laptops' clocks drift)
            + "," + _change_json(4, uuid7(), '{"province":"rabat","deleted":0,"name_lat":"Ok"}',
                                 hlc=(time.time_ns() // 1_000_000 + 86_400_000) << 16)
            + "]}")
    status, answer = _raw_push(proc.url, token, body.encode())
    assert status == 200, answer
    codes = [(o["status"], o["code"]) for o in answer["outcomes"]]
    assert codes == [("rejected", "replay_refused"), ("rejected", "clock_ahead"),
                     ("rejected", "clock_ahead"), ("applied", None)]
    held = _server_records(service)
    assert held[("person", person["id"])]["name_lat"] == "Karim Alaoui"
    assert not [k for k in held if k[0] == "patrol"]
    assert _sync_cli(other.folder) == 0


def test_a_record_an_older_server_let_in_is_withheld_from_pulls(province):
    """A value stored before the schema was checked on push (an older server) must not
    stop the province: the pull leaves it out and says so in the server's log."""
    proc, service, honest, other = province
    good = honest.store.persons.create({"name_lat": "Nadia Bennani"})
    honest.sync()
    bad_id = uuid7()
    with service.db.write() as tx:
        version = tx.one("UPDATE counters SET version = version + 1 WHERE province = 'rabat' "
                         "RETURNING version")[0]
        tx.execute("INSERT INTO records (kind, id, province, version, fields, versions, "
                   "writers, hlc, device_id) VALUES ('person', ?, 'rabat', ?, ?, '{}', '{}', "
                   "0, 'old')", (bad_id, version,
                                 '{"province":"rabat","deleted":null,"consent":NaN}'))
    assert _sync_cli(other.folder) == 0
    store = other.vault.unlock(PASSPHRASE)
    received = _laptop_records(store)
    assert ("person", good["id"]) in received and ("person", bad_id) not in received


def test_a_laptop_sets_aside_a_record_it_cannot_read_and_applies_the_rest(store):
    replica = StoreReplica(store)
    good, bad, fixed = uuid7(), uuid7(), uuid7()
    page = [
        RecordState("rabat", 1, "person", good, {"province": "rabat", "deleted": 0,
                                                  "name_lat": "Amal Idrissi"}, {}),
        RecordState("rabat", 2, "patrol", bad, {"province": "rabat", "deleted": None,
                                                 "commune": "x"}, {}),
        RecordState("rabat", 3, "person", fixed, {"province": "rabat", "deleted": 0,
                                                   "consent": float("nan")}, {}),
    ]
    assert replica.apply_page(page, "cursor-1", "epoch-1") == 1
    assert store.persons.get(good)["name_lat"] == "Amal Idrissi"
    assert store.repo("patrol").count() == 0
    assert replica.quarantine_count() == 2
    assert {(q["kind"], q["record_id"]) for q in replica.quarantined()} == {
        ("patrol", bad), ("person", fixed)}
    assert store.setting("sync.cursor") == "cursor-1"  # the page moved on
    # a later, valid version of a set-aside record takes its place
    replica.apply_page([RecordState("rabat", 4, "person", fixed, {
        "province": "rabat", "deleted": 0, "consent": 1, "name_lat": "Now Valid"}, {})],
        "cursor-2", "epoch-1")
    assert store.persons.get(fixed)["name_lat"] == "Now Valid"
    assert replica.quarantine_count() == 1


def test_every_change_a_laptop_makes_passes_the_servers_schema(tmp_path):
    """The laptop's own writes (through the repositories, as the demo generator makes them)
    are exactly the shape the server accepts."""
    from fieldapp import demo
    from fieldapp.domain import records
    from tests.helpers.vaults import new_vault

    vault, store = new_vault(tmp_path / "v")
    try:
        demo.generate(store, 60, 200, seed=7)
        entries = store.outbox(limit=10_000)
        assert len(entries) > 260
        for e in entries:
            assert wire.check_fields(records.kind(e["kind"]), e["payload"]) == [], e["kind"]
    finally:
        vault.lock()


# --- authentication before the body, and guesses ----------------------------------------


@pytest.fixture
def strict_server(tmp_path):
    """A server with the default limit on failed credentials (10 a minute per address)."""
    db, service = open_service(str(tmp_path / "server.db"))
    proc = ServerProcess(str(tmp_path / "server.db"), guesses=10).start()
    yield proc, service
    proc.stop()
    db.close()


def test_guessing_enrollment_codes_meets_429_whatever_the_bearer_header(strict_server):
    proc, service = strict_server
    statuses = []
    with requests.Session() as session:
        for _ in range(150):
            r = session.post(proc.url + "/v1/enroll", json={"code": uuid.uuid4().hex[:16]},
                             headers={"Authorization": f"Bearer {uuid.uuid4().hex}"},
                             timeout=10)
            statuses.append(r.status_code)
    assert set(statuses) <= {401, 429}
    assert statuses.index(429) <= 12, statuses[:20]
    assert statuses.count(401) <= 12
    refused = [row for row in service.audit_log(1000) if row[2] == "enroll_refused"]
    assert len(refused) == statuses.count(401)  # no audit row written past the limit


def test_guessing_tokens_meets_429(strict_server):
    proc, _ = strict_server
    statuses = [requests.post(proc.url + "/v1/pull", json={"protocol": 1, "limit": 1},
                              headers={"Authorization": f"Bearer {uuid.uuid4().hex}"},
                              timeout=10).status_code for _ in range(40)]
    assert statuses[:10] == [401] * 10 and set(statuses[12:]) == {429}


def _rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_an_unauthenticated_gzip_bomb_gets_401_without_being_read(server):
    proc, _ = server
    bomb = gzip.compress(b'{"protocol":1,"changes":[' + b" " * (8 * 1024 * 1024 - 40) + b"]}",
                         compresslevel=9)
    assert len(bomb) < 16 * 1024
    headers = {"Content-Encoding": "gzip", "Content-Type": "application/json"}
    requests.post(proc.url + "/v1/push", data=b"{}", headers={"Authorization": "Bearer x"},
                  timeout=10)  # warm up: the first request imports and allocates
    before = _rss_kib(proc.proc.pid)
    for path in ("/v1/push", "/v1/pull"):
        for token in (None, "not-a-token"):
            for _ in range(10):
                h = dict(headers)
                if token:
                    h["Authorization"] = f"Bearer {token}"
                r = requests.post(proc.url + path, data=bomb, headers=h, timeout=10)
                assert r.status_code == 401, r.text
    assert _rss_kib(proc.proc.pid) - before < 4 * 1024


# --- messages a user reads -----------------------------------------------------------------


@pytest.mark.parametrize("code", ["abc", "", "x" * 5000, "1A2B-3C4D-5E6F-7A8"])
def test_a_malformed_enrollment_code_is_named_as_such(province, code):
    proc, _, honest, _ = province
    with pytest.raises(SyncError) as refused:
        sync_client.enroll(StoreReplica(honest.store), proc.url, code)
    assert (refused.value.kind, refused.value.detail) == (SyncErrorKind.ENROLLMENT, "bad_format")
    # and the server refuses any malformed code as a wrong code (401), never as a bad request
    r = requests.post(proc.url + "/v1/enroll", json={"code": code}, timeout=10)
    assert (r.status_code, r.json()["error"]) == (401, "bad_code")


def test_the_cli_says_what_is_wrong_with_a_code_and_an_address(province):
    proc, _, honest, _ = province
    honest.vault.lock()
    out = _cli("enroll", "--data-dir", str(honest.folder), "--server", proc.url,
               "--code", "abc")
    assert out.returncode == 1
    assert "16" in out.stderr and "1A2B-3C4D-5E6F-7A8B" in out.stderr
    assert "version" not in out.stderr
    out = _cli("enroll", "--data-dir", str(honest.folder), "--server",
               "http://sync.example.ma", "--code", "1A2B-3C4D-5E6F-7A8B")
    assert out.returncode == 1
    assert "https://" in out.stderr and "certificat" not in out.stderr


# --- a stolen token ---------------------------------------------------------------------------


def test_after_a_stolen_token_is_revoked_the_laptop_re_enrolls_and_loses_nothing(province):
    proc, service, honest, other = province
    first = honest.store.persons.create({"name_lat": "Said Amrani"})
    honest.sync()
    token = honest.replica.sync_state()["token"]
    device_id = honest.replica.sync_state()["device_id"]
    # offline edits, pending
    pending = [honest.store.persons.create({"name_lat": f"Pending {n}"})["id"]
               for n in ("Un", "Deux", "Trois")]
    honest.store.persons.update(first["id"], {"nickname": "Sido"})
    # the thief, with a copy of the token, pushes under the laptop's next mutation ids
    mid = honest.store.last_mutation_id() - 3
    thief_client = sync_client.HttpClient(proc.url, token, retries=0)
    thief_client.push(PushRequest(tuple(
        Change(mid + i, "person", uuid7(), "create", {"province": "rabat", "deleted": 0,
                                                      "name_lat": f"Thief {i}"}, {}, _now_hlc())
        for i in range(4))))
    with pytest.raises(SyncError) as stuck:
        honest.sync()
    assert (stuck.value.kind, stuck.value.body["error"]) == (SyncErrorKind.CONFLICT,
                                                             "mutation_reused")
    # the administrator revokes the stolen identity and gives a new code
    service.revoke_device(device_id)
    sync_client.enroll(honest.replica, proc.url, service.issue_code("amina"), "again")
    report = honest.sync()
    assert honest.store.pending_count() == 0 and report.pushed == 4
    held = _server_records(service)
    for rid in pending:
        assert ("person", rid) in held
    assert held[("person", first["id"])]["nickname"] == "Sido"
    names = sorted(f["name_lat"] for (k, _), f in held.items() if k == "person")
    assert names.count("Said Amrani") == 1 and len([n for n in names if n.startswith(
        "Pending")]) == 3
    assert _sync_cli(other.folder) == 0


def test_a_device_name_with_control_characters_is_refused_before_the_code_is_used(province):
    proc, service, _, _ = province
    code = service.issue_code("karim")
    r = requests.post(proc.url + "/v1/enroll", json={"code": code, "device_name": "a\u0000b"},
                      timeout=10)
    assert (r.status_code, r.json()["error"]) == (422, "bad_request")
    answer = sync_client.HttpClient(proc.url).enroll(code, "laptop of Karim")
    assert answer["token"]  # the code was not used up by the refused request
