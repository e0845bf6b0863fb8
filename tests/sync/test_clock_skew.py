"""A laptop whose clock is wrong gets the same outcome as one on time.

The same scripted day of work (two laptops, concurrent edits of one field in both push
orders, edits of different fields, encounters met "now", patrols of "today") runs once with
both clocks right and once per skew of laptop A: -1 day, -1 hour, +1 hour, +1 day. The
server ends with the same values, the same conflict records, nothing rejected, nothing lost:
server order decides, never the clocks.

The skew is simulated without touching the system clock: laptop A's hybrid logical clock
reads a shifted wall clock, A's "now" and "today" come from it, and while A saves, the
store's ``date.today()`` answers A's date.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

import fieldapp.store.repository as repository
from fieldapp.domain import records
from sync.protocol import hlc_unpack
from sync.server.service import CLOCK_MARGIN, record_versions
from tests.helpers.server import Device, enrolled_device

PROVINCE = "rabat"
TEAM = "Équipe horloges Rabat"
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
SKEWS = {"-1 day": -DAY, "-1 hour": -HOUR, "+1 hour": HOUR, "+1 day": DAY}


class Laptop:
    """A laptop whose clock runs ``skew`` away from the true time."""

    def __init__(self, device: Device, skew: timedelta, user: str) -> None:
        # ``user``: the id the server gave the laptop's user (the author of its changes)
        self.device = device
        self.store = device.store
        self.skew = skew
        self.user = user
        shift_ms = int(skew.total_seconds() * 1000)
        self.store.clock._wall_ms = lambda: time.time_ns() // 1_000_000 + shift_ms

    def now(self) -> datetime:
        """The laptop's own idea of the local time (what the app stamps met_at with)."""
        return datetime.fromtimestamp(time.time() + self.skew.total_seconds()).replace(
            microsecond=0)

    def today(self) -> date:
        return self.now().date()

    @contextmanager
    def saving(self) -> Iterator[Any]:
        """While this laptop saves, "today" in the store is its own date."""
        if not self.skew:
            yield self.store
            return
        laptop = self

        class LaptopDate(date):
            @classmethod
            def today(cls) -> date:
                return laptop.today()

        real = repository.date
        repository.date = LaptopDate
        try:
            yield self.store
        finally:
            repository.date = real

    def sync(self) -> None:
        self.device.sync()


def normalised(kind: records.RecordKind, values: dict[str, Any]) -> dict[str, Any]:
    return {f.name: f.from_stored(values.get(f.name)) for f in kind.fields}


def laptop_records(device: Device) -> dict[tuple[str, str], dict[str, Any]]:
    out = {}
    for name, kind in records.KINDS.items():
        cols = kind.field_names
        for row in device.store.conn.execute(
                f"SELECT id, {', '.join(cols)} FROM {kind.table} ORDER BY id"):
            out[(name, row[0])] = normalised(kind, dict(zip(cols, row[1:], strict=True)))
    return out


def server_rows(service) -> list[tuple[str, str, int, int, dict[str, Any], dict[str, Any]]]:
    """(kind, id, version, hlc, fields, versions) of every record of the province."""
    with service.db.read() as tx:
        rows = tx.all("SELECT kind, id, version, hlc, fields, versions FROM records "
                      "WHERE province = ? ORDER BY version", (PROVINCE,))
    return [(k, i, int(v), int(h), json.loads(f), record_versions(vs, json.loads(f), int(v)))
            for k, i, v, h, f, vs in rows]


def enroll_pair(proc, service, folder, run: str, skew: timedelta) -> tuple[Laptop, Laptop]:
    laptops = []
    for who, shift in (("a", skew), ("b", timedelta(0))):
        user = f"{who}_{run}"
        user_id = service.create_user(user, "supervisor", team=TEAM)
        device = enrolled_device(folder / run / who, proc, service, user, PROVINCE)
        laptops.append(Laptop(device, shift, user_id))
    return laptops[0], laptops[1]


