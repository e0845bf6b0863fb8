"""The server's data layer: one interface, two backends.

SQLite (the embedded default: a file in the server's data folder, nothing to install) and
PostgreSQL (production; several server instances may share one database). The SQL is written
once with ``?`` placeholders and portable statements; :class:`Database` adapts placeholders
and the few dialect differences. Every request runs in one transaction from :meth:`write` or
:meth:`read`; the server keeps no state between requests.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any, Protocol

# 2: a record's ``writers`` are stored as ``[[writer, …], {field: position}]`` (schema 1
# wrote ``{field: writer}``) and its ``versions`` name only the fields not written at the
# record's own version (schema 1 named every field); 2 reads rows of both, and a server of
# schema 1 refuses a database of schema 2.
# 3: the users each device speaks for (``device_users``), who created and who last changed
# each record (``records.created_by``/``updated_by``, user ids)
SCHEMA_VERSION = 3

_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS teams (
        id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, scope TEXT NOT NULL,
        created_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS users (
        id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, team_id TEXT,
        scope TEXT, created_at TEXT NOT NULL)""",
    # the users a device speaks for: who enrolled it, and the members of its vault who
    # joined with their own code or whom a centre head of the device added (removed_at:
    # the administrator took them off it; their key slot goes at the device's next sync)
    """CREATE TABLE IF NOT EXISTS device_users (
        device_id TEXT NOT NULL, user_id TEXT NOT NULL, added_at TEXT NOT NULL,
        added_by TEXT, removed_at TEXT, PRIMARY KEY (device_id, user_id))""",
    """CREATE TABLE IF NOT EXISTS enrollment_codes (
        code_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, scope TEXT NOT NULL,
        expires_at TEXT NOT NULL, used_at TEXT, device_id TEXT, created_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS devices (
        id TEXT PRIMARY KEY, user_id TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
        scope TEXT NOT NULL, name TEXT, enrolled_at TEXT NOT NULL, revoked_at TEXT,
        last_mutation_id BIGINT NOT NULL DEFAULT 0, last_seen_at TEXT, pull_cursor TEXT)""",
    """CREATE TABLE IF NOT EXISTS mutations (
        device_id TEXT NOT NULL, mutation_id BIGINT NOT NULL, digest TEXT NOT NULL,
        status TEXT NOT NULL, code TEXT, PRIMARY KEY (device_id, mutation_id))""",
    """CREATE TABLE IF NOT EXISTS counters (
        province TEXT PRIMARY KEY, version BIGINT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS records (
        kind TEXT NOT NULL, id TEXT NOT NULL, province TEXT NOT NULL, version BIGINT NOT NULL,
        fields TEXT NOT NULL, versions TEXT NOT NULL, writers TEXT NOT NULL,
        hlc BIGINT NOT NULL DEFAULT 0, device_id TEXT, PRIMARY KEY (kind, id))""",
    "CREATE UNIQUE INDEX IF NOT EXISTS records_feed ON records (province, version)",
    """CREATE TABLE IF NOT EXISTS rejections (
        device_id TEXT NOT NULL, mutation_id BIGINT NOT NULL, code TEXT NOT NULL,
        errors TEXT, at TEXT NOT NULL, PRIMARY KEY (device_id, mutation_id))""",
    """CREATE TABLE IF NOT EXISTS audit_log (
        at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT,
        detail TEXT)""",
]

# connections of one server process to PostgreSQL (at most), and as many requests worked on
# at once (sync.server.app): the others wait their turn in the event loop. A process runs
# Python one thread at a time, and a request spends most of its time in Python: more
# threads only wait for each other and for the connections (200 devices on 2 instances
# of a 2-core machine: p95 latency 0.7-0.9 s with 4, 1.0-1.2 s with 16, bench/load.py)
POOL_SIZE = int(os.environ.get("FIELDAPP_SERVER_POOL", "4"))

