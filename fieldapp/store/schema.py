"""Schema and numbered migrations, keyed on ``PRAGMA user_version``.

Each migration is frozen once released: a later change to the domain model is a new
migration, never an edit of an old one. Each runs in the transaction that bumps
``user_version``, so a crash leaves the database at the previous version, whole.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from fieldapp.domain import names
from fieldapp.store.sqlite import Connection

# Columns every record table has besides its domain fields: identity, authorship, the
# per-field server versions (JSON, filled by sync) and ``_lazy``, the mutation id of a
# pending "create" outbox entry whose content is still this row (see repository.py).
_META: dict[str, type] = {
    "id": str, "province": str, "deleted": int, "created_at": str, "created_by": str,
    "updated_at": str, "updated_by": str, "_versions": str, "_lazy": int,
}
_META_NOT_NULL = ("province", "deleted", "created_at", "updated_at")

# The domain columns of each record table (v1): TEXT unless named in _INTEGER.
_V1_RECORDS = {
    "persons": "name_ar name_lat nickname cin sex birth_date approx_age age_noted_on flags "
               "consent description notes merged_into",
    "patrols": "date team members commune area started_at ended_at notes",
    "encounters": "patrol_id person_id anonymous sex approx_age met_at location situation "
                  "services medical_outcome flags orientation shelter_id refusal_reason "
                  "consent notes",
    "cases": "person_id target_group status opened_on closed_on closure_reason assigned_to "
             "summary",
    "case_events": "case_id event_type date summary due_date done_on assigned_to "
                   "closure_reason",
    "referrals": "person_id case_id institution_type institution_name status sent_on "
                 "status_on notes",
    "shelters": "name_fr name_ar capacity commune address phone",
}
_INTEGER = {"approx_age", "consent", "anonymous", "capacity"}
_V1_INDEXES = {  # name: (table, columns)
    "patrols_date": ("patrols", ["date"]),
    "encounters_patrol": ("encounters", ["patrol_id"]),
    "encounters_person": ("encounters", ["person_id"]),
    "encounters_met_at": ("encounters", ["met_at"]),
    "cases_person": ("cases", ["person_id"]),
    "cases_status": ("cases", ["status"]),
    "case_events_case": ("case_events", ["case_id"]),
    "referrals_person": ("referrals", ["person_id"]),
    "referrals_case": ("referrals", ["case_id"]),
}


def _db(conn: Connection) -> sqlite_utils.Database:
    """sqlite-utils on the migration's connection: it writes in the caller's transaction."""
    return sqlite_utils.Database(conn)


def record_table(db: sqlite_utils.Database, name: str, columns: dict[str, type]) -> None:
    """A record table: the metadata columns, then ``columns``."""
    db.create_table(name, {**_META, **columns}, pk="id", not_null=_META_NOT_NULL,
                    defaults={"deleted": 0})


def _v1(conn: Connection) -> None:
    db = _db(conn)
    # one row, enforced by a CHECK that sqlite-utils does not write
    conn.execute("""CREATE TABLE device (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        team TEXT,
        province TEXT NOT NULL,
        role TEXT,
        lang TEXT NOT NULL DEFAULT 'ar',
        created_at TEXT NOT NULL,
        last_mutation_id INTEGER NOT NULL DEFAULT 0,
        hlc INTEGER NOT NULL DEFAULT 0)""")
    db.create_table("settings", {"key": str, "value": str}, pk="key")
    db.create_table("outbox", {"mutation_id": int, "kind": str, "record_id": str, "op": str,
                               "payload": str, "base": str, "hlc": int, "author": str},
                    pk="mutation_id", not_null=("kind", "record_id", "op", "hlc"))
    db.create_table("drafts", {"form": str, "payload": str, "saved_at": str}, pk="form",
                    not_null=("payload", "saved_at"))
    for table, columns in _V1_RECORDS.items():
        record_table(db, table, {c: int if c in _INTEGER else str for c in columns.split()})
    for index, (table, indexed) in _V1_INDEXES.items():
        db[table].create_index(indexed, index_name=index)  # type: ignore[union-attr]
    # partial indexes: sqlite-utils writes no WHERE clause
    conn.execute("CREATE INDEX persons_cin ON persons (cin) WHERE cin IS NOT NULL")
    conn.execute("CREATE INDEX persons_merged_into ON persons (merged_into) "
                 "WHERE merged_into IS NOT NULL")
    conn.execute("CREATE INDEX case_events_due ON case_events (due_date) "
                 "WHERE due_date IS NOT NULL AND done_on IS NULL")


def _v2(conn: Connection) -> None:
    """Person search: a contentless full-text index of folded names and their skeletons.

    Its rowid is the person's rowid; the terms come from :func:`names.search_terms`, so the
    index is filled from Python (here for existing persons, then by the repository).
    """
    conn.execute(
        "CREATE VIRTUAL TABLE person_search USING fts5(terms, content='', "
        "contentless_delete=1, prefix='2 3', tokenize='unicode61 remove_diacritics 0')"
    )
    rows = conn.execute("SELECT rowid, name_ar, name_lat, nickname, cin FROM persons").fetchall()
    conn.executemany(
        "INSERT INTO person_search (rowid, terms) VALUES (?, ?)",
        ((r[0], person_terms(r[1], r[2], r[3], r[4])) for r in rows),
    )


def person_terms(name_ar: str | None, name_lat: str | None, nickname: str | None,
                 cin: str | None) -> str:
    terms = names.search_terms(name_ar, name_lat, nickname)
    return f"{terms} {cin.lower()}" if cin else terms


def _v3(conn: Connection) -> None:
    """Sync: conflict records, the changes the server refused, and an index to find a
    record's pending outbox entries when incoming data is applied."""
    db = _db(conn)
    record_table(db, "conflicts", {
        "record_kind": str, "record_id": str, "field": str, "kept_value": str,
        "kept_version": int, "kept_author": str, "kept_device": str, "kept_hlc": int,
        "winner_author": str, "winner_device": str, "winner_hlc": int, "resolved": int,
        "resolved_by": str})
    conn.execute("CREATE INDEX conflicts_open ON conflicts (record_id) WHERE resolved = 0")
    db.create_table("sync_rejections", {
        "mutation_id": int, "kind": str, "record_id": str, "code": str, "errors": str,
        "at": str, "seen": int}, pk="mutation_id", not_null=("at", "seen"),
        defaults={"seen": 0})
    db["outbox"].create_index(["record_id"], index_name="outbox_record")  # type: ignore[union-attr]


