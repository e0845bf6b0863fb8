"""Schema and numbered migrations, keyed on ``PRAGMA user_version``.

Each migration is frozen once released: a later change to the domain model is a new
migration, never an edit of an old one. Each runs in the transaction that bumps
``user_version``, so a crash leaves the database at the previous version, whole.
"""

from __future__ import annotations

from collections.abc import Callable

from fieldapp.domain import names
from fieldapp.store.sqlite import Connection

# Columns every record table has besides its domain fields: identity, authorship, the
# per-field server versions (JSON, filled by sync) and ``_lazy``, the mutation id of a
# pending "create" outbox entry whose content is still this row (see repository.py).
_META = """
    id TEXT PRIMARY KEY,
    province TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT,
    _versions TEXT,
    _lazy INTEGER"""

_V1 = f"""
CREATE TABLE device (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    device_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    team TEXT,
    province TEXT NOT NULL,
    role TEXT,
    lang TEXT NOT NULL DEFAULT 'ar',
    created_at TEXT NOT NULL,
    last_mutation_id INTEGER NOT NULL DEFAULT 0,
    hlc INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE outbox (
    mutation_id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op TEXT NOT NULL,
    payload TEXT,
    base TEXT,
    hlc INTEGER NOT NULL,
    author TEXT
);
CREATE TABLE drafts (
    form TEXT PRIMARY KEY,
    payload TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
CREATE TABLE persons ({_META},
    name_ar TEXT, name_lat TEXT, nickname TEXT, cin TEXT, sex TEXT, birth_date TEXT,
    approx_age INTEGER, age_noted_on TEXT, flags TEXT, consent INTEGER, description TEXT,
    notes TEXT, merged_into TEXT
);
CREATE INDEX persons_cin ON persons (cin) WHERE cin IS NOT NULL;
CREATE INDEX persons_merged_into ON persons (merged_into) WHERE merged_into IS NOT NULL;
CREATE TABLE patrols ({_META},
    date TEXT, team TEXT, members TEXT, commune TEXT, area TEXT, started_at TEXT,
    ended_at TEXT, notes TEXT
);
CREATE INDEX patrols_date ON patrols (date);
CREATE TABLE encounters ({_META},
    patrol_id TEXT, person_id TEXT, anonymous INTEGER, sex TEXT, approx_age INTEGER,
    met_at TEXT, location TEXT, situation TEXT, services TEXT, medical_outcome TEXT,
    flags TEXT, orientation TEXT, shelter_id TEXT, refusal_reason TEXT, consent INTEGER,
    notes TEXT
);
CREATE INDEX encounters_patrol ON encounters (patrol_id);
CREATE INDEX encounters_person ON encounters (person_id);
CREATE INDEX encounters_met_at ON encounters (met_at);
CREATE TABLE cases ({_META},
    person_id TEXT, target_group TEXT, status TEXT, opened_on TEXT, closed_on TEXT,
    closure_reason TEXT, assigned_to TEXT, summary TEXT
);
CREATE INDEX cases_person ON cases (person_id);
CREATE INDEX cases_status ON cases (status);
CREATE TABLE case_events ({_META},
    case_id TEXT, event_type TEXT, date TEXT, summary TEXT, due_date TEXT, done_on TEXT,
    assigned_to TEXT, closure_reason TEXT
);
CREATE INDEX case_events_case ON case_events (case_id);
CREATE INDEX case_events_due ON case_events (due_date) WHERE due_date IS NOT NULL
    AND done_on IS NULL;
CREATE TABLE referrals ({_META},
    person_id TEXT, case_id TEXT, institution_type TEXT, institution_name TEXT, status TEXT,
    sent_on TEXT, status_on TEXT, notes TEXT
);
CREATE INDEX referrals_person ON referrals (person_id);
CREATE INDEX referrals_case ON referrals (case_id);
CREATE TABLE shelters ({_META},
    name_fr TEXT, name_ar TEXT, capacity INTEGER, commune TEXT, address TEXT, phone TEXT
);
"""


def _v1(conn: Connection) -> None:
    for statement in _V1.split(";\n"):
        if statement.strip():
            conn.execute(statement)


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
    conn.execute(f"""CREATE TABLE conflicts ({_META},
        record_kind TEXT, record_id TEXT, field TEXT, kept_value TEXT, kept_version INTEGER,
        kept_author TEXT, kept_device TEXT, kept_hlc INTEGER, winner_author TEXT,
        winner_device TEXT, winner_hlc INTEGER, resolved INTEGER, resolved_by TEXT)""")
    conn.execute("CREATE INDEX conflicts_open ON conflicts (record_id) WHERE resolved = 0")
    conn.execute("""CREATE TABLE sync_rejections (
        mutation_id INTEGER PRIMARY KEY, kind TEXT, record_id TEXT, code TEXT, errors TEXT,
        at TEXT NOT NULL, seen INTEGER NOT NULL DEFAULT 0)""")
    conn.execute("CREATE INDEX outbox_record ON outbox (record_id)")


def _v4(conn: Connection) -> None:
    """Duplicates: the pairs a supervisor decided are not the same person (synced records
    of kind ``non_duplicate``)."""
    conn.execute(f"""CREATE TABLE non_duplicates ({_META},
        person_a TEXT, person_b TEXT, decided_by TEXT)""")
    conn.execute("CREATE INDEX non_duplicates_pair ON non_duplicates (person_a, person_b)")


def _v5(conn: Connection) -> None:
    """Sync: acknowledged changes are kept a while (``sent``), so that after the server was
    restored from a backup the laptop sends again exactly the edits it lost ("replays")."""
    conn.execute("ALTER TABLE outbox ADD COLUMN replay INTEGER NOT NULL DEFAULT 0")
    conn.execute("""CREATE TABLE sent (
        mutation_id INTEGER PRIMARY KEY, kind TEXT NOT NULL, record_id TEXT NOT NULL,
        op TEXT NOT NULL, payload TEXT NOT NULL, base TEXT, hlc INTEGER NOT NULL,
        author TEXT, replay INTEGER NOT NULL DEFAULT 0)""")


def _v6(conn: Connection) -> None:
    """Sync: records received from the server that fail the record schema are set aside
    here (the whole state as received, inside the encrypted vault) instead of stopping the
    pull; a later, valid version of the same record takes its place."""
    conn.execute("""CREATE TABLE sync_quarantine (
        record_kind TEXT NOT NULL, record_id TEXT NOT NULL, province TEXT, version INTEGER,
        state TEXT NOT NULL, errors TEXT NOT NULL, at TEXT NOT NULL,
        PRIMARY KEY (record_kind, record_id))""")


# The dashboard's roll-ups (v7): counts of live encounters per day, kept by triggers so that
# every writer (forms, imports, merges, the sync's apply, a restore's migration) keeps them
# exact without knowing they exist. ``day`` is the date of ``met_at`` (the dashboard's periods
# are whole days), ``night`` the night the encounter belongs to (before noon: the evening
# before). A missing orientation is kept as '' (key columns cannot be NULL).
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


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_v1, _v2, _v3, _v4, _v5, _v6, _v7)
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