# columns added after schema 1: the last pull cursor handed to each device, and when the
# server last told a device to rebase (it lost what the device had sent); who created a
# record and who last changed it (user ids, schema 3)
_ADDED_COLUMNS = (("devices", "pull_cursor", "TEXT"), ("devices", "rebase_at", "BIGINT"),
                  ("records", "created_by", "TEXT"), ("records", "updated_by", "TEXT"))


class Cursor(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ...) -> Any: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...


# PostgreSQL types of the columns written with Tx.insert_many
_COLUMN_TYPES = {
    "records": {"kind": "text", "id": "text", "province": "text", "version": "bigint",
                "fields": "text", "versions": "text", "writers": "text", "hlc": "bigint",
                "device_id": "text", "created_by": "text", "updated_by": "text"},
    "mutations": {"device_id": "text", "mutation_id": "bigint", "digest": "text",
                  "status": "text", "code": "text"},
    "rejections": {"device_id": "text", "mutation_id": "bigint", "code": "text",
                   "errors": "text", "at": "text"},
}


class Tx:
    """One transaction: ``?`` placeholders everywhere, rows as tuples.

    ``pipelined`` (PostgreSQL): statements are sent without waiting for their answer until
    one is read (``one``, ``all``) or the transaction ends, so that statements whose
    answer is not needed go with the COMMIT in one round trip; ``rowcount`` is not known
    then."""

    def __init__(self, cursor: Any, postgres: bool, pipelined: bool = False) -> None:
        self._cursor = cursor
        self.postgres = postgres
        self.pipelined = pipelined

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Tx:
        if self.postgres:
            sql = sql.replace("?", "%s")
        self._cursor.execute(sql, tuple(params))
        return self

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if self.postgres:
            sql = sql.replace("?", "%s")
        self._cursor.executemany(sql, [tuple(r) for r in rows])

    def insert_many(self, table: str, columns: Sequence[str],
                    rows: Sequence[Sequence[Any]]) -> None:
        """Insert ``rows``: on PostgreSQL with one statement (a column of values each,
        where an INSERT per row costs a round trip each), on SQLite with one prepared
        INSERT."""
        if not rows:
            return
        if self.postgres:
            types = _COLUMN_TYPES[table]
            # %b: the columns go as binary arrays (as text, each item would be escaped
            # by a regular expression, item by item)
            self._cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM unnest("
                + ", ".join(f"%b::{types[c]}[]" for c in columns) + ")",
                [list(column) for column in zip(*rows, strict=True)])
            return
        self._cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) "
                                 f"VALUES ({', '.join('?' * len(columns))})",
                                 [tuple(r) for r in rows])

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.execute(sql, params)._cursor.fetchone()

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return list(self.execute(sql, params)._cursor.fetchall())

    @property
    def rowcount(self) -> int:
        assert not self.pipelined, "not known before the answer"
        return int(self._cursor.rowcount)

    def for_update(self) -> str:
        """Row-lock suffix: PostgreSQL locks rows; SQLite's write transaction locks all."""
        return " FOR UPDATE" if self.postgres else ""


