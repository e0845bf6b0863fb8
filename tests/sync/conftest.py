"""Sync tests run against a real server process on 127.0.0.1, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.helpers.server import (
    ServerProcess,
    drop_postgres_database,
    fresh_postgres_database,
    open_service,
    postgres_available,
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request, tmp_path):
    """A database URL for the server: an SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "server.db")
        return
    reason = postgres_available()
    if reason:
        pytest.skip(reason)
    url, name = fresh_postgres_database()
    yield url
    drop_postgres_database(name)


@pytest.fixture
def server(backend):
    """(ServerProcess, Service on the same database for administration)."""
    db, service = open_service(backend)
    proc = ServerProcess(backend).start()
    yield proc, service
    proc.stop()
    db.close()


@pytest.fixture
def rabat_users(server):
    _, service = server
    service.create_team("Équipe mobile Rabat", "province:rabat")
    service.create_team("Équipe Fès", "province:fes")
    for name in ("amina", "youssef", "karim", "salma"):
        service.create_user(name, "supervisor", team="Équipe mobile Rabat")
    service.create_user("driss", "supervisor", team="Équipe Fès")
    service.create_user("super", "supervisor", scope="region:04")
    return service
