"""The server restored from an older backup loses nothing in the end: the laptops still hold
what it lost and send it again (the operator ran ``admin new-epoch``, or forgot and the
laptops find out from a "gap" in their mutation ids). Afterwards every record and every edit
made before the restore is back on the server and on both laptops, once, and the laptops
equal the server.

SQLite: the database file is copied with the server stopped (WAL checkpointed first).
PostgreSQL: ``pg_dump -Fc`` / ``pg_restore --clean`` when the tools are installed.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.helpers.server import Device, ServerProcess, enrolled_device
from tests.sync.test_crash_sync import local_records, record_differences, server_records

ROOT = Path(__file__).resolve().parents[2]


def _major(tool: str) -> int:
    """The major version of a PostgreSQL client tool: 17 for "pg_restore (PostgreSQL) 17.6"."""
    out = subprocess.run([tool, "--version"], capture_output=True, text=True, timeout=30)
    match = re.search(r"\(PostgreSQL\)\s+(\d+)", out.stdout)
    assert match, f"{tool} --version: {out.stdout!r} {out.stderr!r}"
    return int(match.group(1))


def _tools_unfit_for(url: str) -> str | None:
    """Why the installed pg_dump/pg_restore cannot back up and restore the server at ``url``,
    or None. pg_dump refuses a server newer than itself; pg_restore writes settings of its own
    version (pg_restore 17: ``SET transaction_timeout``), which an older server refuses:
    PostgreSQL restores only into a server of the same version or newer. Debian installs the
    client of its own release (15 on Debian 12, 17 on Debian 13), so a Debian 13 machine
    testing against a PostgreSQL 15 server lands here; on a machine whose server is its own
    release's, the versions match."""
    import psycopg

    with psycopg.connect(url, connect_timeout=5) as conn:
        server = conn.info.server_version // 10000
    dump, restore = _major("pg_dump"), _major("pg_restore")
    if dump < server:
        return (f"pg_dump {dump} cannot dump the PostgreSQL {server} server: install the "
                f"client of the server's version (postgresql-client-{server})")
    if restore > server:
        return (f"pg_restore {restore} cannot restore into the older PostgreSQL {server} "
                f"server (it sets options that {server} does not know): this needs the "
                f"client of the server's version, postgresql-client-{server}, and Debian's "
                "archive carries only its own release's client")
    return None


class Backups:
    """Take a backup of the server's database and put it back, server stopped meanwhile."""

    def __init__(self, proc: ServerProcess, service, folder: Path) -> None:
        self.proc, self.service, self.folder = proc, service, folder
        self.url = proc.db_url
        self.postgres = self.url.startswith(("postgresql://", "postgres://"))
        self.file = folder / ("server.dump" if self.postgres else "server.db.bak")
        if self.postgres:
            missing = [t for t in ("pg_dump", "pg_restore") if not shutil.which(t)]
            if missing:  # packaging/setup.sh test installs them (postgresql-client)
                pytest.skip(f"{' and '.join(missing)} not installed: no PostgreSQL backup "
                            "(bash packaging/setup.sh test installs postgresql-client)")
            reason = _tools_unfit_for(self.url)
            if reason:
                pytest.skip(reason)

    def _run(self, *args: str) -> None:
        out = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert out.returncode == 0, f"{args[0]} failed: {out.stderr[-2000:]}"

    def _checkpoint(self) -> None:
        with closing(sqlite3.connect(self.url)) as conn:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0, "the WAL could not be checkpointed"

    def take(self) -> None:
        self.proc.stop()
        if self.postgres:
            self._run("pg_dump", "-Fc", "-f", str(self.file), "-d", self.url)
        else:
            self.service.db.close()  # this process's admin connection: reopened on use
            self._checkpoint()
            shutil.copy2(self.url, self.file)
            wal = Path(self.url + "-wal")
            if wal.exists() and wal.stat().st_size:  # empty after the checkpoint
                shutil.copy2(wal, str(self.file) + "-wal")
        self.proc.start()

    def restore(self, new_epoch: bool) -> None:
        self.proc.stop()
        if self.postgres:
            self._run("pg_restore", "--clean", "--if-exists", "--single-transaction", "-d",
                      self.url, str(self.file))
        else:
            self.service.db.close()
            self._checkpoint()
            for leftover in (Path(self.url + "-wal"), Path(self.url + "-shm")):
                leftover.unlink(missing_ok=True)
            shutil.copy2(self.file, self.url)
            if Path(str(self.file) + "-wal").exists():
                shutil.copy2(str(self.file) + "-wal", self.url + "-wal")
        if new_epoch:
            self._run(sys.executable, "-m", "sync.server", "--db", self.url, "admin",
                      "new-epoch")
        self.proc.start()