class Database:
    """A connection source for one backend. ``url``: a path or ``sqlite:///path`` for
    SQLite, ``postgresql://…`` for PostgreSQL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.postgres = url.startswith(("postgresql://", "postgres://"))
        self._local = threading.local()
        if self.postgres:
            from psycopg_pool import ConnectionPool

            self._pool = ConnectionPool(url, min_size=1, max_size=POOL_SIZE, open=True,
                                        kwargs={"autocommit": False})
        else:
            path = url.removeprefix("sqlite:///").removeprefix("sqlite://")
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._path = path
        self.init_schema()

    def _sqlite(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self._path, isolation_level=None, timeout=30,
                                   check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA busy_timeout = 30000")
            self._local.conn = conn
        return conn

    @contextmanager
    def held(self) -> Iterator[None]:
        """Every transaction and statement of the block (in this thread) on one connection
        of the pool: taken once, not once each."""
        if not self.postgres or getattr(self._local, "held", None) is not None:
            yield
            return
        with self._pool.connection() as pg:
            self._local.held = pg
            try:
                yield
            finally:
                self._local.held = None

    def _connection(self) -> AbstractContextManager[Any]:
        held = getattr(self._local, "held", None)
        return nullcontext(held) if held is not None else self._pool.connection()

    @contextmanager
    def write(self, pipelined: bool = False) -> Iterator[Tx]:
        """A write transaction. On SQLite it takes the write lock at once (so version
        numbers are handed out in commit order); on PostgreSQL, rows are locked as read
        with ``FOR UPDATE`` and the province counter row serialises pushes of a province.
        ``pipelined``: see :class:`Tx` (PostgreSQL; nothing changes on SQLite)."""
        if self.postgres:
            with self._connection() as pg:
                pg.isolation_level, pg.read_only = None, False  # READ COMMITTED
                if pipelined:
                    # the pipeline is left after the COMMIT: what was not read yet goes
                    # with it
                    with pg.pipeline(), pg.transaction(), pg.cursor() as cur:
                        yield Tx(cur, True, pipelined=True)
                else:
                    with pg.transaction(), pg.cursor() as cur:
                        yield Tx(cur, True)
            return
        conn = self._sqlite()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield Tx(conn.cursor(), False)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    @contextmanager
    def read(self) -> Iterator[Tx]:
        """A read transaction over one consistent snapshot."""
        if self.postgres:
            from psycopg import IsolationLevel

            with self._connection() as pg:
                # said in the BEGIN itself, which goes with the first statement
                pg.isolation_level, pg.read_only = IsolationLevel.REPEATABLE_READ, True
                with pg.pipeline(), pg.transaction(), pg.cursor() as cur:
                    yield Tx(cur, True, pipelined=True)
            return
        conn = self._sqlite()
        conn.execute("BEGIN")
        try:
            yield Tx(conn.cursor(), False)
        finally:
            conn.execute("COMMIT")

    @contextmanager
    def statement(self) -> Iterator[Tx]:
        """For one statement that needs no transaction around it (a read of one row, an
        update of one row): it runs, and commits, alone, in one round trip."""
        if self.postgres:
            with self._connection() as pg:
                pg.autocommit = True
                try:
                    with pg.cursor() as cur:
                        yield Tx(cur, True)
                finally:
                    pg.autocommit = False
            return
        yield Tx(self._sqlite().cursor(), False)  # isolation_level None: autocommit

    def init_schema(self) -> None:
        with self.write() as tx:
            if tx.postgres:
                # several instances starting at once: one creates the schema, others wait
                tx.execute("SELECT pg_advisory_xact_lock(4242)")
            for statement in _SCHEMA:
                tx.execute(statement)
            for table, column, sql_type in _ADDED_COLUMNS:
                if tx.postgres:
                    tx.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} "
                               f"{sql_type}")
                elif column not in {r[1] for r in tx.all(f"PRAGMA table_info({table})")}:
                    tx.execute(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}")
            # devices enrolled before schema 3 speak for the user who enrolled them
            tx.execute("INSERT INTO device_users (device_id, user_id, added_at) "
                       "SELECT d.id, d.user_id, d.enrolled_at FROM devices d WHERE NOT EXISTS "
                       "(SELECT 1 FROM device_users u WHERE u.device_id = d.id)")
            row = tx.one("SELECT value FROM meta WHERE key = 'schema'")
            if row is None:
                tx.execute("INSERT INTO meta (key, value) VALUES ('schema', ?)",
                           (str(SCHEMA_VERSION),))
            elif int(row[0]) > SCHEMA_VERSION:
                raise RuntimeError(f"database schema {row[0]} is newer than this server")
            elif int(row[0]) < SCHEMA_VERSION:
                tx.execute("UPDATE meta SET value = ? WHERE key = 'schema'",
                           (str(SCHEMA_VERSION),))

    def close(self) -> None:
        if self.postgres:
            self._pool.close()
        else:
            conn = getattr(self._local, "conn", None)
            if conn is not None:
                conn.close()
                self._local.conn = None
