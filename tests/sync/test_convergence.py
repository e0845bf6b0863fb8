"""Convergence of many laptops through one real server, as a hypothesis state machine.

Two to four laptops of the Rabat team create persons, edit them (also two laptops the same
field at once), delete them, sync, lose the connection between push and pull, and get cut
off from the network for a few syncs while they keep working. A model follows what the
server must hold: server order decides each field; when a laptop overwrote a value it had
not seen, a conflict record keeps it. At the end every laptop syncs twice, all connected,
and then:

- every laptop holds exactly the server's records, every field of every kind;
- every person created exists once, with the field values server order gives;
- no acknowledged edit is lost: it is the current value, or the value kept by a conflict
  record, or it was replaced by someone who had seen it;
- nothing is left to send and nothing was rejected.

One server process per test (SQLite, and PostgreSQL when it answers); every hypothesis
example enrols new users and new laptops, so examples never share records they edit. They
do share the province feed: a new laptop first pulls the records of earlier examples, and
the final comparison covers them too.

Replay a failure with the seed printed in its message: ``FIELDAPP_SEED=<seed>``. More and
longer runs: ``FIELDAPP_STRESS=1``.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import socket
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, seed, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)

from fieldapp.domain import records
from fieldapp.domain.records import PERSON
from sync import client as sync_client
from sync.client import HttpClient
from sync.protocol import MAX_BATCH, PullRequest, PullResponse, SyncError, SyncErrorKind
from tests.helpers.server import Device, enrolled_device

STRESS = bool(os.environ.get("FIELDAPP_STRESS"))
SEED = int(os.environ.get("FIELDAPP_SEED") or random.randrange(2**32))
REPLAY = f"[seed {SEED}: replay with FIELDAPP_SEED={SEED}]"

SETTINGS = settings(
    max_examples=60 if STRESS else 15,
    stateful_step_count=40 if STRESS else 25,
    deadline=None,
    database=None,  # the seed replays a run; no example files in the project
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

NAMES_LAT = ("Mohamed Benali", "Said Alami", "Fatima Zahra", "Youssef El Idrissi", "Khadija")
NAMES_AR = ("محمد بن علي", "سعيد العلمي", "فاطمة الزهراء", "يوسف الإدريسي", "خديجة")
# small pools: equal concurrent values (no conflict) happen as often as different ones
VALUES: dict[str, st.SearchStrategy[Any]] = {
    "nickname": st.sampled_from([None, "Hamid", "Sido", "Saidou", "حميد"]),
    "approx_age": st.sampled_from([None, 12, 17, 41, 65]),
    "notes": st.sampled_from([None, "Vu près de la gare", "يحتاج إلى فحص طبي",
                              "Refuse le centre\nrevoir demain"]),
    "description": st.sampled_from([None, "Veste rouge", "لحية بيضاء"]),
    "sex": st.sampled_from([None, "male", "female"]),
    "flags": st.lists(st.sampled_from(["minor", "migrant", "elderly", "mental_health"]),
                      unique=True, max_size=3),
}
EDIT_FIELDS = tuple(VALUES)
PROVINCE = "rabat"
TEAM = "Équipe convergence Rabat"
_cins = itertools.count(1)


class DropsAfterPush(HttpClient):
    """The real server gets the push; the connection drops before the pull."""

    def pull(self, request: PullRequest) -> PullResponse:
        raise SyncError(SyncErrorKind.NETWORK, "ConnectionError")


def stored(name: str, value: Any) -> Any:
    """The stored shape of a value the app would save for this person field."""
    return PERSON.by_name[name].to_stored(PERSON.clean({name: value})[name])


def normalised(kind: records.RecordKind, values: dict[str, Any]) -> dict[str, Any]:
    """Every field of a record in Python shape: 0/1 and true/false, JSON text and lists,
    missing and NULL compare equal when they mean the same."""
    return {f.name: f.from_stored(values.get(f.name)) for f in kind.fields}


def client_records(device: Device) -> dict[tuple[str, str], dict[str, Any]]:
    out = {}
    for name, kind in records.KINDS.items():
        cols = kind.field_names
        for row in device.store.conn.execute(
                f"SELECT id, {', '.join(cols)} FROM {kind.table} ORDER BY id"):
            assert (name, row[0]) not in out, f"{name} {row[0]} twice on a laptop {REPLAY}"
            out[(name, row[0])] = normalised(kind, dict(zip(cols, row[1:], strict=True)))
    return out


def server_records(service) -> dict[tuple[str, str], dict[str, Any]]:
    with service.db.read() as tx:
        rows = tx.all("SELECT kind, id, fields FROM records WHERE province = ?", (PROVINCE,))
    out = {}
    for kind, rid, fields in rows:
        assert (kind, rid) not in out, f"record {kind} {rid} twice on the server {REPLAY}"
        out[(kind, rid)] = normalised(records.KINDS[kind], json.loads(fields))
    return out


def differences(a: dict, b: dict, limit: int = 5) -> list[str]:
    out = [f"only on one side: {k}" for k in sorted(set(a) ^ set(b))[:limit]]
    for k in sorted(set(a) & set(b)):
        if a[k] != b[k] and len(out) < limit:
            diff = {f: (a[k][f], b[k][f]) for f in a[k] if a[k][f] != b[k][f]}
            out.append(f"{k}: {diff}")
    return out


# --- the model --------------------------------------------------------------------------------


@dataclass
class Write:
    """One value a user saved (a field of a create, or an edit)."""

    device: int
    record_id: str
    field: str
    value: Any  # stored shape
    acked: bool = False
    fate: str | None = None  # None: current; "conflict": kept by one; "replaced": knowingly


@dataclass
class FieldState:
    value: Any
    ver: int
    device_id: str
    writes: list[int]  # the writes whose value this is


@dataclass
class Pending:
    record_id: str
    fields: dict[str, Any]  # stored shape
    base: dict[str, int]
    writes: dict[str, int]


@dataclass
class Laptop:
    index: int
    device: Device
    device_id: str
    local: dict[tuple[str, str], Any] = field(default_factory=dict)  # what the laptop shows
    base: dict[tuple[str, str], int] = field(default_factory=dict)  # versions it last pulled
    known: set[str] = field(default_factory=set)
    pending: list[Pending] = field(default_factory=list)
    cut: int = 0  # how many more syncs fail

    def live(self) -> list[str]:
        return sorted(r for r in self.known if not self.local[(r, "deleted")])


class Context:
    """What every example shares: one server, a refused port, a folder."""

    def __init__(self, proc, service, folder, closed_port: int) -> None:
        self.proc, self.service, self.folder = proc, service, folder
        self.closed_port = closed_port
        self.examples = itertools.count(1)
        self.devices_seen = 0
        service.create_team(TEAM, f"province:{PROVINCE}")


class ConvergenceMachine(RuleBasedStateMachine):
    ctx: Context  # set on a subclass per test

    def __init__(self) -> None:
        super().__init__()
        self.example = next(self.ctx.examples)
        self.laptops: list[Laptop] = []
        self.server: dict[tuple[str, str], FieldState] = {}
        self.ver = 0
        self.writes: list[Write] = []
        self.created: dict[str, str] = {}  # person id -> its unique CIN
        self.conflicts: Counter[tuple] = Counter()  # expected conflict records
        self.step_ok = True

    def _fail(self, message: str) -> str:
        return f"{message} (example {self.example}) {REPLAY}"

    # --- steps -------------------------------------------------------------------------

    @initialize(count=st.integers(2, 4), first=st.lists(st.sampled_from(NAMES_LAT),
                                                         min_size=1, max_size=3))
    def enroll(self, count: int, first: list[str]) -> None:
        """New laptops; the first one records a few persons and everyone syncs, so that
        the laptops start with records in common."""
        self.step_ok = False
        tag = uuid.uuid4().hex[:6]
        for i in range(count):
            user = f"conv{self.example}_{i}_{tag}"
            self.ctx.service.create_user(user, "supervisor", team=TEAM)
            device = enrolled_device(self.ctx.folder / f"ex{self.example}_{tag}" / f"l{i}",
                                     self.ctx.proc, self.ctx.service, user, PROVINCE)
            self.laptops.append(Laptop(i, device, device.replica.sync_state()["device_id"]))
            self.ctx.devices_seen += 1
        for name in first:
            self._create(self.laptops[0], {"name_lat": name, "name_ar": None,
                                           "nickname": None})
        for lap in self.laptops:
            self._sync(lap)
        self.step_ok = True

    def _laptop(self, data: st.DataObject, with_records: bool = False) -> Laptop:
        choices = [lap for lap in self.laptops if lap.live()] if with_records else self.laptops
        return self.laptops[data.draw(st.sampled_from([lap.index for lap in choices]),
                                      label="laptop")]

    @rule(data=st.data(), name_lat=st.sampled_from((None, *NAMES_LAT)),
          name_ar=st.sampled_from(NAMES_AR), nickname=VALUES["nickname"])
    def create_person(self, data, name_lat, name_ar, nickname) -> None:
        self.step_ok = False
        lap = self._laptop(data)
        both = name_lat is None or data.draw(st.booleans(), label="both scripts")
        self._create(lap, {"name_lat": name_lat, "name_ar": name_ar if both else None,
                           "nickname": nickname})
        self.step_ok = True

    def _create(self, lap: Laptop, values: dict[str, Any]) -> None:
        cin = f"Q{next(_cins):06d}"  # unique: a duplicated person would show twice
        values = {**values, "cin": cin}
        rec, errors = PERSON.prepare({**values, "province": PROVINCE})
        assert not errors
        expected = PERSON.to_stored(rec)
        rid = lap.device.store.persons.create(values)["id"]
        assert lap.device.store.persons.stored_fields(rid) == expected, self._fail("saved")
        writes = {}
        for name, value in values.items():
            if value is not None:
                writes[name] = len(self.writes)
                self.writes.append(Write(lap.index, rid, name, expected[name]))
        lap.pending.append(Pending(rid, expected, {}, writes))
        lap.known.add(rid)
        lap.local.update({(rid, n): v for n, v in expected.items()})
        self.created[rid] = cin

    def _edit(self, lap: Laptop, rid: str, name: str, value: Any) -> None:
        new = stored(name, value)
        store = lap.device.store
        before = store.last_mutation_id()
        store.persons.update(rid, {name: value})
        wrote = store.last_mutation_id() > before
        # the app writes (and sends) only what changed on the laptop
        assert wrote == (lap.local[(rid, name)] != new), self._fail(
            f"laptop {lap.index} {rid} {name}: {lap.local[(rid, name)]!r} -> {new!r}, "
            f"wrote={wrote}")
        if wrote:
            w = len(self.writes)
            self.writes.append(Write(lap.index, rid, name, new))
            lap.pending.append(Pending(rid, {name: new}, {name: lap.base.get((rid, name), 0)},
                                       {name: w}))
            lap.local[(rid, name)] = new

    @precondition(lambda self: any(lap.live() for lap in self.laptops))
    @rule(data=st.data(), name=st.sampled_from(EDIT_FIELDS))
    def edit(self, data, name) -> None:
        self.step_ok = False
        lap = self._laptop(data, with_records=True)
        rid = data.draw(st.sampled_from(lap.live()), label="record")
        self._edit(lap, rid, name, data.draw(VALUES[name], label="value"))
        self.step_ok = True

    def _shared(self) -> list[str]:
        """Records two laptops or more show (not deleted)."""
        seen = Counter(r for lap in self.laptops for r in lap.live())
        return sorted(r for r, n in seen.items() if n > 1)

    @precondition(lambda self: self._shared())
    @rule(data=st.data(), name=st.sampled_from(EDIT_FIELDS))
    def concurrent_edit(self, data, name) -> None:
        """Two laptops edit one field of one record, each unaware of the other."""
        self.step_ok = False
        rid = data.draw(st.sampled_from(self._shared()), label="record")
        laps = [lap for lap in self.laptops if rid in lap.live()]
        for i in data.draw(st.permutations([lap.index for lap in laps]), label="laptops")[:2]:
            self._edit(self.laptops[i], rid, name, data.draw(VALUES[name], label="value"))
        self.step_ok = True

    @precondition(lambda self: any(lap.live() for lap in self.laptops))
    @rule(data=st.data())
    def delete(self, data) -> None:
        self.step_ok = False
        lap = self._laptop(data, with_records=True)
        rid = data.draw(st.sampled_from(lap.live()), label="record")
        self._edit(lap, rid, "deleted", True)
        self.step_ok = True

    @rule(data=st.data(), syncs=st.integers(1, 3))
    def cut_off(self, data, syncs) -> None:
        """The laptop loses the network for its next few syncs (it keeps working)."""
        self._laptop(data).cut = syncs

    @rule(data=st.data())
    def sync(self, data) -> None:
        self.step_ok = False
        self._sync(self._laptop(data))
        self.step_ok = True

    @rule(data=st.data())
    def sync_interrupted(self, data) -> None:
        """The connection drops after the push: the server has the edits, the laptop has
        not pulled (its next edits are based on what it saw before)."""
        self.step_ok = False
        lap = self._laptop(data)
        if lap.cut:
            self._sync(lap)
        else:
            state = lap.device.replica.sync_state()
            client = DropsAfterPush(state["url"], state["token"], retries=0)
            try:
                with pytest.raises(SyncError) as e:
                    sync_client.sync(lap.device.replica, client=client)
            finally:
                client.session.close()
            assert e.value.kind is SyncErrorKind.NETWORK, self._fail(str(e.value))
            assert lap.device.store.pending_count() == 0, self._fail("push not acknowledged")
            for change in lap.pending:
                self._apply(lap, change)
            lap.pending = []
        self.step_ok = True

    def _sync(self, lap: Laptop) -> None:
        store = lap.device.store
        if lap.cut:
            lap.cut -= 1
            pending = store.pending_count()
            token = lap.device.replica.sync_state()["token"]
            offline = HttpClient(f"http://127.0.0.1:{self.ctx.closed_port}", token, retries=0)
            try:
                with pytest.raises(SyncError) as e:
                    sync_client.sync(lap.device.replica, client=offline)
            finally:
                offline.session.close()
            assert e.value.kind is SyncErrorKind.NETWORK, self._fail(str(e.value))
            assert store.pending_count() == pending, self._fail("offline sync lost edits")
            return
        report = lap.device.sync()
        assert report.rejected == 0 and not lap.device.replica.rejections(), self._fail(
            f"laptop {lap.index}: rejected {lap.device.replica.rejections()}")
        assert store.pending_count() == 0, self._fail(f"laptop {lap.index}: outbox not empty")
        for change in lap.pending:  # the server applied them in order
            self._apply(lap, change)
        lap.pending = []
        # the laptop now shows the server's state of every record of this example
        lap.known = {rid for rid, _ in self.server}
        lap.local = {key: s.value for key, s in self.server.items()}
        lap.base = {key: s.ver for key, s in self.server.items()}
        ids = sorted(lap.known)
        rows = store.conn.execute(
            f"SELECT id, {', '.join(PERSON.field_names)} FROM persons "
            f"WHERE id IN ({', '.join('?' * len(ids))})", ids).fetchall()
        shown = {(row[0], n): v for row in rows
                 for n, v in zip(PERSON.field_names, row[1:], strict=True)}
        wrong = sorted((k, shown.get(k), v) for k, v in lap.local.items() if shown.get(k) != v)
        assert not wrong, self._fail(f"laptop {lap.index} after its sync shows "
                                     f"(record/field, shown, server order gives): {wrong[:5]}")

    def _apply(self, lap: Laptop, change: Pending) -> None:
        """The merge rule of the design, in server order."""
        ver = None
        for name, value in change.fields.items():
            key = (change.record_id, name)
            w = change.writes.get(name)
            ws = [w] if w is not None else []
            if w is not None:
                self.writes[w].acked = True
            current = self.server.get(key)
            if current is not None and current.value == value:
                current.writes += ws
                continue
            ver = ver or self.ver + 1
            if current is not None:
                seen = current.ver <= change.base.get(name, 0)
                own = current.device_id == lap.device_id
                kept = (change.record_id, name, json.dumps(current.value, ensure_ascii=False),
                        current.device_id, lap.device_id)
                if not seen and not own:
                    self.conflicts[kept] += 1
                for i in current.writes:
                    self.writes[i].fate = "conflict" if not (seen or own) else "replaced"
            self.server[key] = FieldState(value, ver, lap.device_id, ws)
        if ver is not None:
            self.ver = ver

    # --- the end ------------------------------------------------------------------------

    def teardown(self) -> None:
        try:
            if self.step_ok and self.laptops:
                for lap in self.laptops:
                    lap.cut = 0
                for _ in range(2):
                    for lap in self.laptops:
                        self._sync(lap)
                self._check_converged()
        finally:
            for lap in self.laptops:
                lap.device.vault.lock()

    def _check_converged(self) -> None:
        server = server_records(self.ctx.service)
        # every laptop holds exactly the server's records (all kinds, every field), so the
        # laptops hold the same as each other
        for lap in self.laptops:
            assert lap.device.store.pending_count() == 0, self._fail("outbox not empty")
            assert not lap.device.replica.rejections(), self._fail("rejections")
            mine = client_records(lap.device)
            diff = differences(mine, server)
            assert not diff, self._fail(f"laptop {lap.index} differs from the server: {diff}")

        # every person created is there once (its unique CIN appears once), nothing else
        persons = {rid: v for (kind, rid), v in server.items() if kind == "person"}
        by_cin = Counter(v["cin"] for v in persons.values())
        for rid, cin in self.created.items():
            assert rid in persons, self._fail(f"person {rid} lost")
            assert by_cin[cin] == 1, self._fail(f"person {cin} appears {by_cin[cin]} times")

        # every field holds the value server order gives
        for (rid, name), state in self.server.items():
            f = PERSON.by_name[name]
            assert persons[rid][name] == f.from_stored(state.value), self._fail(
                f"{rid} {name}: {persons[rid][name]!r}, server order gives "
                f"{f.from_stored(state.value)!r}")

        # a conflict record for each value overwritten by a laptop that had not seen it,
        # and no other (a laptop's own earlier value, replaced by its next edit, is not one)
        found = Counter(
            (v["record_id"], v["field"], v["kept_value"], v["kept_device"], v["winner_device"])
            for (kind, _), v in server.items()
            if kind == "conflict" and v["record_id"] in self.created)
        assert found == self.conflicts, self._fail(
            f"conflict records: missing {list((self.conflicts - found).elements())[:3]}, "
            f"unexpected {list((found - self.conflicts).elements())[:3]}")

        # no acknowledged edit is lost: current value, kept by a conflict record, or
        # replaced by someone who had seen it
        kept = {(v["record_id"], v["field"], v["kept_value"])
                for (kind, _), v in server.items() if kind == "conflict"}
        for w in self.writes:
            assert w.acked, self._fail(f"never acknowledged: {w}")
            if w.fate == "replaced":
                continue
            f = PERSON.by_name[w.field]
            current = persons[w.record_id][w.field] == f.from_stored(w.value)
            in_conflict = (w.record_id, w.field,
                           json.dumps(w.value, ensure_ascii=False)) in kept
            assert current or in_conflict, self._fail(
                f"edit lost: laptop {w.device} set {w.field} of {w.record_id} to {w.value!r}")


@pytest.fixture
def closed_port():
    """A port bound and not listening: connections are refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        yield s.getsockname()[1]