def values(records: dict, kinds: tuple[str, ...] = ("person", "shelter")) -> dict:
    return {k: r["fields"] for k, r in records.items() if k[0] in kinds}


def conflicts(records: dict) -> list[dict]:
    return [r["fields"] for k, r in records.items() if k[0] == "conflict"]


def work_before_and_after_backup(a: Device, b: Device, backups: Backups) -> dict:
    """Two laptops work, a backup is taken, they work more and sync (A, B, A: B has not
    seen A's last edits). Returns the server's records just before the restore."""
    pa = a.store.persons.create_many([{"nickname": f"A before {i}"} for i in range(5)])
    shelter = a.store.shelters.create({"name_fr": "Centre Al Amal", "capacity": 30})
    pb = b.store.persons.create_many([{"nickname": f"B before {i}"} for i in range(4)])
    a.store.persons.update(pa[0], {"description": "edited before the backup"})
    a.sync(), b.sync(), a.sync()
    backups.take()
    # everything from here on is lost by the restore, except what the laptops hold
    pa += a.store.persons.create_many([{"nickname": f"A after {i}"} for i in range(2)])
    a.store.persons.update(pa[1], {"description": "A after the backup"})
    a.store.persons.update(pb[0], {"notes": "A on B's record"})
    a.sync()
    pb += b.store.persons.create_many([{"nickname": "B after 0"}])
    b.store.persons.update(pa[2], {"nickname": "renamed by B"})
    b.store.persons.update(pb[1], {"description": "B after the backup"})
    b.store.persons.update(pa[1], {"notes": "B on A's record"})
    b.sync(), a.sync()
    a.store.persons.update(pb[2], {"nickname": "renamed by A"})
    a.store.persons.update(pb[4], {"description": "A on B's new record"})
    a.store.shelters.update(shelter["id"], {"capacity": 35})
    a.sync()
    truth = server_records(backups.service)
    assert not conflicts(truth)  # no edit was concurrent: none may appear later either
    return truth


def check_everything_back(truth: dict, devices: dict[str, Device], service) -> None:
    server = server_records(service)
    assert set(values(server)) == set(values(truth)), "records missing or duplicated"
    lost = [f"{k}.{n}: {v!r} became {values(server)[k].get(n)!r}"
            for k, fields in values(truth).items() for n, v in fields.items()
            if values(server)[k].get(n) != v]
    assert not lost, f"edits lost by the restore: {lost}"
    assert not conflicts(server), f"conflicts between edits that were not concurrent: " \
                                  f"{conflicts(server)}"
    for name, d in devices.items():
        assert d.store.pending_count() == 0, name
        problems = record_differences(local_records(d.store), server, versions=False)
        assert not problems, f"{name} differs from the server: {problems[:10]}"


