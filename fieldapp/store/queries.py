"""Read queries behind the screens: lists, a person's timeline, today's work, shelters.

Every figure is computed here in SQL, never in widgets. Results are plain dicts (stored
shapes converted to Python shapes for multi-choice fields). Rows a screen shows with who
recorded them carry the names behind their authors (:func:`name_authors`), read here on the
database thread.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from fieldapp.store.repository import Store

Row = dict[str, Any]

PERSON_COLUMNS = ("id", "name_ar", "name_lat", "nickname", "cin", "sex", "birth_date",
                  "approx_age", "age_noted_on", "flags")


def _rows(store: Store, sql: str, params: tuple[Any, ...] = ()) -> list[Row]:
    cur = store.conn.execute(sql, params)
    names = [c[0] for c in cur.description]
    out = []
    for row in cur.fetchall():
        rec = dict(zip(names, row, strict=True))
        for key in ("flags", "services", "members"):
            if key in rec and isinstance(rec[key], str):
                rec[key] = json.loads(rec[key])
        out.append(rec)
    return out


def author_names(store: Store, author: str | None) -> tuple[str | None, str | None]:
    """The name behind an author id (:meth:`Store.who`: a member of this vault, a user of
    the scope as "Name, Team", else the text as written), and the Arabic spelling of a
    member's name when they gave one (None otherwise)."""
    if not author:
        return None, None
    row = store.conn.execute(
        "SELECT nullif(name_ar, '') FROM members WHERE member_id = ? OR user_id = ? LIMIT 1",
        (author, author)).fetchone()
    return store.who(author), (row[0] if row else None)


def name_authors(store: Store, rows: list[Row],
                 columns: tuple[tuple[str, str], ...] = (("created_by", "recorded_by"),)
                 ) -> list[Row]:
    """For each (author column, key) of ``columns``, put in each row the name behind its
    author under ``key`` and its Arabic spelling (or None) under ``key + "_ar"``; each
    author is looked up once."""
    seen: dict[str | None, tuple[str | None, str | None]] = {}
    for r in rows:
        for column, key in columns:
            author = r.get(column)
            if author not in seen:
                seen[author] = author_names(store, author)
            r[key], r[f"{key}_ar"] = seen[author]
    return rows