def scripted_day(proc, service, folder, run: str, skew: timedelta) -> dict[str, Any]:
    """Laptop A (clock off by ``skew``) and laptop B (on time) work and sync; returns the
    outcome on the server, with ids replaced by labels and the dates each laptop stamped
    (checked to be kept exactly as written) replaced by placeholders."""
    a, b = enroll_pair(proc, service, folder, run, skew)
    ids: dict[str, str] = {}
    stamped: dict[tuple[str, str], str] = {}  # (label, field) -> what the laptop wrote
    try:
        with a.saving() as store:
            ids["P1"] = store.persons.create({"name_lat": "Said Alami", "nickname": "Sido"})["id"]
            first_hlc = store.outbox()[0]["hlc"]
            t1 = {"date": a.today().isoformat(), "team": "Équipe A",
                  "started_at": (a.now() - timedelta(minutes=30)).isoformat()}
            ids["T1"] = store.patrols.create(t1)["id"]
            e1 = {"patrol_id": ids["T1"], "person_id": ids["P1"],
                  "met_at": a.now().isoformat(), "orientation": "none"}
            ids["E1"] = store.encounters.create(e1)["id"]
        stamped.update({("T1", "date"): t1["date"], ("T1", "started_at"): t1["started_at"],
                        ("E1", "met_at"): e1["met_at"]})
        with b.saving() as store:
            ids["P2"] = store.persons.create({"name_ar": "خديجة", "approx_age": 30})["id"]
            t2 = {"date": b.today().isoformat(), "team": "Équipe B"}
            ids["T2"] = store.patrols.create(t2)["id"]
            e2 = {"patrol_id": ids["T2"], "person_id": ids["P2"],
                  "met_at": b.now().isoformat(), "orientation": "none",
                  "services": ["meal"]}
            ids["E2"] = store.encounters.create(e2)["id"]
        stamped.update({("T2", "date"): t2["date"], ("E2", "met_at"): e2["met_at"]})
        a.sync(), b.sync(), a.sync()

        # round 1, A pushes first: concurrent edits of P1's nickname (B's, pushed later,
        # wins); edits of different fields merge; one value written on both sides is no
        # conflict
        with a.saving() as store:
            store.persons.update(ids["P1"], {"nickname": "Sidou"})
            store.persons.update(ids["P1"], {"description": "Veste rouge"})
            store.patrols.update(ids["T1"], {"notes": "Fin de tournée à la gare"})
            e3 = {"person_id": ids["P2"], "met_at": a.now().isoformat(),
                  "orientation": "none", "notes": "Revue"}
            ids["E3"] = store.encounters.create(e3)["id"]
        stamped[("E3", "met_at")] = e3["met_at"]
        with b.saving() as store:
            store.persons.update(ids["P1"], {"nickname": "Saidou", "sex": "male"})
            store.persons.update(ids["P1"], {"description": "Veste rouge"})
            store.encounters.update(ids["E2"], {"notes": "Accepte un repas"})
        a.sync(), b.sync(), a.sync()

        # round 2, B pushes first: concurrent edits of P2's age (A's, pushed later, wins)
        with b.saving() as store:
            store.persons.update(ids["P2"], {"approx_age": 31})
        with a.saving() as store:
            store.persons.update(ids["P2"], {"approx_age": 32, "notes": "Vue au marché"})
        b.sync(), a.sync(), b.sync()

        # round 3, after both clocks have seen each other's stamps
        with b.saving() as store:
            store.persons.update(ids["P2"], {"nickname": "Hajja"})
            store.encounters.update(ids["E2"], {"deleted": True})
        with a.saving() as store:
            store.persons.update(ids["P2"], {"nickname": "Lhajja"})
        b.sync(), a.sync(), b.sync(), a.sync()

        for laptop in (a, b):  # nothing refused, nothing left to send
            assert laptop.device.replica.rejections() == [], (run, laptop.user)
            assert laptop.store.pending_count() == 0, (run, laptop.user)
        rows = server_rows(service)
        # both laptops hold exactly the server's records (all kinds, every field)
        server = {(k, i): normalised(records.KINDS[k], f) for k, i, _, _, f, _ in rows}
        for laptop in (a, b):
            assert laptop_records(laptop.device) == server, (run, laptop.user)
        return outcome(rows, ids, stamped, {a.user: "A", b.user: "B"}, a, first_hlc)
    finally:
        a.device.vault.lock()
        b.device.vault.lock()


def outcome(rows, ids: dict[str, str], stamped: dict[tuple[str, str], str],
            users: dict[str, str], a: Laptop, first_hlc: int) -> dict[str, Any]:
    label = {rid: name for name, rid in ids.items()}
    values: dict[str, dict[str, Any]] = {}
    conflicts = []
    feed = []  # the script's records in the server's order (version of their last change)
    for kind, rid, _, _, fields, _ in rows:
        if rid in label:
            name = label[rid]
            out = {}
            for f, v in fields.items():
                if (name, f) in stamped:
                    # a laptop's own date or time is kept exactly as it wrote it
                    assert v == stamped[(name, f)], (name, f, v, stamped[(name, f)])
                    v = f"<{name}.{f}>"
                elif isinstance(v, str) and v in label:
                    v = label[v]
                out[f] = v
            values[name] = out
            feed.append(name)
        elif kind == "conflict" and fields["record_id"] in label:
            conflicts.append((label[fields["record_id"]], fields["field"],
                              fields["kept_value"], users.get(fields["kept_author"]),
                              users.get(fields["winner_author"])))
    skew_ms = a.skew.total_seconds() * 1000
    return {"values": values, "conflicts": sorted(conflicts), "feed": feed,
            "a_clock_shift_ms": hlc_unpack(first_hlc)[0] - time.time() * 1000 - skew_ms}