@pytest.mark.parametrize("new_epoch", [True, False], ids=["new-epoch", "forgot-new-epoch"])
def test_restored_server_gets_everything_back(server, rabat_users, tmp_path, new_epoch):
    proc, service = server
    backups = Backups(proc, service, tmp_path)
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    b = enrolled_device(tmp_path / "b", proc, service, "youssef")
    truth = work_before_and_after_backup(a, b, backups)
    backups.restore(new_epoch)
    if not new_epoch:
        # the restored server forgot mutations both laptops had acknowledged; work goes on,
        # and the next push of each laptop meets a gap in its mutation ids
        for d, label in ((a, "A"), (b, "B")):
            token = d.replica.sync_state()["token"]
            acknowledged = d.store.last_mutation_id() - d.store.pending_count()
            assert service.status(token)["last_mutation_id"] < acknowledged
            rid = d.store.conn.execute("SELECT id FROM persons WHERE created_by = ? "
                                       "ORDER BY rowid DESC LIMIT 1",
                                       (d.store.author,)).fetchone()[0]  # one of its own
            d.store.persons.update(rid, {"notes": f"{label} after the restore"})
            truth[("person", rid)]["fields"]["notes"] = f"{label} after the restore"
    reports = []
    for d in (a, b, a, b):
        reports.append(d.sync())
    assert reports[0].rebased and reports[1].rebased
    check_everything_back(truth, {"a": a, "b": b}, service)


def test_edits_after_the_restore_reach_every_laptop(server, rabat_users, tmp_path):
    """The restored server hands out versions again from where the backup stood, lower
    than those the laptops saw before the restore: a later edit must still reach them."""
    proc, service = server
    backups = Backups(proc, service, tmp_path)
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    b = enrolled_device(tmp_path / "b", proc, service, "youssef")
    p = b.store.persons.create({"nickname": "Hamid"})
    b.sync(), a.sync()
    backups.take()
    # a busy day after the backup: many versions the restore will forget
    for i in range(60):
        b.store.persons.update(p["id"], {"notes": f"visit {i}"})
    b.sync(), a.sync()
    backups.restore(new_epoch=True)
    for d in (a, b, a, b):
        d.sync()
    assert a.store.persons.get(p["id"])["notes"] == "visit 59"
    # life goes on after the restore
    b.store.persons.update(p["id"], {"notes": "seen after the restore"})
    b.sync(), a.sync()
    server = server_records(service)
    assert server[("person", p["id"])]["fields"]["notes"] == "seen after the restore"
    for name, d in (("a", a), ("b", b)):
        assert d.store.persons.get(p["id"])["notes"] == "seen after the restore", name
        problems = record_differences(local_records(d.store), server)
        assert not problems, f"{name} differs from the server: {problems[:5]}"


def test_reading_laptop_catches_up_after_a_forgotten_new_epoch(server, rabat_users, tmp_path):
    """A laptop with nothing of its own to send (a supervisor reading) meets no gap when
    the operator forgot ``new-epoch``: it must still end equal to the server, although its
    pull cursor is ahead of the versions the restored server hands out again."""
    proc, service = server
    backups = Backups(proc, service, tmp_path)
    a = enrolled_device(tmp_path / "a", proc, service, "amina")
    b = enrolled_device(tmp_path / "b", proc, service, "youssef")
    s = enrolled_device(tmp_path / "s", proc, service, "super")
    before = a.store.persons.create_many([{"nickname": f"before {i}"} for i in range(3)])
    a.sync(), b.sync(), s.sync()
    backups.take()
    after = b.store.persons.create_many([{"nickname": f"after {i}"} for i in range(20)])
    b.sync(), s.sync()  # the supervisor's cursor passes versions the restore forgets
    backups.restore(new_epoch=False)
    # A works on (and meets the gap); B is away for a few days and comes back later
    a.store.persons.update(before[0], {"notes": "after the restore"})
    a.sync(), s.sync()
    b.store.persons.update(after[0], {"notes": "B is back"})
    for d in (b, a, s, b, a, s):
        d.sync()
    server = server_records(service)
    assert {rid for k, rid in server if k == "person"} == set(before + after)
    assert server[("person", before[0])]["fields"]["notes"] == "after the restore"
    for name, d in (("a", a), ("b", b), ("supervisor", s)):
        problems = record_differences(local_records(d.store), server, versions=False)
        assert not problems, f"{name} differs from the server: {problems[:5]}"
