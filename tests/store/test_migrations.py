"""Each migration, tested from the previous version with data in it."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import sqlcipher3

from fieldapp.domain import records
from fieldapp.store import schema
from fieldapp.store.search import search_persons
from fieldapp.store.vault import Vault
from tests.helpers.vaults import PASSPHRASE, new_vault


def test_latest_schema_has_a_column_for_every_domain_field(store):
    for kind in records.KINDS.values():
        columns = set(store.db[kind.table].columns_dict)
        missing = set(kind.field_names) - columns
        assert not missing, f"{kind.table} lacks {missing}"


def test_v1_from_empty(tmp_path):
    conn = sqlcipher3.connect(str(tmp_path / "x.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    assert schema.migrate(conn, 1) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"device", "outbox", "persons", "encounters", "cases", "drafts"} <= tables


def test_v2_indexes_persons_written_at_v1(tmp_path):
    folder = tmp_path / "v"
    vault, store = new_vault(folder)
    store.persons.create({"name_ar": "فاطمة الزهراء", "name_lat": "Fatima Zahra"})
    conn = store.conn
    # take the vault back to version 1 as an older release left it
    undo_v5(conn)
    undo_v4(conn)
    undo_v3(conn)
    conn.execute("DROP TABLE person_search")
    conn.execute("PRAGMA user_version = 1")
    vault.lock()
    store = Vault(folder).unlock(PASSPHRASE)
    assert schema.version_of(store.conn) == schema.LATEST
    assert [p["name_lat"] for p in search_persons(store, "fatim")] == ["Fatima Zahra"]
    store.conn.close()


def undo_v3(conn):
    conn.execute("DROP TABLE conflicts")
    conn.execute("DROP TABLE sync_rejections")
    conn.execute("DROP INDEX outbox_record")


def test_v3_adds_sync_tables_to_a_v2_vault_with_pending_changes(tmp_path):
    folder = tmp_path / "v"
    vault, store = new_vault(folder)
    store.persons.create({"name_lat": "Said Alami"})
    undo_v5(store.conn)
    undo_v4(store.conn)
    undo_v3(store.conn)
    store.conn.execute("PRAGMA user_version = 2")
    vault.lock()
    store = Vault(folder).unlock(PASSPHRASE)
    assert schema.version_of(store.conn) == schema.LATEST
    assert store.conflicts.count() == 0
    assert [e["op"] for e in store.outbox()] == ["create"]
    plan = store.conn.execute("EXPLAIN QUERY PLAN SELECT * FROM outbox WHERE record_id = ?",
                              ("x",)).fetchall()
    assert "outbox_record" in str(plan)
    store.conn.close()


def undo_v4(conn):
    conn.execute("DROP TABLE non_duplicates")


def test_v4_adds_non_duplicates_to_a_v3_vault(tmp_path):
    folder = tmp_path / "v"
    vault, store = new_vault(folder)
    a = store.persons.create({"name_lat": "Said Alami"})["id"]
    b = store.persons.create({"name_lat": "Said Allami"})["id"]
    undo_v5(store.conn)
    undo_v4(store.conn)
    store.conn.execute("PRAGMA user_version = 3")
    vault.lock()
    store = Vault(folder).unlock(PASSPHRASE)
    assert schema.version_of(store.conn) == schema.LATEST
    assert store.persons.count() == 2
    assert [e["op"] for e in store.outbox()] == ["create", "create"]
    pair = sorted((a, b))
    store.repo("non_duplicate").create({"person_a": pair[0], "person_b": pair[1]})
    assert store.repo("non_duplicate").count() == 1
    store.conn.close()


def undo_v9(conn):
    conn.execute("DROP TABLE directory")
    conn.execute("DROP INDEX members_user")
    conn.execute("ALTER TABLE members DROP COLUMN user_id")
    conn.execute("ALTER TABLE sync_rejections DROP COLUMN change")


def undo_v8(conn):
    import sqlite_utils

    undo_v9(conn)
    conn.execute("DROP TABLE members")
    sqlite_utils.Database(conn)["drafts"].transform(pk="form", drop={"member_id"})


def undo_v7(conn):
    undo_v8(conn)
    for trigger in ("insert", "delete", "update_old", "update_new"):
        conn.execute(f"DROP TRIGGER encounters_rollup_{trigger}")
    for table in ("encounter_rollup", "encounter_patrol_rollup", "encounter_service_rollup"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DROP INDEX encounters_person_met")


def undo_v6(conn):
    undo_v7(conn)
    conn.execute("DROP TABLE sync_quarantine")


def undo_v5(conn):
    undo_v6(conn)
    conn.execute("DROP TABLE sent")
    conn.execute("ALTER TABLE outbox DROP COLUMN replay")


def test_v5_keeps_pending_changes_and_starts_the_sent_log(tmp_path):
    folder = tmp_path / "v"
    vault, store = new_vault(folder)
    person = store.persons.create({"name_lat": "Said Alami"})
    store.persons.update(person["id"], {"nickname": "Sido"})
    undo_v5(store.conn)
    store.conn.execute("PRAGMA user_version = 4")
    vault.lock()
    store = Vault(folder).unlock(PASSPHRASE)
    assert schema.version_of(store.conn) == schema.LATEST
    assert [e["op"] for e in store.outbox()] == ["create", "update"]
    assert not any(e.get("replay") for e in store.outbox())
    store.acknowledge(2)
    assert store.conn.execute("SELECT count(*) FROM sent").fetchone()[0] == 2
    store.conn.close()


def test_v6_adds_the_quarantine_to_a_v5_vault_with_pending_changes(tmp_path):
    folder = tmp_path / "v"
    vault, store = new_vault(folder)
    store.persons.create({"name_lat": "Said Alami"})
    undo_v6(store.conn)
    store.conn.execute("PRAGMA user_version = 5")
    vault.lock()
    store = Vault(folder).unlock(PASSPHRASE)
    assert schema.version_of(store.conn) == schema.LATEST
    assert [e["op"] for e in store.outbox()] == ["create"]
    assert store.conn.execute("SELECT count(*) FROM sync_quarantine").fetchone()[0] == 0
    store.conn.close()


def test_failed_migration_leaves_previous_version(tmp_path, monkeypatch):
    conn = sqlcipher3.connect(str(tmp_path / "x.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    schema.migrate(conn, 1)

    def broken(c):
        c.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], broken))
    with contextlib.suppress(RuntimeError):
        schema.migrate(conn, 2)
    assert schema.version_of(conn) == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name='half_done'"
                        ).fetchone()[0] == 0


def schema_fingerprint(conn) -> dict:
    """Every table's columns (name, type, not null, default, primary key), its indexes (name,
    unique, partial, columns), and the triggers by name."""
    out: dict = {}
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                "name NOT LIKE 'person_search_%' ORDER BY name"):
        columns = [list(r[1:]) for r in conn.execute(f"PRAGMA table_xinfo('{name}')")]
        indexes = sorted(
            [r[1], r[2], r[4], [c[2] for c in conn.execute(f"PRAGMA index_info('{r[1]}')")]]
            for r in conn.execute(f"PRAGMA index_list('{name}')")
            if not r[1].startswith("sqlite_autoindex"))
        out[name] = {"columns": columns, "indexes": indexes}
    out["_triggers"] = sorted(
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    return out


def test_released_migrations_stay_frozen(tmp_path):
    """The schema each migration makes, against the one it made when it was released
    (``schema_vN.json``): an edit of an old migration (or of how sqlite-utils writes it)
    that changes a column, an index or a trigger fails here. A new version adds its file."""
    conn = sqlcipher3.connect(str(tmp_path / "x.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    for frozen_file in sorted(Path(__file__).parent.glob("schema_v*.json")):
        version = int(frozen_file.stem.removeprefix("schema_v"))
        assert schema.migrate(conn, version) == version
        frozen = json.loads(frozen_file.read_text(encoding="utf-8"))
        assert schema_fingerprint(conn) == frozen, frozen_file.name
    assert version == schema.LATEST, "the latest version has its fingerprint file"