def _v4(conn: Connection) -> None:
    """Duplicates: the pairs a supervisor decided are not the same person (synced records
    of kind ``non_duplicate``)."""
    db = _db(conn)
    record_table(db, "non_duplicates", {"person_a": str, "person_b": str, "decided_by": str})
    db["non_duplicates"].create_index(  # type: ignore[union-attr]
        ["person_a", "person_b"], index_name="non_duplicates_pair")


def _v5(conn: Connection) -> None:
    """Sync: acknowledged changes are kept a while (``sent``), so that after the server was
    restored from a backup the laptop sends again exactly the edits it lost ("replays")."""
    db = _db(conn)
    db["outbox"].add_column("replay", int, not_null_default=0)  # type: ignore[union-attr]
    db.create_table("sent", {
        "mutation_id": int, "kind": str, "record_id": str, "op": str, "payload": str,
        "base": str, "hlc": int, "author": str, "replay": int}, pk="mutation_id",
        not_null=("kind", "record_id", "op", "payload", "hlc", "replay"),
        defaults={"replay": 0})


def _v6(conn: Connection) -> None:
    """Sync: records received from the server that fail the record schema are set aside
    here (the whole state as received, inside the encrypted vault) instead of stopping the
    pull; a later, valid version of the same record takes its place."""
    _db(conn).create_table("sync_quarantine", {
        "record_kind": str, "record_id": str, "province": str, "version": int, "state": str,
        "errors": str, "at": str}, pk=("record_kind", "record_id"),
        not_null=("record_kind", "record_id", "state", "errors", "at"))