def test_a_wrong_clock_changes_nothing(server, tmp_path):
    proc, service = server
    service.create_team(TEAM, f"province:{PROVINCE}")
    base = scripted_day(proc, service, tmp_path, "on_time", timedelta(0))

    # the run on time gives what the design says: server order decides each field, the
    # value that lost is kept, edits of different fields merge
    p1, p2 = base["values"]["P1"], base["values"]["P2"]
    assert (p1["nickname"], p1["sex"], p1["description"]) == ("Saidou", "male", "Veste rouge")
    assert (p2["approx_age"], p2["notes"], p2["nickname"]) == (32, "Vue au marché", "Lhajja")
    assert base["values"]["E2"]["deleted"] == 1
    assert base["values"]["T1"]["notes"] == "Fin de tournée à la gare"
    assert base["values"]["E3"]["person_id"] == "P2"
    assert base["conflicts"] == [("P1", "nickname", '"Sidou"', "A", "B"),
                                 ("P2", "approx_age", "31", "B", "A"),
                                 ("P2", "nickname", '"Hajja"', "B", "A")]
    assert sorted(base["values"]) == ["E1", "E2", "E3", "P1", "P2", "T1", "T2"]

    for name, skew in SKEWS.items():
        got = scripted_day(proc, service, tmp_path, name.replace(" ", "_").replace("+", "p")
                           .replace("-", "m"), skew)
        # the skew really was in A's clock (its first stamp is off by the skew) ...
        assert abs(got["a_clock_shift_ms"]) < 60_000, (name, got["a_clock_shift_ms"])
        # ... and changed nothing: same values, same conflicts, same server order
        assert got["values"] == base["values"], name
        assert got["conflicts"] == base["conflicts"], name
        assert got["feed"] == base["feed"], name


def test_server_accepts_a_date_a_day_ahead_and_orders_by_version(server, tmp_path):
    """A laptop a day ahead records an encounter "now" (tomorrow for the server): the
    server accepts it, and the laptop's later-stamped change still loses to a change
    pushed after it: order is the server's, never the clocks'."""
    proc, service = server
    service.create_team(TEAM, f"province:{PROVINCE}")
    a, b = enroll_pair(proc, service, tmp_path, "ahead", DAY)
    try:
        assert CLOCK_MARGIN >= DAY
        with a.saving() as store:
            met_at = a.now().isoformat()
            assert met_at[:10] > date.today().isoformat()  # the server's future
            enc = store.encounters.create({"anonymous": True, "met_at": met_at})
            person = store.persons.create({"name_lat": "Said Alami"})
        a.sync(), b.sync()  # B's clock now follows A's stamps, up to that moment
        with a.saving() as store:
            store.persons.update(person["id"], {"nickname": "Sidou"})  # stamped later ...
        with b.saving() as store:
            store.persons.update(person["id"], {"nickname": "Saidou"})
        a.sync(), b.sync(), a.sync()  # ... but pushed first: B's value wins
        assert a.device.replica.rejections() == [] == b.device.replica.rejections()
        rows = {rid: (fields, versions) for _, rid, _, _, fields, versions
                in server_rows(service)}
        assert rows[enc["id"]][0]["met_at"] == met_at
        assert b.store.encounters.get(enc["id"])["met_at"] == met_at
        for laptop in (a, b):
            assert laptop.store.persons.get(person["id"])["nickname"] == "Saidou"
        (conflict,) = [f for f, _ in rows.values() if f.get("record_id") == person["id"]]
        assert (conflict["kept_value"], conflict["kept_author"]) == ('"Sidou"', a.user)
        # the value that lost carries the later stamp; the versions put it first
        assert conflict["kept_hlc"] > conflict["winner_hlc"]
        assert conflict["kept_version"] < rows[person["id"]][1]["nickname"]
        # B pulled A's stamps from the future: its clock follows them, never goes back
        assert hlc_unpack(b.store.clock.last)[0] > time.time() * 1000 + 12 * 3600 * 1000
    finally:
        a.device.vault.lock()
        b.device.vault.lock()


def test_records_dated_by_another_clock_stay_editable(server, tmp_path):
    """A colleague's encounter met "tomorrow" by a laptop a day ahead, or a patrol of
    "today" seen by a laptop a day behind, can still get notes: the laptop only stamps
    the fields it changes, the server accepts the record (CLOCK_MARGIN)."""
    proc, service = server
    service.create_team(TEAM, f"province:{PROVINCE}")
    refused = []
    for run, skew in (("ahead", DAY), ("behind", -DAY)):
        a, b = enroll_pair(proc, service, tmp_path, run, skew)
        try:
            with a.saving() as store:
                enc = store.encounters.create({"anonymous": True,
                                               "met_at": a.now().isoformat()})
            with b.saving() as store:
                patrol = store.patrols.create({"date": b.today().isoformat(), "team": "B"})
            a.sync(), b.sync(), a.sync()
            for laptop, repo, rid in ((b, "encounters", enc["id"]),
                                      (a, "patrols", patrol["id"])):
                try:
                    with laptop.saving() as store:
                        getattr(store, repo).update(rid, {"notes": "Revu"})
                except repository.ValidationError as e:
                    refused.append((run, laptop.user, repo, str(e)))
            a.sync(), b.sync(), a.sync()
            assert a.device.replica.rejections() == [] == b.device.replica.rejections()
        finally:
            a.device.vault.lock()
            b.device.vault.lock()
    assert refused == []