def age_of(person: Row, today: date | None = None) -> int | None:
    """Current age from the date of birth, or the approximate age plus the years since it
    was noted."""
    today = today or date.today()
    birth = person.get("birth_date")
    if birth:
        b = date.fromisoformat(birth)
        return today.year - b.year - ((today.month, today.day) < (b.month, b.day))
    approx = person.get("approx_age")
    if approx is None:
        return None
    noted = person.get("age_noted_on")
    if noted:
        return int(approx) + max(0, (today - date.fromisoformat(noted)).days // 365)
    return int(approx)


# --- persons ------------------------------------------------------------------------------


def person_count(store: Store) -> int:
    return int(store.conn.execute(
        "SELECT count(*) FROM persons WHERE deleted = 0 AND merged_into IS NULL").fetchone()[0])


def persons_page(store: Store, offset: int, limit: int) -> list[Row]:
    """Persons newest first, with where and when they were last met."""
    cols = ", ".join(f"p.{c}" for c in PERSON_COLUMNS)
    return _rows(store, f"""
        SELECT {cols},
          (SELECT max(e.met_at) FROM encounters e WHERE e.person_id = p.id AND e.deleted = 0)
            AS last_seen
        FROM persons p WHERE p.deleted = 0 AND p.merged_into IS NULL
        ORDER BY p.rowid DESC LIMIT ? OFFSET ?""", (limit, offset))


def last_seen(store: Store, person_ids: list[str]) -> dict[str, tuple[str, str | None]]:
    """For each person: (when, where) of the latest encounter."""
    out: dict[str, tuple[str, str | None]] = {}
    for pid in person_ids:
        row = store.conn.execute(
            "SELECT met_at, location FROM encounters WHERE person_id = ? AND deleted = 0 "
            "ORDER BY met_at DESC LIMIT 1", (pid,)).fetchone()
        if row:
            out[pid] = (row[0], row[1])
    return out


def person_timeline(store: Store, person_id: str) -> list[Row]:
    """Encounters, cases, case events and referrals of a person, newest first.

    Each entry has ``kind``, ``id``, ``when``, the fields of its kind and who recorded it
    (``recorded_by``, ``recorded_by_ar``: :func:`name_authors`).
    """
    entries = []
    for r in _rows(store, "SELECT e.*, s.name_fr AS shelter_fr, s.name_ar AS shelter_ar "
                   "FROM encounters e LEFT JOIN shelters s ON s.id = e.shelter_id "
                   "WHERE e.person_id = ? AND e.deleted = 0", (person_id,)):
        entries.append({"kind": "encounter", "when": r["met_at"], **r})
    for r in _rows(store, "SELECT * FROM cases WHERE person_id = ? AND deleted = 0",
                   (person_id,)):
        entries.append({"kind": "case", "when": r["opened_on"], **r})
        for ev in _rows(store, "SELECT * FROM case_events WHERE case_id = ? AND deleted = 0",
                        (r["id"],)):
            entries.append({"kind": "case_event", "when": ev["date"], **ev})
    for r in _rows(store, "SELECT * FROM referrals WHERE person_id = ? AND deleted = 0",
                   (person_id,)):
        entries.append({"kind": "referral", "when": r["sent_on"], **r})
    entries.sort(key=lambda e: e["when"] or "", reverse=True)
    return name_authors(store, entries)


# --- patrols ------------------------------------------------------------------------------


def patrols(store: Store, limit: int = 200) -> list[Row]:
    return _rows(store, """
        SELECT p.*, (SELECT count(*) FROM encounters e WHERE e.patrol_id = p.id
                     AND e.deleted = 0) AS encounters
        FROM patrols p WHERE p.deleted = 0
        ORDER BY p.date DESC, p.started_at DESC LIMIT ?""", (limit,))


def patrols_in_progress(store: Store) -> list[Row]:
    return _rows(store, "SELECT * FROM patrols WHERE deleted = 0 AND started_at IS NOT NULL "
                        "AND ended_at IS NULL ORDER BY started_at DESC")


def patrol_encounters(store: Store, patrol_id: str) -> list[Row]:
    return _rows(store, """
        SELECT e.*, p.name_ar, p.name_lat, p.nickname
        FROM encounters e LEFT JOIN persons p ON p.id = e.person_id
        WHERE e.patrol_id = ? AND e.deleted = 0 ORDER BY e.met_at DESC""", (patrol_id,))


def patrol_summary(store: Store, patrol_id: str) -> Row:
    """People met, anonymous, services given by kind, oriented, refused."""
    row = store.conn.execute("""
        SELECT count(*),
               count(DISTINCT person_id),
               sum(anonymous),
               sum(orientation NOT IN ('none', 'refused')),
               sum(orientation = 'refused')
        FROM encounters WHERE patrol_id = ? AND deleted = 0""", (patrol_id,)).fetchone()
    services = dict(store.conn.execute("""
        SELECT j.value, count(*) FROM encounters e, json_each(e.services) j
        WHERE e.patrol_id = ? AND e.deleted = 0 GROUP BY j.value
        ORDER BY count(*) DESC""", (patrol_id,)).fetchall())
    return {"encounters": row[0], "persons": row[1], "anonymous": row[2] or 0,
            "oriented": row[3] or 0, "refused": row[4] or 0, "services": services}


# --- shelters -----------------------------------------------------------------------------

OCCUPANCY_HOURS = 24


def shelters(store: Store, now: datetime | None = None) -> list[Row]:
    """Shelters with capacity, occupancy and free places.

    Occupancy is derived from orientations: people oriented to the shelter during the last
    24 hours (one night's stay) are counted as there.
    """
    now = now or datetime.now()
    since = (now - timedelta(hours=OCCUPANCY_HOURS)).isoformat(timespec="minutes")
    rows = _rows(store, """
        SELECT s.*, (SELECT count(*) FROM encounters e WHERE e.shelter_id = s.id
                     AND e.orientation = 'shelter' AND e.deleted = 0 AND e.met_at >= ?)
                    AS occupancy
        FROM shelters s WHERE s.deleted = 0 ORDER BY s.name_fr""", (since,))
    for r in rows:
        r["free"] = max(0, (r["capacity"] or 0) - r["occupancy"])
    return rows


# --- cases and today -----------------------------------------------------------------------


def cases(store: Store, status: str | None = None, limit: int = 500) -> list[Row]:
    where = "c.deleted = 0" + (" AND c.status = ?" if status else "")
    params: tuple[Any, ...] = ((status,) if status else ()) + (limit,)
    return _rows(store, f"""
        SELECT c.*, p.name_ar, p.name_lat, p.nickname,
          (SELECT min(due_date) FROM case_events ev WHERE ev.case_id = c.id
             AND ev.deleted = 0 AND ev.due_date IS NOT NULL AND ev.done_on IS NULL)
            AS next_due
        FROM cases c LEFT JOIN persons p ON p.id = c.person_id
        WHERE {where} ORDER BY c.opened_on DESC LIMIT ?""", params)


def case_events(store: Store, case_id: str) -> list[Row]:
    """The steps of a case, each with who recorded it (:func:`name_authors`)."""
    return name_authors(store, _rows(
        store, "SELECT * FROM case_events WHERE case_id = ? AND deleted = 0 "
               "ORDER BY date, created_at", (case_id,)))


def case_referrals(store: Store, case_id: str) -> list[Row]:
    """The referrals of a case, each with who recorded it (:func:`name_authors`)."""
    return name_authors(store, _rows(
        store, "SELECT * FROM referrals WHERE case_id = ? AND deleted = 0 "
               "ORDER BY sent_on", (case_id,)))


def follow_ups_due(store: Store, today: date | None = None, days_ahead: int = 7) -> list[Row]:
    """Open actions and follow-ups due within ``days_ahead`` days or overdue, soonest first;
    each with ``overdue`` set."""
    today = today or date.today()
    until = (today + timedelta(days=days_ahead)).isoformat()
    rows = _rows(store, """
        SELECT ev.*, c.person_id, c.target_group, p.name_ar, p.name_lat, p.nickname
        FROM case_events ev
        JOIN cases c ON c.id = ev.case_id AND c.deleted = 0 AND c.status != 'closed'
        LEFT JOIN persons p ON p.id = c.person_id
        WHERE ev.due_date IS NOT NULL AND ev.done_on IS NULL AND ev.deleted = 0
          AND ev.due_date <= ?
        ORDER BY ev.due_date""", (until,))
    for r in rows:
        r["overdue"] = r["due_date"] < today.isoformat()
    return rows


# --- cases screen ---------------------------------------------------------------------------


def case_count(store: Store) -> int:
    """Cases of any status (to tell an empty screen from an empty filter)."""
    return int(store.conn.execute("SELECT count(*) FROM cases WHERE deleted = 0").fetchone()[0])


# --- supervision: duplicates (fieldapp/ui/supervision_queues.py) ---------------------------


def person_ids_of(store: Store, person_id: str) -> list[str]:
    """The person ``person_id`` now is (its merge survivor) first, then every person merged
    into that survivor, directly or along a chain (see fieldapp/store/merging.py)."""
    from fieldapp.store import merging

    return merging.group_of(store, person_id)


def person_timeline_merged(store: Store, person_id: str) -> list[Row]:
    """:func:`person_timeline` over a person and everyone merged into it, newest first."""
    entries = [e for pid in person_ids_of(store, person_id)
               for e in person_timeline(store, pid)]
    entries.sort(key=lambda e: e["when"] or "", reverse=True)
    return entries


def person_count_merged(store: Store) -> int:
    """:func:`person_count`, counting the survivors of merge cycles too."""
    from fieldapp.store import merging

    return person_count(store) + len(merging.cycle_survivors(store))


def persons_page_merged(store: Store, offset: int, limit: int) -> list[Row]:
    """:func:`persons_page` where the survivor of a merge cycle (two supervisors merged one
    pair in opposite directions) is listed; last seen over the persons merged into it."""
    from fieldapp.store import merging

    extra = merging.cycle_survivors(store)
    cols = ", ".join(f"p.{c}" for c in PERSON_COLUMNS)
    marks = ", ".join("?" * len(extra))
    shown = f"(p.merged_into IS NULL OR p.id IN ({marks}))" if extra else "p.merged_into IS NULL"
    return _rows(store, f"""
        SELECT {cols},
          (SELECT max(e.met_at) FROM encounters e WHERE e.deleted = 0 AND (e.person_id = p.id
             OR e.person_id IN (SELECT m.id FROM persons m WHERE m.merged_into = p.id)))
            AS last_seen
        FROM persons p WHERE p.deleted = 0 AND {shown}
        ORDER BY p.rowid DESC LIMIT ? OFFSET ?""", (*extra, limit, offset))


def open_conflicts(store: Store, limit: int = 500) -> list[Row]:
    """Conflict records not yet resolved, newest first, each with the record's current value
    of the field (stored shape, as ``current_value``) when the record is here, and the names
    of who won and who wrote the kept value (``winner_name``, ``kept_name`` and their
    ``_ar`` spellings: :func:`name_authors`)."""
    from fieldapp.domain import records

    rows = _rows(store, "SELECT * FROM conflicts WHERE deleted = 0 AND resolved = 0 "
                        "ORDER BY winner_hlc DESC LIMIT ?", (limit,))
    for r in rows:
        r["current_value"] = None
        kind = records.KINDS.get(r["record_kind"] or "")
        if kind is not None and r["field"] in kind.by_name:
            row = store.conn.execute(
                f"SELECT {r['field']} FROM {kind.table} WHERE id = ?", (r["record_id"],)
            ).fetchone()
            if row is not None:
                r["current_value"] = row[0]
    return name_authors(store, rows, (("winner_author", "winner_name"),
                                      ("kept_author", "kept_name")))
