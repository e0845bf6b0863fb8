"""A real sync server process on 127.0.0.1 for tests, on SQLite or PostgreSQL, and devices
(vaults) enrolled with it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import requests

from fieldapp.store.replica import StoreReplica
from fieldapp.store.repository import Store
from fieldapp.store.vault import Vault
from sync import client as sync_client
from sync.server.service import Service
from sync.server.storage import Database
from tests.helpers.vaults import new_vault

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN_URL = os.environ.get("FIELDAPP_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def postgres_available() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as e:  # noqa: BLE001 - any failure means: skip, saying why
        return f"no PostgreSQL at {PG_ADMIN_URL}: {type(e).__name__}: {str(e)[:120]}"
    return None


def fresh_postgres_database() -> tuple[str, str]:
    """A new empty database; returns (url, name)."""
    import psycopg

    name = f"fieldapp_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}", name


def drop_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class ServerProcess:
    """``fieldapp-server serve`` in a subprocess; restartable, killable."""

    def __init__(self, db_url: str, port: int | None = None, rate: float = 1000.0,
                 guesses: float = 100_000.0) -> None:
        self.db_url = db_url
        self.port = port or free_port()
        self.rate = rate
        # tests enroll and probe with bad tokens from one address all day: the limit on
        # failed credentials is tested on its own (tests/sync/test_trust.py)
        self.guesses = guesses
        self.proc: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        return [sys.executable, "-m", "sync.server", "--db", self.db_url, "serve", "--port",
                str(self.port), "--rate", str(self.rate), "--guesses", str(self.guesses)]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        self.proc = subprocess.Popen(self.command(), cwd=ROOT, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(self.proc.stderr.read().decode() if self.proc.stderr else "")
            try:
                if requests.get(self.url + "/health", timeout=0.5).ok:
                    return self
            except requests.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc is not None and self.proc.stderr is not None:
            self.proc.stderr.close()
        self.proc = None

    def kill(self) -> None:
        """SIGKILL: the server dies mid-request, as on a power cut."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            if self.proc.stderr is not None:
                self.proc.stderr.close()
        self.proc = None


@dataclass
class Device:
    vault: Vault
    store: Store
    replica: StoreReplica
    folder: Path

    def sync(self, **kwargs: object) -> sync_client.SyncReport:
        return sync_client.sync(self.replica, **kwargs)  # type: ignore[arg-type]


def enrolled_device(folder: Path, server: ServerProcess, service: Service, user: str,
                    province: str = "rabat") -> Device:
    """A new vault whose user exists on the server, enrolled with a fresh code."""
    vault, store = new_vault(folder, province=province, user=user)
    code = service.issue_code(user)
    replica = StoreReplica(store)
    sync_client.enroll(replica, server.url, code, device_name=folder.name)
    return Device(vault, store, replica, folder)


def open_service(db_url: str) -> tuple[Database, Service]:
    db = Database(db_url)
    return db, Service(db)