# The dashboard's roll-ups (v7): counts of live encounters per day, kept by triggers so that
# every writer (forms, imports, merges, the sync's apply, a restore's migration) keeps them
# exact without knowing they exist. ``day`` is the date of ``met_at`` (the dashboard's periods
# are whole days), ``night`` the night the encounter belongs to (before noon: the evening
# before). A missing orientation is kept as '' (key columns cannot be NULL). Written in SQL:
# WITHOUT ROWID (one b-tree per roll-up, for the triggers' upserts), the partial index and
# the triggers are beyond what sqlite-utils writes.
_V7_TABLES = """
CREATE TABLE encounter_rollup (
    day TEXT NOT NULL, night TEXT NOT NULL, province TEXT NOT NULL,
    orientation TEXT NOT NULL, anonymous INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (day, province, night, orientation, anonymous)) WITHOUT ROWID;
CREATE TABLE encounter_patrol_rollup (
    day TEXT NOT NULL, province TEXT NOT NULL, patrol_id TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (day, province, patrol_id)) WITHOUT ROWID;
CREATE TABLE encounter_service_rollup (
    day TEXT NOT NULL, province TEXT NOT NULL, service TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (day, province, service)) WITHOUT ROWID;
CREATE INDEX encounters_person_met ON encounters (person_id, met_at, province, orientation)
    WHERE deleted = 0 AND person_id IS NOT NULL
"""


def _rollup_statements(r: str, sign: str) -> list[str]:
    """Add (``sign`` '+') or take away ('-') the encounter ``r`` (NEW or OLD) from the
    roll-ups; rows that fall to zero are removed, so a roll-up holds only what is there."""
    day = f"substr({r}.met_at, 1, 10)"
    main = (f"{day}, coalesce(date({r}.met_at, '-12 hours'), {day}), {r}.province, "
            f"coalesce({r}.orientation, ''), {r}.person_id IS NULL")
    services = f"json_each(CASE WHEN json_valid({r}.services) THEN {r}.services END)"
    if sign == "+":
        return [
            f"INSERT INTO encounter_rollup SELECT {main}, 1 WHERE true "
            "ON CONFLICT DO UPDATE SET n = n + 1",
            f"INSERT INTO encounter_patrol_rollup SELECT {day}, {r}.province, {r}.patrol_id, 1 "
            f"WHERE {r}.patrol_id IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1",
            f"INSERT INTO encounter_service_rollup SELECT {day}, {r}.province, j.value, 1 "
            f"FROM {services} j WHERE true ON CONFLICT DO UPDATE SET n = n + 1",
        ]
    return [
        "UPDATE encounter_rollup SET n = n - 1 WHERE (day, night, province, orientation, "
        f"anonymous) = ({main})",
        "DELETE FROM encounter_rollup WHERE n <= 0 AND (day, night, province, orientation, "
        f"anonymous) = ({main})",
        f"UPDATE encounter_patrol_rollup SET n = n - 1 WHERE (day, province, patrol_id) = "
        f"({day}, {r}.province, {r}.patrol_id)",
        f"DELETE FROM encounter_patrol_rollup WHERE n <= 0 AND (day, province, patrol_id) = "
        f"({day}, {r}.province, {r}.patrol_id)",
        # one service may appear twice in a (foreign) list: take each occurrence away
        f"UPDATE encounter_service_rollup SET n = n - (SELECT count(*) FROM {services} j "
        f"WHERE j.value = service) WHERE day = {day} AND province = {r}.province "
        f"AND service IN (SELECT j.value FROM {services} j)",
        f"DELETE FROM encounter_service_rollup WHERE n <= 0 AND day = {day} "
        f"AND province = {r}.province",
    ]


def _counted(r: str) -> str:
    return f"{r}.deleted = 0 AND {r}.met_at IS NOT NULL AND {r}.province IS NOT NULL"


_ROLLUP_COLUMNS = ("met_at", "province", "deleted", "orientation", "person_id", "patrol_id",
                   "services")