@pytest.mark.slow
def test_laptops_converge_with_the_server(server, closed_port, tmp_path):
    proc, service = server
    ctx = Context(proc, service, tmp_path, closed_port)
    machine = type("ConvergenceMachine", (ConvergenceMachine,), {"ctx": ctx})
    run_state_machine_as_test(seed(SEED)(machine), settings=SETTINGS)
    assert ctx.devices_seen >= 2, REPLAY


def test_sequential_edits_of_one_laptop_are_not_a_conflict(server, tmp_path):
    """Two edits of one field on one laptop between syncs are one user changing their mind,
    not two people disagreeing: no conflict record for a supervisor to review; also when
    the two edits reach the server in different pushes (a lost connection between them, or
    a backlog of more than one batch)."""
    proc, service = server
    service.create_team(TEAM, f"province:{PROVINCE}")
    service.create_user("amina", "supervisor", team=TEAM)
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    people = a.store.persons
    try:
        person = people.create({"name_lat": "Said Alami", "nickname": "Sido"})
        people.update(person["id"], {"nickname": "Saidou"})  # before any sync
        a.sync()
        people.update(person["id"], {"approx_age": 40})
        people.update(person["id"], {"approx_age": 41})  # a typo corrected
        a.sync()

        # pushed, then the connection drops before the pull; the next edit is based on
        # what the laptop saw before its push
        people.update(person["id"], {"notes": "Vu à la gare"})
        state = a.replica.sync_state()
        client = DropsAfterPush(state["url"], state["token"], retries=0)
        try:
            with pytest.raises(SyncError):
                sync_client.sync(a.replica, client=client)
        finally:
            client.session.close()
        assert a.store.pending_count() == 0
        people.update(person["id"], {"notes": "Vu à la gare, revoir lundi"})
        a.sync()

        # a backlog longer than one push: the two edits travel in different batches
        people.update(person["id"], {"description": "Veste rouge"})
        people.create_many([{"name_lat": "Karim Tazi"}] * MAX_BATCH)
        people.update(person["id"], {"description": "Veste bleue"})
        a.sync()
        a.sync()

        got = people.get(person["id"])
        assert (got["nickname"], got["approx_age"], got["notes"], got["description"]) == (
            "Saidou", 41, "Vu à la gare, revoir lundi", "Veste bleue")
        conflicts = a.store.conn.execute("SELECT field, kept_value FROM conflicts").fetchall()
        assert conflicts == []
    finally:
        a.vault.lock()