def _v7(conn: Connection) -> None:
    """Dashboard roll-ups kept on write, and an index that covers the distinct persons met
    (see ``fieldapp/store/dashboard.py``); filled here from the encounters already stored."""
    for statement in _V7_TABLES.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    add, remove = _rollup_statements("NEW", "+"), _rollup_statements("OLD", "-")
    conn.execute(f"""CREATE TRIGGER encounters_rollup_insert AFTER INSERT ON encounters
        WHEN {_counted("NEW")} BEGIN {"; ".join(add)}; END""")
    conn.execute(f"""CREATE TRIGGER encounters_rollup_delete AFTER DELETE ON encounters
        WHEN {_counted("OLD")} BEGIN {"; ".join(remove)}; END""")
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _ROLLUP_COLUMNS)
    conn.execute(f"""CREATE TRIGGER encounters_rollup_update_old AFTER UPDATE ON encounters
        WHEN ({changed}) AND {_counted("OLD")} BEGIN {"; ".join(remove)}; END""")
    conn.execute(f"""CREATE TRIGGER encounters_rollup_update_new AFTER UPDATE ON encounters
        WHEN ({changed}) AND {_counted("NEW")} BEGIN {"; ".join(add)}; END""")
    e = "e"  # the encounters already stored
    conn.execute(f"""INSERT INTO encounter_rollup SELECT substr(e.met_at, 1, 10),
        coalesce(date(e.met_at, '-12 hours'), substr(e.met_at, 1, 10)), e.province,
        coalesce(e.orientation, ''), e.person_id IS NULL, count(*) FROM encounters e
        WHERE {_counted(e)} GROUP BY 1, 2, 3, 4, 5""")
    conn.execute(f"""INSERT INTO encounter_patrol_rollup SELECT substr(e.met_at, 1, 10),
        e.province, e.patrol_id, count(*) FROM encounters e
        WHERE {_counted(e)} AND e.patrol_id IS NOT NULL GROUP BY 1, 2, 3""")
    conn.execute(f"""INSERT INTO encounter_service_rollup SELECT substr(e.met_at, 1, 10),
        e.province, j.value, count(*)
        FROM encounters e, json_each(CASE WHEN json_valid(e.services) THEN e.services END) j
        WHERE {_counted(e)} GROUP BY 1, 2, 3""")


def _v8(conn: Connection) -> None:
    """Members: the staff who use this vault, each with their role, language and text size
    (their key slots are in the key file); drafts become each member's own."""
    db = _db(conn)
    db.create_table("members", {
        "member_id": str, "name": str, "name_ar": str, "role": str, "team": str, "lang": str,
        "text_size": int, "added_at": str, "added_by": str, "removed_at": str},
        pk="member_id", not_null=("name", "added_at"))
    drafts = db["drafts"]
    drafts.add_column("member_id", str, not_null_default="")  # type: ignore[union-attr]
    # the drafts of before belong to whoever unlocks first ('')
    drafts.transform(pk=("member_id", "form"))  # type: ignore[union-attr]


def _v9(conn: Connection) -> None:
    """Attribution: each member's user id on the server (issued at enrollment, when they
    join with their own code, or when the server accepts a member a centre head added), and
    the server's users of this scope by name, to say who recorded what; a refused change
    keeps its content."""
    db = _db(conn)
    db["members"].add_column("user_id", str)  # type: ignore[union-attr]
    db["members"].create_index(["user_id"], index_name="members_user")  # type: ignore[union-attr]
    db.create_table("directory", {"user_id": str, "name": str, "team": str},
                    pk="user_id", not_null=("name",))
    # a change the server refused keeps what it wrote (the record itself follows the server)
    db["sync_rejections"].add_column("change", str)  # type: ignore[union-attr]


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (
    _v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9)
LATEST = len(MIGRATIONS)


def version_of(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, target: int = LATEST) -> int:
    """Bring the database to ``target``, one transaction per step; returns the new version."""
    current = version_of(conn)
    for number in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](conn)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return version_of(conn)
